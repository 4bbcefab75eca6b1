//! Numbers reports carry in their front matter, per work area or for the
//! whole report:
//!
//! ```yaml
//! metrics:
//!   volunteer:                 # an area's id, name or alias, or `report`
//!     注册志愿者: 7600000
//!     志愿服务时长: {value: 100000000, unit: 小时}
//! ```
//!
//! Read here with where each part was written; matched to the site's
//! areas and metrics in `resolve`, once every report's areas are known.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostics::{ProblemKind, Spot, Spotter};

/// One number as written, with the places messages may point at.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenMetric {
    /// The area (or `report`) it is filed under.
    pub scope: String,
    pub scope_at: Spot,
    pub name: String,
    pub name_at: Spot,
    pub value: f64,
    /// Digits after the point as typed (`12.50`: 2), so values print as
    /// written rather than as the float's 17 digits.
    pub decimals: u8,
    pub unit: Option<(String, Spot)>,
}

/// The `metrics:` block as YAML gives it, before any checking.
#[derive(Debug, Default)]
pub(in crate::model) struct RawMetrics(Vec<Entry<RawScope>>);

/// A map's key with its value, each with where it was written.
type Entry<V> = (Spanned<String>, Spanned<V>);

#[derive(Debug)]
pub(in crate::model) enum RawScope {
    Numbers(Vec<Entry<RawValue>>),
    NotAMap,
}

#[derive(Debug)]
pub(in crate::model) enum RawValue {
    Number(f64),
    Text(String),
    Empty,
    /// A list, a boolean: no number.
    Other,
    Full {
        value: Option<Box<Spanned<RawValue>>>,
        unit: Option<Spanned<String>>,
        unknown_key: Option<Spanned<String>>,
    },
}

/// Reads a YAML map into its entries in written order, each key with its
/// place (serde's maps would lose both).
fn entries<'de, A, V>(mut map: A) -> Result<Vec<Entry<V>>, A::Error>
where
    A: MapAccess<'de>,
    V: Deserialize<'de>,
{
    let mut entries = Vec::new();
    while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
        let key = Spanned::new(key.value.0, key.referenced, key.defined);
        entries.push((key, map.next_value()?));
    }
    Ok(entries)
}

/// A map key as text, whatever YAML typed it as (`2025: …` is an int).
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawValue::deserialize(deserializer).map(|raw| {
            KeyText(match raw {
                RawValue::Number(n) => n.to_string(),
                RawValue::Text(text) => text,
                _ => String::new(),
            })
        })
    }
}

impl<'de> Deserialize<'de> for RawMetrics {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Block;
        impl<'de> Visitor<'de> for Block {
            type Value = RawMetrics;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "`metrics:` followed by work areas (or `report`), each with its numbers",
                )
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawMetrics, E> {
                Ok(RawMetrics::default())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawMetrics, A::Error> {
                entries(map).map(RawMetrics)
            }
        }
        deserializer.deserialize_any(Block)
    }
}

impl<'de> Deserialize<'de> for RawScope {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Scope;
        impl<'de> Visitor<'de> for Scope {
            type Value = RawScope;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("metric names with their numbers")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawScope, A::Error> {
                entries(map).map(RawScope::Numbers)
            }
            // Anything else is reported with its place by `read`.
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<RawScope, A::Error> {
                ValueVisitor.visit_seq(seq).map(|_| RawScope::NotAMap)
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawScope, E> {
                Ok(RawScope::NotAMap)
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawScope, E> {
                Ok(RawScope::NotAMap)
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawScope, E> {
                Ok(RawScope::NotAMap)
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<RawScope, E> {
                Ok(RawScope::NotAMap)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawScope, E> {
                Ok(RawScope::NotAMap)
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawScope, E> {
                Ok(RawScope::NotAMap)
            }
            fn visit_none<E: de::Error>(self) -> Result<RawScope, E> {
                Ok(RawScope::NotAMap)
            }
        }
        deserializer.deserialize_any(Scope)
    }
}

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = RawValue;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number, or {value: number, unit: text}")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawValue, E> {
        Ok(RawValue::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawValue, E> {
        Ok(RawValue::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawValue, E> {
        Ok(RawValue::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawValue, E> {
        Ok(RawValue::Text(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawValue, E> {
        Ok(RawValue::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<RawValue, E> {
        Ok(RawValue::Empty)
    }
    fn visit_none<E: de::Error>(self) -> Result<RawValue, E> {
        Ok(RawValue::Empty)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawValue, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(RawValue::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawValue, A::Error> {
        let (mut value, mut unit, mut unknown_key) = (None, None, None);
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            match key.value.0.as_str() {
                "value" => value = Some(Box::new(map.next_value::<Spanned<RawValue>>()?)),
                "unit" => unit = Some(map.next_value::<Spanned<KeyText>>()?),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                    unknown_key.get_or_insert(key);
                }
            }
        }
        let text = |s: Spanned<KeyText>| Spanned::new(s.value.0, s.referenced, s.defined);
        Ok(RawValue::Full {
            value,
            unit: unit.map(text),
            unknown_key: unknown_key.map(text),
        })
    }
}

/// Where a spanned value is in the report's text (`base`: where the
/// front matter starts).
fn range_of<T>(spanned: &Spanned<T>, base: usize) -> Range<usize> {
    let span = spanned.referenced.span();
    let start = base + span.byte_offset().unwrap_or(0) as usize;
    start..start + span.byte_len().unwrap_or(0) as usize
}

/// Checks the block's shape and numbers: the metrics, or the problems
/// with the range each is about. Names are matched later (`resolve`).
pub(in crate::model) fn read(
    raw: RawMetrics,
    text: &str,
    base: usize,
) -> (Vec<WrittenMetric>, Vec<(ProblemKind, Range<usize>)>) {
    let mut metrics = Vec::new();
    let mut problems = Vec::new();
    let mut spotter = Spotter::new(text);
    for (scope, numbers) in raw.0 {
        let scope_range = range_of(&scope, base);
        let RawScope::Numbers(numbers) = numbers.value else {
            problems.push((
                ProblemKind::MetricsNotAMap(scope.value.clone()),
                scope_range,
            ));
            continue;
        };
        // Spotted once for all its numbers: spotting it again after each
        // number's name went back to it, and the text, every time.
        let mut scope_at: Option<Spot> = None;
        for (name, value) in numbers {
            let name_range = range_of(&name, base);
            let value_range = range_of(&value, base);
            let (number, unit) = match value.value {
                RawValue::Full {
                    unknown_key: Some(key),
                    ..
                } => {
                    let at = range_of(&key, base);
                    problems.push((ProblemKind::MetricUnknownKey(key.value), at));
                    continue;
                }
                RawValue::Full { value: None, .. } => {
                    problems.push((ProblemKind::MetricEmpty(name.value), name_range));
                    continue;
                }
                RawValue::Full {
                    value: Some(inner),
                    unit,
                    ..
                } => {
                    let range = range_of(&inner, base);
                    let unit = unit
                        .filter(|u| !u.value.trim().is_empty())
                        .map(|u| (u.value.trim().to_string(), range_of(&u, base)));
                    (number_of(inner.value, text, range), unit)
                }
                other => (number_of(other, text, value_range), None),
            };
            match number {
                Ok((value, decimals)) => metrics.push(WrittenMetric {
                    scope: scope.value.trim().to_string(),
                    scope_at: scope_at
                        .get_or_insert_with(|| spotter.spot(scope_range.clone()))
                        .clone(),
                    name: name.value.trim().to_string(),
                    name_at: spotter.spot(name_range),
                    value,
                    decimals,
                    unit: unit.map(|(u, range)| (u, spotter.spot(range))),
                }),
                // Nothing written: point at the name.
                Err((Shape::Empty, _)) => {
                    problems.push((ProblemKind::MetricEmpty(name.value), name_range));
                }
                Err((Shape::NotANumber(written), range)) => {
                    let kind = ProblemKind::MetricNotANumber {
                        name: name.value,
                        written,
                    };
                    problems.push((kind, range));
                }
            }
        }
    }
    (metrics, problems)
}

enum Shape {
    Empty,
    NotANumber(String),
}

/// The number a value holds, with its decimals as typed. Text is a number
/// only when it is plainly one (`"7600000"`): `7,600,000` or `760万` are
/// not guessed at.
fn number_of(
    raw: RawValue,
    text: &str,
    range: Range<usize>,
) -> Result<(f64, u8), (Shape, Range<usize>)> {
    let typed = text
        .get(range.clone())
        .unwrap_or("")
        .trim()
        .trim_matches(['"', '\''])
        .trim();
    let parsed = match raw {
        RawValue::Number(n) => Some(n),
        RawValue::Text(ref s) => plain_number(s.trim()),
        RawValue::Empty => return Err((Shape::Empty, range)),
        _ => None,
    };
    match parsed {
        Some(n) if n.is_finite() => Ok((n, decimals_of(typed))),
        _ => {
            let shown = match raw {
                RawValue::Text(s) => s,
                // A list's span is its first character: show the rest of
                // its line.
                _ if range.len() <= 1 => {
                    let start = range.start.min(text.len());
                    let line = text[start..].lines().next().unwrap_or("");
                    line.trim().to_string()
                }
                _ => typed.to_string(),
            };
            Err((Shape::NotANumber(shown), range))
        }
    }
}

/// `-12`, `3.5`: digits, one optional point, an optional sign.
fn plain_number(text: &str) -> Option<f64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.chars().all(|c| c.is_ascii_digit());
    if plain { text.parse().ok() } else { None }
}

/// Digits after the point in a number as typed, at most 6.
fn decimals_of(typed: &str) -> u8 {
    match typed.split_once('.') {
        Some((_, fraction)) => fraction
            .chars()
            .take_while(char::is_ascii_digit)
            .count()
            .min(6) as u8,
        None => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_only() {
        assert_eq!(plain_number("7600000"), Some(7600000.0));
        assert_eq!(plain_number("-1.5"), Some(-1.5));
        assert_eq!(plain_number("7,600,000"), None);
        assert_eq!(plain_number("760万"), None);
        assert_eq!(plain_number("."), None);
        assert_eq!(plain_number(""), None);
    }

    #[test]
    fn decimals_as_typed() {
        assert_eq!(decimals_of("12.50"), 2);
        assert_eq!(decimals_of("12"), 0);
        assert_eq!(decimals_of("0.123456789"), 6);
    }
}
