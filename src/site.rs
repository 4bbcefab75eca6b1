//! The whole build in one function, stage by stage:
//! load → model → render → write. Read this to know the order of things.
//! (`serve` runs the same stages through `rebuild::Session`, which keeps
//! the site in memory and redoes only what an edit touched.)

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::model::{self, ModelOptions, Month};
use crate::{links, load, render, write};

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
    /// The latest month, and the units with no report for it (those with
    /// only a draft marked so): what `check` tells whoever collects them.
    pub unreported: Option<(Month, Vec<String>)>,
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
    // Load and model: every report read and parsed, then placed.
    let load::Inputs {
        config,
        mut sources,
        theme,
    } = load::load(&options.root, problems)?;
    if problems.has_errors() {
        return None;
    }
    // The order `serve` keeps them in, so both build the same site.
    sources.sort_by(|a, b| a.rel.cmp(&b.rel));
    let parsed = model::parse_all(&config, sources);
    let options_model = ModelOptions {
        drafts: options.drafts,
    };
    let library = model::assemble_parsed(config, parsed, &options_model, problems);
    if problems.has_errors() {
        return None;
    }
    if library.reports.is_empty() {
        problems.push(Problem::error(ProblemKind::NoReports("content/".into())));
        return None;
    }
    // Render and write: each page goes to disk as it is made.
    let staging = match options
        .output
        .as_deref()
        .map(write::Staging::create)
        .transpose()
    {
        Ok(staging) => staging,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    let put = |path: &str, bytes: &[u8]| match &staging {
        Some(staging) => staging.put(path, bytes),
        None => Ok(()),
    };
    // Static files first, pages over them.
    let mut files: BTreeSet<String> = BTreeSet::new();
    for file in theme.statics.values() {
        if let Err(problem) = put(&file.path, &file.bytes) {
            problems.push(problem);
            return None;
        }
        files.insert(file.path.clone());
    }
    let scanned = std::sync::Mutex::new(Vec::new());
    let search_cache = render::search::Cache::default();
    let pages = render::render_each(&library, &theme, &search_cache, &|_| true, &|page| {
        if options.check_links && page.path.ends_with(".html") && page.path != "404.html" {
            let links = links::scan(&page.path, &page.bytes);
            scanned
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(links);
        }
        put(&page.path, &page.bytes)
    });
    match pages {
        Ok(paths) => files.extend(paths),
        Err(render_problems) => {
            problems.extend(render_problems.0);
            return None;
        }
    }
    // Each report's file as written, to download beside its month.
    // (In parallel: at 6,000 reports that is 185 MB to copy.)
    let copies = render::source_copies(&library);
    if let Some(staging) = &staging {
        use rayon::prelude::*;
        let failed: Vec<Problem> = copies
            .par_iter()
            .filter_map(|(path, source)| staging.copy(path, &options.root.join(source)).err())
            .collect();
        if !failed.is_empty() {
            problems.extend(failed);
            return None;
        }
    }
    files.extend(copies.into_iter().map(|(path, _)| path));
    if options.check_links {
        let pages = scanned
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let all: std::collections::HashSet<String> = files.iter().cloned().collect();
        for broken in links::broken(&pages, &all) {
            problems.push(Problem::error(ProblemKind::BrokenLink(broken)));
        }
        if problems.has_errors() {
            return None;
        }
    }
    if let Some(staging) = staging
        && let Err(problem) = staging.commit()
    {
        problems.push(problem);
        return None;
    }
    let mut notes = Vec::new();
    if library.config.base_url().is_none() {
        notes.push("no base_url in site.yaml: feed.xml and sitemap.xml were skipped (they need absolute links)".into());
    }
    Some(Summary {
        unreported: unreported(&library),
        reports: library.reports.len(),
        months: library.months.len(),
        areas: library.areas.len(),
        units: library.units.len(),
        files: files.len(),
        elapsed: started.elapsed(),
        notes,
    })
}

fn unreported(library: &model::Library) -> Option<(Month, Vec<String>)> {
    let (&latest, reports) = library.months.iter().next_back()?;
    let missing: Vec<String> = (0..library.units.len())
        .filter(|&u| {
            !reports
                .iter()
                .any(|&r| library.reports[r].unit == u && !library.reports[r].draft)
        })
        .map(|u| {
            let name = &library.units[u].name;
            let draft = library.drafts.contains(&(u, latest))
                || reports
                    .iter()
                    .any(|&r| library.reports[r].unit == u && library.reports[r].draft);
            if draft {
                format!("{name} (draft)")
            } else {
                name.clone()
            }
        })
        .collect();
    Some((latest, missing))
}

/// The default output folder of a site.
pub fn default_output(root: &Path) -> PathBuf {
    root.join("public")
}
