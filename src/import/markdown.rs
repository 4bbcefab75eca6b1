//! A report table as a report file of the core format: front matter, then
//! one `##` section per row's work area with `###` progress and plan, each
//! paragraph of a cell its own, numbered items (`1.`, `2、`, `1）`,
//! `（一）`) with their markers as written. Text outside the rows goes
//! before the first area, marked, never dropped.

use super::title::Title;
use super::{Cell, ImportError, Table};
use crate::config::SiteConfig;
use crate::model::Month;
use crate::msg;
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
    /// The work areas site.yaml does not list, as the headings name them.
    pub new_areas: Vec<String>,
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
    let mut new_areas = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut text = String::from("---\n");
    // The title without its outline number, or the site's own (title.rs).
    match super::title::title(table.title.as_deref(), unit, config) {
        Title::Kept(title) => text.push_str(&format!("title: {}\n", quoted(&title))),
        Title::SiteDefault(written) => text.push_str(&super::title::comment(&written)),
        Title::None => {}
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
                warnings.push(msg!("import-row-no-area", row = n + 1));
            }
            unplaced.extend(text);
            continue;
        }
        let number = columns
            .number
            .map(|i| cell(row, i).paragraphs.join(""))
            .filter(|n| !n.is_empty());
        let area = area_name(&name, config);
        if !config.areas.iter().any(|a| a.name == area) && seen.insert(names::normalize(&area)) {
            new_areas.push(area.clone());
        }
        let heading = match number {
            Some(number) => format!("{number}. {area}"),
            None => area,
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
                warnings.push(msg!("import-row-extra-cell", row = n + 1));
                unplaced.extend(extra.paragraphs.iter().cloned());
            }
        }
    }
    // What no row holds goes before the first area, marked, so the writer
    // sees it and decides.
    if !unplaced.is_empty() {
        warnings.push(msg!("import-unplaced", count = unplaced.len()));
        text.push_str(
            "\n**未归类内容（导入时未能归入某项工作，请核对后移到合适位置或删除）：**\n\n",
        );
        text.push_str(&blocks(&unplaced));
    }
    for (heading, progress, plan) in &sections {
        text.push_str(&format!(
            "\n## {}\n\n### {progress_label}\n\n",
            escape_chars(heading, None)
        ));
        text.push_str(&blocks(progress));
        text.push_str(&format!("\n### {plan_label}\n\n"));
        text.push_str(&blocks(plan));
    }
    Ok(Written {
        text,
        warnings,
        new_areas,
    })
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

/// A cell's paragraphs as Markdown, each its own paragraph, numbered
/// ones with their marker as written (`1.12月28日`, `2、`, `1）`, `（一）`:
/// the site shows them as items, see `model::items`); bulleted items of
/// reportal's own Word files as a Markdown list.
fn blocks(paragraphs: &[String]) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for paragraph in paragraphs {
        // Leading spaces would make Markdown code of it.
        let paragraph = paragraph.trim_start_matches([' ', '\t']);
        if let Some(item) = paragraph.strip_prefix("• ") {
            if !in_list && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("- {}\n", escape(item)));
            in_list = true;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&escape(paragraph));
        out.push('\n');
        in_list = false;
    }
    out
}

/// Text that Markdown must show as written: its punctuation escaped, and
/// a number that Markdown would take for its own list (`1. `, `1) `,
/// which it renumbers) kept as typed.
fn escape(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let list_like = (1..=9).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && text
            .as_bytes()
            .get(digits + 1)
            .is_none_or(|b| matches!(b, b' ' | b'\t'));
    escape_chars(text, list_like.then_some(digits))
}

/// `text` with Markdown's punctuation escaped, and the character at
/// `also` (a list number's delimiter).
fn escape_chars(text: &str, also: Option<usize>) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    for (i, c) in text.chars().enumerate() {
        let special = matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) || (i == 0 && matches!(c, '-' | '+' | '='))
            || also == Some(i);
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
    fn numbered_paragraphs_keep_their_markers() {
        let cell = [
            "1.12月28日，召开",
            "2、继续推动",
            "    3）印发",
            "（二）加强",
            "4. 空格",
        ];
        let cell: Vec<String> = cell.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            blocks(&cell),
            "1.12月28日，召开\n\n2、继续推动\n\n3）印发\n\n（二）加强\n\n4\\. 空格\n"
        );
    }

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(escape("a*b_c"), "a\\*b\\_c");
        assert_eq!(escape("- 不是列表"), "\\- 不是列表");
        assert_eq!(escape("1) 不是列表"), "1\\) 不是列表");
        assert_eq!(escape("2025. 年"), "2025\\. 年");
        assert_eq!(escape("1.5万"), "1.5万");
    }
}
