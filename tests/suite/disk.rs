//! The built example opened straight from disk (file://) in headless
//! Chromium: index → a month → an area's timeline → back → the printable
//! table → back → the menu, all by clicking links, nothing fetched from
//! elsewhere. Needs what the other browser tests need.

use crate::common;

use std::process::Command;

#[test]
fn a_reader_clicks_through_the_site_opened_from_disk() {
    let Some(browser_dir) = common::browser_tools() else {
        return;
    };
    let (_out, site) = common::built_example();
    let run = Command::new("node")
        .arg(browser_dir.join("disk.mjs"))
        .arg(&site)
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(report.contains("areas/"), "{report}");
}
