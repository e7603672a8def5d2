//! Signed webhooks, received by a real HTTP receiver started by the test:
//! every event type on the embedded store, one Redis and a Redis Cluster,
//! signatures checked by an independent implementation (Python's `hmac`,
//! in a subprocess, following the Standard Webhooks specification), a
//! receiver that refuses connections and then answers 500 for a while and
//! still gets everything once, events queued before a `kill -9` delivered
//! after the restart, the queue's bound and a refusing receiver counted,
//! and no secret, link or token in any payload, header or log line.

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hushlink::apikey::ApiKey;
use hushlink::config::Config;
use hushlink::zk::{self, Content, Kdf, LinkKey};
use serde_json::{Value, json};

use crate::helpers::{
    RedisServer, ServerProcess, TestApp, client, free_port, quote_plus, shared_cluster,
    spawn_app_on_redis, spawn_app_with, spawn_cluster_app,
};

/// One request the receiver got.
#[derive(Debug, Clone)]
struct Received {
    id: String,
    timestamp: String,
    signature: String,
    body: String,
    /// The status the receiver answered.
    answered: u16,
    headers: String,
}

/// A webhook receiver on a loopback port: records every request and answers
/// with the status set in `answer`.
struct Receiver {
    url: String,
    got: Arc<Mutex<Vec<Received>>>,
    answer: Arc<AtomicU16>,
    /// Milliseconds each answer takes.
    delay: Arc<AtomicU64>,
    _task: tokio::task::JoinHandle<()>,
}

#[derive(Clone)]
struct ReceiverState {
    got: Arc<Mutex<Vec<Received>>>,
    answer: Arc<AtomicU16>,
    delay: Arc<AtomicU64>,
}

async fn hook(State(s): State<ReceiverState>, headers: HeaderMap, body: String) -> StatusCode {
    let answered = s.answer.load(Ordering::SeqCst);
    let delay = s.delay.load(Ordering::SeqCst);
    let h = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    s.got.lock().unwrap().push(Received {
        id: h("webhook-id"),
        timestamp: h("webhook-timestamp"),
        signature: h("webhook-signature"),
        body,
        answered,
        headers: format!("{headers:?}"),
    });
    tokio::time::sleep(Duration::from_millis(delay)).await;
    StatusCode::from_u16(answered).unwrap()
}

impl Receiver {
    /// Listens on `port` (0: any free one).
    async fn start(port: u16) -> Receiver {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        let addr: SocketAddr = listener.local_addr().unwrap();
        let state = ReceiverState {
            got: Arc::default(),
            answer: Arc::new(AtomicU16::new(204)),
            delay: Arc::default(),
        };
        let app = axum::Router::new()
            .route("/hook", axum::routing::post(hook))
            .with_state(state.clone());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Receiver {
            url: format!("http://{addr}/hook"),
            got: state.got,
            answer: state.answer,
            delay: state.delay,
            _task: task,
        }
    }

    /// The requests it accepted (2xx), once `want` of them have arrived.
    async fn accepted(&self, want: usize, within: Duration) -> Vec<Received> {
        let deadline = Instant::now() + within;
        loop {
            let ok: Vec<Received> = self
                .got
                .lock()
                .unwrap()
                .iter()
                .filter(|r| (200..300).contains(&r.answered))
                .cloned()
                .collect();
            if ok.len() >= want || Instant::now() > deadline {
                return ok;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    fn all(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
}

fn new_secret() -> String {
    format!("whsec_{}", STANDARD.encode(rand::random::<[u8; 32]>()))
}

/// Checks every signature with Python's standard library, independently of
/// hushlink's code: the key is the base64 after `whsec_`, the signed text
/// `id.timestamp.body`, the header `v1,<base64 HMAC-SHA256>`. Returns
/// whether all of them hold.
fn python_verifies(secret: &str, received: &[Received]) -> bool {
    const VERIFY: &str = r#"
import base64, hashlib, hmac, json, sys
key = base64.b64decode(sys.argv[1].split("_", 1)[1])
for m in json.load(sys.stdin):
    signed = ("%s.%s.%s" % (m["id"], m["timestamp"], m["body"])).encode()
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    sigs = [s.split(",", 1)[1] for s in m["signature"].split(" ") if s.startswith("v1,")]
    if not any(hmac.compare_digest(expected, s) for s in sigs):
        print("bad signature on", m["id"])
        sys.exit(1)
print("ok")
"#;
    let messages: Vec<Value> = received
        .iter()
        .map(|r| json!({"id": r.id, "timestamp": r.timestamp, "body": r.body, "signature": r.signature}))
        .collect();
    let mut child = Command::new("python3")
        .args(["-c", VERIFY, secret])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(serde_json::to_string(&messages).unwrap().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    out.status.success() && String::from_utf8_lossy(&out.stdout).trim() == "ok"
}

/// Settings every webhook test shares: fast retries.
fn hooked(url: &str, secret: &str) -> impl Fn(&mut Config) + Clone {
    let (url, secret) = (url.to_owned(), secret.to_owned());
    move |c: &mut Config| {
        c.webhook_url = Some(url.clone());
        c.webhook_secret = Some(secret.clone());
        c.webhook_retry_base_ms = 100;
        c.webhook_timeout = 2;
    }
}

/// What a test made, and every string that must never leave the server.
#[derive(Default)]
struct Needles(Vec<String>);

impl Needles {
    fn token(&mut self, token: &str) {
        let (storage, key) = token.split_once('~').unwrap_or((token, ""));
        self.0
            .extend([token.to_owned(), quote_plus(token), storage.to_owned()]);
        if !key.is_empty() {
            self.0.push(key.to_owned());
        }
    }

    fn assert_absent(&self, text: &str, what: &str) {
        for needle in &self.0 {
            assert!(!text.contains(needle.as_str()), "{what} contains {needle}");
        }
    }
}

async fn create(app: &TestApp, body: Value, key: Option<&ApiKey>) -> Value {
    let mut r = app.client.post(app.url("/api/v2/passwords")).json(&body);
    if let Some(key) = key {
        r = r.header("x-api-key", key.expose());
    }
    let r = r.send().await.unwrap();
    assert_eq!(r.status(), 200, "create on {}", app.backend);
    r.json().await.unwrap()
}

async fn reveal(app: &TestApp, token: &str) -> u16 {
    app.client
        .get(app.password_url(token))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// A life of every kind on one server; returns the receipt ids by the
/// events each should get, in order, and the strings that must not leak.
async fn live_every_life(
    app: &TestApp,
    admin: &ApiKey,
) -> (BTreeMap<String, Vec<&'static str>>, Needles) {
    let mut expect = BTreeMap::new();
    let mut needles = Needles::default();
    needles.0.push(admin.expose().to_owned());

    // Created by a key, viewed twice.
    let a = create(
        app,
        json!({"password": "webhook-secret-A", "views": 2}),
        Some(admin),
    )
    .await;
    let token = a["token"].as_str().unwrap();
    needles.token(token);
    assert_eq!(reveal(app, token).await, 200);
    assert_eq!(reveal(app, token).await, 200);
    assert_eq!(
        reveal(app, token).await,
        404,
        "no third view, no third event"
    );
    expect.insert(
        a["receipt"]["id"].as_str().unwrap().to_owned(),
        vec!["secret.created", "secret.viewed", "secret.viewed"],
    );

    // Burned, twice (one event).
    let b = create(app, json!({"password": "webhook-secret-B"}), None).await;
    needles.token(b["token"].as_str().unwrap());
    let receipt = b["receipt"]["token"].as_str().unwrap();
    for _ in 0..2 {
        let r = app
            .client
            .delete(app.url(&format!("/api/v2/receipts/{receipt}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 204);
    }
    expect.insert(
        b["receipt"]["id"].as_str().unwrap().to_owned(),
        vec!["secret.created", "secret.burned"],
    );

    // Zero-knowledge, five wrong passphrases: destroyed.
    let key = LinkKey::generate();
    let sealed = zk::seal(&key, &Kdf::None, None, &Content::guess(b"zk-hook".to_vec())).unwrap();
    let r = app
        .client
        .post(app.url("/api/v2/secrets"))
        .json(&json!({
            "envelope": zk::b64(sealed.envelope.as_bytes()),
            "verifier": zk::b64(&sealed.verifier),
            "key_check": zk::b64(&sealed.key_check),
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let c: Value = r.json().await.unwrap();
    let id = c["id"].as_str().unwrap().to_owned();
    needles.0.push(id.clone());
    let wrong = zk::derive(&LinkKey::generate(), &Kdf::None, None)
        .unwrap()
        .proof;
    for _ in 0..5 {
        app.client
            .post(app.url(&format!("/api/v2/secrets/{id}/reveal")))
            .json(&json!({"proof": zk::b64(&wrong)}))
            .send()
            .await
            .unwrap();
    }
    let mut zk_events = vec!["secret.created"];
    zk_events.extend(["secret.passphrase_failed"; 5]);
    zk_events.push("secret.destroyed");
    expect.insert(c["receipt"]["id"].as_str().unwrap().to_owned(), zk_events);

    // Never opened: expires.
    let d = create(app, json!({"password": "webhook-secret-D", "ttl": 1}), None).await;
    needles.token(d["token"].as_str().unwrap());
    expect.insert(
        d["receipt"]["id"].as_str().unwrap().to_owned(),
        vec!["secret.created", "secret.expired"],
    );

    for made in [&a, &b, &c, &d] {
        needles
            .0
            .push(made["receipt"]["token"].as_str().unwrap().to_owned());
    }
    needles.0.extend(
        [
            "webhook-secret-A",
            "webhook-secret-B",
            "webhook-secret-D",
            "zk-hook",
        ]
        .map(String::from),
    );
    (expect, needles)
}

/// Checks what arrived against what should have, payload by payload.
fn check_deliveries(
    backend: &str,
    secret: &str,
    got: &[Received],
    expect: &BTreeMap<String, Vec<&'static str>>,
    needles: &Needles,
) {
    let mut by_receipt: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut ids = HashMap::new();
    for r in got {
        needles.assert_absent(&r.body, "a payload");
        needles.assert_absent(&r.headers, "a webhook's headers");
        *ids.entry(r.id.clone()).or_insert(0) += 1;
        assert!(r.id.starts_with("msg_"), "{}", r.id);
        assert!(r.signature.starts_with("v1,"), "{}", r.signature);
        let body: Value = serde_json::from_str(&r.body).unwrap();
        let keys: Vec<&str> = body
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["data", "timestamp", "type"], "{backend}: {body}");
        let data = body["data"].as_object().unwrap();
        for key in data.keys() {
            assert!(
                [
                    "receipt_id",
                    "views_left",
                    "expires_at",
                    "api_key_name",
                    "passphrase_attempts_left"
                ]
                .contains(&key.as_str()),
                "{backend}: unexpected field {key}"
            );
        }
        assert!(body["timestamp"].as_str().unwrap().ends_with('Z'));
        let ts: u64 = r.timestamp.parse().unwrap();
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
        assert!(
            ts <= now && ts + 120 > now,
            "webhook-timestamp is the attempt's time"
        );
        let rid = data["receipt_id"].as_str().unwrap().to_owned();
        let kind = body["type"].as_str().unwrap().to_owned();
        if kind == "secret.created" && expect.get(&rid).is_some_and(|e| e.len() == 3) {
            assert_eq!(data["api_key_name"], "admin", "{backend}: the key's name");
            assert_eq!(data["views_left"], 2);
        }
        if kind == "secret.passphrase_failed" {
            assert!(data["passphrase_attempts_left"].as_u64().unwrap() < 5);
        }
        by_receipt.entry(rid).or_default().push(kind);
    }
    assert!(
        ids.values().all(|n| *n == 1),
        "{backend}: each id once: {ids:?}"
    );
    for (rid, want) in expect {
        let mut have = by_receipt.remove(rid).unwrap_or_default();
        let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        // Delivery order is not promised; the set of events is.
        have.sort();
        want.sort();
        assert_eq!(have, want, "{backend}: events of {rid}");
    }
    assert!(by_receipt.is_empty(), "{backend}: strangers {by_receipt:?}");
    assert!(python_verifies(secret, got), "{backend}: signatures verify");
    // The verifier can fail: one changed byte and it does.
    let mut forged = got[0].clone();
    forged.body = forged.body.replacen("secret.", "secret!", 1);
    assert!(
        !python_verifies(secret, &[forged]),
        "a forged body is refused"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_event_is_signed_and_delivered_on_every_backend() {
    let admin = ApiKey::generate();
    let receiver = Receiver::start(0).await;
    let secret = new_secret();
    let redis = Arc::new(RedisServer::start());
    let settings = hooked(&receiver.url, &secret);
    let with_admin = {
        let hash = admin.hash().to_hex();
        move |c: &mut Config| {
            settings(c);
            c.admin_key_sha256 = Some(hash.clone());
        }
    };
    // A prefix of its own on the shared cluster: its queue is this test's.
    let prefix = format!("wh{}", hex::encode(rand::random::<[u8; 4]>()));
    let apps = [
        spawn_app_with(with_admin.clone()).await,
        spawn_app_on_redis(&redis, with_admin.clone()).await,
        spawn_cluster_app(shared_cluster(), {
            let with_admin = with_admin.clone();
            move |c| {
                with_admin(c);
                c.redis_prefix = prefix;
            }
        })
        .await,
    ];
    for app in &apps {
        let before = receiver.all().len();
        let (expect, needles) = live_every_life(app, &admin).await;
        let want: usize = expect.values().map(Vec::len).sum();
        assert_eq!(want, 14);
        // The expiry needs its second to pass; everything else is queued already.
        let got = receiver
            .accepted(before + want, Duration::from_secs(20))
            .await;
        let got = &got[before..];
        assert_eq!(got.len(), want, "{}: {got:#?}", app.backend);
        check_deliveries(app.backend, &secret, got, &expect, &needles);
    }
    // Nothing more arrives (no duplicate expired event from a later sweep).
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    assert_eq!(receiver.all().len(), 42);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receiver_that_is_down_then_failing_then_up_gets_everything_once() {
    let redis = Arc::new(RedisServer::start());
    for backend in ["embedded", "redis", "cluster"] {
        // Nobody listens there yet: connections are refused.
        let port = free_port();
        let url = format!("http://127.0.0.1:{port}/hook");
        let secret = new_secret();
        let settings = {
            let settings = hooked(&url, &secret);
            move |c: &mut Config| {
                settings(c);
                c.metrics_addr = Some("127.0.0.1:0".into());
            }
        };
        let app = match backend {
            "embedded" => spawn_app_with(settings).await,
            "redis" => spawn_app_on_redis(&redis, settings).await,
            _ => {
                // Its own prefix: the shared cluster's queue is this test's.
                let prefix = format!("wh{}", hex::encode(rand::random::<[u8; 4]>()));
                spawn_cluster_app(shared_cluster(), move |c| {
                    settings(c);
                    c.redis_prefix = prefix;
                })
                .await
            }
        };
        let mut receipt_ids = Vec::new();
        for i in 0..5 {
            let made = create(&app, json!({"password": format!("down-{i}")}), None).await;
            assert_eq!(reveal(&app, made["token"].as_str().unwrap()).await, 200);
            receipt_ids.push(made["receipt"]["id"].as_str().unwrap().to_owned());
        }
        tokio::time::sleep(Duration::from_millis(1_000)).await;
        // Up, but failing.
        let receiver = Receiver::start(port).await;
        receiver.answer.store(500, Ordering::SeqCst);
        let deadline = Instant::now() + Duration::from_secs(10);
        while receiver.all().len() < 10 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert!(
            receiver.all().len() >= 10,
            "{}: retried while failing",
            app.backend
        );
        receiver.answer.store(200, Ordering::SeqCst);
        let got = receiver.accepted(10, Duration::from_secs(30)).await;
        assert_eq!(got.len(), 10, "{}", app.backend);
        let mut ids: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 10, "{}: each accepted once", app.backend);
        // The failed attempts carried the same ids.
        for r in receiver.all() {
            assert!(
                ids.contains(&r.id.as_str()),
                "{}: a stable webhook-id",
                app.backend
            );
        }
        for rid in &receipt_ids {
            let n = got.iter().filter(|r| r.body.contains(rid.as_str())).count();
            assert_eq!(n, 2, "{}: created and viewed", app.backend);
        }
        // Metrics say so.
        let metrics = scrape(&app).await;
        assert!(
            metrics.contains("hushlink_webhook_deliveries_total 10"),
            "{metrics}"
        );
        let retries = metric(&metrics, "hushlink_webhook_retries_total");
        assert!(retries >= 20.0, "{}: {retries} retries", app.backend);
        let deadline = Instant::now() + Duration::from_secs(5);
        while metric(&scrape(&app).await, "hushlink_webhook_queue_depth") != 0.0 {
            assert!(Instant::now() < deadline, "the queue drains");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert_eq!(
            receiver.accepted(0, Duration::ZERO).await.len(),
            10,
            "nothing sent twice"
        );
    }
}

async fn scrape(app: &TestApp) -> String {
    let port = app.metrics_port.expect("metrics on");
    client()
        .get(format!("http://127.0.0.1:{port}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or(-1.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_drops_new_events_and_a_refusing_receiver_is_not_retried() {
    let receiver = Receiver::start(0).await;
    let secret = new_secret();
    // Nobody at that address: the queue fills and stays full.
    let down = format!("http://127.0.0.1:{}/hook", free_port());
    let settings = hooked(&down, &secret);
    let app = spawn_app_with(move |c| {
        settings(c);
        c.webhook_queue_max = 2;
        c.metrics_addr = Some("127.0.0.1:0".into());
    })
    .await;
    for i in 0..4 {
        // Creates and reveals never fail for the queue's sake.
        let made = create(&app, json!({"password": format!("full-{i}")}), None).await;
        assert_eq!(reveal(&app, made["token"].as_str().unwrap()).await, 200);
    }
    let metrics = scrape(&app).await;
    assert!(
        metrics.contains("hushlink_webhook_dropped_total{reason=\"queue_full\"} 6"),
        "{metrics}"
    );
    // The gauge is read about once a second.
    let deadline = Instant::now() + Duration::from_secs(5);
    while metric(&scrape(&app).await, "hushlink_webhook_queue_depth") != 2.0 {
        assert!(Instant::now() < deadline, "the queue holds its bound");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A 4xx answer (other than 408/429) is final: one attempt, dropped.
    let settings = hooked(&receiver.url, &secret);
    let app = spawn_app_with(move |c| {
        settings(c);
        c.metrics_addr = Some("127.0.0.1:0".into());
    })
    .await;
    receiver.answer.store(400, Ordering::SeqCst);
    create(&app, json!({"password": "refused"}), None).await;
    let deadline = Instant::now() + Duration::from_secs(5);
    while receiver.all().is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(1_000)).await;
    assert_eq!(receiver.all().len(), 1, "not retried");
    let metrics = scrape(&app).await;
    assert!(
        metrics.contains("hushlink_webhook_dropped_total{reason=\"rejected\"} 1"),
        "{metrics}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_webhook_secret_or_url_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    for (url, secret, says) in [
        ("http://127.0.0.1:9/hook", Some("not-a-secret"), "whsec_"),
        (
            "http://127.0.0.1:9/hook",
            Some("whsec_c2hvcnQ="),
            "24 to 64 bytes",
        ),
        ("http://127.0.0.1:9/hook", None, "HUSHLINK_WEBHOOK_SECRET"),
        (
            "ftp://example.com/",
            Some("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
            "http:// or https://",
        ),
    ] {
        let mut config = Config::for_tests(dir.path().join("data"));
        config.webhook_url = Some(url.into());
        config.webhook_secret = secret.map(String::from);
        let e = match hushlink::Application::build(&config).await {
            Ok(_) => panic!("{url} {secret:?} accepted"),
            Err(e) => format!("{e:#}"),
        };
        assert!(e.contains(says), "{e}");
        if let Some(secret) = secret {
            assert!(
                !e.contains(&secret[6..]) || secret.len() < 10,
                "the secret is not echoed: {e}"
            );
        }
    }
}

/// Events accepted before a `kill -9` are in the store (the embedded file,
/// or Redis), and the next start delivers them; nothing secret reaches the
/// log, at trace level.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_queued_before_a_crash_are_delivered_after_the_restart() {
    let redis = RedisServer::start();
    for backend in ["embedded", "redis"] {
        crash_and_restart(backend, &redis).await;
    }
}

async fn crash_and_restart(backend: &str, redis: &RedisServer) {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let secret = new_secret();
    let store = match backend {
        "embedded" => (
            "HUSHLINK_DATA_DIR",
            dir.path().join("data").display().to_string(),
        ),
        _ => ("REDIS_URL", redis.url()),
    };
    let envs = vec![
        store,
        (
            "HUSHLINK_WEBHOOK_URL",
            format!("http://127.0.0.1:{port}/hook"),
        ),
        ("HUSHLINK_WEBHOOK_SECRET", secret.clone()),
        ("HUSHLINK_WEBHOOK_RETRY_BASE_MS", "100".into()),
        // On Redis, what the dead instance had claimed waits for the lease
        // (this timeout + 10 s) before the next one takes it.
        ("HUSHLINK_WEBHOOK_TIMEOUT", "2".into()),
        ("RUST_LOG", "trace".into()),
    ];
    let log = dir.path().join("first.log");
    let mut server = ServerProcess::start(&envs, &log).await;
    let client = client();
    let mut needles = Needles::default();
    let mut receipt_ids = Vec::new();
    for i in 0..4 {
        let r = client
            .post(server.url("/api/v2/passwords"))
            .json(&json!({"password": format!("crash-secret-{i}")}))
            .send()
            .await
            .unwrap();
        let made: Value = r.json().await.unwrap();
        let token = made["token"].as_str().unwrap();
        needles.token(token);
        needles.0.push(format!("crash-secret-{i}"));
        needles
            .0
            .push(made["receipt"]["token"].as_str().unwrap().to_owned());
        receipt_ids.push(made["receipt"]["id"].as_str().unwrap().to_owned());
        let r = client
            .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    server.kill9();
    let first_log = std::fs::read_to_string(&log).unwrap();
    assert!(
        first_log.contains("webhook delivery failed; will retry"),
        "{backend}: {first_log}"
    );

    let receiver = Receiver::start(port).await;
    let log2 = dir.path().join("second.log");
    let mut server = ServerProcess::start(&envs, &log2).await;
    let got = receiver.accepted(8, Duration::from_secs(40)).await;
    assert_eq!(got.len(), 8, "{backend}: {got:#?}");
    for rid in &receipt_ids {
        let kinds: Vec<String> = got
            .iter()
            .filter(|r| r.body.contains(rid.as_str()))
            .map(|r| {
                serde_json::from_str::<Value>(&r.body).unwrap()["type"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(kinds.len(), 2, "{kinds:?}");
        assert!(
            kinds.contains(&"secret.created".into()) && kinds.contains(&"secret.viewed".into())
        );
    }
    assert!(python_verifies(&secret, &got));
    assert!(server.terminate().success());
    let text = first_log + &std::fs::read_to_string(&log2).unwrap();
    needles.0.push(secret[6..].to_owned());
    needles.assert_absent(&text, "the log");
    for r in &got {
        assert!(!text.contains(&r.body), "a payload in the log");
    }
}

/// Two instances over one Redis share one queue: what either accepted is
/// delivered once, whichever instance sends it, and nothing is queued in
/// Redis by an instance without a webhook URL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_sharing_a_redis_deliver_each_event_once() {
    let redis = Arc::new(RedisServer::start());
    let plain = spawn_app_on_redis(&redis, |_| {}).await;
    let made = create(&plain, json!({"password": "no-hooks"}), None).await;
    assert_eq!(reveal(&plain, made["token"].as_str().unwrap()).await, 200);
    let mut conn = redis.connection();
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("*webhooks*")
        .query(&mut conn)
        .unwrap();
    assert!(keys.is_empty(), "without a URL nothing is queued: {keys:?}");

    let receiver = Receiver::start(0).await;
    // Slow answers: both instances' workers look at the queue while the
    // other's deliveries are in flight; only the lease keeps them apart.
    receiver.delay.store(700, Ordering::SeqCst);
    let secret = new_secret();
    let one = spawn_app_on_redis(&redis, hooked(&receiver.url, &secret)).await;
    let two = spawn_app_on_redis(&redis, hooked(&receiver.url, &secret)).await;
    for i in 0..10 {
        let (maker, reader) = if i % 2 == 0 {
            (&one, &two)
        } else {
            (&two, &one)
        };
        let made = create(maker, json!({"password": format!("shared-{i}")}), None).await;
        assert_eq!(reveal(reader, made["token"].as_str().unwrap()).await, 200);
    }
    let got = receiver.accepted(20, Duration::from_secs(30)).await;
    assert_eq!(got.len(), 20);
    tokio::time::sleep(Duration::from_millis(2_000)).await;
    let all = receiver.all();
    let mut ids: Vec<&str> = all.iter().map(|r| r.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!((all.len(), ids.len()), (20, 20), "each event sent once");
    assert!(python_verifies(&secret, &all));
    drop(plain);
}
