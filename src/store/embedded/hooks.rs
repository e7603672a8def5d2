//! The webhook queue in the embedded store: four redb tables in the same
//! file, written by the same writer thread (`Op::Hooks`), so events share
//! the durability of everything else (fsynced before the call returns) and
//! survive a restart. Only used when webhooks are on; the tables stay
//! empty otherwise.
//!
//! One process owns the file and one worker claims from it, one batch at a
//! time, so claims are plain reads here (the lease matters for Redis, where
//! several instances share the queue).

use async_trait::async_trait;
use redb::{ReadableTable, ReadableTableMetadata, TableDefinition, WriteTransaction};

use super::{EmbeddedStore, Op, internal};
use crate::store::StoreError;
use crate::webhook::event::{Meta, Queued, meta_by_key, meta_by_receipt};
use crate::webhook::queue::{Claimed, MetaChange, Settle, WebhookQueue};

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
