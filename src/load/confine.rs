//! Symbolic links never lead a build outside the site's folder.
//!
//! Many people can write into a site's folders (a shared drive, a
//! repository); a link there to another office's folder, to `/etc` or to
//! `/proc/self/environ` would otherwise be read as a report, copied as a
//! static file or included by a template, and published. A link that
//! points inside the site is followed; one that points outside is an
//! error naming the link (an error, not a skip: nothing a writer put in
//! the site is left out silently). Hard links cannot be told from the
//! file itself: they are the site's own files (README, "Security").

use std::path::{Path, PathBuf};

use crate::diagnostics::{Problem, ProblemKind};

/// The site's folder, as the system resolves it.
#[derive(Debug, Clone)]
pub struct Confine {
    root: PathBuf,
    real_root: PathBuf,
}

impl Confine {
    pub fn new(root: &Path) -> Confine {
        Confine {
            root: root.to_path_buf(),
            real_root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
        }
    }

    /// Where `path` really is, if that is inside the site. `path` is a
    /// path under the site's root as walked; a missing file is no escape.
    pub fn real(&self, path: &Path) -> Result<PathBuf, Problem> {
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(path.into()),
            Err(err) => {
                return Err(Problem::error(ProblemKind::Unreadable(err.to_string()))
                    .in_file(&super::relative(&self.root, path)));
            }
        };
        if !real.starts_with(&self.real_root) {
            return Err(self.outside(path, &real));
        }
        if self.forbidden_inside(&real) {
            return Err(
                Problem::error(ProblemKind::LinkIntoHidden(real.display().to_string()))
                    .in_file(&super::relative(&self.root, path)),
            );
        }
        Ok(real)
    }

    /// A walked entry: links (and the folder a walk starts from, which may
    /// sit under a link) are checked; plain entries below a checked folder
    /// cannot leave it.
    pub fn check_entry(&self, entry: &walkdir::DirEntry) -> Result<(), Problem> {
        if entry.depth() == 0 || entry.path_is_symlink() {
            self.real(entry.path())?;
        }
        Ok(())
    }

    /// Inside the site, but in a hidden folder (`.git`, whose history and
    /// settings a link in static/ would publish) or in reportal's own
    /// output (each build would publish the previous one again).
    fn forbidden_inside(&self, real: &Path) -> bool {
        let inner = real.strip_prefix(&self.real_root).unwrap_or(real);
        let hidden = inner
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        hidden
            || real
                .ancestors()
                .take_while(|a| a.starts_with(&self.real_root) && *a != self.real_root)
                .any(|a| a.join(crate::write::MARKER).is_file())
    }

    fn outside(&self, link: &Path, target: &Path) -> Problem {
        Problem::error(ProblemKind::LinkOutside(target.display().to_string()))
            .in_file(&super::relative(&self.root, link))
    }
}
