//! The `reportal` command: parses the command line and hands over to the
//! library. Nothing here knows how a site is built.

mod cli;
mod cmd;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    cmd::run(cli.command)
}
