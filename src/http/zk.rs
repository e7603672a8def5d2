//! The zero-knowledge API: `/api/v2/secrets` (create), `/api/v2/secrets/{id}`
//! (metadata, `HEAD` check) and `/api/v2/secrets/{id}/reveal`.
//!
//! The server sees envelopes it cannot open (`docs/FORMAT.md`). Input is
//! parsed into the documented request types and checked field by field
//! like the SnapPass routes, so each bad field gets a problem document
//! naming it; the envelope's header is parsed here (it is not secret) so
//! that nothing the server could not serve back is stored. The proof arrives in a POST body,
//! never in a URL, and no handler logs an id, a proof or an envelope.

use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use super::AppState;
use super::api::Link;
use super::auth::Creator;
use super::body::{read_limited, wipe};
use super::context::Ctx;
use super::input::{json_object, lifetime, present};
use super::problem::{ApiError, CreateErrors, Problem};
use super::receipts::ReceiptLink;
use crate::error::{Error, InvalidParam};
use crate::metrics::Via;
use crate::receipt::ReceiptToken;
use crate::secret::{Ttl, Views};
use crate::token::ZkId;
use crate::zk::service::{Created, NewZkSecret};
use crate::zk::{self, CHECK_LEN, Envelope, FormatError, Kdf, Kind, PROOF_LEN};

/// Room for the envelope's header, the content header and a file name.
const ENVELOPE_OVERHEAD: usize = 1024;

/// The largest envelope accepted for secrets of at most `max_secret` bytes.
pub fn max_envelope(max_secret: usize) -> usize {
    max_secret.saturating_add(ENVELOPE_OVERHEAD)
}

/// The largest create body: the envelope in base64 (4/3) plus the fields.
fn body_limit(max_secret: usize) -> usize {
    max_envelope(max_secret)
        .saturating_mul(4)
        .div_ceil(3)
        .saturating_add(16 * 1024)
}

// What the body is parsed into, and what the OpenAPI description
// documents: each field kept as the JSON value that arrived and checked in
// `read_new`, so one answer names every bad field (`http::input`).
/// A zero-knowledge secret to store: encrypted by the client.
#[derive(Deserialize, ToSchema)]
pub struct NewZkRequest {
    /// The envelope (docs/FORMAT.md), URL-safe base64 without padding.
    #[serde(default, deserialize_with = "present")]
    #[schema(
        value_type = String,
        required = true,
        min_length = 40,
        pattern = "^[A-Za-z0-9_-]+$",
        example = "AQEAoKGio6SlpqeoqaqrDXaJLuQ4sYdH5FjZu8abyiOFV-Bcw9KWOhr1w_8xUgRygBbmM0SY7nAbOVo4_Jo"
    )]
    envelope: Option<Value>,
    /// SHA-256 of the proof, URL-safe base64 without padding (43 characters).
    #[serde(default, deserialize_with = "present")]
    #[schema(
        value_type = String,
        required = true,
        min_length = 43,
        max_length = 43,
        pattern = "^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$",
        example = "yvLNtGxgI9-qzuSBCfyhC2u40dptovdZ2Hwk1Q013dw"
    )]
    verifier: Option<Value>,
    /// The key check, URL-safe base64 without padding (22 characters).
    #[serde(default, deserialize_with = "present")]
    #[schema(
        value_type = String,
        required = true,
        min_length = 22,
        max_length = 22,
        pattern = "^[A-Za-z0-9_-]{21}[AQgw]$",
        example = "hpK9l0J42NRaf3nFYALP7Q"
    )]
    key_check: Option<Value>,
    /// Lifetime in seconds, at most `HUSHLINK_MAX_TTL`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = u64, required = false, minimum = 1, maximum = 1209600, example = 3600)]
    ttl: Option<Value>,
    /// How many reveals the link allows.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = u32, required = false, minimum = 1, maximum = 100, example = 1)]
    views: Option<Value>,
}

/// A base64url field of exactly `N` bytes, or the reason it is not.
fn fixed_field<const N: usize>(
    value: Option<&Value>,
    name: &str,
    invalid: &mut Vec<InvalidParam>,
) -> Option<[u8; N]> {
    match value {
        Some(Value::String(s)) => match zk::decode_fixed::<N>(s) {
            Ok(bytes) => Some(bytes),
            Err(_) => {
                invalid.push(InvalidParam::new(
                    name,
                    &format!("Must be {N} bytes in URL-safe base64 without padding."),
                ));
                None
            }
        },
        _ => {
            invalid.push(InvalidParam::new(
                name,
                "Required: a string of URL-safe base64.",
            ));
            None
        }
    }
}

pub(super) async fn read_new(
    state: &AppState,
    headers: &HeaderMap,
    body: Body,
) -> Result<NewZkSecret, Error> {
    let max_secret = state.limits.max_secret_bytes;
    let bytes = read_limited(headers, body, body_limit(max_secret)).await?;
    let new: NewZkRequest = json_object(&bytes)?;
    let mut invalid = Vec::new();
    let envelope = match new.envelope.as_ref() {
        Some(Value::String(s)) => match zk::unb64(s) {
            Ok(bytes) if bytes.len() > max_envelope(max_secret) => return Err(Error::TooLarge),
            Ok(bytes) => match Envelope::parse(bytes) {
                Ok(envelope) => Some(envelope),
                Err(e) => {
                    invalid.push(InvalidParam::new("envelope", envelope_reason(&e)));
                    None
                }
            },
            Err(_) => {
                invalid.push(InvalidParam::new(
                    "envelope",
                    "Must be URL-safe base64 without padding.",
                ));
                None
            }
        },
        _ => {
            invalid.push(InvalidParam::new(
                "envelope",
                "Required: the envelope in URL-safe base64.",
            ));
            None
        }
    };
    let verifier = fixed_field::<32>(new.verifier.as_ref(), "verifier", &mut invalid);
    let key_check = fixed_field::<CHECK_LEN>(new.key_check.as_ref(), "key_check", &mut invalid);
    let (ttl, views) = lifetime(
        new.ttl.as_ref(),
        new.views.as_ref(),
        state.limits.max_ttl,
        &mut invalid,
    );
    match (envelope, verifier, key_check, ttl, views) {
        (Some(envelope), Some(verifier), Some(key_check), Some(ttl), Some(views))
            if invalid.is_empty() =>
        {
            Ok(NewZkSecret {
                envelope,
                verifier,
                key_check,
                ttl,
                views,
            })
        }
        _ => Err(Error::Invalid(invalid)),
    }
}

fn envelope_reason(e: &FormatError) -> &'static str {
    match e {
        FormatError::Truncated => "The envelope is truncated.",
        FormatError::UnknownVersion(_) => "Unknown format version: this server reads version 1.",
        FormatError::UnknownKind(_) => "Unknown kind.",
        FormatError::UnsupportedKind(_) => "This kind is reserved and not supported yet.",
        FormatError::UnknownKdf(_) => "Unknown key derivation.",
        FormatError::Iterations => "PBKDF2 iterations must be from 600000 to 10000000.",
        FormatError::Encoding => "Must be URL-safe base64 without padding.",
    }
}

/// The answer to a create.
#[derive(Serialize, ToSchema)]
pub struct ZkCreated {
    /// The secret's id (32 hex). It opens nothing.
    id: String,
    /// `self` (the metadata route) and `web-view` (the page; the client
    /// appends `#` and the link key, which the server never sees).
    links: [Link; 2],
    /// Lifetime in seconds.
    ttl: u64,
    /// Reveals allowed.
    views: u32,
    /// Unix seconds.
    expires_at: u64,
    /// The sender's receipt: what happened to the secret, and how to burn it.
    receipt: ReceiptLink,
}

/// The web page of a zero-knowledge secret, without its fragment.
pub fn web_path(id: &ZkId) -> String {
    format!("s/{}", id.as_str())
}

/// `POST /api/v2/secrets`: stores a zero-knowledge secret.
#[utoipa::path(
    post,
    path = "/api/v2/secrets",
    operation_id = "zk_create",
    tag = "zero-knowledge",
    request_body = NewZkRequest,
    security((), ("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Stored. Send `links[web-view].href` + `#` + the link key.", body = ZkCreated),
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
    let new = read_new(&state, &headers, body).await?;
    let (ttl, views) = (new.ttl, new.views);
    let (receipt, new_receipt) = state.receipts.issue_for(&caller);
    let created = state.zk.create(new, new_receipt).await?;
    state.metrics.secret_created(Via::Api);
    Ok(created_response(&ctx, &created, ttl, views, &receipt))
}

/// The answer to a create, from the API or from the form's script.
pub(super) fn created_response(
    ctx: &Ctx,
    created: &Created,
    ttl: Ttl,
    views: Views,
    receipt: &ReceiptToken,
) -> Response {
    let id = created.id.as_str();
    Json(ZkCreated {
        id: id.to_owned(),
        links: [
            Link::new("self", format!("{}api/v2/secrets/{id}", ctx.base_url)),
            Link::new(
                "web-view",
                format!("{}{}", ctx.base_url, web_path(&created.id)),
            ),
        ],
        ttl: ttl.secs(),
        views: views.get(),
        expires_at: created.expires_at,
        receipt: ReceiptLink::new(ctx, receipt),
    })
    .into_response()
}

/// PBKDF2 parameters a reader needs before deriving.
#[derive(Serialize, ToSchema)]
pub struct KdfParams {
    #[schema(example = "PBKDF2-HMAC-SHA256")]
    name: &'static str,
    #[schema(example = 600000)]
    iterations: u32,
    /// URL-safe base64, 16 bytes.
    salt: String,
}

/// What anyone with the id may know. Reading it consumes nothing.
#[derive(Serialize, ToSchema)]
pub struct ZkMetadata {
    id: String,
    /// The envelope's format version.
    version: u8,
    #[schema(example = "secret")]
    kind: &'static str,
    views_left: u32,
    /// Unix seconds.
    expires_at: u64,
    /// Whether the reader must type a passphrase.
    passphrase: bool,
    /// The passphrase's key derivation; null without a passphrase.
    kdf: Option<KdfParams>,
    /// Compare with the one derived from the link key: a mismatch is a
    /// damaged link (do not send a proof).
    key_check: String,
    /// Wrong passphrases still allowed before the secret is destroyed.
    attempts_left: u32,
}

fn parse_id(segment: &str) -> Result<ZkId, Error> {
    ZkId::parse(segment).ok_or(Error::NotFound)
}

/// `GET /api/v2/secrets/{id}`: metadata; consumes nothing.
#[utoipa::path(
    get,
    path = "/api/v2/secrets/{id}",
    operation_id = "zk_metadata",
    tag = "zero-knowledge",
    params(("id" = String, Path, description = "The secret's id (32 hex).")),
    responses(
        (status = 200, description = "The secret is there; nothing was consumed.", body = ZkMetadata),
        (status = 404, description = "Missing, expired or used up (one answer for all three).", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is unavailable.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn metadata(
    State(state): State<AppState>,
    _host_checked: Ctx,
    Path(segment): Path<String>,
) -> Result<Response, ApiError> {
    let id = parse_id(&segment)?;
    let meta = state.zk.metadata(&id).await?;
    let kdf = match meta.kdf {
        Kdf::None => None,
        Kdf::Pbkdf2 { iterations, salt } => Some(KdfParams {
            name: "PBKDF2-HMAC-SHA256",
            iterations,
            salt: zk::b64(&salt),
        }),
    };
    Ok(Json(ZkMetadata {
        id: id.as_str().to_owned(),
        version: zk::VERSION,
        kind: match meta.kind {
            Kind::Secret => "secret",
        },
        views_left: meta.views_left,
        expires_at: meta.expires_at,
        passphrase: kdf.is_some(),
        kdf,
        key_check: zk::b64(&meta.key_check),
        attempts_left: meta.attempts_left,
    })
    .into_response())
}

/// `HEAD /api/v2/secrets/{id}`: exists? Consumes nothing.
#[utoipa::path(
    head,
    path = "/api/v2/secrets/{id}",
    operation_id = "zk_check",
    tag = "zero-knowledge",
    params(("id" = String, Path, description = "The secret's id (32 hex).")),
    responses(
        (status = 200, description = "The secret is there.", headers(("x-views-remaining" = u32, description = "Reveals left"))),
        (status = 404, description = "Missing, expired or used up (one answer for all three)."),
        (status = 503, description = "The store is unavailable."),
    )
)]
pub async fn check(State(state): State<AppState>, Path(segment): Path<String>) -> Response {
    let Ok(id) = parse_id(&segment) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match state.zk.views_left(&id).await {
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

/// The proof of possession.
#[derive(Deserialize, ToSchema)]
pub struct RevealRequest {
    /// HKDF(IKM, "hushlink/v1/proof"): 32 bytes, URL-safe base64 without padding.
    #[serde(default, deserialize_with = "present")]
    #[schema(
        value_type = String,
        required = true,
        min_length = 43,
        max_length = 43,
        pattern = "^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$",
        example = "Lsul4X4AxDfLbLKg-4CjqTNM9JRyOURPd3S0Huwar-0"
    )]
    proof: Option<Value>,
}

/// The envelope, for the reader to open.
#[derive(Serialize, ToSchema)]
pub struct ZkRevealed {
    /// URL-safe base64 without padding.
    envelope: String,
    /// Reveals left after this one (0: destroyed).
    views_left: u32,
}

/// `POST /api/v2/secrets/{id}/reveal`: releases the envelope for a right
/// proof, consuming one view.
#[utoipa::path(
    post,
    path = "/api/v2/secrets/{id}/reveal",
    operation_id = "zk_reveal",
    tag = "zero-knowledge",
    params(("id" = String, Path, description = "The secret's id (32 hex).")),
    request_body = RevealRequest,
    responses(
        (status = 200, description = "The envelope; its last view deletes the secret, durably, before this answer is sent.", body = ZkRevealed,
            headers(("x-views-remaining" = u32, description = "Reveals left"))),
        (status = 400, description = "The body is not a JSON object with a 32-byte proof: no view or attempt was used.", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Wrong proof (wrong passphrase): no view used; `attempts-left` says how many remain.", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Missing, expired or used up (one answer for all three).", body = Problem, content_type = "application/problem+json"),
        (status = 410, description = "That wrong proof was the last allowed: the secret is destroyed.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is too large.", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is unavailable; nothing was consumed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn reveal(
    State(state): State<AppState>,
    _host_checked: Ctx,
    Path(segment): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = read_limited(&headers, body, 4 * 1024).await?;
    let request = json_object::<RevealRequest>(&bytes);
    wipe(bytes);
    let request = request?;
    let mut invalid = Vec::new();
    let proof =
        fixed_field::<PROOF_LEN>(request.proof.as_ref(), "proof", &mut invalid).map(Zeroizing::new);
    // The proof opens the secret once: its copies are wiped after use.
    if let Some(Value::String(text)) = request.proof {
        drop(Zeroizing::new(text));
    }
    let proof = proof.ok_or(Error::Invalid(invalid))?;
    // A malformed id is a 404 after the body is checked, so a bad body is
    // always a 400 whatever the id.
    let revealed = match parse_id(&segment) {
        Ok(id) => state.zk.reveal(&id, &proof).await,
        Err(e) => Err(e),
    };
    state
        .metrics
        .zk_reveal(revealed.as_ref().map(|r| r.views_left));
    let revealed = revealed?;
    Ok((
        [("x-views-remaining", revealed.views_left.to_string())],
        Json(ZkRevealed {
            envelope: zk::b64(&revealed.envelope),
            views_left: revealed.views_left,
        }),
    )
        .into_response())
}
