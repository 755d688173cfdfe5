//! Applying fixes to text: non-overlapping edits chosen deterministically, applied from the
//! end so earlier offsets stay valid, and a loop that relints until nothing changes. Bytes
//! outside the edits are never touched (line endings and a byte-order mark included), and
//! no pack, however its replacements are written, can make the loop grow or oscillate.

mod draft;

use std::ops::Range;

use draft::Draft;
pub use draft::Edit;

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
    select_rule_fixes(diagnostics, allow_unsafe)
        .into_iter()
        .map(|(fix, _)| fix)
        .collect()
}

fn allowed(fix: &Fix, allow_unsafe: bool) -> bool {
    match fix.safety {
        FixSafety::Safe => true,
        FixSafety::Unsafe => allow_unsafe,
        FixSafety::None => false,
    }
}

/// [`select_fixes`] with each fix's rule.
fn select_rule_fixes(diagnostics: &[Diagnostic], allow_unsafe: bool) -> Vec<(&Fix, &str)> {
    let mut fixes: Vec<(&Fix, &str)> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref().map(|f| (f, &*d.rule)))
        .filter(|(f, _)| allowed(f, allow_unsafe))
        .collect();
    fixes.sort_by(|(a, ra), (b, rb)| {
        (a.range.start, a.range.end, *ra, &a.replacement).cmp(&(
            b.range.start,
            b.range.end,
            *rb,
            &b.replacement,
        ))
    });
    let mut chosen: Vec<(&Fix, &str)> = Vec::with_capacity(fixes.len());
    for (fix, rule) in fixes {
        let overlaps = chosen.last().is_some_and(|(last, _)| {
            fix.range.start < last.range.end
                || (fix.range.start == last.range.end
                    && fix.range.is_empty()
                    && last.range.is_empty())
        });
        if !overlaps {
            chosen.push((fix, rule));
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
    /// How many of them each rule made, by rule id (what `--fix` reports it changed).
    pub applied_by_rule: std::collections::BTreeMap<String, usize>,
    /// Every change from the input, as merged byte ranges of the input.
    pub edits: Vec<Edit>,
    /// Byte ranges of the input that some applied fix covered (what the fixes reported).
    pub fixed_ranges: Vec<Range<usize>>,
    /// False when the fixes did not settle within [`MAX_FIX_PASSES`] passes: the text is
    /// then returned unchanged, since any other answer would change again on the next run.
    pub settled: bool,
    /// What is left after the last pass, on the fixed text. A fix that was refused (see
    /// [`fix_text`]) is not offered.
    pub remaining: Vec<Diagnostic>,
    /// The fixed text parsed (for rendering what is left).
    pub document: Document,
}

/// The longest text one pass of fixes may make of `len` bytes: fixes correct copy, they do
/// not write it, so a pass that would more than double an article is refused whole.
pub fn max_pass_len(len: usize) -> usize {
    len.saturating_mul(2).saturating_add(4096)
}

/// The longest text fixing may make of `len` bytes at all: [`max_pass_len`] over every pass.
pub fn max_fixed_len(len: usize) -> usize {
    (0..MAX_FIX_PASSES).fold(len, |l, _| max_pass_len(l))
}

/// An edit of one pass: range of the current text, replacement, rule.
type PassEdit<'d> = (Range<usize>, &'d str, &'d str);

/// Lint, apply every allowed fix, and relint until no fix applies (at most
/// [`MAX_FIX_PASSES`] passes). `lint` is the whole lint of one document, suppressions
/// included (see [`lint_with_rules`] for the plain case).
///
/// No pack, however its replacements are written, can make this grow or oscillate: a fix is
/// refused when, after its pass, its own rule still reports something on the text it wrote
/// (`Mr` → `Mr.` under a pattern that matches the `Mr` of `Mr.`) or another rule would fix
/// that text again (`a` → `b` beside `b` → `a`), and a pass that would more than double the
/// text is refused whole. Each pass depends on its text alone, so the text returned is one
/// on which no fix applies: fixing it again changes nothing.
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
    let original = document.file_text().to_string();
    let original_len = original.len();
    let mut draft = Draft::new(&original);
    let mut diagnostics = lint(&document);
    let mut fixed_ranges: Vec<Range<usize>> = Vec::new();
    let mut applied = 0;
    let mut applied_by_rule = std::collections::BTreeMap::new();
    let mut settled = false;
    for pass in 0..=MAX_FIX_PASSES {
        let mut edits: Vec<PassEdit> = select_rule_fixes(&diagnostics, allow_unsafe)
            .into_iter()
            .map(|(fix, rule)| (fix.range.clone(), &*fix.replacement, rule))
            .collect();
        // Try the pass; take back the fixes that would be fixed again and try the rest
        // (each round drops at least one edit, so this ends).
        let accepted = loop {
            if edits.is_empty() {
                break None;
            }
            let plain: Vec<(Range<usize>, &str)> =
                edits.iter().map(|(r, t, _)| (r.clone(), *t)).collect();
            let (next, placed) = draft.apply(&plain);
            let refused: Vec<usize> = if next.len() > max_pass_len(draft.len()) {
                (0..edits.len()).collect()
            } else {
                match Document::parse_with(next.render(&original), format, options) {
                    Ok(doc) => {
                        let found = lint(&doc);
                        let refused = unsettled(&edits, &placed, &found, allow_unsafe);
                        if refused.is_empty() {
                            break Some((next, doc, found));
                        }
                        refused
                    }
                    Err(_) => (0..edits.len()).collect(),
                }
            };
            for index in refused.into_iter().rev() {
                edits.remove(index);
            }
        };
        let Some((next, doc, found)) = accepted else {
            settled = true;
            break;
        };
        if pass == MAX_FIX_PASSES {
            break;
        }
        applied += edits.len();
        for (_, _, rule) in &edits {
            *applied_by_rule.entry(rule.to_string()).or_insert(0) += 1;
        }
        fixed_ranges.extend(edits.iter().map(|(r, _, _)| draft.range_to_original(r)));
        draft = next;
        document = doc;
        diagnostics = found;
    }
    if !settled {
        document = Document::parse_with(original, format, options)?;
        diagnostics = lint(&document);
        draft = Draft::new(document.file_text());
        applied = 0;
        applied_by_rule.clear();
        fixed_ranges.clear();
    }
    // What is left holds no fix `--fix` would apply: each was refused or never settled.
    for diagnostic in &mut diagnostics {
        if diagnostic
            .fix
            .as_ref()
            .is_some_and(|fix| allowed(fix, allow_unsafe))
        {
            diagnostic.fix = None;
        }
    }
    Ok(FixOutcome {
        text: document.file_text().to_string(),
        applied,
        applied_by_rule,
        edits: draft.edits(original_len),
        fixed_ranges,
        settled,
        remaining: diagnostics,
        document,
    })
}

/// Indexes of the edits whose written text is still reported by their own rule or would be
/// fixed by another.
fn unsettled(
    edits: &[PassEdit],
    placed: &[Range<usize>],
    found: &[Diagnostic],
    allow_unsafe: bool,
) -> Vec<usize> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let inside = |fix: &Range<usize>, written: &Range<usize>| {
        if fix.is_empty() {
            written.start < fix.start && fix.start < written.end
        } else {
            overlaps(fix, written)
        }
    };
    edits
        .iter()
        .zip(placed)
        .enumerate()
        .filter(|(_, ((_, _, rule), written))| {
            !written.is_empty()
                && found.iter().any(|d| {
                    (&*d.rule == *rule && overlaps(&d.span, written))
                        || d.fix.as_ref().is_some_and(|fix| {
                            allowed(fix, allow_unsafe) && inside(&fix.range, written)
                        })
                })
        })
        .map(|(index, _)| index)
        .collect()
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
