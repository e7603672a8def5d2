//! One connection, from accept to close: HTTP/1.1 or HTTP/2 (hyper's
//! `auto` builder), the request service, and a watchdog that closes the
//! connection when its client is too slow or silent.
//!
//! The watchdog's rules, in order (see [`verdict`]):
//! * a request in flight (from its head until its answer is fully written)
//!   keeps the connection as long as bytes move; with no byte either way for
//!   the idle timeout, the connection is closed (a client that stops reading
//!   its answer, or stops sending its body, cannot hold it forever);
//! * HTTP/1: the head of a request must arrive whole within the header
//!   timeout, counted from the first byte of that head, or from the accept
//!   for the first request (a silent new socket); then the connection is
//!   closed, as nothing can be answered;
//! * between requests, a connection is closed after the idle timeout
//!   (gracefully: HTTP/1 closes an idle connection at once, HTTP/2 sends
//!   GOAWAY and finishes its streams).
//!
//! hyper's own `header_read_timeout` is not used: it also runs while a kept-
//! alive connection waits for its next request, so it cannot be shorter
//! than the idle timeout, which is what a header timeout needs to be.
//!
//! The watchdog costs next to nothing per request: traffic only stores
//! times in atomics, and wakes nobody. Its one timer is never armed further
//! than the shorter of the two timeouts ahead, and every deadline a new
//! event can make is at least that far from the event; so the timer is
//! only moved when it fires (recompute, re-arm), at most once per timeout
//! period, never because a request came and went (which used to reset it
//! about twice per request). Only while shutting down does the end of a
//! request wake it, to close the connection without waiting.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::http::{Request, Response, Version};
use http_body::{Frame, SizeHint};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};
use tokio::sync::{Notify, OwnedSemaphorePermit, watch};
use tokio::time::Instant;
use tower::ServiceExt;

use super::ServeOptions;
use super::body::{self, Ending};

/// After a graceful close was asked for (idle timeout, shutdown), how long
/// the connection has to finish before it is dropped.
const GRACE: Duration = Duration::from_secs(1);

/// After an answer that closes the connection while the client may still
/// be sending its body, how long and how much of it is read and discarded,
/// so that closing does not reset the connection before the client has
/// read the answer.
const LINGER_TIME: Duration = Duration::from_secs(2);
const LINGER_BYTES: u64 = 16 * 1024 * 1024;

/// The read buffer of an HTTP/1 connection, and so the largest request head
/// (a larger one gets 431). hyper's default, about 400 KiB, would let each
/// slow client hold that much for the header timeout; hushlink's requests
/// carry no cookies, and a head over a few KiB is not a browser's or a
/// pipeline's.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// No time recorded (`head_since`).
const NEVER: u64 = u64::MAX;

/// What the watchdog knows of a connection; updated by the socket wrapper
/// and the request service, read by the watchdog. Times are milliseconds
/// since the accept.
struct Activity {
    accepted: Instant,
    /// Requests whose answers are not yet fully written.
    in_flight: AtomicUsize,
    requests: AtomicU64,
    /// The last byte read or written.
    last_io: AtomicU64,
    /// When the last answer was fully written (0: none yet).
    last_end: AtomicU64,
    /// When the first byte of a next request's head arrived, with nothing in
    /// flight; `NEVER` when none is arriving.
    head_since: AtomicU64,
    /// The client opened with the HTTP/2 preface.
    http2: AtomicBool,
    /// An answer said `Connection: close` with body bytes maybe still coming.
    linger: AtomicBool,
    /// The server is shutting down: the end of the last request in flight
    /// must wake the watchdog.
    draining: AtomicBool,
    /// Wakes the watchdog while draining.
    changed: Notify,
}

impl Activity {
    fn new() -> Self {
        Activity {
            accepted: Instant::now(),
            in_flight: AtomicUsize::new(0),
            requests: AtomicU64::new(0),
            last_io: AtomicU64::new(0),
            last_end: AtomicU64::new(0),
            head_since: AtomicU64::new(NEVER),
            http2: AtomicBool::new(false),
            linger: AtomicBool::new(false),
            draining: AtomicBool::new(false),
            changed: Notify::new(),
        }
    }

    fn now(&self) -> u64 {
        self.accepted.elapsed().as_millis() as u64
    }

    fn on_read(&self, bytes: &[u8]) {
        let now = self.now();
        self.last_io.store(now, Ordering::Relaxed);
        if self.requests.load(Ordering::Relaxed) == 0 && bytes.starts_with(b"PRI ") {
            self.http2.store(true, Ordering::Relaxed);
        }
        // The head's deadline is `now + header timeout`, past the armed
        // timer (see the module documentation): nobody needs waking.
        if self.in_flight.load(Ordering::Acquire) == 0 {
            let _ =
                self.head_since
                    .compare_exchange(NEVER, now, Ordering::AcqRel, Ordering::Relaxed);
        }
    }

    fn on_write(&self) {
        self.last_io.store(self.now(), Ordering::Relaxed);
    }

    /// A request's head has arrived; the guard ends it when its answer has
    /// been written (or abandoned).
    fn begin(self: &Arc<Self>, version: Version) -> InFlight {
        if version == Version::HTTP_2 {
            self.http2.store(true, Ordering::Relaxed);
        }
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.head_since.store(NEVER, Ordering::Release);
        InFlight(Arc::clone(self))
    }

    fn snapshot(&self) -> Snapshot {
        Snapshot {
            in_flight: self.in_flight.load(Ordering::Acquire),
            requests: self.requests.load(Ordering::Relaxed),
            last_io: self.last_io.load(Ordering::Relaxed),
            last_end: self.last_end.load(Ordering::Relaxed),
            head_since: self.head_since.load(Ordering::Acquire),
            http2: self.http2.load(Ordering::Relaxed),
        }
    }
}

/// One request in flight; dropped with its answer's body.
struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.last_end.store(self.0.now(), Ordering::Relaxed);
        if self.0.in_flight.fetch_sub(1, Ordering::AcqRel) == 1
            && self.0.draining.load(Ordering::Acquire)
        {
            self.0.changed.notify_one();
        }
    }
}

/// The state the rules look at.
#[derive(Debug, Clone, Copy)]
pub(super) struct Snapshot {
    pub in_flight: usize,
    pub requests: u64,
    pub last_io: u64,
    pub last_end: u64,
    pub head_since: u64,
    pub http2: bool,
}

/// What the watchdog does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Verdict {
    /// Look again at this time (ms since accept), or when woken.
    WaitUntil(u64),
    /// Ask the connection to close once its exchanges are done.
    Graceful,
    /// Drop the connection now.
    Close,
}

/// The watchdog's rules (see the module documentation).
pub(super) fn verdict(
    s: Snapshot,
    now: u64,
    header_timeout: Duration,
    idle_timeout: Duration,
) -> Verdict {
    let header = header_timeout.as_millis() as u64;
    let idle = idle_timeout.as_millis() as u64;
    let (deadline, expired) = if s.in_flight > 0 {
        (s.last_io.saturating_add(idle), Verdict::Close)
    } else if s.http2 {
        (s.last_end.saturating_add(idle), Verdict::Graceful)
    } else if s.head_since != NEVER {
        (s.head_since.saturating_add(header), Verdict::Close)
    } else if s.requests == 0 {
        (header, Verdict::Close)
    } else {
        (s.last_end.saturating_add(idle), Verdict::Graceful)
    };
    if now >= deadline {
        expired
    } else {
        Verdict::WaitUntil(deadline)
    }
}

/// When the watchdog's timer should fire for a verdict that wants `wake`:
/// `None` to leave it as it is armed (at `armed`, not yet fired), else the
/// new time. Never later than `horizon` from `now` (the shorter timeout),
/// so that no deadline a later event makes can come before the timer; and
/// an armed timer that fires earlier than needed is left alone: it fires,
/// the rules are read again, and it is armed once more.
pub(super) fn rearm(
    wake: Instant,
    now: Instant,
    armed: Option<Instant>,
    horizon: Duration,
) -> Option<Instant> {
    let wake = wake.min(now + horizon);
    match armed {
        Some(at) if at <= wake => None,
        _ => Some(wake),
    }
}

/// The socket, reporting its traffic to the watchdog, and handing itself
/// back when hyper drops it (for the lingering close).
struct Tracked<I> {
    inner: Option<I>,
    activity: Arc<Activity>,
    home: Arc<Mutex<Option<I>>>,
}

impl<I> Drop for Tracked<I> {
    fn drop(&mut self) {
        if self.activity.linger.load(Ordering::Acquire)
            && let Some(io) = self.inner.take()
            && let Ok(mut home) = self.home.lock()
        {
            *home = Some(io);
        }
    }
}

fn gone() -> io::Error {
    io::Error::new(io::ErrorKind::NotConnected, "socket handed back")
}

impl<I: AsyncRead + Unpin> AsyncRead for Tracked<I> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(Err(gone()));
        };
        let result = Pin::new(inner).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = result
            && buf.filled().len() > before
        {
            self.activity.on_read(&buf.filled()[before..]);
        }
        result
    }
}

impl<I: AsyncWrite + Unpin> AsyncWrite for Tracked<I> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(Err(gone()));
        };
        let result = Pin::new(inner).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = result
            && n > 0
        {
            self.activity.on_write();
        }
        result
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let Some(inner) = self.inner.as_mut() else {
            return Poll::Ready(Err(gone()));
        };
        let result = Pin::new(inner).poll_write_vectored(cx, bufs);
        if let Poll::Ready(Ok(n)) = result
            && n > 0
        {
            self.activity.on_write();
        }
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.as_ref().is_some_and(|i| i.is_write_vectored())
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.inner.as_mut() {
            Some(inner) => Pin::new(inner).poll_flush(cx),
            None => Poll::Ready(Err(gone())),
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.inner.as_mut() {
            Some(inner) => Pin::new(inner).poll_shutdown(cx),
            None => Poll::Ready(Err(gone())),
        }
    }
}

/// An answer's body, holding its request "in flight" until it is written.
struct Answer {
    inner: Body,
    _in_flight: InFlight,
}

impl http_body::Body for Answer {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The per-connection service: the router, with the client's address
/// (`ConnectInfo<SocketAddr>`, as `axum::serve` gives it) and the body rules.
#[derive(Clone)]
struct ConnService {
    router: Router,
    peer: Option<SocketAddr>,
    activity: Arc<Activity>,
    body_timeout: Duration,
}

impl hyper::service::Service<Request<Incoming>> for ConnService {
    type Response = Response<Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response<Body>, Infallible>> + Send>>;

    fn call(&self, mut request: Request<Incoming>) -> Self::Future {
        let in_flight = self.activity.begin(request.version());
        if let Some(peer) = self.peer {
            request.extensions_mut().insert(ConnectInfo(peer));
        }
        let router = self.router.clone();
        let activity = Arc::clone(&self.activity);
        let (request, watch) = body::watch(request, self.body_timeout);
        Box::pin(async move {
            let Ok(response) = router.oneshot(request).await;
            let (response, ending) = watch.finish(response).await;
            if ending == Ending::Close {
                activity.linger.store(true, Ordering::Release);
            }
            Ok(response.map(|inner| {
                Body::new(Answer {
                    inner,
                    _in_flight: in_flight,
                })
            }))
        })
    }
}

/// Runs HTTP/2 streams as tasks owned by their connection: they end when
/// the connection's task ends (the `alive` sender is dropped with it).
#[derive(Clone)]
struct StreamExecutor {
    alive: watch::Receiver<()>,
}

impl<F> hyper::rt::Executor<F> for StreamExecutor
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    fn execute(&self, stream: F) {
        let mut alive = self.alive.clone();
        tokio::spawn(async move {
            tokio::select! {
                _ = stream => {}
                _ = alive.changed() => {}
            }
        });
    }
}

/// Serves one accepted connection until it closes, the watchdog closes it,
/// or the server shuts down. Holds its connection permit throughout.
pub(super) async fn serve<I>(
    io: I,
    peer: Option<SocketAddr>,
    router: Router,
    options: Arc<ServeOptions>,
    mut stopping: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) where
    I: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let activity = Arc::new(Activity::new());
    let home = Arc::new(Mutex::new(None));
    let io = TokioIo::new(Tracked {
        inner: Some(io),
        activity: Arc::clone(&activity),
        home: Arc::clone(&home),
    });
    let (_alive, alive) = watch::channel(());
    let mut builder = auto::Builder::new(StreamExecutor { alive });
    builder
        .http1()
        .keep_alive(true)
        .max_buf_size(MAX_HEAD_BYTES)
        // The watchdog times headers (see the module documentation).
        .header_read_timeout(None)
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(options.max_h2_streams)
        // A peer that stops answering pings is gone: close its connection
        // rather than keep its streams.
        .keep_alive_interval(Some(Duration::from_secs(20)))
        .keep_alive_timeout(Duration::from_secs(20));
    let service = ConnService {
        router,
        peer,
        activity: Arc::clone(&activity),
        body_timeout: options.body_timeout,
    };
    // Boxed so that it can be dropped (and its socket handed back) before
    // the lingering close.
    let mut connection = Box::pin(builder.serve_connection(io, service));
    let mut graceful_since: Option<Instant> = None;
    // A connection accepted just before shutdown is still served (its first
    // request, with `Connection: close`): `changed` fires at once.
    let mut shutting_down = false;
    // One timer, re-armed only when it fired or must fire sooner.
    let mut timer = Box::pin(tokio::time::sleep_until(activity.accepted));
    let mut armed: Option<Instant> = None;
    let horizon = options.header_timeout.min(options.idle_timeout);
    loop {
        let verdict = if shutting_down && activity.snapshot().in_flight == 0 {
            // Shutting down: an idle connection gets the grace to flush a
            // GOAWAY, no more.
            Verdict::Graceful
        } else {
            verdict(
                activity.snapshot(),
                activity.now(),
                options.header_timeout,
                options.idle_timeout,
            )
        };
        let wake = match verdict {
            Verdict::WaitUntil(ms) => activity.accepted + Duration::from_millis(ms),
            Verdict::Close => break,
            Verdict::Graceful => match graceful_since {
                Some(since) if since.elapsed() >= GRACE => break,
                Some(since) => since + GRACE,
                None => {
                    connection.as_mut().graceful_shutdown();
                    let now = Instant::now();
                    graceful_since = Some(now);
                    now + GRACE
                }
            },
        };
        if let Some(at) = rearm(wake, Instant::now(), armed, horizon) {
            timer.as_mut().reset(at);
            armed = Some(at);
        }
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, "connection ended with an error");
                }
                break;
            }
            changed = stopping.changed(), if !shutting_down => {
                shutting_down = true;
                activity.draining.store(true, Ordering::Release);
                if changed.is_ok() && graceful_since.is_none() {
                    connection.as_mut().graceful_shutdown();
                    graceful_since = Some(Instant::now());
                }
            }
            () = activity.changed.notified() => {}
            () = &mut timer => armed = None,
        }
    }
    drop(connection);
    let socket = home.lock().ok().and_then(|mut h| h.take());
    if let Some(socket) = socket {
        linger(socket).await;
    }
}

/// Reads and discards what the client still sends after an answer that
/// closed the connection, for a bounded time and size, then closes. hyper
/// has already shut down the sending side, so the client has the answer
/// and an end of stream; closing with unread bytes instead would send a
/// reset, which can destroy that answer before the client reads it.
async fn linger<I: AsyncRead + Unpin>(mut socket: I) {
    let mut sink = [0u8; 8192];
    let mut read = 0u64;
    let discard = async {
        while read < LINGER_BYTES {
            match socket.read(&mut sink).await {
                Ok(0) | Err(_) => return,
                Ok(n) => read += n as u64,
            }
        }
    };
    let _ = tokio::time::timeout(LINGER_TIME, discard).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: Duration = Duration::from_secs(10);
    const I: Duration = Duration::from_secs(60);

    fn idle_after(requests: u64, last_end: u64) -> Snapshot {
        Snapshot {
            in_flight: 0,
            requests,
            last_io: last_end,
            last_end,
            head_since: NEVER,
            http2: false,
        }
    }

    #[test]
    fn a_silent_new_connection_gets_the_header_timeout() {
        let s = idle_after(0, 0);
        assert_eq!(verdict(s, 0, H, I), Verdict::WaitUntil(10_000));
        assert_eq!(verdict(s, 10_000, H, I), Verdict::Close);
    }

    #[test]
    fn a_head_must_arrive_within_the_header_timeout_of_its_first_byte() {
        let s = Snapshot {
            head_since: 30_000,
            ..idle_after(3, 25_000)
        };
        assert_eq!(verdict(s, 31_000, H, I), Verdict::WaitUntil(40_000));
        assert_eq!(verdict(s, 40_000, H, I), Verdict::Close);
    }

    #[test]
    fn between_requests_the_idle_timeout_closes_gracefully() {
        let s = idle_after(1, 5_000);
        assert_eq!(verdict(s, 6_000, H, I), Verdict::WaitUntil(65_000));
        assert_eq!(verdict(s, 65_000, H, I), Verdict::Graceful);
        let h2 = Snapshot {
            http2: true,
            ..idle_after(0, 0)
        };
        assert_eq!(verdict(h2, 60_000, H, I), Verdict::Graceful);
    }

    #[test]
    fn the_timer_moves_only_when_it_must_fire_sooner() {
        let t0 = Instant::now();
        let at = |ms: u64| t0 + Duration::from_millis(ms);
        // Nothing armed (new, or fired): armed at the verdict's time, or at
        // the horizon when that is sooner.
        assert_eq!(rearm(at(5_000), t0, None, H), Some(at(5_000)));
        assert_eq!(rearm(at(75_000), t0, None, H), Some(at(10_000)));
        // A later deadline leaves the armed timer alone: it fires early.
        assert_eq!(rearm(at(9_000), at(1_000), Some(at(8_000)), H), None);
        assert_eq!(rearm(at(8_000), at(1_000), Some(at(8_000)), H), None);
        // A sooner one moves it.
        assert_eq!(
            rearm(at(3_000), at(1_000), Some(at(8_000)), H),
            Some(at(3_000))
        );
    }

    /// Why the horizon suffices: every deadline an event at `t` can make is
    /// at least the shorter timeout after `t`.
    #[test]
    fn no_event_makes_a_deadline_before_the_horizon() {
        for (header, idle) in [(H, I), (I, H), (H, H)] {
            let horizon = header.min(idle).as_millis() as u64;
            let t = 50_000;
            for s in [
                // A head begins.
                Snapshot {
                    head_since: t,
                    ..idle_after(3, 20_000)
                },
                // A request arrives, or writes a byte.
                Snapshot {
                    in_flight: 1,
                    last_io: t,
                    ..idle_after(3, 20_000)
                },
                // Its answer is written.
                idle_after(4, t),
                Snapshot {
                    http2: true,
                    ..idle_after(4, t)
                },
            ] {
                match verdict(s, t, header, idle) {
                    Verdict::WaitUntil(ms) => assert!(ms >= t + horizon, "{s:?}"),
                    other => panic!("{other:?} for {s:?}"),
                }
            }
        }
    }

    #[test]
    fn a_request_in_flight_is_closed_only_when_no_byte_moves() {
        let s = Snapshot {
            in_flight: 1,
            last_io: 100_000,
            ..idle_after(1, 0)
        };
        assert_eq!(verdict(s, 150_000, H, I), Verdict::WaitUntil(160_000));
        assert_eq!(verdict(s, 160_000, H, I), Verdict::Close);
    }
}
