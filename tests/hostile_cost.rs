//! Hostile files cost time linear in their size (issue 10, item 8). Each article here took
//! minutes before the fix (quadratic work) and takes well under a second in a release build
//! now; the harness's 60-second limit per run is the guard, and each test checks the result
//! too. Speed itself is measured by hand (the figures are in the closing note).

mod common;

use common::Desk;

/// Thousands of `disable` ranges left open, each before a finding it silences: every
/// finding used to scan every range.
#[test]
fn many_open_disable_ranges_cost_linear_time() {
    let desk = Desk::new();
    let unit = "<!-- newslint-disable repeated-word -->\nThe the tide turned.\n\n";
    let n = 60_000;
    desk.write(
        "tides.md",
        format!(
            "# Tide tables\n\n{}Photo: Gull Point Echo/Rui Vale\n",
            unit.repeat(n)
        ),
    );
    let run = desk.run(&["check", "--format", "concise", "tides.md"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "");
}

/// Tens of thousands of `disable` comments each naming its own rule, closed one by one:
/// every `enable` used to scan every open range.
#[test]
fn many_named_ranges_closed_one_by_one_cost_linear_time() {
    let desk = Desk::new();
    let n = 60_000;
    let mut text = String::from("# Tide tables\n\nThe the tide turned.\n\n");
    for i in 0..n {
        text.push_str(&format!("<!-- newslint-disable repeated-word{i} -->\n\n"));
    }
    for i in (0..n).rev() {
        text.push_str(&format!("<!-- newslint-enable repeated-word{i} -->\n\n"));
    }
    text.push_str("Photo: Gull Point Echo/Rui Vale\n");
    desk.write("tides.md", text);
    let run = desk.run(&["check", "--format", "concise", "tides.md"]);
    run.expect_code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // One unknown-rule warning per comment that names a rule, and the finding itself.
    assert_eq!(lines.len(), n + 1, "{:.2000}", run.stdout);
    assert!(lines[0].contains("warning[repeated-word]"), "{}", lines[0]);
    assert!(
        lines[1].contains("`repeated-word0` is not a rule (did you mean `repeated-word`?)"),
        "{}",
        lines[1]
    );
}

/// YAML front matter of 40,000 keys: each key's span used to be found by a scan of every
/// line of the block.
#[test]
fn a_front_matter_of_many_keys_costs_linear_time() {
    let desk = Desk::new();
    let n = 40_000;
    let mut text = String::from("---\n");
    for i in 0..n {
        text.push_str(&format!("key{i}: value {i}\n"));
    }
    text.push_str("title: \"Gull Point regatta\"\n---\n# Gull Point regatta\n\nThe boats sailed at noon.\n\nPhoto: Gull Point Echo/Rui Vale\n");
    desk.write("regatta.md", text);
    desk.run(&["check", "regatta.md"]).expect_code(0);
    let inspect = desk.run(&["inspect", "regatta.md"]);
    inspect.expect_code(0);
    // The headline is the last key's value, found on its own line.
    assert!(
        inspect
            .stdout
            .contains(&format!("headline: Gull Point regatta  (line {})", n + 2)),
        "{:.500}",
        inspect.stdout
    );
}

/// `-j 100000` used to start 100,000 threads for three files (minutes); now the pool has
/// at most one thread per file and 4 per core.
#[test]
fn a_huge_job_count_is_capped() {
    let desk = Desk::new();
    for name in ["a.txt", "b.txt", "c.txt"] {
        desk.write(name, common::ONLY_WARNING);
    }
    let run = desk.run(&["check", "-j", "100000", "--format", "concise", "."]);
    run.expect_code(1);
    assert_eq!(run.stdout.matches("warning[repeated-word]").count(), 3);
}

/// A headline of 100,000 opening quotation marks that never close: each one used to search
/// the rest of the headline for its closing mark (25 s in a release build). A run of `‘` is
/// the wire's `‘‘` again and again, and each one read the rest of the run (83 s in a debug
/// build).
#[test]
fn unmatched_quotation_marks_in_a_headline_cost_linear_time() {
    let desk = Desk::new();
    for mark in ["“", "‘"] {
        let headline = mark.repeat(100_000);
        desk.write(
            "marks.txt",
            format!("{headline} Gull Point\n\nThe boats sailed at noon.\n\nPhoto: Gull Point Echo/Rui Vale\n"),
        );
        let run = desk.run(&["check", "--format", "concise", "marks.txt"]);
        assert!(
            matches!(run.code, Some(0 | 1)),
            "{mark}: {:?} {}",
            run.code,
            run.stderr
        );
        assert!(
            !run.stdout.contains("headline-quote-unsupported"),
            "{mark}: {:.500}",
            run.stdout
        );
    }
}
