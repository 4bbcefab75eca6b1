//! `reportal import` as an office would use it: Word tables and their text
//! exports become reports; the site builds from them; nothing is lost.

use crate::common;

use std::path::Path;

use common::{Run as Ran, Site};
use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow, VMergeType};

const SITE_YAML: &str = "units:
  - { id: gd, name: 广东 }
areas:
  - { id: zhidu, name: 团的制度建设, aliases: [制度建设] }
  - { id: ganbu, name: 团干部队伍建设 }
  - { id: xuanchuan, name: 共青团宣传思想工作 }
";

/// A text export in the layout Word gives (see the core issue's seed):
/// title, header row, rows separated by blank lines, each cell starting
/// with a tab, further paragraphs of a cell on lines of their own. Row 2
/// has a blank line between two of its cells, as Word sometimes writes.
const EXPORT: &str = "二、重点工作推进情况（3月份）
 \t序号
\t重点工作
\t本月份推进情况
\t下一步推进计划

\t1
\t制度建设
\t1.3月5日，修订《团内规章》第*3*条，涉及_青年_代表120人。
2、召开#专题会议#，到会<b>45</b>人。
3）完成制度汇编
\t（一）继续完善制度
（二）报送方案

\t2
\t团干部队伍建设
\t培训团干部300人次，覆盖率98.5%。
第二段说明

\t- 组织青年干部挂职锻炼。

\t3
\t共青团宣传思想工作
\t发布“青春广东”推文21篇
\t下月继续
 ";

fn site() -> Site {
    Site::new(&[("site.yaml", SITE_YAML)])
}

fn import(site: &Site, args: &[&str]) -> Ran {
    site.run("import", args)
}

/// Every non-space character of the cells, numbering markers included
/// (they stay as written), as one string.
fn cell_characters(export: &str) -> String {
    let mut cells: Vec<String> = Vec::new();
    for line in export.lines().skip(1) {
        let text = line.trim_start_matches(' ');
        let text = text.strip_prefix('\t').unwrap_or(text).trim();
        if !text.is_empty() {
            cells.push(text.to_string());
        }
    }
    // The header row's labels are the columns, not content.
    cells.drain(..4);
    cells.concat().split_whitespace().collect()
}

/// Whether every character of `wanted` appears in `text`, in order.
fn in_order(wanted: &str, text: &str) -> Result<(), String> {
    let mut rest = text.chars();
    for (i, c) in wanted.chars().enumerate() {
        if !rest.any(|t| t == c) {
            return Err(format!(
                "character {i} ({c}) missing: …{}",
                &wanted.chars().skip(i).take(20).collect::<String>()
            ));
        }
    }
    Ok(())
}

#[test]
fn a_text_export_becomes_a_report_whose_month_page_shows_every_row() {
    let site = site();
    site.write("团省委2016年3月.txt", EXPORT.as_bytes());
    let file = site.root().join("团省委2016年3月.txt");
    let run = import(&site, &[file.to_str().expect("path"), "--unit", "gd"]);
    assert!(run.ok, "{}", run.stderr);
    let report =
        std::fs::read_to_string(site.root().join("content/gd/2016-03.md")).expect("report written");
    assert!(report.contains("month: 2016-03"), "{report}");
    // The title names neither year nor unit: the site's own is shown, the
    // document's kept as a comment.
    assert!(!report.contains("title:"), "{report}");
    assert!(
        report.contains("# 文档原标题（页面使用站点的标题）：二、重点工作推进情况（3月份）\n"),
        "{report}"
    );
    // The alias is written as the site's name for the area.
    assert!(report.contains("## 1. 团的制度建设"), "{report}");
    // Every kind of numbering stays as written, each item a paragraph.
    for item in [
        "1.3月5日",
        "2、召开",
        "3）完成制度汇编",
        "（一）继续完善制度",
        "（二）报送方案",
    ] {
        assert!(
            report.contains(&format!("\n\n{item}")),
            "{item} not an item as written:\n{report}"
        );
    }

    site.built();
    let page = site.page("months/2016-03/index.html");
    // On the page: items (a hanging indent) whose markers are as typed.
    assert_eq!(
        page.texts("#zhidu .part-progress .item .marker"),
        ["1.", "2、", "3）"]
    );
    assert_eq!(
        page.texts("#zhidu .part-plan .item .marker"),
        ["（一）", "（二）"]
    );
    assert_eq!(
        page.texts("section.entry h3 a"),
        ["团的制度建设", "团干部队伍建设", "共青团宣传思想工作"]
    );
    // Row 2's plan followed a blank line inside the row: still its plan.
    assert!(
        page.text("#ganbu .part-plan")
            .contains("组织青年干部挂职锻炼")
    );
    assert!(page.text("#xuanchuan .part-plan").contains("下月继续"));
    // Markdown punctuation shows as written, not as emphasis or HTML.
    let zhidu = page.text("#zhidu .part-progress");
    assert!(
        zhidu.contains("第*3*条")
            && zhidu.contains("_青年_")
            && zhidu.contains("#专题会议#")
            && zhidu.contains("<b>45</b>"),
        "{zhidu}"
    );
    // Nothing lost: every character of every cell, in order, on the page.
    let shown: String = page
        .texts("article.report")
        .concat()
        .split_whitespace()
        .collect();
    in_order(&cell_characters(EXPORT), &shown).expect("all of the export on the page");
}

#[test]
fn a_gb18030_export_reads_like_a_utf8_one() {
    let site = site();
    let (bytes, _, _) = encoding_rs::GB18030.encode(EXPORT);
    site.write("export.txt", &bytes);
    let run = import(
        &site,
        &[
            site.root().join("export.txt").to_str().expect("path"),
            "--month",
            "2016-03",
        ],
    );
    assert!(run.ok, "{}", run.stderr);
    let report = std::fs::read_to_string(site.root().join("content/2016-03.md")).expect("written");
    assert!(report.contains("召开\\#专题会议\\#"), "{report}");
}

fn paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn cell(paragraphs: &[&str]) -> TableCell {
    paragraphs
        .iter()
        .fold(TableCell::new(), |cell, p| cell.add_paragraph(paragraph(p)))
}

fn header() -> TableRow {
    TableRow::new(vec![
        cell(&["序号"]),
        cell(&["重点工作"]),
        cell(&["本月份推进情况"]),
        cell(&["下一步推进计划"]),
    ])
}

fn write_docx(path: &Path, docx: Docx) {
    let file = std::fs::File::create(path).expect("create docx");
    docx.build().pack(file).expect("write docx");
}

#[test]
fn a_word_table_after_other_paragraphs_and_tables_is_found_by_its_labels() {
    let site = site();
    let docx = Docx::new()
        .add_paragraph(paragraph("广东团省委2016年4月重点工作推进情况"))
        .add_paragraph(paragraph("一、总体情况：本月运行平稳。"))
        .add_table(Table::new(vec![TableRow::new(vec![
            cell(&["联系人"]),
            cell(&["电话"]),
        ])]))
        .add_table(Table::new(vec![
            header(),
            TableRow::new(vec![
                cell(&["1"]),
                cell(&["团的制度建设"]),
                cell(&["1.修订章程", "2.召开会议"]),
                cell(&["继续推进"]),
            ]),
            TableRow::new(vec![
                cell(&["2"]),
                cell(&["团干部队伍建设"]),
                cell(&["培训干部"]),
                cell(&["1）选拔", "2）考核"]),
            ]),
        ]));
    let path = site.root().join("report.docx");
    write_docx(&path, docx);
    let run = import(&site, &[path.to_str().expect("path"), "--unit", "gd"]);
    assert!(run.ok, "{}", run.stderr);
    let report =
        std::fs::read_to_string(site.root().join("content/gd/2016-04.md")).expect("written");
    assert!(
        report.contains("title: \"广东团省委2016年4月重点工作推进情况\""),
        "{report}"
    );
    assert!(report.contains("1.修订章程\n\n2.召开会议"), "{report}");
    assert!(report.contains("1）选拔\n\n2）考核"), "{report}");
    // The paragraph and table outside the report table are kept, marked,
    // before the first work area.
    let kept =
        &report[report.find("未归类内容").expect("kept part")..report.find("## ").expect("areas")];
    for text in ["本月运行平稳", "联系人", "电话"] {
        assert!(kept.contains(text), "{text}: {kept}");
    }
    assert!(run.stderr.contains("warning"), "{}", run.stderr);
    site.built();
    let page = site.page("months/2016-04/index.html");
    assert_eq!(
        page.texts("section.entry h3 a"),
        ["团的制度建设", "团干部队伍建设"]
    );
}

#[test]
fn merged_cells_keep_their_text_with_their_area() {
    let site = site();
    let docx = Docx::new()
        .add_paragraph(paragraph("5月份工作"))
        .add_table(Table::new(vec![
            header(),
            // The area merged over two rows: one section with both rows' text.
            TableRow::new(vec![
                cell(&["1"]),
                cell(&["团的制度建设"]).vertical_merge(VMergeType::Restart),
                cell(&["上半月进展"]),
                cell(&["上半月计划"]),
            ]),
            TableRow::new(vec![
                cell(&[""]),
                TableCell::new().vertical_merge(VMergeType::Continue),
                cell(&["下半月进展"]),
                cell(&["下半月计划"]),
            ]),
            // Progress and plan merged into one cell across two columns.
            TableRow::new(vec![
                cell(&["2"]),
                cell(&["团干部队伍建设"]),
                cell(&["跨两栏的内容"]).grid_span(2),
            ]),
        ]));
    let path = site.root().join("merged.docx");
    write_docx(&path, docx);
    let run = import(&site, &[path.to_str().expect("path"), "--year", "2016"]);
    assert!(run.ok, "{}", run.stderr);
    let report = std::fs::read_to_string(site.root().join("content/2016-05.md")).expect("written");
    assert_eq!(
        report.lines().filter(|l| l.starts_with("## ")).count(),
        2,
        "{report}"
    );
    let zhidu =
        &report[report.find("团的制度建设").expect("area")..report.find("团干部").expect("area")];
    for text in ["上半月进展", "下半月进展", "上半月计划", "下半月计划"] {
        assert!(zhidu.contains(text), "{text}: {zhidu}");
    }
    assert!(report.contains("跨两栏的内容"), "{report}");
    site.built();
}

#[test]
fn a_file_without_a_table_is_an_error_and_the_others_are_still_imported() {
    let site = site();
    let good = site.root().join("good.txt");
    site.write("good.txt", EXPORT.as_bytes());
    let bad = site.root().join("notes.docx");
    write_docx(
        &bad,
        Docx::new().add_paragraph(paragraph("只有一段文字，没有表格。")),
    );
    let garbage = site.root().join("broken.docx");
    site.write("broken.docx", b"PK\x03\x04 not really a zip");
    let run = import(
        &site,
        &[
            bad.to_str().expect("path"),
            garbage.to_str().expect("path"),
            good.to_str().expect("path"),
            "--month",
            "2016-03",
        ],
    );
    assert!(!run.ok);
    assert!(
        run.stderr.contains("notes.docx") && run.stderr.contains("no table"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("broken.docx"), "{}", run.stderr);
    assert!(
        site.root().join("content/2016-03.md").is_file(),
        "the good file was not imported"
    );

    // Importing again would overwrite: refused, unless --force.
    let again = import(&site, &[good.to_str().expect("path"), "--month", "2016-03"]);
    assert!(
        !again.ok && again.stderr.contains("--force"),
        "{}",
        again.stderr
    );
    let forced = import(
        &site,
        &[
            good.to_str().expect("path"),
            "--month",
            "2016-03",
            "--force",
        ],
    );
    assert!(forced.ok, "{}", forced.stderr);
}
