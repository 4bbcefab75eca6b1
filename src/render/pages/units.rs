//! Units, when there are several: the list, then each unit's reports and
//! its reporting record.

use super::{area_units, page};
use crate::render::plan::Planned;
use crate::render::shared::{Shared, group_by_year};
use crate::render::views;

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    if !s.several_units {
        return;
    }
    let library = s.library;
    planned.push(page(
        s,
        "units",
        "units.html",
        Vec::new(),
        Box::new(move |c| c.insert_value("units", s.units_value.clone())),
    ));
    for (u, unit) in library.units.iter().enumerate() {
        let reports: Vec<usize> = (0..library.reports.len())
            .rev()
            .filter(|r| library.reports[*r].unit == u)
            .collect();
        let shown = reports.clone();
        planned.push(page(
            s,
            &format!("units/{}", unit.id),
            "unit.html",
            reports,
            Box::new(move |c| {
                let items = shown
                    .iter()
                    .map(|&r| (library.reports[r].month.year, s.views.report_brief(r)));
                c.insert_value("unit", Shared::item(&s.units_value, u));
                c.insert("area_timelines", &area_units::areas_of_unit(s, u, &shown));
                c.insert("years", &group_by_year(items, s.t));
                c.insert("grid", &views::submissions(&s.views, u));
            }),
        ));
    }
}
