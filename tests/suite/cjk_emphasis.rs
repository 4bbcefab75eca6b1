//! Bold, emphasis and strikethrough next to Chinese text, through real
//! builds: the markdown-cjk-friendly rules (issue 20), and CommonMark's
//! own emphasis examples unchanged.

mod spec_vectors;

use crate::common::*;

/// Builds one report whose areas' progress sections hold `sections`, in
/// order, and returns each section's HTML as the month page shows it.
fn progress_htmls(sections: &[String]) -> Vec<String> {
    let body: String = sections
        .iter()
        .enumerate()
        .map(|(i, s)| area(&format!("{}. 第{}项工作", i + 1, i + 1), s, "继续推进。"))
        .collect();
    let site = Site::new(&[("content/2015-12.md", &report("month: 2015-12", &body))]);
    let run = site.built();
    let doc = site.page("months/2015-12/index.html");
    let found: Vec<String> = doc
        .select(&sel(".part-progress .prose"))
        .map(|e| e.inner_html().trim().to_string())
        .collect();
    assert_eq!(found.len(), sections.len(), "{run}");
    found
}

/// HTML as a browser reads it, written back by html5ever. reportal's
/// sanitiser parses the rendered HTML the same way: attribute quoting,
/// `<img/>`, character references and raw HTML a writer left unclosed
/// (examples 476, 477: `**<a href="**">`, closed, then reopened around
/// the line end) come out alike only once the spec's HTML is read so too.
fn normalised(html: &str) -> String {
    scraper::Html::parse_fragment(&format!("{}\n", html.trim()))
        .root_element()
        .inner_html()
        .trim()
        .to_string()
}

/// The examples of one section of the CommonMark spec 0.31.2, from the
/// npm package commonmark-spec (installed in tests/browser by `npm ci`):
/// (number, markdown, html).
fn spec_section(name: &str) -> Option<Vec<(usize, String, String)>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/commonmark-spec/spec.txt");
    let Ok(spec) = std::fs::read_to_string(&path) else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} missing under CI: .ci/run must run npm ci in tests/browser",
            path.display()
        );
        eprintln!("skipped: run `npm ci` in tests/browser to run the spec's examples");
        return None;
    };
    let fence = "`".repeat(32);
    let (mut examples, mut section, mut number) = (Vec::new(), String::new(), 0);
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line == format!("{fence} example") {
            number += 1;
            let mut take = |end: &str| -> String {
                lines
                    .by_ref()
                    .take_while(|l| *l != end)
                    .map(|l| format!("{}\n", l.replace('→', "\t")))
                    .collect()
            };
            let markdown = take(".");
            let html = take(&fence);
            if section == name {
                examples.push((number, markdown, html));
            }
        } else if line.starts_with('#') {
            section = line.trim_start_matches('#').trim().to_string();
        }
    }
    Some(examples)
}

#[test]
fn commonmark_emphasis_examples_render_as_the_spec_says() {
    let Some(examples) = spec_section("Emphasis and strong emphasis") else {
        return;
    };
    assert_eq!(examples.len(), 132, "examples 350 to 481");
    let sections: Vec<String> = examples.iter().map(|(_, m, _)| m.clone()).collect();
    let got = progress_htmls(&sections);
    let wrong: Vec<String> = examples
        .iter()
        .zip(&got)
        .filter(|((_, _, html), got)| normalised(html) != normalised(got))
        .map(|((n, markdown, html), got)| {
            format!("example {n}: {markdown:?}\nwant {html}got  {got}\n")
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Builds every (markdown, html) pair in one report; the wrong ones.
fn wrong_renderings(cases: &[(&str, &str)]) -> Vec<String> {
    let sections: Vec<String> = cases.iter().map(|(m, _)| m.to_string()).collect();
    let got = progress_htmls(&sections);
    cases
        .iter()
        .zip(&got)
        .filter(|((_, want), got)| normalised(want) != normalised(got))
        .map(|((markdown, want), got)| format!("{markdown:?}\nwant {want}\ngot  {got}\n"))
        .collect()
}

#[test]
fn the_specifications_test_cases_render_as_published() {
    let cases: Vec<(&str, &str)> = [
        spec_vectors::STRONG,
        spec_vectors::KOREAN,
        spec_vectors::PSEUDO_EMOJI,
        spec_vectors::NON_BMP,
        spec_vectors::UNDERSCORE,
        spec_vectors::STRIKETHROUGH,
        spec_vectors::README,
    ]
    .concat();
    assert_eq!(cases.len(), 119);
    let wrong = wrong_renderings(&cases);
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// Later test cases of the specification's repository that its published
/// snapshots do not cover yet; the HTML is what the specification's
/// definitions give (a quotation mark with U+FE01 is CJK punctuation; a
/// CJK punctuation mark with a variation selector is punctuation before
/// `_`).
#[test]
fn variation_sequences_follow_the_specification() {
    let wrong = wrong_renderings(&[
        (
            "**\u{201C}\u{FE01}Git\u{201D}\u{FE01}**Hub",
            "<p><strong>\u{201C}\u{FE01}Git\u{201D}\u{FE01}</strong>Hub</p>",
        ),
        (
            "正體字。\u{FE01}_Traditional._",
            "<p>正體字。\u{FE01}<em>Traditional.</em></p>",
        ),
        (
            "正體字。\u{FE01}__Hong Kong and Taiwan.__",
            "<p>正體字。\u{FE01}<strong>Hong Kong and Taiwan.</strong></p>",
        ),
        (
            "简体字 / 新字体。\u{FE00}_Simplified._",
            "<p>简体字 / 新字体。\u{FE00}<em>Simplified.</em></p>",
        ),
    ]);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The sentences of issue 20 and more of the kind the reports are full of,
/// in the blocks they come in.
#[test]
fn chinese_reports_bold_what_the_writer_marked() {
    let wrong = wrong_renderings(&[
        (
            "完成**“青年之家”**和**“团员之家”**建设",
            "<p>完成<strong>“青年之家”</strong>和<strong>“团员之家”</strong>建设</p>",
        ),
        (
            "**重点：**完成**“十四五”**规划",
            "<p><strong>重点：</strong>完成<strong>“十四五”</strong>规划</p>",
        ),
        (
            "**C#**或**F#**",
            "<p><strong>C#</strong>或<strong>F#</strong></p>",
        ),
        (
            "这是**`代码`**示例",
            "<p>这是<strong><code>代码</code></strong>示例</p>",
        ),
        (
            "开展**青年大学习**和**团员教育**活动",
            "<p>开展<strong>青年大学习</strong>和<strong>团员教育</strong>活动</p>",
        ),
        (
            "对政研报告**《我省群团改革应着重考虑的十个问题》**提出研阅意见。",
            "<p>对政研报告<strong>《我省群团改革应着重考虑的十个问题》</strong>提出研阅意见。</p>",
        ),
        (
            "“活力在基层”*优秀服务型团组织*创建活动",
            "<p>“活力在基层”<em>优秀服务型团组织</em>创建活动</p>",
        ),
        (
            "1.**青少年综合服务平台建设任务落实情况：**全省各地市上报材料。\n\
             2.**“活力在基层”**创建活动：完成第一赛季经费下拨。",
            "<p class=\"item\"><span class=\"marker\">1.</span><strong>青少年综合服务平台建设任务落实情况：</strong>全省各地市上报材料。</p>\n\
             <p class=\"item\"><span class=\"marker\">2.</span><strong>“活力在基层”</strong>创建活动：完成第一赛季经费下拨。</p>",
        ),
        (
            "- **重点：**完成**“十四五”**规划\n- ~~原定计划~~**（已调整）**",
            "<ul>\n<li><strong>重点：</strong>完成<strong>“十四五”</strong>规划</li>\n\
             <li><del>原定计划</del><strong>（已调整）</strong></li>\n</ul>",
        ),
        (
            "| 事项 | 进度 |\n| --- | --- |\n| **“青年之家”**建设 | 完成**80%** |",
            "<table><thead><tr><th>事项</th><th>进度</th></tr></thead><tbody>\n\
             <tr><td><strong>“青年之家”</strong>建设</td><td>完成<strong>80%</strong></td></tr>\n\
             </tbody></table>",
        ),
        (
            "本月**完成**[^1]**“青年之家”**建设。\n\n[^1]: **说明：**见附件。",
            "<p>本月<strong>完成</strong><sup class=\"footnote-reference\"><a href=\"#content-2015-12-fn-1\">1</a></sup>\
             <strong>“青年之家”</strong>建设。</p>\n\
             <div class=\"footnote-definition\" id=\"content-2015-12-fn-1\"><sup class=\"footnote-definition-label\">1</sup>\n\
             <p><strong>说明：</strong>见附件。</p>\n</div>",
        ),
        // Escaped, in code, or with space inside: never bold.
        (
            "\\*\\*重点：\\*\\*内容，`**重点：**内容`，a ** b ** c",
            "<p>**重点：**内容，<code>**重点：**内容</code>，a ** b ** c</p>",
        ),
    ]);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
