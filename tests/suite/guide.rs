//! The Chinese user guide, docs/用户手册.md, kept true to the program:
//! every command it shows exists with the options it names, its example
//! report builds without a warning on the site `init` makes, and its
//! section on messages quotes and explains every message of the zh-CN
//! catalogues a writer or the office can see.

use std::collections::BTreeSet;

use crate::common::{parse_file, reportal};

const GUIDE: &str = include_str!("../../docs/用户手册.md");

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

/// The zh-CN catalogues whose every message section 9 quotes and
/// explains, as a Chinese site prints them.
const CATALOGUES: &[(&str, &str)] = &[
    (
        "problems.ftl",
        include_str!("../../src/messages/zh-CN/problems.ftl"),
    ),
    (
        "commands.ftl",
        include_str!("../../src/messages/zh-CN/commands.ftl"),
    ),
    (
        "serve.ftl",
        include_str!("../../src/messages/zh-CN/serve.ftl"),
    ),
    (
        "import.ftl",
        include_str!("../../src/messages/zh-CN/import.ftl"),
    ),
];

/// Messages the guide need not quote on their own, and why.
const SKIPPED: &[(&str, &str)] = &[
    ("list-separator", "the 、 between names, one character"),
    (
        "done-warnings",
        "no words of its own: a summary and its warnings",
    ),
    (
        "import-skipped-file",
        "no words of its own: a skipped file's path and why, under import-summary-skipped",
    ),
    (
        "import-two-units",
        "the 和 between two units' names, one character",
    ),
];

/// A message whose longest text is shorter than this is looked for by
/// its shape instead: a line holding all its texts in order.
const SHORT: usize = 4;

/// A message as literal text and the places values go, in order.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Value,
}

/// The messages of a catalogue file as (id, pieces): `id = text`,
/// continued on indented lines (a select's variants, its closing `}`
/// indented or not); a select is read as its default variant `*[…]`,
/// whatever its key, placeables inside it included; a string literal
/// `{"{"}` is text.
fn catalogue_messages(catalogue: &str) -> Vec<(String, Vec<Piece>)> {
    let mut messages: Vec<(String, String)> = Vec::new();
    for line in catalogue.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        match (line.starts_with([' ', '\t', '}']), messages.last_mut()) {
            (true, Some((_, text))) => {
                text.push('\n');
                text.push_str(line.trim());
            }
            _ => {
                let (id, text) = line
                    .split_once('=')
                    .unwrap_or_else(|| panic!("`id = text`, not `{line}`"));
                messages.push((id.trim().to_string(), text.trim().to_string()));
            }
        }
    }
    messages
        .into_iter()
        .map(|(id, text)| {
            let chars: Vec<char> = text.chars().collect();
            let pieces = pieces(&chars).unwrap_or_else(|| panic!("cannot read {id}: {text}"));
            (id, merge(pieces))
        })
        .collect()
}

/// The pieces of a pattern; None when its braces do not match.
fn pieces(chars: &[char]) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '{' {
            text.push(chars[i]);
            i += 1;
            continue;
        }
        let close = matching_brace(chars, i)?;
        let inner: String = chars[i + 1..close].iter().collect();
        let inner = inner.trim();
        if let Some(literal) = inner
            .strip_prefix('"')
            .and_then(|rest| rest.strip_suffix('"'))
        {
            text.push_str(literal);
        } else if let Some((_, variants)) = inner.split_once("->") {
            out.push(Piece::Text(std::mem::take(&mut text)));
            out.extend(pieces(&default_variant(variants)?)?);
        } else {
            out.push(Piece::Text(std::mem::take(&mut text)));
            out.push(Piece::Value);
        }
        i = close + 1;
    }
    out.push(Piece::Text(text));
    Some(out)
}

/// The index of the `}` that closes the `{` at `open`.
fn matching_brace(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut in_string = false;
    for (i, &c) in chars.iter().enumerate().skip(open) {
        match c {
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// A select's default variant (`*[key] text`, up to the next variant at
/// the same depth), as chars.
fn default_variant(variants: &str) -> Option<Vec<char>> {
    let chars: Vec<char> = variants.chars().collect();
    let mut depth = 0;
    let mut starts = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            '[' if depth == 0
                && chars[..i]
                    .iter()
                    .rev()
                    .take_while(|c| **c != '\n')
                    .all(|c| c.is_whitespace() || *c == '*') =>
            {
                starts.push(i)
            }
            _ => {}
        }
    }
    let which = starts.iter().position(|&i| i > 0 && chars[i - 1] == '*')?;
    let start = starts[which];
    let end = starts.get(which + 1).map_or(chars.len(), |&next| {
        // The next variant's line starts after the last newline before it.
        chars[..next]
            .iter()
            .rposition(|c| *c == '\n')
            .unwrap_or(next)
    });
    let key_end = start + chars[start..].iter().position(|c| *c == ']')?;
    let text: String = chars[key_end + 1..end].iter().collect();
    Some(text.trim().chars().collect())
}

/// Adjacent texts joined, empty ones left out.
fn merge(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for piece in pieces {
        match (piece, out.last_mut()) {
            (Piece::Text(more), Some(Piece::Text(text))) => text.push_str(&more),
            (Piece::Text(text), _) if text.is_empty() => {}
            (piece, _) => out.push(piece),
        }
    }
    out
}

/// The longest stretch of a message that no value is put into, its
/// first 40 characters: what the guide, quoting the message as printed
/// with example values, must hold.
fn fragment(pieces: &[Piece]) -> String {
    let longest = pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Text(text) => Some(text.trim_matches(|c: char| c.is_whitespace() || c == '`')),
            Piece::Value => None,
        })
        .max_by_key(|text| text.chars().count())
        .unwrap_or("");
    longest.chars().take(40).collect()
}

/// Whether `example` can be the message with values put in: its texts
/// in order, anything between them.
fn is_example_of(example: &str, pieces: &[Piece]) -> bool {
    let mut rest = example;
    for piece in pieces {
        if let Piece::Text(text) = piece {
            match rest.find(text.as_str()) {
                Some(at) => rest = &rest[at + text.len()..],
                None => return false,
            }
        }
    }
    true
}

#[test]
fn the_catalogue_reader_reads_selects_and_literals() {
    let catalogue = "# a comment\n\
        plain = 无法读取：{ $reason }\n\
        literal = 写成 `{\"{\"}value: 1{\"}\"}`\n\
        select = 无法{ $action ->\n        [create] 创建\n       *[replace] 替换 { $what }\n    } { $path }：{ $reason }\n\
        english = { $count ->\n        [one] 1 report\n       *[other] { $count } reports\n}\n";
    let messages = catalogue_messages(catalogue);
    let text = |s: &str| Piece::Text(s.to_string());
    assert_eq!(
        messages,
        vec![
            ("plain".to_string(), vec![text("无法读取："), Piece::Value]),
            ("literal".to_string(), vec![text("写成 `{value: 1}`")]),
            (
                "select".to_string(),
                vec![
                    text("无法替换 "),
                    Piece::Value,
                    text(" "),
                    Piece::Value,
                    text("："),
                    Piece::Value
                ]
            ),
            ("english".to_string(), vec![Piece::Value, text(" reports")]),
        ]
    );
    assert_eq!(fragment(&messages[2].1), "无法替换");
}

#[test]
fn the_guide_explains_every_message() {
    let section = &GUIDE[GUIDE.find("## 9. 出错了怎么办").expect("section 9")..];
    let section = &section[..section.find("\n## 10.").unwrap_or(section.len())];
    let mut missing = Vec::new();
    for (file, catalogue) in CATALOGUES {
        let messages = catalogue_messages(catalogue);
        assert!(
            messages.len() > 10,
            "read only {} messages of {file}",
            messages.len()
        );
        for (id, pieces) in &messages {
            if SKIPPED.iter().any(|(skipped, _)| skipped == id) {
                continue;
            }
            let wanted = fragment(pieces);
            let found = if wanted.chars().count() >= SHORT {
                section.contains(&wanted)
            } else {
                let texts: usize = pieces
                    .iter()
                    .map(|piece| match piece {
                        Piece::Text(text) => text.trim().chars().count(),
                        Piece::Value => 0,
                    })
                    .sum();
                assert!(
                    texts >= 2,
                    "{file}'s {id} {pieces:?} has no words to look for: add it to SKIPPED"
                );
                section.lines().any(|line| is_example_of(line, pieces))
            };
            if !found {
                missing.push(format!("{file} {id}: {wanted}"));
            }
        }
    }
    for (listed, _) in SKIPPED {
        assert!(
            CATALOGUES
                .iter()
                .any(|(_, catalogue)| catalogue_messages(catalogue)
                    .iter()
                    .any(|(id, _)| id == listed)),
            "{listed} is in no catalogue: drop it from SKIPPED"
        );
    }
    assert!(
        missing.is_empty(),
        "docs/用户手册.md section 9 does not explain:\n{}",
        missing.join("\n")
    );
}
