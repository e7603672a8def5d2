//! Carrying any bytes through an API whose secrets are text.
//!
//! SnapPass's API takes and returns the secret as a JSON string, so it can
//! only hold UTF-8. A secret that is not UTF-8 (a keystore, a binary token)
//! is sent armoured: [`ARMOUR`] followed by standard base64. `get` removes
//! the armour, so `send | get` gives back the very bytes that went in, and a
//! person who opens such a link in a browser sees text that `base64 -d`
//! turns back into the file. Text that happens to start with the armour
//! prefix is armoured too, so it can never be mistaken for armour.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// Marks an armoured secret.
pub const ARMOUR: &str = "hushlink-binary:base64:";

/// The text to store for `secret`: itself when it is UTF-8 (and not
/// armour-like), otherwise its armour.
pub fn armour(secret: Vec<u8>) -> String {
    match String::from_utf8(secret) {
        Ok(text) if !text.starts_with(ARMOUR) => text,
        Ok(text) => format!("{ARMOUR}{}", STANDARD.encode(text)),
        Err(e) => format!("{ARMOUR}{}", STANDARD.encode(e.into_bytes())),
    }
}

/// The bytes a stored text stands for: the armour's content when it is
/// well-formed armour, the text itself otherwise (a secret made by a person
/// through the web form is returned exactly as typed).
pub fn unarmour(stored: String) -> Vec<u8> {
    if let Some(encoded) = stored.strip_prefix(ARMOUR)
        && let Ok(bytes) = STANDARD.decode(encoded)
    {
        return bytes;
    }
    stored.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_travels_as_itself() {
        assert_eq!(armour(b"hunter2\n".to_vec()), "hunter2\n");
        assert_eq!(unarmour("hunter2\n".into()), b"hunter2\n");
    }

    #[test]
    fn binary_and_armour_like_text_round_trip() {
        let binary: Vec<u8> = (0..=255).collect();
        let like_armour = format!("{ARMOUR}not base64 at all").into_bytes();
        for secret in [binary, like_armour, vec![0xff]] {
            let stored = armour(secret.clone());
            assert!(stored.starts_with(ARMOUR));
            assert_eq!(unarmour(stored), secret);
        }
    }

    #[test]
    fn malformed_armour_is_returned_as_text() {
        let text = format!("{ARMOUR}***");
        assert_eq!(unarmour(text.clone()), text.into_bytes());
    }
}
