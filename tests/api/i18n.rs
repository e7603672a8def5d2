//! Every language's pages, rendered by a real server: each text a person
//! can see comes from that language's catalogue, no English is left on a
//! translated page, and right-to-left languages say so.

use std::collections::BTreeSet;
use std::path::PathBuf;

use hushlink::Application;
use hushlink::config::{Config, StoreKind};
use hushlink::i18n::{self, Strings};
use tokio::sync::oneshot;

use crate::helpers::{TestApp, quote_plus, spawn_app};

/// A secret with no word of any language in it, so that it cannot be
/// mistaken for a leftover string.
const SECRET: &str = "x7Q-92;k&<b>";

/// The largest secret the test server takes (the default), and the size of
/// the one that is refused.
const LIMIT: usize = 256 * 1024;
const HUGE: usize = LIMIT + 1;

/// A text's parts between its placeables (`{n}`, `{size}`, `{limit}`),
/// trimmed.
fn placeable_free_parts(text: &str) -> Vec<&str> {
    let mut parts = vec![text];
    for placeable in ["{n}", "{size}", "{limit}"] {
        parts = parts.iter().flat_map(|p| p.split(placeable)).collect();
    }
    parts.into_iter().map(str::trim).collect()
}

/// Every page a visitor can meet, in the language `strings`, with the status
/// each answers. The "unavailable" page needs a store that does not answer,
/// so it comes from `down`, a server over a Redis that is not there.
async fn pages(app: &TestApp, down: &str, strings: &Strings) -> Vec<(&'static str, String)> {
    let lang = strings.code;
    let get = |url: String| app.client.get(url).header("accept-language", lang);
    let post = |url: String| app.client.post(url).header("accept-language", lang);
    let fetch = |request: reqwest::RequestBuilder, status: u16, name: &'static str| async move {
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), status, "{lang}: {name}");
        (name, r.text().await.unwrap())
    };

    let mut out = vec![fetch(get(app.url("/")), 200, "form").await];
    // Three views: the preview shows how many are left, and so does the
    // reveal.
    let link_page = fetch(
        post(app.url("/")).form(&[("password", SECRET), ("ttl", "Day"), ("views", "3")]),
        200,
        "link",
    )
    .await;
    let link = link_of(&link_page.1);
    let receipt = receipt_of(&link_page.1);
    out.push(link_page);
    out.push(fetch(get(link.clone()), 200, "preview, 3 views").await);
    out.push(fetch(post(link.clone()), 200, "reveal, views left").await);
    let damaged = {
        let (head, _) = link.rsplit_once('~').unwrap();
        format!(
            "{head}{}",
            quote_plus("~AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        )
    };
    out.push(fetch(post(damaged), 400, "damaged").await);
    // Still available after one view: the history and the Delete button.
    out.push(fetch(get(receipt), 200, "receipt, available").await);
    // One view: the reveal says the secret is gone.
    let single = fetch(
        post(app.url("/")).form(&[("password", SECRET), ("ttl", "Hour")]),
        200,
        "link, one view",
    )
    .await;
    let link = link_of(&single.1);
    let receipt = receipt_of(&single.1);
    out.push(fetch(get(link.clone()), 200, "preview, 1 view").await);
    out.push(fetch(post(link.clone()), 200, "reveal, gone").await);
    // The sender's receipt page: viewed, with its history and no button.
    out.push(fetch(get(receipt), 200, "receipt, viewed").await);
    let unknown = app.url(&format!("/r/hlr_{}A", "C".repeat(42)));
    out.push(fetch(get(unknown), 404, "receipt not found").await);
    out.push(fetch(post(link), 404, "not found").await);
    out.push(fetch(get(app.url("/no/such/page")), 404, "unknown path").await);
    out.push(fetch(post(app.url("/")).form(&[("ttl", "Day")]), 400, "invalid").await);
    let huge = "a".repeat(HUGE);
    out.push(
        fetch(
            post(app.url("/")).form(&[("password", huge.as_str()), ("ttl", "Day")]),
            413,
            "too large",
        )
        .await,
    );
    let r = app
        .client
        .post(format!("{down}/"))
        .header("accept-language", lang)
        .form(&[("password", SECRET), ("ttl", "Day")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 503, "{lang}: unavailable");
    out.push(("unavailable", r.text().await.unwrap()));
    out
}

fn link_of(html: &str) -> String {
    let (_, rest) = html.split_once(r#"id="password-link" value=""#).unwrap();
    unescape(rest.split('"').next().unwrap())
}

/// Undoes the escaping askama applies (numeric entities) and the named ones,
/// `&` last so that an escaped entity stays text.
fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&#60;", "<")
        .replace("&gt;", ">")
        .replace("&#62;", ">")
        .replace("&amp;", "&")
        .replace("&#38;", "&")
}

/// What a person reads on a page: its text nodes, and the attributes a
/// browser shows or speaks (placeholder, labels, the "Copied" text). Inline
/// SVG (the QR code) has none.
/// The receipt page's address on a link page.
fn receipt_of(html: &str) -> String {
    let end = html.find("\" id=\"receipt-link\"").expect("receipt link");
    let start = html[..end].rfind("href=\"").unwrap() + 6;
    unescape(&html[start..end])
}

/// A time as the receipt page writes it (`2026-11-30 14:02 UTC`): the same
/// in every language, like the digits of a number.
fn is_utc_time(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 20
        && text.ends_with(" UTC")
        && b[..16].iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b' ',
            13 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

fn visible_texts(html: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..]
            .find("</svg>")
            .map_or(rest.len(), |e| start + e + 6);
        collect(&rest[..start], &mut texts);
        rest = &rest[end..];
    }
    collect(rest, &mut texts);
    texts
}

fn collect(html: &str, texts: &mut Vec<String>) {
    for chunk in html.split('<') {
        let (tag, text) = chunk.split_once('>').unwrap_or((chunk, ""));
        let text = unescape(text.trim());
        if !text.is_empty() {
            texts.push(text);
        }
        for attribute in ["placeholder", "aria-label", "data-copied", "alt", "title"] {
            let needle = format!(" {attribute}=\"");
            if let Some((_, value)) = tag.split_once(&needle) {
                let value = unescape(value.split('"').next().unwrap_or(""));
                if !value.is_empty() {
                    texts.push(value);
                }
            }
        }
    }
}

/// `needle` occurs in `haystack` as whole words (so English "Secret" is not
/// found in Spanish "Secreto").
fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A server whose store never answers: its "Redis" is a port this test
/// holds, which hangs up on every connection (a port merely left free could
/// be taken by another test's real Redis).
async fn spawn_down() -> (String, oneshot::Sender<()>) {
    let hang_up = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = hang_up.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for connection in hang_up.incoming() {
            drop(connection);
        }
    });
    let mut config = Config::for_tests(PathBuf::from("/nonexistent"));
    config.store = Some(StoreKind::Redis);
    config.redis_url = Some(format!("redis://127.0.0.1:{port}"));
    let app = Application::build(&config).await.expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    (address, stop)
}

#[tokio::test]
async fn every_page_in_every_language_shows_only_that_language() {
    let app = spawn_app().await;
    let (down, _stop_down) = spawn_down().await;
    let english = i18n::english();
    for strings in i18n::languages() {
        let own: Vec<&str> = strings.messages().into_iter().map(|(_, t)| t).collect();
        // Texts this language rightly shares with English (the brand name,
        // French "Secret"); every other English text is a leftover.
        let shared: BTreeSet<&str> = strings
            .messages()
            .into_iter()
            .filter(|(field, _)| i18n::same_as_english(strings.code, field))
            .map(|(_, t)| t)
            .collect();
        // The views-left texts with the numbers these pages show.
        let mut allowed: BTreeSet<String> = own.iter().map(|t| (*t).to_owned()).collect();
        for n in 0..=3 {
            for t in &own {
                allowed.insert(t.replace("{n}", &n.to_string()));
            }
        }
        // A form brought back after an error (too large, store away): the
        // reason, with the sizes the handler fills in, then that the secret
        // was kept.
        let filled = |t: &str| {
            t.replace("{size}", &HUGE.to_string())
                .replace("{limit}", &LIMIT.to_string())
        };
        for t in &own {
            allowed.insert(filled(t));
            allowed.insert(format!("{} {}", filled(t), strings.form_kept));
        }
        allowed.insert(SECRET.to_owned());
        // The form keeps what was typed, the refused secret too.
        allowed.insert("a".repeat(HUGE));

        for (page, html) in pages(&app, &down, strings).await {
            let lang = strings.code;
            let root = if strings.rtl {
                format!(r#"<html lang="{lang}" dir="rtl">"#)
            } else {
                format!(r#"<html lang="{lang}">"#)
            };
            assert!(html.contains(&root), "{lang} {page}: root element {root}");

            let texts = visible_texts(&html);
            assert!(texts.len() >= 5, "{lang} {page}: texts found: {texts:?}");
            for text in &texts {
                assert!(
                    allowed.contains(text) || is_utc_time(text),
                    "{lang} {page}: {text:?} is not from {lang}.ftl"
                );
            }
            if lang == "en" {
                continue;
            }
            let page_text = texts.join("\n");
            for (field, english_text) in english.messages() {
                if shared.contains(english_text) {
                    continue;
                }
                for part in placeable_free_parts(english_text) {
                    if part.len() >= 4 {
                        assert!(
                            !contains_words(&page_text, part),
                            "{lang} {page}: English {part:?} ({field}) left on the page"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn visible_texts_finds_text_and_attributes_but_not_svg() {
    let html = r#"<p class="a">Hello &amp; bye</p><input placeholder="Type &quot;x&quot;"><svg><text>QR</text></svg><b>end</b>"#;
    assert_eq!(
        visible_texts(html),
        ["Hello & bye", "Type \"x\"", "end"].map(str::to_owned)
    );
    assert!(contains_words("Secret link", "Secret"));
    assert!(!contains_words("Secreto", "Secret"));
}
