//! The pre-commit hooks (`.pre-commit-hooks.yaml`) run for real by `pre-commit` (from PyPI)
//! in a throw-away git repository whose `.pre-commit-config.yaml` points at this checkout's
//! HEAD commit, as a newsroom's would point at a tag: `newslint` fails on the broken
//! article, `newslint-fix` fixes it, then `newslint` passes, and a draft the newsroom's
//! `newslint.toml` excludes is left alone although pre-commit names it (`--force-exclude`).
//!
//! Ignored by default: pre-commit builds newslint with `cargo install` (language: rust), so
//! `.ci/run` installs pre-commit when missing and runs this with `--ignored`. The hooks
//! come from HEAD, so commit before running it. The build goes to
//! `target/pre-commit-build` at opt-level 0 (the hooks' behaviour, not their speed, is under
//! test), and pre-commit's store to `target/pre-commit-home`: all three runs share one clone
//! and one build, and a later run rebuilds only newslint itself.

use std::path::Path;
use std::process::{Command, Output};

const BROKEN: &str = "# Harbour works go on\n\nThe the dredger arrived, the harbour master said.\n\nPhoto: Saltmarsh Courier/Ida Penn\n";
const CLEAN: &str = "# Harbour works go on\n\nThe dredger arrived on time, the harbour master said.\n\nPhoto: Saltmarsh Courier/Ida Penn\n";

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    let checkout = env!("CARGO_MANIFEST_DIR");
    Command::new(program)
        .args(args)
        .current_dir(dir)
        // Its own build folder: no fight over the test run's target lock, and kept between
        // runs, so only the newslint crate is rebuilt for a new commit.
        .env(
            "CARGO_TARGET_DIR",
            format!("{checkout}/target/pre-commit-build"),
        )
        // `cargo install` builds the release profile; optimising is minutes of CPU that
        // tell this test nothing.
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "256")
        .env("CARGO_PROFILE_RELEASE_LTO", "false")
        .env(
            "PRE_COMMIT_HOME",
            format!("{checkout}/target/pre-commit-home"),
        )
        .env_remove("NO_COLOR")
        .output()
        .unwrap_or_else(|err| panic!("{program} runs: {err}"))
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, "git", args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// `pre-commit run HOOK --all-files` (the fix hook is in the `manual` stage: a newsroom
/// chooses one of the two hooks): the exit code and everything it said.
fn hook(dir: &Path, id: &str) -> (Option<i32>, String) {
    let mut args = vec!["run", id, "--all-files", "--color", "never"];
    if id == "newslint-fix" {
        args.extend(["--hook-stage", "manual"]);
    }
    let out = run(dir, "pre-commit", &args);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), said)
}

#[test]
#[ignore = "builds newslint through pre-commit; run by .ci/run"]
fn hook_fails_on_the_broken_article_then_passes_after_the_fix() {
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let head = git(checkout, &["rev-parse", "HEAD"]);
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("drafts")).unwrap();
    std::fs::write(d.join("broken.md"), BROKEN).unwrap();
    std::fs::write(d.join("clean.md"), CLEAN).unwrap();
    std::fs::write(d.join("drafts/unfinished.md"), BROKEN).unwrap();
    std::fs::write(d.join("newslint.toml"), "exclude = [\"drafts\"]\n").unwrap();
    std::fs::write(
        d.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {head}\n    hooks:\n      - id: newslint\n      - id: newslint-fix\n        stages: [manual]\n",
            checkout.display()
        ),
    )
    .unwrap();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    git(
        d,
        &[
            "-c",
            "user.name=Desk",
            "-c",
            "user.email=desk@example.invalid",
            "commit",
            "-q",
            "-m",
            "copy",
        ],
    );

    let (code, said) = hook(d, "newslint");
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("broken.md:3:5") && said.contains("repeated-word"),
        "{said}"
    );
    assert!(!said.contains("clean.md:"), "{said}");
    assert!(!said.contains("drafts/"), "--force-exclude: {said}");

    let (code, said) = hook(d, "newslint-fix");
    // pre-commit fails a hook that changed files, and the file is fixed.
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("files were modified by this hook"), "{said}");
    assert_eq!(
        std::fs::read_to_string(d.join("broken.md")).unwrap(),
        BROKEN.replace("The the", "The")
    );
    assert_eq!(std::fs::read_to_string(d.join("clean.md")).unwrap(), CLEAN);
    assert_eq!(
        std::fs::read_to_string(d.join("drafts/unfinished.md")).unwrap(),
        BROKEN,
        "an excluded draft is not fixed"
    );

    let (code, said) = hook(d, "newslint");
    assert_eq!(code, Some(0), "{said}");
}
