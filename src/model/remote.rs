//! Nothing in a report makes a reader's browser load from another machine:
//! an image from another host is a tracking pixel for whoever runs it, and
//! a UNC path (`\\server\share\x.png`) opened from a Windows share hands
//! that server the reader's Windows credentials. Such an image becomes a
//! link to it (the reader may still choose to open it) unless site.yaml
//! lists its host under `remote_images`.
//!
//! Addresses are resolved as a browser resolves them (WHATWG URL rules, by
//! the `url` crate): backslashes, tabs inside a scheme, `//host` and upper
//! case all count as the browser counts them.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use lol_html::html_content::{ContentType, Element};
use lol_html::{RewriteStrSettings, element, rewrite_str};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use url::Url;

use crate::config::host_name;

type Spanned<'a> = (Event<'a>, Range<usize>);

/// A page of the site as a browser would see it: an address that resolves
/// to another host than this one (which cannot exist) leaves the site.
static PAGE: LazyLock<Option<Url>> =
    LazyLock::new(|| Url::parse("https://reportal.invalid/months/page.html").ok());

/// The hosts images may load from (site.yaml's `remote_images`).
#[derive(Clone, Copy)]
pub struct Hosts<'c> {
    pub allowed: &'c [String],
}

impl Hosts<'_> {
    /// Whether loading `address` from a page of the site contacts another
    /// machine than the one serving the page. `data:` is not: the image is
    /// in the address itself.
    pub fn is_remote(&self, address: &str) -> bool {
        let Some(page) = PAGE.as_ref() else {
            return true;
        };
        // An address that does not parse may still mean something to some
        // browser: it is not the site's.
        let Ok(url) = page.join(address) else {
            return true;
        };
        if url.scheme() == "data" {
            return false;
        }
        if url.scheme() == page.scheme() && url.host_str() == page.host_str() {
            return false;
        }
        !url.host_str().is_some_and(|host| self.allows(host))
    }

    fn allows(&self, host: &str) -> bool {
        self.allowed
            .iter()
            .any(|name| host_name(name).as_deref() == Some(host))
    }
}

/// An image (or other loaded thing) a report wanted from another machine.
#[derive(Debug, Clone, PartialEq)]
pub struct RemoteImage {
    /// The address, as written.
    pub address: String,
    /// Where it is in the file.
    pub range: Range<usize>,
}

/// Turns remote Markdown images into links, and rewrites raw HTML so that
/// it loads nothing remote. What was changed is returned, with its place.
pub fn guard<'a>(
    events: Vec<Spanned<'a>>,
    text: &str,
    hosts: Hosts,
) -> (Vec<Spanned<'a>>, Vec<RemoteImage>) {
    let mut found = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    // For each open image: whether it became a link.
    let mut open = Vec::new();
    // A work area's name is its heading's text: no address goes into it.
    let mut in_area_heading = false;
    let mut events = events.into_iter().peekable();
    while let Some((event, span)) = events.next() {
        match event {
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let address = as_written(&dest_url, &text[span.clone()]);
                let remote = hosts.is_remote(&address);
                open.push(remote);
                if !remote {
                    let image = Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    };
                    out.push((Event::Start(image), span));
                    continue;
                }
                found.push(RemoteImage {
                    address: address.to_string(),
                    range: span.clone(),
                });
                let dest_url = CowStr::from(address.into_owned());
                let alt_is_empty = matches!(events.peek(), Some((Event::End(TagEnd::Image), _)));
                // Hovering shows the address as written (`href` escapes a
                // UNC path's backslashes).
                let title = if title.is_empty() {
                    dest_url.clone()
                } else {
                    title
                };
                let link = Tag::Link {
                    link_type,
                    dest_url: dest_url.clone(),
                    title,
                    id,
                };
                out.push((Event::Start(link), span.clone()));
                if alt_is_empty && !in_area_heading {
                    out.push((Event::Text(dest_url), span));
                }
            }
            Event::End(TagEnd::Image) => {
                let end = match open.pop() {
                    Some(true) => TagEnd::Link,
                    _ => TagEnd::Image,
                };
                out.push((Event::End(end), span));
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H2,
                ..
            }) => {
                in_area_heading = true;
                out.push((event, span));
            }
            Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                in_area_heading = false;
                out.push((event, span));
            }
            Event::Html(first) => {
                // An HTML block comes a line at a time: a tag may span lines.
                let mut lines = vec![(first, span)];
                while let Some((Event::Html(_), _)) = events.peek() {
                    if let Some((Event::Html(line), span)) = events.next() {
                        lines.push((line, span));
                    }
                }
                let html: String = lines.iter().map(|(line, _)| line.as_ref()).collect();
                let (rewritten, loads) = rewrite_html(&html, hosts);
                for (offset, address) in loads {
                    found.push(RemoteImage {
                        address,
                        range: source_range(&lines, offset),
                    });
                }
                let whole = lines[0].1.start..lines.last().map_or(0, |(_, s)| s.end);
                out.push((Event::Html(rewritten.into()), whole));
            }
            Event::InlineHtml(tag) => {
                let (rewritten, loads) = rewrite_html(&tag, hosts);
                for (offset, address) in loads {
                    let at = span.start + offset;
                    found.push(RemoteImage {
                        address,
                        range: at..at,
                    });
                }
                out.push((Event::InlineHtml(rewritten.into()), span));
            }
            event => out.push((event, span)),
        }
    }
    (out, found)
}

/// CommonMark reads `\\` as one backslash, so `![](\\server\x.png)` gives
/// `\server\x.png`; the writer meant the UNC path they typed.
fn as_written<'u>(dest: &'u str, source: &str) -> Cow<'u, str> {
    if dest.starts_with('\\') && !dest.starts_with("\\\\") && source.contains(&format!("\\{dest}"))
    {
        Cow::Owned(format!("\\{dest}"))
    } else {
        Cow::Borrowed(dest)
    }
}

/// The place in the file of byte `offset` of an HTML block's joined lines.
fn source_range(lines: &[(CowStr, Range<usize>)], mut offset: usize) -> Range<usize> {
    for (line, span) in lines {
        if offset < line.len() {
            let at = (span.start + offset).min(span.end);
            return at..at;
        }
        offset -= line.len();
    }
    let end = lines.last().map_or(0, |(_, span)| span.end);
    end..end
}

/// Rewrites `html` so it loads nothing from another machine: a remote
/// `<img>` becomes a link to its address; any other remote loading
/// attribute is removed, with a link to its address put after the element.
/// Returns the HTML and, for each change, the byte offset of its tag in
/// `html` and the address.
pub fn rewrite_html(html: &str, hosts: Hosts) -> (String, Vec<(usize, String)>) {
    let mut loads = Vec::new();
    let settings = RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
        guard_element(el, hosts, &mut loads);
        Ok(())
    }));
    match rewrite_str(html, settings) {
        Ok(rewritten) => (rewritten, loads),
        // lol_html gives up only on memory limits; nothing of a page this
        // big can be trusted to load nothing, so none of its markup is kept.
        Err(_) => (
            html_escape::encode_text(html).into_owned(),
            vec![(0, String::new())],
        ),
    }
}

/// Attributes whose address the browser loads without being asked, on any
/// element (on `link`, `base` and SVG's `image`/`use`, `href` too).
const LOADING: &[&str] = &[
    "src",
    "srcset",
    "poster",
    "data",
    "background",
    "lowsrc",
    "dynsrc",
    "codebase",
];

fn guard_element(el: &mut Element, hosts: Hosts, loads: &mut Vec<(usize, String)>) {
    let at = el.source_location().bytes().start;
    let tag = el.tag_name();
    let mut remote: Vec<(String, String)> = Vec::new();
    for attribute in el.attributes() {
        let name = attribute.name();
        let value = decode(&attribute.value());
        let loads_href = name == "href" || name == "xlink:href";
        let loading = LOADING.contains(&name.as_str())
            || (loads_href && !matches!(tag.as_str(), "a" | "area"));
        let address = if name == "style" {
            remote_in_css(&value, hosts)
        } else if name == "srcset" {
            srcset_addresses(&value)
                .find(|a| hosts.is_remote(a))
                .map(str::to_string)
        } else if loading {
            hosts.is_remote(&value).then_some(value)
        } else {
            None
        };
        if let Some(address) = address {
            remote.push((name, address));
        }
    }
    let Some((_, first)) = remote.first() else {
        return;
    };
    loads.push((at, first.clone()));
    let src_is_remote = remote.iter().any(|(name, _)| name == "src");
    if tag == "img" && (src_is_remote || el.get_attribute("src").is_none()) {
        let alt = el
            .get_attribute("alt")
            .map(|alt| decode(&alt))
            .unwrap_or_default();
        el.replace(&link(first, &alt), ContentType::Html);
        return;
    }
    for (name, address) in &remote {
        el.remove_attribute(name);
        // Before, not after: the element's end may be in another piece.
        // (A style's address may be the whole style: it is only warned of.)
        if name != "style" {
            el.before(&link(address, ""), ContentType::Html);
        }
    }
}

fn decode(value: &str) -> String {
    html_escape::decode_html_entities(value).into_owned()
}

/// `<a href="address" title="address">alt, or the address</a>`.
fn link(address: &str, alt: &str) -> String {
    let shown = if alt.trim().is_empty() { address } else { alt };
    let address = html_escape::encode_double_quoted_attribute(address);
    format!(
        "<a href=\"{address}\" title=\"{address}\">{}</a>",
        html_escape::encode_text(shown)
    )
}

/// The addresses of a `srcset`: `a.png 1x, b.png 2x`.
fn srcset_addresses(srcset: &str) -> impl Iterator<Item = &str> {
    srcset
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
}

/// The first remote address a style attribute loads (`url(…)`, or a string
/// in `image-set(…)`). A CSS escape could hide either, so a style with a
/// backslash and a `(` counts as remote as a whole.
fn remote_in_css(style: &str, hosts: Hosts) -> Option<String> {
    if style.contains('\\') && style.contains('(') {
        return Some(style.to_string());
    }
    let lower = style.to_ascii_lowercase();
    let mut addresses = Vec::new();
    for (start, _) in lower.match_indices("url(") {
        let rest = &style[start + 4..];
        let inner = rest.split(')').next().unwrap_or(rest);
        addresses.push(inner.trim().trim_matches(['"', '\'']).trim());
    }
    if lower.contains("image") {
        for quote in ['"', '\''] {
            addresses.extend(style.split(quote).skip(1).step_by(2));
        }
    }
    addresses
        .into_iter()
        .find(|a| hosts.is_remote(a))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Hosts = Hosts { allowed: &[] };

    #[test]
    fn remote_is_what_a_browser_fetches_from_elsewhere() {
        for remote in [
            "http://example.org/x.png",
            "HTTPS://example.org/x.png",
            "//example.org/x.png",
            "\\\\server\\share\\x.png",
            "/\\server/x.png",
            "//server/share/x.png",
            "file:///C:/x.png",
            "file://server/x.png",
            "ht\ttp://example.org/x.png",
            " http://example.org/x.png",
            "C:\\Users\\x.png",
            "ftp://example.org/x.png",
        ] {
            assert!(NONE.is_remote(remote), "{remote}");
        }
        for local in [
            "x.png",
            "../img/x.png",
            "/img/x.png",
            "#a",
            "",
            "data:image/png;base64,AAAA",
        ] {
            assert!(!NONE.is_remote(local), "{local}");
        }
    }

    #[test]
    fn allowed_hosts_match_as_the_browser_reads_them() {
        let allowed = ["Intranet.Example.gov.cn".to_string()];
        let hosts = Hosts { allowed: &allowed };
        assert!(!hosts.is_remote("http://intranet.example.gov.cn/x.png"));
        assert!(!hosts.is_remote("//INTRANET.example.gov.cn/x.png"));
        assert!(hosts.is_remote("http://intranet.example.gov.cn.evil.org/x.png"));
        assert!(hosts.is_remote("http://evil.org/intranet.example.gov.cn/x.png"));
        assert!(hosts.is_remote("http://intranet.example.gov.cn@evil.org/x.png"));
    }

    #[test]
    fn raw_html_keeps_nothing_that_loads_remotely() {
        let (html, loads) = rewrite_html(
            r#"<p><IMG ALT="图 &amp; 表" SRC="&#104;ttp://a.org/x.png"><img src="ok.png" srcset="ok.png 1x, //b.org/y.png 2x"><video poster="http://c.org/p.png"></video></p>"#,
            NONE,
        );
        assert!(!html.contains("<IMG") && !html.contains("srcset"), "{html}");
        assert!(!html.contains("poster"), "{html}");
        assert!(
            html.contains(
                r#"<a href="http://a.org/x.png" title="http://a.org/x.png">图 &amp; 表</a>"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<img src="ok.png">"#), "{html}");
        assert_eq!(loads.len(), 3, "{loads:?}");
        assert_eq!(loads[0], (3, "http://a.org/x.png".to_string()));
    }
}
