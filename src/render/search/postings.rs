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

/// A batch being read, a document at a time. Each distinct token gets a
/// slot; a document's first use of a token is noted as (slot, document).
/// The documents come in order, so sorting the notes by slot (a counting
/// sort) gives each token's documents in order: no list per token while
/// reading, which, with millions of tokens, was most of the batch's time.
pub struct BatchReader {
    /// The next document's number.
    next: u32,
    // Keys are our own tokens, not an attacker's: a fast hash will do.
    packed: FxHashMap<u64, u32>,
    text: FxHashMap<Box<str>, u32>,
    slots: Slots,
}

/// Per slot: its token, and the last document (+1) that used it; and the
/// notes.
#[derive(Default)]
struct Slots {
    tokens: Vec<Slot>,
    last: Vec<u32>,
    notes: Vec<(u32, u32)>,
}

enum Slot {
    Packed(u64),
    Text(Box<str>),
}

impl Slots {
    fn add(&mut self, token: Slot) -> u32 {
        self.tokens.push(token);
        self.last.push(0);
        (self.tokens.len() - 1) as u32
    }

    fn note(&mut self, slot: u32, id: u32) {
        let seen = &mut self.last[slot as usize];
        if *seen != id + 1 {
            *seen = id + 1;
            self.notes.push((slot, id));
        }
    }

    fn text(&mut self, text: &mut FxHashMap<Box<str>, u32>, word: &str, id: u32) {
        let slot = match text.get(word) {
            Some(&slot) => slot,
            None => {
                let slot = self.add(Slot::Text(word.into()));
                text.insert(word.into(), slot);
                slot
            }
        };
        self.note(slot, id);
    }
}

impl BatchReader {
    /// A batch of documents `first..`.
    pub fn new(first: u32) -> BatchReader {
        BatchReader {
            next: first,
            packed: FxHashMap::default(),
            text: FxHashMap::default(),
            slots: Slots::default(),
        }
    }

    /// Reads the next document: the tokens of its texts, and its filters.
    pub fn read(&mut self, texts: &[&str], filters: &[&str]) {
        let id = self.next;
        self.next += 1;
        let BatchReader {
            packed,
            text,
            slots,
            ..
        } = self;
        for filter in filters {
            slots.text(text, filter, id);
        }
        each_key(texts, |key| match key {
            Key::Packed(key) => {
                let slot = match packed.get(&key) {
                    Some(&slot) => slot,
                    None => {
                        let slot = slots.add(Slot::Packed(key));
                        packed.insert(key, slot);
                        slot
                    }
                };
                slots.note(slot, id);
            }
            Key::Long(word) => slots.text(text, word, id),
        });
    }

    /// The batch's postings, its tokens placed in `files` token files.
    pub fn finish(self, files: u32) -> Batch {
        // Where each slot's documents start among the sorted notes.
        let Slots { tokens, notes, .. } = self.slots;
        let mut starts = vec![0u32; tokens.len() + 1];
        for &(slot, _) in &notes {
            starts[slot as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut ids = vec![0u32; notes.len()];
        let mut at = starts.clone();
        for &(slot, id) in &notes {
            ids[at[slot as usize] as usize] = id;
            at[slot as usize] += 1;
        }
        let mut entries: Vec<Entry> = tokens
            .into_iter()
            .enumerate()
            .map(|(slot, token)| {
                let token: Box<str> = match token {
                    Slot::Packed(key) => unpack(key).into(),
                    Slot::Text(text) => text,
                };
                let ids = &ids[starts[slot] as usize..starts[slot + 1] as usize];
                Entry {
                    file: super::shard_of(&token, files),
                    first: ids[0],
                    last: ids[ids.len() - 1],
                    tail: encode_tail(ids),
                    token,
                }
            })
            .collect();
        entries.sort_unstable_by(|a, b| (a.file, &a.token).cmp(&(b.file, &b.token)));
        Batch { entries }
    }
}

impl Batch {
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
        let batch = |first: u32, docs: &[&[&str]]| {
            let mut reader = BatchReader::new(first);
            for filters in docs {
                reader.read(&[], filters);
            }
            reader.finish(1)
        };
        // Documents 0-3 in one batch, 4-6 in the next.
        let first = batch(0, &[&["x"], &["x"], &["x", "y"], &[]]);
        let second = batch(4, &[&["x"], &["x"], &["y"]]);
        let file = token_file(0, &[Arc::new(first), Arc::new(second)]);
        // x: 0 (gap 1 from -1), then 1,2 (a run of 2); 4 (gap 2), 5 (a
        // run of one is a gap). y: 2 (gap 3), 6 (gap 4).
        assert_eq!(
            String::from_utf8(file).unwrap(),
            "reportalSearch(\"t/0\",{\"x\":[1,-2,2,1],\"y\":[3,4]});\n"
        );
    }
}
