//! Hands-free bootstrap: how automation gets the first admin key.
//!
//! Three ways, all once per store, ever (the store records the bootstrap in
//! the same atomic commit that makes the key, see `keys::KeyService`):
//! a pre-shared token exchanged at `POST /api/v2/bootstrap`; an admin key
//! known to the server only by its SHA-256 (`HUSHLINK_ADMIN_KEY_SHA256`),
//! recorded on first start; and `hushlink bootstrap` on the host. This
//! module owns the token check (constant time) and the brake on repeated
//! wrong tokens from one client address.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Failed attempts allowed per client address within [`FAILURE_WINDOW`].
pub const MAX_FAILURES: u32 = 5;
/// The window over which failures are counted.
pub const FAILURE_WINDOW: Duration = Duration::from_secs(60);
/// Addresses tracked at most; the oldest windows are dropped beyond it.
const MAX_TRACKED: usize = 10_000;

/// The SHA-256 of a secret that is checked by comparison (the bootstrap
/// token). It has no `==`, on purpose: the only comparison is
/// [`SecretDigest::matches`], in constant time, so a comparison that leaks
/// through its timing cannot be written by mistake; it does not compile.
///
/// ```
/// use hushlink::bootstrap::SecretDigest;
/// assert!(SecretDigest::of(b"token").matches(&SecretDigest::of(b"token")));
/// ```
///
/// ```compile_fail
/// use hushlink::bootstrap::SecretDigest;
/// let _ = SecretDigest::of(b"token") == SecretDigest::of(b"token");
/// ```
pub struct SecretDigest([u8; 32]);

impl SecretDigest {
    pub fn of(secret: &[u8]) -> Self {
        SecretDigest(Sha256::digest(secret).into())
    }

    /// Whether both digests are the same, in time that does not depend on
    /// where they differ.
    pub fn matches(&self, other: &SecretDigest) -> bool {
        self.0.ct_eq(&other.0).into()
    }
}

impl std::fmt::Debug for SecretDigest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretDigest(<redacted>)")
    }
}

/// The configured bootstrap token. Only its SHA-256 is kept in memory, and
/// presented tokens are compared by hash in constant time.
pub struct BootstrapToken {
    digest: SecretDigest,
}

impl BootstrapToken {
    pub fn new(token: &str) -> Self {
        BootstrapToken {
            digest: SecretDigest::of(token.as_bytes()),
        }
    }

    /// Whether `presented` is the token. Hashing first makes the comparison
    /// independent of the presented length, too.
    pub fn matches(&self, presented: &str) -> bool {
        self.digest.matches(&SecretDigest::of(presented.as_bytes()))
    }
}

/// Counts failed bootstrap attempts per client address: after
/// [`MAX_FAILURES`] within [`FAILURE_WINDOW`], further attempts are refused
/// (429) until the window ends, so a token cannot be guessed online.
#[derive(Default)]
pub struct FailureLimiter {
    windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl FailureLimiter {
    /// `Err(seconds to wait)` while `ip` is blocked.
    pub fn check(&self, ip: IpAddr) -> Result<(), u64> {
        let windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        match windows.get(&ip) {
            Some((start, failures))
                if *failures >= MAX_FAILURES && start.elapsed() < FAILURE_WINDOW =>
            {
                Err((FAILURE_WINDOW - start.elapsed()).as_secs().max(1))
            }
            _ => Ok(()),
        }
    }

    /// Records one failed attempt from `ip`.
    pub fn fail(&self, ip: IpAddr) {
        let mut windows = self.windows.lock().unwrap_or_else(|e| e.into_inner());
        if windows.len() >= MAX_TRACKED {
            windows.retain(|_, (start, _)| start.elapsed() < FAILURE_WINDOW);
        }
        let entry = windows.entry(ip).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= FAILURE_WINDOW {
            *entry = (Instant::now(), 0);
        }
        entry.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_matches_only_itself() {
        let t = BootstrapToken::new("0123456789abcdef0123456789abcdef");
        assert!(t.matches("0123456789abcdef0123456789abcdef"));
        assert!(!t.matches("0123456789abcdef0123456789abcdeF"));
        assert!(!t.matches(""));
    }

    #[test]
    fn digests_have_no_equality_operator() {
        // `impls`-style probe: the inherent method exists only for types
        // with `PartialEq`; without it the trait's fallback answers. The
        // `compile_fail` example on `SecretDigest` says the same to
        // `cargo test --doc`.
        use std::marker::PhantomData;
        #[allow(dead_code)] // unused exactly when the probe finds `==`
        trait Fallback {
            fn has_eq(&self) -> bool {
                false
            }
        }
        struct Probe<T>(PhantomData<T>);
        impl<T> Fallback for Probe<T> {}
        impl<T: PartialEq> Probe<T> {
            fn has_eq(&self) -> bool {
                true
            }
        }
        assert!(Probe::<[u8; 32]>(PhantomData).has_eq(), "the probe works");
        assert!(!Probe::<SecretDigest>(PhantomData).has_eq());
        let a = SecretDigest::of(b"a");
        assert!(a.matches(&SecretDigest::of(b"a")));
        assert!(!a.matches(&SecretDigest::of(b"b")));
        assert!(!format!("{a:?}").contains(&hex::encode(a.0)));
    }

    #[test]
    fn limiter_blocks_after_max_failures() {
        let l = FailureLimiter::default();
        let ip: IpAddr = "127.0.0.1".parse().unwrap();
        for _ in 0..MAX_FAILURES {
            assert!(l.check(ip).is_ok());
            l.fail(ip);
        }
        assert!(l.check(ip).is_err());
        assert!(l.check("127.0.0.2".parse().unwrap()).is_ok());
    }
}
