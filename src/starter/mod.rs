//! What `reportal init` writes: a site.yaml that shows every setting, and
//! two sample reports to copy. Each sample says in its front matter that
//! it is one; what makes a file a sample is its bytes: a file at a
//! sample's path with exactly the sample's bytes is init's, untouched. A
//! writer's first import replaces them (`FirstSite`): a new site is the
//! office's own, not its reports beside invented ones. A sample the
//! writer edited is theirs, and is kept.

use std::path::{Path, PathBuf};

/// site.yaml as init writes it.
pub const SITE_YAML: &str = include_str!("site.yaml");

/// The sample reports, by path under the site's root.
pub const SAMPLES: &[(&str, &str)] = &[
    ("content/2025-11.md", include_str!("content/2025-11.md")),
    ("content/2025-12.md", include_str!("content/2025-12.md")),
];

/// The line of site.yaml before its sample areas: what follows it is
/// replaced by an import's areas.
pub const SAMPLE_AREAS_NOTE: &str =
    "# 下面三项是示例：本文件未改动时，第一次 reportal import 会换成导入的报告的重点工作。\n";

/// site.yaml for `init --empty`: the starter's, its sample areas only an
/// example in a comment.
pub fn empty_site_yaml() -> String {
    let before = SITE_YAML
        .split_once(SAMPLE_AREAS_NOTE)
        .map_or(SITE_YAML, |(before, _)| before);
    format!("{before}# areas:\n#   - {{ id: zhidu, name: 制度建设, aliases: [制度建设工作] }}\n")
}

/// A folder holding more entries than this is not init's.
const MOST_ENTRIES: usize = 64;

/// A site that holds no report but init's samples, as an import finds it.
#[derive(Debug, Default)]
pub struct FirstSite {
    /// The samples with the starter's bytes, relative to the root.
    pub untouched: Vec<&'static str>,
    /// The samples a writer edited: theirs, kept.
    pub edited: Vec<&'static str>,
    /// site.yaml is the starter's, byte for byte.
    pub starter_yaml: bool,
}

impl FirstSite {
    /// The site at `root`, if `content/` holds nothing but init's samples
    /// (edited or not; files the build skips, like `.DS_Store`, aside) and
    /// at least one of them untouched, or holds nothing at all (the
    /// samples deleted by hand) beside init's site.yaml. Anything else, a
    /// link or anything unreadable among them, and the site is the
    /// writer's: `None`.
    pub fn find(root: &Path) -> Option<FirstSite> {
        let confine = crate::load::Confine::new(root);
        let content = root.join("content");
        let found = match std::fs::symlink_metadata(&content) {
            Ok(meta) if meta.is_dir() && confine.real(&content).is_ok() => entries(&content)?,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            _ => return None,
        };
        for entry in found {
            let name = entry.file_name();
            if crate::load::is_hidden(&name) {
                continue;
            }
            let rel = format!("content/{}", name.to_str()?);
            if !SAMPLES.iter().any(|(path, _)| *path == rel) {
                return None;
            }
        }
        let mut site = FirstSite::default();
        for (path, text) in SAMPLES {
            match same_bytes(&root.join(path), text)? {
                Found::Same => site.untouched.push(path),
                Found::Different => site.edited.push(path),
                Found::Missing => {}
            }
        }
        site.starter_yaml = same_bytes(&root.join("site.yaml"), SITE_YAML) == Some(Found::Same);
        let emptied = site.edited.is_empty() && site.starter_yaml;
        (!site.untouched.is_empty() || emptied).then_some(site)
    }

    /// Whether site.yaml's sample areas give way to the imported reports':
    /// site.yaml is init's, and no sample that uses them stays.
    pub fn replaces_areas(&self) -> bool {
        self.starter_yaml && self.edited.is_empty()
    }

    /// Removes the untouched samples; on an error, puts back those removed.
    pub fn remove(&self, root: &Path) -> Result<(), String> {
        for (i, path) in self.untouched.iter().enumerate() {
            if let Err(err) = std::fs::remove_file(root.join(path)) {
                self.put_back(root, &self.untouched[..i]);
                return Err(crate::msg!(
                    "import-cannot-remove-sample",
                    path = *path,
                    reason = err.to_string()
                ));
            }
        }
        Ok(())
    }

    /// Writes the removed samples again (nothing was imported after all).
    pub fn restore(&self, root: &Path) {
        self.put_back(root, &self.untouched);
    }

    fn put_back(&self, root: &Path, paths: &[&str]) {
        for path in paths {
            let text = SAMPLES.iter().find(|(p, _)| p == path).map(|(_, t)| t);
            let target: PathBuf = root.join(path);
            // A new file only: never over one, nor through a link.
            let written = text.map(|text| {
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&target)
                    .and_then(|mut file| std::io::Write::write_all(&mut file, text.as_bytes()))
            });
            if let Some(Err(err)) = written {
                let text = crate::msg!(
                    "import-cannot-restore-sample",
                    path = *path,
                    reason = err.to_string()
                );
                eprintln!("{}", crate::msg!("label-warning", text = text));
            }
        }
    }
}

/// The entries of `dir`, if it is readable and not absurdly full.
fn entries(dir: &Path) -> Option<Vec<std::fs::DirEntry>> {
    let mut list = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        list.push(entry.ok()?);
        if list.len() > MOST_ENTRIES {
            return None;
        }
    }
    Some(list)
}

/// What stands at a starter file's path.
#[derive(PartialEq, Eq)]
enum Found {
    Missing,
    Same,
    Different,
}

/// Whether the plain file at `path` holds exactly `text`; `None` for a
/// link, a folder or an unreadable file (not init's).
fn same_bytes(path: &Path, text: &str) -> Option<Found> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Some(Found::Missing),
        Err(_) => return None,
    };
    if !meta.is_file() {
        return None;
    }
    if meta.len() != text.len() as u64 {
        return Some(Found::Different);
    }
    let bytes = std::fs::read(path).ok()?;
    Some(if bytes == text.as_bytes() {
        Found::Same
    } else {
        Found::Different
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_marks_its_samples_and_its_sample_areas() {
        for (_, text) in SAMPLES {
            assert!(text.starts_with("---\n# 示例报告"), "{text}");
        }
        let (_, areas) = SITE_YAML.split_once(SAMPLE_AREAS_NOTE).expect("the note");
        assert!(areas.starts_with("areas:\n"), "{areas}");
        let empty: crate::config::SiteConfig =
            crate::yaml::from_str(&empty_site_yaml()).expect("parses");
        assert!(empty.areas.is_empty());
        assert!(
            empty_site_yaml().ends_with(
                "# areas:\n#   - { id: zhidu, name: 制度建设, aliases: [制度建设工作] }\n"
            )
        );
    }
}
