//! The previous output, as its manifest describes it. A file whose new
//! bytes are those the previous output already holds is taken from it by
//! a hard link instead of being written again: it keeps its inode and
//! modification time, so a copy to the server (`rsync -a`, `robocopy
//! /MIR`) skips it, and one edited report costs a few files, not all.
//!
//! The manifest only says which files are worth a look: whoever can write
//! into the output can also write the manifest (or touch it, or put back
//! an older copy with its older time), so a file is linked only once its
//! bytes are read and found to be the new ones, and only when it is the
//! output's own: an ordinary file, reached without links, and linked
//! nowhere else (a hard link from outside would tie the new output to a
//! file its owner can change later).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::MARKER;

/// The manifest, beside the marker: `<blake3 hex> <length> <path>` per
/// file, sorted by path (so that two builds of one site write the same).
pub const MANIFEST: &str = ".reportal-manifest";

/// A manifest larger than this is not one of ours (32,000 files make 3 MB).
const MANIFEST_LIMIT: u64 = 256 << 20;

/// What a file of the output holds: its hash and length.
pub type Content = (blake3::Hash, u64);

pub struct Previous {
    /// The output, as the system resolves it.
    #[cfg_attr(target_os = "linux", allow(dead_code))]
    folder: PathBuf,
    /// The output's folder, open: its files are looked up from it one
    /// name at a time, never through a link.
    #[cfg(target_os = "linux")]
    root: rustix::fd::OwnedFd,
    files: HashMap<String, Content>,
}

impl Previous {
    /// The manifest of `output`, when that is reportal's own output and
    /// has one; none otherwise (every file is then written).
    pub fn read(output: &Path) -> Option<Previous> {
        if !output.join(MARKER).is_file() {
            return None;
        }
        let path = output.join(MANIFEST);
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > MANIFEST_LIMIT {
            return None;
        }
        let text = std::fs::read_to_string(&path).ok()?;
        let files = text.lines().filter_map(parse_line).collect();
        let folder = output.canonicalize().ok()?;
        Some(Previous {
            #[cfg(target_os = "linux")]
            root: rustix::fs::open(&folder, dir_flags(), rustix::fs::Mode::empty()).ok()?,
            folder,
            files,
        })
    }

    /// Makes `target` a hard link to the previous output's `path` when
    /// that file is the output's own and holds `content`. False when it
    /// cannot: then write the file.
    pub fn link(&self, path: &str, content: &Content, target: &Path) -> bool {
        if self.files.get(path) != Some(content) {
            return false;
        }
        let Some(old) = self.open(path) else {
            return false;
        };
        let Ok(meta) = old.file.metadata() else {
            return false;
        };
        if !meta.is_file() || meta.len() != content.1 || !alone(&meta) {
            return false;
        }
        // Read one byte more than expected: a file still growing is not
        // read for ever, and does not match.
        let mut hasher = blake3::Hasher::new();
        if hasher
            .update_reader((&old.file).take(content.1 + 1))
            .is_err()
            || (hasher.finalize(), hasher.count()) != *content
        {
            return false;
        }
        if !self.link_old(&old, target) {
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

/// One line of a manifest; none for anything malformed.
fn parse_line(line: &str) -> Option<(String, Content)> {
    let mut parts = line.splitn(3, ' ');
    let hash = blake3::Hash::from_hex(parts.next()?).ok()?;
    let len = parts.next()?.parse().ok()?;
    let path = parts.next()?;
    Some((path.to_owned(), (hash, len)))
}

/// The manifest's text for `files`, sorted by path. A path with a line
/// break is left out (it would read as two lines): that file is written
/// on every build.
pub fn manifest(mut files: Vec<(String, Content)>) -> String {
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut text = String::with_capacity(files.len() * 100);
    for (path, (hash, len)) in &files {
        if path.contains(['\n', '\r']) {
            continue;
        }
        text.push_str(hash.to_hex().as_str());
        text.push(' ');
        text.push_str(itoa::Buffer::new().format(*len));
        text.push(' ');
        text.push_str(path);
        text.push('\n');
    }
    text
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

    #[test]
    fn a_manifest_reads_back_and_skips_what_it_cannot_hold() {
        let hash = blake3::hash(b"x");
        let text = manifest(vec![
            ("b/index.html".into(), (hash, 1)),
            ("a b.html".into(), (hash, 1)),
            ("evil\n0 0 index.html".into(), (hash, 1)),
        ]);
        let lines: Vec<_> = text.lines().filter_map(parse_line).collect();
        assert_eq!(
            lines,
            vec![
                ("a b.html".to_owned(), (hash, 1)),
                ("b/index.html".to_owned(), (hash, 1))
            ]
        );
        assert!(parse_line("nothex 1 a").is_none());
        assert!(parse_line(&format!("{} x a", hash.to_hex())).is_none());
    }
}
