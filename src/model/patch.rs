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
    // Metrics are matched against every report's areas: same way.
    if before.metrics != after.metrics
        || links
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
