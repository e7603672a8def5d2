//! The client (`hushlink send | get | check`), run as the real binary against
//! real servers: hushlink on both backends, and SnapPass 1.6.2 from PyPI.

use hushlink::apikey::ApiKey;
use hushlink::config::ApiAuth;
use hushlink::token::quote_plus;

use std::sync::Arc;

use crate::helpers::{
    RedisServer, SnapPass, assert_exit, both_backends, free_port, hushlink_client as client,
    spawn_app_on_redis, spawn_app_with,
};

/// The environment of a client pointed at `server`.
fn at(server: &str) -> Vec<(&'static str, String)> {
    vec![("HUSHLINK_SERVER", server.to_owned())]
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// `send`s `secret` with `args`, asserts success, returns the link.
async fn send(server: &str, args: &[&str], secret: &[u8]) -> String {
    let mut all = vec!["send"];
    all.extend_from_slice(args);
    let out = client(&all, &at(server), secret).await;
    assert_exit(&out, 0, "send");
    let link = stdout(&out);
    assert!(
        link.ends_with('\n') && link.lines().count() == 1,
        "{link:?}"
    );
    link.trim_end().to_owned()
}

/// Asserts nothing the client printed holds the token's key part (its
/// first 40 characters: the same quoted or not).
fn assert_no_token(out: &std::process::Output, link: &str) {
    let (_, key) = link.rsplit_once('~').expect("a link with a key part");
    let key_part = &key[..40];
    for stream in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text.contains(key_part),
            "output shows the link's key: {text}"
        );
    }
}

#[tokio::test]
async fn send_then_get_is_byte_exact_up_to_the_size_limit() {
    for app in both_backends().await {
        let limit = 256 * 1024; // the default HUSHLINK_MAX_SECRET_BYTES
        let dir = tempfile::tempdir().unwrap();

        // Text as large as the limit allows, from a file to a file.
        let text: Vec<u8> = (0..limit).map(|i| b"abcdefgh\n"[i % 9]).collect();
        let input = dir.path().join("in.txt");
        std::fs::write(&input, &text).unwrap();
        let link = send(
            &app.address,
            &["--server-side", "--file", input.to_str().unwrap()],
            b"",
        )
        .await;
        let output = dir.path().join("out.txt");
        let out = client(
            &["get", &link, "--output", output.to_str().unwrap()],
            &[],
            b"",
        )
        .await;
        assert_exit(&out, 0, "get --output");
        assert!(out.stdout.is_empty());
        assert_eq!(std::fs::read(&output).unwrap(), text, "{}", app.backend);
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(&output).unwrap().permissions(),
        );
        assert_eq!(mode & 0o777, 0o600);

        // Binary, through pipes: the largest that fits once armoured.
        let armour = "hushlink-binary:base64:".len();
        let binary: Vec<u8> = (0..(limit - armour) / 4 * 3)
            .map(|i| (i * 7 + i / 251) as u8)
            .collect();
        assert!(std::str::from_utf8(&binary).is_err());
        let link = send(&app.address, &["--server-side"], &binary).await;
        let out = client(&["get", &link], &[], b"").await;
        assert_exit(&out, 0, "get binary");
        assert_eq!(out.stdout.len(), binary.len(), "{}", app.backend);
        assert!(out.stdout == binary, "binary round trip on {}", app.backend);

        // One byte over the limit is refused, and says why.
        let mut over = text.clone();
        over.push(b'x');
        let out = client(&["send", "--server-side"], &at(&app.address), &over).await;
        assert_exit(&out, 1, "one byte over the limit");
        assert!(String::from_utf8_lossy(&out.stderr).contains("413"));
    }
}

#[tokio::test]
async fn views_ttl_check_and_the_second_get() {
    for app in both_backends().await {
        let link = send(
            &app.address,
            &["--server-side", "--views", "2", "--ttl", "1h"],
            b"twice",
        )
        .await;
        let out = client(&["check", &link], &[], b"").await;
        assert_exit(&out, 0, "check");
        assert_eq!(stdout(&out), "available (2 view(s) left)\n");
        if let Some(redis) = &app.redis {
            let mut conn = redis
                .client()
                .get_multiplexed_async_connection()
                .await
                .unwrap();
            // The secret's key (`snappass<32 hex>`), not its receipt's index.
            let keys: Vec<String> = redis::cmd("KEYS")
                .arg("snappass[0-9a-f]*")
                .query_async(&mut conn)
                .await
                .unwrap();
            let ttl: i64 = redis::cmd("TTL")
                .arg(&keys[0])
                .query_async(&mut conn)
                .await
                .unwrap();
            assert!((3590..=3600).contains(&ttl), "ttl {ttl}");
        }
        for _ in 0..2 {
            let out = client(&["get", &link], &[], b"").await;
            assert_exit(&out, 0, "get");
            assert_eq!(out.stdout, b"twice");
        }
        // Used up: both commands say "not found" (4), and the link is not shown.
        for cmd in ["get", "check"] {
            let out = client(&[cmd, &link], &[], b"").await;
            assert_exit(&out, 4, cmd);
            assert_no_token(&out, &link);
        }
        // The link can come from stdin, out of shell history.
        let link = send(&app.address, &["--server-side"], b"from stdin").await;
        let out = client(&["get", "-"], &[], format!("{link}\n").as_bytes()).await;
        assert_exit(&out, 0, "get -");
        assert_eq!(out.stdout, b"from stdin");
    }
}

#[tokio::test]
async fn damaged_links_reveal_nothing_and_burn_nothing() {
    for app in both_backends().await {
        let link = send(&app.address, &["--server-side"], b"still here").await;
        // Cut: caught before any request.
        let out = client(&["get", &link[..link.len() - 5]], &[], b"").await;
        assert_exit(&out, 5, "cut link");
        // Altered but well-formed key: the server finds it cannot open the
        // secret, and keeps it.
        let (head, _) = link.rsplit_once('~').unwrap();
        let wrong = format!(
            "{head}{}",
            quote_plus("~AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        );
        let out = client(&["get", &wrong], &[], b"").await;
        assert_exit(&out, 5, "wrong key");
        assert_no_token(&out, &link);
        let out = client(&["get", &link], &[], b"").await;
        assert_exit(&out, 0, "the real link after two damaged tries");
        assert_eq!(out.stdout, b"still here", "{}", app.backend);
    }
}

#[tokio::test]
async fn keys_come_from_the_environment_or_a_file_never_an_argument() {
    let admin = ApiKey::generate();
    let hash = admin.hash().to_hex();
    let app = spawn_app_with(move |c| {
        c.admin_key_sha256 = Some(hash);
        c.api_auth = ApiAuth::Required;
    })
    .await;
    let key = admin.expose().to_owned();

    let out = client(&["send"], &at(&app.address), b"s").await;
    assert_exit(&out, 7, "no key");

    let mut env = at(&app.address);
    env.push(("HUSHLINK_API_KEY", key.clone()));
    let out = client(&["send"], &env, b"s").await;
    assert_exit(&out, 0, "key from the environment");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("key");
    std::fs::write(&file, format!("{key}\n")).unwrap();
    let out = client(
        &["send", "--api-key-file", file.to_str().unwrap()],
        &at(&app.address),
        b"s",
    )
    .await;
    assert_exit(&out, 0, "key from a file");

    let out = client(&["send", "--api-key", &key], &at(&app.address), b"s").await;
    assert_exit(&out, 2, "key as an argument");
    let wrong = ApiKey::generate();
    let mut env = at(&app.address);
    env.push(("HUSHLINK_API_KEY", wrong.expose().to_owned()));
    let refused = client(&["send"], &env, b"s").await;
    assert_exit(&refused, 7, "unknown key");
    for out in [&out, &refused] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains(&key) && !stderr.contains(wrong.expose()),
            "{stderr}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_and_send_try_again_after_a_503() {
    // A Redis that stalls past the store's timeout: the server answers 503
    // (which consumed nothing), and the client tries again as `Retry-After`
    // asks instead of failing the pipeline.
    let redis = Arc::new(RedisServer::start());
    let app = spawn_app_on_redis(&redis, |c| c.store_timeout_ms = 300).await;
    for args in [&[][..], &["--server-side"][..]] {
        let secret = format!("revealed after a stall {args:?}");
        let link = send(&app.address, args, secret.as_bytes()).await;
        redis.pause(1000);
        let out = client(&["get", &link], &[], b"").await;
        assert_exit(&out, 0, "get after a 503");
        assert_eq!(stdout(&out), secret);
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("unavailable for now; trying again in"),
            "{said}"
        );
        if link.contains('~') {
            assert_no_token(&out, &link);
        }
        assert!(!said.contains(&link), "{said}");
        // Revealed once: a second get finds nothing.
        assert_exit(&client(&["get", &link], &[], b"").await, 4, "second get");

        redis.pause(1000);
        let out = client(&["send"], &at(&app.address), b"made after a stall").await;
        assert_exit(&out, 0, "send after a 503");
    }
}

#[tokio::test]
async fn usage_errors_and_an_unreachable_server() {
    let nobody = format!("http://127.0.0.1:{}", free_port());
    let out = client(&["send"], &at(&nobody), b"s").await;
    assert_exit(&out, 6, "nothing listens");
    let link = format!(
        "{nobody}/snappass{}~{}",
        "a".repeat(32),
        quote_plus(&"A".repeat(43))
    );
    let out = client(&["check", &format!("{link}=")], &[], b"").await;
    assert_exit(&out, 6, "check, nothing listens");
    for (args, env, what) in [
        (vec!["send"], vec![], "no server"),
        (vec!["send"], at("ftp://x"), "not http"),
        (vec!["send", "--ttl", "0"], at(&nobody), "zero ttl"),
        (vec!["send", "--views", "0"], at(&nobody), "zero views"),
        (vec!["get", "not a link"], vec![], "not a link"),
    ] {
        let out = client(&args, &env, b"s").await;
        assert_exit(&out, 2, what);
    }
    let out = client(&["send"], &at(&nobody), b"").await;
    assert_exit(&out, 2, "empty secret");
}

#[tokio::test]
async fn works_against_snappass_1_6_from_pypi() {
    let redis = RedisServer::start();
    let snappass = SnapPass::start(&redis).await;
    let server = snappass.url("/");
    let mut conn = redis
        .client()
        .get_multiplexed_async_connection()
        .await
        .unwrap();

    // SnapPass 1.6 has no REST API: the client uses its form and pages.
    let link = send(&server, &["--ttl", "1d"], b"from the pipeline").await;
    let stored: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut conn)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    let ttl: i64 = redis::cmd("TTL")
        .arg(&stored[0])
        .query_async(&mut conn)
        .await
        .unwrap();
    assert!((86_390..=86_400).contains(&ttl), "ttl {ttl}");

    let out = client(&["check", &link], &[], b"").await;
    assert_exit(&out, 0, "check on SnapPass");
    assert_eq!(stdout(&out), "available\n");
    let out = client(&["get", &link], &[], b"").await;
    assert_exit(&out, 0, "get on SnapPass");
    assert_eq!(out.stdout, b"from the pipeline");
    for cmd in ["get", "check"] {
        let out = client(&[cmd, &link], &[], b"").await;
        assert_exit(&out, 4, "second look on SnapPass");
    }

    // HTML-escaped characters and binary survive the reveal page.
    for secret in [
        b"<a href=\"x\">&'\n".to_vec(),
        (0..=255).collect::<Vec<u8>>(),
    ] {
        let link = send(&server, &[], &secret).await;
        let out = client(&["get", &link], &[], b"").await;
        assert_exit(&out, 0, "get on SnapPass");
        assert!(out.stdout == secret, "round trip through SnapPass");
    }

    // What SnapPass cannot do is refused before anything is stored.
    for args in [["--views", "2"], ["--ttl", "2h"]] {
        let mut all = vec!["send"];
        all.extend_from_slice(&args);
        let out = client(&all, &at(&server), b"s").await;
        assert_exit(&out, 2, "unsupported on SnapPass");
    }
    let size: usize = redis::cmd("DBSIZE").query_async(&mut conn).await.unwrap();
    assert_eq!(size, 0, "refused sends stored nothing");

    // A damaged link is caught here; SnapPass would have deleted the secret.
    let link = send(&server, &[], b"kept").await;
    let out = client(&["get", &link[..link.len() - 3]], &[], b"").await;
    assert_exit(&out, 5, "damaged link on SnapPass");
    let out = client(&["get", &link], &[], b"").await;
    assert_exit(&out, 0, "the whole link still works");
    assert_eq!(out.stdout, b"kept");
}

#[tokio::test]
async fn healthcheck_exits_0_only_for_a_healthy_server() {
    let app = crate::helpers::spawn_app().await;
    let env = [("SNAPPASS_PORT", app.port.to_string())];
    assert_exit(&client(&["healthcheck"], &env, b"").await, 0, "healthy");
    let url = format!("http://127.0.0.1:{}/_/_/health", free_port());
    assert_exit(
        &client(&["healthcheck", "--url", &url], &[], b"").await,
        6,
        "nothing listens",
    );
    let url = app.url("/no-such-route/x");
    assert_exit(
        &client(&["healthcheck", "--url", &url], &[], b"").await,
        1,
        "404",
    );
}

#[tokio::test]
async fn completions_and_man_pages() {
    for (shell, marker) in [
        ("bash", "_hushlink()"),
        ("zsh", "#compdef hushlink"),
        ("fish", "complete -c hushlink"),
    ] {
        let out = client(&["completions", shell], &[], b"").await;
        assert_exit(&out, 0, shell);
        let script = stdout(&out);
        assert!(
            script.contains(marker) && script.contains("send"),
            "{shell}"
        );
    }
    let out = client(&["man"], &[], b"").await;
    assert_exit(&out, 0, "man");
    assert!(stdout(&out).contains(".TH hushlink 1"));
    let dir = tempfile::tempdir().unwrap();
    let out = client(
        &["man", "--out-dir", dir.path().to_str().unwrap()],
        &[],
        b"",
    )
    .await;
    assert_exit(&out, 0, "man --out-dir");
    for page in [
        "hushlink.1",
        "hushlink-send.1",
        "hushlink-get.1",
        "hushlink-check.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join(page)).unwrap();
        assert!(text.contains(".TH"), "{page}");
    }
    let help = client(&["get", "--help"], &[], b"").await;
    assert!(stdout(&help).contains("5 damaged link"));
}
