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

/// The complete example pack in the README loads and its examples pass.
#[test]
fn the_readme_house_pack_works() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```toml\n[pack]\nname = \"house\"")
        .expect("the README shows a complete pack");
    let body = &readme[start + "```toml\n".len()..];
    let pack = &body[..body.find("```").unwrap()];
    let file = SourceFile::new("README.md", pack);
    let rules = load_pack_file(&file).unwrap_or_else(|errors| panic!("{}", errors[0]));
    assert_eq!(rules.len(), 2);
    let report = run_examples(&rules);
    assert!(report.failures.is_empty(), "{:?}", report.failures);
    assert_eq!(report.passed, 4);
}

/// The README's example newslint.toml loads (with an empty rules folder beside it).
#[test]
fn the_readme_config_loads() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("```toml\npacks = [")
        .expect("the README shows a config");
    let body = &readme[start + "```toml\n".len()..];
    let text = &body[..body.find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    let config =
        newslint::config::Config::from_text(&dir.path().join("newslint.toml"), text.to_string())
            .unwrap_or_else(|errors| panic!("{}", errors[0]));
    let rules = newslint::rules::load_rules(&config.load_options())
        .unwrap_or_else(|errors| panic!("{}", errors[0]));
    assert_eq!(
        rules.get("repeated-word").unwrap().severity,
        newslint::Severity::Error
    );
    assert!(
        rules.get("percent-sign").is_none(),
        "disabled in the example"
    );
}
