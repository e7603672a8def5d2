//! The webhook queue in the embedded store: four redb tables in the same
//! file, written by the same writer thread, so events share the durability
//! of everything else and survive a restart. Only used when webhooks are
//! on; the tables stay empty otherwise.
//!
//! The events of a decision (a create, a view, a wrong passphrase, a burn)
//! are made by [`after`], inside the writer's transaction that holds the
//! decision: both commit together, or neither does. The worker's writes
//! (settling deliveries, the expiry sweep) come as `Op::Hooks`.
//!
//! One process owns the file and one worker claims from it, one batch at a
//! time, so claims are plain reads here (the lease matters for Redis, where
//! several instances share the queue).

use async_trait::async_trait;
use redb::{ReadableTable, ReadableTableMetadata, Table, TableDefinition, WriteTransaction};

use super::{EmbeddedStore, Op, Outcome, decode_live, internal};
use crate::metrics::WebhookDrop;
use crate::receipt::State;
use crate::store::{Attempt, StoreError, Take};
use crate::webhook::event::{
    Meta, Queued, key_hash, meta_by_key, meta_by_receipt, receipt_id, rules,
};
use crate::webhook::queue::{Claimed, InDecisions, MetaChange, Settle, WebhookQueue};

/// (due unix ms, webhook id) -> JSON [`Queued`].
const QUEUE: TableDefinition<(u64, &str), &[u8]> = TableDefinition::new("webhook_queue");
/// webhook id -> due unix ms: finds an event by its id (no duplicates).
const IDS: TableDefinition<&str, u64> = TableDefinition::new("webhook_ids");
/// `s:<key hash>` / `r:<receipt id>` -> JSON [`Meta`].
const META: TableDefinition<&str, &[u8]> = TableDefinition::new("webhook_meta");
/// (expiry unix s, key hash): the secrets the expiry sweep looks at.
const EXPIRY: TableDefinition<(u64, &str), ()> = TableDefinition::new("webhook_expiry");

/// A write of the webhook layer, applied in the writer's transaction.
pub(super) enum Write {
    Enqueue {
        events: Vec<Queued>,
        meta: MetaChange,
        max_depth: u64,
        now_ms: u64,
    },
    Settle(Vec<(Claimed, Settle)>),
    Expired {
        events: Vec<Queued>,
        swept: Vec<Meta>,
        max_depth: u64,
        now_ms: u64,
    },
}

pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), redb::Error> {
    txn.open_table(QUEUE)?;
    txn.open_table(IDS)?;
    txn.open_table(META)?;
    txn.open_table(EXPIRY)?;
    Ok(())
}

/// Applies `write`; answers how many events were queued.
pub(super) fn apply(txn: &WriteTransaction, write: &Write) -> Result<usize, redb::Error> {
    match write {
        Write::Enqueue {
            events,
            meta,
            max_depth,
            now_ms,
        } => {
            match meta {
                MetaChange::None => {}
                MetaChange::Put(m) => {
                    let json = serde_json::to_vec(m).unwrap_or_default();
                    let mut table = txn.open_table(META)?;
                    table.insert(meta_by_key(&m.kh).as_str(), json.as_slice())?;
                    table.insert(meta_by_receipt(&m.rid).as_str(), json.as_slice())?;
                    txn.open_table(EXPIRY)?.insert((m.exp, m.kh.as_str()), ())?;
                }
                MetaChange::Forget(m) => forget(txn, m)?,
            }
            push(txn, events, *max_depth, *now_ms)
        }
        Write::Expired {
            events,
            swept,
            max_depth,
            now_ms,
        } => {
            for m in swept {
                forget(txn, m)?;
            }
            push(txn, events, *max_depth, *now_ms)
        }
        Write::Settle(done) => {
            let mut queue = txn.open_table(QUEUE)?;
            let mut ids = txn.open_table(IDS)?;
            for (claimed, settle) in done {
                let id = claimed.item.id.as_str();
                queue.remove((claimed.due, id))?;
                match settle {
                    Settle::Remove => {
                        ids.remove(id)?;
                    }
                    Settle::Retry { at_ms, item } => {
                        let json = serde_json::to_vec(item).unwrap_or_default();
                        queue.insert((*at_ms, id), json.as_slice())?;
                        ids.insert(id, *at_ms)?;
                    }
                }
            }
            Ok(done.len())
        }
    }
}

/// Queues the events `op`'s outcome makes, in its transaction.
pub(super) fn after(
    txn: &WriteTransaction,
    secrets: &Table<&str, &[u8]>,
    op: &Op,
    outcome: &Outcome,
    now: u64,
    how: &InDecisions,
) -> Result<(), redb::Error> {
    let now_ms = crate::webhook::now_ms();
    let meta = |name: String| -> Result<Option<Meta>, redb::Error> {
        Ok(txn
            .open_table(META)?
            .get(name.as_str())?
            .and_then(|v| serde_json::from_slice(v.value()).ok()))
    };
    let made = match (op, outcome) {
        (
            Op::PutWithReceipt {
                key,
                expires_at,
                views,
                receipt,
                ..
            },
            Outcome::Unit,
        ) => Some(rules::created(
            receipt,
            key,
            *expires_at,
            *views,
            now,
            now_ms,
        )),
        (Op::Take { key, .. }, Outcome::Take(Take::Taken { views_left })) => {
            meta(meta_by_key(&key_hash(key)))?.map(|m| rules::viewed(m, *views_left, now, now_ms))
        }
        (Op::FailAttempt { key, .. }, Outcome::Attempt(attempt)) => {
            let left = match attempt {
                Attempt::Left(n) => Some(*n),
                Attempt::Destroyed => None,
                Attempt::Gone => return Ok(()),
            };
            // A wrong passphrase uses no view; say how many are left.
            let views_left = secrets
                .get(key.as_str())?
                .and_then(|row| decode_live(row.value(), now))
                .map_or(0, |r| r.views_left);
            meta(meta_by_key(&key_hash(key)))?
                .map(|m| rules::failed(m, left, views_left, now, now_ms))
        }
        (Op::Burn { hash, .. }, Outcome::Receipt(Some((record, _))))
            if record.state == State::Burned.code() =>
        {
            meta(meta_by_receipt(&receipt_id(*hash)))?.map(|m| rules::burned(m, now, now_ms))
        }
        _ => None,
    };
    let Some((events, change)) = made else {
        return Ok(());
    };
    let n = events.len();
    let queued = apply(
        txn,
        &Write::Enqueue {
            events,
            meta: change,
            max_depth: how.max_depth,
            now_ms,
        },
    )?;
    if queued < n {
        how.metrics
            .webhook_dropped(WebhookDrop::QueueFull, n - queued);
        tracing::warn!(
            dropped = n - queued,
            queue_max = how.max_depth,
            "webhook queue full (HUSHLINK_WEBHOOK_QUEUE_MAX): events dropped"
        );
    }
    Ok(())
}

fn forget(txn: &WriteTransaction, m: &Meta) -> Result<(), redb::Error> {
    let mut table = txn.open_table(META)?;
    table.remove(meta_by_key(&m.kh).as_str())?;
    table.remove(meta_by_receipt(&m.rid).as_str())?;
    txn.open_table(EXPIRY)?.remove((m.exp, m.kh.as_str()))?;
    Ok(())
}

/// Queues events under the bound; one already waiting is kept as it is.
fn push(
    txn: &WriteTransaction,
    events: &[Queued],
    max_depth: u64,
    now_ms: u64,
) -> Result<usize, redb::Error> {
    let mut queue = txn.open_table(QUEUE)?;
    let mut ids = txn.open_table(IDS)?;
    let mut queued = 0;
    for event in events {
        if ids.get(event.id.as_str())?.is_some() {
            queued += 1;
            continue;
        }
        if queue.len()? >= max_depth {
            continue;
        }
        let json = serde_json::to_vec(event).unwrap_or_default();
        queue.insert((now_ms, event.id.as_str()), json.as_slice())?;
        ids.insert(event.id.as_str(), now_ms)?;
        queued += 1;
    }
    Ok(queued)
}

impl EmbeddedStore {
    async fn hooks_write(&self, write: Write) -> Result<usize, StoreError> {
        self.send(|reply| Op::Hooks { write, reply }).await?
    }
}

#[async_trait]
impl WebhookQueue for EmbeddedStore {
    /// Always: the writer makes the events inside each decision's transaction.
    fn make_events_in_decisions(&self, how: InDecisions) -> bool {
        // Set once, at start-up; a second call changes nothing.
        let _ = self.shared.webhooks.set(how);
        true
    }

    async fn enqueue(
        &self,
        events: Vec<Queued>,
        meta: MetaChange,
        max_depth: u64,
        now_ms: u64,
    ) -> Result<usize, StoreError> {
        self.hooks_write(Write::Enqueue {
            events,
            meta,
            max_depth,
            now_ms,
        })
        .await
    }

    async fn meta(&self, name: &str) -> Result<Option<Meta>, StoreError> {
        let name = name.to_owned();
        self.read(move |txn| {
            let table = txn.open_table(META).map_err(internal)?;
            Ok(table
                .get(name.as_str())
                .map_err(internal)?
                .and_then(|v| serde_json::from_slice(v.value()).ok()))
        })
        .await
    }

    async fn claim(
        &self,
        now_ms: u64,
        _lease_until_ms: u64,
        max: usize,
    ) -> Result<Vec<Claimed>, StoreError> {
        self.read(move |txn| {
            let table = txn.open_table(QUEUE).map_err(internal)?;
            let mut out = Vec::new();
            for entry in table.range(..(now_ms + 1, "")).map_err(internal)?.take(max) {
                let (k, v) = entry.map_err(internal)?;
                if let Ok(item) = serde_json::from_slice::<Queued>(v.value()) {
                    out.push(Claimed {
                        due: k.value().0,
                        item,
                    });
                }
            }
            Ok(out)
        })
        .await
    }

    async fn settle(&self, done: Vec<(Claimed, Settle)>) -> Result<(), StoreError> {
        if done.is_empty() {
            return Ok(());
        }
        self.hooks_write(Write::Settle(done)).await.map(|_| ())
    }

    async fn claim_expiries(
        &self,
        now: u64,
        _lease_until: u64,
        max: usize,
    ) -> Result<Vec<Meta>, StoreError> {
        self.read(move |txn| {
            let expiry = txn.open_table(EXPIRY).map_err(internal)?;
            let meta = txn.open_table(META).map_err(internal)?;
            let mut out = Vec::new();
            for entry in expiry.range(..(now + 1, "")).map_err(internal)?.take(max) {
                let (k, _) = entry.map_err(internal)?;
                let (exp, kh) = k.value();
                let found = meta
                    .get(meta_by_key(kh).as_str())
                    .map_err(internal)?
                    .and_then(|v| serde_json::from_slice::<Meta>(v.value()).ok());
                // An entry whose meta is gone (or unreadable) is swept too.
                out.push(found.unwrap_or_else(|| Meta {
                    rid: String::new(),
                    kh: kh.to_owned(),
                    rh: String::new(),
                    exp,
                    key: None,
                    sender: None,
                }));
            }
            Ok(out)
        })
        .await
    }

    async fn expired(
        &self,
        events: Vec<Queued>,
        swept: Vec<Meta>,
        max_depth: u64,
        now_ms: u64,
    ) -> Result<usize, StoreError> {
        self.hooks_write(Write::Expired {
            events,
            swept,
            max_depth,
            now_ms,
        })
        .await
    }

    async fn depth(&self) -> Result<u64, StoreError> {
        self.read(|txn| {
            txn.open_table(QUEUE)
                .map_err(internal)?
                .len()
                .map_err(internal)
        })
        .await
    }
}
