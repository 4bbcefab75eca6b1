//! `reportal build` and `reportal check`: the same validation; only build
//! writes.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use reportal::diagnostics::Severity;
use reportal::msg;
use reportal::site::{BuildOptions, BuildSummary, build};

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
    let Some(summary) = summary else {
        let (errors, warnings) = (
            msg!("count-errors", count = errors),
            msg!("count-warnings", count = warnings),
        );
        let failed = if writes {
            "build-failed"
        } else {
            "check-failed"
        };
        eprintln!("{}", msg!(failed, errors = errors, warnings = warnings));
        return ExitCode::FAILURE;
    };
    for note in &summary.notes {
        eprintln!("{}", msg!("label-note", text = note));
    }
    // Whoever collects the reports runs `check` to see who is late.
    if let (false, Some((month, missing))) = (writes, &summary.unreported) {
        let month = month.to_string();
        if missing.is_empty() {
            println!("{}", msg!("check-all-reported", month = month));
        } else {
            let units = missing.join(&msg!("list-separator"));
            println!(
                "{}",
                msg!("check-not-reported", month = month, units = units)
            );
        }
    }
    println!("{}", done(&summary, writes, warnings));
    ExitCode::SUCCESS
}

/// The one line that says what was built or checked.
fn done(summary: &BuildSummary, writes: bool, warnings: usize) -> String {
    let count = |id: &str, n: usize| msg!(id, count = n);
    let files = count("count-files", summary.files);
    let files = if writes {
        let written = summary.written.written;
        let unchanged = summary.written.unchanged;
        msg!(
            "build-files",
            files = files,
            written = written,
            unchanged = unchanged
        )
    } else {
        msg!("check-files", files = files)
    };
    let done = msg!(
        if writes { "build-done" } else { "check-done" },
        reports = count("count-reports", summary.reports),
        months = count("count-months", summary.months),
        areas = count("count-areas", summary.areas),
        units = count("count-units", summary.units),
        files = files,
        ms = summary.elapsed.as_millis()
    );
    if warnings == 0 {
        return done;
    }
    msg!(
        "done-warnings",
        done = done,
        warnings = count("count-warnings", warnings)
    )
}
