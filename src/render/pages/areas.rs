//! Work areas: the list, then each area's timeline (a page, or for a
//! timeline too large for one, a page per year or run of months).

use serde::Serialize;
use tera::Value;

use super::{area_units, page};
use crate::model::metrics::MetricScope;
use crate::model::{Library, Month};
use crate::render::i18n::{self, year_label};
use crate::render::layout;
use crate::render::metrics;
use crate::render::plan::{Filler, Planned};
use crate::render::shared::{Shared, group_by_year};
use crate::render::urls::Urls;
use crate::render::views::plans_shown_later;

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let library = s.library;
    planned.push(page(
        s,
        "areas",
        "areas.html",
        Vec::new(),
        Box::new(move |c| c.insert_value("areas", s.areas_value.clone())),
    ));
    for (a, timeline) in s.structure.timelines.iter().enumerate() {
        let id = &library.areas[a].id;
        let timeline_page = |folder: &str, page_of: TimelinePage<'a>| {
            let mut planned = page(
                s,
                folder,
                "area.html",
                page_of.reports(),
                page_of.filler(s, timeline),
            );
            planned.output.timeline_of = Some(a);
            planned
        };
        let Some(parts) = &s.structure.layout.area_parts[a] else {
            planned.push(timeline_page(
                &format!("areas/{id}"),
                TimelinePage::whole(a, timeline),
            ));
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
            let part = TimelinePage::part(library, a, timeline, parts, i, own);
            planned.push(timeline_page(&folder, part));
        }
    }
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

    fn filler(self, s: &'a Shared<'a>, timeline: &'a [(usize, usize)]) -> Filler<'a> {
        let (library, urls, views, areas) = (s.library, s.urls, &s.views, &s.areas_value);
        let t = s.t;
        Box::new(move |c| {
            // The charts span every month: they belong on the area's own
            // page, not on each year's.
            let own = self.split.is_none_or(|(_, _, own)| own);
            let scope = MetricScope::Area(self.area);
            if own && !library.metrics.of(scope).is_empty() {
                c.insert("metrics", &metrics::charts(library, scope, t));
                c.insert("metrics_csv_url", &metrics::csv_path(library, scope));
            }
            let later = plans_shown_later(library, self.entries);
            let items = self.entries.iter().map(|&(r, e)| {
                let item = views.timeline_item(r, e, later.get(&(r, e)).copied());
                (library.reports[r].month.year, item)
            });
            c.insert_value("area", Shared::item(areas, self.area));
            c.insert("unit_timelines", &area_units::units_of_area(s, self.area));
            c.insert("years", &group_by_year(items, t));
            if let Some((parts, shown, own)) = self.split {
                let nav = part_navigation(library, urls, t, self.area, timeline, parts, shown);
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
pub(super) fn nearby(count: usize, current: usize, max: usize) -> std::ops::Range<usize> {
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
    t: &i18n::Strings,
    area: usize,
    timeline: &[(usize, usize)],
    parts: &[layout::TimelinePart],
    shown: usize,
) -> PartNavigation {
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
            label: year_label(part.newest.year, t),
            url: urls.link(&part.folder(id)),
            entry_count: count(&|m| m.year == part.newest.year),
            current: part.newest.year == year,
        })
        .collect();
    let same_year: Vec<&layout::TimelinePart> =
        parts.iter().filter(|p| p.newest.year == year).collect();
    let range = |part: &layout::TimelinePart| i18n::month_range_label(part.newest, part.oldest, t);
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
            year_label(year, t)
        },
        years,
        year_parts,
    }
}
