//! The human format: rustc-style diagnostics with the source line underlined.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use codespan_reporting::diagnostic::Diagnostic as CsDiagnostic;
use codespan_reporting::diagnostic::Label;
use codespan_reporting::diagnostic::Severity as CsSeverity;
use codespan_reporting::term;
use codespan_reporting::term::termcolor::{Buffer, WriteColor};
use newslint::{Format, Severity};

use super::excerpt::Excerpt;
use super::{
    FileProblem, FileReport, Reporter, Summary, diff_for, fixed_file_line, plural, position,
    problem_to_stderr, shown, shown_path,
};

pub(super) struct Human<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    /// Whether `out` is a terminal (a diff is then shown with its control characters escaped).
    pub(super) terminal: bool,
}

impl Human<'_> {
    /// Draw an info finding. codespan names its lowest severity "note"; newslint's is
    /// "info" everywhere (config, `--fail-on`, JSON), so the header's word is swapped.
    fn emit_info(
        &mut self,
        config: &term::Config,
        file: &Excerpt,
        diagnostic: &CsDiagnostic<()>,
    ) -> io::Result<()> {
        let mut buffer = if self.out.supports_color() {
            Buffer::ansi()
        } else {
            Buffer::no_color()
        };
        term::emit_to_write_style(&mut buffer, config, file, diagnostic)
            .map_err(|e| io::Error::other(e.to_string()))?;
        let mut drawn = buffer.into_inner();
        // The header comes first: `note[rule-id]: …`, perhaps inside colour codes.
        if let Some(at) = drawn.windows(5).position(|w| w == b"note[") {
            drawn[at..at + 4].copy_from_slice(b"info");
        }
        self.out.write_all(&drawn)
    }
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
            if d.severity == Severity::Info {
                self.emit_info(&config, &file, &diagnostic)?;
            } else {
                term::emit_to_write_style(&mut *self.out, &config, &file, &diagnostic)
                    .map_err(|e| io::Error::other(e.to_string()))?;
            }
        }
        Ok(())
    }

    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        problem_to_stderr(problem)
    }

    fn fixed(&mut self, path: &Path, by_rule: &BTreeMap<String, usize>) -> io::Result<()> {
        writeln!(self.out, "{}", fixed_file_line(path, by_rule))
    }

    fn diff(&mut self, _path: &Path, diff: &str) -> io::Result<()> {
        self.out.write_all(diff_for(diff, self.terminal).as_bytes())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        if let Some(fixed) = s.fixed_line() {
            writeln!(self.out, "{fixed}")?;
        }
        let mut parts = Vec::new();
        for (n, word) in [
            (s.errors, "error"),
            (s.warnings, "warning"),
            (s.infos, "info"),
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
