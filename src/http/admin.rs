//! The admin API (`/api/v2/keys`) and the bootstrap route.
//!
//! Bodies are read as JSON values and checked field by field, like the
//! secret APIs, so a wrong type gets a 400 naming the field. A new or
//! rotated key appears in exactly one answer, the one that made it.

use std::net::SocketAddr;

use axum::Json;
use axum::body::Body;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

use super::AppState;
use super::api::ApiError;
use super::auth::{Admin, LocalAdmin, presented_key};
use super::body::read_limited;
use super::context::Ctx;
use crate::apikey::{KeyName, Scope};
use crate::error::{Error, InvalidParam};
use crate::keys::{self, BootstrapVia, KeyPatch, KeySpec, MAX_DESCRIPTION};

/// Admin bodies are small; anything larger is refused before buffering.
const ADMIN_BODY_LIMIT: usize = 16 * 1024;

/// Reads a JSON object body (an empty body counts as `{}`).
async fn read_object(headers: &HeaderMap, body: Body) -> Result<Map<String, Value>, Error> {
    let bytes = read_limited(headers, body, ADMIN_BODY_LIMIT).await?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(fields)) => Ok(fields),
        _ => Err(Error::invalid(
            "body",
            "The request body must be a JSON object.",
        )),
    }
}

/// Collects field errors so one answer names every bad field.
#[derive(Default)]
struct Fields(Vec<InvalidParam>);

impl Fields {
    fn bad(&mut self, name: &str, reason: &str) {
        self.0.push(InvalidParam::new(name, reason));
    }

    fn name(&mut self, v: Option<&Value>, required: bool) -> Option<KeyName> {
        match v {
            None | Some(Value::Null) if !required => None,
            Some(Value::String(s)) => KeyName::parse(s)
                .map_err(|reason| self.bad("name", reason))
                .ok(),
            _ => {
                self.bad(
                    "name",
                    "The name is required: 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '-'.",
                );
                None
            }
        }
    }

    /// `Some(None)` for an explicit null (clear), `None` when absent.
    fn description(&mut self, v: Option<&Value>) -> Option<Option<String>> {
        match v {
            None => None,
            Some(Value::Null) => Some(None),
            Some(Value::String(s)) if s.len() <= MAX_DESCRIPTION => {
                Some(Some(s.clone()).filter(|s| !s.is_empty()))
            }
            Some(_) => {
                self.bad(
                    "description",
                    "The description must be a string of at most 256 bytes.",
                );
                None
            }
        }
    }

    fn expires_at(&mut self, v: Option<&Value>) -> Option<Option<u64>> {
        match v {
            None => None,
            Some(Value::Null) => Some(None),
            Some(Value::String(s)) => match keys::parse_expiry(s) {
                Ok(at) => Some(Some(at)),
                Err(reason) => {
                    self.bad("expires_at", reason);
                    None
                }
            },
            Some(_) => {
                self.bad("expires_at", "Use an RFC 3339 time string, or null.");
                None
            }
        }
    }

    fn scopes(&mut self, v: Option<&Value>) -> Vec<Scope> {
        let Some(v) = v else { return vec![] };
        let parsed: Option<Vec<Scope>> = match v {
            Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().and_then(Scope::parse))
                .collect(),
            _ => None,
        };
        parsed.unwrap_or_else(|| {
            self.bad(
                "scopes",
                "Scopes must be a list of \"create\" and/or \"admin\".",
            );
            vec![]
        })
    }

    fn disabled(&mut self, v: Option<&Value>) -> Option<bool> {
        match v {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(_) => {
                self.bad("disabled", "Disabled must be true or false.");
                None
            }
        }
    }

    fn finish(self) -> Result<(), Error> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(self.0))
        }
    }
}

/// A key name from the path; one that cannot exist is simply not found.
fn path_name(raw: &str) -> Result<KeyName, Error> {
    KeyName::parse(raw).map_err(|_| Error::NoSuchKey)
}

/// `POST /api/v2/keys`: 201 with the new key, shown this once.
pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(_): Admin,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let result = async {
        let fields = read_object(&headers, body).await?;
        let mut f = Fields::default();
        let name = f.name(fields.get("name"), true);
        let description = f.description(fields.get("description")).flatten();
        let scopes = f.scopes(fields.get("scopes"));
        let expires_at = f.expires_at(fields.get("expires_at")).flatten();
        f.finish()?;
        let name = name.ok_or_else(|| Error::invalid("name", "The name is required."))?;
        state
            .keys
            .create(KeySpec {
                name,
                description,
                scopes,
                expires_at,
            })
            .await
    }
    .await;
    let made = result.map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// `GET /api/v2/keys`
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(_): Admin,
) -> Result<Response, ApiError> {
    let keys = state
        .keys
        .list()
        .await
        .map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok(Json(keys).into_response())
}

/// `GET /api/v2/keys/{name}`
pub async fn get(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(_): Admin,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let result = async { state.keys.get(&path_name(&name)?).await }.await;
    let key = result.map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok(Json(key).into_response())
}

/// `PATCH /api/v2/keys/{name}`: `{name?, description?, disabled?, expires_at?}`.
pub async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(_): Admin,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let result = async {
        let name = path_name(&name)?;
        let fields = read_object(&headers, body).await?;
        let mut f = Fields::default();
        let patch = KeyPatch {
            name: f.name(fields.get("name"), false),
            description: f.description(fields.get("description")),
            disabled: f.disabled(fields.get("disabled")),
            expires_at: f.expires_at(fields.get("expires_at")),
        };
        f.finish()?;
        state.keys.update(&name, patch).await
    }
    .await;
    let key = result.map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok(Json(key).into_response())
}

/// `DELETE /api/v2/keys/{name}`: 204.
pub async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(_): Admin,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let result = async { state.keys.delete(&path_name(&name)?).await }.await;
    result.map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /api/v2/keys/{name}/rotate`: a new key under the same name.
pub async fn rotate(
    State(state): State<AppState>,
    ctx: Ctx,
    Admin(_): Admin,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    let result = async { state.keys.rotate(&path_name(&name)?).await }.await;
    let made = result.map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok(Json(made).into_response())
}

/// `POST /api/v2/bootstrap`: exchanges the bootstrap token (or, on the
/// local socket, nothing) for the first admin key. 409 once bootstrapped.
pub async fn bootstrap(
    State(state): State<AppState>,
    ctx: Ctx,
    extensions: Extensions,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let via = if extensions.get::<LocalAdmin>().is_some() {
        BootstrapVia::Cli
    } else {
        let ip = extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(std::net::Ipv4Addr::UNSPECIFIED.into());
        if let Err(retry_after_secs) = state.bootstrap_failures.check(ip) {
            tracing::warn!(%ip, "bootstrap attempts from this address are paused");
            return Err(ApiError::from_ctx(
                Error::TooManyAttempts { retry_after_secs },
                &ctx,
            ));
        }
        let accepted = match (&state.bootstrap_token, presented_key(&headers)) {
            (Some(token), Some(presented)) => token.matches(presented),
            (None, _) => {
                tracing::info!("bootstrap refused: no bootstrap token is configured");
                false
            }
            _ => false,
        };
        if !accepted {
            state.bootstrap_failures.fail(ip);
            tracing::info!(%ip, "bootstrap refused: wrong or missing token");
            return Err(ApiError::from_ctx(
                Error::Unauthorized {
                    bootstrap_hint: false,
                },
                &ctx,
            ));
        }
        BootstrapVia::Token
    };
    let result = async {
        let fields = read_object(&headers, body).await?;
        let mut f = Fields::default();
        let name = f.name(fields.get("name"), false);
        let expires_at = f.expires_at(fields.get("expires_at")).flatten();
        f.finish()?;
        let name = match name {
            Some(n) => n,
            None => KeyName::parse("admin").map_err(|r| Error::invalid("name", r))?,
        };
        state.keys.bootstrap(name, expires_at, via).await
    }
    .await;
    let made = result.map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// `POST /_/local/bootstrap/reset`, on the local admin socket only: lets
/// one more bootstrap happen (`hushlink bootstrap --reset`).
pub async fn reset_bootstrap(
    State(state): State<AppState>,
    ctx: Ctx,
    extensions: Extensions,
) -> Result<Response, ApiError> {
    if extensions.get::<LocalAdmin>().is_none() {
        return Err(ApiError::from_ctx(Error::NotFound, &ctx));
    }
    let existed = state
        .keys
        .reset_bootstrap()
        .await
        .map_err(|e| ApiError::from_ctx(e, &ctx))?;
    Ok(Json(serde_json::json!({ "was_bootstrapped": existed })).into_response())
}
