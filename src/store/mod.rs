//! Storage of sealed secrets behind one trait, with two real backends.
//!
//! The trait is deliberately small: put, peek, a conditional take, and a
//! ping. The conditional take is the heart of the "exactly once" promise: a
//! reveal first reads the sealed value, decrypts it with the key from the
//! link, and only then asks the store to consume *that exact value*. The
//! store answers with one atomic decision (a Lua script on Redis, one write
//! transaction on the embedded store), so concurrent readers cannot both win
//! the last view, and a link with the wrong key never consumes anything.
//! `tests/api/store_contract.rs` holds every backend to this contract.
//!
//! A store may also check the link's key itself, against a verifier of it
//! kept since the create (`take_verified`): then the check and the take are
//! one call, and a wrong key still consumes nothing. Redis does, to save a
//! round trip per reveal; the embedded store keeps peek, decrypt, take.
//!
//! `ping` says whether the store answers (health); `ready` whether it takes
//! new secrets now (readiness: the embedded store refuses them, with
//! [`StoreError::Full`], while its disk is nearly full).

use std::collections::HashMap;
use std::sync::Arc;

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::apikey::{KeyHash, KeyName, Scope};
use crate::receipt::{NewReceipt, ReceiptHash, ReceiptRecord};
use crate::secret::{KeyVerifier, Ttl, Views};
use crate::token::StorageKey;

pub mod disk;
pub mod embedded;
pub mod redis;
mod redis_deadline;
mod redis_quota;

/// A stored secret as the store holds it.
#[derive(Clone)]
pub struct Record {
    /// The sealed value: a Fernet token, or for legacy links the plain secret.
    pub value: Vec<u8>,
    /// Views left before the secret is destroyed (at least 1).
    pub views_left: u32,
}

/// What a conditional take decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Take {
    /// This caller consumed a view; `views_left` remain (0: destroyed).
    Taken { views_left: u32 },
    /// The value was gone (or replaced) by the time the take ran.
    Gone,
}

/// What a take that checks the link's key itself decided
/// ([`SecretStore::take_verified`]).
#[derive(Clone)]
pub enum VerifiedTake {
    /// The key's verifier matched: this caller consumed a view and holds
    /// the sealed value; `views_left` remain (0: destroyed).
    Taken { value: Vec<u8>, views_left: u32 },
    /// The secret is there, but its verifier is not the key's: nothing
    /// was consumed.
    WrongKey,
    /// No such secret (missing, expired, or taken meanwhile).
    Gone,
    /// The secret is there without a verifier (written by SnapPass, by an
    /// older hushlink, or without a receipt): nothing was consumed, and
    /// here is what a peek would have answered, so the caller decrypts it
    /// and takes it with [`SecretStore::take`] as before.
    Unverifiable(Record),
    /// This store does not check keys (the default): peek, decrypt, take.
    Unsupported,
}

/// What one wrong proof of a zero-knowledge secret did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// Counted; this many wrong proofs are still allowed.
    Left(u32),
    /// That was the last allowed: the secret is destroyed.
    Destroyed,
    /// The secret was already gone.
    Gone,
}

/// What a shared rate count decided (see [`SecretStore::take_rate_token`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateDecision {
    /// A token was taken: go ahead.
    Allowed,
    /// None left; one comes back in this many seconds (at least 1).
    RetryAfter(u64),
}

/// Whether the store may drop secrets by itself when its memory is full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Eviction {
    /// It never does (Redis's `maxmemory-policy noeviction`): a full store
    /// refuses writes, and creates get 503.
    Never,
    /// It may: this policy evicts keys, and every secret is a key with a TTL.
    Possible { policy: String },
    /// The store would not say (a managed Redis refusing `CONFIG GET`).
    Unknown { reason: String },
}

/// The store could not answer; nothing was changed as far as we know.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store unavailable: {0}")]
    Unavailable(String),
    #[error("store timed out after {0:?}")]
    Timeout(std::time::Duration),
    #[error("store failed: {0}")]
    Internal(String),
    /// No room for new secrets (the disk is full, or nearly: see
    /// `HUSHLINK_MIN_FREE_DISK`). Reveals may still work.
    #[error("store full: {0}")]
    Full(String),
    /// The storage quota (`HUSHLINK_MAX_STORED_BYTES`) has no room for this
    /// secret: the ciphertext held plus this one would exceed it.
    #[error("storage quota reached: {0}")]
    OverQuota(String),
}

/// What a store holds now: the ciphertext bytes of its live secrets and how
/// many they are (what `HUSHLINK_MAX_STORED_BYTES` is counted against).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Held {
    pub bytes: u64,
    pub secrets: u64,
}

/// Where sealed secrets live. Implementations must be safe to share between
/// all request handlers and, for Redis, between many server processes.
#[async_trait]
pub trait SecretStore: Send + Sync + 'static {
    /// Stores `value` under `key` for `ttl`, revealable `views` times.
    /// Returns only once the write is durable (embedded) or acknowledged (Redis).
    async fn put(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
    ) -> Result<(), StoreError>;

    /// Reads a secret without consuming it; `None` when missing or expired.
    async fn peek(&self, key: &StorageKey) -> Result<Option<Record>, StoreError>;

    /// Consumes one view of `key` if, and only if, it still holds exactly
    /// `expected`. Destroys the secret when that was the last view. The
    /// decision is atomic and durable before this returns.
    async fn take(&self, key: &StorageKey, expected: &[u8]) -> Result<Take, StoreError>;

    /// Consumes one view of `key` if, and only if, the secret's stored key
    /// verifier (written with its receipt) is `verifier`: a reveal in one
    /// call, for a store where a round trip is most of a reveal's cost
    /// (Redis). Same atomicity, durability and receipt recording as `take`.
    /// The default answers [`VerifiedTake::Unsupported`] without a call: the
    /// embedded store's peek is an in-process read, so peek, decrypt and
    /// take cost it nothing more.
    async fn take_verified(
        &self,
        _key: &StorageKey,
        _verifier: &KeyVerifier,
    ) -> Result<VerifiedTake, StoreError> {
        Ok(VerifiedTake::Unsupported)
    }

    /// Counts one wrong proof against `key` (kept as long as the secret)
    /// and destroys the secret when `limit` wrong proofs have been made.
    /// One atomic decision, like `take`, across processes and a cluster.
    async fn fail_attempt(&self, key: &StorageKey, limit: u32) -> Result<Attempt, StoreError>;

    /// Wrong proofs counted so far against `key` (0 when none or gone).
    async fn attempts(&self, key: &StorageKey) -> Result<u32, StoreError>;

    /// Checks that the store answers.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Checks that the store takes new secrets now: it answers, and (for a
    /// store that can fill up) has room. The readiness probe asks this.
    async fn ready(&self) -> Result<(), StoreError> {
        self.ping().await
    }

    /// Takes one token from `bucket`'s token bucket (`per_minute` a
    /// minute, bursts of up to a minute's worth), counted in the store so
    /// that every process sharing it shares the bucket. Buckets must expire
    /// by themselves once full. `Ok(None)`: this store is one process's own
    /// (the embedded store, the default), so the caller counts in process.
    async fn take_rate_token(
        &self,
        _bucket: &str,
        _per_minute: u32,
    ) -> Result<Option<RateDecision>, StoreError> {
        Ok(None)
    }

    /// Whether the store may evict secrets, as last checked (a store that
    /// checks does so when it connects and when it reconnects). `None`: not
    /// a question for this store (the embedded store, the default), or not
    /// checked yet because the store has not answered.
    async fn eviction(&self) -> Option<Eviction> {
        None
    }

    /// The ciphertext held and the number of secrets, as the storage quota
    /// counts them (exact on the embedded store; on Redis, counted only
    /// while a quota is set, and approximate: see `store::redis`). `None`:
    /// this store does not count.
    async fn held(&self) -> Result<Option<Held>, StoreError> {
        Ok(None)
    }

    /// Flushes and releases the store at shutdown. The default does nothing.
    async fn close(&self) {}

    /// A short name for logs and health output.
    fn kind(&self) -> &'static str;
}

/// An API key as the store holds it: metadata and the key's SHA-256, never
/// the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRecord {
    pub name: KeyName,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub scopes: Vec<Scope>,
    /// Unix seconds.
    pub created_at: u64,
    /// Unix seconds; `None`: never expires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<u64>,
    #[serde(default)]
    pub disabled: bool,
    /// Lowercase hex SHA-256 of the whole key.
    pub hash: String,
    /// The signed-in person who made it on the personal keys page (their
    /// e-mail or subject); `None` for keys made by an admin.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The key's own create rate, creates a minute (0: unlimited); `None`:
    /// its creates count against their client address like anyone's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_rate: Option<u32>,
}

/// How and when the store was bootstrapped (see `keys::Bootstrap`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BootstrapMark {
    /// `token`, `hash` or `cli`.
    pub via: String,
    /// Name of the admin key it created.
    pub name: KeyName,
    /// Unix seconds.
    pub at: u64,
}

/// A consistent snapshot of every API key.
#[derive(Debug, Clone, Default)]
pub struct KeySet {
    /// Bumped by every committed change; commits name the version they saw.
    pub version: u64,
    pub keys: Vec<KeyRecord>,
    /// Key name -> unix seconds of its last use (updated at most once a minute).
    pub last_used: HashMap<String, u64>,
    pub bootstrapped: Option<BootstrapMark>,
}

/// One change to the key set.
#[derive(Debug, Clone)]
pub enum KeyChange {
    /// Inserts or replaces the record of that name (and its hash index).
    Put(KeyRecord),
    /// Removes the record of that name, its hash index and its last use.
    Delete(KeyName),
}

/// Where API keys and the bootstrap mark live: beside the secrets, in the
/// same store. Changes are optimistic: read a [`KeySet`], decide, then
/// [`commit_keys`](KeyStore::commit_keys) naming the version read; the
/// store applies the whole change atomically only if nothing changed in
/// between. That one rule gives unique names, "never remove the last admin"
/// and "bootstrap once, ever" on one process, many processes and a cluster.
#[async_trait]
pub trait KeyStore: Send + Sync + 'static {
    /// The record of the key with this hash. One read, never a write.
    async fn key_by_hash(&self, hash: &KeyHash) -> Result<Option<KeyRecord>, StoreError>;

    /// Every key, their last uses, the bootstrap mark and the version.
    async fn key_set(&self) -> Result<KeySet, StoreError>;

    /// Applies `changes` (and sets `bootstrap`, when given) if, and only if,
    /// the key set is still at `version`; returns whether it did.
    async fn commit_keys(
        &self,
        version: u64,
        changes: Vec<KeyChange>,
        bootstrap: Option<BootstrapMark>,
    ) -> Result<bool, StoreError>;

    /// Records the last use of a key, if it still exists.
    async fn touch_key(&self, name: &KeyName, at: u64) -> Result<(), StoreError>;

    /// Forgets the bootstrap mark; returns whether there was one.
    async fn reset_bootstrap(&self) -> Result<bool, StoreError>;
}

/// A receipt as read: its record, and whether the store still holds its
/// secret (`None`: no such receipt, or past its retention).
pub type ReceiptRead = Option<(ReceiptRecord, bool)>;

/// Where receipts live: beside their secrets (on Redis, in the secret's
/// cluster slot), so the decisions that change a secret record what they
/// did in the same atomic step. `take` and `fail_attempt` of
/// [`SecretStore`] append `viewed` / `passphrase_failed` / `destroyed` to the
/// secret's receipt, when it has one, inside their own decision.
#[async_trait]
pub trait ReceiptStore: Send + Sync + 'static {
    /// Like [`SecretStore::put`], and stores the receipt with it: one
    /// transaction (embedded), or the receipt in the secret's slot with it
    /// plus an index from the receipt's hash (Redis). The receipt lives
    /// until the secret's expiry plus `receipt.retention_secs`.
    async fn put_with_receipt(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: NewReceipt,
    ) -> Result<(), StoreError>;

    /// The receipt whose token has this hash.
    async fn receipt(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError>;

    /// Destroys the receipt's secret if it still lives and records `burned`;
    /// one atomic decision against reveals. Answers the receipt afterwards.
    async fn burn(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError>;
}

/// Every half of a backend.
pub trait Store: SecretStore + KeyStore + ReceiptStore {}
impl<T: SecretStore + KeyStore + ReceiptStore> Store for T {}

/// The shared handle the application keeps in its state.
pub type DynStore = Arc<dyn Store>;
