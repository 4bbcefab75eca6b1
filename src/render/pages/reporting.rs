//! Reporting status by year: a page per year of the site, the units ×
//! months table of that year (the home page shows the latest twelve
//! months; earlier ones are here).

use super::page;
use crate::model::Month;
use crate::render::i18n::year_label;
use crate::render::plan::Planned;
use crate::render::shared::Shared;
use crate::render::status;

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let library = s.library;
    let (Some(&first), Some(latest)) = (library.months.keys().next(), library.latest_month())
    else {
        return;
    };
    for year in first.year..=latest.year {
        let from = first.max(Month { year, month: 1 });
        let to = latest.min(Month { year, month: 12 });
        let months = status::months_between(from, to);
        let shown = status::reports_in(library, &months);
        planned.push(page(
            s,
            &status::year_folder(year),
            "reporting.html",
            shown,
            Box::new(move |c| {
                let mut current = tera::Map::new();
                current.insert("year".into(), u64::from(year).into());
                current.insert("label".into(), year_label(year, s.t).into());
                c.insert_value("year", tera::Value::from(current));
                c.insert("table", &status::table(&s.views, &months));
                c.insert("status_years", &status::year_links(&s.views));
            }),
        ));
    }
}
