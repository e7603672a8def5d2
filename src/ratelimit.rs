//! Per-client rate limits: a token bucket per client address.
//!
//! Used for creates (`HUSHLINK_CREATE_RATE`): each client may create `rate`
//! secrets a minute, in bursts of up to a minute's worth. An API key may
//! carry a create rate of its own (`create_rate`, higher or lower): its
//! creates then count against one bucket per key, at its rate, wherever
//! they come from, instead of against their address. [`CreateLimiter`]
//! counts in the store when the store is shared (Redis: every instance
//! draws from one bucket per client, see
//! [`SecretStore::take_rate_token`](crate::store::SecretStore::take_rate_token)),
//! and in process otherwise, with [`RateLimiter`]. IPv6 clients are
//! counted by their /64 (one subscriber's usual allocation), or one client
//! could take a fresh address for every request. The table of buckets is
//! bounded: beyond [`MAX_TRACKED`] clients, full (idle) buckets are dropped,
//! and if every bucket is in use, a new client is let through rather than
//! counted, with a warning (a flood from that many addresses is a proxy's to
//! stop).

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::apikey::KeyName;
use crate::store::{DynStore, RateDecision};

/// After the shared count fails, how long the per-process count stands in
/// before the store is asked again: a Redis that is down would otherwise
/// cost every create a store timeout before the create itself fails.
const SHARED_RETRY: Duration = Duration::from_secs(5);

/// The create limit, counted across instances when the store is shared.
///
/// When the shared count cannot be made (Redis down, a timeout, a cluster
/// shard away), the per-process count stands in: each instance then holds
/// each client to the rate by itself. Refusing creates instead would turn
/// a limiter's failure into an outage of good requests, and counting
/// nothing would let one client flood whatever part of the store still
/// answers; per process is bounded and costs nothing. The switch is logged
/// once each way.
pub struct CreateLimiter {
    /// `HUSHLINK_CREATE_RATE`; 0: addresses are not limited.
    per_minute: u32,
    store: DynStore,
    local: RateLimiter<IpAddr>,
    /// Keys with a rate of their own, counted in process.
    local_keys: RateLimiter<KeyName>,
    /// Until when the store is not asked (after a failure).
    shared_paused_until: Mutex<Option<Instant>>,
}

impl CreateLimiter {
    /// `per_minute` creates a minute per client address (0: none counted,
    /// only keys with a rate of their own are), over `store`.
    pub fn new(per_minute: u32, store: DynStore) -> Self {
        CreateLimiter {
            per_minute,
            store,
            local: RateLimiter::new(),
            local_keys: RateLimiter::new(),
            shared_paused_until: Mutex::new(None),
        }
    }

    /// Takes one create for `client`; `Err(seconds to wait)` when over.
    pub async fn take(&self, client: IpAddr) -> Result<(), u64> {
        if self.per_minute == 0 {
            return Ok(());
        }
        let bucket = bucket_key(client).to_string();
        if let Some(decision) = self.take_shared(&bucket, self.per_minute).await {
            return decision;
        }
        self.local.take(bucket_key(client), self.per_minute)
    }

    /// Takes one create for the API key `name`, whose own rate is
    /// `per_minute` creates a minute (0: not limited).
    pub async fn take_for_key(&self, name: &KeyName, per_minute: u32) -> Result<(), u64> {
        if per_minute == 0 {
            return Ok(());
        }
        // `key:` cannot begin an address, so no key shares a client's bucket.
        let bucket = format!("key:{name}");
        if let Some(decision) = self.take_shared(&bucket, per_minute).await {
            return decision;
        }
        self.local_keys.take(name.clone(), per_minute)
    }

    /// The shared count, when the store keeps one and answers; `None`:
    /// count in process.
    async fn take_shared(&self, bucket: &str, per_minute: u32) -> Option<Result<(), u64>> {
        if !self.shared_paused() {
            match self.store.take_rate_token(bucket, per_minute).await {
                Ok(None) => {}
                Ok(Some(decision)) => {
                    self.shared_works();
                    return Some(match decision {
                        RateDecision::Allowed => Ok(()),
                        RateDecision::RetryAfter(secs) => Err(secs),
                    });
                }
                Err(e) => self.shared_failed(&e),
            }
        }
        None
    }

    fn paused_until(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.shared_paused_until
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    fn shared_paused(&self) -> bool {
        self.paused_until()
            .is_some_and(|until| Instant::now() < until)
    }

    fn shared_works(&self) {
        if self.paused_until().take().is_some() {
            tracing::info!("create rate: counted across instances in the store again");
        }
    }

    fn shared_failed(&self, error: &crate::store::StoreError) {
        let mut until = self.paused_until();
        if until.is_none() {
            tracing::warn!(
                error = %error,
                "create rate: the store cannot count it; each instance counts by itself until it can"
            );
        }
        *until = Some(Instant::now() + SHARED_RETRY);
    }
}

/// Clients tracked at most (about 4 MB of buckets).
pub const MAX_TRACKED: usize = 100_000;

/// Token buckets per client (an address, or an API key's name).
pub struct RateLimiter<K> {
    buckets: Mutex<HashMap<K, Bucket>>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    updated: Instant,
    /// The bucket's size, tokens a minute (a key's own rate may change).
    capacity: f64,
}

impl<K: Hash + Eq> Default for RateLimiter<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Hash + Eq> RateLimiter<K> {
    pub fn new() -> Self {
        RateLimiter {
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token from `key`'s bucket, which holds `per_minute` (at
    /// least 1) and refills at that rate; `Err(seconds to wait)` when empty.
    pub fn take(&self, key: K, per_minute: u32) -> Result<(), u64> {
        self.take_at(key, per_minute, Instant::now())
    }

    fn take_at(&self, key: K, per_minute: u32, now: Instant) -> Result<(), u64> {
        let capacity = f64::from(per_minute.max(1));
        let per_second = capacity / 60.0;
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if !buckets.contains_key(&key) && buckets.len() >= MAX_TRACKED {
            // Buckets that have refilled say nothing a new bucket would not.
            buckets.retain(|_, b| {
                now.saturating_duration_since(b.updated).as_secs_f64() * b.capacity / 60.0
                    + b.tokens
                    < b.capacity
            });
            if buckets.len() >= MAX_TRACKED {
                tracing::warn!(
                    tracked = buckets.len(),
                    "rate limit table full: a new client is not counted"
                );
                return Ok(());
            }
        }
        let bucket = buckets.entry(key).or_insert(Bucket {
            tokens: capacity,
            updated: now,
            capacity,
        });
        bucket.capacity = capacity;
        let elapsed = now.saturating_duration_since(bucket.updated).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * per_second).min(capacity);
        bucket.updated = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = Duration::from_secs_f64((1.0 - bucket.tokens) / per_second);
            Err(wait.as_secs().max(1) + u64::from(wait.subsec_nanos() > 0))
        }
    }
}

/// The address a client is counted under: IPv4 as is, IPv6 by its /64.
fn bucket_key(client: IpAddr) -> IpAddr {
    match client.to_canonical() {
        IpAddr::V6(v6) => {
            let bits = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(bits.into())
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    /// One create from `client`, counted as `CreateLimiter` counts it.
    fn take(
        limiter: &RateLimiter<IpAddr>,
        client: IpAddr,
        rate: u32,
        now: Instant,
    ) -> Result<(), u64> {
        limiter.take_at(bucket_key(client), rate, now)
    }

    #[test]
    fn a_burst_of_a_minutes_worth_then_the_steady_rate() {
        let limiter = RateLimiter::new();
        let start = Instant::now();
        for _ in 0..6 {
            assert!(take(&limiter, ip("192.0.2.1"), 6, start).is_ok());
        }
        // Empty: one token comes back every 10 s.
        assert_eq!(take(&limiter, ip("192.0.2.1"), 6, start), Err(10));
        assert!(take(&limiter, ip("192.0.2.2"), 6, start).is_ok());
        let later = start + Duration::from_secs(10);
        assert!(take(&limiter, ip("192.0.2.1"), 6, later).is_ok());
        assert!(take(&limiter, ip("192.0.2.1"), 6, later).is_err());
        // Never more than a minute's worth saved up.
        let much_later = start + Duration::from_secs(3600);
        for _ in 0..6 {
            assert!(take(&limiter, ip("192.0.2.1"), 6, much_later).is_ok());
        }
        assert!(take(&limiter, ip("192.0.2.1"), 6, much_later).is_err());
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let limiter = RateLimiter::new();
        let now = Instant::now();
        assert!(take(&limiter, ip("2001:db8:1:2::1"), 2, now).is_ok());
        assert!(take(&limiter, ip("2001:db8:1:2:ffff::9"), 2, now).is_ok());
        assert!(take(&limiter, ip("2001:db8:1:2::77"), 2, now).is_err());
        assert!(take(&limiter, ip("2001:db8:1:3::1"), 2, now).is_ok());
        // An IPv4-mapped address is the IPv4 client.
        assert!(take(&limiter, ip("198.51.100.7"), 2, now).is_ok());
        assert!(take(&limiter, ip("::ffff:198.51.100.7"), 2, now).is_ok());
        assert!(take(&limiter, ip("198.51.100.7"), 2, now).is_err());
    }

    #[test]
    fn each_key_has_a_bucket_of_its_own_size() {
        let limiter: RateLimiter<&str> = RateLimiter::new();
        let now = Instant::now();
        for _ in 0..3 {
            assert!(limiter.take_at("fast", 3, now).is_ok());
        }
        assert!(limiter.take_at("fast", 3, now).is_err());
        assert!(limiter.take_at("slow", 1, now).is_ok());
        assert_eq!(limiter.take_at("slow", 1, now), Err(60));
    }

    #[test]
    fn the_table_stays_bounded() {
        let limiter = RateLimiter::new();
        let now = Instant::now();
        for n in 0..MAX_TRACKED as u32 {
            let _ = take(&limiter, IpAddr::V4(n.into()), 1, now);
        }
        // Full of empty buckets: a new client is let through, not tracked.
        assert!(take(&limiter, ip("203.0.113.1"), 1, now).is_ok());
        assert!(take(&limiter, ip("203.0.113.1"), 1, now).is_ok());
        let len = limiter.buckets.lock().unwrap().len();
        assert_eq!(len, MAX_TRACKED);
        // A minute later they have refilled and make room.
        let later = now + Duration::from_secs(61);
        assert!(take(&limiter, ip("203.0.113.1"), 1, later).is_ok());
        assert!(take(&limiter, ip("203.0.113.1"), 1, later).is_err());
        assert!(limiter.buckets.lock().unwrap().len() < MAX_TRACKED);
    }
}
