//! Emphasis, strong emphasis and strikethrough next to Chinese text.
//!
//! CommonMark decides whether `**` opens or closes from whether its
//! neighbours are punctuation or space, so `完成**“青年之家”**和` keeps its
//! asterisks: Chinese has no spaces between words. The markdown-cjk-friendly
//! specification (tats-u) amends those rules; pulldown-cmark has no option
//! for it, so this pass redoes the pairing of one stretch of inline content
//! (a paragraph, heading, table cell, tight list item, or a link's text)
//! with the amended rules, wherever a delimiter run stands next to a CJK
//! character or a variation selector. Everything else keeps
//! pulldown-cmark's events as they are.

mod chars;
mod delims;
mod scope;

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

type Spanned<'a> = (Event<'a>, Range<usize>);

/// Re-pairs the emphasis of every stretch of inline content that has a
/// delimiter run next to CJK text. `source` is what the ranges point into.
pub fn cjk_friendly<'a>(events: Vec<Spanned<'a>>, source: &str) -> Vec<Spanned<'a>> {
    repair_inline(events, source, false)
}

/// `everywhere`: re-pair every stretch, CJK or not (tests compare that
/// with pulldown-cmark's own pairing).
fn repair_inline<'a>(events: Vec<Spanned<'a>>, source: &str, everywhere: bool) -> Vec<Spanned<'a>> {
    let mut out = Vec::with_capacity(events.len());
    let mut inline: Vec<Spanned<'a>> = Vec::new();
    // A code block's text is shown as typed.
    let mut in_code = false;
    for event in events {
        if !in_code && is_inline(&event.0) {
            inline.push(event);
            continue;
        }
        flush(&mut inline, source, everywhere, &mut out);
        match event.0 {
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            _ => {}
        }
        out.push(event);
    }
    flush(&mut inline, source, everywhere, &mut out);
    out
}

fn flush<'a>(
    inline: &mut Vec<Spanned<'a>>,
    source: &str,
    everywhere: bool,
    out: &mut Vec<Spanned<'a>>,
) {
    if (everywhere || scope::needs_rules(inline, source))
        && let Some(events) = scope::repair(inline, source, true)
    {
        inline.clear();
        out.extend(events);
        return;
    }
    out.append(inline);
}

/// Events that belong to inline content (the rest are blocks).
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(tag) => matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Html(_) | Event::Rule => false,
    }
}

#[cfg(test)]
mod tests;
