//! Editing a report in place: the cheap way for `serve` to follow a save
//! that changes only what a report says.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::report::ParsedReport;
use super::types::{Library, ParsedFile};
use crate::names;

/// Puts the edited version `new` of a report in place of the version
/// `old` the library was built from, when the edit changes only what the
/// report says, not where it stands: same month, unit, draft state and
/// area headings, and no warnings either side. Then the library is what
/// assembling every file again would give, at a fraction of the cost (a
/// save in `serve`). Returns false, the library untouched, otherwise.
/// The work areas whose text changed are added to `areas` (every area of
/// the report when its title changed: timelines name the report).
/// `report` is where the caller found the report's source in the library.
pub fn patch(
    library: &mut Library,
    report: usize,
    old: &ParsedFile,
    new: &ParsedFile,
    areas: &mut BTreeSet<usize>,
) -> bool {
    let (Ok(before), Ok(after)) = (&old.result, &new.result) else {
        return false;
    };
    let placement = |r: &ParsedReport| {
        (
            r.source.clone(),
            r.month,
            r.draft,
            r.unit.as_ref().map(|(name, _)| name.clone()),
            r.body
                .areas
                .iter()
                .map(|a| names::strip_numbering(&a.heading).to_string())
                .collect::<Vec<_>>(),
        )
    };
    // Links are checked against every report when assembling: an edit
    // with links takes that way.
    let links = !before.body.links.is_empty() || !after.body.links.is_empty();
    // Files are checked against the site's files when assembling: same.
    let files = !before.body.files.is_empty() || !after.body.files.is_empty();
    // Metrics are matched against every report's areas: same way.
    if before.metrics != after.metrics
        || links
        || files
        || !old.warnings.is_empty()
        || !new.warnings.is_empty()
        || placement(before) != placement(after)
    {
        return false;
    }
    let Some(report) = library
        .reports
        .get_mut(report)
        .filter(|r| r.source == after.source)
    else {
        return false;
    };
    if report.entries.len() != after.body.areas.len() {
        return false;
    }
    let whole = report.title != after.title;
    for (entry, written) in report.entries.iter().zip(&after.body.areas) {
        if whole
            || entry.progress_html != written.progress_html
            || entry.plan_html != written.plan_html
        {
            areas.insert(entry.area);
        }
    }
    report.title.clone_from(&after.title);
    report.summary.clone_from(&after.summary);
    report.preamble_html = Arc::clone(&after.body.preamble_html);
    for (entry, written) in report.entries.iter_mut().zip(&after.body.areas) {
        entry.progress_html = Arc::clone(&written.progress_html);
        entry.plan_html = Arc::clone(&written.plan_html);
        entry.progress_excerpt = Arc::clone(&written.progress_excerpt);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::SiteConfig;
    use crate::diagnostics::Problems;
    use crate::load;
    use crate::model::{ModelOptions, assemble_parsed, parse_file};

    /// The report every test edits: two areas, with the month before (so
    /// entries have plans to answer) and another unit's report beside it.
    const EDITED: &str = "gd/2015-12.md";
    const DECEMBER: &str = "---
title: 十二月报告
month: 2015-12
unit: gd
summary: 本月小结
metrics:
  团的制度建设:
    支部数: 12
---
本月概述。

## 1. 团的制度建设

### 本月份推进情况

制度建设推进。

### 下一步推进计划

继续推进。

## 2. 青年就业

### 本月份推进情况

就业见习。

### 下一步推进计划

扩大见习。
";

    fn site(december: &str) -> Vec<(&'static str, String)> {
        let report = |unit: &str, month: &str, areas: &[&str]| {
            let mut text = format!("---\nmonth: {month}\nunit: {unit}\n---\n");
            for (i, area) in areas.iter().enumerate() {
                text.push_str(&format!(
                    "\n## {}. {area}\n\n### 本月份推进情况\n\n{unit}{month}{area}。\n\n\
                     ### 下一步推进计划\n\n{unit}{month}计划。\n",
                    i + 1
                ));
            }
            text
        };
        vec![
            (
                "gd/2015-11.md",
                report("gd", "2015-11", &["团的制度建设", "青年就业"]),
            ),
            (EDITED, december.to_string()),
            (
                "sz/2015-12.md",
                report("sz", "2015-12", &["团的制度建设", "志愿服务"]),
            ),
        ]
    }

    fn parsed(rel: &str, text: &str) -> ParsedFile {
        match load::report_from_bytes(rel, text.as_bytes().to_vec()) {
            Ok(source) => parse_file(&SiteConfig::default(), &source),
            Err(problem) => ParsedFile::unreadable(problem),
        }
    }

    fn assemble(files: &[(&str, String)]) -> (Library, Problems) {
        let parsed = files.iter().map(|(rel, text)| parsed(rel, text)).collect();
        let mut problems = Problems::default();
        let options = ModelOptions {
            drafts: true,
            files: Default::default(),
        };
        let library = assemble_parsed(SiteConfig::default(), parsed, &options, &mut problems);
        (library, problems)
    }

    /// What `patch` must keep as assembling would make it: all but the
    /// configuration, which no edit of a report touches.
    fn shape(library: &Library) -> String {
        let Library {
            config: _,
            units,
            areas,
            reports,
            months,
            drafts,
            metrics,
        } = library;
        format!("{units:?}\n{areas:?}\n{reports:#?}\n{months:?}\n{drafts:?}\n{metrics:?}")
    }

    struct Edit {
        accepted: bool,
        /// The areas `patch` said changed, by name.
        areas: Vec<String>,
        before: Library,
        patched: Library,
        /// The edited site assembled from scratch.
        fresh: Library,
    }

    fn edit(december: &str) -> Edit {
        let (before, problems) = assemble(&site(DECEMBER));
        assert!(problems.0.is_empty(), "{problems:?}");
        let (mut patched, _) = assemble(&site(DECEMBER));
        let report = patched
            .reports
            .iter()
            .position(|r| r.source == EDITED)
            .expect("the edited report is in the library");
        let mut areas = BTreeSet::new();
        let accepted = patch(
            &mut patched,
            report,
            &parsed(EDITED, DECEMBER),
            &parsed(EDITED, december),
            &mut areas,
        );
        let (fresh, _) = assemble(&site(december));
        let areas = areas
            .iter()
            .map(|&a| patched.areas[a].name.clone())
            .collect();
        Edit {
            accepted,
            areas,
            before,
            patched,
            fresh,
        }
    }

    fn accepted(december: &str) -> Edit {
        let edit = edit(december);
        assert!(edit.accepted, "refused:\n{december}");
        assert_eq!(shape(&edit.patched), shape(&edit.fresh));
        edit
    }

    fn refused(december: &str) {
        let edit = edit(december);
        assert!(!edit.accepted, "accepted:\n{december}");
        assert!(edit.areas.is_empty());
        assert_eq!(shape(&edit.patched), shape(&edit.before));
    }

    #[test]
    fn an_edited_progress_or_plan_touches_its_area_only() {
        let edit = accepted(&DECEMBER.replace("就业见习。", "就业见习，新增岗位。"));
        assert_eq!(edit.areas, ["青年就业"]);
        // The excerpt lists show follows the text.
        let report = edit.patched.reports.iter().find(|r| r.source == EDITED);
        let excerpt = &report.expect("still there").entries[1].progress_excerpt;
        assert!(excerpt.contains("新增岗位"), "{excerpt}");

        let edit = accepted(&DECEMBER.replace("继续推进。", "**全面**推进。"));
        assert_eq!(edit.areas, ["团的制度建设"]);
    }

    #[test]
    fn an_edited_preamble_or_summary_touches_no_area() {
        let edit = accepted(&DECEMBER.replace("本月概述。", "本月概述，有改动。"));
        assert!(edit.areas.is_empty());
        let edit = accepted(&DECEMBER.replace("summary: 本月小结", "summary: 新的小结"));
        assert!(edit.areas.is_empty());
        // Renumbering a heading leaves the area where it was.
        let edit = accepted(&DECEMBER.replace("## 2. 青年就业", "## 二、青年就业"));
        assert!(edit.areas.is_empty());
    }

    #[test]
    fn a_new_title_touches_every_area_of_the_report() {
        let edit = accepted(&DECEMBER.replace("title: 十二月报告", "title: 十二月工作报告"));
        assert_eq!(edit.areas, ["团的制度建设", "青年就业"]);
    }

    #[test]
    fn an_edit_that_moves_the_report_is_refused() {
        for (from, to) in [
            ("month: 2015-12", "month: 2016-01"),
            ("unit: gd", "unit: bj"),
            ("unit: gd", "unit: gd\ndraft: true"),
            // A new area, one gone, one renamed, two swapped.
            (
                "扩大见习。\n",
                "扩大见习。\n\n## 3. 志愿服务\n\n### 本月份推进情况\n\n新。\n",
            ),
            ("\n## 2. 青年就业", "\n青年就业"),
            ("## 2. 青年就业", "## 2. 青年创业"),
            ("团的制度建设\n\n### 本月份", "青年就业\n\n### 本月份"),
        ] {
            assert!(DECEMBER.contains(from), "{from}");
            refused(&DECEMBER.replacen(from, to, 1));
        }
        let swapped = DECEMBER
            .replace("## 1. 团的制度建设", "## 1. @")
            .replace("## 2. 青年就业", "## 2. 团的制度建设")
            .replace("## 1. @", "## 1. 青年就业");
        refused(&swapped);
    }

    #[test]
    fn an_edit_assembly_must_check_against_other_reports_is_refused() {
        for (from, to) in [
            // Metrics are matched against every report's areas; links
            // against every report.
            ("支部数: 12", "支部数: 13"),
            ("就业见习。", "就业见习，见[上月](2015-11.md)。"),
            // Warnings are told by assembling; an error leaves the report out.
            // (Below `metrics:`, which would refuse it: their places move.)
            ("支部数: 12\n", "支部数: 12\nauthor: 张三\n"),
            ("就业见习。", "就业见习。![](http://example.com/a.png)"),
            ("month: 2015-12", "month: 十三月"),
        ] {
            assert!(DECEMBER.contains(from), "{from}");
            refused(&DECEMBER.replacen(from, to, 1));
        }
    }

    #[test]
    fn a_report_found_elsewhere_than_said_is_refused() {
        let (mut library, _) = assemble(&site(DECEMBER));
        let elsewhere = library
            .reports
            .iter()
            .position(|r| r.source != EDITED)
            .expect("another report");
        let before = shape(&library);
        let new = parsed(EDITED, &DECEMBER.replace("就业见习。", "改了。"));
        let mut areas = BTreeSet::new();
        let old = parsed(EDITED, DECEMBER);
        assert!(!patch(&mut library, elsewhere, &old, &new, &mut areas));
        assert!(!patch(&mut library, 99, &old, &new, &mut areas));
        assert!(areas.is_empty());
        assert_eq!(shape(&library), before);
    }
}
