//! `kind = "unused-suppression"`: a suppression comment or marker that silences nothing, or
//! names a rule that does not exist. Only the per-file pipeline ([`crate::engine`]) can
//! tell, since it alone holds every other rule's findings, so this kind's own check finds
//! nothing: it gives the findings a rule (an id, a severity, a description and examples)
//! that is listed, explained, selected, ignored and overridden like any other.

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::Finding;

/// Options of the kind.
pub const OPTIONS: &[&str] = &[];

/// The compiled rule.
#[derive(Debug)]
pub struct UnusedSuppression;

impl UnusedSuppression {
    /// Compile from the rule's options.
    pub fn compile(_ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self)
    }

    /// The findings are the pipeline's (see the module comment).
    pub fn check(&self, _ctx: &Context, _out: &mut Vec<Finding>) {}
}
