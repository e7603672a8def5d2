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
//!
//! When sign-out goes on to the provider (`oidc::logout`), the session also
//! keeps the sign-in's ID token, to send back as `id_token_hint`, as long as
//! the cookie stays within [`SESSION_COOKIE_MAX`]: an ID token with many
//! groups (Entra ID sends up to 200) would make a cookie browsers drop, and
//! with it the sign-in. Past the bound the session keeps no ID token and
//! sign-out sends the client id alone, which the specification allows
//! (`oidc::logout` says what changes then).

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
/// The largest session cookie written with the ID token in it: the whole
/// `Set-Cookie` value (name, encrypted value, attributes), below the 4096
/// bytes per cookie that RFC 6265 (section 6.1) asks every browser to keep,
/// with room for a longer `Path` (`URL_PREFIX`).
pub const SESSION_COOKIE_MAX: usize = 3800;

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
    crate::lowerhex::encode(&bytes)
}

/// The ID token of a sign-in, kept to be sent back to its provider at
/// sign-out. Its `Debug` shows only its length, so it cannot reach a log.
#[derive(Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IdTokenHint(String);

impl IdTokenHint {
    pub fn new(token: String) -> Self {
        IdTokenHint(token)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for IdTokenHint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IdTokenHint({} bytes)", self.0.len())
    }
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
    /// The sign-in's ID token, for sign-out at the provider; absent when
    /// sign-out stays local, when it did not fit, and in sessions written
    /// before it was kept (which still read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_token: Option<IdTokenHint>,
}

impl Session {
    pub fn new(user: String, ttl: Duration) -> Self {
        Session {
            user,
            exp: now() + ttl.as_secs(),
            csrf: random_token(),
            id_token: None,
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

    fn session_cookie(&self, session: &Session) -> Cookie<'static> {
        let ttl = Duration::from_secs(session.exp.saturating_sub(now()));
        let value = serde_json::to_string(session).unwrap_or_default();
        self.cookie(SESSION_COOKIE, value, ttl)
    }

    /// Sets the session cookie; one that would exceed [`SESSION_COOKIE_MAX`]
    /// with the ID token in it is written without it.
    pub fn with_session(mut self, session: &Session) -> Self {
        let cookie = self.session_cookie(session);
        if session.id_token.is_none() {
            self.jar = self.jar.add(cookie);
            return self;
        }
        let with = self.jar.clone().add(cookie);
        let size = set_cookie_len(&with, SESSION_COOKIE);
        self.jar = if size > SESSION_COOKIE_MAX {
            tracing::info!(
                cookie_bytes = size,
                limit = SESSION_COOKIE_MAX,
                "ID token too large to keep in the session cookie: sign-out will name the client only"
            );
            let lean = Session {
                id_token: None,
                ..session.clone()
            };
            let cookie = self.session_cookie(&lean);
            self.jar.add(cookie)
        } else {
            with
        };
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

/// The length of the `Set-Cookie` value `jar` writes for `name`: encrypted,
/// Base64, percent-encoded, with its attributes, exactly as it is sent.
fn set_cookie_len(jar: &PrivateCookieJar, name: &str) -> usize {
    use axum::response::IntoResponse;
    let response = jar.clone().into_response();
    let prefix = format!("{name}=");
    response
        .headers()
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .map(|v| v.as_bytes())
        .filter(|v| v.starts_with(prefix.as_bytes()))
        .map(<[u8]>::len)
        .max()
        .unwrap_or(0)
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

    fn written(session: &Session) -> (Session, usize) {
        let key = derive_key(&ClientSecret::new("s".into()), &ClientId::new("c".into()));
        let jar = Cookies::from_headers(&HeaderMap::new(), &key, true, "/".into())
            .with_session(session)
            .jar;
        let size = set_cookie_len(&jar, SESSION_COOKIE);
        let value = jar.get(SESSION_COOKIE).unwrap().value().to_owned();
        (serde_json::from_str(&value).unwrap(), size)
    }

    #[test]
    fn the_id_token_is_kept_only_while_the_cookie_stays_small() {
        let mut session = Session::new("a@b".into(), Duration::from_secs(600));
        // A usual ID token (about 1 KB: the test provider's is that size).
        session.id_token = Some(IdTokenHint::new("h.".to_owned() + &"x".repeat(1000)));
        let (kept, size) = written(&session);
        assert_eq!(
            kept.id_token.as_ref().map(IdTokenHint::as_str),
            session.id_token.as_ref().map(IdTokenHint::as_str)
        );
        assert!(size > 1000 && size <= SESSION_COOKIE_MAX, "{size}");
        // One with hundreds of groups: the session is kept, the token not.
        session.id_token = Some(IdTokenHint::new("h.".to_owned() + &"x".repeat(3000)));
        let (lean, size) = written(&session);
        assert!(lean.id_token.is_none());
        assert_eq!(
            (lean.user.as_str(), lean.csrf.as_str()),
            ("a@b", session.csrf.as_str())
        );
        assert!(size < 400, "{size}");
        // The measure is the header as sent, attributes included.
        let plain = Session::new("a@b".into(), Duration::from_secs(600));
        let (_, size) = written(&plain);
        let json = serde_json::to_string(&plain).unwrap().len();
        // 12-byte nonce and 16-byte tag, Base64: at least 4/3 of it.
        assert!(size > SESSION_COOKIE.len() + (json + 28) * 4 / 3, "{size}");
    }

    #[test]
    fn sessions_written_without_an_id_token_still_read_and_it_never_shows() {
        let old = r#"{"user":"a@b","exp":99999999999,"csrf":"x"}"#;
        let s: Session = serde_json::from_str(old).unwrap();
        assert!(s.id_token.is_none());
        assert!(!serde_json::to_string(&s).unwrap().contains("id_token"));
        let hint = IdTokenHint::new("eyJ.secret-part.sig".into());
        let debug = format!(
            "{:?}",
            Session {
                id_token: Some(hint),
                ..s
            }
        );
        assert!(!debug.contains("secret-part"), "{debug}");
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
