//! Receipts and burn over real HTTP, on the embedded store, one Redis and a
//! Redis Cluster: a whole life (created, viewed, burned, expired, destroyed),
//! a burn racing a reveal (exactly one outcome), the receipt gone after its
//! retention, and nothing secret in a receipt, the store or a trace log.

use std::sync::Arc;
use std::time::Duration;

use hushlink::zk::{self, Content, Kdf, LinkKey};
use serde_json::{Value, json};

use crate::helpers::{
    RedisServer, ServerProcess, TestApp, assert_exit, both_backends, client, hushlink_client,
    quote_plus, shared_cluster, spawn_app_on_redis, spawn_app_with, spawn_cluster_app,
    spawn_redis_app,
};

/// A secret made through the REST API, with its receipt.
struct Made {
    token: String,
    receipt: String,
    /// The receipt's public id from the create's answer.
    id: String,
}

async fn make(app: &TestApp, body: Value) -> Made {
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "create on {}", app.backend);
    let body: Value = r.json().await.unwrap();
    let receipt = body["receipt"]["token"].as_str().unwrap().to_owned();
    assert!(receipt.starts_with("hlr_"), "{receipt}");
    assert_eq!(
        body["receipt"]["href"],
        app.url(&format!("/api/v2/receipts/{receipt}"))
    );
    Made {
        token: body["token"].as_str().unwrap().to_owned(),
        receipt,
        id: body["receipt"]["id"].as_str().unwrap().to_owned(),
    }
}

async fn receipt(app: &TestApp, token: &str) -> (u16, Value) {
    let r = app
        .client
        .get(app.url(&format!("/api/v2/receipts/{token}")))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    if status != 200 {
        assert_eq!(
            r.headers()["content-type"],
            "application/problem+json",
            "{status} on {}",
            app.backend
        );
    }
    (status, r.json().await.unwrap())
}

async fn burn(app: &TestApp, token: &str) -> (u16, Option<Value>) {
    let r = app
        .client
        .delete(app.url(&format!("/api/v2/receipts/{token}")))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    if status == 204 {
        return (status, None);
    }
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    (status, Some(r.json().await.unwrap()))
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

fn events(status: &Value) -> Vec<String> {
    status["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap().to_owned())
        .collect()
}

/// The receipt's answer has exactly these fields: nothing else can slip in.
fn assert_only_life(status: &Value, made: &Made, password: &str) {
    let mut fields: Vec<&str> = status
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        [
            "created_at",
            "events",
            "expires_at",
            "id",
            "state",
            "views_left",
            "views_used"
        ]
    );
    // The same public id as the create's answer (and webhook events).
    assert_eq!(status["id"], made.id.as_str());
    assert!(made.id.starts_with("rcpt_"), "{}", made.id);
    let text = status.to_string();
    let (storage, key) = made.token.split_once('~').unwrap();
    for needle in [password, storage, key, &storage[storage.len() - 32..]] {
        assert!(!text.contains(needle), "receipt leaks {needle}: {text}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_life_from_created_to_viewed_on_every_backend() {
    for app in both_backends().await {
        let password = format!("life-{}", hex::encode(rand::random::<[u8; 6]>()));
        let made = make(&app, json!({"password": password, "views": 2, "ttl": 600})).await;
        let (status, s) = receipt(&app, &made.receipt).await;
        assert_eq!(status, 200, "on {}", app.backend);
        assert_eq!(s["state"], "available");
        assert_eq!(
            (s["views_left"].as_u64(), s["views_used"].as_u64()),
            (Some(2), Some(0))
        );
        // Whole seconds: the embedded store rounds an expiry up, so a secret
        // lives at least its TTL.
        let lifetime = s["expires_at"].as_u64().unwrap() - s["created_at"].as_u64().unwrap();
        assert!((600..=601).contains(&lifetime), "{lifetime}");
        assert!(events(&s).is_empty());
        assert_only_life(&s, &made, &password);

        assert_eq!(reveal(&app, &made.token).await, 200);
        let (_, s) = receipt(&app, &made.receipt).await;
        assert_eq!(
            s["state"], "available",
            "one view of two used, on {}",
            app.backend
        );
        assert_eq!(
            (s["views_left"].as_u64(), s["views_used"].as_u64()),
            (Some(1), Some(1))
        );
        assert_eq!(events(&s), ["viewed"]);

        assert_eq!(reveal(&app, &made.token).await, 200);
        assert_eq!(reveal(&app, &made.token).await, 404);
        let (_, s) = receipt(&app, &made.receipt).await;
        assert_eq!(s["state"], "viewed", "on {}", app.backend);
        assert_eq!(
            (s["views_left"].as_u64(), s["views_used"].as_u64()),
            (Some(0), Some(2))
        );
        assert_eq!(events(&s), ["viewed", "viewed"]);
        let at = s["events"][0]["at"].as_u64().unwrap();
        assert!(at >= s["created_at"].as_u64().unwrap() && at < s["expires_at"].as_u64().unwrap());
        assert_only_life(&s, &made, &password);

        // Too late to burn: the reader has it, and the answer says so.
        let (status, problem) = burn(&app, &made.receipt).await;
        assert_eq!(status, 409, "on {}", app.backend);
        assert_eq!(problem.unwrap()["state"], "viewed");
        assert_eq!(receipt(&app, &made.receipt).await.1["state"], "viewed");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_create_route_hands_out_a_working_receipt() {
    for app in both_backends().await {
        let r = app
            .client
            .post(app.url("/api/set_password/"))
            .json(&json!({"password": "simple"}))
            .send()
            .await
            .unwrap();
        let body: Value = r.json().await.unwrap();
        let token = body["receipt"]["token"].as_str().unwrap();
        assert_eq!(receipt(&app, token).await.1["state"], "available");
        let link = body["link"].as_str().unwrap();
        let r = app
            .client
            .get(link.replace(&app.url("/"), &app.url("/api/v2/passwords/")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(
            receipt(&app, token).await.1["state"],
            "viewed",
            "on {}",
            app.backend
        );

        let r = app
            .client
            .post(app.url("/"))
            .header("accept", "application/json")
            .form(&[("password", "from the form"), ("ttl", "Hour")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        let token = body["receipt"]["token"].as_str().unwrap();
        assert_eq!(burn(&app, token).await.0, 204, "on {}", app.backend);
        assert_eq!(receipt(&app, token).await.1["state"], "burned");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burn_destroys_the_secret_at_once() {
    for app in both_backends().await {
        let made = make(&app, json!({"password": "burn me", "views": 3})).await;
        assert_eq!(reveal(&app, &made.token).await, 200);
        assert_eq!(burn(&app, &made.receipt).await.0, 204, "on {}", app.backend);
        assert_eq!(reveal(&app, &made.token).await, 404, "on {}", app.backend);
        let head = app
            .client
            .head(app.password_url(&made.token))
            .send()
            .await
            .unwrap();
        assert_eq!(head.status(), 404);
        let (_, s) = receipt(&app, &made.receipt).await;
        assert_eq!(s["state"], "burned", "on {}", app.backend);
        assert_eq!(events(&s), ["viewed", "burned"]);
        assert_eq!(
            (s["views_left"].as_u64(), s["views_used"].as_u64()),
            (Some(0), Some(1))
        );
        // A burn is idempotent: the sender's wish holds.
        assert_eq!(burn(&app, &made.receipt).await.0, 204);
        assert_eq!(
            events(&receipt(&app, &made.receipt).await.1),
            ["viewed", "burned"]
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_malformed_receipts_are_problems() {
    let app = spawn_app_with(|_| {}).await;
    let unknown = format!("hlr_{}A", "A".repeat(42));
    for token in [unknown.as_str(), "hlr_short", "nothing", "hlr_%FF%FE"] {
        let (status, problem) = receipt(&app, token).await;
        assert_eq!(status, 404, "{token}");
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .ends_with("receipt-not-found")
        );
        let (status, problem) = burn(&app, token).await;
        assert_eq!(status, 404, "{token}");
        assert!(
            problem.unwrap()["type"]
                .as_str()
                .unwrap()
                .ends_with("receipt-not-found")
        );
    }
    // A secret's own token is not a receipt.
    let made = make(&app, json!({"password": "x"})).await;
    assert_eq!(receipt(&app, &quote_plus(&made.token)).await.0, 404);
    assert_eq!(reveal(&app, &made.token).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unseen_secret_expires_and_its_receipt_says_so() {
    let apps = both_backends().await;
    let mut made = Vec::new();
    for app in &apps {
        made.push(make(app, json!({"password": "short-lived", "ttl": 1})).await);
    }
    tokio::time::sleep(Duration::from_millis(2_200)).await;
    for (app, made) in apps.iter().zip(&made) {
        assert_eq!(reveal(app, &made.token).await, 404);
        let (status, s) = receipt(app, &made.receipt).await;
        assert_eq!(status, 200, "on {}", app.backend);
        assert_eq!(s["state"], "expired", "on {}", app.backend);
        assert_eq!(events(&s), ["expired"]);
        assert_eq!(s["events"][0]["at"], s["expires_at"]);
        assert_eq!(s["views_left"], 0);
        let (status, problem) = burn(app, &made.receipt).await;
        assert_eq!(status, 409);
        assert_eq!(problem.unwrap()["state"], "expired");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_passphrases_are_logged_and_destroy_a_zero_knowledge_secret() {
    for app in both_backends().await {
        let key = LinkKey::generate();
        let sealed = zk::seal(&key, &Kdf::None, None, &Content::guess(b"zk".to_vec())).unwrap();
        let r = app
            .client
            .post(app.url("/api/v2/secrets"))
            .json(&json!({
                "envelope": zk::b64(sealed.envelope.as_bytes()),
                "verifier": zk::b64(&sealed.verifier),
                "key_check": zk::b64(&sealed.key_check),
                "views": 2,
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        let id = body["id"].as_str().unwrap().to_owned();
        let token = body["receipt"]["token"].as_str().unwrap().to_owned();
        let reveal_url = app.url(&format!("/api/v2/secrets/{id}/reveal"));
        let right = zk::derive(&key, &Kdf::None, None).unwrap().proof;
        let r = app
            .client
            .post(&reveal_url)
            .json(&json!({"proof": zk::b64(&right)}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let wrong = zk::derive(&LinkKey::generate(), &Kdf::None, None)
            .unwrap()
            .proof;
        let mut last = 0;
        for _ in 0..5 {
            let r = app
                .client
                .post(&reveal_url)
                .json(&json!({"proof": zk::b64(&wrong)}))
                .send()
                .await
                .unwrap();
            last = r.status().as_u16();
        }
        assert_eq!(
            last, 410,
            "the fifth wrong proof destroys, on {}",
            app.backend
        );
        let (_, s) = receipt(&app, &token).await;
        assert_eq!(s["state"], "destroyed", "on {}", app.backend);
        let mut expected = vec!["viewed"];
        expected.extend(["passphrase_failed"; 5]);
        expected.push("destroyed");
        assert_eq!(events(&s), expected);
        assert_eq!(
            (s["views_left"].as_u64(), s["views_used"].as_u64()),
            (Some(0), Some(1))
        );
        assert!(
            !s.to_string().contains(&id),
            "the receipt does not name the secret"
        );
        assert_eq!(burn(&app, &token).await.1.unwrap()["state"], "destroyed");
    }
}

/// Many trials of a burn and a reveal of the last view sent together: the
/// store decides, so each trial has exactly one outcome.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_burn_racing_a_reveal_has_exactly_one_outcome() {
    for app in both_backends().await {
        let app = Arc::new(app);
        let (mut burned, mut viewed) = (0, 0);
        for _ in 0..40 {
            let made = make(&app, json!({"password": "race"})).await;
            let (a, b) = (Arc::clone(&app), Arc::clone(&app));
            let (token, receipt_token) = (made.token.clone(), made.receipt.clone());
            let reader = tokio::spawn(async move { reveal(&a, &token).await });
            let burner = tokio::spawn(async move { burn(&b, &receipt_token).await });
            let (read, (burnt, problem)) = (reader.await.unwrap(), burner.await.unwrap());
            let state = receipt(&app, &made.receipt).await.1["state"].clone();
            match (read, burnt) {
                (200, 409) => {
                    assert_eq!(problem.unwrap()["state"], "viewed");
                    assert_eq!(state, "viewed");
                    viewed += 1;
                }
                (404, 204) => {
                    assert_eq!(state, "burned");
                    burned += 1;
                }
                other => panic!(
                    "two outcomes or none on {}: {other:?}, receipt {state}",
                    app.backend
                ),
            }
            assert_eq!(reveal(&app, &made.token).await, 404);
        }
        eprintln!(
            "{}: {viewed} viewed first, {burned} burned first",
            app.backend
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receipt_is_gone_after_its_retention_and_leaves_nothing_in_redis() {
    let redis = Arc::new(RedisServer::start());
    let short = |c: &mut hushlink::config::Config| {
        c.receipt_retention = 1;
        c.purge_interval = 1;
    };
    let apps = [
        spawn_app_with(short).await,
        spawn_app_on_redis(&redis, short).await,
        spawn_cluster_app(shared_cluster(), short).await,
    ];
    let mut made = Vec::new();
    for app in &apps {
        let m = make(app, json!({"password": "retained", "ttl": 1})).await;
        assert_eq!(reveal(app, &m.token).await, 200);
        assert_eq!(receipt(app, &m.receipt).await.1["state"], "viewed");
        made.push(m);
    }
    // Expiry (1 s) plus retention (1 s), and a margin for a second boundary.
    tokio::time::sleep(Duration::from_millis(3_500)).await;
    for (app, m) in apps.iter().zip(&made) {
        let (status, problem) = receipt(app, &m.receipt).await;
        assert_eq!(status, 404, "on {}", app.backend);
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .ends_with("receipt-not-found")
        );
        assert_eq!(burn(app, &m.receipt).await.0, 404);
    }
    let mut conn = redis.connection();
    let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut conn).unwrap();
    assert!(keys.is_empty(), "left in Redis: {keys:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receipt_works_across_instances_on_one_redis() {
    let redis = Arc::new(RedisServer::start());
    let one = spawn_app_on_redis(&redis, |_| {}).await;
    let two = spawn_app_on_redis(&redis, |_| {}).await;
    let made = make(&one, json!({"password": "shared"})).await;
    assert_eq!(receipt(&two, &made.receipt).await.1["state"], "available");
    assert_eq!(burn(&two, &made.receipt).await.0, 204);
    assert_eq!(reveal(&one, &made.token).await, 404);
    assert_eq!(receipt(&one, &made.receipt).await.1["state"], "burned");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_secret_or_token_in_the_store_or_a_trace_level_log() {
    let redis = RedisServer::start();
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().join("data");
    for (name, envs) in [
        (
            "embedded",
            vec![("HUSHLINK_DATA_DIR", data_dir.display().to_string())],
        ),
        ("redis", vec![("REDIS_URL", redis.url())]),
    ] {
        let mut envs = envs;
        envs.push(("RUST_LOG", "trace".into()));
        envs.push(("HUSHLINK_LOG_FORMAT", "json".into()));
        let log = dir.path().join(format!("{name}.log"));
        let mut server = ServerProcess::start(&envs, &log).await;
        let client = client();
        let mut needles = Vec::new();
        for i in 0..3 {
            let password = format!(
                "TOPSECRET-{name}-{i}-{}",
                hex::encode(rand::random::<[u8; 6]>())
            );
            let r = client
                .post(server.url("/api/v2/passwords"))
                .json(&json!({"password": password, "views": 2}))
                .send()
                .await
                .unwrap();
            let body: Value = r.json().await.unwrap();
            let token = body["token"].as_str().unwrap().to_owned();
            let receipt = body["receipt"]["token"].as_str().unwrap().to_owned();
            let quoted = quote_plus(&token);
            let receipt_url = server.url(&format!("/api/v2/receipts/{receipt}"));
            client.get(&receipt_url).send().await.unwrap();
            client
                .get(server.url(&format!("/api/v2/passwords/{quoted}")))
                .send()
                .await
                .unwrap();
            client.get(&receipt_url).send().await.unwrap();
            client
                .get(server.url(&format!("/r/{receipt}")))
                .send()
                .await
                .unwrap();
            assert_eq!(
                client.delete(&receipt_url).send().await.unwrap().status(),
                204
            );
            client.delete(&receipt_url).send().await.unwrap();
            let (storage, key) = token.split_once('~').unwrap();
            needles.extend([
                password,
                token.clone(),
                quoted,
                storage.to_owned(),
                key.to_owned(),
                receipt[4..].to_owned(),
            ]);
        }
        assert!(server.terminate().success());
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(text.lines().count() > 20, "expected trace output");
        assert!(
            text.contains("/api/v2/receipts/{token}"),
            "access log lines present"
        );
        for needle in &needles {
            assert!(
                !text.contains(needle.as_str()),
                "{name} log contains {needle}"
            );
        }
        // The store keeps only the receipt's hash.
        let stored = match name {
            "embedded" => std::fs::read(data_dir.join("hushlink.redb")).unwrap(),
            _ => redis_dump(&redis),
        };
        for needle in needles.iter().skip(5).step_by(6) {
            assert!(
                !stored.windows(needle.len()).any(|w| w == needle.as_bytes()),
                "{name} store holds a receipt token"
            );
        }
    }
}

/// Every byte the Redis holds, keys and values.
fn redis_dump(redis: &RedisServer) -> Vec<u8> {
    let mut conn = redis.connection();
    let keys: Vec<Vec<u8>> = redis::cmd("KEYS").arg("*").query(&mut conn).unwrap();
    let mut out = Vec::new();
    for key in keys {
        let value: Vec<u8> = redis::cmd("DUMP").arg(&key).query(&mut conn).unwrap();
        out.extend(key);
        out.extend(value);
    }
    out
}

/// The form's link page leads to the receipt page, which shows the state in
/// the visitor's language and deletes with a plain form post (no script).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_receipt_page_shows_the_life_and_its_button_deletes() {
    for app in both_backends().await {
        let page = app
            .client
            .post(app.url("/"))
            .form(&[("password", "page secret"), ("ttl", "Hour"), ("views", "2")])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let start = page
            .find(&app.url("/r/hlr_"))
            .expect("receipt link on the link page");
        let receipt_url: String = page[start..].chars().take_while(|c| *c != '"').collect();
        let token_at = page.find("id=\"password-link\" value=\"").unwrap() + 26;
        let link: String = page[token_at..].chars().take_while(|c| *c != '"').collect();

        let get = |lang: &'static str| {
            let (client, url) = (app.client.clone(), receipt_url.clone());
            async move {
                let r = client
                    .get(url)
                    .header("accept-language", lang)
                    .send()
                    .await
                    .unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            }
        };
        let (status, html) = get("en").await;
        assert_eq!(status, 200, "on {}", app.backend);
        assert!(html.contains("data-state=\"available\""), "{html}");
        assert!(html.contains("Still available: the link works."));
        assert!(html.contains("id=\"receipt-delete\""));
        let (_, html) = get("de").await;
        assert!(
            html.contains("Noch verfügbar: Der Link funktioniert."),
            "{html}"
        );
        assert!(html.contains("Jetzt löschen"));
        let secret_part = link.rsplit('/').next().unwrap();
        for needle in ["page secret", secret_part] {
            assert!(!html.contains(needle), "the receipt page shows {needle}");
        }

        let r = app.client.post(&receipt_url).send().await.unwrap();
        assert_eq!(r.status(), 303, "on {}", app.backend);
        assert_eq!(r.headers()["location"], receipt_url.as_str());
        let gone = app.client.post(&link).send().await.unwrap();
        assert_eq!(gone.status(), 404, "the link is dead after Delete now");
        let (_, html) = get("en").await;
        assert!(html.contains("data-state=\"burned\""), "{html}");
        assert!(html.contains("Deleted by the sender: the link no longer works."));
        assert!(
            !html.contains("id=\"receipt-delete\""),
            "nothing left to delete"
        );
        // A second press changes nothing and still lands on the page.
        let r = app.client.post(&receipt_url).send().await.unwrap();
        assert_eq!(r.status(), 303);
    }
    let app = spawn_app_with(|_| {}).await;
    let r = app
        .client
        .get(app.url(&format!("/r/hlr_{}A", "B".repeat(42))))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap().contains("Receipt not found"));
}

/// `send --receipt-file` writes the receipt (mode 0600); `status` prints the
/// state and exits 0 while the secret is available, 4 with the reason once
/// it is gone; `burn` burns it, and is too late after a reveal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_sends_with_a_receipt_reads_its_status_and_burns() {
    for app in [spawn_app_with(|_| {}).await, spawn_redis_app().await] {
        let dir = tempfile::tempdir().unwrap();
        let server = vec![("HUSHLINK_SERVER", app.url("/"))];
        let (zk_file, server_file) = (dir.path().join("zk.receipt"), dir.path().join("s.receipt"));
        let path = |p: &std::path::Path| p.display().to_string();

        let out = hushlink_client(
            &["send", "--receipt-file", &path(&zk_file)],
            &server,
            b"cli zk",
        )
        .await;
        assert_exit(&out, 0, "send (zero-knowledge) with a receipt file");
        let receipt = std::fs::read_to_string(&zk_file).unwrap();
        assert!(
            receipt.starts_with(&app.url("/api/v2/receipts/hlr_")),
            "{receipt}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&zk_file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let out = hushlink_client(&["status", &path(&zk_file)], &[], b"").await;
        assert_exit(&out, 0, "status of an available secret");
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("available: 1 view(s) left"));
        let out = hushlink_client(&["burn", &path(&zk_file)], &[], b"").await;
        assert_exit(&out, 0, "burn");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "burned\n");
        let out = hushlink_client(&["status", "-"], &[], receipt.as_bytes()).await;
        assert_exit(&out, 4, "status of a burned secret");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("burned\n") && stdout.trim_end().ends_with(" burned"),
            "{stdout}"
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("burned through its receipt"), "{stderr}");
        assert!(
            !stderr.contains("hlr_"),
            "no receipt token in messages: {stderr}"
        );

        let out = hushlink_client(
            &[
                "send",
                "--server-side",
                "--receipt-file",
                &path(&server_file),
            ],
            &server,
            b"cli server-side",
        )
        .await;
        assert_exit(&out, 0, "send (server-side) with a receipt file");
        let link = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        assert_exit(&hushlink_client(&["get", &link], &[], b"").await, 0, "get");
        let out = hushlink_client(&["status", &path(&server_file)], &[], b"").await;
        assert_exit(&out, 4, "status of a viewed secret");
        assert!(String::from_utf8_lossy(&out.stderr).contains("every view was used"));
        let out = hushlink_client(&["burn", &path(&server_file)], &[], b"").await;
        assert_exit(&out, 4, "burn after the reveal is too late");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "viewed\n");

        let unknown = app.url(&format!("/api/v2/receipts/hlr_{}A", "D".repeat(42)));
        assert_exit(
            &hushlink_client(&["status", &unknown], &[], b"").await,
            4,
            "no such receipt",
        );
        assert_exit(
            &hushlink_client(&["status", "hlr_bare"], &[], b"").await,
            2,
            "not a receipt",
        );
    }
}

/// The embedded store's purge drops receipts past their retention, with
/// their index entries: the tables stay bounded, not merely unread.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_purge_drops_receipts_past_their_retention() {
    use redb::{MultimapTableDefinition, ReadableDatabase, ReadableTableMetadata, TableDefinition};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let short = |c: &mut hushlink::config::Config| {
        c.receipt_retention = 1;
        c.purge_interval = 1;
    };
    let app = crate::helpers::spawn_app_in(&data, short).await;
    for views in [1, 2] {
        let m = make(
            &app,
            json!({"password": "purged", "ttl": 1, "views": views}),
        )
        .await;
        assert_eq!(reveal(&app, &m.token).await, 200);
    }
    // Expiry (1 s) plus retention (1 s), then at least one purge (every 1 s).
    tokio::time::sleep(Duration::from_millis(4_500)).await;
    app.stop().await;
    let db = redb::Database::open(data.join("hushlink.redb")).unwrap();
    let txn = db.begin_read().unwrap();
    let records: TableDefinition<u64, &[u8]> = TableDefinition::new("receipt_records");
    let hashes: MultimapTableDefinition<u64, u64> =
        MultimapTableDefinition::new("receipt_hash_index");
    let order: TableDefinition<(u64, u64), &str> = TableDefinition::new("receipt_drops");
    assert_eq!(txn.open_table(records).unwrap().len().unwrap(), 0);
    assert_eq!(txn.open_multimap_table(hashes).unwrap().len().unwrap(), 0);
    assert_eq!(txn.open_table(order).unwrap().len().unwrap(), 0);
}

/// A file written with the first receipts layout (three tables keyed at
/// random) opens, and those tables are dropped: nothing reads them now.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_embedded_store_drops_the_first_receipts_layout() {
    use redb::{ReadableDatabase, TableDefinition, TableHandle};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let receipts: TableDefinition<&str, &[u8]> = TableDefinition::new("receipts");
    let index: TableDefinition<&str, &str> = TableDefinition::new("receipt_of");
    let order: TableDefinition<(u64, &str), ()> = TableDefinition::new("receipt_drop");
    {
        let db = redb::Database::create(data.join("hushlink.redb")).unwrap();
        let txn = db.begin_write().unwrap();
        txn.open_table(receipts)
            .unwrap()
            .insert("ab", b"{}".as_slice())
            .unwrap();
        txn.open_table(index).unwrap().insert("k", "ab").unwrap();
        txn.open_table(order)
            .unwrap()
            .insert((1, "ab"), ())
            .unwrap();
        txn.commit().unwrap();
    }
    let app = crate::helpers::spawn_app_in(&data, |_| {}).await;
    let m = make(&app, json!({"password": "after", "ttl": 60})).await;
    assert_eq!(reveal(&app, &m.token).await, 200);
    app.stop().await;
    let db = redb::Database::open(data.join("hushlink.redb")).unwrap();
    let names: Vec<String> = db
        .begin_read()
        .unwrap()
        .list_tables()
        .unwrap()
        .map(|t| t.name().to_owned())
        .collect();
    for old in ["receipts", "receipt_of", "receipt_drop"] {
        assert!(
            !names.iter().any(|n| n == old),
            "{old} is still in {names:?}"
        );
    }
    assert!(names.iter().any(|n| n == "receipt_records"), "{names:?}");
}
