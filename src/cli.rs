//! The operator's commands: `hushlink api-key …` and `hushlink bootstrap`.
//!
//! They take the same configuration as `serve` (flags and environment), so
//! they find the same store. Every command is an HTTP request to the admin
//! routes: sent over the running server's local admin socket when there is
//! one (the embedded store is locked by that server), or handled in-process
//! by the same router over the store opened here (no server running, or
//! Redis, which any number of processes may share). One code path, so the
//! CLI and the admin API cannot disagree.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use clap::{Args, Subcommand};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::apikey::{ApiKey, Scope};
use crate::config::{Config, StoreKind};
use crate::http::{self, AppState};
use crate::keys;
use crate::store::DynStore;

/// Exit codes, as `--help` documents them.
pub mod exit {
    /// A change was refused because of the current state (name taken, last
    /// admin key, already bootstrapped).
    pub const CONFLICT: u8 = 3;
    /// No key of that name.
    pub const NOT_FOUND: u8 = 4;
    /// Anything else: store unreachable, bad input, I/O.
    pub const FAILURE: u8 = 1;
}

/// `hushlink api-key`: manage API keys.
#[derive(Args)]
#[command(
    after_help = "Exit codes: 0 done, 1 failure (store unreachable, bad input), \
2 usage, 3 conflict (name taken, last admin key), 4 no such key."
)]
pub struct ApiKeyCommand {
    #[command(subcommand)]
    pub action: ApiKeyAction,
    #[command(flatten)]
    pub config: Box<Config>,
}

#[derive(Subcommand)]
pub enum ApiKeyAction {
    /// Create a key and print it once (alone on stdout, for scripts).
    Create {
        /// Unique name: 1-64 characters of A-Z a-z 0-9 . _ -
        #[arg(long)]
        name: String,
        #[arg(long)]
        description: Option<String>,
        /// Scope (repeatable); default `create`. `admin` implies `create`.
        #[arg(long = "scope", value_enum)]
        scopes: Vec<Scope>,
        /// Lifetime such as 90d, 12h, 2w.
        #[arg(long, conflicts_with = "expires_at")]
        expires_in: Option<String>,
        /// Expiry as RFC 3339, e.g. 2027-01-31T12:00:00Z.
        #[arg(long)]
        expires_at: Option<String>,
        /// Creates a minute of this key's own, counted per key (higher or
        /// lower than HUSHLINK_CREATE_RATE per address); 0: unlimited.
        #[arg(long = "key-create-rate", value_name = "PER_MINUTE")]
        key_create_rate: Option<u32>,
        /// Print `{name, key, description, scopes, created_at, expires_at, create_rate}`.
        #[arg(long)]
        json: bool,
    },
    /// Change a key's description or create rate.
    Update {
        name: String,
        #[arg(long)]
        description: Option<String>,
        /// Creates a minute of the key's own (0: unlimited), or `default`
        /// for HUSHLINK_CREATE_RATE per client address.
        #[arg(long = "key-create-rate", value_name = "PER_MINUTE|default", value_parser = parse_create_rate)]
        key_create_rate: Option<CreateRate>,
    },
    /// List keys (never a key or a hash).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Stop a key from working, keeping its record.
    Disable { name: String },
    /// Let a disabled key work again.
    Enable { name: String },
    /// Delete a key.
    Delete { name: String },
    /// Give a key a new name.
    Rename { old: String, new: String },
    /// Replace a key by a new one (same name and scopes); the old one dies at once.
    Rotate {
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Print a fresh key and its SHA-256 without touching any store (for
    /// HUSHLINK_ADMIN_KEY_SHA256).
    Generate {
        #[arg(long)]
        json: bool,
    },
}

/// `hushlink bootstrap`: make the first admin key on this host.
#[derive(Args)]
#[command(after_help = "Exit codes: 0 done, 1 failure, 2 usage, 3 already bootstrapped.")]
pub struct BootstrapCommand {
    /// Name of the admin key.
    #[arg(long, default_value = "admin")]
    pub name: String,
    /// Write the key to this file (owner-only permissions) instead of stdout.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Forget that the store was bootstrapped, so one more bootstrap works.
    #[arg(long, conflicts_with = "output")]
    pub reset: bool,
    /// Creates a minute of the admin key's own (0: unlimited); default:
    /// HUSHLINK_CREATE_RATE per client address.
    #[arg(
        long = "key-create-rate",
        value_name = "PER_MINUTE",
        conflicts_with = "reset"
    )]
    pub key_create_rate: Option<u32>,
    #[command(flatten)]
    pub config: Box<Config>,
}

/// `--key-create-rate` of `api-key update`: a rate, or back to the default.
#[derive(Debug, Clone, Copy)]
pub enum CreateRate {
    PerMinute(u32),
    Default,
}

fn parse_create_rate(s: &str) -> Result<CreateRate, String> {
    if s.eq_ignore_ascii_case("default") {
        return Ok(CreateRate::Default);
    }
    s.parse()
        .map(CreateRate::PerMinute)
        .map_err(|_| format!("'{s}' is neither a number of creates a minute nor 'default'"))
}

/// How the CLI reaches the admin routes.
enum Channel {
    /// A running server's local admin socket.
    Socket(PathBuf),
    /// The admin router in this process, over a store opened here.
    InProcess {
        router: axum::Router,
        store: DynStore,
    },
}

impl Channel {
    /// Reaches the configured store, never creating one: a command run
    /// from the wrong directory (the default data directory is relative) or
    /// with the wrong settings must not make a new, empty store that no
    /// server knows, and report success. Says on stderr which store it used.
    async fn open(config: &Config) -> anyhow::Result<Self> {
        match config.store_kind() {
            StoreKind::Embedded => {
                let dir = std::path::absolute(&config.data_dir)
                    .unwrap_or_else(|_| config.data_dir.clone());
                let socket = crate::admin_socket::path(&config.data_dir);
                if tokio::net::UnixStream::connect(&socket).await.is_ok() {
                    eprintln!(
                        "hushlink: using the embedded store in {} (through the running server)",
                        dir.display()
                    );
                    return Ok(Channel::Socket(config.data_dir.clone()));
                }
                let file = config.data_dir.join(crate::store::embedded::FILE_NAME);
                if !file.is_file() {
                    anyhow::bail!(
                        "no hushlink store in {} (HUSHLINK_DATA_DIR or --data-dir; the default \
                         ./hushlink-data is relative to the current directory). Nothing was \
                         changed. Give this command the server's settings, or start \
                         `hushlink serve` once to create the store.",
                        dir.display()
                    );
                }
                eprintln!(
                    "hushlink: using the embedded store in {} (no server running)",
                    dir.display()
                );
            }
            StoreKind::Redis => {
                let target = match config.redis_cluster_nodes() {
                    Some(nodes) => format!(
                        "the Redis Cluster at {}",
                        nodes
                            .iter()
                            .map(|n| without_password(n))
                            .collect::<Vec<_>>()
                            .join(",")
                    ),
                    None => format!("Redis at {}", without_password(&config.redis_url())),
                };
                eprintln!(
                    "hushlink: using {target}, REDIS_PREFIX '{}'",
                    config.redis_prefix
                );
            }
        }
        let store = crate::open_store(config).context(
            "cannot open the store (is a server running on it without its admin socket?)",
        )?;
        let state = AppState::from_config(config, store.clone())?;
        Ok(Channel::InProcess {
            router: http::local_admin_router(state),
            store,
        })
    }

    /// One admin request; the answer's status and JSON body.
    async fn call(
        &self,
        method: Method,
        uri: &str,
        body: Option<Value>,
    ) -> anyhow::Result<(StatusCode, Value)> {
        let body = body.map(|b| b.to_string().into_bytes());
        let (status, bytes) = match self {
            Channel::Socket(dir) => crate::admin_socket::request(dir, method, uri, body)
                .await?
                .context("the server's admin socket stopped answering")?,
            Channel::InProcess { router, .. } => {
                let request = Request::builder()
                    .method(method)
                    .uri(uri)
                    .header(header::HOST, "localhost")
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(Body::from(body.unwrap_or_default()))?;
                let response = router.clone().oneshot(request).await?;
                let status = response.status();
                (status, response.into_body().collect().await?.to_bytes())
            }
        };
        let value = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or(Value::Null)
        };
        Ok((status, value))
    }

    async fn close(self) {
        if let Channel::InProcess { store, .. } = self {
            store.close().await;
        }
    }
}

/// A Redis URL fit to print: any password replaced by `***`.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => {
            let user = rest[..at].split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***{}", &rest[at..])
        }
        None => url.to_owned(),
    }
}

/// Turns an error answer into a message on stderr and an exit code.
fn refused(status: StatusCode, body: &Value) -> ExitCode {
    let title = body["title"].as_str().unwrap_or("request failed");
    let mut message = format!("hushlink: {title}");
    if let Some(params) = body["invalid-params"].as_array() {
        for p in params {
            if let (Some(name), Some(reason)) = (p["name"].as_str(), p["reason"].as_str()) {
                message.push_str(&format!("\n  {name}: {reason}"));
            }
        }
    }
    eprintln!("{message}");
    ExitCode::from(match status {
        StatusCode::CONFLICT => exit::CONFLICT,
        StatusCode::NOT_FOUND => exit::NOT_FOUND,
        _ => exit::FAILURE,
    })
}

/// Path segment for a key name (names are `[A-Za-z0-9._-]`, but a typo
/// must not turn into another path).
fn segment(name: &str) -> String {
    form_urlencoded::byte_serialize(name.as_bytes()).collect()
}

fn print_new_key(body: &Value, as_json: bool) {
    if as_json {
        println!("{body:#}");
    } else {
        println!("{}", body["key"].as_str().unwrap_or_default());
    }
}

pub async fn api_key(cmd: ApiKeyCommand) -> anyhow::Result<ExitCode> {
    if let ApiKeyAction::Generate { json } = cmd.action {
        let key = ApiKey::generate();
        let sha = key.hash().to_hex();
        if json {
            println!("{:#}", json!({ "key": key.expose(), "sha256": sha }));
        } else {
            println!("{}\n{sha}", key.expose());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let channel = Channel::open(&cmd.config).await?;
    let result = run_action(&channel, cmd.action).await;
    channel.close().await;
    result
}

async fn run_action(channel: &Channel, action: ApiKeyAction) -> anyhow::Result<ExitCode> {
    let patch = |name: &str, body: Value| {
        (
            Method::PATCH,
            format!("/api/v2/keys/{}", segment(name)),
            Some(body),
        )
    };
    let (method, uri, body, done): (Method, String, Option<Value>, &str) = match &action {
        ApiKeyAction::Create {
            name,
            description,
            scopes,
            expires_in,
            expires_at,
            key_create_rate,
            ..
        } => {
            let expires_at = match (expires_in, expires_at) {
                (Some(lifetime), _) => {
                    let secs = keys::parse_lifetime(lifetime)
                        .map_err(|e| anyhow::anyhow!("--expires-in: {e}"))?;
                    Some(keys::rfc3339(keys::now_secs() + secs))
                }
                (None, at) => at.clone(),
            };
            (
                Method::POST,
                "/api/v2/keys".into(),
                Some(json!({
                    "name": name,
                    "description": description,
                    "scopes": scopes,
                    "expires_at": expires_at,
                    "create_rate": key_create_rate,
                })),
                "",
            )
        }
        ApiKeyAction::Update {
            name,
            description,
            key_create_rate,
        } => {
            let mut body = serde_json::Map::new();
            if let Some(description) = description {
                body.insert("description".into(), json!(description));
            }
            match key_create_rate {
                Some(CreateRate::PerMinute(n)) => {
                    body.insert("create_rate".into(), json!(n));
                }
                Some(CreateRate::Default) => {
                    body.insert("create_rate".into(), Value::Null);
                }
                None => {}
            }
            let (m, u, b) = patch(name, Value::Object(body));
            (m, u, b, "updated")
        }
        ApiKeyAction::List { .. } => (Method::GET, "/api/v2/keys".into(), None, ""),
        ApiKeyAction::Disable { name } => {
            let (m, u, b) = patch(name, json!({ "disabled": true }));
            (m, u, b, "disabled")
        }
        ApiKeyAction::Enable { name } => {
            let (m, u, b) = patch(name, json!({ "disabled": false }));
            (m, u, b, "enabled")
        }
        ApiKeyAction::Rename { old, new } => {
            let (m, u, b) = patch(old, json!({ "name": new }));
            (m, u, b, "renamed")
        }
        ApiKeyAction::Delete { name } => (
            Method::DELETE,
            format!("/api/v2/keys/{}", segment(name)),
            None,
            "deleted",
        ),
        ApiKeyAction::Rotate { name, .. } => (
            Method::POST,
            format!("/api/v2/keys/{}/rotate", segment(name)),
            None,
            "",
        ),
        ApiKeyAction::Generate { .. } => unreachable!("handled without a store"),
    };
    let (status, answer) = channel.call(method, &uri, body).await?;
    if !status.is_success() {
        return Ok(refused(status, &answer));
    }
    match action {
        ApiKeyAction::Create { json, .. } | ApiKeyAction::Rotate { json, .. } => {
            print_new_key(&answer, json)
        }
        ApiKeyAction::List { json: true } => println!("{answer:#}"),
        ApiKeyAction::List { json: false } => print_table(&answer),
        _ => eprintln!("hushlink: API key {done}"),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(keys: &Value) {
    let rows: Vec<[String; 7]> = keys
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|k| {
            let text = |v: &Value| v.as_str().unwrap_or("-").to_owned();
            let scopes = k["scopes"]
                .as_array()
                .map(|s| {
                    s.iter()
                        .filter_map(Value::as_str)
                        .collect::<Vec<_>>()
                        .join(",")
                })
                .unwrap_or_default();
            [
                text(&k["name"]),
                scopes,
                text(&k["created_at"]),
                text(&k["expires_at"]),
                text(&k["last_used_at"]),
                text(&k["status"]),
                k["create_rate"]
                    .as_u64()
                    .map_or_else(|| "default".to_owned(), |n| n.to_string()),
            ]
        })
        .collect();
    let header = [
        "NAME",
        "SCOPES",
        "CREATED",
        "EXPIRES",
        "LAST USED",
        "STATUS",
        "CREATE RATE",
    ]
    .map(String::from);
    let mut widths = header.clone().map(|h| h.len());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.len());
        }
    }
    let mut out = std::io::stdout().lock();
    for row in std::iter::once(&header).chain(&rows) {
        let line: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
    }
}

pub async fn bootstrap(cmd: BootstrapCommand) -> anyhow::Result<ExitCode> {
    let channel = Channel::open(&cmd.config).await?;
    let result = run_bootstrap(&channel, &cmd).await;
    channel.close().await;
    result
}

async fn run_bootstrap(channel: &Channel, cmd: &BootstrapCommand) -> anyhow::Result<ExitCode> {
    if cmd.reset {
        let (status, answer) = channel
            .call(Method::POST, "/_/local/bootstrap/reset", None)
            .await?;
        if !status.is_success() {
            return Ok(refused(status, &answer));
        }
        eprintln!(
            "hushlink: bootstrap reset: the store accepts one more bootstrap (existing keys are unchanged)"
        );
        return Ok(ExitCode::SUCCESS);
    }
    let (status, answer) = channel
        .call(
            Method::POST,
            "/api/v2/bootstrap",
            Some(json!({ "name": cmd.name, "create_rate": cmd.key_create_rate })),
        )
        .await?;
    if !status.is_success() {
        return Ok(refused(status, &answer));
    }
    let key = answer["key"].as_str().unwrap_or_default();
    match &cmd.output {
        Some(path) => {
            write_private(path, key)?;
            eprintln!("hushlink: admin key written to {}", path.display());
        }
        None => println!("{key}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes `key` to `path`, readable by its owner only.
fn write_private(path: &std::path::Path, key: &str) -> anyhow::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    writeln!(file, "{key}")?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_redis_urls_carry_no_password() {
        assert_eq!(
            without_password("redis://:hunter2@db:6379/0"),
            "redis://:***@db:6379/0"
        );
        assert_eq!(
            without_password("rediss://app:p@ss@db/1"),
            "rediss://app:***@db/1"
        );
        assert_eq!(
            without_password("redis://127.0.0.1:6379/0"),
            "redis://127.0.0.1:6379/0"
        );
        assert_eq!(without_password("db:6379"), "db:6379");
    }
}
