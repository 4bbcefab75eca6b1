//! Issue 16, part A: reporting status. A unit is expected from its
//! `since` (or its first report) to its `until`; the home page names who
//! has not reported for the latest month, the month page opens with the
//! same and a jump list, one units × months table shows the latest twelve
//! months and a page per year the rest, and `check` names the late.

use crate::common;

use common::{Page, Site, area, report};

const SITE_YAML: &str = "title: 报送
units:
  - { id: sh, name: 省机关 }
  - { id: lj, name: 临江 }
  - { id: yz, name: 云州 }
  - id: qs
    name: 青石
    since: 2024-03
  - { id: ba, name: 北岸, until: 2024-08 }
  - { id: ap, name: 安平 }
  - { id: xj, name: 西津 }
areas:
  - { id: zhidu, name: 团的制度建设 }
";

/// sh: every month from 2023-11. lj: 2024-01 to 2024-11 (late in
/// December). yz: first in 2024-06, then 2024-12. qs: formed 2024-03,
/// reports 2024-05 and 2024-12. ba: dissolved after 2024-08, reported
/// 2024-01 and 2024-08. ap: 2024-11, a draft for 2024-12. xj: nothing.
fn site() -> Site {
    let mut files = vec![("site.yaml".to_string(), SITE_YAML.to_string())];
    let mut add = |unit: &str, month: &str, draft: bool| {
        let front = format!(
            "unit: {unit}\nmonth: {month}{}",
            if draft { "\ndraft: true" } else { "" }
        );
        let body = area(
            "团的制度建设",
            &format!("1. {unit} {month} 进展。"),
            "1. 计划。",
        );
        files.push((format!("content/{unit}/{month}.md"), report(&front, &body)));
    };
    add("sh", "2023-11", false);
    add("sh", "2023-12", false);
    for m in 1..=12 {
        add("sh", &format!("2024-{m:02}"), false);
    }
    for m in 1..=11 {
        add("lj", &format!("2024-{m:02}"), false);
    }
    for (unit, month) in [
        ("yz", "2024-06"),
        ("yz", "2024-12"),
        ("qs", "2024-05"),
        ("qs", "2024-12"),
        ("ba", "2024-01"),
        ("ba", "2024-08"),
        ("ap", "2024-11"),
    ] {
        add(unit, month, false);
    }
    add("ap", "2024-12", true);
    Site::from_owned(&files)
}

/// The status table's rows: each unit's name and its cells' states
/// (`submitted`, `missing`, `draft`, `none`).
fn table_rows(page: &Page, scope: &str) -> Vec<(String, Vec<String>)> {
    let names = page.texts(&format!("{scope} .status-table tbody th"));
    let states: Vec<String> = page
        .attrs(&format!("{scope} .status-table tbody td"), "class")
        .into_iter()
        .map(|class| class.trim_start_matches("s-").to_string())
        .collect();
    let width = states.len() / names.len().max(1);
    names
        .into_iter()
        .zip(states.chunks(width).map(<[String]>::to_vec))
        .collect()
}

fn states(spec: &str) -> Vec<String> {
    spec.chars()
        .map(|c| match c {
            'v' => "submitted",
            'x' => "missing",
            'd' => "draft",
            _ => "none",
        })
        .map(String::from)
        .collect()
}

#[test]
fn one_table_of_the_latest_twelve_months_blank_outside_each_units_range() {
    let site = site();
    site.built();
    let index = site.page("index.html");
    // 2024-01 to 2024-12; 西津, never due, has no row.
    assert_eq!(
        index.count(".status-table thead tr:last-child th[scope=col]"),
        13
    );
    assert_eq!(
        index.texts(".status-table thead th[scope=colgroup]"),
        ["2024年"]
    );
    let rows = table_rows(&index, ".reporting");
    let expected = [
        ("省机关", "vvvvvvvvvvvv"),
        ("临江", "vvvvvvvvvvvx"),
        // First report in June: nothing missing before it.
        ("云州", "-----vxxxxxv"),
        // Formed in March (since), first report in May.
        ("青石", "--xxvxxxxxxv"),
        // Dissolved after August (until).
        ("北岸", "vxxxxxxv----"),
        ("安平", "----------vd"),
    ];
    let want: Vec<(String, Vec<String>)> = expected
        .iter()
        .map(|(name, spec)| (name.to_string(), states(spec)))
        .collect();
    assert_eq!(rows, want);
    // A missing month is said in words; a blank one says nothing.
    assert!(
        index
            .text(".status-table td.s-missing")
            .contains("2024年7月 未报送")
    );
    let blanks = index.texts(".status-table td.s-none");
    assert_eq!(blanks.len(), 5 + 2 + 4 + 10);
    assert!(blanks.iter().all(|b| b.trim().is_empty()), "{blanks:?}");
    // The box scrolls by keyboard too, and is named by its caption.
    let scroll = index.attrs(".status-scroll", "tabindex");
    assert_eq!(scroll, ["0"]);
    let caption = index.attrs(".status-scroll", "aria-labelledby");
    assert_eq!(index.attrs(".status-table caption", "id"), caption);
}

#[test]
fn unit_pages_leave_blank_the_months_a_unit_was_not_due() {
    let site = site();
    site.built();
    // 云州: the site starts 2023-11; its first report is 2024-06.
    let yz = site.page("units/yz/index.html");
    let cells = yz.attrs(".submissions tbody td", "class");
    // Rows newest year first: 2024, then 2023.
    assert_eq!(
        cells[..12],
        states("-----vxxxxxv")[..]
            .iter()
            .map(|s| format!("s-{s}"))
            .collect::<Vec<_>>()[..]
    );
    assert!(cells[12..].iter().all(|c| c == "s-none"), "{cells:?}");
    assert_eq!(yz.count(".submissions td.s-missing"), 5);
    // 北岸 is not due after its until.
    let ba = site.page("units/ba/index.html");
    let cells = ba.attrs(".submissions tbody td", "class");
    assert!(cells[8..12].iter().all(|c| c == "s-none"), "{cells:?}");
}

#[test]
fn check_names_only_the_units_due_and_late() {
    let site = site();
    let run = site.run("check", &[]);
    assert!(run.ok, "{run}");
    // Not 北岸 (dissolved) nor 西津 (never due).
    assert!(
        run.stdout
            .contains("2024-12: no report yet from 临江, 安平 (draft)"),
        "{}",
        run.stdout
    );
}

#[test]
fn home_page_names_who_has_not_reported_and_links_each_report() {
    let site = site();
    site.built();
    let index = site.page("index.html");
    let latest = ".latest";
    assert!(index.text(&format!("{latest} h2")).contains("2024年12月"));
    assert_eq!(
        index.text(&format!("{latest} .status-count")),
        "3 / 5 个单位已报送"
    );
    assert_eq!(
        index.texts(&format!("{latest} .status-waiting li")),
        ["临江", "安平 草稿"]
    );
    assert_eq!(
        index.attrs(&format!("{latest} .status-reports a"), "href"),
        [
            "./months/2024-12/index.html#report-sh",
            "./months/2024-12/index.html#report-yz",
            "./months/2024-12/index.html#report-qs",
        ]
    );
    // The reports' text is on the month page, not here.
    assert_eq!(index.count(".glance"), 0);
    assert!(!index.text("main").contains("sh 2024-12 进展"));
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn month_page_opens_with_its_status_and_a_jump_to_each_report() {
    let site = site();
    site.built();
    let december = site.page("months/2024-12/index.html");
    assert_eq!(
        december.text(".month-status .status-count"),
        "3 / 5 个单位已报送"
    );
    assert_eq!(
        december.texts(".month-status .status-waiting li"),
        ["临江", "安平 草稿"]
    );
    let jumps = december.attrs(".month-status .status-reports a", "href");
    assert_eq!(jumps, ["#report-sh", "#report-yz", "#report-qs"]);
    for jump in &jumps {
        let id = jump.trim_start_matches('#');
        let report = december.by_id(id).expect("the report is on the page");
        assert_eq!(report.value().name(), "article");
    }
    // August: 北岸 reported for the last time; 安平 not yet due.
    let august = site.page("months/2024-08/index.html");
    assert_eq!(
        august.text(".month-status .status-count"),
        "3 / 5 个单位已报送"
    );
    assert_eq!(
        august.texts(".month-status .status-waiting li"),
        ["云州", "青石"]
    );
    // With drafts built, the draft is on the page, linked and marked.
    let run = site.run("build", &["--drafts"]);
    assert!(run.ok, "{run}");
    let december = site.page("months/2024-12/index.html");
    assert_eq!(
        december.attrs(".month-status .status-waiting a", "href"),
        ["#report-ap"]
    );
    assert!(december.by_id("report-ap").is_some());
}

#[test]
fn a_split_month_links_each_units_page() {
    let site = site();
    site.write(
        "site.yaml",
        format!("{SITE_YAML}max_page_kb: 1\n").as_bytes(),
    );
    site.built();
    let december = site.page("months/2024-12/index.html");
    assert_eq!(
        december.attrs(".month-status .status-reports a", "href"),
        [
            "../../units/sh/2024-12/index.html#report-sh",
            "../../units/yz/2024-12/index.html#report-yz",
            "../../units/qs/2024-12/index.html#report-qs",
        ]
    );
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn each_year_has_a_page_of_its_own_linked_from_the_home_page() {
    let site = site();
    site.built();
    let index = site.page("index.html");
    assert_eq!(
        index.attrs(".reporting .status-years a", "href"),
        ["./reporting/2024/index.html", "./reporting/2023/index.html"]
    );
    let year = site.page("reporting/2023/index.html");
    assert_eq!(year.text("h1"), "报送情况 · 2023年");
    // The site's months of 2023: November and December; only 省机关 was due.
    assert_eq!(year.count(".status-table thead th[scope=col]"), 3);
    assert_eq!(
        table_rows(&year, "main"),
        [("省机关".to_string(), states("vv"))]
    );
    let year = site.page("reporting/2024/index.html");
    assert_eq!(table_rows(&year, "main").len(), 6);
    assert_eq!(year.text(".status-years [aria-current=page]"), "2024年");
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn malformed_since_or_until_is_an_error_at_its_line() {
    let bad = |yaml: &str| {
        let site = Site::new(&[
            ("site.yaml", yaml),
            (
                "content/a/2024-01.md",
                &report("unit: a\nmonth: 2024-01", &area("甲", "1. 进展。", "")),
            ),
        ]);
        let run = site.build();
        assert!(!run.ok, "{run}");
        run.stderr
    };
    let err = bad(
        "units:\n  - { id: a, name: 甲, since: 2024-01 }\n  - { id: b, name: 乙, since: 2024-13 }\n",
    );
    assert!(
        err.contains("site.yaml:3:") && err.contains("since `2024-13` is not a month"),
        "{err}"
    );
    // The same mistake written for two units is pointed at for each.
    let err = bad(
        "units:\n  - id: a\n    name: 甲\n    until: soon\n  - id: b\n    name: 乙\n    until: soon\n",
    );
    assert!(
        err.contains("site.yaml:4:") && err.contains("site.yaml:7:"),
        "{err}"
    );
    let err = bad("units:\n  - id: a\n    name: 甲\n    since: 2024-06\n    until: 2024-02\n");
    assert!(
        err.contains("site.yaml:5:") && err.contains("until 2024-02 is before since 2024-06"),
        "{err}"
    );
}
