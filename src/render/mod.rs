//! Stage 3, render: the library through Tera templates into pages. Pure:
//! returns the files to write, writes nothing.

mod chart;
mod i18n;
mod layout;
mod metrics;
mod numbers;
mod plain;

pub use i18n::month_label;
pub use plain::text_of as plain_text;
pub mod search;
mod spreadsheet;
mod templates;
mod urls;
mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::diagnostics::{Problem, Problems};
use crate::load::Theme;
use crate::model::metrics::MetricScope;
use crate::model::{Library, Month, Previous};
use i18n::year_label;
use layout::Layout;
use spreadsheet::text_cell;
use urls::{Urls, file_of, root_of};
use views::Views;

/// A file of the built site, by its path in the output.
#[derive(Debug)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One page to render: where, with which template, which reports it shows
/// (so an edit re-renders only the pages that show the edited report), and
/// how to fill its context, called only if the page is rendered.
struct Job<'a> {
    path: String,
    /// The way back to the top of the site from the page.
    root: String,
    template: &'static str,
    reports: Vec<usize>,
    /// The work area whose timeline (or part of it) the page is.
    timeline_of: Option<usize>,
    fill: Filler<'a>,
}

type Filler<'a> = Box<dyn Fn(&mut Context) + Send + Sync + 'a>;

/// A page of the site at `folder`, with its `root` and `page_url`.
fn page_job<'a>(
    urls: &Urls,
    folder: &str,
    template: &'static str,
    reports: Vec<usize>,
    fill: Filler<'a>,
) -> Job<'a> {
    let path = file_of(folder);
    let root = root_of(&path);
    let page_url = urls.link(folder);
    Job {
        path,
        root: root.clone(),
        template,
        reports,
        timeline_of: None,
        fill: Box::new(move |c: &mut Context| {
            c.insert("root", &root);
            c.insert("page_url", &page_url);
            fill(c);
        }),
    }
}

/// A page as `render_selected` describes it to its caller's choice.
pub struct PageInfo<'a> {
    pub path: &'a str,
    /// Indices into `Library::reports` of the reports the page shows.
    pub reports: &'a [usize],
    /// The work area, when the page is (part of) its timeline: it shows
    /// only that area of each report.
    pub timeline_of: Option<usize>,
}

/// The pages rendered, and the paths of every page of the site.
pub struct Rendered {
    pub pages: Vec<Page>,
    pub all_paths: Vec<String>,
}

/// A work area or a unit in a list: how many months it has, and the latest.
#[derive(Serialize, Hash)]
struct Summary {
    id: String,
    name: String,
    url: String,
    month_count: usize,
    latest: Option<String>,
}

#[derive(Serialize)]
struct YearGroup {
    year: u16,
    label: String,
    items: Vec<Value>,
}

/// An area's timeline page: all of it, or a part of a split one.
struct TimelinePage<'a> {
    area: usize,
    /// (report, entry) pairs, newest first.
    entries: &'a [(usize, usize)],
    /// When split: every part, and which this page shows. The area's own
    /// page shows the first part, but is titled by the area alone.
    split: Option<(&'a [layout::TimelinePart], usize, bool)>,
}

impl<'a> TimelinePage<'a> {
    fn whole(area: usize, timeline: &'a [(usize, usize)]) -> Self {
        TimelinePage {
            area,
            entries: timeline,
            split: None,
        }
    }

    /// Part `shown` of the split timeline of `area` (the area's own page
    /// when `own`).
    fn part(
        library: &Library,
        area: usize,
        timeline: &'a [(usize, usize)],
        parts: &'a [layout::TimelinePart],
        shown: usize,
        own: bool,
    ) -> Self {
        let part = parts[shown];
        let month_of = |&(r, _): &(usize, usize)| library.reports[r].month;
        // Newest first: the part's entries are one run.
        let start = timeline.partition_point(|e| month_of(e) > part.newest);
        let end = timeline.partition_point(|e| month_of(e) >= part.oldest);
        TimelinePage {
            area,
            entries: &timeline[start..end.max(start)],
            split: Some((parts, shown, own)),
        }
    }

    fn reports(&self) -> Vec<usize> {
        let mut reports: Vec<usize> = self.entries.iter().map(|(r, _)| *r).collect();
        reports.dedup();
        reports
    }

    fn filler(
        self,
        library: &'a Library,
        urls: &'a Urls,
        views: &'a Views,
        areas: &'a Value,
        timeline: &'a [(usize, usize)],
    ) -> Filler<'a> {
        let language = library.config.language;
        Box::new(move |c| {
            // The charts span every month: they belong on the area's own
            // page, not on each year's.
            let own = self.split.is_none_or(|(_, _, own)| own);
            let scope = MetricScope::Area(self.area);
            if own && !library.metrics.of(scope).is_empty() {
                let t = i18n::strings(language);
                c.insert("metrics", &metrics::charts(library, scope, &t));
                c.insert("metrics_csv_url", &metrics::csv_path(library, scope));
            }
            let items = self
                .entries
                .iter()
                .map(|&(r, e)| (library.reports[r].month.year, views.timeline_item(r, e)));
            c.insert_value(
                "area",
                areas
                    .as_array()
                    .and_then(|list| list.get(self.area))
                    .cloned()
                    .unwrap_or_else(Value::none),
            );
            c.insert("years", &group_by_year(items, language));
            if let Some((parts, shown, own)) = self.split {
                let nav = part_navigation(library, urls, self.area, timeline, parts, shown);
                c.insert("part_label", &(!own).then_some(nav.label));
                c.insert("year_pages", &nav.years);
                c.insert("year_parts", &nav.year_parts);
            }
            let all = areas.as_array().unwrap_or_default();
            let shown = nearby(all.len(), self.area, AREA_NAVIGATION_MAX);
            c.insert("area_count", &all.len());
            c.insert_value("areas", Value::from(all[shown].to_vec()));
        })
    }
}

/// How many areas an area's page lists in its navigation: all of them on
/// any real site; on one of thousands, those around it, and a link to the
/// list of all (listing every area on every area's page made such a site
/// grow with the square of its areas: 2,000 areas, 294 MB).
const AREA_NAVIGATION_MAX: usize = 40;

/// Which of `count` items a list of at most `max` shows around `current`.
fn nearby(count: usize, current: usize, max: usize) -> std::ops::Range<usize> {
    if count <= max {
        return 0..count;
    }
    let start = current.saturating_sub(max / 2).min(count - max);
    start..start + max
}

/// A page of a split timeline, as the navigation lists it.
#[derive(Serialize)]
struct PartLink {
    label: String,
    url: String,
    entry_count: usize,
    current: bool,
}

struct PartNavigation {
    /// The shown part's year, or its months when its year has several parts.
    label: String,
    /// Every year, and the parts of the shown part's year.
    years: Vec<PartLink>,
    year_parts: Vec<PartLink>,
}

fn part_navigation(
    library: &Library,
    urls: &Urls,
    area: usize,
    timeline: &[(usize, usize)],
    parts: &[layout::TimelinePart],
    shown: usize,
) -> PartNavigation {
    let language = library.config.language;
    let id = &library.areas[area].id;
    let month_of = |&(r, _): &(usize, usize)| library.reports[r].month;
    let count =
        |holds: &dyn Fn(Month) -> bool| timeline.iter().filter(|e| holds(month_of(e))).count();
    let this = parts[shown];
    let year = this.newest.year;
    let years = parts
        .iter()
        .filter(|part| part.first_of_year)
        .map(|part| PartLink {
            label: year_label(part.newest.year, language),
            url: urls.link(&part.folder(id)),
            entry_count: count(&|m| m.year == part.newest.year),
            current: part.newest.year == year,
        })
        .collect();
    let same_year: Vec<&layout::TimelinePart> =
        parts.iter().filter(|p| p.newest.year == year).collect();
    let range =
        |part: &layout::TimelinePart| i18n::month_range_label(part.newest, part.oldest, language);
    let several = same_year.len() > 1;
    let year_parts = if several {
        same_year
            .iter()
            .map(|part| PartLink {
                label: range(part),
                url: urls.link(&part.folder(id)),
                entry_count: count(&|m| part.holds(m)),
                current: **part == this,
            })
            .collect()
    } else {
        Vec::new()
    };
    PartNavigation {
        label: if several {
            range(&this)
        } else {
            year_label(year, language)
        },
        years,
        year_parts,
    }
}

/// Each report's Markdown file and where the output has a copy of it:
/// `(output path, source path)`. Render writes no file itself: the build
/// copies them.
pub fn source_copies(library: &Library) -> Vec<(String, &str)> {
    (0..library.reports.len())
        .map(|r| {
            (
                views::source_file(library, r),
                library.reports[r].source.as_str(),
            )
        })
        .collect()
}

/// Renders the pages `select` picks, in memory.
pub fn render_selected(
    library: &Library,
    theme: &Theme,
    search_cache: &search::Cache,
    select: &(dyn Fn(&PageInfo) -> bool + Sync),
) -> Result<Rendered, Problems> {
    let pages = std::sync::Mutex::new(Vec::new());
    let all_paths = render_each(library, theme, search_cache, select, &|page| {
        pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(page);
        Ok(())
    })?;
    let mut pages = pages
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(Rendered { pages, all_paths })
}

/// Renders the pages `select` picks, in parallel, handing each to `emit`
/// as soon as it is made (a build writes it and lets it go: the whole
/// site is never held in memory). Returns the paths of every page.
pub fn render_each(
    library: &Library,
    theme: &Theme,
    search_cache: &search::Cache,
    select: &(dyn Fn(&PageInfo) -> bool + Sync),
    emit: &(dyn Fn(Page) -> Result<(), Problem> + Sync),
) -> Result<Vec<String>, Problems> {
    let templates = &theme.templates;
    let mut tera = templates::compile(templates)?;
    let urls = Urls {
        pretty: library.config.pretty_urls,
    };
    let structure = Structure::of(library, &urls);
    let views = views::build(library, &urls, &structure.layout);
    let language = library.config.language;
    let several_units = library.units.len() > 1;
    let globals = tera.global_context();
    globals.insert("t", &i18n::strings(language));
    globals.insert("site", &site_view(library, &urls, several_units));
    let link = |key: &Option<String>| {
        key.as_ref()
            .and_then(|k| Month::parse(k))
            .map(|m| views.month(m))
    };
    // Summaries as template values, their latest month as a link.
    let with_links = |list: &[Summary]| -> Value {
        let items: Vec<Value> = list
            .iter()
            .map(|s| {
                let mut map = tera::Map::new();
                map.insert("id".into(), s.id.as_str().into());
                map.insert("name".into(), s.name.as_str().into());
                map.insert("url".into(), s.url.as_str().into());
                map.insert("month_count".into(), (s.month_count as u64).into());
                map.insert("latest".into(), link(&s.latest).into());
                Value::from(map)
            })
            .collect();
        Value::from(items)
    };
    let areas_value = with_links(&structure.areas);
    let units_value = with_links(&structure.units);
    // A month's reports; `brief` for pages that list them without text.
    let reports_of = |month: &Month, brief: bool| -> Value {
        Value::from(
            library.months[month]
                .iter()
                .map(|&r| {
                    if brief {
                        views.report_brief(r)
                    } else {
                        views.report(r)
                    }
                })
                .collect::<Vec<_>>(),
        )
    };

    let latest = library.months.keys().next_back().copied();
    let mut jobs: Vec<Job> = Vec::new();
    macro_rules! job {
        ($($arg:expr),* $(,)?) => {
            jobs.push(page_job(&urls, $($arg),*))
        };
    }
    // The index: the latest month at a glance, the grid, the areas.
    let latest_reports = latest
        .map(|m| library.months[&m].clone())
        .unwrap_or_default();
    job!(
        "",
        "index.html",
        latest_reports,
        Box::new(|c| {
            if let Some(month) = latest {
                c.insert_value("latest_month", views.month(month));
                c.insert_value("latest_reports", reports_of(&month, true));
            }
            c.insert("years", &views::year_grid(&views, language));
            c.insert_value("areas", areas_value.clone());
            c.insert_value("units", units_value.clone());
            let submissions: Vec<UnitSubmissions> = (0..library.units.len())
                .map(|u| UnitSubmissions {
                    name: &library.units[u].name,
                    url: several_units.then(|| urls.unit(&library.units[u].id)),
                    grid: views::submissions(&views, u),
                })
                .collect();
            c.insert("submissions", &submissions);
            let t = i18n::strings(language);
            let chart_url = |scope: MetricScope, metric: usize| {
                let page = match scope {
                    MetricScope::Report => urls.link(""),
                    MetricScope::Area(a) => urls.area(&library.areas[a].id),
                };
                format!("{page}#{}", metrics::chart_id(library, scope, metric))
            };
            c.insert("metric_latest", &metrics::latest(library, &chart_url, &t));
            if !library.metrics.of(MetricScope::Report).is_empty() {
                c.insert(
                    "metrics",
                    &metrics::charts(library, MetricScope::Report, &t),
                );
                c.insert(
                    "metrics_csv_url",
                    &metrics::csv_path(library, MetricScope::Report),
                );
            }
        })
    );

    // Months: the archive, then one page per month.
    job!(
        "months",
        "months.html",
        Vec::new(),
        Box::new(|c| {
            let by_year = group_by_year(
                views
                    .month_links
                    .iter()
                    .rev()
                    .map(|(m, v)| (m.year, v.clone())),
                language,
            );
            c.insert("years", &by_year);
        })
    );
    for (i, (month, link)) in views.month_links.iter().enumerate() {
        let views = &views;
        let split = structure.layout.month_is_split(*month);
        let print_url = (!split).then(|| urls.link(&format!("months/{month}/print")));
        let csv_url = month_csv_path(*month);
        job!(
            &format!("months/{month}"),
            "month.html",
            library.months[month].clone(),
            Box::new(move |c| {
                c.insert_value("month", link.clone());
                c.insert_value("reports", reports_of(month, split));
                c.insert("split", &split);
                c.insert("print_url", &print_url);
                c.insert("csv_url", &csv_url);
                c.insert_value(
                    "previous",
                    i.checked_sub(1)
                        .map(|p| views.month_links[p].1.clone())
                        .into(),
                );
                c.insert_value(
                    "next",
                    views.month_links.get(i + 1).map(|(_, v)| v.clone()).into(),
                );
            })
        );
        if !split {
            // The month as a table for paper.
            let back_url = urls.month(*month);
            job!(
                &format!("months/{month}/print"),
                "print.html",
                library.months[month].clone(),
                Box::new(move |c| {
                    c.insert_value("month", link.clone());
                    c.insert_value("reports", reports_of(month, false));
                    c.insert("back_url", &back_url);
                    c.insert("back_label", &i18n::month_label(*month, language));
                })
            );
            continue;
        }
        // A month too large for one page: each unit's report on its own
        // (each prints as it is: a table of the whole month would be as
        // large as the month page).
        for &r in &library.months[month] {
            let unit = &library.units[library.reports[r].unit];
            job!(
                &format!("units/{}/{month}", unit.id),
                "unit_month.html",
                vec![r],
                Box::new(move |c| {
                    c.insert_value("month", link.clone());
                    c.insert_value("report", views.report(r));
                })
            );
        }
    }

    // Work areas: the list, then each area's timeline.
    job!(
        "areas",
        "areas.html",
        Vec::new(),
        Box::new(|c| c.insert_value("areas", areas_value.clone()))
    );
    for (a, timeline) in structure.timelines.iter().enumerate() {
        let id = &library.areas[a].id;
        let Some(parts) = &structure.layout.area_parts[a] else {
            let page = TimelinePage::whole(a, timeline);
            job!(
                &format!("areas/{id}"),
                "area.html",
                page.reports(),
                page.filler(library, &urls, &views, &areas_value, timeline)
            );
            if let Some(job) = jobs.last_mut() {
                job.timeline_of = Some(a);
            }
            continue;
        };
        // Too large for one page: a page per year (or per run of months
        // of a large year), the area's own page showing the newest.
        let pages = std::iter::once((format!("areas/{id}"), 0, true)).chain(
            parts
                .iter()
                .enumerate()
                .map(|(i, part)| (part.folder(id), i, false)),
        );
        for (folder, i, own) in pages {
            let page = TimelinePage::part(library, a, timeline, parts, i, own);
            job!(
                &folder,
                "area.html",
                page.reports(),
                page.filler(library, &urls, &views, &areas_value, timeline)
            );
            if let Some(job) = jobs.last_mut() {
                job.timeline_of = Some(a);
            }
        }
    }

    // Units, when there are several.
    if several_units {
        job!(
            "units",
            "units.html",
            Vec::new(),
            Box::new(|c| c.insert_value("units", units_value.clone()))
        );
        for (u, unit) in library.units.iter().enumerate() {
            let (views, units_value) = (&views, &units_value);
            let reports: Vec<usize> = (0..library.reports.len())
                .rev()
                .filter(|r| library.reports[*r].unit == u)
                .collect();
            job!(
                &format!("units/{}", unit.id),
                "unit.html",
                reports.clone(),
                Box::new(move |c| {
                    let items = reports
                        .iter()
                        .map(|&r| (library.reports[r].month.year, views.report_brief(r)));
                    c.insert_value(
                        "unit",
                        units_value
                            .as_array()
                            .and_then(|list| list.get(u))
                            .cloned()
                            .unwrap_or_else(Value::none),
                    );
                    c.insert("years", &group_by_year(items, language));
                    c.insert("grid", &views::submissions(views, u));
                })
            );
        }
    }
    // Search: its page, and the index it reads.
    job!(
        "search",
        "search.html",
        Vec::new(),
        Box::new(|c| {
            c.insert_value("areas", areas_value.clone());
            c.insert_value("units", units_value.clone());
            let mut years: Vec<u16> = library.months.keys().map(|m| m.year).collect();
            years.dedup();
            years.reverse();
            c.insert("years", &years);
        })
    );
    special_jobs(library, &views, &urls, theme, &mut jobs);
    // A page that shows an entry shows the plan of the month before beside
    // it: the reports of those plans are shown there too (an edit to one
    // re-renders the page in `serve`).
    for job in &mut jobs {
        with_previous_plans(library, &mut job.reports);
    }

    let mut all_paths: Vec<String> = jobs.iter().map(|j| j.path.clone()).collect();
    let search_index = search::Plan::of(library);
    let search_files = search_index.files();
    all_paths.extend(search_files.iter().map(|f| f.path.clone()));
    // Each month as a table for spreadsheets.
    all_paths.extend(library.months.keys().map(|month| month_csv_path(*month)));
    // Each area's numbers (and the whole reports'), for spreadsheets.
    let metric_sheets: Vec<(String, MetricScope)> = library
        .metrics
        .scopes()
        .into_iter()
        .map(|scope| (metrics::csv_path(library, scope), scope))
        .collect();
    all_paths.extend(metric_sheets.iter().map(|(path, _)| path.clone()));
    // Ids are checked, so two pages cannot share a path; if a bug made
    // them, one page must not silently replace the other.
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = all_paths.iter().find(|path| !seen.insert(path.as_str())) {
        return Err(Problems(vec![Problem::error(
            crate::diagnostics::ProblemKind::Output(format!(
                "two pages would be written to {twice}"
            )),
        )]));
    }
    let strings = i18n::strings(language);
    // A month's CSV is written from the plain text the search index reads
    // (making it twice was a twentieth of a build); those the index did
    // not read (serve, after an edit) are made afterwards.
    let sheet_wanted = |path: &str, reports: &[usize]| {
        select(&PageInfo {
            path,
            reports,
            timeline_of: None,
        })
    };
    let sheets_made = std::sync::Mutex::new(std::collections::BTreeSet::new());
    let sheet_problems = std::sync::Mutex::new(Vec::new());
    let write_sheet = |month: Month, texts: Option<&search::MonthTexts>| {
        let (path, reports) = (month_csv_path(month), &library.months[&month]);
        if !sheet_wanted(&path, reports) {
            return;
        }
        let bytes = month_csv(library, reports, month, &strings, texts);
        let result = emit(Page { path, bytes });
        sheets_made
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(month);
        if let Err(problem) = result {
            sheet_problems
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(problem);
        }
    };
    let metric_sheet_problems: Vec<Problem> = metric_sheets
        .par_iter()
        .filter(|(path, _)| {
            select(&PageInfo {
                path,
                reports: &[],
                timeline_of: None,
            })
        })
        .filter_map(|(path, scope)| {
            emit(Page {
                path: path.clone(),
                bytes: metrics::csv(library, *scope, &strings),
            })
            .err()
        })
        .collect();
    // The files that depend on every report are wanted together.
    let every_report: Vec<usize> = (0..library.reports.len()).collect();
    let whole_index = select(&PageInfo {
        path: "search/index.js",
        reports: &every_report,
        timeline_of: None,
    });
    let search_wanted: Vec<bool> = search_files
        .iter()
        .map(|f| {
            let reports = f.reports.as_deref().unwrap_or_default();
            (f.reports.is_none() && whole_index)
                || select(&PageInfo {
                    path: &f.path,
                    reports,
                    timeline_of: None,
                })
        })
        .collect();
    // Files wanted whether or not their bytes change (a build: all).
    let search_missing: Vec<bool> = search_files
        .iter()
        .map(|f| {
            select(&PageInfo {
                path: &f.path,
                reports: &[],
                timeline_of: None,
            })
        })
        .collect();
    let search_problems = std::sync::Mutex::new(Vec::new());
    let render_pages = || -> Vec<Problem> {
        jobs.par_iter()
            .filter(|job| {
                select(&PageInfo {
                    path: &job.path,
                    reports: &job.reports,
                    timeline_of: job.timeline_of,
                })
            })
            .filter_map(|job| {
                let mut context = Context::new();
                (job.fill)(&mut context);
                let mut bytes = Vec::with_capacity(layout::page_size_hint(
                    library,
                    &job.reports,
                    job.timeline_of,
                ));
                let page = tera
                    .render_to(job.template, &context, &mut bytes)
                    .map(|()| Page {
                        path: job.path.clone(),
                        bytes: with_root(bytes, job, library),
                    })
                    .map_err(|err| templates::problem(job.template, &err, templates));
                page.and_then(emit).err()
            })
            .collect()
    };
    let write_search = || {
        if search_wanted.contains(&true) {
            search_index.write(
                library,
                &views,
                search_cache,
                &|i| search_wanted[i],
                &|i| search_missing[i],
                &|path, bytes| {
                    if let Err(problem) = emit(Page { path, bytes }) {
                        search_problems
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .push(problem);
                    }
                },
                &|month, texts| write_sheet(month, Some(texts)),
            );
        }
    };
    // The index and the pages are made side by side: each alone leaves a
    // core idle at its end.
    let (results, ()) = rayon::join(render_pages, write_search);
    let made = std::mem::take(
        &mut *sheets_made
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    library
        .months
        .keys()
        .filter(|month| !made.contains(month))
        .collect::<Vec<_>>()
        .into_par_iter()
        .for_each(|&month| write_sheet(month, None));
    let mut problems = Problems(results);
    problems.0.extend(
        sheet_problems
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    problems.0.extend(
        search_problems
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    problems.0.extend(metric_sheet_problems);
    if problems.has_errors() {
        // One broken template fails every page it renders: say it once.
        problems.0.dedup_by(|a, b| a.kind == b.kind);
        return Err(problems);
    }
    Ok(all_paths)
}

/// A unit's reporting record on the index.
#[derive(Serialize)]
struct UnitSubmissions<'a> {
    name: &'a str,
    url: Option<String>,
    grid: Vec<views::SubmissionYear>,
}

fn with_previous_plans(library: &Library, reports: &mut Vec<usize>) {
    let before: Vec<usize> = reports
        .iter()
        .flat_map(|&r| &library.reports[r].entries)
        .filter_map(|entry| match entry.previous {
            Previous::Plan { report, .. } => Some(report),
            _ => None,
        })
        .collect();
    if !before.is_empty() {
        reports.extend(before);
        reports.sort_unstable();
        reports.dedup();
    }
}

/// Where a month's CSV is.
fn month_csv_path(month: Month) -> String {
    format!("months/{month}/{month}.csv")
}

/// A month as CSV for Excel (UTF-8 with a BOM, which Excel needs to read
/// it as UTF-8): a row per unit and area, the texts as plain text.
/// `texts`: the month's plain text, when the search index made it.
fn month_csv(
    library: &Library,
    reports: &[usize],
    month: Month,
    t: &i18n::Strings,
    texts: Option<&search::MonthTexts>,
) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    if let Some(texts) = texts {
        // At once, not by doubling: a large month's CSV is megabytes.
        bytes.reserve(texts.iter().map(|(a, b)| a.len() + b.len() + 128).sum());
    }
    {
        let mut writer = csv::Writer::from_writer(&mut bytes);
        let label = i18n::month_label(month, library.config.language);
        let _ = writer.write_record([
            t.month_column,
            t.unit_column,
            t.number,
            t.work_area,
            t.progress,
            t.plan,
        ]);
        let made;
        let texts = match texts {
            Some(texts) => texts,
            None => {
                made =
                    plain::entry_texts(reports.iter().flat_map(|&r| &library.reports[r].entries));
                &made
            }
        };
        let mut texts = texts.iter();
        for &r in reports {
            let report = &library.reports[r];
            let unit = &library.units[report.unit].name;
            for (i, entry) in report.entries.iter().enumerate() {
                let (progress, plan) = texts
                    .next()
                    .map_or(("", ""), |(a, b)| (a.as_str(), b.as_str()));
                let _ = writer.write_record([
                    label.as_str(),
                    &text_cell(unit),
                    &(i + 1).to_string(),
                    &text_cell(&library.areas[entry.area].name),
                    &text_cell(progress),
                    &text_cell(plan),
                ]);
            }
        }
        let _ = writer.flush();
    }
    bytes
}

/// The page with links written in its reports made relative to it.
fn with_root(bytes: Vec<u8>, job: &Job, library: &Library) -> Vec<u8> {
    let has_links = job
        .reports
        .iter()
        .any(|&r| !library.reports[r].links.is_empty());
    if !has_links {
        return bytes;
    }
    match String::from_utf8(bytes) {
        Ok(html) => html.replace(views::ROOT_MARK, &job.root).into_bytes(),
        Err(err) => err.into_bytes(),
    }
}

/// The 404 page, and with a `base_url`, the feed and the sitemap.
fn special_jobs<'a>(
    library: &'a Library,
    views: &'a Views,
    urls: &'a Urls,
    theme: &'a Theme,
    jobs: &mut Vec<Job<'a>>,
) {
    let base = library.config.base_url();
    // A 404 page is shown at any depth: its links need the site's address,
    // or, without one, are relative to the top of the site.
    let root = base.map_or_else(|| "./".to_string(), |b| format!("{b}/"));
    let css = theme
        .statics
        .get("style.css")
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned());
    let not_found_root = root.clone();
    jobs.push(Job {
        path: "404.html".into(),
        root: root.clone(),
        template: "404.html",
        reports: Vec::new(),
        timeline_of: None,
        fill: Box::new(move |c| {
            c.insert("root", &not_found_root);
            c.insert("page_url", "404.html");
            c.insert("inline_css", css.as_deref().unwrap_or_default());
        }),
    });
    if base.is_none() {
        return;
    }
    let newest: Vec<usize> = (0..library.reports.len()).rev().take(20).collect();
    let feed_root = root.clone();
    jobs.push(Job {
        path: "feed.xml".into(),
        root: root.clone(),
        template: "feed.xml",
        reports: newest.clone(),
        timeline_of: None,
        fill: Box::new(move |c| {
            let reports: Vec<Value> = newest.iter().map(|r| views.report(*r)).collect();
            c.insert("root", &feed_root);
            c.insert(
                "updated",
                &reports
                    .first()
                    .and_then(|r| r.get_from_path("updated").cloned()),
            );
            c.insert_value("reports", Value::from(reports));
        }),
    });
    // Every page, in the link form pages use.
    let locations: Vec<String> = jobs
        .iter()
        .filter(|job| job.path.ends_with("index.html"))
        .map(|job| {
            let folder = job
                .path
                .trim_end_matches("index.html")
                .trim_end_matches('/');
            urls.link(folder)
        })
        .collect();
    jobs.push(Job {
        path: "sitemap.xml".into(),
        root: root.clone(),
        template: "sitemap.xml",
        reports: Vec::new(),
        timeline_of: None,
        fill: Box::new(move |c| {
            c.insert("root", &root);
            c.insert("locations", &locations);
        }),
    });
}

/// What every page depends on beyond the reports it shows: the months and
/// their report counts, the areas and units with their counts and latest
/// months. When it changes, every page is rendered again.
struct Structure {
    areas: Vec<Summary>,
    units: Vec<Summary>,
    /// Each area's entries, newest first.
    timelines: Vec<Vec<(usize, usize)>>,
    /// Which pages are split, and how.
    layout: Layout,
}

impl Structure {
    fn of(library: &Library, urls: &Urls) -> Structure {
        let timelines: Vec<Vec<(usize, usize)>> = (0..library.areas.len())
            .map(|a| library.timeline(a))
            .collect();
        let areas = library
            .areas
            .iter()
            .zip(&timelines)
            .map(|(area, timeline)| {
                let mut months: Vec<Month> = timeline
                    .iter()
                    .map(|(r, _)| library.reports[*r].month)
                    .collect();
                months.dedup();
                Summary {
                    id: area.id.clone(),
                    name: area.name.clone(),
                    url: urls.area(&area.id),
                    month_count: months.len(),
                    latest: months.first().map(Month::to_string),
                }
            })
            .collect();
        let units = library
            .units
            .iter()
            .enumerate()
            .map(|(u, unit)| {
                let months: Vec<Month> = library
                    .reports
                    .iter()
                    .filter(|r| r.unit == u)
                    .map(|r| r.month)
                    .collect();
                Summary {
                    id: unit.id.clone(),
                    name: unit.name.clone(),
                    url: urls.unit(&unit.id),
                    month_count: months.len(),
                    latest: months.last().map(Month::to_string),
                }
            })
            .collect();
        let layout = Layout::of(library, &timelines);
        Structure {
            areas,
            units,
            timelines,
            layout,
        }
    }
}

/// A fingerprint of what every page shows besides its own reports (see
/// `Structure`), with the settings and templates: equal fingerprints mean
/// an edit needs only the pages that show the edited reports.
pub fn structure_fingerprint(library: &Library, theme: &Theme) -> u64 {
    use std::hash::{Hash, Hasher};
    let urls = Urls {
        pretty: library.config.pretty_urls,
    };
    let structure = Structure::of(library, &urls);
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    structure.areas.hash(&mut hasher);
    structure.units.hash(&mut hasher);
    structure.layout.hash(&mut hasher);
    for (month, reports) in &library.months {
        (month.to_string(), reports.len()).hash(&mut hasher);
    }
    // Which report sits where, and which pages list it: its month, unit
    // and areas. A report that gains or loses an area changes that area's
    // timeline even when no count moves.
    for report in &library.reports {
        (&report.source, report.month.to_string(), report.unit).hash(&mut hasher);
        for entry in &report.entries {
            (entry.area, &entry.anchor).hash(&mut hasher);
        }
    }
    // Charts span months and units, and the index sums across both: a
    // changed number re-renders every page (numbers change rarely).
    for metric in &library.metrics.list {
        (&metric.id, &metric.name, &metric.unit, metric.decimals).hash(&mut hasher);
    }
    for value in &library.metrics.values {
        let at = (
            value.scope,
            value.metric,
            value.month.to_string(),
            value.unit,
        );
        (at, value.value.to_bits()).hash(&mut hasher);
    }
    for template in theme.templates.values() {
        (&template.name, &template.source).hash(&mut hasher);
    }
    hasher.finish()
}

fn group_by_year(
    items: impl Iterator<Item = (u16, Value)>,
    language: crate::config::Language,
) -> Vec<YearGroup> {
    let mut groups: Vec<YearGroup> = Vec::new();
    for (year, item) in items {
        match groups.last_mut() {
            Some(group) if group.year == year => group.items.push(item),
            _ => groups.push(YearGroup {
                year,
                label: year_label(year, language),
                items: vec![item],
            }),
        }
    }
    groups
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    language: &'static str,
    base_url: Option<&'a str>,
    several_units: bool,
    unit_name: Option<&'a str>,
    has_feed: bool,
    urls: SiteUrls,
}

#[derive(Serialize)]
struct SiteUrls {
    home: String,
    months: String,
    areas: String,
    units: String,
    search: String,
}

fn site_view<'a>(library: &'a Library, urls: &Urls, several_units: bool) -> SiteView<'a> {
    SiteView {
        title: library.config.title(),
        language: library.config.language.tag(),
        base_url: library.config.base_url(),
        several_units,
        unit_name: (!several_units)
            .then(|| library.units.first().map(|u| u.name.as_str()))
            .flatten(),
        has_feed: library.config.base_url().is_some(),
        urls: SiteUrls {
            home: urls.link(""),
            months: urls.link("months"),
            areas: urls.link("areas"),
            units: urls.link("units"),
            search: urls.link("search"),
        },
    }
}
