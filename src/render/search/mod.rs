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

mod postings;
mod tokens;

use std::fmt::Write as _;

use rayon::prelude::*;

use super::i18n::month_label;
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
/// Documents read at once: enough for every thread, few enough to keep
/// their tokens small in memory.
const BATCH: usize = 256 * DOCS_PER_FILE;

/// One work area of one report.
#[derive(Clone, Copy)]
struct Doc {
    report: usize,
    entry: usize,
}

/// The index's files, known before any is made.
pub struct Plan {
    docs: Vec<Doc>,
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
        let docs: Vec<Doc> = library
            .months
            .values()
            .rev()
            .flat_map(|reports| reports.iter())
            .flat_map(|&report| {
                (0..library.reports[report].entries.len()).map(move |entry| Doc { report, entry })
            })
            .collect();
        let token_files = docs
            .len()
            .div_ceil(DOCS_PER_TOKEN_FILE)
            .next_power_of_two()
            .clamp(1, 1 << 14) as u32;
        Plan { docs, token_files }
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
    /// saying which are needed: all, or after an edit those it touched).
    /// Documents are read a batch at a time, in parallel, and their tokens
    /// go straight into postings kept compact (see `postings`), each group
    /// of token files filled by its own thread.
    pub fn write(
        &self,
        library: &Library,
        views: &Views,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        emit: &(dyn Fn(String, Vec<u8>) + Sync),
    ) {
        let mut index = postings::Index::new(self.token_files);

        for (b, batch) in self.docs.chunks(BATCH).enumerate() {
            let first_file = b * BATCH / DOCS_PER_FILE;
            let read: Vec<postings::DocTokens> = batch
                .par_chunks(DOCS_PER_FILE)
                .enumerate()
                .flat_map_iter(|(i, docs)| {
                    let n = first_file + i;
                    let texts = doc_texts(library, docs);
                    if wanted(1 + self.token_files as usize + n) {
                        emit(
                            format!("search/d/{n}.js"),
                            doc_file(library, views, n, docs, &texts),
                        );
                    }
                    docs.iter()
                        .zip(texts)
                        .map(|(doc, (progress, plan))| {
                            index.read(&doc_texts_to_index(library, *doc, &progress, &plan))
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            index.add((b * BATCH) as u32, read);
        }
        index.files(&|n| wanted(1 + n as usize), &|n, tokens| {
            emit(format!("search/t/{n}.js"), token_file(n, tokens));
        });
        if wanted(0) {
            emit("search/index.js".into(), self.manifest(library));
        }
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
fn doc_texts_to_index(
    library: &Library,
    doc: Doc,
    progress: &str,
    plan: &str,
) -> postings::DocText {
    let report = &library.reports[doc.report];
    let entry = &report.entries[doc.entry];
    let area = &library.areas[entry.area];
    let unit = &library.units[report.unit];
    let label = month_label(report.month, library.config.language);
    postings::DocText {
        texts: [
            label,
            area.name.clone(),
            entry.heading.clone(),
            unit.name.clone(),
            progress.to_string(),
            plan.to_string(),
        ]
        .join("\n"),
        filters: vec![
            format!("area:{}", area.id),
            format!("unit:{}", unit.id),
            format!("year:{}", report.month.year),
        ],
    }
}

/// Each document's progress and plan as plain text.
fn doc_texts(library: &Library, docs: &[Doc]) -> Vec<(String, String)> {
    let parts: Vec<&str> = docs
        .iter()
        .flat_map(|doc| {
            let entry = &library.reports[doc.report].entries[doc.entry];
            [&*entry.progress_html, &*entry.plan_html]
        })
        .collect();
    let mut texts = plain::texts_of(&parts).into_iter();
    docs.iter()
        .map(|_| {
            (
                texts.next().unwrap_or_default(),
                texts.next().unwrap_or_default(),
            )
        })
        .collect()
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
            month_label(report.month, library.config.language),
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

/// Token → documents, each list as gaps from the previous document (the
/// first from -1), a run of `k` consecutive documents written as `-k`.
fn token_file(n: u32, tokens: &[(String, Vec<u32>)]) -> Vec<u8> {
    let mut out = format!("reportalSearch(\"t/{n}\",{{");
    for (i, (token, docs)) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(token).unwrap_or_default());
        out.push_str(":[");
        let mut last: i64 = -1;
        let mut first = true;
        let mut k = 0;
        while k < docs.len() {
            let mut run = 1;
            while k + run < docs.len() && docs[k + run] == docs[k + run - 1] + 1 {
                run += 1;
            }
            if !first {
                out.push(',');
            }
            first = false;
            let gap = i64::from(docs[k]) - last;
            if gap == 1 && run > 1 {
                let _ = write!(out, "-{run}");
                last = i64::from(docs[k + run - 1]);
                k += run;
            } else {
                let _ = write!(out, "{gap}");
                last = i64::from(docs[k]);
                k += 1;
            }
        }
        out.push(']');
    }
    out.push_str("});\n");
    out.into_bytes()
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn postings_are_gaps_and_runs() {
        let file = token_file(3, &[("志愿".into(), vec![0, 1, 2, 7, 9, 10])]);
        // 0,1,2 is a run of 3 from -1; 7 is 5 on; 9 is 2 on; 10 is 1 on.
        assert_eq!(
            String::from_utf8(file).unwrap(),
            "reportalSearch(\"t/3\",{\"志愿\":[-3,5,2,1]});\n"
        );
    }
}
