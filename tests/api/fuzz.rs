//! Seeded random input at every route: random bytes, random JSON, random
//! tokens. Nothing may answer 5xx (the store is up), and the server must
//! still serve afterwards. The seed is printed so a failure can be replayed.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{Value, json};

use crate::helpers::{both_backends, quote_plus};

const ROUNDS: usize = 150;

fn random_json(rng: &mut StdRng, depth: u32) -> Value {
    match rng.random_range(0..if depth > 2 { 6 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.random::<bool>()),
        2 => json!(rng.random::<i64>()),
        3 => json!(rng.random::<f64>() * 1e6 - 5e5),
        4 => json!(random_text(rng, 40)),
        5 => json!(rng.random_range(0..2_000_000u64).to_string()),
        6 => Value::Array(
            (0..rng.random_range(0..4))
                .map(|_| random_json(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let mut map = serde_json::Map::new();
            for _ in 0..rng.random_range(0..4) {
                map.insert(random_text(rng, 8), random_json(rng, depth + 1));
            }
            Value::Object(map)
        }
    }
}

fn random_text(rng: &mut StdRng, max: usize) -> String {
    const PIECES: [&str; 12] = [
        "a", "Z", "0", "~", "%", "+", " ", "é", "\u{0}", "\"", "snappass", "=",
    ];
    (0..rng.random_range(0..max))
        .map(|_| PIECES[rng.random_range(0..PIECES.len())])
        .collect()
}

fn random_bytes(rng: &mut StdRng, max: usize) -> Vec<u8> {
    (0..rng.random_range(0..max))
        .map(|_| rng.random())
        .collect()
}

/// A token-ish path segment: sometimes well-formed with a broken key,
/// sometimes random bytes, always percent-encoded so it is a valid URL.
fn random_segment(rng: &mut StdRng) -> String {
    let hex: String = (0..32)
        .map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)]))
        .collect();
    let raw = match rng.random_range(0..4) {
        0 => format!("snappass{hex}~{}", random_text(rng, 60)),
        1 => format!("snappass{hex}"),
        2 => String::from_utf8_lossy(&random_bytes(rng, 200)).into_owned(),
        _ => random_text(rng, 300),
    };
    let quoted = quote_plus(&raw);
    if quoted.is_empty() {
        "x".into()
    } else {
        quoted
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_input_never_gets_a_5xx() {
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    println!("FUZZ_SEED={seed}");
    for app in both_backends().await {
        let mut rng = StdRng::seed_from_u64(seed);
        for round in 0..ROUNDS {
            let (method, path, body, content_type) = match rng.random_range(0..6) {
                0 => (
                    "POST",
                    "/api/v2/passwords".to_owned(),
                    serde_json::to_vec(&random_json(&mut rng, 0)).unwrap(),
                    "application/json",
                ),
                1 => {
                    let mut fields = serde_json::Map::new();
                    for name in ["password", "ttl", "views"] {
                        if rng.random_bool(0.8) {
                            fields.insert(name.into(), random_json(&mut rng, 1));
                        }
                    }
                    (
                        "POST",
                        "/api/set_password/".to_owned(),
                        serde_json::to_vec(&fields).unwrap(),
                        "application/json",
                    )
                }
                2 => (
                    "POST",
                    "/".to_owned(),
                    random_bytes(&mut rng, 400),
                    "application/x-www-form-urlencoded",
                ),
                3 => (
                    "POST",
                    "/api/v2/passwords".to_owned(),
                    random_bytes(&mut rng, 400),
                    "application/octet-stream",
                ),
                4 => {
                    let method = ["GET", "HEAD"][rng.random_range(0..2)];
                    (
                        method,
                        format!("/api/v2/passwords/{}", random_segment(&mut rng)),
                        vec![],
                        "text/plain",
                    )
                }
                _ => {
                    let method = ["GET", "POST"][rng.random_range(0..2)];
                    (
                        method,
                        format!("/{}", random_segment(&mut rng)),
                        vec![],
                        "text/plain",
                    )
                }
            };
            let accept = ["*/*", "application/json", "text/html", ""][rng.random_range(0..4)];
            let r = app
                .client
                .request(method.parse().unwrap(), app.url(&path))
                .header("content-type", content_type)
                .header("accept", accept)
                .body(body)
                .send()
                .await
                .unwrap();
            assert!(
                r.status().as_u16() < 500,
                "{} seed {seed} round {round}: {method} {path} -> {}",
                app.backend,
                r.status()
            );
        }
        // Still serving.
        let token = app.create("after the storm").await;
        let r = app
            .client
            .get(app.password_url(&token))
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.json::<Value>().await.unwrap()["password"],
            "after the storm"
        );
    }
}
