//! hushlink at scale: a Redis Cluster, many stateless instances over one
//! Redis, and the faults they must survive (a master lost under load, an
//! instance killed under load, Redis restarted). The conformance tests that
//! use `both_backends()` run on a cluster too.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use fernet::Fernet;
use hushlink::apikey::ApiKey;
use serde_json::{Value, json};

use crate::helpers::{
    RedisCluster, RedisServer, ServerProcess, client, quote_plus, shared_cluster, spawn_cluster_app,
};

/// How long a fault may keep a request failing before the system must
/// serve again: the cluster's node timeout (1 s) plus failover and the
/// client's slot refresh, with a wide margin for a loaded machine.
const RECOVERY_BOUND: Duration = Duration::from_secs(60);

/// Creates a secret at `base` (optionally with a key); `None` on any status
/// but 200 (the caller decides whether that is allowed).
async fn try_create(
    http: &reqwest::Client,
    base: &str,
    password: &str,
    key: Option<&str>,
) -> Option<String> {
    let mut request = http
        .post(format!("{base}/api/v2/passwords"))
        .json(&json!({ "password": password }));
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let r = request.send().await.ok()?;
    if r.status() != 200 {
        return None;
    }
    r.json::<Value>().await.ok()?["token"]
        .as_str()
        .map(str::to_owned)
}

/// Makes an API key with the `create` scope through the admin API at
/// `base`, and returns it.
async fn make_key(http: &reqwest::Client, base: &str, admin: &str, name: &str) -> String {
    let made: Value = http
        .post(format!("{base}/api/v2/keys"))
        .bearer_auth(admin)
        .json(&json!({ "name": name, "scopes": ["create"] }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    made["key"].as_str().unwrap().to_owned()
}

/// Reveals through the API: the status and the password, if any.
async fn reveal(http: &reqwest::Client, base: &str, token: &str) -> (u16, Option<String>) {
    let url = format!("{base}/api/v2/passwords/{}", quote_plus(token));
    match http.get(url).send().await {
        Ok(r) => {
            let status = r.status().as_u16();
            let body: Value = r.json().await.unwrap_or(Value::Null);
            (status, body["password"].as_str().map(str::to_owned))
        }
        Err(_) => (0, None),
    }
}

/// Reveals, retrying only while the store is unavailable (503 or no
/// answer) during a fault; any other answer is final.
async fn reveal_through_fault(
    http: &reqwest::Client,
    base: &str,
    token: &str,
) -> (u16, Option<String>) {
    let deadline = Instant::now() + RECOVERY_BOUND;
    loop {
        let (status, password) = reveal(http, base, token).await;
        if !matches!(status, 0 | 503) || Instant::now() > deadline {
            return (status, password);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Steady traffic: create then reveal, in a loop, over `bases` in turn,
/// until stopped. Counts successes, and any wrong answer (a reveal that
/// shows another secret, or a 5xx other than 503) as a violation.
struct Load {
    stop: Arc<AtomicBool>,
    ok: Arc<AtomicU64>,
    violations: Arc<AtomicU64>,
    task: tokio::task::JoinHandle<()>,
}

impl Load {
    fn start(bases: Vec<String>) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let ok = Arc::new(AtomicU64::new(0));
        let violations = Arc::new(AtomicU64::new(0));
        let (s, o, v) = (stop.clone(), ok.clone(), violations.clone());
        let task = tokio::spawn(async move {
            let http = client();
            let mut i = 0u64;
            while !s.load(Ordering::Relaxed) {
                i += 1;
                let base = &bases[i as usize % bases.len()];
                let password = format!("load-{i}");
                let Some(token) = try_create(&http, base, &password, None).await else {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                };
                let reader = &bases[(i as usize + 1) % bases.len()];
                match reveal(&http, reader, &token).await {
                    (200, Some(p)) if p == password => o.fetch_add(1, Ordering::Relaxed),
                    (0 | 503, _) => 0,
                    _ => v.fetch_add(1, Ordering::Relaxed),
                };
            }
        });
        Load {
            stop,
            ok,
            violations,
            task,
        }
    }

    fn ok(&self) -> u64 {
        self.ok.load(Ordering::Relaxed)
    }

    async fn finish(self) -> (u64, u64) {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.task.await;
        (
            self.ok.load(Ordering::Relaxed),
            self.violations.load(Ordering::Relaxed),
        )
    }
}

/// Waits until the load has made `more` successful round trips past `from`.
async fn wait_for_progress(load: &Load, from: u64, more: u64, what: &str) {
    let deadline = Instant::now() + RECOVERY_BOUND;
    while load.ok() < from + more {
        assert!(
            Instant::now() < deadline,
            "{what}: no progress (ok = {})",
            load.ok()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn a_cluster_loses_a_master_under_load_and_no_acknowledged_secret() {
    let cluster = tokio::task::spawn_blocking(RedisCluster::start)
        .await
        .unwrap();
    let app = spawn_cluster_app(&cluster, |_| {}).await;
    let http = client();

    // Secrets answered 200: each was on a replica before its answer.
    let mut made = Vec::new();
    for i in 0..90 {
        let password = format!("kept-{i}");
        let token = try_create(&http, &app.address, &password, None)
            .await
            .expect("create on a healthy cluster");
        made.push((token, password));
    }

    let load = Load::start(vec![app.address.clone()]);
    wait_for_progress(&load, 0, 20, "before the fault").await;
    let victim = cluster.masters()[0];
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.kill(victim);
        // The replica takes over once the others mark the master failed.
        cluster.wait_healthy();
        cluster
    })
    .await
    .unwrap();

    // Served again, without a restart: every acknowledged secret is there.
    for (token, password) in &made {
        let (status, revealed) = reveal_through_fault(&http, &app.address, token).await;
        assert_eq!(status, 200, "an acknowledged secret was lost");
        assert_eq!(revealed.as_deref(), Some(password.as_str()));
    }
    // The promoted master has no replica yet, so creates on its slots are
    // refused (503) until one is added, as an operator would.
    let mut cluster = cluster;
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.add_replica();
        cluster
    })
    .await
    .unwrap();
    let after = load.ok();
    wait_for_progress(&load, after, 50, "after the failover").await;
    let (_, violations) = load.finish().await;
    assert_eq!(violations, 0, "wrong answers under load");
    for i in 0..30 {
        try_create(&http, &app.address, &format!("after-{i}"), None)
            .await
            .expect("creates succeed on a repaired cluster");
    }
    drop(cluster);
}

#[tokio::test]
async fn a_snappass_secret_moved_into_a_cluster_is_read_and_keys_work_there() {
    let cluster = shared_cluster();
    // Its own prefix: API keys and the bootstrap mark live under it, apart
    // from every other test's.
    let token_secret = "b".repeat(40);
    let prefix = format!("scale{}", hex::encode(rand::random::<[u8; 4]>()));
    let p = prefix.clone();
    let t = token_secret.clone();
    let app = spawn_cluster_app(cluster, move |c| {
        c.redis_prefix = p;
        c.bootstrap_token = Some(t);
        c.api_auth = hushlink::config::ApiAuth::Required;
    })
    .await;

    // A SnapPass secret, written as SnapPass writes it (SET with expiry),
    // as a MIGRATE or a dump restore would leave it.
    let storage_key = format!("{prefix}{}", hex::encode(rand::random::<[u8; 16]>()));
    let key = Fernet::generate_key();
    let sealed = Fernet::new(&key).unwrap().encrypt(b"from snappass");
    let redis_client = redis::cluster::ClusterClient::new(
        cluster
            .ports
            .iter()
            .map(|p| format!("redis://127.0.0.1:{p}"))
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let mut conn = redis_client.get_async_connection().await.unwrap();
    let _: () = redis::cmd("SET")
        .arg(&storage_key)
        .arg(&sealed)
        .arg("EX")
        .arg(600)
        .query_async(&mut conn)
        .await
        .unwrap();
    let token = format!("{storage_key}~{key}");
    let http = client();
    assert_eq!(
        reveal(&http, &app.address, &token).await,
        (200, Some("from snappass".into()))
    );
    assert_eq!(reveal(&http, &app.address, &token).await.0, 404);

    // Bootstrap happens once; the key it gives makes and revokes keys.
    let boot = |http: reqwest::Client, url: String, t: String| async move {
        http.post(url).bearer_auth(t).send().await.unwrap()
    };
    let first = boot(
        http.clone(),
        app.url("/api/v2/bootstrap"),
        token_secret.clone(),
    )
    .await;
    assert_eq!(first.status(), 201);
    let admin = first.json::<Value>().await.unwrap()["key"]
        .as_str()
        .unwrap()
        .to_owned();
    let again = boot(http.clone(), app.url("/api/v2/bootstrap"), token_secret).await;
    assert_eq!(again.status(), 409);
    let ci = make_key(&http, &app.address, &admin, "ci").await;
    assert!(
        try_create(&http, &app.address, "with a key", Some(&ci))
            .await
            .is_some()
    );
    assert!(
        try_create(&http, &app.address, "without", None)
            .await
            .is_none()
    );
    let r = http
        .patch(app.url("/api/v2/keys/ci"))
        .bearer_auth(&admin)
        .json(&json!({ "disabled": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        try_create(&http, &app.address, "disabled key", Some(&ci))
            .await
            .is_none()
    );
    // The key records share one slot: the hash tag of the layout. (Other
    // keys under the prefix, such as a receipt's index, are not key records.)
    let mut names: Vec<String> = Vec::new();
    for port in &cluster.ports {
        let mut node = redis::Client::open(format!("redis://127.0.0.1:{port}"))
            .unwrap()
            .get_multiplexed_async_connection()
            .await
            .unwrap();
        let found: Vec<String> = redis::cmd("KEYS")
            .arg(format!("{prefix}:*"))
            .query_async(&mut node)
            .await
            .unwrap_or_default();
        names.extend(found.into_iter().filter(|n| n.contains(":apikeys}")));
    }
    let mut slots = std::collections::BTreeSet::new();
    for name in &names {
        let slot: u16 = redis::cmd("CLUSTER")
            .arg("KEYSLOT")
            .arg(name)
            .query_async(&mut conn)
            .await
            .unwrap();
        slots.insert(slot);
    }
    assert!(
        !names.is_empty() && slots.len() == 1,
        "{names:?} in slots {slots:?}"
    );
}

/// Two real `hushlink serve` processes over one Redis, keys required.
async fn two_instances(
    redis: &RedisServer,
    dir: &std::path::Path,
    admin: &ApiKey,
) -> [ServerProcess; 2] {
    let envs = vec![
        ("REDIS_URL", redis.url()),
        ("HUSHLINK_API_AUTH", "required".to_owned()),
        ("HUSHLINK_ADMIN_KEY_SHA256", admin.hash().to_hex()),
    ];
    [
        ServerProcess::start(&envs, &dir.join("a.log")).await,
        ServerProcess::start(&envs, &dir.join("b.log")).await,
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn instances_over_one_redis_behave_as_one_server() {
    let redis = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let admin = ApiKey::generate();
    let [a, b] = two_instances(&redis, dir.path(), &admin).await;
    let (a_url, b_url) = (a.url(""), b.url(""));
    let http = client();
    let key = Some(admin.expose());

    // Made on one, revealed on the other, once.
    let token = try_create(&http, &a_url, "across", key).await.unwrap();
    assert_eq!(
        reveal(&http, &b_url, &token).await,
        (200, Some("across".into()))
    );
    assert_eq!(reveal(&http, &a_url, &token).await.0, 404);

    // Concurrent readers spread over both instances: exactly one reveal.
    for round in 0..20 {
        let token = try_create(&http, &a_url, &format!("race-{round}"), key)
            .await
            .unwrap();
        let barrier = Arc::new(tokio::sync::Barrier::new(8));
        let readers: Vec<_> = (0..8)
            .map(|i| {
                let base = if i % 2 == 0 {
                    a_url.clone()
                } else {
                    b_url.clone()
                };
                let (http, token, barrier) = (http.clone(), token.clone(), barrier.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    reveal(&http, &base, &token).await.0
                })
            })
            .collect();
        let mut statuses = Vec::new();
        for r in readers {
            statuses.push(r.await.unwrap());
        }
        assert_eq!(
            statuses.iter().filter(|s| **s == 200).count(),
            1,
            "{statuses:?}"
        );
        assert_eq!(
            statuses.iter().filter(|s| **s == 404).count(),
            7,
            "{statuses:?}"
        );
    }

    // A key disabled on one instance is refused by the other within the
    // documented bound (a 1 s cache), here with margin for a loaded machine.
    let deploy = make_key(&http, &a_url, admin.expose(), "deploy").await;
    assert!(
        try_create(&http, &b_url, "deploy", Some(&deploy))
            .await
            .is_some()
    );
    let r = http
        .patch(format!("{a_url}/api/v2/keys/deploy"))
        .bearer_auth(admin.expose())
        .json(&json!({ "disabled": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let disabled_at = Instant::now();
    while try_create(&http, &b_url, "still?", Some(&deploy))
        .await
        .is_some()
    {
        assert!(
            disabled_at.elapsed() < Duration::from_secs(3),
            "the other instance still accepts a disabled key"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    drop((a, b));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 3)]
async fn one_instance_killed_under_load_and_redis_restarted() {
    let redis = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let envs = vec![("REDIS_URL", redis.url())];
    let mut a = ServerProcess::start(&envs, &dir.path().join("a.log")).await;
    let b = ServerProcess::start(&envs, &dir.path().join("b.log")).await;
    let (a_url, b_url) = (a.url(""), b.url(""));
    let http = client();

    let mut made = Vec::new();
    for i in 0..40 {
        let base = if i % 2 == 0 { &a_url } else { &b_url };
        let password = format!("kept-{i}");
        made.push((
            try_create(&http, base, &password, None).await.unwrap(),
            password,
        ));
    }
    // Traffic on the survivor only (a load balancer takes the dead one out).
    let load = Load::start(vec![b_url.clone()]);
    wait_for_progress(&load, 0, 20, "before the kill").await;
    a.kill9();
    let after = load.ok();
    wait_for_progress(&load, after, 50, "after one instance died").await;
    for (token, password) in &made {
        assert_eq!(
            reveal(&http, &b_url, token).await,
            (200, Some(password.clone()))
        );
    }

    // Redis restarted (empty: no persistence in this test): the instance
    // recovers by itself, and so does a new one started meanwhile.
    let port = redis.port;
    redis.kill();
    let restarted = RedisServer::start_on(port);
    let after = load.ok();
    wait_for_progress(&load, after, 50, "after Redis came back").await;
    let (_, violations) = load.finish().await;
    assert_eq!(violations, 0, "wrong answers under load");
    let c = ServerProcess::start(&envs, &dir.path().join("c.log")).await;
    let token = try_create(&http, &c.url(""), "new", None).await.unwrap();
    assert_eq!(reveal(&http, &b_url, &token).await.0, 200);
    drop((b, c, restarted));
}
