//! Links written in reports to other reports (`[上月](2015-11.md)`,
//! `[见上月](2015-11.md#团的制度建设)`) lead to the right page and
//! anchor from every page that shows them; one to a report or area that
//! does not exist is an error at the link.

use crate::common;

use common::{Site, area, report};

const SITE_YAML: &str = "units:
  - { id: gd, name: 广东 }
  - { id: sz, name: 深圳 }
areas:
  - { id: zhidu, name: 团的制度建设 }
  - { id: ganbu, name: 团干部队伍建设 }
";

fn site(december_progress: &str) -> Site {
    let gd = |month: &str, progress: &str| {
        report(
            &format!("month: {month}\nunit: gd"),
            &(area("团的制度建设", progress, "1. 计划")
                + &area("团干部队伍建设", "1. 干部", "1. 计划")),
        )
    };
    Site::new(&[
        ("site.yaml", SITE_YAML),
        ("content/gd/2015-11.md", &gd("2015-11", "1. 十一月")),
        ("content/gd/2015-12.md", &gd("2015-12", december_progress)),
        (
            "content/sz/2015-12.md",
            &report(
                "month: 2015-12\nunit: sz",
                &area("团干部队伍建设", "1. 深圳", "1. 计划"),
            ),
        ),
    ])
}

#[test]
fn links_to_reports_and_their_areas_lead_to_pages_and_anchors() {
    let site = site(
        "1. 详见[上月报告](2015-11.md)和[上月制度建设](2015-11.md#团的制度建设)。\n2. 对照[深圳](../sz/2015-12.md#ganbu)。",
    );
    site.built();
    let december = site.page("months/2015-12/index.html");
    assert_eq!(
        december.attrs("#gd-zhidu .part-progress a", "href"),
        [
            "../../months/2015-11/index.html#report-gd",
            "../../months/2015-11/index.html#gd-zhidu",
            "../../months/2015-12/index.html#sz-ganbu"
        ]
    );
    // The same text on the area's timeline, one level elsewhere: still right.
    let timeline = site.page("areas/zhidu/index.html");
    assert!(
        timeline
            .attrs(".part-progress a", "href")
            .contains(&"../../months/2015-11/index.html#gd-zhidu".to_string())
    );
    assert_eq!(site.broken_links(), Vec::<String>::new());
}

#[test]
fn a_link_to_a_split_month_leads_to_the_units_own_page() {
    let site = site("1. 见[上月](2015-11.md#zhidu)。");
    site.write(
        "site.yaml",
        format!("{SITE_YAML}max_page_kb: 1\n").as_bytes(),
    );
    // Two reports in December: that month is split; November has one.
    site.built();
    let page = site.page("units/gd/2015-12/index.html");
    assert_eq!(
        page.attrs("#gd-zhidu .part-progress a", "href"),
        ["../../../months/2015-11/index.html#gd-zhidu"]
    );
    assert_eq!(site.broken_links(), Vec::<String>::new());
}

#[test]
fn a_link_to_a_missing_report_or_area_is_an_error_at_the_link() {
    let site = site("1. 见[旧报告](2014-01.md)。\n2. 见[上月](2015-11.md#不存在的工作)。");
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("content/gd/2015-12.md:9:")
            && run.stderr.contains("2014-01.md")
            && run.stderr.contains("not a report"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/gd/2015-12.md:10:")
            && run.stderr.contains("不存在的工作")
            && run.stderr.contains("团的制度建设、团干部队伍建设"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_links_finds_a_link_that_leads_nowhere_in_the_built_pages() {
    // Raw HTML is sanitised, but a relative link in it is kept as written.
    let site =
        site("1. 见<a href=\"../../months/2099-01/index.html\">某月</a>和[上月](2015-11.md)。");
    let plain = site.run("check", &[]);
    assert!(plain.ok, "{}", plain.stderr);
    let run = site.run("check", &["--links"]);
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("months/2015-12/index.html → ../../months/2099-01/index.html"),
        "{}",
        run.stderr
    );
    // On the month page, its printable table, the timeline and the unit's
    // own timeline of the area; the report's own link to a report is fine,
    // and so is every other link.
    assert_eq!(
        run.stderr.matches("leads nowhere").count(),
        4,
        "{}",
        run.stderr
    );
}

#[test]
fn the_example_site_has_no_broken_link() {
    let run = common::reportal(&["check", "--links", "--root", env!("CARGO_MANIFEST_DIR")]);
    assert!(run.ok, "{run}");
}
