//! Receipts: the sender's private handle on a secret they created.
//!
//! A receipt token (`hlr_` + 43 base64url characters, 256 random bits) is
//! handed out once, with the link; the store keeps only its SHA-256, so a
//! copy of the store opens no receipt. What a receipt can learn is the
//! secret's life (created, viewed, wrong passphrases, burned, expired,
//! destroyed) with times, never the secret, its link or its token, and never
//! who read it. What a receipt can do is burn the secret.
//!
//! This module owns the token format, the stored record both backends
//! share ([`ReceiptRecord`], with a compact event log) and the rule that
//! turns a record into a state. The backends own where records live and
//! the atomic decisions (see `store::ReceiptStore`).

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Every receipt token starts with this, so scanners and people recognise it.
pub const PREFIX: &str = "hlr_";
/// 32 random bytes in unpadded base64url.
const BODY_LEN: usize = 43;

/// A receipt token: the capability. Never logged, never stored.
#[derive(Clone, PartialEq, Eq)]
pub struct ReceiptToken(String);

impl ReceiptToken {
    pub fn generate() -> Self {
        let bytes: [u8; 32] = rand::random();
        ReceiptToken(format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// Exactly `hlr_` and 43 base64url characters; anything else names no
    /// receipt (and is refused without touching the store).
    pub fn parse(raw: &str) -> Option<Self> {
        let body = raw.strip_prefix(PREFIX)?;
        let ok = body.len() == BODY_LEN
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && URL_SAFE_NO_PAD.decode(body).is_ok_and(|d| d.len() == 32);
        ok.then(|| ReceiptToken(raw.to_owned()))
    }

    pub fn hash(&self) -> ReceiptHash {
        ReceiptHash(Sha256::digest(self.0.as_bytes()).into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ReceiptToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReceiptToken(<redacted>)")
    }
}

/// The SHA-256 of a receipt token: what the store indexes receipts by.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReceiptHash([u8; 32]);

impl ReceiptHash {
    /// Lower-case hex ([`crate::lowerhex`]): every create on Redis writes
    /// it (the index's key, the receipt's `h`).
    pub fn to_hex(self) -> String {
        crate::lowerhex::encode(&self.0)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The receipt's public id: `rcpt_` and the first 128 bits (hex) of
    /// `SHA-256("hushlink-receipt-id:" ‖ SHA-256(receipt token))`. A hash
    /// of the stored hash: it opens nothing and leads to nothing, yet the
    /// sender, who holds the token, sees it in the create's answer and the
    /// receipt's status, and webhook events name the secret by it.
    pub fn public_id(&self) -> String {
        let mut h = Sha256::new();
        h.update(b"hushlink-receipt-id:");
        h.update(self.0);
        let mut id = String::with_capacity(5 + 32);
        id.push_str("rcpt_");
        crate::lowerhex::push(&mut id, &h.finalize()[..16]);
        id
    }

    /// Reads back [`to_hex`](Self::to_hex) (the webhook layer keeps it).
    pub fn from_hex(hex: &str) -> Option<Self> {
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(hex, &mut bytes).ok()?;
        Some(ReceiptHash(bytes))
    }
}

impl fmt::Debug for ReceiptHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ReceiptHash(<redacted>)")
    }
}

/// What a create hands the store besides the secret.
#[derive(Debug, Clone)]
pub struct NewReceipt {
    pub hash: ReceiptHash,
    /// Seconds the receipt outlives the secret's expiry.
    pub retention_secs: u64,
    /// Who sent it (a signed-in sender's e-mail or subject), when known.
    pub sender: Option<String>,
    /// The name of the API key that creates the secret, if one does. The
    /// stores do not keep it; the webhook layer puts it in its events.
    pub creator: Option<String>,
    /// The verifier of the secret's key, set by `SecretService::create`
    /// (none when the receipt was issued for no particular key yet). The
    /// Redis store keeps it in the secret's receipt for the one-call
    /// reveal (`SecretStore::take_verified`); the embedded store does not
    /// need it.
    pub verifier: Option<crate::secret::KeyVerifier>,
}

/// Something that happened to a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ReceiptEventKind)]
pub enum EventKind {
    Viewed,
    PassphraseFailed,
    Burned,
    Expired,
    Destroyed,
}

impl EventKind {
    /// One letter in the stored log (the Lua scripts write the same letters).
    fn code(self) -> char {
        match self {
            EventKind::Viewed => 'v',
            EventKind::PassphraseFailed => 'f',
            EventKind::Burned => 'b',
            EventKind::Expired => 'x',
            EventKind::Destroyed => 'd',
        }
    }

    fn from_code(c: char) -> Option<Self> {
        Some(match c {
            'v' => EventKind::Viewed,
            'f' => EventKind::PassphraseFailed,
            'b' => EventKind::Burned,
            'x' => EventKind::Expired,
            'd' => EventKind::Destroyed,
            _ => return None,
        })
    }
}

/// One entry of a receipt's log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = ReceiptEvent)]
pub struct Event {
    pub event: EventKind,
    /// Unix seconds.
    pub at: u64,
}

/// Where a secret stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(as = ReceiptState)]
pub enum State {
    /// Views are left and it has not expired.
    Available,
    /// Every view has been used.
    Viewed,
    /// The sender destroyed it through the receipt.
    Burned,
    /// Its lifetime ran out first.
    Expired,
    /// Too many wrong passphrases.
    Destroyed,
}

impl State {
    /// The letter the stored record keeps for an ended life.
    pub fn code(self) -> &'static str {
        match self {
            State::Available => "a",
            State::Viewed => "v",
            State::Burned => "b",
            State::Expired => "x",
            State::Destroyed => "d",
        }
    }

    fn from_code(s: &str) -> Option<Self> {
        Some(match s {
            "a" => State::Available,
            "v" => State::Viewed,
            "b" => State::Burned,
            "x" => State::Expired,
            "d" => State::Destroyed,
            _ => return None,
        })
    }
}

/// A receipt as both backends store it. The log holds at most one event
/// per view, per allowed wrong passphrase, and one ending, so it is bounded
/// by the secret's own limits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptRecord {
    /// Unix seconds.
    pub created_at: u64,
    /// Unix seconds: when the secret expires (or expired).
    pub expires_at: u64,
    /// Views the secret was created with.
    pub views: u32,
    pub views_used: u32,
    /// `a` while the secret lives, else the letter of its ending.
    pub state: String,
    /// `<letter><unix seconds>,` per event, oldest first.
    pub events: String,
    /// Who sent the secret (a signed-in sender), for the receipt's holder;
    /// never shown to a reader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
}

impl ReceiptRecord {
    pub fn new(created_at: u64, expires_at: u64, views: u32) -> Self {
        ReceiptRecord {
            created_at,
            expires_at,
            views,
            views_used: 0,
            state: State::Available.code().to_owned(),
            events: String::new(),
            sender: None,
        }
    }

    /// Appends an event to the log.
    pub fn push(&mut self, kind: EventKind, at: u64) {
        self.events.push(kind.code());
        self.events.push_str(&at.to_string());
        self.events.push(',');
    }

    /// Records one view taken; the last one ends the life as `viewed`.
    pub fn viewed(&mut self, views_left: u32, at: u64) {
        self.views_used = self.views_used.saturating_add(1);
        self.push(EventKind::Viewed, at);
        if views_left == 0 {
            self.state = State::Viewed.code().to_owned();
        }
    }

    /// What the receipt says at `now`. `secret_live`: whether the store
    /// still holds the secret. A secret that is gone with no ending
    /// recorded ran out of time (or, on Redis, was removed behind
    /// hushlink's back, e.g. evicted, which is reported the same way).
    pub fn status(&self, hash: ReceiptHash, now: u64, secret_live: bool) -> Status {
        let mut events: Vec<Event> = self
            .events
            .split(',')
            .filter_map(|e| {
                let mut chars = e.chars();
                let event = EventKind::from_code(chars.next()?)?;
                let at = chars.as_str().parse().ok()?;
                Some(Event { event, at })
            })
            .collect();
        let mut state = State::from_code(&self.state).unwrap_or(State::Expired);
        if state == State::Available && (!secret_live || now >= self.expires_at) {
            state = State::Expired;
            events.push(Event {
                event: EventKind::Expired,
                at: self.expires_at.min(now),
            });
        }
        let views_left = match state {
            State::Available => self.views.saturating_sub(self.views_used),
            _ => 0,
        };
        Status {
            id: hash.public_id(),
            state,
            views_left,
            views_used: self.views_used,
            created_at: self.created_at,
            expires_at: self.expires_at,
            events,
            sender: self.sender.clone(),
        }
    }
}

/// What `GET /api/v2/receipts/{token}` answers: the secret's life, and
/// nothing that leads to it or to its readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[schema(as = ReceiptStatus)]
pub struct Status {
    /// The receipt's public id ([`ReceiptHash::public_id`]), as webhook
    /// events name the secret.
    #[schema(example = "rcpt_5d41402abc4b2a76b9719d911017c592")]
    pub id: String,
    pub state: State,
    pub views_left: u32,
    pub views_used: u32,
    /// Unix seconds.
    pub created_at: u64,
    /// Unix seconds.
    pub expires_at: u64,
    /// Oldest first.
    pub events: Vec<Event>,
    /// Who sent the secret, when a signed-in sender did (e-mail, else the
    /// provider's subject); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: ReceiptHash = ReceiptHash([7; 32]);

    #[test]
    fn the_hash_in_hex_is_64_lower_case_digits_in_byte_order() {
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (i as u8).wrapping_mul(37).wrapping_add(5);
        }
        let hex = ReceiptHash(bytes).to_hex();
        assert_eq!(hex.len(), 64);
        assert_eq!(hex, hex::encode(bytes));
        assert_eq!(&hex[..8], "052a4f74");
        assert_eq!(H.to_hex(), "07".repeat(32));
    }

    #[test]
    fn the_public_id_is_a_hash_of_the_stored_hash() {
        let t = ReceiptToken::generate();
        let id = t.hash().public_id();
        assert!(id.starts_with("rcpt_") && id.len() == 5 + 32, "{id}");
        assert_eq!(id, t.hash().public_id());
        assert!(!id.contains(&t.hash().to_hex()[..32]));
        assert_ne!(id, ReceiptToken::generate().hash().public_id());
    }

    #[test]
    fn tokens_round_trip_and_strangers_are_refused() {
        let t = ReceiptToken::generate();
        assert!(t.expose().starts_with(PREFIX));
        assert_eq!(t.expose().len(), PREFIX.len() + BODY_LEN);
        assert_eq!(ReceiptToken::parse(t.expose()), Some(t.clone()));
        assert_eq!(ReceiptToken::parse(t.expose()).unwrap().hash(), t.hash());
        for bad in [
            "",
            "hlr_",
            &t.expose()[1..],
            &format!("{}A", t.expose()),
            &t.expose().replace(PREFIX, "hlk_"),
            &format!("{PREFIX}{}", "+".repeat(BODY_LEN)),
        ] {
            assert_eq!(ReceiptToken::parse(bad), None, "{bad}");
        }
        assert!(!format!("{t:?}").contains(&t.expose()[4..]));
        // Any 32 bytes: the last character carries 4 bits and 2 zero bits.
        assert!(ReceiptToken::parse(&format!("{PREFIX}{}A", "B".repeat(42))).is_some());
        assert!(ReceiptToken::parse(&format!("{PREFIX}{}B", "B".repeat(42))).is_none());
    }

    #[test]
    fn a_life_reads_back_as_states() {
        let mut r = ReceiptRecord::new(100, 200, 2);
        let s = r.status(H, 150, true);
        assert_eq!(
            (s.state, s.views_left, s.views_used),
            (State::Available, 2, 0)
        );
        r.viewed(1, 160);
        assert_eq!(r.status(H, 161, true).state, State::Available);
        r.viewed(0, 170);
        let s = r.status(H, 171, false);
        assert_eq!((s.state, s.views_left, s.views_used), (State::Viewed, 0, 2));
        let kinds: Vec<_> = s.events.iter().map(|e| (e.event, e.at)).collect();
        assert_eq!(kinds, [(EventKind::Viewed, 160), (EventKind::Viewed, 170)]);
        // Unseen past its expiry: expired, with the expiry as the time.
        let s = ReceiptRecord::new(100, 200, 1).status(H, 500, false);
        assert_eq!(s.state, State::Expired);
        assert_eq!(
            s.events,
            [Event {
                event: EventKind::Expired,
                at: 200
            }]
        );
    }
}
