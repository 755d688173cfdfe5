//! The closed set of rule kinds, one file each. A kind compiles its options from a
//! [`RuleSpec`] once (rejecting options that are not its own) and then checks documents.
//! Besides the kind files: `table.rs` (the macro behind the one table below),
//! `compile_context.rs` (what a kind's compiler reads, and regex compilation with errors
//! placed in the TOML file), `fragments.rs` (`[pack.fragments]`), `spec_error.rs` (a mistake
//! in a rule's options) and `matching.rs` (pieces the kinds' checks share).

mod compile_context;
mod fragments;
mod matching;
mod spec_error;
mod table;

pub use compile_context::CompileContext;
pub(crate) use compile_context::{ascii_word_boundaries, is_anchored, list_or};
pub use fragments::Fragments;
pub(crate) use matching::{drop_exceptions, gate_reads, match_case, prefilter_reads};
pub use spec_error::SpecError;

use super::Finding;
use super::literals::Required;
use super::spec::RuleSpec;
use crate::lint::Context;

// The one table of rule kinds: a new kind is one file in `kinds/` and one line here.
table::rule_kinds! {
    /// A regex or a word list that must not appear.
    Pattern(pattern::Pattern) = "pattern", scope: true;
    /// Bad → preferred, with a fix.
    Substitution(substitution::Substitution) = "substitution", scope: true;
    /// Something that must appear in scope (a credit line, a byline key …).
    Required(required::Required) = "required", scope: true;
    /// Words per sentence, paragraph or headline.
    MaxLength(max_length::MaxLength) = "max-length", scope: true;
    /// The same word twice in a row.
    Repetition(repetition::Repetition) = "repetition", scope: true;
    /// Fragments left in the copy by accident.
    StrayText(stray_text::StrayText) = "stray-text", scope: false;
    /// Direct quotations nothing attributes.
    QuoteUnattributed(quote_unattributed::QuoteUnattributed) = "quote-unattributed", scope: false;
    /// Quotation marks with no partner.
    QuoteUnbalanced(quote_unbalanced::QuoteUnbalanced) = "quote-unbalanced", scope: false;
    /// Dates in a form the house does not use.
    DateFormat(date_format::DateFormat) = "date-format", scope: false;
    /// Dates that cannot exist.
    DateInvalid(date_invalid::DateInvalid) = "date-invalid", scope: false;
    /// Weekdays that do not match their date.
    DateWeekday(date_weekday::DateWeekday) = "date-weekday", scope: false;
    /// One name spelled two ways in one article.
    NameVariant(name_variant::NameVariant) = "name-variant", scope: false;
    /// Headline or dek quotations the body does not quote.
    HeadlineQuote(headline_quote::HeadlineQuote) = "headline-quote-unsupported", scope: false;
    /// One person given two ages.
    AgeInconsistent(age_inconsistent::AgeInconsistent) = "age-inconsistent", scope: false;
    /// Near-misses and wrong spellings of the facts file's names.
    FactName(fact_name::FactName) = "fact-name", scope: false;
    /// Titles the facts file does not give a person.
    FactTitle(fact_title::FactTitle) = "fact-title", scope: false;
    /// Ages the facts file's dates of birth contradict.
    FactAge(fact_age::FactAge) = "fact-age", scope: false;
    /// Suppressions that silence nothing (found by the per-file pipeline).
    UnusedSuppression(unused_suppression::UnusedSuppression) = "unused-suppression", scope: false;
}

impl RuleKind {
    /// Literals one of which every finding's text contains, when the kind can say
    /// ([`super::prefilter`]); `None`: the rule runs on every article.
    pub fn required_literals(&self) -> Option<Required> {
        match self {
            RuleKind::Pattern(k) => k.required_literals(),
            RuleKind::Substitution(k) => k.required_literals(),
            _ => None,
        }
    }

    /// The patterns and case rule of the regex a rule searches its units with, when the
    /// gate can place it ([`super::prefilter::Gating`]): a regex rule whose units are
    /// whole prose units.
    pub fn gate_patterns(&self) -> Option<(&[String], bool)> {
        match self {
            RuleKind::Pattern(k) => k.gate_patterns(),
            RuleKind::Substitution(k) => k.gate_patterns(),
            _ => None,
        }
    }
}

/// The message used when a rule gives none.
pub fn default_message(kind: KindName) -> &'static str {
    match kind {
        KindName::Pattern => "\"{match}\" is not house style",
        KindName::Substitution => "use \"{suggestion}\" instead of \"{match}\"",
        _ => "{detail}",
    }
}

/// Compile a rule's options into its check. `pack_text` is the TOML text the spans point
/// into (used to place a regex syntax error on the exact character).
pub fn compile(
    kind: KindName,
    spec: &RuleSpec,
    pack_text: &str,
    fragments: &Fragments,
    lazy: bool,
) -> Result<RuleKind, Vec<SpecError>> {
    let (allowed, takes_scope) = kind_options(kind);
    let mut errors = Vec::new();
    for (name, span) in spec.options_set() {
        if !allowed.contains(&name) {
            let mut error = SpecError::field(
                name,
                span,
                format!("`{name}` is not an option of kind `{}`", kind.as_str()),
            );
            error = error.with_note(if allowed.is_empty() {
                format!("kind `{}` takes no options", kind.as_str())
            } else {
                format!("options of `{}`: {}", kind.as_str(), allowed.join(", "))
            });
            errors.push(error);
        }
    }
    if !takes_scope && let Some(scope) = &spec.scope {
        errors.push(SpecError::field(
            "scope",
            scope.span(),
            format!(
                "kind `{}` decides where it looks; it takes no `scope`",
                kind.as_str()
            ),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let ctx = CompileContext {
        spec,
        pack_text,
        fragments,
        lazy,
    };
    compile_kind(kind, &ctx).map_err(|e| vec![e])
}
