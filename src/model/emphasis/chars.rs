//! What the characters next to a delimiter run are, in the terms of the
//! markdown-cjk-friendly specification (tats-u/markdown-cjk-friendly,
//! `specification.md`, section 2.1; ranges from its `ranges.md`).

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// The character (or two-character sequence) before a delimiter run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Before {
    Space,
    /// Punctuation that is not CJK, maybe with a variation selector.
    Punct,
    /// CJK punctuation, maybe with a variation selector, or a quotation
    /// mark made full-width by U+FE01.
    CjkPunct,
    /// Any other CJK character, maybe with a variation selector.
    Cjk,
    /// An ideographic variation selector (the end of `葛󠄀`).
    Ivs,
    Other,
}

/// The character after a delimiter run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    Space,
    Punct,
    CjkPunct,
    Cjk,
    Other,
}

impl Before {
    pub fn of(text: &str) -> Before {
        let mut chars = text.chars().rev();
        let Some(last) = chars.next() else {
            return Before::Space;
        };
        if is_ivs(last) {
            return Before::Ivs;
        }
        if !is_text_selector(last) {
            return Before::of_char(last);
        }
        // A selector only changes how the character before it looks.
        match chars.next() {
            Some(base) if last == '\u{FE01}' && is_ambiguous_quote(base) => Before::CjkPunct,
            Some(base) => match Before::of_char(base) {
                Before::Space => Before::Other,
                kind => kind,
            },
            None => Before::Other,
        }
    }

    fn of_char(c: char) -> Before {
        match After::of(Some(c)) {
            After::Space => Before::Space,
            After::Punct => Before::Punct,
            After::CjkPunct => Before::CjkPunct,
            After::Cjk => Before::Cjk,
            After::Other => Before::Other,
        }
    }

    pub fn is_punct(self) -> bool {
        matches!(self, Before::Punct | Before::CjkPunct)
    }
}

impl After {
    pub fn of(c: Option<char>) -> After {
        let Some(c) = c else {
            return After::Space;
        };
        if c.is_whitespace() {
            // CommonMark's Unicode whitespace is Zs plus tab, LF, FF, CR;
            // `is_whitespace` adds a few controls that never reach here.
            return After::Space;
        }
        match (is_punct(c), is_cjk(c)) {
            (true, true) => After::CjkPunct,
            (true, false) => After::Punct,
            (false, true) => After::Cjk,
            (false, false) => After::Other,
        }
    }

    pub fn is_punct(self) -> bool {
        matches!(self, After::Punct | After::CjkPunct)
    }
}

/// Whether a delimiter run with these neighbours is left-flanking.
pub fn left_flanking(before: Before, after: After) -> bool {
    after != After::Space && (after != After::Punct || before != Before::Other)
}

/// Whether a delimiter run with these neighbours is right-flanking.
pub fn right_flanking(before: Before, after: After) -> bool {
    before != Before::Space && (before != Before::Punct || after != After::Other)
}

/// Whether the rules of the specification could judge a run next to `c`
/// differently from CommonMark's.
pub fn is_cjk_context(c: char) -> bool {
    is_cjk(c) || is_ivs(c) || is_text_selector(c)
}

/// CommonMark's Unicode punctuation: general category P or S.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    matches!(
        c.general_category_group(),
        GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
    )
}

/// U+FE00–U+FE0E: the variation selectors other than the emoji one.
fn is_text_selector(c: char) -> bool {
    ('\u{FE00}'..='\u{FE0E}').contains(&c)
}

fn is_ivs(c: char) -> bool {
    ('\u{E0100}'..='\u{E01EF}').contains(&c)
}

/// Quotation marks of East Asian width A that U+FE01 makes full-width.
fn is_ambiguous_quote(c: char) -> bool {
    matches!(c, '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}')
}

/// CJK characters: East Asian width W, F or H and not emoji by default,
/// or Hangul (Unicode 16, as listed in the specification's `ranges.md`).
pub fn is_cjk(c: char) -> bool {
    let c = c as u32;
    if c < 0x1100 {
        return false;
    }
    CJK.binary_search_by(|&(low, high)| {
        if high < c {
            std::cmp::Ordering::Less
        } else if low > c {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    })
    .is_ok()
}

const CJK: &[(u32, u32)] = &[
    (0x1100, 0x11FF),
    (0x20A9, 0x20A9),
    (0x2329, 0x232A),
    (0x2630, 0x2637),
    (0x268A, 0x268F),
    (0x2E80, 0x2E99),
    (0x2E9B, 0x2EF3),
    (0x2F00, 0x2FD5),
    (0x2FF0, 0x303E),
    (0x3041, 0x3096),
    (0x3099, 0x30FF),
    (0x3105, 0x312F),
    (0x3131, 0x318E),
    (0x3190, 0x31E5),
    (0x31EF, 0x321E),
    (0x3220, 0x3247),
    (0x3250, 0xA48C),
    (0xA490, 0xA4C6),
    (0xA960, 0xA97C),
    (0xAC00, 0xD7A3),
    (0xD7B0, 0xD7C6),
    (0xD7CB, 0xD7FB),
    (0xF900, 0xFAFF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE52),
    (0xFE54, 0xFE66),
    (0xFE68, 0xFE6B),
    (0xFF01, 0xFFBE),
    (0xFFC2, 0xFFC7),
    (0xFFCA, 0xFFCF),
    (0xFFD2, 0xFFD7),
    (0xFFDA, 0xFFDC),
    (0xFFE0, 0xFFE6),
    (0xFFE8, 0xFFEE),
    (0x16FE0, 0x16FE4),
    (0x16FF0, 0x16FF6),
    (0x17000, 0x18CD5),
    (0x18CFF, 0x18D1E),
    (0x18D80, 0x18DF2),
    (0x1AFF0, 0x1AFF3),
    (0x1AFF5, 0x1AFFB),
    (0x1AFFD, 0x1AFFE),
    (0x1B000, 0x1B122),
    (0x1B132, 0x1B132),
    (0x1B150, 0x1B152),
    (0x1B155, 0x1B155),
    (0x1B164, 0x1B167),
    (0x1B170, 0x1B2FB),
    (0x1D300, 0x1D356),
    (0x1D360, 0x1D376),
    (0x1F200, 0x1F200),
    (0x1F202, 0x1F202),
    (0x1F210, 0x1F219),
    (0x1F21B, 0x1F22E),
    (0x1F230, 0x1F231),
    (0x1F237, 0x1F237),
    (0x1F23B, 0x1F23B),
    (0x1F240, 0x1F248),
    (0x1F260, 0x1F265),
    (0x20000, 0x3FFFD),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_chinese_text_and_punctuation() {
        assert_eq!(After::of(Some('完')), After::Cjk);
        assert_eq!(After::of(Some('：')), After::CjkPunct);
        assert_eq!(After::of(Some('“')), After::Punct);
        assert_eq!(After::of(Some('한')), After::Cjk);
        assert_eq!(After::of(Some('a')), After::Other);
        assert_eq!(After::of(Some('∇')), After::Punct);
        assert_eq!(After::of(Some('🈂')), After::CjkPunct);
        assert_eq!(After::of(Some('😀')), After::Punct);
        assert_eq!(After::of(Some('é')), After::Other);
        assert_eq!(After::of(None), After::Space);
    }

    #[test]
    fn reads_variation_sequences_before_a_run() {
        assert_eq!(Before::of("“\u{FE01}"), Before::CjkPunct);
        assert_eq!(Before::of("“\u{FE00}"), Before::Punct);
        assert_eq!(Before::of("塚\u{FE00}"), Before::Cjk);
        assert_eq!(Before::of("葛\u{E0100}"), Before::Ivs);
        assert_eq!(Before::of(" \u{FE00}"), Before::Other);
        assert_eq!(Before::of(""), Before::Space);
    }
}
