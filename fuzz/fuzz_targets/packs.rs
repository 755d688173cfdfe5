//! Arbitrary bytes as a rule pack: up to the first blank-blank line (`\n\n\n`) the bytes are
//! a pack's TOML (kinds, options, regexes, replacement templates, fragments, examples), the
//! rest an article (a fixed one when there is no such line). Loading may refuse the pack but
//! never panic. A pack that loads has its examples run, and lints and fixes the article as
//! plain text and as Markdown through the engine's whole per-file pipeline (the core pack
//! and suppressions included), as `newslint check --fix --unsafe-fixes` does. Invariants (a
//! violation panics):
//! - every diagnostic and fix span is a range of the source;
//! - the fixed text is the source with the reported edits applied, every edit inside a fix
//!   that applied, and it stays within `fix::max_fixed_len`;
//! - fixing is idempotent: fixing the output again changes nothing.

#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use newslint::config::Config;
use newslint::fix::{Edit, max_fixed_len};
use newslint::rules::LoadOptions;
use newslint::{Engine, Format, SourceFile};

const ARTICLE: &str = "Mr Lee's colour vote\n\n\"The harbour vote is on Monday,\" said Mr Lee, 42.\n\nPhoto: Gull Post/Ann Roe\n";

fn apply(text: &str, edits: &[Edit]) -> String {
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

fn check_span(source: &str, span: &std::ops::Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && source.get(span.clone()).is_some(),
        "{what} span {span:?} is not a range of the {}-byte source",
        source.len()
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (pack, article) = text.split_once("\n\n\n").unwrap_or((text, ARTICLE));
    let options = LoadOptions {
        pack_texts: vec![SourceFile::new("fuzz.toml", pack)],
        ..LoadOptions::default()
    };
    let Ok(rules) = newslint::rules::load_rules(&options) else {
        return;
    };
    // `newslint test`: the pack's own examples (their failures are answers, not crashes).
    let _ = newslint::selftest::run_examples(rules.iter());
    let engine = Engine::new(Config::defaults("/fuzz".into()), rules);
    for (format, name) in [(Format::Plain, "/fuzz/a.txt"), (Format::Markdown, "/fuzz/a.md")] {
        let path = Path::new(name);
        // A parse error (bad front matter) is an answer, not a failure.
        let Ok((_, diagnostics)) = engine.check_text(path, article.to_string(), format)
        else {
            continue;
        };
        for diagnostic in &diagnostics {
            check_span(article, &diagnostic.span, &diagnostic.rule);
            if let Some(fix) = &diagnostic.fix {
                check_span(article, &fix.range, &diagnostic.rule);
            }
        }
        let once = engine
            .fix(path, article.to_string(), format, true)
            .expect("the article parsed");
        assert!(once.text.len() <= max_fixed_len(article.len()), "the fix grew the text");
        assert_eq!(apply(article, &once.edits), once.text, "bytes outside the edits changed");
        for edit in &once.edits {
            assert!(
                covered(&edit.range, &once.fixed_ranges),
                "edit {edit:?} outside the fixes {:?}",
                once.fixed_ranges
            );
        }
        let twice = engine
            .fix(path, once.text.clone(), format, true)
            .expect("the fixed text parses");
        assert_eq!(once.text, twice.text, "fixing is not idempotent ({format:?})");
    }
});

/// Whether every byte of `edit` lies in some fixed range (adjacent fixes may share an edit).
fn covered(edit: &std::ops::Range<usize>, fixed: &[std::ops::Range<usize>]) -> bool {
    if edit.is_empty() {
        return fixed.iter().any(|f| f.start <= edit.start && edit.start <= f.end);
    }
    (edit.start..edit.end).all(|byte| fixed.iter().any(|f| f.start <= byte && byte < f.end))
}
