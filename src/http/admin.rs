//! The admin API (`/api/v2/keys`) and the bootstrap route.
//!
//! Bodies are parsed into the request types the OpenAPI description
//! documents and checked field by field, like the secret APIs, so a wrong
//! type gets a 400 naming the field. A new or rotated key appears in
//! exactly one answer, the one that made it.

use std::net::SocketAddr;

use axum::Json;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{Extensions, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use utoipa::ToSchema;

use super::AppState;
use super::auth::{Admin, LocalAdmin, presented_key};
use super::body::read_limited;
use super::client_addr::ClientAddr;
use super::context::{Ctx, Segment};
use super::input::{json_object, present};
use super::problem::{AdminErrors, ApiError, Problem};
use crate::apikey::{KeyName, Scope};
use crate::error::{Error, InvalidParam};
use crate::keys::{self, BootstrapVia, KeyInfo, KeyPatch, KeySpec, MAX_DESCRIPTION, NewKey};

/// Admin bodies are small; anything larger is refused before buffering.
const ADMIN_BODY_LIMIT: usize = 16 * 1024;

/// Reads a JSON object body into `T` (an empty body counts as `{}`).
async fn read_body<T: DeserializeOwned + Default>(
    headers: &HeaderMap,
    body: Body,
) -> Result<T, Error> {
    let bytes = read_limited(headers, body, ADMIN_BODY_LIMIT).await?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    json_object(&bytes)
}

// The request types are what bodies are parsed into, and what the OpenAPI
// description documents. Like `http::input::NewSecretRequest`, they keep
// each field as the JSON value that arrived (`present`: `null` is kept,
// distinct from absent), checked afterwards by `Fields`, so one answer
// names every bad field. In the schema, `Option` marks a field that may be
// null; `required = false` one that may be absent but not null.
/// A key to make.
#[derive(Default, Deserialize, ToSchema)]
pub struct NewKeyRequest {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = true, pattern = "^[A-Za-z0-9._-]{1,64}$")]
    name: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 256)]
    description: Option<Value>,
    /// Default: `["create"]`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Vec<Scope>, required = false)]
    scopes: Option<Value>,
    /// RFC 3339, in the future; `null` or absent: never expires.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, format = DateTime)]
    expires_at: Option<Value>,
    /// Creates a minute this key may make, counted per key wherever they come from, instead of
    /// `HUSHLINK_CREATE_RATE` per client address (higher or lower); `0`: unlimited; `null` or
    /// absent: the default.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<u32>, minimum = 0, maximum = 1_000_000)]
    create_rate: Option<Value>,
}

/// A change to a key: absent fields stay as they are; `null` clears a
/// description or an expiry.
#[derive(Default, Deserialize, ToSchema)]
pub struct KeyPatchRequest {
    /// A new name.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = false, pattern = "^[A-Za-z0-9._-]{1,64}$")]
    name: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, max_length = 256)]
    description: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = bool, required = false)]
    disabled: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, format = DateTime)]
    expires_at: Option<Value>,
    /// The key's own create rate (see `NewKeyRequest`); `null`: back to the default.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<u32>, minimum = 0, maximum = 1_000_000)]
    create_rate: Option<Value>,
}

/// The first admin key's name, expiry and create rate (the body may be empty).
#[derive(Default, Deserialize, ToSchema)]
pub struct BootstrapRequest {
    /// Default: `admin`.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = false, pattern = "^[A-Za-z0-9._-]{1,64}$")]
    name: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>, format = DateTime)]
    expires_at: Option<Value>,
    /// The key's own create rate (see `NewKeyRequest`).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<u32>, minimum = 0, maximum = 1_000_000)]
    create_rate: Option<Value>,
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

    /// `Some(None)` for an explicit null (the default), `None` when absent.
    fn create_rate(&mut self, v: Option<&Value>) -> Option<Option<u32>> {
        match v {
            None => None,
            Some(Value::Null) => Some(None),
            Some(Value::Number(n)) => match n.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(rate) if rate <= keys::MAX_CREATE_RATE => Some(Some(rate)),
                _ => {
                    self.bad(
                        "create_rate",
                        "The create rate must be a whole number of creates a minute from 0 (unlimited) to 1000000.",
                    );
                    None
                }
            },
            Some(_) => {
                self.bad(
                    "create_rate",
                    "The create rate must be a whole number of creates a minute from 0 (unlimited) to 1000000, or null.",
                );
                None
            }
        }
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

/// A key name from the path; one that cannot exist (or cannot even be
/// decoded) is simply not found.
fn path_name(raw: Option<String>) -> Result<KeyName, Error> {
    raw.and_then(|raw| KeyName::parse(&raw).ok())
        .ok_or(Error::NoSuchKey)
}

/// `POST /api/v2/keys`: 201 with the new key, shown this once.
#[utoipa::path(
    post,
    path = "/api/v2/keys",
    tag = "keys",
    request_body = NewKeyRequest,
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 201, description = "Made; the key appears in this answer only.", body = NewKey),
        (status = 400, description = "A bad field, named in `invalid-params`.", body = Problem, content_type = "application/problem+json"),
        AdminErrors,
        (status = 409, description = "A key with that name exists.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 16 KiB.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    Admin(_): Admin,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let new: NewKeyRequest = read_body(&headers, body).await?;
    let mut f = Fields::default();
    let name = f.name(new.name.as_ref(), true);
    let description = f.description(new.description.as_ref()).flatten();
    let scopes = f.scopes(new.scopes.as_ref());
    let expires_at = f.expires_at(new.expires_at.as_ref()).flatten();
    let create_rate = f.create_rate(new.create_rate.as_ref()).flatten();
    f.finish()?;
    let name = name.ok_or_else(|| Error::invalid("name", "The name is required."))?;
    let made = state
        .keys
        .create(KeySpec {
            name,
            description,
            scopes,
            expires_at,
            create_rate,
        })
        .await?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// `GET /api/v2/keys`
#[utoipa::path(
    get,
    path = "/api/v2/keys",
    tag = "keys",
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Every key, by name; never a key or its hash.", body = Vec<KeyInfo>),
        AdminErrors,
    )
)]
pub async fn list(State(state): State<AppState>, Admin(_): Admin) -> Result<Response, ApiError> {
    let keys = state.keys.list().await?;
    Ok(Json(keys).into_response())
}

/// `GET /api/v2/keys/{name}`
#[utoipa::path(
    get,
    path = "/api/v2/keys/{name}",
    tag = "keys",
    params(("name" = String, Path, description = "The key's name.")),
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The key's record.", body = KeyInfo),
        AdminErrors,
        (status = 404, description = "No key has that name.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get(
    State(state): State<AppState>,
    Admin(_): Admin,
    Segment(name): Segment,
) -> Result<Response, ApiError> {
    let key = state.keys.get(&path_name(name)?).await?;
    Ok(Json(key).into_response())
}

/// `PATCH /api/v2/keys/{name}`: `{name?, description?, disabled?, expires_at?, create_rate?}`.
#[utoipa::path(
    patch,
    path = "/api/v2/keys/{name}",
    tag = "keys",
    params(("name" = String, Path, description = "The key's name.")),
    request_body(content = Option<KeyPatchRequest>, description = "May be empty (changes nothing)."),
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "Changed; takes effect on every instance within a second.", body = KeyInfo),
        (status = 400, description = "A bad field, named in `invalid-params`.", body = Problem, content_type = "application/problem+json"),
        AdminErrors,
        (status = 404, description = "No key has that name.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The new name is taken, or the change would leave no active admin key.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 16 KiB.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update(
    State(state): State<AppState>,
    Admin(_): Admin,
    Segment(name): Segment,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let name = path_name(name)?;
    let change: KeyPatchRequest = read_body(&headers, body).await?;
    let mut f = Fields::default();
    let patch = KeyPatch {
        name: f.name(change.name.as_ref(), false),
        description: f.description(change.description.as_ref()),
        disabled: f.disabled(change.disabled.as_ref()),
        expires_at: f.expires_at(change.expires_at.as_ref()),
        create_rate: f.create_rate(change.create_rate.as_ref()),
    };
    f.finish()?;
    let key = state.keys.update(&name, patch).await?;
    Ok(Json(key).into_response())
}

/// `DELETE /api/v2/keys/{name}`: 204.
#[utoipa::path(
    delete,
    path = "/api/v2/keys/{name}",
    tag = "keys",
    params(("name" = String, Path, description = "The key's name.")),
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 204, description = "Deleted; the key stops working at once."),
        AdminErrors,
        (status = 404, description = "No key has that name.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "It is the last active admin key.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete(
    State(state): State<AppState>,
    Admin(_): Admin,
    Segment(name): Segment,
) -> Result<Response, ApiError> {
    state.keys.delete(&path_name(name)?).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /api/v2/keys/{name}/rotate`: a new key under the same name.
#[utoipa::path(
    post,
    path = "/api/v2/keys/{name}/rotate",
    tag = "keys",
    params(("name" = String, Path, description = "The key's name.")),
    security(("bearer" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "The new key, shown this once; the old one stopped working.", body = NewKey),
        AdminErrors,
        (status = 404, description = "No key has that name.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn rotate(
    State(state): State<AppState>,
    Admin(_): Admin,
    Segment(name): Segment,
) -> Result<Response, ApiError> {
    let made = state.keys.rotate(&path_name(name)?).await?;
    Ok(Json(made).into_response())
}

/// `POST /api/v2/bootstrap`: exchanges the bootstrap token (or, on the
/// local socket, nothing) for the first admin key. 409 once bootstrapped.
#[utoipa::path(
    post,
    path = "/api/v2/bootstrap",
    tag = "keys",
    request_body(content = Option<BootstrapRequest>, description = "May be empty."),
    security(("bootstrap_token" = [])),
    responses(
        (status = 201, description = "The first admin key, shown this once; the bootstrap token is dead from now on.", body = NewKey),
        (status = 400, description = "A bad field, named in `invalid-params`.", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "No bootstrap token is configured, or the one sent is wrong.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "This store has been bootstrapped already.", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The body is over 16 KiB.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong tokens from this address; see `Retry-After`.", body = Problem, content_type = "application/problem+json",
            headers(("retry-after" = u64, description = "Seconds to wait"))),
        (status = 503, description = "The store is unavailable; nothing was changed.", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn bootstrap(
    State(state): State<AppState>,
    _host_checked: Ctx,
    extensions: Extensions,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let via = if extensions.get::<LocalAdmin>().is_some() {
        BootstrapVia::Cli
    } else {
        // The client as rate limits see it (behind a trusted proxy, the
        // forwarded address), else the socket's peer.
        let ip = extensions
            .get::<ClientAddr>()
            .map(|c| c.0)
            .or_else(|| {
                extensions
                    .get::<ConnectInfo<SocketAddr>>()
                    .map(|c| c.0.ip())
            })
            .unwrap_or(std::net::Ipv4Addr::UNSPECIFIED.into());
        if let Err(retry_after_secs) = state.bootstrap_failures.check(ip) {
            tracing::warn!(%ip, "bootstrap attempts from this address are paused");
            return Err(Error::TooManyAttempts { retry_after_secs }.into());
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
            return Err(Error::Unauthorized {
                bootstrap_hint: false,
            }
            .into());
        }
        BootstrapVia::Token
    };
    let first: BootstrapRequest = read_body(&headers, body).await?;
    let mut f = Fields::default();
    let name = f.name(first.name.as_ref(), false);
    let expires_at = f.expires_at(first.expires_at.as_ref()).flatten();
    let create_rate = f.create_rate(first.create_rate.as_ref()).flatten();
    f.finish()?;
    let name = match name {
        Some(n) => n,
        None => KeyName::parse("admin").map_err(|r| Error::invalid("name", r))?,
    };
    let made = state
        .keys
        .bootstrap(name, expires_at, create_rate, via)
        .await?;
    Ok((StatusCode::CREATED, Json(made)).into_response())
}

/// `POST /_/local/bootstrap/reset`, on the local admin socket only: lets
/// one more bootstrap happen (`hushlink bootstrap --reset`).
pub async fn reset_bootstrap(
    State(state): State<AppState>,
    _host_checked: Ctx,
    extensions: Extensions,
) -> Result<Response, ApiError> {
    if extensions.get::<LocalAdmin>().is_none() {
        return Err(Error::NotFound.into());
    }
    let existed = state.keys.reset_bootstrap().await?;
    Ok(Json(serde_json::json!({ "was_bootstrapped": existed })).into_response())
}
