//! The repository's example site builds without a problem, and every
//! relative link and anchor in it resolves: the site works from disk and
//! under any sub-path.

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::build_example;
use scraper::{Html, Selector};

#[test]
fn the_example_builds_cleanly_with_every_page() {
    let (_out, site, run) = build_example();
    assert!(run.ok, "{}", run.stderr);
    assert!(
        !run.stderr.contains('⚠') && !run.stderr.contains('×'),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("8 units"), "{}", run.stdout);
    let months = std::fs::read_dir(site.join("months"))
        .expect("months")
        .count()
        - 1;
    assert!(months >= 18, "only {months} months");
    for page in [
        "index.html",
        "areas/index.html",
        "units/index.html",
        "feed.xml",
        "sitemap.xml",
        "404.html",
    ] {
        assert!(site.join(page).is_file(), "{page}");
    }
    let areas = std::fs::read_dir(site.join("areas"))
        .expect("areas")
        .count()
        - 1;
    assert_eq!(areas, 12);
}

#[test]
fn every_relative_link_and_anchor_in_the_example_resolves() {
    let (_out, site, run) = build_example();
    assert!(run.ok, "{}", run.stderr);
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(&site)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let ids: BTreeMap<PathBuf, BTreeSet<String>> =
        pages.iter().map(|p| (p.clone(), ids_of(p))).collect();
    let link = Selector::parse("a[href], link[href], script[src], img[src]").expect("selector");
    let mut checked = 0;
    let mut broken = Vec::new();
    for page in pages.iter().filter(|p| !p.ends_with("404.html")) {
        let html = Html::parse_document(&std::fs::read_to_string(page).expect("page"));
        for element in html.select(&link) {
            let value = element.value();
            let target = value
                .attr("href")
                .or_else(|| value.attr("src"))
                .unwrap_or_default();
            assert!(
                !target.starts_with('/'),
                "{}: root-relative link {target}",
                page.display()
            );
            if target.contains("://") {
                panic!("{}: link to another host {target}", page.display());
            }
            let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
            let file = if path.is_empty() {
                page.clone()
            } else {
                resolve(page, path)
            };
            checked += 1;
            if !file.is_file() {
                broken.push(format!("{} -> {target} (no file)", page.display()));
            } else if !fragment.is_empty()
                && !ids.get(&file).is_some_and(|set| set.contains(fragment))
            {
                broken.push(format!("{} -> {target} (no #{fragment})", page.display()));
            }
        }
    }
    assert!(checked > 1000, "only {checked} links");
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

fn resolve(page: &Path, link: &str) -> PathBuf {
    let mut path = page.parent().expect("page folder").to_path_buf();
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                path.pop();
            }
            name => path.push(name),
        }
    }
    if link.ends_with('/') {
        path.join("index.html")
    } else {
        path
    }
}

fn ids_of(page: &Path) -> BTreeSet<String> {
    let html = Html::parse_document(&std::fs::read_to_string(page).expect("page"));
    let selector = Selector::parse("[id]").expect("selector");
    let ids: Vec<String> = html
        .select(&selector)
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect();
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(unique.len(), ids.len(), "{}: duplicate ids", page.display());
    unique
}
