//! One report file read into its parts: front matter fields (with where
//! they were written) and the rendered body. Matching units and areas needs
//! every report and the site's lists, so it happens in `model::assemble_parsed`.

use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::body::{self, Body, BodyOptions};
use super::metrics::written::{self, RawMetrics, WrittenMetric};
use super::month::Month;
use super::remote::Hosts;
use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Spot, Spotter};
use crate::load::SourceFile;
use crate::names::slug;

/// The front matter keys a report understands.
pub const KNOWN_KEYS: &[&str] = &["title", "month", "unit", "draft", "summary", "metrics"];

/// A YAML scalar as a writer may type it: `unit: 3` is as valid as `unit: gd`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Scalar {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
}

impl Scalar {
    fn text(&self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Text(s) => s.trim().to_string(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
struct FrontMatter {
    title: Option<String>,
    month: Option<Spanned<Scalar>>,
    unit: Option<Spanned<Scalar>>,
    draft: Option<Spanned<Scalar>>,
    summary: Option<String>,
    metrics: Option<RawMetrics>,
}

/// A report before units and areas are matched.
#[derive(Debug, Clone)]
pub struct ParsedReport {
    pub source: String,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub month: Month,
    /// The unit as written, and where.
    pub unit: Option<(String, Spot)>,
    /// The file's start, and its body's, for messages about the whole.
    pub start: Spot,
    pub body_start: Spot,
    pub body: Body,
    /// The numbers of its `metrics:`, names not yet matched.
    pub metrics: Vec<WrittenMetric>,
}

/// Reads one report. Warnings go to `warnings`, with errors that leave
/// the report usable (a bad metric value); an error returned means the report
/// cannot be placed (no month, bad YAML) and is left out of the site.
pub fn parse(
    source: &SourceFile,
    config: &SiteConfig,
    warnings: &mut Vec<Problem>,
) -> Result<ParsedReport, Vec<Problem>> {
    let text = &source.text;
    let file = source.rel.as_str();
    let problem = |kind: ProblemKind, range: std::ops::Range<usize>| {
        Problem::error(kind).in_file(file).at(text, range)
    };

    let (front, yaml_start) = match &source.parts.front_matter {
        Some(range) if !text[range.clone()].trim().is_empty() => {
            let yaml = &text[range.clone()];
            match crate::yaml::from_str::<FrontMatter>(yaml) {
                Ok(front) => {
                    warn_unknown_keys(yaml, range.start, file, text, warnings);
                    (front, range.start)
                }
                Err(err) => {
                    let at = range.start + err.offset;
                    return Err(vec![problem(ProblemKind::BadYaml(err.message), at..at + 1)]);
                }
            }
        }
        Some(range) => (FrontMatter::default(), range.start),
        None => (FrontMatter::default(), 0),
    };
    let located = |value: &Spanned<Scalar>| {
        let span = value.referenced.span();
        let start = yaml_start + span.byte_offset().unwrap_or(0) as usize;
        let len = span.byte_len().unwrap_or(0) as usize;
        (start..start + len, value.value.text())
    };

    let mut errors = Vec::new();
    let month = match &front.month {
        Some(value) => {
            let (range, written) = located(value);
            // Read the month as typed: YAML would make `2015.10` the float 2015.1.
            let typed = text
                .get(range.clone())
                .unwrap_or(&written)
                .trim_matches(['"', '\'', ' ']);
            Month::parse(typed)
                .ok_or_else(|| problem(ProblemKind::InvalidMonth(typed.to_string()), range))
        }
        None => Month::from_file_name(file).ok_or_else(|| {
            let at = source.parts.front_matter.as_ref().map_or(0, |r| r.start);
            problem(ProblemKind::MissingMonth, at..at)
        }),
    };
    let draft = match &front.draft {
        None => false,
        Some(value) => match &value.value {
            Scalar::Bool(b) => *b,
            other => {
                let (range, _) = located(value);
                errors.push(problem(ProblemKind::InvalidDraft(other.text()), range));
                false
            }
        },
    };
    let (metrics, metric_problems) = match front.metrics {
        Some(raw) => written::read(raw, text, yaml_start),
        None => (Vec::new(), Vec::new()),
    };
    // Errors that leave the rest of the report sound: kept beside it (an
    // error all the same) so its other numbers are checked too.
    warnings.extend(
        metric_problems
            .into_iter()
            .map(|(kind, range)| problem(kind, range)),
    );
    let month = month.map_err(|e| errors.push(e)).ok();
    let (Some(month), true) = (month, errors.is_empty()) else {
        return Err(errors);
    };
    // Read the unit as typed too: YAML would make `010` and `10` one unit.
    let unit = match front.unit.as_ref().map(located) {
        Some((range, written)) => {
            let typed = text
                .get(range.clone())
                .unwrap_or(&written)
                .trim_matches(['"', '\'', ' ']);
            if typed.is_empty() {
                return Err(vec![problem(ProblemKind::EmptyUnit, range)]);
            }
            Some((typed.to_string(), range))
        }
        None => None,
    };
    let options = BodyOptions {
        sections: &config.sections,
        unsafe_html: config.unsafe_html,
        hosts: Hosts {
            allowed: &config.remote_images,
        },
        id_prefix: format!(
            "{}-",
            slug(file.rsplit_once('.').map_or(file, |(stem, _)| stem))
        ),
        source: file,
    };
    let mut body = body::render(text, source.parts.body.clone(), &options);
    // Places later messages may point at, cut out now so that the text
    // can go once the report is parsed.
    let mut spotter = Spotter::new(text);
    let start = spotter.spot(0..0);
    let unit = unit.map(|(name, range)| (name, spotter.spot(range)));
    let body_start = spotter.spot(source.parts.body.start..source.parts.body.start);
    for area in &mut body.areas {
        area.heading_spot = spotter.spot(area.heading_range.clone());
    }
    for link in &mut body.links {
        link.spot = spotter.spot(link.range.clone());
    }
    for written in &mut body.files {
        written.spot = spotter.spot(written.range.clone());
    }
    for at in std::mem::take(&mut body.too_deep_html) {
        warnings.push(
            Problem::error(ProblemKind::HtmlTooDeep(crate::model::sanitize::MAX_DEPTH))
                .in_file(file)
                .at_spot(&spotter.spot(at..at)),
        );
    }
    for image in std::mem::take(&mut body.remote_images) {
        warnings.push(
            Problem::warning(ProblemKind::RemoteImage(image.address))
                .in_file(file)
                .at_spot(&spotter.spot(image.range)),
        );
    }
    Ok(ParsedReport {
        source: file.to_string(),
        title: front.title.filter(|t| !t.trim().is_empty()),
        summary: front.summary.filter(|s| !s.trim().is_empty()),
        draft,
        month,
        unit,
        start,
        body_start,
        body,
        metrics,
    })
}

/// Warns about top-level keys nobody reads: `monht:` must not pass silently.
fn warn_unknown_keys(
    yaml: &str,
    yaml_start: usize,
    file: &str,
    text: &Arc<str>,
    warnings: &mut Vec<Problem>,
) {
    let mut offset = yaml_start;
    for line in yaml.split_inclusive('\n') {
        let key = top_level_key(line);
        if let Some(key) = key
            && !KNOWN_KEYS.contains(&key)
        {
            warnings.push(
                Problem::warning(ProblemKind::UnknownKey {
                    key: key.to_string(),
                    suggestion: crate::yaml::closest_key(key, KNOWN_KEYS),
                })
                .in_file(file)
                .at(text, offset..offset + key.len()),
            );
        }
        offset += line.len();
    }
}

/// `key` from a line `key: value` that starts at column 0.
fn top_level_key(line: &str) -> Option<&str> {
    if line.starts_with(|c: char| c.is_whitespace() || "#-'\"[{".contains(c)) {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    let key = key.trim_end();
    (!key.is_empty()).then_some(key)
}
