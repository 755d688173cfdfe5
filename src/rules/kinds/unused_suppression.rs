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

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack, rule};

    #[test]
    fn its_own_check_finds_nothing_and_it_takes_no_options() {
        // The per-file pipeline (crate::engine) makes its findings; the kind only names them.
        let article = "# Pier\n\n<!-- newslint-disable-next-line test-rule -->\nThe pier reopened.\n";
        assert!(lint(&rule("unused-suppression", ""), article).is_empty());
        let err = pack(&rule("unused-suppression", "max = 2")).unwrap_err();
        assert!(err.contains("takes no options"), "{err}");
    }
}
