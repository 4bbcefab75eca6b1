//! Issue 16's "Done when", in headless Chromium, from disk: a province of
//! 22 units × 24 months (bench/generate.py --province: three cities from
//! 2025-04, four without a 2025-12 report, one with only a draft of it),
//! at 1280×800 and 360×640. tests/browser/province.mjs runs the checks:
//!
//! - a: the home page and the 2025-12 month page name, within the first
//!   1,800 px at 1280 px, every unit without a 2025-12 report, shown as not
//!   reported (未报送) or as a draft (草稿);
//! - b: the month page links every reported unit's report there;
//! - c: a late-starting unit's page shows no 未报送 before its first report
//!   (and, so the check can fail, a unit that missed 2025-12 shows it);
//! - d: the volunteer area's page links each unit's own timeline of it, and
//!   that page links that unit's entries only;
//! - e: no sideways scroll on the home, month, area and unit pages;
//! - f: the home page within 8 screens at 1280 px, 20 at 360 px;
//! - g: axe-core finds no violation on those pages at both widths.
//!
//! Before parts A–C of issue 16 are merged, a, b, c, d, f and e on the
//! area page fail (the checks they build); the others pass.
//!
//! Needs python3, Node.js, `npm ci` in tests/browser and /usr/bin/chromium.
//! Without them the test says so and passes, except under CI, where it
//! fails.

use crate::common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

#[test]
fn a_province_of_22_units_reads_at_a_glance() {
    let Some(browser_dir) = common::browser_tools() else {
        return;
    };
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = tempfile::tempdir().expect("temp dir");
    let generated = Command::new("python3")
        .arg(repo.join("bench/generate.py"))
        .arg("--province")
        .arg(root.path())
        .output()
        .expect("run python3 bench/generate.py");
    assert!(
        generated.status.success(),
        "{}",
        String::from_utf8_lossy(&generated.stderr)
    );
    let (_out, site) = common::built_into_temp(root.path());
    let run = Command::new("node")
        .arg(browser_dir.join("province.mjs"))
        .arg(&site)
        .arg(root.path().join("shape.json"))
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&run.stdout);
    let result: Value = serde_json::from_str(&report).unwrap_or_else(|_| {
        panic!(
            "no JSON from province.mjs:\n{report}\n{}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    let checks = result["checks"].as_array().expect("checks");
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| c["ok"] != Value::Bool(true))
        .map(|c| {
            format!(
                "{} at {} px, {}: {}",
                c["check"], c["width"], c["page"], c["detail"]
            )
        })
        .collect();
    // Every kind of check ran (a page that failed to load would leave some out).
    for kind in ["a:", "b:", "c:", "d:", "e:", "f:", "g:"] {
        assert!(
            checks
                .iter()
                .any(|c| c["check"].as_str().is_some_and(|s| s.starts_with(kind))),
            "no check {kind} ran:\n{report}"
        );
    }
    assert!(
        failed.is_empty() && run.status.success(),
        "{} of {} checks failed:\n{}",
        failed.len(),
        checks.len(),
        failed.join("\n")
    );
}
