//! `kind = "date-weekday"`: a weekday named with a date that falls on another day. A date
//! without a year takes the year nearest the article's own date, and the message says the
//! year was inferred; the wording never depends on the day the copy is checked.

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::Finding;
use crate::text::dates;

/// Options of the kind.
pub const OPTIONS: &[&str] = &[];

/// A compiled date-weekday rule.
#[derive(Debug)]
pub struct DateWeekday;

impl DateWeekday {
    /// Compile from the rule's options.
    pub fn compile(_ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self)
    }

    /// Report weekdays that do not match their dates.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let found = dates::check_weekday(ctx.dates(), ctx.doc().article_date());
        out.extend(found.into_iter().map(super::date_invalid::finding));
    }
}
