//! Published as an office publishes it: the built example copied under
//! `/reports/` of a real nginx (Debian's, which .ci/run installs), crawled
//! from its index: every page and anchor reached, nothing from another
//! host, the right content types.

use crate::common;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

/// nginx serving `site` under `/reports/` on a free loopback port.
struct Nginx {
    child: Child,
    port: u16,
    conf: std::path::PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // A fast shutdown through the master, so its workers go too (a
        // killed master leaves them running).
        let _ = Command::new("/usr/sbin/nginx")
            .arg("-c")
            .arg(&self.conf)
            .args(["-s", "stop"])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.wait();
    }
}

fn nginx(site: &Path) -> Option<Nginx> {
    if !Path::new("/usr/sbin/nginx").exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "nginx missing under CI: .ci/run must install it"
        );
        eprintln!("skipped: install nginx (apt-get install nginx) to run this test");
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port");
    let dir = tempfile::tempdir().expect("temp dir");
    let conf = dir.path().join("nginx.conf");
    let d = dir.path().display();
    std::fs::write(
        &conf,
        format!(
            "daemon off; pid {d}/nginx.pid; error_log {d}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  charset utf-8;
  charset_types text/css text/xml application/xml application/atom+xml text/csv text/markdown;
  access_log off;
  client_body_temp_path {d}; proxy_temp_path {d}; fastcgi_temp_path {d}; uwsgi_temp_path {d}; scgi_temp_path {d};
  server {{
    listen 127.0.0.1:{port};
    location /reports/ {{
      alias {}/;
      location ~ \\.csv$ {{ types {{ }} default_type \"text/csv; charset=utf-8\"; }}
      location ~ \\.md$ {{ types {{ }} default_type \"text/markdown; charset=utf-8\"; }}
    }}
  }}
}}
",
            site.display()
        ),
    )
    .expect("write nginx.conf");
    let child = Command::new("/usr/sbin/nginx")
        .arg("-c")
        .arg(&conf)
        .arg("-e")
        .arg(dir.path().join("error.log"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start nginx");
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(Nginx {
        child,
        port,
        conf,
        _dir: dir,
    })
}

/// GET over HTTP/1.0: status, content type, body.
fn get(port: u16, path: &str) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("read");
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers");
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let content_type = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-type: ")
                .map(str::to_string)
        })
        .unwrap_or_default();
    (status, content_type, response[split + 4..].to_vec())
}

/// `href` on the page at URL path `page`, as a URL path and anchor.
fn resolve(page: &str, href: &str) -> (String, Option<String>) {
    let (path, anchor) = match href.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (href, None),
    };
    if path.is_empty() {
        return (page.to_string(), anchor);
    }
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for part in path.split('/') {
        match part {
            "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    (parts.join("/"), anchor)
}

#[test]
fn the_example_published_under_a_sub_path_of_nginx_has_every_page_and_anchor() {
    // The example, offering the Markdown copies too, so that every kind
    // of file is served.
    let example = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = tempfile::tempdir().expect("temp dir");
    let yaml = std::fs::read_to_string(example.join("site.yaml")).expect("site.yaml");
    let yaml = yaml.replace(
        "\ndownloads: [word, csv]\n",
        "\ndownloads: [word, csv, markdown]\n",
    );
    assert!(
        yaml.contains("markdown]"),
        "site.yaml's downloads line moved"
    );
    std::fs::write(root.path().join("site.yaml"), yaml).expect("site.yaml");
    let copied = std::process::Command::new("cp")
        .arg("-r")
        .arg(example.join("content"))
        .arg(root.path())
        .status()
        .expect("cp");
    assert!(copied.success());
    let (_out, site) = common::built_into_temp(root.path());
    let Some(server) = nginx(&site) else {
        return;
    };

    let links = Selector::parse("a[href], link[href]").expect("selector");
    let sources = Selector::parse("[src]").expect("selector");
    let ids = Selector::parse("[id]").expect("selector");
    let mut pages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut wanted: Vec<(String, String, Option<String>)> = Vec::new();
    let mut queue = VecDeque::from(["/reports/".to_string()]);
    let mut seen = BTreeSet::from(["/reports/".to_string()]);
    let mut problems = Vec::new();
    while let Some(url) = queue.pop_front() {
        let (status, content_type, body) = get(server.port, &url);
        if status != 200 {
            problems.push(format!("{url}: status {status}"));
            continue;
        }
        let is_html = url.ends_with('/') || url.ends_with(".html");
        let expected = match url.rsplit('.').next() {
            _ if is_html => "text/html; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("xml") => "xml",
            Some("csv") => "text/csv; charset=utf-8",
            Some("md") => "text/markdown; charset=utf-8",
            _ => "",
        };
        if !content_type.contains(expected) {
            problems.push(format!(
                "{url}: content type {content_type}, expected {expected}"
            ));
        }
        if !is_html {
            continue;
        }
        let page_url = if url.ends_with('/') {
            format!("{url}index.html")
        } else {
            url.clone()
        };
        let html = Html::parse_document(&String::from_utf8_lossy(&body));
        pages.insert(
            page_url.clone(),
            html.select(&ids)
                .filter_map(|e| e.value().attr("id").map(str::to_string))
                .collect(),
        );
        // Scripts (the search page's) come from the site, and are served.
        for source in html.select(&sources).filter_map(|e| e.value().attr("src")) {
            let (target, _) = resolve(&page_url, source);
            if source.contains("://") || !target.starts_with("/reports/") {
                problems.push(format!("{url}: loads {source} from outside the site"));
                continue;
            }
            let (status, content_type, _) = get(server.port, &target);
            if status != 200 || !content_type.contains("javascript") {
                problems.push(format!("{url}: {source}: {status} {content_type}"));
            }
        }
        for href in html.select(&links).filter_map(|e| e.value().attr("href")) {
            if href.contains("://") {
                problems.push(format!("{url}: links to another host: {href}"));
                continue;
            }
            let (target, anchor) = resolve(&page_url, href);
            if !target.starts_with("/reports/") {
                problems.push(format!("{url}: {href} leaves /reports/"));
                continue;
            }
            wanted.push((page_url.clone(), target.clone(), anchor));
            if seen.insert(target.clone()) {
                queue.push_back(target);
            }
        }
    }
    for (page, target, anchor) in &wanted {
        let target = if target.ends_with('/') {
            format!("{target}index.html")
        } else {
            target.clone()
        };
        if let (Some(anchor), Some(ids)) = (anchor, pages.get(&target))
            && !ids.contains(anchor)
        {
            problems.push(format!("{page}: no #{anchor} on {target}"));
        }
    }
    // The feed and sitemap are reached from the pages' head and by name.
    for path in ["/reports/feed.xml", "/reports/sitemap.xml"] {
        let (status, content_type, _) = get(server.port, path);
        if status != 200 || !content_type.contains("xml") {
            problems.push(format!("{path}: {status} {content_type}"));
        }
    }
    assert_eq!(problems, Vec::<String>::new());
    assert!(
        seen.iter().any(|url| url.ends_with(".md")),
        "no Markdown copy was reached"
    );
    let html_pages = pages.len();
    let built = common::html_pages(&site)
        .iter()
        .filter(|p| *p != "404.html")
        .count();
    assert_eq!(
        html_pages, built,
        "the crawl from the index reaches every page"
    );
}
