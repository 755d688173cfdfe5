//! The GitHub Action's entry script (`.github/action/entry.sh`) run for real with fake
//! `GITHUB_*` and `INPUT_*` variables and the `newslint` built by this crate on PATH; and
//! `--force-exclude`, which the script and pre-commit rely on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ENTRY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/.github/action/entry.sh");

/// An invented article with twelve doubled words: more warnings than GitHub shows as
/// annotations of one step, so the summary must carry the rest.
fn twelve_doubled() -> String {
    let mut text = String::from("# Harbour works go on\n\n");
    for n in 1..=12 {
        text.push_str(&format!("Crew {n} said the the dredger was late.\n\n"));
    }
    text.push_str("Photo: Saltmarsh Courier/Ida Penn\n");
    text
}

const CLEAN: &str = "# Harbour works go on\n\nThe dredger arrived on time, the harbour master said.\n\nPhoto: Saltmarsh Courier/Ida Penn\n";

fn newslint_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_newslint"))
        .parent()
        .expect("binary folder")
        .to_path_buf()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Desk",
            "-c",
            "user.email=desk@example.invalid",
        ])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// Run the entry script in `dir` with the given inputs; returns its output, the step
/// summary and the step outputs.
fn run_action(
    dir: &Path,
    inputs: &[(&str, &str)],
    github: &[(&str, &str)],
) -> (Output, String, String) {
    let summary = dir.join(".summary.md");
    let outputs = dir.join(".outputs");
    let path = format!(
        "{}:{}",
        newslint_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = Command::new("bash");
    command
        .arg(ENTRY)
        .current_dir(dir)
        .env("PATH", path)
        .env("GITHUB_ACTIONS", "true")
        .env("GITHUB_WORKSPACE", dir)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .env("GITHUB_OUTPUT", &outputs)
        .env_remove("GITHUB_BASE_REF");
    for (key, value) in inputs.iter().chain(github) {
        command.env(key, value);
    }
    let output = command.output().expect("bash runs");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    (output, read(&summary), read(&outputs))
}

#[test]
fn annotations_summary_with_every_finding_sarif_and_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("harbour.md"), twelve_doubled()).unwrap();
    std::fs::write(dir.path().join("clean.md"), CLEAN).unwrap();
    let (output, summary, outputs) = run_action(
        dir.path(),
        &[("INPUT_PATHS", "."), ("INPUT_SARIF", "out.sarif")],
        &[],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let annotations = stdout
        .lines()
        .filter(|l| l.starts_with("::warning file=./harbour.md") && l.contains("repeated-word"))
        .count();
    assert_eq!(annotations, 12, "{stdout}");
    let listed = summary
        .lines()
        .filter(|l| l.contains("warning[repeated-word]"))
        .count();
    assert_eq!(listed, 12, "the summary lists every finding:\n{summary}");
    assert!(summary.starts_with("### newslint"), "{summary}");
    assert_eq!(outputs.trim(), "exit-code=1");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .expect("SARIF is JSON");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 12);
}

#[test]
fn clean_copy_passes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clean.md"), CLEAN).unwrap();
    let (output, summary, outputs) = run_action(dir.path(), &[], &[]);
    assert_eq!(output.status.code(), Some(0));
    assert!(summary.contains("No finding"), "{summary}");
    assert_eq!(outputs.trim(), "exit-code=0");
}

#[test]
fn a_pull_request_checks_only_the_articles_it_changes_and_honours_exclude() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("old.md"), twelve_doubled()).unwrap();
    std::fs::write(d.join("newslint.toml"), "exclude = [\"wire/**\"]\n").unwrap();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "base"]);
    git(d, &["checkout", "-q", "-b", "story"]);
    std::fs::write(
        d.join("new.md"),
        CLEAN.replace("The dredger", "The the dredger"),
    )
    .unwrap();
    std::fs::create_dir(d.join("wire")).unwrap();
    std::fs::write(d.join("wire/agency.md"), twelve_doubled()).unwrap();
    git(d, &["add", "."]);
    git(d, &["commit", "-q", "-m", "story"]);
    let (output, summary, _) = run_action(
        d,
        &[("INPUT_CHANGED_ONLY", "true")],
        &[("GITHUB_BASE_REF", "main"), ("NEWSLINT_BASE", "main")],
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("file=new.md"), "{stdout}");
    assert!(
        !stdout.contains("old.md"),
        "unchanged articles are not checked: {stdout}"
    );
    assert!(
        !stdout.contains("wire/agency.md"),
        "excluded files stay excluded: {stdout}"
    );
    assert_eq!(summary.matches("[repeated-word]").count(), 1, "{summary}");
}

#[test]
fn force_exclude_applies_exclude_to_named_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("newslint.toml"), "exclude = [\"drafts\"]\n").unwrap();
    std::fs::create_dir(d.join("drafts")).unwrap();
    std::fs::write(d.join("drafts/a.md"), twelve_doubled()).unwrap();
    let run = |extra: &[&str]| {
        assert_cmd::Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(d)
            .args(["check", "--format", "concise"])
            .args(extra)
            .arg("drafts/a.md")
            .output()
            .unwrap()
    };
    // Named without the flag: checked, as before.
    assert_eq!(run(&[]).status.code(), Some(1));
    let forced = run(&["--force-exclude"]);
    assert_eq!(forced.status.code(), Some(0));
    assert!(
        !String::from_utf8_lossy(&forced.stdout).contains("repeated-word"),
        "an excluded file named on the command line is skipped with --force-exclude"
    );
}
