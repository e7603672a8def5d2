//! The edge: what every request passes through before and after its
//! handler, as one middleware instead of a stack of five. In order, from
//! the outside in:
//!
//! 1. the access log (`access_line`): method, route template, status,
//!    duration; one line per request, no token ever;
//! 2. request metrics (`count`), only while metrics are served;
//! 3. protective headers (`protect`) on every answer;
//! 4. the error layer (`render`): renders a handler's `ApiError` or
//!    `PageError` with what it saw of the request (see `http::problem`);
//! 5. client limits (`limit_client`): the client's address for the
//!    handlers, and the create rate, whose 429 the error layer renders.
//!
//! Why one: each `axum::middleware::from_fn` layer boxes a future and clones
//! the service under it for every request; five of them were a measurable
//! share of a small request's CPU. The concerns stay separate functions,
//! called in the same order with the same effects. The admin socket has its
//! own, smaller edge ([`admin_edge`]: the error layer and the access log).

use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header, uri::Authority};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::client_addr::{self, ClientAddr};
use super::{AppState, auth, context, problem, redact_path, web};

/// The public router's edge (see the module documentation).
pub(super) async fn edge(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = redact_path(request.uri().path());
    let seen = Seen::of(&request);
    let response = match limit_client(&state, &mut request).await {
        Some(refused) => refused,
        None => next.run(request).await,
    };
    let mut response = render(&state, seen, response);
    protect(&state, &mut response);
    let took = started.elapsed();
    if state.metrics_served {
        state
            .metrics
            .http_request(&method, route, response.status(), took);
    }
    access_line(&state, &method, route, response.status(), took);
    response
}

/// The admin socket's edge: the error layer and the access log (it is not
/// counted in the metrics, and answers only the local operator).
pub(super) async fn admin_edge(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = redact_path(request.uri().path());
    let seen = Seen::of(&request);
    let response = render(&state, seen, next.run(request).await);
    access_line(&state, &method, route, response.status(), started.elapsed());
    response
}

/// One line per request: method, redacted path, status, duration. The path
/// is reduced to its route template, so no token ever reaches a log. A line
/// dropped because stderr is blocked is counted (`telemetry::batch`).
fn access_line(
    state: &AppState,
    method: &Method,
    route: &'static str,
    status: StatusCode,
    took: Duration,
) {
    let logged = crate::telemetry::access(&crate::telemetry::AccessLine {
        method: method.as_str(),
        route,
        status: status.as_u16(),
        duration_us: took.as_micros() as u64,
    });
    if !logged {
        state.metrics.access_line_dropped();
    }
}

/// What the error layer needs of the request, kept for the rare error:
/// cheap clones (shared buffers).
struct Seen {
    host: Option<HeaderValue>,
    authority: Option<Authority>,
    language: Option<HeaderValue>,
    /// How many levels below the root the page is (`/s/{id}`: 1), so that
    /// relative asset URLs of an error page resolve from any path.
    depth: usize,
}

impl Seen {
    fn of(request: &Request) -> Self {
        let uri: &Uri = request.uri();
        Seen {
            host: request.headers().get(header::HOST).cloned(),
            authority: uri.authority().cloned(),
            language: request.headers().get(header::ACCEPT_LANGUAGE).cloned(),
            depth: uri.path().matches('/').count().saturating_sub(1),
        }
    }
}

/// Renders the error a handler or extractor returned (`problem::ApiError`,
/// `problem::PageError`) now that the request's context is at hand: the
/// problem document's `type` starts with the request's base URL (empty for
/// a Host that gets none), the page is in the visitor's language. Headers
/// already on the answer (axum's `Allow` on a 405) are kept. Why rendering
/// waits for this layer: see `http::problem`.
fn render(state: &AppState, seen: Seen, mut response: Response) -> Response {
    let Some(unrendered) = response.extensions_mut().remove::<problem::Unrendered>() else {
        return response;
    };
    let rendered = match unrendered.form {
        problem::Form::Problem => {
            let host = context::host_of(seen.host.as_ref(), seen.authority.as_ref());
            let base_url = context::checked_base_url(&state.links, host).unwrap_or_default();
            problem::render_problem(&unrendered.error, &base_url, state.limits.max_secret_bytes)
        }
        problem::Form::Page => {
            let language = seen.language.as_ref().and_then(|v| v.to_str().ok());
            let t = crate::i18n::negotiate(language);
            web::error_page(state, t, &unrendered.error, seen.depth)
        }
    };
    let (mut parts, _) = response.into_parts();
    let (rendered, body) = rendered.into_parts();
    parts.status = rendered.status;
    parts.headers.extend(rendered.headers);
    Response::from_parts(parts, body)
}

/// Headers on every answer: no caching of anything that shows or leads to
/// a secret (assets set their own long cache), no referrer, no sniffing, a
/// strict CSP, no framing.
fn protect(state: &AppState, response: &mut Response) {
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
}

/// Finds the client's address (`client_addr`: the bootstrap brake and the
/// rate limits count by it) and holds each client to the create rate:
/// `Some(answer)` when the create is refused (still to be rendered).
async fn limit_client(state: &AppState, request: &mut Request) -> Option<Response> {
    let client = client_addr::client_of(request, &state.trusted_proxies);
    if let Some(ip) = client {
        request.extensions_mut().insert(ClientAddr(ip));
    }
    if !is_create(request.method(), request.uri().path()) {
        return None;
    }
    let presented =
        auth::presented_key(request.headers()).map(|k| zeroize::Zeroizing::new(k.to_owned()));
    let (retry_after, by_key) = take_create(state, presented, client).await.err()?;
    tracing::info!(
        retry_after_s = retry_after,
        by_key,
        "create refused: over the create rate (the key's own, or HUSHLINK_CREATE_RATE per client)"
    );
    let error = crate::error::Error::TooManyCreates {
        retry_after_secs: retry_after,
    };
    // As a handler would answer: a problem document, or a page in the
    // client's language (the error layer renders either).
    Some(
        if context::is_api(request.uri().path()) || context::wants_json(request.headers()) {
            problem::ApiError(error).into_response()
        } else {
            problem::PageError::from(error).into_response()
        },
    )
}

/// Counts one create: against the API key it presents when that key has a
/// create rate of its own, else against the client's address.
/// `Err((seconds to wait, whether the key's rate refused it))`.
async fn take_create(
    state: &AppState,
    presented_key: Option<zeroize::Zeroizing<String>>,
    client: Option<std::net::IpAddr>,
) -> Result<(), (u64, bool)> {
    let limiter = &state.create_limiter;
    let own = match presented_key {
        Some(presented) => state.keys.own_create_rate(&presented).await,
        None => None,
    };
    match (own, client) {
        (Some((name, rate)), _) => limiter
            .take_for_key(&name, rate)
            .await
            .map_err(|secs| (secs, true)),
        (None, Some(ip)) => limiter.take(ip).await.map_err(|secs| (secs, false)),
        (None, None) => Ok(()),
    }
}

/// The routes that create secrets: the form and its script (`POST /s`),
/// SnapPass's API, the REST API, the zero-knowledge API.
fn is_create(method: &Method, path: &str) -> bool {
    method == Method::POST
        && matches!(
            path,
            "/" | "/s"
                | "/api/set_password"
                | "/api/set_password/"
                | "/api/v2/passwords"
                | "/api/v2/secrets"
        )
}
