//! The interface's words: the theme's translation files, `i18n/<tag>.yaml`
//! (as Hugo's and Zola's `i18n/` folders). The built-in theme has zh-CN and
//! en; a site's theme and its own `i18n/` folder lay files over them key by
//! key, so rewording one label is one line, and a new language is one file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::diagnostics::{Problem, ProblemKind};

/// The words in one language. Rust reads the fields; templates read every
/// key as `t.<key>`, a theme's own keys (`extra`) too.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Strings {
    pub month_column: String,
    pub unit_column: String,
    pub number: String,
    pub work_area: String,
    pub progress: String,
    pub plan: String,
    pub metric_unit_caption: String,
    pub metric_column: String,
    pub value_column: String,
    pub metric_unit_column: String,
    pub whole_report: String,
    pub change_up: String,
    pub change_down: String,
    pub change_flat: String,
    pub site_title: String,
    pub month_short: [String; 12],
    pub month_names: [String; 12],
    pub month_label: String,
    pub year_label: String,
    pub month_range_label: String,
    pub report_title: String,
    pub unit_report_title: String,
    /// `(scale, word)`, largest first: `(1e4, "万")`.
    pub number_scales: Vec<(f64, String)>,
    pub metric_unit_bracket: String,
    pub metric_table_title: String,
    pub metric_description: String,
    pub metric_latest_value: String,
    pub metric_latest_separator: String,
    pub metric_panel_description: String,
    pub new_report_no_plan: String,
    pub new_report_plan: String,
    /// The name shown for the one unit of a site that names none.
    pub this_unit: String,
    /// Keys only templates read.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The language every built-in key exists in: what a new language's file
/// does not say is said in it.
const FALLBACK: &str = "en";

/// One `i18n/<tag>.yaml`, parsed.
#[derive(Debug, Clone)]
pub struct TranslationFile {
    /// Relative to the site root (`(built-in theme) i18n/en.yaml` for the
    /// embedded ones), for messages.
    pub origin: String,
    text: String,
    keys: serde_json::Map<String, Value>,
}

impl TranslationFile {
    /// Parses `text`; malformed YAML, or anything but keys at the top, is
    /// an error naming `origin`'s line.
    pub fn parse(origin: &str, bytes: Vec<u8>) -> Result<TranslationFile, Problem> {
        let text = String::from_utf8(bytes).map_err(|_| {
            Problem::error(ProblemKind::NotUtf8 {
                looks_like_gbk: false,
            })
            .in_file(origin)
        })?;
        let keys = if text.trim().is_empty() {
            serde_json::Map::new()
        } else {
            crate::yaml::from_str::<serde_json::Map<String, Value>>(&text).map_err(|err| {
                Problem::error(ProblemKind::BadTranslation(err.message))
                    .in_file(origin)
                    .at(&text, err.offset..err.offset)
            })?
        };
        Ok(TranslationFile {
            origin: origin.to_string(),
            text,
            keys,
        })
    }
}

/// Every translation file, by language tag as its name writes it, each
/// language's files in the order they apply (built-in first).
#[derive(Debug, Clone, Default)]
pub struct Translations {
    files: BTreeMap<String, Vec<TranslationFile>>,
}

/// The words of a site's language, and a warning when some were taken from
/// the fallback language.
#[derive(Debug)]
pub struct Resolved {
    pub strings: Strings,
    pub warning: Option<Problem>,
}

impl Translations {
    pub fn add(&mut self, tag: &str, file: TranslationFile) {
        // Tags are case-insensitive: `zh-cn.yaml` rewords `zh-CN.yaml`.
        let tag = tag.to_ascii_lowercase();
        self.files.entry(tag).or_default().push(file);
    }

    /// The file name's tag `language` reads from: the same tag (in any
    /// case), else one with the same language (`en-US` reads `en`,
    /// `zh-Hans` reads `zh-CN`).
    pub fn tag_for(&self, language: &str) -> Option<&str> {
        let language = language.to_ascii_lowercase();
        let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_string();
        let tags = || self.files.keys().map(String::as_str);
        tags()
            .find(|tag| *tag == language)
            .or_else(|| tags().find(|tag| primary(tag) == primary(&language)))
    }

    /// The words for `language`; `Err` with a message when no file is for
    /// it, or a file gives a key a value of the wrong kind.
    pub fn resolve(&self, language: &str) -> Result<Resolved, Problem> {
        let Some(tag) = self.tag_for(language) else {
            return Err(Problem::error(ProblemKind::NoTranslationFile(
                language.to_string(),
            )));
        };
        let own = &self.files[tag];
        let built_in = own.first().is_some_and(|f| f.origin.starts_with(BUILT_IN));
        // A language the built-in theme lacks starts from the fallback's
        // words (a site's rewording of them included).
        let base: &[TranslationFile] = match self.files.get(FALLBACK) {
            Some(fallback) if !built_in => fallback,
            _ => &[],
        };
        let mut keys = serde_json::Map::new();
        let mut strings = Strings::default();
        for file in base.iter().chain(own) {
            keys.extend(file.keys.clone());
            // After each file, so the file to blame is the one that broke it.
            strings = read_strings(&keys, file)?;
        }
        let fell_back: std::collections::BTreeSet<&str> = base
            .iter()
            .flat_map(|file| file.keys.keys())
            .filter(|key| !own.iter().any(|file| file.keys.contains_key(*key)))
            .map(String::as_str)
            .collect();
        let warning = (!fell_back.is_empty()).then(|| {
            let names: Vec<&str> = fell_back.into_iter().collect();
            Problem::warning(ProblemKind::MissingTranslations {
                count: names.len(),
                fallback: FALLBACK.to_string(),
                keys: names.join(&crate::msg!("list-separator")),
            })
            .in_file(own.last().map_or(tag, |f| f.origin.as_str()))
        });
        Ok(Resolved { strings, warning })
    }
}

/// How the built-in theme's files are named in messages.
pub const BUILT_IN: &str = "(built-in theme) ";

/// `keys` (`file`'s laid over those before it) as words. A key `file`
/// gives a value of the wrong kind (a list for a label) is an error at its
/// line.
fn read_strings(
    keys: &serde_json::Map<String, Value>,
    file: &TranslationFile,
) -> Result<Strings, Problem> {
    let err = match serde_json::from_value::<Strings>(Value::Object(keys.clone())) {
        Ok(strings) => return Ok(strings),
        Err(err) => err,
    };
    // The key to point at: the first of the file's that alone fails.
    let reference = match serde_json::to_value(Strings::default()) {
        Ok(Value::Object(reference)) => reference,
        _ => serde_json::Map::new(),
    };
    let culprit = file.keys.keys().find(|key| {
        let mut one = reference.clone();
        one.insert((*key).clone(), file.keys[*key].clone());
        serde_json::from_value::<Strings>(Value::Object(one)).is_err()
    });
    let problem = Problem::error(ProblemKind::BadTranslation(match culprit {
        Some(key) => format!("`{key}`: {err}"),
        None => err.to_string(),
    }))
    .in_file(&file.origin);
    Err(match culprit {
        Some(key) => {
            let at = crate::yaml::key_offset(&file.text, key);
            problem.at(&file.text, at..at + key.len())
        }
        None => problem,
    })
}
