//! `reportal import`: the reports people already have, as Word tables
//! (`.docx`) or their plain-text exports, turned into report files of the
//! core format. Read (`docx.rs`, `text.rs`) → one `Table` → Markdown
//! (`markdown.rs`). Nothing a cell holds is dropped: what cannot be placed
//! goes under a marked section, with a warning.

mod docx;
mod limits;
mod markdown;
mod pictures;
mod text;

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::model::Month;

/// A document's report table as read: the title above it, what else
/// stood outside it, and its rows, each cell as its paragraphs.
#[derive(Debug, Default)]
pub struct Table {
    pub title: Option<String>,
    /// The line with unit and month under the title of a `.docx` reportal
    /// wrote (its style says so): where the unit and month are read first.
    pub meta: Option<String>,
    /// The summary and opening text of a `.docx` reportal wrote (their
    /// styles say so): they go back where they came from.
    pub summary: Option<String>,
    pub preamble: Vec<String>,
    /// Paragraphs outside the table other than the title.
    pub outside: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The pictures of a `.docx`, marked in the text where they stood.
    pub pictures: pictures::Pictures,
}

#[derive(Debug, Default, Clone)]
pub struct Cell {
    pub paragraphs: Vec<String>,
    /// A Word cell merged with the one above (it holds nothing itself).
    pub continues_above: bool,
}

/// What to import and where.
pub struct ImportOptions {
    pub root: PathBuf,
    pub month: Option<Month>,
    pub year: Option<u16>,
    pub unit: Option<String>,
    pub force: bool,
}

/// What became of one file: the report written, and warnings.
pub struct Imported {
    pub written: PathBuf,
    pub warnings: Vec<String>,
}

/// Why a file was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read it: {0}")]
    Unreadable(String),
    #[error("not a .docx file Word wrote: {0}")]
    NotDocx(String),
    #[error("the file is damaged: {0}")]
    Damaged(String),
    #[error("refused: {0}")]
    TooLarge(String),
    #[error("--unit {0}: a unit is a short name (like 广州 or gz), not a path")]
    UnitNotAName(String),
    #[error("--unit {given}: no such unit in site.yaml (units: {known})")]
    UnknownUnit { given: String, known: String },
    #[error("its text is neither UTF-8 nor GB18030")]
    NotText,
    #[error(
        "no table with the columns 序号 / 重点工作 / 本月份推进情况 / 下一步推进计划 was found"
    )]
    NoTable,
    #[error(
        "the month is not known: give --month YYYY-MM (the document says no month, or no year: add --year)"
    )]
    NoMonth,
    #[error("{0} exists already: --force replaces it")]
    Exists(String),
    #[error("cannot write {0}")]
    Write(String),
}

/// Imports one file into the site at `options.root`.
pub fn import_file(
    path: &Path,
    config: &SiteConfig,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let bytes = read_bounded(path)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let Converted {
        month,
        unit,
        text,
        pictures,
        warnings,
    } = convert(
        &bytes,
        file_name.as_deref().unwrap_or(""),
        config,
        options.month,
        options.year,
        options.unit.as_deref(),
    )?;
    let folder = match &unit {
        Some(unit) => options.root.join("content").join(unit),
        None => options.root.join("content"),
    };
    let target = folder.join(format!("{month}.md"));
    if target.exists() && !options.force {
        return Err(ImportError::Exists(target.display().to_string()));
    }
    std::fs::create_dir_all(&folder)
        .map_err(|e| ImportError::Write(format!("{}: {e}", folder.display())))?;
    // Never written through a link out of the site (content/<unit> linked
    // to another folder), nor through a link at the report's own name.
    let confine = crate::load::Confine::new(&options.root);
    if confine.real(&folder).is_err() || target.is_symlink() {
        return Err(ImportError::Write(format!(
            "{}: a link leads it outside the site, or it is a link; reportal writes only inside the site",
            target.display()
        )));
    }
    // The pictures first: a report never refers to pictures not written.
    pictures::write(&folder, &pictures, options.force)?;
    std::fs::write(&target, text)
        .map_err(|e| ImportError::Write(format!("{}: {e}", target.display())))?;
    Ok(Imported {
        written: target,
        warnings,
    })
}

/// A document converted to a report, not yet written.
#[derive(Debug)]
pub struct Converted {
    pub month: Month,
    /// The unit's folder under `content/`, if known.
    pub unit: Option<String>,
    /// The report file's text.
    pub text: String,
    /// The pictures it shows, to be saved beside it: each one's path from
    /// the report's folder (`2015-12/image1.png`) and bytes.
    pub pictures: Vec<(String, Vec<u8>)>,
    pub warnings: Vec<String>,
}

/// The report a document's bytes make, read as `.docx` when `file_name`
/// says so or the bytes are a zip, else as a text export; `month`, `year`
/// and `unit` as `--month`, `--year` and `--unit` give them. Touches no
/// disk: the fuzz target `import` (`fuzz/`) and the replay of its corpus
/// (`tests/suite/hostile/fuzz.rs`) enter here.
pub fn convert(
    bytes: &[u8],
    file_name: &str,
    config: &SiteConfig,
    month: Option<Month>,
    year: Option<u16>,
    unit: Option<&str>,
) -> Result<Converted, ImportError> {
    let is_docx = Path::new(file_name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        || bytes.starts_with(b"PK\x03\x04");
    let table = if is_docx {
        docx::read(bytes)?
    } else {
        text::read(bytes)?
    };
    let month = month
        .or_else(|| month_from(&table, file_name, year))
        .ok_or(ImportError::NoMonth)?;
    let unit = match unit {
        Some(given) => Some(unit_given(given, config)?),
        None => unit_from(&table, config),
    };
    let mut report = markdown::write(&table, month, unit.as_deref(), config)?;
    let folder = month.to_string();
    report.text = pictures::place(&report.text, &table.pictures, &folder);
    report
        .warnings
        .extend(table.pictures.warnings.iter().cloned());
    if report.text.len() > limits::REPORT_BYTES {
        return Err(ImportError::TooLarge(format!(
            "its report would be {} MB; a monthly report is far smaller",
            report.text.len() >> 20
        )));
    }
    Ok(Converted {
        month,
        unit,
        text: report.text,
        pictures: (table.pictures.files.into_iter())
            .map(|(name, bytes)| (format!("{folder}/{name}"), bytes))
            .collect(),
        warnings: report.warnings,
    })
}

/// The file's bytes, if it is not larger than any report could be.
fn read_bounded(path: &Path) -> Result<Vec<u8>, ImportError> {
    crate::load::read_at_most(path, limits::FILE_BYTES)
        .map_err(|e| ImportError::Unreadable(e.to_string()))?
        .ok_or_else(|| {
            ImportError::TooLarge(format!(
                "it is larger than {} MB; a monthly report is far smaller",
                limits::FILE_BYTES >> 20
            ))
        })
}

/// `--unit` as given: one of site.yaml's units (by id or name: its id),
/// or, on a site that lists none, a name that is one plain folder name
/// (never a path: `/some/where` or `../../x` wrote outside the site).
fn unit_given(given: &str, config: &SiteConfig) -> Result<String, ImportError> {
    let wanted = crate::names::normalize(given);
    if !config.units.is_empty() {
        return config
            .units
            .iter()
            .find(|u| {
                crate::names::normalize(&u.id) == wanted
                    || crate::names::normalize(&u.name) == wanted
            })
            .map(|u| u.id.clone())
            .ok_or_else(|| ImportError::UnknownUnit {
                given: given.to_string(),
                known: config
                    .units
                    .iter()
                    .map(|u| format!("{} ({})", u.id, u.name))
                    .collect::<Vec<_>>()
                    .join(", "),
            });
    }
    // It names a folder under content/: one plain name on every system.
    let reserved = {
        // Names Windows keeps for devices, whatever follows a dot.
        let stem = given
            .split('.')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_uppercase();
        matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
            || ["COM", "LPT"].iter().any(|d| {
                stem.strip_prefix(d)
                    .is_some_and(|n| n.len() == 1 && n.bytes().all(|b| b.is_ascii_digit()))
            })
    };
    // A folder the build would skip as an editor's (`#x`, `x~`) would
    // hold reports nobody sees.
    let path_like = given.trim().is_empty()
        || reserved
        || crate::load::is_hidden(std::ffi::OsStr::new(given))
        || given.ends_with(['.', ' '])
        || given.len() > 100
        || given.trim_start().starts_with('.')
        || given.chars().any(|c| {
            matches!(c, '/' | '\\' | ':' | '<' | '>' | '"' | '|' | '?' | '*') || c.is_control()
        });
    if path_like {
        return Err(ImportError::UnitNotAName(given.to_string()));
    }
    Ok(given.trim().to_string())
}

/// The month a document names (`12月份`, `2015年12月`), the year from the
/// document, `--year` or the file's name.
/// The unit and month line of reportal's own `.docx` first.
fn month_from(table: &Table, file_name: &str, year: Option<u16>) -> Option<Month> {
    let title = table.title.as_deref().unwrap_or("");
    let meta = table.meta.as_deref().unwrap_or("");
    let text = format!("{meta} {title} {file_name}");
    let year = year.or_else(|| find_year(&text))?;
    let month = find_month(meta)
        .or_else(|| find_month(title))
        .or_else(|| find_month(file_name))?;
    Some(Month { year, month })
}

/// The one unit of site.yaml whose name the document's unit and month
/// line (reportal's own `.docx`), or else its title, contains.
fn unit_from(table: &Table, config: &SiteConfig) -> Option<String> {
    let named_in = |text: &str| {
        let mut named = config
            .units
            .iter()
            .filter(|u| text.contains(u.name.as_str()));
        match (named.next(), named.next()) {
            (Some(unit), None) => Some(unit.id.clone()),
            _ => None,
        }
    };
    table
        .meta
        .as_deref()
        .and_then(named_in)
        .or_else(|| named_in(table.title.as_deref()?))
}

/// The runs of ASCII digits in `text`, with the character after each.
fn numbers(text: &str) -> Vec<(String, Option<char>)> {
    let mut runs = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut run = c.to_string();
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                run.push(d);
            }
            runs.push((run, chars.peek().copied()));
        }
    }
    runs
}

/// A four-digit year from 1990 to 2099 written in `text`.
fn find_year(text: &str) -> Option<u16> {
    numbers(text).into_iter().find_map(|(run, _)| {
        let year: u16 = run.parse().ok()?;
        (run.len() == 4 && (1990..2100).contains(&year)).then_some(year)
    })
}

/// `12月` or `2015-12` in `text`: the month.
fn find_month(text: &str) -> Option<u8> {
    let runs = numbers(text);
    let month = |run: &str| run.parse().ok().filter(|m: &u8| (1..=12).contains(m));
    runs.iter()
        .find(|(run, next)| run.len() <= 2 && *next == Some('月'))
        .and_then(|(run, _)| month(run))
        .or_else(|| {
            runs.windows(2)
                .find(|w| w[0].0.len() == 4 && w[0].1 == Some('-') && w[1].0.len() <= 2)
                .and_then(|w| month(&w[1].0))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_years_from_titles_and_file_names() {
        assert_eq!(find_month("二、重点工作推进情况（12月份）"), Some(12));
        assert_eq!(find_month("report-2015-03.txt"), Some(3));
        assert_eq!(find_month("没有月份"), None);
        assert_eq!(find_year("团省委2015年12月.docx"), Some(2015));
        assert_eq!(find_year("第120345号"), None);
        assert_eq!(find_year("12月份"), None);
    }
}
