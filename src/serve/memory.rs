//! The site being previewed, held in memory and served through tower-http's
//! `ServeDir` (its `Backend` trait): nothing is written to disk, and no
//! request can reach a file that is not one of the site's own pages.

use std::collections::{HashMap, HashSet};
use std::future::{Ready, ready};
use std::io::{self, Cursor};
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use crate::site::preview::Bytes;
use tower_http::services::fs::{Backend, File, Metadata};

/// The folder name `ServeDir` is given; it prefixes every path it asks for.
pub const BASE: &str = "site";

/// One build's files, by output path.
pub struct Snapshot {
    files: HashMap<String, Bytes>,
    folders: HashSet<String>,
    built_at: SystemTime,
}

impl Snapshot {
    /// Takes the files to serve (HTML already carrying the live script).
    pub fn new(files: HashMap<String, Bytes>) -> Snapshot {
        let mut folders = HashSet::new();
        for path in files.keys() {
            let mut folder = path.as_str();
            while let Some((parent, _)) = folder.rsplit_once('/') {
                folders.insert(parent.to_string());
                folder = parent;
            }
        }
        Snapshot {
            files,
            folders,
            built_at: SystemTime::now(),
        }
    }

    pub fn get(&self, path: &str) -> Option<Bytes> {
        self.files.get(path).cloned()
    }
}

/// The current snapshot, swapped whole after each good build.
#[derive(Clone)]
pub struct MemoryBackend {
    pub current: Arc<RwLock<Arc<Snapshot>>>,
}

impl MemoryBackend {
    fn snapshot(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }
}

/// `ServeDir` asks for `./site/months/2015-12/index.html`: the site path is
/// what follows the base, with `/` separators.
fn site_path(path: &std::path::Path) -> Option<String> {
    let mut parts = Vec::new();
    let mut components = path.components().peekable();
    while let Some(std::path::Component::CurDir) = components.peek() {
        components.next();
    }
    match components.next() {
        Some(std::path::Component::Normal(base)) if base == BASE => {}
        _ => return None,
    }
    for component in components {
        match component {
            std::path::Component::Normal(part) => parts.push(part.to_str()?.to_string()),
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// A file's shared bytes, readable through a cursor.
struct Shared(Bytes);

impl AsRef<[u8]> for Shared {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

pub struct MemoryFile {
    bytes: Cursor<Shared>,
    meta: MemoryMetadata,
}

#[derive(Clone, Copy)]
pub struct MemoryMetadata {
    is_dir: bool,
    len: u64,
    modified: SystemTime,
}

impl Metadata for MemoryMetadata {
    fn is_dir(&self) -> bool {
        self.is_dir
    }
    fn modified(&self) -> io::Result<SystemTime> {
        Ok(self.modified)
    }
    fn len(&self) -> u64 {
        self.len
    }
}

impl tokio::io::AsyncRead for MemoryFile {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<io::Result<()>> {
        std::pin::Pin::new(&mut self.bytes).poll_read(cx, buf)
    }
}

impl tokio::io::AsyncSeek for MemoryFile {
    fn start_seek(mut self: std::pin::Pin<&mut Self>, position: io::SeekFrom) -> io::Result<()> {
        std::pin::Pin::new(&mut self.bytes).start_seek(position)
    }
    fn poll_complete(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<io::Result<u64>> {
        std::pin::Pin::new(&mut self.bytes).poll_complete(cx)
    }
}

impl File for MemoryFile {
    type Metadata = MemoryMetadata;
    type MetadataFuture<'a> = Ready<io::Result<MemoryMetadata>>;

    fn metadata(&self) -> Self::MetadataFuture<'_> {
        ready(Ok(self.meta))
    }
}

fn not_found() -> io::Error {
    io::Error::new(io::ErrorKind::NotFound, "not in the site")
}

impl Backend for MemoryBackend {
    type File = MemoryFile;
    type Metadata = MemoryMetadata;
    type OpenFuture = Ready<io::Result<MemoryFile>>;
    type MetadataFuture = Ready<io::Result<MemoryMetadata>>;

    fn open(&self, path: PathBuf) -> Self::OpenFuture {
        let snapshot = self.snapshot();
        let file = site_path(&path)
            .and_then(|p| snapshot.get(&p))
            .map(|bytes| MemoryFile {
                meta: MemoryMetadata {
                    is_dir: false,
                    len: bytes.len() as u64,
                    modified: snapshot.built_at,
                },
                bytes: Cursor::new(Shared(bytes)),
            });
        ready(file.ok_or_else(not_found))
    }

    fn metadata(&self, path: PathBuf) -> Self::MetadataFuture {
        let snapshot = self.snapshot();
        let meta = site_path(&path).and_then(|p| {
            let is_dir = p.is_empty() || snapshot.folders.contains(&p);
            let len = snapshot.files.get(&p).map(|b| b.len() as u64);
            (is_dir || len.is_some()).then_some(MemoryMetadata {
                is_dir,
                len: len.unwrap_or(0),
                modified: snapshot.built_at,
            })
        });
        ready(meta.ok_or_else(not_found))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_stay_inside_the_site() {
        assert_eq!(
            site_path(std::path::Path::new("./site/months/index.html")).as_deref(),
            Some("months/index.html")
        );
        assert_eq!(
            site_path(std::path::Path::new("./site")).as_deref(),
            Some("")
        );
        assert_eq!(
            site_path(std::path::Path::new("./site/../etc/passwd")),
            None
        );
        assert_eq!(site_path(std::path::Path::new("/etc/passwd")), None);
    }
}
