//! `reportal import` of every office format and of whole folders: the
//! seed as the office keeps it (`.docx`, and `.doc`, `.wps`, `.rtf`, `.odt`
//! made from it by LibreOffice) comes in as its text export does; a folder
//! of several units' files goes each to its unit and month; two files for
//! one report, LibreOffice missing or hanging, each said plainly.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};

use crate::common::{self, Site};

const SEED: &str = include_str!("../fixtures/seed-2015-12.txt");

const SITE_YAML: &str = "units:
  - { id: gd, name: 团省委 }
  - { id: gz, name: 广州团市委, aliases: [广州] }
  - { id: sz, name: 深圳团市委, aliases: [深圳] }
";

/// The seed's title and rows (each cell its paragraphs), read from its
/// text export as Word writes it (see src/import/text.rs).
fn seed_rows(export: &str) -> (String, Vec<Vec<Vec<String>>>) {
    let mut lines = export.lines();
    let title = lines.next().expect("title").trim().to_string();
    let mut rows: Vec<Vec<Vec<String>>> = Vec::new();
    let mut row: Vec<Vec<String>> = Vec::new();
    for line in lines {
        if !line.contains('\t') && line.trim().is_empty() {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            continue;
        }
        let lead = line.trim_start_matches(' ');
        if let Some(cell) = lead.strip_prefix('\t') {
            let cell = cell.trim();
            row.push(
                (!cell.is_empty())
                    .then(|| cell.to_string())
                    .into_iter()
                    .collect(),
            );
        } else {
            let last = match row.last_mut() {
                Some(cell) => cell,
                None => rows.last_mut().and_then(|r| r.last_mut()).expect("a cell"),
            };
            last.push(line.trim().to_string());
        }
    }
    if !row.is_empty() {
        rows.push(row);
    }
    // A blank line Word wrote between two cells of one row.
    let mut joined: Vec<Vec<Vec<String>>> = Vec::new();
    for row in rows {
        match joined.last_mut() {
            Some(last) if last.len() < 4 && last.len() + row.len() <= 4 => last.extend(row),
            _ => joined.push(row),
        }
    }
    (title, joined)
}

/// A `.docx` as the office's: the title paragraph, then the table, one
/// paragraph per line of each cell.
fn office_docx(title: &str, rows: &[Vec<Vec<String>>]) -> Vec<u8> {
    let paragraph = |text: &str| Paragraph::new().add_run(Run::new().add_text(text));
    let table = Table::new(
        rows.iter()
            .map(|row| {
                TableRow::new(
                    row.iter()
                        .map(|cell| {
                            let cell = if cell.is_empty() {
                                vec![String::new()]
                            } else {
                                cell.clone()
                            };
                            cell.iter()
                                .fold(TableCell::new(), |c, p| c.add_paragraph(paragraph(p)))
                        })
                        .collect(),
                )
            })
            .collect(),
    )
    // Word always writes the columns' grid; LibreOffice needs it to see
    // a table at all.
    .set_grid(vec![700, 1800, 3800, 2700]);
    let mut bytes = std::io::Cursor::new(Vec::new());
    Docx::new()
        .add_paragraph(paragraph(title))
        .add_table(table)
        .build()
        .pack(&mut bytes)
        .expect("pack docx");
    bytes.into_inner()
}

/// A small report's `.docx`: `title`, the header, one area.
fn small_docx(title: &str, progress: &str) -> Vec<u8> {
    let cells = |texts: &[&str]| texts.iter().map(|t| vec![t.to_string()]).collect();
    office_docx(
        title,
        &[
            cells(&["序号", "重点工作", "本月份推进情况", "下一步推进计划"]),
            cells(&["1", "团的制度建设", progress, "继续推进"]),
        ],
    )
}

/// Whether LibreOffice is here; under CI it must be.
fn soffice() -> bool {
    let found = Command::new("sh")
        .args(["-c", "command -v soffice"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "soffice missing under CI: .ci/run must install libreoffice-writer-nogui"
        );
        eprintln!("skipped: install libreoffice-writer-nogui to run this test");
    }
    found
}

/// `source` (a `.docx`) saved by LibreOffice as each of `formats` (`doc`,
/// `rtf`, `odt`), into `dir`: the files' paths, in that order. The `.doc`
/// is saved from the `.odt`: LibreOffice 7.4 writes a `.doc` straight
/// from a `.docx` with every table flattened into one paragraph (its own
/// import reads no table back, whatever wrote the `.docx`).
fn saved_as(source: &Path, formats: &[&str], dir: &Path) -> Vec<PathBuf> {
    let profile = tempfile::tempdir().expect("profile dir");
    let url = format!("-env:UserInstallation=file://{}", profile.path().display());
    let convert = |from: &Path, format: &str, into: &Path| {
        let status = Command::new("soffice")
            .args(["--headless", &url, "--convert-to", format, "--outdir"])
            .arg(into)
            .arg(from)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .expect("run soffice");
        assert!(status.success(), "soffice --convert-to {format}");
        let made = into
            .join(from.file_stem().expect("stem"))
            .with_extension(format);
        assert!(made.is_file(), "{} not made", made.display());
        made
    };
    let between = tempfile::tempdir().expect("temp dir");
    formats
        .iter()
        .map(|&format| {
            if format == "doc" {
                let odt = convert(source, "odt", between.path());
                convert(&odt, format, dir)
            } else {
                convert(source, format, dir)
            }
        })
        .collect()
}

/// `reportal import --root <site> args…` with `env` set (a value of `None`
/// removes the variable).
fn import_with(site: &Site, args: &[&str], env: &[(&str, Option<&str>)]) -> common::Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_reportal"));
    command.env("REPORTAL_LANG", "en");
    command
        .args(["import", "--root"])
        .arg(site.root())
        .args(args)
        .env("NO_COLOR", "1");
    for (key, value) in env {
        match value {
            Some(value) => command.env(key, value),
            None => command.env_remove(key),
        };
    }
    command.output().expect("run reportal").into()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn report(site: &Site, rel: &str) -> String {
    std::fs::read_to_string(site.root().join(rel))
        .unwrap_or_else(|e| panic!("{rel} not written: {e}"))
}

/// Every non-space character of the seed's cells (the header aside), in
/// order, each paragraph without its leading list number.
fn cell_characters(rows: &[Vec<Vec<String>>]) -> String {
    rows.iter()
        .skip(1)
        .flatten()
        .flatten()
        .map(|p| without_number(p))
        .collect::<String>()
        .split_whitespace()
        .collect()
}

fn without_number(text: &str) -> &str {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = &text[digits..];
    match rest.chars().next() {
        Some(c @ ('.' | '、' | '）' | ')')) if digits > 0 => &rest[c.len_utf8()..],
        _ => text,
    }
}

fn in_order(wanted: &str, text: &str) -> Result<(), String> {
    let mut rest = text.chars();
    for (i, c) in wanted.chars().enumerate() {
        if !rest.any(|t| t == c) {
            let next: String = wanted.chars().skip(i).take(20).collect();
            return Err(format!("character {i} ({c}) missing: …{next}"));
        }
    }
    Ok(())
}

/// The seed as the office keeps it, in every format, imports as its text
/// export does: the same report file, byte for byte; and its page shows
/// every character of every cell in order.
#[test]
fn the_seed_imports_alike_from_text_docx_doc_wps_rtf_and_odt() {
    if !soffice() {
        return;
    }
    let (title, rows) = seed_rows(SEED);
    assert_eq!(rows.len(), 13, "header and twelve areas");
    assert!(rows.iter().all(|r| r.len() == 4));
    let files = tempfile::tempdir().expect("temp dir");
    let docx = files.path().join("团省委2015年12月.docx");
    std::fs::write(&docx, office_docx(&title, &rows)).expect("write docx");
    let mut documents = vec![docx.clone()];
    documents.extend(saved_as(&docx, &["doc", "rtf", "odt"], files.path()));
    let wps = files.path().join("团省委2015年12月.wps");
    std::fs::copy(&documents[1], &wps).expect("copy .doc as .wps");
    documents.push(wps);

    let text = Site::new(&[("site.yaml", SITE_YAML), ("团省委2015年12月.txt", SEED)]);
    let run = text.run("import", &[path(&text.root().join("团省委2015年12月.txt"))]);
    assert!(run.ok, "{run}");
    let expected = report(&text, "content/gd/2015-12.md");
    for document in &documents {
        let site = Site::new(&[("site.yaml", SITE_YAML)]);
        let run = site.run("import", &[path(document)]);
        assert!(run.ok, "{}: {run}", document.display());
        let got = report(&site, "content/gd/2015-12.md");
        assert_eq!(
            got,
            expected,
            "{} differs from the text import",
            document.display()
        );
    }
    text.built();
    let page = text.page("months/2015-12/index.html");
    let shown: String = page
        .texts("article.report")
        .concat()
        .split_whitespace()
        .collect();
    in_order(&cell_characters(&rows), &shown).expect("every cell's text on the page");
}

/// A folder with several units' files, in every format and a subfolder,
/// beside a lock file, a hidden file and a PDF: each document to its unit
/// (by name or alias in the file name) and month; the rest named as
/// skipped.
#[test]
fn a_folder_of_several_units_files_imports_each_to_its_unit_and_month() {
    let office = soffice();
    let site = Site::new(&[("site.yaml", SITE_YAML)]);
    let inbox = site.root().join("inbox");
    std::fs::create_dir_all(inbox.join("2015")).expect("mkdir");
    let put = |name: &str, bytes: &[u8]| std::fs::write(inbox.join(name), bytes).expect("write");
    put(
        "广州团市委2015年12月.docx",
        &small_docx("二、重点工作推进情况（12月份）", "广州的进展"),
    );
    put("~$广州团市委2015年12月.docx", b"lock");
    put(".DS_Store", b"x");
    put("说明.pdf", b"%PDF-1.4");
    let shenzhen = small_docx("二、重点工作推进情况（11月份）", "深圳的进展");
    if office {
        let made = tempfile::tempdir().expect("temp dir");
        let source = made.path().join("sz.docx");
        std::fs::write(&source, &shenzhen).expect("write");
        let doc = saved_as(&source, &["doc"], made.path());
        std::fs::copy(&doc[0], inbox.join("深圳2015年11月.doc")).expect("copy");
    } else {
        put("深圳2015年11月.docx", &shenzhen);
    }
    let export = SEED.replacen("（12月份）", "", 1);
    put("2015/团省委201510.txt", export.as_bytes());

    let run = site.run("import", &[path(&inbox)]);
    assert!(run.ok, "{run}");
    for (rel, month, text) in [
        ("content/gz/2015-12.md", "month: 2015-12", "广州的进展"),
        ("content/sz/2015-11.md", "month: 2015-11", "深圳的进展"),
        ("content/gd/2015-10.md", "month: 2015-10", "团的制度建设"),
    ] {
        let written = report(&site, rel);
        assert!(
            written.contains(month) && written.contains(text),
            "{rel}:\n{written}"
        );
    }
    assert!(run.stderr.contains("imported 3 of 3 documents"), "{run}");
    for (skipped, why) in [
        ("~$广州团市委2015年12月.docx", "lock file"),
        (".DS_Store", "hidden"),
        ("说明.pdf", "not a report document"),
    ] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(skipped))
            .unwrap_or_else(|| panic!("{skipped} not named: {run}"));
        assert!(line.contains(why), "{line}");
    }
    site.built();
    let grid = site.page("months/2015-12/index.html");
    assert!(
        grid.count("#report-gz") == 1,
        "广州's report on its month page"
    );
}

/// Two documents that make the same report (one unit, one month) are
/// both refused, each naming the other; the rest of the folder is still
/// imported, and the run fails.
#[test]
fn two_documents_for_one_report_are_both_refused_naming_each_other() {
    let site = Site::new(&[("site.yaml", SITE_YAML)]);
    let inbox = site.root().join("inbox");
    std::fs::create_dir_all(&inbox).expect("mkdir");
    let first = inbox.join("广州团市委2015年12月.docx");
    let second = inbox.join("广州 2015-12 修改稿.docx");
    let other = inbox.join("深圳201512.docx");
    for (file, progress) in [(&first, "初稿"), (&second, "修改稿"), (&other, "深圳")] {
        std::fs::write(file, small_docx("重点工作推进情况", progress)).expect("write");
    }
    let run = site.run("import", &[path(&inbox)]);
    assert!(!run.ok, "{run}");
    for (file, names) in [(&first, &second), (&second, &first)] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("error: {}:", file.display())))
            .unwrap_or_else(|| panic!("{} not named: {run}", file.display()));
        let named = names.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            line.contains(named) && line.contains("same unit and month"),
            "{line}"
        );
    }
    assert!(!site.root().join("content/gz/2015-12.md").exists());
    assert!(report(&site, "content/sz/2015-12.md").contains("深圳"));
    assert!(run.stderr.contains("imported 1 of 3 documents"), "{run}");
}

/// Without LibreOffice, each office format is refused with its file, its
/// format and how to get LibreOffice, never as "not text".
#[test]
fn without_libreoffice_office_files_name_their_format_and_how_to_install_it() {
    let site = Site::new(&[("site.yaml", SITE_YAML)]);
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 a Word 97 file".as_slice();
    let files = [
        ("深圳2015年11月.doc", ole, "Word 97-2003"),
        ("深圳2015年10月.wps", ole, "WPS"),
        (
            "深圳2015年9月.rtf",
            b"{\\rtf1\\ansi x}".as_slice(),
            "Rich Text",
        ),
        (
            "深圳2015年8月.odt",
            b"PK\x03\x04".as_slice(),
            "OpenDocument",
        ),
    ];
    let mut args = Vec::new();
    for (name, bytes, _) in &files {
        site.write(name, bytes);
        args.push(site.root().join(name));
    }
    let args: Vec<&str> = args.iter().map(|p| path(p)).collect();
    for env in [
        [
            ("REPORTAL_SOFFICE", Some("/nonexistent/soffice")),
            ("PATH", Some("")),
        ],
        [("REPORTAL_SOFFICE", None), ("PATH", Some(""))],
    ] {
        let run = import_with(&site, &args, &env);
        assert!(!run.ok, "{run}");
        for (name, _, format) in &files {
            let line = run
                .stderr
                .lines()
                .find(|l| l.contains(name))
                .unwrap_or_else(|| panic!("{name} not named: {run}"));
            for wanted in [
                format,
                &"LibreOffice",
                &"libreoffice-writer-nogui",
                &".docx",
            ] {
                assert!(line.contains(wanted), "{wanted} missing: {line}");
            }
        }
        assert!(!run.stderr.contains("neither UTF-8"), "{run}");
    }
}

/// A fake `soffice` (a shell script) that writes what it was given and,
/// as `behaviour` says, makes a `.docx` from `$FAKE_DOCX`, hangs, or
/// fails.
#[cfg(unix)]
fn fake_soffice(dir: &Path, behaviour: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("soffice");
    let body = format!(
        r#"#!/bin/sh
printf '%s\n' "$@" > "$FAKE_ARGS"
out=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; fi
  last="$1"
  shift
done
{behaviour}
"#
    );
    std::fs::write(&script, body).expect("write script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script
}

/// The conversion runs in a private temp folder, on a copy under a plain
/// name, with its own profile; the folder is gone afterwards. A hostile
/// file name reaches LibreOffice as nothing but `document.rtf`.
#[cfg(unix)]
#[test]
fn libreoffice_sees_a_plain_copy_in_a_private_folder_that_is_then_removed() {
    let site = Site::new(&[("site.yaml", SITE_YAML)]);
    let work = tempfile::tempdir().expect("temp dir");
    let tmp = work.path().join("tmp");
    std::fs::create_dir(&tmp).expect("mkdir");
    let docx = work.path().join("made.docx");
    std::fs::write(&docx, small_docx("（12月份）", "转换得来")).expect("write");
    let soffice = fake_soffice(
        work.path(),
        r#"mkdir -p "$out" && cp "$FAKE_DOCX" "$out/document.docx""#,
    );
    let hostile = "--outdir=; rm -rf $(echo x) 深圳2015年12月.rtf";
    site.write(hostile, b"{\\rtf1 x}");
    let args_file = work.path().join("args");
    let run = import_with(
        &site,
        &[path(&site.root().join(hostile))],
        &[
            ("REPORTAL_SOFFICE", Some(path(&soffice))),
            ("TMPDIR", Some(path(&tmp))),
            ("FAKE_DOCX", Some(path(&docx))),
            ("FAKE_ARGS", Some(path(&args_file))),
        ],
    );
    assert!(run.ok, "{run}");
    assert!(report(&site, "content/sz/2015-12.md").contains("转换得来"));
    let args = std::fs::read_to_string(&args_file).expect("args written");
    let args: Vec<&str> = args.lines().collect();
    assert_eq!(args[0], "--headless", "{args:?}");
    let profile = args[1]
        .strip_prefix("-env:UserInstallation=file://")
        .expect("a profile of its own");
    assert!(profile.starts_with(path(&tmp)), "{profile}");
    let input = Path::new(args.last().expect("input"));
    assert_eq!(
        input.file_name().and_then(|n| n.to_str()),
        Some("document.rtf")
    );
    assert!(input.starts_with(&tmp), "{}", input.display());
    let left: Vec<_> = std::fs::read_dir(&tmp).expect("read tmp").collect();
    assert!(left.is_empty(), "temp folder left behind: {left:?}");

    // LibreOffice that makes nothing: its words, and the usual cause.
    let failing = fake_soffice(
        work.path(),
        "echo 'Error: source file could not be loaded' >&2",
    );
    let run = import_with(
        &site,
        &[path(&site.root().join(hostile)), "--force"],
        &[
            ("REPORTAL_SOFFICE", Some(path(&failing))),
            ("TMPDIR", Some(path(&tmp))),
            ("FAKE_ARGS", Some(path(&args_file))),
        ],
    );
    assert!(!run.ok, "{run}");
    assert!(
        run.stderr.contains("source file could not be loaded") && run.stderr.contains("password"),
        "{run}"
    );
    assert!(std::fs::read_dir(&tmp).expect("read tmp").next().is_none());
}

/// A conversion that hangs is stopped at the time limit, with every
/// process LibreOffice started, and said so; its temp folder is removed.
#[cfg(target_os = "linux")]
#[test]
fn a_conversion_that_hangs_is_stopped_with_all_it_started() {
    let site = Site::new(&[("site.yaml", SITE_YAML)]);
    let work = tempfile::tempdir().expect("temp dir");
    let tmp = work.path().join("tmp");
    std::fs::create_dir(&tmp).expect("mkdir");
    let pid_file = work.path().join("pid");
    let soffice = fake_soffice(
        work.path(),
        &format!("sleep 300 &\necho $! > '{}'\nwait", pid_file.display()),
    );
    site.write("深圳2015年12月.rtf", b"{\\rtf1 x}");
    let started = Instant::now();
    let run = import_with(
        &site,
        &[path(&site.root().join("深圳2015年12月.rtf"))],
        &[
            ("REPORTAL_SOFFICE", Some(path(&soffice))),
            ("REPORTAL_SOFFICE_TIMEOUT", Some("1")),
            ("TMPDIR", Some(path(&tmp))),
            ("FAKE_ARGS", Some(path(&work.path().join("args")))),
        ],
    );
    assert!(started.elapsed() < Duration::from_secs(30), "not stopped");
    assert!(!run.ok, "{run}");
    assert!(
        run.stderr.contains("within 1 s") && run.stderr.contains("stopped"),
        "{run}"
    );
    let pid = std::fs::read_to_string(&pid_file).expect("the script ran");
    let proc = PathBuf::from(format!("/proc/{}/stat", pid.trim()));
    let deadline = Instant::now() + Duration::from_secs(10);
    // Gone, or a zombie waiting for init to reap it.
    while std::fs::read_to_string(&proc).is_ok_and(|stat| !stat.contains(") Z ")) {
        assert!(
            Instant::now() < deadline,
            "the process LibreOffice started still runs"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(std::fs::read_dir(&tmp).expect("read tmp").next().is_none());
}
