//! `--help` and command-line mistakes in the person's language (issue 21):
//! the system's (`LANG`), or the one asked for with `--lang` or
//! `REPORTAL_LANG`, wherever `--lang` stands.

use std::path::Path;

use crate::common::{Run, reportal_command};

/// `reportal <args>` with `LANG` set and no other language variable.
fn reportal_with(lang: &str, reportal_lang: Option<&str>, args: &[&str]) -> Run {
    let mut command = reportal_command(Path::new("."), lang);
    if let Some(tag) = reportal_lang {
        command.env("REPORTAL_LANG", tag);
    }
    command.args(args).output().expect("run reportal").into()
}

const CHINESE: &str = "zh_CN.UTF-8";
const ENGLISH: &str = "C.UTF-8";

const COMMANDS: [(&str, &str); 6] = [
    ("build", "生成站点"),
    ("check", "像 `build` 一样检查"),
    ("serve", "预览站点"),
    ("import", "把 Word 报告"),
    ("new", "开始写一个单位的下一份报告"),
    ("init", "新建一个站点"),
];

fn assert_chinese(run: &Run) {
    assert!(run.ok, "{run}");
    for word in ["用法：reportal", "选项：", "显示帮助"] {
        assert!(run.stdout.contains(word), "no {word}:\n{run}");
    }
    for word in ["Usage:", "Options:", "Print help"] {
        assert!(!run.stdout.contains(word), "{word}:\n{run}");
    }
}

fn assert_english(run: &Run) {
    assert!(run.ok, "{run}");
    for word in ["Usage: reportal", "Options:", "Print help"] {
        assert!(run.stdout.contains(word), "no {word}:\n{run}");
    }
    assert!(!run.stdout.contains("用法"), "Chinese:\n{run}");
}

#[test]
fn help_follows_the_system_language() {
    let run = reportal_with(CHINESE, None, &["--help"]);
    assert_chinese(&run);
    for word in ["把每月的工作报告做成静态网站", "命令：", "显示版本"] {
        assert!(run.stdout.contains(word), "no {word}:\n{run}");
    }
    for (command, summary) in COMMANDS {
        let line = run
            .stdout
            .lines()
            .find(|line| line.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("no {command}:\n{run}"));
        assert!(line.contains(summary), "{line}");
    }

    let run = reportal_with(ENGLISH, None, &["--help"]);
    assert_english(&run);
    assert!(
        run.stdout.contains("Static sites for monthly work reports"),
        "{run}"
    );
    assert!(run.stdout.contains("Commands:"), "{run}");
}

#[test]
fn the_language_asked_for_wins_wherever_it_is_asked() {
    assert_english(&reportal_with(CHINESE, None, &["--lang", "en", "--help"]));
    assert_english(&reportal_with(
        CHINESE,
        None,
        &["build", "--help", "--lang=en"],
    ));
    assert_english(&reportal_with(CHINESE, Some("en"), &["-h"]));
    assert_chinese(&reportal_with(
        ENGLISH,
        None,
        &["--lang", "zh-CN", "--help"],
    ));
    assert_chinese(&reportal_with(ENGLISH, None, &["--lang=zh-CN", "--help"]));
    assert_chinese(&reportal_with(
        ENGLISH,
        None,
        &["build", "--help", "--lang", "zh-CN"],
    ));
    assert_chinese(&reportal_with(ENGLISH, Some("zh-CN"), &["help", "build"]));
    assert_chinese(&reportal_with(ENGLISH, Some("zh-CN"), &["serve", "-h"]));
}

/// Each command's options, as its English help lists them: `--root`.
fn options(help: &str) -> Vec<String> {
    help.lines()
        .filter_map(|line| {
            let word = line
                .trim_start()
                .trim_start_matches("-h, ")
                .split_whitespace()
                .next()?;
            word.starts_with("--")
                .then(|| word.trim_end_matches(',').to_string())
        })
        .collect()
}

#[test]
fn every_option_of_every_command_is_explained_in_chinese() {
    for (command, summary) in COMMANDS {
        let english = reportal_with(ENGLISH, None, &[command, "--help"]);
        let chinese = reportal_with(CHINESE, None, &[command, "--help"]);
        assert_chinese(&chinese);
        assert!(chinese.stdout.starts_with(summary), "{chinese}");
        let listed = options(&english.stdout);
        assert!(listed.len() >= 3, "{command}: {listed:?}\n{english}");
        assert_eq!(options(&chinese.stdout), listed, "{command}");
        for line in chinese.stdout.lines().filter(|line| line.starts_with("  ")) {
            assert!(
                line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "`{command} --help` explains in English: {line}"
            );
        }
    }
    let init = reportal_with(CHINESE, None, &["init", "--help"]);
    assert!(
        init.stdout.contains("参数：\n  <DIR>  要新建的文件夹"),
        "{init}"
    );
}

#[test]
fn mistakes_are_told_in_chinese() {
    let run = reportal_with(CHINESE, None, &["build", "--draft"]);
    assert_eq!(run.code, Some(2), "{run}");
    for word in [
        "错误：不认识参数 `--draft`",
        "相近的参数：`--drafts`",
        "`reportal build --help`",
    ] {
        assert!(run.stderr.contains(word), "no {word}:\n{run}");
    }
    let run = reportal_with(CHINESE, None, &["biuld"]);
    assert_eq!(run.code, Some(2), "{run}");
    assert!(run.stderr.contains("没有 `biuld` 这个命令"), "{run}");
    assert!(run.stderr.contains("`build`"), "{run}");
    let run = reportal_with(CHINESE, None, &["build", "--root"]);
    assert!(
        run.stderr.contains("`--root <ROOT>` 后面要写一个值"),
        "{run}"
    );
    let run = reportal_with(CHINESE, None, &["serve", "--port", "abc"]);
    assert!(
        run.stderr.contains("`--port <PORT>` 的值 `abc` 不对"),
        "{run}"
    );
    let run = reportal_with(CHINESE, None, &["import"]);
    assert!(
        run.stderr
            .contains("缺少下面这些必须写的参数：\n  <FILE_OR_FOLDER>"),
        "{run}"
    );
    assert!(run.stderr.contains("用法：reportal import"), "{run}");

    let run = reportal_with(ENGLISH, None, &["build", "--draft"]);
    assert_eq!(run.code, Some(2), "{run}");
    assert!(
        run.stderr
            .contains("error: unexpected argument '--draft' found"),
        "{run}"
    );
}

/// The rarer mistakes in Chinese too, with the parser's reason for a bad
/// value; the command to ask for help names the program as it was called
/// (`reportal.exe` on Windows).
#[test]
fn more_mistakes_in_chinese_name_the_program_as_called() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = dir.path().join("reportal.exe");
    std::fs::copy(env!("CARGO_BIN_EXE_reportal"), &exe).expect("copy the binary");
    for (args, said) in [
        (&["check", "--bogus"][..], "`reportal.exe check --help`"),
        (
            &["build", "--root", "a", "--root", "b"][..],
            "`--root <ROOT>` 只能写一次",
        ),
        (
            &["build", "--drafts=yes"][..],
            "`--drafts` 后面不带值，却写了 `yes`",
        ),
        (
            &["serve", "--port", "99999"][..],
            "`--port <PORT>` 的值 `99999` 不对（99999 is not in 0..=65535）",
        ),
    ] {
        let ran: Run = std::process::Command::new(&exe)
            .env_remove("REPORTAL_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env("LANG", CHINESE)
            .env("NO_COLOR", "1")
            .args(args)
            .output()
            .expect("run reportal.exe")
            .into();
        assert_eq!(ran.code, Some(2), "{ran}");
        assert!(ran.stderr.contains(said), "{args:?}: no {said:?} in {ran}");
    }
}

/// A language reportal does not speak is said so, once, and English used;
/// any spelling of the two it speaks is taken quietly.
#[test]
fn a_language_reportal_does_not_speak_is_said_so() {
    let fr = reportal_with(ENGLISH, None, &["--lang", "fr", "--help"]);
    assert!(fr.ok, "{fr}");
    assert!(
        fr.stderr.contains("reportal speaks zh-CN and en, not `fr`"),
        "{fr}"
    );
    assert!(fr.stdout.contains("Usage:"), "{fr}");
    for tag in ["zh_CN.UTF-8", "zh", "en-GB", "EN"] {
        let ran = reportal_with(CHINESE, Some(tag), &["--help"]);
        assert!(ran.ok && ran.stderr.is_empty(), "{tag}: {ran}");
    }
}
