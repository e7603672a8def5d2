//! The HTTP face of hushlink: routes, shared state, and the layers every
//! response passes through (protective headers, access log).
//!
//! `router(state)` builds the whole application so tests can drive it
//! directly; `api` holds the JSON endpoints, `web` the pages, `assets` the
//! static files, `context` what handlers learn from a request (base URL,
//! language, whether JSON is wanted), and `body` the size-limited body reader.

use std::ops::Deref;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};

use crate::secrets::SecretService;

pub mod api;
pub mod assets;
pub mod body;
pub mod context;
pub mod web;

/// Limits applied to every secret, whichever way it arrives.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_secret_bytes: usize,
    pub max_ttl: u64,
}

/// How links are built, from SnapPass's `NO_SSL`, `HOST_OVERRIDE`, `URL_PREFIX`.
#[derive(Debug, Clone)]
pub struct LinkSettings {
    pub no_ssl: bool,
    pub host_override: Option<String>,
    /// `URL_PREFIX` without surrounding slashes; `None` when unset or empty.
    pub url_prefix: Option<String>,
}

/// Everything a handler needs, shared by all requests.
pub struct Inner {
    pub secrets: SecretService,
    pub links: LinkSettings,
    pub limits: Limits,
    pub assets: assets::Assets,
    /// Where pages load assets from (`STATIC_URL`, default `static`).
    pub static_url: String,
    content_security_policy: HeaderValue,
}

/// Cheap-to-clone handle on the shared state.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(
        secrets: SecretService,
        links: LinkSettings,
        limits: Limits,
        static_url: String,
    ) -> Self {
        let static_url = static_url.trim_end_matches('/').to_owned();
        let static_url = if static_url.is_empty() {
            "static".to_owned()
        } else {
            static_url
        };
        let content_security_policy = csp(&static_url);
        AppState(Arc::new(Inner {
            secrets,
            links,
            limits,
            assets: assets::Assets::new(),
            static_url,
            content_security_policy,
        }))
    }
}

/// A strict policy: no inline script, nothing from a third party except an
/// operator's own `STATIC_URL` origin, no framing.
fn csp(static_url: &str) -> HeaderValue {
    let extra = static_origin(static_url)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    let policy = format!(
        "default-src 'none'; script-src 'self'{extra}; style-src 'self'{extra}; img-src 'self' data:{extra}; \
         form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    );
    HeaderValue::from_str(&policy)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"))
}

/// The origin of an absolute `STATIC_URL` (`https://cdn.example`), if it is one.
fn static_origin(static_url: &str) -> Option<String> {
    let (scheme, rest) = static_url.split_once("://")?;
    let host = rest.split('/').next()?;
    let valid = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
    };
    (matches!(scheme, "http" | "https") && valid(host)).then(|| format!("{scheme}://{host}"))
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(web::form).post(web::create))
        .route("/{token}", get(web::preview).post(web::reveal))
        .route("/api/set_password/", post(api::set_password))
        .route("/api/set_password", post(api::set_password))
        .route("/api/v2/passwords", post(api::create))
        .route(
            "/api/v2/passwords/{token}",
            get(api::reveal).head(api::check),
        )
        .route("/_/_/health", get(api::health))
        .route("/static/{file}", get(assets::serve))
        .fallback(web::fallback)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            protective_headers,
        ))
        .layer(middleware::from_fn(access_log))
        .with_state(state)
}

/// Headers on every answer: no caching of anything that shows or leads to
/// a secret (assets set their own long cache), no referrer, no sniffing, a
/// strict CSP, no framing.
async fn protective_headers(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        state.content_security_policy.clone(),
    );
    response
}

/// One line per request: method, redacted path, status, duration. The path
/// is reduced to its route template, so no token ever reaches a log.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = redact_path(request.uri().path());
    let response = next.run(request).await;
    tracing::info!(
        target: "hushlink::access",
        method = %method,
        path = route,
        status = response.status().as_u16(),
        duration_us = started.elapsed().as_micros() as u64,
        "request"
    );
    response
}

/// Maps a request path to something safe to log: fixed routes as they are,
/// anything that could hold a token as its route template.
pub fn redact_path(path: &str) -> &'static str {
    match path {
        "/" => "/",
        "/api/set_password/" | "/api/set_password" => "/api/set_password/",
        "/api/v2/passwords" => "/api/v2/passwords",
        "/_/_/health" => "/_/_/health",
        p if p.starts_with("/api/v2/passwords/") => "/api/v2/passwords/{token}",
        p if p.starts_with("/static/") => "/static/{file}",
        p if p.len() > 1 && !p[1..].contains('/') => "/{token}",
        _ => "/{other}",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_redacted() {
        assert_eq!(redact_path("/snappassabc~key%3D"), "/{token}");
        assert_eq!(
            redact_path("/api/v2/passwords/snappassabc~k"),
            "/api/v2/passwords/{token}"
        );
        assert_eq!(redact_path("/a/b/c"), "/{other}");
        assert_eq!(redact_path("/_/_/health"), "/_/_/health");
    }

    #[test]
    fn static_origin_only_for_absolute_urls() {
        assert_eq!(static_origin("static"), None);
        assert_eq!(
            static_origin("https://cdn.example.com/x"),
            Some("https://cdn.example.com".into())
        );
        assert_eq!(static_origin("javascript://x;'"), None);
    }
}
