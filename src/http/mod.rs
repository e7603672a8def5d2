//! The HTTP face of hushlink: routes, shared state, and the edge every
//! request passes through (`edge`: access log, request metrics, protective
//! headers, the error layer, client limits; one middleware).
//!
//! `router(state)` builds the whole application so tests can drive it
//! directly; `api` holds the JSON endpoints, `web` the pages, `assets` the
//! static files, `context` what handlers learn from a request (base URL,
//! language, whether JSON is wanted), `body` the size-limited body reader,
//! and `openapi` the API's routes together with their OpenAPI description;
//! `zk` and `zk_web` are the API and pages of zero-knowledge links;
//! `problem` how errors leave (problem documents, error pages);
//! `signin` the sign-in routes and the gate in front of web creates, and
//! `keys_web` a signed-in sender's own API keys.
//!
//! Only this module and `openapi` name handlers; handler modules import
//! shared pieces (`problem`, `context`, `auth`, `body`), never the router,
//! so the import graph has no cycle (`docs/ARCHITECTURE.md` draws it).
//! A new handler: see `problem`'s module doc.

use std::ops::Deref;
use std::sync::Arc;

use axum::body::Bytes;
use axum::http::{HeaderValue, header};
use axum::middleware;
use axum::routing::{get, post};
use axum::{Extension, Router};

use crate::bootstrap::{BootstrapToken, FailureLimiter};
use crate::config::{ApiAuth, Config};
use crate::keys::KeyService;
use crate::metrics::{MeteredStore, Metrics};
use crate::ratelimit::CreateLimiter;
use crate::receipts::ReceiptService;
use crate::secrets::SecretService;
use crate::store::DynStore;
use crate::token::KeySpace;
use crate::zk::service::ZkService;
use client_addr::TrustedProxies;

pub mod admin;
pub mod api;
pub mod assets;
pub mod auth;
pub mod body;
pub mod client_addr;
pub mod context;
mod edge;
pub mod gate;
pub mod input;
pub mod keys_web;
pub mod openapi;
pub mod problem;
pub mod receipt_web;
pub mod receipts;
pub mod signin;
pub mod web;
pub mod zk;
pub mod zk_web;

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
    /// `HUSHLINK_ALLOWED_HOSTS`: the only `Host` values links are built for.
    pub allowed_hosts: Option<context::AllowedHosts>,
}

/// Everything a handler needs, shared by all requests.
pub struct Inner {
    pub secrets: SecretService,
    /// Zero-knowledge secrets (`/api/v2/secrets`, `/s/{id}`).
    pub zk: ZkService,
    pub keys: KeyService,
    /// Receipts: issued with every secret, read and burned by their holders.
    pub receipts: ReceiptService,
    /// Whether the create APIs need a key.
    pub api_auth: ApiAuth,
    /// Whether `GET /` and `POST /` serve the create form.
    pub web_form: bool,
    /// Whether the form encrypts in the page (zero-knowledge) or on the server.
    pub web_encryption: crate::config::WebEncryption,
    /// The configured bootstrap token, if any.
    pub bootstrap_token: Option<BootstrapToken>,
    /// Failed bootstrap attempts per client address.
    pub bootstrap_failures: FailureLimiter,
    /// Creates per client address (`HUSHLINK_CREATE_RATE`, 0: off) and per
    /// API key with a create rate of its own.
    pub create_limiter: CreateLimiter,
    /// Whose forwarding headers name the client (`HUSHLINK_TRUSTED_PROXIES`).
    pub trusted_proxies: TrustedProxies,
    pub links: LinkSettings,
    pub limits: Limits,
    pub assets: assets::Assets,
    /// Where pages load assets from (`STATIC_URL`, default `static`).
    pub static_url: String,
    /// Counted always; served only when `HUSHLINK_METRICS_ADDR` is set.
    pub metrics: Arc<Metrics>,
    /// Whether a metrics listener serves them: then store calls and
    /// requests are timed too.
    pub metrics_served: bool,
    /// Sign-in for senders (`HUSHLINK_OIDC_ISSUER`); `None` when off.
    pub oidc: Option<Arc<crate::oidc::Oidc>>,
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
    /// The state for `config` over `store`; fails on settings that can
    /// only be checked together (the bootstrap token's length).
    pub fn from_config(config: &Config, store: DynStore) -> anyhow::Result<Self> {
        Self::with_metrics(config, store, Arc::new(Metrics::new()))
    }

    /// [`from_config`](Self::from_config) counting into `metrics`, which
    /// parts built before the state (the webhook layer) count into too.
    pub fn with_metrics(
        config: &Config,
        store: DynStore,
        metrics: Arc<Metrics>,
    ) -> anyhow::Result<Self> {
        let links = LinkSettings {
            no_ssl: config.no_ssl,
            host_override: config.host_override.clone().filter(|h| !h.is_empty()),
            url_prefix: config
                .url_prefix
                .as_deref()
                .map(|p| p.trim_matches('/').to_owned())
                .filter(|p| !p.is_empty()),
            allowed_hosts: context::AllowedHosts::parse_setting(config.allowed_hosts.as_deref())
                .map_err(|e| anyhow::anyhow!("HUSHLINK_ALLOWED_HOSTS: {e}"))?,
        };
        let limits = Limits {
            max_secret_bytes: config.max_secret_bytes,
            max_ttl: config.max_ttl,
        };
        let bootstrap_token = config.bootstrap_token()?.map(|t| BootstrapToken::new(&t));
        let trusted_proxies = TrustedProxies::parse_setting(config.trusted_proxies.as_deref())
            .map_err(|e| anyhow::anyhow!("HUSHLINK_TRUSTED_PROXIES: {e}"))?;
        let static_url = config.static_url.trim_end_matches('/').to_owned();
        let static_url = if static_url.is_empty() {
            "static".to_owned()
        } else {
            static_url
        };
        let oidc_settings = config.oidc.settings()?;
        // Sign-out's redirect to the provider follows a form: the pages
        // must allow the provider's origin as a form's target.
        let logout_origin = oidc_settings
            .as_ref()
            .and_then(crate::oidc::Settings::logout_origin);
        let content_security_policy = csp(&static_url, logout_origin.as_deref());
        // Timing every store call and request costs about a tenth of the
        // throughput (measured with bench/run.sh), so it is done only when
        // someone scrapes; the few counters of the handlers are always kept.
        let metrics_served = config.metrics_addr()?.is_some();
        let store = if metrics_served {
            MeteredStore::wrap(store, Arc::clone(&metrics))
        } else {
            store
        };
        // Counted in the store when it is shared (Redis), so every
        // instance draws from the same bucket per client.
        // Discovery runs in the background, so it needs a runtime; the
        // in-process CLI (no runtime, no pages) has no use for sign-in.
        let oidc = match oidc_settings {
            Some(settings) if tokio::runtime::Handle::try_current().is_ok() => {
                Some(crate::oidc::Oidc::start(settings)?)
            }
            _ => None,
        };
        let create_limiter = CreateLimiter::new(config.create_rate, Arc::clone(&store));
        Ok(AppState(Arc::new(Inner {
            secrets: SecretService::new(
                Arc::clone(&store),
                KeySpace::new(&config.redis_prefix, config.legacy_bare_tokens),
            ),
            zk: ZkService::new(
                Arc::clone(&store),
                config.redis_prefix.clone(),
                config.passphrase_attempts,
            ),
            receipts: ReceiptService::new(Arc::clone(&store), config.receipt_retention),
            keys: KeyService::new(store),
            api_auth: config.api_auth,
            web_form: config.web_form,
            web_encryption: config.web_encryption,
            bootstrap_token,
            bootstrap_failures: FailureLimiter::default(),
            create_limiter,
            trusted_proxies,
            links,
            limits,
            assets: assets::Assets::new(),
            static_url,
            metrics,
            metrics_served,
            oidc,
            content_security_policy,
        })))
    }
}

/// A strict policy: no inline script, nothing from a third party except an
/// operator's own `STATIC_URL` origin, no framing. `connect-src 'self'`
/// lets the zero-knowledge pages call this server's API, and nothing else.
/// Forms lead to this server only, and to the OpenID Provider's origin
/// (`logout_origin`) when sign-out goes on there: browsers hold the redirect
/// that follows a form to `form-action` too.
fn csp(static_url: &str, logout_origin: Option<&str>) -> HeaderValue {
    let extra = static_origin(static_url)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    let forms = logout_origin.map(|o| format!(" {o}")).unwrap_or_default();
    let policy = format!(
        "default-src 'none'; script-src 'self'{extra}; connect-src 'self'; style-src 'self'{extra}; img-src 'self' data:{extra}; \
         form-action 'self'{forms}; base-uri 'none'; frame-ancestors 'none'"
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
    let (api_routes, description) = openapi::api_routes()
        .merge(openapi::admin_routes())
        .split_for_parts();
    // Built once, from types only: serializing it cannot fail at run time.
    let description =
        Bytes::from(serde_json::to_vec(&description).expect("the OpenAPI description serializes"));
    Router::new()
        .route("/", get(web::form).post(web::create))
        .route("/{token}", get(web::preview).post(web::reveal))
        .route(
            "/r/{token}",
            get(receipt_web::show).post(receipt_web::delete),
        )
        .route("/s", post(zk_web::create))
        .route("/s/{id}", get(zk_web::page))
        .route("/_/oidc/login", get(signin::login))
        .route("/_/oidc/callback", get(signin::callback))
        .route("/_/oidc/logout", post(signin::logout))
        .route("/_/keys", get(keys_web::show).post(keys_web::change))
        // SnapPass's route has a trailing slash; Flask also answers without.
        .route("/api/set_password", post(api::set_password))
        .merge(api_routes)
        .route(
            openapi::PATH,
            get(move || async move { ([(header::CONTENT_TYPE, "application/json")], description) }),
        )
        .route("/static/{file}", get(assets::serve))
        .method_not_allowed_fallback(web::method_not_allowed)
        .fallback(web::fallback)
        .layer(middleware::from_fn_with_state(state.clone(), edge::edge))
        .with_state(state)
}

/// The router of the local admin socket: the admin routes (key management
/// and bootstrap), every request acting as the operator on the host (the
/// socket is owner-only).
pub fn local_admin_router(state: AppState) -> Router {
    Router::from(openapi::admin_routes())
        .route("/_/local/bootstrap/reset", post(admin::reset_bootstrap))
        .route("/_/_/health", get(api::health))
        .method_not_allowed_fallback(web::method_not_allowed)
        .fallback(web::fallback)
        .layer(Extension(auth::LocalAdmin))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            edge::admin_edge,
        ))
        .with_state(state)
}

/// Maps a request path to something safe to log: fixed routes as they are,
/// anything that could hold a token as its route template.
pub fn redact_path(path: &str) -> &'static str {
    match path {
        "/" => "/",
        "/api/set_password/" | "/api/set_password" => "/api/set_password/",
        "/api/v2/passwords" => "/api/v2/passwords",
        "/_/_/health" => "/_/_/health",
        "/_/_/ready" => "/_/_/ready",
        "/_/_/live" => "/_/_/live",
        "/api/v2/keys" => "/api/v2/keys",
        "/api/v2/bootstrap" => "/api/v2/bootstrap",
        "/api/openapi.json" => "/api/openapi.json",
        "/api/v2/secrets" => "/api/v2/secrets",
        p if p.starts_with("/api/v2/secrets/") && p.ends_with("/reveal") => {
            "/api/v2/secrets/{id}/reveal"
        }
        p if p.starts_with("/api/v2/secrets/") => "/api/v2/secrets/{id}",
        "/s" => "/s",
        "/_/oidc/login" => "/_/oidc/login",
        "/_/oidc/callback" => "/_/oidc/callback",
        "/_/oidc/logout" => "/_/oidc/logout",
        "/_/keys" => "/_/keys",
        p if p.starts_with("/s/") => "/s/{id}",
        p if p.starts_with("/api/v2/passwords/") => "/api/v2/passwords/{token}",
        p if p.starts_with("/api/v2/receipts/") => "/api/v2/receipts/{token}",
        p if p.starts_with("/r/") => "/r/{token}",
        p if p.starts_with("/api/v2/keys/") && p.ends_with("/rotate") => {
            "/api/v2/keys/{name}/rotate"
        }
        p if p.starts_with("/api/v2/keys/") => "/api/v2/keys/{name}",
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
        assert_eq!(
            redact_path("/api/v2/secrets/0123456789abcdef0123456789abcdef/reveal"),
            "/api/v2/secrets/{id}/reveal"
        );
        assert_eq!(
            redact_path("/api/v2/secrets/0123456789abcdef0123456789abcdef"),
            "/api/v2/secrets/{id}"
        );
        assert_eq!(redact_path("/s/0123456789abcdef"), "/s/{id}");
        let receipt = format!("hlr_{}A", "B".repeat(42));
        assert_eq!(
            redact_path(&format!("/api/v2/receipts/{receipt}")),
            "/api/v2/receipts/{token}"
        );
        assert_eq!(redact_path(&format!("/r/{receipt}")), "/r/{token}");
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
