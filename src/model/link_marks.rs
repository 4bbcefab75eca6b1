//! The marks a report's HTML carries for what only render knows: where a
//! link to another report leads (its page), and the way from a page back
//! to the site root (links in reports go into pages at every depth). The
//! model writes them (`link`), render fills them (`fill_links`, then
//! `from_root` and `fill_root`): this module is the one place that knows
//! what they look like.
//!
//! Each mark holds a number drawn when the process starts, so text a
//! writer puts in a report can never pass for one: `@reportal-link@0@`
//! typed in a report stays as typed. Marks never reach the output (every
//! one written is filled), so the output does not depend on the number.

use std::borrow::Cow;
use std::fmt::Display;
use std::hash::{BuildHasher, RandomState};
use std::sync::LazyLock;

/// The number that makes this process's marks its own. `RandomState` is
/// seeded from the system's randomness: no dependency needed.
static NONCE: LazyLock<u64> = LazyLock::new(|| RandomState::new().hash_one(0u8));

/// `LINK_MARK`, link index, `@`: link `i` of the report.
static LINK_MARK: LazyLock<String> = LazyLock::new(|| format!("@reportal-{:016x}-link@", *NONCE));

/// Stands for the page's way back to the site root.
static ROOT_MARK: LazyLock<String> = LazyLock::new(|| format!("@reportal-{:016x}-root@", *NONCE));

/// What stands in a report's HTML for its link `i` to another report
/// until render knows the page it leads to.
pub fn link(i: usize) -> String {
    format!("{}{i}@", *LINK_MARK)
}

/// `html` with each link mark replaced by `target(i)`, in one pass:
/// replacing them one link at a time cost links × HTML, minutes for a
/// report of 100,000 links. A mark `target` does not know (`None`), or
/// a broken one, stays as it is; what `target` gives is not looked into.
pub fn fill_links<'h>(
    html: &'h str,
    mut target: impl FnMut(usize) -> Option<String>,
) -> Cow<'h, str> {
    let mark = LINK_MARK.as_str();
    if !html.contains(mark) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(mark) {
        out.push_str(&rest[..at]);
        let after = &rest[at + mark.len()..];
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        let filled = after[digits..]
            .starts_with('@')
            .then(|| after[..digits].parse().ok())
            .flatten()
            .and_then(&mut target);
        match filled {
            Some(url) => {
                out.push_str(&url);
                rest = &after[digits + 1..];
            }
            None => {
                out.push_str(mark);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `path`, a page's address from the site root, as a link that works
/// from any page once `fill_root` has put that page's root in.
pub fn from_root(path: impl Display) -> String {
    format!("{}{path}", *ROOT_MARK)
}

/// The page `html` with each root mark replaced by `root`, the page's
/// way back to the site root (`../../`).
pub fn fill_root(html: String, root: &str) -> String {
    if html.contains(ROOT_MARK.as_str()) {
        html.replace(ROOT_MARK.as_str(), root)
    } else {
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Sections;
    use crate::model::body::{self, BodyOptions};
    use crate::model::remote::Hosts;

    #[test]
    fn each_link_is_filled_with_its_target_in_one_pass() {
        let html = format!(
            "<a href=\"{}\">a</a> <a href=\"{}\">b</a> {}",
            link(1),
            link(0),
            link(7),
        );
        let mut asked = Vec::new();
        let filled = fill_links(&html, |i| {
            asked.push(i);
            (i < 2).then(|| format!("u{i}"))
        });
        // 7 is unknown: its mark stays, whole, for the next mark to be found.
        assert_eq!(
            filled,
            format!("<a href=\"u1\">a</a> <a href=\"u0\">b</a> {}", link(7))
        );
        // Each mark is looked at once, whatever the number of links.
        assert_eq!(asked, [1, 0, 7]);
    }

    #[test]
    fn adjacent_and_nested_marks_are_each_found() {
        let html = format!("{}{}", link(0), link(1));
        assert_eq!(fill_links(&html, |i| Some(format!("[{i}]"))), "[0][1]");
        // A broken mark (no number, no closing `@`) is left, the mark
        // inside it filled.
        let head = LINK_MARK.as_str();
        let html = format!("{head}{}|{head}12|{head}", link(3));
        assert_eq!(
            fill_links(&html, |i| Some(format!("[{i}]"))),
            format!("{head}[3]|{head}12|{head}")
        );
        // What a target gives is not filled again.
        let html = link(0);
        let filled = fill_links(&html, |i| Some(format!("{}{i}", link(5))));
        assert_eq!(filled, format!("{}0", link(5)));
    }

    #[test]
    fn html_without_marks_is_not_copied() {
        let html = "<p>@reportal-link@0@ 无链接</p>";
        assert!(matches!(fill_links(html, |_| None), Cow::Borrowed(_)));
    }

    #[test]
    fn the_root_goes_where_the_page_needs_it() {
        let html = format!(
            "<a href=\"{}\">a</a><a href=\"{}\">b</a>",
            from_root("months/2015-12/#zhidu"),
            from_root(format_args!("units/{}/", "gd")),
        );
        assert_eq!(
            fill_root(html, "../../"),
            "<a href=\"../../months/2015-12/#zhidu\">a</a><a href=\"../../units/gd/\">b</a>"
        );
    }

    fn rendered(markdown: &str) -> body::Body {
        let sections = Sections::default();
        let options = BodyOptions {
            sections: &sections,
            unsafe_html: false,
            hosts: Hosts { allowed: &[] },
            id_prefix: "r-".into(),
            source: "content/r.md",
        };
        body::render(markdown, 0..markdown.len(), &options)
    }

    /// A writer who types what a mark once looked like, as text, as a
    /// link or in raw HTML, sees it as typed; only their link to a
    /// report is filled, and only the site root is put in.
    #[test]
    fn marks_typed_in_a_report_are_left_as_typed() {
        let typed = "@reportal-link@0@";
        let root = "@reportal-root@";
        let body = rendered(&format!(
            "见[上月](2015-11.md)。{typed} {root}\n\n\
             [假的]({typed}) <span title=\"{typed}\">{root}</span>\n"
        ));
        assert_eq!(body.links.len(), 1);
        let html = body.preamble_html.to_string();
        let filled = fill_links(&html, |i| {
            (i == 0).then(|| from_root("months/2015-11/#report-gd"))
        });
        let page = fill_root(filled.into_owned(), "../");
        assert_eq!(page.matches("../months/2015-11/#report-gd").count(), 1);
        // The typed link's address names a file beside the report (one
        // that is not there: an error when the site is built).
        assert_eq!(body.files.len(), 1);
        assert_eq!(body.files[0].written, typed);
        assert_eq!(page.matches(typed).count(), 2, "{page}");
        assert_eq!(page.matches(root).count(), 2, "{page}");
    }
}
