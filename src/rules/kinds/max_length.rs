//! `kind = "max-length"`: at most `max` words per unit of the scope (sentence, paragraph,
//! headline).

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::{Finding, Scope};
use crate::text::words;

/// Options of the kind.
pub const OPTIONS: &[&str] = &["max"];

/// A compiled max-length rule.
#[derive(Debug)]
pub struct MaxLength {
    scope: Scope,
    max: usize,
}

impl MaxLength {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let Some(max) = &ctx.spec.max else {
            return Err(SpecError::new(
                None,
                "a `max-length` rule needs `max` (words)",
            ));
        };
        if *max.get_ref() == 0 {
            return Err(SpecError::field(
                "max",
                max.span(),
                "`max` must be at least 1",
            ));
        }
        Ok(Self {
            scope: ctx.scope(Scope::Sentence)?,
            max: *max.get_ref(),
        })
    }

    /// One finding per unit longer than the limit, spanning the unit.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for unit in ctx.units(&self.scope).iter() {
            let count = words::count(unit.text);
            if count > self.max {
                let trimmed_end = unit.text.trim_end().len();
                out.push(Finding {
                    span: unit.offset..unit.offset + trimmed_end,
                    detail: Some(format!("{count} words; the limit is {}", self.max)),
                    ..Finding::default()
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack, rule, spans};

    #[test]
    fn units_over_the_limit_are_flagged_whole_with_their_count() {
        let toml = rule("max-length", "max = 5\nmessage = \"{detail}\"");
        let article = "# Budget\n\nThe council set the budget on Tuesday night. It passed.\n";
        let found = lint(&toml, article);
        assert_eq!(
            spans(&found, article),
            ["The council set the budget on Tuesday night."]
        );
        assert_eq!(found[0].message, "8 words; the limit is 5");
    }

    #[test]
    fn the_scope_picks_the_unit() {
        let toml = rule("max-length", "max = 2\nscope = \"headline\"");
        let article = "# Council sets budget\n\nThe council set the budget on Tuesday night.\n";
        assert_eq!(spans(&lint(&toml, article), article), ["Council sets budget"]);
    }

    #[test]
    fn max_is_required_and_positive() {
        assert!(pack(&rule("max-length", "")).unwrap_err().contains("needs `max`"));
        assert!(pack(&rule("max-length", "max = 0")).unwrap_err().contains("at least 1"));
    }
}
