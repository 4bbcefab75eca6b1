//! The whole build in one function, stage by stage:
//! load → model → render → write. Read this to know the order of things.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::Problems;
use crate::rebuild::{Bytes, Session};
use crate::write;

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
    let site = render_site(&options.root, options.drafts, problems)?;
    if let Some(output) = &options.output
        && let Err(problem) = write::write(output, &site.files)
    {
        problems.push(problem);
        return None;
    }
    Some(Summary {
        elapsed: started.elapsed(),
        ..site.summary
    })
}

/// A site rendered in memory: every output file by its path.
pub struct RenderedSite {
    pub files: BTreeMap<String, Bytes>,
    pub summary: Summary,
}

/// Load, model and render: the whole site in memory, nothing written.
/// `build` writes it; `serve` keeps a `Session` to rebuild it in parts.
pub fn render_site(root: &Path, drafts: bool, problems: &mut Problems) -> Option<RenderedSite> {
    let started = Instant::now();
    let mut session = Session::new(root, drafts);
    let outcome = session.rebuild(&[], problems)?;
    let files = session.into_files();
    let mut notes = Vec::new();
    if !outcome.has_base_url {
        notes.push("no base_url in site.yaml: feed.xml and sitemap.xml were skipped (they need absolute links)".into());
    }
    let [reports, months, areas, units] = outcome.counts;
    let summary = Summary {
        reports,
        months,
        areas,
        units,
        files: files.len(),
        elapsed: started.elapsed(),
        notes,
    };
    Some(RenderedSite { files, summary })
}

/// The default output folder of a site.
pub fn default_output(root: &Path) -> PathBuf {
    root.join("public")
}
