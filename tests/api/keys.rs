//! API keys: the admin API over HTTP and the CLI binary, on both backends.

use std::process::Output;
use std::sync::Arc;
use std::time::Duration;

use hushlink::apikey::ApiKey;
use hushlink::config::ApiAuth;
use serde_json::{Value, json};

use crate::helpers::{
    RedisServer, ServerProcess, TestApp, apps_with_admin, assert_exit, hushlink_cli as hushlink,
    spawn_app_on_redis, spawn_app_with,
};

async fn call(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    key: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = app.client.request(method, app.url(path));
    if let Some(key) = key {
        req = req.bearer_auth(key);
    }
    if let Some(body) = body {
        req = req.json(&body);
    }
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let text = r.text().await.unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

async fn create_secret(app: &TestApp, key: Option<&str>) -> u16 {
    let body = Some(json!({ "password": "s3cret" }));
    call(app, reqwest::Method::POST, "/api/v2/passwords", key, body)
        .await
        .0
}

#[tokio::test]
async fn admin_api_manages_keys_and_keys_stop_working_at_once() {
    use reqwest::Method as M;
    for (app, admin) in apps_with_admin().await {
        let b = app.backend;
        let admin = admin.expose();

        // Create: 201, the key shown once, well-formed.
        let (s, made) = call(
            &app,
            M::POST,
            "/api/v2/keys",
            Some(admin),
            Some(json!({ "name": "ci", "description": "pipeline", "scopes": ["create"] })),
        )
        .await;
        assert_eq!(s, 201, "{b}: {made}");
        let ci = made["key"].as_str().unwrap().to_owned();
        assert!(ApiKey::parse(&ci).is_ok(), "{b}");
        assert_eq!(made["scopes"], json!(["create"]), "{b}");
        let (s, _) = call(
            &app,
            M::POST,
            "/api/v2/keys",
            Some(admin),
            Some(json!({ "name": "ci" })),
        )
        .await;
        assert_eq!(s, 409, "{b}: duplicate name");

        // The key works for creating secrets, not for admin routes.
        assert_eq!(create_secret(&app, Some(&ci)).await, 200, "{b}");
        assert_eq!(create_secret(&app, None).await, 401, "{b}");
        let (s, _) = call(&app, M::GET, "/api/v2/keys", Some(&ci), None).await;
        assert_eq!(s, 403, "{b}: create scope on an admin route");
        // X-Api-Key works too.
        let r = app
            .client
            .post(app.url("/api/set_password/"))
            .header("X-Api-Key", &ci)
            .json(&json!({ "password": "x" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{b}");

        // Listing shows metadata, never a key or a hash.
        let (s, list) = call(&app, M::GET, "/api/v2/keys", Some(admin), None).await;
        assert_eq!(s, 200, "{b}");
        let text = list.to_string();
        assert!(
            !text.contains(&ci) && !text.contains(admin),
            "{b}: key material listed"
        );
        assert!(
            !text.contains(&ApiKey::parse(&ci).unwrap().hash().to_hex()),
            "{b}: hash listed"
        );
        let names: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["admin", "ci"], "{b}");
        assert_eq!(list[1]["status"], "active", "{b}");
        assert!(
            list[1]["last_used_at"].is_string(),
            "{b}: last use recorded: {list}"
        );

        // Disabled: refused at once; enabled: works again.
        let (s, k) = call(
            &app,
            M::PATCH,
            "/api/v2/keys/ci",
            Some(admin),
            Some(json!({ "disabled": true })),
        )
        .await;
        assert_eq!((s, k["status"].as_str()), (200, Some("disabled")), "{b}");
        assert_eq!(
            create_secret(&app, Some(&ci)).await,
            401,
            "{b}: disabled key"
        );
        call(
            &app,
            M::PATCH,
            "/api/v2/keys/ci",
            Some(admin),
            Some(json!({ "disabled": false })),
        )
        .await;
        assert_eq!(
            create_secret(&app, Some(&ci)).await,
            200,
            "{b}: enabled again"
        );

        // Rotated: the old key dies, the new one works, same name and scopes.
        let (s, rotated) = call(&app, M::POST, "/api/v2/keys/ci/rotate", Some(admin), None).await;
        assert_eq!(s, 200, "{b}");
        let ci2 = rotated["key"].as_str().unwrap().to_owned();
        assert_ne!(ci, ci2);
        assert_eq!(rotated["scopes"], json!(["create"]), "{b}");
        assert_eq!(
            create_secret(&app, Some(&ci)).await,
            401,
            "{b}: rotated-out key"
        );
        assert_eq!(
            create_secret(&app, Some(&ci2)).await,
            200,
            "{b}: rotated-in key"
        );

        // Renamed: same key, new name; the old name is gone.
        let (s, k) = call(
            &app,
            M::PATCH,
            "/api/v2/keys/ci",
            Some(admin),
            Some(json!({ "name": "deploy" })),
        )
        .await;
        assert_eq!((s, k["name"].as_str()), (200, Some("deploy")), "{b}");
        assert_eq!(create_secret(&app, Some(&ci2)).await, 200, "{b}");
        let (s, _) = call(&app, M::GET, "/api/v2/keys/ci", Some(admin), None).await;
        assert_eq!(s, 404, "{b}");

        // Expired: refused once its time has passed.
        let soon = hushlink::keys::rfc3339(hushlink::keys::now_secs() + 2);
        let (s, _) = call(
            &app,
            M::PATCH,
            "/api/v2/keys/deploy",
            Some(admin),
            Some(json!({ "expires_at": soon })),
        )
        .await;
        assert_eq!(s, 200, "{b}");
        tokio::time::sleep(Duration::from_millis(3100)).await;
        assert_eq!(
            create_secret(&app, Some(&ci2)).await,
            401,
            "{b}: expired key"
        );
        let (_, k) = call(&app, M::GET, "/api/v2/keys/deploy", Some(admin), None).await;
        assert_eq!(k["status"], "expired", "{b}");

        // Deleted: refused.
        let (s, _) = call(&app, M::DELETE, "/api/v2/keys/deploy", Some(admin), None).await;
        assert_eq!(s, 204, "{b}");
        assert_eq!(
            create_secret(&app, Some(&ci2)).await,
            401,
            "{b}: deleted key"
        );

        // Nobody locks themselves out.
        let (s, _) = call(&app, M::DELETE, "/api/v2/keys/admin", Some(admin), None).await;
        assert_eq!(s, 409, "{b}: last admin deleted");
        let (s, _) = call(
            &app,
            M::PATCH,
            "/api/v2/keys/admin",
            Some(admin),
            Some(json!({ "disabled": true })),
        )
        .await;
        assert_eq!(s, 409, "{b}: last admin disabled");
        // With a second admin, the first may go.
        let (_, second) = call(
            &app,
            M::POST,
            "/api/v2/keys",
            Some(admin),
            Some(json!({ "name": "admin2", "scopes": ["admin"] })),
        )
        .await;
        let second = second["key"].as_str().unwrap().to_owned();
        let (s, _) = call(&app, M::DELETE, "/api/v2/keys/admin", Some(&second), None).await;
        assert_eq!(s, 204, "{b}");
        assert_eq!(
            create_secret(&app, Some(admin)).await,
            401,
            "{b}: deleted admin"
        );
    }
}

#[tokio::test]
async fn bad_admin_input_gets_400_naming_the_field() {
    use reqwest::Method as M;
    for (app, admin) in apps_with_admin().await {
        let b = app.backend;
        let admin = admin.expose();
        for (body, field) in [
            (json!({}), "name"),
            (json!({ "name": "" }), "name"),
            (json!({ "name": "has space" }), "name"),
            (json!({ "name": "hlk_looks_like_a_key" }), "name"),
            (json!({ "name": 7 }), "name"),
            (json!({ "name": "ok", "scopes": ["root"] }), "scopes"),
            (json!({ "name": "ok", "scopes": "admin" }), "scopes"),
            (
                json!({ "name": "ok", "expires_at": "2001-01-01T00:00:00Z" }),
                "expires_at",
            ),
            (
                json!({ "name": "ok", "expires_at": "next week" }),
                "expires_at",
            ),
            (json!({ "name": "ok", "description": 5 }), "description"),
            (json!([1, 2]), "body"),
        ] {
            let (s, problem) = call(
                &app,
                M::POST,
                "/api/v2/keys",
                Some(admin),
                Some(body.clone()),
            )
            .await;
            assert_eq!(s, 400, "{b}: {body}");
            let names: Vec<&str> = problem["invalid-params"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["name"].as_str().unwrap())
                .collect();
            assert!(names.contains(&field), "{b}: {body} -> {problem}");
        }
        let r = app
            .client
            .post(app.url("/api/v2/keys"))
            .bearer_auth(admin)
            .header("content-type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{b}");
        let (s, _) = call(
            &app,
            M::PATCH,
            "/api/v2/keys/admin",
            Some(admin),
            Some(json!({ "disabled": "yes" })),
        )
        .await;
        assert_eq!(s, 400, "{b}");
        let (s, _) = call(&app, M::GET, "/api/v2/keys/no-such", Some(admin), None).await;
        assert_eq!(s, 404, "{b}");
        // Garbage credentials: 401 with a Bearer challenge, never a 5xx.
        for garbage in [
            "",
            "hlk_",
            "hlk_short",
            &"x".repeat(5000),
            "hlk_\u{e9}\u{e9}",
        ] {
            let r = app
                .client
                .get(app.url("/api/v2/keys"))
                .header("X-Api-Key", garbage)
                .send()
                .await;
            if let Ok(r) = r {
                assert_eq!(r.status(), 401, "{b}: {garbage:?}");
                assert_eq!(r.headers()["www-authenticate"], "Bearer");
            }
        }
    }
}

#[tokio::test]
async fn required_mode_needs_a_key_to_create_but_never_to_reveal() {
    let app = spawn_app_with(|c| c.api_auth = ApiAuth::Required).await;
    // No key exists yet: the 401 says how to bootstrap.
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({ "password": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let problem: Value = r.json().await.unwrap();
    assert!(
        problem["title"].as_str().unwrap().contains("bootstrap"),
        "{problem}"
    );
    let r = app
        .client
        .post(app.url("/api/set_password/"))
        .json(&json!({ "password": "x" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    // Open mode (the default) needs none; revealing never does.
    let open = spawn_app_with(|_| {}).await;
    let token = open.create("revealed without a key").await;
    let r = open
        .client
        .get(open.url(&format!(
            "/api/v2/passwords/{}",
            crate::helpers::quote_plus(&token)
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn web_form_off_hides_the_form_but_not_the_reveal_pages() {
    let app = spawn_app_with(|c| c.web_form = false).await;
    let token = app.create("made through the API").await;
    assert_eq!(
        app.client.get(app.url("/")).send().await.unwrap().status(),
        404
    );
    let r = app
        .client
        .post(app.url("/"))
        .form(&[("password", "x"), ("ttl", "Hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let link = format!("/{}", crate::helpers::quote_plus(&token));
    assert_eq!(
        app.client
            .get(app.url(&link))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let r = app.client.post(app.url(&link)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("made through the API"));
}

/// Runs the real binary as an operator would.
fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "hushlink failed: {}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Creates a secret on a server process with `key`; the status.
async fn create_on(server: &ServerProcess, key: &str) -> u16 {
    crate::helpers::client()
        .post(server.url("/api/v2/passwords"))
        .bearer_auth(key)
        .json(&json!({ "password": "p" }))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Waits until `key` is refused; `bound` is how long another process's
/// change may take to reach the server (its key cache lifetime).
async fn refused_within(server: &ServerProcess, key: &str, bound: Duration) {
    let deadline = std::time::Instant::now() + bound;
    loop {
        let status = create_on(server, key).await;
        if status == 401 {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still {status} after {bound:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The CLI, with and without a running server, on one store. Returns the
/// keys it made, in order: ops (admin), ci, two, two rotated.
/// `bound` is how soon a change made by the CLI must reach the server.
async fn cli_lifecycle(
    envs: Vec<(&'static str, String)>,
    log: &std::path::Path,
    bound: Duration,
) -> Vec<String> {
    let mut made = Vec::new();
    // No server running: the CLI opens the store itself.
    let admin = stdout(&hushlink(&["bootstrap", "--name", "ops"], &envs))
        .trim()
        .to_owned();
    assert!(ApiKey::parse(&admin).is_ok(), "bootstrap printed {admin:?}");
    made.push(admin.clone());
    assert_exit(
        &hushlink(&["bootstrap"], &envs),
        3,
        "second bootstrap: already bootstrapped",
    );
    let ci = stdout(&hushlink(
        &["api-key", "create", "--name", "ci", "--expires-in", "90d"],
        &envs,
    ))
    .trim()
    .to_owned();
    assert!(ApiKey::parse(&ci).is_ok());
    made.push(ci.clone());
    let listed = stdout(&hushlink(&["api-key", "list"], &envs));
    assert!(
        listed.contains("ci") && listed.contains("ops") && listed.contains("active"),
        "{listed}"
    );
    assert!(!listed.contains(&ci) && !listed.contains(&admin));

    // A server on the same store; the CLI now reaches it (embedded: through
    // its admin socket; Redis: through Redis).
    let mut server_env = envs.clone();
    server_env.push(("HUSHLINK_API_AUTH", "required".into()));
    server_env.push(("RUST_LOG", "trace".into()));
    let mut server = ServerProcess::start(&server_env, log).await;
    assert_eq!(
        create_on(&server, &ci).await,
        200,
        "key made offline works online"
    );
    let json_out = stdout(&hushlink(
        &[
            "api-key", "create", "--name", "two", "--scope", "create", "--json",
        ],
        &envs,
    ));
    let two: Value = serde_json::from_str(&json_out).unwrap();
    assert_eq!(two["name"], "two");
    let two = two["key"].as_str().unwrap().to_owned();
    made.push(two.clone());
    assert_eq!(create_on(&server, &two).await, 200);
    stdout(&hushlink(&["api-key", "disable", "two"], &envs));
    refused_within(&server, &two, bound).await;
    stdout(&hushlink(&["api-key", "enable", "two"], &envs));
    tokio::time::sleep(bound).await;
    assert_eq!(create_on(&server, &two).await, 200, "enabled again");
    let rotated = stdout(&hushlink(&["api-key", "rotate", "two"], &envs))
        .trim()
        .to_owned();
    made.push(rotated.clone());
    refused_within(&server, &two, bound).await;
    assert_eq!(create_on(&server, &rotated).await, 200, "rotated in");
    stdout(&hushlink(&["api-key", "rename", "two", "three"], &envs));
    assert_eq!(
        create_on(&server, &rotated).await,
        200,
        "a rename keeps the key"
    );
    stdout(&hushlink(&["api-key", "delete", "three"], &envs));
    refused_within(&server, &rotated, bound).await;
    assert_exit(
        &hushlink(&["api-key", "delete", "three"], &envs),
        4,
        "no such key",
    );
    assert_exit(
        &hushlink(&["api-key", "delete", "ops"], &envs),
        3,
        "last admin",
    );
    let listed = stdout(&hushlink(&["api-key", "list", "--json"], &envs));
    let listed: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");
    assert!(server.terminate().success());
    // Stopped again: still manageable.
    stdout(&hushlink(&["api-key", "disable", "ci"], &envs));
    made
}

#[tokio::test]
async fn cli_manages_keys_with_and_without_a_server_and_stores_no_plaintext() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let envs = vec![("HUSHLINK_DATA_DIR", data.display().to_string())];
    let log = dir.path().join("server.log");
    // The CLI never creates a store: a server's first start does.
    let mut first = ServerProcess::start(&envs, &dir.path().join("first.log")).await;
    assert!(first.terminate().success());
    // The server itself applies the CLI's changes: they count at once.
    let keys = cli_lifecycle(envs, &log, Duration::ZERO).await;

    // The closed store's raw bytes hold no key, only hashes of those left.
    let raw = std::fs::read(data.join("hushlink.redb")).unwrap();
    for key in &keys {
        assert!(
            !contains(&raw, key.as_bytes()),
            "plaintext key in the store file"
        );
    }
    for key in &keys[..2] {
        let hash = ApiKey::parse(key).unwrap().hash().to_hex();
        assert!(
            contains(&raw, hash.as_bytes()),
            "the store indexes keys by hash"
        );
    }
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.lines().count() > 10, "the server logged at trace level");
    for key in &keys {
        assert!(!log.contains(key.as_str()), "key in a log line");
        assert!(
            !log.contains(&ApiKey::parse(key).unwrap().hash().to_hex()),
            "hash in a log line"
        );
    }
}

#[tokio::test]
async fn cli_manages_keys_on_redis_and_redis_holds_no_plaintext() {
    let redis = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let envs = vec![("REDIS_URL", redis.url())];
    let log = dir.path().join("server.log");
    // Another process's change reaches the server within its key cache
    // lifetime (1 s); the margin absorbs a loaded test machine, where one
    // request can take longer than the cache lifetime itself.
    let bound = hushlink::keys::CACHE_TTL + Duration::from_secs(3);
    let keys = cli_lifecycle(envs, &log, bound).await;

    let mut conn = redis.connection();
    let names: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut conn).unwrap();
    // Under the prefix, or hash-tagged by a secret's key (its counters and receipt).
    assert!(
        names
            .iter()
            .all(|k| k.starts_with("snappass") || k.starts_with("{snappass")),
        "{names:?}"
    );
    let mut dump = Vec::new();
    for name in &names {
        let kind: String = redis::cmd("TYPE").arg(name).query(&mut conn).unwrap();
        let values: Vec<Vec<u8>> = match kind.as_str() {
            "hash" => redis::cmd("HGETALL").arg(name).query(&mut conn).unwrap(),
            "string" => vec![redis::cmd("GET").arg(name).query(&mut conn).unwrap()],
            _ => vec![],
        };
        dump.extend(values.into_iter().flatten());
        dump.extend(name.as_bytes());
    }
    for key in &keys {
        assert!(!contains(&dump, key.as_bytes()), "plaintext key in Redis");
    }
    let log = std::fs::read_to_string(&log).unwrap();
    for key in &keys {
        assert!(!log.contains(key.as_str()), "key in a log line");
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test]
async fn garbage_keys_are_refused_without_the_store() {
    let redis = Arc::new(RedisServer::start());
    let app = spawn_app_on_redis(&redis, |c| {
        c.api_auth = ApiAuth::Required;
        c.store_timeout_ms = 500;
    })
    .await;
    redis.kill();
    let create_with = async |key: &str| {
        app.client
            .post(app.url("/api/v2/passwords"))
            .bearer_auth(key)
            .json(&json!({ "password": "p" }))
            .send()
            .await
            .unwrap()
            .status()
    };
    // A malformed key (bad shape or checksum) is refused before any lookup,
    // so it gets its 401 even while the store is down ...
    assert_eq!(create_with("not-a-key").await, 401);
    let mut typo = ApiKey::generate().expose().to_owned();
    let last = typo.pop().unwrap();
    typo.push(if last == 'a' { 'b' } else { 'a' });
    assert_eq!(create_with(&typo).await, 401, "checksum mismatch");
    // ... while a well-formed key needs the store, and its absence is a 503,
    // never a guess either way.
    assert_eq!(create_with(ApiKey::generate().expose()).await, 503);
}

/// The `hushlink` binary run from `cwd` with only `envs`.
fn hushlink_in(cwd: &std::path::Path, args: &[&str], envs: &[(&str, String)]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_hushlink"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .envs(envs.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .unwrap()
}

#[tokio::test]
async fn management_commands_never_create_a_store_and_say_which_they_used() {
    let dir = tempfile::tempdir().unwrap();
    // Run from a directory with no store: the default data directory is
    // relative, so a command run here must not make one.
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    for args in [
        &["api-key", "list"][..],
        &["api-key", "create", "--name", "ci"],
        &["api-key", "delete", "ci"],
        &["bootstrap"],
        &["bootstrap", "--reset"],
    ] {
        let out = hushlink_in(&elsewhere, args, &[]);
        assert_exit(&out, 1, &format!("{args:?} without a store"));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let expected = elsewhere.join("hushlink-data");
        assert!(
            stderr.contains("no hushlink store") && stderr.contains(&*expected.to_string_lossy()),
            "{args:?}: {stderr}"
        );
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(
            std::fs::read_dir(&elsewhere).unwrap().next().is_none(),
            "{args:?} created something in {}",
            elsewhere.display()
        );
    }

    // A store made by a server: the commands say they used it, by path,
    // whether the server runs or not.
    let data = dir.path().join("data");
    let envs = vec![("HUSHLINK_DATA_DIR", data.display().to_string())];
    let mut server = ServerProcess::start(&envs, &dir.path().join("server.log")).await;
    let out = hushlink_in(&elsewhere, &["bootstrap", "--name", "ops"], &envs);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&*data.to_string_lossy()) && stderr.contains("running server"),
        "{stderr}"
    );
    assert!(server.terminate().success());
    let out = hushlink_in(&elsewhere, &["api-key", "list"], &envs);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&*data.to_string_lossy()), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("ops"));

    // On Redis the command names the Redis it used.
    let redis = RedisServer::start();
    let out = hushlink_in(
        &elsewhere,
        &["api-key", "list"],
        &[("REDIS_URL", redis.url())],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("127.0.0.1:{}", redis.port)),
        "{stderr}"
    );
    assert!(std::fs::read_dir(&elsewhere).unwrap().next().is_none());
}
