//! hushlink: share a secret through a link that works once.
//!
//! A drop-in replacement for SnapPass: same HTTP API, pages, environment
//! variables, link format and Redis layout, with an embedded durable store
//! so no Redis is needed to start. The modules, from the edge inwards:
//!
//! * [`config`]: every setting, from flags and environment, parsed once.
//! * [`http`]: the router, the API and page handlers, protective headers
//!   and the access log. Input is parsed into domain types here.
//! * [`error`]: the one error type and its mapping to status codes.
//! * [`i18n`]: page strings from Fluent catalogues in thirty languages, chosen per request.
//! * [`secrets`]: create, peek, reveal: the rules shared by web and API.
//! * [`receipt`]: the receipt token and record; [`receipts`]: reading and burning them.
//! * [`keys`]: API keys: checking, managing, bootstrapping (the rules).
//! * [`apikey`]: the API key format, names and scopes, in one place.
//! * [`bootstrap`]: the bootstrap token check and its brake on guessing.
//! * [`ratelimit`]: per-client token buckets (the create rate limit).
//! * [`admin_socket`]: the owner-only local socket the CLI talks to.
//! * [`cli`]: the `api-key` and `bootstrap` commands.
//! * [`client`]: `send`, `get` and `check`, the client for pipelines.
//! * [`secret`]: lifetimes, view counts, and Fernet sealing.
//! * [`token`]: the link token format, in one place.
//! * [`lowerhex`]: lower-case hex of hashes and verifiers (one fast encoder).
//! * [`zk`]: the zero-knowledge link format (envelope, derivations, proof).
//! * [`store`]: the storage trait and its two backends, embedded (redb)
//!   and Redis.
//! * [`server`]: accepting and serving connections: timeouts, caps,
//!   unread bodies, graceful shutdown.
//! * [`telemetry`]: log set-up.
//! * [`allocator`]: mimalloc's settings (a small resident set).
//! * [`metrics`]: Prometheus counters and histograms, the store wrapper
//!   that times store calls, and the separate `/metrics` listener's router.
//!
//! [`Application::build`] binds the listener and opens the store;
//! [`Application::run_until`] serves until a shutdown signal, then drains
//! requests in flight and flushes the store. `main.rs` only wires these.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use tokio::net::TcpListener;

pub mod admin_socket;
pub mod allocator;
pub mod apikey;
pub mod bootstrap;
pub mod cli;
pub mod client;
pub mod config;
pub mod error;
pub mod http;
pub mod i18n;
pub mod keys;
pub mod lowerhex;
pub mod metrics;
pub mod oidc;
pub mod ratelimit;
pub mod receipt;
pub mod receipts;
pub mod secret;
pub mod secrets;
pub mod server;
pub mod store;
pub mod telemetry;
pub mod token;
pub mod webhook;
pub mod zk;

use config::{Config, StoreKind};
use http::AppState;
use server::ServeOptions;
use store::DynStore;

/// A server that is bound and ready to run.
pub struct Application {
    listener: TcpListener,
    addr: SocketAddr,
    state: AppState,
    store: DynStore,
    /// The local admin socket (embedded store only; see `admin_socket`).
    admin_socket: Option<tokio::net::UnixListener>,
    /// The Prometheus listener, when `HUSHLINK_METRICS_ADDR` is set.
    metrics_listener: Option<TcpListener>,
    serve_options: ServeOptions,
    /// Retries recording `HUSHLINK_ADMIN_KEY_SHA256` while the store is down.
    admin_key_retry: Option<AbortOnDrop>,
    /// Asks the store at start-up whether it may evict secrets (it warns);
    /// in the background, so a Redis that is down does not hold start-up.
    eviction_check: AbortOnDrop,
    /// Delivers webhook events, when `HUSHLINK_WEBHOOK_URL` is set.
    webhook_worker: Option<webhook::worker::Worker>,
}

impl Application {
    /// Opens the store and binds the listener, and the metrics listener when
    /// configured (port 0 picks a free port, which `port()` and
    /// `metrics_port()` then report).
    pub async fn build(config: &Config) -> anyhow::Result<Self> {
        let metrics_addr = config.metrics_addr()?;
        http::auth::warn_about_open_doors(config);
        // Checked before the store opens: a bad webhook setting stops start-up.
        let webhooks = config.webhooks()?;
        let (store, queue) = open_store_with_queue(config)?;
        let metrics = Arc::new(metrics::Metrics::new());
        // Webhooks: the store wrapped so that decisions queue their events,
        // and the worker that delivers them (nothing at all without a URL).
        let (store, webhook_worker) = match webhooks {
            Some(settings) => {
                tracing::info!(
                    timeout_s = settings.timeout.as_secs(),
                    max_age_s = settings.max_age.as_secs(),
                    queue_max = settings.queue_max,
                    "webhooks on: events are signed and delivered to HUSHLINK_WEBHOOK_URL"
                );
                let hooks = Arc::new(webhook::Hooks::new(settings, queue, Arc::clone(&metrics)));
                let worker = webhook::worker::start(Arc::clone(&hooks), Arc::clone(&store))?;
                // The embedded store makes events in its own transactions;
                // Redis's are made by the wrapper, after each decision.
                let store = if hooks.install_in_store() {
                    store
                } else {
                    webhook::hooked::HookedStore::wrap(store, hooks)
                };
                (store, Some(worker))
            }
            None => (store, None),
        };
        let state = AppState::with_metrics(config, Arc::clone(&store), metrics)?;
        let mut admin_key_retry = None;
        if let Some((name, hash)) = config.admin_key_hash()? {
            // Recorded once per store; a store bootstrapped before is left
            // alone. A store that is down now is retried in the background,
            // for as long as the server lives (the guard is its owner).
            if let Err(e) = state.keys.bootstrap_with_hash(name.clone(), hash).await {
                tracing::warn!(error = %e, "cannot record HUSHLINK_ADMIN_KEY_SHA256 yet; retrying");
                let state = state.clone();
                admin_key_retry = Some(AbortOnDrop(tokio::spawn(async move {
                    loop {
                        tokio::time::sleep(Duration::from_secs(2)).await;
                        if state
                            .keys
                            .bootstrap_with_hash(name.clone(), hash)
                            .await
                            .is_ok()
                        {
                            return;
                        }
                    }
                })));
            }
        }
        let listener = TcpListener::bind((config.bind_address.as_str(), config.port))
            .await
            .with_context(|| format!("cannot listen on {}:{}", config.bind_address, config.port))?;
        let addr = listener.local_addr()?;
        // Bound here, like the main listener, so a bad or taken address
        // stops start-up instead of failing quietly later.
        let metrics_listener = match metrics_addr {
            Some(metrics_addr) => {
                let listener = TcpListener::bind(metrics_addr).await.with_context(|| {
                    format!("cannot listen on {metrics_addr} (HUSHLINK_METRICS_ADDR)")
                })?;
                tracing::info!(addr = %listener.local_addr()?, "metrics listening");
                Some(listener)
            }
            None => None,
        };
        let admin_socket = match config.store_kind() {
            StoreKind::Embedded => Some(admin_socket::bind(&config.data_dir)?),
            StoreKind::Redis => None,
        };
        server::announce(addr, &state.links, store.kind());
        if config.create_rate > 0 && state.trusted_proxies.is_empty() {
            tracing::info!(
                create_rate = config.create_rate,
                "creates are limited per connecting address: behind a proxy or load balancer, set \
                 HUSHLINK_TRUSTED_PROXIES to its addresses, or all its clients share one limit"
            );
        }
        let serve_options = config.serve_options();
        if let Some(limit) = config::open_file_limit()
            && serve_options.max_connections as u64 > limit / 4 * 3
        {
            tracing::warn!(
                max_connections = serve_options.max_connections,
                open_file_limit = limit,
                "HUSHLINK_MAX_CONNECTIONS is above three quarters of the open-file limit (ulimit -n): \
                 descriptors may run out, and accepting then pauses until connections close"
            );
        }
        let eviction_check = {
            let store = Arc::clone(&store);
            AbortOnDrop(tokio::spawn(async move {
                let _ = store.eviction().await;
            }))
        };
        Ok(Application {
            listener,
            addr,
            state,
            store,
            admin_socket,
            metrics_listener,
            serve_options,
            admin_key_retry,
            eviction_check,
            webhook_worker,
        })
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The metrics listener's port, when metrics are on.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_listener
            .as_ref()
            .and_then(|l| l.local_addr().ok())
            .map(|a| a.port())
    }

    /// Serves until `shutdown` completes, then stops accepting, gives
    /// requests in flight up to the shutdown timeout to finish, and closes
    /// the store (the embedded store commits what it holds). The metrics
    /// listener stops with the main one, under the same timeout.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> anyhow::Result<()> {
        let Application {
            listener,
            state,
            store,
            admin_socket,
            metrics_listener,
            serve_options,
            admin_key_retry: _admin_key_retry,
            eviction_check: _eviction_check,
            webhook_worker,
            ..
        } = self;
        let shutdown_timeout = serve_options.shutdown_timeout;
        // The side listeners are told to stop when `shutdown` completes, or
        // when this function returns for any other reason (the sender is
        // dropped with it).
        let (stop_side, side_stopped) = tokio::sync::watch::channel(false);
        let side = serve_options.for_operator_listener();
        let stopped = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
            let _ = rx.wait_for(|stop| *stop).await;
        };
        // The admin socket lives exactly as long as the server: the guard,
        // dropped at the end of this function, stops it.
        let _admin = admin_socket.map(|socket| {
            let app = http::local_admin_router(state.clone());
            let stop = stopped(side_stopped.clone());
            AbortOnDrop(tokio::spawn(async move {
                server::serve(socket, app, side, stop).await;
            }))
        });
        let metrics_server = metrics_listener.map(|listener| {
            let app = metrics::router(Arc::clone(&state.metrics));
            let options = serve_options.for_operator_listener();
            let stop = stopped(side_stopped.clone());
            AbortOnDrop(tokio::spawn(async move {
                server::serve(listener, app, options, stop).await;
            }))
        });
        let shutdown = async move {
            shutdown.await;
            // Stopped before the store closes; what it had claimed stays
            // queued for the next start.
            drop(webhook_worker);
            let _ = stop_side.send(true);
        };
        let result = run(listener, state, store, shutdown, serve_options).await;
        if let Some(mut server) = metrics_server {
            let _ = tokio::time::timeout(shutdown_timeout, &mut server.0).await;
        }
        result
    }
}

/// Aborts a background task when dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Opens the configured store, and hands back its webhook queue as well
/// (the same store, seen through `webhook::queue::WebhookQueue`).
pub fn open_store_with_queue(
    config: &Config,
) -> anyhow::Result<(DynStore, Arc<dyn webhook::queue::WebhookQueue>)> {
    Ok(match config.store_kind() {
        StoreKind::Embedded => {
            let store = Arc::new(store::embedded::EmbeddedStore::open_with(
                &config.data_dir,
                config.embedded_options(),
            )?);
            (store.clone(), store)
        }
        StoreKind::Redis => {
            let store = Arc::new(redis_store(config)?);
            (store.clone(), store)
        }
    })
}

fn redis_store(config: &Config) -> anyhow::Result<store::redis::RedisStore> {
    let target = match config.redis_cluster_nodes() {
        Some(nodes) => store::redis::Target::Cluster(nodes),
        None => store::redis::Target::Single(config.redis_url()),
    };
    let store = store::redis::RedisStore::new(
        target,
        store::redis::Options {
            prefix: config.redis_prefix.clone(),
            timeout: config.store_timeout(),
            replication: config.redis_replication(),
            ca_pem: config.redis_ca_pem()?,
        },
    )?;
    let max = config.max_stored_bytes.map_or(0, |b| b.0);
    Ok(if max > 0 {
        store.with_quota(max, store::redis::RedisStore::QUOTA_BUCKET)
    } else {
        store
    })
}

/// Opens the configured store. Redis is connected lazily, so the server
/// starts (and reports 503) while Redis is down.
pub fn open_store(config: &Config) -> anyhow::Result<DynStore> {
    Ok(open_store_with_queue(config)?.0)
}

/// Serves `state` on `listener` until `shutdown`, then drains and closes.
pub async fn run(
    listener: TcpListener,
    state: AppState,
    store: DynStore,
    shutdown: impl Future<Output = ()> + Send + 'static,
    options: ServeOptions,
) -> anyhow::Result<()> {
    let timeout = options.shutdown_timeout;
    let shutdown = async move {
        shutdown.await;
        tracing::info!("shutting down: finishing requests in flight");
    };
    if !server::serve(listener, http::router(state), options, shutdown).await {
        tracing::warn!(
            timeout_s = timeout.as_secs(),
            "requests still running at shutdown timeout; stopping anyway"
        );
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { () = ctrl_c => {}, () = term => {} }
}
