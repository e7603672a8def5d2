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
