//! Issue 6: each month's progress beside the plan the unit wrote the month
//! before (first reports and gaps said as such), who has reported, and what
//! `check` says of the latest month. `new_report` starts from its site too.

use crate::common;

use common::{Site, area, report};

const SITE_YAML: &str = "title: 对照
units:
  - { id: gd, name: 广东 }
  - { id: sz, name: 深圳 }
  - { id: gz, name: 广州 }
areas:
  - { id: zhidu, name: 团的制度建设 }
  - { id: ganbu, name: 团干部队伍建设 }
";

/// gd: January (both areas), February (制度 only), March (干部 only), then
/// a gap, May. sz: first in February, a draft in March, May. gz: January.
pub(crate) fn site() -> Site {
    let file = |unit: &str, month: &str, extra: &str, body: String| {
        (
            format!("content/{unit}/{month}.md"),
            report(&format!("unit: {unit}\nmonth: {month}{extra}"), &body),
        )
    };
    let files = vec![
        ("site.yaml".to_string(), SITE_YAML.to_string()),
        file(
            "gd",
            "2024-01",
            "",
            area("1. 团的制度建设", "1. 甲一进展", "1. 甲一计划")
                + &area("2. 团干部队伍建设", "1. 甲一干部", "1. 甲一干部计划"),
        ),
        file(
            "gd",
            "2024-02",
            "",
            area("1. 团的制度建设", "1. 甲二进展", "1. 甲二计划"),
        ),
        file(
            "gd",
            "2024-03",
            "",
            area("1. 团干部队伍建设", "1. 甲三干部", ""),
        ),
        file(
            "gd",
            "2024-05",
            "",
            area("1. 团的制度建设", "1. 甲五进展", "1. 甲五计划"),
        ),
        file(
            "sz",
            "2024-02",
            "",
            area("1. 团的制度建设", "1. 乙二进展", "1. 乙二计划"),
        ),
        file(
            "sz",
            "2024-03",
            "\ndraft: true",
            area("1. 团的制度建设", "1. 乙三草稿", "1. 乙三计划"),
        ),
        file(
            "sz",
            "2024-05",
            "",
            area("1. 团的制度建设", "1. 乙五进展", "1. 乙五计划"),
        ),
        file(
            "gz",
            "2024-01",
            "",
            area("1. 团的制度建设", "1. 丙一进展", "1. 丙一计划"),
        ),
    ];
    Site::from_owned(&files)
}

#[test]
fn timelines_set_each_progress_beside_the_plan_before_it() {
    let site = site();
    site.built();
    let zhidu = site.page("areas/zhidu/index.html");
    // (Ids starting with a digit need the attribute form in CSS.)
    let before = |id: &str| zhidu.text(&format!("[id='{id}'] .part-before"));
    let progress = |id: &str| zhidu.text(&format!("[id='{id}'] .part-progress"));
    // February's progress answers January's plan, and links to it.
    assert!(before("2024-02_gd-zhidu").contains("甲一计划"));
    assert!(before("2024-02_gd-zhidu").contains("上月计划"));
    assert!(progress("2024-02_gd-zhidu").contains("甲二进展"));
    assert_eq!(
        zhidu.attrs("[id='2024-02_gd-zhidu'] .part-before h4 a", "href"),
        ["../../months/2024-01/index.html#gd-zhidu"]
    );
    // A unit's first report, and a month after a gap, say so.
    assert!(before("2024-01_gd-zhidu").contains("首次报送"));
    assert!(before("2024-02_sz-zhidu").contains("首次报送"));
    assert!(before("2024-05_gd-zhidu").contains("上月未报送"));
    // A draft is not a report: May after sz's March draft is a gap too.
    assert!(before("2024-05_sz-zhidu").contains("上月未报送"));
    assert!(!zhidu.text("main").contains("乙三"));
    // A report the month before that did not list the area.
    let ganbu = site.page("areas/ganbu/index.html");
    assert!(
        ganbu
            .text("[id='2024-03_gd-ganbu'] .part-before")
            .contains("上月报告未列此项工作")
    );
    // An empty plan is said to be empty, not hidden.
    let may = site.page("months/2024-05/index.html");
    assert!(
        may.text("#gd-zhidu details.previous-plan")
            .contains("上月未报送")
    );
}

#[test]
fn month_pages_offer_the_plan_before_each_area_and_link_its_timeline() {
    let site = site();
    site.built();
    let february = site.page("months/2024-02/index.html");
    let details = february.text("#gd-zhidu details.previous-plan");
    assert!(details.contains("对照上月计划") && details.contains("甲一计划"));
    assert_eq!(
        february.attrs("#gd-zhidu .entry-title a", "href"),
        ["../../areas/zhidu/index.html#2024-02_gd-zhidu"]
    );
    assert!(
        february
            .text("#sz-zhidu details.previous-plan")
            .contains("首次报送")
    );
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn index_and_unit_pages_show_who_has_reported() {
    let site = site();
    site.built();
    let states = |page: &common::Page, table: usize| -> Vec<String> {
        let classes = page.attrs(".submissions tbody td", "class");
        classes[table * 12..(table + 1) * 12].to_vec()
    };
    let expect = |cells: &[&str]| -> Vec<String> {
        let mut all: Vec<String> = cells.iter().map(|c| format!("s-{c}")).collect();
        all.resize(12, "s-none".into());
        all
    };
    // The site runs from 2024-01 to 2024-05: one row, 2024. sz's first
    // report is February's: January is blank, not missing.
    let sz = site.page("units/sz/index.html");
    assert_eq!(sz.texts(".submissions tbody th"), ["20242024年"]);
    assert_eq!(
        states(&sz, 0),
        expect(&["none", "submitted", "draft", "missing", "submitted"])
    );
    assert_eq!(
        sz.attrs(".submissions td.s-submitted a", "href"),
        [
            "../../months/2024-02/index.html#report-sz",
            "../../months/2024-05/index.html#report-sz"
        ]
    );
    // The index: one table, a row per unit in configured order.
    let index = site.page("index.html");
    assert_eq!(
        index.texts(".status-table tbody th"),
        ["广东", "深圳", "广州"]
    );
    let cells = index.attrs(".status-table tbody td", "class");
    assert_eq!(
        cells,
        [
            expect(&[
                "submitted",
                "submitted",
                "submitted",
                "missing",
                "submitted"
            ])[..5]
                .to_vec(),
            expect(&["none", "submitted", "draft", "missing", "submitted"])[..5].to_vec(),
            expect(&["submitted", "missing", "missing", "missing", "missing"])[..5].to_vec(),
        ]
        .concat()
    );
    assert!(
        index
            .text(".status-table td.s-draft")
            .contains("2024年3月 草稿")
    );
}

#[test]
fn check_names_the_units_missing_from_the_latest_month() {
    let site = site();
    let run = site.run("check", &[]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("2024-05: no report yet from 广州"),
        "{}",
        run.stdout
    );
    // With May's last report written, nobody is missing.
    site.write(
        "content/gz/2024-05.md",
        report(
            "unit: gz\nmonth: 2024-05",
            &area("团的制度建设", "1. 丙五", ""),
        )
        .as_bytes(),
    );
    let run = site.run("check", &[]);
    assert!(
        run.stdout.contains("2024-05: every unit has reported"),
        "{}",
        run.stdout
    );
}
