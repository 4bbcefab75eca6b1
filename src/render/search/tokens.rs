//! How search cuts text into tokens. Chinese has no spaces between words,
//! so a run of CJK characters gives its overlapping pairs (`志愿者` →
//! `志愿`, `愿者`): any word of two or more characters inside a sentence
//! is then found by the pairs it is made of. A run of one character is
//! that character. Latin letters and digits give lowercased words.
//!
//! `themes/default/static/search.js` does exactly the same in the browser
//! (tests/search.rs checks that both agree): the index is only as good as
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

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// A token, compactly: a CJK pair or single character as its code points,
/// or a Latin word.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Token<'a> {
    Cjk(char, Option<char>),
    Word(&'a str),
}

impl std::fmt::Display for Token<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Token::Cjk(a, Some(b)) => write!(f, "{a}{b}"),
            Token::Cjk(a, None) => write!(f, "{a}"),
            Token::Word(word) => f.write_str(word),
        }
    }
}

/// Calls `each` with every token of `normalized` (see `normalize`), in
/// order, repeats included.
pub fn each_token<'a>(normalized: &'a str, mut each: impl FnMut(Token<'a>)) {
    let mut run: Option<char> = None; // the last CJK character of a run
    let mut run_len = 0usize;
    let mut word_start: Option<usize> = None;
    for (i, c) in normalized.char_indices() {
        if is_word(c) {
            if word_start.is_none() {
                word_start = Some(i);
            }
        } else if let Some(start) = word_start.take() {
            each(Token::Word(&normalized[start..i]));
        }
        if is_cjk(c) {
            if let Some(previous) = run {
                each(Token::Cjk(previous, Some(c)));
            }
            run = Some(c);
            run_len += 1;
        } else {
            if let (Some(only), 1) = (run, run_len) {
                each(Token::Cjk(only, None));
            }
            run = None;
            run_len = 0;
        }
    }
    if let Some(start) = word_start {
        each(Token::Word(&normalized[start..]));
    }
    if let (Some(only), 1) = (run, run_len) {
        each(Token::Cjk(only, None));
    }
}

/// The tokens of `text`, in order, as strings (for tests and the query
/// side's twin).
pub fn tokens(text: &str) -> Vec<String> {
    let normalized = normalize(text);
    let mut found = Vec::new();
    each_token(&normalized, |token| found.push(token.to_string()));
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
    }
}
