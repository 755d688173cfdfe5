//! The command-line front end: reads configuration, walks paths, lints files in parallel,
//! applies fixes on disk, and renders reports. All printing happens here.

pub mod args;
mod check;
pub(crate) mod commands;
mod decode;
pub(crate) mod engines;
mod errors;
mod in_order;
mod inspect;
mod json_text;
mod one_file;
mod output;
pub(crate) mod read_file;
mod report;
pub(crate) mod settings;
pub(crate) mod settings_file;
mod terminal;
mod walk;
mod write;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use codespan_reporting::term::termcolor;
use newslint::config::Config;
use newslint::{ConfigError, RuleSet};

use args::{Cli, ColorChoice, Command, ConfigArgs};
use check::check;
pub(crate) use decode::read_document;
#[cfg(feature = "lsp")]
pub(crate) use walk::io_message;

#[cfg(feature = "serve")]
pub(crate) use errors::print as print_config_errors;

/// Exit code: nothing at or above the fail level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the fail level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, config or I/O error.
pub const EXIT_TROUBLE: u8 = 2;

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
