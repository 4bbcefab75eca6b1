//! Token → documents, made a batch of documents at a time: each batch's
//! postings are kept as finished JSON fragments, so the token files are
//! joined from the batches, and `serve`, after an edit, redoes only the
//! batch that holds the edited report (see `Cache`). Tokens are packed in
//! numbers while a batch is read, so reading stays lean.

use rustc_hash::FxHashMap;
use std::sync::Arc;

use super::tokens::{Key, each_key, unpack};

/// One token's documents within a batch, as JSON: the first as a gap
/// from the last document of the batch before (written when joining), the
/// rest in `tail` (see `encode_tail`).
#[derive(PartialEq)]
pub struct Entry {
    file: u32,
    token: Box<str>,
    first: u32,
    last: u32,
    tail: String,
}

/// A batch's postings, sorted by token file, then token.
pub struct Batch {
    entries: Vec<Entry>,
}

/// A document's tokens: packed (CJK pairs and characters, short words)
/// and the rest as text.
pub struct DocTokens {
    packed: Vec<u64>,
    other: Vec<Box<str>>,
}

/// A document's tokens: those of its texts, and its filters.
pub fn read(texts: &[&str], filters: Vec<Box<str>>) -> DocTokens {
    let mut packed: Vec<u64> = Vec::with_capacity(texts.iter().map(|t| t.len()).sum::<usize>() / 2);
    let mut other = filters;
    each_key(texts, |key| match key {
        Key::Packed(key) => packed.push(key),
        Key::Long(word) => other.push(word.into()),
    });
    // Repeats are dropped when the batch is made (a document's ids come
    // in one run there): sorting each document's tokens cost more.
    DocTokens { packed, other }
}

impl Batch {
    /// The postings of documents `first..` (`docs`, in order).
    pub fn of(first: u32, docs: Vec<DocTokens>, files: u32) -> Batch {
        // Keys are our own tokens, not an attacker's: a fast hash will do.
        let mut packed: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let mut other: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        let add = |ids: &mut Vec<u32>, id: u32| {
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        };
        for (i, doc) in docs.into_iter().enumerate() {
            let id = first + i as u32;
            for key in doc.packed {
                add(packed.entry(key).or_default(), id);
            }
            for token in doc.other {
                add(other.entry(token).or_default(), id);
            }
        }
        let entry = |token: Box<str>, ids: Vec<u32>| Entry {
            file: super::shard_of(&token, files),
            first: ids[0],
            last: ids[ids.len() - 1],
            tail: encode_tail(&ids),
            token,
        };
        let mut entries: Vec<Entry> = packed
            .into_iter()
            .map(|(key, ids)| entry(unpack(key).into(), ids))
            .chain(other.into_iter().map(|(token, ids)| entry(token, ids)))
            .collect();
        entries.sort_unstable_by(|a, b| (a.file, &a.token).cmp(&(b.file, &b.token)));
        Batch { entries }
    }

    /// The token files in which `self` and `other` differ.
    pub fn differences(&self, other: &Batch) -> Vec<u32> {
        let key = |e: &Entry| (e.file, e.token.clone());
        let mut files = Vec::new();
        let (mut a, mut b) = (
            self.entries.iter().peekable(),
            other.entries.iter().peekable(),
        );
        loop {
            match (a.peek(), b.peek()) {
                (None, None) => break,
                (Some(x), Some(y)) if x == y => {
                    a.next();
                    b.next();
                }
                (Some(x), Some(y)) => {
                    // The one that sorts first is missing from the other
                    // (or both hold the token, differently).
                    match key(x).cmp(&key(y)) {
                        std::cmp::Ordering::Less => files.push(a.next().map_or(0, |e| e.file)),
                        std::cmp::Ordering::Greater => files.push(b.next().map_or(0, |e| e.file)),
                        std::cmp::Ordering::Equal => {
                            files.push(x.file);
                            a.next();
                            b.next();
                        }
                    }
                }
                (Some(x), None) => {
                    files.push(x.file);
                    a.next();
                }
                (None, Some(y)) => {
                    files.push(y.file);
                    b.next();
                }
            }
        }
        files
    }

    fn in_file(&self, file: u32) -> &[Entry] {
        let start = self.entries.partition_point(|e| e.file < file);
        let end = self.entries.partition_point(|e| e.file <= file);
        &self.entries[start..end]
    }
}

/// Token file `n` from every batch, in order: `"token":[gaps…]` for each
/// token, sorted. A gap counts from the previous document (the first from
/// -1); `-k` stands for `k` documents in a row (never a batch's first).
pub fn token_file(n: u32, batches: &[Arc<Batch>]) -> Vec<u8> {
    let mut entries: Vec<(&str, usize, &Entry)> = batches
        .iter()
        .enumerate()
        .flat_map(|(b, batch)| batch.in_file(n).iter().map(move |e| (&*e.token, b, e)))
        .collect();
    entries.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let mut out = format!("reportalSearch(\"t/{n}\",{{");
    let mut number = itoa::Buffer::new();
    for (i, same) in entries.chunk_by(|a, b| a.0 == b.0).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(same[0].0).unwrap_or_default());
        out.push_str(":[");
        let mut last: i64 = -1;
        for (j, (_, _, entry)) in same.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(number.format(i64::from(entry.first) - last));
            out.push_str(&entry.tail);
            last = i64::from(entry.last);
        }
        out.push(']');
    }
    out.push_str("});\n");
    out.into_bytes()
}

/// `ids` after the first, each with a leading comma: the gap from the one
/// before, or `-k` for a run of `k` following on one by one.
fn encode_tail(ids: &[u32]) -> String {
    let mut out = String::new();
    let mut number = itoa::Buffer::new();
    let mut k = 1;
    while k < ids.len() {
        let mut run = 1;
        while k + run < ids.len() && ids[k + run] == ids[k + run - 1] + 1 {
            run += 1;
        }
        let gap = ids[k] - ids[k - 1];
        if gap == 1 && run > 1 {
            out.push_str(",-");
            out.push_str(number.format(run));
            k += run;
        } else {
            out.push(',');
            out.push_str(number.format(gap));
            k += 1;
        }
    }
    out
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn token_files_join_batches_as_gaps_and_runs() {
        let doc = |tokens: &[&str]| DocTokens {
            packed: Vec::new(),
            other: tokens.iter().map(|t| (*t).into()).collect(),
        };
        // Documents 0-3 in one batch, 4-6 in the next.
        let first = Batch::of(
            0,
            vec![doc(&["x"]), doc(&["x"]), doc(&["x", "y"]), doc(&[])],
            1,
        );
        let second = Batch::of(4, vec![doc(&["x"]), doc(&["x"]), doc(&["y"])], 1);
        let file = token_file(0, &[Arc::new(first), Arc::new(second)]);
        // x: 0 (gap 1 from -1), then 1,2 (a run of 2); 4 (gap 2), 5 (a
        // run of one is a gap). y: 2 (gap 3), 6 (gap 4).
        assert_eq!(
            String::from_utf8(file).unwrap(),
            "reportalSearch(\"t/0\",{\"x\":[1,-2,2,1],\"y\":[3,4]});\n"
        );
    }
}
