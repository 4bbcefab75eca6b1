//! reportal turns a folder of monthly work reports (Markdown with YAML
//! front matter) into a static site: a page per month, a timeline per work
//! area, archives by month and by unit.
//!
//! The build is four stages, one module each, data flowing one way:
//! [`load`] (read files) → [`model`] (reports, months, units, areas) →
//! [`render`] (Tera) → [`write`] (atomically). [`site`] drives them:
//! `Site::load` for load → model, then `build`, `check`, `serve`, `new`.

// Long functions hide structure: none over 150 lines (clippy.toml).
#![warn(clippy::too_many_lines)]

pub mod config;
pub mod diagnostics;
pub mod import;
pub mod links;
pub mod load;
pub mod messages;
pub mod model;
pub mod names;
pub mod next_report;
pub mod render;
pub mod serve;
pub mod site;
pub mod starter;
pub mod write;
mod yaml;

use config::SiteConfig;
use diagnostics::Problems;

/// One report file's bytes, named `rel`, through the load and model
/// stages as a build of a site holding only it: its problems, and the
/// library it makes. Touches no disk: the fuzz target `report` (`fuzz/`)
/// and the replay of its corpus (`tests/suite/hostile/fuzz.rs`) enter here.
pub fn parse_report(
    rel: &str,
    bytes: Vec<u8>,
    config: SiteConfig,
    problems: &mut Problems,
) -> model::Library {
    let parsed = match load::report_from_bytes(rel, bytes) {
        Ok(source) => model::parse_file(&config, &source),
        Err(problem) => model::ParsedFile::unreadable(problem),
    };
    // No files beside it: a picture it shows is missing.
    let options = model::ModelOptions {
        drafts: true,
        files: Default::default(),
    };
    model::assemble_parsed(config, vec![parsed], &options, problems)
}
