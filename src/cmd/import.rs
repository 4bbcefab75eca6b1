//! `reportal import`: each file on its own; one that fails is named with
//! the reason, and the others are still imported.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reportal::diagnostics::Problems;
use reportal::import::{ImportOptions, import_file};
use reportal::model::Month;

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
    let mut failed = 0;
    for file in files {
        match import_file(file, &config, &options) {
            Ok(imported) => {
                for warning in &imported.warnings {
                    eprintln!("warning: {}: {warning}", file.display());
                }
                println!("{} → {}", file.display(), shown(&imported.written));
            }
            Err(err) => {
                failed += 1;
                eprintln!("error: {}: {err}", file.display());
            }
        }
    }
    if failed > 0 {
        eprintln!("{failed} of {} files not imported", files.len());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}
