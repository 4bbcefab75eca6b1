//! Issue 16, reading one unit's report among many: the report's unit and
//! column labels in a bar that stays in view, last month's plan beside the
//! progress and opened for the whole page from one button, charts that
//! hold many units, and no page wider than the screen.

use crate::common;

use std::process::Command;

use common::{Site, area, report};

const AREAS: [(&str, &str); 3] = [
    ("zhidu", "团的制度建设"),
    ("ganbu", "团干部队伍建设"),
    ("volunteer", "志愿服务重点工作"),
];

/// `units` units (`c01`…, named 第01市…), each reporting 2025-01 and
/// 2025-02 on three areas, with a volunteer count per month; `long` makes
/// each progress several paragraphs, so a report is taller than a screen.
fn province(units: usize, long: bool) -> Site {
    let mut yaml = String::from("title: 全省\nunits:\n");
    for u in 1..=units {
        yaml += &format!("  - {{ id: c{u:02}, name: 第{u:02}市 }}\n");
    }
    yaml += "areas:\n";
    for (id, name) in AREAS {
        yaml += &format!("  - {{ id: {id}, name: {name} }}\n");
    }
    let paragraph = "本月召开专题会议，部署重点任务，开展调研督导，覆盖全市各级团组织。";
    let progress = |u: usize, month: &str| {
        let count = if long { 6 } else { 1 };
        (1..=count)
            .map(|i| format!("{i}. 第{u:02}市{month}进展：{}", paragraph.repeat(3)))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut files = vec![("site.yaml".to_string(), yaml)];
    for u in 1..=units {
        for (m, month) in ["2025-01", "2025-02"].into_iter().enumerate() {
            let body: String = AREAS
                .iter()
                .enumerate()
                .map(|(i, (_, name))| {
                    area(
                        &format!("{}. {name}", i + 1),
                        &progress(u, month),
                        &format!("1. 第{u:02}市{month}计划。"),
                    )
                })
                .collect();
            let front = format!(
                "unit: c{u:02}\nmonth: {month}\nmetrics:\n  volunteer:\n    注册志愿者: {}",
                u * 1000 + m * 150
            );
            files.push((format!("content/c{u:02}/{month}.md"), report(&front, &body)));
        }
    }
    Site::from_owned(&files)
}

#[test]
fn each_reports_bar_holds_its_unit_and_the_column_labels() {
    let site = province(3, false);
    site.built();
    let page = site.page("months/2025-02/index.html");
    assert_eq!(page.count("article.report"), 3);
    // One bar per report, first in its table, hidden from screen readers
    // (the heading and the part titles say the same).
    assert_eq!(
        page.count("article.report > .report-table > .report-bar:first-child[aria-hidden=true]"),
        3
    );
    assert_eq!(
        page.texts(".report-bar-unit"),
        [
            "第01市 · 2025年2月",
            "第02市 · 2025年2月",
            "第03市 · 2025年2月"
        ]
    );
    let labels = page.texts("#report-c02 .report-bar .table-head span");
    for label in [
        "序号",
        "重点工作",
        "本月份推进情况",
        "下一步推进计划",
        "上月计划",
    ] {
        assert!(labels.iter().any(|l| l == label), "{label} in {labels:?}");
    }
    // Sticky on the screen, in the theme's own stylesheet.
    let css = std::fs::read_to_string(site.output().join("style.css")).expect("style.css");
    assert!(
        css.contains(".report-bar { position: sticky; top: 0;"),
        "the bar is not sticky"
    );
}

#[test]
fn one_button_compares_every_area_with_last_months_plan() {
    let site = province(3, false);
    site.built();
    let page = site.page("months/2025-02/index.html");
    // A toggle, not pressed, hidden until its script shows it (without
    // scripts each comparison still opens on its own).
    let button =
        "p.compare-all[hidden] > button[type=button][data-compare-all][aria-pressed=false]";
    assert_eq!(page.count(button), 1);
    assert_eq!(page.text_one(button), "全部对照上月计划");
    assert_eq!(page.count("details.previous-plan > summary"), 9);
    // The script is the theme's own, linked relatively (works from disk
    // and under a sub-path), and written.
    assert_eq!(page.attrs("script[src]", "src"), ["../../compare.js"]);
    let script = std::fs::read_to_string(site.output().join("compare.js")).expect("compare.js");
    assert!(script.contains("details.previous-plan") && script.contains("aria-pressed"));
    assert!(!script.contains("http"), "the script fetches nothing");
    // A page without comparisons has no button.
    let area = site.page("areas/zhidu/index.html");
    assert_eq!(area.count("[data-compare-all]"), 0);
}

#[test]
fn many_units_get_a_small_chart_each_on_one_scale() {
    let few = province(6, false);
    few.built();
    let page = few.page("areas/volunteer/index.html");
    assert_eq!(page.count("svg.chart"), 1);
    assert_eq!(page.count(".legend li"), 6);
    assert_eq!(page.count(".panels"), 0);

    let many = province(7, false);
    many.built();
    let page = many.page("areas/volunteer/index.html");
    // No chart of seven tangled lines, no legend: a small chart per unit,
    // each an image with its own title and description.
    assert_eq!(page.count(".legend"), 0);
    assert_eq!(page.count("figure.metric-chart ul.panels > li.panel"), 7);
    assert_eq!(page.count("svg.chart"), 7);
    assert_eq!(
        page.count("li.panel > svg.chart-small[role=img][aria-describedby] > title + desc"),
        7
    );
    assert_eq!(
        page.texts(".panel-name")[6],
        "第07市 7,150",
        "each named with its latest value"
    );
    // One scale: every small chart's axis says the same numbers.
    let axes: Vec<String> = page.texts("svg.chart-small .axis");
    assert!(axes.iter().all(|a| a == &axes[0]), "{axes:?}");
    // The values as a table, scrolling inside its own box.
    assert_eq!(
        page.count(".metric-table[role=region][tabindex='0'][aria-labelledby] > table"),
        1
    );
    assert_eq!(page.count(".metric-table thead th"), 8);
}

/// A province of 22 units in Chromium at 1280 and 360 px: no page scrolls
/// sideways, the bars stay in view, compare-all opens and closes every
/// plan, and axe-core finds nothing on the month and area pages.
#[test]
fn a_province_reads_in_chromium_at_desktop_and_phone_widths() {
    let Some(browser_dir) = common::browser_tools() else {
        return;
    };
    let site = province(22, true);
    site.built();
    let month = "months/2025-02/index.html";
    let pages = [
        "index.html",
        "areas/volunteer/index.html",
        "areas/zhidu/index.html",
        "units/c03/index.html",
    ];
    let reading = Command::new("node")
        .arg(browser_dir.join("reading.mjs"))
        .arg(site.output())
        .arg(month)
        .args(pages)
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&reading.stdout);
    assert!(
        reading.status.success(),
        "reading findings:\n{report}\n{}",
        String::from_utf8_lossy(&reading.stderr)
    );
    assert!(report.contains("\"checked\": 10"), "{report}");

    let axe = Command::new("node")
        .arg(browser_dir.join("a11y.mjs"))
        .arg(site.output())
        .args([month, "areas/volunteer/index.html"])
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&axe.stdout);
    assert!(
        axe.status.success(),
        "accessibility findings:\n{report}\n{}",
        String::from_utf8_lossy(&axe.stderr)
    );
}
