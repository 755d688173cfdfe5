//! `kind = "quote-unattributed"`: a direct quotation in the body of `min_words` or more
//! that nothing attributes. The finder and the attribution reading live in
//! [`crate::text::quotes`]; the verb list, gloss words and thresholds are rule options.

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::Finding;
use crate::text::quotes::{self, QuoteChecker, QuoteOptions};

/// Options of the kind.
pub const OPTIONS: &[&str] = &[
    "cue_verbs",
    "cue_phrases",
    "gloss_words",
    "min_words",
    "partial_max_words",
];

/// A compiled quote-unattributed rule.
pub struct QuoteUnattributed {
    checker: Checker,
}

/// The shared default checker when the rule keeps the default options (so that its cue
/// table, built on first use, is built once per process), or the rule's own.
enum Checker {
    Default(&'static QuoteChecker),
    Custom(Box<QuoteChecker>),
}

impl std::fmt::Debug for QuoteUnattributed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("QuoteUnattributed")
    }
}

impl QuoteUnattributed {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let mut options = QuoteOptions::default();
        if let Some(verbs) = &spec.cue_verbs {
            options.cue_verbs = verbs.get_ref().clone();
        }
        if let Some(phrases) = &spec.cue_phrases {
            options.cue_phrases = phrases.get_ref().clone();
        }
        if let Some(gloss) = &spec.gloss_words {
            options.gloss_words = gloss.get_ref().clone();
        }
        if let Some(min) = &spec.min_words {
            options.min_words = *min.get_ref();
        }
        if let Some(partial) = &spec.partial_max_words {
            options.partial_max_words = *partial.get_ref();
        }
        let defaults = QuoteOptions::default();
        let customised = spec.cue_verbs.is_some()
            || spec.cue_phrases.is_some()
            || spec.gloss_words.is_some()
            || options.min_words != defaults.min_words
            || options.partial_max_words != defaults.partial_max_words;
        if !customised {
            return Ok(Self {
                checker: Checker::Default(quotes::default_checker()),
            });
        }
        Ok(Self {
            checker: Checker::Custom(Box::new(QuoteChecker::new(options))),
        })
    }

    /// Report each unattributed quotation at its opening mark.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let checker = match &self.checker {
            Checker::Default(checker) => checker,
            Checker::Custom(checker) => checker.as_ref(),
        };
        for found in checker.unattributed_in(ctx.body_marks()) {
            out.push(Finding {
                span: found.span,
                detail: Some(found.message),
                help: Some(
                    "name the speaker with a verb such as \"said\", or cut the quotation marks"
                        .to_string(),
                ),
                ..Finding::default()
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, rule};

    const ARTICLE: &str = "# Pier\n\nThe pier reopened on Monday.\n\n\
        “We have waited three long years for this day to come round.”\n\n\
        “It is a good day for the whole town and for everyone,” the skipper bellowed.\n\n\
        “The ferry will run again from May for all of the islands,” said Ana Reyes.\n";

    fn flagged(options: &str) -> Vec<&'static str> {
        let found = lint(&rule("quote-unattributed", options), ARTICLE);
        found
            .iter()
            .map(|d| ARTICLE[d.span.start..].split_whitespace().nth(1).unwrap_or(""))
            .collect()
    }

    #[test]
    fn a_quotation_nothing_attributes_is_flagged_and_an_attributed_one_is_not() {
        assert_eq!(flagged(""), ["have", "is"]);
    }

    #[test]
    fn the_house_cue_verbs_attribute() {
        assert_eq!(flagged("cue_verbs = [\"say\", \"bellow\"]"), ["have"]);
    }

    #[test]
    fn short_quotations_are_exempt() {
        assert!(flagged("min_words = 20").is_empty());
    }
}
