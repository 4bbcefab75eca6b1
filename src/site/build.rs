//! `build` and `check`: the site loaded, rendered whole, and written to a
//! staging folder that replaces the output only when all went well (or,
//! for `check`, written nowhere).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Mode, Site, SiteOptions};
use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::model::{Library, Month, Reporting};
use crate::render::{self, Sink};
use crate::{links, write};

pub struct BuildOptions {
    pub root: PathBuf,
    /// Where to write; `None` checks without writing.
    pub output: Option<PathBuf>,
    pub drafts: bool,
    /// Replace an output folder reportal did not make.
    pub force: bool,
    /// Check that every link between the pages leads somewhere.
    pub check_links: bool,
}

/// What a build made, for its one-line summary.
#[derive(Debug)]
pub struct BuildSummary {
    pub reports: usize,
    pub months: usize,
    pub areas: usize,
    pub units: usize,
    pub files: usize,
    /// Of `files`, how many were written and how many kept unchanged
    /// from the previous output (none for `check`).
    pub written: write::Written,
    pub elapsed: Duration,
    /// Things worth telling that are not problems (no feed without base_url).
    pub notes: Vec<String>,
    /// The latest month, and the units with no report for it (those with
    /// only a draft marked so): what `check` tells whoever collects them.
    pub unreported: Option<(Month, Vec<String>)>,
}

/// Builds (or, without an output, checks) the site. Problems are returned
/// in every case; the summary only when there was no error.
pub fn build(options: &BuildOptions) -> (Option<BuildSummary>, Problems) {
    let started = Instant::now();
    let mut problems = Problems::default();
    let summary = run(options, &mut problems, started);
    problems.sort();
    let summary = if problems.has_errors() { None } else { summary };
    (summary, problems)
}

fn run(options: &BuildOptions, problems: &mut Problems, started: Instant) -> Option<BuildSummary> {
    let site_options = SiteOptions {
        drafts: options.drafts,
        mode: Mode::Build,
    };
    // Read first: what is said about the output is then in the site's
    // language, and nothing is written before the output is checked.
    let site = Site::load(&options.root, site_options, problems)?;
    if let Some(output) = &options.output
        && let Err(problem) = write::check_output(&options.root, output, options.force)
    {
        problems.push(problem);
        return None;
    }
    let staging = match options.output.as_deref().map(write::Staging::create) {
        Some(Ok(staging)) => Some(staging),
        Some(Err(problem)) => {
            problems.push(problem);
            return None;
        }
        None => None,
    };
    let sink = StagingSink {
        root: &options.root,
        staging: staging.as_ref(),
        scanned: options.check_links.then(|| Mutex::new(Vec::new())),
    };
    let cache = render::search::Cache::default();
    let done = match render::render(
        &site.library,
        &site.theme,
        &cache,
        &render::Everything,
        &sink,
    ) {
        Ok(done) => done,
        Err(render_problems) => {
            problems.extend(render_problems.0);
            return None;
        }
    };
    if let Some(scanned) = sink.scanned {
        let pages = scanned
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let all: HashSet<String> = done.outputs.iter().map(|o| o.path.clone()).collect();
        for broken in links::broken(&pages, &all) {
            problems.push(Problem::error(ProblemKind::BrokenLink(broken)));
        }
        if problems.has_errors() {
            return None;
        }
    }
    let written = match staging.map(write::Staging::commit) {
        Some(Ok(written)) => written,
        Some(Err(problem)) => {
            problems.push(problem);
            return None;
        }
        None => write::Written::default(),
    };
    let library = &site.library;
    let mut notes = Vec::new();
    if library.config.base_url().is_none() {
        notes.push(crate::msg!("note-no-base-url"));
    }
    Some(BuildSummary {
        unreported: unreported(library),
        reports: library.reports.len(),
        months: library.months.len(),
        areas: library.areas.len(),
        units: library.units.len(),
        files: done.outputs.len(),
        written,
        elapsed: started.elapsed(),
        notes,
    })
}

/// The staging folder of a build (none for `check`), with the pages'
/// links collected when they are to be checked.
struct StagingSink<'a> {
    root: &'a Path,
    staging: Option<&'a write::Staging>,
    scanned: Option<Mutex<Vec<links::PageLinks>>>,
}

impl Sink for StagingSink<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), Problem> {
        if let Some(scanned) = &self.scanned
            && path.ends_with(".html")
            && path != "404.html"
        {
            let links = links::scan(path, &bytes);
            scanned
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(links);
        }
        match self.staging {
            Some(staging) => staging.put(path, &bytes),
            None => Ok(()),
        }
    }

    fn copy(&self, path: &str, source: &str) -> Result<(), Problem> {
        match self.staging {
            Some(staging) => staging.copy(path, &self.root.join(source)),
            None => Ok(()),
        }
    }

    fn attach(&self, path: &str, source: &str) -> Result<(), Problem> {
        let real = crate::load::files::checked_source(self.root, source)?;
        match self.staging {
            Some(staging) => staging.copy(path, &real),
            None => Ok(()),
        }
    }
}

/// The latest month, and the units with no report for it (those not
/// expected that month are not late).
fn unreported(library: &Library) -> Option<(Month, Vec<String>)> {
    let latest = library.latest_month()?;
    let missing: Vec<String> = (0..library.units.len())
        .filter_map(|u| {
            let name = &library.units[u].name;
            match library.reporting(u, latest) {
                Reporting::Missing => Some(name.clone()),
                Reporting::Draft(_) => Some(crate::msg!("unit-draft", name = name)),
                Reporting::Submitted(_) | Reporting::NotExpected => None,
            }
        })
        .collect();
    Some((latest, missing))
}

/// The default output folder of a site.
pub fn default_output(root: &Path) -> PathBuf {
    root.join("public")
}
