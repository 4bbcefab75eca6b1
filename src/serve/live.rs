//! Live reload over server-sent events, on the same port as the pages:
//! `/__reportal/live` tells open pages to reload, to swap the stylesheet,
//! or to show (and hide) a problem overlay. The script exists only in
//! serve mode: it is injected into pages in memory, never into `build`.

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::broadcast;
use tokio_stream::{Stream, StreamExt, wrappers::BroadcastStream};

pub const EVENTS_PATH: &str = "/__reportal/live";
pub const SCRIPT_PATH: &str = "/__reportal/live.js";
pub const WORKER_PATH: &str = "/__reportal/live-worker.js";
pub const VERSION_PATH: &str = "/__reportal/version";
const SCRIPT: &str = include_str!("live.js");
const WORKER: &str = include_str!("live-worker.js");

/// What open pages are told after a build.
#[derive(Clone, Debug)]
pub enum Message {
    /// Reload: the pages changed (the build's generation).
    Reload(u64),
    /// Only stylesheets changed.
    Css(u64),
    /// The last save broke the build: the problems, as the terminal shows them.
    Problem(String),
    /// A good build after a broken one.
    Fixed,
    /// The server is stopping: event streams end, so open pages do not
    /// hold it.
    Shutdown,
}

/// What a page that connects now needs to know.
#[derive(Default)]
pub struct Current {
    pub generation: u64,
    pub problem: Option<String>,
    /// Each served page's version: the generation that last changed it.
    pub versions: HashMap<String, u64>,
}

#[derive(Clone)]
pub struct Live {
    pub sender: broadcast::Sender<Message>,
    pub current: Arc<Mutex<Current>>,
    /// This server process, so open pages notice a restart even when the
    /// new server counts the same number of builds.
    instance: Arc<str>,
}

impl Live {
    pub fn new() -> Live {
        let (sender, _) = broadcast::channel(64);
        let started = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Live {
            sender,
            current: Arc::new(Mutex::new(Current::default())),
            instance: format!("{}-{started}", std::process::id()).into(),
        }
    }

    /// Records the version of pages changed (or gone) in `generation`.
    pub fn set_versions(&self, generation: u64, changed: &[String], removed: &[String]) {
        if let Ok(mut current) = self.current.lock() {
            for path in changed {
                current.versions.insert(path.clone(), generation);
            }
            for path in removed {
                current.versions.remove(path);
            }
        }
    }

    /// The version of the page served at `path` (a URL path), as a page
    /// carries it in its script tag.
    pub fn version_of(&self, path: &str) -> String {
        let mut file = path.trim_start_matches('/').to_string();
        if file.is_empty() || file.ends_with('/') {
            file.push_str("index.html");
        }
        let Ok(current) = self.current.lock() else {
            return String::new();
        };
        current
            .versions
            .get(&file)
            .or_else(|| current.versions.get("404.html"))
            .map_or_else(String::new, u64::to_string)
    }

    /// Records and announces a message (nobody listening is fine).
    pub fn announce(&self, message: Message) {
        if let Ok(mut current) = self.current.lock() {
            match &message {
                Message::Reload(g) | Message::Css(g) => {
                    current.generation = *g;
                    current.problem = None;
                }
                Message::Problem(text) => current.problem = Some(text.clone()),
                Message::Fixed => current.problem = None,
                Message::Shutdown => {}
            }
        }
        let _ = self.sender.send(message);
    }

    /// The event stream for one page.
    pub fn events(&self) -> Sse<impl Stream<Item = Result<Event, Infallible>> + use<>> {
        let (generation, problem) = match self.current.lock() {
            Ok(current) => (current.generation, current.problem.clone()),
            Err(_) => (0, None),
        };
        let hello = format!("{} {generation}", self.instance);
        let mut first = vec![Event::default().event("hello").data(hello)];
        if let Some(problem) = problem {
            first.push(Event::default().event("problem").data(problem));
        }
        let updates = BroadcastStream::new(self.sender.subscribe())
            .take_while(|message| !matches!(message, Ok(Message::Shutdown)))
            .filter_map(|message| {
                Some(match message.ok()? {
                    Message::Reload(g) => Event::default().event("reload").data(g.to_string()),
                    Message::Css(g) => Event::default().event("css").data(g.to_string()),
                    Message::Problem(text) => Event::default().event("problem").data(text),
                    Message::Fixed => Event::default().event("fixed").data(""),
                    Message::Shutdown => return None,
                })
            });
        let stream = tokio_stream::iter(first).chain(updates).map(Ok);
        Sse::new(stream).keep_alive(KeepAlive::default())
    }
}

pub async fn script() -> Response {
    javascript(SCRIPT)
}

pub async fn worker() -> Response {
    javascript(WORKER)
}

fn javascript(text: &'static str) -> Response {
    (
        [
            ("content-type", "text/javascript; charset=utf-8"),
            ("cache-control", "no-store"),
        ],
        text,
    )
        .into_response()
}

/// The live reload script's tag for the pages of one build: their
/// version, and the overlay's title in the language of reportal's
/// messages. Made once per build, not per page.
pub fn script_tag(version: u64) -> String {
    let title = crate::msg!("serve-overlay-title");
    let title = html_escape::encode_double_quoted_attribute(&title);
    format!(
        "<script src=\"{SCRIPT_PATH}\" data-version=\"{version}\" data-problem-title=\"{title}\"></script>"
    )
}

/// Adds `tag` (see [`script_tag`]) before `</body>` (or at the end).
pub fn inject(mut html: Vec<u8>, tag: &str) -> Vec<u8> {
    let at = find_last(&html, b"</body>").unwrap_or(html.len());
    html.splice(at..at, tag.bytes());
    html
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
