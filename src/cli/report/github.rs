//! The GitHub format: workflow commands that GitHub Actions turns into annotations.

use std::io;
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use newslint::Severity;

use super::{
    FileProblem, FileReport, Reporter, Summary, diff_for, end_position, fixed_total_to_stderr,
    position, shown, shown_path,
};

pub(super) struct Github<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    /// Whether `out` is a terminal (a diff is then shown with its control characters escaped).
    pub(super) terminal: bool,
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
                github_escape(&shown_path(report.path), true),
                github_escape(&format!("newslint {}", shown(&d.rule)), true),
                github_escape(&shown(&d.message), false),
            )?;
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        let (line, col) = problem.position.unwrap_or((1, 1));
        writeln!(
            self.out,
            "::error file={},line={line},col={col},title=newslint::{}",
            github_escape(&shown_path(problem.path), true),
            github_escape(&shown(&problem.message), false)
        )
    }

    fn diff(&mut self, _path: &Path, diff: &str) -> io::Result<()> {
        self.out.write_all(diff_for(diff, self.terminal).as_bytes())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        fixed_total_to_stderr(summary)
    }
}
