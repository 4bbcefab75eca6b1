//! Search: its page, and the files of the index it reads.

use super::page;
use crate::render::plan::{Kind, Make, Output, Planned, Shows};
use crate::render::shared::Shared;

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let library = s.library;
    planned.push(page(
        s,
        "search",
        "search.html",
        Vec::new(),
        Box::new(move |c| {
            c.insert_value("areas", s.areas_value.clone());
            c.insert_value("units", s.units_value.clone());
            let mut years: Vec<u16> = library.months.keys().map(|m| m.year).collect();
            years.dedup();
            years.reverse();
            c.insert("years", &years);
        }),
    ));
    // The manifest and the token files depend on every report; a document
    // file on its documents' reports.
    let files = s.search.files();
    planned.extend(files.into_iter().enumerate().map(|(i, file)| Planned {
        output: Output::new(
            file.path,
            Kind::Search,
            file.reports.map_or(Shows::Every, Shows::Reports),
        ),
        make: Make::Search(i),
    }));
}
