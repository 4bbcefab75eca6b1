//! `reportal serve --bind 0.0.0.0` on an office network: clients that open
//! connections and never finish a request must not hold them, nor the
//! server's memory, forever; open pages' live reload must not be cut.
//! And `base_url`, which the feed, the sitemap and the 404 page link to,
//! must be a web address, not a script.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::common::server::Server;
use crate::common::{Site, report, sel};

/// What the server allows for a request's head (src/serve/listen.rs).
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How many connections it holds at once (src/serve/listen.rs).
const CONNECTION_BOUND: usize = 256;

fn site() -> Site {
    Site::new(&[("content/2015-12.md", &month("1. 初稿内容"))])
}

fn month(progress: &str) -> String {
    report(
        "month: 2015-12",
        &format!(
            "## 团的制度建设\n\n### 本月份推进情况\n\n{progress}\n\n### 下一步推进计划\n\n1. 计划\n"
        ),
    )
}

/// A connection that sent the start of a request and nothing more.
fn stall(port: u16) -> TcpStream {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n")
        .expect("send");
    stream.set_nonblocking(true).expect("nonblocking");
    stream
}

/// Whether the server has closed `stream` (what it sent first, if
/// anything, is read past).
fn closed_by_server(mut stream: &TcpStream) -> bool {
    let mut buffer = [0u8; 1024];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(err) if err.kind() == ErrorKind::WouldBlock => return false,
            Err(_) => return true,
        }
    }
}

#[test]
fn unfinished_requests_are_closed_after_the_header_timeout_but_live_reload_stays() {
    let site = site();
    let server = Server::start(&site);
    let mut events = server.events();
    Server::read_events(&mut events, |seen| seen.contains("event: hello"));

    let mut stalled: Vec<TcpStream> = (0..50).map(|_| stall(server.port)).collect();
    assert_eq!(server.get("/").0, 200, "a page while requests stall");

    // Half go quiet; half trickle a byte a second, which an idle timeout
    // alone would never end.
    let started = Instant::now();
    let deadline = HEADER_TIMEOUT + Duration::from_secs(5);
    let open = loop {
        for stream in stalled.iter_mut().step_by(2) {
            let _ = stream.write_all(b"X");
        }
        let open = stalled.iter().filter(|s| !closed_by_server(s)).count();
        if open == 0 || started.elapsed() > deadline {
            break open;
        }
        std::thread::sleep(Duration::from_secs(1));
    };
    assert_eq!(
        open,
        0,
        "unfinished requests still open after {:?}",
        started.elapsed()
    );
    assert!(
        started.elapsed() >= HEADER_TIMEOUT - Duration::from_secs(1),
        "closed after {:?}: too soon for a slow writer",
        started.elapsed()
    );

    // The event stream is a finished request: it still carries reloads.
    site.write("content/2015-12.md", month("1. 修改后的内容"));
    Server::read_events(&mut events, |seen| seen.contains("event: reload"));
    assert_eq!(server.get("/").0, 200, "a page after the timeouts");
}

#[test]
fn connections_past_the_bound_wait_their_turn_and_the_server_does_not_grow() {
    let site = site();
    let server = Server::start(&site);
    assert_eq!(server.get("/").0, 200);
    let before = descriptors(server.pid());

    let stalled: Vec<TcpStream> = (0..CONNECTION_BOUND + 100)
        .map(|_| stall(server.port))
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    let held = descriptors(server.pid());
    assert!(
        held <= before + CONNECTION_BOUND + 4,
        "{} connections opened: the server holds {held} descriptors (was {before}), {}",
        stalled.len(),
        resident(server.pid())
    );

    // A page asked for now waits behind them, and is served once the
    // stalled ones time out.
    let started = Instant::now();
    let status = get_patiently(server.port, HEADER_TIMEOUT * 3);
    assert_eq!(status, 200, "after {:?}", started.elapsed());
    assert!(
        started.elapsed() < HEADER_TIMEOUT * 2,
        "served only after {:?}",
        started.elapsed()
    );
    drop(stalled);
}

/// GET / with a long read timeout: the status, 0 if none came.
fn get_patiently(port: u16, wait: Duration) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(wait)).expect("timeout");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// How many files and sockets the process holds.
fn descriptors(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("read /proc")
        .count()
}

/// The process's resident memory, as /proc says it.
fn resident(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|line| line.starts_with("VmRSS"))
        .unwrap_or("VmRSS unknown")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_base_url_that_is_not_a_web_address_is_refused_at_its_line() {
    for bad in [
        "javascript:alert(1)",
        "\"JavaScript:alert(document.cookie)//\"",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "//intranet.example.org/reports",
        "ftp://intranet.example.org/reports",
        "intranet.example.org/reports",
        "http://",
        "https://user:secret@intranet.example.org/reports",
        "https://intranet.example.org/reports?page=",
        "https://intranet.example.org/reports#top",
    ] {
        let site = Site::new(&[
            // The key's line, not a comment's.
            (
                "site.yaml",
                &format!("# was: base_url: {bad}\nbase_url: {bad}\n"),
            ),
            ("content/2015-12.md", &month("1. 进展")),
        ]);
        for run in [site.build(), site.run("check", &[])] {
            assert_ne!(run.code, Some(0), "{bad} accepted:\n{run}");
            assert!(
                run.stderr.contains("site.yaml:2:") && run.stderr.contains("base_url"),
                "{bad}: the error does not point at base_url in site.yaml:\n{run}"
            );
        }
        assert!(!site.exists("feed.xml"), "{bad}: a feed was written");
    }
}

#[test]
fn an_http_or_https_base_url_still_makes_the_feed() {
    for (base, link) in [
        (
            "https://intranet.example.org/reports/",
            "https://intranet.example.org/reports/index.html",
        ),
        ("http://10.1.2.3:8080", "http://10.1.2.3:8080/index.html"),
        // Written as the address it is, so the links are valid.
        (
            "https://OA.Example.org/工作 报告/",
            "https://oa.example.org/%E5%B7%A5%E4%BD%9C%20%E6%8A%A5%E5%91%8A/index.html",
        ),
    ] {
        let site = Site::new(&[
            ("site.yaml", &format!("base_url: {base}\n")),
            ("content/2015-12.md", &month("1. 进展")),
        ]);
        site.built();
        let feed = std::fs::read_to_string(site.output().join("feed.xml")).expect("feed.xml");
        let feed = scraper::Html::parse_document(&feed);
        let links: Vec<&str> = feed
            .select(&sel("link[rel=alternate]"))
            .filter_map(|link| link.value().attr("href"))
            .collect();
        assert_eq!(links.first(), Some(&link), "{base}");
        assert_eq!(site.run("check", &[]).code, Some(0), "{base}");
    }
}

/// How long a write waits for a client to read (src/serve/listen.rs).
const WRITE_TIMEOUT: Duration = Duration::from_secs(20);

/// A client that asks for a large file and never reads holds neither its
/// connection nor its slot for ever: after the write timeout the server
/// gives up on it, and reading then ends before the whole file.
#[test]
fn a_client_that_never_reads_is_cut_off_after_the_write_timeout() {
    let site = site();
    let size = 40 << 20;
    site.write("static/big.bin", vec![b'x'; size]);
    let server = Server::start(&site);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    stream
        .write_all(b"GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("send");
    std::thread::sleep(WRITE_TIMEOUT + Duration::from_secs(5));
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut received = 0usize;
    let mut buffer = vec![0u8; 1 << 16];
    let ended = loop {
        match stream.read(&mut buffer) {
            Ok(0) => break true,
            Ok(n) => received += n,
            Err(err) if matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                break false;
            }
            Err(_) => break true,
        }
    };
    assert!(ended, "the connection is still held after {received} bytes");
    assert!(
        received < size,
        "the whole file arrived: the server waited for ever"
    );
    assert_eq!(server.get("/").0, 200);
}
