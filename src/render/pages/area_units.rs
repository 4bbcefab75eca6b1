//! A work area's timeline for one unit, when the site has several: a page
//! per area and unit that has entries of it (`urls::area_unit_folder`),
//! and the lists that lead there (an area's units, a unit's areas).
//!
//! One page holds it all: a unit writes one entry of an area a month, so
//! ten years are about 120 entries, some 0.45 MB with last month's plan
//! beside each and each plan printed once (3.7 KB an entry for reports of
//! 31 KB, as `bench/generate.py` writes them), within the default
//! `max_page_kb` of 2 MB. A site that sets it far lower
//! may see these pages pass it: they are not split.

use std::sync::Arc;

use serde::Serialize;

use super::areas::nearby;
use super::page;
use crate::model::Library;
use crate::render::plan::Planned;
use crate::render::shared::{Shared, group_by_year};
use crate::render::urls::area_unit_folder;
use crate::render::views::plans_shown_later;

/// How many units a unit's timeline lists in its navigation, around its
/// own: all of them on any real site (the area's page lists them all).
const UNIT_NAVIGATION_MAX: usize = 40;

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    if !s.several_units {
        return;
    }
    let library = s.library;
    for (a, timeline) in s.structure.timelines.iter().enumerate() {
        let by_unit = by_unit(library, timeline);
        let counts: Arc<Vec<usize>> = Arc::new(by_unit.iter().map(Vec::len).collect());
        for (u, entries) in by_unit.into_iter().enumerate() {
            if entries.is_empty() {
                continue;
            }
            let mut reports: Vec<usize> = entries.iter().map(|&(r, _)| r).collect();
            reports.dedup();
            let counts = Arc::clone(&counts);
            let folder = area_unit_folder(&library.areas[a].id, &library.units[u].id);
            let mut planned_page = page(
                s,
                &folder,
                "area_unit.html",
                reports,
                Box::new(move |c| {
                    let later = plans_shown_later(library, &entries);
                    let items = entries.iter().map(|&(r, e)| {
                        let item = s.views.timeline_item(r, e, later.get(&(r, e)).copied());
                        (library.reports[r].month.year, item)
                    });
                    c.insert_value("area", Shared::item(&s.areas_value, a));
                    c.insert_value("unit", Shared::item(&s.units_value, u));
                    c.insert("entry_count", &entries.len());
                    // Newest first: the first entry's month is the latest.
                    let latest = library.reports[entries[0].0].month;
                    c.insert_value("latest", s.views.month(latest));
                    c.insert("years", &group_by_year(items, s.t));
                    let units = links_of_units(s, a, &counts, Some(u));
                    let at = units.iter().position(|l| l.current).unwrap_or(0);
                    let shown = nearby(units.len(), at, UNIT_NAVIGATION_MAX);
                    c.insert("unit_count", &units.len());
                    c.insert("units", &units[shown]);
                }),
            );
            // Shows one area of each report: an edit of another area of
            // them leaves it alone (serve).
            planned_page.output.timeline_of = Some(a);
            planned.push(planned_page);
        }
    }
}

/// A unit's timeline of an area, as a list links to it.
#[derive(Serialize)]
pub struct TimelineLink<'a> {
    name: &'a str,
    url: String,
    entry_count: usize,
    /// The page it is listed on.
    current: bool,
}

/// The units with entries of area `a`, each linking to its own timeline
/// of it (none with one unit: the area's page is that timeline).
pub fn units_of_area<'a>(s: &Shared<'a>, a: usize) -> Vec<TimelineLink<'a>> {
    if !s.several_units {
        return Vec::new();
    }
    let counts: Vec<usize> = by_unit(s.library, &s.structure.timelines[a])
        .iter()
        .map(Vec::len)
        .collect();
    links_of_units(s, a, &counts, None)
}

/// The areas unit `u` wrote of in `reports` (its own), each linking to
/// the unit's timeline of it.
pub fn areas_of_unit<'a>(s: &Shared<'a>, u: usize, reports: &[usize]) -> Vec<TimelineLink<'a>> {
    let library = s.library;
    let mut counts = vec![0; library.areas.len()];
    for &r in reports {
        for entry in &library.reports[r].entries {
            counts[entry.area] += 1;
        }
    }
    let unit_id = &library.units[u].id;
    (library.areas.iter().zip(counts))
        .filter(|(_, count)| *count > 0)
        .map(|(area, entry_count)| TimelineLink {
            name: &area.name,
            url: s.urls.area_unit(&area.id, unit_id),
            entry_count,
            current: false,
        })
        .collect()
}

/// `counts` per unit: the units of area `a` that have entries, in the
/// library's order.
fn links_of_units<'a>(
    s: &Shared<'a>,
    a: usize,
    counts: &[usize],
    current: Option<usize>,
) -> Vec<TimelineLink<'a>> {
    let library = s.library;
    let area_id = &library.areas[a].id;
    (library.units.iter().zip(counts).enumerate())
        .filter(|(_, (_, count))| **count > 0)
        .map(|(u, (unit, &entry_count))| TimelineLink {
            name: &unit.name,
            url: s.urls.area_unit(area_id, &unit.id),
            entry_count,
            current: current == Some(u),
        })
        .collect()
}

/// An area's timeline (newest first) cut by unit, each part newest first.
fn by_unit(library: &Library, timeline: &[(usize, usize)]) -> Vec<Vec<(usize, usize)>> {
    let mut by_unit = vec![Vec::new(); library.units.len()];
    for &(r, e) in timeline {
        by_unit[library.reports[r].unit].push((r, e));
    }
    by_unit
}
