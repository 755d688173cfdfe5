//! Paths that are missing, unreadable (a folder without read permission) or looping
//! (symbolic links): each named, and the good article still linted.

#[cfg(unix)]
use std::time::{Duration, Instant};

use crate::common::{Desk, ONLY_WARNING};
use crate::{GOOD_CONCISE, assert_contains, assert_ends_with, run_both, write_good};

#[test]
fn path_that_does_not_exist() {
    let desk = Desk::new();
    write_good(&desk);
    let (concise, human) = run_both(&desk, &["nothere.md", "no/such/folder"]);
    concise.expect_code(2);
    assert_eq!(
        concise.stdout,
        format!(
            "nothere.md:1:1: error[io] no such file or folder\n\
             no/such/folder:1:1: error[io] no such file or folder\n\
             {GOOD_CONCISE}"
        )
    );
    assert_eq!(
        human.stderr,
        "error: nothere.md: no such file or folder\nerror: no/such/folder: no such file or folder\n"
    );
    assert_ends_with(
        &human.stdout,
        "\n1 warning in 1 file (1 checked); 2 files could not be checked\n",
    );
}

#[cfg(unix)]
#[test]
fn folder_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;

    /// Gives the folder its permissions back, so that the temporary folder can be removed
    /// even when an assertion fails.
    struct Unlock(std::path::PathBuf);
    impl Drop for Unlock {
        fn drop(&mut self) {
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
        }
    }

    let desk = Desk::new();
    write_good(&desk);
    desk.write("desk/open/story.md", ONLY_WARNING);
    desk.write("desk/locked/story.md", ONLY_WARNING);
    let locked = desk.path().join("desk/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let _unlock = Unlock(locked.clone());
    // Root reads any folder: then there is nothing to report, only no panic to check.
    let enforced = std::fs::read_dir(&locked).is_err();

    let (concise, human) = run_both(&desk, &["desk"]);

    assert_contains(
        &concise.stdout,
        "desk/open/story.md:3:61: warning[repeated-word] \"the the\": the word is repeated\n",
    );
    if enforced {
        concise.expect_code(2);
        assert_contains(
            &concise.stdout,
            "desk/locked:1:1: error[io] permission denied\n",
        );
        assert_eq!(human.stderr, "error: desk/locked: permission denied\n");
    } else {
        eprintln!("running as root: chmod 000 is not enforced, the message is not checked");
        concise.expect_code(1);
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_named_and_do_not_hang() {
    use std::os::unix::fs::symlink;

    let desk = Desk::new();
    write_good(&desk);
    desk.write("desk/story.md", ONLY_WARNING);
    let dir = desk.path().join("desk");
    // A folder that contains itself, a link to itself, and two links to each other.
    symlink(".", dir.join("again")).unwrap();
    symlink("self.md", dir.join("self.md")).unwrap();
    symlink("pong.md", dir.join("ping.md")).unwrap();
    symlink("ping.md", dir.join("pong.md")).unwrap();

    let started = Instant::now();
    let (concise, human) = run_both(&desk, &["desk", "desk/self.md"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    concise.expect_code(2);
    assert_contains(
        &concise.stdout,
        "desk/story.md:3:61: warning[repeated-word] \"the the\": the word is repeated\n",
    );
    assert_contains(
        &human.stderr,
        "error: desk/again: symbolic link loop: it leads back to desk\n",
    );
    for name in ["desk/self.md", "desk/ping.md", "desk/pong.md"] {
        let line = human
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("error: {name}: ")))
            .unwrap_or_else(|| panic!("no error for {name}:\n{}", human.stderr));
        assert!(line.contains("symbolic link"), "{line}");
    }
}
