//! Watching the site's sources: content/, templates/, static/, themes/, i18n/ and
//! site.yaml, through notify's debouncer, so the bursts of events one save
//! makes (write in place, temp file and rename, swap files) arrive as one
//! batch. Editors' own scratch files are ignored.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};
use notify_debouncer_full::{DebounceEventResult, Debouncer, FileIdCache, new_debouncer_opt};

/// How long the debouncer waits for a burst of events to end.
/// Long enough that an editor's save in several steps (write a temp file,
/// rename it, touch the original) makes one batch; short enough to keep
/// save-to-reload well under 150 ms.
const QUIET: Duration = Duration::from_millis(90);

/// The folders a site's build reads.
pub const SOURCES: &[&str] = &["content", "templates", "static", "themes", "i18n"];

/// Keeps the watcher alive (dropping it stops watching) and watches
/// source folders created after the start.
pub struct Handle {
    watch_new_folders: Box<dyn FnMut() + Send>,
}

impl Handle {
    /// Watches every source folder that exists now and is not watched yet.
    pub fn watch_new_folders(&mut self) {
        (self.watch_new_folders)();
    }
}

/// Starts watching `root`; each batch of relevant paths changed is sent.
/// `poll` uses a polling watcher (network drives, where events do not come).
pub fn start(root: &Path, poll: bool, sender: Sender<Vec<PathBuf>>) -> notify::Result<Handle> {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    if poll {
        let config = notify::Config::default().with_poll_interval(Duration::from_millis(300));
        watch::<notify::PollWatcher, _>(&root, sender, notify_debouncer_full::NoCache, config)
    } else {
        watch::<notify::RecommendedWatcher, _>(
            &root,
            sender,
            notify_debouncer_full::RecommendedCache::new(),
            notify::Config::default(),
        )
    }
}

fn watch<W: Watcher + Send + 'static, C: FileIdCache + Send + 'static>(
    root: &Path,
    sender: Sender<Vec<PathBuf>>,
    cache: C,
    config: notify::Config,
) -> notify::Result<Handle> {
    let site_root = root.to_path_buf();
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let mut paths: Vec<PathBuf> = events
            .iter()
            .filter(|event| changes_content(&event.kind))
            .flat_map(|event| event.paths.iter())
            .filter(|path| is_source(&site_root, path))
            .cloned()
            .collect();
        paths.sort();
        paths.dedup();
        if !paths.is_empty() {
            let _ = sender.send(paths);
        }
    };
    let mut debouncer: Debouncer<W, C> = new_debouncer_opt(QUIET, None, handler, cache, config)
        .map_err(|e| notify::Error::generic(&e.to_string()))?;
    // The root itself, not recursively, for site.yaml and for source folders
    // created while serving; each source folder recursively.
    debouncer.watch(root, RecursiveMode::NonRecursive)?;
    let root = root.to_path_buf();
    // Each folder watched, by its identity: a folder removed and made
    // again (a restored backup, `git checkout`) is a new one to watch.
    let mut watched: Vec<(&str, Option<u64>)> = Vec::new();
    let mut watch_new_folders = move || {
        for folder in SOURCES {
            let path = root.join(folder);
            let identity = folder_identity(&path);
            let known = watched.iter().position(|(f, _)| f == folder);
            if let Some(i) = known {
                if watched[i].1 == identity && identity.is_some() {
                    continue;
                }
                let _ = debouncer.unwatch(&path);
                watched.remove(i);
            }
            if identity.is_some() && debouncer.watch(&path, RecursiveMode::Recursive).is_ok() {
                watched.push((folder, identity));
            }
        }
    };
    watch_new_folders();
    Ok(Handle {
        watch_new_folders: Box::new(watch_new_folders),
    })
}

/// What tells a folder from another made at the same path: its inode
/// where there are inodes; elsewhere, that it exists.
fn folder_identity(path: &Path) -> Option<u64> {
    let metadata = std::fs::metadata(path).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(metadata.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = metadata;
        Some(0)
    }
}

/// Creations, writes, renames and removals; not reads (the build itself
/// reads every file) nor metadata such as access times.
fn changes_content(kind: &notify::EventKind) -> bool {
    use notify::EventKind;
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        // The polling watcher reports a changed file as a new write time;
        // permissions can make a file readable again. Access times are noise.
        EventKind::Modify(ModifyKind::Metadata(kind)) => !matches!(kind, MetadataKind::AccessTime),
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Any | EventKind::Other => false,
    }
}

/// Whether a changed path can change the site: site.yaml, or a file in a
/// source folder that is not an editor's scratch file.
pub fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let Some(first) = parts.next() else {
        return false;
    };
    if first == "site.yaml" {
        return true;
    }
    if !SOURCES.contains(&first.as_str()) {
        return false;
    }
    !rel.components()
        .any(|c| is_scratch(&c.as_os_str().to_string_lossy()))
}

/// Files editors write beside the real one: vim's `.x.swp` and `4913`,
/// emacs's `.#x` and `#x#`, backups `x~`, JetBrains' `x___jb_tmp___`,
/// and hidden files in general.
fn is_scratch(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name == "4913"
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_and_scratch_files() {
        let root = Path::new("/site");
        for path in [
            "/site/site.yaml",
            "/site/content/gd/2015-12.md",
            "/site/templates/month.html",
            "/site/static/style.css",
        ] {
            assert!(is_source(root, Path::new(path)), "{path}");
        }
        for path in [
            "/site/public/index.html",
            "/site/content/.2015-12.md.swp",
            "/site/content/4913",
            "/site/content/2015-12.md~",
            "/site/content/.#2015-12.md",
            "/site/content/#2015-12.md#",
            "/site/README.md",
            "/elsewhere/content/x.md",
        ] {
            assert!(!is_source(root, Path::new(path)), "{path}");
        }
    }
}
