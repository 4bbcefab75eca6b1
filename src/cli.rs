//! The command line, as clap reads it, and its help and errors in the
//! run's language: the words are in src/messages/*/cli.ftl, not in doc
//! comments (clap would show those in English whatever the language).
//! A command's summary is `cli-<command>-about`, an option's help
//! `cli-<command>-<option>` (`cli-about` and `cli-lang` for reportal's
//! own); the unit test below fails for one a catalogue lacks.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use reportal::messages::{self, Lang, Raw};

#[derive(Parser)]
#[command(name = "reportal", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

/// The command line of this run, parsed; `--help`, `--version` and
/// mistakes print and exit as clap does, in the run's language (chosen
/// before: `messages::choose`).
pub fn parse() -> Cli {
    let command = command(&mut |id| reportal::msg!(id));
    match command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(err) => exit(err),
    }
}

/// clap's command with every text `say` gives for its catalogue id.
fn command(say: &mut dyn FnMut(&str) -> String) -> clap::Command {
    let mut command = ours(Cli::command(), "cli", say);
    // Building adds clap's own parts (`--help`, `--version`, the `help`
    // command) and copies `--lang` into every command; they are worded
    // after.
    command.build();
    clap_parts(command, say)
}

/// The summaries and options reportal defines, `prefix` naming the
/// command (`cli`, `cli-build`).
fn ours(
    command: clap::Command,
    prefix: &str,
    say: &mut dyn FnMut(&str) -> String,
) -> clap::Command {
    let about = say(&format!("{prefix}-about"));
    command
        .about(about)
        .mut_args(|arg| {
            let id = format!("{prefix}-{}", arg.get_id().as_str().replace('_', "-"));
            let help = say(&id);
            // The catalogue says the default in the language's words:
            // clap's `[default: …]` is English.
            let takes_value = arg.get_action().takes_values();
            arg.help(help).hide_default_value(takes_value)
        })
        .mut_subcommands(|sub| {
            let prefix = format!("cli-{}", sub.get_name());
            ours(sub, &prefix, say)
        })
}

/// clap's own words in a built command and those below it: `--help`,
/// `--version`, `--lang` and the `help` command, and the headings.
fn clap_parts(command: clap::Command, say: &mut dyn FnMut(&str) -> String) -> clap::Command {
    let mut command = command.mut_args(|arg| match arg.get_id().as_str() {
        "help" => arg.help(say("cli-print-help")),
        "version" => arg.help(say("cli-print-version")),
        "lang" => arg.help(say("cli-lang")),
        "subcommand" => arg.help(say("cli-help-subcommand")),
        _ => arg,
    });
    // reportal has no command of that name: it is clap's.
    if command.get_name() == "help" {
        command = command.about(say("cli-help-about"));
    }
    let template = template(&command, say);
    command
        .help_template(template)
        .mut_subcommands(|sub| clap_parts(sub, say))
}

/// clap's help layout (about, usage, then commands, arguments and options
/// under their headings), the headings in the run's language.
fn template(command: &clap::Command, say: &mut dyn FnMut(&str) -> String) -> StyledStr {
    let styles = command.get_styles();
    let (header, usage) = (styles.get_header(), styles.get_usage());
    let mut sections = Vec::new();
    if command.get_subcommands().any(|sub| !sub.is_hide_set()) {
        sections.push(("cli-heading-commands", "{subcommands}"));
    }
    if command.get_positionals().next().is_some() {
        sections.push(("cli-heading-arguments", "{positionals}"));
    }
    if command.get_arguments().any(|arg| !arg.is_positional()) {
        sections.push(("cli-heading-options", "{options}"));
    }
    let mut text = String::new();
    let _ = write!(
        text,
        "{{before-help}}{{about-with-newline}}\n{usage}{}{usage:#}{}{{usage}}\n\n",
        say("cli-heading-usage"),
        gap(&say("cli-heading-usage"))
    );
    let sections: Vec<String> = sections
        .into_iter()
        .map(|(heading, part)| format!("{header}{}{header:#}\n{part}", say(heading)))
        .collect();
    text.push_str(&sections.join("\n\n"));
    text.push_str("{after-help}");
    StyledStr::from(text)
}

/// Prints clap's message (help, version or a mistake) and exits as clap
/// would; the common mistakes are told in Chinese for a Chinese run
/// (English runs keep clap's own words, which the English catalogue
/// repeats).
fn exit(err: clap::Error) -> ! {
    if messages::language() != Lang::En && mistake(&err).is_some() {
        err.apply::<InLanguage>().exit()
    }
    err.exit()
}

/// Formats the mistakes `mistake` knows in the run's language.
struct InLanguage;

impl ErrorFormatter for InLanguage {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        mistake(error).unwrap_or_default()
    }
}

/// The space after a heading: "Usage: x", but "用法：x" (a full-width
/// colon has its own).
fn gap(heading: &str) -> &'static str {
    if heading.ends_with(':') { " " } else { "" }
}

/// A mistake on the command line in the run's language, with the
/// argument or value at fault, the usage and where to read more; `None`
/// for the kinds clap alone words.
fn mistake<F: ErrorFormatter>(err: &clap::error::Error<F>) -> Option<StyledStr> {
    let styles = clap::builder::Styles::default();
    let (error, invalid, valid) = (styles.get_error(), styles.get_invalid(), styles.get_valid());
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        _ => None,
    };
    let quoted = |text: &str| Raw(format!("{invalid}{text}{invalid:#}"));
    let mut out = String::new();
    let _ = write!(out, "{error}{}{error:#}", reportal::msg!("cli-error"));
    match err.kind() {
        ErrorKind::UnknownArgument => {
            let arg = quoted(text(ContextKind::InvalidArg)?);
            out.push_str(&reportal::msg!("cli-error-unknown-argument", arg = arg));
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = quoted(text(ContextKind::InvalidArg)?);
            let value = text(ContextKind::InvalidValue)?;
            if value.is_empty() {
                out.push_str(&reportal::msg!("cli-error-missing-value", arg = arg));
            } else {
                let value = quoted(value);
                // Why, as the value's parser says it (in English: a port
                // out of range, an address that is none).
                let said = match std::error::Error::source(err) {
                    Some(why) => reportal::msg!(
                        "cli-error-invalid-value-why",
                        arg = arg,
                        value = value,
                        reason = why.to_string()
                    ),
                    None => reportal::msg!("cli-error-invalid-value", arg = arg, value = value),
                };
                out.push_str(&said);
            }
            if let Some(ContextValue::Strings(values)) = err.get(ContextKind::ValidValue)
                && !values.is_empty()
            {
                let values = values
                    .iter()
                    .map(|v| format!("{valid}{v}{valid:#}"))
                    .collect::<Vec<_>>();
                out.push('\n');
                out.push_str(&reportal::msg!(
                    "cli-error-possible-values",
                    values = Raw(reportal::messages::list(values))
                ));
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let Some(ContextValue::Strings(args)) = err.get(ContextKind::InvalidArg) else {
                return None;
            };
            out.push_str(&reportal::msg!("cli-error-missing-required"));
            for arg in args {
                let _ = write!(out, "\n  {valid}{arg}{valid:#}");
            }
        }
        ErrorKind::ArgumentConflict => {
            let arg = text(ContextKind::InvalidArg)?;
            let other = match err.get(ContextKind::PriorArg) {
                Some(ContextValue::String(other)) => other.as_str(),
                Some(ContextValue::Strings(others)) => others.first()?.as_str(),
                _ => return None,
            };
            let said = if arg == other {
                reportal::msg!("cli-error-twice", arg = quoted(arg))
            } else {
                reportal::msg!(
                    "cli-error-conflict",
                    arg = quoted(arg),
                    other = quoted(other)
                )
            };
            out.push_str(&said);
        }
        ErrorKind::TooManyValues => {
            let arg = quoted(text(ContextKind::InvalidArg)?);
            let value = quoted(text(ContextKind::InvalidValue)?);
            out.push_str(&reportal::msg!(
                "cli-error-no-value",
                arg = arg,
                value = value
            ));
        }
        ErrorKind::InvalidSubcommand => {
            let name = quoted(text(ContextKind::InvalidSubcommand)?);
            out.push_str(&reportal::msg!("cli-error-unknown-command", name = name));
        }
        _ => return None,
    }
    let mut tips = Vec::new();
    if let Some(ContextValue::Strings(names)) = err.get(ContextKind::SuggestedSubcommand) {
        for name in names {
            let name = Raw(format!("{valid}{name}{valid:#}"));
            tips.push(reportal::msg!("cli-error-similar-command", name = name));
        }
    }
    if let Some(arg) = text(ContextKind::SuggestedArg) {
        let arg = Raw(format!("{valid}{arg}{valid:#}"));
        tips.push(reportal::msg!("cli-error-similar-argument", arg = arg));
    }
    if let Some(value) = text(ContextKind::SuggestedValue) {
        let value = Raw(format!("{valid}{value}{valid:#}"));
        tips.push(reportal::msg!("cli-error-similar-value", value = value));
    }
    if !tips.is_empty() {
        out.push('\n');
        for tip in tips {
            let _ = write!(out, "\n  {tip}");
        }
    }
    // "Usage: reportal build [OPTIONS]": its heading in the language, and
    // the command to ask for help.
    let mut command = "reportal".to_string();
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let line = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        // The program as it was called (`reportal.exe` too), then the
        // command's words up to the first `[OPTIONS]`, `<ARG>` or `--option`.
        let mut words = line.split_whitespace();
        let program = words.next().unwrap_or("reportal");
        command = std::iter::once(program)
            .chain(words.take_while(|word| !word.starts_with(['[', '<', '-'])))
            .collect::<Vec<_>>()
            .join(" ");
        let heading = styles.get_usage();
        let title = reportal::msg!("cli-heading-usage");
        let _ = write!(out, "\n\n{heading}{title}{heading:#}{}{line}", gap(&title));
    }
    let help = format!("{command} --help");
    let _ = write!(
        out,
        "\n\n{}\n",
        reportal::msg!("cli-error-more", help = help)
    );
    Some(StyledStr::from(out))
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
    Build {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        check_links: bool,
    },
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        links: bool,
    },
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long)]
        drafts: bool,
        #[arg(long)]
        open: bool,
        #[arg(long)]
        poll: bool,
    },
    Import {
        #[arg(required = true, value_name = "FILE_OR_FOLDER")]
        files: Vec<PathBuf>,
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        year: Option<u16>,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        add_areas: bool,
    },
    New {
        #[arg(long)]
        unit: Option<String>,
        #[arg(long)]
        month: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    Init {
        dir: PathBuf,
        #[arg(long)]
        empty: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every summary, option, heading and clap word `--help` shows has
    /// its message in both catalogues: a new option without one fails here.
    #[test]
    fn every_help_text_is_in_every_catalogue() {
        let mut asked = Vec::new();
        let command = command(&mut |id| {
            asked.push(id.to_string());
            id.to_string()
        });
        command.debug_assert();
        for needed in [
            "cli-about",
            "cli-build-check-links",
            "cli-init-dir",
            "cli-print-help",
        ] {
            assert!(asked.iter().any(|id| id == needed), "{needed} never asked");
        }
        for lang in Lang::ALL {
            let (ids, _) = messages::ids(lang);
            let missing: Vec<_> = asked.iter().filter(|id| !ids.contains_key(*id)).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.tag());
        }
    }

    /// Each command's help shows the words `say` gives, none of clap's
    /// English ones.
    #[test]
    fn help_shows_the_catalogue_words() {
        let mut command = command(&mut |id| format!("«{id}»"));
        let help = command.render_help().to_string();
        for word in [
            "«cli-about»",
            "«cli-heading-usage»reportal",
            "«cli-heading-commands»",
            "«cli-build-about»",
            "«cli-lang»",
            "«cli-print-help»",
            "«cli-print-version»",
            "«cli-help-about»",
        ] {
            assert!(help.contains(word), "{word} not in\n{help}");
        }
        let import = command.find_subcommand_mut("import").expect("import");
        let help = import.render_help().to_string();
        for word in [
            "«cli-heading-arguments»",
            "«cli-heading-options»",
            "«cli-import-files»",
            "«cli-import-add-areas»",
        ] {
            assert!(help.contains(word), "{word} not in\n{help}");
        }
        for english in ["Usage", "Options", "Arguments", "Commands", "Print"] {
            assert!(!help.contains(english), "{english} in\n{help}");
        }
    }
}

#[cfg(test)]
mod defaults {
    use super::*;

    /// clap's `[default: …]` is hidden, so each option's help says its
    /// default itself: it must say the one the code has (the current folder
    /// in Chinese for `.`).
    #[test]
    fn each_help_says_its_options_default() {
        for lang in Lang::ALL {
            let command = messages::with_language(lang, || command(&mut |id| reportal::msg!(id)));
            let mut checked = 0;
            for sub in command.get_subcommands() {
                for arg in sub
                    .get_arguments()
                    .filter(|a| a.get_action().takes_values())
                {
                    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                    for default in arg.get_default_values() {
                        let default = default.to_string_lossy();
                        let said = match (lang, default.as_ref()) {
                            (Lang::ZhCn, ".") => "默认：当前文件夹".to_string(),
                            (Lang::ZhCn, _) => format!("默认：{default}"),
                            (Lang::En, _) => format!("[default: {default}]"),
                        };
                        assert!(
                            help.contains(&said),
                            "{} --{}: {help}",
                            sub.get_name(),
                            arg.get_id()
                        );
                        checked += 1;
                    }
                }
            }
            assert!(checked >= 7, "only {checked} defaults");
        }
    }
}
