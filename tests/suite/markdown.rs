//! How a report's Markdown renders: raw HTML sanitised (or kept with
//! `unsafe_html`), task lists, bold next to Chinese punctuation, tables and
//! footnotes. How the file is read into areas: `report_format`.

use crate::common::*;
use crate::report_format::{A, build_month, parts};

const RISKY: &str = "## 1. 团的制度建设\n### 本月份推进情况\n\
<script>alert(\"脚本\")</script>\n\n\
文字<span onclick=\"steal()\">点我</span>，[坏链接](javascript:alert(1))，<a href=\"JavaScript:alert(2)\">原始链接</a>，[好链接](https://example.org/ok)。\n\n\
<img src=\"x.png\" onerror=\"steal()\" alt=\"图\">\n\n\
- [x] 已完成事项\n- [ ] 未完成事项\n";

/// Any script but the theme's own (`search.js`, `compare.js`, from the site).
const NOT_THEME_JS: &str = "script:not([src$=\"/search.js\"]):not([src$=\"/compare.js\"])";

#[test]
fn raw_html_is_sanitised_by_default() {
    let (site, doc) = build_month(None, RISKY);
    for page in html_pages(&site.output()) {
        let doc = site.page(&page);
        // The theme's own scripts are the only ones.
        assert_eq!(
            doc.select(&sel(NOT_THEME_JS)).count(),
            0,
            "script on {page}"
        );
        let body = std::fs::read_to_string(site.output().join(&page)).unwrap();
        assert!(!body.contains("alert("), "script source on {page}");
        assert!(
            !body.to_lowercase().contains("javascript:"),
            "javascript: on {page}"
        );
        for element in doc.select(&sel("*")) {
            for (name, _) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{name}= on {page}");
            }
        }
    }
    let (progress, _) = parts(&doc, A);
    assert!(
        progress.contains("点我") && progress.contains("坏链接") && progress.contains("原始链接"),
        "{progress}"
    );
    let entry = doc.by_id(A).unwrap();
    assert_eq!(
        entry
            .select(&sel("a[href]"))
            .filter_map(|a| a.value().attr("href"))
            .filter(|h| h.starts_with("https://example.org"))
            .count(),
        1,
        "safe link kept"
    );
    assert_eq!(
        doc.attrs("img[alt=图]", "src"),
        ["x.png"],
        "the image itself is kept"
    );
}

#[test]
fn task_list_checkboxes_survive_sanitising() {
    // The raw HTML in the same area makes the sanitiser run over it.
    let (_site, doc) = build_month(None, RISKY);
    let entry = doc.by_id(A).unwrap();
    let boxes: Vec<_> = entry.select(&sel("input[type=checkbox]")).collect();
    assert_eq!(boxes.len(), 2, "{}", entry.html());
    assert!(
        boxes[0].value().attr("checked").is_some(),
        "first is ticked"
    );
    assert!(boxes[1].value().attr("checked").is_none(), "second is not");
    assert!(boxes.iter().all(|b| b.value().attr("disabled").is_some()));
    let items: Vec<String> = entry.select(&sel("li")).map(text).collect();
    assert!(items.contains(&"已完成事项".to_string()), "{items:?}");
}

#[test]
fn task_list_checkboxes_render_without_raw_html() {
    let (_site, doc) = build_month(None, "## 1. 团的制度建设\n- [x] 甲\n- [ ] 乙\n");
    let entry = doc.by_id(A).unwrap();
    assert_eq!(
        entry.select(&sel("input[type=checkbox][checked]")).count(),
        1
    );
    assert_eq!(entry.select(&sel("input[type=checkbox]")).count(), 2);
}

#[test]
fn unsafe_html_keeps_raw_html() {
    let (_site, doc) = build_month(Some("unsafe_html: true\n"), RISKY);
    let entry = doc.by_id(A).unwrap();
    assert_eq!(entry.select(&sel("script")).count(), 1, "{}", entry.html());
    let handlers: Vec<_> = entry
        .select(&sel("[onclick]"))
        .filter_map(|e| e.value().attr("onclick"))
        .collect();
    assert_eq!(handlers, ["steal()"], "kept as written");
    assert_eq!(entry.select(&sel("img[onerror]")).count(), 1);
    let hrefs: Vec<String> = entry
        .select(&sel("a[href]"))
        .map(|a| a.value().attr("href").unwrap().to_lowercase())
        .collect();
    assert_eq!(
        hrefs
            .iter()
            .filter(|h| h.starts_with("javascript:"))
            .count(),
        2,
        "{hrefs:?}"
    );
}

#[test]
fn chinese_bold_label_renders_as_strong() {
    let (_site, doc) = build_month(
        None,
        "## 1. 团的制度建设\n1. **重点：**内容甲\n2. 本月**完成率：**95%\n\n**说明：**内容乙\n",
    );
    let entry = doc.by_id(A).unwrap();
    let strong: Vec<String> = entry.select(&sel("strong")).map(text).collect();
    assert_eq!(strong, ["重点：", "完成率：", "说明："]);
    let items: Vec<String> = entry.select(&sel("li")).map(text).collect();
    assert_eq!(items, ["重点：内容甲", "本月完成率：95%"]);
    let item = entry.select(&sel("li")).next().unwrap();
    assert_eq!(
        item.select(&sel("strong"))
            .next()
            .unwrap()
            .next_sibling()
            .and_then(|n| n.value().as_text().map(|t| t.to_string())),
        Some("内容甲".to_string()),
        "the text follows the bold label"
    );
    assert!(!text(entry).contains("**"), "{}", text(entry));
}

#[test]
fn escaped_asterisks_stay_literal() {
    let (_site, doc) = build_month(None, "## 1. 团的制度建设\n\\*\\*重点：\\*\\*内容\n");
    let entry = doc.by_id(A).unwrap();
    assert_eq!(entry.select(&sel("strong")).count(), 0);
    assert!(text(entry).contains("**重点：**内容"), "{}", text(entry));
}

#[test]
fn disguised_script_links_and_raw_html_everywhere_are_removed() {
    let body = "前言<script>alert('preamble')</script>\n\n\
## 1. 团的制度建设\n\
[一](JavaScript:alert(1)) [二](java&#115;cript:alert(2)) <javascript:alert(3)> \
[三][ref] ![四](javascript:alert(4)) [五](vbscript:msgbox(5)) [六](data:text/html;base64,PHNjcmlwdD4=)\
[^n]\n\n\
<a href=\"jav&#x09;ascript:alert(7)\">七</a> <iframe src=\"https://evil.example\"></iframe>\n\n\
[ref]: javascript:alert(8)\n\
[^n]: 脚注<img src=x onerror=alert(9)>\n";
    let site = Site::new(&[(
        "content/2015-12.md",
        &report(
            "month: 2015-12\ntitle: <script>alert('title')</script>标题",
            body,
        ),
    )]);
    site.built();
    for page in html_pages(&site.output()) {
        let doc = site.page(&page);
        assert_eq!(
            doc.select(&sel(&format!("{NOT_THEME_JS}, iframe"))).count(),
            0,
            "script/iframe on {page}"
        );
        for element in doc.select(&sel("[href], [src]")) {
            for attr in ["href", "src"] {
                if let Some(value) = element.value().attr(attr) {
                    let squashed: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                    let lower = squashed.to_lowercase();
                    assert!(
                        !lower.starts_with("javascript:")
                            && !lower.starts_with("vbscript:")
                            && !lower.starts_with("data:"),
                        "{page}: {attr}={value}"
                    );
                }
            }
        }
        for element in doc.select(&sel("*")) {
            for (name, _) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{name}= on {page}");
            }
        }
    }
    // The title is shown as text, not run.
    let doc = site.page("months/2015-12/index.html");
    assert!(
        doc.text_one("main")
            .contains("<script>alert('title')</script>标题")
    );
    assert!(doc.text_one("main").contains("前言"));
}

#[test]
fn tables_footnotes_and_strikethrough_render() {
    let body = "## 团的制度建设\n\n| 市 | 人数 |\n|---|---:|\n| 临江 | 12 |\n\n旧~~数据~~有注[^a]。\n\n[^a]: 注释内容。\n";
    let (_site, month) = build_month(None, body);
    assert_eq!(month.texts(".prose td"), ["临江", "12"]);
    assert_eq!(month.texts(".prose del"), ["数据"]);
    let target = month.attrs(".prose .footnote-reference a", "href");
    assert_eq!(target.len(), 1);
    let id = target[0].trim_start_matches('#');
    assert_eq!(month.text(&format!("[id=\"{id}\"]")), "1 注释内容。");
}
