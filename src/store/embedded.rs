//! The embedded store: one redb file, durable, with group commit.
//!
//! All writes go through one writer thread. It takes every write waiting in
//! its queue (up to `MAX_BATCH`), applies them in a single write transaction
//! and commits once, so one fsync acknowledges many requests: the store is
//! both durable (nothing is answered before its commit is on disk) and fast
//! under load. Commits use redb's two-phase commit, which its design notes
//! advise when the data (here, attacker-chosen bytes) could be crafted to
//! collide with the checksum of the one-phase scheme.
//!
//! Reads (`peek`) use redb's MVCC read transactions and never wait for the
//! writer. Expired secrets are invisible to reads at once and deleted by a
//! background purge that an owned drop guard stops with the store.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use tokio::sync::{mpsc, oneshot};

use super::{
    Attempt, BootstrapMark, KeyChange, KeyRecord, KeySet, KeyStore, ReceiptRead, ReceiptStore,
    Record, SecretStore, StoreError, Take,
};
use crate::apikey::{KeyHash, KeyName};
use crate::receipt::{NewReceipt, ReceiptHash};
use crate::secret::{Ttl, Views};
use crate::token::StorageKey;

/// storage key -> `expires_at (u64 BE) | views_left (u32 BE) | sealed value`.
const SECRETS: TableDefinition<&str, &[u8]> = TableDefinition::new("secrets");
/// (expires_at, storage key) -> (): lets the purge find expired secrets in order.
const EXPIRY: TableDefinition<(u64, &str), ()> = TableDefinition::new("expiry");

/// API key name -> JSON `KeyRecord`.
const KEYS: TableDefinition<&str, &[u8]> = TableDefinition::new("api_keys");
/// SHA-256 hex of a key -> its name: the lookup an authenticated request makes.
const KEY_HASHES: TableDefinition<&str, &str> = TableDefinition::new("api_key_hashes");
/// API key name -> unix seconds of its last use.
const KEY_LAST_USED: TableDefinition<&str, u64> = TableDefinition::new("api_key_last_used");
/// `version` (u64 BE) and `bootstrapped` (JSON `BootstrapMark`).
const KEY_META: TableDefinition<&str, &[u8]> = TableDefinition::new("api_key_meta");
const META_VERSION: &str = "version";
const META_BOOTSTRAPPED: &str = "bootstrapped";

/// (expires_at, storage key) -> wrong proofs of a zero-knowledge secret.
/// Keyed by expiry like `EXPIRY`, so the purge drops counters with their
/// secrets' lifetimes (see `zk_attempts`).
const ZK_ATTEMPTS: TableDefinition<(u64, &str), u32> = TableDefinition::new("zk_attempts");

const HEADER_LEN: usize = 12;
/// The most writes folded into one commit; bounds the latency of a batch.
const MAX_BATCH: usize = 512;
/// The database file inside the data directory.
pub const FILE_NAME: &str = "hushlink.redb";

/// A write for the writer thread, with where to send its answer.
enum Op {
    Put {
        key: String,
        expires_at: u64,
        views: u32,
        value: Vec<u8>,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    Take {
        key: String,
        expected: Vec<u8>,
        reply: oneshot::Sender<Result<Take, StoreError>>,
    },
    Purge {
        reply: oneshot::Sender<Result<usize, StoreError>>,
    },
    FailAttempt {
        key: String,
        limit: u32,
        reply: oneshot::Sender<Result<Attempt, StoreError>>,
    },
    CommitKeys {
        version: u64,
        changes: Vec<KeyChange>,
        bootstrap: Option<BootstrapMark>,
        reply: oneshot::Sender<Result<bool, StoreError>>,
    },
    TouchKey {
        name: KeyName,
        at: u64,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    ResetBootstrap {
        reply: oneshot::Sender<Result<bool, StoreError>>,
    },
    Close {
        reply: oneshot::Sender<()>,
    },
    PutWithReceipt {
        key: String,
        expires_at: u64,
        views: u32,
        value: Vec<u8>,
        receipt: NewReceipt,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    Burn {
        hash: ReceiptHash,
        reply: oneshot::Sender<Result<ReceiptRead, StoreError>>,
    },
}

/// The embedded, durable secret store.
pub struct EmbeddedStore {
    db: Arc<Database>,
    writer: mpsc::UnboundedSender<Op>,
    path: PathBuf,
    _purge: PurgeGuard,
}

/// Owns the background purge task; dropping the store stops it.
struct PurgeGuard(tokio::task::JoinHandle<()>);

impl Drop for PurgeGuard {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl EmbeddedStore {
    /// Opens (or creates) the store in `data_dir` and starts its writer
    /// thread and a purge of expired secrets every `purge_every`.
    pub fn open(data_dir: &Path, purge_every: Duration) -> Result<Self, StoreError> {
        std::fs::create_dir_all(data_dir).map_err(|e| {
            StoreError::Internal(format!(
                "cannot create data directory {}: {e}",
                data_dir.display()
            ))
        })?;
        restrict_permissions(data_dir);
        let path = data_dir.join(FILE_NAME);
        let db = Database::create(&path)
            .map_err(|e| StoreError::Internal(format!("cannot open {}: {e}", path.display())))?;
        // Create the tables up front, so read transactions never find them missing.
        let txn = db.begin_write().map_err(internal)?;
        {
            txn.open_table(SECRETS).map_err(internal)?;
            txn.open_table(EXPIRY).map_err(internal)?;
            txn.open_table(KEYS).map_err(internal)?;
            txn.open_table(KEY_HASHES).map_err(internal)?;
            txn.open_table(KEY_LAST_USED).map_err(internal)?;
            txn.open_table(KEY_META).map_err(internal)?;
            txn.open_table(ZK_ATTEMPTS).map_err(internal)?;
            receipts::create_tables(&txn).map_err(internal)?;
        }
        txn.commit().map_err(internal)?;

        let db = Arc::new(db);
        let (tx, rx) = mpsc::unbounded_channel();
        let writer_db = Arc::clone(&db);
        std::thread::Builder::new()
            .name("hushlink-writer".into())
            .spawn(move || writer_loop(writer_db, rx))
            .map_err(|e| StoreError::Internal(format!("cannot start writer thread: {e}")))?;

        let purge_tx = tx.clone();
        let purge = tokio::spawn(async move {
            let mut tick = tokio::time::interval(purge_every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let (reply, answer) = oneshot::channel();
                if purge_tx.send(Op::Purge { reply }).is_err() {
                    return;
                }
                match answer.await {
                    Ok(Ok(0)) => {}
                    Ok(Ok(n)) => tracing::debug!(purged = n, "purged expired secrets"),
                    Ok(Err(e)) => tracing::warn!(error = %e, "purge of expired secrets failed"),
                    Err(_) => return,
                }
            }
        });

        Ok(EmbeddedStore {
            db,
            writer: tx,
            path,
            _purge: PurgeGuard(purge),
        })
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs a read transaction off the async threads.
    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&redb::ReadTransaction) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || {
            let txn = db.begin_read().map_err(internal)?;
            f(&txn)
        })
        .await
        .map_err(|e| StoreError::Internal(e.to_string()))?
    }

    async fn send<T>(&self, op: impl FnOnce(oneshot::Sender<T>) -> Op) -> Result<T, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.writer.send(op(reply)).map_err(|_| closed())?;
        answer.await.map_err(|_| closed())
    }
}

#[async_trait]
impl SecretStore for EmbeddedStore {
    async fn put(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
    ) -> Result<(), StoreError> {
        let expires_at = now_secs().saturating_add(ttl.secs());
        let (key, value, views) = (key.as_str().to_owned(), value.to_vec(), views.get());
        self.send(|reply| Op::Put {
            key,
            expires_at,
            views,
            value,
            reply,
        })
        .await?
    }

    async fn peek(&self, key: &StorageKey) -> Result<Option<Record>, StoreError> {
        let key = key.as_str().to_owned();
        self.read(move |txn| {
            let table = txn.open_table(SECRETS).map_err(internal)?;
            let found = table.get(key.as_str()).map_err(internal)?;
            Ok(found.and_then(|v| decode_live(v.value(), now_secs())))
        })
        .await
    }

    async fn take(&self, key: &StorageKey, expected: &[u8]) -> Result<Take, StoreError> {
        let (key, expected) = (key.as_str().to_owned(), expected.to_vec());
        self.send(|reply| Op::Take {
            key,
            expected,
            reply,
        })
        .await?
    }

    async fn fail_attempt(&self, key: &StorageKey, limit: u32) -> Result<Attempt, StoreError> {
        let key = key.as_str().to_owned();
        self.send(|reply| Op::FailAttempt { key, limit, reply })
            .await?
    }

    async fn attempts(&self, key: &StorageKey) -> Result<u32, StoreError> {
        let key = key.as_str().to_owned();
        self.read(move |txn| {
            let secrets = txn.open_table(SECRETS).map_err(internal)?;
            let Some(row) = secrets.get(key.as_str()).map_err(internal)? else {
                return Ok(0);
            };
            let expires_at = read_u64(row.value());
            let attempts = txn.open_table(ZK_ATTEMPTS).map_err(internal)?;
            let n = attempts.get((expires_at, key.as_str())).map_err(internal)?;
            Ok(n.map_or(0, |n| n.value()))
        })
        .await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        if self.writer.is_closed() {
            return Err(closed());
        }
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || db.begin_read().map(|_| ()).map_err(internal))
            .await
            .map_err(|e| StoreError::Internal(e.to_string()))?
    }

    async fn close(&self) {
        // The writer finishes the batch it holds, then stops; every write
        // answered before this returns is committed.
        let _ = self.send(|reply| Op::Close { reply }).await;
    }

    fn kind(&self) -> &'static str {
        "embedded"
    }
}

#[async_trait]
impl ReceiptStore for EmbeddedStore {
    async fn put_with_receipt(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: NewReceipt,
    ) -> Result<(), StoreError> {
        let expires_at = now_secs().saturating_add(ttl.secs());
        let (key, value, views) = (key.as_str().to_owned(), value.to_vec(), views.get());
        self.send(|reply| Op::PutWithReceipt {
            key,
            expires_at,
            views,
            value,
            receipt,
            reply,
        })
        .await?
    }

    async fn receipt(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        self.read(move |txn| receipts::read(txn, hash, now_secs()).map_err(internal))
            .await
    }

    async fn burn(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        self.send(|reply| Op::Burn { hash, reply }).await?
    }
}

#[async_trait]
impl KeyStore for EmbeddedStore {
    async fn key_by_hash(&self, hash: &KeyHash) -> Result<Option<KeyRecord>, StoreError> {
        let hash = hash.to_hex();
        self.read(move |txn| {
            let hashes = txn.open_table(KEY_HASHES).map_err(internal)?;
            let Some(name) = hashes.get(hash.as_str()).map_err(internal)? else {
                return Ok(None);
            };
            let keys = txn.open_table(KEYS).map_err(internal)?;
            let record = keys.get(name.value()).map_err(internal)?;
            record.map(|r| decode_key(r.value())).transpose()
        })
        .await
    }

    async fn key_set(&self) -> Result<KeySet, StoreError> {
        self.read(|txn| {
            let mut set = KeySet::default();
            let meta = txn.open_table(KEY_META).map_err(internal)?;
            if let Some(v) = meta.get(META_VERSION).map_err(internal)? {
                set.version = read_u64(v.value());
            }
            if let Some(v) = meta.get(META_BOOTSTRAPPED).map_err(internal)? {
                set.bootstrapped = Some(serde_json::from_slice(v.value()).map_err(internal)?);
            }
            let keys = txn.open_table(KEYS).map_err(internal)?;
            for entry in keys.iter().map_err(internal)? {
                let (_, v) = entry.map_err(internal)?;
                set.keys.push(decode_key(v.value())?);
            }
            let used = txn.open_table(KEY_LAST_USED).map_err(internal)?;
            for entry in used.iter().map_err(internal)? {
                let (k, v) = entry.map_err(internal)?;
                set.last_used.insert(k.value().to_owned(), v.value());
            }
            Ok(set)
        })
        .await
    }

    async fn commit_keys(
        &self,
        version: u64,
        changes: Vec<KeyChange>,
        bootstrap: Option<BootstrapMark>,
    ) -> Result<bool, StoreError> {
        self.send(|reply| Op::CommitKeys {
            version,
            changes,
            bootstrap,
            reply,
        })
        .await?
    }

    async fn touch_key(&self, name: &KeyName, at: u64) -> Result<(), StoreError> {
        let name = name.clone();
        self.send(|reply| Op::TouchKey { name, at, reply }).await?
    }

    async fn reset_bootstrap(&self) -> Result<bool, StoreError> {
        self.send(|reply| Op::ResetBootstrap { reply }).await?
    }
}

fn decode_key(bytes: &[u8]) -> Result<KeyRecord, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError::Internal(format!("bad key record: {e}")))
}

/// Applies key changes inside the writer's transaction, if the version still
/// matches. Returns whether it did.
fn commit_keys_in(
    txn: &redb::WriteTransaction,
    version: u64,
    changes: Vec<KeyChange>,
    bootstrap: Option<BootstrapMark>,
) -> Result<bool, redb::Error> {
    let mut meta = txn.open_table(KEY_META)?;
    let current = meta
        .get(META_VERSION)?
        .map(|v| read_u64(v.value()))
        .unwrap_or(0);
    if current != version {
        return Ok(false);
    }
    if let Some(mark) = bootstrap {
        if meta.get(META_BOOTSTRAPPED)?.is_some() {
            return Ok(false);
        }
        let json = serde_json::to_vec(&mark).unwrap_or_default();
        meta.insert(META_BOOTSTRAPPED, json.as_slice())?;
    }
    let mut keys = txn.open_table(KEYS)?;
    let mut hashes = txn.open_table(KEY_HASHES)?;
    let mut used = txn.open_table(KEY_LAST_USED)?;
    for change in changes {
        let name = match &change {
            KeyChange::Put(record) => record.name.as_str().to_owned(),
            KeyChange::Delete(name) => name.as_str().to_owned(),
        };
        let old_hash = keys
            .get(name.as_str())?
            .and_then(|v| decode_key(v.value()).ok())
            .map(|r| r.hash);
        if let Some(old_hash) = old_hash {
            hashes.remove(old_hash.as_str())?;
        }
        match change {
            KeyChange::Put(record) => {
                let json = serde_json::to_vec(&record).unwrap_or_default();
                keys.insert(name.as_str(), json.as_slice())?;
                hashes.insert(record.hash.as_str(), name.as_str())?;
            }
            KeyChange::Delete(_) => {
                keys.remove(name.as_str())?;
                used.remove(name.as_str())?;
            }
        }
    }
    meta.insert(META_VERSION, (version + 1).to_be_bytes().as_slice())?;
    Ok(true)
}

/// The writer thread: drains the queue into batches, one commit per batch.
fn writer_loop(db: Arc<Database>, mut rx: mpsc::UnboundedReceiver<Op>) {
    while let Some(first) = rx.blocking_recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(op) => batch.push(op),
                Err(_) => break,
            }
        }
        let close = apply_batch(&db, batch);
        if let Some(reply) = close {
            drop(db);
            let _ = reply.send(());
            return;
        }
    }
}

/// An answer held back until its batch is committed.
enum Pending {
    Put(oneshot::Sender<Result<(), StoreError>>),
    Take(oneshot::Sender<Result<Take, StoreError>>, Take),
    Attempt(oneshot::Sender<Result<Attempt, StoreError>>, Attempt),
    Purge(oneshot::Sender<Result<usize, StoreError>>, usize),
    Bool(oneshot::Sender<Result<bool, StoreError>>, bool),
    Unit(oneshot::Sender<Result<(), StoreError>>),
    Receipt(
        oneshot::Sender<Result<ReceiptRead, StoreError>>,
        ReceiptRead,
    ),
}

/// Applies a batch in one transaction and answers every op after the commit.
/// Returns the reply of a `Close` found in the batch.
fn apply_batch(db: &Database, batch: Vec<Op>) -> Option<oneshot::Sender<()>> {
    let mut pending = Vec::with_capacity(batch.len());
    let mut close = None;
    let now = now_secs();
    let result = (|| -> Result<(), redb::Error> {
        let mut txn = db.begin_write()?;
        txn.set_two_phase_commit(true);
        {
            let mut secrets = txn.open_table(SECRETS)?;
            let mut expiry = txn.open_table(EXPIRY)?;
            for op in batch {
                match op {
                    Op::Put {
                        key,
                        expires_at,
                        views,
                        value,
                        reply,
                    } => {
                        let mut row = Vec::with_capacity(HEADER_LEN + value.len());
                        row.extend_from_slice(&expires_at.to_be_bytes());
                        row.extend_from_slice(&views.to_be_bytes());
                        row.extend_from_slice(&value);
                        secrets.insert(key.as_str(), row.as_slice())?;
                        expiry.insert((expires_at, key.as_str()), ())?;
                        pending.push(Pending::Put(reply));
                    }
                    Op::Take {
                        key,
                        expected,
                        reply,
                    } => {
                        let current = secrets.get(key.as_str())?.map(|v| v.value().to_vec());
                        let outcome =
                            match current.as_deref().map(|row| (row, decode_live(row, now))) {
                                Some((row, Some(record))) if record.value == expected => {
                                    let expires_at = read_u64(row);
                                    let left = record.views_left - 1;
                                    if left == 0 {
                                        secrets.remove(key.as_str())?;
                                        expiry.remove((expires_at, key.as_str()))?;
                                    } else {
                                        let mut row = row.to_vec();
                                        row[8..HEADER_LEN].copy_from_slice(&left.to_be_bytes());
                                        secrets.insert(key.as_str(), row.as_slice())?;
                                    }
                                    receipts::viewed(&txn, &key, left, now)?;
                                    Take::Taken { views_left: left }
                                }
                                _ => Take::Gone,
                            };
                        pending.push(Pending::Take(reply, outcome));
                    }
                    Op::Purge { reply } => {
                        let expired: Vec<(u64, String)> = expiry
                            .range(..(now + 1, ""))?
                            .map(|entry| entry.map(|(k, _)| (k.value().0, k.value().1.to_owned())))
                            .collect::<Result<_, _>>()?;
                        for (at, key) in &expired {
                            expiry.remove((*at, key.as_str()))?;
                            // Only remove the secret if this index entry is its current one.
                            let stale = secrets
                                .get(key.as_str())?
                                .map(|v| read_u64(v.value()) == *at);
                            if stale == Some(true) {
                                secrets.remove(key.as_str())?;
                            }
                        }
                        zk_attempts::purge(&txn, now)?;
                        receipts::purge(&txn, now)?;
                        pending.push(Pending::Purge(reply, expired.len()));
                    }
                    Op::FailAttempt { key, limit, reply } => {
                        let outcome =
                            zk_attempts::fail(&txn, &mut secrets, &mut expiry, &key, limit, now)?;
                        receipts::failed(&txn, &key, outcome, now)?;
                        pending.push(Pending::Attempt(reply, outcome));
                    }
                    Op::CommitKeys {
                        version,
                        changes,
                        bootstrap,
                        reply,
                    } => {
                        let done = commit_keys_in(&txn, version, changes, bootstrap)?;
                        pending.push(Pending::Bool(reply, done));
                    }
                    Op::TouchKey { name, at, reply } => {
                        let exists = txn.open_table(KEYS)?.get(name.as_str())?.is_some();
                        if exists {
                            txn.open_table(KEY_LAST_USED)?.insert(name.as_str(), at)?;
                        }
                        pending.push(Pending::Unit(reply));
                    }
                    Op::ResetBootstrap { reply } => {
                        let mut meta = txn.open_table(KEY_META)?;
                        let existed = meta.remove(META_BOOTSTRAPPED)?.is_some();
                        let version = meta
                            .get(META_VERSION)?
                            .map(|v| read_u64(v.value()))
                            .unwrap_or(0);
                        meta.insert(META_VERSION, (version + 1).to_be_bytes().as_slice())?;
                        pending.push(Pending::Bool(reply, existed));
                    }
                    Op::Close { reply } => close = Some(reply),
                    Op::PutWithReceipt {
                        key,
                        expires_at,
                        views,
                        value,
                        receipt,
                        reply,
                    } => {
                        let new = receipts::NewSecret {
                            key: &key,
                            expires_at,
                            views,
                            value: &value,
                        };
                        receipts::put(&txn, &mut secrets, &mut expiry, new, receipt, now)?;
                        pending.push(Pending::Put(reply));
                    }
                    Op::Burn { hash, reply } => {
                        let read = receipts::burn(&txn, &mut secrets, &mut expiry, hash, now)?;
                        pending.push(Pending::Receipt(reply, read));
                    }
                }
            }
        }
        txn.commit()?;
        Ok(())
    })();

    match result {
        Ok(()) => {
            for p in pending {
                match p {
                    Pending::Put(r) => drop(r.send(Ok(()))),
                    Pending::Take(r, outcome) => drop(r.send(Ok(outcome))),
                    Pending::Attempt(r, outcome) => drop(r.send(Ok(outcome))),
                    Pending::Purge(r, n) => drop(r.send(Ok(n))),
                    Pending::Bool(r, b) => drop(r.send(Ok(b))),
                    Pending::Unit(r) => drop(r.send(Ok(()))),
                    Pending::Receipt(r, read) => drop(r.send(Ok(read))),
                }
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "embedded store commit failed");
            let err = || StoreError::Internal(format!("commit failed: {e}"));
            for p in pending {
                match p {
                    Pending::Put(r) => drop(r.send(Err(err()))),
                    Pending::Take(r, _) => drop(r.send(Err(err()))),
                    Pending::Attempt(r, _) => drop(r.send(Err(err()))),
                    Pending::Purge(r, _) => drop(r.send(Err(err()))),
                    Pending::Bool(r, _) => drop(r.send(Err(err()))),
                    Pending::Unit(r) => drop(r.send(Err(err()))),
                    Pending::Receipt(r, _) => drop(r.send(Err(err()))),
                }
            }
        }
    }
    close
}

/// Wrong-proof counters of zero-knowledge secrets, inside the writer's
/// transaction: self-contained so the rest of the writer is untouched.
mod zk_attempts {
    use redb::{ReadableTable, Table, WriteTransaction};

    use super::{Attempt, ZK_ATTEMPTS, decode_live, read_u64};

    /// Counts one wrong proof; at `limit` removes the secret, its expiry
    /// entry and the counter.
    pub(super) fn fail(
        txn: &WriteTransaction,
        secrets: &mut Table<&str, &[u8]>,
        expiry: &mut Table<(u64, &str), ()>,
        key: &str,
        limit: u32,
        now: u64,
    ) -> Result<Attempt, redb::Error> {
        let expires_at = match secrets.get(key)? {
            Some(row) if decode_live(row.value(), now).is_some() => read_u64(row.value()),
            _ => return Ok(Attempt::Gone),
        };
        let mut attempts = txn.open_table(ZK_ATTEMPTS)?;
        let n = attempts
            .get((expires_at, key))?
            .map_or(0, |v| v.value())
            .saturating_add(1);
        if n >= limit {
            attempts.remove((expires_at, key))?;
            secrets.remove(key)?;
            expiry.remove((expires_at, key))?;
            return Ok(Attempt::Destroyed);
        }
        attempts.insert((expires_at, key), n)?;
        Ok(Attempt::Left(limit - n))
    }

    /// Drops the counters of secrets whose lifetime is over.
    pub(super) fn purge(txn: &WriteTransaction, now: u64) -> Result<(), redb::Error> {
        let mut attempts = txn.open_table(ZK_ATTEMPTS)?;
        let expired: Vec<(u64, String)> = attempts
            .range(..(now + 1, ""))?
            .map(|entry| entry.map(|(k, _)| (k.value().0, k.value().1.to_owned())))
            .collect::<Result<_, _>>()?;
        for (at, key) in &expired {
            attempts.remove((*at, key.as_str()))?;
        }
        Ok(())
    }
}

/// Receipts inside the writer's transaction (and one read transaction):
/// self-contained, so the rest of the writer only calls in at the points
/// where a secret's life changes.
mod receipts {
    use redb::{ReadTransaction, ReadableTable, Table, TableDefinition, WriteTransaction};
    use serde::{Deserialize, Serialize};

    use super::{Attempt, HEADER_LEN, ReceiptRead, ZK_ATTEMPTS, decode_live, read_u64};
    use crate::receipt::{EventKind, NewReceipt, ReceiptHash, ReceiptRecord, State};

    /// Receipt hash (hex) -> JSON [`Stored`].
    const RECEIPTS: TableDefinition<&str, &[u8]> = TableDefinition::new("receipts");
    /// Storage key -> the hash of its receipt: how a take finds it.
    const RECEIPT_OF: TableDefinition<&str, &str> = TableDefinition::new("receipt_of");
    /// (drop_at, receipt hash) -> (): lets the purge drop receipts in order.
    const RECEIPT_DROP: TableDefinition<(u64, &str), ()> = TableDefinition::new("receipt_drop");

    #[derive(Serialize, Deserialize)]
    struct Stored {
        key: String,
        drop_at: u64,
        record: ReceiptRecord,
    }

    pub(super) struct NewSecret<'a> {
        pub key: &'a str,
        pub expires_at: u64,
        pub views: u32,
        pub value: &'a [u8],
    }

    pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), redb::Error> {
        txn.open_table(RECEIPTS)?;
        txn.open_table(RECEIPT_OF)?;
        txn.open_table(RECEIPT_DROP)?;
        Ok(())
    }

    fn decode(bytes: &[u8]) -> Result<Stored, redb::Error> {
        serde_json::from_slice(bytes)
            .map_err(|e| redb::Error::Corrupted(format!("bad receipt record: {e}")))
    }

    fn save(txn: &WriteTransaction, hash: &str, stored: &Stored) -> Result<(), redb::Error> {
        let json = serde_json::to_vec(stored).unwrap_or_default();
        txn.open_table(RECEIPTS)?.insert(hash, json.as_slice())?;
        Ok(())
    }

    /// Stores a secret (as `Op::Put` does) and its receipt.
    pub(super) fn put(
        txn: &WriteTransaction,
        secrets: &mut Table<&str, &[u8]>,
        expiry: &mut Table<(u64, &str), ()>,
        new: NewSecret<'_>,
        receipt: NewReceipt,
        now: u64,
    ) -> Result<(), redb::Error> {
        let mut row = Vec::with_capacity(HEADER_LEN + new.value.len());
        row.extend_from_slice(&new.expires_at.to_be_bytes());
        row.extend_from_slice(&new.views.to_be_bytes());
        row.extend_from_slice(new.value);
        secrets.insert(new.key, row.as_slice())?;
        expiry.insert((new.expires_at, new.key), ())?;

        let hash = receipt.hash.to_hex();
        let drop_at = new.expires_at.saturating_add(receipt.retention_secs);
        let stored = Stored {
            key: new.key.to_owned(),
            drop_at,
            record: ReceiptRecord::new(now, new.expires_at, new.views),
        };
        save(txn, &hash, &stored)?;
        txn.open_table(RECEIPT_OF)?.insert(new.key, hash.as_str())?;
        txn.open_table(RECEIPT_DROP)?
            .insert((drop_at, hash.as_str()), ())?;
        Ok(())
    }

    /// The receipt of `key`, if it has one, changed by `change`.
    fn update(
        txn: &WriteTransaction,
        key: &str,
        change: impl FnOnce(&mut ReceiptRecord),
    ) -> Result<(), redb::Error> {
        let hash = match txn.open_table(RECEIPT_OF)?.get(key)? {
            Some(h) => h.value().to_owned(),
            None => return Ok(()),
        };
        let found = txn
            .open_table(RECEIPTS)?
            .get(hash.as_str())?
            .map(|v| decode(v.value()))
            .transpose()?;
        if let Some(mut stored) = found {
            change(&mut stored.record);
            save(txn, &hash, &stored)?;
        }
        Ok(())
    }

    /// A view was taken (inside the take's own decision).
    pub(super) fn viewed(
        txn: &WriteTransaction,
        key: &str,
        views_left: u32,
        now: u64,
    ) -> Result<(), redb::Error> {
        update(txn, key, |r| r.viewed(views_left, now))
    }

    /// A wrong proof was counted (inside `fail_attempt`'s decision).
    pub(super) fn failed(
        txn: &WriteTransaction,
        key: &str,
        outcome: Attempt,
        now: u64,
    ) -> Result<(), redb::Error> {
        match outcome {
            Attempt::Gone => Ok(()),
            Attempt::Left(_) => update(txn, key, |r| r.push(EventKind::PassphraseFailed, now)),
            Attempt::Destroyed => update(txn, key, |r| {
                r.push(EventKind::PassphraseFailed, now);
                r.push(EventKind::Destroyed, now);
                r.state = State::Destroyed.code().to_owned();
            }),
        }
    }

    /// Destroys the secret of the receipt `hash` if it still lives.
    pub(super) fn burn(
        txn: &WriteTransaction,
        secrets: &mut Table<&str, &[u8]>,
        expiry: &mut Table<(u64, &str), ()>,
        hash: ReceiptHash,
        now: u64,
    ) -> Result<ReceiptRead, redb::Error> {
        let hash = hash.to_hex();
        let found = txn
            .open_table(RECEIPTS)?
            .get(hash.as_str())?
            .map(|v| decode(v.value()))
            .transpose()?;
        let Some(mut stored) = found.filter(|s| s.drop_at > now) else {
            return Ok(None);
        };
        let key = stored.key.as_str();
        let live_expiry = match secrets.get(key)? {
            Some(row) if decode_live(row.value(), now).is_some() => Some(read_u64(row.value())),
            _ => None,
        };
        if let Some(expires_at) = live_expiry
            && stored.record.state == State::Available.code()
        {
            secrets.remove(key)?;
            expiry.remove((expires_at, key))?;
            txn.open_table(ZK_ATTEMPTS)?.remove((expires_at, key))?;
            stored.record.push(EventKind::Burned, now);
            stored.record.state = State::Burned.code().to_owned();
            save(txn, &hash, &stored)?;
            return Ok(Some((stored.record, false)));
        }
        Ok(Some((stored.record, live_expiry.is_some())))
    }

    /// Drops receipts past their retention, and their index entries.
    pub(super) fn purge(txn: &WriteTransaction, now: u64) -> Result<(), redb::Error> {
        let mut drops = txn.open_table(RECEIPT_DROP)?;
        let due: Vec<(u64, String)> = drops
            .range(..(now + 1, ""))?
            .map(|entry| entry.map(|(k, _)| (k.value().0, k.value().1.to_owned())))
            .collect::<Result<_, _>>()?;
        let mut receipts = txn.open_table(RECEIPTS)?;
        let mut index = txn.open_table(RECEIPT_OF)?;
        for (at, hash) in &due {
            drops.remove((*at, hash.as_str()))?;
            let removed = receipts.remove(hash.as_str())?.map(|v| decode(v.value()));
            if let Some(Ok(stored)) = removed {
                let points_here = index
                    .get(stored.key.as_str())?
                    .is_some_and(|h| h.value() == hash.as_str());
                if points_here {
                    index.remove(stored.key.as_str())?;
                }
            }
        }
        Ok(())
    }

    /// A receipt and whether its secret lives, from a read transaction.
    pub(super) fn read(
        txn: &ReadTransaction,
        hash: ReceiptHash,
        now: u64,
    ) -> Result<ReceiptRead, redb::Error> {
        let found = txn
            .open_table(RECEIPTS)?
            .get(hash.to_hex().as_str())?
            .map(|v| decode(v.value()))
            .transpose()?;
        let Some(stored) = found.filter(|s| s.drop_at > now) else {
            return Ok(None);
        };
        let live = txn
            .open_table(super::SECRETS)?
            .get(stored.key.as_str())?
            .is_some_and(|row| decode_live(row.value(), now).is_some());
        Ok(Some((stored.record, live)))
    }
}

/// Decodes a row, or `None` if it has expired (or is too short to be ours).
fn decode_live(row: &[u8], now: u64) -> Option<Record> {
    if row.len() < HEADER_LEN || read_u64(row) <= now {
        return None;
    }
    let views_left = u32::from_be_bytes(row[8..HEADER_LEN].try_into().ok()?);
    Some(Record {
        value: row[HEADER_LEN..].to_vec(),
        views_left,
    })
}

fn read_u64(row: &[u8]) -> u64 {
    row.get(..8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn internal(e: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(e.to_string())
}

fn closed() -> StoreError {
    StoreError::Unavailable("embedded store is closed".into())
}

/// The data directory holds every secret: only its owner may enter it.
fn restrict_permissions(dir: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Err(e) = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)) {
            tracing::warn!(error = %e, dir = %dir.display(), "cannot restrict data directory permissions");
        }
    }
}
