//! Broken rule files (cases not in `tests/cli/rule_files.rs`): TOML syntax errors in the
//! middle, empty swaps and word lists, bad `max` and examples, regexes over the size limit or
//! matching empty text, and rule ids or files given twice.

use std::time::{Duration, Instant};

use crate::common::{Desk, Run, locations};
use crate::{GOOD, GOOD_CONCISE, assert_code, assert_contains, assert_no_panic, clip, write_good};

/// Lint the good article with `house.toml` loaded through `newslint.toml`.
fn with_house_rules(house: &str) -> Run {
    let desk = Desk::with_config("rule-files = [\"house.toml\"]\n", house);
    write_good(&desk);
    let run = desk.run(&["check", GOOD]);
    assert_no_panic(&run);
    run
}

/// Refused where the mistake is written: exit 2, exactly the `expected` locations, and
/// every needle in standard error.
#[track_caller]
fn assert_refused_at(run: &Run, expected: &[&str], needles: &[&str]) {
    assert_code(run, 2);
    assert_eq!(locations(&run.stderr), expected, "{}", clip(&run.stderr));
    for needle in needles {
        assert_contains(&run.stderr, needle);
    }
}

/// A configuration error: refused as [`assert_refused_at`] checks, and nothing linted.
#[track_caller]
fn assert_config_error(run: &Run, expected: &[&str], needles: &[&str]) {
    assert_refused_at(run, expected, needles);
    assert_eq!(run.stdout, "", "nothing is linted after a config error");
}

#[test]
fn rule_file_toml_syntax_error_in_the_middle() {
    let rule = |id: &str, kind: &str, pattern: &str| {
        format!("[[rule]]\nid = \"{id}\"\nkind = {kind}\npattern = '{pattern}'\n\n")
    };
    // The second of three rules has an unquoted kind on line 11.
    let house = format!(
        "[pack]\nname = \"house\"\n\n{}{}{}",
        rule("no-gangway", "\"pattern\"", "gangway"),
        rule("no-jetty", "pattern", "jetty"),
        rule("no-quay", "\"pattern\"", "quay"),
    );
    let run = with_house_rules(&house);
    assert_config_error(
        &run,
        &["house.toml:11:8"],
        &["error: string values must be quoted", "kind = pattern"],
    );

    // A table header never closed, between two rules.
    let house = format!(
        "{}[[rule]\nid = \"no-jetty\"\nkind = \"pattern\"\npattern = 'jetty'\n",
        rule("no-gangway", "\"pattern\"", "gangway"),
    );
    let run = with_house_rules(&house);
    assert_config_error(&run, &["house.toml:6:8"], &["error: unclosed array table"]);
}

#[test]
fn rule_file_empty_swap() {
    let run = with_house_rules("[[rule]]\nid = \"ramp\"\nkind = \"substitution\"\nswap = {}\n");
    assert_config_error(&run, &["house.toml:4:8"], &["error: `swap` is empty"]);

    let run = with_house_rules(
        "[[rule]]\nid = \"ramp\"\nkind = \"substitution\"\nswap = { \"\" = \"ramp\" }\n",
    );
    assert_config_error(
        &run,
        &["house.toml:4:8"],
        &["error: `swap` has an empty key"],
    );
}

#[test]
fn rule_file_max_of_zero_or_less() {
    let rule = |max: &str| {
        format!(
            "[[rule]]\nid = \"long-headline\"\nkind = \"max-length\"\nscope = \"headline\"\nmax = {max}\n"
        )
    };
    let run = with_house_rules(&rule("0"));
    assert_config_error(
        &run,
        &["house.toml:5:7"],
        &["error: `max` must be at least 1"],
    );
    let run = with_house_rules(&rule("-1"));
    assert_config_error(&run, &["house.toml:5:7"], &["`-1`"]);
}

#[test]
fn rule_file_example_with_both_bad_and_good_or_neither() {
    let head = "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway'\n";
    let message = "error: an example needs exactly one of `bad` or `good`";
    let run = with_house_rules(&format!(
        "{head}\n[[rule.examples]]\nbad = \"Use the gangway.\"\ngood = \"Use the ramp.\"\n"
    ));
    assert_config_error(&run, &["house.toml:6:1"], &[message]);

    let run = with_house_rules(&format!(
        "{head}examples = [{{ bad = \"Use the gangway.\", good = \"Use the ramp.\" }}]\n"
    ));
    assert_config_error(&run, &["house.toml:5:13"], &[message]);

    let run = with_house_rules(&format!(
        "{head}\n[[rule.examples]]\nfixed = \"Use the ramp.\"\n"
    ));
    assert_config_error(&run, &["house.toml:6:1"], &[message]);
}

#[test]
fn rule_file_regex_over_the_size_limit_fails_fast() {
    for pattern in [r"\w{1000}{1000}", "(?:a{100}){100}{100}"] {
        let started = Instant::now();
        let run = with_house_rules(&format!(
            "[[rule]]\nid = \"huge\"\nkind = \"pattern\"\npattern = '{pattern}'\n"
        ));
        let took = started.elapsed();
        eprintln!("regex {pattern}: rejected in {took:.1?}");
        assert!(took < Duration::from_secs(20), "{pattern} took {took:?}");
        assert_config_error(
            &run,
            &["house.toml:4:11"],
            &[
                "error: `pattern` would compile to a regex over the size limit",
                "exceeds size limit",
            ],
        );
    }

    // In a substitution's `swap` keys, and in an override in newslint.toml.
    let run = with_house_rules(
        "[[rule]]\nid = \"huge\"\nkind = \"substitution\"\nregex = true\nswap = { '\\w{1000}{1000}' = \"x\" }\n",
    );
    assert_config_error(&run, &["house.toml:5:8"], &["exceeds size limit"]);

    let desk = Desk::new();
    write_good(&desk);
    desk.write(
        "newslint.toml",
        "[rules.placeholder-text]\npattern = '(?:a{100}){100}{100}'\n",
    );
    let run = desk.run(&["check", GOOD]);
    assert_no_panic(&run);
    assert_config_error(&run, &["newslint.toml:2:11"], &["exceeds size limit"]);
}

#[test]
fn rule_file_regex_that_matches_empty_text_is_an_error() {
    // An empty pattern, or one that can match nothing at all, matches between every two
    // characters: thousands of zero-width findings, and with `--fix` a substitution inserts
    // its replacement everywhere. It should be refused where it is written.
    let run = with_house_rules("[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = ''\n");
    assert_refused_at(&run, &["house.toml:4:11"], &["`pattern`"]);

    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway|x*'\n",
    );
    assert_refused_at(&run, &["house.toml:4:11"], &[]);

    let run = with_house_rules(
        "[[rule]]\nid = \"ramp\"\nkind = \"substitution\"\nregex = true\nswap = { 'x*' = \"ramp\" }\n",
    );
    assert_refused_at(&run, &["house.toml:5:8"], &["`swap`"]);
}

#[test]
fn rule_file_empty_words_list_is_an_error() {
    // `swap = {}` and `words = [""]` are errors; `words = []` makes a rule that can never
    // fire, silently.
    let run = with_house_rules("[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nwords = []\n");
    assert_refused_at(&run, &["house.toml:4:9"], &["`words`"]);
}

#[test]
fn same_rule_id_in_two_house_files_and_a_house_pack_redefining_a_builtin_rule() {
    let desk = Desk::new();
    write_good(&desk);
    desk.write("newslint.toml", "rule-files = [\"house\"]\n");
    let pack = "[pack]\nname = \"house\"\n";
    desk.write(
        "house/a.toml",
        format!("{pack}\n[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway'\n"),
    );
    desk.write(
        "house/b.toml",
        format!(
            "{pack}\n[[rule]]\nid = \"no-jetty\"\nkind = \"pattern\"\npattern = 'jetty'\n\n\
             [[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangplank'\n"
        ),
    );
    desk.write(
        "house/c.toml",
        format!("{pack}\n[[rule]]\nid = \"repeated-word\"\nkind = \"repetition\"\n"),
    );
    let run = desk.run(&["check", GOOD]);
    assert_no_panic(&run);
    assert_config_error(
        &run,
        &["b.toml:10:6", "c.toml:5:6"],
        &[
            "error: rule id `no-gangway` is defined twice",
            "a.toml at line 5",
            "error: rule id `repeated-word` is defined twice",
            "first defined in builtin:news",
        ],
    );
}

#[test]
fn the_same_pack_or_rule_file_named_twice() {
    // Naming a pack or a rule file twice in newslint.toml defines no rule twice. Today every
    // rule of it is reported as "defined twice", each pointing at itself as the first
    // definition. Either load it once, or say so at the second name in newslint.toml.
    for config in [
        "packs = [\"news\", \"news\"]\n",
        "rule-files = [\"house.toml\", \"house.toml\"]\n",
    ] {
        let desk = Desk::new();
        write_good(&desk);
        desk.write("newslint.toml", config);
        desk.write(
            "house.toml",
            "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway'\n",
        );
        let run = desk.run(&["check", "--format", "concise", GOOD]);
        assert_no_panic(&run);
        assert!(
            !run.stderr.contains("is defined twice"),
            "{config}: a rule is not defined twice:\n{}",
            clip(&run.stderr)
        );
        if run.code == Some(2) {
            for location in locations(&run.stderr) {
                assert!(
                    location.starts_with("newslint.toml:1:"),
                    "{config}: the mistake is in newslint.toml, not at {location}"
                );
            }
        } else {
            run.expect_code(1);
            assert_eq!(run.stdout, GOOD_CONCISE);
        }
    }
}
