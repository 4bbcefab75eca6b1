//! A report part's HTML (`Entry::progress_html`, `plan_html`,
//! `Report::preamble_html`: pulldown-cmark's output sanitised by ammonia)
//! as Word paragraphs of runs, read with `plain`'s tag scanner: each
//! `<p>`, `<li>`, heading or row of a table is one paragraph; ordered
//! items begin with their number as the page shows it (`1. `), bulleted
//! ones with `• `; `<strong>`/`<b>` are bold, `<em>`/`<i>` italic,
//! `<del>`/`<s>` struck through, `<br>` a line break; a link is its text,
//! an image its alt text, a table's cells are tab-separated.

use crate::render::plain::{self, Tag, attribute, scan};

/// How a run of text is marked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String, Marks),
    /// A line break within the paragraph (`<br>`, a line of code).
    Break,
    /// Between two cells of a table's row.
    Tab,
}

/// One Word paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para {
    pub pieces: Vec<Piece>,
    /// How deep in lists it stands (0: in none), for its indent.
    pub depth: usize,
    /// A numbered item as typed (`<p class="item">`, see `model::items`):
    /// its marker's hanging indent, in twips.
    pub hanging: u16,
}

/// The paragraphs of one fragment.
pub fn paragraphs(html: &str) -> Vec<Para> {
    let mut reader = Reader::default();
    scan(html, |piece| match piece {
        plain::Piece::Text(text) => reader.text(text),
        plain::Piece::Tag(tag) => reader.tag(&tag),
    });
    reader.end_paragraph();
    reader.out
}

/// The hanging indent of a paragraph of class `class`, in twips (an em
/// of 10.5 pt is 210): `model::items` sizes it to its marker, 2, 3 or 4
/// ems; the first is 1.5 here, as wide as `1）` or `2、` in 宋体 (the page's
/// 2 ems leave room for `10）`, worth a line more per item on paper).
fn hanging(class: Option<&str>) -> u16 {
    let classes: Vec<&str> = class.unwrap_or_default().split_whitespace().collect();
    if classes.contains(&"item-4") {
        840
    } else if classes.contains(&"item-3") {
        630
    } else if classes.contains(&"item") {
        315
    } else {
        0
    }
}

#[derive(Default)]
struct Reader {
    out: Vec<Para>,
    current: Para,
    bold: u32,
    italic: u32,
    strike: u32,
    /// Inside `<pre>`: white space kept, line ends are breaks.
    pre: u32,
    /// Per open list: the next item's number (none: a bulleted list).
    lists: Vec<Option<u32>>,
    /// A cell of the current table row has been read: the next is after a tab.
    cell_in_row: bool,
    /// White space was read after text: a space before the next text.
    space: bool,
    /// The current paragraph holds only a list item's number: a block
    /// opening in the item (`<li><p>`) continues it.
    marker_only: bool,
}

impl Reader {
    fn marks(&self) -> Marks {
        Marks {
            bold: self.bold > 0,
            italic: self.italic > 0,
            strike: self.strike > 0,
        }
    }

    fn tag(&mut self, tag: &Tag) {
        let closing = tag.closing;
        let step = |n: &mut u32| {
            if closing {
                *n = n.saturating_sub(1);
            } else {
                *n += 1;
            }
        };
        match &*tag.name {
            "strong" | "b" => step(&mut self.bold),
            "em" | "i" => step(&mut self.italic),
            "del" | "s" | "strike" => step(&mut self.strike),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                // A heading in a cell: a bold paragraph of its own.
                self.block(closing);
                step(&mut self.bold);
            }
            "th" => {
                self.cell(closing);
                step(&mut self.bold);
            }
            "td" => self.cell(closing),
            "pre" => {
                self.block(closing);
                step(&mut self.pre);
            }
            "br" if !closing => self.push(Piece::Break),
            "img" if !closing => {
                if let Some(alt) = attribute(tag.attributes, "alt") {
                    self.text(alt);
                }
            }
            "ol" | "ul" => {
                self.block(closing);
                if closing {
                    self.lists.pop();
                } else if tag.name == "ol" {
                    self.lists.push(Some(tag.start.unwrap_or(1)));
                } else {
                    self.lists.push(None);
                }
            }
            "li" => {
                self.end_paragraph();
                if !closing {
                    self.item();
                }
            }
            "tr" => {
                self.end_paragraph();
                self.cell_in_row = false;
            }
            "p" | "blockquote" | "div" | "table" | "hr" | "dl" | "dt" | "dd" | "section" => {
                self.block(closing);
                if !closing && tag.name == "p" {
                    self.current.hanging = hanging(attribute(tag.attributes, "class"));
                }
            }
            _ => {}
        }
    }

    /// A list item begins: its number (or bullet), as the page shows it.
    fn item(&mut self) {
        self.current.depth = self.lists.len();
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let marker = format!("{n}. ");
                *n += 1;
                marker
            }
            _ => "• ".to_string(),
        };
        self.current
            .pieces
            .push(Piece::Text(marker, Marks::default()));
        self.marker_only = true;
    }

    fn cell(&mut self, closing: bool) {
        if closing {
            return;
        }
        if self.cell_in_row {
            self.space = false;
            self.push(Piece::Tab);
        }
        self.cell_in_row = true;
    }

    /// Text as written in the HTML (entities not yet decoded). Read a
    /// stretch at a time between white space and control characters:
    /// these files are many, and a character at a time cost a tenth of
    /// the Word files' time.
    fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let decoded = html_escape::decode_html_entities(raw);
        let marks = self.marks();
        if self.pre > 0 {
            return self.preformatted(&decoded, marks);
        }
        let bytes = decoded.as_bytes();
        // Most stretches of text between tags (a list item's) hold no
        // white space: found out without branching per byte.
        if !bytes.iter().fold(false, |any, &b| {
            any | (b <= b' ') | (b == 0x7f) | (b == 0xc2)
        }) {
            return self.plain(&decoded, marks);
        }
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let (len, white) = match bytes[i] {
                b' ' | b'\t' | b'\n' | b'\r' | 0x0c => (1, true),
                0..=0x1f | 0x7f => (1, false),
                // C1 control characters (U+0080–U+009F).
                0xc2 if matches!(bytes.get(i + 1), Some(0x80..=0x9f)) => (2, false),
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.plain(&decoded[start..i], marks);
            if white {
                // Collapsed, as a browser does; none at a paragraph's
                // start, after a tab or break, or after a space.
                self.space = matches!(
                    self.current.pieces.last(),
                    Some(Piece::Text(text, _)) if !text.ends_with(' ')
                );
            }
            i += len;
            start = i;
        }
        self.plain(&decoded[start..], marks);
    }

    /// Text of a `<pre>`: white space kept, line ends as breaks.
    fn preformatted(&mut self, text: &str, marks: Marks) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.push(Piece::Break);
            }
            let line: String = line
                .chars()
                .filter(|c| !c.is_control() || *c == '\t')
                .collect();
            self.plain(&line, marks);
        }
    }

    /// Text without white space or control characters (but spaces, in
    /// `preformatted`), after the space before it, if any.
    fn plain(&mut self, text: &str, marks: Marks) {
        if text.is_empty() {
            return;
        }
        // The space goes with the text before it: struck or bold text
        // does not begin with it.
        if std::mem::take(&mut self.space)
            && let Some(Piece::Text(before, _)) = self.current.pieces.last_mut()
        {
            before.push(' ');
        }
        self.marker_only = false;
        match self.current.pieces.last_mut() {
            Some(Piece::Text(before, m)) if *m == marks => before.push_str(text),
            _ => self
                .current
                .pieces
                .push(Piece::Text(text.to_string(), marks)),
        }
    }

    fn push(&mut self, piece: Piece) {
        self.space = false;
        self.marker_only = false;
        self.current.pieces.push(piece);
    }

    /// A block element opens or closes: the paragraph before it ends,
    /// unless it is a list item's number alone and the block opens.
    fn block(&mut self, closing: bool) {
        if closing || !self.marker_only {
            self.end_paragraph();
        }
    }

    fn end_paragraph(&mut self) {
        self.space = false;
        self.marker_only = false;
        // A code block's last line end, a `<br>` ending a paragraph.
        while self.current.pieces.last() == Some(&Piece::Break) {
            self.current.pieces.pop();
        }
        if !self.current.pieces.is_empty() {
            self.out.push(std::mem::take(&mut self.current));
        }
        self.current.depth = 0;
        self.current.hanging = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(para: &Para) -> String {
        para.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t, m) => {
                    let (b, i, s) = (
                        if m.bold { "*" } else { "" },
                        if m.italic { "_" } else { "" },
                        if m.strike { "~" } else { "" },
                    );
                    format!("{b}{i}{s}{t}{s}{i}{b}")
                }
                Piece::Break => "|".into(),
                Piece::Tab => "→".into(),
            })
            .collect()
    }

    fn all(html: &str) -> Vec<String> {
        paragraphs(html).iter().map(text).collect()
    }

    #[test]
    fn one_paragraph_per_item_numbered_and_marked_as_written() {
        assert_eq!(
            all(
                "<ol>\n<li>一&amp;<strong>二</strong></li>\n<li><em>三</em>&lt;四&gt;<br>\n五</li>\n</ol>\n<p>说明 <del>旧</del></p>"
            ),
            ["1. 一&*二*", "2. _三_<四>|五", "说明 ~旧~"]
        );
        assert_eq!(
            all("<ol start=\"3\"><li>丙<ul><li>子</li></ul></li><li>丁</li></ol>"),
            ["3. 丙", "• 子", "4. 丁"]
        );
        let nested = paragraphs("<ul>\n<li>\n<p>甲</p>\n<ul>\n<li>乙</li>\n</ul>\n</li>\n</ul>");
        assert_eq!(
            nested.iter().map(text).collect::<Vec<_>>(),
            ["• 甲", "• 乙"]
        );
        assert_eq!(nested[1].depth, 2);
    }

    #[test]
    fn tables_images_links_headings_and_code() {
        assert_eq!(
            all(
                "<h4>小节</h4><table><thead><tr><th>名</th><th>数</th></tr></thead>\
                 <tbody><tr><td>甲</td><td>1</td></tr></tbody></table>\
                 <p><a href=\"x?a=1&amp;b=2\">链接</a> <img src=\"a.png\" alt=\"图 &quot;一&quot;\"></p>\
                 <pre><code>a  b\nc\n</code></pre>"
            ),
            ["*小节*", "*名*→*数*", "甲→1", "链接 图 \"一\"", "a  b|c"]
        );
    }

    #[test]
    fn numbered_items_as_typed_keep_their_marker_and_hang() {
        let paras = paragraphs(
            "<p class=\"item item-3\"><span class=\"marker\">（一）</span>加强</p>\n<p>说明</p>",
        );
        assert_eq!(paras.len(), 2);
        assert_eq!(
            (text(&paras[0]), paras[0].hanging),
            ("（一）加强".to_string(), 630)
        );
        assert_eq!((text(&paras[1]), paras[1].hanging), ("说明".to_string(), 0));
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(all("<p>a\u{1}b\u{1b}c\u{7f}</p>"), ["abc"]);
    }
}
