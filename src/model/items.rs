//! Numbered items as the writer numbered them. Chinese official writing
//! numbers by level, `一、` `（一）` `1.` `（1）` `①`, and offices type
//! `1）` and `2、` as often as `1.`; Markdown knows only `1.` and `1)`
//! (and renumbers those). A paragraph, or a line of one, that begins with
//! such a marker is an item here: its marker stays text, exactly as typed
//! (so the page, print, CSV, search and Word file all show it), and the
//! item is set with a hanging indent, as a list would be:
//! `<p class="item"><span class="marker">1）</span>…</p>`.
//!
//! Lines of one paragraph (Markdown joins lines without a blank one
//! between) are split where a line begins with a marker, so items typed
//! one per line are items. `1.12月28日` (the form Word's exports use) is
//! item 1 only beside an item 2 of the same style: `3.5万人` alone is a
//! number.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// A marker at the start of a line: its length in bytes, its style and
/// number (to tell `1.12月` from `3.5万`), and its width in ems.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Marker {
    len: usize,
    style: Style,
    number: u32,
    /// `N.` followed by a digit: an item only beside N−1 or N+1.
    ambiguous: bool,
    width: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `1.` `1．` `1、` `1）` `1)`, by delimiter.
    Arabic(char),
    /// `（1）` `(1)` `（一）` `(一)`.
    Parenthesised,
    /// `一、`.
    Chinese,
    /// `①` `⑴` `⒈`.
    Circled,
}

/// The events of one part (progress, plan, preamble) with its numbered
/// paragraphs made items.
pub fn mark(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::Paragraph)))
    {
        return events;
    }
    let mut paragraphs: Vec<Vec<Line>> = Vec::new();
    let mut out: Vec<Piece> = Vec::with_capacity(events.len());
    let mut open: Option<Vec<Event>> = None;
    for event in events {
        match (event, &mut open) {
            (Event::Start(Tag::Paragraph), None) => open = Some(Vec::new()),
            (Event::End(TagEnd::Paragraph), Some(_)) => {
                let inner = open.take().unwrap_or_default();
                out.push(Piece::Paragraph(paragraphs.len()));
                paragraphs.push(lines(inner));
            }
            (event, Some(inner)) => inner.push(event),
            (event, None) => out.push(Piece::Event(event)),
        }
    }
    // A paragraph left open (never, from pulldown-cmark) keeps its events.
    if let Some(inner) = open {
        out.push(Piece::Paragraph(paragraphs.len()));
        paragraphs.push(vec![Line {
            events: inner,
            marker: None,
        }]);
    }
    settle_ambiguous(&mut paragraphs);
    let mut events = Vec::with_capacity(out.len() + 8);
    for piece in out {
        match piece {
            Piece::Event(event) => events.push(event),
            Piece::Paragraph(i) => emit(std::mem::take(&mut paragraphs[i]), &mut events),
        }
    }
    events
}

enum Piece<'a> {
    Event(Event<'a>),
    Paragraph(usize),
}

/// A line of a paragraph: its events (the break before it left out when
/// it starts an item) and the marker it begins with.
struct Line<'a> {
    events: Vec<Event<'a>>,
    marker: Option<Marker>,
}

/// A paragraph's events cut into lines at its breaks (outside any inline
/// element: a bold run over two lines stays one).
fn lines(events: Vec<Event<'_>>) -> Vec<Line<'_>> {
    let events = joined_texts(events);
    let mut lines = vec![Line {
        events: Vec::new(),
        marker: None,
    }];
    let mut depth = 0usize;
    for event in events {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::SoftBreak | Event::HardBreak if depth == 0 => {
                lines.push(Line {
                    events: vec![event],
                    marker: None,
                });
                continue;
            }
            _ => {}
        }
        if let Some(line) = lines.last_mut() {
            line.events.push(event);
        }
    }
    for line in &mut lines {
        line.marker = first_text(&line.events).and_then(marker);
    }
    lines
}

/// Adjacent texts as one: pulldown-cmark splits text at escapes (`1\. `
/// is `1` and `. `), and a marker must be read whole.
fn joined_texts(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    for event in events {
        match (out.last_mut(), event) {
            (Some(Event::Text(before)), Event::Text(text)) => {
                *before = CowStr::from(format!("{before}{text}"));
            }
            (_, event) => out.push(event),
        }
    }
    out
}

/// The text a line starts with (after the break that begins it).
fn first_text<'e>(events: &'e [Event]) -> Option<&'e str> {
    let first = events
        .iter()
        .find(|e| !matches!(e, Event::SoftBreak | Event::HardBreak))?;
    match first {
        Event::Text(text) => Some(text),
        _ => None,
    }
}

/// `N.` followed by a digit counts only beside an arabic N−1 or N+1 in
/// the same part.
fn settle_ambiguous(paragraphs: &mut [Vec<Line>]) {
    let all: Vec<Marker> = paragraphs
        .iter()
        .flatten()
        .filter_map(|l| l.marker)
        .collect();
    for line in paragraphs.iter_mut().flatten() {
        if let Some(m) = line.marker
            && m.ambiguous
        {
            // Offices mix `1.` and `2、` in one list: any arabic number.
            let beside = all.iter().any(|o| {
                matches!(o.style, Style::Arabic(_))
                    && (o.number + 1 == m.number || m.number + 1 == o.number)
            });
            if !beside {
                line.marker = None;
            }
        }
    }
}

/// A paragraph's lines as paragraphs: a new one at each line that starts
/// with a marker, set as an item; the lines after it (until the next
/// marker) are its own.
fn emit<'a>(lines: Vec<Line<'a>>, out: &mut Vec<Event<'a>>) {
    // What is open: a plain paragraph, or an item.
    let mut open: Option<bool> = None;
    for (i, line) in lines.into_iter().enumerate() {
        let mut events = line.events;
        match line.marker {
            Some(marker) => {
                close(open.take(), out);
                if i > 0 {
                    // The break before an item ends the one before it.
                    events = drop_leading_break(events);
                }
                out.push(Event::Html(CowStr::Borrowed(item_open(marker.width))));
                split_marker(&mut events, marker.len, out);
                open = Some(true);
            }
            None if open.is_none() => {
                out.push(Event::Start(Tag::Paragraph));
                open = Some(false);
            }
            None => {}
        }
        out.extend(events);
    }
    close(open, out);
}

fn close(open: Option<bool>, out: &mut Vec<Event<'_>>) {
    match open {
        Some(true) => out.push(Event::Html(CowStr::Borrowed("</p>\n"))),
        Some(false) => out.push(Event::End(TagEnd::Paragraph)),
        None => {}
    }
}

fn drop_leading_break(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if matches!(events.first(), Some(Event::SoftBreak | Event::HardBreak)) {
        events.remove(0);
    }
    events
}

/// The item's opening: its hanging indent fits its marker.
fn item_open(width: f32) -> &'static str {
    if width <= 2.0 {
        "<p class=\"item\">"
    } else if width <= 3.0 {
        "<p class=\"item item-3\">"
    } else {
        "<p class=\"item item-4\">"
    }
}

/// Moves the first `len` bytes of the line's first text into the marker's
/// span.
fn split_marker<'a>(events: &mut Vec<Event<'a>>, len: usize, out: &mut Vec<Event<'a>>) {
    let Some(Event::Text(text)) = events.first() else {
        return;
    };
    let (marker, rest) = match text.get(..len).zip(text.get(len..)) {
        Some((m, r)) => (m.to_string(), r.to_string()),
        None => return,
    };
    out.push(Event::Html(CowStr::Borrowed("<span class=\"marker\">")));
    out.push(Event::Text(CowStr::from(marker)));
    out.push(Event::Html(CowStr::Borrowed("</span>")));
    if rest.is_empty() {
        events.remove(0);
    } else {
        events[0] = Event::Text(CowStr::from(rest));
    }
}

/// The marker `text` begins with, if any.
fn marker(text: &str) -> Option<Marker> {
    let mut chars = text.char_indices();
    let (_, first) = chars.next()?;
    if let Some(number) = circled(first) {
        return Some(Marker {
            len: first.len_utf8(),
            style: Style::Circled,
            number,
            ambiguous: false,
            width: 1.0,
        });
    }
    if first == '（' || first == '(' {
        let inner_start = first.len_utf8();
        let close = text[inner_start..].find(['）', ')'])? + inner_start;
        let inner = &text[inner_start..close];
        let number = arabic(inner).or_else(|| chinese_number(inner))?;
        let close_len = text[close..].chars().next()?.len_utf8();
        let len = close + close_len;
        return Some(Marker {
            len,
            style: Style::Parenthesised,
            number,
            ambiguous: false,
            width: width(&text[..len]),
        });
    }
    let digits: usize = text
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
        .map(char::len_utf8)
        .sum();
    if digits > 0 {
        let count = text[..digits].chars().count();
        let delimiter = text[digits..].chars().next()?;
        if count > 3 || !matches!(delimiter, '.' | '．' | '、' | '）' | ')') {
            return None;
        }
        let len = digits + delimiter.len_utf8();
        let next = text[len..].chars().next();
        return Some(Marker {
            len,
            style: Style::Arabic(delimiter),
            number: arabic(&text[..digits])?,
            ambiguous: matches!(delimiter, '.' | '．') && next.is_some_and(|c| c.is_ascii_digit()),
            width: width(&text[..len]),
        });
    }
    let end = text.find('、')?;
    let number = chinese_number(&text[..end])?;
    let len = end + '、'.len_utf8();
    Some(Marker {
        len,
        style: Style::Chinese,
        number,
        ambiguous: false,
        width: width(&text[..len]),
    })
}

/// ① … ⑳, ⑴ … ⒇, ⒈ … ⒛.
fn circled(c: char) -> Option<u32> {
    let code = u32::from(c);
    match code {
        0x2460..=0x2473 => Some(code - 0x2460 + 1),
        0x2474..=0x2487 => Some(code - 0x2474 + 1),
        0x2488..=0x249B => Some(code - 0x2488 + 1),
        _ => None,
    }
}

/// 1 to 3 digits, ASCII or full-width.
fn arabic(text: &str) -> Option<u32> {
    if text.is_empty() || text.chars().count() > 3 {
        return None;
    }
    text.chars().try_fold(0u32, |n, c| {
        let digit = c.to_digit(10).or_else(|| {
            ('０'..='９')
                .contains(&c)
                .then(|| u32::from(c) - u32::from('０'))
        })?;
        Some(n * 10 + digit)
    })
}

/// 一 … 九十九.
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [one] => digit(*one),
        ['十', ones] => Some(10 + digit(*ones)?),
        [tens, '十'] => Some(10 * digit(*tens)?),
        [tens, '十', ones] => Some(10 * digit(*tens)? + digit(*ones)?),
        _ => None,
    }
}

/// Roughly how wide `marker` is in ems: a Chinese character one, others
/// about half.
fn width(marker: &str) -> f32 {
    marker
        .chars()
        .map(|c| if c.is_ascii() { 0.55 } else { 1.0 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Parser, html};

    fn rendered(markdown: &str) -> String {
        let mut out = String::new();
        html::push_html(&mut out, mark(Parser::new(markdown).collect()).into_iter());
        out
    }

    #[test]
    fn every_marker_stays_as_typed() {
        for (typed, marker, rest) in [
            ("1）推动各地市发文", "1）", "推动各地市发文"),
            ("2、继续推动", "2、", "继续推动"),
            ("（一）加强", "（一）", "加强"),
            ("(1)完成", "(1)", "完成"),
            ("①开展", "①", "开展"),
            ("十二、总结", "十二、", "总结"),
            ("１．全角", "１．", "全角"),
            ("1\\. 空格", "1.", " 空格"),
        ] {
            let html = rendered(typed);
            assert!(
                html.contains(&format!("<span class=\"marker\">{marker}</span>{rest}</p>")),
                "{typed}: {html}"
            );
        }
    }

    #[test]
    fn items_typed_one_per_line_are_items_and_text_before_them_stays() {
        let html = rendered("说明如下：\n1）第一项\n2）第二项，**重点**\n续行");
        assert_eq!(
            html,
            "<p>说明如下：</p>\n<p class=\"item\"><span class=\"marker\">1）</span>第一项</p>\n\
             <p class=\"item\"><span class=\"marker\">2）</span>第二项，<strong>重点</strong>\n续行</p>\n"
        );
    }

    #[test]
    fn a_number_is_not_an_item_unless_its_neighbour_is() {
        let html = rendered("1.12月28日，召开\n\n2.加大力度");
        assert_eq!(html.matches("class=\"item\"").count(), 2, "{html}");
        let html = rendered("1.3月5日\n\n2、召开");
        assert_eq!(html.matches("class=\"item\"").count(), 2, "{html}");
        let html = rendered("3.5万人参加");
        assert_eq!(html, "<p>3.5万人参加</p>\n");
        for text in [
            "2015年完成",
            "开展首届“青创100”",
            "1234.五",
            "（注）说明",
            "一些、",
        ] {
            assert_eq!(rendered(text), format!("<p>{text}</p>\n"), "{text}");
        }
    }

    #[test]
    fn wide_markers_get_a_wider_indent() {
        assert!(rendered("（十二）加强").contains("<p class=\"item item-4\">"));
        assert!(rendered("（一）加强").contains("<p class=\"item item-3\">"));
    }

    #[test]
    fn bold_over_two_lines_is_not_cut() {
        let html = rendered("**甲\n1）乙**");
        assert_eq!(html, "<p><strong>甲\n1）乙</strong></p>\n");
    }
}
