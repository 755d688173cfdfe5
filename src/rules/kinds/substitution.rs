//! `kind = "substitution"`: a bad word or phrase and the house's preferred one, with a fix
//! that keeps the original's capitalisation. Literal keys are matched as whole words in one
//! Aho-Corasick pass; with `regex = true` each key is a regex and each value a replacement.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use super::{CompileContext, SpecError, is_anchored, is_whole_word, match_case};
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
        preferred: std::collections::HashMap<String, String>,
    },
    Regexes {
        /// Each key's regex with its replacement.
        keys: Vec<(Regex, String)>,
        /// All keys as one alternation, so the text is scanned once whatever the number
        /// of keys; the key that matched is found again at the match only.
        any: Regex,
        /// Some key uses `^` or `$`, so units are searched one by one.
        anchored: bool,
    },
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
            let mut keys = Vec::new();
            for (pattern, replacement) in swap.get_ref() {
                let regex = ctx.regex("swap", swap.span(), pattern, ignore_case)?;
                ctx.replacement("swap", swap.span(), &regex, replacement)?;
                keys.push((regex, replacement.clone()));
            }
            let alternation = swap
                .get_ref()
                .keys()
                .map(|k| format!("(?:{k})"))
                .collect::<Vec<_>>()
                .join("|");
            let any = ctx.regex("swap", swap.span(), &alternation, ignore_case)?;
            let anchored = swap.get_ref().keys().any(|k| is_anchored(k));
            Matcher::Regexes {
                keys,
                any,
                anchored,
            }
        } else {
            let bad: Vec<&String> = swap.get_ref().keys().collect();
            let preferred = swap
                .get_ref()
                .iter()
                .map(|(k, v)| (k.to_ascii_lowercase(), v.clone()))
                .collect();
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
        let units = ctx.units(&self.scope);
        match &self.matcher {
            Matcher::Literal {
                automaton,
                preferred,
            } => {
                let found = ctx.find_in_units(&units, false, |hay, emit| {
                    for m in automaton.find_iter(hay) {
                        if is_whole_word(hay, m.range()) {
                            emit(m.range());
                        }
                    }
                });
                let source = ctx.doc().source();
                for (_, span) in found {
                    let original = &source[span.clone()];
                    // The automaton matched one key exactly (up to ASCII case).
                    let Some(good) = preferred.get(&original.to_ascii_lowercase()) else {
                        continue;
                    };
                    out.push(finding(span.clone(), match_case(original, good)));
                }
            }
            Matcher::Regexes {
                keys,
                any,
                anchored,
            } => {
                let found = ctx.find_in_units(&units, *anchored, |hay, emit| {
                    for m in any.find_iter(hay) {
                        emit(m.range());
                    }
                });
                for (index, span) in found {
                    let unit = &units[index];
                    let at = span.start - unit.offset;
                    // The alternation takes the first key that matches here, as does this.
                    let hit = keys.iter().find_map(|(regex, replacement)| {
                        regex
                            .captures_at(unit.text, at)
                            .filter(|c| c.get(0).is_some_and(|m| m.start() == at))
                            .map(|c| (c, replacement))
                    });
                    let Some((caps, replacement)) = hit else {
                        continue;
                    };
                    let whole = caps.get(0).expect("group 0 always matches");
                    let mut suggestion = String::new();
                    caps.expand(replacement, &mut suggestion);
                    out.push(finding(unit.absolute(whole.range()), suggestion));
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
