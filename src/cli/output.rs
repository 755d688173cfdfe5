//! One checked path for everything the CLI writes to standard output: a report, a diff, a
//! fixed text. The first failed write is remembered (a report cut short is never taken for
//! a whole one), a closed pipe ends the run quietly as grep and ripgrep do, and any other
//! failure (a full disk, `> /dev/full`) is said and exits 2.

use std::cell::RefCell;
use std::io::{self, IsTerminal, Write};
use std::rc::Rc;

use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};

/// How a run's writing went.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    /// Everything was written.
    Whole,
    /// The reader went away (`| head -1`): stop quietly.
    Closed,
    /// A write failed otherwise; the message says why.
    Failed(String),
}

struct Inner {
    out: Box<dyn WriteColor>,
    error: Option<io::Error>,
}

/// A stream shared by the reporter and the run, recording its first error.
#[derive(Clone)]
pub struct Output(Rc<RefCell<Inner>>);

impl Output {
    /// Wrap a stream.
    pub fn new(out: Box<dyn WriteColor>) -> Self {
        Self(Rc::new(RefCell::new(Inner { out, error: None })))
    }

    /// Flush and say how the writing went.
    pub fn finish(&self) -> Written {
        let _ = self.flush_checked();
        Self::verdict(self.0.borrow().error.as_ref())
    }

    /// How the writing went so far.
    pub fn status(&self) -> Written {
        Self::verdict(self.0.borrow().error.as_ref())
    }

    fn verdict(error: Option<&io::Error>) -> Written {
        match error {
            None => Written::Whole,
            Some(e) if e.kind() == io::ErrorKind::BrokenPipe => Written::Closed,
            Some(e) => Written::Failed(format!("cannot write the output: {e}")),
        }
    }

    fn flush_checked(&self) -> io::Result<()> {
        self.record(|out| out.flush())
    }

    fn record<T>(&self, op: impl FnOnce(&mut dyn WriteColor) -> io::Result<T>) -> io::Result<T> {
        let mut inner = self.0.borrow_mut();
        if let Some(e) = &inner.error {
            // Once a write failed, nothing more is written: the output would have a hole.
            return Err(io::Error::new(e.kind(), e.to_string()));
        }
        let result = op(&mut *inner.out);
        if let Err(e) = &result {
            inner.error = Some(io::Error::new(e.kind(), e.to_string()));
        }
        result
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.record(|out| out.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.flush_checked()
    }
}

impl WriteColor for Output {
    fn supports_color(&self) -> bool {
        self.0.borrow().out.supports_color()
    }

    fn set_color(&mut self, spec: &ColorSpec) -> io::Result<()> {
        self.record(|out| out.set_color(spec))
    }

    fn reset(&mut self) -> io::Result<()> {
        self.record(|out| out.reset())
    }
}

/// Write `text` to standard output for a command (`rules`, `explain` …, a fixed text) and
/// return the exit code to end with when it could not be written (`None`: go on). On a
/// terminal, control characters are shown escaped (see `terminal`); into a pipe or a file
/// every byte is written as it is.
pub fn print_stdout(text: &str) -> Option<u8> {
    let mut stdout = io::stdout().lock();
    let text = if stdout.is_terminal() {
        super::terminal::escape_controls(text)
    } else {
        text.into()
    };
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => None,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Some(super::EXIT_CLEAN),
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            Some(super::EXIT_TROUBLE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use codespan_reporting::term::termcolor::NoColor;

    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::from_raw_os_error(28))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_first_failure_is_kept_and_nothing_follows_it() {
        let mut out = Output::new(Box::new(NoColor::new(Full)));
        assert!(out.write_all(b"x").is_err());
        assert!(matches!(out.finish(), Written::Failed(m) if m.contains("No space left")));
        let mut fine = Output::new(Box::new(NoColor::new(Vec::new())));
        fine.write_all(b"ok").unwrap();
        assert_eq!(fine.finish(), Written::Whole);
    }
}
