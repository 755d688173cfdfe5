//! A house rule scoped to the lead (`scope = "lead"`, the first body paragraph) with its
//! examples written as plain text (`format = "txt"`), as most house copy is: `newslint test`
//! runs the examples as plain-text articles, and `check` applies the rule to the lead only.
//! Run on the real binary.

mod common;

use common::Desk;

const PACK: &str = r#"[pack]
name = "house"

[[rule]]
id = "house-lead-dateline"
kind = "required"
severity = "warning"
scope = "lead"
pattern = '^\p{Lu}[\p{Lu}\x20]+\x20—\x20'
message = "the first paragraph opens without a dateline"
help = "open the lead with the town in capitals and a dash: `KESTRA — …`"
description = "Every story opens with a dateline in its first paragraph."
[[rule.examples]]
format = "txt"
bad = "Ferry returns\n\nThe ferry returns in June.\n\nKESTRA — Tickets go on sale today."
[[rule.examples]]
format = "txt"
good = "Ferry returns\n\nKESTRA — The ferry returns in June.\n\nTickets go on sale today."
"#;

#[test]
fn txt_examples_of_a_lead_rule_pass_newslint_test() {
    let desk = Desk::new();
    desk.write("rules/house.toml", PACK);
    let run = desk.run(&["test", "rules/"]);
    run.expect_code(0);
    assert!(
        run.stdout.contains("1 rules, 2 examples passed, 0 failed"),
        "{}",
        run.stdout
    );
    // Read as Markdown, the good example's headline would be its first body paragraph.
    desk.write("rules/house.toml", PACK.replace("format = \"txt\"\n", ""));
    let run = desk.run(&["test", "rules/"]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("good example draws `house-lead-dateline`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_lead_rule_looks_at_the_first_body_paragraph_only() {
    let desk = Desk::new();
    desk.write("rules/house.toml", PACK);
    desk.write("newslint.toml", "rule-files = [\"rules\"]\n");
    let credit = "\n\nPhoto: Kestra Post/Ann Lee\n";
    desk.write(
        "good.txt",
        format!("Ferry returns\n\nKESTRA — The ferry returns in June.\n\nTickets go on sale today.{credit}"),
    );
    desk.write(
        "late.txt",
        format!("Ferry returns\n\nThe ferry returns in June.\n\nKESTRA — Tickets go on sale today.{credit}"),
    );
    let run = desk.run(&["check", "--format", "concise", "good.txt", "late.txt"]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "late.txt:1:1: warning[house-lead-dateline] the first paragraph opens without a dateline\n"
    );
}

#[test]
fn an_unknown_example_format_points_into_the_pack() {
    let desk = Desk::new();
    desk.write(
        "rules/house.toml",
        PACK.replacen("format = \"txt\"", "format = \"doc\"", 1),
    );
    let run = desk.run(&["test", "rules/"]);
    run.expect_code(2);
    assert!(
        run.stderr
            .contains("unknown example format `doc`: write `md`, `txt`, `html` or `xml`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("house.toml:14:10"), "{}", run.stderr);
}
