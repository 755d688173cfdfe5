//! `kind = "pattern"`: text that must not appear, as a regex or a list of whole words
//! (matched in one pass by an Aho-Corasick automaton, however long the list). A regex group
//! named `flag` narrows the finding to that group, and a match without it is skipped: the
//! way to say "X, but not in context Y" without lookaround.

use super::matching::WordList;
use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::lazy_regex::{LazyRegex, group};
use crate::rules::literals::Required;
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
    Words(WordList),
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
                let entries: Vec<&str> = words.get_ref().iter().map(String::as_str).collect();
                Matcher::Words(WordList::new(
                    "words",
                    words.span(),
                    &entries,
                    ignore_case,
                    "`words` holds an empty entry",
                    ctx.lazy,
                )?)
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
    pub fn required_literals(&self) -> Option<Required> {
        if !super::prefilter_reads(&self.scope) {
            return None;
        }
        match &self.matcher {
            Matcher::Regex { regex, .. } => regex.literals().cloned(),
            Matcher::Words(list) => Some(list.literals().clone()),
        }
    }

    /// The regex's patterns and case rule, for the gate.
    pub fn gate_patterns(&self) -> Option<(&[String], bool)> {
        match &self.matcher {
            Matcher::Regex { regex, .. } if super::gate_reads(&self.scope) => {
                Some((regex.patterns(), regex.ignores_case()))
            }
            _ => None,
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
            Matcher::Words(list) => {
                let mut found = ctx.find_in_units(&units, false, |hay, emit| {
                    for range in list.find_whole_words(hay) {
                        emit(range);
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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack, rule, spans};

    #[test]
    fn words_match_whole_words_only() {
        let toml = rule(
            "pattern",
            "words = [\"Mr Mayor\", \"TK\"]\nignore_case = true\nsuggestion = \"the mayor\"",
        );
        let article = "# Vote\n\nMR MAYOR said tk; the TKO and mr mayoral race went on.\n";
        let found = lint(&toml, article);
        assert_eq!(spans(&found, article), ["MR MAYOR", "tk"]);
        assert!(found.iter().all(|d| d.fix.is_none()));
    }

    #[test]
    fn a_flag_group_narrows_the_finding_and_a_replacement_fixes_the_whole_match() {
        let toml = rule(
            "pattern",
            r#"pattern = '(?P<flag>\bper cent\b)|\b\d+ percent\b'"#,
        );
        let article = "# Rates\n\nRates rose 4 percent, or 4 per cent.\n";
        assert_eq!(spans(&lint(&toml, article), article), ["per cent"]);
        let toml = rule(
            "pattern",
            r#"pattern = '\b(\d+) per cent\b'
replacement = '${1}%'"#,
        );
        let found = lint(&toml, article);
        let fix = found[0].fix.as_ref().expect("a fix");
        assert_eq!((&article[fix.range.clone()], fix.replacement.as_str()), ("4 per cent", "4%"));
    }

    #[test]
    fn exceptions_skip_the_contexts_they_match() {
        let toml = rule(
            "pattern",
            "words = [\"stated\"]\nexceptions = ['stated aim']",
        );
        let article = "# Talks\n\nHe stated it. The stated aim stands.\n";
        let found = lint(&toml, article);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, article.find("stated").unwrap());
    }

    #[test]
    fn mistakes_in_the_options_are_refused() {
        let refused = |options: &str| pack(&rule("pattern", options)).unwrap_err();
        assert!(refused("").contains("needs `pattern` or `words`"));
        assert!(refused("pattern = 'a'\nwords = [\"b\"]").contains("not both"));
        assert!(refused("words = []").contains("could never fire"));
        assert!(refused("words = [\" \"]").contains("holds an empty entry"));
        assert!(refused("words = [\"a\"]\nreplacement = 'b'").contains("kind `substitution`"));
        assert!(refused("pattern = 'x*'").contains("can match empty text"));
        assert!(refused("pattern = 'a'\nmax = 3").contains("not an option of kind `pattern`"));
    }
}
