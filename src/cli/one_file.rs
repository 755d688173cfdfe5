//! One file of `newslint check`: read (from disk or standard input), decoded, linted, and
//! with `--fix` fixed and written back or with `--diff` diffed; what came of it goes back
//! to the run, which reports the files in order.

use std::path::{Path, PathBuf};

use newslint::{Diagnostic, Engine, Format};

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

pub(super) fn lint_input(
    input: &Input,
    stdin: Option<&[u8]>,
    engine: &Engine,
    args: &CheckArgs,
    today: Option<jiff::civil::Date>,
) -> Outcome {
    let path = input.display_path().to_path_buf();
    // `[[per-file]]` globs match the path from the config's folder (see `load_config`).
    let rooted = walk::rooted(&path);
    let bytes = match input {
        Input::Stdin(_) => stdin.unwrap_or_default().to_vec(),
        Input::File(file) => match std::fs::read(file) {
            Ok(bytes) => bytes,
            Err(err) => {
                return Outcome::Problem {
                    path,
                    message: walk::io_message(&err),
                    position: None,
                };
            }
        },
    };
    let format = Format::from_path(&path);
    if format == Format::Docx {
        // A Word file is checked, never written: `--fix` and `--diff` leave it alone.
        return match newslint::Document::read_docx_with(&bytes, engine.read_options()) {
            Ok(doc) => {
                let diagnostics = engine.check(&rooted, &doc, today);
                Outcome::checked(path, doc.into_file_text(), diagnostics)
            }
            Err(err) => Outcome::Problem {
                path,
                message: err.0,
                position: None,
            },
        };
    }
    let source = match decode(bytes) {
        Ok(text) => text,
        Err((message, position)) => {
            return Outcome::Problem {
                path,
                message,
                position,
            };
        }
    };
    let parse_problem = |err: newslint::ParseError| Outcome::Problem {
        path: path.clone(),
        message: err.message,
        position: Some(err.position),
    };

    if args.fix || args.diff {
        let original = source.clone();
        let outcome = match engine.fix(&rooted, source, format, args.unsafe_fixes, today) {
            Ok(outcome) => outcome,
            Err(err) => return parse_problem(err),
        };
        let changed = outcome.text != original;
        let mut diff = None;
        let mut fixed = None;
        if args.diff {
            if changed {
                diff = Some(unified_diff(&path, &original, &outcome.text));
            }
            // --diff changes nothing: report the findings of the original text.
            return match engine.check_text(&rooted, original, format, today) {
                Ok((doc, diagnostics)) => Outcome::Linted {
                    path,
                    source: doc.into_file_text(),
                    diagnostics,
                    diff,
                    fixed,
                    fixed_by_rule: Default::default(),
                },
                Err(err) => parse_problem(err),
            };
        }
        match input {
            Input::Stdin(_) => fixed = Some(outcome.text.clone()),
            Input::File(file) if changed => {
                if let Err(write::NotWritten(message)) =
                    write::write_fixed(file, original.as_bytes(), outcome.text.as_bytes())
                {
                    return Outcome::Problem {
                        path,
                        message,
                        position: None,
                    };
                }
            }
            Input::File(_) => {}
        }
        let source = outcome.text;
        return Outcome::Linted {
            path,
            source,
            diagnostics: outcome.remaining,
            diff,
            fixed,
            fixed_by_rule: outcome.applied_by_rule,
        };
    }

    match engine.check_text(&rooted, source, format, today) {
        Ok((doc, diagnostics)) => Outcome::checked(path, doc.into_file_text(), diagnostics),
        Err(err) => parse_problem(err),
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
