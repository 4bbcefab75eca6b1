//! `reportal new`: the next report of a unit, started for its writer.
//! The same work areas as the unit's latest report, each progress section
//! seeded with what was planned for it, `draft: true` until it is done.
//! Reads the site through the same stages as a build (load → model).

use std::path::{Path, PathBuf};

use crate::diagnostics::Problems;
use crate::model::{Library, Month, Report};
use crate::site::{Mode, Site, SiteOptions};
use crate::{msg, names, render};

#[derive(Debug)]
pub enum NewError {
    Site(Problems),
    WhichUnit(String),
    UnknownUnit {
        given: String,
        known: String,
    },
    WhichMonth {
        unit: String,
    },
    Exists(String),
    Reported {
        unit: String,
        month: Month,
        file: String,
    },
    Write(String, std::io::Error),
}

impl std::fmt::Display for NewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            NewError::Site(_) => msg!("new-site-problems"),
            NewError::WhichUnit(known) => msg!("new-which-unit", known = known),
            NewError::UnknownUnit { given, known } => {
                msg!("new-unknown-unit", given = given, known = known)
            }
            NewError::WhichMonth { unit } => msg!("new-which-month", unit = unit),
            NewError::Exists(path) => msg!("new-exists", path = path),
            NewError::Reported { unit, month, file } => msg!(
                "new-reported",
                unit = unit,
                month = month.to_string(),
                file = file
            ),
            NewError::Write(path, err) => {
                msg!("new-cannot-write", path = path, reason = err.to_string())
            }
        })
    }
}

impl std::error::Error for NewError {}

/// What was written, relative to the site root.
pub struct NewReport {
    pub path: String,
    pub month: Month,
    pub unit: String,
    pub areas: usize,
}

pub fn new_report(
    root: &Path,
    unit: Option<&str>,
    month: Option<Month>,
) -> Result<NewReport, NewError> {
    let mut problems = Problems::default();
    let (library, strings) = read_site(root, &mut problems).ok_or(NewError::Site(problems))?;
    let unit = pick_unit(&library, unit)?;
    let unit_name = crate::render::unit_name(&library.units[unit], &strings).to_string();
    let reports = || library.reports.iter().rev().filter(|r| r.unit == unit);
    let month = match (month, reports().next()) {
        (Some(month), _) => month,
        (None, Some(latest)) => latest.month.next(),
        (None, None) => return Err(NewError::WhichMonth { unit: unit_name }),
    };
    // The report before the new one (the latest, unless a month between
    // was asked for).
    let latest = reports().find(|r| r.month < month);
    if let Some(existing) = library
        .reports
        .iter()
        .find(|r| r.unit == unit && r.month == month)
    {
        return Err(NewError::Reported {
            unit: unit_name,
            month,
            file: existing.source.clone(),
        });
    }
    // Beside the unit's latest report, or in a folder of the unit's own.
    let folder = latest.map_or_else(
        || format!("content/{}", library.units[unit].id),
        |r| {
            r.source
                .rsplit_once('/')
                .map_or("content", |(dir, _)| dir)
                .to_string()
        },
    );
    let path = format!("{folder}/{month}.md");
    let text = report_text(&library, &strings, unit, month, latest);
    write_new(&root.join(&path), text.as_bytes()).map_err(|err| match err.kind() {
        std::io::ErrorKind::AlreadyExists => NewError::Exists(path.clone()),
        _ => NewError::Write(path.clone(), err),
    })?;
    Ok(NewReport {
        path,
        month,
        unit: unit_name,
        areas: latest.map_or(library.areas.len(), |r| r.entries.len()),
    })
}

/// The site's reports, and the theme's words its comments are written in.
fn read_site(root: &Path, problems: &mut Problems) -> Option<(Library, render::Strings)> {
    // Drafts count: a month started as a draft is taken.
    let options = SiteOptions {
        drafts: true,
        mode: Mode::Build,
    };
    Site::load(root, options, problems).map(|site| (site.library, site.theme.strings))
}

fn pick_unit(library: &Library, given: Option<&str>) -> Result<usize, NewError> {
    let known = || {
        crate::messages::list(
            library
                .units
                .iter()
                .map(|u| crate::messages::named(&u.id, &u.name)),
        )
    };
    match given {
        Some(given) => {
            let wanted = names::normalize(given);
            library
                .units
                .iter()
                .position(|u| {
                    names::normalize(&u.id) == wanted || names::normalize(&u.name) == wanted
                })
                .ok_or_else(|| NewError::UnknownUnit {
                    given: given.to_string(),
                    known: known(),
                })
        }
        None if library.units.len() == 1 => Ok(0),
        None => Err(NewError::WhichUnit(known())),
    }
}

/// The new file: front matter, then each area of the latest report (or
/// every configured area) with its two sections.
fn report_text(
    library: &Library,
    t: &render::Strings,
    unit: usize,
    month: Month,
    latest: Option<&Report>,
) -> String {
    let sections = &library.config.sections;
    let progress = sections
        .progress
        .first()
        .map_or("本月份推进情况", String::as_str);
    let plan = sections
        .plan
        .first()
        .map_or("下一步推进计划", String::as_str);
    // A site whose site.yaml names no units has one, unnamed: its reports
    // say none (`unit: main` would name an id the writer never chose).
    let unit_line = if library.config.units.is_empty() {
        String::new()
    } else {
        format!("unit: {}\n", library.units[unit].id)
    };
    let mut text = format!("---\nmonth: {month}\n{unit_line}draft: true\n---\n");
    let areas: Vec<(&str, Option<&str>)> = match latest {
        Some(report) => report
            .entries
            .iter()
            .map(|e| (e.heading.as_str(), Some(&*e.plan_html)))
            .collect(),
        None => library
            .areas
            .iter()
            .map(|a| (a.name.as_str(), None))
            .collect(),
    };
    for (i, (heading, plan_html)) in areas.iter().enumerate() {
        text.push_str(&format!("\n## {}. {heading}\n\n### {progress}\n\n", i + 1));
        if let (Some(latest), Some(html)) = (latest, plan_html) {
            let plan = render::plain_text(html);
            text.push_str(&plan_comment(t, latest.month, &plan));
        }
        text.push_str(&format!("### {plan}\n\n"));
    }
    text
}

/// Last month's plan as a comment the writer answers and then deletes
/// (it never shows on the site: comments are not published).
fn plan_comment(t: &render::Strings, month: Month, plan: &str) -> String {
    let label = render::month_label(month, t);
    let month = [("month", label.as_str())];
    if plan.trim().is_empty() {
        let said = render::fill_with(&t.new_report_no_plan, &month);
        return format!("<!-- {said} -->\n\n");
    }
    // `--` would end the comment early.
    let plan = plan.replace("--", "- -");
    let said = render::fill_with(&t.new_report_plan, &month);
    format!("<!-- {said}\n{plan}\n-->\n\n")
}

/// Creates the file; fails if anything is there already.
fn write_new(path: &PathBuf, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)
}
