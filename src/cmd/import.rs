//! `reportal import`: every document the files and folders name is read
//! and made a report; none is written while another of the run makes the
//! same report; then the others are written, and a summary says what was
//! imported, what was not and why, and what was passed over. The first
//! import into `init`'s site replaces its samples (`starter::FirstSite`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reportal::diagnostics::Problems;
use reportal::import::{ImportError, ImportOptions, Prepared, batch, office, prepare, write};
use reportal::model::Month;
use reportal::msg;
use reportal::starter::FirstSite;

/// The reports one run holds before writing: far beyond any archive.
const HELD_BYTES: usize = 1 << 30;

pub fn run(
    files: &[PathBuf],
    month: Option<&str>,
    year: Option<u16>,
    unit: Option<String>,
    root: PathBuf,
    force: bool,
    add_areas: bool,
) -> ExitCode {
    // site.yaml first: its `language:` says every message that follows.
    let mut problems = Problems::default();
    let Some(mut config) = reportal::load::read_config(&root, &mut problems) else {
        eprint!("{}", problems.render(false));
        return ExitCode::FAILURE;
    };
    let month = match month.map(|m| Month::parse(m).ok_or(m)).transpose() {
        Ok(month) => month,
        Err(bad) => {
            error(&msg!("import-bad-month", given = bad));
            return ExitCode::FAILURE;
        }
    };
    // init's sample areas are not the office's: the documents' areas take
    // their place (see `site_areas`).
    let first = FirstSite::find(&root);
    if first.as_ref().is_some_and(FirstSite::replaces_areas) {
        config.areas.clear();
    }
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
        eprintln!("{}", msg!("import-reading", count = total));
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
                let err =
                    ImportError::TooLarge(msg!("import-held-too-much", mb = HELD_BYTES >> 20));
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
    // init's samples go before the first report is written (one may have
    // the month of a sample), and come back if nothing is imported.
    if let Some(first) = &first
        && let Err(err) = first.remove(&options.root)
    {
        error(&err.to_string());
        return ExitCode::FAILURE;
    }
    let mut imported = 0;
    let mut new_areas = Vec::new();
    for (index, ((path, document), place)) in made.into_iter().zip(places).enumerate() {
        if let Some(err) = refused.remove(&index) {
            failed.push((place, path, err.to_string()));
            continue;
        }
        match write(document, &options) {
            Ok(done) => {
                imported += 1;
                for warning in &done.warnings {
                    let path = path.display().to_string();
                    eprintln!("{}", msg!("label-warning-at", path = path, text = warning));
                }
                println!("{} → {}", path.display(), shown(&done.written));
                new_areas.extend(done.new_areas);
            }
            Err(err) => failed.push((place, path, err.to_string())),
        }
    }
    failed.sort_by_key(|(index, _, _)| *index);
    let areas_written = site_areas(
        &options.root,
        first.as_ref(),
        imported,
        add_areas,
        &new_areas,
    );
    let code = summary(&inputs, imported, &failed);
    if areas_written {
        code
    } else {
        ExitCode::FAILURE
    }
}

/// What was imported, not imported and passed over; failure if anything
/// named could not be imported.
fn summary(
    inputs: &batch::Inputs,
    imported: usize,
    failed: &[(usize, PathBuf, String)],
) -> ExitCode {
    let failures = inputs.failed.iter().map(|(path, why)| (path, why));
    for (path, why) in failures.chain(failed.iter().map(|(_, path, why)| (path, why))) {
        let path = path.display().to_string();
        eprintln!("{}", msg!("label-error-at", path = path, text = why));
    }
    let total = inputs.documents.len();
    let mut line = msg!("import-summary", imported = imported, total = total);
    if !failed.is_empty() {
        line.push_str(&msg!("import-summary-failed", count = failed.len()));
    }
    if !inputs.skipped.is_empty() {
        line.push_str(&msg!(
            "import-summary-skipped",
            count = inputs.skipped.len()
        ));
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
        let path = path.display().to_string();
        let skipped = msg!("import-skipped-file", path = path, reason = skip.reason());
        eprintln!("  {skipped}");
    }
    if others > batch::NAMED_OTHERS {
        let more = msg!("import-skipped-more", count = others - batch::NAMED_OTHERS);
        eprintln!("  {more}");
    }
    if failed.is_empty() && inputs.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// init's samples said gone (or put back when nothing was imported), and
/// the documents' areas written into site.yaml: in place of init's sample
/// areas, or, with `--add-areas`, after the site's. False when site.yaml
/// could not be changed.
fn site_areas(
    root: &Path,
    first: Option<&FirstSite>,
    imported: usize,
    add_areas: bool,
    names: &[String],
) -> bool {
    if let Some(first) = first {
        if imported == 0 {
            first.restore(root);
            return true;
        }
        if !first.untouched.is_empty() {
            let files = reportal::messages::list(&first.untouched);
            println!("{}", msg!("import-removed-samples", files = files));
        }
    }
    if imported == 0 {
        return true;
    }
    let replace = first.is_some_and(FirstSite::replaces_areas);
    let written = if replace {
        reportal::import::areas::replace_sample_areas(root, names)
    } else if add_areas {
        reportal::import::areas::add_areas(root, names)
    } else {
        return true;
    };
    match written {
        Ok(areas) if areas.is_empty() => true,
        Ok(areas) => {
            let listed = reportal::messages::list(
                areas
                    .iter()
                    .map(|a| reportal::messages::named(&a.name, &a.id)),
            );
            let id = if replace {
                "import-areas-replaced"
            } else {
                "import-areas-added"
            };
            let said = msg!(id, count = areas.len(), areas = listed);
            println!("{said}");
            true
        }
        Err(err) => {
            error(&err.to_string());
            false
        }
    }
}

/// `error: …` in the run's language.
fn error(text: &str) {
    eprintln!("{}", msg!("label-error", text = text));
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
