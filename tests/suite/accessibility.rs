//! Every page of the example site in headless Chromium, from disk, at
//! 1280 px and 360 px: no axe-core violation, no sideways scrolling on a
//! phone, no request to another host.
//!
//! Needs Node.js, `npm ci` in tests/browser and /usr/bin/chromium (.ci/run
//! installs them). Without them the test says so and passes, except under
//! CI, where it fails.

use crate::common;

use std::path::Path;
use std::process::Command;

#[test]
fn example_site_pages_pass_axe_at_desktop_and_phone_widths() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Every page but the areas read for one unit beyond one area's: those
    // are 8 units × 12 areas of one template (a third of the example's
    // pages, and of this test's minutes), one area's eight stand for them.
    check_every_page(repo, |page| {
        !(page.starts_with("areas/") && page.contains("/units/"))
            || page.starts_with("areas/zhiyuan/")
    });
}

/// The example with a small page limit: its split timelines (by year and
/// by runs of months), month digests and unit-month pages.
#[test]
fn split_pages_pass_axe_at_desktop_and_phone_widths() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let copy = tempfile::tempdir().expect("temp dir");
    let yaml = std::fs::read_to_string(repo.join("site.yaml")).expect("site.yaml");
    std::fs::write(
        copy.path().join("site.yaml"),
        format!("{yaml}\nmax_page_kb: 20\n"),
    )
    .expect("write site.yaml");
    for entry in walkdir::WalkDir::new(repo.join("content"))
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry
            .path()
            .strip_prefix(repo)
            .expect("inside the repository");
        let target = copy.path().join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
    // One area's pages of every kind, the split months, their unit pages.
    check_every_page(copy.path(), |page| {
        page.starts_with("areas/ganbu/")
            || (page.starts_with("units/") && page.contains("/2025-"))
            || (page.starts_with("months/2025-") && page > "months/2025-08")
    });
}

/// Builds the site at `root` and checks the pages `wanted` picks.
fn check_every_page(root: &Path, wanted: impl Fn(&str) -> bool) {
    let Some(browser_dir) = common::browser_tools() else {
        return;
    };
    let (_out, site) = common::built_into_temp(root);

    let mut pages: Vec<String> = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| reportal::load::relative(&site, e.path()))
        .filter(|page| wanted(page))
        .collect();
    pages.sort();
    assert!(pages.len() >= 10, "too few pages: {pages:?}");
    // The search page with results listed, as a reader sees it.
    if wanted("search/index.html") {
        pages.push("search/index.html?q=志愿者".to_string());
    }

    let check = Command::new("node")
        .arg(browser_dir.join("a11y.mjs"))
        .arg(&site)
        .args(&pages)
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "accessibility findings:\n{report}\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(
        report.contains(&format!("\"checked\": {}", pages.len() * 2)),
        "{report}"
    );
}
