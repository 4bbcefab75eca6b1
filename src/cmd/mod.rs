//! One function per command.

mod build;
mod import;
mod init;
mod new;

use std::process::ExitCode;

use crate::cli::Command;

pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Build {
            root,
            output,
            drafts,
            force,
            check_links,
        } => {
            let output = output.unwrap_or_else(|| reportal::site::default_output(&root));
            build::run(root, Some(output), drafts, force, check_links)
        }
        Command::Check {
            root,
            drafts,
            links,
        } => build::run(root, None, drafts, false, links),
        Command::Serve {
            root,
            port,
            bind,
            drafts,
            open,
            poll,
        } => reportal::serve::run(reportal::serve::ServeOptions {
            root,
            bind,
            port,
            drafts,
            open,
            poll,
        }),
        Command::Import {
            files,
            month,
            year,
            unit,
            root,
            force,
            add_areas,
        } => import::run(&files, month.as_deref(), year, unit, root, force, add_areas),
        Command::New { unit, month, root } => new::run(&root, unit.as_deref(), month.as_deref()),
        Command::Init { dir, empty } => init::run(&dir, empty),
    }
}
