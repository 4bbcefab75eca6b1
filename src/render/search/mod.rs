//! The search index, written with the site to `search/`, read by
//! `search.js` in the browser. A document is one work area of one report.
//! Every file is a script (`reportalSearch("t/5", {...})`), so that the
//! browser loads it with a `<script>` tag, which works from disk (file://)
//! as well as over HTTP, where fetch() of a local file does not.
//!
//! - `search/index.js`: how many files of each kind, area and unit names.
//! - `search/t/<n>.js`: token → the documents that have it. A token lives
//!   in file `shard_of(token)`, so a query loads the files of its tokens
//!   only.
//! - `search/d/<n>.js`: documents `n × DOCS_PER_FILE` onwards: month,
//!   unit, area, link, and text (for phrase checks and snippets). A query
//!   loads those of its first results only.
//!
//! Documents are numbered newest first, so a token's documents, and a
//! query's first results, sit together in few files.
//!
//! Each month's plain text is made once, here, and handed on (the month's
//! CSV is written from it): making it was a tenth of the index's work.

mod postings;
mod tokens;

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use super::i18n::{Strings, month_label};
use super::plain;
use super::views::Views;
use crate::model::Library;
pub use tokens::{normalize, shard_of, tokens};

/// Documents per document file: a query that shows ten results loads a
/// few of them.
pub const DOCS_PER_FILE: usize = 8;
/// Documents per token file, roughly: the token files' count grows with
/// the site, so each stays a few kilobytes.
const DOCS_PER_TOKEN_FILE: usize = 24;
/// Documents per batch, at least (a batch is whole months): after an
/// edit `serve` reads the edited report's batch again; fewer batches hold
/// fewer copies of each token.
const BATCH: usize = 64 * DOCS_PER_FILE;

/// A month's entries as plain text (progress, plan), in the order of its
/// reports and their entries.
pub type MonthTexts = [(String, String)];

/// The index as last made, for `serve`: each batch of documents with
/// what it was made from. A build makes its index once and keeps nothing.
#[derive(Default)]
pub struct Cache {
    keep: bool,
    #[allow(clippy::type_complexity)]
    batches: std::sync::Mutex<(u64, Vec<(Vec<DocInput>, Arc<postings::Batch>)>)>,
}

impl Cache {
    /// A cache that keeps the index between builds.
    pub fn kept() -> Cache {
        Cache {
            keep: true,
            ..Cache::default()
        }
    }
}

/// What a document's tokens are made from: its text (the very same
/// allocation: a patched report gets new ones, and the cache holding
/// these keeps an old one from being reused for other text), its area,
/// unit, heading and month.
struct DocInput {
    progress: Arc<str>,
    plan: Arc<str>,
    area: usize,
    unit: usize,
    heading: String,
    month: crate::model::Month,
}

impl DocInput {
    fn of(library: &Library, doc: Doc) -> DocInput {
        let report = &library.reports[doc.report];
        let entry = &report.entries[doc.entry];
        DocInput {
            progress: Arc::clone(&entry.progress_html),
            plan: Arc::clone(&entry.plan_html),
            area: entry.area,
            unit: report.unit,
            heading: entry.heading.clone(),
            month: report.month,
        }
    }
}

impl PartialEq for DocInput {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.progress, &other.progress)
            && Arc::ptr_eq(&self.plan, &other.plan)
            && (self.area, self.unit, &self.heading, self.month)
                == (other.area, other.unit, &other.heading, other.month)
    }
}

/// The token files whose bytes differ between the batches `before` and
/// `after`; none: all may.
fn changed_files(
    before: &[(Vec<DocInput>, Arc<postings::Batch>)],
    after: &[(Vec<DocInput>, Arc<postings::Batch>)],
) -> Option<std::collections::BTreeSet<u32>> {
    if before.len() != after.len() {
        return None;
    }
    let mut changed = std::collections::BTreeSet::new();
    for ((_, old), (_, new)) in before.iter().zip(after) {
        if !Arc::ptr_eq(old, new) {
            changed.extend(old.differences(new));
        }
    }
    Some(changed)
}

/// What every document's tokens also depend on: the names of areas and
/// units, how month labels are written, the number of token files.
fn context_of(library: &Library, t: &Strings, token_files: u32) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    token_files.hash(&mut hasher);
    (&t.month_label, &t.month_names).hash(&mut hasher);
    for area in &library.areas {
        (&area.id, &area.name).hash(&mut hasher);
    }
    for unit in &library.units {
        (&unit.id, &unit.name).hash(&mut hasher);
    }
    hasher.finish()
}

/// One work area of one report.
#[derive(Clone, Copy)]
struct Doc {
    report: usize,
    entry: usize,
}

/// The index's files, known before any is made.
pub struct Plan {
    docs: Vec<Doc>,
    /// Each month (newest first) and its documents.
    months: Vec<(crate::model::Month, Range<usize>)>,
    /// Batches of whole months, as ranges of `months`.
    batches: Vec<Range<usize>>,
    token_files: u32,
}

/// A file of the index, and the reports it shows (none: it depends on
/// every report), so `serve` redoes only what an edit touched.
pub struct PlannedFile {
    pub path: String,
    pub reports: Option<Vec<usize>>,
}

impl Plan {
    pub fn of(library: &Library) -> Plan {
        let mut docs: Vec<Doc> = Vec::new();
        let mut months = Vec::new();
        for (&month, reports) in library.months.iter().rev() {
            let start = docs.len();
            for &report in reports {
                let entries = library.reports[report].entries.len();
                docs.extend((0..entries).map(|entry| Doc { report, entry }));
            }
            months.push((month, start..docs.len()));
        }
        let mut batches = Vec::new();
        let mut start = 0;
        for (i, (_, range)) in months.iter().enumerate() {
            if range.end - months[start].1.start >= BATCH || i + 1 == months.len() {
                batches.push(start..i + 1);
                start = i + 1;
            }
        }
        let token_files = docs
            .len()
            .div_ceil(DOCS_PER_TOKEN_FILE)
            .next_power_of_two()
            .clamp(1, 1 << 14) as u32;
        Plan {
            docs,
            months,
            batches,
            token_files,
        }
    }

    /// Every file of the index. The manifest and the token files depend
    /// on every report; a document file on its documents' reports.
    pub fn files(&self) -> Vec<PlannedFile> {
        let mut files = vec![PlannedFile {
            path: "search/index.js".into(),
            reports: None,
        }];
        files.extend((0..self.token_files).map(|n| PlannedFile {
            path: format!("search/t/{n}.js"),
            reports: None,
        }));
        files.extend(
            self.docs
                .chunks(DOCS_PER_FILE)
                .enumerate()
                .map(|(n, docs)| {
                    let mut reports: Vec<usize> = docs.iter().map(|d| d.report).collect();
                    reports.dedup();
                    PlannedFile {
                        path: format!("search/d/{n}.js"),
                        reports: Some(reports),
                    }
                }),
        );
        files
    }

    /// Makes the index's files, handing each to `emit` (with `wanted`
    /// saying which are needed: all, or after an edit those it touched,
    /// and `missing` those needed even if their bytes are as before), and
    /// each month's plain text it reads to `month_read`.
    /// Documents are read in batches, in parallel; a batch whose documents
    /// are those `cache` holds is not read again, and only the token files
    /// whose tokens a re-read batch changed are made again.
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &self,
        library: &Library,
        views: &Views,
        cache: &Cache,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        missing: &(dyn Fn(usize) -> bool + Sync),
        emit: &(dyn Fn(String, Vec<u8>) + Sync),
        month_read: &(dyn Fn(crate::model::Month, &MonthTexts) + Sync),
    ) {
        let doc_file_wanted = |n: usize| wanted(1 + self.token_files as usize + n);
        let mut kept = cache
            .batches
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let context = context_of(library, views.strings, self.token_files);
        if kept.0 != context {
            *kept = (context, Vec::new());
        }
        // Document file `n` is made with the batch that holds its first
        // document, from that batch's texts (read for the file's few
        // documents past the batch's end).
        let doc_files = |docs: Range<usize>, texts: Option<&MonthTexts>| {
            (docs.start.div_ceil(DOCS_PER_FILE)..docs.end.div_ceil(DOCS_PER_FILE))
                .into_par_iter()
                .filter(|&n| doc_file_wanted(n))
                .for_each(|n| {
                    let range = n * DOCS_PER_FILE..((n + 1) * DOCS_PER_FILE).min(self.docs.len());
                    let file_docs = &self.docs[range.clone()];
                    let read;
                    let texts: &MonthTexts = match texts {
                        Some(texts) if range.end <= docs.end => {
                            &texts[range.start - docs.start..range.end - docs.start]
                        }
                        _ => {
                            read = doc_texts(library, file_docs);
                            &read
                        }
                    };
                    emit(
                        format!("search/d/{n}.js"),
                        doc_file(library, views, n, file_docs, texts),
                    );
                });
        };
        let batches: Vec<(Vec<DocInput>, Arc<postings::Batch>)> = self
            .batches
            .par_iter()
            .enumerate()
            .map(|(b, months)| {
                let months = &self.months[months.clone()];
                let docs =
                    months.first().map_or(0, |m| m.1.start)..months.last().map_or(0, |m| m.1.end);
                let inputs: Vec<DocInput> = self.docs[docs.clone()]
                    .iter()
                    .map(|d| DocInput::of(library, *d))
                    .collect();
                if let Some((_, batch)) = kept.1.get(b).filter(|(was, _)| *was == inputs) {
                    // Unchanged: only document files asked for are made.
                    doc_files(docs, None);
                    return (inputs, Arc::clone(batch));
                }
                let (texts, batch) = self.read_batch(library, views.strings, months, month_read);
                doc_files(docs, Some(&texts));
                (inputs, Arc::new(batch))
            })
            .collect();
        let changed = changed_files(&kept.1, &batches);
        let joined: Vec<Arc<postings::Batch>> =
            batches.iter().map(|(_, b)| Arc::clone(b)).collect();
        (0..self.token_files)
            .into_par_iter()
            .filter(|&n| {
                let i = 1 + n as usize;
                missing(i) || (wanted(i) && changed.as_ref().is_none_or(|c| c.contains(&n)))
            })
            .for_each(|n| emit(format!("search/t/{n}.js"), postings::token_file(n, &joined)));
        if wanted(0) {
            emit("search/index.js".into(), self.manifest(library));
        }
        if cache.keep {
            kept.1 = batches;
        }
    }

    /// Reads a batch's `months`: each month's texts are made, handed to
    /// `month_read`, and read for tokens. The batches, not the months,
    /// are read in parallel. Returns the texts, for the document files.
    fn read_batch(
        &self,
        library: &Library,
        t: &Strings,
        months: &[(crate::model::Month, Range<usize>)],
        month_read: &(dyn Fn(crate::model::Month, &MonthTexts) + Sync),
    ) -> (Vec<(String, String)>, postings::Batch) {
        let first = months.first().map_or(0, |(_, docs)| docs.start);
        let mut reader = postings::BatchReader::new(first as u32);
        let mut texts = Vec::new();
        for (month, range) in months {
            let month_docs = &self.docs[range.clone()];
            let month_texts = doc_texts(library, month_docs);
            month_read(*month, &month_texts);
            for (doc, (progress, plan)) in month_docs.iter().zip(&month_texts) {
                read_doc(&mut reader, library, t, *doc, progress, plan);
            }
            texts.extend(month_texts);
        }
        (texts, reader.finish(self.token_files))
    }

    fn manifest(&self, library: &Library) -> Vec<u8> {
        let names = |list: Vec<&str>| serde_json::to_string(&list).unwrap_or_default();
        format!(
            "reportalSearch(\"index\",{{\"docs\":{},\"docsPerFile\":{DOCS_PER_FILE},\"tokenFiles\":{},\"areas\":{},\"units\":{}}});\n",
            self.docs.len(),
            self.token_files,
            names(library.areas.iter().map(|a| a.name.as_str()).collect()),
            names(library.units.iter().map(|u| u.name.as_str()).collect()),
        )
        .into_bytes()
    }
}

/// What a document is found by: its month, area, heading, unit and text,
/// and its filters (no text token has a colon): `area:<id>`,
/// `unit:<id>`, `year:<yyyy>`.
fn read_doc(
    reader: &mut postings::BatchReader,
    library: &Library,
    t: &Strings,
    doc: Doc,
    progress: &str,
    plan: &str,
) {
    let report = &library.reports[doc.report];
    let entry = &report.entries[doc.entry];
    let area = &library.areas[entry.area];
    let unit = &library.units[report.unit];
    let label = month_label(report.month, t);
    reader.read(
        &[
            &label,
            &area.name,
            &entry.heading,
            &unit.name,
            progress,
            plan,
        ],
        &[
            &format!("area:{}", area.id),
            &format!("unit:{}", unit.id),
            &format!("year:{}", report.month.year),
        ],
    );
}

/// Each document's progress and plan as plain text.
fn doc_texts(library: &Library, docs: &[Doc]) -> Vec<(String, String)> {
    plain::entry_texts(
        docs.iter()
            .map(|doc| &library.reports[doc.report].entries[doc.entry]),
    )
}

/// `[month label, unit, area, link from the site's top, heading, progress,
/// plan]` per document. The link leads to where the text is: the month
/// page, or the unit's page for a split month.
fn doc_file(
    library: &Library,
    views: &Views,
    n: usize,
    docs: &[Doc],
    texts: &[(String, String)],
) -> Vec<u8> {
    let mut out = format!("reportalSearch(\"d/{n}\",[").into_bytes();
    // At once, not by doubling (escapes aside).
    out.reserve(texts.iter().map(|(a, b)| a.len() + b.len() + 256).sum());
    for (i, (doc, (progress, plan))) in docs.iter().zip(texts).enumerate() {
        let report = &library.reports[doc.report];
        let entry = &report.entries[doc.entry];
        let area = &library.areas[entry.area];
        let heading = if entry.heading == area.name {
            ""
        } else {
            entry.heading.as_str()
        };
        if i > 0 {
            out.push(b',');
        }
        let row = (
            month_label(report.month, views.strings),
            report.unit,
            entry.area,
            format!("{}#{}", views.page_of(doc.report), entry.anchor),
            heading,
            progress,
            plan,
        );
        // Strings and numbers: writing to memory cannot fail.
        let _ = serde_json::to_writer(&mut out, &row);
    }
    out.extend_from_slice(b"]);\n");
    out
}
