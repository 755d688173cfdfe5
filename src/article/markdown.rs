//! Block structure of a Markdown article, read with pulldown-cmark's source offsets. Only
//! text events are copied into the prose view, so code, HTML comments, link targets and
//! Markdown syntax stay blank.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{Block, CreditLabels, Role};

/// Parse the Markdown from `start`, fill the prose view and return the blocks. The byte
/// ranges of raw HTML (where comments, and so suppression directives, can stand) are added
/// to `html`; HTML shown inside code is not raw HTML.
pub(super) fn blocks(
    source: &str,
    start: usize,
    prose: &mut String,
    html: &mut Vec<Range<usize>>,
    credits: &CreditLabels,
) -> Vec<Block> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let body = &source[start..];

    let mut blocks = Vec::new();
    let mut builder = BlockBuilder::default();
    let mut seen_headline = false;
    let mut code_depth = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let range = range.start + start..range.end + start;
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                builder.flush_loose(&mut blocks);
                code_depth += 1;
            }
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            // Code is not prose: its text stays blank in the prose view.
            Event::Text(_) if code_depth > 0 => {}
            Event::Start(Tag::Paragraph) => builder.open(Role::Body, &mut blocks),
            Event::Start(Tag::Heading { level, .. }) => {
                let role = if level == HeadingLevel::H1 && !seen_headline {
                    seen_headline = true;
                    Role::Headline
                } else {
                    Role::Heading
                };
                builder.open(role, &mut blocks);
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                builder.open(Role::Table, &mut blocks);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableHead | TagEnd::TableRow,
            ) => {
                builder.close(&mut blocks);
            }
            Event::Start(_) | Event::End(_) => builder.flush_loose(&mut blocks),
            Event::Text(_) => {
                copy_into(prose, source, range.clone());
                builder.text(range);
            }
            Event::SoftBreak | Event::HardBreak => {}
            Event::Html(_) | Event::InlineHtml(_) => {
                html.push(range.clone());
                builder.text_gap(range);
            }
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_)
            | Event::Rule => builder.text_gap(range),
        }
    }
    builder.flush_loose(&mut blocks);
    for block in &mut blocks {
        if block.role == Role::Body {
            let text = &prose[block.span.clone()];
            if credits.all_lines(text, true) {
                block.role = Role::Credit;
            }
        }
    }
    blocks
}

/// Gathers the text of one leaf block; text outside any paragraph (tight list items,
/// bare text in block quotes) forms a "loose" body block of its own.
#[derive(Default)]
struct BlockBuilder {
    open: Option<Role>,
    text: Option<Range<usize>>,
}

impl BlockBuilder {
    fn open(&mut self, role: Role, blocks: &mut Vec<Block>) {
        self.flush_loose(blocks);
        self.open = Some(role);
        self.text = None;
    }

    fn text(&mut self, range: Range<usize>) {
        match &mut self.text {
            Some(span) => span.end = span.end.max(range.end),
            None => self.text = Some(range),
        }
    }

    /// Inline code and HTML inside a block extend it without adding prose.
    fn text_gap(&mut self, range: Range<usize>) {
        if self.text.is_some() {
            self.text(range);
        }
    }

    fn close(&mut self, blocks: &mut Vec<Block>) {
        if let Some(role) = self.open.take()
            && let Some(span) = self.text.take().filter(|s| !s.is_empty())
        {
            blocks.push(Block { span, role });
        }
        self.text = None;
    }

    fn flush_loose(&mut self, blocks: &mut Vec<Block>) {
        if self.open.is_none()
            && let Some(span) = self.text.take()
        {
            blocks.push(Block {
                span,
                role: Role::Body,
            });
        }
    }
}

/// Copy a byte range of the source into the blanked prose view. pulldown-cmark's ranges lie
/// on character boundaries of the source; the view has the same boundaries there, since it
/// is blank (ASCII) wherever nothing was copied yet.
fn copy_into(prose: &mut String, source: &str, range: Range<usize>) {
    if let Some(text) = source.get(range.clone())
        && prose.is_char_boundary(range.start)
        && prose.is_char_boundary(range.end)
    {
        prose.replace_range(range, text);
    }
}
