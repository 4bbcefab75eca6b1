//! A work area's timeline for one unit: a page per area and unit with
//! entries of it, linked from the area's page and the unit's page.

use crate::common;

use common::{Site, area, report};

const SITE_YAML: &str = "title: 三个单位
units:
  - { id: sheng, name: 团省委 }
  - { id: lj, name: 临江 }
  - { id: '2016', name: 云州 }
areas:
  - { id: zhidu, name: 团的制度建设 }
  - { id: ganbu, name: 团干部队伍建设 }
";

/// Reports of (unit, month, writes of 制度 too): 团省委 three months of
/// both areas, 临江 one of 干部 only, 云州 two of both.
const REPORTS: [(&str, &str, bool); 6] = [
    ("sheng", "2015-11", true),
    ("sheng", "2015-12", true),
    ("sheng", "2016-02", true),
    ("lj", "2015-12", false),
    ("2016", "2015-12", true),
    ("2016", "2016-02", true),
];

fn three_unit_site(extra_yaml: &str) -> Site {
    let mut files = vec![("site.yaml".to_string(), format!("{SITE_YAML}{extra_yaml}"))];
    for (unit, month, zhidu) in REPORTS {
        let mut body = String::new();
        if zhidu {
            body += &area(
                "1. 团的制度建设",
                &format!("{unit}{month}制度进展。"),
                "制度计划。",
            );
        }
        body += &area(
            "2. 团干部队伍建设",
            &format!("{unit}{month}干部进展。"),
            "干部计划。",
        );
        files.push((
            format!("content/{unit}/{month}.md"),
            report(&format!("month: {month}\nunit: {unit}"), &body),
        ));
    }
    Site::from_owned(&files)
}

#[test]
fn an_area_for_one_unit_shows_that_units_entries_only_newest_first() {
    let site = three_unit_site("");
    site.built();
    let page = site.page("areas/zhidu/units/sheng/index.html");
    assert_eq!(page.text_one("h1"), "团的制度建设 · 团省委");
    assert_eq!(
        page.texts(".breadcrumb li"),
        ["首页", "重点工作", "团的制度建设", "团省委"]
    );
    assert_eq!(page.texts(".timeline-year > h2"), ["2016年", "2015年"]);
    assert_eq!(
        page.texts("article.timeline-entry h3"),
        ["2016年2月", "2015年12月", "2015年11月"],
        "团省委's three reports of 制度, newest first, its name not repeated"
    );
    let progress = page.texts("article.timeline-entry .part-progress .prose");
    assert_eq!(
        progress,
        [
            "sheng2016-02制度进展。",
            "sheng2015-12制度进展。",
            "sheng2015-11制度进展。"
        ]
    );
    // Last month's plan beside the progress, and the next plan.
    assert_eq!(page.count("article.timeline-entry .part-before"), 3);
    assert_eq!(page.texts(".part-plan .prose")[0], "制度计划。");
    // Each entry links to its month's page, to the entry.
    assert_eq!(
        page.attrs("article.timeline-entry h3 a", "href")[0],
        "../../../../months/2016-02/index.html#sheng-zhidu"
    );
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn the_area_page_lists_its_units_and_the_unit_page_its_areas() {
    let site = three_unit_site("");
    site.built();
    let area_page = site.page("areas/zhidu/index.html");
    // 临江 wrote nothing of 制度: it is not listed, and has no page of it.
    assert_eq!(
        area_page.texts(".timeline-links li"),
        ["团省委 3 条", "云州 2 条"]
    );
    assert_eq!(
        area_page.attrs(".timeline-links a", "href"),
        [
            "../../areas/zhidu/units/sheng/index.html",
            "../../areas/zhidu/units/2016/index.html"
        ]
    );
    assert!(!site.exists("areas/zhidu/units/lj/index.html"));
    let ganbu = site.page("areas/ganbu/units/lj/index.html");
    assert_eq!(ganbu.texts("article.timeline-entry h3"), ["2015年12月"]);

    let unit_page = site.page("units/lj/index.html");
    assert_eq!(
        unit_page.texts(".timeline-links li"),
        ["团干部队伍建设 1 条"]
    );
    assert_eq!(
        unit_page.attrs(".timeline-links a", "href"),
        ["../../areas/ganbu/units/lj/index.html"]
    );
    let yunzhou = site.page("units/2016/index.html");
    assert_eq!(
        yunzhou.texts(".timeline-links li"),
        ["团的制度建设 2 条", "团干部队伍建设 2 条"]
    );
    // The page of one unit lists the area's other units, itself marked.
    let page = site.page("areas/zhidu/units/2016/index.html");
    assert_eq!(page.texts(".timeline-links a"), ["团省委", "云州"]);
    assert_eq!(page.texts(".timeline-links a[aria-current=page]"), ["云州"]);
    let back = page.attrs(".area-unit-links a", "href");
    assert_eq!(
        back,
        [
            "../../../../areas/zhidu/index.html",
            "../../../../units/2016/index.html"
        ]
    );
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

/// A unit id may be a year: its page must not be (or replace) the page of
/// that year of a split timeline.
#[test]
fn a_unit_whose_id_is_a_year_has_its_own_page_beside_a_split_timelines_year() {
    let site = three_unit_site("max_page_kb: 1\n");
    site.built();
    let year = site.page("areas/zhidu/2016/index.html");
    assert_eq!(year.texts("h1"), ["团的制度建设 · 2016年"]);
    let unit = site.page("areas/zhidu/units/2016/index.html");
    assert_eq!(unit.text_one("h1"), "团的制度建设 · 云州");
    assert_eq!(
        unit.texts("article.timeline-entry h3"),
        ["2016年2月", "2015年12月"]
    );
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn a_site_of_one_unit_has_no_page_of_an_area_for_a_unit() {
    let site = Site::new(&[
        (
            "site.yaml",
            "title: 一个单位\nareas:\n  - { id: zhidu, name: 团的制度建设 }\n",
        ),
        (
            "content/2015-12.md",
            &report(
                "month: 2015-12",
                &area("1. 团的制度建设", "进展。", "计划。"),
            ),
        ),
    ]);
    site.built();
    assert!(site.exists("areas/zhidu/index.html"));
    let pages = common::html_pages(&site.output());
    let for_a_unit: Vec<&String> = pages.iter().filter(|p| p.contains("/units/")).collect();
    assert!(for_a_unit.is_empty(), "{for_a_unit:?}");
    let timeline = site.page("areas/zhidu/index.html");
    assert_eq!(timeline.count(".timeline-links"), 0);
}
