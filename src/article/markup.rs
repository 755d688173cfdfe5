//! Articles read out of markup (HTML, wire XML): the reader's article text becomes a
//! [`Document`] that keeps the file and the map into it, and findings on the article text
//! are turned into findings on the file.

use std::sync::OnceLock;

use super::prose::{article_date, blank_copy, mask_urls};
use super::{Block, Document, Format, FrontMatter, ParseError, ReadOptions, Role, SourceMap};
use super::{CreditLabels, extracted, html, wire};

/// The file an article was read out of, and where each byte of the article text came from.
#[derive(Debug)]
pub(super) struct Markup {
    pub(super) file: String,
    pub(super) map: SourceMap,
}

impl Document {
    pub(super) fn from_markup(
        file: String,
        format: Format,
        options: &ReadOptions,
    ) -> Result<Document, ParseError> {
        let content_start = if file.starts_with('\u{feff}') { 3 } else { 0 };
        let extracted = match format {
            Format::Html => html::read(&file[content_start..], &options.html),
            Format::Xml => wire::read(&file[content_start..]).map(|(extracted, _)| extracted),
            _ => unreachable!("only markup formats come here"),
        }
        .map_err(|message| ParseError {
            span: 0..0,
            message,
            position: (1, 1),
        })?;
        let mut map = extracted.map;
        map.shift(content_start);
        Ok(Self::from_extracted(
            extracted.text,
            extracted.blocks,
            extracted.front_matter,
            format,
            Some(Box::new(Markup { file, map })),
            &options.credits,
        ))
    }

    /// An article whose text, blocks and metadata a reader worked out.
    pub(super) fn from_extracted(
        source: String,
        blocks: Vec<Block>,
        front_matter: Option<FrontMatter>,
        format: Format,
        markup: Option<Box<Markup>>,
        credits: &CreditLabels,
    ) -> Document {
        let mut blocks = blocks;
        for block in &mut blocks {
            if block.role == Role::Body && credits.all_lines(&source[block.span.clone()], false) {
                block.role = Role::Credit;
            }
        }
        let mut prose = blank_copy(&source);
        for block in &blocks {
            prose.replace_range(block.span.clone(), &source[block.span.clone()]);
        }
        mask_urls(&mut prose);
        // Markers are instructions, not copy; suppressions read them in the file's terms.
        let mut markers = crate::suppress::marker_spans(&prose);
        for span in &markers {
            prose.replace_range(span.clone(), &" ".repeat(span.len()));
        }
        if let Some(markup) = &markup {
            for span in &mut markers {
                *span = markup.map.file_span(span.clone());
            }
        }
        let title = front_matter
            .as_ref()
            .and_then(|fm| fm.get("title"))
            .map(|entry| entry.value_span.clone());
        let headline = blocks
            .iter()
            .find(|b| b.role == Role::Headline)
            .map(|b| b.span.clone())
            .or(title);
        let article_date = article_date(&source, &blocks, front_matter.as_ref());
        Document {
            source,
            prose,
            format,
            content_start: 0,
            front_matter,
            blocks,
            headline,
            article_date,
            sentences: OnceLock::new(),
            // A markup file's comments are the tokenizer's: any `<!-- -->` is one.
            comment_zones: None,
            markers,
            markup,
        }
    }

    /// The file's text: the markup for HTML, the article text itself for plain text and
    /// Markdown. Diagnostics and fixes are spans of this text.
    pub fn file_text(&self) -> &str {
        self.markup.as_ref().map_or(&self.source, |m| &m.file)
    }

    /// Give back the file's text.
    pub fn into_file_text(self) -> String {
        match self.markup {
            Some(markup) => markup.file,
            None => self.source,
        }
    }

    /// For an article read out of markup, the map from its article text to the file.
    pub fn source_map(&self) -> Option<&SourceMap> {
        self.markup.as_ref().map(|m| &m.map)
    }

    /// Turn diagnostics on the article text into diagnostics on the file: spans mapped
    /// through the source map, a fix kept only when it edits one text node (re-encoded for
    /// the markup). Plain text and Markdown are the file already; a Word document's
    /// findings lose their fixes (it is never written).
    pub fn to_file_diagnostics(&self, diagnostics: &mut [crate::Diagnostic]) {
        if self.format == Format::Docx {
            // newslint never writes a Word file: its findings offer no fix.
            for d in diagnostics.iter_mut() {
                d.fix = None;
            }
        }
        let Some(markup) = &self.markup else {
            return;
        };
        for d in diagnostics.iter_mut() {
            // A whole-file finding stays at the top of the file.
            d.span = if d.span == (0..0) {
                0..0
            } else {
                markup.map.file_span(d.span.clone())
            };
            d.fix = d.fix.take().and_then(|fix| {
                markup.map.in_one_node(&fix.range).then(|| crate::Fix {
                    range: markup.map.file_span(fix.range),
                    replacement: extracted::encode_for_markup(&fix.replacement),
                    safety: fix.safety,
                })
            });
        }
        diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
}
