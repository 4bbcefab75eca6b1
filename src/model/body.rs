//! A report's body: the preamble, then one work area per level-2 heading,
//! each split into progress and plan by its level-3 headings, rendered to
//! (sanitised) HTML.
//!
//! The whole body is parsed once, so link references and footnotes resolve
//! across areas; the event stream is then cut at the top-level headings
//! (a heading inside a quote or a list item cuts nothing).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::emphasis;
use super::files::{self, WrittenFile};
use super::link_marks;
use super::remote::{self, Hosts, RemoteImage};
use crate::config::Sections;
use crate::diagnostics::Spot;
use crate::names::{normalize, strip_numbering};

type Spanned<'a> = (Event<'a>, Range<usize>);

/// How a body is rendered.
pub struct BodyOptions<'c> {
    pub sections: &'c Sections,
    pub unsafe_html: bool,
    /// Where images may load from besides the site.
    pub hosts: Hosts<'c>,
    /// Prefix for footnote ids, unique per report, since one page shows
    /// several reports.
    pub id_prefix: String,
    /// The report's path from the site root: what the files it shows
    /// and links are found from.
    pub source: &'c str,
}

/// A work area as written: its heading and its rendered parts.
#[derive(Debug, Clone, Default)]
pub struct WrittenArea {
    /// The heading's text, numbering included.
    pub heading: String,
    /// Byte range of the heading in the file.
    pub heading_range: Range<usize>,
    /// The heading's place, for messages (filled in by `report::parse`).
    pub heading_spot: Spot,
    pub progress_html: Arc<str>,
    pub plan_html: Arc<str>,
    /// The first line of the progress as plain text, shortened: what
    /// lists of reports show. (Not the whole text: at province scale it
    /// would cost as much memory as the HTML.)
    pub progress_excerpt: Arc<str>,
}

#[derive(Debug, Clone, Default)]
pub struct Body {
    pub preamble_html: Arc<str>,
    pub areas: Vec<WrittenArea>,
    /// Links to other reports (`[上月](2015-11.md#团的制度建设)`), in
    /// order; in the HTML each is `link_marks::link(i)` until the pages
    /// they lead to are known.
    pub links: Vec<WrittenLink>,
    /// Pictures and attachments (`![活动](photo.png)`,
    /// `[通知](附件/通知.pdf)`), in order; in the HTML each address is
    /// already the file's place in the output (see `files`).
    pub files: Vec<WrittenFile>,
    /// Images from other machines, shown as links (for warnings).
    pub remote_images: Vec<RemoteImage>,
    /// Where raw HTML nests deeper than the sanitiser is given (errors).
    pub too_deep_html: Vec<usize>,
}

/// A link to another report file, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenLink {
    /// The path as written, relative to the report's folder.
    pub path: String,
    /// What follows `#`: an area's name, id or anchor.
    pub fragment: Option<String>,
    /// Where it is in the file.
    pub range: Range<usize>,
    /// Its place, for messages (filled in by `report::parse`).
    pub spot: Spot,
}

/// Renders the body of `text` found at `range`.
pub fn render(text: &str, range: Range<usize>, options: &BodyOptions) -> Body {
    let body = &text[range.clone()];
    let events: Vec<Spanned> = Parser::new_ext(body, markdown_options())
        .into_offset_iter()
        .map(|(event, r)| (event, r.start + range.start..r.end + range.start))
        .collect();
    let events = emphasis::cjk_friendly(events, text);
    let (events, written_files) = files::take(events, options.source, is_report_path);
    let (events, links) = report_links(events);
    let (events, remote_images) = remote::guard(events, text, options.hosts);
    let (events, notes) = Footnotes::take(events, &options.id_prefix);
    let mut body = Splitter::new(options, notes, range.start).split(events);
    body.links = links;
    body.files = written_files;
    // What the last check in `to_html` found comes after.
    body.remote_images.splice(0..0, remote_images);
    body
}

/// Takes out links to other reports (a relative path ending in `.md`),
/// leaving link marks.
fn report_links(events: Vec<Spanned<'_>>) -> (Vec<Spanned<'_>>, Vec<WrittenLink>) {
    let mut links = Vec::new();
    let events = events
        .into_iter()
        .map(|(event, span)| match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if is_report_path(&dest_url) => {
                let (path, fragment) = match dest_url.split_once('#') {
                    Some((path, fragment)) => (path, Some(fragment.to_string())),
                    None => (dest_url.as_ref(), None),
                };
                links.push(WrittenLink {
                    path: path.to_string(),
                    fragment,
                    range: span.clone(),
                    spot: Spot::default(),
                });
                let dest_url = link_marks::link(links.len() - 1).into();
                let tag = Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                };
                (Event::Start(tag), span)
            }
            event => (event, span),
        })
        .collect();
    (events, links)
}

/// `2015-11.md`, `../gd/2015-11.md#zhidu`: a report file, not a web address.
fn is_report_path(url: &str) -> bool {
    let path = url.split('#').next().unwrap_or("");
    !path.contains("://") && !path.starts_with('/') && path.to_ascii_lowercase().ends_with(".md")
}

fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Preamble,
    Progress,
    Plan,
}

/// Walks the events once, sending each to the part it belongs to.
struct Splitter<'o, 'a> {
    options: &'o BodyOptions<'o>,
    progress_labels: Vec<String>,
    plan_labels: Vec<String>,
    notes: Footnotes<'a>,
    out: Body,
    part: Part,
    preamble: Vec<Event<'a>>,
    area: Option<(WrittenArea, Vec<Event<'a>>, Vec<Event<'a>>)>,
    /// Open block containers (quotes, lists, items): headings inside them
    /// are content, not structure.
    depth: usize,
    /// Where the body starts, and where each part's first raw HTML is:
    /// where to point if the rendered part still loads something remote.
    body_start: usize,
    raw_html_at: [Option<usize>; 3],
}

impl<'o, 'a> Splitter<'o, 'a> {
    fn new(options: &'o BodyOptions<'o>, notes: Footnotes<'a>, body_start: usize) -> Self {
        let labels = |labels: &[String]| labels.iter().map(|l| normalize(l)).collect();
        Splitter {
            options,
            progress_labels: labels(&options.sections.progress),
            plan_labels: labels(&options.sections.plan),
            notes,
            out: Body::default(),
            part: Part::Preamble,
            preamble: Vec::new(),
            area: None,
            depth: 0,
            body_start,
            raw_html_at: [None; 3],
        }
    }

    fn split(mut self, events: Vec<Spanned<'a>>) -> Body {
        let mut iter = events.into_iter();
        while let Some((event, span)) = iter.next() {
            self.note_raw_html(&event, &span);
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    ..
                }) if self.depth == 0 => {
                    let (heading, end) = heading_text(&mut iter);
                    self.finish_part();
                    let area = WrittenArea {
                        heading,
                        heading_range: span.start..end.max(span.start),
                        ..WrittenArea::default()
                    };
                    self.area = Some((area, Vec::new(), Vec::new()));
                    self.part = Part::Progress;
                }
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H3,
                    ..
                }) if self.depth == 0 && self.part != Part::Preamble => {
                    let mut heading = vec![shift_heading(event, Part::Progress)];
                    let mut label = String::new();
                    for (event, span) in iter.by_ref() {
                        self.note_raw_html(&event, &span);
                        if let Event::Text(t) | Event::Code(t) = &event {
                            label.push_str(t);
                        }
                        let end = matches!(event, Event::End(TagEnd::Heading(_)));
                        heading.push(shift_heading(event, Part::Progress));
                        if end {
                            break;
                        }
                    }
                    // Writers number these too: `一、本月份推进情况`, `（二）下月计划`.
                    let label = normalize(strip_numbering(&label).trim_end_matches([':', '：']));
                    if self.progress_labels.contains(&label) {
                        self.part = Part::Progress;
                    } else if self.plan_labels.contains(&label) {
                        self.part = Part::Plan;
                    } else {
                        // Another level-3 heading: it stays where it is.
                        for event in heading {
                            self.push(event);
                        }
                    }
                }
                event => {
                    match &event {
                        Event::Start(Tag::BlockQuote(_) | Tag::List(_) | Tag::Item) => {
                            self.depth += 1
                        }
                        Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                            self.depth = self.depth.saturating_sub(1);
                        }
                        _ => {}
                    }
                    let event = shift_heading(event, self.part);
                    self.push(event);
                }
            }
        }
        // Footnotes nothing refers to go with the last part, not away.
        self.notes.place_unreferenced = true;
        self.finish_part();
        self.out
    }

    fn note_raw_html(&mut self, event: &Event, span: &Range<usize>) {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) {
            self.raw_html_at[self.part as usize].get_or_insert(span.start);
        }
    }

    /// Renders one part; anything remote still in its HTML (a tag a writer
    /// built across lines and Markdown, which no single piece of raw HTML
    /// showed) is taken out and pointed at the part's first raw HTML.
    fn render(&mut self, events: Vec<Event>, part: Part, fallback: usize) -> String {
        let (html, loads, too_deep) = to_html(events, self.options);
        let at = self.raw_html_at[part as usize].take().unwrap_or(fallback);
        if too_deep {
            self.out.too_deep_html.push(at);
        }
        self.out
            .remote_images
            .extend(loads.into_iter().map(|(_, address)| RemoteImage {
                address,
                range: at..at,
            }));
        html
    }

    fn push(&mut self, event: Event<'a>) {
        match (&mut self.area, self.part) {
            (Some((_, progress, _)), Part::Progress) => progress.push(event),
            (Some((_, _, plan)), Part::Plan) => plan.push(event),
            _ => self.preamble.push(event),
        }
    }

    /// Renders what has been gathered: the preamble before the first area,
    /// an area when the next one starts (or the body ends).
    fn finish_part(&mut self) {
        match self.area.take() {
            None => {
                let last = self.notes.place_unreferenced;
                let preamble = std::mem::take(&mut self.preamble);
                let events = self.notes.attach(preamble, last);
                self.out.preamble_html =
                    self.render(events, Part::Preamble, self.body_start).into();
            }
            Some((mut area, progress, plan)) => {
                let at = area.heading_range.start;
                area.progress_excerpt = excerpt(&progress).into();
                let progress = self.notes.attach(progress, false);
                area.progress_html = self.render(progress, Part::Progress, at).into();
                let last = self.notes.place_unreferenced;
                let plan = self.notes.attach(plan, last);
                area.plan_html = self.render(plan, Part::Plan, at).into();
                self.out.areas.push(area);
            }
        }
    }
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

/// Headings inside a report sit below the page's own. On the month page a
/// report is `h2`, its areas `h3`, progress and plan `h4`; on a timeline an
/// entry's parts are `h4` too. So what the writer wrote inside an area
/// starts at `h5`, and in the preamble (right under the report's `h2`) at
/// `h3`, one level after another.
fn shift_heading(event: Event, part: Part) -> Event {
    let shift = |level: HeadingLevel| {
        let written = level as usize;
        let shown = match part {
            // `#` → h3, `###` → h4, `####` → h5 (`##` only in quotes: h3).
            Part::Preamble => (written.max(2) + 1).max(3),
            Part::Progress | Part::Plan => (written.max(3) + 2).max(5),
        };
        HeadingLevel::try_from(shown.min(6)).unwrap_or(HeadingLevel::H6)
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

/// A report's footnote definitions, taken out of the stream and put back
/// after the first part that refers to each, so every part carries its own
/// notes and no note is shown twice on a page.
struct Footnotes<'a> {
    definitions: Vec<(String, Vec<Event<'a>>)>,
    /// Each definition's place in `definitions`, by name.
    index: HashMap<String, usize>,
    referenced: HashSet<String>,
    /// Whether each definition has been shown.
    placed: Vec<bool>,
    /// Set for the last part: it also takes the notes nothing refers to.
    place_unreferenced: bool,
}

impl<'a> Footnotes<'a> {
    /// Renames every footnote with the report's prefix (ids must be unique
    /// on pages with many reports) and lifts the definitions out. The first
    /// definition of a label wins, as in CommonMark.
    fn take(events: Vec<Spanned<'a>>, prefix: &str) -> (Vec<Spanned<'a>>, Footnotes<'a>) {
        let rename = |label: &str| CowStr::from(format!("{prefix}fn-{label}"));
        let mut rest = Vec::with_capacity(events.len());
        let mut definitions: Vec<(String, Vec<Event<'a>>)> = Vec::new();
        let mut index = HashMap::new();
        let mut referenced = HashSet::new();
        let mut current: Option<(String, Vec<Event<'a>>)> = None;
        let mut depth = 0;
        for (event, span) in events {
            let event = match event {
                Event::FootnoteReference(label) => {
                    let name = rename(&label);
                    referenced.insert(name.to_string());
                    Event::FootnoteReference(name)
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    depth += 1;
                    let name = rename(&label);
                    if depth == 1 {
                        current = Some((
                            name.to_string(),
                            vec![Event::Start(Tag::FootnoteDefinition(name))],
                        ));
                        continue;
                    }
                    Event::Start(Tag::FootnoteDefinition(name))
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    depth -= 1;
                    if depth == 0 {
                        if let Some((name, mut body)) = current.take() {
                            body.push(Event::End(TagEnd::FootnoteDefinition));
                            if !index.contains_key(&name) {
                                index.insert(name.clone(), definitions.len());
                                definitions.push((name, body));
                            }
                        }
                        continue;
                    }
                    event
                }
                event => event,
            };
            match current.as_mut() {
                Some((_, body)) => body.push(shift_heading(event, Part::Progress)),
                None => rest.push((event, span)),
            }
        }
        let notes = Footnotes {
            placed: vec![false; definitions.len()],
            definitions,
            index,
            referenced,
            place_unreferenced: false,
        };
        (rest, notes)
    }

    /// Appends to `events` the definitions they refer to that no earlier
    /// part has shown, and with `last`, every note never referred to; in
    /// the order they were written. Looked up by name, so a report of
    /// thousands of notes costs what its notes do, not their square.
    fn attach(&mut self, mut events: Vec<Event<'a>>, last: bool) -> Vec<Event<'a>> {
        let mut chosen: Vec<usize> = events
            .iter()
            .filter_map(|event| match event {
                Event::FootnoteReference(label) => self.index.get(&**label).copied(),
                _ => None,
            })
            .collect();
        if last {
            chosen.extend(
                (0..self.definitions.len())
                    .filter(|&i| !self.referenced.contains(&self.definitions[i].0)),
            );
        }
        chosen.sort_unstable();
        chosen.dedup();
        for i in chosen {
            if !self.placed[i] {
                self.placed[i] = true;
                events.extend(self.definitions[i].1.iter().cloned());
            }
        }
        events
    }
}

/// The text of events, one line per block, for excerpts and search.
/// How many characters of its progress a list shows per area.
const EXCERPT_CHARS: usize = 90;

/// The first line of plain text in `events`, cut to `EXCERPT_CHARS`.
fn excerpt(events: &[Event]) -> String {
    let mut text = String::new();
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableRow,
            ) if !text.trim().is_empty() => break,
            _ => {}
        }
        if text.chars().count() > EXCERPT_CHARS {
            break;
        }
    }
    let text = text.trim();
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

/// A part's HTML, what remote loads had to be taken out of it (see
/// `remote::rewrite_html`), and whether its raw HTML nests too deep to be
/// sanitised (it is then left out, and the build fails naming it).
fn to_html(events: Vec<Event>, options: &BodyOptions) -> (String, Vec<(usize, String)>, bool) {
    if events.is_empty() {
        return (String::new(), Vec::new(), false);
    }
    let needs_cleaning = !options.unsafe_html && events.iter().any(is_risky);
    let has_raw_html = events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)));
    let events = super::items::mark(events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let html = if needs_cleaning {
        if super::sanitize::nests_too_deep(&html) {
            return (String::new(), Vec::new(), true);
        }
        super::sanitize::clean(&html)
    } else {
        html
    };
    // `remote::guard` rewrote each piece of raw HTML; this checks what
    // they make together. Markdown alone makes no loading markup but images.
    let (html, loads) = if has_raw_html {
        remote::rewrite_html(&html, options.hosts)
    } else {
        (html, Vec::new())
    };
    // Only a comment (as `reportal new` seeds a section with): nothing to
    // show, so the page says nothing was reported.
    if html.trim().is_empty() {
        (String::new(), loads, false)
    } else {
        (html, loads, false)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn rendered(markdown: &str) -> Body {
        let sections = Sections::default();
        let options = BodyOptions {
            sections: &sections,
            unsafe_html: false,
            hosts: Hosts { allowed: &[] },
            id_prefix: "r-".into(),
            source: "content/r.md",
        };
        render(markdown, 0..markdown.len(), &options)
    }

    #[test]
    fn headings_inside_quotes_and_lists_cut_nothing() {
        let body = rendered(
            "## 甲\n\n> ## 引用里的标题\n\n- ### 列表里的标题\n\n### 下一步推进计划\n\n计划。\n",
        );
        assert_eq!(body.areas.len(), 1);
        let progress = &body.areas[0].progress_html;
        assert!(
            progress.contains("<blockquote>") && progress.contains("</blockquote>"),
            "{progress}"
        );
        assert!(
            progress.contains("引用里的标题") && progress.contains("列表里的标题"),
            "{progress}"
        );
        assert_eq!(&*body.areas[0].plan_html, "<p>计划。</p>\n");
    }

    #[test]
    fn each_footnote_is_shown_once_and_none_is_lost() {
        let body = rendered(
            "前言[^a]。\n\n## 甲\n\n进展[^a][^b]。\n\n### 下一步推进计划\n\n计划[^b]。\n\n[^a]: 注甲\n[^b]: 注乙\n[^c]: 无人引用\n",
        );
        let all = format!(
            "{}{}{}",
            body.preamble_html, body.areas[0].progress_html, body.areas[0].plan_html
        );
        for note in ["注甲", "注乙", "无人引用"] {
            assert_eq!(all.matches(note).count(), 1, "{note}: {all}");
        }
        assert!(body.preamble_html.contains("注甲"));
        assert!(body.areas[0].progress_html.contains("注乙"));
        assert!(body.areas[0].plan_html.contains("无人引用"));
    }

    #[test]
    fn preamble_and_area_headings_follow_the_page_outline() {
        let body = rendered("# 总述\n\n### 小节\n\n## 甲\n\n### 经验\n\n#### 细节\n");
        assert!(
            body.preamble_html.contains("<h3>总述</h3>")
                && body.preamble_html.contains("<h4>小节</h4>")
        );
        assert!(body.areas[0].progress_html.contains("<h5>经验</h5>"));
        assert!(body.areas[0].progress_html.contains("<h6>细节</h6>"));
    }
}
