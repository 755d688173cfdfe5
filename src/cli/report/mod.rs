//! Output formats. Reports are streamed file by file, in path order, so memory stays flat
//! however large the archive; only SARIF, a single JSON object with nested results, keeps
//! the findings (not the files) until the end.

mod concise;
mod excerpt;
mod github;
mod human;
mod json;
mod sarif;
mod statistics;

use std::collections::BTreeMap;
use std::io::{self, IsTerminal as _, Write};
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use newslint::line_index::{LineIndex, Positions};
use newslint::{Diagnostic, Engine, Rule, Severity};

use super::args::OutputFormat;
use concise::Concise;
use github::Github;
use human::Human;
use json::Json;
use sarif::Sarif;
use statistics::Statistics;

/// One linted file, ready to render.
pub struct FileReport<'a> {
    /// The path as given or walked.
    pub path: &'a Path,
    /// The file's text.
    pub source: &'a str,
    /// Its line starts.
    pub lines: &'a LineIndex,
    /// The line and column of every span start and end (see [`positions_of`]).
    pub positions: &'a Positions<'a>,
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
    /// Whether this run applied fixes (`--fix`): the summary then says what changed.
    pub fixing: bool,
    /// Whether this run shows diffs instead of fixing (`--diff`).
    pub diffing: bool,
    /// Fixes applied, over every file.
    pub fixes: usize,
    /// Files a fix changed.
    pub fixed_files: usize,
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

    /// Count what `--fix` changed in one file.
    pub fn add_fixed(&mut self, by_rule: &BTreeMap<String, usize>) {
        let fixes: usize = by_rule.values().sum();
        if fixes > 0 {
            self.fixes += fixes;
            self.fixed_files += 1;
        }
    }

    /// The closing line of a `--fix` run: what it changed in total.
    fn fixed_line(&self) -> Option<String> {
        self.fixing.then(|| match self.fixes {
            0 => "nothing to fix".to_string(),
            n => format!(
                "fixed {} in {}",
                plural_fixes(n),
                plural(self.fixed_files, "file")
            ),
        })
    }
}

/// What `--fix` changed in one file: `fixed 3 findings in a.txt (date-format, repeated-word ×2)`.
fn fixed_file_line(path: &Path, by_rule: &BTreeMap<String, usize>) -> String {
    let rules: Vec<String> = by_rule
        .iter()
        .map(|(rule, n)| match n {
            1 => rule.clone(),
            n => format!("{rule} ×{n}"),
        })
        .collect();
    format!(
        "fixed {} in {} ({})",
        plural_fixes(by_rule.values().sum()),
        shown_path(path),
        shown(&rules.join(", "))
    )
}

fn plural_fixes(n: usize) -> String {
    if n == 1 {
        "1 finding".to_string()
    } else {
        format!("{n} findings")
    }
}

/// A renderer.
pub trait Reporter {
    /// Render one file's findings.
    fn file(&mut self, report: &FileReport) -> io::Result<()>;
    /// Render a file that could not be linted.
    fn problem(&mut self, problem: &FileProblem) -> io::Result<()>;
    /// Say what `--fix` changed in one file (fixes applied, by rule; called only when it
    /// changed something). A format whose output is one document or one finding a line
    /// says it on standard error.
    fn fixed(&mut self, path: &Path, by_rule: &BTreeMap<String, usize>) -> io::Result<()> {
        writeln!(io::stderr(), "{}", fixed_file_line(path, by_rule))
    }
    /// Show the unified diff of what `--fix` would change in one file (`--diff`). A format
    /// whose output is one document prints it on standard error.
    fn diff(&mut self, _path: &Path, diff: &str) -> io::Result<()> {
        io::stderr().write_all(diff_for(diff, io::stderr().is_terminal()).as_bytes())
    }
    /// Close the report.
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// The rules of every config a run uses, each id once: the first engine's (the current
/// folder's) in its order, then each other engine's that are new. SARIF lists them all
/// (its results point into the list), and statistics read their severities.
pub fn rules_of_run<'e>(engines: impl IntoIterator<Item = &'e Engine>) -> Vec<&'e Rule> {
    let mut seen_engines: Vec<&Engine> = Vec::new();
    let mut seen_ids = std::collections::HashSet::new();
    let mut rules = Vec::new();
    for engine in engines {
        if seen_engines.iter().any(|seen| std::ptr::eq(*seen, engine)) {
            continue;
        }
        seen_engines.push(engine);
        rules.extend(
            engine
                .rules()
                .iter()
                .filter(|rule| seen_ids.insert(rule.id.clone())),
        );
    }
    rules
}

/// The total of a `--fix` run, for formats that keep standard output for findings.
fn fixed_total_to_stderr(summary: &Summary) -> io::Result<()> {
    match summary.fixed_line() {
        Some(line) => writeln!(io::stderr(), "{line}"),
        None => Ok(()),
    }
}

/// The reporter for a format, writing to `out`.
pub fn reporter<'a>(
    format: OutputFormat,
    out: Box<dyn WriteColor + 'a>,
    out_is_terminal: bool,
    rules: &'a [&'a Rule],
    total_files: usize,
) -> Box<dyn Reporter + 'a> {
    match format {
        OutputFormat::Human => Box::new(Human {
            out,
            terminal: out_is_terminal,
        }),
        OutputFormat::Concise => Box::new(Concise {
            out,
            terminal: out_is_terminal,
        }),
        OutputFormat::Json => Box::new(Json {
            out,
            opened: false,
            first: true,
            total_files,
            problems: Vec::new(),
            fixed: Vec::new(),
            diffs: Vec::new(),
            buffer: Vec::new(),
        }),
        OutputFormat::Github => Box::new(Github {
            out,
            terminal: out_is_terminal,
        }),
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
        Some((line, col)) => format!("{}:{line}:{col}", shown_path(problem.path)),
        None => shown_path(problem.path),
    };
    writeln!(io::stderr(), "error: {at}: {}", shown(&problem.message))
}

/// `--statistics`: findings per rule, most first, with the files they are in; a JSON
/// document with `--format json`.
pub fn statistics<'a>(
    format: OutputFormat,
    out: Box<dyn WriteColor + 'a>,
    out_is_terminal: bool,
    rules: &'a [&'a Rule],
) -> Box<dyn Reporter + 'a> {
    Box::new(Statistics {
        out,
        rules,
        json: format == OutputFormat::Json,
        terminal: out_is_terminal,
        counts: BTreeMap::new(),
    })
}

fn path_text(path: &Path) -> String {
    path.display().to_string()
}

/// Text for a format people read on a terminal or in a CI log (human, concise, GitHub):
/// control characters escaped, so copy, a pack's message or a file name cannot send the
/// terminal escape sequences. JSON and SARIF escape them by their own rules.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    crate::cli::terminal::escape_controls(text)
}

/// A `--diff` for a stream: on a terminal the copy's control characters are shown
/// escaped (see [`shown`]); into a pipe or a file every byte is kept, so the patch applies.
fn diff_for(diff: &str, terminal: bool) -> std::borrow::Cow<'_, str> {
    if terminal { shown(diff) } else { diff.into() }
}

/// A path for the formats people read (see [`shown`]).
fn shown_path(path: &Path) -> String {
    shown(&path_text(path)).into_owned()
}

/// The positions every reporter asks for (the starts and ends of the findings' spans),
/// converted in one pass.
pub fn positions_of<'a>(
    lines: &'a LineIndex,
    source: &'a str,
    diagnostics: &[Diagnostic],
) -> Positions<'a> {
    lines.positions(
        source,
        diagnostics.iter().flat_map(|d| [d.span.start, d.span.end]),
    )
}

fn position(report: &FileReport, offset: usize) -> (usize, usize) {
    report.positions.line_col(offset)
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
