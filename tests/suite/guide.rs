//! The Chinese user guide, docs/用户手册.md, kept true to the program:
//! every command it shows exists with the options it names, its example
//! report builds without a warning on the site `init` makes, and its
//! section on messages explains every kind of problem a writer can see.

use std::collections::BTreeSet;

use crate::common::{parse_file, reportal};

const GUIDE: &str = include_str!("../../docs/用户手册.md");
const PROBLEMS: &str = include_str!("../../src/messages/en/problems.ftl");

/// The info string that marks the guide's example report.
const EXAMPLE_INFO: &str = "markdown title=\"content/2026-01.md\"";

/// The guide's fenced code blocks: (info string, lines).
fn code_blocks() -> Vec<(String, Vec<&'static str>)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, Vec<&'static str>)> = None;
    for line in GUIDE.lines() {
        match (&mut open, line.strip_prefix("```")) {
            (None, Some(info)) => open = Some((info.trim().to_string(), Vec::new())),
            (Some(_), Some(_)) => blocks.extend(open.take()),
            (Some((_, lines)), None) => lines.push(line),
            (None, None) => {}
        }
    }
    assert!(open.is_none(), "a code block of the guide is never closed");
    blocks
}

/// The guide's inline code spans (outside code blocks).
fn inline_spans() -> Vec<&'static str> {
    let mut spans = Vec::new();
    let mut in_block = false;
    for line in GUIDE.lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block {
            continue;
        }
        let mut parts = line.split('`');
        parts.next();
        while let (Some(span), Some(_)) = (parts.next(), parts.next()) {
            spans.push(span);
        }
    }
    spans
}

/// Every command line the guide shows: a code block's line or an inline
/// span that starts with `reportal `, as (command, its options).
fn command_lines() -> Vec<(String, String, Vec<String>)> {
    let block_lines = code_blocks()
        .into_iter()
        .flat_map(|(_, lines)| lines)
        .collect::<Vec<_>>();
    block_lines
        .into_iter()
        .chain(inline_spans())
        .filter_map(|line| {
            let rest = line.trim().strip_prefix("reportal ")?;
            let command = rest.split_whitespace().next()?.to_string();
            let options = rest
                .split_whitespace()
                .filter(|word| is_option(word))
                .map(|word| word.split('=').next().unwrap_or(word).to_string())
                .collect();
            Some((line.to_string(), command, options))
        })
        .collect()
}

/// `--poll`, not `---` or `--`.
fn is_option(word: &str) -> bool {
    word.strip_prefix("--")
        .is_some_and(|name| name.starts_with(|c: char| c.is_ascii_lowercase()))
}

fn help(command: &str) -> String {
    let run = reportal(&[command, "--help"]);
    assert!(run.ok, "`reportal {command} --help` fails:\n{run}");
    run.stdout
}

#[test]
fn every_command_the_guide_shows_exists_with_its_options() {
    let lines = command_lines();
    let commands: BTreeSet<&str> = lines.iter().map(|(_, c, _)| c.as_str()).collect();
    for expected in ["init", "serve", "import", "new", "build", "check"] {
        assert!(
            commands.contains(expected),
            "the guide shows no `reportal {expected}`"
        );
    }
    let helps: Vec<(&str, String)> = commands.iter().map(|c| (*c, help(c))).collect();
    let help_of = |command: &str| &helps.iter().find(|(c, _)| *c == command).expect("run").1;
    for (line, command, options) in &lines {
        for option in options {
            assert!(
                help_of(command).contains(&format!("{option} ")),
                "the guide shows `{line}`, but `reportal {command} --help` has no {option}"
            );
        }
    }
    // An option named alone in the text (`--poll`) is one of some command.
    for span in inline_spans() {
        let Some(option) = span.split_whitespace().next().filter(|w| is_option(w)) else {
            continue;
        };
        assert!(
            helps
                .iter()
                .any(|(_, help)| help.contains(&format!("{option} "))),
            "the guide names `{span}`, an option of no command"
        );
    }
}

#[test]
fn the_guides_example_report_builds_on_the_starter_site() {
    let blocks = code_blocks();
    let example: Vec<&(String, Vec<&str>)> = blocks
        .iter()
        .filter(|(info, _)| info == EXAMPLE_INFO)
        .collect();
    assert_eq!(
        example.len(),
        1,
        "the guide has one ```{EXAMPLE_INFO} block"
    );
    let report = example[0].1.join("\n") + "\n";

    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    let root_arg = root.to_str().expect("UTF-8 temp dir");
    let init = reportal(&["init", root_arg]);
    assert!(init.ok, "{init}");
    std::fs::write(root.join("content/2026-01.md"), &report).expect("write the example");
    let build = reportal(&["build", "--root", root_arg]);
    assert!(
        build.ok,
        "the guide's example report does not build:\n{build}"
    );
    assert!(
        !build.stderr.contains('⚠') && !build.stderr.contains('×'),
        "the guide's example report warns:\n{}",
        build.stderr
    );

    let page = parse_file(&root.join("public/months/2026-01/index.html"));
    let text = page.text("main");
    let headings: Vec<&str> = report
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .collect();
    assert_eq!(headings.len(), 3, "the example has three work areas");
    for heading in headings {
        let name = heading.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        assert!(text.contains(name), "the month page lacks the area {name}");
    }
    // Numbering as written, bold next to Chinese text, the link to last month.
    for shown in ["（一）", "①", "财务管理："] {
        assert!(text.contains(shown), "the month page lacks {shown}");
    }
    assert!(
        page.count("main strong") >= 2,
        "the example's bold is not bold"
    );
    assert!(
        page.attrs("main a", "href")
            .iter()
            .any(|href| href.contains("2025-12")),
        "the link to last month's report is not a link to its page"
    );
}

/// Each message of a catalogue file (`id = text`, continued on indented
/// lines), as (id, text); a message with plural forms by its default
/// variant (`*[other]`).
fn catalogue_messages(catalogue: &str) -> Vec<(String, String)> {
    let mut messages: Vec<(String, String)> = Vec::new();
    for line in catalogue.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match (line.starts_with([' ', '}']), messages.last_mut()) {
            (true, Some((_, text))) => {
                text.push('\n');
                text.push_str(line.trim());
            }
            _ => {
                let (id, text) = line.split_once(" = ").expect("id = text");
                messages.push((id.to_string(), text.to_string()));
            }
        }
    }
    for (_, text) in &mut messages {
        if let Some(other) = text.split("*[other]").nth(1) {
            *text = other.lines().next().unwrap_or("").trim().to_string();
        }
    }
    messages
}

/// The longest stretch of a message that no value is put into, its
/// first 40 characters: what the guide, quoting the message as printed
/// with example values, must hold.
fn fragment(message: &str) -> String {
    let message = message.replace("{{", "\u{1}").replace("}}", "\u{2}");
    let mut pieces = Vec::new();
    let mut rest = message.as_str();
    while let Some(open) = rest.find('{') {
        pieces.push(&rest[..open]);
        rest = rest[open..]
            .find('}')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    pieces.push(rest);
    let longest = pieces
        .into_iter()
        .map(|p| p.trim_matches(|c: char| c.is_whitespace() || c == '`'))
        .max_by_key(|p| p.chars().count())
        .unwrap_or("");
    longest
        .chars()
        .take(40)
        .collect::<String>()
        .replace('\u{1}', "{")
        .replace('\u{2}', "}")
}

/// Kinds whose text is all the detail they are given: what the guide
/// says of them instead.
const PLACEHOLDER_ONLY: &[(&str, &str)] = &[
    ("problem-template", "template month.html:"),
    ("problem-output-failed", "cannot write"),
];

#[test]
fn the_guide_explains_every_kind_of_problem() {
    let section = &GUIDE[GUIDE.find("## 9. 出错了怎么办").expect("section 9")..];
    let section = &section[..section.find("\n## 10.").unwrap_or(section.len())];
    let kinds = catalogue_messages(PROBLEMS);
    assert!(
        kinds.len() > 40,
        "read only {} problem messages",
        kinds.len()
    );
    let mut missing = Vec::new();
    for (name, message) in &kinds {
        let wanted = match PLACEHOLDER_ONLY.iter().find(|(kind, _)| kind == name) {
            Some((_, said)) => said.to_string(),
            None => fragment(message),
        };
        assert!(
            wanted.chars().count() >= 12,
            "{name}'s text `{message}` has no distinctive words: add it to PLACEHOLDER_ONLY"
        );
        if !section.contains(&wanted) {
            missing.push(format!("{name}: {wanted}"));
        }
    }
    assert!(
        missing.is_empty(),
        "docs/用户手册.md section 9 does not explain:\n{}",
        missing.join("\n")
    );
}
