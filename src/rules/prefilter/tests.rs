//! Tests of the prefilter: where rules run, and what the scan finds.

use super::*;
use crate::rules::testing::lint;

const RULE: &str = r#"
[[rule]]
id = "no-stated"
kind = "pattern"
pattern = '\bstated\s+(?:that\s+)?it\b'
ignore_case = true
"#;

#[test]
fn a_rule_runs_only_where_its_literal_is() {
    let article = "# Harbour vote\n\nThe clerk spoke.\n\nShe STATED it twice.\n";
    let found = lint(RULE, article);
    assert_eq!(found.len(), 1);
    assert_eq!(&article[found[0].span.clone()], "STATED it");
    assert!(lint(RULE, "# Harbour vote\n\nThe clerk said it.\n").is_empty());
}

#[test]
fn a_case_sensitive_rule_is_placed_by_its_literals_in_their_case() {
    const TWO: &str = r#"
[[rule]]
id = "us-periods"
kind = "pattern"
pattern = '\bUS\b'

[[rule]]
id = "us-any-case"
kind = "pattern"
pattern = '\bus\b'
ignore_case = true
"#;
    let rules = crate::rules::testing::pack(TWO).expect("the test pack loads");
    let prefilter = rules.prefilter();
    let exact = rules.get("us-periods").expect("loaded");
    let folded = rules.get("us-any-case").expect("loaded");
    let seen = |text: &str| {
        let doc = Document::parse(text.to_string(), crate::article::Format::Markdown);
        prefilter.scan(&doc.expect("parses"))
    };
    // "us" stands in the automaton twice, once for each rule.
    let lower = seen("# Vote\n\nThe bus took us home.\n");
    assert_eq!(prefilter.focus(exact, &lower), Focus::Nowhere);
    assert!(matches!(prefilter.focus(folded, &lower), Focus::Around(_)));
    let upper = seen("# Vote\n\nThe US team.\n");
    assert!(matches!(prefilter.focus(exact, &upper), Focus::Around(_)));
    assert!(matches!(prefilter.focus(folded, &upper), Focus::Around(_)));
    // "US" for both rules, "us" for the second.
    assert_eq!(lint(TWO, "# Vote\n\nThe US team took us home.\n").len(), 3);
}

#[test]
fn a_prefilter_for_one_rule_stops_scanning() {
    let rules = crate::rules::builtin_rules(&["news"]).expect("pack compiles");
    let prefilter = rules.prefilter();
    assert_eq!(prefilter.guarded, 1, "news guards placeholder-text alone");
    let text = "# Vote\n\nThe council met on Tuesday.\n\n".repeat(10_000);
    let doc = Document::parse(text, crate::article::Format::Markdown).expect("parses");
    assert!(doc.source().len() > LONE_RULE_AFTER);
    let rule = rules
        .iter()
        .find(|r| &*r.id == "placeholder-text")
        .expect("in news");
    assert_eq!(prefilter.focus(rule, &prefilter.scan(&doc)), Focus::Nowhere);
    assert_eq!(
        prefilter.focus(rule, &prefilter.scan(&doc)),
        Focus::Everywhere
    );
    assert!(prefilter.dfa.get().is_none(), "no DFA for one rule");
}

#[test]
fn characters_that_fold_to_ascii_letters_turn_the_prefilter_off() {
    // The Kelvin sign matches `k` case-insensitively, but no ASCII search finds it.
    let rule = RULE.replace("\\bstated", "kelvin");
    let article = "# Lab\n\nThe \u{212A}elvin it rose.\n";
    assert_eq!(lint(&rule, article).len(), 1);
}

#[test]
fn holders_agree_with_holds_unit_by_unit() {
    // Occurrences of literals 0, 1 and 2; 2 straddles the second and third units.
    let hits = [(1, 3, 0), (4, 6, 1), (9, 12, 2), (13, 15, 0), (20, 22, 1)];
    let seen = Seen::from_hits(&hits, 4);
    assert_eq!(seen.of(0), [(1, 3), (13, 15)]);
    assert_eq!(seen.of(3), []);
    assert!(seen.holds(&[0, 3], 12..16) && !seen.holds(&[0], 2..12));
    let ordered = [0..4, 4..10, 10..16, 16..16, 16..30];
    let overlapping = [0..10, 4..16, 12..30];
    for literals in [&[0][..], &[1], &[2], &[3], &[0, 2], &[1, 2], &[0, 1, 2]] {
        for units in [&ordered[..], &overlapping[..]] {
            let one_by_one: Vec<bool> = units
                .iter()
                .map(|u| seen.holds(literals, u.clone()))
                .collect();
            assert_eq!(
                seen.holders(literals, units),
                one_by_one,
                "{literals:?} {units:?}"
            );
        }
    }
    assert_eq!(
        seen.holders(&[0], &ordered),
        [true, false, true, false, false]
    );
}

#[test]
fn longer_literals_holding_a_shorter_one_are_dropped() {
    let set = ["\t%", " %", "%", "per cent", "cent"]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect();
    assert_eq!(minimal(set), [b"%".to_vec(), b"cent".to_vec()]);
}

#[test]
fn the_gate_changes_no_finding() {
    use crate::article::Format;
    use crate::rules::builtin_rules;
    let plain = builtin_rules(&["news", "ap"]).expect("packs compile");
    let gated = builtin_rules(&["news", "ap"]).expect("packs compile");
    gated.prefilter().gating().open_now();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let mut articles: Vec<(String, Format)> = std::fs::read_dir(&folder)
        .expect("articles/ is read")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| matches!(Format::from_path(path), Format::Plain | Format::Markdown))
        .filter(|path| path.extension().is_some_and(|e| e != "toml"))
        .map(|path| {
            (
                std::fs::read_to_string(&path).expect("UTF-8"),
                Format::from_path(&path),
            )
        })
        .collect();
    assert!(articles.len() >= 5, "the sample articles are there");
    // Wide units (curly quotes, accents, a character beyond the narrow reach), a time, an
    // age and a figure that starts a sentence: rules the gate places.
    articles.push((
        "# Ólafsdóttir wins at 9am\n\n“It was over 5 years,” said Ms Ólafsdóttir, 34, at \
         9 pm. 7 boats came; the 3-year-old ran. Ольга said it on Sept 5.\n\nThe \
         five-year-old crew stated it was 10% more than over 12 boats, at 7:30am.\n"
            .to_string(),
        Format::Markdown,
    ));
    let lint = |rules: &crate::rules::RuleSet, (text, format): &(String, Format)| {
        let doc = Document::parse(text.clone(), *format).expect("parses");
        crate::lint::lint(rules, &doc)
    };
    let mut findings = 0;
    for article in &articles {
        let expected = lint(&plain, article);
        findings += expected.len();
        assert_eq!(lint(&gated, article), expected, "{}", article.0);
    }
    assert!(
        findings > 20,
        "the articles give the rules something to find"
    );
    let prefilter = gated.prefilter();
    let placed = gated
        .iter()
        .filter(|rule| {
            prefilter
                .gating()
                .number(&prefilter.slot(rule, &mut 0))
                .is_some()
        })
        .count();
    assert!(placed >= 20, "the gate placed {placed} rules");
}

#[test]
fn a_rule_is_found_in_turn_out_of_turn_and_from_another_set() {
    use crate::rules::builtin_rules;
    let rules = builtin_rules(&["news", "ap"]).expect("packs compile");
    let prefilter = rules.prefilter();
    let key = |slot: Slot| (slot.guard.map(|g| g as *const Guard), slot.candidate);
    let mut next = 0;
    let in_turn: Vec<_> = rules
        .iter()
        .map(|r| key(prefilter.slot(r, &mut next)))
        .collect();
    assert_eq!(next, in_turn.len());
    assert!(
        in_turn.iter().filter(|k| k.0.is_some()).count() > 20,
        "{in_turn:?}"
    );
    assert!(
        in_turn.iter().filter(|k| k.1.is_some()).count() > 20,
        "{in_turn:?}"
    );
    // Backwards, the next index is never the rule's: each is found by its address.
    let mut next = 0;
    let listed: Vec<_> = rules.iter().collect();
    let mut backwards: Vec<_> = listed
        .iter()
        .rev()
        .map(|r| key(prefilter.slot(r, &mut next)))
        .collect();
    backwards.reverse();
    assert_eq!(backwards, in_turn);
    // The same rules loaded again: other ids, found by their text.
    let again = builtin_rules(&["news", "ap"]).expect("packs compile");
    let mut next = 0;
    let other: Vec<_> = again
        .iter()
        .map(|r| key(prefilter.slot(r, &mut next)))
        .collect();
    assert_eq!(other, in_turn);
}
