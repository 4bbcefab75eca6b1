//! The index, the leader's page: who has reported for the latest month
//! (and who has not), the latest numbers, who reported over the last
//! twelve months, the areas, and the archives.

use super::page;
use crate::model::metrics::MetricScope;
use crate::render::plan::Planned;
use crate::render::shared::Shared;
use crate::render::{metrics, status, views};

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let library = s.library;
    let latest = library.latest_month();
    let table_months = status::latest_twelve(&s.views);
    let shown = status::reports_in(library, &table_months);
    planned.push(page(
        s,
        "",
        "index.html",
        shown,
        Box::new(move |c| {
            if let Some(month) = latest {
                c.insert("status", &status::month_status(&s.views, month));
            }
            c.insert("status_table", &status::table(&s.views, &table_months));
            c.insert("status_years", &status::year_links(&s.views));
            c.insert("years", &views::year_grid(&s.views));
            c.insert_value("areas", s.areas_value.clone());
            c.insert_value("units", s.units_value.clone());
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
