//! Names as writers type them, made comparable, and ids made from them.

/// Strips the numbering writers put before a heading: `1. `, `1、`, `一、`,
/// `（三）`, `(3)`, `第三项`-free forms like `3．` and `Ⅲ、`.
pub fn strip_numbering(heading: &str) -> &str {
    let text = heading.trim_start_matches(is_space);
    let rest = strip_bracketed_number(text).or_else(|| strip_number_with_separator(text));
    // Numbering and nothing else (`## 1.`) leaves an empty name, which the
    // model reports.
    rest.unwrap_or(text).trim_matches(is_space)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "一二三四五六七八九十百零〇".contains(c)
        || ('Ⅰ'..='Ⅻ').contains(&c)
        || ('①'..='⑳').contains(&c)
}

/// `（三）`, `(3)`, `【3】` and the like.
fn strip_bracketed_number(text: &str) -> Option<&str> {
    let open = text.chars().next()?;
    let close = match open {
        '(' => ')',
        '（' => '）',
        '【' => '】',
        '[' => ']',
        _ => return None,
    };
    let inner = &text[open.len_utf8()..];
    let end = inner.find(close)?;
    let number = &inner[..end];
    if number.is_empty() || !number.chars().all(is_numeral) {
        return None;
    }
    let rest = &inner[end + close.len_utf8()..];
    Some(rest.trim_start_matches(['、', '.', '．']))
}

/// `1. `, `1、`, `一、`, `3．`, `①`, `12 `.
fn strip_number_with_separator(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !is_numeral(c)).unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    let rest = &text[end..];
    let circled = text[..end].chars().all(|c| ('①'..='⑳').contains(&c));
    if let Some(after) = rest.strip_prefix(['.', '、', '．', ')', '）', ':', '：']) {
        Some(after)
    } else if circled || rest.starts_with(is_space) {
        Some(rest)
    } else {
        None
    }
}

/// A name reduced to what matters for matching: no spaces, one kind of
/// bracket and quote, ASCII letters lowercased.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !is_space(*c))
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '"' | '“' | '”' => '"',
            c if ('Ａ'..='Ｚ').contains(&c)
                || ('ａ'..='ｚ').contains(&c)
                || ('０'..='９').contains(&c) =>
            {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A readable, stable id for a name: pinyin for Chinese, lowercase ASCII
/// words otherwise, joined by `-` (`团干部队伍建设` → `tuan-gan-bu-dui-wu-jian-she`).
pub fn slug(name: &str) -> String {
    use pinyin::ToPinyin;
    let mut words: Vec<String> = Vec::new();
    let mut ascii = String::new();
    let flush = |ascii: &mut String, words: &mut Vec<String>| {
        if !ascii.is_empty() {
            words.push(std::mem::take(ascii));
        }
    };
    for c in name.chars() {
        let c = normalize(&c.to_string()).chars().next().unwrap_or(c);
        if c.is_ascii_alphanumeric() {
            ascii.push(c.to_ascii_lowercase());
        } else if let Some(py) = c.to_pinyin() {
            flush(&mut ascii, &mut words);
            words.push(py.plain().to_string());
        } else {
            flush(&mut ascii, &mut words);
        }
    }
    flush(&mut ascii, &mut words);
    if words.is_empty() {
        // A name with neither letters nor Chinese: fall back to its code points.
        return name
            .chars()
            .filter(|c| !is_space(*c))
            .map(|c| format!("{:x}", c as u32))
            .collect::<Vec<_>>()
            .join("-");
    }
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_common_numbering() {
        for heading in [
            "1. 团的制度建设",
            "1、团的制度建设",
            "一、团的制度建设",
            "（三）团的制度建设",
            "(3) 团的制度建设",
            "12 团的制度建设",
            "３．团的制度建设",
            "①团的制度建设",
            "团的制度建设",
            "　团的制度建设　",
        ] {
            assert_eq!(strip_numbering(heading), "团的制度建设", "{heading}");
        }
    }

    #[test]
    fn numbering_alone_is_no_name() {
        assert_eq!(strip_numbering("1."), "");
        assert_eq!(strip_numbering("（三）"), "");
    }

    #[test]
    fn keeps_names_that_start_with_numbers() {
        assert_eq!(strip_numbering("2016年工作要点"), "2016年工作要点");
        assert_eq!(strip_numbering("十佳百优评选"), "十佳百优评选");
    }

    #[test]
    fn normalizes_brackets_and_spaces() {
        assert_eq!(
            normalize("中学(中职) 共青团工作"),
            normalize("中学（中职）共青团工作")
        );
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("团干部队伍建设"), "tuan-gan-bu-dui-wu-jian-she");
        assert_eq!(slug("Youth Work 2"), "youth-work-2");
        assert_eq!(
            slug("中学（中职）共青团工作"),
            "zhong-xue-zhong-zhi-gong-qing-tuan-gong-zuo"
        );
    }
}
