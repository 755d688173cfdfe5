//! The concise format: one line per finding, `path:line:col: severity[rule] message`.

use std::io;
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;

use super::{
    FileProblem, FileReport, Reporter, Summary, diff_for, fixed_total_to_stderr, position, shown,
    shown_path,
};

pub(super) struct Concise<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    /// Whether `out` is a terminal (a diff is then shown with its control characters escaped).
    pub(super) terminal: bool,
}

impl Reporter for Concise<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        for d in report.diagnostics {
            let (line, col) = position(report, d.span.start);
            writeln!(
                self.out,
                "{}:{line}:{col}: {}[{}] {}",
                shown_path(report.path),
                d.severity,
                shown(&d.rule),
                shown(&d.message)
            )?;
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        let (line, col) = problem.position.unwrap_or((1, 1));
        writeln!(
            self.out,
            "{}:{line}:{col}: error[io] {}",
            shown_path(problem.path),
            shown(&problem.message)
        )
    }

    fn diff(&mut self, _path: &Path, diff: &str) -> io::Result<()> {
        self.out.write_all(diff_for(diff, self.terminal).as_bytes())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        fixed_total_to_stderr(summary)
    }
}
