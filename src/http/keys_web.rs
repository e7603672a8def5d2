//! The personal API keys page (`/_/keys`, with sign-in configured): a
//! signed-in sender makes keys for the command-line client (scope `create`
//! only, shown once), lists and revokes their own, without an admin.
//!
//! Keys are ordinary API keys (`KeyService`) that record their owner; the
//! page lists only the signed-in person's and revokes only those. Every
//! form carries the session's CSRF token.

use askama::Template;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::AppState;
use super::body::read_limited;
use super::context::{Ctx, home};
use super::gate::{self, Gate, UserBar};
use super::problem::PageError;
use super::web::{Page, render, signin_page};
use crate::apikey::{KeyName, Scope};
use crate::error::{Conflict, Error};
use crate::keys::{KeyInfo, KeySpec};
use crate::oidc::session::Session;

/// The largest form this page takes (a name and a token).
const FORM_LIMIT: usize = 4096;

#[derive(Template)]
#[template(path = "keys.html")]
struct KeysPage {
    page: Page,
    user: Option<UserBar>,
    csrf: String,
    action: String,
    keys: Vec<KeyInfo>,
    /// The key just made: shown this once.
    new_key: Option<String>,
    error: Option<&'static str>,
}

fn path(state: &AppState) -> String {
    format!("{}_/keys", home(&state.links))
}

/// The signed-in session, or the answer for a request without one.
async fn signed_in(state: &AppState, ctx: &Ctx, headers: &HeaderMap) -> Result<Session, Response> {
    match gate::gate(state, headers) {
        Gate::SignedIn(session) => Ok(session),
        Gate::Needed => Err(signin_page(state, ctx.t, &path(state), 1)),
        // Without sign-in there are no personal keys (admins use the API).
        Gate::Open => Err(PageError::from(Error::NotFound).into_response()),
    }
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    session: &Session,
    new_key: Option<String>,
    error: Option<&'static str>,
    status: StatusCode,
) -> Response {
    let keys = match state.keys.list_owned(&session.user).await {
        Ok(keys) => keys,
        Err(e) => return PageError::from(e).into_response(),
    };
    render(
        KeysPage {
            page: Page::new(state, ctx.t).nested(),
            user: Some(UserBar::new(state, session)),
            csrf: session.csrf.clone(),
            action: path(state),
            keys,
            new_key,
            error,
        },
        status,
    )
}

/// `GET /_/keys`: the signed-in person's keys and the form for a new one.
pub async fn show(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> Response {
    match signed_in(&state, &ctx, &headers).await {
        Ok(session) => page(&state, &ctx, &session, None, None, StatusCode::OK).await,
        Err(response) => response,
    }
}

/// `POST /_/keys`: `op=create` with a `name`, or `op=revoke` with a `name`.
pub async fn change(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let session = match signed_in(&state, &ctx, &headers).await {
        Ok(session) => session,
        Err(response) => {
            let mut response = response;
            if response.status() == StatusCode::OK {
                *response.status_mut() = StatusCode::UNAUTHORIZED;
            }
            return response;
        }
    };
    let to_page = PageError::from;
    let bytes = match read_limited(&headers, body, FORM_LIMIT).await {
        Ok(bytes) => bytes,
        Err(e) => return to_page(e).into_response(),
    };
    let (mut op, mut name, mut csrf) = (String::new(), String::new(), String::new());
    for (k, v) in form_urlencoded::parse(&bytes) {
        match k.as_ref() {
            "op" => op = v.into_owned(),
            "name" => name = v.trim().to_owned(),
            gate::CSRF_FIELD => csrf = v.into_owned(),
            _ => {}
        }
    }
    if !session.csrf_matches(&csrf) || gate::cross_origin(&ctx, &headers) {
        tracing::info!("personal key change refused: CSRF token missing or wrong");
        return to_page(Error::Forbidden).into_response();
    }
    let t = ctx.t;
    let Ok(key_name) = KeyName::parse(&name) else {
        return page(
            &state,
            &ctx,
            &session,
            None,
            Some(t.keys_invalid),
            StatusCode::BAD_REQUEST,
        )
        .await;
    };
    match op.as_str() {
        "create" => {
            let spec = KeySpec {
                name: key_name,
                description: Some(format!("personal key of {}", session.user)),
                scopes: vec![Scope::Create],
                expires_at: None,
                // Creates count against the client address, like the form's.
                create_rate: None,
            };
            match state.keys.create_owned(spec, &session.user).await {
                Ok(new) => {
                    tracing::info!(user = %session.user, key = %new.name, "personal API key made");
                    page(&state, &ctx, &session, Some(new.key), None, StatusCode::OK).await
                }
                Err(Error::Conflict(Conflict::NameTaken)) => {
                    page(
                        &state,
                        &ctx,
                        &session,
                        None,
                        Some(t.keys_invalid),
                        StatusCode::CONFLICT,
                    )
                    .await
                }
                Err(e) => to_page(e).into_response(),
            }
        }
        "revoke" => match state.keys.delete_owned(&key_name, &session.user).await {
            Ok(()) => {
                tracing::info!(user = %session.user, key = %key_name, "personal API key revoked");
                Redirect::to(&path(&state)).into_response()
            }
            Err(e) => to_page(e).into_response(),
        },
        _ => to_page(Error::invalid("op", "Use create or revoke.")).into_response(),
    }
}
