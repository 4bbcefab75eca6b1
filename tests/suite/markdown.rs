//! A report's body: progress and plan split by level-3 labels, BOM and CRLF
//! accepted, raw HTML sanitised, Chinese bold, drafts.

use crate::common;

use common::*;

/// A one-report site (no site.yaml unless given) built, and its month page.
fn build_month(site_yaml: Option<&str>, body: &str) -> (Site, Page) {
    let mut files = vec![(
        "content/2015-12.md".to_string(),
        report("month: 2015-12", body),
    )];
    if let Some(yaml) = site_yaml {
        files.push(("site.yaml".to_string(), yaml.to_string()));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = Site::new(&refs);
    site.built();
    let doc = site.page("months/2015-12/index.html");
    (site, doc)
}

/// The progress and plan texts of the entry with `anchor`.
fn parts(doc: &Page, anchor: &str) -> (String, String) {
    let entry = doc
        .by_id(anchor)
        .unwrap_or_else(|| panic!("no #{anchor}; ids: {:?}", doc.ids()));
    let one = |selector: &str| {
        let found: Vec<String> = entry.select(&sel(selector)).map(text).collect();
        assert_eq!(found.len(), 1, "{anchor}: one {selector}, found {found:?}");
        found.into_iter().next().unwrap()
    };
    (one(".part-progress .prose"), one(".part-plan .prose"))
}

const A: &str = "tuan-de-zhi-du-jian-she";

#[test]
fn default_labels_split_progress_and_plan() {
    let (_site, doc) = build_month(
        None,
        "## 1. 团的制度建设\n### 本月份推进情况\n1. 完成甲\n2. 完成乙\n### 下一步推进计划\n1. 计划丙\n",
    );
    let (progress, plan) = parts(&doc, A);
    assert!(
        progress.contains("完成甲") && progress.contains("完成乙"),
        "{progress}"
    );
    assert!(!progress.contains("计划丙"), "{progress}");
    assert!(plan.contains("计划丙") && !plan.contains("完成"), "{plan}");
    // The labels are the parts' titles, not text inside them.
    assert!(!progress.contains("本月份推进情况") && !plan.contains("下一步推进计划"));
}

#[test]
fn other_default_labels_and_trailing_colons_also_split() {
    let (_site, doc) = build_month(
        None,
        "## 1. 甲项工作\n### 本月进展\n甲进展\n### 下月计划\n甲计划\n\
         ## 2. 乙项工作\n### 本月推进情况：\n乙进展\n### 下一步计划：\n乙计划\n",
    );
    for (anchor, done, next) in [
        ("jia-xiang-gong-zuo", "甲进展", "甲计划"),
        ("yi-xiang-gong-zuo", "乙进展", "乙计划"),
    ] {
        let (progress, plan) = parts(&doc, anchor);
        assert_eq!(progress, done, "{anchor}");
        assert_eq!(plan, next, "{anchor}");
    }
}

#[test]
fn configured_section_labels_split_progress_and_plan() {
    let (_site, doc) = build_month(
        Some("sections:\n  progress: [工作进展]\n  plan: [下步打算]\n"),
        "## 1. 团的制度建设\n### 工作进展\n完成甲\n### 下步打算\n计划乙\n",
    );
    let (progress, plan) = parts(&doc, A);
    assert_eq!(progress, "完成甲");
    assert_eq!(plan, "计划乙");
}

#[test]
fn configuring_only_progress_labels_keeps_the_default_plan_labels() {
    let (_site, doc) = build_month(
        Some("sections:\n  progress: [工作进展]\n"),
        "## 1. 团的制度建设\n### 工作进展\n完成甲\n### 下一步推进计划\n计划乙\n",
    );
    let (progress, plan) = parts(&doc, A);
    assert_eq!(progress, "完成甲");
    assert_eq!(plan, "计划乙");
}

#[test]
fn an_area_without_labels_is_all_progress() {
    let (_site, doc) = build_month(
        None,
        "## 1. 团的制度建设\n1. 完成甲\n2. 下月继续乙\n\n另起一段丙\n",
    );
    let (progress, plan) = parts(&doc, A);
    for written in ["完成甲", "下月继续乙", "另起一段丙"] {
        assert!(
            progress.contains(written),
            "{written} not in progress: {progress}"
        );
        assert!(!plan.contains(written), "{written} in plan: {plan}");
    }
}

#[test]
fn other_level3_headings_stay_in_place() {
    let (_site, doc) = build_month(
        None,
        "## 1. 团的制度建设\n### 本月份推进情况\n完成甲\n### 具体举措\n举措乙\n### 下一步推进计划\n计划丙\n### 时间安排\n安排丁\n",
    );
    let (progress, plan) = parts(&doc, A);
    assert_eq!(progress, "完成甲 具体举措 举措乙");
    assert_eq!(plan, "计划丙 时间安排 安排丁");
    let entry = doc.by_id(A).unwrap();
    let headings: Vec<String> = entry
        .select(&sel(".part-progress .prose :is(h1, h2, h3, h4, h5, h6)"))
        .map(text)
        .collect();
    assert_eq!(headings, ["具体举措"], "kept as a heading");
    let headings: Vec<String> = entry
        .select(&sel(".part-plan .prose :is(h1, h2, h3, h4, h5, h6)"))
        .map(text)
        .collect();
    assert_eq!(headings, ["时间安排"]);
}

const PLAIN_SITE_YAML: &str =
    "title: 编码测试\nareas:\n  - {id: zhidu, name: 团的制度建设}\n  - {id: xin, name: 新的工作}\n";
const PLAIN_REPORT: &str = "---\ntitle: 十二月报告\nmonth: 2015-12\nsummary: 摘要一句\n---\n前言第一行\n前言第二行\n\n\
## 1. 团的制度建设\n### 本月份推进情况\n1. **重点：**完成甲  \n   换行后\n2. 完成乙\n\n\
| 项目 | 数量 |\n| --- | ---: |\n| 青年之家 | 12 |\n\n> 引用一句\n\n\
```\n代码 一\n代码 二\n```\n### 下一步推进计划\n- [x] 已办\n- [ ] 待办\n\n\
## 2. 新的工作\n段落一\n段落二\n";

fn crlf_bom(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

#[test]
fn bom_and_crlf_files_build_identically_to_plain_files() {
    let plain = Site::new(&[
        ("site.yaml", PLAIN_SITE_YAML),
        ("content/2015-12.md", PLAIN_REPORT),
    ]);
    let windows = Site::new(&[]);
    windows.write("site.yaml", crlf_bom(PLAIN_SITE_YAML));
    windows.write("content/2015-12.md", crlf_bom(PLAIN_REPORT));
    let plain_run = plain.built();
    let windows_run = windows.built();
    assert!(!windows_run.stdout.contains("warning"), "{windows_run}");
    assert!(!plain_run.stdout.contains("warning"), "{plain_run}");
    let a = snapshot(&plain.output());
    let b = snapshot(&windows.output());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        // The downloadable copies are the files as written, BOM and all.
        if path.ends_with(".md") {
            continue;
        }
        assert!(
            b[path] == *bytes,
            "{path} differs:\n--- plain ---\n{}\n--- BOM+CRLF ---\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&b[path])
        );
    }
    // And the plain build is what it should be.
    let doc = plain.page("months/2015-12/index.html");
    assert!(doc.text_one("main").contains("十二月报告"));
    let (progress, plan) = parts(&doc, "zhidu");
    assert!(
        progress.contains("完成甲") && progress.contains("青年之家"),
        "{progress}"
    );
    assert!(plan.contains("已办") && plan.contains("待办"), "{plan}");
}

#[test]
fn bom_and_crlf_in_front_matter_are_read() {
    let site = Site::new(&[]);
    site.write(
        "content/report.md",
        crlf_bom("---\nmonth: 2016-03\ntitle: 三月报告\ndraft: false\n---\n## 1. 甲项工作\n甲\n"),
    );
    let run = site.built();
    assert!(!run.stdout.contains("warning"), "{run}");
    let doc = site.page("months/2016-03/index.html");
    assert!(doc.text_one("main").contains("三月报告"));
}

const RISKY: &str = "## 1. 团的制度建设\n### 本月份推进情况\n\
<script>alert(\"脚本\")</script>\n\n\
文字<span onclick=\"steal()\">点我</span>，[坏链接](javascript:alert(1))，<a href=\"JavaScript:alert(2)\">原始链接</a>，[好链接](https://example.org/ok)。\n\n\
<img src=\"x.png\" onerror=\"steal()\" alt=\"图\">\n\n\
- [x] 已完成事项\n- [ ] 未完成事项\n";

/// Any script but the search page's (`search.js`, from the site).
const NOT_SEARCH_JS: &str = "script:not([src$=\"/search.js\"])";

#[test]
fn raw_html_is_sanitised_by_default() {
    let (site, doc) = build_month(None, RISKY);
    for page in html_pages(&site.output()) {
        let doc = site.page(&page);
        // The search page's own script is the only one.
        assert_eq!(
            doc.select(&sel(NOT_SEARCH_JS)).count(),
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
    assert_eq!(entry.select(&sel("span[onclick]")).count(), 1);
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
        "## 1. 团的制度建设\n1. **重点：**内容甲\n\n**说明：**内容乙\n",
    );
    let entry = doc.by_id(A).unwrap();
    let strong: Vec<String> = entry.select(&sel("strong")).map(text).collect();
    assert_eq!(strong, ["重点：", "说明："]);
    let item = entry.select(&sel("li")).next().unwrap();
    assert_eq!(text(item), "重点：内容甲");
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

/// Writers number these headings as they number areas (`（一）本月份推进情况`).
/// The spec strips numbering from area headings; the same writers' labels
/// should split as well.
#[test]
fn numbered_section_labels_still_split() {
    let (_site, doc) = build_month(
        None,
        "## 1. 甲项工作\n### 一、本月份推进情况\n甲进展\n### 二、下一步推进计划\n甲计划\n\
         ## 2. 乙项工作\n### （一）本月份推进情况\n乙进展\n### （二）下一步推进计划\n乙计划\n\
         ## 3. 丙项工作\n### 1. 本月进展\n丙进展\n### 2. 下月计划\n丙计划\n",
    );
    for (anchor, done, next) in [
        ("jia-xiang-gong-zuo", "甲进展", "甲计划"),
        ("yi-xiang-gong-zuo", "乙进展", "乙计划"),
        ("bing-xiang-gong-zuo", "丙进展", "丙计划"),
    ] {
        let (progress, plan) = parts(&doc, anchor);
        assert_eq!(progress, done, "{anchor}: progress");
        assert_eq!(plan, next, "{anchor}: plan");
    }
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
            doc.select(&sel(&format!("{NOT_SEARCH_JS}, iframe")))
                .count(),
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
