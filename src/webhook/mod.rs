//! Signed webhooks: the server POSTs `secret.created`, `secret.viewed`,
//! `secret.burned`, `secret.expired`, `secret.destroyed` and
//! `secret.passphrase_failed` to `HUSHLINK_WEBHOOK_URL`, signed as the
//! Standard Webhooks specification says.
//!
//! Nothing here runs unless the URL is set. When it is, each decision that
//! changes a secret's life (a create, a view, a wrong passphrase, a burn)
//! queues its events ([`event::rules`]) in the store's durable queue
//! ([`queue::WebhookQueue`]) before the request is answered: the embedded
//! store in the decision's own redb transaction, Redis through
//! [`hooked::HookedStore`], which wraps the store and queues them in the
//! webhooks' slot right after the decision. A full queue or a failing
//! enqueue drops the event (counted), never the request. The [`worker`],
//! owned by a drop guard, claims due events, delivers them with bounded
//! concurrency, retries with exponential backoff, and sweeps the secrets
//! that expire unseen into `secret.expired` events.

pub mod event;
pub mod hooked;
pub mod queue;
pub mod sign;
pub mod worker;

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tokio::sync::Notify;

use crate::metrics::{Metrics, WebhookDrop};
use event::Queued;
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
    wake: Arc<Notify>,
}

impl Hooks {
    pub fn new(settings: Settings, queue: Arc<dyn WebhookQueue>, metrics: Arc<Metrics>) -> Self {
        Hooks {
            settings,
            queue,
            metrics,
            wake: Arc::new(Notify::new()),
        }
    }

    /// Queues events and a change to what is remembered, in one write.
    /// Never fails: a store error or a full queue drops the events,
    /// counted and logged (without anything secret).
    async fn emit(&self, (queued, meta): (Vec<Queued>, MetaChange)) {
        let now = now_ms();
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

    /// Asks the store to make the events inside its own decisions (the
    /// embedded store can: one transaction); true when it will, and the
    /// store then needs no [`hooked::HookedStore`] around it.
    pub fn install_in_store(&self) -> bool {
        self.queue.make_events_in_decisions(queue::InDecisions {
            max_depth: self.settings.queue_max,
            wake: Arc::clone(&self.wake),
            metrics: Arc::clone(&self.metrics),
        })
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
