//! The pages a site is made of, each checked on a small two-unit site.

use crate::common;

use common::{Site, area, report, snapshot};

const SITE_YAML: &str = "title: 测试站点
base_url: https://intra.example.org/r/
units:
  - { id: gd, name: 广东 }
  - { id: sz, name: 深圳 }
areas:
  - { id: zhidu, name: 团的制度建设 }
  - { id: ganbu, name: 团干部队伍建设 }
";

fn two_unit_site() -> Site {
    let gd = |month: &str, progress: &str| {
        report(
            &format!("month: {month}\nunit: gd"),
            &(area("1. 团的制度建设", progress, "1. 制度下一步")
                + &area("2. 团干部队伍建设", "1. 培训干部120人次。", "1. 干部下一步")),
        )
    };
    Site::new(&[
        ("site.yaml", SITE_YAML),
        (
            "content/gd/2015-11.md",
            &gd("2015-11", "1. 十一月制度进展。"),
        ),
        (
            "content/gd/2015-12.md",
            &gd("2015-12", "1. 十二月制度进展，第一行。\n2. 第二行。"),
        ),
        ("content/gd/2016-02.md", &gd("2016-02", "1. 二月制度进展。")),
        (
            "content/sz/2015-12.md",
            &report(
                "month: 2015-12\nunit: 深圳",
                &area("2. 团干部队伍建设", "1. 深圳干部进展。", "1. 深圳计划。"),
            ),
        ),
    ])
}

#[test]
fn index_opens_with_who_has_reported_for_the_latest_month() {
    let site = two_unit_site();
    site.built();
    let index = site.page("index.html");
    assert_eq!(index.text("h1"), "测试站点");
    assert!(index.text(".latest h2").contains("2016年2月"));
    assert_eq!(index.text(".latest .status-count"), "1 / 2 个单位已报送");
    // 深圳 reported in 2015-12, so it is due in 2016-02.
    assert_eq!(index.texts(".latest .status-waiting li"), ["深圳"]);
    assert_eq!(
        index.attrs(".latest .status-reports a", "href"),
        ["./months/2016-02/index.html#report-gd"]
    );
    // The areas' first lines are the month page's, not the index's.
    assert!(!index.text("main").contains("二月制度进展"));
}

#[test]
fn index_grid_links_every_month_with_reports() {
    let site = two_unit_site();
    site.built();
    let index = site.page("index.html");
    assert_eq!(index.texts(".calendar-year h3"), ["2016年", "2015年"]);
    let links = index.attrs(".month-grid a", "href");
    assert_eq!(
        links,
        [
            "./months/2016-02/index.html",
            "./months/2015-11/index.html",
            "./months/2015-12/index.html"
        ]
    );
    // 12 cells a year, whether reported or not.
    assert_eq!(index.count(".month-grid li"), 24);
}

#[test]
fn index_lists_areas_and_archives() {
    let site = two_unit_site();
    site.built();
    let index = site.page("index.html");
    assert_eq!(
        index.texts(".area-list a"),
        ["团的制度建设", "团干部队伍建设"]
    );
    let archives = index.attrs(".archives a", "href");
    assert_eq!(
        archives,
        [
            "./months/index.html",
            "./areas/index.html",
            "./units/index.html"
        ]
    );
}

#[test]
fn months_archive_is_newest_first_by_year() {
    let site = two_unit_site();
    site.built();
    let months = site.page("months/index.html");
    assert_eq!(months.texts("main h2"), ["2016年", "2015年"]);
    assert_eq!(
        months.texts(".year .cards a"),
        ["2016年2月", "2015年12月", "2015年11月"]
    );
}

#[test]
fn month_page_shows_each_unit_report_in_configured_order() {
    let site = two_unit_site();
    site.built();
    let month = site.page("months/2015-12/index.html");
    assert_eq!(month.text("h1"), "2015年12月");
    assert_eq!(
        month.attrs("article.report", "id"),
        ["report-gd", "report-sz"]
    );
    assert_eq!(
        month.texts("article.report .report-meta a:not([download])"),
        ["广东", "深圳"]
    );
    // Numbered areas in order, each with an anchor.
    assert_eq!(
        month.texts("#report-gd .entry-title"),
        ["1 团的制度建设", "2 团干部队伍建设"]
    );
    assert_eq!(
        month.attrs("#report-gd section.entry", "id"),
        ["gd-zhidu", "gd-ganbu"]
    );
    assert_eq!(month.attrs("#report-sz section.entry", "id"), ["sz-ganbu"]);
    // Progress and plan of each area.
    assert!(
        month
            .text("#gd-zhidu .part-progress")
            .contains("十二月制度进展，第一行。")
    );
    assert!(month.text("#gd-zhidu .part-plan").contains("制度下一步"));
    assert!(
        month
            .text("#sz-ganbu .part-progress")
            .contains("深圳干部进展")
    );
}

#[test]
fn month_pages_link_previous_and_next_month() {
    let site = two_unit_site();
    site.built();
    let december = site.page("months/2015-12/index.html");
    assert_eq!(
        december.attrs(".pager a[rel=prev]", "href"),
        ["../../months/2015-11/index.html"]
    );
    assert_eq!(
        december.attrs(".pager a[rel=next]", "href"),
        ["../../months/2016-02/index.html"]
    );
    let first = site.page("months/2015-11/index.html");
    assert_eq!(first.count(".pager a[rel=prev]"), 0);
}

#[test]
fn areas_index_counts_months_and_names_the_latest() {
    let site = two_unit_site();
    site.built();
    let areas = site.page("areas/index.html");
    assert_eq!(
        areas.texts(".area-index a"),
        ["团的制度建设", "团干部队伍建设"]
    );
    let details = areas.texts(".area-index .muted");
    assert!(
        details[0].contains('3') && details[0].contains("2016年2月"),
        "{details:?}"
    );
}

#[test]
fn area_timeline_is_newest_first_with_units_and_links_to_the_month_anchor() {
    let site = two_unit_site();
    site.built();
    let timeline = site.page("areas/ganbu/index.html");
    assert_eq!(timeline.text("h1"), "团干部队伍建设");
    assert_eq!(timeline.texts(".timeline-year > h2"), ["2016年", "2015年"]);
    let entries = timeline.texts("article.timeline-entry h3");
    assert_eq!(
        entries,
        [
            "2016年2月 广东",
            "2015年12月 广东",
            "2015年12月 深圳",
            "2015年11月 广东"
        ]
    );
    let links = timeline.attrs("article.timeline-entry h3 a", "href");
    assert_eq!(links[2], "../../months/2015-12/index.html#sz-ganbu");
    assert!(
        timeline
            .text("article.timeline-entry:nth-of-type(2) .part-plan")
            .contains("深圳计划")
    );
}

#[test]
fn unit_pages_list_that_units_months_newest_first() {
    let site = two_unit_site();
    site.built();
    let units = site.page("units/index.html");
    assert_eq!(units.texts(".area-index a"), ["广东", "深圳"]);
    let gd = site.page("units/gd/index.html");
    assert_eq!(gd.text("h1"), "广东");
    let months: Vec<String> = gd
        .texts(".report-card .muted")
        .iter()
        .map(|t| t[..t.find(' ').unwrap_or(t.len())].to_string())
        .collect();
    assert_eq!(months, ["2016年2月", "2015年12月", "2015年11月"]);
}

#[test]
fn single_unit_sites_have_no_unit_pages() {
    let site = Site::new(&[(
        "content/2015-12.md",
        &area("团的制度建设", "1. 进展", "1. 计划"),
    )]);
    site.built();
    assert!(!site.exists("units/index.html"));
    assert_eq!(site.page("index.html").count(".site-nav li"), 3);
    // A single unit's anchors are the area ids alone.
    let ids = site
        .page("months/2015-12/index.html")
        .attrs("section.entry", "id");
    assert_eq!(ids, ["tuan-de-zhi-du-jian-she"]);
}

#[test]
fn feed_has_newest_reports_with_absolute_links() {
    let site = two_unit_site();
    site.built();
    let feed = std::fs::read_to_string(site.output().join("feed.xml")).expect("feed.xml");
    let doc = scraper::Html::parse_fragment(&feed);
    let entry_ids: Vec<String> = doc
        .select(&scraper::Selector::parse("entry > id").expect("selector"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        entry_ids,
        [
            "https://intra.example.org/r/months/2016-02/index.html#report-gd",
            "https://intra.example.org/r/months/2015-12/index.html#report-sz",
            "https://intra.example.org/r/months/2015-12/index.html#report-gd",
            "https://intra.example.org/r/months/2015-11/index.html#report-gd",
        ]
    );
    assert!(feed.starts_with("<?xml") && feed.contains("xmlns=\"http://www.w3.org/2005/Atom\""));
}

#[test]
fn feed_keeps_only_the_newest_twenty_reports() {
    let mut files = vec![(
        "site.yaml".to_string(),
        "base_url: https://x.example/".to_string(),
    )];
    for i in 0..25 {
        let month = format!("{}-{:02}", 2020 + i / 12, i % 12 + 1);
        files.push((
            format!("content/{month}.md"),
            area("团的制度建设", "1. 进展", "1. 计划"),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let site = Site::new(&refs);
    site.built();
    let feed = std::fs::read_to_string(site.output().join("feed.xml")).expect("feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 20);
    assert!(
        feed.contains("months/2022-01/index.html") && !feed.contains("months/2020-05/index.html")
    );
}

#[test]
fn sitemap_lists_every_page_absolutely() {
    let site = two_unit_site();
    site.built();
    let sitemap = std::fs::read_to_string(site.output().join("sitemap.xml")).expect("sitemap.xml");
    for page in [
        "index.html",
        "months/2015-12/index.html",
        "areas/ganbu/index.html",
        "units/sz/index.html",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>https://intra.example.org/r/{page}</loc>")),
            "{page}"
        );
    }
}

#[test]
fn without_base_url_feed_and_sitemap_are_skipped_with_a_note() {
    let site = Site::new(&[(
        "content/2015-12.md",
        &area("团的制度建设", "1. 进展", "1. 计划"),
    )]);
    let run = site.built();
    assert!(!site.exists("feed.xml") && !site.exists("sitemap.xml"));
    assert!(run.stderr.contains("no base_url"), "{}", run.stderr);
    assert!(site.exists("404.html"));
}

#[test]
fn not_found_page_has_its_own_styles_and_links_home() {
    let site = two_unit_site();
    site.built();
    let page = site.page("404.html");
    assert_eq!(page.text("h1"), "页面不存在");
    assert_eq!(page.count("head style"), 1);
    assert_eq!(page.count("link[rel=stylesheet]"), 0);
    assert!(
        page.attrs("main a", "href")
            .contains(&"https://intra.example.org/r/index.html".to_string())
    );
}

#[test]
fn summary_line_counts_what_was_built() {
    let site = two_unit_site();
    let run = site.built();
    assert!(
        run.stdout
            .starts_with("built 4 reports, 3 months, 2 areas, 2 units:"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(" ms"));
}

#[test]
fn pages_are_in_chinese_by_default_and_english_on_request() {
    let body = area("团的制度建设", "1. 进展", "1. 计划");
    let zh = Site::new(&[("content/2015-12.md", &body)]);
    zh.built();
    let page = zh.page("months/2015-12/index.html");
    assert_eq!(page.attrs("html", "lang"), ["zh-CN"]);
    assert_eq!(page.text(".part-progress h4"), "本月份推进情况");

    let en = Site::new(&[("site.yaml", "language: en"), ("content/2015-12.md", &body)]);
    en.built();
    let page = en.page("months/2015-12/index.html");
    assert_eq!(page.attrs("html", "lang"), ["en"]);
    assert_eq!(page.text("h1"), "December 2015");
    assert_eq!(page.text(".part-progress h4"), "Progress this month");
}

#[test]
fn links_name_the_page_by_default_and_drop_it_with_pretty_urls() {
    let body = area("团的制度建设", "1. 进展", "1. 计划");
    let plain = Site::new(&[("content/2015-12.md", &body)]);
    plain.built();
    let nav = plain
        .page("months/2015-12/index.html")
        .attrs(".site-nav a", "href");
    assert_eq!(
        nav,
        [
            "../../index.html",
            "../../months/index.html",
            "../../areas/index.html"
        ]
    );

    let pretty = Site::new(&[
        ("site.yaml", "pretty_urls: true"),
        ("content/2015-12.md", &body),
    ]);
    pretty.built();
    let nav = pretty
        .page("months/2015-12/index.html")
        .attrs(".site-nav a", "href");
    assert_eq!(nav, ["../../", "../../months/", "../../areas/"]);
    // The files are where they always are.
    assert!(pretty.exists("months/2015-12/index.html"));
}

#[test]
fn feed_content_is_the_reports_html_escaped_once() {
    let site = Site::new(&[
        ("site.yaml", "base_url: https://x.example/r"),
        ("content/2015-12.md", "前言。\n\n## 甲&乙\n\n进展 & 更多\n"),
    ]);
    site.built();
    let feed = std::fs::read_to_string(site.output().join("feed.xml")).expect("feed.xml");
    // In the XML, the HTML `<h2>1. 甲&amp;乙</h2>` is escaped once more.
    assert!(
        feed.contains("&lt;h2&gt;1. 甲&amp;amp;乙&lt;/h2&gt;"),
        "{feed}"
    );
    assert!(feed.contains("&lt;p&gt;前言。&lt;/p&gt;"), "{feed}");
    assert!(
        feed.contains("xml:base=\"https://x.example/r/months/2015-12/index.html"),
        "{feed}"
    );
}

#[test]
fn each_report_can_be_downloaded_as_written_when_the_site_offers_it() {
    let site = two_unit_site();
    site.write(
        "site.yaml",
        format!("{SITE_YAML}downloads: [word, csv, markdown]\n"),
    );
    site.built();
    let december = site.page("months/2015-12/index.html");
    // The Markdown as written (beside it, the Word file: tests/suite/word.rs).
    let links = december.attrs(".report-meta a[download][href$='.md']", "href");
    assert_eq!(
        links,
        ["../../months/2015-12/gd.md", "../../months/2015-12/sz.md"]
    );
    let copy = std::fs::read(site.output().join("months/2015-12/gd.md")).expect("copy");
    let source = std::fs::read(site.root().join("content/gd/2015-12.md")).expect("source");
    assert_eq!(copy, source);
    assert_eq!(site.broken_links(), Vec::<String>::new());
}

/// The downloads a site offers (site.yaml `downloads`): Word and CSV by
/// default, none of a kind it leaves out, and no link to a missing file.
#[test]
fn the_downloads_are_those_site_yaml_asks_for() {
    let site = two_unit_site();
    site.built();
    let downloads = |site: &Site| -> Vec<String> {
        let mut files: Vec<String> = snapshot(&site.output().join("months/2015-12"))
            .into_keys()
            .filter(|path| !path.contains('/'))
            .collect();
        files.sort();
        files
    };
    let links = |site: &Site| {
        site.page("months/2015-12/index.html")
            .attrs("a[download]", "href")
    };
    assert_eq!(
        downloads(&site),
        [
            "2015-12.csv",
            "2015-12.docx",
            "gd.docx",
            "index.html",
            "sz.docx"
        ]
    );
    assert_eq!(
        links(&site),
        [
            "../../months/2015-12/2015-12.csv",
            "../../months/2015-12/2015-12.docx",
            "../../months/2015-12/gd.docx",
            "../../months/2015-12/sz.docx"
        ]
    );

    site.write("site.yaml", format!("{SITE_YAML}downloads: [csv]\n"));
    site.built();
    assert_eq!(downloads(&site), ["2015-12.csv", "index.html"]);
    assert_eq!(links(&site), ["../../months/2015-12/2015-12.csv"]);

    site.write("site.yaml", format!("{SITE_YAML}downloads: []\n"));
    site.built();
    assert_eq!(downloads(&site), ["index.html"]);
    assert!(links(&site).is_empty());
    let month = site.page("months/2015-12/index.html");
    assert!(
        month
            .texts(".page-actions")
            .iter()
            .all(|t| !t.contains("下载"))
    );
    assert_eq!(site.broken_links(), Vec::<String>::new());

    site.write("site.yaml", format!("{SITE_YAML}downloads: [word, pdf]\n"));
    let run = site.build();
    assert!(!run.ok);
    assert!(run.stderr.contains("site.yaml:"), "{run}");
    assert!(run.stderr.contains("pdf"), "{run}");
}

#[test]
fn each_month_downloads_as_a_csv_that_excel_reads_as_utf8() {
    let site = two_unit_site();
    site.built();
    let december = site.page("months/2015-12/index.html");
    assert!(
        december
            .attrs(".page-actions a[download]", "href")
            .contains(&"../../months/2015-12/2015-12.csv".to_string())
    );
    let bytes = std::fs::read(site.output().join("months/2015-12/2015-12.csv")).expect("csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "月份",
            "单位",
            "序号",
            "重点工作",
            "本月份推进情况",
            "下一步推进计划"
        ]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_string).collect())
        .collect();
    // One row per unit and area: 广东 has two areas, 深圳 one.
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][..4], ["2015年12月", "广东", "1", "团的制度建设"]);
    assert_eq!(rows[0][4], "1. 十二月制度进展，第一行。\n2. 第二行。");
    assert_eq!(rows[2][1], "深圳");
    assert!(rows.iter().flatten().all(|cell| !cell.contains('<')));
}
