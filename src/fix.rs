//! Applying fixes to text: non-overlapping edits chosen deterministically, applied from the
//! end so earlier offsets stay valid, and a loop that relints until nothing changes. Bytes
//! outside the edits are never touched (line endings and a byte-order mark included).

use crate::article::{Document, Format, ParseError, ReadOptions};
use crate::diagnostic::{Diagnostic, Fix, FixSafety};
use crate::rules::RuleSet;

/// The plain lint of a rule set, for [`fix_text`].
pub fn lint_with_rules(rules: &RuleSet) -> impl Fn(&Document) -> Vec<Diagnostic> + '_ {
    move |doc| crate::lint::lint(rules, doc)
}

/// How many times the fix loop relints at most: a fix that uncovers another finding
/// (a third "the") is fixed on the next pass; a pair of rules that undo each other stops.
pub const MAX_FIX_PASSES: usize = 8;

/// The edits that will be applied: fixes allowed by `allow_unsafe`, sorted by position, an
/// edit overlapping one before it dropped (the earlier, then shorter, then lower rule id wins).
pub fn select_fixes(diagnostics: &[Diagnostic], allow_unsafe: bool) -> Vec<&Fix> {
    let mut fixes: Vec<(&Fix, &str)> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (f, &*d.rule)))
        .filter(|(f, _)| match f.safety {
            FixSafety::Safe => true,
            FixSafety::Unsafe => allow_unsafe,
            FixSafety::None => false,
        })
        .collect();
    fixes.sort_by(|(a, ra), (b, rb)| {
        (a.range.start, a.range.end, *ra, &a.replacement).cmp(&(
            b.range.start,
            b.range.end,
            *rb,
            &b.replacement,
        ))
    });
    let mut chosen: Vec<&Fix> = Vec::with_capacity(fixes.len());
    for (fix, _) in fixes {
        let overlaps = chosen.last().is_some_and(|last| {
            fix.range.start < last.range.end
                || (fix.range.start == last.range.end
                    && fix.range.is_empty()
                    && last.range.is_empty())
        });
        if !overlaps {
            chosen.push(fix);
        }
    }
    chosen
}

/// Apply non-overlapping edits (sorted by position) to `source`.
pub fn apply_edits(source: &str, fixes: &[&Fix]) -> String {
    let mut out = String::with_capacity(source.len());
    let mut cursor = 0;
    for fix in fixes {
        out.push_str(&source[cursor..fix.range.start]);
        out.push_str(&fix.replacement);
        cursor = fix.range.end;
    }
    out.push_str(&source[cursor..]);
    out
}

/// The outcome of fixing one text.
#[derive(Debug)]
pub struct FixOutcome {
    /// The fixed text (equal to the input when nothing applied).
    pub text: String,
    /// How many edits were applied over all passes.
    pub applied: usize,
    /// What is left after the last pass, on the fixed text.
    pub remaining: Vec<Diagnostic>,
    /// The fixed text parsed (for rendering what is left).
    pub document: Document,
}

/// Lint, apply every allowed fix, and relint until no fix applies (at most
/// [`MAX_FIX_PASSES`] passes). `lint` is the whole lint of one document, suppressions
/// included (see [`lint_with_rules`] for the plain case).
pub fn fix_text(
    source: String,
    format: Format,
    allow_unsafe: bool,
    lint: &dyn Fn(&Document) -> Vec<Diagnostic>,
) -> Result<FixOutcome, ParseError> {
    fix_text_with(source, format, &ReadOptions::default(), allow_unsafe, lint)
}

/// [`fix_text`] with the house's reading options (its HTML templates). The edits are made
/// to the file's text: for HTML, the markup.
pub fn fix_text_with(
    source: String,
    format: Format,
    options: &ReadOptions,
    allow_unsafe: bool,
    lint: &dyn Fn(&Document) -> Vec<Diagnostic>,
) -> Result<FixOutcome, ParseError> {
    let mut document = Document::parse_with(source, format, options)?;
    let mut applied = 0;
    for _ in 0..MAX_FIX_PASSES {
        let diagnostics = lint(&document);
        let edits = select_fixes(&diagnostics, allow_unsafe);
        if edits.is_empty() {
            return Ok(FixOutcome {
                text: document.file_text().to_string(),
                applied,
                remaining: diagnostics,
                document,
            });
        }
        let next = apply_edits(document.file_text(), &edits);
        applied += edits.len();
        if next == document.file_text() {
            return Ok(FixOutcome {
                text: next,
                applied,
                remaining: diagnostics,
                document,
            });
        }
        document = Document::parse_with(next, format, options)?;
    }
    let remaining = lint(&document);
    Ok(FixOutcome {
        text: document.file_text().to_string(),
        applied,
        remaining,
        document,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(range: std::ops::Range<usize>, replacement: &str) -> Fix {
        Fix {
            range,
            replacement: replacement.to_string(),
            safety: FixSafety::Safe,
        }
    }

    #[test]
    fn overlapping_edits_keep_the_first() {
        let diagnostics: Vec<Diagnostic> = [(0..4, "a"), (2..6, "b"), (6..7, "c")]
            .into_iter()
            .map(|(range, replacement)| Diagnostic {
                rule: "r".into(),
                severity: crate::Severity::Warning,
                span: range.clone(),
                message: String::new(),
                help: None,
                fix: Some(fix(range, replacement)),
            })
            .collect();
        let chosen = select_fixes(&diagnostics, false);
        assert_eq!(chosen.len(), 2);
        assert_eq!(apply_edits("0123456789", &chosen), "a45c789");
    }
}
