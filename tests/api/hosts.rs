//! `HUSHLINK_ALLOWED_HOSTS`: links are built only for the hosts named; a
//! request naming another host, where a link would be built, gets 400.

use serde_json::{Value, json};

use crate::helpers::spawn_app_with;

#[tokio::test]
async fn links_are_built_only_for_allowed_hosts() {
    let app = spawn_app_with(|c| {
        c.allowed_hosts = Some("secrets.example.com, .corp.example".into());
    })
    .await;
    let create = |host: &'static str| {
        app.client
            .post(app.url("/api/v2/passwords"))
            .header("host", host)
            .json(&json!({"password": "p"}))
            .send()
    };

    for host in [
        "secrets.example.com",
        "secrets.example.com:8443",
        "a.corp.example",
    ] {
        let r = create(host).await.unwrap();
        assert_eq!(r.status(), 200, "{host}");
        let body: Value = r.json().await.unwrap();
        let link = body["links"][1]["href"].as_str().unwrap().to_owned();
        assert!(link.starts_with(&format!("http://{host}/")), "{link}");
    }

    // The API: a problem document, and nothing stored.
    let r = create("evil.example").await.unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let problem: Value = r.json().await.unwrap();
    assert_eq!(problem["invalid-params"][0]["name"], "Host", "{problem}");
    assert!(
        !problem.to_string().contains("evil"),
        "the host is not echoed"
    );

    // SnapPass's API too.
    let r = app
        .client
        .post(app.url("/api/set_password/"))
        .header("host", "127.0.0.1")
        .json(&json!({"password": "p"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);

    // A page: a short page, with the protective headers.
    let r = app
        .client
        .get(app.url("/"))
        .header("host", "evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(r.headers().contains_key("content-security-policy"));

    // Routes that build no link answer whatever the Host (a health probe
    // names the pod's address).
    let r = app
        .client
        .get(app.url("/_/_/health"))
        .header("host", "10.0.0.7:5000")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn a_bad_allowed_hosts_setting_stops_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = hushlink::config::Config::for_tests(dir.path().join("data"));
    config.allowed_hosts = Some("ok.example, not/a/host".into());
    let error = hushlink::Application::build(&config)
        .await
        .err()
        .map(|e| format!("{e:#}"))
        .unwrap_or_default();
    assert!(error.contains("HUSHLINK_ALLOWED_HOSTS"), "{error}");
    assert!(error.contains("not/a/host"), "{error}");
}
