//! Arbitrary bytes → UTF-8 text → `fix_text` with every built-in pack and unsafe fixes
//! allowed, as plain text and as Markdown. Invariants (a violation panics):
//! - fixing is idempotent: fixing the output again changes nothing;
//! - a leading byte-order mark is kept;
//! - the first pass changes no byte outside its selected edits.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newslint::fix::{apply_edits, fix_text, lint_with_rules, select_fixes};
use newslint::{Document, Format, RuleSet, lint};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        newslint::rules::builtin_rules(&[]).expect("the built-in packs compile")
    })
}

fn first_pass_keeps_untouched_bytes(text: &str, format: Format) {
    let Ok(doc) = Document::parse(text.to_string(), format) else {
        return;
    };
    let diagnostics = lint(rules(), &doc);
    let edits = select_fixes(&diagnostics, true);
    for edit in &edits {
        assert!(
            text.get(edit.range.clone()).is_some(),
            "edit {:?} is not a range of the {}-byte source",
            edit.range,
            text.len()
        );
    }
    let out = apply_edits(text, &edits);
    // Walk the untouched stretches in order: each must stand unchanged in the output.
    let mut cursor_in = 0;
    let mut cursor_out = 0;
    for edit in &edits {
        let kept = &text[cursor_in..edit.range.start];
        assert_eq!(
            out.as_bytes().get(cursor_out..cursor_out + kept.len()),
            Some(kept.as_bytes()),
            "bytes before the edit at {:?} changed",
            edit.range
        );
        cursor_out += kept.len() + edit.replacement.len();
        cursor_in = edit.range.end;
    }
    assert_eq!(
        out.as_bytes().get(cursor_out..),
        Some(&text.as_bytes()[cursor_in..]),
        "bytes after the last edit changed"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let lint = lint_with_rules(rules());
    for format in [Format::Plain, Format::Markdown] {
        first_pass_keeps_untouched_bytes(text, format);
        let Ok(once) = fix_text(text.to_string(), format, true, &lint) else {
            continue;
        };
        let once = once.text;
        if text.starts_with('\u{feff}') {
            assert!(once.starts_with('\u{feff}'), "the byte-order mark was lost");
        }
        let twice = fix_text(once.clone(), format, true, &lint)
            .expect("the fixed text parses")
            .text;
        assert_eq!(once, twice, "fixing is not idempotent ({format:?})");
    }
});
