//! Reading request bodies under a size limit, before buffering them whole,
//! and wiping those that held a secret once they are parsed.

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, header};
use zeroize::Zeroize;

use crate::error::Error;

/// Reads at most `limit` bytes. A declared `Content-Length` over the limit
/// is refused before a byte is read; a body that grows past it while being
/// streamed is cut off as soon as it does.
pub async fn read_limited(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, Error> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(Error::TooLarge);
    }
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        let over = e
            .into_inner()
            .downcast_ref::<http_body_util::LengthLimitError>()
            .is_some();
        if over {
            Error::TooLarge
        } else {
            Error::invalid("body", "The request body could not be read.")
        }
    })
}

/// How large a request body may be to carry a secret of `max_secret`
/// bytes: JSON can escape each byte as six (`\u00XX`), form encoding as
/// three (`%XX`); plus room for the other fields.
pub fn json_limit(max_secret: usize) -> usize {
    max_secret.saturating_mul(6).saturating_add(16 * 1024)
}

pub fn form_limit(max_secret: usize) -> usize {
    max_secret.saturating_mul(3).saturating_add(16 * 1024)
}

/// Overwrites a body that held a secret, now that it is parsed. Only a
/// buffer that nothing else shares can be written to: a body that arrived
/// in one piece may be a slice of hyper's read buffer, which hyper reuses
/// for the next request on the connection anyway.
pub fn wipe(body: Bytes) {
    if let Ok(mut buffer) = body.try_into_mut() {
        buffer.as_mut().zeroize();
    }
}
