//! The `newslint` binary: the command-line front end over the newslint engine.

mod cli;
#[cfg(feature = "lsp")]
mod lsp;
#[cfg(feature = "serve")]
mod serve;

fn main() -> std::process::ExitCode {
    cli::run()
}
