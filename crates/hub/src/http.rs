//! The hub's HTTP API: the feed, the batches and the card look-up, behind per-kiosk bearer
//! tokens, with compression both ways. Every request's clock is measured; every answer says
//! the protocol version.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use learning_wire::{
    BatchAnswer, CARD_PATH, CLOCK_HEADER, CardAnswer, CardQuery, ErrorBody, FEED_PATH, MAX_BATCH,
    MAX_PAGE, PROTOCOL_HEADER, PROTOCOL_VERSION, SIGNUPS_PATH, SignupBatch,
};
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::decompression::RequestDecompressionLayer;

use crate::store::{Arrival, Cursor, FeedAnswer, Store, StoreError, rules};

/// The largest request body accepted (a full batch is far smaller).
const MAX_BODY: usize = 1 << 20;

/// What every request shares: the store (the catalogue is read from it one activity at a
/// time, never held whole).
#[derive(Clone)]
pub struct Hub {
    db: Arc<dyn Store>,
    /// How long a request's body may take to arrive.
    body_timeout: Duration,
}

impl Hub {
    /// The hub over an open store.
    pub fn new(store: Arc<dyn Store>, body_timeout: Duration) -> Hub {
        Hub {
            db: store,
            body_timeout,
        }
    }
}

/// The routes.
pub fn router(hub: Hub) -> Router {
    Router::new()
        .route(FEED_PATH, get(feed))
        .route(SIGNUPS_PATH, post(signup_batch))
        .route(CARD_PATH, post(card_look_up))
        // The handler reads the body itself, so an oversized one gets the JSON 413.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestDecompressionLayer::new())
        .layer(CompressionLayer::new())
        .layer(axum::middleware::map_response(say_protocol))
        .with_state(hub)
}

/// Every answer says which protocol the hub speaks: a kiosk sends the newer kinds only to a
/// hub that says 2 or more.
async fn say_protocol(mut response: Response) -> Response {
    response.headers_mut().insert(
        PROTOCOL_HEADER,
        axum::http::HeaderValue::from(PROTOCOL_VERSION),
    );
    response
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

/// Store and worker failures are the hub's own: a 500 with a stable code, so a handler can
/// use `?`.
impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        error(StatusCode::INTERNAL_SERVER_ERROR, "store", &e.to_string())
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(_: tokio::task::JoinError) -> ApiError {
        error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the request failed",
        )
    }
}

fn unauthorized() -> ApiError {
    error(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "a kiosk token is needed",
    )
}

/// The kiosk a request comes from, by its bearer token, with its clock's offset as the
/// request measures it. As an extractor it runs before the body is read or decompressed: a
/// stranger learns nothing, not even how large a batch may be.
struct Kiosk(Arrival);

impl FromRequestParts<Hub> for Kiosk {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, hub: &Hub) -> Result<Kiosk, ApiError> {
        let clock_offset_ms = parts
            .headers
            .get(CLOCK_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(|said| rules::clock_offset_ms(said, chrono::Utc::now()));
        // The scheme's name is case-insensitive (RFC 9110): `bearer` is as good as `Bearer`.
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim().to_string())
            .ok_or_else(unauthorized)?;
        let found = with_db(hub, move |store| Ok(store.kiosk_by_token(&token)?)).await?;
        found
            .map(|kiosk| {
                Kiosk(Arrival {
                    kiosk,
                    clock_offset_ms,
                })
            })
            .ok_or_else(unauthorized)
    }
}

/// Runs `work` on the store, on a blocking thread.
async fn with_db<T: Send + 'static>(
    hub: &Hub,
    work: impl FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let db = hub.db.clone();
    tokio::task::spawn_blocking(move || work(db.as_ref())).await?
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
    Kiosk(from): Kiosk,
    headers: HeaderMap,
    query: Result<Query<FeedQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Ok(Query(q)) = query else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "after and limit are whole numbers, rebuild is true or false",
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
    let answer = with_db(&hub, move |store| {
        store.note_clock(&from)?;
        Ok(store.feed_page(after, limit, inm.as_deref())?)
    })
    .await?;
    Ok(match answer {
        FeedAnswer::Page(body, tag) => (
            [
                (header::ETAG, tag),
                (header::CONTENT_TYPE, "application/json".into()),
            ],
            body,
        )
            .into_response(),
        FeedAnswer::NotModified(tag) => {
            (StatusCode::NOT_MODIFIED, [(header::ETAG, tag)]).into_response()
        }
        FeedAnswer::CursorExpired => error(
            StatusCode::GONE,
            "cursor_expired",
            "the cursor is older than the tombstones kept: start again from 0",
        )
        .into_response(),
    })
}

/// Reads a request's body within the time and size limits.
async fn read_body(hub: &Hub, body: Body) -> Result<axum::body::Bytes, ApiError> {
    let read = tokio::time::timeout(hub.body_timeout, axum::body::to_bytes(body, MAX_BODY));
    match read.await {
        Ok(Ok(body)) => Ok(body),
        // A slow body is the link's fault, not the request's: the kiosk sends it again.
        Err(_) => Err(error(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            "the body did not arrive in time",
        )),
        Ok(Err(e)) if past_the_limit(&e) => Err(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "the body is larger than a batch can be",
        )),
        // Only a body too large is "too large"; one that does not decode is not a request.
        Ok(Err(_)) => Err(error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "the body cannot be read (damaged compression?)",
        )),
    }
}

/// A body that is not the JSON asked for: where, not what (serde's words can quote a card
/// number).
fn unreadable(what: &str, e: &serde_json::Error) -> ApiError {
    error(
        StatusCode::BAD_REQUEST,
        "bad_request",
        &format!(
            "not {what} ({:?} problem at line {}, column {})",
            e.classify(),
            e.line(),
            e.column()
        ),
    )
}

async fn signup_batch(
    State(hub): State<Hub>,
    Kiosk(from): Kiosk,
    body: Body,
) -> Result<axum::Json<BatchAnswer>, ApiError> {
    let body = read_body(&hub, body).await?;
    let batch: SignupBatch =
        serde_json::from_slice(&body).map_err(|e| unreadable("a sign-up batch", &e))?;
    if batch.signups.len() > MAX_BATCH {
        return Err(error(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            &format!("at most {MAX_BATCH} sign-ups a batch"),
        ));
    }
    let answer = with_db(&hub, move |store| {
        Ok(store.answer_batch(&from, &batch.signups)?)
    })
    .await?;
    Ok(axum::Json(answer))
}

/// What the district knows of a card. The card comes in the body (never a URL, so never in
/// an access log) and is not logged.
async fn card_look_up(
    State(hub): State<Hub>,
    Kiosk(from): Kiosk,
    body: Body,
) -> Result<axum::Json<CardAnswer>, ApiError> {
    let body = read_body(&hub, body).await?;
    let query: CardQuery =
        serde_json::from_slice(&body).map_err(|e| unreadable("a card look-up", &e))?;
    let Some(card) = rules::canonical_card(&query.card).filter(|c| *c == query.card) else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "the card is not a learning card in its one form (16 digits)",
        ));
    };
    let answer = with_db(&hub, move |store| Ok(store.card(&from, &card)?)).await?;
    Ok(axum::Json(answer))
}
