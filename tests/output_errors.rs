//! Output that fails loudly, never silently (issue 10, item 6): a closed pipe ends the run
//! quietly and without a panic, `--diff` included; a report that cannot be written in full
//! (`> /dev/full`) exits 2 and says so, in every format.

mod common;

use std::process::{Command, Stdio};

use common::{Desk, FERRY};

fn desk_with_articles(n: usize) -> Desk {
    let desk = Desk::new();
    for i in 0..n {
        desk.write(&format!("story-{i:03}.md"), FERRY);
    }
    desk
}

fn run_into_closed_pipe(desk: &Desk, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .current_dir(desk.path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before a byte is read, as `| head -0` would.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let desk = desk_with_articles(300);
    for args in [
        &["check", "--isolated", "."][..],
        &["check", "--isolated", "--diff", "."],
        &["check", "--isolated", "--format", "json", "."],
        &["rules", "--isolated"],
    ] {
        let (code, stderr) = run_into_closed_pipe(&desk, args);
        assert_ne!(code, Some(101), "{args:?} panicked: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?} is not quiet: {stderr}");
        assert!(matches!(code, Some(0 | 1)), "{args:?}: {code:?} {stderr}");
    }
}

#[test]
fn a_report_that_cannot_be_written_exits_2_and_says_so() {
    let desk = desk_with_articles(3);
    for format in ["human", "concise", "json", "sarif", "github"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_newslint"))
            .current_dir(desk.path())
            .args(["check", "--isolated", "--format", format, "."])
            .stdout(full)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{format}: {stderr}");
        assert!(
            stderr.contains("cannot write the output"),
            "{format}: {stderr}"
        );
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .current_dir(desk.path())
        .args(["check", "--isolated", "--diff", "."])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}
