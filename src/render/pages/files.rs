//! The files that are not pages: each scope's numbers as CSV, the
//! theme's static files, each report's Markdown file and Word file
//! to download, and the pictures and attachments reports refer to.

use std::collections::{BTreeMap, HashSet};

use crate::config::Download;
use crate::render::plan::{Kind, Make, Output, Planned, Shows};
use crate::render::shared::Shared;
use crate::render::{metrics, views, word};

pub fn plan<'a>(s: &'a Shared<'a>, planned: &mut Vec<Planned<'a>>) {
    let library = s.library;
    // Each area's numbers (and the whole reports'), for spreadsheets.
    planned.extend(library.metrics.scopes().into_iter().map(|scope| Planned {
        output: Output::new(
            metrics::csv_path(library, scope),
            Kind::MetricSheet,
            Shows::none(),
        ),
        make: Make::MetricSheet(scope),
    }));
    // Each report's file as written, to download beside its month, and
    // as a Word file: the downloads site.yaml asks for.
    let offers = |download| library.config.offers(download);
    let sources = offers(Download::Markdown).then_some(library.reports.iter());
    planned.extend(
        sources
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(r, report)| Planned {
                output: Output::new(
                    views::source_file(library, r),
                    Kind::Source,
                    Shows::Reports(vec![r]),
                ),
                make: Make::Source(report.source.as_str()),
            }),
    );
    let words = offers(Download::Word).then_some(0..library.reports.len());
    planned.extend(words.into_iter().flatten().map(|r| Planned {
        output: Output::new(
            word::report_path(library, r),
            Kind::Word,
            Shows::Reports(vec![r]),
        ),
        make: Make::ReportWord(r),
    }));
    // Each picture and attachment once, whichever reports refer to it
    // (an edit to one of them copies it again in `serve`).
    let mut attachments: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (r, report) in library.reports.iter().enumerate() {
        for source in &report.files {
            attachments.entry(source.as_str()).or_default().push(r);
        }
    }
    planned.extend(attachments.into_iter().map(|(source, reports)| Planned {
        output: Output::new(
            crate::model::files::output_path(source),
            Kind::Attachment,
            Shows::Reports(reports),
        ),
        make: Make::Attachment(source),
    }));
    // A theme's file where the site makes a page is the page's place (and a report's copy).
    let taken: HashSet<&str> = planned.iter().map(|p| p.output.path.as_str()).collect();
    let statics: Vec<Planned> = s
        .theme
        .statics
        .values()
        .filter(|file| !taken.contains(file.path.as_str()))
        .map(|file| Planned {
            output: Output::new(file.path.clone(), Kind::Static, Shows::none()),
            make: Make::Static(file),
        })
        .collect();
    planned.extend(statics);
}
