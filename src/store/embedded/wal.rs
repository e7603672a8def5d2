//! The embedded store's write-ahead log (`hushlink.wal`): what makes a batch
//! of creates and reveals durable with one small append and one
//! `fdatasync`, instead of a redb commit that rewrites whole pages.
//!
//! **What a record holds.** One record per batch: its log sequence number
//! (LSN), the `now`, the storage quota and the receipts bound the batch was
//! applied with, and its writes (only the kinds listed in [`loggable`]: the rest are rare and
//! commit to redb durably). Applying the same writes, with the same `now`
//! and quota, to the same state decides the same (`super::apply` reads no
//! clock and draws no random number on these ops, and trims receipts by
//! the recorded bound and the table's own size), so replaying the log
//! after a crash rebuilds exactly the state that was answered, whatever the
//! settings of the process that replays it.
//!
//! **Format.** `len (u32 LE) | crc32 of the payload (u32 LE) | payload`,
//! the payload being `lsn (u64) | now (u64) | quota (u64) | count (u32) |
//! ops | max_receipts (u64)`. The receipts bound comes last so that a
//! record of an older version, which ends with its ops, reads with a bound
//! of 0 (none): those versions trimmed receipts only in durable purges,
//! never in a logged batch. A record whose length runs past the end of the file or whose
//! checksum does not match is a torn tail (a batch whose `fdatasync` never
//! returned, so was never answered): reading stops there.
//!
//! **Written in place.** The log is written over zeros that are already on
//! disk (`ZERO_CHUNK` at a time, the first time the log reaches them), and a
//! checkpoint starts it again at offset 0 instead of truncating the file.
//! An append then changes no file size and allocates no block, so its
//! `fdatasync` writes the record and nothing else: no journal commit of the
//! file's metadata, which is what made an append's `fdatasync` slow in the
//! tail (on this machine's ext4, 2,000 × 600-byte appends: p50 270 µs, p99
//! 2.4 ms growing the file; p50 205 µs, p99 0.45 ms over written zeros).
//! The file keeps the size the log reached, at most `WAL_MAX_BYTES` and a
//! record beyond the last `ZERO_CHUNK` boundary. A zero header (length 0,
//! checksum 0 of an empty payload, which is too short to be a record) ends
//! the log, as does a torn record; a checkpoint zeroes the first header so
//! that an emptied log reads as empty.
//!
//! **Which records count.** redb stores, in every commit, the LSN of the
//! last batch it holds (`super::WAL_META`). At replay, records up to it are
//! skipped, and the rest must follow it one by one (`applied + 1`, `+ 2`,
//! ...): the first gap ends the log. So a truncation that the crash lost,
//! or old bytes behind a shorter new log, are never applied twice.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;

use tokio::sync::oneshot;

use super::Op;
use crate::apikey::KeyName;
use crate::receipt::{NewReceipt, ReceiptHash};

/// The log file inside the data directory.
pub const FILE_NAME: &str = "hushlink.wal";
/// Bytes of a record's header: length and checksum.
const HEADER: usize = 8;
/// The log is made of zeros written ahead of it this much at a time (see
/// the module doc): an append inside them is a pure data write.
const ZERO_CHUNK: u64 = 1024 * 1024;
/// A record's payload is at most this long (a batch of `MAX_BATCH` writes of
/// the largest secrets fits many times): a longer length is a torn header.
const MAX_RECORD: usize = 1 << 30;

const PUT: u8 = 1;
const PUT_WITH_RECEIPT: u8 = 2;
const TAKE: u8 = 3;
const FAIL_ATTEMPT: u8 = 4;
const BURN: u8 = 5;
const TOUCH_KEY: u8 = 6;

/// Whether `op` goes through the log (the frequent, small writes); the
/// others commit to redb durably, which also checkpoints the log.
pub(super) fn loggable(op: &Op) -> bool {
    matches!(
        op,
        Op::Put { .. }
            | Op::PutWithReceipt { .. }
            | Op::Take { .. }
            | Op::FailAttempt { .. }
            | Op::Burn { .. }
            | Op::TouchKey { .. }
    )
}

/// One batch read back from the log. Its ops answer no one (their reply
/// channels lead nowhere).
pub(super) struct Record {
    pub lsn: u64,
    pub now: u64,
    pub quota: u64,
    /// `HUSHLINK_MAX_RECEIPTS` as the batch was applied (0: none).
    pub max_receipts: u64,
    pub ops: Vec<Op>,
}

/// The settings a batch was applied with that its decisions depend on:
/// recorded with it, so that the replay decides the same.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Bounds {
    /// `HUSHLINK_MAX_STORED_BYTES` (0: none).
    pub quota: u64,
    /// `HUSHLINK_MAX_RECEIPTS` (0: none).
    pub max_receipts: u64,
}

/// The open log file and where the next record goes.
pub(super) struct Wal {
    file: File,
    /// Where the next record goes: the bytes of records since the last reset.
    len: u64,
    /// The file's bytes that are written on disk (zeros or old records):
    /// appends below this change no metadata.
    written: u64,
    /// How long the last append's `fdatasync` took, until taken.
    sync_time: Option<std::time::Duration>,
}

impl Wal {
    /// Opens (or creates, owner-only) the log in `dir`.
    pub fn open(dir: &Path) -> io::Result<Self> {
        let path = dir.join(FILE_NAME);
        let mut options = std::fs::OpenOptions::new();
        options.create(true).read(true).write(true);
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&path)?;
        let written = file.metadata()?.len();
        let mut wal = Wal {
            file,
            len: 0,
            written,
            sync_time: None,
        };
        // The next record goes after the whole ones (replay resets anyway).
        wal.len = wal.scan(|_| Ok::<bool, io::Error>(true))?;
        Ok(wal)
    }

    /// Bytes of records since the last reset.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Every whole record, in order, up to the first torn or foreign one.
    #[cfg(test)]
    pub fn read(&mut self) -> io::Result<Vec<Record>> {
        let mut records = Vec::new();
        self.scan(|record| {
            records.push(record);
            Ok::<bool, io::Error>(true)
        })?;
        Ok(records)
    }

    /// Calls `each` with every whole record, in order, up to the first torn
    /// or foreign one, or until `each` answers `false`; returns where the
    /// records read end. One record is in memory at a time: the file keeps
    /// the size the log once reached (up to `WAL_MAX_BYTES` and a chunk of
    /// zeros, whatever it holds now), and reading it whole at every open
    /// was a peak of as much resident memory (bench/run.sh's second and
    /// third runs, which reopened the first's data: 21 MiB before a request
    /// against 13).
    pub fn scan<E: From<io::Error>>(
        &self,
        mut each: impl FnMut(Record) -> Result<bool, E>,
    ) -> Result<u64, E> {
        let end = self.file.metadata()?.len();
        let mut at = 0u64;
        let mut buf = Vec::new();
        while at + HEADER as u64 <= end {
            let mut header = [0u8; HEADER];
            self.file.read_exact_at(&mut header, at)?;
            let len = u32::from_le_bytes(header[..4].try_into().unwrap_or_default()) as u64;
            // A length past the file's end is a torn header: nothing to
            // allocate for it.
            if len > MAX_RECORD as u64 || at + HEADER as u64 + len > end {
                break;
            }
            buf.clear();
            buf.extend_from_slice(&header);
            buf.resize(HEADER + len as usize, 0);
            self.file
                .read_exact_at(&mut buf[HEADER..], at + HEADER as u64)?;
            let Some((record, next)) = decode_at(&buf, 0) else {
                break;
            };
            at += next as u64;
            if !each(record)? {
                break;
            }
        }
        Ok(at)
    }

    /// Appends one record and makes it durable. On failure its header is
    /// zeroed (best effort) and the next record goes where it was.
    pub fn append(&mut self, lsn: u64, now: u64, bounds: Bounds, ops: &[Op]) -> io::Result<()> {
        let record = encode(lsn, now, bounds, ops);
        let end = self.len + record.len() as u64;
        let written = self
            .zero_ahead(end)
            .and_then(|()| self.file.write_all_at(&record, self.len))
            .and_then(|()| {
                let started = std::time::Instant::now();
                let synced = self.file.sync_data();
                self.sync_time = Some(started.elapsed());
                synced
            });
        match written {
            Ok(()) => {
                self.len = end;
                Ok(())
            }
            Err(e) => {
                self.unappend(self.len);
                Err(e)
            }
        }
    }

    /// How long the last append's `fdatasync` took, once.
    pub fn take_sync_time(&mut self) -> Option<std::time::Duration> {
        self.sync_time.take()
    }

    /// Writes zeros up to the `ZERO_CHUNK` boundary past `end` when the file
    /// has no written bytes there yet; the append's `fdatasync` makes them
    /// (and the file's new size) durable with the record, once.
    fn zero_ahead(&mut self, end: u64) -> io::Result<()> {
        if end <= self.written {
            return Ok(());
        }
        // From one static block of zeros, a piece at a time: a buffer of
        // the whole chunk was a mebibyte of resident memory each time the
        // log reached new ground (untouched zero pages of a static are not
        // resident).
        static ZEROS: [u8; 64 * 1024] = [0; 64 * 1024];
        let target = end.div_ceil(ZERO_CHUNK) * ZERO_CHUNK;
        while self.written < target {
            let n = (target - self.written).min(ZEROS.len() as u64) as usize;
            self.file.write_all_at(&ZEROS[..n], self.written)?;
            self.written += n as u64;
        }
        Ok(())
    }

    /// Voids the record at `to` (just appended; its batch did not commit to
    /// redb): its header is zeroed and the next record goes there.
    pub fn unappend(&mut self, to: u64) {
        let _ = self.file.write_all_at(&[0; HEADER], to);
        self.len = to;
    }

    /// Empties the log after a checkpoint (redb holds all of it durably):
    /// the next record goes to offset 0, and the first header is zeroed so
    /// the log reads as empty. Not synced: should the crash lose it, the
    /// records left are at or below redb's LSN and skipped.
    pub fn reset(&mut self) -> io::Result<()> {
        if self.written >= HEADER as u64 {
            self.file.write_all_at(&[0; HEADER], 0)?;
        }
        self.len = 0;
        Ok(())
    }
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

/// A record for the loggable ops among `ops` (the caller logs only batches
/// of them).
fn encode(lsn: u64, now: u64, bounds: Bounds, ops: &[Op]) -> Vec<u8> {
    let mut payload = Vec::with_capacity(64 + ops.len() * 128);
    payload.extend_from_slice(&lsn.to_le_bytes());
    payload.extend_from_slice(&now.to_le_bytes());
    payload.extend_from_slice(&bounds.quota.to_le_bytes());
    let count = ops.iter().filter(|op| loggable(op)).count() as u32;
    payload.extend_from_slice(&count.to_le_bytes());
    for op in ops {
        match op {
            Op::Put {
                key,
                expires_at,
                views,
                value,
                ..
            } => {
                payload.push(PUT);
                put_bytes(&mut payload, key.as_bytes());
                payload.extend_from_slice(&expires_at.to_le_bytes());
                payload.extend_from_slice(&views.to_le_bytes());
                put_bytes(&mut payload, value);
            }
            Op::PutWithReceipt {
                key,
                expires_at,
                views,
                value,
                receipt,
                ..
            } => {
                payload.push(PUT_WITH_RECEIPT);
                put_bytes(&mut payload, key.as_bytes());
                payload.extend_from_slice(&expires_at.to_le_bytes());
                payload.extend_from_slice(&views.to_le_bytes());
                put_bytes(&mut payload, value);
                payload.extend_from_slice(receipt.hash.as_bytes());
                payload.extend_from_slice(&receipt.retention_secs.to_le_bytes());
                // The signed-in sender the receipt names: 0, or 1 and the text.
                match &receipt.sender {
                    None => payload.push(0),
                    Some(sender) => {
                        payload.push(1);
                        put_bytes(&mut payload, sender.as_bytes());
                    }
                }
            }
            Op::Take { key, expected, .. } => {
                payload.push(TAKE);
                put_bytes(&mut payload, key.as_bytes());
                put_bytes(&mut payload, expected);
            }
            Op::FailAttempt { key, limit, .. } => {
                payload.push(FAIL_ATTEMPT);
                put_bytes(&mut payload, key.as_bytes());
                payload.extend_from_slice(&limit.to_le_bytes());
            }
            Op::Burn { hash, .. } => {
                payload.push(BURN);
                payload.extend_from_slice(hash.as_bytes());
            }
            Op::TouchKey { name, at, .. } => {
                payload.push(TOUCH_KEY);
                put_bytes(&mut payload, name.as_str().as_bytes());
                payload.extend_from_slice(&at.to_le_bytes());
            }
            _ => {}
        }
    }
    payload.extend_from_slice(&bounds.max_receipts.to_le_bytes());
    let mut record = Vec::with_capacity(HEADER + payload.len());
    record.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    record.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    record.extend_from_slice(&payload);
    record
}

/// Reads a payload field by field; `None` once it runs short.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn bytes(&mut self) -> Option<Vec<u8>> {
        let n = self.u32()? as usize;
        Some(self.take(n)?.to_vec())
    }
    fn string(&mut self) -> Option<String> {
        String::from_utf8(self.bytes()?).ok()
    }
    fn hash(&mut self) -> Option<ReceiptHash> {
        ReceiptHash::from_hex(&hex::encode(self.take(32)?))
    }
}

/// The record at `at` and where the next one starts, or `None` at the end
/// of the log or at a torn or corrupt record.
fn decode_at(bytes: &[u8], at: usize) -> Option<(Record, usize)> {
    let header = bytes.get(at..at.checked_add(HEADER)?)?;
    let len = u32::from_le_bytes(header[..4].try_into().ok()?) as usize;
    let crc = u32::from_le_bytes(header[4..].try_into().ok()?);
    if len > MAX_RECORD {
        return None;
    }
    let start = at + HEADER;
    let payload = bytes.get(start..start.checked_add(len)?)?;
    if crc32fast::hash(payload) != crc {
        return None;
    }
    let mut r = Reader(payload);
    let (lsn, now, quota, count) = (r.u64()?, r.u64()?, r.u64()?, r.u32()?);
    let mut ops = Vec::with_capacity(count.min(4096) as usize);
    for _ in 0..count {
        ops.push(decode_op(&mut r)?);
    }
    // Absent from the records of older versions (see the module doc).
    let max_receipts = if r.0.is_empty() { 0 } else { r.u64()? };
    Some((
        Record {
            lsn,
            now,
            quota,
            max_receipts,
            ops,
        },
        start + len,
    ))
}

/// A reply channel whose answer no one waits for (a replayed op).
fn nowhere<T>() -> oneshot::Sender<T> {
    oneshot::channel().0
}

fn decode_op(r: &mut Reader<'_>) -> Option<Op> {
    Some(match r.u8()? {
        PUT => Op::Put {
            key: r.string()?,
            expires_at: r.u64()?,
            views: r.u32()?,
            value: r.bytes()?,
            reply: nowhere(),
        },
        PUT_WITH_RECEIPT => Op::PutWithReceipt {
            key: r.string()?,
            expires_at: r.u64()?,
            views: r.u32()?,
            value: r.bytes()?,
            receipt: NewReceipt {
                verifier: None,
                hash: r.hash()?,
                retention_secs: r.u64()?,
                sender: match r.u8()? {
                    0 => None,
                    1 => Some(r.string()?),
                    _ => return None,
                },
                // The store keeps no creator; only webhooks use it, and a
                // batch is logged only while webhooks are off.
                creator: None,
            },
            reply: nowhere(),
        },
        TAKE => Op::Take {
            key: r.string()?,
            expected: r.bytes()?,
            reply: nowhere(),
        },
        FAIL_ATTEMPT => Op::FailAttempt {
            key: r.string()?,
            limit: r.u32()?,
            reply: nowhere(),
        },
        BURN => Op::Burn {
            hash: r.hash()?,
            reply: nowhere(),
        },
        TOUCH_KEY => Op::TouchKey {
            name: KeyName::parse(&r.string()?).ok()?,
            at: r.u64()?,
            reply: nowhere(),
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(key: &str, value: &[u8]) -> Op {
        Op::Put {
            key: key.to_owned(),
            expires_at: 42,
            views: 2,
            value: value.to_vec(),
            reply: nowhere(),
        }
    }

    fn keys(record: &Record) -> Vec<String> {
        record
            .ops
            .iter()
            .map(|op| match op {
                Op::Put { key, .. } | Op::Take { key, .. } => key.clone(),
                _ => String::new(),
            })
            .collect()
    }

    #[test]
    fn records_read_back_as_written() {
        let dir = tempfile::tempdir().unwrap();
        let mut wal = Wal::open(dir.path()).unwrap();
        wal.append(
            1,
            100,
            Bounds::default(),
            &[put("a", b"one"), put("b", b"two")],
        )
        .unwrap();
        let take = Op::Take {
            key: "a".into(),
            expected: b"one".to_vec(),
            reply: nowhere(),
        };
        let bounds = Bounds {
            quota: 7,
            max_receipts: 9,
        };
        wal.append(2, 101, bounds, &[take]).unwrap();
        let mut wal = Wal::open(dir.path()).unwrap();
        let records = wal.read().unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!((records[0].lsn, records[0].now), (1, 100));
        assert_eq!(keys(&records[0]), ["a", "b"]);
        assert!(
            matches!(&records[0].ops[1], Op::Put { value, views: 2, expires_at: 42, .. } if value == b"two")
        );
        assert_eq!((records[0].quota, records[0].max_receipts), (0, 0));
        assert_eq!(
            (records[1].lsn, records[1].quota, records[1].max_receipts),
            (2, 7, 9)
        );
        assert!(matches!(&records[1].ops[0], Op::Take { expected, .. } if expected == b"one"));
    }

    #[test]
    fn a_record_of_an_older_version_reads_with_no_receipts_bound() {
        // Older versions ended the payload with the ops: no bound, which is
        // how they applied a logged batch (they trimmed only in purges).
        let bounds = Bounds {
            quota: 3,
            max_receipts: 5,
        };
        let new = encode(1, 100, bounds, &[put("a", b"one")]);
        let payload = &new[HEADER..new.len() - 8];
        let mut old = Vec::new();
        old.extend_from_slice(&(payload.len() as u32).to_le_bytes());
        old.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
        old.extend_from_slice(payload);
        let (record, end) = decode_at(&old, 0).unwrap();
        assert_eq!(end, old.len());
        assert_eq!((record.quota, record.max_receipts), (3, 0));
        assert_eq!(keys(&record), ["a"]);
        let (record, _) = decode_at(&new, 0).unwrap();
        assert_eq!((record.quota, record.max_receipts), (3, 5));
    }

    #[test]
    fn every_loggable_op_reads_back_with_its_fields() {
        let hash = ReceiptHash::from_hex(&"ab".repeat(32)).unwrap();
        let ops = vec![
            Op::PutWithReceipt {
                key: "k1".into(),
                expires_at: 9,
                views: 3,
                value: b"v".to_vec(),
                receipt: NewReceipt {
                    verifier: None,
                    hash,
                    retention_secs: 77,
                    sender: Some("alice@example.test".into()),
                    creator: Some("ci".into()),
                },
                reply: nowhere(),
            },
            Op::PutWithReceipt {
                key: "k0".into(),
                expires_at: 9,
                views: 1,
                value: b"w".to_vec(),
                receipt: NewReceipt {
                    verifier: None,
                    hash,
                    retention_secs: 1,
                    sender: None,
                    creator: None,
                },
                reply: nowhere(),
            },
            Op::FailAttempt {
                key: "k2".into(),
                limit: 5,
                reply: nowhere(),
            },
            Op::Burn {
                hash,
                reply: nowhere(),
            },
            Op::TouchKey {
                name: KeyName::parse("ci").unwrap(),
                at: 1234,
                reply: nowhere(),
            },
        ];
        assert!(ops.iter().all(loggable));
        let dir = tempfile::tempdir().unwrap();
        let mut wal = Wal::open(dir.path()).unwrap();
        wal.append(1, 5, Bounds::default(), &ops).unwrap();
        let ops = wal.read().unwrap().remove(0).ops;
        assert!(
            matches!(&ops[0], Op::PutWithReceipt { key, expires_at: 9, views: 3, value, receipt, .. }
            if key == "k1" && value == b"v" && receipt.hash == hash && receipt.retention_secs == 77
                && receipt.sender.as_deref() == Some("alice@example.test"))
        );
        assert!(
            matches!(&ops[1], Op::PutWithReceipt { key, receipt, .. } if key == "k0" && receipt.sender.is_none())
        );
        assert!(matches!(&ops[2], Op::FailAttempt { key, limit: 5, .. } if key == "k2"));
        assert!(matches!(&ops[3], Op::Burn { hash: h, .. } if *h == hash));
        assert!(matches!(&ops[4], Op::TouchKey { name, at: 1234, .. } if name.as_str() == "ci"));
        // The rare writes are not logged: they commit durably.
        assert!(!loggable(&Op::Purge { reply: nowhere() }));
    }

    #[test]
    fn a_torn_tail_is_dropped_and_the_records_before_it_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut wal = Wal::open(dir.path()).unwrap();
        wal.append(1, 100, Bounds::default(), &[put("a", b"one")])
            .unwrap();
        let whole = wal.len();
        wal.append(2, 100, Bounds::default(), &[put("b", b"two")])
            .unwrap();
        let path = dir.path().join(FILE_NAME);
        // The records, without the zeros written ahead of them.
        let full = std::fs::read(&path).unwrap()[..wal.len() as usize].to_vec();
        // Every cut inside the second record loses it, and only it.
        for cut in whole as usize..full.len() {
            std::fs::write(&path, &full[..cut]).unwrap();
            let records = Wal::open(dir.path()).unwrap().read().unwrap();
            assert_eq!(records.len(), 1, "cut at {cut}");
            assert_eq!(keys(&records[0]), ["a"]);
        }
        // A flipped bit in the second record's payload: its checksum fails.
        let mut bad = full.clone();
        *bad.last_mut().unwrap() ^= 1;
        std::fs::write(&path, &bad).unwrap();
        assert_eq!(Wal::open(dir.path()).unwrap().read().unwrap().len(), 1);
        // Garbage after whole records is ignored.
        let mut more = full.clone();
        more.extend_from_slice(&[0xff; 3]);
        std::fs::write(&path, &more).unwrap();
        assert_eq!(Wal::open(dir.path()).unwrap().read().unwrap().len(), 2);
    }

    #[test]
    fn a_failed_batch_is_cut_and_reset_empties_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let mut wal = Wal::open(dir.path()).unwrap();
        wal.append(1, 100, Bounds::default(), &[put("a", b"one")])
            .unwrap();
        let before = wal.len();
        wal.append(2, 100, Bounds::default(), &[put("b", b"two")])
            .unwrap();
        wal.unappend(before);
        assert_eq!(wal.read().unwrap().len(), 1);
        wal.reset().unwrap();
        assert_eq!(wal.len(), 0);
        assert!(wal.read().unwrap().is_empty());
        // The next record is written over the old ones, from the start.
        wal.append(3, 100, Bounds::default(), &[put("c", b"three")])
            .unwrap();
        let records = Wal::open(dir.path()).unwrap().read().unwrap();
        assert_eq!(records.len(), 1);
        assert_eq!((records[0].lsn, keys(&records[0])), (3, vec!["c".into()]));
    }

    #[test]
    fn appends_write_over_zeros_already_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let mut wal = Wal::open(dir.path()).unwrap();
        let size = || std::fs::metadata(dir.path().join(FILE_NAME)).unwrap().len();
        wal.append(1, 100, Bounds::default(), &[put("a", b"one")])
            .unwrap();
        // The first append wrote a whole chunk of zeros after its record:
        // the appends that follow change no file size.
        assert_eq!(size(), ZERO_CHUNK);
        for lsn in 2..100 {
            wal.append(lsn, 100, Bounds::default(), &[put("b", &[7; 1000])])
                .unwrap();
        }
        assert_eq!(size(), ZERO_CHUNK);
        assert_eq!(Wal::open(dir.path()).unwrap().read().unwrap().len(), 99);
        // A reset reuses the file: same size, reads as empty.
        wal.reset().unwrap();
        assert_eq!(size(), ZERO_CHUNK);
        assert!(Wal::open(dir.path()).unwrap().read().unwrap().is_empty());
        // Past the chunk, the next one is zeroed ahead of the record.
        for lsn in 100..1200 {
            wal.append(lsn, 100, Bounds::default(), &[put("b", &[7; 1000])])
                .unwrap();
        }
        assert_eq!(size(), 2 * ZERO_CHUNK);
        assert_eq!(Wal::open(dir.path()).unwrap().read().unwrap().len(), 1100);
    }
}
