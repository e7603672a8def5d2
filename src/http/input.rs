//! The one place a body becomes a validated new secret: SnapPass's JSON
//! APIs (`/api/set_password/`, `/api/v2/passwords`) and the web form
//! (`POST /`, also its JSON-answer shortcut), and the `ttl` and `views`
//! fields every create body shares (the zero-knowledge API too).
//!
//! The JSON body is parsed into [`NewSecretRequest`], the very type the
//! OpenAPI description documents. Its fields are kept as the JSON values
//! that arrived, and checked afterwards field by field, so that one answer
//! names every bad field (a derived `Deserialize` of typed fields would
//! stop at the first, with serde's words) and SnapPass's leniency stays:
//! a TTL may be a string of digits. The form keeps SnapPass's own rules
//! (a TTL is a name: `Week`, `Day`, ...) and its first-error answer.

use axum::body::Body;
use axum::http::HeaderMap;
use serde::{Deserialize, Deserializer};
use serde_json::Value;
use utoipa::ToSchema;
use zeroize::Zeroizing;

use super::Limits;
use super::body::{form_limit, json_limit, read_limited, wipe};
use crate::error::{Error, InvalidParam};
use crate::secret::{DEFAULT_TTL_SECS, Ttl, Views};

/// A secret to store.
#[derive(Deserialize, ToSchema)]
pub struct NewSecretRequest {
    /// The secret. At most `HUSHLINK_MAX_SECRET_BYTES` bytes (256 KiB by default).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = String, required = true, min_length = 1, example = "correct horse battery staple")]
    password: Option<Value>,
    /// Lifetime in seconds, at most `HUSHLINK_MAX_TTL` (default and maximum
    /// 1209600, two weeks). A string of digits is accepted too.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = u64, required = false, minimum = 1, maximum = 1209600, example = 3600)]
    ttl: Option<Value>,
    /// How many reveals the link allows (hushlink; SnapPass allows one).
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = u32, required = false, minimum = 1, maximum = 100, example = 1)]
    views: Option<Value>,
}

/// A field that is there, even as `null` (which serde's `Option` would
/// take for absent): absent takes the default, `null` is refused.
pub fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// A validated new secret, whichever way it arrived.
pub struct NewSecret {
    /// Wiped from memory when the request is done with it.
    pub password: Zeroizing<String>,
    pub ttl: Ttl,
    pub views: Views,
}

impl NewSecretRequest {
    /// Checks every field against `limits`, naming each bad one.
    pub fn validate(self, limits: &Limits) -> Result<NewSecret, Error> {
        let mut invalid = Vec::new();
        // Moved out of the parsed body, not copied, so the one copy is wiped.
        let password = match self.password {
            Some(Value::String(p)) if !p.is_empty() => Some(Zeroizing::new(p)),
            Some(Value::String(_)) | Some(Value::Null) | None => {
                invalid.push(InvalidParam::new(
                    "password",
                    "The password is required and should not be null or empty.",
                ));
                None
            }
            Some(_) => {
                invalid.push(InvalidParam::new(
                    "password",
                    "The password must be a string.",
                ));
                None
            }
        };
        let (ttl, views) = lifetime(
            self.ttl.as_ref(),
            self.views.as_ref(),
            limits.max_ttl,
            &mut invalid,
        );
        match (password, ttl, views) {
            (Some(password), Some(ttl), Some(views)) if invalid.is_empty() => {
                if password.len() > limits.max_secret_bytes {
                    return Err(Error::TooLarge);
                }
                Ok(NewSecret {
                    password,
                    ttl,
                    views,
                })
            }
            _ => Err(Error::Invalid(invalid)),
        }
    }
}

/// Reads and validates a JSON create body, naming every bad field.
pub async fn read_json(
    limits: &Limits,
    headers: &HeaderMap,
    body: Body,
) -> Result<NewSecret, Error> {
    let bytes = read_limited(headers, body, json_limit(limits.max_secret_bytes)).await?;
    let parsed = json_object::<NewSecretRequest>(&bytes);
    wipe(bytes);
    parsed?.validate(limits)
}

/// A JSON object body as `T`; anything else (not JSON, not an object) is
/// refused in the same words for every route.
pub fn json_object<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    let not_object = || Error::invalid("body", "The request body must be a JSON object.");
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value @ Value::Object(_)) => T::deserialize(value).map_err(|_| not_object()),
        _ => Err(not_object()),
    }
}

/// The `ttl` and `views` fields that every create body shares (SnapPass's
/// REST API, and the zero-knowledge API), checked in one place: a missing
/// field takes its default, a bad one is added to `invalid` (naming the
/// field) and comes back `None`.
pub fn lifetime(
    ttl: Option<&Value>,
    views: Option<&Value>,
    max_ttl: u64,
    invalid: &mut Vec<InvalidParam>,
) -> (Option<Ttl>, Option<Views>) {
    let ttl = match ttl {
        None => Ttl::parse(DEFAULT_TTL_SECS.min(max_ttl), max_ttl).ok(),
        Some(v) => match whole_number(v)
            .ok_or("The TTL must be a whole number of seconds.")
            .and_then(|n| Ttl::parse(n, max_ttl))
        {
            Ok(ttl) => Some(ttl),
            Err(reason) => {
                invalid.push(InvalidParam::new("ttl", reason));
                None
            }
        },
    };
    let views = match views {
        None => Some(Views::ONE),
        Some(v) => match whole_number(v)
            .ok_or("Views must be a whole number from 1 to 100.")
            .and_then(Views::parse)
        {
            Ok(views) => Some(views),
            Err(reason) => {
                invalid.push(InvalidParam::new("views", reason));
                None
            }
        },
    };
    (ttl, views)
}

/// A non-negative integer, or a string of ASCII digits (SnapPass accepts
/// `"600"` through Python's `int()`). A number written with a zero
/// fraction (`600.0`) counts, as it does in JSON Schema. Booleans,
/// fractions, negatives, null and containers are refused.
pub fn whole_number(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && (0.0..9.0e15).contains(f))
                .map(|f| f as u64)
        }),
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        }
        _ => None,
    }
}

/// The web form's fields as sent (others are ignored, as SnapPass does),
/// kept to show them again with an error.
#[derive(Default)]
pub struct FormInput {
    pub password: Zeroizing<String>,
    pub ttl: Option<String>,
    pub views: Option<String>,
    /// The session's CSRF token (with sign-in configured).
    pub csrf: String,
}

impl FormInput {
    /// Reads the form's body under its limit, and wipes it once parsed.
    pub async fn read(limits: &Limits, headers: &HeaderMap, body: Body) -> Result<Self, Error> {
        let bytes = read_limited(headers, body, form_limit(limits.max_secret_bytes)).await?;
        let input = FormInput::parse(&bytes);
        wipe(bytes);
        Ok(input)
    }

    fn parse(bytes: &[u8]) -> Self {
        let mut input = FormInput::default();
        for (key, value) in form_urlencoded::parse(bytes) {
            match key.as_ref() {
                "password" => input.password = Zeroizing::new(value.into_owned()),
                "ttl" => input.ttl = Some(value.into_owned()),
                "views" => input.views = Some(value.into_owned()),
                super::gate::CSRF_FIELD => input.csrf = value.into_owned(),
                _ => {}
            }
        }
        input
    }

    /// Checks the form's fields against `limits` (the first bad one is the
    /// answer, as the form shows one reason); the form keeps the password.
    pub fn validate(&self, limits: &Limits) -> Result<(Ttl, Views), Error> {
        if self.password.is_empty() {
            return Err(Error::invalid(
                "password",
                "The password is required and should not be null or empty.",
            ));
        }
        if self.password.len() > limits.max_secret_bytes {
            return Err(Error::TooLarge);
        }
        let ttl = self
            .ttl
            .as_deref()
            .and_then(|name| Ttl::from_form_name(name.trim(), limits.max_ttl))
            .ok_or_else(|| Error::invalid("ttl", "Choose one of: Two Weeks, Week, Day, Hour."))?;
        let views = match self.views.as_deref().map(str::trim) {
            None | Some("") => Views::ONE,
            Some(v) => v
                .parse::<u64>()
                .ok()
                .and_then(|n| Views::parse(n).ok())
                .ok_or_else(|| {
                    Error::invalid("views", "Views must be a whole number from 1 to 100.")
                })?,
        };
        Ok((ttl, views))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn whole_numbers() {
        assert_eq!(whole_number(&json!(600)), Some(600));
        assert_eq!(whole_number(&json!("600")), Some(600));
        assert_eq!(whole_number(&json!(600.0)), Some(600));
        for bad in [
            json!(-1),
            json!(1.5),
            json!(-2.0),
            json!(1e300),
            json!(null),
            json!(true),
            json!([1]),
            json!("abc"),
            json!(""),
            json!("1e3"),
        ] {
            assert_eq!(whole_number(&bad), None, "{bad}");
        }
    }
}
