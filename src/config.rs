//! Configuration: every setting, parsed once, from flags and environment.
//!
//! SnapPass's variables keep their names and defaults, so an operator can
//! swap the container and keep the environment. hushlink's own settings are
//! prefixed `HUSHLINK_`. Each has a flag on `hushlink serve`, and clap's help
//! lists them all with their variable. Nothing here is global: the parsed
//! `Config` is handed to `Application::build`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, ValueEnum};

use crate::apikey::{KeyHash, KeyName};
use crate::secret::DEFAULT_TTL_SECS;
use crate::server::ServeOptions;

/// Which store holds the secrets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StoreKind {
    /// A durable single-file database in the data directory (no Redis needed).
    Embedded,
    /// Redis, with SnapPass's key layout.
    Redis,
}

/// Whether the create APIs need an API key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ApiAuth {
    /// As SnapPass: anyone who reaches the API may create secrets.
    Open,
    /// `POST /api/set_password/` and `/api/v2/passwords` need a key with the `create` scope.
    Required,
}

/// Where the web form encrypts a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WebEncryption {
    /// In the page (zero-knowledge link); without JavaScript the form falls
    /// back to the server-side flow and says so.
    Browser,
    /// On the server, as SnapPass (a SnapPass-format link).
    Server,
}

/// Log line format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Every setting of `hushlink serve`.
#[derive(Args, Clone)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "SNAPPASS_BIND_ADDRESS", default_value = "0.0.0.0")]
    pub bind_address: String,

    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "SNAPPASS_PORT", default_value_t = 5000)]
    pub port: u16,

    /// Build links with `http://` instead of `https://`.
    #[arg(long, env = "NO_SSL", value_name = "NO_SSL", value_parser = parse_bool, default_value = "false",
          num_args = 0..=1, default_missing_value = "true")]
    pub no_ssl: bool,

    /// Host (and port) to put in links instead of the request's Host header.
    #[arg(long, env = "HOST_OVERRIDE")]
    pub host_override: Option<String>,

    /// Path prefix when served below the root of a domain (e.g. `secrets`).
    #[arg(long, env = "URL_PREFIX")]
    pub url_prefix: Option<String>,

    /// Hosts (comma-separated; `host` matches any port, `host:port` one
    /// port, `.example.com` the domain and its subdomains) that links are
    /// built for; a request naming another host where a link would be built
    /// gets 400. Unset: any well-formed Host.
    #[arg(long, env = "HUSHLINK_ALLOWED_HOSTS", value_name = "HOSTS")]
    pub allowed_hosts: Option<String>,

    /// Where pages load their CSS and JavaScript from.
    #[arg(long, env = "STATIC_URL", default_value = "static")]
    pub static_url: String,

    /// More verbose logs (debug level) when no RUST_LOG is set.
    #[arg(long, env = "DEBUG", value_name = "DEBUG", value_parser = parse_bool, default_value = "false",
          num_args = 0..=1, default_missing_value = "true")]
    pub debug: bool,

    /// Accepted for SnapPass compatibility and not used (sign-in sessions use a
    /// key derived from HUSHLINK_OIDC_CLIENT_SECRET).
    #[arg(long, env = "SECRET_KEY", hide_env_values = true)]
    pub secret_key: Option<String>,

    /// Redis URL (`redis://` or `rediss://` for TLS); overrides REDIS_HOST/PORT/DB.
    #[arg(long, env = "REDIS_URL", hide_env_values = true)]
    pub redis_url: Option<String>,

    /// Redis host (default `localhost`).
    #[arg(long, env = "REDIS_HOST")]
    pub redis_host: Option<String>,

    /// Redis port (default 6379).
    #[arg(long, env = "REDIS_PORT")]
    pub redis_port: Option<u16>,

    /// Redis password, with REDIS_HOST.
    #[arg(long, env = "REDIS_PASSWORD", hide_env_values = true)]
    pub redis_password: Option<String>,

    /// Redis database number, with REDIS_HOST.
    #[arg(long, env = "SNAPPASS_REDIS_DB", default_value_t = 0)]
    pub redis_db: u32,

    /// PEM file of the CA that signed the Redis servers' certificates
    /// (`rediss://`), when it is not one the system trusts.
    #[arg(long, env = "HUSHLINK_REDIS_CA_FILE", value_name = "FILE")]
    pub redis_ca_file: Option<PathBuf>,

    /// Redis Cluster seed nodes, comma-separated (`redis://h1:7000,redis://h2:7001`;
    /// `rediss://` and passwords work). When set, the store is that cluster and
    /// REDIS_URL/REDIS_HOST are ignored.
    #[arg(
        long,
        env = "HUSHLINK_REDIS_CLUSTER",
        hide_env_values = true,
        value_name = "URLS"
    )]
    pub redis_cluster: Option<String>,

    /// Replicas that must acknowledge a create (Redis `WAIT`) before it is
    /// answered; 0 does not wait. With 1, a secret answered 200 survives the
    /// loss of its master.
    #[arg(long, env = "HUSHLINK_REDIS_WAIT_REPLICAS", default_value_t = 0)]
    pub redis_wait_replicas: u32,

    /// Milliseconds to wait for those replicas before the create gets a 503.
    #[arg(long, env = "HUSHLINK_REDIS_WAIT_TIMEOUT_MS", default_value_t = 250,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub redis_wait_timeout_ms: u64,

    /// Prefix of secret keys; also the first part of every token.
    #[arg(long, env = "REDIS_PREFIX", default_value = "snappass")]
    pub redis_prefix: String,

    /// Accept SnapPass's oldest links, whose storage key is 32 hex digits
    /// without REDIS_PREFIX (always accepted when the prefix is empty). Off by
    /// default: such a link can name any 32-hex key of the Redis database.
    #[arg(long, env = "HUSHLINK_LEGACY_BARE_TOKENS", value_name = "BOOL", value_parser = parse_bool,
          default_value = "false", num_args = 0..=1, default_missing_value = "true")]
    pub legacy_bare_tokens: bool,

    /// Which store to use; default `redis` when any of HUSHLINK_REDIS_CLUSTER,
    /// REDIS_URL, REDIS_HOST, REDIS_PORT is set, else `embedded`.
    #[arg(long, env = "HUSHLINK_STORE", value_enum)]
    pub store: Option<StoreKind>,

    /// Directory of the embedded store.
    #[arg(long, env = "HUSHLINK_DATA_DIR", default_value = "./hushlink-data")]
    pub data_dir: PathBuf,

    /// Largest secret accepted, in bytes.
    #[arg(long, env = "HUSHLINK_MAX_SECRET_BYTES", default_value_t = 256 * 1024)]
    pub max_secret_bytes: usize,

    /// Longest lifetime accepted, in seconds, on every API and in the form.
    #[arg(long, env = "HUSHLINK_MAX_TTL", default_value_t = DEFAULT_TTL_SECS,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_ttl: u64,

    /// Log format.
    #[arg(long, env = "HUSHLINK_LOG_FORMAT", value_enum, default_value = "text")]
    pub log_format: LogFormat,

    /// Address and port (e.g. `127.0.0.1:9090`) of a separate listener that
    /// serves Prometheus metrics at `/metrics`; off when unset or empty.
    #[arg(long, env = "HUSHLINK_METRICS_ADDR", value_name = "IP:PORT")]
    pub metrics_addr: Option<String>,

    /// Seconds to let requests in flight finish after SIGTERM/SIGINT.
    #[arg(long, env = "HUSHLINK_SHUTDOWN_TIMEOUT", default_value_t = 10)]
    pub shutdown_timeout: u64,

    /// Seconds a client has to send a request's head (a new connection's
    /// first request must also start within it); then the connection is closed.
    #[arg(long, env = "HUSHLINK_HEADER_TIMEOUT", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub header_timeout: u64,

    /// Seconds a kept-alive connection may wait for its next request (and a
    /// request may go without a byte moving) before it is closed.
    #[arg(long, env = "HUSHLINK_IDLE_TIMEOUT", default_value_t = 75,
          value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub idle_timeout: u64,

    /// Seconds a request's whole body may take to arrive; a slower one gets 408.
    #[arg(long, env = "HUSHLINK_BODY_TIMEOUT", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub body_timeout: u64,

    /// Connections served at once; more wait to be accepted. Default: 1024,
    /// or three quarters of the open-file limit (`ulimit -n`) when that is lower.
    #[arg(long, env = "HUSHLINK_MAX_CONNECTIONS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: Option<u64>,

    /// Concurrent requests (streams) per HTTP/2 connection.
    #[arg(long, env = "HUSHLINK_MAX_H2_STREAMS", default_value_t = 32,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub max_h2_streams: u32,

    /// Secrets one client address may create per minute, in bursts of up to
    /// a minute's worth; more get 429 with Retry-After. 0 turns the limit off.
    /// On Redis counted across all instances.
    #[arg(long, env = "HUSHLINK_CREATE_RATE", default_value_t = 120)]
    pub create_rate: u32,

    /// Proxies (comma-separated addresses or CIDR ranges) whose
    /// `Forwarded`/`X-Forwarded-For` headers name the client; from any other
    /// peer those headers are ignored.
    #[arg(long, env = "HUSHLINK_TRUSTED_PROXIES", value_name = "CIDRS")]
    pub trusted_proxies: Option<String>,

    /// Milliseconds a store operation may take before the request gets a 503.
    #[arg(long, env = "HUSHLINK_STORE_TIMEOUT_MS", default_value_t = 2000,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub store_timeout_ms: u64,

    /// Seconds between purges of expired secrets from the embedded store.
    #[arg(long, env = "HUSHLINK_PURGE_INTERVAL", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub purge_interval: u64,

    /// Bound of the embedded store's page cache, in MiB (part of resident
    /// memory; the operating system caches the file too).
    #[arg(long, env = "HUSHLINK_STORE_CACHE_MB", default_value_t = crate::store::embedded::DEFAULT_CACHE_MB,
          value_parser = clap::value_parser!(u64).range(1..=65536))]
    pub store_cache_mb: u64,

    /// Free space the embedded store's disk must keep: below it, new secrets
    /// are refused (507) while reveals go on. A percentage (`5%`) or a size
    /// (`256MiB`, `1GiB`); `0` turns the check off. Default: the smaller of
    /// 5% and 256MiB.
    #[arg(long, env = "HUSHLINK_MIN_FREE_DISK", value_name = "PERCENT|SIZE",
          value_parser = |s: &str| s.parse::<crate::store::disk::MinFreeDisk>())]
    pub min_free_disk: Option<crate::store::disk::MinFreeDisk>,

    /// Ciphertext all secrets together may hold (`256MiB`, `1GiB`, bytes);
    /// a create that would go over gets 507. `0` or unset: no quota. On
    /// Redis counted across instances (see docs/configuration.md).
    #[arg(long, env = "HUSHLINK_MAX_STORED_BYTES", value_name = "SIZE",
          value_parser = |s: &str| s.parse::<crate::store::disk::ByteSize>())]
    pub max_stored_bytes: Option<crate::store::disk::ByteSize>,

    /// Whether creating secrets through the APIs needs an API key.
    #[arg(long, env = "HUSHLINK_API_AUTH", value_enum, default_value = "open")]
    pub api_auth: ApiAuth,

    /// Serve the create form (`GET /`, `POST /`); with `off` secrets are made
    /// only through the API, and reveal pages keep working.
    #[arg(long, env = "HUSHLINK_WEB_FORM", value_name = "on|off", value_parser = parse_bool,
          default_value = "on")]
    pub web_form: bool,

    /// Where the web form encrypts by default: `browser` makes
    /// zero-knowledge links (JavaScript needed), `server` SnapPass links.
    #[arg(
        long,
        env = "HUSHLINK_WEB_ENCRYPTION",
        value_enum,
        default_value = "browser"
    )]
    pub web_encryption: WebEncryption,

    /// Wrong passphrases (wrong proofs) a zero-knowledge secret survives
    /// before it is destroyed; counted atomically across instances.
    #[arg(long, env = "HUSHLINK_PASSPHRASE_ATTEMPTS", default_value_t = 5,
          value_parser = clap::value_parser!(u32).range(1..=100))]
    pub passphrase_attempts: u32,

    /// Seconds a secret's receipt stays readable after the secret's expiry
    /// (so "opened at 14:02" stays visible after the secret is gone).
    #[arg(long, env = "HUSHLINK_RECEIPT_RETENTION", default_value_t = 604_800,
          value_parser = clap::value_parser!(u64).range(0..=31_536_000))]
    pub receipt_retention: u64,

    /// Receipts the embedded store keeps: a batch of creates that leaves
    /// more than this plus a 64th of it (at most 128) drops the oldest
    /// down to it, as does each purge, so a flood of creates cannot grow
    /// the file for the whole retention (0: no bound). Redis bounds them by
    /// their expiry.
    #[arg(long, env = "HUSHLINK_MAX_RECEIPTS", default_value_t = crate::store::embedded::DEFAULT_MAX_RECEIPTS)]
    pub max_receipts: u64,

    /// Where signed webhook events are POSTed (`http(s)://…`); unset: no
    /// webhooks, and nothing is queued.
    #[arg(long, env = "HUSHLINK_WEBHOOK_URL")]
    pub webhook_url: Option<String>,

    /// The webhook signing secret, `whsec_<base64>` (Standard Webhooks).
    #[arg(
        long,
        env = "HUSHLINK_WEBHOOK_SECRET",
        hide_env_values = true,
        conflicts_with = "webhook_secret_file"
    )]
    pub webhook_secret: Option<String>,

    /// File holding the webhook signing secret (a mounted secret).
    #[arg(long, env = "HUSHLINK_WEBHOOK_SECRET_FILE")]
    pub webhook_secret_file: Option<PathBuf>,

    /// Seconds one delivery attempt may take (connect, send, answer).
    #[arg(long, env = "HUSHLINK_WEBHOOK_TIMEOUT", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=300))]
    pub webhook_timeout: u64,

    /// Seconds an event is retried (exponential backoff) before it is
    /// dropped and counted.
    #[arg(long, env = "HUSHLINK_WEBHOOK_MAX_AGE", default_value_t = 86_400,
          value_parser = clap::value_parser!(u64).range(3_600..=2_592_000))]
    pub webhook_max_age: u64,

    /// Events waiting for delivery at most; past it new events are dropped
    /// and counted (a create or reveal never waits for the queue).
    #[arg(long, env = "HUSHLINK_WEBHOOK_QUEUE_MAX", default_value_t = 100_000,
          value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub webhook_queue_max: u64,

    /// Deliveries in flight at once, per instance.
    #[arg(long, env = "HUSHLINK_WEBHOOK_CONCURRENCY", default_value_t = 8,
          value_parser = clap::value_parser!(u32).range(1..=256))]
    pub webhook_concurrency: u32,

    /// Delay before the first retry of a webhook event, in milliseconds
    /// (doubling with each failure, up to 10 minutes).
    #[arg(long, env = "HUSHLINK_WEBHOOK_RETRY_BASE_MS", default_value_t = 2_000,
          value_parser = clap::value_parser!(u64).range(10..=600_000))]
    pub webhook_retry_base_ms: u64,

    /// One-time bootstrap token (at least 32 characters) that
    /// `POST /api/v2/bootstrap` exchanges for the first admin key.
    #[arg(
        long,
        env = "HUSHLINK_BOOTSTRAP_TOKEN",
        hide_env_values = true,
        conflicts_with = "bootstrap_token_file"
    )]
    pub bootstrap_token: Option<String>,

    /// File holding the bootstrap token (a mounted secret); preferred over the variable.
    #[arg(long, env = "HUSHLINK_BOOTSTRAP_TOKEN_FILE")]
    pub bootstrap_token_file: Option<PathBuf>,

    /// SHA-256 (64 hex) of an admin key made elsewhere (`hushlink api-key
    /// generate`); recorded on first start, so this server never holds a usable credential.
    #[arg(long, env = "HUSHLINK_ADMIN_KEY_SHA256")]
    pub admin_key_sha256: Option<String>,

    /// Name of the admin key recorded from HUSHLINK_ADMIN_KEY_SHA256.
    #[arg(long, env = "HUSHLINK_ADMIN_KEY_NAME", default_value = "admin")]
    pub admin_key_name: String,

    /// Sign-in for senders: and what it needs (issuer, client, who may send).
    #[command(flatten)]
    pub oidc: crate::oidc::OidcConfig,
}

/// The longest connection timeout accepted (a day): longer ones protect
/// nothing, and deadlines far in the future overflow the clock.
pub const MAX_TIMEOUT_SECS: u64 = 86_400;

/// Bootstrap tokens shorter than this are refused at start-up.
pub const MIN_BOOTSTRAP_TOKEN_LEN: usize = 32;

impl Config {
    /// The store to use, applying the SnapPass-compatible default.
    pub fn store_kind(&self) -> StoreKind {
        self.store.unwrap_or(
            if self.redis_cluster_nodes().is_some()
                || self.redis_url.is_some()
                || self.redis_host.is_some()
                || self.redis_port.is_some()
            {
                StoreKind::Redis
            } else {
                StoreKind::Embedded
            },
        )
    }

    /// The Redis Cluster seed URLs, when HUSHLINK_REDIS_CLUSTER names any.
    pub fn redis_cluster_nodes(&self) -> Option<Vec<String>> {
        let nodes: Vec<String> = self
            .redis_cluster
            .as_deref()?
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        (!nodes.is_empty()).then_some(nodes)
    }

    /// The CA certificates of HUSHLINK_REDIS_CA_FILE, read once.
    pub fn redis_ca_pem(&self) -> anyhow::Result<Option<Vec<u8>>> {
        self.redis_ca_file
            .as_ref()
            .map(|path| {
                std::fs::read(path).map_err(|e| {
                    anyhow::anyhow!(
                        "HUSHLINK_REDIS_CA_FILE: cannot read {}: {e}",
                        path.display()
                    )
                })
            })
            .transpose()
    }

    /// What `WAIT` asks of Redis after a write: replicas and timeout.
    pub fn redis_replication(&self) -> Option<(u32, Duration)> {
        (self.redis_wait_replicas > 0).then(|| {
            (
                self.redis_wait_replicas,
                Duration::from_millis(self.redis_wait_timeout_ms),
            )
        })
    }

    /// The Redis URL: REDIS_URL as given, or one built from the host settings.
    pub fn redis_url(&self) -> String {
        if let Some(url) = &self.redis_url {
            return url.clone();
        }
        let host = self.redis_host.as_deref().unwrap_or("localhost");
        let host = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.to_owned()
        };
        let port = self.redis_port.unwrap_or(6379);
        let auth = match &self.redis_password {
            Some(p) if !p.is_empty() => format!(":{}@", percent_encode(p)),
            _ => String::new(),
        };
        format!("redis://{auth}{host}:{port}/{}", self.redis_db)
    }

    /// The webhook settings when `HUSHLINK_WEBHOOK_URL` is set; a missing or
    /// malformed secret or URL stops start-up with a message saying why.
    pub fn webhooks(&self) -> anyhow::Result<Option<crate::webhook::Settings>> {
        let Some(url) = self
            .webhook_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        else {
            return Ok(None);
        };
        let url = reqwest::Url::parse(url)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or_else(|| {
                anyhow::anyhow!("HUSHLINK_WEBHOOK_URL must be an http:// or https:// address")
            })?;
        let secret = match (&self.webhook_secret_file, &self.webhook_secret) {
            (Some(path), _) => std::fs::read_to_string(path).map_err(|e| {
                anyhow::anyhow!(
                    "HUSHLINK_WEBHOOK_SECRET_FILE: cannot read {}: {e}",
                    path.display()
                )
            })?,
            (None, Some(secret)) => secret.clone(),
            (None, None) => anyhow::bail!(
                "HUSHLINK_WEBHOOK_URL is set but HUSHLINK_WEBHOOK_SECRET (or _FILE) is not: \
                 webhooks are always signed"
            ),
        };
        let secret = crate::webhook::WebhookSecret::parse(secret.trim())
            .map_err(|e| anyhow::anyhow!("HUSHLINK_WEBHOOK_SECRET: {e}"))?;
        Ok(Some(crate::webhook::Settings {
            url,
            secret,
            timeout: Duration::from_secs(self.webhook_timeout),
            max_age: Duration::from_secs(self.webhook_max_age),
            queue_max: self.webhook_queue_max,
            concurrency: self.webhook_concurrency as usize,
            retry_base: Duration::from_millis(self.webhook_retry_base_ms),
        }))
    }

    /// The bootstrap token, from the file or the variable, checked for length.
    pub fn bootstrap_token(&self) -> anyhow::Result<Option<String>> {
        let token = match (&self.bootstrap_token_file, &self.bootstrap_token) {
            (Some(path), _) => Some(
                std::fs::read_to_string(path)
                    .map_err(|e| {
                        anyhow::anyhow!(
                            "HUSHLINK_BOOTSTRAP_TOKEN_FILE: cannot read {}: {e}",
                            path.display()
                        )
                    })?
                    .trim()
                    .to_owned(),
            ),
            (None, Some(token)) => Some(token.trim().to_owned()),
            (None, None) => None,
        };
        match token {
            Some(t) if t.is_empty() => Ok(None),
            Some(t) if t.chars().count() < MIN_BOOTSTRAP_TOKEN_LEN => Err(anyhow::anyhow!(
                "HUSHLINK_BOOTSTRAP_TOKEN must be at least {MIN_BOOTSTRAP_TOKEN_LEN} characters \
                 (generate one with `openssl rand -hex 32`)"
            )),
            other => Ok(other),
        }
    }

    /// The admin key hash to record on first start, checked.
    pub fn admin_key_hash(&self) -> anyhow::Result<Option<(KeyName, KeyHash)>> {
        let Some(raw) = self
            .admin_key_sha256
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        else {
            return Ok(None);
        };
        let hash = KeyHash::parse_hex(raw).ok_or_else(|| {
            anyhow::anyhow!("HUSHLINK_ADMIN_KEY_SHA256 must be 64 hex digits (a SHA-256)")
        })?;
        let name = KeyName::parse(&self.admin_key_name)
            .map_err(|e| anyhow::anyhow!("HUSHLINK_ADMIN_KEY_NAME: {e}"))?;
        Ok(Some((name, hash)))
    }

    /// The metrics listener's address, checked; `None` (off) when unset or
    /// empty, so a deployment template can leave the variable blank.
    pub fn metrics_addr(&self) -> anyhow::Result<Option<SocketAddr>> {
        match self.metrics_addr.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(addr) => addr.parse().map(Some).map_err(|_| {
                anyhow::anyhow!(
                    "HUSHLINK_METRICS_ADDR: '{addr}' is not an IP address and port \
                     (e.g. 127.0.0.1:9090, 0.0.0.0:9090 or [::1]:9090)"
                )
            }),
        }
    }

    pub fn shutdown_timeout(&self) -> Duration {
        Duration::from_secs(self.shutdown_timeout)
    }

    /// How connections are served (timeouts and caps).
    pub fn serve_options(&self) -> ServeOptions {
        ServeOptions {
            header_timeout: Duration::from_secs(self.header_timeout),
            idle_timeout: Duration::from_secs(self.idle_timeout),
            body_timeout: Duration::from_secs(self.body_timeout),
            max_connections: self.max_connections.map_or_else(
                || default_max_connections(open_file_limit()),
                |n| usize::try_from(n).unwrap_or(usize::MAX),
            ),
            max_h2_streams: self.max_h2_streams,
            shutdown_timeout: self.shutdown_timeout(),
        }
    }

    pub fn store_timeout(&self) -> Duration {
        Duration::from_millis(self.store_timeout_ms)
    }

    pub fn purge_interval(&self) -> Duration {
        Duration::from_secs(self.purge_interval)
    }

    /// How the embedded store runs: purge interval, cache bound, free-space floor.
    pub fn embedded_options(&self) -> crate::store::embedded::Options {
        crate::store::embedded::Options {
            purge_every: self.purge_interval(),
            cache_bytes: usize::try_from(self.store_cache_mb << 20).unwrap_or(usize::MAX),
            min_free_disk: self.min_free_disk.unwrap_or_default(),
            max_stored_bytes: self.max_stored_bytes.map_or(0, |b| b.0),
            max_receipts: self.max_receipts,
        }
    }

    /// A configuration for tests and embedding: embedded store in `data_dir`,
    /// loopback, a free port, plain-http links.
    pub fn for_tests(data_dir: PathBuf) -> Self {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Wrapper {
            #[command(flatten)]
            config: Config,
        }
        // Parse from no arguments and no environment influence beyond defaults.
        let mut config = Wrapper::parse_from(["hushlink"]).config;
        config.bind_address = "127.0.0.1".into();
        config.port = 0;
        config.metrics_addr = None;
        config.no_ssl = true;
        config.host_override = None;
        config.url_prefix = None;
        config.allowed_hosts = None;
        config.redis_url = None;
        config.redis_host = None;
        config.redis_port = None;
        config.redis_cluster = None;
        config.redis_ca_file = None;
        config.redis_wait_replicas = 0;
        config.store = Some(StoreKind::Embedded);
        config.legacy_bare_tokens = false;
        config.data_dir = data_dir;
        config.min_free_disk = None;
        config.max_stored_bytes = None;
        config.store_cache_mb = crate::store::embedded::DEFAULT_CACHE_MB;
        // Test machines can be slow and shared: a store call that is merely
        // slow must not turn into a 503 (tests of a store that is down
        // lower this on purpose).
        config.store_timeout_ms = 10_000;
        config.api_auth = ApiAuth::Open;
        config.web_form = true;
        config.bootstrap_token = None;
        config.bootstrap_token_file = None;
        config.admin_key_sha256 = None;
        config.webhook_url = None;
        config.webhook_secret = None;
        config.webhook_secret_file = None;
        config.header_timeout = 10;
        config.idle_timeout = 75;
        config.body_timeout = 60;
        config.max_connections = None;
        config.max_h2_streams = 32;
        // Tests make many secrets quickly from one address; the tests of the
        // limit set it.
        config.create_rate = 0;
        config.trusted_proxies = None;
        // Sign-in off; its switches as `hushlink serve` defaults them.
        config.oidc = crate::oidc::OidcConfig {
            provider_logout: true,
            ..Default::default()
        };
        config
    }
}

/// The default connection cap: 1024, or three quarters of the open-file
/// limit when that is lower, so the store, Redis connections and the side
/// listeners keep a quarter of the descriptors (never below 16).
pub fn default_max_connections(open_file_limit: Option<u64>) -> usize {
    const CAP: u64 = 1024;
    let cap = open_file_limit.map_or(CAP, |limit| (limit / 4 * 3).clamp(16, CAP));
    cap as usize
}

/// This process's soft limit on open files, from `/proc/self/limits`
/// (Linux); `None` where that cannot be read or says "unlimited".
pub fn open_file_limit() -> Option<u64> {
    parse_open_file_limit(&std::fs::read_to_string("/proc/self/limits").ok()?)
}

fn parse_open_file_limit(limits: &str) -> Option<u64> {
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line["Max open files".len()..]
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// Booleans as operators write them: true/false, 1/0, yes/no, on/off.
pub fn parse_bool(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" | "y" | "t" => Ok(true),
        "false" | "0" | "no" | "off" | "n" | "f" | "" => Ok(false),
        other => Err(format!(
            "'{other}' is not a boolean (use true/false, 1/0, yes/no or on/off)"
        )),
    }
}

/// Percent-encodes everything but unreserved characters, for URL userinfo.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans() {
        for t in ["true", "TRUE", "1", "yes", "on"] {
            assert_eq!(parse_bool(t), Ok(true));
        }
        for f in ["false", "0", "No", "off"] {
            assert_eq!(parse_bool(f), Ok(false));
        }
        assert!(parse_bool("maybe").is_err());
    }

    #[test]
    fn redis_url_from_parts() {
        let mut c = Config::for_tests(PathBuf::from("/tmp/x"));
        c.redis_host = Some("db".into());
        c.redis_port = Some(6380);
        c.redis_password = Some("p@ss word".into());
        c.redis_db = 2;
        assert_eq!(c.redis_url(), "redis://:p%40ss%20word@db:6380/2");
        c.store = None;
        assert_eq!(c.store_kind(), StoreKind::Redis);
    }

    #[test]
    fn cluster_seeds_are_a_comma_separated_list() {
        let mut c = Config::for_tests(PathBuf::from("/tmp/x"));
        c.store = None;
        assert_eq!(c.redis_cluster_nodes(), None);
        c.redis_cluster = Some(" , ".into());
        assert_eq!(c.redis_cluster_nodes(), None);
        assert_eq!(c.store_kind(), StoreKind::Embedded);
        c.redis_cluster = Some("redis://a:7000, rediss://:pw@b:7001,".into());
        assert_eq!(
            c.redis_cluster_nodes(),
            Some(vec!["redis://a:7000".into(), "rediss://:pw@b:7001".into()])
        );
        assert_eq!(c.store_kind(), StoreKind::Redis);
    }

    #[test]
    fn connection_cap_follows_the_open_file_limit() {
        assert_eq!(default_max_connections(None), 1024);
        assert_eq!(default_max_connections(Some(1_048_576)), 1024);
        assert_eq!(default_max_connections(Some(1024)), 768);
        assert_eq!(default_max_connections(Some(256)), 192);
        assert_eq!(default_max_connections(Some(8)), 16);
        let limits = "Limit                     Soft Limit           Hard Limit           Units\n\
                      Max cpu time              unlimited            unlimited            seconds\n\
                      Max open files            256                  524288               files\n";
        assert_eq!(parse_open_file_limit(limits), Some(256));
        assert_eq!(
            parse_open_file_limit("Max open files  unlimited  unlimited  files"),
            None
        );
    }

    #[test]
    fn metrics_addr_off_when_blank() {
        let mut c = Config::for_tests(PathBuf::from("/tmp/x"));
        assert!(matches!(c.metrics_addr(), Ok(None)));
        c.metrics_addr = Some(" ".into());
        assert!(matches!(c.metrics_addr(), Ok(None)));
        c.metrics_addr = Some("[::1]:9090".into());
        assert!(matches!(c.metrics_addr(), Ok(Some(a)) if a.port() == 9090));
        c.metrics_addr = Some("localhost:9090".into());
        let error = c
            .metrics_addr()
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.starts_with("HUSHLINK_METRICS_ADDR"), "{error}");
    }
}
