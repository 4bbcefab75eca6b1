//! One stretch of inline content: its emphasis events turned back into the
//! delimiter runs the writer typed, paired again, and turned into events.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::Spanned;
use super::chars::{After, Before, is_cjk_context};
use super::delims::{Kind, Run, pair};

enum Piece<'a> {
    Text(CowStr<'a>, Range<usize>),
    /// Index into the runs.
    Run(usize),
    /// A line break: the line's start counts as space.
    Break(Spanned<'a>),
    /// Code, HTML, a link: shown as it is.
    Atom(Vec<Spanned<'a>>),
}

/// Whether some delimiter run stands next to CJK text, so that the
/// amended rules could pair differently from CommonMark's.
pub fn needs_rules(events: &[Spanned<'_>], source: &str) -> bool {
    let mut found = false;
    for (event, range) in events {
        each_delimiter(event, range, source, &mut |pos, _| {
            let before = source.get(..pos).and_then(|s| s.chars().next_back());
            let after = source.get(pos + 1..).and_then(|s| s.chars().next());
            found |= before.is_some_and(is_cjk_context) || after.is_some_and(is_cjk_context);
        });
        if found {
            return true;
        }
    }
    false
}

/// The events of `events` with emphasis paired by the amended rules, or
/// `None` where they do not look as expected (then they are kept).
/// `edges_are_space`: the stretch is a whole block (not a link's text),
/// so its start and end count as space.
pub fn repair<'a>(
    events: &[Spanned<'a>],
    source: &str,
    edges_are_space: bool,
) -> Option<Vec<Spanned<'a>>> {
    repair_nested(events, source, edges_are_space, 0)
}

/// Images inside images' text nest without limit; past this depth their
/// text is kept as pulldown-cmark paired it (and the stack stays small).
const MAX_DEPTH: usize = 16;

fn repair_nested<'a>(
    events: &[Spanned<'a>],
    source: &str,
    edges_are_space: bool,
    depth: usize,
) -> Option<Vec<Spanned<'a>>> {
    let mut scope = Scope::default();
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Text(text) => scope.text(text, range, source)?,
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {
                let mut ok = true;
                each_delimiter(event, range, source, &mut |pos, ch| {
                    ok &= scope.delimiter(pos, ch);
                });
                if !ok {
                    return None;
                }
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                let end = matching_end(events, i)?;
                scope
                    .pieces
                    .push(Piece::Atom(link(&events[i..=end], source, depth)?));
                i = end + 1;
                continue;
            }
            Event::Start(_) | Event::End(_) => return None,
            Event::SoftBreak | Event::HardBreak => scope
                .pieces
                .push(Piece::Break((event.clone(), range.clone()))),
            _ => scope
                .pieces
                .push(Piece::Atom(vec![(event.clone(), range.clone())])),
        }
        i += 1;
    }
    scope.judge(source, edges_are_space)?;
    pair(&mut scope.runs);
    Some(scope.events())
}

/// A link or image: its text is a stretch of its own (repaired along
/// with the stretch around it); emphasis never crosses its edges. An autolink's text is its address, never Markdown.
fn link<'a>(events: &[Spanned<'a>], source: &str, depth: usize) -> Option<Vec<Spanned<'a>>> {
    let (first, rest) = events.split_first()?;
    let (last, inner) = rest.split_last()?;
    let autolink = matches!(
        first.0,
        Event::Start(Tag::Link {
            link_type: LinkType::Autolink | LinkType::Email,
            ..
        })
    );
    let mut out = vec![first.clone()];
    if autolink || depth >= MAX_DEPTH {
        out.extend_from_slice(inner);
    } else {
        out.extend(repair_nested(inner, source, false, depth + 1)?);
    }
    out.push(last.clone());
    Some(out)
}

#[derive(Default)]
struct Scope<'a> {
    pieces: Vec<Piece<'a>>,
    runs: Vec<Run>,
}

impl<'a> Scope<'a> {
    /// Text, split at the delimiters the writer typed.
    fn text(&mut self, text: &CowStr<'a>, range: &Range<usize>, source: &str) -> Option<()> {
        let typed = source.get(range.clone()) == Some(&**text);
        let mut from = 0;
        if typed {
            for (k, b) in text.bytes().enumerate() {
                let pos = range.start + k;
                if is_delimiter(b) && !escaped(source, pos) {
                    self.piece_of(text, from..k, range.start);
                    if !self.delimiter(pos, b) {
                        return None;
                    }
                    from = k + 1;
                }
            }
        }
        self.piece_of(text, from..text.len(), range.start);
        Some(())
    }

    fn piece_of(&mut self, text: &CowStr<'a>, part: Range<usize>, offset: usize) {
        if part.is_empty() {
            return;
        }
        let sub = match text {
            CowStr::Borrowed(s) => CowStr::Borrowed(&s[part.clone()]),
            other => CowStr::from(other[part.clone()].to_string()),
        };
        let range = offset + part.start..offset + part.end;
        self.pieces.push(Piece::Text(sub, range));
    }

    /// Adds one delimiter character; false if it is out of order.
    fn delimiter(&mut self, pos: usize, ch: u8) -> bool {
        if let Some(last) = self.runs.last()
            && last.start + last.len > pos
        {
            return false;
        }
        if let (Some(Piece::Run(_)), Some(last)) = (self.pieces.last(), self.runs.last_mut())
            && last.ch == ch
            && last.start + last.len == pos
        {
            last.len += 1;
            return true;
        }
        self.pieces.push(Piece::Run(self.runs.len()));
        self.runs.push(Run::new(ch, pos));
        true
    }

    /// Decides for each run whether it can open and close.
    fn judge(&mut self, source: &str, edges_are_space: bool) -> Option<()> {
        let count = self.pieces.len();
        for (k, piece) in self.pieces.iter().enumerate() {
            let Piece::Run(j) = piece else { continue };
            let run = self.runs.get_mut(*j)?;
            let end = run.start + run.len;
            let line_start = match k.checked_sub(1) {
                None => edges_are_space,
                Some(prev) => matches!(self.pieces[prev], Piece::Break(_)),
            };
            let before = if line_start {
                Before::Space
            } else {
                Before::of(source.get(..run.start)?)
            };
            let after = if k + 1 == count && edges_are_space {
                After::Space
            } else {
                After::of(source.get(end..)?.chars().next())
            };
            run.judge(before, after);
        }
        Some(())
    }

    fn events(self) -> Vec<Spanned<'a>> {
        let mut out: Vec<Spanned<'a>> = Vec::with_capacity(self.pieces.len());
        for piece in self.pieces {
            match piece {
                Piece::Text(text, range) => push_text(&mut out, text, range),
                Piece::Break(event) => out.push(event),
                Piece::Atom(events) => out.extend(events),
                Piece::Run(j) => {
                    let Some(run) = self.runs.get(j) else {
                        continue;
                    };
                    for pair in &run.closes {
                        out.push((Event::End(tag_end(pair.kind)), pair.range.clone()));
                    }
                    let from = run.start + run.closed;
                    let left = run.len - run.closed - run.opened;
                    let literal = char::from(run.ch).to_string().repeat(left);
                    push_text(&mut out, CowStr::from(literal), from..from + left);
                    for pair in &run.opens {
                        out.push((Event::Start(tag(pair.kind)), pair.range.clone()));
                    }
                }
            }
        }
        out
    }
}

/// Appends text, joined to the text before it (as one event).
fn push_text<'a>(out: &mut Vec<Spanned<'a>>, text: CowStr<'a>, range: Range<usize>) {
    if text.is_empty() {
        return;
    }
    if let Some((Event::Text(before), before_range)) = out.last_mut() {
        let joined = format!("{before}{text}");
        *before = CowStr::from(joined);
        before_range.end = before_range.end.max(range.end);
        return;
    }
    out.push((Event::Text(text), range));
}

fn tag(kind: Kind) -> Tag<'static> {
    match kind {
        Kind::Emphasis => Tag::Emphasis,
        Kind::Strong => Tag::Strong,
        Kind::Strikethrough => Tag::Strikethrough,
    }
}

fn tag_end(kind: Kind) -> TagEnd {
    match kind {
        Kind::Emphasis => TagEnd::Emphasis,
        Kind::Strong => TagEnd::Strong,
        Kind::Strikethrough => TagEnd::Strikethrough,
    }
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'*' | b'_' | b'~')
}

/// Calls `found(position, character)` for each delimiter character the
/// event stands for: the typed ones in text, and the ones pulldown-cmark
/// turned into an emphasis tag (where the tag's range starts or ends).
fn each_delimiter(
    event: &Event<'_>,
    range: &Range<usize>,
    source: &str,
    found: &mut dyn FnMut(usize, u8),
) {
    let bytes = source.as_bytes();
    let (count, at_start) = match event {
        Event::Text(text) => {
            if text.bytes().any(is_delimiter) && source.get(range.clone()) == Some(&**text) {
                for (k, b) in text.bytes().enumerate() {
                    if is_delimiter(b) && !escaped(source, range.start + k) {
                        found(range.start + k, b);
                    }
                }
            }
            return;
        }
        Event::Start(Tag::Emphasis) => (1, true),
        Event::End(TagEnd::Emphasis) => (1, false),
        Event::Start(Tag::Strong) => (2, true),
        Event::End(TagEnd::Strong) => (2, false),
        Event::Start(Tag::Strikethrough) => (tildes(bytes, range.start), true),
        Event::End(TagEnd::Strikethrough) => (tildes(bytes, range.start), false),
        _ => return,
    };
    let first = if at_start {
        range.start
    } else {
        range.end.saturating_sub(count)
    };
    for pos in first..first + count {
        if let Some(&b) = bytes.get(pos)
            && is_delimiter(b)
        {
            found(pos, b);
        }
    }
}

/// How many tildes (one or two) open the strikethrough at `start`.
fn tildes(bytes: &[u8], start: usize) -> usize {
    if bytes.get(start + 1) == Some(&b'~') {
        2
    } else {
        1
    }
}

/// Whether the character at `pos` follows an odd number of backslashes.
fn escaped(source: &str, pos: usize) -> bool {
    let before = source.as_bytes().get(..pos).unwrap_or_default();
    before.iter().rev().take_while(|b| **b == b'\\').count() % 2 == 1
}

/// The index of the event that ends the one starting at `start`.
fn matching_end(events: &[Spanned<'_>], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}
