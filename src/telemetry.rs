//! Log set-up: `tracing` with text or JSON lines.
//!
//! The default filter keeps the libraries under us (hyper, h2, redis) at
//! `info` even when hushlink itself logs at `debug`, and caps them at
//! `debug` even under `RUST_LOG=trace`: their trace output can print raw
//! request and Redis protocol bytes, which would carry tokens and secrets.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::Directive;

use crate::config::LogFormat;

/// Libraries whose trace level may echo wire data.
const WIRE_CRATES: [&str; 5] = ["hyper", "h2", "redis", "rustls", "tower"];

/// Installs the global subscriber. `debug` raises hushlink's own default
/// level; `RUST_LOG` overrides the defaults, except the wire-crate cap.
pub fn init(format: LogFormat, debug: bool) {
    let default = if debug { "debug" } else { "info" };
    let mut filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    for name in WIRE_CRATES {
        if let Ok(directive) = format!("{name}=info").parse::<Directive>() {
            filter = filter.add_directive(directive);
        }
    }
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
    if result.is_err() {
        eprintln!("hushlink: a log subscriber was already installed");
    }
}
