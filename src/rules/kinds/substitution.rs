//! `kind = "substitution"`: a bad word or phrase and the house's preferred one, with a fix
//! that keeps the original's capitalisation. Literal keys are matched as whole words in one
//! Aho-Corasick pass; with `regex = true` each key is a regex and each value a replacement.

use super::matching::WordList;
use super::{CompileContext, SpecError, match_case};
use crate::lint::Context;
use crate::rules::lazy_regex::{LazyRegex, group};
use crate::rules::literals::Required;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["swap", "ignore_case", "regex", "exceptions"];

/// A compiled substitution rule.
#[derive(Debug)]
pub struct Substitution {
    scope: Scope,
    matcher: Matcher,
    /// Contexts in which a match is no fault.
    exceptions: Vec<LazyRegex>,
}

#[derive(Debug)]
enum Matcher {
    Literal {
        keys: WordList,
        /// The preferred form of each key, by its place in the list (file order).
        preferred: Vec<String>,
    },
    Regexes {
        /// All keys in one regex of many patterns, so the text is scanned once whatever
        /// the number of keys, and the match tells which key it is.
        any: LazyRegex,
        /// Each key's replacement, in file order (the regex's pattern order).
        replacements: Vec<String>,
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
            let mut patterns = Vec::new();
            let mut replacements = Vec::new();
            for (pattern, replacement) in swap.get_ref() {
                // A user pack's key is read here (its syntax, and its template against its
                // groups); a built-in pack's only as part of the alternation below.
                let key = ctx.searched_regex("swap", swap.span(), pattern, ignore_case)?;
                ctx.replacement("swap", swap.span(), &key, replacement)?;
                patterns.push(key.pattern().to_string());
                replacements.push(replacement.clone());
            }
            let alternation = swap
                .get_ref()
                .keys()
                .map(|k| format!("(?:{k})"))
                .collect::<Vec<_>>()
                .join("|");
            let any = ctx
                .regex("swap", swap.span(), &alternation, ignore_case)?
                .into_many(patterns);
            // The alternation holds the anchors of every key.
            let anchored = any.is_anchored();
            Matcher::Regexes {
                any,
                replacements,
                anchored,
            }
        } else {
            let bad: Vec<&str> = swap.get_ref().keys().map(String::as_str).collect();
            let keys = WordList::new(
                "swap",
                swap.span(),
                &bad,
                ignore_case,
                "`swap` has an empty key",
                ctx.lazy,
            )?;
            if ignore_case && let Some((a, b)) = keys_equal_but_for_case(&bad) {
                return Err(SpecError::field(
                    "swap",
                    swap.span(),
                    format!("keys `{a}` and `{b}` differ only in case, and the rule ignores case"),
                )
                .with_note("set `ignore_case = false` so that each key matches its own case"));
            }
            Matcher::Literal {
                keys,
                preferred: swap.get_ref().values().cloned().collect(),
            }
        };
        Ok(Self {
            scope: ctx.scope(Scope::Prose)?,
            exceptions: ctx.exceptions(ignore_case)?,
            matcher,
        })
    }

    /// Literals one of which every match contains (see [`crate::rules::prefilter`]).
    pub fn required_literals(&self) -> Option<Required> {
        if !super::prefilter_reads(&self.scope) {
            return None;
        }
        match &self.matcher {
            Matcher::Literal { keys, .. } => Some(keys.literals().clone()),
            Matcher::Regexes { any, .. } => any.literals().cloned(),
        }
    }

    /// The keys' patterns and case rule, for the gate.
    pub fn gate_patterns(&self) -> Option<(&[String], bool)> {
        match &self.matcher {
            Matcher::Regexes { any, .. } if super::gate_reads(&self.scope) => {
                Some((any.patterns(), any.ignores_case()))
            }
            _ => None,
        }
    }

    /// Report every bad form in scope, each with its fix.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let (units, outside_quotes) = ctx.match_units(&self.scope);
        match &self.matcher {
            Matcher::Literal { keys, preferred } => {
                let mut found = ctx.find_in_units(&units, false, |hay, emit| {
                    for range in keys.find_whole_words(hay) {
                        emit(range);
                    }
                });
                super::drop_exceptions(&self.exceptions, &units, &mut found);
                if outside_quotes {
                    ctx.drop_quoted(&mut found);
                }
                let source = ctx.doc().source();
                // The key is found again in the matched text alone: with case kept,
                // "US" and "us" are different keys with different replacements.
                for (_, span) in found {
                    let original = &source[span.clone()];
                    let Some(key) = keys.entry_of(original) else {
                        continue;
                    };
                    out.push(finding(span.clone(), match_case(original, &preferred[key])));
                }
            }
            Matcher::Regexes {
                any,
                replacements,
                anchored,
            } => {
                let mut found = ctx.find_in_units(&units, *anchored, |hay, emit| {
                    for m in any.find_iter(hay) {
                        emit(m.range());
                    }
                });
                super::drop_exceptions(&self.exceptions, &units, &mut found);
                if outside_quotes {
                    ctx.drop_quoted(&mut found);
                }
                for (index, span) in found {
                    let unit = &units[index];
                    let at = span.start - unit.offset;
                    // Searched again in the unit alone, from the match: the first key that
                    // matches here, with its groups (none matches here when the unit's
                    // edges change a boundary).
                    let Some(caps) = any
                        .captures_at(unit.text, at)
                        .filter(|c| group(c, 0).is_some_and(|m| m.start == at))
                    else {
                        continue;
                    };
                    let Some(replacement) = caps.pattern().map(|key| &replacements[key.as_usize()])
                    else {
                        continue;
                    };
                    let whole = group(&caps, 0).expect("group 0 always matches");
                    let mut suggestion = String::new();
                    caps.interpolate_string_into(unit.text, replacement, &mut suggestion);
                    out.push(finding(unit.absolute(whole), suggestion));
                }
            }
        }
    }
}

/// Two keys that are the same word but for ASCII case, if any.
fn keys_equal_but_for_case<'k>(keys: &[&'k str]) -> Option<(&'k str, &'k str)> {
    let mut seen: std::collections::HashMap<String, &str> = std::collections::HashMap::new();
    for key in keys {
        if let Some(first) = seen.insert(key.to_ascii_lowercase(), key) {
            return Some((first, key));
        }
    }
    None
}

fn finding(span: std::ops::Range<usize>, suggestion: String) -> Finding {
    Finding {
        fix: Some((span.clone(), suggestion.clone())),
        span,
        suggestion: Some(suggestion),
        ..Finding::default()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack};

    fn suggestions(toml: &str, article: &str) -> Vec<String> {
        lint(toml, article)
            .into_iter()
            .filter_map(|d| d.fix.map(|f| f.replacement))
            .collect()
    }

    #[test]
    fn regex_keys_are_tried_in_file_order() {
        // Both keys match at "Sept 5"; the first one written wins, though a sorted map
        // would try the second first ("S" sorts before "\\").
        let toml = r#"
[[rule]]
id = "months"
kind = "substitution"
regex = true
ignore_case = false
[rule.swap]
'\bSept\s+(\d+)' = 'Sept. ${1}'
'Sept\s+(\d+)' = 'September ${1}'
"#;
        assert_eq!(suggestions(toml, "Due Sept 5."), ["Sept. 5"]);
    }

    #[test]
    fn keys_that_differ_in_case_keep_their_own_replacement() {
        let toml = r#"
[[rule]]
id = "country"
kind = "substitution"
ignore_case = false
swap = { US = "U.S.", us = "we" }
"#;
        assert_eq!(
            suggestions(toml, "The US told us."),
            ["U.S.", "we"],
            "\"US\" must not become \"WE\""
        );
        let folded = toml.replace("ignore_case = false", "ignore_case = true");
        let err = pack(&folded).unwrap_err();
        assert!(err.contains("differ only in case"), "{err}");
    }
}
