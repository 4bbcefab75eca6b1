//! The `.docx` file, packed by us: docx-rs's own packing stores every part
//! uncompressed and adds parts a report never uses (comments, their
//! extension, footnotes, numbering, custom properties, document
//! properties); here only the document, its styles, settings, font table
//! and footer go in, deflated, every entry dated 1980-01-01 so that two
//! builds of the same report are byte-identical.

use std::io::Write;
use std::sync::LazyLock;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// The document's relationships; `rIdFooter1` is the footer's id in the
/// document's section (`document::SECTION`).
const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// The fonts, with what stands in for them where they are missing
/// (docx-rs's font table is fixed): 宋体 is SimSun (GB2312 charset 86), a
/// serif, so Word, WPS and LibreOffice fall back to a Song-style face.
const FONT_TABLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#;

/// Deflate's fastest level for the document: on a report of the 6,000-report
/// bench (49 KB of XML), level 1 gives 10.5 KB in 56 µs, level 2 8.4 KB in
/// 106 µs, level 6 6.8 KB in 326 µs; the Word files were a quarter of the
/// build's time, their compression half of that.
const LEVEL: i64 = 1;

/// The parts every document shares, deflated once: the first three go
/// before the document, the others after it. Raw-copied into each file,
/// they cost no compressor (zlib-rs zeroes a new one's tables: a fifth of
/// the Word files' time when each part had its own).
static SHARED_PARTS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let shared = &*super::document::SHARED;
    let parts: [(&str, &[u8]); 7] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/styles.xml", &shared.styles),
        ("word/settings.xml", &shared.settings),
        ("word/fontTable.xml", FONT_TABLE.as_bytes()),
        ("word/footer1.xml", &shared.footer),
    ];
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = options().compression_level(Some(9));
    for (name, bytes) in parts {
        // Writing to memory fails only when memory does.
        let _ = zip.start_file(name, options);
        let _ = zip.write_all(bytes);
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .unwrap_or_default()
});

/// Parts of `SHARED_PARTS` that go before the document.
const BEFORE_DOCUMENT: usize = 3;

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
}

/// The `.docx` file of `document` (`word/document.xml`).
pub fn pack(document: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    let mut shared = ZipArchive::new(std::io::Cursor::new(SHARED_PARTS.as_slice()))?;
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(
        document.len() / 3 + SHARED_PARTS.len() + 1024,
    )));
    for i in 0..BEFORE_DOCUMENT {
        zip.raw_copy_file(shared.by_index_raw(i)?)?;
    }
    zip.start_file(
        "word/document.xml",
        options().compression_level(Some(LEVEL)),
    )?;
    zip.write_all(document)?;
    for i in BEFORE_DOCUMENT..shared.len() {
        zip.raw_copy_file(shared.by_index_raw(i)?)?;
    }
    Ok(zip.finish()?.into_inner())
}
