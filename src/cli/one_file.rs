//! One file of `newslint check`: read (from disk or standard input), decoded, linted, and
//! with `--fix` fixed and written back or with `--diff` diffed; what came of it goes back
//! to the run, which reports the files in order.

use std::path::{Path, PathBuf};

use newslint::{Diagnostic, Engine, Format, ParseError, fix::FixOutcome};

use super::args::CheckArgs;
use super::decode::decode;
use super::walk::{self, Input};
use super::write;

/// The outcome of one file.
pub(super) enum Outcome {
    Linted {
        path: PathBuf,
        source: String,
        diagnostics: Vec<Diagnostic>,
        diff: Option<String>,
        fixed: Option<String>,
        /// Fixes `--fix` applied, by rule.
        fixed_by_rule: std::collections::BTreeMap<String, usize>,
    },
    Problem {
        path: PathBuf,
        message: String,
        position: Option<(usize, usize)>,
    },
}

impl Outcome {
    fn problem(path: PathBuf, message: String, position: Option<(usize, usize)>) -> Self {
        Outcome::Problem {
            path,
            message,
            position,
        }
    }

    /// A file checked and left as it was.
    fn checked(path: PathBuf, source: String, diagnostics: Vec<Diagnostic>) -> Self {
        Outcome::Linted {
            path,
            source,
            diagnostics,
            diff: None,
            fixed: None,
            fixed_by_rule: Default::default(),
        }
    }
}

/// Lint one file: read, decode, check, and with `--diff` diff or with `--fix` fix it.
pub(super) fn lint_input(
    input: &Input,
    stdin: Option<&[u8]>,
    engine: &Engine,
    args: &CheckArgs,
) -> Outcome {
    let path = input.display_path().to_path_buf();
    let bytes = match input {
        Input::Stdin(_) => stdin.unwrap_or_default().to_vec(),
        Input::File(file) => match super::read_file::read_capped(file) {
            Ok(bytes) => bytes,
            Err(err) => return Outcome::problem(path, walk::io_message(&err), None),
        },
    };
    let file = Checked {
        // `[[per-file]]` globs match the path from the config's folder (see `load_config`).
        rooted: walk::rooted(&path),
        format: Format::from_path(&path),
        path,
        engine,
    };
    if file.format == Format::Docx {
        // A Word file is checked, never written: `--fix` and `--diff` leave it alone.
        return file.docx(&bytes);
    }
    let source = match decode(bytes) {
        Ok(text) => text,
        Err((message, position)) => return Outcome::problem(file.path, message, position),
    };
    if args.diff {
        file.diff(source, args.unsafe_fixes)
    } else if args.fix {
        file.fix(input, source, args.unsafe_fixes)
    } else {
        file.check(source, None)
    }
}

/// One file being checked, with the settings that apply to it.
struct Checked<'a> {
    /// The path as given (or `--stdin-filename`).
    path: PathBuf,
    /// The path from the config's folder.
    rooted: PathBuf,
    format: Format,
    engine: &'a Engine,
}

impl Checked<'_> {
    fn docx(self, bytes: &[u8]) -> Outcome {
        match newslint::Document::read_docx_with(bytes, self.engine.read_options()) {
            Ok(doc) => {
                let diagnostics = self.engine.check(&self.rooted, &doc);
                Outcome::checked(self.path, doc.into_file_text(), diagnostics)
            }
            Err(err) => Outcome::problem(self.path, err.0, None),
        }
    }

    /// The findings of `source` as it is, with `diff` beside them.
    fn check(self, source: String, diff: Option<String>) -> Outcome {
        match (self.engine).check_text(&self.rooted, source, self.format) {
            Ok((doc, diagnostics)) => Outcome::Linted {
                path: self.path,
                source: doc.into_file_text(),
                diagnostics,
                diff,
                fixed: None,
                fixed_by_rule: Default::default(),
            },
            Err(err) => self.parse_problem(err),
        }
    }

    fn fixed(&self, source: String, unsafe_fixes: bool) -> Result<FixOutcome, ParseError> {
        (self.engine).fix(&self.rooted, source, self.format, unsafe_fixes)
    }

    /// `--diff` changes nothing: the diff of the fixes, and the findings of the original.
    fn diff(self, source: String, unsafe_fixes: bool) -> Outcome {
        let outcome = match self.fixed(source.clone(), unsafe_fixes) {
            Ok(outcome) => outcome,
            Err(err) => return self.parse_problem(err),
        };
        let diff =
            (outcome.text != source).then(|| unified_diff(&self.path, &source, &outcome.text));
        self.check(source, diff)
    }

    /// `--fix`: the fixed text written back (or printed, for standard input), and the
    /// findings left in it.
    fn fix(self, input: &Input, source: String, unsafe_fixes: bool) -> Outcome {
        let outcome = match self.fixed(source.clone(), unsafe_fixes) {
            Ok(outcome) => outcome,
            Err(err) => return self.parse_problem(err),
        };
        let mut fixed = None;
        match input {
            Input::Stdin(_) => fixed = Some(outcome.text.clone()),
            Input::File(file) if outcome.text != source => {
                let written = write::write_fixed(file, source.as_bytes(), outcome.text.as_bytes());
                if let Err(write::NotWritten(message)) = written {
                    return Outcome::problem(self.path, message, None);
                }
            }
            Input::File(_) => {}
        }
        Outcome::Linted {
            path: self.path,
            source: outcome.text,
            diagnostics: outcome.remaining,
            diff: None,
            fixed,
            fixed_by_rule: outcome.applied_by_rule,
        }
    }

    fn parse_problem(&self, err: ParseError) -> Outcome {
        Outcome::problem(self.path.clone(), err.message, Some(err.position))
    }
}

fn unified_diff(path: &Path, before: &str, after: &str) -> String {
    let name = path.display().to_string();
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
