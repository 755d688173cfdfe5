//! `kind = "quote-unbalanced"`: a quotation mark with no partner in its paragraph, read
//! with the multi-paragraph convention (see [`crate::text::quotes`]).

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::Finding;
use crate::text::quotes;

/// Options of the kind.
pub const OPTIONS: &[&str] = &[];

/// A compiled quote-unbalanced rule.
#[derive(Debug)]
pub struct QuoteUnbalanced;

impl QuoteUnbalanced {
    /// Compile from the rule's options.
    pub fn compile(_ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self)
    }

    /// Report each unmatched mark.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        for found in quotes::default_checker().unbalanced(&ctx.body_paragraphs()) {
            out.push(Finding {
                span: found.span,
                detail: Some(found.message),
                help: Some("close the quotation, or remove the stray mark".to_string()),
                ..Finding::default()
            });
        }
    }
}
