//! The bad-input matrix: files, folders, front matter, dates and rule files that are broken
//! or extreme. Each case checks that newslint does not panic (exit 0, 1 or 2, never 101),
//! exits with the right code, names the file (and line and column where there is one) in
//! its message, and still lints a good file given in the same run.
//! One test binary: the harness every case shares is here, the cases are in the modules
//! below, one a kind of bad input.

#[path = "../common/mod.rs"]
mod common;

mod dates;
mod encoding;
mod front_matter;
mod paths;
mod rule_files;
mod size_and_depth;

use common::{Desk, ONLY_WARNING, Run};

/// The good article every case lints alongside the bad input.
const GOOD: &str = "good.md";

/// Its one finding, as `--format concise` prints it.
const GOOD_CONCISE: &str =
    "good.md:3:61: warning[repeated-word] \"the the\": the word is repeated\n";

/// Its one finding's location, as the human format draws it.
const GOOD_HUMAN: &str = "┌─ good.md:3:61\n";

/// A photo credit line: articles that carry one draw no `photo-credit-missing`.
const CREDIT: &str = "Photo: Tidewater Gazette/Omar Lind";

/// No panic: a panic exits 101 and prints "panicked"; a hang is killed by the timeout of
/// [`Desk::cmd`] and has no exit code.
#[track_caller]
fn assert_no_panic(run: &Run) {
    assert!(
        !run.stderr.contains("panicked"),
        "newslint panicked:\n{}",
        clip(&run.stderr)
    );
    assert!(
        matches!(run.code, Some(0..=2)),
        "exit code {:?} (101 is a panic, none a timeout or a signal)\n--- stdout ---\n{}\n--- stderr ---\n{}",
        run.code,
        clip(&run.stdout),
        clip(&run.stderr)
    );
}

/// Assert the exit code, showing at most the start of both streams when it differs (some
/// failures print thousands of findings).
#[track_caller]
fn assert_code(run: &Run, code: i32) {
    assert_eq!(
        run.code,
        Some(code),
        "unexpected exit code\n--- stdout ---\n{}\n--- stderr ---\n{}",
        clip(&run.stdout),
        clip(&run.stderr)
    );
}

/// At most the first 4,000 bytes of `text`, for assertion messages.
fn clip(text: &str) -> &str {
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Assert that `haystack` contains `needle`, naming both.
#[track_caller]
fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "expected {needle:?} in:\n{}",
        clip(haystack)
    );
}

/// Assert that `text` ends with `suffix`, naming both.
#[track_caller]
fn assert_ends_with(text: &str, suffix: &str) {
    assert!(
        text.ends_with(suffix),
        "expected {suffix:?} at the end of:\n{}",
        clip(text)
    );
}

/// Write the good article into `desk`.
fn write_good(desk: &Desk) {
    desk.write(GOOD, ONLY_WARNING);
}

/// Lint `paths` and the good article, in the concise and the human format. Both runs must
/// not panic, must agree on the exit code, and must report the good article's finding.
#[track_caller]
fn run_both(desk: &Desk, paths: &[&str]) -> (Run, Run) {
    let mut concise_args = vec!["check", "--format", "concise"];
    concise_args.extend_from_slice(paths);
    concise_args.push(GOOD);
    let mut human_args = vec!["check", "--format", "human"];
    human_args.extend_from_slice(paths);
    human_args.push(GOOD);
    let concise = desk.run(&concise_args);
    let human = desk.run(&human_args);
    assert_no_panic(&concise);
    assert_no_panic(&human);
    assert_eq!(
        concise.code, human.code,
        "the formats disagree on the exit code\n--- concise ---\n{}{}\n--- human ---\n{}{}",
        concise.stdout, concise.stderr, human.stdout, human.stderr
    );
    assert_contains(&concise.stdout, GOOD_CONCISE);
    assert_contains(&human.stdout, GOOD_HUMAN);
    (concise, human)
}
