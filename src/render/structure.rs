//! What every page depends on beyond the reports it shows: the months and
//! their report counts, the areas and units with their counts and latest
//! months, and how pages are split. When it changes, `serve` makes every
//! page again.

use serde::Serialize;

use super::layout::Layout;
use super::urls::Urls;
use crate::load::Theme;
use crate::model::{Library, Month};

/// A work area or a unit in a list: how many months it has, and the latest.
#[derive(Serialize, Hash)]
pub struct ListEntry {
    pub id: String,
    pub name: String,
    pub url: String,
    pub month_count: usize,
    pub latest: Option<String>,
}

/// What every page depends on beyond the reports it shows: the months and
/// their report counts, the areas and units with their counts and latest
/// months. When it changes, every page is rendered again.
pub struct Structure {
    pub areas: Vec<ListEntry>,
    pub units: Vec<ListEntry>,
    /// Each area's entries, newest first.
    pub timelines: Vec<Vec<(usize, usize)>>,
    /// Which pages are split, and how.
    pub layout: Layout,
}

impl Structure {
    pub fn of(library: &Library, urls: &Urls) -> Structure {
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
                ListEntry {
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
                ListEntry {
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
    // Who has only a draft shows in every reporting status, though the
    // draft itself is left out.
    for (unit, month) in &library.drafts {
        (unit, month.to_string()).hash(&mut hasher);
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
    // Every page shows the theme's words: a reworded label changes them all.
    serde_json::to_string(&theme.strings)
        .unwrap_or_default()
        .hash(&mut hasher);
    hasher.finish()
}
