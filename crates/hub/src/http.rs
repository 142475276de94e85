//! The hub's HTTP API: the feed and the sign-up batches, behind per-kiosk bearer tokens,
//! with compression both ways.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use learning_wire::{
    BatchAnswer, ErrorBody, FEED_PATH, MAX_BATCH, MAX_PAGE, SIGNUPS_PATH, SignupBatch,
};
use rusqlite::{Connection, OptionalExtension};
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::decompression::RequestDecompressionLayer;

use crate::feed::{Cursor, FeedAnswer, page};
use crate::{signups, tokens};

/// The largest request body accepted (a full batch is far smaller).
const MAX_BODY: usize = 1 << 20;

/// What every request shares: the database (the catalogue is read from it one activity at
/// a time, never held whole).
#[derive(Clone)]
pub struct Hub {
    db: Arc<Mutex<Connection>>,
    /// How long a request's body may take to arrive.
    body_timeout: Duration,
}

impl Hub {
    /// The hub over an open database.
    pub fn new(conn: Connection, body_timeout: Duration) -> Hub {
        Hub {
            db: Arc::new(Mutex::new(conn)),
            body_timeout,
        }
    }
}

/// The routes.
pub fn router(hub: Hub) -> Router {
    Router::new()
        .route(FEED_PATH, get(feed))
        .route(SIGNUPS_PATH, post(signup_batch))
        // The handler reads the body itself, so an oversized one gets the JSON 413.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestDecompressionLayer::new())
        .layer(CompressionLayer::new())
        .with_state(hub)
}

/// An error answer: its status and the body's stable code and words.
struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
}

fn error(status: StatusCode, code: &'static str, message: &str) -> ApiError {
    ApiError {
        status,
        code,
        message: message.into(),
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            axum::Json(ErrorBody {
                error: self.code.into(),
                message: self.message,
            }),
        )
            .into_response()
    }
}

/// True when reading a body stopped at the size limit (not at damaged compression).
fn past_the_limit(e: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = source {
        if err.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = err.source();
    }
    false
}

/// The kiosk a request's bearer token belongs to.
fn kiosk_of(conn: &Connection, headers: &HeaderMap) -> Option<String> {
    // The scheme's name is case-insensitive (RFC 9110): `bearer` is as good as `Bearer`.
    let (scheme, token) = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("bearer") {
        return None;
    }
    let token = token.trim();
    conn.query_row(
        "SELECT id FROM kiosks WHERE token_hash = ?1",
        [tokens::hash(token)],
        |r| r.get(0),
    )
    .optional()
    .ok()
    .flatten()
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

#[derive(Deserialize)]
struct FeedQuery {
    #[serde(default)]
    after: u64,
    limit: Option<u32>,
    /// The kiosk is reading from 0 into an empty catalogue: purged tombstones cannot
    /// matter to it, so its cursor never expires.
    #[serde(default)]
    rebuild: bool,
}

async fn feed(
    State(hub): State<Hub>,
    headers: HeaderMap,
    query: Result<Query<FeedQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "after and limit are whole numbers, rebuild is true or false",
        )
        .into_response();
    };
    let db = hub.db.clone();
    let answer = tokio::task::spawn_blocking(move || {
        let conn = lock(&db);
        let Some(_kiosk) = kiosk_of(&conn, &headers) else {
            return Err(error(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "a kiosk token is needed",
            ));
        };
        let inm = headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let limit = q.limit.unwrap_or(200).clamp(1, MAX_PAGE);
        let after = Cursor {
            after: q.after,
            rebuild: q.rebuild,
        };
        page(&conn, after, limit, inm.as_deref())
            .map_err(|e| error(StatusCode::INTERNAL_SERVER_ERROR, "store", &e.to_string()))
    })
    .await;
    match answer {
        Ok(Ok(FeedAnswer::Page(body, tag))) => (
            [
                (header::ETAG, tag),
                (header::CONTENT_TYPE, "application/json".into()),
            ],
            body,
        )
            .into_response(),
        Ok(Ok(FeedAnswer::NotModified(tag))) => {
            (StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response()
        }
        Ok(Ok(FeedAnswer::CursorExpired)) => error(
            StatusCode::GONE,
            "cursor_expired",
            "the cursor is older than the tombstones kept: start again from 0",
        )
        .into_response(),
        Ok(Err(refused)) => refused.into_response(),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the request failed",
        )
        .into_response(),
    }
}

async fn signup_batch(State(hub): State<Hub>, headers: HeaderMap, body: Body) -> Response {
    // Who asks comes first, before a byte of the body is read or decompressed: a stranger
    // learns nothing, not even how large a batch may be.
    let db = hub.db.clone();
    let who = tokio::task::spawn_blocking(move || kiosk_of(&lock(&db), &headers))
        .await
        .ok()
        .flatten();
    let Some(kiosk) = who else {
        return error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a kiosk token is needed",
        )
        .into_response();
    };
    let read = tokio::time::timeout(hub.body_timeout, axum::body::to_bytes(body, MAX_BODY));
    let Ok(body) = read.await else {
        // A slow body is the link's fault, not the batch's: the kiosk sends it again.
        return error(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the body did not arrive in time",
        )
        .into_response();
    };
    let body = match body {
        Ok(body) => body,
        Err(e) if past_the_limit(&e) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                "the body is larger than a batch can be",
            )
            .into_response();
        }
        // Only a body too large is "too large"; one that does not decode is not a batch.
        Err(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "the body cannot be read (damaged compression?)",
            )
            .into_response();
        }
    };
    let answer = tokio::task::spawn_blocking(move || {
        let mut conn = lock(&hub.db);
        let batch: SignupBatch = match serde_json::from_slice(&body) {
            Ok(b) => b,
            // Where, not what: serde's words can quote a card number.
            Err(e) => {
                return Err(error(
                    StatusCode::BAD_REQUEST,
                    "bad_request",
                    &format!(
                        "not a sign-up batch ({:?} problem at line {}, column {})",
                        e.classify(),
                        e.line(),
                        e.column()
                    ),
                ));
            }
        };
        if batch.signups.len() > MAX_BATCH {
            return Err(error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                &format!("at most {MAX_BATCH} sign-ups a batch"),
            ));
        }
        let mut run = || -> rusqlite::Result<BatchAnswer> {
            // The whole batch in one transaction: answers are durable before they are sent.
            let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let answers = batch
                .signups
                .iter()
                .map(|item| signups::answer(&tx, &kiosk, item))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            tx.commit()?;
            Ok(BatchAnswer { answers })
        };
        run().map_err(|e| error(StatusCode::INTERNAL_SERVER_ERROR, "store", &e.to_string()))
    })
    .await;
    match answer {
        Ok(Ok(answers)) => axum::Json(answers).into_response(),
        Ok(Err(refused)) => refused.into_response(),
        Err(_) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the request failed",
        )
        .into_response(),
    }
}
