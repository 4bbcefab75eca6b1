//! The output plan: every file the site will have, as data, before any is
//! made. Each page family (`pages/`) contributes its own; the executor
//! (`execute.rs`) makes those a `Selection` picks. `serve` compares plans
//! and selections to redo only what an edit touched.

use tera::Context;

use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::load::StaticFile;
use crate::model::Month;
use crate::model::metrics::MetricScope;

/// What a file of the output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page, or the feed or sitemap: a template rendered.
    Page,
    /// A month as CSV.
    MonthSheet,
    /// A scope's numbers as CSV.
    MetricSheet,
    /// A file of the search index.
    Search,
    /// A file of the theme's `static/`, as it is.
    Static,
    /// A report's Markdown file, as written, to download.
    Source,
    /// A report, or a month's reports, as a Word file.
    Word,
    /// A picture or attachment a report shows or links, as it is.
    Attachment,
}

/// Which reports a file shows: an edit to one of them makes it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// Indices into `Library::reports`.
    Reports(Vec<usize>),
    /// Every report (the search index's manifest and token files).
    Every,
}

impl Shows {
    pub fn none() -> Shows {
        Shows::Reports(Vec::new())
    }

    /// The listed reports (none for `Every`).
    pub fn listed(&self) -> &[usize] {
        match self {
            Shows::Reports(reports) => reports,
            Shows::Every => &[],
        }
    }
}

/// One file of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Its path in the output, `/`-separated.
    pub path: String,
    pub kind: Kind,
    pub shows: Shows,
    /// The work area, when the page is (part of) its timeline: it shows
    /// only that area of each report.
    pub timeline_of: Option<usize>,
}

impl Output {
    pub fn new(path: impl Into<String>, kind: Kind, shows: Shows) -> Output {
        Output {
            path: path.into(),
            kind,
            shows,
            timeline_of: None,
        }
    }
}

/// Fills a page's template context; called only if the page is made.
pub type Filler<'a> = Box<dyn Fn(&mut Context) + Send + Sync + 'a>;

/// How a planned file is made.
pub enum Make<'a> {
    Page {
        template: &'static str,
        /// The way back to the top of the site from the page.
        root: String,
        fill: Filler<'a>,
    },
    MonthSheet(Month),
    MetricSheet(MetricScope),
    /// The index's file at this position of `search::Plan::files`.
    Search(usize),
    Static(&'a StaticFile),
    /// The report's source path, relative to the site root.
    Source(&'a str),
    /// A picture or attachment: its path from the site root.
    Attachment(&'a str),
    /// Report `r` as a Word file.
    ReportWord(usize),
    /// A month's reports as one Word file.
    MonthWord(Month),
}

/// A file of the plan, and how to make it.
pub struct Planned<'a> {
    pub output: Output,
    pub make: Make<'a>,
}

/// Which files of the plan to make. A build makes all (`Everything`);
/// `serve` after an edit those it touched, and those it does not have.
pub trait Selection: Sync {
    /// The file is to be made.
    fn wants(&self, output: &Output) -> bool;
    /// The file is to be handed over even when its bytes would be as
    /// before (the receiver does not have it). Implies `wants`.
    fn needs(&self, output: &Output) -> bool {
        self.wants(output)
    }
}

/// Every file.
pub struct Everything;

impl Selection for Everything {
    fn wants(&self, _: &Output) -> bool {
        true
    }
}

/// Where made files go: the staging folder of a build, memory for
/// `serve`. Called from several threads at once.
pub trait Sink: Sync {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), Problem>;
    /// A report's file `source` (relative to the site root), as it is.
    fn copy(&self, path: &str, source: &str) -> Result<(), Problem>;
    /// A picture or attachment at `source` (relative to the site root),
    /// as it is: only an ordinary file, still inside the site.
    fn attach(&self, path: &str, source: &str) -> Result<(), Problem>;
}

/// Ids are checked, so two files cannot share a path; if a bug made them,
/// one must not silently replace the other.
pub fn check_unique(planned: &[Planned]) -> Result<(), Problems> {
    let mut seen = std::collections::HashSet::new();
    match planned
        .iter()
        .find(|p| !seen.insert(p.output.path.as_str()))
    {
        Some(twice) => Err(Problems(vec![Problem::error(ProblemKind::PagesCollide(
            twice.output.path.clone(),
        ))])),
        None => Ok(()),
    }
}
