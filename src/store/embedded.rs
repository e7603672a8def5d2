//! The embedded store: one redb file, durable, with group commit, that
//! reuses its space, gives it back, and survives a full disk.
//!
//! **Commits.** All writes go through one writer thread. It takes every write
//! waiting in its queue (up to `MAX_BATCH`) and applies them in a single
//! write transaction (`apply`), so one fsync acknowledges many requests.
//! How that transaction is made to last depends on the batch:
//! * a batch of creates, reveals, wrong proofs, burns and key touches (the
//!   frequent writes) goes through the **write-ahead log** (`wal`,
//!   `hushlink.wal`): after `apply`, the batch's ops, its `now` and the
//!   storage quota are appended to the log as one checksummed record and
//!   `fdatasync`ed, and only then is the transaction committed to redb with
//!   `Durability::None` (visible to readers at once; on disk after the next
//!   durable commit) and the batch answered. A commit that rewrote whole
//!   redb pages (7.5–8.8 KB per request, a random leaf per create for the
//!   receipt hash index) and fsynced them becomes an append of the ops
//!   themselves (a few hundred bytes per request). The writer waits for
//!   that `fdatasync` itself: handing it to a thread of its own, so the
//!   writer could apply the next batch meanwhile, made batches a third
//!   smaller and the server 4–11% slower on two cores (each batch's redb
//!   commit paid more often; CONTRIBUTING.md, "The log's `fdatasync` off
//!   the writer's path");
//! * any other batch (the purge, key changes, the webhook queue's writes,
//!   an empty commit), every batch while webhooks are on (their events
//!   carry wall-clock times and random ids, which a replay would not
//!   reproduce), and every batch while free space is within `WAL_HEADROOM`
//!   of the floor, commits to redb durably, with two-phase commit (advised
//!   by redb's design notes when the data, here attacker-chosen bytes,
//!   could be crafted to collide with the one-phase scheme's checksum).
//!
//! A durable commit is also a **checkpoint**: redb then holds every logged
//! batch on disk, and the log is emptied. One runs every `CHECKPOINT_EVERY`
//! (5 s) while the log holds anything, when it reaches `WAL_MAX_BYTES`, before a
//! compaction and at close. Every commit writes the log sequence number of
//! the last batch it holds (`WAL_META`), so at open, and at a reopen after
//! an I/O error (both leave redb at its last durable commit), the records
//! after it are **replayed** in order through the same `apply`, with their
//! recorded `now` and quota: `apply` reads no clock and draws no random
//! number for these ops, and the receipt numbers and quota tally come from
//! the state, so the replay rebuilds exactly what was answered. A torn
//! record at the log's end (a batch whose `fdatasync` never returned, so
//! was never answered) fails its length or checksum and is dropped.
//!
//! Guarantees: nothing is answered as done before it is on disk (in the log
//! or in a durable redb commit); a batch whose log append fails is aborted
//! in redb and answered with an error, and batches then commit durably
//! until a checkpoint succeeds. As with a failed redb commit before the log,
//! a batch answered with an error may still have reached the disk (an
//! `fdatasync` that failed after writing, then a cut of the record that
//! failed too): then a create answered with an error exists (no one holds
//! its link) or a reveal answered with an error has taken its view.
//!
//! The receipt hash index is the one table a create writes at a random
//! place, and the receipts bound's drop of the oldest removes from it at
//! another; a logged batch leaves both pending in memory
//! (`receipts::Pending`), later logged batches do them a slice of the
//! key space each (`receipts::Sweep`, a lap per `SWEEP_OPS` ops; the last
//! batches before the log's bound a whole lap among them, `FINAL_LAP_BYTES`,
//! so that the checkpoint finds little left), and a durable commit does
//! whatever is left, so the file after a checkpoint (or a replay, which does
//! them directly) is whole.
//!
//! Between checkpoints a thread the writer owns (`writeback`) asks the
//! kernel every 500 ms to start writing the pages logged batches dirtied,
//! so the checkpoint's `fdatasync` finds few left (24–30 ms → 8–18 ms).
//!
//! The log is written in place over zeros already on disk (`wal`), so an
//! append's `fdatasync` writes no metadata. The writer logs at debug level,
//! once a second, how long its batches, the log's `fdatasync`s and the
//! checkpoint held requests ([`Timings`]): what sets the latency tail (on a
//! loaded machine, the slowest batch of each second was its slowest log
//! `fdatasync`; the checkpoint, 10–28 ms, came second; on a quiet, faster
//! host the checkpoints alone set the wire p99, see `WAL_MAX_BYTES`).
//!
//! **Reads** (`peek`, key lookups) use redb's MVCC read transactions and
//! never wait for the writer; they run on the async thread that asks, as
//! they take microseconds (the blocking pool only while the file is being
//! compacted or reopened). Expired secrets are invisible to reads at once
//! and deleted by a background purge that an owned drop guard stops with the
//! store.
//!
//! **Space.** redb writes copy-on-write: a commit writes new pages and frees
//! the ones it replaced, and a freed page is reused once no read transaction
//! still sees it (one or two commits later). Reveals and the purge thus free
//! space that later creates reuse, and the file keeps the size of its peak
//! live data. It never shrinks by itself, though (only free pages at its very
//! end are cut), so after the background purge the writer compacts the file
//! (`Database::compact`) when at most half of it is in use (a quarter while
//! creates keep coming: a file under churn needs room to double, see
//! [`worth_compacting`]), at most once per `COMPACT_MIN_INTERVAL`. Receipts outlive their secrets by a week, so
//! they are bounded too (`HUSHLINK_MAX_RECEIPTS`): a batch of creates that
//! takes them past the bound and its slack ([`receipt_slack`]) drops the
//! oldest down to the bound in its own transaction, so under a flood the
//! file levels off as soon as the bound is reached (a purge alone left a
//! purge interval of creates above it). The drop is decided from the
//! table's size and the bound recorded with the batch in the log, so a
//! replay drops the same receipts. redb's page cache is bounded by
//! `HUSHLINK_STORE_CACHE_MB` (redb's own default is 1 GiB, which a busy
//! server would fill with pages of secrets long gone).
//!
//! **A full disk.** Below `HUSHLINK_MIN_FREE_DISK` of free space, creates are
//! refused at once with [`StoreError::Full`] (507), and everything that
//! frees space (reveals, the purge) keeps committing. A small reserve file
//! (`hushlink.reserve`) is given back to the file system when a commit fails
//! for lack of space anyway (the disk filled by someone else), and the
//! failed reveals are retried once. redb fails every later operation after
//! one I/O error, so the writer reopens the file after one, and keeps
//! trying every second while it cannot; `ping` fails while commits fail and
//! `ready` while creates are refused.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use redb::{Database, ReadableDatabase, ReadableTable, TableDefinition};
use tokio::sync::{mpsc, oneshot};

use super::disk::{self, MinFreeDisk};
use super::{
    Attempt, BootstrapMark, KeyChange, KeyRecord, KeySet, KeyStore, ReceiptRead, ReceiptStore,
    Record, SecretStore, StoreError, Take,
};
use crate::apikey::{KeyHash, KeyName};
use crate::receipt::{NewReceipt, ReceiptHash};
use crate::secret::{Ttl, Views};
use crate::token::StorageKey;

pub(crate) mod hooks;
mod wal;
mod writeback;

use crate::webhook::queue::InDecisions;

/// storage key -> a [`Row`]: `expires_at (u64 BE) | views_left (u32 BE) |
/// [receipt number (u64 BE)] | sealed value`.
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

/// `applied` -> the LSN of the last write-ahead-log batch this state holds
/// (`wal`), written in every commit so that replay skips what redb has.
const WAL_META: TableDefinition<&str, u64> = TableDefinition::new("wal_meta");
const WAL_APPLIED: &str = "applied";
/// The log is checkpointed (a durable redb commit, then emptied) once it
/// holds this much, besides every `CHECKPOINT_EVERY`: bounds its size and the
/// time a replay takes. On a fast host it is what paces the checkpoints
/// (every 2–2.5 s at 37k requests/s), and they set the wire p99 (4–7 ms;
/// 2.3–3 ms at 64 MiB, which checkpoints every 5 s), but a larger log keeps
/// more of redb's state of the window in memory (+0.7–1.0 MiB at 64 MiB)
/// and pinned on disk: CONTRIBUTING.md, "Where the embedded store's p99
/// comes from".
const WAL_MAX_BYTES: u64 = 16 * 1024 * 1024;
/// Batches go through the log only while the free space exceeds
/// `HUSHLINK_MIN_FREE_DISK` by this much. The log costs space twice (its own
/// bytes, and the pages redb's non-durable commits cannot free before the
/// next checkpoint); nearer the floor, every commit is durable, whose use of
/// space the floor and the reserve were sized for.
const WAL_HEADROOM: u64 = 4 * WAL_MAX_BYTES;

const HEADER_LEN: usize = 12;
/// The most writes folded into one commit; bounds the latency of a batch.
const MAX_BATCH: usize = 512;
/// The database file inside the data directory.
pub const FILE_NAME: &str = "hushlink.redb";
/// Space held back for commits that free space, given back when the disk is full.
pub const RESERVE_FILE_NAME: &str = "hushlink.reserve";
/// The reserve's size: a few hundred pages, more than a batch of reveals rewrites.
const RESERVE_BYTES: u64 = 1024 * 1024;
/// The default bound on receipts kept (`HUSHLINK_MAX_RECEIPTS`): receipts
/// outlive their secrets by the retention (a week by default), so without a
/// bound a flood of creates grows the file by about 0.7 KB per create for a
/// week (`bench/churn.sh`: 540 MB in three minutes). 100,000 receipts take
/// about 70 MB.
pub const DEFAULT_MAX_RECEIPTS: u64 = 100_000;
/// How far the receipts may exceed `HUSHLINK_MAX_RECEIPTS` before a batch
/// of creates drops the oldest down to the bound: a 64th of it, at most 128
/// (so 100,000 receipts are at most 100,128). A few dozen at once rather
/// than one per create let the hash index's leaves they leave share a
/// rewrite; no more, because each dropped receipt costs its batch a few
/// microseconds (three removals), and the batch holds every request in it.
/// With a bound of 10,000 and a slack of 156 (a trim every few batches at
/// 7k requests/s), `bench/ab.sh` measured the same CPU per request as the
/// purge-only bound (api 77 against 78 µs, form 91 against 96).
pub fn receipt_slack(max_receipts: u64) -> u64 {
    (max_receipts / 64).min(128)
}

/// The default bound of redb's page cache, in MiB (`HUSHLINK_STORE_CACHE_MB`).
/// Half of it at most is redb's write buffer, which non-durable commits fill
/// until a checkpoint. 2 MiB against 8: peak resident memory 22.7 against
/// 29.2 MiB on the form flow, the same CPU per request (120 against 118 µs,
/// within the noise), 7% more bytes written (pages evicted to the OS's cache
/// between checkpoints); the OS caches the file as well.
pub const DEFAULT_CACHE_MB: u64 = 2;
/// Files smaller than this are never compacted: there is little to give back.
const COMPACT_MIN_FILE: u64 = 4 * 1024 * 1024;
/// Compactions are at least this far apart: each holds every request for
/// its duration (short when the file is mostly free, which is its trigger).
const COMPACT_MIN_INTERVAL: Duration = Duration::from_secs(60);
/// While free disk space is below the floor, compactions may be this close,
/// and run when a quarter of the file is free: the space they give back is
/// what lets creates resume.
const LOW_DISK_COMPACT_INTERVAL: Duration = Duration::from_secs(5);
/// `compact` moves pages towards the start in passes; a bounded number of them.
const COMPACT_MAX_PASSES: usize = 8;
/// How often the free space is measured while only reveals and other
/// writes that free space arrive (a batch with a create always measures:
/// one `statvfs` is cheap beside the commit's fsync).
const SPACE_CHECK_EVERY: Duration = Duration::from_millis(100);
/// How often the background task wakes the writer to measure the free space
/// and, while commits fail, to reopen the file.
const CHECK_EVERY: Duration = Duration::from_secs(1);
/// The periodic check checkpoints the log once it is this old. A
/// checkpoint holds every request for its duration, which depends little on
/// how long the log ran: it flushes redb's write buffer (half the page
/// cache at most) and syncs it twice. Measured at 5.4k requests/s: 14–15 ms
/// every second, 13–15 ms every 5 s; so every 5 s, a fifth of the stall.
/// `WAL_MAX_BYTES` still bounds the log (and the replay) under any load.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(5);
/// Receipt index entries held pending at most (logged creates' to write,
/// dropped receipts' to remove): more, and the writer checkpoints (see
/// `receipts::Pending`; about 1.5 MB).
const PENDING_MAX: usize = 64 * 1024;
/// Logged batches also do the pending receipt index work, a slice of the
/// key space each, so as to sweep all of it once per this many logged ops
/// (see `receipts::Sweep`). Left to the checkpoint instead, 5 s of entries
/// (17k at 3.5k creates/s) made it 35 ms longer: a stall of every request.
/// What a checkpoint finds is half a lap on average; since dropped
/// receipts' removals wait too (twice the entries under churn at the
/// receipts bound), the lap was halved from 8,192: at 37k requests/s the
/// checkpoints went back to what they were before the removals waited
/// (12–38 ms; 13–50 ms at 8,192), `bench/closed_loop.sh`'s p99 after the
/// bound was reached 1.6–2.1 ms against 2.4–2.7 with every removal at once.
const SWEEP_OPS: u64 = 4 * 1024;
/// The last batches before the log reaches `WAL_MAX_BYTES` (those that
/// find less room left than this) sweep a lap in `FINAL_LAP_BATCHES`
/// batches: the checkpoint that follows writes whatever entries are still
/// pending while it holds every request (a third of its time in a profile
/// at 30k requests/s), and those batches do it a slice each instead. 64 KiB
/// is about 16 batches of 10 creates and reveals. Measured (`bench/ab.sh`,
/// embedded, three interleaved rounds of 10 s at 33–38k requests/s): the
/// checkpoints 13–28 ms instead of 20–39, wrk's p99 2.9–5.2 ms instead of
/// 6.4–10.4 (wrk counts a stall's length, see bench/README.md), CPU per
/// request and peak memory the same.
const FINAL_LAP_BYTES: u64 = 64 * 1024;
const FINAL_LAP_BATCHES: u64 = 16;

/// How many ops' worth of the sweep a logged batch of `ops` does, with
/// `logged` bytes in the log before it (see `FINAL_LAP_BYTES`).
fn sweep_share(ops: usize, logged: u64) -> usize {
    if logged + FINAL_LAP_BYTES >= WAL_MAX_BYTES {
        ops.max((SWEEP_OPS / FINAL_LAP_BATCHES) as usize)
    } else {
        ops
    }
}

/// How the embedded store is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Time between purges of expired secrets (and compaction checks).
    pub purge_every: Duration,
    /// Bound of redb's page cache, in bytes.
    pub cache_bytes: usize,
    /// Free space below which creates are refused.
    pub min_free_disk: MinFreeDisk,
    /// `HUSHLINK_MAX_STORED_BYTES`: ciphertext held at most (0: no quota).
    pub max_stored_bytes: u64,
    /// `HUSHLINK_MAX_RECEIPTS`: receipts kept (0: no bound). A batch of
    /// creates that leaves more than this plus [`receipt_slack`] drops the
    /// oldest down to it, in its own transaction; each purge drops the
    /// oldest beyond it.
    pub max_receipts: u64,
}

impl Options {
    /// The defaults, with a purge every `purge_every`.
    pub fn new(purge_every: Duration) -> Self {
        Options {
            purge_every,
            cache_bytes: (DEFAULT_CACHE_MB << 20) as usize,
            min_free_disk: MinFreeDisk::Default,
            max_stored_bytes: 0,
            max_receipts: DEFAULT_MAX_RECEIPTS,
        }
    }
}

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
    /// A create with its receipt (`ReceiptStore::put_with_receipt`).
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
    /// A write of the webhook queue (`hooks`), answering how many events it queued.
    Hooks {
        write: hooks::Write,
        reply: oneshot::Sender<Result<usize, StoreError>>,
    },
    /// Measure the free space; reopen the file if commits fail.
    Check,
    Close {
        reply: oneshot::Sender<()>,
    },
}

/// What a write decided, before its commit is known.
enum Outcome {
    Unit,
    Take(Take),
    Count(usize),
    Bool(bool),
    Attempt(Attempt),
    Receipt(ReceiptRead),
    /// A create refused by the storage quota; nothing was written.
    OverQuota(String),
}

impl Op {
    fn is_put(&self) -> bool {
        matches!(self, Op::Put { .. } | Op::PutWithReceipt { .. })
    }

    /// Sends the answer: the outcome once committed, or the error.
    fn answer(self, result: Result<Outcome, StoreError>) {
        match self {
            Op::Put { reply, .. }
            | Op::PutWithReceipt { reply, .. }
            | Op::TouchKey { reply, .. } => {
                let _ = reply.send(result.and_then(|o| match o {
                    Outcome::OverQuota(cause) => Err(StoreError::OverQuota(cause)),
                    _ => Ok(()),
                }));
            }
            Op::Take { reply, .. } => {
                let _ = reply.send(result.map(|o| match o {
                    Outcome::Take(t) => t,
                    _ => Take::Gone,
                }));
            }
            Op::Purge { reply } | Op::Hooks { reply, .. } => {
                let _ = reply.send(result.map(|o| match o {
                    Outcome::Count(n) => n,
                    _ => 0,
                }));
            }
            Op::FailAttempt { reply, .. } => {
                let _ = reply.send(result.map(|o| match o {
                    Outcome::Attempt(a) => a,
                    _ => Attempt::Gone,
                }));
            }
            Op::CommitKeys { reply, .. } | Op::ResetBootstrap { reply } => {
                let _ = reply.send(result.map(|o| matches!(o, Outcome::Bool(true))));
            }
            Op::Burn { reply, .. } => {
                let _ = reply.send(result.map(|o| match o {
                    Outcome::Receipt(read) => read,
                    _ => None,
                }));
            }
            Op::Check | Op::Close { .. } => {}
        }
    }
}

/// Why writes are held back, as the writer last found.
#[derive(Debug, Clone)]
enum Trouble {
    /// Free space is below the threshold: creates are refused, the rest commits.
    LowDisk(String),
    /// Commits fail (a full disk, an I/O error); the writer keeps reopening.
    Failing(String),
}

/// What the writer thread and the readers share.
struct Shared {
    dir: PathBuf,
    path: PathBuf,
    /// `None` while the file is being reopened after an I/O error, or could
    /// not be. Readers hold the read side for a whole read transaction; the
    /// writer takes the write side only to compact or reopen, when no
    /// transaction may be live.
    db: RwLock<Option<Database>>,
    trouble: Mutex<Option<Trouble>>,
    /// Set when webhooks are on: the writer queues their events inside the
    /// transaction of the decision that makes them (`hooks::after`).
    webhooks: OnceLock<InDecisions>,
    /// Receipt hash index entries of logged creates, written to the index
    /// table at the next checkpoint (see the `receipts` module).
    index: receipts::Pending,
}

impl Shared {
    fn trouble(&self) -> Option<Trouble> {
        self.trouble.lock().map(|t| t.clone()).unwrap_or(None)
    }

    fn set_trouble(&self, trouble: Option<Trouble>) {
        if let Ok(mut t) = self.trouble.lock() {
            *t = trouble;
        }
    }
}

/// The embedded, durable secret store.
pub struct EmbeddedStore {
    shared: Arc<Shared>,
    writer: mpsc::UnboundedSender<Op>,
    _background: BackgroundGuard,
}

/// Owns the background task (purge, checks); dropping the store stops it.
struct BackgroundGuard(tokio::task::JoinHandle<()>);

impl Drop for BackgroundGuard {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl EmbeddedStore {
    /// Opens (or creates) the store in `data_dir` with the default options
    /// and a purge of expired secrets every `purge_every`.
    pub fn open(data_dir: &Path, purge_every: Duration) -> Result<Self, StoreError> {
        Self::open_with(data_dir, Options::new(purge_every))
    }

    /// Opens (or creates) the store in `data_dir` and starts its writer
    /// thread and its background task.
    pub fn open_with(data_dir: &Path, options: Options) -> Result<Self, StoreError> {
        let created = !data_dir.exists();
        std::fs::create_dir_all(data_dir).map_err(|e| {
            StoreError::Internal(format!(
                "cannot create data directory {}: {e}",
                data_dir.display()
            ))
        })?;
        // Only a directory made here: an existing one (shared, or set up by
        // an operator) keeps its mode; the file itself is owner-only.
        if created {
            restrict_permissions(data_dir, 0o700);
        }
        let path = data_dir.join(FILE_NAME);
        create_private_file(&path)?;
        let db = open_db(&path, options.cache_bytes)
            .map_err(|e| StoreError::Internal(format!("cannot open {}: {e}", path.display())))?;

        let shared = Arc::new(Shared {
            dir: data_dir.to_owned(),
            path,
            db: RwLock::new(Some(db)),
            trouble: Mutex::new(None),
            webhooks: OnceLock::new(),
            index: receipts::Pending::default(),
        });
        let mut writer = Writer {
            shared: Arc::clone(&shared),
            cache_bytes: options.cache_bytes,
            min_free: options.min_free_disk,
            bounds: wal::Bounds {
                quota: options.max_stored_bytes,
                max_receipts: options.max_receipts,
            },
            space_checked: None,
            low_disk: None,
            last_compaction: None,
            created_since_compaction: false,
            last_reopen: None,
            wal: wal::Wal::open(data_dir).map_err(|e| {
                StoreError::Internal(format!("cannot open the write-ahead log: {e}"))
            })?,
            next_lsn: 1,
            wal_dirty: false,
            wal_broken: false,
            wal_room: false,
            timings: Timings::default(),
            last_checkpoint: Instant::now(),
            sweep: receipts::Sweep::new(SWEEP_OPS),
            writeback: writeback::Writeback::start(&shared.path, writeback::WRITEBACK_EVERY),
        };
        writer
            .recover()
            .map_err(|e| StoreError::Internal(format!("cannot replay the write-ahead log: {e}")))?;
        writer.refresh_space(true);
        writer.ensure_reserve();
        let (tx, rx) = mpsc::unbounded_channel();
        std::thread::Builder::new()
            .name("hushlink-writer".into())
            .spawn(move || writer.run(rx))
            .map_err(|e| StoreError::Internal(format!("cannot start writer thread: {e}")))?;

        let background = tokio::spawn(background(tx.clone(), options.purge_every));
        Ok(EmbeddedStore {
            shared,
            writer: tx,
            _background: BackgroundGuard(background),
        })
    }

    /// The database file's path.
    pub fn path(&self) -> &Path {
        &self.shared.path
    }

    /// Purges expired secrets now, then compacts the file if it is mostly
    /// free (what the background task does every purge interval). Returns
    /// how many secrets were purged.
    pub async fn maintain(&self) -> Result<usize, StoreError> {
        self.send(|reply| Op::Purge { reply }).await?
    }

    /// Runs a read transaction: on the calling (async) thread when the
    /// handle is free, else on the blocking pool.
    ///
    /// Why inline: a read is a few B-tree lookups in pages that redb's
    /// cache (or the OS's) holds, a few microseconds, while handing it to
    /// the blocking pool and back costs two thread wake-ups, more than the
    /// read (perf showed the hand-offs among the largest costs of a
    /// reveal). The handle's lock is only ever held for writing while the
    /// writer compacts or reopens the file, which can take long: then the
    /// read waits on the blocking pool instead, never on an async thread.
    async fn read<T: Send + 'static>(
        &self,
        f: impl FnOnce(&redb::ReadTransaction) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, StoreError> {
        if let Ok(guard) = self.shared.db.try_read() {
            return read_in(&self.shared, guard.as_ref(), f);
        }
        let shared = Arc::clone(&self.shared);
        tokio::task::spawn_blocking(move || {
            let guard = shared.db.read().map_err(internal)?;
            read_in(&shared, guard.as_ref(), f)
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

/// One read transaction on `db` (`None` while the file is being reopened).
fn read_in<T>(
    shared: &Shared,
    db: Option<&Database>,
    f: impl FnOnce(&redb::ReadTransaction) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let db = db.ok_or_else(|| reopening(shared))?;
    let txn = db.begin_read().map_err(internal)?;
    f(&txn)
}

/// The background task: wakes the writer every `CHECK_EVERY` and purges
/// every `purge_every`. Stops when the store is dropped (its guard aborts
/// it) or closed (the writer is gone).
async fn background(writer: mpsc::UnboundedSender<Op>, purge_every: Duration) {
    let mut check = tokio::time::interval(CHECK_EVERY);
    check.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut purge = tokio::time::interval(purge_every);
    purge.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = check.tick() => {
                if writer.send(Op::Check).is_err() {
                    return;
                }
            }
            _ = purge.tick() => {
                let (reply, answer) = oneshot::channel();
                if writer.send(Op::Purge { reply }).is_err() {
                    return;
                }
                match answer.await {
                    Ok(Ok(0)) => {}
                    Ok(Ok(n)) => tracing::debug!(purged = n, "purged expired secrets"),
                    Ok(Err(e)) => tracing::warn!(error = %e, "purge of expired secrets failed"),
                    Err(_) => return,
                }
            }
        }
    }
}

/// Opens the redb file with a bounded cache and makes sure every table exists,
/// so read transactions never find one missing.
fn open_db(path: &Path, cache_bytes: usize) -> Result<Database, redb::Error> {
    let db = Database::builder()
        .set_cache_size(cache_bytes)
        .create(path)?;
    let txn = db.begin_write()?;
    {
        txn.open_table(SECRETS)?;
        txn.open_table(EXPIRY)?;
        txn.open_table(KEYS)?;
        txn.open_table(KEY_HASHES)?;
        txn.open_table(KEY_LAST_USED)?;
        txn.open_table(KEY_META)?;
        txn.open_table(ZK_ATTEMPTS)?;
        txn.open_table(WAL_META)?;
        receipts::create_tables(&txn)?;
        quota::create_table(&txn)?;
        hooks::create_tables(&txn)?;
    }
    txn.commit()?;
    Ok(db)
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
        let expires_at = expires_at(now(), ttl.secs());
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

    /// The store answers: its writer runs, its last commit succeeded, and a
    /// read transaction can begin.
    async fn ping(&self) -> Result<(), StoreError> {
        if self.writer.is_closed() {
            return Err(closed());
        }
        if let Some(Trouble::Failing(cause)) = self.shared.trouble() {
            return Err(StoreError::Unavailable(cause));
        }
        self.read(|_| Ok(())).await
    }

    /// Ready for new secrets: it answers, and the disk has room.
    async fn ready(&self) -> Result<(), StoreError> {
        self.ping().await?;
        match self.shared.trouble() {
            Some(Trouble::LowDisk(cause)) => Err(StoreError::Full(cause)),
            Some(Trouble::Failing(cause)) => Err(StoreError::Unavailable(cause)),
            None => Ok(()),
        }
    }

    async fn held(&self) -> Result<Option<super::Held>, StoreError> {
        self.read(|txn| quota::read(txn).map(Some).map_err(internal))
            .await
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
        let expires_at = expires_at(now(), ttl.secs());
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
        // Before the read transaction begins: an entry leaves the pending
        // index only once the checkpoint that wrote it to the table is
        // visible, so it is in one or the other (see `receipts::Pending`).
        let pending = self.shared.index.seqs(receipts::prefix_of(&hash));
        self.read(move |txn| receipts::read(txn, hash, &pending, now_secs()).map_err(internal))
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

/// How long the writer held the requests waiting on it, since its last
/// summary (a debug log line every `CHECK_EVERY` under load): each batch,
/// from its first op taken off the queue to its last answer, and each
/// checkpoint. What to look at when the latency tail moves.
#[derive(Default)]
struct Timings {
    batches: u64,
    ops: u64,
    slowest_batch: Duration,
    /// Batches that took over `SLOW_BATCH`.
    slow_batches: u64,
    /// The log's `fdatasync`s (one per logged batch).
    wal_syncs: u64,
    wal_sync_total: Duration,
    slowest_wal_sync: Duration,
    checkpoints: u64,
    checkpoint_total: Duration,
    slowest_checkpoint: Duration,
}

/// A batch taking longer than this counts as slow in [`Timings`].
const SLOW_BATCH: Duration = Duration::from_millis(5);

impl Timings {
    fn batch(&mut self, ops: usize, took: Duration) {
        self.batches += 1;
        self.ops += ops as u64;
        self.slowest_batch = self.slowest_batch.max(took);
        self.slow_batches += u64::from(took > SLOW_BATCH);
    }

    fn wal_sync(&mut self, took: Duration) {
        self.wal_syncs += 1;
        self.wal_sync_total += took;
        self.slowest_wal_sync = self.slowest_wal_sync.max(took);
    }

    fn checkpoint(&mut self, took: Duration) {
        self.checkpoints += 1;
        self.checkpoint_total += took;
        self.slowest_checkpoint = self.slowest_checkpoint.max(took);
    }

    /// Logs the summary (when there was work) and starts a new one.
    fn report(&mut self) {
        if self.batches > 0 || self.checkpoints > 0 {
            tracing::debug!(
                batches = self.batches,
                ops = self.ops,
                slowest_batch_us = self.slowest_batch.as_micros() as u64,
                slow_batches = self.slow_batches,
                wal_syncs = self.wal_syncs,
                wal_sync_us = self.wal_sync_total.as_micros() as u64,
                slowest_wal_sync_us = self.slowest_wal_sync.as_micros() as u64,
                checkpoints = self.checkpoints,
                checkpoint_us = self.checkpoint_total.as_micros() as u64,
                slowest_checkpoint_us = self.slowest_checkpoint.as_micros() as u64,
                "embedded store writer"
            );
        }
        *self = Timings::default();
    }
}

/// The writer thread's state.
struct Writer {
    /// Batch and checkpoint durations since the last summary.
    timings: Timings,
    /// When redb last committed durably (a checkpoint of the log).
    last_checkpoint: Instant,
    shared: Arc<Shared>,
    cache_bytes: usize,
    min_free: MinFreeDisk,
    /// The storage quota and the receipts bound (0: none), applied inside
    /// the transaction and recorded with each logged batch.
    bounds: wal::Bounds,
    /// When the free space was last measured.
    space_checked: Option<Instant>,
    /// Why creates are refused, while free space is short.
    low_disk: Option<String>,
    /// When compaction was last considered (at most once per interval).
    last_compaction: Option<Instant>,
    /// A create came since compaction was last considered: the file is
    /// under load, and would grow back (see [`worth_compacting`]).
    created_since_compaction: bool,
    /// When the file was last reopened (at most once per `CHECK_EVERY`
    /// while it cannot be: a reopen may read the whole file to repair it).
    last_reopen: Option<Instant>,
    /// The write-ahead log, and the LSN its next record gets.
    wal: wal::Wal,
    next_lsn: u64,
    /// redb holds commits not yet durable (their records are in the log).
    wal_dirty: bool,
    /// An append failed: batches commit durably until a checkpoint succeeds.
    wal_broken: bool,
    /// Free space exceeds the floor by `WAL_HEADROOM` (as last measured).
    wal_room: bool,
    /// Which pending receipt index entries the next logged batch writes.
    sweep: receipts::Sweep,
    /// Hands the pages logged batches dirtied to the disk on the way, so a
    /// checkpoint finds few left (`writeback`); stopped with the writer.
    writeback: Option<writeback::Writeback>,
}

impl Writer {
    /// Drains the queue into batches, one commit per batch, until closed.
    fn run(mut self, mut rx: mpsc::UnboundedReceiver<Op>) {
        while let Some(first) = rx.blocking_recv() {
            let mut batch = vec![first];
            while batch.len() < MAX_BATCH {
                match rx.try_recv() {
                    Ok(op) => batch.push(op),
                    Err(_) => break,
                }
            }
            let mut writes = Vec::with_capacity(batch.len());
            let mut close = None;
            let mut check = false;
            for op in batch {
                match op {
                    Op::Close { reply } => close = Some(reply),
                    Op::Check => check = true,
                    op => writes.push(op),
                }
            }
            if check {
                self.check();
            }
            if !writes.is_empty() {
                self.write(writes);
            }
            if let Some(reply) = close {
                // Every batch durable in redb, so the log is empty at rest.
                if let Err(e) = self.commit(&[]) {
                    tracing::warn!(error = %e, "final checkpoint failed; the log keeps the batches");
                }
                if let Ok(mut db) = self.shared.db.write() {
                    *db = None;
                }
                let _ = reply.send(());
                return;
            }
        }
    }

    /// The periodic check: free space, the reserve, and a reopen while the
    /// file is closed or commits fail.
    fn check(&mut self) {
        self.timings.report();
        self.refresh_space(true);
        let failing = matches!(self.shared.trouble(), Some(Trouble::Failing(_)));
        let closed = self.shared.db.read().map(|db| db.is_none()).unwrap_or(true);
        if closed {
            self.reopen();
        } else if self.wal_dirty && !failing && self.last_checkpoint.elapsed() >= CHECKPOINT_EVERY {
            self.checkpoint();
        } else if failing {
            // No write may come to show that commits work again: an empty
            // one does, so health and readiness recover on an idle server.
            if let Err(e) = self.commit(&[]) {
                tracing::debug!(error = %e, "embedded store still cannot commit");
                if needs_reopen(&e) {
                    self.reopen();
                }
            }
        }
        if self.low_disk.is_none() {
            self.ensure_reserve();
        } else if !failing {
            self.maybe_compact(true);
        }
    }

    /// Commits a batch of writes and answers each.
    fn write(&mut self, ops: Vec<Op>) {
        let started = Instant::now();
        let n = ops.len();
        self.write_batch(ops);
        self.timings.batch(n, started.elapsed());
        if let Some(took) = self.wal.take_sync_time() {
            self.timings.wal_sync(took);
        }
    }

    fn write_batch(&mut self, mut ops: Vec<Op>) {
        let creates = ops.iter().any(Op::is_put);
        self.created_since_compaction |= creates;
        self.refresh_space(creates);
        if let Some(cause) = self.low_disk.clone() {
            // Creates would eat the space reveals and the purge need.
            ops = refuse_puts(ops, || StoreError::Full(cause.clone()));
            if ops.is_empty() {
                return;
            }
        }
        let purge = ops.iter().any(|op| matches!(op, Op::Purge { .. }));
        let e = match self.commit(&ops) {
            Ok(outcomes) => {
                // A purge is answered after the compaction it may lead to,
                // so whoever asked for it sees the result; the rest at once.
                let (purges, rest): (Vec<_>, Vec<_>) = ops
                    .into_iter()
                    .zip(outcomes)
                    .partition(|(op, _)| matches!(op, Op::Purge { .. }));
                for (op, outcome) in rest {
                    op.answer(Ok(outcome));
                }
                if purge {
                    self.maybe_compact(false);
                }
                for (op, outcome) in purges {
                    op.answer(Ok(outcome));
                }
                return;
            }
            Err(e) => e,
        };
        let full = is_no_space(&e);
        let cause = if full {
            format!("the disk holding {} is full", self.shared.dir.display())
        } else {
            format!("embedded store commit failed: {e}")
        };
        tracing::error!(error = %e, "embedded store commit failed");
        if full {
            self.release_reserve();
            self.refresh_space(true);
        }
        if needs_reopen(&e) {
            self.reopen();
        }
        // Not ready until a commit succeeds again (the retry below, a
        // later write, or the periodic check's empty commit).
        self.shared
            .set_trouble(Some(Trouble::Failing(cause.clone())));
        // One more try without the creates, on the reopened file and with
        // the reserve given back: reveals and the purge free space.
        let fail = |full: bool, cause: &str| {
            if full {
                StoreError::Full(cause.to_owned())
            } else {
                StoreError::Unavailable(cause.to_owned())
            }
        };
        let ops = refuse_puts(ops, || fail(full, &cause));
        if ops.is_empty() {
            return;
        }
        match self.commit(&ops) {
            Ok(outcomes) => answer_all(ops, outcomes),
            Err(e) => {
                tracing::error!(error = %e, "embedded store commit failed again");
                let again_full = full || is_no_space(&e);
                if needs_reopen(&e) {
                    self.reopen();
                }
                self.shared
                    .set_trouble(Some(Trouble::Failing(cause.clone())));
                for op in ops {
                    op.answer(Err(fail(again_full, &cause)));
                }
            }
        }
    }

    /// Applies `ops` in one write transaction and commits it: through the
    /// write-ahead log when every op can be logged and webhooks are off,
    /// else durably in redb, which also checkpoints the log.
    fn commit(&mut self, ops: &[Op]) -> Result<Vec<Outcome>, redb::Error> {
        let guard = self.shared.db.read().map_err(|_| redb::Error::PreviousIo)?;
        let db = guard.as_ref().ok_or(redb::Error::PreviousIo)?;
        let webhooks = self.shared.webhooks.get();
        let logged = !ops.is_empty()
            && self.wal_room
            && !self.wal_broken
            && webhooks.is_none()
            && ops.iter().all(wal::loggable);
        let now = now_secs();
        let outcomes = if logged {
            let lsn = self.next_lsn;
            // Used even if the batch fails: a record of it that somehow
            // stayed in the log is below the next durable commit's LSN.
            self.next_lsn += 1;
            let share = sweep_share(ops.len(), self.wal.len());
            let sweep = self.sweep.next(&self.shared.index, share);
            let result = apply(
                db,
                ops,
                now,
                None,
                self.bounds,
                Commit::Logged {
                    lsn,
                    wal: &mut self.wal,
                    index: &self.shared.index,
                    sweep,
                },
            );
            match result {
                Ok(outcomes) => {
                    self.wal_dirty = true;
                    if let Some(writeback) = &self.writeback {
                        writeback.logged();
                    }
                    outcomes
                }
                Err(e) => {
                    self.wal_broken = true;
                    return Err(e);
                }
            }
        } else {
            let outcomes = apply(
                db,
                ops,
                now,
                webhooks,
                self.bounds,
                Commit::Durable {
                    applied: self.next_lsn - 1,
                    index: Some(&self.shared.index),
                },
            )?;
            // redb now holds every logged batch durably.
            if self.wal.len() > 0
                && let Err(e) = self.wal.reset()
            {
                tracing::warn!(error = %e, "cannot empty the write-ahead log");
            }
            self.wal_dirty = false;
            self.wal_broken = false;
            self.last_checkpoint = Instant::now();
            outcomes
        };
        if let Some(webhooks) = webhooks {
            webhooks.wake.notify_one();
        }
        drop(guard);
        if matches!(self.shared.trouble(), Some(Trouble::Failing(_))) {
            self.shared
                .set_trouble(self.low_disk.clone().map(Trouble::LowDisk));
        }
        if logged && (self.wal.len() >= WAL_MAX_BYTES || self.shared.index.len() >= PENDING_MAX) {
            self.checkpoint();
        }
        Ok(outcomes)
    }

    /// Replays the log into the open file (see [`replay`]) and resets the
    /// writer's log state.
    fn recover(&mut self) -> Result<(), redb::Error> {
        let shared = Arc::clone(&self.shared);
        let guard = shared.db.read().map_err(|_| redb::Error::PreviousIo)?;
        let db = guard.as_ref().ok_or(redb::Error::PreviousIo)?;
        let applied = replay(db, &mut self.wal, self.bounds)?;
        drop(guard);
        self.after_replay(applied);
        Ok(())
    }

    fn after_replay(&mut self, applied: u64) {
        // The replay wrote the logged creates' index entries to the table
        // (and made them durable); what was pending is there, or belongs to
        // a batch the file no longer holds.
        self.shared.index.clear();
        self.next_lsn = applied + 1;
        self.wal_dirty = false;
        self.wal_broken = false;
    }

    /// Makes every logged batch durable in redb and empties the log.
    /// Returns whether it did (or had nothing to do).
    fn checkpoint(&mut self) -> bool {
        if !self.wal_dirty && self.wal.len() == 0 {
            return true;
        }
        let started = Instant::now();
        let committed = self.commit(&[]);
        self.timings.checkpoint(started.elapsed());
        match committed {
            Ok(_) => true,
            Err(e) => {
                tracing::warn!(error = %e, "checkpoint of the write-ahead log failed");
                if needs_reopen(&e) {
                    self.reopen();
                }
                false
            }
        }
    }

    /// Drops the handle (redb fails every operation after an I/O error) and
    /// opens the file again; redb repairs it if the failed commit left it
    /// unfinished. On failure the store stays closed until the next try.
    fn reopen(&mut self) {
        let closed = self.shared.db.read().map(|db| db.is_none()).unwrap_or(true);
        if closed
            && self
                .last_reopen
                .is_some_and(|t| t.elapsed() < CHECK_EVERY / 2)
        {
            return;
        }
        self.last_reopen = Some(Instant::now());
        let Ok(mut guard) = self.shared.db.write() else {
            return;
        };
        *guard = None;
        match open_db(&self.shared.path, self.cache_bytes) {
            Ok(db) => {
                // The file is back at its last durable commit: the log
                // holds the batches answered since, replayed before any
                // reader sees the file (still under the write lock).
                match replay(&db, &mut self.wal, self.bounds) {
                    Ok(applied) => {
                        *guard = Some(db);
                        drop(guard);
                        self.after_replay(applied);
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot replay the write-ahead log yet; retrying");
                        self.shared.set_trouble(Some(Trouble::Failing(format!(
                            "embedded store cannot replay its log: {e}"
                        ))));
                        return;
                    }
                }
                tracing::info!("embedded store reopened");
                self.shared
                    .set_trouble(self.low_disk.clone().map(Trouble::LowDisk));
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot reopen the embedded store yet; retrying");
                self.shared.set_trouble(Some(Trouble::Failing(format!(
                    "embedded store cannot be opened: {e}"
                ))));
            }
        }
    }

    /// Measures the free space (at most every `SPACE_CHECK_EVERY` unless
    /// `force`), and records whether creates must be refused.
    fn refresh_space(&mut self, force: bool) {
        if !force
            && self
                .space_checked
                .is_some_and(|t| t.elapsed() < SPACE_CHECK_EVERY)
        {
            return;
        }
        self.space_checked = Some(Instant::now());
        let space = match disk::space(&self.shared.dir) {
            Ok(space) => space,
            Err(e) => {
                tracing::warn!(error = %e, "cannot measure free disk space");
                return;
            }
        };
        let needed = self.min_free.bytes(space.total);
        self.wal_room = space.available >= needed.saturating_add(WAL_HEADROOM);
        let low = (space.available < needed).then(|| {
            format!(
                "free disk space for the embedded store is below HUSHLINK_MIN_FREE_DISK ({} MiB free, {} MiB required)",
                space.available >> 20,
                needed.div_ceil(1 << 20)
            )
        });
        if low.is_some() != self.low_disk.is_some() {
            match &low {
                Some(cause) => tracing::warn!(%cause, "refusing new secrets"),
                None => tracing::info!("free disk space is back: accepting new secrets"),
            }
        }
        self.low_disk = low;
        match self.shared.trouble() {
            Some(Trouble::Failing(_)) => {}
            _ => self
                .shared
                .set_trouble(self.low_disk.clone().map(Trouble::LowDisk)),
        }
    }

    /// Creates the reserve file if it is missing and there is room for it.
    fn ensure_reserve(&self) {
        let path = self.shared.dir.join(RESERVE_FILE_NAME);
        if std::fs::metadata(&path).is_ok_and(|m| m.len() >= RESERVE_BYTES) {
            return;
        }
        let written = (|| -> std::io::Result<()> {
            use std::io::Write;
            let mut file = std::fs::File::create(&path)?;
            // Real blocks, not a sparse file: zeros written out.
            let zeros = vec![0u8; 64 * 1024];
            for _ in 0..RESERVE_BYTES / zeros.len() as u64 {
                file.write_all(&zeros)?;
            }
            file.sync_all()
        })();
        if let Err(e) = written {
            let _ = std::fs::remove_file(&path);
            tracing::debug!(error = %e, "cannot create the disk space reserve yet");
        }
    }

    /// Gives the reserve's space back to the file system.
    fn release_reserve(&self) {
        let path = self.shared.dir.join(RESERVE_FILE_NAME);
        if std::fs::remove_file(&path).is_ok() {
            tracing::warn!("disk full: released the embedded store's space reserve");
        }
    }

    /// Compacts the file when [`worth_compacting`] says so, at a bounded
    /// rate. Runs between batches,
    /// holding the write side of the lock, so no transaction is live (redb
    /// requires it).
    fn maybe_compact(&mut self, low_disk: bool) {
        let interval = if low_disk {
            LOW_DISK_COMPACT_INTERVAL
        } else {
            COMPACT_MIN_INTERVAL
        };
        if self.last_compaction.is_some_and(|t| t.elapsed() < interval) {
            return;
        }
        let min_file = if low_disk { 0 } else { COMPACT_MIN_FILE };
        let before = match std::fs::metadata(&self.shared.path) {
            Ok(m) if m.len() >= min_file => m.len(),
            _ => return,
        };
        // Measured (a walk of the trees) at most once per interval, and
        // under the read side of the lock: readers go on meanwhile.
        self.last_compaction = Some(Instant::now());
        let used = (|| -> Result<u64, redb::Error> {
            let guard = self.shared.db.read().map_err(|_| redb::Error::PreviousIo)?;
            let db = guard.as_ref().ok_or(redb::Error::PreviousIo)?;
            let txn = db.begin_write()?;
            let stats = txn.stats()?;
            txn.abort()?;
            Ok(stats.allocated_pages() * stats.page_size() as u64)
        })();
        let used = match used {
            Ok(used) => used,
            Err(e) => {
                tracing::warn!(error = %e, "cannot measure the embedded store's use");
                return;
            }
        };
        let busy = std::mem::take(&mut self.created_since_compaction);
        if !worth_compacting(used, before, low_disk, busy) {
            return;
        }
        // Compaction works on durable state only.
        if !self.checkpoint() {
            return;
        }
        let Ok(mut guard) = self.shared.db.write() else {
            return;
        };
        let Some(db) = guard.as_mut() else {
            return;
        };
        let started = Instant::now();
        for _ in 0..COMPACT_MAX_PASSES {
            match db.compact() {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    tracing::warn!(error = %e, "compaction of the embedded store failed");
                    break;
                }
            }
        }
        let after = std::fs::metadata(&self.shared.path).map_or(before, |m| m.len());
        tracing::info!(
            before_bytes = before,
            after_bytes = after,
            used_bytes = used,
            ms = started.elapsed().as_millis() as u64,
            "compacted the embedded store"
        );
    }
}

/// Whether a file of `file` bytes with `used` of them in use is worth
/// compacting (which holds every request for its duration). When free disk
/// space is short, once a quarter of it is free. Otherwise once half of it
/// is free, but only a quarter while creates keep coming (`busy`): under
/// churn the file needs about twice its live data, because pages freed by
/// the log's non-durable commits are reused only after the next checkpoint
/// and redb grows the file by doubling, so a file compacted to its live data
/// grew straight back (`bench/churn.sh`: 136 MB compacted to 64 MB by the
/// first purge, 128 MB again ten seconds later, then flat). An idle file
/// still gives back half of itself at the next purge.
fn worth_compacting(used: u64, file: u64, low_disk: bool, busy: bool) -> bool {
    if low_disk {
        used.saturating_mul(4) <= file.saturating_mul(3)
    } else if busy {
        used.saturating_mul(4) <= file
    } else {
        used.saturating_mul(2) <= file
    }
}

/// Replays the log's batches that redb does not hold (after a crash, or a
/// reopen that took the file back to its last durable commit), in order and
/// through the same `apply`, then checkpoints: a durable commit, and the log
/// emptied. Returns the LSN the file now holds.
fn replay(db: &Database, wal: &mut wal::Wal, bounds: wal::Bounds) -> Result<u64, redb::Error> {
    let mut applied = {
        let txn = db.begin_read()?;
        let meta = txn.open_table(WAL_META)?;
        meta.get(WAL_APPLIED)?.map_or(0, |v| v.value())
    };
    let mut replayed = 0;
    // Record by record, as read: one in memory at a time.
    wal.scan(|record| -> Result<bool, redb::Error> {
        if record.lsn <= applied {
            return Ok(true);
        }
        // A gap: what follows is not the continuation of this state.
        if record.lsn != applied + 1 {
            return Ok(false);
        }
        let how = Commit::Replay { lsn: record.lsn };
        // The bounds the batch was answered with, not today's settings.
        let recorded = wal::Bounds {
            quota: record.quota,
            max_receipts: record.max_receipts,
        };
        apply(db, &record.ops, record.now, None, recorded, how)?;
        applied = record.lsn;
        replayed += 1;
        Ok(true)
    })?;
    apply(
        db,
        &[],
        now_secs(),
        None,
        bounds,
        Commit::Durable {
            applied,
            index: None,
        },
    )?;
    wal.reset()?;
    if replayed > 0 {
        tracing::info!(batches = replayed, "replayed the write-ahead log");
    }
    Ok(applied)
}

/// Answers the creates among `ops` with `error`; returns the others.
fn refuse_puts(ops: Vec<Op>, error: impl Fn() -> StoreError) -> Vec<Op> {
    let (puts, rest): (Vec<Op>, Vec<Op>) = ops.into_iter().partition(Op::is_put);
    for op in puts {
        op.answer(Err(error()));
    }
    rest
}

fn answer_all(ops: Vec<Op>, outcomes: Vec<Outcome>) {
    for (op, outcome) in ops.into_iter().zip(outcomes) {
        op.answer(Ok(outcome));
    }
}

/// The file system has no room (or the user's quota is spent).
fn is_no_space(e: &redb::Error) -> bool {
    use std::io::ErrorKind;
    matches!(e, redb::Error::Io(io)
        if matches!(io.kind(), ErrorKind::StorageFull | ErrorKind::QuotaExceeded))
}

/// redb refuses every operation after an I/O error until it is reopened.
fn needs_reopen(e: &redb::Error) -> bool {
    matches!(e, redb::Error::Io(_) | redb::Error::PreviousIo)
}

/// Applies a batch in one transaction and commits it; returns each op's
/// outcome, in order. Nothing is answered here: only after the commit.
fn apply(
    db: &Database,
    ops: &[Op],
    now: u64,
    webhooks: Option<&InDecisions>,
    bounds: wal::Bounds,
    how: Commit<'_>,
) -> Result<Vec<Outcome>, redb::Error> {
    let wal::Bounds {
        quota: max_stored_bytes,
        max_receipts,
    } = bounds;
    let mut outcomes = Vec::with_capacity(ops.len());
    let mut txn = db.begin_write()?;
    txn.set_two_phase_commit(true);
    let mut tally = quota::Tally::default();
    // Whether a create with a receipt came (only then may the receipts
    // exceed their bound).
    let mut receipts_added = false;
    let deferred = {
        let mut secrets = txn.open_table(SECRETS)?;
        let mut expiry = txn.open_table(EXPIRY)?;
        // Opened at the first op that needs them, once per batch. A logged
        // batch leaves its creates' index entries pending; a durable one
        // writes those pending first, so the table is whole for its ops.
        let pending = match &how {
            Commit::Logged { index, .. } => Some(*index),
            _ => None,
        };
        let mut receipt_tables = receipts::Tables::new(&txn, pending);
        match &how {
            Commit::Durable {
                index: Some(index), ..
            } => receipt_tables.write_index(&index.snapshot())?,
            Commit::Logged { sweep, .. } => receipt_tables.write_index(sweep)?,
            _ => {}
        }
        for op in ops {
            let outcome = match op {
                Op::Put {
                    key,
                    expires_at,
                    views,
                    value,
                    ..
                } => {
                    if let Some(refusal) = tally.admit(&txn, value.len(), max_stored_bytes)? {
                        outcomes.push(refusal);
                        continue;
                    }
                    let row = Row::encode(*expires_at, *views, None, value);
                    secrets.insert(key.as_str(), row.as_slice())?;
                    expiry.insert((*expires_at, key.as_str()), ())?;
                    Outcome::Unit
                }
                Op::Take { key, expected, .. } => {
                    let current = secrets.get(key.as_str())?.map(|v| v.value().to_vec());
                    let taken = match current.as_deref().map(|row| (row, decode_live(row, now))) {
                        // Only if it still holds exactly the value the caller opened.
                        Some((row, Some(record))) if record.value == *expected => {
                            let expires_at = read_u64(row);
                            let seq = Row::receipt(row);
                            let left = record.views_left - 1;
                            if left == 0 {
                                if let Some(old) = secrets.remove(key.as_str())? {
                                    tally.removed(&txn, old.value())?;
                                }
                                expiry.remove((expires_at, key.as_str()))?;
                            } else {
                                let mut row = row.to_vec();
                                Row::set_views(&mut row, left);
                                secrets.insert(key.as_str(), row.as_slice())?;
                            }
                            receipts::viewed(&mut receipt_tables, key, seq, left, now)?;
                            Take::Taken { views_left: left }
                        }
                        _ => Take::Gone,
                    };
                    Outcome::Take(taken)
                }
                Op::Purge { .. } => {
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
                        if stale == Some(true)
                            && let Some(old) = secrets.remove(key.as_str())?
                        {
                            tally.removed(&txn, old.value())?;
                        }
                    }
                    zk_attempts::purge(&txn, now)?;
                    receipts::purge(&mut receipt_tables, now, max_receipts)?;
                    Outcome::Count(expired.len())
                }
                Op::FailAttempt { key, limit, .. } => {
                    // Read before the attempt may remove the row.
                    let seq = secrets
                        .get(key.as_str())?
                        .and_then(|row| Row::receipt(row.value()));
                    let outcome = zk_attempts::fail(
                        &txn,
                        &mut secrets,
                        &mut expiry,
                        &mut tally,
                        key,
                        *limit,
                        now,
                    )?;
                    receipts::failed(&mut receipt_tables, key, seq, outcome, now)?;
                    Outcome::Attempt(outcome)
                }
                Op::PutWithReceipt {
                    key,
                    expires_at,
                    views,
                    value,
                    receipt,
                    ..
                } => {
                    if let Some(refusal) = tally.admit(&txn, value.len(), max_stored_bytes)? {
                        outcomes.push(refusal);
                        continue;
                    }
                    let new = receipts::NewSecret {
                        key,
                        expires_at: *expires_at,
                        views: *views,
                        value,
                    };
                    receipts::put(
                        &mut receipt_tables,
                        &mut secrets,
                        &mut expiry,
                        new,
                        receipt,
                        now,
                    )?;
                    receipts_added = true;
                    Outcome::Unit
                }
                Op::Burn { hash, .. } => Outcome::Receipt(receipts::burn(
                    &txn,
                    &mut receipt_tables,
                    &mut secrets,
                    &mut expiry,
                    &mut tally,
                    *hash,
                    now,
                )?),
                Op::CommitKeys {
                    version,
                    changes,
                    bootstrap,
                    ..
                } => Outcome::Bool(commit_keys_in(
                    &txn,
                    *version,
                    changes.clone(),
                    bootstrap.clone(),
                )?),
                Op::TouchKey { name, at, .. } => {
                    let exists = txn.open_table(KEYS)?.get(name.as_str())?.is_some();
                    if exists {
                        txn.open_table(KEY_LAST_USED)?.insert(name.as_str(), *at)?;
                    }
                    Outcome::Unit
                }
                Op::ResetBootstrap { .. } => {
                    let mut meta = txn.open_table(KEY_META)?;
                    let existed = meta.remove(META_BOOTSTRAPPED)?.is_some();
                    let version = meta
                        .get(META_VERSION)?
                        .map(|v| read_u64(v.value()))
                        .unwrap_or(0);
                    meta.insert(META_VERSION, (version + 1).to_be_bytes().as_slice())?;
                    Outcome::Bool(existed)
                }
                Op::Hooks { write, .. } => Outcome::Count(hooks::apply(&txn, write)?),
                Op::Check | Op::Close { .. } => Outcome::Unit,
            };
            if let Some(webhooks) = webhooks {
                hooks::after(&txn, &secrets, op, &outcome, now, webhooks)?;
            }
            outcomes.push(outcome);
        }
        if receipts_added {
            // Decided from the table's size and the bound recorded with
            // the batch, so that a replay drops the same receipts.
            receipts::trim(&mut receipt_tables, max_receipts)?;
        }
        receipt_tables.into_deferred()
    };
    tally.save(&txn)?;
    let applied = match &how {
        Commit::Durable { applied, .. } => *applied,
        Commit::Logged { lsn, .. } | Commit::Replay { lsn } => *lsn,
    };
    txn.open_table(WAL_META)?.insert(WAL_APPLIED, applied)?;
    match how {
        Commit::Durable { index, .. } => {
            txn.commit()?;
            if let Some(index) = index {
                index.clear();
            }
        }
        Commit::Replay { .. } => {
            txn.set_durability(redb::Durability::None)?;
            txn.commit()?;
        }
        Commit::Logged {
            lsn,
            wal,
            index,
            sweep,
        } => {
            // Durable in the log before redb makes it visible: a failed
            // append aborts the transaction (dropped here), nothing changed.
            let before = wal.len();
            wal.append(lsn, now, bounds, ops)?;
            txn.set_durability(redb::Durability::None)?;
            if let Err(e) = txn.commit() {
                // Not answered as done, so not to be replayed either.
                wal.unappend(before);
                return Err(e.into());
            }
            // Before any create is answered, so whoever holds its receipt
            // finds it; the swept entries are in the table now visible.
            index.done(&sweep);
            index.cancel(&deferred.cancelled);
            index.add(deferred.adds, deferred.removals);
        }
    }
    Ok(outcomes)
}

/// How `apply` makes its transaction last.
enum Commit<'a> {
    /// A durable redb commit, holding every logged batch up to `applied`;
    /// it writes the pending receipt index entries of `index` (the
    /// writer's; none at replay, which writes its entries directly).
    Durable {
        applied: u64,
        index: Option<&'a receipts::Pending>,
    },
    /// Appended to the log and synced, then committed to redb non-durably;
    /// its creates' receipt index entries go to `index`, pending until
    /// the next durable commit.
    /// It also writes `sweep`, pending entries of earlier batches (a
    /// replay would write them again, from their own batches).
    Logged {
        lsn: u64,
        wal: &'a mut wal::Wal,
        index: &'a receipts::Pending,
        sweep: receipts::IndexWork,
    },
    /// A batch read back from the log, committed non-durably (the replay
    /// ends with a checkpoint).
    Replay { lsn: u64 },
}

/// Wrong-proof counters of zero-knowledge secrets, inside the writer's
/// transaction: self-contained so the rest of the writer is untouched.
mod zk_attempts {
    use redb::{ReadableTable, Table, WriteTransaction};

    use super::{Attempt, ZK_ATTEMPTS, decode_live, quota, read_u64};

    /// Counts one wrong proof; at `limit` removes the secret, its expiry
    /// entry and the counter.
    pub(super) fn fail(
        txn: &WriteTransaction,
        secrets: &mut Table<&str, &[u8]>,
        expiry: &mut Table<(u64, &str), ()>,
        tally: &mut quota::Tally,
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
            if let Some(old) = secrets.remove(key)? {
                tally.removed(txn, old.value())?;
            }
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

/// The storage quota's counters (`HUSHLINK_MAX_STORED_BYTES`) inside the
/// writer's transaction: the ciphertext bytes and the number of secrets
/// held, added to by a create and taken from by whatever removes a secret
/// (the last view's take, a burn, the wrong proof that destroys, the purge),
/// in the same transaction, so they are exact. A secret that has expired
/// but is not purged yet still counts (until the next purge, at most
/// `HUSHLINK_PURGE_INTERVAL`). Self-contained: the writer only calls in.
mod quota {
    use redb::{ReadTransaction, ReadableTable, TableDefinition, WriteTransaction};

    use super::{Outcome, Row, SECRETS};
    use crate::store::Held;

    /// `bytes` / `secrets` -> their count.
    const QUOTA: TableDefinition<&str, u64> = TableDefinition::new("quota");
    const BYTES: &str = "bytes";
    const SECRETS_HELD: &str = "secrets";

    /// Creates the table; a file written before the quota existed gets its
    /// counters from one scan of the secrets, so they are exact from the start.
    pub(super) fn create_table(txn: &WriteTransaction) -> Result<(), redb::Error> {
        let mut quota = txn.open_table(QUOTA)?;
        if quota.get(BYTES)?.is_some() {
            return Ok(());
        }
        let mut held = Held::default();
        for row in txn.open_table(SECRETS)?.iter()? {
            let (_, row) = row?;
            held.bytes += value_len(row.value());
            held.secrets += 1;
        }
        quota.insert(BYTES, held.bytes)?;
        quota.insert(SECRETS_HELD, held.secrets)?;
        Ok(())
    }

    /// The counters, from a read transaction.
    pub(super) fn read(txn: &ReadTransaction) -> Result<Held, redb::Error> {
        let quota = txn.open_table(QUOTA)?;
        let get =
            |name| -> Result<u64, redb::Error> { Ok(quota.get(name)?.map_or(0, |v| v.value())) };
        Ok(Held {
            bytes: get(BYTES)?,
            secrets: get(SECRETS_HELD)?,
        })
    }

    /// The sealed value's length (a receipt number in the row is not counted).
    fn value_len(row: &[u8]) -> u64 {
        Row::parts(row).map_or(0, |(_, value)| value.len() as u64)
    }

    /// One transaction's view of the counters: read on first use, written
    /// back once before the commit.
    #[derive(Default)]
    pub(super) struct Tally {
        held: Option<Held>,
    }

    impl Tally {
        fn held(&mut self, txn: &WriteTransaction) -> Result<&mut Held, redb::Error> {
            if self.held.is_none() {
                let quota = txn.open_table(QUOTA)?;
                let get = |name| -> Result<u64, redb::Error> {
                    Ok(quota.get(name)?.map_or(0, |v| v.value()))
                };
                self.held = Some(Held {
                    bytes: get(BYTES)?,
                    secrets: get(SECRETS_HELD)?,
                });
            }
            Ok(self.held.get_or_insert_default())
        }

        /// Counts a create of `len` bytes, or refuses it (`Some`) when it
        /// would take the bytes held over `max` (0: no quota).
        pub(super) fn admit(
            &mut self,
            txn: &WriteTransaction,
            len: usize,
            max: u64,
        ) -> Result<Option<Outcome>, redb::Error> {
            let len = len as u64;
            let held = self.held(txn)?;
            if max > 0 && held.bytes.saturating_add(len) > max {
                return Ok(Some(Outcome::OverQuota(format!(
                    "{} bytes held in {} secrets, {len} more asked, quota {max} bytes",
                    held.bytes, held.secrets
                ))));
            }
            held.bytes = held.bytes.saturating_add(len);
            held.secrets = held.secrets.saturating_add(1);
            Ok(None)
        }

        /// Counts the removal of a secret whose row was `row`.
        pub(super) fn removed(
            &mut self,
            txn: &WriteTransaction,
            row: &[u8],
        ) -> Result<(), redb::Error> {
            let len = value_len(row);
            let held = self.held(txn)?;
            held.bytes = held.bytes.saturating_sub(len);
            held.secrets = held.secrets.saturating_sub(1);
            Ok(())
        }

        /// Writes the counters back, if this transaction changed them.
        pub(super) fn save(self, txn: &WriteTransaction) -> Result<(), redb::Error> {
            if let Some(held) = self.held {
                let mut quota = txn.open_table(QUOTA)?;
                quota.insert(BYTES, held.bytes)?;
                quota.insert(SECRETS_HELD, held.secrets)?;
            }
            Ok(())
        }
    }
}

/// Receipts inside the writer's transaction (and one read transaction):
/// self-contained, so the rest of the writer only calls in at the points
/// where a secret's life changes.
///
/// **Layout, and why.** A commit's cost is the pages it rewrites: redb
/// copies every leaf it changes (and the branches above it), checksums it
/// and writes it out before the fsync. Receipts outlive their secrets (by
/// `HUSHLINK_RECEIPT_RETENTION`), so their tables are large, and a row put
/// at a random place in a large table costs a leaf of its own. Each create
/// therefore touches one random place only, the hash index; the rest is
/// written in creation order, where a batch's rows share a leaf:
/// * `receipt_records`: sequence number -> [`Stored`] (the record, the
///   secret's storage key and the receipt's drop time), in a binary form
///   (`codec`; records written as JSON before it still read). Numbers grow with
///   each create, so creates append to the table's last leaf, and a take
///   (most of them come soon after their create) rewrites a recent leaf;
/// * `receipt_hash_index`: the receipt hash's first 8 bytes -> sequence
///   numbers, the only way in for the receipt's holder (read, burn; the
///   record holds the whole hash, which is checked). Small fixed-width rows
///   make a shallow tree, so its one random leaf per create drags few
///   branch pages with it. A create logged through the write-ahead log
///   leaves its entry [`Pending`] in memory instead; later logged batches
///   write the pending entries of a slice of the key space each
///   ([`Sweep`], a lap per `SWEEP_OPS` ops), so that a leaf is rewritten
///   for a lap's worth of creates rather than for each, and a durable commit
///   writes all that are left. That random leaf was the writer's largest
///   cost per create (callgrind, form flow, 32 connections: 34k of the
///   writer's 73k instructions per request);
/// * `receipt_drops`: (drop time, sequence number) -> receipt hash, in the
///   order the purge drops them.
///
/// The secret's own row carries its receipt's sequence number (see
/// [`super::Row`]), so a take or a wrong proof finds the record without an
/// index keyed by storage key (which cost a random leaf per create). An
/// earlier layout (three tables, one row each keyed at random) is dropped
/// when the file is opened, and so is the index of the second, keyed by
/// the whole hash in hex.
mod receipts {
    use redb::{
        MultimapTable, MultimapTableDefinition, ReadTransaction, ReadableMultimapTable,
        ReadableTable, ReadableTableMetadata, Table, TableDefinition, WriteTransaction,
    };
    use serde::{Deserialize, Serialize};
    use std::collections::BTreeSet;
    use std::sync::Mutex;

    use super::{Attempt, ReceiptRead, Row, ZK_ATTEMPTS, decode_live, quota, read_u64};
    use crate::receipt::{EventKind, NewReceipt, ReceiptHash, ReceiptRecord, State};

    /// Sequence number -> [`Stored`] (binary, or JSON as first written).
    const RECORDS: TableDefinition<u64, &[u8]> = TableDefinition::new("receipt_records");
    /// First 8 bytes of the receipt hash -> sequence numbers.
    const HASHES: MultimapTableDefinition<u64, u64> =
        MultimapTableDefinition::new("receipt_hash_index");
    /// (drop_at, sequence number) -> receipt hash (hex): the purge's order.
    const DROPS: TableDefinition<(u64, u64), &str> = TableDefinition::new("receipt_drops");

    /// The tables of the earlier layout, dropped at open (their rows were
    /// keyed at random; see the module documentation).
    const OLD_TABLES: [&str; 4] = ["receipts", "receipt_of", "receipt_drop", "receipt_hashes"];

    #[derive(Serialize, Deserialize)]
    struct Stored {
        /// The receipt hash, hex: what a lookup by its first bytes checks.
        #[serde(default)]
        hash: String,
        key: String,
        drop_at: u64,
        record: ReceiptRecord,
    }

    /// The receipt hash index entries (first 8 bytes of the hash, receipt
    /// number) of logged creates that the index table does not hold yet:
    /// a later logged batch whose [`Sweep`] passes their key, or else the
    /// next durable commit (a checkpoint, at most `CHECKPOINT_EVERY` later,
    /// or once `PENDING_MAX` are held), writes them to it, then they are
    /// dropped from here. Lookups (`read`, `burn`) try both; the
    /// record's whole hash is checked either way, so an entry seen twice,
    /// or naming a number since reused, finds nothing wrong.
    ///
    /// Why it is safe for a reader: an entry is added after its create
    /// commits but before the create is answered, and dropped only after
    /// the commit that wrote it to the table is visible; a reader takes its
    /// entries *before* its read transaction begins, so whoever holds the
    /// receipt finds the entry here or in the table its snapshot sees.
    /// After a crash or a reopen, the replay writes the entries of the
    /// batches it applies straight to the table, and this is emptied.
    ///
    /// It also holds the entries of receipts that logged batches dropped
    /// (the receipts bound drops the oldest as creates come, one random
    /// index leaf each): their removal from the table waits for the sweep
    /// or the checkpoint in the same way, so that the removals sharing a
    /// leaf share its rewrite. Lookups need not see those: the batch that
    /// dropped a receipt removed its record, and an entry whose record is
    /// gone finds nothing.
    #[derive(Default)]
    pub(crate) struct Pending(Mutex<IndexSets>);

    #[derive(Default)]
    struct IndexSets {
        adds: BTreeSet<IndexEntry>,
        removals: BTreeSet<IndexEntry>,
    }

    /// Index work held for later, or due now: entries to write to the
    /// table, and entries to remove from it.
    #[derive(Debug, Default, Clone, PartialEq)]
    pub(super) struct IndexWork {
        pub(super) adds: Vec<IndexEntry>,
        pub(super) removals: Vec<IndexEntry>,
    }

    impl IndexWork {
        pub(super) fn len(&self) -> usize {
            self.adds.len() + self.removals.len()
        }
    }

    impl Pending {
        fn lock(&self) -> std::sync::MutexGuard<'_, IndexSets> {
            // The sets are never left half-changed: a panic elsewhere
            // cannot make them wrong.
            self.0.lock().unwrap_or_else(|e| e.into_inner())
        }

        /// The receipt numbers pending under `prefix`.
        pub(super) fn seqs(&self, prefix: u64) -> Vec<u64> {
            self.lock()
                .adds
                .range((prefix, 0)..=(prefix, u64::MAX))
                .map(|(_, seq)| *seq)
                .collect()
        }

        /// Whether `entry` waits to be written to the table.
        fn is_added(&self, entry: IndexEntry) -> bool {
            self.lock().adds.contains(&entry)
        }

        /// A committed logged batch's entries to write, and to remove.
        pub(super) fn add(&self, adds: Vec<IndexEntry>, removals: Vec<IndexEntry>) {
            if adds.is_empty() && removals.is_empty() {
                return;
            }
            let mut sets = self.lock();
            for entry in adds {
                // A number reused under the same prefix: the entry is
                // wanted again, whatever an older drop asked.
                sets.removals.remove(&entry);
                sets.adds.insert(entry);
            }
            sets.removals.extend(removals);
        }

        /// Everything pending, in key order.
        pub(super) fn snapshot(&self) -> IndexWork {
            let sets = self.lock();
            IndexWork {
                adds: sets.adds.iter().copied().collect(),
                removals: sets.removals.iter().copied().collect(),
            }
        }

        /// What is pending under the prefixes `from..=to`, in key order.
        fn range(&self, from: u64, to: u64) -> IndexWork {
            let sets = self.lock();
            let range = (from, 0)..=(to, u64::MAX);
            IndexWork {
                adds: sets.adds.range(range.clone()).copied().collect(),
                removals: sets.removals.range(range).copied().collect(),
            }
        }

        /// Drops what a visible commit did to the table.
        pub(super) fn done(&self, work: &IndexWork) {
            if work.len() > 0 {
                let mut sets = self.lock();
                for entry in &work.adds {
                    sets.adds.remove(entry);
                }
                for entry in &work.removals {
                    sets.removals.remove(entry);
                }
            }
        }

        /// Drops entries that are no longer to be written: their receipts
        /// were dropped before the sweep reached them.
        pub(super) fn cancel(&self, adds: &[IndexEntry]) {
            if !adds.is_empty() {
                let mut sets = self.lock();
                for entry in adds {
                    sets.adds.remove(entry);
                }
            }
        }

        /// Drops everything: after the durable commit that did the
        /// snapshot (only the writer adds, so none came in between), or
        /// after a replay.
        pub(super) fn clear(&self) {
            let mut sets = self.lock();
            sets.adds.clear();
            sets.removals.clear();
        }

        /// Entries pending, to write and to remove.
        pub(super) fn len(&self) -> usize {
            let sets = self.lock();
            sets.adds.len() + sets.removals.len()
        }

        /// Entries waiting to be written.
        #[cfg(test)]
        pub(super) fn adds(&self) -> usize {
            self.lock().adds.len()
        }
    }

    /// Which pending entries a logged batch writes: those whose prefix the
    /// sweep passes, moving through the key space by the batch's share of
    /// a lap of `lap_ops` ops. Entries sharing a leaf are written together
    /// (a lap's creates per leaf rather than one), and the work is spread
    /// over the batches instead of stalling the checkpoint. Counted in ops,
    /// not time, so that it does the same under a profiler.
    pub(super) struct Sweep {
        at: u64,
        lap_ops: u64,
    }

    impl Sweep {
        pub(super) fn new(lap_ops: u64) -> Self {
            Sweep { at: 0, lap_ops }
        }

        /// The pending entries over the batch's share of the key space (a
        /// batch of `ops` ops).
        pub(super) fn next(&mut self, pending: &Pending, ops: usize) -> IndexWork {
            let ops = ops as u64;
            if ops >= self.lap_ops {
                return pending.snapshot();
            }
            // Below 2^64: `ops` is less than `lap_ops`.
            let step = ((u128::from(ops) << 64) / u128::from(self.lap_ops)) as u64;
            let (from, to) = (self.at, self.at.wrapping_add(step));
            self.at = to;
            if step == 0 {
                return IndexWork::default();
            }
            if from < to {
                pending.range(from, to - 1)
            } else {
                // Round the end of the key space.
                let mut work = pending.range(from, u64::MAX);
                if to > 0 {
                    let rest = pending.range(0, to - 1);
                    work.adds.extend(rest.adds);
                    work.removals.extend(rest.removals);
                }
                work
            }
        }
    }

    /// An index entry: the first 8 bytes of a receipt's hash, its number.
    pub(super) type IndexEntry = (u64, u64);

    /// The fields of a [`Stored`] that name its index entries (the rest of
    /// the record is skipped, not decoded).
    #[derive(Deserialize)]
    struct IndexEntries<'a> {
        #[serde(default, borrow)]
        hash: std::borrow::Cow<'a, str>,
        drop_at: u64,
    }

    pub(super) struct NewSecret<'a> {
        pub key: &'a str,
        pub expires_at: u64,
        pub views: u32,
        pub value: &'a [u8],
    }

    /// The receipt tables of a write transaction, opened once, when first
    /// needed: opening a table costs a lookup in redb's table of tables.
    pub(super) struct Tables<'txn> {
        txn: &'txn WriteTransaction,
        open: Option<Open<'txn>>,
        /// In a logged batch: the writer's pending index entries, and this
        /// batch's own (added to them once the batch commits).
        pending: Option<&'txn Pending>,
        deferred: Vec<(u64, u64)>,
        /// Pending entries of receipts this batch dropped, to leave the
        /// pending index once the batch commits.
        unpended: Vec<(u64, u64)>,
        /// In a logged batch: table entries of receipts this batch dropped,
        /// to be removed by the sweep or the checkpoint.
        removed: Vec<(u64, u64)>,
        /// Pending entries this batch wrote to the table (its sweep), in
        /// order: still pending until it commits, but in the table.
        written: Vec<(u64, u64)>,
    }

    /// What a batch leaves for the pending index once it commits.
    pub(super) struct Deferred {
        /// Its creates' entries, to write later.
        pub(super) adds: Vec<IndexEntry>,
        /// Pending entries of receipts it dropped, not to write any more.
        pub(super) cancelled: Vec<IndexEntry>,
        /// Table entries of receipts it dropped, to remove later.
        pub(super) removals: Vec<IndexEntry>,
    }

    pub(super) struct Open<'txn> {
        records: Table<'txn, u64, &'static [u8]>,
        hashes: MultimapTable<'txn, u64, u64>,
        drops: Table<'txn, (u64, u64), &'static str>,
    }

    impl<'txn> Tables<'txn> {
        /// `pending`: the writer's pending index, when the batch is logged
        /// (its creates then leave their index entries pending too).
        pub(super) fn new(txn: &'txn WriteTransaction, pending: Option<&'txn Pending>) -> Self {
            Tables {
                txn,
                open: None,
                pending,
                deferred: Vec::new(),
                unpended: Vec::new(),
                removed: Vec::new(),
                written: Vec::new(),
            }
        }

        /// Does pending index work in the table (before the batch's ops),
        /// in key order: the leaves the entries share are rewritten once.
        /// Removals first: an entry both removed and added (a number
        /// reused) ends in the table.
        pub(super) fn write_index(&mut self, work: &IndexWork) -> Result<(), redb::Error> {
            if work.len() == 0 {
                return Ok(());
            }
            let hashes = &mut self.get()?.hashes;
            for &(prefix, seq) in &work.removals {
                hashes.remove(prefix, seq)?;
            }
            for &(prefix, seq) in &work.adds {
                hashes.insert(prefix, seq)?;
            }
            self.written.extend_from_slice(&work.adds);
            self.written.sort_unstable();
            Ok(())
        }

        /// What this batch leaves for the pending index once it commits.
        pub(super) fn into_deferred(self) -> Deferred {
            Deferred {
                adds: self.deferred,
                cancelled: self.unpended,
                removals: self.removed,
            }
        }

        /// Index entries of receipts a logged batch dropped, which it left
        /// in place: an entry not written yet is not to be written (this
        /// batch's, or pending), one in the table (there before, or written
        /// by this batch's sweep) is to be removed later.
        fn defer_removals(&mut self, entries: Vec<(u64, u64)>) {
            for entry in entries {
                if let Some(i) = self.deferred.iter().position(|e| *e == entry) {
                    self.deferred.swap_remove(i);
                } else if self.written.binary_search(&entry).is_ok() {
                    self.removed.push(entry);
                } else if self.pending.is_some_and(|p| p.is_added(entry)) {
                    self.unpended.push(entry);
                } else {
                    self.removed.push(entry);
                }
            }
        }

        /// Index entries of dropped receipts that the table did not hold:
        /// deferred by this batch (dropped here), or pending (dropped from
        /// the pending index once the batch commits, so that the sweep
        /// never writes an entry whose receipt is gone).
        fn unpend(&mut self, entries: Vec<(u64, u64)>) {
            for entry in entries {
                match self.deferred.iter().position(|e| *e == entry) {
                    Some(i) => {
                        self.deferred.swap_remove(i);
                    }
                    None => self.unpended.push(entry),
                }
            }
        }

        /// Receipt numbers indexed under `prefix` outside the table: pending,
        /// or deferred by this batch.
        fn untabled(&self, prefix: u64) -> Vec<u64> {
            let mut seqs = self.pending.map_or_else(Vec::new, |p| p.seqs(prefix));
            seqs.extend(
                self.deferred
                    .iter()
                    .filter(|(p, _)| *p == prefix)
                    .map(|(_, seq)| *seq),
            );
            seqs
        }

        fn get(&mut self) -> Result<&mut Open<'txn>, redb::Error> {
            let open = match self.open.take() {
                Some(open) => open,
                None => Open {
                    records: self.txn.open_table(RECORDS)?,
                    hashes: self.txn.open_multimap_table(HASHES)?,
                    drops: self.txn.open_table(DROPS)?,
                },
            };
            Ok(self.open.insert(open))
        }
    }

    pub(super) fn create_tables(txn: &WriteTransaction) -> Result<(), redb::Error> {
        for name in OLD_TABLES {
            let old: TableDefinition<&str, &[u8]> = TableDefinition::new(name);
            // A table of another type under that name is deleted all the same.
            if let Err(e) = txn.delete_table(old) {
                tracing::warn!(error = %e, table = name, "cannot drop an old receipts table");
            }
        }
        txn.open_table(RECORDS)?;
        txn.open_multimap_table(HASHES)?;
        txn.open_table(DROPS)?;
        Ok(())
    }

    /// The index key of a receipt hash (hex): its first 8 bytes.
    fn prefix(hex: &str) -> u64 {
        hex.get(..16)
            .and_then(|p| u64::from_str_radix(p, 16).ok())
            .unwrap_or(0)
    }

    /// The index key of a receipt hash: its first 8 bytes (as `prefix`).
    pub(super) fn prefix_of(hash: &ReceiptHash) -> u64 {
        let mut first = [0; 8];
        first.copy_from_slice(&hash.as_bytes()[..8]);
        u64::from_be_bytes(first)
    }

    /// The receipt whose hash is `hex`, with its number: through the index
    /// table, then the numbers indexed outside it (`untabled`).
    fn find(
        hashes: &impl ReadableMultimapTable<u64, u64>,
        records: &impl ReadableTable<u64, &'static [u8]>,
        hex: &str,
        untabled: &[u64],
    ) -> Result<Option<(u64, Stored)>, redb::Error> {
        let tabled = hashes
            .get(prefix(hex))?
            .map(|seq| seq.map(|s| s.value()))
            .collect::<Result<Vec<u64>, _>>()?;
        for &seq in tabled.iter().chain(untabled) {
            let found = records.get(seq)?.map(|v| decode(v.value())).transpose()?;
            if let Some(stored) = found.filter(|s| s.hash == hex) {
                return Ok(Some((seq, stored)));
            }
        }
        Ok(None)
    }

    /// A record as stored: in the binary form (`codec`), or as JSON, as
    /// files written before it hold them.
    fn decode(bytes: &[u8]) -> Result<Stored, redb::Error> {
        let bad =
            |e: &dyn std::fmt::Display| redb::Error::Corrupted(format!("bad receipt record: {e}"));
        match bytes.first() {
            Some(&codec::BINARY) => codec::decode(bytes).ok_or_else(|| bad(&"truncated")),
            _ => serde_json::from_slice(bytes).map_err(|e| bad(&e)),
        }
    }

    fn save(records: &mut Table<u64, &[u8]>, seq: u64, stored: &Stored) -> Result<(), redb::Error> {
        records.insert(seq, codec::encode(stored).as_slice())?;
        Ok(())
    }

    /// The binary form of a [`Stored`] record: every take decodes and
    /// rewrites its receipt, and as JSON that cost the writer 13k
    /// instructions per create and take (callgrind, form flow), a tenth of
    /// it. `BINARY | drop_at | created_at | expires_at (u64 LE) | views |
    /// views_used (u32 LE) | hash | key | state | events | sender`, each
    /// text as `len (u32 LE) | UTF-8`, the sender after a byte 0 (none) or
    /// 1. The first byte tells it from JSON, which starts with `{`.
    mod codec {
        use super::Stored;
        use crate::receipt::ReceiptRecord;

        pub(super) const BINARY: u8 = 1;

        fn text(out: &mut Vec<u8>, s: &str) {
            out.extend_from_slice(&(s.len() as u32).to_le_bytes());
            out.extend_from_slice(s.as_bytes());
        }

        pub(super) fn encode(stored: &Stored) -> Vec<u8> {
            let r = &stored.record;
            let sender = r.sender.as_deref();
            let texts = stored.hash.len()
                + stored.key.len()
                + r.state.len()
                + r.events.len()
                + sender.map_or(0, str::len);
            let mut out = Vec::with_capacity(1 + 3 * 8 + 2 * 4 + 5 * 4 + 1 + texts);
            out.push(BINARY);
            out.extend_from_slice(&stored.drop_at.to_le_bytes());
            out.extend_from_slice(&r.created_at.to_le_bytes());
            out.extend_from_slice(&r.expires_at.to_le_bytes());
            out.extend_from_slice(&r.views.to_le_bytes());
            out.extend_from_slice(&r.views_used.to_le_bytes());
            text(&mut out, &stored.hash);
            text(&mut out, &stored.key);
            text(&mut out, &r.state);
            text(&mut out, &r.events);
            match sender {
                None => out.push(0),
                Some(sender) => {
                    out.push(1);
                    text(&mut out, sender);
                }
            }
            out
        }

        /// Reads the fields in order; `None` once the bytes run short.
        struct Reader<'a>(&'a [u8]);

        impl<'a> Reader<'a> {
            fn take(&mut self, n: usize) -> Option<&'a [u8]> {
                let (head, rest) = self.0.split_at_checked(n)?;
                self.0 = rest;
                Some(head)
            }
            fn u32(&mut self) -> Option<u32> {
                Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
            }
            fn u64(&mut self) -> Option<u64> {
                Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
            }
            fn text(&mut self) -> Option<String> {
                let n = self.u32()? as usize;
                String::from_utf8(self.take(n)?.to_vec()).ok()
            }
        }

        /// The hash and the drop time alone (what the index needs).
        pub(super) fn index_fields(bytes: &[u8]) -> Option<(&str, u64)> {
            let mut r = Reader(bytes.get(1..)?);
            let drop_at = r.u64()?;
            // created_at, expires_at, views, views_used
            r.take(2 * 8 + 2 * 4)?;
            let n = r.u32()? as usize;
            Some((std::str::from_utf8(r.take(n)?).ok()?, drop_at))
        }

        /// `None` when the bytes run short or a text is not UTF-8.
        pub(super) fn decode(bytes: &[u8]) -> Option<Stored> {
            let mut r = Reader(bytes.get(1..)?);
            let (drop_at, created_at, expires_at) = (r.u64()?, r.u64()?, r.u64()?);
            let (views, views_used) = (r.u32()?, r.u32()?);
            let (hash, key, state, events) = (r.text()?, r.text()?, r.text()?, r.text()?);
            let sender = match r.take(1)?[0] {
                0 => None,
                1 => Some(r.text()?),
                _ => return None,
            };
            Some(Stored {
                hash,
                key,
                drop_at,
                record: ReceiptRecord {
                    created_at,
                    expires_at,
                    views,
                    views_used,
                    state,
                    events,
                    sender,
                },
            })
        }
    }

    /// Stores a secret (as `Op::Put` does, with its receipt's number in
    /// its row) and its receipt.
    pub(super) fn put(
        tables: &mut Tables<'_>,
        secrets: &mut Table<&str, &[u8]>,
        expiry: &mut Table<(u64, &str), ()>,
        new: NewSecret<'_>,
        receipt: &NewReceipt,
        now: u64,
    ) -> Result<(), redb::Error> {
        let defer = tables.pending.is_some();
        let t = tables.get()?;
        // One past the newest: the table's last leaf, which this batch's
        // creates share. A number freed by the purge of the newest record
        // may come back; every lookup through a secret's row checks that
        // the record names that secret.
        let seq = t
            .records
            .last()?
            .map_or(1, |(k, _)| k.value().saturating_add(1));
        let row = Row::encode(new.expires_at, new.views, Some(seq), new.value);
        secrets.insert(new.key, row.as_slice())?;
        expiry.insert((new.expires_at, new.key), ())?;

        let hash = receipt.hash.to_hex();
        let drop_at = new.expires_at.saturating_add(receipt.retention_secs);
        let stored = Stored {
            hash: hash.clone(),
            key: new.key.to_owned(),
            drop_at,
            record: ReceiptRecord {
                sender: receipt.sender.clone(),
                ..ReceiptRecord::new(now, new.expires_at, new.views)
            },
        };
        save(&mut t.records, seq, &stored)?;
        t.drops.insert((drop_at, seq), hash.as_str())?;
        // The index entry is the one row a create puts at a random place
        // in a large table (a leaf rewritten per create): in a logged batch
        // it waits for the checkpoint, which writes them all in key order.
        if defer {
            tables.deferred.push((prefix(&hash), seq));
        } else {
            t.hashes.insert(prefix(&hash), seq)?;
        }
        Ok(())
    }

    /// The receipt numbered `seq` (from the row of the secret `key`),
    /// changed by `change`.
    fn update(
        tables: &mut Tables<'_>,
        key: &str,
        seq: Option<u64>,
        change: impl FnOnce(&mut ReceiptRecord),
    ) -> Result<(), redb::Error> {
        let Some(seq) = seq else {
            return Ok(());
        };
        let records = &mut tables.get()?.records;
        let found = records.get(seq)?.map(|v| decode(v.value())).transpose()?;
        if let Some(mut stored) = found.filter(|s| s.key == key) {
            change(&mut stored.record);
            save(records, seq, &stored)?;
        }
        Ok(())
    }

    /// A view was taken (inside the take's own decision).
    pub(super) fn viewed(
        tables: &mut Tables<'_>,
        key: &str,
        seq: Option<u64>,
        views_left: u32,
        now: u64,
    ) -> Result<(), redb::Error> {
        update(tables, key, seq, |r| r.viewed(views_left, now))
    }

    /// A wrong proof was counted (inside `fail_attempt`'s decision).
    pub(super) fn failed(
        tables: &mut Tables<'_>,
        key: &str,
        seq: Option<u64>,
        outcome: Attempt,
        now: u64,
    ) -> Result<(), redb::Error> {
        match outcome {
            Attempt::Gone => Ok(()),
            Attempt::Left(_) => update(tables, key, seq, |r| {
                r.push(EventKind::PassphraseFailed, now)
            }),
            Attempt::Destroyed => update(tables, key, seq, |r| {
                r.push(EventKind::PassphraseFailed, now);
                r.push(EventKind::Destroyed, now);
                r.state = State::Destroyed.code().to_owned();
            }),
        }
    }

    /// Destroys the secret of the receipt `hash` if it still lives.
    pub(super) fn burn(
        txn: &WriteTransaction,
        tables: &mut Tables<'_>,
        secrets: &mut Table<&str, &[u8]>,
        expiry: &mut Table<(u64, &str), ()>,
        tally: &mut quota::Tally,
        hash: ReceiptHash,
        now: u64,
    ) -> Result<ReceiptRead, redb::Error> {
        let untabled = tables.untabled(prefix_of(&hash));
        let t = tables.get()?;
        let found = find(&t.hashes, &t.records, &hash.to_hex(), &untabled)?;
        let Some((seq, mut stored)) = found.filter(|(_, s)| s.drop_at > now) else {
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
            if let Some(old) = secrets.remove(key)? {
                tally.removed(txn, old.value())?;
            }
            expiry.remove((expires_at, key))?;
            txn.open_table(ZK_ATTEMPTS)?.remove((expires_at, key))?;
            stored.record.push(EventKind::Burned, now);
            stored.record.state = State::Burned.code().to_owned();
            save(&mut t.records, seq, &stored)?;
            return Ok(Some((stored.record, false)));
        }
        Ok(Some((stored.record, live_expiry.is_some())))
    }

    /// Drops receipts past their retention, with their hash index entries;
    /// then, while more than `max` are kept (0: no bound), the oldest ones
    /// (by number: creation order), whatever their secret's state.
    pub(super) fn purge(tables: &mut Tables<'_>, now: u64, max: u64) -> Result<(), redb::Error> {
        let Open {
            records,
            hashes,
            drops,
        } = tables.get()?;
        let due: Vec<((u64, u64), String)> = drops
            .range(..(now + 1, 0))?
            .map(|entry| entry.map(|(k, v)| (k.value(), v.value().to_owned())))
            .collect::<Result<_, _>>()?;
        for ((at, seq), hash) in &due {
            drops.remove((*at, *seq))?;
            records.remove(*seq)?;
            hashes.remove(prefix(hash), *seq)?;
        }
        if max == 0 {
            return Ok(());
        }
        let excess = records.len()?.saturating_sub(max);
        let untabled = drop_oldest(records, Some(hashes), drops, excess)?;
        tables.unpend(untabled);
        Ok(())
    }

    /// After a batch of creates: once the receipts exceed `max` (0: no
    /// bound) by more than [`super::receipt_slack`], drops the oldest down
    /// to `max` (at most `TRIM_MOST` at once), so the table never holds
    /// more than the bound and its slack between purges. Decided from the
    /// table's size and `max` alone: a replay of the batch, given the bound
    /// recorded with it, drops the same receipts.
    pub(super) fn trim(tables: &mut Tables<'_>, max: u64) -> Result<(), redb::Error> {
        // Steady churn drops a slack and a batch at a time; a larger excess
        // (the bound lowered, or a file from a version that trimmed only
        // in purges) goes down this much per batch, bounding the batch's
        // time, well ahead of creates (at most `MAX_BATCH` a batch).
        const TRIM_MOST: u64 = 2 * super::MAX_BATCH as u64;
        if max == 0 {
            return Ok(());
        }
        let logged = tables.pending.is_some();
        let Open {
            records,
            hashes,
            drops,
        } = tables.get()?;
        let len = records.len()?;
        if len <= max.saturating_add(super::receipt_slack(max)) {
            return Ok(());
        }
        let n = (len - max).min(TRIM_MOST);
        if logged {
            // A logged batch: the index entries go later, a leaf at a time.
            let dropped = drop_oldest(records, None, drops, n)?;
            tables.defer_removals(dropped);
        } else {
            let untabled = drop_oldest(records, Some(hashes), drops, n)?;
            tables.unpend(untabled);
        }
        Ok(())
    }

    /// Drops the `n` oldest receipts (by number: creation order), whatever
    /// their secret's state, with their index entries when given `hashes`.
    /// Returns the entries that were not in the index table (a logged
    /// batch's creates leave theirs pending, see [`Pending`]), which the
    /// caller drops from there; without `hashes`, every dropped receipt's
    /// entry, for the caller to dispose of.
    fn drop_oldest(
        records: &mut Table<u64, &[u8]>,
        mut hashes: Option<&mut MultimapTable<u64, u64>>,
        drops: &mut Table<(u64, u64), &str>,
        mut n: u64,
    ) -> Result<Vec<(u64, u64)>, redb::Error> {
        let mut untabled = Vec::new();
        // In chunks, so that a large excess (a flood since the last purge)
        // is never held in memory at once.
        const CHUNK: u64 = 1024;
        while n > 0 {
            // Only what finds the index entries: 24 bytes a receipt, not the
            // decoded record with its event log.
            let oldest: Vec<(u64, u64, u64)> = records
                .iter()?
                .take(n.min(CHUNK) as usize)
                .map(|entry| {
                    let (seq, bytes) = entry?;
                    let (hash_prefix, drop_at) = index_fields(bytes.value())?;
                    Ok((seq.value(), hash_prefix, drop_at))
                })
                .collect::<Result<_, redb::Error>>()?;
            for &(seq, hash_prefix, drop_at) in &oldest {
                records.remove(seq)?;
                let tabled = match hashes.as_deref_mut() {
                    Some(hashes) => hashes.remove(hash_prefix, seq)?,
                    None => false,
                };
                if !tabled {
                    untabled.push((hash_prefix, seq));
                }
                drops.remove((drop_at, seq))?;
            }
            n -= oldest.len() as u64;
            if oldest.is_empty() {
                break;
            }
        }
        Ok(untabled)
    }

    /// What `drop_oldest` needs of a record (its hash's index key and its
    /// drop time), read without decoding the rest: the binary form
    /// (`codec`) or JSON, as files written before it hold them.
    fn index_fields(bytes: &[u8]) -> Result<(u64, u64), redb::Error> {
        let bad =
            |e: &dyn std::fmt::Display| redb::Error::Corrupted(format!("bad receipt record: {e}"));
        match bytes.first() {
            Some(&codec::BINARY) => codec::index_fields(bytes)
                .map(|(hash, drop_at)| (prefix(hash), drop_at))
                .ok_or_else(|| bad(&"truncated")),
            _ => {
                let entries: IndexEntries = serde_json::from_slice(bytes).map_err(|e| bad(&e))?;
                Ok((prefix(&entries.hash), entries.drop_at))
            }
        }
    }

    /// How many entries the index table holds.
    #[cfg(test)]
    pub(super) fn tabled_count(txn: &ReadTransaction) -> Result<u64, redb::Error> {
        use redb::ReadableTableMetadata;
        Ok(txn.open_multimap_table(HASHES)?.len()?)
    }

    /// Whether the index table holds an entry under `hash`'s prefix.
    #[cfg(test)]
    pub(super) fn tabled(txn: &ReadTransaction, hash: &ReceiptHash) -> Result<bool, redb::Error> {
        let hashes = txn.open_multimap_table(HASHES)?;
        Ok(hashes.get(prefix_of(hash))?.next().is_some())
    }

    /// A receipt and whether its secret lives, from a read transaction.
    /// `pending`: the receipt numbers the pending index holds for the
    /// hash, taken before the read transaction began.
    pub(super) fn read(
        txn: &ReadTransaction,
        hash: ReceiptHash,
        pending: &[u64],
        now: u64,
    ) -> Result<ReceiptRead, redb::Error> {
        let hashes = txn.open_multimap_table(HASHES)?;
        let records = txn.open_table(RECORDS)?;
        let found = find(&hashes, &records, &hash.to_hex(), pending)?;
        let Some((_, stored)) = found.filter(|(_, s)| s.drop_at > now) else {
            return Ok(None);
        };
        let live = txn
            .open_table(super::SECRETS)?
            .get(stored.key.as_str())?
            .is_some_and(|row| decode_live(row.value(), now).is_some());
        Ok(Some((stored.record, live)))
    }

    #[cfg(test)]
    mod tests {
        use super::{IndexWork, Pending, Stored, Sweep, codec, decode};
        use crate::receipt::{EventKind, ReceiptRecord};
        use std::collections::BTreeSet;

        fn stored(sender: Option<&str>) -> Stored {
            let mut record = ReceiptRecord::new(1_700_000_000, 1_700_003_600, 3);
            record.sender = sender.map(str::to_owned);
            record.viewed(2, 1_700_000_100);
            record.push(EventKind::PassphraseFailed, 1_700_000_200);
            Stored {
                hash: "ab".repeat(32),
                key: "snappass0123456789abcdef".to_owned(),
                drop_at: 1_700_608_400,
                record,
            }
        }

        #[test]
        fn a_record_reads_back_from_its_binary_form_and_from_json() {
            for sender in [None, Some("ann@example.com"), Some("é\"\n,")] {
                let stored = stored(sender);
                let bytes = codec::encode(&stored);
                assert_eq!(bytes[0], codec::BINARY);
                let back = decode(&bytes).unwrap();
                assert_eq!(
                    (&back.hash, &back.key, back.drop_at, &back.record),
                    (&stored.hash, &stored.key, stored.drop_at, &stored.record)
                );
                // As files written before the binary form hold it.
                let json = serde_json::to_vec(&stored).unwrap();
                assert_eq!(json[0], b'{');
                assert_eq!(decode(&json).unwrap().record, stored.record);
                // Cut anywhere, it is refused, never misread.
                for n in 1..bytes.len() {
                    assert!(decode(&bytes[..n]).is_err(), "read from {n} bytes");
                }
            }
            // A record of the first layout, without the hash.
            let old = br#"{"key":"k","drop_at":5,"record":{"created_at":1,"expires_at":2,"views":1,"views_used":0,"state":"a","events":""}}"#;
            assert_eq!(decode(old).unwrap().hash, "");
        }

        #[test]
        fn the_sweep_passes_every_pending_entry_once_a_lap() {
            let pending = Pending::default();
            let entries: Vec<(u64, u64)> = (0..1000u64)
                .map(|i| (i.wrapping_mul(0x9E37_79B9_7F4A_7C15), i))
                .collect();
            // Every third entry is one to remove.
            let (removals, adds): (Vec<_>, Vec<_>) = entries.iter().partition(|(_, i)| i % 3 == 0);
            pending.add(adds.clone(), removals.clone());
            let mut sweep = Sweep::new(1000);
            // Quarter laps, the last one round the end of the key space.
            sweep.next(&pending, 100);
            let (mut seen_adds, mut seen_removals) = (BTreeSet::new(), BTreeSet::new());
            for _ in 0..4 {
                let part = sweep.next(&pending, 250);
                assert!(
                    (150..350).contains(&part.len()),
                    "{} in a quarter",
                    part.len()
                );
                seen_adds.extend(part.adds);
                seen_removals.extend(part.removals);
            }
            assert_eq!(seen_adds, adds.iter().copied().collect::<BTreeSet<_>>());
            assert_eq!(
                seen_removals,
                removals.iter().copied().collect::<BTreeSet<_>>()
            );
            // A batch of a lap or more writes them all; of no op, none.
            assert_eq!(sweep.next(&pending, 1000).len(), entries.len());
            assert_eq!(sweep.next(&pending, 0).len(), 0);
            // What a commit did leaves; an entry added again after its
            // removal was asked is written, not removed.
            let all = pending.snapshot();
            pending.done(&IndexWork {
                adds: all.adds[..10].to_vec(),
                removals: all.removals[..10].to_vec(),
            });
            assert_eq!(pending.len(), entries.len() - 20);
            let again = all.removals[10];
            pending.add(vec![again], Vec::new());
            let now = pending.snapshot();
            assert!(now.adds.contains(&again) && !now.removals.contains(&again));
        }
    }
}

/// A secret's row in `SECRETS`: `expires_at (u64 BE) | views (u32 BE) |
/// [receipt (u64 BE)] | value`. The top bit of the views word says that the
/// receipt's number follows (views never reach it: at most
/// `secret::MAX_VIEWS`); rows written without one, such as those of files
/// made before receipts, read as they always did.
struct Row;

/// Set in a row's views word when the receipt's number follows.
const HAS_RECEIPT: u32 = 1 << 31;
/// The receipt number's length, when there is one.
const RECEIPT_LEN: usize = 8;

impl Row {
    fn encode(expires_at: u64, views: u32, receipt: Option<u64>, value: &[u8]) -> Vec<u8> {
        let mut row = Vec::with_capacity(HEADER_LEN + RECEIPT_LEN + value.len());
        row.extend_from_slice(&expires_at.to_be_bytes());
        let flag = if receipt.is_some() { HAS_RECEIPT } else { 0 };
        row.extend_from_slice(&(views | flag).to_be_bytes());
        if let Some(seq) = receipt {
            row.extend_from_slice(&seq.to_be_bytes());
        }
        row.extend_from_slice(value);
        row
    }

    fn views_word(row: &[u8]) -> Option<u32> {
        Some(u32::from_be_bytes(row.get(8..HEADER_LEN)?.try_into().ok()?))
    }

    /// The number of the secret's receipt, if it has one.
    fn receipt(row: &[u8]) -> Option<u64> {
        if Self::views_word(row)? & HAS_RECEIPT == 0 {
            return None;
        }
        let bytes = row.get(HEADER_LEN..HEADER_LEN + RECEIPT_LEN)?;
        Some(u64::from_be_bytes(bytes.try_into().ok()?))
    }

    /// Views left and the value, or `None` if the row is too short to be ours.
    fn parts(row: &[u8]) -> Option<(u32, &[u8])> {
        let word = Self::views_word(row)?;
        let start = if word & HAS_RECEIPT == 0 {
            HEADER_LEN
        } else {
            HEADER_LEN + RECEIPT_LEN
        };
        Some((word & !HAS_RECEIPT, row.get(start..)?))
    }

    /// Writes the views left, keeping whether a receipt number follows.
    fn set_views(row: &mut [u8], left: u32) {
        if let Some(word) = Self::views_word(row) {
            let word = (word & HAS_RECEIPT) | left;
            row[8..HEADER_LEN].copy_from_slice(&word.to_be_bytes());
        }
    }
}

/// Decodes a row, or `None` if it has expired (or is too short to be ours).
fn decode_live(row: &[u8], now: u64) -> Option<Record> {
    if read_u64(row) <= now {
        return None;
    }
    let (views_left, value) = Row::parts(row)?;
    Some(Record {
        value: value.to_vec(),
        views_left,
    })
}

fn read_u64(row: &[u8]) -> u64 {
    row.get(..8)
        .and_then(|b| b.try_into().ok())
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

fn now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn now_secs() -> u64 {
    now().as_secs()
}

/// The whole second from which a secret stored at `now` for `ttl` seconds
/// is expired (a row expires once `now_secs()` reaches it). Rounded up, so
/// a secret lives at least `ttl` seconds (under a second more), never less:
/// rounded down, a one-second secret made at x.95 s lived 50 ms.
fn expires_at(now: Duration, ttl: u64) -> u64 {
    let ms = now
        .as_millis()
        .saturating_add(u128::from(ttl) * 1000)
        .div_ceil(1000);
    u64::try_from(ms).unwrap_or(u64::MAX)
}

fn internal(e: impl std::fmt::Display) -> StoreError {
    StoreError::Internal(e.to_string())
}

fn closed() -> StoreError {
    StoreError::Unavailable("embedded store is closed".into())
}

fn reopening(shared: &Shared) -> StoreError {
    let cause = match shared.trouble() {
        Some(Trouble::Failing(cause)) => cause,
        _ => "embedded store is being reopened".to_owned(),
    };
    StoreError::Unavailable(cause)
}

/// Creates the database file readable and writable by its owner only (an
/// existing one is made so too): it holds every secret.
fn create_private_file(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map_err(|e| StoreError::Internal(format!("cannot create {}: {e}", path.display())))?;
    restrict_permissions(path, 0o600);
    Ok(())
}

/// Only the owner may use the store's files.
fn restrict_permissions(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)) {
            tracing::warn!(error = %e, path = %path.display(), "cannot restrict permissions");
        }
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_lives_at_least_its_ttl() {
        let at = |ms: u64| Duration::from_millis(ms);
        // Made at 10.950 s for 1 s: expired from 12 s (1.05 s), not from 11 s.
        assert_eq!(expires_at(at(10_950), 1), 12);
        assert_eq!(expires_at(at(10_000), 1), 11);
        assert_eq!(expires_at(at(10_001), 60), 71);
        assert_eq!(expires_at(at(u64::MAX), u64::MAX), u64::MAX);
    }

    #[test]
    fn a_file_under_churn_keeps_room_to_double_and_an_idle_one_gives_half_back() {
        const MB: u64 = 1 << 20;
        // Under churn (creates since the last look): 64 MB live in a 128 MB
        // file is the plateau, not something to give back.
        assert!(!worth_compacting(64 * MB, 128 * MB, false, true));
        assert!(!worth_compacting(33 * MB, 128 * MB, false, true));
        assert!(worth_compacting(32 * MB, 128 * MB, false, true));
        // Idle: half of the file free is worth a compaction.
        assert!(worth_compacting(64 * MB, 128 * MB, false, false));
        assert!(!worth_compacting(65 * MB, 128 * MB, false, false));
        // Short of disk, a quarter free is worth it, busy or not.
        for busy in [false, true] {
            assert!(worth_compacting(96 * MB, 128 * MB, true, busy));
            assert!(!worth_compacting(97 * MB, 128 * MB, true, busy));
        }
    }

    #[test]
    fn the_last_batches_before_the_log_is_full_sweep_a_lap_among_them() {
        let far = WAL_MAX_BYTES - FINAL_LAP_BYTES - 1;
        assert_eq!(sweep_share(10, 0), 10);
        assert_eq!(sweep_share(10, far), 10);
        // Within the last 64 KiB, each batch sweeps 1/16 of a lap at least.
        let near = WAL_MAX_BYTES - FINAL_LAP_BYTES;
        assert_eq!(
            sweep_share(10, near),
            (SWEEP_OPS / FINAL_LAP_BATCHES) as usize
        );
        assert_eq!(sweep_share(10, WAL_MAX_BYTES), 256);
        // A batch larger than that sweeps its own size, as always.
        assert_eq!(sweep_share(1_000, near), 1_000);
    }

    #[test]
    fn a_row_without_a_receipt_reads_as_rows_always_did() {
        // The layout of files written before receipts: no flag, no number.
        let mut old = 2_000u64.to_be_bytes().to_vec();
        old.extend_from_slice(&3u32.to_be_bytes());
        old.extend_from_slice(b"gAAAA-value");
        assert_eq!(Row::encode(2_000, 3, None, b"gAAAA-value"), old);
        assert_eq!(Row::receipt(&old), None);
        let record = decode_live(&old, 1_999).expect("live");
        assert_eq!(
            (record.views_left, record.value.as_slice()),
            (3, &b"gAAAA-value"[..])
        );
        assert!(decode_live(&old, 2_000).is_none());
    }

    #[test]
    fn a_row_carries_its_receipt_number_through_views() {
        let mut row = Row::encode(2_000, 5, Some(0x0102_0304_0506_0708), b"value");
        assert_eq!(Row::receipt(&row), Some(0x0102_0304_0506_0708));
        let record = decode_live(&row, 1_000).expect("live");
        assert_eq!(
            (record.views_left, record.value.as_slice()),
            (5, &b"value"[..])
        );
        Row::set_views(&mut row, 4);
        assert_eq!(Row::receipt(&row), Some(0x0102_0304_0506_0708));
        assert_eq!(decode_live(&row, 1_000).expect("live").views_left, 4);
        assert_eq!(read_u64(&row), 2_000);
        // Too short to hold the number it announces: not ours.
        assert!(decode_live(&row[..15], 1_000).is_none());
    }
}

#[cfg(test)]
mod wal_tests {
    use super::*;

    /// Records in the log (a checkpoint starts it again, over the same file).
    fn wal_len(dir: &Path) -> usize {
        wal::Wal::open(dir).unwrap().read().unwrap().len()
    }

    fn put(key: &str, value: &[u8]) -> Op {
        Op::Put {
            key: key.to_owned(),
            expires_at: now_secs() + 3600,
            views: 1,
            value: value.to_vec(),
            reply: oneshot::channel().0,
        }
    }

    async fn peek(store: &EmbeddedStore, key: &str) -> Option<Vec<u8>> {
        let key = StorageKey::parse(key, &crate::token::KeySpace::new("snappass", false)).unwrap();
        store.peek(&key).await.unwrap().map(|r| r.value)
    }

    fn key(n: u8) -> String {
        format!("snappass{}", hex::encode([n; 16]))
    }

    #[tokio::test]
    async fn a_create_is_logged_then_checkpointed_into_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        let k =
            StorageKey::parse(&key(1), &crate::token::KeySpace::new("snappass", false)).unwrap();
        // A logged batch is the only kind that moves the file's LSN (the
        // background check may checkpoint the log at any time). The
        // background's first purge, at start, may share the create's batch
        // and make it durable instead: a few tries.
        let mut applied = Some(0);
        for _ in 0..20 {
            store
                .put(&k, b"logged", Ttl::parse(3600, 7200).unwrap(), Views::ONE)
                .await
                .unwrap();
            applied = store
                .read(|txn| {
                    let meta = txn.open_table(WAL_META).map_err(internal)?;
                    Ok(meta.get(WAL_APPLIED).map_err(internal)?.map(|v| v.value()))
                })
                .await
                .unwrap();
            if applied != Some(0) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(applied >= Some(1), "the create did not go through the log");
        // A purge commits durably: the checkpoint empties the log.
        store.maintain().await.unwrap();
        assert_eq!(wal_len(dir.path()), 0, "the checkpoint left the log");
        store.close().await;
        drop(store);
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        assert_eq!(peek(&store, &key(1)).await.as_deref(), Some(&b"logged"[..]));
        store.close().await;
    }

    fn receipt(n: u8) -> NewReceipt {
        NewReceipt {
            verifier: None,
            hash: ReceiptHash::from_hex(&hex::encode([n; 32])).unwrap(),
            retention_secs: 3600,
            sender: None,
            creator: None,
        }
    }

    async fn tabled(store: &EmbeddedStore, hash: ReceiptHash) -> bool {
        store
            .read(move |txn| receipts::tabled(txn, &hash).map_err(internal))
            .await
            .unwrap()
    }

    fn storage_key(n: u8) -> StorageKey {
        StorageKey::parse(&key(n), &crate::token::KeySpace::new("snappass", false)).unwrap()
    }

    #[tokio::test]
    async fn a_logged_create_indexes_its_receipt_later_and_is_found_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        let ttl = Ttl::parse(3600, 7200).unwrap();
        // A create that shares its batch with the background's first purge
        // commits durably and indexes at once: a few tries.
        let mut pending = None;
        for n in 1..=20 {
            store
                .put_with_receipt(&storage_key(n), b"v", ttl, Views::ONE, receipt(n))
                .await
                .unwrap();
            if !tabled(&store, receipt(n).hash).await {
                pending = Some(n);
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let n = pending.expect("a logged create wrote its index entry at once");
        let hash = receipt(n).hash;
        let (_, live) = store.receipt(hash).await.unwrap().expect("pending receipt");
        assert!(live);

        // Burned while its entry is pending (or not: found either way).
        store
            .put_with_receipt(&storage_key(200), b"w", ttl, Views::ONE, receipt(200))
            .await
            .unwrap();
        let (record, live) = store.burn(receipt(200).hash).await.unwrap().unwrap();
        assert_eq!(record.state, crate::receipt::State::Burned.code());
        assert!(!live);
        assert_eq!(
            peek(&store, &key(200)).await,
            None,
            "the burn left the secret"
        );

        // The purge commits durably: every pending entry reaches the table
        // (those the sweep has not written yet).
        store.maintain().await.unwrap();
        assert!(
            tabled(&store, hash).await,
            "the checkpoint left the entry pending"
        );
        assert!(tabled(&store, receipt(200).hash).await);
        assert_eq!(store.shared.index.len(), 0);
        assert!(store.receipt(hash).await.unwrap().is_some());
        store.close().await;
        drop(store);
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        assert!(store.receipt(hash).await.unwrap().is_some());
        store.close().await;
    }

    /// The receipts bound drops receipts in logged batches, whose newest
    /// index entries are still pending: those go with them, so neither the
    /// pending index nor (once swept or checkpointed) the table keeps
    /// entries of receipts that are gone.
    #[tokio::test]
    async fn a_trim_in_a_logged_batch_drops_the_pending_entries_of_what_it_drops() {
        let dir = tempfile::tempdir().unwrap();
        let mut options = Options::new(Duration::from_secs(3600));
        options.max_receipts = 4;
        let store = EmbeddedStore::open_with(dir.path(), options).unwrap();
        let ttl = Ttl::parse(3600, 7200).unwrap();
        for n in 1..=40 {
            store
                .put_with_receipt(&storage_key(n), b"v", ttl, Views::ONE, receipt(n))
                .await
                .unwrap();
            assert!(
                store.shared.index.adds() <= 4,
                "{} entries pending after {n} creates, 4 receipts kept",
                store.shared.index.adds()
            );
        }
        store.maintain().await.unwrap();
        let count = store
            .read(|txn| receipts::tabled_count(txn).map_err(internal))
            .await
            .unwrap();
        assert_eq!(count, 4, "index entries of dropped receipts were kept");
        for n in 37..=40 {
            assert!(store.receipt(receipt(n).hash).await.unwrap().is_some());
        }
        store.close().await;
    }

    /// The receipts a logged batch drops had their index entries in the
    /// table (written by an earlier checkpoint): the batch leaves them to
    /// the sweep, a leaf at a time, and the receipts are gone meanwhile.
    #[tokio::test]
    async fn a_trim_in_a_logged_batch_leaves_the_table_entries_of_what_it_drops_to_the_sweep() {
        let dir = tempfile::tempdir().unwrap();
        let mut options = Options::new(Duration::from_secs(3600));
        options.max_receipts = 4;
        let store = EmbeddedStore::open_with(dir.path(), options).unwrap();
        let ttl = Ttl::parse(3600, 7200).unwrap();
        let create = async |n: u8| {
            store
                .put_with_receipt(&storage_key(n), b"v", ttl, Views::ONE, receipt(n))
                .await
                .unwrap();
        };
        for n in 1..=4 {
            create(n).await;
        }
        // A checkpoint: the four entries in the table, none pending.
        store.maintain().await.unwrap();
        assert!(tabled(&store, receipt(1).hash).await);
        assert_eq!(store.shared.index.len(), 0);
        // Logged creates past the bound and its slack drop 1 to 4.
        for n in 5..=9 {
            create(n).await;
        }
        assert!(store.receipt(receipt(1).hash).await.unwrap().is_none());
        assert!(store.receipt(receipt(9).hash).await.unwrap().is_some());
        let removals = store.shared.index.len() - store.shared.index.adds();
        assert!(
            removals > 0,
            "the dropped receipts' entries were removed at once"
        );
        assert!(tabled(&store, receipt(1).hash).await);
        // The checkpoint does what the sweep had not reached.
        store.maintain().await.unwrap();
        assert_eq!(store.shared.index.len(), 0);
        assert!(!tabled(&store, receipt(1).hash).await);
        let count = store
            .read(|txn| receipts::tabled_count(txn).map_err(internal))
            .await
            .unwrap();
        assert_eq!(count, 4, "entries of dropped receipts were kept");
        store.close().await;
    }

    /// A logged batch whose sweep writes pending entries to the table and
    /// whose trim then drops those very receipts: the entries are in the
    /// table by then, so their removal must wait like any other (cancelled
    /// as if still pending, they stayed in the table for good).
    #[tokio::test]
    async fn a_trim_removes_the_entries_its_own_sweep_wrote() {
        let dir = initialised_data_dir().await;
        let db = open_db(&dir.path().join(FILE_NAME), 1 << 20).unwrap();
        let mut log = wal::Wal::open(dir.path()).unwrap();
        let pending = receipts::Pending::default();
        let bounds = wal::Bounds {
            quota: 0,
            max_receipts: 4,
        };
        let (ops, first) = creates_with_receipts(1, 4);
        let batch = Commit::Logged {
            lsn: 1,
            wal: &mut log,
            index: &pending,
            sweep: receipts::IndexWork::default(),
        };
        apply(&db, &ops, now_secs(), None, bounds, batch).unwrap();
        assert_eq!(pending.adds(), 4);
        // The next batch sweeps the whole key space (the four entries go to
        // the table) and its creates drop the two oldest receipts.
        let (ops, _) = creates_with_receipts(5, 2);
        let batch = Commit::Logged {
            lsn: 2,
            wal: &mut log,
            index: &pending,
            sweep: pending.snapshot(),
        };
        apply(&db, &ops, now_secs(), None, bounds, batch).unwrap();
        // A checkpoint does what is left; then the table holds the entries
        // of the four receipts kept, and none of the two dropped.
        let checkpoint = Commit::Durable {
            applied: 2,
            index: Some(&pending),
        };
        apply(&db, &[], now_secs(), None, bounds, checkpoint).unwrap();
        let txn = db.begin_read().unwrap();
        assert!(!receipts::tabled(&txn, &first[0]).unwrap());
        assert!(!receipts::tabled(&txn, &first[1]).unwrap());
        assert!(receipts::tabled(&txn, &first[2]).unwrap());
        assert_eq!(receipts::tabled_count(&txn).unwrap(), 4);
    }

    #[tokio::test]
    async fn the_replay_indexes_the_receipts_of_logged_creates() {
        let dir = initialised_data_dir().await;
        // A crash after a logged create: the file lacks it and its entry.
        let create = Op::PutWithReceipt {
            key: key(1),
            expires_at: now_secs() + 3600,
            views: 1,
            value: b"one".to_vec(),
            receipt: receipt(1),
            reply: oneshot::channel().0,
        };
        let mut log = wal::Wal::open(dir.path()).unwrap();
        log.append(1, now_secs(), wal::Bounds::default(), &[create])
            .unwrap();
        drop(log);
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        assert!(tabled(&store, receipt(1).hash).await);
        let (_, live) = store.receipt(receipt(1).hash).await.unwrap().unwrap();
        assert!(live);
        store.close().await;
    }

    /// A batch of creates, with receipts, as the log records it.
    fn creates_with_receipts(first: u8, n: u8) -> (Vec<Op>, Vec<ReceiptHash>) {
        let mut hashes = Vec::new();
        let ops = (first..first + n)
            .map(|i| {
                let hash = crate::receipt::ReceiptToken::generate().hash();
                hashes.push(hash);
                Op::PutWithReceipt {
                    key: key(i),
                    expires_at: now_secs() + 3600,
                    views: 1,
                    value: vec![i],
                    receipt: NewReceipt {
                        verifier: None,
                        hash,
                        retention_secs: 600,
                        creator: None,
                        sender: None,
                    },
                    reply: oneshot::channel().0,
                }
            })
            .collect();
        (ops, hashes)
    }

    async fn kept(store: &EmbeddedStore, hashes: &[ReceiptHash]) -> Vec<bool> {
        let mut kept = Vec::new();
        for hash in hashes {
            kept.push(store.receipt(*hash).await.unwrap().is_some());
        }
        kept
    }

    /// A logged batch of creates trims the receipts to the bound it was
    /// applied with; the replay must drop the same ones, whatever bound the
    /// process that replays it was given (else a receipt answered as gone,
    /// say to a burn, would come back, or one answered would vanish).
    #[tokio::test]
    async fn the_replay_trims_receipts_by_the_bound_recorded_with_the_batch() {
        let dir = initialised_data_dir().await;
        let now = now_secs();
        let (ops, first) = creates_with_receipts(1, 6);
        let mut log = wal::Wal::open(dir.path()).unwrap();
        let bounded = wal::Bounds {
            quota: 0,
            max_receipts: 3,
        };
        log.append(1, now, bounded, &ops).unwrap();
        drop(log);
        // Replayed by a process with no bound: the batch's bound holds.
        let mut options = Options::new(Duration::from_secs(3600));
        options.max_receipts = 0;
        let store = EmbeddedStore::open_with(dir.path(), options).unwrap();
        let newest_three = [false, false, false, true, true, true];
        assert_eq!(kept(&store, &first).await, newest_three);
        store.close().await;
        drop(store);

        // A batch applied with no bound (or by an older version, whose
        // records carry none) keeps every receipt in the replay, even under
        // a process with a bound: its next purge or batch of creates trims.
        let (ops, second) = creates_with_receipts(11, 4);
        let mut log = wal::Wal::open(dir.path()).unwrap();
        log.append(2, now, wal::Bounds::default(), &ops).unwrap();
        drop(log);
        let mut options = Options::new(Duration::from_secs(3600));
        options.max_receipts = 3;
        let store = EmbeddedStore::open_with(dir.path(), options).unwrap();
        assert_eq!(kept(&store, &first).await, newest_three);
        assert_eq!(kept(&store, &second).await, [true; 4]);
        store.close().await;
    }

    /// A data directory with a store file made and closed, as a crash
    /// would find it before the log that a test then writes.
    async fn initialised_data_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        store.close().await;
        dir
    }

    #[tokio::test]
    async fn open_replays_the_log_after_the_file_in_order_and_only_once() {
        let dir = initialised_data_dir().await;

        // What a crash leaves: batches in the log that the file lacks, and a
        // torn record after them.
        let now = now_secs();
        let mut log = wal::Wal::open(dir.path()).unwrap();
        log.append(1, now, wal::Bounds::default(), &[put(&key(1), b"one")])
            .unwrap();
        let take = Op::Take {
            key: key(1),
            expected: b"one".to_vec(),
            reply: oneshot::channel().0,
        };
        log.append(
            2,
            now,
            wal::Bounds::default(),
            &[take, put(&key(2), b"two")],
        )
        .unwrap();
        drop(log);
        {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(dir.path().join(wal::FILE_NAME))
                .unwrap();
            f.write_all(&[200, 0, 0, 0, 1, 2, 3]).unwrap();
        }
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        assert_eq!(
            peek(&store, &key(1)).await,
            None,
            "the logged reveal was lost"
        );
        assert_eq!(peek(&store, &key(2)).await.as_deref(), Some(&b"two"[..]));
        assert_eq!(wal_len(dir.path()), 0, "replay ends with a checkpoint");
        store.close().await;
        drop(store);

        // Records the file already holds (a truncation the crash lost) are
        // skipped; the next one in sequence is applied; after a gap, none.
        let mut log = wal::Wal::open(dir.path()).unwrap();
        log.append(1, now, wal::Bounds::default(), &[put(&key(1), b"one")])
            .unwrap();
        log.append(3, now, wal::Bounds::default(), &[put(&key(3), b"three")])
            .unwrap();
        log.append(5, now, wal::Bounds::default(), &[put(&key(5), b"five")])
            .unwrap();
        drop(log);
        let store = EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap();
        assert_eq!(
            peek(&store, &key(1)).await,
            None,
            "a revealed secret came back"
        );
        assert_eq!(peek(&store, &key(3)).await.as_deref(), Some(&b"three"[..]));
        assert_eq!(peek(&store, &key(5)).await, None, "applied after a gap");
        store.close().await;
    }
}
