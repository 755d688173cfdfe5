//! `newslint check` in three steps: rule selection (which files, under which settings),
//! output setup (where the report goes and in which format), and the lint loop (files
//! linted on worker threads by the engine's façade, reported in order). What happens to
//! one file is in `one_file`.

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;
use std::sync::Arc;

use codespan_reporting::term::termcolor::{self, BufferedStandardStream, WriteColor};
use newslint::config::FailLevel;
use newslint::line_index::LineIndex;
use newslint::rules::Rule;
use newslint::{Engine, Format};

use super::args::{CheckArgs, FailOn, OutputFormat};
use super::one_file::{Outcome, lint_input};
use super::report::{self, FileProblem, FileReport, Reporter, Summary};
use super::walk::{self, Input, WalkError};
use super::{
    EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, engines, errors, in_order, output, use_color,
};

/// Bytes of the report gathered before each write to standard output.
const REPORT_BUFFER: usize = 128 << 10;

/// Run `newslint check`.
pub(super) fn check(args: CheckArgs) -> u8 {
    let selection = match Selection::of(&args) {
        Ok(selection) => selection,
        Err(code) => return code,
    };
    let run_rules = report::rules_of_run(
        std::iter::once(&*selection.base).chain(selection.inputs.iter().map(|(_, e)| &**e)),
    );
    let mut run = Run::set_up(&args, &selection, &run_rules);
    match lint_and_report(&args, &selection, &mut run) {
        Ok(()) => run.finish(),
        Err(code) => code,
    }
}

/// The files of a run, each with the settings that apply to it.
struct Selection {
    /// The settings of the folder newslint runs from.
    base: Arc<Engine>,
    inputs: Vec<(Input, Arc<Engine>)>,
    walk_errors: Vec<WalkError>,
    /// A config did not load: its files are left out and its errors printed.
    config_failed: bool,
}

impl Selection {
    /// Walk the paths and find each file's settings, with `--select`/`--ignore` applied;
    /// config errors are printed here. Err is the exit code of a run that cannot start.
    fn of(args: &CheckArgs) -> Result<Self, u8> {
        let mut engines = engines::Engines::new(&args.config, &args.select, &args.ignore);
        let Some(base) = engines.fallback() else {
            return Err(errors::print(&engines.errors));
        };
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        };
        let (mut inputs, walk_errors) = walk::collect_inputs(
            &paths,
            &mut engines,
            args.stdin_filename.as_deref(),
            args.force_exclude,
        );
        let unknown = engines.unknown_ids();
        if !unknown.is_empty() {
            for id in unknown {
                eprintln!("error: {id}");
            }
            return Err(EXIT_TROUBLE);
        }
        if args.fix || args.diff {
            // A link and its target (or two hard links) are one article: fix it once.
            walk::keep_one_per_file(&mut inputs);
        }
        // Standard input takes the settings of the name `--stdin-filename` gives it.
        let inputs: Vec<(Input, Arc<Engine>)> = inputs
            .into_iter()
            .filter_map(|input| {
                let engine = engines.for_file(input.display_path())?;
                Some((input, engine))
            })
            .collect();
        let config_failed = !engines.errors.is_empty();
        if config_failed {
            errors::print(&engines.errors);
        }
        let selection = Self {
            base,
            inputs,
            walk_errors,
            config_failed,
        };
        selection.note_docx_not_fixed(args);
        Ok(selection)
    }

    fn reads_stdin(&self) -> bool {
        self.inputs
            .iter()
            .any(|(i, _)| matches!(i, Input::Stdin(_)))
    }

    fn note_docx_not_fixed(&self, args: &CheckArgs) {
        let has_docx = self
            .inputs
            .iter()
            .any(|(i, _)| Format::from_path(i.display_path()) == Format::Docx);
        if (args.fix || args.diff) && has_docx {
            eprintln!(
                "note: .docx files are checked but never written: their findings are reported without fixes"
            );
        }
    }
}

/// Where the report goes, and what the run has found so far.
struct Run<'a> {
    out: output::Output,
    reporter: Box<dyn Reporter + 'a>,
    summary: Summary,
    /// A file could not be checked, or a config did not load.
    trouble: bool,
    /// A finding at or above its file's fail level (or a diff to show).
    failed: bool,
    /// Standard input fixed, printed after the report.
    stdout_fixed: Vec<String>,
}

impl<'a> Run<'a> {
    /// The report's stream (standard error when `--fix` prints the fixed standard input),
    /// its colours and its format.
    fn set_up(args: &CheckArgs, selection: &Selection, run_rules: &'a [&'a Rule]) -> Self {
        let report_to_stderr = args.fix && selection.reads_stdin();
        let is_terminal = if report_to_stderr {
            io::stderr().is_terminal()
        } else {
            io::stdout().is_terminal()
        };
        let color = if args.format == OutputFormat::Human {
            use_color(args.color, is_terminal)
        } else {
            termcolor::ColorChoice::Never
        };
        let stream: Box<dyn WriteColor> = if report_to_stderr {
            Box::new(BufferedStandardStream::stderr(color))
        } else if color == termcolor::ColorChoice::Never && !is_terminal {
            // termcolor's buffer is 8 KB: a JSON report of 40 copies of BBC (180 MB) took
            // 26,000 writes. A terminal keeps it, so a reader sees findings as they come.
            let buffered = io::BufWriter::with_capacity(REPORT_BUFFER, io::stdout());
            Box::new(termcolor::NoColor::new(buffered))
        } else {
            Box::new(BufferedStandardStream::stdout(color))
        };
        let out = output::Output::new(stream);
        let to = Box::new(out.clone());
        let reporter = if args.statistics {
            report::statistics(args.format, to, is_terminal, run_rules)
        } else {
            let files = selection.inputs.len();
            report::reporter(args.format, to, is_terminal, run_rules, files)
        };
        Self {
            out,
            reporter,
            summary: Summary {
                fixing: args.fix && !args.diff,
                diffing: args.diff,
                ..Summary::default()
            },
            trouble: selection.config_failed,
            failed: false,
            stdout_fixed: Vec::new(),
        }
    }

    /// A file that could not be checked.
    fn problem(&mut self, problem: &FileProblem) -> io::Result<()> {
        self.trouble = true;
        self.summary.problems += 1;
        self.reporter.problem(problem)
    }

    /// Report one file's outcome, judged against its settings' fail level.
    fn record(&mut self, outcome: Outcome, fail_level: FailLevel) {
        let (path, source, diagnostics, diff, fixed, fixed_by_rule) = match outcome {
            Outcome::Linted {
                path,
                source,
                diagnostics,
                diff,
                fixed,
                fixed_by_rule,
            } => (path, source, diagnostics, diff, fixed, fixed_by_rule),
            Outcome::Problem {
                path,
                message,
                position,
            } => {
                let problem = FileProblem {
                    path: &path,
                    message,
                    position,
                };
                let _ = self.problem(&problem);
                return;
            }
        };
        if let Some(diff) = diff {
            // Through the reporter, so the two stay in order (and JSON stays one document).
            let _ = self.reporter.diff(&path, &diff);
            self.failed = true;
        }
        self.stdout_fixed.extend(fixed);
        if !fixed_by_rule.is_empty() {
            let _ = self.reporter.fixed(&path, &fixed_by_rule);
        }
        self.summary.add(&diagnostics);
        self.summary.add_fixed(&fixed_by_rule);
        self.failed |= diagnostics.iter().any(|d| fail_level.fails(d.severity));
        let lines = LineIndex::new(&source);
        let positions = report::positions_of(&lines, &source, &diagnostics);
        let _ = self.reporter.file(&FileReport {
            path: &path,
            source: &source,
            lines: &lines,
            positions: &positions,
            diagnostics: &diagnostics,
        });
    }

    /// Whether everything so far was written (a closed pipe or a full disk stops the run).
    fn writing(&self) -> bool {
        self.out.status() == output::Written::Whole
    }

    /// Finish the report, print any fixed standard input, and give the exit code.
    fn finish(self) -> u8 {
        let Self {
            out,
            mut reporter,
            summary,
            trouble,
            failed,
            stdout_fixed,
        } = self;
        let _ = reporter.finish(&summary);
        drop(reporter);
        let exit = if trouble {
            EXIT_TROUBLE
        } else if failed {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        };
        match out.finish() {
            output::Written::Whole => {}
            // The reader has what it wanted (`| head -1`).
            output::Written::Closed => return exit,
            output::Written::Failed(message) => {
                eprintln!("error: {message}");
                return EXIT_TROUBLE;
            }
        }
        for text in stdout_fixed {
            if let Some(code) = output::print_stdout(&text) {
                return code.max(exit);
            }
        }
        exit
    }
}

/// Report the paths the walk could not use, then lint the files on worker threads and
/// report each, in order, as soon as it and those before it are done ([`in_order`]). Err is
/// the exit code of a run cut short.
fn lint_and_report(args: &CheckArgs, selection: &Selection, run: &mut Run) -> Result<(), u8> {
    for error in &selection.walk_errors {
        let problem = FileProblem {
            path: &error.path,
            message: error.message.clone(),
            position: None,
        };
        if run.problem(&problem).is_err() {
            return Err(EXIT_TROUBLE);
        }
    }
    let stdin_text = if selection.reads_stdin() {
        Some(read_stdin()?)
    } else {
        None
    };
    let lint_one = |(input, engine): &(Input, Arc<Engine>)| {
        lint_input(input, stdin_text.as_deref(), engine, args)
    };
    let mut report_one = |(_, engine): &(Input, Arc<Engine>), outcome: Outcome| {
        run.record(outcome, fail_level_of(args.fail_on, engine));
        run.writing()
    };
    let inputs = &selection.inputs;
    let threads = worker_threads(args.jobs, inputs.len());
    if threads <= 1 {
        // One thread (`-j 1`, or one file, the editor's case): lint and report in turn.
        for input in inputs {
            if !report_one(input, lint_one(input)) {
                break;
            }
        }
        return Ok(());
    }
    in_order::run(inputs, threads, lint_one, |i, outcome| {
        report_one(&inputs[i], outcome)
    });
    Ok(())
}

/// `--fail-on`, or the file's config's `fail-on`.
fn fail_level_of(fail_on: Option<FailOn>, engine: &Engine) -> FailLevel {
    match fail_on {
        Some(FailOn::Error) => FailLevel::Error,
        Some(FailOn::Warning) => FailLevel::Warning,
        Some(FailOn::Info) => FailLevel::Info,
        Some(FailOn::Never) => FailLevel::Never,
        None => engine.config().fail_on().unwrap_or_default(),
    }
}

fn read_stdin() -> Result<Vec<u8>, u8> {
    let mut bytes = Vec::new();
    match io::stdin().read_to_end(&mut bytes) {
        Ok(_) => Ok(bytes),
        Err(err) => {
            eprintln!("error: cannot read standard input: {err}");
            Err(EXIT_TROUBLE)
        }
    }
}

/// Threads for `-j N`: never more than the files, nor more than 4 per core (linting is CPU
/// work; `-j 100000` spent minutes starting threads). None or 0: one per core.
fn worker_threads(jobs: Option<usize>, files: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let asked = match jobs {
        None | Some(0) => cores,
        Some(n) => n.min(4 * cores),
    };
    asked.min(files).max(1)
}
