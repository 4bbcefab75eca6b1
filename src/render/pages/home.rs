//! The index: the latest month at a glance, the grid of months, who has
//! reported, the areas, and the site's numbers.

use serde::Serialize;

use super::page;
use crate::model::metrics::MetricScope;
use crate::render::plan::Planned;
use crate::render::shared::Shared;
use crate::render::{metrics, views};

/// A unit's reporting record on the index.
#[derive(Serialize)]
struct UnitSubmissions<'a> {
    name: &'a str,
    url: Option<String>,
    grid: Vec<views::SubmissionYear>,
}

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let library = s.library;
    let latest = library.months.keys().next_back().copied();
    let latest_reports = latest
        .map(|m| library.months[&m].clone())
        .unwrap_or_default();
    planned.push(page(
        s,
        "",
        "index.html",
        latest_reports,
        Box::new(move |c| {
            if let Some(month) = latest {
                c.insert_value("latest_month", s.views.month(month));
                c.insert_value("latest_reports", s.reports_of(&month, true));
            }
            c.insert("years", &views::year_grid(&s.views));
            c.insert_value("areas", s.areas_value.clone());
            c.insert_value("units", s.units_value.clone());
            let submissions: Vec<UnitSubmissions> = (0..library.units.len())
                .map(|u| UnitSubmissions {
                    name: &library.units[u].name,
                    url: s.several_units.then(|| s.urls.unit(&library.units[u].id)),
                    grid: views::submissions(&s.views, u),
                })
                .collect();
            c.insert("submissions", &submissions);
            let t = s.t;
            let chart_url = |scope: MetricScope, metric: usize| {
                let page = match scope {
                    MetricScope::Report => s.urls.link(""),
                    MetricScope::Area(a) => s.urls.area(&library.areas[a].id),
                };
                format!("{page}#{}", metrics::chart_id(library, scope, metric))
            };
            c.insert("metric_latest", &metrics::latest(library, &chart_url, t));
            if !library.metrics.of(MetricScope::Report).is_empty() {
                c.insert("metrics", &metrics::charts(library, MetricScope::Report, t));
                c.insert(
                    "metrics_csv_url",
                    &metrics::csv_path(library, MetricScope::Report),
                );
            }
        }),
    ));
}
