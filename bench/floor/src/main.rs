//! The floor under the form flow: what this host serves when the server does
//! no work at all. The same stack as hushlink (tokio with two workers, hyper
//! through axum), the same answers in shape (`POST /` with a form body gives
//! `{"link": …}` with a fresh path; `POST` of that path gives a small page),
//! and nothing else: no store, no token, no encryption, no template, no log.
//! wrk with `bench/form.lua` against it measures wrk, the kernel's loopback
//! and the HTTP stack, which every server under test also pays.
//!
//!   floor ADDR

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::post;

async fn create(State(next): State<&'static AtomicU64>, body: String) -> impl IntoResponse {
    let id = next.fetch_add(1, Ordering::Relaxed);
    let link = format!(
        r#"{{"link":"http://127.0.0.1/{id:032x}~bench","ttl":3600,"bytes":{}}}"#,
        body.len()
    );
    ([(CONTENT_TYPE, "application/json")], link)
}

async fn reveal(Path(token): Path<String>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, "text/html; charset=utf-8")],
        format!("<!doctype html><title>secret</title><p>{}</p>", token.len()),
    )
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let addr = std::env::args().nth(1).expect("usage: floor ADDR");
    let next: &'static AtomicU64 = Box::leak(Box::new(AtomicU64::new(0)));
    let app = Router::new()
        .route("/", post(create))
        .route("/{token}", post(reveal))
        .with_state(next);
    let listener = tokio::net::TcpListener::bind(&addr).await.expect("bind");
    axum::serve(listener, app).await.expect("serve");
}
