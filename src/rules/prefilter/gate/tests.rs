//! The gate's tests: it lets each rule into every unit where its regex matches.

use super::*;

fn units(texts: &[&'static str]) -> Vec<Unit<'static>> {
    let mut offset = 0;
    texts
        .iter()
        .map(|text| {
            let unit = Unit { offset, text };
            offset += text.len() + 2;
            unit
        })
        .collect()
}

#[test]
fn a_rule_is_gated_into_the_units_where_its_regex_matches() {
    let rules = vec![
        (vec![r"(?i)\b(\d+)\s?(am|pm)\b".to_string()], false),
        (vec![r"\bSept\b".to_string(), r"\A\d".to_string()], false),
        (vec![r"\bstated\b".to_string()], true),
    ];
    let gate = Gate::new(&rules).expect("builds");
    let texts = [
        "I am in the team at 9am.",
        "The programme came.",
        "4 boats came in Sept.",
        "Reinstated in Sept.",
        "Ólafur STATED it on 3 Sept, at “9 pm”.",
        // Beyond ASCII too, `\s` holds the no-break space; nothing else matches.
        "It came at 9\u{a0}PM — not the 10th.",
    ];
    let units = units(&texts);
    let hits = gate.scan(&units);
    let held = |rule| -> Vec<usize> {
        (0..units.len())
            .filter(|&i| hits.holds(rule, units[i].offset))
            .collect()
    };
    assert_eq!(held(0), [0, 4, 5]);
    assert_eq!(held(1), [2, 3, 4]);
    // "Reinstated" has no boundary before "stated"; units beyond ASCII are read too.
    assert_eq!(held(2), [4]);
    assert!(!hits.holds(0, units[1].offset));
    assert!(hits.anywhere(2));
    // An offset the gate did not read may hold anything.
    assert!(hits.holds(2, 1));
}

#[test]
fn the_gate_matches_wherever_the_regex_does() {
    use proptest::prelude::*;
    let patterns = [
        r"\b[1-9]\b",
        r"(?:\A|[.!?]\s+)(?P<flag>\d[\d,.]*)",
        r"(?i)\bover\s+\d",
        r"\b(?:Mr|Mrs)\.?\s+\p{Lu}[\p{L}'’-]*",
        r"(?m)^\s*-\s\w+$",
        // Case folding beyond ASCII: `k` to the Kelvin sign, `s` to the long s.
        r"(?i)\bsk\w*\s+said\b",
        r"\p{Lu}\p{Ll}+\s+Mr\b",
    ];
    let rules: Vec<_> = patterns
        .iter()
        .map(|p| (vec![p.to_string()], false))
        .collect();
    let gate = Gate::new(&rules).expect("builds");
    // Each rule's regex as the rule builds it (an ASCII `\b`).
    let regexes: Vec<_> = patterns
        .iter()
        .map(|p| crate::rules::lazy_regex::build(p, false, false).expect("valid"))
        .collect();
    let alphabet = prop::sample::select(vec![
        "1", "5", "12", ".", " ", "\n", "Mr", "Ó", "é", "over", "OVER", "x", "-", "’", "ş",
        "\u{a0}", "s", "\u{212a}", "\u{17f}", "said", "SAID",
    ]);
    proptest!(|(pieces in prop::collection::vec(alphabet, 0..24))| {
        let text: String = pieces.concat();
        let units = [Unit { offset: 0, text: &text }];
        let hits = gate.scan(&units);
        for (rule, regex) in regexes.iter().enumerate() {
            if regex.is_match(&text) {
                prop_assert!(hits.holds(rule as u32, 0), "{} on {:?}", patterns[rule], text);
            }
        }
    });
}
