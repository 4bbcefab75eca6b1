//! Problems found in a writer's files, reported together at the end of a run.
//!
//! Every problem names the file (relative to the site root, with `/`), and the
//! line and column where they are known, as `content/gd/2015-12.md:3:7: ...`.
//! The same value renders through miette with the offending source line, so a
//! writer sees both the place and the text they wrote.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

mod kind;
pub use kind::ProblemKind;

/// How bad a problem is: errors stop the build, warnings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem, with where it is.
#[derive(Debug, Clone)]
pub struct Problem {
    pub severity: Severity,
    /// Boxed, as are the snippet's parts, to keep `Result<_, Problem>` small.
    pub kind: Box<ProblemKind>,
    /// Path relative to the site root, `/`-separated.
    pub file: Option<String>,
    /// 1-based line and column (in characters); 0 when unknown.
    pub line: usize,
    pub column: usize,
    /// The file's text and the byte range to underline, for the snippet.
    pub snippet: Option<Box<Snippet>>,
}

/// The text a problem points into, named for miette's header, and where.
#[derive(Debug, Clone)]
pub struct Snippet {
    pub source: NamedSource<Excerpt>,
    pub range: std::ops::Range<usize>,
}

/// The lines around a place in a file (one before, one after: what the
/// snippet shows), and where the place is. Kept instead of the whole file
/// by what outlives parsing, so a 6,000-report build need not hold 185 MB
/// of Markdown for messages it will most likely never print.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spot {
    excerpt: Excerpt,
    /// The place, as a byte range of the excerpt.
    range: std::ops::Range<usize>,
    line: usize,
    column: usize,
}

/// Some whole lines of a file, and the number of the first (0-based), so
/// the snippet's gutter shows the file's own line numbers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Excerpt {
    text: Arc<str>,
    first_line: usize,
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts the column in bytes; the `file:line:col` prefix
        // (and every editor) in characters: its `[file:line:col]` header
        // said 11:30 under a 11:20 on a line with five Chinese characters.
        let at = span.offset().min(self.text.len());
        let column = self.text.get(..at).map_or(inner.column(), |before| {
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            before[line_start..].chars().count()
        });
        Ok(Box::new(miette::MietteSpanContents::new(
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

/// Cuts spots out of one file's text. Asked in order of position (as a
/// parser meets them), it reads the text once, however many spots share a
/// line: a report of 100,000 links on one line once cost links × line in
/// time and, with an excerpt copied per spot, in memory (8 GB).
pub struct Spotter<'t> {
    text: &'t str,
    /// Where the last spot was asked (a char boundary), on which line.
    cursor: Cursor,
    /// The last excerpt made, by its byte range: spots on the same lines
    /// share it.
    excerpt: Option<(std::ops::Range<usize>, Excerpt)>,
}

/// A place in the text, with what is known of its line.
#[derive(Clone, Copy, Default)]
struct Cursor {
    at: usize,
    /// Characters between the line's start and `at`.
    column: usize,
    line_start: usize,
    /// 0-based.
    line: usize,
    /// The line before's start, when there is one.
    previous_start: Option<usize>,
    /// The line after's end (what ends an excerpt), once looked for.
    excerpt_end: Option<usize>,
}

impl<'t> Spotter<'t> {
    pub fn new(text: &'t str) -> Self {
        Spotter {
            text,
            cursor: Cursor::default(),
            excerpt: None,
        }
    }

    pub fn spot(&mut self, range: std::ops::Range<usize>) -> Spot {
        let text = self.text;
        let start = floor_char_boundary(text, range.start.min(text.len()));
        let end = floor_char_boundary(text, range.end.clamp(start, text.len()));
        self.move_to(start);
        let cursor = self.cursor;
        // One line of context each side, as `Problems::render` shows.
        let (mut first, mut first_line) = match cursor.previous_start {
            Some(previous) => (previous, cursor.line - 1),
            None => (cursor.line_start, cursor.line),
        };
        let mut last = if text[start..end].contains('\n') {
            excerpt_end(text, end)
        } else {
            *self
                .cursor
                .excerpt_end
                .get_or_insert_with(|| excerpt_end(text, end))
        };
        // A line of megabytes (a hostile or generated file) is shown, and
        // kept, only around the place: a window of it, never all of it.
        // (Only a window's width is read here: many problems on one long
        // line must not each read all of it.)
        let (line_start, line) = (cursor.line_start, cursor.line);
        if line_start - first > WINDOW {
            (first, first_line) = (line_start, line);
        }
        if start - first > WINDOW {
            first = floor_char_boundary(text, start - WINDOW);
        }
        let end = floor_char_boundary(text, end.min(start + WINDOW));
        let horizon = floor_char_boundary(text, (end + 2 * WINDOW).min(text.len()));
        match text[end..horizon].find('\n') {
            // The next line, if shown, is long: leave it out.
            Some(i) if last - (end + i + 1) > WINDOW => last = end + i + 1,
            Some(_) => {}
            None if last > horizon => last = floor_char_boundary(text, end + WINDOW),
            None => {}
        }
        let excerpt = match &self.excerpt {
            Some((made, excerpt)) if *made == (first..last) => excerpt.clone(),
            _ => {
                let excerpt = Excerpt {
                    text: Arc::from(&text[first..last]),
                    first_line,
                };
                self.excerpt = Some((first..last, excerpt.clone()));
                excerpt
            }
        };
        Spot {
            excerpt,
            range: start - first..end - first,
            line: cursor.line + 1,
            column: cursor.column + 1,
        }
    }

    /// Moves the cursor to `to`, reading only what lies between (from the
    /// start again when `to` is behind it).
    fn move_to(&mut self, to: usize) {
        if to < self.cursor.at {
            self.cursor = Cursor::default();
        }
        let cursor = &mut self.cursor;
        let between = &self.text[cursor.at..to];
        let mut from = 0;
        for (newline, _) in between.match_indices('\n') {
            cursor.previous_start = Some(cursor.line_start);
            cursor.line_start = cursor.at + newline + 1;
            cursor.line += 1;
            cursor.column = 0;
            cursor.excerpt_end = None;
            from = newline + 1;
        }
        cursor.column += between[from..].chars().count();
        cursor.at = to;
    }
}

/// Where the excerpt of a place ending at `end` ends: after the line
/// following `end`'s line, or at the end of the text.
fn excerpt_end(text: &str, end: usize) -> usize {
    text[end..]
        .find('\n')
        .map(|i| end + i + 1)
        .and_then(|after| text[after..].find('\n').map(|i| after + i + 1))
        .unwrap_or(text.len())
}

impl Problem {
    pub fn error(kind: ProblemKind) -> Self {
        Problem {
            severity: Severity::Error,
            kind: Box::new(kind),
            file: None,
            line: 0,
            column: 0,
            snippet: None,
        }
    }

    pub fn warning(kind: ProblemKind) -> Self {
        Problem {
            severity: Severity::Warning,
            ..Problem::error(kind)
        }
    }

    pub fn in_file(mut self, file: &str) -> Self {
        // Shown as the writer may read it: no control character of a
        // file's name reaches the terminal.
        let file = crate::messages::visible(file);
        let file = file.as_str();
        self.file = Some(file.to_string());
        if let Some(snippet) = self.snippet.as_mut() {
            snippet.source = NamedSource::new(file, snippet.source.inner().clone());
        }
        self
    }

    /// Points at a byte range of `text` (the whole file): computes line and
    /// column and keeps the text so the offending line can be shown.
    pub fn at(self, text: &str, range: std::ops::Range<usize>) -> Self {
        self.at_spot(&Spotter::new(text).spot(range))
    }

    /// Points at a place cut out of a file earlier (see [`Spot`]).
    pub fn at_spot(mut self, spot: &Spot) -> Self {
        self.line = spot.line;
        self.column = spot.column;
        let name = self.file.as_deref().unwrap_or("");
        self.snippet = Some(Box::new(Snippet {
            source: NamedSource::new(name, spot.excerpt.clone()),
            range: spot.range.clone(),
        }));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Bytes of a long line shown each side of a problem's place.
const WINDOW: usize = 240;

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of a 1-based line and character column; clamps to the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line.max(1) {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[offset..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    offset
        + rest[..line_end]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_end, |(i, _)| i)
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), 0) => write!(f, "{file}: {}", self.kind),
            (Some(file), line) => write!(f, "{file}:{line}:{}: {}", self.column, self.kind),
            (None, _) => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Problem {}

impl Diagnostic for Problem {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| &s.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let range = &self.snippet.as_ref()?.range;
        let span = LabeledSpan::new_with_span(None, range.start..range.end.max(range.start));
        Some(Box::new(std::iter::once(span)))
    }
}

/// All problems of one run, in a stable order (by file, then line).
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn push(&mut self, problem: Problem) {
        self.0.push(problem);
    }

    pub fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        self.0.extend(problems);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Problem::is_error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.0.iter().filter(|p| p.severity == severity).count()
    }

    /// Orders problems so two runs print them identically, whatever order
    /// the parallel stages found them in.
    pub fn sort(&mut self) {
        self.0.sort_by_cached_key(|p| {
            (
                p.file.clone(),
                p.line,
                p.column,
                std::cmp::Reverse(p.severity),
                p.kind.to_string(),
            )
        });
    }

    /// Renders every problem for a terminal (or a plain pipe): the
    /// `file:line:col: message` line, then the source line underlined.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let handler = miette::GraphicalReportHandler::new_themed(theme).with_context_lines(1);
        let mut out = String::new();
        for problem in &self.0 {
            if handler.render_report(&mut out, problem).is_err() {
                out.push_str(&problem.to_string());
                out.push('\n');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spot's message and snippet are those of the whole text.
    #[test]
    fn spots_point_where_the_whole_text_would() {
        let text = "第一行\n第二行 甲\n第三行\n第四行\n";
        // As problems were made before spots: the whole text, line 0 first.
        let whole = |range: std::ops::Range<usize>| {
            let mut problem = Problem::error(ProblemKind::NoReports("x".into())).in_file("a.md");
            (problem.line, problem.column) = line_column(text, range.start);
            let source = Excerpt {
                text: Arc::from(text),
                first_line: 0,
            };
            problem.snippet = Some(Box::new(Snippet {
                source: NamedSource::new("a.md", source),
                range,
            }));
            Problems(vec![problem]).render(false)
        };
        let mut spotter = Spotter::new(text);
        // In order, out of order, at the start, at the very end.
        let b = text.find('甲').unwrap_or(0);
        let c = text.find("第四").unwrap_or(0);
        let d = text.find("二").unwrap_or(0);
        let ranges = [
            b..b + 3,
            c..c + 3,
            0..0,
            d..d + 3,
            b..b + 3,
            // Across lines, then back on the line it started on.
            d..c,
            b..b,
            text.len()..text.len(),
        ];
        for range in ranges {
            let spot = spotter.spot(range.clone());
            let problem = Problem::error(ProblemKind::NoReports("x".into()))
                .in_file("a.md")
                .at_spot(&spot);
            let full = Problem::error(ProblemKind::NoReports("x".into()))
                .in_file("a.md")
                .at(text, range.clone());
            let (line, column) = line_column(text, range.start);
            assert_eq!((problem.line, problem.column), (line, column));
            assert_eq!((full.line, full.column), (line, column));
            assert_eq!(Problems(vec![problem]).render(false), whole(range));
        }
        assert_eq!((spotter.spot(b..b).line, spotter.spot(b..b).column), (2, 5));
    }

    /// Many places on one line share one excerpt; on a long line (a
    /// report of thousands of links) each keeps a window of it: a copy of
    /// the whole line each cost places × line in memory.
    #[test]
    fn spots_on_one_line_share_or_window_their_excerpt() {
        let spots = |links: usize| {
            let text = format!("前\n{}\n后\n", "[上月](a.md) ".repeat(links));
            let mut spotter = Spotter::new(&text);
            text.match_indices("[上月]")
                .map(|(i, m)| spotter.spot(i..i + m.len()))
                .collect::<Vec<Spot>>()
        };
        let short = spots(10);
        assert!(
            short
                .iter()
                .all(|s| Arc::ptr_eq(&s.excerpt.text, &short[0].excerpt.text))
        );
        let long = spots(1000);
        assert_eq!(long.len(), 1000);
        assert!(long.iter().all(|s| s.excerpt.text.len() <= 4 * WINDOW));
        let last = &long[999];
        assert_eq!((last.line, last.column), (2, 999 * 11 + 1));
        let shown = &last.excerpt.text[last.range.clone()];
        assert_eq!(shown, "[上月]");
    }
}
