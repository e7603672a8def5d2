//! API keys: the one place that knows their format, names and scopes.
//!
//! A key is `hlk_` + 36 random base62 characters + 6 base62 characters of
//! CRC32 over the random part: about 214 bits of entropy. The prefix lets
//! secret scanners recognise a leaked key; the checksum lets the server turn
//! away a mistyped or foreign string before it costs a store lookup. Keys
//! are generated here from a CSPRNG and never chosen by
//! a user. The server keeps only [`KeyHash`], the SHA-256 of the whole key:
//! unsalted on purpose, because the key is random and the hash must be a
//! direct lookup.
//!
//! Neither a key nor its hash ever reaches a log: both print as
//! `<redacted>` in `Debug`.

use std::fmt;

use rand::Rng;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What every key starts with.
pub const PREFIX: &str = "hlk_";
const RANDOM_LEN: usize = 36;
const CHECK_LEN: usize = 6;
/// Length of a whole key: prefix, random part, checksum.
pub const KEY_LEN: usize = PREFIX.len() + RANDOM_LEN + CHECK_LEN;
const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A whole API key. Shown to its owner once, when created; afterwards the
/// server knows only its hash.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

/// Why a string is not an API key. Deliberately coarse: callers answer 401
/// whatever the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum KeyFormatError {
    #[error("not a hushlink API key (wrong prefix or length)")]
    Shape,
    #[error("API key checksum does not match (mistyped or truncated)")]
    Checksum,
}

impl ApiKey {
    /// A fresh key from a CSPRNG (rand's thread generator: ChaCha12,
    /// seeded and reseeded from the operating system).
    pub fn generate() -> Self {
        let mut rng = rand::rng();
        let random: String = (0..RANDOM_LEN)
            .map(|_| BASE62[rng.random_range(0..BASE62.len())] as char)
            .collect();
        let check = checksum(&random);
        ApiKey(format!("{PREFIX}{random}{check}"))
    }

    /// Accepts only well-formed keys with a matching checksum. Never looks
    /// anything up.
    pub fn parse(raw: &str) -> Result<Self, KeyFormatError> {
        let body = raw.strip_prefix(PREFIX).ok_or(KeyFormatError::Shape)?;
        if body.len() != RANDOM_LEN + CHECK_LEN || !body.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return Err(KeyFormatError::Shape);
        }
        let (random, check) = body.split_at(RANDOM_LEN);
        if checksum(random) != check {
            return Err(KeyFormatError::Checksum);
        }
        Ok(ApiKey(raw.to_owned()))
    }

    /// The SHA-256 under which the server knows this key.
    pub fn hash(&self) -> KeyHash {
        KeyHash(Sha256::digest(self.0.as_bytes()).into())
    }

    /// The key itself, for the one answer that shows it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

// A key is a credential: wiped from memory when the request is done with it.
impl Drop for ApiKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// CRC32 of the random part, as 6 base62 digits (62^6 > 2^32).
fn checksum(random: &str) -> String {
    let mut n = crc32fast::hash(random.as_bytes());
    let mut digits = [b'0'; CHECK_LEN];
    for d in digits.iter_mut().rev() {
        *d = BASE62[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8_lossy(&digits).into_owned()
}

/// The SHA-256 of a key: what the store indexes keys by.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyHash([u8; 32]);

impl KeyHash {
    /// Lowercase hex, as stored.
    pub fn to_hex(self) -> String {
        crate::lowerhex::encode(&self.0)
    }

    /// Parses 64 hex digits (case-insensitive), as `HUSHLINK_ADMIN_KEY_SHA256` holds them.
    pub fn parse_hex(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        if raw.len() != 64 {
            return None;
        }
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(raw.to_ascii_lowercase(), &mut bytes).ok()?;
        Some(KeyHash(bytes))
    }
}

impl fmt::Debug for KeyHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KeyHash(<redacted>)")
    }
}

/// A key's unique name: 1 to 64 characters of `[A-Za-z0-9._-]`, and never
/// something that looks like key material (Shlink once stored the plain
/// `INITIAL_API_KEY` as the key's name).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schema(value_type = String, pattern = "^[A-Za-z0-9._-]{1,64}$", example = "ci-deploy")]
pub struct KeyName(String);

impl KeyName {
    pub fn parse(raw: &str) -> Result<Self, &'static str> {
        if raw.is_empty() || raw.len() > 64 {
            return Err("The name must be 1 to 64 characters long.");
        }
        if !raw
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        {
            return Err("The name may hold only letters, digits, '.', '_' and '-'.");
        }
        if raw.to_ascii_lowercase().starts_with(PREFIX) {
            return Err("The name must not look like an API key (it starts with 'hlk_').");
        }
        Ok(KeyName(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for KeyName {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        KeyName::parse(&s)
    }
}

impl From<KeyName> for String {
    fn from(n: KeyName) -> String {
        n.0
    }
}

impl fmt::Display for KeyName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a key may do.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Create secrets through the APIs.
    Create,
    /// Manage API keys; implies `create`.
    Admin,
}

impl Scope {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "create" => Some(Scope::Create),
            "admin" => Some(Scope::Admin),
            _ => None,
        }
    }
}

/// Whether a key with `granted` scopes may act with `needed`.
pub fn allows(granted: &[Scope], needed: Scope) -> bool {
    granted.contains(&needed) || granted.contains(&Scope::Admin)
}

/// Sorted, without duplicates; empty means `create`.
pub fn normalize_scopes(mut scopes: Vec<Scope>) -> Vec<Scope> {
    if scopes.is_empty() {
        scopes.push(Scope::Create);
    }
    scopes.sort();
    scopes.dedup();
    scopes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_parse_and_differ() {
        let a = ApiKey::generate();
        let b = ApiKey::generate();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), KEY_LEN);
        assert!(a.expose().starts_with("hlk_"));
        assert_eq!(ApiKey::parse(a.expose()), Ok(a.clone()));
        assert_ne!(a.hash(), b.hash());
    }

    #[test]
    fn mistyped_keys_fail_the_checksum() {
        let key = ApiKey::generate();
        let s = key.expose();
        // Change one character of the random part.
        let i = PREFIX.len() + 5;
        let c = if &s[i..=i] == "a" { "b" } else { "a" };
        let typo = format!("{}{c}{}", &s[..i], &s[i + 1..]);
        assert_eq!(ApiKey::parse(&typo), Err(KeyFormatError::Checksum));
        assert_eq!(ApiKey::parse(&s[..s.len() - 1]), Err(KeyFormatError::Shape));
        assert_eq!(ApiKey::parse("Bearer x"), Err(KeyFormatError::Shape));
        assert_eq!(
            ApiKey::parse(&s.replacen("hlk_", "xyz_", 1)),
            Err(KeyFormatError::Shape)
        );
    }

    #[test]
    fn hash_is_sha256_of_the_whole_key() {
        let key = ApiKey::generate();
        let expected = hex::encode(Sha256::digest(key.expose().as_bytes()));
        assert_eq!(key.hash().to_hex(), expected);
        assert_eq!(
            KeyHash::parse_hex(&expected.to_uppercase()),
            Some(key.hash())
        );
        assert_eq!(KeyHash::parse_hex("abc"), None);
    }

    #[test]
    fn names() {
        assert!(KeyName::parse("ci-deploy_1.prod").is_ok());
        for bad in ["", "has space", "ü", "hlk_abc", "HLK_x", &"x".repeat(65)] {
            assert!(KeyName::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn admin_implies_create() {
        assert!(allows(&[Scope::Admin], Scope::Create));
        assert!(!allows(&[Scope::Create], Scope::Admin));
        assert_eq!(normalize_scopes(vec![]), vec![Scope::Create]);
    }
}
