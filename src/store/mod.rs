//! Storage of sealed secrets behind one trait, with two real backends.
//!
//! The trait is deliberately small: put, peek, a conditional take, and a
//! ping. The conditional take is the heart of the "exactly once" promise: a
//! reveal first reads the sealed value, decrypts it with the key from the
//! link, and only then asks the store to consume *that exact value*. The
//! store answers with one atomic decision (a Lua script on Redis, one write
//! transaction on the embedded store), so concurrent readers cannot both win
//! the last view, and a link with the wrong key never consumes anything.

use std::sync::Arc;

use async_trait::async_trait;

use crate::secret::{Ttl, Views};
use crate::token::StorageKey;

pub mod embedded;
pub mod redis;

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

/// The store could not answer; nothing was changed as far as we know.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store unavailable: {0}")]
    Unavailable(String),
    #[error("store timed out after {0:?}")]
    Timeout(std::time::Duration),
    #[error("store failed: {0}")]
    Internal(String),
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

    /// Checks that the store answers.
    async fn ping(&self) -> Result<(), StoreError>;

    /// Flushes and releases the store at shutdown. The default does nothing.
    async fn close(&self) {}

    /// A short name for logs and health output.
    fn kind(&self) -> &'static str;
}

/// The shared handle the application keeps in its state.
pub type DynStore = Arc<dyn SecretStore>;
