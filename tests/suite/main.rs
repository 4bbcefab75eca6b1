//! The integration tests: one binary, linked once, with a module per
//! feature (a binary per file linked the library and its dependencies
//! nineteen times). They run the real `reportal` binary on sites written
//! into temp folders; `common` has the helpers.

mod common;

mod accessibility;
mod area_units;
mod cjk_emphasis;
mod cli_lang;
mod disk;
mod errors;
mod example_site;
mod first_site;
mod guide;
mod hostile;
mod i18n;
mod import;
mod import_formats;
mod init;
mod large_pages;
mod links;
mod live_reload;
mod markdown;
mod messages_build;
mod messages_import;
mod metrics;
mod new_report;
mod output;
mod pages;
mod pictures;
mod plans;
mod plans_once;
mod print;
mod province;
mod publish;
mod reading;
mod rebuild;
mod report_format;
mod reporting;
mod search;
mod serve;
mod word;
