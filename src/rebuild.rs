//! Rebuilding after a save, for `serve`: only what changed is read and
//! parsed again, and only the pages that show a changed report are
//! rendered again, unless the change reaches every page (a new month, an
//! area's count, site.yaml, a template), when everything is.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::load::{self, Theme};
use crate::model::{self, Library, ModelOptions, ParsedFile};
use crate::render;

/// A file's bytes, shared between builds and the server without copying.
pub type Bytes = Arc<Vec<u8>>;

/// What one rebuild changed in the site's files.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Paths of files added or changed.
    pub changed: Vec<String>,
    /// Paths of files gone.
    pub removed: Vec<String>,
    /// Pages rendered (the rest were kept from the last build).
    pub rendered: usize,
    /// What the site holds: reports, months, areas, units.
    pub counts: [usize; 4],
    /// Without `base_url`, the feed and sitemap are skipped.
    pub has_base_url: bool,
}

/// A site kept between rebuilds.
pub struct Session {
    root: PathBuf,
    drafts: bool,
    state: Option<State>,
    /// The site's files as of the last good build.
    files: BTreeMap<String, Bytes>,
    /// The search index as last made, so an edit redoes only its part.
    search: render::search::Cache,
}

struct State {
    config: SiteConfig,
    theme: Theme,
    /// Each report file, by path: a hash of its text and what it parsed to.
    reports: BTreeMap<String, (u64, ParsedFile)>,
    /// Report files changed since the last good build.
    pending: BTreeSet<String>,
    /// What each pending file parsed to before it changed (none: it is
    /// new), so that `model::patch` can tell what an edit moved.
    before: BTreeMap<String, Option<ParsedFile>>,
    /// The library of the last good build, for patching in place.
    library: Option<Library>,
    fingerprint: u64,
}

impl Session {
    pub fn new(root: &Path, drafts: bool) -> Session {
        Session {
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            drafts,
            state: None,
            files: BTreeMap::new(),
            search: render::search::Cache::kept(),
        }
    }

    pub fn files(&self) -> &BTreeMap<String, Bytes> {
        &self.files
    }

    /// Rebuilds after `changed` paths changed (none: everything). Returns
    /// what changed in the site, or `None` when the build has errors (the
    /// last good files stay).
    pub fn rebuild(&mut self, changed: &[PathBuf], problems: &mut Problems) -> Option<Outcome> {
        let content = self.root.join("content");
        // Report files only: a folder (added, moved, removed) reloads everything.
        let only_reports = !changed.is_empty()
            && changed
                .iter()
                .all(|p| p.starts_with(&content) && load::is_markdown(p) && !p.is_dir());
        match (self.state.as_mut(), only_reports) {
            (Some(state), true) => {
                state.reread(&self.root, changed);
                self.render(problems)
            }
            _ => {
                self.state = None;
                let inputs = load::load(&self.root, problems)?;
                if problems.has_errors() {
                    // A file that could not be read is not in `inputs`: keep
                    // no state, so the next change reloads (and reports) it
                    // again rather than publishing the site without it.
                    return None;
                }
                let reports = parse_all(&inputs.config, &inputs.sources);
                let pending = reports.keys().cloned().collect();
                self.state = Some(State {
                    config: inputs.config,
                    theme: inputs.theme,
                    reports,
                    pending,
                    before: BTreeMap::new(),
                    library: None,
                    fingerprint: 0,
                });
                self.render(problems)
            }
        }
    }

    fn render(&mut self, problems: &mut Problems) -> Option<Outcome> {
        let state = self.state.as_mut()?;
        if state.reports.is_empty() {
            problems.push(Problem::error(ProblemKind::NoReports("content/".into())));
            return None;
        }
        // None: every area of the edited reports.
        let (library, touched) = match state.patched() {
            Some((library, areas)) => (library, Some(areas)),
            None => {
                let parsed = state
                    .reports
                    .values()
                    .map(|(_, parsed)| parsed.clone())
                    .collect();
                let library = model::assemble_parsed(
                    state.config.clone(),
                    parsed,
                    &ModelOptions {
                        drafts: self.drafts,
                    },
                    problems,
                );
                if problems.has_errors() {
                    return None;
                }
                (library, None)
            }
        };
        // A timeline page of an area the edits left alone shows nothing
        // that changed.
        let timeline_untouched = |page: &render::PageInfo| {
            page.timeline_of
                .is_some_and(|a| touched.as_ref().is_some_and(|areas| !areas.contains(&a)))
        };
        let fingerprint = render::structure_fingerprint(&library, &state.theme);
        let everything = fingerprint != state.fingerprint || self.files.is_empty();
        let pending = &state.pending;
        let files = &self.files;
        let select = |page: &render::PageInfo| {
            everything
                || !files.contains_key(page.path)
                || (page
                    .reports
                    .iter()
                    .any(|r| pending.contains(&library.reports[*r].source))
                    && !timeline_untouched(page))
        };
        let rendered = match render::render_selected(&library, &state.theme, &self.search, &select)
        {
            Ok(rendered) => rendered,
            Err(render_problems) => {
                problems.extend(render_problems.0);
                return None;
            }
        };
        let mut outcome = Outcome {
            rendered: rendered.pages.len(),
            counts: [
                library.reports.len(),
                library.months.len(),
                library.areas.len(),
                library.units.len(),
            ],
            has_base_url: library.config.base_url().is_some(),
            ..Outcome::default()
        };
        let mut next: BTreeMap<String, Bytes> = BTreeMap::new();
        // Static files first, pages over them, as `build` does.
        for file in state.theme.statics.values() {
            next.insert(file.path.clone(), Arc::new(file.bytes.clone()));
        }
        for path in &rendered.all_paths {
            if let Some(bytes) = self.files.get(path) {
                next.insert(path.clone(), Arc::clone(bytes));
            }
        }
        for page in rendered.pages {
            next.insert(page.path, Arc::new(page.bytes));
        }
        // Each report's file, to download: read again when it changed.
        for (path, source) in render::source_copies(&library) {
            let kept = self
                .files
                .get(&path)
                .filter(|_| !everything && !state.pending.contains(source));
            let bytes = match kept {
                Some(bytes) => Arc::clone(bytes),
                None => match crate::load::read_bounded(
                    &self.root.join(source),
                    source,
                    crate::load::REPORT_BYTES,
                ) {
                    Ok(bytes) => Arc::new(bytes),
                    Err(problem) => {
                        problems.push(problem);
                        return None;
                    }
                },
            };
            next.insert(path, bytes);
        }
        for (path, bytes) in &next {
            // Kept pages are the same allocation: no need to compare bytes.
            let same = self
                .files
                .get(path)
                .is_some_and(|old| Arc::ptr_eq(old, bytes) || old == bytes);
            if !same {
                outcome.changed.push(path.clone());
            }
        }
        outcome.removed = self
            .files
            .keys()
            .filter(|p| !next.contains_key(*p))
            .cloned()
            .collect();
        self.files = next;
        state.fingerprint = fingerprint;
        state.pending.clear();
        state.library = Some(library);
        Some(outcome)
    }
}

impl State {
    /// The last good library with the pending edits patched in, when every
    /// one of them leaves the site's structure as it was. Either way the
    /// kept library is used up: after a failed build there is none.
    /// Also returns the work areas whose text the edits changed: only their
    /// timelines need rendering again.
    fn patched(&mut self) -> Option<(Library, BTreeSet<usize>)> {
        let before = std::mem::take(&mut self.before);
        let mut library = self.library.take()?;
        let mut areas = BTreeSet::new();
        // Where each edited report is, found in one pass (a search per
        // edit cost edits × reports when a checkout changed them all). A
        // draft left out of the site is not there: assemble again.
        let places: HashMap<&str, usize> = (library.reports.iter().enumerate())
            .map(|(i, r)| (r.source.as_str(), i))
            .collect();
        let edited: Vec<(&String, usize)> = (self.pending.iter())
            .map(|rel| places.get(rel.as_str()).map(|&r| (rel, r)))
            .collect::<Option<_>>()?;
        drop(places);
        for (rel, report) in edited {
            let old = before.get(rel)?.as_ref()?;
            let (_, new) = self.reports.get(rel)?;
            if !model::patch(&mut library, report, old, new, &mut areas) {
                return None;
            }
        }
        Some((library, areas))
    }

    /// Reads the changed report files again; parses those whose text
    /// changed, forgets those gone.
    fn reread(&mut self, root: &Path, changed: &[PathBuf]) {
        for path in changed {
            let rel = load::relative(root, path);
            match load::reload_report(root, path) {
                None => {
                    if let Some((_, old)) = self.reports.remove(&rel) {
                        self.before.entry(rel.clone()).or_insert(Some(old));
                        self.pending.insert(rel);
                    }
                }
                Some(Err(problem)) => {
                    let old = self
                        .reports
                        .insert(rel.clone(), (0, ParsedFile::unreadable(problem)));
                    self.before
                        .entry(rel.clone())
                        .or_insert(old.map(|(_, p)| p));
                    self.pending.insert(rel);
                }
                Some(Ok(source)) => {
                    let hash = text_hash(&source.text);
                    if self.reports.get(&rel).map(|(h, _)| *h) != Some(hash) {
                        let parsed = model::parse_file(&self.config, &source);
                        let old = self.reports.insert(rel.clone(), (hash, parsed));
                        // The version the kept library was built from.
                        self.before
                            .entry(rel.clone())
                            .or_insert(old.map(|(_, p)| p));
                        self.pending.insert(rel);
                    }
                }
            }
        }
    }
}

fn parse_all(
    config: &SiteConfig,
    sources: &[load::SourceFile],
) -> BTreeMap<String, (u64, ParsedFile)> {
    let parsed = model::parse_all(config, sources.to_vec());
    sources
        .iter()
        .zip(parsed)
        .map(|(source, parsed)| (source.rel.clone(), (text_hash(&source.text), parsed)))
        .collect()
}

fn text_hash(text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}
