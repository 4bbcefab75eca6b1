//! The `reportal` command: parses the command line and hands over to the
//! library. Nothing here knows how a site is built.

mod cli;
mod cmd;

use clap::Parser;

// Building a site allocates and frees millions of small strings and
// template values from two threads; mimalloc does that in about half the
// time glibc's allocator takes (see the commit that added it).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    cmd::run(cli.command)
}
