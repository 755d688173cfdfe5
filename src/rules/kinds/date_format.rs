//! `kind = "date-format"`: a date written in a form the house does not use (`accepted`),
//! with the `preferred` form as a fix where the date is unambiguous.

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::Finding;
use crate::text::dates::{self, DateOptions, DateStyle};

/// Options of the kind.
pub const OPTIONS: &[&str] = &["accepted", "preferred"];

/// A compiled date-format rule.
#[derive(Debug)]
pub struct DateFormat {
    options: DateOptions,
}

impl DateFormat {
    /// Compile from the rule's options.
    pub fn compile(ctx: &CompileContext) -> Result<Self, SpecError> {
        let spec = ctx.spec;
        let mut options = DateOptions::default();
        if let Some(accepted) = &spec.accepted {
            options.accepted = accepted
                .get_ref()
                .iter()
                .map(|name| style(name, "accepted", accepted.span()))
                .collect::<Result<_, _>>()?;
        }
        if let Some(preferred) = &spec.preferred {
            options.preferred = style(preferred.get_ref(), "preferred", preferred.span())?;
        }
        Ok(Self { options })
    }

    /// Report dates in forms the house does not accept.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let found = dates::check_format(ctx.dates(), &self.options, ctx.doc().article_date());
        out.extend(found.into_iter().map(super::date_invalid::finding));
    }
}

/// A date style named in TOML.
pub(super) fn style(
    name: &str,
    field: &'static str,
    span: std::ops::Range<usize>,
) -> Result<DateStyle, SpecError> {
    DateStyle::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = DateStyle::ALL.iter().map(|s| s.name()).collect();
        let mut error = SpecError::field(field, span, format!("there is no date form `{name}`"));
        error
            .notes
            .push(format!("date forms: {}", names.join(", ")));
        error
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack, rule, spans};

    const HOUSE: &str = "accepted = [\"iso\", \"month-day-year\"]\npreferred = \"iso\"";

    #[test]
    fn forms_outside_the_accepted_ones_are_flagged_with_the_preferred_fix() {
        let article = "# Hearing\n\nSet for 2025.05.09, not May 9, 2025 or 2025-05-10.\n";
        let found = lint(&rule("date-format", HOUSE), article);
        assert_eq!(spans(&found, article), ["2025.05.09"]);
        let fix = found[0].fix.as_ref().expect("an unambiguous date is fixed");
        assert_eq!(fix.replacement, "2025-05-09");
    }

    #[test]
    fn the_accepted_list_decides() {
        let article = "# Hearing\n\nSet for 9 May 2025.\n";
        assert_eq!(lint(&rule("date-format", HOUSE), article).len(), 1);
        let wider = "accepted = [\"iso\", \"day-month-year\"]\npreferred = \"iso\"";
        assert!(lint(&rule("date-format", wider), article).is_empty());
    }

    #[test]
    fn an_unknown_form_is_refused_with_the_list() {
        let err = pack(&rule("date-format", "accepted = [\"roman\"]")).unwrap_err();
        assert!(err.contains("there is no date form `roman`"), "{err}");
        assert!(err.contains("iso"), "{err}");
    }
}
