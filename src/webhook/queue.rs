//! The durable queue of webhook events, as the stores provide it
//! (`store::embedded::hooks`: redb tables in the same file; `store::redis::hooks`:
//! keys in one Redis slot, so any instance can deliver).
//!
//! The contract is at-least-once: an event is removed only when settled
//! (delivered, or given up), so a crash between a claim and its settle
//! delivers it again, with the same `webhook-id`. Claims are leased: a
//! claimed event is not handed out again before the lease ends, so two
//! instances sharing a Redis do not normally send it twice.

use std::sync::Arc;

use async_trait::async_trait;
use tokio::sync::Notify;

use super::event::{Meta, Queued};
use crate::metrics::Metrics;
use crate::store::StoreError;

/// A change to the remembered [`Meta`] of a secret, made with the events.
#[derive(Debug, Clone)]
pub enum MetaChange {
    None,
    /// A create: remember it (under both its names) until its expiry, and
    /// put it in the expiry index the sweep reads.
    Put(Meta),
    /// Its life ended: forget it (the expiry sweep then skips it).
    Forget(Meta),
}

/// An event handed to the worker.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// Where it sits in the queue (the store's own ordering value).
    pub due: u64,
    pub item: Queued,
}

/// What to do with a claimed event.
#[derive(Debug, Clone)]
pub enum Settle {
    /// Delivered, or dropped: remove it.
    Remove,
    /// Try again at this time (unix ms), with its attempts counted.
    Retry { at_ms: u64, item: Queued },
}

/// What a store that makes events inside its own decisions needs.
pub struct InDecisions {
    pub max_depth: u64,
    /// Wakes the worker after a commit that queued events.
    pub wake: Arc<Notify>,
    /// Counts the events dropped for a full queue.
    pub metrics: Arc<Metrics>,
}

/// Where the events wait. Every queue has a bound, given with each enqueue.
#[async_trait]
pub trait WebhookQueue: Send + Sync + 'static {
    /// Makes the store queue events itself, in the same transaction as the
    /// decision that causes them (`event::rules`); false (the default) when
    /// it cannot, and `hooked::HookedStore` queues them after the decision.
    fn make_events_in_decisions(&self, _how: InDecisions) -> bool {
        false
    }

    /// Queues `events` (due now) and applies `meta` in one atomic write;
    /// events past `max_depth` queued events are not queued. Returns how
    /// many were queued (an event already waiting under its id counts as
    /// queued, and is not queued twice).
    async fn enqueue(
        &self,
        events: Vec<Queued>,
        meta: MetaChange,
        max_depth: u64,
        now_ms: u64,
    ) -> Result<usize, StoreError>;

    /// The remembered secret under this name (`event::meta_by_key` or
    /// `event::meta_by_receipt`).
    async fn meta(&self, name: &str) -> Result<Option<Meta>, StoreError>;

    /// Up to `max` events due at `now_ms`, leased until `lease_until_ms`.
    async fn claim(
        &self,
        now_ms: u64,
        lease_until_ms: u64,
        max: usize,
    ) -> Result<Vec<Claimed>, StoreError>;

    /// Settles claimed events, in one write.
    async fn settle(&self, done: Vec<(Claimed, Settle)>) -> Result<(), StoreError>;

    /// Up to `max` remembered secrets whose expiry (unix seconds) is past
    /// `now`, leased until `lease_until`: each is handed to one sweep.
    async fn claim_expiries(
        &self,
        now: u64,
        lease_until: u64,
        max: usize,
    ) -> Result<Vec<Meta>, StoreError>;

    /// Queues what the sweep decided about expired secrets (their
    /// `secret.expired` events, none for those whose life ended otherwise)
    /// and forgets them, in one write.
    async fn expired(
        &self,
        events: Vec<Queued>,
        swept: Vec<Meta>,
        max_depth: u64,
        now_ms: u64,
    ) -> Result<usize, StoreError>;

    /// Events waiting, in flight included.
    async fn depth(&self) -> Result<u64, StoreError>;
}
