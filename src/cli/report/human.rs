//! The human format: rustc-style diagnostics with the source line underlined.

use std::io;

use codespan_reporting::diagnostic::Diagnostic as CsDiagnostic;
use codespan_reporting::diagnostic::Label;
use codespan_reporting::diagnostic::Severity as CsSeverity;
use codespan_reporting::term;
use codespan_reporting::term::termcolor::WriteColor;
use newslint::{Format, Severity};

use super::excerpt::Excerpt;
use super::{
    FileProblem, FileReport, Reporter, Summary, plural, position, problem_to_stderr, shown,
    shown_path,
};

pub(super) struct Human<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
}

impl Reporter for Human<'_> {
    fn file(&mut self, report: &FileReport) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let config = term::Config::default();
        // A Word file has no lines: its text holds paragraph N on line N.
        let docx = Format::from_path(report.path) == Format::Docx;
        for d in report.diagnostics {
            let severity = match d.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Info => CsSeverity::Note,
            };
            let mut notes = Vec::new();
            if docx {
                let (paragraph, character) = position(report, d.span.start);
                notes.push(format!(
                    "at paragraph {paragraph}, character {character} of the document"
                ));
            }
            if let Some(help) = &d.help {
                notes.push(format!("help: {}", shown(help)));
            }
            if let Some(fix) = &d.fix {
                let what = if fix.replacement.is_empty() {
                    "remove it".to_string()
                } else {
                    format!("replace with \"{}\"", shown(&fix.replacement))
                };
                let how = match fix.safety {
                    newslint::FixSafety::Unsafe => "--fix --unsafe-fixes",
                    _ => "--fix",
                };
                notes.push(format!("fix ({how}): {what}"));
            }
            let file = Excerpt::new(
                shown_path(report.path),
                report.source,
                report.lines,
                d.span.clone(),
                position(report, d.span.start),
            );
            let unit = if docx { "paragraph" } else { "line" };
            for &(line, bytes) in &file.cut {
                notes.push(format!(
                    "{unit} {line} is {bytes} bytes long: only the part around the finding is shown"
                ));
            }
            let label = Label::primary((), file.label.clone());
            let diagnostic = CsDiagnostic::new(severity)
                .with_code(shown(&d.rule))
                .with_message(shown(&d.message))
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
