//! What `--fix`, `--diff` and `--statistics` print, on the real binary: `--fix` says what it
//! changed per file and in total (in the human output, inside the JSON document, or on
//! standard error for the formats that keep standard output for findings), and every
//! mode keeps `--format json` one JSON document.

mod common;

use common::{Desk, ONLY_WARNING};
use serde_json::Value;

/// Two fixable doubled words and a date in a house form, in one file; nothing in another.
const FIXABLE: &str = "Pier to reopen\n\n2025.05.09\n\nThe the pier reopens at noon. The the end.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
const FIXED: &str = "Pier to reopen\n\n2025-05-09\n\nThe pier reopens at noon. The end.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
const CLEAN_TXT: &str =
    "Pier to reopen\n\nThe pier reopens at noon.\n\nPhoto: Tidewater Gazette/Omar Lind\n";

fn desk() -> Desk {
    let desk = Desk::new();
    desk.write("a.txt", FIXABLE);
    desk.write("b.txt", CLEAN_TXT);
    desk
}

#[test]
fn fix_says_what_it_changed_per_file_and_in_total() {
    let desk = desk();
    let run = desk.run(&["check", "--isolated", "--fix", "a.txt", "b.txt"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "fixed 3 findings in a.txt (date-format, repeated-word ×2)\n\
         fixed 3 findings in 1 file\n\
         no findings in 2 files\n"
    );
    assert_eq!(
        std::fs::read_to_string(desk.path().join("a.txt")).unwrap(),
        FIXED
    );
    let again = desk.run(&["check", "--isolated", "--fix", "a.txt", "b.txt"]);
    again.expect_code(0);
    assert_eq!(again.stdout, "nothing to fix\nno findings in 2 files\n");
}

#[test]
fn fix_with_json_reports_the_changes_inside_the_document() {
    let desk = desk();
    let run = desk.run(&[
        "check",
        "--isolated",
        "--fix",
        "--format",
        "json",
        "a.txt",
        "b.txt",
    ]);
    run.expect_code(0);
    let doc = run.json();
    assert_eq!(doc["fixed"]["fixes"], 3, "{doc:#}");
    let files = doc["fixed"]["files"].as_array().unwrap();
    assert_eq!(files.len(), 1, "{doc:#}");
    assert_eq!(files[0]["path"], "a.txt");
    assert_eq!(files[0]["fixes"], 3);
    assert_eq!(files[0]["rules"]["repeated-word"], 2);
    assert_eq!(files[0]["rules"]["date-format"], 1);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    // Without --fix the document has no `fixed` member.
    let plain = desk.run(&["check", "--isolated", "--format", "json", "a.txt"]);
    assert!(plain.json().get("fixed").is_none());
}

#[test]
fn fix_with_a_line_format_tells_the_changes_on_standard_error() {
    let desk = desk();
    let run = desk.run(&[
        "check",
        "--isolated",
        "--fix",
        "--format",
        "concise",
        "a.txt",
    ]);
    run.expect_code(0);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "fixed 3 findings in a.txt (date-format, repeated-word ×2)\nfixed 3 findings in 1 file\n"
    );
}

#[test]
fn diff_with_json_is_one_document_holding_the_diff() {
    let desk = desk();
    let run = desk.run(&[
        "check",
        "--isolated",
        "--diff",
        "--format",
        "json",
        "a.txt",
        "b.txt",
    ]);
    run.expect_code(1);
    let doc = run.json();
    let diffs = doc["diffs"].as_array().unwrap();
    assert_eq!(diffs.len(), 1, "{doc:#}");
    assert_eq!(diffs[0]["path"], "a.txt");
    let diff = diffs[0]["diff"].as_str().unwrap();
    assert!(diff.contains("-2025.05.09\n+2025-05-09\n"), "{diff}");
    // --diff changes nothing and reports the findings of the file as it stands.
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 3, "{doc:#}");
    assert_eq!(
        std::fs::read_to_string(desk.path().join("a.txt")).unwrap(),
        FIXABLE
    );
    // Nothing to change: still one document, with an empty list.
    let clean = desk.run(&["check", "--isolated", "--diff", "--format", "json", "b.txt"]);
    clean.expect_code(0);
    assert_eq!(clean.json()["diffs"], Value::Array(Vec::new()));
}

#[test]
fn diff_with_sarif_keeps_the_document_and_prints_the_diff_on_standard_error() {
    let desk = desk();
    let run = desk.run(&[
        "check",
        "--isolated",
        "--diff",
        "--format",
        "sarif",
        "a.txt",
    ]);
    run.expect_code(1);
    run.json();
    assert!(run.stderr.contains("+2025-05-09"), "{}", run.stderr);
}

#[test]
fn statistics_honour_json() {
    let desk = desk();
    desk.write("c.md", ONLY_WARNING);
    let run = desk.run(&[
        "check",
        "--isolated",
        "--statistics",
        "--format",
        "json",
        ".",
    ]);
    run.expect_code(1);
    let doc = run.json();
    assert_eq!(doc["files"], 3, "{doc:#}");
    assert_eq!(doc["files_with_findings"], 2);
    assert_eq!(doc["findings"], 4);
    let rules = doc["rules"].as_array().unwrap();
    assert_eq!(rules[0]["rule"], "repeated-word", "most first: {doc:#}");
    assert_eq!(rules[0]["found"], 3);
    assert_eq!(rules[0]["files"], 2);
    assert_eq!(rules[0]["fixable"], 3);
    assert_eq!(rules[0]["severity"], "warning");
    assert_eq!(rules[1]["rule"], "date-format");
    assert_eq!(doc["summary"]["warnings"], 4);
    // The table is still the human form.
    let table = desk.run(&["check", "--isolated", "--statistics", "."]);
    assert!(
        table
            .stdout
            .starts_with("  found   files  fixable  severity  rule\n"),
        "{}",
        table.stdout
    );
}
