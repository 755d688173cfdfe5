//! The concise format: one line per finding, `path:line:col: severity[rule] message`.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;

use super::{FileProblem, FileReport, Reporter, Summary, position, shown, shown_path};

pub(super) struct Concise<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
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

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
