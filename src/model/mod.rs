//! Stage 2, model: reports, months, units and work areas, and how they
//! relate. Built from the loaded inputs only; knows nothing of HTML pages.
//!
//! `types` holds the data; `assemble` builds a library from parsed
//! report files (with `units`, `areas` and `links` placing each report);
//! `files` checks the pictures and attachments they refer to; `patch` follows an edit without assembling again. `link_marks` owns
//! the marks report HTML carries for render to fill.

mod areas;
mod assemble;
mod body;
mod emphasis;
pub mod files;
mod items;
pub mod link_marks;
mod links;
pub mod metrics;
mod month;
mod patch;
mod previous;
pub mod remote;
mod report;
mod reporting;
mod sanitize;
mod types;
mod units;

pub use assemble::{MAX_AREAS_PER_REPORT, MAX_SPAN_YEARS, assemble_parsed, parse_all, parse_file};
pub use links::{ReportLink, join};
pub use month::Month;
pub use patch::patch;
pub use previous::Previous;
pub use reporting::Reporting;
pub use types::{Area, Entry, Library, ModelOptions, ParsedFile, Report, Unit};
