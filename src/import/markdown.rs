//! A report table as a report file of the core format: front matter, then
//! one `##` section per row's work area with `###` progress and plan, the
//! numbered items (`1.`, `2、`, `1）`, `（一）`) as Markdown lists (their
//! numbers kept, the marker written as Markdown's `1.`). Text outside the
//! rows goes before the first area, marked, never dropped.

use super::{Cell, ImportError, Table};
use crate::config::SiteConfig;
use crate::model::Month;
use crate::names;

/// Where the report's columns are: the header row's index, then the
/// columns of number (if any), area, progress and plan.
pub struct Columns {
    header: usize,
    number: Option<usize>,
    area: usize,
    progress: usize,
    plan: usize,
}

/// Finds the header row by its labels (spaces ignored).
pub fn columns(rows: &[Vec<Cell>]) -> Option<Columns> {
    rows.iter().enumerate().find_map(|(header, row)| {
        let labels: Vec<String> = row
            .iter()
            .map(|c| c.paragraphs.concat().split_whitespace().collect())
            .collect();
        let find = |test: &dyn Fn(&str) -> bool| labels.iter().position(|l| test(l));
        Some(Columns {
            header,
            number: find(&|l| l == "序号"),
            area: find(&|l| l == "重点工作" || l == "工作" || l == "工作项目")?,
            progress: find(&|l| {
                l.contains("本月") || l.contains("推进情况") && !l.contains("下一步")
            })?,
            plan: find(&|l| l.contains("下一步") || l.contains("计划"))?,
        })
    })
}

/// The report's text, and warnings about what could not be placed.
pub struct Written {
    pub text: String,
    pub warnings: Vec<String>,
}

pub fn write(
    table: &Table,
    month: Month,
    unit: Option<&str>,
    config: &SiteConfig,
) -> Result<Written, ImportError> {
    let columns = columns(&table.rows).ok_or(ImportError::NoTable)?;
    let progress_label = config
        .sections
        .progress
        .first()
        .map_or("本月份推进情况", String::as_str);
    let plan_label = config
        .sections
        .plan
        .first()
        .map_or("下一步推进计划", String::as_str);
    let mut warnings = Vec::new();
    let mut text = String::from("---\n");
    if let Some(title) = &table.title {
        text.push_str(&format!("title: {}\n", quoted(title)));
    }
    text.push_str(&format!("month: {month}\n"));
    if let Some(unit) = unit {
        text.push_str(&format!("unit: {}\n", quoted(unit)));
    }
    if let Some(summary) = &table.summary {
        text.push_str(&format!("summary: {}\n", quoted(summary)));
    }
    text.push_str("---\n");
    // The opening text of a report reportal wrote, where it stood.
    if !table.preamble.is_empty() {
        text.push('\n');
        text.push_str(&blocks(&table.preamble));
    }

    // Rows before the header, and cells no column holds: kept at the end.
    let mut unplaced: Vec<String> = table.outside.clone();
    for row in &table.rows[..columns.header] {
        unplaced.extend(row.iter().flat_map(|c| c.paragraphs.iter().cloned()));
    }
    let cell = |row: &[Cell], i: usize| row.get(i).cloned().unwrap_or_default();
    let mut sections: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    for (n, row) in table.rows[columns.header + 1..].iter().enumerate() {
        let area = cell(row, columns.area);
        let progress = cell(row, columns.progress).paragraphs;
        let plan = cell(row, columns.plan).paragraphs;
        // A work area merged over several rows (Word's vertical merge):
        // one section.
        if area.continues_above
            && let Some(last) = sections.last_mut()
        {
            last.1.extend(progress);
            last.2.extend(plan);
            continue;
        }
        let name = area.paragraphs.join(" ");
        if names::strip_numbering(&name).is_empty() {
            let text: Vec<String> = row
                .iter()
                .flat_map(|c| c.paragraphs.iter().cloned())
                .collect();
            if !text.is_empty() {
                warnings.push(format!(
                    "row {} has no work area: its text is kept under “未归类内容”",
                    n + 1
                ));
            }
            unplaced.extend(text);
            continue;
        }
        let number = columns
            .number
            .map(|i| cell(row, i).paragraphs.join(""))
            .filter(|n| !n.is_empty());
        let heading = match number {
            Some(number) => format!("{number}. {}", area_name(&name, config)),
            None => area_name(&name, config),
        };
        sections.push((heading, progress, plan));
        let known = [
            Some(columns.area),
            Some(columns.progress),
            Some(columns.plan),
            columns.number,
        ];
        for (i, extra) in row.iter().enumerate() {
            if !known.contains(&Some(i)) && !extra.paragraphs.is_empty() {
                warnings.push(format!(
                    "row {}: a cell outside the four columns is kept under “未归类内容”",
                    n + 1
                ));
                unplaced.extend(extra.paragraphs.iter().cloned());
            }
        }
    }
    // What no row holds goes before the first area, marked, so the writer
    // sees it and decides.
    if !unplaced.is_empty() {
        warnings.push(format!(
            "{} paragraph(s) outside the table's rows are kept before the first work area, under “未归类内容”",
            unplaced.len()
        ));
        text.push_str(
            "\n**未归类内容（导入时未能归入某项工作，请核对后移到合适位置或删除）：**\n\n",
        );
        text.push_str(&blocks(&unplaced));
    }
    for (heading, progress, plan) in &sections {
        text.push_str(&format!(
            "\n## {}\n\n### {progress_label}\n\n",
            escape(heading)
        ));
        text.push_str(&blocks(progress));
        text.push_str(&format!("\n### {plan_label}\n\n"));
        text.push_str(&blocks(plan));
    }
    Ok(Written { text, warnings })
}

/// The site's name for the area a heading names (by name, alias or id),
/// or the heading as written.
fn area_name(written: &str, config: &SiteConfig) -> String {
    let wanted = names::normalize(names::strip_numbering(written));
    config
        .areas
        .iter()
        .find(|a| {
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .chain(std::iter::once(&a.id))
                .any(|n| names::normalize(n) == wanted)
        })
        .map_or_else(
            || names::strip_numbering(written).to_string(),
            |a| a.name.clone(),
        )
}

/// A cell's paragraphs as Markdown: numbered ones as list items, the rest
/// as paragraphs.
fn blocks(paragraphs: &[String]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for paragraph in paragraphs {
        // A bulleted item as reportal's Word files write it.
        if let Some(item) = paragraph.strip_prefix("• ") {
            if !in_list && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("- {}\n", escape(item)));
            in_list = true;
            continue;
        }
        match list_item(paragraph) {
            Some((number, rest)) => {
                if !in_list && !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&format!("{number}. {}\n", escape(rest)));
                in_list = true;
            }
            None => {
                if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&escape(paragraph));
                out.push('\n');
                in_list = false;
            }
        }
    }
    out
}

/// `1.` `1．` `1、` `1)` `1）` `（一）` `一、` at the start: the number and the rest.
fn list_item(paragraph: &str) -> Option<(u32, &str)> {
    let text = paragraph.trim_start();
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() && digits.len() <= 3 {
        let rest = &text[digits.len()..];
        let mut chars = rest.chars();
        if let Some(mark) = chars.next()
            && matches!(mark, '.' | '．' | '、' | ')' | '）')
        {
            // `1.12月28日` is item 1 (the form the exports use).
            return Some((digits.parse().ok()?, chars.as_str().trim_start()));
        }
    }
    let (inner, rest) = match text.strip_prefix(['（', '(']) {
        Some(open) => {
            let end = open.find(['）', ')'])?;
            let close = open[end..].chars().next()?.len_utf8();
            (&open[..end], &open[end + close..])
        }
        None => {
            let end = text.find('、')?;
            (&text[..end], &text[end + '、'.len_utf8()..])
        }
    };
    Some((chinese_number(inner)?, rest.trim_start()))
}

/// 一 … 九十九.
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [one] if *one == '十' => Some(10),
        [one] => digit(*one),
        ['十', ones] => Some(10 + digit(*ones)?),
        [tens, '十'] => Some(10 * digit(*tens)?),
        [tens, '十', ones] => Some(10 * digit(*tens)? + digit(*ones)?),
        _ => None,
    }
}

/// Text that Markdown must show as written: its punctuation escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let special = matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) || (i == 0 && matches!(c, '-' | '+' | '='));
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_paragraphs_in_every_style() {
        assert_eq!(list_item("1.12月28日，召开"), Some((1, "12月28日，召开")));
        assert_eq!(list_item("2、继续推动"), Some((2, "继续推动")));
        assert_eq!(list_item("3）印发"), Some((3, "印发")));
        assert_eq!(list_item("    1.利用"), Some((1, "利用")));
        assert_eq!(list_item("（二）加强"), Some((2, "加强")));
        assert_eq!(list_item("十二、总结"), Some((12, "总结")));
        assert_eq!(list_item("2015年完成"), None);
        assert_eq!(list_item("开展首届“青创100”"), None);
    }

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(escape("a*b_c"), "a\\*b\\_c");
        assert_eq!(escape("- 不是列表"), "\\- 不是列表");
    }
}
