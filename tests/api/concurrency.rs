//! Exactly one reveal under concurrent readers, and max views counted atomically.

use serde_json::json;

use crate::helpers::{both_backends, quote_plus};

const READERS: usize = 8;
const ROUNDS: usize = 40;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_api_reveals_reveal_exactly_once() {
    for app in both_backends().await {
        for round in 0..ROUNDS {
            let token = app.create(&format!("secret-{round}")).await;
            let url = app.password_url(&token);
            let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(READERS));
            let tasks: Vec<_> = (0..READERS)
                .map(|_| {
                    let (client, url, barrier) = (app.client.clone(), url.clone(), barrier.clone());
                    tokio::spawn(async move {
                        barrier.wait().await;
                        client.get(&url).send().await.unwrap().status().as_u16()
                    })
                })
                .collect();
            let mut statuses = Vec::new();
            for t in tasks {
                statuses.push(t.await.unwrap());
            }
            let ok = statuses.iter().filter(|s| **s == 200).count();
            let missing = statuses.iter().filter(|s| **s == 404).count();
            assert_eq!(
                (ok, missing),
                (1, READERS - 1),
                "{} round {round}: {statuses:?}",
                app.backend
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_web_reveals_reveal_exactly_once() {
    for app in both_backends().await {
        for round in 0..ROUNDS / 2 {
            let token = app.create(&format!("web-{round}")).await;
            let url = app.url(&format!("/{}", quote_plus(&token)));
            let tasks: Vec<_> = (0..READERS)
                .map(|_| {
                    let (client, url) = (app.client.clone(), url.clone());
                    tokio::spawn(async move {
                        client.post(&url).send().await.unwrap().status().as_u16()
                    })
                })
                .collect();
            let mut ok = 0;
            for t in tasks {
                if t.await.unwrap() == 200 {
                    ok += 1;
                }
            }
            assert_eq!(ok, 1, "{} round {round}", app.backend);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn max_views_are_counted_atomically() {
    for app in both_backends().await {
        let r = app
            .client
            .post(app.url("/api/v2/passwords"))
            .json(&json!({ "password": "shared", "views": 5 }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let token = r.json::<serde_json::Value>().await.unwrap()["token"]
            .as_str()
            .unwrap()
            .to_owned();
        let url = app.password_url(&token);
        let head = app.client.head(&url).send().await.unwrap();
        assert_eq!(head.headers()["x-views-remaining"], "5");

        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (client, url) = (app.client.clone(), url.clone());
                tokio::spawn(
                    async move { client.get(&url).send().await.unwrap().status().as_u16() },
                )
            })
            .collect();
        let mut ok = 0;
        for t in tasks {
            if t.await.unwrap() == 200 {
                ok += 1;
            }
        }
        assert_eq!(ok, 5, "{}", app.backend);
        assert_eq!(app.client.head(&url).send().await.unwrap().status(), 404);
    }
}
