//! Pictures and attachments: the files beside the reports that a report
//! shows (`![活动](photo.png)`) or links (`[通知](附件/通知.pdf)`).
//!
//! Each relative address to a local file (not to another report: those
//! are `links`) is resolved against the report's folder when the body is
//! parsed, and becomes `files/<its path under content/>` from the site
//! root (a root mark: see `link_marks::from_root`), so every page that
//! shows the text reaches it. When the library is assembled each is
//! checked against the files the site holds (`load::ContentFiles`): one
//! that is missing, hidden, outside content/ or not an ordinary file is
//! an error at the address; a picture above `max_picture_kb` is a
//! warning. The build copies the files the reports refer to.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag};

use super::link_marks;
use crate::config::SiteConfig;
use crate::diagnostics::{Problem, ProblemKind, Problems, Spot};
use crate::load::ContentFiles;

type Spanned<'a> = (Event<'a>, Range<usize>);

/// The output folder the files go to, under the same path as under
/// `content/`: one place per file, whichever reports show it.
pub const FOLDER: &str = "files";

/// A file a report refers to, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct WrittenFile {
    /// The address as written (what messages name).
    pub written: String,
    /// The file's path from the site root (`content/gd/附件/通知.pdf`);
    /// none when the address leads out of `content/`.
    pub path: Option<String>,
    /// Shown as a picture (`![…](…)`), not linked.
    pub picture: bool,
    /// Where it is in the file.
    pub range: Range<usize>,
    /// Its place, for messages (filled in by `report::parse`).
    pub spot: Spot,
}

/// Takes the addresses of local files out of links and images, putting
/// in their place the file's address in the output from the site root.
/// `report` is the report's path from the site root. Links to reports
/// (`is_report`) are left for `body::report_links`.
pub fn take<'a>(
    events: Vec<Spanned<'a>>,
    report: &str,
    is_report: impl Fn(&str) -> bool,
) -> (Vec<Spanned<'a>>, Vec<WrittenFile>) {
    let mut files = Vec::new();
    let events = events
        .into_iter()
        .map(|(event, span)| {
            let (picture, link_type, dest_url, title, id) = match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => (false, link_type, dest_url, title, id),
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => (true, link_type, dest_url, title, id),
                event => return (event, span),
            };
            let local =
                link_type != LinkType::Email && is_local(&dest_url) && !is_report(&dest_url);
            let dest_url = if local {
                let path = resolve(report, &dest_url);
                let address = path.as_deref().map(|path| {
                    let suffix = dest_url.find(['#', '?']).map_or("", |at| &dest_url[at..]);
                    link_marks::from_root(format_args!("{}{suffix}", href(path)))
                });
                files.push(WrittenFile {
                    written: dest_url.to_string(),
                    path,
                    picture,
                    range: span.clone(),
                    spot: Spot::default(),
                });
                address.map_or(dest_url, Into::into)
            } else {
                dest_url
            };
            let tag = if picture {
                Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
            } else {
                Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }
            };
            (Event::Start(tag), span)
        })
        .collect();
    (events, files)
}

/// A relative address: no scheme (`http:`, `mailto:`, `data:`), not from
/// the site's or the server's root (`/x`, `//host`, `\\server`), not only
/// a fragment or query of the page itself.
fn is_local(address: &str) -> bool {
    if address.is_empty() || address.starts_with(['#', '?', '/', '\\']) {
        return false;
    }
    let scheme_end = address.find(|c: char| !(c.is_ascii_alphanumeric() || "+-.".contains(c)));
    let has_scheme = scheme_end.is_some_and(|end| {
        end > 0
            && address[end..].starts_with(':')
            && address.starts_with(|c: char| c.is_ascii_alphabetic())
    });
    !has_scheme
}

/// The path from the site root of the file `address` names, written in
/// the report at `report` (also from the site root): `..` and `.` worked
/// out, `%XX` decoded, `\` taken as `/` (as browsers take it). None when
/// it leads out of `content/`.
pub fn resolve(report: &str, address: &str) -> Option<String> {
    let path = address.split(['#', '?']).next().unwrap_or("");
    let decoded = percent_decode(path);
    let mut parts: Vec<&str> = report.split('/').collect();
    parts.pop();
    for part in decoded.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                // `content` itself is never left.
                if parts.len() <= 1 {
                    return None;
                }
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Where the file at `source` (from the site root) goes in the output.
pub fn output_path(source: &str) -> String {
    let under = source.strip_prefix("content/").unwrap_or(source);
    [FOLDER, "/", under].concat()
}

/// The output path of the file at `source`, as an address: each part
/// percent-encoded (Chinese names, spaces, `#` and `%` in names).
fn href(source: &str) -> String {
    let path = output_path(source);
    let mut out = String::with_capacity(path.len() * 3);
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `%XX` sequences as the bytes they stand for; a `%` not followed by two
/// hex digits stays. Bytes that are not UTF-8 are shown as U+FFFD (and so
/// name no file).
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What a report may show or link, by extension: the pictures browsers
/// show and the documents, sheets, archives and media offices attach.
/// Anything else may be opened by a browser as a page of the site and run
/// what it holds: `.html` and `.svg`, but also `.xsd` or `.dtd` (served as
/// XML: an XHTML element in them runs its script), a file without an
/// extension (sniffed): an allow-list, as a deny-list always misses one.
pub const PUBLISHED: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "webp", "bmp", "avif", "tif", "tiff", "emf",
    "wmf", // pictures
    "pdf", "ofd", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "wps", "et", "dps", "odt", "ods",
    "odp", "rtf", "txt", "csv", // documents
    "zip", "rar", "7z", // archives
    "mp3", "m4a", "wav", "mp4", "m4v", "webm", "mov", // media
];

/// Whether a file at `path` is of a kind `PUBLISHED` names.
pub fn publishable(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .is_some_and(|(_, e)| PUBLISHED.contains(&e.to_ascii_lowercase().as_str()))
}

/// Checks the files report `source` refers to against those the site
/// holds; problems go to `problems`. Returns the paths of the files to
/// publish with it, sorted, each once.
pub(super) fn check(
    written: &[WrittenFile],
    source: &str,
    files: &ContentFiles,
    config: &SiteConfig,
    problems: &mut Problems,
) -> Vec<String> {
    let mut published = Vec::new();
    for file in written {
        let at = |problem: Problem| problem.in_file(source).at_spot(&file.spot);
        let error = |kind| at(Problem::error(kind));
        let shown = || file.written.clone();
        let Some(path) = &file.path else {
            problems.push(error(ProblemKind::FileOutsideContent(shown())));
            continue;
        };
        let Some(found) = files.get(path) else {
            let hidden = path
                .split('/')
                .any(|part| crate::load::is_hidden(std::ffi::OsStr::new(part)));
            problems.push(error(if hidden {
                ProblemKind::FileHidden(shown())
            } else {
                ProblemKind::FileMissing(shown())
            }));
            continue;
        };
        if found.linked_out {
            problems.push(error(ProblemKind::FileOutsideContent(shown())));
            continue;
        }
        if !found.ordinary {
            problems.push(error(ProblemKind::NotOrdinaryFile(shown())));
            continue;
        }
        if !config.unsafe_html && !publishable(path) {
            problems.push(error(ProblemKind::FileWouldRun(shown())));
            continue;
        }
        if file.picture && found.size > config.max_picture_kb.saturating_mul(1024) {
            problems.push(at(Problem::warning(ProblemKind::PictureTooLarge {
                path: shown(),
                size: size_text(found.size),
                max_kb: config.max_picture_kb,
            })));
        }
        published.push(path.clone());
    }
    published.sort();
    published.dedup();
    published
}

/// `3.2 MB`, `850 KB`.
fn size_text(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / f64::from(1u32 << 20))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_resolve_against_the_report_and_stay_in_content() {
        let r = |address| resolve("content/gd/2015-12.md", address);
        assert_eq!(r("photo.png").as_deref(), Some("content/gd/photo.png"));
        assert_eq!(
            r("./附件/通知.pdf#page=2").as_deref(),
            Some("content/gd/附件/通知.pdf")
        );
        assert_eq!(
            r("%E9%99%84%E4%BB%B6/a%20b.pdf").as_deref(),
            Some("content/gd/附件/a b.pdf")
        );
        assert_eq!(
            r("附件\\通知.pdf").as_deref(),
            Some("content/gd/附件/通知.pdf")
        );
        assert_eq!(r("../sz/x.png").as_deref(), Some("content/sz/x.png"));
        assert_eq!(r("../../site.yaml"), None);
        assert_eq!(r("../../../../etc/passwd"), None);
        assert_eq!(r("a/../../../x"), None);
        assert_eq!(r("%2e%2e/%2e%2e/site.yaml"), None);
    }

    #[test]
    fn only_relative_addresses_are_local() {
        for local in [
            "photo.png",
            "附件/通知.pdf",
            "./x",
            "www.example.org",
            "1:2.png",
        ] {
            assert!(is_local(local), "{local}");
        }
        for other in [
            "http://x/y.png",
            "mailto:a@b",
            "data:image/png;base64,AA",
            "/static/x.png",
            "//host/x",
            "\\\\server\\share\\x.png",
            "#area",
            "?q",
            "",
            "C:x.png",
            "a:b",
        ] {
            assert!(!is_local(other), "{other}");
        }
    }

    #[test]
    fn output_addresses_are_encoded_and_files_keep_their_names() {
        assert_eq!(
            output_path("content/gd/附件/通知.pdf"),
            "files/gd/附件/通知.pdf"
        );
        assert_eq!(
            href("content/gd/附件/a b#1.pdf"),
            "files/gd/%E9%99%84%E4%BB%B6/a%20b%231.pdf"
        );
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
    }
}
