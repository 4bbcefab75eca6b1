//! What pages show of the reports' numbers: per area (or for the whole
//! report) a chart of each metric with a table of the same values and a
//! CSV of them; on the index, each metric's latest value and its change.

use serde::Serialize;

use super::chart::{self, Line, Words};
use super::i18n::{self, Strings, fill_with};
use super::multiples::{self, PanelWords};
use super::numbers;
use super::spreadsheet::text_cell;
use crate::model::metrics::{Metric, MetricScope, MetricValue};
use crate::model::{Library, Month};

/// One metric's chart with its legend and table.
#[derive(Serialize)]
pub struct ChartView {
    /// The chart's id on its page, and the anchor the index links to.
    pub id: String,
    pub name: String,
    pub unit: Option<String>,
    /// `（人）`: the unit in brackets, for beside the name.
    pub unit_label: String,
    /// The chart of every unit's line; empty when there are too many
    /// lines to tell apart, and `panels` has a small chart per unit.
    pub svg: String,
    pub legend: Vec<LegendItem>,
    pub panels: Vec<Panel>,
    pub table: Table,
}

/// One unit's small chart, on the scale all units share.
#[derive(Serialize)]
pub struct Panel {
    pub label: String,
    /// Its latest value, formatted, and that value's month.
    pub latest: String,
    pub month: String,
    pub svg: String,
}

#[derive(Serialize)]
pub struct LegendItem {
    pub label: String,
    pub swatch: String,
}

/// Months (newest first) × units.
#[derive(Serialize)]
pub struct Table {
    pub caption: String,
    pub units: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Serialize)]
pub struct Row {
    pub month: String,
    /// A value per unit, `None` where it has none that month.
    pub cells: Vec<Option<String>>,
}

/// Where a scope's CSV is: `areas/<id>/metrics.csv`, or `metrics.csv`
/// for numbers of whole reports.
pub fn csv_path(library: &Library, scope: MetricScope) -> String {
    match scope {
        MetricScope::Report => "metrics.csv".to_string(),
        MetricScope::Area(a) => format!("areas/{}/metrics.csv", library.areas[a].id),
    }
}

/// The chart id of `metric` in `scope`, unique across the site.
pub fn chart_id(library: &Library, scope: MetricScope, metric: usize) -> String {
    let metric = &library.metrics.list[metric].id;
    match scope {
        MetricScope::Report => format!("metric-report-{metric}"),
        MetricScope::Area(_) => format!("metric-{metric}"),
    }
}

/// Every month from `first` to `last`.
fn months_between(first: Month, last: Month) -> Vec<Month> {
    let mut months = vec![first];
    while let Some(&m) = months.last()
        && m < last
    {
        let next = if m.month == 12 {
            Month {
                year: m.year + 1,
                month: 1,
            }
        } else {
            Month {
                year: m.year,
                month: m.month + 1,
            }
        };
        months.push(next);
    }
    months
}

/// The months a metric's values span, every one of them.
fn span(values: &[MetricValue]) -> Vec<Month> {
    match (values.first(), values.last()) {
        (Some(first), Some(last)) => months_between(first.month, last.month),
        _ => Vec::new(),
    }
}

/// The units with values, in the site's order.
fn units_of(values: &[MetricValue]) -> Vec<usize> {
    let mut units: Vec<usize> = values.iter().map(|v| v.unit).collect();
    units.sort_unstable();
    units.dedup();
    units
}

pub fn charts(library: &Library, scope: MetricScope, t: &Strings) -> Vec<ChartView> {
    library
        .metrics
        .of(scope)
        .into_iter()
        .map(|(m, values)| {
            let metric = &library.metrics.list[m];
            let months = span(values);
            let units = units_of(values);
            let lines: Vec<Line> = units
                .iter()
                .map(|&u| Line {
                    key: &library.units[u].id,
                    label: i18n::unit_name(&library.units[u], t),
                    values: values
                        .iter()
                        .filter(|v| v.unit == u)
                        .map(|v| (v.month, v.value))
                        .collect(),
                })
                .collect();
            let id = chart_id(library, scope, m);
            let description = describe(metric, &months, &lines, t);
            let title = titled(metric, t);
            let words = Words {
                title: &title,
                description: &description,
                unit: metric.unit.as_deref(),
                unit_caption: &t.metric_unit_caption,
            };
            let many = lines.len() > multiples::MOST_LINES;
            let (svg, legend, panels) = if many {
                let panels = panels_of(&format!("{id}-chart"), metric, &months, &lines, t);
                (String::new(), Vec::new(), panels)
            } else {
                let svg = chart::line_chart(
                    &format!("{id}-chart"),
                    &months,
                    &lines,
                    metric.decimals,
                    &words,
                    &t.number_scales,
                );
                (svg, legend_of(&lines), Vec::new())
            };
            let rows = months
                .iter()
                .rev()
                .map(|&month| Row {
                    month: month.to_string(),
                    cells: units
                        .iter()
                        .map(|&u| {
                            values
                                .iter()
                                .find(|v| v.unit == u && v.month == month)
                                .map(|v| numbers::grouped(v.value, metric.decimals))
                        })
                        .collect(),
                })
                .collect();
            ChartView {
                id,
                name: metric.name.clone(),
                unit: metric.unit.clone(),
                unit_label: bracketed(metric, t),
                svg,
                legend,
                panels,
                table: Table {
                    caption: fill_with(&t.metric_table_title, &[("metric", &title)]),
                    units: units
                        .iter()
                        .map(|&u| i18n::unit_name(&library.units[u], t).to_string())
                        .collect(),
                    rows,
                },
            }
        })
        .collect()
}

fn legend_of(lines: &[Line]) -> Vec<LegendItem> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| LegendItem {
            label: line.label.to_string(),
            swatch: chart::swatch(i),
        })
        .collect()
}

/// A small chart per line, each named by its unit and latest value.
fn panels_of(
    id: &str,
    metric: &Metric,
    months: &[Month],
    lines: &[Line],
    t: &Strings,
) -> Vec<Panel> {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Vec::new();
    };
    let (first, last) = (first.to_string(), last.to_string());
    let title = titled(metric, t);
    let unit = metric.unit.as_deref().unwrap_or("");
    let latest: Vec<(String, String)> = lines
        .iter()
        .map(|line| match line.values.last() {
            Some((month, value)) => (numbers::grouped(*value, metric.decimals), month.to_string()),
            None => (String::new(), String::new()),
        })
        .collect();
    let words: Vec<PanelWords> = lines
        .iter()
        .zip(&latest)
        .map(|(line, (value, month))| {
            let values = [
                ("label", line.label),
                ("metric", title.as_str()),
                ("first", &first),
                ("last", &last),
                ("value", value),
                ("unit", unit),
                ("month", month),
            ];
            PanelWords {
                title: format!("{} · {title}", line.label),
                description: fill_with(&t.metric_panel_description, &values),
            }
        })
        .collect();
    let svgs = multiples::panels(id, months, lines, &words, &t.number_scales);
    lines
        .iter()
        .zip(latest)
        .zip(svgs)
        .map(|((line, (latest, month)), svg)| Panel {
            label: line.label.to_string(),
            latest,
            month,
            svg,
        })
        .collect()
}

/// `注册志愿者（人）`, `Satisfaction (%)`.
fn titled(metric: &Metric, t: &Strings) -> String {
    format!("{}{}", metric.name, bracketed(metric, t))
}

/// The metric's unit in brackets as the language writes them, or nothing.
fn bracketed(metric: &Metric, t: &Strings) -> String {
    match &metric.unit {
        Some(unit) => fill_with(&t.metric_unit_bracket, &[("unit", unit)]),
        None => String::new(),
    }
}

/// The chart in a sentence or two: what, when, who, and the latest values.
fn describe(metric: &Metric, months: &[Month], lines: &[Line], t: &Strings) -> String {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return String::new();
    };
    let unit = metric.unit.as_deref().unwrap_or("");
    let latest: Vec<String> = lines
        .iter()
        .filter_map(|line| {
            let (month, value) = line.values.last()?;
            let value = numbers::grouped(*value, metric.decimals);
            let month = month.to_string();
            let values = [
                ("label", line.label),
                ("value", &value),
                ("unit", unit),
                ("month", &month),
            ];
            Some(fill_with(&t.metric_latest_value, &values))
        })
        .collect();
    let (first, last) = (first.to_string(), last.to_string());
    let latest = latest.join(&t.metric_latest_separator);
    let values = [
        ("metric", metric.name.as_str()),
        ("first", &first),
        ("last", &last),
        ("latest", &latest),
    ];
    fill_with(&t.metric_description, &values)
}

/// A scope's values as CSV for Excel (UTF-8 with a BOM, like the month
/// CSV): a row per month, unit and metric, the number unformatted.
pub fn csv(library: &Library, scope: MetricScope, t: &Strings) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut bytes);
        let _ = writer.write_record([
            &t.month_column,
            &t.unit_column,
            &t.metric_column,
            &t.value_column,
            &t.metric_unit_column,
        ]);
        for (m, values) in library.metrics.of(scope) {
            let metric = &library.metrics.list[m];
            for value in values {
                let _ = writer.write_record([
                    value.month.to_string().as_str(),
                    &text_cell(i18n::unit_name(&library.units[value.unit], t)),
                    &text_cell(&metric.name),
                    &numbers::plain(value.value, metric.decimals),
                    &text_cell(metric.unit.as_deref().unwrap_or("")),
                ]);
            }
        }
        let _ = writer.flush();
    }
    bytes
}

/// A metric on the index: each unit's latest value and its change.
/// Units' values are not added up: units may overlap (a province and
/// its cities), and only the writer knows whether a sum means anything.
#[derive(Serialize)]
pub struct Latest {
    pub name: String,
    /// The area it belongs to; none for numbers of whole reports.
    pub area: Option<String>,
    /// Its chart.
    pub url: String,
    pub unit: Option<String>,
    pub unit_label: String,
    pub units: Vec<UnitLatest>,
}

#[derive(Serialize)]
pub struct UnitLatest {
    pub unit: String,
    pub value: String,
    pub month: String,
    pub change: Option<Change>,
    /// The unit's values over the metric's months.
    pub sparkline: String,
}

#[derive(Serialize)]
pub struct Change {
    pub amount: String,
    pub percent: Option<String>,
    /// `up`, `down` or `flat`.
    pub direction: &'static str,
    pub arrow: &'static str,
    pub words: String,
    /// `good`, `bad` or `neutral`, by `higher_is_better`.
    pub tone: &'static str,
    /// The unit's previous month with a value.
    pub since: String,
}

/// Each metric of each scope: per unit, its latest value and the change
/// since the unit's previous value.
pub fn latest(
    library: &Library,
    chart_url: &dyn Fn(MetricScope, usize) -> String,
    t: &Strings,
) -> Vec<Latest> {
    let mut list = Vec::new();
    for scope in library.metrics.scopes() {
        for (m, values) in library.metrics.of(scope) {
            let metric = &library.metrics.list[m];
            let months = span(values);
            let units = units_of(values)
                .into_iter()
                .filter_map(|u| {
                    let own: Vec<&MetricValue> = values.iter().filter(|v| v.unit == u).collect();
                    let (last, before) = match own.as_slice() {
                        [.., before, last] => (*last, Some(*before)),
                        [last] => (*last, None),
                        [] => return None,
                    };
                    let series: Vec<Option<f64>> = months
                        .iter()
                        .map(|month| own.iter().find(|v| v.month == *month).map(|v| v.value))
                        .collect();
                    Some(UnitLatest {
                        unit: i18n::unit_name(&library.units[u], t).to_string(),
                        value: numbers::grouped(last.value, metric.decimals),
                        month: i18n::month_label(last.month, t),
                        change: before.map(|before| change_of(metric, before, last, t)),
                        sparkline: chart::sparkline(&series),
                    })
                })
                .collect();
            list.push(Latest {
                name: metric.name.clone(),
                area: match scope {
                    MetricScope::Report => None,
                    MetricScope::Area(a) => Some(library.areas[a].name.clone()),
                },
                url: chart_url(scope, m),
                unit: metric.unit.clone(),
                unit_label: bracketed(metric, t),
                units,
            });
        }
    }
    list
}

/// The change from one value to the next of the same unit.
fn change_of(metric: &Metric, before: &MetricValue, now: &MetricValue, t: &Strings) -> Change {
    let amount = now.value - before.value;
    let shown = numbers::signed(amount, metric.decimals);
    let flat = shown.chars().all(|c| c == '0' || c == '.');
    let (direction, arrow, words) = if flat {
        ("flat", "→", &t.change_flat)
    } else if amount > 0.0 {
        ("up", "▲", &t.change_up)
    } else {
        ("down", "▼", &t.change_down)
    };
    let tone = match (direction, metric.higher_is_better) {
        ("flat", _) => "neutral",
        ("up", true) | ("down", false) => "good",
        _ => "bad",
    };
    let percent = (before.value != 0.0 && !flat).then(|| {
        let p = amount / before.value.abs() * 100.0;
        format!("{}%", numbers::signed(p, 1))
    });
    Change {
        amount: shown,
        percent,
        direction,
        arrow,
        words: words.clone(),
        tone,
        since: before.month.to_string(),
    }
}
