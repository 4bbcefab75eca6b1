//! The previous output. A file whose new bytes the previous output
//! already holds at the same path is taken from it by a hard link instead
//! of being written again: it keeps its inode and modification time, so a
//! copy to the server (`rsync -a`, `robocopy /MIR`) skips it, and one
//! edited report costs a few files, not all.
//!
//! The old file's bytes are read and compared with the new ones: whoever
//! can write into the output can change a file and keep its time (or put
//! back an older copy with its older time), so nothing short of the bytes
//! proves a file current (a manifest of hashes would be as easy to
//! change, and hashing both sides costs more than comparing them). A file
//! is linked only when it is the output's own: an ordinary file, reached
//! without links, and linked nowhere else (a hard link from outside would
//! tie the new output to a file its owner can change later).

use std::io::Read;
use std::path::{Path, PathBuf};

use super::MARKER;

pub struct Previous {
    /// The output, as the system resolves it.
    #[cfg_attr(target_os = "linux", allow(dead_code))]
    folder: PathBuf,
    /// The output's folder, open: its files are looked up from it one
    /// name at a time, never through a link.
    #[cfg(target_os = "linux")]
    root: rustix::fd::OwnedFd,
}

impl Previous {
    /// The output being replaced, when it is reportal's own (marked);
    /// none otherwise (every file is then written).
    pub fn read(output: &Path) -> Option<Previous> {
        if !std::fs::symlink_metadata(output.join(MARKER)).is_ok_and(|m| m.is_file()) {
            return None;
        }
        let folder = output.canonicalize().ok()?;
        Some(Previous {
            #[cfg(target_os = "linux")]
            root: rustix::fs::open(&folder, dir_flags(), rustix::fs::Mode::empty()).ok()?,
            folder,
        })
    }

    /// Makes `target` a hard link to the previous output's `path` when
    /// that file is the output's own and holds the bytes of `new`. False
    /// when it cannot: then write the file (a file to copy is then read
    /// from where this left it).
    pub fn link(&self, path: &str, new: New, target: &Path) -> bool {
        let Some(len) = new.len() else {
            return false;
        };
        let Some(mut old) = self.open(path) else {
            return false;
        };
        let Ok(meta) = old.file.metadata() else {
            return false;
        };
        if !meta.is_file() || meta.len() != len || !alone(&meta) {
            return false;
        }
        if !same_bytes(&mut old.file, new, len) || !self.link_old(&old, target) {
            return false;
        }
        // The link made must be the very file read (not whatever was put
        // in its place meanwhile).
        if std::fs::symlink_metadata(target).is_ok_and(|made| same_file(&meta, &made)) {
            return true;
        }
        let _ = std::fs::remove_file(target);
        false
    }
}

/// What a new file holds: bytes made in memory, or a file to copy.
pub enum New<'a> {
    Bytes(&'a [u8]),
    File(&'a mut std::fs::File),
}

impl New<'_> {
    fn len(&self) -> Option<u64> {
        match self {
            New::Bytes(bytes) => Some(bytes.len() as u64),
            New::File(file) => file.metadata().ok().map(|m| m.len()),
        }
    }
}

/// Whether `old` holds exactly the bytes of `new`, `len` of them: read a
/// piece at a time, and one byte past the end (a file still growing is
/// not read for ever, and does not match).
fn same_bytes(old: &mut std::fs::File, new: New, len: u64) -> bool {
    const PIECE: u64 = 64 * 1024;
    let size = |left: u64| usize::try_from(left.min(PIECE)).unwrap_or(0);
    let mut piece = vec![0; size(len)];
    let at_end = |file: &mut std::fs::File| matches!(file.read(&mut [0]), Ok(0));
    match new {
        New::Bytes(bytes) => {
            bytes.len() as u64 == len
                && bytes.chunks(piece.len().max(1)).all(|chunk| {
                    let piece = &mut piece[..chunk.len()];
                    old.read_exact(piece).is_ok() && piece == chunk
                })
                && at_end(old)
        }
        New::File(file) => {
            let mut other = vec![0; piece.len()];
            let mut left = len;
            while left > 0 {
                let want = size(left);
                if old.read_exact(&mut piece[..want]).is_err()
                    || file.read_exact(&mut other[..want]).is_err()
                    || piece[..want] != other[..want]
                {
                    return false;
                }
                left -= want as u64;
            }
            at_end(old) && at_end(file)
        }
    }
}

/// A file of the previous output, open, and how to link it.
struct Old {
    file: std::fs::File,
    #[cfg(target_os = "linux")]
    dir: Option<rustix::fd::OwnedFd>,
    #[cfg(target_os = "linux")]
    name: std::ffi::OsString,
    #[cfg(not(target_os = "linux"))]
    path: PathBuf,
}

#[cfg(target_os = "linux")]
fn dir_flags() -> rustix::fs::OFlags {
    use rustix::fs::OFlags;
    OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
}

#[cfg(target_os = "linux")]
impl Previous {
    /// Opens `path` one folder at a time from the output's own, refusing
    /// any link on the way; not waiting on a FIFO or a device.
    fn open(&self, path: &str) -> Option<Old> {
        use rustix::fd::AsFd;
        use rustix::fs::{Mode, OFlags, openat};
        let mut names = Vec::new();
        for part in Path::new(path).components() {
            let std::path::Component::Normal(name) = part else {
                return None;
            };
            names.push(name);
        }
        let name = names.pop()?;
        let mut dir: Option<rustix::fd::OwnedFd> = None;
        for folder in names {
            let at = dir.as_ref().map_or(self.root.as_fd(), AsFd::as_fd);
            dir = Some(openat(at, folder, dir_flags(), Mode::empty()).ok()?);
        }
        let at = dir.as_ref().map_or(self.root.as_fd(), AsFd::as_fd);
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::NOCTTY;
        let file = openat(at, name, flags | OFlags::CLOEXEC, Mode::empty()).ok()?;
        Some(Old {
            file: file.into(),
            dir,
            name: name.to_os_string(),
        })
    }
}

#[cfg(target_os = "linux")]
impl Previous {
    /// Links `old` as `target`, by its name in the folder it was opened
    /// from (a link there is not followed).
    fn link_old(&self, old: &Old, target: &Path) -> bool {
        use rustix::fd::AsFd;
        use rustix::fs::{AtFlags, CWD, linkat};
        let at = old.dir.as_ref().map_or(self.root.as_fd(), AsFd::as_fd);
        linkat(at, &old.name, CWD, target, AtFlags::empty()).is_ok()
    }
}

#[cfg(not(target_os = "linux"))]
impl Previous {
    /// Opens `path` when no link leads to it: its folders are where they
    /// say, and it is no link itself (checked again once linked).
    fn open(&self, path: &str) -> Option<Old> {
        let path = self.folder.join(path);
        let real = path.parent()?.canonicalize().ok()?;
        if real != path.parent()? || !std::fs::symlink_metadata(&path).ok()?.is_file() {
            return None;
        }
        let file = std::fs::File::open(&path).ok()?;
        Some(Old { file, path })
    }

    fn link_old(&self, old: &Old, target: &Path) -> bool {
        std::fs::hard_link(&old.path, target).is_ok()
    }
}

/// Whether the file is linked only from the output (a hard link from
/// elsewhere makes two or more).
#[cfg(unix)]
fn alone(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() == 1
}

#[cfg(not(unix))]
fn alone(_: &std::fs::Metadata) -> bool {
    true
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    b.is_file() && a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    b.is_file() && a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare(old: &[u8], new: &[u8], len: u64) -> bool {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("old");
        std::fs::write(&path, old).expect("write");
        let mut file = std::fs::File::open(&path).expect("open");
        same_bytes(&mut file, New::Bytes(new), len)
    }

    #[test]
    fn bytes_are_the_same_only_when_all_of_them_are_and_nothing_follows() {
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        assert!(compare(&big, &big, big.len() as u64));
        assert!(compare(b"", b"", 0));
        let mut other = big.clone();
        other[150_000] ^= 1;
        assert!(!compare(&big, &other, big.len() as u64));
        assert!(!compare(&big, &big[..100], 100), "the old file is longer");
        assert!(!compare(&big[..100], &big, 100), "the new bytes are longer");
        assert!(!compare(&big[..100], &big[..100], 101));
    }
}
