//! `kind = "pattern"`: text that must not appear, as a regex or a list of whole words
//! (matched in one pass by an Aho-Corasick automaton, however long the list). A regex group
//! named `flag` narrows the finding to that group, and a match without it is skipped: the
//! way to say "X, but not in context Y" without lookaround.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{CompileContext, SpecError, is_whole_word};
use crate::lint::Context;
use crate::rules::lazy_regex::{LazyRegex, group};
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &[
    "pattern",
    "words",
    "ignore_case",
    "suggestion",
    "replacement",
    "exceptions",
];

/// A compiled pattern rule.
#[derive(Debug)]
pub struct Pattern {
    scope: Scope,
    matcher: Matcher,
    suggestion: Option<String>,
    replacement: Option<String>,
    /// The regex uses `^` or `$`, so it must see each unit on its own.
    anchored: bool,
    /// Contexts in which a match is no fault.
    exceptions: Vec<LazyRegex>,
}

#[derive(Debug)]
enum Matcher {
    Regex {
        regex: LazyRegex,
        flag: Option<usize>,
    },
    Words {
        automaton: AhoCorasick,
        /// The list, lower case, for the prefilter.
        literals: Vec<Vec<u8>>,
    },
}

impl Pattern {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let ignore_case = spec.ignore_case.as_ref().is_some_and(|v| *v.get_ref());
        let matcher = match (&spec.pattern, &spec.words) {
            (Some(pattern), None) => {
                let regex = ctx.regex("pattern", pattern.span(), pattern.get_ref(), ignore_case)?;
                let flag = regex.group_index("flag");
                Matcher::Regex { regex, flag }
            }
            (None, Some(words)) => {
                if words.get_ref().is_empty() {
                    return Err(SpecError::field(
                        "words",
                        words.span(),
                        "`words` is empty: the rule could never fire",
                    ));
                }
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
                let literals = words
                    .get_ref()
                    .iter()
                    .map(|w| w.to_ascii_lowercase().into_bytes())
                    .collect();
                Matcher::Words {
                    automaton,
                    literals,
                }
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
        if let (Some(replacement), Matcher::Words { .. }) = (&spec.replacement, &matcher) {
            return Err(SpecError::field(
                "replacement",
                replacement.span(),
                "`replacement` works with `pattern`; for word lists use kind `substitution`",
            ));
        }
        if let (Some(replacement), Matcher::Regex { regex, .. }) = (&spec.replacement, &matcher) {
            ctx.replacement(
                "replacement",
                replacement.span(),
                regex,
                replacement.get_ref(),
            )?;
        }
        let anchored = match &matcher {
            Matcher::Regex { regex, .. } => regex.is_anchored(),
            Matcher::Words { .. } => false,
        };
        Ok(Self {
            scope: ctx.scope(Scope::Prose)?,
            exceptions: ctx.exceptions(ignore_case)?,
            anchored,
            matcher,
            suggestion: spec.suggestion.as_ref().map(|s| s.get_ref().clone()),
            replacement: spec.replacement.as_ref().map(|s| s.get_ref().clone()),
        })
    }

    /// Literals one of which every match contains (see [`crate::rules::prefilter`]).
    pub fn required_literals(&self) -> Option<Vec<Vec<u8>>> {
        if !super::prefilter_reads(&self.scope) {
            return None;
        }
        match &self.matcher {
            Matcher::Regex { regex, .. } => regex.literals().map(<[_]>::to_vec),
            Matcher::Words { literals, .. } => Some(literals.clone()),
        }
    }

    /// Report every match in scope.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let (units, outside_quotes) = ctx.match_units(&self.scope);
        match &self.matcher {
            Matcher::Regex { regex, flag } => {
                let mut found = ctx.find_in_units(&units, self.anchored, |hay, emit| {
                    for m in regex.find_iter(hay) {
                        emit(m.range());
                    }
                });
                super::drop_exceptions(&self.exceptions, &units, &mut found);
                if outside_quotes {
                    ctx.drop_quoted(&mut found);
                }
                let needs_groups = flag.is_some() || self.replacement.is_some();
                for (index, span) in found {
                    if !needs_groups {
                        out.push(Finding {
                            span,
                            suggestion: self.suggestion.clone(),
                            ..Finding::default()
                        });
                        continue;
                    }
                    // Groups only for the few real matches: re-run at the match start.
                    let unit = &units[index];
                    let Some(caps) = regex.captures_at(unit.text, span.start - unit.offset) else {
                        continue;
                    };
                    let whole = group(&caps, 0).expect("group 0 always matches");
                    let reported = match flag {
                        Some(index) => match group(&caps, *index) {
                            Some(range) => range,
                            None => continue,
                        },
                        None => whole.clone(),
                    };
                    let fix = self.replacement.as_ref().map(|template| {
                        let mut replaced = String::new();
                        caps.interpolate_string_into(unit.text, template, &mut replaced);
                        (unit.absolute(whole), replaced)
                    });
                    out.push(Finding {
                        span: unit.absolute(reported),
                        suggestion: self.suggestion.clone(),
                        fix,
                        ..Finding::default()
                    });
                }
            }
            Matcher::Words { automaton, .. } => {
                let mut found = ctx.find_in_units(&units, false, |hay, emit| {
                    for m in automaton.find_iter(hay) {
                        if is_whole_word(hay, m.range()) {
                            emit(m.range());
                        }
                    }
                });
                super::drop_exceptions(&self.exceptions, &units, &mut found);
                if outside_quotes {
                    ctx.drop_quoted(&mut found);
                }
                for (_, span) in found {
                    out.push(Finding {
                        span,
                        suggestion: self.suggestion.clone(),
                        ..Finding::default()
                    });
                }
            }
        }
    }
}
