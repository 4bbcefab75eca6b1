//! A report's body: the preamble, then one work area per level-2 heading,
//! each split into progress and plan by its level-3 headings, rendered to
//! (sanitised) HTML.
//!
//! The whole body is parsed once, so link references and footnotes resolve
//! across areas; the event stream is then cut at the headings.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::cjk_emphasis;
use super::names::normalize;
use crate::config::Sections;

type Spanned<'a> = (Event<'a>, Range<usize>);

/// How a body is rendered.
pub struct BodyOptions<'c> {
    pub sections: &'c Sections,
    pub unsafe_html: bool,
    /// Prefix for footnote ids, unique per report, since one page shows
    /// several reports.
    pub id_prefix: String,
}

/// A work area as written: its heading and its rendered parts.
#[derive(Debug, Clone, Default)]
pub struct WrittenArea {
    /// The heading's text, numbering included.
    pub heading: String,
    /// Byte range of the heading in the file, for messages.
    pub heading_range: Range<usize>,
    pub progress_html: String,
    pub plan_html: String,
    /// The progress as plain text, for excerpts.
    pub progress_text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Body {
    pub preamble_html: String,
    pub areas: Vec<WrittenArea>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Progress,
    Plan,
}

/// Renders the body of `text` found at `range`.
pub fn render(text: &str, range: Range<usize>, options: &BodyOptions) -> Body {
    let body = &text[range.clone()];
    let events: Vec<Spanned> = Parser::new_ext(body, markdown_options())
        .into_offset_iter()
        .map(|(event, r)| (event, r.start + range.start..r.end + range.start))
        .collect();
    let events = cjk_emphasis::bold_literal_pairs(events, text);
    let (events, footnotes) = take_footnotes(events, &options.id_prefix);
    let progress_labels = labels(&options.sections.progress);
    let plan_labels = labels(&options.sections.plan);

    let mut out = Body::default();
    let mut preamble: Vec<Event> = Vec::new();
    // The current area's parts, as events, until the next area starts.
    let mut parts: Option<(WrittenArea, Vec<Event>, Vec<Event>, Part)> = None;
    let mut iter = events.into_iter();
    while let Some((event, span)) = iter.next() {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                let (heading, end) = heading_text(&mut iter);
                if let Some(done) = parts.take() {
                    out.areas.push(finish(done, &footnotes, options));
                }
                let area = WrittenArea {
                    heading,
                    heading_range: span.start..end.max(span.start),
                    ..WrittenArea::default()
                };
                parts = Some((area, Vec::new(), Vec::new(), Part::Progress));
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H3,
                id,
                classes,
                attrs,
            }) if parts.is_some() => {
                let mut heading_events = vec![Event::Start(Tag::Heading {
                    level: HeadingLevel::H5,
                    id,
                    classes,
                    attrs,
                })];
                let mut label = String::new();
                for (event, _) in iter.by_ref() {
                    if let Event::Text(t) | Event::Code(t) = &event {
                        label.push_str(t);
                    }
                    if let Event::End(TagEnd::Heading(_)) = event {
                        heading_events.push(Event::End(TagEnd::Heading(HeadingLevel::H5)));
                        break;
                    }
                    heading_events.push(event);
                }
                let label = normalize(label.trim_end_matches([':', '：']));
                if let Some((_, _, _, part)) = parts.as_mut() {
                    if progress_labels.contains(&label) {
                        *part = Part::Progress;
                        continue;
                    }
                    if plan_labels.contains(&label) {
                        *part = Part::Plan;
                        continue;
                    }
                }
                if let Some((_, progress, plan, part)) = parts.as_mut() {
                    let target = if *part == Part::Progress {
                        progress
                    } else {
                        plan
                    };
                    target.extend(heading_events);
                }
            }
            event => {
                let event = shift_heading(event, parts.is_some());
                match parts.as_mut() {
                    Some((_, progress, _, Part::Progress)) => progress.push(event),
                    Some((_, _, plan, Part::Plan)) => plan.push(event),
                    None => preamble.push(event),
                }
            }
        }
    }
    if let Some(done) = parts.take() {
        out.areas.push(finish(done, &footnotes, options));
    }
    out.preamble_html = to_html(with_footnotes(preamble, &footnotes), options);
    out
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

fn labels(labels: &[String]) -> Vec<String> {
    labels.iter().map(|l| normalize(l)).collect()
}

/// Reads a heading's events up to its end: its plain text and end offset.
fn heading_text<'a>(iter: &mut impl Iterator<Item = Spanned<'a>>) -> (String, usize) {
    let mut text = String::new();
    for (event, span) in iter {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::End(TagEnd::Heading(_)) => return (text.trim().to_string(), span.end),
            _ => {}
        }
    }
    (text.trim().to_string(), 0)
}

/// Headings inside a report sit below the page's own: on both the month
/// page and a timeline, an area's progress and plan are `h4`, so what the
/// writer wrote inside them starts at `h5`. In the preamble (under the
/// report's `h2`) they start at `h3`.
fn shift_heading(event: Event, in_area: bool) -> Event {
    let shift = |level: HeadingLevel| {
        let base = if in_area { 5 } else { 3 };
        let n = (level as usize + base - 1).min(6);
        HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
    };
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shift(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
        event => event,
    }
}

/// Removes footnote definitions from the stream and renames every footnote
/// with the report's prefix, so ids stay unique on pages with many reports.
fn take_footnotes<'a>(
    events: Vec<Spanned<'a>>,
    prefix: &str,
) -> (Vec<Spanned<'a>>, HashMap<String, Vec<Event<'a>>>) {
    let rename = |label: &str| CowStr::from(format!("{prefix}fn-{label}"));
    let mut rest = Vec::with_capacity(events.len());
    let mut footnotes: HashMap<String, Vec<Event<'a>>> = HashMap::new();
    let mut current: Option<(String, Vec<Event<'a>>)> = None;
    let mut depth = 0;
    for (event, span) in events {
        let event = match event {
            Event::FootnoteReference(label) => Event::FootnoteReference(rename(&label)),
            Event::Start(Tag::FootnoteDefinition(label)) => {
                depth += 1;
                if depth == 1 {
                    let name = rename(&label);
                    current = Some((
                        name.to_string(),
                        vec![Event::Start(Tag::FootnoteDefinition(name))],
                    ));
                    continue;
                }
                Event::Start(Tag::FootnoteDefinition(rename(&label)))
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                depth -= 1;
                if depth == 0 {
                    if let Some((name, mut body)) = current.take() {
                        body.push(Event::End(TagEnd::FootnoteDefinition));
                        footnotes.insert(name, body);
                    }
                    continue;
                }
                event
            }
            event => event,
        };
        match current.as_mut() {
            Some((_, body)) => body.push(shift_heading(event, true)),
            None => rest.push((event, span)),
        }
    }
    (rest, footnotes)
}

/// Appends the definitions of the footnotes that `events` refer to, so each
/// part carries its own notes wherever it is shown.
fn with_footnotes<'a>(
    mut events: Vec<Event<'a>>,
    footnotes: &HashMap<String, Vec<Event<'a>>>,
) -> Vec<Event<'a>> {
    let mut referenced: Vec<String> = Vec::new();
    for event in &events {
        if let Event::FootnoteReference(label) = event
            && !referenced.iter().any(|l| l == &**label)
        {
            referenced.push(label.to_string());
        }
    }
    for label in referenced {
        if let Some(definition) = footnotes.get(&label) {
            events.extend(definition.iter().cloned());
        }
    }
    events
}

fn finish(
    (mut area, progress, plan, _): (WrittenArea, Vec<Event>, Vec<Event>, Part),
    footnotes: &HashMap<String, Vec<Event>>,
    options: &BodyOptions,
) -> WrittenArea {
    area.progress_text = plain_text(&progress);
    area.progress_html = to_html(with_footnotes(progress, footnotes), options);
    area.plan_html = to_html(with_footnotes(plan, footnotes), options);
    area
}

/// The text of events, one line per block, for excerpts and search.
fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableRow,
            ) if !text.ends_with('\n') => text.push('\n'),
            _ => {}
        }
    }
    text.trim().to_string()
}

fn to_html(events: Vec<Event>, options: &BodyOptions) -> String {
    if events.is_empty() {
        return String::new();
    }
    let needs_cleaning = !options.unsafe_html && events.iter().any(is_risky);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if needs_cleaning {
        super::sanitize::clean(&html)
    } else {
        html
    }
}

/// Raw HTML, and links whose scheme could run code, go through the sanitiser;
/// plain Markdown renders to HTML that is safe as it is.
fn is_risky(event: &Event) -> bool {
    match event {
        Event::Html(_) | Event::InlineHtml(_) => true,
        Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
            !is_safe_url(dest_url)
        }
        _ => false,
    }
}

fn is_safe_url(url: &str) -> bool {
    let scheme_end = url.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    match scheme_end {
        Some(i) if url[i..].starts_with(':') => {
            let scheme = url[..i].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        }
        // No scheme: a relative link or a fragment.
        _ => true,
    }
}
