//! A Redis that may evict keys drops secrets unread when it is full: the
//! server says so at start-up and after a reconnect, and in `/_/_/ready`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::helpers::{RedisServer, ServerProcess, TestApp, spawn_app_on_redis, spawn_redis_app};

fn config_set(redis: &RedisServer, name: &str, value: &str) {
    let mut c = redis.connection();
    let _: () = redis::cmd("CONFIG")
        .arg("SET")
        .arg(name)
        .arg(value)
        .query(&mut c)
        .unwrap();
}

async fn ready(app: &TestApp) -> (u16, Value) {
    let r = app.client.get(app.url("/_/_/ready")).send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn an_evicting_policy_is_shown_in_ready() {
    let redis = Arc::new(RedisServer::start());
    config_set(&redis, "maxmemory-policy", "allkeys-lru");
    let app = spawn_app_on_redis(&redis, |_| {}).await;
    let (status, body) = ready(&app).await;
    // Still ready (the store answers), with the warning.
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["bootstrapped"], json!(false));
    assert_eq!(body["eviction"]["policy"], json!("allkeys-lru"), "{body}");
    let warning = body["eviction"]["warning"].as_str().unwrap();
    assert!(warning.contains("noeviction"), "{warning}");

    // `volatile-*` evicts keys with a TTL: every secret.
    let redis = Arc::new(RedisServer::start());
    config_set(&redis, "maxmemory-policy", "volatile-ttl");
    let app = spawn_app_on_redis(&redis, |_| {}).await;
    assert_eq!(ready(&app).await.1["eviction"]["policy"], "volatile-ttl");
}

#[tokio::test]
async fn noeviction_adds_nothing_to_ready() {
    let app = spawn_redis_app().await;
    assert_eq!(ready(&app).await, (200, json!({ "bootstrapped": false })));
}

/// A managed Redis may refuse `CONFIG GET`: then it cannot be checked,
/// and ready says so instead of staying silent.
#[tokio::test]
async fn a_redis_that_refuses_config_get_cannot_be_checked() {
    let redis = Arc::new(RedisServer::start());
    {
        let mut c = redis.connection();
        let _: () = redis::cmd("ACL")
            .arg(&[
                "SETUSER",
                "app",
                "on",
                ">app-password",
                "~*",
                "&*",
                "+@all",
                "-config",
            ])
            .query(&mut c)
            .unwrap();
    }
    let url = format!("redis://app:app-password@127.0.0.1:{}/0", redis.port);
    let app = spawn_app_on_redis(&redis, move |c| c.redis_url = Some(url)).await;
    app.create("still works").await;
    let (status, body) = ready(&app).await;
    assert_eq!(status, 200, "{body}");
    assert!(body["eviction"].get("policy").is_none(), "{body}");
    let warning = body["eviction"]["warning"].as_str().unwrap();
    assert!(warning.contains("cannot be checked"), "{warning}");
}

/// After Redis comes back (a restart, a failover), the policy is read
/// again: the one that now applies is the one shown.
#[tokio::test]
async fn the_policy_is_read_again_after_a_reconnect() {
    let redis = Arc::new(RedisServer::start());
    let app = spawn_app_on_redis(&redis, |c| c.store_timeout_ms = 1_000).await;
    assert!(ready(&app).await.1.get("eviction").is_none());
    let port = redis.port;
    redis.kill();
    assert_eq!(ready(&app).await.0, 503);
    let restarted = RedisServer::start_on(port);
    config_set(&restarted, "maxmemory-policy", "allkeys-random");
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, body) = ready(&app).await;
        if status == 200 && body["eviction"]["policy"] == "allkeys-random" {
            break;
        }
        assert!(Instant::now() < deadline, "still {status} {body}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The warning reaches the log at start-up and again after a reconnect.
#[tokio::test]
async fn the_warning_is_logged_at_start_up_and_after_a_reconnect() {
    let redis = RedisServer::start();
    config_set(&redis, "maxmemory-policy", "volatile-lru");
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("server.log");
    let server = ServerProcess::start(
        &[
            ("REDIS_URL", redis.url()),
            ("HUSHLINK_STORE", "redis".into()),
            ("HUSHLINK_STORE_TIMEOUT_MS", "1000".into()),
        ],
        &log,
    )
    .await;
    let warnings = || {
        std::fs::read_to_string(&log)
            .unwrap()
            .matches("maxmemory-policy may evict keys")
            .count()
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while warnings() < 1 {
        assert!(Instant::now() < deadline, "no warning at start-up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.contains("volatile-lru"), "{logged}");

    let port = redis.port;
    drop(redis);
    let http = crate::helpers::client();
    let r = http.get(server.url("/_/_/ready")).send().await.unwrap();
    assert_eq!(r.status(), 503);
    let restarted = RedisServer::start_on(port);
    config_set(&restarted, "maxmemory-policy", "volatile-lru");
    while warnings() < 2 {
        assert!(Instant::now() < deadline, "no warning after the reconnect");
        let _ = http.get(server.url("/_/_/ready")).send().await;
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
