//! Rule ids a user types that name no loaded rule: `--select`, `--ignore`, `[[per-file]]`,
//! suppressions and `explain` say so, with the nearest id or the built-in pack that defines
//! the rule, instead of silently doing nothing. Run on the real binary.

mod common;

use common::{Desk, ONLY_WARNING};

#[test]
fn select_and_ignore_typos_are_errors_with_a_suggestion() {
    let desk = Desk::new();
    desk.write("a.md", ONLY_WARNING);
    let run = desk.run(&["check", "--isolated", "--select", "repeated-wrod", "a.md"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "error: unknown rule `repeated-wrod` (did you mean `repeated-word`?) (see `newslint rules`)\n"
    );
    let run = desk.run(&[
        "check",
        "--isolated",
        "--ignore",
        "stray-txt,toward-not-towards",
        "a.md",
    ]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "error: unknown rule `stray-txt` (did you mean `stray-text`?) (see `newslint rules`)\n\
         error: unknown rule `toward-not-towards` (a rule of the built-in `ap` pack, which is \
         not enabled: add \"ap\" to `packs` in newslint.toml) (see `newslint rules`)\n"
    );
}

#[test]
fn a_per_file_typo_is_an_error_pointing_at_it() {
    let desk = Desk::new();
    desk.write("wire/a.md", ONLY_WARNING);
    desk.write(
        "newslint.toml",
        "[[per-file]]\npath = \"wire/**\"\nignore = [\"photo-credit-missing\", \"repeated-wrod\"]\n",
    );
    let run = desk.run(&["check", "wire"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains(
            "error: `[[per-file]]` ignores `repeated-wrod`, which is not a rule (did you mean `repeated-word`?)"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("newslint.toml:3:35"), "{}", run.stderr);
    // Spelled right, it silences the rule.
    desk.write(
        "newslint.toml",
        "[[per-file]]\npath = \"wire/**\"\nignore = [\"repeated-word\"]\n",
    );
    desk.run(&["check", "wire"]).expect_code(0);
}

#[test]
fn a_suppression_of_a_rule_of_a_pack_not_enabled_says_which_pack() {
    let desk = Desk::new();
    desk.write(
        "a.txt",
        "Pier\n\nThe pier moved towards the sea. [newslint: ignore toward-not-towards]\n\nPhoto: Pier Post/Jo Marr\n",
    );
    let run = desk.run(&["check", "--isolated", "--format", "concise", "a.txt"]);
    assert!(
        run.stdout.contains(
            "`toward-not-towards` is not a rule (a rule of the built-in `ap` pack, which is not enabled"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_of_a_rule_of_a_pack_not_enabled_explains_it_and_how_to_enable_it() {
    let desk = Desk::new();
    let run = desk.run(&["explain", "toward-not-towards", "--isolated"]);
    run.expect_code(0);
    assert!(
        run.stdout.starts_with(
            "toward-not-towards (ap pack, kind substitution, warning)\n\n\
             Not run by these settings: a rule of the built-in `ap` pack, which is not enabled: \
             add \"ap\" to `packs` in newslint.toml.\n\n"
        ),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"toward\""), "{}", run.stdout);
    assert!(run.stdout.contains("Bad:\n"), "{}", run.stdout);
    // With the pack enabled there is no such note.
    desk.write("newslint.toml", "packs = [\"news\", \"ap\"]\n");
    let enabled = desk.run(&["explain", "toward-not-towards"]);
    enabled.expect_code(0);
    assert!(!enabled.stdout.contains("Not run"), "{}", enabled.stdout);
    let typo = desk.run(&["explain", "repeated-wrod"]);
    typo.expect_code(2);
    assert_eq!(
        typo.stderr,
        "error: there is no rule `repeated-wrod` (did you mean `repeated-word`?) (see `newslint rules`)\n"
    );
}
