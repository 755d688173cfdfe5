//! Helpers shared by the integration tests: a temporary newsroom folder, invented articles,
//! and a way to run the real `newslint` binary in it and capture what it prints.

// Each test crate uses only some of these helpers.
#![allow(dead_code)]

pub mod docx;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

/// A fictional article with exactly one error and one warning, both on lines that carry
/// multi-byte characters before the finding:
/// - line 3, `repeated-word` (warning): the second "the" starts at character 31
///   (byte 59 of the file; "Café" and "Zoë" take two bytes each for one character);
/// - line 5, `placeholder-text` (error): "TK" starts at character 32 ("Ærø" takes two
///   extra bytes).
pub const FERRY: &str = "\
# Ferry timetable changes

Café owner Zoë Brant said the the late sailing would help trade.

Fares at the Ærø kiosk rise by TK percent in May.

Photo: Tidewater Gazette/Omar Lind
";

/// A fictional article with nothing to report: a headline, a body paragraph, an attributed
/// quote and a photo credit.
pub const CLEAN: &str = "\
# Pier to reopen after storm repairs

Repairs to the Tidewater pier are nearly finished, the council said on Monday.

\"We will reopen the pier in June,\" said harbourmaster Ines Calder.

Photo: Tidewater Gazette/Omar Lind
";

/// A fictional article whose only finding is a warning (`repeated-word`, line 3).
pub const ONLY_WARNING: &str = "\
# Lifeboat crew honoured

The crew of the Saltmarsh lifeboat received a medal for the the rescue.

Photo: Tidewater Gazette/Omar Lind
";

/// A fictional article whose only finding is an info (`unused-suppression`, line 3).
pub const ONLY_INFO: &str = "\
# Market returns to the square

<!-- newslint-disable-next-line repeated-word -->
The Saturday market returns to the square this weekend.

Photo: Tidewater Gazette/Omar Lind
";

/// A fictional article whose only finding is an error (`placeholder-text`, line 3).
pub const ONLY_ERROR: &str = "\
# Bridge tolls

Tolls on the Easton bridge will rise to TK from April.

Photo: Tidewater Gazette/Omar Lind
";

/// A temporary folder to write articles and configs into.
pub struct Desk {
    dir: TempDir,
}

impl Desk {
    /// An empty folder.
    pub fn new() -> Self {
        Self {
            dir: tempfile::Builder::new()
                .prefix("newslint-test-")
                .tempdir()
                .expect("create a temporary folder"),
        }
    }

    /// A folder whose `newslint.toml` is `config` and whose `house.toml` (a rule file, when
    /// `config` names it) is `house`.
    pub fn with_config(config: &str, house: &str) -> Self {
        let desk = Self::new();
        desk.write("newslint.toml", config);
        desk.write("house.toml", house);
        desk
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Write `text` to `relative` (creating folders) and return the full path.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, text).expect("write a file");
        path
    }

    /// `newslint` with `args`, run in this folder.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_newslint"));
        cmd.current_dir(self.dir.path())
            .env_remove("NO_COLOR")
            .timeout(Duration::from_secs(60))
            .args(args);
        cmd
    }

    /// Run `newslint` with `args` in this folder.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::from(self.cmd(args).output().expect("run newslint"))
    }

    /// Run `newslint` with `args` in this folder with one more environment variable
    /// (`NAME=value`).
    pub fn run_env(&self, args: &[&str], variable: &str) -> Run {
        let (name, value) = variable.split_once('=').expect("NAME=value");
        Run::from(
            self.cmd(args)
                .env(name, value)
                .output()
                .expect("run newslint"),
        )
    }

    /// Run `newslint` with `args` in this folder, with `stdin` piped in.
    pub fn run_with_stdin(&self, args: &[&str], stdin: &str) -> Run {
        Run::from(
            self.cmd(args)
                .write_stdin(stdin.to_string())
                .output()
                .expect("run newslint"),
        )
    }
}

impl Default for Desk {
    fn default() -> Self {
        Self::new()
    }
}

/// What one run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit code (None when killed by a signal or the timeout).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Self {
        Self {
            code: output.status.code(),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        }
    }
}

impl Run {
    /// Assert the exit code, showing both streams when it differs.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "unexpected exit code\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Standard output parsed as one JSON document.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|err| panic!("stdout is not one JSON document: {err}\n{}", self.stdout))
    }
}

/// The byte offset of the `nth` (0-based) occurrence of `needle` in `text`.
#[track_caller]
pub fn nth_offset(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} occurs fewer than {} times", nth + 1))
        .0
}

/// The rule of each diagnostic of a JSON report (`--format json`, or what `serve` answers),
/// in order.
pub fn rules_reported(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|d| d["rule"].as_str().expect("a rule id").to_string())
        .collect()
}

/// Every `┌─ file:line:col` location codespan drew, as `file-name:line:col`.
pub fn locations(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("┌─ "))
        .map(|loc| {
            std::path::Path::new(loc)
                .file_name()
                .expect("a file name")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}
