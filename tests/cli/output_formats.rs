//! The output formats on the same invented articles: human (the default, with colour only
//! when asked), concise, JSON (every key, one-based lines, character columns) and GitHub
//! workflow commands (with their escaping).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::common::{CLEAN, Desk, FERRY, nth_offset};

/// The source line, and a caret line under `len` characters from 1-based `column`.
fn underline(line_no: usize, source_line: &str, column: usize, len: usize) -> String {
    format!(
        "{line_no} │ {source_line}\n  │ {}{}\n",
        " ".repeat(column - 1),
        "^".repeat(len)
    )
}

/// A diagnostic's `line`, `column`, `end_line` and `end_column`, as the JSON format gives them.
fn span(d: &Value) -> [&Value; 4] {
    [&d["line"], &d["column"], &d["end_line"], &d["end_column"]]
}

#[test]
fn human_format_shows_rule_location_underline_help_and_summary() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--format", "human", "ferry.md"]);
    run.expect_code(1);
    let expected = format!(
        "warning[repeated-word]: \"the the\": the word is repeated\n\
         \x20 ┌─ ferry.md:3:31\n\
         \x20 │\n\
         {}\
         \x20 │\n\
         \x20 = help: delete the second \"the\"\n\
         \x20 = fix (--fix): remove it\n\
         \n\
         error[placeholder-text]: placeholder \"TK\" left in the copy\n\
         \x20 ┌─ ferry.md:5:32\n\
         \x20 │\n\
         {}\
         \x20 │\n\
         \x20 = help: replace the placeholder with the missing copy, or cut it\n\
         \n\
         1 error, 1 warning in 1 file (1 checked)\n",
        underline(
            3,
            "Café owner Zoë Brant said the the late sailing would help trade.",
            31,
            3
        ),
        underline(
            5,
            "Fares at the Ærø kiosk rise by TK percent in May.",
            32,
            2
        ),
    );
    assert_eq!(run.stdout, expected);
    assert_eq!(run.stderr, "");
}

#[test]
fn human_format_is_the_default_and_has_no_colour_when_piped() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let default = desk.run(&["ferry.md"]);
    let human = desk.run(&["--format", "human", "ferry.md"]);
    assert_eq!(default.stdout, human.stdout);
    assert!(!default.stdout.contains('\x1b'), "{:?}", default.stdout);
    let coloured = desk.run(&["--color", "always", "ferry.md"]);
    assert!(coloured.stdout.contains('\x1b'), "{:?}", coloured.stdout);
}

#[test]
fn concise_format_is_one_line_per_finding() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--format", "concise", "ferry.md"]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "ferry.md:3:31: warning[repeated-word] \"the the\": the word is repeated\n\
         ferry.md:5:32: error[placeholder-text] placeholder \"TK\" left in the copy\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn json_format_has_every_key_one_based_lines_and_character_columns() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--format", "json", "ferry.md"]);
    run.expect_code(1);
    assert_eq!(run.stderr, "");
    let doc = run.json();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["files"], 1);
    let diagnostics = doc["diagnostics"].as_array().expect("diagnostics array");
    assert_eq!(diagnostics.len(), 2, "{doc:#}");
    let keys = [
        "path",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "help",
        "fix",
    ];
    for d in diagnostics {
        let found: BTreeSet<&str> = d
            .as_object()
            .expect("a diagnostic is an object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(found, keys.iter().copied().collect(), "{d:#}");
    }

    // The repeated "the": characters, not bytes ("Café", "Zoë" are 2 bytes per 'é'/'ë').
    let second_the = nth_offset(FERRY, "the the", 0) + 4;
    assert_eq!(second_the, 59);
    let d = &diagnostics[0];
    assert_eq!(d["path"], "ferry.md");
    assert_eq!(d["rule"], "repeated-word");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["message"], "\"the the\": the word is repeated");
    assert_eq!(span(d), [3, 31, 3, 34]);
    assert_eq!(d["byte_start"], second_the);
    assert_eq!(d["byte_end"], second_the + 3);
    assert_eq!(d["help"], "delete the second \"the\"");
    assert_eq!(
        d["fix"],
        serde_json::json!({"byte_start": second_the - 1, "byte_end": second_the + 3, "replacement": ""})
    );
    // The fix deletes " the" and leaves a readable sentence.
    let mut fixed = FERRY.to_string();
    fixed.replace_range(second_the - 1..second_the + 3, "");
    assert!(fixed.contains("said the late sailing"));

    let tk = nth_offset(FERRY, "TK", 0);
    let d = &diagnostics[1];
    assert_eq!(d["rule"], "placeholder-text");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "placeholder \"TK\" left in the copy");
    assert_eq!(span(d), [5, 32, 5, 34]);
    assert_eq!(d["byte_start"], tk);
    assert_eq!(d["byte_end"], tk + 2);
    assert_eq!(
        d["help"],
        "replace the placeholder with the missing copy, or cut it"
    );
    assert_eq!(d["fix"], Value::Null);

    assert_eq!(
        doc["summary"],
        serde_json::json!({"errors": 1, "warnings": 1, "infos": 0})
    );
}

#[test]
fn json_columns_count_characters_outside_the_basic_plane() {
    // Two emoji (4 bytes, 2 UTF-16 units each) before the finding: the column counts them
    // as one character each.
    let text = "# Letters page\n\nReaders sent 🎉🎉 and the the usual notes.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
    let desk = Desk::new();
    desk.write("letters.md", text);
    let run = desk.run(&["--format", "json", "letters.md"]);
    run.expect_code(1);
    let doc = run.json();
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "repeated-word", "{doc:#}");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 25);
    assert_eq!(d["end_column"], 28);
    assert_eq!(d["byte_start"], nth_offset(text, "the the", 0) + 4);
}

#[test]
fn json_format_of_a_clean_article() {
    let desk = Desk::new();
    desk.write("pier.md", CLEAN);
    let run = desk.run(&["--format", "json", "pier.md"]);
    run.expect_code(0);
    assert_eq!(
        run.json(),
        serde_json::json!({
            "version": 1,
            "files": 1,
            "diagnostics": [],
            "summary": {"errors": 0, "warnings": 0, "infos": 0},
            "errors": [],
        })
    );
}

#[test]
fn github_format_is_one_workflow_command_per_finding() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--format", "github", "ferry.md"]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "::warning file=ferry.md,line=3,col=31,endLine=3,endColumn=34,title=newslint repeated-word::\"the the\": the word is repeated\n\
         ::error file=ferry.md,line=5,col=32,endLine=5,endColumn=34,title=newslint placeholder-text::placeholder \"TK\" left in the copy\n"
    );
}

#[test]
fn github_format_escapes_properties_and_message() {
    // A house rule whose message holds `%` and a line break, an info finding (`::notice`),
    // and a file name with `,` and `:`, which are property separators.
    let desk = Desk::with_config(
        "rule-files = [\"house.toml\"]\n",
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nseverity = \"info\"\npattern = 'gangway'\nmessage = \"\\\"{match}\\\" is 100% jargon\\nwrite \\\"ramp\\\"\"\n",
    );
    let text =
        "# Pier\n\nPassengers used the gangway on Monday.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
    desk.write("late, desk: pier.md", text);
    let run = desk.run(&["--format", "github", "late, desk: pier.md"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "::notice file=late%2C desk%3A pier.md,line=3,col=21,endLine=3,endColumn=28,title=newslint no-gangway::\"gangway\" is 100%25 jargon%0Awrite \"ramp\"\n"
    );
}
