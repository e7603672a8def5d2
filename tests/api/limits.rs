//! The request-body limits, pinned to the byte: a body exactly at its limit
//! is read, one byte more is refused with 413 even though the secret in it
//! would fit, with a declared `Content-Length` and chunked alike.
//!
//! The limits are written out here rather than taken from `http::body`, so
//! a change to how they are computed fails these tests: for a largest secret
//! of `max` bytes, a JSON body may hold `6 * max + 16 KiB` (every byte
//! escaped as `\u00XX`, plus room for the other fields), a form body
//! `3 * max + 16 KiB` (every byte as `%XX`), an admin body 16 KiB.

use std::time::Duration;

use hushlink::apikey::ApiKey;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{TestApp, spawn_app_with};

const MAX_SECRET: usize = 1024;
const JSON_LIMIT: usize = 6 * MAX_SECRET + 16 * 1024;
const FORM_LIMIT: usize = 3 * MAX_SECRET + 16 * 1024;
const ADMIN_LIMIT: usize = 16 * 1024;

/// How a body is framed on the wire.
#[derive(Debug, Clone, Copy)]
enum Framing {
    ContentLength,
    /// `Transfer-Encoding: chunked`, in chunks of 1000 bytes: the server
    /// learns the size only while reading.
    Chunked,
    /// `Content-Length` declared but no byte of the body sent: the server
    /// must refuse from the declaration alone, without waiting for it.
    DeclaredOnly,
}

/// Sends one POST over a fresh connection, written by hand so the framing
/// is exactly as asked; the answer's status.
async fn post(
    app: &TestApp,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    framing: Framing,
) -> u16 {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", app.port))
        .await
        .unwrap();
    let mut head = format!("POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    match framing {
        Framing::ContentLength | Framing::DeclaredOnly => {
            head.push_str(&format!("Content-Length: {}\r\n", body.len()))
        }
        Framing::Chunked => head.push_str("Transfer-Encoding: chunked\r\n"),
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    // The server may answer 413 and close before the whole body is sent:
    // write errors are expected then, the answer tells.
    let _ = match framing {
        Framing::ContentLength => stream.write_all(body).await,
        Framing::DeclaredOnly => Ok(()),
        Framing::Chunked => {
            async {
                for chunk in body.chunks(1000) {
                    stream
                        .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                        .await?;
                    stream.write_all(chunk).await?;
                    stream.write_all(b"\r\n").await?;
                }
                stream.write_all(b"0\r\n\r\n").await
            }
            .await
        }
    };
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut answer));
    if read.await.is_err() {
        panic!("no answer to POST {path} ({framing:?}) within 20 s");
    }
    let answer = String::from_utf8_lossy(&answer);
    let status = answer
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok());
    status.unwrap_or_else(|| panic!("no HTTP answer to POST {path} ({framing:?}): {answer:?}"))
}

/// `prefix`, padded with `pad` bytes up to exactly `len` bytes.
fn padded(prefix: &str, pad: u8, len: usize) -> Vec<u8> {
    assert!(prefix.len() <= len);
    let mut body = prefix.as_bytes().to_vec();
    body.resize(len, pad);
    body
}

#[tokio::test]
async fn body_limits_hold_to_the_byte_with_and_without_content_length() {
    let admin = ApiKey::generate();
    let hash = admin.hash().to_hex();
    let app = spawn_app_with(move |c| {
        c.max_secret_bytes = MAX_SECRET;
        c.admin_key_sha256 = Some(hash);
    })
    .await;
    let bearer = format!("Bearer {}", admin.expose());
    let json = [("Content-Type", "application/json")];
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let admin_headers = [
        ("Content-Type", "application/json"),
        ("Authorization", bearer.as_str()),
    ];

    for (n, framing) in [Framing::ContentLength, Framing::Chunked]
        .into_iter()
        .enumerate()
    {
        // JSON: trailing white space is valid JSON and leaves the secret tiny.
        for path in ["/api/v2/passwords", "/api/set_password/"] {
            let at = padded(r#"{"password": "fits"}"#, b' ', JSON_LIMIT);
            let over = padded(r#"{"password": "fits"}"#, b' ', JSON_LIMIT + 1);
            assert_eq!(
                post(&app, path, &json, &at, framing).await,
                200,
                "{path} {framing:?}"
            );
            assert_eq!(
                post(&app, path, &json, &over, framing).await,
                413,
                "{path} {framing:?}"
            );
        }

        // The form: an ignored field pads it.
        let at = padded("password=fits&ttl=Hour&pad=", b'a', FORM_LIMIT);
        let over = padded("password=fits&ttl=Hour&pad=", b'a', FORM_LIMIT + 1);
        assert_eq!(
            post(&app, "/", &form, &at, framing).await,
            200,
            "form {framing:?}"
        );
        assert_eq!(
            post(&app, "/", &form, &over, framing).await,
            413,
            "form {framing:?}"
        );

        // Admin bodies.
        let name = format!(r#"{{"name": "limit-{n}"}}"#);
        let at = padded(&name, b' ', ADMIN_LIMIT);
        let over = padded(&name, b' ', ADMIN_LIMIT + 1);
        assert_eq!(
            post(&app, "/api/v2/keys", &admin_headers, &over, framing).await,
            413,
            "admin {framing:?}"
        );
        assert_eq!(
            post(&app, "/api/v2/keys", &admin_headers, &at, framing).await,
            201,
            "admin {framing:?}"
        );
    }

    // A declared length one over the limit is refused before any of the
    // body arrives.
    let declared = Framing::DeclaredOnly;
    for (path, headers, limit) in [
        ("/api/v2/passwords", &json[..], JSON_LIMIT),
        ("/", &form[..], FORM_LIMIT),
        ("/api/v2/keys", &admin_headers[..], ADMIN_LIMIT),
    ] {
        let over = vec![b' '; limit + 1];
        assert_eq!(
            post(&app, path, headers, &over, declared).await,
            413,
            "{path}"
        );
    }
}
