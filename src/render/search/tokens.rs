//! How search cuts text into tokens. Chinese has no spaces between words,
//! so a run of CJK characters gives its overlapping pairs (`志愿者` →
//! `志愿`, `愿者`): any word of two or more characters inside a sentence
//! is then found by the pairs it is made of. A run of one character is
//! that character. Latin letters and digits give lowercased words.
//!
//! `themes/default/static/search.js` does exactly the same in the browser
//! (tests/suite/search.rs checks that both agree): the index is only as good as
//! the query side's agreement with it.

/// Folds what readers type in several ways to one form: full-width Latin
/// letters and digits to ASCII, ASCII to lower case.
pub fn normalize(text: &str) -> String {
    // Most characters stay as they are: copy them a run at a time (pushing
    // every character of a large site one by one was a tenth of a build).
    // Only three kinds of bytes can start a character that folds: an ASCII
    // capital, and the lead bytes of U+FF01..U+FF5E (EF) and U+3000 (E3).
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        if !(byte.is_ascii_uppercase() || byte == 0xEF || byte == 0xE3) {
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            continue;
        };
        let folded = fold(c);
        if folded != c {
            out.push_str(&text[start..i]);
            out.push(folded);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&text[start..]);
    out
}

fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Ideographs (with the extensions and compatibility forms), kana and
/// Hangul syllables: scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// A token as the index keeps it: packed into a number when it fits (a
/// CJK pair or character, a word of up to eight characters), else the
/// word itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key<'a> {
    Packed(u64),
    Long(&'a str),
}

/// Bit 63 marks a packed word.
const WORD: u64 = 1 << 63;

/// A CJK pair's or character's key: its code points, 21 bits each.
fn cjk_key(first: char, second: Option<char>) -> u64 {
    (u64::from(first) << 21) | u64::from(second.unwrap_or('\0'))
}

/// A packed key as text.
pub fn unpack(key: u64) -> String {
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

/// Calls `each` with the key of every token of `parts`, folded as by
/// `normalize`, in order, repeats included; no token spans two parts.
/// One pass, folding and packing as it goes: the index reads every
/// character of the site, and separate passes to fold, cut and pack
/// were a fifth of a build.
pub fn each_key(parts: &[&str], mut each: impl FnMut(Key<'_>)) {
    let mut scan = Scan::default();
    for part in parts {
        let bytes = part.as_bytes();
        let mut i = 0;
        while let Some(&byte) = bytes.get(i) {
            // ASCII, most of a report's bytes after CJK, without decoding.
            if byte.is_ascii() {
                scan.ascii(byte.to_ascii_lowercase(), &mut each);
                i += 1;
                continue;
            }
            // Valid UTF-8 (a &str): a three-byte character, most of
            // Chinese, is put together here; others by the library.
            let (c, width) = match (byte, bytes.get(i + 1..i + 3)) {
                (0xE0..=0xEF, Some(&[b1, b2])) => (
                    char::from_u32(
                        (u32::from(byte & 0x0F) << 12)
                            | (u32::from(b1 & 0x3F) << 6)
                            | u32::from(b2 & 0x3F),
                    ),
                    3,
                ),
                _ => {
                    let c = part.get(i..).and_then(|rest| rest.chars().next());
                    (c, c.map_or(1, char::len_utf8))
                }
            };
            i += width;
            let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
            match fold(c) {
                folded if folded.is_ascii() => scan.ascii(folded as u8, &mut each),
                folded => scan.other(folded, &mut each),
            }
        }
        scan.end(&mut each);
    }
}

/// Where the scan is: the CJK run and the word it is in.
#[derive(Default)]
struct Scan {
    /// The last CJK character of the run, and the run's length.
    run: Option<char>,
    run_len: usize,
    /// The word so far: packed while it fits, and as text.
    word: String,
    word_key: u64,
}

impl Scan {
    /// An ASCII character, folded: a word's, or a break.
    fn ascii(&mut self, byte: u8, each: &mut impl FnMut(Key<'_>)) {
        if byte.is_ascii_alphanumeric() {
            if self.word.len() < 8 {
                self.word_key = (self.word_key << 7) | u64::from(byte);
            }
            self.word.push(char::from(byte));
        } else {
            self.end_word(each);
        }
        self.end_run(each);
    }

    /// Any other character: CJK, or a break.
    fn other(&mut self, c: char, each: &mut impl FnMut(Key<'_>)) {
        self.end_word(each);
        if is_cjk(c) {
            if let Some(previous) = self.run {
                each(Key::Packed(cjk_key(previous, Some(c))));
            }
            self.run = Some(c);
            self.run_len += 1;
        } else {
            self.end_run(each);
        }
    }

    fn end_word(&mut self, each: &mut impl FnMut(Key<'_>)) {
        if self.word.is_empty() {
            return;
        }
        if self.word.len() <= 8 {
            each(Key::Packed(self.word_key | WORD));
        } else {
            each(Key::Long(&self.word));
        }
        self.word.clear();
        self.word_key = 0;
    }

    fn end_run(&mut self, each: &mut impl FnMut(Key<'_>)) {
        if let (Some(only), 1) = (self.run, self.run_len) {
            each(Key::Packed(cjk_key(only, None)));
        }
        self.run = None;
        self.run_len = 0;
    }

    fn end(&mut self, each: &mut impl FnMut(Key<'_>)) {
        self.end_word(each);
        self.end_run(each);
    }
}

/// The tokens of `text`, in order, as strings (for tests and the query
/// side's twin).
pub fn tokens(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    each_key(&[text], |key| {
        found.push(match key {
            Key::Packed(key) => unpack(key),
            Key::Long(word) => word.to_string(),
        })
    });
    found
}

/// Which token file holds a token: FNV-1a of its UTF-8 bytes, modulo the
/// number of files (a power of two). The browser computes the same.
pub fn shard_of(token: &str, shards: u32) -> u32 {
    fnv(token.as_bytes()) & (shards - 1)
}

/// FNV-1a, 32 bits.
pub fn fnv(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in bytes {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

#[cfg(test)]
mod test {
    use super::*;

    #[test]
    fn chinese_runs_give_pairs_and_words_stay_whole() {
        assert_eq!(
            tokens("累计有1241778名团员注册成为志愿者"),
            [
                "累计", "计有", "1241778", "名团", "团员", "员注", "注册", "册成", "成为", "为志",
                "志愿", "愿者"
            ]
        );
        assert_eq!(tokens("青创100 Ａｂc"), ["青创", "100", "abc"]);
        assert_eq!(tokens("2015年12月"), ["2015", "年", "12", "月"]);
        assert_eq!(
            tokens("ABCDEFGH abcdefghi 𠀀〇"),
            ["abcdefgh", "abcdefghi", "𠀀〇"]
        );
    }
}
