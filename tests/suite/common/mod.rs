//! Helpers for the integration tests: write a small site into a temp folder,
//! run the real `reportal` binary on it (or `reportal serve`: `server`), and
//! parse what it wrote with `scraper`.

pub mod server;

use std::collections::BTreeMap;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

/// A site folder in a temp dir (removed when dropped); the output goes to
/// `<site>/public`.
pub struct Site {
    dir: TempDir,
}

impl Site {
    /// A site made of `(path, text)` files, paths relative to its root.
    pub fn new(files: &[(&str, &str)]) -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        for (path, text) in files {
            site.write(path, text);
        }
        site
    }

    /// A site made of generated `(path, text)` files.
    pub fn from_owned(files: &[(String, String)]) -> Site {
        let borrowed: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        Site::new(&borrowed)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The default output folder, `<root>/public`.
    pub fn output(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes (or replaces) a file of the site, creating its folders.
    pub fn write(&self, path: &str, bytes: impl AsRef<[u8]>) {
        let target = self.root().join(path);
        std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
        std::fs::write(target, bytes).expect("write fixture");
    }

    /// `reportal <command> --root <site> <args…>`.
    pub fn run(&self, command: &str, args: &[&str]) -> Run {
        let root = self.root().to_str().expect("temp dir is UTF-8");
        let mut all = vec![command, "--root", root];
        all.extend_from_slice(args);
        reportal(&all)
    }

    pub fn build(&self) -> Run {
        self.run("build", &[])
    }

    /// Builds and insists it worked.
    pub fn built(&self) -> Run {
        let run = self.build();
        assert!(run.ok, "build failed:\n{run}");
        run
    }

    /// A built page, parsed.
    pub fn page(&self, path: &str) -> Page {
        parse_file(&self.output().join(path))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.output().join(path).exists()
    }

    /// Every link between the built HTML pages that leads nowhere: to a
    /// missing file, or to an anchor its page does not have. As
    /// `page -> href`.
    pub fn broken_links(&self) -> Vec<String> {
        let output = self.output();
        let pages: Vec<String> = html_pages(&output)
            .into_iter()
            .filter(|path| path != "404.html")
            .collect();
        let mut ids: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut broken = Vec::new();
        for page in &pages {
            let parsed = self.page(page);
            // Pictures shown must be there too.
            let srcs = parsed.attrs("img[src]", "src");
            for href in parsed.attrs("a[href]", "href").into_iter().chain(srcs) {
                if href.contains("://") || href.starts_with("mailto:") || href.starts_with("data:")
                {
                    continue;
                }
                let (file, anchor) = href.split_once('#').unwrap_or((&href, ""));
                let target = if file.is_empty() {
                    page.clone()
                } else {
                    resolve(page, &percent_decoded(file))
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
                    .or_insert_with(|| self.page(&target).ids());
                if !known.iter().any(|id| id == anchor) {
                    broken.push(format!("{page} -> {href}"));
                }
            }
        }
        broken
    }
}

/// `%E9%99%84` as `附`: files are written under their names.
pub fn percent_decoded(href: &str) -> String {
    let bytes = href.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The output file a relative link `file` on `page` leads to.
pub fn resolve(page: &str, file: &str) -> String {
    let base = Path::new(page).parent().unwrap_or(Path::new(""));
    let mut parts: Vec<String> = Vec::new();
    for part in base.join(file).components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
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
}

/// What one run of reportal did.
pub struct Run {
    pub ok: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
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
    Command::new(env!("CARGO_BIN_EXE_reportal"))
        .env("REPORTAL_LANG", "en")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run reportal")
        .into()
}

/// The real binary, to run in `dir` with its language left to the site,
/// else to the system's `LANG` given here (no `REPORTAL_LANG`).
pub fn reportal_command(dir: &Path, lang: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reportal"));
    for name in ["REPORTAL_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"] {
        command.env_remove(name);
    }
    command
        .env("LANG", lang)
        .env("NO_COLOR", "1")
        .current_dir(dir);
    command
}

/// `reportal_command`, run with `args`.
pub fn reportal_in_language(dir: &Path, lang: &str, args: &[&str]) -> Run {
    reportal_command(dir, lang)
        .args(args)
        .output()
        .expect("run reportal")
        .into()
}

/// A parsed page; `Deref`s to the `scraper` document for what the
/// methods do not cover.
pub struct Page(pub Html);

impl Deref for Page {
    type Target = Html;
    fn deref(&self) -> &Html {
        &self.0
    }
}

impl Page {
    /// The text of every element matching `css`, whitespace collapsed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.0.select(&sel(css)).map(text).collect()
    }

    /// The texts of every element matching `css`, joined; at least one.
    pub fn text(&self, css: &str) -> String {
        let texts = self.texts(css);
        assert!(!texts.is_empty(), "nothing matches {css}");
        texts.join(" ")
    }

    /// The text of the only element matching `css`.
    pub fn text_one(&self, css: &str) -> String {
        let found = self.texts(css);
        assert_eq!(found.len(), 1, "expected one `{css}`, found {found:?}");
        found.into_iter().next().expect("one")
    }

    /// The `attr` of every element matching `css`, in document order.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.0
            .select(&sel(css))
            .filter_map(|e| e.value().attr(attr).map(str::to_string))
            .collect()
    }

    pub fn count(&self, css: &str) -> usize {
        self.0.select(&sel(css)).count()
    }

    /// The element with this id, if any.
    pub fn by_id(&self, id: &str) -> Option<ElementRef<'_>> {
        self.0
            .select(&sel("[id]"))
            .find(|e| e.value().id() == Some(id))
    }

    /// Every id in the page.
    pub fn ids(&self) -> Vec<String> {
        self.attrs("[id]", "id")
    }
}

pub fn parse_file(path: &Path) -> Page {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Page(Html::parse_document(&text))
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

/// An element's text with runs of white space made one space, trimmed.
pub fn text(element: ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The example site (this repository's content/ and site.yaml) built into
/// a temp dir, insisting it worked: the dir (keep it alive) and the output
/// folder in it.
pub fn built_example() -> (TempDir, PathBuf) {
    built_into_temp(example())
}

/// The example site built as `build_into_temp`, whether or not it worked.
pub fn build_example() -> (TempDir, PathBuf, Run) {
    build_into_temp(example())
}

/// This repository, whose content/ and site.yaml are the example site.
fn example() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The site at `root` built into a temp dir, as `built_example`.
pub fn built_into_temp(root: &Path) -> (TempDir, PathBuf) {
    let (dir, output, run) = build_into_temp(root);
    assert!(run.ok, "build failed:\n{run}");
    (dir, output)
}

/// The site at `root` built into `<temp dir>/public`: the dir, the output
/// folder and what the build did.
pub fn build_into_temp(root: &Path) -> (TempDir, PathBuf, Run) {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = dir.path().join("public");
    let run = build_to(root, &output);
    (dir, output, run)
}

/// `reportal build --root <root> --output <output>`, whether or not it worked.
pub fn build_to(root: &Path, output: &Path) -> Run {
    reportal(&[
        "build",
        "--root",
        root.to_str().expect("UTF-8 root"),
        "--output",
        output.to_str().expect("UTF-8 output"),
    ])
}

/// Gives the file at `path` the modification time `when` (as `cp -p`,
/// an unzipped backup or someone covering an edit would).
pub fn set_modified(path: &Path, when: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(when))
        .expect("set the modification time");
}

/// A report file's text: front matter lines, then the body.
pub fn report(front: &str, body: &str) -> String {
    format!("---\n{front}\n---\n{body}")
}

/// A body with one area, its progress and plan.
pub fn area(heading: &str, progress: &str, plan: &str) -> String {
    format!("## {heading}\n\n### 本月份推进情况\n\n{progress}\n\n### 下一步推进计划\n\n{plan}\n\n")
}

/// Every file under `dir` with its bytes, by relative path. Symbolic links
/// are followed, so what a link in an output would expose is seen.
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
        let path = entry.expect("read folder entry").path();
        if path.is_dir() {
            collect(base, &path, files);
        } else {
            let rel = path
                .strip_prefix(base)
                .expect("inside")
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            files.insert(rel, bytes);
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
