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
    let mut redis_conn = redis.client().get_connection().unwrap();
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
