//! The storage quota (`HUSHLINK_MAX_STORED_BYTES`) on Redis, counted across
//! every instance and a cluster, without keyspace notifications.
//!
//! Secrets leave Redis by themselves when their TTL ends, and nothing tells
//! anyone. So the ciphertext held is counted per *expiry bucket*: a secret
//! that expires at second `e` counts in bucket `ceil(e / W)` (`W`, the
//! bucket width, an hour by default), and a bucket's secrets have all expired
//! once its end `b·W` has passed. Everything lives in two keys of one
//! hash-tagged slot, `<prefix>:{<prefix>:quota}:…` (SnapPass's own keys are
//! untouched): a hash with each bucket's bytes and count and the running
//! totals, and a sorted set of the buckets by their end. Every script first
//! drops the buckets whose end has passed and takes them off the totals, so
//! the totals are the sum of the live buckets, kept in O(1) per create.
//!
//! - A create runs [`ADMIT_LUA`]: refuse if the total plus this secret would
//!   exceed the quota, else add to the secret's bucket and the totals. One
//!   atomic decision on one slot: instances cannot together overshoot.
//! - The take that destroys a secret, a burn, and the wrong proof that
//!   destroys one run [`RELEASE_LUA`] with the secret's size and the time it
//!   had left (read by the script that destroyed it, in the secret's slot),
//!   which name its bucket.
//!
//! The approximation: a secret that expired by its TTL keeps counting until
//! its bucket ends, at most `W` later (the total over-counts, never under).
//! Times come from the Redis servers (`TIME`, `PTTL`), never from the
//! instances' clocks; a take's bucket is computed from the secret's
//! remaining time, so a release whose computed bucket is off by one (clock
//! difference between cluster nodes at a bucket's edge) is applied to the
//! neighbouring bucket. Only secrets created while a quota is set are
//! counted (a secret made by SnapPass on the same Redis, or before the quota
//! was set, is not; its release finds nothing or takes from its bucket at most
//! what is there, and never goes below zero). Both keys carry an expiry a
//! day past their last bucket's end, so an abandoned prefix leaves nothing.

use redis::Script;

/// Drops ended buckets from the totals; leaves `now`, `nowms`, `held` and
/// `count` for the rest of the script. KEYS: the hash, the sorted set.
macro_rules! cleanup_lua {
    () => {
        r"
local t = redis.call('TIME')
local now = tonumber(t[1])
local nowms = now * 1000 + math.floor(tonumber(t[2]) / 1000)
local ended = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)
for _, b in ipairs(ended) do
  local eb = tonumber(redis.call('HGET', KEYS[1], 'b' .. b) or '0')
  local en = tonumber(redis.call('HGET', KEYS[1], 'n' .. b) or '0')
  redis.call('HINCRBY', KEYS[1], 'tb', -eb)
  redis.call('HINCRBY', KEYS[1], 'tn', -en)
  redis.call('HDEL', KEYS[1], 'b' .. b, 'n' .. b)
end
if #ended > 0 then redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now) end
local held = tonumber(redis.call('HGET', KEYS[1], 'tb') or '0')
local count = tonumber(redis.call('HGET', KEYS[1], 'tn') or '0')
if held < 0 then held = 0 end
if count < 0 then count = 0 end
"
    };
}

/// Refuses (returning `{0, held, count}`) or counts a create; leaves `held`
/// and `count` with it counted. Locals it needs: `bytes`, `ttl` (seconds),
/// `w` (bucket width), `max` (0: none), and the cleanup's.
macro_rules! admit_lua {
    () => {
        r"
if max > 0 and held + bytes > max then return {0, held, count} end
local b = math.ceil((nowms + ttl * 1000) / 1000 / w)
redis.call('HINCRBY', KEYS[1], 'b' .. b, bytes)
redis.call('HINCRBY', KEYS[1], 'n' .. b, 1)
redis.call('HINCRBY', KEYS[1], 'tb', bytes)
redis.call('HINCRBY', KEYS[1], 'tn', 1)
redis.call('ZADD', KEYS[2], b * w, b)
local keep = b * w - now + 86400
if redis.call('TTL', KEYS[2]) < keep then
  redis.call('EXPIRE', KEYS[1], keep)
  redis.call('EXPIRE', KEYS[2], keep)
end
held = held + bytes
count = count + 1
"
    };
}

/// ARGV: bytes, TTL in seconds, bucket width in seconds, quota (0: none).
/// Returns {1 admitted or 0 refused, bytes held, secrets held}.
const ADMIT_LUA: &str = concat!(
    "redis.replicate_commands()\n",
    cleanup_lua!(),
    "local bytes, ttl, w, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])\n",
    admit_lua!(),
    "return {1, held, count}\n"
);

/// Gives back `bytes` to the bucket of a secret that had `leftms` to live;
/// leaves `held` and `count` without it. Locals it needs: `bytes`,
/// `leftms`, `w`, and the cleanup's.
macro_rules! release_lua {
    () => {
        r"
local b = math.ceil((nowms + leftms) / 1000 / w)
local found = nil
for _, c in ipairs({b, b - 1, b + 1}) do
  if (not found) and redis.call('HEXISTS', KEYS[1], 'n' .. c) == 1 then found = c end
end
if found then
  local bb = tonumber(redis.call('HGET', KEYS[1], 'b' .. found) or '0')
  local bn = tonumber(redis.call('HGET', KEYS[1], 'n' .. found) or '0')
  if bytes > bb then bytes = bb end
  local one = 1
  if bn < 1 then one = 0 end
  redis.call('HINCRBY', KEYS[1], 'b' .. found, -bytes)
  redis.call('HINCRBY', KEYS[1], 'n' .. found, -one)
  redis.call('HINCRBY', KEYS[1], 'tb', -bytes)
  redis.call('HINCRBY', KEYS[1], 'tn', -one)
  held = held - bytes
  count = count - one
end
"
    };
}

/// ARGV: bytes, milliseconds the secret had left, bucket width in seconds.
/// Returns {bytes held, secrets held}.
const RELEASE_LUA: &str = concat!(
    "redis.replicate_commands()\n",
    cleanup_lua!(),
    "local bytes, leftms, w = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])\n",
    release_lua!(),
    "return {held, count}\n"
);

/// Returns {bytes held, secrets held}.
const READ_LUA: &str = concat!(
    "redis.replicate_commands()\n",
    cleanup_lua!(),
    "return {held, count}\n"
);

/// The quota's keys, scripts and settings.
pub(super) struct Quota {
    /// Bytes of ciphertext held at most (0: counted, not limited).
    pub max_bytes: u64,
    /// The bucket width `W`, in seconds.
    pub bucket_secs: u64,
    pub hash: String,
    pub index: String,
    pub admit: Script,
    pub release: Script,
    pub read: Script,
}

impl Quota {
    pub fn new(prefix: &str, max_bytes: u64, bucket_secs: u64) -> Self {
        let base = format!("{prefix}:{{{prefix}:quota}}");
        Quota {
            max_bytes,
            bucket_secs: bucket_secs.max(1),
            hash: format!("{base}:buckets"),
            index: format!("{base}:ends"),
            admit: Script::new(ADMIT_LUA),
            release: Script::new(RELEASE_LUA),
            read: Script::new(READ_LUA),
        }
    }
}

/// The quota's pieces, for scripts that count in the same atomic step as
/// they write a secret (one Redis, where every key is on one server): the
/// quota's keys must then be `KEYS[1]` and `KEYS[2]`.
pub(super) mod fragments {
    /// Run first in any script that uses the others (`TIME` before writes).
    pub const PRELUDE: &str = "redis.replicate_commands()\n";
    pub const CLEANUP: &str = cleanup_lua!();
    pub const ADMIT: &str = admit_lua!();
    pub const RELEASE: &str = release_lua!();
}
