//! The report's title from the document's: without the outline number the
//! document gave it as a part of a larger paper (`二、`, `（二）`, `2.`,
//! `第二部分`). A title that names neither a year nor the unit
//! (`重点工作推进情况（12月份）`) says less than the site's own title for
//! the report (`views::default_title`: unit, year and month, in the site's
//! language), so the report gets that one: the document's title is kept
//! as a comment in the front matter, never lost.

use crate::config::SiteConfig;
use crate::names;

/// What becomes of the document's title.
#[derive(Debug, PartialEq, Eq)]
pub enum Title {
    /// The report's `title:`.
    Kept(String),
    /// No `title:` (the site shows its own); the document's title as written.
    SiteDefault(String),
    /// The document has no title.
    None,
}

/// The title for a report of `unit` (its folder name: an id of site.yaml,
/// or the name `--unit` gave) from the document's `written` title.
pub fn title(written: Option<&str>, unit: Option<&str>, config: &SiteConfig) -> Title {
    let Some(written) = written.map(str::trim).filter(|t| !t.is_empty()) else {
        return Title::None;
    };
    let bare = strip_outline(written);
    if bare.is_empty() {
        return Title::SiteDefault(written.to_string());
    }
    if names_year(bare) || names_unit(bare, unit, config) {
        Title::Kept(bare.to_string())
    } else {
        Title::SiteDefault(written.to_string())
    }
}

/// The front matter comment that keeps a title the report does not use.
pub fn comment(written: &str) -> String {
    let one_line: String = written
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    format!("# 文档原标题（页面使用站点的标题）：{one_line}\n")
}

/// `written` without an outline number before it.
fn strip_outline(written: &str) -> &str {
    let text = names::strip_numbering(written);
    // `第二部分`, `第三章`, `第1节` and what separates them from the title.
    let Some(rest) = text.strip_prefix('第') else {
        return text;
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || "一二三四五六七八九十百零〇".contains(c)))
        .unwrap_or(rest.len());
    let after = &rest[end..];
    let part = ["部分", "章", "节", "篇", "项"]
        .iter()
        .find_map(|word| after.strip_prefix(word));
    match part {
        Some(title) if end > 0 => title
            .trim_start_matches(['、', '：', ':', '.', '．', ' ', '　'])
            .trim(),
        _ => text,
    }
}

/// Whether `text` names a year: `2015`, `2015年`, `二〇一五年`.
fn names_year(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let digits = chars.windows(4).enumerate().any(|(i, w)| {
        let around = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(char::is_ascii_digit)
        };
        w.iter().all(char::is_ascii_digit)
            && matches!(w[0], '1' | '2')
            && !around(i.checked_sub(1))
            && !around(Some(i + 4))
    });
    let chinese = chars
        .windows(5)
        .any(|w| w[..4].iter().all(|c| "〇零一二三四五六七八九".contains(*c)) && w[4] == '年');
    digits || chinese
}

/// Whether `text` names the report's unit, by name or id.
fn names_unit(text: &str, unit: Option<&str>, config: &SiteConfig) -> bool {
    let Some(unit) = unit else {
        return false;
    };
    let text = names::normalize(text);
    let configured = config.units.iter().find(|u| u.id == unit);
    std::iter::once(unit)
        .chain(configured.map(|u| u.name.as_str()))
        .chain(
            configured
                .into_iter()
                .flat_map(|u| u.aliases.iter().map(String::as_str)),
        )
        .map(names::normalize)
        .any(|name| !name.is_empty() && text.contains(&name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> SiteConfig {
        crate::yaml::from_str("units:\n  - { id: gz, name: 广州团市委 }\n").expect("config")
    }

    #[test]
    fn the_outline_number_goes() {
        for written in [
            "二、2015年重点工作推进情况",
            "（二）2015年重点工作推进情况",
            "2. 2015年重点工作推进情况",
            "第二部分 2015年重点工作推进情况",
            "第2部分：2015年重点工作推进情况",
        ] {
            assert_eq!(
                title(Some(written), None, &config()),
                Title::Kept("2015年重点工作推进情况".into()),
                "{written}"
            );
        }
    }

    #[test]
    fn a_title_without_year_or_unit_gives_way_to_the_site_title() {
        let written = "二、重点工作推进情况（12月份）";
        assert_eq!(
            title(Some(written), Some("gz"), &config()),
            Title::SiteDefault(written.into())
        );
        assert_eq!(
            title(Some("广州团市委重点工作推进情况"), Some("gz"), &config()),
            Title::Kept("广州团市委重点工作推进情况".into())
        );
        assert_eq!(
            title(Some("二〇一五年十二月工作情况"), None, &config()),
            Title::Kept("二〇一五年十二月工作情况".into())
        );
        assert_eq!(title(Some("  "), None, &config()), Title::None);
        assert_eq!(
            title(Some("第120345号文"), None, &config()),
            Title::SiteDefault("第120345号文".into())
        );
    }

    #[test]
    fn the_kept_comment_is_one_line() {
        assert_eq!(comment("a\nb"), "# 文档原标题（页面使用站点的标题）：a b\n");
    }
}
