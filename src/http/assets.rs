//! Static assets, compiled into the binary and served with hashed names.
//!
//! A name carries the first bytes of the file's SHA-256 (`app.3f2a9c1e.css`),
//! so an asset can be cached for a year and a new release can never be
//! served a stale one. Nothing is loaded from a CDN.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

use super::AppState;

struct Source {
    stem: &'static str,
    ext: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const SOURCES: [Source; 5] = [
    Source {
        stem: "app",
        ext: "css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../assets/app.css"),
    },
    Source {
        stem: "app",
        ext: "js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/app.js"),
    },
    // An ES module: the zero-knowledge format and pages (`docs/FORMAT.md`).
    Source {
        stem: "zk",
        ext: "js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/zk.js"),
    },
    // qrcode-generator 2.0.4 (MIT), an ES module: the QR code of a
    // zero-knowledge link is drawn in the page, which alone knows the link.
    Source {
        stem: "qrcode",
        ext: "js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../assets/qrcode.js"),
    },
    Source {
        stem: "icon",
        ext: "svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../../assets/icon.svg"),
    },
];

/// One asset with its content-hashed file name.
pub struct Asset {
    pub name: String,
    content_type: &'static str,
    body: &'static [u8],
}

/// The asset set, hashed once at start-up.
pub struct Assets {
    list: Vec<Asset>,
}

impl Assets {
    pub fn new() -> Self {
        let list = SOURCES
            .iter()
            .map(|s| {
                let digest = Sha256::digest(s.body);
                let name = format!("{}.{}.{}", s.stem, hex::encode(&digest[..5]), s.ext);
                Asset {
                    name,
                    content_type: s.content_type,
                    body: s.body,
                }
            })
            .collect();
        Assets { list }
    }

    /// The hashed name of an asset, by its stem and extension.
    pub fn name(&self, stem: &str, ext: &str) -> &str {
        self.list
            .iter()
            .zip(SOURCES.iter())
            .find(|(_, s)| s.stem == stem && s.ext == ext)
            .map(|(a, _)| a.name.as_str())
            .unwrap_or("")
    }

    fn get(&self, name: &str) -> Option<&Asset> {
        self.list.iter().find(|a| a.name == name)
    }
}

impl Default for Assets {
    fn default() -> Self {
        Assets::new()
    }
}

/// `GET /static/{file}`: an asset, immutable for a year.
pub async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    match state.assets.get(&file) {
        Some(asset) => (
            [
                (
                    header::CONTENT_TYPE,
                    HeaderValue::from_static(asset.content_type),
                ),
                (
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("public, max-age=31536000, immutable"),
                ),
            ],
            asset.body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
