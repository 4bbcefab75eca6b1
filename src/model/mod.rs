//! Stage 2, model: reports, months, units and work areas, and how they
//! relate. Built from the loaded inputs only; knows nothing of HTML pages.

mod body;
mod cjk_emphasis;
pub mod metrics;
mod month;
mod previous;
pub mod remote;
mod report;
mod sanitize;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

pub use body::{fill_link_placeholders, link_placeholder};
pub use month::Month;
pub use previous::Previous;
use report::ParsedReport;

use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::load::SourceFile;
use crate::names;

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone)]
pub struct Area {
    pub id: String,
    pub name: String,
}

/// One work area in one report: what was done that month and what was
/// planned next.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into `Library::areas`.
    pub area: usize,
    /// The heading as the writer wrote it, numbering stripped.
    pub heading: String,
    /// Its anchor on the month page.
    pub anchor: String,
    pub progress_html: Arc<str>,
    pub plan_html: Arc<str>,
    /// The progress's first line, shortened, for lists.
    pub progress_excerpt: Arc<str>,
    /// What the unit planned for this area the month before.
    pub previous: Previous,
}

/// One unit's report for one month.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file, relative to the site root.
    pub source: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub month: Month,
    /// Index into `Library::units`.
    pub unit: usize,
    pub preamble_html: Arc<str>,
    pub entries: Vec<Entry>,
    /// Where each link to another report leads (see `body::WrittenLink`);
    /// none for a link that leads nowhere (an error).
    pub links: Vec<Option<ReportLink>>,
}

/// Everything the site shows, ordered: reports by month, then by unit in
/// configured order.
#[derive(Debug)]
pub struct Library {
    pub config: SiteConfig,
    pub units: Vec<Unit>,
    pub areas: Vec<Area>,
    pub reports: Vec<Report>,
    /// Each month with reports, oldest first, with its reports' indices.
    pub months: BTreeMap<Month, Vec<usize>>,
    /// (unit, month) of the drafts left out of the site: who has started
    /// a report but not submitted it.
    pub drafts: BTreeSet<(usize, Month)>,
    /// The numbers the reports carry, by area, metric, month and unit.
    pub metrics: metrics::Metrics,
}

impl Library {
    /// Indices of the reports that have an entry for `area`, with the entry's
    /// index: newest month first, units in configured order within a month.
    pub fn timeline(&self, area: usize) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for reports in self.months.values().rev() {
            for &r in reports {
                for (e, entry) in self.reports[r].entries.iter().enumerate() {
                    if entry.area == area {
                        found.push((r, e));
                    }
                }
            }
        }
        found
    }
}

pub struct ModelOptions {
    pub drafts: bool,
}

/// One report file read: the report, or why it cannot be placed, and its
/// warnings. Cheap to clone (the rendered HTML is shared), so `serve` can
/// keep it and parse only the files that change.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    result: Result<ParsedReport, Vec<Problem>>,
    warnings: Vec<Problem>,
}

impl ParsedFile {
    /// A file that could not even be read.
    pub fn unreadable(problem: Problem) -> ParsedFile {
        ParsedFile {
            result: Err(vec![problem]),
            warnings: Vec::new(),
        }
    }
}

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

/// Puts the edited version `new` of a report in place of the version
/// `old` the library was built from, when the edit changes only what the
/// report says, not where it stands: same month, unit, draft state and
/// area headings, and no warnings either side. Then the library is what
/// assembling every file again would give, at a fraction of the cost (a
/// save in `serve`). Returns false, the library untouched, otherwise.
/// The work areas whose text changed are added to `areas` (every area of
/// the report when its title changed: timelines name the report).
/// `report` is where the caller found the report's source in the library.
pub fn patch(
    library: &mut Library,
    report: usize,
    old: &ParsedFile,
    new: &ParsedFile,
    areas: &mut BTreeSet<usize>,
) -> bool {
    let (Ok(before), Ok(after)) = (&old.result, &new.result) else {
        return false;
    };
    let placement = |r: &ParsedReport| {
        (
            r.source.clone(),
            r.month,
            r.draft,
            r.unit.as_ref().map(|(name, _)| name.clone()),
            r.body
                .areas
                .iter()
                .map(|a| names::strip_numbering(&a.heading).to_string())
                .collect::<Vec<_>>(),
        )
    };
    // Links are checked against every report when assembling: an edit
    // with links takes that way.
    let links = !before.body.links.is_empty() || !after.body.links.is_empty();
    // Metrics are matched against every report's areas: same way.
    if before.metrics != after.metrics
        || links
        || !old.warnings.is_empty()
        || !new.warnings.is_empty()
        || placement(before) != placement(after)
    {
        return false;
    }
    let Some(report) = library
        .reports
        .get_mut(report)
        .filter(|r| r.source == after.source)
    else {
        return false;
    };
    if report.entries.len() != after.body.areas.len() {
        return false;
    }
    let whole = report.title != after.title;
    for (entry, written) in report.entries.iter().zip(&after.body.areas) {
        if whole
            || entry.progress_html != written.progress_html
            || entry.plan_html != written.plan_html
        {
            areas.insert(entry.area);
        }
    }
    report.title.clone_from(&after.title);
    report.summary.clone_from(&after.summary);
    report.preamble_html = Arc::clone(&after.body.preamble_html);
    for (entry, written) in report.entries.iter_mut().zip(&after.body.areas) {
        entry.progress_html = Arc::clone(&written.progress_html);
        entry.plan_html = Arc::clone(&written.plan_html);
        entry.progress_excerpt = Arc::clone(&written.progress_excerpt);
    }
    true
}

/// A link between reports, resolved: the report, and the entry's anchor
/// when it names a work area.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLink {
    pub report: usize,
    pub anchor: Option<String>,
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
    let drafts = drafts_left_out
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
    Library {
        config,
        units: units.list,
        areas: areas.list,
        reports: library_reports,
        months,
        drafts,
        metrics,
    }
}

/// Points each written link at its report and area; a link to a report
/// or area that does not exist is an error at the link.
fn resolve_links(
    reports: &mut [Report],
    areas: &[Area],
    written: Vec<(String, Vec<body::WrittenLink>)>,
    problems: &mut Problems,
) {
    let by_source: HashMap<String, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.source.clone(), i))
        .collect();
    // Per linked report, made when first needed: a report linked 20,000
    // times is not searched 20,000 times.
    let mut anchors_by_name: HashMap<usize, HashMap<String, usize>> = HashMap::new();
    for (source, links) in written {
        let mut resolved = Vec::new();
        for link in links {
            let at = |kind| Problem::error(kind).in_file(&source).at_spot(&link.spot);
            let path = join(&source, &link.path);
            let Some(&target) = by_source.get(&path) else {
                problems.push(at(ProblemKind::LinkToNoReport(link.path.clone())));
                resolved.push(None);
                continue;
            };
            let anchor = match &link.fragment {
                None => None,
                Some(fragment) => {
                    let entries = &reports[target].entries;
                    let anchors = anchors_by_name
                        .entry(target)
                        .or_insert_with(|| entry_names(entries, areas));
                    match anchors.get(&names::normalize(fragment)) {
                        Some(&entry) => Some(entries[entry].anchor.clone()),
                        None => {
                            let known = entries
                                .iter()
                                .map(|e| e.heading.as_str())
                                .collect::<Vec<_>>()
                                .join("、");
                            problems.push(at(ProblemKind::LinkToNoArea {
                                area: fragment.clone(),
                                report: link.path.clone(),
                                known,
                            }));
                            resolved.push(None);
                            continue;
                        }
                    }
                }
            };
            resolved.push(Some(ReportLink {
                report: target,
                anchor,
            }));
        }
        if let Some(&report) = by_source.get(&source) {
            reports[report].links = resolved;
        }
    }
}

/// A report's entries by every name a link may give them: heading, area
/// name, area id, anchor (normalized; the first entry a name fits).
fn entry_names(entries: &[Entry], areas: &[Area]) -> HashMap<String, usize> {
    let mut by_name = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let area = &areas[e.area];
        for name in [e.heading.as_str(), &area.name, &area.id, &e.anchor] {
            by_name.entry(names::normalize(name)).or_insert(i);
        }
    }
    by_name
}

/// `path` (relative, `/`-separated) from the folder of the file `from`,
/// with `.` and `..` worked out.
pub fn join(from: &str, path: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// The site's units: those site.yaml lists, or else those the reports name.
struct Units {
    list: Vec<Unit>,
    /// Ids and names, normalized: what a report's `unit:` may say.
    by_name: HashMap<String, usize>,
    /// Whether reports may only name listed units.
    configured: bool,
}

fn resolve_units(config: &SiteConfig, reports: &[ParsedReport]) -> Units {
    if !config.units.is_empty() {
        let list = config
            .units
            .iter()
            .map(|u| Unit {
                id: u.id.clone(),
                name: u.name.clone(),
            })
            .collect();
        return Units::new(list, true);
    }
    let mut list: Vec<Unit> = Vec::new();
    // One unit however it is spelled (`GD`, `gd`, `ＧＤ`): the first spelling,
    // in file order, names it.
    let mut spellings: Vec<&str> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for report in reports {
        if let Some((name, _)) = &report.unit
            && seen.insert(names::normalize(name))
        {
            spellings.push(name);
        }
    }
    spellings.sort_unstable();
    let mut ids = names::UniqueIds::default();
    for name in spellings {
        list.push(Unit {
            id: ids.claim(names::slug(name)),
            name: name.to_string(),
        });
    }
    if list.is_empty() {
        list.push(Unit {
            id: "main".into(),
            name: config.title().to_string(),
        });
    }
    Units::new(list, false)
}

impl Units {
    fn new(list: Vec<Unit>, configured: bool) -> Self {
        let mut by_name = HashMap::new();
        for (i, unit) in list.iter().enumerate() {
            // The first unit an id or name fits is the one meant.
            for name in [&unit.id, &unit.name] {
                by_name.entry(names::normalize(name)).or_insert(i);
            }
        }
        Units {
            list,
            by_name,
            configured,
        }
    }

    fn unit_of(
        &self,
        report: &ParsedReport,
        config: &SiteConfig,
        problems: &mut Problems,
    ) -> Option<usize> {
        let Some((written, spot)) = &report.unit else {
            if self.list.len() == 1 {
                return Some(0);
            }
            problems.push(
                Problem::error(ProblemKind::MissingUnit)
                    .in_file(&report.source)
                    .at_spot(&report.start),
            );
            return None;
        };
        let wanted = names::normalize(written);
        let found = self.by_name.get(&wanted).copied();
        if found.is_none() && self.configured {
            let known = config
                .units
                .iter()
                .map(|u| format!("{} ({})", u.id, u.name))
                .collect::<Vec<_>>()
                .join(", ");
            problems.push(
                Problem::error(ProblemKind::UnknownUnit {
                    given: written.clone(),
                    known,
                })
                .in_file(&report.source)
                .at_spot(spot),
            );
        }
        found
    }
}

/// Work areas by name and alias, growing as reports bring new headings.
struct AreaIndex {
    list: Vec<Area>,
    by_name: HashMap<String, usize>,
    /// Every area's id, normalized: a heading may name an area by it.
    by_id: HashMap<String, usize>,
    ids: names::UniqueIds,
    /// Configured names and aliases, for "closest area" suggestions.
    configured: Vec<(String, usize)>,
    /// Areas before this index are site.yaml's.
    configured_count: usize,
}

impl AreaIndex {
    fn new(config: &SiteConfig) -> Self {
        let mut index = AreaIndex {
            list: Vec::new(),
            by_name: HashMap::new(),
            by_id: HashMap::new(),
            ids: names::UniqueIds::default(),
            configured: Vec::new(),
            configured_count: config.areas.len(),
        };
        for area in &config.areas {
            let i = index.list.len();
            index.list.push(Area {
                id: area.id.clone(),
                name: area.name.clone(),
            });
            index.ids.reserve(&area.id);
            index.by_id.entry(names::normalize(&area.id)).or_insert(i);
            for name in std::iter::once(&area.name)
                .chain(&area.aliases)
                .chain(std::iter::once(&area.id))
            {
                index.by_name.insert(names::normalize(name), i);
                index.configured.push((name.clone(), i));
            }
        }
        index
    }

    /// The area a heading names, added if it is new.
    fn find_or_add(&mut self, name: &str) -> usize {
        let key = names::normalize(name);
        if let Some(&i) = self.by_name.get(&key) {
            return i;
        }
        let id = self.ids.claim(names::slug(name));
        let i = self.list.len();
        self.by_id.entry(names::normalize(&id)).or_insert(i);
        self.list.push(Area {
            id,
            name: name.to_string(),
        });
        self.by_name.insert(key, i);
        i
    }

    /// The area `name` names (a name, alias or id), if any.
    fn find(&self, name: &str) -> Option<usize> {
        let key = names::normalize(name);
        self.by_name
            .get(&key)
            .or_else(|| self.by_id.get(&key))
            .copied()
    }

    fn closest(&self, name: &str) -> Option<String> {
        let name: Vec<char> = names::normalize(name).chars().collect();
        self.configured
            .iter()
            .map(|(candidate, i)| {
                let candidate: Vec<char> = names::normalize(candidate).chars().collect();
                (strsim::generic_levenshtein(&name, &candidate), *i)
            })
            .min()
            .map(|(_, i)| self.list[i].name.clone())
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
