//! A TCP proxy between a kiosk and its hub, for tests: it counts the bytes each way and can
//! make the link slow (latency, bandwidth), flaky (a reset mid-request, the answer lost after
//! the hub acted on the request, a truncated answer, canned answers: 503/429, a proxy's own
//! HTML error, a decompression bomb, a feed page whose cursor does not move) or absent.
//!
//! It runs on its own thread with its own runtime, so tests that drive real processes can
//! use it without async code.

use std::collections::VecDeque;
use std::io;
use std::net::{SocketAddr, TcpListener as StdListener};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;

/// How the link misbehaves. Changes apply to connections opened afterwards.
#[derive(Clone, Debug, Default)]
pub struct Faults {
    /// Added to every chunk, each way.
    pub latency: Duration,
    /// Bytes per second, each way (`None`: as fast as loopback).
    pub bytes_per_sec: Option<u64>,
    /// Reset the connection once this many bytes have gone towards the hub (mid-request).
    pub reset_after_request_bytes: Option<u64>,
    /// Let the request reach the hub but never pass its answer back, then close.
    pub lose_answers: bool,
    /// Pass only this many bytes of each answer back, then close.
    pub truncate_answer_after: Option<u64>,
    /// Bytes per second for answers only (a slow drip).
    pub answer_bytes_per_sec: Option<u64>,
    /// Answer the next connections with these raw HTTP responses, without the hub.
    pub canned: VecDeque<Vec<u8>>,
    /// Refuse connections, as if the hub were down.
    pub refuse: bool,
}

/// Bytes through the proxy.
#[derive(Debug, Default)]
struct Counters {
    to_hub: AtomicU64,
    to_kiosk: AtomicU64,
    connections: AtomicU64,
}

/// A running proxy.
pub struct Proxy {
    addr: SocketAddr,
    faults: Arc<Mutex<Faults>>,
    counters: Arc<Counters>,
    upstream: Arc<Mutex<SocketAddr>>,
}

impl Proxy {
    /// Starts a proxy on a free loopback port, forwarding to `upstream`.
    pub fn start(upstream: SocketAddr) -> io::Result<Proxy> {
        let listener = StdListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let faults = Arc::new(Mutex::new(Faults::default()));
        let counters = Arc::new(Counters::default());
        let upstream = Arc::new(Mutex::new(upstream));
        let (f, c, u) = (faults.clone(), counters.clone(), upstream.clone());
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        std::thread::spawn(move || {
            runtime.block_on(async move {
                let Ok(listener) = TcpListener::from_std(listener) else {
                    return;
                };
                while let Ok((client, _)) = listener.accept().await {
                    let faults = lock(&f).clone();
                    // Canned answers are used up one a connection.
                    if !faults.canned.is_empty() {
                        lock(&f).canned.pop_front();
                    }
                    c.connections.fetch_add(1, Ordering::SeqCst);
                    let target = *lock(&u);
                    tokio::spawn(serve(client, target, faults, c.clone()));
                }
            });
        });
        Ok(Proxy {
            addr,
            faults,
            counters,
            upstream,
        })
    }

    /// Where the kiosk should connect.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The proxy's address as a hub URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Changes the faults for new connections.
    pub fn set(&self, change: impl FnOnce(&mut Faults)) {
        change(&mut lock(&self.faults));
    }

    /// Back to a clean link.
    pub fn heal(&self) {
        *lock(&self.faults) = Faults::default();
    }

    /// Points the proxy at another upstream (a hub restarted on a new port).
    pub fn retarget(&self, upstream: SocketAddr) {
        *lock(&self.upstream) = upstream;
    }

    /// Bytes sent towards the hub and towards the kiosk since the last reset.
    pub fn bytes(&self) -> (u64, u64) {
        (
            self.counters.to_hub.load(Ordering::SeqCst),
            self.counters.to_kiosk.load(Ordering::SeqCst),
        )
    }

    /// Connections accepted since the last reset.
    pub fn connections(&self) -> u64 {
        self.counters.connections.load(Ordering::SeqCst)
    }

    /// Zeroes the counters.
    pub fn reset_counts(&self) {
        self.counters.to_hub.store(0, Ordering::SeqCst);
        self.counters.to_kiosk.store(0, Ordering::SeqCst);
        self.counters.connections.store(0, Ordering::SeqCst);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn serve(
    mut client: TcpStream,
    upstream: SocketAddr,
    faults: Faults,
    counters: Arc<Counters>,
) {
    if faults.refuse {
        let _ = client.set_zero_linger();
        return;
    }
    if let Some(answer) = faults.canned.front() {
        // Read the request (it is small) and answer without the hub.
        let mut buf = [0u8; 8192];
        if let Ok(n) = client.read(&mut buf).await {
            counters.to_hub.fetch_add(n as u64, Ordering::SeqCst);
        }
        let _ = client.write_all(answer).await;
        counters
            .to_kiosk
            .fetch_add(answer.len() as u64, Ordering::SeqCst);
        let _ = client.shutdown().await;
        return;
    }
    let Ok(server) = TcpStream::connect(upstream).await else {
        let _ = client.set_zero_linger();
        return;
    };
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (client_read, client_write) = client.into_split();
    let (server_read, server_write) = server.into_split();
    let up = pump(
        client_read,
        server_write,
        Direction::ToHub,
        faults.clone(),
        counters.clone(),
    );
    let down = pump(
        server_read,
        client_write,
        Direction::ToKiosk,
        faults,
        counters,
    );
    // When either side is done (or a fault cuts the link), the connection ends.
    tokio::select! {
        _ = up => {}
        _ = down => {}
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    ToHub,
    ToKiosk,
}

async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    dir: Direction,
    faults: Faults,
    counters: Arc<Counters>,
) {
    let mut buf = vec![0u8; 16 * 1024];
    let mut passed: u64 = 0;
    let rate = match dir {
        Direction::ToHub => faults.bytes_per_sec,
        Direction::ToKiosk => faults.answer_bytes_per_sec.or(faults.bytes_per_sec),
    };
    // When the link is free to send again (bandwidth).
    let mut free_at = Instant::now();
    loop {
        let n = match from.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let arrived = Instant::now();
        let mut chunk = &buf[..n];
        match dir {
            Direction::ToHub => {
                if let Some(limit) = faults.reset_after_request_bytes
                    && passed + chunk.len() as u64 >= limit
                {
                    // Pass what fits, then cut the link hard, mid-request.
                    let keep = limit.saturating_sub(passed) as usize;
                    let _ = to.write_all(&chunk[..keep]).await;
                    counters.to_hub.fetch_add(keep as u64, Ordering::SeqCst);
                    return;
                }
            }
            Direction::ToKiosk => {
                if faults.lose_answers {
                    // The hub has acted on the request; its answer goes nowhere.
                    return;
                }
                if let Some(limit) = faults.truncate_answer_after
                    && passed + chunk.len() as u64 >= limit
                {
                    chunk = &chunk[..limit.saturating_sub(passed) as usize];
                    let _ = to.write_all(chunk).await;
                    counters
                        .to_kiosk
                        .fetch_add(chunk.len() as u64, Ordering::SeqCst);
                    return;
                }
            }
        }
        // Latency: each chunk leaves `latency` after it arrived; bandwidth: no sooner than the
        // link is free, then it holds the link for its size.
        let mut send_at = arrived + faults.latency;
        if let Some(rate) = rate.filter(|r| *r > 0) {
            send_at = send_at.max(free_at);
            // Send in small slices so a slow link drips rather than pauses.
            for slice in chunk.chunks(512) {
                tokio::time::sleep_until(send_at).await;
                if to.write_all(slice).await.is_err() {
                    return;
                }
                count(&counters, dir, slice.len());
                send_at += Duration::from_secs_f64(slice.len() as f64 / rate as f64);
            }
            free_at = send_at;
        } else {
            tokio::time::sleep_until(send_at).await;
            if to.write_all(chunk).await.is_err() {
                return;
            }
            count(&counters, dir, chunk.len());
        }
        passed += n as u64;
    }
    let _ = to.shutdown().await;
}

fn count(counters: &Counters, dir: Direction, n: usize) {
    let counter = match dir {
        Direction::ToHub => &counters.to_hub,
        Direction::ToKiosk => &counters.to_kiosk,
    };
    counter.fetch_add(n as u64, Ordering::SeqCst);
}

/// A raw HTTP answer: `503 Service Unavailable` with `Retry-After`.
pub fn unavailable(retry_after_secs: u64) -> Vec<u8> {
    canned_answer("503 Service Unavailable", retry_after_secs)
}

/// A raw HTTP answer: `429 Too Many Requests` with `Retry-After`.
pub fn too_many(retry_after_secs: u64) -> Vec<u8> {
    canned_answer("429 Too Many Requests", retry_after_secs)
}

fn canned_answer(status: &str, retry_after_secs: u64) -> Vec<u8> {
    let body = r#"{"error":"busy"}"#;
    format!(
        "HTTP/1.1 {status}\r\nretry-after: {retry_after_secs}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A raw HTTP answer from something on the way that is not the hub (a proxy, a captive
/// portal): an HTML page with this status, e.g. `400 Bad Request`.
pub fn html_page(status: &str) -> Vec<u8> {
    let body = "<html><body><h1>Request rejected</h1></body></html>";
    format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/html\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// A raw HTTP `200` whose zstd body is small on the wire and expands to `expanded` bytes of
/// spaces (valid JSON whitespace, so only a size limit stops a reader).
pub fn zstd_bomb(expanded: u64) -> io::Result<Vec<u8>> {
    let mut encoder = zstd::stream::Encoder::new(Vec::new(), 19)?;
    let block = vec![b' '; 1 << 20];
    let mut left = expanded;
    while left > 0 {
        let n = left.min(block.len() as u64) as usize;
        io::Write::write_all(&mut encoder, &block[..n])?;
        left -= n as u64;
    }
    let body = encoder.finish()?;
    let mut answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: zstd\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    answer.extend_from_slice(&body);
    Ok(answer)
}

/// A raw HTTP `200` feed page (JSON) with these items whose `next` is `next`: given the
/// cursor the kiosk asked with, a page that does not move it on.
pub fn feed_page(items_json: &str, next: u64) -> Vec<u8> {
    let body = format!(r#"{{"items":{items_json},"next":{next}}}"#);
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}
