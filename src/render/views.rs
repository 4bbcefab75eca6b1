//! What templates see: the library turned into plain data. A report's
//! view is made for each page that shows it and dropped with the page:
//! at province scale, holding every report's view at once would double
//! the memory the reports' HTML already takes.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;
use tera::Value;

use super::i18n::{Strings, fill_with, month_label, year_label};
use super::layout::Layout;
use super::status::{self, StatusCell};
use super::urls::Urls;
use crate::config::Download;
use crate::model::{Library, Month, Previous, link_marks};

/// Where report `r`'s Markdown file is copied in the output, to download:
/// beside its month page, named for its unit.
pub fn source_file(library: &Library, r: usize) -> String {
    let report = &library.reports[r];
    format!(
        "months/{}/{}.md",
        report.month, library.units[report.unit].id
    )
}

/// A link to a month, without its reports.
#[derive(Serialize)]
pub struct MonthLink {
    pub key: String,
    pub label: String,
    pub year: u16,
    pub month: u8,
    pub url: String,
    pub report_count: usize,
}

#[derive(Serialize)]
pub struct EntryView<'a> {
    pub number: usize,
    pub area_id: &'a str,
    pub area_name: &'a str,
    /// The entry on its area's timeline.
    pub area_url: String,
    /// The heading as written, when it differs from the area's name.
    pub heading: Option<&'a str>,
    pub anchor: &'a str,
    /// The entry in full: on its month page, or on its unit's page for
    /// the month when the month is split.
    pub url: String,
    pub progress_html: Cow<'a, str>,
    pub plan_html: Cow<'a, str>,
    pub excerpt: &'a str,
    /// What the unit planned for this area the month before.
    pub previous: PreviousView<'a>,
}

/// The month before's plan for an entry, or why there is none.
#[derive(Serialize)]
pub struct PreviousView<'a> {
    /// `plan`, `first` (the unit's first report), `gap` (no report the
    /// month before) or `not_listed` (a report without this area).
    pub state: &'static str,
    /// The month before.
    pub month_label: String,
    pub plan_html: Cow<'a, str>,
    /// That plan's entry in full, when there is one.
    pub url: Option<String>,
}

#[derive(Serialize)]
pub struct ReportView<'a> {
    pub id: String,
    pub unit_id: &'a str,
    pub unit_name: &'a str,
    pub unit_url: Option<String>,
    pub title: String,
    pub summary: Option<&'a str>,
    pub month: Value,
    /// The report in full (see `EntryView::url`).
    pub url: String,
    /// The report on its month page (in full, or summarised when split).
    pub month_url: String,
    /// The report's Markdown file as written, to download, when the site
    /// offers it (`downloads` in site.yaml).
    pub source_url: Option<String>,
    /// The report as a Word file, to download, when the site offers it.
    pub word_url: Option<String>,
    pub source: &'a str,
    pub draft: bool,
    pub preamble_html: Cow<'a, str>,
    pub entries: Vec<EntryView<'a>>,
    /// Feed timestamp: the first day of the report's month.
    pub updated: String,
}

/// All views, as tera values. Month links are made at once; a report's
/// view when a page that shows it is rendered.
pub struct Views<'l> {
    /// Per month (oldest first): its link.
    pub month_links: Vec<(Month, Value)>,
    /// Per report, once made: the report as its timeline entries show it
    /// (without entries, summary or preamble), the same for each entry.
    timeline_heads: Vec<std::sync::OnceLock<Value>>,
    pub library: &'l Library,
    pub urls: &'l Urls,
    pub layout: &'l Layout,
    /// The theme's words in the site's language.
    pub strings: &'l Strings,
}

pub fn build<'l>(
    library: &'l Library,
    urls: &'l Urls,
    layout: &'l Layout,
    strings: &'l Strings,
) -> Views<'l> {
    let month_links: Vec<(Month, Value)> = library
        .months
        .iter()
        .map(|(month, reports)| {
            (
                *month,
                Value::from_serializable(&month_link(*month, reports.len(), strings, urls)),
            )
        })
        .collect();
    Views {
        month_links,
        timeline_heads: library
            .reports
            .iter()
            .map(|_| std::sync::OnceLock::new())
            .collect(),
        library,
        urls,
        layout,
        strings,
    }
}

impl Views<'_> {
    /// The link to `month`, or none.
    pub fn month(&self, month: Month) -> Value {
        self.month_links
            .binary_search_by_key(&month, |(m, _)| *m)
            .map(|i| self.month_links[i].1.clone())
            .unwrap_or_else(|_| Value::none())
    }

    /// The page that shows report `r` in full: its month's, or its own
    /// when the month is split.
    pub fn page_of(&self, r: usize) -> String {
        let report = &self.library.reports[r];
        if self.layout.month_is_split(report.month) {
            self.urls
                .unit_month(&self.library.units[report.unit].id, report.month)
        } else {
            self.urls.month(report.month)
        }
    }

    /// Report `r`'s view.
    pub fn report(&self, r: usize) -> Value {
        Value::from_serializable(&report_view(self, r, Entries::All))
    }

    /// Report `r` for lists (the index, unit pages, a split month's
    /// digest): its entries without their text, which those pages do not
    /// show. Copying every report's HTML into them cost a tenth of a
    /// 6,000-report build.
    pub fn report_brief(&self, r: usize) -> Value {
        let mut view = report_view(self, r, Entries::All);
        view.preamble_html = Cow::Borrowed("");
        for entry in &mut view.entries {
            entry.progress_html = Cow::Borrowed("");
            entry.plan_html = Cow::Borrowed("");
            entry.previous.plan_html = Cow::Borrowed("");
        }
        Value::from_serializable(&view)
    }

    /// Entry `e` of report `r` on a timeline: the month, the report
    /// without its entries, and the entry. The report part is made once
    /// per report: each of its entries is on a timeline. `later`: the
    /// entry of the page that shows this entry's plan as the plan of the
    /// month before (see `plans_shown_later`); then the template leaves
    /// this entry's plan out and points there (`plan_later`).
    pub fn timeline_item(&self, r: usize, e: usize, later: Option<(usize, usize)>) -> Value {
        let report = &self.library.reports[r];
        let head = self.timeline_heads[r].get_or_init(|| {
            let mut head = report_view(self, r, Entries::None);
            // A timeline shows one area of the report, not the report's own
            // words: then an edit to those renders no timeline again (serve).
            head.summary = None;
            head.preamble_html = Cow::Borrowed("");
            Value::from_serializable(&head)
        });
        let entry = (e < report.entries.len()).then(|| {
            let page_url = self.page_of(r);
            entry_view(self, r, e, &page_url, &report.month.to_string())
        });
        // The plan stays in the entry's view: a site's own
        // timeline_entry.html, unaware of `plan_later`, still shows it.
        let plan_later = later.map(|(r, e)| self.plan_later(r, e));
        let mut item = tera::Map::new();
        item.insert("month".into(), self.month(report.month));
        item.insert("report".into(), head.clone());
        item.insert("entry".into(), Value::from_serializable(&entry));
        item.insert("plan_later".into(), Value::from_serializable(&plan_later));
        Value::from(item)
    }

    /// The pointer an entry leaves where its plan was: to entry `e` of
    /// report `r`, the next month's, on the same page.
    fn plan_later(&self, r: usize, e: usize) -> PlanLater {
        let report = &self.library.reports[r];
        let month = report.month.to_string();
        let pattern = (self.strings.extra.get("plan_shown_later"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or("{month}");
        PlanLater {
            label: fill_with(
                pattern,
                &[("month", &month_label(report.month, self.strings))],
            ),
            anchor: [&month, "_", &report.entries[e].anchor].concat(),
        }
    }
}

/// Where a timeline page shows an entry's plan when the entry itself does
/// not: beside the next month's progress, as that month's 上月计划.
#[derive(Serialize)]
pub struct PlanLater {
    /// `下一步推进计划见2025年12月`.
    pub label: String,
    /// The id of that entry on the page.
    pub anchor: String,
}

/// On a timeline page showing `entries`: each entry whose plan another
/// entry of the page shows as the plan of the month before (the same
/// unit's entry of the area in the month after), and that entry. Printed
/// there, beside what was then done, a plan need not be printed in its
/// own entry too: each plan once, the timelines a sixth smaller (issue
/// 19). An entry whose next month is not on the page (the latest, before
/// a gap or a report without the area, a December whose January is on the
/// next year's page) keeps its plan.
pub fn plans_shown_later(
    library: &Library,
    entries: &[(usize, usize)],
) -> HashMap<(usize, usize), (usize, usize)> {
    let mut later = HashMap::new();
    for &(r, e) in entries {
        if let Some(Previous::Plan { report, entry }) = library.reports[r]
            .entries
            .get(e)
            .map(|entry| entry.previous)
        {
            // The first on the page, should two entries answer one plan.
            later.entry((report, entry)).or_insert((r, e));
        }
    }
    later
}

/// Which entries a report's view has.
#[derive(Clone, Copy)]
enum Entries {
    All,
    None,
}

/// Report `r`'s view, with all its entries or none.
fn report_view<'l>(views: &Views<'l>, r: usize, entries: Entries) -> ReportView<'l> {
    let (library, urls) = (views.library, views.urls);
    let several_units = library.units.len() > 1;
    let report = &library.reports[r];
    let unit = &library.units[report.unit];
    let month_url = urls.month(report.month);
    let month_key = report.month.to_string();
    let page_url = views.page_of(r);
    let entries = match entries {
        Entries::All => (0..report.entries.len())
            .map(|i| entry_view(views, r, i, &page_url, &month_key))
            .collect(),
        Entries::None => Vec::new(),
    };
    ReportView {
        id: ["report-", &unit.id].concat(),
        unit_id: &unit.id,
        unit_name: &unit.name,
        unit_url: several_units.then(|| urls.unit(&unit.id)),
        title: match &report.title {
            // Several units write the same title: say whose it is.
            Some(title) if several_units && !title.contains(unit.name.as_str()) => {
                format!("{} · {title}", unit.name)
            }
            Some(title) => title.clone(),
            None => default_title(report.month, &unit.name, several_units, views.strings),
        },
        summary: report.summary.as_deref(),
        month: views.month(report.month),
        url: [&page_url, "#report-", &unit.id].concat(),
        month_url: [&month_url, "#report-", &unit.id].concat(),
        source_url: (library.config)
            .offers(Download::Markdown)
            .then(|| source_file(library, r)),
        word_url: (library.config)
            .offers(Download::Word)
            .then(|| super::word::report_path(library, r)),
        source: &report.source,
        draft: report.draft,
        preamble_html: linked(views, r, &report.preamble_html),
        entries,
        updated: [&month_key, "-01T00:00:00Z"].concat(),
    }
}

/// Entry `i` of report `r`, whose page is `page_url` and month `month_key`.
fn entry_view<'l>(
    views: &Views<'l>,
    r: usize,
    i: usize,
    page_url: &str,
    month_key: &str,
) -> EntryView<'l> {
    let (library, urls, layout) = (views.library, views.urls, views.layout);
    let report = &library.reports[r];
    let entry = &report.entries[i];
    let area = &library.areas[entry.area];
    let timeline = match layout.timeline_folder(entry.area, &area.id, report.month) {
        Some(folder) => urls.link(&folder),
        None => urls.area(&area.id),
    };
    EntryView {
        number: i + 1,
        area_id: &area.id,
        area_name: &area.name,
        area_url: [&timeline, "#", month_key, "_", &entry.anchor].concat(),
        heading: (entry.heading != area.name).then_some(entry.heading.as_str()),
        anchor: &entry.anchor,
        url: [page_url, "#", &entry.anchor].concat(),
        progress_html: linked(views, r, &entry.progress_html),
        plan_html: linked(views, r, &entry.plan_html),
        excerpt: &entry.progress_excerpt,
        previous: previous_view(views, report.month, entry.previous),
    }
}

/// Report `r`'s HTML with its links to other reports pointing at their
/// pages, now that they are known.
fn linked<'l>(views: &Views<'l>, r: usize, html: &'l str) -> Cow<'l, str> {
    let library = views.library;
    let report = &library.reports[r];
    if report.links.is_empty() {
        return Cow::Borrowed(html);
    }
    link_marks::fill_links(html, |i| {
        let link = report.links.get(i)?;
        Some(link.as_ref().map_or_else(String::new, |link| {
            let target = &library.reports[link.report];
            let page = views.page_of(link.report);
            match &link.anchor {
                Some(anchor) => link_marks::from_root(format_args!("{page}#{anchor}")),
                None => link_marks::from_root(format_args!(
                    "{page}#report-{}",
                    library.units[target.unit].id
                )),
            }
        }))
    })
}

fn previous_view<'l>(views: &Views<'l>, month: Month, previous: Previous) -> PreviousView<'l> {
    let library = views.library;
    let label = |m: Month| month_label(m, views.strings);
    let before = label(month.previous());
    let (state, plan_html, url) = match previous {
        Previous::First => ("first", Cow::Borrowed(""), None),
        Previous::Gap(_) => ("gap", Cow::Borrowed(""), None),
        Previous::NotListed(r) => (
            "not_listed",
            Cow::Borrowed(""),
            Some(format!(
                "{}#report-{}",
                views.page_of(r),
                library.units[library.reports[r].unit].id
            )),
        ),
        Previous::Plan { report, entry } => {
            let written = &library.reports[report].entries[entry];
            (
                "plan",
                linked(views, report, &written.plan_html),
                Some([&views.page_of(report), "#", &written.anchor].concat()),
            )
        }
    };
    PreviousView {
        state,
        month_label: before,
        plan_html,
        url,
    }
}

fn month_link(month: Month, report_count: usize, t: &Strings, urls: &Urls) -> MonthLink {
    MonthLink {
        key: month.to_string(),
        label: month_label(month, t),
        year: month.year,
        month: month.month,
        url: urls.month(month),
        report_count,
    }
}

pub(crate) fn default_title(month: Month, unit: &str, several_units: bool, t: &Strings) -> String {
    let label = month_label(month, t);
    if several_units {
        fill_with(&t.unit_report_title, &[("unit", unit), ("month", &label)])
    } else {
        fill_with(&t.report_title, &[("month", &label)])
    }
}

/// The years × months grid of the index, newest year first.
#[derive(Serialize)]
pub struct YearRow {
    pub year: u16,
    pub label: String,
    pub months: Vec<Value>,
}

pub fn year_grid(views: &Views) -> Vec<YearRow> {
    let mut years: Vec<u16> = views.month_links.iter().map(|(m, _)| m.year).collect();
    years.dedup();
    years
        .into_iter()
        .rev()
        .map(|year| YearRow {
            year,
            label: year_label(year, views.strings),
            months: (1..=12)
                .map(|month| {
                    views
                        .month_links
                        .iter()
                        .find(|(m, _)| *m == Month { year, month })
                        .map(|(_, v)| v.clone())
                        .unwrap_or_else(|| Value::from_serializable(&month))
                })
                .collect(),
        })
        .collect()
}

/// A unit's reporting record, a row per year: for every month from the
/// site's first to its latest, submitted, draft, missing, or blank where
/// the unit was not expected.
#[derive(Serialize)]
pub struct SubmissionYear {
    pub year: u16,
    pub label: String,
    pub cells: Vec<StatusCell>,
}

pub fn submissions(views: &Views, unit: usize) -> Vec<SubmissionYear> {
    let (library, t) = (views.library, views.strings);
    let (Some(first), Some(latest)) = (
        library.months.keys().next().copied(),
        library.months.keys().next_back().copied(),
    ) else {
        return Vec::new();
    };
    (first.year..=latest.year)
        .rev()
        .map(|year| SubmissionYear {
            year,
            label: year_label(year, t),
            cells: (1..=12)
                .map(|m| {
                    let month = Month { year, month: m };
                    if month < first || month > latest {
                        StatusCell {
                            label: month_label(month, t),
                            state: "none",
                            url: None,
                        }
                    } else {
                        status::cell(views, unit, month)
                    }
                })
                .collect(),
        })
        .collect()
}
