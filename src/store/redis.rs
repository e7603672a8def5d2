//! The Redis store: SnapPass's key layout, with an atomic take.
//!
//! A secret is a plain string under `<REDIS_PREFIX><32 hex>` holding the
//! Fernet token, with the TTL as the key's expiry: exactly what SnapPass
//! writes, so both can serve the same Redis during a migration. A secret
//! with more than one view also has a counter `{<key>}:views`; its hash tag
//! puts it in the secret's Redis Cluster slot, so the take script touches
//! one slot only.
//!
//! One Redis or a Redis Cluster: every command and script touches one key
//! or keys of one hash-tagged slot, so each guarantee (exactly-once take,
//! the key set's versioned commit) holds unchanged in a cluster, and the
//! library's cluster client handles redirections, slot refreshes and
//! reconnects. The connection (a multiplexed `ConnectionManager`, or the
//! cluster client's connection) is made on first use, so the server starts
//! while Redis is down. Every command is bounded by a timeout, so no request
//! hangs on a Redis that has gone away; a take (and a wrong proof, and a
//! change to the API keys) also carries a deadline that its script enforces
//! (`store::redis_deadline`), so a reveal answered 503 cannot consume a
//! view when Redis runs it later.
//!
//! The create rate (`HUSHLINK_CREATE_RATE`) is counted here too, so all
//! instances share one bucket per client: one key, `<prefix>:rate:<addr>`,
//! that a script updates and that expires once the bucket is full again.
//!
//! Secrets must not be evicted: a Redis whose `maxmemory-policy` may evict
//! keys (anything but `noeviction`; the `volatile-*` policies evict keys
//! with a TTL, which every secret has) drops secrets silently when full.
//! The policy is read with `CONFIG GET` on the first connection and again
//! after the connection was lost (a restart or a failover may bring another
//! configuration); a policy that evicts, or a Redis that refuses to say, is
//! logged as a warning and shown in `/_/_/ready`'s body.
//!
//! The storage quota (`HUSHLINK_MAX_STORED_BYTES`), when set, is counted in
//! one slot of its own by expiry bucket: see `store::redis_quota`.
//!
//! Round trips, because each is most of a request's cost on Redis, and
//! Redis's own CPU, which shares the machine: on one Redis a create is one
//! `MULTI` pipeline that writes the receipt's index, the secret, its
//! counter and its receipt (with a quota, one `EVALSHA` that admits it
//! first and writes the same, in one atomic step, so a refused create
//! writes nothing; without one the pipeline is preferred, as Redis runs it
//! for about 40% less CPU than the script); a reveal of a secret hushlink
//! made is one `EVALSHA` (the verified take, which with a quota also
//! releases what it destroyed). Redis cannot check a Fernet token, so the
//! create keeps a verifier of the key (`secret::KeyVerifier`, field `k` of
//! the receipt, written by the same `HSET`): the script compares the link's
//! verifier with it, and a link that cannot open the secret consumes
//! nothing, as when hushlink decrypted before taking. A secret without a
//! verifier (written by SnapPass, by an older hushlink, or with no receipt)
//! is answered "unverifiable" with its value and views, consuming nothing;
//! the caller decrypts it and runs the conditional take (the second round
//! trip, as before). The last view (and a burn) blanks the verifier, so
//! nothing derived from the key outlives the secret it opened, except
//! after an expiry, when the receipt keeps it until its retention ends
//! (with no ciphertext left, it opens nothing). In a cluster the index and the quota live in other slots,
//! so a create is the quota's script, the index, then the secret's slot, in
//! that order (the index first: a secret is never answered as created
//! without it), and a take that destroys a secret releases it afterwards;
//! the verified take is still one call, as the receipt is in the secret's
//! slot.
//! With replication required, writes keep their pipeline with `WAIT`.
//!
//! With replication required (`HUSHLINK_REDIS_WAIT_REPLICAS`), a create is
//! sent in one pipeline with `WAIT`, which the cluster client routes to the
//! key's master: a secret answered 200 is on a replica, so losing its master
//! does not lose it (a create that is not acknowledged in time is answered
//! 503). `WAIT` blocks the connection it is sent on, and connections are
//! multiplexed, so these writes get connections of their own: a shard whose
//! replica is gone slows only the creates that land on it, never a reveal.
//! Reveals do not wait: a take is answered once its master has applied it,
//! and Redis replicates it within milliseconds; waiting there would put
//! every reveal behind the creates.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use redis::aio::{ConnectionLike, ConnectionManager, ConnectionManagerConfig};
use redis::cluster::{ClusterClient, ClusterClientBuilder};
use redis::cluster_async::ClusterConnection;
use redis::{AsyncCommands, Cmd, Pipeline, RedisFuture, Script, Value};
use tokio::sync::OnceCell;

use super::redis_deadline::{self, ClockOffset, Deadline};
use super::redis_quota::Quota;
use super::{
    Attempt, BootstrapMark, Eviction, Held, KeyChange, KeyRecord, KeySet, KeyStore, RateDecision,
    ReceiptRead, ReceiptStore, Record, SecretStore, StoreError, Take, VerifiedTake,
};
use crate::apikey::{KeyHash, KeyName};
use crate::receipt::{NewReceipt, ReceiptHash, ReceiptRecord};
use crate::secret::{KeyVerifier, Ttl, Views};
use crate::token::StorageKey;

pub(crate) mod hooks;

/// One token from a client's create bucket, shared by every instance (GCRA,
/// which is a token bucket kept as one number: the "theoretical arrival
/// time" `tat`, in microseconds of the Redis server's clock, so instances'
/// clocks do not matter). KEYS: the bucket. ARGV: microseconds per token,
/// tokens in a burst. Returns 0 when a token was taken, else the
/// milliseconds until one comes back. The key expires when the bucket is
/// full again, so idle clients leave nothing behind. `replicate_commands`
/// lets Redis before 5 replicate a script that reads `TIME` (later
/// versions always do so).
const RATE_LUA: &str = r"
if redis.replicate_commands then redis.replicate_commands() end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tat = tonumber(redis.call('GET', KEYS[1])) or now
if tat < now then tat = now end
local wait = tat - (burst - 1) * interval - now
if wait > 0 then return math.ceil(wait / 1000) end
tat = tat + interval
redis.call('SET', KEYS[1], string.format('%.0f', tat), 'PX', math.ceil((tat - now) / 1000))
return 0
";

/// Finds a key's record by its hash in one round trip.
const KEY_BY_HASH_LUA: &str = r"
local name = redis.call('HGET', KEYS[2], ARGV[1])
if not name then return false end
return redis.call('HGET', KEYS[1], name)
";

/// Applies a change to the API keys if the version is still the one the
/// caller read, and before its deadline (`redis_deadline`, whose guard runs
/// first): a change answered 503 must not happen later, above all a
/// bootstrap, which happens once ever and whose key only its answer holds.
/// KEYS: records, hashes, version, bootstrapped, last-used. ARGV: the
/// deadline, version, bootstrap mark (or ''), then ops: `P name json hash`
/// or `D name`. Returns 1 when applied, 0 when the version had moved (-4
/// past the deadline), then Redis's clock.
const COMMIT_KEYS_BODY: &str = r"
local v = tonumber(redis.call('GET', KEYS[3]) or '0')
if v ~= tonumber(ARGV[2]) then return {0, clock} end
if ARGV[3] ~= '' then
  if redis.call('EXISTS', KEYS[4]) == 1 then return {0, clock} end
  redis.call('SET', KEYS[4], ARGV[3])
end
local i = 4
while i <= #ARGV do
  local op, name = ARGV[i], ARGV[i + 1]
  local old = redis.call('HGET', KEYS[1], name)
  if old then redis.call('HDEL', KEYS[2], cjson.decode(old)['hash']) end
  if op == 'P' then
    redis.call('HSET', KEYS[1], name, ARGV[i + 2])
    redis.call('HSET', KEYS[2], ARGV[i + 3], name)
    i = i + 4
  else
    redis.call('HDEL', KEYS[1], name)
    redis.call('HDEL', KEYS[5], name)
    i = i + 2
  end
end
redis.call('INCR', KEYS[3])
return {1, clock}
";

/// Records a last use only for a key that still exists.
const TOUCH_KEY_LUA: &str = r"
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
end
return 1
";

/// Where the API keys live in Redis. Every name shares one hash tag, so
/// all of them sit in one Redis Cluster slot and a Lua script can change
/// them together; none can collide with a secret's `<prefix><32 hex>`.
struct KeyLayout {
    records: String,
    hashes: String,
    version: String,
    bootstrapped: String,
    last_used: String,
}

impl KeyLayout {
    fn new(prefix: &str) -> Self {
        let base = format!("{prefix}:{{{prefix}:apikeys}}");
        KeyLayout {
            records: format!("{base}:records"),
            hashes: format!("{base}:hashes"),
            version: format!("{base}:version"),
            bootstrapped: format!("{base}:bootstrapped"),
            last_used: format!("{base}:last-used"),
        }
    }
}

/// How to reach the Redis store, and what to ask of it.
pub struct Options {
    /// `REDIS_PREFIX`: secrets' keys start with it; API keys live under it.
    pub prefix: String,
    /// Bound on every command (connecting included).
    pub timeout: Duration,
    /// Replicas that must acknowledge a create, and how long to wait.
    pub replication: Option<(u32, Duration)>,
    /// PEM of the CA that signed the servers' certificates (`rediss://`);
    /// `None`: the system's roots.
    pub ca_pem: Option<Vec<u8>>,
}

/// Where the Redis store lives.
pub enum Target {
    /// One Redis (or a proxy in front of several), by URL.
    Single(String),
    /// A Redis Cluster, by seed node URLs.
    Cluster(Vec<String>),
}

// One per store, made once: the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
enum Client {
    Single(redis::Client),
    Cluster(ClusterClient),
}

/// A connection to either kind; both multiplex, so clones share it.
#[derive(Clone)]
enum Conn {
    Single(ConnectionManager),
    Cluster(ClusterConnection),
}

impl ConnectionLike for Conn {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        match self {
            Conn::Single(c) => c.req_packed_command(cmd),
            Conn::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match self {
            Conn::Single(c) => c.req_packed_commands(pipeline, offset, count),
            Conn::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Conn::Single(c) => c.get_db(),
            Conn::Cluster(c) => c.get_db(),
        }
    }
}

/// What `WAIT` asks after a write.
#[derive(Clone, Copy)]
struct Replication {
    replicas: u32,
    timeout_ms: u64,
}

pub struct RedisStore {
    client: Client,
    /// Made on first use; a failed connect leaves it empty, so the next
    /// command tries again. Read without a lock once set (a plain atomic
    /// load on every command, where an async `RwLock` cost a semaphore).
    conn: OnceCell<Conn>,
    /// For writes followed by `WAIT` (made only when replication is on).
    waiting_conn: OnceCell<Conn>,
    timeout: Duration,
    /// Redis's clock as this host sees it, for the deadlines of takes,
    /// wrong proofs and key changes.
    clock: ClockOffset,
    replication: Option<Replication>,
    keys: KeyLayout,
    /// `<prefix>:rate:`: the create rate's buckets start with it.
    rate_prefix: String,
    rate: Script,
    key_by_hash: Script,
    commit_keys: Script,
    touch_key: Script,
    receipts: receipts::Scripts,
    /// The webhook queue's keys and scripts (`hooks`).
    hooks: hooks::Layout,
    /// `maxmemory-policy` as last read; `None` until Redis has answered.
    eviction: Mutex<Option<Eviction>>,
    /// Set at first and when the connection was lost: the next command
    /// that succeeds reads the policy again (one extra round trip).
    eviction_recheck: AtomicBool,
    /// The storage quota, when one is set (`with_quota`).
    quota: Option<Quota>,
    prefix: String,
}

impl RedisStore {
    /// Prepares a store on `target`; connects lazily, so this never blocks
    /// on Redis. Fails only on a malformed URL. `replication`: replicas that
    /// must acknowledge each create and take, and how long to wait for them.
    pub fn new(target: Target, options: Options) -> Result<Self, StoreError> {
        let Options {
            prefix,
            timeout,
            replication,
            ca_pem,
        } = options;
        let invalid =
            |e: redis::RedisError| StoreError::Internal(format!("invalid Redis URL: {e}"));
        let certificates = || redis::TlsCertificates {
            client_tls: None,
            root_cert: ca_pem.clone(),
        };
        // TCP_NODELAY stays off (the client's default), on purpose: with
        // Nagle's algorithm the commands of concurrent requests that arrive
        // while an earlier one is unacknowledged leave in one segment, so
        // Redis reads and answers them in one go. Turned on, it cost Redis
        // 0.51 reads per request instead of 0.30, and both processes about
        // 20% more CPU per request (bench/ab.sh, form flow, CONTRIBUTING.md).
        let client = match target {
            Target::Single(url) => {
                let url = redis_py_compatible(&url);
                Client::Single(
                    match &ca_pem {
                        Some(_) => redis::Client::build_with_tls(url, certificates()),
                        None => redis::Client::open(url),
                    }
                    .map_err(invalid)?,
                )
            }
            Target::Cluster(nodes) => {
                let nodes: Vec<String> = nodes.iter().map(|n| redis_py_compatible(n)).collect();
                // A quarter of the store's timeout to connect: after a
                // failover the client's repair tries the dead master's
                // address first, and one that stops answering costs it a
                // whole connection timeout, while the requests that came
                // meanwhile wait in its queue. With the connection timeout
                // equal to the store's, hushlink gave up on a reveal (503)
                // just as the repair ended, and the client then carried the
                // take out on the promoted master: the view was gone and the
                // retry found nothing (docs/SCALING.md). A command hushlink
                // stops waiting for is not withdrawn from the client; this
                // leaves the queued ones most of the store's timeout to end.
                let mut builder = ClusterClientBuilder::new(nodes)
                    .connection_timeout(timeout / 4)
                    .response_timeout(timeout)
                    .retries(3)
                    .max_retry_wait(500);
                if ca_pem.is_some() {
                    builder = builder.certs(certificates());
                }
                Client::Cluster(builder.build().map_err(invalid)?)
            }
        };
        let replication = replication.map(|(replicas, wait)| Replication {
            replicas,
            timeout_ms: u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
        });
        // A replicated write may wait that long on top of the command.
        let timeout =
            timeout + replication.map_or(Duration::ZERO, |r| Duration::from_millis(r.timeout_ms));
        Ok(RedisStore {
            client,
            conn: OnceCell::new(),
            waiting_conn: OnceCell::new(),
            timeout,
            clock: ClockOffset::new(timeout),
            replication,
            keys: KeyLayout::new(&prefix),
            rate_prefix: format!("{prefix}:rate:"),
            rate: Script::new(RATE_LUA),
            key_by_hash: Script::new(KEY_BY_HASH_LUA),
            commit_keys: Script::new(
                &[
                    "local deadline = tonumber(ARGV[1])\n",
                    redis_deadline::GUARD,
                    redis_deadline::REFUSE_LATE_COMMIT,
                    COMMIT_KEYS_BODY,
                ]
                .concat(),
            ),
            touch_key: Script::new(TOUCH_KEY_LUA),
            receipts: receipts::Scripts::new(&prefix),
            hooks: hooks::Layout::new(&prefix),
            eviction: Mutex::new(None),
            eviction_recheck: AtomicBool::new(true),
            quota: None,
            prefix,
        })
    }

    /// The default width of the quota's expiry buckets: a secret that
    /// expired by its TTL may keep counting against the quota this long.
    pub const QUOTA_BUCKET: Duration = Duration::from_secs(3600);

    /// Counts the ciphertext held across instances and refuses creates past
    /// `max_bytes` (`HUSHLINK_MAX_STORED_BYTES`; 0 counts without a limit),
    /// by expiry buckets `bucket` wide (see `store::redis_quota`).
    pub fn with_quota(mut self, max_bytes: u64, bucket: Duration) -> Self {
        self.quota = Some(Quota::new(&self.prefix, max_bytes, bucket.as_secs()));
        self
    }

    /// Counts a create of `bytes` for `ttl` against the quota, or refuses it.
    async fn quota_admit(&self, bytes: usize, ttl: Ttl) -> Result<(), StoreError> {
        let Some(quota) = &self.quota else {
            return Ok(());
        };
        let (admitted, held, count): (i64, u64, u64) = self
            .bounded(async |c| {
                quota
                    .admit
                    .key(&quota.hash)
                    .key(&quota.index)
                    .arg(bytes)
                    .arg(ttl.secs())
                    .arg(quota.bucket_secs)
                    .arg(quota.max_bytes)
                    .invoke_async(c)
                    .await
            })
            .await?;
        if admitted == 1 {
            return Ok(());
        }
        Err(over_quota(quota, held, count, bytes))
    }

    /// A Redis Cluster: keys of different slots go in separate steps.
    fn is_cluster(&self) -> bool {
        matches!(self.client, Client::Cluster(_))
    }

    /// Gives back to the quota a secret of `bytes` that had `left_ms` to
    /// live. Best effort: the secret is gone whatever happens here, so a
    /// failure is logged, not answered (the count then runs high until the
    /// secret's bucket ends).
    async fn quota_release(&self, bytes: u64, left_ms: i64) {
        let Some(quota) = &self.quota else {
            return;
        };
        let released: Result<(i64, i64), _> = self
            .bounded(async |c| {
                quota
                    .release
                    .key(&quota.hash)
                    .key(&quota.index)
                    .arg(bytes)
                    .arg(left_ms.max(0))
                    .arg(quota.bucket_secs)
                    .invoke_async(c)
                    .await
            })
            .await;
        if let Err(e) = released {
            tracing::warn!(error = %e, "storage quota: a removed secret could not be counted off");
        }
    }

    /// The connection in `slot`, made on first use (concurrent first uses
    /// share one attempt).
    async fn connection(&self, slot: &OnceCell<Conn>) -> Result<Conn, StoreError> {
        if let Some(conn) = slot.get() {
            return Ok(conn.clone());
        }
        let connect = async {
            match &self.client {
                Client::Single(client) => {
                    // No response timeout in the client: `bounded_on` puts
                    // one timer around each command (and around waiting for
                    // a reconnect, which the client's own would not cover);
                    // a second timer per command, which this one was, costs
                    // a registration in tokio's timer wheel and bounds
                    // nothing more. A command dropped by our timeout is
                    // forgotten by the client exactly as one dropped by its
                    // own (neither reconnects: a slow answer is not a
                    // broken connection).
                    let config = ConnectionManagerConfig::new()
                        .set_connection_timeout(Some(self.timeout))
                        .set_response_timeout(None)
                        .set_number_of_retries(2)
                        .set_max_delay(Duration::from_millis(500));
                    ConnectionManager::new_with_config(client.clone(), config)
                        .await
                        .map(Conn::Single)
                }
                // The cluster client keeps its response timeout: it is what
                // makes it give up on a node that stopped answering and
                // retry after refreshing the slots (a failover).
                Client::Cluster(client) => client.get_async_connection().await.map(Conn::Cluster),
            }
        };
        slot.get_or_try_init(|| async {
            tokio::time::timeout(self.timeout, connect)
                .await
                .map_err(|_| StoreError::Timeout(self.timeout))?
                .map_err(unavailable)
        })
        .await
        .cloned()
    }

    /// Runs one Redis round trip with the store's timeout.
    async fn bounded<T>(
        &self,
        f: impl AsyncFnOnce(&mut Conn) -> redis::RedisResult<T>,
    ) -> Result<T, StoreError> {
        self.bounded_on(&self.conn, f).await
    }

    /// Runs one Redis round trip on the connection in `slot`.
    async fn bounded_on<T>(
        &self,
        slot: &OnceCell<Conn>,
        f: impl AsyncFnOnce(&mut Conn) -> redis::RedisResult<T>,
    ) -> Result<T, StoreError> {
        let mut conn = self.connection(slot).await?;
        let result = match tokio::time::timeout(self.timeout, f(&mut conn)).await {
            Ok(Ok(value)) => value,
            Ok(Err(e)) => {
                if connection_lost(&e) {
                    self.eviction_recheck.store(true, Ordering::Relaxed);
                }
                return Err(unavailable(e));
            }
            Err(_) => {
                self.eviction_recheck.store(true, Ordering::Relaxed);
                return Err(StoreError::Timeout(self.timeout));
            }
        };
        // Connected (again): a good moment to read the policy. A load
        // first: a swap on every command would write the shared flag's
        // cache line each time.
        if self.eviction_recheck.load(Ordering::Relaxed)
            && self.eviction_recheck.swap(false, Ordering::Relaxed)
        {
            self.check_eviction(&mut conn).await;
        }
        Ok(result)
    }

    /// Reads `maxmemory-policy`, records it, and warns when it may evict
    /// secrets or cannot be read. A connection failure leaves the check due.
    async fn check_eviction(&self, conn: &mut Conn) {
        let reply = tokio::time::timeout(
            self.timeout,
            redis::cmd("CONFIG")
                .arg("GET")
                .arg("maxmemory-policy")
                .query_async::<Value>(conn),
        )
        .await;
        let found = match reply {
            Ok(Ok(value)) => match config_value(&value, "maxmemory-policy") {
                Some(policy) if policy.eq_ignore_ascii_case("noeviction") => Eviction::Never,
                Some(policy) => Eviction::Possible { policy },
                None => Eviction::Unknown {
                    reason: "CONFIG GET maxmemory-policy gave no value".into(),
                },
            },
            // Managed Redis often refuses CONFIG (renamed, or not in the ACL).
            Ok(Err(e)) if !connection_lost(&e) => Eviction::Unknown {
                reason: format!("Redis refused CONFIG GET: {e}"),
            },
            Ok(Err(_)) | Err(_) => {
                self.eviction_recheck.store(true, Ordering::Relaxed);
                return;
            }
        };
        match &found {
            Eviction::Never => tracing::info!("Redis maxmemory-policy is noeviction"),
            Eviction::Possible { policy } => tracing::warn!(
                policy = %policy,
                "Redis maxmemory-policy may evict keys: when Redis reaches maxmemory, secrets vanish \
                 unread; set maxmemory-policy noeviction (a full Redis then refuses creates with 503)"
            ),
            Eviction::Unknown { reason } => tracing::warn!(
                reason = %reason,
                "cannot check Redis maxmemory-policy: make sure it is noeviction, or secrets may \
                 vanish unread when Redis is full"
            ),
        }
        *self.eviction.lock().unwrap_or_else(|e| e.into_inner()) = Some(found);
    }
}

/// The answer of a script with a deadline (`redis_deadline`): what it
/// decided first (a take's views left, or `redis_deadline::LATE`), Redis's
/// clock when it ran last.
trait GuardedAnswer: redis::FromRedisValue {
    fn decision(&self) -> i64;
    fn redis_clock(&self) -> i64;
}

/// The conditional take's `{left, ttl, clock}`.
impl GuardedAnswer for (i64, i64, i64) {
    fn decision(&self) -> i64 {
        self.0
    }
    fn redis_clock(&self) -> i64 {
        self.2
    }
}

/// The key set's commit's `{applied, clock}`.
impl GuardedAnswer for (i64, i64) {
    fn decision(&self) -> i64 {
        self.0
    }
    fn redis_clock(&self) -> i64 {
        self.1
    }
}

/// The wrong proof's `{left, ttl, bytes, clock}`.
impl GuardedAnswer for (i64, i64, u64, i64) {
    fn decision(&self) -> i64 {
        self.0
    }
    fn redis_clock(&self) -> i64 {
        self.3
    }
}

/// The verified take's `{left, views or ttl, value, clock}`.
impl GuardedAnswer for (i64, i64, Vec<u8>, i64) {
    fn decision(&self) -> i64 {
        self.0
    }
    fn redis_clock(&self) -> i64 {
        self.3
    }
}

/// Whether `e` means the connection was lost (rather than a refused command).
fn connection_lost(e: &redis::RedisError) -> bool {
    e.is_io_error() || e.is_timeout() || e.is_connection_dropped() || e.is_connection_refusal()
}

/// The value of `name` in a `CONFIG GET` reply: a flat list of name and
/// value (RESP2) or a map (RESP3); a cluster node answers as one Redis.
fn config_value(reply: &Value, name: &str) -> Option<String> {
    let text = |v: &Value| match v {
        Value::BulkString(b) => Some(String::from_utf8_lossy(b).into_owned()),
        Value::SimpleString(s) => Some(s.clone()),
        _ => None,
    };
    match reply {
        Value::Array(items) => items
            .chunks_exact(2)
            .find(|pair| text(&pair[0]).is_some_and(|n| n.eq_ignore_ascii_case(name)))
            .and_then(|pair| text(&pair[1])),
        Value::Map(pairs) => pairs
            .iter()
            .find(|(n, _)| text(n).is_some_and(|n| n.eq_ignore_ascii_case(name)))
            .and_then(|(_, v)| text(v)),
        _ => None,
    }
}

/// SnapPass's Redis client (redis-py) turns certificate checks off with
/// `rediss://…?ssl_cert_reqs=none`; redis-rs spells it `#insecure`. A URL in
/// the first form is rewritten to the second, so an operator's REDIS_URL
/// keeps working.
fn redis_py_compatible(url: &str) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_owned();
    };
    let (query, fragment) = query.split_once('#').unwrap_or((query, ""));
    let mut insecure = fragment == "insecure";
    let kept: Vec<&str> = query
        .split('&')
        .filter(|param| {
            let off = param.eq_ignore_ascii_case("ssl_cert_reqs=none");
            insecure |= off;
            !off && !param.is_empty()
        })
        .collect();
    let mut out = base.to_owned();
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    if insecure {
        out.push_str("#insecure");
    }
    out
}

/// The counter of views left, in the secret's own cluster slot.
fn views_key(key: &StorageKey) -> String {
    ["{", key.as_str(), "}:views"].concat()
}

/// The counter of wrong proofs (zero-knowledge secrets), in the same slot.
fn attempts_key(key: &StorageKey) -> String {
    ["{", key.as_str(), "}:attempts"].concat()
}

impl RedisStore {
    /// Whether a take's script releases the quota itself: on one Redis
    /// with a quota, one round trip, and the count never lags the take (in
    /// a cluster the quota is in another slot, so released afterwards).
    fn counts_in_take(&self) -> bool {
        self.quota.is_some() && !self.is_cluster()
    }

    /// Runs a take's script, `plain` or (see `counts_in_take`) `counted`,
    /// on `key` with `first` as its first argument (the expected value, or
    /// the key's verifier): KEYS and ARGV as `receipts::TAKE_READ` says.
    /// The take carries a deadline (`redis_deadline`): one that Redis ran
    /// past it consumed nothing and is answered as a timeout, so a 503
    /// means what it says. A refusal that only a wrong estimate of Redis's
    /// clock made early is sent again, once, with the corrected estimate.
    async fn run_take<T: GuardedAnswer>(
        &self,
        scripts: (&Script, &Script),
        key: &StorageKey,
        first: &[u8],
    ) -> Result<T, StoreError> {
        self.with_deadline(move |deadline| self.run_take_once(scripts, key, first, deadline))
            .await
    }

    /// Runs `call`, a script that takes a deadline and answers as
    /// `GuardedAnswer` says, as `run_take` describes.
    async fn with_deadline<T: GuardedAnswer, F: Future<Output = Result<T, StoreError>>>(
        &self,
        call: impl Fn(Deadline) -> F,
    ) -> Result<T, StoreError> {
        let mut sent_again = false;
        loop {
            let deadline = self.clock.deadline();
            let answer: T = call(deadline).await?;
            let corrected = self.clock.observe(deadline, answer.redis_clock());
            if answer.decision() != redis_deadline::LATE {
                return Ok(answer);
            }
            if !corrected || sent_again {
                return Err(StoreError::Timeout(self.timeout));
            }
            sent_again = true;
        }
    }

    /// One call of a take's script (see `run_take`).
    async fn run_take_once<T: redis::FromRedisValue>(
        &self,
        (plain, counted): (&Script, &Script),
        key: &StorageKey,
        first: &[u8],
        deadline: Deadline,
    ) -> Result<T, StoreError> {
        let (counter, receipt) = (views_key(key), receipts::receipt_key(key));
        let now = receipts::now_secs();
        self.bounded(async |c| {
            let mut take = match &self.quota {
                Some(quota) if self.counts_in_take() => {
                    let mut take = counted.prepare_invoke();
                    take.key(&quota.hash)
                        .key(&quota.index)
                        .arg(quota.bucket_secs);
                    take
                }
                _ => plain.prepare_invoke(),
            };
            take.key(key.as_str())
                .key(&counter)
                .key(&receipt)
                .arg(first)
                .arg(now)
                .arg(if self.quota.is_some() { "1" } else { "0" })
                .arg(deadline.redis_ms)
                .invoke_async(c)
                .await
        })
        .await
    }

    /// `put`'s writes, once the quota has counted them.
    async fn put_counted(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
    ) -> Result<(), StoreError> {
        let k = key.as_str();
        let Some(replication) = self.replication else {
            if views == Views::ONE {
                return self
                    .bounded(async |c| c.set_ex::<_, _, ()>(k, value, ttl.secs()).await)
                    .await;
            }
            let counter = views_key(key);
            return self
                .bounded(async |c| {
                    redis::pipe()
                        .atomic()
                        .set_ex(k, value, ttl.secs())
                        .ignore()
                        .set_ex(&counter, views.get(), ttl.secs())
                        .ignore()
                        .query_async::<()>(c)
                        .await
                })
                .await;
        };
        // One pipeline to the key's master: the writes, then WAIT.
        let mut pipe = redis::pipe();
        pipe.set_ex(k, value, ttl.secs()).ignore();
        if views != Views::ONE {
            pipe.set_ex(views_key(key), views.get(), ttl.secs())
                .ignore();
        }
        pipe.cmd("WAIT")
            .arg(replication.replicas)
            .arg(replication.timeout_ms);
        let (acked,): (u32,) = self
            .bounded_on(&self.waiting_conn, async |c| pipe.query_async(c).await)
            .await?;
        replicated(acked, replication)
    }
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
        self.quota_admit(value.len(), ttl).await?;
        let stored = self.put_counted(key, value, ttl, views).await;
        if stored.is_err() {
            self.quota_release(value.len() as u64, ttl.secs() as i64 * 1000)
                .await;
        }
        stored
    }

    async fn peek(&self, key: &StorageKey) -> Result<Option<Record>, StoreError> {
        let counter = views_key(key);
        // One command: the counter's hash tag puts it in the secret's slot.
        let (value, views): (Option<Vec<u8>>, Option<u32>) = self
            .bounded(async |c| {
                redis::cmd("MGET")
                    .arg(key.as_str())
                    .arg(&counter)
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
        let scripts = (&self.receipts.take, &self.receipts.take_counted);
        let (left, left_ms, _): (i64, i64, i64) = self.run_take(scripts, key, expected).await?;
        if left == 0 && !self.counts_in_take() {
            self.quota_release(expected.len() as u64, left_ms).await;
        }
        Ok(match u32::try_from(left) {
            Ok(views_left) => Take::Taken { views_left },
            Err(_) => Take::Gone,
        })
    }

    async fn take_verified(
        &self,
        key: &StorageKey,
        verifier: &KeyVerifier,
    ) -> Result<VerifiedTake, StoreError> {
        let scripts = (
            &self.receipts.take_verified,
            &self.receipts.take_verified_counted,
        );
        let verifier = verifier.to_hex();
        let (left, n, value, _): (i64, i64, Vec<u8>, i64) =
            self.run_take(scripts, key, verifier.as_bytes()).await?;
        Ok(match left {
            -1 => VerifiedTake::Gone,
            -2 => VerifiedTake::WrongKey,
            -3 => VerifiedTake::Unverifiable(Record {
                value,
                views_left: u32::try_from(n).unwrap_or(1).max(1),
            }),
            left => {
                if left == 0 && !self.counts_in_take() {
                    self.quota_release(value.len() as u64, n).await;
                }
                VerifiedTake::Taken {
                    value,
                    views_left: u32::try_from(left).unwrap_or(0),
                }
            }
        })
    }

    async fn fail_attempt(&self, key: &StorageKey, limit: u32) -> Result<Attempt, StoreError> {
        let (views, attempts) = (views_key(key), attempts_key(key));
        let receipt = receipts::receipt_key(key);
        let (left, left_ms, bytes, _): (i64, i64, u64, i64) = self
            .with_deadline(|deadline| {
                let (views, attempts, receipt) = (&views, &attempts, &receipt);
                self.bounded(async move |c| {
                    self.receipts
                        .fail_attempt
                        .key(key.as_str())
                        .key(views)
                        .key(attempts)
                        .key(receipt)
                        .arg(limit)
                        .arg(receipts::now_secs())
                        .arg(deadline.redis_ms)
                        .invoke_async(c)
                        .await
                })
            })
            .await?;
        if left == 0 {
            self.quota_release(bytes, left_ms).await;
        }
        Ok(match left {
            ..0 => Attempt::Gone,
            0 => Attempt::Destroyed,
            n => Attempt::Left(u32::try_from(n).unwrap_or(u32::MAX)),
        })
    }

    async fn attempts(&self, key: &StorageKey) -> Result<u32, StoreError> {
        let counter = attempts_key(key);
        let n: Option<u32> = self.bounded(async |c| c.get(&counter).await).await?;
        Ok(n.unwrap_or(0))
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.bounded(async |c| redis::cmd("PING").query_async::<String>(c).await)
            .await
            .map(|_| ())
    }

    async fn take_rate_token(
        &self,
        bucket: &str,
        per_minute: u32,
    ) -> Result<Option<RateDecision>, StoreError> {
        let key = format!("{}{bucket}", self.rate_prefix);
        let per_minute = per_minute.max(1);
        let interval_us = (60_000_000 / u64::from(per_minute)).max(1);
        let wait_ms: u64 = self
            .bounded(async |c| {
                self.rate
                    .key(&key)
                    .arg(interval_us)
                    .arg(per_minute)
                    .invoke_async(c)
                    .await
            })
            .await?;
        Ok(Some(match wait_ms {
            0 => RateDecision::Allowed,
            ms => RateDecision::RetryAfter(ms.div_ceil(1000).max(1)),
        }))
    }

    async fn eviction(&self) -> Option<Eviction> {
        // Not checked yet (nothing has reached Redis): check now.
        if self.eviction_recheck.load(Ordering::Relaxed) {
            let _ = self.ping().await;
        }
        self.eviction
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    async fn held(&self) -> Result<Option<Held>, StoreError> {
        let Some(quota) = &self.quota else {
            return Ok(None);
        };
        let (bytes, secrets): (u64, u64) = self
            .bounded(async |c| {
                quota
                    .read
                    .key(&quota.hash)
                    .key(&quota.index)
                    .invoke_async(c)
                    .await
            })
            .await?;
        Ok(Some(Held { bytes, secrets }))
    }

    fn kind(&self) -> &'static str {
        "redis"
    }
}

/// What a create writes besides the secret, computed once for either way
/// of writing it (one script, or pipelines).
struct ReceiptWrite {
    /// `<prefix>:receipt:<hash>`, naming the secret.
    index: String,
    /// `{<key>}:receipt`, in the secret's slot.
    key: String,
    /// Seconds the index and the receipt live: the secret's TTL and the
    /// retention.
    lifetime: u64,
    /// The receipt's hash fields and values, as `HMSET` takes them; `w`
    /// (the signed-in sender) and `k` (the key's verifier) only when there
    /// is one.
    fields: Vec<(&'static str, String)>,
}

impl RedisStore {
    fn receipt_write(
        &self,
        key: &StorageKey,
        ttl: Ttl,
        views: Views,
        receipt: &NewReceipt,
    ) -> ReceiptWrite {
        let now = receipts::now_secs();
        let record = ReceiptRecord::new(now, now.saturating_add(ttl.secs()), views.get());
        let hash = receipt.hash.to_hex();
        let index = self.receipts.index_key(&hash);
        let mut fields = vec![
            ("h", hash),
            ("c", record.created_at.to_string()),
            ("x", record.expires_at.to_string()),
            ("n", record.views.to_string()),
            ("u", "0".to_owned()),
            ("s", record.state),
            ("e", String::new()),
        ];
        if let Some(sender) = &receipt.sender {
            fields.push(("w", sender.clone()));
        }
        // The key's verifier, for the one-call reveal (`take_verified`).
        if let Some(verifier) = &receipt.verifier {
            fields.push(("k", verifier.to_hex()));
        }
        ReceiptWrite {
            index,
            key: receipts::receipt_key(key),
            lifetime: ttl.secs().saturating_add(receipt.retention_secs),
            fields,
        }
    }

    /// `put_with_receipt` on one Redis with a quota: the quota's admission,
    /// the index, the secret and its receipt in one script, so one atomic
    /// round trip, and a refused create writes nothing.
    async fn put_with_receipt_scripted(
        &self,
        quota: &Quota,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: &NewReceipt,
    ) -> Result<(), StoreError> {
        let write = self.receipt_write(key, ttl, views, receipt);
        let counter = views_key(key);
        let (admitted, held, count): (i64, u64, u64) = self
            .bounded(async |c| {
                let mut create = self.receipts.create_counted.prepare_invoke();
                create
                    .key(&quota.hash)
                    .key(&quota.index)
                    .arg(value.len())
                    .arg(ttl.secs())
                    .arg(quota.bucket_secs)
                    .arg(quota.max_bytes)
                    .key(&write.index)
                    .key(key.as_str())
                    .key(&counter)
                    .key(&write.key)
                    .arg(key.as_str())
                    .arg(value)
                    .arg(ttl.secs())
                    .arg(views.get())
                    .arg(write.lifetime);
                for (field, value) in &write.fields {
                    create.arg(*field).arg(value);
                }
                create.invoke_async(c).await
            })
            .await?;
        if admitted == 1 {
            Ok(())
        } else {
            Err(over_quota(quota, held, count, value.len()))
        }
    }

    /// `put_with_receipt`'s writes as pipelines, once the quota (if any)
    /// has counted them.
    async fn put_with_receipt_counted(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: &NewReceipt,
    ) -> Result<(), StoreError> {
        let write = self.receipt_write(key, ttl, views, receipt);
        // The index first: a secret whose receipt cannot be found is never
        // answered as created; an index left by a failed create names a
        // secret that never was, and expires. On one Redis every key is on
        // the same server, so the index, the secret and its receipt go in
        // one atomic round trip; in a cluster the index lives in another
        // slot, so it goes first, on its own.
        let mut pipes = vec![redis::pipe()];
        pipes[0]
            .set_ex(&write.index, key.as_str(), write.lifetime)
            .ignore();
        if self.is_cluster() {
            pipes.push(redis::pipe());
        }
        // The secret and its receipt: one slot, one atomic write.
        let Some(secret) = pipes.last_mut() else {
            return Err(StoreError::Internal("no pipeline".into()));
        };
        secret.set_ex(key.as_str(), value, ttl.secs()).ignore();
        if views != Views::ONE {
            secret
                .set_ex(views_key(key), views.get(), ttl.secs())
                .ignore();
        }
        secret
            .hset_multiple(&write.key, &write.fields)
            .ignore()
            .expire(
                &write.key,
                i64::try_from(write.lifetime).unwrap_or(i64::MAX),
            )
            .ignore();
        for pipe in &mut pipes {
            let Some(replication) = self.replication else {
                pipe.atomic();
                self.bounded(async |c| pipe.query_async::<()>(c).await)
                    .await?;
                continue;
            };
            pipe.cmd("WAIT")
                .arg(replication.replicas)
                .arg(replication.timeout_ms);
            let (acked,): (u32,) = self
                .bounded_on(&self.waiting_conn, async |c| pipe.query_async(c).await)
                .await?;
            replicated(acked, replication)?;
        }
        Ok(())
    }
}

#[async_trait]
impl ReceiptStore for RedisStore {
    async fn put_with_receipt(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: NewReceipt,
    ) -> Result<(), StoreError> {
        // One Redis with a quota and no replica to wait for: one script
        // admits and writes, one round trip. Without a quota the same
        // writes go as one `MULTI` pipeline (still one atomic round trip):
        // Redis spends about 40% less on it than on running the script
        // (Lua's set-up and argument copies per call; see CONTRIBUTING.md,
        // "Benchmark").
        if let Some(quota) = &self.quota
            && !self.is_cluster()
            && self.replication.is_none()
        {
            return self
                .put_with_receipt_scripted(quota, key, value, ttl, views, &receipt)
                .await;
        }
        self.quota_admit(value.len(), ttl).await?;
        let stored = self
            .put_with_receipt_counted(key, value, ttl, views, &receipt)
            .await;
        if stored.is_err() {
            self.quota_release(value.len() as u64, ttl.secs() as i64 * 1000)
                .await;
        }
        stored
    }

    async fn receipt(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        let fields = self.receipt_script(hash, &self.receipts.read).await?;
        let sender = fields.as_ref().and_then(|f| f.get(7).cloned().flatten());
        Ok(fields.and_then(receipts::decode).map(|(mut record, live)| {
            record.sender = sender;
            (record, live)
        }))
    }

    async fn burn(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        let fields = self.receipt_script(hash, &self.receipts.burn).await?;
        let Some(fields) = fields else {
            return Ok(None);
        };
        let number = |i: usize| fields.get(i).cloned().flatten()?.parse::<i64>().ok();
        if let (Some(left_ms), Some(bytes)) = (number(7), number(8)) {
            self.quota_release(u64::try_from(bytes).unwrap_or(0), left_ms)
                .await;
        }
        Ok(receipts::decode(fields))
    }
}

impl RedisStore {
    /// Finds the receipt's secret through the index, then runs `script`
    /// (read or burn) on the secret's slot; the script checks the hash.
    /// Answers the script's fields (see `receipts::decode`).
    async fn receipt_script(
        &self,
        hash: ReceiptHash,
        script: &Script,
    ) -> Result<Option<Vec<Option<String>>>, StoreError> {
        let hash = hash.to_hex();
        let index = self.receipts.index_key(&hash);
        let key: Option<String> = self.bounded(async |c| c.get(&index).await).await?;
        let Some(key) = key else {
            return Ok(None);
        };
        let key = StorageKey::from_stored(key);
        let (views, attempts) = (views_key(&key), attempts_key(&key));
        let receipt = receipts::receipt_key(&key);
        let fields: Option<Vec<Option<String>>> = self
            .bounded(async |c| {
                script
                    .key(key.as_str())
                    .key(&views)
                    .key(&attempts)
                    .key(&receipt)
                    .arg(&hash)
                    .arg(receipts::now_secs())
                    .invoke_async(c)
                    .await
            })
            .await?;
        Ok(fields)
    }
}

#[async_trait]
impl KeyStore for RedisStore {
    async fn key_by_hash(&self, hash: &KeyHash) -> Result<Option<KeyRecord>, StoreError> {
        let hash = hash.to_hex();
        let found: Option<Vec<u8>> = self
            .bounded(async |c| {
                self.key_by_hash
                    .key(&self.keys.records)
                    .key(&self.keys.hashes)
                    .arg(&hash)
                    .invoke_async(c)
                    .await
            })
            .await?;
        found.map(|json| decode_json(&json)).transpose()
    }

    async fn key_set(&self) -> Result<KeySet, StoreError> {
        let k = &self.keys;
        type Snapshot = (
            Vec<(String, Vec<u8>)>,
            Vec<(String, u64)>,
            Option<u64>,
            Option<Vec<u8>>,
        );
        let (records, used, version, mark): Snapshot = self
            .bounded(async |c| {
                redis::pipe()
                    .atomic()
                    .hgetall(&k.records)
                    .hgetall(&k.last_used)
                    .get(&k.version)
                    .get(&k.bootstrapped)
                    .query_async(c)
                    .await
            })
            .await?;
        Ok(KeySet {
            version: version.unwrap_or(0),
            keys: records
                .iter()
                .map(|(_, json)| decode_json(json))
                .collect::<Result<_, _>>()?,
            last_used: used.into_iter().collect(),
            bootstrapped: mark.map(|m| decode_json(&m)).transpose()?,
        })
    }

    async fn commit_keys(
        &self,
        version: u64,
        changes: Vec<KeyChange>,
        bootstrap: Option<BootstrapMark>,
    ) -> Result<bool, StoreError> {
        let k = &self.keys;
        let mark = match &bootstrap {
            Some(m) => serde_json::to_string(m).map_err(|e| StoreError::Internal(e.to_string()))?,
            None => String::new(),
        };
        let mut args: Vec<String> = vec![version.to_string(), mark];
        for change in changes {
            match change {
                KeyChange::Put(record) => {
                    let json = serde_json::to_string(&record)
                        .map_err(|e| StoreError::Internal(e.to_string()))?;
                    args.extend(["P".to_owned(), record.name.to_string(), json, record.hash]);
                }
                KeyChange::Delete(name) => args.extend(["D".to_owned(), name.to_string()]),
            }
        }
        let (applied, _): (i64, i64) = self
            .with_deadline(|deadline| {
                let args = &args;
                self.bounded(async move |c| {
                    let mut invocation = self.commit_keys.prepare_invoke();
                    invocation
                        .key(&k.records)
                        .key(&k.hashes)
                        .key(&k.version)
                        .key(&k.bootstrapped)
                        .key(&k.last_used)
                        .arg(deadline.redis_ms);
                    for a in args {
                        invocation.arg(a);
                    }
                    invocation.invoke_async(c).await
                })
            })
            .await?;
        Ok(applied == 1)
    }

    async fn touch_key(&self, name: &KeyName, at: u64) -> Result<(), StoreError> {
        let k = &self.keys;
        let _: i64 = self
            .bounded(async |c| {
                self.touch_key
                    .key(&k.records)
                    .key(&k.last_used)
                    .arg(name.as_str())
                    .arg(at)
                    .invoke_async(c)
                    .await
            })
            .await?;
        Ok(())
    }

    async fn reset_bootstrap(&self) -> Result<bool, StoreError> {
        let k = &self.keys;
        let (removed, _): (i64, i64) = self
            .bounded(async |c| {
                redis::pipe()
                    .atomic()
                    .del(&k.bootstrapped)
                    .incr(&k.version, 1)
                    .query_async(c)
                    .await
            })
            .await?;
        Ok(removed == 1)
    }
}

/// Receipts on Redis: a hash `{<key>}:receipt` in the secret's slot (so the
/// take and wrong-proof scripts record what they decide in the same atomic
/// step), and an index `<prefix>:receipt:<sha256 hex>` naming the secret,
/// which a receipt request reads first. The index opens nothing by itself:
/// the scripts check the hash stored in the receipt. Both expire at the
/// secret's expiry plus the retention. Self-contained: the rest of the
/// store only calls in here.
mod receipts {
    use std::time::{SystemTime, UNIX_EPOCH};

    use redis::Script;

    use crate::receipt::ReceiptRecord;
    use crate::token::StorageKey;

    /// Consumes one view if the secret still holds exactly the value the
    /// caller decrypted, in two parts that the verified take shares (see
    /// `VERIFY`): `TAKE_READ` reads, then `TAKE_DECIDE` takes if `want` is
    /// the value read. The value and its counter come in one `MGET`; a
    /// one-view secret has no counter (as SnapPass writes it) and is
    /// destroyed at once. The counter is decremented only when views remain
    /// after this one (the last view deletes it with the secret). Records
    /// the view in the receipt (KEYS[3]) when there is one, in one `HSET`
    /// (the log, the views used, the state), and the last view blanks the
    /// receipt's key verifier (`k`) in that same `HSET` (an `HDEL` cost
    /// Redis 8% more instructions per reveal): nothing derived from the key
    /// outlives the secret it opened. KEYS (from `k + 1`): the secret, its views
    /// counter, its receipt. ARGV (from `a + 1`): the expected value (the
    /// verified take: the key's verifier), now (unix seconds), `1` when the
    /// time left is wanted (the storage quota's bucket), the deadline
    /// (`redis_deadline::GUARD`, which runs first and leaves `clock`, Redis's
    /// time, that every answer ends with). Leaves `v` (the
    /// value), `left` (the views left, -1 when the value was gone or
    /// different) and `ttl` (milliseconds the secret had left, 0 unless
    /// asked) for the rest of the script. Calls: for a one-view secret
    /// `TIME` (the deadline's guard), `MGET`, `HMGET`, `DEL` without a
    /// receipt, and `HSET` with one. Most of what the take costs Redis is
    /// the script's fixed set-up, not its calls (CONTRIBUTING.md,
    /// "Benchmark").
    const TAKE_READ: &str = r"
local got = redis.call('MGET', KEYS[k + 1], KEYS[k + 2])
local v = got[1]
local left, ttl = -1, 0
";

    /// See `TAKE_READ`. Needs `want` (the value to take) and `r` (the
    /// receipt's `s`, `e`, `u`, `k`, or nil to read them here).
    const TAKE_DECIDE: &str = r"
if v and v == want then
  if ARGV[a + 3] == '1' then ttl = redis.call('PTTL', KEYS[k + 1]) end
  left = (tonumber(got[2]) or 1) - 1
  if left < 0 then left = 0 end
  if left > 0 then redis.call('DECR', KEYS[k + 2]) end
  r = r or redis.call('HMGET', KEYS[k + 3], 's', 'e', 'u', 'k')
  if r[1] == 'a' then
    local e = (r[2] or '') .. 'v' .. ARGV[a + 2] .. ','
    local u = tostring((tonumber(r[3]) or 0) + 1)
    if left == 0 then
      redis.call('HSET', KEYS[k + 3], 'e', e, 'u', u, 's', 'v', 'k', '')
    else
      redis.call('HSET', KEYS[k + 3], 'e', e, 'u', u)
    end
  end
  if left == 0 then redis.call('DEL', KEYS[k + 1], KEYS[k + 2]) end
end
";

    /// The take's deadline (`redis_deadline::GUARD`), fourth of its ARGV.
    const TAKE_DEADLINE: &str = "local deadline = tonumber(ARGV[a + 4])\n";

    /// The conditional take's check: the value the caller decrypted.
    const EXPECTED: &str = r"
local want, r = ARGV[a + 1], nil
";

    /// The verified take's check, between `TAKE_READ` and `TAKE_DECIDE`:
    /// the key verifier the create wrote in the receipt (`k`) against the
    /// link's (ARGV[a + 1]). Answers at once, consuming nothing, `{-1}`
    /// when the secret is gone, `{-3, views, value}` when it has no
    /// verifier, or a blank one (what a peek answers: the caller decrypts
    /// and takes as before, which is right whatever the receipt says), `{-2}` for another key's verifier; else takes the value
    /// read, and the script answers `{views left, ttl, value}`. Every
    /// answer ends with Redis's clock (`redis_deadline`).
    const VERIFY: &str = r"
if not v then return {-1, 0, '', clock} end
local r = redis.call('HMGET', KEYS[k + 3], 's', 'e', 'u', 'k')
if not r[4] or r[4] == '' then return {-3, tonumber(got[2]) or 1, v, clock} end
if r[4] ~= ARGV[a + 1] then return {-2, 0, '', clock} end
local want = v
";

    /// The take and, when it destroys the secret, the quota's release, in
    /// one atomic step (one Redis). KEYS: the quota's two, then the take's.
    /// ARGV: the bucket width, then the take's. Same answer as the take's.
    const TAKE_COUNTED_TAIL: &str = r"
if left == 0 then
  local bytes, leftms, w = #v, ttl, tonumber(ARGV[1])
";

    /// Writes a new secret, its views counter (more than one view) and its
    /// receipt, and the receipt's index: one atomic step, on one Redis only
    /// (the index lives in another cluster slot). Used when the quota must
    /// admit the create in the same step; without a quota the same writes
    /// go as a `MULTI` pipeline, which costs Redis less than a script (see
    /// `put_with_receipt`). KEYS (from `k + 1`): the index, the secret, its
    /// counter, its receipt. ARGV (from `a + 1`): the secret's key, value,
    /// TTL, views, the receipt's lifetime, then the receipt's fields and
    /// values (`ReceiptWrite::fields`) to the end. The same commands
    /// `SETEX`/`HMSET`/`EXPIRE` as the pipelined create, so the layout is
    /// SnapPass's.
    const CREATE_BODY: &str = r"
redis.call('SETEX', KEYS[k + 1], ARGV[a + 5], ARGV[a + 1])
redis.call('SETEX', KEYS[k + 2], ARGV[a + 3], ARGV[a + 2])
if ARGV[a + 4] ~= '1' then redis.call('SETEX', KEYS[k + 3], ARGV[a + 3], ARGV[a + 4]) end
redis.call('HMSET', KEYS[k + 4], unpack(ARGV, a + 6))
redis.call('EXPIRE', KEYS[k + 4], ARGV[a + 5])
";

    /// Counts a wrong proof of a zero-knowledge secret. KEYS: the secret, its
    /// views counter, its attempts counter, its receipt (one slot). ARGV: the
    /// limit, now, the deadline (`redis_deadline`, whose guard comes first).
    /// The counter expires with the secret; the wrong proof (and
    /// the destruction) go to the receipt. Returns the wrong proofs still
    /// allowed (0 when this one destroyed the secret, -1 when it was gone,
    /// -4 past the deadline),
    /// the milliseconds the secret had left and, when destroyed, its size
    /// (the storage quota's release), then Redis's clock.
    const FAIL_ATTEMPT_BODY: &str = r"
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return {-1, 0, 0, clock} end
local n = redis.call('INCR', KEYS[3])
local limit = tonumber(ARGV[1])
local tracked = redis.call('HGET', KEYS[4], 's') == 'a'
local log = ''
if tracked then log = (redis.call('HGET', KEYS[4], 'e') or '') .. 'f' .. ARGV[2] .. ',' end
if n >= limit then
  local size = redis.call('STRLEN', KEYS[1])
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
  if tracked then redis.call('HSET', KEYS[4], 's', 'd', 'e', log .. 'd' .. ARGV[2] .. ',') end
  return {0, ttl, size, clock}
end
if tracked then redis.call('HSET', KEYS[4], 'e', log) end
redis.call('PEXPIRE', KEYS[3], ttl)
return {limit - n, ttl, 0, clock}
";

    /// Reads a receipt: KEYS secret, views, attempts, receipt; ARGV the
    /// receipt's hash. Returns created, expires, views, used, state, log,
    /// and whether the secret lives, then the sender (when recorded); false for a hash that does not match.
    const READ_LUA: &str = r"
if redis.call('HGET', KEYS[4], 'h') ~= ARGV[1] then return false end
local r = redis.call('HMGET', KEYS[4], 'c', 'x', 'n', 'u', 's', 'e')
r[7] = tostring(redis.call('EXISTS', KEYS[1]))
r[8] = redis.call('HGET', KEYS[4], 'w')
return r
";

    /// Burns: deletes a live secret and records `burned` (blanking the key
    /// verifier with the secret, as the last view does), in the slot where
    /// the take script runs, so a burn and a reveal never both happen.
    /// Same keys, arguments and answer as `READ_LUA` (plus now); a burn that
    /// destroyed the secret adds the milliseconds it had left and its size
    /// (the storage quota's release).
    const BURN_LUA: &str = r"
if redis.call('HGET', KEYS[4], 'h') ~= ARGV[1] then return false end
local live = redis.call('EXISTS', KEYS[1])
local released = nil
if live == 1 and redis.call('HGET', KEYS[4], 's') == 'a' then
  released = {tostring(redis.call('PTTL', KEYS[1])), tostring(redis.call('STRLEN', KEYS[1]))}
  redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
  redis.call('HSET', KEYS[4], 's', 'b', 'e', (redis.call('HGET', KEYS[4], 'e') or '') .. 'b' .. ARGV[2] .. ',', 'k', '')
  live = 0
end
local r = redis.call('HMGET', KEYS[4], 'c', 'x', 'n', 'u', 's', 'e')
r[7] = tostring(live)
if released then
  r[8] = released[1]
  r[9] = released[2]
end
return r
";

    pub(super) struct Scripts {
        /// The take alone (a cluster, or no quota): KEYS and ARGV as
        /// `TAKE_READ`'s. Returns the views left (-1: gone or different,
        /// -4: past its deadline), the milliseconds the secret had to live,
        /// and Redis's clock.
        pub take: Script,
        /// The take with the quota's release (one Redis with a quota).
        pub take_counted: Script,
        /// The reveal in one call: `VERIFY` between the take's read and
        /// decision; KEYS as the take's, ARGV the same with the key's
        /// verifier first. Answers `{views left or -1, -2, -3, -4, the views
        /// (-3) or the milliseconds the secret had to live, the value,
        /// Redis's clock}`.
        pub take_verified: Script,
        /// The verified take with the quota's release, as `take_counted`.
        pub take_verified_counted: Script,
        /// A create with its receipt and index, admitted by the quota first
        /// (one Redis with a quota):
        /// KEYS: the quota's two, then the create's; ARGV: bytes, TTL,
        /// bucket width, quota, then the create's. Returns `{1 admitted or
        /// 0 refused, bytes held, secrets held}`.
        pub create_counted: Script,
        pub fail_attempt: Script,
        pub read: Script,
        pub burn: Script,
        index_prefix: String,
    }

    impl Scripts {
        pub fn new(prefix: &str) -> Self {
            use super::super::redis_deadline as deadline;
            use super::super::redis_quota::fragments as quota;
            let take = [
                "local k, a = 0, 0\n",
                TAKE_DEADLINE,
                deadline::GUARD,
                deadline::REFUSE_LATE_TAKE,
                TAKE_READ,
                EXPECTED,
                TAKE_DECIDE,
                "return {left, ttl, clock}\n",
            ]
            .concat();
            let take_counted = [
                quota::PRELUDE,
                "local k, a = 2, 1\n",
                TAKE_DEADLINE,
                deadline::GUARD,
                deadline::REFUSE_LATE_TAKE,
                TAKE_READ,
                EXPECTED,
                TAKE_DECIDE,
                TAKE_COUNTED_TAIL,
                quota::CLEANUP,
                quota::RELEASE,
                "end\nreturn {left, ttl, clock}\n",
            ]
            .concat();
            let take_verified = [
                "local k, a = 0, 0\n",
                TAKE_DEADLINE,
                deadline::GUARD,
                deadline::REFUSE_LATE_VERIFIED_TAKE,
                TAKE_READ,
                VERIFY,
                TAKE_DECIDE,
                "return {left, ttl, v, clock}\n",
            ]
            .concat();
            let take_verified_counted = [
                quota::PRELUDE,
                "local k, a = 2, 1\n",
                TAKE_DEADLINE,
                deadline::GUARD,
                deadline::REFUSE_LATE_VERIFIED_TAKE,
                TAKE_READ,
                VERIFY,
                TAKE_DECIDE,
                TAKE_COUNTED_TAIL,
                quota::CLEANUP,
                quota::RELEASE,
                "end\nreturn {left, ttl, v, clock}\n",
            ]
            .concat();
            let create_counted = [
                quota::PRELUDE,
                quota::CLEANUP,
                "local bytes, ttl, w, max = tonumber(ARGV[1]), tonumber(ARGV[2]), \
                 tonumber(ARGV[3]), tonumber(ARGV[4])\n",
                quota::ADMIT,
                "local k, a = 2, 4\n",
                CREATE_BODY,
                "return {1, held, count}\n",
            ]
            .concat();
            Scripts {
                take: Script::new(&take),
                take_counted: Script::new(&take_counted),
                take_verified: Script::new(&take_verified),
                take_verified_counted: Script::new(&take_verified_counted),
                create_counted: Script::new(&create_counted),
                fail_attempt: Script::new(
                    &[
                        "local deadline = tonumber(ARGV[3])\n",
                        deadline::GUARD,
                        deadline::REFUSE_LATE_ATTEMPT,
                        FAIL_ATTEMPT_BODY,
                    ]
                    .concat(),
                ),
                read: Script::new(READ_LUA),
                burn: Script::new(BURN_LUA),
                index_prefix: format!("{prefix}:receipt:"),
            }
        }

        /// `<prefix>:receipt:<hash>`: `:` is not hex, so no secret's key
        /// (`<prefix><32 hex>`) can be one. `hash_hex`: the hash's hex
        /// (`ReceiptHash::to_hex`), which a create also writes in the
        /// receipt, so it is made once.
        pub fn index_key(&self, hash_hex: &str) -> String {
            [self.index_prefix.as_str(), hash_hex].concat()
        }
    }

    /// The receipt of a secret, in the secret's slot.
    pub(super) fn receipt_key(key: &StorageKey) -> String {
        ["{", key.as_str(), "}:receipt"].concat()
    }

    pub(super) fn decode(fields: Vec<Option<String>>) -> Option<(ReceiptRecord, bool)> {
        let field = |i: usize| fields.get(i).cloned().flatten();
        let number = |i: usize| field(i).and_then(|v| v.parse::<u64>().ok());
        let record = ReceiptRecord {
            created_at: number(0)?,
            expires_at: number(1)?,
            views: u32::try_from(number(2)?).ok()?,
            views_used: u32::try_from(number(3)?).ok()?,
            state: field(4)?,
            events: field(5).unwrap_or_default(),
            // The read script answers it (8th); the burn's answer there is
            // the quota's release, and its caller needs no sender.
            sender: None,
        };
        Some((record, field(6).as_deref() == Some("1")))
    }

    pub(super) fn now_secs() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }
}

fn decode_json<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Internal(format!("bad key record: {e}")))
}

/// A create the quota has no room for.
fn over_quota(quota: &Quota, held: u64, count: u64, bytes: usize) -> StoreError {
    StoreError::OverQuota(format!(
        "{held} bytes held in {count} secrets, {bytes} more asked, quota {} bytes",
        quota.max_bytes
    ))
}

/// A write that fewer replicas than required acknowledged in time is not
/// answered as done: the caller gets a 503, and a create's orphan expires.
fn replicated(acked: u32, replication: Replication) -> Result<(), StoreError> {
    if acked >= replication.replicas {
        Ok(())
    } else {
        Err(StoreError::Unavailable(format!(
            "{acked} of {} required replicas acknowledged the write within {} ms",
            replication.replicas, replication.timeout_ms
        )))
    }
}

fn unavailable(e: redis::RedisError) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::{Value, config_value, redis_py_compatible};

    #[test]
    fn config_get_replies_are_read_in_both_protocols() {
        let bulk = |s: &str| Value::BulkString(s.as_bytes().to_vec());
        let resp2 = Value::Array(vec![bulk("maxmemory-policy"), bulk("allkeys-lru")]);
        assert_eq!(
            config_value(&resp2, "maxmemory-policy").as_deref(),
            Some("allkeys-lru")
        );
        let resp3 = Value::Map(vec![(bulk("maxmemory-policy"), bulk("noeviction"))]);
        assert_eq!(
            config_value(&resp3, "maxmemory-policy").as_deref(),
            Some("noeviction")
        );
        assert_eq!(
            config_value(&Value::Array(vec![]), "maxmemory-policy"),
            None
        );
        assert_eq!(config_value(&Value::Nil, "maxmemory-policy"), None);
    }

    #[test]
    fn redis_py_certificate_off_switch_is_understood() {
        assert_eq!(
            redis_py_compatible("rediss://:pw@h:6380/0?ssl_cert_reqs=none"),
            "rediss://:pw@h:6380/0#insecure"
        );
        assert_eq!(
            redis_py_compatible("rediss://h/0?protocol=3&ssl_cert_reqs=NONE"),
            "rediss://h/0?protocol=3#insecure"
        );
        assert_eq!(redis_py_compatible("rediss://h/0"), "rediss://h/0");
        assert_eq!(
            redis_py_compatible("redis://h/0?protocol=3"),
            "redis://h/0?protocol=3"
        );
    }
}
