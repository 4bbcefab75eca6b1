//! What an import will read: a `.docx` is a zip of XML parts, and a small
//! damaged or hostile one can expand to gigabytes, nest tables a thousand
//! deep (docx-rs recurses and overflows the stack) or fail a checksum
//! (docx-rs unwraps its reads and panics). Each part is read here first,
//! through the zip crate and quick-xml, against limits far above any real
//! monthly report, before docx-rs is given the file.

use crate::msg;
use std::io::Read;

use super::ImportError;

/// The largest file `import` reads at all (a month's report, with its
/// pictures, is a few MB).
pub const FILE_BYTES: u64 = 64 << 20;
/// Parts in one document: Word writes a dozen, plus one per picture.
const PARTS: usize = 2_000;
/// The expanded size of all XML parts together: a long report's
/// document.xml is well under 1 MB.
const XML_BYTES: u64 = 4 << 20;
/// The expanded size of every part together (pictures included).
const ALL_BYTES: u64 = 128 << 20;
/// Elements in all XML parts, and of those the paragraphs, tables, rows
/// and cells: docx-rs holds each paragraph or cell in 3–5 KB and any
/// other element in about 1 KB (measured: see the commit adding this),
/// so these keep a document's memory to a few hundred MB. A 50-page
/// report has a few thousand paragraphs.
const ELEMENTS: usize = 250_000;
const BLOCKS: usize = 30_000;
/// The largest report an import writes: its text cannot be much larger
/// than the XML it came from.
pub const REPORT_BYTES: usize = 4 * XML_BYTES as usize;
/// Nesting of XML elements. A table in a table's cell is about six levels
/// deeper; Word documents rarely pass 30.
const DEPTH: usize = 100;

/// Reads every part of the `.docx` in `bytes`, refusing what is damaged
/// or beyond the limits above.
pub fn inspect(bytes: &[u8]) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::NotDocx(e.to_string()))?;
    if archive.len() > PARTS {
        return Err(ImportError::TooLarge(msg!(
            "import-too-many-parts",
            count = archive.len(),
            max = PARTS
        )));
    }
    let (mut all, mut xml) = (0u64, 0u64);
    let mut counts = Counts::default();
    let mut part = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| ImportError::Damaged(e.to_string()))?;
        let name = entry.name().to_string();
        // Read, not trusted from the header (the size a zip declares can
        // lie), and to the end, where the zip crate checks the checksum.
        let allowed = ALL_BYTES - all;
        part.clear();
        (&mut entry)
            .take(allowed + 1)
            .read_to_end(&mut part)
            .map_err(|e| ImportError::Damaged(format!("{name}: {e}")))?;
        let size = part.len() as u64;
        // docx-rs reads the parts the relations name, whatever their names
        // (`word/document.bin` too): every part is held to the XML limits
        // but pictures, fonts and embedded files, by their folder and
        // extension, that do not read as XML.
        let is_xml = !is_media(&name) || looks_like_xml(&part);
        let (what, limit, most) = if is_xml {
            ("import-text-expands", XML_BYTES - xml, XML_BYTES)
        } else {
            ("import-expands", allowed, ALL_BYTES)
        };
        if size > limit {
            return Err(ImportError::TooLarge(msg!(
                what,
                mb = most >> 20,
                part = &name
            )));
        }
        if is_xml {
            xml += size;
            check_xml(&name, &part, &mut counts)?;
        }
        all += size;
    }
    Ok(())
}

/// Parts Word stores as they are (pictures, fonts, embedded files).
fn is_media(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let binary = [
        ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".bin", ".odttf",
        ".ttf", ".wdp", ".jfif",
    ];
    [
        "word/media/",
        "word/embeddings/",
        "word/fonts/",
        "docprops/thumbnail",
    ]
    .iter()
    .any(|folder| lower.starts_with(folder))
        && binary.iter().any(|ext| lower.ends_with(ext))
}

/// Whether a part starts as XML does (after a BOM or white space).
fn looks_like_xml(part: &[u8]) -> bool {
    let part = part.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(part);
    part.iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// Elements counted so far, over all parts.
#[derive(Default)]
struct Counts {
    elements: usize,
    blocks: usize,
}

/// Refuses XML nested deeper than `DEPTH`, with more elements than the
/// limits, or not well formed (an element left open included).
fn check_xml(name: &str, xml: &[u8], counts: &mut Counts) -> Result<(), ImportError> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut depth = 0usize;
    let mut buf = Vec::new();
    loop {
        let element = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(start)) => {
                depth += 1;
                if depth > DEPTH {
                    return Err(ImportError::TooLarge(msg!(
                        "import-nests-deep",
                        part = name,
                        max = DEPTH
                    )));
                }
                Some(start.local_name().into_inner().to_vec())
            }
            Ok(Event::Empty(empty)) => Some(empty.local_name().into_inner().to_vec()),
            Ok(Event::End(_)) => {
                depth = depth.saturating_sub(1);
                None
            }
            // Cut short inside an element: quick-xml lets it pass, and
            // docx-rs's readers then wait for its end forever.
            Ok(Event::Eof) if depth > 0 => {
                return Err(ImportError::Damaged(msg!("import-cut-short", part = name)));
            }
            Ok(Event::Eof) => return Ok(()),
            Ok(_) => None,
            Err(e) => {
                return Err(ImportError::Damaged(msg!(
                    "import-bad-xml",
                    part = name,
                    error = e.to_string(),
                    byte = reader.error_position()
                )));
            }
        };
        if let Some(local) = element {
            counts.elements += 1;
            if matches!(local.as_slice(), b"p" | b"tbl" | b"tr" | b"tc") {
                counts.blocks += 1;
            }
            if counts.elements > ELEMENTS || counts.blocks > BLOCKS {
                return Err(ImportError::TooLarge(msg!(
                    "import-too-many-elements",
                    elements = ELEMENTS,
                    blocks = BLOCKS,
                    part = name
                )));
            }
        }
        buf.clear();
    }
}
