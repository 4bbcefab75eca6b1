//! `reportal import`: the reports people already have, as Word tables
//! (`.docx`; `.doc`, `.wps`, `.rtf` and `.odt` through LibreOffice,
//! `office.rs`) or their plain-text exports, turned into report files of
//! the core format. The files (and the documents in folders, `batch.rs`)
//! → read (`docx.rs`, `text.rs`) → one `Table` → Markdown (`markdown.rs`)
//! → written once no two are for the same report. Nothing a cell holds is
//! dropped: what cannot be placed goes under a marked section, with a
//! warning.

pub mod areas;
pub mod batch;
mod docx;
mod limits;
mod markdown;
mod naming;
pub mod office;
mod pictures;
mod text;
mod title;

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::model::Month;
use crate::msg;

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
    /// The work areas site.yaml does not list (`--add-areas` adds them).
    pub new_areas: Vec<String>,
}

/// Why a file was not imported (said in the run's language: the texts a
/// variant holds are made with `msg!` where they are found).
#[derive(Debug)]
pub enum ImportError {
    Unreadable(String),
    NotDocx(String),
    Damaged(String),
    TooLarge(String),
    UnitNotAName(String),
    UnknownUnit {
        given: String,
        known: String,
    },
    NotText,
    NoTable,
    NoMonth,
    Exists(String),
    Write(String),
    NoOffice {
        format: String,
        looked: String,
    },
    Conversion {
        format: String,
        why: String,
    },
    ConversionTimedOut {
        format: String,
        seconds: u64,
    },
    NeedsConversion(String),
    /// The two units named, as said (`import-two-units`).
    AmbiguousUnit(String),
    NoUnit(String),
    Duplicate {
        target: String,
        others: String,
    },
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ImportError::Unreadable(reason) => msg!("import-unreadable", reason = reason),
            ImportError::NotDocx(reason) => msg!("import-not-docx", reason = reason),
            ImportError::Damaged(reason) => msg!("import-damaged", reason = reason),
            ImportError::TooLarge(reason) => msg!("import-refused", reason = reason),
            ImportError::UnitNotAName(given) => msg!("import-unit-not-a-name", given = given),
            ImportError::UnknownUnit { given, known } => {
                msg!("import-unknown-unit", given = given, known = known)
            }
            ImportError::NotText => msg!("import-not-text"),
            ImportError::NoTable => msg!("import-no-table"),
            ImportError::NoMonth => msg!("import-no-month"),
            ImportError::Exists(path) => msg!("import-exists", path = path),
            ImportError::Write(reason) => msg!("import-cannot-write", reason = reason),
            ImportError::NoOffice { format, looked } => {
                msg!("import-no-office", format = format, looked = looked)
            }
            ImportError::Conversion { format, why } => {
                msg!("import-conversion", format = format, why = why)
            }
            ImportError::ConversionTimedOut { format, seconds } => msg!(
                "import-conversion-timed-out",
                format = format,
                seconds = *seconds
            ),
            ImportError::NeedsConversion(format) => {
                msg!("import-needs-conversion", format = format)
            }
            ImportError::AmbiguousUnit(units) => msg!("import-ambiguous-unit", units = units),
            ImportError::NoUnit(known) => msg!("import-no-unit", known = known),
            ImportError::Duplicate { target, others } => {
                msg!("import-duplicate", target = target, others = others)
            }
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ImportError {}

/// Imports one file into the site at `options.root`.
pub fn import_file(
    path: &Path,
    config: &SiteConfig,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let prepared = prepare(path, config, options, &mut office::Converter::new())?;
    write(prepared, options)
}

/// A document read and converted, not yet written.
#[derive(Debug)]
pub struct Prepared {
    /// The report file it becomes.
    pub target: PathBuf,
    pub converted: Converted,
}

/// Reads the file at `path` (through LibreOffice for the office formats)
/// and makes its report, writing nothing in the site.
pub fn prepare(
    path: &Path,
    config: &SiteConfig,
    options: &ImportOptions,
    converter: &mut office::Converter,
) -> Result<Prepared, ImportError> {
    let mut bytes = read_bounded(path)?;
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut read_as = file_name.clone();
    if let office::Format::Office(kind) = office::detect(&file_name, &bytes) {
        bytes = converter.to_docx(&bytes, kind)?;
        // What LibreOffice made is a .docx; the name still gives unit and
        // month (appended to: `深圳2015.12` has no extension to replace).
        read_as = format!("{file_name}.docx");
    }
    let converted = convert(
        &bytes,
        &read_as,
        config,
        options.month,
        options.year,
        options.unit.as_deref(),
    )?;
    // With two units or more, a report without one breaks the build.
    if converted.unit.is_none() && config.units.len() > 1 {
        return Err(ImportError::NoUnit(known_units(config)));
    }
    let folder = match &converted.unit {
        Some(unit) => options.root.join("content").join(unit),
        None => options.root.join("content"),
    };
    Ok(Prepared {
        target: folder.join(format!("{}.md", converted.month)),
        converted,
    })
}

/// Writes a prepared report: never over an existing one without `--force`,
/// never through a link.
pub fn write(prepared: Prepared, options: &ImportOptions) -> Result<Imported, ImportError> {
    let Prepared { target, converted } = prepared;
    let Converted {
        text,
        pictures,
        warnings,
        new_areas,
        ..
    } = converted;
    let folder = target
        .parent()
        .map_or_else(|| options.root.join("content"), Path::to_path_buf);
    if target.exists() && !options.force {
        return Err(ImportError::Exists(target.display().to_string()));
    }
    // Never written through a link out of the site (content/<unit> linked
    // to another folder), nor through a link at the report's own name;
    // and no folder made out there before that is found (the nearest
    // folder that exists is checked first).
    let confine = crate::load::Confine::new(&options.root);
    let outside = || {
        ImportError::Write(msg!(
            "import-outside-site",
            path = target.display().to_string()
        ))
    };
    let existing = folder
        .ancestors()
        .find(|a| a.exists())
        .unwrap_or(&options.root);
    if confine.real(existing).is_err() {
        return Err(outside());
    }
    std::fs::create_dir_all(&folder)
        .map_err(|e| ImportError::Write(format!("{}: {e}", folder.display())))?;
    if confine.real(&folder).is_err() || target.is_symlink() {
        return Err(outside());
    }
    // The pictures first: a report never refers to pictures not written.
    pictures::write(&folder, &pictures, options.force)?;
    std::fs::write(&target, text)
        .map_err(|e| ImportError::Write(format!("{}: {e}", target.display())))?;
    Ok(Imported {
        written: target,
        warnings,
        new_areas,
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
    /// The work areas site.yaml does not list.
    pub new_areas: Vec<String>,
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
    let table = match office::detect(file_name, bytes) {
        office::Format::Docx => docx::read(bytes)?,
        office::Format::Text => text::read(bytes)?,
        office::Format::Office(kind) => return Err(ImportError::NeedsConversion(kind.describe())),
    };
    let mut warnings = Vec::new();
    let month = match month {
        Some(month) => month,
        None => {
            let (month, warning) = naming::month_from(&table, file_name, year);
            warnings.extend(warning);
            month.ok_or(ImportError::NoMonth)?
        }
    };
    let unit = match unit {
        Some(given) => Some(unit_given(given, config)?),
        None => naming::unit_from(&table, file_name, config)?,
    };
    let mut report = markdown::write(&table, month, unit.as_deref(), config)?;
    let folder = month.to_string();
    report.text = pictures::place(&report.text, &table.pictures, &folder);
    warnings.extend(report.warnings);
    warnings.extend(table.pictures.warnings.iter().cloned());
    if report.text.len() > limits::REPORT_BYTES {
        return Err(ImportError::TooLarge(msg!(
            "import-report-too-large",
            mb = report.text.len() >> 20
        )));
    }
    Ok(Converted {
        month,
        unit,
        text: report.text,
        pictures: (table.pictures.files.into_iter())
            .map(|(name, bytes)| (format!("{folder}/{name}"), bytes))
            .collect(),
        warnings,
        new_areas: report.new_areas,
    })
}

/// The file's bytes, if it is not larger than any report could be.
fn read_bounded(path: &Path) -> Result<Vec<u8>, ImportError> {
    // Opening a pipe would wait for a writer for ever.
    let metadata = std::fs::metadata(path).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    if !metadata.is_file() {
        return Err(ImportError::Unreadable(msg!("import-not-a-file")));
    }
    crate::load::read_at_most(path, limits::FILE_BYTES)
        .map_err(|e| ImportError::Unreadable(e.to_string()))?
        .ok_or_else(|| {
            ImportError::TooLarge(msg!("import-file-too-large", mb = limits::FILE_BYTES >> 20))
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
                std::iter::once(&u.id)
                    .chain(std::iter::once(&u.name))
                    .chain(&u.aliases)
                    .any(|name| crate::names::normalize(name) == wanted)
            })
            .map(|u| u.id.clone())
            .ok_or_else(|| ImportError::UnknownUnit {
                given: given.to_string(),
                known: known_units(config),
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

/// site.yaml's units, for messages: `gz (广州团市委), sz (深圳团市委)`
/// (in Chinese `gz（广州团市委）、sz（深圳团市委）`).
fn known_units(config: &SiteConfig) -> String {
    crate::messages::list(
        config
            .units
            .iter()
            .map(|u| crate::messages::named(&u.id, &u.name)),
    )
}
