//! The receipt page, `/r/{token}`: what happened to a secret, in the
//! sender's language, and a **Delete now** button that is a plain form
//! (`POST /r/{token}`, no script needed), answered by a redirect back to
//! the page (post/redirect/get: a reload does not post again).
//!
//! Like the API it shows the life of the secret and nothing that leads to
//! the secret or its readers. The token is in the path, which the access
//! log reduces to `/r/{token}`; the page is `no-store` and sends no referrer.

use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::AppState;
use super::context::{Ctx, Segment};
use super::problem::PageError;
use super::receipts::parse;
use super::web::{Page, render};
use crate::error::Error;
use crate::i18n::Strings;
use crate::receipt::{EventKind, State as LifeState, Status};

#[derive(Template)]
#[template(path = "receipt.html")]
struct ReceiptPage {
    page: Page,
    state: &'static str,
    /// `available`, `viewed`, … for the page's style.
    state_class: &'static str,
    views_used: String,
    views_left: String,
    created_at: Time,
    expires_at: Time,
    events: Vec<(&'static str, Time)>,
    can_delete: bool,
}

/// A time for people (UTC, minutes) and for machines (RFC 3339).
struct Time {
    text: String,
    machine: String,
}

impl Time {
    fn new(unix: u64) -> Self {
        let at = i64::try_from(unix)
            .ok()
            .and_then(|s| jiff::Timestamp::from_second(s).ok())
            .unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        Time {
            text: at.strftime("%Y-%m-%d %H:%M UTC").to_string(),
            machine: at.to_string(),
        }
    }
}

fn state_text(t: &'static Strings, state: LifeState) -> (&'static str, &'static str) {
    match state {
        LifeState::Available => (t.receipt_state_available, "available"),
        LifeState::Viewed => (t.receipt_state_viewed, "viewed"),
        LifeState::Burned => (t.receipt_state_burned, "burned"),
        LifeState::Expired => (t.receipt_state_expired, "expired"),
        LifeState::Destroyed => (t.receipt_state_destroyed, "destroyed"),
    }
}

fn event_text(t: &'static Strings, event: EventKind) -> &'static str {
    match event {
        EventKind::Viewed => t.event_viewed,
        EventKind::PassphraseFailed => t.event_passphrase_failed,
        EventKind::Burned => t.event_burned,
        EventKind::Expired => t.event_expired,
        EventKind::Destroyed => t.event_destroyed,
    }
}

fn page(state: &AppState, t: &'static Strings, status: Status) -> ReceiptPage {
    let (state_text, state_class) = state_text(t, status.state);
    let mut page = Page::new(state, t).nested();
    page.footer = t.footer_form;
    ReceiptPage {
        page,
        state: state_text,
        state_class,
        views_used: t
            .receipt_views_used
            .replace("{n}", &status.views_used.to_string()),
        views_left: t
            .preview_views_left
            .replace("{n}", &status.views_left.to_string()),
        created_at: Time::new(status.created_at),
        expires_at: Time::new(status.expires_at),
        events: status
            .events
            .iter()
            .map(|e| (event_text(t, e.event), Time::new(e.at)))
            .collect(),
        can_delete: status.state == LifeState::Available,
    }
}

/// `GET /r/{token}`: the receipt page ("no such receipt" has its own words).
pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Segment(segment): Segment,
) -> Result<Response, PageError> {
    let token = parse(segment)?;
    let status = state.receipts.status(&token).await?;
    Ok(render(page(&state, ctx.t, status), StatusCode::OK))
}

/// `POST /r/{token}`: **Delete now**. Burned (now or before), or too late:
/// either way the page shows what is true now.
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Segment(segment): Segment,
) -> Result<Response, PageError> {
    let token = parse(segment)?;
    match state.receipts.burn(&token).await {
        Ok(_) | Err(Error::AlreadyEnded(_)) => {}
        Err(e) => return Err(PageError::from(e)),
    }
    let location = format!("{}r/{}", ctx.base_url, token.expose());
    Ok((StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response())
}
