//! SnapPass's Redis layout: secrets written the way SnapPass writes them
//! are read by hushlink, and hushlink writes them the same way.

use std::time::Duration;

use fernet::Fernet;
use redis::Commands;
use serde_json::Value;

use std::sync::Arc;

use crate::helpers::{RedisServer, TestApp, quote_plus, spawn_app_on_redis, spawn_redis_app};

/// Writes a secret exactly as SnapPass's `set_password` does.
fn snappass_set(conn: &mut redis::Connection, password: &str, ttl: u64) -> String {
    let storage_key = format!("snappass{}", hex::encode(rand::random::<[u8; 16]>()));
    let key = Fernet::generate_key();
    let encrypted = Fernet::new(&key).unwrap().encrypt(password.as_bytes());
    let _: () = conn.set_ex(&storage_key, encrypted, ttl).unwrap();
    format!("{storage_key}~{key}")
}

#[tokio::test]
async fn a_snappass_secret_is_revealed_by_hushlink() {
    let app = spawn_redis_app().await;
    let redis = app.redis.as_ref().unwrap();
    let mut conn = redis.connection();
    let token = snappass_set(&mut conn, "from snappass ✓", 600);

    // The web link as SnapPass built it.
    let link = app.url(&format!("/{}", quote_plus(&token)));
    assert_eq!(app.client.get(&link).send().await.unwrap().status(), 200);
    let page = app.client.post(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("from snappass ✓"));
    let (storage_key, _) = token.split_once('~').unwrap();
    assert!(!conn.exists::<_, bool>(storage_key).unwrap());

    // And through the API.
    let token = snappass_set(&mut conn, "api", 600);
    let r = app
        .client
        .get(app.password_url(&token))
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["password"], "api");
}

#[tokio::test]
async fn hushlink_writes_the_snappass_layout() {
    let app = spawn_redis_app().await;
    let mut conn = app.redis_connection();
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&serde_json::json!({"password": "layout", "ttl": 3600}))
        .send()
        .await
        .unwrap();
    let token = r.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let (storage_key, key) = token.split_once('~').unwrap();
    let stored: Vec<u8> = conn.get(storage_key).unwrap();
    // The key is never stored; the value is a standard Fernet token.
    assert!(!String::from_utf8_lossy(&stored).contains(key));
    let plain = Fernet::new(key)
        .unwrap()
        .decrypt(std::str::from_utf8(&stored).unwrap())
        .unwrap();
    assert_eq!(plain, b"layout");
    let ttl: i64 = conn.ttl(storage_key).unwrap();
    assert!((3590..=3600).contains(&ttl), "{ttl}");
    // A single-view secret is one key as SnapPass writes it; beside it only
    // its receipt, in its cluster slot, and the receipt's index.
    let keys: Vec<String> = conn.keys("*").unwrap();
    let receipt = format!("{{{storage_key}}}:receipt");
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert!(keys.contains(&storage_key.to_owned()), "{keys:?}");
    assert!(keys.contains(&receipt), "{keys:?}");
    assert!(
        keys.iter().any(|k| k.starts_with("snappass:receipt:")),
        "{keys:?}"
    );
}

/// Stores `value` under `storage_key` as SnapPass before encryption did,
/// and reveals it through the API; the answer's status.
async fn reveal_plain(app: &TestApp, conn: &mut redis::Connection, storage_key: &str) -> u16 {
    let _: () = conn.set_ex(storage_key, "plain old secret", 600).unwrap();
    let r = app
        .client
        .get(app.url(&format!("/api/v2/passwords/{storage_key}")))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    if status == 200 {
        assert_eq!(
            r.json::<Value>().await.unwrap()["password"],
            "plain old secret"
        );
        assert!(!conn.exists::<_, bool>(storage_key).unwrap());
    }
    status
}

#[tokio::test]
async fn legacy_unencrypted_values_are_returned_as_stored() {
    let redis = Arc::new(RedisServer::start());
    let mut conn = redis.connection();
    let id = || hex::encode(rand::random::<[u8; 16]>());

    // Prefixed links without a key part: always accepted.
    let app = spawn_app_on_redis(&redis, |_| {}).await;
    assert_eq!(
        reveal_plain(&app, &mut conn, &format!("snappass{}", id())).await,
        200
    );
    // SnapPass's oldest links (bare 32 hex) when the operator allows them.
    let legacy = spawn_app_on_redis(&redis, |c| c.legacy_bare_tokens = true).await;
    assert_eq!(reveal_plain(&legacy, &mut conn, &id()).await, 200);
    assert_eq!(
        reveal_plain(&legacy, &mut conn, &format!("snappass{}", id())).await,
        200
    );
    // With an empty REDIS_PREFIX the bare form is the only form.
    let unprefixed = spawn_app_on_redis(&redis, |c| c.redis_prefix = String::new()).await;
    assert_eq!(reveal_plain(&unprefixed, &mut conn, &id()).await, 200);
}

#[tokio::test]
async fn bare_hex_keys_of_a_shared_redis_are_out_of_reach_by_default() {
    let app = spawn_redis_app().await;
    let mut conn = app.redis_connection();
    // An MD5 and a dash-less UUID, as other applications name their keys.
    let md5 = "9e107d9d372bb6826bd81d3542a419d6";
    let uuid = hex::encode(rand::random::<[u8; 16]>());
    for key in [md5, uuid.as_str()] {
        let _: () = conn.set(key, "operator data").unwrap();
        let api = format!("/api/v2/passwords/{key}");
        let page = format!("/{key}");
        for (method, path) in [
            (reqwest::Method::GET, &api),
            (reqwest::Method::HEAD, &api),
            (reqwest::Method::GET, &page),
            (reqwest::Method::POST, &page),
        ] {
            let r = app
                .client
                .request(method.clone(), app.url(path))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 404, "{method} {path}");
            let body = r.text().await.unwrap();
            assert!(!body.contains("operator data"), "{method} {path}");
        }
        assert_eq!(conn.get::<_, String>(key).unwrap(), "operator data");
        assert_eq!(conn.ttl::<_, i64>(key).unwrap(), -1, "untouched");
    }
}

#[tokio::test]
async fn other_redis_keys_cannot_be_read_or_deleted() {
    let app = spawn_redis_app().await;
    let mut conn = app.redis_connection();
    for key in ["session:42", "snappass", "snappassnothex", "config"] {
        let _: () = conn.set(key, "operator data").unwrap();
        for path in [format!("/api/v2/passwords/{key}"), format!("/{key}")] {
            let get = app.client.get(app.url(&path)).send().await.unwrap();
            assert_eq!(get.status(), 404, "{path}");
            let post = app.client.post(app.url(&path)).send().await.unwrap();
            assert!(post.status() == 404 || post.status() == 405, "{path}");
        }
        assert_eq!(conn.get::<_, String>(key).unwrap(), "operator data");
    }
}

#[tokio::test]
async fn expiry_is_the_redis_ttl() {
    let app = spawn_redis_app().await;
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&serde_json::json!({"password": "short", "ttl": 1}))
        .send()
        .await
        .unwrap();
    let token = r.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let r = app
        .client
        .get(app.password_url(&token))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}

/// Calls of each command since the last `CONFIG RESETSTAT` (a script's own
/// `redis.call`s included), by lower-case name.
fn command_calls(conn: &mut redis::Connection) -> std::collections::HashMap<String, u64> {
    let info: String = redis::cmd("INFO").arg("commandstats").query(conn).unwrap();
    info.lines()
        .filter_map(|line| {
            let (name, rest) = line.strip_prefix("cmdstat_")?.split_once(":calls=")?;
            let calls = rest.split(',').next()?.parse().ok()?;
            Some((name.to_owned(), calls))
        })
        .collect()
}

/// Resets Redis's command counts.
fn reset_stats(conn: &mut redis::Connection) {
    let _: () = redis::cmd("CONFIG").arg("RESETSTAT").query(conn).unwrap();
}

#[tokio::test]
async fn on_one_redis_a_create_is_one_transaction_and_a_reveal_one_script() {
    let app = spawn_redis_app().await;
    let mut conn = app.redis_connection();
    let create = async || {
        let r = app
            .client
            .post(app.url("/"))
            .header("Accept", "application/json")
            .form(&[("password", "counted"), ("ttl", "Hour")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        r.json::<Value>().await.unwrap()["link"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let reveal = async |link: &str| {
        let r = app.client.post(link).send().await.unwrap();
        assert_eq!(r.status(), 200);
        assert!(r.text().await.unwrap().contains("counted"));
    };
    // Scripts loaded, the eviction policy read: the rest is per request.
    let link = create().await;
    reveal(&link).await;

    reset_stats(&mut conn);
    let link = create().await;
    let calls = command_calls(&mut conn);
    // Without a quota, a `MULTI` pipeline: one atomic round trip that costs
    // Redis less than a script doing the same.
    assert_eq!(calls.get("evalsha"), None, "{calls:?}");
    assert_eq!(calls.get("multi"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("exec"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("setex"), Some(&2), "index and secret: {calls:?}");
    assert_eq!(calls.get("hmset"), Some(&1), "the receipt: {calls:?}");
    assert_eq!(calls.get("expire"), Some(&1), "the receipt: {calls:?}");
    // The receipt holds the key's verifier, the link's key is nowhere.
    let token = link.rsplit('/').next().unwrap().replace("%7E", "~");
    let (storage_key, fernet_key) = token.split_once('~').unwrap();
    let receipt = format!("{{{storage_key}}}:receipt");
    let verifier: Option<String> = conn.hget(&receipt, "k").unwrap();
    let expected = hushlink::secret::KeyVerifier::of(&fernet_key.replace("%3D", "="))
        .unwrap()
        .to_hex();
    assert_eq!(verifier.as_deref(), Some(expected.as_str()));

    reset_stats(&mut conn);
    reveal(&link).await;
    let calls = command_calls(&mut conn);
    // One round trip: the script reads the value and its counter, checks
    // the verifier, and takes. No peek before it.
    assert_eq!(calls.get("evalsha"), Some(&1), "the reveal: {calls:?}");
    assert_eq!(calls.get("mget"), Some(&1), "inside the script: {calls:?}");
    // One view: no counter to decrement, the receipt read and changed in
    // one `HSET` (which also blanks the verifier), the secret deleted.
    assert_eq!(calls.get("get"), None, "{calls:?}");
    assert_eq!(calls.get("decr"), None, "{calls:?}");
    assert_eq!(calls.get("hincrby"), None, "{calls:?}");
    assert_eq!(calls.get("hmget"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("hset"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("del"), Some(&1), "{calls:?}");
    assert_eq!(calls.get("hdel"), None, "{calls:?}");
    assert_eq!(
        calls.get("pttl"),
        None,
        "no quota, no time left asked: {calls:?}"
    );
    let verifier: Option<String> = conn.hget(&receipt, "k").unwrap();
    assert_eq!(
        verifier.as_deref(),
        Some(""),
        "nothing key-derived outlives the secret"
    );
    let state: Option<String> = conn.hget(&receipt, "s").unwrap();
    assert_eq!(state.as_deref(), Some("v"), "the receipt says viewed");
    // One view: the take destroyed it.
    assert_eq!(app.client.post(&link).send().await.unwrap().status(), 404);
}

/// A secret SnapPass wrote (no receipt, so no verifier) is revealed the
/// old way, exactly once: the one-call reveal answers "unverifiable" with
/// the value, consuming nothing, and the conditional take follows (two
/// round trips, as before).
#[tokio::test]
async fn a_snappass_secret_falls_back_to_decrypt_then_take_and_reveals_once() {
    let app = spawn_redis_app().await;
    let mut conn = app.redis_connection();
    // Warm up (scripts loaded, eviction policy read).
    let warm = snappass_set(&mut conn, "warm", 600);
    let api = |token: &str| app.password_url(token);
    assert_eq!(
        app.client.get(api(&warm)).send().await.unwrap().status(),
        200
    );

    let token = snappass_set(&mut conn, "once only", 600);
    reset_stats(&mut conn);
    let r = app.client.get(api(&token)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["password"], "once only");
    let calls = command_calls(&mut conn);
    assert_eq!(
        calls.get("evalsha"),
        Some(&2),
        "check, then take: {calls:?}"
    );
    assert_eq!(calls.get("del"), Some(&1), "{calls:?}");
    let (storage_key, _) = token.split_once('~').unwrap();
    assert!(!conn.exists::<_, bool>(storage_key).unwrap());
    // Exactly once, on the web too.
    assert_eq!(
        app.client.get(api(&token)).send().await.unwrap().status(),
        404
    );
    let page = app.url(&format!("/{}", quote_plus(&token)));
    assert_eq!(app.client.post(&page).send().await.unwrap().status(), 404);

    // A wrong key on a SnapPass secret still consumes nothing.
    let token = snappass_set(&mut conn, "kept", 600);
    let (storage_key, _) = token.split_once('~').unwrap();
    let wrong = format!("{storage_key}~{}", Fernet::generate_key());
    assert_eq!(
        app.client.get(api(&wrong)).send().await.unwrap().status(),
        400
    );
    assert!(conn.exists::<_, bool>(storage_key).unwrap());
    let r = app.client.get(api(&token)).send().await.unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["password"], "kept");
}

/// Creates a secret through the API; its token.
async fn api_create(app: &TestApp, password: &str, views: u32) -> String {
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&serde_json::json!({"password": password, "views": views}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// On a hushlink-made secret, a link whose key is not the secret's is
/// refused by the one-call reveal itself (one script call, which consumes
/// nothing); so is a verifier altered in Redis. A value altered behind
/// hushlink while the verifier still matches is `Damaged` too, but that
/// reveal has consumed its view (documented in `Secrets::reveal`).
#[tokio::test]
async fn a_wrong_key_is_refused_in_the_one_call_and_consumes_nothing() {
    let app = spawn_redis_app().await;
    let mut conn = app.redis_connection();
    let api = |token: &str| app.password_url(token);
    let warm = api_create(&app, "warm", 1).await;
    assert_eq!(
        app.client.get(api(&warm)).send().await.unwrap().status(),
        200
    );

    let token = api_create(&app, "two views", 2).await;
    let (storage_key, _) = token.split_once('~').unwrap();
    let receipt = format!("{{{storage_key}}}:receipt");
    let views = format!("{{{storage_key}}}:views");
    let before: Vec<(String, String)> = conn.hgetall(&receipt).unwrap();
    let wrong = format!("{storage_key}~{}", Fernet::generate_key());
    reset_stats(&mut conn);
    let r = app.client.get(api(&wrong)).send().await.unwrap();
    assert_eq!(r.status(), 400);
    let p: Value = r.json().await.unwrap();
    assert!(p["type"].as_str().unwrap().ends_with("damaged-link"), "{p}");
    let calls = command_calls(&mut conn);
    assert_eq!(calls.get("evalsha"), Some(&1), "one call: {calls:?}");
    assert_eq!(calls.get("hset"), None, "nothing recorded: {calls:?}");
    assert_eq!(calls.get("decr"), None, "nothing consumed: {calls:?}");
    assert_eq!(conn.get::<_, u32>(&views).unwrap(), 2);
    let after: Vec<(String, String)> = conn.hgetall(&receipt).unwrap();
    assert_eq!(before, after, "the receipt is untouched");

    // A verifier altered in Redis: refused the same way.
    let real: String = conn.hget(&receipt, "k").unwrap();
    let _: () = conn.hset(&receipt, "k", "0".repeat(32)).unwrap();
    assert_eq!(
        app.client.get(api(&token)).send().await.unwrap().status(),
        400
    );
    assert_eq!(conn.get::<_, u32>(&views).unwrap(), 2, "nothing consumed");
    let _: () = conn.hset(&receipt, "k", &real).unwrap();

    // Views left are counted as before: 2 -> 1 -> gone.
    let r = app.client.get(api(&token)).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["password"], "two views");
    assert_eq!(conn.get::<_, u32>(&views).unwrap(), 1);
    assert_eq!(conn.hget::<_, _, String>(&receipt, "u").unwrap(), "1");
    let kept: String = conn.hget(&receipt, "k").unwrap();
    assert_eq!(kept, real, "one view left: the verifier stays");
    // A blank verifier is no verifier: decrypt, then take (two calls).
    let _: () = conn.hset(&receipt, "k", "").unwrap();
    reset_stats(&mut conn);
    let page = app.url(&format!("/{}", quote_plus(&token)));
    let r = app.client.post(&page).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().contains("two views"));
    let calls = command_calls(&mut conn);
    // (The take script's first use here: a `NOSCRIPT` answer, a load, and
    // the call again.)
    let loads = calls.get("script|load").copied().unwrap_or(0);
    assert_eq!(
        calls.get("evalsha").map(|n| n - loads),
        Some(2),
        "{calls:?}"
    );
    assert!(!conn.exists::<_, bool>(storage_key).unwrap());
    assert!(!conn.exists::<_, bool>(&views).unwrap());
    assert_eq!(conn.hget::<_, _, String>(&receipt, "k").unwrap(), "");
    assert_eq!(
        app.client.get(api(&token)).send().await.unwrap().status(),
        404
    );

    // A value altered behind hushlink, its verifier intact: Damaged, and
    // (the documented difference) the view is gone.
    let token = api_create(&app, "altered", 1).await;
    let (storage_key, _) = token.split_once('~').unwrap();
    let other = Fernet::new(&Fernet::generate_key())
        .unwrap()
        .encrypt(b"evil");
    let _: () = conn.set_ex(storage_key, other, 600).unwrap();
    assert_eq!(
        app.client.get(api(&token)).send().await.unwrap().status(),
        400
    );
    assert!(!conn.exists::<_, bool>(storage_key).unwrap());

    // A burn blanks the verifier with the secret, as the last view does.
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&serde_json::json!({"password": "burnt"}))
        .send()
        .await
        .unwrap();
    let created: Value = r.json().await.unwrap();
    let token = created["token"].as_str().unwrap();
    let (storage_key, _) = token.split_once('~').unwrap();
    let receipt = format!("{{{storage_key}}}:receipt");
    assert_eq!(conn.hget::<_, _, String>(&receipt, "k").unwrap().len(), 32);
    let hlr = created["receipt"]["token"].as_str().unwrap();
    let burn = app
        .client
        .delete(app.url(&format!("/api/v2/receipts/{hlr}")))
        .send()
        .await
        .unwrap();
    assert!(burn.status().is_success(), "{}", burn.status());
    assert!(!conn.exists::<_, bool>(storage_key).unwrap());
    assert_eq!(conn.hget::<_, _, String>(&receipt, "k").unwrap(), "");
}
