//! Suppressions written in the copy: `<!-- newslint-disable rule-a, rule-b -->` …
//! `<!-- newslint-enable -->` and `<!-- newslint-disable-next-line rule -->` in Markdown, and
//! the in-line marker `[newslint: ignore rule]` (for plain text, where a CMS strips it) that
//! silences the rule on its own line. A directive that silences nothing is itself reported
//! as `unused-suppression`, as ruff does for `noqa`.

use std::ops::Range;
use std::sync::{Arc, LazyLock};

use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::line_index::LineIndex;

/// The id of the finding for a suppression that silences nothing.
pub const UNUSED_SUPPRESSION: &str = "unused-suppression";

static COMMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--\s*newslint-(disable-next-line|disable|enable)\b([^>]*?)\s*-->")
        .expect("directive pattern compiles")
});
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[newslint:\s*ignore\b([^\]\n]*)\]").expect("marker pattern compiles")
});

/// What part of the file a directive covers.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Reach {
    /// A byte range (disable … enable, or to the end of the file).
    Bytes(Range<usize>),
    /// One 1-based line.
    Line(usize),
}

#[derive(Debug)]
struct Directive {
    span: Range<usize>,
    /// Empty: every rule.
    rules: Vec<String>,
    reach: Reach,
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
    /// Find the directives of a file.
    pub fn parse(source: &str, lines: &LineIndex) -> Self {
        let mut directives = Vec::new();
        if source.contains("newslint-") {
            let mut open: Vec<Directive> = Vec::new();
            for caps in COMMENT.captures_iter(source) {
                let whole = caps.get(0).expect("group 0").range();
                let rules = rule_list(&caps[2]);
                match &caps[1] {
                    "disable-next-line" => {
                        let line = lines.line(whole.start) + 1;
                        directives.push(Directive {
                            span: whole,
                            rules,
                            reach: Reach::Line(line),
                        });
                    }
                    "disable" => open.push(Directive {
                        span: whole.clone(),
                        rules,
                        reach: Reach::Bytes(whole.end..source.len()),
                    }),
                    _ => {
                        // `enable` closes the listed rules' ranges, or all of them.
                        let (closed, still_open): (Vec<Directive>, Vec<Directive>) =
                            open.drain(..).partition(|d| {
                                rules.is_empty()
                                    || d.rules.iter().any(|r| rules.contains(r))
                                    || d.rules.is_empty()
                            });
                        open = still_open;
                        directives.extend(closed.into_iter().map(|mut d| {
                            if let Reach::Bytes(range) = &mut d.reach {
                                range.end = whole.start;
                            }
                            d
                        }));
                    }
                }
            }
            directives.extend(open);
        }
        if source.contains("[newslint:") {
            for caps in MARKER.captures_iter(source) {
                let whole = caps.get(0).expect("group 0").range();
                let line = lines.line(whole.start);
                directives.push(Directive {
                    span: whole,
                    rules: rule_list(&caps[1]),
                    reach: Reach::Line(line),
                });
            }
        }
        directives.sort_by_key(|d| d.span.start);
        Self { directives }
    }

    /// Whether the file has no directives.
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Drop the diagnostics the directives silence, and add an `unused-suppression` finding
    /// (info) for each rule a directive names without silencing anything.
    pub fn apply(&self, lines: &LineIndex, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if self.directives.is_empty() {
            return diagnostics;
        }
        // used[d][r]: directive d silenced rule r (index into its list, or 0 for "all").
        let mut used: Vec<Vec<bool>> = self
            .directives
            .iter()
            .map(|d| vec![false; d.rules.len().max(1)])
            .collect();
        let mut kept = Vec::with_capacity(diagnostics.len());
        for diagnostic in diagnostics {
            let line = lines.line(diagnostic.span.start);
            let mut silenced = false;
            for (index, directive) in self.directives.iter().enumerate() {
                let covers = match &directive.reach {
                    Reach::Bytes(range) => range.contains(&diagnostic.span.start),
                    Reach::Line(l) => *l == line,
                };
                if !covers {
                    continue;
                }
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
        let unused_id: Arc<str> = Arc::from(UNUSED_SUPPRESSION);
        for (directive, used) in self.directives.iter().zip(&used) {
            let unused: Vec<&str> = if directive.rules.is_empty() {
                if used[0] {
                    Vec::new()
                } else {
                    vec!["any rule"]
                }
            } else {
                directive
                    .rules
                    .iter()
                    .zip(used)
                    .filter(|(_, u)| !**u)
                    .map(|(r, _)| r.as_str())
                    .collect()
            };
            if !unused.is_empty() {
                kept.push(Diagnostic {
                    rule: unused_id.clone(),
                    severity: Severity::Info,
                    span: directive.span.clone(),
                    message: format!(
                        "this suppression silences nothing: no finding of {} here",
                        unused.join(", ")
                    ),
                    help: Some(
                        "remove the suppression, or the rule ids it no longer needs".to_string(),
                    ),
                    fix: None,
                });
            }
        }
        kept.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        kept
    }
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
        let lines = LineIndex::new(text);
        let s = Suppressions::parse(text, &lines);
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
        let lines = LineIndex::new(text);
        let s = Suppressions::parse(text, &lines);
        let out = s.apply(&lines, vec![diag("r1", text.find("\nx").unwrap() + 1)]);
        assert_eq!(out.len(), 1);
        assert_eq!(&*out[0].rule, UNUSED_SUPPRESSION);
        assert!(out[0].message.contains("r2"));
    }
}
