//! The link token: the one place that knows its format.
//!
//! A SnapPass token is `<storage key>~<Fernet key>`, where the storage key is
//! `<REDIS_PREFIX>` followed by 32 lowercase hex digits (a UUID4 without
//! dashes), and the Fernet key is 32 random bytes in URL-safe base64 with
//! padding. Tokens from before SnapPass encrypted values have no `~` part and
//! the value in the store is the secret itself; those still work.
//!
//! Parsing is strict about the storage key, because that is the part that
//! touches the store: anything that is not exactly prefix + 32 hex is
//! refused here, so a visitor can never name an arbitrary key of the
//! operator's Redis. The bare 32 hex form of SnapPass's oldest links is
//! accepted only when `REDIS_PREFIX` is empty (then it *is* the prefixed
//! form) or the operator allows it (`HUSHLINK_LEGACY_BARE_TOKENS`): a key
//! named by 32 hex digits (an MD5, a dash-less UUID) is common in a shared
//! database, and a bare token could otherwise read and delete it. The
//! Fernet part is only checked when it is used, so a damaged key part is
//! reported as a damaged link rather than a missing secret.

use std::fmt;

use zeroize::Zeroize;

/// Separates the storage key from the decryption key inside a token.
pub const SEPARATOR: char = '~';

/// Length of the random part of a storage key: a UUID4 in hex.
const ID_HEX_LEN: usize = 32;

/// The storage keys that tokens may name on this server.
#[derive(Debug, Clone)]
pub struct KeySpace {
    prefix: String,
    /// Whether a bare `<32 hex>` (SnapPass's oldest links) is accepted too.
    bare: bool,
}

impl KeySpace {
    /// Keys under `prefix` (`REDIS_PREFIX`); bare 32 hex keys as well when
    /// `legacy_bare` (`HUSHLINK_LEGACY_BARE_TOKENS`) says so.
    pub fn new(prefix: &str, legacy_bare: bool) -> Self {
        KeySpace {
            prefix: prefix.to_owned(),
            bare: legacy_bare,
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }
}

/// Where a secret lives in the store: `<prefix><32 hex>`, or a legacy bare
/// `<32 hex>` where the key space allows it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct StorageKey(String);

impl StorageKey {
    /// A fresh random storage key under `prefix`.
    pub fn generate(prefix: &str) -> Self {
        let id: [u8; 16] = rand::random();
        let mut key = String::with_capacity(prefix.len() + 32);
        key.push_str(prefix);
        crate::lowerhex::push(&mut key, &id);
        StorageKey(key)
    }

    /// Accepts `prefix + 32 lowercase hex`; 32 lowercase hex alone only
    /// where `space` allows bare legacy keys.
    pub fn parse(raw: &str, space: &KeySpace) -> Option<Self> {
        let prefixed = raw.strip_prefix(space.prefix.as_str()).is_some_and(is_id);
        if prefixed || (space.bare && is_id(raw)) {
            Some(StorageKey(raw.to_owned()))
        } else {
            None
        }
    }

    /// A key the store itself wrote (a receipt's index names its secret).
    pub(crate) fn from_stored(raw: String) -> Self {
        StorageKey(raw)
    }

    /// The key as the store knows it (the Redis key name).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Marks a zero-knowledge secret's storage key: `<prefix>zk<32 hex>`.
/// `z` and `k` are not hex digits, so no SnapPass token can name one.
const ZK_MARK: &str = "zk";

/// The id of a zero-knowledge secret: 32 lowercase hex digits, chosen by
/// the server. It names the secret in links and routes; it opens nothing.
#[derive(Clone, PartialEq, Eq)]
pub struct ZkId(String);

impl ZkId {
    pub fn generate() -> Self {
        let id: [u8; 16] = rand::random();
        ZkId(crate::lowerhex::encode(&id))
    }

    /// Exactly 32 lowercase hex digits; anything else names no secret.
    pub fn parse(raw: &str) -> Option<Self> {
        is_id(raw).then(|| ZkId(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Where the secret lives: `<prefix>zk<id>`, beside SnapPass's keys.
    pub fn storage_key(&self, prefix: &str) -> StorageKey {
        StorageKey(format!("{prefix}{ZK_MARK}{}", self.0))
    }
}

impl fmt::Debug for ZkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ZkId(<redacted>)")
    }
}

fn is_id(s: &str) -> bool {
    s.len() == ID_HEX_LEN && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

// Storage keys are capabilities' halves: never print them, even in Debug.
impl fmt::Debug for StorageKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("StorageKey(<redacted>)")
    }
}

/// A parsed link token: where the secret is, and (usually) how to decrypt it.
#[derive(Clone)]
pub struct Token {
    storage_key: StorageKey,
    /// The raw text after `~`, unvalidated; `None` for legacy tokens.
    fernet_key: Option<String>,
}

impl Token {
    /// Builds the token for a freshly stored secret.
    pub fn new(storage_key: StorageKey, fernet_key: String) -> Self {
        Token {
            storage_key,
            fernet_key: Some(fernet_key),
        }
    }

    /// Parses a token that has already been URL-decoded.
    ///
    /// Returns `None` when the storage part is not a well-formed storage key;
    /// callers answer "not found" without asking the store.
    pub fn parse(raw: &str, space: &KeySpace) -> Option<Self> {
        let (storage, fernet_key) = match raw.split_once(SEPARATOR) {
            Some((storage, key)) => (storage, Some(key.to_owned())),
            None => (raw, None),
        };
        let storage_key = StorageKey::parse(storage, space)?;
        Some(Token {
            storage_key,
            fernet_key,
        })
    }

    /// Parses a token as it appears in a URL path segment that the router has
    /// already percent-decoded once. SnapPass applies `unquote_plus` on top of
    /// that, so a doubly-encoded token (`%253D`) works there; so it does here.
    pub fn parse_from_path(segment: &str, space: &KeySpace) -> Option<Self> {
        let decoded = zeroize::Zeroizing::new(unquote_plus(segment));
        Token::parse(&decoded, space)
    }

    pub fn storage_key(&self) -> &StorageKey {
        &self.storage_key
    }

    pub fn fernet_key(&self) -> Option<&str> {
        self.fernet_key.as_deref()
    }

    /// The token as text: `<storage key>~<fernet key>`. This *is* the secret's
    /// capability, so it must only go to the client that created it.
    pub fn expose(&self) -> String {
        match &self.fernet_key {
            Some(key) => format!("{}{SEPARATOR}{key}", self.storage_key.as_str()),
            None => self.storage_key.as_str().to_owned(),
        }
    }

    /// The token quoted for a URL exactly as Python's `quote_plus` does, so
    /// links match SnapPass's byte for byte.
    pub fn url_quoted(&self) -> String {
        quote_plus(&zeroize::Zeroizing::new(self.expose()))
    }
}

// The key part opens the secret: wiped from memory with the token.
impl Drop for Token {
    fn drop(&mut self) {
        if let Some(key) = &mut self.fernet_key {
            key.zeroize();
        }
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// Python's `urllib.parse.quote_plus` with its default safe set: letters,
/// digits and `_.-~` stay, a space becomes `+`, every other byte is `%XX`.
pub fn quote_plus(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            // A table, not `format!`: every link a create answers has its
            // key's `=` escaped, and formatting it cost more than the rest.
            _ => {
                const UPPER: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(UPPER[usize::from(b >> 4)]));
                out.push(char::from(UPPER[usize::from(b & 0x0f)]));
            }
        }
    }
    out
}

/// Python's `urllib.parse.unquote_plus`: `+` is a space, `%XX` a byte;
/// malformed escapes are kept as they are, invalid UTF-8 is replaced.
pub fn unquote_plus(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex_val(bytes[i + 1]), hex_val(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEX: &str = "0123456789abcdef0123456789abcdef";

    fn space(prefix: &str) -> KeySpace {
        KeySpace::new(prefix, false)
    }

    #[test]
    fn storage_key_accepts_the_prefixed_form_only() {
        let snappass = space("snappass");
        assert!(StorageKey::parse(&format!("snappass{HEX}"), &snappass).is_some());
        assert!(StorageKey::parse(&format!("other{HEX}"), &snappass).is_none());
        assert!(StorageKey::parse(&format!("snappass{}", HEX.to_uppercase()), &snappass).is_none());
        assert!(StorageKey::parse(&format!("snappass{HEX}0"), &snappass).is_none());
        assert!(StorageKey::parse("snappass", &snappass).is_none());
        assert!(StorageKey::parse("", &snappass).is_none());
        // A bare 32 hex key could be anyone's key in a shared Redis.
        assert!(StorageKey::parse(HEX, &snappass).is_none());
    }

    #[test]
    fn bare_legacy_keys_only_where_allowed() {
        assert!(StorageKey::parse(HEX, &KeySpace::new("snappass", true)).is_some());
        assert!(
            StorageKey::parse(&format!("snappass{HEX}"), &KeySpace::new("snappass", true))
                .is_some()
        );
        // With no prefix the bare form is the only form.
        assert!(StorageKey::parse(HEX, &space("")).is_some());
        assert!(StorageKey::parse(&format!("x{HEX}"), &space("")).is_none());
    }

    #[test]
    fn zk_storage_keys_are_not_snappass_keys() {
        let id = ZkId::parse(HEX).unwrap();
        for prefix in ["snappass", ""] {
            let key = id.storage_key(prefix);
            assert_eq!(key.as_str(), format!("{prefix}zk{HEX}"));
            assert!(StorageKey::parse(key.as_str(), &space(prefix)).is_none());
            assert!(Token::parse_from_path(key.as_str(), &space(prefix)).is_none());
        }
        assert!(ZkId::parse(&HEX.to_uppercase()).is_none());
        assert!(ZkId::parse(&HEX[1..]).is_none());
    }

    #[test]
    fn token_splits_once_on_tilde() {
        let t = Token::parse(&format!("snappass{HEX}~abc~def"), &space("snappass")).unwrap();
        assert_eq!(t.fernet_key(), Some("abc~def"));
        let legacy = Token::parse(&format!("snappass{HEX}"), &space("snappass")).unwrap();
        assert_eq!(legacy.fernet_key(), None);
    }

    #[test]
    fn quote_plus_matches_python() {
        // Values checked against CPython 3.11's urllib.parse.quote_plus.
        assert_eq!(
            quote_plus("snappassab~hHnI_22rBr5-Y="),
            "snappassab~hHnI_22rBr5-Y%3D"
        );
        assert_eq!(quote_plus("a b/c+d"), "a+b%2Fc%2Bd");
        assert_eq!(quote_plus("é"), "%C3%A9");
    }

    #[test]
    fn unquote_plus_round_trips_and_tolerates_garbage() {
        assert_eq!(unquote_plus("a+b%2Fc%2Bd%3D"), "a b/c+d=");
        assert_eq!(unquote_plus("%"), "%");
        assert_eq!(unquote_plus("%4"), "%4");
        assert_eq!(unquote_plus("%zz"), "%zz");
        assert_eq!(unquote_plus("%ff"), "\u{fffd}");
    }

    #[test]
    fn debug_never_shows_the_token() {
        let t = Token::parse(&format!("snappass{HEX}~key"), &space("snappass")).unwrap();
        assert!(!format!("{t:?}").contains(HEX));
    }
}
