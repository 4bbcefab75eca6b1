//! Mistakes writers make: each is an error naming the file and line, all
//! of a build's errors are reported together, and a failed build leaves
//! the previous output untouched.

use crate::common;

use common::{Site, area, report, snapshot};

fn body() -> String {
    area("团的制度建设", "1. 进展", "1. 计划")
}

/// Builds `files` and returns stderr, insisting the build failed.
fn failing(files: &[(&str, &str)]) -> String {
    let site = Site::new(files);
    let run = site.build();
    assert!(!run.ok, "build should fail:\n{}", run.stderr);
    assert_eq!(run.code, Some(1));
    assert!(!site.output().exists(), "a failed first build wrote output");
    run.stderr
}

#[test]
fn malformed_yaml_names_file_and_line() {
    let err = failing(&[(
        "content/gd/2015-12.md",
        &report("title: 标题\nmonth: [2015-12", &body()),
    )]);
    assert!(
        err.contains(
            "content/gd/2015-12.md:3:8: the front matter is not valid YAML: unclosed bracket"
        ),
        "{err}"
    );
}

#[test]
fn unclosed_front_matter_says_so() {
    let err = failing(&[(
        "content/2015-12.md",
        "---\nmonth: 2015-12\n## 团的制度建设\n",
    )]);
    assert!(
        err.contains("content/2015-12.md:1:1: the front matter opened with `---` is never closed"),
        "{err}"
    );
}

#[test]
fn a_missing_month_is_an_error_when_the_file_name_has_none_either() {
    let err = failing(&[("content/gd/report.md", &report("title: 标题", &body()))]);
    assert!(
        err.contains("content/gd/report.md:2:1: no month: add `month: YYYY-MM`"),
        "{err}"
    );
}

#[test]
fn an_invalid_month_points_at_the_value() {
    let err = failing(&[(
        "content/2015-12.md",
        &report("unit: gd\nmonth: 2015-13", &body()),
    )]);
    assert!(
        err.contains("content/2015-12.md:3:8: `2015-13` is not a month: write it as YYYY-MM"),
        "{err}"
    );
}

#[test]
fn a_unit_not_in_site_yaml_is_an_error_listing_the_units() {
    let err = failing(&[
        (
            "site.yaml",
            "units:\n  - { id: gd, name: 广东 }\n  - { id: sz, name: 深圳 }\n",
        ),
        (
            "content/2015-12.md",
            &report("month: 2015-12\nunit: bj", &body()),
        ),
    ]);
    assert!(
        err.contains("content/2015-12.md:3:7: unit `bj` is not in site.yaml; the units are: gd (广东), sz (深圳)"),
        "{err}"
    );
}

#[test]
fn a_missing_unit_on_a_site_with_several_is_an_error() {
    let err = failing(&[
        (
            "site.yaml",
            "units:\n  - { id: gd, name: 广东 }\n  - { id: sz, name: 深圳 }\n",
        ),
        ("content/2015-12.md", &report("month: 2015-12", &body())),
    ]);
    assert!(
        err.contains("content/2015-12.md:1:1: this site has several units"),
        "{err}"
    );
}

#[test]
fn two_reports_for_one_unit_and_month_name_both_files() {
    let err = failing(&[
        ("content/a/2015-12.md", &report("unit: 广东", &body())),
        (
            "content/b/dec.md",
            &report("month: 2015-12\nunit: 广东", &body()),
        ),
    ]);
    assert!(
        err.contains("content/b/dec.md:3:7: a second report for unit `广东` in 2015-12: content/a/2015-12.md has it already"),
        "{err}"
    );
}

#[test]
fn a_gbk_file_is_recognised_and_shown_decoded() {
    // "## 团的制度建设\n本月完成培训。" in GBK, after UTF-8 front matter.
    let mut bytes = b"---\nmonth: 2015-12\n---\n".to_vec();
    let (gbk, _, _) = encoding_rs::GBK
        .encode("## 团的制度建设\n本月完成团干部培训三期，参训人员共计一百二十人。\n");
    bytes.extend_from_slice(&gbk);
    let site = Site::new(&[]);
    site.write("content/2015-12.md", &bytes);
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains(
            "content/2015-12.md:4:4: the file is not UTF-8 text; it looks like GBK/GB18030"
        ),
        "{}",
        run.stderr
    );
    // The line is shown as the writer sees it in their editor.
    assert!(run.stderr.contains("## 团的制度建设"), "{}", run.stderr);
}

#[test]
fn a_file_in_another_encoding_is_not_called_gbk() {
    let site = Site::new(&[]);
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode("## Café crème, très bien à l'été\n");
    site.write("content/2015-12.md", &latin1);
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("content/2015-12.md:1:7: the file is not UTF-8 text; save it again as UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_content_folder_is_an_error() {
    let site = Site::new(&[("site.yaml", "title: 空")]);
    std::fs::create_dir_all(site.root().join("content")).expect("mkdir");
    let run = site.build();
    assert!(!run.ok);
    assert!(run.stderr.contains("no reports found"), "{}", run.stderr);
}

#[test]
fn a_broken_site_yaml_names_its_line() {
    let err = failing(&[
        ("site.yaml", "title: a\nlanguage: fr\n"),
        ("content/2015-12.md", &body()),
    ]);
    assert!(
        err.contains("site.yaml:2:11: site.yaml is not valid"),
        "{err}"
    );
}

#[test]
fn every_error_of_a_build_is_reported_together() {
    let site = Site::new(&[
        ("content/a.md", &report("month: 2015-13", &body())),
        ("content/b.md", &report("title: 无月份", &body())),
        ("content/2015-12.md", &body()),
    ]);
    let run = site.build();
    assert!(!run.ok);
    assert!(run.stderr.contains("content/a.md:2:8:"), "{}", run.stderr);
    assert!(run.stderr.contains("content/b.md:2:1:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("build failed: 2 errors"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_exits_1_on_errors_and_0_with_warnings_and_writes_nothing() {
    let warned = Site::new(&[("content/2015-12.md", &report("colour: red", &body()))]);
    let run = warned.run("check", &[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("unknown front matter key `colour`"));
    assert!(!warned.output().exists());

    let broken = Site::new(&[("content/x.md", &body())]);
    let run = broken.run("check", &[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("content/x.md"));
    assert!(!broken.output().exists());
}

#[test]
fn a_failed_build_leaves_the_previous_output_byte_for_byte() {
    let site = Site::new(&[
        ("content/2015-12.md", &body()),
        ("content/2016-01.md", &body()),
    ]);
    site.built();
    let before = snapshot(&site.output());
    assert!(before.len() > 5);

    site.write("content/2016-01.md", report("month: [", &body()).as_bytes());
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr
            .contains("the previous output was left as it was")
    );
    assert!(
        snapshot(&site.output()) == before,
        "output changed after a failed build"
    );
    // No staging folder left behind either.
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .expect("read site")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("reportal-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_broken_template_fails_the_build_naming_the_template() {
    let site = Site::new(&[
        ("content/2015-12.md", &body()),
        (
            "templates/month.html",
            "{% extends \"base.html\" %}{% block main %}{{ nope( }}{% endblock main %}",
        ),
    ]);
    let run = site.build();
    assert!(!run.ok);
    assert!(
        run.stderr.contains("template templates/month.html:"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_unit_id_that_reads_as_a_month_is_refused_at_its_line() {
    let err = failing(&[
        (
            "site.yaml",
            "units:\n  - { id: gd, name: 甲 }\n  - { id: 2025-12, name: 乙 }\n",
        ),
        ("content/gd/2025-12.md", &body()),
    ]);
    assert!(
        err.contains("site.yaml:3:11: site.yaml is not valid: unit id `2025-12` reads as a month"),
        "{err}"
    );
}

#[test]
fn ids_in_site_yaml_must_be_plain_and_unique() {
    let err = failing(&[
        (
            "site.yaml",
            "areas:\n  - { id: ../../escaped, name: 甲 }\n  - { id: yi, name: 乙, aliases: [共同] }\n  - { id: bing, name: 丙, aliases: [共同] }\n  - { id: yi, name: 丁 }\n",
        ),
        ("content/2015-12.md", &body()),
    ]);
    assert!(
        err.contains("site.yaml:2:11: site.yaml is not valid: area id `../../escaped` must be"),
        "{err}"
    );
    assert!(
        err.contains("site.yaml:5:11: site.yaml is not valid: two areas have the id `yi`"),
        "{err}"
    );
    assert!(
        err.contains(
            "site.yaml:4:36: site.yaml is not valid: `共同` names two areas: `yi` and `bing`"
        ),
        "{err}"
    );
}

#[test]
fn an_empty_unit_or_an_area_heading_without_a_name_is_an_error() {
    let err = failing(&[("content/2015-12.md", &report("unit: \"\"", &body()))]);
    assert!(
        err.contains("content/2015-12.md:2:7: `unit:` is empty"),
        "{err}"
    );
    let err = failing(&[("content/2015-12.md", "## 1.\n\n内容\n")]);
    assert!(
        err.contains("content/2015-12.md:1:1: a work area heading needs a name"),
        "{err}"
    );
}

#[test]
fn a_report_without_areas_is_a_warning() {
    let site = Site::new(&[("content/2015-12.md", "### 本月份推进情况\n\n内容\n")]);
    let run = site.built();
    assert!(
        run.stderr
            .contains("content/2015-12.md:1:1: this report has no work area"),
        "{}",
        run.stderr
    );
    // Nothing the writer wrote is dropped: it shows as the preamble.
    assert!(
        site.page("months/2015-12/index.html")
            .text(".preamble")
            .contains("内容")
    );
}

#[test]
fn a_site_of_drafts_only_has_nothing_to_publish() {
    let err = failing(&[("content/2015-12.md", &report("draft: true", &body()))]);
    assert!(err.contains("every report is a draft"), "{err}");
}

#[test]
fn a_bom_does_not_shift_the_column_of_a_bad_byte() {
    let site = Site::new(&[]);
    site.write("content/2015-12.md", b"\xEF\xBB\xBF## abc\xFF\n");
    let run = site.build();
    assert!(
        run.stderr
            .contains("content/2015-12.md:1:7: the file is not UTF-8"),
        "{}",
        run.stderr
    );
}
