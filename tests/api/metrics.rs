//! Metrics: exact counts for each way a secret is created and revealed, on
//! a listener of their own, and never a token, a key or a secret in them.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use hushlink::Application;
use hushlink::config::Config;
use serde_json::{Value, json};

use crate::helpers::{
    RedisServer, TestApp, assert_exit, client, hushlink_client, quote_plus, spawn_app,
    spawn_app_on_redis, spawn_app_with, split_token,
};

fn metrics_on(config: &mut Config) {
    config.metrics_addr = Some("127.0.0.1:0".into());
}

/// The body of `GET /metrics` on the app's metrics port, as a scraper
/// asking for `accept` gets it.
async fn scrape(app: &TestApp, accept: &str) -> (String, String) {
    let port = app.metrics_port.expect("metrics are on");
    let r = client()
        .get(format!("http://127.0.0.1:{port}/metrics"))
        .header("accept", accept)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", app.backend);
    let content_type = r.headers()["content-type"].to_str().unwrap().to_owned();
    (content_type, r.text().await.unwrap())
}

/// Every sample of a classic text exposition: `name{labels}` -> value.
fn samples(body: &str) -> HashMap<String, f64> {
    body.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| {
            let (series, value) = l.rsplit_once(' ')?;
            Some((series.to_owned(), value.parse().ok()?))
        })
        .collect()
}

fn value(samples: &HashMap<String, f64>, series: &str) -> f64 {
    *samples
        .get(series)
        .unwrap_or_else(|| panic!("no series {series}"))
}

/// The last path segment of a link: the URL-quoted token.
fn segment(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_owned()
}

/// The token segment of a `{"link": ...}` answer, which must be a 200.
async fn link_segment(r: reqwest::Response) -> String {
    assert_eq!(r.status(), 200);
    segment(r.json::<Value>().await.unwrap()["link"].as_str().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counts_creates_reveals_and_failures_exactly() {
    let redis = Arc::new(RedisServer::start());
    let apps = vec![
        spawn_app_with(metrics_on).await,
        spawn_app_on_redis(&redis, metrics_on).await,
    ];
    for app in apps {
        let backend = app.backend;
        let mut tokens = Vec::new();
        let mut secrets = vec![
            "api-secret-one",
            "api-secret-two",
            "web-secret-three",
            "web-secret-four",
            "damaged-target-five",
        ];

        // Creates: two by API (v2, simple), two by the form (JSON, page).
        let api_one = app.create(secrets[0]).await;
        tokens.push(quote_plus(&api_one));
        let simple = app
            .client
            .post(app.url("/api/set_password/"))
            .json(&json!({"password": secrets[1], "ttl": 3600}))
            .send()
            .await
            .unwrap();
        let simple = link_segment(simple).await;
        tokens.push(simple.clone());
        let twice = app
            .client
            .post(app.url("/"))
            .header("accept", "application/json")
            .form(&[("password", secrets[2]), ("ttl", "Hour"), ("views", "2")])
            .send()
            .await
            .unwrap();
        let twice = link_segment(twice).await;
        tokens.push(twice.clone());
        let page = app
            .client
            .post(app.url("/"))
            .form(&[("password", secrets[3]), ("ttl", "Hour")])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let (_, rest) = page.split_once(r#"id="password-link" value=""#).unwrap();
        tokens.push(segment(rest.split('"').next().unwrap()));
        let target = app.create(secrets[4]).await;
        tokens.push(quote_plus(&target));

        // Reveals that work: one by API (its last view), the two-view
        // secret twice on the page, the simple API's secret by API.
        let api_url = |seg: &str| app.url(&format!("/api/v2/passwords/{seg}"));
        let r = app.client.get(api_url(&tokens[0])).send().await.unwrap();
        assert_eq!(r.status(), 200);
        for _ in 0..2 {
            let r = app
                .client
                .post(app.url(&format!("/{twice}")))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        let r = app.client.get(api_url(&simple)).send().await.unwrap();
        assert_eq!(r.status(), 200);

        // Reveals that fail: used up on the page; unknown and not a token
        // by API; damaged (right storage key, wrong Fernet key) both ways.
        let r = app
            .client
            .post(app.url(&format!("/{twice}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        let unknown = format!(
            "snappass{}~{}",
            "ab".repeat(16),
            fernet::Fernet::generate_key()
        );
        tokens.push(quote_plus(&unknown));
        let r = app
            .client
            .get(api_url(&quote_plus(&unknown)))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        let r = app.client.get(api_url("not-a-token")).send().await.unwrap();
        assert_eq!(r.status(), 404);
        let (storage, _) = split_token(&target);
        let other_key = fernet::Fernet::generate_key();
        let damaged = quote_plus(&format!("{storage}~{other_key}"));
        tokens.push(damaged.clone());
        let r = app.client.get(api_url(&damaged)).send().await.unwrap();
        assert_eq!(r.status(), 400);
        let r = app
            .client
            .post(app.url(&format!("/{damaged}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        // A check is not a reveal.
        let r = app.client.head(api_url(&tokens[4])).send().await.unwrap();
        assert_eq!(r.status(), 200);

        // The public port does not serve metrics: it is an unknown link there.
        let r = app.client.get(app.url("/metrics")).send().await.unwrap();
        assert_eq!(r.status(), 404, "{backend}");

        let (content_type, body) = scrape(&app, "*/*").await;
        assert!(content_type.starts_with("text/plain; version=0.0.4"));
        let s = samples(&body);
        // The embedded store takes once per reveal that opened its secret
        // (4); on Redis every reveal with a well-formed key is one verified
        // take, which also answers "gone" (2) and "wrong key" (2).
        let takes = if backend == "redis" { 8.0 } else { 4.0 };
        for (series, expected) in [
            (r#"hushlink_secrets_created_total{via="api"}"#, 3.0),
            (r#"hushlink_secrets_created_total{via="web"}"#, 2.0),
            (r#"hushlink_secrets_revealed_total{via="api"}"#, 2.0),
            (r#"hushlink_secrets_revealed_total{via="web"}"#, 2.0),
            ("hushlink_secrets_exhausted_total", 3.0),
            (
                r#"hushlink_reveal_failures_total{via="api",reason="not_found"}"#,
                2.0,
            ),
            (
                r#"hushlink_reveal_failures_total{via="api",reason="damaged"}"#,
                1.0,
            ),
            (
                r#"hushlink_reveal_failures_total{via="web",reason="not_found"}"#,
                1.0,
            ),
            (
                r#"hushlink_reveal_failures_total{via="web",reason="damaged"}"#,
                1.0,
            ),
            (r#"hushlink_store_duration_seconds_count{op="put"}"#, 5.0),
            (r#"hushlink_store_duration_seconds_count{op="take"}"#, takes),
            (
                r#"hushlink_http_requests_total{method="GET",route="/api/v2/passwords/{token}",status="200"}"#,
                2.0,
            ),
            (
                r#"hushlink_http_requests_total{method="GET",route="/api/v2/passwords/{token}",status="404"}"#,
                2.0,
            ),
            (
                r#"hushlink_http_requests_total{method="GET",route="/api/v2/passwords/{token}",status="400"}"#,
                1.0,
            ),
            (
                r#"hushlink_http_requests_total{method="HEAD",route="/api/v2/passwords/{token}",status="200"}"#,
                1.0,
            ),
            (
                r#"hushlink_http_requests_total{method="POST",route="/{token}",status="200"}"#,
                2.0,
            ),
            (
                r#"hushlink_http_requests_total{method="POST",route="/",status="200"}"#,
                2.0,
            ),
            (
                r#"hushlink_http_requests_total{method="GET",route="/{token}",status="404"}"#,
                1.0,
            ),
            (
                r#"hushlink_http_request_duration_seconds_count{method="GET",route="/api/v2/passwords/{token}"}"#,
                5.0,
            ),
        ] {
            assert_eq!(value(&s, series), expected, "{series} on {backend}");
        }
        assert!(
            !body.contains("hushlink_store_errors_total{"),
            "no store errors on {backend}"
        );

        // Neither format carries any part of a token, a key or a secret.
        let (content_type, openmetrics) = scrape(&app, "application/openmetrics-text").await;
        assert!(content_type.starts_with("application/openmetrics-text"));
        assert!(openmetrics.ends_with("# EOF\n"));
        assert!(openmetrics.contains(r#"hushlink_secrets_created_total{via="api"} 3"#));
        secrets.push(&other_key);
        for text in [&body, &openmetrics] {
            for token in &tokens {
                let (storage, key) = token.split_once('~').unwrap_or((token, ""));
                for part in [token.as_str(), storage, &key[..key.len().min(20)]] {
                    assert!(
                        part.is_empty() || !text.contains(part),
                        "{part} in the metrics on {backend}"
                    );
                }
            }
            for secret in &secrets {
                assert!(!text.contains(&secret[..secret.len().min(20)]));
            }
            assert!(!text.contains("snappass"), "a storage key on {backend}");
        }

        // The metrics listener answers nothing else.
        let port = app.metrics_port.unwrap();
        for path in ["/", "/api/v2/passwords", "/metrics/x"] {
            let r = client()
                .get(format!("http://127.0.0.1:{port}{path}"))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 404, "{path}");
        }
    }
}

#[tokio::test]
async fn metrics_are_off_by_default_and_never_on_the_public_port() {
    let app = spawn_app().await;
    assert_eq!(app.metrics_port, None);
    let r = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_errors_are_counted_by_operation() {
    let redis = Arc::new(RedisServer::start());
    let app = spawn_app_on_redis(&redis, |c| {
        metrics_on(c);
        c.store_timeout_ms = 500;
    })
    .await;
    redis.kill();
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({"password": "never stored"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
    let (_, body) = scrape(&app, "*/*").await;
    let s = samples(&body);
    let put_errors: f64 = s
        .iter()
        .filter(|(series, _)| series.starts_with(r#"hushlink_store_errors_total{op="put""#))
        .map(|(_, v)| v)
        .sum();
    assert_eq!(put_errors, 1.0, "{body}");
    assert_eq!(
        value(&s, r#"hushlink_secrets_created_total{via="api"}"#),
        0.0
    );
    assert_eq!(
        value(
            &s,
            r#"hushlink_http_requests_total{method="POST",route="/api/v2/passwords",status="503"}"#
        ),
        1.0
    );
}

#[tokio::test]
async fn a_bad_metrics_address_stops_start_up() {
    // Not an address: refused before anything is opened, naming the variable.
    let dir = tempfile::tempdir().unwrap();
    let envs = [
        ("HUSHLINK_METRICS_ADDR", "localhost".to_owned()),
        ("HUSHLINK_DATA_DIR", dir.path().display().to_string()),
        ("SNAPPASS_BIND_ADDRESS", "127.0.0.1".to_owned()),
        ("SNAPPASS_PORT", "0".to_owned()),
    ];
    let out = tokio::time::timeout(
        Duration::from_secs(60),
        hushlink_client(&["serve"], &envs, b""),
    )
    .await
    .expect("the server must refuse to start, not run");
    assert_exit(&out, 1, "serve with a bad HUSHLINK_METRICS_ADDR");
    assert!(String::from_utf8_lossy(&out.stderr).contains("HUSHLINK_METRICS_ADDR"));

    // An address already taken: start-up fails, naming the variable.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut config = Config::for_tests(dir.path().join("data"));
    config.metrics_addr = Some(taken.local_addr().unwrap().to_string());
    let error = match Application::build(&config).await {
        Ok(_) => panic!("built with a taken metrics address"),
        Err(e) => format!("{e:#}"),
    };
    assert!(error.contains("HUSHLINK_METRICS_ADDR"), "{error}");
}
