//! The `newslint` binary: the command-line front end over the newslint engine.

mod cli;
#[cfg(feature = "lsp")]
mod lsp;
#[cfg(feature = "serve")]
mod serve;

/// The binary's allocator. Compiling a rule pack is thousands of small allocations (regex
/// syntax trees, automata states): under glibc's allocator, `malloc` and `free` were a
/// quarter of a one-article run's instructions. The engine (the library) leaves the
/// choice to whoever links it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
