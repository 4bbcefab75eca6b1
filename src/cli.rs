//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Static sites for monthly work reports.
#[derive(Parser)]
#[command(name = "reportal", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of reportal's messages: zh-CN or en [default: the
    /// site's language; outside a site, the system's].
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

/// `--lang X` or `--lang=X` anywhere on the command line, read before clap
/// parses it: clap's help and errors are made during parsing.
pub fn asked_language() -> Option<String> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let arg = arg.to_string_lossy();
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            return args.next().map(|v| v.to_string_lossy().into_owned());
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return Some(value.to_string());
        }
    }
    None
}

#[derive(Subcommand)]
pub enum Command {
    /// Build the site into its output folder.
    Build {
        /// The site folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: <root>/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Include reports marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Replace an output folder that reportal did not make.
        #[arg(long)]
        force: bool,
        /// Also check every link and anchor between the built pages (links
        /// written in reports are always checked).
        #[arg(long)]
        check_links: bool,
    },
    /// Check every report as `build` would, without writing anything.
    Check {
        /// The site folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Include reports marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Also check every link and anchor between the built pages (links
        /// written in reports are always checked).
        #[arg(long)]
        links: bool,
    },
    /// Preview the site: build it into memory, serve it, rebuild and reload
    /// open pages on every save.
    Serve {
        /// The site folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port; 0 takes any free one.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// The address to listen on; 0.0.0.0 shows the preview to the network.
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Include reports marked `draft: true`.
        #[arg(long)]
        drafts: bool,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Poll for changes (for network drives, where change events do not arrive).
        #[arg(long)]
        poll: bool,
    },
    /// Turn Word reports (.docx .doc .wps .rtf .odt) or their text exports
    /// into report files.
    Import {
        /// The files to import, or folders: every document below them.
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        files: Vec<PathBuf>,
        /// The reports' month, YYYY-MM [default: as the document says].
        #[arg(long)]
        month: Option<String>,
        /// The year, when the document names only the month.
        #[arg(long)]
        year: Option<u16>,
        /// The unit (id or name) whose reports these are.
        #[arg(long)]
        unit: Option<String>,
        /// The site folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Replace reports that exist already.
        #[arg(long)]
        force: bool,
        /// Add the work areas the documents name and site.yaml does not
        /// list to site.yaml's `areas:` (the rest of the file kept as is).
        #[arg(long)]
        add_areas: bool,
    },
    /// Start a unit's next report: the areas of its latest report, each
    /// with last month's plan quoted, marked `draft: true`.
    New {
        /// The unit (id or name) [default: the site's only unit].
        #[arg(long)]
        unit: Option<String>,
        /// The month, YYYY-MM [default: the month after the unit's latest report].
        #[arg(long)]
        month: Option<String>,
        /// The site folder (holding site.yaml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Create a new site with a site.yaml and two sample reports (your
    /// first import replaces them).
    Init {
        /// The folder to create (it must not exist, or be empty).
        dir: PathBuf,
        /// Without the sample reports: site.yaml and content/ only.
        #[arg(long)]
        empty: bool,
    },
}
