//! `reportal import` of damaged, hostile and enormous files: each file's
//! failure is named with its reason, the others are imported, nothing
//! panics and memory stays bounded.

use std::io::Write;
use std::path::Path;

use crate::common::{Run, Site, reportal_in};

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
const TAIL: &str = "</w:body></w:document>";

fn row(cells: [&str; 4]) -> String {
    cells
        .iter()
        .map(|c| format!("<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"))
        .fold("<w:tr>".to_string(), |row, cell| row + &cell)
        + "</w:tr>"
}

/// A report table as Word writes it (reduced to what matters), then `extra`.
fn body(extra: &str) -> String {
    format!(
        "<w:p><w:r><w:t>2015年12月重点工作推进情况</w:t></w:r></w:p><w:tbl>{}{}</w:tbl>{extra}",
        row(["序号", "重点工作", "本月份推进情况", "下一步推进计划"]),
        row(["1", "团的制度建设", "完成换届。", "继续推进。"]),
    )
}

/// A .docx whose document.xml is `body`, its parts compressed or stored.
fn docx(body: &str, method: zip::CompressionMethod) -> Vec<u8> {
    docx_with_main(body, method, "word/document.xml")
}

/// The same, its main part at `main` (the relations name it; docx-rs
/// reads it whatever its name ends in).
fn docx_with_main(body: &str, method: zip::CompressionMethod, main: &str) -> Vec<u8> {
    docx_with_main_bytes(format!("{HEAD}{body}{TAIL}").as_bytes(), method, main)
}

fn docx_with_main_bytes(xml: &[u8], method: zip::CompressionMethod, main: &str) -> Vec<u8> {
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#;
    // Where docx-rs looks for the main part's relations, and its type.
    let file = main.rsplit('/').next().unwrap_or(main);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let main_rels = format!("word/_rels/{stem}.xml.rels");
    let parts = [
        (
            "[Content_Types].xml",
            format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"{rels}<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{main}"/></Relationships>"#
            ),
        ),
        (main_rels.as_str(), format!("{rels}</Relationships>")),
        (main, String::new()),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        let bytes = if name == main { xml } else { text.as_bytes() };
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    bytes.into_inner()
}

fn deflated(body: &str) -> Vec<u8> {
    docx(body, zip::CompressionMethod::Deflated)
}

fn import(site: &Site, files: &[&str], extra: &[&str]) -> Run {
    let mut args = vec!["import", "--month", "2015-12"];
    args.extend_from_slice(files);
    args.extend_from_slice(extra);
    reportal_in(site.root(), &args)
}

/// The import ran to its end: no panic, no abort, no signal.
fn assert_ended_normally(run: &Run) {
    assert!(
        matches!(run.code, Some(0 | 1)) && !run.stderr.contains("panicked"),
        "import did not end normally:\n{run}"
    );
}

fn assert_named(run: &Run, file: &str, reason: &str) {
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains(file))
        .unwrap_or_else(|| panic!("{file} is not named:\n{run}"));
    assert!(line.contains(reason), "{file}: expected `{reason}`:\n{run}");
}

#[test]
fn damaged_files_are_named_and_the_others_are_imported() {
    let site = Site::new(&[]);
    // A stored part with one byte changed: its checksum no longer matches.
    let mut checksum = docx(&body(""), zip::CompressionMethod::Stored);
    let at = find(&checksum, "团的制度建设".as_bytes());
    checksum[at + 1] ^= 1;
    site.write("checksum.docx", &checksum);
    // A compressed part with its middle overwritten.
    let mut deflate = deflated(&body(&"<w:p><w:r><w:t>文字</w:t></w:r></w:p>".repeat(50)));
    let at = find(&deflate, b"word/document.xml") + 40;
    for byte in &mut deflate[at..at + 40] {
        *byte ^= 0x5a;
    }
    site.write("deflate.docx", &deflate);
    // Well formed, but docx-rs indexes an attribute that is not there.
    let unreadable = deflated(&body(
        "<w:p><w:pPr><w:numPr><w:ilvl/></w:numPr></w:pPr></w:p>",
    ));
    site.write("unreadable.docx", &unreadable);
    site.write("good.docx", deflated(&body("")));

    let run = import(
        &site,
        &[
            "checksum.docx",
            "deflate.docx",
            "unreadable.docx",
            "good.docx",
        ],
        &[],
    );
    assert_ended_normally(&run);
    assert_eq!(run.code, Some(1), "{run}");
    assert_named(&run, "checksum.docx", "checksum");
    assert_named(&run, "deflate.docx", "damaged");
    assert_named(&run, "unreadable.docx", "damaged");
    assert!(
        run.stderr
            .contains("imported 1 of 4 documents; 3 not imported"),
        "{run}"
    );
    let report = std::fs::read_to_string(site.root().join("content/2015-12.md"))
        .expect("the good file was not imported");
    assert!(report.contains("完成换届。"), "{report}");
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("needle")
}

fn nested_tables(depth: usize) -> String {
    "<w:tbl><w:tr><w:tc>".repeat(depth) + "<w:p/>" + &"</w:tc></w:tr></w:tbl>".repeat(depth)
}

#[test]
fn deeply_nested_tables_are_refused_not_a_stack_overflow() {
    let site = Site::new(&[]);
    let bytes = deflated(&body(&nested_tables(1_000)));
    assert!(bytes.len() < 4_000, "{} bytes", bytes.len());
    site.write("nested.docx", &bytes);
    site.write("few.docx", deflated(&body(&nested_tables(5))));
    // The same under another name: the limits follow what docx-rs reads.
    let renamed = docx_with_main(
        &body(&nested_tables(30_000)),
        zip::CompressionMethod::Deflated,
        "word/document.bin",
    );
    site.write("renamed.docx", &renamed);
    let run = import(&site, &["renamed.docx"], &[]);
    assert_ended_normally(&run);
    assert_named(&run, "renamed.docx", "levels deep");
    let run = import(&site, &["nested.docx"], &[]);
    assert_ended_normally(&run);
    assert_named(&run, "nested.docx", "levels deep");
    // Tables a few levels deep, as Word documents have them, still import.
    let run = import(&site, &["few.docx"], &[]);
    assert_eq!(run.code, Some(0), "{run}");
}

/// `import` run as `import` does, with its peak resident size in bytes:
/// wait4 gives that one child's (and what it waited for), not the largest
/// of every child this test binary has had (LibreOffice, run by other
/// tests, takes 200 MB and more).
// wait4 reaps the child; clippy cannot see it.
#[allow(clippy::zombie_processes)]
fn import_measured(site: &Site, files: &[&str]) -> (Run, u64) {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_reportal"))
        .env("REPORTAL_LANG", "en")
        .args(["import", "--month", "2015-12"])
        .args(files)
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run reportal");
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                pipe.read_to_end(&mut bytes).expect("read pipe");
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    let mut status = 0;
    // SAFETY: wait4 writes the status and the usage we pass, nothing else;
    // the child is ours and not yet waited for.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid);
        usage
    };
    let code = libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status));
    let run = Run {
        ok: code == Some(0),
        code,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    };
    (run, u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024)
}

#[test]
fn decompression_bombs_are_refused_with_memory_bounded() {
    let site = Site::new(&[]);
    // 30 MB of empty paragraphs in a file of tens of KB.
    let expands = deflated(&body(&"<w:p/>".repeat(5_000_000)));
    assert!(expands.len() < 200_000, "{} bytes", expands.len());
    site.write("expands.docx", &expands);
    // Under the size limit, but 600,000 paragraphs (docx-rs took 1.6 GB).
    let many = deflated(&body(&"<w:p/>".repeat(600_000)));
    site.write("many.docx", &many);
    // A text export larger than any report is not read into memory.
    let huge = std::fs::File::create(site.root().join("huge.txt")).unwrap();
    huge.set_len(65 << 20).unwrap();
    site.write("good.docx", deflated(&body("")));

    let (run, peak) = import_measured(
        &site,
        &["expands.docx", "many.docx", "huge.txt", "good.docx"],
    );
    assert_ended_normally(&run);
    assert_named(&run, "expands.docx", "expands to more than");
    assert_named(&run, "many.docx", "paragraphs");
    assert_named(&run, "huge.txt", "larger than");
    assert!(site.root().join("content/2015-12.md").is_file(), "{run}");
    assert!(peak < 300 << 20, "an import took {} MB", peak >> 20);
}

fn written_anywhere(dir: &Path) -> Vec<String> {
    crate::common::snapshot(dir).into_keys().collect()
}

#[test]
fn import_unit_must_be_a_name_not_a_path() {
    let outside = tempfile::tempdir().unwrap();
    let site = Site::new(&[]);
    site.write("good.docx", deflated(&body("")));
    let escape = format!("{}/x", outside.path().display());
    for unit in [
        escape.as_str(),
        "../../x",
        "..",
        "a/b",
        "a\\b",
        ".hidden",
        "",
        "#x",
        "x~",
        "CON",
        "com1.txt",
        "a.",
    ] {
        let run = import(&site, &["good.docx"], &["--unit", unit]);
        assert_eq!(run.code, Some(1), "--unit {unit:?} was accepted:\n{run}");
        assert!(run.stderr.contains("not a path"), "{run}");
    }
    assert!(written_anywhere(outside.path()).is_empty());
    assert!(
        !site.root().join("content").exists(),
        "something was written"
    );
    // A name is fine; so is a unit of site.yaml, by name (its id's folder).
    let run = import(&site, &["good.docx"], &["--unit", "广州"]);
    assert_eq!(run.code, Some(0), "{run}");
    assert!(site.root().join("content/广州/2015-12.md").is_file());
    site.write("site.yaml", "units:\n  - id: gz\n    name: 广州\n");
    let run = import(&site, &["good.docx"], &["--unit", "广州", "--force"]);
    assert_eq!(run.code, Some(0), "{run}");
    assert!(site.root().join("content/gz/2015-12.md").is_file());
    let run = import(&site, &["good.docx"], &["--unit", "深圳"]);
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        run.stderr.contains("no such unit") && run.stderr.contains("gz (广州)"),
        "{run}"
    );
}

#[test]
fn import_never_writes_through_a_link_out_of_the_site() {
    let outside = tempfile::tempdir().unwrap();
    let site = Site::new(&[]);
    site.write("good.docx", deflated(&body("")));
    std::fs::create_dir_all(site.root().join("content")).unwrap();
    std::os::unix::fs::symlink(outside.path(), site.root().join("content/gz")).unwrap();
    let run = import(&site, &["good.docx"], &["--unit", "gz"]);
    assert_eq!(run.code, Some(1), "{run}");
    assert!(
        written_anywhere(outside.path()).is_empty(),
        "written outside the site"
    );
    // A link at the report's own name, replaced with --force.
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, site.root().join("content/2015-12.md")).unwrap();
    let run = import(&site, &["good.docx"], &["--force"]);
    assert_eq!(run.code, Some(1), "{run}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
}
