//! Suppressions written in the copy: `<!-- newslint-disable rule-a, rule-b -->` …
//! `<!-- newslint-enable -->`, `<!-- newslint-disable-next-line rule -->` and
//! `<!-- newslint-disable-line rule -->` in Markdown (never inside code), and the in-line
//! marker `[newslint: ignore rule]` (for plain text, where a CMS strips it) that silences the
//! rule on its own line. A directive that silences nothing, names a rule that does not exist
//! or is not a directive at all is itself reported as `unused-suppression`, as ruff does for
//! `noqa`.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::article::Document;
use crate::diagnostic::{Diagnostic, Severity};
use crate::line_index::LineIndex;

mod ranges;
use ranges::{OpenRanges, RangeSweep};

/// The id of the finding for a suppression that silences nothing.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    // The whole directive name is taken, so a typo (`disable-nextline`) is a typo and not
    // `disable` with a rule named `-nextline`.
    Regex::new(r"<!--\s*newslint-([A-Za-z-]*)([^>]*?)\s*-->").expect("directive pattern compiles")
});
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[newslint:\s*ignore\b([^\]\n]*)\]").expect("marker pattern compiles")
});

/// Whether `text` names newslint at all, which every directive and marker does and
/// nearly no article does. A `memmem` searcher made once: `str::contains` read the BBC
/// archive at a byte and a third an instruction, twice over (file and prose).
pub fn mentions_newslint(text: &str) -> bool {
    static NEWSLINT: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("newslint"));
    NEWSLINT.find(text.as_bytes()).is_some()
}

/// The directives a comment can hold.
pub const DIRECTIVES: &[&str] = &["disable-next-line", "disable-line", "disable", "enable"];

/// Spans of the `[newslint: ignore …]` markers in a text (the prose view of an article).
pub fn marker_spans(text: &str) -> Vec<Range<usize>> {
    if !mentions_newslint(text) || !text.contains("[newslint:") {
        return Vec::new();
    }
    MARKER.find_iter(text).map(|m| m.range()).collect()
}

/// What part of the file a directive covers.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Reach {
    /// A byte range (disable … enable, or to the end of the file).
    Bytes(Range<usize>),
    /// One 1-based line.
    Line(usize),
    /// Nothing: the directive is not one (a typo), reported and otherwise ignored.
    Nothing,
}

#[derive(Debug)]
struct Directive {
    span: Range<usize>,
    /// Empty: every rule.
    rules: Vec<String>,
    reach: Reach,
    /// Why this is not a directive, when it is not.
    invalid: Option<String>,
}

/// The suppressions of one file.
#[derive(Debug, Default)]
pub struct Suppressions {
    directives: Vec<Directive>,
}

fn rule_list(text: &str) -> Vec<String> {
    text.split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

impl Suppressions {
    /// Find the directives of a document: comments where the format allows comments (the
    /// raw HTML of Markdown, not its code) and the markers of its prose.
    pub fn of(doc: &Document, lines: &LineIndex) -> Self {
        // The file's text: for HTML, the markup, where its comments are.
        let source = doc.file_text();
        let mut directives = Vec::new();
        if source.contains("newslint-") {
            let zones = doc.comment_zones();
            let mut zone = 0;
            let mut open = OpenRanges::default();
            for caps in COMMENT.captures_iter(source) {
                let whole = caps.get(0).expect("group 0").range();
                if let Some(zones) = zones {
                    while zone < zones.len() && zones[zone].end <= whole.start {
                        zone += 1;
                    }
                    // Inside code (or otherwise not raw HTML): text, not a directive.
                    if zones.get(zone).is_none_or(|z| z.start > whole.start) {
                        continue;
                    }
                }
                let rules = rule_list(&caps[2]);
                let line = lines.line(whole.start);
                let directive = |reach| Directive {
                    span: whole.clone(),
                    rules: rules.clone(),
                    reach,
                    invalid: None,
                };
                match &caps[1] {
                    "disable-next-line" => directives.push(directive(Reach::Line(line + 1))),
                    "disable-line" => directives.push(directive(Reach::Line(line))),
                    "disable" => open.open(directive(Reach::Bytes(whole.end..source.len()))),
                    "enable" => open.close(&rules, whole.start, &mut directives),
                    name => {
                        let hint = crate::suggest::did_you_mean(name, DIRECTIVES.iter().copied())
                            .map_or_else(
                                || format!(" (directives: {})", DIRECTIVES.join(", ")),
                                |d| format!(" (did you mean `newslint-{d}`?)"),
                            );
                        let mut d = directive(Reach::Nothing);
                        d.invalid = Some(format!(
                            "`newslint-{name}` is not a directive{hint}; it silences nothing"
                        ));
                        directives.push(d);
                    }
                }
            }
            directives.extend(open.into_rest());
        }
        for span in doc.markers() {
            let text = &source[span.clone()];
            let caps = MARKER.captures(text).expect("a marker span holds a marker");
            directives.push(Directive {
                span: span.clone(),
                rules: rule_list(&caps[1]),
                reach: Reach::Line(lines.line(span.start)),
                invalid: None,
            });
        }
        directives.sort_by_key(|d| d.span.start);
        Self { directives }
    }

    /// Whether the file has no directives.
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Drop the diagnostics the directives silence, and add an `unused-suppression` finding
    /// for each rule a directive names without silencing anything (info), each rule id that
    /// is not in `known` and each comment that is not a directive (warning).
    pub fn apply(
        &self,
        lines: &LineIndex,
        diagnostics: Vec<Diagnostic>,
        known: &[&str],
    ) -> Vec<Diagnostic> {
        if self.directives.is_empty() {
            return diagnostics;
        }
        // used[d][r]: directive d silenced rule r (index into its list, or 0 for "all").
        let mut used: Vec<Vec<bool>> = self
            .directives
            .iter()
            .map(|d| vec![false; d.rules.len().max(1)])
            .collect();
        // Line directives by line; byte ranges swept in order of their starts and ends beside
        // the findings in order of theirs. A file of thousands of directives costs a lookup
        // per finding, not a scan of every directive.
        let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut ranges = RangeSweep::default();
        for (index, directive) in self.directives.iter().enumerate() {
            match &directive.reach {
                Reach::Line(line) => by_line.entry(*line).or_default().push(index),
                Reach::Bytes(range) => ranges.add(index, range),
                Reach::Nothing => {}
            }
        }
        ranges.sort();
        let mut diagnostics = diagnostics;
        diagnostics.sort_by_key(|d| d.span.start);
        let mut kept = Vec::with_capacity(diagnostics.len());
        for diagnostic in diagnostics {
            let line = lines.line(diagnostic.span.start);
            let mut silenced = ranges.silences(
                &self.directives,
                diagnostic.span.start,
                &diagnostic.rule,
                &mut used,
            );
            for &index in by_line.get(&line).map_or(&[][..], Vec::as_slice) {
                let directive = &self.directives[index];
                if directive.rules.is_empty() {
                    used[index][0] = true;
                    silenced = true;
                } else if let Some(r) = directive.rules.iter().position(|r| *r == *diagnostic.rule)
                {
                    used[index][r] = true;
                    silenced = true;
                }
            }
            if !silenced {
                kept.push(diagnostic);
            }
        }
        for (directive, used) in self.directives.iter().zip(&used) {
            kept.extend(report(directive, used, known));
        }
        kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        kept
    }
}

/// What is wrong with one directive, if anything.
fn report(directive: &Directive, used: &[bool], known: &[&str]) -> Vec<Diagnostic> {
    let finding = |severity, message: String, help: &str| Diagnostic {
        rule: Arc::from(UNUSED_SUPPRESSION),
        severity,
        span: directive.span.clone(),
        message,
        help: Some(help.to_string()),
        fix: None,
    };
    if let Some(why) = &directive.invalid {
        return vec![finding(
            Severity::Warning,
            why.clone(),
            "correct the directive, or remove it",
        )];
    }
    let mut out = Vec::new();
    let mut unused: Vec<&str> = Vec::new();
    for (rule, used) in directive.rules.iter().zip(used) {
        if !known.contains(&rule.as_str()) {
            let hint = crate::suggest::unknown_rule_hint(rule, known.iter().copied());
            out.push(finding(
                Severity::Warning,
                format!("`{rule}` is not a rule{hint}; the suppression silences nothing for it"),
                "see `newslint rules` for the rule ids",
            ));
        } else if !used {
            unused.push(rule);
        }
    }
    if directive.rules.is_empty() && !used[0] {
        unused.push("any rule");
    }
    if !unused.is_empty() {
        out.push(finding(
            Severity::Info,
            format!(
                "this suppression silences nothing: no finding of {} here",
                unused.join(", ")
            ),
            "remove the suppression, or the rule ids it no longer needs",
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &str, at: usize) -> Diagnostic {
        Diagnostic {
            rule: rule.into(),
            severity: Severity::Warning,
            span: at..at + 1,
            message: String::new(),
            help: None,
            fix: None,
        }
    }

    #[test]
    fn ranges_next_line_and_markers() {
        let text = "a\n<!-- newslint-disable r1 -->\nb\n<!-- newslint-enable -->\nc\n<!-- newslint-disable-next-line r2 -->\nd\ne [newslint: ignore r3]\n";
        let doc = Document::parse(text.to_string(), crate::Format::Markdown).unwrap();
        let lines = LineIndex::new(text);
        let s = Suppressions::of(&doc, &lines);
        let at = |line: &str| text.find(&format!("\n{line}")).unwrap() + 1;
        let out = s.apply(
            &lines,
            vec![
                diag("r1", at("b\n")),
                diag("r1", at("c\n")),
                diag("r2", at("d\n")),
                diag("r2", at("e ")),
                diag("r3", at("e ")),
            ],
            &["r1", "r2", "r3"],
        );
        let left: Vec<(&str, usize)> = out
            .iter()
            .map(|d| (&*d.rule, lines.line(d.span.start)))
            .collect();
        assert_eq!(left, vec![("r1", 5), ("r2", 8)]);
    }

    #[test]
    fn unused_suppressions_are_reported() {
        let text = "<!-- newslint-disable-next-line r1, r2 -->\nx\n";
        let doc = Document::parse(text.to_string(), crate::Format::Markdown).unwrap();
        let lines = LineIndex::new(text);
        let s = Suppressions::of(&doc, &lines);
        let out = s.apply(
            &lines,
            vec![diag("r1", text.find("\nx").unwrap() + 1)],
            &["r1", "r2"],
        );
        assert_eq!(out.len(), 1);
        assert_eq!(&*out[0].rule, UNUSED_SUPPRESSION);
        assert!(out[0].message.contains("r2"));
    }

    /// The sweep and the open-range index give what the plain definitions give: a range
    /// runs from its `disable` to the first later `enable` naming one of its rules (or any
    /// `enable`, when it names none, or one naming none), and silences a finding inside it.
    #[test]
    fn ranges_match_their_definition_on_generated_files() {
        const LINES: &[&str] = &[
            "<!-- newslint-disable -->",
            "<!-- newslint-disable r1 -->",
            "<!-- newslint-disable r1, r2 -->",
            "<!-- newslint-enable r1 -->",
            "<!-- newslint-enable r2 -->",
            "<!-- newslint-enable -->",
            "x",
            "x",
        ];
        let mut seed = 7_u64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(LINES[(seed >> 33) as usize % LINES.len()]);
                text.push_str("\n\n");
            }
            let doc = Document::parse(text.clone(), crate::Format::Markdown).unwrap();
            let lines = LineIndex::new(&text);
            let found = Suppressions::of(&doc, &lines);
            // The definition of the ranges, closing them one `enable` at a time.
            let mut expected: Vec<(Range<usize>, Vec<String>)> = Vec::new();
            let mut open: Vec<(usize, Vec<String>)> = Vec::new();
            for caps in COMMENT.captures_iter(&text) {
                let whole = caps.get(0).unwrap().range();
                let rules = rule_list(&caps[2]);
                if &caps[1] == "disable" {
                    open.push((whole.end, rules));
                    continue;
                }
                open.retain(|(start, named)| {
                    let closes = rules.is_empty()
                        || named.is_empty()
                        || named.iter().any(|r| rules.contains(r));
                    if closes {
                        expected.push((*start..whole.start, named.clone()));
                    }
                    !closes
                });
            }
            expected.extend(
                open.into_iter()
                    .map(|(start, named)| (start..text.len(), named)),
            );
            expected.sort_by_key(|(range, _)| range.start);
            let got: Vec<(Range<usize>, Vec<String>)> = found
                .directives
                .iter()
                .filter_map(|d| match &d.reach {
                    Reach::Bytes(range) => Some((range.clone(), d.rules.clone())),
                    _ => None,
                })
                .collect();
            assert_eq!(got, expected, "{text}");
            // Findings on every `x` line, for both rules.
            let findings: Vec<Diagnostic> = text
                .match_indices("\nx\n")
                .flat_map(|(at, _)| [diag("r1", at + 1), diag("r2", at + 1)])
                .collect();
            let silenced = |d: &Diagnostic| {
                expected.iter().any(|(range, named)| {
                    range.contains(&d.span.start)
                        && (named.is_empty() || named.iter().any(|r| *r == *d.rule))
                })
            };
            let kept: Vec<(String, usize)> = findings
                .iter()
                .filter(|d| !silenced(d))
                .map(|d| (d.rule.to_string(), d.span.start))
                .collect();
            let unused = expected
                .iter()
                .filter(|(range, named)| {
                    let hit = |rule: &str| {
                        findings
                            .iter()
                            .any(|d| range.contains(&d.span.start) && *d.rule == *rule)
                    };
                    if named.is_empty() {
                        !findings.iter().any(|d| range.contains(&d.span.start))
                    } else {
                        named.iter().any(|r| !hit(r))
                    }
                })
                .count();
            let out = found.apply(&lines, findings.clone(), &["r1", "r2"]);
            let mut got_kept: Vec<(String, usize)> = out
                .iter()
                .filter(|d| &*d.rule != UNUSED_SUPPRESSION)
                .map(|d| (d.rule.to_string(), d.span.start))
                .collect();
            got_kept.sort();
            let mut kept = kept;
            kept.sort();
            assert_eq!(got_kept, kept, "{text}");
            let got_unused = out
                .iter()
                .filter(|d| &*d.rule == UNUSED_SUPPRESSION)
                .count();
            assert_eq!(got_unused, unused, "{text}");
        }
    }
}
