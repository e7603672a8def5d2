//! Who may call a route: API keys on the public port, the operator on the
//! local admin socket.
//!
//! A key arrives as `Authorization: Bearer <key>` or `X-Api-Key: <key>`.
//! Requests that came through the admin socket in the data directory carry
//! [`LocalAdmin`] instead: that socket is owner-only, so reaching it is the
//! credential (as with a database's local socket). Revealing a secret never
//! passes through here: the link is the capability.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::context::Ctx;
use super::problem::ApiError;
use crate::apikey::Scope;
use crate::config::{ApiAuth, Config};
use crate::error::Error;
use crate::keys::Caller;

/// Marks a request that arrived on the local admin socket.
#[derive(Debug, Clone, Copy)]
pub struct LocalAdmin;

/// The key presented with a request, if any. A header that is there but
/// not readable as text counts as presenting an empty key, which no key
/// matches: what was presented must check out.
pub fn presented_key(headers: &HeaderMap) -> Option<&str> {
    if let Some(auth) = headers.get(header::AUTHORIZATION) {
        let Ok(auth) = auth.to_str() else {
            return Some("");
        };
        let (scheme, rest) = auth.trim().split_once(' ').unwrap_or((auth, ""));
        if scheme.eq_ignore_ascii_case("bearer") {
            return Some(rest.trim());
        }
    }
    headers
        .get("x-api-key")
        .map(|v| v.to_str().map_or("", str::trim))
}

/// Checks the caller for `needed`, or the local socket.
async fn caller(parts: &Parts, state: &AppState, needed: Scope) -> Result<Caller, Error> {
    if parts.extensions.get::<LocalAdmin>().is_some() {
        return Ok(Caller::Local);
    }
    match presented_key(&parts.headers) {
        Some(key) if !key.is_empty() => state.keys.authenticate(key, needed).await,
        _ => Err(state.keys.unauthorized().await),
    }
}

/// Whether the request may create a secret through an API (the two JSON
/// APIs and the form's JSON answer). A key that is presented must check
/// out in every mode, even `open` where none is needed: a pipeline with a
/// stale or revoked key finds out at once instead of when keys become
/// required. With no key: anyone while `HUSHLINK_API_AUTH=open`, else 401.
pub async fn authorize_create(state: &AppState, headers: &HeaderMap) -> Result<Caller, Error> {
    match presented_key(headers) {
        Some(key) if !key.is_empty() => state.keys.authenticate(key, Scope::Create).await,
        // An empty header is a key variable that was never set.
        Some(_) => Err(state.keys.unauthorized().await),
        None if state.api_auth == ApiAuth::Open => Ok(Caller::Anonymous),
        None => Err(state.keys.unauthorized().await),
    }
}

/// Logs, at start-up, settings that leave a door open that the operator
/// probably meant to close: keys required on the APIs while the form
/// (which needs none) is served to anyone.
pub fn warn_about_open_doors(config: &Config) {
    let signin = config
        .oidc
        .issuer
        .as_deref()
        .is_some_and(|i| !i.trim().is_empty());
    if config.api_auth == ApiAuth::Required && config.web_form && !signin {
        tracing::warn!(
            "HUSHLINK_API_AUTH=required, but the create form is served to anyone: people \
             (and scripts posting the form) can still make secrets without a key. \
             Set HUSHLINK_WEB_FORM=off to allow creates through the APIs only, or require \
             sign-in (HUSHLINK_OIDC_ISSUER)."
        );
    }
}

/// A caller allowed to manage API keys.
pub struct Admin(pub Caller);

impl FromRequestParts<AppState> for Admin {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        // The Host is checked first, as in every handler that takes `Ctx`.
        Ctx::from_request_parts(parts, state).await?;
        let caller = caller(parts, state, Scope::Admin).await;
        caller.map(Admin).map_err(|e| ApiError(e).into_response())
    }
}

/// A caller allowed to create secrets through the APIs: see
/// [`authorize_create`].
pub struct Creator(pub Caller);

impl FromRequestParts<AppState> for Creator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        Ctx::from_request_parts(parts, state).await?;
        let caller = authorize_create(state, &parts.headers).await;
        caller.map(Creator).map_err(|e| ApiError(e).into_response())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn keys_from_either_header() {
        let mut h = HeaderMap::new();
        assert_eq!(presented_key(&h), None);
        h.insert("x-api-key", HeaderValue::from_static(" hlk_x "));
        assert_eq!(presented_key(&h), Some("hlk_x"));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer hlk_y"),
        );
        assert_eq!(presented_key(&h), Some("hlk_y"));
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(presented_key(&h), Some("hlk_x"));
        // Not text: presented, and empty, so it cannot match.
        h.insert("x-api-key", HeaderValue::from_bytes(b"hlk_\xff").unwrap());
        assert_eq!(presented_key(&h), Some(""));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_bytes(b"Bearer \xff").unwrap(),
        );
        assert_eq!(presented_key(&h), Some(""));
    }
}
