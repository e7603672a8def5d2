//! Bad input gets a clear 4xx and loses nothing; damaged links burn nothing.

use serde_json::{Value, json};

use crate::helpers::{both_backends, quote_plus, spawn_app_with, split_token};

#[tokio::test]
async fn wrong_types_are_400_naming_the_field() {
    for app in both_backends().await {
        let cases = [
            (json!({"password": "x", "ttl": "abc"}), "ttl"),
            (json!({"password": "x", "ttl": 0}), "ttl"),
            (json!({"password": "x", "ttl": -5}), "ttl"),
            (json!({"password": "x", "ttl": 1.5}), "ttl"),
            (json!({"password": "x", "ttl": null}), "ttl"),
            (json!({"password": "x", "ttl": [600]}), "ttl"),
            (json!({"password": "x", "ttl": true}), "ttl"),
            (json!({"password": 12}), "password"),
            (json!({"password": ["a"]}), "password"),
            (json!({"password": null}), "password"),
            (json!({}), "password"),
            (json!({"password": "x", "views": 0}), "views"),
            (json!({"password": "x", "views": 101}), "views"),
            (json!([1, 2]), "body"),
            (json!("string"), "body"),
        ];
        for path in ["/api/v2/passwords", "/api/set_password/"] {
            for (body, field) in &cases {
                let r = app
                    .client
                    .post(app.url(path))
                    .json(body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 400, "{} {path} {body}", app.backend);
                assert_eq!(r.headers()["content-type"], "application/problem+json");
                let p: Value = r.json().await.unwrap();
                assert_eq!(p["invalid-params"][0]["name"], *field, "{body}");
            }
            for raw in ["{not json", "", "password=x", "\u{0}\u{1}"] {
                let r = app
                    .client
                    .post(app.url(path))
                    .header("content-type", "application/json")
                    .body(raw)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 400, "{raw:?}");
            }
        }
    }
}

#[tokio::test]
async fn garbage_tokens_are_404_never_500() {
    for app in both_backends().await {
        let long = "a".repeat(5000);
        let garbage = [
            "x",
            "~",
            "~~~",
            "snappass",
            "%00",
            "%ff%fe",
            "snappass%7E",
            &long,
            "..%2F..%2Fetc%2Fpasswd",
            "snappass0123456789abcdef0123456789abcdef~",
            "snappass0123456789abcdef0123456789abcdef~garbage",
            "0123456789ABCDEF0123456789ABCDEF",
        ];
        for g in garbage {
            for (method, path) in [
                ("GET", format!("/api/v2/passwords/{g}")),
                ("HEAD", format!("/api/v2/passwords/{g}")),
                ("GET", format!("/{g}")),
                ("POST", format!("/{g}")),
            ] {
                let r = app
                    .client
                    .request(method.parse().unwrap(), app.url(&path))
                    .send()
                    .await
                    .unwrap();
                assert!(
                    r.status().is_client_error(),
                    "{} {method} {path}: {}",
                    app.backend,
                    r.status()
                );
            }
        }
    }
}

#[tokio::test]
async fn a_damaged_link_does_not_burn_the_secret() {
    for app in both_backends().await {
        let token = app.create("precious").await;
        let (storage, key) = split_token(&token);
        let other_key = fernet::Fernet::generate_key();
        let damaged = [
            format!("{storage}~{other_key}"),
            format!("{storage}~{}", &key[..20]),
            format!("{storage}~"),
            storage.to_owned(), // the key part cut off entirely
        ];
        for bad in &damaged {
            let api = app.client.get(app.password_url(bad)).send().await.unwrap();
            assert_eq!(api.status(), 400, "{}", app.backend);
            let p: Value = api.json().await.unwrap();
            assert!(p["type"].as_str().unwrap().ends_with("damaged-link"));
            let web = app
                .client
                .post(app.url(&format!("/{}", quote_plus(bad))))
                .send()
                .await
                .unwrap();
            assert_eq!(web.status(), 400);
            assert!(web.text().await.unwrap().contains("damaged or incomplete"));
        }
        // The rightful reader still gets it.
        let r = app
            .client
            .get(app.password_url(&token))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.json::<Value>().await.unwrap()["password"], "precious");
    }
}

#[tokio::test]
async fn lowered_max_ttl_applies_to_api_and_form() {
    let app = spawn_app_with(|c| c.max_ttl = 3600).await;
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({"password": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["ttl"], 3600);
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({"password": "x", "ttl": 3601}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = app
        .client
        .post(app.url("/"))
        .form(&[("password", "x"), ("ttl", "Day")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let form = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!form.contains(r#"value="Day""#));
    assert!(form.contains(r#"value="Hour" selected"#));
}

/// Asserts an API answer is a problem document with `status`.
async fn assert_problem(r: reqwest::Response, status: u16, what: &str) -> Value {
    assert_eq!(r.status(), status, "{what}");
    assert_eq!(
        r.headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned()),
        Some("application/problem+json".to_owned()),
        "{what}"
    );
    let p: Value = r.json().await.unwrap();
    assert!(
        p["type"].is_string() && p["title"].is_string(),
        "{what}: {p}"
    );
    p
}

#[tokio::test]
async fn every_api_answer_is_a_problem_document_even_for_undecodable_requests() {
    let admin = hushlink::apikey::ApiKey::generate();
    let hash = admin.hash().to_hex();
    let app = spawn_app_with(move |c| c.admin_key_sha256 = Some(hash)).await;
    let key = admin.expose();

    // A path segment whose percent-decoding is not UTF-8 names no secret
    // and no key.
    for segment in ["%ff", "%ff%fe", "snappass%c3%28"] {
        let r = app
            .client
            .get(app.url(&format!("/api/v2/passwords/{segment}")))
            .send()
            .await
            .unwrap();
        assert_problem(r, 404, segment).await;
        let r = app
            .client
            .head(app.url(&format!("/api/v2/passwords/{segment}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "HEAD {segment}");
        for (method, path) in [
            (reqwest::Method::GET, format!("/api/v2/keys/{segment}")),
            (reqwest::Method::PATCH, format!("/api/v2/keys/{segment}")),
            (reqwest::Method::DELETE, format!("/api/v2/keys/{segment}")),
            (
                reqwest::Method::POST,
                format!("/api/v2/keys/{segment}/rotate"),
            ),
        ] {
            let r = app
                .client
                .request(method.clone(), app.url(&path))
                .bearer_auth(key)
                .json(&json!({}))
                .send()
                .await
                .unwrap();
            let p = assert_problem(r, 404, &format!("{method} {path}")).await;
            assert!(p["type"].as_str().unwrap().ends_with("api-key-not-found"));
        }
        // The page of such a link is the "not found" page.
        let r = app
            .client
            .get(app.url(&format!("/{segment}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }

    // A Host header that cannot be put in a link.
    for path in ["/api/v2/passwords", "/api/set_password/", "/api/v2/keys"] {
        let r = app
            .client
            .post(app.url(path))
            .header("host", "evil.example/x?")
            .bearer_auth(key)
            .json(&json!({ "password": "x", "name": "n" }))
            .send()
            .await
            .unwrap();
        assert_problem(r, 400, &format!("bad Host on {path}")).await;
    }

    // Off the API the same requests get pages that say so.
    let r = app
        .client
        .get(app.url("/"))
        .header("host", "evil.example/x?")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.text().await.unwrap().contains("cannot be answered"));
    let r = app.client.put(app.url("/")).send().await.unwrap();
    assert_eq!(r.status(), 405);
    assert!(r.headers().contains_key("allow"));
    assert!(r.text().await.unwrap().contains("cannot be answered"));

    // A method the route does not have.
    for (method, path) in [
        (reqwest::Method::PUT, "/api/v2/passwords"),
        (reqwest::Method::DELETE, "/api/v2/passwords/abc"),
        (reqwest::Method::GET, "/api/set_password/"),
        (reqwest::Method::PUT, "/api/v2/keys"),
        (reqwest::Method::GET, "/api/v2/bootstrap"),
    ] {
        let r = app
            .client
            .request(method.clone(), app.url(path))
            .send()
            .await
            .unwrap();
        let allow = r.headers().get("allow").cloned();
        assert_problem(r, 405, &format!("{method} {path}")).await;
        assert!(allow.is_some(), "{method} {path}: Allow is kept");
    }
}
