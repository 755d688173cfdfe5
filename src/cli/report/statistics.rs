//! `--statistics`: findings per rule, most first, with the files they are in.

use std::io;

use codespan_reporting::term::termcolor::WriteColor;
use newslint::Rule;

use super::{FileProblem, FileReport, Reporter, Summary, plural, problem_to_stderr};

pub(super) struct Statistics<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    pub(super) rules: &'a [&'a Rule],
    /// rule id → (findings, files with one, fixable findings)
    pub(super) counts: std::collections::BTreeMap<String, (usize, usize, usize)>,
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
            let severity = self
                .rules
                .iter()
                .find(|r| &*r.id == rule)
                .map_or("info", |r| r.severity.as_str());
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
