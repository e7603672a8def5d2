//! How errors leave the http layer: the API's RFC 7807 problem document,
//! the two error types handlers return ([`ApiError`], [`PageError`]), and
//! the error sets the OpenAPI annotations document. A leaf: it imports
//! nothing from the handler modules, so every handler can use it without
//! import cycles.
//!
//! ## Why rendering waits for a layer
//!
//! A problem document's `type` starts with the request's base URL, and an
//! error page is in the visitor's language: both need the request, which a
//! handler's `?` does not have. So the error types carry only the domain
//! [`Error`]; their `IntoResponse` sets the status and leaves the error in
//! the response's extensions ([`Unrendered`]), and the error layer of the
//! router's edge (`http::edge`), which saw the request, renders the document
//! or the page. This is the pattern axum's examples use for context-dependent
//! errors; it is what lets every handler return `Result<_, ApiError>` and
//! use `?` on any `Result<_, Error>` (or `StoreError`) without passing its
//! context around. A response that passes no such layer (a router built
//! without it) would have an empty body: both routers in `http` add it.
//!
//! ## Writing a handler
//!
//! ```ignore
//! #[utoipa::path(post, path = "/api/v2/things", responses((status = 200, body = Thing), CreateErrors))]
//! pub async fn create(State(state): State<AppState>, ctx: Ctx, body: Body) -> Result<Json<Thing>, ApiError> {
//!     let thing = state.things.create(read(body).await?).await?; // any Result<_, Error>
//!     Ok(Json(thing))
//! }
//! ```
//!
//! An API route returns `ApiError`, a page returns `PageError`; take `Ctx`
//! when the answer builds links (it also refuses a `Host` this server does
//! not serve), and name the handler only in the router (`http::openapi` for
//! API routes, `http::router` for pages).

use std::sync::Arc;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{Conflict, Error, InvalidParam};

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

/// An error on an API route (or a JSON answer of a page route): rendered
/// as `application/problem+json` by the router's error layer.
#[derive(Debug)]
pub struct ApiError(pub Error);

/// An error on a page route: rendered as a page in the visitor's language
/// by the router's error layer.
/// Its relative asset URLs follow the request's depth (the layer sees the
/// path), so a page error at `/r/{token}` or `/_/oidc/login` keeps its style.
#[derive(Debug)]
pub struct PageError(Error);

// `?` turns any error of the domain (`Error`, `StoreError`) into either.
impl<E: Into<Error>> From<E> for ApiError {
    fn from(e: E) -> Self {
        ApiError(e.into())
    }
}

impl<E: Into<Error>> From<E> for PageError {
    fn from(e: E) -> Self {
        PageError(e.into())
    }
}

/// What an error response carries until the error layer renders it.
#[derive(Clone, Debug)]
pub struct Unrendered {
    pub error: Arc<Error>,
    pub form: Form,
}

/// How an [`Unrendered`] error is to be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A problem document.
    Problem,
    /// A message page.
    Page,
}

fn unrendered(error: Error, form: Form) -> Response {
    let mut response = error.status().into_response();
    response.extensions_mut().insert(Unrendered {
        error: Arc::new(error),
        form,
    });
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        unrendered(self.0, Form::Problem)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        unrendered(self.0, Form::Page)
    }
}

/// The problem document for `error`: its `type` is `base_url` plus a slug,
/// as SnapPass writes them; a 413 states the largest secret.
pub fn render_problem(error: &Error, base_url: &str, max_secret_bytes: usize) -> Response {
    error.log();
    let status = error.status();
    let retry_after = match &error {
        Error::TooManyAttempts { retry_after_secs }
        | Error::TooManyCreates { retry_after_secs } => Some(*retry_after_secs),
        _ if status == StatusCode::SERVICE_UNAVAILABLE => Some(5),
        _ => None,
    };
    let attempts_left = match &error {
        Error::WrongProof { attempts_left } => Some(*attempts_left),
        Error::Destroyed => Some(0),
        _ => None,
    };
    let ended = match &error {
        Error::AlreadyEnded(state) => Some(*state),
        _ => None,
    };
    let (slug, title, params): (&str, &str, Vec<InvalidParam>) = match error {
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
                params.clone(),
            )
        }
        Error::Invalid(params) => (
            "validation-error",
            "The request is invalid; see invalid-params.",
            params.clone(),
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
        Error::TooManyCreates { .. } => (
            "too-many-creates",
            "Too many secrets were created from this address (HUSHLINK_CREATE_RATE), or with this API key \
             (its own create rate). Nothing was stored; try again after Retry-After seconds.",
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
        Error::OverQuota { .. } => (
            "storage-quota-reached",
            "The server's storage quota for secrets (HUSHLINK_MAX_STORED_BYTES) is reached: this secret would exceed it. \
             Nothing was stored. Existing secrets can still be revealed; room comes back as secrets are revealed, \
             burned or expire.",
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
    let title = if status == StatusCode::PAYLOAD_TOO_LARGE {
        format!("{title} A secret may have at most {max_secret_bytes} bytes.")
    } else {
        title.to_owned()
    };
    let body = Problem {
        kind: format!("{base_url}{slug}"),
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

/// The error answers both create routes share, as documented (each is a
/// problem document; the handlers' own error type decides when).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum CreateErrors {
    /// A missing or empty password, a bad TTL or view count, a body that is not a JSON object,
    /// or a `Host` this server does not build links for (`HUSHLINK_ALLOWED_HOSTS`).
    #[response(status = 400, content_type = "application/problem+json")]
    Invalid(Problem),
    /// Keys are required (`HUSHLINK_API_AUTH=required`) and none usable was sent, or (in any
    /// mode) a key was sent that is malformed, unknown, expired or disabled.
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(Problem),
    /// The key lacks the `create` scope.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
    /// The body did not arrive whole within `HUSHLINK_BODY_TIMEOUT`; the connection is closed.
    #[response(status = 408, content_type = "application/problem+json")]
    BodyTimeout(Problem),
    /// The body or the secret is over the size limit (the title states the largest secret in bytes).
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(Problem),
    /// More creates from this client address than `HUSHLINK_CREATE_RATE` allows, or from this API key than
    /// its own `create_rate` allows; see `Retry-After`.
    #[response(status = 429, content_type = "application/problem+json",
               headers(("retry-after" = u64, description = "Seconds to wait")))]
    TooMany(Problem),
    /// The store is unavailable; nothing was stored.
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(Problem),
    /// No room for this secret: the server's disk is (nearly) full (`HUSHLINK_MIN_FREE_DISK`, `type` ending in
    /// `insufficient-storage`), or the secrets held plus this one would exceed the storage quota
    /// (`HUSHLINK_MAX_STORED_BYTES`, `type` ending in `storage-quota-reached`); nothing was stored, reveals still work.
    #[response(status = 507, content_type = "application/problem+json")]
    InsufficientStorage(Problem),
}

/// The error answers every key-management route shares.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum AdminErrors {
    /// No usable API key (missing, malformed, unknown, expired or disabled: one answer for all).
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(Problem),
    /// The key lacks the `admin` scope.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
    /// The store is unavailable, or keys were changed concurrently; nothing was changed.
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(Problem),
}
