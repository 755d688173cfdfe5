//! The JSON format: one document, streamed file by file.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use serde_json::json;

use crate::cli::json_text::{push_str, to_string};

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
    /// One file's diagnostics as JSON, reused from file to file.
    pub(super) buffer: Vec<u8>,
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

/// One diagnostic of the JSON report, in the documented key order. It is written by
/// [`JsonDiagnostic::push_json`]; its `Serialize` is the reference the tests hold that to.
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

impl JsonDiagnostic<'_> {
    /// Append the diagnostic as compact JSON, byte for byte what serde writes for it, with
    /// its path already written as a JSON string (`path_json`, the same for a whole file).
    /// Keys are literals and numbers go through `itoa`: serde scanned every key for
    /// escapes and formatted every number through its generic writer.
    fn push_json(&self, out: &mut Vec<u8>, path_json: &[u8]) {
        let mut number = itoa::Buffer::new();
        let mut push_number = |out: &mut Vec<u8>, key: &[u8], value: usize| {
            out.extend_from_slice(key);
            out.extend_from_slice(number.format(value).as_bytes());
        };
        out.extend_from_slice(b"{\"path\":");
        out.extend_from_slice(path_json);
        out.extend_from_slice(b",\"rule\":");
        push_str(out, self.rule);
        out.extend_from_slice(b",\"severity\":");
        push_str(out, self.severity);
        out.extend_from_slice(b",\"message\":");
        push_str(out, self.message);
        push_number(out, b",\"line\":", self.line);
        push_number(out, b",\"column\":", self.column);
        push_number(out, b",\"end_line\":", self.end_line);
        push_number(out, b",\"end_column\":", self.end_column);
        push_number(out, b",\"byte_start\":", self.byte_start);
        push_number(out, b",\"byte_end\":", self.byte_end);
        out.extend_from_slice(b",\"help\":");
        match self.help {
            Some(help) => push_str(out, help),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"fix\":");
        match &self.fix {
            Some(fix) => {
                push_number(out, b"{\"byte_start\":", fix.byte_start);
                push_number(out, b",\"byte_end\":", fix.byte_end);
                out.extend_from_slice(b",\"replacement\":");
                push_str(out, fix.replacement);
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
    }
}

impl Reporter for Json<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        self.open()?;
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let path = path_text(report.path);
        let mut path_json = Vec::with_capacity(path.len() + 2);
        push_str(&mut path_json, &path);
        // One write per file: serde writes a diagnostic in dozens of pieces, and each
        // piece through the output's checks cost a sixth of a run with the `ap` pack.
        let mut buffer = std::mem::take(&mut self.buffer);
        buffer.clear();
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
            value.push_json(&mut buffer, &path_json);
        }
        let written = self.out.write_all(&buffer);
        // Kept for the next file, so a run allocates it once and not once per file.
        self.buffer = buffer;
        written
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

#[cfg(test)]
mod tests {
    use super::*;

    fn both_ways(diagnostic: &JsonDiagnostic) -> (String, String) {
        let mut path_json = Vec::new();
        push_str(&mut path_json, diagnostic.path);
        let mut ours = Vec::new();
        diagnostic.push_json(&mut ours, &path_json);
        (String::from_utf8(ours).unwrap(), to_string(diagnostic))
    }

    #[test]
    fn a_diagnostic_is_written_as_serde_writes_it() {
        let plain = JsonDiagnostic {
            path: "desk/a.txt",
            rule: "date-format",
            severity: "warning",
            message: "write the date as \u{201c}May 3\u{201d}",
            line: 1,
            column: 10,
            end_line: 12,
            end_column: 1234567,
            byte_start: 0,
            byte_end: usize::MAX,
            help: None,
            fix: None,
        };
        let odd = JsonDiagnostic {
            path: "C:\\desk\\\"odd\"\u{85}.txt",
            rule: "rule\u{1}",
            severity: "info",
            message: "a \"quoted\" \\ back\nslash\t\u{9b}31m \u{a3}5",
            help: Some("write \"toward\" instead\r"),
            fix: Some(JsonFix {
                byte_start: 7,
                byte_end: 9,
                replacement: "\u{0}\u{1f}\u{7f}\u{80}\u{a0}",
            }),
            ..plain
        };
        let fixed_plainly = JsonDiagnostic {
            help: Some(""),
            fix: Some(JsonFix {
                byte_start: 0,
                byte_end: 0,
                replacement: "",
            }),
            ..plain
        };
        for diagnostic in [&plain, &odd, &fixed_plainly] {
            let (ours, serdes) = both_ways(diagnostic);
            assert_eq!(ours, serdes);
        }
    }
}
