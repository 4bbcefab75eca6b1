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

/// The candidate `name` most likely meant, if one is close: for "did you
/// mean" suggestions (front matter and site.yaml keys, work areas,
/// metrics). The first of the nearest, in the candidates' order.
pub fn closest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted: Vec<char> = normalize(name).chars().collect();
    candidates
        .into_iter()
        .filter_map(|candidate| {
            let chars: Vec<char> = normalize(candidate).chars().collect();
            near(&wanted, &chars).map(|distance| (distance, candidate))
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The edit distance of two names, if they are close: a typo or two in a
/// long name (one edit per three characters, at least one), or one name
/// that holds the other whole and is at most twice as long
/// (`团的制度建设` and `制度建设`). A Chinese character carries a word's
/// meaning, so sharing two of four (`志愿工作`, `宣传工作`) is not close.
fn near(a: &[char], b: &[char]) -> Option<usize> {
    let distance = strsim::generic_damerau_levenshtein(a, b);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let holds = short.len() >= 2
        && short.len() * 2 >= long.len()
        && long.windows(short.len()).any(|w| w == short);
    (distance <= (long.len() / 3).max(1) || holds).then_some(distance)
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
    let id = if words.is_empty() {
        // A name with neither letters nor Chinese: fall back to its code points.
        name.chars()
            .filter(|c| !is_space(*c))
            .map(|c| format!("{:x}", c as u32))
            .collect::<Vec<_>>()
            .join("-")
    } else {
        words.join("-")
    };
    fit_id(id, name)
}

/// The longest id `slug` makes, in bytes. An id names a folder (and, with
/// `.md` or `-2` after it, a file): 255 bytes is the most a file name may
/// have, and Windows wants the whole path within 260, so ids stay far
/// below. A 60-character Chinese heading's pinyin is about 300 bytes.
pub const MAX_ID_BYTES: usize = 96;

/// `id` if it fits; else its start, cut after a whole word, and a hash of
/// the whole `name`, so that two long names that start alike still get
/// two ids, and the same name the same id in every build and on every
/// platform. Ids that fit are left as they were: links people saved keep
/// working.
fn fit_id(id: String, name: &str) -> String {
    if id.len() <= MAX_ID_BYTES {
        return id;
    }
    let hash = format!("{:016x}", fnv1a64(name.as_bytes()));
    // Slugs are ASCII, so any byte index is a char boundary.
    let room = MAX_ID_BYTES - hash.len() - 1;
    let cut = id[..=room].rfind('-').unwrap_or(room);
    format!("{}-{hash}", &id[..cut])
}

/// 64-bit FNV-1a: fixed constants, unlike std's randomly seeded hasher, so
/// an id never changes between builds, versions or machines.
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Ids handed out so far, to make each new one unique: `id`, else `id-2`,
/// `id-3`… In constant time per id, however many share a start (a list
/// searched for each new id cost ids²; a count tried from 2 each time,
/// ids³ for headings that differ only in punctuation).
#[derive(Default)]
pub struct UniqueIds {
    taken: std::collections::HashSet<String>,
    /// Per id asked for, the suffix number to try next: the smallest free
    /// one never goes down, as ids are only ever added.
    next: std::collections::HashMap<String, usize>,
}

impl UniqueIds {
    /// Marks `id` as taken as it is (a configured id).
    pub fn reserve(&mut self, id: &str) {
        self.taken.insert(id.to_string());
    }

    /// `id`, or the first of `id-2`, `id-3`… not yet taken; now taken.
    pub fn claim(&mut self, id: String) -> String {
        if self.taken.insert(id.clone()) {
            return id;
        }
        let n = self.next.entry(id.clone()).or_insert(2);
        loop {
            let candidate = format!("{id}-{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
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
    fn long_names_get_short_stable_ids() {
        let name = "深入学习贯彻党的二十届四中全会精神".repeat(4);
        let id = slug(&name);
        assert!(id.len() <= MAX_ID_BYTES, "{id}");
        assert!(id.starts_with("shen-ru-xue-xi-guan-che-"), "{id}");
        // The same on every run and machine: FNV-1a of the UTF-8 bytes.
        assert_eq!(slug(&name), id);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        // Names that differ only past the cut still differ.
        assert_ne!(slug(&format!("{name}甲")), slug(&format!("{name}乙")));
        let fallback = slug(&"★".repeat(60));
        assert!(fallback.len() <= MAX_ID_BYTES, "{fallback}");
    }

    #[test]
    fn unique_ids_count_up_from_two() {
        let mut ids = UniqueIds::default();
        ids.reserve("a-2");
        let got: Vec<String> = ["a", "a", "a", "b", "a"]
            .iter()
            .map(|id| ids.claim(id.to_string()))
            .collect();
        assert_eq!(got, ["a", "a-3", "a-4", "b", "a-5"]);
    }

    #[test]
    fn suggests_only_what_is_close() {
        let areas = ["制度建设", "制度建设工作", "队伍建设", "宣传工作"];
        assert_eq!(closest("团的制度建设", areas), Some("制度建设"));
        assert_eq!(closest("制度建没", areas), Some("制度建设"));
        assert_eq!(closest("志愿服务重点工作", areas), None);
        assert_eq!(closest("志愿工作", areas), None);
        assert_eq!(closest("基层服务型团组织建设", areas), None);
        assert_eq!(closest("青少年维权工作", areas), None);
        assert_eq!(closest("monht", ["month", "unit"]), Some("month"));
        assert_eq!(closest("Titel", ["month", "title"]), Some("title"));
        assert_eq!(closest("colour", ["month", "unit"]), None);
        assert_eq!(closest("", ["month"]), None);
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
