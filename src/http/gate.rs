//! Who may create from the web when sign-in is configured: the session
//! read from its encrypted cookie, the CSRF checks, and what the sender's
//! pages show about who is signed in. Asked by the create handlers
//! (`web`, `zk_web`, `keys_web`) and the form parser (`input`); it renders
//! nothing, so it imports no page module (no import cycle).

use axum::http::{HeaderMap, header};

use super::AppState;
use super::context::{Ctx, home};
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

/// The sign-in route, returning to `next` afterwards.
pub fn login_url(state: &AppState, next: &str) -> String {
    let next: String = form_urlencoded::byte_serialize(next.as_bytes()).collect();
    format!("{}_/oidc/login?next={next}", home(&state.links))
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
