//! The server's side of zero-knowledge secrets: create, metadata, reveal.
//!
//! The server never holds a key. It stores a record (`docs/FORMAT.md`,
//! "What the server stores"): the expiry, the verifier, the key check and
//! the envelope, under `<prefix>zk<id>` through the same `SecretStore` as
//! SnapPass secrets. A reveal must carry a proof whose SHA-256 is the
//! verifier; only then does the store's conditional take (one atomic
//! decision, as for every secret) consume a view. A wrong proof consumes no
//! view, only an attempt, counted by the store's own atomic operation.

use std::time::{SystemTime, UNIX_EPOCH};

use super::{CHECK_LEN, Envelope, Kdf, Kind, PROOF_LEN, verify_proof};
use crate::error::Error;
use crate::receipt::NewReceipt;
use crate::secret::{Ttl, Views};
use crate::store::{Attempt, DynStore, StoreError, Take};
use crate::token::ZkId;

/// The first bytes of every stored zero-knowledge record.
const MAGIC: &[u8; 4] = b"HLZK";
/// The stored record's own layout version.
const RECORD_VERSION: u8 = 1;
const RECORD_HEADER: usize = 4 + 1 + 8 + 32 + CHECK_LEN;

/// A create request, checked at the edge.
pub struct NewZkSecret {
    pub envelope: Envelope,
    pub verifier: [u8; 32],
    pub key_check: [u8; CHECK_LEN],
    pub ttl: Ttl,
    pub views: Views,
}

/// A stored secret.
pub struct Created {
    pub id: ZkId,
    /// Unix seconds.
    pub expires_at: u64,
}

/// What anyone with the id may know, without a proof.
pub struct Metadata {
    pub kind: Kind,
    pub kdf: Kdf,
    pub key_check: [u8; CHECK_LEN],
    pub views_left: u32,
    pub expires_at: u64,
    pub attempts_left: u32,
}

/// A successful reveal: the envelope (opened by the reader, not here).
pub struct Revealed {
    pub envelope: Vec<u8>,
    pub views_left: u32,
}

/// A stored record, decoded.
struct Stored<'a> {
    expires_at: u64,
    verifier: [u8; 32],
    key_check: [u8; CHECK_LEN],
    envelope: &'a [u8],
}

fn encode(new: &NewZkSecret, expires_at: u64) -> Vec<u8> {
    let envelope = new.envelope.as_bytes();
    let mut out = Vec::with_capacity(RECORD_HEADER + envelope.len());
    out.extend_from_slice(MAGIC);
    out.push(RECORD_VERSION);
    out.extend_from_slice(&expires_at.to_be_bytes());
    out.extend_from_slice(&new.verifier);
    out.extend_from_slice(&new.key_check);
    out.extend_from_slice(envelope);
    out
}

fn decode(value: &[u8]) -> Result<Stored<'_>, Error> {
    let bad = || {
        Error::Store(StoreError::Internal(
            "malformed zero-knowledge record".into(),
        ))
    };
    if value.len() < RECORD_HEADER || &value[..4] != MAGIC || value[4] != RECORD_VERSION {
        return Err(bad());
    }
    Ok(Stored {
        expires_at: u64::from_be_bytes(value[5..13].try_into().map_err(|_| bad())?),
        verifier: value[13..45].try_into().map_err(|_| bad())?,
        key_check: value[45..RECORD_HEADER].try_into().map_err(|_| bad())?,
        envelope: &value[RECORD_HEADER..],
    })
}

/// Creates, describes and reveals zero-knowledge secrets over a store.
pub struct ZkService {
    store: DynStore,
    prefix: String,
    attempts: u32,
}

impl ZkService {
    /// `attempts`: wrong proofs a secret survives (`HUSHLINK_PASSPHRASE_ATTEMPTS`).
    pub fn new(store: DynStore, prefix: String, attempts: u32) -> Self {
        ZkService {
            store,
            prefix,
            attempts: attempts.max(1),
        }
    }

    /// Stores a secret under a fresh id, with its receipt.
    pub async fn create(&self, new: NewZkSecret, receipt: NewReceipt) -> Result<Created, Error> {
        let id = ZkId::generate();
        let expires_at = now_secs().saturating_add(new.ttl.secs());
        let value = encode(&new, expires_at);
        let key = id.storage_key(&self.prefix);
        self.store
            .put_with_receipt(&key, &value, new.ttl, new.views, receipt)
            .await?;
        Ok(Created { id, expires_at })
    }

    /// Views left and what a reader needs before a proof. Consumes nothing.
    pub async fn metadata(&self, id: &ZkId) -> Result<Metadata, Error> {
        let key = id.storage_key(&self.prefix);
        let record = self.store.peek(&key).await?.ok_or(Error::NotFound)?;
        let stored = decode(&record.value)?;
        let envelope = Envelope::parse(stored.envelope.to_vec()).map_err(|_| {
            Error::Store(StoreError::Internal(
                "stored zero-knowledge envelope malformed".into(),
            ))
        })?;
        let used = self.store.attempts(&key).await?;
        Ok(Metadata {
            kind: envelope.kind,
            kdf: envelope.kdf,
            key_check: stored.key_check,
            views_left: record.views_left,
            expires_at: stored.expires_at,
            attempts_left: self.attempts.saturating_sub(used),
        })
    }

    /// Views left, for `HEAD`. Consumes nothing.
    pub async fn views_left(&self, id: &ZkId) -> Result<u32, Error> {
        let key = id.storage_key(&self.prefix);
        let record = self.store.peek(&key).await?.ok_or(Error::NotFound)?;
        Ok(record.views_left)
    }

    /// Releases the envelope to a reader who proves possession, consuming
    /// one view; a wrong proof consumes an attempt and no view.
    ///
    /// Guarantees: among concurrent right proofs for the last view exactly
    /// one gets the envelope (the store's conditional take), the others
    /// `NotFound`; the view is recorded before this returns.
    pub async fn reveal(&self, id: &ZkId, proof: &[u8; PROOF_LEN]) -> Result<Revealed, Error> {
        let key = id.storage_key(&self.prefix);
        let record = self.store.peek(&key).await?.ok_or(Error::NotFound)?;
        let stored = decode(&record.value)?;
        if !verify_proof(proof, &stored.verifier) {
            return Err(match self.store.fail_attempt(&key, self.attempts).await? {
                Attempt::Left(attempts_left) => Error::WrongProof { attempts_left },
                Attempt::Destroyed => Error::Destroyed,
                Attempt::Gone => Error::NotFound,
            });
        }
        let envelope = stored.envelope.to_vec();
        match self.store.take(&key, &record.value).await? {
            Take::Taken { views_left } => Ok(Revealed {
                envelope,
                views_left,
            }),
            Take::Gone => Err(Error::NotFound),
        }
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}
