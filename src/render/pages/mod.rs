//! The page families: each file plans its own pages (and the files that
//! go with them), in the order the site lists them. Adding a family is a
//! file here and a line in `plan`.

mod area_units;
mod areas;
mod feeds;
mod files;
mod home;
mod months;
mod reporting;
mod search;
mod special;
mod units;

use tera::Context;

use super::plan::{Filler, Kind, Make, Output, Planned, Shows};
use super::shared::Shared;
use super::urls::{file_of, root_of};
use crate::model::{Library, Previous};

pub use months::month_csv;

/// Every file of the site, planned: pages in the order the sitemap lists
/// them, then the files that go with them.
pub fn plan<'a>(shared: &'a Shared<'a>) -> Vec<Planned<'a>> {
    let mut planned = Vec::new();
    home::plan(shared, &mut planned);
    months::plan(shared, &mut planned);
    areas::plan(shared, &mut planned);
    area_units::plan(shared, &mut planned);
    units::plan(shared, &mut planned);
    reporting::plan(shared, &mut planned);
    search::plan(shared, &mut planned);
    special::plan(shared, &mut planned);
    // The sitemap lists the pages planned before it.
    feeds::plan(shared, &mut planned);
    // A page that shows an entry shows the plan of the month before beside
    // it: the reports of those plans are shown there too (an edit to one
    // makes the page again in `serve`).
    for page in &mut planned {
        if let (Make::Page { .. }, Shows::Reports(reports)) = (&page.make, &mut page.output.shows) {
            with_previous_plans(shared.library, reports);
        }
    }
    files::plan(shared, &mut planned);
    planned
}

/// A page of the site at `folder`, with `root` and `page_url` in its
/// context besides what `fill` puts there.
fn page<'a>(
    shared: &Shared,
    folder: &str,
    template: &'static str,
    reports: Vec<usize>,
    fill: Filler<'a>,
) -> Planned<'a> {
    let path = file_of(folder);
    let root = root_of(&path);
    let page_url = shared.urls.link(folder);
    let context_root = root.clone();
    Planned {
        output: Output::new(path, Kind::Page, Shows::Reports(reports)),
        make: Make::Page {
            template,
            root,
            fill: Box::new(move |c: &mut Context| {
                c.insert("root", &context_root);
                c.insert("page_url", &page_url);
                fill(c);
            }),
        },
    }
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

/// The way to the top of the site from a page shown at any address (the
/// 404 page) or read elsewhere (the feed): the site's address, or without
/// one, the top of the site.
fn absolute_root(shared: &Shared) -> String {
    shared
        .library
        .config
        .base_url()
        .map_or_else(|| "./".to_string(), |b| format!("{b}/"))
}
