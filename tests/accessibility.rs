//! Every page of the example site in headless Chromium, from disk, at
//! 1280 px and 360 px: no axe-core violation, no sideways scrolling on a
//! phone, no request to another host.
//!
//! Needs Node.js, `npm ci` in tests/browser and /usr/bin/chromium (.ci/run
//! installs them). Without them the test says so and passes, except under
//! CI, where it fails.

mod support;

use std::path::Path;
use std::process::Command;

#[test]
fn example_site_pages_pass_axe_at_desktop_and_phone_widths() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Some(browser_dir) = support::browser_tools() else {
        return;
    };
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_reportal"))
        .args(["build", "--root"])
        .arg(repo)
        .arg("--output")
        .arg(&site)
        .output()
        .expect("run reportal");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );

    let mut pages: Vec<String> = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| reportal::load::relative(&site, e.path()))
        .collect();
    pages.sort();
    assert!(pages.len() > 30, "example site too small: {pages:?}");

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
