//! CommonMark does not bold `**重点：**内容`: a closing `**` after punctuation
//! must be followed by space or punctuation, and Chinese text has neither.
//! Chinese writers write exactly this all the time, so the `**` pairs that
//! CommonMark leaves as literal text are turned into bold here.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

type Spanned<'a> = (Event<'a>, Range<usize>);

/// Rewrites runs of text events that still contain literal `**` pairs.
/// `source` is the text the ranges point into: a `*` only counts when the
/// writer typed it (`\*\*` stays literal).
pub fn bold_literal_pairs<'a>(events: Vec<Spanned<'a>>, source: &str) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut run: Vec<Spanned<'a>> = Vec::new();
    // Code is shown as typed: its `**` are not emphasis.
    let mut in_code = false;
    for event in events {
        match event.0 {
            Event::Text(_) if !in_code => run.push(event),
            _ => {
                match event.0 {
                    Event::Start(Tag::CodeBlock(_)) => in_code = true,
                    Event::End(TagEnd::CodeBlock) => in_code = false,
                    _ => {}
                }
                flush(&mut run, source, &mut out);
                out.push(event);
            }
        }
    }
    flush(&mut run, source, &mut out);
    out
}

/// Whether the text at `start` follows an odd number of backslashes, that
/// is, was escaped (`\\**` is an escaped backslash, then a real `**`).
fn escaped(source: &str, start: usize) -> bool {
    let before = &source.as_bytes()[..start.min(source.len())];
    before.iter().rev().take_while(|b| **b == b'\\').count() % 2 == 1
}

fn flush<'a>(run: &mut Vec<Spanned<'a>>, source: &str, out: &mut Vec<Spanned<'a>>) {
    // Most text has no `*` at all: nothing to pair, nothing to copy.
    let starred = run
        .iter()
        .any(|(event, _)| matches!(event, Event::Text(t) if t.contains('*')));
    if !starred {
        out.append(run);
        return;
    }
    let mut text = String::new();
    // For each byte of `text`: did the writer type it literally?
    let mut literal = Vec::new();
    for (event, range) in run.iter() {
        if let Event::Text(t) = event {
            let typed = !escaped(source, range.start) && source.get(range.clone()) == Some(&**t);
            text.push_str(t);
            literal.extend(std::iter::repeat_n(typed, t.len()));
        }
    }
    let markers = markers(&text, &literal);
    if markers.len() < 2 {
        out.append(run);
        return;
    }
    let span = run[0].1.start..run[run.len() - 1].1.end;
    run.clear();
    let mut pos = 0;
    for pair in markers.chunks_exact(2) {
        let (open, close) = (pair[0], pair[1]);
        if open > pos {
            out.push((
                Event::Text(CowStr::from(text[pos..open].to_string())),
                span.clone(),
            ));
        }
        out.push((Event::Start(Tag::Strong), span.clone()));
        out.push((
            Event::Text(CowStr::from(text[open + 2..close].to_string())),
            span.clone(),
        ));
        out.push((Event::End(TagEnd::Strong), span.clone()));
        pos = close + 2;
    }
    if pos < text.len() {
        out.push((Event::Text(CowStr::from(text[pos..].to_string())), span));
    }
}

/// Byte positions of `**` markers that can pair: typed literally, with
/// something between them that does not start or end with a space.
fn markers(text: &str, literal: &[bool]) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'*' && bytes[i + 1] == b'*' && literal[i] && literal[i + 1] {
            found.push(i);
            i += 2;
        } else {
            i += 1;
        }
    }
    let mut pairs = Vec::new();
    let mut k = 0;
    while k + 1 < found.len() {
        let (open, close) = (found[k], found[k + 1]);
        let inner = &text[open + 2..close];
        if !inner.is_empty()
            && !inner.starts_with(char::is_whitespace)
            && !inner.ends_with(char::is_whitespace)
        {
            pairs.push(open);
            pairs.push(close);
            k += 2;
        } else {
            k += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser, html};

    fn render(source: &str) -> String {
        let events: Vec<_> = Parser::new_ext(source, Options::empty())
            .into_offset_iter()
            .collect();
        let mut out = String::new();
        html::push_html(
            &mut out,
            bold_literal_pairs(events, source)
                .into_iter()
                .map(|(e, _)| e),
        );
        out
    }

    #[test]
    fn bolds_label_before_chinese_text() {
        assert_eq!(
            render("**重点：**内容"),
            "<p><strong>重点：</strong>内容</p>\n"
        );
    }

    #[test]
    fn bolds_inside_list_items_and_after_text() {
        assert_eq!(
            render("1. 本月**完成率：**95%，**较上月：**提高"),
            "<ol>\n<li>本月<strong>完成率：</strong>95%，<strong>较上月：</strong>提高</li>\n</ol>\n"
        );
    }

    #[test]
    fn leaves_commonmark_bold_and_escapes_alone() {
        assert_eq!(
            render("**bold** text"),
            "<p><strong>bold</strong> text</p>\n"
        );
        assert_eq!(render(r"\*\*重点：\*\*内容"), "<p>**重点：**内容</p>\n");
        assert_eq!(render("a ** b ** c"), "<p>a ** b ** c</p>\n");
        assert_eq!(
            render(r"\\**重点：**内容"),
            "<p>\\<strong>重点：</strong>内容</p>\n"
        );
    }

    #[test]
    fn leaves_code_alone() {
        assert_eq!(
            render("```\nlet a = **x:**y;\n```\n"),
            "<pre><code>let a = **x:**y;\n</code></pre>\n"
        );
        assert_eq!(render("`**x:**y`"), "<p><code>**x:**y</code></p>\n");
    }
}
