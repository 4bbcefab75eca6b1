//! `reportal new`: the next report of a unit, started from its last one,
//! with the plans it wrote quoted where the progress goes.

use crate::plans::site;

#[test]
fn new_starts_the_next_report_from_the_last_one() {
    let site = site();
    let run = site.run("new", &["--unit", "gd"]);
    assert!(run.ok, "{}", run.stderr);
    assert!(
        run.stdout.contains("content/gd/2024-06.md"),
        "{}",
        run.stdout
    );
    let text = std::fs::read_to_string(site.root().join("content/gd/2024-06.md")).expect("new");
    assert_eq!(
        text,
        "---\nmonth: 2024-06\nunit: gd\ndraft: true\n---\n\
         \n## 1. 团的制度建设\n\n### 本月份推进情况\n\n\
         <!-- 2024年5月计划（对照填写本月推进情况，写完可删去本注释）：\n1. 甲五计划\n-->\n\n\
         ### 下一步推进计划\n\n"
    );
    // It is a draft: left out of the site until the writer says so.
    site.built();
    assert!(!site.exists("months/2024-06/index.html"));
    let run = site.run("build", &["--drafts"]);
    assert!(run.ok, "{}", run.stderr);
    let june = site.page("months/2024-06/index.html");
    assert!(june.text("#gd-zhidu .part-progress").contains("本月未填写"));
    assert!(
        !june.text("main").contains("对照填写"),
        "the comment was published"
    );
    // Never twice, never over a file.
    let again = site.run("new", &["--unit", "gd", "--month", "2024-06"]);
    assert!(!again.ok);
    assert!(
        again.stderr.contains("has a report for 2024-06 already"),
        "{}",
        again.stderr
    );
    site.write("content/gd/2024-07.md", b"not a report yet");
    let over = site.run("new", &["--unit", "gd", "--month", "2024-07"]);
    assert!(!over.ok);
    assert_eq!(
        std::fs::read_to_string(site.root().join("content/gd/2024-07.md")).expect("kept"),
        "not a report yet"
    );
}

#[test]
fn new_asks_which_unit_and_quotes_missing_plans_as_missing() {
    let site = site();
    let run = site.run("new", &[]);
    assert!(!run.ok);
    assert!(
        run.stderr.contains("say which with --unit"),
        "{}",
        run.stderr
    );
    // gd's March wrote no plan for 干部: April's report says so.
    let run = site.run("new", &["--unit", "广东", "--month", "2024-04"]);
    assert!(run.ok, "{}", run.stderr);
    let text = std::fs::read_to_string(site.root().join("content/gd/2024-04.md")).expect("new");
    assert!(text.contains("## 1. 团干部队伍建设"), "{text}");
    assert!(
        text.contains("<!-- 2024年3月未写此项工作的计划。 -->"),
        "{text}"
    );
    assert!(!text.contains("甲五"), "quoted a later month: {text}");
}

/// On a site whose site.yaml names no units, the new report names none
/// either: `unit: main` named an id the writer never chose, and the next
/// `new` then called the unit `main`.
#[test]
fn new_names_no_unit_on_a_site_without_units() {
    let site = crate::common::Site::new(&[(
        "content/2026-01.md",
        "---\nmonth: 2026-01\n---\n\n## 制度建设\n\n### 本月份推进情况\n\n1. 完成。\n",
    )]);
    for month in ["2026-02", "2026-03"] {
        let run = site.run("new", &[]);
        assert!(run.ok, "{run}");
        let path = format!("content/{month}.md");
        let text = std::fs::read_to_string(site.root().join(&path)).expect("new");
        assert!(
            text.starts_with(&format!("---\nmonth: {month}\ndraft: true\n---\n")),
            "{text}"
        );
        assert!(
            run.stdout.contains(&path) && !run.stdout.contains("main"),
            "{run}"
        );
        std::fs::write(site.root().join(&path), text.replace("draft: true\n", "")).expect("write");
    }
}
