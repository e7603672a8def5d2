//! Zero-knowledge links: the one place that knows their format.
//!
//! A zero-knowledge secret is encrypted by the client (the CLI here, the
//! page in `assets/zk.js`) under a 256-bit link key that travels only in the
//! link's `#fragment`, which no browser sends. The server stores the
//! envelope, a verifier and a key check, and can open none of them. Every
//! byte and derivation is written down in `docs/FORMAT.md`, and
//! `tests/vectors/zk-v1.json` pins them for both implementations.
//!
//! Nothing here is home-made cryptography: AES-256-GCM, HKDF-SHA256,
//! SHA-256 come from the RustCrypto crates, PBKDF2-HMAC-SHA256 from `ring`
//! (the library rustls uses), and the proof comparison from `subtle`. This module only fixes how they are
//! combined: which bytes are authenticated, which label derives which key.
//!
//! The server side uses [`Envelope::parse`] (the header is not secret: the
//! server checks it and serves the KDF parameters), [`verify_proof`] and the
//! sizes; the clients use [`seal`], [`derive`] and [`open`].

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hkdf::Hkdf;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

pub mod service;

/// The format version this code writes and reads (the envelope's byte 0).
pub const VERSION: u8 = 1;
/// Bytes of a link key.
pub const KEY_LEN: usize = 32;
/// Bytes of a proof (the server keeps only its SHA-256, the verifier).
pub const PROOF_LEN: usize = 32;
/// Bytes of the key check, a public fingerprint of the link key alone.
pub const CHECK_LEN: usize = 16;
/// Bytes of a PBKDF2 salt.
pub const SALT_LEN: usize = 16;
/// Bytes of an AES-GCM nonce.
pub const NONCE_LEN: usize = 12;
/// Bytes of an AES-GCM tag.
pub const TAG_LEN: usize = 16;
/// The fewest PBKDF2 iterations accepted (OWASP's 2023 figure for SHA-256).
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most accepted: a reader's page must finish the derivation.
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// What new secrets with a passphrase use.
pub const DEFAULT_ITERATIONS: u32 = 600_000;

/// HKDF `info` labels: one per derived value, so no two can ever be equal.
const INFO_ENC: &[u8] = b"hushlink/v1/enc";
const INFO_PROOF: &[u8] = b"hushlink/v1/proof";
const INFO_CHECK: &[u8] = b"hushlink/v1/check";

/// What an envelope holds (byte 1). Only `Secret` is written today; the
/// others are reserved so that files and sealed requests fit the same
/// version without a break (see `docs/FORMAT.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One piece: the whole content in one AES-GCM message.
    Secret = 1,
}

impl Kind {
    /// The byte for a kind this version can read.
    fn from_byte(b: u8) -> Result<Self, FormatError> {
        match b {
            1 => Ok(Kind::Secret),
            // 2: streamed chunks, 3: sealed to a requester's public key.
            2 | 3 => Err(FormatError::UnsupportedKind(b)),
            _ => Err(FormatError::UnknownKind(b)),
        }
    }
}

/// How the passphrase (if any) is stretched (byte 2 and its parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kdf {
    /// No passphrase: the link key alone opens the secret.
    None,
    /// PBKDF2-HMAC-SHA256 of the passphrase's UTF-8 bytes.
    Pbkdf2 {
        iterations: u32,
        salt: [u8; SALT_LEN],
    },
}

impl Kdf {
    /// A fresh PBKDF2 set-up with a random salt.
    pub fn pbkdf2_random() -> Self {
        Kdf::Pbkdf2 {
            iterations: DEFAULT_ITERATIONS,
            salt: rand::random(),
        }
    }

    pub fn needs_passphrase(&self) -> bool {
        matches!(self, Kdf::Pbkdf2 { .. })
    }
}

/// Why bytes are not a valid envelope (or a value is not valid input).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("the envelope is shorter than its header says")]
    Truncated,
    #[error("unknown format version {0}")]
    UnknownVersion(u8),
    #[error("unknown kind {0}")]
    UnknownKind(u8),
    #[error("kind {0} is reserved and not supported by this version")]
    UnsupportedKind(u8),
    #[error("unknown key derivation {0}")]
    UnknownKdf(u8),
    #[error("PBKDF2 iterations must be from 600000 to 10000000")]
    Iterations,
    #[error("a value is not URL-safe base64 of the right length")]
    Encoding,
}

/// Why a client could not open a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("this secret needs a passphrase")]
    PassphraseNeeded,
    #[error("the key (or passphrase) does not open this secret")]
    Decrypt,
    #[error("the opened content is malformed")]
    Content,
}

/// A parsed envelope. The header (every byte before the ciphertext) is kept
/// as it arrived, because it is the associated data the tag covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub kind: Kind,
    pub kdf: Kdf,
    pub nonce: [u8; NONCE_LEN],
    header_len: usize,
    bytes: Vec<u8>,
}

impl Envelope {
    /// Checks the header and that a tag's worth of ciphertext follows.
    pub fn parse(bytes: Vec<u8>) -> Result<Self, FormatError> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], FormatError> {
            let s = bytes.get(at..at + n).ok_or(FormatError::Truncated)?;
            at += n;
            Ok(s)
        };
        let version = take(1)?[0];
        if version != VERSION {
            return Err(FormatError::UnknownVersion(version));
        }
        let kind = Kind::from_byte(take(1)?[0])?;
        let kdf = match take(1)?[0] {
            0 => Kdf::None,
            1 => {
                let iterations = u32::from_be_bytes(take(4)?.try_into().expect("4 bytes"));
                if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
                    return Err(FormatError::Iterations);
                }
                let salt = take(SALT_LEN)?.try_into().expect("16 bytes");
                Kdf::Pbkdf2 { iterations, salt }
            }
            other => return Err(FormatError::UnknownKdf(other)),
        };
        let nonce = take(NONCE_LEN)?.try_into().expect("12 bytes");
        let header_len = at;
        if bytes.len() < header_len + TAG_LEN {
            return Err(FormatError::Truncated);
        }
        Ok(Envelope {
            kind,
            kdf,
            nonce,
            header_len,
            bytes,
        })
    }

    /// The whole envelope, as stored and sent.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    /// The header: the associated data of the AES-GCM message.
    pub fn header(&self) -> &[u8] {
        &self.bytes[..self.header_len]
    }

    fn ciphertext(&self) -> &[u8] {
        &self.bytes[self.header_len..]
    }
}

/// The header bytes for `kind`, `kdf` and `nonce`.
pub fn build_header(kind: Kind, kdf: &Kdf, nonce: &[u8; NONCE_LEN]) -> Vec<u8> {
    let mut h = Vec::with_capacity(3 + 4 + SALT_LEN + NONCE_LEN);
    h.extend_from_slice(&[VERSION, kind as u8]);
    match kdf {
        Kdf::None => h.push(0),
        Kdf::Pbkdf2 { iterations, salt } => {
            h.push(1);
            h.extend_from_slice(&iterations.to_be_bytes());
            h.extend_from_slice(salt);
        }
    }
    h.extend_from_slice(nonce);
    h
}

/// The link key: 32 random bytes that only the link's fragment carries.
/// No `Debug`, no `Display`: it must never reach a log.
#[derive(Clone)]
pub struct LinkKey([u8; KEY_LEN]);

impl LinkKey {
    /// A fresh key from the operating system's CSPRNG (through `rand`).
    pub fn generate() -> Self {
        LinkKey(rand::random())
    }

    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Self {
        LinkKey(bytes)
    }

    /// Parses the fragment form: exactly 43 URL-safe base64 characters.
    pub fn from_fragment(s: &str) -> Result<Self, FormatError> {
        decode_fixed(s).map(LinkKey)
    }

    /// The fragment form (URL-safe base64, no padding).
    pub fn to_fragment(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.0)
    }

    pub fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }
}

/// The keys a reader (or writer) derives.
pub struct Keys {
    enc: [u8; 32],
    /// Sent to the server to prove possession; it stores only its SHA-256.
    pub proof: [u8; PROOF_LEN],
}

impl Keys {
    /// The AES-256-GCM key (exposed for the test vectors).
    pub fn enc_key(&self) -> &[u8; 32] {
        &self.enc
    }
}

/// Derives the encryption key and the proof from the link key and, when
/// `kdf` asks for one, the passphrase:
/// `IKM = K` or `K || PBKDF2-HMAC-SHA256(passphrase, salt, iterations, 32)`,
/// then HKDF-SHA256 (empty salt) with one `info` label per output.
pub fn derive(key: &LinkKey, kdf: &Kdf, passphrase: Option<&[u8]>) -> Result<Keys, OpenError> {
    let mut ikm = Vec::with_capacity(2 * KEY_LEN);
    ikm.extend_from_slice(&key.0);
    if let Kdf::Pbkdf2 { iterations, salt } = kdf {
        let passphrase = passphrase.ok_or(OpenError::PassphraseNeeded)?;
        let mut stretched = [0u8; 32];
        let iterations = std::num::NonZeroU32::new(*iterations).ok_or(OpenError::Decrypt)?;
        ring::pbkdf2::derive(
            ring::pbkdf2::PBKDF2_HMAC_SHA256,
            iterations,
            salt,
            passphrase,
            &mut stretched,
        );
        ikm.extend_from_slice(&stretched);
    }
    let hk = Hkdf::<Sha256>::new(None, &ikm);
    let mut enc = [0u8; 32];
    let mut proof = [0u8; PROOF_LEN];
    // Only fails for outputs longer than 255 blocks.
    hk.expand(INFO_ENC, &mut enc)
        .expect("32 bytes is a valid length");
    hk.expand(INFO_PROOF, &mut proof)
        .expect("32 bytes is a valid length");
    Ok(Keys { enc, proof })
}

/// The key check: `HKDF-SHA256(K, info "hushlink/v1/check")`, 16 bytes.
/// Public (served before any proof) so a reader can tell a damaged link
/// from a wrong passphrase without using an attempt; it reveals nothing
/// usable about a 256-bit key.
pub fn key_check(key: &LinkKey) -> [u8; CHECK_LEN] {
    let mut out = [0u8; CHECK_LEN];
    Hkdf::<Sha256>::new(None, &key.0)
        .expand(INFO_CHECK, &mut out)
        .expect("16 bytes is a valid length");
    out
}

/// What the server stores instead of the proof: `SHA-256(proof)`.
pub fn verifier(proof: &[u8; PROOF_LEN]) -> [u8; 32] {
    Sha256::digest(proof).into()
}

/// Whether `proof` hashes to `verifier`, compared in constant time.
pub fn verify_proof(proof: &[u8; PROOF_LEN], verifier: &[u8; 32]) -> bool {
    let digest: [u8; 32] = Sha256::digest(proof).into();
    digest.ct_eq(verifier).into()
}

/// What the content is, inside the ciphertext (its first byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContentType {
    /// UTF-8 text.
    Text = 1,
    /// Any bytes.
    Binary = 2,
}

/// The plaintext inside an envelope: a small header, then the bytes.
/// `type (1) | name length (u16 BE) | name (UTF-8) | data`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Content {
    pub content_type: ContentType,
    /// A file name (empty: none). Reserved for files; kept on round trips.
    pub name: String,
    pub data: Vec<u8>,
}

impl Content {
    /// Text when `data` is UTF-8, binary otherwise.
    pub fn guess(data: Vec<u8>) -> Self {
        let content_type = if std::str::from_utf8(&data).is_ok() {
            ContentType::Text
        } else {
            ContentType::Binary
        };
        Content {
            content_type,
            name: String::new(),
            data,
        }
    }

    fn encode(&self) -> Vec<u8> {
        let name = self.name.as_bytes();
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        let mut out = Vec::with_capacity(3 + name.len() + self.data.len());
        out.push(self.content_type as u8);
        out.extend_from_slice(&name_len.to_be_bytes());
        out.extend_from_slice(&name[..usize::from(name_len)]);
        out.extend_from_slice(&self.data);
        out
    }

    fn decode(mut bytes: Vec<u8>) -> Result<Self, OpenError> {
        let content_type = match bytes.first() {
            Some(1) => ContentType::Text,
            Some(2) => ContentType::Binary,
            _ => return Err(OpenError::Content),
        };
        let name_len = bytes
            .get(1..3)
            .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
            .ok_or(OpenError::Content)?;
        let name = bytes.get(3..3 + name_len).ok_or(OpenError::Content)?;
        let name = String::from_utf8(name.to_vec()).map_err(|_| OpenError::Content)?;
        if content_type == ContentType::Text && std::str::from_utf8(&bytes[3 + name_len..]).is_err()
        {
            return Err(OpenError::Content);
        }
        let data = bytes.split_off(3 + name_len);
        Ok(Content {
            content_type,
            name,
            data,
        })
    }
}

/// Everything a client sends the server to create a secret.
pub struct Sealed {
    pub envelope: Envelope,
    pub verifier: [u8; 32],
    pub key_check: [u8; CHECK_LEN],
}

/// Encrypts `content` under `key` (and the passphrase, when `kdf` has one)
/// with the given nonce; [`seal`] picks a random one. Deterministic for the
/// test vectors.
pub fn seal_with_nonce(
    key: &LinkKey,
    kdf: &Kdf,
    passphrase: Option<&[u8]>,
    content: &Content,
    nonce: [u8; NONCE_LEN],
) -> Result<Sealed, OpenError> {
    let keys = derive(key, kdf, passphrase)?;
    let mut bytes = build_header(Kind::Secret, kdf, &nonce);
    let cipher = Aes256Gcm::new_from_slice(&keys.enc).expect("32-byte key");
    let ciphertext = cipher
        .encrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &content.encode(),
                aad: &bytes,
            },
        )
        .map_err(|_| OpenError::Decrypt)?;
    bytes.extend_from_slice(&ciphertext);
    let envelope = Envelope::parse(bytes).map_err(|_| OpenError::Content)?;
    Ok(Sealed {
        envelope,
        verifier: verifier(&keys.proof),
        key_check: key_check(key),
    })
}

/// Encrypts `content` with a fresh random nonce (a fresh key per secret
/// makes a nonce collision harmless anyway; it is random all the same).
pub fn seal(
    key: &LinkKey,
    kdf: &Kdf,
    passphrase: Option<&[u8]>,
    content: &Content,
) -> Result<Sealed, OpenError> {
    seal_with_nonce(key, kdf, passphrase, content, rand::random())
}

/// Decrypts an envelope with keys derived for it.
pub fn open_with(keys: &Keys, envelope: &Envelope) -> Result<Content, OpenError> {
    let cipher = Aes256Gcm::new_from_slice(&keys.enc).expect("32-byte key");
    let plain = cipher
        .decrypt(
            Nonce::from_slice(&envelope.nonce),
            Payload {
                msg: envelope.ciphertext(),
                aad: envelope.header(),
            },
        )
        .map_err(|_| OpenError::Decrypt)?;
    Content::decode(plain)
}

/// Derives and decrypts in one step.
pub fn open(
    key: &LinkKey,
    passphrase: Option<&[u8]>,
    envelope: &Envelope,
) -> Result<Content, OpenError> {
    let keys = derive(key, &envelope.kdf, passphrase)?;
    open_with(&keys, envelope)
}

/// URL-safe base64 without padding, as every binary value travels in JSON.
pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Decodes URL-safe base64 without padding (any length).
pub fn unb64(s: &str) -> Result<Vec<u8>, FormatError> {
    URL_SAFE_NO_PAD
        .decode(s.as_bytes())
        .map_err(|_| FormatError::Encoding)
}

/// Decodes URL-safe base64 of exactly `N` bytes.
pub fn decode_fixed<const N: usize>(s: &str) -> Result<[u8; N], FormatError> {
    unb64(s)?.try_into().map_err(|_| FormatError::Encoding)
}

#[cfg(test)]
mod tests;
