//! Stage 4, write: the rendered pages and static files into the output
//! folder. Everything goes into a fresh folder beside the output, which
//! replaces the output only once complete (in one atomic exchange on
//! Linux), so a failed build leaves the previous output as it was. Files
//! the previous output already holds byte for byte are linked from it,
//! not written again (`previous`).

use std::path::{Path, PathBuf};

use crate::diagnostics::{Problem, ProblemKind};

mod previous;
mod staging;

pub use staging::{Staging, Written};

/// The file that marks a folder as reportal's own output: only such a
/// folder is ever replaced without `--force`.
pub const MARKER: &str = ".reportal-output";
pub(crate) const MARKER_TEXT: &str = "made by reportal; replaced on every build\n";

/// Refuses output folders whose replacement would lose the writers' work:
/// the site itself, anything holding it, its sources, or a folder reportal
/// did not make (unless `force`). Both sides are compared as the system
/// resolves them, links and all: `content` may be a link to the very
/// folder `--output` names, and `--force` never overrides this.
fn shown(path: &Path) -> String {
    path.display().to_string()
}

pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<(), Problem> {
    let refuse = |kind: ProblemKind| Err(Problem::error(kind));
    let root = absolute(root);
    let output = absolute(output);
    if root.starts_with(&output) {
        return refuse(ProblemKind::OutputHoldsSite(shown(&output)));
    }
    for source in [
        "content",
        "templates",
        "static",
        "themes",
        "i18n",
        "site.yaml",
    ] {
        let source_path = absolute(&root.join(source));
        if output.starts_with(&source_path) || source_path.starts_with(&output) {
            return refuse(ProblemKind::OutputTouchesSource {
                output: shown(&output),
                source: source.to_string(),
                path: shown(&source_path),
            });
        }
    }
    if let Some(link) = link_into(&root, &output) {
        return refuse(ProblemKind::OutputLinkedFrom {
            output: shown(&output),
            link,
        });
    }
    let has_files = std::fs::read_dir(&output).is_ok_and(|mut entries| entries.next().is_some());
    if has_files && !output.join(MARKER).is_file() && !force {
        return refuse(ProblemKind::OutputNotOurs(shown(&output)));
    }
    if output.exists() && !output.is_dir() {
        return refuse(ProblemKind::OutputNotAFolder(shown(&output)));
    }
    Ok(())
}

/// The path made absolute and cleaned of `.` and `..`, with symbolic links
/// resolved as far as the path exists: the longest existing ancestor is
/// resolved and the rest appended (a link two folders up still counts).
pub(crate) fn absolute(path: &Path) -> PathBuf {
    let joined = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(real) = joined.canonicalize() {
        return real;
    }
    let mut clean = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    let mut missing = Vec::new();
    let mut existing = clean.as_path();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return missing
                .iter()
                .rev()
                .fold(real, |path, name| path.join(name));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => return clean,
        }
    }
}

/// A link under the site's source folders whose real path is, holds or
/// lies inside `output` (`content/gd` → `archive/gd`, built into): the
/// build would replace what the link leads to.
fn link_into(root: &Path, output: &Path) -> Option<String> {
    ["content", "templates", "static", "themes", "i18n"]
        .iter()
        .flat_map(|source| {
            walkdir::WalkDir::new(root.join(source))
                .into_iter()
                .flatten()
        })
        .filter(|entry| entry.path_is_symlink())
        .find(|entry| {
            entry
                .path()
                .canonicalize()
                .is_ok_and(|real| real.starts_with(output) || output.starts_with(&real))
        })
        .map(|entry| crate::load::relative(root, entry.path()))
}

/// A relative, `/`-separated path made only of plain names.
pub(crate) fn stays_inside(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}
