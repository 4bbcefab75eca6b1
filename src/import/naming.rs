//! Which unit and month a document is for, when the command line does not
//! say: read from the line under the title of a `.docx` reportal wrote,
//! from the document's title, then from its file name
//! (`广州团市委2015年12月.doc`, `gz-2015-12.docx`, `深圳201511.wps`).

use super::{ImportError, Table};
use crate::config::SiteConfig;
use crate::model::Month;
use crate::msg;

/// The month, and a warning when the document and its file name disagree.
/// The month is the document's (`12月份`, `2015年12月`), else the file
/// name's; the year `year` (`--year`), else the document's, else the file
/// name's.
pub fn month_from(
    table: &Table,
    file_name: &str,
    year: Option<u16>,
) -> (Option<Month>, Option<String>) {
    let title = table.title.as_deref().unwrap_or("");
    let meta = table.meta.as_deref().unwrap_or("");
    let (file_year, file_month) = in_file_name(file_name);
    let year = year
        .or_else(|| find_year(meta))
        .or_else(|| find_year(title))
        .or(file_year);
    let document = find_month(meta).or_else(|| find_month(title));
    let warning = match (document, file_month) {
        (Some(said), Some(named)) if said != named => Some(msg!(
            "import-month-differs",
            said = said.to_string(),
            named = named.to_string()
        )),
        _ => None,
    };
    let month = document
        .or(file_month)
        .zip(year)
        .map(|(month, year)| Month { year, month });
    (month, warning)
}

/// The year and month a file name gives: `2015年12月`, `2015-12`,
/// `2015.12`, `2015_12`, `201512`, or a month alone (`12月`).
fn in_file_name(file_name: &str) -> (Option<u16>, Option<u8>) {
    if let Some(month) = find_month(file_name) {
        return (find_year(file_name), Some(month));
    }
    let runs = numbers(file_name);
    let separated = runs.windows(2).find_map(|w| {
        let year = year_of(&w[0].0)?;
        matches!(w[0].1, Some('.' | '_' | ' ')).then_some(())?;
        Some((year, month_of(&w[1].0)?))
    });
    let joined = || {
        runs.iter().find_map(|(run, _)| {
            let (year, month) = (run.get(..4)?, run.get(4..)?);
            (run.len() == 6).then_some(())?;
            Some((year_of(year)?, month_of(month)?))
        })
    };
    match separated.or_else(joined) {
        Some((year, month)) => (Some(year), Some(month)),
        None => (find_year(file_name), None),
    }
}

/// The unit of site.yaml (its id) whose name, alias or id the unit and
/// month line (reportal's own `.docx`), the title or the file name holds,
/// in that order: the longest match in the first text that has one.
/// Two units matched as long: refused, naming both.
pub fn unit_from(
    table: &Table,
    file_name: &str,
    config: &SiteConfig,
) -> Result<Option<String>, ImportError> {
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for text in [table.meta.as_deref(), table.title.as_deref(), Some(&stem)]
        .into_iter()
        .flatten()
    {
        if let Some(unit) = unit_in(text, config)? {
            return Ok(Some(unit));
        }
    }
    Ok(None)
}

/// The unit `text` names, as `unit_from` says.
fn unit_in(text: &str, config: &SiteConfig) -> Result<Option<String>, ImportError> {
    let text = text.to_lowercase();
    // (length of the longest name found, index of the unit), per unit.
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for (index, unit) in config.units.iter().enumerate() {
        let longest = std::iter::once(&unit.name)
            .chain(&unit.aliases)
            .chain(std::iter::once(&unit.id))
            .map(|name| name.trim().to_lowercase())
            .filter(|name| !name.is_empty() && occurs(&text, name))
            .max_by_key(|name| name.chars().count());
        if let Some(name) = longest {
            found.push((name.chars().count(), index, &unit.name));
        }
    }
    found.sort_by_key(|(length, index, _)| (std::cmp::Reverse(*length), *index));
    match found.as_slice() {
        [] => Ok(None),
        [(a, _, first), (b, _, second), ..] if a == b => Err(ImportError::AmbiguousUnit(msg!(
            "import-two-units",
            first = *first,
            second = *second
        ))),
        [(_, index, _), ..] => Ok(config.units.get(*index).map(|u| u.id.clone())),
    }
}

/// Whether `name` occurs in `text`; a name that begins or ends with an
/// ASCII letter or digit (an id: `gz`) only as a word of its own, not
/// inside another (`gzip`, `ogz`).
fn occurs(text: &str, name: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let starts = name.chars().next();
        let ends = name.chars().next_back();
        let joined_before = word(starts) && word(before);
        let joined_after = word(ends) && word(after);
        !joined_before && !joined_after
    })
}

/// The runs of ASCII digits in `text`, with the character after each.
fn numbers(text: &str) -> Vec<(String, Option<char>)> {
    let mut runs = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut run = c.to_string();
            while let Some(d) = chars.next_if(char::is_ascii_digit) {
                run.push(d);
            }
            runs.push((run, chars.peek().copied()));
        }
    }
    runs
}

/// `run` as a year from 1990 to 2099.
fn year_of(run: &str) -> Option<u16> {
    let year: u16 = run.parse().ok()?;
    (run.len() == 4 && (1990..2100).contains(&year)).then_some(year)
}

/// `run` as a month, 1 to 12, in at most two digits.
fn month_of(run: &str) -> Option<u8> {
    let month: u8 = run.parse().ok()?;
    (run.len() <= 2 && (1..=12).contains(&month)).then_some(month)
}

/// A four-digit year from 1990 to 2099 written in `text`.
fn find_year(text: &str) -> Option<u16> {
    numbers(text).into_iter().find_map(|(run, _)| year_of(&run))
}

/// `12月` or `2015-12` in `text`: the month.
fn find_month(text: &str) -> Option<u8> {
    let runs = numbers(text);
    runs.iter()
        .find(|(run, next)| run.len() <= 2 && *next == Some('月'))
        .and_then(|(run, _)| month_of(run))
        .or_else(|| {
            runs.windows(2)
                .find(|w| w[0].0.len() == 4 && w[0].1 == Some('-') && w[1].0.len() <= 2)
                .and_then(|w| month_of(&w[1].0))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_years_from_titles_and_file_names() {
        assert_eq!(find_month("二、重点工作推进情况（12月份）"), Some(12));
        assert_eq!(find_month("report-2015-03.txt"), Some(3));
        assert_eq!(find_month("没有月份"), None);
        assert_eq!(find_year("团省委2015年12月.docx"), Some(2015));
        assert_eq!(find_year("第120345号"), None);
        assert_eq!(find_year("12月份"), None);
        for (name, wanted) in [
            ("广州团市委2015年12月.doc", (Some(2015), Some(12))),
            ("gz-2015-12.docx", (Some(2015), Some(12))),
            ("深圳201511.wps", (Some(2015), Some(11))),
            ("深圳 2015.11 月报.rtf", (Some(2015), Some(11))),
            ("深圳_2015_7.odt", (Some(2015), Some(7))),
            ("2015年报告.doc", (Some(2015), None)),
            ("第201513号.doc", (None, None)),
            ("12月.doc", (None, Some(12))),
        ] {
            assert_eq!(in_file_name(name), wanted, "{name}");
        }
    }

    fn config(units: &str) -> SiteConfig {
        serde_saphyr::from_str(units).expect("config")
    }

    fn table(title: &str) -> Table {
        Table {
            title: Some(title.into()),
            ..Table::default()
        }
    }

    #[test]
    fn the_longest_unit_name_in_title_or_file_name_wins() {
        let site = config(
            "units:
  - { id: gz, name: 广州团市委, aliases: [广州] }
  - { id: gzq, name: 广州市黄埔区团委, aliases: [黄埔] }
  - { id: sz, name: 深圳团市委, aliases: [深圳] }
  - { id: zh, name: 珠海团市委 }
",
        );
        let unit = |title: &str, file: &str| unit_from(&table(title), file, &site);
        let is = |title: &str, file: &str, id: &str| {
            assert_eq!(
                unit(title, file).ok().flatten().as_deref(),
                Some(id),
                "{title} {file}"
            );
        };
        is(
            "二、重点工作推进情况（12月份）",
            "广州团市委2015年12月.doc",
            "gz",
        );
        is("", "深圳2015年11月.doc", "sz");
        is("", "广州市黄埔区团委201512.doc", "gzq");
        is("", "GZ-2015-12.docx", "gz");
        // The title first.
        is("珠海团市委12月工作", "深圳.doc", "zh");
        // An id only as a word: `gzip` is not `gz`.
        assert!(matches!(unit("", "gzip-2015-12.docx"), Ok(None)));
        let both = unit("", "深圳广州2015年12月.doc");
        assert!(
            matches!(&both, Err(ImportError::AmbiguousUnit(named)) if named.contains("广州团市委") && named.contains("深圳团市委")),
            "{both:?}"
        );
    }
}
