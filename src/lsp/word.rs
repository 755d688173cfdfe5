//! Word documents (`.docx`) in the editor. What an editor holds of a `.docx` is its zip
//! archive, never the article, so the server reads the file from disk (a front end may
//! read files; the engine never does) when it opens and each time it is saved, with the
//! reader and the bounds `newslint check` uses (entries, part size, compression ratio).
//! Its findings are placed on the article text the reader makes, one paragraph a line:
//! line N is paragraph N (from 0) and a character counts the negotiated units within the
//! paragraph. Edits to the editor's buffer of the archive are ignored, and no code action
//! is offered: a `.docx` is never written, so it gets neither fixes nor suppressions.

use std::path::Path;

use newslint::{Diagnostic, Document, Engine};

/// A `.docx` as read from disk: its bytes, or why they could not be read.
pub struct WordFile {
    bytes: Result<Vec<u8>, String>,
    /// The article text (one paragraph a line) positions are counted in; empty when the
    /// file does not read.
    text: String,
}

impl WordFile {
    /// Read `path` from disk.
    pub fn read(path: &Path) -> Self {
        let bytes = crate::cli::read_file::read_capped(path).map_err(|err| {
            format!(
                "cannot read {}: {}",
                path.display(),
                crate::cli::io_message(&err)
            )
        });
        // Credit labels change the roles of blocks, never the text: the default options
        // give the text every engine reads.
        let text = match &bytes {
            Ok(bytes) => Document::read_docx(bytes)
                .map(Document::into_file_text)
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        Self { bytes, text }
    }

    /// The article text the findings' spans index.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The findings of the file under `engine`'s settings, or why it cannot be read (the
    /// message, at the start of the document).
    pub fn check(&self, engine: &Engine, path: &Path) -> Result<Vec<Diagnostic>, (String, usize)> {
        let bytes = self
            .bytes
            .as_ref()
            .map_err(|message| (message.clone(), 0))?;
        let doc = Document::read_docx_with(bytes, engine.read_options())
            .map_err(|err| (format!("{}: {err}", path.display()), 0))?;
        Ok(engine.check(path, &doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn news_engine(root: &Path) -> Engine {
        let config = newslint::config::Config::defaults(root.to_path_buf());
        Engine::new(config, newslint::rules::builtin_rules(&["news"]).unwrap())
    }

    #[test]
    fn a_missing_file_is_one_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.docx");
        let word = WordFile::read(&path);
        assert_eq!(word.text(), "");
        let engine = news_engine(dir.path());
        let (message, at) = word.check(&engine, &path).unwrap_err();
        assert_eq!(
            message,
            format!("cannot read {}: no such file or folder", path.display())
        );
        assert_eq!(at, 0);
    }

    #[test]
    fn a_file_that_is_not_a_zip_names_the_file_and_the_fault() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.docx");
        std::fs::write(&path, "plain words, not an archive").unwrap();
        let word = WordFile::read(&path);
        let engine = news_engine(dir.path());
        let (message, _) = word.check(&engine, &path).unwrap_err();
        assert!(
            message.starts_with(&format!("{}: ", path.display())) && message.len() > 20,
            "{message}"
        );
    }
}
