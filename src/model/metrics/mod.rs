//! The numbers reports carry (`metrics:` in their front matter): which
//! metrics the site has, and each value by area, metric, month and unit.

pub mod written;

use std::collections::{HashMap, HashSet};
use written::WrittenMetric;

use super::Month;
use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Problems, Spot};
use crate::names;

/// The key that files a number under the whole report, not an area.
pub const REPORT_SCOPE: &str = "report";

#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    pub higher_is_better: bool,
    /// The most digits after the point any value was written with: every
    /// value of the metric prints with as many.
    pub decimals: u8,
}

/// What a value is about: the whole report, or one of its work areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MetricScope {
    Report,
    /// Index into `Library::areas`.
    Area(usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetricValue {
    pub scope: MetricScope,
    /// Index into `Metrics::list`.
    pub metric: usize,
    pub month: Month,
    /// Index into `Library::units`.
    pub unit: usize,
    pub value: f64,
}

/// Every metric of the site and every value, ordered by scope, metric,
/// month and unit: one scope's metric is one run of `values`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Metrics {
    pub list: Vec<Metric>,
    pub values: Vec<MetricValue>,
}

impl Metrics {
    /// The metrics `scope` has values for, each with its values.
    pub fn of(&self, scope: MetricScope) -> Vec<(usize, &[MetricValue])> {
        let start = self.values.partition_point(|v| v.scope < scope);
        let end = self.values.partition_point(|v| v.scope <= scope);
        self.values[start..end]
            .chunk_by(|a, b| a.metric == b.metric)
            .map(|run| (run[0].metric, run))
            .collect()
    }

    /// Every scope with values, in order.
    pub fn scopes(&self) -> Vec<MetricScope> {
        let mut scopes: Vec<MetricScope> = self.values.iter().map(|v| v.scope).collect();
        scopes.dedup();
        scopes
    }
}

/// One report's numbers, with what is needed to match and point at them.
pub(in crate::model) struct ReportMetrics {
    pub source: String,
    pub unit: usize,
    pub month: Month,
    pub written: Vec<WrittenMetric>,
}

/// How `resolve` finds areas: by any of their names, and the names to
/// suggest.
pub(in crate::model) struct AreaNames<'a> {
    pub find: &'a dyn Fn(&str) -> Option<usize>,
    pub names: Vec<String>,
}

/// The most numbers one report may give: 20 areas × 10 metrics is already
/// more than any real report; each number is a point of a chart, each new
/// metric a chart of its own on the home page or an area's page.
pub const MAX_METRICS_PER_REPORT: usize = 500;

/// Matches every report's numbers to areas and metrics. A metric not in
/// site.yaml is an error when site.yaml lists metrics (a typo would start
/// a new chart of one point, unnoticed); a site that lists none charts
/// whatever names its reports use.
pub(in crate::model) fn resolve(
    config: &SiteConfig,
    reports: Vec<ReportMetrics>,
    areas: &AreaNames,
    problems: &mut Problems,
) -> Metrics {
    let configured = !config.metrics.is_empty();
    let mut list: Vec<Metric> = config
        .metrics
        .iter()
        .map(|m| Metric {
            id: m.id.clone(),
            name: m.name.clone(),
            unit: m.unit.clone().filter(|u| !u.trim().is_empty()),
            higher_is_better: m.higher_is_better,
            decimals: 0,
        })
        .collect();
    // By normalized id and name (the first metric either fits), and the ids
    // given: looked up, not searched, for each value (100,000 metrics in
    // one report took metrics² comparisons).
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut ids = names::UniqueIds::default();
    for (i, metric) in list.iter().enumerate() {
        for name in [&metric.id, &metric.name] {
            by_name.entry(names::normalize(name)).or_insert(i);
        }
        ids.reserve(&metric.id);
    }
    let mut values = Vec::new();
    for mut report in reports {
        let error =
            |kind: ProblemKind, at: &Spot| Problem::error(kind).in_file(&report.source).at_spot(at);
        if let Some(over) = report.written.get(MAX_METRICS_PER_REPORT) {
            problems.push(error(
                ProblemKind::TooManyMetrics {
                    count: report.written.len(),
                    max: MAX_METRICS_PER_REPORT,
                },
                &over.name_at,
            ));
            report.written.truncate(MAX_METRICS_PER_REPORT);
        }
        let mut seen = HashSet::new();
        for written in report.written {
            let scope = if names::normalize(&written.scope) == REPORT_SCOPE {
                MetricScope::Report
            } else if let Some(area) = (areas.find)(&written.scope) {
                MetricScope::Area(area)
            } else {
                let candidates = areas.names.iter().map(String::as_str);
                let closest = closest(&written.scope, candidates.chain([REPORT_SCOPE]));
                problems.push(error(
                    ProblemKind::UnknownMetricArea {
                        given: written.scope.clone(),
                        closest,
                    },
                    &written.scope_at,
                ));
                continue;
            };
            let wanted = names::normalize(&written.name);
            let found = by_name.get(&wanted).copied();
            let metric = match found {
                Some(metric) => metric,
                None if configured => {
                    let known = list.iter().flat_map(|m| [m.name.as_str(), m.id.as_str()]);
                    problems.push(error(
                        ProblemKind::UnknownMetric {
                            name: written.name.clone(),
                            closest: closest(&written.name, known),
                        },
                        &written.name_at,
                    ));
                    continue;
                }
                None => {
                    let id = ids.claim(names::slug(&written.name));
                    let metric = list.len();
                    by_name.entry(names::normalize(&id)).or_insert(metric);
                    by_name.entry(wanted).or_insert(metric);
                    list.push(Metric {
                        id,
                        name: written.name.clone(),
                        unit: written.unit.as_ref().map(|(u, _)| u.clone()),
                        higher_is_better: true,
                        decimals: 0,
                    });
                    metric
                }
            };
            if let Some((given, at)) = &written.unit {
                let expected = &list[metric].unit;
                if expected.as_deref().map(names::normalize) != Some(names::normalize(given)) {
                    problems.push(error(
                        ProblemKind::MetricUnitMismatch {
                            name: written.name.clone(),
                            given: given.clone(),
                            expected: expected.clone(),
                        },
                        at,
                    ));
                    continue;
                }
            }
            if !seen.insert((scope, metric)) {
                problems.push(error(
                    ProblemKind::DuplicateMetric {
                        name: written.name.clone(),
                        scope: written.scope.clone(),
                    },
                    &written.name_at,
                ));
                continue;
            }
            let decimals = &mut list[metric].decimals;
            *decimals = (*decimals).max(written.decimals);
            values.push(MetricValue {
                scope,
                metric,
                month: report.month,
                unit: report.unit,
                value: written.value,
            });
        }
    }
    values.sort_by_key(|v| (v.scope, v.metric, v.month, v.unit));
    Metrics { list, values }
}

/// The candidate `name` most likely meant, if one is close.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    names::closest(name, candidates).map(str::to_string)
}
