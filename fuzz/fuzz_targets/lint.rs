//! Arbitrary bytes: when they are UTF-8, parse them as plain text and as Markdown and lint
//! them with every built-in pack at once. Nothing may panic, and every diagnostic (and
//! fix) span must be a valid range of the source (the renderers slice with them).

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newslint::{Document, Format, RuleSet, lint};

fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        newslint::rules::builtin_rules(&[]).expect("the built-in packs compile")
    })
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
    for format in [Format::Plain, Format::Markdown] {
        // A parse error (bad front matter) is an answer, not a failure.
        let Ok(doc) = Document::parse(text.to_string(), format) else {
            continue;
        };
        for diagnostic in lint(rules(), &doc) {
            check_span(text, &diagnostic.span, &diagnostic.rule);
            if let Some(fix) = &diagnostic.fix {
                check_span(text, &fix.range, &diagnostic.rule);
            }
        }
    }
});
