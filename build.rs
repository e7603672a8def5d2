//! The build script: asks the linker to place the functions a server runs
//! next to each other, in the order of `link-order.txt` (written by
//! `scripts/link-order.sh` from callgrind profiles of both stores).
//!
//! Why: the kernel maps a page of the binary together with the 64 KiB
//! around it (fault-around), and the code a server runs, about 3.7 MB of
//! 11 MB of text, is scattered over nearly all of it, so most of the text
//! became resident: 8.7 MiB of the 17-19 MiB peak of the embedded store's
//! benchmark. Placed together, the same code is a few MiB (CONTRIBUTING.md,
//! "Memory").
//!
//! Only where the link is known to be made by lld, the one linker here
//! that reads such a list: rustc's own lld, the default for
//! `x86_64-unknown-linux-gnu` since Rust 1.90. Elsewhere, or with
//! `HUSHLINK_LINK_ORDER=0`, the binary is linked as before. A list that
//! names functions the code no longer has is no error: lld skips them
//! (quietly, with `--no-warn-symbol-ordering`), which is also how one list
//! serves builds with and without clippy-driver (their symbols' hashes
//! differ; the list holds both).
//!
//! The linker only reorders whole functions: the code is the same, and so
//! are the instructions each request runs.

use std::path::PathBuf;
use std::process::Command;

/// The list, relative to the package's root.
const LIST: &str = "link-order.txt";

fn main() {
    println!("cargo:rerun-if-changed={LIST}");
    println!("cargo:rerun-if-env-changed=HUSHLINK_LINK_ORDER");
    for arg in link_args() {
        println!("cargo:rustc-link-arg-bins={arg}");
    }
}

/// The linker arguments for the binary: the list's order where lld links
/// a release build, none otherwise. The list is named by a relative path:
/// cargo runs rustc, and so the linker, in the package's root, and it keeps
/// a build script's output per package, not per checkout, and reuses it
/// (`rerun-if-changed` only compares the list's time with the output's). A
/// checkout built after another in a shared target directory was linked
/// with the other's list by its full path, and failed to link once that
/// checkout was gone.
pub fn link_args() -> Vec<String> {
    let wanted = std::env::var("HUSHLINK_LINK_ORDER").map_or(true, |v| v != "0");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    if wanted && release && link_order_list().exists() && links_with_lld() {
        vec![
            format!("-Wl,--symbol-ordering-file={LIST}"),
            "-Wl,--no-warn-symbol-ordering".to_owned(),
        ]
    } else {
        Vec::new()
    }
}

/// The `link-order.txt` of the checkout being built. Read from the
/// environment cargo gives the script when it runs it, not with `env!` when
/// it compiles it: cargo reuses a compiled build script for another checkout
/// of the same package in a shared target directory (the path is not in its
/// fingerprint), so a path baked in named the first checkout's list, or one
/// since deleted, and the binary was then linked in the default order
/// (resident code 10.0 MiB instead of 6.1 after 8 s of the embedded API
/// flow; peak 19.2 MiB instead of 15.2).
pub fn link_order_list() -> PathBuf {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .expect("cargo sets CARGO_MANIFEST_DIR when it runs a build script");
    PathBuf::from(dir).join(LIST)
}

/// Whether rustc will link with its own lld: the target whose default it
/// is, a rustc new enough, and no `-Clinker-features=-lld` (the opt-out) or
/// other linker among the flags.
fn links_with_lld() -> bool {
    let target_default = std::env::var("TARGET").is_ok_and(|t| t == "x86_64-unknown-linux-gnu");
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let other_linker = flags.contains("linker-features=-lld")
        || flags.contains("linker-flavor")
        || (flags.contains("-fuse-ld") && !flags.contains("-fuse-ld=lld"));
    target_default && !other_linker && rustc_minor().is_some_and(|minor| minor >= 90)
}

/// The minor version of the rustc cargo builds with (`1.95.0` → 95).
fn rustc_minor() -> Option<u32> {
    let rustc = std::env::var("RUSTC").ok()?;
    let out = Command::new(rustc).arg("--version").output().ok()?;
    let version = String::from_utf8(out.stdout).ok()?;
    version
        .split_whitespace()
        .nth(1)?
        .split('.')
        .nth(1)?
        .parse()
        .ok()
}
