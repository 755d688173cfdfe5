//! Integration tests of the `newslint` command line, run as a real binary on invented
//! articles in temporary folders: every output format, exit codes, standard input, rule-file
//! and config errors, `rules` and `explain`, `--select`/`--ignore`, and folder walking.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{CLEAN, Desk, FERRY, ONLY_ERROR, ONLY_INFO, ONLY_WARNING, Run, locations, nth_offset};
use serde_json::Value;

// ---------------------------------------------------------------------------------------
// Output formats
// ---------------------------------------------------------------------------------------

/// The source line, and a caret line under `len` characters from 1-based `column`.
fn underline(line_no: usize, source_line: &str, column: usize, len: usize) -> String {
    format!(
        "{line_no} │ {source_line}\n  │ {}{}\n",
        " ".repeat(column - 1),
        "^".repeat(len)
    )
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
    assert_eq!(
        (&d["line"], &d["column"], &d["end_line"], &d["end_column"]),
        (
            &Value::from(3),
            &Value::from(31),
            &Value::from(3),
            &Value::from(34)
        )
    );
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
    assert_eq!(
        (&d["line"], &d["column"], &d["end_line"], &d["end_column"]),
        (
            &Value::from(5),
            &Value::from(32),
            &Value::from(5),
            &Value::from(34)
        )
    );
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
    let desk = Desk::new();
    desk.write("newslint.toml", "rule-files = [\"house.toml\"]\n");
    desk.write(
        "house.toml",
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

// ---------------------------------------------------------------------------------------
// Exit codes
// ---------------------------------------------------------------------------------------

#[test]
fn clean_article_exits_0() {
    let desk = Desk::new();
    desk.write("pier.md", CLEAN);
    let run = desk.run(&["pier.md"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 1 file\n");
    assert_eq!(run.stderr, "");
    let run = desk.run(&["--format", "concise", "pier.md"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "");
}

#[test]
fn findings_at_or_above_the_default_fail_level_exit_1() {
    let desk = Desk::new();
    desk.write("warning.md", ONLY_WARNING);
    desk.write("error.md", ONLY_ERROR);
    desk.run(&["warning.md"]).expect_code(1);
    desk.run(&["error.md"]).expect_code(1);
    desk.run(&["--fail-on", "warning", "warning.md"])
        .expect_code(1);
}

#[test]
fn fail_on_error_ignores_warnings() {
    let desk = Desk::new();
    desk.write("warning.md", ONLY_WARNING);
    desk.write("error.md", ONLY_ERROR);
    let run = desk.run(&["--fail-on", "error", "--format", "concise", "warning.md"]);
    run.expect_code(0);
    // The warning is still reported.
    assert_eq!(
        run.stdout,
        "warning.md:3:61: warning[repeated-word] \"the the\": the word is repeated\n"
    );
    desk.run(&["--fail-on", "error", "error.md"]).expect_code(1);
}

#[test]
fn fail_on_never_exits_0_with_errors() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--fail-on", "never", "ferry.md"]);
    run.expect_code(0);
    assert!(
        run.stdout
            .ends_with("1 error, 1 warning in 1 file (1 checked)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn fail_on_info_counts_info_findings() {
    let desk = Desk::new();
    desk.write("info.md", ONLY_INFO);
    let run = desk.run(&["--format", "concise", "info.md"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "info.md:3:1: info[unused-suppression] this suppression silences nothing: no finding of repeated-word here\n"
    );
    desk.run(&["--fail-on", "info", "info.md"]).expect_code(1);
    desk.run(&["--fail-on", "warning", "info.md"])
        .expect_code(0);
    // One name for the lowest severity: `info` in the human output too.
    let human = desk.run(&["info.md"]);
    assert!(
        human.stdout.starts_with("info[unused-suppression]: "),
        "{}",
        human.stdout
    );
    assert!(
        human.stdout.ends_with("1 info in 1 file (1 checked)\n"),
        "{}",
        human.stdout
    );
    let colour = desk.run(&["--color", "always", "info.md"]);
    assert!(
        colour.stdout.contains("info[unused-suppression]"),
        "{}",
        colour.stdout
    );
    assert!(!colour.stdout.contains("note"), "{}", colour.stdout);
}

#[test]
fn fail_on_from_config_and_the_command_line_overrides_it() {
    let desk = Desk::new();
    desk.write("newslint.toml", "fail-on = \"error\"\n");
    desk.write("warning.md", ONLY_WARNING);
    desk.run(&["warning.md"]).expect_code(0);
    desk.run(&["--fail-on", "warning", "warning.md"])
        .expect_code(1);
}

#[test]
fn missing_path_exits_2_and_other_files_are_still_reported() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--format", "concise", "ferry.md", "missing.md"]);
    run.expect_code(2);
    assert_eq!(
        run.stdout,
        "missing.md:1:1: error[io] no such file or folder\n\
         ferry.md:3:31: warning[repeated-word] \"the the\": the word is repeated\n\
         ferry.md:5:32: error[placeholder-text] placeholder \"TK\" left in the copy\n"
    );

    let run = desk.run(&["missing.md", "ferry.md"]);
    run.expect_code(2);
    assert_eq!(run.stderr, "error: missing.md: no such file or folder\n");
    assert!(run.stdout.contains("┌─ ferry.md:3:31"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("1 error, 1 warning in 1 file (1 checked); 1 file could not be checked\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn missing_path_exits_2_even_with_fail_on_never() {
    let desk = Desk::new();
    desk.write("pier.md", CLEAN);
    desk.run(&["--fail-on", "never", "pier.md", "missing.md"])
        .expect_code(2);
}

#[test]
fn bad_config_exits_2_before_linting() {
    let desk = Desk::new();
    desk.write("newslint.toml", "packs = [\"news\"\n");
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["ferry.md"]);
    run.expect_code(2);
    assert_eq!(run.stdout, "", "nothing is linted with a broken config");
    assert!(run.stderr.contains("newslint.toml:"), "{}", run.stderr);
}

/// A Latin-1 file: `£` is the single byte 0xA3, on line 3 after 31 characters.
const LATIN1: &[u8] = b"# Bread prices\n\nA loaf at the bakery now costs \xa34.\n";

#[test]
fn not_utf8_file_exits_2_naming_file_and_position_while_other_files_are_linted() {
    let desk = Desk::new();
    desk.write("prices.txt", LATIN1);
    desk.write("ferry.md", FERRY);
    let offset = LATIN1.iter().position(|&b| b == 0xA3).unwrap();

    let run = desk.run(&["prices.txt", "ferry.md"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        format!(
            "error: prices.txt:3:32: the file is not valid UTF-8 (byte 0xA3 at byte offset {offset}); newslint reads UTF-8: convert it, e.g. from Latin-1 with `iconv -f LATIN1 -t UTF-8`\n"
        )
    );
    assert!(run.stdout.contains("┌─ ferry.md:5:32"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("1 error, 1 warning in 1 file (1 checked); 1 file could not be checked\n"),
        "{}",
        run.stdout
    );

    let run = desk.run(&["--format", "concise", "prices.txt", "ferry.md"]);
    run.expect_code(2);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    assert!(
        lines[2].starts_with("prices.txt:3:32: error[io] the file is not valid UTF-8 (byte 0xA3"),
        "{}",
        run.stdout
    );

    let run = desk.run(&["--format", "json", "prices.txt", "ferry.md"]);
    run.expect_code(2);
    let doc = run.json();
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 2);
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{doc:#}");
    assert_eq!(errors[0]["path"], "prices.txt");
    assert_eq!(
        (&errors[0]["line"], &errors[0]["column"]),
        (&3.into(), &32.into())
    );
}

#[test]
fn not_utf8_position_counts_characters_before_the_bad_byte() {
    // Valid UTF-8 accents, then a stray Latin-1 byte on the same line.
    let mut bytes = "# Menu\n\nCrème brûlée costs ".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xa35.\n");
    let desk = Desk::new();
    desk.write("menu.md", &bytes);
    let run = desk.run(&["--format", "concise", "menu.md"]);
    run.expect_code(2);
    assert!(
        run.stdout
            .starts_with("menu.md:3:20: error[io] the file is not valid UTF-8"),
        "{}",
        run.stdout
    );
}

// ---------------------------------------------------------------------------------------
// Standard input
// ---------------------------------------------------------------------------------------

#[test]
fn stdin_is_reported_under_the_stdin_filename() {
    let desk = Desk::new();
    let run = desk.run_with_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "story.md",
            "--format",
            "concise",
        ],
        FERRY,
    );
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "story.md:3:31: warning[repeated-word] \"the the\": the word is repeated\n\
         story.md:5:32: error[placeholder-text] placeholder \"TK\" left in the copy\n"
    );

    let run = desk.run_with_stdin(
        &[
            "check",
            "-",
            "--stdin-filename",
            "story.md",
            "--format",
            "json",
        ],
        FERRY,
    );
    let doc = run.json();
    for d in doc["diagnostics"].as_array().unwrap() {
        assert_eq!(d["path"], "story.md");
    }
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 2);
}

#[test]
fn stdin_without_a_name_is_reported_as_stdin() {
    let desk = Desk::new();
    let run = desk.run_with_stdin(&["-", "--format", "concise"], ONLY_WARNING);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "<stdin>:3:61: warning[repeated-word] \"the the\": the word is repeated\n"
    );
    let run = desk.run_with_stdin(&["check", "-"], CLEAN);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 1 file\n");
}

// ---------------------------------------------------------------------------------------
// Rule files and newslint.toml
// ---------------------------------------------------------------------------------------

/// Lint a clean article with `house.toml` loaded through `newslint.toml`.
fn with_house_rules(house: &str) -> Run {
    with_config("rule-files = [\"house.toml\"]\n", house)
}

fn with_config(config: &str, house: &str) -> Run {
    let desk = Desk::new();
    desk.write("newslint.toml", config);
    desk.write("house.toml", house);
    desk.write("pier.md", CLEAN);
    desk.run(&["check", "pier.md"])
}

/// Assert a config error: exit 2, nothing on stdout, one location, and `needles` in stderr.
#[track_caller]
fn assert_config_error(run: &Run, location: &str, needles: &[&str]) {
    run.expect_code(2);
    assert_eq!(run.stdout, "", "nothing is linted");
    assert_eq!(locations(&run.stderr), vec![location], "{}", run.stderr);
    for needle in needles {
        assert!(
            run.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn rule_file_unknown_field() {
    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npatern = \"gangway\"\n",
    );
    assert_config_error(
        &run,
        "house.toml:4:1",
        &["error: unknown field `patern`", "`pattern`"],
    );
}

#[test]
fn rule_file_wrong_type_points_at_the_value() {
    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nseverity = 3\npattern = \"gangway\"\n",
    );
    assert_config_error(&run, "house.toml:4:12", &["severity = 3"]);
}

#[test]
fn rule_file_wrong_type_message_names_the_allowed_values() {
    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nseverity = 3\npattern = \"gangway\"\n",
    );
    run.expect_code(2);
    let message = run.stderr.lines().next().unwrap_or_default();
    // Today the message is toml's generic "wanted string or table", which names neither
    // the field nor what it accepts.
    assert!(
        message.contains("`error`") && message.contains("`warning`") && message.contains("`info`"),
        "the message should say what a severity can be: {message:?}\n{}",
        run.stderr
    );
}

#[test]
fn rule_file_bad_severity_name() {
    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nseverity = \"fatal\"\npattern = \"gangway\"\n",
    );
    assert_config_error(
        &run,
        "house.toml:4:12",
        &["unknown severity `fatal`: use one of `error`, `warning`, `info`"],
    );
}

#[test]
fn rule_file_unknown_kind() {
    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"paternn\"\npattern = \"gangway\"\n",
    );
    assert_config_error(
        &run,
        "house.toml:3:8",
        &["unknown variant `paternn`", "`pattern`", "`substitution`"],
    );
}

#[test]
fn rule_file_regex_that_does_not_compile_points_at_the_paren() {
    let run =
        with_house_rules("[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'ab(c'\n");
    // `pattern = 'ab(c'`: the `(` is the 14th character of line 4.
    assert_config_error(
        &run,
        "house.toml:4:14",
        &[
            "`pattern` is not a valid regular expression",
            "unclosed group",
        ],
    );
}

#[test]
fn rule_file_toml_syntax_error() {
    let run = with_house_rules("[[rule]]\nid = \"no-gangway\nkind = \"pattern\"\n");
    assert_config_error(&run, "house.toml:2:17", &["invalid basic string"]);
}

/// A duplicate-id error: exit 2, nothing linted, one location in house.toml, and a note
/// naming the first definition.
fn assert_defined_twice(run: &Run, id: &str, first: &str) {
    run.expect_code(2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .starts_with(&format!("error: rule id `{id}` is defined twice")),
        "{}",
        run.stderr
    );
    let locations = locations(&run.stderr);
    assert_eq!(locations.len(), 1, "{}", run.stderr);
    assert!(locations[0].starts_with("house.toml:"), "{}", run.stderr);
    assert!(
        run.stderr.contains(first),
        "the note names the first definition: {}",
        run.stderr
    );
}

#[test]
fn rule_file_duplicate_id_in_one_file() {
    let run = with_house_rules(
        "[[rule]]\nid = \"x\"\nkind = \"pattern\"\npattern = \"gangway\"\n\n\
         [[rule]]\nid = \"x\"\nkind = \"pattern\"\npattern = \"jetty\"\n",
    );
    assert_defined_twice(&run, "x", "house.toml at line 2");
}

#[test]
fn rule_file_id_clashing_with_a_builtin_rule() {
    let run = with_house_rules(
        "[[rule]]\nid = \"repeated-word\"\nkind = \"pattern\"\npattern = \"gangway\"\n",
    );
    assert_defined_twice(&run, "repeated-word", "first defined in builtin:news");
}

#[test]
fn rule_file_duplicate_id_points_at_the_id() {
    // The error should underline the second `id = "…"`, not the `[[rule]]` header.
    let run = with_house_rules(
        "[[rule]]\nid = \"x\"\nkind = \"pattern\"\npattern = \"gangway\"\n\n\
         [[rule]]\nid = \"x\"\nkind = \"pattern\"\npattern = \"jetty\"\n",
    );
    run.expect_code(2);
    let found = locations(&run.stderr);
    assert!(
        found.len() == 1 && found[0].starts_with("house.toml:7:"),
        "expected house.toml:7:…, got {found:?}\n{}",
        run.stderr
    );

    let run = with_house_rules(
        "[[rule]]\nid = \"repeated-word\"\nkind = \"pattern\"\npattern = \"gangway\"\n",
    );
    let found = locations(&run.stderr);
    assert!(
        found.len() == 1 && found[0].starts_with("house.toml:2:"),
        "expected house.toml:2:…, got {found:?}\n{}",
        run.stderr
    );
}

#[test]
fn rule_file_unknown_scope() {
    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nscope = \"sidebar\"\npattern = \"gangway\"\n",
    );
    assert_config_error(
        &run,
        "house.toml:4:9",
        &["there is no scope `sidebar`", "prose", "headline"],
    );
}

#[test]
fn rule_file_option_of_another_kind() {
    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nmax = 3\npattern = \"gangway\"\n",
    );
    assert_config_error(
        &run,
        "house.toml:4:7",
        &["`max` is not an option of kind `pattern`", "pattern, words"],
    );
}

#[test]
fn rule_file_that_does_not_exist() {
    let desk = Desk::new();
    desk.write("newslint.toml", "rule-files = [\"nothere.toml\"]\n");
    desk.write("pier.md", CLEAN);
    let run = desk.run(&["pier.md"]);
    assert_config_error(&run, "newslint.toml:1:15", &["nothere.toml"]);
}

#[test]
fn config_unknown_key() {
    let run = with_config(
        "rule-files = [\"house.toml\"]\nfail_on = \"error\"\n",
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = \"gangway\"\n",
    );
    assert_config_error(
        &run,
        "newslint.toml:2:1",
        &["unknown field `fail_on`", "`fail-on`"],
    );
}

#[test]
fn config_override_of_a_rule_no_pack_defines() {
    let run = with_config(
        "rule-files = [\"house.toml\"]\n\n[rules.no-such-rule]\nseverity = \"error\"\n",
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = \"gangway\"\n",
    );
    assert_config_error(
        &run,
        "newslint.toml:3:8",
        &["`[rules.no-such-rule]` configures a rule that no enabled pack defines"],
    );
}

#[test]
fn config_override_with_an_option_of_another_kind_points_into_the_config() {
    let run = with_config("[rules.repeated-word]\nmax = 4\n", "");
    assert_config_error(
        &run,
        "newslint.toml:2:7",
        &["`max` is not an option of kind `repetition`"],
    );
}

#[test]
fn house_rule_findings_and_config_overrides_apply() {
    let desk = Desk::new();
    desk.write(
        "newslint.toml",
        "rule-files = [\"house.toml\"]\n\n[rules.repeated-word]\nseverity = \"error\"\n",
    );
    desk.write(
        "house.toml",
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway'\nmessage = \"write \\\"ramp\\\", not \\\"{match}\\\"\"\n",
    );
    desk.write(
        "pier.md",
        "# Pier\n\nPassengers used the the gangway on Monday.\n\nPhoto: Tidewater Gazette/Omar Lind\n",
    );
    let run = desk.run(&["--format", "concise", "pier.md"]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "pier.md:3:21: error[repeated-word] \"the the\": the word is repeated\n\
         pier.md:3:25: warning[no-gangway] write \"ramp\", not \"gangway\"\n"
    );
}

// ---------------------------------------------------------------------------------------
// rules and explain
// ---------------------------------------------------------------------------------------

#[test]
fn rules_lists_each_rule_with_kind_severity_and_pack() {
    let desk = Desk::new();
    let run = desk.run(&["rules"]);
    run.expect_code(0);
    let rows: Vec<Vec<&str>> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
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
    let desk = Desk::new();
    desk.write(
        "newslint.toml",
        "rule-files = [\"house.toml\"]\n\n[rules.repeated-word]\nseverity = \"error\"\n",
    );
    desk.write(
        "house.toml",
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nseverity = \"info\"\npattern = 'gangway'\n",
    );
    let run = desk.run(&["rules"]);
    run.expect_code(0);
    let rows: Vec<Vec<&str>> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
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

// ---------------------------------------------------------------------------------------
// --select and --ignore
// ---------------------------------------------------------------------------------------

fn rules_reported(run: &Run) -> Vec<String> {
    run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn select_runs_only_the_named_rules() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--select", "repeated-word", "--format", "json", "ferry.md"]);
    run.expect_code(1);
    assert_eq!(rules_reported(&run), ["repeated-word"]);

    let run = desk.run(&[
        "--select",
        "placeholder-text",
        "--format",
        "json",
        "ferry.md",
    ]);
    assert_eq!(rules_reported(&run), ["placeholder-text"]);

    let run = desk.run(&[
        "--select",
        "placeholder-text,repeated-word",
        "--format",
        "json",
        "ferry.md",
    ]);
    assert_eq!(rules_reported(&run), ["repeated-word", "placeholder-text"]);

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
    assert_eq!(rules_reported(&run), ["repeated-word"]);

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

// ---------------------------------------------------------------------------------------
// Folder walking
// ---------------------------------------------------------------------------------------

fn paths_reported(concise: &str) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for line in concise.lines() {
        let path = line
            .split_once(':')
            .expect("path:line:col: …")
            .0
            .to_string();
        if paths.last() != Some(&path) {
            paths.push(path);
        }
    }
    paths
}

#[test]
fn folder_walk_honours_gitignore_and_newslintignore() {
    let desk = Desk::new();
    for path in [
        "desk/kept.md",
        "desk/ignored-by-git.md",
        "desk/drafts/skipped.md",
        "desk/wire/kept.txt",
        "desk/wire/embargoed.txt",
        "desk/old/archive.md",
    ] {
        desk.write(path, ONLY_WARNING);
    }
    // No `.git` folder: newslint reads .gitignore without a repository.
    desk.write("desk/.gitignore", "ignored-by-git.md\nold/\n");
    desk.write("desk/.newslintignore", "drafts/\n");
    desk.write("desk/wire/.newslintignore", "embargoed.txt\n");
    let run = desk.run(&["--format", "concise", "desk"]);
    run.expect_code(1);
    assert_eq!(
        paths_reported(&run.stdout),
        ["desk/kept.md", "desk/wire/kept.txt"]
    );
}

#[test]
fn folder_walk_lints_only_article_extensions() {
    let desk = Desk::new();
    for path in [
        "desk/a.md",
        "desk/b.markdown",
        "desk/c.txt",
        "desk/d.html",
        "desk/e.json",
        "desk/f.toml",
        "desk/g.md.bak",
        "desk/h",
    ] {
        desk.write(path, ONLY_WARNING);
    }
    // An HTML file is read as HTML: the same article in its markup.
    desk.write(
        "desk/d.html",
        "<h1>Lifeboat crew honoured</h1>\n<p>The crew of the Saltmarsh lifeboat received a medal for the the rescue.</p>\n<p>Photo: Tidewater Gazette/Omar Lind</p>\n",
    );
    let run = desk.run(&["--format", "concise", "desk"]);
    run.expect_code(1);
    assert_eq!(
        paths_reported(&run.stdout),
        ["desk/a.md", "desk/b.markdown", "desk/c.txt", "desk/d.html"]
    );
    let summary = desk.run(&["desk"]);
    assert!(
        summary
            .stdout
            .ends_with("4 warnings in 4 files (4 checked)\n"),
        "{}",
        summary.stdout
    );
}

#[test]
fn explicit_file_is_linted_whatever_its_extension() {
    let desk = Desk::new();
    desk.write("copy.html", ONLY_WARNING);
    let run = desk.run(&["--format", "concise", "copy.html"]);
    run.expect_code(1);
    assert_eq!(paths_reported(&run.stdout), ["copy.html"]);
}

#[test]
fn output_is_sorted_by_path_and_identical_for_any_job_count() {
    let desk = Desk::new();
    let mut expected = Vec::new();
    for folder in ["zeta", "alpha", "mid/deep", "mid"] {
        for name in ["b", "a-b", "a", "A", "c_1", "c10", "c2"] {
            let rel = format!("desk/{folder}/{name}.md");
            desk.write(&rel, FERRY);
            expected.push(rel);
        }
    }
    desk.write("desk/top.md", ONLY_WARNING);
    expected.push("desk/top.md".to_string());
    // Sorted as paths, component by component.
    expected.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));

    let one = desk.run(&["--format", "concise", "--jobs", "1", "desk"]);
    let four = desk.run(&["--format", "concise", "--jobs", "4", "desk"]);
    one.expect_code(1);
    four.expect_code(1);
    assert_eq!(paths_reported(&one.stdout), expected);
    assert_eq!(one.stdout, four.stdout, "--jobs 1 and --jobs 4 differ");

    for format in ["human", "json", "github"] {
        let one = desk.run(&["--format", format, "-j", "1", "desk"]);
        let four = desk.run(&["--format", format, "-j", "4", "desk"]);
        assert_eq!(
            one.stdout, four.stdout,
            "--format {format}: -j 1 and -j 4 differ"
        );
    }
}

#[test]
fn a_file_named_twice_is_linted_once() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    // `.` walks to `./ferry.md`, which is the same file as `ferry.md`.
    let run = desk.run(&["--format", "json", ".", "ferry.md"]);
    run.expect_code(1);
    let doc = run.json();
    assert_eq!(
        doc["diagnostics"].as_array().unwrap().len(),
        2,
        "each finding once:\n{doc:#}"
    );
    assert_eq!(doc["files"], 1);
}

#[cfg(unix)]
#[test]
fn symlink_loop_does_not_hang() {
    let desk = Desk::new();
    desk.write("desk/story.md", ONLY_WARNING);
    desk.write("desk/sub/other.md", ONLY_WARNING);
    std::os::unix::fs::symlink(".", desk.path().join("desk/loop")).unwrap();
    std::os::unix::fs::symlink("..", desk.path().join("desk/sub/up")).unwrap();
    let start = std::time::Instant::now();
    // The command has a 60 s timeout; a hang shows as no exit code.
    let run = desk.run(&["--format", "concise", "desk"]);
    assert!(
        run.code.is_some(),
        "newslint did not finish: {:?}",
        start.elapsed()
    );
    let findings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("warning[repeated-word]"))
        .collect();
    assert_eq!(
        findings,
        [
            "desk/story.md:3:61: warning[repeated-word] \"the the\": the word is repeated",
            "desk/sub/other.md:3:61: warning[repeated-word] \"the the\": the word is repeated",
        ],
        "each real article once:\n{}",
        run.stdout
    );
}
