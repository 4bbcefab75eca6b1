//! The files under `content/` that are not reports: the pictures and
//! attachments reports show and link (`![活动](photo.png)`,
//! `[通知](附件/通知.pdf)`). They are listed when the site loads, not read:
//! the model publishes those a report refers to, and the build copies
//! them. Hidden files and editors' scratch files are not listed (nor
//! published), and a link leading out of the site is already an error of
//! the walk (`confine`).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{Problem, ProblemKind};

/// One file beside the reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContentFile {
    /// Its size in bytes, as listed.
    pub size: u64,
    /// An ordinary file (a link to one inside content/ counts), not a
    /// pipe, a socket or a device: only those are published.
    pub ordinary: bool,
    /// A link in content/ that leads out of it (to site.yaml, or another
    /// folder of the site): never published.
    pub linked_out: bool,
}

/// The files under `content/` that are not reports, by their path from
/// the site root (`content/gd/附件/通知.pdf`). Cheap to clone: `serve`
/// keeps it to assemble the library again after an edit.
#[derive(Debug, Clone, Default)]
pub struct ContentFiles(Arc<BTreeMap<String, ContentFile>>);

impl ContentFiles {
    pub fn new(files: BTreeMap<String, ContentFile>) -> ContentFiles {
        ContentFiles(Arc::new(files))
    }

    /// The file at `rel` (from the site root), if listed.
    pub fn get(&self, rel: &str) -> Option<&ContentFile> {
        self.0.get(rel)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The largest file `serve` publishes (it holds the site in memory); a
/// build copies files of any size without reading them through memory.
pub const SERVED_FILE_BYTES: u64 = 256 << 20;

/// Where the file at `rel` (from the site root) really is, checked just
/// before it is copied: still inside content/ (no link swapped in since
/// the site was loaded) and an ordinary file (opening a pipe would wait
/// for ever).
pub fn checked_source(root: &Path, rel: &str) -> Result<std::path::PathBuf, Problem> {
    let path = root.join(rel);
    let real = super::Confine::new(&root.join("content")).real(&path)?;
    let metadata = std::fs::metadata(&real)
        .map_err(|err| Problem::error(ProblemKind::Unreadable(err.to_string())).in_file(rel))?;
    if !metadata.is_file() {
        return Err(Problem::error(ProblemKind::NotOrdinaryFile(rel.to_string())).in_file(rel));
    }
    Ok(real)
}
