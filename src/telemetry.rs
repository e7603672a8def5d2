//! Log set-up: `tracing` with text or JSON lines.
//!
//! The filter keeps the libraries under us (hyper, h2, redis, rustls) at
//! `info` whatever hushlink itself logs at, even under `RUST_LOG=trace`:
//! their debug and trace output can print raw request and Redis protocol
//! bytes, which would carry tokens and secrets. (A plain target filter, not
//! `EnvFilter`: it needs no regex engine, which kept builds small.)

use std::io::IsTerminal;

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::prelude::*;

use crate::config::LogFormat;

/// Libraries whose trace level may echo wire data.
const WIRE_CRATES: [&str; 5] = ["hyper", "h2", "redis", "rustls", "tower"];

/// Installs the global subscriber. `debug` raises hushlink's own default
/// level; `RUST_LOG` (`level` or `target=level`, comma-separated) overrides
/// the defaults, except the wire-crate cap.
pub fn init(format: LogFormat, debug: bool) {
    init_at(
        format,
        if debug {
            LevelFilter::DEBUG
        } else {
            LevelFilter::INFO
        },
    );
}

/// For one-shot commands (`api-key`, `bootstrap`): only warnings and
/// errors, so their stdout/stderr stay readable for scripts.
pub fn init_for_commands(format: LogFormat) {
    init_at(format, LevelFilter::WARN);
}

fn init_at(format: LogFormat, default: LevelFilter) {
    let mut filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|s| s.parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_default(default));
    for name in WIRE_CRATES {
        filter = filter.with_target(name, LevelFilter::INFO);
    }
    let registry = tracing_subscriber::registry().with(filter);
    let result = match format {
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_writer(std::io::stderr),
            )
            .try_init(),
        // Colours only for a person at a terminal: a log file, `docker logs`
        // or a collector must get plain text, not escape codes.
        LogFormat::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_ansi(std::io::stderr().is_terminal())
                    .with_writer(std::io::stderr),
            )
            .try_init(),
    };
    if result.is_err() {
        eprintln!("hushlink: a log subscriber was already installed");
    }
}
