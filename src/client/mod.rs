//! `hushlink send | get | check`: the client for people and pipelines.
//!
//! Against a hushlink server, `send` makes a zero-knowledge link by default
//! (`client::zk`: encrypted here, the key only in the link's fragment);
//! `--server-side` asks for a SnapPass-format link. `get` and `check` tell
//! the two kinds apart by the link. For SnapPass-format links it speaks
//! SnapPass's REST API (`/api/v2/passwords`), so it works with any
//! hushlink and any current SnapPass. SnapPass 1.6 (the release on PyPI)
//! predates that API; when a server answers the API with a plain 404 (not a
//! problem document), the client falls back to the web form and the reveal
//! page, which every SnapPass has.
//!
//! What it promises a pipeline: the link alone on stdout after `send`; the
//! secret alone and byte-exact after `get`; one exit code per outcome
//! ([`Failure::exit_code`]); and no link, token or API key in any message,
//! because stderr ends up in CI logs. A 503 or a refused connection is
//! tried again ([`send_retrying`]), so a failover behind the server does
//! not fail the pipeline. A key is read from `HUSHLINK_API_KEY`
//! or a file, never from an argument, which would leave it in shell history
//! and process lists.

pub mod link;
pub mod payload;
pub mod receipt;
pub mod zk;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, LOCATION};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

use crate::keys::parse_lifetime;
use link::{Link, LinkError};

const EXIT_CODES: &str = "Exit codes: 0 done; 1 failure (bad answer, I/O); 2 bad usage; \
4 not found (expired, already viewed, or never made); 5 damaged link (nothing was revealed); \
6 server unreachable; 7 refused (401/403: missing, wrong or insufficient API key); \
8 wrong passphrase (nothing was revealed; after too many the secret is destroyed). \
With --receipt-file, 1 also when the secret was stored but the receipt file could not be written.";

/// How a client command failed; each kind has its own exit code.
#[derive(Debug)]
pub enum Failure {
    /// A command line or input the client cannot use.
    Usage(String),
    /// The secret is not there: expired, viewed or never made.
    NotFound,
    /// The link cannot open any secret; nothing was consumed.
    Damaged,
    /// No answer from the server.
    Unreachable(String),
    /// The server refused the API key (or its absence).
    Refused(String),
    /// A zero-knowledge secret's passphrase was wrong; no view was used.
    WrongPassphrase {
        attempts_left: u64,
        /// That was the last attempt: the secret is gone.
        destroyed: bool,
    },
    /// A receipt says the secret's life is over (or there is no receipt);
    /// the message says which.
    Gone(String),
    /// Anything else: an unexpected answer, a local I/O error.
    Other(String),
}

impl Failure {
    /// The documented exit code (see [`EXIT_CODES`]).
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Other(_) => 1,
            Failure::Usage(_) => 2,
            Failure::NotFound | Failure::Gone(_) => 4,
            Failure::Damaged => 5,
            Failure::Unreachable(_) => 6,
            Failure::Refused(_) => 7,
            Failure::WrongPassphrase { .. } => 8,
        }
    }

    fn message(&self) -> String {
        match self {
            Failure::NotFound => {
                "secret not found: it expired, was already viewed, or never existed".into()
            }
            Failure::Damaged => {
                "the link is damaged or incomplete (copy it again); nothing was revealed".into()
            }
            Failure::WrongPassphrase {
                destroyed: true, ..
            } => {
                "wrong passphrase: that was the last attempt, the secret has been destroyed".into()
            }
            Failure::WrongPassphrase { attempts_left, .. } => format!(
                "wrong passphrase: nothing was revealed and the link still works \
                 ({attempts_left} attempt(s) left)"
            ),
            Failure::Usage(m)
            | Failure::Unreachable(m)
            | Failure::Refused(m)
            | Failure::Gone(m)
            | Failure::Other(m) => m.clone(),
        }
    }
}

/// Prints a failure on stderr and turns the outcome into an exit code.
pub fn report(outcome: Result<(), Failure>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("hushlink: {}", failure.message());
            ExitCode::from(failure.exit_code())
        }
    }
}

/// `hushlink send`: store a secret, print its link.
#[derive(Args)]
#[command(after_help = EXIT_CODES)]
pub struct SendCommand {
    /// The server's base URL, with any URL prefix (e.g. https://secrets.example.com/).
    #[arg(long, env = "HUSHLINK_SERVER", value_name = "URL")]
    pub server: String,
    /// How long the link lives: 1h, 1d, 1w, 2w, or any N with s, m, h, d, w, or seconds.
    #[arg(long, default_value = "1w", value_parser = parse_lifetime)]
    pub ttl: u64,
    /// How many times the link can be revealed (hushlink servers; SnapPass allows 1).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub views: u32,
    /// Read the secret from this file instead of stdin.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Read the API key from this file (or set HUSHLINK_API_KEY).
    #[arg(long, value_name = "FILE")]
    pub api_key_file: Option<PathBuf>,
    /// Refused: a key given as an argument lands in shell history and process lists.
    #[arg(long, hide = true, value_name = "KEY")]
    pub api_key: Option<String>,
    /// Make a SnapPass-format link (the server encrypts) instead of a
    /// zero-knowledge one (encrypted here, the key only in the link).
    #[arg(long, conflicts_with_all = ["passphrase_file", "passphrase"])]
    pub server_side: bool,
    /// Protect the link with the passphrase in this file (one trailing
    /// newline is dropped); the reader must give it too.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// Ask for a passphrase (echo off; needs a terminal).
    #[arg(long, conflicts_with = "passphrase_file")]
    pub passphrase: bool,
    /// Write the secret's receipt (its address, for `hushlink status` and
    /// `hushlink burn`) to this file, created with mode 0600.
    #[arg(long, value_name = "FILE")]
    pub receipt_file: Option<PathBuf>,
}

/// `hushlink get`: reveal a secret (consumes a view).
#[derive(Args)]
#[command(after_help = EXIT_CODES)]
pub struct GetCommand {
    /// The link, or `-` to read it from stdin (keeps it out of shell history).
    pub link: String,
    /// Write the secret to this file (created with mode 0600) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The passphrase of a zero-knowledge link, from this file; without it
    /// you are asked (echo off) when one is needed and stdin is a terminal.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
}

/// `hushlink check`: is the secret still there? Consumes nothing.
#[derive(Args)]
#[command(after_help = EXIT_CODES)]
pub struct CheckCommand {
    /// The link, or `-` to read it from stdin.
    pub link: String,
}

/// `hushlink healthcheck`: exit 0 when a server's health route answers 200
/// (the container image has no shell or curl for a `HEALTHCHECK`).
#[derive(Args)]
pub struct HealthcheckCommand {
    /// The health URL; default: this host's server on SNAPPASS_PORT.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    #[arg(long, env = "SNAPPASS_PORT", default_value_t = 5000, hide = true)]
    pub port: u16,
}

pub async fn healthcheck(cmd: HealthcheckCommand) -> Result<(), Failure> {
    let url = cmd
        .url
        .unwrap_or_else(|| format!("http://127.0.0.1:{}/_/_/health", cmd.port));
    let response = http_client()?
        .get(url)
        .timeout(Duration::from_secs(3))
        .send()
        .await
        .map_err(unreachable)?;
    match response.status() {
        StatusCode::OK => Ok(()),
        status => Err(Failure::Other(format!("unhealthy: {status}"))),
    }
}

/// SnapPass 1.6's form accepts these lifetimes only, by name.
const FORM_TTLS: [(u64, &str); 4] = [
    (3_600, "Hour"),
    (86_400, "Day"),
    (604_800, "Week"),
    (1_209_600, "Two Weeks"),
];

pub async fn send(cmd: SendCommand) -> Result<(), Failure> {
    if cmd.api_key.is_some() {
        return Err(Failure::Usage(
            "--api-key is not accepted (it would stay in shell history and process lists): \
             set HUSHLINK_API_KEY or use --api-key-file"
                .into(),
        ));
    }
    let api_key = read_api_key(cmd.api_key_file.as_deref())?;
    let base = server_base(&cmd.server)?;
    let passphrase = if cmd.passphrase || cmd.passphrase_file.is_some() {
        Some(
            zk::read_passphrase(cmd.passphrase_file.as_deref(), true)?.ok_or_else(|| {
                Failure::Usage("--passphrase needs a terminal; use --passphrase-file".into())
            })?,
        )
    } else {
        None
    };
    let secret = read_secret(cmd.file.as_deref())?;
    if secret.is_empty() {
        return Err(Failure::Usage("the secret is empty".into()));
    }
    let receipt_file = cmd
        .receipt_file
        .as_deref()
        .map(receipt::ReceiptFile::create)
        .transpose()?;
    let http = http_client()?;
    if !cmd.server_side {
        let sent = zk::send(
            &http,
            &base,
            api_key.as_deref(),
            secret.clone(),
            passphrase.as_deref(),
            cmd.ttl,
            cmd.views,
        )
        .await?;
        match sent {
            zk::Sent::Link(link, created) => {
                println!("{link}");
                return match receipt_file {
                    Some(file) => file.write(&created),
                    None => Ok(()),
                };
            }
            zk::Sent::Unsupported if passphrase.is_some() => {
                return Err(Failure::Usage(
                    "this server has no zero-knowledge links, so no passphrase; nothing was stored"
                        .into(),
                ));
            }
            zk::Sent::Unsupported => eprintln!(
                "hushlink: this server has no zero-knowledge links; \
                 making a server-encrypted (SnapPass-format) link"
            ),
        }
    }
    let password = payload::armour(secret);

    let mut request = http
        .post(format!("{base}api/v2/passwords"))
        .json(&json!({ "password": password, "ttl": cmd.ttl, "views": cmd.views }));
    if let Some(key) = &api_key {
        request = request.header(AUTHORIZATION, format!("Bearer {key}"));
    }
    let response = send_retrying(request).await?;
    let (link, created) = match response.status() {
        StatusCode::OK => {
            let body = json_body(response).await?;
            let link = body["links"]
                .as_array()
                .and_then(|links| links.iter().find(|l| l["rel"] == "web-view"))
                .and_then(|l| l["href"].as_str())
                .map(str::to_owned)
                .ok_or_else(|| Failure::Other("the server's answer holds no link".into()))?;
            (link, body)
        }
        StatusCode::NOT_FOUND if !is_problem(&response) => (
            send_by_form(&http, &base, &password, &cmd).await?,
            Value::Null,
        ),
        _ => return Err(refusal(response, Some(&base)).await),
    };
    println!("{link}");
    match receipt_file {
        Some(file) => file.write(&created),
        None => Ok(()),
    }
}

/// Stores through the web form, as SnapPass 1.6 (no REST API) allows.
async fn send_by_form(
    http: &reqwest::Client,
    base: &str,
    password: &str,
    cmd: &SendCommand,
) -> Result<String, Failure> {
    if cmd.views != 1 {
        return Err(Failure::Usage(
            "this server has no REST API (SnapPass 1.6): it cannot count views; \
             nothing was stored"
                .into(),
        ));
    }
    let Some((_, ttl_name)) = FORM_TTLS.iter().find(|(secs, _)| *secs == cmd.ttl) else {
        return Err(Failure::Usage(
            "this server has no REST API (SnapPass 1.6): --ttl must be 1h, 1d, 1w or 2w; \
             nothing was stored"
                .into(),
        ));
    };
    let response = send_retrying(
        http.post(base)
            .header(ACCEPT, "application/json")
            .form(&[("password", password), ("ttl", ttl_name)]),
    )
    .await?;
    if response.status() != StatusCode::OK {
        return Err(refusal(response, Some(base)).await);
    }
    let body = json_body(response).await?;
    body["link"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| Failure::Other("the server's answer holds no link".into()))
}

pub async fn get(cmd: GetCommand) -> Result<(), Failure> {
    let http = http_client()?;
    let link = match read_link(&cmd.link)? {
        AnyLink::Zk(link) => {
            let secret = zk::get(&http, &link, cmd.passphrase_file.as_deref()).await?;
            return write_secret(cmd.output.as_deref(), &secret);
        }
        AnyLink::SnapPass(link) => link,
    };
    let response =
        send_retrying(http.get(link.api_url()).header(ACCEPT, "application/json")).await?;
    let password = match response.status() {
        StatusCode::OK => json_body(response).await?["password"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| Failure::Other("the server's answer holds no secret".into()))?,
        StatusCode::NOT_FOUND if !is_problem(&response) => reveal_by_page(&http, &link).await?,
        _ => return Err(refusal(response, None).await),
    };
    write_secret(cmd.output.as_deref(), &payload::unarmour(password))
}

/// Reveals through the web page, as SnapPass 1.6 (no REST API) allows.
async fn reveal_by_page(http: &reqwest::Client, link: &Link) -> Result<String, Failure> {
    let response = send_retrying(http.post(link.web_url())).await?;
    if response.status() != StatusCode::OK {
        return Err(refusal(response, None).await);
    }
    let page = response.text().await.map_err(unreachable)?;
    secret_from_page(&page).ok_or_else(|| {
        Failure::Other("the reveal page holds no secret this client can read".into())
    })
}

pub async fn check(cmd: CheckCommand) -> Result<(), Failure> {
    let http = http_client()?;
    let link = match read_link(&cmd.link)? {
        AnyLink::Zk(link) => {
            println!("{}", zk::check(&http, &link).await?);
            return Ok(());
        }
        AnyLink::SnapPass(link) => link,
    };
    let response = send_retrying(http.head(link.api_url())).await?;
    let views_left = match response.status() {
        StatusCode::OK => response
            .headers()
            .get("x-views-remaining")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u32>().ok()),
        StatusCode::NOT_FOUND => {
            // A HEAD has no body to tell a missing secret from a server
            // without the API (SnapPass 1.6); the preview page, which
            // consumes nothing on either, settles it.
            let preview = send_retrying(http.get(link.web_url())).await?;
            match preview.status() {
                StatusCode::OK => None,
                _ => return Err(refusal(preview, None).await),
            }
        }
        _ => return Err(refusal(response, None).await),
    };
    match views_left {
        Some(n) => println!("available ({n} view(s) left)"),
        None => println!("available"),
    }
    Ok(())
}

/// Maps an unsuccessful answer to a failure. `base` is given when the
/// request URL holds no token, so a redirect target may be named.
async fn refusal(response: Response, base: Option<&str>) -> Failure {
    let status = response.status();
    if status.is_redirection() {
        let target = response
            .headers()
            .get(LOCATION)
            .and_then(|v| v.to_str().ok())
            .filter(|_| base.is_some())
            .map(|to| format!(" to {to}"))
            .unwrap_or_default();
        return Failure::Other(format!(
            "the server answered {status} (a redirect{target}); redirects are not followed, \
             because they lose the request body: use the final address"
        ));
    }
    let problem = is_problem(&response);
    let body: Value = if problem {
        response.json().await.unwrap_or(Value::Null)
    } else {
        Value::Null
    };
    let slug = body["type"]
        .as_str()
        .and_then(|t| t.rsplit('/').next())
        .unwrap_or_default();
    let title = body["title"].as_str().unwrap_or_default();
    match status {
        StatusCode::NOT_FOUND => Failure::NotFound,
        StatusCode::BAD_REQUEST if slug == "damaged-link" => Failure::Damaged,
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Failure::Refused(format!(
            "refused ({status}): {}",
            if title.is_empty() {
                "an API key with the create scope is needed (HUSHLINK_API_KEY or --api-key-file)"
            } else {
                title
            }
        )),
        _ => {
            let fields: Vec<String> = body["invalid-params"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|p| {
                    let name = p["name"].as_str()?;
                    Some(match p["reason"].as_str() {
                        Some(reason) => format!("{name}: {reason}"),
                        None => name.to_owned(),
                    })
                })
                .collect();
            let detail = match (title.is_empty(), fields.is_empty()) {
                (true, _) => String::new(),
                (false, true) => format!(": {title}"),
                (false, false) => format!(": {title} ({})", fields.join("; ")),
            };
            Failure::Other(format!("the server answered {status}{detail}"))
        }
    }
}

fn is_problem(response: &Response) -> bool {
    response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/problem+json"))
}

async fn json_body(response: Response) -> Result<Value, Failure> {
    response
        .json()
        .await
        .map_err(|_| Failure::Other("the server's answer is not the JSON expected".into()))
}

/// A client that never follows redirects (a redirected POST loses its body,
/// and a redirect could carry the key elsewhere) and gives up on a dead
/// server in bounded time.
fn http_client() -> Result<reqwest::Client, Failure> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .user_agent(concat!("hushlink/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Failure::Other(format!("cannot set up HTTP: {e}")))
}

/// How many times a request is sent at most (see [`send_retrying`]).
const ATTEMPTS: u32 = 3;
/// The longest wait between two attempts, whatever `Retry-After` says.
const MAX_RETRY_WAIT: Duration = Duration::from_secs(10);

/// Sends `request`, and again (up to [`ATTEMPTS`] in all) when the server
/// answers 503 or no connection could be made. Both are safe to retry: a
/// 503 from hushlink consumed and changed nothing (a reveal, a wrong
/// passphrase; a create that Redis stored late is never linked and expires,
/// docs/api.md), and a connection that was never made carried nothing. A
/// request that reached the server and lost its answer is not sent again:
/// a reveal may have been consumed, and a second one would get 404. Waits
/// as `Retry-After` asks (at most [`MAX_RETRY_WAIT`]; 1 s without one),
/// and says so on stderr, without the URL.
async fn send_retrying(request: reqwest::RequestBuilder) -> Result<Response, Failure> {
    let mut attempt = 1;
    loop {
        let this = request
            .try_clone()
            .ok_or_else(|| Failure::Other("cannot repeat this request".into()))?;
        let (wait, why) = match this.send().await {
            Ok(response) if response.status() == StatusCode::SERVICE_UNAVAILABLE => {
                if attempt == ATTEMPTS {
                    return Ok(response);
                }
                (retry_after(&response), "the server is unavailable for now")
            }
            Ok(response) => return Ok(response),
            Err(e) if e.is_connect() && attempt < ATTEMPTS => {
                (Duration::from_secs(1), "cannot connect to the server")
            }
            Err(e) => return Err(unreachable(e)),
        };
        eprintln!(
            "hushlink: {why}; trying again in {} s (attempt {} of {ATTEMPTS})",
            wait.as_secs(),
            attempt + 1
        );
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

/// The wait a 503 asks for (`Retry-After` in seconds), within bounds.
fn retry_after(response: &Response) -> Duration {
    response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(Duration::from_secs(1), Duration::from_secs)
        .min(MAX_RETRY_WAIT)
}

/// Transport errors, without the URL (it may hold a token).
fn unreachable(e: reqwest::Error) -> Failure {
    Failure::Unreachable(format!("server unreachable: {}", e.without_url()))
}

/// `--server` as a base URL ending in `/`.
fn server_base(raw: &str) -> Result<String, Failure> {
    let raw = raw.trim();
    let ok = ["http://", "https://"]
        .iter()
        .any(|scheme| raw.len() > scheme.len() && raw.starts_with(scheme));
    if !ok {
        return Err(Failure::Usage(
            "--server (or HUSHLINK_SERVER) must be an http:// or https:// URL".into(),
        ));
    }
    Ok(format!("{}/", raw.trim_end_matches('/')))
}

/// Either kind of link.
enum AnyLink {
    SnapPass(Link),
    Zk(zk::ZkLink),
}

fn read_link(arg: &str) -> Result<AnyLink, Failure> {
    let raw = if arg == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::Usage(format!("cannot read the link from stdin: {e}")))?;
        text
    } else {
        arg.to_owned()
    };
    let failure = |e| match e {
        LinkError::Damaged => Failure::Damaged,
        LinkError::NotALink => Failure::Usage(
            "that is not a hushlink or SnapPass link (http(s)://host/<token>)".into(),
        ),
    };
    if let Some(link) = zk::ZkLink::parse(&raw).map_err(failure)? {
        return Ok(AnyLink::Zk(link));
    }
    Link::parse(&raw).map(AnyLink::SnapPass).map_err(failure)
}

/// The API key, from `--api-key-file` or `HUSHLINK_API_KEY`; `None` when
/// neither is set (the server may not need one).
fn read_api_key(file: Option<&Path>) -> Result<Option<String>, Failure> {
    let key = match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| {
            Failure::Usage(format!(
                "cannot read --api-key-file {}: {e}",
                path.display()
            ))
        })?,
        None => std::env::var("HUSHLINK_API_KEY").unwrap_or_default(),
    };
    let key = key.trim();
    if key.is_empty() {
        return Ok(None);
    }
    // A header value cannot hold control characters; say so without the key.
    if !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(Failure::Usage(
            "the API key holds characters no key has (check the file or variable)".into(),
        ));
    }
    Ok(Some(key.to_owned()))
}

/// The secret from `--file`, from a prompt with echo off when stdin is a
/// terminal, or from stdin to its end, exactly as given.
fn read_secret(file: Option<&Path>) -> Result<Vec<u8>, Failure> {
    if let Some(path) = file {
        return std::fs::read(path)
            .map_err(|e| Failure::Usage(format!("cannot read --file {}: {e}", path.display())));
    }
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password("Secret (not shown): ")
            .map(String::into_bytes)
            .map_err(|e| Failure::Usage(format!("cannot read the secret: {e}")));
    }
    let mut secret = Vec::new();
    std::io::stdin()
        .read_to_end(&mut secret)
        .map_err(|e| Failure::Usage(format!("cannot read the secret from stdin: {e}")))?;
    Ok(secret)
}

/// Writes the secret to stdout, or to a new owner-only file, synced.
fn write_secret(output: Option<&Path>, secret: &[u8]) -> Result<(), Failure> {
    let io = |e: std::io::Error| Failure::Other(format!("cannot write the secret: {e}"));
    match output {
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(secret)
                .and_then(|()| stdout.flush())
                .map_err(io)
        }
        Some(path) => {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            let mut file = options.open(path).map_err(io)?;
            file.write_all(secret)
                .and_then(|()| file.sync_all())
                .map_err(io)
        }
    }
}

/// The secret on SnapPass's reveal page: the content of the textarea with
/// id `password-text`, HTML-unescaped.
fn secret_from_page(page: &str) -> Option<String> {
    let at = page.find("id=\"password-text\"")?;
    let open_end = at + page[at..].find('>')? + 1;
    let close = open_end + page[open_end..].find("</textarea>")?;
    let raw = &page[open_end..close];
    // HTML drops one newline right after a textarea's start tag.
    let raw = raw
        .strip_prefix("\r\n")
        .or_else(|| raw.strip_prefix('\n'))
        .unwrap_or(raw);
    Some(unescape_html(raw))
}

/// Undoes Jinja's escaping (`& < > " '`), plus numeric references.
fn unescape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let c = match &rest[1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                num => {
                    let code = match num.strip_prefix("#x").or_else(|| num.strip_prefix("#X")) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.strip_prefix('#')?.parse().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_secret_off_a_snappass_reveal_page() {
        let page = "<textarea class=\"form-control\" rows=\"10\" name=\"password-text\" \
                    id=\"password-text\" readonly=\"readonly\">\na &amp; b &lt;c&gt; &#34;d&#34; &#39;e&#39; &#x41;\n</textarea>";
        assert_eq!(
            secret_from_page(page).as_deref(),
            Some("a & b <c> \"d\" 'e' A\n")
        );
        assert_eq!(secret_from_page("<p>no secret here</p>"), None);
    }

    #[test]
    fn unescaping_leaves_stray_ampersands() {
        assert_eq!(
            unescape_html("a & b &bogus; &#xZZ;"),
            "a & b &bogus; &#xZZ;"
        );
    }

    #[test]
    fn server_base_ends_in_one_slash() {
        assert_eq!(server_base("http://h:5000").unwrap(), "http://h:5000/");
        assert_eq!(server_base("https://h/p//").unwrap(), "https://h/p/");
        assert!(server_base("h:5000").is_err());
        assert!(server_base("https://").is_err());
    }

    #[test]
    fn exit_codes_are_distinct() {
        let codes = [
            Failure::Other(String::new()),
            Failure::Usage(String::new()),
            Failure::NotFound,
            Failure::Damaged,
            Failure::Unreachable(String::new()),
            Failure::Refused(String::new()),
            Failure::WrongPassphrase {
                attempts_left: 1,
                destroyed: false,
            },
        ]
        .map(|f| f.exit_code());
        let mut sorted = codes.to_vec();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), codes.len());
    }
}
