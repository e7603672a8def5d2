//! `HookedStore`: the store as the services see it when webhooks are on
//! and the store cannot make events inside its own decisions (Redis; the
//! embedded store makes them in the decision's transaction, see
//! `store::embedded::hooks`). Every call goes to the store unchanged; after
//! the calls that change a secret's life it queues the event (see
//! `Hooks::emit`) before answering, so an event is durable once its cause
//! has been answered. Only the outcome of the store's own atomic decision
//! makes an event: a reveal that lost the race for the last view makes none.
//!
//! On Redis the event is a second write, after the decision, not part of
//! it: the decisions live in the secret's own Redis Cluster slot, the queue
//! in one slot of its own. A crash between the two (a window of one round
//! trip) loses that one event; that is the price of a queue every instance
//! can read.

use std::sync::Arc;

use async_trait::async_trait;

use super::Hooks;
use super::event::{Meta, key_hash, meta_by_key, meta_by_receipt, receipt_id, rules};
use crate::apikey::{KeyHash, KeyName};
use crate::receipt::{NewReceipt, ReceiptHash, State};
use crate::secret::KeyVerifier;
use crate::secret::{Ttl, Views};
use crate::store::{
    Attempt, BootstrapMark, DynStore, Eviction, KeyChange, KeyRecord, KeySet, KeyStore,
    RateDecision, ReceiptRead, ReceiptStore, Record, SecretStore, StoreError, Take, VerifiedTake,
};
use crate::token::StorageKey;

pub struct HookedStore {
    inner: DynStore,
    hooks: Arc<Hooks>,
}

impl HookedStore {
    pub fn wrap(inner: DynStore, hooks: Arc<Hooks>) -> DynStore {
        Arc::new(HookedStore { inner, hooks })
    }

    /// What is remembered of a secret; a read error is logged and skips the
    /// event (the request it follows has succeeded already).
    async fn meta(&self, name: &str) -> Option<Meta> {
        match self.hooks.queue.meta(name).await {
            Ok(meta) => meta,
            Err(e) => {
                self.hooks
                    .metrics
                    .webhook_dropped(crate::metrics::WebhookDrop::StoreError, 1);
                tracing::warn!(error = %e, "cannot read what a webhook event needs: event dropped");
                None
            }
        }
    }

    /// `secret.viewed`, after a take (plain or verified) consumed a view.
    async fn viewed(&self, key: &StorageKey, views_left: u32) {
        if let Some(meta) = self.meta(&meta_by_key(&key_hash(key.as_str()))).await {
            let now = super::now_ms();
            self.hooks
                .emit(rules::viewed(meta, views_left, now / 1000, now))
                .await;
        }
    }
}

#[async_trait]
impl SecretStore for HookedStore {
    async fn put(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
    ) -> Result<(), StoreError> {
        self.inner.put(key, value, ttl, views).await
    }

    async fn peek(&self, key: &StorageKey) -> Result<Option<Record>, StoreError> {
        self.inner.peek(key).await
    }

    async fn take(&self, key: &StorageKey, expected: &[u8]) -> Result<Take, StoreError> {
        let taken = self.inner.take(key, expected).await?;
        if let Take::Taken { views_left } = taken {
            self.viewed(key, views_left).await;
        }
        Ok(taken)
    }

    async fn take_verified(
        &self,
        key: &StorageKey,
        verifier: &KeyVerifier,
    ) -> Result<VerifiedTake, StoreError> {
        let taken = self.inner.take_verified(key, verifier).await?;
        if let VerifiedTake::Taken { views_left, .. } = taken {
            self.viewed(key, views_left).await;
        }
        Ok(taken)
    }

    async fn fail_attempt(&self, key: &StorageKey, limit: u32) -> Result<Attempt, StoreError> {
        let attempt = self.inner.fail_attempt(key, limit).await?;
        let (attempts_left, destroyed) = match attempt {
            Attempt::Left(n) => (n, false),
            Attempt::Destroyed => (0, true),
            Attempt::Gone => return Ok(attempt),
        };
        let Some(meta) = self.meta(&meta_by_key(&key_hash(key.as_str()))).await else {
            return Ok(attempt);
        };
        let views_left = if destroyed {
            0
        } else {
            // A wrong passphrase uses no view; say how many are left.
            self.inner
                .peek(key)
                .await
                .ok()
                .flatten()
                .map_or(0, |r| r.views_left)
        };
        let now = super::now_ms();
        let attempts_left = (!destroyed).then_some(attempts_left);
        self.hooks
            .emit(rules::failed(
                meta,
                attempts_left,
                views_left,
                now / 1000,
                now,
            ))
            .await;
        Ok(attempt)
    }

    async fn attempts(&self, key: &StorageKey) -> Result<u32, StoreError> {
        self.inner.attempts(key).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.inner.ping().await
    }

    async fn ready(&self) -> Result<(), StoreError> {
        self.inner.ready().await
    }

    async fn take_rate_token(
        &self,
        bucket: &str,
        per_minute: u32,
    ) -> Result<Option<RateDecision>, StoreError> {
        self.inner.take_rate_token(bucket, per_minute).await
    }

    async fn eviction(&self) -> Option<Eviction> {
        self.inner.eviction().await
    }

    async fn close(&self) {
        self.inner.close().await;
    }

    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
}

#[async_trait]
impl ReceiptStore for HookedStore {
    async fn put_with_receipt(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: NewReceipt,
    ) -> Result<(), StoreError> {
        let created = receipt.clone();
        self.inner
            .put_with_receipt(key, value, ttl, views, receipt)
            .await?;
        let now_ms = super::now_ms();
        // Rounded up, as the embedded store does: the secret lives at
        // least its lifetime.
        let exp = now_ms
            .saturating_add(ttl.secs().saturating_mul(1000))
            .div_ceil(1000);
        self.hooks
            .emit(rules::created(
                &created,
                key.as_str(),
                exp,
                views.get(),
                now_ms / 1000,
                now_ms,
            ))
            .await;
        Ok(())
    }

    async fn receipt(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        self.inner.receipt(hash).await
    }

    async fn burn(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        let read = self.inner.burn(hash).await?;
        // Only the first burn finds the secret remembered (the event forgets it).
        if let Some((record, _)) = &read
            && record.state == State::Burned.code()
            && let Some(meta) = self.meta(&meta_by_receipt(&receipt_id(hash))).await
        {
            let now = super::now_ms();
            self.hooks.emit(rules::burned(meta, now / 1000, now)).await;
        }
        Ok(read)
    }
}

#[async_trait]
impl KeyStore for HookedStore {
    async fn key_by_hash(&self, hash: &KeyHash) -> Result<Option<KeyRecord>, StoreError> {
        self.inner.key_by_hash(hash).await
    }

    async fn key_set(&self) -> Result<KeySet, StoreError> {
        self.inner.key_set().await
    }

    async fn commit_keys(
        &self,
        version: u64,
        changes: Vec<KeyChange>,
        bootstrap: Option<BootstrapMark>,
    ) -> Result<bool, StoreError> {
        self.inner.commit_keys(version, changes, bootstrap).await
    }

    async fn touch_key(&self, name: &KeyName, at: u64) -> Result<(), StoreError> {
        self.inner.touch_key(name, at).await
    }

    async fn reset_bootstrap(&self) -> Result<bool, StoreError> {
        self.inner.reset_bootstrap().await
    }
}
