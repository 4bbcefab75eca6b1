//! After render: every link between the built pages (and every picture
//! they show) leads to a file that exists, and every `#anchor` to an
//! element that has that id. Pages are read with lol_html (a streaming
//! HTML parser) as they are made.

use std::collections::{HashMap, HashSet};

use lol_html::{HtmlRewriter, Settings, element};

/// What one page links to, and the ids it has.
#[derive(Default)]
pub struct PageLinks {
    pub path: String,
    pub hrefs: Vec<String>,
    pub ids: Vec<String>,
}

/// Reads the links and ids of the page at `path`.
pub fn scan(path: &str, html: &[u8]) -> PageLinks {
    let mut hrefs = Vec::new();
    let mut ids = Vec::new();
    {
        let settings = Settings::new()
            .append_element_content_handler(element!("a[href], img[src]", |el| {
                let attribute = if el.tag_name() == "img" {
                    "src"
                } else {
                    "href"
                };
                if let Some(href) = el.get_attribute(attribute) {
                    hrefs.push(href);
                }
                Ok(())
            }))
            .append_element_content_handler(element!("[id]", |el| {
                if let Some(id) = el.get_attribute("id") {
                    ids.push(id);
                }
                Ok(())
            }));
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        // A page that does not parse has no links to check.
        let _ = rewriter.write(html).and_then(|()| rewriter.end());
    }
    PageLinks {
        path: path.to_string(),
        hrefs,
        ids,
    }
}

/// The links that lead nowhere, as `page → href`. `files` are all the
/// output's paths.
pub fn broken(pages: &[PageLinks], files: &HashSet<String>) -> Vec<String> {
    let ids: HashMap<&str, HashSet<&str>> = pages
        .iter()
        .map(|p| (p.path.as_str(), p.ids.iter().map(String::as_str).collect()))
        .collect();
    let mut broken = Vec::new();
    for page in pages {
        for href in &page.hrefs {
            let Some((target, anchor)) = resolve(&page.path, href) else {
                continue;
            };
            let found = files.contains(&target)
                && anchor.is_none_or(|anchor| {
                    ids.get(target.as_str())
                        .is_none_or(|known| known.contains(anchor.as_str()))
                });
            if !found {
                broken.push(format!("{} → {href}", page.path));
            }
        }
    }
    broken.sort();
    broken
}

/// The output file and anchor `href` on the page at `page` leads to; none
/// for another site's address.
fn resolve(page: &str, href: &str) -> Option<(String, Option<String>)> {
    let has_scheme = href
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains(['/', '?', '#']));
    if has_scheme || href.starts_with("//") {
        return None;
    }
    let (path, anchor) = match href.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_string())),
        None => (href, None),
    };
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() {
        return Some((page.to_string(), anchor));
    }
    // Files are written under their names: `%E9%99%84` is `附`.
    let mut target = crate::model::join(page, &crate::model::files::percent_decode(path));
    if path.ends_with('/') || target.is_empty() {
        if !target.is_empty() {
            target.push('/');
        }
        target.push_str("index.html");
    }
    Some((target, anchor))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_their_page() {
        let r = |page, href| resolve(page, href).map(|(t, a)| (t, a.unwrap_or_default()));
        assert_eq!(
            r("months/2015-12/index.html", "../../areas/x/index.html#a"),
            Some(("areas/x/index.html".into(), "a".into()))
        );
        assert_eq!(
            r("months/2015-12/index.html", "#gd"),
            Some(("months/2015-12/index.html".into(), "gd".into()))
        );
        assert_eq!(
            r("months/2015-12/index.html", "../../"),
            Some(("index.html".into(), String::new()))
        );
        assert_eq!(
            r("index.html", "months/"),
            Some(("months/index.html".into(), String::new()))
        );
        assert_eq!(r("index.html", "https://example.org/"), None);
        assert_eq!(r("index.html", "data:image/png;base64,AA"), None);
        assert_eq!(
            r(
                "months/2015-12/index.html",
                "../../files/gd/%E9%99%84%20a.pdf#page=2"
            ),
            Some(("files/gd/附 a.pdf".into(), "page=2".into()))
        );
    }

    #[test]
    fn a_missing_page_or_anchor_is_broken() {
        let pages = vec![
            PageLinks {
                path: "index.html".into(),
                hrefs: vec![
                    "a.html#x".into(),
                    "a.html#y".into(),
                    "b.html".into(),
                    "style.css".into(),
                ],
                ids: vec![],
            },
            PageLinks {
                path: "a.html".into(),
                hrefs: vec![],
                ids: vec!["x".into()],
            },
        ];
        let files: HashSet<String> = ["index.html", "a.html", "style.css"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            broken(&pages, &files),
            ["index.html → a.html#y", "index.html → b.html"]
        );
    }
}
