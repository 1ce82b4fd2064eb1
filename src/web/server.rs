//! The accept loop: hyper's HTTP/1 server with a header-read (and keep-alive idle) timeout,
//! a cap on open connections, each request told its peer address (`ConnectInfo`), and a
//! shutdown that waits for open requests only as long as the grace period allows.

use crate::web::state::AppState;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

/// Serve `state`'s site on `listener` until `shutdown` resolves; then stop accepting, end
/// the event streams, give open connections `shutdown_grace` to finish, and drop the rest.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let limits = state.limits.clone();
    let router = crate::web::app(state.clone());
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    // Refusals are written by tasks of their own, but never more than this many at once.
    let refusals = Arc::new(Semaphore::new(64));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout)
        .max_buf_size(64 * 1024);
    tokio::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            biased;
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors or a connection reset before accept: wait a
                    // moment rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            if let Ok(slot) = refusals.clone().try_acquire_owned() {
                let max = limits.max_connections;
                tokio::spawn(async move {
                    refuse(stream, max).await;
                    drop(slot);
                });
            }
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<_>| {
            req.extensions_mut().insert(ConnectInfo(remote));
            router.clone().oneshot(req.map(axum::body::Body::new))
        });
        let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(permit);
        });
    }
    drop(listener);
    state.close();
    let open = graceful.count();
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!(
            open,
            grace_s = limits.shutdown_grace.as_secs_f64(),
            "connections still open after the shutdown grace period; dropping them"
        );
    }
    Ok(())
}

/// Answer a connection over the cap with a plain 503 that says why, then close it.
async fn refuse(mut stream: tokio::net::TcpStream, max: usize) {
    let body = format!(
        "This server has {max} open connections, its limit (--max-connections). Try again in a moment.\n"
    );
    let response = format!(
        "HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\nretry-after: 2\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        let _ = stream.write_all(response.as_bytes()).await;
        let _ = stream.shutdown().await;
    })
    .await;
}
