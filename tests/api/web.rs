//! Pages: languages, the QR code, views on the form, pages for every error.

use crate::helpers::{quote_plus, spawn_app};

#[tokio::test]
async fn language_follows_accept_language() {
    let app = spawn_app().await;
    for (header, code) in [
        ("de-CH,de;q=0.9", "de"),
        ("fr;q=0.4, es;q=0.8", "es"),
        ("nl", "nl"),
        ("ja", "ja"),
        ("pt-PT", "pt-BR"),
        ("tlh", "en"),
        ("", "en"),
    ] {
        let html = app
            .client
            .get(app.url("/"))
            .header("accept-language", header)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            html.contains(&format!(r#"<html lang="{code}">"#)),
            "{header} -> {code}"
        );
    }
}

#[tokio::test]
async fn link_page_has_copy_field_and_inline_qr_svg() {
    let app = spawn_app().await;
    let html = app
        .client
        .post(app.url("/"))
        .form(&[("password", "qr"), ("ttl", "Day")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"id="password-link""#));
    assert!(html.contains("readonly"));
    assert!(html.contains("<svg"));
    assert!(!html.contains("<?xml"));
}

#[tokio::test]
async fn form_views_field_allows_several_reveals() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(app.url("/"))
        .header("accept", "application/json")
        .form(&[("password", "twice"), ("ttl", "Day"), ("views", "2")])
        .send()
        .await
        .unwrap();
    let link = r.json::<serde_json::Value>().await.unwrap()["link"]
        .as_str()
        .unwrap()
        .to_owned();
    let preview = app
        .client
        .get(&link)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(preview.contains("Views left: 2"));
    for _ in 0..2 {
        assert_eq!(app.client.post(&link).send().await.unwrap().status(), 200);
    }
    assert_eq!(app.client.post(&link).send().await.unwrap().status(), 404);
    for bad in ["0", "101", "two"] {
        let r = app
            .client
            .post(app.url("/"))
            .form(&[("password", "x"), ("ttl", "Day"), ("views", bad)])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400, "{bad}");
    }
}

#[tokio::test]
async fn preview_page_reveals_with_a_plain_form_post() {
    let app = spawn_app().await;
    let token = app.create("nojs").await;
    let html = app
        .client
        .get(app.url(&format!("/{}", quote_plus(&token))))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(r#"<form method="post""#));
    assert!(html.contains("Reveal secret"));
    assert!(!html.contains("nojs"));
}

#[tokio::test]
async fn unknown_paths_are_404_pages_or_problems() {
    let app = spawn_app().await;
    let r = app.client.get(app.url("/a/b/c")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap().contains("Secret not found"));
    let r = app
        .client
        .get(app.url("/api/nothing"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
}

/// An error page's relative asset URLs (`STATIC_URL` is SnapPass's
/// relative `static` by default) resolve from the depth it was asked at, so
/// the page keeps its style at `/r/{token}`, `/_/oidc/…` or any deep path.
#[tokio::test]
async fn error_pages_load_their_style_from_any_depth() {
    let app = spawn_app().await;
    for (path, up) in [
        ("/nothing-here", ""),
        ("/r/hlr_not-a-receipt", "../"),
        ("/_/oidc/login", "../../"),
        ("/a/b/c/d", "../../../"),
    ] {
        let r = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
        let html = r.text().await.unwrap();
        assert!(
            html.contains(&format!(r#"href="{up}static/app."#)),
            "{path}: {html}"
        );
    }
}

/// Posts the form as a browser without script would; status, headers, page.
async fn post_form(
    app: &crate::helpers::TestApp,
    fields: &[(&str, &str)],
) -> (u16, reqwest::header::HeaderMap, String) {
    let r = app
        .client
        .post(app.url("/"))
        .form(fields)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, headers, r.text().await.unwrap())
}

/// A text as askama escapes it into the page.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[tokio::test]
async fn the_form_refuses_what_it_cannot_store_and_keeps_what_was_typed() {
    let app = crate::helpers::spawn_app_with(|c| c.max_secret_bytes = 1024).await;

    // The page: no character count that would cut a paste, the byte limit
    // for the script, which is a file (the CSP allows no inline script).
    let form = app
        .client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!form.contains("maxlength"), "{form}");
    assert!(form.contains(r#"data-max-bytes="1024""#), "{form}");
    assert!(!form.contains("<script>"), "no inline script");

    // 600 characters, 1200 bytes: under a character count, over the limit.
    let long = format!("line one <&>\n{}", "é".repeat(600));
    assert!(long.chars().count() < 1024 && long.len() > 1024);
    let (status, headers, page) =
        post_form(&app, &[("password", &long), ("ttl", "Day"), ("views", "3")]).await;
    assert_eq!(status, 413);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert_eq!(headers["cache-control"], "no-store", "it holds the secret");
    // The form again, as filled in, with the reason and the limit.
    assert!(page.contains(r#"id="create-form""#), "{page}");
    let sent = long.as_str();
    assert!(
        page.contains(&format!("\n{}</textarea>", escaped(sent))),
        "the typed secret is kept"
    );
    assert!(page.contains(r#"value="Day" selected"#), "{page}");
    assert!(page.contains(r#"value="3""#), "{page}");
    assert!(page.contains(&format!("{} bytes", sent.len())), "{page}");
    assert!(page.contains("at most 1024 bytes"), "{page}");
    assert!(page.contains(r#"role="alert">"#), "{page}");

    // The APIs' 413 states the limit too, the form's JSON answer among them.
    for (path, form) in [("/", true), ("/api/v2/passwords", false)] {
        let req = app.client.post(app.url(path));
        let req = if form {
            req.header("accept", "application/json")
                .form(&[("password", long.as_str()), ("ttl", "Day")])
        } else {
            req.json(&serde_json::json!({ "password": long }))
        };
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), 413, "{path}");
        let problem = r.json::<serde_json::Value>().await.unwrap();
        assert!(
            problem["title"]
                .as_str()
                .unwrap()
                .contains("at most 1024 bytes"),
            "{path}: {problem}"
        );
    }

    // Exactly at the limit, in bytes, it is stored whole.
    let exact = "é".repeat(512);
    let r = app
        .client
        .post(app.url("/"))
        .header("accept", "application/json")
        .form(&[("password", exact.as_str()), ("ttl", "Day")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let link = r.json::<serde_json::Value>().await.unwrap()["link"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = link.rsplit('/').next().unwrap();
    let r = app
        .client
        .get(app.url(&format!("/api/v2/passwords/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["password"],
        exact
    );

    // A bad field comes back the same way, the secret kept.
    let (status, headers, page) = post_form(
        &app,
        &[("password", "keep me"), ("ttl", "Hour"), ("views", "0")],
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(page.contains("\nkeep me</textarea>"), "{page}");
    assert!(page.contains("from 1 to 100"), "{page}");
    assert!(page.contains(r#"value="Hour" selected"#), "{page}");
    assert!(page.contains(r#"value="0""#), "{page}");

    // A body too large to read at all: a page that states the limit.
    let huge = "x".repeat(64 * 1024);
    let (status, _, page) = post_form(&app, &[("password", &huge), ("ttl", "Hour")]).await;
    assert_eq!(status, 413);
    assert!(page.contains("at most 1024 bytes"), "{page}");

    // In German, too.
    let r = app
        .client
        .post(app.url("/"))
        .header("accept-language", "de")
        .form(&[("password", long.as_str()), ("ttl", "Day")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 413);
    assert!(r.text().await.unwrap().contains("höchstens 1024 Bytes"));
}

#[tokio::test]
async fn the_form_keeps_the_secret_when_the_store_is_away() {
    let redis = std::sync::Arc::new(crate::helpers::RedisServer::start());
    let app = crate::helpers::spawn_app_on_redis(&redis, |c| c.store_timeout_ms = 500).await;
    redis.kill();
    let (status, headers, page) =
        post_form(&app, &[("password", "still here"), ("ttl", "Week")]).await;
    assert_eq!(status, 503);
    assert_eq!(headers["cache-control"], "no-store");
    assert!(page.contains("\nstill here</textarea>"), "{page}");
    assert!(page.contains("try again"), "{page}");
}
