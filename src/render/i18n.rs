//! Labels made from the theme's words (see `load::i18n`): months, years,
//! and the patterns (`{year}年{month}月`) their files write them with.

use std::borrow::Cow;

pub use crate::load::Strings;
use crate::model::Month;

/// `pattern` with each `{name}` replaced by `value(name)`; a name it does
/// not know stays as written (`{n}` is for the search page's script).
/// One pass: a value holding braces (a unit's name) is not read again.
pub fn fill<'v>(pattern: &str, value: impl Fn(&str) -> Option<Cow<'v, str>>) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, value(&after[..close])?)))
        {
            Some((close, text)) => {
                out.push_str(&text);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn number(n: impl itoa::Integer) -> Option<Cow<'static, str>> {
    Some(Cow::Owned(itoa::Buffer::new().format(n).to_string()))
}

fn month_name(t: &Strings, month: Month) -> Option<Cow<'_, str>> {
    let name = t
        .month_names
        .get(usize::from(month.month).checked_sub(1)?)?;
    Some(Cow::Borrowed(name.as_str()))
}

/// `2015年12月` or `December 2015`.
/// A unit's name as pages show it: the theme's `this_unit` for the one
/// unit of a site that names none (its name is empty).
pub fn unit_name<'a>(unit: &'a crate::model::Unit, t: &'a Strings) -> &'a str {
    if unit.name.is_empty() {
        &t.this_unit
    } else {
        &unit.name
    }
}

pub fn month_label(month: Month, t: &Strings) -> String {
    fill(&t.month_label, |name| match name {
        "year" => number(month.year),
        "month" => number(month.month),
        "month_name" => month_name(t, month),
        _ => None,
    })
}

/// A run of months of one year, newest first: `2024年8月–7月`, `August–July 2024`.
pub fn month_range_label(newest: Month, oldest: Month, t: &Strings) -> String {
    if newest == oldest || newest.year != oldest.year {
        let (a, b) = (month_label(newest, t), month_label(oldest, t));
        return if newest == oldest {
            a
        } else {
            format!("{a}–{b}")
        };
    }
    fill(&t.month_range_label, |name| match name {
        "year" => number(newest.year),
        "newest_month" => number(newest.month),
        "oldest_month" => number(oldest.month),
        "newest_month_name" => month_name(t, newest),
        "oldest_month_name" => month_name(t, oldest),
        _ => None,
    })
}

/// `2015年` or `2015`.
pub fn year_label(year: u16, t: &Strings) -> String {
    fill(&t.year_label, |name| match name {
        "year" => number(year),
        _ => None,
    })
}

/// `pattern` with the `{name}`s of `values` filled in.
pub fn fill_with(pattern: &str, values: &[(&str, &str)]) -> String {
    fill(pattern, |name| {
        values
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| Cow::Borrowed(*value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(month_label: &str, range: &str, year_label: &str) -> Strings {
        let names = ["January", "February", "March", "April", "May", "June"];
        let mut t = Strings {
            month_label: month_label.into(),
            month_range_label: range.into(),
            year_label: year_label.into(),
            ..Strings::default()
        };
        for (slot, name) in t.month_names.iter_mut().zip(names) {
            *slot = name.into();
        }
        t
    }

    fn month(year: u16, month: u8) -> Month {
        Month { year, month }
    }

    #[test]
    fn patterns_fill_year_month_and_month_name() {
        let zh = strings(
            "{year}年{month}月",
            "{year}年{newest_month}月–{oldest_month}月",
            "{year}年",
        );
        assert_eq!(month_label(month(2015, 12), &zh), "2015年12月");
        assert_eq!(year_label(2015, &zh), "2015年");
        assert_eq!(
            month_range_label(month(2024, 6), month(2024, 3), &zh),
            "2024年6月–3月"
        );
        let en = strings(
            "{month_name} {year}",
            "{newest_month_name}–{oldest_month_name} {year}",
            "{year}",
        );
        assert_eq!(month_label(month(2015, 2), &en), "February 2015");
        assert_eq!(
            month_range_label(month(2024, 6), month(2024, 3), &en),
            "June–March 2024"
        );
        // Across years, or one month: the months' own labels.
        assert_eq!(
            month_range_label(month(2025, 1), month(2024, 6), &en),
            "January 2025–June 2024"
        );
        assert_eq!(
            month_range_label(month(2024, 6), month(2024, 6), &en),
            "June 2024"
        );
    }

    #[test]
    fn unknown_names_and_open_braces_stay_as_written() {
        assert_eq!(fill_with("共找到 {n} 条", &[("m", "x")]), "共找到 {n} 条");
        assert_eq!(fill_with("{a", &[("a", "x")]), "{a");
        assert_eq!(fill_with("{{a}}", &[("a", "x")]), "{x}");
        // A value's braces are not read again.
        assert_eq!(fill_with("{a}{b}", &[("a", "{b}"), ("b", "y")]), "{b}y");
    }
}
