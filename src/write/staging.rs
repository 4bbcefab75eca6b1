//! The staging folder: the next output, written beside the current one
//! and swapped in whole.

use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::previous::{New, Previous};
use super::{MARKER, MARKER_TEXT, absolute, stays_inside};
use crate::diagnostics::{Problem, ProblemKind};

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
    made: Mutex<std::collections::HashSet<PathBuf>>,
    /// The output being replaced, whose unchanged files are linked.
    previous: Option<Previous>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
}

/// How many files a build wrote, and how many it took unchanged from the
/// previous output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
}

fn fail(action: &'static str, path: &Path, err: std::io::Error) -> Problem {
    Problem::error(ProblemKind::OutputFailed {
        action,
        path: path.display().to_string(),
        reason: err.to_string(),
    })
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
            previous: Previous::read(&output),
            output,
            lock: Some(lock),
            committed: false,
            made: Mutex::default(),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
        })
    }

    /// Writes one file, or links it from the previous output when that
    /// holds the same bytes.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<(), Problem> {
        let target = self.target(path)?;
        let linked =
            (self.previous.as_ref()).is_some_and(|p| p.link(path, New::Bytes(bytes), &target));
        self.count(linked);
        if linked {
            return Ok(());
        }
        std::fs::write(&target, bytes).map_err(|e| fail("write", &target, e))
    }

    /// Copies the file at `from` to `path`, or links the previous output's
    /// file when that holds the same bytes; never holding it in memory (an
    /// attachment may be large). The copy gets an ordinary new file's
    /// permissions, not the source's: a report saved `0600` must still be
    /// readable by the web server, and a set-uid bit must not be published.
    pub fn copy(&self, path: &str, from: &Path) -> Result<(), Problem> {
        let target = self.target(path)?;
        let mut source = std::fs::File::open(from).map_err(|e| fail("copy", from, e))?;
        if let Some(previous) = &self.previous {
            let linked = previous.link(path, New::File(&mut source), &target);
            self.count(linked);
            if linked {
                return Ok(());
            }
            source
                .seek(std::io::SeekFrom::Start(0))
                .map_err(|e| fail("copy", from, e))?;
        } else {
            self.count(false);
        }
        let mut copy = std::fs::File::create(&target).map_err(|e| fail("write", &target, e))?;
        std::io::copy(&mut source, &mut copy)
            .map(|_| ())
            .map_err(|e| fail("copy", from, e))
    }

    fn count(&self, linked: bool) {
        let count = if linked {
            &self.unchanged
        } else {
            &self.written
        };
        count.fetch_add(1, Ordering::Relaxed);
    }

    /// Where `path` goes in the staging folder, its folder made. A path
    /// that would leave the output is refused: none comes from a valid
    /// site, but a bug must not write elsewhere.
    fn target(&self, path: &str) -> Result<PathBuf, Problem> {
        if !stays_inside(path) {
            return Err(Problem::error(ProblemKind::OutputOutside(path.to_string())));
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
    pub fn commit(mut self) -> Result<Written, Problem> {
        self.committed = true;
        // Windows does not rename a folder with a file open inside it.
        if cfg!(windows) {
            self.lock.take();
        }
        let result = swap(&self.folder, &self.output).map_err(|e| fail("replace", &self.output, e));
        // After a swap the staging folder holds the previous output: marked
        // before its removal starts (a forced output had no marker), so a
        // run killed midway leaves a folder the next run removes. Whatever
        // stood there is replaced, never written through: a link to a
        // file elsewhere, or a FIFO nobody reads.
        let marker = self.folder.join(MARKER);
        let _ = std::fs::remove_file(&marker);
        let _ = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&marker)
            .and_then(|mut file| file.write_all(MARKER_TEXT.as_bytes()));
        remove_tree(&self.folder);
        result.map(|()| Written {
            written: self.written.load(Ordering::Relaxed),
            unchanged: self.unchanged.load(Ordering::Relaxed),
        })
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
    let _ = if std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_dir()) {
        std::fs::remove_dir_all(&marker)
    } else {
        std::fs::remove_file(&marker)
    };
    let _ = std::fs::remove_dir(folder);
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

/// Whether a marker exists and no running build holds its lock. A marker
/// that is no ordinary file (a FIFO would keep the open waiting) is not
/// one of ours.
fn abandoned(marker: &Path) -> bool {
    if !std::fs::symlink_metadata(marker).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options
        .open(marker)
        .is_ok_and(|file| file.metadata().is_ok_and(|m| m.is_file()) && file.try_lock().is_ok())
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
    rename(output, &previous)?;
    if let Err(err) = rename(staging, output) {
        rename(&previous, output)?;
        return Err(err);
    }
    rename(&previous, staging)
}

/// Renames a folder; on Windows again for a moment while the system
/// refuses: a virus scanner or the search indexer opens the files just
/// written for a moment, and Windows does not rename a folder with a file
/// open inside it. A folder held for longer (a window open in it) still
/// fails, and the swap then leaves the old output in place.
fn rename(from: &Path, to: &Path) -> std::io::Result<()> {
    let retries = if cfg!(windows) { 20 } else { 0 };
    retry(retries, std::time::Duration::from_millis(50), || {
        std::fs::rename(from, to)
    })
}

/// Runs `op` until it succeeds, fails otherwise than by a refusal, or has
/// been refused `retries` more times, pausing between tries.
fn retry(
    retries: u32,
    pause: std::time::Duration,
    mut op: impl FnMut() -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut left = retries;
    loop {
        match op() {
            Err(err) if left > 0 && err.kind() == std::io::ErrorKind::PermissionDenied => {
                left -= 1;
                std::thread::sleep(pause);
            }
            result => return result,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::retry;
    use std::io::{Error, ErrorKind};
    use std::time::Duration;

    fn tries(retries: u32, outcomes: &[Option<ErrorKind>]) -> (bool, usize) {
        let mut calls = 0;
        let result = retry(retries, Duration::ZERO, || {
            calls += 1;
            match outcomes.get(calls - 1).copied().flatten() {
                Some(kind) => Err(Error::from(kind)),
                None => Ok(()),
            }
        });
        (result.is_ok(), calls)
    }

    #[test]
    fn a_refused_rename_is_tried_again_a_bounded_number_of_times() {
        let denied = Some(ErrorKind::PermissionDenied);
        assert_eq!(tries(20, &[denied, denied, None]), (true, 3));
        assert_eq!(tries(2, &[denied; 5]), (false, 3), "gives up");
        assert_eq!(tries(0, &[denied]), (false, 1), "no retries asked");
        let missing = Some(ErrorKind::NotFound);
        assert_eq!(tries(20, &[missing, None]), (false, 1), "only refusals");
    }
}
