//! The closed set of rule kinds, one file each. A kind compiles its options from a
//! [`RuleSpec`] once (rejecting options that are not its own) and then checks documents.

mod exceptions;
mod fragments;
mod table;

pub(crate) use exceptions::drop_exceptions;
pub use fragments::Fragments;

use std::ops::Range;

use super::lazy_regex::{self, LazyRegex};
use super::spec::RuleSpec;
use super::{Finding, Scope};
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

/// A mistake in a rule's options, before it is placed in a file.
#[derive(Debug)]
pub struct SpecError {
    /// The field at fault, so an override's mistake is reported in the config file.
    pub field: Option<&'static str>,
    /// Where (None: the whole rule table).
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// Label under the span.
    pub label: Option<String>,
    /// Notes.
    pub notes: Vec<String>,
}

impl SpecError {
    /// An error at a span (or the rule table) not tied to one field.
    pub fn new(span: Option<Range<usize>>, message: impl Into<String>) -> Self {
        Self {
            field: None,
            span,
            message: message.into(),
            label: None,
            notes: Vec::new(),
        }
    }

    /// An error in one field.
    pub fn field(field: &'static str, span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            field: Some(field),
            span: Some(span),
            message: message.into(),
            label: None,
            notes: Vec::new(),
        }
    }

    fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
}

impl RuleKind {
    /// Lower-case literals one of which every finding's text contains, when the kind can
    /// say ([`super::prefilter`]); `None`: the rule runs on every article.
    pub fn required_literals(&self) -> Option<Vec<Vec<u8>>> {
        match self {
            RuleKind::Pattern(k) => k.required_literals(),
            RuleKind::Substitution(k) => k.required_literals(),
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

/// What a kind's compiler reads: the spec and the TOML text its spans point into.
pub struct CompileContext<'a> {
    /// The rule's fields.
    pub spec: &'a RuleSpec,
    /// The pack file's text.
    pub pack_text: &'a str,
    /// The pack's shared regex pieces.
    pub fragments: &'a Fragments,
    /// Whether regexes are compiled on first use rather than now (built-in packs only;
    /// see [`lazy_regex`]).
    pub lazy: bool,
}

impl CompileContext<'_> {
    /// The rule's scope, or `default` when it names none.
    pub fn scope(&self, default: Scope) -> Result<Scope, SpecError> {
        let Some(name) = &self.spec.scope else {
            return Ok(default);
        };
        Scope::parse(name.get_ref()).ok_or_else(|| {
            SpecError::field(
                "scope",
                name.span(),
                format!("there is no scope `{}`", name.get_ref()),
            )
            .with_note(format!("scopes: {}", super::SCOPE_NAMES.join(", ")))
        })
    }

    /// The regexes of `exceptions`: contexts in which a match of the rule is no fault.
    pub fn exceptions(&self, ignore_case: bool) -> Result<Vec<LazyRegex>, SpecError> {
        let Some(list) = &self.spec.exceptions else {
            return Ok(Vec::new());
        };
        if list.get_ref().iter().any(|e| e.trim().is_empty()) {
            return Err(SpecError::field(
                "exceptions",
                list.span(),
                "`exceptions` holds an empty entry",
            ));
        }
        list.get_ref()
            .iter()
            .map(|pattern| self.searched_regex("exceptions", list.span(), pattern, ignore_case))
            .collect()
    }

    /// A regex that is only searched (its literals, groups and anchors never asked for
    /// before it is compiled): deferred without even reading its syntax in a built-in pack
    /// (checked when the tests compile the packs eagerly, tests/examples.rs), compiled as
    /// [`CompileContext::regex`] does otherwise.
    pub fn searched_regex(
        &self,
        field: &'static str,
        span: Range<usize>,
        written: &str,
        ignore_case: bool,
    ) -> Result<LazyRegex, SpecError> {
        if !self.lazy {
            return self.regex(field, span, written, ignore_case);
        }
        let expanded = self
            .fragments
            .expand(written)
            .map_err(|message| SpecError::field(field, span, message))?;
        Ok(LazyRegex::deferred(expanded, ignore_case))
    }

    /// Compile the regex held by `field`, placing a syntax error on its character in the
    /// TOML file when the string is written without escapes.
    pub fn regex(
        &self,
        field: &'static str,
        span: Range<usize>,
        written: &str,
        ignore_case: bool,
    ) -> Result<LazyRegex, SpecError> {
        let expanded = self
            .fragments
            .expand(written)
            .map_err(|message| SpecError::field(field, span.clone(), message))?;
        let pattern = expanded.as_str();
        // Case folding outside ASCII is what makes a case-insensitive parse slow, and for
        // ASCII letters the literals are searched without case anyway; inline `(?i)` is
        // read either way.
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(ignore_case && !pattern.is_ascii())
            .build()
            .parse(pattern);
        // A pattern that can match nothing at all would flag (and `--fix` would rewrite)
        // every position of every article.
        if let Ok(hir) = &hir
            && hir.properties().minimum_len() == Some(0)
        {
            let mut error =
                SpecError::field(field, span, format!("`{field}` can match empty text"));
            error.label = Some("it would match between every two characters".to_string());
            error.notes.push(
                "make every alternative match at least one character (`x+`, not `x*`)".to_string(),
            );
            return Err(error);
        }
        let compiled = match (&hir, self.lazy) {
            (Ok(_), true) => None,
            _ => {
                Some(lazy_regex::build(pattern, ignore_case, true).map_err(|err| {
                // The original is compiled only when the fast form fails, so errors point
                // into what the author wrote.
                let (at, why) = regex_error_position(pattern, &err);
                let error_span = at
                    .and_then(|offset| self.pattern_offset_in_file(span.clone(), pattern, offset))
                    .unwrap_or(span.clone());
                let message = if why.contains("size limit") {
                    format!("`{field}` would compile to a regex over the size limit (8 MB); make it smaller")
                } else {
                    format!("`{field}` is not a valid regular expression")
                };
                let mut error = SpecError::field(field, error_span, message);
                error.label = Some(why);
                error
            })?)
            }
        };
        let hir = hir.map_err(|err| {
            let mut error = SpecError::field(
                field,
                span,
                format!("`{field}` is not a valid regular expression"),
            );
            error.label = Some(err.to_string());
            error
        })?;
        Ok(LazyRegex::new(expanded, ignore_case, &hir, compiled))
    }

    /// Refuse a replacement template that refers to a group `regex` does not have.
    pub fn replacement(
        &self,
        field: &'static str,
        span: Range<usize>,
        regex: &LazyRegex,
        template: &str,
    ) -> Result<(), SpecError> {
        // A deferred regex is a built-in pack's, whose templates the tests check eagerly.
        let Some(regex) = regex.compiled() else {
            return Ok(());
        };
        super::replacement::check_template(regex, template).map_err(|err| {
            let mut error = SpecError::field(field, span, err.message);
            error.notes.extend(err.help);
            error
        })
    }

    /// Map a byte offset of a pattern to the TOML file, when the string literal holds the
    /// pattern verbatim (literal strings `'…'`, or basic strings without escapes).
    fn pattern_offset_in_file(
        &self,
        span: Range<usize>,
        pattern: &str,
        offset: usize,
    ) -> Option<Range<usize>> {
        let literal = self.pack_text.get(span.clone())?;
        let quote_len = if literal.starts_with("'''") || literal.starts_with("\"\"\"") {
            3
        } else {
            1
        };
        let inner = literal.get(quote_len..literal.len().checked_sub(quote_len)?)?;
        if inner != pattern {
            return None;
        }
        let start = span.start + quote_len + offset;
        let width = pattern[offset..].chars().next().map_or(0, char::len_utf8);
        Some(start..start + width.max(1).min(span.end - start))
    }
}

/// `\b` and `\B` as ASCII word boundaries. A Unicode boundary makes the regex engine leave
/// its lazy DFA for a backtracker on any text with a non-ASCII character (a curly quote, a
/// pound sign), which is most news copy: measured on the BBC corpus with the `ap` pack, the
/// backtracker took a third of the run. Letters outside ASCII then count as non-word
/// characters at a boundary, which English copy rarely notices.
pub(crate) fn ascii_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str("(?-u:\\b)"),
            Some('B') => out.push_str("(?-u:\\B)"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Where a regex fails and why, from the regex syntax parser when it is a syntax error.
fn regex_error_position(pattern: &str, err: &regex::Error) -> (Option<usize>, String) {
    match regex_syntax::ast::parse::Parser::new().parse(pattern) {
        Err(ast_err) => (
            Some(ast_err.span().start.offset),
            ast_err.kind().to_string(),
        ),
        Ok(_) => match regex_syntax::Parser::new().parse(pattern) {
            Err(regex_syntax::Error::Translate(t)) => {
                (Some(t.span().start.offset), t.kind().to_string())
            }
            _ => (
                None,
                err.to_string()
                    .lines()
                    .last()
                    .unwrap_or("invalid")
                    .trim()
                    .to_string(),
            ),
        },
    }
}

/// Whether the prefilter's scan (the prose view and the front matter) holds every text a
/// rule of this scope reads; `text` reads the source itself, markup included, and
/// metadata values are left to run always.
pub(crate) fn prefilter_reads(scope: &Scope) -> bool {
    !matches!(scope, Scope::Text | Scope::Metadata(_))
}

/// Whether a pattern uses line or text anchors (`^`, `$`, `\A`, `\z`).
pub(crate) fn is_anchored(pattern: &str) -> bool {
    regex_syntax::Parser::new()
        .parse(pattern)
        .map_or(true, |hir| hir.properties().look_set().contains_anchor())
}

/// Whether the byte before `start` and the byte at `end` are not word characters, so that
/// a literal match is a whole word or phrase.
pub(crate) fn is_whole_word(text: &str, range: Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let first = text[range.clone()].chars().next();
    let last = text[range].chars().next_back();
    // A boundary only matters where the phrase itself starts or ends with a word character.
    let glued_before = first.is_some_and(is_word) && before.is_some_and(is_word);
    let glued_after = last.is_some_and(is_word) && after.is_some_and(is_word);
    !glued_before && !glued_after
}

/// A list option's value, or `default` when the rule does not set it.
pub(crate) fn list_or(field: &Option<toml::Spanned<Vec<String>>>, default: &[&str]) -> Vec<String> {
    field.as_ref().map_or_else(
        || default.iter().map(|s| s.to_string()).collect(),
        |v| v.get_ref().clone(),
    )
}

/// Give `replacement` the case of `original`: "Stated" → "Said", "STATED" → "SAID".
pub(crate) fn match_case(original: &str, replacement: &str) -> String {
    let letters: Vec<char> = original.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if original.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = replacement.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    replacement.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_case() {
        assert!(is_whole_word("he stated it", 3..9));
        assert!(!is_whole_word("reinstated it", 5..11));
        assert!(is_whole_word("a 12% rise", 2..5));
        assert_eq!(match_case("Stated", "said"), "Said");
        assert_eq!(match_case("STATED", "said"), "SAID");
        assert_eq!(match_case("stated", "said"), "said");
    }

    #[test]
    fn word_boundaries_become_ascii() {
        assert_eq!(
            ascii_word_boundaries(r"\bTK\b|\\b|\Bx"),
            r"(?-u:\b)TK(?-u:\b)|\\b|(?-u:\B)x"
        );
        let ctx_spec = RuleSpec::default();
        let ctx = CompileContext {
            spec: &ctx_spec,
            pack_text: "",
            fragments: &Fragments::default(),
            lazy: false,
        };
        let re = ctx.regex("pattern", 0..0, r"\bstated\b", false).unwrap();
        assert!(re.is_match("“He stated it,” she said."));
        assert!(!re.is_match("reinstated"));
    }

    #[test]
    fn regex_errors_point_at_the_character() {
        let text = "pattern = 'ab(c'";
        let spec = RuleSpec::default();
        let ctx = CompileContext {
            spec: &spec,
            pack_text: text,
            fragments: &Fragments::default(),
            lazy: false,
        };
        let err = ctx.regex("pattern", 10..16, "ab(c", false).unwrap_err();
        let span = err.span.unwrap();
        assert_eq!(&text[span], "(");
        assert!(err.label.unwrap().contains("unclosed"));
    }
}
