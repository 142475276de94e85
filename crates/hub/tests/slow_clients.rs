//! Clients that hold the hub's connections without finishing a request: a header a line at a
//! time, a body a byte at a time, hundreds of idle connections. Each is cut off in time, and
//! the hub never holds more connections than its limit.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::{Hub, add_kiosk};

/// Writes `lines` one every `every`, until the hub closes the connection; how long that took.
fn drip(stream: &mut TcpStream, lines: impl Iterator<Item = Vec<u8>>, every: Duration) -> Duration {
    let start = Instant::now();
    stream.set_read_timeout(Some(every)).unwrap();
    let mut answer = Vec::new();
    for line in lines {
        if stream.write_all(&line).is_err() {
            break;
        }
        let mut buf = [0u8; 4096];
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(_) => break,
        }
        if !answer.is_empty() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the hub kept waiting"
        );
    }
    start.elapsed()
}

#[test]
fn a_header_sent_a_line_a_second_is_cut_off() {
    let dir = tempfile::tempdir().unwrap();
    let hub = Hub::start_with(&dir.path().join("hub.sqlite"), &["--header-timeout", "2"]);
    let mut stream = TcpStream::connect(hub.addr).unwrap();
    let lines = std::iter::once(b"GET /v1/feed HTTP/1.1\r\n".to_vec())
        .chain((0..).map(|n| format!("X-Slow-{n}: yes\r\n").into_bytes()));
    let held = drip(&mut stream, lines, Duration::from_millis(500));
    assert!(held < Duration::from_secs(4), "held {held:?}");
}

#[test]
fn a_body_sent_a_byte_at_a_time_is_answered_408() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    let token = add_kiosk(&db, "k");
    let hub = Hub::start_with(&db, &["--body-timeout", "2"]);
    let mut stream = TcpStream::connect(hub.addr).unwrap();
    let head = format!(
        "POST /v1/signups HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{{"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let start = Instant::now();
    let _ = drip(
        &mut stream,
        std::iter::repeat(b" ".to_vec()),
        Duration::from_millis(500),
    );
    let held = start.elapsed();
    assert!(held < Duration::from_secs(4), "held {held:?}");
    // What came back is the hub's own answer.
    let mut stream = TcpStream::connect(hub.addr).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains(r#""error":"timeout""#), "{answer}");
}

/// Open file descriptors of a process (each connection holds one).
fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .count()
}

#[test]
fn idle_connections_past_the_limit_wait_and_the_hub_still_serves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hub.sqlite");
    let token = add_kiosk(&db, "k");
    let hub = Hub::start_with(&db, &["--max-connections", "8", "--header-timeout", "2"]);
    let before = open_fds(hub.pid());
    let idle: Vec<TcpStream> = (0..40)
        .map(|_| TcpStream::connect(hub.addr).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let held = open_fds(hub.pid()) - before;
    assert!(held <= 8 + 2, "the hub holds {held} connections");
    // A kiosk's request still gets its answer: idle connections are closed after the
    // header time limit, and the queue moves on.
    let start = Instant::now();
    let mut stream = TcpStream::connect(hub.addr).unwrap();
    let ask = format!(
        "GET /v1/feed HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(ask.as_bytes()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    drop(idle);
}
