//! Reports as a Word document, built with docx-rs: per report its title,
//! a line with unit and month, its summary and opening text, then the
//! table 序号 / 重点工作 / 本月份推进情况 / 下一步推进计划 (the theme's
//! words), its header row repeated on each page. A4 portrait, 10.5 pt
//! (五号) 宋体 / Times New Roman, page x / y at the foot.
//!
//! The paragraphs outside the table carry styles of their own
//! (`ReportMeta`, `ReportSummary`, `ReportPreamble`): `reportal import`
//! reads them back into the report's front matter and opening text.

use docx_rs::{
    AlignmentType, Docx, Footer, NumPages, PageMargin, PageNum, Paragraph, Run, RunFonts, Shading,
    Style, StyleType, Table, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType, XMLDocx,
};

use super::runs::{self, Marks, Para, Piece};
use crate::model::Library;
use crate::render::i18n::{Strings, month_label};

/// A4 portrait, in twips.
pub const PAGE: (u32, u32) = (11906, 16838);
/// Left and right margins (2 cm); top and bottom are a little more.
const SIDE: i32 = 1134;
/// The text's width between the margins.
const WIDTH: usize = PAGE.0 as usize - 2 * SIDE as usize;
/// The columns: 序号 narrow, 重点工作 about a sixth, the two texts equal.
const COLUMNS: [usize; 4] = [680, 1620, (WIDTH - 2300) / 2, (WIDTH - 2300) / 2];
/// 五号: 10.5 pt, in half-points.
pub const SIZE: usize = 21;
/// 三号 (16 pt) for a report's title.
const TITLE_SIZE: usize = 32;
/// The header row's shade.
const HEADER_FILL: &str = "D9D9D9";

/// The paragraph styles `reportal import` knows our own documents by.
pub const META_STYLE: &str = "ReportMeta";
pub const SUMMARY_STYLE: &str = "ReportSummary";
pub const PREAMBLE_STYLE: &str = "ReportPreamble";
pub const TITLE_STYLE: &str = "Title";

/// Reports `reports` (indices into `library.reports`), each from a new
/// page, as one document's parts.
pub fn build(library: &Library, reports: &[usize], t: &Strings) -> XMLDocx {
    let mut writer = Writer { next_id: 1, t };
    let mut docx = base();
    for (i, &r) in reports.iter().enumerate() {
        docx = writer.report(docx, library, r, i > 0);
    }
    let footer = Footer::new().add_paragraph(
        writer
            .paragraph()
            .align(AlignmentType::Center)
            .size(18)
            .add_page_num(PageNum::new())
            .add_run(Run::new().size(18).add_text(" / "))
            .add_num_pages(NumPages::new()),
    );
    docx.footer(footer).build()
}

/// The document's page, fonts and styles.
fn base() -> Docx {
    let fonts = RunFonts::new()
        .east_asia("宋体")
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman");
    Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(
            PageMargin::new()
                .top(1247)
                .bottom(1134)
                .left(SIDE)
                .right(SIDE)
                .header(567)
                .footer(567)
                .gutter(0),
        )
        .default_fonts(fonts)
        .default_size(SIZE)
        .add_style(
            Style::new(TITLE_STYLE, StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .size(TITLE_SIZE)
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new(META_STYLE, StyleType::Paragraph)
                .name("Report Meta")
                .based_on("Normal")
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new(SUMMARY_STYLE, StyleType::Paragraph)
                .name("Report Summary")
                .based_on("Normal"),
        )
        .add_style(
            Style::new(PREAMBLE_STYLE, StyleType::Paragraph)
                .name("Report Preamble")
                .based_on("Normal"),
        )
}

struct Writer<'t> {
    /// Each paragraph's `w14:paraId`, counted per document: docx-rs draws
    /// them from a per-thread counter, which would make a document's
    /// bytes depend on what its thread made before.
    next_id: u32,
    t: &'t Strings,
}

impl Writer<'_> {
    fn paragraph(&mut self) -> Paragraph {
        let id = format!("{:08X}", self.next_id);
        self.next_id += 1;
        Paragraph::new().id(id)
    }

    /// A paragraph of one style holding `text` as one run.
    fn line(&mut self, style: &str, text: &str) -> Paragraph {
        self.paragraph()
            .style(style)
            .add_run(Run::new().add_text(runs::clean(text)))
    }

    fn report(&mut self, mut docx: Docx, library: &Library, r: usize, new_page: bool) -> Docx {
        let t = self.t;
        let report = &library.reports[r];
        let unit = &library.units[report.unit];
        let month = month_label(report.month, t);
        let title = match &report.title {
            Some(title) => title.clone(),
            None => crate::render::views::default_title(
                report.month,
                &unit.name,
                library.units.len() > 1,
                t,
            ),
        };
        let title = self
            .line(TITLE_STYLE, &title)
            .keep_next(true)
            .page_break_before(new_page);
        let mut meta = format!("{} · {month}", unit.name);
        if report.draft
            && let Some(draft) = t.extra.get("draft").and_then(|v| v.as_str())
        {
            meta.push_str(" · ");
            meta.push_str(draft);
        }
        let meta = self.line(META_STYLE, &meta).keep_next(true);
        docx = docx.add_paragraph(title).add_paragraph(meta);
        if let Some(summary) = &report.summary {
            docx = docx.add_paragraph(self.line(SUMMARY_STYLE, summary));
        }
        for para in runs::paragraphs(&report.preamble_html) {
            let paragraph = self.para(&para).style(PREAMBLE_STYLE);
            docx = docx.add_paragraph(paragraph);
        }
        docx.add_table(self.table(library, r))
    }

    /// The report's table: the header row (repeated on each page), then a
    /// row per entry, which may split across pages.
    fn table(&mut self, library: &Library, r: usize) -> Table {
        let t = self.t;
        let labels = [&t.number, &t.work_area, &t.progress, &t.plan];
        let header = labels
            .iter()
            .zip(COLUMNS)
            .map(|(label, width)| {
                let paragraph = self
                    .paragraph()
                    .align(AlignmentType::Center)
                    .add_run(Run::new().bold().add_text(runs::clean(label)));
                cell(width)
                    .vertical_align(VAlignType::Center)
                    .shading(Shading::new().fill(HEADER_FILL))
                    .add_paragraph(paragraph)
            })
            .collect();
        // docx-rs has no `tblHeader`: the header row alone is made
        // `cantSplit`, which `package::mark_header_rows` turns into
        // `cantSplit` + `tblHeader` in the built XML.
        let mut rows = vec![TableRow::new(header).cant_split()];
        for (i, entry) in library.reports[r].entries.iter().enumerate() {
            let number = self
                .paragraph()
                .align(AlignmentType::Center)
                .add_run(Run::new().add_text((i + 1).to_string()));
            let area = self.line("Normal", &library.areas[entry.area].name);
            let cells = vec![
                cell(COLUMNS[0]).add_paragraph(number),
                cell(COLUMNS[1]).add_paragraph(area),
                self.text_cell(COLUMNS[2], &entry.progress_html),
                self.text_cell(COLUMNS[3], &entry.plan_html),
            ];
            rows.push(TableRow::new(cells));
        }
        let border = |position| TableBorder::new(position).size(4);
        Table::new(rows)
            .set_grid(COLUMNS.to_vec())
            .width(WIDTH, WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .set_borders(
                TableBorders::new()
                    .set(border(TableBorderPosition::Top))
                    .set(border(TableBorderPosition::Bottom))
                    .set(border(TableBorderPosition::Left))
                    .set(border(TableBorderPosition::Right))
                    .set(border(TableBorderPosition::InsideH))
                    .set(border(TableBorderPosition::InsideV)),
            )
    }

    /// A cell of a report part's HTML, a Word paragraph per HTML one (a
    /// cell holds at least one paragraph, even when empty).
    fn text_cell(&mut self, width: usize, html: &str) -> TableCell {
        let paras = runs::paragraphs(html);
        let mut cell = cell(width);
        if paras.is_empty() {
            return cell.add_paragraph(self.paragraph());
        }
        for para in &paras {
            cell = cell.add_paragraph(self.para(para));
        }
        cell
    }

    fn para(&mut self, para: &Para) -> Paragraph {
        let mut paragraph = self.paragraph();
        if para.depth > 1 {
            let indent = 420 * (para.depth as i32 - 1).min(6);
            paragraph = paragraph.indent(Some(indent), None, None, None);
        }
        for piece in &para.pieces {
            let run = match piece {
                Piece::Text(text, marks) => marked(Run::new().add_text(text.as_str()), *marks),
                Piece::Break => Run::new().add_break(docx_rs::BreakType::TextWrapping),
                Piece::Tab => Run::new().add_tab(),
            };
            paragraph = paragraph.add_run(run);
        }
        paragraph
    }
}

fn cell(width: usize) -> TableCell {
    TableCell::new().width(width, WidthType::Dxa)
}

fn marked(mut run: Run, marks: Marks) -> Run {
    if marks.bold {
        run = run.bold();
    }
    if marks.italic {
        run = run.italic();
    }
    if marks.strike {
        run = run.strike();
    }
    run
}
