//! The three things one can do with a secret: create, peek, reveal.
//!
//! Both the web pages and the APIs go through here, so the rules live in
//! one place: what is encrypted, what a damaged link is, and that a reveal
//! consumes exactly one view through the store's conditional take (or, on a
//! store that keeps the key's verifier, its verified take: one call). A
//! revealed plaintext is wiped from memory when the request drops it.

use zeroize::Zeroizing;

use crate::error::Error;
use crate::receipt::NewReceipt;
use crate::secret::{self, KeyVerifier, Ttl, Views};
use crate::store::{DynStore, Take, VerifiedTake};
use crate::token::{KeySpace, StorageKey, Token};

/// A revealed secret.
pub struct Revealed {
    /// The plaintext, wiped from memory when dropped.
    pub secret: Zeroizing<Vec<u8>>,
    /// Views left after this one (0: the secret is destroyed).
    pub views_left: u32,
}

/// Creates, checks and reveals secrets over a store.
pub struct SecretService {
    store: DynStore,
    /// The storage keys links may name (`REDIS_PREFIX`, legacy bare keys).
    space: KeySpace,
}

impl SecretService {
    pub fn new(store: DynStore, space: KeySpace) -> Self {
        SecretService { store, space }
    }

    pub fn store(&self) -> &DynStore {
        &self.store
    }

    /// Parses a token from a URL path segment; `None` answers "not found"
    /// without touching the store.
    pub fn parse_token(&self, segment: &str) -> Option<Token> {
        Token::parse_from_path(segment, &self.space)
    }

    /// Encrypts and stores a secret with its receipt; the returned token is
    /// its only key.
    pub async fn create(
        &self,
        plaintext: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: NewReceipt,
    ) -> Result<Token, Error> {
        let mut sealed = secret::seal(plaintext);
        let key = StorageKey::generate(self.space.prefix());
        // Kept with the receipt, so the store can check a link's key itself
        // (see `reveal`).
        let mut receipt = receipt;
        receipt.verifier = KeyVerifier::of(&sealed.key);
        self.store
            .put_with_receipt(&key, sealed.ciphertext.as_bytes(), ttl, views, receipt)
            .await?;
        // Moved, not copied: the token wipes it in its turn.
        Ok(Token::new(key, std::mem::take(&mut *sealed.key)))
    }

    /// How many views the secret has left, without consuming one.
    pub async fn peek(&self, token: &Token) -> Result<u32, Error> {
        let record = self
            .store
            .peek(token.storage_key())
            .await?
            .ok_or(Error::NotFound)?;
        Ok(record.views_left)
    }

    /// Reveals a secret, consuming one view.
    ///
    /// Guarantees: a link whose key cannot open the stored value consumes
    /// nothing (`Damaged`); among concurrent reveals of the last view exactly
    /// one succeeds, the others see `NotFound`; the consumption is recorded
    /// by the store before this returns the secret.
    ///
    /// A store that keeps the key's verifier (Redis, for secrets hushlink
    /// made) checks the key and takes the view in one call; the others, and
    /// secrets without a verifier, are read, decrypted here, then taken on
    /// condition that the value is unchanged. One difference follows: a
    /// verified take whose value then fails to decrypt (the store's value
    /// was altered behind hushlink, as the verifier still matched) has
    /// consumed its view, and answers `Damaged` as the other path does.
    pub async fn reveal(&self, token: &Token) -> Result<Revealed, Error> {
        let key = token.storage_key();
        // A link with no key, or a key part that is no Fernet key, has no
        // verifier: the read-first path answers it as before.
        let mut record = None;
        if let Some(fernet_key) = token.fernet_key()
            && let Some(verifier) = KeyVerifier::of(fernet_key)
        {
            match self.store.take_verified(key, &verifier).await? {
                VerifiedTake::Taken { value, views_left } => {
                    let secret =
                        secret::open_taken(&value, fernet_key).map_err(|_| Error::Damaged)?;
                    return Ok(Revealed {
                        secret: Zeroizing::new(secret),
                        views_left,
                    });
                }
                VerifiedTake::WrongKey => return Err(Error::Damaged),
                VerifiedTake::Gone => return Err(Error::NotFound),
                VerifiedTake::Unverifiable(found) => record = Some(found),
                VerifiedTake::Unsupported => {}
            }
        }
        let record = match record {
            Some(record) => record,
            None => self.store.peek(key).await?.ok_or(Error::NotFound)?,
        };
        let plaintext = Zeroizing::new(match token.fernet_key() {
            Some(key) => secret::open(&record.value, key).map_err(|_| Error::Damaged)?,
            // A legacy link meets a legacy (plain) value; a sealed value means
            // the link lost its key part on the way.
            None if secret::looks_sealed(&record.value) => return Err(Error::Damaged),
            None => record.value.clone(),
        });
        match self.store.take(key, &record.value).await? {
            Take::Taken { views_left } => Ok(Revealed {
                secret: plaintext,
                views_left,
            }),
            Take::Gone => Err(Error::NotFound),
        }
    }
}
