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

mod tokens;

use std::collections::HashMap;
use std::fmt::Write as _;

use rayon::prelude::*;

use super::i18n::month_label;
use super::plain;
use super::views::Views;
use crate::model::Library;
use tokens::{Token, each_token};
pub use tokens::{normalize, shard_of, tokens};

/// Documents per document file: a query that shows ten results loads a
/// few of them.
pub const DOCS_PER_FILE: usize = 8;
/// Documents per token file, roughly: the token files' count grows with
/// the site, so each stays a few kilobytes.
const DOCS_PER_TOKEN_FILE: usize = 24;

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
    pub reports: Vec<usize>,
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
    pub fn files(&self, library: &Library) -> Vec<PlannedFile> {
        let all: Vec<usize> = (0..library.reports.len()).collect();
        let mut files = vec![PlannedFile {
            path: "search/index.js".into(),
            reports: all.clone(),
        }];
        files.extend((0..self.token_files).map(|n| PlannedFile {
            path: format!("search/t/{n}.js"),
            reports: all.clone(),
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
                        reports,
                    }
                }),
        );
        files
    }

    /// Makes the index's files, handing each to `emit` (with `wanted`
    /// saying which are needed: all, or after an edit those it touched).
    pub fn write(
        &self,
        library: &Library,
        views: &Views,
        wanted: &(dyn Fn(usize) -> bool + Sync),
        emit: &(dyn Fn(String, Vec<u8>) + Sync),
    ) {
        let per_file: Vec<Vec<Vec<Key>>> = self
            .docs
            .par_chunks(DOCS_PER_FILE)
            .enumerate()
            .map(|(n, docs)| {
                let texts = doc_texts(library, docs);
                let keys = docs
                    .iter()
                    .zip(&texts)
                    .map(|(doc, (progress, plan))| doc_keys(library, *doc, progress, plan))
                    .collect();
                if wanted(1 + self.token_files as usize + n) {
                    emit(
                        format!("search/d/{n}.js"),
                        doc_file(library, views, n, docs, &texts),
                    );
                }
                keys
            })
            .collect();
        let mut postings: HashMap<Key, Vec<u32>> = HashMap::new();
        for (id, keys) in per_file.into_iter().flatten().enumerate() {
            for key in keys {
                postings.entry(key).or_default().push(id as u32);
            }
        }
        let mut by_file: Vec<Vec<(String, Vec<u32>)>> = vec![Vec::new(); self.token_files as usize];
        for (key, docs) in postings {
            let token = key.to_string();
            by_file[shard_of(&token, self.token_files) as usize].push((token, docs));
        }
        by_file
            .into_par_iter()
            .enumerate()
            .filter(|(n, _)| wanted(1 + n))
            .for_each(|(n, mut tokens)| {
                tokens.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                emit(format!("search/t/{n}.js"), token_file(n, &tokens));
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

/// A token, owned: CJK pairs and characters packed in a number (most
/// tokens), words as text.
#[derive(PartialEq, Eq, Hash)]
enum Key {
    Cjk(u64),
    Word(Box<str>),
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Key::Cjk(packed) => {
                let char_at = |shift: u64| char::from_u32(((packed >> shift) & 0x1F_FFFF) as u32);
                if let Some(a) = char_at(21) {
                    write!(f, "{a}")?;
                }
                match char_at(0) {
                    Some(b) if b != '\0' => write!(f, "{b}"),
                    _ => Ok(()),
                }
            }
            Key::Word(word) => f.write_str(word),
        }
    }
}

impl From<Token<'_>> for Key {
    fn from(token: Token) -> Key {
        match token {
            Token::Cjk(a, b) => Key::Cjk((u64::from(a) << 21) | u64::from(b.unwrap_or('\0'))),
            Token::Word(word) => Key::Word(word.into()),
        }
    }
}

/// Filters are tokens too (no text token has a colon): `area:<id>`,
/// `unit:<id>`, `year:<yyyy>`.
fn doc_keys(library: &Library, doc: Doc, progress: &str, plan: &str) -> Vec<Key> {
    let report = &library.reports[doc.report];
    let entry = &report.entries[doc.entry];
    let area = &library.areas[entry.area];
    let unit = &library.units[report.unit];
    let mut keys: Vec<Key> = Vec::new();
    let label = month_label(report.month, library.config.language);
    for text in [
        label.as_str(),
        &area.name,
        &entry.heading,
        &unit.name,
        progress,
        plan,
    ] {
        let normalized = normalize(text);
        each_token(&normalized, |token| keys.push(token.into()));
    }
    keys.push(Key::Word(format!("area:{}", area.id).into()));
    keys.push(Key::Word(format!("unit:{}", unit.id).into()));
    keys.push(Key::Word(format!("year:{}", report.month.year).into()));
    // Postings are made in document order: the order here does not matter.
    let distinct: std::collections::HashSet<Key> = keys.into_iter().collect();
    distinct.into_iter().collect()
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
    let rows: Vec<serde_json::Value> = docs
        .iter()
        .zip(texts)
        .map(|(doc, (progress, plan))| {
            let report = &library.reports[doc.report];
            let entry = &report.entries[doc.entry];
            let area = &library.areas[entry.area];
            let heading = if entry.heading == area.name {
                ""
            } else {
                entry.heading.as_str()
            };
            serde_json::json!([
                month_label(report.month, library.config.language),
                report.unit,
                entry.area,
                format!("{}#{}", views.page_of(doc.report), entry.anchor),
                heading,
                progress,
                plan,
            ])
        })
        .collect();
    let json = serde_json::to_string(&rows).unwrap_or_default();
    format!("reportalSearch(\"d/{n}\",{json});\n").into_bytes()
}

/// Token → documents, each list as gaps from the previous document (the
/// first from -1), a run of `k` consecutive documents written as `-k`.
fn token_file(n: usize, tokens: &[(String, Vec<u32>)]) -> Vec<u8> {
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
