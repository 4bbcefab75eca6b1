//! Stage 4, write: the rendered pages and static files into the output
//! folder. Everything goes into a fresh folder beside the output, which
//! replaces the output only once complete (in one atomic exchange on
//! Linux), so a failed build leaves the previous output as it was.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Problem, ProblemKind};

/// The file that marks a folder as reportal's own output: only such a
/// folder is ever replaced without `--force`.
pub const MARKER: &str = ".reportal-output";
const MARKER_TEXT: &str = "made by reportal; replaced on every build\n";

/// Refuses output folders whose replacement would lose the writers' work:
/// the site itself, anything holding it, its sources, or a folder reportal
/// did not make (unless `force`). Both sides are compared as the system
/// resolves them, links and all: `content` may be a link to the very
/// folder `--output` names, and `--force` never overrides this.
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
            return refuse(format!(
                "refusing to build into {}: it is, holds or is inside the site's {source} ({})",
                output.display(),
                source_path.display()
            ));
        }
    }
    if let Some(link) = link_into(&root, &output) {
        return refuse(format!(
            "refusing to build into {}: the site's link {link} leads there",
            output.display()
        ));
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

/// The path made absolute and cleaned of `.` and `..`, with symbolic links
/// resolved as far as the path exists: the longest existing ancestor is
/// resolved and the rest appended (a link two folders up still counts).
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

/// The next output, being written beside the current one: files go in as
/// they are rendered, and `commit` swaps the whole folder in. Dropped
/// without a commit (a failed build), it is removed and the output stays.
pub struct Staging {
    folder: PathBuf,
    output: PathBuf,
    /// The marker, locked for as long as this build runs.
    lock: Option<std::fs::File>,
    committed: bool,
    /// Folders made so far: most files go into a folder made for an
    /// earlier one, and asking the system again costs two calls a file.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

fn fail(what: &str, path: &Path, err: std::io::Error) -> Problem {
    Problem::error(ProblemKind::Output(format!(
        "cannot {what} {}: {err}",
        path.display()
    )))
}

impl Staging {
    pub fn create(output: &Path) -> Result<Staging, Problem> {
        let output = absolute(output);
        let parent = output
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        std::fs::create_dir_all(&parent).map_err(|e| fail("create", &parent, e))?;
        remove_leftovers(&parent, &name);
        let folder = parent.join(format!(".{name}.reportal-new-{}", std::process::id()));
        std::fs::create_dir(&folder).map_err(|e| fail("create", &folder, e))?;
        // Marked at once, so a run killed mid-build leaves a folder the
        // next run knows to be its own leftover.
        let marker = folder.join(MARKER);
        std::fs::write(&marker, MARKER_TEXT).map_err(|e| fail("write", &marker, e))?;
        // Held while this build runs: a later build that can take the lock
        // knows the folder's build is gone, in whatever process namespace
        // it ran (a process id alone can be reused, or alive elsewhere).
        let lock = std::fs::File::open(&marker).map_err(|e| fail("open", &marker, e))?;
        lock.lock().map_err(|e| fail("lock", &marker, e))?;
        Ok(Staging {
            folder,
            output,
            lock: Some(lock),
            committed: false,
            made: std::sync::Mutex::default(),
        })
    }

    /// Writes one file.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Problem> {
        let target = self.target(path)?;
        std::fs::write(&target, bytes).map_err(|e| fail("write", &target, e))
    }

    /// Copies the file at `from` to `path` (the system copies it, without
    /// reading it through memory). The copy gets an ordinary new file's
    /// permissions, not the source's: a report saved `0600` must still be
    /// readable by the web server, and a set-uid bit must not be published.
    pub fn copy(&self, path: &str, from: &Path) -> Result<(), Problem> {
        let target = self.target(path)?;
        let mut source = std::fs::File::open(from).map_err(|e| fail("copy", from, e))?;
        let mut copy = std::fs::File::create(&target).map_err(|e| fail("write", &target, e))?;
        std::io::copy(&mut source, &mut copy)
            .map(|_| ())
            .map_err(|e| fail("copy", from, e))
    }

    /// Where `path` goes in the staging folder, its folder made. A path
    /// that would leave the output is refused: none comes from a valid
    /// site, but a bug must not write elsewhere.
    fn target(&self, path: &str) -> Result<PathBuf, Problem> {
        if !stays_inside(path) {
            return Err(Problem::error(ProblemKind::Output(format!(
                "refusing to write {path}: outside the output"
            ))));
        }
        let target = self.folder.join(path);
        if let Some(dir) = target.parent() {
            let mut folders = self
                .made
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !folders.contains(dir) {
                std::fs::create_dir_all(dir).map_err(|e| fail("create", dir, e))?;
                folders.insert(dir.to_path_buf());
            }
        }
        Ok(target)
    }

    /// Puts the new output in place of the old, which is then removed.
    pub fn commit(mut self) -> Result<(), Problem> {
        self.committed = true;
        // Windows does not rename a folder with a file open inside it.
        if cfg!(windows) {
            self.lock.take();
        }
        let result = swap(&self.folder, &self.output).map_err(|e| fail("replace", &self.output, e));
        // After a swap the staging folder holds the previous output: marked
        // before its removal starts (a forced output had no marker), so a
        // run killed midway leaves a folder the next run removes.
        let _ = std::fs::write(self.folder.join(MARKER), MARKER_TEXT);
        remove_tree(&self.folder);
        result
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            remove_tree(&self.folder);
        }
    }
}

/// Removes a folder of reportal's, the entries of its sub-folders in
/// parallel: a large site's previous output (hundreds of MB) otherwise
/// takes one core's time, and its top level alone (months/, units/,
/// areas/, search/) is too few and too unequal pieces to share between
/// cores. Its marker goes last, so a run killed at any moment leaves a
/// folder that is marked or empty: either way, recognisably ours.
fn remove_tree(folder: &Path) {
    use rayon::prelude::*;
    let entries = |folder: &Path| -> Vec<(PathBuf, bool)> {
        std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .flatten()
                    // Never follow a link: remove it, not what it points to.
                    .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
                    .collect()
            })
            .unwrap_or_default()
    };
    let marker = folder.join(MARKER);
    let mut pieces = Vec::new();
    for (path, is_dir) in entries(folder) {
        if is_dir {
            pieces.extend(entries(&path));
        }
        if path != marker {
            pieces.push((path, is_dir));
        }
    }
    // Sub-folders' entries first (in parallel), then the emptied folders.
    let (inner, top): (Vec<_>, Vec<_>) = pieces
        .into_iter()
        .partition(|(path, _)| path.parent() != Some(folder));
    for level in [inner, top] {
        level.par_iter().for_each(|(path, is_dir)| {
            let _ = if *is_dir {
                std::fs::remove_dir_all(path)
            } else {
                std::fs::remove_file(path)
            };
        });
    }
    let _ = std::fs::remove_file(&marker);
    let _ = std::fs::remove_dir(folder);
}

/// A relative, `/`-separated path made only of plain names.
fn stays_inside(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Staging folders of runs that were killed mid-build: reportal's own, by
/// their names (`.public.reportal-new-<pid>`, `-old` after it where the
/// swap takes two renames), marked (with no build holding the marker's
/// lock) or empty (killed before the marker was written, or after it was
/// removed last). A folder of a build still running is left to it.
fn remove_leftovers(parent: &Path, name: &str) {
    let prefix = format!(".{name}.reportal-new-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let leftover = file_name.to_string_lossy();
        let ours = leftover
            .strip_prefix(&prefix)
            .map(|rest| rest.strip_suffix("-old").unwrap_or(rest))
            .is_some_and(|pid| pid.parse::<u32>().is_ok());
        let path = entry.path();
        if !ours || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let empty = std::fs::read_dir(&path).is_ok_and(|mut e| e.next().is_none());
        if empty || abandoned(&path.join(MARKER)) {
            remove_tree(&path);
        }
    }
}

/// Whether a marker exists and no running build holds its lock.
fn abandoned(marker: &Path) -> bool {
    std::fs::File::open(marker).is_ok_and(|file| file.try_lock().is_ok())
}

/// Puts `staging` in the place of `output` in one step where the system
/// can (Linux: renameat2 with RENAME_EXCHANGE), so readers never see a
/// missing or half-written site; the old output ends up in `staging`.
fn swap(staging: &Path, output: &Path) -> std::io::Result<()> {
    if !output.exists() {
        return std::fs::rename(staging, output);
    }
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        if renameat_with(CWD, staging, CWD, output, RenameFlags::EXCHANGE).is_ok() {
            return Ok(());
        }
    }
    // Elsewhere (or on a file system without exchange): two renames, and
    // the old output back if the second fails.
    let mut previous = staging.as_os_str().to_owned();
    previous.push("-old");
    let previous = PathBuf::from(previous);
    std::fs::rename(output, &previous)?;
    if let Err(err) = std::fs::rename(staging, output) {
        std::fs::rename(&previous, output)?;
        return Err(err);
    }
    std::fs::rename(&previous, staging)
}
