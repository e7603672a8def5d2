//! Redis over TLS (`rediss://`) with a password: certificates checked
//! against the system's roots or `HUSHLINK_REDIS_CA_FILE`, redis-py's
//! `ssl_cert_reqs=none` understood, and the same for a Redis Cluster.

use std::process::{Child, Command, Stdio};

use serde_json::Value;

use crate::helpers::{
    RedisCluster, STARTUP_BOUND, TestApp, TlsFiles, free_port, spawn_app_with, spawn_cluster_app,
};
use hushlink::config::StoreKind;

/// A redis-server that speaks only TLS and needs a password, killed on drop.
struct TlsRedis {
    port: u16,
    child: Child,
}

impl TlsRedis {
    fn start(tls: &TlsFiles, password: &str) -> Self {
        let port = free_port();
        let child = Command::new("redis-server")
            .args([
                "--port",
                "0",
                "--tls-port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
            ])
            .args(tls.server_args())
            .args([
                "--requirepass",
                password,
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server");
        // Owned at once: dropped (killed) if it never answers.
        let redis = TlsRedis { port, child };
        let deadline = std::time::Instant::now() + STARTUP_BOUND;
        loop {
            let pong = Command::new("redis-cli")
                .arg("--tls")
                .arg("--cacert")
                .arg(tls.ca())
                .args([
                    "-p",
                    &port.to_string(),
                    "-a",
                    password,
                    "--no-auth-warning",
                    "PING",
                ])
                .output()
                .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "PONG")
                .unwrap_or(false);
            if pong {
                return redis;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "TLS redis did not start"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for TlsRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Creates a secret and reveals it through the API; the reveal's status.
async fn round_trip(app: &TestApp) -> u16 {
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&serde_json::json!({ "password": "over tls" }))
        .send()
        .await
        .unwrap();
    if r.status() != 200 {
        return r.status().as_u16();
    }
    let token = r.json::<Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = app
        .client
        .get(app.password_url(&token))
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    assert_eq!(r.json::<Value>().await.unwrap()["password"], "over tls");
    status
}

async fn app_on(url: String, ca: Option<std::path::PathBuf>) -> TestApp {
    spawn_app_with(move |c| {
        c.store = Some(StoreKind::Redis);
        c.redis_url = Some(url);
        c.redis_ca_file = ca;
        // A refused certificate must fail fast, not after the test timeout.
        c.store_timeout_ms = 3_000;
    })
    .await
}

#[tokio::test]
async fn rediss_checks_certificates_against_the_configured_ca() {
    let tls = TlsFiles::generate();
    let redis = TlsRedis::start(&tls, "s3cret");
    let url = format!("rediss://:s3cret@127.0.0.1:{}/0", redis.port);

    let app = app_on(url.clone(), Some(tls.ca())).await;
    assert_eq!(round_trip(&app).await, 200);

    // Without the CA, the server's certificate is refused: 503, nothing stored.
    let untrusting = app_on(url.clone(), None).await;
    let r = untrusting
        .client
        .get(untrusting.url("/_/_/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);

    // redis-py's way of turning the check off, as a SnapPass REDIS_URL has it.
    let unchecked = app_on(format!("{url}?ssl_cert_reqs=none"), None).await;
    assert_eq!(round_trip(&unchecked).await, 200);

    // A wrong password is refused too.
    let wrong = app_on(
        format!("rediss://:wrong@127.0.0.1:{}/0", redis.port),
        Some(tls.ca()),
    )
    .await;
    let r = wrong
        .client
        .get(wrong.url("/_/_/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cluster_over_tls_with_a_password() {
    let cluster = tokio::task::spawn_blocking(RedisCluster::start_secure)
        .await
        .unwrap();
    assert!(cluster.seeds().starts_with("rediss://:"));
    let app = spawn_cluster_app(&cluster, |_| {}).await;
    for _ in 0..20 {
        assert_eq!(round_trip(&app).await, 200);
    }
}
