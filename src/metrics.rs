//! Prometheus metrics: the counters and histograms, the store wrapper that
//! times every store call, and the `/metrics` page of the metrics listener.
//!
//! The registry is a value in `AppState`, not a global, so each server (and
//! each test) counts on its own. Every label value comes from a closed set
//! written in this file or from `http::redact_path`: a token, a key or a
//! secret can never become a label, and the number of series stays bounded
//! whatever clients send. The page is served only on its own listener
//! (`HUSHLINK_METRICS_ADDR`), never on the public port.

use std::future::Future;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue, LabelValueEncoder};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::{Registry, Unit};

use crate::apikey::{KeyHash, KeyName};
use crate::error::Error;
use crate::receipt::{NewReceipt, ReceiptHash};
use crate::secret::{KeyVerifier, Ttl, Views};
use crate::secrets::Revealed;
use crate::store::{
    Attempt, BootstrapMark, DynStore, Eviction, Held, KeyChange, KeyRecord, KeySet, KeyStore,
    RateDecision, ReceiptRead, ReceiptStore, Record, SecretStore, Store, StoreError, Take,
    VerifiedTake,
};
use crate::token::StorageKey;

/// Where a secret was created or revealed: the JSON APIs or the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Via {
    Api,
    Web,
}

/// Why a reveal found nothing to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RevealFailure {
    /// Missing, expired, used up, or not a token at all.
    NotFound,
    /// The link's key part cannot open the stored value.
    Damaged,
    /// Zero-knowledge: a wrong proof (wrong passphrase); no view used.
    WrongPassphrase,
    /// Zero-knowledge: the wrong proof that destroyed the secret.
    Destroyed,
}

/// One store call, as timed and counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreOp {
    Put,
    Peek,
    Take,
    Ping,
    FailAttempt,
    Attempts,
    KeyByHash,
    KeySet,
    CommitKeys,
    TouchKey,
    ResetBootstrap,
    Receipt,
    Burn,
}

/// Why a webhook event was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WebhookDrop {
    /// The queue held `HUSHLINK_WEBHOOK_QUEUE_MAX` events.
    QueueFull,
    /// The receiver answered a 4xx other than 408 and 429.
    Rejected,
    /// Still failing after `HUSHLINK_WEBHOOK_MAX_AGE`.
    GaveUp,
    /// The store could not queue it.
    StoreError,
}

impl WebhookDrop {
    const ALL: [WebhookDrop; 4] = [
        WebhookDrop::QueueFull,
        WebhookDrop::Rejected,
        WebhookDrop::GaveUp,
        WebhookDrop::StoreError,
    ];

    fn as_str(self) -> &'static str {
        match self {
            WebhookDrop::QueueFull => "queue_full",
            WebhookDrop::Rejected => "rejected",
            WebhookDrop::GaveUp => "gave_up",
            WebhookDrop::StoreError => "store_error",
        }
    }
}

impl EncodeLabelValue for WebhookDrop {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        self.as_str().encode(encoder)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct DropLabels {
    reason: WebhookDrop,
}

impl Via {
    fn as_str(self) -> &'static str {
        match self {
            Via::Api => "api",
            Via::Web => "web",
        }
    }
}

impl RevealFailure {
    fn as_str(self) -> &'static str {
        match self {
            RevealFailure::NotFound => "not_found",
            RevealFailure::Damaged => "damaged",
            RevealFailure::WrongPassphrase => "wrong_passphrase",
            RevealFailure::Destroyed => "destroyed",
        }
    }
}

impl StoreOp {
    fn as_str(self) -> &'static str {
        match self {
            StoreOp::Put => "put",
            StoreOp::Peek => "peek",
            StoreOp::Take => "take",
            StoreOp::Ping => "ping",
            StoreOp::FailAttempt => "fail_attempt",
            StoreOp::Attempts => "attempts",
            StoreOp::KeyByHash => "key_by_hash",
            StoreOp::KeySet => "key_set",
            StoreOp::CommitKeys => "commit_keys",
            StoreOp::TouchKey => "touch_key",
            StoreOp::ResetBootstrap => "reset_bootstrap",
            StoreOp::Receipt => "receipt",
            StoreOp::Burn => "burn",
        }
    }
}

// The derive would write variant names as they are (`Api`); Prometheus
// labels are lower case by convention.
impl EncodeLabelValue for Via {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        self.as_str().encode(encoder)
    }
}

impl EncodeLabelValue for RevealFailure {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        self.as_str().encode(encoder)
    }
}

impl EncodeLabelValue for StoreOp {
    fn encode(&self, encoder: &mut LabelValueEncoder) -> Result<(), std::fmt::Error> {
        self.as_str().encode(encoder)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct ViaLabels {
    via: Via,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct FailureLabels {
    via: Via,
    reason: RevealFailure,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct OpLabels {
    op: StoreOp,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct StoreErrorLabels {
    op: StoreOp,
    /// `unavailable`, `timeout` or `internal`.
    kind: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RequestLabels {
    method: &'static str,
    route: &'static str,
    status: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, EncodeLabelSet)]
struct RouteLabels {
    method: &'static str,
    route: &'static str,
}

type Histograms<L> = Family<L, Histogram, fn() -> Histogram>;

/// From 100 µs (an embedded read) to 10 s (well past the store timeout's
/// default of 2 s), roughly three buckets a decade.
fn seconds_histogram() -> Histogram {
    Histogram::new([
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
        5.0, 10.0,
    ])
}

/// Every metric of one server, registered once at start.
pub struct Metrics {
    registry: Registry,
    created: Family<ViaLabels, Counter>,
    revealed: Family<ViaLabels, Counter>,
    reveal_failures: Family<FailureLabels, Counter>,
    exhausted: Counter,
    store_errors: Family<StoreErrorLabels, Counter>,
    store_duration: Histograms<OpLabels>,
    http_requests: Family<RequestLabels, Counter>,
    http_duration: Histograms<RouteLabels>,
    stored_bytes: Gauge<u64, AtomicU64>,
    stored_secrets: Gauge<u64, AtomicU64>,
    /// The store the two gauges above are read from at each scrape (set by
    /// `MeteredStore::wrap`; weak, so metrics never keep a store open).
    held_from: Mutex<Option<Weak<dyn Store>>>,
    webhook_delivered: Counter,
    webhook_retried: Counter,
    webhook_dropped: Family<DropLabels, Counter>,
    webhook_depth: Gauge,
    access_lines_dropped: Counter,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut metrics = Metrics {
            registry: Registry::with_prefix("hushlink"),
            created: Family::default(),
            revealed: Family::default(),
            reveal_failures: Family::default(),
            exhausted: Counter::default(),
            store_errors: Family::default(),
            store_duration: Family::new_with_constructor(seconds_histogram),
            http_requests: Family::default(),
            http_duration: Family::new_with_constructor(seconds_histogram),
            stored_bytes: Gauge::default(),
            stored_secrets: Gauge::default(),
            held_from: Mutex::new(None),
            webhook_delivered: Counter::default(),
            webhook_retried: Counter::default(),
            webhook_dropped: Family::default(),
            webhook_depth: Gauge::default(),
            access_lines_dropped: Counter::default(),
        };
        for reason in WebhookDrop::ALL {
            let _ = metrics
                .webhook_dropped
                .get_or_create(&DropLabels { reason });
        }
        // Series that exist from the start read 0 instead of missing, so a
        // rate over the first event is right.
        for via in [Via::Api, Via::Web] {
            let _ = metrics.created.get_or_create(&ViaLabels { via });
            let _ = metrics.revealed.get_or_create(&ViaLabels { via });
            for reason in [
                RevealFailure::NotFound,
                RevealFailure::Damaged,
                RevealFailure::WrongPassphrase,
                RevealFailure::Destroyed,
            ] {
                let _ = metrics
                    .reveal_failures
                    .get_or_create(&FailureLabels { via, reason });
            }
        }
        metrics.registry.register(
            "secrets_created",
            "Secrets stored, by the way they came in (api or web)",
            metrics.created.clone(),
        );
        metrics.registry.register(
            "secrets_revealed",
            "Successful reveals, each consuming one view, by api or web",
            metrics.revealed.clone(),
        );
        metrics.registry.register(
            "reveal_failures",
            "Reveals that showed nothing: not_found (missing, expired, used up or not a token), damaged (the link's key cannot open the secret), wrong_passphrase or destroyed (zero-knowledge links: a wrong proof, and the one that destroyed the secret)",
            metrics.reveal_failures.clone(),
        );
        metrics.registry.register(
            "secrets_exhausted",
            "Reveals that used a secret's last view, destroying it",
            metrics.exhausted.clone(),
        );
        metrics.registry.register(
            "store_errors",
            "Store calls that failed, by operation and kind (unavailable, timeout, internal)",
            metrics.store_errors.clone(),
        );
        metrics.registry.register_with_unit(
            "store_duration",
            "Time of store calls, failed ones included, by operation",
            Unit::Seconds,
            metrics.store_duration.clone(),
        );
        metrics.registry.register(
            "http_requests",
            "HTTP requests on the public port, by method, route template and status",
            metrics.http_requests.clone(),
        );
        metrics.registry.register_with_unit(
            "http_request_duration",
            "Time to answer HTTP requests on the public port, by method and route template",
            Unit::Seconds,
            metrics.http_duration.clone(),
        );
        metrics.registry.register_with_unit(
            "stored",
            "Ciphertext of the secrets held, as HUSHLINK_MAX_STORED_BYTES counts it (embedded store: exact; Redis: only while a quota is set, and approximate: expired secrets count until their hour's bucket ends)",
            Unit::Bytes,
            metrics.stored_bytes.clone(),
        );
        metrics.registry.register(
            "stored_secrets",
            "Secrets held, counted as the stored bytes are",
            metrics.stored_secrets.clone(),
        );
        metrics.registry.register(
            "webhook_deliveries",
            "Webhook events delivered (a 2xx answer)",
            metrics.webhook_delivered.clone(),
        );
        metrics.registry.register(
            "webhook_retries",
            "Webhook delivery attempts that failed and were scheduled again (5xx, 408, 429, timeout, connection)",
            metrics.webhook_retried.clone(),
        );
        metrics.registry.register(
            "webhook_dropped",
            "Webhook events dropped: queue_full, rejected (a 4xx answer), gave_up (past HUSHLINK_WEBHOOK_MAX_AGE), store_error (could not be queued)",
            metrics.webhook_dropped.clone(),
        );
        metrics.registry.register(
            "webhook_queue_depth",
            "Webhook events waiting for delivery, as this instance last read the queue",
            metrics.webhook_depth.clone(),
        );
        metrics.registry.register(
            "access_log_dropped",
            "Access log lines dropped because stderr was blocked and the log's buffer was full",
            metrics.access_lines_dropped.clone(),
        );
        metrics
    }

    /// One access line could not be logged (see `telemetry::batch`).
    pub fn access_line_dropped(&self) {
        self.access_lines_dropped.inc();
    }

    /// Reads the bytes and secrets held from the store, for the gauges. A
    /// store that does not count, or does not answer, leaves them as they were.
    pub async fn refresh_held(&self) {
        let store = self
            .held_from
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .and_then(Weak::upgrade);
        let Some(store) = store else { return };
        match store.held().await {
            Ok(Some(Held { bytes, secrets })) => {
                self.stored_bytes.set(bytes);
                self.stored_secrets.set(secrets);
            }
            Ok(None) => {}
            Err(e) => tracing::debug!(error = %e, "metrics: the store did not say what it holds"),
        }
    }

    /// A webhook event was delivered.
    pub fn webhook_delivered(&self) {
        self.webhook_delivered.inc();
    }

    /// A webhook attempt failed and is retried later.
    pub fn webhook_retried(&self) {
        self.webhook_retried.inc();
    }

    /// `n` webhook events were dropped.
    pub fn webhook_dropped(&self, reason: WebhookDrop, n: usize) {
        self.webhook_dropped
            .get_or_create(&DropLabels { reason })
            .inc_by(n as u64);
    }

    pub fn webhook_queue_depth(&self, depth: u64) {
        self.webhook_depth
            .set(i64::try_from(depth).unwrap_or(i64::MAX));
    }

    /// A secret was stored.
    pub fn secret_created(&self, via: Via) {
        self.created.get_or_create(&ViaLabels { via }).inc();
    }

    /// Counts the outcome of a reveal. Store errors are not a reveal
    /// outcome: the store wrapper counts them.
    pub fn reveal(&self, via: Via, outcome: &Result<Revealed, Error>) {
        let reason = match outcome {
            Ok(revealed) => {
                self.revealed.get_or_create(&ViaLabels { via }).inc();
                if revealed.views_left == 0 {
                    self.exhausted.inc();
                }
                return;
            }
            Err(Error::NotFound) => RevealFailure::NotFound,
            Err(Error::Damaged) => RevealFailure::Damaged,
            Err(_) => return,
        };
        self.reveal_failures
            .get_or_create(&FailureLabels { via, reason })
            .inc();
    }

    /// Counts the outcome of a zero-knowledge reveal (`Ok`: views left).
    /// Those pages reveal through the API, so they count as `api`.
    pub fn zk_reveal(&self, outcome: Result<u32, &Error>) {
        let via = Via::Api;
        let reason = match outcome {
            Ok(views_left) => {
                self.revealed.get_or_create(&ViaLabels { via }).inc();
                if views_left == 0 {
                    self.exhausted.inc();
                }
                return;
            }
            Err(Error::NotFound) => RevealFailure::NotFound,
            Err(Error::WrongProof { .. }) => RevealFailure::WrongPassphrase,
            Err(Error::Destroyed) => RevealFailure::Destroyed,
            Err(_) => return,
        };
        self.reveal_failures
            .get_or_create(&FailureLabels { via, reason })
            .inc();
    }

    /// Counts and times one request; `route` is `http::redact_path`'s template.
    pub fn http_request(
        &self,
        method: &Method,
        route: &'static str,
        status: StatusCode,
        took: Duration,
    ) {
        let method = method_label(method);
        self.http_requests
            .get_or_create(&RequestLabels {
                method,
                route,
                status: status.as_u16(),
            })
            .inc();
        self.http_duration
            .get_or_create(&RouteLabels { method, route })
            .observe(took.as_secs_f64());
    }

    fn store_call(&self, op: StoreOp, took: Duration, error: Option<&StoreError>) {
        self.store_duration
            .get_or_create(&OpLabels { op })
            .observe(took.as_secs_f64());
        if let Some(error) = error {
            let kind = match error {
                StoreError::Unavailable(_) => "unavailable",
                StoreError::Timeout(_) => "timeout",
                StoreError::Internal(_) => "internal",
                StoreError::Full(_) => "full",
                StoreError::OverQuota(_) => "over_quota",
            };
            self.store_errors
                .get_or_create(&StoreErrorLabels { op, kind })
                .inc();
        }
    }

    /// The exposition: OpenMetrics when the scraper asks for it (Prometheus
    /// does), else the classic text format (curl, older scrapers).
    pub fn render(&self, openmetrics: bool) -> Result<(&'static str, String), std::fmt::Error> {
        let mut body = String::new();
        if openmetrics {
            prometheus_client::encoding::text::encode(&mut body, &self.registry)?;
            Ok((OPENMETRICS_CONTENT_TYPE, body))
        } else {
            prometheus_client::encoding::prometheus_text::encode(&mut body, &self.registry)?;
            Ok((
                prometheus_client::encoding::prometheus_text::CONTENT_TYPE,
                body,
            ))
        }
    }
}

const OPENMETRICS_CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

/// Methods outside the usual ones share one label, so a client inventing
/// methods cannot add series.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The router of the metrics listener: `GET /metrics` and nothing else.
pub fn router(metrics: Arc<Metrics>) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(metrics)
}

async fn scrape(State(metrics): State<Arc<Metrics>>, headers: HeaderMap) -> Response {
    metrics.refresh_held().await;
    let openmetrics = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("application/openmetrics-text"));
    match metrics.render(openmetrics) {
        Ok((content_type, body)) => (
            [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
            body,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A store that times and counts every call, then hands it to the real one.
pub struct MeteredStore {
    inner: DynStore,
    metrics: Arc<Metrics>,
}

impl MeteredStore {
    pub fn wrap(inner: DynStore, metrics: Arc<Metrics>) -> DynStore {
        *metrics.held_from.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::downgrade(&inner));
        Arc::new(MeteredStore { inner, metrics })
    }

    async fn timed<T>(
        &self,
        op: StoreOp,
        call: impl Future<Output = Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        let started = Instant::now();
        let result = call.await;
        self.metrics
            .store_call(op, started.elapsed(), result.as_ref().err());
        result
    }
}

#[async_trait]
impl SecretStore for MeteredStore {
    async fn put(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
    ) -> Result<(), StoreError> {
        self.timed(StoreOp::Put, self.inner.put(key, value, ttl, views))
            .await
    }

    async fn peek(&self, key: &StorageKey) -> Result<Option<Record>, StoreError> {
        self.timed(StoreOp::Peek, self.inner.peek(key)).await
    }

    async fn take(&self, key: &StorageKey, expected: &[u8]) -> Result<Take, StoreError> {
        self.timed(StoreOp::Take, self.inner.take(key, expected))
            .await
    }

    /// Timed as a `take`: it is the reveal's take, with the key's check in
    /// the same call. An `Unsupported` answer made no call, so is not timed.
    async fn take_verified(
        &self,
        key: &StorageKey,
        verifier: &KeyVerifier,
    ) -> Result<VerifiedTake, StoreError> {
        let started = Instant::now();
        let result = self.inner.take_verified(key, verifier).await;
        if !matches!(result, Ok(VerifiedTake::Unsupported)) {
            self.metrics
                .store_call(StoreOp::Take, started.elapsed(), result.as_ref().err());
        }
        result
    }

    async fn fail_attempt(&self, key: &StorageKey, limit: u32) -> Result<Attempt, StoreError> {
        self.timed(StoreOp::FailAttempt, self.inner.fail_attempt(key, limit))
            .await
    }

    async fn attempts(&self, key: &StorageKey) -> Result<u32, StoreError> {
        self.timed(StoreOp::Attempts, self.inner.attempts(key))
            .await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.timed(StoreOp::Ping, self.inner.ping()).await
    }

    async fn ready(&self) -> Result<(), StoreError> {
        self.timed(StoreOp::Ping, self.inner.ready()).await
    }

    /// Not timed: it is the rate limit's, not a secret's, and it must be
    /// forwarded, or the limit would quietly become per process.
    async fn take_rate_token(
        &self,
        bucket: &str,
        per_minute: u32,
    ) -> Result<Option<RateDecision>, StoreError> {
        self.inner.take_rate_token(bucket, per_minute).await
    }

    async fn eviction(&self) -> Option<Eviction> {
        self.inner.eviction().await
    }

    async fn held(&self) -> Result<Option<Held>, StoreError> {
        self.inner.held().await
    }

    async fn close(&self) {
        self.inner.close().await;
    }

    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
}

#[async_trait]
impl ReceiptStore for MeteredStore {
    async fn put_with_receipt(
        &self,
        key: &StorageKey,
        value: &[u8],
        ttl: Ttl,
        views: Views,
        receipt: NewReceipt,
    ) -> Result<(), StoreError> {
        // A create, like `put`: dashboards keep one series for creates.
        self.timed(
            StoreOp::Put,
            self.inner.put_with_receipt(key, value, ttl, views, receipt),
        )
        .await
    }

    async fn receipt(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        self.timed(StoreOp::Receipt, self.inner.receipt(hash)).await
    }

    async fn burn(&self, hash: ReceiptHash) -> Result<ReceiptRead, StoreError> {
        self.timed(StoreOp::Burn, self.inner.burn(hash)).await
    }
}

#[async_trait]
impl KeyStore for MeteredStore {
    async fn key_by_hash(&self, hash: &KeyHash) -> Result<Option<KeyRecord>, StoreError> {
        self.timed(StoreOp::KeyByHash, self.inner.key_by_hash(hash))
            .await
    }

    async fn key_set(&self) -> Result<KeySet, StoreError> {
        self.timed(StoreOp::KeySet, self.inner.key_set()).await
    }

    async fn commit_keys(
        &self,
        version: u64,
        changes: Vec<KeyChange>,
        bootstrap: Option<BootstrapMark>,
    ) -> Result<bool, StoreError> {
        self.timed(
            StoreOp::CommitKeys,
            self.inner.commit_keys(version, changes, bootstrap),
        )
        .await
    }

    async fn touch_key(&self, name: &KeyName, at: u64) -> Result<(), StoreError> {
        self.timed(StoreOp::TouchKey, self.inner.touch_key(name, at))
            .await
    }

    async fn reset_bootstrap(&self) -> Result<bool, StoreError> {
        self.timed(StoreOp::ResetBootstrap, self.inner.reset_bootstrap())
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(metrics: &Metrics) -> String {
        metrics.render(false).unwrap().1
    }

    #[test]
    fn counters_start_at_zero_and_count() {
        let metrics = Metrics::new();
        assert!(text(&metrics).contains("hushlink_secrets_created_total{via=\"web\"} 0"));
        metrics.secret_created(Via::Web);
        metrics.reveal(Via::Api, &Err(Error::Damaged));
        metrics.reveal(
            Via::Api,
            &Ok(Revealed {
                secret: b"x".to_vec().into(),
                views_left: 0,
            }),
        );
        let body = text(&metrics);
        assert!(body.contains("hushlink_secrets_created_total{via=\"web\"} 1"));
        assert!(body.contains("hushlink_reveal_failures_total{via=\"api\",reason=\"damaged\"} 1"));
        assert!(body.contains("hushlink_secrets_revealed_total{via=\"api\"} 1"));
        assert!(body.contains("hushlink_secrets_exhausted_total 1"));
    }

    #[test]
    fn odd_methods_share_one_label() {
        let metrics = Metrics::new();
        let brew = Method::from_bytes(b"BREW").unwrap();
        metrics.http_request(&brew, "/", StatusCode::NOT_FOUND, Duration::ZERO);
        let body = text(&metrics);
        assert!(body.contains(
            "hushlink_http_requests_total{method=\"other\",route=\"/\",status=\"404\"} 1"
        ));
        assert!(!body.contains("BREW"));
    }

    #[test]
    fn openmetrics_when_asked() {
        let metrics = Metrics::new();
        let (content_type, body) = metrics.render(true).unwrap();
        assert!(content_type.starts_with("application/openmetrics-text"));
        assert!(body.ends_with("# EOF\n"));
    }
}
