//! `build` and `check` speak the site's language (issue 21): the same
//! faulty files on a site with `language: zh-CN` and on one with
//! `language: en` give the same problems at the same `file:line:col`, in
//! Chinese on the one and in English on the other; the summaries count
//! in each language's way ("1 report" / "2 reports", "2 份报告"); `--lang`
//! and `REPORTAL_LANG` override the site. reportal runs with `LANG=C.UTF-8`
//! and no `REPORTAL_LANG`, so the site decides.

use crate::common::{Run, Site, reportal_command, reportal_in_language};

const REPORT_A: &str = "---
monht: 2026-01
month: 2026-01
unit: a
metrics:
  report:
    注册志愿者: 七千
---

## 制度建设

### 本月份推进情况

1. 完成。见[附件](附件.pdf)。

### 下一步推进计划

1. 继续。

## 干部建设

### 本月份推进情况

1. 培训。
";

const REPORT_B: &str = "---
month: 2026-01
unit: b
draft: maybe
---

## 制度建设

### 本月份推进情况

1. 完成。
";

fn site(language: &str, a: &str, b: &str) -> Site {
    let yaml = format!(
        "language: {language}
titel: 测试
units:
  - {{ id: a, name: 甲市 }}
  - {{ id: b, name: 乙市 }}
  - {{ id: c, name: 丙市 }}
areas:
  - {{ id: zhidu, name: 制度建设 }}
  - {{ id: ganbu, name: 干部队伍建设 }}
metrics:
  - {{ id: volunteers, name: 注册志愿者, unit: 人 }}
"
    );
    Site::new(&[
        ("site.yaml", &yaml),
        ("content/a/2026-01.md", a),
        ("content/b/2026-01.md", b),
    ])
}

fn run(site: &Site, args: &[&str]) -> Run {
    let mut all = args.to_vec();
    all.extend(["--root", site.root().to_str().expect("a UTF-8 temp path")]);
    reportal_in_language(site.root(), "C.UTF-8", &all)
}

/// Each problem's header line, `file:line:col: message`, as printed.
fn problems(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| {
            let line = line.trim_start();
            line.strip_prefix("× ")
                .or_else(|| line.strip_prefix("⚠ "))
                .map(str::to_string)
        })
        .collect()
}

/// Each problem's `file:line:col` and the one its snippet's header shows
/// (`╭─[file:line:col]`).
fn places(run: &Run) -> Vec<(String, String)> {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let mut found = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(problem) = problems(line).pop() else {
            continue;
        };
        let place: String = problem.split(": ").next().unwrap_or("").to_string();
        if let Some(header) = lines.get(i + 1).and_then(|l| l.split("╭─[").nth(1)) {
            found.push((place, header.trim_end_matches(']').to_string()));
        }
    }
    assert!(!found.is_empty(), "no snippet headers in {run}");
    found
}

const PROBLEMS_ZH: [&str; 6] = [
    "content/a/2026-01.md:2:1: 开头设置中有不认识的项 `monht`（是不是想写 `month`？），已忽略",
    "content/a/2026-01.md:7:12: 指标 `注册志愿者` 的值 `七千` 不是数字：只写数字，例如 7600000 或 12.5（不要千位分隔符，不要“万”或“%”）",
    "content/a/2026-01.md:14:8: 没有文件 `附件.pdf`（这里的路径从报告所在的文件夹算起）：请把文件放到那里，或改正路径",
    "content/a/2026-01.md:20:1: 重点工作 `干部建设` 不在 site.yaml 中；最接近的是 `干部队伍建设`",
    "content/b/2026-01.md:4:8: `draft:` 只能是 true 或 false，不能是 `maybe`",
    "site.yaml:2:1: site.yaml 中有不认识的项 `titel`（是不是想写 `title`？），已忽略",
];

const PROBLEMS_EN: [&str; 6] = [
    "content/a/2026-01.md:2:1: unknown front matter key `monht` (did you mean `month`?); it is ignored",
    "content/a/2026-01.md:7:12: the value of metric `注册志愿者`, `七千`, is not a number: write digits only, like 7600000 or 12.5 (no thousands separators, no 万 or %)",
    "content/a/2026-01.md:14:8: there is no file `附件.pdf` (a path here is relative to the report's folder): put the file there, or correct the path",
    "content/a/2026-01.md:20:1: work area `干部建设` is not in site.yaml; the closest configured area is `干部队伍建设`",
    "content/b/2026-01.md:4:8: `draft:` must be true or false, not `maybe`",
    "site.yaml:2:1: unknown key `titel` in site.yaml (did you mean `title`?); it is ignored",
];

#[test]
fn build_and_check_say_each_problem_in_the_sites_language_at_the_same_place() {
    for (language, wanted, failed_build, failed_check) in [
        (
            "zh-CN",
            PROBLEMS_ZH,
            "生成失败：3 个错误，3 条警告；原来生成的网站没有改动",
            "检查失败：3 个错误，3 条警告",
        ),
        (
            "en",
            PROBLEMS_EN,
            "build failed: 3 errors, 3 warnings; the previous output was left as it was",
            "check failed: 3 errors, 3 warnings",
        ),
    ] {
        let site = site(language, REPORT_A, REPORT_B);
        for (command, failed) in [("build", failed_build), ("check", failed_check)] {
            let ran = run(&site, &[command]);
            assert_eq!(ran.code, Some(1), "{language} {command}: {ran}");
            assert_eq!(problems(&ran.stderr), wanted, "{language} {command}: {ran}");
            // The snippet's header names the same place, in characters.
            for (problem, header) in places(&ran) {
                assert_eq!(problem, header, "{language} {command}: {ran}");
            }
            assert!(ran.stderr.contains(failed), "{language} {command}: {ran}");
        }
    }
}

#[test]
fn summaries_count_in_each_languages_way() {
    let fixed_a = REPORT_A
        .replace("七千", "7000")
        .replace("见[附件](附件.pdf)。", "");
    let draft_b = REPORT_B.replace("maybe", "true");
    for (language, wanted) in [
        (
            "zh-CN",
            [
                "2026-01：尚未报送的单位：乙市（草稿）、丙市",
                "已检查 2 份报告、2 个月、3 项重点工作、3 个单位：将写出 ",
                "（3 条警告）",
                "提示：site.yaml 中没有 base_url",
                "已生成 2 份报告、2 个月、3 项重点工作、3 个单位：",
                "个没有变化）",
            ],
        ),
        (
            "en",
            [
                "2026-01: no report yet from 乙市 (draft), 丙市",
                "checked 2 reports, 2 months, 3 areas, 3 units: ",
                " (3 warnings)",
                "note: no base_url in site.yaml",
                "built 2 reports, 2 months, 3 areas, 3 units: ",
                " files (",
            ],
        ),
    ] {
        let site = site(language, &fixed_a, &draft_b);
        // 丙市 reported before: its missing January is late.
        site.write(
            "content/c/2025-12.md",
            REPORT_B
                .replace("2026-01", "2025-12")
                .replace("unit: b\ndraft: maybe", "unit: c"),
        );
        let checked = run(&site, &["check"]);
        let built = run(&site, &["build"]);
        assert!(checked.ok && built.ok, "{checked}\n{built}");
        let said = format!("{checked}\n{built}");
        for text in wanted {
            assert!(said.contains(text), "{language}: no {text:?} in\n{said}");
        }
    }
    // Plural forms: one warning, and a second report.
    let site = site("en", &fixed_a, &fixed_a.replace("unit: a", "unit: b"));
    let checked = run(&site, &["check"]);
    assert!(
        checked
            .stdout
            .contains("checked 2 reports, 1 month, 3 areas, 3 units")
            && checked.stdout.contains("(5 warnings)"),
        "{checked}"
    );
    let single = Site::new(&[(
        "content/2026-01.md",
        "---\nmonth: 2026-01\nmonht: x\n---\n\n## 制度建设\n\n### 本月份推进情况\n\n1. 完成。\n",
    )]);
    let ran = reportal_in_language(single.root(), "C.UTF-8", &["--lang", "en", "check"]);
    assert!(
        ran.stdout
            .contains("checked 1 report, 1 month, 1 area, 1 unit: ")
            && ran.stdout.contains("(1 warning)"),
        "{ran}"
    );
}

/// The person's choice beats the site's, either way; the output's
/// refusal (checked before anything is written) is in the site's language.
#[test]
fn lang_and_reportal_lang_override_the_site() {
    let zh = site("zh-CN", REPORT_A, REPORT_B);
    let asked_en = run(&zh, &["check", "--lang", "en"]);
    assert_eq!(problems(&asked_en.stderr), PROBLEMS_EN, "{asked_en}");
    let en = site("en", REPORT_A, REPORT_B);
    let asked_zh = reportal_command(en.root(), "C.UTF-8")
        .env("REPORTAL_LANG", "zh-CN")
        .args(["check"])
        .output()
        .expect("run reportal");
    let asked_zh = Run::from(asked_zh);
    assert_eq!(problems(&asked_zh.stderr), PROBLEMS_ZH, "{asked_zh}");

    let fixed = REPORT_A
        .replace("七千", "7000")
        .replace("见[附件](附件.pdf)。", "");
    for (language, refusal) in [
        (
            "zh-CN",
            "：里面有文件，而且不是 reportal 生成的（确实要替换，请加 --force）",
        ),
        (
            "en",
            ": it has files and reportal did not make it (use --force to replace it anyway)",
        ),
    ] {
        let site = site(language, &fixed, &fixed.replace("unit: a", "unit: b"));
        site.write("elsewhere/keep.txt", "not reportal's");
        let output = site.root().join("elsewhere");
        let ran = run(
            &site,
            &["build", "--output", output.to_str().expect("UTF-8")],
        );
        assert_eq!(ran.code, Some(1), "{ran}");
        assert!(ran.stderr.contains(refusal), "{language}: {ran}");
        assert!(output.join("keep.txt").is_file());
    }
}

/// "Did you mean" only when the name is close, in both languages: a
/// misspelt area gets the configured one, an area nothing like any gets
/// none (not the least unlike).
#[test]
fn suggestions_only_when_close_in_both_languages() {
    let body = "\n## 干部建设\n\n### 本月份推进情况\n\n1. 培训。\n\n## 未知领域\n\n### 本月份推进情况\n\n1. 做了。\n";
    let report = format!("---\nmonth: 2026-01\nunit: a\n---\n{body}");
    for (language, close, far) in [
        (
            "zh-CN",
            "重点工作 `干部建设` 不在 site.yaml 中；最接近的是 `干部队伍建设`",
            "重点工作 `未知领域` 不在 site.yaml 中",
        ),
        (
            "en",
            "work area `干部建设` is not in site.yaml; the closest configured area is `干部队伍建设`",
            "work area `未知领域` is not in site.yaml",
        ),
    ] {
        let site = site(language, &report, &REPORT_B.replace("maybe", "false"));
        let ran = run(&site, &["check"]);
        let said = problems(&ran.stderr);
        assert!(said.iter().any(|p| p.ends_with(close)), "{language}: {ran}");
        assert!(said.iter().any(|p| p.ends_with(far)), "{language}: {ran}");
    }
}

/// A site.yaml the YAML reader cannot read (or not even as text) still
/// speaks the language its `language:` line gives.
#[test]
fn a_broken_site_yaml_is_told_in_its_own_language() {
    for (yaml, said) in [
        (
            "language: zh-CN\nunits: 5\n".as_bytes().to_vec(),
            "site.yaml:2:8: site.yaml 的写法有误，reportal 读不懂这里（YAML 的原话：",
        ),
        (
            // GBK bytes after the line: not UTF-8 text at all.
            [
                &b"language: \"zh-CN\" # x\ntitle: "[..],
                &[0xb2, 0xe2, 0xca, 0xd4, 0xd5, 0xbe, b'\n'],
            ]
            .concat(),
            "site.yaml: 这个文件不是 UTF-8 编码的文本",
        ),
    ] {
        let site = Site::new(&[("content/2026-01.md", REPORT_B)]);
        site.write("site.yaml", &yaml);
        let ran = run(&site, &["check"]);
        assert_eq!(ran.code, Some(1), "{ran}");
        assert!(
            problems(&ran.stderr).iter().any(|p| p.starts_with(said)),
            "{ran}"
        );
        assert!(ran.stderr.contains("检查失败：1 个错误"), "{ran}");
    }
}
