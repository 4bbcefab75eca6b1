//! The site driver. `Site::load` is the one place where the stages load →
//! model are wired; `build` and `check` (`build.rs`), `serve`
//! (`preview.rs`) and `new` start from it, and render and write what it
//! holds. Read this module to know the order of things.

mod build;
pub mod preview;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

pub use build::{BuildOptions, BuildSummary, build, default_output};

use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::load::{self, Theme};
use crate::model::{self, Library, ModelOptions, ParsedFile};

/// What the site is loaded for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Once: nothing is kept but the library.
    Build,
    /// For edits: each report's parse is kept, so that an edit re-reads
    /// and re-parses only the edited file and patches the library.
    Serve,
}

#[derive(Debug, Clone, Copy)]
pub struct SiteOptions {
    /// Reports marked `draft: true` are in the site.
    pub drafts: bool,
    pub mode: Mode,
}

/// A site, loaded and modelled.
pub struct Site {
    pub root: PathBuf,
    pub theme: Theme,
    pub library: Library,
    config: SiteConfig,
    /// The files beside the reports (pictures, attachments), as loaded:
    /// a change to one loads the site again (`takes`).
    files: load::ContentFiles,
    options: SiteOptions,
    /// Serve: each report file, by path: a hash of its text and its parse.
    reports: BTreeMap<String, (u64, ParsedFile)>,
    /// Report files changed since the library was last good.
    pending: BTreeSet<String>,
    /// What each pending file parsed to in the library (none: it is
    /// new), so that `model::patch` can tell what an edit moved.
    before: BTreeMap<String, Option<ParsedFile>>,
    /// The library is not what `reports` make (an update failed): the
    /// next update assembles it again rather than patching it.
    stale: bool,
}

/// What an update changed.
#[derive(Debug, Default)]
pub struct Update {
    /// The report files edited, added or removed, by path.
    pub edited: BTreeSet<String>,
    /// The work areas whose text the edits changed, when the library was
    /// patched; none when it was assembled again (any may have).
    pub touched_areas: Option<BTreeSet<usize>>,
}

impl Site {
    /// Reads and models the site at `root`. Problems (warnings too) go to
    /// `problems`; there is no site when one is an error.
    pub fn load(root: &Path, options: SiteOptions, problems: &mut Problems) -> Option<Site> {
        let load::Inputs {
            config,
            mut sources,
            files,
            theme,
        } = load::load(root, problems)?;
        if problems.has_errors() {
            return None;
        }
        // One order for build and serve, so that both make the same site.
        sources.sort_by(|a, b| a.rel.cmp(&b.rel));
        let mut reports = BTreeMap::new();
        let parsed = match options.mode {
            Mode::Build => model::parse_all(&config, sources),
            Mode::Serve => {
                let hashes: Vec<(String, u64)> = (sources.iter())
                    .map(|s| (s.rel.clone(), text_hash(&s.text)))
                    .collect();
                let parsed = model::parse_all(&config, sources);
                for ((rel, hash), parsed) in hashes.into_iter().zip(&parsed) {
                    reports.insert(rel, (hash, parsed.clone()));
                }
                parsed
            }
        };
        let library = assemble(config.clone(), parsed, &files, options, problems)?;
        Some(Site {
            root: root.to_path_buf(),
            theme,
            library,
            config,
            files,
            options,
            reports,
            pending: BTreeSet::new(),
            before: BTreeMap::new(),
            stale: false,
        })
    }

    /// Whether `changed` paths are report files only (then `update` can
    /// take them; anything else, a folder too, needs the site loaded again).
    pub fn takes(&self, changed: &[PathBuf]) -> bool {
        let content = self.root.join("content");
        self.options.mode == Mode::Serve
            && !changed.is_empty()
            && changed
                .iter()
                .all(|p| p.starts_with(&content) && load::is_markdown(p) && !p.is_dir())
    }

    /// Reads the report files `changed` again (those `takes`) and updates
    /// the library: patched in place when every edit leaves the site's
    /// structure as it was, assembled again otherwise. No update when the
    /// site has errors: the library stays as it was, and the edits are
    /// kept for the next update.
    pub fn update(&mut self, changed: &[PathBuf], problems: &mut Problems) -> Option<Update> {
        self.reread(changed);
        let touched_areas = if self.stale { None } else { self.patched() };
        self.before.clear();
        if touched_areas.is_none() {
            let parsed = self.reports.values().map(|(_, p)| p.clone()).collect();
            self.stale = true;
            self.library = assemble(
                self.config.clone(),
                parsed,
                &self.files,
                self.options,
                problems,
            )?;
            self.stale = false;
        }
        Some(Update {
            edited: std::mem::take(&mut self.pending),
            touched_areas,
        })
    }

    /// Patches the pending edits into the library, when every one leaves
    /// the site's structure as it was; returns the work areas whose text
    /// they changed. None otherwise (the library may be half patched).
    fn patched(&mut self) -> Option<BTreeSet<usize>> {
        let mut areas = BTreeSet::new();
        // Where each edited report is, found in one pass (a search per
        // edit cost edits × reports when a checkout changed them all). A
        // draft left out of the site is not there: assemble again.
        let places: HashMap<&str, usize> = (self.library.reports.iter().enumerate())
            .map(|(i, r)| (r.source.as_str(), i))
            .collect();
        let edited: Vec<(&String, usize)> = (self.pending.iter())
            .map(|rel| places.get(rel.as_str()).map(|&r| (rel, r)))
            .collect::<Option<_>>()?;
        drop(places);
        for (rel, report) in edited {
            let old = self.before.get(rel)?.as_ref()?;
            let (_, new) = self.reports.get(rel)?;
            if !model::patch(&mut self.library, report, old, new, &mut areas) {
                return None;
            }
        }
        Some(areas)
    }

    /// Reads the changed report files again; parses those whose text
    /// changed, forgets those gone.
    fn reread(&mut self, changed: &[PathBuf]) {
        for path in changed {
            let rel = load::relative(&self.root, path);
            let parsed = match load::reload_report(&self.root, path) {
                None => None,
                Some(Err(problem)) => Some((0, ParsedFile::unreadable(problem))),
                Some(Ok(source)) => {
                    let hash = text_hash(&source.text);
                    if self.reports.get(&rel).map(|(h, _)| *h) == Some(hash) {
                        continue;
                    }
                    Some((hash, model::parse_file(&self.config, &source)))
                }
            };
            let old = match parsed {
                Some(parsed) => self.reports.insert(rel.clone(), parsed),
                None => match self.reports.remove(&rel) {
                    Some(old) => Some(old),
                    None => continue,
                },
            };
            // The version the library was built from: the first replaced.
            self.before
                .entry(rel.clone())
                .or_insert(old.map(|(_, p)| p));
            self.pending.insert(rel);
        }
    }
}

/// The library of `parsed` report files, when it has no errors and at
/// least one report.
fn assemble(
    config: SiteConfig,
    parsed: Vec<ParsedFile>,
    files: &load::ContentFiles,
    options: SiteOptions,
    problems: &mut Problems,
) -> Option<Library> {
    let model_options = ModelOptions {
        drafts: options.drafts,
        files: files.clone(),
    };
    let library = model::assemble_parsed(config, parsed, &model_options, problems);
    if problems.has_errors() {
        return None;
    }
    if library.reports.is_empty() {
        problems.push(Problem::error(ProblemKind::NoReports("content/".into())));
        return None;
    }
    Some(library)
}

fn text_hash(text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}
