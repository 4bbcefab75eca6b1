//! Reporting status as pages show it: who has reported for a month (the
//! first lines of the home and month pages), and units × months in one
//! table. Which unit is due when is the model's rule (`Unit::expected`).

use serde::Serialize;
use tera::Value;

use super::i18n::{fill_with, month_label, unit_name, year_label};
use super::views::Views;
use crate::model::{Library, Month, Reporting};

/// One unit in a month's status.
#[derive(Serialize)]
pub struct UnitState<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// `submitted`, `draft` or `missing`.
    pub state: &'static str,
    /// Its report, from the site's root, when the report is in the site.
    pub url: Option<String>,
    /// The report's id on the month page (`report-<unit>`), for a link
    /// within a month page that shows every report in full.
    pub anchor: Option<String>,
}

/// Who has reported for a month.
#[derive(Serialize)]
pub struct MonthStatus<'a> {
    pub month: Value,
    /// "17 of 22 units reported", in the site's language.
    pub summary: String,
    pub reported: usize,
    pub expected: usize,
    /// Each report is on a page of its own (see `Layout::month_is_split`).
    pub split: bool,
    /// The units whose report is in the site, in the site's order.
    pub reports: Vec<UnitState<'a>>,
    /// The units that have not submitted: nothing yet, or only a draft.
    pub waiting: Vec<UnitState<'a>>,
}

/// The status of `month`: every unit expected then, or that sent something.
pub fn month_status<'a>(views: &Views<'a>, month: Month) -> MonthStatus<'a> {
    let library = views.library;
    let (mut reports, mut waiting) = (Vec::new(), Vec::new());
    for (u, unit) in library.units.iter().enumerate() {
        let (state, report) = match library.reporting(u, month) {
            Reporting::Submitted(r) => ("submitted", Some(r)),
            Reporting::Draft(r) => ("draft", r),
            Reporting::Missing => ("missing", None),
            Reporting::NotExpected => continue,
        };
        let anchor = ["report-", &unit.id].concat();
        let view = UnitState {
            id: &unit.id,
            name: unit_name(unit, views.strings),
            state,
            url: report.map(|r| [views.page_of(r), "#".into(), anchor.clone()].concat()),
            anchor: report.map(|_| anchor),
        };
        if state != "submitted" {
            waiting.push(UnitState {
                url: view.url.clone(),
                anchor: view.anchor.clone(),
                ..view
            });
            if report.is_none() {
                continue;
            }
        }
        reports.push(view);
    }
    let reported = reports.iter().filter(|u| u.state == "submitted").count();
    let expected = reported + waiting.len();
    let pattern = views
        .strings
        .extra
        .get("status_count")
        .and_then(serde_json::Value::as_str)
        .unwrap_or("{reported} / {expected}");
    MonthStatus {
        month: views.month(month),
        summary: fill_with(
            pattern,
            &[
                ("reported", &reported.to_string()),
                ("expected", &expected.to_string()),
            ],
        ),
        reported,
        expected,
        split: views.layout.month_is_split(month),
        reports,
        waiting,
    }
}

/// A unit's state for one month, as a table cell.
#[derive(Serialize)]
pub struct StatusCell {
    pub label: String,
    /// `submitted`, `draft`, `missing`, or `none` (not expected, or
    /// outside the site's months).
    pub state: &'static str,
    /// The report, when it is in the site.
    pub url: Option<String>,
}

/// Unit `unit`'s cell for `month`.
pub fn cell(views: &Views, unit: usize, month: Month) -> StatusCell {
    let library = views.library;
    let link = |r: usize| {
        let id = &library.units[unit].id;
        Some([views.page_of(r), "#report-".into(), id.clone()].concat())
    };
    let (state, url) = match library.reporting(unit, month) {
        Reporting::Submitted(r) => ("submitted", link(r)),
        Reporting::Draft(r) => ("draft", r.and_then(link)),
        Reporting::Missing => ("missing", None),
        Reporting::NotExpected => ("none", None),
    };
    StatusCell {
        label: month_label(month, views.strings),
        state,
        url,
    }
}

/// Reporting status as one table: a row per unit, a column per month.
#[derive(Serialize)]
pub struct StatusTable<'a> {
    /// The years the columns span, each with its number of columns.
    pub years: Vec<YearSpan>,
    pub months: Vec<MonthColumn>,
    pub rows: Vec<StatusRow<'a>>,
}

#[derive(Serialize)]
pub struct YearSpan {
    pub label: String,
    pub span: usize,
}

#[derive(Serialize)]
pub struct MonthColumn {
    /// `12月`, `Dec`: the column's head.
    pub short: String,
    /// `2025年12月`: for screen readers.
    pub label: String,
    /// Its month page, when it has reports.
    pub url: Option<String>,
}

#[derive(Serialize)]
pub struct StatusRow<'a> {
    pub name: &'a str,
    /// The unit's page, on sites with several units.
    pub url: Option<String>,
    pub cells: Vec<StatusCell>,
}

/// The table of `months` (oldest first). A unit neither expected nor
/// reporting in any of them has no row.
pub fn table<'a>(views: &Views<'a>, months: &[Month]) -> StatusTable<'a> {
    let (library, t) = (views.library, views.strings);
    let mut years: Vec<YearSpan> = Vec::new();
    for pair in months.chunk_by(|a, b| a.year == b.year) {
        years.push(YearSpan {
            label: year_label(pair[0].year, t),
            span: pair.len(),
        });
    }
    let columns = months
        .iter()
        .map(|&month| MonthColumn {
            short: t.month_short[usize::from(month.month - 1)].clone(),
            label: month_label(month, t),
            url: library
                .months
                .contains_key(&month)
                .then(|| views.urls.month(month)),
        })
        .collect();
    let several = library.units.len() > 1;
    let rows = (0..library.units.len())
        .map(|u| StatusRow {
            name: unit_name(&library.units[u], t),
            url: several.then(|| views.urls.unit(&library.units[u].id)),
            cells: months.iter().map(|&m| cell(views, u, m)).collect(),
        })
        .filter(|row| row.cells.iter().any(|c| c.state != "none"))
        .collect();
    StatusTable {
        years,
        months: columns,
        rows,
    }
}

/// The reports of `months`: what a status table of them shows (a draft's
/// mark changes with its report).
pub fn reports_in(library: &Library, months: &[Month]) -> Vec<usize> {
    months
        .iter()
        .filter_map(|m| library.months.get(m))
        .flatten()
        .copied()
        .collect()
}

/// The site's months from `from` to `to`, both included, oldest first.
pub fn months_between(from: Month, to: Month) -> Vec<Month> {
    let mut months = Vec::new();
    let mut month = from;
    while month <= to {
        months.push(month);
        month = month.next();
    }
    months
}

/// The latest twelve months of the site (fewer when it is younger).
pub fn latest_twelve(views: &Views) -> Vec<Month> {
    let library = views.library;
    let (Some(&first), Some(latest)) = (library.months.keys().next(), library.latest_month())
    else {
        return Vec::new();
    };
    let mut from = latest;
    for _ in 0..11 {
        if from <= first {
            break;
        }
        from = from.previous();
    }
    months_between(from.max(first), latest)
}

/// A link to the page of a year's reporting status.
#[derive(Serialize)]
pub struct YearLink {
    pub year: u16,
    pub label: String,
    pub url: String,
}

/// Where the reporting status of `year` is.
pub fn year_folder(year: u16) -> String {
    format!("reporting/{year}")
}

/// Every year of the site, newest first, linked to its status page.
pub fn year_links(views: &Views) -> Vec<YearLink> {
    let library = views.library;
    let (Some(first), Some(latest)) = (library.months.keys().next(), library.latest_month()) else {
        return Vec::new();
    };
    (first.year..=latest.year)
        .rev()
        .map(|year| YearLink {
            year,
            label: year_label(year, views.strings),
            url: views.urls.link(&year_folder(year)),
        })
        .collect()
}
