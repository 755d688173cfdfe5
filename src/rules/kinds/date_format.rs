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
