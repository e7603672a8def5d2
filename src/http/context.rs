//! What a handler learns from a request besides its body: the base URL that
//! links start with, the page language, whether the client wants JSON, and
//! the path's parameter.
//!
//! None of these extractors answers with axum's plain-text rejections: a
//! request that cannot be understood gets a problem document on the API and
//! a page elsewhere, like every other error.
//!
//! The base URL comes from the request's `Host` (unless `HOST_OVERRIDE` is
//! set), so a request is refused here, with 400, when its Host is not a
//! plain `host[:port]` or not one of `HUSHLINK_ALLOWED_HOSTS`: no link is
//! ever built for a host the operator did not name.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use super::problem::{ApiError, PageError};
use super::{AppState, LinkSettings};
use crate::error::Error;
use crate::i18n::{self, Strings};

/// Per-request context, extracted before the handler runs.
pub struct Ctx {
    /// `https://host/` (or `http://` with `NO_SSL`), plus `URL_PREFIX/`.
    pub base_url: String,
    /// The page language from `Accept-Language`.
    pub t: &'static Strings,
    /// True when `Accept` asks for JSON and not HTML (SnapPass's rule).
    pub wants_json: bool,
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let host = request_host(parts);
        let accept_language = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok());
        let t = i18n::negotiate(accept_language);
        let wants_json = wants_json(&parts.headers);
        let base_url = checked_base_url(&state.links, host).map_err(|reason| {
            // The refused Host is not echoed back.
            let error = Error::invalid("Host", reason);
            if is_api(parts.uri.path()) || wants_json {
                ApiError(error).into_response()
            } else {
                PageError::from(error).into_response()
            }
        })?;
        Ok(Ctx {
            base_url,
            t,
            wants_json,
        })
    }
}

/// The base URL for a request naming `host`, or why it gets none: a Host
/// that is not one of `HUSHLINK_ALLOWED_HOSTS`, or not a plain `host[:port]`.
pub fn checked_base_url(links: &LinkSettings, host: Option<&str>) -> Result<String, &'static str> {
    if let Some(allowed) = &links.allowed_hosts
        && !host.is_some_and(|h| allowed.allows(h))
    {
        return Err(
            "This server does not serve the host named in the request (HUSHLINK_ALLOWED_HOSTS).",
        );
    }
    base_url(links, host).ok_or("The Host header must be a plain host[:port].")
}

/// Whether a path belongs to the API, whose every answer is a problem
/// document when it is an error.
pub fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The route's one path parameter (a token or a key name), or `None` when
/// its percent-decoding is not UTF-8. Tokens and key names are ASCII, so
/// such a segment names nothing that exists: handlers answer "not found",
/// as for any other garbage, instead of axum's plain-text 400.
pub struct Segment(pub Option<String>);

impl<S: Send + Sync> FromRequestParts<S> for Segment {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Infallible> {
        let segment = Path::<String>::from_request_parts(parts, state).await;
        Ok(Segment(segment.ok().map(|Path(s)| s)))
    }
}

/// `HUSHLINK_ALLOWED_HOSTS`, parsed: the hosts links may be built for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllowedHosts(Vec<AllowedHost>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum AllowedHost {
    /// A name (lower case, no trailing dot) on any port.
    Name(String),
    /// A name on one port.
    NameAndPort(String, u16),
    /// `.example.com`: the domain and every subdomain, on any port.
    Domain(String),
}

impl AllowedHosts {
    /// The setting's value: `None` when unset or blank; an error naming the
    /// first entry that is not a host.
    pub fn parse_setting(value: Option<&str>) -> Result<Option<Self>, String> {
        let Some(value) = value else { return Ok(None) };
        let mut hosts = Vec::new();
        for entry in value.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            hosts.push(
                AllowedHost::parse(entry)
                    .ok_or_else(|| format!("'{entry}' is not a host, host:port or .domain"))?,
            );
        }
        Ok((!hosts.is_empty()).then_some(AllowedHosts(hosts)))
    }

    /// Whether a request's `Host` value names an allowed host.
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        self.0.iter().any(|allowed| match allowed {
            AllowedHost::Name(n) => *n == name,
            AllowedHost::NameAndPort(n, p) => *n == name && port == Some(*p),
            AllowedHost::Domain(d) => {
                name == d[1..] || (name.ends_with(d.as_str()) && name.len() > d.len())
            }
        })
    }
}

impl AllowedHost {
    fn parse(entry: &str) -> Option<Self> {
        if let Some(domain) = entry.strip_prefix('.') {
            let (name, port) = split_host(domain)?;
            return port
                .is_none()
                .then(|| AllowedHost::Domain(format!(".{name}")));
        }
        let (name, port) = split_host(entry)?;
        Some(match port {
            Some(port) => AllowedHost::NameAndPort(name, port),
            None => AllowedHost::Name(name),
        })
    }
}

/// `host[:port]` into its lower-cased name (no trailing dot) and port;
/// `None` when it is not that shape. IPv6 literals keep their brackets.
fn split_host(value: &str) -> Option<(String, Option<u16>)> {
    let (name, port) = if value.starts_with('[') {
        let end = value.find(']')?;
        let rest = &value[end + 1..];
        let port = match rest.strip_prefix(':') {
            Some(p) => Some(p),
            None if rest.is_empty() => None,
            None => return None,
        };
        (&value[..=end], port)
    } else {
        match value.rsplit_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (value, None),
        }
    };
    let port = match port {
        Some(p) => Some(p.parse::<u16>().ok()?),
        None => None,
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let plain = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-_:[]".contains(&b));
    plain.then_some((name, port))
}

fn request_host(parts: &Parts) -> Option<&str> {
    host_of(parts.headers.get(header::HOST), parts.uri.authority())
}

/// The request's `Host`, or its URI's authority (HTTP/2); borrowed, as
/// every request that builds a context reads it.
pub fn host_of<'a>(
    host: Option<&'a axum::http::HeaderValue>,
    authority: Option<&'a axum::http::uri::Authority>,
) -> Option<&'a str> {
    host.and_then(|h| h.to_str().ok())
        .or_else(|| authority.map(|a| a.as_str()))
}

/// Builds the base URL as SnapPass's `set_base_url` does. Returns `None`
/// for a Host header that is not a plain `host[:port]`, so a forged header
/// cannot smuggle a path or credentials into a link.
pub fn base_url(links: &LinkSettings, request_host: Option<&str>) -> Option<String> {
    let scheme = if links.no_ssl { "http" } else { "https" };
    let host = match &links.host_override {
        Some(h) => h.as_str(),
        None => {
            let h = request_host.unwrap_or("localhost");
            let plain = !h.is_empty()
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-_:[]".contains(&b));
            if !plain {
                return None;
            }
            h
        }
    };
    // Pushed rather than `format!`ed: this runs for every request that
    // builds a context, and the formatting machinery cost more than the copy.
    let prefix = links.url_prefix.as_deref().unwrap_or("");
    let mut url = String::with_capacity(scheme.len() + host.len() + prefix.len() + 5);
    url.push_str(scheme);
    url.push_str("://");
    url.push_str(host);
    url.push('/');
    if !prefix.is_empty() {
        url.push_str(prefix);
        url.push('/');
    }
    Some(url)
}

/// Werkzeug's `accept_json and not accept_html`: JSON is acceptable (by
/// type or wildcard) and neither `text/html` nor `application/xhtml+xml` is.
pub fn wants_json(headers: &HeaderMap) -> bool {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let mut json = false;
    let mut html = false;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
            })
            .next()
            .unwrap_or(1.0);
        if q <= 0.0 {
            continue;
        }
        match media.as_str() {
            "*/*" => {
                json = true;
                html = true;
            }
            "application/*" => {
                json = true;
                html = true; // matches application/xhtml+xml
            }
            "text/*" | "text/html" | "application/xhtml+xml" => html = true,
            "application/json" => json = true,
            _ => {}
        }
    }
    json && !html
}

/// The path under which the pages live: `/` or `/<URL_PREFIX>/`.
pub fn home(links: &LinkSettings) -> String {
    match &links.url_prefix {
        Some(p) => format!("/{p}/"),
        None => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn links(no_ssl: bool, host: Option<&str>, prefix: Option<&str>) -> LinkSettings {
        LinkSettings {
            no_ssl,
            host_override: host.map(Into::into),
            url_prefix: prefix.map(Into::into),
            allowed_hosts: None,
        }
    }

    #[test]
    fn base_urls() {
        assert_eq!(
            base_url(&links(false, None, None), Some("h:5000")).unwrap(),
            "https://h:5000/"
        );
        assert_eq!(
            base_url(&links(true, Some("x.io"), Some("s")), Some("h")).unwrap(),
            "http://x.io/s/"
        );
        assert!(base_url(&links(true, None, None), Some("evil.com/x?")).is_none());
        assert!(base_url(&links(true, None, None), Some("u@evil.com")).is_none());
    }

    #[test]
    fn allowed_hosts() {
        let allowed = AllowedHosts::parse_setting(Some(
            "Secrets.Example.com, admin.example.com:8443, .corp.example, [::1]:5000",
        ))
        .unwrap()
        .unwrap();
        for ok in [
            "secrets.example.com",
            "SECRETS.example.com.:5000",
            "admin.example.com:8443",
            "corp.example",
            "a.b.corp.example:1",
            "[::1]:5000",
        ] {
            assert!(allowed.allows(ok), "{ok}");
        }
        for refused in [
            "evil.example",
            "secrets.example.com.evil.example",
            "admin.example.com",
            "admin.example.com:443",
            "xcorp.example",
            "[::1]",
            "secrets.example.com:x",
            "secrets.example.com/x",
            "",
        ] {
            assert!(!allowed.allows(refused), "{refused}");
        }
        assert_eq!(AllowedHosts::parse_setting(None), Ok(None));
        assert_eq!(AllowedHosts::parse_setting(Some(" , ")), Ok(None));
        assert!(AllowedHosts::parse_setting(Some("ok.example, bad/host")).is_err());
        assert!(AllowedHosts::parse_setting(Some(".example.com:80")).is_err());
    }

    #[test]
    fn accept_rules() {
        let with = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT, HeaderValue::from_static(v));
            wants_json(&h)
        };
        assert!(with("application/json"));
        assert!(!with("*/*"));
        assert!(!with("text/html,application/json"));
        assert!(with("application/json, text/html;q=0"));
        assert!(!wants_json(&HeaderMap::new()));
    }
}
