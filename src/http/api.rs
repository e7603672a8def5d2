//! The JSON APIs: SnapPass's simple API (`/api/set_password/`), its REST
//! API (`/api/v2/passwords`), and the health route.
//!
//! Bodies are read and checked in `http::input`, so every wrong type gets
//! a 400 naming the field (SnapPass answers 500 to most of them). Errors are RFC 7807 problem documents (`http::problem`).

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use super::AppState;
use super::auth::Creator;
use super::context::{Ctx, Segment};
use super::input::{NewSecretRequest, read_json};
use super::problem::{ApiError, CreateErrors, Problem};
use super::receipts::ReceiptLink;
use crate::error::Error;
use crate::metrics::Via;
use crate::store::{Eviction, StoreError};

/// The answer of the simple API.
#[derive(Serialize, ToSchema)]
pub struct SimpleCreated {
    /// The web link to send: base URL + quoted token.
    link: String,
    /// Lifetime in seconds.
    ttl: u64,
    /// The sender's receipt (hushlink; SnapPass clients ignore it).
    receipt: ReceiptLink,
}

/// `POST /api/set_password/`: SnapPass's simple API.
#[utoipa::path(
    post,
    path = "/api/set_password/",
    tag = "secrets",
    request_body = NewSecretRequest,
    security((), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Stored; the link is the only way to the secret.", body = SimpleCreated),
        CreateErrors,
    )
)]
pub async fn set_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Creator(caller): Creator,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let new = read_json(&state.limits, &headers, body).await?;
    let (receipt, new_receipt) = state.receipts.issue_for(&caller);
    let token = state
        .secrets
        .create(new.password.as_bytes(), new.ttl, new.views, new_receipt)
        .await?;
    state.metrics.secret_created(Via::Api);
    let link = format!("{}{}", ctx.base_url, token.url_quoted());
    Ok(Json(SimpleCreated {
        link,
        ttl: new.ttl.secs(),
        receipt: ReceiptLink::new(&ctx, &receipt),
    })
    .into_response())
}

/// A link of the REST API's answer.
#[derive(Serialize, ToSchema)]
pub struct Link {
    /// `self` (the API address) or `web-view` (the page to send a person).
    #[schema(value_type = String, example = "web-view")]
    rel: &'static str,
    href: String,
}

impl Link {
    pub fn new(rel: &'static str, href: String) -> Self {
        Link { rel, href }
    }
}

/// The answer of the REST API's create.
#[derive(Serialize, ToSchema)]
pub struct Created {
    /// `<REDIS_PREFIX><32 hex>~<Fernet key>`: the capability; the server keeps no copy of its key part.
    token: String,
    links: [Link; 2],
    /// Lifetime in seconds.
    ttl: u64,
    /// Reveals allowed.
    views: u32,
    /// The sender's receipt (hushlink; SnapPass clients ignore it).
    receipt: ReceiptLink,
}

/// A revealed secret.
#[derive(Serialize, ToSchema)]
pub struct Revealed {
    password: String,
}

/// What `reveal` serializes: [`Revealed`], borrowing the secret so that
/// its one copy is the wiped one.
#[derive(Serialize)]
struct RevealedRef<'a> {
    password: &'a str,
}

/// `POST /api/v2/passwords`: SnapPass's REST API.
#[utoipa::path(
    post,
    path = "/api/v2/passwords",
    tag = "secrets",
    request_body = NewSecretRequest,
    security((), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Stored.", body = Created),
        CreateErrors,
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Creator(caller): Creator,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let new = read_json(&state.limits, &headers, body).await?;
    let (receipt, new_receipt) = state.receipts.issue_for(&caller);
    let token = state
        .secrets
        .create(new.password.as_bytes(), new.ttl, new.views, new_receipt)
        .await?;
    state.metrics.secret_created(Via::Api);
    let quoted = token.url_quoted();
    let created = Created {
        token: token.expose(),
        links: [
            Link {
                rel: "self",
                href: format!("{}api/v2/passwords/{quoted}", ctx.base_url),
            },
            Link {
                rel: "web-view",
                href: format!("{}{quoted}", ctx.base_url),
            },
        ],
        ttl: new.ttl.secs(),
        views: new.views.get(),
        receipt: ReceiptLink::new(&ctx, &receipt),
    };
    Ok(Json(created).into_response())
}

/// `HEAD /api/v2/passwords/{token}`: exists? Never consumes a view.
#[utoipa::path(
    head,
    path = "/api/v2/passwords/{token}",
    tag = "secrets",
    params(("token" = String, Path, description = "The token, URL-quoted as in the links.")),
    responses(
        (status = 200, description = "The secret is there.", headers(("x-views-remaining" = u32, description = "Reveals left"))),
        (status = 404, description = "Missing, expired or used up (one answer for all three)."),
        (status = 503, description = "The store is unavailable."),
    )
)]
pub async fn check(State(state): State<AppState>, Segment(segment): Segment) -> Response {
    let Some(token) = segment.and_then(|s| state.secrets.parse_token(&s)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match state.secrets.peek(&token).await {
        Ok(views_left) => (
            StatusCode::OK,
            [("x-views-remaining", views_left.to_string())],
        )
            .into_response(),
        Err(e) => {
            e.log();
            e.status().into_response()
        }
    }
}

/// `GET /api/v2/passwords/{token}`: reveals, consuming one view.
#[utoipa::path(
    get,
    path = "/api/v2/passwords/{token}",
    tag = "secrets",
    params(("token" = String, Path, description = "The token, URL-quoted as in the links.")),
    responses(
        (status = 200, description = "The secret; its last view deletes it, durably, before this answer is sent.", body = Revealed,
            headers(("x-views-remaining" = u32, description = "Reveals left"))),
        (status = 400, description = "The link's key part cannot open the secret: nothing was revealed or deleted.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Missing, expired or used up (one answer for all three).", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is unavailable; nothing was consumed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn reveal(
    State(state): State<AppState>,
    _host_checked: Ctx,
    Segment(segment): Segment,
) -> Result<Response, ApiError> {
    let revealed = match segment.and_then(|s| state.secrets.parse_token(&s)) {
        Some(token) => state.secrets.reveal(&token).await,
        None => Err(Error::NotFound),
    };
    state.metrics.reveal(Via::Api, &revealed);
    let revealed = revealed?;
    let password = Zeroizing::new(String::from_utf8_lossy(&revealed.secret).into_owned());
    Ok((
        [("x-views-remaining", revealed.views_left.to_string())],
        Json(RevealedRef {
            password: &password,
        }),
    )
        .into_response())
}

/// The store answers.
#[derive(Serialize, ToSchema)]
pub struct Healthy {
    /// Whether an admin key has ever been made (automation waits for this).
    bootstrapped: bool,
    /// Present only when the store may drop secrets by itself (a Redis
    /// `maxmemory-policy` other than `noeviction`), or would not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    eviction: Option<EvictionWarning>,
}

/// Why secrets might vanish unread: the store evicts keys when full.
#[derive(Serialize, ToSchema)]
pub struct EvictionWarning {
    /// Redis's `maxmemory-policy`; absent when it could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "allkeys-lru")]
    policy: Option<String>,
    /// What it means, for a person.
    warning: String,
}

impl EvictionWarning {
    fn from_store(eviction: Option<Eviction>) -> Option<Self> {
        match eviction? {
            Eviction::Never => None,
            Eviction::Possible { policy } => Some(EvictionWarning {
                warning: format!(
                    "Redis maxmemory-policy is {policy}: when Redis is full it evicts keys, and \
                     secrets vanish unread. Set maxmemory-policy noeviction."
                ),
                policy: Some(policy),
            }),
            Eviction::Unknown { reason } => Some(EvictionWarning {
                policy: None,
                warning: format!(
                    "Redis maxmemory-policy cannot be checked ({reason}); it must be noeviction, \
                     or secrets may vanish unread when Redis is full."
                ),
            }),
        }
    }
}

/// The store does not answer, or (readiness) takes no new secrets.
#[derive(Serialize, ToSchema)]
pub struct Unhealthy {
    /// `unavailable`: the store does not answer or cannot commit;
    /// `full`: the disk is (nearly) full and new secrets are refused.
    #[schema(example = "unavailable")]
    store: String,
}

/// `GET /_/_/health`: 200 when the store answers, 503 otherwise (as
/// SnapPass). On the embedded store, "answers" includes that its commits
/// succeed: while they fail (a full disk, an I/O error) this is 503 until
/// the store has recovered by itself. The body adds `bootstrapped` for
/// automation.
#[utoipa::path(
    get,
    path = "/_/_/health",
    tag = "health",
    responses(
        (status = 200, description = "The store answers.", body = Healthy),
        (status = 503, description = "The store does not answer.", body = Unhealthy),
    )
)]
pub async fn health(State(state): State<AppState>) -> Response {
    readiness(&state, false).await
}

/// `GET /_/_/ready`: the Kubernetes readiness probe: the store answers,
/// takes new secrets (the embedded store: free disk space above
/// `HUSHLINK_MIN_FREE_DISK`), and the bootstrap state is known.
#[utoipa::path(
    get,
    path = "/_/_/ready",
    tag = "health",
    responses(
        (status = 200, description = "Ready: the store answers and the bootstrap state is known.", body = Healthy),
        (status = 503, description = "Not ready: the store does not answer, or its disk is full.", body = Unhealthy),
    )
)]
pub async fn ready(State(state): State<AppState>) -> Response {
    readiness(&state, true).await
}

/// `GET /_/_/live`: the Kubernetes liveness probe. The process answers;
/// the store is not asked, so a Redis outage never gets every instance
/// restarted (`/_/_/health` keeps SnapPass's meaning: the store answers).
#[utoipa::path(
    get,
    path = "/_/_/live",
    tag = "health",
    responses((status = 200, description = "The process is alive and serving.", body = Live))
)]
pub async fn live() -> Json<Live> {
    Json(Live { alive: true })
}

/// The process answers.
#[derive(Serialize, ToSchema)]
pub struct Live {
    alive: bool,
}

/// `ready`: also whether the store takes new secrets now.
async fn readiness(state: &AppState, ready: bool) -> Response {
    match store_answers(state, ready).await {
        Ok(bootstrapped) => Json(Healthy {
            bootstrapped,
            eviction: EvictionWarning::from_store(state.secrets.store().eviction().await),
        })
        .into_response(),
        Err((store, e)) => {
            tracing::warn!(error = %e, store, "health check: store not ready");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Unhealthy {
                    store: store.into(),
                }),
            )
                .into_response()
        }
    }
}

/// Whether an admin key was ever made, once the store has answered (and,
/// for `ready`, takes new secrets); else what is wrong (`full` or
/// `unavailable`) and why.
async fn store_answers(state: &AppState, ready: bool) -> Result<bool, (&'static str, String)> {
    let store = state.secrets.store();
    let answered = if ready {
        store.ready().await
    } else {
        store.ping().await
    };
    if let Err(e) = answered {
        let kind = if matches!(e, StoreError::Full(_)) {
            "full"
        } else {
            "unavailable"
        };
        return Err((kind, e.to_string()));
    }
    state
        .keys
        .bootstrapped()
        .await
        .map_err(|e| ("unavailable", e.to_string()))
}
