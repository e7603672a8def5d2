//! The log's way to stderr: access lines gathered in a bounded buffer and
//! written in batches by a flusher thread, every other line written at once
//! (after what is gathered, so the file keeps the order of events).
//!
//! Why: one `write(2)` per request was about 4% of a request's CPU under
//! load (perf, the Redis form flow). A channel with a thread woken per line
//! did not help: the wake-up costs as much as the write. Here a request only
//! appends to a buffer under a short lock; the flusher is woken when the
//! buffer goes from empty to not empty or passes [`FLUSH_AT`], and otherwise
//! waits up to [`FLUSH_EVERY`] for more lines, so under load it writes a few
//! dozen times a second, whatever the request rate.
//!
//! Bound: the buffer never holds more than [`MAX_PENDING`]. When stderr
//! blocks (a stalled pipe, a full disk behind it) and the buffer is full,
//! further access lines are dropped and counted (the caller counts them in
//! the metrics) rather than growing memory or stalling requests.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A batch is written once it is this large, without waiting.
pub const FLUSH_AT: usize = 64 * 1024;

/// The longest a line waits in the buffer before it is written.
pub const FLUSH_EVERY: Duration = Duration::from_millis(50);

/// The most the buffer holds; access lines past it are dropped.
pub const MAX_PENDING: usize = 1024 * 1024;

/// Where log lines go: a buffer of access lines, and the output they and
/// every other line are written to.
pub struct Batch {
    /// Access lines not yet written.
    pending: Mutex<Vec<u8>>,
    /// Wakes the flusher: the buffer got its first line, passed
    /// [`FLUSH_AT`], or the guard is stopping.
    wake: Condvar,
    /// The output; held while writing, so that batches and immediate lines
    /// reach it in the order they were made. Always locked before `pending`.
    output: Mutex<Box<dyn Write + Send>>,
    stopping: AtomicBool,
}

impl Batch {
    pub fn new(output: Box<dyn Write + Send>) -> Self {
        Batch {
            pending: Mutex::new(Vec::with_capacity(FLUSH_AT)),
            wake: Condvar::new(),
            output: Mutex::new(output),
            stopping: AtomicBool::new(false),
        }
    }

    /// Appends one access line, made by `format` into the buffer (no copy
    /// of its own). False when the buffer is full and the line was dropped.
    pub fn append(&self, format: impl FnOnce(&mut Vec<u8>)) -> bool {
        let mut pending = lock(&self.pending);
        let before = pending.len();
        format(&mut pending);
        let after = pending.len();
        if after > MAX_PENDING {
            pending.truncate(before);
            return false;
        }
        // Only the transitions wake the flusher: one wake per batch, not
        // one per line.
        let wake = before == 0 || (before < FLUSH_AT && after >= FLUSH_AT);
        drop(pending);
        if wake {
            self.wake.notify_one();
        }
        true
    }

    /// Writes what is buffered, then `line`, now (warnings, errors and every
    /// line that is not an access line).
    pub fn write_now(&self, line: &[u8]) {
        let mut output = lock(&self.output);
        let pending = std::mem::take(&mut *lock(&self.pending));
        // A log line that cannot be written has nowhere else to go.
        let _ = output.write_all(&pending);
        let _ = output.write_all(line);
        let _ = output.flush();
    }

    /// Writes what is buffered now.
    pub fn flush(&self) {
        self.write_now(b"");
    }

    /// The flusher: waits for a first line, lets a batch gather for up to
    /// [`FLUSH_EVERY`] (less once it passes [`FLUSH_AT`]), writes it, until
    /// the guard stops it; then writes what is left.
    fn run(&self) {
        let mut spare = Vec::with_capacity(FLUSH_AT);
        loop {
            let mut pending = lock(&self.pending);
            while pending.is_empty() && !self.stopping.load(Ordering::Acquire) {
                pending = self.wake.wait(pending).unwrap_or_else(|e| e.into_inner());
            }
            let deadline = Instant::now() + FLUSH_EVERY;
            while pending.len() < FLUSH_AT && !self.stopping.load(Ordering::Acquire) {
                let now = Instant::now();
                if now >= deadline {
                    break;
                }
                pending = self
                    .wake
                    .wait_timeout(pending, deadline - now)
                    .unwrap_or_else(|e| e.into_inner())
                    .0;
            }
            drop(pending);
            let mut output = lock(&self.output);
            // Swapped with a cleared buffer of the same capacity: no
            // allocation per batch.
            std::mem::swap(&mut *lock(&self.pending), &mut spare);
            let _ = output.write_all(&spare);
            let _ = output.flush();
            drop(output);
            spare.clear();
            if self.stopping.load(Ordering::Acquire) {
                self.flush();
                return;
            }
        }
    }
}

/// A poisoned lock here only means a thread panicked while logging; the
/// buffer is still bytes, so logging goes on.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Owns the flusher thread: dropping it writes what is left and stops the
/// thread (`main` holds it for the life of the server).
pub struct FlushGuard {
    batch: Arc<Batch>,
    thread: Option<JoinHandle<()>>,
}

impl FlushGuard {
    /// Starts the flusher of `batch`.
    pub fn start(batch: Arc<Batch>) -> std::io::Result<Self> {
        let flusher = Arc::clone(&batch);
        let thread = std::thread::Builder::new()
            .name("hushlink-log".into())
            .spawn(move || flusher.run())?;
        Ok(FlushGuard {
            batch,
            thread: Some(thread),
        })
    }
}

impl Drop for FlushGuard {
    fn drop(&mut self) {
        // Set under the lock the flusher checks it under: set between its
        // check and its wait, the wake-up would be lost and the join below
        // would wait for ever (seen: a command that failed at once hung).
        {
            let _pending = lock(&self.batch.pending);
            self.batch.stopping.store(true, Ordering::Release);
        }
        self.batch.wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        // Anything appended after the flusher's last look.
        self.batch.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An output the test can read, and block.
    #[derive(Clone, Default)]
    struct Shared {
        bytes: Arc<Mutex<Vec<u8>>>,
        writes: Arc<std::sync::atomic::AtomicUsize>,
    }

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if !buf.is_empty() {
                self.writes.fetch_add(1, Ordering::Relaxed);
            }
            lock(&self.bytes).extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn text(out: &Shared) -> String {
        String::from_utf8(lock(&out.bytes).clone()).unwrap()
    }

    #[test]
    fn lines_are_written_in_batches_and_in_order() {
        let out = Shared::default();
        let batch = Arc::new(Batch::new(Box::new(out.clone())));
        let guard = FlushGuard::start(Arc::clone(&batch)).unwrap();
        for i in 0..1000 {
            assert!(batch.append(|b| writeln!(b, "access {i}").unwrap()));
        }
        batch.write_now(b"warning\n");
        assert!(batch.append(|b| b.extend_from_slice(b"access last\n")));
        // The lines before the warning are written with it, at once.
        let now = text(&out);
        assert!(now.starts_with("access 0\n"), "{now}");
        assert!(now.ends_with("access 999\nwarning\n"), "{now}");
        // The last one within a flush period.
        let deadline = Instant::now() + Duration::from_secs(5);
        while !text(&out).ends_with("access last\n") {
            assert!(Instant::now() < deadline, "not flushed: {}", text(&out));
            std::thread::sleep(Duration::from_millis(5));
        }
        drop(guard);
        let writes = out.writes.load(Ordering::Relaxed);
        assert!(writes < 100, "{writes} writes for 1001 lines");
    }

    #[test]
    fn dropping_the_guard_writes_what_is_left() {
        let out = Shared::default();
        let batch = Arc::new(Batch::new(Box::new(out.clone())));
        let guard = FlushGuard::start(Arc::clone(&batch)).unwrap();
        for i in 0..10 {
            batch.append(|b| writeln!(b, "line {i}").unwrap());
        }
        drop(guard);
        assert_eq!(text(&out).lines().count(), 10);
    }

    /// A guard dropped right after its flusher started (a command that
    /// fails at once) returns: the stop cannot slip between the flusher's
    /// look at the buffer and its wait. Without the lock in `drop` this test
    /// hung (and failed after its minute); with it, 20,000 tries take 2–3 s.
    #[test]
    fn a_guard_dropped_at_once_never_hangs() {
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for i in 0..20_000u32 {
                let batch = Arc::new(Batch::new(Box::new(Shared::default())));
                let guard = FlushGuard::start(batch).unwrap();
                // Stop at every moment of the flusher's first steps: from
                // before it runs to after it sleeps.
                let until = Instant::now() + Duration::from_nanos(u64::from(i % 200) * 250);
                while Instant::now() < until {
                    std::hint::spin_loop();
                }
                drop(guard);
            }
            let _ = done.send(());
        });
        finished
            .recv_timeout(Duration::from_secs(60))
            .expect("a dropped guard never returned: the flusher missed its stop");
    }

    /// An output that blocks until released, like a pipe nobody reads.
    struct Stalled(Arc<(Mutex<bool>, Condvar)>);

    impl Write for Stalled {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let (released, cv) = &*self.0;
            let mut r = lock(released);
            while !*r {
                r = cv.wait(r).unwrap();
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_blocked_output_drops_lines_instead_of_growing() {
        let gate = Arc::new((Mutex::new(false), Condvar::new()));
        let batch = Arc::new(Batch::new(Box::new(Stalled(Arc::clone(&gate)))));
        let guard = FlushGuard::start(Arc::clone(&batch)).unwrap();
        let line = [b'x'; 99];
        let mut dropped = 0;
        let started = Instant::now();
        for _ in 0..(3 * MAX_PENDING / 100) {
            if !batch.append(|b| {
                b.extend_from_slice(&line);
                b.push(b'\n');
            }) {
                dropped += 1;
            }
        }
        // Never stalled the caller, never held more than the bound.
        assert!(started.elapsed() < Duration::from_secs(5));
        assert!(lock(&batch.pending).len() <= MAX_PENDING);
        assert!(dropped >= MAX_PENDING / 100, "{dropped} dropped");
        let (released, cv) = &*gate;
        *lock(released) = true;
        cv.notify_all();
        drop(guard);
    }
}
