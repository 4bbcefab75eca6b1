//! `site.yaml`: the site's settings. Every key has a default, so a site
//! without the file builds.

use std::collections::BTreeMap;

use serde::Deserialize;

/// The language pages are in when site.yaml names none.
pub const DEFAULT_LANGUAGE: &str = "zh-CN";

/// Whether `tag` looks like a BCP 47 language tag (`zh-CN`, `en`, `fr`,
/// `zh-Hans-CN`): a 2–8 letter language, then subtags of letters and
/// digits. It is written into every page's `lang` attribute and names a
/// translation file, so nothing else may pass.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A reporting unit (an office, a city branch) as site.yaml lists it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitConfig {
    pub id: String,
    pub name: String,
    /// Other names for it (`深圳` for 深圳团市委): a report's `unit:` may
    /// say them, and `import` finds them in titles and file names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The first month it reports for (`YYYY-MM`), when it was formed
    /// after the site began: no report is missing before it.
    #[serde(default)]
    pub since: Option<String>,
    /// The last month it reports for, when it was dissolved: no report is
    /// missing after it.
    #[serde(default)]
    pub until: Option<String>,
}

impl UnitConfig {
    /// `since`, read; none when absent or not a month (a mistake).
    pub fn since(&self) -> Option<crate::model::Month> {
        self.since.as_deref().and_then(crate::model::Month::parse)
    }

    /// `until`, read, as `since`.
    pub fn until(&self) -> Option<crate::model::Month> {
        self.until.as_deref().and_then(crate::model::Month::parse)
    }
}

/// A work area (重点工作) as site.yaml lists it, with the other names
/// writers use for it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaConfig {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A number reports carry in their front matter (`metrics:`), charted
/// over months on its area's timeline.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricConfig {
    pub id: String,
    pub name: String,
    /// What it counts (人, 小时, %): shown beside values; a report that
    /// gives another unit is an error.
    #[serde(default)]
    pub unit: Option<String>,
    /// Whether a rise is good news (colours the change on the index).
    #[serde(default = "yes")]
    pub higher_is_better: bool,
}

fn yes() -> bool {
    true
}

/// The level-3 headings that split a work area into progress and plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sections {
    pub progress: Vec<String>,
    pub plan: Vec<String>,
}

impl Default for Sections {
    fn default() -> Self {
        let owned = |labels: &[&str]| labels.iter().map(|s| s.to_string()).collect();
        Sections {
            progress: owned(&["本月份推进情况", "本月推进情况", "本月进展", "Progress"]),
            plan: owned(&["下一步推进计划", "下一步计划", "下月计划", "Next steps"]),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SiteConfig {
    pub title: Option<String>,
    /// Absolute URL of the published site; only the feed and the sitemap
    /// need it, every page link is relative.
    pub base_url: Option<String>,
    /// The pages' language tag, as written: it names the theme's
    /// translation file (`i18n/<tag>.yaml`) and the pages' `lang`.
    pub language: String,
    pub theme: String,
    pub units: Vec<UnitConfig>,
    pub areas: Vec<AreaConfig>,
    pub metrics: Vec<MetricConfig>,
    pub sections: Sections,
    pub unsafe_html: bool,
    /// Hosts reports may show images from, as written (`intranet.example.gov.cn`):
    /// an image from any other machine is shown as a link.
    pub remote_images: Vec<String>,
    /// Links end in `/` instead of `/index.html`: nicer over HTTP, but a
    /// folder link opened from disk shows a file listing.
    pub pretty_urls: bool,
    /// Pages larger than this (in KiB) are split: an area's timeline into
    /// one page per year, a month into one page per unit's report. Readers
    /// on an intranet open pages of a few MB at most.
    pub max_page_kb: usize,
    /// A picture a report shows larger than this (in KiB) is warned
    /// about: every reader of a page showing it downloads it. It is
    /// published as it is (reportal does not resize pictures).
    pub max_picture_kb: u64,
    /// The files readers can download beside the pages.
    pub downloads: Vec<Download>,
    /// Keys nobody reads, kept to warn about typos.
    #[serde(flatten)]
    pub unknown: BTreeMap<String, serde::de::IgnoredAny>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: None,
            base_url: None,
            language: DEFAULT_LANGUAGE.to_string(),
            theme: "default".to_string(),
            units: Vec::new(),
            areas: Vec::new(),
            metrics: Vec::new(),
            sections: Sections::default(),
            unsafe_html: false,
            remote_images: Vec::new(),
            pretty_urls: false,
            max_page_kb: 2048,
            max_picture_kb: 2048,
            downloads: vec![Download::Word, Download::Csv],
            unknown: BTreeMap::new(),
        }
    }
}

/// The keys site.yaml understands, for "did you mean" suggestions.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "base_url",
    "language",
    "theme",
    "units",
    "areas",
    "metrics",
    "sections",
    "unsafe_html",
    "remote_images",
    "pretty_urls",
    "max_page_kb",
    "max_picture_kb",
    "downloads",
];

/// A kind of file readers can download (site.yaml `downloads`). Word and
/// CSV by default: offices forward Word files and count in spreadsheets;
/// the Markdown copies only on request (the writers have the sources, and
/// at 6,000 reports they are as large as the Markdown itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Download {
    /// Each report's and each month's `.docx`.
    Word,
    /// Each month's table, `months/YYYY-MM/YYYY-MM.csv`.
    Csv,
    /// Each report's file as written, beside its month.
    Markdown,
}

impl SiteConfig {
    /// Whether the site offers `download`.
    pub fn offers(&self, download: Download) -> bool {
        self.downloads.contains(&download)
    }

    /// The site title. `load` sets the language's own (`site_title`) when
    /// site.yaml gives none.
    pub fn title(&self) -> &str {
        self.title.as_deref().unwrap_or("工作报告")
    }

    /// `base_url` without its trailing slash, if set.
    pub fn base_url(&self) -> Option<&str> {
        self.base_url
            .as_deref()
            .map(|url| url.trim_end_matches('/'))
            .filter(|url| !url.is_empty())
    }
}

impl SiteConfig {
    /// `base_url` as the URL parser writes it (host in lower case, spaces
    /// and quotes escaped), so the links made from it are valid addresses.
    /// For a config without `mistakes()`.
    pub fn normalize_base_url(&mut self) {
        if let Some(url) = self.base_url().and_then(|url| url::Url::parse(url).ok()) {
            self.base_url = Some(url.into());
        }
    }
}

/// A mistake in site.yaml: the message, and the value it is about (to
/// point at it).
pub struct ConfigMistake {
    pub message: String,
    pub value: String,
    /// A second use of the value: point at its last occurrence.
    pub repeated: bool,
    /// The top-level key the value is under: look for it there, not in a
    /// comment above.
    pub key: Option<&'static str>,
    /// Text written before the value under that key (a unit's id): look
    /// for the value after it, not at another unit's.
    pub after: Option<String>,
}

impl SiteConfig {
    /// Checks what serde cannot: ids become folder names and anchors, so
    /// they must be plain and unique; a name or alias must mean one area;
    /// `base_url` must be a web address.
    pub fn mistakes(&self) -> Vec<ConfigMistake> {
        let mut mistakes = Vec::new();
        // An empty one is no base_url, as `base_url()` says.
        if let Some(url) = self.base_url()
            && let Some(why) = base_url_mistake(url)
        {
            mistakes.push(ConfigMistake {
                message: crate::msg!(why, url = url),
                value: url.to_string(),
                repeated: false,
                key: Some("base_url"),
                after: None,
            });
        }
        if !is_language_tag(&self.language) {
            mistakes.push(ConfigMistake {
                message: crate::msg!("config-language-tag", language = &self.language),
                value: self.language.clone(),
                repeated: false,
                key: Some("language"),
                after: None,
            });
        }
        let mut check_ids = |kind: &str, ids: Vec<&str>| {
            let mut seen = std::collections::BTreeSet::new();
            for id in ids {
                if !is_plain_id(id) {
                    mistakes.push(ConfigMistake {
                        message: crate::msg!("config-id-not-plain", kind = kind, id = id),
                        value: id.to_string(),
                        repeated: false,
                        key: None,
                        after: None,
                    });
                } else if id.len() > crate::names::MAX_ID_BYTES {
                    mistakes.push(ConfigMistake {
                        message: crate::msg!(
                            "config-id-too-long",
                            kind = kind,
                            id = id,
                            bytes = id.len(),
                            max = crate::names::MAX_ID_BYTES
                        ),
                        value: id.to_string(),
                        repeated: false,
                        key: None,
                        after: None,
                    });
                } else if !seen.insert(id) {
                    mistakes.push(ConfigMistake {
                        message: crate::msg!("config-id-twice", kind = kind, id = id),
                        value: id.to_string(),
                        repeated: true,
                        key: None,
                        after: None,
                    });
                }
            }
        };
        check_ids("unit", self.units.iter().map(|u| u.id.as_str()).collect());
        check_ids("area", self.areas.iter().map(|a| a.id.as_str()).collect());
        check_ids(
            "metric",
            self.metrics.iter().map(|m| m.id.as_str()).collect(),
        );
        for unit in &self.units {
            mistakes.extend(unit_range_mistakes(unit));
            // A month's files are named by the month (`months/2025-12/
            // 2025-12.docx`), a unit's report's by the unit's id beside them.
            let id = unit.id.as_bytes();
            let month_like = id.len() == 7
                && id[4] == b'-'
                && id
                    .iter()
                    .enumerate()
                    .all(|(i, b)| i == 4 || b.is_ascii_digit());
            if month_like {
                mistakes.push(ConfigMistake {
                    message: crate::msg!("config-unit-id-month", id = &unit.id),
                    value: unit.id.clone(),
                    repeated: false,
                    key: None,
                    after: None,
                });
            }
        }
        for host in &self.remote_images {
            if host_name(host).is_none() {
                mistakes.push(ConfigMistake {
                    message: crate::msg!("config-remote-image-host", host = host),
                    value: host.clone(),
                    repeated: false,
                    key: Some("remote_images"),
                    after: None,
                });
            }
        }
        let mut metric_names: BTreeMap<String, &str> = BTreeMap::new();
        for metric in &self.metrics {
            let key = crate::names::normalize(&metric.name);
            match metric_names.get(&key) {
                Some(other) if *other != metric.id => mistakes.push(ConfigMistake {
                    message: crate::msg!(
                        "config-metric-name-twice",
                        name = &metric.name,
                        first = *other,
                        second = &metric.id
                    ),
                    value: metric.name.clone(),
                    repeated: true,
                    key: None,
                    after: None,
                }),
                _ => {
                    metric_names.insert(key, &metric.id);
                }
            }
        }
        let mut names: BTreeMap<String, &str> = BTreeMap::new();
        for area in &self.areas {
            for name in std::iter::once(&area.name).chain(&area.aliases) {
                let key = crate::names::normalize(name);
                match names.get(&key) {
                    Some(other) if *other != area.id => mistakes.push(ConfigMistake {
                        message: crate::msg!(
                            "config-area-name-twice",
                            name = name,
                            first = *other,
                            second = &area.id
                        ),
                        value: name.clone(),
                        repeated: true,
                        key: None,
                        after: None,
                    }),
                    _ => {
                        names.insert(key, &area.id);
                    }
                }
            }
        }
        mistakes
    }
}

/// A unit's `since` or `until` that is not a month, or a `since` after
/// its `until`.
fn unit_range_mistakes(unit: &UnitConfig) -> Vec<ConfigMistake> {
    let mistake = |message: String, value: &str| ConfigMistake {
        message,
        value: value.to_string(),
        repeated: false,
        key: Some("units"),
        after: Some(unit.id.clone()),
    };
    let mut mistakes = Vec::new();
    for (key, value) in [("since", &unit.since), ("until", &unit.until)] {
        if let Some(value) = value
            && crate::model::Month::parse(value).is_none()
        {
            let message = crate::msg!(
                "config-unit-month",
                unit = &unit.id,
                key = key,
                value = value
            );
            mistakes.push(mistake(message, value));
        }
    }
    if let (Some(since), Some(until), Some(written)) = (unit.since(), unit.until(), &unit.until)
        && since > until
    {
        let message = crate::msg!(
            "config-unit-until-before-since",
            unit = &unit.id,
            until = until.to_string(),
            since = since.to_string()
        );
        mistakes.push(mistake(message, written));
    }
    mistakes
}

/// Why `base_url` cannot be the published site's address (its message's
/// id), if it cannot.
/// The feed, the sitemap and the 404 page link to it, so it must be a web
/// address (a `javascript:` or `file:` one would run or open on a click),
/// and page paths are added after it.
fn base_url_mistake(value: &str) -> Option<&'static str> {
    let web = "config-base-url-web";
    let Ok(url) = url::Url::parse(value) else {
        return Some(web);
    };
    if !matches!(url.scheme(), "http" | "https") || !url.has_host() {
        Some(web)
    } else if !url.username().is_empty() || url.password().is_some() {
        Some("config-base-url-user")
    } else if url.query().is_some() || url.fragment().is_some() {
        Some("config-base-url-query")
    } else {
        None
    }
}

/// `name` as a URL's host reads (lower case, IDNA); none if it is not a
/// bare host name (no scheme, port, path or user).
pub fn host_name(name: &str) -> Option<String> {
    if name.is_empty() || name.contains(|c: char| "/\\:@?#".contains(c) || c.is_whitespace()) {
        return None;
    }
    let url = url::Url::parse(&format!("http://{name}/")).ok()?;
    url.host_str().map(str::to_string)
}

/// Ids name output folders and anchors: `[a-z0-9_-]`, starting with a
/// letter or digit (the theme's own ids start with `_`), not `index`.
fn is_plain_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id != "index"
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_letters_digits_and_hyphens() {
        for good in ["zh-CN", "en", "fr", "zh-Hans-CN", "es-419"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "x", "fr_FR", "en-", "../en", "zh CN", "f\"r", "1a"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn host_names_are_bare() {
        assert_eq!(host_name("a.example.cn").as_deref(), Some("a.example.cn"));
        for bad in ["http://a.cn", "a.cn/x", "a.cn:80", "u@a.cn", "", "a b"] {
            assert_eq!(host_name(bad), None, "{bad}");
        }
    }
}
