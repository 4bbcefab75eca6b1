//! A Word table exported as plain text: the title line first; then the
//! rows, separated by blank lines; in a row each cell starts with a tab,
//! and a cell's further paragraphs follow on lines without one.

use super::{Cell, ImportError, Table};

/// Reads a text export, in UTF-8 (with or without BOM) or GB18030.
pub fn read(bytes: &[u8]) -> Result<Table, ImportError> {
    let text = decode(bytes)?;
    let mut table = Table::default();
    let mut lines = text.lines().map(|l| l.trim_end_matches('\r'));
    table.title = lines
        .by_ref()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string);
    let mut row: Vec<Cell> = Vec::new();
    for line in lines {
        // A line with a tab is a cell, even an empty one; a line of
        // nothing (or spaces) ends the row.
        if !line.contains('\t') && line.trim().is_empty() {
            if !row.is_empty() {
                table.rows.push(std::mem::take(&mut row));
            }
            continue;
        }
        let leading = line.trim_start_matches(' ');
        if let Some(cell) = leading.strip_prefix('\t') {
            let paragraph = cell.trim();
            row.push(Cell {
                paragraphs: (!paragraph.is_empty())
                    .then(|| paragraph.to_string())
                    .into_iter()
                    .collect(),
                continues_above: false,
            });
            continue;
        }
        // A further paragraph: of this row's last cell, or, when a blank
        // line stood inside a cell, of the previous row's.
        let paragraph = line.trim().to_string();
        let last = match row.last_mut() {
            Some(cell) => Some(cell),
            None => table.rows.last_mut().and_then(|r| r.last_mut()),
        };
        match last {
            Some(cell) => cell.paragraphs.push(paragraph),
            None => table.outside.push(paragraph),
        }
    }
    if !row.is_empty() {
        table.rows.push(row);
    }
    table.rows = join_split_rows(std::mem::take(&mut table.rows));
    Ok(table)
}

/// A blank line can also stand between two cells of one row (Word wrote
/// an empty paragraph): a row short of cells followed by one that fits in
/// what is missing is one row.
fn join_split_rows(rows: Vec<Vec<Cell>>) -> Vec<Vec<Cell>> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut joined: Vec<Vec<Cell>> = Vec::new();
    for row in rows {
        match joined.last_mut() {
            Some(last) if last.len() < width && last.len() + row.len() <= width => {
                last.extend(row);
            }
            _ => joined.push(row),
        }
    }
    joined
}

fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err(ImportError::NotText);
    }
    Ok(text.into_owned())
}
