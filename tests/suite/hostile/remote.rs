//! Remote resources written into reports: opening a page must not make the
//! reader's browser contact another machine (a tracking pixel; from a
//! Windows share, a UNC path hands over the reader's credentials). Such
//! images become links, with a warning; site.yaml may allow named hosts.

use scraper::Html;

use crate::common::*;

/// Every attribute through which a browser loads something by itself.
const LOADING: &[(&str, &str)] = &[
    ("[src]", "src"),
    ("[srcset]", "srcset"),
    ("[poster]", "poster"),
    ("[data]", "data"),
    ("[background]", "background"),
    ("link[href]", "href"),
    ("base[href]", "href"),
    ("[style]", "style"),
];

/// What the page loads by itself that mentions `host`.
fn loads_from(doc: &Page, host: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (selector, attr) in LOADING {
        for value in doc.attrs(selector, attr) {
            if value.contains(host) {
                found.push(format!("{attr}={value}"));
            }
        }
    }
    found
}

/// The links on the page to addresses that contain `host`: text, title.
/// (The sanitiser drops a `file:` href; the title still shows it.)
fn links_to(doc: &Page, host: &str) -> Vec<(String, String)> {
    doc.select(&sel(".prose a"))
        .filter_map(|a| {
            let href = a.value().attr("href").unwrap_or("");
            let title = a.value().attr("title").unwrap_or("");
            (href.contains(host) || title.contains(host)).then(|| (text(a), title.to_string()))
        })
        .collect()
}

/// A site of one report whose first area holds `body` (line 5 onwards).
fn site_with(site_yaml: &str, body: &str) -> Site {
    Site::new(&[
        ("site.yaml", site_yaml),
        (
            "content/2015-12.md",
            &format!("---\nmonth: 2015-12\n---\n## 1. 团的制度建设\n{body}"),
        ),
    ])
}

const SITE: &str = "title: 测试\nbase_url: https://reports.example.gov.cn/\n";

/// Builds `body`; asserts that no built file loads from `host`, that the
/// month page links to it instead with `shown` as the link's text, and that
/// `build` warned about `line` of the report. Returns the month page.
fn assert_linked_not_loaded(body: &str, host: &str, shown: &str, line: usize) -> Page {
    let site = site_with(SITE, body);
    let run = site.built();
    let page = site.page("months/2015-12/index.html");
    assert_eq!(loads_from(&page, host), Vec::<String>::new(), "{run}");
    let links = links_to(&page, host);
    assert!(
        links.iter().any(|(text, _)| text == shown),
        "no link shown as {shown:?}: {links:?}"
    );
    let place = format!("content/2015-12.md:{line}:");
    assert!(
        run.stderr
            .lines()
            .any(|l| l.contains(&place) && l.contains("is not in the site")),
        "no warning at {place}:\n{run}"
    );
    assert_no_loading_src_in_output(&site, host);
    page
}

/// The final net: no file of the output (pages, search index, feed) has
/// a tag other than a link that names `host`, escaped or not; and no page
/// loads from it. The report's own Markdown, copied for download, is text
/// and is left out.
fn assert_no_loading_src_in_output(site: &Site, host: &str) {
    for (path, bytes) in snapshot(&site.output()) {
        if path.ends_with(".md") {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".html") {
            let page = Page(Html::parse_document(&text));
            assert_eq!(loads_from(&page, host), Vec::<String>::new(), "{path}");
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("\\u003c", "<")
            .replace("&quot;", "\"")
            .replace("\\\"", "\"");
        for (at, _) in text.match_indices('<') {
            let tag = text[at..].split('>').next().unwrap_or("");
            let is_link = tag.starts_with("<a ") || tag.starts_with("<link rel=\"alternate\"");
            assert!(is_link || !tag.contains(host), "{path}: {tag}");
        }
    }
}

#[test]
fn a_markdown_image_over_http_becomes_a_link() {
    assert_linked_not_loaded(
        "前言\n![会场照片](http://tracker.example.org/p.png)\n",
        "tracker.example.org",
        "会场照片",
        6,
    );
}

#[test]
fn a_protocol_relative_image_without_alt_shows_its_address() {
    assert_linked_not_loaded(
        "\n![](//tracker.example.org/p.png)\n",
        "tracker.example.org",
        "//tracker.example.org/p.png",
        6,
    );
}

#[test]
fn a_unc_image_becomes_a_link_that_shows_the_path_as_written() {
    // `\\` is one backslash to CommonMark: the writer still meant UNC.
    for written in [r"\\fileserver\share\p.png", r"\\\\fileserver\share\p.png"] {
        let page = assert_linked_not_loaded(
            &format!("\n\n![]({written})\n"),
            "fileserver",
            r"\\fileserver\share\p.png",
            7,
        );
        let titles: Vec<_> = links_to(&page, "fileserver")
            .into_iter()
            .map(|l| l.1)
            .collect();
        assert_eq!(titles, [r"\\fileserver\share\p.png"], "{written}");
    }
    assert_linked_not_loaded(
        "![共享盘](//fileserver/share/p.png)\n",
        "fileserver",
        "共享盘",
        5,
    );
    assert_linked_not_loaded(
        "![本机](file://fileserver/share/p.png)\n",
        "fileserver",
        "本机",
        5,
    );
}

#[test]
fn raw_html_images_and_srcsets_become_links() {
    let page = assert_linked_not_loaded(
        "\n<p>图：<IMG ALT=\"签到表\" SRC=\"&#104;ttp://tracker.example.org/a.png\"></p>\n",
        "tracker.example.org",
        "签到表",
        6,
    );
    assert!(page.select(&sel(".prose img")).next().is_none());
    // A local image with a remote 2x version keeps the local one only.
    let page = assert_linked_not_loaded(
        "\n\n<p><img src=\"img/a.png\" srcset=\"img/a.png 1x, https://tracker.example.org/a2.png 2x\"></p>\n",
        "tracker.example.org",
        "https://tracker.example.org/a2.png",
        7,
    );
    assert_eq!(page.attrs(".prose img", "src"), ["img/a.png"]);
    // A table cell (inline HTML in Markdown).
    assert_linked_not_loaded(
        "\n| 照片 |\n|:-|\n| <img src=\"\\\\fileserver\\s\\x.png\" alt=\"合影\"> |\n",
        "fileserver",
        "合影",
        8,
    );
}

#[test]
fn video_audio_and_embeds_load_nothing_remote() {
    for html in [
        "<video src=\"http://tracker.example.org/v.mp4\" poster=\"http://tracker.example.org/p.png\" controls></video>",
        "<audio controls><source src=\"http://tracker.example.org/a.mp3\"><track src=\"http://tracker.example.org/t.vtt\"></audio>",
        "<iframe src=\"http://tracker.example.org/\"></iframe>",
        "<object data=\"http://tracker.example.org/o.swf\"></object><embed src=\"http://tracker.example.org/e.swf\">",
        "<input type=\"image\" src=\"http://tracker.example.org/i.png\">",
        "<table background=\"http://tracker.example.org/b.png\"><tr><td style=\"background: url(http://tracker.example.org/c.png)\">x</td></tr></table>",
        "<link rel=\"stylesheet\" href=\"http://tracker.example.org/s.css\">",
        "<p style=\"background-image: image-set('http://tracker.example.org/i.png' 1x)\">x</p>",
    ] {
        for site_yaml in [SITE.to_string(), format!("{SITE}unsafe_html: true\n")] {
            let site = site_with(&site_yaml, &format!("\n{html}\n"));
            let run = site.built();
            let page = site.page("months/2015-12/index.html");
            assert_eq!(
                loads_from(&page, "tracker.example.org"),
                Vec::<String>::new(),
                "{site_yaml}{html}\n{run}"
            );
            assert_no_loading_src_in_output(&site, "tracker.example.org");
            // Under `unsafe_html` the HTML is kept, so what was taken out
            // is said; the sanitiser drops these elements whole otherwise.
            if site_yaml.contains("unsafe_html") {
                assert!(
                    run.stderr.contains("content/2015-12.md:6:"),
                    "{html}:\n{run}"
                );
            }
        }
    }
}

#[test]
fn an_image_tag_built_across_lines_is_caught_all_the_same() {
    // The `<img` is opened in an HTML block and its `src` written in the
    // paragraph after it: no single piece of raw HTML holds the whole tag.
    let site = site_with(
        SITE,
        "\n<div>\n<img title=\"\n\nx\" src=\"http://tracker.example.org/g.png\">\n",
    );
    let run = site.built();
    let page = site.page("months/2015-12/index.html");
    assert_eq!(
        loads_from(&page, "tracker.example.org"),
        Vec::<String>::new()
    );
    assert!(run.stderr.contains("content/2015-12.md:6:"), "{run}");
    assert_no_loading_src_in_output(&site, "tracker.example.org");
}

#[test]
fn allowed_hosts_and_site_images_load_as_written() {
    let site = site_with(
        &format!("{SITE}remote_images: [Intranet.Example.gov.cn]\n"),
        "![内网](http://intranet.example.gov.cn/a.png)\n\
         <img src=\"//intranet.example.gov.cn/b.png\" alt=\"b\">\n\n\
         ![本地](img/c.png)\n![嵌入](data:image/gif;base64,R0lGODlhAQABAAAAACw=)\n\
         ![冒充](http://intranet.example.gov.cn.tracker.example.org/d.png)\n",
    );
    // The site's own picture is published with the report (see pictures.rs).
    site.write("content/img/c.png", b"png");
    let run = site.built();
    let page = site.page("months/2015-12/index.html");
    let srcs = page.attrs(".prose img", "src");
    assert!(
        srcs.contains(&"http://intranet.example.gov.cn/a.png".to_string())
            && srcs.contains(&"//intranet.example.gov.cn/b.png".to_string())
            && srcs.contains(&"../../files/img/c.png".to_string()),
        "{srcs:?}"
    );
    assert_eq!(
        loads_from(&page, "tracker.example.org"),
        Vec::<String>::new()
    );
    let warnings: Vec<_> = run
        .stderr
        .lines()
        .filter(|l| l.contains("is not in the site"))
        .collect();
    assert_eq!(warnings.len(), 1, "only the impostor warns:\n{run}");
    assert!(warnings[0].contains("content/2015-12.md:10:"), "{run}");
}

#[test]
fn plain_links_stay_links_without_a_warning() {
    let site = site_with(SITE, "[通知](http://www.example.org/n.html)\n");
    let run = site.built();
    let page = site.page("months/2015-12/index.html");
    assert_eq!(
        page.attrs(".prose a", "href"),
        ["http://www.example.org/n.html"]
    );
    assert!(!run.stderr.contains("is not in the site"), "{run}");
}

#[test]
fn a_remote_image_in_an_area_heading_does_not_rename_the_area() {
    let site = Site::new(&[
        ("site.yaml", SITE),
        (
            "content/2015-12.md",
            "---\nmonth: 2015-12\n---\n## 团的制度建设![](http://tracker.example.org/h.png)\n完成\n",
        ),
    ]);
    site.built();
    assert!(site.exists("areas/tuan-de-zhi-du-jian-she/index.html"));
    let page = site.page("months/2015-12/index.html");
    assert_eq!(
        loads_from(&page, "tracker.example.org"),
        Vec::<String>::new()
    );
}

#[test]
fn a_listed_host_must_be_a_bare_host_name() {
    let site = site_with(
        &format!("{SITE}remote_images: [\"http://intranet.example.gov.cn/img\"]\n"),
        "完成\n",
    );
    let run = site.build();
    assert_ne!(run.code, Some(0), "{run}");
    assert!(
        run.stderr.contains("site.yaml:3:") && run.stderr.contains("remote_images"),
        "{run}"
    );
}
