//! Pictures in an imported `.docx`: each one the document's text shows
//! (a `Drawing` whose picture names a relationship, or an old-style VML
//! `imagedata`) is saved beside the report, `content/<unit>/<YYYY-MM>/
//! image1.png` for `content/<unit>/<YYYY-MM>.md`, and referred to where
//! it stood in the text: `![](2015-12/image1.png)`.
//!
//! While the document is read, each picture's place holds a mark: text
//! no document holds (private-use characters around a number drawn when
//! the process starts), which the Markdown writer passes as it is. The
//! marks become the pictures' Markdown once the report's text is made.

use crate::msg;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::path::Path;
use std::sync::LazyLock;

use docx_rs::{
    DocumentChild, Docx, DrawingData, InsertChild, Paragraph, ParagraphChild, RunChild,
    TableCellContent, TableChild, TableRowChild, Text,
};

use super::{ImportError, Table};

/// The most pictures one document may bring: a monthly report shows a
/// few photos; the zip's limits (`limits.rs`) bound their bytes.
pub const MAX_PICTURES: usize = 500;

/// Opens and closes a mark; the number between makes it this process's.
const OPEN: char = '\u{F0000}';
const CLOSE: char = '\u{F0001}';
static NONCE: LazyLock<u64> = LazyLock::new(|| RandomState::new().hash_one(1u8));

/// The pictures of one document, in the order the text first shows them.
#[derive(Debug, Default)]
pub struct Pictures {
    /// Each picture: its file name (`image1.png`) and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// What reading them found worth telling (a picture the document
    /// links but does not hold, a format browsers do not show).
    pub warnings: Vec<String>,
}

/// The mark standing for picture `i` in the text.
fn mark(i: usize) -> String {
    format!("{OPEN}{:x}-{i}{CLOSE}", *NONCE)
}

/// Puts a mark in place of each picture the document's paragraphs show
/// (in the body and in tables, at any depth), and takes the pictures'
/// bytes out of the document.
pub fn take(docx: &mut Docx) -> Result<Pictures, ImportError> {
    let mut media: HashMap<String, (String, Vec<u8>)> = HashMap::new();
    // Headers' pictures are read first and may reuse the body's ids: the
    // body's come last, and win.
    for (id, path, image, _) in std::mem::take(&mut docx.images) {
        media.insert(id, (path, image.0));
    }
    let mut found = Found {
        media,
        by_id: HashMap::new(),
        pictures: Pictures::default(),
    };
    for child in &mut docx.document.children {
        match child {
            DocumentChild::Paragraph(paragraph) => found.paragraph(paragraph),
            DocumentChild::Table(table) => found.table(table),
            _ => {}
        }
    }
    if found.pictures.files.len() > MAX_PICTURES {
        return Err(ImportError::TooLarge(msg!(
            "import-too-many-pictures",
            count = found.pictures.files.len(),
            max = MAX_PICTURES
        )));
    }
    Ok(found.pictures)
}

struct Found {
    /// The document's media by relationship id: path in the zip, bytes.
    media: HashMap<String, (String, Vec<u8>)>,
    /// Each picture's number by id, once saved.
    by_id: HashMap<String, Option<usize>>,
    pictures: Pictures,
}

impl Found {
    fn table(&mut self, table: &mut docx_rs::Table) {
        for TableChild::TableRow(row) in &mut table.rows {
            for TableRowChild::TableCell(cell) in &mut row.cells {
                for content in &mut cell.children {
                    match content {
                        TableCellContent::Paragraph(paragraph) => self.paragraph(paragraph),
                        TableCellContent::Table(inner) => self.table(inner),
                        _ => {}
                    }
                }
            }
        }
    }

    /// The runs a paragraph's text is read from (as `raw_text` reads it).
    fn paragraph(&mut self, paragraph: &mut Paragraph) {
        for child in &mut paragraph.children {
            match child {
                ParagraphChild::Run(run) => self.run(&mut run.children),
                ParagraphChild::Insert(insert) => {
                    for child in &mut insert.children {
                        if let InsertChild::Run(run) = child {
                            self.run(&mut run.children);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, children: &mut [RunChild]) {
        for child in children {
            let id = match child {
                RunChild::Drawing(drawing) => match &drawing.data {
                    Some(DrawingData::Pic(pic)) => pic.id.clone(),
                    _ => continue,
                },
                RunChild::Shape(shape) => match &shape.image_data {
                    Some(data) => data.id.clone(),
                    None => continue,
                },
                _ => continue,
            };
            if let Some(i) = self.picture(&id) {
                *child = RunChild::Text(Text::new(mark(i)));
            }
        }
    }

    /// The number of the picture `id` names, saved when first seen; none
    /// when the document does not hold it.
    fn picture(&mut self, id: &str) -> Option<usize> {
        if let Some(known) = self.by_id.get(id) {
            return *known;
        }
        let number = match self.media.remove(id) {
            Some((path, bytes)) => {
                let i = self.pictures.files.len();
                let extension = extension(&path, &bytes);
                if matches!(extension.as_str(), "emf" | "wmf") {
                    self.pictures.warnings.push(msg!(
                        "import-picture-drawing",
                        number = i + 1,
                        kind = extension.to_uppercase()
                    ));
                }
                self.pictures
                    .files
                    .push((format!("image{}.{extension}", i + 1), bytes));
                Some(i)
            }
            None => {
                self.pictures
                    .warnings
                    .push(msg!("import-picture-missing", id = id));
                None
            }
        };
        self.by_id.insert(id.to_string(), number);
        number
    }
}

/// The kinds of picture a `.docx` holds that are saved under their own
/// extension; whatever else a picture's name says (`.xsd`, `.html`: a
/// hostile file would run as a page of the site) is not believed.
const PICTURES: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "emf", "wmf",
];

/// The picture's file extension: its name's in the zip when that is a
/// picture's, else what its first bytes say, else `bin` (which the site
/// does not publish: the build names the line that shows it).
fn extension(path: &str, bytes: &[u8]) -> String {
    let named = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|e| PICTURES.contains(&e.as_str()));
    if let Some(named) = named {
        return named;
    }
    let sniffed = if bytes.starts_with(b"\x89PNG") {
        "png"
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        "jpg"
    } else if bytes.starts_with(b"GIF8") {
        "gif"
    } else if bytes.starts_with(b"BM") {
        "bmp"
    } else if bytes.starts_with(b"RIFF") && bytes.get(8..12) == Some(b"WEBP") {
        "webp"
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        "tif"
    } else if bytes.starts_with(b"\xD7\xCD\xC6\x9A") {
        "wmf"
    } else if bytes.get(40..44) == Some(b" EMF") {
        "emf"
    } else {
        "bin"
    };
    sniffed.to_string()
}

/// A title, unit line or summary holding a picture (a letterhead beside
/// the title) keeps its text; the picture goes with the paragraphs
/// outside the table, first.
pub fn settle(table: &mut Table) {
    let mut moved = Vec::new();
    for part in [&mut table.title, &mut table.meta, &mut table.summary] {
        let Some(text) = part.as_mut().filter(|text| text.contains(OPEN)) else {
            continue;
        };
        let (marks, rest) = split_marks(text);
        moved.push(marks);
        *part = Some(rest.trim().to_string()).filter(|rest| !rest.is_empty());
    }
    table.outside.splice(0..0, moved);
}

/// The marks in `text`, and the text without them.
fn split_marks(text: &str) -> (String, String) {
    let (mut marks, mut rest) = (String::new(), String::new());
    let mut pieces = text.split(OPEN);
    rest.push_str(pieces.next().unwrap_or(""));
    for piece in pieces {
        match piece.split_once(CLOSE) {
            Some((inside, after)) if is_mark(inside) => {
                marks.extend([OPEN.to_string(), inside.to_string(), CLOSE.to_string()]);
                rest.push_str(after);
            }
            _ => {
                rest.push(OPEN);
                rest.push_str(piece);
            }
        }
    }
    (marks, rest)
}

/// What stands between `OPEN` and `CLOSE` in a mark: this process's
/// number, `-`, the picture's.
fn mark_number(inside: &str) -> Option<usize> {
    let (nonce, number) = inside.split_once('-')?;
    if nonce != format!("{:x}", *NONCE) || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    number.parse().ok()
}

fn is_mark(inside: &str) -> bool {
    mark_number(inside).is_some()
}

/// `text` with each picture's mark made its Markdown, the file found in
/// `folder` (relative to the report's folder): `![](2015-12/image1.png)`.
/// One pass, whatever the number of pictures.
pub fn place(text: &str, pictures: &Pictures, folder: &str) -> String {
    if !text.contains(OPEN) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut pieces = text.split(OPEN);
    out.push_str(pieces.next().unwrap_or(""));
    for piece in pieces {
        let placed = piece.split_once(CLOSE).and_then(|(inside, after)| {
            let (name, _) = pictures.files.get(mark_number(inside)?)?;
            Some((name, after))
        });
        match placed {
            Some((name, after)) => {
                out.push_str(&format!("![]({folder}/{name})"));
                out.push_str(after);
            }
            None => {
                out.push(OPEN);
                out.push_str(piece);
            }
        }
    }
    out
}

/// Saves `pictures` (paths from the report's `folder`, and bytes) beside
/// the report. Nothing is written through a link, nor over a file that
/// is there unless `force`; all is checked before anything is written.
pub fn write(
    folder: &Path,
    pictures: &[(String, Vec<u8>)],
    force: bool,
) -> Result<(), ImportError> {
    let refused = |path: &Path| {
        ImportError::Write(msg!(
            "import-picture-not-plain",
            path = path.display().to_string()
        ))
    };
    let mut folders: Vec<std::path::PathBuf> = Vec::new();
    for (rel, _) in pictures {
        let target = folder.join(rel);
        if let Some(parent) = target.parent().filter(|p| *p != folder)
            && !folders.iter().any(|f| f == parent)
        {
            match std::fs::symlink_metadata(parent) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => return Err(refused(parent)),
                Err(_) => {}
            }
            folders.push(parent.to_path_buf());
        }
        match std::fs::symlink_metadata(&target) {
            Ok(meta) if !meta.is_file() => return Err(refused(&target)),
            Ok(_) if !force => return Err(ImportError::Exists(target.display().to_string())),
            _ => {}
        }
    }
    for parent in &folders {
        std::fs::create_dir_all(parent)
            .map_err(|e| ImportError::Write(format!("{}: {e}", parent.display())))?;
    }
    for (rel, bytes) in pictures {
        let target = folder.join(rel);
        std::fs::write(&target, bytes)
            .map_err(|e| ImportError::Write(format!("{}: {e}", target.display())))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_markdown_and_titles_never_hold_pictures() {
        let pictures = Pictures {
            files: vec![
                ("image1.png".into(), vec![1]),
                ("image2.jpeg".into(), vec![2]),
            ],
            warnings: Vec::new(),
        };
        let text = format!("活动{}与{}，再{}", mark(0), mark(1), mark(0));
        assert_eq!(
            place(&text, &pictures, "2015-12"),
            "活动![](2015-12/image1.png)与![](2015-12/image2.jpeg)，再![](2015-12/image1.png)"
        );
        // A character like the marks', typed, stays.
        let typed = format!("{OPEN}1-0{CLOSE}");
        assert_eq!(place(&typed, &pictures, "x"), typed);
        let mut table = Table {
            title: Some(format!("{}二、重点工作推进情况（12月份）", mark(1))),
            outside: vec!["后记".into()],
            ..Table::default()
        };
        settle(&mut table);
        assert_eq!(
            table.title.as_deref(),
            Some("二、重点工作推进情况（12月份）")
        );
        assert_eq!(table.outside, [mark(1), "后记".into()]);
    }

    #[test]
    fn extensions_are_plain_or_sniffed() {
        assert_eq!(extension("media/image1.PNG", b""), "png");
        assert_eq!(extension("media/../x", b"\xFF\xD8\xFF\xE0"), "jpg");
        assert_eq!(extension("media/a.p/ng", b"GIF89a"), "gif");
        assert_eq!(extension("media/image1.抽象", b"??"), "bin");
        // A name that is not a picture's is not believed.
        assert_eq!(extension("media/image1.xsd", b"<html"), "bin");
        assert_eq!(extension("media/image1.html", b"\x89PNG"), "png");
    }
}
