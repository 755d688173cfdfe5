//! What a kind's compiler reads ([`CompileContext`]: the rule's fields, the pack's text and
//! fragments), and the compilation every kind shares: scope, `exceptions`, regexes with
//! their syntax errors placed on the character in the TOML file, replacement templates.

use std::ops::Range;

use super::{Fragments, SpecError};
use crate::rules::Scope;
use crate::rules::lazy_regex::{self, LazyRegex};
use crate::rules::spec::RuleSpec;

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
            .with_note(format!("scopes: {}", crate::rules::SCOPE_NAMES.join(", ")))
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
        // A deferred case-sensitive regex is parsed once, as it will be built: the syntax
        // tree that gives its literals is kept for its first (narrowed) build. (Parsed
        // with case folding at load, a regex that ignores case cost more than it saved.)
        let for_build = if self.lazy && !ignore_case {
            lazy_regex::parse_for_build(pattern, ignore_case)
        } else {
            None
        };
        // Otherwise: case folding outside ASCII is what makes a case-insensitive parse
        // slow, and for ASCII letters the literals are searched without case anyway;
        // inline `(?i)` is read either way.
        let parsed;
        let hir = match &for_build {
            Some(hir) => Ok(hir),
            None => {
                parsed = regex_syntax::ParserBuilder::new()
                    .case_insensitive(ignore_case && !pattern.is_ascii())
                    .build()
                    .parse(pattern);
                parsed.as_ref()
            }
        };
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
            _ => Some(lazy_regex::build(pattern, ignore_case, true).map_err(|err| {
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
            })?),
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
        let regex = LazyRegex::new(expanded, ignore_case, hir, compiled);
        Ok(match for_build {
            Some(hir) => regex.with_build_syntax(hir),
            None => regex,
        })
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
        crate::rules::replacement::check_template(regex, template).map_err(|err| {
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

/// Whether a pattern uses line or text anchors (`^`, `$`, `\A`, `\z`).
pub(crate) fn is_anchored(pattern: &str) -> bool {
    regex_syntax::Parser::new()
        .parse(pattern)
        .map_or(true, |hir| hir.properties().look_set().contains_anchor())
}

/// A list option's value, or `default` when the rule does not set it.
pub(crate) fn list_or(
    field: &Option<crate::spanned::Spanned<Vec<String>>>,
    default: &[&str],
) -> Vec<String> {
    field.as_ref().map_or_else(
        || default.iter().map(|s| s.to_string()).collect(),
        |v| v.get_ref().clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
