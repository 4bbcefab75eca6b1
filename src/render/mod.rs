//! Stage 3, render: the library through Tera templates into the site's
//! files. `plan.rs` says what the files are, as data; each page family in
//! `pages/` plans its own; `execute.rs` makes those a selection picks and
//! hands them to a sink (render itself writes nothing).

mod chart;
mod execute;
mod i18n;
mod layout;
mod metrics;
mod multiples;
mod numbers;
mod pages;
mod plain;
pub mod plan;
pub mod search;
mod shared;
mod spreadsheet;
mod status;
mod structure;
mod templates;
mod urls;
mod views;
pub(crate) mod word;

pub use execute::{Done, outputs, render};
pub use i18n::{Strings, fill_with, month_label, unit_name};
pub use plain::text_of as plain_text;
pub use plan::{Everything, Kind, Output, Selection, Shows, Sink};
pub use structure::structure_fingerprint;
