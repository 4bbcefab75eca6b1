//! The fuzz targets' corpus (`tests/fuzz_corpus/`, found by `fuzz/run.sh`)
//! replayed through the same entry points on stable, on every `cargo
//! test`: no input that once reached new code may panic.

use std::path::{Path, PathBuf};

use reportal::diagnostics::Problems;

#[path = "../../../fuzz/fuzz_targets/shared.rs"]
mod shared;

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("corpus entry").path())
        .collect();
    files.sort();
    // An empty or missing corpus would pass without checking anything.
    assert!(
        files.len() >= 10,
        "{}: only {} files",
        dir.display(),
        files.len()
    );
    files
}

/// Runs `check` on every file of the corpus, naming each that panics.
fn replay(target: &str, check: impl Fn(&[u8])) {
    let panicked: Vec<String> = corpus(target)
        .into_iter()
        .filter(|path| {
            let bytes = std::fs::read(path).expect("corpus file");
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(panicked.is_empty(), "panicked on: {panicked:#?}");
}

fn parse_report(bytes: &[u8]) -> Problems {
    let mut problems = Problems::default();
    reportal::parse_report(
        "content/gd/2015-12.md",
        bytes.to_vec(),
        shared::config(),
        &mut problems,
    );
    problems.render(false);
    problems
}

#[test]
fn the_report_corpus_parses_without_a_panic() {
    replay("report", |bytes| {
        parse_report(bytes);
    });
}

#[test]
fn the_import_corpus_converts_without_a_panic() {
    replay("import", |bytes| {
        let _ =
            reportal::import::convert(bytes, "2015-12.txt", &shared::config(), None, None, None);
    });
}

#[test]
fn the_docx_xml_corpus_converts_without_a_panic() {
    replay("docx_xml", |xml| {
        let _ = reportal::import::convert(
            &shared::docx(xml),
            "2015-12.docx",
            &shared::config(),
            None,
            None,
            None,
        );
    });
}

/// Found by `docx_xml`: a document.xml cut short inside an element made
/// docx-rs wait for the element's end forever (its readers ignore the
/// end of the document), and `import` hung.
#[test]
fn a_docx_cut_short_inside_an_element_is_refused_not_a_hang() {
    let site = crate::common::Site::new(&[]);
    let head = r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;
    let cut = format!("{head}<w:p><w:pPr><w:jc w:val=\"center\"/>");
    site.write("cut.docx", shared::docx(cut.as_bytes()));
    site.write(
        "ok.txt",
        "2015年12月\n\t序号\n\t重点工作\n\t本月份推进情况\n\t下一步推进计划\n\n\t1\n\t团的制度建设\n\t完成。\n\t继续。\n",
    );
    // Bounded: before the fix this never ended.
    let output = std::process::Command::new("timeout")
        .args([
            "60",
            env!("CARGO_BIN_EXE_reportal"),
            "import",
            "--month",
            "2015-12",
        ])
        .args(["--unit", "gd", "cut.docx", "ok.txt"])
        .current_dir(site.root())
        .env("REPORTAL_LANG", "en")
        .env("NO_COLOR", "1")
        .output()
        .expect("run reportal");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let line = stderr.lines().find(|l| l.contains("cut.docx"));
    assert!(
        line.is_some_and(|l| l.contains("cut short")),
        "cut.docx not refused with its reason:\n{stderr}"
    );
    assert!(
        site.root().join("content/gd/2015-12.md").is_file(),
        "{stderr}"
    );
}
