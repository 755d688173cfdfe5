//! The parsed article ([`Document`]): parsing plain text and Markdown into blocks, front
//! matter and the prose view, and what the rules read of it. Articles read out of markup are
//! built in `markup.rs`; the prose-view helpers are in `prose.rs`.

use std::ops::Range;
use std::sync::OnceLock;

use super::markup::Markup;
use super::prose::{article_date, blank_copy, mask_urls};
use super::{
    Block, Format, FrontMatter, ParseError, ReadOptions, Role, front_matter, markdown, plain,
};
use crate::line_index::LineIndex;
use crate::text::sentences::split_sentences;

/// A parsed article. Spans everywhere are byte ranges into [`Document::source`].
#[derive(Debug)]
pub struct Document {
    pub(super) source: String,
    pub(super) prose: String,
    pub(super) format: Format,
    pub(super) content_start: usize,
    pub(super) front_matter: Option<FrontMatter>,
    pub(super) blocks: Vec<Block>,
    pub(super) headline: Option<Range<usize>>,
    pub(super) article_date: Option<jiff::civil::Date>,
    pub(super) sentences: OnceLock<Vec<Range<usize>>>,
    /// For articles read out of markup: the file and the map into it.
    pub(super) markup: Option<Box<Markup>>,
    /// Where comments can stand: raw HTML of Markdown (None: anywhere, for plain text).
    pub(super) comment_zones: Option<Vec<Range<usize>>>,
    /// `[newslint: ignore …]` markers in the prose, which the prose view leaves blank.
    pub(super) markers: Vec<Range<usize>>,
}

impl Document {
    /// Parse `source` as an article of the given format. A UTF-8 byte-order mark is kept in
    /// the source (so spans stay true to the file) and skipped by the parser.
    pub fn parse(source: String, format: Format) -> Result<Document, ParseError> {
        Self::parse_with(source, format, &ReadOptions::default())
    }

    /// Parse `source` as an article of the given format with the house's reading options.
    pub fn parse_with(
        source: String,
        format: Format,
        options: &ReadOptions,
    ) -> Result<Document, ParseError> {
        if format.is_markup() {
            return Self::from_markup(source, format, options);
        }
        let content_start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut html = Vec::new();
        let (front_matter, blocks, headline, mut prose) = match format {
            Format::Plain => {
                // All of a plain-text file is prose but its byte-order mark.
                let mut prose = source.clone();
                prose.replace_range(..content_start, &" ".repeat(content_start));
                let blocks = plain::blocks(&source, content_start, &options.credits);
                let headline = blocks
                    .iter()
                    .find(|b| b.role == Role::Headline)
                    .map(|b| b.span.clone());
                (None, blocks, headline, prose)
            }
            Format::Markdown => {
                let mut prose = blank_copy(&source);
                let front_matter =
                    front_matter::parse(&source, content_start).map_err(|mut err| {
                        err.position = LineIndex::new(&source).line_col(&source, err.span.start);
                        err
                    })?;
                let body_start = front_matter
                    .as_ref()
                    .map_or(content_start, |fm| fm.span.end);
                let blocks =
                    markdown::blocks(&source, body_start, &mut prose, &mut html, &options.credits);
                let title = front_matter
                    .as_ref()
                    .and_then(|fm| fm.get("title"))
                    .filter(|entry| !entry.value.trim().is_empty())
                    .map(|entry| entry.value_span.clone());
                let headline = title.or_else(|| {
                    blocks
                        .iter()
                        .find(|b| b.role == Role::Headline)
                        .map(|b| b.span.clone())
                });
                (front_matter, blocks, headline, prose)
            }
            Format::Html | Format::Xml => unreachable!("markup is read by from_markup"),
            Format::Docx => {
                return Err(ParseError {
                    span: 0..0,
                    message: "a .docx is read from the bytes of its file (Document::read_docx), not from text".to_string(),
                    position: (1, 1),
                });
            }
        };
        mask_urls(&mut prose);
        // A marker is an instruction to newslint, not copy: its words ("quote", "ignore")
        // must not count as prose.
        let markers = crate::suppress::marker_spans(&prose);
        for span in &markers {
            prose.replace_range(span.clone(), &" ".repeat(span.len()));
        }
        let comment_zones = (format == Format::Markdown).then_some(html);
        let article_date = article_date(&source, &blocks, front_matter.as_ref());
        Ok(Document {
            source,
            prose,
            format,
            content_start,
            front_matter,
            blocks,
            headline,
            article_date,
            sentences: OnceLock::new(),
            comment_zones,
            markers,
            markup: None,
        })
    }

    /// Where an HTML comment (a suppression directive) can stand: the raw HTML of a Markdown
    /// file, never its code; `None` when the format has no such structure (plain text).
    pub fn comment_zones(&self) -> Option<&[Range<usize>]> {
        self.comment_zones.as_deref()
    }

    /// Spans of the `[newslint: ignore …]` markers written in the prose.
    pub fn markers(&self) -> &[Range<usize>] {
        &self.markers
    }

    /// Give back the source text.
    pub fn into_source(self) -> String {
        self.source
    }

    /// The article text the rules read: the file's text exactly as read for plain text and
    /// Markdown, the decoded text of the article for the markup formats.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The source with every non-prose byte (front matter, code, HTML, URLs, Markdown
    /// syntax) replaced by a space; line breaks are kept. Same length as the source.
    pub fn prose(&self) -> &str {
        &self.prose
    }

    /// Plain text or Markdown.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Offset of the first byte after a byte-order mark.
    pub fn content_start(&self) -> usize {
        self.content_start
    }

    /// The front matter, when the Markdown file has one.
    pub fn front_matter(&self) -> Option<&FrontMatter> {
        self.front_matter.as_ref()
    }

    /// Every block in source order.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Blocks with the given role, in source order.
    pub fn blocks_with(&self, role: Role) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.role == role)
    }

    /// The headline span: the `title` value, the first `# ` heading, or the plain-text headline.
    pub fn headline(&self) -> Option<Range<usize>> {
        self.headline.clone()
    }

    /// The article's own date, from its date line or front matter `date`.
    pub fn article_date(&self) -> Option<jiff::civil::Date> {
        self.article_date
    }

    /// The prose view of a span.
    pub fn prose_at(&self, span: Range<usize>) -> &str {
        &self.prose[span]
    }

    /// Sentences of the dek and body paragraphs (computed once, on first use).
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences.get_or_init(|| {
            let mut out = Vec::new();
            for block in self
                .blocks
                .iter()
                .filter(|b| matches!(b.role, Role::Body | Role::Dek))
            {
                let text = &self.prose[block.span.clone()];
                out.extend(
                    split_sentences(text)
                        .into_iter()
                        .map(|r| r.start + block.span.start..r.end + block.span.start),
                );
            }
            out
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(doc: &Document) -> Vec<(Role, &str)> {
        doc.blocks()
            .iter()
            .map(|b| (b.role, &doc.source()[b.span.clone()]))
            .collect()
    }

    #[test]
    fn plain_text_roles() {
        let text = "#Local\n\nBridge to close\n\n2025-05-09\n\nA short dek.\n\nFENWICK — The bridge will close.\n\nMore text.\n\nPhoto: Fenwick Post/Ada Lum\n\na";
        let doc = Document::parse(text.to_string(), Format::Plain).unwrap();
        assert_eq!(
            roles(&doc),
            vec![
                (Role::SectionTag, "#Local"),
                (Role::Headline, "Bridge to close"),
                (Role::DateLine, "2025-05-09"),
                (Role::Dek, "A short dek."),
                (Role::Body, "FENWICK — The bridge will close."),
                (Role::Body, "More text."),
                (Role::Credit, "Photo: Fenwick Post/Ada Lum"),
                (Role::Body, "a"),
            ]
        );
        assert_eq!(doc.article_date(), Some(jiff::civil::date(2025, 5, 9)));
    }

    #[test]
    fn crlf_and_bom_keep_spans() {
        let text = "\u{feff}Headline here\r\n\r\nFirst “paragraph” line.\r\nSecond line.\r\n\r\nPhoto: Agency/Name\r\n";
        let doc = Document::parse(text.to_string(), Format::Plain).unwrap();
        let body = doc.blocks_with(Role::Body).next().unwrap();
        assert_eq!(
            &doc.source()[body.span.clone()],
            "First “paragraph” line.\r\nSecond line."
        );
        assert_eq!(doc.source().len(), doc.prose().len());
        let headline = doc.headline().unwrap();
        assert_eq!(&doc.source()[headline], "Headline here");
        let credit = doc.blocks_with(Role::Credit).next().unwrap();
        assert_eq!(&doc.source()[credit.span.clone()], "Photo: Agency/Name");
    }

    #[test]
    fn markdown_masks_code_comments_and_urls() {
        let text = "---\ntitle: Vote delayed\ndate: 2025-03-01\nphoto_credit: \"Post/Kim\"\n---\n\nThe `2025.05.09` vote <!-- the the --> is off, see https://example.org/the/the.\n\n```\n2025.05.09\n```\n\nPhoto: Desk/Ana\n";
        let doc = Document::parse(text.to_string(), Format::Markdown).unwrap();
        assert_eq!(doc.source().len(), doc.prose().len());
        let body = doc.blocks_with(Role::Body).next().unwrap();
        let prose = doc.prose_at(body.span.clone());
        assert!(prose.starts_with("The "));
        assert!(!prose.contains("2025"), "{prose:?}");
        assert!(!prose.contains("the the"), "{prose:?}");
        assert!(!prose.contains("example"), "{prose:?}");
        assert!(!doc.prose().contains("2025.05.09"));
        assert_eq!(&doc.source()[doc.headline().unwrap()], "Vote delayed");
        assert_eq!(doc.article_date(), Some(jiff::civil::date(2025, 3, 1)));
        assert_eq!(doc.blocks_with(Role::Credit).count(), 1);
        assert_eq!(
            doc.front_matter()
                .unwrap()
                .get("photo_credit")
                .unwrap()
                .value,
            "Post/Kim"
        );
    }

    #[test]
    fn markdown_heading_is_headline_without_title() {
        let text = "# Storm closes port\n\nBody text here.\n\n## Later\n\n- tight item one\n- tight item two\n";
        let doc = Document::parse(text.to_string(), Format::Markdown).unwrap();
        assert_eq!(&doc.source()[doc.headline().unwrap()], "Storm closes port");
        let body: Vec<&str> = doc
            .blocks_with(Role::Body)
            .map(|b| &doc.source()[b.span.clone()])
            .collect();
        assert_eq!(
            body,
            vec!["Body text here.", "tight item one", "tight item two"]
        );
        assert_eq!(doc.blocks_with(Role::Heading).count(), 1);
    }
}
