//! Province-scale sites: pages that would grow past `max_page_kb` are
//! split, a timeline by year (and a large year by runs of months), a month
//! by unit, and every link still lands on its target.

use crate::common;

use common::{Site, area, report};

const SITE_YAML: &str = "title: 大站点
base_url: https://oa.example/reports
max_page_kb: 48
units:
  - { id: gd, name: 广东 }
  - { id: sz, name: 深圳 }
areas:
  - { id: zhidu, name: 团的制度建设 }
  - { id: ganbu, name: 团干部队伍建设 }
";

/// `chars` characters of progress text for a unit's month.
fn text(label: &str, chars: usize) -> String {
    let filler: String = "推进工作落实。".chars().cycle().take(chars).collect();
    format!("1. {label}：{filler}")
}

/// 2 units × 16 months (2023-11 … 2025-02), entries of about 1.5 KB,
/// except June 2024, whose reports are long enough to split that month.
fn large_site(limit_kb: Option<usize>) -> Site {
    let mut files: Vec<(String, String)> = Vec::new();
    let yaml = match limit_kb {
        Some(kb) => SITE_YAML.replace("max_page_kb: 48", &format!("max_page_kb: {kb}")),
        None => SITE_YAML.replace("max_page_kb: 48\n", ""),
    };
    files.push(("site.yaml".into(), yaml));
    let months = (0..16).map(|i| {
        let m = 10 + i;
        (2023 + m / 12, m % 12 + 1)
    });
    for (year, month) in months {
        for unit in ["gd", "sz"] {
            let key = format!("{year}-{month:02}");
            let chars = if key == "2024-06" { 8000 } else { 500 };
            let body = area(
                "1. 团的制度建设",
                &text(&format!("{unit}{key}制度"), chars),
                "1. 制度计划",
            ) + &area(
                "2. 团干部队伍建设",
                &text(&format!("{unit}{key}干部"), 20),
                "1. 干部计划",
            );
            files.push((
                format!("content/{unit}/{key}.md"),
                report(&format!("month: {key}\nunit: {unit}"), &body),
            ));
        }
    }
    Site::from_owned(&files)
}

/// The months of a timeline page's entries, in order, with their units.
fn entries(site: &Site, page: &str) -> Vec<String> {
    site.page(page).texts("article.timeline-entry h3")
}

#[test]
fn a_large_timeline_gets_a_page_per_year_and_its_own_page_shows_the_newest() {
    let site = large_site(Some(48));
    site.built();
    let own = site.page("areas/zhidu/index.html");
    assert_eq!(own.text("h1"), "团的制度建设");
    assert_eq!(
        own.texts(".year-pages > ol:first-of-type a"),
        ["2025年", "2024年", "2023年"]
    );
    assert_eq!(
        entries(&site, "areas/zhidu/index.html"),
        [
            "2025年2月 广东",
            "2025年2月 深圳",
            "2025年1月 广东",
            "2025年1月 深圳"
        ]
    );
    assert_eq!(
        entries(&site, "areas/zhidu/index.html"),
        entries(&site, "areas/zhidu/2025/index.html")
    );
    let old = site.page("areas/zhidu/2023/index.html");
    assert_eq!(old.text("h1"), "团的制度建设 · 2023年");
    assert_eq!(
        entries(&site, "areas/zhidu/2023/index.html"),
        [
            "2023年12月 广东",
            "2023年12月 深圳",
            "2023年11月 广东",
            "2023年11月 深圳"
        ]
    );
    // A small area stays on one page.
    assert!(site.exists("areas/ganbu/index.html"));
    assert!(!site.exists("areas/ganbu/2024/index.html"));
    assert_eq!(
        site.page("areas/ganbu/index.html")
            .count("article.timeline-entry"),
        32
    );
}

#[test]
fn a_year_too_large_for_a_page_is_cut_into_runs_of_whole_months() {
    let site = large_site(Some(48));
    site.built();
    let year = site.page("areas/zhidu/2024/index.html");
    let parts = year.attrs(".year-parts a", "href");
    assert!(parts.len() > 1, "2024 should be cut: {parts:?}");
    let parts: Vec<&str> = parts
        .iter()
        .map(|href| href.trim_start_matches("../../../"))
        .collect();
    assert_eq!(
        parts[0], "areas/zhidu/2024/index.html",
        "the year's page is its first part"
    );
    // Together the parts hold each 2024 entry once, newest first.
    let mut all = Vec::new();
    for page in parts {
        let shown = entries(&site, page);
        assert!(!shown.is_empty(), "{page} is empty");
        // Whole months: both units of every month shown.
        for pair in shown.chunks(2) {
            assert_eq!(
                pair[0].split(' ').next(),
                pair[1].split(' ').next(),
                "{page}"
            );
        }
        all.extend(shown);
    }
    let expected: Vec<String> = (1..=12)
        .rev()
        .flat_map(|m| [format!("2024年{m}月 广东"), format!("2024年{m}月 深圳")])
        .collect();
    assert_eq!(all, expected);
    for (path, bytes) in common::snapshot(&site.output()) {
        // A unit's timeline of an area is one page, not split (see
        // render/pages/area_units.rs): at 48 KB, 16 months pass it.
        let one_unit = path.starts_with("areas/") && path.contains("/units/");
        if path.ends_with(".html") && !path.contains("2024/06") && !one_unit {
            assert!(bytes.len() <= 48 * 1024, "{path}: {} bytes", bytes.len());
        }
    }
}

#[test]
fn a_large_month_lists_its_reports_and_gives_each_its_own_page() {
    let site = large_site(Some(48));
    site.built();
    let june = site.page("months/2024-06/index.html");
    assert_eq!(june.count("section.entry"), 0, "the month page is a digest");
    assert_eq!(june.count("article.report-digest"), 2);
    assert_eq!(
        june.attrs("article.report-digest h2 a", "href"),
        [
            "../../units/gd/2024-06/index.html#report-gd",
            "../../units/sz/2024-06/index.html#report-sz"
        ]
    );
    // Old links to an entry on the month page still land on it.
    assert_eq!(
        june.attrs(".digest li", "id"),
        ["gd-zhidu", "gd-ganbu", "sz-zhidu", "sz-ganbu"]
    );
    // No table of the whole month either: it would be as large.
    assert!(!site.exists("months/2024-06/print/index.html"));
    let gd = site.page("units/gd/2024-06/index.html");
    assert_eq!(gd.text("h1"), "广东 · 2024年6月");
    assert!(
        gd.text("#gd-zhidu .part-progress")
            .contains("gd2024-06制度")
    );
    // A month of ordinary size keeps its reports in full.
    let may = site.page("months/2024-05/index.html");
    assert_eq!(may.count("section.entry"), 4);
    assert!(!site.exists("units/gd/2024-05/index.html"));
}

#[test]
fn every_link_of_a_split_site_lands_and_the_sitemap_lists_every_page() {
    let site = large_site(Some(48));
    site.built();
    assert_eq!(site.broken_links(), Vec::<String>::new());
    let sitemap = std::fs::read_to_string(site.output().join("sitemap.xml")).expect("sitemap");
    for page in [
        "areas/zhidu/2023/index.html",
        "units/sz/2024-06/index.html",
        "months/2024-06/index.html",
    ] {
        assert!(
            sitemap.contains(&format!("<loc>https://oa.example/reports/{page}</loc>")),
            "{page} missing from the sitemap"
        );
    }
}

#[test]
fn with_the_default_limit_the_same_site_keeps_single_pages() {
    let site = large_site(None);
    site.built();
    assert_eq!(
        site.page("areas/zhidu/index.html")
            .count("article.timeline-entry"),
        32
    );
    assert_eq!(site.page("areas/zhidu/index.html").count(".year-pages"), 0);
    assert!(!site.exists("areas/zhidu/2024/index.html"));
    assert_eq!(
        site.page("months/2024-06/index.html")
            .count("section.entry"),
        4
    );
    assert!(!site.exists("units/gd/2024-06/index.html"));
    assert_eq!(site.broken_links(), Vec::<String>::new());
}
