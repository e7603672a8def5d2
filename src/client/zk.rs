//! Zero-knowledge links in the client: encrypted here, opened here.
//!
//! A link is `<base>s/<32 hex id>#<43-character link key>` (docs/FORMAT.md).
//! `send` seals the secret locally (`crate::zk`), sends the envelope, the
//! verifier and the key check, and prints the link with the key appended as
//! a fragment: the key never travels. `get` reads the metadata (consumes
//! nothing), compares the key check (a damaged link is caught before any
//! proof is sent), derives the proof (with the passphrase, when the secret
//! has one), asks for the envelope and decrypts it here. A wrong passphrase
//! uses no view; the server counts it as an attempt.

use std::path::Path;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, AUTHORIZATION};
use serde_json::{Value, json};

use super::link::LinkError;
use super::{Failure, is_problem, json_body, refusal, send_retrying};
use crate::zk::{self, Content, Envelope, Kdf, LinkKey};

/// A zero-knowledge link that passed the local checks. No `Debug`: it
/// holds the key.
pub struct ZkLink {
    /// Scheme, host and any URL prefix, ending in `/`.
    base: String,
    id: String,
    key: LinkKey,
}

impl ZkLink {
    /// `Ok(None)` when `raw` is not a zero-knowledge link at all (it may
    /// be a SnapPass one); `Err(Damaged)` when it is one, cut or altered.
    pub fn parse(raw: &str) -> Result<Option<ZkLink>, LinkError> {
        let raw = raw.trim();
        let Some(scheme) = ["https://", "http://"]
            .into_iter()
            .find(|s| raw.starts_with(s))
        else {
            return Ok(None);
        };
        let (address, fragment) = match raw.split_once('#') {
            Some((address, fragment)) => (address, Some(fragment)),
            None => (raw, None),
        };
        let address = address.split('?').next().unwrap_or_default();
        let Some((before, id)) = address.rsplit_once('/') else {
            return Ok(None);
        };
        let Some(base) = before.strip_suffix("/s").map(|b| format!("{b}/")) else {
            return Ok(None);
        };
        if base.len() <= scheme.len() + 1 {
            return Ok(None);
        }
        let id_ok = id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !id_ok && fragment.is_none() {
            // A SnapPass token under a URL prefix that happens to be `s`.
            return Ok(None);
        }
        let key = fragment.and_then(|f| LinkKey::from_fragment(f).ok());
        match key {
            Some(key) if id_ok => Ok(Some(ZkLink {
                base,
                id: id.to_owned(),
                key,
            })),
            _ => Err(LinkError::Damaged),
        }
    }

    fn api(&self) -> String {
        format!("{}api/v2/secrets/{}", self.base, self.id)
    }
}

/// A passphrase read from `file` (one trailing newline removed), else
/// asked for with echo off on a terminal; `None` when neither is possible.
pub fn read_passphrase(file: Option<&Path>, confirm: bool) -> Result<Option<Vec<u8>>, Failure> {
    if let Some(path) = file {
        let mut text = std::fs::read(path).map_err(|e| {
            Failure::Usage(format!(
                "cannot read --passphrase-file {}: {e}",
                path.display()
            ))
        })?;
        if text.ends_with(b"\n") {
            text.pop();
            if text.ends_with(b"\r") {
                text.pop();
            }
        }
        if text.is_empty() {
            return Err(Failure::Usage("the passphrase file is empty".into()));
        }
        return Ok(Some(text));
    }
    // Only a person at a terminal is asked (stdin may carry the secret or
    // the link in a pipeline, and a test must never wait on a prompt).
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        return Ok(None);
    }
    let ask = |prompt: &str| {
        rpassword::prompt_password(prompt)
            .map_err(|e| Failure::Usage(format!("cannot read the passphrase: {e}")))
    };
    let first = ask("Passphrase (not shown): ")?;
    if confirm && ask("Again: ")? != first {
        return Err(Failure::Usage(
            "the passphrases differ; nothing was stored".into(),
        ));
    }
    if first.is_empty() {
        return Err(Failure::Usage("the passphrase is empty".into()));
    }
    Ok(Some(first.into_bytes()))
}

/// What a zero-knowledge create did.
pub enum Sent {
    /// The link, key included, and the server's whole answer (its receipt).
    Link(String, Value),
    /// The server has no zero-knowledge route (SnapPass, an older hushlink).
    Unsupported,
}

/// Seals `secret` here and stores the envelope.
pub async fn send(
    http: &reqwest::Client,
    base: &str,
    api_key: Option<&str>,
    secret: Vec<u8>,
    passphrase: Option<&[u8]>,
    ttl: u64,
    views: u32,
) -> Result<Sent, Failure> {
    let key = LinkKey::generate();
    let kdf = match passphrase {
        Some(_) => Kdf::pbkdf2_random(),
        None => Kdf::None,
    };
    let sealed = zk::seal(&key, &kdf, passphrase, &Content::guess(secret))
        .map_err(|e| Failure::Other(format!("cannot encrypt: {e}")))?;
    let mut request = http.post(format!("{base}api/v2/secrets")).json(&json!({
        "envelope": zk::b64(sealed.envelope.as_bytes()),
        "verifier": zk::b64(&sealed.verifier),
        "key_check": zk::b64(&sealed.key_check),
        "ttl": ttl,
        "views": views,
    }));
    if let Some(api_key) = api_key {
        request = request.header(AUTHORIZATION, format!("Bearer {api_key}"));
    }
    let response = send_retrying(request).await?;
    match response.status() {
        StatusCode::OK => {
            let body = json_body(response).await?;
            let web = web_view(&body)?;
            Ok(Sent::Link(format!("{web}#{}", key.to_fragment()), body))
        }
        // No such route: SnapPass (an HTML 404) or a hushlink from before
        // these links (a problem 404); a create never answers 404 here.
        // A 405 is a server that routes the path to something else.
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => Ok(Sent::Unsupported),
        _ => Err(refusal(response, Some(base)).await),
    }
}

fn web_view(body: &Value) -> Result<String, Failure> {
    body["links"]
        .as_array()
        .and_then(|links| links.iter().find(|l| l["rel"] == "web-view"))
        .and_then(|l| l["href"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| Failure::Other("the server's answer holds no link".into()))
}

/// The metadata (consumes nothing), with the key check compared.
async fn metadata(http: &reqwest::Client, link: &ZkLink) -> Result<Value, Failure> {
    let response = send_retrying(http.get(link.api()).header(ACCEPT, "application/json")).await?;
    if response.status() != StatusCode::OK {
        return Err(refusal(response, None).await);
    }
    let meta = json_body(response).await?;
    let check = meta["key_check"].as_str().unwrap_or_default();
    if check != zk::b64(&zk::key_check(&link.key)) {
        return Err(Failure::Damaged);
    }
    Ok(meta)
}

fn kdf_of(meta: &Value) -> Result<Kdf, Failure> {
    let bad = || Failure::Other("the server's metadata is not what this client expects".into());
    match meta["kdf"].as_object() {
        None => Ok(Kdf::None),
        Some(kdf) => Ok(Kdf::Pbkdf2 {
            iterations: kdf["iterations"]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| (zk::MIN_ITERATIONS..=zk::MAX_ITERATIONS).contains(n))
                .ok_or_else(bad)?,
            salt: kdf["salt"]
                .as_str()
                .and_then(|s| zk::decode_fixed(s).ok())
                .ok_or_else(bad)?,
        }),
    }
}

/// Reveals and decrypts: the exact bytes of the secret.
pub async fn get(
    http: &reqwest::Client,
    link: &ZkLink,
    passphrase_file: Option<&Path>,
) -> Result<Vec<u8>, Failure> {
    let meta = metadata(http, link).await?;
    let kdf = kdf_of(&meta)?;
    let passphrase = if kdf.needs_passphrase() {
        Some(read_passphrase(passphrase_file, false)?.ok_or_else(|| {
            Failure::Usage(
                "this secret needs a passphrase: give --passphrase-file (nothing was revealed)"
                    .into(),
            )
        })?)
    } else {
        None
    };
    let keys = zk::derive(&link.key, &kdf, passphrase.as_deref())
        .map_err(|e| Failure::Other(format!("cannot derive the key: {e}")))?;
    let response = send_retrying(
        http.post(format!("{}/reveal", link.api()))
            .header(ACCEPT, "application/json")
            .json(&json!({ "proof": zk::b64(&keys.proof) })),
    )
    .await?;
    match response.status() {
        StatusCode::OK => {}
        StatusCode::FORBIDDEN | StatusCode::GONE if is_problem(&response) => {
            let gone = response.status() == StatusCode::GONE;
            let body: Value = response.json().await.unwrap_or(Value::Null);
            return Err(Failure::WrongPassphrase {
                attempts_left: body["attempts-left"].as_u64().unwrap_or(0),
                destroyed: gone,
            });
        }
        _ => return Err(refusal(response, None).await),
    }
    let body = json_body(response).await?;
    let envelope = body["envelope"]
        .as_str()
        .and_then(|s| zk::unb64(s).ok())
        .and_then(|bytes| Envelope::parse(bytes).ok())
        .ok_or_else(|| Failure::Other("the server's answer holds no envelope".into()))?;
    let content = zk::open_with(&keys, &envelope).map_err(|_| {
        Failure::Other(
            "the secret arrived but cannot be decrypted: it was altered on the way".into(),
        )
    })?;
    Ok(content.data)
}

/// Views left and whether a passphrase is needed. Consumes nothing.
pub async fn check(http: &reqwest::Client, link: &ZkLink) -> Result<String, Failure> {
    let meta = metadata(http, link).await?;
    let views = meta["views_left"].as_u64().unwrap_or(0);
    Ok(if meta["passphrase"] == true {
        format!("available ({views} view(s) left, passphrase needed)")
    } else {
        format!("available ({views} view(s) left)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef";
    const KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";

    #[test]
    fn reads_zero_knowledge_links_with_prefixes() {
        for (raw, base) in [
            (
                format!("https://h.example/s/{ID}#{KEY}"),
                "https://h.example/",
            ),
            (
                format!(" http://h:5000/p/q/s/{ID}#{KEY}\n"),
                "http://h:5000/p/q/",
            ),
        ] {
            let link = ZkLink::parse(&raw).unwrap().unwrap();
            assert_eq!(link.base, base);
            assert_eq!(link.api(), format!("{base}api/v2/secrets/{ID}"));
        }
    }

    #[test]
    fn other_links_are_not_ours_and_damaged_ones_are_damaged() {
        for other in [
            "https://h.example/snappass0123~abc".to_owned(),
            format!("https://h.example/{ID}"),
            "not a link".to_owned(),
            format!("https://h.example/s/snappass{ID}~{KEY}%3D"),
        ] {
            assert!(matches!(ZkLink::parse(&other), Ok(None)), "{other}");
        }
        for bad in [
            format!("https://h.example/s/{ID}"),
            format!("https://h.example/s/{ID}#"),
            format!("https://h.example/s/{ID}#{}", &KEY[..42]),
            format!("https://h.example/s/{}#{KEY}", &ID[..31]),
            format!("https://h.example/s/{ID}#{KEY}x"),
        ] {
            assert!(
                matches!(ZkLink::parse(&bad), Err(LinkError::Damaged)),
                "{bad}"
            );
        }
    }
}
