//! Fixture sites for the integration tests: write a small site into a temp
//! folder, run the real `reportal` binary on it, and parse what it wrote.
#![allow(dead_code)]

pub mod server;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};
use tempfile::TempDir;

/// A site folder in a temp dir; the output goes to `<site>/public`.
pub struct Site {
    dir: TempDir,
}

/// What one run of reportal did.
pub struct Run {
    pub ok: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Site {
    /// A site made of `(path, text)` files.
    pub fn new(files: &[(&str, &str)]) -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        for (path, text) in files {
            site.write(path, text.as_bytes());
        }
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, path: &str, bytes: &[u8]) {
        let target = self.root().join(path);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::write(target, bytes).expect("write fixture");
    }

    /// `reportal <command> --root <site> <args…>`.
    pub fn run(&self, command: &str, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_reportal"))
            .arg(command)
            .arg("--root")
            .arg(self.root())
            .args(args)
            .env("NO_COLOR", "1")
            .output()
            .expect("run reportal");
        Run::from(output)
    }

    pub fn build(&self) -> Run {
        self.run("build", &[])
    }

    /// Builds and insists it worked.
    pub fn built(&self) -> Run {
        let run = self.build();
        assert!(run.ok, "build failed:\n{}", run.stderr);
        run
    }

    /// A built page, parsed.
    pub fn page(&self, path: &str) -> Page {
        let file = self.output().join(path);
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        Page(Html::parse_document(&text))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.output().join(path).exists()
    }

    /// Every link between the built HTML pages that leads nowhere: to a
    /// missing file, or to an anchor its page does not have. As
    /// `page -> href`.
    pub fn broken_links(&self) -> Vec<String> {
        let output = self.output();
        let pages: Vec<String> = snapshot(&output)
            .into_iter()
            .map(|(path, _)| path)
            .filter(|path| path.ends_with(".html") && path != "404.html")
            .collect();
        let mut ids: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut broken = Vec::new();
        for page in &pages {
            for href in self.page(page).attrs("a[href]", "href") {
                if href.contains("://") || href.starts_with("mailto:") {
                    continue;
                }
                let (file, anchor) = href.split_once('#').unwrap_or((&href, ""));
                let target = if file.is_empty() {
                    page.clone()
                } else {
                    let base = Path::new(page).parent().unwrap_or(Path::new(""));
                    let mut parts: Vec<String> = Vec::new();
                    for part in base.join(file).components() {
                        match part {
                            std::path::Component::ParentDir => {
                                parts.pop();
                            }
                            std::path::Component::Normal(name) => {
                                parts.push(name.to_string_lossy().into_owned())
                            }
                            _ => {}
                        }
                    }
                    let joined = parts.join("/");
                    if file.ends_with('/') || joined.is_empty() {
                        format!("{joined}/index.html")
                            .trim_start_matches('/')
                            .to_string()
                    } else {
                        joined
                    }
                };
                if !output.join(&target).is_file() {
                    broken.push(format!("{page} -> {href}"));
                    continue;
                }
                if anchor.is_empty() || !target.ends_with(".html") {
                    continue;
                }
                let known = ids
                    .entry(target.clone())
                    .or_insert_with(|| self.page(&target).attrs("[id]", "id"));
                if !known.iter().any(|id| id == anchor) {
                    broken.push(format!("{page} -> {href}"));
                }
            }
        }
        broken
    }
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            ok: output.status.success(),
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

pub struct Page(pub Html);

impl Page {
    /// The text of every element matching `css`, whitespace collapsed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"));
        self.0
            .select(&selector)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    pub fn text(&self, css: &str) -> String {
        let texts = self.texts(css);
        assert!(!texts.is_empty(), "nothing matches {css}");
        texts.join(" ")
    }

    /// The `attr` of every element matching `css`.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"));
        self.0
            .select(&selector)
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    pub fn count(&self, css: &str) -> usize {
        self.texts(css).len()
    }

    /// The inner HTML of the first element matching `css`.
    pub fn inner_html(&self, css: &str) -> String {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"));
        self.0
            .select(&selector)
            .next()
            .unwrap_or_else(|| panic!("nothing matches {css}"))
            .inner_html()
    }
}

/// The example site (this repository's content/ and site.yaml) built into
/// a temp dir: the dir (keep it alive) and the output folder in it.
pub fn build_example() -> (TempDir, PathBuf) {
    build_into_temp(Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// The site at `root` built into a temp dir, as `build_example`.
pub fn build_into_temp(root: &Path) -> (TempDir, PathBuf) {
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_reportal"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(&site)
        .output()
        .expect("build the site");
    assert!(
        build.status.success(),
        "{}",
        String::from_utf8_lossy(&build.stderr)
    );
    (out, site)
}

/// A report file's text.
pub fn report(front: &str, body: &str) -> String {
    format!("---\n{front}\n---\n{body}")
}

/// A body with one area, its progress and plan.
pub fn area(heading: &str, progress: &str, plan: &str) -> String {
    format!("## {heading}\n\n### 本月份推进情况\n\n{progress}\n\n### 下一步推进计划\n\n{plan}\n\n")
}

/// Every file under `dir` with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).expect("read"))
        })
        .collect();
    files.sort();
    files
}

/// tests/browser, when its npm packages and the system Chromium are there.
/// Without them a browser test says so and passes, except under CI, where
/// it fails: .ci/run must install them.
pub fn browser_tools() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let ready = ["axe-core", "playwright-core"]
        .iter()
        .all(|package| dir.join("node_modules").join(package).is_dir())
        && Path::new("/usr/bin/chromium").exists();
    if ready {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "browser tools missing under CI: .ci/run must install them"
    );
    eprintln!("skipped: run `npm ci` in tests/browser and install chromium to run this test");
    None
}
