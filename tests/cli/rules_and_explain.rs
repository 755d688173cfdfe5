//! `newslint rules` (each rule with its kind, severity, fix and pack, house rules and
//! overrides included) and `newslint explain` (a rule's description and examples).

use crate::common::Desk;

/// The table `newslint rules` prints, a row a line, each cell a word.
fn rows(table: &str) -> Vec<Vec<&str>> {
    table
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect()
}

#[test]
fn rules_lists_each_rule_with_kind_severity_and_pack() {
    let desk = Desk::new();
    let run = desk.run(&["rules"]);
    run.expect_code(0);
    let rows = rows(&run.stdout);
    assert_eq!(rows[0], ["rule", "kind", "severity", "fix", "pack"]);
    let row = |id: &str| {
        rows.iter()
            .find(|r| r[0] == id)
            .unwrap_or_else(|| panic!("no row for {id}:\n{}", run.stdout))
            .clone()
    };
    assert_eq!(
        row("photo-credit-missing"),
        ["photo-credit-missing", "required", "warning", "news"]
    );
    assert_eq!(
        row("repeated-word"),
        ["repeated-word", "repetition", "warning", "yes", "news"]
    );
    assert_eq!(
        row("placeholder-text"),
        ["placeholder-text", "pattern", "error", "news"]
    );
}

#[test]
fn rules_include_house_rules_and_overrides() {
    let desk = Desk::with_config(
        "rule-files = [\"house.toml\"]\n\n[rules.repeated-word]\nseverity = \"error\"\n",
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nseverity = \"info\"\npattern = 'gangway'\n",
    );
    let run = desk.run(&["rules"]);
    run.expect_code(0);
    let rows = rows(&run.stdout);
    assert!(
        rows.contains(&vec!["no-gangway", "pattern", "info", "house"]),
        "{}",
        run.stdout
    );
    assert!(
        rows.contains(&vec!["repeated-word", "repetition", "error", "yes", "news"]),
        "{}",
        run.stdout
    );
}

#[test]
fn explain_prints_description_and_examples() {
    let desk = Desk::new();
    let run = desk.run(&["explain", "repeated-word"]);
    run.expect_code(0);
    let out = &run.stdout;
    assert!(
        out.starts_with("repeated-word (news pack, kind repetition, warning)\n\n"),
        "{out}"
    );
    for needle in [
        "A word typed twice in a row",
        "\nBad:\n    The council voted to close the\n    the library on Sundays.\n",
        "\nFixed:\n    The council voted to close the library on Sundays.\n",
        "\nGood:\n    She had had enough",
    ] {
        assert!(out.contains(needle), "lacks {needle:?}:\n{out}");
    }
}

#[test]
fn explain_an_unknown_rule_exits_2() {
    let desk = Desk::new();
    let run = desk.run(&["explain", "no-such-rule"]);
    run.expect_code(2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: there is no rule `no-such-rule` (see `newslint rules`)\n"
    );
}
