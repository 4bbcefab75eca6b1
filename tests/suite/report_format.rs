//! How a report file is read: areas, progress and plan split by level-3
//! labels, the preamble, the files Windows editors write (BOM, CRLF),
//! drafts and front matter keys. How its Markdown renders: `markdown`.

use crate::common;

use common::*;

const AREAS_YAML: &str = "areas:
  - { id: zhidu, name: 团的制度建设 }
  - { id: xuanchuan, name: 共青团宣传思想工作, aliases: [宣传思想工作] }
  - { id: zhongxue, name: 中学（中职）共青团工作 }
";

fn one_report(site_yaml: &str, body: &str) -> Site {
    let mut files = vec![("content/2015-12.md", body)];
    if !site_yaml.is_empty() {
        files.push(("site.yaml", site_yaml));
    }
    Site::new(&files)
}

#[test]
fn numbering_before_an_area_name_is_not_part_of_it() {
    let headings = [
        "1. 团的制度建设",
        "1、团的制度建设",
        "一、团的制度建设",
        "（三）团的制度建设",
        "(3) 团的制度建设",
    ];
    for heading in headings {
        let site = one_report(AREAS_YAML, &area(heading, "1. 进展", "1. 计划"));
        let run = site.built();
        assert!(
            !run.stderr.contains("warning") && !run.stderr.contains('⚠'),
            "{heading}: {}",
            run.stderr
        );
        let month = site.page("months/2015-12/index.html");
        assert_eq!(month.attrs("section.entry", "id"), ["zhidu"], "{heading}");
        assert_eq!(month.text(".entry-title a"), "团的制度建设", "{heading}");
    }
}

#[test]
fn aliases_and_bracket_styles_match_the_configured_area() {
    let body = area("2. 宣传思想工作", "1. 宣传进展", "1. 计划")
        + &area("3. 中学(中职)共青团工作", "1. 中学进展", "1. 计划");
    let site = one_report(AREAS_YAML, &body);
    site.built();
    let month = site.page("months/2015-12/index.html");
    assert_eq!(
        month.attrs("section.entry", "id"),
        ["xuanchuan", "zhongxue"]
    );
    assert_eq!(
        month.texts(".entry-title a"),
        ["共青团宣传思想工作", "中学（中职）共青团工作"]
    );
    // The heading as written stays visible where it differs.
    assert_eq!(
        month.texts(".entry-heading"),
        ["宣传思想工作", "中学(中职)共青团工作"]
    );
    assert!(site.exists("areas/xuanchuan/index.html"));
}

#[test]
fn an_unknown_area_is_kept_and_warned_about_with_the_closest_configured_one() {
    let body = area("1. 团的制度建设", "1. a", "1. b")
        + &area("2. 团的制度建议", "1. 写错了名字的进展", "1. c");
    let site = one_report(AREAS_YAML, &body);
    for command in ["build", "check"] {
        let run = site.run(command, &[]);
        assert!(run.ok, "{}", run.stderr);
        assert!(
            run.stderr.contains("content/2015-12.md:11:1: work area `团的制度建议` is not in site.yaml; the closest configured area is `团的制度建设`"),
            "{command}: {}",
            run.stderr
        );
    }
    let month = site.page("months/2015-12/index.html");
    assert_eq!(
        month.attrs("section.entry", "id"),
        ["zhidu", "tuan-de-zhi-du-jian-yi"]
    );
    assert!(
        month
            .text("#tuan-de-zhi-du-jian-yi")
            .contains("写错了名字的进展")
    );
    let areas = site.page("areas/index.html");
    assert_eq!(
        areas.texts(".area-index a"),
        [
            "团的制度建设",
            "共青团宣传思想工作",
            "中学（中职）共青团工作",
            "团的制度建议"
        ]
    );
}

#[test]
fn without_configured_areas_headings_make_the_areas_in_order_of_appearance() {
    let site = Site::new(&[
        (
            "content/2015-11.md",
            &(area("乙工作", "1. a", "1. b") + &area("甲工作", "1. a", "1. b")),
        ),
        (
            "content/2015-12.md",
            &(area("甲工作", "1. a", "1. b") + &area("丙工作", "1. a", "1. b")),
        ),
    ]);
    let run = site.built();
    assert!(!run.stderr.contains('⚠'), "{}", run.stderr);
    let areas = site.page("areas/index.html");
    assert_eq!(areas.texts(".area-index a"), ["乙工作", "甲工作", "丙工作"]);
    assert_eq!(
        areas.attrs(".area-index a", "href"),
        [
            "../areas/yi-gong-zuo/index.html",
            "../areas/jia-gong-zuo/index.html",
            "../areas/bing-gong-zuo/index.html"
        ]
    );
}

#[test]
fn text_before_the_first_area_is_the_preamble() {
    let site = one_report(
        "",
        &format!(
            "本月总体情况良好。\n\n{}",
            area("团的制度建设", "1. a", "1. b")
        ),
    );
    site.built();
    assert_eq!(
        site.page("months/2015-12/index.html").text(".preamble"),
        "本月总体情况良好。"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::new(&[
        (
            "content/2015-11.md",
            &area("团的制度建设", "1. 已发布", "1. b"),
        ),
        (
            "content/2015-12.md",
            &report("draft: true", &area("团的制度建设", "1. 草稿内容", "1. b")),
        ),
    ]);
    site.built();
    assert!(!site.exists("months/2015-12/index.html"));
    assert!(
        !site
            .page("areas/tuan-de-zhi-du-jian-she/index.html")
            .text("main")
            .contains("草稿内容")
    );

    let run = site.run("build", &["--drafts"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        site.page("months/2015-12/index.html")
            .text("main")
            .contains("草稿内容")
    );
}

#[test]
fn the_month_comes_from_the_file_name_when_front_matter_has_none() {
    let site = Site::new(&[(
        "content/gd/2016-03.md",
        &report("title: 三月", &area("团的制度建设", "1. a", "1. b")),
    )]);
    site.built();
    assert_eq!(
        site.page("months/2016-03/index.html")
            .text("article.report h2"),
        "三月"
    );
}

#[test]
fn an_unknown_front_matter_key_is_a_warning_that_suggests_the_right_one() {
    let site = Site::new(&[(
        "content/2015-12.md",
        &report("monht: 2015-11", &area("团的制度建设", "1. a", "1. b")),
    )]);
    let run = site.built();
    assert!(
        run.stderr.contains(
            "content/2015-12.md:2:1: unknown front matter key `monht` (did you mean `month`?)"
        ),
        "{}",
        run.stderr
    );
    // The month then comes from the file name.
    assert!(site.exists("months/2015-12/index.html"));
}

#[test]
fn every_report_using_an_unknown_area_is_warned() {
    let body = area("1. 团的制度建", "1. a", "1. b");
    let site = Site::new(&[
        ("site.yaml", AREAS_YAML),
        ("content/2015-11.md", &body),
        ("content/2015-12.md", &body),
    ]);
    let run = site.built();
    for file in ["content/2015-11.md:1:1", "content/2015-12.md:1:1"] {
        assert!(
            run.stderr
                .contains(&format!("{file}: work area `团的制度建`")),
            "{file}: {}",
            run.stderr
        );
    }
}

/// A one-report site (no site.yaml unless given) built, and its month page.
pub(super) fn build_month(site_yaml: Option<&str>, body: &str) -> (Site, Page) {
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
pub(super) fn parts(doc: &Page, anchor: &str) -> (String, String) {
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

pub(super) const A: &str = "tuan-de-zhi-du-jian-she";

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
    assert_eq!(plan, "—", "the empty plan says so");
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
    // Two levels under the area's title, as the labels were.
    assert_eq!(doc.texts(".part-progress .prose h5"), ["具体举措"]);
    let headings: Vec<String> = entry
        .select(&sel(".part-plan .prose :is(h1, h2, h3, h4, h5, h6)"))
        .map(text)
        .collect();
    assert_eq!(headings, ["时间安排"]);
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
