//! The embedded store keeps every acknowledged secret across `kill -9`,
//! and a reveal's deletion is durable before the secret is sent.

use serde_json::{Value, json};

use crate::helpers::{ServerProcess, client, quote_plus};

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
                (
                    i,
                    r.json::<Value>().await.unwrap()["token"]
                        .as_str()
                        .unwrap()
                        .to_owned(),
                )
            })
        })
        .collect();
    let mut tokens = Vec::new();
    for t in tasks {
        tokens.push(t.await.unwrap());
    }
    // Reveal a few before the crash: they must stay revealed.
    let revealed: Vec<_> = tokens.drain(..10).collect();
    for (_, token) in &revealed {
        let r = client
            .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    server.kill9();

    let server = ServerProcess::start(&envs, &dir.path().join("log2")).await;
    for (_, token) in &revealed {
        let r = client
            .get(server.url(&format!("/api/v2/passwords/{}", quote_plus(token))))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "a revealed secret came back after a crash");
    }
    for (i, token) in &tokens {
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
    let url = app.url(&format!("/api/v2/passwords/{}", quote_plus(&token)));
    assert_eq!(app.client.head(&url).send().await.unwrap().status(), 200);
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    assert_eq!(app.client.head(&url).send().await.unwrap().status(), 404);
    assert_eq!(app.client.get(&url).send().await.unwrap().status(), 404);
}
