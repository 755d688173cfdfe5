//! The accept loop: every connection is served by hyper with a header-read timeout, so a
//! client that sends its request head slowly (slow loris) or holds a keep-alive connection
//! idle is closed instead of holding a socket and a task for ever. `axum::serve` sets no
//! timer, hence no header timeout; this loop is the small part of it the service needs.

use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

use super::guard;

/// How long connections that are still answering get after a shutdown signal.
const DRAIN: Duration = Duration::from_secs(10);

/// Serve `router` on `listener` until `shutdown` completes, then let connections in
/// progress finish (for at most [`DRAIN`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_timeout: Duration,
    shutdown: impl Future<Output = ()>,
) {
    let mut connections = http1::Builder::new();
    connections
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(err) => {
                    // Out of file descriptors, or a connection reset before it was accepted:
                    // pause rather than spin, and go on accepting.
                    guard::log_event(serde_json::json!({
                        "event": "accept_error",
                        "error": err.to_string(),
                    }));
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(router.clone());
        let connection = connections.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        // A connection's error (a timeout, a reset) concerns that client alone.
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(DRAIN, graceful.shutdown()).await;
}
