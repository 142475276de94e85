//! The accept loop: at most so many connections at once, a time limit on each request's
//! header (and on a TLS handshake), and a graceful stop. axum's own `serve` has neither limit, so a client that sends
//! one header line a second held a connection (and its memory) for as long as it liked.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_rustls::TlsAcceptor;

/// The limits a connection is held to.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// A request's whole header must arrive within this (an idle kept-alive connection is
    /// closed after it too).
    pub header: Duration,
    /// Connections served at once; more wait in the listen queue.
    pub connections: usize,
}

/// How long open requests may finish after the stop signal.
const DRAIN: Duration = Duration::from_secs(10);

/// Serves `router` on `listener` until `stop` completes; over TLS when given an acceptor.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    tls: Option<TlsAcceptor>,
    stop: impl std::future::Future<Output = ()>,
) {
    let permits = Arc::new(Semaphore::new(limits.connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header);
    tokio::pin!(stop);
    loop {
        // A permit before the accept: when every one is taken, the next client waits in
        // the kernel's queue instead of costing the hub a task and buffers.
        let permit = tokio::select! {
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
            () = &mut stop => break,
        };
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment, keep serving.
                    tracing::warn!(error = %e, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let service = TowerToHyperService::new(router.clone());
        let (builder, watcher, tls) = (builder.clone(), graceful.watcher(), tls.clone());
        tokio::spawn(async move {
            match tls {
                None => one_connection(stream, &builder, service, watcher).await,
                // The handshake runs in the connection's own task, under the header's time
                // limit: a client that opens a connection and says nothing holds a permit
                // no longer over TLS than without it.
                Some(tls) => {
                    if let Ok(Ok(stream)) =
                        tokio::time::timeout(limits.header, tls.accept(stream)).await
                    {
                        one_connection(stream, &builder, service, watcher).await;
                    }
                }
            }
            drop(permit);
        });
    }
    drop(listener);
    if tokio::time::timeout(DRAIN, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("open requests did not finish in time; the hub stops anyway");
    }
}

/// Serves one connection, plain or TLS, to its end (or the graceful stop).
async fn one_connection<S>(
    stream: S,
    builder: &http1::Builder,
    service: TowerToHyperService<Router>,
    watcher: hyper_util::server::graceful::Watcher,
) where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let connection = builder.serve_connection(TokioIo::new(stream), service);
    let _ = watcher.watch(connection).await;
}
