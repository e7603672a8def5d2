//! The receipt API: `GET /api/v2/receipts/{token}` (what happened to the
//! secret) and `DELETE /api/v2/receipts/{token}` (burn it now), and the
//! `receipt` object every create answers with.
//!
//! A receipt token is a capability like a link: it is parsed at the edge
//! (a malformed one is a 404 without touching the store), never logged
//! (the access log keeps the route template), and the answers name neither
//! the secret, its link nor its token, nor anything about its readers.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use super::AppState;
use super::context::{Ctx, Segment};
use super::problem::{ApiError, Problem};
use crate::error::Error;
use crate::receipt::{ReceiptToken, Status};

/// The sender's handle on a new secret (the extra field of every create's
/// answer; SnapPass clients ignore it). Keep it private: it shows what
/// happened to the secret and can destroy it.
#[derive(Serialize, ToSchema)]
pub struct ReceiptLink {
    /// `hlr_` + 43 base64url characters. The server keeps only its SHA-256.
    #[schema(example = "hlr_2n6Bq3yQdWl9mS0Kx7cJfV1pA4eRtZuHgYbN8oLwXiE")]
    pub token: String,
    /// The receipt's API address (`GET` to read, `DELETE` to burn).
    pub href: String,
    /// The receipt's public id: webhook events name the secret by it. It
    /// opens nothing (a hash of the token's hash).
    #[schema(example = "rcpt_5d41402abc4b2a76b9719d911017c592")]
    pub id: String,
}

impl ReceiptLink {
    pub fn new(ctx: &Ctx, token: &ReceiptToken) -> Self {
        ReceiptLink {
            token: token.expose().to_owned(),
            href: format!("{}api/v2/receipts/{}", ctx.base_url, token.expose()),
            id: crate::webhook::receipt_id(token.hash()),
        }
    }
}

/// The receipt token from the path; anything malformed names no receipt.
pub fn parse(segment: Option<String>) -> Result<ReceiptToken, Error> {
    segment
        .as_deref()
        .and_then(ReceiptToken::parse)
        .ok_or(Error::NoSuchReceipt)
}

/// `GET /api/v2/receipts/{token}`: the secret's state and events.
#[utoipa::path(
    get,
    path = "/api/v2/receipts/{token}",
    operation_id = "receipt_status",
    tag = "receipts",
    params(("token" = String, Path, description = "The receipt token (`hlr_…`) from the create's answer.")),
    responses(
        (status = 200, description = "The secret's life so far. Never the secret, its link or token, or a reader's address.", body = Status),
        (status = 404, description = "No such receipt (never issued, malformed, or past its retention).", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is unavailable.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn status(
    State(state): State<AppState>,
    _host_checked: Ctx,
    Segment(segment): Segment,
) -> Result<Json<Status>, ApiError> {
    let token = parse(segment)?;
    Ok(Json(state.receipts.status(&token).await?))
}

/// `DELETE /api/v2/receipts/{token}`: destroys the secret at once.
#[utoipa::path(
    delete,
    path = "/api/v2/receipts/{token}",
    operation_id = "receipt_burn",
    tag = "receipts",
    params(("token" = String, Path, description = "The receipt token (`hlr_…`) from the create's answer.")),
    responses(
        (status = 204, description = "Burned (now or before): the link answers 404 from now on and the receipt says `burned`."),
        (status = 404, description = "No such receipt (never issued, malformed, or past its retention).", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The secret's life had already ended (`state` says how: viewed, expired or destroyed); nothing was burned.", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The store is unavailable; nothing was changed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn burn(
    State(state): State<AppState>,
    _host_checked: Ctx,
    Segment(segment): Segment,
) -> Result<Response, ApiError> {
    let token = parse(segment)?;
    state.receipts.burn(&token).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
