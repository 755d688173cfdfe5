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
