//! Every input in `tests/fuzz-regressions/` (minimised crashes of the cargo-fuzz targets in
//! `fuzz/`) goes through what the targets check: parsed as plain text and as Markdown,
//! linted with every built-in pack, fixed with unsafe fixes allowed. Nothing may panic,
//! every span must be a range of the source, and fixing must keep a byte-order mark, touch
//! no byte outside the first pass's edits and be idempotent. Inputs of the `packs` target,
//! in `tests/fuzz-regressions/packs/`, are a pack, `\n\n\n` and an article, and get that
//! target's checks.

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
    for path in entries.into_iter().filter(|p| p.is_file()) {
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

/// `text` with `edits` applied, worked out here and not by the library.
fn apply(text: &str, edits: &[newslint::fix::Edit]) -> String {
    let mut out = String::new();
    let mut cursor = 0;
    for edit in edits {
        assert!(edit.range.start >= cursor, "edits overlap: {edits:?}");
        out.push_str(&text[cursor..edit.range.start]);
        out.push_str(&edit.replacement);
        cursor = edit.range.end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// What `fuzz/fuzz_targets/packs.rs` checks, on one input.
fn check_pack(name: &str, text: &str) {
    use newslint::config::Config;
    use newslint::rules::LoadOptions;
    let (pack, article) = text
        .split_once("\n\n\n")
        .unwrap_or((text, "Mr Lee's colour vote\n\nThe vote is on Monday.\n"));
    let options = LoadOptions {
        pack_texts: vec![newslint::SourceFile::new("fuzz.toml", pack)],
        ..LoadOptions::default()
    };
    let Ok(rules) = newslint::rules::load_rules(&options) else {
        return;
    };
    let _ = newslint::selftest::run_examples(rules.iter());
    let engine = newslint::Engine::new(Config::defaults("/fuzz".into()), rules);
    for (format, file) in [
        (Format::Plain, "/fuzz/a.txt"),
        (Format::Markdown, "/fuzz/a.md"),
    ] {
        let path = Path::new(file);
        let Ok((_, diagnostics)) = engine.check_text(path, article.to_string(), format) else {
            continue;
        };
        for d in &diagnostics {
            assert!(
                article.get(d.span.clone()).is_some(),
                "{name}: span {:?}",
                d.span
            );
        }
        let once = engine
            .fix(path, article.to_string(), format, true)
            .expect("the article parsed");
        assert!(
            once.text.len() <= newslint::fix::max_fixed_len(article.len()),
            "{name}"
        );
        assert_eq!(
            apply(article, &once.edits),
            once.text,
            "{name} ({format:?})"
        );
        let twice = engine
            .fix(path, once.text.clone(), format, true)
            .expect("the fixed text parses");
        assert_eq!(once.text, twice.text, "{name} ({format:?}): not idempotent");
    }
}

#[test]
fn pack_fuzz_regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions/packs");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-regressions/packs exists")
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    assert!(!entries.is_empty(), "no inputs in {}", dir.display());
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("the input is readable");
        if let Ok(text) = String::from_utf8(bytes) {
            check_pack(&name, &text);
        }
    }
}
