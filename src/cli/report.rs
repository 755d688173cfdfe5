//! Output formats. Reports are streamed file by file, in path order, so memory stays flat
//! however large the archive; only SARIF, a single JSON object with nested results, keeps
//! the findings (not the files) until the end.

use std::io::{self, Write};
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor::WriteColor};
use newslint::line_index::LineIndex;
use newslint::{Diagnostic, RuleSet, Severity};
use serde_json::json;

use super::args::OutputFormat;

/// One linted file, ready to render.
pub struct FileReport<'a> {
    /// The path as given or walked.
    pub path: &'a Path,
    /// The file's text.
    pub source: &'a str,
    /// Its line starts.
    pub lines: &'a LineIndex,
    /// What was found, sorted by position.
    pub diagnostics: &'a [Diagnostic],
}

/// A file that could not be linted: not found, unreadable, not UTF-8, broken front matter.
pub struct FileProblem<'a> {
    /// The path.
    pub path: &'a Path,
    /// What is wrong.
    pub message: String,
    /// 1-based line and column, where there is one.
    pub position: Option<(usize, usize)>,
}

/// Totals for the summary.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Files linted.
    pub files: usize,
    /// Files with at least one finding.
    pub files_with_findings: usize,
    /// Findings by severity.
    pub errors: usize,
    /// Findings by severity.
    pub warnings: usize,
    /// Findings by severity.
    pub infos: usize,
    /// Files that could not be linted.
    pub problems: usize,
}

impl Summary {
    /// Count a file's findings.
    pub fn add(&mut self, diagnostics: &[Diagnostic]) {
        self.files += 1;
        if !diagnostics.is_empty() {
            self.files_with_findings += 1;
        }
        for d in diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// A renderer.
pub trait Reporter {
    /// Render one file's findings.
    fn file(&mut self, report: &FileReport) -> io::Result<()>;
    /// Render a file that could not be linted.
    fn problem(&mut self, problem: &FileProblem) -> io::Result<()>;
    /// Close the report.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The reporter for a format, writing to `out`.
pub fn reporter<'a>(
    format: OutputFormat,
    out: Box<dyn WriteColor + 'a>,
    rules: &'a RuleSet,
    total_files: usize,
) -> Box<dyn Reporter + 'a> {
    match format {
        OutputFormat::Human => Box::new(Human { out }),
        OutputFormat::Concise => Box::new(Concise { out }),
        OutputFormat::Json => Box::new(Json {
            out,
            opened: false,
            first: true,
            total_files,
            problems: Vec::new(),
        }),
        OutputFormat::Github => Box::new(Github { out }),
        OutputFormat::Sarif => Box::new(Sarif {
            out,
            rules,
            results: Vec::new(),
            problems: Vec::new(),
        }),
    }
}

/// Machine formats keep standard output one document; problems are told on stderr too.
fn problem_to_stderr(problem: &FileProblem) -> io::Result<()> {
    let at = match problem.position {
        Some((line, col)) => format!("{}:{line}:{col}", path_text(problem.path)),
        None => path_text(problem.path),
    };
    writeln!(io::stderr(), "error: {at}: {}", problem.message)
}

/// `--statistics`: findings per rule, most first, with the files they are in.
pub fn statistics<'a>(out: Box<dyn WriteColor + 'a>, rules: &'a RuleSet) -> Box<dyn Reporter + 'a> {
    Box::new(Statistics {
        out,
        rules,
        counts: std::collections::BTreeMap::new(),
    })
}

struct Statistics<'a> {
    out: Box<dyn WriteColor + 'a>,
    rules: &'a RuleSet,
    /// rule id → (findings, files with one, fixable findings)
    counts: std::collections::BTreeMap<String, (usize, usize, usize)>,
}

impl Reporter for Statistics<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        let mut seen: Vec<&str> = Vec::new();
        for d in report.diagnostics {
            let entry = self.counts.entry(d.rule.to_string()).or_default();
            entry.0 += 1;
            if d.fix.is_some() {
                entry.2 += 1;
            }
            if !seen.contains(&&*d.rule) {
                seen.push(&d.rule);
                entry.1 += 1;
            }
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        problem_to_stderr(problem)
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let mut rows: Vec<(&String, &(usize, usize, usize))> = self.counts.iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        writeln!(
            self.out,
            "{:>7}  {:>6}  {:>7}  {:<8}  rule",
            "found", "files", "fixable", "severity"
        )?;
        for (rule, (found, files, fixable)) in rows {
            let severity = self.rules.get(rule).map_or("info", |r| r.severity.as_str());
            writeln!(
                self.out,
                "{found:>7}  {files:>6}  {fixable:>7}  {severity:<8}  {rule}"
            )?;
        }
        let total: usize = self.counts.values().map(|c| c.0).sum();
        writeln!(
            self.out,
            "{total:>7}  findings in {} ({} checked)",
            plural(s.files_with_findings, "file"),
            s.files
        )
    }
}

fn path_text(path: &Path) -> String {
    path.display().to_string()
}

fn position(report: &FileReport, offset: usize) -> (usize, usize) {
    report.lines.line_col(report.source, offset)
}

/// The end of a span as a 1-based position; an empty span ends where it starts.
fn end_position(report: &FileReport, d: &Diagnostic) -> (usize, usize) {
    if d.span.is_empty() {
        position(report, d.span.start)
    } else {
        position(report, d.span.end)
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

struct Human<'a> {
    out: Box<dyn WriteColor + 'a>,
}

impl Reporter for Human<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let file = SimpleFile::new(path_text(report.path), report.source);
        let config = term::Config::default();
        for d in report.diagnostics {
            let severity = match d.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Info => CsSeverity::Note,
            };
            let mut notes = Vec::new();
            if let Some(help) = &d.help {
                notes.push(format!("help: {help}"));
            }
            if let Some(fix) = &d.fix {
                let what = if fix.replacement.is_empty() {
                    "remove it".to_string()
                } else {
                    format!("replace with \"{}\"", fix.replacement)
                };
                let how = match fix.safety {
                    newslint::FixSafety::Unsafe => "--fix --unsafe-fixes",
                    _ => "--fix",
                };
                notes.push(format!("fix ({how}): {what}"));
            }
            let label = Label::primary((), d.span.clone());
            let diagnostic = CsDiagnostic::new(severity)
                .with_code(d.rule.to_string())
                .with_message(&d.message)
                .with_labels(vec![label])
                .with_notes(notes);
            term::emit_to_write_style(&mut *self.out, &config, &file, &diagnostic)
                .map_err(|e| io::Error::other(e.to_string()))?;
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        problem_to_stderr(problem)
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let mut parts = Vec::new();
        for (n, word) in [
            (s.errors, "error"),
            (s.warnings, "warning"),
            (s.infos, "note"),
        ] {
            if n > 0 {
                parts.push(plural(n, word));
            }
        }
        let mut line = if parts.is_empty() {
            format!("no findings in {}", plural(s.files, "file"))
        } else {
            format!(
                "{} in {} ({} checked)",
                parts.join(", "),
                plural(s.files_with_findings, "file"),
                s.files
            )
        };
        if s.problems > 0 {
            line.push_str(&format!(
                "; {} could not be checked",
                plural(s.problems, "file")
            ));
        }
        writeln!(self.out, "{line}")
    }
}

struct Concise<'a> {
    out: Box<dyn WriteColor + 'a>,
}

impl Reporter for Concise<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        for d in report.diagnostics {
            let (line, col) = position(report, d.span.start);
            writeln!(
                self.out,
                "{}:{line}:{col}: {}[{}] {}",
                path_text(report.path),
                d.severity,
                d.rule,
                d.message
            )?;
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        let (line, col) = problem.position.unwrap_or((1, 1));
        writeln!(
            self.out,
            "{}:{line}:{col}: error[io] {}",
            path_text(problem.path),
            problem.message
        )
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

struct Json<'a> {
    out: Box<dyn WriteColor + 'a>,
    opened: bool,
    first: bool,
    total_files: usize,
    problems: Vec<serde_json::Value>,
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
struct JsonDiagnostic<'a> {
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
    fix: Option<JsonFix<'a>>,
}

#[derive(serde::Serialize)]
struct JsonFix<'a> {
    byte_start: usize,
    byte_end: usize,
    replacement: &'a str,
}

impl Reporter for Json<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        self.open()?;
        let path = path_text(report.path);
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
                self.out.write_all(b",")?;
            }
            self.first = false;
            serde_json::to_writer(&mut self.out, &value)?;
        }
        Ok(())
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

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        self.open()?;
        let summary = json!({"errors": s.errors, "warnings": s.warnings, "infos": s.infos});
        write!(
            self.out,
            "],\"summary\":{summary},\"errors\":{}}}",
            serde_json::Value::Array(std::mem::take(&mut self.problems))
        )?;
        writeln!(self.out)
    }
}

struct Github<'a> {
    out: Box<dyn WriteColor + 'a>,
}

/// Escape data of a workflow command (`%`, CR, LF) and, in properties, `:` and `,` too.
fn github_escape(text: &str, property: bool) -> String {
    let mut out = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    if property {
        out = out.replace(':', "%3A").replace(',', "%2C");
    }
    out
}

impl Reporter for Github<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        for d in report.diagnostics {
            let (line, col) = position(report, d.span.start);
            let (end_line, end_col) = end_position(report, d);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                self.out,
                "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
                github_escape(&path_text(report.path), true),
                github_escape(&format!("newslint {}", d.rule), true),
                github_escape(&d.message, false),
            )?;
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        let (line, col) = problem.position.unwrap_or((1, 1));
        writeln!(
            self.out,
            "::error file={},line={line},col={col},title=newslint::{}",
            github_escape(&path_text(problem.path), true),
            github_escape(&problem.message, false)
        )
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

struct Sarif<'a> {
    out: Box<dyn WriteColor + 'a>,
    rules: &'a RuleSet,
    results: Vec<serde_json::Value>,
    problems: Vec<serde_json::Value>,
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
            let index = if &*d.rule == newslint::suppress::UNUSED_SUPPRESSION {
                Some(self.rules.len())
            } else {
                self.rules.iter().position(|r| r.id == d.rule)
            };
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
        let mut rules: Vec<serde_json::Value> = self
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
        rules.push(json!({
            "id": newslint::suppress::UNUSED_SUPPRESSION,
            "name": newslint::suppress::UNUSED_SUPPRESSION,
            "shortDescription": {"text": "A suppression comment or marker that silences nothing."},
            "fullDescription": {"text": "A newslint-disable comment or [newslint: ignore …] marker that silences no finding. Remove it, or the rule ids it no longer needs."},
            "defaultConfiguration": {"level": "note"},
            "properties": {"pack": "builtin", "kind": "suppression"},
        }));
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
