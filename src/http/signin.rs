//! Sign-in routes and their pages (`HUSHLINK_OIDC_*`).
//!
//! `GET /_/oidc/login[?next=]` starts a sign-in (the pre-login state goes in
//! a short-lived encrypted cookie), `GET /_/oidc/callback` finishes it and
//! sets the session cookie, `POST /_/oidc/logout` removes it (and sends the
//! browser on to the provider's sign-out, `crate::oidc::logout`). `http::gate` is
//! what the create handlers ask: with sign-in configured, a web create needs
//! a session and its CSRF token; reading never passes through here (the
//! link is the capability). The protocol itself lives in `crate::oidc`.

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::context::{Ctx, home};
use super::gate::{CSRF_FIELD, cookies, cross_origin, login_url};
use super::web::{Page, SignInPage, nested_by, render};
use crate::i18n::Strings;
use crate::oidc::SignInError;

/// A failed sign-in, as a page; the cause goes to the log.
struct Failure<'a> {
    state: &'a AppState,
    t: &'static Strings,
    error: SignInError,
}

impl IntoResponse for Failure<'_> {
    fn into_response(self) -> Response {
        let t = self.t;
        let (status, paragraphs, retry) = match &self.error {
            SignInError::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                vec![t.signin_unavailable],
                false,
            ),
            SignInError::NotAllowed => (StatusCode::FORBIDDEN, vec![t.signin_refused], false),
            SignInError::BadState
            | SignInError::Provider(_)
            | SignInError::Exchange(_)
            | SignInError::Token(_) => (StatusCode::BAD_REQUEST, vec![t.signin_failed], true),
        };
        if !matches!(self.error, SignInError::NotAllowed) {
            tracing::warn!(error = %self.error, "sign-in failed");
        }
        render(
            SignInPage {
                // Served under `/_/oidc/`.
                page: nested_by(Page::new(self.state, t), 2),
                heading: t.signin_heading,
                paragraphs,
                login: retry.then(|| login_url(self.state, &home(&self.state.links))),
            },
            status,
        )
    }
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
}

/// Only a path of this server: one `/`, not `//` (another host) nor `/\`
/// (which browsers read as `//`), no control characters. Anything else
/// returns to the form.
fn local_next(state: &AppState, next: Option<&str>) -> String {
    let home = home(&state.links);
    match next {
        Some(n)
            if n.starts_with(&home)
                && n.starts_with('/')
                && !n.starts_with("//")
                && !n.starts_with("/\\")
                && !n.chars().any(|c| c.is_control() || c == '\\') =>
        {
            n.to_owned()
        }
        _ => home,
    }
}

/// `GET /_/oidc/login`: sends the browser to the provider.
pub async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(query): Query<LoginQuery>,
) -> Response {
    let (Some(oidc), Some(cookies)) = (state.oidc.clone(), cookies(&state, &headers)) else {
        return super::web::fallback(ctx, axum::http::Uri::from_static("/_/oidc/login")).await;
    };
    let next = local_next(&state, query.next.as_deref());
    let redirect = format!("{}_/oidc/callback", ctx.base_url);
    match oidc.begin(&redirect, next) {
        Ok((url, pre)) => (cookies.with_prelogin(&pre).jar, Redirect::to(&url)).into_response(),
        Err(error) => Failure {
            state: &state,
            t: ctx.t,
            error,
        }
        .into_response(),
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    /// RFC 9207: the provider names itself, so an answer from another
    /// provider (a mix-up attack) is refused before its code is used.
    iss: Option<String>,
}

/// `GET /_/oidc/callback`: the redirect URI registered at the provider.
pub async fn callback(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Response {
    let (Some(oidc), Some(cookies)) = (state.oidc.clone(), cookies(&state, &headers)) else {
        return super::web::fallback(ctx, axum::http::Uri::from_static("/_/oidc/callback")).await;
    };
    let fail = |error| {
        Failure {
            state: &state,
            t: ctx.t,
            error,
        }
        .into_response()
    };
    // The pre-login state is used once, whatever happens next.
    let pre = cookies.prelogin();
    let cookies = cookies.without_prelogin();
    let result = async {
        if let Some(error) = query.error {
            return Err(SignInError::Provider(error));
        }
        let pre = pre.ok_or(SignInError::BadState)?;
        if let Some(iss) = &query.iss
            && iss != oidc.settings().issuer.as_str()
        {
            return Err(SignInError::Provider(format!(
                "answer from another issuer: {iss}"
            )));
        }
        let (Some(code), Some(st)) = (query.code, query.state) else {
            return Err(SignInError::BadState);
        };
        let next = pre.next.clone();
        let identity = oidc.finish(pre, &code, &st).await?;
        Ok((identity, next))
    }
    .await;
    match result {
        Ok((identity, next)) => {
            tracing::info!(user = %identity.name(), "signed in");
            let session = oidc.session_for(&identity);
            (cookies.with_session(&session).jar, Redirect::to(&next)).into_response()
        }
        Err(error) => (cookies.jar, fail(error)).into_response(),
    }
}

/// `POST /_/oidc/logout`: ends the session. The form sends the CSRF token,
/// so another site cannot sign a person out. The cookie is removed; then,
/// when the provider has an end-session endpoint (and
/// `HUSHLINK_OIDC_PROVIDER_LOGOUT` is on), the browser goes on there to end
/// the provider's session too (`crate::oidc::logout`), and comes back to the
/// home page; else straight home. Without a session there is nothing to
/// check the request against, so it never leads to the provider.
pub async fn logout(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let home = home(&state.links);
    let Some(cookies) = cookies(&state, &headers) else {
        return Redirect::to(&home).into_response();
    };
    let mut to = home;
    if let Some(session) = cookies.session() {
        let bytes = super::body::read_limited(&headers, body, 4096)
            .await
            .unwrap_or_default();
        let csrf = form_urlencoded::parse(&bytes)
            .find(|(k, _)| k == CSRF_FIELD)
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
        if !session.csrf_matches(&csrf) || cross_origin(&ctx, &headers) {
            tracing::info!("sign-out refused: CSRF token missing or wrong");
            let t = ctx.t;
            return render(
                SignInPage {
                    page: nested_by(Page::new(&state, t), 2),
                    heading: t.invalid_heading,
                    paragraphs: vec![t.invalid_body],
                    login: None,
                },
                StatusCode::FORBIDDEN,
            );
        }
        // The home page's URL, built as the callback's is (the checked base
        // URL): the provider sends the browser back only to a registered one.
        let provider = state
            .oidc
            .as_ref()
            .and_then(|oidc| oidc.end_session_url(session.id_token.as_ref(), &ctx.base_url));
        tracing::info!(
            user = %session.user,
            at_provider = provider.is_some(),
            with_id_token = session.id_token.is_some(),
            "signed out"
        );
        if let Some(url) = provider {
            to = url;
        }
    }
    (cookies.without_session().jar, Redirect::to(&to)).into_response()
}
