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
