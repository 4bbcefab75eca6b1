//! The Word downloads: each report as `.docx` beside its Markdown copy
//! (`months/YYYY-MM/<unit>.docx`), and each month's reports in one
//! (`months/YYYY-MM/YYYY-MM.docx`, beside the month's CSV), the form
//! offices forward upward. `runs` reads the reports' HTML into
//! paragraphs, `document` lays them out (the parts every document shares
//! built with docx-rs), `package` writes the file.

mod document;
mod package;
mod runs;

pub(crate) use document::{META_STYLE, PREAMBLE_STYLE, SUMMARY_STYLE, TITLE_STYLE};

use package::Segment;

use crate::diagnostics::{Problem, ProblemKind};
use crate::model::{Library, Month};
use crate::render::i18n::Strings;

/// Where report `r`'s `.docx` is: beside its Markdown copy.
pub fn report_path(library: &Library, r: usize) -> String {
    let report = &library.reports[r];
    format!(
        "months/{}/{}.docx",
        report.month, library.units[report.unit].id
    )
}

/// Where a month's `.docx` is: beside its CSV.
pub fn month_path(month: Month) -> String {
    format!("months/{month}/{month}.docx")
}

/// A Word file of a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    /// Report `r`'s.
    Report(usize),
    /// The month's.
    Month,
}

/// The Word files of the month whose reports are `reports`, in its order:
/// report `r`'s where `want(File::Report(r))`, the month's where
/// `want(File::Month)`. Each report's text is laid out and compressed
/// once, for both.
pub fn month_files(
    library: &Library,
    reports: &[usize],
    t: &Strings,
    want: &dyn Fn(File) -> bool,
) -> Vec<(File, Result<Vec<u8>, Problem>)> {
    let whole_month = want(File::Month);
    let head = Segment::stored(document::HEAD.as_bytes(), false);
    let close = Segment::stored(document::SECTION.as_bytes(), true);
    let mut deflater = package::Deflater::new();
    let mut files = Vec::new();
    // Per report: its title on a new page (not for the first), and the rest.
    let mut month: Vec<(Segment, Segment)> = Vec::new();
    for (i, &r) in reports.iter().enumerate() {
        let own = want(File::Report(r));
        if !own && !whole_month {
            continue;
        }
        let rest = deflater.segment(document::rest(library, r, t).as_bytes());
        if own {
            let title = Segment::stored(document::title(library, r, t, false).as_bytes(), false);
            files.push((File::Report(r), packed(&[&head, &title, &rest, &close])));
        }
        if whole_month {
            let title = document::title(library, r, t, i > 0);
            month.push((Segment::stored(title.as_bytes(), false), rest));
        }
    }
    if whole_month {
        let mut segments = vec![&head];
        for (title, rest) in &month {
            segments.push(title);
            segments.push(rest);
        }
        segments.push(&close);
        files.push((File::Month, packed(&segments)));
    }
    files
}

fn packed(segments: &[&Segment]) -> Result<Vec<u8>, Problem> {
    package::pack(segments).ok_or_else(|| Problem::error(ProblemKind::WordTooLarge))
}
