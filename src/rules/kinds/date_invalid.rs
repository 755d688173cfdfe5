//! `kind = "date-invalid"`: a date that cannot exist (`2025-02-30`, `April 31`,
//! `Feb. 29, 2025`), checked with jiff's calendar.

use super::{CompileContext, SpecError};
use crate::lint::Context;
use crate::rules::Finding;
use crate::text::dates::{self, DateFinding};

/// Options of the kind.
pub const OPTIONS: &[&str] = &[];

/// A compiled date-invalid rule.
#[derive(Debug)]
pub struct DateInvalid;

impl DateInvalid {
    /// Compile from the rule's options.
    pub fn compile(_ctx: &CompileContext) -> Result<Self, SpecError> {
        Ok(Self)
    }

    /// Report impossible dates.
    pub fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let found = dates::check_invalid(ctx.dates(), ctx.doc().article_date());
        out.extend(found.into_iter().map(finding));
    }
}

/// A date check's finding as a rule finding.
pub(super) fn finding(found: DateFinding) -> Finding {
    let help = found.fix.as_ref().map(|(_, text)| format!("write {text}"));
    Finding {
        span: found.span,
        detail: Some(found.message),
        fix: found.fix,
        help,
        ..Finding::default()
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, pack, rule, spans};

    #[test]
    fn dates_no_calendar_has_are_flagged_in_any_form() {
        let toml = rule("date-invalid", "message = \"{detail}\"");
        let article = "# Ballots\n\nBy Feb. 29, 2025, or 2025-02-30; Feb. 29, 2028 is fine.\n";
        let found = lint(&toml, article);
        assert_eq!(spans(&found, article), ["Feb. 29, 2025", "2025-02-30"]);
        assert!(found.iter().all(|d| !d.message.is_empty() && d.fix.is_none()));
    }

    #[test]
    fn it_takes_no_options() {
        let err = pack(&rule("date-invalid", "preferred = \"iso\"")).unwrap_err();
        assert!(err.contains("takes no options"), "{err}");
    }
}
