//! Zero-knowledge secrets over real HTTP, on the embedded store, one Redis
//! and a Redis Cluster: possession proof before release, wrong and damaged
//! proofs use no view, the attempt limit, exactly-once reveals, and nothing
//! secret in the store or in a trace-level log.

use std::sync::Arc;

use hushlink::zk::{self, Content, Envelope, Kdf, LinkKey};
use serde_json::{Value, json};

use crate::helpers::{
    RedisServer, ServerProcess, TestApp, apps_with_admin, both_backends, client,
    spawn_app_on_redis, spawn_app_with,
};

/// What a client keeps after creating a secret.
struct Made {
    id: String,
    key: LinkKey,
    passphrase: Option<Vec<u8>>,
    data: Vec<u8>,
    web: String,
}

impl Made {
    /// The proof the reader derives from the link (and passphrase).
    fn proof(&self, kdf: &Kdf, passphrase: Option<&[u8]>) -> String {
        zk::b64(&zk::derive(&self.key, kdf, passphrase).unwrap().proof)
    }

    fn right_proof(&self, kdf: &Kdf) -> String {
        self.proof(kdf, self.passphrase.as_deref())
    }
}

fn kdf_from(meta: &Value) -> Kdf {
    match meta["kdf"].as_object() {
        None => Kdf::None,
        Some(k) => Kdf::Pbkdf2 {
            iterations: k["iterations"].as_u64().unwrap() as u32,
            salt: zk::decode_fixed(k["salt"].as_str().unwrap()).unwrap(),
        },
    }
}

async fn make(app: &TestApp, data: &[u8], passphrase: Option<&str>, views: u32) -> Made {
    let key = LinkKey::generate();
    let kdf = match passphrase {
        Some(_) => Kdf::pbkdf2_random(),
        None => Kdf::None,
    };
    let passphrase = passphrase.map(|p| p.as_bytes().to_vec());
    let sealed = zk::seal(
        &key,
        &kdf,
        passphrase.as_deref(),
        &Content::guess(data.to_vec()),
    )
    .unwrap();
    let r = app
        .client
        .post(app.url("/api/v2/secrets"))
        .json(&json!({
            "envelope": zk::b64(sealed.envelope.as_bytes()),
            "verifier": zk::b64(&sealed.verifier),
            "key_check": zk::b64(&sealed.key_check),
            "ttl": 3600,
            "views": views,
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "create on {}", app.backend);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["views"], views);
    assert_eq!(body["ttl"], 3600);
    let id = body["id"].as_str().unwrap().to_owned();
    let web = body["links"][1]["href"].as_str().unwrap().to_owned();
    assert_eq!(body["links"][1]["rel"], "web-view");
    assert!(web.ends_with(&format!("/s/{id}")), "{web}");
    Made {
        id,
        key,
        passphrase,
        data: data.to_vec(),
        web,
    }
}

async fn metadata(app: &TestApp, id: &str) -> (u16, Value) {
    let r = app
        .client
        .get(app.url(&format!("/api/v2/secrets/{id}")))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn reveal(app: &TestApp, id: &str, body: Value) -> (u16, Value) {
    let r = app
        .client
        .post(app.url(&format!("/api/v2/secrets/{id}/reveal")))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    if status != 200 {
        assert_eq!(
            r.headers()["content-type"],
            "application/problem+json",
            "{status}"
        );
    }
    (status, r.json().await.unwrap_or(Value::Null))
}

async fn head(app: &TestApp, id: &str) -> (u16, Option<String>) {
    let r = app
        .client
        .head(app.url(&format!("/api/v2/secrets/{id}")))
        .send()
        .await
        .unwrap();
    let views = r
        .headers()
        .get("x-views-remaining")
        .map(|v| v.to_str().unwrap().to_owned());
    (r.status().as_u16(), views)
}

fn open(made: &Made, envelope: &str) -> Content {
    let envelope = Envelope::parse(zk::unb64(envelope).unwrap()).unwrap();
    zk::open(&made.key, made.passphrase.as_deref(), &envelope).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metadata_consumes_nothing_and_a_right_proof_reveals_on_every_backend() {
    for app in both_backends().await {
        let data = "zk secret: ünïcødé\n".as_bytes();
        let made = make(&app, data, None, 2).await;

        for _ in 0..3 {
            let (status, meta) = metadata(&app, &made.id).await;
            assert_eq!(status, 200, "{}", app.backend);
            assert_eq!(meta["views_left"], 2);
            assert_eq!(meta["passphrase"], false);
            assert_eq!(meta["kdf"], Value::Null);
            assert_eq!(meta["version"], 1);
            assert_eq!(meta["kind"], "secret");
            assert_eq!(meta["attempts_left"], 5);
            assert_eq!(meta["key_check"], zk::b64(&zk::key_check(&made.key)));
            assert_eq!(head(&app, &made.id).await, (200, Some("2".into())));
        }

        assert!(made.web.starts_with(&app.address), "{}", made.web);

        let proof = made.right_proof(&Kdf::None);
        let (status, body) = reveal(&app, &made.id, json!({ "proof": proof })).await;
        assert_eq!(status, 200, "{}: {body}", app.backend);
        assert_eq!(body["views_left"], 1);
        let content = open(&made, body["envelope"].as_str().unwrap());
        assert_eq!(content.data, made.data);
        assert_eq!(content.content_type, zk::ContentType::Text);
        assert_eq!(head(&app, &made.id).await, (200, Some("1".into())));

        let (status, body) = reveal(&app, &made.id, json!({ "proof": proof })).await;
        assert_eq!((status, &body["views_left"]), (200, &json!(0)));
        let (status, _) = reveal(&app, &made.id, json!({ "proof": proof })).await;
        assert_eq!(status, 404, "{}: used up", app.backend);
        assert_eq!(head(&app, &made.id).await, (404, None));
        assert_eq!(metadata(&app, &made.id).await.0, 404);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_and_damaged_proofs_use_no_view() {
    for app in both_backends().await {
        let made = make(&app, &[0, 1, 2, 0xff, 0xfe], Some("open sesame"), 1).await;
        let (_, meta) = metadata(&app, &made.id).await;
        assert_eq!(meta["passphrase"], true);
        assert_eq!(meta["kdf"]["name"], "PBKDF2-HMAC-SHA256");
        assert_eq!(meta["kdf"]["iterations"], 600_000);
        let kdf = kdf_from(&meta);

        // Damaged proofs: not 32 bytes of base64url, or no proof at all.
        // Refused before the store is asked: no view, no attempt.
        let right = made.right_proof(&kdf);
        for bad in [
            json!({ "proof": &right[..42] }),
            json!({ "proof": format!("{right}A") }),
            json!({ "proof": right.replace(['-', '_'], "+") + "=" }),
            json!({ "proof": 7 }),
            json!({}),
            json!([right]),
        ] {
            let (status, problem) = reveal(&app, &made.id, bad.clone()).await;
            assert_eq!(status, 400, "{}: {bad}", app.backend);
            assert!(
                problem["type"]
                    .as_str()
                    .unwrap()
                    .ends_with("validation-error")
            );
        }
        // A damaged link key: the key check says so before any request.
        let mut damaged = *made.key.as_bytes();
        damaged[0] ^= 1;
        assert_ne!(
            meta["key_check"],
            zk::b64(&zk::key_check(&LinkKey::from_bytes(damaged)))
        );

        // A wrong passphrase: 403, one attempt used, no view.
        let wrong = made.proof(&kdf, Some(b"open sesame "));
        let (status, problem) = reveal(&app, &made.id, json!({ "proof": wrong })).await;
        assert_eq!(status, 403, "{}", app.backend);
        assert!(problem["type"].as_str().unwrap().ends_with("wrong-proof"));
        assert_eq!(problem["attempts-left"], 4);
        let (status, meta) = metadata(&app, &made.id).await;
        assert_eq!((status, &meta["views_left"]), (200, &json!(1)));
        assert_eq!(meta["attempts_left"], 4);

        let (status, body) = reveal(&app, &made.id, json!({ "proof": right })).await;
        assert_eq!(status, 200, "{}", app.backend);
        assert_eq!(
            open(&made, body["envelope"].as_str().unwrap()).data,
            made.data
        );
        assert_eq!(head(&app, &made.id).await.0, 404);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_attempt_limit_destroys_the_secret_across_instances() {
    // Two instances over one Redis count the same attempts; the embedded
    // store counts in its writer.
    let redis = Arc::new(RedisServer::start());
    let limit = |c: &mut hushlink::config::Config| c.passphrase_attempts = 3;
    let pairs = vec![
        {
            let app = spawn_app_with(limit).await;
            (app, None)
        },
        (
            spawn_app_on_redis(&redis, limit).await,
            Some(spawn_app_on_redis(&redis, limit).await),
        ),
    ];
    for (first, second) in &pairs {
        let other = second.as_ref().unwrap_or(first);
        let made = make(first, b"burn after wrong tries", Some("right"), 5).await;
        let kdf = kdf_from(&metadata(first, &made.id).await.1);
        let wrong = made.proof(&kdf, Some(b"wrong"));
        let (status, p) = reveal(first, &made.id, json!({ "proof": wrong })).await;
        assert_eq!((status, &p["attempts-left"]), (403, &json!(2)));
        let (status, p) = reveal(other, &made.id, json!({ "proof": wrong })).await;
        assert_eq!((status, &p["attempts-left"]), (403, &json!(1)));
        assert_eq!(metadata(other, &made.id).await.1["views_left"], 5);
        let (status, p) = reveal(first, &made.id, json!({ "proof": wrong })).await;
        assert_eq!(status, 410, "{}: destroyed", first.backend);
        assert!(p["type"].as_str().unwrap().ends_with("secret-destroyed"));
        assert_eq!(p["attempts-left"], 0);
        // Gone for good, even with the right passphrase.
        let right = made.right_proof(&kdf);
        assert_eq!(
            reveal(other, &made.id, json!({ "proof": right })).await.0,
            404
        );
        assert_eq!(head(first, &made.id).await.0, 404);
    }
    if let Some(redis) = pairs[1].0.redis.as_ref() {
        // No counter or record is left behind; only the receipt, which
        // outlives its secret for the retention.
        let mut conn = redis.connection();
        let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut conn).unwrap();
        assert!(
            keys.iter()
                .all(|k| !k.contains("zk") || k.ends_with("}:receipt")),
            "{keys:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn proofs_answered_503_count_nothing_and_take_nothing() {
    // One wrong proof destroys the secret here; the one answered 503, which
    // Redis runs only once it resumes, after hushlink stopped waiting (its
    // deadline), must not count. Nor may a right one answered 503 take the
    // view (the conditional take, after a read that passed).
    let redis = Arc::new(RedisServer::start());
    let app = spawn_app_on_redis(&redis, |c| {
        c.store_timeout_ms = 300;
        c.passphrase_attempts = 1;
    })
    .await;
    let wrong = json!({ "proof": zk::b64(&[7; 32]) });
    // A reveal and a wrong proof first, so that Redis holds both scripts: a
    // paused `EVALSHA` of a script it does not know yet fails with NOSCRIPT.
    let warm = make(&app, b"loads the take", None, 2).await;
    let right = json!({ "proof": warm.right_proof(&Kdf::None) });
    assert_eq!(reveal(&app, &warm.id, right).await.0, 200);
    assert_eq!(reveal(&app, &warm.id, wrong.clone()).await.0, 410);

    let made = make(&app, b"survives a stalled Redis", None, 1).await;
    // Writes only: the reveal's read passes, its wrong proof's count waits.
    redis.pause_writes(1000);
    let (status, problem) = reveal(&app, &made.id, wrong).await;
    assert_eq!(status, 503, "{problem}");
    // Resumed (and hushlink's next command waits behind the stalled proof
    // on its connection): the secret is there, no attempt used.
    redis.wait_resumed().await;
    let (status, meta) = metadata(&app, &made.id).await;
    assert_eq!((status, &meta["attempts_left"]), (200, &json!(1)), "{meta}");

    let right = json!({ "proof": made.right_proof(&Kdf::None) });
    redis.pause_writes(1000);
    assert_eq!(reveal(&app, &made.id, right.clone()).await.0, 503);
    redis.wait_resumed().await;
    let (status, body) = reveal(&app, &made.id, right).await;
    assert_eq!(status, 200);
    let envelope = body["envelope"].as_str().unwrap();
    assert_eq!(open(&made, envelope).data, made.data);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_right_proofs_reveal_exactly_once_and_wrong_ones_count_exactly() {
    const READERS: usize = 8;
    for app in both_backends().await {
        // Readers spread over two instances sharing the store (the embedded
        // store belongs to one process).
        let second = match app.backend {
            "redis" => Some(spawn_app_on_redis(app.redis.as_ref().unwrap(), |_| {}).await),
            "cluster" => Some(
                crate::helpers::spawn_cluster_app(crate::helpers::shared_cluster(), |_| {}).await,
            ),
            _ => None,
        };
        let instances: Vec<Arc<TestApp>> =
            std::iter::once(app).chain(second).map(Arc::new).collect();
        let app = &instances[0];
        for round in 0..10 {
            let made = make(app, format!("once-{round}").as_bytes(), None, 1).await;
            let proof = made.right_proof(&Kdf::None);
            let statuses = race(
                &instances,
                &made.id,
                READERS,
                move |_| json!({ "proof": proof }),
            )
            .await;
            let ok = statuses.iter().filter(|s| **s == 200).count();
            let gone = statuses.iter().filter(|s| **s == 404).count();
            assert_eq!(
                (ok, gone),
                (1, READERS - 1),
                "{} ({} instances): {statuses:?}",
                app.backend,
                instances.len()
            );
        }
        // Eight concurrent wrong proofs against a limit of five: four are
        // told how many remain, one destroys, three find nothing.
        let made = make(app, b"racing wrong tries", None, 1).await;
        let statuses = race(
            &instances,
            &made.id,
            READERS,
            |i| json!({ "proof": zk::b64(&[i as u8; 32]) }),
        )
        .await;
        let count = |s: u16| statuses.iter().filter(|x| **x == s).count();
        assert_eq!(
            (count(403), count(410), count(404)),
            (4, 1, 3),
            "{}: {statuses:?}",
            app.backend
        );
    }
}

/// `readers` concurrent reveals of `id`, spread over `instances`.
async fn race(
    instances: &[Arc<TestApp>],
    id: &str,
    readers: usize,
    body: impl Fn(usize) -> Value,
) -> Vec<u16> {
    let barrier = Arc::new(tokio::sync::Barrier::new(readers));
    let tasks: Vec<_> = (0..readers)
        .map(|i| {
            let app = &instances[i % instances.len()];
            let url = app.url(&format!("/api/v2/secrets/{id}/reveal"));
            let (client, barrier, body) = (app.client.clone(), barrier.clone(), body(i));
            tokio::spawn(async move {
                barrier.wait().await;
                client
                    .post(&url)
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    statuses
}

#[tokio::test]
async fn bad_creates_are_problems_naming_the_field() {
    let app = spawn_app_with(|c| c.max_secret_bytes = 1024).await;
    let key = LinkKey::generate();
    let sealed = zk::seal(&key, &Kdf::None, None, &Content::guess(b"x".to_vec())).unwrap();
    let good = json!({
        "envelope": zk::b64(sealed.envelope.as_bytes()),
        "verifier": zk::b64(&sealed.verifier),
        "key_check": zk::b64(&sealed.key_check),
    });
    let mut reserved = sealed.envelope.as_bytes().to_vec();
    reserved[1] = 2;
    let mut version = sealed.envelope.as_bytes().to_vec();
    version[0] = 2;
    let with = |field: &str, value: Value| {
        let mut body = good.clone();
        body[field] = value;
        body
    };
    for (body, field) in [
        (with("envelope", json!(zk::b64(&reserved))), "envelope"),
        (with("envelope", json!(zk::b64(&version))), "envelope"),
        (with("envelope", json!(zk::b64(&[1, 1, 0]))), "envelope"),
        (with("envelope", json!("not base64!")), "envelope"),
        (with("envelope", json!(null)), "envelope"),
        (with("verifier", json!(zk::b64(&[0; 31]))), "verifier"),
        (with("key_check", json!(1)), "key_check"),
        (with("ttl", json!(0)), "ttl"),
        (with("views", json!(101)), "views"),
        (json!("text"), "body"),
    ] {
        let r = app
            .client
            .post(app.url("/api/v2/secrets"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{body}");
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let problem: Value = r.json().await.unwrap();
        assert_eq!(problem["invalid-params"][0]["name"], field, "{problem}");
    }
    let big = zk::seal(&key, &Kdf::None, None, &Content::guess(vec![b'a'; 4096])).unwrap();
    let r = app
        .client
        .post(app.url("/api/v2/secrets"))
        .json(&with("envelope", json!(zk::b64(big.envelope.as_bytes()))))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    for id in ["nothex", "0123456789ABCDEF0123456789ABCDEF", "00"] {
        assert_eq!(metadata(&app, id).await.0, 404);
        assert_eq!(
            reveal(&app, id, json!({ "proof": zk::b64(&[0; 32]) }))
                .await
                .0,
            404
        );
    }
}

#[tokio::test]
async fn api_keys_apply_to_zero_knowledge_creates() {
    for (app, admin) in apps_with_admin().await {
        let key = LinkKey::generate();
        let sealed = zk::seal(&key, &Kdf::None, None, &Content::guess(b"k".to_vec())).unwrap();
        let body = json!({
            "envelope": zk::b64(sealed.envelope.as_bytes()),
            "verifier": zk::b64(&sealed.verifier),
            "key_check": zk::b64(&sealed.key_check),
        });
        let url = app.url("/api/v2/secrets");
        let r = app.client.post(&url).json(&body).send().await.unwrap();
        assert_eq!(r.status(), 401, "{}", app.backend);
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let r = app
            .client
            .post(&url)
            .bearer_auth(admin.expose())
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{}", app.backend);
        // Reading needs no key: the link (and its proof) is the capability.
        let id = r.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(metadata(&app, &id).await.0, 200);
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

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nothing_secret_in_the_store_or_a_trace_level_log() {
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
        let mut needles: Vec<Vec<u8>> = Vec::new();
        let mut stored = Vec::new();
        for i in 0..3 {
            let plaintext = format!(
                "TOPSECRET-{name}-{i}-{}",
                hex::encode(rand::random::<[u8; 6]>())
            );
            let passphrase = format!("pass-{}", hex::encode(rand::random::<[u8; 6]>()));
            let key = LinkKey::generate();
            let kdf = Kdf::pbkdf2_random();
            let sealed = zk::seal(
                &key,
                &kdf,
                Some(passphrase.as_bytes()),
                &Content::guess(plaintext.clone().into_bytes()),
            )
            .unwrap();
            let keys = zk::derive(&key, &kdf, Some(passphrase.as_bytes())).unwrap();
            let r = client
                .post(server.url("/api/v2/secrets"))
                .json(&json!({
                    "envelope": zk::b64(sealed.envelope.as_bytes()),
                    "verifier": zk::b64(&sealed.verifier),
                    "key_check": zk::b64(&sealed.key_check),
                    "views": 2,
                }))
                .send()
                .await
                .unwrap();
            let id = r.json::<Value>().await.unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned();
            let reveal_url = server.url(&format!("/api/v2/secrets/{id}/reveal"));
            client
                .head(server.url(&format!("/api/v2/secrets/{id}")))
                .send()
                .await
                .unwrap();
            client
                .get(server.url(&format!("/api/v2/secrets/{id}")))
                .send()
                .await
                .unwrap();
            client
                .get(server.url(&format!("/s/{id}")))
                .send()
                .await
                .unwrap();
            let page = client
                .get(server.url(&format!("/s/{id}")))
                .send()
                .await
                .unwrap();
            assert_eq!(page.status(), 200);
            let wrong = zk::derive(&key, &kdf, Some(b"wrong")).unwrap();
            let r = client
                .post(&reveal_url)
                .json(&json!({ "proof": zk::b64(&wrong.proof) }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 403);
            let r = client
                .post(&reveal_url)
                .json(&json!({ "proof": zk::b64(&keys.proof) }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            stored.push((
                plaintext.clone(),
                keys.proof,
                *key.as_bytes(),
                *keys.enc_key(),
            ));
            needles.extend([
                plaintext.into_bytes(),
                passphrase.into_bytes(),
                id.into_bytes(),
                key.to_fragment().into_bytes(),
                zk::b64(&keys.proof).into_bytes(),
                zk::b64(&wrong.proof).into_bytes(),
                zk::b64(sealed.envelope.as_bytes()).into_bytes(),
            ]);
        }
        // The store holds (views left: 1) the envelope and verifier, never
        // the plaintext, key, proof or encryption key.
        let bytes = match name {
            "embedded" => std::fs::read(data_dir.join("hushlink.redb")).unwrap(),
            _ => redis_dump(&redis),
        };
        for (plaintext, proof, key, enc) in &stored {
            assert!(
                !contains(&bytes, plaintext.as_bytes()),
                "{name}: plaintext stored"
            );
            assert!(!contains(&bytes, proof), "{name}: proof stored");
            assert!(!contains(&bytes, key), "{name}: link key stored");
            assert!(!contains(&bytes, enc), "{name}: encryption key stored");
        }
        assert!(server.terminate().success());
        let text = std::fs::read(&log).unwrap();
        assert!(
            contains(&text, b"/api/v2/secrets/{id}/reveal") && contains(&text, b"/s/{id}"),
            "{name}: access log lines present"
        );
        for needle in &needles {
            assert!(
                !contains(&text, needle),
                "{name}: log leaks {}",
                String::from_utf8_lossy(needle)
            );
        }
    }
}

#[tokio::test]
async fn the_reader_page_is_a_preview_that_needs_javascript_and_consumes_nothing() {
    for app in both_backends().await {
        let made = make(&app, b"page secret", None, 1).await;
        for _ in 0..3 {
            let r = app.client.get(&made.web).send().await.unwrap();
            assert_eq!(r.status(), 200, "{}", app.backend);
            let csp = r.headers()["content-security-policy"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(
                csp.contains("script-src 'self'") && csp.contains("connect-src 'self'"),
                "{csp}"
            );
            assert!(!csp.contains("unsafe"), "{csp}");
            let html = r.text().await.unwrap();
            assert!(html.contains("<noscript>"), "{html}");
            assert!(html.contains("needs JavaScript"), "{html}");
            assert!(
                html.contains(r#"<script type="module" src="../static/zk."#)
                    && html.contains(r#"href="../static/app."#),
                "{html}"
            );
            assert!(
                html.contains(&format!("/api/v2/secrets/{}", made.id)),
                "{html}"
            );
            assert!(!html.contains("<script>"), "no inline script");
            assert!(
                html.contains("the server never sees the secret"),
                "footer: {html}"
            );
        }
        assert_eq!(head(&app, &made.id).await, (200, Some("1".into())));
        let r = app
            .client
            .get(app.url("/s/0123456789abcdef0123456789abcdef"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        let r = app
            .client
            .get(app.url("/s/not-an-id"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
    }
}

#[tokio::test]
async fn the_form_offers_browser_encryption_and_its_create_follows_the_form_rules() {
    // Keys required on the API: the form (and its script's create) stay
    // open, exactly as SnapPass's form post does.
    let app = spawn_app_with(|c| c.api_auth = hushlink::config::ApiAuth::Required).await;
    let html = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"id="zk-passphrase""#), "{html}");
    assert!(html.contains(r#"data-create="/s""#), "{html}");
    assert!(html.contains("type=\"module\""), "{html}");
    let key = LinkKey::generate();
    let sealed = zk::seal(&key, &Kdf::None, None, &Content::guess(b"form".to_vec())).unwrap();
    let body = json!({
        "envelope": zk::b64(sealed.envelope.as_bytes()),
        "verifier": zk::b64(&sealed.verifier),
        "key_check": zk::b64(&sealed.key_check),
        "ttl": 3600,
    });
    let r = app
        .client
        .post(app.url("/s"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let created: Value = r.json().await.unwrap();
    assert!(
        created["links"][1]["href"]
            .as_str()
            .unwrap()
            .contains("/s/")
    );
    let r = app
        .client
        .post(app.url("/api/v2/secrets"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401, "the API still needs a key");

    // The SnapPass flow's link page says which kind of link it made.
    let r = app
        .client
        .post(app.url("/"))
        .form(&[("password", "no js"), ("ttl", "Hour")])
        .send()
        .await
        .unwrap();
    let html = r.text().await.unwrap();
    assert!(
        html.contains("Server-encrypted link (SnapPass format)"),
        "{html}"
    );
    assert!(
        html.contains("sees the secret while it creates and reveals it"),
        "{html}"
    );

    let server =
        spawn_app_with(|c| c.web_encryption = hushlink::config::WebEncryption::Server).await;
    let html = server
        .client
        .get(server.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("zk-passphrase") && !html.contains("type=\"module\""),
        "{html}"
    );
    let off = spawn_app_with(|c| c.web_form = false).await;
    assert_eq!(
        off.client
            .post(off.url("/s"))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

/// The client binary against `app`, with stdin piped (never a terminal).
async fn cli(app: &TestApp, args: &[&str], stdin: &[u8]) -> std::process::Output {
    crate::helpers::hushlink_client(args, &[("HUSHLINK_SERVER", app.address.clone())], stdin).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_makes_and_opens_zero_knowledge_links_byte_for_byte() {
    use crate::helpers::assert_exit;
    for app in both_backends().await {
        // Text and binary, by default a zero-knowledge link.
        let binary: Vec<u8> = (0..3000).map(|i| (i * 7 % 256) as u8).collect();
        for secret in [b"pipeline secret\n".to_vec(), binary] {
            let out = cli(&app, &["send", "--views", "2"], &secret).await;
            assert_exit(&out, 0, "send");
            let link = String::from_utf8(out.stdout).unwrap().trim_end().to_owned();
            let (page, fragment) = link.split_once('#').expect("a fragment");
            assert!(page.starts_with(&format!("{}/s/", app.address)), "{link}");
            assert_eq!(fragment.len(), 43);
            let out = cli(&app, &["check", &link], b"").await;
            assert_exit(&out, 0, "check");
            assert_eq!(out.stdout, b"available (2 view(s) left)\n");
            for _ in 0..2 {
                let out = cli(&app, &["get", &link], b"").await;
                assert_exit(&out, 0, "get");
                assert!(out.stdout == secret, "{}: exact bytes", app.backend);
                assert!(!String::from_utf8_lossy(&out.stderr).contains(fragment));
            }
            for cmd in ["get", "check"] {
                assert_exit(&cli(&app, &[cmd, &link], b"").await, 4, "used up");
            }
        }

        // With a passphrase: a wrong one exits 8 and uses no view.
        let dir = tempfile::tempdir().unwrap();
        let (right, wrong) = (dir.path().join("right"), dir.path().join("wrong"));
        std::fs::write(&right, "tr0ub4dor & 3\n").unwrap();
        std::fs::write(&wrong, "tr0ub4dor & 4\n").unwrap();
        let (right, wrong) = (right.to_str().unwrap(), wrong.to_str().unwrap());
        let out = cli(&app, &["send", "--passphrase-file", right], b"guarded").await;
        assert_exit(&out, 0, "send with a passphrase");
        let link = String::from_utf8(out.stdout).unwrap().trim_end().to_owned();
        let out = cli(&app, &["check", &link], b"").await;
        assert_eq!(
            out.stdout,
            b"available (1 view(s) left, passphrase needed)\n"
        );
        let out = cli(&app, &["get", &link], b"").await;
        assert_exit(&out, 2, "no passphrase and no terminal");
        let out = cli(&app, &["get", "--passphrase-file", wrong, &link], b"").await;
        assert_exit(&out, 8, "wrong passphrase");
        assert!(String::from_utf8_lossy(&out.stderr).contains("4 attempt(s) left"));
        assert!(out.stdout.is_empty());
        let out = cli(&app, &["check", &link], b"").await;
        assert_exit(&out, 0, "still there after a wrong passphrase");

        // Damaged links: caught before a proof is sent (no attempt used).
        let (page, fragment) = link.split_once('#').unwrap();
        let flipped = if fragment.starts_with('A') { "B" } else { "A" };
        for damaged in [
            page.to_owned(),
            format!("{page}#{}", &fragment[..40]),
            format!("{page}#{flipped}{}", &fragment[1..]),
        ] {
            let out = cli(&app, &["get", "--passphrase-file", right, &damaged], b"").await;
            assert_exit(&out, 5, "damaged link");
        }
        let id = page.rsplit('/').next().unwrap();
        assert_eq!(metadata(&app, id).await.1["attempts_left"], 4);

        let out = cli(&app, &["get", "--passphrase-file", right, &link], b"").await;
        assert_exit(&out, 0, "right passphrase");
        assert_eq!(out.stdout, b"guarded");

        // --server-side still makes a SnapPass-format link.
        let out = cli(&app, &["send", "--server-side"], b"classic").await;
        assert_exit(&out, 0, "send --server-side");
        let link = String::from_utf8(out.stdout).unwrap();
        assert!(link.contains('~') && !link.contains('#'), "{link}");
    }
}

#[tokio::test]
async fn metrics_count_zero_knowledge_reveals_and_wrong_passphrases() {
    let app = spawn_app_with(|c| {
        c.metrics_addr = Some("127.0.0.1:0".into());
        c.passphrase_attempts = 2;
    })
    .await;
    let scrape = || async {
        let port = app.metrics_port.unwrap();
        client()
            .get(format!("http://127.0.0.1:{port}/metrics"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    };
    let series = |body: &str, name: &str| -> f64 {
        body.lines()
            .find_map(|l| l.strip_prefix(name).and_then(|v| v.trim().parse().ok()))
            .unwrap_or(-1.0)
    };
    let made = make(&app, b"counted", None, 1).await;
    let wrong = json!({ "proof": zk::b64(&[7; 32]) });
    assert_eq!(reveal(&app, &made.id, wrong.clone()).await.0, 403);
    let proof = made.right_proof(&Kdf::None);
    assert_eq!(
        reveal(&app, &made.id, json!({ "proof": proof })).await.0,
        200
    );
    assert_eq!(
        reveal(&app, &made.id, json!({ "proof": proof })).await.0,
        404
    );
    let doomed = make(&app, b"doomed", None, 1).await;
    assert_eq!(reveal(&app, &doomed.id, wrong.clone()).await.0, 403);
    assert_eq!(reveal(&app, &doomed.id, wrong).await.0, 410);
    let body = scrape().await;
    for (name, expected) in [
        (r#"hushlink_secrets_created_total{via="api"}"#, 2.0),
        (r#"hushlink_secrets_revealed_total{via="api"}"#, 1.0),
        ("hushlink_secrets_exhausted_total", 1.0),
        (
            r#"hushlink_reveal_failures_total{via="api",reason="wrong_passphrase"}"#,
            2.0,
        ),
        (
            r#"hushlink_reveal_failures_total{via="api",reason="destroyed"}"#,
            1.0,
        ),
        (
            r#"hushlink_reveal_failures_total{via="api",reason="not_found"}"#,
            1.0,
        ),
        (
            r#"hushlink_store_duration_seconds_count{op="fail_attempt"}"#,
            3.0,
        ),
        (
            r#"hushlink_http_requests_total{method="POST",route="/api/v2/secrets/{id}/reveal",status="403"}"#,
            2.0,
        ),
    ] {
        assert_eq!(series(&body, name), expected, "{name}\n{body}");
    }
    assert!(!body.contains(&made.id), "no id in a label");
}
