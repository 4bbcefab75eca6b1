//! The `.docx` file: docx-rs's parts packed again, by us. docx-rs stores
//! every part uncompressed and adds parts a report never uses (comments,
//! their extension, footnotes, numbering, custom properties); here only
//! the document, its styles, settings, font table and footer go in,
//! deflated, every entry dated 1980-01-01 so that two builds of the same
//! report are byte-identical.

use std::io::Write;

use docx_rs::XMLDocx;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// The document's relationships; `rIdFooter1` is the id docx-rs gives
/// the footer in the document's section.
const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#;

/// The fonts, with what stands in for them where they are missing
/// (docx-rs's font table is fixed): 宋体 is SimSun (GB2312 charset 86), a
/// serif, so Word, WPS and LibreOffice fall back to a Song-style face.
const FONT_TABLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:font w:name="宋体"><w:altName w:val="SimSun"/><w:panose1 w:val="02010600030101010101"/><w:charset w:val="86"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#;

/// The `.docx` file of `xml`.
pub fn pack(xml: XMLDocx) -> zip::result::ZipResult<Vec<u8>> {
    let document = mark_header_rows(xml.document);
    let footer = xml.footers.into_iter().next().unwrap_or_default();
    let size = document.len() / 4 + 4096;
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(size)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default());
    let parts: [(&str, &[u8]); 8] = [
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", PACKAGE_RELS.as_bytes()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes()),
        ("word/document.xml", &document),
        ("word/styles.xml", &xml.styles),
        ("word/settings.xml", &xml.settings),
        ("word/fontTable.xml", FONT_TABLE.as_bytes()),
        ("word/footer1.xml", &footer),
    ];
    for (name, bytes) in parts {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// The header rows marked to repeat at the top of each page: docx-rs
/// (0.4.22) cannot write `<w:tblHeader/>`, so the writer makes the header
/// rows, and only them, `cantSplit`, and each gets `tblHeader` beside it.
pub fn mark_header_rows(document: Vec<u8>) -> Vec<u8> {
    const CANT_SPLIT: &str = "<w:cantSplit />";
    match String::from_utf8(document) {
        Ok(xml) if xml.contains(CANT_SPLIT) => xml
            .replace(CANT_SPLIT, "<w:cantSplit /><w:tblHeader />")
            .into_bytes(),
        Ok(xml) => xml.into_bytes(),
        Err(err) => err.into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_repeat() {
        let xml = b"<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr /></w:tr>".to_vec();
        assert_eq!(
            String::from_utf8(mark_header_rows(xml)).ok().as_deref(),
            Some(
                "<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr><w:tr><w:trPr /></w:tr>"
            )
        );
    }
}
