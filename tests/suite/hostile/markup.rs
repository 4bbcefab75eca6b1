//! Markup whose cost grows faster than its size: refused with its place.

use crate::common::{Site, report};

#[test]
fn raw_html_nested_absurdly_deep_is_an_error_at_its_line() {
    // 50,000 unclosed <div>s: the sanitiser's parser took 225 s on them.
    let body = format!(
        "## 团的制度建设\n\n### 本月份推进情况\n\n完成换届。\n\n{}x\n",
        "<div>".repeat(50_000)
    );
    let site = Site::new(&[("content/2015-12.md", &report("month: 2015-12", &body))]);
    let run = site.build();
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        run.stderr.contains("content/2015-12.md:10:1") && run.stderr.contains("close the tags"),
        "{run}"
    );
    // The line is 250 KB: the message shows a window of it, not all.
    assert!(
        run.stderr.len() < 4_000,
        "{} bytes of message",
        run.stderr.len()
    );
    let check = site.run("check", &[]);
    assert_eq!(
        check.code,
        Some(1),
        "check passes what build refuses:\n{check}"
    );
}

#[test]
fn html_nested_as_reports_nest_it_is_kept() {
    let body = format!(
        "## 团的制度建设\n\n### 本月份推进情况\n\n{}深处{}\n\n{}\n",
        "<div>".repeat(40),
        "</div>".repeat(40),
        "<p>一<p>二".repeat(2_000)
    );
    let site = Site::new(&[("content/2015-12.md", &report("month: 2015-12", &body))]);
    site.built();
    let page = site.page("months/2015-12/index.html");
    let text = page.root_element().text().collect::<String>();
    assert!(text.contains("深处") && text.matches('二').count() >= 2_000);
}

#[test]
fn enormous_files_are_refused_without_being_read() {
    let site = Site::new(&[(
        "content/2015-12.md",
        &report("month: 2015-12", "## 团的制度建设\n\n完成。\n"),
    )]);
    // Sparse files: gigabytes cost nothing to make, and must cost nothing
    // to refuse.
    let huge = std::fs::File::create(site.root().join("content/2015-11.md")).unwrap();
    huge.set_len(4 << 30).unwrap();
    let run = site.build();
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        run.stderr.contains("content/2015-11.md") && run.stderr.contains("larger than 16 MB"),
        "{run}"
    );
    std::fs::remove_file(site.root().join("content/2015-11.md")).unwrap();
    std::fs::create_dir_all(site.root().join("static")).unwrap();
    let huge = std::fs::File::create(site.root().join("static/film.mp4")).unwrap();
    huge.set_len(4 << 30).unwrap();
    let run = site.build();
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        run.stderr.contains("static/film.mp4") && run.stderr.contains("larger than 64 MB"),
        "{run}"
    );
}

#[test]
fn self_closed_and_unmatched_tags_count_as_the_parser_counts_them() {
    // `<div/>` opens a div; `</b>` with no <b> open closes nothing: both
    // nested 16,000 deep took the sanitiser 16 s (debug).
    for piece in ["<div/>", "<div></b>"] {
        let body = format!("## 团的制度建设\n\n{}x\n", piece.repeat(16_000));
        let site = Site::new(&[("content/2015-12.md", &report("month: 2015-12", &body))]);
        let run = site.run("check", &[]);
        assert_eq!(run.code, Some(1), "{piece}: {run}");
        assert!(run.stderr.contains("close the tags"), "{piece}: {run}");
    }
}
