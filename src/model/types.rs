//! The model's data: units, work areas, reports and their entries, and
//! the library that holds them in site order.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::links::ReportLink;
use super::metrics;
use super::report::ParsedReport;
use super::{Month, Previous};
use crate::config::SiteConfig;
use crate::diagnostics::Problem;

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    /// Empty for the one unit of a site that names none (see
    /// `render::i18n::unit_name`).
    pub name: String,
    /// site.yaml's `since`: the first month it reports for.
    pub since: Option<Month>,
    /// site.yaml's `until`: the last month it reports for.
    pub until: Option<Month>,
    /// The month of its first report in the site, drafts included (a
    /// draft is a report begun).
    pub first_report: Option<Month>,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub name: String,
}

/// One work area in one report: what was done that month and what was
/// planned next.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `Library::areas`.
    pub area: usize,
    /// The heading as the writer wrote it, numbering stripped.
    pub heading: String,
    /// Its anchor on the month page.
    pub anchor: String,
    pub progress_html: Arc<str>,
    pub plan_html: Arc<str>,
    /// The progress's first line, shortened, for lists.
    pub progress_excerpt: Arc<str>,
    /// What the unit planned for this area the month before.
    pub previous: Previous,
}

/// One unit's report for one month.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file, relative to the site root.
    pub source: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub month: Month,
    /// Index into `Library::units`.
    pub unit: usize,
    pub preamble_html: Arc<str>,
    pub entries: Vec<Entry>,
    /// Where each link to another report leads (see `body::WrittenLink`);
    /// none for a link that leads nowhere (an error).
    pub links: Vec<Option<ReportLink>>,
    /// The pictures and attachments it shows or links, by their paths
    /// from the site root, sorted: published with it (`files`).
    pub files: Vec<String>,
}

/// Everything the site shows, ordered: reports by month, then by unit in
/// configured order.
#[derive(Debug)]
pub struct Library {
    pub config: SiteConfig,
    pub units: Vec<Unit>,
    pub areas: Vec<Area>,
    pub reports: Vec<Report>,
    /// Each month with reports, oldest first, with its reports' indices.
    pub months: BTreeMap<Month, Vec<usize>>,
    /// (unit, month) of the drafts left out of the site: who has started
    /// a report but not submitted it.
    pub drafts: BTreeSet<(usize, Month)>,
    /// The numbers the reports carry, by area, metric, month and unit.
    pub metrics: metrics::Metrics,
}

impl Library {
    /// Indices of the reports that have an entry for `area`, with the entry's
    /// index: newest month first, units in configured order within a month.
    pub fn timeline(&self, area: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for reports in self.months.values().rev() {
            for &r in reports {
                for (e, entry) in self.reports[r].entries.iter().enumerate() {
                    if entry.area == area {
                        found.push((r, e));
                    }
                }
            }
        }
        found
    }
}

pub struct ModelOptions {
    pub drafts: bool,
    /// The files beside the reports, that reports may show or link.
    pub files: crate::load::ContentFiles,
}

/// One report file read: the report, or why it cannot be placed, and its
/// warnings. Cheap to clone (the rendered HTML is shared), so `serve` can
/// keep it and parse only the files that change.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub(super) result: Result<ParsedReport, Vec<Problem>>,
    pub(super) warnings: Vec<Problem>,
}

impl ParsedFile {
    /// A file that could not even be read.
    pub fn unreadable(problem: Problem) -> ParsedFile {
        ParsedFile {
            result: Err(vec![problem]),
            warnings: Vec::new(),
        }
    }
}
