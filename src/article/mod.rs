//! The article model: a source file parsed into blocks with roles (section tag, headline,
//! date line, dek, body, credit …), front matter entries and a prose view of the text in
//! which everything that is not prose (code, HTML comments, URLs, front matter) is blanked
//! out byte for byte, so that every span found in the prose view is a span of the source.

pub mod entities;
pub mod extracted;
mod front_matter;
pub mod html;
mod markdown;
mod plain;
pub mod wire;

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

pub use extracted::SourceMap;
pub use front_matter::{FrontMatter, FrontMatterFormat, MetaEntry};
pub use html::HtmlOptions;

use crate::line_index::LineIndex;
use crate::text::dates;
use crate::text::sentences::split_sentences;

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
}

impl Format {
    /// The format a file name implies: Markdown for `.md` and `.markdown`, HTML for `.html`
    /// and `.htm`, plain text otherwise.
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
        }
    }

    /// Whether the article text is read out of markup, so spans are mapped back to the file.
    pub fn is_markup(self) -> bool {
        matches!(self, Format::Html | Format::Xml)
    }
}

/// How to read the formats that need settings: a house's HTML templates.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// CSS selectors for the body of the house's own pages.
    pub html: HtmlOptions,
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

/// A parsed article. Spans everywhere are byte ranges into [`Document::source`].
#[derive(Debug)]
pub struct Document {
    source: String,
    prose: String,
    format: Format,
    content_start: usize,
    front_matter: Option<FrontMatter>,
    blocks: Vec<Block>,
    headline: Option<Range<usize>>,
    article_date: Option<jiff::civil::Date>,
    sentences: OnceLock<Vec<Range<usize>>>,
    /// For articles read out of markup: the file and the map into it.
    markup: Option<Box<Markup>>,
    /// Where comments can stand: raw HTML of Markdown (None: anywhere, for plain text).
    comment_zones: Option<Vec<Range<usize>>>,
    /// `[newslint: ignore …]` markers in the prose, which the prose view leaves blank.
    markers: Vec<Range<usize>>,
}

/// The file an article was read out of, and where each byte of the article text came from.
#[derive(Debug)]
struct Markup {
    file: String,
    map: SourceMap,
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
                let blocks = plain::blocks(&source, content_start);
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
                let blocks = markdown::blocks(&source, body_start, &mut prose, &mut html);
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

    fn from_markup(
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
        ))
    }

    /// An article whose text, blocks and metadata a reader worked out.
    fn from_extracted(
        source: String,
        blocks: Vec<Block>,
        front_matter: Option<FrontMatter>,
        format: Format,
        markup: Option<Box<Markup>>,
    ) -> Document {
        let mut blocks = blocks;
        for block in &mut blocks {
            if block.role == Role::Body
                && source[block.span.clone()]
                    .lines()
                    .all(|line| credit_value(line).is_some())
            {
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
    /// the markup). Plain text and Markdown are the file already.
    pub fn to_file_diagnostics(&self, diagnostics: &mut [crate::Diagnostic]) {
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

/// A label such as `Photo:` or `Photograph by` opening a credit line, and what follows it.
pub fn credit_value(line: &str) -> Option<&str> {
    static CREDIT: OnceLock<Regex> = OnceLock::new();
    let re = CREDIT.get_or_init(|| {
        Regex::new(
            r"(?i)^\s*(?:photo\s+credit|photograph|photos?|images?|picture)(?:\s*:|\s+by\b)[ \t]*(.*?)\s*$",
        )
        .expect("credit pattern compiles")
    });
    re.captures(line)
        .map(|c| c.get(1).map_or("", |m| m.as_str()))
}

/// A copy of `source` with every byte blanked but line breaks.
fn blank_copy(source: &str) -> String {
    let blank: Vec<u8> = source
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    String::from_utf8(blank).expect("spaces and line breaks are UTF-8")
}

/// URLs are not prose: a date or a doubled word inside one is not the writer's.
fn mask_urls(prose: &mut String) {
    static URL: OnceLock<Regex> = OnceLock::new();
    let re = URL.get_or_init(|| {
        Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>]+").expect("URL pattern compiles")
    });
    if !prose.contains("://") && !prose.contains("www.") {
        return;
    }
    let spans: Vec<Range<usize>> = re.find_iter(prose).map(|m| m.range()).collect();
    for span in spans {
        let blanks = " ".repeat(span.len());
        prose.replace_range(span, &blanks);
    }
}

fn article_date(
    source: &str,
    blocks: &[Block],
    front_matter: Option<&FrontMatter>,
) -> Option<jiff::civil::Date> {
    if let Some(entry) = front_matter.and_then(|fm| fm.get("date")) {
        return dates::parse_article_date(&entry.value);
    }
    blocks
        .iter()
        .find(|b| b.role == Role::DateLine)
        .and_then(|b| dates::parse_article_date(&source[b.span.clone()]))
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

    #[test]
    fn credit_labels() {
        assert_eq!(credit_value("Photo: Reuters"), Some("Reuters"));
        assert_eq!(credit_value("photograph by Ann Lee"), Some("Ann Lee"));
        assert_eq!(credit_value("Photos: A/B"), Some("A/B"));
        assert_eq!(credit_value("Photo credit: X"), Some("X"));
        assert_eq!(credit_value("Photo:"), Some(""));
        assert_eq!(credit_value("Photographers gathered outside."), None);
    }
}
