//! Search: queries taken from the example's reports, run through the
//! site's own search client (search.js) in Node over the built index. What
//! each query must find is read from the built month pages: every area
//! whose text (or month, unit, area name) holds the query's words as
//! written. Then in headless Chromium, under a sub-path and from disk.
//!
//! Needs Node.js (and for the browser test, `npm ci` in tests/browser and
//! /usr/bin/chromium). Without them the tests say so and pass, except
//! under CI, where they fail.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use common::server::Server;
use common::{Site, area, report};
use reportal::render::search::{normalize, tokens};
use scraper::{ElementRef, Html, Selector};
use serde_json::{Value, json};

/// An area of a report as its month page shows it.
struct Shown {
    url: String,
    /// Month label, unit, area name, heading, progress and plan.
    text: String,
}

/// Every area on every month page of the built site at `site`.
fn shown_areas(site: &Path) -> Vec<Shown> {
    let select = |css: &str| Selector::parse(css).expect("selector");
    let (report_sel, entry_sel, title, meta, area_sel, heading, parts) = (
        select("article.report"),
        select("section.entry"),
        select("h1.page-title"),
        select(".report-meta a[href*=\"units/\"]"),
        select("h3.entry-title a"),
        select(".entry-heading"),
        select(".part .prose"),
    );
    let text = |e: ElementRef| e.text().collect::<String>();
    let mut found = Vec::new();
    for entry in std::fs::read_dir(site.join("months")).expect("months/") {
        let month = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("utf-8");
        let Ok(html) = std::fs::read_to_string(site.join("months").join(&month).join("index.html"))
        else {
            continue;
        };
        let page = Html::parse_document(&html);
        let label = page.select(&title).next().map(text).unwrap_or_default();
        for report in page.select(&report_sel) {
            let unit = report.select(&meta).next().map(text).unwrap_or_default();
            for section in report.select(&entry_sel) {
                let id = section.value().attr("id").expect("entry id");
                let mut all = vec![label.clone(), unit.clone()];
                all.extend(section.select(&area_sel).map(text));
                all.extend(section.select(&heading).map(text));
                all.extend(section.select(&parts).map(text));
                found.push(Shown {
                    url: format!("months/{month}/index.html#{id}"),
                    text: normalize(&all.join("\n")),
                });
            }
        }
    }
    found
}

/// The areas that hold every whitespace-separated part of `query`.
fn expected(areas: &[Shown], query: &str) -> BTreeSet<String> {
    let query = normalize(query);
    let terms: Vec<&str> = query.split_whitespace().collect();
    areas
        .iter()
        .filter(|a| terms.iter().all(|t| a.text.contains(t)))
        .map(|a| a.url.clone())
        .collect()
}

/// Node.js, when installed.
fn node() -> bool {
    let ok = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "node missing under CI");
        eprintln!("skipped: install Node.js to run this test");
    }
    ok
}

/// Runs `queries` through search.js over the index of `site`.
fn run_queries(site: &Path, queries: &Value) -> Vec<Value> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/search_query.mjs");
    let out = Command::new("node")
        .arg(script)
        .arg(site)
        .arg(queries.to_string())
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .expect("JSON from search_query.mjs")
        .as_array()
        .expect("a list")
        .clone()
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v.as_str().expect("a string").to_string())
        .collect()
}

/// Each query finds every area that holds it, those that hold it as
/// written before those that only hold its characters, scattered.
fn check_recall(site: &Path, queries: &[&str]) {
    let areas = shown_areas(site);
    assert!(areas.len() >= 4, "too few areas read: {}", areas.len());
    let list: Vec<Value> = queries.iter().map(|q| json!({ "q": q })).collect();
    for (query, result) in queries.iter().zip(run_queries(site, &Value::from(list))) {
        let wanted = expected(&areas, query);
        assert!(!wanted.is_empty(), "{query}: nothing in the pages holds it");
        let urls = strings(&result["urls"]);
        let got: BTreeSet<String> = urls.iter().cloned().collect();
        let missed: Vec<&String> = wanted.difference(&got).collect();
        assert!(missed.is_empty(), "{query}: missed {missed:?}");
        let phrases: Vec<bool> = result["phrases"]
            .as_array()
            .expect("phrases")
            .iter()
            .map(|p| p.as_bool().expect("bool"))
            .collect();
        // The phrase flag agrees with the pages, and the first results
        // (those the client checks before showing) put phrases first.
        for (url, phrase) in urls.iter().zip(&phrases) {
            assert_eq!(*phrase, wanted.contains(url), "{query}: {url}");
        }
        let head = &phrases[..phrases.len().min(10)];
        assert!(
            head.windows(2).all(|w| w[0] || !w[1]),
            "{query}: a scattered match before a phrase: {urls:?}"
        );
        let snippet = result["results"][0]["snippet"].as_str().expect("snippet");
        assert!(
            snippet.contains('['),
            "{query}: nothing marked in {snippet}"
        );
    }
}

#[test]
fn example_queries_find_every_area_that_holds_them() {
    if !node() {
        return;
    }
    let (_out, site) = common::built_example();
    check_recall(
        &site,
        &[
            // Words inside sentences.
            "志愿者",
            "网络文明",
            "青年之家",
            "四中全会",
            "青创江南",
            // Two characters.
            "团员",
            "青马",
            "春运",
            "返乡",
            // Numbers, and numbers with Chinese.
            "12355",
            "3,812",
            "12355青少年服务台",
            "46.3%",
            // A month and a word.
            "2025年12月 培训",
        ],
    );
}

#[test]
fn known_areas_are_found_with_their_anchor() {
    if !node() {
        return;
    }
    let (_out, site) = common::built_example();
    let results = run_queries(
        &site,
        &json!([
            { "q": "12355青少年服务台本月接听热线咨询" },
            { "q": "第六届青创江南" },
        ]),
    );
    assert_eq!(
        strings(&results[0]["urls"]),
        ["months/2024-05/index.html#province-weiquan"]
    );
    let first = strings(&results[1]["urls"]);
    assert!(
        first.contains(&"months/2024-09/index.html#province-chuangye".to_string()),
        "{first:?}"
    );
}

#[test]
fn filters_narrow_to_an_area_a_unit_and_a_year() {
    if !node() {
        return;
    }
    let (_out, site) = common::built_example();
    let results = run_queries(
        &site,
        &json!([
            { "q": "志愿者" },
            { "q": "志愿者", "area": "zhiyuan" },
            { "q": "志愿者", "unit": "linjiang" },
            { "q": "志愿者", "year": "2024" },
        ]),
    );
    let all = strings(&results[0]["urls"]);
    type Holds = dyn Fn(&str) -> bool;
    let checks: [(&Value, &Holds); 3] = [
        (&results[1], &|u| u.ends_with("-zhiyuan")),
        (&results[2], &|u| u.contains("#linjiang-")),
        (&results[3], &|u| u.starts_with("months/2024-")),
    ];
    for (result, holds) in checks {
        let urls = strings(&result["urls"]);
        let wanted: Vec<&String> = all.iter().filter(|u| holds(u)).collect();
        assert!(!wanted.is_empty() && wanted.len() < all.len());
        assert_eq!(urls.iter().collect::<Vec<_>>(), wanted);
    }
}

#[test]
fn latin_letters_and_digits_mixed_with_chinese() {
    if !node() {
        return;
    }
    let body = [
        area(
            "创业",
            "1. 启动青创100计划，首批入选项目36个。\n2. 新建5G基站培训室2间。",
            "1. 推广AI助手。",
        ),
        area(
            "宣传",
            "1. 团团App注册用户达12万人。",
            "1. 上线ＡＰＰ新版本。",
        ),
    ]
    .concat();
    let site = Site::new(&[
        ("site.yaml", "title: 测试\n"),
        (
            "content/2025-06.md",
            &report("month: 2025-06", &body.replace("青创100", "青创50")),
        ),
        ("content/2025-07.md", &report("month: 2025-07", &body)),
    ]);
    site.built();
    check_recall(
        &site.output(),
        &["青创100", "5g基站", "5G", "app注册", "ai", "APP", "青创"],
    );
}

/// The browser's tokens are the build's, for text of every kind.
#[test]
fn search_js_cuts_text_into_the_same_tokens_as_the_build() {
    if !node() {
        return;
    }
    let samples = [
        "累计有1241778名团员注册成为志愿者",
        "青创100 Ａｐｐ 5G基站",
        "2015年12月 培训",
        "“青网护航”网络文明志愿者达81.2万人。",
        "中学（中职）共青团工作",
        "志",
        "a",
        "",
        "𠀀𠀁 〇 ひらがな カタカナ 한국어",
        "Hello,World!  ＡＢＣ　ｄｅｆ",
        "3,812人次，占比46.3%",
        "e\u{301}t\u{e9} naïve Über",
    ];
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/search_query.mjs");
    let out = Command::new("node")
        .arg(script)
        .arg("--tokens")
        .arg(json!(samples).to_string())
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let browser: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).expect("JSON");
    for (sample, from_js) in samples.iter().zip(browser) {
        assert_eq!(from_js, tokens(sample), "{sample}");
    }
}

/// In Chromium, under a sub-path: a query typed into the header's box
/// on a month page lists the areas that hold it, linked to their anchors;
/// the first leads to its area. The same from disk. Nothing is fetched
/// from another host.
#[test]
fn a_reader_searches_from_a_month_page_and_lands_on_the_area() {
    let Some(browser_dir) = common::browser_tools() else {
        return;
    };
    let (_out, site) = common::built_example();
    let query = "青创江南";
    let wanted = expected(&shown_areas(&site), query);
    let out = Command::new("node")
        .arg(browser_dir.join("search_e2e.mjs"))
        .arg(&site)
        .arg(query)
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: Value = serde_json::from_str(&report).expect("JSON");
    assert_eq!(result["failures"], json!([]), "{report}");
    assert_eq!(result["foreign"], json!([]), "{report}");
    assert_eq!(result["foreignFromDisk"], json!([]), "{report}");
    assert!(
        result["searchPage"]
            .as_str()
            .is_some_and(|p| p.starts_with("/reports/search/index.html?q=")),
        "{report}"
    );
    let served = result["served"].as_array().expect("results");
    assert!(!served.is_empty(), "{report}");
    // Links are relative to the search page, and lead to the anchors.
    let hrefs: Vec<String> = served
        .iter()
        .map(|r| {
            r["href"]
                .as_str()
                .expect("href")
                .trim_start_matches("../")
                .to_string()
        })
        .collect();
    assert!(
        served[0]["href"]
            .as_str()
            .is_some_and(|h| h.starts_with("../"))
    );
    for href in &hrefs {
        assert!(wanted.contains(href), "{href} does not hold {query}");
    }
    assert_eq!(hrefs.len(), wanted.len().min(10), "{report}");
    assert!(
        served[0]["marked"]
            .as_array()
            .is_some_and(|m| m.contains(&json!(query))),
        "{report}"
    );
    assert_eq!(
        result["landed"].as_str(),
        Some(format!("/reports/{}", hrefs[0]).as_str()),
        "{report}"
    );
    assert_eq!(result["target"]["tag"], "section", "{report}");
    assert_eq!(result["target"]["inView"], true, "{report}");
    let from_disk = strings(&result["fromDisk"]);
    assert_eq!(
        from_disk,
        served
            .iter()
            .map(|r| r["href"].as_str().expect("href").to_string())
            .collect::<Vec<_>>()
    );
}

/// In `serve`, the index follows edits: an edit redoes only the part of
/// the index that holds the edited report (the site here is two parts),
/// and what is served equals the index of a fresh build.
#[test]
fn serve_keeps_the_index_equal_to_a_fresh_build_after_edits() {
    let body = |extra: &str| -> String {
        (1..=12)
            .map(|i| {
                area(
                    &format!("工作{i}"),
                    &format!("1. 第{i}项{extra}"),
                    "1. 计划",
                )
            })
            .collect()
    };
    let mut files = vec![(
        "site.yaml".to_string(),
        "units:\n  - { id: a, name: 甲单位 }\n  - { id: b, name: 乙单位 }\n".to_string(),
    )];
    for unit in ["a", "b"] {
        for m in 0..90 {
            let month = format!("{}-{:02}", 2010 + m / 12, m % 12 + 1);
            files.push((
                format!("content/{unit}/{month}.md"),
                report(&format!("unit: {unit}\nmonth: {month}"), &body("")),
            ));
        }
    }
    let site = Site::from_owned(&files);
    let server = Server::start(&site);
    server.wait_for("/search/index.js", "exists", |s, _| s == 200);
    // The oldest report (the second part), then the newest (the first).
    for (file, month, word) in [
        ("a/2010-01", "2010-01", "甲乙词语"),
        ("b/2017-06", "2017-06", "丙丁词语"),
    ] {
        site.write(
            &format!("content/{file}.md"),
            report(
                &format!("unit: {}\nmonth: {month}", &file[..1]),
                &body(word),
            )
            .as_bytes(),
        );
        server.wait_for(
            &format!("/months/{month}/index.html"),
            "shows the edit",
            |_, b| b.contains(word),
        );
    }
    std::thread::sleep(std::time::Duration::from_millis(300));
    site.built();
    let mut compared = 0;
    for (path, bytes) in common::snapshot(&site.output()) {
        if !(path.starts_with("search/") && path.ends_with(".js")) {
            continue;
        }
        let (status, served) = server.get(&format!("/{path}"));
        assert_eq!(status, 200, "{path}");
        assert!(
            served == String::from_utf8_lossy(&bytes),
            "{path} differs from a fresh build"
        );
        compared += 1;
    }
    assert!(compared > 200, "{compared} index files");
    if !node() {
        return;
    }
    let results = run_queries(
        &site.output(),
        &json!([{ "q": "甲乙词语" }, { "q": "丙丁词语" }]),
    );
    assert_eq!(strings(&results[0]["urls"]).len(), 12);
    assert_eq!(strings(&results[1]["urls"]).len(), 12);
}
