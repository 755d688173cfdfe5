//! Arbitrary bytes as a rule pack: the first line-feed-separated half is TOML (a pack,
//! regexes and replacement templates included), the rest an article. Loading may refuse the
//! pack but never panic; a pack that loads lints and fixes the article (plain text and
//! Markdown) with every span a range of the source, and fixing is idempotent and stays
//! within `fix::max_fixed_len`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use newslint::fix::{fix_text, lint_with_rules, max_fixed_len};
use newslint::{Document, Format, RuleSet, SourceFile, lint};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (pack, article) = text.split_once("\n\n\n").unwrap_or((text, "Headline\n\nThe vote.\n"));
    let Ok(rules) = newslint::rules::load_pack_file(&SourceFile::new("fuzz.toml", pack)) else {
        return;
    };
    let rules = RuleSet::new(rules);
    let fix_lint = lint_with_rules(&rules);
    for format in [Format::Plain, Format::Markdown] {
        let Ok(doc) = Document::parse(article.to_string(), format) else {
            continue;
        };
        for diagnostic in lint(&rules, &doc) {
            assert!(article.get(diagnostic.span.clone()).is_some(), "span {:?}", diagnostic.span);
            if let Some(fix) = &diagnostic.fix {
                assert!(article.get(fix.range.clone()).is_some(), "fix {:?}", fix.range);
            }
        }
        let once = fix_text(article.to_string(), format, true, &fix_lint).expect("it parsed");
        assert!(once.text.len() <= max_fixed_len(article.len()), "the fix grew the text");
        let twice = fix_text(once.text.clone(), format, true, &fix_lint)
            .expect("the fixed text parses");
        assert_eq!(once.text, twice.text, "fixing is not idempotent");
    }
});
