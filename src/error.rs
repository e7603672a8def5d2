//! The one error type of the request path, and the one place that maps it
//! to HTTP status codes.
//!
//! Clients get a safe, fixed message per kind; the cause (a store error, a
//! parse error) goes to the log. Missing, expired and used-up secrets share
//! one kind, `NotFound`, on purpose: a visitor learns nothing about which it
//! was. The API renders errors as RFC 7807 problem JSON (`http::problem`),
//! the web side as a page (`http::web`); both take the status from here.

use axum::http::StatusCode;
use serde::Serialize;

use crate::store::StoreError;

/// One invalid field of a request, as RFC 7807's `invalid-params` lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct InvalidParam {
    /// The field (or `body`, `token`, `name`).
    pub name: String,
    /// What is wrong with it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl InvalidParam {
    pub fn new(name: &str, reason: &str) -> Self {
        InvalidParam {
            name: name.to_owned(),
            reason: Some(reason.to_owned()),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Missing, expired or already viewed: deliberately indistinguishable.
    #[error("secret not found")]
    NotFound,
    /// The link names a secret but its key part cannot open it.
    #[error("link damaged or incomplete")]
    Damaged,
    /// A zero-knowledge reveal with a proof that does not match: a wrong
    /// passphrase (the reader's key check passed). Nothing was revealed.
    #[error("wrong proof")]
    WrongProof { attempts_left: u32 },
    /// That wrong proof was the last one allowed: the secret is destroyed.
    #[error("secret destroyed after too many wrong passphrases")]
    Destroyed,
    /// Input that fails validation, field by field.
    #[error("invalid input")]
    Invalid(Vec<InvalidParam>),
    /// A body or secret over the configured limit.
    #[error("payload too large")]
    TooLarge,
    /// No usable API key: missing, malformed, unknown, expired or disabled.
    /// Deliberately one kind; the log says which, without the key.
    #[error("unauthorized")]
    Unauthorized {
        /// Nothing has been bootstrapped yet, so no key can exist: say how.
        bootstrap_hint: bool,
    },
    /// A valid key without the scope the route needs.
    #[error("forbidden")]
    Forbidden,
    /// No API key of that name.
    #[error("API key not found")]
    NoSuchKey,
    /// The change contradicts the current state.
    #[error("conflict: {0:?}")]
    Conflict(Conflict),
    /// The route exists but not with this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Too many failed attempts from one client address.
    #[error("too many attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    /// Over the create rate: the client address's (`HUSHLINK_CREATE_RATE`),
    /// or the API key's own.
    #[error("too many creates")]
    TooManyCreates { retry_after_secs: u64 },
    /// No receipt has that token (never issued, or past its retention).
    #[error("receipt not found")]
    NoSuchReceipt,
    /// A burn found the secret's life already over (viewed, expired or
    /// destroyed): nothing was left to burn.
    #[error("secret already ended: {0:?}")]
    AlreadyEnded(crate::receipt::State),
    /// The store has no room for new secrets (a full disk, or nearly:
    /// `HUSHLINK_MIN_FREE_DISK`); reveals may still work.
    #[error("insufficient storage")]
    StorageFull {
        /// Sizes and paths: for the log, never for the client.
        cause: String,
    },
    /// The storage quota (`HUSHLINK_MAX_STORED_BYTES`) has no room for this
    /// secret; room comes back as secrets are revealed, burned or expire.
    #[error("storage quota reached")]
    OverQuota {
        /// The figures: for the log, never for the client.
        cause: String,
    },
    /// The store did not answer in time or at all.
    #[error("store unavailable")]
    Store(StoreError),
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Full(cause) => Error::StorageFull { cause },
            StoreError::OverQuota(cause) => Error::OverQuota { cause },
            other => Error::Store(other),
        }
    }
}

/// Why a change to API keys was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// Another key already has that name.
    NameTaken,
    /// The change would leave no active admin key.
    LastAdmin,
    /// This store has been bootstrapped before.
    AlreadyBootstrapped,
    /// The key set kept changing under us; retrying is safe.
    Busy,
}

impl Error {
    /// The status code for each kind: the only such mapping in the program.
    pub fn status(&self) -> StatusCode {
        match self {
            Error::NotFound => StatusCode::NOT_FOUND,
            Error::Damaged => StatusCode::BAD_REQUEST,
            Error::WrongProof { .. } => StatusCode::FORBIDDEN,
            Error::Destroyed => StatusCode::GONE,
            Error::Invalid(_) => StatusCode::BAD_REQUEST,
            Error::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Error::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            Error::Forbidden => StatusCode::FORBIDDEN,
            Error::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Error::NoSuchKey => StatusCode::NOT_FOUND,
            Error::NoSuchReceipt => StatusCode::NOT_FOUND,
            Error::AlreadyEnded(_) => StatusCode::CONFLICT,
            Error::Conflict(Conflict::Busy) => StatusCode::SERVICE_UNAVAILABLE,
            Error::Conflict(_) => StatusCode::CONFLICT,
            Error::TooManyAttempts { .. } | Error::TooManyCreates { .. } => {
                StatusCode::TOO_MANY_REQUESTS
            }
            Error::StorageFull { .. }
            | Error::OverQuota { .. }
            | Error::Store(StoreError::Full(_) | StoreError::OverQuota(_)) => {
                StatusCode::INSUFFICIENT_STORAGE
            }
            Error::Store(StoreError::Internal(_)) => StatusCode::INTERNAL_SERVER_ERROR,
            Error::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// A field-level validation error with one parameter.
    pub fn invalid(name: &str, reason: &str) -> Self {
        Error::Invalid(vec![InvalidParam::new(name, reason)])
    }

    /// Logs the cause of server-side failures; client errors are routine.
    pub fn log(&self) {
        match self {
            Error::Store(cause) => tracing::error!(error = %cause, "store failure"),
            Error::StorageFull { cause } => {
                tracing::warn!(%cause, "store full: a new secret was refused");
            }
            Error::OverQuota { cause } => {
                tracing::warn!(%cause, "storage quota reached: a new secret was refused");
            }
            _ => {}
        }
    }
}
