//! `reportal import FILE_OR_FOLDER…`: the documents to read (a file
//! named on the command line, whatever its name; in a folder, every
//! document below it, in name order), what else was passed over and why,
//! and the rule that two documents for one report are both refused.

use crate::msg;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::office::EXTENSIONS;
use super::{ImportError, Prepared};

/// Files walked in one folder before giving up: an office's archive of
/// years of reports holds a few thousand.
const MAX_FILES: usize = 200_000;
/// Documents read in one run.
pub const MAX_DOCUMENTS: usize = 50_000;
/// Files of other kinds named one by one in the summary; the rest counted.
pub const NAMED_OTHERS: usize = 50;

/// Why a file in a folder was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skip {
    /// `.x`, `x~`, `#x`: hidden, or an editor's backup or lock file.
    Hidden,
    /// `~$x.docx`: the lock file Word and WPS keep beside an open document.
    LockFile,
    /// A link to a folder: not followed (it may lead anywhere, or round).
    FolderLink,
    /// A site's built output (it holds `.reportal-output`): its Word files
    /// are the site's own reports, not documents to import.
    BuiltSite,
    /// Not one of the extensions of `EXTENSIONS`.
    NotADocument,
    /// A pipe, socket or device with a document's name: reading it would
    /// wait for ever.
    NotAFile,
}

impl Skip {
    pub fn reason(self) -> String {
        msg!(match self {
            Skip::Hidden => "import-skip-hidden",
            Skip::LockFile => "import-skip-lock-file",
            Skip::FolderLink => "import-skip-folder-link",
            Skip::BuiltSite => "import-skip-built-site",
            Skip::NotADocument => "import-skip-not-a-document",
            Skip::NotAFile => "import-skip-not-a-file",
        })
    }
}

/// What the command line names, walked.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The documents to read, in order, each once.
    pub documents: Vec<PathBuf>,
    pub skipped: Vec<(PathBuf, Skip)>,
    /// Paths that could not be read at all (missing, a folder that cannot
    /// be listed, too many files).
    pub failed: Vec<(PathBuf, String)>,
}

/// The documents `paths` name: a file as it is, a folder's documents.
pub fn collect(paths: &[PathBuf]) -> Inputs {
    let mut inputs = Inputs::default();
    let mut seen = std::collections::HashSet::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut inputs);
        } else if path.exists() {
            inputs.documents.push(path.clone());
        } else {
            inputs
                .failed
                .push((path.clone(), msg!("import-no-such-path")));
        }
    }
    // A file named and also found in a folder named is read once.
    inputs.documents.retain(|path| {
        let key = path.canonicalize().unwrap_or_else(|_| path.clone());
        seen.insert(key)
    });
    if inputs.documents.len() > MAX_DOCUMENTS {
        let rest = inputs.documents.split_off(MAX_DOCUMENTS);
        inputs.failed.push((
            rest[0].clone(),
            msg!(
                "import-too-many-documents",
                count = rest.len() - 1,
                max = MAX_DOCUMENTS
            ),
        ));
    }
    inputs
}

/// Every document below `dir`, in name order.
fn walk(dir: &Path, inputs: &mut Inputs) {
    let mut walker = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter();
    let mut files = 0usize;
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().unwrap_or(dir).to_path_buf();
                inputs
                    .failed
                    .push((path, msg!("import-unreadable", reason = err.to_string())));
                continue;
            }
        };
        if entry.depth() == 0 {
            continue;
        }
        files += 1;
        if files > MAX_FILES {
            inputs.failed.push((
                dir.to_path_buf(),
                msg!("import-too-many-files", max = MAX_FILES),
            ));
            return;
        }
        let name = entry.file_name().to_string_lossy();
        let is_dir = entry.file_type().is_dir();
        let skip = if crate::load::is_hidden(entry.file_name()) {
            Some(Skip::Hidden)
        } else if name.starts_with("~$") {
            Some(Skip::LockFile)
        } else if is_dir && entry.path().join(crate::write::MARKER).is_file() {
            Some(Skip::BuiltSite)
        } else if is_dir {
            None
        } else if entry.path_is_symlink() && entry.path().is_dir() {
            Some(Skip::FolderLink)
        } else if !is_document(entry.path()) {
            Some(Skip::NotADocument)
        } else if !entry.path().is_file() {
            Some(Skip::NotAFile)
        } else {
            None
        };
        match skip {
            Some(skip) => {
                if is_dir {
                    walker.skip_current_dir();
                }
                inputs.skipped.push((entry.into_path(), skip));
            }
            None if is_dir => {}
            None => inputs.documents.push(entry.into_path()),
        }
    }
}

fn is_document(path: &Path) -> bool {
    path.extension().is_some_and(|ext| {
        let ext = ext.to_string_lossy();
        EXTENSIONS
            .iter()
            .any(|known| ext.eq_ignore_ascii_case(known))
    })
}

/// The documents (by index) whose report another document of the run
/// also makes: both are refused, each naming the others.
pub fn duplicates(prepared: &[(PathBuf, Prepared)]) -> BTreeMap<usize, ImportError> {
    let mut by_target: BTreeMap<&Path, Vec<usize>> = BTreeMap::new();
    for (index, (_, document)) in prepared.iter().enumerate() {
        by_target.entry(&document.target).or_default().push(index);
    }
    let mut refused = BTreeMap::new();
    for (target, indices) in by_target.into_iter().filter(|(_, i)| i.len() > 1) {
        for &index in &indices {
            let others = crate::messages::list(
                indices
                    .iter()
                    .filter(|&&other| other != index)
                    .map(|&other| prepared[other].0.display().to_string()),
            );
            refused.insert(
                index,
                ImportError::Duplicate {
                    target: target.display().to_string(),
                    others,
                },
            );
        }
    }
    refused
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_their_documents_in_order_and_say_what_else_they_hold() {
        let dir = std::env::temp_dir().join(format!("reportal-batch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "b/深圳2015年11月.DOC",
            "a.docx",
            "~$a.docx",
            ".hidden.docx",
            "notes.pdf",
            ".git/x.docx",
            "c/d.txt",
            "public/.reportal-output",
            "public/months/2015-12/gd.docx",
        ] {
            let path = dir.join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "x").expect("write");
        }
        let missing = dir.join("missing");
        let inputs = collect(&[dir.clone(), dir.join("a.docx"), missing.clone()]);
        let rel = |p: &PathBuf| {
            p.strip_prefix(&dir)
                .map(Path::to_path_buf)
                .unwrap_or_default()
        };
        let documents: Vec<PathBuf> = inputs.documents.iter().map(rel).collect();
        assert_eq!(
            documents,
            [
                PathBuf::from("a.docx"),
                PathBuf::from("b/深圳2015年11月.DOC"),
                PathBuf::from("c/d.txt"),
            ]
        );
        let skipped: Vec<(PathBuf, Skip)> =
            inputs.skipped.iter().map(|(p, s)| (rel(p), *s)).collect();
        assert_eq!(
            skipped,
            [
                (PathBuf::from(".git"), Skip::Hidden),
                (PathBuf::from(".hidden.docx"), Skip::Hidden),
                (PathBuf::from("notes.pdf"), Skip::NotADocument),
                (PathBuf::from("public"), Skip::BuiltSite),
                (PathBuf::from("~$a.docx"), Skip::LockFile),
            ]
        );
        assert_eq!(inputs.failed.len(), 1);
        assert_eq!(inputs.failed[0].0, missing);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
