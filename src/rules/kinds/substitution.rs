//! `kind = "substitution"`: a bad word or phrase and the house's preferred one, with a fix
//! that keeps the original's capitalisation. Literal keys are matched as whole words in one
//! Aho-Corasick pass; with `regex = true` each key is a regex and each value a replacement.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::{CompileContext, SpecError, is_whole_word, match_case};
use crate::lint::Context;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["swap", "ignore_case", "regex"];

/// A compiled substitution rule.
#[derive(Debug)]
pub struct Substitution {
    scope: Scope,
    matcher: Matcher,
}

#[derive(Debug)]
enum Matcher {
    Literal {
        automaton: AhoCorasick,
        preferred: Vec<String>,
    },
    Regexes(Vec<(Regex, String)>),
}

impl Substitution {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let Some(swap) = &spec.swap else {
            return Err(SpecError::new(
                None,
                "a `substitution` rule needs `swap = { bad = \"good\" }`",
            ));
        };
        if swap.get_ref().is_empty() {
            return Err(SpecError::field("swap", swap.span(), "`swap` is empty"));
        }
        let ignore_case = spec.ignore_case.as_ref().is_none_or(|v| *v.get_ref());
        let matcher = if spec.regex.as_ref().is_some_and(|v| *v.get_ref()) {
            let mut compiled = Vec::new();
            for (pattern, replacement) in swap.get_ref() {
                compiled.push((
                    ctx.regex("swap", swap.span(), pattern, ignore_case)?,
                    replacement.clone(),
                ));
            }
            Matcher::Regexes(compiled)
        } else {
            let (bad, preferred): (Vec<&String>, Vec<String>) =
                swap.get_ref().iter().map(|(k, v)| (k, v.clone())).unzip();
            if bad.iter().any(|k| k.trim().is_empty()) {
                return Err(SpecError::field(
                    "swap",
                    swap.span(),
                    "`swap` has an empty key",
                ));
            }
            let automaton = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(ignore_case)
                .build(bad)
                .map_err(|e| {
                    SpecError::field(
                        "swap",
                        swap.span(),
                        format!("cannot build the word list: {e}"),
                    )
                })?;
            Matcher::Literal {
                automaton,
                preferred,
            }
        };
        Ok(Self {
            scope: ctx.scope(Scope::Prose)?,
            matcher,
        })
    }

    /// Report every bad form in scope, each with its fix.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for unit in ctx.units(&self.scope) {
            match &self.matcher {
                Matcher::Literal {
                    automaton,
                    preferred,
                } => {
                    for m in automaton.find_iter(unit.text) {
                        if !is_whole_word(unit.text, m.range()) {
                            continue;
                        }
                        let original = &unit.text[m.range()];
                        let suggestion = match_case(original, &preferred[m.pattern().as_usize()]);
                        out.push(finding(unit.absolute(m.range()), suggestion));
                    }
                }
                Matcher::Regexes(regexes) => {
                    let mut found = Vec::new();
                    for (regex, replacement) in regexes {
                        for caps in regex.captures_iter(unit.text) {
                            let whole = caps.get(0).expect("group 0 always matches");
                            let mut suggestion = String::new();
                            caps.expand(replacement, &mut suggestion);
                            found.push(finding(unit.absolute(whole.range()), suggestion));
                        }
                    }
                    found.sort_by_key(|f| f.span.start);
                    out.extend(found);
                }
            }
        }
    }
}

fn finding(span: std::ops::Range<usize>, suggestion: String) -> Finding {
    Finding {
        fix: Some((span.clone(), suggestion.clone())),
        span,
        suggestion: Some(suggestion),
        ..Finding::default()
    }
}
