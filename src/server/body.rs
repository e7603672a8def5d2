//! Request bodies at the edge of the server: a deadline on the whole body,
//! and what becomes of a body that the handler did not read.
//!
//! Why this exists: hyper, when a handler answers without reading the body
//! (a 401 before a create, a 404 for a POST to an unknown path), writes the
//! answer as keep-alive and only then notices the dropped body. If the rest
//! of the body is not already in its buffer, it gives up on the connection
//! and closes it after the answer, without `Connection: close`; the
//! client's next request on that connection is lost. Here the body is kept
//! alive past the handler instead: a small rest is read and thrown away
//! before the answer goes out, so the connection stays usable; a large one
//! (or one behind `Expect: 100-continue`, or a body that timed out) makes
//! the answer say `Connection: close`, so the client knows.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Request, Response, StatusCode, Version, header};
use http_body::{Body as _, Frame, SizeHint};
use http_body_util::BodyExt;
use hyper::body::Incoming;
use tokio::time::{Instant, Sleep};

/// An unread rest of a body up to this size is read and discarded so the
/// connection can be reused; a larger one costs more to receive than a new
/// connection costs to open, so the connection is closed instead.
pub const DRAIN_MAX_BYTES: u64 = 64 * 1024;

/// How long the server waits for that rest to arrive before it gives up
/// on the connection (and says so in the answer).
pub const DRAIN_MAX_TIME: Duration = Duration::from_secs(1);

/// The error a handler reads when the body misses its deadline.
#[derive(Debug, thiserror::Error)]
#[error("the request body did not arrive within {0:?}")]
pub struct BodyTimeout(pub Duration);

/// What the handler left of its request body, shared between the body
/// (which hands itself back when dropped unread) and the server.
#[derive(Default)]
struct Shared {
    leftover: Mutex<Option<Incoming>>,
    timed_out: AtomicBool,
}

/// The request body as handlers see it: hyper's body under a deadline.
/// The timer is made only when the body first has to wait for the network:
/// most bodies are already whole in hyper's buffer when the handler reads
/// them, and then the deadline costs no timer at all.
struct GuardedBody {
    inner: Option<Incoming>,
    deadline: Instant,
    timer: Option<Pin<Box<Sleep>>>,
    limit: Duration,
    shared: Arc<Shared>,
}

impl http_body::Body for GuardedBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        let Some(inner) = this.inner.as_mut() else {
            return Poll::Ready(None);
        };
        match Pin::new(inner).poll_frame(cx) {
            Poll::Ready(None) => {
                this.inner = None;
                Poll::Ready(None)
            }
            Poll::Ready(Some(Ok(frame))) => Poll::Ready(Some(Ok(frame))),
            Poll::Ready(Some(Err(e))) => {
                // The connection failed: there is nothing left to drain.
                this.inner = None;
                Poll::Ready(Some(Err(e.into())))
            }
            Poll::Pending => {
                let deadline = this.deadline;
                let timer = this
                    .timer
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(deadline)));
                if timer.as_mut().poll(cx).is_ready() {
                    // The rest will not be read: the answer closes the
                    // connection (see `finish`).
                    this.inner = None;
                    this.shared.timed_out.store(true, Ordering::Release);
                    return Poll::Ready(Some(Err(BodyTimeout(this.limit).into())));
                }
                Poll::Pending
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.as_ref().is_none_or(|b| b.is_end_stream())
    }

    fn size_hint(&self) -> SizeHint {
        self.inner
            .as_ref()
            .map_or_else(|| SizeHint::with_exact(0), |b| b.size_hint())
    }
}

impl Drop for GuardedBody {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.take()
            && !inner.is_end_stream()
            && let Ok(mut leftover) = self.shared.leftover.lock()
        {
            *leftover = Some(inner);
        }
    }
}

/// The server's hold on a request's body while the handler runs.
pub struct BodyWatch {
    shared: Arc<Shared>,
    deadline: Instant,
    limit: Duration,
    http1: bool,
    expects_continue: bool,
}

/// How an exchange leaves its connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Nothing of the body is left on the wire: the connection is reusable.
    Reusable,
    /// The answer says `Connection: close`; part of the body may still be
    /// coming, so the server should read and discard it for a moment after
    /// the answer (a "lingering close"), or the client may get a reset
    /// instead of the answer.
    Close,
}

/// Gives `request` a body that must arrive whole within `limit`.
pub fn watch(request: Request<Incoming>, limit: Duration) -> (Request<Body>, BodyWatch) {
    let shared = Arc::new(Shared::default());
    let deadline = Instant::now() + limit;
    let watch = BodyWatch {
        shared: Arc::clone(&shared),
        deadline,
        limit,
        http1: request.version() <= Version::HTTP_11,
        expects_continue: request
            .headers()
            .get(header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue")),
    };
    let request = request.map(|inner| {
        Body::new(GuardedBody {
            inner: Some(inner),
            deadline,
            timer: None,
            limit,
            shared,
        })
    });
    (request, watch)
}

impl BodyWatch {
    /// Settles the body once the handler has answered: replaces the answer
    /// with a 408 when the body missed its deadline, drains a small unread
    /// rest, and marks the answer `Connection: close` when the connection
    /// cannot be reused. (HTTP/2 needs none of this: an unread stream is
    /// reset on its own, and the connection is not affected.)
    pub async fn finish(self, mut response: Response<Body>) -> (Response<Body>, Ending) {
        let leftover = self.shared.leftover.lock().ok().and_then(|mut l| l.take());
        let timed_out = self.shared.timed_out.load(Ordering::Acquire);
        if timed_out {
            // The handler's own answer (and the access log line) said 400,
            // for an unreadable body; this says why the client got a 408.
            tracing::info!(
                body_timeout_s = self.limit.as_secs(),
                "request body did not arrive in time: answered 408"
            );
            response = timeout_answer(self.limit);
        }
        if !self.http1 {
            return (response, Ending::Reusable);
        }
        let reusable = !timed_out
            && match leftover {
                None => true,
                // The client waits for a "100 Continue" before it sends the
                // body; draining would ask it for a body we do not want.
                Some(_) if self.expects_continue => false,
                Some(rest) => drain(rest, self.deadline).await,
            };
        if reusable {
            (response, Ending::Reusable)
        } else {
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            (response, Ending::Close)
        }
    }
}

/// Reads and discards the rest of a body, if it is small and arrives soon:
/// true when it was read to its end.
async fn drain(mut rest: Incoming, deadline: Instant) -> bool {
    if rest.size_hint().lower() > DRAIN_MAX_BYTES {
        return false;
    }
    let until = deadline.min(Instant::now() + DRAIN_MAX_TIME);
    let read_all = async {
        let mut read = 0u64;
        while let Some(frame) = rest.frame().await {
            let Ok(frame) = frame else { return false };
            if let Some(data) = frame.data_ref() {
                read += data.len() as u64;
                if read > DRAIN_MAX_BYTES {
                    return false;
                }
            }
        }
        true
    };
    tokio::time::timeout_at(until, read_all)
        .await
        .unwrap_or(false)
}

/// The answer to a body that missed its deadline: 408 with a problem
/// document, on every route (the handler's own answer, a 400 for an
/// unreadable body, would hide the cause).
fn timeout_answer(limit: Duration) -> Response<Body> {
    let problem = serde_json::json!({
        "type": "about:blank",
        "title": format!(
            "The request body did not arrive within {} seconds.",
            limit.as_secs_f64()
        ),
        "invalid-params": [{
            "name": "body",
            "reason": "The whole body must arrive within the server's body timeout (HUSHLINK_BODY_TIMEOUT)."
        }],
    });
    let mut response = Response::new(Body::from(problem.to_string()));
    *response.status_mut() = StatusCode::REQUEST_TIMEOUT;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}
