//! `newslint lsp` with a real client: Neovim from Debian, headless, opens an invented
//! article (tests/fixtures/lsp/article.md) with `tests/fixtures/lsp/test-init.lua`, which
//! writes the diagnostics it received (Neovim's own 0-based lines and byte columns, so
//! the server's UTF-16 positions are checked by Neovim's conversion) and the text after
//! the "fix all" code action. `.ci/run` installs Neovim and runs it with `--ignored`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lsp"))
}

#[test]
#[ignore = "needs Neovim (apt-get install neovim); .ci/run installs it and runs this"]
fn neovim_receives_the_diagnostics_and_applies_fix_all() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("article.md");
    std::fs::copy(fixtures().join("article.md"), &article).unwrap();
    let out = dir.path().join("diagnostics.txt");
    let mut nvim = Command::new("nvim")
        .args(["--headless", "--clean", "-u"])
        .arg(fixtures().join("test-init.lua"))
        .arg(&article)
        .current_dir(dir.path())
        .env("NEWSLINT_BIN", env!("CARGO_BIN_EXE_newslint"))
        .env("NEWSLINT_OUT", &out)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("nvim runs (apt-get install neovim)");
    // A guard against a hung editor, not a timing assertion.
    let deadline = Instant::now() + Duration::from_secs(180);
    let status = loop {
        if let Some(status) = nvim.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = nvim.kill();
            panic!("nvim did not finish in 180 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "nvim exited with {status}");
    let received = std::fs::read_to_string(&out).expect("the init script wrote its report");
    // Line 3 (0-based 2): “ ” — and 🚢 precede the second "the": 73 UTF-16 units from the
    // server, 81 bytes in Neovim's buffer.
    assert_eq!(
        received,
        "2:81-2:84 repeated-word \"the the\": the word is repeated\n\
         4:26-4:28 placeholder-text placeholder \"TK\" left in the copy\n\
         applied 1\n"
    );
    let fixed = std::fs::read_to_string(dir.path().join("diagnostics.txt.fixed")).unwrap();
    let original = std::fs::read_to_string(&article).unwrap();
    assert_eq!(fixed, original.replace("🚢 the the", "🚢 the"));
}
