//! The article model: a source file parsed into blocks with roles (section tag, headline,
//! date line, dek, body, credit …), front matter entries and a prose view of the text in
//! which everything that is not prose (code, HTML comments, URLs, front matter) is blanked
//! out byte for byte, so that every span found in the prose view is a span of the source.

mod credits;
mod document;
#[cfg(feature = "docx")]
pub mod docx;
pub mod entities;
pub mod extracted;
mod front_matter;
pub mod html;
mod markdown;
mod markup;
mod plain;
mod prose;
pub mod wire;

use std::ops::Range;

pub use credits::{CreditLabels, credit_value};
pub use document::Document;
pub use extracted::SourceMap;
pub use front_matter::{FrontMatter, FrontMatterFormat, MetaEntry};
pub use html::HtmlOptions;

/// The shapes of article newslint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A plain-text CMS or wire export (`.txt`).
    Plain,
    /// Markdown with optional YAML or TOML front matter (`.md`, `.markdown`).
    Markdown,
    /// An HTML body fragment or a whole published page (`.html`, `.htm`).
    Html,
    /// Wire XML: NITF or IPTC NewsML-G2 (`.xml`, `.nitf`).
    Xml,
    /// A Word document (`.docx`), read from its bytes by `Document::read_docx`.
    Docx,
}

impl Format {
    /// The format a file name implies: Markdown for `.md` and `.markdown`, HTML for `.html`
    /// and `.htm`, wire XML for `.xml` and `.nitf`, Word for `.docx`, plain text otherwise.
    pub fn from_path(path: &std::path::Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "xml" | "nitf" => Format::Xml,
            "docx" => Format::Docx,
            _ => Format::Plain,
        }
    }

    /// The format's name, as `inspect` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Xml => "xml",
            Format::Docx => "docx",
        }
    }

    /// Whether the article text is read out of markup, so spans are mapped back to the file.
    pub fn is_markup(self) -> bool {
        matches!(self, Format::Html | Format::Xml)
    }
}

/// How to read an article with a house's settings: its HTML templates and the labels of
/// its credit lines (from the packs it loads).
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// CSS selectors for the body of the house's own pages.
    pub html: HtmlOptions,
    /// The labels that open a credit line (default: the `news` pack's).
    pub credits: CreditLabels,
}

/// What a block of the article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `#World`: the section tag of a plain-text export.
    SectionTag,
    /// The headline (display copy).
    Headline,
    /// The article's own date, on a line of its own.
    DateLine,
    /// The one-paragraph summary under the headline (display copy).
    Dek,
    /// A paragraph of the story.
    Body,
    /// A Markdown subheading (display copy).
    Heading,
    /// A table row (prose, but not running text).
    Table,
    /// A photo credit line.
    Credit,
}

/// A paragraph-like piece of the article: a byte span of the source and its role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte span in the source, without surrounding blank lines or the final line break.
    pub span: Range<usize>,
    /// What the block is.
    pub role: Role,
}

/// Why a file could not be read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// Byte span of the source where the problem is.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// 1-based line and column of the span's start (the source is not kept with the error).
    pub position: (usize, usize),
}
