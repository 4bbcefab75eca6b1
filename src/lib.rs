//! reportal turns a folder of monthly work reports (Markdown with YAML
//! front matter) into a static site: a page per month, a timeline per work
//! area, archives by month and by unit.
//!
//! The build is four stages, one module each, data flowing one way:
//! [`load`] (read files) → [`model`] (reports, months, units, areas) →
//! [`render`] (Tera) → [`write`] (atomically). [`site::build`] runs them.

pub mod config;
pub mod diagnostics;
pub mod import;
pub mod links;
pub mod load;
pub mod model;
pub mod names;
pub mod next_report;
pub mod rebuild;
pub mod render;
pub mod serve;
pub mod site;
pub mod write;
mod yaml;
