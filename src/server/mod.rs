//! The serving loop: accepting connections and serving a router on them,
//! for the public listener, the metrics listener and the admin socket.
//!
//! It replaces `axum::serve` to add what a server facing slow or hostile
//! clients needs: a cap on open connections (a semaphore: over the cap, new
//! connections wait in the kernel's accept queue, using no file descriptor,
//! until a slot frees), per-connection timeouts for headers, idle keep-alive
//! and request bodies (`connection`, `body`), a cap on HTTP/2 streams per
//! connection, accept errors such as `EMFILE` met with a bounded backoff,
//! and a graceful shutdown bounded in time. Every connection is a task in
//! one `JoinSet` owned by [`serve`]: when it returns, none is left running.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use tokio::io::{AsyncRead, AsyncWrite};

use crate::http::LinkSettings;
use crate::http::context::base_url;
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;

pub mod body;
mod connection;

/// How connections are served.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// A request's head must arrive whole within this (and a new
    /// connection's first request must start within it).
    pub header_timeout: Duration,
    /// A kept-alive connection with nothing to do is closed after this; so
    /// is one whose request moves no byte for this long.
    pub idle_timeout: Duration,
    /// A request's whole body must arrive within this of its head.
    pub body_timeout: Duration,
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// Concurrent streams per HTTP/2 connection.
    pub max_h2_streams: u32,
    /// After shutdown is asked for, how long requests in flight may take.
    pub shutdown_timeout: Duration,
}

impl ServeOptions {
    /// The same timeouts with a smaller connection cap, for a listener that
    /// only an operator's tools use (metrics, the admin socket): its own cap,
    /// so a full public listener cannot lock the operator out.
    pub fn for_operator_listener(&self) -> Self {
        ServeOptions {
            max_connections: OPERATOR_MAX_CONNECTIONS,
            ..self.clone()
        }
    }
}

/// Connection cap of the metrics listener and the admin socket.
pub const OPERATOR_MAX_CONNECTIONS: usize = 64;

/// A source of connections: TCP or a Unix socket.
pub trait Listener: Send + 'static {
    type Io: AsyncRead + AsyncWrite + Unpin + Send + 'static;
    /// The next connection and its peer's address (for TCP).
    fn accept(&mut self)
    -> impl Future<Output = io::Result<(Self::Io, Option<SocketAddr>)>> + Send;
}

impl Listener for tokio::net::TcpListener {
    type Io = tokio::net::TcpStream;

    async fn accept(&mut self) -> io::Result<(Self::Io, Option<SocketAddr>)> {
        let (stream, peer) = tokio::net::TcpListener::accept(self).await?;
        // Answers are written whole; waiting to coalesce them only adds latency.
        let _ = stream.set_nodelay(true);
        Ok((stream, Some(peer)))
    }
}

impl Listener for tokio::net::UnixListener {
    type Io = tokio::net::UnixStream;

    async fn accept(&mut self) -> io::Result<(Self::Io, Option<SocketAddr>)> {
        let (stream, _) = tokio::net::UnixListener::accept(self).await?;
        Ok((stream, None))
    }
}

/// Serves `router` on `listener` until `shutdown` completes; then stops
/// accepting, lets connections finish their requests for up to the
/// shutdown timeout, and drops what is left. Returns false when requests
/// were still running at that timeout.
pub async fn serve<L: Listener>(
    mut listener: L,
    router: Router,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send,
) -> bool {
    let options = Arc::new(options);
    let permits = Arc::new(Semaphore::new(
        options.max_connections.clamp(1, Semaphore::MAX_PERMITS),
    ));
    let mut connections = JoinSet::new();
    let (stop, stopping) = watch::channel(false);
    let mut backoff = Backoff::default();
    let mut shutdown = std::pin::pin!(shutdown);
    'serving: loop {
        // A slot first: over the cap, connections wait in the accept queue.
        let permit = tokio::select! {
            () = &mut shutdown => break 'serving,
            Some(ended) = connections.join_next() => {
                report_panic(ended);
                continue;
            }
            permit = Arc::clone(&permits).acquire_owned() => {
                permit.expect("the connection semaphore is never closed")
            }
        };
        let (io, peer) = loop {
            tokio::select! {
                () = &mut shutdown => break 'serving,
                Some(ended) = connections.join_next() => report_panic(ended),
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => {
                        backoff.reset();
                        break accepted;
                    }
                    Err(e) if is_connection_error(&e) => {}
                    Err(e) => {
                        // Out of file descriptors or memory: retrying at
                        // once would spin. Connections still open will
                        // close (the timeouts see to that) and free some.
                        let pause = backoff.next_pause();
                        tracing::warn!(error = %e, pause_ms = pause.as_millis() as u64,
                            "cannot accept connections; pausing");
                        tokio::select! {
                            () = &mut shutdown => break 'serving,
                            () = tokio::time::sleep(pause) => {}
                        }
                    }
                }
            }
        };
        connections.spawn(connection::serve(
            io,
            peer,
            router.clone(),
            Arc::clone(&options),
            stopping.clone(),
            permit,
        ));
    }
    // No new connections from here (the listening socket is closed).
    drop(listener);
    let _ = stop.send(true);
    let drained = tokio::time::timeout(options.shutdown_timeout, async {
        while let Some(ended) = connections.join_next().await {
            report_panic(ended);
        }
    })
    .await
    .is_ok();
    // Dropping the set aborts whatever is still running.
    drop(connections);
    drained
}

/// Says at start-up where the server listens, which address to open (with
/// the scheme and host the links will use), and plainly when it listens on
/// every interface or builds `https://` links that it does not serve itself.
pub fn announce(addr: SocketAddr, links: &LinkSettings, store: &str) {
    let url = open_url(addr, links);
    tracing::info!(%addr, store, %url, "hushlink listening");
    if addr.ip().is_unspecified() {
        tracing::info!(
            %addr,
            "listening on every network interface: anyone who can reach this machine on port {} can use \
             hushlink (SNAPPASS_BIND_ADDRESS=127.0.0.1 keeps it to this machine)",
            addr.port()
        );
    }
    if hosts_unchecked(addr, links) {
        tracing::warn!(
            "links are built from each request's Host header, and this server can be reached from other \
             machines: set HUSHLINK_ALLOWED_HOSTS (or HOST_OVERRIDE) so that a forged Host cannot point \
             links elsewhere"
        );
    }
    if !links.no_ssl && links.host_override.is_none() {
        tracing::info!(
            "links start with https:// (NO_SSL is off) while hushlink serves plain HTTP: put a TLS proxy in \
             front of it, or set NO_SSL=true"
        );
    }
}

/// Whether links take any Host a client sends while clients on other
/// machines can connect.
fn hosts_unchecked(addr: SocketAddr, links: &LinkSettings) -> bool {
    links.allowed_hosts.is_none() && links.host_override.is_none() && !addr.ip().is_loopback()
}

/// The address to open: the base URL that links start with, for a request
/// to this listener (`localhost` when it listens on every interface).
pub fn open_url(addr: SocketAddr, links: &LinkSettings) -> String {
    let host = if addr.ip().is_unspecified() {
        format!("localhost:{}", addr.port())
    } else {
        addr.to_string()
    };
    base_url(links, Some(&host)).unwrap_or_else(|| format!("http://{host}/"))
}

/// Logs a connection task that panicked (its client got no answer, or a
/// cut one); the server goes on.
fn report_panic(ended: Result<(), tokio::task::JoinError>) {
    if let Err(e) = ended
        && e.is_panic()
    {
        tracing::error!(error = %e, "a connection task panicked");
    }
}

/// Errors of one connection (it was reset before it was accepted): the
/// next accept is fine.
fn is_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
            | io::ErrorKind::Interrupted
            | io::ErrorKind::WouldBlock
    )
}

/// Pauses after failed accepts: 5 ms, doubling up to one second.
#[derive(Debug, Default)]
struct Backoff {
    failures: u32,
}

const BACKOFF_FIRST: Duration = Duration::from_millis(5);
const BACKOFF_MAX: Duration = Duration::from_secs(1);

impl Backoff {
    fn next_pause(&mut self) -> Duration {
        let pause = BACKOFF_FIRST
            .saturating_mul(1 << self.failures.min(16))
            .min(BACKOFF_MAX);
        self.failures = self.failures.saturating_add(1);
        pause
    }

    fn reset(&mut self) {
        self.failures = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_backoff_doubles_up_to_a_second_and_resets() {
        let mut b = Backoff::default();
        let pauses: Vec<u64> = (0..10).map(|_| b.next_pause().as_millis() as u64).collect();
        assert_eq!(pauses, [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000]);
        for _ in 0..100 {
            assert!(b.next_pause() <= BACKOFF_MAX);
        }
        b.reset();
        assert_eq!(b.next_pause(), BACKOFF_FIRST);
    }

    #[test]
    fn the_address_to_open_uses_the_links_scheme_host_and_prefix() {
        let links = |no_ssl: bool, host: Option<&str>, prefix: Option<&str>| LinkSettings {
            no_ssl,
            host_override: host.map(Into::into),
            url_prefix: prefix.map(Into::into),
            allowed_hosts: None,
        };
        let any: SocketAddr = "0.0.0.0:5000".parse().unwrap();
        let local: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let v6: SocketAddr = "[::1]:8080".parse().unwrap();
        assert_eq!(
            open_url(any, &links(true, None, None)),
            "http://localhost:5000/"
        );
        assert_eq!(
            open_url(any, &links(false, None, None)),
            "https://localhost:5000/"
        );
        assert_eq!(
            open_url(local, &links(true, None, Some("s"))),
            "http://127.0.0.1:5000/s/"
        );
        assert_eq!(open_url(v6, &links(true, None, None)), "http://[::1]:8080/");
        assert_eq!(
            open_url(any, &links(false, Some("secrets.example.com"), Some("s"))),
            "https://secrets.example.com/s/"
        );
    }

    #[test]
    fn a_reachable_server_without_allowed_hosts_is_warned_about() {
        let mut links = LinkSettings {
            no_ssl: true,
            host_override: None,
            url_prefix: None,
            allowed_hosts: None,
        };
        let any: SocketAddr = "0.0.0.0:5000".parse().unwrap();
        let lan: SocketAddr = "192.168.1.5:5000".parse().unwrap();
        let local: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        let local6: SocketAddr = "[::1]:5000".parse().unwrap();
        assert!(hosts_unchecked(any, &links));
        assert!(hosts_unchecked(lan, &links));
        assert!(!hosts_unchecked(local, &links));
        assert!(!hosts_unchecked(local6, &links));
        links.allowed_hosts =
            crate::http::context::AllowedHosts::parse_setting(Some("s.example")).unwrap();
        assert!(!hosts_unchecked(any, &links));
        links.allowed_hosts = None;
        links.host_override = Some("s.example".into());
        assert!(!hosts_unchecked(any, &links));
    }

    #[test]
    fn resource_errors_are_not_connection_errors() {
        let emfile = io::Error::from_raw_os_error(24);
        assert!(!is_connection_error(&emfile));
        assert!(is_connection_error(&io::Error::from(
            io::ErrorKind::ConnectionAborted
        )));
    }
}
