//! The `.docx` file (a zip archive), written by us. docx-rs's own packing
//! stores every part uncompressed and adds parts a report never uses
//! (comments, their extension, footnotes, numbering, custom and document
//! properties): here only the document, its styles, settings, font table
//! and footer go in, deflated, every entry dated 1980-01-01, so two builds
//! of the same report are byte-identical.
//!
//! A document is deflated in segments, each on its own and ended on a
//! byte boundary (a sync flush), which laid end to end are one deflate
//! stream (as pigz does): a report's text is compressed once, for its own
//! file and for its month's, where the reports follow one another. The
//! parts every file shares are deflated once per process.

use std::sync::LazyLock;

use flate2::{Compress, Compression, FlushCompress, Status};

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

/// Deflate's fastest level for documents: on a report of the 6,000-report
/// bench (49 KB of XML), level 1 gives 10.5 KB in 56 µs, level 2 8.4 KB in
/// 106 µs, level 6 6.8 KB in 326 µs.
const LEVEL: u32 = 1;

/// Part of a document, deflated.
pub struct Segment {
    deflated: Vec<u8>,
    crc: crc32fast::Hasher,
    /// How long it is inflated.
    len: usize,
}

impl Segment {
    /// `text` as it is (in stored blocks): a report's title, the
    /// document's opening and close, too short to gain from deflating.
    /// `last`: it ends the document.
    pub fn stored(text: &[u8], last: bool) -> Segment {
        let mut crc = crc32fast::Hasher::new();
        crc.update(text);
        let mut deflated = Vec::with_capacity(text.len() + 16);
        let mut blocks: Vec<&[u8]> = text.chunks(usize::from(u16::MAX)).collect();
        if blocks.is_empty() {
            blocks.push(&[]);
        }
        let count = blocks.len();
        for (i, block) in blocks.into_iter().enumerate() {
            // On a byte boundary: BFINAL, BTYPE 00 (stored), padding; then
            // LEN and its complement.
            let final_block = last && i + 1 == count;
            deflated.push(u8::from(final_block));
            let len = u16::try_from(block.len()).unwrap_or(u16::MAX);
            deflated.extend_from_slice(&len.to_le_bytes());
            deflated.extend_from_slice(&(!len).to_le_bytes());
            deflated.extend_from_slice(block);
        }
        Segment {
            deflated,
            crc,
            len: text.len(),
        }
    }
}

/// Deflates the text of reports, a segment at a time.
pub struct Deflater(Compress);

impl Deflater {
    pub fn new() -> Deflater {
        Deflater(Compress::new(Compression::new(LEVEL), false))
    }

    /// `text` deflated as a segment others follow.
    pub fn segment(&mut self, text: &[u8]) -> Segment {
        let mut crc = crc32fast::Hasher::new();
        crc.update(text);
        Segment {
            deflated: deflate(&mut self.0, text, FlushCompress::Sync),
            crc,
            len: text.len(),
        }
    }
}

/// `text` deflated by `compress`, anew (nothing before it referred to),
/// ended by `flush`: `Sync` leaves the stream open on a byte boundary,
/// `Finish` closes it.
fn deflate(compress: &mut Compress, text: &[u8], flush: FlushCompress) -> Vec<u8> {
    compress.reset();
    let mut out = Vec::with_capacity(text.len() / 3 + 64);
    loop {
        // Never full: whatever is left over is the next call's.
        if out.capacity() - out.len() < 64 {
            out.reserve(out.capacity().max(256));
        }
        let read = usize::try_from(compress.total_in()).unwrap_or(usize::MAX);
        let before = out.len();
        let status = compress.compress_vec(text.get(read..).unwrap_or_default(), &mut out, flush);
        let all_read = usize::try_from(compress.total_in()).unwrap_or(usize::MAX) >= text.len();
        match status {
            Ok(Status::StreamEnd) => return out,
            // A sync flush is done when, all read, room was left over.
            Ok(_)
                if all_read
                    && matches!(flush, FlushCompress::Sync)
                    && out.len() < out.capacity() =>
            {
                return out;
            }
            Ok(Status::Ok) => {}
            // No progress possible: what there is (never seen; an error
            // of zlib-rs would leave the part short, not the build failed).
            Ok(Status::BufError) | Err(_) if out.len() == before => return out,
            Ok(Status::BufError) | Err(_) => {}
        }
    }
}

/// A part of every file: its name, deflated bytes, CRC-32 and length.
struct SharedPart {
    name: &'static str,
    deflated: Vec<u8>,
    crc: u32,
    len: u32,
}

/// The parts every file shares, deflated once: the first three go before
/// the document, the others after it.
static SHARED_PARTS: LazyLock<Vec<SharedPart>> = LazyLock::new(|| {
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
    let mut compress = Compress::new(Compression::best(), false);
    parts
        .into_iter()
        .map(|(name, bytes)| SharedPart {
            name,
            deflated: deflate(&mut compress, bytes, FlushCompress::Finish),
            crc: crc32fast::hash(bytes),
            len: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
        })
        .collect()
});

/// Parts of `SHARED_PARTS` that go before the document.
const BEFORE_DOCUMENT: usize = 3;

/// The `.docx` file whose `word/document.xml` is `segments` in order (the
/// last one `last`). `None` past the 4 GB of a plain zip.
pub fn pack(segments: &[&Segment]) -> Option<Vec<u8>> {
    let mut crc = crc32fast::Hasher::new();
    let (mut deflated_len, mut len) = (0, 0);
    for segment in segments {
        crc.combine(&segment.crc);
        deflated_len += segment.deflated.len();
        len += segment.len;
    }
    let document = SharedPart {
        name: "word/document.xml",
        deflated: Vec::new(),
        len: u32::try_from(len).ok()?,
        crc: crc.finalize(),
    };
    let shared = &*SHARED_PARTS;
    let size = deflated_len + shared.iter().map(|p| p.deflated.len() + 128).sum::<usize>() + 256;
    let mut zip = Zip {
        out: Vec::with_capacity(size),
        central: Vec::with_capacity(1024),
        entries: 0,
    };
    for part in &shared[..BEFORE_DOCUMENT] {
        zip.entry(part, &[&part.deflated])?;
    }
    let bytes: Vec<&[u8]> = segments.iter().map(|s| s.deflated.as_slice()).collect();
    zip.entry(&document, &bytes)?;
    for part in &shared[BEFORE_DOCUMENT..] {
        zip.entry(part, &[&part.deflated])?;
    }
    zip.finish()
}

/// A zip archive being written: its entries, then the central directory.
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00 in MS-DOS date and time: no build's clock in the file.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;

impl Zip {
    /// An entry `part` whose deflated bytes are `deflated`, in order.
    fn entry(&mut self, part: &SharedPart, deflated: &[&[u8]]) -> Option<()> {
        let offset = u32::try_from(self.out.len()).ok()?;
        let size = u32::try_from(deflated.iter().map(|d| d.len()).sum::<usize>()).ok()?;
        let name = part.name.as_bytes();
        let name_len = u16::try_from(name.len()).ok()?;
        // Version 2.0, no flags, deflated.
        let common = |out: &mut Vec<u8>| {
            for half in [20u16, 0, 8, DOS_TIME, DOS_DATE] {
                out.extend_from_slice(&half.to_le_bytes());
            }
            for word in [part.crc, size, part.len] {
                out.extend_from_slice(&word.to_le_bytes());
            }
            out.extend_from_slice(&name_len.to_le_bytes());
        };
        self.out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        common(&mut self.out);
        self.out.extend_from_slice(&0u16.to_le_bytes()); // no extra field
        self.out.extend_from_slice(name);
        for bytes in deflated {
            self.out.extend_from_slice(bytes);
        }
        self.central
            .extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        self.central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS
        common(&mut self.central);
        // No extra field or comment, disk 0, no attributes.
        self.central.extend_from_slice(&[0; 12]);
        self.central.extend_from_slice(&offset.to_le_bytes());
        self.central.extend_from_slice(name);
        self.entries += 1;
        Some(())
    }

    fn finish(mut self) -> Option<Vec<u8>> {
        let offset = u32::try_from(self.out.len()).ok()?;
        let size = u32::try_from(self.central.len()).ok()?;
        self.out.append(&mut self.central);
        self.out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        self.out.extend_from_slice(&[0; 4]); // disk 0, directory on disk 0
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&self.entries.to_le_bytes());
        self.out.extend_from_slice(&size.to_le_bytes());
        self.out.extend_from_slice(&offset.to_le_bytes());
        self.out.extend_from_slice(&0u16.to_le_bytes()); // no comment
        Some(self.out)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    #[test]
    fn segments_laid_end_to_end_are_one_document() {
        let mut deflater = Deflater::new();
        let body = b"<w:p>text</w:p>".repeat(5000);
        let texts: [&[u8]; 3] = [b"<w:document>", &body, b"</w:document>"];
        let a = Segment::stored(texts[0], false);
        let b = deflater.segment(texts[1]);
        let c = Segment::stored(texts[2], true);
        let file = pack(&[&a, &b, &c]).expect("packed");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(file)).expect("a zip file");
        let names: Vec<&str> = zip.file_names().collect();
        assert_eq!(names.len(), 8);
        let mut document = Vec::new();
        zip.by_name("word/document.xml")
            .expect("document")
            .read_to_end(&mut document)
            .expect("inflates, CRC checked");
        assert_eq!(document, texts.concat());
        // Stored blocks hold at most 64 KB each.
        let long = Segment::stored(&body, true);
        let file = pack(&[&long]).expect("packed");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(file)).expect("a zip file");
        let mut document = Vec::new();
        zip.by_name("word/document.xml")
            .expect("document")
            .read_to_end(&mut document)
            .expect("inflates");
        assert_eq!(document, body);
        let mut styles = String::new();
        zip.by_name("word/styles.xml")
            .expect("styles")
            .read_to_string(&mut styles)
            .expect("inflates");
        assert!(styles.contains("宋体"));
    }
}
