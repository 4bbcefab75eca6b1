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

/// Reports `reports` (one, or a month's in its order) as a `.docx` file,
/// each report from a new page.
pub fn docx(library: &Library, reports: &[usize], t: &Strings) -> Result<Vec<u8>, Problem> {
    package::pack(&document::body(library, reports, t)).map_err(|err| {
        Problem::error(ProblemKind::Output(format!(
            "cannot write a Word file: {err}"
        )))
    })
}
