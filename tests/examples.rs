//! Every example of every built-in pack: each `bad` draws its rule (at its line, when one is
//! given), each `good` does not, each `fixed` equals what `--fix` makes of its `bad`.

use newslint::SourceFile;
use newslint::rules::{BUILTIN_PACKS, load_pack_file};
use newslint::selftest::run_examples;

#[test]
fn every_builtin_example_passes() {
    for (name, text) in BUILTIN_PACKS {
        let file = SourceFile::new(format!("builtin:{name}"), *text);
        let rules = load_pack_file(&file).unwrap_or_else(|errors| {
            panic!(
                "pack {name} does not load: {}",
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(!rules.is_empty(), "pack {name} has no rules");
        let report = run_examples(&rules);
        let failures: Vec<String> = report
            .failures
            .iter()
            .map(|f| {
                let (line, _) = newslint::line_index::LineIndex::new(&f.file.text)
                    .line_col(&f.file.text, f.span.start);
                format!("{}:{line}: {}: {}", f.file.name, f.rule, f.message)
            })
            .collect();
        assert!(
            failures.is_empty(),
            "failing examples:\n{}",
            failures.join("\n")
        );
        assert!(
            report.untested.is_empty(),
            "rules of {name} without a bad and a good example: {:?}",
            report.untested
        );
        assert!(report.passed >= 2 * rules.len());
    }
}

#[test]
fn a_broken_pattern_fails_its_examples() {
    let pack = r#"
[[rule]]
id = "no-towards"
kind = "pattern"
pattern = 'towardz'
message = "write toward"
[[rule.examples]]
bad = "We walked towards the sea."
[[rule.examples]]
good = "We walked toward the sea."
"#;
    let file = SourceFile::new("house.toml", pack);
    let rules = load_pack_file(&file).expect("the pack loads");
    let report = run_examples(&rules);
    assert_eq!(report.passed, 1);
    assert_eq!(report.failures.len(), 1);
    let failure = &report.failures[0];
    assert_eq!(
        &pack[failure.span.clone()],
        "\"We walked towards the sea.\""
    );
    assert!(
        failure.message.contains("does not draw"),
        "{}",
        failure.message
    );
}
