//! Results that do not depend on where newslint runs from (issue 10, item 9): `exclude`
//! and `[[per-file]]` globs are relative to the config file; a parent folder's .gitignore
//! outside any git repository hides nothing; a file named on the command line is checked
//! unless `--force-exclude`.

mod common;

use common::{Desk, ONLY_ERROR};

fn desk() -> Desk {
    let desk = Desk::new();
    desk.write(
        "newslint.toml",
        "exclude = [\"drafts/**\"]\n\n[[per-file]]\npath = \"wire/*.md\"\nignore = [\"placeholder-text\"]\n",
    );
    desk.write("wire/toll.md", ONLY_ERROR);
    desk.write("drafts/toll.md", ONLY_ERROR);
    desk.write("local/toll.md", ONLY_ERROR);
    desk
}

fn run_in(desk: &Desk, folder: &str, args: &[&str]) -> common::Run {
    common::Run::from(
        desk.cmd(args)
            .current_dir(desk.path().join(folder))
            .output()
            .unwrap(),
    )
}

#[test]
fn per_file_ignores_and_excludes_hold_from_a_subfolder() {
    let desk = desk();
    let from_root = run_in(&desk, ".", &["check", "--format", "concise", "."]);
    from_root.expect_code(1);
    assert_eq!(from_root.stdout.lines().count(), 1, "{}", from_root.stdout);
    assert!(from_root.stdout.contains("local/toll.md"));

    let from_wire = run_in(&desk, "wire", &["check", "--format", "concise", "."]);
    from_wire.expect_code(0);
    assert_eq!(from_wire.stdout, "", "the per-file ignore holds in wire/");
    let from_local = run_in(&desk, "local", &["check", "--format", "concise", "../"]);
    from_local.expect_code(1);
    assert_eq!(
        from_local.stdout.lines().count(),
        1,
        "{}",
        from_local.stdout
    );
    assert!(
        !from_local.stdout.contains("drafts"),
        "{}",
        from_local.stdout
    );
}

#[test]
fn a_named_file_is_checked_unless_force_exclude() {
    let desk = desk();
    let named = run_in(
        &desk,
        "drafts",
        &["check", "--format", "concise", "toll.md"],
    );
    named.expect_code(1);
    let forced = run_in(
        &desk,
        "drafts",
        &["check", "--format", "concise", "--force-exclude", "toll.md"],
    );
    forced.expect_code(0);
    assert_eq!(forced.stdout, "");
}

#[test]
fn a_parent_gitignore_outside_git_hides_nothing() {
    let desk = Desk::new();
    desk.write(".gitignore", "*\n");
    desk.write("desk/story.md", ONLY_ERROR);
    let run = desk.run(&["check", "--isolated", "--format", "concise", "desk"]);
    run.expect_code(1);
    assert!(run.stdout.contains("story.md"), "{}", run.stdout);
    // Ignore files inside the folder named still count.
    desk.write("desk/.newslintignore", "story.md\n");
    let run = desk.run(&["check", "--isolated", "--format", "concise", "desk"]);
    run.expect_code(0);
}
