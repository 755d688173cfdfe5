//! The JSON the service answers with: the report of `newslint check --format json` (same
//! keys, same order) for one article, with UTF-16 offsets added for browser editors, whose
//! strings count UTF-16 code units, not bytes.

use newslint::line_index::LineIndex;
use newslint::{Diagnostic, FixSafety, Severity};
use serde::Serialize;

/// The report of one article.
#[derive(Serialize)]
pub struct Report<'a> {
    version: u32,
    files: usize,
    diagnostics: Vec<ReportDiagnostic<'a>>,
    summary: Summary,
    errors: [(); 0],
}

#[derive(Serialize)]
struct ReportDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    help: Option<&'a str>,
    fix: Option<ReportFix<'a>>,
    utf16_start: usize,
    utf16_end: usize,
}

#[derive(Serialize)]
struct ReportFix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
    utf16_start: usize,
    utf16_end: usize,
    safe: bool,
}

/// Findings by severity.
#[derive(Serialize, Default)]
pub struct Summary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

impl<'a> Report<'a> {
    /// The report of `diagnostics`, byte spans of `text`, for the article named `path`.
    pub fn new(path: &'a str, text: &str, diagnostics: &'a [Diagnostic]) -> Self {
        let lines = LineIndex::new(text);
        let mut offsets: Vec<usize> = diagnostics
            .iter()
            .flat_map(|d| {
                let fix = d.fix.as_ref().map(|f| [f.range.start, f.range.end]);
                [d.span.start, d.span.end]
                    .into_iter()
                    .chain(fix.into_iter().flatten())
            })
            .collect();
        let utf16 = Utf16Offsets::new(text, &mut offsets);
        let positions = lines.positions(text, offsets.iter().copied());
        let mut summary = Summary::default();
        let diagnostics = diagnostics
            .iter()
            .map(|d| {
                match d.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Info => summary.infos += 1,
                }
                let (line, column) = positions.line_col(d.span.start);
                // An empty span ends where it starts, as in the CLI's report.
                let (end_line, end_column) = positions.line_col(d.span.end);
                ReportDiagnostic {
                    path,
                    rule: &d.rule,
                    severity: d.severity.as_str(),
                    message: &d.message,
                    line,
                    column,
                    end_line,
                    end_column,
                    byte_start: d.span.start,
                    byte_end: d.span.end,
                    help: d.help.as_deref(),
                    fix: d.fix.as_ref().map(|f| ReportFix {
                        byte_start: f.range.start,
                        byte_end: f.range.end,
                        replacement: &f.replacement,
                        utf16_start: utf16.of(f.range.start),
                        utf16_end: utf16.of(f.range.end),
                        safe: f.safety == FixSafety::Safe,
                    }),
                    utf16_start: utf16.of(d.span.start),
                    utf16_end: utf16.of(d.span.end),
                }
            })
            .collect();
        Self {
            version: 1,
            files: 1,
            diagnostics,
            summary,
            errors: [],
        }
    }
}

/// Byte offsets mapped to UTF-16 offsets in one pass over the text (a per-offset count
/// would make a text with many findings quadratic).
struct Utf16Offsets {
    pairs: Vec<(usize, usize)>,
}

impl Utf16Offsets {
    fn new(text: &str, offsets: &mut [usize]) -> Self {
        offsets.sort_unstable();
        let mut pairs = Vec::with_capacity(offsets.len());
        let mut units = 0;
        let mut chars = text.char_indices().peekable();
        for &offset in offsets.iter() {
            if pairs.last().is_some_and(|&(b, _)| b == offset) {
                continue;
            }
            while let Some(&(at, c)) = chars.peek() {
                if at >= offset {
                    break;
                }
                units += c.len_utf16();
                chars.next();
            }
            pairs.push((offset, units));
        }
        Self { pairs }
    }

    fn of(&self, offset: usize) -> usize {
        let at = self.pairs.partition_point(|&(b, _)| b < offset);
        self.pairs.get(at).map_or(0, |&(_, u)| u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_code_units() {
        // "é" is 2 bytes and 1 unit, "“" 3 bytes and 1 unit, "𝄞" 4 bytes and 2 units.
        let text = "é“a𝄞b";
        let mut offsets = vec![10, 0, 2, 5, 6, 5];
        let map = Utf16Offsets::new(text, &mut offsets);
        let got: Vec<usize> = [0, 2, 5, 6, 10].iter().map(|&b| map.of(b)).collect();
        assert_eq!(got, vec![0, 1, 2, 3, 5]);
        assert_eq!(
            text[..10].encode_utf16().count(),
            5,
            "the end is after the clef"
        );
    }
}
