//! Stage 4, write: the rendered pages and static files into the output
//! folder, atomically. Everything goes into a fresh folder beside the
//! output, which replaces the output only once complete, so a failed build
//! leaves the previous output as it was.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Problem, ProblemKind};
use crate::load::StaticFile;
use crate::render::Page;

/// The file that marks a folder as reportal's own output: only such a
/// folder is ever replaced without `--force`.
pub const MARKER: &str = ".reportal-output";

/// Refuses output folders whose replacement would lose the writers' work:
/// the site itself, anything holding it, its sources, or a folder reportal
/// did not make (unless `force`).
pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<(), Problem> {
    let refuse = |why: String| Err(Problem::error(ProblemKind::Output(why)));
    let root = absolute(root);
    let output = absolute(output);
    if root.starts_with(&output) {
        return refuse(format!(
            "refusing to build into {}: it is or contains the site folder",
            output.display()
        ));
    }
    for source in ["content", "templates", "static", "themes", "site.yaml"] {
        let source_path = root.join(source);
        if output.starts_with(&source_path) {
            return refuse(format!(
                "refusing to build into {}: it is inside the site's {source}",
                output.display()
            ));
        }
    }
    let has_files = std::fs::read_dir(&output).is_ok_and(|mut entries| entries.next().is_some());
    if has_files && !output.join(MARKER).is_file() && !force {
        return refuse(format!(
            "refusing to replace {}: it has files and reportal did not make it (use --force to replace it anyway)",
            output.display()
        ));
    }
    if output.exists() && !output.is_dir() {
        return refuse(format!("{} exists and is not a folder", output.display()));
    }
    Ok(())
}

/// The path made absolute and cleaned of `.` and `..` without touching the
/// disk, with symbolic links resolved where the path exists.
fn absolute(path: &Path) -> PathBuf {
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
    // The parent may exist (the usual case: a new `public/`); resolve it.
    match (
        clean.parent().and_then(|p| p.canonicalize().ok()),
        clean.file_name(),
    ) {
        (Some(parent), Some(name)) => parent.join(name),
        _ => clean,
    }
}

/// Writes the site into `output`, replacing what was there. Returns how
/// many files were written.
pub fn write(output: &Path, pages: &[Page], statics: &[&StaticFile]) -> Result<usize, Problem> {
    let fail = |what: &str, path: &Path, err: std::io::Error| {
        Problem::error(ProblemKind::Output(format!(
            "cannot {what} {}: {err}",
            path.display()
        )))
    };
    let output = absolute(output);
    let parent = output
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    std::fs::create_dir_all(&parent).map_err(|e| fail("create", &parent, e))?;
    let staging = parent.join(format!(".{name}.reportal-new-{}", std::process::id()));
    let previous = parent.join(format!(".{name}.reportal-old-{}", std::process::id()));
    for leftover in [&staging, &previous] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover).map_err(|e| fail("remove", leftover, e))?;
        }
    }
    std::fs::create_dir(&staging).map_err(|e| fail("create", &staging, e))?;

    let files: Vec<(&str, &[u8])> = statics
        .iter()
        .map(|s| (s.path.as_str(), s.bytes.as_slice()))
        .chain(pages.iter().map(|p| (p.path.as_str(), p.bytes.as_slice())))
        .collect();
    let written = files.par_iter().try_for_each(|(path, bytes)| {
        let target = staging.join(path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail("create", dir, e))?;
        }
        std::fs::write(&target, bytes).map_err(|e| fail("write", &target, e))
    });
    let marker = staging.join(MARKER);
    let result = written
        .and_then(|()| {
            std::fs::write(&marker, "made by reportal; replaced on every build\n")
                .map_err(|e| fail("write", &marker, e))
        })
        .and_then(|()| swap(&staging, &output, &previous).map_err(|e| fail("replace", &output, e)));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result?;
    let _ = std::fs::remove_dir_all(&previous);
    Ok(files.len())
}

/// Moves the old output aside, the new one in, and the old one back if
/// the second move fails.
fn swap(staging: &Path, output: &Path, previous: &Path) -> std::io::Result<()> {
    let had_output = output.exists();
    if had_output {
        std::fs::rename(output, previous)?;
    }
    if let Err(err) = std::fs::rename(staging, output) {
        if had_output {
            std::fs::rename(previous, output)?;
        }
        return Err(err);
    }
    Ok(())
}
