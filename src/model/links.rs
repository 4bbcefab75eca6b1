//! Links between reports: each link a report writes to another report's
//! file, pointed at that report and, when it names one, its work area.

use std::collections::HashMap;

use super::body;
use super::types::{Area, Entry, Report};
use crate::diagnostics::{Problem, ProblemKind, Problems};
use crate::names;

/// A link between reports, resolved: the report, and the entry's anchor
/// when it names a work area.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLink {
    pub report: usize,
    pub anchor: Option<String>,
}

/// Points each written link at its report and area; a link to a report
/// or area that does not exist is an error at the link.
pub(super) fn resolve_links(
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
