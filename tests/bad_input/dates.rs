//! Dates of year 0 and 99999, in front matter, as a date line and in the body: no panic,
//! findings only on the body, and no date placed in year 0 or before.

use crate::common::Desk;
use crate::{CREDIT, GOOD, run_both, write_good};

/// A body paragraph holding each extreme date, and yearless dates that take the year of
/// the article's date.
const EXTREME_DATES_BODY: &str = "The ferry first sailed on 0000-01-01, again on 99999-01-01 and last on Feb. 29, 0. It sails again on Monday, Jan. 1, and on Monday, Dec. 31.";

/// Articles carrying `date` in front matter, as a date line, and only in the body.
fn write_extreme_date_articles(desk: &Desk, date: &str, name: &str) {
    desk.write(
        &format!("front-{name}.md"),
        format!(
            "---\ntitle: Ferry\ndate: \"{date}\"\nphoto_credit: Tidewater Gazette/Omar Lind\n---\n\n{EXTREME_DATES_BODY}\n"
        ),
    );
    desk.write(
        &format!("line-{name}.txt"),
        format!("Ferry sails\n\n{date}\n\n{EXTREME_DATES_BODY}\n\n{CREDIT}\n"),
    );
}

#[test]
fn dates_of_year_0_and_99999_do_not_panic() {
    let desk = Desk::new();
    write_good(&desk);
    let names = [
        ("0000-01-01", "y0"),
        ("99999-01-01", "y99999"),
        ("Feb. 29, 0", "feb29"),
    ];
    let mut paths = Vec::new();
    for (date, name) in names {
        write_extreme_date_articles(&desk, date, name);
        paths.push(format!("front-{name}.md"));
        paths.push(format!("line-{name}.txt"));
    }
    desk.write(
        "body.md",
        format!("# Ferry\n\n{EXTREME_DATES_BODY}\n\n{CREDIT}\n"),
    );
    paths.push("body.md".to_string());
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();

    let (concise, human) = run_both(&desk, &paths);
    // Only findings, no file that could not be checked.
    concise.expect_code(1);
    assert_eq!(human.stderr, "");
    // Every finding is well-formed, and on the body paragraph of its file.
    for line in concise.stdout.lines() {
        let (path, rest) = line.split_once(':').expect("path:line:col: …");
        let (line_no, rest) = rest.split_once(':').expect("line:col: …");
        let (col, rest) = rest.split_once(": ").expect("col: …");
        let line_no: usize = line_no.parse().expect("a line number");
        let col: usize = col.parse().expect("a column number");
        let text = std::fs::read_to_string(desk.path().join(path)).expect("read the article");
        let source_line = text.lines().nth(line_no - 1).expect("the line exists");
        assert!(
            (1..=source_line.chars().count() + 1).contains(&col),
            "column out of the line: {line}"
        );
        if path != GOOD {
            assert_eq!(
                source_line, EXTREME_DATES_BODY,
                "finding off the body: {line}"
            );
            assert!(
                rest.starts_with("error[date-") || rest.starts_with("warning[date-"),
                "only date rules should fire here: {line}"
            );
        }
    }
}

#[test]
fn article_dated_year_0_does_not_date_other_dates_before_year_1() {
    // An article dated 0000-01-01 is a placeholder, not a date: in the body newslint does
    // not read 0000-01-01 as a date at all (numeric years run 1000–2999). Judging "Monday,
    // Jan. 1" and "Monday, Dec. 31" against it gives "January 1, 0" and "December 31, -1".
    let desk = Desk::new();
    write_good(&desk);
    write_extreme_date_articles(&desk, "0000-01-01", "y0");
    let (concise, _) = run_both(&desk, &["front-y0.md", "line-y0.txt"]);
    for line in concise.stdout.lines() {
        assert!(
            !line.contains(", 0 ") && !line.contains(", -"),
            "a date placed in year 0 or before:\n{}",
            concise.stdout
        );
    }
}
