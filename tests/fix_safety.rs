//! Fix safety for any pack (issue 10, item 1): replacement templates that name a group the
//! pattern lacks are refused at load, a fix never re-edits what an earlier pass wrote, a
//! fix its own rule still flags is undone, and growth is bounded. A property test builds
//! packs from a grammar of patterns and replacements and checks that `--fix` terminates, is
//! idempotent, and changes no byte outside the fixes it reported.

mod common;

use common::Desk;
use newslint::fix::{fix_text, max_fixed_len};
use newslint::{Format, RuleSet, SourceFile};
use proptest::prelude::*;

const STORY: &str = "Harbour colour vote\n\nMr Lee said the harbour would get a new colour.\n\nPhoto: Gull Post/Ann Roe\n";

fn desk_with_rule(rule: &str) -> Desk {
    let desk = Desk::new();
    desk.write("newslint.toml", "rule-files = [\"house.toml\"]\n");
    desk.write("house.toml", format!("[[rule]]\nid = \"house\"\n{rule}"));
    desk.write("story.txt", STORY);
    desk
}

#[test]
fn a_digit_followed_by_letters_is_refused_with_the_braced_form_suggested() {
    let desk =
        desk_with_rule("kind = \"pattern\"\npattern = '\\b(\\w+)our\\b'\nreplacement = '$1or'\n");
    let run = desk.run(&["check", "--fix", "story.txt"]);
    run.expect_code(2);
    assert!(run.stderr.contains("group named `1or`"), "{}", run.stderr);
    assert!(run.stderr.contains("${1}or"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(desk.path().join("story.txt")).unwrap(),
        STORY
    );
}

#[test]
fn missing_groups_are_refused_in_patterns_and_swaps() {
    for rule in [
        "kind = \"pattern\"\npattern = '(\\w+)our'\nreplacement = '$9'\n",
        "kind = \"pattern\"\npattern = '(\\w+)our'\nreplacement = '${nope}'\n",
        "kind = \"substitution\"\nregex = true\nswap = { '(\\w+)our' = '$1or' }\n",
    ] {
        let desk = desk_with_rule(rule);
        let run = desk.run(&["check", "story.txt"]);
        run.expect_code(2);
        assert!(run.stderr.contains("refers to"), "{rule}\n{}", run.stderr);
    }
    let desk = desk_with_rule(
        "kind = \"substitution\"\nregex = true\nswap = { '\\b(\\w+)our\\b' = '${1}or' }\n",
    );
    desk.run(&["check", "--fix", "story.txt"]);
    assert_eq!(
        std::fs::read_to_string(desk.path().join("story.txt")).unwrap(),
        STORY
            .replace("Harbour colour", "Harbor color")
            .replace("harbour", "harbor")
            .replace("new colour", "new color")
    );
}

#[test]
fn a_fix_its_rule_still_flags_is_not_applied_and_nothing_grows() {
    for (rule, name) in [
        (
            "kind = \"pattern\"\npattern = '\\bMr\\b'\nreplacement = 'Mr.'\n",
            "Mr",
        ),
        (
            "kind = \"pattern\"\npattern = 'q'\nreplacement = 'qqqqqqqqqq'\n",
            "q",
        ),
    ] {
        let desk = desk_with_rule(rule);
        let story = desk.write(
            "story.txt",
            "Mr Lee sees q\n\nMr Lee said q.\n\nPhoto: A/B\n",
        );
        let before = std::fs::read_to_string(&story).unwrap();
        for _ in 0..3 {
            let run = desk.run(&["check", "--fix", "story.txt"]);
            run.expect_code(1);
            assert_eq!(std::fs::read_to_string(&story).unwrap(), before, "{name}");
        }
        let diff = desk.run(&["check", "--diff", "story.txt"]);
        assert!(!diff.stdout.contains("+++"), "{name}: {}", diff.stdout);
        // Already-fixed copy is left alone too.
        desk.write("story.txt", "Mr. Lee sees qqqqqqqqqq\n\nPhoto: A/B\n");
        desk.run(&["check", "--fix", "story.txt"]);
        assert_eq!(
            std::fs::read_to_string(&story).unwrap(),
            "Mr. Lee sees qqqqqqqqqq\n\nPhoto: A/B\n"
        );
    }
}

#[test]
fn a_later_pass_does_not_edit_what_an_earlier_pass_wrote() {
    // `a` → `ab` and `b` → `a` would feed each other for ever; each edits original text once.
    let desk = desk_with_rule(
        "kind = \"substitution\"\nregex = true\nignore_case = false\nswap = { 'a' = 'ab', 'b' = 'a' }\n",
    );
    let story = desk.write("story.txt", "Headline\n\nxa xb\n\nPhoto: Q/R\n");
    desk.run(&["check", "--fix", "story.txt"]);
    let once = std::fs::read_to_string(&story).unwrap();
    assert!(once.len() <= max_fixed_len(27), "{once}");
    desk.run(&["check", "--fix", "story.txt"]);
    assert_eq!(std::fs::read_to_string(&story).unwrap(), once);
}

// ---- the property test over generated packs ----

const WORDS: &[&str] = &[
    "Mr", "colour", "harbour", "q", "the", "vote", "a", "an", "Dr",
];

/// A pattern and whether it has a group 1.
fn pattern() -> impl Strategy<Value = (String, bool)> {
    let word = prop::sample::select(WORDS);
    prop_oneof![
        word.clone().prop_map(|w| (format!(r"\b{w}\b"), false)),
        word.clone().prop_map(|w| (w.to_string(), false)),
        word.clone().prop_map(|w| (format!("({w})"), true)),
        word.clone().prop_map(|w| (format!(r"(?i)\b{w}"), false)),
        (word.clone(), word.clone()).prop_map(|(a, b)| (format!("{a}|{b}"), false)),
        Just((r"\b(\w+)our\b".to_string(), true)),
        Just(("[aeiou]".to_string(), false)),
        Just((r"(\w)\1?".replace(r"\1?", "+"), true)),
        Just((r"\s+".to_string(), false)),
        Just((r"\.".to_string(), false)),
    ]
}

fn replacement(has_group: bool) -> impl Strategy<Value = String> {
    let mut pieces = vec![
        "",
        "$0",
        "${0}.",
        "$0$0",
        "x",
        "Q",
        "${0} ${0}",
        ".",
        " ",
        "$$",
    ];
    if has_group {
        pieces.extend(["${1}or", "${1}", "$1 $1", "${1}${1}${1}"]);
    }
    prop::collection::vec(prop::sample::select(pieces), 1..3).prop_map(|p| p.concat())
}

fn rule() -> impl Strategy<Value = String> {
    (pattern(), any::<bool>()).prop_flat_map(|((pattern, group), substitution)| {
        replacement(group).prop_map(move |replacement| {
            if substitution {
                format!("kind = \"substitution\"\nregex = true\nswap = {{ '{pattern}' = '{replacement}' }}\n")
            } else {
                format!("kind = \"pattern\"\npattern = '{pattern}'\nreplacement = '{replacement}'\n")
            }
        })
    })
}

fn pack() -> impl Strategy<Value = RuleSet> {
    prop::collection::vec(rule(), 1..4).prop_filter_map("the pack loads", |rules| {
        let text: String = rules
            .iter()
            .enumerate()
            .map(|(i, r)| format!("[[rule]]\nid = \"r{i}\"\n{r}\n"))
            .collect();
        newslint::rules::load_pack_file(&SourceFile::new("gen.toml", text))
            .ok()
            .map(RuleSet::new)
    })
}

fn article() -> impl Strategy<Value = String> {
    let token = prop::sample::select(
        WORDS
            .iter()
            .copied()
            .chain([".", ",", " ", "Mr.", "qq", "Ærø", "“quote”"])
            .collect::<Vec<_>>(),
    );
    let paragraph = prop::collection::vec(token, 1..12).prop_map(|t| t.join(" "));
    prop::collection::vec(paragraph, 1..4)
        .prop_map(|p| format!("Headline here\n\n{}\n\nPhoto: A/B\n", p.join("\n\n")))
}

/// Whether every byte an edit changed lies in a range some applied fix reported.
fn covered(edit: &std::ops::Range<usize>, fixed: &[std::ops::Range<usize>]) -> bool {
    if edit.is_empty() {
        return fixed
            .iter()
            .any(|f| f.start <= edit.start && edit.start <= f.end);
    }
    (edit.start..edit.end).all(|byte| fixed.iter().any(|f| f.start <= byte && byte < f.end))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_pack_fixes_terminate_idempotently_inside_their_edits(
        rules in pack(),
        text in article(),
        markdown in any::<bool>(),
    ) {
        let format = if markdown { Format::Markdown } else { Format::Plain };
        let lint = newslint::fix::lint_with_rules(&rules);
        let once = fix_text(text.clone(), format, true, &lint).unwrap();
        prop_assert!(once.text.len() <= max_fixed_len(text.len()));
        for edit in &once.edits {
            prop_assert!(
                covered(&edit.range, &once.fixed_ranges),
                "edit {:?} outside the reported fixes {:?}", edit, once.fixed_ranges
            );
            prop_assert!(text.get(edit.range.clone()).is_some());
        }
        let twice = fix_text(once.text.clone(), format, true, &lint).unwrap();
        prop_assert_eq!(&twice.text, &once.text, "not idempotent");
    }
}
