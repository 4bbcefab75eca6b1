//! The whole build in one function, stage by stage:
//! load → model → render → write. Read this to know the order of things.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::Problems;
use crate::model::{self, ModelOptions};
use crate::{load, render, write};

pub struct BuildOptions {
    pub root: PathBuf,
    /// Where to write; `None` checks without writing.
    pub output: Option<PathBuf>,
    pub drafts: bool,
    /// Replace an output folder reportal did not make.
    pub force: bool,
}

/// What a build made, for the one-line summary.
#[derive(Debug)]
pub struct Summary {
    pub reports: usize,
    pub months: usize,
    pub areas: usize,
    pub units: usize,
    pub files: usize,
    pub elapsed: Duration,
    /// Things worth telling that are not problems (no feed without base_url).
    pub notes: Vec<String>,
}

/// Builds (or, without an output, checks) the site. Problems are returned
/// in every case; the summary only when there was no error.
pub fn build(options: &BuildOptions) -> (Option<Summary>, Problems) {
    let started = Instant::now();
    let mut problems = Problems::default();
    let summary = run(options, &mut problems, started);
    problems.sort();
    let summary = if problems.has_errors() { None } else { summary };
    (summary, problems)
}

fn run(options: &BuildOptions, problems: &mut Problems, started: Instant) -> Option<Summary> {
    if let Some(output) = &options.output
        && let Err(problem) = write::check_output(&options.root, output, options.force)
    {
        problems.push(problem);
        return None;
    }
    let inputs = load::load(&options.root, problems)?;
    let load::Inputs {
        config,
        sources,
        theme,
        ..
    } = inputs;
    let library = model::assemble(
        config,
        &sources,
        &ModelOptions {
            drafts: options.drafts,
        },
        problems,
    );
    if problems.has_errors() {
        return None;
    }
    let pages = match render::render(&library, &theme) {
        Ok(pages) => pages,
        Err(render_problems) => {
            problems.extend(render_problems.0);
            return None;
        }
    };
    let files = match &options.output {
        Some(output) => {
            let statics: Vec<&load::StaticFile> = theme.statics.values().collect();
            match write::write(output, &pages, &statics) {
                Ok(files) => files,
                Err(problem) => {
                    problems.push(problem);
                    return None;
                }
            }
        }
        None => pages.len() + theme.statics.len(),
    };
    let mut notes = Vec::new();
    if library.config.base_url().is_none() {
        notes.push("no base_url in site.yaml: feed.xml and sitemap.xml were skipped (they need absolute links)".into());
    }
    Some(Summary {
        reports: library.reports.len(),
        months: library.months.len(),
        areas: library.areas.len(),
        units: library.units.len(),
        files,
        elapsed: started.elapsed(),
        notes,
    })
}

/// The default output folder of a site.
pub fn default_output(root: &Path) -> PathBuf {
    root.join("public")
}
