use pulldown_cmark::{Options, Parser, html};

use super::cjk_friendly;

fn render(source: &str) -> String {
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let events: Vec<_> = Parser::new_ext(source, options)
        .into_offset_iter()
        .collect();
    let mut out = String::new();
    html::push_html(
        &mut out,
        cjk_friendly(events, source).into_iter().map(|(e, _)| e),
    );
    out
}

fn paragraph(source: &str) -> String {
    let html = render(source);
    html.trim_end()
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .unwrap_or(&html)
        .to_string()
}

#[test]
fn pairs_bold_around_quoted_names() {
    assert_eq!(
        paragraph("完成**“青年之家”**和**“团员之家”**建设"),
        "完成<strong>“青年之家”</strong>和<strong>“团员之家”</strong>建设"
    );
    assert_eq!(
        paragraph("**重点：**完成**“十四五”**规划"),
        "<strong>重点：</strong>完成<strong>“十四五”</strong>规划"
    );
}

#[test]
fn pairs_bold_around_code_and_symbols() {
    assert_eq!(
        paragraph("**C#**或**F#**"),
        "<strong>C#</strong>或<strong>F#</strong>"
    );
    assert_eq!(
        paragraph("这是**`代码`**示例"),
        "这是<strong><code>代码</code></strong>示例"
    );
}

#[test]
fn keeps_what_commonmark_already_does() {
    assert_eq!(paragraph("**bold** text"), "<strong>bold</strong> text");
    assert_eq!(paragraph(r"\*\*重点：\*\*内容"), "**重点：**内容");
    assert_eq!(paragraph("a ** b ** c"), "a ** b ** c");
    assert_eq!(
        paragraph(r"\\**重点：**内容"),
        "\\<strong>重点：</strong>内容"
    );
    assert_eq!(paragraph("`**重点：**内容`"), "<code>**重点：**内容</code>");
    assert_eq!(
        render("```\n**重点：**内容\n```\n"),
        "<pre><code>**重点：**内容\n</code></pre>\n"
    );
}

#[test]
fn emphasis_and_strikethrough_follow_the_same_rules() {
    assert_eq!(paragraph("这是*“强调”*文字"), "这是<em>“强调”</em>文字");
    assert_eq!(
        paragraph("__注意__：注意事項"),
        "<strong>注意</strong>：注意事項"
    );
    assert_eq!(paragraph("a~~a()~~あ"), "a<del>a()</del>あ");
    assert_eq!(paragraph("~~a~~：~~a~~"), "<del>a</del>：<del>a</del>");
}

#[test]
fn link_text_is_a_scope_of_its_own() {
    assert_eq!(
        paragraph("**[製品ほげ](./a)**と**[製品ふが](./b)**をお試しください"),
        "<strong><a href=\"./a\">製品ほげ</a></strong>と<strong><a href=\"./b\">製品ふが</a></strong>をお試しください"
    );
    assert_eq!(
        paragraph("[**“链接”**说明](x)**“外”**"),
        "<a href=\"x\"><strong>“链接”</strong>说明</a><strong>“外”</strong>"
    );
    assert_eq!(
        paragraph("<https://a.org/**x**>中文**“y”**"),
        "<a href=\"https://a.org/**x**\">https://a.org/**x**</a>中文<strong>“y”</strong>"
    );
}

#[test]
fn works_in_lists_headings_and_tables() {
    assert_eq!(
        render("- **重点：**完成**“十四五”**规划\n"),
        "<ul>\n<li><strong>重点：</strong>完成<strong>“十四五”</strong>规划</li>\n</ul>\n"
    );
    assert_eq!(
        render("## **重点：**完成\n"),
        "<h2><strong>重点：</strong>完成</h2>\n"
    );
    assert!(render("| a |\n| - |\n| **“名”**和 |\n").contains("<td><strong>“名”</strong>和</td>"));
}

/// The examples of the CommonMark spec (npm package `commonmark-spec`,
/// installed in tests/browser by `npm ci`): (number, section, markdown).
fn spec_examples() -> Option<Vec<(usize, String, String)>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/browser/node_modules/commonmark-spec/spec.txt"
    );
    let Ok(spec) = std::fs::read_to_string(path) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{path} missing under CI: .ci/run must run npm ci in tests/browser"
        );
        eprintln!("skipped: run `npm ci` in tests/browser to compare with the spec");
        return None;
    };
    let fence = "`".repeat(32);
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line == format!("{fence} example") {
            let markdown: String = lines
                .by_ref()
                .take_while(|l| *l != ".")
                .map(|l| format!("{}\n", l.replace('→', "\t")))
                .collect();
            lines.by_ref().take_while(|l| *l != fence).for_each(drop);
            examples.push((examples.len() + 1, section.clone(), markdown));
        } else if line.starts_with('#') {
            section = line.trim_start_matches('#').trim().to_string();
        }
    }
    Some(examples)
}

/// The pairing done here, applied to every stretch, gives what
/// pulldown-cmark gives, on every example of the CommonMark spec: where
/// no CJK text is involved, the two rule sets agree.
#[test]
fn repairing_everything_changes_nothing_without_cjk() {
    let Some(examples) = spec_examples() else {
        return;
    };
    assert!(examples.len() > 600, "{} examples", examples.len());
    let mut differ = Vec::new();
    for (number, section, markdown) in examples {
        let parse = || Parser::new_ext(&markdown, Options::empty()).into_offset_iter();
        let mut plain = String::new();
        html::push_html(&mut plain, parse().map(|(e, _)| e));
        let mut repaired = String::new();
        let events = super::repair_inline(parse().collect(), &markdown, true);
        html::push_html(&mut repaired, events.into_iter().map(|(e, _)| e));
        if plain != repaired {
            differ.push(format!(
                "{number} ({section}): {markdown:?}\n{plain}{repaired}"
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Hostile input next to Chinese text: long runs of unpaired marks and
/// deeply nested images take little time and no deep recursion.
#[test]
fn hostile_input_stays_quick() {
    let start = std::time::Instant::now();
    let many = format!("中{}{}", "*中".repeat(20_000), "_中**“".repeat(20_000));
    let html = render(&many);
    assert!(html.starts_with("<p>"));
    let mixed = "中**a*“b”_c__~~d~".repeat(5_000);
    assert!(render(&mixed).starts_with("<p>"));
    let nested = format!("中**{}图{}**中", "![".repeat(5_000), "](x)".repeat(5_000));
    assert!(render(&nested).starts_with("<p>"));
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
}
