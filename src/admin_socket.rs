//! The local admin socket: how the CLI reaches a running server's embedded
//! store.
//!
//! The embedded store's file is held (locked) by the server that opened it,
//! so `hushlink api-key …` and `hushlink bootstrap` cannot open it while the
//! server runs. Instead the server listens on `<data dir>/admin.sock`, a
//! Unix socket only its owner may open (the data directory is 0700, the
//! socket 0600), and serves the admin routes there; being able to connect is
//! the credential, as with a database's local socket. When no server is
//! running, the CLI opens the store itself and calls the very same routes
//! in-process, so both cases share one code path.

use std::path::{Path, PathBuf};

use anyhow::Context;
use axum::body::Bytes;
use axum::http::{Method, Request, StatusCode, header};
use http_body_util::{BodyExt, Full};
use tokio::net::{UnixListener, UnixStream};

/// The socket's file name inside the data directory.
pub const SOCKET_NAME: &str = "admin.sock";

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET_NAME)
}

/// Binds the socket, replacing a stale one. Call only after the store is
/// open: holding the store's lock proves no other server owns the socket.
pub fn bind(data_dir: &Path) -> anyhow::Result<UnixListener> {
    let path = path(data_dir);
    match std::fs::remove_file(&path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot replace {}", path.display())),
    }
    let listener = UnixListener::bind(&path)
        .with_context(|| format!("cannot listen on admin socket {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("cannot restrict {}", path.display()))?;
    }
    Ok(listener)
}

/// Sends one request to a running server's admin socket. `Ok(None)` when
/// no server is listening there.
pub async fn request(
    data_dir: &Path,
    method: Method,
    uri: &str,
    body: Option<Vec<u8>>,
) -> anyhow::Result<Option<(StatusCode, Bytes)>> {
    let path = path(data_dir);
    let stream = match UnixStream::connect(&path).await {
        Ok(s) => s,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Ok(None);
        }
        Err(e) => return Err(e).with_context(|| format!("cannot reach {}", path.display())),
    };
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .context("admin socket handshake")?;
    tokio::spawn(connection);
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "localhost")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body.unwrap_or_default())))
        .context("admin request")?;
    let response = sender
        .send_request(request)
        .await
        .context("admin socket request")?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .context("admin socket answer")?
        .to_bytes();
    Ok(Some((status, body)))
}
