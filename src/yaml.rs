//! YAML through serde-saphyr (serde_yaml is archived and unmaintained, see
//! RUSTSEC-2024-0320), with errors turned into a message and a byte offset
//! so they can point at the writer's line.

use serde::de::DeserializeOwned;

use crate::diagnostics::offset_of;

/// A YAML error: the message without its location, and the byte offset in
/// the parsed text where it happened.
#[derive(Debug)]
pub struct YamlError {
    pub message: String,
    pub offset: usize,
}

pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str(text).map_err(|err| {
        let offset = err.location().map_or(0, |loc| {
            offset_of(text, loc.line() as usize, loc.column() as usize)
        });
        let options = serde_saphyr::render_options! {
            formatter: &serde_saphyr::UserMessageFormatter,
            snippets: serde_saphyr::SnippetMode::Off,
        };
        let rendered = err.render_with_options(options);
        // The location is shown our way (file:line:col), so drop saphyr's.
        let message = match rendered.rfind(" at line ") {
            Some(i) => rendered[..i].to_string(),
            None => rendered,
        };
        YamlError { message, offset }
    })
}

/// The byte offset of a top-level `key:` in YAML text, for pointing at it.
pub fn key_offset(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.strip_prefix(key).unwrap_or("");
        if rest.trim_start().starts_with(':') {
            return offset;
        }
        offset += line.len();
    }
    0
}

/// The known key a mistyped key most likely meant, if any is close.
pub fn closest_key(key: &str, known: &[&str]) -> Option<String> {
    crate::names::closest(key, known.iter().copied()).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_key_a_typo_meant() {
        assert_eq!(
            closest_key("monht", &["month", "unit"]),
            Some("month".into())
        );
        assert_eq!(closest_key("colour", &["month", "unit"]), None);
    }

    #[test]
    fn finds_a_key_line() {
        assert_eq!(key_offset("title: a\nmonht: b\n", "monht"), 9);
    }

    #[test]
    fn error_has_message_and_offset() {
        let text = "title: a\nmonth: [2015\n";
        let err = from_str::<std::collections::BTreeMap<String, String>>(text).unwrap_err();
        assert!(!err.message.is_empty());
        assert!(err.offset >= 9, "{err:?}");
    }
}
