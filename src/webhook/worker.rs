//! The delivery worker: one task per server, owned by a drop guard
//! ([`Worker`]), that claims due events from the queue and POSTs them with
//! bounded concurrency (`HUSHLINK_WEBHOOK_CONCURRENCY`), each attempt under
//! `HUSHLINK_WEBHOOK_TIMEOUT`.
//!
//! - 2xx: delivered, removed.
//! - 5xx, 408, 429, a redirect, a timeout or a refused connection: retried
//!   with exponential backoff (`retry_base` doubling to 10 minutes, ±20%
//!   jitter) until `HUSHLINK_WEBHOOK_MAX_AGE` after the event was queued,
//!   then dropped and counted (`gave_up`).
//! - Any other 4xx: the receiver refuses this event; dropped at once and
//!   counted (`rejected`), since sending it again would get the same answer.
//!
//! The same event keeps its `webhook-id` on every attempt; each attempt has
//! its own `webhook-timestamp` and signature. Log lines name the webhook id,
//! attempts and status, never a payload or the URL (which may hold a
//! receiver's token).
//!
//! Each pass also sweeps the secrets whose expiry has passed: those whose
//! receipt says `expired` get a `secret.expired` event.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::task::JoinSet;

use super::event::{Event, EventType, Meta};
use super::queue::{Claimed, Settle};
use super::{Hooks, now_ms, now_secs};
use crate::metrics::WebhookDrop;
use crate::receipt::{ReceiptHash, State};
use crate::store::DynStore;

/// How often the queue is looked at when nothing wakes the worker (an
/// event queued by another instance, a retry coming due).
const POLL: Duration = Duration::from_millis(500);
/// How often expired secrets are swept.
const SWEEP_EVERY: Duration = Duration::from_secs(1);
/// Expired secrets handled per sweep.
const SWEEP_BATCH: usize = 256;
/// How long an instance holds the expired secrets it swept (Redis), and
/// how soon one not yet expired by the store's clock is looked at again.
const EXPIRY_LEASE_SECS: u64 = 5;
/// A claim's lease beyond the attempt's timeout (the settle's write).
const LEASE_MARGIN: Duration = Duration::from_secs(10);
/// The longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(600);
/// The first pause after the store failed, before the next pass; doubled
/// while it keeps failing, up to `MAX_STORE_PAUSE`.
const STORE_PAUSE: Duration = Duration::from_secs(1);
const MAX_STORE_PAUSE: Duration = Duration::from_secs(30);

/// Owns the worker task: dropping it stops the worker. Events it had
/// claimed and not settled stay queued (delivered again after a restart,
/// or by another instance once the lease ends).
pub struct Worker(tokio::task::JoinHandle<()>);

impl Drop for Worker {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Starts the worker. `receipts`: the store (unwrapped) the expiry sweep
/// reads receipts from.
pub fn start(hooks: Arc<Hooks>, receipts: DynStore) -> anyhow::Result<Worker> {
    let client = reqwest::Client::builder()
        .timeout(hooks.settings.timeout)
        .connect_timeout(hooks.settings.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("hushlink/", env!("CARGO_PKG_VERSION")))
        .build()?;
    Ok(Worker(tokio::spawn(run(hooks, receipts, client))))
}

async fn run(hooks: Arc<Hooks>, receipts: DynStore, client: reqwest::Client) {
    let mut last_sweep: Option<Instant> = None;
    // While the store fails, the pause doubles (bounded), and so do the
    // log lines' intervals.
    let mut pause = Duration::ZERO;
    loop {
        let mut failure = None;
        if last_sweep.is_none_or(|t| t.elapsed() >= SWEEP_EVERY) {
            last_sweep = Some(Instant::now());
            if let Err(e) = sweep(&hooks, &receipts).await {
                failure = Some(e);
            }
            // The gauge, read once a second (busy or not).
            if let Ok(depth) = hooks.queue.depth().await {
                hooks.metrics.webhook_queue_depth(depth);
            }
        }
        let batch = hooks.settings.concurrency;
        let delivered = match deliver_batch(&hooks, &client).await {
            Ok(n) => n,
            Err(e) => {
                failure = Some(e);
                0
            }
        };
        if let Some(e) = failure {
            pause = (pause * 2).clamp(STORE_PAUSE, MAX_STORE_PAUSE);
            tracing::warn!(error = %e, retry_in_s = pause.as_secs(), "webhook queue unavailable");
            tokio::time::sleep(pause).await;
            continue;
        }
        if !pause.is_zero() {
            tracing::info!("webhook queue reachable again");
            pause = Duration::ZERO;
        }
        if delivered >= batch {
            continue;
        }
        tokio::select! {
            () = hooks.wake.notified() => {}
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

/// Claims up to one batch, delivers it concurrently, settles it in one
/// write. Returns how many were claimed.
async fn deliver_batch(
    hooks: &Arc<Hooks>,
    client: &reqwest::Client,
) -> Result<usize, crate::store::StoreError> {
    let now = now_ms();
    // Long enough for an attempt and the settle after it; also how long the
    // events of an instance that died mid-delivery wait for another.
    let lease = hooks.settings.timeout + LEASE_MARGIN;
    let lease_until = now.saturating_add(u64::try_from(lease.as_millis()).unwrap_or(u64::MAX));
    let claimed = hooks
        .queue
        .claim(now, lease_until, hooks.settings.concurrency)
        .await?;
    let n = claimed.len();
    let mut attempts = JoinSet::new();
    for c in claimed {
        let (hooks, client) = (Arc::clone(hooks), client.clone());
        attempts.spawn(async move {
            let settle = attempt(&hooks, &client, &c).await;
            (c, settle)
        });
    }
    let mut done = Vec::with_capacity(n);
    while let Some(result) = attempts.join_next().await {
        if let Ok(settled) = result {
            done.push(settled);
        }
    }
    hooks.queue.settle(done).await?;
    Ok(n)
}

/// One delivery attempt, and what to do with the event after it.
async fn attempt(hooks: &Hooks, client: &reqwest::Client, c: &Claimed) -> Settle {
    let s = &hooks.settings;
    let item = &c.item;
    let timestamp = now_secs();
    let signature = s.secret.sign(&item.id, timestamp, &item.body);
    let sent = client
        .post(s.url.clone())
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("webhook-id", &item.id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(item.body.clone())
        .send()
        .await;
    let attempts = item.attempts.saturating_add(1);
    let why = match sent {
        Ok(r) if r.status().is_success() => {
            hooks.metrics.webhook_delivered();
            tracing::debug!(webhook_id = %item.id, attempts, "webhook delivered");
            return Settle::Remove;
        }
        Ok(r) if retryable(r.status()) => format!("status {}", r.status().as_u16()),
        Ok(r) => {
            hooks.metrics.webhook_dropped(WebhookDrop::Rejected, 1);
            tracing::warn!(
                webhook_id = %item.id,
                attempts,
                status = r.status().as_u16(),
                "webhook receiver refused the event (4xx other than 408/429): dropped, not retried"
            );
            return Settle::Remove;
        }
        Err(e) if e.is_timeout() => "timeout".to_owned(),
        Err(e) if e.is_connect() => "connection failed".to_owned(),
        Err(_) => "request failed".to_owned(),
    };
    let now = now_ms();
    let at_ms = now.saturating_add(backoff(s.retry_base, attempts));
    let age = Duration::from_millis(at_ms.saturating_sub(item.first_ms));
    if age > s.max_age {
        hooks.metrics.webhook_dropped(WebhookDrop::GaveUp, 1);
        tracing::warn!(
            webhook_id = %item.id,
            attempts,
            last_error = %why,
            "webhook undeliverable for HUSHLINK_WEBHOOK_MAX_AGE: dropped"
        );
        return Settle::Remove;
    }
    hooks.metrics.webhook_retried();
    tracing::info!(webhook_id = %item.id, attempts, error = %why, "webhook delivery failed; will retry");
    let mut item = item.clone();
    item.attempts = attempts;
    Settle::Retry { at_ms, item }
}

/// 5xx, 408 (timeout), 429 (slow down) and redirects (a receiver being
/// moved) are worth another try; other 4xx answers are final.
fn retryable(status: reqwest::StatusCode) -> bool {
    status.is_server_error()
        || status.is_redirection()
        || status == reqwest::StatusCode::REQUEST_TIMEOUT
        || status == reqwest::StatusCode::TOO_MANY_REQUESTS
}

/// Milliseconds before attempt `attempts + 1`: `base · 2^(attempts-1)`,
/// at most `MAX_BACKOFF`, with ±20% jitter so receivers coming back are not
/// hit by every instance at once.
fn backoff(base: Duration, attempts: u32) -> u64 {
    let exp = base
        .saturating_mul(1u32 << attempts.saturating_sub(1).min(20))
        .min(MAX_BACKOFF);
    let jitter: f64 = rand::random_range(0.8..1.2);
    (exp.as_millis() as f64 * jitter) as u64
}

/// Turns secrets past their expiry into `secret.expired` events when their
/// receipt says so (or is already gone), and forgets them.
async fn sweep(hooks: &Hooks, receipts: &DynStore) -> Result<(), crate::store::StoreError> {
    let now = now_secs();
    let due = hooks
        .queue
        .claim_expiries(now, now + EXPIRY_LEASE_SECS, SWEEP_BATCH)
        .await?;
    if due.is_empty() {
        return Ok(());
    }
    let mut expired: Vec<&Meta> = Vec::new();
    let mut swept = Vec::with_capacity(due.len());
    for meta in &due {
        let state = match ReceiptHash::from_hex(&meta.rh) {
            Some(hash) => receipts
                .receipt(hash)
                .await?
                .map(|(record, live)| record.status(hash, now, live).state),
            // Nothing remembered: its life ended with an event.
            None => Some(State::Viewed),
        };
        match state {
            // The store's clock (or rounding) says not yet: a later sweep.
            Some(State::Available) => continue,
            // Past its retention already (`HUSHLINK_RECEIPT_RETENTION=0`):
            // still remembered means no ending was seen.
            Some(State::Expired) | None => expired.push(meta),
            Some(_) => {}
        }
        swept.push(meta.clone());
    }
    let now_ms = now_ms();
    let events: Vec<_> = expired
        .iter()
        .map(|meta| {
            Event {
                kind: EventType::Expired,
                meta,
                at: meta.exp,
                views_left: 0,
                attempts_left: None,
                nth: 0,
            }
            .to_queued(now_ms)
        })
        .collect();
    let n = events.len();
    let queued = hooks
        .queue
        .expired(events, swept, hooks.settings.queue_max, now_ms)
        .await?;
    if queued < n {
        hooks
            .metrics
            .webhook_dropped(WebhookDrop::QueueFull, n - queued);
    }
    if n > 0 {
        hooks.wake.notify_one();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let base = Duration::from_secs(2);
        let b1 = backoff(base, 1);
        assert!((1_600..=2_400).contains(&b1), "{b1}");
        let b4 = backoff(base, 4);
        assert!((12_800..=19_200).contains(&b4), "{b4}");
        let b40 = backoff(base, 40);
        assert!(b40 <= 720_000, "{b40}");
    }

    #[test]
    fn only_transient_answers_are_retried() {
        use reqwest::StatusCode;
        for s in [500, 502, 503, 408, 429, 307] {
            assert!(retryable(StatusCode::from_u16(s).unwrap()), "{s}");
        }
        for s in [400, 401, 403, 404, 410, 422] {
            assert!(!retryable(StatusCode::from_u16(s).unwrap()), "{s}");
        }
    }
}
