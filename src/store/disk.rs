//! Free space on the embedded store's disk, and the threshold below which
//! it refuses new secrets (`HUSHLINK_MIN_FREE_DISK`).
//!
//! A full disk must not wedge the store: below the threshold, creates are
//! refused early (507), so the space left stays a reserve for what frees
//! space (reveals, the purge of expired secrets), which keep committing.
//! The threshold is a share of the file system (`5%`) or a size
//! (`256MiB`); by default the smaller of the two, so a small volume keeps
//! 5% free and a large one 256 MiB, not tens of gigabytes.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// The default share of the file system kept free.
const DEFAULT_PERCENT: f64 = 5.0;
/// The default size kept free, when smaller than `DEFAULT_PERCENT`.
const DEFAULT_BYTES: u64 = 256 * 1024 * 1024;

/// How much of the data directory's file system must stay free for creates
/// to be accepted.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum MinFreeDisk {
    /// A share of the file system's size, in percent (`5%`).
    Percent(f64),
    /// A size in bytes (`256MiB`); `0` turns the check off.
    Bytes(u64),
    /// The smaller of 5% and 256 MiB.
    #[default]
    Default,
}

impl MinFreeDisk {
    /// The bytes to keep free on a file system of `total` bytes.
    pub fn bytes(self, total: u64) -> u64 {
        let share = |percent: f64| (total as f64 * percent / 100.0) as u64;
        match self {
            MinFreeDisk::Percent(p) => share(p),
            MinFreeDisk::Bytes(b) => b,
            MinFreeDisk::Default => share(DEFAULT_PERCENT).min(DEFAULT_BYTES),
        }
    }
}

impl fmt::Display for MinFreeDisk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MinFreeDisk::Percent(p) => write!(f, "{p}%"),
            MinFreeDisk::Bytes(b) => write!(f, "{b} bytes"),
            MinFreeDisk::Default => write!(f, "the smaller of 5% and 256MiB"),
        }
    }
}

impl FromStr for MinFreeDisk {
    type Err = String;

    /// `5%`, `0.5%`, `256MiB`, `1G`, `500MB`, `1048576` (bytes), `0` (off).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || {
            format!(
                "'{s}' is neither a percentage (e.g. 5%) nor a size (e.g. 256MiB, 1GiB, 500MB, or bytes)"
            )
        };
        if let Some(number) = s.strip_suffix('%') {
            let p: f64 = number.trim().parse().map_err(|_| bad())?;
            if !(0.0..100.0).contains(&p) {
                return Err(format!("'{s}': a percentage must be from 0% to below 100%"));
            }
            return Ok(MinFreeDisk::Percent(p));
        }
        parse_size(s).map(MinFreeDisk::Bytes).ok_or_else(bad)
    }
}

/// A size in bytes, written as `HUSHLINK_MIN_FREE_DISK` writes one:
/// `256MiB`, `1G`, `500MB`, `1048576` (bytes). Used by
/// `HUSHLINK_MAX_STORED_BYTES`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub u64);

impl FromStr for ByteSize {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_size(s.trim()).map(ByteSize).ok_or_else(|| {
            format!(
                "'{}' is not a size (e.g. 256MiB, 1GiB, 500MB, or bytes)",
                s.trim()
            )
        })
    }
}

/// `256MiB`, `1G`, `500MB`, `1.5GiB`, `1048576`; `None` when not a size.
fn parse_size(s: &str) -> Option<u64> {
    let split = s
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let number: f64 = number.parse().ok()?;
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "t" | "tib" => 1 << 40,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "tb" => 1_000_000_000_000,
        _ => return None,
    };
    let bytes = number * scale as f64;
    (bytes.is_finite() && bytes < u64::MAX as f64).then_some(bytes as u64)
}

/// A file system's size and the space an unprivileged writer may still use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Space {
    pub total: u64,
    pub available: u64,
}

/// The size and free space of the file system holding `path`.
pub fn space(path: &Path) -> std::io::Result<Space> {
    #[cfg(unix)]
    {
        let st = rustix::fs::statvfs(path)?;
        Ok(Space {
            total: st.f_blocks.saturating_mul(st.f_frsize),
            available: st.f_bavail.saturating_mul(st.f_frsize),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(Space {
            total: u64::MAX,
            available: u64::MAX,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_percentages_and_sizes() {
        assert_eq!("5%".parse(), Ok(MinFreeDisk::Percent(5.0)));
        assert_eq!(" 0.5 % ".parse(), Ok(MinFreeDisk::Percent(0.5)));
        assert_eq!("256MiB".parse(), Ok(MinFreeDisk::Bytes(256 << 20)));
        assert_eq!("256mib".parse(), Ok(MinFreeDisk::Bytes(256 << 20)));
        assert_eq!("1G".parse(), Ok(MinFreeDisk::Bytes(1 << 30)));
        assert_eq!("1.5GiB".parse(), Ok(MinFreeDisk::Bytes(3 << 29)));
        assert_eq!("500MB".parse(), Ok(MinFreeDisk::Bytes(500_000_000)));
        assert_eq!("4096".parse(), Ok(MinFreeDisk::Bytes(4096)));
        assert_eq!("0".parse(), Ok(MinFreeDisk::Bytes(0)));
        for bad in [
            "",
            "%",
            "abc",
            "5 potatoes",
            "-1",
            "100%",
            "150%",
            "1e400",
            "5%%",
        ] {
            assert!(bad.parse::<MinFreeDisk>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn the_default_is_the_smaller_of_5_percent_and_256_mib() {
        let gib = 1u64 << 30;
        // 8 MiB volume: 5% (409 KiB).
        assert_eq!(MinFreeDisk::Default.bytes(8 << 20), (8u64 << 20) / 20);
        // 100 GiB volume: 256 MiB, not 5 GiB.
        assert_eq!(MinFreeDisk::Default.bytes(100 * gib), 256 << 20);
        assert_eq!(MinFreeDisk::Percent(10.0).bytes(gib), gib / 10);
        assert_eq!(MinFreeDisk::Bytes(7).bytes(gib), 7);
    }

    #[test]
    fn reads_the_free_space_of_a_real_directory() {
        let dir = std::env::temp_dir();
        let s = space(&dir).unwrap();
        assert!(s.total > 0 && s.available <= s.total);
    }
}
