//! Word documents (`.docx`): the zip archive opened with bounded cost (`archive.rs`), the
//! body's paragraphs read from `word/document.xml` (`body.rs`) and their styles from
//! `word/styles.xml` (`styles.rs`). The article text holds one paragraph a line, so line N
//! of it is paragraph N of the document and a column is a character of that paragraph:
//! positions are "paragraph N, character M", derived at the edge like line and column.
//! Comments and footnotes live in parts of their own and are not read; tracked changes
//! are read as accepted. A `.docx` is never written: its findings carry no fixes.

mod archive;
mod body;
mod styles;

use super::{Block, Document, Format, Role, plain};
use crate::text::dates;
use archive::Archive;
use body::Paragraph;
use styles::{StyleKind, Styles};

/// Why a `.docx` could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocxError(pub String);

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Document {
    /// Read a Word document from the bytes of its file.
    pub fn read_docx(bytes: &[u8]) -> Result<Document, DocxError> {
        Self::read_docx_with(bytes, &crate::article::ReadOptions::default())
    }

    /// Read a Word document with the house's reading options (its credit labels).
    pub fn read_docx_with(
        bytes: &[u8],
        options: &crate::article::ReadOptions,
    ) -> Result<Document, DocxError> {
        let mut archive = Archive::open(bytes).map_err(DocxError)?;
        let body = archive
            .part("word/document.xml")
            .map_err(DocxError)?
            .ok_or_else(|| {
                DocxError("not a Word document: the archive has no word/document.xml".to_string())
            })?;
        let paragraphs = body::paragraphs(&body).map_err(DocxError)?;
        drop(body);
        let styles = match archive.part("word/styles.xml").map_err(DocxError)? {
            Some(xml) => Styles::read(&xml).map_err(DocxError)?,
            None => Styles::default(),
        };
        let (text, blocks) = article_text(&paragraphs, &styles);
        Ok(Document::from_extracted(
            text,
            blocks,
            None,
            Format::Docx,
            None,
            &options.credits,
        ))
    }
}

/// The article text (paragraph N on line N) and its blocks with their roles.
fn article_text(paragraphs: &[Paragraph], styles: &Styles) -> (String, Vec<Block>) {
    let mut text = String::with_capacity(paragraphs.iter().map(|p| p.text.len() + 1).sum());
    let mut blocks = Vec::new();
    let mut styled_headline = false;
    let mut styled_dek = false;
    for paragraph in paragraphs {
        let start = text.len();
        text.push_str(&paragraph.text);
        text.push('\n');
        let line = &paragraph.text;
        let lead = line.len() - line.trim_start().len();
        let content = line.trim();
        if content.is_empty() {
            continue;
        }
        let kind = paragraph.style.as_deref().and_then(|id| styles.kind(id));
        let role = match kind {
            Some(StyleKind::Title | StyleKind::Heading(1)) if !styled_headline => {
                styled_headline = true;
                Role::Headline
            }
            Some(StyleKind::Title | StyleKind::Heading(_)) => Role::Heading,
            Some(StyleKind::Subtitle) if !styled_dek => {
                styled_dek = true;
                Role::Dek
            }
            _ if paragraph.in_table => Role::Table,
            _ => Role::Body,
        };
        let span_start = start + lead;
        blocks.push(Block {
            span: span_start..span_start + content.len(),
            role,
        });
    }
    settle_unstyled(&text, &mut blocks, styled_headline, styled_dek);
    (text, blocks)
}

/// A file with no headline style reads like a plain-text export: the first paragraph is
/// the headline, a date alone on the next is the date line, and a paragraph between it and
/// a body that opens with a dateline (`PLACE — …`) is the dek.
fn settle_unstyled(text: &str, blocks: &mut [Block], styled_headline: bool, styled_dek: bool) {
    let mut next = 0;
    if !styled_headline {
        match blocks.first_mut() {
            Some(first) if first.role == Role::Body => {
                first.role = Role::Headline;
                next = 1;
            }
            _ => return,
        }
    } else if let Some(at) = blocks.iter().position(|b| b.role == Role::Headline) {
        next = at + 1;
    }
    let is_body = |blocks: &[Block], i: usize| blocks.get(i).is_some_and(|b| b.role == Role::Body);
    if is_body(blocks, next)
        && dates::parse_article_date(&text[blocks[next].span.clone()]).is_some()
    {
        blocks[next].role = Role::DateLine;
        next += 1;
    }
    if !styled_dek
        && is_body(blocks, next)
        && is_body(blocks, next + 1)
        && !plain::opens_with_dateline(&text[blocks[next].span.clone()])
        && plain::opens_with_dateline(&text[blocks[next + 1].span.clone()])
    {
        blocks[next].role = Role::Dek;
    }
}

#[cfg(test)]
mod tests;
