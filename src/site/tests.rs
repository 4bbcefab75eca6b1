//! The driver on a small site written to a temporary folder: which files
//! an edit selects, and that a site patched after edits makes the same
//! files as the site loaded afresh.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::preview::{Bytes, EditSelection, Session};
use super::{Mode, Site, SiteOptions};
use crate::diagnostics::Problems;
use crate::render::{self, Kind, Selection, Shows};

const CONFIG: &str = "title: 测试\nlanguage: zh-CN\nunits:\n  - { id: a, name: 甲单位 }\n  - { id: b, name: 乙单位 }\nareas:\n  - { id: x, name: 组织建设 }\n  - { id: y, name: 宣传工作 }\ndownloads: [word, csv, markdown]\n";

fn report(unit: &str, month: &str, x: &str, y: &str) -> String {
    format!(
        "---\ntitle: {month} {unit}\nmonth: {month}\nunit: {unit}\n---\n\n## 1. 组织建设\n\n### 本月份推进情况\n\n{x}\n\n### 下一步推进计划\n\n{x}的计划。\n\n## 2. 宣传工作\n\n### 本月份推进情况\n\n{y}\n\n### 下一步推进计划\n\n{y}的计划。\n"
    )
}

/// A site of two units and two areas, reporting in 2025-01 and 2025-02.
fn small_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("site.yaml"), CONFIG).expect("site.yaml");
    for unit in ["a", "b"] {
        for month in ["2025-01", "2025-02"] {
            write(
                dir.path(),
                unit,
                month,
                &report(unit, month, "组织做了事。", "宣传做了事。"),
            );
        }
    }
    dir
}

fn write(root: &Path, unit: &str, month: &str, text: &str) -> PathBuf {
    let folder = root.join("content").join(unit);
    std::fs::create_dir_all(&folder).expect("content folder");
    let path = folder.join(format!("{month}.md"));
    std::fs::write(&path, text).expect("report");
    path
}

fn load(root: &Path) -> Site {
    let options = SiteOptions {
        drafts: false,
        mode: Mode::Serve,
    };
    let mut problems = Problems::default();
    let site = Site::load(root, options, &mut problems);
    assert!(!problems.has_errors(), "{problems:?}");
    site.expect("the site loads")
}

/// The paths an edit of `changed` (written before the call) selects.
fn selected_by(
    site: &mut Site,
    changed: &[PathBuf],
) -> (BTreeSet<String>, Option<BTreeSet<usize>>) {
    let outputs = render::outputs(&site.library, &site.theme).expect("plan");
    let have: BTreeMap<String, Bytes> = (outputs.iter())
        .map(|o| (o.path.clone(), Arc::new(Vec::new())))
        .collect();
    let mut problems = Problems::default();
    assert!(site.takes(changed));
    let update = site.update(changed, &mut problems).expect("update");
    let selection = EditSelection::new(&site.library, &update, false, &have);
    let outputs = render::outputs(&site.library, &site.theme).expect("plan");
    let selected = (outputs.iter())
        .filter(|o| selection.wants(o))
        .map(|o| o.path.clone())
        .collect();
    (selected, update.touched_areas)
}

#[test]
fn an_edit_of_one_area_selects_the_pages_that_show_it() {
    let dir = small_site();
    let mut site = load(dir.path());
    let path = write(
        dir.path(),
        "a",
        "2025-02",
        &report("a", "2025-02", "组织改了。", "宣传做了事。"),
    );
    let (selected, touched) = selected_by(&mut site, &[path]);
    assert_eq!(touched, Some(BTreeSet::from([0])), "only area x changed");
    for path in [
        "index.html",
        "months/2025-02/index.html",
        "months/2025-02/print/index.html",
        "months/2025-02/2025-02.csv",
        "months/2025-02/a.md",
        "areas/x/index.html",
        "areas/x/units/a/index.html",
        "units/a/index.html",
        "search/index.js",
    ] {
        assert!(selected.contains(path), "{path} not selected: {selected:?}");
    }
    for path in [
        "areas/y/index.html",
        "areas/y/units/a/index.html",
        "areas/x/units/b/index.html",
        "months/2025-01/index.html",
        "months/index.html",
        "units/b/index.html",
        "months/2025-02/b.md",
        "style.css",
    ] {
        assert!(!selected.contains(path), "{path} selected");
    }
}

#[test]
fn an_edit_of_a_plan_selects_the_month_that_shows_it_beside_progress() {
    let dir = small_site();
    let mut site = load(dir.path());
    let path = write(
        dir.path(),
        "b",
        "2025-01",
        &report("b", "2025-01", "组织做了事。", "宣传改了。"),
    );
    let (selected, _) = selected_by(&mut site, &[path]);
    assert!(selected.contains("months/2025-01/index.html"));
    assert!(
        selected.contains("months/2025-02/index.html"),
        "shows b's January plan"
    );
    assert!(selected.contains("areas/y/index.html"));
    assert!(!selected.contains("areas/x/index.html"));
}

#[test]
fn an_edit_that_moves_the_structure_assembles_again() {
    let dir = small_site();
    let mut site = load(dir.path());
    let moved = report("a", "2025-02", "组织做了事。", "宣传做了事。")
        .replace("month: 2025-02", "month: 2025-03");
    let path = write(dir.path(), "a", "2025-02", &moved);
    let (_, touched) = selected_by(&mut site, &[path]);
    assert_eq!(touched, None);
    assert_eq!(site.library.months.len(), 3);
}

#[test]
fn the_plan_lists_each_file_once_with_what_it_shows() {
    let dir = small_site();
    let site = load(dir.path());
    let outputs = render::outputs(&site.library, &site.theme).expect("plan");
    let paths: BTreeSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    assert_eq!(paths.len(), outputs.len());
    let find = |path: &str| outputs.iter().find(|o| o.path == path).expect(path);
    let area = find("areas/y/index.html");
    assert_eq!((area.kind, area.timeline_of), (Kind::Page, Some(1)));
    assert_eq!(area.shows, Shows::Reports(vec![0, 1, 2, 3]));
    let source = find("months/2025-01/b.md");
    assert_eq!(source.kind, Kind::Source);
    assert_eq!(find("search/t/0.js").shows, Shows::Every);
    assert_eq!(find("style.css").kind, Kind::Static);
    assert_eq!(find("months/2025-01/2025-01.csv").kind, Kind::MonthSheet);
}

/// Serve after edits (patched and assembled) holds the files a fresh
/// load makes, byte for byte, and no other.
#[test]
fn serve_after_edits_holds_what_a_fresh_build_makes() {
    let dir = small_site();
    let mut session = Session::new(dir.path(), false);
    let mut problems = Problems::default();
    session.rebuild(&[], &mut problems).expect("first build");
    let edits = [
        (
            "a",
            "2025-02",
            report("a", "2025-02", "组织改了。", "宣传做了事。"),
        ),
        (
            "b",
            "2025-01",
            report("b", "2025-01", "组织做了事。", "宣传**改了**。"),
        ),
        (
            "b",
            "2025-02",
            report("b", "2025-02", "新的一段。", "宣传做了事。")
                .replace("title: 2025-02 b", "title: 新标题"),
        ),
        ("a", "2025-03", report("a", "2025-03", "三月。", "三月。")),
    ];
    for (unit, month, text) in edits {
        let path = write(dir.path(), unit, month, &text);
        let outcome = session.rebuild(&[path], &mut problems).expect("rebuild");
        assert!(!outcome.changed.is_empty());
        let mut fresh = Session::new(dir.path(), false);
        fresh.rebuild(&[], &mut problems).expect("fresh build");
        assert_eq!(
            session.files().keys().collect::<Vec<_>>(),
            fresh.files().keys().collect::<Vec<_>>()
        );
        for (path, bytes) in fresh.files() {
            assert!(
                session.files()[path] == *bytes,
                "{path} differs after editing {unit}/{month}"
            );
        }
    }
    assert!(!problems.has_errors(), "{problems:?}");
}

/// A render that fails after an edit (here a site template that fails on
/// one summary) keeps nothing of that edit: once fixed, serve holds what
/// a fresh load makes, the pages the failed run left unmade included.
#[test]
fn serve_after_a_failed_render_holds_what_a_fresh_build_makes() {
    let dir = small_site();
    let month = "{% for r in reports %}{% if r.summary == \"boom\" %}{{ nope.x }}{% endif %}{{ r.summary }}{% endfor %}";
    std::fs::create_dir_all(dir.path().join("templates")).expect("templates folder");
    std::fs::write(dir.path().join("templates/month.html"), month).expect("template");
    let mut session = Session::new(dir.path(), false);
    let mut problems = Problems::default();
    session.rebuild(&[], &mut problems).expect("first build");
    let with_summary = |summary: &str| {
        report("b", "2025-01", "组织改了。", "宣传做了事。")
            .replace("unit: b\n", &format!("unit: b\nsummary: {summary}\n"))
    };
    let path = write(dir.path(), "b", "2025-01", &with_summary("boom"));
    assert!(
        session
            .rebuild(std::slice::from_ref(&path), &mut problems)
            .is_none()
    );
    assert!(problems.has_errors());
    // The summary fixed; the area's text is as the failed edit left it.
    let path = write(dir.path(), "b", "2025-01", &with_summary("好了"));
    let mut problems = Problems::default();
    session.rebuild(&[path], &mut problems).expect("rebuild");
    let mut fresh = Session::new(dir.path(), false);
    fresh.rebuild(&[], &mut problems).expect("fresh build");
    for (path, bytes) in fresh.files() {
        assert!(session.files().get(path) == Some(bytes), "{path} differs");
    }
}
