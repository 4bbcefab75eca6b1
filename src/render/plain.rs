//! A report part's HTML as plain text, for the month's CSV and the search
//! index (made once, for both: see `search`): paragraphs and list items
//! on their own lines, ordered items numbered as shown, cells
//! tab-separated, entities decoded (by html-escape).
//!
//! The HTML is reportal's own (pulldown-cmark's output, sanitised by
//! ammonia, which re-serialises it): well-formed tags, quoted attributes,
//! no comments. That is why a tag scanner suffices here; a general HTML
//! parser (lol_html did this before) spent ~0.4 s of a 6,000-report
//! build re-serialising tokens nobody reads.

use crate::model::Entry;

/// Each entry's progress and plan as plain text.
pub fn entry_texts<'a>(entries: impl IntoIterator<Item = &'a Entry>) -> Vec<(String, String)> {
    entries
        .into_iter()
        .map(|entry| (text_of(&entry.progress_html), text_of(&entry.plan_html)))
        .collect()
}

/// The plain text of one fragment: blank lines dropped, line ends trimmed.
pub fn text_of(html: &str) -> String {
    let mut raw = String::with_capacity(html.len());
    // Per open list: the next item's number (none: a bulleted list).
    let mut lists: Vec<Option<u32>> = Vec::new();
    scan(html, |piece| {
        let tag = match piece {
            Piece::Text(text) => return raw.push_str(text),
            Piece::Tag(tag) => tag,
        };
        match (&*tag.name, tag.closing) {
            ("ol", false) => lists.push(Some(tag.start.unwrap_or(1))),
            ("ul", false) => lists.push(None),
            ("ol" | "ul", true) => {
                lists.pop();
            }
            ("li", false) => {
                new_line(&mut raw);
                match lists.last_mut() {
                    Some(Some(n)) => {
                        raw.push_str(&n.to_string());
                        raw.push_str(". ");
                        *n += 1;
                    }
                    _ => raw.push_str("- "),
                }
            }
            ("p" | "br" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote", false) => {
                new_line(&mut raw)
            }
            ("td" | "th", false) if !raw.is_empty() && !raw.ends_with('\n') => raw.push('\t'),
            _ => {}
        }
    });
    let decoded = html_escape::decode_html_entities(&raw);
    let mut text = String::with_capacity(decoded.len());
    for line in decoded.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(line);
    }
    text
}

/// A piece of a fragment of reportal's HTML: text (entities as written)
/// or a tag.
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Tag(Tag<'a>),
}

/// Hands `each` the fragment's pieces in order.
pub(crate) fn scan<'a>(html: &'a str, mut each: impl FnMut(Piece<'a>)) {
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        if open > 0 {
            each(Piece::Text(&rest[..open]));
        }
        match Tag::read(&rest[open..]) {
            Some(tag) => {
                rest = &rest[open + tag.len..];
                each(Piece::Tag(tag));
            }
            None => {
                // A lone `<` is text (ammonia escapes it, but be safe).
                each(Piece::Text("<"));
                rest = &rest[open + 1..];
            }
        }
    }
    if !rest.is_empty() {
        each(Piece::Text(rest));
    }
}

fn new_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// A tag at the start of a string: `<name attrs>` or `</name>`. The Word
/// writer (`render::word::runs`) reads the same HTML with it.
pub(crate) struct Tag<'a> {
    /// Lowercased (a copy only when it was not: reportal's HTML is).
    pub name: std::borrow::Cow<'a, str>,
    pub closing: bool,
    /// An `<ol start="N">`'s N.
    pub start: Option<u32>,
    /// What stands between the name and the closing `>`, as written.
    pub attributes: &'a str,
    /// Bytes up to and including the closing `>`.
    pub len: usize,
}

impl Tag<'_> {
    pub(crate) fn read(s: &str) -> Option<Tag<'_>> {
        let bytes = s.as_bytes();
        let closing = bytes.get(1) == Some(&b'/');
        let name_start = if closing { 2 } else { 1 };
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name = &s[name_start..name_start + name_len];
        let name = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(name.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(name)
        };
        // Find the `>` that ends the tag, stepping over quoted values.
        let mut quote = None;
        let mut end = None;
        for (i, &b) in bytes.iter().enumerate().skip(name_start + name_len) {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end?;
        let attributes = &s[name_start + name_len..end];
        let start = (name == "ol")
            .then(|| attribute(attributes, "start"))
            .flatten()
            .and_then(|v| v.trim().parse().ok());
        Some(Tag {
            name,
            closing,
            start,
            attributes,
            len: end + 1,
        })
    }
}

/// The value of a quoted attribute `name="value"` in a tag's attributes.
pub(crate) fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attributes;
    while let Some(at) = rest.find(name) {
        let before_ok = at == 0 || rest.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &rest[at + name.len()..];
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let quote = value.chars().next()?;
            if quote == '"' || quote == '\'' {
                let value = &value[1..];
                return value.find(quote).map(|end| &value[..end]);
            }
            return value.split_whitespace().next();
        }
        rest = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_paragraphs_and_entities_part_by_part() {
        let texts: Vec<String> = [
            "<ol>\n<li>一&amp;二</li>\n<li><strong>三</strong>&lt;四&gt;</li>\n</ol>\n<p>说明</p>",
            "",
            "<ul><li>甲</li><li>乙</li></ul>",
            "<ol start=\"3\"><li>丙</li></ol>",
        ]
        .iter()
        .map(|html| text_of(html))
        .collect();
        assert_eq!(
            texts,
            ["1. 一&二\n2. 三<四>\n说明", "", "- 甲\n- 乙", "3. 丙"]
        );
    }

    #[test]
    fn nested_lists_tables_and_odd_tags() {
        assert_eq!(
            text_of(
                "<ol start=\"2\"><li>甲<ul><li>子</li></ul></li><li>乙</li></ol>\
                 <table><tr><th>名</th><th>数</th></tr><tr><td>甲</td><td>1</td></tr></table>\
                 <p><a href=\"x?a=1&amp;b=>\" title='a > b'>链接</a> 1 &lt; 2 <3</p>"
            ),
            "2. 甲\n- 子\n3. 乙\n名\t数\n甲\t1\n链接 1 < 2 <3"
        );
    }
}
