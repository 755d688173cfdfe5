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
        for found in quotes::default_checker().unbalanced_in(ctx.body_marks()) {
            out.push(Finding {
                span: found.span,
                detail: Some(found.message),
                help: Some("close the quotation, or remove the stray mark".to_string()),
                ..Finding::default()
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack, rule, spans};

    #[test]
    fn a_mark_with_no_partner_is_flagged_where_it_stands() {
        let toml = rule("quote-unbalanced", "message = \"{detail}\"");
        let article = "# Ferry\n\n“We will sail,” said Ana. “Soon, she added.\n";
        let found = lint(&toml, article);
        assert_eq!(spans(&found, article), ["“"]);
        assert_eq!(found[0].span.start, article.rfind('“').unwrap());
        assert!(found[0].message.contains("no closing mark"), "{}", found[0].message);
    }

    #[test]
    fn balanced_marks_and_apostrophes_are_not() {
        let toml = rule("quote-unbalanced", "");
        let article = "# Ferry\n\n“We will sail,” said Ana’s aide, ‘soon’.\n";
        assert!(lint(&toml, article).is_empty());
        assert!(pack(&rule("quote-unbalanced", "scope = \"body\"")).unwrap_err().contains("takes no `scope`"));
    }
}
