//! The embedded store keeps every acknowledged secret across `kill -9`,
//! and a reveal's deletion is durable before the secret is sent; a full
//! disk (a real one: a small tmpfs) refuses creates, keeps reveals, and
//! never wedges the store; its files are owner-only.

use serde_json::{Value, json};

use crate::helpers::{ServerProcess, TestApp, client, quote_plus, spawn_app_in};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_keeps_every_acknowledged_secret_and_every_reveal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let envs = [
        ("HUSHLINK_DATA_DIR", data.display().to_string()),
        ("HUSHLINK_STORE", "embedded".to_owned()),
    ];
    let mut server = ServerProcess::start(&envs, &dir.path().join("log1")).await;
    let client = client();

    // Many concurrent creates, so group commit batches them.
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let (client, url) = (client.clone(), server.url("/api/v2/passwords"));
            tokio::spawn(async move {
                let r = client
                    .post(url)
                    .json(&json!({"password": format!("durable-{i}")}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 200);
                let body = r.json::<Value>().await.unwrap();
                let text = |v: &Value| v.as_str().unwrap().to_owned();
                (i, text(&body["token"]), text(&body["receipt"]["token"]))
            })
        })
        .collect();
    let mut tokens = Vec::new();
    for t in tasks {
        tokens.push(t.await.unwrap());
    }
    // Reveal a few before the crash: they must stay revealed.
    let revealed: Vec<_> = tokens.drain(..10).collect();
    for (_, token, _) in &revealed {
        let r = client
            .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    server.kill9();

    let server = ServerProcess::start(&envs, &dir.path().join("log2")).await;
    // Every receipt is found (their index entries may have been pending in
    // memory at the crash), and says what happened.
    for (set, state) in [(&revealed, "viewed"), (&tokens, "available")] {
        for (i, _, receipt) in set {
            let r = client
                .get(server.url(&format!("/api/v2/receipts/{receipt}")))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "receipt {i} lost");
            assert_eq!(
                r.json::<Value>().await.unwrap()["state"],
                state,
                "receipt {i}"
            );
        }
    }
    for (_, token, _) in &revealed {
        let r = client
            .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "a revealed secret came back after a crash");
    }
    for (i, token, _) in &tokens {
        let r = client
            .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "secret {i} lost");
        assert_eq!(
            r.json::<Value>().await.unwrap()["password"],
            format!("durable-{i}")
        );
    }
}

#[tokio::test]
async fn sigterm_exits_zero_and_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let envs = [(
        "HUSHLINK_DATA_DIR",
        dir.path().join("data").display().to_string(),
    )];
    let mut server = ServerProcess::start(&envs, &dir.path().join("log1")).await;
    let client = client();
    let r = client
        .post(server.url("/api/v2/passwords"))
        .json(&json!({"password": "kept"}))
        .send()
        .await
        .unwrap();
    let token = r.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let status = server.terminate();
    assert!(status.success(), "exit status {status:?}");

    let server = ServerProcess::start(&envs, &dir.path().join("log2")).await;
    let r = client
        .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(&token))))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_accepting_but_finishes_requests_in_flight() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let dir = tempfile::tempdir().unwrap();
    let envs = [(
        "HUSHLINK_DATA_DIR",
        dir.path().join("data").display().to_string(),
    )];
    let mut server = ServerProcess::start(&envs, &dir.path().join("log1")).await;
    let port = server.port;

    // A create whose body is only half sent. `Expect: 100-continue` makes the
    // server say when the handler starts reading the body, so the request is
    // known to be in flight (no sleep guessing at it).
    let body = json!({"password": "sent during shutdown"}).to_string();
    let (first, rest) = body.as_bytes().split_at(10);
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .unwrap();
    let head = format!(
        "POST /api/v2/passwords HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut buf = [0u8; 64];
    let n = stream.read(&mut buf).await.unwrap();
    assert!(
        String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 100"),
        "{:?}",
        String::from_utf8_lossy(&buf[..n])
    );
    stream.write_all(first).await.unwrap();

    let pid = server.child.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    // The listener closes: new connections are refused while ours lives on.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_ok()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "still accepting after SIGTERM"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    stream.write_all(rest).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let (_, json_body) = answer.split_once("\r\n\r\n").unwrap();
    let token = serde_json::from_str::<Value>(json_body).unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let status = server.child.wait().unwrap();
    assert!(status.success(), "exit status {status:?}");

    // The secret answered during shutdown was flushed with the store.
    let server = ServerProcess::start(&envs, &dir.path().join("log2")).await;
    let r = client()
        .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(&token))))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.json::<Value>().await.unwrap()["password"],
        "sent during shutdown"
    );
}

#[tokio::test]
async fn expired_secrets_are_never_returned_and_are_purged() {
    let app = crate::helpers::spawn_app_with(|c| c.purge_interval = 1).await;
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({"password": "brief", "ttl": 1}))
        .send()
        .await
        .unwrap();
    let token = r.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let url = app.password_url(&token);
    assert_eq!(app.client.head(&url).send().await.unwrap().status(), 200);
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    assert_eq!(app.client.head(&url).send().await.unwrap().status(), 404);
    assert_eq!(app.client.get(&url).send().await.unwrap().status(), 404);
}

/// A small tmpfs that the test mounts (as root) and unmounts when dropped:
/// a real file system that really fills up.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None`, with a message saying why the test is skipped, where this
    /// process may not mount (not root, no `CAP_SYS_ADMIN`, no `mount`).
    fn mount(size_mib: u32) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let out = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size_mib}m,mode=0755")])
            .arg("tmpfs")
            .arg(dir.path())
            .output();
        match out {
            Ok(out) if out.status.success() => Some(Tmpfs { dir }),
            Ok(out) => {
                eprintln!(
                    "SKIPPED: cannot mount a tmpfs to fill a real disk (needs root): {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("SKIPPED: cannot run mount to fill a real disk: {e}");
                None
            }
        }
    }

    fn path(&self) -> &std::path::Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

/// Fills the file system holding `path` with one file, until it refuses.
fn fill(path: &std::path::Path) {
    use std::io::Write;
    let mut file = std::fs::File::create(path).unwrap();
    for chunk in [64 * 1024, 4096, 512] {
        let bytes = vec![1u8; chunk];
        while file.write_all(&bytes).is_ok() {}
    }
}

/// A create of `size` random-looking bytes (so nothing compresses it).
async fn create_big(app: &TestApp, size: usize) -> reqwest::Response {
    let password: String = (0..size)
        .map(|i| char::from(b'a' + ((i * 7 + i / 13) % 26) as u8))
        .collect();
    app.client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({ "password": password }))
        .send()
        .await
        .unwrap()
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

async fn probe(app: &TestApp, path: &str) -> (u16, Value) {
    let r = app.client.get(app.url(path)).send().await.unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

/// Polls `check` every 200 ms for up to `secs`; whether it came true.
async fn eventually<F: std::future::Future<Output = bool>>(
    secs: u64,
    mut check: impl FnMut() -> F,
) -> bool {
    for _ in 0..secs * 5 {
        if check().await {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nearly_full_disk_refuses_creates_early_keeps_reveals_and_recovers() {
    let Some(disk) = Tmpfs::mount(8) else { return };
    let data = disk.path().join("data");
    // The default floor: 5% of 8 MiB.
    let app = spawn_app_in(&data, |_| {}).await;

    // Owner-only files, in a directory the server made (so it is owner-only too).
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data.join("hushlink.redb")), 0o600);
    assert_eq!(mode(&data), 0o700);

    let mut tokens = Vec::new();
    let refused = loop {
        let r = create_big(&app, 150 * 1024).await;
        if r.status() != 200 {
            break r;
        }
        tokens.push(
            r.json::<Value>().await.unwrap()["token"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
        assert!(
            tokens.len() < 100,
            "an 8 MiB disk took 100 secrets of 150 KiB"
        );
    };
    assert_eq!(refused.status(), 507, "a create on a full disk");
    assert_eq!(
        refused.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Value = refused.json().await.unwrap();
    assert!(
        problem["type"]
            .as_str()
            .unwrap()
            .ends_with("insufficient-storage"),
        "{problem}"
    );
    assert!(
        problem["title"].as_str().unwrap().contains("disk space"),
        "{problem}"
    );
    assert!(tokens.len() >= 3, "only {} creates fit", tokens.len());

    // Not ready (no new secrets here), but healthy: it answers and reveals.
    let (status, body) = probe(&app, "/_/_/ready").await;
    assert_eq!((status, &body["store"]), (503, &json!("full")));
    assert_eq!(probe(&app, "/_/_/health").await.0, 200);

    // Someone else fills what is left: reveals still commit (the reserve).
    fill(&disk.path().join("filler"));
    let (first, rest) = tokens.split_at(tokens.len() / 2);
    for token in first {
        assert_eq!(reveal(&app, token).await, 200, "a reveal on a full disk");
    }
    std::fs::remove_file(disk.path().join("filler")).unwrap();
    for token in rest {
        assert_eq!(reveal(&app, token).await, 200);
    }

    // The revealed secrets' space goes back to the file system, and creates
    // resume, without a restart.
    assert!(
        eventually(30, || async { probe(&app, "/_/_/ready").await.0 == 200 }).await,
        "still not ready once every secret was revealed: {:?}",
        probe(&app, "/_/_/ready").await
    );
    let r = create_big(&app, 150 * 1024).await;
    assert_eq!(r.status(), 200);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disk_that_fills_up_does_not_wedge_the_store() {
    let Some(disk) = Tmpfs::mount(8) else { return };
    let data = disk.path().join("data");
    // No early refusal: the commits themselves run out of space.
    let app = spawn_app_in(&data, |c| {
        c.min_free_disk = Some("0".parse().unwrap());
    })
    .await;
    let kept: Vec<String> = {
        let mut v = Vec::new();
        for i in 0..3 {
            v.push(app.create(&format!("kept-{i}")).await);
        }
        v
    };

    fill(&disk.path().join("filler"));
    let mut refused = None;
    for _ in 0..50 {
        let r = create_big(&app, 100 * 1024).await;
        if r.status() != 200 {
            refused = Some(r);
            break;
        }
    }
    let refused = refused.expect("50 creates of 100 KiB fit on a full disk");
    assert_eq!(refused.status(), 507, "a create that did not fit");
    // A reveal frees space: it commits even now.
    assert_eq!(reveal(&app, &kept[0]).await, 200, "a reveal on a full disk");

    // Space comes back: the store recovers by itself, no restart.
    std::fs::remove_file(disk.path().join("filler")).unwrap();
    assert!(
        eventually(15, || async {
            create_big(&app, 1024).await.status() == 200
        })
        .await,
        "creates still fail once space is back"
    );
    assert_eq!(probe(&app, "/_/_/health").await.0, 200);
    assert_eq!(probe(&app, "/_/_/ready").await.0, 200);
    assert_eq!(reveal(&app, &kept[1]).await, 200);
    assert_eq!(reveal(&app, &kept[0]).await, 404, "a reveal came back");
    app.stop().await;
}

#[tokio::test]
async fn an_existing_data_directory_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    let app = spawn_app_in(&shared, |_| {}).await;
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(&shared),
        0o755,
        "the server changed a directory it did not make"
    );
    assert_eq!(mode(&shared.join("hushlink.redb")), 0o600);
    app.stop().await;
}

/// `kill -9` at a random moment under a load of creates and reveals, three
/// times over the same data directory: after each restart (which replays
/// the write-ahead log, and once a torn record at its end), every
/// acknowledged create is readable and every acknowledged reveal is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn kill_9_under_load_keeps_every_acknowledged_create_and_reveal() {
    use std::sync::{Arc, Mutex};

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let envs = [
        ("HUSHLINK_DATA_DIR", data.display().to_string()),
        ("HUSHLINK_STORE", "embedded".to_owned()),
    ];
    let client = client();
    let mut logged_at_kill = false;
    for round in 0..3 {
        let mut server = ServerProcess::start(&envs, &dir.path().join(format!("log{round}"))).await;
        // (password, token) answered 200 to a create; tokens answered 200 to a reveal.
        let created = Arc::new(Mutex::new(Vec::<(String, String)>::new()));
        let revealed = Arc::new(Mutex::new(Vec::<String>::new()));
        let workers: Vec<_> = (0..16)
            .map(|w| {
                let (client, created, revealed) =
                    (client.clone(), Arc::clone(&created), Arc::clone(&revealed));
                let base = server.url("");
                tokio::spawn(async move {
                    for n in 0.. {
                        let password = format!("load-{round}-{w}-{n}");
                        let Ok(r) = client
                            .post(format!("{base}/api/v2/passwords"))
                            .json(&json!({ "password": password }))
                            .send()
                            .await
                        else {
                            return;
                        };
                        let Ok(body) = r.json::<Value>().await else {
                            return;
                        };
                        let token = body["token"].as_str().unwrap().to_owned();
                        if n % 2 == 0 {
                            created.lock().unwrap().push((password, token));
                            continue;
                        }
                        // Reveal every other one; one whose answer never
                        // came is in neither list (its fate is unknown).
                        let Ok(r) = client
                            .get(format!("{base}/api/v2/passwords/{}", quote_plus(&token)))
                            .send()
                            .await
                        else {
                            return;
                        };
                        if r.status() == 200 && r.bytes().await.is_ok() {
                            revealed.lock().unwrap().push(token);
                        }
                    }
                })
            })
            .collect();
        // Some load first, then a moment up to six seconds later: across
        // checkpoints (every five seconds, the first five after the open).
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while created.lock().unwrap().len() < 10 || revealed.lock().unwrap().len() < 10 {
            assert!(std::time::Instant::now() < deadline, "no load after 30 s");
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos();
        tokio::time::sleep(std::time::Duration::from_millis(u64::from(nanos % 6000))).await;
        server.kill9();
        for w in workers {
            let _ = w.await;
        }
        let wal = data.join("hushlink.wal");
        // The log is written in place over zeros, and a checkpoint zeroes
        // its first header: a record at its start means batches were logged
        // since the last checkpoint.
        let end = wal_records_end(&std::fs::read(&wal).unwrap());
        logged_at_kill |= end > 0;
        if round == 1 {
            // A torn record after the whole ones: its header promises more
            // than the bytes after it hold (the zeros beyond fail its checksum).
            use std::os::unix::fs::FileExt;
            let f = std::fs::OpenOptions::new().write(true).open(&wal).unwrap();
            f.write_all_at(&[0x40, 0, 0, 0, 9, 9, 9, 9, 1, 2], end as u64)
                .unwrap();
        }

        let server = ServerProcess::start(&envs, &dir.path().join(format!("log{round}b"))).await;
        let created = created.lock().unwrap().clone();
        let revealed = revealed.lock().unwrap().clone();
        assert!(
            created.len() >= 10 && revealed.len() >= 10,
            "too little load: {} creates, {} reveals",
            created.len(),
            revealed.len()
        );
        for token in &revealed {
            let r = client
                .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
                .send()
                .await
                .unwrap();
            assert_eq!(
                r.status(),
                404,
                "round {round}: a revealed secret came back"
            );
        }
        for (password, token) in &created {
            let r = client
                .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "round {round}: {password} lost");
            assert_eq!(r.json::<Value>().await.unwrap()["password"], *password);
        }
        drop(server);
    }
    assert!(
        logged_at_kill,
        "no kill found batches in the log: the replay was not exercised"
    );
}

/// Where the whole records of a write-ahead log end (`len u32 LE | crc32 LE |
/// payload`, see src/store/embedded/wal.rs): 0 when it holds none.
fn wal_records_end(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(header) = bytes.get(at..at + 8) {
        let len = u32::from_le_bytes(header[..4].try_into().unwrap()) as usize;
        let crc = u32::from_le_bytes(header[4..].try_into().unwrap());
        match bytes.get(at + 8..at + 8 + len) {
            Some(payload) if len > 0 && crc32fast::hash(payload) == crc => at += 8 + len,
            _ => break,
        }
    }
    at
}
