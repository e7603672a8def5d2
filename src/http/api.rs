//! The JSON APIs: SnapPass's simple API (`/api/set_password/`), its REST
//! API (`/api/v2/passwords`), and the health route.
//!
//! Input is read as a JSON value and checked field by field, so every
//! wrong type gets a 400 naming the field (SnapPass answers 500 to most of
//! them). Errors are RFC 7807 problem documents whose `type` is the base
//! URL plus a slug, as SnapPass writes them.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use super::AppState;
use super::auth::Creator;
use super::body::{json_limit, read_limited, wipe};
use super::context::{Ctx, Segment};
use super::openapi::CreateErrors;
use super::receipts::ReceiptLink;
use crate::error::{Conflict, Error, InvalidParam};
use crate::metrics::Via;
use crate::secret::{DEFAULT_TTL_SECS, Ttl, Views};
use crate::store::{Eviction, StoreError};

/// An RFC 7807 problem document: the body of every API error.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    /// The server's base URL plus a slug naming the kind of problem
    /// (`get-password-error`, `damaged-link`, `set-password-validation-error`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// A message safe to show to a person.
    pub title: String,
    /// The fields at fault, if any.
    #[serde(rename = "invalid-params")]
    pub invalid_params: Vec<InvalidParam>,
    /// Zero-knowledge reveals only: wrong passphrases still allowed before
    /// the secret is destroyed.
    #[serde(rename = "attempts-left", skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    /// A burn that came too late: how the secret's life had already ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<crate::receipt::State>,
}

/// An error on an API route, rendered as `application/problem+json`.
pub struct ApiError {
    error: Error,
    base_url: String,
    /// The largest secret, which a 413 states (when known).
    max_secret_bytes: Option<usize>,
}

impl ApiError {
    pub fn from_ctx(error: Error, ctx: &Ctx) -> Self {
        ApiError::new(error, ctx)
    }

    fn new(error: Error, ctx: &Ctx) -> Self {
        ApiError {
            error,
            base_url: ctx.base_url.clone(),
            max_secret_bytes: Some(ctx.max_secret_bytes),
        }
    }

    /// For errors found before a base URL is known (an unusable Host).
    pub fn with_base(error: Error, base_url: String) -> Self {
        ApiError {
            error,
            base_url,
            max_secret_bytes: None,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.error.log();
        let status = self.error.status();
        let retry_after = match &self.error {
            Error::TooManyAttempts { retry_after_secs } => Some(*retry_after_secs),
            _ if status == StatusCode::SERVICE_UNAVAILABLE => Some(5),
            _ => None,
        };
        let attempts_left = match &self.error {
            Error::WrongProof { attempts_left } => Some(*attempts_left),
            Error::Destroyed => Some(0),
            _ => None,
        };
        let ended = match &self.error {
            Error::AlreadyEnded(state) => Some(*state),
            _ => None,
        };
        let (slug, title, params): (&str, &str, Vec<InvalidParam>) = match self.error {
            Error::NotFound => (
                "get-password-error",
                "The password doesn't exist.",
                vec![InvalidParam {
                    name: "token".into(),
                    reason: None,
                }],
            ),
            Error::Damaged => (
                "damaged-link",
                "The link is damaged or incomplete: its key cannot open the secret. Nothing was revealed or deleted.",
                vec![InvalidParam::new(
                    "token",
                    "The key part of the token is missing or altered.",
                )],
            ),
            Error::WrongProof { .. } => (
                "wrong-proof",
                "The passphrase is wrong (the proof does not match). Nothing was revealed and no view was used.",
                vec![InvalidParam::new(
                    "proof",
                    "Derived from a wrong passphrase.",
                )],
            ),
            Error::Destroyed => (
                "secret-destroyed",
                "Too many wrong passphrases: the secret has been destroyed.",
                vec![],
            ),
            Error::Invalid(params)
                if params
                    .iter()
                    .any(|p| matches!(p.name.as_str(), "password" | "ttl" | "views")) =>
            {
                (
                    "set-password-validation-error",
                    "The password and/or the TTL are invalid.",
                    params,
                )
            }
            Error::Invalid(params) => (
                "validation-error",
                "The request is invalid; see invalid-params.",
                params,
            ),
            Error::Unauthorized {
                bootstrap_hint: false,
            } => (
                "unauthorized",
                "A valid API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.",
                vec![],
            ),
            Error::Unauthorized {
                bootstrap_hint: true,
            } => (
                "not-bootstrapped",
                "No API key exists on this server yet. Bootstrap it first: POST /api/v2/bootstrap with the bootstrap token \
                 (HUSHLINK_BOOTSTRAP_TOKEN), or set HUSHLINK_ADMIN_KEY_SHA256, or run `hushlink bootstrap` on the host.",
                vec![],
            ),
            Error::Forbidden => (
                "forbidden",
                "This API key lacks the scope this route needs.",
                vec![],
            ),
            Error::NoSuchKey => (
                "api-key-not-found",
                "No API key has that name.",
                vec![InvalidParam {
                    name: "name".into(),
                    reason: None,
                }],
            ),
            Error::Conflict(Conflict::NameTaken) => (
                "api-key-name-taken",
                "An API key with that name already exists.",
                vec![InvalidParam::new("name", "Choose another name.")],
            ),
            Error::Conflict(Conflict::LastAdmin) => (
                "last-admin-key",
                "That would leave no active admin key; create another admin key first.",
                vec![],
            ),
            Error::Conflict(Conflict::AlreadyBootstrapped) => (
                "already-bootstrapped",
                "This server has already been bootstrapped; use an admin key to manage keys.",
                vec![],
            ),
            Error::Conflict(Conflict::Busy) => (
                "busy",
                "API keys were being changed concurrently; nothing was changed, try again.",
                vec![],
            ),
            Error::MethodNotAllowed => (
                "method-not-allowed",
                "This route does not take that method; the Allow header lists those it takes.",
                vec![],
            ),
            Error::TooManyAttempts { .. } => (
                "too-many-attempts",
                "Too many failed attempts from this address; wait before trying again.",
                vec![],
            ),
            Error::TooLarge => (
                "payload-too-large",
                "The request or the secret is larger than this server accepts.",
                vec![],
            ),
            Error::NoSuchReceipt => (
                "receipt-not-found",
                "No receipt has that token: it was never issued, is malformed, or is past its retention.",
                vec![InvalidParam {
                    name: "token".into(),
                    reason: None,
                }],
            ),
            Error::AlreadyEnded(_) => (
                "secret-already-ended",
                "The secret's life had already ended (see state); there was nothing left to burn.",
                vec![],
            ),
            Error::StorageFull { .. } => (
                "insufficient-storage",
                "The server is out of disk space for new secrets: its free space is below HUSHLINK_MIN_FREE_DISK. \
                 Nothing was stored. Existing secrets can still be revealed; try again once space has been freed.",
                vec![],
            ),
            Error::Store(_) if status == StatusCode::SERVICE_UNAVAILABLE => (
                "store-unavailable",
                "The secret store is unavailable. Nothing was changed; try again shortly.",
                vec![],
            ),
            Error::Store(_) => (
                "internal-error",
                "The server failed to handle the request.",
                vec![],
            ),
        };
        let title = match (status, self.max_secret_bytes) {
            (StatusCode::PAYLOAD_TOO_LARGE, Some(limit)) => {
                format!("{title} A secret may have at most {limit} bytes.")
            }
            _ => title.to_owned(),
        };
        let body = Problem {
            kind: format!("{}{slug}", self.base_url),
            title,
            invalid_params: params,
            attempts_left,
            state: ended,
        };
        let mut response = (status, Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Some(secs) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if status == StatusCode::UNAUTHORIZED {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

// Only describes the body: handlers read it as a JSON value and check it
// field by field (`read_new_secret`), so each wrong type is a 400 naming
// its field. `required = false` on plain types: absent is fine, null is not.
/// A secret to store.
#[derive(ToSchema)]
#[allow(dead_code)]
pub struct NewSecretRequest {
    /// The secret. At most `HUSHLINK_MAX_SECRET_BYTES` bytes (256 KiB by default).
    #[schema(min_length = 1, example = "correct horse battery staple")]
    password: String,
    /// Lifetime in seconds, at most `HUSHLINK_MAX_TTL` (default and maximum
    /// 1209600, two weeks). A string of digits is accepted too.
    #[schema(required = false, minimum = 1, maximum = 1209600, example = 3600)]
    ttl: u64,
    /// How many reveals the link allows (hushlink; SnapPass allows one).
    #[schema(required = false, minimum = 1, maximum = 100, example = 1)]
    views: u32,
}

/// A validated create request.
struct NewSecret {
    /// Wiped from memory when the request is done with it.
    password: Zeroizing<String>,
    ttl: Ttl,
    views: Views,
}

/// The `ttl` and `views` fields that every create body shares (SnapPass's
/// REST API, and the zero-knowledge API), checked in one place: a missing
/// field takes its default, a bad one is added to `invalid` (naming the
/// field) and comes back `None`.
pub(super) fn lifetime_fields(
    fields: &serde_json::Map<String, Value>,
    max_ttl: u64,
    invalid: &mut Vec<InvalidParam>,
) -> (Option<Ttl>, Option<Views>) {
    let ttl = match fields.get("ttl") {
        None => Ttl::parse(DEFAULT_TTL_SECS.min(max_ttl), max_ttl).ok(),
        Some(v) => match whole_number(v)
            .ok_or("The TTL must be a whole number of seconds.")
            .and_then(|n| Ttl::parse(n, max_ttl))
        {
            Ok(ttl) => Some(ttl),
            Err(reason) => {
                invalid.push(InvalidParam::new("ttl", reason));
                None
            }
        },
    };
    let views = match fields.get("views") {
        None => Some(Views::ONE),
        Some(v) => match whole_number(v)
            .ok_or("Views must be a whole number from 1 to 100.")
            .and_then(Views::parse)
        {
            Ok(views) => Some(views),
            Err(reason) => {
                invalid.push(InvalidParam::new("views", reason));
                None
            }
        },
    };
    (ttl, views)
}

/// Reads and validates a create request body, naming every bad field.
async fn read_new_secret(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
) -> Result<NewSecret, Error> {
    let bytes = read_limited(headers, body, json_limit(state.limits.max_secret_bytes)).await?;
    let parsed = serde_json::from_slice::<Value>(&bytes);
    wipe(bytes);
    let value =
        parsed.map_err(|_| Error::invalid("body", "The request body must be a JSON object."))?;
    let Value::Object(mut fields) = value else {
        return Err(Error::invalid(
            "body",
            "The request body must be a JSON object.",
        ));
    };

    let mut invalid = Vec::new();
    // Taken out of the parsed body, not copied, so the one copy is wiped.
    let password = match fields.remove("password") {
        Some(Value::String(p)) if !p.is_empty() => Some(Zeroizing::new(p)),
        Some(Value::String(_)) | Some(Value::Null) | None => {
            invalid.push(InvalidParam::new(
                "password",
                "The password is required and should not be null or empty.",
            ));
            None
        }
        Some(_) => {
            invalid.push(InvalidParam::new(
                "password",
                "The password must be a string.",
            ));
            None
        }
    };
    let (ttl, views) = lifetime_fields(&fields, state.limits.max_ttl, &mut invalid);
    match (password, ttl, views) {
        (Some(password), Some(ttl), Some(views)) if invalid.is_empty() => {
            if password.len() > state.limits.max_secret_bytes {
                return Err(Error::TooLarge);
            }
            Ok(NewSecret {
                password,
                ttl,
                views,
            })
        }
        _ => Err(Error::Invalid(invalid)),
    }
}

/// A non-negative integer, or a string of ASCII digits (SnapPass accepts
/// `"600"` through Python's `int()`). A number written with a zero
/// fraction (`600.0`) counts, as it does in JSON Schema. Booleans,
/// fractions, negatives, null and containers are refused.
pub(super) fn whole_number(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && (0.0..9.0e15).contains(f))
                .map(|f| f as u64)
        }),
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        }
        _ => None,
    }
}

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
    let new = read_new_secret(&state, &headers, body)
        .await
        .map_err(|e| ApiError::new(e, &ctx))?;
    let (receipt, new_receipt) = state.receipts.issue_for(&caller);
    let token = state
        .secrets
        .create(new.password.as_bytes(), new.ttl, new.views, new_receipt)
        .await
        .map_err(|e| ApiError::new(e, &ctx))?;
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
    let new = read_new_secret(&state, &headers, body)
        .await
        .map_err(|e| ApiError::new(e, &ctx))?;
    let (receipt, new_receipt) = state.receipts.issue_for(&caller);
    let token = state
        .secrets
        .create(new.password.as_bytes(), new.ttl, new.views, new_receipt)
        .await
        .map_err(|e| ApiError::new(e, &ctx))?;
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
    ctx: Ctx,
    Segment(segment): Segment,
) -> Result<Response, ApiError> {
    let revealed = match segment.and_then(|s| state.secrets.parse_token(&s)) {
        Some(token) => state.secrets.reveal(&token).await,
        None => Err(Error::NotFound),
    };
    state.metrics.reveal(Via::Api, &revealed);
    let revealed = revealed.map_err(|e| ApiError::new(e, &ctx))?;
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
    let checked = async {
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
    };
    match checked.await {
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_numbers() {
        assert_eq!(whole_number(&json!(600)), Some(600));
        assert_eq!(whole_number(&json!("600")), Some(600));
        assert_eq!(whole_number(&json!(600.0)), Some(600));
        for bad in [
            json!(-1),
            json!(1.5),
            json!(-2.0),
            json!(1e300),
            json!(null),
            json!(true),
            json!([1]),
            json!("abc"),
            json!(""),
            json!("1e3"),
        ] {
            assert_eq!(whole_number(&bad), None, "{bad}");
        }
    }
}
