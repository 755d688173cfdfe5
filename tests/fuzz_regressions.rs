//! Every input in `tests/fuzz-regressions/` (minimised crashes of the cargo-fuzz targets in
//! `fuzz/`) goes through what the targets check: parsed as plain text and as Markdown,
//! linted with every built-in pack, fixed with unsafe fixes allowed. Nothing may panic,
//! every span must be a range of the source, and fixing must keep a byte-order mark, touch
//! no byte outside the first pass's edits and be idempotent.

use std::path::Path;

use newslint::fix::{apply_edits, fix_text, lint_with_rules, select_fixes};
use newslint::{Document, Format, RuleSet, lint};

fn all_packs() -> RuleSet {
    newslint::rules::builtin_rules(&[]).expect("the built-in packs compile")
}

fn check(name: &str, text: &str, format: Format, rules: &RuleSet) {
    let Ok(doc) = Document::parse(text.to_string(), format) else {
        return;
    };
    let diagnostics = lint(rules, &doc);
    for d in &diagnostics {
        assert!(
            text.get(d.span.clone()).is_some(),
            "{name} ({format:?}): {} span {:?} is not a range of the source",
            d.rule,
            d.span
        );
        if let Some(fix) = &d.fix {
            assert!(
                text.get(fix.range.clone()).is_some(),
                "{name} ({format:?}): {} fix {:?} is not a range of the source",
                d.rule,
                fix.range
            );
        }
    }
    let edits = select_fixes(&diagnostics, true);
    let out = apply_edits(text, &edits);
    let (mut cursor_in, mut cursor_out) = (0, 0);
    for edit in &edits {
        let kept = &text[cursor_in..edit.range.start];
        assert_eq!(
            &out[cursor_out..cursor_out + kept.len()],
            kept,
            "{name} ({format:?})"
        );
        cursor_out += kept.len() + edit.replacement.len();
        cursor_in = edit.range.end;
    }
    assert_eq!(
        &out[cursor_out..],
        &text[cursor_in..],
        "{name} ({format:?})"
    );

    let lint = lint_with_rules(rules);
    let once = fix_text(text.to_string(), format, true, &lint)
        .expect("the text parsed once")
        .text;
    if text.starts_with('\u{feff}') {
        assert!(
            once.starts_with('\u{feff}'),
            "{name} ({format:?}): BOM lost"
        );
    }
    let twice = fix_text(once.clone(), format, true, &lint)
        .expect("the fixed text parses")
        .text;
    assert_eq!(once, twice, "{name} ({format:?}): fixing is not idempotent");
}

#[test]
fn fuzz_regressions_stay_fixed() {
    let rules = all_packs();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions exists")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no inputs in {}", dir.display());
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("the input is readable");
        // The targets skip input that is not UTF-8; so does this.
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        for format in [Format::Plain, Format::Markdown] {
            check(&name, &text, format, &rules);
        }
    }
}
