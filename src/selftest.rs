//! Rules that test themselves: every `bad` example must draw its rule (at the stated line,
//! if one is given), every `good` one must not, and where the finding carries a fix,
//! `fixed` must equal what `--fix` makes of `bad`. Used by `newslint test` and `cargo test`.

use std::ops::Range;
use std::sync::Arc;

use crate::article::Document;
use crate::error::SourceFile;
use crate::facts::Facts;
use crate::fix::fix_text;
use crate::line_index::LineIndex;
use crate::lint::lint_with;
use crate::rules::prefilter::Prefilter;
use crate::rules::spec::KindName;
use crate::rules::{Example, Expectation, Rule};
use crate::suppress::Suppressions;

/// One example that does not do what it says.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    /// The rule.
    pub rule: Arc<str>,
    /// The pack file.
    pub file: SourceFile,
    /// The example's span in the pack file.
    pub span: Range<usize>,
    /// What went wrong.
    pub message: String,
}

/// The outcome of running examples.
#[derive(Debug, Default)]
pub struct ExampleReport {
    /// Examples that passed.
    pub passed: usize,
    /// Examples that failed.
    pub failures: Vec<ExampleFailure>,
    /// Rules with no bad or no good example.
    pub untested: Vec<Arc<str>>,
}

/// Run every example of every rule.
pub fn run_examples<'a>(rules: impl IntoIterator<Item = &'a Rule>) -> ExampleReport {
    let mut report = ExampleReport::default();
    for rule in rules {
        // Each example runs behind the rule's own prefilter, so that a literal read wrongly
        // from its pattern fails the rule's bad examples.
        let prefilter = Prefilter::new([rule]);
        let has_bad = rule.examples.iter().any(|e| e.expect == Expectation::Bad);
        let has_good = rule.examples.iter().any(|e| e.expect == Expectation::Good);
        if !has_bad || !has_good {
            report.untested.push(rule.id.clone());
        }
        for example in &rule.examples {
            let facts = match &example.facts {
                None => Ok(Facts::default()),
                Some(text) => Facts::load(
                    &[SourceFile::new("the example's facts", text.as_str())],
                    &[],
                )
                .map_err(|errs| {
                    format!(
                        "the example's `facts` are not a valid facts file: {}",
                        errs[0]
                    )
                }),
            };
            match facts.and_then(|facts| check_example(rule, &prefilter, &facts, example)) {
                Ok(()) => report.passed += 1,
                Err(message) => report.failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    file: rule.file.clone(),
                    span: example.span.clone(),
                    message,
                }),
            }
        }
    }
    report
}

fn check_example(
    rule: &Rule,
    prefilter: &Prefilter,
    facts: &Facts,
    example: &Example,
) -> Result<(), String> {
    let (text, expect, line, format) = (
        example.text.as_str(),
        example.expect,
        example.line,
        example.format,
    );
    let fixed = example.fixed.as_deref();
    let doc = Document::parse(text.to_string(), format)
        .map_err(|e| format!("the example does not parse: {}", e.message))?;
    let found = if rule.kind_name == KindName::UnusedSuppression {
        // Its findings are the pipeline's: the suppressions of the example, with no other
        // rule's findings for them to silence.
        let lines = LineIndex::new(text);
        Suppressions::of(&doc, &lines).apply(&lines, Vec::new(), &[&*rule.id])
    } else {
        lint_with([rule], &doc, facts, prefilter)
    };
    match expect {
        Expectation::Good => {
            if let Some(first) = found.first() {
                let lines = LineIndex::new(text);
                let (l, c) = lines.line_col(text, first.span.start);
                return Err(format!(
                    "good example draws `{}` at line {l}, column {c}: {}",
                    rule.id, first.message
                ));
            }
        }
        Expectation::Bad => {
            if found.is_empty() {
                return Err(format!("bad example does not draw `{}`", rule.id));
            }
            if let Some(line) = line {
                let lines = LineIndex::new(text);
                if !found.iter().any(|d| lines.line(d.span.start) == line) {
                    let at: Vec<String> = found
                        .iter()
                        .map(|d| lines.line(d.span.start).to_string())
                        .collect();
                    return Err(format!(
                        "bad example draws `{}` at line {}, not at line {line}",
                        rule.id,
                        at.join(", ")
                    ));
                }
            }
            let has_fix = found.iter().any(|d| d.fix.is_some());
            match (has_fix, fixed) {
                (true, None) => {
                    return Err(format!(
                        "`{}` offers a fix here; add `fixed` with the text after --fix",
                        rule.id
                    ));
                }
                (false, Some(_)) => {
                    return Err(format!(
                        "the example gives `fixed`, but `{}` offers no fix here",
                        rule.id
                    ));
                }
                (true, Some(expected)) => {
                    let outcome = fix_text(text.to_string(), format, true, &|d| {
                        lint_with([rule], d, facts, prefilter)
                    })
                    .map_err(|e| format!("the fixed text does not parse: {}", e.message))?;
                    if outcome.text != expected {
                        return Err(format!(
                            "--fix gives {:?}, the example says {:?}",
                            outcome.text, expected
                        ));
                    }
                }
                (false, None) => {}
            }
        }
    }
    Ok(())
}
