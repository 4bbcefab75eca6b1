//! Stage 1, load: read everything a build needs from disk — site.yaml, the
//! report files (decoded, front matter split off), the theme's templates and
//! static files — and nothing else. Later stages never touch the disk.

mod confine;
mod decode;
pub mod files;
pub mod front_matter;
pub mod i18n;
mod theme;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{KNOWN_KEYS, SiteConfig};
use crate::diagnostics::{Problem, ProblemKind, Problems};
pub use confine::Confine;
pub use files::{ContentFile, ContentFiles};
pub use i18n::Strings;
pub use theme::{StaticFile, Template, Theme};

/// One report file as read from disk.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to the site root, `/`-separated: what messages name.
    pub rel: String,
    pub text: Arc<str>,
    pub parts: front_matter::Parts,
}

/// Everything the build reads.
#[derive(Debug)]
pub struct Inputs {
    pub config: SiteConfig,
    pub sources: Vec<SourceFile>,
    /// The other files under `content/`: pictures and attachments.
    pub files: ContentFiles,
    pub theme: Theme,
}

/// Makes messages speak the language of the site at `root` from now on
/// (unless the person asked for one): for what a command says before it
/// loads the site. Problems in site.yaml are left for the load to report.
pub fn follow_site_language(root: &Path) {
    // Reading site.yaml is what sets the language.
    let _ = read_site_yaml(root, &mut Problems::default());
}

/// Reads the site at `root`. Problems in single files are collected; only
/// what makes the whole site unreadable (no content, a broken site.yaml)
/// returns no inputs.
pub fn load(root: &Path, problems: &mut Problems) -> Option<Inputs> {
    let (mut config, text) = read_site_yaml(root, problems)?;
    let mut theme = match Theme::load(root, &config.theme) {
        Ok(theme) => theme,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    theme.strings = language_strings(&theme, &config.language, text.as_deref(), problems)?;
    if config.title.is_none() {
        config.title = Some(theme.strings.site_title.clone());
    }
    let content = root.join("content");
    // None is not a problem here: the site driver says a site without
    // reports is one (drafts left out count as none too).
    let (paths, files) = content_paths(&content, root, problems);
    let results: Vec<Result<SourceFile, Problem>> = paths
        .par_iter()
        .map(|(path, rel)| read_report(path, rel))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(source) => sources.push(source),
            Err(problem) => problems.push(problem),
        }
    }
    Some(Inputs {
        config,
        sources,
        files,
        theme,
    })
}

/// The Markdown files under `content/`, sorted, and the other files there
/// (listed, not read), skipping hidden files and editors' backup and lock
/// files. A link leading outside the site is a problem, and is not followed.
fn content_paths(
    content: &Path,
    root: &Path,
    problems: &mut Problems,
) -> (Vec<(PathBuf, String)>, ContentFiles) {
    let confine = Confine::new(root);
    // Files beside the reports are published: a link among them must not
    // lead to site.yaml or another folder of the site.
    let in_content = Confine::new(content);
    let escapes = std::cell::RefCell::new(Vec::new());
    let mut paths = Vec::new();
    let mut others = std::collections::BTreeMap::new();
    let walker = walkdir::WalkDir::new(content)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() > 0 && is_hidden(entry.file_name()) {
                return false;
            }
            match confine.check_entry(entry) {
                Ok(()) => true,
                Err(problem) => {
                    escapes.borrow_mut().push(problem);
                    false
                }
            }
        });
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() && is_markdown(entry.path()) => {
                let rel = relative(root, entry.path());
                paths.push((entry.into_path(), rel));
            }
            // A pipe, socket or device named like a report: reading it
            // could wait for ever, and passing over it would drop a report
            // without a word.
            Ok(entry) if !entry.file_type().is_dir() && is_markdown(entry.path()) => {
                let rel = relative(root, entry.path());
                problems.push(Problem::warning(ProblemKind::NotAFileReport).in_file(&rel));
            }
            // A name that is not Unicode cannot be written in a report.
            Ok(entry) if !entry.file_type().is_dir() && entry.path().to_str().is_some() => {
                let file = ContentFile {
                    size: entry.metadata().map_or(0, |m| m.len()),
                    ordinary: entry.file_type().is_file(),
                    linked_out: in_content.real(entry.path()).is_err(),
                };
                others.insert(relative(root, entry.path()), file);
            }
            Ok(_) => {}
            Err(err)
                if err.depth() == 0
                    && err.io_error().map(|e| e.kind()) == Some(std::io::ErrorKind::NotFound) => {}
            Err(err) => {
                let file = err.path().map(|p| relative(root, p)).unwrap_or_default();
                problems
                    .push(Problem::error(ProblemKind::Unreadable(err.to_string())).in_file(&file));
            }
        }
    }
    problems.extend(escapes.into_inner());
    (paths, ContentFiles::new(others))
}

/// Hidden files and editors' backup and lock files (`.x`, `x~`, `#x#`).
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
}

/// `path` relative to `root`, `/`-separated, for messages and sorting.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads one report file again, as `load` would: `None` when the path is
/// not (or no longer) a report file of the site.
pub fn reload_report(root: &Path, path: &Path) -> Option<Result<SourceFile, Problem>> {
    let rel_to_content = path.strip_prefix(root.join("content")).ok()?;
    let hidden = rel_to_content
        .components()
        .any(|c| is_hidden(c.as_os_str()));
    if hidden || !is_markdown(path) || !path.is_file() {
        return None;
    }
    if let Err(problem) = Confine::new(root).real(path) {
        return Some(Err(problem));
    }
    Some(read_report(path, &relative(root, path)))
}

/// The largest report file read: a month's report is tens of KB; one of
/// gigabytes (a log saved as `.md`, or a hostile file) must not take the
/// build's memory.
pub const REPORT_BYTES: u64 = 16 << 20;
/// The largest template or static file read (the theme is held in memory).
pub const THEME_FILE_BYTES: u64 = 64 << 20;

/// A file's bytes, or `None` when it holds more than `limit`: never more
/// than that is read (a file of gigabytes, or one that keeps growing).
pub fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// A file's bytes, refused past `limit` as a problem of `rel`.
pub fn read_bounded(path: &Path, rel: &str, limit: u64) -> Result<Vec<u8>, Problem> {
    read_at_most(path, limit)
        .map_err(|err| Problem::error(ProblemKind::Unreadable(err.to_string())).in_file(rel))?
        .ok_or_else(|| Problem::error(ProblemKind::TooLarge(limit >> 20)).in_file(rel))
}

fn read_report(path: &Path, rel: &str) -> Result<SourceFile, Problem> {
    let bytes = read_bounded(path, rel, REPORT_BYTES)?;
    report_from_bytes(rel, bytes)
}

/// A report file's bytes as read from `rel`: decoded, front matter split
/// off. Apart from the disk, so the parse can be fuzzed (see `fuzz/`).
pub fn report_from_bytes(rel: &str, bytes: Vec<u8>) -> Result<SourceFile, Problem> {
    let text: Arc<str> = match decode::decode(bytes) {
        Ok(text) => text.into(),
        Err(err) => {
            let bytes = &err.bytes;
            // Show where the first bad byte is, in the text as the writer
            // sees it: decoded as GBK when it is GBK.
            let shown = |bytes: &[u8]| -> String {
                if err.looks_like_gbk {
                    encoding_rs::GB18030.decode(bytes).0.into_owned()
                } else {
                    String::from_utf8_lossy(bytes).into_owned()
                }
            };
            let lossy: Arc<str> = shown(bytes).into();
            let good = shown(&bytes[..err.valid_up_to]).len();
            return Err(Problem::error(ProblemKind::NotUtf8 {
                looks_like_gbk: err.looks_like_gbk,
            })
            .in_file(rel)
            .at(&lossy, good..good + 1));
        }
    };
    let parts = front_matter::split(&text).map_err(|unclosed| {
        Problem::error(ProblemKind::UnclosedFrontMatter)
            .in_file(rel)
            .at(&text, unclosed.opening)
    })?;
    Ok(SourceFile {
        rel: rel.to_string(),
        text,
        parts,
    })
}

/// The theme's words in `language`. A language with no translation file is
/// an error at site.yaml's `language:` (`site_yaml`: its text, if any).
fn language_strings(
    theme: &Theme,
    language: &str,
    site_yaml: Option<&str>,
    problems: &mut Problems,
) -> Option<Strings> {
    match theme.translations.resolve(language) {
        Ok(resolved) => {
            problems.extend(resolved.warning);
            Some(resolved.strings)
        }
        Err(problem) => {
            let problem = match (theme.translations.tag_for(language), site_yaml) {
                (None, Some(text)) => {
                    let key = crate::yaml::key_offset(text, "language");
                    let at = text[key..].find(language).map_or(key, |at| key + at);
                    problem
                        .in_file("site.yaml")
                        .at(text, at..at + language.len())
                }
                (None, None) => problem.in_file("site.yaml"),
                (Some(_), _) => problem,
            };
            problems.push(problem);
            None
        }
    }
}

/// Reads site.yaml (none: the defaults); problems are pushed, `None` when it
/// cannot be used.
pub fn read_config(root: &Path, problems: &mut Problems) -> Option<SiteConfig> {
    read_site_yaml(root, problems).map(|(config, _)| config)
}

/// The settings of a site without site.yaml (or with an empty one).
fn unwritten() -> (SiteConfig, Option<Arc<str>>) {
    let config = SiteConfig::default();
    crate::messages::follow_site(&config.language);
    (config, None)
}

/// The `language:` a site.yaml's top-level line gives, read without
/// parsing the file (which may not parse): `zh-CN` from `language: "zh-CN"
/// # comment`.
fn written_language(bytes: &[u8]) -> Option<&str> {
    bytes.split(|&b| b == b'\n').find_map(|line| {
        let value = line.strip_prefix(b"language:")?.trim_ascii_start();
        let value = value
            .strip_prefix(b"\"")
            .or_else(|| value.strip_prefix(b"'"))
            .unwrap_or(value);
        let end = value
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
            .unwrap_or(value.len());
        std::str::from_utf8(&value[..end])
            .ok()
            .filter(|tag| !tag.is_empty())
    })
}

/// site.yaml's settings and its text (none: no file), to point into later.
/// From here on messages speak the site's language (unless the person
/// asked for another): set as soon as it is known, before anything is
/// said of the file.
fn read_site_yaml(root: &Path, problems: &mut Problems) -> Option<(SiteConfig, Option<Arc<str>>)> {
    let path = root.join("site.yaml");
    if let Err(problem) = Confine::new(root).real(&path) {
        problems.push(problem);
        return None;
    }
    let read = std::fs::read(&path);
    // Said in the site's language even when the file cannot be read as
    // YAML (or as text) at all.
    if let Some(tag) = read.as_deref().ok().and_then(written_language) {
        crate::messages::follow_site(tag);
    }
    let text = match read {
        Ok(bytes) => match decode::decode(bytes) {
            Ok(text) => text,
            Err(err) => {
                problems.push(
                    Problem::error(ProblemKind::NotUtf8 {
                        looks_like_gbk: err.looks_like_gbk,
                    })
                    .in_file("site.yaml"),
                );
                return None;
            }
        },
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Some(unwritten());
        }
        Err(err) => {
            problems.push(
                Problem::error(ProblemKind::Unreadable(err.to_string())).in_file("site.yaml"),
            );
            return None;
        }
    };
    if text.trim().is_empty() {
        return Some(unwritten());
    }
    let text: Arc<str> = text.into();
    match crate::yaml::from_str::<SiteConfig>(&text) {
        Ok(mut config) => {
            // What is said of site.yaml is said in its language already.
            crate::messages::follow_site(&config.language);
            for key in config.unknown.keys() {
                let suggestion = crate::yaml::closest_key(key, KNOWN_KEYS);
                let at = crate::yaml::key_offset(&text, key);
                problems.push(
                    Problem::warning(ProblemKind::UnknownConfigKey {
                        key: key.clone(),
                        suggestion,
                    })
                    .in_file("site.yaml")
                    .at(&text, at..at + key.len()),
                );
            }
            let mistakes = config.mistakes();
            for mistake in &mistakes {
                let from = mistake
                    .key
                    .map_or(0, |key| crate::yaml::key_offset(&text, key));
                let from = mistake
                    .after
                    .as_ref()
                    .and_then(|after| text[from..].find(after.as_str()))
                    .map_or(from, |at| from + at);
                let found = if mistake.repeated {
                    text.rfind(&mistake.value)
                } else {
                    text[from..].find(&mistake.value).map(|at| from + at)
                };
                let at = found.unwrap_or(from);
                problems.push(
                    Problem::error(ProblemKind::BadConfig(mistake.message.clone()))
                        .in_file("site.yaml")
                        .at(&text, at..at + mistake.value.len()),
                );
            }
            if !mistakes.is_empty() {
                return None;
            }
            config.normalize_base_url();
            Some((config, Some(text)))
        }
        Err(err) => {
            problems.push(
                Problem::error(ProblemKind::BadConfigYaml(err.message))
                    .in_file("site.yaml")
                    .at(&text, err.offset..err.offset),
            );
            None
        }
    }
}
