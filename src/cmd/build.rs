//! `reportal build` and `reportal check`: the same validation; only build
//! writes.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use reportal::diagnostics::Severity;
use reportal::site::{BuildOptions, build};

pub fn run(
    root: PathBuf,
    output: Option<PathBuf>,
    drafts: bool,
    force: bool,
    check_links: bool,
) -> ExitCode {
    let writes = output.is_some();
    let options = BuildOptions {
        root,
        output,
        drafts,
        force,
        check_links,
    };
    let (summary, problems) = build(&options);
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprint!("{}", problems.render(color));
    let errors = problems.count(Severity::Error);
    let warnings = problems.count(Severity::Warning);
    match summary {
        Some(summary) => {
            for note in &summary.notes {
                eprintln!("note: {note}");
            }
            // Whoever collects the reports runs `check` to see who is late.
            if let (false, Some((month, missing))) = (writes, &summary.unreported) {
                if missing.is_empty() {
                    println!("{month}: every unit has reported");
                } else {
                    println!("{month}: no report yet from {}", missing.join(", "));
                }
            }
            let files = if writes {
                format!(
                    "{} files ({} written, {} unchanged)",
                    summary.files, summary.written.written, summary.written.unchanged
                )
            } else {
                format!("{} files to write", summary.files)
            };
            println!(
                "{} {} reports, {} months, {} areas, {} units: {files} in {} ms{}",
                if writes { "built" } else { "checked" },
                summary.reports,
                summary.months,
                summary.areas,
                summary.units,
                summary.elapsed.as_millis(),
                if warnings > 0 {
                    format!(" ({warnings} warnings)")
                } else {
                    String::new()
                },
            );
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "{} failed: {errors} error{}, {warnings} warning{}{}",
                if writes { "build" } else { "check" },
                if errors == 1 { "" } else { "s" },
                if warnings == 1 { "" } else { "s" },
                if writes {
                    "; the previous output was left as it was"
                } else {
                    ""
                },
            );
            ExitCode::FAILURE
        }
    }
}
