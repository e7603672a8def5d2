//! What a secret is made of before it reaches the store: its lifetime, how
//! many times it may be viewed, and its encryption.
//!
//! Input is parsed into these types at the edge (`Ttl::parse`,
//! `Views::parse`), so everything past the HTTP layer can rely on the limits
//! holding. Encryption is standard Fernet, byte-compatible with SnapPass: the
//! key is generated here, goes into the link, and is never stored; what
//! is stored beside the secret is its [`KeyVerifier`], which lets the store
//! refuse a wrong key itself, so that a reveal is one round trip on Redis.

use std::time::Duration;

use fernet::Fernet;
use sha2::{Digest, Sha256};

/// SnapPass's default API lifetime, and its maximum: two weeks.
pub const DEFAULT_TTL_SECS: u64 = 1_209_600;
/// How many views a secret may allow at most.
pub const MAX_VIEWS: u32 = 100;

/// A secret's lifetime in seconds: at least 1, at most the configured maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ttl(u64);

impl Ttl {
    /// Accepts `1..=max` seconds.
    pub fn parse(secs: u64, max: u64) -> Result<Self, &'static str> {
        match secs {
            0 => Err("The TTL must be a positive whole number of seconds."),
            s if s > max => Err("The specified TTL is longer than the maximum supported."),
            s => Ok(Ttl(s)),
        }
    }

    /// The web form's lifetime names, case-insensitive, as SnapPass has them.
    pub fn from_form_name(name: &str, max: u64) -> Option<Self> {
        let secs = match name.to_ascii_lowercase().as_str() {
            "two weeks" => 1_209_600,
            "week" => 604_800,
            "day" => 86_400,
            "hour" => 3_600,
            _ => return None,
        };
        Ttl::parse(secs, max).ok()
    }

    pub fn secs(self) -> u64 {
        self.0
    }

    pub fn as_duration(self) -> Duration {
        Duration::from_secs(self.0)
    }
}

/// How many times a secret may be revealed before it is destroyed: 1 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Views(u32);

impl Views {
    pub const ONE: Views = Views(1);

    pub fn parse(n: u64) -> Result<Self, &'static str> {
        match n {
            1..=100 => Ok(Views(n as u32)),
            _ => Err("Views must be a whole number from 1 to 100."),
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// A secret sealed for storage, with the key that opens it.
pub struct Sealed {
    /// The Fernet token (what the store holds).
    pub ciphertext: String,
    /// The Fernet key (what only the link holds), wiped when dropped (a
    /// create that fails drops it here).
    pub key: zeroize::Zeroizing<String>,
}

/// Encrypts `plaintext` under a fresh random Fernet key.
///
/// The key's 32 bytes come from `rand`'s thread-local CSPRNG (ChaCha12,
/// seeded and reseeded from the operating system), as the link's storage
/// key and the receipt token do, and are encoded as `Fernet::generate_key`
/// encodes them (base64url, padded). `generate_key` asks the kernel for
/// each key: a system call per create that showed in the profile. The IV
/// is still drawn by the `fernet` crate.
pub fn seal(plaintext: &[u8]) -> Sealed {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE;
    use rand::RngCore;
    let mut raw = zeroize::Zeroizing::new([0u8; 32]);
    rand::rng().fill_bytes(raw.as_mut());
    let key = URL_SAFE.encode(raw.as_ref());
    // A key we just generated is always valid.
    let fernet = Fernet::new(&key).expect("freshly generated Fernet key is valid");
    Sealed {
        ciphertext: fernet.encrypt(plaintext),
        key: zeroize::Zeroizing::new(key),
    }
}

/// Why a stored value could not be opened with the key from a link.
#[derive(Debug, PartialEq, Eq)]
pub struct WrongKey;

/// Decrypts a stored value with the key from a link.
///
/// Fails when the key is not a Fernet key, or is not the key this value was
/// sealed with (Fernet authenticates, so a wrong key never yields garbage).
pub fn open(stored: &[u8], key: &str) -> Result<Vec<u8>, WrongKey> {
    let fernet = Fernet::new(key).ok_or(WrongKey)?;
    let token = std::str::from_utf8(stored).map_err(|_| WrongKey)?;
    fernet.decrypt(token).map_err(|_| WrongKey)
}

/// Decrypts a value the store has already given up for a link whose key
/// it verified (see [`KeyVerifier`]): like [`open`], but without Fernet's
/// check that the token was not made more than a minute in the future. That
/// check guards a Fernet TTL, which hushlink never uses (a secret's life is
/// the store's expiry); here it could only fail a reveal whose view is
/// already consumed because the instance that sealed the secret has a clock
/// ahead of this one's. The HMAC is checked as always.
pub fn open_taken(stored: &[u8], key: &str) -> Result<Vec<u8>, WrongKey> {
    let fernet = Fernet::new(key).ok_or(WrongKey)?;
    let token = std::str::from_utf8(stored).map_err(|_| WrongKey)?;
    // "Now" far past any real token's time and far from overflowing the
    // crate's `now + skew` (no TTL is given, so no other time check runs).
    fernet
        .decrypt_at_time(token, None, u64::MAX / 2)
        .map_err(|_| WrongKey)
}

/// What the store keeps of a secret's Fernet key: the first 16 bytes of
/// `SHA-256("hushlink verifier v1" || the key's 32 bytes)`, as hex.
///
/// With it the store itself can tell a link's key from a wrong one, so a
/// reveal on Redis is one script call (check, then take) instead of a read,
/// a decryption here, and a conditional take: a link that cannot open the
/// secret still consumes nothing. It is derived from the *decoded* key, so
/// every spelling Fernet accepts for the same key (with or without `=`
/// padding) gives the same verifier, and a string Fernet refuses gives none.
/// The domain string keeps it apart from any other hash of the key, and is
/// short enough that domain, key and padding fit one SHA-256 block (one
/// compression per create and per reveal, not two).
///
/// What it gives away: nothing a reader of the store does not have already.
/// That reader holds the ciphertext, whose HMAC tests a guessed key just as
/// well; the key is 256 random bits, so neither test is a way in, and a
/// one-way hash of it decrypts nothing.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyVerifier([u8; 16]);

impl KeyVerifier {
    const DOMAIN: &'static [u8] = b"hushlink verifier v1";

    /// The verifier of a Fernet key; `None` for a string that is not one
    /// (decoded exactly as `Fernet::new` decodes it).
    pub fn of(key: &str) -> Option<Self> {
        use base64::Engine;
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let bytes =
            zeroize::Zeroizing::new(URL_SAFE_NO_PAD.decode(key.trim_end_matches('=')).ok()?);
        if bytes.len() != 32 {
            return None;
        }
        let digest = Sha256::new()
            .chain_update(Self::DOMAIN)
            .chain_update(&*bytes)
            .finalize();
        let mut out = [0; 16];
        out.copy_from_slice(&digest[..16]);
        Some(KeyVerifier(out))
    }

    /// Lowercase hex, as the store keeps it.
    pub fn to_hex(&self) -> String {
        crate::lowerhex::encode(&self.0)
    }
}

/// Never the bytes: they are derived from a key.
impl std::fmt::Debug for KeyVerifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyVerifier(..)")
    }
}

/// Whether a stored value is a Fernet token (version byte 0x80, then at
/// least a timestamp, IV, one cipher block and the HMAC). A link with no key
/// part that meets such a value is a truncated link, not a legacy one.
pub fn looks_sealed(stored: &[u8]) -> bool {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE;
    URL_SAFE
        .decode(stored)
        .is_ok_and(|raw| raw.len() >= 1 + 8 + 16 + 16 + 32 && raw[0] == 0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttl_bounds() {
        assert!(Ttl::parse(0, 100).is_err());
        assert!(Ttl::parse(101, 100).is_err());
        assert_eq!(Ttl::parse(100, 100).unwrap().secs(), 100);
        assert_eq!(
            Ttl::from_form_name("TWO WEEKS", DEFAULT_TTL_SECS)
                .unwrap()
                .secs(),
            1_209_600
        );
        assert_eq!(
            Ttl::from_form_name("week", DEFAULT_TTL_SECS)
                .unwrap()
                .secs(),
            604_800
        );
        assert!(Ttl::from_form_name("year", DEFAULT_TTL_SECS).is_none());
        // A form lifetime above a lowered maximum is refused, not clamped.
        assert!(Ttl::from_form_name("Week", 3600).is_none());
    }

    #[test]
    fn views_bounds() {
        assert!(Views::parse(0).is_err());
        assert!(Views::parse(101).is_err());
        assert_eq!(Views::parse(100).unwrap().get(), 100);
    }

    #[test]
    fn a_sealing_key_is_spelled_as_fernet_generates_them() {
        use base64::Engine;
        use base64::engine::general_purpose::URL_SAFE;
        let (ours, theirs) = (seal(b"x").key, Fernet::generate_key());
        assert_eq!(ours.len(), theirs.len());
        assert_eq!(ours.ends_with('='), theirs.ends_with('='));
        assert_eq!(URL_SAFE.decode(ours.as_bytes()).unwrap().len(), 32);
        assert!(Fernet::new(&ours).is_some());
        assert_ne!(*ours, *seal(b"x").key);
    }

    #[test]
    fn seal_then_open_and_wrong_key_fails() {
        let sealed = seal(b"hunter2");
        assert_eq!(sealed.key.len(), 44);
        assert_eq!(
            open(sealed.ciphertext.as_bytes(), &sealed.key).unwrap(),
            b"hunter2"
        );
        let other = seal(b"x");
        assert_eq!(
            open(sealed.ciphertext.as_bytes(), &other.key),
            Err(WrongKey)
        );
        assert_eq!(
            open(sealed.ciphertext.as_bytes(), "not a key"),
            Err(WrongKey)
        );
        assert_eq!(open(b"\xff\xfe", &sealed.key), Err(WrongKey));
        assert!(looks_sealed(sealed.ciphertext.as_bytes()));
        assert!(!looks_sealed(b"hunter2"));
    }

    #[test]
    fn key_verifier_test_vector() {
        // The key of the 32 bytes 0x00..0x1f.
        let key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        assert!(Fernet::new(key).is_some());
        let v = KeyVerifier::of(key).unwrap();
        assert_eq!(v.to_hex(), VECTOR);
        assert_eq!(format!("{v:?}"), "KeyVerifier(..)");
        // Domain, key, the 0x80 byte and the 8-byte length: one block.
        assert!(KeyVerifier::DOMAIN.len() + 32 + 1 + 8 <= 64);
    }

    /// Computed apart, with Python: `hashlib.sha256(b"hushlink verifier v1"
    /// + bytes(range(32))).hexdigest()[:32]`.
    const VECTOR: &str = "3b3e7bbb3439626f4fd001af6fe99b74";

    #[test]
    fn key_verifier_agrees_with_what_fernet_accepts() {
        let key = Fernet::generate_key();
        let unpadded = key.trim_end_matches('=');
        let v = KeyVerifier::of(&key).unwrap();
        // Spellings of the same key that Fernet accepts agree.
        for variant in [unpadded.to_owned(), format!("{key}=")] {
            assert!(Fernet::new(&variant).is_some(), "{variant}");
            assert!(KeyVerifier::of(&variant) == Some(v.clone()), "{variant}");
        }
        // Strings Fernet refuses have none.
        for refused in ["", "not a key", &key[..40], &format!("{key}AAAA")] {
            assert!(Fernet::new(refused).is_none(), "{refused}");
            assert!(KeyVerifier::of(refused).is_none(), "{refused}");
        }
        // Another key, another verifier.
        assert!(KeyVerifier::of(&Fernet::generate_key()) != Some(v));
    }

    #[test]
    fn a_verified_take_opens_a_token_from_a_clock_ahead() {
        let key = Fernet::generate_key();
        let fernet = Fernet::new(&key).unwrap();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        let ahead = fernet.encrypt_at_time(b"from the future", now + 3600);
        assert_eq!(open(ahead.as_bytes(), &key), Err(WrongKey));
        assert_eq!(
            open_taken(ahead.as_bytes(), &key).unwrap(),
            b"from the future"
        );
        // The HMAC still decides.
        let other = Fernet::generate_key();
        assert_eq!(open_taken(ahead.as_bytes(), &other), Err(WrongKey));
        assert_eq!(open_taken(b"garbage", &key), Err(WrongKey));
    }
}
