//! End to end in headless Chromium: a month page open in the browser shows
//! a save by itself, shows an overlay naming the file for a broken save and
//! drops it after the repair, and swaps the stylesheet without reloading.
//!
//! Needs Node.js, `npm ci` in tests/browser and /usr/bin/chromium (.ci/run
//! installs them). Without them the test says so and passes, except under
//! CI, where it fails.

use crate::common;

use std::process::Command;

use common::server::Server;
use common::{Site, area, report};

#[test]
fn an_open_page_follows_saves_broken_saves_and_stylesheet_changes() {
    let Some(browser_dir) = common::browser_tools() else {
        return;
    };
    // A long page, so that the scroll position means something.
    let mut body = String::new();
    for i in 1..=12 {
        body.push_str(&area(
            &format!("第{i}项工作"),
            "1. 初稿内容\n2. 第二条\n3. 第三条\n4. 第四条",
            "1. 计划\n2. 计划",
        ));
    }
    let site = Site::new(&[("content/2015-12.md", &report("month: 2015-12", &body))]);
    // As a writer on a Chinese site sees it: the overlay says so in Chinese.
    let server = Server::start_in(&site, "zh-CN");
    let run = Command::new("node")
        .env("OVERLAY_TITLE", "reportal：最近一次保存有问题")
        .env("OVERLAY_TEXT", "开头设置不是有效的 YAML")
        .arg(browser_dir.join("live.mjs"))
        .arg(format!("http://127.0.0.1:{}/", server.port))
        .arg(site.root())
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    for step in ["edit", "overlay", "repair", "css", "focus", "tabs"] {
        assert!(
            report.contains(&format!("\"{step}\":")),
            "{step} not timed: {report}"
        );
    }
    eprintln!("save-to-visible times (ms): {report}");
}
