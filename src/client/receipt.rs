//! `hushlink status` and `hushlink burn`, and the receipt file `send
//! --receipt-file` writes: the sender's side of receipts.
//!
//! A receipt is named by its address (`…/api/v2/receipts/hlr_…`, or the
//! page `…/r/hlr_…`), given as an argument, as `-` (stdin), or as the path
//! of the file `send --receipt-file` wrote (which keeps the token out of
//! shell history and process lists). Like links, receipt tokens never
//! appear in a message: stderr ends up in CI logs.

use std::io::{Read, Write};
use std::path::Path;

use clap::Args;
use reqwest::StatusCode;
use reqwest::header::ACCEPT;
use serde_json::Value;

use super::{Failure, http_client, json_body, refusal, send_retrying};
use crate::receipt::ReceiptToken;

const EXIT_CODES: &str = "Exit codes: 0 available (status) or burned (burn); 1 failure; 2 bad usage; \
4 gone: viewed, burned, expired or destroyed (the reason is printed), or no such receipt; \
6 server unreachable.";

/// `hushlink status`: what happened to a secret, from its receipt.
#[derive(Args)]
#[command(after_help = EXIT_CODES)]
pub struct StatusCommand {
    /// The receipt: its address, `-` to read it from stdin, or the file
    /// `send --receipt-file` wrote.
    pub receipt: String,
}

/// `hushlink burn`: destroy a secret now, through its receipt.
#[derive(Args)]
#[command(after_help = EXIT_CODES)]
pub struct BurnCommand {
    /// The receipt: its address, `-` to read it from stdin, or the file
    /// `send --receipt-file` wrote.
    pub receipt: String,
}

/// A receipt file, opened (created, mode 0600) before anything is sent, so
/// a path that cannot be written fails before a secret is stored.
pub struct ReceiptFile(std::fs::File);

impl ReceiptFile {
    pub fn create(path: &Path) -> Result<Self, Failure> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        options
            .open(path)
            .map(ReceiptFile)
            .map_err(|e| Failure::Usage(format!("cannot create the receipt file: {e}")))
    }

    /// Writes the receipt's address (one line) from a create's answer.
    pub fn write(mut self, created: &Value) -> Result<(), Failure> {
        let href = created["receipt"]["href"].as_str().ok_or_else(|| {
            Failure::Other(
                "the secret was stored and its link printed, but this server issues no \
                 receipts (not a hushlink, or an older one): the receipt file is empty"
                    .into(),
            )
        })?;
        self.0
            .write_all(format!("{href}\n").as_bytes())
            .and_then(|()| self.0.sync_all())
            .map_err(|e| Failure::Other(format!("cannot write the receipt file: {e}")))
    }
}

/// The receipt's API address from an argument, stdin or a file.
fn receipt_url(arg: &str) -> Result<String, Failure> {
    let raw = if arg == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| Failure::Usage(format!("cannot read the receipt from stdin: {e}")))?;
        text
    } else if arg.starts_with("http://") || arg.starts_with("https://") {
        arg.to_owned()
    } else {
        std::fs::read_to_string(arg)
            .map_err(|e| Failure::Usage(format!("cannot read the receipt file: {e}")))?
    };
    parse_url(raw.trim()).ok_or_else(|| {
        Failure::Usage(
            "not a receipt: expected https://…/api/v2/receipts/hlr_… (or …/r/hlr_…), \
             as `send --receipt-file` writes it"
                .into(),
        )
    })
}

/// `…/api/v2/receipts/<token>` or `…/r/<token>` → the API address.
fn parse_url(raw: &str) -> Option<String> {
    if !(raw.starts_with("http://") || raw.starts_with("https://")) {
        return None;
    }
    let (head, token) = raw.rsplit_once('/')?;
    let token = ReceiptToken::parse(token)?;
    let base = head
        .strip_suffix("/api/v2/receipts")
        .or_else(|| head.strip_suffix("/r"))?;
    Some(format!("{base}/api/v2/receipts/{}", token.expose()))
}

/// The receipt's answer as lines for people and scripts: the state first.
fn describe(status: &Value) -> (String, String) {
    let state = status["state"].as_str().unwrap_or("unknown").to_owned();
    let mut out = match state.as_str() {
        "available" => format!(
            "available: {} view(s) left, {} used, expires at {}\n",
            status["views_left"],
            status["views_used"],
            time(&status["expires_at"])
        ),
        other => format!("{other}\n"),
    };
    for event in status["events"].as_array().into_iter().flatten() {
        out.push_str(&format!(
            "{} {}\n",
            time(&event["at"]),
            event["event"].as_str().unwrap_or("?")
        ));
    }
    (state, out)
}

fn time(unix: &Value) -> String {
    unix.as_i64()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .map_or_else(|| "?".to_owned(), |t| t.to_string())
}

/// Why a secret is gone, for the exit-4 message.
fn reason(state: &str) -> String {
    match state {
        "viewed" => "the secret is gone: every view was used".into(),
        "burned" => "the secret is gone: it was burned through its receipt".into(),
        "expired" => "the secret is gone: it expired".into(),
        "destroyed" => "the secret is gone: destroyed after too many wrong passphrases".into(),
        other => format!("the secret is gone ({other})"),
    }
}

fn no_receipt() -> Failure {
    Failure::Gone(
        "receipt not found: it never existed, or it is older than the server's receipt retention"
            .into(),
    )
}

pub async fn status(cmd: StatusCommand) -> Result<(), Failure> {
    let url = receipt_url(&cmd.receipt)?;
    let response =
        send_retrying(http_client()?.get(url).header(ACCEPT, "application/json")).await?;
    match response.status() {
        StatusCode::OK => {
            let (state, text) = describe(&json_body(response).await?);
            print!("{text}");
            let _ = std::io::stdout().flush();
            match state.as_str() {
                "available" => Ok(()),
                other => Err(Failure::Gone(reason(other))),
            }
        }
        StatusCode::NOT_FOUND => Err(no_receipt()),
        _ => Err(refusal(response, None).await),
    }
}

pub async fn burn(cmd: BurnCommand) -> Result<(), Failure> {
    let url = receipt_url(&cmd.receipt)?;
    let response = send_retrying(
        http_client()?
            .delete(url)
            .header(ACCEPT, "application/json"),
    )
    .await?;
    match response.status() {
        StatusCode::NO_CONTENT => {
            println!("burned");
            Ok(())
        }
        StatusCode::CONFLICT => {
            let problem = json_body(response).await.unwrap_or(Value::Null);
            let state = problem["state"].as_str().unwrap_or("ended");
            println!("{state}");
            Err(Failure::Gone(format!(
                "too late to burn: {}",
                reason(state)
            )))
        }
        StatusCode::NOT_FOUND => Err(no_receipt()),
        _ => Err(refusal(response, None).await),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_url;

    #[test]
    fn receipt_addresses_are_understood() {
        let token = format!("hlr_{}", "A".repeat(43));
        let api = format!("https://h/p/api/v2/receipts/{token}");
        assert_eq!(parse_url(&api), Some(api.clone()));
        assert_eq!(parse_url(&format!("https://h/p/r/{token}")), Some(api));
        assert_eq!(parse_url(&format!("https://h/p/x/{token}")), None);
        assert_eq!(parse_url("https://h/api/v2/receipts/hlr_short"), None);
        assert_eq!(parse_url(&format!("ftp://h/r/{token}")), None);
    }
}
