//! The store contract, called directly on every backend (not through HTTP):
//! the embedded store, one Redis, and a Redis Cluster. What a third
//! backend must pass too.
//!
//! The conditional take is the heart of it: a take with a value other than
//! the one stored consumes nothing (a link whose key opened nothing, or a
//! secret replaced in between), a take with the right value consumes one
//! view, and among concurrent takes of the last view exactly one wins.
//!
//! The verified take (the one-call reveal) is held to the same rules where
//! a store has it (Redis): a wrong key's verifier consumes nothing, the
//! right one consumes one view, and a secret without a verifier is handed
//! back untouched for the conditional take.
//!
//! Also here: the embedded store's file stays bounded under churn and gives
//! its space back when mostly empty (issue: it grew without bound).

use std::sync::Arc;
use std::time::Duration;

use hushlink::receipt::{NewReceipt, ReceiptToken};
use hushlink::secret::{KeyVerifier, Ttl, Views};
use hushlink::store::embedded::{EmbeddedStore, Options};
use hushlink::store::redis::{self, RedisStore, Target};
use hushlink::store::{DynStore, SecretStore, Take, VerifiedTake};
use hushlink::token::StorageKey;

use crate::helpers::{RedisServer, anonymous_receipt, shared_cluster};

fn ttl(secs: u64) -> Ttl {
    Ttl::parse(secs, 1 << 30).unwrap()
}

fn views(n: u64) -> Views {
    Views::parse(n).unwrap()
}

/// A prefix of its own per run, so stores sharing a Redis never meet.
fn prefix() -> String {
    format!("contract{}", hex::encode(rand::random::<[u8; 4]>()))
}

fn redis_store(target: Target, prefix: &str) -> DynStore {
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
        .unwrap(),
    )
}

/// put; take with another value: Gone, nothing consumed; take with the
/// right value: one view used; the last view destroys it.
async fn conditional_take(store: &DynStore, prefix: &str) {
    let kind = store.kind();
    let key = StorageKey::generate(prefix);
    store
        .put(&key, b"sealed-value-A", ttl(600), views(2))
        .await
        .unwrap();
    let record = store.peek(&key).await.unwrap().expect("stored");
    assert_eq!(record.value, b"sealed-value-A");
    assert_eq!(record.views_left, 2);

    for other in [
        &b"sealed-value-B"[..],
        b"sealed-value-",
        b"sealed-value-AA",
        b"",
    ] {
        assert_eq!(
            store.take(&key, other).await.unwrap(),
            Take::Gone,
            "{kind}: a take with another value ({:?}) consumed a view",
            String::from_utf8_lossy(other)
        );
    }
    let record = store.peek(&key).await.unwrap().expect("still stored");
    assert_eq!(
        (record.value.as_slice(), record.views_left),
        (&b"sealed-value-A"[..], 2),
        "{kind}: a take with another value changed the secret"
    );

    assert_eq!(
        store.take(&key, b"sealed-value-A").await.unwrap(),
        Take::Taken { views_left: 1 },
        "{kind}"
    );
    assert_eq!(store.peek(&key).await.unwrap().unwrap().views_left, 1);
    // The wrong value still consumes nothing on the last view.
    assert_eq!(store.take(&key, b"other").await.unwrap(), Take::Gone);
    assert_eq!(
        store.take(&key, b"sealed-value-A").await.unwrap(),
        Take::Taken { views_left: 0 },
        "{kind}"
    );
    assert!(
        store.peek(&key).await.unwrap().is_none(),
        "{kind}: not destroyed"
    );
    assert_eq!(
        store.take(&key, b"sealed-value-A").await.unwrap(),
        Take::Gone,
        "{kind}: taken after its last view"
    );

    // A missing key is Gone, never an error.
    let missing = StorageKey::generate(prefix);
    assert_eq!(store.take(&missing, b"x").await.unwrap(), Take::Gone);
    assert!(store.peek(&missing).await.unwrap().is_none());
}

/// Many concurrent takes: exactly `n` win when `n` views are left, with
/// distinct view counts; wrong-value takes racing them change nothing.
async fn racing_takes(store: &DynStore, prefix: &str) {
    let kind = store.kind();
    for n in [1u64, 3] {
        let key = StorageKey::generate(prefix);
        store.put(&key, b"race", ttl(600), views(n)).await.unwrap();
        let takers: Vec<_> = (0..24)
            .map(|i| {
                let (store, key) = (Arc::clone(store), key.clone());
                tokio::spawn(async move {
                    let value: &[u8] = if i % 4 == 3 { b"wrong" } else { b"race" };
                    (i % 4 == 3, store.take(&key, value).await.unwrap())
                })
            })
            .collect();
        let mut left = Vec::new();
        for t in takers {
            match t.await.unwrap() {
                (true, outcome) => {
                    assert_eq!(outcome, Take::Gone, "{kind}: a wrong value won a view")
                }
                (false, Take::Taken { views_left }) => left.push(views_left),
                (false, Take::Gone) => {}
            }
        }
        left.sort_unstable();
        let expected: Vec<u32> = (0..n as u32).collect();
        assert_eq!(left, expected, "{kind}: {n} views, winners' views left");
        assert!(store.peek(&key).await.unwrap().is_none());
    }
}

/// An expired secret is gone for peek and take.
async fn expiry(store: &DynStore, prefix: &str) {
    let kind = store.kind();
    let key = StorageKey::generate(prefix);
    store.put(&key, b"short", ttl(1), views(1)).await.unwrap();
    let lasting = StorageKey::generate(prefix);
    store
        .put(&lasting, b"long", ttl(600), views(1))
        .await
        .unwrap();
    assert!(store.peek(&key).await.unwrap().is_some());
    tokio::time::sleep(Duration::from_millis(2200)).await;
    assert!(
        store.peek(&key).await.unwrap().is_none(),
        "{kind}: expired secret still visible"
    );
    assert_eq!(
        store.take(&key, b"short").await.unwrap(),
        Take::Gone,
        "{kind}: expired secret taken"
    );
    assert_eq!(
        store.take(&lasting, b"long").await.unwrap(),
        Take::Taken { views_left: 0 },
        "{kind}: expiry touched another secret"
    );
}

/// A verified take's answer, for assertions.
fn describe(answer: VerifiedTake) -> String {
    match answer {
        VerifiedTake::Taken { value, views_left } => {
            format!("taken {} {views_left}", String::from_utf8_lossy(&value))
        }
        VerifiedTake::WrongKey => "wrong key".into(),
        VerifiedTake::Gone => "gone".into(),
        VerifiedTake::Unverifiable(r) => {
            format!(
                "unverifiable {} {}",
                String::from_utf8_lossy(&r.value),
                r.views_left
            )
        }
        VerifiedTake::Unsupported => "unsupported".into(),
    }
}

/// A receipt carrying the verifier of `key`.
fn receipt_for(key: &str) -> NewReceipt {
    NewReceipt {
        verifier: KeyVerifier::of(key),
        hash: ReceiptToken::generate().hash(),
        retention_secs: 600,
        creator: None,
        sender: None,
    }
}

/// The verified take: on a store that keeps verifiers, a wrong one
/// consumes nothing, the right one a view (the last destroys the secret);
/// a secret without one (no receipt, or a receipt without it) comes back
/// as a peek would answer it, untouched. A store without (embedded) says
/// so and touches nothing.
async fn verified_take(store: &DynStore, prefix: &str) {
    let kind = store.kind();
    let verifies = kind == "redis";
    let fernet_key = fernet::Fernet::generate_key();
    let right = KeyVerifier::of(&fernet_key).unwrap();
    let wrong = KeyVerifier::of(&fernet::Fernet::generate_key()).unwrap();
    let key = StorageKey::generate(prefix);
    store
        .put_with_receipt(
            &key,
            b"sealed-V",
            ttl(600),
            views(2),
            receipt_for(&fernet_key),
        )
        .await
        .unwrap();
    let take = async |v: &KeyVerifier| describe(store.take_verified(&key, v).await.unwrap());
    if !verifies {
        assert_eq!(take(&right).await, "unsupported", "{kind}");
        assert_eq!(store.peek(&key).await.unwrap().unwrap().views_left, 2);
        return;
    }
    assert_eq!(take(&wrong).await, "wrong key", "{kind}");
    assert_eq!(
        store.peek(&key).await.unwrap().unwrap().views_left,
        2,
        "{kind}"
    );
    assert_eq!(take(&right).await, "taken sealed-V 1", "{kind}");
    assert_eq!(take(&wrong).await, "wrong key", "{kind}: on the last view");
    assert_eq!(
        store.peek(&key).await.unwrap().unwrap().views_left,
        1,
        "{kind}"
    );
    assert_eq!(take(&right).await, "taken sealed-V 0", "{kind}");
    assert!(
        store.peek(&key).await.unwrap().is_none(),
        "{kind}: destroyed"
    );
    assert_eq!(take(&right).await, "gone", "{kind}");

    // No verifier: handed back as a peek answers it, nothing consumed, and
    // the conditional take still works on it.
    let plain = StorageKey::generate(prefix);
    store
        .put(&plain, b"sealed-P", ttl(600), views(3))
        .await
        .unwrap();
    let no_verifier = receipt_for("not a key");
    assert!(no_verifier.verifier.is_none());
    let receipted = StorageKey::generate(prefix);
    store
        .put_with_receipt(&receipted, b"sealed-R", ttl(600), views(1), no_verifier)
        .await
        .unwrap();
    for (k, value, n) in [(&plain, "sealed-P", 3), (&receipted, "sealed-R", 1)] {
        let answer = describe(store.take_verified(k, &right).await.unwrap());
        assert_eq!(answer, format!("unverifiable {value} {n}"), "{kind}");
        assert_eq!(
            store.peek(k).await.unwrap().unwrap().views_left,
            n,
            "{kind}"
        );
        assert_eq!(
            store.take(k, value.as_bytes()).await.unwrap(),
            Take::Taken { views_left: n - 1 },
            "{kind}"
        );
    }
    let missing = StorageKey::generate(prefix);
    assert_eq!(
        describe(store.take_verified(&missing, &right).await.unwrap()),
        "gone"
    );
}

/// Concurrent verified takes of `n` views, with wrong verifiers among
/// them: exactly `n` win, each with its own count of views left.
async fn racing_verified_takes(store: &DynStore, prefix: &str) {
    if store.kind() != "redis" {
        return;
    }
    let n = 5u32;
    let fernet_key = fernet::Fernet::generate_key();
    let key = StorageKey::generate(prefix);
    store
        .put_with_receipt(
            &key,
            b"race",
            ttl(600),
            views(u64::from(n)),
            receipt_for(&fernet_key),
        )
        .await
        .unwrap();
    let right = KeyVerifier::of(&fernet_key).unwrap();
    let wrong = KeyVerifier::of(&fernet::Fernet::generate_key()).unwrap();
    let tasks: Vec<_> = (0..24)
        .map(|i| {
            let (store, key) = (store.clone(), key.clone());
            let v = if i % 4 == 3 {
                wrong.clone()
            } else {
                right.clone()
            };
            tokio::spawn(async move { describe(store.take_verified(&key, &v).await.unwrap()) })
        })
        .collect();
    let mut won = Vec::new();
    for (i, task) in tasks.into_iter().enumerate() {
        let answer = task.await.unwrap();
        match answer.strip_prefix("taken race ") {
            Some(left) => {
                assert!(i % 4 != 3, "a wrong verifier won a view");
                won.push(left.parse::<u32>().unwrap());
            }
            None if i % 4 == 3 => assert!(answer == "wrong key" || answer == "gone", "{answer}"),
            None => assert_eq!(answer, "gone"),
        }
    }
    won.sort_unstable();
    assert_eq!(won, (0..n).collect::<Vec<_>>());
}

async fn whole_contract(store: DynStore, prefix: &str) {
    conditional_take(&store, prefix).await;
    racing_takes(&store, prefix).await;
    verified_take(&store, prefix).await;
    racing_verified_takes(&store, prefix).await;
    expiry(&store, prefix).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn embedded_store_keeps_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let store: DynStore =
        Arc::new(EmbeddedStore::open(dir.path(), Duration::from_secs(60)).unwrap());
    whole_contract(store, "snappass").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redis_store_keeps_the_contract() {
    let redis = RedisServer::start();
    let prefix = prefix();
    whole_contract(redis_store(Target::Single(redis.url()), &prefix), &prefix).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn redis_cluster_store_keeps_the_contract() {
    let cluster = shared_cluster();
    let seeds = cluster.seeds().split(',').map(str::to_owned).collect();
    let prefix = prefix();
    whole_contract(redis_store(Target::Cluster(seeds), &prefix), &prefix).await;
}

/// The embedded file's size.
fn file_len(store: &EmbeddedStore) -> u64 {
    std::fs::metadata(store.path()).unwrap().len()
}

/// `tasks` concurrent loops of put, peek, take: what the create-and-reveal
/// flow does to the store.
async fn churn(store: &Arc<EmbeddedStore>, tasks: usize, cycles: usize, size: usize) {
    let loops: Vec<_> = (0..tasks)
        .map(|_| {
            let store = Arc::clone(store);
            tokio::spawn(async move {
                let value = vec![b'x'; size];
                for _ in 0..cycles {
                    let key = StorageKey::generate("snappass");
                    store.put(&key, &value, ttl(3600), views(1)).await.unwrap();
                    assert!(store.peek(&key).await.unwrap().is_some());
                    assert_eq!(
                        store.take(&key, &value).await.unwrap(),
                        Take::Taken { views_left: 0 }
                    );
                }
            })
        })
        .collect();
    for l in loops {
        l.await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn embedded_file_gives_space_back_and_stays_bounded_under_churn() {
    const MIB: u64 = 1024 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(
        EmbeddedStore::open_with(dir.path(), Options::new(Duration::from_secs(3600))).unwrap(),
    );

    // A burst: 2,000 secrets of 8 KiB live at once, then all revealed but
    // one in fifty, spread over the whole file (the last one among them),
    // which redb's own trimming of free pages at the end cannot pass.
    let value = vec![b'b'; 8 * 1024];
    let keys: Vec<StorageKey> = (0..2000)
        .map(|_| StorageKey::generate("snappass"))
        .collect();
    for chunk in keys.chunks(100) {
        let puts: Vec<_> = chunk
            .iter()
            .map(|key| {
                let (store, key, value) = (Arc::clone(&store), key.clone(), value.clone());
                tokio::spawn(async move { store.put(&key, &value, ttl(3600), views(1)).await })
            })
            .collect();
        for p in puts {
            p.await.unwrap().unwrap();
        }
    }
    let peak = file_len(&store);
    assert!(peak > 16 * MIB, "the burst made only {peak} bytes");
    let (kept, revealed): (Vec<_>, Vec<_>) =
        keys.iter().enumerate().partition(|(i, _)| i % 50 == 49);
    for (_, key) in &revealed {
        assert_eq!(
            store.take(key, &value).await.unwrap(),
            Take::Taken { views_left: 0 }
        );
    }
    // Some commits, so redb frees and trims what it can by itself.
    churn(&store, 8, 10, 200).await;
    // What the background task does after each purge.
    store.maintain().await.unwrap();
    let emptied = file_len(&store);
    assert!(
        emptied < 4 * MIB,
        "the file kept {emptied} bytes with {} KiB live (peak {peak})",
        kept.len() * 8
    );
    for (_, key) in &kept {
        let record = store
            .peek(key)
            .await
            .unwrap()
            .expect("kept through compaction");
        assert_eq!(record.value, value);
    }

    // Churn: the size after each round stays where it was after the first.
    churn(&store, 32, 20, 200).await;
    let first = file_len(&store);
    for round in 0..8 {
        churn(&store, 32, 20, 200).await;
        let now = file_len(&store);
        assert!(
            now <= first.max(2 * MIB),
            "round {round}: the file grew from {first} to {now} bytes under churn"
        );
    }
}

/// `HUSHLINK_MAX_RECEIPTS`: the newest receipts are kept and the oldest
/// beyond the bound dropped, with their index entries (a dropped receipt
/// reads as gone); the secrets themselves are untouched. With a bound this
/// small the slack is 0, so each batch of creates trims to it, and a purge
/// leaves the same five.
#[tokio::test]
async fn embedded_purge_keeps_at_most_max_receipts_the_newest() {
    use hushlink::receipt::ReceiptToken;
    use hushlink::store::ReceiptStore;

    let dir = tempfile::tempdir().unwrap();
    let mut options = Options::new(Duration::from_secs(3600));
    options.max_receipts = 5;
    assert_eq!(hushlink::store::embedded::receipt_slack(5), 0);
    let store = EmbeddedStore::open_with(dir.path(), options).unwrap();
    let mut made = Vec::new();
    for i in 0..12u8 {
        let key = StorageKey::generate("snappass");
        let hash = ReceiptToken::generate().hash();
        let receipt = anonymous_receipt(hash);
        store
            .put_with_receipt(&key, &[b'a' + i], ttl(3600), views(1), receipt)
            .await
            .unwrap();
        made.push((key, hash, b'a' + i));
    }
    for _ in 0..2 {
        for (i, (_, hash, _)) in made.iter().enumerate() {
            let kept = store.receipt(*hash).await.unwrap().is_some();
            assert_eq!(kept, i >= 7, "receipt {i} of 12 with a bound of 5");
        }
        store.maintain().await.unwrap();
    }
    for (key, _, value) in &made {
        // The secret lives on either way, and its reveal still works.
        assert_eq!(
            store.take(key, &[*value]).await.unwrap(),
            Take::Taken { views_left: 0 }
        );
    }
    // Still the newest five after the reveals (a reveal of a secret whose
    // receipt was dropped changes no other receipt).
    store.maintain().await.unwrap();
    for (i, (_, hash, _)) in made.iter().enumerate() {
        assert_eq!(store.receipt(*hash).await.unwrap().is_some(), i >= 7);
    }
}

/// Issue 14: the receipts bound holds between purges, not only at each
/// purge (which left a purge interval of creates on top of it, so the file
/// reached its plateau only after the first purge). Creates arrive one at a
/// time and in concurrent bursts (batches of many); after each, at most the
/// bound plus its slack are kept, never fewer than the bound, and always
/// the newest. No purge runs in the test (an hour apart).
#[tokio::test]
async fn embedded_receipts_never_exceed_the_bound_and_slack_between_purges() {
    use hushlink::receipt::{ReceiptHash, ReceiptToken};
    use hushlink::store::ReceiptStore;
    use hushlink::store::embedded::receipt_slack;

    const BOUND: u64 = 128;
    let most = BOUND + receipt_slack(BOUND);
    assert_eq!(most, 130);
    let dir = tempfile::tempdir().unwrap();
    let mut options = Options::new(Duration::from_secs(3600));
    options.max_receipts = BOUND;
    let store = Arc::new(EmbeddedStore::open_with(dir.path(), options).unwrap());
    let create = |store: Arc<EmbeddedStore>| async move {
        let key = StorageKey::generate("snappass");
        let hash = ReceiptToken::generate().hash();
        let receipt = anonymous_receipt(hash);
        store
            .put_with_receipt(&key, b"v", ttl(3600), views(1), receipt)
            .await
            .unwrap();
        hash
    };
    let mut made: Vec<ReceiptHash> = Vec::new();
    for round in 0..12 {
        // One at a time, then a burst that the writer takes as few batches.
        let burst = if round % 2 == 0 { 1 } else { 100 };
        let tasks: Vec<_> = (0..burst)
            .map(|_| tokio::spawn(create(Arc::clone(&store))))
            .collect();
        for task in tasks {
            made.push(task.await.unwrap());
        }
        let mut kept = Vec::new();
        for (i, hash) in made.iter().enumerate() {
            if store.receipt(*hash).await.unwrap().is_some() {
                kept.push(i);
            }
        }
        let n = kept.len() as u64;
        assert!(
            n <= most,
            "round {round}: {n} receipts kept of {} made, bound {BOUND} + slack",
            made.len()
        );
        assert!(
            n >= BOUND.min(made.len() as u64),
            "round {round}: only {n} kept"
        );
        // The newest ones: the creates of a burst reach the writer in any
        // order, so within a burst's width of the newest.
        let oldest_kept = kept.first().copied().unwrap_or(0);
        assert!(
            made.len() - oldest_kept <= most as usize + burst,
            "round {round}: an old receipt ({oldest_kept}) outlived newer ones"
        );
    }
    assert!(made.len() as u64 > 4 * most, "the test made too few");
    store.close().await;
}
