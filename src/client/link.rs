//! Reading a link the way the client needs it: which server it points at,
//! and whether it can possibly open a secret.
//!
//! A link is `<base URL><token quoted as quote_plus does>`, where the base
//! may carry a `URL_PREFIX` path; the REST API's `self` link is
//! `<base URL>api/v2/passwords/<token>`. Both are accepted. The client does
//! not know the server's `REDIS_PREFIX`, so it checks only what every server
//! shares: the storage part ends in 32 lowercase hex digits, and the key part
//! (when there is one) is a Fernet key. A link that fails either check is
//! damaged, and that is said before any request is sent: SnapPass deletes a
//! secret before it finds out that the key cannot open it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE;

use crate::token::{SEPARATOR, quote_plus, unquote_plus};

/// Where the REST API lives below a server's base URL.
const API_PATH: &str = "api/v2/passwords/";

/// A link that passed the local checks. Its parts are capabilities: this type
/// has no `Debug` and nothing here prints them.
pub struct Link {
    /// Scheme, host and any URL prefix, ending in `/`.
    base: String,
    /// The token, decoded.
    token: String,
}

/// Why a link cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Not an `http(s)://host/...` address with a token after the last `/`.
    NotALink,
    /// A token is there, but cut or altered: it cannot open any secret.
    Damaged,
}

impl Link {
    /// Parses and checks a link as a person would paste it (surrounding
    /// white space is ignored).
    pub fn parse(raw: &str) -> Result<Link, LinkError> {
        let raw = raw.trim();
        let scheme = ["https://", "http://"]
            .into_iter()
            .find(|scheme| raw.starts_with(scheme))
            .ok_or(LinkError::NotALink)?;
        let rest = &raw[scheme.len()..];
        // A fragment or query never belongs to a SnapPass link.
        let rest = rest.split(['#', '?']).next().unwrap_or_default();
        let (host_and_path, segment) = rest.rsplit_once('/').ok_or(LinkError::NotALink)?;
        if host_and_path.is_empty() || segment.is_empty() {
            return Err(LinkError::NotALink);
        }
        let mut base = format!("{scheme}{host_and_path}/");
        if let Some(stripped) = base.strip_suffix(API_PATH) {
            base = stripped.to_owned();
        }
        let token = unquote_plus(segment);
        check_token(&token)?;
        Ok(Link { base, token })
    }

    /// The server's base URL (scheme, host, URL prefix), ending in `/`.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The REST API address of the secret.
    pub fn api_url(&self) -> String {
        format!("{}{API_PATH}{}", self.base, quote_plus(&self.token))
    }

    /// The web address of the secret (its preview and reveal page).
    pub fn web_url(&self) -> String {
        format!("{}{}", self.base, quote_plus(&self.token))
    }
}

/// The storage part must end in 32 lowercase hex; the key part, when
/// present, must be 32 bytes of URL-safe base64 with padding.
fn check_token(token: &str) -> Result<(), LinkError> {
    let (storage, key) = match token.split_once(SEPARATOR) {
        Some((storage, key)) => (storage, Some(key)),
        None => (token, None),
    };
    let id_ok = storage.len() >= 32
        && storage.as_bytes()[storage.len() - 32..]
            .iter()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let key_ok = key.is_none_or(|key| {
        key.len() == 44 && URL_SAFE.decode(key).is_ok_and(|bytes| bytes.len() == 32)
    });
    if id_ok && key_ok {
        Ok(())
    } else {
        Err(LinkError::Damaged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef";
    const KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    fn link(base: &str, token: &str) -> String {
        format!("{base}{}", quote_plus(token))
    }

    #[test]
    fn reads_web_links_and_api_links_with_prefixes() {
        let token = format!("snappass{ID}~{KEY}");
        for (raw, base) in [
            (link("https://s.example/", &token), "https://s.example/"),
            (link("http://h:5000/p/q/", &token), "http://h:5000/p/q/"),
            (
                link("https://s.example/x/api/v2/passwords/", &token),
                "https://s.example/x/",
            ),
        ] {
            let parsed = Link::parse(&format!("  {raw}\n")).unwrap();
            assert_eq!(parsed.base(), base);
            assert_eq!(parsed.web_url(), link(base, &token));
            assert_eq!(
                parsed.api_url(),
                link(&format!("{base}api/v2/passwords/"), &token)
            );
        }
    }

    #[test]
    fn legacy_links_without_a_key_part_are_accepted() {
        assert!(Link::parse(&format!("https://s.example/{ID}")).is_ok());
    }

    #[test]
    fn cut_or_altered_tokens_are_damaged() {
        let full = format!("snappass{ID}~{KEY}");
        for bad in [
            &full[..full.len() - 1],                  // last character lost
            &full[..full.len() - 10],                 // cut in the key
            &format!("snappass{ID}~"),                // key part gone, separator kept
            &format!("snappass{}", &ID[..31]),        // cut in the id
            &format!("snappass{ID}~{}!", &KEY[..43]), // altered
        ] {
            let raw = link("https://s.example/", bad);
            assert_eq!(Link::parse(&raw).err(), Some(LinkError::Damaged), "{bad}");
        }
    }

    #[test]
    fn non_links_are_refused() {
        for bad in ["", "snappass", "ftp://x/y", "https://", "https://host/"] {
            assert_eq!(Link::parse(bad).err(), Some(LinkError::NotALink), "{bad:?}");
        }
    }
}
