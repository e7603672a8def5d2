//! `ReceiptService`: issuing receipts with new secrets, reading them, and
//! burning secrets through them. The rules live here; the atomic decisions
//! (a view, a wrong proof, a burn) are the store's (`store::ReceiptStore`).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::error::Error;
use crate::keys::Caller;
use crate::receipt::{NewReceipt, ReceiptToken, State, Status};
use crate::store::DynStore;

/// Reads receipts and burns secrets over a store.
pub struct ReceiptService {
    store: DynStore,
    /// `HUSHLINK_RECEIPT_RETENTION`: how long a receipt outlives its secret's expiry.
    retention_secs: u64,
}

impl ReceiptService {
    pub fn new(store: DynStore, retention_secs: u64) -> Self {
        ReceiptService {
            store,
            retention_secs,
        }
    }

    /// A fresh receipt for a secret about to be created: the token for the
    /// sender, and what the store keeps (its hash).
    pub fn issue(&self) -> (ReceiptToken, NewReceipt) {
        let token = ReceiptToken::generate();
        let new = NewReceipt {
            verifier: None,
            hash: token.hash(),
            retention_secs: self.retention_secs,
            creator: None,
            sender: None,
        };
        (token, new)
    }

    /// [`issue`](Self::issue) for a create from the web: a signed-in
    /// sender (e-mail or subject) is recorded on the receipt.
    pub fn issue_signed_in(&self, sender: Option<String>) -> (ReceiptToken, NewReceipt) {
        let (token, mut new) = self.issue();
        new.sender = sender;
        (token, new)
    }

    /// [`issue`](Self::issue) for a create through the APIs: the API key's
    /// name, when a key makes the create, goes with it (webhook events name it).
    pub fn issue_for(&self, caller: &Caller) -> (ReceiptToken, NewReceipt) {
        let (token, mut new) = self.issue();
        if let Caller::Key { name, .. } = caller {
            new.creator = Some(name.as_str().to_owned());
        }
        (token, new)
    }

    /// What the receipt says now.
    pub async fn status(&self, token: &ReceiptToken) -> Result<Status, Error> {
        let (record, live) = self
            .store
            .receipt(token.hash())
            .await?
            .ok_or(Error::NoSuchReceipt)?;
        Ok(record.status(token.hash(), now_secs(), live))
    }

    /// Destroys the secret now. Burning a burned secret again is fine (the
    /// sender's wish holds); a secret whose life already ended otherwise
    /// (viewed, expired, destroyed) is `AlreadyEnded`, naming how.
    pub async fn burn(&self, token: &ReceiptToken) -> Result<Status, Error> {
        let (record, live) = self
            .store
            .burn(token.hash())
            .await?
            .ok_or(Error::NoSuchReceipt)?;
        let status = record.status(token.hash(), now_secs(), live);
        match status.state {
            State::Burned => Ok(status),
            other => Err(Error::AlreadyEnded(other)),
        }
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
