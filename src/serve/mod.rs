//! `reportal serve`: builds the site into memory, serves it over HTTP, and
//! rebuilds on every save, telling open pages to reload. A broken save
//! keeps the last good build on screen, with the problem shown over it.

mod listen;
mod live;
mod memory;
mod watch;

use std::collections::HashMap;
use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, RwLock};
use std::time::Instant;

use crate::msg;

use axum::Router;
use axum::extract::Query;
use axum::handler::HandlerWithoutStateExt;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::diagnostics::Problems;
use crate::site::preview::{Bytes, Session};
use live::{Live, Message};
use memory::{MemoryBackend, Snapshot};

pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks any free port.
    pub port: u16,
    pub drafts: bool,
    pub open: bool,
    /// Poll for changes instead of waiting for the system's events.
    pub poll: bool,
}

pub fn run(options: ServeOptions) -> ExitCode {
    crate::load::follow_site_language(&options.root);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            let reason = err.to_string();
            eprintln!("{}", error(msg!("serve-cannot-start", reason = reason)));
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(options))
}

async fn serve(options: ServeOptions) -> ExitCode {
    let address = SocketAddr::new(options.bind, options.port);
    let listener = match tokio::net::TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => {
            let address = options.bind.to_string();
            let text = msg!("serve-port-in-use", port = options.port, address = address);
            eprintln!("{}", error(text));
            return ExitCode::FAILURE;
        }
        Err(err) => {
            let (address, reason) = (address.to_string(), err.to_string());
            let text = msg!("serve-cannot-listen", address = address, reason = reason);
            eprintln!("{}", error(text));
            return ExitCode::FAILURE;
        }
    };
    let address = listener.local_addr().unwrap_or(address);
    if !options.bind.is_loopback() {
        let text = msg!("serve-reachable", address = options.bind.to_string());
        eprintln!("{}", msg!("label-warning", text = text));
    }

    let live = Live::new();
    let backend = MemoryBackend {
        current: Arc::new(RwLock::new(Arc::new(Snapshot::new(HashMap::new())))),
    };
    let mut builder = Builder {
        root: options.root.clone(),
        session: Session::new(&options.root, options.drafts),
        drafts: options.drafts,
        live: live.clone(),
        backend: backend.clone(),
        generation: 0,
        served: HashMap::new(),
        broken: false,
    };
    // Watch first: a save made during the first build is not lost.
    let (sender, receiver) = std::sync::mpsc::channel();
    let mut watcher = match watch::start(&options.root, options.poll, sender) {
        Ok(handle) => handle,
        Err(err) => {
            let folder = options.root.display().to_string();
            let text = msg!(
                "serve-cannot-watch",
                folder = folder,
                reason = err.to_string()
            );
            eprintln!("{}", error(text));
            return ExitCode::FAILURE;
        }
    };
    builder.rebuild_guarded(&msg!("serve-start"), &[]);

    std::thread::spawn(move || {
        while let Ok(mut paths) = receiver.recv() {
            watcher.watch_new_folders();
            // A save can arrive as several batches: take them all at once.
            while let Ok(more) = receiver.try_recv() {
                paths.extend(more);
            }
            paths.sort();
            paths.dedup();
            let what = describe(&builder.root, &paths);
            builder.rebuild_guarded(&what, &paths);
        }
    });

    let url = format!("http://{address}/");
    // The folder as the writer knows it: `.` says nothing.
    let folder = std::path::absolute(&options.root).unwrap_or_else(|_| options.root.clone());
    let folder = folder.display().to_string();
    println!("{}", msg!("serve-serving", folder = folder, url = &url));
    if options.open {
        open_browser(&url);
    }
    let not_found = {
        let backend = backend.clone();
        move || async move { not_found_page(&backend) }
    };
    let events = live.clone();
    let versions = live.clone();
    let app = Router::new()
        .route(
            live::EVENTS_PATH,
            get(move || async move { events.events() }),
        )
        .route(live::SCRIPT_PATH, get(live::script))
        .route(live::WORKER_PATH, get(live::worker))
        .route(
            live::VERSION_PATH,
            get(move |query: Query<VersionQuery>| async move { versions.version_of(&query.path) }),
        )
        .fallback_service(
            ServeDir::with_backend(memory::BASE, backend)
                .not_found_service(not_found.into_service()),
        )
        // Every response is checked again on use: a picture or stylesheet
        // replaced while previewing must not come from the browser's cache.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ));
    let shutdown = async move {
        let _ = tokio::signal::ctrl_c().await;
        // End the pages' event streams, then give requests under way a
        // moment; a connection that still lingers does not hold the exit.
        live.announce(Message::Shutdown);
        tokio::spawn(async {
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            println!("{}", msg!("serve-stopped"));
            std::process::exit(0);
        });
    };
    listen::serve(listener, app, shutdown).await;
    println!("{}", msg!("serve-stopped"));
    ExitCode::SUCCESS
}

#[derive(serde::Deserialize)]
struct VersionQuery {
    #[serde(default)]
    path: String,
}

/// The site's own 404 page (ServeDir sets the 404 status).
fn not_found_page(backend: &MemoryBackend) -> Response {
    let snapshot = match backend.current.read() {
        Ok(guard) => Arc::clone(&guard),
        Err(poisoned) => Arc::clone(&poisoned.into_inner()),
    };
    match snapshot.get("404.html") {
        Some(bytes) => Html(bytes.to_vec()).into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// Rebuilds the site and swaps it in, or keeps the last good one and
/// shows the problem.
struct Builder {
    root: PathBuf,
    session: Session,
    drafts: bool,
    live: Live,
    backend: MemoryBackend,
    generation: u64,
    /// What is served: the site's files, pages carrying the live script.
    served: HashMap<String, Bytes>,
    broken: bool,
}

impl Builder {
    /// `rebuild`, surviving a bug in it: the preview goes on, and the next
    /// save starts from scratch.
    fn rebuild_guarded(&mut self, what: &str, paths: &[PathBuf]) {
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.rebuild(what, paths);
        }));
        if run.is_err() {
            let message = msg!("serve-internal-error", what = what);
            eprintln!("{message}");
            self.session = Session::new(&self.root, self.drafts);
            self.broken = true;
            self.live.announce(Message::Problem(message));
        }
    }

    fn rebuild(&mut self, what: &str, paths: &[PathBuf]) {
        let started = Instant::now();
        let mut problems = Problems::default();
        let outcome = self.session.rebuild(paths, &mut problems);
        problems.sort();
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        eprint!("{}", problems.render(color));
        let Some(outcome) = outcome else {
            let failed = if self.generation == 0 {
                "serve-failed-first"
            } else {
                "serve-failed"
            };
            eprintln!("{}", msg!(failed, what = what));
            self.broken = true;
            if self.generation == 0 {
                // Nothing good yet: a page to carry the overlay.
                self.served = placeholder();
                let paths: Vec<String> = self.served.keys().cloned().collect();
                self.live.set_versions(0, &paths, &[]);
                self.swap();
            }
            self.live.announce(Message::Problem(problems.render(false)));
            return;
        };
        for path in &outcome.removed {
            self.served.remove(path);
        }
        // The generation this build will be, if it changed anything.
        let next = self.generation + 1;
        let files = self.session.files();
        let tag = live::script_tag(next);
        for path in &outcome.changed {
            if let Some(bytes) = files.get(path) {
                let bytes = if path.ends_with(".html") {
                    Arc::new(live::inject(bytes.to_vec(), &tag))
                } else {
                    Arc::clone(bytes)
                };
                self.served.insert(path.clone(), bytes);
            }
        }
        if self.generation == 0 {
            // The placeholder, if the first builds failed.
            self.served.retain(|path, _| files.contains_key(path));
        }
        // The 404 page inlines the stylesheet: it changes with it.
        let css_only = outcome.removed.is_empty()
            && outcome.changed.iter().any(|p| p.ends_with(".css"))
            && outcome
                .changed
                .iter()
                .all(|p| p.ends_with(".css") || p == "404.html");
        let changed = outcome.changed.len() + outcome.removed.len();
        let was_broken = std::mem::replace(&mut self.broken, false);
        if changed > 0 || self.generation == 0 {
            self.generation = next;
            self.live
                .set_versions(next, &outcome.changed, &outcome.removed);
            self.swap();
            self.live.announce(if css_only {
                Message::Css(self.generation)
            } else {
                Message::Reload(self.generation)
            });
        } else if was_broken {
            self.live.announce(Message::Fixed);
        }
        let rebuilt = if css_only {
            "serve-rebuilt-css"
        } else {
            "serve-rebuilt"
        };
        let line = msg!(
            rebuilt,
            what = what,
            pages = outcome.rendered,
            changed = changed,
            ms = started.elapsed().as_millis()
        );
        println!("{line}");
    }

    fn swap(&self) {
        let snapshot = Arc::new(Snapshot::new(self.served.clone()));
        match self.backend.current.write() {
            Ok(mut current) => *current = snapshot,
            Err(poisoned) => *poisoned.into_inner() = snapshot,
        }
    }
}

/// Shown when the site has never built: the overlay says why.
fn placeholder() -> HashMap<String, Bytes> {
    let page = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>reportal</title></head>\
         <body><main><h1>reportal</h1><p>{}</p></main></body></html>",
        crate::messages::language().tag(),
        html_escape::encode_text(&msg!("serve-placeholder"))
    );
    let page: Bytes = Arc::new(live::inject(page.into_bytes(), &live::script_tag(0)));
    HashMap::from([
        ("index.html".to_string(), Arc::clone(&page)),
        ("404.html".to_string(), page),
    ])
}

/// `content/gd/2015-12.md`, or `3 files`, for the rebuild line.
fn describe(root: &Path, paths: &[PathBuf]) -> String {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    match paths {
        [one] => crate::load::relative(&root, one),
        many => msg!("count-files", count = many.len()),
    }
}

/// `error: …` in the run's language.
fn error(text: String) -> String {
    msg!("label-error", text = text)
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(command)
        .arg(url)
        .spawn()
        .is_err()
    {
        let text = msg!("serve-no-browser", url = url);
        eprintln!("{}", msg!("label-note", text = text));
    }
}
