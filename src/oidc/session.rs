//! The signed-in session and the pre-login state, both kept in encrypted
//! cookies (`PrivateCookieJar`: AES-256-GCM, so they are secret and cannot be
//! forged or altered).
//!
//! Why cookies and not the store: every instance can read them without a
//! store round trip, and without sticky routing, as long as instances share
//! the client secret the key is derived from (HKDF-SHA256). The lifetime is
//! inside the encrypted value (`exp`), so a cookie kept past its `Max-Age`
//! is refused anyway. Sign-out removes the cookie; a copy taken before it
//! stays valid until its `exp` (bounded by `HUSHLINK_OIDC_SESSION_TTL`), the
//! price of keeping no server-side state.
//!
//! Each session carries a random CSRF token; every form that creates sends
//! it back (a hidden field, or the `X-CSRF-Token` header from the page's
//! script), and it must equal the one inside the session cookie.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::HeaderMap;
use axum_extra::extract::cookie::{Cookie, Key, PrivateCookieJar, SameSite};
use openidconnect::{ClientId, ClientSecret};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "hushlink_session";
/// The pre-login cookie's name.
pub const PRELOGIN_COOKIE: &str = "hushlink_signin";
/// How long a started sign-in may take at the provider.
pub const PRELOGIN_TTL: Duration = Duration::from_secs(600);

/// Derives the 64-byte cookie key from the client secret.
pub fn derive_key(secret: &ClientSecret, client_id: &ClientId) -> Key {
    let hk = hkdf::Hkdf::<sha2::Sha256>::new(
        Some(b"hushlink oidc cookie key v1"),
        secret.secret().as_bytes(),
    );
    let mut okm = [0u8; 64];
    // 64 bytes is far below HKDF-SHA256's limit (255 * 32): cannot fail.
    hk.expand(client_id.as_str().as_bytes(), &mut okm)
        .expect("64 bytes is a valid HKDF-SHA256 output length");
    let key = Key::from(&okm);
    zeroize::Zeroize::zeroize(&mut okm);
    key
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A signed-in user.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Session {
    /// The e-mail address, else the subject.
    pub user: String,
    /// Unix seconds after which the session is refused.
    pub exp: u64,
    /// The CSRF token forms must send back.
    pub csrf: String,
}

impl Session {
    pub fn new(user: String, ttl: Duration) -> Self {
        Session {
            user,
            exp: now() + ttl.as_secs(),
            csrf: random_token(),
        }
    }

    /// Whether `presented` is this session's CSRF token (constant time).
    pub fn csrf_matches(&self, presented: &str) -> bool {
        !presented.is_empty() && bool::from(self.csrf.as_bytes().ct_eq(presented.as_bytes()))
    }
}

/// A sign-in under way: what the callback needs to check and finish it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PreLogin {
    pub state: String,
    pub nonce: String,
    pub verifier: String,
    /// The local path to return to.
    pub next: String,
    /// The redirect URI the authorization request named.
    pub redirect: String,
    pub exp: u64,
}

impl PreLogin {
    pub fn new(
        state: String,
        nonce: String,
        verifier: String,
        next: String,
        redirect: String,
    ) -> Self {
        PreLogin {
            state,
            nonce,
            verifier,
            next,
            redirect,
            exp: now() + PRELOGIN_TTL.as_secs(),
        }
    }

    /// Whether `state` is the one this sign-in sent (constant time).
    pub fn state_matches(&self, state: &str) -> bool {
        bool::from(self.state.as_bytes().ct_eq(state.as_bytes()))
    }
}

/// The cookies of one request or answer, with the settings they are written with.
pub struct Cookies {
    pub jar: PrivateCookieJar,
    secure: bool,
    path: String,
}

impl Cookies {
    pub fn from_headers(headers: &HeaderMap, key: &Key, secure: bool, path: String) -> Self {
        Cookies {
            jar: PrivateCookieJar::from_headers(headers, key.clone()),
            secure,
            path,
        }
    }

    fn read<T: for<'de> Deserialize<'de>>(&self, name: &str) -> Option<T> {
        let cookie = self.jar.get(name)?;
        serde_json::from_str(cookie.value()).ok()
    }

    /// The session, if there is one and it has not expired.
    pub fn session(&self) -> Option<Session> {
        self.read::<Session>(SESSION_COOKIE)
            .filter(|s| s.exp > now())
    }

    /// The sign-in under way, if there is one and it has not expired.
    pub fn prelogin(&self) -> Option<PreLogin> {
        self.read::<PreLogin>(PRELOGIN_COOKIE)
            .filter(|p| p.exp > now())
    }

    fn cookie(&self, name: &'static str, value: String, max_age: Duration) -> Cookie<'static> {
        Cookie::build((name, value))
            .path(self.path.clone())
            .http_only(true)
            .secure(self.secure)
            .same_site(SameSite::Lax)
            .max_age(cookie::time::Duration::seconds(
                i64::try_from(max_age.as_secs()).unwrap_or(i64::MAX),
            ))
            .build()
    }

    fn removal(&self, name: &'static str) -> Cookie<'static> {
        Cookie::build((name, "")).path(self.path.clone()).build()
    }

    pub fn with_session(mut self, session: &Session) -> Self {
        let ttl = Duration::from_secs(session.exp.saturating_sub(now()));
        let value = serde_json::to_string(session).unwrap_or_default();
        let cookie = self.cookie(SESSION_COOKIE, value, ttl);
        self.jar = self.jar.add(cookie);
        self
    }

    pub fn with_prelogin(mut self, pre: &PreLogin) -> Self {
        let value = serde_json::to_string(pre).unwrap_or_default();
        let cookie = self.cookie(PRELOGIN_COOKIE, value, PRELOGIN_TTL);
        self.jar = self.jar.add(cookie);
        self
    }

    pub fn without_session(mut self) -> Self {
        let cookie = self.removal(SESSION_COOKIE);
        self.jar = self.jar.remove(cookie);
        self
    }

    pub fn without_prelogin(mut self) -> Self {
        let cookie = self.removal(PRELOGIN_COOKIE);
        self.jar = self.jar.remove(cookie);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csrf_and_state_compare_exactly() {
        let s = Session::new("a@b".into(), Duration::from_secs(60));
        assert!(s.csrf_matches(&s.csrf.clone()));
        assert!(!s.csrf_matches(""));
        assert!(!s.csrf_matches(&s.csrf[1..]));
        let p = PreLogin::new("st".into(), "n".into(), "v".into(), "/".into(), "r".into());
        assert!(p.state_matches("st"));
        assert!(!p.state_matches("sT"));
    }

    #[test]
    fn cookies_are_secure_http_only_lax_and_bounded() {
        let key = derive_key(&ClientSecret::new("s".into()), &ClientId::new("c".into()));
        let session = Session::new("a@b".into(), Duration::from_secs(600));
        let jar = Cookies::from_headers(&HeaderMap::new(), &key, true, "/p/".into())
            .with_session(&session)
            .jar;
        let cookie = jar.get(SESSION_COOKIE).unwrap();
        assert_eq!(cookie.secure(), Some(true));
        assert_eq!(cookie.http_only(), Some(true));
        assert_eq!(cookie.same_site(), Some(SameSite::Lax));
        assert_eq!(cookie.path(), Some("/p/"));
        let max_age = cookie.max_age().unwrap().whole_seconds();
        assert!((599..=600).contains(&max_age), "{max_age}");
        // Without TLS (NO_SSL) the browser would drop a Secure cookie.
        let jar = Cookies::from_headers(&HeaderMap::new(), &key, false, "/".into())
            .with_session(&session)
            .jar;
        assert_eq!(jar.get(SESSION_COOKIE).unwrap().secure(), Some(false));
    }

    #[test]
    fn key_depends_on_the_secret() {
        let id = ClientId::new("c".into());
        let a = derive_key(&ClientSecret::new("one".into()), &id);
        let b = derive_key(&ClientSecret::new("two".into()), &id);
        let a2 = derive_key(&ClientSecret::new("one".into()), &id);
        assert_eq!(a.master(), a2.master());
        assert_ne!(a.master(), b.master());
    }
}
