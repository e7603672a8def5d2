//! Who may create: the key rules hold on every way in. A key that is
//! presented must check out in every mode, and the form's JSON shortcut
//! (`POST /` with `Accept: application/json`) is an API like the others.

use hushlink::apikey::ApiKey;
use hushlink::config::ApiAuth;
use serde_json::{Value, json};

use crate::helpers::{ServerProcess, TestApp, spawn_app_with};

/// The three ways to create through an API, with `key` sent as a bearer
/// token (or as `X-Api-Key` when `header` says so). Each answer's status,
/// and whether it was a problem document when it was an error.
async fn create_everywhere(app: &TestApp, key: Option<(&str, &str)>) -> Vec<(String, u16)> {
    let mut answers = Vec::new();
    for path in ["/api/v2/passwords", "/api/set_password/", "/"] {
        let mut req = app.client.post(app.url(path));
        req = if path == "/" {
            req.header("accept", "application/json")
                .form(&[("password", "s3cret"), ("ttl", "Hour")])
        } else {
            req.json(&json!({ "password": "s3cret" }))
        };
        if let Some((header, key)) = key {
            req = req.header(header, key);
        }
        let r = req.send().await.unwrap();
        let status = r.status().as_u16();
        if status != 200 {
            assert_eq!(
                r.headers()["content-type"],
                "application/problem+json",
                "{path}"
            );
        }
        answers.push((path.to_owned(), status));
    }
    answers
}

fn all(answers: &[(String, u16)], status: u16) -> bool {
    answers.iter().all(|(_, s)| *s == status)
}

async fn make_key(app: &TestApp, admin: &ApiKey, name: &str) -> String {
    let r = app
        .client
        .post(app.url("/api/v2/keys"))
        .bearer_auth(admin.expose())
        .json(&json!({ "name": name, "scopes": ["create"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    r.json::<Value>().await.unwrap()["key"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn in_open_mode_a_presented_key_that_does_not_check_out_is_401() {
    let admin = ApiKey::generate();
    let hash = admin.hash().to_hex();
    let app = spawn_app_with(move |c| c.admin_key_sha256 = Some(hash)).await;

    // Open: nothing presented, anyone creates (SnapPass's behaviour).
    let answers = create_everywhere(&app, None).await;
    assert!(all(&answers, 200), "{answers:?}");

    let good = make_key(&app, &admin, "ci").await;
    for header in ["authorization", "x-api-key"] {
        let value = |k: &str| {
            if header == "authorization" {
                format!("Bearer {k}")
            } else {
                k.to_owned()
            }
        };
        let answers = create_everywhere(&app, Some((header, &value(&good)))).await;
        assert!(all(&answers, 200), "{header}: {answers:?}");

        // Malformed, well-formed but unknown, and empty: each is refused.
        let unknown = ApiKey::generate();
        for bad in ["hlk_stale", unknown.expose(), ""] {
            let answers = create_everywhere(&app, Some((header, &value(bad)))).await;
            assert!(all(&answers, 401), "{header} {bad:?}: {answers:?}");
        }
    }

    // A key header that is not even text was presented all the same.
    let r = app
        .client
        .post(app.url("/api/v2/passwords"))
        .header(
            "x-api-key",
            reqwest::header::HeaderValue::from_bytes(b"hlk_\xff").unwrap(),
        )
        .json(&json!({ "password": "s3cret" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    // A disabled (revoked) key stops working at once, in open mode too.
    let r = app
        .client
        .patch(app.url("/api/v2/keys/ci"))
        .bearer_auth(admin.expose())
        .json(&json!({ "disabled": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let answers = create_everywhere(&app, Some(("x-api-key", &good))).await;
    assert!(all(&answers, 401), "{answers:?}");

    // The form itself, sent by a browser, is not an API: it stays open.
    let r = app
        .client
        .post(app.url("/"))
        .form(&[("password", "from the page"), ("ttl", "Hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn required_mode_covers_the_forms_json_shortcut() {
    let admin = ApiKey::generate();
    let hash = admin.hash().to_hex();
    let app = spawn_app_with(move |c| {
        c.admin_key_sha256 = Some(hash);
        c.api_auth = ApiAuth::Required;
    })
    .await;
    let answers = create_everywhere(&app, None).await;
    assert!(all(&answers, 401), "{answers:?}");
    let r = app
        .client
        .post(app.url("/"))
        .header("accept", "application/json")
        .form(&[("password", "anonymous"), ("ttl", "Hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["www-authenticate"], "Bearer");
    let p: Value = r.json().await.unwrap();
    assert!(p["type"].as_str().unwrap().ends_with("unauthorized"), "{p}");

    let key = make_key(&app, &admin, "ci").await;
    let answers = create_everywhere(&app, Some(("authorization", &format!("Bearer {key}")))).await;
    assert!(all(&answers, 200), "{answers:?}");

    // The page, as configured (HUSHLINK_WEB_FORM=on), stays open to people.
    let r = app
        .client
        .post(app.url("/"))
        .form(&[("password", "from the page"), ("ttl", "Hour")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}

#[tokio::test]
async fn start_up_warns_when_keys_are_required_but_the_form_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = |name: &str| dir.path().join(name).display().to_string();
    let warning = "HUSHLINK_WEB_FORM";

    let log = dir.path().join("open-form.log");
    let server = ServerProcess::start(
        &[
            ("HUSHLINK_DATA_DIR", data("a")),
            ("HUSHLINK_API_AUTH", "required".into()),
        ],
        &log,
    )
    .await;
    drop(server);
    let text = std::fs::read_to_string(&log).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains(warning))
        .unwrap_or_else(|| panic!("no warning naming {warning}:\n{text}"));
    assert!(line.contains("WARN"), "{line}");

    for (auth, form) in [("required", "off"), ("open", "on")] {
        let log = dir.path().join(format!("{auth}-{form}.log"));
        let server = ServerProcess::start(
            &[
                ("HUSHLINK_DATA_DIR", data(&format!("{auth}-{form}"))),
                ("HUSHLINK_API_AUTH", auth.into()),
                ("HUSHLINK_WEB_FORM", form.into()),
            ],
            &log,
        )
        .await;
        drop(server);
        let text = std::fs::read_to_string(&log).unwrap();
        assert!(!text.contains(warning), "{auth}/{form}:\n{text}");
    }
}
