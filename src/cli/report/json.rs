//! The JSON format: one document, streamed file by file.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use serde_json::json;

use crate::cli::json_text::{to_string, to_writer};

use super::{
    FileProblem, FileReport, Reporter, Summary, end_position, path_text, position,
    problem_to_stderr,
};

pub(super) struct Json<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    pub(super) opened: bool,
    pub(super) first: bool,
    pub(super) total_files: usize,
    pub(super) problems: Vec<serde_json::Value>,
    /// What `--fix` changed, file by file.
    pub(super) fixed: Vec<serde_json::Value>,
    /// `--diff`: each file's unified diff, kept inside the document so it stays JSON.
    pub(super) diffs: Vec<serde_json::Value>,
}

impl Json<'_> {
    fn open(&mut self) -> io::Result<()> {
        if !self.opened {
            self.opened = true;
            write!(
                self.out,
                "{{\"version\":1,\"files\":{},\"diagnostics\":[",
                self.total_files
            )?;
        }
        Ok(())
    }
}

/// One diagnostic of the JSON report, in the documented key order; serialised straight to
/// the output (building a `serde_json::Value` per finding was an eighth of a run).
#[derive(serde::Serialize)]
pub(super) struct JsonDiagnostic<'a> {
    pub(super) path: &'a str,
    pub(super) rule: &'a str,
    pub(super) severity: &'static str,
    pub(super) message: &'a str,
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) end_line: usize,
    pub(super) end_column: usize,
    pub(super) byte_start: usize,
    pub(super) byte_end: usize,
    pub(super) help: Option<&'a str>,
    pub(super) fix: Option<JsonFix<'a>>,
}

#[derive(serde::Serialize)]
pub(super) struct JsonFix<'a> {
    pub(super) byte_start: usize,
    pub(super) byte_end: usize,
    pub(super) replacement: &'a str,
}

impl Reporter for Json<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        self.open()?;
        let path = path_text(report.path);
        // One write per file: serde writes a diagnostic in dozens of pieces, and each
        // piece through the output's checks cost a sixth of a run with the `ap` pack.
        let mut buffer = Vec::with_capacity(report.diagnostics.len() * 320);
        for d in report.diagnostics {
            let (line, column) = position(report, d.span.start);
            let (end_line, end_column) = end_position(report, d);
            let value = JsonDiagnostic {
                path: &path,
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
                fix: d.fix.as_ref().map(|f| JsonFix {
                    byte_start: f.range.start,
                    byte_end: f.range.end,
                    replacement: &f.replacement,
                }),
            };
            if !self.first {
                buffer.push(b',');
            }
            self.first = false;
            to_writer(&mut buffer, &value)?;
        }
        self.out.write_all(&buffer)
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        let (line, column) = problem
            .position
            .map_or((None, None), |(l, c)| (Some(l), Some(c)));
        self.problems.push(json!({
            "path": path_text(problem.path),
            "message": problem.message,
            "line": line,
            "column": column,
        }));
        problem_to_stderr(problem)
    }

    fn fixed(&mut self, path: &Path, by_rule: &BTreeMap<String, usize>) -> io::Result<()> {
        self.fixed.push(json!({
            "path": path_text(path),
            "fixes": by_rule.values().sum::<usize>(),
            "rules": by_rule,
        }));
        Ok(())
    }

    fn diff(&mut self, path: &Path, diff: &str) -> io::Result<()> {
        self.diffs
            .push(json!({"path": path_text(path), "diff": diff}));
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        self.open()?;
        let summary = json!({"errors": s.errors, "warnings": s.warnings, "infos": s.infos});
        write!(
            self.out,
            "],\"summary\":{summary},\"errors\":{}",
            to_string(&std::mem::take(&mut self.problems))
        )?;
        if s.fixing {
            let fixed = json!({
                "fixes": s.fixes,
                "files": std::mem::take(&mut self.fixed),
            });
            write!(self.out, ",\"fixed\":{}", to_string(&fixed))?;
        }
        if s.diffing {
            let diffs = to_string(&std::mem::take(&mut self.diffs));
            write!(self.out, ",\"diffs\":{diffs}")?;
        }
        writeln!(self.out, "}}")
    }
}
