//! The pre-commit hooks (`.pre-commit-hooks.yaml`) run for real by `pre-commit` (from PyPI)
//! in a throw-away git repository with one clean and one broken article: `newslint` fails,
//! `newslint-fix` fixes the broken one, then `newslint` passes. Ignored by default (pre-commit
//! builds newslint with `cargo install`, minutes on a small machine); `.ci/run` installs
//! pre-commit when missing and runs it with `--ignored`. The hooks come from this
//! checkout's HEAD commit (`pre-commit try-repo`), so commit before running it.

use std::path::Path;
use std::process::{Command, Output};

const BROKEN: &str = "# Harbour works go on\n\nThe the dredger arrived, the harbour master said.\n\nPhoto: Saltmarsh Courier/Ida Penn\n";
const CLEAN: &str = "# Harbour works go on\n\nThe dredger arrived on time, the harbour master said.\n\nPhoto: Saltmarsh Courier/Ida Penn\n";

fn run(dir: &Path, program: &str, args: &[&str]) -> Output {
    let checkout = env!("CARGO_MANIFEST_DIR");
    Command::new(program)
        .args(args)
        .current_dir(dir)
        // Its own build folder and cache: no fight over the test run's target lock.
        .env(
            "CARGO_TARGET_DIR",
            format!("{checkout}/target/pre-commit-build"),
        )
        .env(
            "PRE_COMMIT_HOME",
            format!("{checkout}/target/pre-commit-home"),
        )
        .env_remove("NO_COLOR")
        .output()
        .unwrap_or_else(|err| panic!("{program} runs: {err}"))
}

fn hook(dir: &Path, id: &str) -> Output {
    run(
        dir,
        "pre-commit",
        &[
            "try-repo",
            env!("CARGO_MANIFEST_DIR"),
            id,
            "--all-files",
            "--color",
            "never",
        ],
    )
}

#[test]
#[ignore = "builds newslint through pre-commit; run by .ci/run"]
fn hook_fails_on_the_broken_article_then_passes_after_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("broken.md"), BROKEN).unwrap();
    std::fs::write(d.join("clean.md"), CLEAN).unwrap();
    for args in [
        &["init", "-q", "-b", "main"][..],
        &["add", "."],
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
    ] {
        assert!(run(d, "git", args).status.success(), "git {args:?}");
    }

    let first = hook(d, "newslint");
    let said = String::from_utf8_lossy(&first.stdout);
    assert_eq!(first.status.code(), Some(1), "{said}");
    assert!(
        said.contains("broken.md:3:5") && said.contains("repeated-word"),
        "{said}"
    );
    assert!(!said.contains("clean.md:"), "{said}");

    let fix = hook(d, "newslint-fix");
    // pre-commit fails a hook that changed files, and the file is fixed.
    assert_eq!(
        fix.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&fix.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(d.join("broken.md")).unwrap(),
        BROKEN.replace("The the", "The")
    );
    assert_eq!(std::fs::read_to_string(d.join("clean.md")).unwrap(), CLEAN);

    let again = hook(d, "newslint");
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
}
