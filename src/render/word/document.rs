//! Reports as a Word document: per report its title, a line with unit and
//! month, its summary and opening text, then the table 序号 / 重点工作 /
//! 本月份推进情况 / 下一步推进计划 (the theme's words), its header row
//! repeated on each page (`tblHeader`), its other rows free to split
//! across pages. A4 portrait, 10.5 pt (五号) 宋体 / Times New Roman, page
//! x / y at the foot.
//!
//! The parts every document shares (styles, settings, footer) are built
//! once with docx-rs. The body, `word/document.xml`, is written here
//! directly: built with docx-rs, a 6,000-report site's Word files tripled
//! its build time (docx-rs moves its builders, kilobytes each, by value
//! at every call, and writes every element through an XML event writer;
//! its markup, an empty `<w:rPr />` in every run, also doubled what was
//! to compress). The markup here is the least WordprocessingML that says
//! the same; text is escaped, and characters XML 1.0 forbids dropped.
//!
//! The paragraphs outside the table carry styles of their own
//! (`ReportMeta`, `ReportSummary`, `ReportPreamble`): `reportal import`
//! reads them back into the report's front matter and opening text.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::LazyLock;

use docx_rs::{
    AlignmentType, Docx, Footer, NumPages, PageNum, Paragraph, Run, RunFonts, Style, StyleType,
};

use super::runs::{self, Marks, Para, Piece};
use crate::model::Library;
use crate::render::i18n::{Strings, month_label};

/// A4 portrait, in twips.
const PAGE: (u32, u32) = (11906, 16838);
/// Left and right margins (2 cm); top and bottom are a little more.
const SIDE: u32 = 1134;
/// The text's width between the margins.
const WIDTH: u32 = PAGE.0 - 2 * SIDE;
/// The columns: 序号 narrow, 重点工作 about a sixth, the two texts equal.
const COLUMNS: [u32; 4] = [680, 1620, (WIDTH - 2300) / 2, (WIDTH - 2300) / 2];
/// 五号: 10.5 pt, in half-points.
const SIZE: usize = 21;
/// 三号 (16 pt) for a report's title.
const TITLE_SIZE: usize = 32;
/// The header row's shade.
const HEADER_FILL: &str = "D9D9D9";

/// The paragraph styles `reportal import` knows our own documents by.
pub const META_STYLE: &str = "ReportMeta";
pub const SUMMARY_STYLE: &str = "ReportSummary";
pub const PREAMBLE_STYLE: &str = "ReportPreamble";
pub const TITLE_STYLE: &str = "Title";

/// The parts every document shares, as docx-rs builds them.
pub struct Shared {
    pub styles: Vec<u8>,
    pub settings: Vec<u8>,
    pub footer: Vec<u8>,
}

/// Built once per process: they depend on nothing a site says.
pub static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts = RunFonts::new()
        .east_asia("宋体")
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman");
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .id("00000001")
            .align(AlignmentType::Center)
            .size(18)
            .add_page_num(PageNum::new())
            .add_run(Run::new().size(18).add_text(" / "))
            .add_num_pages(NumPages::new()),
    );
    let paragraph_style = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
    };
    let built = Docx::new()
        .default_fonts(fonts)
        .default_size(SIZE)
        .add_style(
            paragraph_style(TITLE_STYLE, "Title")
                .size(TITLE_SIZE)
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(paragraph_style(META_STYLE, "Report Meta").align(AlignmentType::Center))
        .add_style(paragraph_style(SUMMARY_STYLE, "Report Summary"))
        .add_style(paragraph_style(PREAMBLE_STYLE, "Report Preamble"))
        .footer(footer)
        .build();
    Shared {
        styles: built.styles,
        settings: built.settings,
        footer: built.footers.into_iter().next().unwrap_or_default(),
    }
});

/// The document's opening, before the first report's title.
pub const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#;

/// The document's close: its page. `rIdFooter1` is the footer's id in
/// `package::DOCUMENT_RELS`.
pub const SECTION: &str = r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1247" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#;

/// Report `r`'s title paragraph; `new_page`: it starts a page (a report
/// after another in its month's file).
pub fn title(library: &Library, r: usize, t: &Strings, new_page: bool) -> String {
    let report = &library.reports[r];
    let unit = &library.units[report.unit];
    let title = match &report.title {
        Some(title) => Cow::Borrowed(title.as_str()),
        None => Cow::Owned(crate::render::views::default_title(
            report.month,
            &unit.name,
            library.units.len() > 1,
            t,
        )),
    };
    let keep = if new_page {
        "<w:keepNext/><w:pageBreakBefore/>"
    } else {
        "<w:keepNext/>"
    };
    let mut xml = Xml(String::with_capacity(title.len() + 160));
    xml.line(TITLE_STYLE, keep, &title);
    xml.0
}

/// Report `r` after its title: the unit and month, summary, opening text
/// and table.
pub fn rest(library: &Library, r: usize, t: &Strings) -> String {
    let report = &library.reports[r];
    let html = report.preamble_html.len()
        + report
            .entries
            .iter()
            .map(|e| e.progress_html.len() + e.plan_html.len() + 512)
            .sum::<usize>();
    // The XML is about twice the HTML: the markup of a Word paragraph is
    // longer than `<li>`'s. Reserved at once, not grown by copying.
    let mut xml = Xml(String::with_capacity(2 * html + 4096));
    let unit = &library.units[report.unit];
    // A site that names no unit: the month alone (see `i18n::unit_name`).
    let mut meta = match unit.name.as_str() {
        "" => month_label(report.month, t),
        name => format!("{name} · {}", month_label(report.month, t)),
    };
    if report.draft
        && let Some(draft) = t.extra.get("draft").and_then(|v| v.as_str())
    {
        meta.push_str(" · ");
        meta.push_str(draft);
    }
    xml.line(META_STYLE, "<w:keepNext/>", &meta);
    if let Some(summary) = &report.summary {
        xml.line(SUMMARY_STYLE, "", summary);
    }
    for para in runs::paragraphs(&report.preamble_html) {
        xml.para(&para, Some(PREAMBLE_STYLE), "");
    }
    xml.table(library, r, t);
    xml.0
}

struct Xml(String);

impl Xml {
    /// A paragraph of style `style` (with `properties` after it) holding
    /// `text` as one run.
    fn line(&mut self, style: &str, properties: &str, text: &str) {
        let _ = write!(
            self.0,
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{properties}</w:pPr><w:r><w:t xml:space="preserve">"#
        );
        self.text(text);
        self.0.push_str("</w:t></w:r></w:p>");
    }

    /// The report's table: the header row, repeated on each page and never
    /// split, then a row per entry, which may split across pages.
    fn table(&mut self, library: &Library, r: usize, t: &Strings) {
        self.0.push_str(r#"<w:tbl><w:tblPr><w:tblW w:w=""#);
        let _ = write!(self.0, "{WIDTH}");
        self.0.push_str(r#"" w:type="dxa"/><w:tblBorders>"#);
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            let _ = write!(
                self.0,
                r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>"#
            );
        }
        self.0
            .push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#);
        for width in COLUMNS {
            let _ = write!(self.0, r#"<w:gridCol w:w="{width}"/>"#);
        }
        self.0
            .push_str("</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (label, width) in [&t.number, &t.work_area, &t.progress, &t.plan]
            .into_iter()
            .zip(COLUMNS)
        {
            let _ = write!(
                self.0,
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">"#
            );
            self.text(label);
            self.0.push_str("</w:t></w:r></w:p></w:tc>");
        }
        self.0.push_str("</w:tr>");
        let mut number = itoa::Buffer::new();
        for (i, entry) in library.reports[r].entries.iter().enumerate() {
            self.0.push_str("<w:tr>");
            self.cell_start(COLUMNS[0]);
            self.0
                .push_str(r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>"#);
            self.0.push_str(number.format(i + 1));
            self.0.push_str("</w:t></w:r></w:p></w:tc>");
            self.cell_start(COLUMNS[1]);
            self.0.push_str(r#"<w:p><w:r><w:t xml:space="preserve">"#);
            self.text(&library.areas[entry.area].name);
            self.0.push_str("</w:t></w:r></w:p></w:tc>");
            self.text_cell(COLUMNS[2], &entry.progress_html);
            self.text_cell(COLUMNS[3], &entry.plan_html);
            self.0.push_str("</w:tr>");
        }
        self.0.push_str("</w:tbl>");
    }

    fn cell_start(&mut self, width: u32) {
        let _ = write!(
            self.0,
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
        );
    }

    /// A cell of a report part's HTML, a Word paragraph per HTML one (a
    /// cell holds at least one paragraph, even when empty).
    fn text_cell(&mut self, width: u32, html: &str) {
        self.cell_start(width);
        let paras = runs::paragraphs(html);
        if paras.is_empty() {
            self.0.push_str("<w:p/>");
        }
        for para in &paras {
            self.para(para, None, "");
        }
        self.0.push_str("</w:tc>");
    }

    fn para(&mut self, para: &Para, style: Option<&str>, properties: &str) {
        self.0.push_str("<w:p>");
        let indent = 420 * para.depth.saturating_sub(1).min(6);
        let hanging = usize::from(para.hanging);
        if style.is_some() || indent > 0 || hanging > 0 || !properties.is_empty() {
            self.0.push_str("<w:pPr>");
            if let Some(style) = style {
                let _ = write!(self.0, r#"<w:pStyle w:val="{style}"/>"#);
            }
            self.0.push_str(properties);
            if hanging > 0 {
                let left = indent + hanging;
                let _ = write!(self.0, r#"<w:ind w:left="{left}" w:hanging="{hanging}"/>"#);
            } else if indent > 0 {
                let _ = write!(self.0, r#"<w:ind w:left="{indent}"/>"#);
            }
            self.0.push_str("</w:pPr>");
        }
        for piece in &para.pieces {
            match piece {
                Piece::Text(text, marks) => {
                    self.0.push_str("<w:r>");
                    self.marks(*marks);
                    self.0.push_str(r#"<w:t xml:space="preserve">"#);
                    self.text(text);
                    self.0.push_str("</w:t></w:r>");
                }
                Piece::Break => self.0.push_str("<w:r><w:br/></w:r>"),
                Piece::Tab => self.0.push_str("<w:r><w:tab/></w:r>"),
            }
        }
        self.0.push_str("</w:p>");
    }

    fn marks(&mut self, marks: Marks) {
        if marks == Marks::default() {
            return;
        }
        self.0.push_str("<w:rPr>");
        if marks.bold {
            self.0.push_str("<w:b/>");
        }
        if marks.italic {
            self.0.push_str("<w:i/>");
        }
        if marks.strike {
            self.0.push_str("<w:strike/>");
        }
        self.0.push_str("</w:rPr>");
    }

    /// `text` escaped for XML; what XML 1.0 does not allow (control
    /// characters, U+FFFE, U+FFFF: Word and LibreOffice refuse the file)
    /// left out, white space as spaces. Byte by byte: every character
    /// of every report passes here twice (its file and its month's).
    fn text(&mut self, text: &str) {
        let bytes = text.as_bytes();
        // Most text needs nothing: found out without branching per byte.
        let plain = !bytes.iter().fold(false, |any, &b| {
            any | (b < 0x20) | (b == b'&') | (b == b'<') | (b == b'>')
        }) && !text.contains('\u{fffe}')
            && !text.contains('\u{ffff}');
        if plain {
            self.0.push_str(text);
            return;
        }
        let (mut start, mut i) = (0, 0);
        while i < bytes.len() {
            let (len, instead) = match bytes[i] {
                b'&' => (1, "&amp;"),
                b'<' => (1, "&lt;"),
                b'>' => (1, "&gt;"),
                b'\t' | b'\n' | b'\r' => (1, " "),
                0..=0x1f => (1, ""),
                0xef if bytes.get(i + 1) == Some(&0xbf)
                    && matches!(bytes.get(i + 2), Some(0xbe | 0xbf)) =>
                {
                    (3, "")
                }
                _ => {
                    i += 1;
                    continue;
                }
            };
            self.0.push_str(&text[start..i]);
            self.0.push_str(instead);
            i += len;
            start = i;
        }
        self.0.push_str(&text[start..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_what_xml_forbids_is_left_out() {
        let mut xml = Xml(String::new());
        xml.text("a<b>&c\u{1}\u{1b}d\te\u{ffff}");
        assert_eq!(xml.0, "a&lt;b&gt;&amp;cd e");
    }

    #[test]
    fn the_shared_parts_say_the_page_font_and_size() {
        let styles = String::from_utf8_lossy(&SHARED.styles);
        assert!(styles.contains(r#"<w:sz w:val="21" />"#), "{styles}");
        assert!(styles.contains("宋体"));
        assert!(String::from_utf8_lossy(&SHARED.footer).contains("NUMPAGES"));
    }
}
