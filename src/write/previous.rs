//! The previous output, as its manifest describes it. A file whose new
//! bytes are those the previous output already holds is taken from it by
//! a hard link instead of being written again: it keeps its inode and
//! modification time, so a copy to the server (`rsync -a`, `robocopy
//! /MIR`) skips it, and one edited report costs a few files, not all.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

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
    folder: PathBuf,
    files: HashMap<String, Content>,
    /// Folders of the output found to be real folders inside it (not
    /// links leading elsewhere), by path relative to it.
    inside: Mutex<HashMap<PathBuf, bool>>,
    /// When the manifest was written: a file changed after it (by hand,
    /// or by anything else) is not trusted to hold what it lists.
    written: SystemTime,
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
        let written = meta.modified().ok()?;
        let text = std::fs::read_to_string(&path).ok()?;
        let files = text.lines().filter_map(parse_line).collect();
        Some(Previous {
            folder: output.canonicalize().ok()?,
            files,
            inside: Mutex::default(),
            written,
        })
    }

    /// Makes `target` a hard link to the previous output's `path` when
    /// that file holds `content` and nothing changed it since the
    /// manifest was written. False when it cannot: then write the file.
    pub fn link(&self, path: &str, content: &Content, target: &Path) -> bool {
        if self.files.get(path) != Some(content) {
            return false;
        }
        let old = self.folder.join(path);
        if !self.is_inside(Path::new(path).parent()) {
            return false;
        }
        let Ok(meta) = std::fs::symlink_metadata(&old) else {
            return false;
        };
        let untouched = meta.modified().is_ok_and(|m| m <= self.written);
        if !meta.is_file() || meta.len() != content.1 || !untouched {
            return false;
        }
        if std::fs::hard_link(&old, target).is_err() {
            return false;
        }
        // Whatever was swapped in between the look and the link (a link
        // to elsewhere) must not be published: the link made must be the
        // very file looked at.
        if std::fs::symlink_metadata(target).is_ok_and(|made| same_file(&meta, &made)) {
            return true;
        }
        let _ = std::fs::remove_file(target);
        false
    }
}

impl Previous {
    /// Whether the output's folder `dir` (relative) is where it says, not
    /// reached through a link: a file found through one lies outside the
    /// output, and linking it would tie the new output to it.
    fn is_inside(&self, dir: Option<&Path>) -> bool {
        let Some(dir) = dir.filter(|d| !d.as_os_str().is_empty()) else {
            return true;
        };
        let mut known = self
            .inside
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *known.entry(dir.to_path_buf()).or_insert_with(|| {
            let expected = self.folder.join(dir);
            expected.canonicalize().is_ok_and(|real| real == expected)
        })
    }
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
