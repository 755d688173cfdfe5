//! `kind = "pattern"`: text that must not appear, as a regex or a list of whole words
//! (matched in one pass by an Aho-Corasick automaton, however long the list). A regex group
//! named `flag` narrows the finding to that group, and a match without it is skipped: the
//! way to say "X, but not in context Y" without lookaround.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::{CompileContext, SpecError, is_whole_word};
use crate::lint::Context;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &[
    "pattern",
    "words",
    "ignore_case",
    "suggestion",
    "replacement",
];

/// A compiled pattern rule.
#[derive(Debug)]
pub struct Pattern {
    scope: Scope,
    matcher: Matcher,
    suggestion: Option<String>,
    replacement: Option<String>,
}

#[derive(Debug)]
enum Matcher {
    Regex { regex: Regex, flag: Option<usize> },
    Words(AhoCorasick),
}

impl Pattern {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let ignore_case = spec.ignore_case.as_ref().is_some_and(|v| *v.get_ref());
        let matcher = match (&spec.pattern, &spec.words) {
            (Some(pattern), None) => {
                let regex = ctx.regex("pattern", pattern.span(), pattern.get_ref(), ignore_case)?;
                let flag = regex.capture_names().position(|name| name == Some("flag"));
                Matcher::Regex { regex, flag }
            }
            (None, Some(words)) => {
                if words.get_ref().iter().any(|w| w.trim().is_empty()) {
                    return Err(SpecError::field(
                        "words",
                        words.span(),
                        "`words` holds an empty entry",
                    ));
                }
                let automaton = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(ignore_case)
                    .build(words.get_ref())
                    .map_err(|e| {
                        SpecError::field(
                            "words",
                            words.span(),
                            format!("cannot build the word list: {e}"),
                        )
                    })?;
                Matcher::Words(automaton)
            }
            (Some(_), Some(words)) => {
                return Err(SpecError::field(
                    "words",
                    words.span(),
                    "give `pattern` or `words`, not both",
                ));
            }
            (None, None) => {
                return Err(SpecError::new(
                    None,
                    "a `pattern` rule needs `pattern` or `words`",
                ));
            }
        };
        if let (Some(replacement), Matcher::Words(_)) = (&spec.replacement, &matcher) {
            return Err(SpecError::field(
                "replacement",
                replacement.span(),
                "`replacement` works with `pattern`; for word lists use kind `substitution`",
            ));
        }
        Ok(Self {
            scope: ctx.scope(Scope::Prose)?,
            matcher,
            suggestion: spec.suggestion.as_ref().map(|s| s.get_ref().clone()),
            replacement: spec.replacement.as_ref().map(|s| s.get_ref().clone()),
        })
    }

    /// Report every match in scope.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for unit in ctx.units(&self.scope) {
            match &self.matcher {
                Matcher::Regex { regex, flag } => {
                    for caps in regex.captures_iter(unit.text) {
                        let whole = caps.get(0).expect("group 0 always matches");
                        let reported = match flag {
                            Some(index) => match caps.get(*index) {
                                Some(m) => m,
                                None => continue,
                            },
                            None => whole,
                        };
                        let fix = self.replacement.as_ref().map(|template| {
                            let mut replaced = String::new();
                            caps.expand(template, &mut replaced);
                            (unit.absolute(whole.range()), replaced)
                        });
                        out.push(Finding {
                            span: unit.absolute(reported.range()),
                            suggestion: self.suggestion.clone(),
                            fix,
                            ..Finding::default()
                        });
                    }
                }
                Matcher::Words(automaton) => {
                    for m in automaton.find_iter(unit.text) {
                        if is_whole_word(unit.text, m.range()) {
                            out.push(Finding {
                                span: unit.absolute(m.range()),
                                suggestion: self.suggestion.clone(),
                                ..Finding::default()
                            });
                        }
                    }
                }
            }
        }
    }
}
