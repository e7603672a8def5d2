//! Early writeback of the redb file: a thread that asks the kernel, every
//! [`WRITEBACK_EVERY`] while batches are being logged, to start writing the
//! file's dirty pages to the disk (`sync_file_range` with
//! `SYNC_FILE_RANGE_WRITE`: it starts the writes and waits for none).
//!
//! Why: between two checkpoints redb's non-durable commits leave thousands of
//! dirty pages in the page cache, and the checkpoint's `fdatasync` wrote
//! them all while the writer held every request: 45 of the 106 on-CPU
//! samples of the checkpoints in a `perf` profile at 36k requests/s, and the
//! wait for the disk beside them. Written back on the way, they leave the
//! checkpoint little to do: 24–30 ms became 8–18 ms (API flow, 36k
//! requests/s, three runs of 12 s). It changes no
//! guarantee: the kernel may write a dirty page back at any moment anyway
//! (redb's commit protocol allows for it), and the checkpoint still ends
//! with its `fdatasync`. No device flush is asked for, so the log's own
//! `fdatasync`s do not queue behind one.
//!
//! Owned by the writer: [`Writeback`] stops and joins its thread when
//! dropped. A failed call (a file system without the call) ends the thread
//! after one debug line; the checkpoints then work as before.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

/// How often the dirty pages are handed to the disk. Every 100 ms cost
/// requests/s (pages rewritten before the checkpoint were written more than
/// once); at 500 ms the CPU per request was the same as without
/// (`bench/ab.sh`, three interleaved rounds, both stores) and the embedded
/// store's wrk p99 lower in four of six pairs (means 3.8 → 2.9 ms on the
/// API flow, 4.1 → 3.2 on the form flow).
pub(super) const WRITEBACK_EVERY: Duration = Duration::from_millis(500);

/// The writeback thread; dropping it stops the thread and waits for it.
pub(super) struct Writeback {
    /// Set by the writer after a logged batch; the thread starts a writeback
    /// only when it was set since the last one.
    dirty: Arc<AtomicBool>,
    /// Dropped to stop the thread (its `recv_timeout` then ends).
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Writeback {
    /// Starts the thread on its own read-only handle of the file at `path`.
    /// `None` (the checkpoints work as before) if the file cannot be opened
    /// or the thread not started.
    pub(super) fn start(path: &Path, every: Duration) -> Option<Self> {
        let file = File::open(path)
            .inspect_err(|e| tracing::debug!(error = %e, "no early writeback of the store"))
            .ok()?;
        let dirty = Arc::new(AtomicBool::new(false));
        let (stop, stopped) = mpsc::channel::<()>();
        let flag = Arc::clone(&dirty);
        let thread = std::thread::Builder::new()
            .name("hushlink-writeback".into())
            .spawn(move || run(&file, &flag, &stopped, every))
            .inspect_err(|e| tracing::debug!(error = %e, "no early writeback of the store"))
            .ok()?;
        Some(Writeback {
            dirty,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The writer logged a batch: its pages are worth writing back.
    pub(super) fn logged(&self) {
        self.dirty.store(true, Ordering::Relaxed);
    }
}

impl Drop for Writeback {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn run(file: &File, dirty: &AtomicBool, stopped: &mpsc::Receiver<()>, every: Duration) {
    while let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(every) {
        if dirty.swap(false, Ordering::Relaxed)
            && let Err(e) = start_writeback(file)
        {
            tracing::debug!(error = %e, "early writeback of the store stopped");
            return;
        }
    }
}

/// Starts writing every dirty page of `file` to the disk, waiting for none.
#[cfg(target_os = "linux")]
fn start_writeback(file: &File) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: `sync_file_range` reads no memory of ours; the descriptor is
    // valid for the call, as `file` is borrowed across it.
    let rc = unsafe { libc::sync_file_range(file.as_raw_fd(), 0, 0, libc::SYNC_FILE_RANGE_WRITE) };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Linux only: elsewhere the thread stops at its first try, and the
/// checkpoints work as before.
#[cfg(not(target_os = "linux"))]
fn start_writeback(_file: &File) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// Whether pages were really written early is the kernel's to tell
    /// (the figures are in the module's doc); what is checked here: the call
    /// works on this file system (so the thread would not stop), the thread
    /// takes the writer's mark, and dropping the owner stops and joins it.
    #[test]
    #[cfg(target_os = "linux")]
    fn writes_back_when_marked_and_stops_with_its_owner() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file");
        let mut file = File::create(&path).unwrap();
        file.write_all(&[7u8; 64 * 1024]).unwrap();
        start_writeback(&File::open(&path).unwrap()).expect("sync_file_range works here");

        let writeback = Writeback::start(&path, Duration::from_millis(5)).expect("started");
        writeback.logged();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while writeback.dirty.load(Ordering::Relaxed) {
            assert!(std::time::Instant::now() < deadline, "the thread never ran");
            std::thread::sleep(Duration::from_millis(1));
        }
        // Joins the thread: one that kept running would hang the test here.
        drop(writeback);
    }

    #[test]
    fn a_file_that_cannot_be_opened_means_no_writeback() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Writeback::start(&dir.path().join("missing"), WRITEBACK_EVERY).is_none());
    }
}
