//! The webhook queue in Redis, so that any instance can deliver what any
//! instance accepted, and a restart loses nothing Redis kept. Every key
//! shares one hash tag (`<prefix>:{<prefix>:webhooks}:…`), so they sit in
//! one Redis Cluster slot and each change is one Lua script:
//!
//! - `queue`: sorted set, webhook id → when it is due (unix ms);
//! - `items`: hash, webhook id → the event (JSON), kept until settled;
//! - `expiry`: sorted set, storage-key hash → the secret's expiry (unix s),
//!   swept by the workers for `secret.expired` (no keyspace notifications);
//! - `meta:s:<key hash>` / `meta:r:<receipt id>`: what an event says about
//!   a secret, expiring a day after the secret.
//!
//! A claim moves the events it hands out to the end of their lease, in the
//! same script, so two instances do not normally send the same event; an
//! instance that dies mid-delivery leaves it to be claimed again when the
//! lease ends (at-least-once, same id).

use async_trait::async_trait;
use redis::Script;

use super::RedisStore;
use crate::store::StoreError;
use crate::webhook::event::{Meta, Queued, meta_by_key, meta_by_receipt};
use crate::webhook::queue::{Claimed, MetaChange, Settle, WebhookQueue};

/// KEYS: queue, items, expiry, then meta keys: the first `ARGV[3]` of them
/// are set (to `ARGV[4]`, for `ARGV[5]` seconds, and `ARGV[6]` enters the
/// expiry index at `ARGV[7]`), the rest deleted. `ARGV[8]`: how many expiry
/// members follow to remove. Then pairs of webhook id and event: each is
/// queued, due at `ARGV[2]`, unless already queued or the queue holds
/// `ARGV[1]`. Returns how many are queued.
const ENQUEUE_LUA: &str = r"
local nput = tonumber(ARGV[3])
for i = 4, #KEYS do
  if i - 3 <= nput then
    redis.call('SET', KEYS[i], ARGV[4], 'EX', ARGV[5])
  else
    redis.call('DEL', KEYS[i])
  end
end
if nput > 0 then
  redis.call('ZADD', KEYS[3], ARGV[7], ARGV[6])
end
local nforget = tonumber(ARGV[8])
for i = 9, 8 + nforget do
  redis.call('ZREM', KEYS[3], ARGV[i])
end
local max = tonumber(ARGV[1])
local queued = 0
for i = 9 + nforget, #ARGV, 2 do
  if redis.call('HEXISTS', KEYS[2], ARGV[i]) == 1 then
    queued = queued + 1
  elseif redis.call('ZCARD', KEYS[1]) < max then
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
    redis.call('ZADD', KEYS[1], ARGV[2], ARGV[i])
    queued = queued + 1
  end
end
return queued
";

/// KEYS: queue, items. ARGV: now (ms), lease end (ms), how many. Hands out
/// due events and moves them to the end of their lease.
const CLAIM_LUA: &str = r"
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  local item = redis.call('HGET', KEYS[2], id)
  if item then
    redis.call('ZADD', KEYS[1], ARGV[2], id)
    table.insert(out, item)
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out
";

/// KEYS: queue, items. ARGV: triples of id, next due (ms; empty: remove)
/// and the event as it is now.
const SETTLE_LUA: &str = r"
for i = 1, #ARGV, 3 do
  if ARGV[i + 1] == '' then
    redis.call('ZREM', KEYS[1], ARGV[i])
    redis.call('HDEL', KEYS[2], ARGV[i])
  else
    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2])
    redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i])
  end
end
return 1
";

/// KEYS: expiry. ARGV: now (s), lease end (s), how many. Hands out secrets
/// past their expiry, leased, as `key hash, expiry` pairs.
const CLAIM_EXPIRIES_LUA: &str = r"
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
for i = 1, #due, 2 do
  redis.call('ZADD', KEYS[1], ARGV[2], due[i])
end
return due
";

/// Where the webhook keys live, and the scripts that change them.
pub(super) struct Layout {
    base: String,
    queue: String,
    items: String,
    expiry: String,
    enqueue: Script,
    claim: Script,
    settle: Script,
    claim_expiries: Script,
}

impl Layout {
    pub(super) fn new(prefix: &str) -> Self {
        let base = format!("{prefix}:{{{prefix}:webhooks}}");
        Layout {
            queue: format!("{base}:queue"),
            items: format!("{base}:items"),
            expiry: format!("{base}:expiry"),
            base,
            enqueue: Script::new(ENQUEUE_LUA),
            claim: Script::new(CLAIM_LUA),
            settle: Script::new(SETTLE_LUA),
            claim_expiries: Script::new(CLAIM_EXPIRIES_LUA),
        }
    }

    fn meta_key(&self, name: &str) -> String {
        format!("{}:meta:{name}", self.base)
    }
}

/// A day past the secret's expiry: the sweep reads the meta after it.
const META_GRACE_SECS: u64 = 86_400;

impl RedisStore {
    /// One enqueue script: `put` remembered, `forget` forgotten, `events` queued.
    async fn hooks_enqueue(
        &self,
        put: Option<&Meta>,
        forget: &[Meta],
        events: &[Queued],
        max_depth: u64,
        now_ms: u64,
    ) -> Result<usize, StoreError> {
        let l = &self.hooks;
        let mut inv = l.enqueue.prepare_invoke();
        inv.key(&l.queue).key(&l.items).key(&l.expiry);
        inv.arg(max_depth).arg(now_ms);
        match put {
            Some(m) => {
                inv.key(l.meta_key(&meta_by_key(&m.kh)))
                    .key(l.meta_key(&meta_by_receipt(&m.rid)));
                let ttl = m
                    .exp
                    .saturating_sub(now_ms / 1000)
                    .saturating_add(META_GRACE_SECS);
                inv.arg(2)
                    .arg(serde_json::to_string(m).unwrap_or_default())
                    .arg(ttl)
                    .arg(&m.kh)
                    .arg(m.exp);
            }
            None => {
                inv.arg(0).arg("").arg(0).arg("").arg(0);
            }
        }
        for m in forget {
            inv.key(l.meta_key(&meta_by_key(&m.kh)));
            if !m.rid.is_empty() {
                inv.key(l.meta_key(&meta_by_receipt(&m.rid)));
            }
        }
        inv.arg(forget.len());
        for m in forget {
            inv.arg(&m.kh);
        }
        for e in events {
            inv.arg(&e.id)
                .arg(serde_json::to_string(e).unwrap_or_default());
        }
        let queued: usize = self.bounded(async |c| inv.invoke_async(c).await).await?;
        Ok(queued)
    }
}

#[async_trait]
impl WebhookQueue for RedisStore {
    async fn enqueue(
        &self,
        events: Vec<Queued>,
        meta: MetaChange,
        max_depth: u64,
        now_ms: u64,
    ) -> Result<usize, StoreError> {
        match &meta {
            MetaChange::None => self.hooks_enqueue(None, &[], &events, max_depth, now_ms),
            MetaChange::Put(m) => self.hooks_enqueue(Some(m), &[], &events, max_depth, now_ms),
            MetaChange::Forget(m) => {
                self.hooks_enqueue(None, std::slice::from_ref(m), &events, max_depth, now_ms)
            }
        }
        .await
    }

    async fn meta(&self, name: &str) -> Result<Option<Meta>, StoreError> {
        let key = self.hooks.meta_key(name);
        let json: Option<String> = self
            .bounded(async |c| redis::cmd("GET").arg(&key).query_async(c).await)
            .await?;
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    async fn claim(
        &self,
        now_ms: u64,
        lease_until_ms: u64,
        max: usize,
    ) -> Result<Vec<Claimed>, StoreError> {
        let l = &self.hooks;
        let mut inv = l.claim.prepare_invoke();
        inv.key(&l.queue)
            .key(&l.items)
            .arg(now_ms)
            .arg(lease_until_ms)
            .arg(max);
        let items: Vec<String> = self.bounded(async |c| inv.invoke_async(c).await).await?;
        Ok(items
            .iter()
            .filter_map(|j| serde_json::from_str::<Queued>(j).ok())
            .map(|item| Claimed {
                due: lease_until_ms,
                item,
            })
            .collect())
    }

    async fn settle(&self, done: Vec<(Claimed, Settle)>) -> Result<(), StoreError> {
        if done.is_empty() {
            return Ok(());
        }
        let l = &self.hooks;
        let mut inv = l.settle.prepare_invoke();
        inv.key(&l.queue).key(&l.items);
        for (claimed, settle) in &done {
            match settle {
                Settle::Remove => {
                    inv.arg(&claimed.item.id).arg("").arg("");
                }
                Settle::Retry { at_ms, item } => {
                    inv.arg(&claimed.item.id)
                        .arg(*at_ms)
                        .arg(serde_json::to_string(item).unwrap_or_default());
                }
            }
        }
        let _: i64 = self.bounded(async |c| inv.invoke_async(c).await).await?;
        Ok(())
    }

    async fn claim_expiries(
        &self,
        now: u64,
        lease_until: u64,
        max: usize,
    ) -> Result<Vec<Meta>, StoreError> {
        let l = &self.hooks;
        let mut inv = l.claim_expiries.prepare_invoke();
        inv.key(&l.expiry).arg(now).arg(lease_until).arg(max);
        let due: Vec<(String, u64)> = self.bounded(async |c| inv.invoke_async(c).await).await?;
        if due.is_empty() {
            return Ok(Vec::new());
        }
        let keys: Vec<String> = due
            .iter()
            .map(|(kh, _)| l.meta_key(&meta_by_key(kh)))
            .collect();
        let metas: Vec<Option<String>> = self
            .bounded(async |c| redis::cmd("MGET").arg(&keys).query_async(c).await)
            .await?;
        Ok(due
            .into_iter()
            .zip(metas)
            .map(|((kh, exp), json)| {
                json.and_then(|j| serde_json::from_str::<Meta>(&j).ok())
                    .unwrap_or(Meta {
                        rid: String::new(),
                        kh,
                        rh: String::new(),
                        exp,
                        key: None,
                        sender: None,
                    })
            })
            .collect())
    }

    async fn expired(
        &self,
        events: Vec<Queued>,
        swept: Vec<Meta>,
        max_depth: u64,
        now_ms: u64,
    ) -> Result<usize, StoreError> {
        self.hooks_enqueue(None, &swept, &events, max_depth, now_ms)
            .await
    }

    async fn depth(&self) -> Result<u64, StoreError> {
        let queue = self.hooks.queue.clone();
        self.bounded(async |c| redis::cmd("ZCARD").arg(&queue).query_async(c).await)
            .await
    }
}
