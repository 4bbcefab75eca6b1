//! Numbers in reports' front matter (`metrics:`): charted per area as
//! inline SVG with a table and a CSV, summed up on the index, and every
//! mistake in them an error naming file and line.

use crate::common;

use common::{Site, area, report};

const SITE: &str = "\
units:
  - { id: gd, name: 广东 }
  - { id: sz, name: 深圳 }
  - { id: hz, name: 杭州 }
areas:
  - { id: volunteer, name: 志愿服务, aliases: [志愿者工作] }
  - { id: org, name: 组织建设 }
metrics:
  - { id: volunteers, name: 注册志愿者, unit: 人 }
  - { id: hours, name: 志愿服务时长, unit: 小时 }
  - { id: complaints, name: 投诉件数, unit: 件, higher_is_better: false }
";

fn body() -> String {
    area("志愿服务", "1. 进展", "1. 计划")
}

/// Three units over three months, with gaps: 深圳 has no February
/// report, 杭州 only February's numbers, 广东 hours only in January and
/// March; a draft's numbers must not show.
fn fixture() -> Site {
    let file = |unit: &str, month: &str, metrics: &str| {
        report(
            &format!("month: {month}\nunit: {unit}\nmetrics:\n{metrics}"),
            &body(),
        )
    };
    Site::new(&[
        ("site.yaml", SITE),
        (
            "content/gd/2025-01.md",
            &file(
                "gd",
                "2025-01",
                "  volunteer:\n    注册志愿者: 100\n    志愿服务时长: {value: 10.5, unit: 小时}",
            ),
        ),
        (
            "content/gd/2025-02.md",
            &file(
                "gd",
                "2025-02",
                // By id, and the area by its alias.
                "  志愿者工作:\n    volunteers: 120\n  report:\n    投诉件数: 5",
            ),
        ),
        (
            "content/gd/2025-03.md",
            &file(
                "gd",
                "2025-03",
                "  volunteer:\n    注册志愿者: 150\n    hours: 12.25\n  report:\n    complaints: 3",
            ),
        ),
        (
            "content/gd/2025-04.md",
            &report(
                "month: 2025-04\nunit: gd\ndraft: true\nmetrics:\n  volunteer:\n    注册志愿者: 999",
                &body(),
            ),
        ),
        (
            "content/sz/2025-01.md",
            &file("sz", "2025-01", "  volunteer:\n    注册志愿者: 50"),
        ),
        (
            "content/sz/2025-03.md",
            &file("sz", "2025-03", "  volunteer:\n    注册志愿者: \"70\""),
        ),
        (
            "content/hz/2025-02.md",
            &file("hz", "2025-02", "  volunteer:\n    注册志愿者: 30"),
        ),
        (
            "content/hz/2025-03.md",
            &report("month: 2025-03\nunit: hz", &body()),
        ),
    ])
}

/// The points of each line of a chart: `(unit, [(month, value)])`.
fn lines(page: &common::Page, chart: &str) -> Vec<(String, Vec<(String, String)>)> {
    let series = common::sel(&format!("#{chart} g.series"));
    let point = common::sel("g.point");
    page.0
        .select(&series)
        .map(|line| {
            let unit = line.value().attr("data-unit").unwrap_or("").to_string();
            let points = line
                .select(&point)
                .map(|p| {
                    let attr = |name| p.value().attr(name).unwrap_or("").to_string();
                    (attr("data-month"), attr("data-value"))
                })
                .collect();
            (unit, points)
        })
        .collect()
}

fn points(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(m, v)| (m.to_string(), v.to_string()))
        .collect()
}

#[test]
fn an_area_page_charts_each_metric_one_line_per_unit() {
    let site = fixture();
    site.built();
    let page = site.page("areas/volunteer/index.html");
    assert_eq!(page.count("svg.chart"), 2);
    let volunteers = lines(&page, "metric-volunteers-chart");
    assert_eq!(
        volunteers,
        vec![
            (
                "gd".to_string(),
                points(&[("2025-01", "100"), ("2025-02", "120"), ("2025-03", "150")])
            ),
            (
                "sz".to_string(),
                points(&[("2025-01", "50"), ("2025-03", "70")])
            ),
            ("hz".to_string(), points(&[("2025-02", "30")])),
        ]
    );
    // Hours print with the decimals they were written with.
    assert_eq!(
        lines(&page, "metric-hours-chart"),
        vec![(
            "gd".to_string(),
            points(&[("2025-01", "10.50"), ("2025-03", "12.25")])
        )]
    );
    // A month without a value breaks the line: 深圳's two points are two
    // pieces, 广东's three one.
    let paths = page.attrs("#metric-volunteers-chart path.line", "d");
    let pieces: Vec<usize> = paths.iter().map(|d| d.matches('M').count()).collect();
    assert_eq!(pieces, vec![1, 2, 1], "{paths:?}");
    assert_eq!(paths[0].matches('L').count(), 2);
    // Described for those who do not see it, each point titled.
    let chart = page.attrs("#metric-volunteers-chart", "role");
    assert_eq!(chart, vec!["img"]);
    assert_eq!(
        page.attrs("#metric-volunteers-chart", "aria-label"),
        vec!["注册志愿者（人）"]
    );
    assert!(
        page.text("#metric-volunteers-chart > title")
            .contains("注册志愿者（人）")
    );
    assert!(
        page.text("#metric-volunteers-chart > desc")
            .contains("2025-01 至 2025-03")
    );
    assert_eq!(
        page.text("#metric-volunteers-chart g.series[data-unit=sz] g.point title"),
        "深圳 · 2025-01: 50人 深圳 · 2025-03: 70人"
    );
    // Three lines, three looks: not colour alone.
    let dashes = page.attrs("#metric-volunteers-chart path.line", "stroke-dasharray");
    assert_eq!(dashes.len(), 2, "the first line solid, the others dashed");
    assert_eq!(page.count("#metric-volunteers .legend li"), 3);
    // The draft's 999 is nowhere.
    assert!(!page.text("main").contains("999"));
}

#[test]
fn a_table_beside_each_chart_has_the_same_values() {
    let site = fixture();
    site.built();
    let page = site.page("areas/volunteer/index.html");
    let table = "#metric-volunteers table";
    assert_eq!(
        page.text(&format!("{table} caption")),
        "注册志愿者（人）：按月份和单位"
    );
    assert_eq!(
        page.texts(&format!("{table} thead th")),
        vec!["月份", "广东", "深圳", "杭州"]
    );
    let cells = page.texts(&format!("{table} tbody th, {table} tbody td"));
    let none = "—未填报";
    assert_eq!(
        cells,
        vec![
            "2025-03", "150", "70", none, //
            "2025-02", "120", none, "30", //
            "2025-01", "100", "50", none,
        ]
    );
    assert_eq!(
        page.attrs("a[download]", "href"),
        vec!["../../areas/volunteer/metrics.csv"]
    );
}

#[test]
fn each_area_has_its_numbers_as_csv() {
    let site = fixture();
    site.built();
    let bytes = std::fs::read(site.output().join("areas/volunteer/metrics.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["月份", "单位", "指标", "数值", "计量单位"]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let expected = [
        "2025-01,广东,注册志愿者,100,人",
        "2025-01,深圳,注册志愿者,50,人",
        "2025-02,广东,注册志愿者,120,人",
        "2025-02,杭州,注册志愿者,30,人",
        "2025-03,广东,注册志愿者,150,人",
        "2025-03,深圳,注册志愿者,70,人",
        "2025-01,广东,志愿服务时长,10.50,小时",
        "2025-03,广东,志愿服务时长,12.25,小时",
    ];
    let rows: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    assert_eq!(rows, expected);
    // Numbers of whole reports are the index's, in their own CSV.
    let whole = std::fs::read_to_string(site.output().join("metrics.csv")).unwrap();
    assert!(whole.ends_with("2025-02,广东,投诉件数,5,件\n2025-03,广东,投诉件数,3,件\n"));
    assert!(!site.exists("areas/org/metrics.csv"), "org has no numbers");
}

#[test]
fn the_index_shows_each_units_latest_value_and_change() {
    let site = fixture();
    site.built();
    let page = site.page("index.html");
    let cards = page.texts(".figure-card h3");
    assert_eq!(
        cards,
        [
            "投诉件数 （件）",
            "注册志愿者 （人）",
            "志愿服务时长 （小时）"
        ]
    );
    let units = page.texts(".figure-card:nth-child(2) .figure-units li");
    assert_eq!(
        units,
        [
            "广东 150 人 2025年3月 · ▲ 增加 +30 (+25.0%) 较 2025-02",
            "深圳 70 人 2025年3月 · ▲ 增加 +20 (+40.0%) 较 2025-01",
            "杭州 30 人 2025年2月 · 暂无此前数据可比",
        ]
    );
    // Fewer complaints is good news: said in words and by the arrow, the
    // colour only repeating it.
    assert_eq!(
        page.text(".figure-card:nth-child(1) .change"),
        "2025年3月 · ▼ 减少 −2 (−40.0%) 较 2025-02"
    );
    assert_eq!(
        page.attrs(".figure-card:nth-child(1) .change", "class"),
        ["change down good"]
    );
    assert_eq!(
        page.attrs(".figure-card:nth-child(2) .change", "class")[0],
        "change up good"
    );
    // Sparklines are pictures of the numbers beside them.
    assert_eq!(
        page.count(".figure-card svg.sparkline[aria-hidden=true]"),
        5
    );
    assert_eq!(
        page.attrs(".figure-card h3 a", "href"),
        [
            "./index.html#metric-report-complaints",
            "./areas/volunteer/index.html#metric-volunteers",
            "./areas/volunteer/index.html#metric-hours",
        ]
    );
    assert_eq!(lines(&page, "metric-report-complaints-chart").len(), 1);
    assert!(site.broken_links().is_empty(), "{:?}", site.broken_links());
}

#[test]
fn a_site_without_configured_metrics_charts_the_names_reports_use() {
    let site = Site::new(&[(
        "content/2025-01.md",
        &report(
            "metrics:\n  志愿服务:\n    服务人次: {value: 12, unit: 人次}",
            &body(),
        ),
    )]);
    site.built();
    let page = site.page("areas/zhi-yuan-fu-wu/index.html");
    assert_eq!(page.text(".metric h3"), "服务人次 （人次）");
    assert_eq!(page.count("svg.chart g.point"), 1);
}

/// Builds `files` on the fixture's site.yaml and returns stderr,
/// insisting the build failed.
fn failing(front: &str) -> String {
    let site = Site::new(&[
        ("site.yaml", SITE),
        (
            "content/gd/2025-01.md",
            &report(&format!("month: 2025-01\nunit: gd\n{front}"), &body()),
        ),
    ]);
    let run = site.build();
    assert!(!run.ok, "build should fail:\n{}", run.stderr);
    assert!(!site.output().exists());
    run.stderr
}

fn assert_has(err: &str, line: &str) {
    assert!(err.contains(line), "expected\n{line}\nin\n{err}");
}

#[test]
fn a_value_that_is_not_a_number_is_an_error_showing_it() {
    let err = failing("metrics:\n  volunteer:\n    注册志愿者: 7,600,000\n    志愿服务时长: 760万");
    assert_has(
        &err,
        "content/gd/2025-01.md:6:12: the value of metric `注册志愿者`, `7,600,000`, is not a number: write digits only, like 7600000 or 12.5 (no thousands separators, no 万 or %)",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:7:13: the value of metric `志愿服务时长`, `760万`, is not a number",
    );
}

#[test]
fn a_value_inside_a_map_and_an_empty_value_are_errors() {
    let err = failing(
        "metrics:\n  volunteer:\n    注册志愿者: {value: true}\n    志愿服务时长:\n    hours: {valeu: 3}",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:6:20: the value of metric `注册志愿者`, `true`, is not a number",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:7:5: metric `志愿服务时长` has no value: write a number, or leave the line out",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:8:13: a metric value takes `value` and `unit`, not `valeu`",
    );
}

#[test]
fn an_unknown_area_is_an_error_with_the_closest() {
    let err = failing("metrics:\n  volunter:\n    注册志愿者: 1\n  reports:\n    投诉件数: 1");
    assert_has(
        &err,
        "content/gd/2025-01.md:5:3: `volunter` under `metrics:` is neither `report` nor a work area of the site (did you mean `volunteer`?)",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:7:3: `reports` under `metrics:` is neither `report` nor a work area of the site (did you mean `report`?)",
    );
}

#[test]
fn an_unknown_metric_a_wrong_unit_and_a_repeat_are_errors() {
    let err = failing(
        "metrics:\n  volunteer:\n    注册志愿着: 1\n    hours: {value: 5, unit: 天}\n    注册志愿者: 2\n    volunteers: 3",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:6:5: metric `注册志愿着` is not in site.yaml's `metrics` (did you mean `注册志愿者`?)",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:7:29: metric `hours` is counted in `小时`, not `天`",
    );
    assert_has(
        &err,
        "content/gd/2025-01.md:9:5: metric `volunteers` is given twice for `volunteer` in this report",
    );
}

#[test]
fn metrics_in_site_yaml_are_checked_like_areas() {
    let site = Site::new(&[
        (
            "site.yaml",
            "metrics:\n  - { id: people, name: 人数 }\n  - { id: people, name: 人次 }\n  - { id: Hours, name: 时长 }\n",
        ),
        ("content/2025-01.md", &report("month: 2025-01", &body())),
    ]);
    let run = site.build();
    assert!(!run.ok);
    assert_has(
        &run.stderr,
        "site.yaml:3:11: site.yaml is not valid: two metrics have the id `people`",
    );
    assert_has(
        &run.stderr,
        "site.yaml:4:11: site.yaml is not valid: metric id `Hours` must be lowercase",
    );
}

#[test]
fn a_timeline_split_by_year_keeps_its_charts_on_the_areas_own_page() {
    // Two years of three metrics: charts and tables of some 40 KB, which
    // the area's own page must fit beside its newest entries.
    let long = "推进情况。".repeat(150);
    let files: Vec<(String, String)> = (0..24u32)
        .map(|i| {
            let month = format!("{}-{:02}", 2024 + i / 12, i % 12 + 1);
            let metrics = format!(
                "    注册志愿者: {}\n    服务时长: {}\n    项目数: {}",
                100 + i,
                50 + i,
                i
            );
            (
                format!("content/{month}.md"),
                report(
                    &format!("month: {month}\nmetrics:\n  志愿服务:\n{metrics}"),
                    &area("志愿服务", &long, "1. 计划"),
                ),
            )
        })
        .collect();
    let mut all: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    all.push(("site.yaml", "max_page_kb: 64\n"));
    let site = Site::new(&all);
    site.built();
    let own = site.page("areas/zhi-yuan-fu-wu/index.html");
    assert_eq!(
        own.count("svg.chart g.point"),
        72,
        "every month, on the own page"
    );
    for year in ["2024", "2025"] {
        let page = site.page(&format!("areas/zhi-yuan-fu-wu/{year}/index.html"));
        assert_eq!(page.count("svg.chart"), 0, "{year}");
    }
    for (path, bytes) in common::snapshot(&site.output()) {
        if path.ends_with(".html") {
            assert!(bytes.len() <= 64 * 1024, "{path}: {} bytes", bytes.len());
        }
    }
}

#[test]
fn an_english_site_says_it_in_english() {
    let site = Site::new(&[
        (
            "site.yaml",
            "language: en\nmetrics:\n  - { id: rate, name: Satisfaction, unit: \"%\" }\n",
        ),
        (
            "content/2025-01.md",
            &report("metrics:\n  report:\n    rate: 90.5", &body()),
        ),
        (
            "content/2025-02.md",
            &report("metrics:\n  report:\n    Satisfaction: 88", &body()),
        ),
    ]);
    site.built();
    let page = site.page("index.html");
    assert_eq!(
        page.text("#metric-report-rate caption"),
        "Satisfaction (%) by month and unit"
    );
    assert_eq!(
        page.text(".figure-card .change"),
        "February 2025 · ▼ down −2.5 (−2.8%) since 2025-01"
    );
    assert_eq!(
        page.attrs(".figure-card .change", "class"),
        ["change down bad"]
    );
    // No unit in site.yaml: the theme's word for it, never the site's title.
    let csv = std::fs::read_to_string(site.output().join("metrics.csv")).unwrap();
    assert_eq!(
        csv,
        "\u{feff}Month,Unit,Metric,Value,Unit of measure\n2025-01,This unit,Satisfaction,90.5,%\n2025-02,This unit,Satisfaction,88.0,%\n"
    );
}
