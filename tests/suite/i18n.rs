//! The interface's words come from the theme's translation files: a site
//! rewords a label or adds a language with a file of its own, no Rust.

use crate::common::{Site, snapshot};

const REPORT: &str = "---\nmonth: 2015-12\n---\n## 1. 团的制度建设\n\n### 本月份推进情况\n\n1. 进展\n\n### 下一步推进计划\n\n1. 计划\n";

fn site(files: &[(&str, &str)]) -> Site {
    let mut all = vec![("content/2015-12.md", REPORT)];
    all.extend_from_slice(files);
    Site::new(&all)
}

/// Builds and returns stderr, insisting the build failed.
fn failing(files: &[(&str, &str)]) -> String {
    let run = site(files).build();
    assert_eq!(run.code, Some(1), "build should fail:\n{run}");
    run.stderr
}

#[test]
fn a_site_rewords_one_label_and_nothing_else_changes() {
    let plain = site(&[("site.yaml", "title: 站点\n")]);
    plain.built();
    let reworded = site(&[
        ("site.yaml", "title: 站点\n"),
        ("i18n/zh-CN.yaml", "home: 回到首页\n"),
    ]);
    reworded.built();
    let nav = reworded
        .page("index.html")
        .text_one("nav.site-nav li:first-child a");
    assert_eq!(nav, "回到首页");
    let (before, after) = (snapshot(&plain.output()), snapshot(&reworded.output()));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let mut changed = 0;
    for (path, bytes) in &after {
        // A Word file is binary: it holds no interface word, so is as it was.
        let Ok(text) = std::str::from_utf8(bytes) else {
            assert!(bytes == &before[path], "{path}");
            continue;
        };
        // Undoing the rewording gives the page as it was, byte for byte.
        let undone = text.replace("回到首页", "首页");
        assert_eq!(undone.as_bytes(), &before[path][..], "{path}");
        changed += usize::from(text.contains("回到首页"));
    }
    assert!(changed > 3, "only {changed} files show the label");
}

#[test]
fn a_site_adds_a_language_with_a_partial_file() {
    let site = site(&[
        ("site.yaml", "title: Rapports\nlanguage: fr\n"),
        (
            "i18n/fr.yaml",
            "home: Accueil\nmonths: Mois\nmonth_label: \"{month_name} {year}\"\nmonth_names: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]\n",
        ),
    ]);
    let run = site.built();
    // One warning, over several lines: its text, without the frame.
    let stderr: String = run
        .stderr
        .lines()
        .map(|l| l.trim_start_matches([' ', '│']))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        stderr.matches("not in this translation file").count(),
        1,
        "{run}"
    );
    let warning = &stderr[stderr.find("i18n/fr.yaml: ").expect("names the file")..];
    let keys = &warning[warning.find("for them: ").expect("lists keys") + 10..];
    let keys: Vec<&str> = keys.split([',', ' ']).filter(|k| !k.is_empty()).collect();
    // Those the file lacks are listed; those it gives are not.
    assert!(
        keys.contains(&"areas") && keys.contains(&"search"),
        "{keys:?}"
    );
    for given in ["home", "months", "month_label", "month_names"] {
        assert!(!keys.contains(&given), "{given} in {keys:?}");
    }
    let index = site.page("index.html");
    let html = std::fs::read_to_string(site.output().join("index.html")).expect("index");
    assert!(html.contains("<html lang=\"fr\">"), "{html}");
    assert_eq!(index.text_one("nav.site-nav li:first-child a"), "Accueil");
    let month = std::fs::read_to_string(site.output().join("months/2015-12/index.html"))
        .expect("month page");
    assert!(month.contains("décembre 2015"), "{month}");
    // Lacking in fr.yaml: the English word.
    assert!(html.contains("Work areas"), "{html}");
}

#[test]
fn a_language_without_a_file_is_an_error_at_site_yaml() {
    let err = failing(&[("site.yaml", "title: a\nlanguage: fr\n")]);
    assert!(err.contains("site.yaml:2:11:"), "{err}");
    assert!(err.contains("no translation file"), "{err}");
    assert!(err.contains("i18n/fr.yaml"), "{err}");
    let err = failing(&[("site.yaml", "language: \"fr FR\"\n")]);
    assert!(err.contains("site.yaml:1:12:"), "{err}");
    assert!(err.contains("not a language tag"), "{err}");
}

#[test]
fn a_malformed_translation_file_names_its_line() {
    let err = failing(&[("i18n/zh-CN.yaml", "home: 首页\nmonths: [按月份\n")]);
    assert!(err.contains("i18n/zh-CN.yaml:2:"), "{err}");
    assert!(err.contains("translation file is not valid"), "{err}");
    // Valid YAML, but a list where a label goes.
    let err = failing(&[(
        "i18n/zh-CN.yaml",
        "# 改写\nhome: 首页\nmonth_column: [月份]\n",
    )]);
    assert!(err.contains("i18n/zh-CN.yaml:3:1:"), "{err}");
    assert!(err.contains("`month_column`"), "{err}");
}

#[test]
fn a_theme_rewords_and_the_site_rewords_the_theme() {
    let site = site(&[
        ("site.yaml", "theme: mine\nlanguage: en-GB\n"),
        (
            "themes/mine/i18n/en.yaml",
            "home: Start\nmonths: Calendar\n",
        ),
        ("i18n/en.yaml", "home: Front page\n"),
    ]);
    let run = site.built();
    assert!(!run.stderr.contains("lacks"), "{run}");
    let html = std::fs::read_to_string(site.output().join("index.html")).expect("index");
    // The tag as written; the words of its language's file.
    assert!(html.contains("<html lang=\"en-GB\">"), "{html}");
    let index = site.page("index.html");
    assert_eq!(
        index.text_one("nav.site-nav li:first-child a"),
        "Front page"
    );
    assert!(
        html.contains("Calendar") && html.contains("December 2015"),
        "{html}"
    );
}
