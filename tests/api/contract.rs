//! The SnapPass HTTP contract, row by row, on both backends.

use serde_json::{Value, json};

use crate::helpers::{both_backends, quote_plus, spawn_app_with, split_token};

fn assert_token_shape(token: &str, prefix: &str) {
    let (storage, key) = split_token(token);
    let hex = storage.strip_prefix(prefix).expect("prefix");
    assert_eq!(hex.len(), 32);
    assert!(
        hex.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    assert_eq!(key.len(), 44);
    assert!(key.ends_with('='));
}

#[tokio::test]
async fn v2_create_check_reveal_then_gone() {
    for app in both_backends().await {
        let r = app
            .client
            .post(app.url("/api/v2/passwords"))
            .json(&json!({ "password": "hunter2", "ttl": 600 }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        let token = body["token"].as_str().unwrap();
        assert_token_shape(token, "snappass");
        assert_eq!(body["ttl"], 600);
        let quoted = quote_plus(token);
        assert!(quoted.ends_with("%3D"));
        assert_eq!(body["links"][0]["rel"], "self");
        assert_eq!(
            body["links"][0]["href"],
            format!("http://127.0.0.1:{}/api/v2/passwords/{quoted}", app.port)
        );
        assert_eq!(body["links"][1]["rel"], "web-view");
        assert_eq!(
            body["links"][1]["href"],
            format!("http://127.0.0.1:{}/{quoted}", app.port)
        );

        let api = app.url(&format!("/api/v2/passwords/{quoted}"));
        let head = app.client.head(&api).send().await.unwrap();
        assert_eq!(head.status(), 200, "{}", app.backend);
        assert_eq!(head.headers()["x-views-remaining"], "1");
        // HEAD does not consume.
        assert_eq!(app.client.head(&api).send().await.unwrap().status(), 200);

        let got = app.client.get(&api).send().await.unwrap();
        assert_eq!(got.status(), 200);
        assert_eq!(
            got.json::<Value>().await.unwrap(),
            json!({ "password": "hunter2" })
        );

        assert_eq!(app.client.head(&api).send().await.unwrap().status(), 404);
        let again = app.client.get(&api).send().await.unwrap();
        assert_eq!(again.status(), 404);
        assert_eq!(again.headers()["content-type"], "application/problem+json");
        let problem: Value = again.json().await.unwrap();
        assert_eq!(
            problem["type"],
            format!("http://127.0.0.1:{}/get-password-error", app.port)
        );
        assert_eq!(problem["title"], "The password doesn't exist.");
        assert_eq!(problem["invalid-params"], json!([{ "name": "token" }]));
    }
}

#[tokio::test]
async fn simple_api_returns_link_and_default_ttl() {
    for app in both_backends().await {
        for path in ["/api/set_password/", "/api/set_password"] {
            let r = app
                .client
                .post(app.url(path))
                .json(&json!({ "password": "s3cret" }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            let body: Value = r.json().await.unwrap();
            assert_eq!(body["ttl"], 1_209_600);
            let link = body["link"].as_str().unwrap();
            let prefix = format!("http://127.0.0.1:{}/snappass", app.port);
            assert!(link.starts_with(&prefix), "{link}");
            // The link reveals it through the web flow.
            let page = app.client.post(link).send().await.unwrap();
            assert_eq!(page.status(), 200);
            assert!(page.text().await.unwrap().contains("s3cret"));
        }
    }
}

#[tokio::test]
async fn ttl_as_digit_string_is_accepted() {
    for app in both_backends().await {
        let r = app
            .client
            .post(app.url("/api/v2/passwords"))
            .json(&json!({"password": "x", "ttl": "600"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.json::<Value>().await.unwrap()["ttl"], 600);
    }
}

#[tokio::test]
async fn validation_problems_name_the_field() {
    for app in both_backends().await {
        let r = app
            .client
            .post(app.url("/api/v2/passwords"))
            .json(&json!({ "password": "", "ttl": 1_209_601 }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let p: Value = r.json().await.unwrap();
        assert_eq!(
            p["type"],
            format!(
                "http://127.0.0.1:{}/set-password-validation-error",
                app.port
            )
        );
        assert_eq!(p["title"], "The password and/or the TTL are invalid.");
        let names: Vec<_> = p["invalid-params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["password", "ttl"]);
        assert_eq!(
            p["invalid-params"][1]["reason"],
            "The specified TTL is longer than the maximum supported."
        );
    }
}

#[tokio::test]
async fn web_form_flow_and_json_answer() {
    for app in both_backends().await {
        let form = app.client.get(app.url("/")).send().await.unwrap();
        assert_eq!(form.status(), 200);
        let html = form.text().await.unwrap();
        assert!(html.contains(r#"name="password""#));
        for v in ["Two Weeks", "Week", "Day", "Hour"] {
            assert!(html.contains(&format!(r#"value="{v}""#)), "{v}");
        }
        assert!(html.contains(r#"value="Week" selected"#));

        // JSON when the client asks for JSON only; TTL names are case-insensitive.
        let r = app
            .client
            .post(app.url("/"))
            .header("accept", "application/json")
            .form(&[("password", "from-form"), ("ttl", "hOuR")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["ttl"], 3600);
        let link = body["link"].as_str().unwrap().to_owned();

        // HTML otherwise, showing the link.
        let page = app
            .client
            .post(app.url("/"))
            .form(&[("password", "p2"), ("ttl", "Week")])
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        assert!(
            page.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
        assert!(
            page.text()
                .await
                .unwrap()
                .contains(&format!("http://127.0.0.1:{}/snappass", app.port))
        );

        // Preview does not consume; reveal does.
        for _ in 0..3 {
            let preview = app.client.get(&link).send().await.unwrap();
            assert_eq!(preview.status(), 200);
            assert!(!preview.text().await.unwrap().contains("from-form"));
        }
        let revealed = app.client.post(&link).send().await.unwrap();
        assert_eq!(revealed.status(), 200);
        assert!(revealed.text().await.unwrap().contains("from-form"));
        assert_eq!(app.client.get(&link).send().await.unwrap().status(), 404);
        let gone = app.client.post(&link).send().await.unwrap();
        assert_eq!(gone.status(), 404);
        assert!(gone.text().await.unwrap().contains("Secret not found"));
    }
}

#[tokio::test]
async fn form_rejects_empty_password_and_unknown_ttl() {
    for app in both_backends().await {
        for fields in [
            vec![("password", ""), ("ttl", "Week")],
            vec![("password", "x"), ("ttl", "Year")],
            vec![("password", "x")],
        ] {
            let r = app
                .client
                .post(app.url("/"))
                .form(&fields)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 400, "{fields:?}");
        }
    }
}

#[tokio::test]
async fn revealed_secret_is_html_escaped() {
    for app in both_backends().await {
        let token = app.create("<script>alert(1)</script>&").await;
        let page = app
            .client
            .post(app.url(&format!("/{}", quote_plus(&token))))
            .send()
            .await
            .unwrap();
        let html = page.text().await.unwrap();
        assert!(
            html.contains("&#60;script&#62;alert(1)&#60;/script&#62;&#38;")
                || html.contains("&lt;script&gt;"),
            "{html}"
        );
        assert!(!html.contains("<script>alert(1)"));
    }
}

#[tokio::test]
async fn health_answers_200_with_the_bootstrap_state() {
    // SnapPass answers `{}`; hushlink adds `bootstrapped` for automation
    // (monitors look at the status only).
    for app in both_backends().await {
        for route in ["/_/_/health", "/_/_/ready"] {
            let r = app.client.get(app.url(route)).send().await.unwrap();
            assert_eq!(r.status(), 200);
            assert_eq!(
                r.json::<Value>().await.unwrap(),
                json!({ "bootstrapped": false })
            );
        }
    }
}

#[tokio::test]
async fn links_follow_no_ssl_host_override_and_url_prefix() {
    let app = spawn_app_with(|c| {
        c.no_ssl = false;
        c.host_override = Some("secrets.example.com".into());
        c.url_prefix = Some("/team/".into());
    })
    .await;
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .json(&json!({"password": "x"}))
        .send()
        .await
        .unwrap();
    let body: Value = r.json().await.unwrap();
    let quoted = quote_plus(body["token"].as_str().unwrap());
    assert_eq!(
        body["links"][0]["href"],
        format!("https://secrets.example.com/team/api/v2/passwords/{quoted}")
    );
    assert_eq!(
        body["links"][1]["href"],
        format!("https://secrets.example.com/team/{quoted}")
    );

    // Without an override the request's Host is used, with https.
    let app = spawn_app_with(|c| c.no_ssl = false).await;
    let r = app
        .client
        .post(app.url("/api/set_password/"))
        .json(&json!({"password": "x"}))
        .send()
        .await
        .unwrap();
    let link = r.json::<Value>().await.unwrap()["link"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        link.starts_with(&format!("https://127.0.0.1:{}/snappass", app.port)),
        "{link}"
    );
}

#[tokio::test]
async fn custom_prefix_is_used_and_enforced() {
    let app = spawn_app_with(|c| c.redis_prefix = "team-a".into()).await;
    let token = app.create("x").await;
    assert!(token.starts_with("team-a"));
    let other = token.replacen("team-a", "snappass", 1);
    let r = app
        .client
        .get(app.password_url(&other))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = app
        .client
        .get(app.password_url(&token))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}
