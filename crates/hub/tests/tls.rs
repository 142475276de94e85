//! HTTPS from the hub itself (`serve --tls-cert --tls-key`): a client that trusts the hub's
//! certificate reads the feed over TLS; plain HTTP to that port gets nothing; a certificate
//! or key that will not do stops the hub with one sentence naming the file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{HUB, Hub, add_kiosk, import, small_catalogue};
use learning_wire::{FEED_PATH, FeedPage, PROTOCOL_HEADER};
use reqwest::StatusCode;
use reqwest::header::AUTHORIZATION;

/// A self-signed certificate for 127.0.0.1 and localhost, and its key, as PEM files in
/// `dir`; the certificate's PEM.
fn self_signed(dir: &Path) -> (PathBuf, PathBuf, String) {
    let made =
        rcgen::generate_simple_self_signed(vec!["127.0.0.1".into(), "localhost".into()]).unwrap();
    let (cert, key) = (dir.join("cert.pem"), dir.join("key.pem"));
    std::fs::write(&cert, made.cert.pem()).unwrap();
    std::fs::write(&key, made.signing_key.serialize_pem()).unwrap();
    (cert, key, made.cert.pem())
}

/// A hub with the small catalogue and a kiosk, serving HTTPS; its token.
fn tls_hub(dir: &Path) -> (Hub, String, String) {
    let (cert, key, pem) = self_signed(dir);
    let catalogue = dir.join("catalogue.json");
    std::fs::write(&catalogue, small_catalogue("Four seats")).unwrap();
    let db = dir.join("hub.sqlite");
    import(&db, &catalogue);
    let token = add_kiosk(&db, "k1");
    let hub = Hub::start_with(
        &db,
        &[
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    (hub, token, pem)
}

/// A client that trusts only the hub's own certificate.
fn trusting(pem: &str) -> reqwest::Client {
    reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_pem(pem.as_bytes()).unwrap()])
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_client_that_trusts_the_certificate_reads_the_feed_over_https() {
    let dir = tempfile::tempdir().unwrap();
    let (hub, token, pem) = tls_hub(dir.path());
    let url = format!("https://{}{FEED_PATH}?after=0&limit=10", hub.addr);
    let response = trusting(&pem)
        .get(&url)
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[PROTOCOL_HEADER], "2");
    let page: FeedPage = response.json().await.unwrap();
    assert!(!page.items.is_empty(), "the catalogue comes over TLS");
    // The token is checked over TLS as over HTTP.
    let response = trusting(&pem).get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    // A client that does not trust the certificate is refused by its own TLS.
    let other = rcgen::generate_simple_self_signed(vec!["127.0.0.1".into()]).unwrap();
    let stranger = trusting(&other.cert.pem()).get(&url).send().await;
    assert!(stranger.is_err(), "a certificate it does not trust");
}

#[tokio::test]
async fn plain_http_to_the_tls_port_gets_no_answer_and_the_hub_serves_on() {
    let dir = tempfile::tempdir().unwrap();
    let (hub, token, pem) = tls_hub(dir.path());
    let plain = reqwest::Client::new()
        .get(format!("http://{}{FEED_PATH}", hub.addr))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await;
    assert!(
        plain.is_err(),
        "plain HTTP to the TLS port must fail, got {:?}",
        plain.map(|r| r.status())
    );
    let response = trusting(&pem)
        .get(format!("https://{}{FEED_PATH}", hub.addr))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

/// `serve` with these options, on a fresh file; its exit status and what it said.
fn serve_fails(dir: &Path, options: &[&str]) -> (i32, String) {
    let out = Command::new(HUB)
        .args(["serve", "--listen", "127.0.0.1:0", "--db"])
        .arg(dir.join("hub.sqlite"))
        .args(options)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), said)
}

#[test]
fn a_certificate_or_key_that_will_not_do_stops_the_hub_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key, _) = self_signed(dir.path());
    let (cert, key) = (cert.to_str().unwrap(), key.to_str().unwrap());
    let missing = dir.path().join("nowhere.pem");
    let missing = missing.to_str().unwrap();
    let junk = dir.path().join("junk.pem");
    std::fs::write(&junk, "not a certificate\n").unwrap();
    let junk = junk.to_str().unwrap();
    let (_, other_key, _) = self_signed(&{
        let d = dir.path().join("other");
        std::fs::create_dir(&d).unwrap();
        d
    });
    let other_key = other_key.to_str().unwrap();
    for (options, file, problem) in [
        (
            ["--tls-cert", missing, "--tls-key", key],
            missing,
            "No such file",
        ),
        (
            ["--tls-cert", cert, "--tls-key", missing],
            missing,
            "No such file",
        ),
        (
            ["--tls-cert", junk, "--tls-key", key],
            junk,
            "no PEM certificate",
        ),
        (
            ["--tls-cert", cert, "--tls-key", junk],
            junk,
            "no PEM private key",
        ),
        (
            ["--tls-cert", key, "--tls-key", key],
            key,
            "no PEM certificate",
        ),
        (
            ["--tls-cert", cert, "--tls-key", other_key],
            other_key,
            "does not fit",
        ),
    ] {
        let (code, said) = serve_fails(dir.path(), &options);
        assert_ne!(code, 0, "{options:?}");
        let english = said
            .lines()
            .find(|l| l.starts_with("The hub cannot serve HTTPS: "))
            .unwrap_or_else(|| panic!("{options:?}: {said}"));
        assert!(
            english.contains(file) && english.contains(problem),
            "{options:?}: {english}"
        );
        assert!(
            !dir.path().join("hub.sqlite").exists(),
            "nothing is opened before the certificate is read"
        );
    }
    // One without the other is a usage error.
    for options in [["--tls-cert", cert], ["--tls-key", key]] {
        let (code, said) = serve_fails(dir.path(), &options);
        assert_eq!(code, 2, "{options:?}: {said}");
    }
}

#[test]
fn a_client_that_opens_a_tls_connection_and_says_nothing_is_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key, _) = self_signed(dir.path());
    let db = dir.path().join("hub.sqlite");
    let hub = Hub::start_with(
        &db,
        &[
            "--header-timeout",
            "1",
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    let mut silent = std::net::TcpStream::connect(hub.addr).unwrap();
    silent
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let start = std::time::Instant::now();
    // The hub closes it (end of file or a reset), well before the client's own 10 s.
    let read = std::io::Read::read(&mut silent, &mut [0; 16]);
    assert!(
        matches!(read, Ok(0))
            || read
                .as_ref()
                .is_err_and(|e| e.kind() != std::io::ErrorKind::WouldBlock
                    && e.kind() != std::io::ErrorKind::TimedOut),
        "{read:?}"
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(5));
}
