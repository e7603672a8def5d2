//! The allocator's settings: the binary uses mimalloc (`main.rs`), tuned here
//! for a small resident set.
//!
//! mimalloc 3 keeps freed memory for a second (`purge_delay`, 1000 ms) before
//! it gives it back to the system, so a burst of requests leaves its buffers
//! resident well after it ends. Purging at once lowered the peak resident
//! memory of the benchmark's form flow on Redis from 16.0–17.2 MiB to
//! 15.4–15.7 MiB (two runs each, `bench/run.sh`-style, 32 connections), with no
//! measurable change in CPU per request. Transparent huge pages are off at
//! build time (`no_thp` in Cargo.toml).

use libmimalloc_sys::{mi_option_set, mi_option_t};

/// `mi_option_purge_delay` in mimalloc's `mi_option_e` (`mimalloc.h`, the
/// same index in mimalloc 2 and 3); the Rust bindings do not name it. The
/// test below checks it against the option's documented default.
const PURGE_DELAY: mi_option_t = 15;

/// Applies hushlink's allocator settings; call once, first thing in `main`.
/// An operator's own `MIMALLOC_PURGE_DELAY` wins.
pub fn tune() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: `mi_option_set` stores an integer in mimalloc's option
        // table; mimalloc documents it as callable at any time, from any
        // thread, and reads the option at each purge.
        unsafe { mi_option_set(PURGE_DELAY, 0) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_is_mimallocs_purge_delay() {
        // Read, not set: 1000 ms is mimalloc 3's default purge delay; another
        // option at this index would have another default.
        // SAFETY: reading an option has no precondition.
        let delay = unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) };
        assert_eq!(delay, 1000);
    }
}
