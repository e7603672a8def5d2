//! The zero-knowledge pages: `GET /s/{id}` (the reader's page) and
//! `POST /s` (the form's script stores an envelope it made in the page).
//!
//! The reader's page is a preview: the server looks the id up (consuming
//! nothing) and serves a page whose script, `assets/zk.js`, does the rest
//! with the key from the fragment, which this handler never sees. Without
//! JavaScript the page says it needs it; no request it makes uses a view.
//!
//! `POST /s` takes the same JSON as `POST /api/v2/secrets` and follows the
//! web form's rules, not the API's: it exists while the form does
//! (`HUSHLINK_WEB_FORM`), and needs no API key, exactly as `POST /` does.

use askama::Template;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::AppState;
use super::context::Ctx;
use super::gate::{self, Gate};
use super::problem::{ApiError, PageError};
use super::web::{Page, refuse, render};
use super::zk::{created_response, read_new};
use crate::error::Error;
use crate::metrics::Via;
use crate::token::ZkId;

#[derive(Template)]
#[template(path = "zk_reveal.html")]
struct RevealPage {
    page: Page,
    views_left: u32,
    views_left_text: String,
    /// The secret's API address, for the page's script.
    api: String,
}

/// `GET /s/{id}`: the reader's page. Consumes nothing.
pub async fn page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(segment): Path<String>,
) -> Result<Response, PageError> {
    let id = ZkId::parse(&segment).ok_or(Error::NotFound)?;
    let views_left = state.zk.views_left(&id).await?;
    let views_left_text = ctx
        .t
        .preview_views_left
        .replace("{n}", &views_left.to_string());
    let api = format!(
        "{}api/v2/secrets/{}",
        super::context::home(&state.links),
        id.as_str()
    );
    Ok(render(
        RevealPage {
            page: Page::new(&state, ctx.t)
                .with_zk(&state, ctx.t.footer_zk)
                .nested(),
            views_left,
            views_left_text,
            api,
        },
        StatusCode::OK,
    ))
}

/// `POST /s`: stores an envelope made by the form's script.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if !state.web_form {
        return Ok(refuse(&ctx, "/s", Error::NotFound));
    }
    // With sign-in configured: an API key, or a signed-in sender whose
    // script sends the session's CSRF token.
    let mut sender = None;
    if state.oidc.is_some() {
        let keyed = super::auth::presented_key(&headers).is_some_and(|k| !k.is_empty());
        if keyed {
            super::auth::authorize_create(&state, &headers).await?;
        } else {
            match gate::gate(&state, &headers) {
                Gate::SignedIn(session)
                    if session.csrf_matches(gate::csrf_header(&headers))
                        && !gate::cross_origin(&ctx, &headers) =>
                {
                    sender = Some(session.user);
                }
                Gate::SignedIn(_) => {
                    tracing::info!("create refused: CSRF token missing or wrong");
                    return Err(ApiError(Error::Forbidden));
                }
                _ => return Err(ApiError(state.keys.unauthorized().await)),
            }
        }
    }
    let new = read_new(&state, &headers, body).await?;
    let (ttl, views) = (new.ttl, new.views);
    let (receipt, new_receipt) = state.receipts.issue_signed_in(sender);
    let created = state.zk.create(new, new_receipt).await?;
    state.metrics.secret_created(Via::Web);
    Ok(created_response(&ctx, &created, ttl, views, &receipt))
}
