//! What an event says, and nothing more: the types, the payload in the
//! Standard Webhooks shape (`{"type", "timestamp", "data"}`), the receipt's
//! public id and the stable message id.
//!
//! The payload names a secret only by its **receipt id**: `rcpt_` and the
//! first 128 bits (hex) of `SHA-256("hushlink-receipt-id:" ‖ SHA-256(receipt token))`.
//! The store keeps `SHA-256(receipt token)`, so the id is a hash of a hash:
//! it opens nothing and leads to nothing, yet the sender, who holds the
//! token, can compute it (and the create's answer says it). The secret, its
//! link, its token, the receipt token and API keys never enter a payload.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::receipt::ReceiptHash;

/// The event types, as the `type` field names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Created,
    Viewed,
    Burned,
    Expired,
    Destroyed,
    PassphraseFailed,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Created => "secret.created",
            EventType::Viewed => "secret.viewed",
            EventType::Burned => "secret.burned",
            EventType::Expired => "secret.expired",
            EventType::Destroyed => "secret.destroyed",
            EventType::PassphraseFailed => "secret.passphrase_failed",
        }
    }
}

/// The public id of a receipt (see the module's documentation).
pub fn receipt_id(hash: ReceiptHash) -> String {
    hash.public_id()
}

/// What the webhook layer remembers of a secret created while webhooks are
/// on, from its create until its expiry: enough to describe later events.
/// Stored under two names, the hash of its storage key (reveals and wrong
/// passphrases arrive with the key) and its receipt id (burns arrive with
/// the receipt). Holds no key, token or secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The receipt id.
    pub rid: String,
    /// Hex SHA-256 of the storage key.
    pub kh: String,
    /// Hex SHA-256 of the receipt token, as the receipt store keeps it
    /// (the expiry sweep reads the receipt with it).
    pub rh: String,
    /// Unix seconds.
    pub exp: u64,
    /// The API key's name, when a key created the secret.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The signed-in sender (e-mail or subject), when one created it from
    /// the web (`HUSHLINK_OIDC_*`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
}

/// The names a [`Meta`] is stored under.
pub fn meta_by_key(kh: &str) -> String {
    format!("s:{kh}")
}

pub fn meta_by_receipt(rid: &str) -> String {
    format!("r:{rid}")
}

/// Hex SHA-256 of a storage key.
pub fn key_hash(storage_key: &str) -> String {
    crate::lowerhex::encode(&Sha256::digest(storage_key.as_bytes()))
}

/// An event waiting for delivery, as the queue stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Queued {
    /// `webhook-id`: the same on every attempt.
    pub id: String,
    /// The exact JSON body (signed as is, on every attempt).
    pub body: String,
    /// Unix milliseconds of the first enqueue (retries stop after the max age).
    pub first_ms: u64,
    /// Attempts made so far.
    pub attempts: u32,
}

/// The body, fields in the specification's order (`type` first).
#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    timestamp: String,
    data: Data<'a>,
}

/// `data`: everything an event says, and nothing that leads to the secret.
#[derive(Serialize)]
struct Data<'a> {
    receipt_id: &'a str,
    views_left: u32,
    expires_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    passphrase_attempts_left: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sender: Option<&'a str>,
}

/// One event about the secret `meta` describes.
pub struct Event<'a> {
    pub kind: EventType,
    pub meta: &'a Meta,
    /// Unix seconds.
    pub at: u64,
    pub views_left: u32,
    /// Wrong passphrases still allowed (`secret.passphrase_failed` only).
    pub attempts_left: Option<u32>,
    /// What makes this event unique for its receipt and type (the views or
    /// attempts left): the message id is derived from it, so the same
    /// event queued twice keeps one id and receivers de-duplicate it.
    pub nth: u32,
}

impl Event<'_> {
    /// The stable message id and the JSON body.
    pub fn to_queued(&self, now_ms: u64) -> Queued {
        let mut h = Sha256::new();
        h.update(self.meta.rid.as_bytes());
        h.update(b":");
        h.update(self.kind.as_str().as_bytes());
        h.update(b":");
        h.update(self.nth.to_string().as_bytes());
        let mut id = String::from("msg_");
        crate::lowerhex::push(&mut id, &h.finalize()[..16]);
        let body = serde_json::to_string(&Body {
            kind: self.kind.as_str(),
            timestamp: iso(self.at),
            data: Data {
                receipt_id: &self.meta.rid,
                views_left: self.views_left,
                expires_at: iso(self.meta.exp),
                passphrase_attempts_left: self.attempts_left,
                api_key_name: self.meta.key.as_deref(),
                sender: self.meta.sender.as_deref(),
            },
        })
        .unwrap_or_default();
        Queued {
            id,
            body,
            first_ms: now_ms,
            attempts: 0,
        }
    }
}

/// The rules, shared by both ways events are made (in the embedded store's
/// own transaction, or by `hooked::HookedStore` after a Redis decision):
/// which events an outcome makes, and what is remembered or forgotten.
pub mod rules {
    use super::{Event, EventType, Meta, Queued, key_hash, receipt_id};
    use crate::receipt::NewReceipt;
    use crate::webhook::queue::MetaChange;

    /// A create: `secret.created`, and the secret remembered until `exp`;
    /// the receipt names the API key or the signed-in sender, if any.
    pub fn created(
        receipt: &NewReceipt,
        storage_key: &str,
        exp: u64,
        views: u32,
        at: u64,
        now_ms: u64,
    ) -> (Vec<Queued>, MetaChange) {
        let hash = receipt.hash;
        let meta = Meta {
            rid: receipt_id(hash),
            kh: key_hash(storage_key),
            rh: hash.to_hex(),
            exp,
            key: receipt.creator.clone(),
            sender: receipt.sender.clone(),
        };
        let event = one(EventType::Created, &meta, at, views, None, 0, now_ms);
        (vec![event], MetaChange::Put(meta))
    }

    /// A view taken; the last one forgets the secret.
    pub fn viewed(meta: Meta, views_left: u32, at: u64, now_ms: u64) -> (Vec<Queued>, MetaChange) {
        let event = one(
            EventType::Viewed,
            &meta,
            at,
            views_left,
            None,
            views_left,
            now_ms,
        );
        let change = if views_left == 0 {
            MetaChange::Forget(meta)
        } else {
            MetaChange::None
        };
        (vec![event], change)
    }

    /// A wrong passphrase: `attempts_left` more are allowed, or (`None`)
    /// it was the last one and destroyed the secret.
    pub fn failed(
        meta: Meta,
        attempts_left: Option<u32>,
        views_left: u32,
        at: u64,
        now_ms: u64,
    ) -> (Vec<Queued>, MetaChange) {
        let left = attempts_left.unwrap_or(0);
        let failed = one(
            EventType::PassphraseFailed,
            &meta,
            at,
            views_left,
            Some(left),
            left,
            now_ms,
        );
        if attempts_left.is_some() {
            return (vec![failed], MetaChange::None);
        }
        let gone = one(EventType::Destroyed, &meta, at, 0, None, 0, now_ms);
        (vec![failed, gone], MetaChange::Forget(meta))
    }

    /// A burn (the first one: it forgets the secret, so a second finds nothing).
    pub fn burned(meta: Meta, at: u64, now_ms: u64) -> (Vec<Queued>, MetaChange) {
        let event = one(EventType::Burned, &meta, at, 0, None, 0, now_ms);
        (vec![event], MetaChange::Forget(meta))
    }

    fn one(
        kind: EventType,
        meta: &Meta,
        at: u64,
        views_left: u32,
        attempts_left: Option<u32>,
        nth: u32,
        now_ms: u64,
    ) -> Queued {
        Event {
            kind,
            meta,
            at,
            views_left,
            attempts_left,
            nth,
        }
        .to_queued(now_ms)
    }
}

/// RFC 3339 UTC (`2026-11-30T16:09:00Z`), as the specification's examples.
fn iso(secs: u64) -> String {
    i64::try_from(secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map(|t| t.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::receipt::ReceiptToken;

    #[test]
    fn a_payload_has_the_standard_shape_and_a_stable_id() {
        let token = ReceiptToken::generate();
        let meta = Meta {
            rid: receipt_id(token.hash()),
            kh: key_hash("snappassabc"),
            rh: token.hash().to_hex(),
            exp: 1_800_000_000,
            key: Some("ci".into()),
            sender: Some("alice@example.com".into()),
        };
        let event = Event {
            kind: EventType::Viewed,
            meta: &meta,
            at: 1_799_999_000,
            views_left: 1,
            attempts_left: None,
            nth: 1,
        };
        let q = event.to_queued(5);
        assert_eq!(q.id, event.to_queued(9).id);
        let body: serde_json::Value = serde_json::from_str(&q.body).unwrap();
        assert_eq!(body["type"], "secret.viewed");
        assert_eq!(body["timestamp"], "2027-01-15T07:43:20Z");
        assert_eq!(body["data"]["receipt_id"], meta.rid);
        assert_eq!(body["data"]["views_left"], 1);
        assert_eq!(body["data"]["expires_at"], "2027-01-15T08:00:00Z");
        assert_eq!(body["data"]["api_key_name"], "ci");
        assert_eq!(body["data"]["sender"], "alice@example.com");
        assert!(!q.body.contains(&token.hash().to_hex()));
        assert!(!q.body.contains(&token.expose()[4..]));
        assert!(
            q.body
                .starts_with(r#"{"type":"secret.viewed","timestamp":"#),
            "{}",
            q.body
        );
        let other = Event { nth: 0, ..event };
        assert_ne!(other.to_queued(5).id, q.id);
    }
}
