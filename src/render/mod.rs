//! Stage 3, render: the library through Tera templates into pages. Pure:
//! returns the files to write, writes nothing.

mod i18n;
mod templates;
mod urls;
mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Value};

use crate::diagnostics::{Problem, Problems};
use crate::load::Theme;
use crate::model::{Library, Month};
use i18n::year_label;
use urls::{Urls, file_of, root_of};
use views::Views;

/// A file of the built site, by its path in the output.
#[derive(Debug)]
pub struct Page {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One page to render: where, with which template, and what it shows.
struct Job {
    path: String,
    template: &'static str,
    context: Context,
}

/// A work area or a unit in a list: how many months it has, and the latest.
#[derive(Serialize)]
struct Summary {
    id: String,
    name: String,
    url: String,
    month_count: usize,
    latest: Option<Value>,
}

#[derive(Serialize)]
struct YearGroup {
    year: u16,
    label: String,
    items: Vec<Value>,
}

#[derive(Serialize)]
struct TimelineItem {
    month: Value,
    report: Value,
    entry: Value,
}

pub fn render(library: &Library, theme: &Theme) -> Result<Vec<Page>, Problems> {
    let templates = &theme.templates;
    let mut tera = templates::compile(templates)?;
    let urls = Urls {
        pretty: library.config.pretty_urls,
    };
    let views = views::build(library, &urls);
    let language = library.config.language;
    let several_units = library.units.len() > 1;

    let globals = tera.global_context();
    globals.insert("t", &i18n::strings(language));
    globals.insert("site", &site_view(library, &urls, several_units));

    let link_of = |month: Option<&Month>| {
        let i = views
            .month_links
            .binary_search_by_key(month?, |(m, _)| *m)
            .ok()?;
        Some(views.month_links[i].1.clone())
    };
    // Each area's entries, newest first: for its summary and its page.
    let timelines: Vec<Vec<(usize, usize)>> = (0..library.areas.len())
        .map(|a| library.timeline(a))
        .collect();
    let areas: Vec<Summary> = library
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
                latest: link_of(months.first()),
            }
        })
        .collect();
    let areas_value = Value::from_serializable(&areas);
    let units: Vec<Summary> = library
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
                latest: link_of(months.last()),
            }
        })
        .collect();
    let units_value = Value::from_serializable(&units);
    let reports_of = |month: &Month| -> Value {
        let list: Vec<Value> = library.months[month]
            .iter()
            .map(|r| views.reports[*r].clone())
            .collect();
        Value::from(list)
    };

    let mut jobs = Vec::new();
    let mut job = |folder: &str, template: &'static str, fill: &dyn Fn(&mut Context)| {
        let path = file_of(folder);
        let mut context = Context::new();
        context.insert("root", &root_of(&path));
        context.insert("page_url", &urls.link(folder));
        fill(&mut context);
        jobs.push(Job {
            path,
            template,
            context,
        });
    };

    // The index: the latest month at a glance, the grid, the areas.
    let latest = library.months.keys().next_back().copied();
    job("", "index.html", &|c| {
        if let Some(month) = latest {
            c.insert_value(
                "latest_month",
                views.month_links[views.month_links.len() - 1].1.clone(),
            );
            c.insert_value("latest_reports", reports_of(&month));
        }
        c.insert("years", &views::year_grid(&views, language));
        c.insert_value("areas", areas_value.clone());
        c.insert_value("units", units_value.clone());
    });

    // Months: the archive, then one page per month.
    let by_year = group_by_year(
        views
            .month_links
            .iter()
            .rev()
            .map(|(m, v)| (m.year, v.clone())),
        language,
    );
    job("months", "months.html", &|c| c.insert("years", &by_year));
    for (i, (month, link)) in views.month_links.iter().enumerate() {
        job(&format!("months/{month}"), "month.html", &|c| {
            c.insert_value("month", link.clone());
            c.insert_value("reports", reports_of(month));
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
        });
    }

    // Work areas: the list, then each area's timeline.
    job("areas", "areas.html", &|c| {
        c.insert_value("areas", areas_value.clone())
    });
    for (area, timeline) in areas.iter().zip(timelines) {
        let items = timeline.into_iter().map(|(r, e)| {
            let report = &views.reports[r];
            let item = TimelineItem {
                month: report
                    .get_from_path("month")
                    .cloned()
                    .unwrap_or_else(Value::none),
                report: report.clone(),
                entry: report
                    .get_from_path(&format!("entries.{e}"))
                    .cloned()
                    .unwrap_or_else(Value::none),
            };
            (
                library.reports[r].month.year,
                Value::from_serializable(&item),
            )
        });
        let years = group_by_year(items, language);
        job(&format!("areas/{}", area.id), "area.html", &|c| {
            c.insert("area", area);
            c.insert("years", &years);
            c.insert_value("areas", areas_value.clone());
        });
    }

    // Units, when there are several.
    if several_units {
        job("units", "units.html", &|c| {
            c.insert_value("units", units_value.clone())
        });
        for (u, unit) in units.iter().enumerate() {
            let items = library
                .reports
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, r)| r.unit == u)
                .map(|(r, report)| (report.month.year, views.reports[r].clone()));
            let years = group_by_year(items, language);
            job(&format!("units/{}", unit.id), "unit.html", &|c| {
                c.insert("unit", unit);
                c.insert("years", &years);
            });
        }
    }

    let mut pages: Vec<Result<Page, Problem>> = jobs
        .par_iter()
        .map(|job| {
            tera.render(job.template, &job.context)
                .map(|html| Page {
                    path: job.path.clone(),
                    bytes: html.into_bytes(),
                })
                .map_err(|err| templates::problem(job.template, &err, templates))
        })
        .collect();
    pages.extend(special_pages(library, &tera, &views, &urls, theme));
    let mut problems = Problems::default();
    let mut out = Vec::with_capacity(pages.len());
    for page in pages {
        match page {
            Ok(page) => out.push(page),
            Err(problem) => problems.push(problem),
        }
    }
    if problems.has_errors() {
        // One broken template fails every page it renders: say it once.
        problems.0.dedup_by(|a, b| a.kind == b.kind);
        return Err(problems);
    }
    Ok(out)
}

/// The 404 page, and with a `base_url`, the feed and the sitemap.
fn special_pages(
    library: &Library,
    tera: &tera::Tera,
    views: &Views,
    urls: &Urls,
    theme: &Theme,
) -> Vec<Result<Page, Problem>> {
    let templates = &theme.templates;
    let render = |path: &str, template: &str, context: &Context| {
        tera.render(template, context)
            .map(|text| Page {
                path: path.to_string(),
                bytes: text.into_bytes(),
            })
            .map_err(|err| templates::problem(template, &err, templates))
    };
    let base = library.config.base_url();
    let mut pages = Vec::new();
    // A 404 page is shown at any depth: its links need the site's address,
    // or, without one, are relative to the top of the site.
    let mut context = Context::new();
    context.insert(
        "root",
        &base.map_or_else(|| "./".to_string(), |b| format!("{b}/")),
    );
    context.insert("page_url", "404.html");
    let css = theme
        .statics
        .get("style.css")
        .map(|f| String::from_utf8_lossy(&f.bytes).into_owned());
    context.insert("inline_css", &css.unwrap_or_default());
    pages.push(render("404.html", "404.html", &context));
    let Some(base) = base else { return pages };

    let mut context = Context::new();
    context.insert("root", &format!("{base}/"));
    let newest: Vec<Value> = views.reports.iter().rev().take(20).cloned().collect();
    context.insert(
        "updated",
        &newest
            .first()
            .and_then(|r| r.get_from_path("updated").cloned()),
    );
    context.insert_value("reports", Value::from(newest));
    pages.push(render("feed.xml", "feed.xml", &context));

    let mut locations = vec![urls.link(""), urls.link("months"), urls.link("areas")];
    locations.extend(library.months.keys().map(|m| urls.month(*m)));
    locations.extend(library.areas.iter().map(|a| urls.area(&a.id)));
    if library.units.len() > 1 {
        locations.push(urls.link("units"));
        locations.extend(library.units.iter().map(|u| urls.unit(&u.id)));
    }
    context.insert("locations", &locations);
    pages.push(render("sitemap.xml", "sitemap.xml", &context));
    pages
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
        },
    }
}
