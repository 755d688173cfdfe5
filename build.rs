//! Links the `newslint` binary as a position-dependent executable on Linux.
//!
//! A position-independent one has its 22,000 absolute addresses (vtables, the Unicode
//! tables of the regex crates) patched by the dynamic loader at every start, which writes
//! a hundred pages of the image. Measured on one article with `news` and `ap` (median of
//! 60 runs): 7.65 ms as PIE, 6.64 ms without; `newslint --version` 2.75 against 2.20 ms.
//! The cost is that the binary's own image loads at a fixed address (its libraries, heap
//! and stacks are still placed at random): a packager who wants it placed at random too
//! builds with `NEWSLINT_BUILD_PIE=1`.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=NEWSLINT_BUILD_PIE");
    if std::env::var_os("NEWSLINT_BUILD_PIE").is_some_and(|v| v == "1") {
        return;
    }
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
