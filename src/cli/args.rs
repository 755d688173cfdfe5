//! Command-line arguments (clap derive). `newslint` alone, or with check options and paths,
//! is `newslint check`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// newslint: fact-check and style linter for news articles.
#[derive(Debug, Parser)]
#[command(
    name = "newslint",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do (default: check).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Options of `check`, accepted without the word `check`.
    #[command(flatten)]
    pub check: CheckArgs,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and folders (the default).
    Check(CheckArgs),
    /// List every loaded rule: id, kind, severity, pack.
    Rules(ConfigArgs),
    /// Print a rule's description, examples and link.
    Explain {
        /// The rule id.
        rule: String,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Run every example of every rule in the given pack files or folders (default: the
    /// packs the config loads).
    Test {
        /// Pack files or folders of `*.toml` packs.
        paths: Vec<PathBuf>,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Print how newslint reads an article: its format, headline, date, byline, dek, each
    /// paragraph with its role and span, credits and metadata.
    Inspect {
        /// The article file (`-` for standard input, read as `--stdin-filename` says).
        file: PathBuf,
        /// Human-readable text or one JSON object.
        #[arg(long, value_enum, default_value_t = InspectFormat::Human)]
        format: InspectFormat,
        /// The name (and so the format) of the article read from standard input.
        #[arg(long, value_name = "PATH")]
        stdin_filename: Option<PathBuf>,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Run the checking service (HTTP API) and the desk's page.
    #[cfg(feature = "serve")]
    Serve(crate::serve::ServeArgs),
    /// Run the language server over standard input and output (for editors).
    #[cfg(feature = "lsp")]
    Lsp(crate::lsp::LspArgs),
    /// Show which settings apply to a file and where each came from: the config file and
    /// line that set it, or "default".
    Config {
        /// The file (it need not exist yet).
        path: PathBuf,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Write a commented newslint.toml and a starter rules/house.toml.
    Init {
        /// The folder to write into.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

/// Where the configuration comes from.
#[derive(Debug, Args, Clone, Default)]
pub struct ConfigArgs {
    /// Use this config file instead of searching for newslint.toml.
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
    /// Ignore any newslint.toml and run the built-in `news` pack.
    #[arg(long, global = true, conflicts_with = "config")]
    pub isolated: bool,
}

/// Output formats of `inspect`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InspectFormat {
    /// One line per part of the article.
    #[default]
    Human,
    /// One JSON object (with `articleBody`, the body as plain text).
    Json,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    /// rustc-style diagnostics with the source line underlined.
    #[default]
    Human,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is unset.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The fail level on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail.
    Warning,
    /// Any finding fails.
    Info,
    /// Findings never fail.
    Never,
}

/// Options of `check`.
#[derive(Debug, Args, Clone, Default)]
pub struct CheckArgs {
    /// Files and folders to lint (`-` for standard input; default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
    /// Run only these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Skip these rules (comma-separated ids).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// The lowest severity that makes the exit code 1 (default: warning, or the config's).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Threads to lint with (default: one per core; at most one per file and 4 per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// The file name to report for standard input (and to pick its format).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Honour the config's `exclude` for files named on the command line too (for
    /// pre-commit and CI, which name every changed file).
    #[arg(long)]
    pub force_exclude: bool,
    /// Print how many findings each rule made, instead of the findings.
    #[arg(long, conflicts_with_all = ["fix", "diff"])]
    pub statistics: bool,
    /// Apply every safe fix and report what is left.
    #[arg(long)]
    pub fix: bool,
    /// Print a unified diff of what --fix would change; change nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Also apply fixes that rules mark unsafe.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Where the config comes from.
    #[command(flatten)]
    pub config: ConfigArgs,
}
