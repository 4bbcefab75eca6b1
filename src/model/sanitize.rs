//! Raw HTML in reports is cleaned with ammonia: no scripts, no event
//! handlers, no `javascript:` links. What Markdown itself produces (heading
//! ids, task-list checkboxes, footnotes, table alignment) is kept.

use std::sync::LazyLock;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(None)
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .add_tag_attributes("div", ["id"])
        .add_allowed_classes("div", ["footnote-definition"])
        // Numbered items as typed (see `items`).
        .add_allowed_classes("p", ["item", "item-3", "item-4"])
        .add_allowed_classes("span", ["marker"])
        .add_allowed_classes("sup", ["footnote-definition-label", "footnote-reference"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("input", "type") => (value == "checkbox").then_some(value.into()),
            ("th" | "td", "style") => matches!(
                value,
                "text-align: left" | "text-align: center" | "text-align: right"
            )
            .then_some(value.into()),
            _ => Some(value.into()),
        });
    for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(heading, ["id"]);
    }
    builder
});

pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

/// Elements open at once that the sanitiser's HTML parser is given at
/// most. It checks scopes by walking the open elements for each new one,
/// so its time grows with the square of the nesting: 10,000 unclosed
/// `<div>`s took 0.6 s, 50,000 fifteen. No report nests anything near
/// this deep; unclosed tags are the likely cause.
pub const MAX_DEPTH: usize = 256;

/// Whether `html` opens more than `MAX_DEPTH` elements inside each other,
/// counted as the parser counts: `<div/>` opens a div (HTML ignores the
/// slash but on void elements and inside SVG or MathML), an end tag closes
/// the innermost open element of its name and is ignored when none is
/// open, and void elements and those whose end tag may be left out
/// (`<p>`, `<li>`, `<td>` …, closed by the next one) do not add.
pub fn nests_too_deep(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let is_tag = bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic);
        let end = tag_end(bytes, name_start + name_len);
        if is_tag {
            let name = html[name_start..name_start + name_len].to_ascii_lowercase();
            let foreign = open.iter().any(|n| n == "svg" || n == "math");
            let self_closing = foreign && end >= 2 && bytes[end - 2] == b'/';
            if closing {
                if let Some(at) = open.iter().rposition(|n| *n == name) {
                    open.truncate(at);
                }
            } else if !self_closing && !VOID_OR_OPTIONAL.contains(&name.as_str()) {
                open.push(name);
                if open.len() > MAX_DEPTH {
                    return true;
                }
            }
        }
        i = end.max(start);
    }
    false
}

/// Where the tag whose name ends at `from` ends: after its `>`, quoted
/// attribute values skipped.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (k, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return k + 1,
            _ => {}
        }
    }
    bytes.len()
}

const VOID_OR_OPTIONAL: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option",
    "optgroup", "rt", "rp", "colgroup", "caption",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_scripts_handlers_and_javascript_links() {
        let html = clean(
            r#"<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a></p>"#,
        );
        assert!(
            !html.contains("script") && !html.contains("onclick") && !html.contains("javascript"),
            "{html}"
        );
    }

    #[test]
    fn counts_nesting_as_the_parser_would() {
        let deep = |open: &str, n: usize| nests_too_deep(&open.repeat(n));
        assert!(deep("<div>", MAX_DEPTH + 1));
        assert!(!deep("<div>", MAX_DEPTH));
        assert!(!deep("<div></div>", 10_000));
        assert!(!deep("<p>", 10_000), "each <p> closes the one before");
        assert!(!deep("<br>", 10_000));
        assert!(deep("<span/>", MAX_DEPTH + 1), "HTML ignores the slash");
        assert!(
            deep("<div></b>", MAX_DEPTH + 1),
            "an unmatched end tag closes nothing"
        );
        assert!(!deep("<svg><circle/></svg>", 10_000));
        assert!(!deep("<b><i></b>", 10_000), "</b> closes what it holds");
        assert!(!deep(r#"<a title="x>y">z</a>"#, 10_000));
        assert!(deep(r#"<span title='<'>"#, MAX_DEPTH + 1));
        assert!(!deep("<!-- <div> -->", 10_000));
    }

    #[test]
    fn keeps_checkboxes_and_heading_ids() {
        let html = clean(
            r#"<h5 id="x">t</h5><ul><li><input disabled="" type="checkbox" checked="">done</li></ul>"#,
        );
        assert!(
            html.contains(r#"id="x""#) && html.contains(r#"type="checkbox""#),
            "{html}"
        );
    }
}
