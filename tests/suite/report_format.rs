//! How a report file is read: areas, progress and plan, Markdown, the
//! files Windows editors write, drafts and front matter keys.

use crate::common;

use common::{Site, area, report};

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
fn level_three_headings_split_progress_from_plan_and_others_stay_in_place() {
    let body = "## 团的制度建设\n\n### 本月进展\n\n做了甲。\n\n### 典型经验\n\n经验乙。\n\n### 下月计划\n\n打算丙。\n";
    let site = one_report("", body);
    site.built();
    let month = site.page("months/2015-12/index.html");
    let progress = month.text(".part-progress .prose");
    assert!(
        progress.contains("做了甲") && progress.contains("典型经验") && progress.contains("经验乙"),
        "{progress}"
    );
    assert_eq!(month.texts(".part-progress .prose h5"), ["典型经验"]);
    assert_eq!(month.text(".part-plan .prose"), "打算丙。");
}

#[test]
fn an_area_without_labels_is_all_progress() {
    let site = one_report("", "## 团的制度建设\n\n完成了一件事。\n");
    site.built();
    let month = site.page("months/2015-12/index.html");
    assert_eq!(month.text(".part-progress .prose"), "完成了一件事。");
    assert_eq!(month.text(".part-plan .prose"), "—");
}

#[test]
fn section_labels_can_be_configured() {
    let yaml = "sections:\n  progress: [工作进展]\n  plan: [工作打算]\n";
    let body = "## 团的制度建设\n\n### 工作进展\n\n进展甲。\n\n### 工作打算\n\n打算乙。\n";
    let site = one_report(yaml, body);
    site.built();
    let month = site.page("months/2015-12/index.html");
    assert_eq!(month.text(".part-progress .prose"), "进展甲。");
    assert_eq!(month.text(".part-plan .prose"), "打算乙。");
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
fn bom_and_crlf_files_build_like_plain_ones() {
    let text = report(
        "month: 2015-12\ntitle: 标题",
        &area("团的制度建设", "1. 进展甲", "1. 计划乙"),
    );
    let plain = one_report("", &text);
    plain.built();
    let windows = one_report("", &format!("\u{feff}{}", text.replace('\n', "\r\n")));
    windows.built();
    for page in [
        "months/2015-12/index.html",
        "areas/tuan-de-zhi-du-jian-she/index.html",
        "index.html",
    ] {
        let a = std::fs::read(plain.output().join(page)).expect("plain page");
        let b = std::fs::read(windows.output().join(page)).expect("windows page");
        assert!(a == b, "{page} differs between LF and BOM+CRLF");
    }
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
fn raw_html_is_sanitised_by_default() {
    let body = "## 团的制度建设\n\n<p onclick=\"steal()\">点我</p>\n\n<script>alert(1)</script>\n\n[链接](javascript:alert(1)) 与 <a href=\"javascript:alert(2)\">另一个</a>\n\n- [x] 已完成\n- [ ] 未完成\n";
    let site = one_report("", body);
    site.built();
    let month = site.page("months/2015-12/index.html");
    let html = month.inner_html(".part-progress .prose");
    assert!(
        !html.contains("onclick") && !html.contains("<script") && !html.contains("javascript:"),
        "{html}"
    );
    assert!(html.contains("点我") && html.contains("链接"), "{html}");
    assert_eq!(month.attrs(".prose input[type=checkbox]", "type").len(), 2);
    assert_eq!(month.count(".prose input[checked]"), 1);
}

#[test]
fn raw_html_is_kept_with_unsafe_html() {
    let body = "## 团的制度建设\n\n<p onclick=\"track()\">点我</p>\n";
    let site = one_report("unsafe_html: true", body);
    site.built();
    let html = site
        .page("months/2015-12/index.html")
        .inner_html(".part-progress .prose");
    assert!(html.contains("onclick=\"track()\""), "{html}");
}

#[test]
fn bold_next_to_chinese_punctuation_renders_bold() {
    let site = one_report(
        "",
        "## 团的制度建设\n\n1. **重点：**内容一\n2. 本月**完成率：**95%\n",
    );
    site.built();
    let month = site.page("months/2015-12/index.html");
    assert_eq!(month.texts(".part-progress strong"), ["重点：", "完成率："]);
    assert_eq!(month.texts(".part-progress li")[0], "重点：内容一");
}

#[test]
fn tables_footnotes_and_strikethrough_render() {
    let body = "## 团的制度建设\n\n| 市 | 人数 |\n|---|---:|\n| 临江 | 12 |\n\n旧~~数据~~有注[^a]。\n\n[^a]: 注释内容。\n";
    let site = one_report("", body);
    site.built();
    let month = site.page("months/2015-12/index.html");
    assert_eq!(month.texts(".prose td"), ["临江", "12"]);
    assert_eq!(month.texts(".prose del"), ["数据"]);
    let target = month.attrs(".prose .footnote-reference a", "href");
    assert_eq!(target.len(), 1);
    let id = target[0].trim_start_matches('#');
    assert_eq!(month.text(&format!("[id=\"{id}\"]")), "1 注释内容。");
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

#[test]
fn numbered_section_labels_still_split() {
    let body = "## 团的制度建设\n\n### 一、本月份推进情况\n\n甲进展。\n\n### （二）下一步推进计划\n\n甲计划。\n";
    let site = one_report("", body);
    site.built();
    let month = site.page("months/2015-12/index.html");
    assert_eq!(month.text(".part-progress .prose"), "甲进展。");
    assert_eq!(month.text(".part-plan .prose"), "甲计划。");
}
