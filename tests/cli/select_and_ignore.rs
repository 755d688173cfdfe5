//! `--select` runs only the named rules, `--ignore` skips them, and an unknown name in
//! either is an exit 2.

use crate::common::{Desk, FERRY, rules_reported};

#[test]
fn select_runs_only_the_named_rules() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--select", "repeated-word", "--format", "json", "ferry.md"]);
    run.expect_code(1);
    assert_eq!(rules_reported(&run.json()), ["repeated-word"]);

    let run = desk.run(&[
        "--select",
        "placeholder-text",
        "--format",
        "json",
        "ferry.md",
    ]);
    assert_eq!(rules_reported(&run.json()), ["placeholder-text"]);

    let run = desk.run(&[
        "--select",
        "placeholder-text,repeated-word",
        "--format",
        "json",
        "ferry.md",
    ]);
    assert_eq!(
        rules_reported(&run.json()),
        ["repeated-word", "placeholder-text"]
    );

    // Selecting a rule that finds nothing: clean.
    let run = desk.run(&["--select", "date-invalid", "ferry.md"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 1 file\n");
}

#[test]
fn ignore_skips_the_named_rules() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&[
        "--ignore",
        "placeholder-text",
        "--format",
        "json",
        "ferry.md",
    ]);
    run.expect_code(1);
    assert_eq!(rules_reported(&run.json()), ["repeated-word"]);

    let run = desk.run(&["--ignore", "placeholder-text,repeated-word", "ferry.md"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 1 file\n");
}

#[test]
fn unknown_rule_in_select_or_ignore_exits_2() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    for flag in ["--select", "--ignore"] {
        let run = desk.run(&[flag, "repeated-word,no-such-rule", "ferry.md"]);
        run.expect_code(2);
        assert_eq!(run.stdout, "");
        assert_eq!(
            run.stderr,
            "error: unknown rule `no-such-rule` (see `newslint rules`)\n"
        );
    }
}
