//! `build.rs`, compiled into this binary to test what it decides from the
//! environment cargo gives it when it runs.

#[allow(dead_code)]
#[path = "../../build.rs"]
mod script;

use std::process::Command;

/// What the child run of [`prints_the_link_order_list`] is told to print by.
const CHILD: &str = "HUSHLINK_TEST_BUILD_SCRIPT_CHILD";

/// The list must be the checkout's that cargo runs the script for: cargo
/// reuses one compiled build script for every checkout sharing a target
/// directory. Run as a child of this test binary, with another
/// `CARGO_MANIFEST_DIR`: a path fixed when the script was compiled (here,
/// when this binary was) would still name this checkout.
#[test]
fn the_link_order_list_is_the_one_of_the_checkout_being_built() {
    let elsewhere = tempfile::tempdir().unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["build_script::prints_the_link_order_list", "--exact"])
        .args(["--include-ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .env("CARGO_MANIFEST_DIR", elsewhere.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    let wanted = elsewhere.path().join("link-order.txt");
    assert!(
        stdout.contains(&format!("list={}", wanted.display())),
        "wanted {}, got: {stdout}",
        wanted.display()
    );
}

#[test]
#[ignore = "run by the_link_order_list_is_the_one_of_the_checkout_being_built"]
fn prints_the_link_order_list() {
    if std::env::var_os(CHILD).is_some() {
        println!("list={}", script::link_order_list().display());
    }
}

/// The script's output must not name the checkout: cargo keeps one output
/// per package in a shared target directory and reuses it for another
/// checkout whose list has not changed since, so a full path linked that
/// checkout with the first one's list (and failed once it was deleted).
/// Run for two checkouts, each with a list, as a release build on the
/// target whose default linker is lld: the same arguments, naming a list.
#[test]
fn the_link_arguments_are_the_same_for_every_checkout() {
    let args_for = |checkout: &std::path::Path| {
        std::fs::write(checkout.join("link-order.txt"), "main\n").unwrap();
        let out = Command::new(std::env::current_exe().unwrap())
            .args(["build_script::prints_the_link_args", "--exact"])
            .args(["--include-ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD, "1")
            .env("CARGO_MANIFEST_DIR", checkout)
            .env("PROFILE", "release")
            .env("TARGET", "x86_64-unknown-linux-gnu")
            .env("RUSTC", "rustc")
            .env("CARGO_ENCODED_RUSTFLAGS", "")
            .env_remove("HUSHLINK_LINK_ORDER")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{stdout}");
        stdout
            .lines()
            .find_map(|l| l.split_once("args=").map(|(_, args)| args))
            .unwrap_or_else(|| panic!("no args printed: {stdout}"))
            .to_owned()
    };
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (a, b) = (args_for(one.path()), args_for(two.path()));
    assert!(a.contains("--symbol-ordering-file="), "no list in {a}");
    assert_eq!(a, b, "the arguments name the checkout");
}

#[test]
#[ignore = "run by the_link_arguments_are_the_same_for_every_checkout"]
fn prints_the_link_args() {
    if std::env::var_os(CHILD).is_some() {
        println!("args={:?}", script::link_args());
    }
}
