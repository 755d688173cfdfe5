//! Drawing configuration and rule-file errors as diagnostics pointing into the TOML.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};
use newslint::ConfigError;
use std::io::IsTerminal;

use super::EXIT_TROUBLE;

/// Print every error to standard error and return the exit code for config errors.
pub fn print(errors: &[ConfigError]) -> u8 {
    let color = if std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    {
        termcolor::ColorChoice::Auto
    } else {
        termcolor::ColorChoice::Never
    };
    let mut stderr = termcolor::StandardStream::stderr(color);
    let config = term::Config::default();
    for error in errors {
        // A message quotes what the file says (TOML escapes can write any character).
        let shown = |text: &str| super::terminal::escape_controls(text).into_owned();
        let mut diagnostic = Diagnostic::error()
            .with_message(shown(&error.message))
            .with_notes(error.notes.iter().map(|note| shown(note)).collect());
        match (&error.file, &error.span) {
            (Some(file), Some(span)) => {
                let mut label = Label::primary((), span.clone());
                if let Some(text) = &error.label {
                    label = label.with_message(shown(text));
                }
                diagnostic = diagnostic.with_labels(vec![label]);
                let simple = SimpleFile::new(file.name.as_str(), &*file.text);
                let _ = term::emit_to_write_style(&mut stderr, &config, &simple, &diagnostic);
            }
            (Some(file), None) => {
                diagnostic.message = format!("{}: {}", file.name, error.message);
                let simple = SimpleFile::new(file.name.as_str(), &*file.text);
                let _ = term::emit_to_write_style(&mut stderr, &config, &simple, &diagnostic);
            }
            (None, _) => {
                let simple = SimpleFile::new("", "");
                let _ = term::emit_to_write_style(&mut stderr, &config, &simple, &diagnostic);
            }
        }
    }
    EXIT_TROUBLE
}
