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
