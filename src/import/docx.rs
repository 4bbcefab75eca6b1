//! A `.docx` file, read with the docx-rs crate: the report table is the
//! first table whose header row has the report's column labels, wherever
//! it stands; the first paragraph before it is the title, and every other
//! paragraph outside it is kept too. In a `.docx` reportal wrote, the
//! paragraphs before the table carry styles that say what they are: the
//! unit and month line, the summary, the opening text.

use crate::msg;
use docx_rs::{DocumentChild, Docx, TableCellContent, TableChild, TableRowChild};

use super::{Cell, ImportError, Table, markdown};
use crate::render::word::{META_STYLE, PREAMBLE_STYLE, SUMMARY_STYLE, TITLE_STYLE};

pub fn read(bytes: &[u8]) -> Result<Table, ImportError> {
    super::limits::inspect(bytes)?;
    let mut document = read_guarded(bytes)?;
    // Each picture's place marked in the text, its bytes kept.
    let pictures = super::pictures::take(&mut document)?;
    let mut table = Table {
        pictures,
        ..Table::default()
    };
    let mut found = false;
    for child in &document.document.children {
        match child {
            DocumentChild::Paragraph(paragraph) => {
                let text = paragraph.raw_text().trim().to_string();
                if text.is_empty() {
                    continue;
                }
                let style = paragraph.property.style.as_ref().map(|s| s.val.as_str());
                match style {
                    _ if found => {}
                    Some(TITLE_STYLE) if table.title.is_none() => {
                        table.title = Some(text);
                        continue;
                    }
                    Some(META_STYLE) if table.meta.is_none() => {
                        table.meta = Some(text);
                        continue;
                    }
                    Some(SUMMARY_STYLE) if table.summary.is_none() => {
                        table.summary = Some(text);
                        continue;
                    }
                    Some(PREAMBLE_STYLE) => {
                        table.preamble.push(text);
                        continue;
                    }
                    _ => {}
                }
                if !found && table.title.is_none() {
                    table.title = Some(text);
                } else {
                    table.outside.push(text);
                }
            }
            DocumentChild::Table(candidate) if !found => {
                let rows = rows(candidate);
                if markdown::columns(&rows).is_some() {
                    table.rows = rows;
                    found = true;
                } else {
                    // Another table: its text is kept, outside the report.
                    table
                        .outside
                        .extend(rows.into_iter().flatten().flat_map(|c| c.paragraphs));
                }
            }
            DocumentChild::Table(other) => table
                .outside
                .extend(rows(other).into_iter().flatten().flat_map(|c| c.paragraphs)),
            _ => {}
        }
    }
    if !found {
        return Err(ImportError::NoTable);
    }
    super::pictures::settle(&mut table);
    Ok(table)
}

/// A Word table's rows, a cell per grid column: a cell spanning columns
/// holds its text in the first and leaves the others empty.
fn rows(table: &docx_rs::Table) -> Vec<Vec<Cell>> {
    table
        .rows
        .iter()
        .map(|TableChild::TableRow(row)| {
            let mut cells = Vec::new();
            for TableRowChild::TableCell(cell) in &row.cells {
                // docx-rs keeps the merge attributes private but writes them
                // in its serialised form.
                let property = serde_json::to_value(&cell.property).unwrap_or_default();
                let span = property
                    .get("gridSpan")
                    .and_then(serde_json::Value::as_u64)
                    .unwrap_or(1)
                    .clamp(1, 64);
                let continues_above = property
                    .get("verticalMerge")
                    .and_then(serde_json::Value::as_str)
                    .is_some_and(|v| v == "continue");
                cells.push(Cell {
                    paragraphs: paragraphs(&cell.children),
                    continues_above,
                });
                for _ in 1..span {
                    cells.push(Cell::default());
                }
            }
            cells
        })
        .collect()
}

fn paragraphs(children: &[TableCellContent]) -> Vec<String> {
    let mut out = Vec::new();
    for child in children {
        match child {
            TableCellContent::Paragraph(paragraph) => {
                let text = paragraph.raw_text().trim().to_string();
                if !text.is_empty() {
                    out.push(text);
                }
            }
            // A table in a cell: its text, paragraph by paragraph.
            TableCellContent::Table(inner) => {
                out.extend(rows(inner).into_iter().flatten().flat_map(|c| c.paragraphs));
            }
            _ => {}
        }
    }
    out
}

/// How long docx-rs may take on one file: documents at the limits take
/// a few seconds in a debug build.
const READ_TIME: std::time::Duration = std::time::Duration::from_secs(15);

/// The thread docx-rs runs on: named, so its panics are not printed.
const READER: &str = "reportal-docx-reader";

/// docx-rs, on a thread of its own: it unwraps what it reads (a part that
/// is not what it expects panics), and its recursion wants a deeper stack
/// than the limits' nesting needs. A panic is this file's failure only.
fn read_guarded(bytes: &[u8]) -> Result<Docx, ImportError> {
    let bytes = bytes.to_vec();
    // Pictures as they are: not decoded for previews nobody shows.
    let options = docx_rs::ReadDocxOptions::default().with_image_previews(false);
    match guarded(READ_TIME, move || {
        docx_rs::read_docx_with_options(&bytes, options)
    })? {
        Ok(read) => read.map_err(|e| ImportError::NotDocx(e.to_string())),
        Err(Stopped::Panicked(why)) => Err(ImportError::Damaged(msg!(
            "import-reader-stopped",
            why = why
        ))),
        Err(Stopped::TimedOut) => Err(ImportError::Damaged(msg!(
            "import-reader-timed-out",
            seconds = READ_TIME.as_secs()
        ))),
    }
}

/// Why `guarded` work gave no result.
#[derive(Debug, PartialEq)]
enum Stopped {
    Panicked(String),
    TimedOut,
}

/// Runs `work` on the reader thread (deep stack, quiet panics) for at most
/// `time`. Work that does not finish (docx-rs loops on some damaged parts
/// the limits do not foresee) is left behind: the file is named, the batch
/// goes on, and the process ends when the batch does.
fn guarded<T: Send + 'static>(
    time: std::time::Duration,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<Result<T, Stopped>, ImportError> {
    quiet_reader_panics();
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name(READER.into())
        .stack_size(64 << 20)
        .spawn(move || {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            let _ = done.send(result);
        })
        .map_err(|e| ImportError::Unreadable(e.to_string()))?;
    Ok(match finished.recv_timeout(time) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(panic)) => Err(Stopped::Panicked(
            panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default(),
        )),
        Err(_) => Err(Stopped::TimedOut),
    })
}

/// Panics of the reader thread become the file's error message; the
/// default hook would also print them as if reportal had crashed.
fn quiet_reader_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(READER) {
                previous(info);
            }
        }));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_that_never_ends_or_panics_is_given_up_on() {
        let short = std::time::Duration::from_millis(200);
        let endless = guarded(short, || {
            loop {
                std::thread::sleep(std::time::Duration::from_secs(1));
            }
        });
        assert_eq!(endless.ok().and_then(Result::err), Some(Stopped::TimedOut));
        let panics = guarded(short, || -> u8 { panic!("index out of bounds") });
        assert_eq!(
            panics.ok().and_then(Result::err),
            Some(Stopped::Panicked("index out of bounds".into()))
        );
        assert_eq!(guarded(short, || 7).ok().and_then(Result::ok), Some(7));
    }
}
