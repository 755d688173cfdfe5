//! Files named by a config (issue 10, item 2): only regular text files are read as configs,
//! rule packs and facts files; devices and FIFOs are refused at once, and nothing of a file
//! that is not a TOML text file is echoed (a pull request that edits `newslint.toml` must
//! not be able to print a CI job's secrets).

mod common;

use common::{CLEAN, Desk};

const SECRET: &str = "NEWSLINT_TEST_SECRET=hunter2-abc";

fn assert_refused_quietly(run: &common::Run, needle: &str) {
    run.expect_code(2);
    assert!(run.stderr.contains(needle), "{}", run.stderr);
    assert!(
        !run.stderr.contains("hunter2"),
        "the secret leaked: {}",
        run.stderr
    );
    assert!(
        !run.stdout.contains("hunter2"),
        "the secret leaked: {}",
        run.stdout
    );
}

#[test]
fn the_environment_is_never_printed() {
    let desk = Desk::new();
    desk.write("story.md", CLEAN);
    desk.write("newslint.toml", "rule-files = [\"/proc/self/environ\"]\n");
    let run = Desk::run_env(&desk, &["check", "story.md"], SECRET);
    assert_refused_quietly(&run, "not a text file");
    let run = Desk::run_env(
        &desk,
        &["check", "--config", "/proc/self/environ", "story.md"],
        SECRET,
    );
    assert_refused_quietly(&run, "not a text file");
}

#[test]
fn a_file_that_is_not_toml_is_located_but_not_shown() {
    let desk = Desk::new();
    desk.write("story.md", CLEAN);
    desk.write(".env", "API_TOKEN=hunter2-abc\n");
    desk.write("newslint.toml", "rule-files = [\".env\"]\n");
    let run = desk.run(&["check", "story.md"]);
    assert_refused_quietly(&run, ".env:1:");
    assert!(run.stderr.contains("not shown"), "{}", run.stderr);
}

#[test]
fn devices_folders_and_fifos_are_refused_at_once() {
    let desk = Desk::new();
    desk.write("story.md", CLEAN);
    let fifo = desk.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    for (rule_file, why) in [("/dev/zero", "a device"), ("pipe.toml", "a named pipe")] {
        desk.write("newslint.toml", format!("rule-files = [\"{rule_file}\"]\n"));
        // The desk's timeout (60 s) turns a hang into a failure rather than a stuck suite.
        let run = desk.run(&["check", "story.md"]);
        assert_refused_quietly(&run, why);
    }
    let run = desk.run(&["check", "--config", "pipe.toml", "story.md"]);
    assert_refused_quietly(&run, "a named pipe");
    let run = desk.run(&["check", "--config", "/dev/zero", "story.md"]);
    assert_refused_quietly(&run, "a device");
    let run = desk.run(&["test", "/dev/zero"]);
    assert_refused_quietly(&run, "a device");
}

#[test]
fn facts_files_are_read_only_when_they_are_regular_text_files() {
    let desk = Desk::new();
    desk.write("story.md", CLEAN);
    desk.write("newslint.toml", "facts = [\"/dev/zero\"]\n");
    assert_refused_quietly(&desk.run(&["check", "story.md"]), "a device");
    desk.write("newslint.toml", "facts = [\"/proc/self/environ\"]\n");
    let run = Desk::run_env(&desk, &["check", "story.md"], SECRET);
    assert_refused_quietly(&run, "not a text file");
}
