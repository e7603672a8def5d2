//! The access line, formatted here rather than by `tracing-subscriber`:
//! the same text and the same JSON, byte for byte (a test holds both
//! formats to the subscriber's own output), without the field visitors,
//! `fmt::Write` plumbing and per-event buffer that cost about 3% of a
//! request's CPU under load. The line goes into [`Batch`]'s buffer.
//!
//! Only the fields of the one access event are known here: method, route
//! template, status, duration. The route is always one of
//! `http::redact_path`'s templates and the method an HTTP token, so nothing
//! here needs escaping in either format.

use std::io::Write;
use std::time::SystemTime;

use super::batch::Batch;

/// What one request leaves in the log.
#[derive(Debug, Clone, Copy)]
pub struct AccessLine<'a> {
    pub method: &'a str,
    pub route: &'static str,
    pub status: u16,
    pub duration_us: u64,
}

/// The two line formats of `HUSHLINK_LOG_FORMAT`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `tracing-subscriber`'s full text format, without colours.
    Text,
    /// Its JSON format with the event's fields flattened.
    Json,
}

/// The fast way for access lines: the batch they go to and their format.
pub struct AccessLog {
    pub batch: std::sync::Arc<Batch>,
    pub style: Style,
}

impl AccessLog {
    /// Appends `line`, stamped now; false when the batch was full and the
    /// line was dropped.
    pub fn log(&self, line: &AccessLine<'_>) -> bool {
        let now = SystemTime::now();
        self.batch.append(|out| format(out, self.style, now, line))
    }
}

/// Writes `line` as the subscriber would have written the event
/// `info!(target: "hushlink::access", method = %m, path = route, status,
/// duration_us, "request")` at `now`.
pub fn format(out: &mut Vec<u8>, style: Style, now: SystemTime, line: &AccessLine<'_>) {
    match style {
        Style::Text => {
            timestamp(out, now);
            out.extend_from_slice(b"  INFO hushlink::access: request method=");
            out.extend_from_slice(line.method.as_bytes());
            out.extend_from_slice(b" path=\"");
            out.extend_from_slice(line.route.as_bytes());
            out.extend_from_slice(b"\" status=");
            number(out, u64::from(line.status));
            out.extend_from_slice(b" duration_us=");
            number(out, line.duration_us);
            out.push(b'\n');
        }
        Style::Json => {
            out.extend_from_slice(b"{\"timestamp\":\"");
            timestamp(out, now);
            out.extend_from_slice(b"\",\"level\":\"INFO\",\"message\":\"request\",\"method\":\"");
            out.extend_from_slice(line.method.as_bytes());
            out.extend_from_slice(b"\",\"path\":\"");
            out.extend_from_slice(line.route.as_bytes());
            out.extend_from_slice(b"\",\"status\":");
            number(out, u64::from(line.status));
            out.extend_from_slice(b",\"duration_us\":");
            number(out, line.duration_us);
            out.extend_from_slice(b",\"target\":\"hushlink::access\"}\n");
        }
    }
}

/// `2026-11-30T19:02:50.123456Z`, as `tracing-subscriber`'s `SystemTime`
/// timer writes it (UTC, microseconds).
fn timestamp(out: &mut Vec<u8>, now: SystemTime) {
    let since = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = since.as_secs();
    let (year, month, day) = civil_from_days((secs / 86_400) as i64);
    let in_day = secs % 86_400;
    if (0..=9999).contains(&year) {
        padded(out, year as u64, 4);
    } else {
        // Past the year 9999: as the subscriber writes it.
        let _ = write!(out, "+{year}");
    }
    out.push(b'-');
    padded(out, month, 2);
    out.push(b'-');
    padded(out, day, 2);
    out.push(b'T');
    padded(out, in_day / 3600, 2);
    out.push(b':');
    padded(out, in_day / 60 % 60, 2);
    out.push(b':');
    padded(out, in_day % 60, 2);
    out.push(b'.');
    padded(out, u64::from(since.subsec_micros()), 6);
    out.push(b'Z');
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard
/// Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u64, u64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u64;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u64;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `n` in decimal, zero-padded to `width` digits.
fn padded(out: &mut Vec<u8>, n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut at = digits.len();
    let mut rest = n;
    while rest > 0 || at == digits.len() {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    let len = digits.len() - at;
    out.extend(std::iter::repeat_n(b'0', width.saturating_sub(len)));
    out.extend_from_slice(&digits[at..]);
}

/// `n` in decimal.
fn number(out: &mut Vec<u8>, n: u64) {
    padded(out, n, 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tracing_subscriber::fmt::MakeWriter;
    use tracing_subscriber::prelude::*;

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl<'a> MakeWriter<'a> for Captured {
        type Writer = Captured;
        fn make_writer(&'a self) -> Captured {
            self.clone()
        }
    }

    /// What `tracing-subscriber`, set up as `telemetry::init` sets it up,
    /// writes for the access event.
    fn subscribers_line(style: Style, line: &AccessLine<'_>) -> String {
        let out = Captured::default();
        let layer = tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(out.clone());
        let dispatch: tracing::Dispatch = match style {
            Style::Text => tracing_subscriber::registry().with(layer).into(),
            Style::Json => tracing_subscriber::registry()
                .with(layer.json().flatten_event(true))
                .into(),
        };
        tracing::dispatcher::with_default(&dispatch, || {
            tracing::info!(
                target: "hushlink::access",
                method = %line.method,
                path = line.route,
                status = line.status,
                duration_us = line.duration_us,
                "request"
            );
        });
        String::from_utf8(out.0.lock().unwrap().clone()).unwrap()
    }

    fn ours(style: Style, line: &AccessLine<'_>) -> String {
        let mut out = Vec::new();
        format(&mut out, style, SystemTime::now(), line);
        String::from_utf8(out).unwrap()
    }

    /// The line without its timestamp, which differs by the microsecond.
    fn without_time(line: &str) -> String {
        let start = line.find("20").expect("a timestamp");
        let end = start + "2026-11-30T19:02:50.123456Z".len();
        format!("{}{}", &line[..start], &line[end..])
    }

    #[test]
    fn the_line_is_the_subscribers_own_in_both_formats() {
        for line in [
            AccessLine {
                method: "GET",
                route: "/_/_/health",
                status: 200,
                duration_us: 0,
            },
            AccessLine {
                method: "POST",
                route: "/{token}",
                status: 404,
                duration_us: 1_234_567,
            },
            AccessLine {
                method: "PATCH",
                route: "/api/v2/secrets/{id}/reveal",
                status: 413,
                duration_us: 18_446_744_073_709_551_615,
            },
        ] {
            for style in [Style::Text, Style::Json] {
                let theirs = subscribers_line(style, &line);
                let ours = ours(style, &line);
                assert_eq!(without_time(&ours), without_time(&theirs), "{style:?}");
                assert_eq!(ours.len(), theirs.len(), "{ours}{theirs}");
                if style == Style::Json {
                    let v: serde_json::Value = serde_json::from_str(&ours).unwrap();
                    assert_eq!(v["status"], line.status);
                }
            }
        }
    }

    #[test]
    fn timestamps_are_utc_with_microseconds() {
        let at = |secs: u64, micros: u64| {
            let mut out = Vec::new();
            timestamp(
                &mut out,
                SystemTime::UNIX_EPOCH + Duration::from_micros(secs * 1_000_000 + micros),
            );
            String::from_utf8(out).unwrap()
        };
        assert_eq!(at(0, 0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(at(951_782_400, 7), "2000-02-29T00:00:00.000007Z");
        assert_eq!(at(1_796_065_370, 123_456), "2026-11-30T19:02:50.123456Z");
        assert_eq!(at(253_402_300_799, 999_999), "9999-12-31T23:59:59.999999Z");
        // Every day of four centuries, against jiff's calendar.
        for day in (0..146_097u64).step_by(1) {
            let secs = day * 86_400 + 3_723;
            let expected = jiff::Timestamp::from_second(secs as i64)
                .unwrap()
                .strftime("%Y-%m-%dT%H:%M:%S.000000Z")
                .to_string();
            assert_eq!(at(secs, 0), expected);
        }
    }
}
