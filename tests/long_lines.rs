//! Reporting costs what the input costs: a one-paragraph article on a single long line with
//! hundreds of findings gives each finding a window of the line in human output (not the
//! whole line again), and exact positions in every format (issue 10, item 7).

mod common;

use common::Desk;

const SENTENCE: &str = "Officials in Marrow Bay said the the ferry would run. ";

/// A headline and one body line holding `SENTENCE` `n` times: `n` repeated-word findings.
fn one_long_line(n: usize) -> String {
    format!(
        "# Ferry plan for Marrow Bay\n\n{}\n\nPhoto: Marrow Bay Herald/Ada Quell\n",
        SENTENCE.repeat(n)
    )
}

#[test]
fn human_output_shows_a_window_of_a_long_line_per_finding() {
    let desk = Desk::new();
    let findings = 1000;
    desk.write("ferry.txt", one_long_line(findings));
    let run = desk.run(&["check", "--color", "never", "ferry.txt"]);
    run.expect_code(1);
    let out = format!("{}{}", run.stdout, run.stderr);
    assert_eq!(out.matches("warning[repeated-word]").count(), findings);
    // The line is 54 KB; the whole report stays within a few hundred bytes per finding
    // (before, every finding printed the whole line: 54 MB for this article).
    assert!(
        out.len() < findings * 2_000,
        "{} bytes of output for {findings} findings",
        out.len()
    );
    // Each finding's window holds it, with the real line and column in the header.
    let last_column =
        1 + (findings - 1) * SENTENCE.len() + "Officials in Marrow Bay said the ".len();
    assert!(
        out.contains(&format!("ferry.txt:3:{last_column}")),
        "{out:.2000}"
    );
    assert!(out.contains("line 3 is 54000 bytes long"));
    assert!(out.contains("3 │ …") && out.contains("said the the ferry would run"));
}

#[test]
fn machine_formats_give_exact_positions_on_a_long_line() {
    let desk = Desk::new();
    let findings = 500;
    desk.write("ferry.txt", one_long_line(findings));
    let json = desk.run(&["check", "--format", "json", "ferry.txt"]);
    json.expect_code(1);
    let report = json.json();
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), findings);
    for (n, d) in diagnostics.iter().enumerate() {
        let column = 1 + n * SENTENCE.len() + "Officials in Marrow Bay said the ".len();
        assert_eq!(d["line"], 3);
        assert_eq!(d["column"], column, "{d}");
        assert_eq!(d["end_line"], 3);
        let width = d["byte_end"].as_u64().unwrap() - d["byte_start"].as_u64().unwrap();
        assert_eq!(d["end_column"], column as u64 + width, "{d}");
    }
}
