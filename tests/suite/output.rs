//! The output folder: reportal replaces only what it made, never the site
//! or its sources, nor what it did not make; the same bytes for the same
//! input; and what a site can override.

use std::path::Path;

use crate::common::{Run, Site, area, reportal, reportal_in, snapshot};

fn small_site() -> Site {
    Site::new(&[(
        "content/2015-12.md",
        &area("团的制度建设", "1. 进展", "1. 计划"),
    )])
}

#[test]
fn a_folder_reportal_did_not_make_is_refused_unless_forced() {
    let site = small_site();
    site.write("public/notes.txt", "某人的文件".as_bytes());
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("reportal did not make it (use --force"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(site.output().join("notes.txt")).expect("kept"),
        "某人的文件"
    );

    let run = site.run("build", &["--force"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(site.exists("index.html") && !site.exists("notes.txt"));
}

#[test]
fn reportal_replaces_its_own_output_and_removes_stale_pages() {
    let site = Site::new(&[
        ("content/2015-11.md", &area("团的制度建设", "1. a", "1. b")),
        ("content/2015-12.md", &area("团的制度建设", "1. a", "1. b")),
    ]);
    site.built();
    std::fs::remove_file(site.root().join("content/2015-11.md")).expect("remove");
    site.built();
    assert!(!site.exists("months/2015-11/index.html"));
    assert!(site.exists("months/2015-12/index.html"));
}

#[test]
fn output_that_is_or_holds_the_site_or_its_sources_is_always_refused() {
    let site = small_site();
    site.write("content/keep.txt", "保留");
    // templates/ and static/ of the site are real inputs.
    site.write("templates/.keep", b"");
    site.write("static/extra.css", "p{}");
    let root = site.root().to_string_lossy().into_owned();
    let parent = site
        .root()
        .parent()
        .expect("parent")
        .to_string_lossy()
        .into_owned();
    // (output, the source folder the refusal must name)
    let mut outputs = vec![(root.clone(), ""), (format!("{root}/."), ""), (parent, "")];
    for source in ["content", "templates", "static"] {
        outputs.push((format!("{root}/{source}"), source));
        outputs.push((format!("{root}/{source}/public"), source));
    }
    outputs.push((format!("{root}/static/site"), "static"));
    for (output, source) in outputs {
        let before = snapshot(site.root());
        let run = site.run("build", &["--output", &output, "--force"]);
        assert!(!run.ok, "{output} was accepted");
        assert!(
            run.stderr.contains("refusing to build into"),
            "{output}: {run}"
        );
        assert!(run.stderr.contains(source), "{source} named: {run}");
        assert!(
            snapshot(site.root()) == before,
            "{output}: the site changed"
        );
    }
}

#[test]
fn two_builds_of_the_same_input_are_byte_identical() {
    let site = Site::new(&[
        (
            "site.yaml",
            "base_url: https://x.example/\nunits:\n  - { id: a, name: 甲 }\n  - { id: b, name: 乙 }\n",
        ),
        (
            "content/a/2015-12.md",
            &format!("---\nunit: a\n---\n{}", area("工作一", "1. x", "1. y")),
        ),
        (
            "content/b/2015-12.md",
            &format!(
                "---\nunit: b\n---\n{}",
                area("工作二", "1. x[^n]\n\n[^n]: 注", "1. y")
            ),
        ),
        (
            "content/a/2016-01.md",
            &format!("---\nunit: a\n---\n{}", area("工作二", "1. x", "1. y")),
        ),
    ]);
    site.run(
        "build",
        &["--output", &site.root().join("one").to_string_lossy()],
    );
    site.run(
        "build",
        &["--output", &site.root().join("two").to_string_lossy()],
    );
    let one = snapshot(&site.root().join("one"));
    let two = snapshot(&site.root().join("two"));
    assert!(one.len() > 10);
    assert!(one == two, "two builds differ");
}

#[test]
fn a_site_template_replaces_the_themes_and_static_files_are_copied_over() {
    let site = small_site();
    site.write(
        "templates/month.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"mine\">自定义 {{ month.label }}</p>{% endblock main %}".as_bytes(),
    );
    site.write("static/style.css", b"body { color: black }");
    site.write("static/img/logo.png", b"png");
    site.built();
    assert_eq!(
        site.page("months/2015-12/index.html").text("#mine"),
        "自定义 2015年12月"
    );
    assert_eq!(
        std::fs::read(site.output().join("style.css")).expect("css"),
        b"body { color: black }"
    );
    assert!(site.exists("img/logo.png"));
    // Other pages still use the theme.
    assert_eq!(site.page("index.html").count(".month-grid"), 1);
}

#[test]
fn a_site_theme_folder_is_laid_over_the_built_in_theme() {
    let site = Site::new(&[
        ("site.yaml", "theme: plain"),
        (
            "content/2015-12.md",
            &area("团的制度建设", "1. 进展", "1. 计划"),
        ),
        (
            "themes/plain/templates/month.html",
            "<p id=\"t\">{{ month.label }}</p>",
        ),
        ("themes/plain/static/style.css", "main { color: navy }"),
        ("themes/plain/static/style.css~", "editor backup"),
    ]);
    site.built();
    assert_eq!(
        site.page("months/2015-12/index.html").text("#t"),
        "2015年12月"
    );
    assert_eq!(
        std::fs::read_to_string(site.output().join("style.css")).expect("css"),
        "main { color: navy }"
    );
    assert!(!site.exists("style.css~"));
    // What the theme does not have comes from the built-in one.
    assert_eq!(site.page("index.html").count(".month-grid"), 1);

    let missing = Site::new(&[
        ("site.yaml", "theme: nowhere"),
        ("content/2015-12.md", "## a\n"),
    ]);
    let run = missing.build();
    assert!(
        !run.ok && run.stderr.contains("theme `nowhere` not found"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_template_that_is_not_utf8_is_an_error_naming_it() {
    let site = small_site();
    let (gbk, _, _) = encoding_rs::GBK.encode("<p>{{ month.label }}月报</p>");
    site.write("templates/month.html", &gbk);
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("templates/month.html: the file is not UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn staging_folders_of_killed_builds_are_cleaned_but_nothing_else() {
    let site = small_site();
    site.write(".public.reportal-new-99999/.reportal-output", b"");
    site.write(".public.reportal-new-99999/index.html", b"half");
    site.write(".public.reportal-new-mine/notes.txt", b"keep");
    site.built();
    assert!(!site.root().join(".public.reportal-new-99999").exists());
    assert!(
        site.root()
            .join(".public.reportal-new-mine/notes.txt")
            .exists()
    );
}

const REPORT: &str = "---\nmonth: 2015-12\n---\n## 1. 团的制度建设\n完成\n";

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
    let site = small_site();
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
    let site = small_site();
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
    let site = small_site();
    let other = tempfile::tempdir().unwrap();
    let run = build_into(&site, other.path(), &[]);
    assert_eq!(run.code, Some(0), "{run}");
    assert!(other.path().join("index.html").is_file());
}

#[test]
fn its_own_output_is_replaced_on_every_build() {
    let site = small_site();
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
    let site = small_site();
    let before = snapshot(site.root());
    let run = reportal_in(
        site.root(),
        &["build", "--root", ".", "--output", "content/..", "--force"],
    );
    assert_refused(&run, "refusing to build into");
    assert_eq!(snapshot(site.root()), before);
}

#[cfg(unix)]
#[test]
fn refuses_a_symlink_that_leads_into_content() {
    let site = small_site();
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
    let site = small_site();
    let other = tempfile::tempdir().unwrap();
    let out = other.path().join("public");
    std::fs::write(&out, "一个文件").unwrap();
    let run = build_into(&site, &out, &["--force"]);
    assert!(matches!(run.code, Some(c) if c != 0), "{run}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "一个文件");
}

#[test]
fn check_never_touches_an_output_folder() {
    let site = small_site();
    std::fs::create_dir_all(site.output()).unwrap();
    std::fs::write(site.output().join("mine.txt"), "别动").unwrap();
    let before = snapshot(site.root());
    let run = site.run("check", &[]);
    assert_eq!(run.code, Some(0), "{run}");
    assert_eq!(snapshot(site.root()), before);
}
