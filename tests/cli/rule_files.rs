//! Rule files and newslint.toml: each mistake in a house rule file or the config is an exit
//! 2 pointing at the line and column of the mistake, before anything is linted; house rules
//! and config overrides apply when they are right. More broken rule files are in
//! `tests/bad_input/rule_files.rs`.

use crate::common::{CLEAN, Desk, Run, locations};

/// Lint a clean article with `house.toml` loaded through `newslint.toml`.
fn with_house_rules(house: &str) -> Run {
    with_config("rule-files = [\"house.toml\"]\n", house)
}

/// Lint a clean article with `config` as newslint.toml and `house` as house.toml.
fn with_config(config: &str, house: &str) -> Run {
    let desk = Desk::with_config(config, house);
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
    let desk = Desk::with_config(
        "rule-files = [\"house.toml\"]\n\n[rules.repeated-word]\nseverity = \"error\"\n",
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
