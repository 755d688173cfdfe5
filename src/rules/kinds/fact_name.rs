//! `kind = "fact-name"`: a name word close to a name of the facts file but not one of its
//! spellings, or a spelling the facts file lists as `wrong` (FACTS.md). A near-match to a
//! person's given name counts only beside another word of that person's name.

use super::name_variant::NameOptions;
use super::{CompileContext, SpecError};
use crate::facts::names::fold_letter;
use crate::facts::spelling::is_variant;
use crate::lint::Context;
use crate::rules::{Finding, Scope};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["endings", "min_letters"];

/// A compiled fact-name rule.
#[derive(Debug)]
pub struct FactName {
    names: NameOptions,
}

impl FactName {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self {
            names: NameOptions::compile(ctx)?,
        })
    }

    /// Flag near-misses and listed wrong spellings of the facts file's names.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let facts = ctx.facts();
        if facts.is_empty() {
            return;
        }
        let first = out.len();
        for unit in ctx.units(&Scope::Prose).iter() {
            for (range, fact) in facts.wrong_spellings(unit.text) {
                let span = unit.absolute(range);
                out.push(Finding {
                    detail: Some(format!(
                        "\"{}\" is a wrong spelling of \"{}\"",
                        &unit.text[span.start - unit.offset..span.end - unit.offset],
                        fact.name
                    )),
                    suggestion: Some(fact.name.clone()),
                    help: Some(format!("{} spells it \"{}\"", fact.source, fact.name)),
                    fix: Some((span.clone(), fact.name.clone())),
                    span,
                });
            }
        }
        let words = ctx.cap_words();
        for (i, word) in words.iter().enumerate() {
            if out[first..]
                .iter()
                .any(|f| f.span.start <= word.span.start && word.span.end <= f.span.end)
                || facts.is_fact_word(word.text)
                || !self.names.is_name_word(ctx, word)
            {
                continue;
            }
            let initial = word.text.chars().next().map(fold_letter);
            let near = facts.words().iter().find(|(fact_word, fact, given)| {
                fact_word.chars().next().map(fold_letter) == initial
                    && is_variant(word.text, fact_word, &self.names.endings)
                    && (!given || {
                        // A given name counts only beside another word of the same name.
                        let of_fact = |w: &str| {
                            facts
                                .words()
                                .iter()
                                .any(|(fw, f, _)| f == fact && fw == w && fw != fact_word)
                        };
                        (word.linked_prev && i > 0 && of_fact(words[i - 1].text))
                            || words
                                .get(i + 1)
                                .is_some_and(|n| n.linked_prev && of_fact(n.text))
                    })
            });
            let Some((fact_word, fact, _)) = near else {
                continue;
            };
            let fact = &facts.facts()[*fact];
            out.push(Finding {
                span: word.span.clone(),
                suggestion: Some(fact_word.clone()),
                detail: Some(format!(
                    "\"{}\" is close to \"{fact_word}\" ({}) in the facts file",
                    word.text, fact.name
                )),
                help: Some(format!("{} spells it \"{}\"", fact.source, fact.name)),
                fix: Some((word.span.clone(), fact_word.clone())),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint_with, rule, spans};

    const FACTS: &str = "[[person]]\nname = \"Teodric Vallance\"\n\n[[name]]\nname = \"Saltgrave Dredging\"\nwrong = [\"Saltgrove Dredging\"]\n";

    #[test]
    fn near_misses_and_listed_wrong_spellings_are_flagged() {
        let toml = rule("fact-name", "");
        let article = "# Dredging\n\nTeodric Vallence met Saltgrove Dredging on Monday.\n";
        let found = lint_with(&toml, FACTS, article);
        let flagged = spans(&found, article);
        assert!(flagged.contains(&"Vallence"), "{flagged:?}");
        assert!(flagged.iter().any(|s| s.contains("Saltgrove")), "{flagged:?}");
        assert!(found.iter().all(|d| d.help.is_some()), "{found:?}");
    }

    #[test]
    fn right_spellings_and_derivations_are_not() {
        let toml = rule("fact-name", "");
        let article = "# Dredging\n\nTeodric Vallance met Saltgrave Dredging. The Vallances agreed.\n";
        assert!(lint_with(&toml, FACTS, article).is_empty());
        // No facts file: nothing to check against.
        assert!(lint_with(&toml, "", "# D\n\nTeodric Vallence spoke.\n").is_empty());
    }
}
