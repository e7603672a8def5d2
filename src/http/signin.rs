//! Sign-in pages and the gate in front of web creates (`HUSHLINK_OIDC_*`).
//!
//! `GET /_/oidc/login[?next=]` starts a sign-in (the pre-login state goes in
//! a short-lived encrypted cookie), `GET /_/oidc/callback` finishes it and
//! sets the session cookie, `POST /_/oidc/logout` removes it. [`gate`] is
//! what the create handlers ask: with sign-in configured, a web create needs
//! a session and its CSRF token; reading never passes through here (the
//! link is the capability). The protocol itself lives in `crate::oidc`.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::context::{Ctx, home};
use super::web::{Page, render};
use crate::i18n::Strings;
use crate::oidc::SignInError;
use crate::oidc::session::{Cookies, Session};

/// The header the page's script sends the CSRF token in (`POST /s`).
pub const CSRF_HEADER: &str = "x-csrf-token";
/// The form field that carries it (`POST /`, the keys page, sign-out).
pub const CSRF_FIELD: &str = "csrf";

/// What the sender's pages show when someone is signed in.
pub struct UserBar {
    pub user: String,
    pub csrf: String,
    pub logout: String,
    /// The personal API keys page.
    pub keys: String,
}

/// What a create from the web may do.
pub enum Gate {
    /// Sign-in is not configured: the form's old rules.
    Open,
    /// Signed in and allowed.
    SignedIn(Session),
    /// Sign-in is configured and there is no (valid) session.
    Needed,
}

/// The request's cookies, when sign-in is configured.
pub fn cookies(state: &AppState, headers: &HeaderMap) -> Option<Cookies> {
    let oidc = state.oidc.as_ref()?;
    Some(Cookies::from_headers(
        headers,
        &oidc.cookie_key,
        !state.links.no_ssl,
        home(&state.links),
    ))
}

/// Whether this request may create from the web, as far as sign-in goes.
pub fn gate(state: &AppState, headers: &HeaderMap) -> Gate {
    match cookies(state, headers) {
        None => Gate::Open,
        Some(c) => c.session().map_or(Gate::Needed, Gate::SignedIn),
    }
}

impl UserBar {
    pub fn new(state: &AppState, session: &Session) -> Self {
        UserBar {
            user: session.user.clone(),
            csrf: session.csrf.clone(),
            logout: format!("{}_/oidc/logout", home(&state.links)),
            keys: format!("{}_/keys", home(&state.links)),
        }
    }
}

#[derive(Template)]
#[template(path = "signin.html")]
struct SignInPage {
    page: Page,
    heading: &'static str,
    paragraphs: Vec<&'static str>,
    /// The sign-in link, when signing in can help.
    login: Option<String>,
}

/// The page shown instead of the form while nobody is signed in, or when
/// sign-in cannot work: the reason, and a sign-in button when it can.
/// `depth`: how many levels below the root the page is served (relative
/// asset URLs need as many `../`).
pub fn signin_page(state: &AppState, t: &'static Strings, next: &str, depth: usize) -> Response {
    let available = state.oidc.as_ref().is_some_and(|o| o.available());
    let (status, paragraphs, login) = if available {
        (
            StatusCode::OK,
            vec![t.signin_intro],
            Some(login_url(state, next)),
        )
    } else {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            vec![t.signin_intro, t.signin_unavailable],
            None,
        )
    };
    render(
        SignInPage {
            page: nested(Page::new(state, t), depth),
            heading: t.signin_heading,
            paragraphs,
            login,
        },
        status,
    )
}

fn nested(page: Page, depth: usize) -> Page {
    (0..depth).fold(page, |page, _| page.nested())
}

fn login_url(state: &AppState, next: &str) -> String {
    let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
    format!("{}_/oidc/login?next={next}", home(&state.links))
}

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
                page: nested(Page::new(self.state, t), 2),
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

/// `POST /_/oidc/logout`: ends the session (this server's cookie; the
/// provider's own session is the provider's). The form sends the CSRF
/// token, so another site cannot sign a person out.
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
                    page: nested(Page::new(&state, t), 2),
                    heading: t.invalid_heading,
                    paragraphs: vec![t.invalid_body],
                    login: None,
                },
                StatusCode::FORBIDDEN,
            );
        }
    }
    (cookies.without_session().jar, Redirect::to(&home)).into_response()
}

/// The CSRF token a script sent in [`CSRF_HEADER`].
pub fn csrf_header(headers: &HeaderMap) -> &str {
    headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Whether a request's `Origin` header, when it has one, is not this
/// server's own (a second line behind the CSRF token and `SameSite`).
pub fn cross_origin(ctx: &Ctx, headers: &HeaderMap) -> bool {
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None | Some("null") => false,
        Some(origin) => !ctx.base_url.starts_with(origin),
    }
}
