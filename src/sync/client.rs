//! The hub's endpoints (the feed, the batches, the card look-up), spoken over HTTP(S) with reqwest: zstd both ways, decompressed by
//! hand so every byte on the link is counted, and timeouts that suit slow links (a body still
//! arriving is not a dead link).

use std::time::Duration;

use learning_wire::{
    BatchAnswer, CARD_PATH, CLOCK_HEADER, CardAnswer, CardQuery, ErrorBody, FEED_PATH, FeedItem,
    FeedPage, PROTOCOL_HEADER, SIGNUPS_PATH, SignupBatch,
};
use reqwest::StatusCode;
use reqwest::header::{
    ACCEPT_ENCODING, AUTHORIZATION, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH,
    RETRY_AFTER,
};

use crate::sync::SyncError;

/// What the feed answered.
#[derive(Debug, PartialEq)]
pub enum FeedAnswer {
    /// A page (of the items the kiosk could read), with the feed's ETag and how many items
    /// were of a shape it cannot read and were left out.
    Page(FeedPage, Option<String>, usize),
    /// Nothing new since the ETag sent.
    NotModified,
    /// The cursor is too old: rebuild from 0.
    CursorExpired,
}

/// A feed page as it arrived: each item is read on its own, so that one the kiosk cannot
/// read (a count of the wrong type, a kind it does not know) is left out, not the page.
#[derive(serde::Deserialize)]
struct RawFeedPage {
    items: Vec<serde_json::Value>,
    next: u64,
}

impl RawFeedPage {
    /// The items that read, and how many did not.
    fn read(self) -> (FeedPage, usize) {
        let total = self.items.len();
        let items: Vec<FeedItem> = self
            .items
            .into_iter()
            .filter_map(|item| serde_json::from_value(item).ok())
            .collect();
        let left_out = total - items.len();
        if left_out > 0 {
            // The shape only: the item's own words may hold anything.
            tracing::warn!(
                left_out,
                "feed items of a shape the kiosk cannot read were left out"
            );
        }
        (
            FeedPage {
                items,
                next: self.next,
            },
            left_out,
        )
    }
}

/// What the sign-up endpoint answered.
#[derive(Debug, PartialEq)]
pub enum BatchOutcome {
    /// One answer per sign-up.
    Answers(BatchAnswer),
    /// The hub could not read the batch (some sign-up in it is malformed).
    Unreadable(String),
    /// The batch is too large for the hub.
    TooLarge,
}

/// The largest answer the kiosk takes from a hub, as sent and as decoded (a feed page of 500
/// activities with summaries is well under 2 MB): anything larger is a damaged answer.
pub const MAX_ANSWER_BYTES: usize = 32 << 20;

fn too_large() -> SyncError {
    SyncError::Offline(
        format!(
            "a damaged answer: it expands past {} MB",
            MAX_ANSWER_BYTES >> 20
        )
        .into(),
    )
}

/// Decodes a zstd body, stopping at the cap rather than at the end of a bomb.
fn decode_capped(raw: &[u8]) -> Result<Vec<u8>, SyncError> {
    use std::io::Read;
    let mut out = Vec::new();
    zstd::stream::read::Decoder::new(raw)
        .and_then(|d| d.take(MAX_ANSWER_BYTES as u64 + 1).read_to_end(&mut out))
        .map_err(|e| SyncError::Offline(format!("a damaged answer: {e}").into()))?;
    if out.len() > MAX_ANSWER_BYTES {
        return Err(too_large());
    }
    Ok(out)
}

/// A client for one hub and one kiosk token.
pub struct HubClient {
    http: reqwest::Client,
    base: String,
    token: String,
    requests: usize,
    sent: u64,
    received: u64,
    /// Bytes this client may still use before it stops (the hourly budget's remainder; a
    /// request under way finishes, so it can go over by one request).
    pub allowance: Option<u64>,
    /// The protocol version the hub last said it speaks (1 until it says: a hub before
    /// protocol 2 sends no header).
    protocol: u32,
}

/// Connecting may take a while on a rural link, but not for ever.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);
/// The longest silence in the middle of an answer before the link counts as dead.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

impl HubClient {
    /// A client for `base` (e.g. `https://hub.example.cn`) with this kiosk's token.
    pub fn new(base: &str, token: &str) -> Result<HubClient, SyncError> {
        let http = reqwest::Client::builder()
            .connect_timeout(CONNECT_TIMEOUT)
            .read_timeout(READ_TIMEOUT)
            .pool_idle_timeout(Duration::from_secs(30))
            // A redirect could take the card numbers somewhere else, perhaps in the clear.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| SyncError::Offline(e.to_string().into()))?;
        Ok(HubClient {
            http,
            base: base.trim_end_matches('/').to_string(),
            token: token.to_string(),
            requests: 0,
            sent: 0,
            received: 0,
            allowance: None,
            protocol: 1,
        })
    }

    /// The protocol version the hub last said it speaks: 2 and up take waiting-list joins,
    /// cancels and check-ins, and answer card look-ups.
    pub fn protocol(&self) -> u32 {
        self.protocol
    }

    /// Requests made, bytes sent and received since the last reset.
    pub fn counts(&self) -> (usize, u64, u64) {
        (self.requests, self.sent, self.received)
    }

    /// Starts counting again.
    pub fn reset_counts(&mut self) {
        (self.requests, self.sent, self.received) = (0, 0, 0);
    }

    fn count_request(&mut self, request: &reqwest::Request) {
        self.requests += 1;
        // The request line and headers as HTTP/1.1 writes them, and the body.
        let line = request.method().as_str().len()
            + request.url().path().len()
            + request.url().query().map_or(0, |q| q.len() + 1)
            + 12;
        let headers: usize = request
            .headers()
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len() + 4)
            .sum();
        let body = request
            .body()
            .and_then(|b| b.as_bytes())
            .map_or(0, <[u8]>::len);
        self.sent += (line + headers + 2 + body) as u64;
    }

    async fn send(
        &mut self,
        mut request: reqwest::Request,
    ) -> Result<(StatusCode, reqwest::header::HeaderMap, Vec<u8>), SyncError> {
        if self
            .allowance
            .is_some_and(|bytes| self.sent + self.received >= bytes)
        {
            return Err(SyncError::AllowanceSpent);
        }
        // The machine's own clock (never a pinned test time): the hub measures how far it is
        // off, so a kiosk with a wrong clock cannot jump a waiting list.
        let clock =
            crate::domain::time::now_beijing().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        if let Ok(value) = reqwest::header::HeaderValue::from_str(&clock) {
            request.headers_mut().insert(CLOCK_HEADER, value);
        }
        self.count_request(&request);
        let mut response = self
            .http
            .execute(request)
            .await
            .map_err(|e| SyncError::Offline(describe(&e).into()))?;
        let status = response.status();
        let headers = response.headers().clone();
        if let Some(version) = headers
            .get(PROTOCOL_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse().ok())
        {
            self.protocol = version;
        }
        // Read as it comes, and no further than the cap: a hostile or broken link cannot make
        // the kiosk hold more than that.
        let mut raw = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| SyncError::Offline(describe(&e).into()))?
        {
            if raw.len() + chunk.len() > MAX_ANSWER_BYTES {
                return Err(too_large());
            }
            raw.extend_from_slice(&chunk);
        }
        let header_bytes: usize = headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len() + 4)
            .sum();
        self.received += (header_bytes + 20 + raw.len()) as u64;
        let body = if headers.get(CONTENT_ENCODING).is_some_and(|v| v == "zstd") {
            decode_capped(&raw)?
        } else {
            raw
        };
        if let Some(wait) = retry_after(status, &headers) {
            return Err(SyncError::RetryAfter(wait));
        }
        if status == StatusCode::UNAUTHORIZED {
            return Err(SyncError::Unauthorized);
        }
        if status.is_server_error() {
            return Err(SyncError::Offline(
                format!("the hub answered {status}").into(),
            ));
        }
        Ok((status, headers, body))
    }

    /// One page of the feed after `after` (`rebuild`: into an empty catalogue, from 0).
    pub async fn feed(
        &mut self,
        after: u64,
        limit: u32,
        rebuild: bool,
        etag: Option<&str>,
    ) -> Result<FeedAnswer, SyncError> {
        let rebuild = if rebuild { "&rebuild=true" } else { "" };
        let mut request = self
            .http
            .get(format!(
                "{}{FEED_PATH}?after={after}&limit={limit}{rebuild}",
                self.base
            ))
            .header(AUTHORIZATION, format!("Bearer {}", self.token))
            .header(ACCEPT_ENCODING, "zstd");
        if let Some(tag) = etag {
            request = request.header(IF_NONE_MATCH, tag);
        }
        let request = request
            .build()
            .map_err(|e| SyncError::Hub(e.to_string().into()))?;
        let (status, headers, body) = self.send(request).await?;
        match status {
            StatusCode::NOT_MODIFIED => Ok(FeedAnswer::NotModified),
            StatusCode::GONE => Ok(FeedAnswer::CursorExpired),
            StatusCode::OK => {
                let raw: RawFeedPage = serde_json::from_slice(&body)
                    // A cut-short answer reads as broken JSON: the link, not the hub.
                    .map_err(|e| {
                        SyncError::Offline(format!("an incomplete feed page: {e}").into())
                    })?;
                // Changes with a cursor that does not move on would be asked for again and
                // again: a broken answer, said at once rather than after minutes of pages.
                if !raw.items.is_empty() && raw.next <= after {
                    return Err(SyncError::Hub(
                        format!(
                            "the feed's cursor did not move on (asked after {after}, told {})",
                            raw.next
                        )
                        .into(),
                    ));
                }
                let (page, left_out) = raw.read();
                let tag = headers
                    .get(ETAG)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string);
                Ok(FeedAnswer::Page(page, tag, left_out))
            }
            other => Err(SyncError::Hub(
                format!("the feed answered {other}: {}", error_text(&body)).into(),
            )),
        }
    }

    /// Sends a batch of sign-ups, compressed.
    pub async fn signups(&mut self, batch: &SignupBatch) -> Result<BatchOutcome, SyncError> {
        let json = serde_json::to_vec(batch).map_err(|e| SyncError::Hub(e.to_string().into()))?;
        let body = zstd::encode_all(json.as_slice(), 9).map_err(|e| {
            SyncError::Storage(crate::file_fault::FileFault::of(&e), e.to_string().into())
        })?;
        let request = self
            .http
            .post(format!("{}{SIGNUPS_PATH}", self.base))
            .header(AUTHORIZATION, format!("Bearer {}", self.token))
            .header(CONTENT_TYPE, "application/json")
            .header(CONTENT_ENCODING, "zstd")
            .header(ACCEPT_ENCODING, "zstd")
            .body(body)
            .build()
            .map_err(|e| SyncError::Hub(e.to_string().into()))?;
        let (status, _, body) = self.send(request).await?;
        match status {
            StatusCode::OK => serde_json::from_slice(&body)
                .map(BatchOutcome::Answers)
                .map_err(|e| SyncError::Offline(format!("an incomplete answer: {e}").into())),
            // Only the hub's own "cannot read this batch" singles out a sign-up; a 400 from
            // a proxy or portal on the way says nothing about the sign-ups, and is retried.
            StatusCode::BAD_REQUEST if hub_error(&body).as_deref() == Some("bad_request") => {
                Ok(BatchOutcome::Unreadable(error_text(&body)))
            }
            // The same for "too large": a proxy's own 413 (an HTML page) says nothing about
            // the sign-ups and must never hold them; it is retried like any failure.
            StatusCode::PAYLOAD_TOO_LARGE if hub_error(&body).as_deref() == Some("too_large") => {
                Ok(BatchOutcome::TooLarge)
            }
            other => Err(SyncError::Hub(
                format!("sign-ups answered {other}: {}", error_text(&body)).into(),
            )),
        }
    }
}

impl HubClient {
    /// What the district's hub knows of a card: its live places and its learning record.
    /// The card travels in the body, never the URL; nothing of the answer is stored.
    pub async fn card(&mut self, card: &str) -> Result<CardAnswer, SyncError> {
        let json = serde_json::to_vec(&CardQuery { card: card.into() })
            .map_err(|e| SyncError::Hub(e.to_string().into()))?;
        let request = self
            .http
            .post(format!("{}{CARD_PATH}", self.base))
            .header(AUTHORIZATION, format!("Bearer {}", self.token))
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT_ENCODING, "zstd")
            .body(json)
            .build()
            .map_err(|e| SyncError::Hub(e.to_string().into()))?;
        let (status, _, body) = self.send(request).await?;
        match status {
            StatusCode::OK => serde_json::from_slice(&body)
                .map_err(|e| SyncError::Offline(format!("an incomplete answer: {e}").into())),
            other => Err(SyncError::Hub(
                format!("the card look-up answered {other}: {}", error_text(&body)).into(),
            )),
        }
    }
}

/// The hub's error code, if the body is the hub's error body.
fn hub_error(body: &[u8]) -> Option<String> {
    serde_json::from_slice::<ErrorBody>(body)
        .ok()
        .map(|e| e.error)
}

/// What a hub's error answer says, for the log and the staff page: its code, and its words
/// with every run of six or more digits masked (a hub may quote a card number back).
fn error_text(body: &[u8]) -> String {
    crate::domain::card::mask_digit_runs(&error_words(body))
}

fn error_words(body: &[u8]) -> String {
    serde_json::from_slice::<ErrorBody>(body)
        .map(|e| {
            if e.message.is_empty() {
                e.error
            } else {
                format!("{}: {}", e.error, e.message)
            }
        })
        .unwrap_or_else(|_| String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned())
}

/// `Retry-After` on 429 and 503, in seconds (the HTTP-date form is rare; it waits a minute).
fn retry_after(status: StatusCode, headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let seconds = headers
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().parse::<u64>().unwrap_or(60))
        .unwrap_or(5);
    Some(Duration::from_secs(seconds.min(3600)))
}

/// The error and its causes, in one line.
fn describe(e: &reqwest::Error) -> String {
    let mut out = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // Tests may stop at the first surprise.
mod tests {
    use std::io::{Read, Write};

    use super::*;

    /// A one-shot HTTP server on loopback answering `body` with `Content-Encoding: zstd`.
    fn serve_zstd(body: Vec<u8>) -> String {
        serve("200 OK", "Content-Encoding: zstd\r\n", body)
    }

    /// A one-shot HTTP server on loopback giving one answer.
    fn serve(status: &'static str, extra_headers: &'static str, body: Vec<u8>) -> String {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut seen = Vec::new();
            let mut byte = [0u8; 1];
            while !seen.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                seen.push(byte[0]);
            }
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\n{extra_headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        });
        format!("http://{addr}")
    }

    #[tokio::test]
    async fn an_answer_that_expands_past_the_cap_is_a_damaged_answer_not_a_page() {
        // A real feed page, padded with a field the kiosk ignores, that decodes to more than
        // the cap from a body of a few kilobytes.
        let mut json = br#"{"items":[],"next":1,"pad":""#.to_vec();
        json.resize(json.len() + MAX_ANSWER_BYTES + 1024, b'a');
        json.extend_from_slice(br#""}"#);
        let bomb = zstd::encode_all(json.as_slice(), 3).unwrap();
        assert!(bomb.len() < 100_000);
        let mut client = HubClient::new(&serve_zstd(bomb), "token").unwrap();
        let answer = client.feed(0, 1, false, None).await;
        assert!(
            matches!(&answer, Err(SyncError::Offline(why)) if why.contains("expands past 32 MB")),
            "{answer:?}"
        );
    }

    #[tokio::test]
    async fn an_answer_under_the_cap_is_read_whole() {
        let page = br#"{"items":[],"next":7}"#;
        let mut client =
            HubClient::new(&serve_zstd(zstd::encode_all(&page[..], 3).unwrap()), "t").unwrap();
        let answer = client.feed(0, 1, false, None).await.unwrap();
        assert!(
            matches!(answer, FeedAnswer::Page(ref p, _, 0) if p.next == 7),
            "{answer:?}"
        );
    }

    #[tokio::test]
    async fn a_card_number_in_a_hubs_error_words_is_never_kept() {
        let body = br#"{"error":"bad_request","message":"card 1101080000000016 (1101 0800 0000 0016) is not allowed"}"#;
        let mut client = HubClient::new(&serve("400 Bad Request", "", body.to_vec()), "t").unwrap();
        let batch = SignupBatch {
            signups: Vec::new(),
        };
        let answer = client.signups(&batch).await.unwrap();
        let BatchOutcome::Unreadable(words) = answer else {
            panic!("{answer:?}");
        };
        assert!(
            words.starts_with("bad_request: "),
            "the hub's code is kept: {words}"
        );
        assert!(
            !words.contains("0016") && !words.contains("1101"),
            "{words}"
        );
    }

    #[tokio::test]
    async fn only_the_hubs_own_413_holds_sign_ups_as_too_large() {
        let batch = SignupBatch {
            signups: Vec::new(),
        };
        let proxy = b"<html><body><h1>413 Request Entity Too Large</h1>nginx</body></html>";
        let mut client =
            HubClient::new(&serve("413 Payload Too Large", "", proxy.to_vec()), "t").unwrap();
        let answer = client.signups(&batch).await;
        assert!(
            matches!(answer, Err(SyncError::Hub(_))),
            "retried, not held: {answer:?}"
        );
        let hub = br#"{"error":"too_large","message":"at most 200 sign-ups a batch"}"#;
        let mut client =
            HubClient::new(&serve("413 Payload Too Large", "", hub.to_vec()), "t").unwrap();
        assert_eq!(
            client.signups(&batch).await.unwrap(),
            BatchOutcome::TooLarge
        );
    }

    #[tokio::test]
    async fn a_page_of_changes_whose_cursor_does_not_move_is_a_broken_answer() {
        let page = br#"{"items":[{"deleted_venue":"v1"}],"next":5}"#;
        let mut client = HubClient::new(&serve("200 OK", "", page.to_vec()), "t").unwrap();
        let answer = client.feed(5, 200, false, None).await;
        assert!(
            matches!(&answer, Err(SyncError::Hub(why)) if why.contains("did not move on")),
            "{answer:?}"
        );
        // Caught up (no changes) at the same cursor is fine.
        let page = br#"{"items":[],"next":5}"#;
        let mut client = HubClient::new(&serve("200 OK", "", page.to_vec()), "t").unwrap();
        assert!(client.feed(5, 200, false, None).await.is_ok());
    }
}
