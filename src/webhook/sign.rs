//! Signing as the Standard Webhooks specification says: the secret is
//! `whsec_<base64>`, the key is its base64-decoded part, and
//! `webhook-signature` is `v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`,
//! so receivers can check events with the published verifier libraries.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

/// The prefix every Standard Webhooks secret carries.
const PREFIX: &str = "whsec_";
/// The specification asks for 24 to 64 random bytes.
const MIN_KEY: usize = 24;
const MAX_KEY: usize = 64;

/// The signing key. Never logged (its `Debug` says so), wiped when dropped.
#[derive(Clone)]
pub struct WebhookSecret(Zeroizing<Vec<u8>>);

impl WebhookSecret {
    /// Parses `whsec_<base64 of 24 to 64 bytes>`; the message says what is wrong.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let body = raw.strip_prefix(PREFIX).ok_or_else(|| {
            format!("must start with `{PREFIX}` followed by base64 (Standard Webhooks format)")
        })?;
        let key = STANDARD
            .decode(body)
            .map_err(|_| format!("the part after `{PREFIX}` is not valid base64"))?;
        if !(MIN_KEY..=MAX_KEY).contains(&key.len()) {
            return Err(format!(
                "the key after `{PREFIX}` must decode to {MIN_KEY} to {MAX_KEY} bytes, not {} \
                 (make one with `echo whsec_$(openssl rand -base64 32)`)",
                key.len()
            ));
        }
        Ok(WebhookSecret(Zeroizing::new(key)))
    }

    /// The `webhook-signature` header value for one attempt.
    pub fn sign(&self, id: &str, timestamp: u64, body: &str) -> String {
        // HMAC takes keys of any length; this cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"));
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.to_string().as_bytes());
        mac.update(b".");
        mac.update(body.as_bytes());
        format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
    }
}

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks reference libraries' tests.
    #[test]
    fn signs_the_specifications_example() {
        let secret = WebhookSecret::parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        assert_eq!(
            secret.sign(
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1_614_265_330,
                r#"{"test": 2432232314}"#
            ),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        assert!(!format!("{secret:?}").contains("MfKQ"));
    }

    #[test]
    fn malformed_secrets_are_refused_with_a_reason() {
        for (bad, says) in [
            ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "must start with"),
            ("whsec_not base64!", "not valid base64"),
            ("whsec_c2hvcnQ=", "24 to 64 bytes"),
            ("whsec_", "24 to 64 bytes"),
        ] {
            let e = WebhookSecret::parse(bad).unwrap_err();
            assert!(e.contains(says), "{bad}: {e}");
        }
    }
}
