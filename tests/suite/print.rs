//! A month on paper: the month page and its printable table, printed to
//! PDF by headless Chromium and read back by pdftotext (poppler-utils,
//! which .ci/run installs): every area's progress and plan (in order in
//! the table), page numbers, and no navigation.

use crate::common;

use std::path::Path;
use std::process::Command;

/// The text of `page` (in the built `site`) printed to PDF.
fn printed(site: &Path, page: &str) -> Option<String> {
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
    let text = Command::new("/usr/bin/pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext");
    Some(
        String::from_utf8_lossy(&text.stdout)
            .split_whitespace()
            .collect(),
    )
}

/// The first characters (what fits on a printed line) of each area's progress and plan on the month
/// page, in order.
fn area_texts(site: &Path, month: &str) -> Vec<String> {
    let html = std::fs::read_to_string(site.join(month)).expect("month page");
    let page = common::Page(scraper::Html::parse_document(&html));
    page.texts("section.entry .part .prose")
        .iter()
        .map(|t| {
            t.split_whitespace()
                .collect::<String>()
                .chars()
                .take(6)
                .collect()
        })
        .collect()
}

fn assert_in_order(text: &str, wanted: &[String]) {
    let mut at = 0;
    for piece in wanted {
        match text[at..].find(piece.as_str()) {
            Some(i) => at += i + piece.len(),
            None => panic!("`{piece}` missing or out of order in the printed text"),
        }
    }
}

#[test]
fn a_month_page_prints_every_area_without_navigation() {
    let (_out, site) = common::built_example();
    let Some(text) = printed(&site, "months/2025-12/index.html") else {
        return;
    };
    let wanted = area_texts(&site, "months/2025-12/index.html");
    assert!(wanted.len() >= 12, "{wanted:?}");
    // The page's grid puts progress and plan side by side, which pdftotext
    // reads back interleaved: each is there (the table below is in order).
    for piece in &wanted {
        assert!(text.contains(piece.as_str()), "`{piece}` not printed");
    }
    assert!(text.contains("1/"), "no page numbers: {text}");
    for navigation in ["跳到正文", "按月份", "报送单位", "上一月"] {
        assert!(!text.contains(navigation), "`{navigation}` printed");
    }
}

#[test]
fn the_printable_table_has_the_word_columns_and_every_area() {
    let (_out, site) = common::built_example();
    let month = std::fs::read_to_string(site.join("months/2025-12/index.html")).expect("page");
    assert!(month.contains("href=\"../../months/2025-12/print/index.html\""));
    let Some(text) = printed(&site, "months/2025-12/print/index.html") else {
        return;
    };
    for column in ["序号", "重点工作", "本月份推进情况", "下一步推进计划"] {
        assert!(text.contains(column), "no column {column}: {text}");
    }
    assert_in_order(&text, &area_texts(&site, "months/2025-12/index.html"));
    assert!(text.contains("1/"), "no page numbers: {text}");
    assert!(!text.contains("跳到正文"));
}
