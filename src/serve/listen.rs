//! The preview's HTTP server: the router over hyper's HTTP/1.1, told what
//! `axum::serve` cannot be: a request's head must arrive within seconds,
//! and only so many connections are held at once. So a preview opened to
//! the office network (`--bind 0.0.0.0`) cannot be made to keep
//! connections, and their memory, without end.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::serve::Listener;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// How long a request's head may take to arrive, and a kept-alive
/// connection may sit idle before the next: ample for a browser, short for
/// a client that never finishes. An open page's event stream is past its
/// head, so it is not cut.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a write may wait for a client to read: a client that asks for
/// a page (or an event stream) and never reads would otherwise hold its
/// connection, and one of the slots below, for ever.
const WRITE_TIMEOUT: Duration = Duration::from_secs(20);

/// Connections held at once; later ones wait in the system's listen queue
/// until one closes. Far above what an office's browsers keep open (a few
/// each, closed when idle), well below the usual limit of 1024 open files.
const MAX_CONNECTIONS: usize = 256;

/// Serves `app` until `shutdown` completes, then lets requests under way end.
pub async fn serve(mut listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (slot, stream) = tokio::select! {
            () = &mut shutdown => break,
            accepted = accept(&mut listener, &slots) => accepted,
        };
        let service = TowerToHyperService::new(app.clone());
        let mut stream = tokio_io_timeout::TimeoutStream::new(stream);
        stream.set_write_timeout(Some(WRITE_TIMEOUT));
        let stream = TokioIo::new(Box::pin(stream));
        let connection = graceful.watch(http.serve_connection(stream, service));
        tokio::spawn(async move {
            // A failed connection is the client's doing (a timeout, a reset,
            // a malformed request): nothing to report.
            let _ = connection.await;
            drop(slot);
        });
    }
    graceful.shutdown().await;
}

/// The next connection, once a slot is free for it.
async fn accept(
    listener: &mut TcpListener,
    slots: &Arc<Semaphore>,
) -> (OwnedSemaphorePermit, TcpStream) {
    loop {
        // The semaphore is never closed; were it, waiting again is harmless.
        if let Ok(slot) = Arc::clone(slots).acquire_owned().await {
            // axum's accept retries failed accepts, pausing when out of files.
            let (stream, _) = Listener::accept(listener).await;
            return (slot, stream);
        }
    }
}
