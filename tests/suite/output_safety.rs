//! The output folder: reportal replaces only what it made, never the site
//! or its sources.

use crate::common;

use std::path::Path;

use common::*;

const REPORT: &str = "---\nmonth: 2015-12\n---\n## 1. 团的制度建设\n完成\n";

fn site() -> Site {
    Site::new(&[
        ("site.yaml", "title: 安全\n"),
        ("content/2015-12.md", REPORT),
    ])
}

fn build_into(site: &Site, output: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["--output", output.to_str().unwrap()];
    args.extend_from_slice(extra);
    site.run("build", &args)
}

fn assert_refused(run: &Run, why: &str) {
    assert!(
        matches!(run.code, Some(c) if c != 0),
        "expected a refusal:\n{run}"
    );
    assert!(run.stderr.contains(why), "expected {why:?} in:\n{run}");
}

#[test]
fn refuses_a_non_empty_folder_reportal_did_not_make() {
    let site = site();
    let other = tempfile::tempdir().unwrap();
    let out = other.path().join("www");
    std::fs::create_dir_all(out.join("img")).unwrap();
    std::fs::write(out.join("notes.txt"), "重要笔记").unwrap();
    std::fs::write(out.join("img/logo.png"), [0u8, 1, 2, 3]).unwrap();
    let before = snapshot(other.path());
    let run = build_into(&site, &out, &[]);
    assert_refused(&run, "refusing to replace");
    assert!(
        run.stderr.contains("--force"),
        "the way out is named: {run}"
    );
    assert_eq!(snapshot(other.path()), before, "the folder was touched");
    let names: Vec<_> = std::fs::read_dir(other.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing beside it either");
}

#[test]
fn force_replaces_a_folder_reportal_did_not_make() {
    let site = site();
    let other = tempfile::tempdir().unwrap();
    let out = other.path().join("www");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "旧内容").unwrap();
    let run = build_into(&site, &out, &["--force"]);
    assert_eq!(run.code, Some(0), "{run}");
    assert!(!out.join("notes.txt").exists(), "old files replaced");
    assert!(out.join("index.html").is_file());
    assert!(out.join("months/2015-12/index.html").is_file());
    // Now it is reportal's: it rebuilds without --force.
    let again = build_into(&site, &out, &[]);
    assert_eq!(again.code, Some(0), "{again}");
}

#[test]
fn an_empty_existing_folder_is_used_without_force() {
    let site = site();
    let other = tempfile::tempdir().unwrap();
    let run = build_into(&site, other.path(), &[]);
    assert_eq!(run.code, Some(0), "{run}");
    assert!(other.path().join("index.html").is_file());
}

#[test]
fn its_own_output_is_replaced_on_every_build() {
    let site = site();
    site.built();
    std::fs::write(site.output().join("stale.html"), "<p>旧</p>").unwrap();
    site.write(
        "content/2015-12.md",
        "---\nmonth: 2016-01\n---\n## 1. 团的制度建设\n完成\n",
    );
    site.built();
    assert!(
        !site.output().join("stale.html").exists(),
        "stale file kept"
    );
    assert!(!site.exists("months/2015-12/index.html"), "old month kept");
    assert!(site.exists("months/2016-01/index.html"));
}

#[test]
fn refuses_the_site_folder_itself_even_with_force() {
    let site = site();
    let before = snapshot(site.root());
    let run = build_into(&site, site.root(), &["--force"]);
    assert_refused(&run, "refusing to build into");
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn refuses_a_folder_that_contains_the_site_even_with_force() {
    let outer = tempfile::tempdir().unwrap();
    let root = outer.path().join("site");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(root.join("content/2015-12.md"), REPORT).unwrap();
    let before = snapshot(outer.path());
    let run = reportal(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        outer.path().to_str().unwrap(),
        "--force",
    ]);
    assert_refused(&run, "contains the site");
    assert_eq!(snapshot(outer.path()), before);
}

#[test]
fn refuses_a_relative_output_that_resolves_to_the_site() {
    let site = site();
    let before = snapshot(site.root());
    let run = reportal_in(
        site.root(),
        &["build", "--root", ".", "--output", "content/..", "--force"],
    );
    assert_refused(&run, "refusing to build into");
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn refuses_output_inside_content_templates_or_static_even_with_force() {
    for source in ["content", "templates", "static"] {
        let site = site();
        site.write(&format!("{source}/keep.txt"), "保留");
        if source != "content" {
            // templates/ and static/ of the site are real inputs.
            site.write("static/extra.css", "p{}");
        }
        let before = snapshot(site.root());
        for output in [source.to_string(), format!("{source}/public")] {
            let run = build_into(&site, &site.root().join(&output), &["--force"]);
            assert_refused(&run, "refusing to build into");
            assert!(run.stderr.contains(source), "{source} named: {run}");
            assert_eq!(snapshot(site.root()), before, "{output} touched");
        }
    }
}

#[cfg(unix)]
#[test]
fn refuses_a_symlink_that_leads_into_content() {
    let site = site();
    let other = tempfile::tempdir().unwrap();
    let link = other.path().join("out");
    std::os::unix::fs::symlink(site.root().join("content"), &link).unwrap();
    let before = snapshot(site.root());
    let run = build_into(&site, &link, &["--force"]);
    assert_refused(&run, "refusing to build into");
    assert_eq!(snapshot(site.root()), before);
}

#[test]
fn output_that_is_a_file_is_refused() {
    let site = site();
    let other = tempfile::tempdir().unwrap();
    let out = other.path().join("public");
    std::fs::write(&out, "一个文件").unwrap();
    let run = build_into(&site, &out, &["--force"]);
    assert!(matches!(run.code, Some(c) if c != 0), "{run}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "一个文件");
}

#[test]
fn check_never_touches_an_output_folder() {
    let site = site();
    std::fs::create_dir_all(site.output()).unwrap();
    std::fs::write(site.output().join("mine.txt"), "别动").unwrap();
    let before = snapshot(site.root());
    let run = site.run("check", &[]);
    assert_eq!(run.code, Some(0), "{run}");
    assert_eq!(snapshot(site.root()), before);
}
