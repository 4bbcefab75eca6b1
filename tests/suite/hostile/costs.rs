//! Costs that grow with the square of the input, and ids too long for a
//! file name: a site's size stays proportionate to its text, absurd counts
//! are refused where they are written, and `check` fails wherever `build`
//! would. (No test here times anything: sizes and counts only.)

use std::path::Path;

use crate::common::{Run, Site, parse_file, report};

/// Every file under `dir`: total bytes, and every path component.
fn output_of(dir: &Path) -> (u64, Vec<String>) {
    let mut bytes = 0;
    let mut components = Vec::new();
    for entry in walk(dir) {
        let rel = entry.strip_prefix(dir).unwrap_or(&entry);
        components.extend(rel.iter().map(|c| c.to_string_lossy().into_owned()));
        bytes += std::fs::metadata(&entry).map_or(0, |m| m.len());
    }
    components.sort();
    components.dedup();
    (bytes, components)
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// One report with `count` work areas, each a heading and a line.
fn report_with_areas(count: usize) -> String {
    let body: String = (0..count)
        .map(|i| format!("## 工作{i}\n\n进展{i}\n\n"))
        .collect();
    report("month: 2025-01", &body)
}

fn built_bytes(areas: usize) -> u64 {
    let site = Site::new(&[
        ("site.yaml", "title: t\n"),
        ("content/2025-01.md", &report_with_areas(areas)),
    ]);
    site.built();
    output_of(&site.output()).0
}

/// Whether `run` failed with an error at `place` (`file:line:col`).
fn refused_at(run: &Run, place: &str) -> bool {
    run.code == Some(1) && run.stderr.contains(place)
}

#[test]
fn each_area_costs_the_same_however_many_there_are() {
    // Every area page used to list every area: 2,000 areas wrote 294 MB.
    let (small, medium, large) = (built_bytes(50), built_bytes(100), built_bytes(200));
    let per_area_first = (medium - small) / 50;
    let per_area_then = (large - medium) / 100;
    assert!(
        per_area_then * 10 <= per_area_first * 12,
        "an area costs {per_area_first} bytes among 100, {per_area_then} among 200"
    );
}

#[test]
fn an_area_page_lists_the_areas_around_it_and_links_to_all() {
    let site = Site::new(&[
        ("site.yaml", "title: t\n"),
        ("content/2025-01.md", &report_with_areas(200)),
    ]);
    site.built();
    let index = site.page("areas/index.html");
    let all = index.attrs("main a[href*='areas/gong-zuo']", "href");
    assert_eq!(all.len(), 200, "{all:?}");
    let page = site.page("areas/gong-zuo-150/index.html");
    let nav = page.attrs("nav.other-areas li a", "href");
    assert!(nav.len() <= 40, "{} areas listed", nav.len());
    let current = page.attrs("nav.other-areas a[aria-current]", "href");
    assert_eq!(current, ["../../areas/gong-zuo-150/index.html"]);
    let more = page.attrs("nav.other-areas .more a", "href");
    assert_eq!(more, ["../../areas/index.html"]);
}

#[test]
fn thousands_of_areas_in_one_report_are_refused_where_they_pass_the_limit() {
    let site = Site::new(&[
        ("site.yaml", "title: t\n"),
        ("content/2025-01.md", &report_with_areas(2000)),
    ]);
    // The 201st heading: 3 lines of front matter, 4 lines per area.
    let place = format!("content/2025-01.md:{}:1", 3 + 200 * 4 + 1);
    let check = site.run("check", &[]);
    assert!(refused_at(&check, &place), "{check}");
    let build = site.build();
    assert!(refused_at(&build, &place), "{build}");
    assert!(!site.output().exists());
}

#[test]
fn twenty_thousand_links_in_one_report_build_in_proportion() {
    // All on one line: each link's place once copied and scanned the whole
    // line (41 s and 8 GB), and each page replaced the links one by one.
    let links = "[上月](2025-01.md) ".repeat(20_000);
    let site = Site::new(&[
        ("site.yaml", "title: t\n"),
        (
            "content/2025-01.md",
            &report("month: 2025-01", "## 甲\n\n进展\n"),
        ),
        (
            "content/2025-02.md",
            &report("month: 2025-02", &format!("## 甲\n\n{links}\n")),
        ),
    ]);
    site.built();
    let (bytes, _) = output_of(&site.output());
    let input = links.len() as u64;
    assert!(bytes < 20 * input, "{bytes} bytes written for {input}");
    let month = site.page("months/2025-02/index.html");
    let hrefs = month.attrs("#report-main a[href]", "href");
    let to_january = hrefs
        .iter()
        .filter(|h| *h == "../../months/2025-01/index.html#report-main")
        .count();
    assert_eq!(to_january, 20_000);
}

#[test]
fn hundreds_of_metrics_build_and_more_are_refused_where_they_pass_the_limit() {
    let metrics = |count: usize| {
        let lines: String = (0..count).map(|i| format!("    m{i}: {i}\n")).collect();
        report(
            &format!("month: 2025-01\nmetrics:\n  report:\n{lines}"),
            "## 甲\n\n进展\n",
        )
    };
    let site = Site::new(&[
        ("site.yaml", "title: t\n"),
        ("content/2025-01.md", &metrics(500)),
    ]);
    site.built();
    site.write("content/2025-01.md", metrics(600));
    // The 501st number: `---`, month, `metrics:`, `report:`, then one a line.
    let place = "content/2025-01.md:505:5";
    let check = site.run("check", &[]);
    assert!(refused_at(&check, place), "{check}");
    assert!(refused_at(&site.build(), place));
}

/// A heading of 60 Chinese characters and a `unit:` of 300: pinyin ids of
/// 300 and 900 bytes, which no file system takes as a folder name.
fn long_names_site() -> Site {
    let area = "深入学习贯彻党的二十届四中全会精神推动共青团工作高质量发展好".repeat(2);
    let unit = format!("临江市{}", "团".repeat(297));
    assert_eq!(area.chars().count(), 60);
    Site::new(&[
        ("site.yaml", "title: t\n"),
        (
            "content/a/2025-01.md",
            &report(
                &format!("month: 2025-01\nunit: {unit}"),
                &format!("## {area}\n\n进展\n"),
            ),
        ),
        (
            "content/b/2025-01.md",
            &report(
                "month: 2025-01\nunit: 其他",
                &format!("## {area}\n\n进展\n"),
            ),
        ),
    ])
}

#[test]
fn long_names_make_ids_that_fit_a_file_name() {
    let site = long_names_site();
    let check = site.run("check", &[]);
    let build = site.build();
    assert_eq!(check.code, build.code, "check:\n{check}\nbuild:\n{build}");
    assert_eq!(build.code, Some(0), "{build}");
    let (_, components) = output_of(&site.output());
    for component in &components {
        assert!(
            component.len() <= 110,
            "{} bytes: {component}",
            component.len()
        );
    }
    // The month page leads to the area's timeline and the unit's page.
    let month = site.page("months/2025-01/index.html");
    for href in month.attrs(
        "main a[href^='../../areas/'], main a[href^='../../units/']",
        "href",
    ) {
        let file = href
            .trim_start_matches("../../")
            .split('#')
            .next()
            .unwrap_or("");
        assert!(site.exists(file), "{href} leads nowhere");
    }
}

#[test]
fn the_same_long_name_makes_the_same_id_in_every_build() {
    let site = long_names_site();
    site.built();
    let first = output_of(&site.output()).1;
    let again = site.root().join("again");
    let run = site.run("build", &["--output", again.to_str().unwrap_or_default()]);
    assert!(run.ok, "{run}");
    assert_eq!(first, output_of(&again).1);
    let area = first.iter().find(|c| c.starts_with("shen-ru-xue-xi"));
    assert!(area.is_some(), "{first:?}");
}

#[test]
fn a_configured_id_too_long_for_a_folder_is_refused_by_check_too() {
    let id = "a".repeat(300);
    let site = Site::new(&[
        (
            "site.yaml",
            &format!("title: t\nareas:\n  - {{ id: {id}, name: 甲 }}\n"),
        ),
        (
            "content/2025-01.md",
            &report("month: 2025-01", "## 甲\n\n进展\n"),
        ),
    ]);
    let check = site.run("check", &[]);
    assert!(refused_at(&check, "site.yaml:3:"), "{check}");
    let build = site.build();
    assert!(refused_at(&build, "site.yaml:3:"), "{build}");
}

#[test]
fn the_month_page_shows_every_area_of_a_report_at_the_limit() {
    let site = Site::new(&[
        ("site.yaml", "title: t\n"),
        ("content/2025-01.md", &report_with_areas(200)),
    ]);
    site.built();
    let month = parse_file(&site.output().join("months/2025-01/index.html"));
    let entries = month.attrs("[id^='gong-zuo-']", "id");
    assert_eq!(entries.len(), 200);
}

#[test]
fn a_month_centuries_away_is_refused_as_a_typo() {
    // Reporting grids show every month from the first report to the
    // latest: 1000-01 to 9999-12 wrote a 14 MB home page for two reports.
    let site = Site::new(&[
        ("site.yaml", "title: t\n"),
        (
            "content/2015-11.md",
            &report("month: 2015-11", "## 甲\n\n进展\n"),
        ),
        (
            "content/2015-12.md",
            &report("month: 2015-12", "## 甲\n\n进展\n"),
        ),
        (
            "content/typo.md",
            &report("month: 1015-12", "## 甲\n\n进展\n"),
        ),
    ]);
    let check = site.run("check", &[]);
    assert!(refused_at(&check, "content/typo.md:1:1"), "{check}");
    assert!(check.stderr.contains("1015-12"), "{check}");
    assert!(refused_at(&site.build(), "content/typo.md:1:1"));
}
