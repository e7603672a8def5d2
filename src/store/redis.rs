//! The Redis store: SnapPass's key layout, with an atomic take.
//!
//! A secret is a plain string under `<REDIS_PREFIX><32 hex>` holding the
//! Fernet token, with the TTL as the key's expiry: exactly what SnapPass
//! writes, so both can serve the same Redis during a migration. A secret
//! with more than one view also has a counter `{<key>}:views`; its hash tag
//! puts it in the secret's Redis Cluster slot, so the take script touches
//! one slot only.
//!
//! The connection is one multiplexed `ConnectionManager`, made on first use
//! (so the server starts while Redis is down) and reconnected by the
//! library. Every command is bounded by a timeout, so no request hangs on a
//! Redis that has gone away.

use std::time::Duration;

use async_trait::async_trait;
use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{AsyncCommands, Script};
use tokio::sync::RwLock;

use super::{Record, SecretStore, StoreError, Take};
use crate::secret::{Ttl, Views};
use crate::token::StorageKey;

/// Consumes one view if the secret still holds exactly the value the caller
/// decrypted. `DECR` on a missing counter gives -1, which is how a
/// one-view secret (no counter, as SnapPass writes it) is destroyed at once.
/// Returns the views left, or -1 when the value was gone or different.
const TAKE_LUA: &str = r"
local v = redis.call('GET', KEYS[1])
if (not v) or v ~= ARGV[1] then return -1 end
local left = redis.call('DECR', KEYS[2])
if left <= 0 then
  redis.call('DEL', KEYS[1], KEYS[2])
  return 0
end
return left
";

pub struct RedisStore {
    client: redis::Client,
    conn: RwLock<Option<ConnectionManager>>,
    timeout: Duration,
    take: Script,
}

impl RedisStore {
    /// Prepares a store for `url`; connects lazily, so this never blocks on
    /// Redis. Fails only on a malformed URL.
    pub fn new(url: &str, timeout: Duration) -> Result<Self, StoreError> {
        let client = redis::Client::open(url)
            .map_err(|e| StoreError::Internal(format!("invalid Redis URL: {e}")))?;
        Ok(RedisStore {
            client,
            conn: RwLock::new(None),
            timeout,
            take: Script::new(TAKE_LUA),
        })
    }

    async fn connection(&self) -> Result<ConnectionManager, StoreError> {
        if let Some(conn) = self.conn.read().await.as_ref() {
            return Ok(conn.clone());
        }
        let mut slot = self.conn.write().await;
        if let Some(conn) = slot.as_ref() {
            return Ok(conn.clone());
        }
        let config = ConnectionManagerConfig::new()
            .set_connection_timeout(Some(self.timeout))
            .set_response_timeout(Some(self.timeout))
            .set_number_of_retries(2)
            .set_max_delay(Duration::from_millis(500));
        let conn = tokio::time::timeout(
            self.timeout,
            ConnectionManager::new_with_config(self.client.clone(), config),
        )
        .await
        .map_err(|_| StoreError::Timeout(self.timeout))?
        .map_err(unavailable)?;
        *slot = Some(conn.clone());
        Ok(conn)
    }

    /// Runs one Redis round trip with the store's timeout.
    async fn bounded<T>(
        &self,
        f: impl AsyncFnOnce(&mut ConnectionManager) -> redis::RedisResult<T>,
    ) -> Result<T, StoreError> {
        let mut conn = self.connection().await?;
        match tokio::time::timeout(self.timeout, f(&mut conn)).await {
            Ok(result) => result.map_err(unavailable),
            Err(_) => Err(StoreError::Timeout(self.timeout)),
        }
    }
}

/// The counter of views left, in the secret's own cluster slot.
fn views_key(key: &StorageKey) -> String {
    format!("{{{}}}:views", key.as_str())
}

#[async_trait]
impl SecretStore for RedisStore {
    async fn put(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
    ) -> Result<(), StoreError> {
        let k = key.as_str();
        if views == Views::ONE {
            return self
                .bounded(async |c| c.set_ex::<_, _, ()>(k, value, ttl.secs()).await)
                .await;
        }
        let counter = views_key(key);
        self.bounded(async |c| {
            redis::pipe()
                .atomic()
                .set_ex(k, value, ttl.secs())
                .ignore()
                .set_ex(&counter, views.get(), ttl.secs())
                .ignore()
                .query_async::<()>(c)
                .await
        })
        .await
    }

    async fn peek(&self, key: &StorageKey) -> Result<Option<Record>, StoreError> {
        let counter = views_key(key);
        let (value, views): (Option<Vec<u8>>, Option<u32>) = self
            .bounded(async |c| {
                redis::pipe()
                    .get(key.as_str())
                    .get(&counter)
                    .query_async(c)
                    .await
            })
            .await?;
        Ok(value.map(|value| Record {
            value,
            views_left: views.unwrap_or(1).max(1),
        }))
    }

    async fn take(&self, key: &StorageKey, expected: &[u8]) -> Result<Take, StoreError> {
        let counter = views_key(key);
        let left: i64 = self
            .bounded(async |c| {
                self.take
                    .key(key.as_str())
                    .key(&counter)
                    .arg(expected)
                    .invoke_async(c)
                    .await
            })
            .await?;
        Ok(match u32::try_from(left) {
            Ok(views_left) => Take::Taken { views_left },
            Err(_) => Take::Gone,
        })
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.bounded(async |c| redis::cmd("PING").query_async::<String>(c).await)
            .await
            .map(|_| ())
    }

    fn kind(&self) -> &'static str {
        "redis"
    }
}

fn unavailable(e: redis::RedisError) -> StoreError {
    StoreError::Unavailable(e.to_string())
}
