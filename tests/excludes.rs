//! Which files a folder walk skips, on the real binary: the default excludes (build output,
//! fuzzing artifacts, tests' bad-input fixtures) so that `newslint` at a repository's root
//! does not stop on files that are not articles, and `exclude = ["drafts/"]` with a
//! trailing slash meaning the folder.

mod common;

use common::{CLEAN, Desk};

/// Bytes no article holds: newslint refuses them as binary (exit 2) when it reads them.
const BINARY: &[u8] = b"#\x00\x01 not an article\n";

#[test]
fn build_output_fuzz_artifacts_and_bad_input_fixtures_are_not_walked() {
    let desk = Desk::new();
    desk.write("articles/pier.md", CLEAN);
    for junk in [
        "target/debug/build/out.md",
        "fuzz/artifacts/packs/crash-1.md",
        "fuzz/corpus/lint/seed.txt",
        "tests/fuzz-regressions/setext.md",
        "tests/fixtures/bad-input/nul.txt",
        "node_modules/pkg/README.md",
    ] {
        desk.write(junk, BINARY);
    }
    let run = desk.run(&["check"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 1 file\n", "{}", run.stderr);
    // Named on the command line, a file is checked all the same.
    desk.run(&["check", "tests/fuzz-regressions/setext.md"])
        .expect_code(2);
    // ... unless --force-exclude (pre-commit names every changed file).
    desk.run(&[
        "check",
        "--force-exclude",
        "tests/fuzz-regressions/setext.md",
    ])
    .expect_code(0);
    // A config's own `exclude` adds to the defaults.
    desk.write("newslint.toml", "exclude = [\"articles/**\"]\n");
    let run = desk.run(&["check"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 0 files\n", "{}", run.stderr);
}

#[test]
fn an_exclude_ending_in_a_slash_skips_the_folder() {
    let desk = Desk::new();
    desk.write("articles/pier.md", CLEAN);
    desk.write("drafts/half.md", "# Draft\n\nTK the the\n");
    desk.write("drafts/deeper/more.md", "# Draft\n\nTK the the\n");
    desk.write("newslint.toml", "exclude = [\"drafts/\"]\n");
    let run = desk.run(&["check", "."]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 1 file\n");
}

#[test]
fn newslint_at_this_repository_root_does_not_exit_2() {
    // The repository itself: its target/ folder, fuzz artifacts and the fuzz regression
    // inputs under tests/ are not articles.
    let root = env!("CARGO_MANIFEST_DIR");
    let run = common::Run::from(
        assert_cmd::Command::new(env!("CARGO_BIN_EXE_newslint"))
            .current_dir(root)
            .args(["check", "--format", "json"])
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .expect("run newslint"),
    );
    let doc = run.json();
    assert_eq!(doc["errors"], serde_json::json!([]), "{}", run.stderr);
    assert_ne!(run.code, Some(2), "{}", run.stderr);
}
