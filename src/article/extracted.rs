//! Articles read out of markup (HTML, wire XML): the reader builds an *article text* — the
//! decoded words of the headline, dek, body and credits, one block after another — that the
//! rules check unchanged, and a [`SourceMap`] from every byte of it back to the bytes of the
//! file. A finding's span is mapped through it, so line and column point into the markup;
//! a fix survives only when its edit lies in one text node of the file, re-encoded for it.

use std::ops::Range;

use super::{Block, FrontMatter, FrontMatterFormat, MetaEntry, Role};

/// What a stretch of the article text stands for in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Piece {
    /// The same bytes as the file's: offsets map one to one.
    Exact,
    /// A decoded entity or a collapsed run of white space: the whole stretch stands for the
    /// whole file range.
    Decoded,
    /// Text newslint put there (a line break between blocks): stands for a point in the file.
    Separator,
}

#[derive(Clone, Debug)]
struct Segment {
    text_start: usize,
    file: Range<usize>,
    piece: Piece,
    /// Which text node (or attribute value) of the file the stretch comes from.
    node: u32,
}

/// Offsets of the article text → byte offsets of the file.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    segments: Vec<Segment>,
    text_len: usize,
}

impl SourceMap {
    fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let index = self
            .segments
            .partition_point(|s| s.text_start <= offset)
            .checked_sub(1)?;
        self.segments.get(index)
    }

    fn segment_end(&self, index: usize) -> usize {
        self.segments
            .get(index + 1)
            .map_or(self.text_len, |s| s.text_start)
    }

    fn index_at(&self, offset: usize) -> Option<usize> {
        self.segments
            .partition_point(|s| s.text_start <= offset)
            .checked_sub(1)
    }

    /// Move every file offset by `by` bytes (the reader saw the file after a byte-order mark).
    pub fn shift(&mut self, by: usize) {
        if by == 0 {
            return;
        }
        for segment in &mut self.segments {
            segment.file = segment.file.start + by..segment.file.end + by;
        }
    }

    /// The file offset where an article-text offset starts.
    pub fn file_offset(&self, offset: usize) -> usize {
        match self.segment_at(offset) {
            None => 0,
            Some(s) if s.piece == Piece::Exact => {
                (s.file.start + (offset - s.text_start)).min(s.file.end)
            }
            Some(s) if offset == s.text_start => s.file.start,
            Some(s) => s.file.end,
        }
    }

    /// The file span of an article-text span: a decoded entity is covered whole.
    pub fn file_span(&self, span: Range<usize>) -> Range<usize> {
        let start = self.file_offset(span.start);
        if span.is_empty() {
            return start..start;
        }
        let end = match self.segment_at(span.end - 1) {
            None => start,
            Some(s) if s.piece == Piece::Exact => s.file.start + (span.end - s.text_start),
            Some(s) => s.file.end,
        };
        start..end.max(start)
    }

    /// Whether an article-text span lies in one text node of the file (so that an edit of
    /// it is an edit of that node's text only).
    pub fn in_one_node(&self, span: &Range<usize>) -> bool {
        let (Some(first), Some(last)) = (
            self.index_at(span.start),
            self.index_at(span.end.saturating_sub(1).max(span.start)),
        ) else {
            return false;
        };
        let node = self.segments[first].node;
        let inside = self.segments[first..=last]
            .iter()
            .all(|s| s.node == node && s.piece != Piece::Separator);
        // An edit at the very end of a node is still inside it.
        inside && span.end <= self.segment_end(last).max(span.start)
    }
}

/// Text as markup must hold it: `&`, `<` and `>` written as entities.
pub fn encode_for_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Builds the article text, its blocks, its metadata and its map, piece by piece.
#[derive(Debug, Default)]
pub struct ArticleBuilder {
    text: String,
    map: SourceMap,
    blocks: Vec<Block>,
    open: Option<(Role, usize)>,
    entries: Vec<MetaEntry>,
    metadata_end: usize,
    next_node: u32,
}

impl ArticleBuilder {
    /// A new, empty article.
    pub fn new() -> Self {
        Self::default()
    }

    /// A fresh text-node id: pieces pushed under different ids are never edited together.
    pub fn new_node(&mut self) -> u32 {
        self.next_node += 1;
        self.next_node
    }

    fn push(&mut self, text: &str, file: Range<usize>, piece: Piece, node: u32) {
        if text.is_empty() {
            return;
        }
        let merges = self.map.segments.last().is_some_and(|last| {
            piece == Piece::Exact
                && last.piece == Piece::Exact
                && last.node == node
                && last.file.end == file.start
                && last.text_start + (last.file.end - last.file.start) == self.text.len()
        });
        if merges {
            let last = self.map.segments.last_mut().expect("checked above");
            last.file.end = file.end;
        } else {
            self.map.segments.push(Segment {
                text_start: self.text.len(),
                file,
                piece,
                node,
            });
        }
        self.text.push_str(text);
        self.map.text_len = self.text.len();
    }

    /// Text copied as it stands in the file at `file_start`.
    pub fn exact(&mut self, text: &str, file_start: usize, node: u32) {
        self.push(
            text,
            file_start..file_start + text.len(),
            Piece::Exact,
            node,
        );
    }

    /// Text that stands for the file range `file` as a whole (a decoded entity).
    pub fn decoded(&mut self, text: &str, file: Range<usize>, node: u32) {
        self.push(text, file, Piece::Decoded, node);
    }

    /// Text that stands for the file range `file` only as a whole and is never edited there
    /// (a body read out of a JSON-LD string, whose escapes the file spells otherwise).
    pub fn unmapped(&mut self, text: &str, file: Range<usize>) {
        self.push(text, file, Piece::Separator, 0);
    }

    /// A space between two pieces of one block (a `<br>`, a run of white space across
    /// elements), unless the block already ends in one.
    pub fn space(&mut self, at: usize) {
        if self.open.is_some_and(|(_, start)| start < self.text.len())
            && !self.text.ends_with([' ', '\n', '\t'])
        {
            self.push(" ", at..at, Piece::Separator, 0);
        }
    }

    /// Whether the open block holds any text yet.
    pub fn block_is_empty(&self) -> bool {
        self.open
            .is_none_or(|(_, start)| self.text[start..].trim().is_empty())
    }

    /// Start a block with `role` at file offset `at` (closing any open one).
    pub fn open(&mut self, role: Role, at: usize) {
        self.close(at);
        if !self.text.is_empty() {
            self.push("\n\n", at..at, Piece::Separator, 0);
        }
        self.open = Some((role, self.text.len()));
    }

    /// The role of the open block.
    pub fn open_role(&self) -> Option<Role> {
        self.open.map(|(role, _)| role)
    }

    /// Close the open block: it becomes a block unless it holds only white space.
    pub fn close(&mut self, at: usize) {
        let Some((role, start)) = self.open.take() else {
            return;
        };
        let text = &self.text[start..];
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        if lead + trail >= text.len() {
            // Nothing in it: take back the separator that opened it.
            self.truncate(start.saturating_sub(2).max(self.metadata_end));
            let _ = at;
            return;
        }
        self.blocks.push(Block {
            span: start + lead..self.text.len() - trail,
            role,
        });
    }

    fn truncate(&mut self, len: usize) {
        if len >= self.text.len() {
            return;
        }
        self.text.truncate(len);
        while self
            .map
            .segments
            .last()
            .is_some_and(|s| s.text_start >= len)
        {
            self.map.segments.pop();
        }
        if let Some(last) = self.map.segments.last_mut()
            && last.piece == Piece::Exact
        {
            let keep = len - last.text_start;
            last.file.end = last.file.end.min(last.file.start + keep);
        }
        self.map.text_len = len;
    }

    /// A metadata value (from a `<meta>` tag, JSON-LD, a wire header): kept ahead of the
    /// blocks, out of prose, so `metadata.*` scopes and the headline can read it. `pieces`
    /// are the decoded text and the file range each stands for.
    pub fn meta(&mut self, key: &str, value: &str, file: Range<usize>, exact: bool) {
        assert!(
            self.blocks.is_empty() && self.open.is_none(),
            "metadata comes first"
        );
        let value = value.trim();
        if value.is_empty() || self.entries.iter().any(|e| e.key == key) {
            return;
        }
        // One line per value: a line break inside it would end the value for line rules.
        let line: String = value
            .chars()
            .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
            .collect();
        let node = self.new_node();
        let start = self.text.len();
        if exact && line.len() == file.len() {
            self.exact(&line, file.start, node);
        } else {
            self.decoded(&line, file, node);
        }
        let end = self.text.len();
        self.push("\n", end..end, Piece::Separator, 0);
        self.metadata_end = self.text.len();
        self.entries.push(MetaEntry {
            key: key.to_string(),
            key_span: start..start,
            value: line,
            value_span: start..end,
        });
    }

    /// The metadata value for `key`, if one was given.
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.key == key)
            .map(|e| e.value.as_str())
    }

    /// Give a block another role (the reader settles the dek and credits once it has them all).
    pub fn blocks_mut(&mut self) -> &mut [Block] {
        &mut self.blocks
    }

    /// Whether a headline block was made.
    pub fn has_headline(&self) -> bool {
        self.blocks.iter().any(|b| b.role == Role::Headline)
            || self.open.is_some_and(|(role, _)| role == Role::Headline)
    }

    /// The article text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The finished article: text, blocks, metadata (as front matter) and map.
    pub fn finish(mut self, at: usize) -> Extracted {
        self.close(at);
        let front_matter = if self.entries.is_empty() {
            None
        } else {
            Some(FrontMatter {
                format: FrontMatterFormat::Embedded,
                span: 0..self.metadata_end,
                entries: self.entries,
            })
        };
        Extracted {
            text: self.text,
            blocks: self.blocks,
            front_matter,
            map: self.map,
        }
    }
}

/// What a markup reader hands the article model.
#[derive(Debug)]
pub struct Extracted {
    /// The article text the rules check.
    pub text: String,
    /// Its blocks.
    pub blocks: Vec<Block>,
    /// Metadata read from the file, if any.
    pub front_matter: Option<FrontMatter>,
    /// Article text → file bytes.
    pub map: SourceMap,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_through_entities_and_separators() {
        // File: <p>Don&rsquo;t go</p><p>the the</p>
        let file = "<p>Don&rsquo;t go</p><p>the the</p>";
        let mut b = ArticleBuilder::new();
        b.open(Role::Body, 0);
        let n = b.new_node();
        b.exact("Don", 3, n);
        b.decoded("’", 6..13, n);
        b.exact("t go", 13, n);
        b.open(Role::Body, 21);
        let m = b.new_node();
        b.exact("the the", 24, m);
        let out = b.finish(35);
        assert_eq!(out.text, "Don’t go\n\nthe the");
        let map = &out.map;
        let go = out.text.find("go").unwrap();
        assert_eq!(&file[map.file_span(go..go + 2)], "go");
        let apostrophe = out.text.find('’').unwrap();
        assert_eq!(&file[map.file_span(apostrophe..apostrophe + 3)], "&rsquo;");
        let second = out.text.rfind("the").unwrap();
        assert_eq!(&file[map.file_span(second..second + 3)], "the");
        assert!(map.in_one_node(&(second - 1..second + 3)));
        assert!(!map.in_one_node(&(go..second)));
        assert_eq!(out.blocks.len(), 2);
    }

    #[test]
    fn empty_blocks_leave_no_trace() {
        let mut b = ArticleBuilder::new();
        b.open(Role::Body, 0);
        let n = b.new_node();
        b.exact("One.", 3, n);
        b.open(Role::Body, 10);
        b.exact("  ", 12, n);
        let out = b.finish(20);
        assert_eq!(out.text, "One.");
        assert_eq!(out.blocks.len(), 1);
    }

    #[test]
    fn markup_encoding() {
        assert_eq!(encode_for_markup("a < b & c"), "a &lt; b &amp; c");
    }
}
