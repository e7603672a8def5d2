//! Log set-up: `tracing` with text or JSON lines, written to stderr through
//! [`batch`] (access lines in batches, every other line at once), and the
//! access line itself ([`access`], formatted without `tracing`'s machinery
//! when no colours are wanted).
//!
//! The filter keeps the libraries under us (hyper, h2, redis, rustls) at
//! `info` at most, whatever hushlink itself logs at and whatever `RUST_LOG`
//! names: `trace`, `h2=trace`, or a module path such as
//! `h2::proto=trace` or `hyper_util=debug`. Their debug and trace output can
//! print raw request and Redis protocol bytes, which would carry tokens and
//! secrets. (A plain target filter, not `EnvFilter`: it needs no regex
//! engine, which kept builds small.)

use std::io::IsTerminal;
use std::sync::{Arc, OnceLock};

use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::prelude::*;

use crate::config::LogFormat;

pub mod access;
pub mod batch;

pub use access::AccessLine;
use access::{AccessLog, Style};
use batch::{Batch, FlushGuard};

/// The fast way for access lines, set with the global subscriber (which is
/// global too: there is one stderr). Unset, in tests that drive the router
/// in-process and at a terminal (colours), access lines are `tracing`
/// events like any other.
static ACCESS_LOG: OnceLock<AccessLog> = OnceLock::new();

/// Logs one request's access line; false when the line had to be dropped
/// (stderr blocked and the buffer full; the caller counts it).
pub fn access(line: &AccessLine<'_>) -> bool {
    if let Some(fast) = ACCESS_LOG.get() {
        // The filter (`RUST_LOG`) still decides, as for the event below.
        if !tracing::enabled!(target: "hushlink::access", tracing::Level::INFO) {
            return true;
        }
        return fast.log(line);
    }
    tracing::info!(
        target: "hushlink::access",
        method = %line.method,
        path = line.route,
        status = line.status,
        duration_us = line.duration_us,
        "request"
    );
    true
}

/// The subscriber's writer: every event it formats goes out at once, after
/// the access lines buffered before it.
struct BatchWriter(Arc<Batch>);

/// One event's text, written when the subscriber hands it over (it writes
/// each event whole, in one `write_all`).
struct BatchLine<'a>(&'a Batch);

impl std::io::Write for BatchLine<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write_now(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for BatchWriter {
    type Writer = BatchLine<'a>;

    fn make_writer(&'a self) -> BatchLine<'a> {
        BatchLine(&self.0)
    }
}

/// Libraries whose debug or trace output may echo wire data. A directive
/// matches every target that starts with its text (as `Targets` matches),
/// so `hyper` also covers `hyper_util` and `tower` covers `tower_http`; they
/// are listed anyway, so that the list says what it protects.
const WIRE_CRATES: [&str; 9] = [
    "hyper",
    "hyper_util",
    "h2",
    "redis",
    "rustls",
    "tokio_rustls",
    "tower",
    "tower_http",
    "reqwest",
];

/// The most those libraries may log.
const WIRE_CAP: LevelFilter = LevelFilter::INFO;

/// Installs the global subscriber. `debug` raises hushlink's own default
/// level; `RUST_LOG` (`level` or `target=level`, comma-separated) overrides
/// the defaults, except the wire-crate cap. Hold the guard for the life of
/// the process: dropping it writes what is still buffered.
#[must_use = "dropping the guard stops the log's flusher"]
pub fn init(format: LogFormat, debug: bool) -> Option<FlushGuard> {
    init_at(
        format,
        if debug {
            LevelFilter::DEBUG
        } else {
            LevelFilter::INFO
        },
    )
}

/// For one-shot commands (`api-key`, `bootstrap`): only warnings and
/// errors, so their stdout/stderr stay readable for scripts.
#[must_use = "dropping the guard stops the log's flusher"]
pub fn init_for_commands(format: LogFormat) -> Option<FlushGuard> {
    init_at(format, LevelFilter::WARN)
}

fn init_at(format: LogFormat, default: LevelFilter) -> Option<FlushGuard> {
    let filter = filter(std::env::var("RUST_LOG").ok().as_deref(), default);
    let registry = tracing_subscriber::registry().with(filter);
    let batch = Arc::new(Batch::new(Box::new(std::io::stderr())));
    // Colours only for a person at a terminal: a log file, `docker logs`
    // or a collector must get plain text, not escape codes.
    let ansi = format == LogFormat::Text && std::io::stderr().is_terminal();
    let writer = BatchWriter(Arc::clone(&batch));
    let result = match format {
        LogFormat::Json => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_writer(writer),
            )
            .try_init(),
        LogFormat::Text => registry
            .with(
                tracing_subscriber::fmt::layer()
                    .with_ansi(ansi)
                    .with_writer(writer),
            )
            .try_init(),
    };
    if result.is_err() {
        eprintln!("hushlink: a log subscriber was already installed");
        return None;
    }
    let guard = match FlushGuard::start(Arc::clone(&batch)) {
        Ok(guard) => guard,
        // No flusher: access lines go through the subscriber, which writes
        // every line at once.
        Err(e) => {
            tracing::warn!(error = %e, "no log flusher thread; access lines are written one by one");
            return None;
        }
    };
    if !ansi {
        let style = match format {
            LogFormat::Json => Style::Json,
            LogFormat::Text => Style::Text,
        };
        let _ = ACCESS_LOG.set(AccessLog { batch, style });
    }
    Some(guard)
}

/// The filter `RUST_LOG` asks for (or `default` when it is unset or cannot
/// be parsed), with every directive whose target falls in a wire crate
/// lowered to [`WIRE_CAP`], and each wire crate capped where `RUST_LOG`
/// does not name it.
fn filter(rust_log: Option<&str>, default: LevelFilter) -> Targets {
    let asked = rust_log
        .and_then(|s| s.parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_default(default));
    let fallback = asked.default_level().unwrap_or(LevelFilter::OFF);
    let mut filter = Targets::new().with_default(fallback);
    for (target, level) in &asked {
        let level = if is_wire(target) {
            level.min(WIRE_CAP)
        } else {
            level
        };
        filter = filter.with_target(target, level);
    }
    for name in WIRE_CRATES {
        if !asked.iter().any(|(target, _)| target == name) {
            filter = filter.with_target(name, fallback.min(WIRE_CAP));
        }
    }
    filter
}

/// Whether events of `target` may come from a wire crate.
fn is_wire(target: &str) -> bool {
    WIRE_CRATES.iter().any(|name| target.starts_with(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tracing::Level;

    fn allows(rust_log: &str, target: &str, level: Level) -> bool {
        filter(Some(rust_log), LevelFilter::INFO).would_enable(target, &level)
    }

    #[test]
    fn module_paths_of_wire_crates_are_capped() {
        for (rust_log, target) in [
            ("h2::proto=trace", "h2::proto::streams::recv"),
            ("hyper_util=debug", "hyper_util::server::conn::auto"),
            ("redis::cmd=trace", "redis::cmd"),
            ("redis::aio=trace,hushlink=trace", "redis::aio::connection"),
            ("hyper::proto::h1=trace", "hyper::proto::h1::io"),
            ("tower_http::trace=trace", "tower_http::trace::on_request"),
            ("rustls=trace", "rustls::conn"),
            ("trace", "h2::codec::framed_read"),
            ("trace", "hyper_util::client"),
            // A shorter target than the crate matches it too.
            ("h=trace", "h2::codec"),
            ("hyp=trace", "hyper::proto"),
        ] {
            assert!(
                !allows(rust_log, target, Level::DEBUG),
                "{rust_log} let {target} debug through"
            );
            assert!(
                !allows(rust_log, target, Level::TRACE),
                "{rust_log} let {target} trace through"
            );
        }
        assert!(allows("h2::proto=trace", "h2::proto", Level::INFO));
    }

    #[test]
    fn hushlinks_own_levels_are_as_asked() {
        assert!(allows("trace", "hushlink::http", Level::TRACE));
        assert!(allows(
            "h2::proto=trace,hushlink=debug",
            "hushlink::server",
            Level::DEBUG
        ));
        assert!(!allows("hushlink=info", "hushlink::server", Level::DEBUG));
        assert!(!allows("warn", "hushlink::server", Level::INFO));
        // Lower levels asked for a wire crate are kept.
        assert!(!allows("info,hyper=warn", "hyper::proto", Level::INFO));
        // No RUST_LOG, or one that does not parse: the default.
        let default = filter(None, LevelFilter::DEBUG);
        assert!(default.would_enable("hushlink::x", &Level::DEBUG));
        assert!(!default.would_enable("h2::x", &Level::DEBUG));
        let garbage = filter(Some("=[{"), LevelFilter::INFO);
        assert!(garbage.would_enable("hushlink::x", &Level::INFO));
        assert!(!garbage.would_enable("hushlink::x", &Level::DEBUG));
    }
}
