//! A running `reportal serve` for tests, and a bare HTTP/1.1 client.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::Site;

/// A running `reportal serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    pub fn start(site: &Site) -> Server {
        Server::start_in(site, "en")
    }

    /// Serving with its messages (the browser's overlay too) in `lang`.
    pub fn start_in(site: &Site, lang: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_reportal"))
            .env("REPORTAL_LANG", lang)
            .args(["serve", "--port", "0", "--root"])
            .arg(site.root())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let port = loop {
            let line = lines
                .next()
                .expect("serve printed nothing")
                .expect("read line");
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                break rest
                    .trim_end_matches(|c: char| !c.is_ascii_digit())
                    .split('/')
                    .next()
                    .unwrap_or("")
                    .parse()
                    .expect("port");
            }
        };
        // Keep reading stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, port }
    }

    /// Opens the live-reload event stream, as an open page does.
    pub fn events(&self) -> TcpStream {
        let mut events = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        events
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        write!(
            events,
            "GET /__reportal/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .expect("send");
        events
    }

    /// Reads an event stream until what it sent satisfies `done`.
    pub fn read_events(events: &mut TcpStream, done: impl Fn(&str) -> bool) -> String {
        let mut seen = String::new();
        let mut buffer = [0u8; 4096];
        while !done(&seen) {
            let n = events.read(&mut buffer).expect("read events");
            assert!(n > 0, "event stream closed: {seen}");
            seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
        }
        seen
    }

    /// GET `path` (sent as is): the status and the body.
    pub fn get(&self, path: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .expect("timeout");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read");
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Waits (up to 10 s) until `check` holds for the page at `path`.
    pub fn wait_for(
        &self,
        path: &str,
        what: &str,
        check: impl Fn(u16, &str) -> bool,
    ) -> (u16, String) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let (status, body) = self.get(path);
            if check(status, &body) {
                return (status, body);
            }
            assert!(
                Instant::now() < deadline,
                "{path}: never {what}; last: {status} {body:.300}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Server {
    /// The server's process id, to look at what it holds in /proc.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Sends Ctrl-C (SIGINT) and waits up to 5 s for the server to exit.
    pub fn interrupt(mut self) -> Option<std::process::ExitStatus> {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-INT", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}
