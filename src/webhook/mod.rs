//! Signed webhooks: the server POSTs `secret.created`, `secret.viewed`,
//! `secret.burned`, `secret.expired`, `secret.destroyed` and
//! `secret.passphrase_failed` to `HUSHLINK_WEBHOOK_URL`, signed as the
//! Standard Webhooks specification says.
//!
//! Nothing here runs unless the URL is set. When it is, [`hooked::HookedStore`]
//! wraps the store: after each decision that changes a secret's life (a
//! create, a view, a wrong passphrase, a burn) it queues the event in the
//! store's durable queue ([`queue::WebhookQueue`]: redb tables, or Redis
//! keys in one slot) before the request is answered, and never fails or
//! holds the request beyond that write. The [`worker`], owned by a drop
//! guard, claims due events, delivers them with bounded concurrency,
//! retries with exponential backoff, and sweeps the secrets that expire
//! unseen into `secret.expired` events.

pub mod event;
pub mod hooked;
pub mod queue;
pub mod sign;
pub mod worker;

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::Notify;

use crate::metrics::{Metrics, WebhookDrop};
use event::Event;
pub use event::{EventType, receipt_id};
use queue::{MetaChange, WebhookQueue};
pub use sign::WebhookSecret;

/// The webhook settings (see `Config::webhooks`).
#[derive(Debug, Clone)]
pub struct Settings {
    pub url: reqwest::Url,
    pub secret: WebhookSecret,
    /// One attempt, connect to answer.
    pub timeout: Duration,
    /// How long an event is retried before it is dropped.
    pub max_age: Duration,
    /// The queue's bound.
    pub queue_max: u64,
    /// Deliveries in flight at once, per instance.
    pub concurrency: usize,
    /// The first retry's delay; doubled each time, up to `MAX_BACKOFF`.
    pub retry_base: Duration,
}

/// What the store wrapper and the worker share.
pub struct Hooks {
    pub settings: Settings,
    queue: Arc<dyn WebhookQueue>,
    metrics: Arc<Metrics>,
    /// Wakes the worker when an event was queued.
    wake: Notify,
}

impl Hooks {
    pub fn new(settings: Settings, queue: Arc<dyn WebhookQueue>, metrics: Arc<Metrics>) -> Self {
        Hooks {
            settings,
            queue,
            metrics,
            wake: Notify::new(),
        }
    }

    /// Queues events and a change to what is remembered, in one write.
    /// Never fails: a store error or a full queue drops the events,
    /// counted and logged (without anything secret).
    async fn emit(&self, events: &[Event<'_>], meta: MetaChange) {
        let now = now_ms();
        let queued: Vec<_> = events.iter().map(|e| e.to_queued(now)).collect();
        let n = queued.len();
        match self
            .queue
            .enqueue(queued, meta, self.settings.queue_max, now)
            .await
        {
            Ok(q) if q < n => {
                self.metrics.webhook_dropped(WebhookDrop::QueueFull, n - q);
                tracing::warn!(
                    dropped = n - q,
                    queue_max = self.settings.queue_max,
                    "webhook queue full (HUSHLINK_WEBHOOK_QUEUE_MAX): events dropped"
                );
            }
            Ok(_) => {}
            Err(e) => {
                self.metrics.webhook_dropped(WebhookDrop::StoreError, n);
                tracing::warn!(error = %e, dropped = n, "cannot queue webhook events: dropped");
            }
        }
        if n > 0 {
            self.wake.notify_one();
        }
    }
}

pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

pub(crate) fn now_secs() -> u64 {
    now_ms() / 1000
}
