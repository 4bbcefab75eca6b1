//! The site as `serve` previews it: held in memory between saves. After a
//! save only the edited reports are read again, and only the files that
//! show them are made again, unless the change reaches every page (a new
//! month, an area's count, site.yaml, a template), when everything is.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::{Mode, Site, SiteOptions, Update};
use crate::diagnostics::{Problem, Problems};
use crate::load;
use crate::model::Library;
use crate::render::{self, Output, Selection, Shows, Sink};

/// A file's bytes, shared between builds and the server without copying.
pub type Bytes = Arc<Vec<u8>>;

/// What one rebuild changed in the site's files.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Paths of files added or changed.
    pub changed: Vec<String>,
    /// Paths of files gone.
    pub removed: Vec<String>,
    /// Files made (the rest were kept from the last build).
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
    site: Option<Site>,
    /// The site's files as of the last good build.
    files: BTreeMap<String, Bytes>,
    /// The search index as last made, so an edit redoes only its part.
    search: render::search::Cache,
    /// The structure the files were made for (see `structure_fingerprint`).
    fingerprint: u64,
}

impl Session {
    pub fn new(root: &Path, drafts: bool) -> Session {
        Session {
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            drafts,
            site: None,
            files: BTreeMap::new(),
            search: render::search::Cache::kept(),
            fingerprint: 0,
        }
    }

    pub fn files(&self) -> &BTreeMap<String, Bytes> {
        &self.files
    }

    /// Rebuilds after `changed` paths changed (none: everything). Returns
    /// what changed in the site, or `None` when the build has errors (the
    /// last good files stay).
    pub fn rebuild(&mut self, changed: &[PathBuf], problems: &mut Problems) -> Option<Outcome> {
        // Loaded again: every file is made again (a static file or a
        // template may be what changed).
        let mut reloaded = false;
        let update = match &mut self.site {
            Some(site) if site.takes(changed) => site.update(changed, problems)?,
            _ => {
                // A file that could not be read is not in the site: keep
                // none, so that the next change loads (and reports) it
                // again rather than publishing the site without it.
                self.site = None;
                let options = SiteOptions {
                    drafts: self.drafts,
                    mode: Mode::Serve,
                };
                self.site = Some(Site::load(&self.root, options, problems)?);
                reloaded = true;
                Update::default()
            }
        };
        let site = self.site.as_ref()?;
        let fingerprint = render::structure_fingerprint(&site.library, &site.theme);
        let selection = EditSelection::new(
            &site.library,
            &update,
            reloaded || fingerprint != self.fingerprint,
            &self.files,
        );
        let sink = MemorySink {
            root: &self.root,
            files: Mutex::new(BTreeMap::new()),
        };
        let done = match render::render(&site.library, &site.theme, &self.search, &selection, &sink)
        {
            Ok(done) => done,
            Err(render_problems) => {
                problems.extend(render_problems.0);
                // The edits were taken from the site but their files not
                // made: the next change loads and makes everything again.
                self.site = None;
                return None;
            }
        };
        let made = sink
            .files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let next = merged(&self.files, &done.outputs, made);
        let library = &site.library;
        let outcome = Outcome {
            changed: (next.iter())
                .filter(|(path, bytes)| {
                    // Kept files are the same allocation: no need to compare.
                    !(self.files.get(*path))
                        .is_some_and(|old| Arc::ptr_eq(old, bytes) || old == *bytes)
                })
                .map(|(path, _)| path.clone())
                .collect(),
            removed: (self.files.keys())
                .filter(|p| !next.contains_key(*p))
                .cloned()
                .collect(),
            rendered: done.made,
            counts: [
                library.reports.len(),
                library.months.len(),
                library.areas.len(),
                library.units.len(),
            ],
            has_base_url: library.config.base_url().is_some(),
        };
        self.files = next;
        self.fingerprint = fingerprint;
        Some(outcome)
    }
}

/// The site's files: those made now, the others as they were.
fn merged(
    before: &BTreeMap<String, Bytes>,
    outputs: &[Output],
    mut made: BTreeMap<String, Bytes>,
) -> BTreeMap<String, Bytes> {
    outputs
        .iter()
        .filter_map(|output| {
            let bytes = made
                .remove(&output.path)
                .or_else(|| before.get(&output.path).cloned())?;
            Some((output.path.clone(), bytes))
        })
        .collect()
}

/// The files an edit needs made again: those that show an edited report
/// (on a timeline, only when the edit changed that area's text), those
/// not made before, and every one when the site's structure changed.
pub struct EditSelection<'a> {
    everything: bool,
    have: &'a BTreeMap<String, Bytes>,
    /// Per report of the library: edited.
    edited: Vec<bool>,
    touched_areas: Option<&'a BTreeSet<usize>>,
}

impl<'a> EditSelection<'a> {
    pub fn new(
        library: &Library,
        update: &'a Update,
        everything: bool,
        have: &'a BTreeMap<String, Bytes>,
    ) -> EditSelection<'a> {
        EditSelection {
            everything,
            have,
            edited: (library.reports.iter())
                .map(|r| update.edited.contains(&r.source))
                .collect(),
            touched_areas: update.touched_areas.as_ref(),
        }
    }
}

impl Selection for EditSelection<'_> {
    fn wants(&self, output: &Output) -> bool {
        let shows_edited = match &output.shows {
            Shows::Every => self.edited.contains(&true),
            Shows::Reports(reports) => reports.iter().any(|&r| self.edited[r]),
        };
        // A timeline page of an area the edits left alone shows nothing
        // that changed.
        let untouched = output.timeline_of.is_some_and(|area| {
            self.touched_areas
                .is_some_and(|areas| !areas.contains(&area))
        });
        self.needs(output) || (shows_edited && !untouched)
    }

    fn needs(&self, output: &Output) -> bool {
        self.everything || !self.have.contains_key(&output.path)
    }
}

/// The files made, in memory; a report's copy read from its file.
struct MemorySink<'a> {
    root: &'a Path,
    files: Mutex<BTreeMap<String, Bytes>>,
}

impl Sink for MemorySink<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), Problem> {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string(), Arc::new(bytes));
        Ok(())
    }

    fn copy(&self, path: &str, source: &str) -> Result<(), Problem> {
        let bytes = load::read_bounded(&self.root.join(source), source, load::REPORT_BYTES)?;
        self.put(path, bytes)
    }

    fn attach(&self, path: &str, source: &str) -> Result<(), Problem> {
        let real = load::files::checked_source(self.root, source)?;
        let limit = load::files::SERVED_FILE_BYTES;
        let bytes = load::read_bounded(&real, source, limit)?;
        self.put(path, bytes)
    }
}
