//! The OpenAPI 3.1 description served at `GET /api/openapi.json`.
//!
//! It is generated from the code: each API handler carries a
//! `#[utoipa::path]` annotation (method, path, parameters, every status it
//! can answer and the type of each body), and [`api_routes`] builds the
//! axum routes *from those annotations* with `utoipa-axum`, so a route and
//! its description are one definition and cannot drift. The answer types
//! (`Created`, `Problem`, `KeyInfo`, ...) are the ones the handlers
//! serialize. This module adds what belongs to the document as a whole:
//! its title, tags and the three ways to authenticate.

use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::Problem;
use super::{AppState, admin, api, receipts, zk};

/// Where the description is served.
pub const PATH: &str = "/api/openapi.json";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "hushlink",
        description = "Share a secret through a link that works once. SnapPass's API (`/api/set_password/`, \
                       `/api/v2/passwords`), plus API keys and bootstrap. Errors are RFC 7807 problem documents.",
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    tags(
        (name = "secrets", description = "Create, check and reveal secrets (SnapPass's APIs)."),
        (name = "zero-knowledge", description = "Secrets encrypted by the client; the server stores what it cannot open and \
                                                releases it only for a proof of the key (docs/FORMAT.md)."),
        (name = "receipts", description = "The sender's receipt of a secret: what happened to it (never the secret or its readers), \
                                           and burning it at once."),
        (name = "keys", description = "API keys (the `admin` scope) and the once-ever bootstrap."),
        (name = "health", description = "Probes for load balancers and Kubernetes."),
    ),
    modifiers(&SecuritySchemes),
)]
struct ApiDoc;

/// The ways a client authenticates: an API key as a bearer token or in
/// `X-Api-Key`, and the bootstrap token (a bearer token on one route).
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("hlk_ API key")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "api_key",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::new("X-Api-Key"))),
        );
        components.add_security_scheme(
            "bootstrap_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("HUSHLINK_BOOTSTRAP_TOKEN")
                    .build(),
            ),
        );
    }
}

/// The error answers both create routes share, as documented (each is a
/// problem document; the handlers' own error type decides when).
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum CreateErrors {
    /// A missing or empty password, a bad TTL or view count, a body that is not a JSON object,
    /// or a `Host` this server does not build links for (`HUSHLINK_ALLOWED_HOSTS`).
    #[response(status = 400, content_type = "application/problem+json")]
    Invalid(Problem),
    /// Keys are required (`HUSHLINK_API_AUTH=required`) and none usable was sent, or (in any
    /// mode) a key was sent that is malformed, unknown, expired or disabled.
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(Problem),
    /// The key lacks the `create` scope.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
    /// The body did not arrive whole within `HUSHLINK_BODY_TIMEOUT`; the connection is closed.
    #[response(status = 408, content_type = "application/problem+json")]
    BodyTimeout(Problem),
    /// The body or the secret is over the size limit (the title states the largest secret in bytes).
    #[response(status = 413, content_type = "application/problem+json")]
    TooLarge(Problem),
    /// More creates from this client address than `HUSHLINK_CREATE_RATE` allows, or from this API key than
    /// its own `create_rate` allows; see `Retry-After`.
    #[response(status = 429, content_type = "application/problem+json",
               headers(("retry-after" = u64, description = "Seconds to wait")))]
    TooMany(Problem),
    /// The store is unavailable; nothing was stored.
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(Problem),
    /// No room for this secret: the server's disk is (nearly) full (`HUSHLINK_MIN_FREE_DISK`, `type` ending in
    /// `insufficient-storage`), or the secrets held plus this one would exceed the storage quota
    /// (`HUSHLINK_MAX_STORED_BYTES`, `type` ending in `storage-quota-reached`); nothing was stored, reveals still work.
    #[response(status = 507, content_type = "application/problem+json")]
    InsufficientStorage(Problem),
}

/// The error answers every key-management route shares.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum AdminErrors {
    /// No usable API key (missing, malformed, unknown, expired or disabled: one answer for all).
    #[response(status = 401, content_type = "application/problem+json")]
    Unauthorized(Problem),
    /// The key lacks the `admin` scope.
    #[response(status = 403, content_type = "application/problem+json")]
    Forbidden(Problem),
    /// The store is unavailable, or keys were changed concurrently; nothing was changed.
    #[response(status = 503, content_type = "application/problem+json")]
    Unavailable(Problem),
}

/// The secret APIs and the probes, with their description.
pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(api::set_password))
        .routes(routes!(api::create))
        // GET first: axum answers HEAD with the GET handler unless an
        // explicit HEAD handler is added after it.
        .routes(routes!(api::reveal, api::check))
        .routes(routes!(zk::create))
        .routes(routes!(zk::metadata, zk::check))
        .routes(routes!(zk::reveal))
        .routes(routes!(receipts::status, receipts::burn))
        .routes(routes!(api::health))
        .routes(routes!(api::ready))
        .routes(routes!(api::live))
}

/// Key management and bootstrap, with their description (also served on
/// the local admin socket).
pub fn admin_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(admin::create, admin::list))
        .routes(routes!(admin::get, admin::update, admin::delete))
        .routes(routes!(admin::rotate))
        .routes(routes!(admin::bootstrap))
}
