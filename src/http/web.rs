//! The web pages: form, "your link", preview, reveal, and the message pages
//! for everything that can go wrong.
//!
//! Every page here works without JavaScript: the form and the reveal button
//! are plain HTML forms; `app.js` only adds copy buttons, and `zk.js` turns
//! the form into a zero-knowledge one when it can (`http::zk_web` has the
//! pages of those links, which need it). A `GET` of a link
//! never consumes the secret (link-preview bots fetch links), only the
//! reveal button's `POST` does.

use askama::Template;
use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;
use zeroize::Zeroizing;

use super::AppState;
use super::auth::authorize_create;
use super::context::{Ctx, Segment, home, is_api};
use super::gate::{self, Gate, UserBar};
use super::input::FormInput;
use super::problem::{ApiError, PageError};
use super::receipts::ReceiptLink;
use crate::config::WebEncryption;
use crate::error::{Conflict, Error};
use crate::i18n::Strings;
use crate::keys::Caller;
use crate::metrics::Via;
use crate::oidc::session::Session;
use crate::receipt::ReceiptToken;
use crate::secret::Ttl;

/// What every page shares: language, asset URLs, the home path.
pub struct Page {
    pub t: &'static Strings,
    pub css: String,
    pub js: String,
    pub icon: String,
    pub home: String,
    /// The zero-knowledge module, on the pages that use it ("" elsewhere).
    pub zk_js: String,
    /// The footer's promise, exact for the kind of link the page is about.
    pub footer: &'static str,
}

impl Page {
    pub(super) fn new(state: &AppState, t: &'static Strings) -> Self {
        let asset = |stem, ext| format!("{}/{}", state.static_url, state.assets.name(stem, ext));
        Page {
            t,
            css: asset("app", "css"),
            js: asset("app", "js"),
            icon: asset("icon", "svg"),
            home: home(&state.links),
            zk_js: String::new(),
            footer: t.footer,
        }
    }

    /// A page served one level deeper than the others (`/s/{id}`): a
    /// relative `STATIC_URL` (SnapPass's default, `static`) needs `../`.
    pub(super) fn nested(mut self) -> Self {
        for url in [&mut self.css, &mut self.js, &mut self.icon, &mut self.zk_js] {
            if !url.is_empty() && !url.starts_with('/') && !url.contains("://") {
                url.insert_str(0, "../");
            }
        }
        self
    }

    /// A page that runs the zero-knowledge module.
    pub(super) fn with_zk(mut self, state: &AppState, footer: &'static str) -> Self {
        self.zk_js = format!("{}/{}", state.static_url, state.assets.name("zk", "js"));
        self.footer = footer;
        self
    }
}

pub struct TtlOption {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage<'a> {
    page: Page,
    ttl_options: Vec<TtlOption>,
    /// The largest secret in UTF-8 bytes, for the page's script (a
    /// `maxlength` would count characters, and cut a paste silently).
    max_bytes: usize,
    /// The script's message for a secret over it, `{size}` left to fill.
    too_large: String,
    /// What the person typed, when the form comes back with an error
    /// (borrowed from the request's copy, which is wiped when dropped).
    secret: &'a str,
    views: String,
    /// Why the form came back, when it did.
    error: Option<String>,
    /// Where the page's script sends envelopes; "" when the form encrypts
    /// on the server (`HUSHLINK_WEB_ENCRYPTION=server`).
    zk_create: String,
    /// The QR code module the script loads to draw the link's code.
    zk_qr: String,
    /// Who is signed in (with sign-in configured).
    user: Option<UserBar>,
    /// The session's CSRF token, sent back by the form ("" without sign-in).
    csrf: String,
}

#[derive(Template)]
#[template(path = "link.html")]
struct LinkPage {
    page: Page,
    link: String,
    qr_svg: String,
    /// The receipt page: "track or delete this secret".
    receipt: String,
    /// Who is signed in (with sign-in configured).
    user: Option<UserBar>,
}

#[derive(Template)]
#[template(path = "preview.html")]
struct PreviewPage {
    page: Page,
    views_left: u32,
    views_left_text: String,
}

#[derive(Template)]
#[template(path = "reveal.html")]
struct RevealPage<'a> {
    page: Page,
    /// Borrowed from the revealed plaintext, which is wiped when dropped.
    secret: &'a str,
    views_left: u32,
    views_left_text: String,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    page: Page,
    heading: &'static str,
    paragraphs: Vec<String>,
    show_home: bool,
}

pub(super) fn render(template: impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The page for a [`PageError`], in the language `t` (the router's error
/// layer calls this; see `http::problem`). `nested`: see [`Page::nested`].
pub(super) fn error_page(
    state: &AppState,
    t: &'static Strings,
    error: &Error,
    depth: usize,
) -> Response {
    error.log();
    let status = error.status();
    let too_large_body = t
        .too_large_body
        .replace("{limit}", &state.limits.max_secret_bytes.to_string());
    let retry_after = match error {
        Error::TooManyCreates { retry_after_secs } => Some(*retry_after_secs),
        _ => None,
    };
    let too_many_body = t
        .too_many_creates_body
        .replace("{n}", &retry_after.unwrap_or(0).to_string());
    let page = nested_by(Page::new(state, t), depth);
    let (heading, paragraphs) = match error {
        Error::NotFound => (
            t.not_found_heading,
            vec![t.not_found_body, t.not_found_hint],
        ),
        Error::Damaged => (t.damaged_heading, vec![t.damaged_body]),
        // The zero-knowledge pages handle these in the page; a form
        // post can never produce them.
        Error::Destroyed | Error::WrongProof { .. } => {
            (t.not_found_heading, vec![t.not_found_body])
        }
        Error::TooLarge => (t.too_large_heading, vec![too_large_body.as_str()]),
        Error::TooManyCreates { .. } => (t.too_many_creates_heading, vec![too_many_body.as_str()]),
        Error::OverQuota { .. } => (t.over_quota_heading, vec![t.over_quota_body]),
        Error::Store(_) | Error::StorageFull { .. } | Error::Conflict(Conflict::Busy) => {
            (t.unavailable_heading, vec![t.unavailable_body])
        }
        Error::NoSuchKey => (t.not_found_heading, vec![]),
        Error::NoSuchReceipt => (t.receipt_not_found, vec![]),
        Error::AlreadyEnded(_) => (t.not_found_heading, vec![t.not_found_body]),
        Error::MethodNotAllowed => (t.bad_request_heading, vec![t.bad_request_body]),
        Error::Invalid(params) if params.iter().any(|p| p.name.eq_ignore_ascii_case("host")) => {
            (t.bad_request_heading, vec![t.bad_request_body])
        }
        Error::Invalid(_)
        | Error::Unauthorized { .. }
        | Error::Forbidden
        | Error::Conflict(_)
        | Error::TooManyAttempts { .. } => (t.invalid_heading, vec![t.invalid_body]),
    };
    let mut response = render(
        MessagePage {
            page,
            heading,
            paragraphs: paragraphs.into_iter().map(str::to_owned).collect(),
            show_home: true,
        },
        status,
    );
    if let Some(secs) = retry_after {
        response
            .headers_mut()
            .insert(axum::http::header::RETRY_AFTER, secs.into());
    }
    response
}

#[derive(Template)]
#[template(path = "signin.html")]
pub(super) struct SignInPage {
    pub(super) page: Page,
    pub(super) heading: &'static str,
    pub(super) paragraphs: Vec<&'static str>,
    /// The sign-in link, when signing in can help.
    pub(super) login: Option<String>,
}

/// The page shown instead of the form while nobody is signed in, or when
/// sign-in cannot work: the reason, and a sign-in button when it can.
/// `depth`: how many levels below the root the page is served (relative
/// asset URLs need as many `../`).
pub(super) fn signin_page(
    state: &AppState,
    t: &'static Strings,
    next: &str,
    depth: usize,
) -> Response {
    let available = state.oidc.as_ref().is_some_and(|o| o.available());
    let (status, paragraphs, login) = if available {
        (
            StatusCode::OK,
            vec![t.signin_intro],
            Some(gate::login_url(state, next)),
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
            page: nested_by(Page::new(state, t), depth),
            heading: t.signin_heading,
            paragraphs,
            login,
        },
        status,
    )
}

/// `page` for a route `depth` levels below the root.
pub(super) fn nested_by(page: Page, depth: usize) -> Page {
    (0..depth).fold(page, |page, _| page.nested())
}

/// `GET /`: the form.
/// With sign-in configured, only to a signed-in sender (others get the
/// sign-in page).
pub async fn form(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap) -> Response {
    if !state.web_form {
        return refuse(&ctx, "/", Error::NotFound);
    }
    let user = match gate::gate(&state, &headers) {
        Gate::Open => None,
        Gate::SignedIn(session) => Some(UserBar::new(&state, &session)),
        Gate::Needed => return signin_page(&state, ctx.t, &home(&state.links), 0),
    };
    render(
        form_page(&state, ctx.t, &FormInput::default(), None, user),
        StatusCode::OK,
    )
}

/// The form, filled with `input` (empty on a first visit), and the reason
/// it came back, if it did.
fn form_page<'a>(
    state: &AppState,
    t: &'static Strings,
    input: &'a FormInput,
    error: Option<String>,
    user: Option<UserBar>,
) -> FormPage<'a> {
    let max = state.limits.max_ttl;
    let choices = [
        ("Two Weeks", t.ttl_two_weeks),
        ("Week", t.ttl_week),
        ("Day", t.ttl_day),
        ("Hour", t.ttl_hour),
    ];
    let available: Vec<_> = choices
        .into_iter()
        .filter(|(v, _)| Ttl::from_form_name(v, max).is_some())
        .collect();
    // What the person chose; else SnapPass's "Week"; under a lower
    // maximum, the longest allowed.
    let chosen = input.ttl.as_deref().map(str::trim);
    let selected = if let Some(c) = chosen.filter(|c| available.iter().any(|(v, _)| v == c)) {
        c
    } else if available.iter().any(|(v, _)| *v == "Week") {
        "Week"
    } else {
        available.first().map_or("", |c| c.0)
    };
    let ttl_options = available
        .iter()
        .map(|&(value, label)| TtlOption {
            value,
            label,
            selected: value == selected,
        })
        .collect();
    let max_bytes = state.limits.max_secret_bytes;
    let (page, zk_create) = match state.web_encryption {
        WebEncryption::Browser => (
            Page::new(state, t).with_zk(state, t.footer_form),
            format!("{}s", home(&state.links)),
        ),
        WebEncryption::Server => (Page::new(state, t), String::new()),
    };
    FormPage {
        page,
        ttl_options,
        max_bytes,
        too_large: t.form_too_large.replace("{limit}", &max_bytes.to_string()),
        secret: &input.password,
        views: input
            .views
            .clone()
            .filter(|v| !v.trim().is_empty())
            .unwrap_or_else(|| "1".to_owned()),
        error,
        zk_create,
        zk_qr: format!("{}/{}", state.static_url, state.assets.name("qrcode", "js")),
        csrf: user.as_ref().map(|u| u.csrf.clone()).unwrap_or_default(),
        user,
    }
}

/// What the form says when it comes back with `error`.
fn form_message(t: &'static Strings, error: &Error, input: &FormInput, limit: usize) -> String {
    let reason = match error {
        Error::TooLarge => t
            .form_too_large
            .replace("{size}", &input.password.len().to_string())
            .replace("{limit}", &limit.to_string()),
        Error::Invalid(params) if params.iter().any(|p| p.name == "views") => {
            t.form_views_invalid.to_owned()
        }
        Error::Invalid(_) => t.invalid_body.to_owned(),
        _ => t.unavailable_body.to_owned(),
    };
    if input.password.is_empty() {
        reason
    } else {
        format!("{reason} {}", t.form_kept)
    }
}

/// `POST /`: stores the secret from the form; a page, or JSON when asked.
///
/// An error the person can fix (too long, a bad field, the store briefly
/// away) brings the form back as they filled it, with the reason, so
/// nothing typed is lost; the protective layer marks it `no-store` like
/// every page. Only a body too large to read at all gets a plain page,
/// which states the limit.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    request: axum::extract::Request,
) -> Response {
    // The request taken whole, not a `HeaderMap` extractor, which would
    // clone every header of every create.
    let (parts, body) = request.into_parts();
    let headers = &parts.headers;
    if !state.web_form {
        return refuse(&ctx, "/", Error::NotFound);
    }
    // Asked for JSON, the form is an API (SnapPass's shortcut for scripts)
    // and follows the API's key rule; a person's browser asks for HTML.
    if ctx.wants_json {
        create_json(&state, &ctx, headers, body)
            .await
            .into_response()
    } else {
        create_page(&state, &ctx, headers, body)
            .await
            .into_response()
    }
}

/// `POST /` asked for JSON: SnapPass's shortcut for scripts.
async fn create_json(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    body: Body,
) -> Result<Json<serde_json::Value>, ApiError> {
    let caller = authorize_create(state, headers).await?;
    // With sign-in configured: a key, or a signed-in sender whose form
    // carries the session's CSRF token; never anyone else.
    let session = match (gate::gate(state, headers), &caller) {
        (_, Caller::Key { .. }) | (Gate::Open, _) => None,
        (Gate::SignedIn(session), _) => Some(session),
        (Gate::Needed, _) => return Err(ApiError(state.keys.unauthorized().await)),
    };
    let input = FormInput::read(&state.limits, headers, body).await?;
    check_csrf(session.as_ref(), &input, ctx, headers)?;
    let sender = session.map(|s| s.user);
    let (link, ttl, receipt) = store_form(state, ctx, &input, sender).await?;
    Ok(Json(json!({
        "link": link,
        "ttl": ttl.secs(),
        "receipt": ReceiptLink::new(ctx, &receipt),
    })))
}

/// `POST /` from a browser: the link page, or the form back with the reason.
async fn create_page(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, PageError> {
    // With sign-in configured, a signed-in sender whose form carries the
    // session's CSRF token.
    let session = match gate::gate(state, headers) {
        Gate::Open => None,
        Gate::SignedIn(session) => Some(session),
        Gate::Needed => {
            let mut page = signin_page(state, ctx.t, &home(&state.links), 0);
            if page.status() == StatusCode::OK {
                *page.status_mut() = StatusCode::UNAUTHORIZED;
            }
            return Ok(page);
        }
    };
    let input = FormInput::read(&state.limits, headers, body).await?;
    check_csrf(session.as_ref(), &input, ctx, headers)?;
    let user = session.as_ref().map(|s| UserBar::new(state, s));
    let sender = session.map(|s| s.user);
    Ok(match store_form(state, ctx, &input, sender).await {
        Ok((link, _, receipt)) => {
            let qr_svg = qr_svg(&link);
            render(
                LinkPage {
                    page: Page::new(state, ctx.t),
                    link,
                    qr_svg,
                    receipt: format!("{}r/{}", ctx.base_url, receipt.expose()),
                    user,
                },
                StatusCode::OK,
            )
        }
        Err(e) => {
            e.log();
            let message = form_message(ctx.t, &e, &input, state.limits.max_secret_bytes);
            render(
                form_page(state, ctx.t, &input, Some(message), user),
                e.status(),
            )
        }
    })
}

/// With a session, the form must carry its CSRF token and come from this
/// server's own pages (`Origin`, when sent).
fn check_csrf(
    session: Option<&Session>,
    input: &FormInput,
    ctx: &Ctx,
    headers: &HeaderMap,
) -> Result<(), Error> {
    match session {
        Some(s) if !s.csrf_matches(&input.csrf) || gate::cross_origin(ctx, headers) => {
            tracing::info!("create refused: CSRF token missing or wrong");
            Err(Error::Forbidden)
        }
        _ => Ok(()),
    }
}

/// Validates and stores the form's secret: its link, lifetime and receipt.
async fn store_form(
    state: &AppState,
    ctx: &Ctx,
    input: &FormInput,
    sender: Option<String>,
) -> Result<(String, Ttl, ReceiptToken), Error> {
    let (ttl, views) = input.validate(&state.limits)?;
    let (receipt, new_receipt) = state.receipts.issue_signed_in(sender);
    let token = state
        .secrets
        .create(input.password.as_bytes(), ttl, views, new_receipt)
        .await?;
    state.metrics.secret_created(Via::Web);
    let link = format!("{}{}", ctx.base_url, token.url_quoted());
    Ok((link, ttl, receipt))
}

/// `GET /{token}`: the preview; does not consume.
pub async fn preview(
    State(state): State<AppState>,
    ctx: Ctx,
    Segment(segment): Segment,
) -> Result<Response, PageError> {
    let token = segment
        .and_then(|s| state.secrets.parse_token(&s))
        .ok_or(Error::NotFound)?;
    let views_left = state.secrets.peek(&token).await?;
    let views_left_text = ctx
        .t
        .preview_views_left
        .replace("{n}", &views_left.to_string());
    Ok(render(
        PreviewPage {
            page: Page::new(&state, ctx.t),
            views_left,
            views_left_text,
        },
        StatusCode::OK,
    ))
}

/// `POST /{token}`: reveals, consuming one view.
pub async fn reveal(
    State(state): State<AppState>,
    ctx: Ctx,
    Segment(segment): Segment,
) -> Result<Response, PageError> {
    let revealed = match segment.and_then(|s| state.secrets.parse_token(&s)) {
        Some(token) => state.secrets.reveal(&token).await,
        None => Err(Error::NotFound),
    };
    state.metrics.reveal(Via::Web, &revealed);
    let revealed = revealed?;
    let views_left_text = ctx
        .t
        .reveal_views_left
        .replace("{n}", &revealed.views_left.to_string());
    let secret = Zeroizing::new(String::from_utf8_lossy(&revealed.secret).into_owned());
    Ok(render(
        RevealPage {
            page: Page::new(&state, ctx.t),
            secret: &secret,
            views_left: revealed.views_left,
            views_left_text,
        },
        StatusCode::OK,
    ))
}

/// Anything unrouted: problem JSON under `/api/`, a "not found" page elsewhere.
pub async fn fallback(ctx: Ctx, uri: axum::http::Uri) -> Response {
    refuse(&ctx, uri.path(), Error::NotFound)
}

/// A route that exists, asked with a method it does not take: 405 as a
/// problem document under `/api/`, a page elsewhere (axum adds `Allow`).
pub async fn method_not_allowed(ctx: Ctx, uri: axum::http::Uri) -> Response {
    refuse(&ctx, uri.path(), Error::MethodNotAllowed)
}

/// `error` as a problem document under `/api/` or for a JSON client, else
/// as a page: for answers that are not tied to one kind of route.
pub(super) fn refuse(ctx: &Ctx, path: &str, error: Error) -> Response {
    if is_api(path) || ctx.wants_json {
        ApiError(error).into_response()
    } else {
        PageError::from(error).into_response()
    }
}

/// The link as a QR code in inline SVG, drawn by the server (no script, no CDN).
fn qr_svg(link: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::new(link.as_bytes()) {
        Ok(code) => {
            let svg = code
                .render::<svg::Color>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build();
            // Inline SVG must not carry an XML declaration.
            match svg.find("<svg") {
                Some(start) => svg[start..].to_owned(),
                None => String::new(),
            }
        }
        Err(_) => String::new(),
    }
}
