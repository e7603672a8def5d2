//! How the server treats connections: kept-alive connections after a
//! refusal, slow and silent clients, the connection cap, and the side
//! listeners (metrics, admin socket) while the main one is full.
//!
//! These tests talk raw HTTP/1.1 over a `TcpStream`, as a connection-reusing
//! client does, so nothing between the test and the server hides a dropped
//! answer or a silently closed connection.

use std::time::{Duration, Instant};

use hushlink::config::ApiAuth;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};

use crate::helpers::{ServerProcess, TestApp, client, spawn_app_in, spawn_app_with};

/// One parsed HTTP/1.1 answer.
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl std::fmt::Debug for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Answer")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body", &String::from_utf8_lossy(&self.body))
            .finish()
    }
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the server said it closes the connection after this answer.
    fn closes(&self) -> bool {
        self.header("connection")
            .is_some_and(|v| v.to_ascii_lowercase().contains("close"))
    }
}

/// A raw HTTP/1.1 client on one connection. The halves are apart so that
/// a test can keep sending (a trickled body) while it reads.
struct Raw {
    reader: OwnedReadHalf,
    writer: Option<OwnedWriteHalf>,
    buffered: Vec<u8>,
}

/// What became of a request on a connection.
#[derive(Debug)]
enum Outcome {
    Answered(Answer),
    /// The server closed the connection before any byte of an answer.
    ClosedWithoutAnswer,
}

impl Raw {
    async fn connect(port: u16) -> Raw {
        let stream = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        stream.set_nodelay(true).unwrap();
        let (reader, writer) = stream.into_split();
        Raw {
            reader,
            writer: Some(writer),
            buffered: Vec::new(),
        }
    }

    fn writer(&mut self) -> &mut OwnedWriteHalf {
        self.writer.as_mut().expect("the writer is here")
    }

    /// Sends the head and the body in two writes a moment apart, as
    /// Python's `http.client` and many other clients do (the body follows
    /// in a later packet): the server may answer between them.
    async fn send(&mut self, method: &str, path: &str, extra: &str, body: &[u8]) {
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n{extra}\r\n",
            body.len()
        );
        // A write may fail when the server has closed the connection: the
        // read that follows tells what happened.
        let _ = self.writer().write_all(head.as_bytes()).await;
        if !body.is_empty() {
            tokio::time::sleep(Duration::from_millis(1)).await;
            let _ = self.writer().write_all(body).await;
        }
    }

    /// Reads one answer, within `bound`.
    async fn read(&mut self, bound: Duration) -> Outcome {
        tokio::time::timeout(bound, self.read_answer())
            .await
            .expect("the server neither answered nor closed the connection in time")
    }

    async fn read_answer(&mut self) -> Outcome {
        let head_end = loop {
            if let Some(i) = find(&self.buffered, b"\r\n\r\n") {
                break i;
            }
            if !self.fill().await {
                assert!(
                    self.buffered.is_empty(),
                    "connection closed in the middle of an answer: {:?}",
                    String::from_utf8_lossy(&self.buffered)
                );
                return Outcome::ClosedWithoutAnswer;
            }
        };
        let head = String::from_utf8(self.buffered[..head_end].to_vec()).unwrap();
        self.buffered.drain(..head_end + 4);
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
            .collect();
        let length: usize = headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
            .map(|(_, v)| v.parse().unwrap())
            .expect("answers carry a Content-Length");
        while self.buffered.len() < length {
            assert!(self.fill().await, "connection closed inside a body");
        }
        let body = self.buffered.drain(..length).collect();
        Outcome::Answered(Answer {
            status,
            headers,
            body,
        })
    }

    /// Reads more bytes; false at end of stream (or a reset).
    async fn fill(&mut self) -> bool {
        let mut chunk = [0u8; 8192];
        match self.reader.read(&mut chunk).await {
            Ok(0) | Err(_) => false,
            Ok(n) => {
                self.buffered.extend_from_slice(&chunk[..n]);
                true
            }
        }
    }

    /// Waits until the server closes the connection; the time it took,
    /// or `None` when it was still open after `bound`.
    async fn closed_within(&mut self, bound: Duration) -> Option<Duration> {
        let started = Instant::now();
        let mut chunk = [0u8; 1024];
        loop {
            let left = bound.checked_sub(started.elapsed())?;
            match tokio::time::timeout(left, self.reader.read(&mut chunk)).await {
                Err(_) => return None,
                Ok(Ok(0) | Err(_)) => return Some(started.elapsed()),
                Ok(Ok(_)) => {}
            }
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Sends `rounds` requests that the server refuses before reading their
/// bodies, each followed on the same connection by a plain request, and
/// counts the requests that got no answer. A connection that the server
/// announced it would close (`Connection: close`) is replaced, as any
/// client does; one closed without that announcement is a dropped request.
async fn dropped_after_refusals(
    app: &TestApp,
    rounds: usize,
    refused: (&str, &str, &str, u16),
) -> usize {
    let (method, path, extra, status) = refused;
    let body = br#"{"password": "a secret that is never stored", "ttl": 3600}"#;
    let mut raw = Raw::connect(app.port).await;
    let mut dropped = 0;
    for _ in 0..rounds {
        for (m, p, x, b, want) in [
            (method, path, extra, &body[..], status),
            ("GET", "/_/_/health", "", &b""[..], 200),
        ] {
            raw.send(m, p, x, b).await;
            match raw.read(Duration::from_secs(10)).await {
                Outcome::Answered(answer) => {
                    assert_eq!(answer.status, want, "{m} {p}: {answer:?}");
                    if answer.closes() {
                        raw = Raw::connect(app.port).await;
                    }
                }
                Outcome::ClosedWithoutAnswer => {
                    dropped += 1;
                    raw = Raw::connect(app.port).await;
                }
            }
        }
    }
    dropped
}

#[tokio::test]
async fn refused_creates_leave_kept_alive_connections_usable() {
    let app = spawn_app_with(|c| c.api_auth = ApiAuth::Required).await;
    let dropped = dropped_after_refusals(&app, 250, ("POST", "/api/v2/passwords", "", 401)).await;
    assert_eq!(dropped, 0, "requests dropped after 401s (of 500)");
}

#[tokio::test]
async fn bodies_to_unknown_paths_leave_kept_alive_connections_usable() {
    let app = spawn_app_with(|_| {}).await;
    let dropped = dropped_after_refusals(&app, 250, ("POST", "/no/such/path", "", 404)).await;
    assert_eq!(dropped, 0, "requests dropped after 404s (of 500)");
}

/// Chunked bodies (no declared length) are drained the same way; a body
/// announced with `Expect: 100-continue` is not asked for: the answer
/// closes the connection instead, and says so.
#[tokio::test]
async fn chunked_and_expect_continue_bodies_after_a_refusal() {
    let app = spawn_app_with(|c| c.api_auth = ApiAuth::Required).await;
    let mut raw = Raw::connect(app.port).await;
    for _ in 0..100 {
        let head = "POST /api/v2/passwords HTTP/1.1\r\nHost: 127.0.0.1\r\n\
                    Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        // A write to a connection the server closed fails; the read says so.
        let _ = raw.writer().write_all(head.as_bytes()).await;
        tokio::time::sleep(Duration::from_millis(1)).await;
        let _ = raw
            .writer()
            .write_all(b"11\r\n{\"password\": \"x\"}\r\n0\r\n\r\n")
            .await;
        match raw.read(SOON).await {
            Outcome::Answered(answer) => {
                assert_eq!(answer.status, 401);
                assert!(
                    !answer.closes(),
                    "a small chunked body is drained: {answer:?}"
                );
            }
            Outcome::ClosedWithoutAnswer => panic!("a request after a chunked refusal was dropped"),
        }
    }

    let mut raw = Raw::connect(app.port).await;
    let body = br#"{"password": "never sent"}"#;
    let head = format!(
        "POST /api/v2/passwords HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nExpect: 100-continue\r\n\r\n",
        body.len()
    );
    raw.writer().write_all(head.as_bytes()).await.unwrap();
    match raw.read(SOON).await {
        Outcome::Answered(answer) => {
            assert_eq!(answer.status, 401, "no 100 Continue first: {answer:?}");
            assert!(answer.closes(), "{answer:?}");
        }
        Outcome::ClosedWithoutAnswer => panic!("no answer"),
    }
    assert!(raw.closed_within(SOON).await.is_some());
}

/// A body too large to be worth draining is not read: the answer says the
/// connection closes, the client gets that answer whole (not a reset), and
/// a new connection works.
#[tokio::test]
async fn a_large_unread_body_closes_the_connection_and_says_so() {
    let app = spawn_app_with(|c| c.api_auth = ApiAuth::Required).await;
    let body = vec![b'x'; 2 * 1024 * 1024];
    for _ in 0..5 {
        let mut raw = Raw::connect(app.port).await;
        raw.send("POST", "/api/v2/passwords", "", &body).await;
        match raw.read(Duration::from_secs(10)).await {
            Outcome::Answered(answer) => {
                assert_eq!(answer.status, 401);
                assert!(answer.closes(), "{answer:?}");
                let problem: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
                assert!(problem["title"].is_string(), "{problem}");
            }
            Outcome::ClosedWithoutAnswer => panic!("no answer to a large refused body"),
        }
    }
    let r = client().get(app.url("/_/_/health")).send().await.unwrap();
    assert_eq!(r.status(), 200);
}

/// Generous bounds: the timeouts under test are one or two seconds; these
/// only say "it happened, and not never".
const SOON: Duration = Duration::from_secs(8);

#[tokio::test]
async fn a_half_sent_head_is_closed_after_the_header_timeout() {
    let app = spawn_app_with(|c| {
        c.header_timeout = 1;
        c.idle_timeout = 60;
    })
    .await;
    let mut raw = Raw::connect(app.port).await;
    raw.writer()
        .write_all(b"GET /_/_/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        .await
        .unwrap();
    // Bytes that keep trickling do not extend the header timeout.
    let trickle = async {
        for _ in 0..40 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if raw.writer().write_all(b"a").await.is_err() {
                return;
            }
        }
    };
    trickle.await;
    let closed = raw.closed_within(SOON).await;
    assert!(
        closed.is_some(),
        "a half-sent head kept its connection open"
    );

    // A silent new connection is closed too.
    let mut silent = Raw::connect(app.port).await;
    assert!(
        silent.closed_within(SOON).await.is_some(),
        "a silent connection stayed open"
    );
}

/// A request head over 64 KiB gets 431 (a slow client cannot make the
/// server buffer hyper's default of about 400 KiB per connection).
#[tokio::test]
async fn an_oversized_head_gets_431() {
    let app = spawn_app_with(|_| {}).await;
    let mut raw = Raw::connect(app.port).await;
    let padding = "a".repeat(100 * 1024);
    let head =
        format!("GET /_/_/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: {padding}\r\n\r\n");
    let _ = raw.writer().write_all(head.as_bytes()).await;
    match raw.read(SOON).await {
        Outcome::Answered(answer) => assert_eq!(answer.status, 431, "{:?}", answer.status),
        Outcome::ClosedWithoutAnswer => panic!("closed without an answer"),
    }
    // A normal head is fine.
    let r = client().get(app.url("/_/_/health")).send().await.unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed_after_the_idle_timeout() {
    let app = spawn_app_with(|c| {
        c.header_timeout = 30;
        c.idle_timeout = 1;
    })
    .await;
    let mut raw = Raw::connect(app.port).await;
    raw.send("GET", "/_/_/health", "", b"").await;
    match raw.read(SOON).await {
        Outcome::Answered(answer) => {
            assert_eq!(answer.status, 200);
            assert!(!answer.closes(), "{answer:?}");
        }
        Outcome::ClosedWithoutAnswer => panic!("no answer"),
    }
    let idle_for = raw.closed_within(SOON).await;
    assert!(idle_for.is_some(), "an idle connection stayed open");
    // Closed by the idle timeout (1 s), not by the header timeout (30 s).
    assert!(idle_for < Some(Duration::from_secs(5)), "{idle_for:?}");
}

#[tokio::test]
async fn a_trickled_body_is_cut_off_with_408_at_the_body_deadline() {
    let app = spawn_app_with(|c| c.body_timeout = 1).await;
    let mut raw = Raw::connect(app.port).await;
    let body = br#"{"password": "trickled a byte at a time, far too slowly"}"#;
    let head = format!(
        "POST /api/v2/passwords HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        body.len()
    );
    raw.writer().write_all(head.as_bytes()).await.unwrap();
    let mut writer = raw.writer.take().unwrap();
    // 56 bytes at 4 a second: 14 s, where the deadline allows 1 s.
    let trickler = tokio::spawn(async move {
        for byte in body {
            if writer.write_all(&[*byte]).await.is_err() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(250)).await;
        }
    });
    let started = Instant::now();
    let answer = match raw.read(SOON).await {
        Outcome::Answered(answer) => answer,
        Outcome::ClosedWithoutAnswer => panic!("closed without an answer"),
    };
    assert!(started.elapsed() < SOON);
    assert_eq!(answer.status, 408, "{answer:?}");
    assert!(answer.closes(), "{answer:?}");
    assert_eq!(
        answer.header("content-type"),
        Some("application/problem+json")
    );
    let problem: serde_json::Value = serde_json::from_slice(&answer.body).unwrap();
    assert_eq!(problem["invalid-params"][0]["name"], "body", "{problem}");
    assert!(raw.closed_within(SOON).await.is_some());
    trickler.abort();
    // Nothing was stored, and the server serves others as before.
    let r = client().get(app.url("/_/_/health")).send().await.unwrap();
    assert_eq!(r.status(), 200);
}

/// With the cap at 2, two silent sockets fill it: a third connection's
/// request waits (it is not accepted, so it costs the server no file
/// descriptor), the metrics listener and the admin socket still answer, the
/// silent sockets are closed by the header timeout, and the waiting request
/// is then answered.
#[tokio::test]
async fn the_connection_cap_holds_and_frees_as_timeouts_close_sockets() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    let app = spawn_app_in(&data_dir, |c| {
        c.max_connections = Some(2);
        c.header_timeout = 3;
        c.metrics_addr = Some("127.0.0.1:0".into());
    })
    .await;
    let mut silent = [Raw::connect(app.port).await, Raw::connect(app.port).await];
    // Let the server accept both before the third arrives.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let opened = Instant::now();
    let mut waiting = Raw::connect(app.port).await;
    waiting.send("GET", "/_/_/health", "", b"").await;
    let early = tokio::time::timeout(Duration::from_secs(1), waiting.read_answer()).await;
    assert!(
        early.is_err(),
        "a connection over the cap was served: {early:?}"
    );

    let metrics = client()
        .get(format!(
            "http://127.0.0.1:{}/metrics",
            app.metrics_port.unwrap()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(metrics.status(), 200);
    let admin =
        hushlink::admin_socket::request(&data_dir, axum::http::Method::GET, "/_/_/health", None)
            .await
            .unwrap()
            .expect("the admin socket answers");
    assert_eq!(admin.0, 200);

    for socket in &mut silent {
        assert!(socket.closed_within(SOON).await.is_some());
    }
    match waiting.read(SOON).await {
        Outcome::Answered(answer) => assert_eq!(answer.status, 200),
        Outcome::ClosedWithoutAnswer => panic!("the waiting request was dropped"),
    }
    assert!(opened.elapsed() >= Duration::from_secs(1));
}

/// CPU time (user + system, in clock ticks) a process has used so far.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let (_, rest) = stat.rsplit_once(')').unwrap();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 and 15 of the line (utime, stime); `rest` starts at field 3.
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

/// A server that runs out of file descriptors (its limit lowered to 64 while
/// it runs, the connection cap set far above) pauses its accepts instead of
/// spinning, and serves a normal request once the header timeout has closed
/// the silent sockets that used the descriptors up.
#[tokio::test]
async fn out_of_file_descriptors_accepts_back_off_and_recover() {
    let dir = tempfile::tempdir().unwrap();
    let envs = [
        (
            "HUSHLINK_DATA_DIR",
            dir.path().join("data").display().to_string(),
        ),
        ("HUSHLINK_HEADER_TIMEOUT", "2".to_owned()),
        ("HUSHLINK_MAX_CONNECTIONS", "100000".to_owned()),
    ];
    let log = dir.path().join("log");
    let server = ServerProcess::start(&envs, &log).await;
    let pid = server.child.id();
    let lowered = std::process::Command::new("prlimit")
        .args([format!("--pid={pid}"), "--nofile=64:64".to_owned()])
        .status();
    if !lowered.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: cannot lower the server's open-file limit with prlimit here");
        return;
    }
    let mut silent = Vec::new();
    for _ in 0..120 {
        silent.push(
            TcpStream::connect(("127.0.0.1", server.port))
                .await
                .unwrap(),
        );
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let before = cpu_ticks(pid);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let used = cpu_ticks(pid) - before;
    // A spinning accept loop burns the whole 1.5 s (150 ticks).
    assert!(
        used < 50,
        "{used} ticks of CPU in 1.5 s while out of descriptors"
    );

    let r = client()
        .get(server.url("/_/_/health"))
        .timeout(Duration::from_secs(40))
        .send()
        .await
        .expect("a normal request is served once silent sockets are closed");
    assert_eq!(r.status(), 200);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("cannot accept connections"), "{text}");
    drop(silent);
}

/// Start-up says which address to open, with the scheme, host and prefix
/// the links will use.
#[tokio::test]
async fn start_up_names_the_address_to_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data").display().to_string();
    let log = dir.path().join("log1");
    let server = ServerProcess::start(
        &[
            ("HUSHLINK_DATA_DIR", data.clone()),
            ("URL_PREFIX", "s".into()),
        ],
        &log,
    )
    .await;
    let text = std::fs::read_to_string(&log).unwrap();
    let wanted = format!("url=http://127.0.0.1:{}/s/", server.port);
    assert!(text.contains(&wanted), "no {wanted} in:\n{text}");
    assert!(!text.contains("every network interface"), "{text}");
    drop(server);

    let log = dir.path().join("log2");
    let _server = ServerProcess::start(
        &[
            ("HUSHLINK_DATA_DIR", data),
            ("NO_SSL", "false".into()),
            ("HOST_OVERRIDE", "secrets.example.com".into()),
        ],
        &log,
    )
    .await;
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.contains("url=https://secrets.example.com/"), "{text}");
}

/// The HTTP/2 connection preface and an empty SETTINGS frame.
const H2_PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00";

/// Reads HTTP/2 frames until the server's (non-ACK) SETTINGS frame; its
/// parameters as (identifier, value).
async fn server_settings(raw: &mut Raw) -> Vec<(u16, u32)> {
    loop {
        while raw.buffered.len() < 9 {
            assert!(raw.fill().await, "closed before SETTINGS");
        }
        let length =
            u32::from_be_bytes([0, raw.buffered[0], raw.buffered[1], raw.buffered[2]]) as usize;
        while raw.buffered.len() < 9 + length {
            assert!(raw.fill().await, "closed inside a frame");
        }
        let frame: Vec<u8> = raw.buffered.drain(..9 + length).collect();
        let (kind, flags) = (frame[3], frame[4]);
        if kind == 4 && flags & 1 == 0 {
            return frame[9..]
                .chunks(6)
                .map(|p| {
                    (
                        u16::from_be_bytes([p[0], p[1]]),
                        u32::from_be_bytes([p[2], p[3], p[4], p[5]]),
                    )
                })
                .collect();
        }
    }
}

/// HTTP/2 (cleartext, prior knowledge): the stream cap is announced to the
/// client, and a connection without streams is closed after the idle timeout.
#[tokio::test]
async fn http2_connections_have_a_stream_cap_and_an_idle_timeout() {
    let app = spawn_app_with(|c| {
        c.max_h2_streams = 7;
        c.idle_timeout = 1;
        c.header_timeout = 30;
    })
    .await;
    let mut raw = Raw::connect(app.port).await;
    raw.writer().write_all(H2_PREFACE).await.unwrap();
    let settings = server_settings(&mut raw).await;
    // SETTINGS_MAX_CONCURRENT_STREAMS is parameter 3.
    assert!(settings.contains(&(3, 7)), "{settings:?}");
    let idle_for = raw.closed_within(SOON).await;
    assert!(idle_for.is_some(), "an idle HTTP/2 connection stayed open");
}

/// The body deadline holds on HTTP/2 too: a trickled stream gets 408 (and
/// the connection serves other streams).
#[tokio::test]
async fn a_trickled_http2_body_gets_408() {
    use http_body_util::{BodyExt, StreamBody};
    use hyper::body::Frame;

    let app = spawn_app_with(|c| c.body_timeout = 1).await;
    let stream = TcpStream::connect(("127.0.0.1", app.port)).await.unwrap();
    let (mut sender, connection) = hyper::client::conn::http2::handshake(
        hyper_util::rt::TokioExecutor::new(),
        hyper_util::rt::TokioIo::new(stream),
    )
    .await
    .unwrap();
    let driver = tokio::spawn(connection);
    let trickle = futures_util::stream::unfold(0u8, |n| async move {
        if n >= 40 {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
        let chunk = if n == 0 { &b"{"[..] } else { &b" "[..] };
        Some((
            Ok::<_, std::convert::Infallible>(Frame::data(axum::body::Bytes::from_static(chunk))),
            n + 1,
        ))
    });
    let request = axum::http::Request::post(app.url("/api/v2/passwords"))
        .header("content-type", "application/json")
        .body(StreamBody::new(trickle).boxed())
        .unwrap();
    let response = tokio::time::timeout(SOON, sender.send_request(request))
        .await
        .expect("an answer before the trickle ends")
        .unwrap();
    assert_eq!(response.status(), 408);
    let problem: serde_json::Value =
        serde_json::from_slice(&response.into_body().collect().await.unwrap().to_bytes()).unwrap();
    assert_eq!(problem["invalid-params"][0]["name"], "body");

    let health = axum::http::Request::get(app.url("/_/_/health"))
        .body(http_body_util::Full::new(axum::body::Bytes::new()).boxed())
        .unwrap();
    let response = sender.send_request(health).await.unwrap();
    assert_eq!(response.status(), 200);
    driver.abort();
}
