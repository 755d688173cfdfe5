//! SARIF 2.1.0 for code scanning; the one format that keeps findings until the end.

use std::io;
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use newslint::Rule;
use newslint::Severity;
use serde_json::json;

use super::{
    FileProblem, FileReport, Reporter, Summary, end_position, path_text, position,
    problem_to_stderr,
};

pub(super) struct Sarif<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    /// The rules of every config the run used (see [`super::rules_of_run`]).
    pub(super) rules: &'a [&'a Rule],
    pub(super) results: Vec<serde_json::Value>,
    pub(super) problems: Vec<serde_json::Value>,
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a SARIF artifact URI reference: forward slashes, no leading `./`, and every
/// byte outside the URI's unreserved set percent-encoded (`my story.md` → `my%20story.md`).
fn sarif_uri(path: &Path) -> String {
    let text = path_text(path).replace('\\', "/");
    let text = text.strip_prefix("./").unwrap_or(&text);
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl Reporter for Sarif<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        for d in report.diagnostics {
            let (line, column) = position(report, d.span.start);
            let (end_line, end_column) = end_position(report, d);
            let mut result = json!({
                "ruleId": &*d.rule,
                "level": sarif_level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": sarif_uri(report.path)},
                        "region": {
                            "startLine": line,
                            "startColumn": column,
                            "endLine": end_line,
                            "endColumn": end_column,
                            "byteOffset": d.span.start,
                            "byteLength": d.span.len(),
                        }
                    }
                }],
            });
            let index = self.rules.iter().position(|r| r.id == d.rule);
            if let Some(index) = index {
                result["ruleIndex"] = json!(index);
            }
            if let Some(fix) = &d.fix {
                result["fixes"] = json!([{
                    "description": {"text": d.help.clone().unwrap_or_else(|| "apply the fix".to_string())},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": sarif_uri(report.path)},
                        "replacements": [{
                            "deletedRegion": {"byteOffset": fix.range.start, "byteLength": fix.range.len()},
                            "insertedContent": {"text": fix.replacement},
                        }]
                    }]
                }]);
            }
            self.results.push(result);
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        let (line, column) = problem.position.unwrap_or((1, 1));
        self.problems.push(json!({
            "level": "error",
            "message": {"text": format!("{}: {}", path_text(problem.path), problem.message)},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": sarif_uri(problem.path)},
                    "region": {"startLine": line, "startColumn": column}
                }
            }]
        }));
        problem_to_stderr(problem)
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        let rules: Vec<serde_json::Value> = self
            .rules
            .iter()
            .map(|r| {
                let mut rule = json!({
                    "id": &*r.id,
                    "name": &*r.id,
                    "shortDescription": {"text": r.description.lines().next().unwrap_or(&r.id)},
                    "fullDescription": {"text": if r.description.is_empty() { r.id.to_string() } else { r.description.clone() }},
                    "defaultConfiguration": {"level": sarif_level(r.severity)},
                    "properties": {"pack": r.pack, "kind": r.kind_name.as_str()},
                });
                if let Some(link) = &r.link {
                    rule["helpUri"] = json!(link);
                }
                rule
            })
            .collect();
        let document = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "newslint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }},
                "columnKind": "unicodeCodePoints",
                "results": std::mem::take(&mut self.results),
                "invocations": [{
                    "executionSuccessful": self.problems.is_empty(),
                    "toolExecutionNotifications": std::mem::take(&mut self.problems),
                }],
            }]
        });
        serde_json::to_writer_pretty(&mut self.out, &document)?;
        writeln!(self.out)
    }
}
