//! A month on paper: the month page and its print table, printed to A4
//! PDF by headless Chromium and read back with text positions by
//! `pdftotext -bbox-layout` (poppler-utils, which .ci/run installs). Both
//! print as the office's Word table: no line drawn over another, the unit
//! and month and the column labels on every page, page x / y at the foot,
//! nothing of the screen's navigation, links or buttons, each report's
//! title and opening text before its table. The seed (the office's own
//! December report, tests/fixtures) fits on as many pages as Word needs.

use crate::common::{self, Site};

use std::path::Path;
use std::process::Command;

/// A line of printed text and its box, in points from the page's top left.
#[derive(Debug)]
struct Line {
    x: (f64, f64),
    y: (f64, f64),
    text: String,
}

/// A printed document: its pages' lines, and the pages' width.
struct Printed {
    pages: Vec<Vec<Line>>,
    width: f64,
}

/// `page` (in the built `site`) printed to A4 PDF, read back.
fn printed(site: &Path, page: &str) -> Option<Printed> {
    common::browser_tools()?;
    if !Path::new("/usr/bin/pdftotext").exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext missing under CI"
        );
        eprintln!("skipped: install poppler-utils to run this test");
        return None;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("page.pdf");
    let run = Command::new("/usr/bin/chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-pdf-header-footer",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", site.join(page).display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.is_file(),
        "no PDF: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    let layout = Command::new("/usr/bin/pdftotext")
        .arg("-bbox-layout")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    Some(Printed::read(&String::from_utf8_lossy(&layout.stdout)))
}

impl Printed {
    /// pdftotext's XHTML: page > flow > block > line (a box) > word.
    fn read(xhtml: &str) -> Printed {
        let document = scraper::Html::parse_document(xhtml);
        let number = |element: &scraper::ElementRef, name: &str| -> f64 {
            element
                .value()
                .attr(name)
                .and_then(|v| v.parse().ok())
                .expect("a coordinate")
        };
        let pages = document
            .select(&common::sel("page"))
            .map(|page| {
                page.select(&common::sel("line"))
                    .map(|line| Line {
                        x: (number(&line, "xmin"), number(&line, "xmax")),
                        y: (number(&line, "ymin"), number(&line, "ymax")),
                        text: line
                            .select(&common::sel("word"))
                            .map(|w| w.text().collect::<String>())
                            .collect(),
                    })
                    .collect()
            })
            .collect();
        let width = document
            .select(&common::sel("page"))
            .next()
            .map_or(0.0, |page| number(&page, "width"));
        Printed { pages, width }
    }

    /// Lines that run past the paper's right edge (printed cut off).
    fn off_the_paper(&self) -> Vec<&str> {
        self.pages
            .iter()
            .flatten()
            .filter(|l| l.x.1 > self.width)
            .map(|l| l.text.as_str())
            .collect()
    }

    /// Page `i`'s text, without white space.
    fn page_text(&self, i: usize) -> String {
        self.pages[i].iter().map(|l| l.text.as_str()).collect()
    }

    fn text(&self) -> String {
        (0..self.pages.len()).map(|i| self.page_text(i)).collect()
    }

    /// Lines drawn over each other: boxes side by side horizontally whose
    /// middles are closer than a quarter of their height. (pdftotext's
    /// boxes are the font's whole height, about 2.6 times its size, so
    /// lines of a paragraph, one line height apart, overlap as boxes
    /// without being drawn over each other.)
    fn overlaps(&self) -> Vec<String> {
        let mut found = Vec::new();
        for (p, lines) in self.pages.iter().enumerate() {
            for (i, a) in lines.iter().enumerate() {
                for b in &lines[i + 1..] {
                    let across = a.x.1.min(b.x.1) - a.x.0.max(b.x.0);
                    let height = (a.y.1 - a.y.0).min(b.y.1 - b.y.0);
                    let apart = ((a.y.0 + a.y.1) - (b.y.0 + b.y.1)).abs() / 2.0;
                    if across > 1.0 && apart < height / 4.0 {
                        found.push(format!("page {}: `{}` over `{}`", p + 1, a.text, b.text));
                    }
                }
            }
        }
        found
    }

    /// The last line of page `i`, by position.
    fn foot(&self, i: usize) -> &str {
        self.pages[i]
            .iter()
            .max_by(|a, b| a.y.0.total_cmp(&b.y.0))
            .map_or("", |l| l.text.as_str())
    }
}

/// What a printed month must be, whichever page printed it: `heads` are
/// the unit-and-month lines of its tables (one of them on every page),
/// `wanted` texts that must be there.
fn assert_prints_as_the_table(printed: &Printed, what: &str, heads: &[String], wanted: &[String]) {
    let overlaps = printed.overlaps();
    assert!(
        overlaps.is_empty(),
        "{what}: lines over lines: {overlaps:#?}"
    );
    assert_eq!(
        printed.off_the_paper(),
        Vec::<&str>::new(),
        "{what}: cut off"
    );
    let count = printed.pages.len();
    for i in 0..count {
        let text = printed.page_text(i);
        for label in ["序号", "重点工作", "本月份推进情况", "下一步推进计划"] {
            assert!(
                text.contains(label),
                "{what}: page {} lacks `{label}`: {text}",
                i + 1
            );
        }
        assert!(
            heads.iter().any(|head| text.contains(head.as_str())),
            "{what}: page {} does not say whose table it is ({heads:?}): {text}",
            i + 1
        );
        assert_eq!(
            printed.foot(i),
            format!("{}/{count}", i + 1),
            "{what}: page number"
        );
    }
    let text = printed.text();
    for screen_only in [
        "跳到正文",
        "首页",
        "上一月",
        "下一月",
        "打印版",
        "下载",
        "对照上月计划",
        "本期目录",
        "搜索",
    ] {
        assert!(
            !text.contains(screen_only),
            "{what}: `{screen_only}` printed"
        );
    }
    for piece in wanted {
        assert!(
            text.contains(piece.as_str()),
            "{what}: `{piece}` not printed"
        );
    }
}

/// The first `n` characters of `text`, white space removed.
fn start(text: &str, n: usize) -> String {
    text.split_whitespace()
        .collect::<String>()
        .chars()
        .take(n)
        .collect()
}

/// What the built month page shows that paper must carry too: each
/// report's title, summary and opening text, each area's name and the
/// start of its progress and plan.
fn shown(site: &Path, month: &str) -> (Vec<String>, Vec<String>) {
    let page = common::parse_file(&site.join(month).join("index.html"));
    let heads = page
        .texts(".report-bar-unit")
        .iter()
        .map(|t| start(t, 40))
        .collect();
    let mut wanted = Vec::new();
    for css in [
        ".report-header h2",
        ".report-header .summary",
        ".preamble",
        ".entry-title a",
        "section.entry .part .prose",
    ] {
        wanted.extend(page.texts(css).iter().map(|t| start(t, 6)));
    }
    (heads, wanted)
}

/// The seed imported as an office would (`reportal import` of its text
/// export) and built.
fn seed_site() -> Site {
    let site = Site::new(&[
        (
            "site.yaml",
            "title: 团省委工作报告\nlanguage: zh-CN\nunits:\n  - { id: gd, name: 团省委 }\n",
        ),
        ("seed.txt", include_str!("../fixtures/seed-2015-12.txt")),
    ]);
    let seed = site.root().join("seed.txt");
    let seed = seed.to_str().expect("temp dir is UTF-8");
    let import = site.run("import", &[seed, "--unit", "gd", "--year", "2015"]);
    assert!(import.ok, "{import}");
    site.built();
    site
}

#[test]
fn the_seed_prints_as_its_word_table_on_at_most_seven_pages() {
    let site = seed_site();
    let out = site.output();
    let (heads, wanted) = shown(&out, "months/2015-12");
    assert_eq!(heads, ["团省委·2015年12月"]);
    assert!(wanted.len() >= 12 * 3, "{wanted:?}");
    for page in [
        "months/2015-12/index.html",
        "months/2015-12/print/index.html",
    ] {
        let Some(printed) = printed(&out, page) else {
            return;
        };
        assert_prints_as_the_table(&printed, page, &heads, &wanted);
        // Word lays the seed's table out on about six pages; rows that
        // never split took nine.
        assert!(
            printed.pages.len() <= 7,
            "{page}: {} pages",
            printed.pages.len()
        );
    }
}

#[test]
fn the_example_month_prints_alike_from_the_month_page_and_the_print_table() {
    let (_out, site) = common::built_example();
    let month = std::fs::read_to_string(site.join("months/2025-12/index.html")).expect("page");
    assert!(month.contains("href=\"../../months/2025-12/print/index.html\""));
    let (heads, wanted) = shown(&site, "months/2025-12");
    assert!(heads.len() >= 5, "{heads:?}");
    let mut counts = Vec::new();
    for page in [
        "months/2025-12/index.html",
        "months/2025-12/print/index.html",
    ] {
        let Some(printed) = printed(&site, page) else {
            return;
        };
        assert_prints_as_the_table(&printed, page, &heads, &wanted);
        counts.push(printed.pages.len());
    }
    assert_eq!(counts[0], counts[1], "both print alike");
}

#[test]
fn a_word_longer_than_its_column_is_broken_not_cut_off() {
    let long = "https://intranet.example/".to_string() + &"长".repeat(5) + &"x".repeat(400);
    let plan = "9".repeat(300);
    let site = Site::from_owned(&[
        (
            "site.yaml".into(),
            "units:\n  - { id: gd, name: 团省委 }\n".into(),
        ),
        (
            "content/gd/2026-01.md".into(),
            common::report(
                "title: 一月",
                &common::area("团的制度建设", &format!("1. {long}"), &plan),
            ),
        ),
    ]);
    site.built();
    let out = site.output();
    let (heads, _) = shown(&out, "months/2026-01");
    for page in [
        "months/2026-01/index.html",
        "months/2026-01/print/index.html",
    ] {
        let Some(printed) = printed(&out, page) else {
            return;
        };
        assert_prints_as_the_table(&printed, page, &heads, &[]);
    }
}
