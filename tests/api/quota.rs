//! The storage quota (`HUSHLINK_MAX_STORED_BYTES`): a create that would
//! take the ciphertext held past it is refused (507, with a problem document
//! or a page naming the cause); whatever removes a secret (the last view, a
//! burn, the wrong proof that destroys it, its expiry) gives its room back.
//! On the embedded store, one Redis and a Redis Cluster, both through the
//! store and over HTTP.

use std::sync::Arc;
use std::time::Duration;

use hushlink::receipt::{NewReceipt, ReceiptToken};
use hushlink::secret::{Ttl, Views};
use hushlink::store::embedded::{EmbeddedStore, Options};
use hushlink::store::redis::{self, RedisStore, Target};
use hushlink::store::{Attempt, DynStore, Held, SecretStore, StoreError, Take, VerifiedTake};
use hushlink::token::StorageKey;

use crate::helpers::{
    RedisServer, anonymous_receipt, shared_cluster, spawn_app_on_redis, spawn_app_with,
    spawn_cluster_app,
};

/// Every stored value of these tests has this size.
const SIZE: usize = 100;

fn ttl(secs: u64) -> Ttl {
    Ttl::parse(secs, 1 << 30).unwrap()
}

fn views(n: u64) -> Views {
    Views::parse(n).unwrap()
}

fn value(tag: u8) -> Vec<u8> {
    vec![tag; SIZE]
}

fn receipt() -> NewReceipt {
    anonymous_receipt(ReceiptToken::generate().hash())
}

fn prefix() -> String {
    format!("quota{}", hex::encode(rand::random::<[u8; 4]>()))
}

/// A Redis store with a quota of `max` bytes and one-second buckets, so
/// that expiry frees room within a test.
fn redis_store(target: Target, prefix: &str, max: u64) -> DynStore {
    Arc::new(
        RedisStore::new(
            target,
            redis::Options {
                prefix: prefix.to_owned(),
                timeout: Duration::from_secs(10),
                replication: None,
                ca_pem: None,
            },
        )
        .unwrap()
        .with_quota(max, Duration::from_secs(1)),
    )
}

async fn held(store: &DynStore) -> Held {
    store.held().await.unwrap().expect("the store counts")
}

async fn put(store: &DynStore, prefix: &str, secs: u64, n: u64) -> Result<StorageKey, StoreError> {
    let key = StorageKey::generate(prefix);
    store
        .put_with_receipt(&key, &value(b'v'), ttl(secs), views(n), receipt())
        .await
        .map(|()| key)
}

/// The store holds three values of `SIZE` at most (quota `3 * SIZE + 50`).
async fn quota_holds(store: &DynStore, prefix: &str, expire: impl AsyncFn()) {
    let kind = store.kind();
    let full = |r: Result<StorageKey, StoreError>, what: &str| match r {
        Err(StoreError::OverQuota(_)) => {}
        other => panic!("{kind}: {what}: expected OverQuota, got {:?}", other.err()),
    };
    assert_eq!(held(store).await, Held::default(), "{kind}: empty at first");
    let two_views = put(store, prefix, 600, 2).await.unwrap();
    let short = put(store, prefix, 1, 1).await.unwrap();
    let plain = StorageKey::generate(prefix);
    store
        .put(&plain, &value(b'p'), ttl(600), views(1))
        .await
        .unwrap();
    let three = Held {
        bytes: 3 * SIZE as u64,
        secrets: 3,
    };
    assert_eq!(held(store).await, three, "{kind}");
    full(put(store, prefix, 600, 1).await, "a fourth secret");
    assert_eq!(held(store).await, three, "{kind}: a refused create counts");

    // The first of two views frees nothing; the last one does.
    assert_eq!(
        store.take(&two_views, &value(b'v')).await.unwrap(),
        Take::Taken { views_left: 1 }
    );
    full(
        put(store, prefix, 600, 1).await,
        "after a view that left one",
    );
    assert_eq!(
        store.take(&two_views, &value(b'v')).await.unwrap(),
        Take::Taken { views_left: 0 }
    );
    assert_eq!(held(store).await.secrets, 2, "{kind}: the last view frees");
    let zk = put(store, prefix, 600, 1)
        .await
        .unwrap_or_else(|e| panic!("{kind}: room after a reveal: {e}"));
    full(put(store, prefix, 600, 1).await, "full again");

    // The wrong proof that destroys a secret frees its room.
    assert_eq!(store.fail_attempt(&zk, 2).await.unwrap(), Attempt::Left(1));
    assert_eq!(
        store.fail_attempt(&zk, 2).await.unwrap(),
        Attempt::Destroyed
    );
    assert_eq!(held(store).await.secrets, 2, "{kind}: destroyed frees");

    // A burn frees its secret's room.
    let token = ReceiptToken::generate();
    let burnable = StorageKey::generate(prefix);
    store
        .put_with_receipt(
            &burnable,
            &value(b'b'),
            ttl(600),
            views(1),
            anonymous_receipt(token.hash()),
        )
        .await
        .unwrap();
    full(put(store, prefix, 600, 1).await, "full before the burn");
    store.burn(token.hash()).await.unwrap().expect("a receipt");
    assert_eq!(held(store).await.secrets, 2, "{kind}: a burn frees");
    let _ = put(store, prefix, 600, 1).await.unwrap();
    full(put(store, prefix, 600, 1).await, "full before the expiry");

    // Expiry frees (the embedded store at its purge, Redis when the
    // expired secret's bucket ends).
    tokio::time::sleep(Duration::from_millis(2500)).await;
    expire().await;
    assert!(store.peek(&short).await.unwrap().is_none());
    assert_eq!(held(store).await.secrets, 2, "{kind}: expiry frees");
    put(store, prefix, 600, 1)
        .await
        .unwrap_or_else(|e| panic!("{kind}: room after an expiry: {e}"));
}

const MAX: u64 = 3 * SIZE as u64 + 50;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn embedded_store_keeps_the_quota() {
    let dir = tempfile::tempdir().unwrap();
    let mut options = Options::new(Duration::from_secs(3600));
    options.max_stored_bytes = MAX;
    let embedded = Arc::new(EmbeddedStore::open_with(dir.path(), options).unwrap());
    let store: DynStore = embedded.clone();
    quota_holds(&store, "snappass", async || {
        embedded.maintain().await.unwrap();
    })
    .await;
    // The counters survive a reopen.
    drop(store);
    embedded.close().await;
    drop(embedded);
    let reopened: DynStore =
        Arc::new(EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap());
    assert_eq!(held(&reopened).await.secrets, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redis_store_keeps_the_quota() {
    let redis = RedisServer::start();
    let prefix = prefix();
    let store = redis_store(Target::Single(redis.url()), &prefix, MAX);
    quota_holds(&store, &prefix, async || {}).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redis_cluster_store_keeps_the_quota() {
    let seeds = shared_cluster()
        .seeds()
        .split(',')
        .map(str::to_owned)
        .collect();
    let prefix = prefix();
    let store = redis_store(Target::Cluster(seeds), &prefix, MAX);
    quota_holds(&store, &prefix, async || {}).await;
}

/// The one-call reveal (`take_verified`) gives back what its last view
/// destroys: in its own script on one Redis, right after it in a cluster.
/// A wrong key's verifier frees nothing.
async fn verified_take_releases(store: &DynStore, prefix: &str) {
    let kind = store.kind();
    let fernet_key = fernet::Fernet::generate_key();
    let verifier = hushlink::secret::KeyVerifier::of(&fernet_key).unwrap();
    let wrong = hushlink::secret::KeyVerifier::of(&fernet::Fernet::generate_key()).unwrap();
    let key = StorageKey::generate(prefix);
    let mut with_verifier = receipt();
    with_verifier.verifier = Some(verifier.clone());
    store
        .put_with_receipt(&key, &value(b'v'), ttl(600), views(2), with_verifier)
        .await
        .unwrap();
    let one = Held {
        bytes: SIZE as u64,
        secrets: 1,
    };
    assert_eq!(held(store).await, one, "{kind}");
    let left =
        async |v: &hushlink::secret::KeyVerifier| match store.take_verified(&key, v).await.unwrap()
        {
            VerifiedTake::Taken { views_left, .. } => Some(views_left),
            VerifiedTake::WrongKey => None,
            _ => panic!("{kind}: neither taken nor refused"),
        };
    assert_eq!(left(&wrong).await, None);
    assert_eq!(left(&verifier).await, Some(1));
    assert_eq!(held(store).await, one, "{kind}: a view that left one");
    assert_eq!(left(&verifier).await, Some(0));
    assert_eq!(
        held(store).await,
        Held::default(),
        "{kind}: the last view frees"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_one_call_reveal_releases_on_redis_and_in_a_cluster() {
    let redis = RedisServer::start();
    let prefix = prefix();
    let single = redis_store(Target::Single(redis.url()), &prefix, MAX);
    verified_take_releases(&single, &prefix).await;
    let seeds = shared_cluster()
        .seeds()
        .split(',')
        .map(str::to_owned)
        .collect();
    let prefix = self::prefix();
    let cluster = redis_store(Target::Cluster(seeds), &prefix, MAX);
    verified_take_releases(&cluster, &prefix).await;
}

/// Two instances on one Redis share the quota: what one holds, the other
/// cannot go past.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_on_one_redis_share_the_quota() {
    let redis = RedisServer::start();
    let prefix = prefix();
    let a = redis_store(Target::Single(redis.url()), &prefix, MAX);
    let b = redis_store(Target::Single(redis.url()), &prefix, MAX);
    for store in [&a, &b, &a] {
        put(store, &prefix, 600, 1).await.unwrap();
    }
    assert!(matches!(
        put(&b, &prefix, 600, 1).await,
        Err(StoreError::OverQuota(_))
    ));
    assert_eq!(held(&b).await.secrets, 3);
}

/// Over HTTP: the API's problem document, the form's page, and a reveal
/// that makes room again; on every backend.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_full_quota_answers_507_and_a_reveal_makes_room() {
    // What one API secret of this test weighs: its Fernet token.
    let size = hushlink::secret::seal(b"quota test").ciphertext.len() as u64;
    let max = hushlink::store::disk::ByteSize(2 * size + size / 2);
    let redis = Arc::new(RedisServer::start());
    let apps = vec![
        spawn_app_with(|c| c.max_stored_bytes = Some(max)).await,
        spawn_app_on_redis(&redis, |c| c.max_stored_bytes = Some(max)).await,
        spawn_cluster_app(shared_cluster(), |c| {
            c.max_stored_bytes = Some(max);
            c.redis_prefix = prefix();
        })
        .await,
    ];
    for app in apps {
        let kind = app.backend;
        let first = app.create("quota test").await;
        app.create("quota test").await;
        let refused = app
            .client
            .post(app.url("/api/v2/passwords"))
            .json(&serde_json::json!({ "password": "quota test" }))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 507, "{kind}: a create past the quota");
        assert_eq!(
            refused.headers()["content-type"],
            "application/problem+json",
            "{kind}"
        );
        let problem: serde_json::Value = refused.json().await.unwrap();
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .ends_with("storage-quota-reached"),
            "{kind}: {problem}"
        );
        assert!(
            problem["title"]
                .as_str()
                .unwrap()
                .contains("HUSHLINK_MAX_STORED_BYTES"),
            "{kind}: {problem}"
        );
        // The form gets a page that says so.
        let page = app
            .client
            .post(app.url("/"))
            .form(&[("password", "quota test"), ("ttl", "Hour")])
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 507, "{kind}: the form past the quota");
        let html = page.text().await.unwrap();
        assert!(html.contains("<html"), "{kind}: a page");
        assert!(html.to_lowercase().contains("quota"), "{kind}: {html}");

        // Reveal the first: room for one more.
        let revealed = app
            .client
            .get(app.url(&format!("/api/v2/passwords/{first}")))
            .send()
            .await
            .unwrap();
        assert_eq!(revealed.status(), 200, "{kind}");
        app.create("quota test").await;
    }
}

/// The gauges of bytes and secrets held follow creates and reveals (the
/// embedded store always counts; Redis while a quota is set).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn metrics_show_the_bytes_and_secrets_held() {
    let size = hushlink::secret::seal(b"gauge").ciphertext.len() as u64;
    let redis = Arc::new(RedisServer::start());
    let apps = vec![
        spawn_app_with(|c| c.metrics_addr = Some("127.0.0.1:0".into())).await,
        spawn_app_on_redis(&redis, |c| {
            c.metrics_addr = Some("127.0.0.1:0".into());
            c.max_stored_bytes = Some(hushlink::store::disk::ByteSize(1 << 20));
        })
        .await,
    ];
    for app in apps {
        let kind = app.backend;
        let held = async || {
            let port = app.metrics_port.unwrap();
            let body = crate::helpers::client()
                .get(format!("http://127.0.0.1:{port}/metrics"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            let sample = |name: &str| -> u64 {
                body.lines()
                    .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
                    .unwrap_or_else(|| panic!("{kind}: no {name} in {body}"))
            };
            (
                sample("hushlink_stored_bytes"),
                sample("hushlink_stored_secrets"),
            )
        };
        assert_eq!(held().await, (0, 0), "{kind}");
        let first = app.create("gauge").await;
        app.create("gauge").await;
        assert_eq!(held().await, (2 * size, 2), "{kind}");
        let revealed = app
            .client
            .get(app.url(&format!("/api/v2/passwords/{first}")))
            .send()
            .await
            .unwrap();
        assert_eq!(revealed.status(), 200, "{kind}");
        assert_eq!(held().await, (size, 1), "{kind}");
    }
}

/// A file written before the quota existed (no counters) gets them from
/// its secrets when it is opened, so the quota is exact from the start.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_older_file_gets_its_counters_from_its_secrets() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store: DynStore =
            Arc::new(EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap());
        for _ in 0..2 {
            put(&store, "snappass", 600, 1).await.unwrap();
        }
        store.close().await;
    }
    // As the file was before: no counters.
    let path = dir.path().join(hushlink::store::embedded::FILE_NAME);
    let db = redb::Database::open(&path).unwrap();
    let txn = db.begin_write().unwrap();
    let quota: redb::TableDefinition<&str, u64> = redb::TableDefinition::new("quota");
    assert!(txn.delete_table(quota).unwrap(), "the counters' table");
    txn.commit().unwrap();
    drop(db);
    let store: DynStore =
        Arc::new(EmbeddedStore::open(dir.path(), Duration::from_secs(3600)).unwrap());
    assert_eq!(
        held(&store).await,
        Held {
            bytes: 2 * SIZE as u64,
            secrets: 2
        }
    );
}
