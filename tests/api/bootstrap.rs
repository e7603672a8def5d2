//! Hands-free bootstrap: token, hash and CLI ways, once per store, ever.

use std::sync::Arc;

use hushlink::apikey::ApiKey;
use hushlink::config::Config;
use serde_json::{Value, json};

use crate::helpers::{
    RedisServer, ServerProcess, TestApp, assert_exit, client, hushlink_cli as hushlink,
    spawn_app_in, spawn_app_on_redis,
};

const TOKEN: &str = "bootstrap-token-0123456789abcdef-0123456789";

async fn bootstrap(app: &TestApp, token: Option<&str>, name: &str) -> (u16, Value) {
    let mut req = app
        .client
        .post(app.url("/api/v2/bootstrap"))
        .json(&json!({ "name": name }));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn health(app: &TestApp) -> Value {
    let r = app.client.get(app.url("/_/_/health")).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

fn with_token(c: &mut Config) {
    c.bootstrap_token = Some(TOKEN.into());
}

#[tokio::test]
async fn token_bootstrap_works_once_even_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let redis = Arc::new(RedisServer::start());
    // Each backend: a first server, then a second one on the same store.
    let (dir_ref, redis_ref) = (&dir, &redis);
    for backend in ["embedded", "redis"] {
        let start = move || async move {
            match backend {
                "embedded" => spawn_app_in(dir_ref.path(), with_token).await,
                _ => spawn_app_on_redis(redis_ref, with_token).await,
            }
        };
        let app = start().await;
        assert_eq!(
            health(&app).await,
            json!({ "bootstrapped": false }),
            "{backend}"
        );
        assert_eq!(
            bootstrap(&app, None, "admin").await.0,
            401,
            "{backend}: no token"
        );
        assert_eq!(
            bootstrap(
                &app,
                Some("wrong-token-0123456789abcdef-0123456789"),
                "admin"
            )
            .await
            .0,
            401
        );
        let (s, made) = bootstrap(&app, Some(TOKEN), "platform").await;
        assert_eq!(s, 201, "{backend}: {made}");
        assert_eq!(made["scopes"], json!(["admin"]));
        assert_eq!(made["name"], "platform");
        let key = made["key"].as_str().unwrap().to_owned();
        // It is an admin key.
        let r = app
            .client
            .get(app.url("/api/v2/keys"))
            .bearer_auth(&key)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{backend}");
        assert_eq!(health(&app).await, json!({ "bootstrapped": true }));
        // Once, ever: the right token is refused from now on.
        let (s, problem) = bootstrap(&app, Some(TOKEN), "again").await;
        assert_eq!(s, 409, "{backend}");
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .ends_with("already-bootstrapped")
        );
        app.stop().await;

        let app = start().await;
        assert_eq!(
            bootstrap(&app, Some(TOKEN), "again").await.0,
            409,
            "{backend}: after restart"
        );
        assert_eq!(health(&app).await, json!({ "bootstrapped": true }));
        app.stop().await;
    }

    // Keys removed behind the server's back do not reopen bootstrap (Redis).
    let mut conn = redis.connection();
    let names: Vec<String> = redis::cmd("KEYS")
        .arg("snappass:*apikeys*")
        .query(&mut conn)
        .unwrap();
    for name in names
        .iter()
        .filter(|n| !n.ends_with(":bootstrapped") && !n.ends_with(":version"))
    {
        let _: () = redis::cmd("DEL").arg(name).query(&mut conn).unwrap();
    }
    let app = spawn_app_on_redis(&redis, with_token).await;
    assert_eq!(
        bootstrap(&app, Some(TOKEN), "again").await.0,
        409,
        "every key gone"
    );
}

#[tokio::test]
async fn concurrent_bootstraps_across_two_instances_make_exactly_one_key() {
    let redis = Arc::new(RedisServer::start());
    let a = spawn_app_on_redis(&redis, with_token).await;
    let b = spawn_app_on_redis(&redis, with_token).await;
    let mut calls = Vec::new();
    for i in 0..16 {
        let url = if i % 2 == 0 {
            a.url("/api/v2/bootstrap")
        } else {
            b.url("/api/v2/bootstrap")
        };
        calls.push(tokio::spawn(async move {
            client()
                .post(url)
                .bearer_auth(TOKEN)
                .json(&json!({ "name": format!("admin-{i}") }))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for c in calls {
        statuses.push(c.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        15,
        "{statuses:?}"
    );

    // Same on the embedded store, one instance.
    let dir = tempfile::tempdir().unwrap();
    let app = spawn_app_in(dir.path(), with_token).await;
    let mut calls = Vec::new();
    for i in 0..16 {
        let url = app.url("/api/v2/bootstrap");
        calls.push(tokio::spawn(async move {
            client()
                .post(url)
                .bearer_auth(TOKEN)
                .json(&json!({ "name": format!("admin-{i}") }))
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for c in calls {
        statuses.push(c.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        15,
        "{statuses:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bootstrap_answered_503_does_not_happen_later() {
    // A bootstrap happens once ever, and only its answer holds the key: one
    // answered 503 that Redis carried out once it resumed would lock the
    // operator out. Its commit must refuse past its deadline.
    let redis = Arc::new(RedisServer::start());
    // Another prefix bootstraps first, so that Redis holds the commit's
    // script: a paused `EVALSHA` of a script it does not know yet fails
    // with NOSCRIPT.
    let warm = spawn_app_on_redis(&redis, |c| {
        with_token(c);
        c.redis_prefix = "warm".into();
    })
    .await;
    assert_eq!(bootstrap(&warm, Some(TOKEN), "admin").await.0, 201);
    let app = spawn_app_on_redis(&redis, |c| {
        with_token(c);
        c.store_timeout_ms = 300;
    })
    .await;
    // Writes only: the key set's read passes, its commit waits.
    redis.pause_writes(1000);
    assert_eq!(bootstrap(&app, Some(TOKEN), "admin").await.0, 503);
    redis.wait_resumed().await;
    let (status, body) = bootstrap(&app, Some(TOKEN), "admin").await;
    assert_eq!(status, 201, "{body}");
    assert!(body["key"].as_str().is_some(), "{body}");
}

#[tokio::test]
async fn wrong_tokens_are_slowed_down_per_address() {
    let dir = tempfile::tempdir().unwrap();
    let app = spawn_app_in(dir.path(), with_token).await;
    for _ in 0..hushlink::bootstrap::MAX_FAILURES {
        assert_eq!(
            bootstrap(&app, Some("guess-0123456789abcdef-0123456789abc"), "a")
                .await
                .0,
            401
        );
    }
    let r = app
        .client
        .post(app.url("/api/v2/bootstrap"))
        .bearer_auth(TOKEN)
        .json(&json!({ "name": "a" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 429, "even the right token waits out the window");
    let wait: u64 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait));
}

#[tokio::test]
async fn hash_bootstrap_records_the_key_once() {
    let admin = ApiKey::generate();
    let dir = tempfile::tempdir().unwrap();
    let hash = admin.hash().to_hex();
    let app = spawn_app_in(dir.path(), |c| {
        c.admin_key_sha256 = Some(hash.to_uppercase());
        c.admin_key_name = "robot".into();
        with_token(c);
    })
    .await;
    let r = app
        .client
        .get(app.url("/api/v2/keys"))
        .bearer_auth(admin.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let keys: Value = r.json().await.unwrap();
    assert_eq!(keys[0]["name"], "robot");
    assert_eq!(keys[0]["scopes"], json!(["admin"]));
    assert_eq!(
        bootstrap(&app, Some(TOKEN), "other").await.0,
        409,
        "hash counted as the bootstrap"
    );
    app.stop().await;

    // A later start with another hash changes nothing.
    let other = ApiKey::generate();
    let other_hash = other.hash().to_hex();
    let app = spawn_app_in(dir.path(), |c| c.admin_key_sha256 = Some(other_hash)).await;
    let r = app
        .client
        .get(app.url("/api/v2/keys"))
        .bearer_auth(other.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let r = app
        .client
        .get(app.url("/api/v2/keys"))
        .bearer_auth(admin.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn bad_bootstrap_settings_stop_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(dir.path().join("a"));
    config.bootstrap_token = Some("too-short".into());
    let err = hushlink::Application::build(&config)
        .await
        .err()
        .expect("refused");
    assert!(
        err.to_string().contains("HUSHLINK_BOOTSTRAP_TOKEN"),
        "{err}"
    );
    let mut config = Config::for_tests(dir.path().join("b"));
    config.admin_key_sha256 = Some("not-hex".into());
    let err = hushlink::Application::build(&config)
        .await
        .err()
        .expect("refused");
    assert!(
        err.to_string().contains("HUSHLINK_ADMIN_KEY_SHA256"),
        "{err}"
    );
}

#[tokio::test]
async fn token_file_cli_output_reset_and_quiet_logs() {
    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, format!("{TOKEN}\n")).unwrap();
    let data = dir.path().join("data");
    let log = dir.path().join("server.log");
    let envs = vec![
        ("HUSHLINK_DATA_DIR", data.display().to_string()),
        (
            "HUSHLINK_BOOTSTRAP_TOKEN_FILE",
            token_file.display().to_string(),
        ),
        ("RUST_LOG", "trace".to_owned()),
    ];
    let server = ServerProcess::start(&envs, &log).await;
    let r = client()
        .post(server.url("/api/v2/bootstrap"))
        .bearer_auth(TOKEN)
        .json(&json!({ "name": "first" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let first: Value = r.json().await.unwrap();
    let first = first["key"].as_str().unwrap().to_owned();

    // The CLI way reaches the running server and is refused: once, ever.
    let out = hushlink(&["bootstrap", "--name", "second"], &envs);
    assert_exit(&out, 3, "bootstrap is once, ever");
    assert!(String::from_utf8_lossy(&out.stderr).contains("already been bootstrapped"));
    // --reset reopens it, loudly; then the CLI writes the key to a private file.
    let out = hushlink(&["bootstrap", "--reset"], &envs);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let key_file = dir.path().join("admin.key");
    let out = hushlink(
        &[
            "bootstrap",
            "--name",
            "second",
            "--output",
            key_file.to_str().unwrap(),
        ],
        &envs,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "the key goes to the file only");
    let second = std::fs::read_to_string(&key_file)
        .unwrap()
        .trim()
        .to_owned();
    assert!(ApiKey::parse(&second).is_ok());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let r = client()
        .get(server.url("/api/v2/keys"))
        .bearer_auth(&second)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    // `api-key generate` touches no store and prints a key and its hash.
    let out = hushlink(&["api-key", "generate"], &[]);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let key = ApiKey::parse(lines.next().unwrap()).unwrap();
    assert_eq!(lines.next().unwrap(), key.hash().to_hex());

    let mut server = server;
    assert!(server.terminate().success());
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.contains("bootstrap done"), "the log says what happened");
    assert!(log.contains("BOOTSTRAP RESET"), "a reset is logged loudly");
    for secret in [TOKEN, first.as_str(), second.as_str()] {
        assert!(!log.contains(secret), "secret material in the log");
    }
}
