//! Helpers shared by the integration tests: fixture sites in temp dirs, the
//! real `reportal` binary, and HTML parsed with `scraper`.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

/// A fixture site in a temporary folder (removed when dropped).
pub struct Site {
    pub dir: TempDir,
}

impl Site {
    /// A site made of `(path, text)` pairs, paths relative to its root.
    pub fn new(files: &[(&str, &str)]) -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        for (path, text) in files {
            site.write(path, text);
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or replaces) a file of the site, creating its folders.
    pub fn write(&self, path: &str, text: &str) {
        self.write_bytes(path, text.as_bytes());
    }

    pub fn write_bytes(&self, path: &str, bytes: &[u8]) {
        let target = self.root().join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, bytes).unwrap();
    }

    /// The default output folder, `<root>/public`.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// `reportal build --root <root>` plus `extra` arguments.
    pub fn build(&self, extra: &[&str]) -> Run {
        let root = self.root().to_str().unwrap();
        let mut args = vec!["build", "--root", root];
        args.extend_from_slice(extra);
        reportal(&args)
    }

    /// Builds and fails the test unless the build succeeded.
    pub fn build_ok(&self, extra: &[&str]) -> Run {
        let run = self.build(extra);
        assert_eq!(run.code, Some(0), "build failed:\n{run}");
        run
    }

    /// `reportal check --root <root>` plus `extra` arguments.
    pub fn check(&self, extra: &[&str]) -> Run {
        let root = self.root().to_str().unwrap();
        let mut args = vec!["check", "--root", root];
        args.extend_from_slice(extra);
        reportal(&args)
    }

    /// A page of the default output, parsed.
    pub fn page(&self, rel: &str) -> Html {
        parse_file(&self.public().join(rel))
    }

    pub fn has_output(&self, rel: &str) -> bool {
        self.public().join(rel).is_file()
    }
}

/// What a run of the binary did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit code: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs the real binary with `args`, without colours.
pub fn reportal(args: &[&str]) -> Run {
    reportal_in(Path::new("."), args)
}

/// Runs the real binary with `args` in the folder `dir`.
pub fn reportal_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_reportal"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run reportal");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A report file: front matter lines, then the body.
pub fn report(front: &str, body: &str) -> String {
    format!("---\n{front}\n---\n{body}")
}

pub fn parse_file(path: &Path) -> Html {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Html::parse_document(&text)
}

pub fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("bad selector {selector}: {e:?}"))
}

/// An element's text with runs of white space made one space, trimmed.
pub fn text(element: ElementRef) -> String {
    squash(&element.text().collect::<String>())
}

pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The texts of every element matching `selector`, in document order.
pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector)).map(text).collect()
}

/// The text of the only element matching `selector`.
pub fn text_one(doc: &Html, selector: &str) -> String {
    let found = texts(doc, selector);
    assert_eq!(found.len(), 1, "expected one `{selector}`, found {found:?}");
    found.into_iter().next().unwrap()
}

/// The `attr` of every element matching `selector`, in document order.
pub fn attrs(doc: &Html, selector: &str, attr: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// The element with this id, if any.
pub fn by_id<'a>(doc: &'a Html, id: &str) -> Option<ElementRef<'a>> {
    doc.select(&sel("[id]"))
        .find(|e| e.value().id() == Some(id))
}

/// Every id in the page.
pub fn ids(doc: &Html) -> Vec<String> {
    attrs(doc, "[id]", "id")
}

/// Whether `element` is inside an element matching `selector`.
pub fn inside(element: ElementRef, selector: &str) -> bool {
    let selector = sel(selector);
    element
        .ancestors()
        .filter_map(ElementRef::wrap)
        .any(|e| selector.matches(&e))
}

/// Every file under `dir`, by relative path, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    collect(dir, dir, &mut files);
    files
}

fn collect(base: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(base, &path, files);
        } else {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(&path).unwrap());
        }
    }
}

/// The HTML pages of an output folder, by relative path.
pub fn html_pages(dir: &Path) -> Vec<String> {
    snapshot(dir)
        .into_keys()
        .filter(|p| p.ends_with(".html"))
        .collect()
}
