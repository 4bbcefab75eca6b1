//! The output folder: never losing what reportal did not make, the same
//! bytes for the same input, and what a site can override.

use crate::common;

use common::{Site, area, reportal, snapshot};

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
    site.write("templates/.keep", b"");
    site.write("static/.keep", b"");
    let root = site.root().to_string_lossy().into_owned();
    let parent = site
        .root()
        .parent()
        .expect("parent")
        .to_string_lossy()
        .into_owned();
    for output in [
        root.clone(),
        format!("{root}/."),
        parent,
        format!("{root}/content"),
        format!("{root}/content/out"),
        format!("{root}/templates"),
        format!("{root}/static/site"),
    ] {
        let before = snapshot(site.root());
        let run = site.run("build", &["--output", &output, "--force"]);
        assert!(!run.ok, "{output} was accepted");
        assert!(
            run.stderr.contains("refusing to build into"),
            "{output}: {}",
            run.stderr
        );
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
fn init_creates_a_site_that_builds_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("新站点");
    let target_arg = target.to_str().expect("UTF-8 temp dir");
    let run = reportal(&["init", target_arg]);
    assert!(run.ok, "{}", run.stderr);
    assert!(target.join("site.yaml").is_file());
    let build = reportal(&["build", "--root", target_arg]);
    assert!(build.ok, "{}", build.stderr);
    assert!(
        !build.stderr.contains('⚠'),
        "the starter site warns: {}",
        build.stderr
    );
    assert!(target.join("public/months/2025-12/index.html").is_file());

    let again = reportal(&["init", target_arg]);
    assert!(!again.ok, "init overwrote a site");
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
