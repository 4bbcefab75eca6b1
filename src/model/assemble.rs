//! Assembly: report files parsed, then placed in one library, every
//! problem of every file collected.

use std::collections::{BTreeMap, HashMap};

use super::areas::AreaIndex;
use super::links::resolve_links;
use super::report::{self, ParsedReport};
use super::types::{Entry, Library, ModelOptions, ParsedFile, Report, Unit};
use super::units::resolve_units;
use super::{Month, Previous, metrics, previous};
use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::load::SourceFile;
use crate::names;

/// Reads one report file: front matter and body, rendered.
pub fn parse_file(config: &SiteConfig, source: &SourceFile) -> ParsedFile {
    let mut warnings = Vec::new();
    let result = report::parse(source, config, &mut warnings);
    ParsedFile { result, warnings }
}

/// Parses every report file, in parallel, in the order given. Each file's
/// text is let go once it is parsed (unless the caller holds it too): the
/// parsed report keeps only the places messages may point at.
pub fn parse_all(config: &SiteConfig, sources: Vec<SourceFile>) -> Vec<ParsedFile> {
    use rayon::prelude::*;
    sources
        .into_par_iter()
        .map(|source| parse_file(config, &source))
        .collect()
}

/// Builds the library from parsed files. Every problem of every file is
/// collected; a report with an error is left out.
pub fn assemble_parsed(
    config: SiteConfig,
    parsed: Vec<ParsedFile>,
    options: &ModelOptions,
    problems: &mut Problems,
) -> Library {
    let mut reports = Vec::new();
    let mut drafts_left_out = Vec::new();
    for ParsedFile { result, warnings } in parsed {
        problems.extend(warnings);
        match result {
            Ok(report) if report.draft && !options.drafts => drafts_left_out.push(report),
            Ok(report) => {
                if report.body.areas.is_empty() {
                    problems.push(
                        Problem::warning(ProblemKind::NoAreas)
                            .in_file(&report.source)
                            .at_spot(&report.body_start),
                    );
                }
                reports.push(report);
            }
            Err(errors) => problems.extend(errors),
        }
    }
    if reports.is_empty() && !drafts_left_out.is_empty() && !problems.has_errors() {
        problems.push(Problem::error(ProblemKind::OnlyDrafts));
    }
    reports.sort_by(|a, b| (a.month, &a.source).cmp(&(b.month, &b.source)));
    check_span(&reports, problems);

    let units = resolve_units(&config, &reports);
    let mut areas = AreaIndex::new(&config);
    let mut seen: HashMap<(usize, Month), String> = HashMap::new();
    let mut library_reports = Vec::new();
    let mut written_links = Vec::new();
    let mut written_metrics = Vec::new();
    for mut parsed in reports {
        let Some(unit) = units.unit_of(&parsed, &config, problems) else {
            continue;
        };
        if let Some(other) = seen.get(&(unit, parsed.month)) {
            let at = parsed.unit.as_ref().map_or(&parsed.start, |(_, spot)| spot);
            problems.push(
                Problem::error(ProblemKind::DuplicateReport {
                    unit: units.list[unit].name.clone(),
                    month: parsed.month.to_string(),
                    other: other.clone(),
                })
                .in_file(&parsed.source)
                .at_spot(at),
            );
            continue;
        }
        seen.insert((unit, parsed.month), parsed.source.clone());
        let entries = entries(
            &mut parsed,
            unit,
            &units.list,
            &mut areas,
            problems,
            units.list.len() > 1,
        );
        if !parsed.body.links.is_empty() {
            written_links.push((
                parsed.source.clone(),
                std::mem::take(&mut parsed.body.links),
            ));
        }
        let files = super::files::check(
            &parsed.body.files,
            &parsed.source,
            &options.files,
            &config,
            problems,
        );
        if !parsed.metrics.is_empty() {
            written_metrics.push(metrics::ReportMetrics {
                source: parsed.source.clone(),
                unit,
                month: parsed.month,
                written: std::mem::take(&mut parsed.metrics),
            });
        }
        library_reports.push(Report {
            links: Vec::new(),
            files,
            source: parsed.source,
            title: parsed.title,
            summary: parsed.summary,
            draft: parsed.draft,
            month: parsed.month,
            unit,
            preamble_html: parsed.body.preamble_html,
            entries,
        });
    }
    // A draft's unit, quietly: its problems are told when it is built.
    let drafts: std::collections::BTreeSet<(usize, Month)> = drafts_left_out
        .iter()
        .filter_map(|draft| {
            let unit = units.unit_of(draft, &config, &mut Problems::default())?;
            Some((unit, draft.month))
        })
        .collect();
    library_reports.sort_by_key(|r| (r.month, r.unit));
    previous::link_plans(&mut library_reports);
    resolve_links(&mut library_reports, &areas.list, written_links, problems);
    let metrics = metrics::resolve(
        &config,
        written_metrics,
        &metrics::AreaNames {
            find: &|name| areas.find(name),
            names: areas
                .list
                .iter()
                .flat_map(|a| [a.name.clone(), a.id.clone()])
                .collect(),
        },
        problems,
    );
    let mut months: BTreeMap<Month, Vec<usize>> = BTreeMap::new();
    for (i, report) in library_reports.iter().enumerate() {
        months.entry(report.month).or_default().push(i);
    }
    let mut units = units.list;
    let written = library_reports.iter().map(|r| (r.unit, r.month));
    for (unit, month) in written.chain(drafts.iter().copied()) {
        let first = &mut units[unit].first_report;
        *first = Some(first.map_or(month, |m| m.min(month)));
    }
    Library {
        config,
        units,
        areas: areas.list,
        reports: library_reports,
        months,
        drafts,
        metrics,
    }
}

/// The most years a site's reports may span. Reporting grids show every
/// month from the first report to the latest, for every unit: two reports
/// dated 1000-01 and 9999-12 wrote a 14 MB home page, 280 MB with ten
/// units. A province's archive is a few decades.
pub const MAX_SPAN_YEARS: u16 = 50;

/// A month far from the others (a typo: 1015-12 for 2015-12) is an error
/// at that report: the one, of the first and the latest, farther from the
/// middle report. `reports` are in month order.
fn check_span(reports: &[ParsedReport], problems: &mut Problems) {
    let (Some(first), Some(last)) = (reports.first(), reports.last()) else {
        return;
    };
    let index = |m: Month| i32::from(m.year) * 12 + i32::from(m.month);
    if index(last.month) - index(first.month) <= i32::from(MAX_SPAN_YEARS) * 12 {
        return;
    }
    let middle = index(reports[reports.len() / 2].month);
    let odd = if middle - index(first.month) > index(last.month) - middle {
        first
    } else {
        last
    };
    problems.push(
        Problem::error(ProblemKind::SpanTooLong {
            month: odd.month.to_string(),
            first: first.month.to_string(),
            last: last.month.to_string(),
            max: MAX_SPAN_YEARS,
        })
        .in_file(&odd.source)
        .at_spot(&odd.start),
    );
}

/// The most work areas one report may have: a real one has 12 to 20; one
/// with thousands (a Word import with every paragraph made a heading) would
/// make as many pages, and lists of areas as long on pages that list them.
pub const MAX_AREAS_PER_REPORT: usize = 200;

/// The report's written areas matched to the site's areas, moved out of
/// the parsed report.
fn entries(
    report: &mut ParsedReport,
    unit: usize,
    units: &[Unit],
    areas: &mut AreaIndex,
    problems: &mut Problems,
    several_units: bool,
) -> Vec<Entry> {
    if let Some(over) = report.body.areas.get(MAX_AREAS_PER_REPORT) {
        problems.push(
            Problem::error(ProblemKind::TooManyAreas {
                count: report.body.areas.len(),
                max: MAX_AREAS_PER_REPORT,
            })
            .in_file(&report.source)
            .at_spot(&over.heading_spot),
        );
        // Refused: the rest is not worth matching.
        report.body.areas.truncate(MAX_AREAS_PER_REPORT);
    }
    let mut anchors = names::UniqueIds::default();
    let mut entries = Vec::new();
    for written in std::mem::take(&mut report.body.areas) {
        let heading = names::strip_numbering(&written.heading).to_string();
        if heading.is_empty() {
            problems.push(
                Problem::error(ProblemKind::EmptyAreaHeading)
                    .in_file(&report.source)
                    .at_spot(&written.heading_spot),
            );
            continue;
        }
        let area = areas.find_or_add(&heading);
        // Warned at every use, so whoever writes this month's report hears
        // of it, not only the writer of the first report that used it.
        if area >= areas.configured_count && areas.configured_count > 0 {
            problems.push(
                Problem::warning(ProblemKind::UnknownArea {
                    name: heading.clone(),
                    closest: areas.closest(&heading),
                })
                .in_file(&report.source)
                .at_spot(&written.heading_spot),
            );
        }
        let base = if several_units {
            format!("{}-{}", units[unit].id, areas.list[area].id)
        } else {
            areas.list[area].id.clone()
        };
        let anchor = anchors.claim(base);
        entries.push(Entry {
            area,
            heading,
            anchor,
            progress_html: written.progress_html,
            plan_html: written.plan_html,
            progress_excerpt: written.progress_excerpt,
            previous: Previous::First,
        });
    }
    entries
}
