//! `reportal import`: every document the files and folders name is read
//! and made a report; none is written while another of the run makes the
//! same report; then the others are written, and a summary says what was
//! imported, what was not and why, and what was passed over.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reportal::diagnostics::Problems;
use reportal::import::{ImportError, ImportOptions, Prepared, batch, office, prepare, write};
use reportal::model::Month;

/// The reports one run holds before writing: far beyond any archive.
const HELD_BYTES: usize = 1 << 30;

pub fn run(
    files: &[PathBuf],
    month: Option<&str>,
    year: Option<u16>,
    unit: Option<String>,
    root: PathBuf,
    force: bool,
) -> ExitCode {
    let month = match month.map(|m| Month::parse(m).ok_or(m)).transpose() {
        Ok(month) => month,
        Err(bad) => {
            eprintln!("error: --month {bad}: expected YYYY-MM, for example 2015-12");
            return ExitCode::FAILURE;
        }
    };
    let mut problems = Problems::default();
    let Some(config) = reportal::load::read_config(&root, &mut problems) else {
        eprint!("{}", problems.render(false));
        return ExitCode::FAILURE;
    };
    let options = ImportOptions {
        root,
        month,
        year,
        unit,
        force,
    };
    let inputs = batch::collect(files);
    let total = inputs.documents.len();
    if total > 1 {
        eprintln!("reading {total} documents");
    }
    // Each document read and made a report (with its place in the run),
    // or why not.
    let mut made: Vec<(PathBuf, Prepared)> = Vec::new();
    let mut places: Vec<usize> = Vec::new();
    let mut failed: Vec<(usize, PathBuf, String)> = Vec::new();
    let mut converter = office::Converter::new();
    let mut held = 0usize;
    for (place, path) in inputs.documents.iter().enumerate() {
        match prepare(path, &config, &options, &mut converter) {
            Ok(document) if held + document.converted.text.len() > HELD_BYTES => {
                let err = ImportError::TooLarge(format!(
                    "this import already holds {} MB of reports: import the rest in another run",
                    HELD_BYTES >> 20
                ));
                failed.push((place, path.clone(), err.to_string()));
            }
            Ok(document) => {
                held += document.converted.text.len();
                made.push((path.clone(), document));
                places.push(place);
            }
            Err(err) => failed.push((place, path.clone(), err.to_string())),
        }
    }
    // LibreOffice's folder goes now, whatever follows.
    drop(converter);
    let mut refused = batch::duplicates(&made);
    let mut imported = 0;
    for (index, ((path, document), place)) in made.into_iter().zip(places).enumerate() {
        if let Some(err) = refused.remove(&index) {
            failed.push((place, path, err.to_string()));
            continue;
        }
        match write(document, &options) {
            Ok(done) => {
                imported += 1;
                for warning in &done.warnings {
                    eprintln!("warning: {}: {warning}", path.display());
                }
                println!("{} → {}", path.display(), shown(&done.written));
            }
            Err(err) => failed.push((place, path, err.to_string())),
        }
    }
    failed.sort_by_key(|(index, _, _)| *index);
    summary(&inputs, imported, &failed)
}

/// What was imported, not imported and passed over; failure if anything
/// named could not be imported.
fn summary(
    inputs: &batch::Inputs,
    imported: usize,
    failed: &[(usize, PathBuf, String)],
) -> ExitCode {
    for (path, why) in &inputs.failed {
        eprintln!("error: {}: {why}", path.display());
    }
    for (_, path, why) in failed {
        eprintln!("error: {}: {why}", path.display());
    }
    let total = inputs.documents.len();
    let mut line = format!("imported {imported} of {total} documents");
    if !failed.is_empty() {
        line.push_str(&format!("; {} not imported (see above)", failed.len()));
    }
    if !inputs.skipped.is_empty() {
        line.push_str(&format!("; skipped {} other files:", inputs.skipped.len()));
    }
    eprintln!("{line}");
    let mut others = 0;
    for (path, skip) in &inputs.skipped {
        if *skip == batch::Skip::NotADocument {
            others += 1;
            if others > batch::NAMED_OTHERS {
                continue;
            }
        }
        eprintln!("  {}: {}", path.display(), skip.reason());
    }
    if others > batch::NAMED_OTHERS {
        eprintln!(
            "  and {} more files that are not report documents",
            others - batch::NAMED_OTHERS
        );
    }
    if failed.is_empty() && inputs.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
