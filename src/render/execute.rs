//! The executor: makes the files of a plan a selection picks, in
//! parallel, handing each to a sink as soon as it is made (a build writes
//! it and lets it go: the whole site is never held in memory).

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use tera::{Context, Tera};

use super::pages::{self, month_csv};
use super::plan::{self, Kind, Make, Output, Planned, Selection, Sink};
use super::shared::{Base, Shared};
use super::{layout, metrics, search, templates, word};
use crate::diagnostics::{Problem, Problems};
use crate::load::Theme;
use crate::model::{Library, Month};

/// What a run made.
pub struct Done {
    /// Every file of the site, made now or not.
    pub outputs: Vec<Output>,
    /// How many files were made (static files and report copies aside).
    pub made: usize,
}

/// Plans the site of `library` with `theme`, and makes the files
/// `selection` picks into `sink`. `search_cache` keeps the index between
/// runs (`serve`), or nothing (`build`).
pub fn render(
    library: &Library,
    theme: &Theme,
    search_cache: &search::Cache,
    selection: &dyn Selection,
    sink: &dyn Sink,
) -> Result<Done, Problems> {
    let mut tera = templates::compile(&theme.templates)?;
    let base = Base::of(library);
    let shared = Shared::new(library, theme, &base);
    let globals = tera.global_context();
    globals.insert("t", shared.t);
    globals.insert("site", &shared.site_view());
    let planned = pages::plan(&shared);
    plan::check_unique(&planned)?;
    let run = Run {
        shared: &shared,
        tera: &tera,
        selection,
        sink,
        made: AtomicUsize::new(0),
        problems: Mutex::new(Vec::new()),
    };
    run.all(&planned, search_cache);
    let mut problems = Problems(
        run.problems
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    if problems.has_errors() {
        // One broken template fails every page it renders: say it once.
        problems.0.dedup_by(|a, b| a.kind == b.kind);
        return Err(problems);
    }
    Ok(Done {
        made: run.made.into_inner(),
        outputs: planned.into_iter().map(|p| p.output).collect(),
    })
}

/// Every file of the site `library` and `theme` make, planned, none made.
pub fn outputs(library: &Library, theme: &Theme) -> Result<Vec<Output>, Problems> {
    let base = Base::of(library);
    let shared = Shared::new(library, theme, &base);
    let planned = pages::plan(&shared);
    plan::check_unique(&planned)?;
    Ok(planned.into_iter().map(|p| p.output).collect())
}

struct Run<'r> {
    shared: &'r Shared<'r>,
    tera: &'r Tera,
    selection: &'r dyn Selection,
    sink: &'r dyn Sink,
    made: AtomicUsize,
    problems: Mutex<Vec<Problem>>,
}

impl Run<'_> {
    fn all(&self, planned: &[Planned], search_cache: &search::Cache) {
        let library = self.shared.library;
        // A month's CSV is written from the plain text the search index
        // reads (making it twice was a twentieth of a build); those the
        // index did not read (serve, after an edit) are made afterwards.
        let of_kind = |kind: Kind| planned.iter().filter(move |p| p.output.kind == kind);
        let month_sheets: Vec<(Month, &Output)> = of_kind(Kind::MonthSheet)
            .filter_map(|p| match p.make {
                Make::MonthSheet(month) => Some((month, &p.output)),
                _ => None,
            })
            .collect();
        let sheets_made = Mutex::new(std::collections::BTreeSet::new());
        let month_sheet = |month: Month, texts: Option<&search::MonthTexts>| {
            let Ok(i) = month_sheets.binary_search_by_key(&month, |(m, _)| *m) else {
                return;
            };
            if !self.selection.wants(month_sheets[i].1) {
                return;
            }
            let reports = &library.months[&month];
            let bytes = month_csv(library, reports, month, self.shared.t, texts);
            self.put(&month_sheets[i].1.path, bytes);
            lock(&sheets_made).insert(month);
        };
        let search_files: Vec<&Output> = of_kind(Kind::Search).map(|p| &p.output).collect();
        let pages = || {
            planned
                .par_iter()
                .filter(|p| !matches!(p.output.kind, Kind::Search | Kind::MonthSheet | Kind::Word))
                .filter(|p| self.selection.wants(&p.output))
                .for_each(|p| self.make(p));
        };
        let index = || self.search_index(&search_files, search_cache, &month_sheet);
        let word_files = || self.word_files(planned);
        // The index, the pages and the Word files are made side by side:
        // each alone leaves a core idle at its end.
        rayon::join(pages, || rayon::join(index, word_files));
        let made = std::mem::take(&mut *lock(&sheets_made));
        month_sheets
            .par_iter()
            .filter(|(month, _)| !made.contains(month))
            .for_each(|(month, _)| month_sheet(*month, None));
    }

    /// Makes one file of the plan (not the index's, not a month's CSV).
    fn make(&self, planned: &Planned) {
        let output = &planned.output;
        let library = self.shared.library;
        let result = match &planned.make {
            Make::Page {
                template,
                root,
                fill,
            } => {
                let mut context = Context::new();
                fill(&mut context);
                let reports = output.shows.listed();
                let hint = layout::page_size_hint(library, reports, output.timeline_of);
                let mut bytes = Vec::with_capacity(hint);
                match self.tera.render_to(template, &context, &mut bytes) {
                    Ok(()) => Ok(with_root(bytes, root, reports, library)),
                    Err(err) => Err(templates::problem(
                        template,
                        &err,
                        &self.shared.theme.templates,
                    )),
                }
            }
            Make::MetricSheet(scope) => Ok(metrics::csv(library, *scope, self.shared.t)),
            Make::Static(file) => {
                return self.report(self.sink.put(&output.path, file.bytes.clone()));
            }
            Make::Source(source) => return self.report(self.sink.copy(&output.path, source)),
            Make::Attachment(source) => {
                return self.report(self.sink.attach(&output.path, source));
            }
            Make::Search(_) | Make::MonthSheet(_) | Make::ReportWord(_) | Make::MonthWord(_) => {
                return;
            }
        };
        match result {
            Ok(bytes) => self.put(&output.path, bytes),
            Err(problem) => self.report(Err(problem)),
        }
    }

    /// The Word files the selection picks, a month at a time: a report's
    /// text is laid out and compressed once for its file and its month's.
    fn word_files(&self, planned: &[Planned]) {
        let library = self.shared.library;
        let mut reports: Vec<Option<&Output>> = vec![None; library.reports.len()];
        let mut months: BTreeMap<Month, &Output> = BTreeMap::new();
        for p in planned.iter().filter(|p| p.output.kind == Kind::Word) {
            match p.make {
                Make::ReportWord(r) => reports[r] = Some(&p.output),
                Make::MonthWord(month) => {
                    months.insert(month, &p.output);
                }
                _ => {}
            }
        }
        let output = |month: Month, file: word::File| match file {
            word::File::Report(r) => reports[r],
            word::File::Month => months.get(&month).copied(),
        };
        library.months.par_iter().for_each(|(&month, in_month)| {
            let want = |file| output(month, file).is_some_and(|o| self.selection.wants(o));
            for (file, made) in word::month_files(library, in_month, self.shared.t, &want) {
                match (made, output(month, file)) {
                    (Ok(bytes), Some(output)) => self.put(&output.path, bytes),
                    (Err(problem), _) => self.report(Err(problem)),
                    (Ok(_), None) => {}
                }
            }
        });
    }

    /// The search index's files `files` (as `search::Plan::files` lists
    /// them), each month's plain text handed to `month_read` on the way.
    fn search_index(
        &self,
        files: &[&Output],
        cache: &search::Cache,
        month_read: &(dyn Fn(Month, Option<&search::MonthTexts>) + Sync),
    ) {
        let wanted: Vec<bool> = files.iter().map(|f| self.selection.wants(f)).collect();
        if !wanted.contains(&true) {
            return;
        }
        let needed: Vec<bool> = files.iter().map(|f| self.selection.needs(f)).collect();
        self.shared.search.write(
            self.shared.library,
            &self.shared.views,
            cache,
            &|i| wanted[i],
            &|i| needed[i],
            &|path, bytes| self.put(&path, bytes),
            &|month, texts| month_read(month, Some(texts)),
        );
    }

    fn put(&self, path: &str, bytes: Vec<u8>) {
        self.made.fetch_add(1, Ordering::Relaxed);
        self.report(self.sink.put(path, bytes));
    }

    fn report(&self, result: Result<(), Problem>) {
        if let Err(problem) = result {
            lock(&self.problems).push(problem);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The page with links written in its reports (to other reports, to
/// their pictures and attachments) made relative to it.
fn with_root(bytes: Vec<u8>, root: &str, reports: &[usize], library: &Library) -> Vec<u8> {
    let has_links = reports.iter().any(|&r| {
        let report = &library.reports[r];
        !report.links.is_empty() || !report.files.is_empty()
    });
    if !has_links {
        return bytes;
    }
    match String::from_utf8(bytes) {
        Ok(html) => crate::model::link_marks::fill_root(html, root).into_bytes(),
        Err(err) => err.into_bytes(),
    }
}
