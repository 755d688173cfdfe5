//! Exit codes: 0 when clean, 1 for findings at or above `--fail-on` (from the command line
//! or newslint.toml), 2 for a missing path, a broken config or a file that is not UTF-8,
//! while the other files are still linted and reported.

use crate::common::{CLEAN, Desk, FERRY, ONLY_ERROR, ONLY_INFO, ONLY_WARNING};

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
