//! The page in a real browser: Debian's Chromium driven by playwright-core
//! (`tests/browser/check-page.mjs`). Needs `chromium`, `node` and `npm install` in
//! `tests/browser`, which `.ci/run` sets up; run it with `cargo test --test serve_browser
//! -- --ignored`. Screenshots go to `target/artifacts/`.

mod serve_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serve_support::Server;

/// The seed article beside the checkout (third-party text: read by path, never copied).
fn seed() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    let mut articles: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    articles.sort();
    articles.into_iter().next()
}

#[test]
#[ignore = "needs chromium and node; .ci/run installs them and runs it"]
fn the_page_finds_highlights_and_fixes_the_seed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let server = Server::start(&["--isolated"]);
    let shots = root.join("target/artifacts");
    // Without the seed (a checkout on its own), the page's own sample has the same shape.
    let article = seed().map_or_else(|| "--sample".to_string(), |p| p.display().to_string());
    eprintln!("article: {article}");
    let output = Command::new("node")
        .arg(root.join("tests/browser/check-page.mjs"))
        .arg(format!("http://{}/", server.addr))
        .arg(&article)
        .arg(&shots)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the page test failed:\n{stdout}\n{stderr}\nserver log:\n{}",
        server.log()
    );
    println!("{stdout}");
    assert!(shots.join("page-findings.png").is_file());
}

#[test]
#[ignore = "needs chromium and node; .ci/run installs them and runs it"]
fn the_page_sample_has_the_seeds_shape() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let server = Server::start(&["--isolated"]);
    let output = Command::new("node")
        .arg(root.join("tests/browser/check-page.mjs"))
        .arg(format!("http://{}/", server.addr))
        .arg("--sample")
        .arg(root.join("target/artifacts/sample"))
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "the page test failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
