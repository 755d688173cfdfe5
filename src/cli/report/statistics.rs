//! `--statistics`: findings per rule, most first, with the files they are in; with
//! `--format json`, the same table as one JSON document.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal as _, Write as _};
use std::path::Path;

use codespan_reporting::term::termcolor::WriteColor;
use newslint::Rule;
use serde_json::json;

use super::{
    FileProblem, FileReport, Reporter, Summary, diff_for, fixed_file_line, fixed_total_to_stderr,
    plural, problem_to_stderr, shown,
};

pub(super) struct Statistics<'a> {
    pub(super) out: Box<dyn WriteColor + 'a>,
    pub(super) rules: &'a [&'a Rule],
    /// One JSON document instead of the table.
    pub(super) json: bool,
    /// Whether `out` is a terminal (a diff is then shown with its control characters escaped).
    pub(super) terminal: bool,
    /// rule id → (findings, files with one, fixable findings)
    pub(super) counts: BTreeMap<String, (usize, usize, usize)>,
}

impl Statistics<'_> {
    fn severity_of(&self, rule: &str) -> &'static str {
        self.rules
            .iter()
            .find(|r| &*r.id == rule)
            .map_or("info", |r| r.severity.as_str())
    }

    fn finish_json(
        &mut self,
        s: &Summary,
        rows: &[(&String, &(usize, usize, usize))],
    ) -> io::Result<()> {
        let rules: Vec<serde_json::Value> = rows
            .iter()
            .map(|(rule, (found, files, fixable))| {
                json!({
                    "rule": rule,
                    "severity": self.severity_of(rule),
                    "found": found,
                    "files": files,
                    "fixable": fixable,
                })
            })
            .collect();
        let document = json!({
            "version": 1,
            "files": s.files,
            "files_with_findings": s.files_with_findings,
            "findings": rows.iter().map(|(_, c)| c.0).sum::<usize>(),
            "rules": rules,
            "summary": {"errors": s.errors, "warnings": s.warnings, "infos": s.infos},
            "could_not_check": s.problems,
        });
        fixed_total_to_stderr(s)?;
        crate::cli::json_text::to_writer(&mut self.out, &document)?;
        writeln!(self.out)
    }
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

    fn fixed(&mut self, path: &Path, by_rule: &BTreeMap<String, usize>) -> io::Result<()> {
        let line = fixed_file_line(path, by_rule);
        if self.json {
            writeln!(io::stderr(), "{line}")
        } else {
            writeln!(self.out, "{line}")
        }
    }

    fn diff(&mut self, _path: &Path, diff: &str) -> io::Result<()> {
        if self.json {
            io::stderr().write_all(diff_for(diff, io::stderr().is_terminal()).as_bytes())
        } else {
            self.out.write_all(diff_for(diff, self.terminal).as_bytes())
        }
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let counts = std::mem::take(&mut self.counts);
        let mut rows: Vec<(&String, &(usize, usize, usize))> = counts.iter().collect();
        rows.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        if self.json {
            return self.finish_json(s, &rows);
        }
        if let Some(fixed) = s.fixed_line() {
            writeln!(self.out, "{fixed}")?;
        }
        writeln!(
            self.out,
            "{:>7}  {:>6}  {:>7}  {:<8}  rule",
            "found", "files", "fixable", "severity"
        )?;
        for (rule, (found, files, fixable)) in &rows {
            let severity = self.severity_of(rule);
            writeln!(
                self.out,
                "{found:>7}  {files:>6}  {fixable:>7}  {severity:<8}  {}",
                shown(rule)
            )?;
        }
        let total: usize = rows.iter().map(|(_, c)| c.0).sum();
        writeln!(
            self.out,
            "{total:>7}  findings in {} ({} checked)",
            plural(s.files_with_findings, "file"),
            s.files
        )
    }
}
