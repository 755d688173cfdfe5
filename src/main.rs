//! The `newslint` binary: the command-line front end over the newslint engine.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
