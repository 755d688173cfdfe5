//! Integration tests of the `newslint` command line, run as a real binary on invented
//! articles in temporary folders: every output format, exit codes, standard input, rule-file
//! and config errors, `rules` and `explain`, `--select`/`--ignore`, and folder walking.
//! One test binary; each module below covers one of those.

#[path = "../common/mod.rs"]
mod common;

mod exit_codes;
mod folder_walk;
mod output_formats;
mod rule_files;
mod rules_and_explain;
mod select_and_ignore;
mod stdin;
