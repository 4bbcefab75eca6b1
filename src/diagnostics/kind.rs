//! The kinds of problem, and what each says (src/messages/*/problems.ftl).

use std::fmt;

use crate::msg;

/// What went wrong, in the writer's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    Unreadable(String),
    NotUtf8 {
        looks_like_gbk: bool,
    },
    UnclosedFrontMatter,
    BadYaml(String),
    MissingMonth,
    InvalidMonth(String),
    UnknownUnit {
        given: String,
        known: String,
    },
    MissingUnit,
    EmptyUnit,
    EmptyAreaHeading,
    NoAreas,
    TooManyAreas {
        count: usize,
        max: usize,
    },
    TooManyMetrics {
        count: usize,
        max: usize,
    },
    SpanTooLong {
        month: String,
        first: String,
        last: String,
        max: u16,
    },
    OnlyDrafts,
    DuplicateReport {
        unit: String,
        month: String,
        other: String,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
    },
    UnknownConfigKey {
        key: String,
        suggestion: Option<String>,
    },
    UnknownArea {
        name: String,
        closest: Option<String>,
    },
    MetricsNotAMap(String),
    MetricUnknownKey(String),
    MetricEmpty(String),
    MetricNotANumber {
        name: String,
        written: String,
    },
    UnknownMetricArea {
        given: String,
        closest: Option<String>,
    },
    UnknownMetric {
        name: String,
        closest: Option<String>,
    },
    MetricUnitMismatch {
        name: String,
        given: String,
        expected: Option<String>,
    },
    DuplicateMetric {
        name: String,
        scope: String,
    },
    LinkToNoReport(String),
    LinkToNoArea {
        area: String,
        report: String,
        known: String,
    },
    RemoteImage(String),
    FileMissing(String),
    FileHidden(String),
    FileOutsideContent(String),
    NotOrdinaryFile(String),
    FileWouldRun(String),
    PictureTooLarge {
        path: String,
        size: String,
        max_kb: u64,
    },
    BrokenLink(String),
    InvalidDraft(String),
    BadTranslation(String),
    MissingTranslations {
        count: usize,
        fallback: String,
        keys: String,
    },
    BadConfig(String),
    /// site.yaml that is not YAML of the expected shape (the reader's words).
    BadConfigYaml(String),
    NoReports(String),
    Template {
        name: String,
        message: String,
    },
    /// `--output` is the site's folder or holds it.
    OutputHoldsSite(String),
    /// `--output` is, holds or is inside one of the site's sources.
    OutputTouchesSource {
        output: String,
        source: String,
        path: String,
    },
    OutputLinkedFrom {
        output: String,
        link: String,
    },
    /// A folder with files and no marker: not reportal's to replace.
    OutputNotOurs(String),
    OutputNotAFolder(String),
    /// An operation on the output failed; `action` is one of create,
    /// write, open, lock, copy, replace (the catalogue's words for each).
    OutputFailed {
        action: &'static str,
        path: String,
        reason: String,
    },
    OutputOutside(String),
    /// A pipe, socket or device named like a report.
    NotAFileReport,
    NoTranslationFile(String),
    ThemeNotFound(String),
    WordTooLarge,
    PagesCollide(String),
    LinkOutside(String),
    LinkIntoHidden(String),
    HtmlTooDeep(usize),
    TooLarge(u64),
}

impl ProblemKind {
    /// The message, in the language of this run.
    // One arm per kind: a table, not a function to split.
    #[allow(clippy::too_many_lines)]
    pub fn message(&self) -> String {
        use ProblemKind as K;
        match self {
            K::Unreadable(reason) => msg!("problem-unreadable", reason = reason),
            K::NotUtf8 { looks_like_gbk } => msg!(if *looks_like_gbk {
                "problem-not-utf8-gbk"
            } else {
                "problem-not-utf8"
            }),
            K::UnclosedFrontMatter => msg!("problem-unclosed-front-matter"),
            K::BadYaml(reason) => msg!("problem-bad-yaml", reason = reason),
            K::MissingMonth => msg!("problem-missing-month"),
            K::InvalidMonth(given) => msg!("problem-invalid-month", given = given),
            K::UnknownUnit { given, known } => {
                msg!("problem-unknown-unit", given = given, known = known)
            }
            K::MissingUnit => msg!("problem-missing-unit"),
            K::EmptyUnit => msg!("problem-empty-unit"),
            K::EmptyAreaHeading => msg!("problem-empty-area-heading"),
            K::NoAreas => msg!("problem-no-areas"),
            K::TooManyAreas { count, max } => {
                msg!("problem-too-many-areas", count = *count, max = *max)
            }
            K::TooManyMetrics { count, max } => {
                msg!("problem-too-many-metrics", count = *count, max = *max)
            }
            K::SpanTooLong {
                month,
                first,
                last,
                max,
            } => msg!(
                "problem-span-too-long",
                month = month,
                first = first,
                last = last,
                max = *max
            ),
            K::OnlyDrafts => msg!("problem-only-drafts"),
            // The one unit of a site that names none has no name to say.
            K::DuplicateReport { unit, month, other } if unit.is_empty() => {
                msg!(
                    "problem-duplicate-report-single",
                    month = month,
                    other = other
                )
            }
            K::DuplicateReport { unit, month, other } => msg!(
                "problem-duplicate-report",
                unit = unit,
                month = month,
                other = other
            ),
            K::UnknownKey { key, suggestion } => match suggestion {
                Some(s) => msg!("problem-unknown-key-suggest", key = key, suggestion = s),
                None => msg!("problem-unknown-key", key = key),
            },
            K::UnknownConfigKey { key, suggestion } => match suggestion {
                Some(s) => msg!(
                    "problem-unknown-config-key-suggest",
                    key = key,
                    suggestion = s
                ),
                None => msg!("problem-unknown-config-key", key = key),
            },
            K::UnknownArea { name, closest } => match closest {
                Some(c) => msg!("problem-unknown-area-suggest", name = name, closest = c),
                None => msg!("problem-unknown-area", name = name),
            },
            K::MetricsNotAMap(given) => msg!("problem-metrics-not-a-map", given = given),
            K::MetricUnknownKey(key) => msg!("problem-metric-unknown-key", key = key),
            K::MetricEmpty(name) => msg!("problem-metric-empty", name = name),
            K::MetricNotANumber { name, written } => {
                msg!(
                    "problem-metric-not-a-number",
                    name = name,
                    written = written
                )
            }
            K::UnknownMetricArea { given, closest } => match closest {
                Some(s) => msg!(
                    "problem-unknown-metric-area-suggest",
                    given = given,
                    suggestion = s
                ),
                None => msg!("problem-unknown-metric-area", given = given),
            },
            K::UnknownMetric { name, closest } => match closest {
                Some(s) => msg!(
                    "problem-unknown-metric-suggest",
                    name = name,
                    suggestion = s
                ),
                None => msg!("problem-unknown-metric", name = name),
            },
            K::MetricUnitMismatch {
                name,
                given,
                expected,
            } => match expected {
                Some(unit) => msg!(
                    "problem-metric-unit-mismatch",
                    name = name,
                    given = given,
                    expected = unit
                ),
                None => msg!("problem-metric-unit-none", name = name, given = given),
            },
            K::DuplicateMetric { name, scope } => {
                msg!("problem-duplicate-metric", name = name, scope = scope)
            }
            K::LinkToNoReport(target) => msg!("problem-link-to-no-report", target = target),
            K::LinkToNoArea {
                area,
                report,
                known,
            } => msg!(
                "problem-link-to-no-area",
                area = area,
                report = report,
                known = known
            ),
            K::RemoteImage(url) => msg!("problem-remote-image", url = url),
            K::FileMissing(path) => msg!("problem-file-missing", path = path),
            K::FileHidden(path) => msg!("problem-file-hidden", path = path),
            K::FileOutsideContent(path) => msg!("problem-file-outside-content", path = path),
            K::NotOrdinaryFile(path) => msg!("problem-not-ordinary-file", path = path),
            K::FileWouldRun(path) => msg!("problem-file-would-run", path = path),
            K::PictureTooLarge { path, size, max_kb } => msg!(
                "problem-picture-too-large",
                path = path,
                size = size,
                max_kb = *max_kb
            ),
            K::BrokenLink(link) => msg!("problem-broken-link", link = link),
            K::InvalidDraft(given) => msg!("problem-invalid-draft", given = given),
            K::BadTranslation(reason) => msg!("problem-bad-translation", reason = reason),
            K::MissingTranslations {
                count,
                fallback,
                keys,
            } => msg!(
                "problem-missing-translations",
                count = *count,
                fallback = fallback,
                keys = keys
            ),
            K::BadConfig(reason) => msg!("problem-bad-config", reason = reason),
            K::BadConfigYaml(reason) => msg!("problem-bad-config-yaml", reason = reason),
            K::NoReports(folder) => msg!("problem-no-reports", folder = folder),
            K::Template { name, message } => {
                msg!("problem-template", name = name, reason = message)
            }
            K::OutputHoldsSite(output) => msg!("problem-output-holds-site", output = output),
            K::OutputTouchesSource {
                output,
                source,
                path,
            } => msg!(
                "problem-output-touches-source",
                output = output,
                source = source,
                path = path
            ),
            K::OutputLinkedFrom { output, link } => {
                msg!("problem-output-linked-from", output = output, link = link)
            }
            K::OutputNotOurs(output) => msg!("problem-output-not-ours", output = output),
            K::OutputNotAFolder(output) => msg!("problem-output-not-a-folder", output = output),
            K::OutputFailed {
                action,
                path,
                reason,
            } => msg!(
                "problem-output-failed",
                action = *action,
                path = path,
                reason = reason
            ),
            K::OutputOutside(path) => msg!("problem-output-outside", path = path),
            K::NotAFileReport => msg!("problem-not-a-file-report"),
            K::NoTranslationFile(language) => {
                msg!("problem-no-translation-file", language = language)
            }
            K::ThemeNotFound(name) => msg!("problem-theme-not-found", name = name),
            K::WordTooLarge => msg!("problem-word-too-large"),
            K::PagesCollide(path) => msg!("problem-pages-collide", path = path),
            K::LinkOutside(target) => msg!("problem-link-outside", target = target),
            K::LinkIntoHidden(target) => msg!("problem-link-into-hidden", target = target),
            K::HtmlTooDeep(max) => msg!("problem-html-too-deep", max = *max),
            K::TooLarge(max) => msg!("problem-too-large", max = *max),
        }
    }
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ProblemKind {}

#[cfg(test)]
mod tests {
    use super::ProblemKind as K;
    use crate::messages::{Lang, text_in, with_language};

    fn s(text: &str) -> String {
        text.to_string()
    }

    /// One of every kind (both forms of those with an optional part).
    fn every_kind() -> Vec<K> {
        let maybe = |text: &str| [None, Some(s(text))];
        let mut kinds = vec![
            K::Unreadable(s("x")),
            K::NotUtf8 {
                looks_like_gbk: true,
            },
            K::NotUtf8 {
                looks_like_gbk: false,
            },
            K::UnclosedFrontMatter,
            K::BadYaml(s("x")),
            K::MissingMonth,
            K::InvalidMonth(s("x")),
            K::UnknownUnit {
                given: s("x"),
                known: s("y"),
            },
            K::MissingUnit,
            K::EmptyUnit,
            K::EmptyAreaHeading,
            K::NoAreas,
            K::TooManyAreas { count: 3, max: 2 },
            K::TooManyMetrics { count: 3, max: 2 },
            K::SpanTooLong {
                month: s("m"),
                first: s("f"),
                last: s("l"),
                max: 50,
            },
            K::OnlyDrafts,
            K::DuplicateReport {
                unit: s("u"),
                month: s("m"),
                other: s("o"),
            },
            K::DuplicateReport {
                unit: s(""),
                month: s("m"),
                other: s("o"),
            },
            K::MetricsNotAMap(s("x")),
            K::MetricUnknownKey(s("x")),
            K::MetricEmpty(s("x")),
            K::MetricNotANumber {
                name: s("n"),
                written: s("w"),
            },
            K::DuplicateMetric {
                name: s("n"),
                scope: s("s"),
            },
            K::LinkToNoReport(s("x")),
            K::LinkToNoArea {
                area: s("a"),
                report: s("r"),
                known: s("k"),
            },
            K::RemoteImage(s("x")),
            K::FileMissing(s("x")),
            K::FileHidden(s("x")),
            K::FileOutsideContent(s("x")),
            K::NotOrdinaryFile(s("x")),
            K::FileWouldRun(s("x")),
            K::PictureTooLarge {
                path: s("p"),
                size: s("2 MB"),
                max_kb: 500,
            },
            K::BrokenLink(s("x")),
            K::InvalidDraft(s("x")),
            K::BadTranslation(s("x")),
            K::MissingTranslations {
                count: 1,
                fallback: s("en"),
                keys: s("k"),
            },
            K::MissingTranslations {
                count: 2,
                fallback: s("en"),
                keys: s("k"),
            },
            K::BadConfig(s("x")),
            K::BadConfigYaml(s("x")),
            K::NoReports(s("x")),
            K::Template {
                name: s("n"),
                message: s("m"),
            },
            K::OutputHoldsSite(s("x")),
            K::OutputTouchesSource {
                output: s("o"),
                source: s("s"),
                path: s("p"),
            },
            K::OutputLinkedFrom {
                output: s("o"),
                link: s("l"),
            },
            K::OutputNotOurs(s("x")),
            K::OutputNotAFolder(s("x")),
            K::OutputOutside(s("x")),
            K::NotAFileReport,
            K::NoTranslationFile(s("x")),
            K::ThemeNotFound(s("x")),
            K::WordTooLarge,
            K::PagesCollide(s("x")),
            K::LinkOutside(s("x")),
            K::LinkIntoHidden(s("x")),
            K::HtmlTooDeep(64),
            K::TooLarge(16),
        ];
        for action in ["create", "write", "open", "lock", "copy", "replace"] {
            kinds.push(K::OutputFailed {
                action,
                path: s("p"),
                reason: s("r"),
            });
        }
        for other in maybe("o") {
            kinds.push(K::UnknownKey {
                key: s("k"),
                suggestion: other.clone(),
            });
            kinds.push(K::UnknownConfigKey {
                key: s("k"),
                suggestion: other.clone(),
            });
            kinds.push(K::UnknownArea {
                name: s("n"),
                closest: other.clone(),
            });
            kinds.push(K::UnknownMetricArea {
                given: s("g"),
                closest: other.clone(),
            });
            kinds.push(K::UnknownMetric {
                name: s("n"),
                closest: other.clone(),
            });
            kinds.push(K::MetricUnitMismatch {
                name: s("n"),
                given: s("g"),
                expected: other,
            });
        }
        kinds
    }

    /// Every kind says something of its own in both languages, every value
    /// given (Fluent prints a value it lacks as `{$name}`), the Chinese in
    /// Chinese: a message whose code and catalogue disagree fails here.
    #[test]
    fn every_kind_reads_whole_in_both_languages() {
        for kind in every_kind() {
            let [en, zh] =
                [Lang::En, Lang::ZhCn].map(|lang| with_language(lang, || kind.message()));
            for text in [&en, &zh] {
                assert!(
                    !text.contains("{$") && !text.starts_with("problem-"),
                    "{kind:?}: {text}"
                );
            }
            assert_ne!(en, zh, "{kind:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{kind:?}: {zh}"
            );
        }
        assert_eq!(
            text_in(Lang::En, "no-such-message", None),
            "no-such-message"
        );
    }
}
