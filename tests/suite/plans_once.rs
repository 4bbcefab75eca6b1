//! Issue 19: a timeline shows each plan once. The next month's entry of the
//! same unit shows it as its plan of the month before; the entry that wrote
//! it then only points there. When that entry is not on the page (the
//! latest month, a gap, an area the next report does not list, a January
//! on the next year's page), the plan stays in its own entry.

use crate::common;

use common::{Page, Site, area, report};

const SITE_YAML: &str = "title: 每项计划一次
units:
  - { id: gd, name: 广东 }
  - { id: sz, name: 深圳 }
  - { id: gz, name: 广州 }
areas:
  - { id: zhidu, name: 团的制度建设 }
  - { id: ganbu, name: 团干部队伍建设 }
";

/// gd: 2024-10 … 2025-02 without a break, across the turn of the year.
/// sz: 2024-11, 2024-12, no January, 2025-02. gz: 2024-11, then a
/// December report without 制度. Every report writes 干部 too.
const REPORTS: [(&str, &str, bool); 10] = [
    ("gd", "2024-10", true),
    ("gd", "2024-11", true),
    ("gd", "2024-12", true),
    ("gd", "2025-01", true),
    ("gd", "2025-02", true),
    ("sz", "2024-11", true),
    ("sz", "2024-12", true),
    ("sz", "2025-02", true),
    ("gz", "2024-11", true),
    ("gz", "2024-12", false),
];

/// The 制度 plan a unit wrote in a month, and its progress.
fn plan(unit: &str, month: &str) -> String {
    format!("{unit}{month}制度计划")
}

fn progress(unit: &str, month: &str, chars: usize) -> String {
    let filler: String = "推进工作落实。".chars().cycle().take(chars).collect();
    format!("{unit}{month}制度进展{filler}")
}

/// The site; with `limit_kb`, progress long enough that 制度's timeline
/// is split into a page per year.
fn site(limit_kb: Option<usize>) -> Site {
    let yaml = match limit_kb {
        Some(kb) => format!("{SITE_YAML}max_page_kb: {kb}\n"),
        None => SITE_YAML.to_string(),
    };
    let chars = if limit_kb.is_some() { 800 } else { 10 };
    let mut files = vec![("site.yaml".to_string(), yaml)];
    for (unit, month, zhidu) in REPORTS {
        let mut body = String::new();
        if zhidu {
            body += &area(
                "1. 团的制度建设",
                &format!("1. {}", progress(unit, month, chars)),
                &format!("1. {}", plan(unit, month)),
            );
        }
        body += &area(
            "2. 团干部队伍建设",
            &format!("1. {unit}{month}干部进展"),
            &format!("1. {unit}{month}干部计划"),
        );
        files.push((
            format!("content/{unit}/{month}.md"),
            report(&format!("unit: {unit}\nmonth: {month}"), &body),
        ));
    }
    Site::from_owned(&files)
}

/// How many of the page's timeline entries show `text`, in any part.
fn shown(page: &Page, text: &str) -> usize {
    page.texts("article.timeline-entry .prose")
        .iter()
        .filter(|t| t.contains(text))
        .count()
}

/// The text of part `part` (`before`, `progress`, `plan`) of the entry
/// with id `id`; none when the entry has no such part.
fn part(page: &Page, id: &str, part: &str) -> Option<String> {
    let found = page.texts(&format!("[id='{id}'] .part-{part} .prose"));
    assert!(found.len() <= 1, "{id}: {found:?}");
    found.into_iter().next()
}

/// Where entry `id` says its plan is shown: (link, label).
fn pointer(page: &Page, id: &str) -> Option<(String, String)> {
    let css = format!("[id='{id}'] .plan-later a");
    let links = page.attrs(&css, "href");
    assert!(links.len() <= 1, "{id}: {links:?}");
    let link = links.into_iter().next()?;
    Some((link, page.text_one(&css)))
}

/// Every 制度 plan of the reports `on` the page is there exactly once.
fn assert_each_plan_once(page: &Page, on: impl Fn(&str, &str) -> bool, what: &str) {
    for (unit, month, zhidu) in REPORTS {
        if zhidu && on(unit, month) {
            assert_eq!(shown(page, &plan(unit, month)), 1, "{what}: {unit} {month}");
        }
    }
}

#[test]
fn an_area_timeline_shows_each_plan_once_beside_what_was_then_done() {
    let site = site(None);
    site.built();
    let page = site.page("areas/zhidu/index.html");
    assert_each_plan_once(&page, |_, _| true, "areas/zhidu");
    // October's plan beside November's progress, where the reader compares
    // them; October's entry points there instead of printing it again.
    assert_eq!(
        part(&page, "2024-11_gd-zhidu", "before").as_deref(),
        Some(plan("gd", "2024-10").as_str())
    );
    assert!(part(&page, "2024-11_gd-zhidu", "progress").is_some());
    assert_eq!(part(&page, "2024-10_gd-zhidu", "plan"), None);
    assert_eq!(
        pointer(&page, "2024-10_gd-zhidu"),
        Some((
            "#2024-11_gd-zhidu".into(),
            "下一步推进计划见2024年11月".into()
        ))
    );
    // The turn of the year on one page: December's plan in January's entry.
    assert_eq!(part(&page, "2024-12_gd-zhidu", "plan"), None);
    assert_eq!(
        part(&page, "2025-01_gd-zhidu", "before").as_deref(),
        Some(plan("gd", "2024-12").as_str())
    );
    // The latest month's plan: no month answers it yet.
    assert_eq!(
        part(&page, "2025-02_gd-zhidu", "plan").as_deref(),
        Some(plan("gd", "2025-02").as_str())
    );
    assert_eq!(pointer(&page, "2025-02_gd-zhidu"), None);
    // sz sent no January: December's plan stays in December.
    assert_eq!(
        part(&page, "2024-12_sz-zhidu", "plan").as_deref(),
        Some(plan("sz", "2024-12").as_str())
    );
    assert_eq!(pointer(&page, "2024-12_sz-zhidu"), None);
    assert!(
        part(&page, "2025-02_sz-zhidu", "before").is_none(),
        "after a gap there is no plan to show"
    );
    // gz's December does not list 制度: November's plan stays in November.
    assert_eq!(
        part(&page, "2024-11_gz-zhidu", "plan").as_deref(),
        Some(plan("gz", "2024-11").as_str())
    );
    // Every entry has two parts or three, never a plan part and a pointer.
    for id in page.attrs("article.timeline-entry", "id") {
        let parts = page.count(&format!("[id='{id}'] .entry-parts > .part"));
        let points = pointer(&page, &id).is_some();
        assert_eq!(parts, if points { 2 } else { 3 }, "{id}");
    }
    // Nine entries, nine plans printed once: four in their own entry, five
    // beside the next month's progress (which printed them twice before).
    assert_eq!(page.count(".part-plan"), 4);
    assert_eq!(page.count(".plan-later"), 5);
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn a_units_timeline_of_an_area_shows_each_plan_once() {
    let site = site(None);
    site.built();
    let gd = site.page("areas/zhidu/units/gd/index.html");
    assert_each_plan_once(&gd, |unit, _| unit == "gd", "gd's 制度");
    assert_eq!(shown(&gd, "sz"), 0);
    assert_eq!(
        gd.texts(".plan-later a"),
        [
            "下一步推进计划见2025年2月",
            "下一步推进计划见2025年1月",
            "下一步推进计划见2024年12月",
            "下一步推进计划见2024年11月"
        ]
    );
    assert_eq!(
        gd.texts(".part-plan .prose"),
        [plan("gd", "2025-02")],
        "only the latest month's plan in its own entry"
    );
    let sz = site.page("areas/zhidu/units/sz/index.html");
    assert_eq!(sz.count(".plan-later"), 1, "November's, shown in December");
    assert_eq!(
        part(&sz, "2024-12_sz-zhidu", "plan").as_deref(),
        Some(plan("sz", "2024-12").as_str())
    );
}

#[test]
fn month_and_report_pages_keep_every_plan_in_its_report() {
    let site = site(None);
    site.built();
    let november = site.page("months/2024-11/index.html");
    assert_eq!(
        november.texts("#gd-zhidu .part-plan .prose"),
        [plan("gd", "2024-11")]
    );
    // And the plan of the month before, to compare, as before.
    assert!(
        november
            .text("#gd-zhidu details.previous-plan")
            .contains(&plan("gd", "2024-10"))
    );
    assert_eq!(november.count(".plan-later"), 0);
    assert_eq!(site.page("units/gd/index.html").count(".plan-later"), 0);
}

#[test]
fn a_december_whose_january_is_on_the_next_years_page_keeps_its_plan() {
    let site = site(Some(40));
    site.built();
    let own = site.page("areas/zhidu/index.html");
    assert_eq!(
        own.texts(".year-pages > ol:first-of-type a"),
        ["2025年", "2024年"],
        "the fixture must split 制度's timeline by year"
    );
    let (y2025, y2024) = (
        site.page("areas/zhidu/2025/index.html"),
        site.page("areas/zhidu/2024/index.html"),
    );
    assert_eq!(y2024.count(".year-parts a"), 0, "2024 on one page");
    assert_each_plan_once(&y2025, |_, m| m.starts_with("2025"), "2025");
    assert_each_plan_once(&y2024, |_, m| m.starts_with("2024"), "2024");
    // December's plan on December's page, in its own entry …
    assert_eq!(
        part(&y2024, "2024-12_gd-zhidu", "plan").as_deref(),
        Some(plan("gd", "2024-12").as_str())
    );
    assert_eq!(pointer(&y2024, "2024-12_gd-zhidu"), None);
    // … and on January's, beside what was then done.
    assert_eq!(
        part(&y2025, "2025-01_gd-zhidu", "before").as_deref(),
        Some(plan("gd", "2024-12").as_str())
    );
    assert_eq!(part(&y2025, "2025-01_gd-zhidu", "plan"), None);
    assert_eq!(
        pointer(&y2025, "2025-01_gd-zhidu"),
        Some((
            "#2025-02_gd-zhidu".into(),
            "下一步推进计划见2025年2月".into()
        ))
    );
    // Within 2024 as on a single page.
    assert_eq!(part(&y2024, "2024-11_gd-zhidu", "plan"), None);
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn the_pointer_is_in_the_sites_language() {
    let site = site(None);
    site.write("site.yaml", format!("{SITE_YAML}language: en\n").as_bytes());
    site.built();
    let page = site.page("areas/zhidu/index.html");
    assert_eq!(
        pointer(&page, "2024-10_gd-zhidu"),
        Some((
            "#2024-11_gd-zhidu".into(),
            "Next steps: see November 2024".into()
        ))
    );
}
