//! Fix safety for any pack (issue 10, item 1): replacement templates that name a group the
//! pattern lacks are refused at load, a fix never re-edits what an earlier pass wrote, a
//! fix its own rule still flags is undone, and growth is bounded. A property test builds
//! packs from a grammar of patterns and replacements and checks that `--fix` terminates, is
//! idempotent, and changes no byte outside the fixes it reported.

mod common;

use common::Desk;
use std::path::Path;

use newslint::config::Config;
use newslint::fix::max_fixed_len;
use newslint::rules::LoadOptions;
use newslint::{Engine, Format, SourceFile};
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

/// A pattern and the names of the groups a replacement may use (`1`, or `w` for a named
/// group). Patterns that can match empty text are in the grammar too: the loader refuses
/// them, and the property holds for what it accepts.
fn pattern() -> impl Strategy<Value = (String, Vec<&'static str>)> {
    let word = prop::sample::select(WORDS);
    prop_oneof![
        word.clone().prop_map(|w| (format!(r"\b{w}\b"), vec![])),
        word.clone().prop_map(|w| (w.to_string(), vec![])),
        word.clone().prop_map(|w| (format!("({w})"), vec!["1"])),
        word.clone().prop_map(|w| (format!(r"(?i)\b{w}"), vec![])),
        word.clone()
            .prop_map(|w| (format!(r"(?P<w>{w})\.?"), vec!["1", "w"])),
        word.clone().prop_map(|w| (format!(r"(?m)^{w}"), vec![])),
        word.clone().prop_map(|w| (format!(r"{w}$"), vec![])),
        word.clone()
            .prop_map(|w| (format!(r"\b{w}\s+(?P<flag>\w+)"), vec!["1", "flag"])),
        (word.clone(), word.clone()).prop_map(|(a, b)| (format!("{a}|{b}"), vec![])),
        (word.clone(), word.clone()).prop_map(|(a, b)| (format!(r"({a})\s({b})"), vec!["1", "2"])),
        Just((r"\b(\w+)our\b".to_string(), vec!["1"])),
        Just(("[aeiou]".to_string(), vec![])),
        Just((r"(\w)+".to_string(), vec!["1"])),
        Just((r"\w+?".to_string(), vec![])),
        Just((r"\s+".to_string(), vec![])),
        Just((r"\.".to_string(), vec![])),
        Just((r"[“”]".to_string(), vec![])),
        Just((r"\b".to_string(), vec![])),
        Just(("x*".to_string(), vec![])),
    ]
}

/// Pieces of replacement templates: group references, `$$`, and text that changes the
/// article's structure (line breaks, a heading mark, a suppression comment).
fn replacement(groups: Vec<&'static str>) -> impl Strategy<Value = String> {
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
        "\n",
        "\n\n# ",
        "<!-- newslint-disable -->",
        "“",
        "Mr.",
    ];
    for group in groups {
        pieces.extend(match group {
            "1" => &["${1}or", "${1}", "$1 $1", "${1}${1}${1}"][..],
            "2" => &["${2} ${1}"],
            "w" => &["${w}", "${w}."],
            _ => &["${flag}", "[${flag}]"],
        });
    }
    prop::collection::vec(prop::sample::select(pieces), 1..3).prop_map(|p| p.concat())
}

/// A TOML basic string holding `text` (replacements may hold line breaks and quotes).
fn toml_string(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n");
    format!("\"{escaped}\"")
}

fn rule() -> impl Strategy<Value = String> {
    let scope = prop::sample::select(vec![
        "",
        "scope = \"headline\"\n",
        "scope = \"body\"\n",
        "scope = \"sentence\"\n",
        "scope = \"quote\"\n",
        "scope = \"text\"\n",
        "scope = \"credit\"\n",
    ]);
    let literal = (prop::sample::select(WORDS), prop::sample::select(WORDS), any::<bool>())
        .prop_map(|(bad, good, ignore_case)| {
            format!("kind = \"substitution\"\nignore_case = {ignore_case}\nswap = {{ '{bad}' = '{good}' }}\n")
        });
    let regex = (pattern(), 0..3u8).prop_flat_map(|((pattern, groups), kind)| {
        replacement(groups).prop_map(move |replacement| {
            let replacement = toml_string(&replacement);
            match kind {
                0 => format!("kind = \"substitution\"\nregex = true\nswap = {{ '{pattern}' = {replacement} }}\n"),
                1 => format!("kind = \"pattern\"\npattern = '{pattern}'\nreplacement = {replacement}\n"),
                _ => format!("kind = \"pattern\"\npattern = '{pattern}'\nreplacement = {replacement}\nexceptions = ['Dr \\w+']\n"),
            }
        })
    });
    (prop_oneof![1 => literal, 4 => regex], scope)
        .prop_map(|(rule, scope)| format!("{rule}{scope}"))
}

fn pack_text() -> impl Strategy<Value = String> {
    prop::collection::vec(rule(), 1..4).prop_map(|rules| {
        rules
            .iter()
            .enumerate()
            .map(|(i, r)| format!("[[rule]]\nid = \"r{i}\"\n{r}\n"))
            .collect()
    })
}

/// The engine `newslint check --fix` runs with a config that names the pack and no
/// built-in pack: the core pack (`unused-suppression`) and the pack, through the whole
/// per-file pipeline (suppressions included: a replacement may write a directive).
fn engine_for(text: &str) -> Option<Engine> {
    let options = LoadOptions {
        pack_texts: vec![SourceFile::new("house.toml", text)],
        ..LoadOptions::default()
    };
    let rules = newslint::rules::load_rules(&options).ok()?;
    Some(Engine::new(Config::defaults("/desk".into()), rules))
}

fn pack() -> impl Strategy<Value = Engine> {
    pack_text().prop_filter_map("the pack loads", |text| engine_for(&text))
}

fn article() -> impl Strategy<Value = String> {
    let token = prop::sample::select(
        WORDS
            .iter()
            .copied()
            .chain([".", ",", " ", "Mr.", "qq", "Ærø", "“quote”", "\r\n", "x"])
            .collect::<Vec<_>>(),
    );
    let paragraph = prop::collection::vec(token, 1..12).prop_map(|t| t.join(" "));
    let headline = prop::sample::select(vec!["Headline here", "Mr colour vote", "# The harbour"]);
    (headline, prop::collection::vec(paragraph, 1..4))
        .prop_map(|(h, p)| format!("{h}\n\n{}\n\nPhoto: A/B\n", p.join("\n\n")))
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

/// `text` with `edits` (sorted, disjoint ranges of `text`) applied: worked out here, not
/// by the library, so that the output is checked against the input byte for byte.
fn apply(text: &str, edits: &[newslint::fix::Edit]) -> String {
    let mut out = String::new();
    let mut cursor = 0;
    for edit in edits {
        assert!(
            edit.range.start >= cursor,
            "edits overlap or are out of order"
        );
        out.push_str(&text[cursor..edit.range.start]);
        out.push_str(&edit.replacement);
        cursor = edit.range.end;
    }
    out.push_str(&text[cursor..]);
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_pack_fixes_terminate_idempotently_inside_their_edits(
        engine in pack(),
        text in article(),
        markdown in any::<bool>(),
    ) {
        let (format, path) = if markdown {
            (Format::Markdown, Path::new("/desk/story.md"))
        } else {
            (Format::Plain, Path::new("/desk/story.txt"))
        };
        let fix = |text: &str| engine.fix(path, text.to_string(), format, true).unwrap();
        let once = fix(&text);
        prop_assert!(once.text.len() <= max_fixed_len(text.len()));
        for edit in &once.edits {
            prop_assert!(text.get(edit.range.clone()).is_some());
            prop_assert!(
                covered(&edit.range, &once.fixed_ranges),
                "edit {:?} outside the reported fixes {:?}", edit, once.fixed_ranges
            );
        }
        // The output is the input with those edits and nothing else.
        prop_assert_eq!(&apply(&text, &once.edits), &once.text);
        if !once.settled {
            prop_assert_eq!(&once.text, &text, "an unsettled fix must leave the text");
        }
        let twice = fix(&once.text);
        prop_assert_eq!(&twice.text, &once.text, "not idempotent");
        prop_assert_eq!(twice.applied, 0);
    }
}

proptest! {
    // Each case runs the real binary three times: fewer cases, the same grammar.
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// `newslint check --fix` writes what the library's fix gives, and a second run on its
    /// output changes nothing.
    #[test]
    fn the_command_line_fix_is_the_same_and_settles(pack in pack_text(), text in article()) {
        let Some(engine) = engine_for(&pack) else {
            return Ok(());
        };
        let story = Path::new("/desk/story.txt");
        let expected = engine.fix(story, text.clone(), Format::Plain, false).unwrap().text;
        let desk = Desk::new();
        desk.write("newslint.toml", "packs = []\nrule-files = [\"house.toml\"]\n");
        desk.write("house.toml", &pack);
        let story = desk.write("story.txt", &text);
        let run = desk.run(&["check", "--fix", "story.txt"]);
        prop_assert!(matches!(run.code, Some(0 | 1)), "{:?} {}", run.code, run.stderr);
        let fixed = std::fs::read_to_string(&story).unwrap();
        prop_assert_eq!(&fixed, &expected);
        let diff = desk.run(&["check", "--diff", "story.txt"]);
        prop_assert!(!diff.stdout.contains("+++"), "a second fix would change: {}", diff.stdout);
    }
}
