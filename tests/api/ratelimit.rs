//! The create rate limit (`HUSHLINK_CREATE_RATE`) and the client address
//! rule it shares with the bootstrap brake (`HUSHLINK_TRUSTED_PROXIES`).

use serde_json::{Value, json};

use std::sync::Arc;

use crate::helpers::{
    RedisServer, TestApp, shared_cluster, spawn_app_on_redis, spawn_app_with, spawn_cluster_app,
};

/// Creates one secret through the REST API, as `forwarded_for` (when set);
/// the status.
async fn create_as(app: &TestApp, forwarded_for: Option<&str>) -> u16 {
    let mut request = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({"password": "p"}));
    if let Some(client) = forwarded_for {
        request = request.header("x-forwarded-for", client);
    }
    request.send().await.unwrap().status().as_u16()
}

#[tokio::test]
async fn creates_over_the_rate_get_429_on_every_create_route() {
    let app = spawn_app_with(|c| c.create_rate = 3).await;
    for _ in 0..3 {
        assert_eq!(create_as(&app, None).await, 200);
    }
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({"password": "p"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=20).contains(&wait), "{wait}");
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let problem: Value = r.json().await.unwrap();
    assert!(
        problem["title"].as_str().unwrap().contains("Too many"),
        "{problem}"
    );
    // The one error type's problem document, typed under the base URL.
    assert_eq!(problem["type"], app.url("/too-many-creates"), "{problem}");

    // SnapPass's API and the form count against the same limit.
    let r = app
        .client
        .post(app.url("/api/set_password/"))
        .json(&json!({"password": "p"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let r = app
        .client
        .post(app.url("/"))
        .form(&[("password", "p"), ("ttl", "hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(r.headers().contains_key("retry-after"));
    // The page is in the client's language, and says how long to wait.
    let r = app
        .client
        .post(app.url("/"))
        .header("accept-language", "de")
        .form(&[("password", "p"), ("ttl", "hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429);
    let wait = r.headers()["retry-after"].to_str().unwrap().to_owned();
    let page = r.text().await.unwrap();
    assert!(page.contains("Zu viele Geheimnisse"), "{page}");
    assert!(page.contains(&format!("in {wait} Sekunden")), "{page}");

    // Reading is not limited.
    let r = app.client.get(app.url("/")).send().await.unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn forwarded_addresses_count_only_from_a_trusted_proxy() {
    // The test client is 127.0.0.1: untrusted here, so the header it sends
    // is ignored and every create counts against 127.0.0.1.
    let app = spawn_app_with(|c| c.create_rate = 2).await;
    assert_eq!(create_as(&app, Some("203.0.113.1")).await, 200);
    assert_eq!(create_as(&app, Some("203.0.113.2")).await, 200);
    assert_eq!(create_as(&app, Some("203.0.113.3")).await, 429);

    // Behind a trusted proxy (127.0.0.1), each forwarded client has its own.
    let app = spawn_app_with(|c| {
        c.create_rate = 2;
        c.trusted_proxies = Some("127.0.0.1/32, 10.0.0.0/8".into());
    })
    .await;
    for _ in 0..2 {
        assert_eq!(create_as(&app, Some("203.0.113.1")).await, 200);
    }
    assert_eq!(create_as(&app, Some("203.0.113.1")).await, 429);
    // A hop through another trusted proxy is skipped; a forged left part is not believed.
    assert_eq!(
        create_as(&app, Some("198.51.100.9, 203.0.113.1, 10.0.0.3")).await,
        429
    );
    assert_eq!(create_as(&app, Some("203.0.113.2")).await, 200);
    // RFC 7239 `Forwarded`, IPv6 with a port.
    for status in [200, 200, 429] {
        let r = app
            .client
            .post(app.url("/api/v2/passwords"))
            .header("forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https")
            .json(&json!({"password": "p"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), status);
    }
    // The proxy's own requests (no header) count as the proxy.
    assert_eq!(create_as(&app, None).await, 200);
}

/// The bootstrap brake counts wrong tokens by the same client address.
#[tokio::test]
async fn the_bootstrap_brake_counts_forwarded_clients() {
    let app = spawn_app_with(|c| {
        c.bootstrap_token = Some("the-bootstrap-token-0123456789abcdef".into());
        c.trusted_proxies = Some("127.0.0.1".into());
    })
    .await;
    let attempt = |client: &'static str| {
        app.client
            .post(app.url("/api/v2/bootstrap"))
            .header("x-forwarded-for", client)
            .bearer_auth("a-wrong-guess-0123456789abcdef-0123")
            .json(&json!({"name": "a"}))
            .send()
    };
    for _ in 0..hushlink::bootstrap::MAX_FAILURES {
        assert_eq!(attempt("203.0.113.1").await.unwrap().status(), 401);
    }
    assert_eq!(attempt("203.0.113.1").await.unwrap().status(), 429);
    // Another client behind the same proxy is not held up by the first.
    assert_eq!(attempt("203.0.113.2").await.unwrap().status(), 401);
}

#[tokio::test]
async fn a_bad_trusted_proxies_setting_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = hushlink::config::Config::for_tests(dir.path().join("data"));
    config.trusted_proxies = Some("10.0.0.0/8, proxy.internal".into());
    let error = hushlink::Application::build(&config)
        .await
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    assert!(error.contains("HUSHLINK_TRUSTED_PROXIES"), "{error}");
    assert!(error.contains("proxy.internal"), "{error}");
}

/// Over one Redis, every instance draws from the same bucket per client:
/// three creates a minute from one address, however they are spread over
/// two instances; behind a trusted proxy, two clients are counted apart.
#[tokio::test]
async fn instances_over_one_redis_share_each_clients_rate() {
    let redis = Arc::new(RedisServer::start());
    let limited = |c: &mut hushlink::config::Config| {
        c.create_rate = 3;
        c.trusted_proxies = Some("127.0.0.1".into());
    };
    let a = spawn_app_on_redis(&redis, limited).await;
    // With metrics served, the store is wrapped (timed): the count must
    // still reach Redis.
    let b = spawn_app_on_redis(&redis, |c| {
        limited(c);
        c.metrics_addr = Some("127.0.0.1:0".into());
    })
    .await;
    let client = Some("203.0.113.1");
    assert_eq!(create_as(&a, client).await, 200);
    assert_eq!(create_as(&b, client).await, 200);
    assert_eq!(create_as(&a, client).await, 200);
    // Per process, each instance would still allow this client two more.
    assert_eq!(create_as(&b, client).await, 429);
    assert_eq!(create_as(&a, client).await, 429);
    // Another client behind the same proxy has a bucket of its own, on
    // both instances; so has the proxy itself.
    assert_eq!(create_as(&b, Some("203.0.113.2")).await, 200);
    assert_eq!(create_as(&a, Some("203.0.113.2")).await, 200);
    assert_eq!(create_as(&a, None).await, 200);

    // The bucket is one small key that expires once full again (3 a
    // minute: within a minute), under the prefix, never a secret's name.
    let mut redis_conn = redis.connection();
    let ttl_ms: i64 = redis::cmd("PTTL")
        .arg("snappass:rate:203.0.113.1")
        .query(&mut redis_conn)
        .unwrap();
    assert!((1..=60_000).contains(&ttl_ms), "{ttl_ms}");
    let keys: Vec<String> = redis::cmd("KEYS")
        .arg("snappass:rate:*")
        .query(&mut redis_conn)
        .unwrap();
    assert_eq!(keys.len(), 3, "{keys:?}");
}

/// The same over a Redis Cluster (whichever master holds the bucket).
#[tokio::test]
async fn instances_over_a_cluster_share_each_clients_rate() {
    let limited = |c: &mut hushlink::config::Config| {
        c.create_rate = 2;
        c.trusted_proxies = Some("127.0.0.1".into());
    };
    let a = spawn_cluster_app(shared_cluster(), limited).await;
    let b = spawn_cluster_app(shared_cluster(), limited).await;
    // The cluster is shared by this run's tests: an address of our own.
    let [x, y, z]: [u8; 3] = rand::random();
    let client = format!("10.{x}.{y}.{z}");
    let client = Some(client.as_str());
    assert_eq!(create_as(&a, client).await, 200);
    assert_eq!(create_as(&b, client).await, 200);
    assert_eq!(create_as(&a, client).await, 429);
    assert_eq!(create_as(&b, client).await, 429);
}

/// While Redis cannot count, each instance counts by itself: creates are
/// still limited (here answered 429 rather than the store's 503), not
/// refused for the limiter's sake and not let through uncounted.
#[tokio::test]
async fn without_redis_each_instance_counts_by_itself() {
    let redis = Arc::new(RedisServer::start());
    let app = spawn_app_on_redis(&redis, |c| {
        c.create_rate = 2;
        c.store_timeout_ms = 1_000;
    })
    .await;
    assert_eq!(create_as(&app, None).await, 200);
    redis.kill();
    // The shared bucket had one left; the process's own bucket is full.
    assert_eq!(create_as(&app, None).await, 503);
    assert_eq!(create_as(&app, None).await, 503);
    assert_eq!(create_as(&app, None).await, 429);
}

/// Creates one secret through the REST API with `key`; the status.
async fn create_with(app: &TestApp, key: &str) -> u16 {
    app.client
        .post(app.url("/api/v2/passwords"))
        .bearer_auth(key)
        .json(&json!({"password": "p"}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// An API key may carry a create rate of its own, higher or lower than
/// `HUSHLINK_CREATE_RATE`: its creates count against the key, at its rate;
/// anonymous creates and keys without one keep the per-address default.
/// Set through the admin API; on both stores.
#[tokio::test]
async fn a_keys_own_create_rate_applies_and_anonymous_creates_keep_the_default() {
    let admin = hushlink::apikey::ApiKey::generate();
    let hash = admin.hash().to_hex();
    let setup = move |c: &mut hushlink::config::Config| {
        c.admin_key_sha256 = Some(hash.clone());
        c.create_rate = 2;
    };
    let redis = Arc::new(RedisServer::start());
    let apps = vec![
        spawn_app_with(setup.clone()).await,
        spawn_app_on_redis(&redis, setup).await,
    ];
    for app in apps {
        let kind = app.backend;
        let admin = admin.expose();
        let make = async |name: &str, rate: Value| -> String {
            let r = app
                .client
                .post(app.url("/api/v2/keys"))
                .bearer_auth(admin)
                .json(&json!({"name": name, "create_rate": rate}))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 201, "{kind}");
            let made: Value = r.json().await.unwrap();
            assert_eq!(made["create_rate"], rate, "{kind}");
            made["key"].as_str().unwrap().to_owned()
        };
        let fast = make("fast", json!(5)).await;
        let slow = make("slow", json!(1)).await;
        let plain = make("plain", Value::Null).await;

        // Anonymous: the default, two a minute from this address.
        assert_eq!(create_as(&app, None).await, 200, "{kind}");
        assert_eq!(create_as(&app, None).await, 200, "{kind}");
        assert_eq!(create_as(&app, None).await, 429, "{kind}: default");
        // A key without a rate of its own counts against its address too.
        assert_eq!(create_with(&app, &plain).await, 429, "{kind}: plain key");
        // A higher rate of its own, from the same (spent) address.
        for n in 0..5 {
            assert_eq!(create_with(&app, &fast).await, 200, "{kind}: fast #{n}");
        }
        assert_eq!(create_with(&app, &fast).await, 429, "{kind}: fast spent");
        // A lower one.
        assert_eq!(create_with(&app, &slow).await, 200, "{kind}");
        let r = app
            .client
            .post(app.url("/api/v2/passwords"))
            .bearer_auth(&slow)
            .json(&json!({"password": "p"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 429, "{kind}: slow spent");
        let wait: u64 = r.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((30..=60).contains(&wait), "{kind}: one a minute: {wait}");

        // Changed through the admin API: 0 is unlimited.
        let patch = async |name: &str, body: Value| {
            app.client
                .patch(app.url(&format!("/api/v2/keys/{name}")))
                .bearer_auth(admin)
                .json(&body)
                .send()
                .await
                .unwrap()
        };
        let r = patch("slow", json!({"create_rate": 0})).await;
        assert_eq!(r.status(), 200, "{kind}");
        assert_eq!(r.json::<Value>().await.unwrap()["create_rate"], 0);
        for _ in 0..3 {
            assert_eq!(create_with(&app, &slow).await, 200, "{kind}: unlimited");
        }
        // Back to the default: the spent address again.
        let r = patch("slow", json!({"create_rate": null})).await;
        assert_eq!(r.json::<Value>().await.unwrap()["create_rate"], Value::Null);
        assert_eq!(create_with(&app, &slow).await, 429, "{kind}: default again");
        // A bad rate is named.
        for bad in [json!(-1), json!("5"), json!(1.5), json!(2_000_000)] {
            let r = patch("slow", json!({"create_rate": bad})).await;
            assert_eq!(r.status(), 400, "{kind}: {bad}");
            let problem: Value = r.json().await.unwrap();
            assert_eq!(problem["invalid-params"][0]["name"], "create_rate");
        }
        let listed: Value = app
            .client
            .get(app.url("/api/v2/keys/fast"))
            .bearer_auth(admin)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(listed["create_rate"], 5, "{kind}");
    }
}

/// `hushlink bootstrap --key-create-rate`, `api-key create --key-create-rate`
/// and `api-key update --key-create-rate` (a number or `default`).
#[tokio::test]
async fn the_cli_sets_a_keys_create_rate() {
    use crate::helpers::hushlink_cli as hushlink;
    let redis = RedisServer::start();
    let envs = vec![("REDIS_URL", redis.url())];
    let run = |args: &[&str]| {
        let out = hushlink(args, &envs);
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["bootstrap", "--name", "ops", "--key-create-rate", "7"]);
    let made: Value = serde_json::from_str(&run(&[
        "api-key",
        "create",
        "--name",
        "ci",
        "--key-create-rate",
        "3",
        "--json",
    ]))
    .unwrap();
    assert_eq!(made["create_rate"], 3);
    let rate_of = |name: &str| -> Value {
        let listed: Value = serde_json::from_str(&run(&["api-key", "list", "--json"])).unwrap();
        listed
            .as_array()
            .unwrap()
            .iter()
            .find(|k| k["name"] == name)
            .unwrap()["create_rate"]
            .clone()
    };
    assert_eq!(rate_of("ops"), 7);
    assert_eq!(rate_of("ci"), 3);
    let table = run(&["api-key", "list"]);
    assert!(
        table.lines().next().unwrap().ends_with("CREATE RATE"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("ci ") && l.ends_with(" 3")),
        "{table}"
    );
    run(&["api-key", "update", "ci", "--key-create-rate", "0"]);
    assert_eq!(rate_of("ci"), 0);
    run(&["api-key", "update", "ci", "--key-create-rate", "default"]);
    assert_eq!(rate_of("ci"), Value::Null);
    let out = hushlink(
        &["api-key", "update", "ci", "--key-create-rate", "lots"],
        &envs,
    );
    assert_eq!(out.status.code(), Some(2), "a bad rate is a usage error");
}
