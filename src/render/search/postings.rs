//! Token → documents, built for a province's archive (72,000 documents,
//! tens of millions of postings) in little memory: tokens packed in
//! numbers rather than strings, document lists as varint gaps, and the
//! token files split in groups that threads fill side by side.

use std::collections::HashMap;

use rayon::prelude::*;

use super::tokens::{Token, each_token, fnv, normalize};

/// Groups of token files, each filled by one thread: file `n` is in
/// group `n % GROUPS`.
const GROUPS: usize = 16;

/// A document's text to index, and its filter tokens.
pub struct DocText {
    pub texts: String,
    pub filters: Vec<String>,
}

/// A document's distinct tokens: packed ones sorted by group (`starts`
/// says where each group's begin), and the rest as text.
pub struct DocTokens {
    packed: Vec<u64>,
    starts: [u32; GROUPS + 1],
    other: Vec<Box<str>>,
}

/// Document ids, ascending, as varint gaps.
#[derive(Default)]
struct List {
    /// The last id plus one (0: none yet).
    next: u32,
    bytes: Vec<u8>,
}

impl List {
    fn push(&mut self, id: u32) {
        let mut gap = id + 1 - self.next;
        self.next = id + 1;
        while gap >= 0x80 {
            self.bytes.push((gap as u8) | 0x80);
            gap >>= 7;
        }
        self.bytes.push(gap as u8);
    }

    fn ids(&self) -> Vec<u32> {
        let mut ids = Vec::new();
        let (mut next, mut gap, mut shift) = (0u32, 0u32, 0);
        for &byte in &self.bytes {
            gap |= u32::from(byte & 0x7F) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                next += gap;
                ids.push(next - 1);
                (gap, shift) = (0, 0);
            }
        }
        ids
    }
}

/// A token and the documents that have it.
pub type Posting = (String, Vec<u32>);

pub struct Index {
    files: u32,
    groups: Vec<HashMap<u64, List>>,
    other: HashMap<Box<str>, List>,
}

impl Index {
    pub fn new(files: u32) -> Index {
        Index {
            files,
            groups: (0..GROUPS).map(|_| HashMap::new()).collect(),
            other: HashMap::new(),
        }
    }

    /// A document's tokens (in parallel: takes `&self`).
    pub fn read(&self, doc: &DocText) -> DocTokens {
        let normalized = normalize(&doc.texts);
        let mut packed: Vec<u64> = Vec::with_capacity(normalized.len() / 2);
        let mut other: Vec<Box<str>> = doc.filters.iter().map(|f| f.as_str().into()).collect();
        each_token(&normalized, |token| match pack(&token) {
            Some(key) => packed.push(key),
            None => other.push(token.to_string().into()),
        });
        packed.sort_unstable();
        packed.dedup();
        other.sort_unstable();
        other.dedup();
        // Grouped once per distinct token: hashing is the costly part.
        let mut grouped: Vec<(u32, u64)> = packed
            .into_iter()
            .map(|key| (self.group_of(key), key))
            .collect();
        grouped.sort_unstable();
        let mut starts = [0u32; GROUPS + 1];
        for (g, start) in starts.iter_mut().enumerate() {
            *start = grouped.partition_point(|(group, _)| (*group as usize) < g) as u32;
        }
        DocTokens {
            packed: grouped.into_iter().map(|(_, key)| key).collect(),
            starts,
            other,
        }
    }

    fn group_of(&self, key: u64) -> u32 {
        (shard_of_key(key, self.files) as usize % GROUPS) as u32
    }

    /// Adds documents `first..` (ids ascending across calls).
    pub fn add(&mut self, first: u32, docs: Vec<DocTokens>) {
        self.groups
            .par_iter_mut()
            .enumerate()
            .for_each(|(g, lists)| {
                for (i, doc) in docs.iter().enumerate() {
                    let range = doc.starts[g] as usize..doc.starts[g + 1] as usize;
                    for &key in &doc.packed[range] {
                        lists.entry(key).or_default().push(first + i as u32);
                    }
                }
            });
        for (i, doc) in docs.into_iter().enumerate() {
            for token in doc.other {
                self.other.entry(token).or_default().push(first + i as u32);
            }
        }
    }

    /// Hands each token file's tokens and their documents, sorted by
    /// token, to `write`, for the files `wanted` picks.
    pub fn files(
        &self,
        wanted: &(dyn Fn(u32) -> bool + Sync),
        write: &(dyn Fn(u32, &[Posting]) + Sync),
    ) {
        let mut other: Vec<Vec<(&str, &List)>> = vec![Vec::new(); self.files as usize];
        for (token, list) in &self.other {
            other[super::shard_of(token, self.files) as usize].push((token, list));
        }
        self.groups.par_iter().enumerate().for_each(|(g, lists)| {
            let mut by_file: HashMap<u32, Vec<Posting>> = HashMap::new();
            for (&key, list) in lists {
                by_file
                    .entry(shard_of_key(key, self.files))
                    .or_default()
                    .push((unpack(key), list.ids()));
            }
            for n in (g as u32..self.files).step_by(GROUPS) {
                if !wanted(n) {
                    continue;
                }
                let mut tokens = by_file.remove(&n).unwrap_or_default();
                tokens.extend(
                    other[n as usize]
                        .iter()
                        .map(|(token, list)| (token.to_string(), list.ids())),
                );
                tokens.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                write(n, &tokens);
            }
        });
    }
}

/// Bit 63 marks a packed word.
const WORD: u64 = 1 << 63;

/// A CJK pair or character as its code points (42 bits), or a word of
/// up to eight ASCII characters, 7 bits each, marked; longer words: none.
fn pack(token: &Token) -> Option<u64> {
    match token {
        Token::Cjk(a, b) => Some((u64::from(*a) << 21) | u64::from(b.unwrap_or('\0'))),
        Token::Word(word) if word.len() <= 8 => Some(
            word.bytes()
                .fold(0, |key, byte| (key << 7) | u64::from(byte & 0x7F))
                | WORD,
        ),
        Token::Word(_) => None,
    }
}

fn unpack(key: u64) -> String {
    if key & WORD != 0 {
        let mut bytes = Vec::with_capacity(8);
        let mut rest = key & !WORD;
        while rest != 0 {
            bytes.push((rest & 0x7F) as u8);
            rest >>= 7;
        }
        bytes.reverse();
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    [(key >> 21) & 0x1F_FFFF, key & 0x1F_FFFF]
        .iter()
        .filter(|&&c| c != 0)
        .filter_map(|&c| char::from_u32(c as u32))
        .collect()
}

fn shard_of_key(key: u64, files: u32) -> u32 {
    let mut buffer = [0u8; 8];
    let mut length = 0;
    if key & WORD != 0 {
        let mut rest = key & !WORD;
        while rest != 0 {
            buffer[length] = (rest & 0x7F) as u8;
            rest >>= 7;
            length += 1;
        }
        buffer[..length].reverse();
    } else {
        for c in [(key >> 21) & 0x1F_FFFF, key & 0x1F_FFFF] {
            if let Some(c) = char::from_u32(c as u32).filter(|&c| c != '\0') {
                length += c.encode_utf8(&mut buffer[length..]).len();
            }
        }
    }
    fnv(&buffer[..length]) & (files - 1)
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn packed_tokens_unpack_and_shard_as_text() {
        for token in [
            Token::Cjk('志', Some('愿')),
            Token::Cjk('年', None),
            Token::Cjk('𠀀', Some('〇')),
            Token::Word("12355"),
            Token::Word("abcdefgh"),
            Token::Word("0"),
        ] {
            let key = pack(&token).expect("packs");
            assert_eq!(unpack(key), token.to_string());
            assert_eq!(
                shard_of_key(key, 1024),
                super::super::shard_of(&token.to_string(), 1024)
            );
        }
        assert_eq!(pack(&Token::Word("abcdefghi")), None);
    }

    #[test]
    fn lists_keep_ids_in_varint_gaps() {
        let mut list = List::default();
        for id in [0, 1, 2, 200, 70_000, 70_001] {
            list.push(id);
        }
        assert_eq!(list.ids(), [0, 1, 2, 200, 70_000, 70_001]);
    }
}
