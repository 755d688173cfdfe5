//! The command-line front end: reads configuration, walks paths, lints files in parallel,
//! applies fixes on disk, and renders reports. All printing happens here.

pub mod args;
mod clock;
pub(crate) mod commands;
mod decode;
pub(crate) mod engines;
mod errors;
mod inspect;
mod json_text;
mod one_file;
mod output;
mod report;
pub(crate) mod settings;
pub(crate) mod settings_file;
mod terminal;
mod walk;
mod write;

use std::io::{self, IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;
use codespan_reporting::term::termcolor::{self, BufferedStandardStream, WriteColor};
use newslint::config::{Config, FailLevel};
use newslint::line_index::LineIndex;
use newslint::{ConfigError, Engine, Format, RuleSet};
use rayon::prelude::*;

use args::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, FailOn, OutputFormat};
pub(crate) use clock::today;
pub(crate) use decode::read_document;
use one_file::{Outcome, lint_input};
use report::{FileProblem, FileReport, Summary};
use walk::Input;

#[cfg(feature = "serve")]
pub(crate) use errors::print as print_config_errors;

/// Exit code: nothing at or above the fail level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, config or I/O error.
pub const EXIT_TROUBLE: u8 = 2;

/// How many files are linted between two flushes of ordered output: enough to keep every
/// core busy, few enough that memory does not grow with the archive.
const CHUNK: usize = 256;

/// Run the command line.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        None => check(cli.check),
        Some(Command::Check(args)) => check(args),
        Some(Command::Rules(config)) => commands::rules(&config),
        Some(Command::Explain { rule, config }) => commands::explain(&rule, &config),
        Some(Command::Test { paths, config }) => commands::test(&paths, &config),
        Some(Command::Init { dir }) => commands::init(&dir),
        Some(Command::Config { path, config }) => commands::config(&path, &config),
        Some(Command::Inspect {
            file,
            format,
            stdin_filename,
            config,
        }) => inspect::run(&file, stdin_filename.as_deref(), format, &config),
        #[cfg(feature = "serve")]
        Some(Command::Serve(args)) => crate::serve::run(args),
        #[cfg(feature = "lsp")]
        Some(Command::Lsp(args)) => crate::lsp::run(args),
    };
    ExitCode::from(code)
}

/// Load the config the arguments point to (or the defaults).
pub(crate) fn load_config(args: &ConfigArgs) -> Result<Config, Vec<ConfigError>> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    if args.isolated {
        return Ok(Config::defaults(cwd));
    }
    let mut config = match &args.config {
        Some(path) => settings_file::read_config(path)?,
        None => match settings_file::discover(&cwd) {
            Some(path) => settings_file::read_config(&path)?,
            None => Config::defaults(cwd),
        },
    };
    // Globs are relative to the config's folder whatever folder newslint runs from: both
    // sides of the match are made absolute.
    config.root = walk::rooted(&config.root);
    Ok(config)
}

/// Load the config and compile its rules, printing errors.
pub(crate) fn load_rules(args: &ConfigArgs) -> Result<(Config, RuleSet), u8> {
    let config = load_config(args).map_err(|errs| errors::print(&errs))?;
    let rules = settings_file::compile_rules(&config).map_err(|errs| errors::print(&errs))?;
    Ok((config, rules))
}

fn use_color(choice: ColorChoice, stream_is_terminal: bool) -> termcolor::ColorChoice {
    match choice {
        ColorChoice::Always => termcolor::ColorChoice::Always,
        ColorChoice::Never => termcolor::ColorChoice::Never,
        ColorChoice::Auto => {
            if stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) {
                termcolor::ColorChoice::Auto
            } else {
                termcolor::ColorChoice::Never
            }
        }
    }
}

fn check(args: CheckArgs) -> u8 {
    let mut engines = engines::Engines::new(&args.config, &args.select, &args.ignore);
    let Some(base) = engines.fallback() else {
        return errors::print(&engines.errors);
    };
    let today = Some(today());
    let fail_level_of = |engine: &Engine| match args.fail_on {
        Some(FailOn::Error) => FailLevel::Error,
        Some(FailOn::Warning) => FailLevel::Warning,
        Some(FailOn::Info) => FailLevel::Info,
        Some(FailOn::Never) => FailLevel::Never,
        None => engine.config().fail_on().unwrap_or_default(),
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
        return EXIT_TROUBLE;
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
    let mut trouble = !engines.errors.is_empty();
    if trouble {
        errors::print(&engines.errors);
    }
    let stdin_fix = args.fix && inputs.iter().any(|(i, _)| matches!(i, Input::Stdin(_)));
    if (args.fix || args.diff)
        && inputs
            .iter()
            .any(|(i, _)| Format::from_path(i.display_path()) == Format::Docx)
    {
        eprintln!(
            "note: .docx files are checked but never written: their findings are reported without fixes"
        );
    }

    let report_to_stderr = stdin_fix;
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
    } else {
        Box::new(BufferedStandardStream::stdout(color))
    };
    let out = output::Output::new(stream);
    let run_rules =
        report::rules_of_run(std::iter::once(&*base).chain(inputs.iter().map(|(_, e)| &**e)));
    let mut reporter = if args.statistics {
        report::statistics(args.format, Box::new(out.clone()), is_terminal, &run_rules)
    } else {
        report::reporter(
            args.format,
            Box::new(out.clone()),
            is_terminal,
            &run_rules,
            inputs.len(),
        )
    };
    let mut summary = Summary {
        fixing: args.fix && !args.diff,
        diffing: args.diff,
        ..Summary::default()
    };
    let mut failed = false;

    for error in &walk_errors {
        trouble = true;
        summary.problems += 1;
        let problem = FileProblem {
            path: &error.path,
            message: error.message.clone(),
            position: None,
        };
        if reporter.problem(&problem).is_err() {
            return EXIT_TROUBLE;
        }
    }

    // One file (the editor's case) is linted on this thread: no pool to start.
    let pool = if inputs.len() > 1 {
        match rayon::ThreadPoolBuilder::new()
            .num_threads(worker_threads(args.jobs, inputs.len()))
            .build()
        {
            Ok(pool) => Some(pool),
            Err(err) => {
                eprintln!("error: cannot start the worker threads: {err}");
                return EXIT_TROUBLE;
            }
        }
    } else {
        None
    };
    let stdin_text = if inputs.iter().any(|(i, _)| matches!(i, Input::Stdin(_))) {
        let mut bytes = Vec::new();
        match io::stdin().read_to_end(&mut bytes) {
            Ok(_) => Some(bytes),
            Err(err) => {
                eprintln!("error: cannot read standard input: {err}");
                return EXIT_TROUBLE;
            }
        }
    } else {
        None
    };
    let mut stdout_fixed = Vec::new();
    for chunk in inputs.chunks(CHUNK) {
        let lint_one = |(input, engine): &(Input, Arc<Engine>)| {
            lint_input(input, stdin_text.as_deref(), engine, &args, today)
        };
        let outcomes: Vec<Outcome> = match &pool {
            Some(pool) => pool.install(|| chunk.par_iter().map(lint_one).collect()),
            None => chunk.iter().map(lint_one).collect(),
        };
        for (outcome, (_, engine)) in outcomes.into_iter().zip(chunk) {
            let fail_level = fail_level_of(engine);
            let written = match outcome {
                Outcome::Linted {
                    path,
                    source,
                    diagnostics,
                    diff,
                    fixed,
                    fixed_by_rule,
                } => {
                    if let Some(diff) = diff {
                        // Through the reporter, so the two stay in order (and JSON stays
                        // one document).
                        let _ = reporter.diff(&path, &diff);
                        failed = true;
                    }
                    if let Some(fixed) = fixed {
                        stdout_fixed.push(fixed);
                    }
                    if !fixed_by_rule.is_empty() {
                        let _ = reporter.fixed(&path, &fixed_by_rule);
                    }
                    summary.add(&diagnostics);
                    summary.add_fixed(&fixed_by_rule);
                    failed |= diagnostics.iter().any(|d| fail_level.fails(d.severity));
                    let lines = LineIndex::new(&source);
                    let positions = report::positions_of(&lines, &source, &diagnostics);
                    reporter.file(&FileReport {
                        path: &path,
                        source: &source,
                        lines: &lines,
                        positions: &positions,
                        diagnostics: &diagnostics,
                    })
                }
                Outcome::Problem {
                    path,
                    message,
                    position,
                } => {
                    trouble = true;
                    summary.problems += 1;
                    reporter.problem(&FileProblem {
                        path: &path,
                        message,
                        position,
                    })
                }
            };
            let _ = written;
            if out.status() != output::Written::Whole {
                break;
            }
        }
        if out.status() != output::Written::Whole {
            break;
        }
    }
    let _ = reporter.finish(&summary);
    drop(reporter);
    let exit = |trouble: bool, failed: bool| {
        if trouble {
            EXIT_TROUBLE
        } else if failed {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        }
    };
    match out.finish() {
        output::Written::Whole => {}
        // The reader has what it wanted (`| head -1`).
        output::Written::Closed => return exit(trouble, failed),
        output::Written::Failed(message) => {
            eprintln!("error: {message}");
            return EXIT_TROUBLE;
        }
    }
    for text in stdout_fixed {
        if let Some(code) = output::print_stdout(&text) {
            return code.max(exit(trouble, failed));
        }
    }
    exit(trouble, failed)
}

/// Threads for `-j N`: never more than the files, nor more than 4 per core (linting is CPU
/// work; `-j 100000` spent minutes starting threads). 0 lets rayon choose (one per core).
fn worker_threads(jobs: Option<usize>, files: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    match jobs {
        None | Some(0) => 0,
        Some(n) => n.min(files).min(4 * cores).max(1),
    }
}
