//! `reportal serve` as a writer uses it: start it on a free port against a
//! temp site, fetch pages, edit, rename and delete reports, break and repair
//! one, and check what is served after each; 404s and traversal attempts.

use crate::common;

use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

use common::server::Server;
use common::{Site, area, report};

fn site() -> Site {
    Site::new(&[
        (
            "content/2015-11.md",
            &report(
                "month: 2015-11",
                &area("团的制度建设", "1. 十一月进展", "1. 计划"),
            ),
        ),
        (
            "content/2015-12.md",
            &report(
                "month: 2015-12",
                &area("团的制度建设", "1. 初稿内容", "1. 计划"),
            ),
        ),
    ])
}

#[test]
fn serves_the_site_from_memory_with_the_live_script_and_never_writes_public() {
    let site = site();
    let server = Server::start(&site);
    let (status, body) = server.get("/months/2015-12/index.html");
    assert_eq!(status, 200);
    assert!(body.contains("初稿内容") && body.contains("/__reportal/live.js"));
    let (status, script) = server.get("/__reportal/live.js");
    assert_eq!(status, 200);
    assert!(script.contains("EventSource"));
    assert!(!site.output().exists(), "serve wrote public/");
}

#[test]
fn edits_renames_and_deletions_show_up() {
    let site = site();
    let server = Server::start(&site);
    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12",
            &area("团的制度建设", "1. 修改后的内容", "1. 计划"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the edit", |_, b| {
        b.contains("修改后的内容")
    });

    // Editors that write a temp file and rename it over the report.
    site.write("content/.2015-12.md.swp", b"swap");
    site.write(
        "content/2015-12.md.tmp",
        report(
            "month: 2015-12",
            &area("团的制度建设", "1. 改名保存", "1. 计划"),
        )
        .as_bytes(),
    );
    std::fs::rename(
        site.root().join("content/2015-12.md.tmp"),
        site.root().join("content/2015-12.md"),
    )
    .expect("rename");
    server.wait_for(
        "/months/2015-12/index.html",
        "shows the renamed save",
        |_, b| b.contains("改名保存"),
    );

    // Renaming a report whose month comes from its file name moves its page.
    std::fs::rename(
        site.root().join("content/2015-11.md"),
        site.root().join("content/2016-01.md"),
    )
    .expect("rename");
    std::fs::write(
        site.root().join("content/2016-01.md"),
        area("团的制度建设", "1. 一月进展", "1. 计划"),
    )
    .expect("write");
    server.wait_for("/months/2016-01/index.html", "exists", |s, b| {
        s == 200 && b.contains("一月进展")
    });
    server.wait_for("/months/2015-11/index.html", "is gone", |s, _| s == 404);

    std::fs::remove_file(site.root().join("content/2016-01.md")).expect("remove");
    server.wait_for("/months/2016-01/index.html", "is gone", |s, _| s == 404);
}

#[test]
fn a_broken_save_keeps_the_last_good_build_and_the_next_good_one_replaces_it() {
    let site = site();
    let server = Server::start(&site);
    site.write(
        "content/2015-12.md",
        b"---\nmonth: [2015-12\n---\n## \xE5\x9D\x8F\n",
    );
    // The problem is announced to pages; the old page is still served.
    let mut events = server.events();
    let seen = Server::read_events(&mut events, |seen| seen.contains("content/2015-12.md:2:"));
    assert!(seen.contains("event: problem"), "{seen}");
    let (status, body) = server.get("/months/2015-12/index.html");
    assert_eq!(status, 200);
    assert!(body.contains("初稿内容"), "the last good build is gone");

    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12",
            &area("团的制度建设", "1. 修好了", "1. 计划"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the repair", |_, b| {
        b.contains("修好了")
    });
}

#[test]
fn missing_pages_get_the_sites_404_and_traversal_gets_nothing() {
    let site = site();
    std::fs::write(site.root().join("secret.txt"), "机密").expect("write");
    let server = Server::start(&site);
    let (status, body) = server.get("/no/such/page.html");
    assert_eq!(status, 404);
    assert!(body.contains("页面不存在"), "{body:.200}");
    for attempt in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%5csecret.txt",
        "/content/2015-12.md",
        "/site.yaml",
        "/months/../../secret.txt",
        "//etc/passwd",
    ] {
        let (status, body) = server.get(attempt);
        assert!(status == 404 || status == 400, "{attempt}: {status}");
        assert!(
            !body.contains("机密") && !body.contains("root:"),
            "{attempt} leaked"
        );
    }
    // Garbage does not stop the server.
    let mut raw = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    let _ = raw.write_all(b"\x00\xff GARBAGE\r\n\r\n");
    drop(raw);
    assert_eq!(server.get("/index.html").0, 200);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let site = site();
    let server = Server::start(&site);
    let run = site.run("serve", &["--port", &server.port.to_string()]);
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains(&format!("port {} is in use", server.port)),
        "{run}"
    );
}

#[test]
fn a_source_folder_created_while_serving_is_watched() {
    let site = site();
    let server = Server::start(&site);
    std::fs::create_dir(site.root().join("static")).expect("mkdir");
    std::thread::sleep(std::time::Duration::from_millis(300));
    site.write("static/style.css", b"body { color: red }");
    server.wait_for("/style.css", "is the new stylesheet", |_, b| {
        b.contains("color: red")
    });
    site.write("static/style.css", b"body { color: blue }");
    server.wait_for("/style.css", "follows a second change", |_, b| {
        b.contains("color: blue")
    });
}

#[test]
fn served_pages_after_edits_equal_a_fresh_build() {
    let site = site();
    let server = Server::start(&site);
    // A new month and a deletion change what every page shows; the edits
    // after them change one report, and only its pages are rendered again.
    site.write(
        "content/2016-01.md",
        report(
            "month: 2016-01",
            &area("团干部队伍建设", "1. 新的一月", "1. 计划"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2016-01/index.html", "exists", |s, _| s == 200);
    std::fs::remove_file(site.root().join("content/2015-11.md")).expect("remove");
    server.wait_for("/months/2015-11/index.html", "is gone", |s, _| s == 404);
    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12",
            &area("团的制度建设", "1. 第二稿", "1. 新计划"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the edit", |_, b| {
        b.contains("第二稿")
    });
    site.write(
        "content/2016-01.md",
        report(
            "month: 2016-01\nsummary: 一月摘要",
            &area("团干部队伍建设", "1. 一月改稿", "1. 计划"),
        )
        .as_bytes(),
    );
    // The home page no longer shows the areas' text: the month page does.
    server.wait_for(
        "/months/2016-01/index.html",
        "shows the latest edit",
        |_, b| b.contains("一月改稿"),
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
}

/// November's plan stands beside December's progress: editing only that
/// plan (an in-place patch) must re-render December's pages too.
#[test]
fn editing_a_plan_re_renders_the_next_months_comparison() {
    let site = site();
    let server = Server::start(&site);
    site.write(
        "content/2015-11.md",
        report(
            "month: 2015-11",
            &area("团的制度建设", "1. 十一月进展", "1. 改过的十一月计划"),
        )
        .as_bytes(),
    );
    server.wait_for(
        "/months/2015-12/index.html",
        "shows the new plan",
        |_, b| b.contains("改过的十一月计划"),
    );
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
}

/// Issue 19: a timeline prints each plan once, beside the next month's
/// progress when that entry is on the page, else in its own entry. An
/// edit to a plan shows where the plan is shown; a month added or taken
/// away moves the plan between the two.
#[test]
fn an_edited_plan_shows_where_the_timeline_prints_it() {
    let site = site();
    let server = Server::start(&site);
    let timeline = "/areas/tuan-de-zhi-du-jian-she/index.html";
    let entry = "tuan-de-zhi-du-jian-she";
    // November's plan, in December's entry only.
    site.write(
        "content/2015-11.md",
        report(
            "month: 2015-11",
            &area("团的制度建设", "1. 十一月进展", "1. 改过的十一月计划"),
        )
        .as_bytes(),
    );
    let (_, body) = server.wait_for(timeline, "shows the new plan", |_, b| {
        b.contains("改过的十一月计划")
    });
    let page = parsed(&body);
    assert_eq!(
        page.texts(&format!("[id='2015-12_{entry}'] .part-before .prose")),
        ["改过的十一月计划"]
    );
    assert_eq!(
        page.count(&format!("[id='2015-11_{entry}'] .part-plan")),
        0,
        "printed once"
    );
    // December's, the latest: in its own entry.
    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12",
            &area("团的制度建设", "1. 初稿内容", "1. 改过的十二月计划"),
        )
        .as_bytes(),
    );
    let (_, body) = server.wait_for(timeline, "shows the new plan", |_, b| {
        b.contains("改过的十二月计划")
    });
    assert_eq!(
        parsed(&body).texts(&format!("[id='2015-12_{entry}'] .part-plan .prose")),
        ["改过的十二月计划"]
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
    // January written: December's plan moves beside January's progress.
    site.write(
        "content/2016-01.md",
        report(
            "month: 2016-01",
            &area("团的制度建设", "1. 元月进展", "1. 一月计划"),
        )
        .as_bytes(),
    );
    let (_, body) = server.wait_for(timeline, "shows January", |_, b| b.contains("元月进展"));
    let page = parsed(&body);
    assert_eq!(
        page.texts(&format!("[id='2016-01_{entry}'] .part-before .prose")),
        ["改过的十二月计划"]
    );
    assert_eq!(page.count(&format!("[id='2015-12_{entry}'] .part-plan")), 0);
    // January no longer writes of the area: December's plan comes back.
    site.write(
        "content/2016-01.md",
        report(
            "month: 2016-01",
            &area("团干部队伍建设", "1. 一月干部", "1. 一月计划"),
        )
        .as_bytes(),
    );
    let (_, body) = server.wait_for(timeline, "leaves January", |_, b| !b.contains("元月进展"));
    assert_eq!(
        parsed(&body).texts(&format!("[id='2015-12_{entry}'] .part-plan .prose")),
        ["改过的十二月计划"]
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
}

/// On a timeline split by year, December's plan is on December's page
/// (January's is another) and beside January's progress: an edit to it
/// shows on both.
#[test]
fn an_edited_december_plan_shows_on_both_years_pages() {
    let long = "推进。".repeat(1500);
    let month = |month: &str, plan: &str| {
        report(
            &format!("month: {month}"),
            &area("团的制度建设", &format!("1. {month}：{long}"), plan),
        )
    };
    let site = Site::from_owned(&[
        ("site.yaml".to_string(), "max_page_kb: 24\n".to_string()),
        (
            "content/2014-11.md".to_string(),
            month("2014-11", "1. 十一月计划"),
        ),
        (
            "content/2014-12.md".to_string(),
            month("2014-12", "1. 十二月计划"),
        ),
        (
            "content/2015-01.md".to_string(),
            month("2015-01", "1. 一月计划"),
        ),
    ]);
    let server = Server::start(&site);
    let (y2014, y2015) = (
        "/areas/tuan-de-zhi-du-jian-she/2014/index.html",
        "/areas/tuan-de-zhi-du-jian-she/2015/index.html",
    );
    server.wait_for(y2015, "exists", |s, _| s == 200);
    site.write(
        "content/2014-12.md",
        month("2014-12", "1. 改过的十二月计划").as_bytes(),
    );
    let entry = "tuan-de-zhi-du-jian-she";
    let (_, body) = server.wait_for(y2014, "shows the new plan", |_, b| {
        b.contains("改过的十二月计划")
    });
    assert_eq!(
        parsed(&body).texts(&format!("[id='2014-12_{entry}'] .part-plan .prose")),
        ["改过的十二月计划"]
    );
    let (_, body) = server.wait_for(y2015, "shows the new plan", |_, b| {
        b.contains("改过的十二月计划")
    });
    assert_eq!(
        parsed(&body).texts(&format!("[id='2015-01_{entry}'] .part-before .prose")),
        ["改过的十二月计划"]
    );
    std::thread::sleep(Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
}

fn parsed(page: &str) -> common::Page {
    common::Page(scraper::Html::parse_document(page))
}

/// An edit to one area's text renders only that area's timeline again; a
/// title edit, every timeline of the report; a summary edit, none. All
/// serve what a fresh build gives.
#[test]
fn an_edit_to_one_area_leaves_the_other_timelines_as_they_were() {
    let body = |second: &str| {
        area("团的制度建设", "1. 制度进展", "1. 制度计划")
            + &area("团干部队伍建设", second, "1. 干部计划")
    };
    let site = Site::new(&[
        (
            "site.yaml",
            "areas:\n  - { id: zhidu, name: 团的制度建设 }\n  - { id: ganbu, name: 团干部队伍建设 }\n",
        ),
        (
            "content/2015-11.md",
            &report("month: 2015-11", &body("1. 十一月干部")),
        ),
        (
            "content/2015-12.md",
            &report("month: 2015-12", &body("1. 十二月干部")),
        ),
    ]);
    let server = Server::start(&site);
    let (status, zhidu_before) = server.get("/areas/zhidu/index.html");
    assert_eq!(status, 200, "{zhidu_before}");
    site.write(
        "content/2015-12.md",
        report("month: 2015-12", &body("1. 改过的十二月干部")).as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the edit", |_, b| {
        b.contains("改过的十二月干部")
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
    assert_eq!(server.get("/areas/zhidu/index.html").1, zhidu_before);
    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12\ntitle: 新标题",
            &body("1. 改过的十二月干部"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the title", |_, b| {
        b.contains("新标题")
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
    // A summary is not on timelines: none is rendered for it.
    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12\ntitle: 新标题\nsummary: 新摘要",
            &body("1. 改过的十二月干部"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the summary", |_, b| {
        b.contains("新摘要")
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
}

#[test]
fn a_report_dropping_an_area_leaves_that_timeline_even_when_no_count_changes() {
    let site = Site::new(&[
        (
            "site.yaml",
            "units:\n  - { id: a, name: 甲 }\n  - { id: b, name: 乙 }\n",
        ),
        (
            "content/a/2015-12.md",
            &report(
                "unit: a\nmonth: 2015-12",
                &(area("工作一", "1. 甲的工作一", "1. 计划")
                    + &area("工作二", "1. 甲的工作二", "1. 计划")),
            ),
        ),
        (
            "content/b/2015-12.md",
            &report(
                "unit: b\nmonth: 2015-12",
                &area("工作二", "1. 乙的工作二", "1. 计划"),
            ),
        ),
    ]);
    let server = Server::start(&site);
    let timeline = "/areas/gong-zuo-er/index.html";
    assert!(server.get(timeline).1.contains("甲的工作二"));
    // 工作二 still has one month (乙's), so no count changes.
    site.write(
        "content/a/2015-12.md",
        report(
            "unit: a\nmonth: 2015-12",
            &area("工作一", "1. 甲的工作一改", "1. 计划"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the edit", |_, b| {
        b.contains("甲的工作一改")
    });
    let (_, page) = server.get(timeline);
    assert!(
        !page.contains("甲的工作二") && page.contains("乙的工作二"),
        "stale timeline"
    );
}

#[test]
fn a_metrics_edit_redraws_charts_tables_csv_and_the_index() {
    let metrics = |value: &str| {
        report(
            &format!("month: 2015-12\nmetrics:\n  团的制度建设:\n    制度数: {value}"),
            &area("团的制度建设", "1. 十二月进展", "1. 计划"),
        )
    };
    let site = Site::new(&[
        (
            "content/2015-11.md",
            &report(
                "month: 2015-11\nmetrics:\n  团的制度建设:\n    制度数: 10",
                &area("团的制度建设", "1. 十一月进展", "1. 计划"),
            ),
        ),
        ("content/2015-12.md", &metrics("12")),
    ]);
    let server = Server::start(&site);
    let chart = "/areas/tuan-de-zhi-du-jian-she/index.html";
    assert!(server.get(chart).1.contains(r#"data-value="12""#));
    // Only a number changes: the same report, months and areas, yet the
    // area page, its CSV and the index (which no count ties to the
    // report's month page) must follow.
    site.write("content/2015-12.md", metrics("15").as_bytes());
    server.wait_for(chart, "redraws the chart", |_, b| {
        b.contains(r#"data-value="15""#)
    });
    let (_, csv) = server.get("/areas/tuan-de-zhi-du-jian-she/metrics.csv");
    assert!(csv.contains("2015-12,") && csv.contains(",15,"), "{csv}");
    assert!(server.get("/index.html").1.contains("+5"));
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
}

#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = site();
    let server = Server::start(&site);
    let port = server.port;
    // An open page keeps its event stream open; it must not hold the exit.
    let _events = server.events();
    std::thread::sleep(Duration::from_millis(200));
    let status = server.interrupt().expect("still running 5 s after Ctrl-C");
    assert!(status.success(), "{status}");
    assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
}

#[test]
fn removing_a_folder_of_reports_removes_their_pages() {
    let site = site();
    site.write(
        "content/old/2014-01.md",
        area("团的制度建设", "1. 旧文件夹", "1. 计划").as_bytes(),
    );
    let server = Server::start(&site);
    assert_eq!(server.get("/months/2014-01/index.html").0, 200);
    std::fs::remove_dir_all(site.root().join("content/old")).expect("remove folder");
    server.wait_for("/months/2014-01/index.html", "is gone", |s, _| s == 404);
}

#[test]
fn a_report_that_cannot_be_read_is_not_dropped_by_an_unrelated_edit() {
    let site = site();
    site.write(
        "content/2015-11.md",
        b"---\nmonth: 2015-11\n## unclosed front matter\n",
    );
    let server = Server::start(&site);
    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12",
            &area("团的制度建设", "1. 无关的修改", "1. 计划"),
        )
        .as_bytes(),
    );
    std::thread::sleep(std::time::Duration::from_millis(800));
    // Still broken: the edit must not publish a site without 2015-11.
    let (_, page) = server.get("/months/2015-12/index.html");
    assert!(
        !page.contains("无关的修改"),
        "published a site missing a broken report"
    );
}

/// Every file a fresh build writes is what the server serves.
fn assert_serves_a_fresh_build(site: &Site, server: &Server) {
    site.built();
    for (path, bytes) in common::snapshot(&site.output()) {
        if path.starts_with('.') {
            continue;
        }
        let (status, served) = server.get(&format!("/{path}"));
        assert_eq!(status, 200, "{path}");
        let served = without_live_script(&served);
        assert!(
            served == String::from_utf8_lossy(&bytes),
            "{path} differs from a fresh build"
        );
    }
}

#[test]
fn a_split_site_follows_edits_in_place_and_edits_that_move_pages() {
    // Small pages: timelines split by year, and a long month by unit.
    let unit_report = |unit: &str, month: &str, progress: &str, heading: &str| {
        report(
            &format!("month: {month}\nunit: {unit}"),
            &(area(heading, progress, "1. 计划") + &area("团干部队伍建设", "1. 干部", "1. 计划")),
        )
    };
    let long = "推进。".repeat(1500);
    let mut files = vec![(
        "site.yaml".to_string(),
        "max_page_kb: 24\nunits:\n  - { id: gd, name: 广东 }\n  - { id: sz, name: 深圳 }\n"
            .to_string(),
    )];
    for month in ["2014-11", "2014-12", "2015-01", "2015-02"] {
        for unit in ["gd", "sz"] {
            let progress = format!("1. {unit}{month}：{long}");
            files.push((
                format!("content/{unit}/{month}.md"),
                unit_report(unit, month, &progress, "团的制度建设"),
            ));
        }
    }
    let site = Site::from_owned(&files);
    let server = Server::start(&site);
    let year_page = "/areas/tuan-de-zhi-du-jian-she/2014/index.html";
    server.wait_for(year_page, "exists", |s, _| s == 200);

    // Text only: patched into the kept library.
    let edited = format!("1. 改写后的进展{long}");
    site.write(
        "content/gd/2014-12.md",
        unit_report("gd", "2014-12", &edited, "团的制度建设").as_bytes(),
    );
    server.wait_for(year_page, "shows the new text", |_, b| {
        b.contains("改写后的进展")
    });
    server.wait_for(
        "/units/gd/2014-12/index.html",
        "shows it in full",
        |_, b| b.contains("改写后的进展"),
    );
    assert_serves_a_fresh_build(&site, &server);

    // A renamed area heading moves the entry to another timeline.
    site.write(
        "content/gd/2014-12.md",
        unit_report("gd", "2014-12", "1. 短", "青少年维权工作").as_bytes(),
    );
    server.wait_for(
        "/areas/qing-shao-nian-wei-quan-gong-zuo/index.html",
        "exists",
        |s, _| s == 200,
    );
    // Short texts everywhere: the pages fit again and stop being split.
    for month in ["2014-11", "2014-12", "2015-01", "2015-02"] {
        for unit in ["gd", "sz"] {
            site.write(
                &format!("content/{unit}/{month}.md"),
                unit_report(unit, month, "1. 短", "团的制度建设").as_bytes(),
            );
        }
    }
    server.wait_for(year_page, "is gone", |s, _| s == 404);
    std::thread::sleep(Duration::from_millis(300));
    assert_serves_a_fresh_build(&site, &server);
}

/// A served page as `build` writes it: without the live reload script.
fn without_live_script(page: &str) -> String {
    match page.find("<script src=\"/__reportal/live.js\"") {
        Some(start) => {
            let end = page[start..]
                .find("</script>")
                .map_or(page.len(), |e| start + e + 9);
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page.to_string(),
    }
}

/// The version a served page carries in its live script tag.
fn page_version(page: &str) -> String {
    let start = page
        .find("data-version=\"")
        .expect("a live script with a version")
        + 14;
    page[start..].split('"').next().unwrap_or("").to_string()
}

#[test]
fn a_page_loaded_during_a_build_can_tell_it_is_stale() {
    let site = site();
    let server = Server::start(&site);
    let (_, december) = server.get("/months/2015-12/index.html");
    let (_, november) = server.get("/months/2015-11/index.html");
    let first = page_version(&december);
    for path in ["/months/2015-12/index.html", "/months/2015-12/"] {
        let (status, version) = server.get(&format!("/__reportal/version?path={path}"));
        assert_eq!((status, version.as_str()), (200, first.as_str()), "{path}");
    }
    site.write(
        "content/2015-12.md",
        report(
            "month: 2015-12",
            &area("团的制度建设", "1. 新版本", "1. 计划"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2015-12/index.html", "shows the edit", |_, b| {
        b.contains("新版本")
    });
    let (_, december) = server.get("/months/2015-12/index.html");
    let second = page_version(&december);
    assert_ne!(first, second);
    // A page still showing the old version sees the difference…
    let (_, now) = server.get("/__reportal/version?path=/months/2015-12/index.html");
    assert_eq!(now, second);
    // …and a page the build did not change keeps its version.
    let (_, unchanged) = server.get("/__reportal/version?path=/months/2015-11/index.html");
    assert_eq!(unchanged, page_version(&november));
}

#[test]
fn the_hello_names_the_server_instance_so_a_restart_is_noticed() {
    let site = site();
    let hello = |server: &Server| {
        let mut events = server.events();
        let seen = Server::read_events(&mut events, |seen| {
            seen.contains("event: hello\ndata: ") && seen.ends_with('\n')
        });
        let data = seen.split("event: hello\ndata: ").nth(1).unwrap_or("");
        data.lines().next().unwrap_or("").to_string()
    };
    let one = hello(&Server::start(&site));
    let two = hello(&Server::start(&site));
    let generation = |h: &str| h.split(' ').nth(1).map(str::to_string);
    assert_eq!(generation(&one), Some("1".into()), "{one}");
    assert_eq!(generation(&one), generation(&two));
    assert_ne!(one, two, "two servers must say different hellos");
}

#[test]
fn a_content_folder_removed_and_made_again_is_still_watched() {
    let site = site();
    let server = Server::start(&site);
    let content = site.root().join("content");
    std::fs::remove_dir_all(&content).expect("remove content");
    std::thread::sleep(Duration::from_millis(400));
    site.write(
        "content/2016-03.md",
        report(
            "month: 2016-03",
            &area("团的制度建设", "1. 恢复后", "1. 计划"),
        )
        .as_bytes(),
    );
    server.wait_for("/months/2016-03/index.html", "exists", |s, _| s == 200);
    site.write(
        "content/2016-03.md",
        report(
            "month: 2016-03",
            &area("团的制度建设", "1. 再次修改", "1. 计划"),
        )
        .as_bytes(),
    );
    server.wait_for(
        "/months/2016-03/index.html",
        "follows an edit in the new folder",
        |_, b| b.contains("再次修改"),
    );
}
