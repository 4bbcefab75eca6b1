//! Which pages the site has. A small site has one page per month and per
//! area. At province scale those pages grow past what a reader's browser
//! opens comfortably, so a timeline too large for one page is split by
//! year, and a month too large for one page gets one page per unit's
//! report, the month page then listing them. Sizes are estimated from
//! the reports' HTML before rendering, so the choice is cheap and the
//! same on every build of the same input.

use std::collections::BTreeSet;

use crate::model::metrics::MetricScope;
use crate::model::{Library, Month, Previous, Report};

/// Bytes of markup around an entry on top of its own HTML: headings,
/// part titles, links, and its anchor, written several times (measured on
/// the default theme, rounded up).
const ENTRY_MARKUP: usize = 700;
const ANCHOR_USES: usize = 6;
/// Bytes of a page's own markup: head, navigation, footer.
const PAGE_MARKUP: usize = 16 * 1024;

#[derive(Debug, Hash, PartialEq)]
pub struct Layout {
    /// Per area: the pages of its timeline, newest first, when it is
    /// split; `None` when one page holds it all.
    pub area_parts: Vec<Option<Vec<TimelinePart>>>,
    /// Months whose reports each have their own page.
    pub split_months: BTreeSet<Month>,
}

/// A page of a split timeline: one year, or, for a year too large for
/// one page, a run of its months.
#[derive(Debug, Hash, PartialEq, Clone, Copy)]
pub struct TimelinePart {
    pub newest: Month,
    pub oldest: Month,
    /// The year's first page (its newest months) is the year's own page.
    pub first_of_year: bool,
}

impl TimelinePart {
    /// The page's folder: `areas/<id>/2015`, or `areas/<id>/2015/06` for a
    /// later run of a year's months (06: its newest month).
    pub fn folder(&self, area_id: &str) -> String {
        if self.first_of_year {
            let mut year = itoa::Buffer::new();
            ["areas/", area_id, "/", year.format(self.newest.year)].concat()
        } else {
            format!(
                "areas/{area_id}/{}/{:02}",
                self.newest.year, self.newest.month
            )
        }
    }

    pub fn holds(&self, month: Month) -> bool {
        self.oldest <= month && month <= self.newest
    }
}

impl Layout {
    /// `timelines`: each area's entries, newest first (see `Library::timeline`).
    pub fn of(library: &Library, timelines: &[Vec<(usize, usize)>]) -> Layout {
        let limit = library.config.max_page_kb.saturating_mul(1024);
        let area_parts = timelines
            .iter()
            .enumerate()
            .map(|(area, timeline)| {
                // The area's own page carries its charts as well.
                let limit = limit.saturating_sub(metrics_size(library, area));
                // Each month's share of the timeline, newest first.
                let mut months: Vec<(Month, usize)> = Vec::new();
                for &(r, e) in timeline {
                    let report = &library.reports[r];
                    let size = entry_size(library, report, e);
                    match months.last_mut() {
                        Some((month, total)) if *month == report.month => *total += size,
                        _ => months.push((report.month, size)),
                    }
                }
                let total: usize = months.iter().map(|(_, size)| size).sum();
                let years =
                    months.first().map(|(m, _)| m.year) != months.last().map(|(m, _)| m.year);
                (PAGE_MARKUP + total > limit && years).then(|| parts(&months, limit))
            })
            .collect();
        // A page per report only helps when a month has several.
        let split_months = library
            .months
            .iter()
            .filter(|(_, reports)| reports.len() > 1)
            .filter(|(_, reports)| {
                let size: usize = reports
                    .iter()
                    .map(|&r| report_size(library, &library.reports[r]))
                    .sum();
                PAGE_MARKUP + size > limit
            })
            .map(|(month, _)| *month)
            .collect();
        Layout {
            area_parts,
            split_months,
        }
    }

    pub fn month_is_split(&self, month: Month) -> bool {
        self.split_months.contains(&month)
    }

    /// The folder of the page of `area`'s timeline that shows `month`,
    /// when the timeline is split.
    pub fn timeline_folder(&self, area: usize, area_id: &str, month: Month) -> Option<String> {
        let parts = self.area_parts.get(area)?.as_ref()?;
        parts
            .iter()
            .find(|part| part.holds(month))
            .map(|part| part.folder(area_id))
    }
}

/// A split timeline's pages: a page per year, and a year too large for
/// one page cut into runs of whole months of about equal size.
fn parts(months: &[(Month, usize)], limit: usize) -> Vec<TimelinePart> {
    let room = limit.saturating_sub(PAGE_MARKUP).max(1);
    let mut parts: Vec<TimelinePart> = Vec::new();
    for year in months.chunk_by(|a, b| a.0.year == b.0.year) {
        let total: usize = year.iter().map(|(_, size)| size).sum();
        let target = total / total.div_ceil(room).max(1);
        let mut size = 0;
        for (i, &(month, month_size)) in year.iter().enumerate() {
            match parts.last_mut() {
                Some(part) if i > 0 && size < target && size + month_size <= room => {
                    part.oldest = month;
                    size += month_size;
                }
                _ => {
                    parts.push(TimelinePart {
                        newest: month,
                        oldest: month,
                        first_of_year: i == 0,
                    });
                    size = month_size;
                }
            }
        }
    }
    parts
}

/// Bytes of an area's charts and tables: per chart, per point, per
/// table row and cell (measured on the default theme, rounded up).
fn metrics_size(library: &Library, area: usize) -> usize {
    const CHART: usize = 3000;
    const POINT: usize = 320;
    const ROW: usize = 50;
    const CELL: usize = 90;
    library
        .metrics
        .of(MetricScope::Area(area))
        .iter()
        .map(|(_, values)| {
            let units = values.iter().map(|v| v.unit).collect::<BTreeSet<_>>().len();
            let (first, last) = (values[0].month, values[values.len() - 1].month);
            let months = usize::from(last.year - first.year) * 12 + usize::from(last.month)
                - usize::from(first.month)
                + 1;
            CHART + values.len() * POINT + months * (ROW + units * CELL)
        })
        .sum()
}

/// About the size of a page showing `reports` (only their entries of
/// `area`, on a timeline), no more than the page limit: its buffer is
/// made that large at once. Growing it by doubling copied, in all, as
/// many bytes as the site has.
pub fn page_size_hint(library: &Library, reports: &[usize], area: Option<usize>) -> usize {
    let shown = |r: usize| {
        let report = &library.reports[r];
        match area {
            Some(area) => (0..report.entries.len())
                .filter(|&e| report.entries[e].area == area)
                .map(|e| entry_size(library, report, e))
                .sum(),
            None => report_size(library, report),
        }
    };
    let limit = library.config.max_page_kb.saturating_mul(1024);
    (PAGE_MARKUP + reports.iter().map(|&r| shown(r)).sum::<usize>()).min(PAGE_MARKUP + limit)
}

fn entry_size(library: &Library, report: &Report, e: usize) -> usize {
    report.entries.get(e).map_or(0, |entry| {
        // Shown beside the progress: the plan of the month before.
        let before = match entry.previous {
            Previous::Plan { report, entry } => {
                library.reports[report].entries[entry].plan_html.len()
            }
            _ => 0,
        };
        ENTRY_MARKUP
            + ANCHOR_USES * entry.anchor.len()
            + entry.progress_html.len()
            + entry.plan_html.len()
            + before
    })
}

fn report_size(library: &Library, report: &Report) -> usize {
    report.preamble_html.len()
        + (0..report.entries.len())
            .map(|e| entry_size(library, report, e))
            .sum::<usize>()
}
