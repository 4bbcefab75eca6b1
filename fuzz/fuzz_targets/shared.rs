//! What the fuzz targets and the replay of their corpus in
//! `tests/suite/hostile/fuzz.rs` share: the site they read inputs for, and the
//! .docx around a fuzzed document.xml.

use reportal::config::{AreaConfig, MetricConfig, SiteConfig, UnitConfig};

/// A small site, with units, areas with aliases and metrics, so the
/// paths that match them are reached.
pub fn config() -> SiteConfig {
    let unit = |id: &str, name: &str| UnitConfig {
        id: id.into(),
        name: name.into(),
        aliases: Vec::new(),
        since: None,
        until: None,
    };
    let area = |id: &str, name: &str, alias: &str| AreaConfig {
        id: id.into(),
        name: name.into(),
        aliases: vec![alias.into()],
    };
    SiteConfig {
        units: vec![unit("gd", "广东团省委"), unit("gz", "广州团市委")],
        areas: vec![
            area("zhidu", "团的制度建设", "制度建设"),
            area("zhiyuan", "志愿服务重点工作", "志愿服务工作"),
        ],
        metrics: vec![MetricConfig {
            id: "volunteers".into(),
            name: "注册志愿者".into(),
            unit: Some("人".into()),
            higher_is_better: true,
        }],
        ..SiteConfig::default()
    }
}

/// A .docx whose document.xml is `xml`: its parts stored, with the
/// checksums right, so the fuzzer's changes reach the XML readers (a
/// changed byte in a zip it was given fails the zip's checksum first).
/// Only the docx_xml target uses it; each target compiles this module.
#[allow(dead_code)]
pub fn docx(xml: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#;
    let parts: [(&str, &[u8]); 4] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            &[rels, r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#].concat().into_bytes(),
        ),
        ("word/_rels/document.xml.rels", &[rels, "</Relationships>"].concat().into_bytes()),
        ("word/document.xml", xml),
    ];
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, part) in parts {
        zip.start_file(name, options).expect("a zip in memory");
        zip.write_all(part).expect("a zip in memory");
    }
    zip.finish().expect("a zip in memory");
    bytes.into_inner()
}
