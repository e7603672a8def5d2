//! The web pages: form, "your link", preview, reveal, and the message pages
//! for everything that can go wrong.
//!
//! Every page works without JavaScript: the form and the reveal button are
//! plain HTML forms; the script only adds copy buttons. A `GET` of a link
//! never consumes the secret (link-preview bots fetch links), only the
//! reveal button's `POST` does.

use askama::Template;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use serde_json::json;

use super::AppState;
use super::api::ApiError;
use super::body::{form_limit, read_limited};
use super::context::{Ctx, home};
use crate::error::{Conflict, Error};
use crate::i18n::Strings;
use crate::metrics::Via;
use crate::secret::{Ttl, Views};

/// What every page shares: language, asset URLs, the home path.
pub struct Page {
    pub t: &'static Strings,
    pub css: String,
    pub js: String,
    pub icon: String,
    pub home: String,
}

impl Page {
    fn new(state: &AppState, t: &'static Strings) -> Self {
        let asset = |stem, ext| format!("{}/{}", state.static_url, state.assets.name(stem, ext));
        Page {
            t,
            css: asset("app", "css"),
            js: asset("app", "js"),
            icon: asset("icon", "svg"),
            home: home(&state.links),
        }
    }
}

pub struct TtlOption {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    page: Page,
    ttl_options: Vec<TtlOption>,
    max_chars: usize,
}

#[derive(Template)]
#[template(path = "link.html")]
struct LinkPage {
    page: Page,
    link: String,
    qr_svg: String,
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
struct RevealPage {
    page: Page,
    secret: String,
    views_left: u32,
    views_left_text: String,
}

#[derive(Template)]
#[template(path = "message.html")]
struct MessagePage {
    page: Page,
    heading: &'static str,
    paragraphs: Vec<&'static str>,
    show_home: bool,
}

fn render(template: impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed to render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// An error on a page route: rendered as a page in the visitor's language.
pub struct PageError {
    error: Error,
    page: Page,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        self.error.log();
        let status = self.error.status();
        let t = self.page.t;
        let (heading, paragraphs) = match self.error {
            Error::NotFound => (
                t.not_found_heading,
                vec![t.not_found_body, t.not_found_hint],
            ),
            Error::Damaged => (t.damaged_heading, vec![t.damaged_body]),
            Error::TooLarge => (t.too_large_heading, vec![t.too_large_body]),
            Error::Store(_) | Error::StorageFull { .. } | Error::Conflict(Conflict::Busy) => {
                (t.unavailable_heading, vec![t.unavailable_body])
            }
            Error::NoSuchKey => (t.not_found_heading, vec![]),
            Error::Invalid(_)
            | Error::Unauthorized { .. }
            | Error::Forbidden
            | Error::Conflict(_)
            | Error::TooManyAttempts { .. } => (t.invalid_heading, vec![t.invalid_body]),
        };
        render(
            MessagePage {
                page: self.page,
                heading,
                paragraphs,
                show_home: true,
            },
            status,
        )
    }
}

fn page_error(state: &AppState, ctx: &Ctx) -> impl Fn(Error) -> PageError {
    let (state, t) = (state.clone(), ctx.t);
    move |error| PageError {
        error,
        page: Page::new(&state, t),
    }
}

/// `GET /`: the form.
pub async fn form(State(state): State<AppState>, ctx: Ctx) -> Response {
    if !state.web_form {
        return fallback(State(state), ctx, axum::http::Uri::from_static("/")).await;
    }
    let t = ctx.t;
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
    // SnapPass selects "Week"; under a lower maximum, the longest allowed.
    let default = if available.iter().any(|(v, _)| *v == "Week") {
        "Week"
    } else {
        available.first().map_or("", |c| c.0)
    };
    let ttl_options = available
        .into_iter()
        .map(|(value, label)| TtlOption {
            value,
            label,
            selected: value == default,
        })
        .collect();
    render(
        FormPage {
            page: Page::new(&state, t),
            ttl_options,
            max_chars: state.limits.max_secret_bytes,
        },
        StatusCode::OK,
    )
}

/// `POST /`: stores the secret from the form; a page, or JSON when asked.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if !state.web_form {
        return fallback(State(state), ctx, axum::http::Uri::from_static("/")).await;
    }
    let result = async {
        let bytes = read_limited(&headers, body, form_limit(state.limits.max_secret_bytes)).await?;
        let (mut password, mut ttl_name, mut views) = (None, None, None);
        for (key, value) in form_urlencoded::parse(&bytes) {
            match key.as_ref() {
                "password" => password = Some(value.into_owned()),
                "ttl" => ttl_name = Some(value.into_owned()),
                "views" => views = Some(value.into_owned()),
                _ => {}
            }
        }
        let password = password.filter(|p| !p.is_empty()).ok_or_else(|| {
            Error::invalid(
                "password",
                "The password is required and should not be null or empty.",
            )
        })?;
        if password.len() > state.limits.max_secret_bytes {
            return Err(Error::TooLarge);
        }
        let ttl = ttl_name
            .and_then(|name| Ttl::from_form_name(name.trim(), state.limits.max_ttl))
            .ok_or_else(|| Error::invalid("ttl", "Choose one of: Two Weeks, Week, Day, Hour."))?;
        let views = match views.as_deref().map(str::trim) {
            None | Some("") => Views::ONE,
            Some(v) => v
                .parse::<u64>()
                .ok()
                .and_then(|n| Views::parse(n).ok())
                .ok_or_else(|| {
                    Error::invalid("views", "Views must be a whole number from 1 to 100.")
                })?,
        };
        let token = state
            .secrets
            .create(password.as_bytes(), ttl, views)
            .await?;
        state.metrics.secret_created(Via::Web);
        Ok((format!("{}{}", ctx.base_url, token.url_quoted()), ttl))
    }
    .await;

    match result {
        Ok((link, ttl)) if ctx.wants_json => {
            Json(json!({ "link": link, "ttl": ttl.secs() })).into_response()
        }
        Ok((link, _)) => {
            let qr_svg = qr_svg(&link);
            render(
                LinkPage {
                    page: Page::new(&state, ctx.t),
                    link,
                    qr_svg,
                },
                StatusCode::OK,
            )
        }
        Err(e) if ctx.wants_json => ApiError::from_ctx(e, &ctx).into_response(),
        Err(e) => page_error(&state, &ctx)(e).into_response(),
    }
}

/// `GET /{token}`: the preview; does not consume.
pub async fn preview(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(segment): Path<String>,
) -> Result<Response, PageError> {
    let to_page = page_error(&state, &ctx);
    let token = state
        .secrets
        .parse_token(&segment)
        .ok_or_else(|| to_page(Error::NotFound))?;
    let views_left = state.secrets.peek(&token).await.map_err(&to_page)?;
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
    Path(segment): Path<String>,
) -> Result<Response, PageError> {
    let to_page = page_error(&state, &ctx);
    let revealed = match state.secrets.parse_token(&segment) {
        Some(token) => state.secrets.reveal(&token).await,
        None => Err(Error::NotFound),
    };
    state.metrics.reveal(Via::Web, &revealed);
    let revealed = revealed.map_err(&to_page)?;
    let views_left_text = ctx
        .t
        .reveal_views_left
        .replace("{n}", &revealed.views_left.to_string());
    Ok(render(
        RevealPage {
            page: Page::new(&state, ctx.t),
            secret: String::from_utf8_lossy(&revealed.secret).into_owned(),
            views_left: revealed.views_left,
            views_left_text,
        },
        StatusCode::OK,
    ))
}

/// Anything unrouted: problem JSON under `/api/`, a "not found" page elsewhere.
pub async fn fallback(State(state): State<AppState>, ctx: Ctx, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") || ctx.wants_json {
        return ApiError::from_ctx(Error::NotFound, &ctx).into_response();
    }
    page_error(&state, &ctx)(Error::NotFound).into_response()
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
