//! Front matter of a Markdown article: YAML between `---` lines or TOML between `+++`
//! lines. Values are read with a real parser (saphyr for YAML, toml for TOML) so that a
//! broken block is reported where it breaks; each top-level key keeps its span.

use std::collections::HashMap;
use std::ops::Range;

use saphyr::{LoadableYamlNode, Yaml};

use super::ParseError;

/// Which language the front matter is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontMatterFormat {
    /// `---` … `---`
    Yaml,
    /// `+++` … `+++`
    Toml,
    /// Read from the file's own metadata (HTML `<meta>` tags and JSON-LD, a wire header, a
    /// byline paragraph of a Word document): not written in the article text.
    Embedded,
}

/// One top-level key of the front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetaEntry {
    /// The key as written.
    pub key: String,
    /// Byte span of the key in the source.
    pub key_span: Range<usize>,
    /// The value as text (scalars as written, sequences joined with `, `).
    pub value: String,
    /// Byte span of the value in the source (the rest of the key's line when the value is
    /// not a simple scalar).
    pub value_span: Range<usize>,
}

/// The front matter block of a Markdown article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrontMatter {
    /// YAML or TOML.
    pub format: FrontMatterFormat,
    /// Byte span of the whole block, fences included, up to the line after the closing fence.
    pub span: Range<usize>,
    /// Top-level keys in source order.
    pub entries: Vec<MetaEntry>,
}

impl FrontMatter {
    /// The entry for `key`, if present.
    pub fn get(&self, key: &str) -> Option<&MetaEntry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

/// Read the front matter that opens `source` at `start`, if any.
pub(super) fn parse(source: &str, start: usize) -> Result<Option<FrontMatter>, ParseError> {
    let text = &source[start..];
    let (fence, format) = if is_fence_line(text, "---") {
        ("---", FrontMatterFormat::Yaml)
    } else if is_fence_line(text, "+++") {
        ("+++", FrontMatterFormat::Toml)
    } else {
        return Ok(None);
    };
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let body_start = start + first_line_end;
    let mut offset = body_start;
    let mut close = None;
    for line in source[body_start..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim_end() == fence || (format == FrontMatterFormat::Yaml && content == "...") {
            close = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((close_start, end)) = close else {
        return Err(ParseError {
            span: start..start + fence.len(),
            message: format!("front matter opened with `{fence}` is never closed"),
            position: (0, 0),
        });
    };
    let body = &source[body_start..close_start];
    let entries = match format {
        FrontMatterFormat::Yaml => yaml_entries(source, body_start, body)?,
        FrontMatterFormat::Toml | FrontMatterFormat::Embedded => toml_entries(body_start, body)?,
    };
    Ok(Some(FrontMatter {
        format,
        span: start..end,
        entries,
    }))
}

fn is_fence_line(text: &str, fence: &str) -> bool {
    text.strip_prefix(fence)
        .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"))
}

fn yaml_entries(source: &str, body_start: usize, body: &str) -> Result<Vec<MetaEntry>, ParseError> {
    let docs = Yaml::load_from_str(body).map_err(|err| {
        let marker = err.marker();
        let offset = line_col_to_offset(body, marker.line(), marker.col());
        ParseError {
            span: body_start + offset..body_start + offset,
            message: format!("front matter is not valid YAML: {}", err.info()),
            position: (0, 0),
        }
    })?;
    let Some(doc) = docs.first() else {
        return Ok(Vec::new());
    };
    let Some(mapping) = doc.as_mapping() else {
        if doc.is_null() {
            return Ok(Vec::new());
        }
        return Err(ParseError {
            span: body_start..body_start + body.len(),
            message: "front matter must be a mapping of keys to values".to_string(),
            position: (0, 0),
        });
    };
    let spans = yaml_key_spans(source, body_start, body);
    let mut entries = Vec::with_capacity(mapping.len());
    for (key, value) in mapping {
        let Some(key) = yaml_scalar_text(key) else {
            continue;
        };
        let (key_span, value_span) = spans
            .get(&key)
            .cloned()
            .unwrap_or((body_start..body_start, body_start..body_start));
        entries.push(MetaEntry {
            value: yaml_value_text(value),
            key,
            key_span,
            value_span,
        });
    }
    entries.sort_by_key(|e| e.key_span.start);
    Ok(entries)
}

/// saphyr reports 1-based lines and 0-based columns in characters.
fn line_col_to_offset(text: &str, line: usize, col: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>()
        .min(text.len());
    let rest = &text[line_start..];
    line_start + rest.char_indices().nth(col).map_or(rest.len(), |(i, _)| i)
}

fn yaml_scalar_text(node: &Yaml) -> Option<String> {
    if let Some(s) = node.as_str() {
        return Some(s.to_string());
    }
    if let Some(i) = node.as_integer() {
        return Some(i.to_string());
    }
    if let Some(f) = node.as_floating_point() {
        return Some(f.to_string());
    }
    if let Some(b) = node.as_bool() {
        return Some(b.to_string());
    }
    if let Yaml::Representation(raw, _, _) = node {
        return Some(raw.to_string());
    }
    None
}

fn yaml_value_text(node: &Yaml) -> String {
    if let Some(seq) = node.as_sequence() {
        return seq
            .iter()
            .filter_map(yaml_scalar_text)
            .collect::<Vec<_>>()
            .join(", ");
    }
    yaml_scalar_text(node).unwrap_or_default()
}

/// The spans of every top-level `key:` line and of its value (quotes excluded), by key as
/// written (unquoted), first occurrence first: one pass over the block, so a front matter
/// of many keys costs its length, not keys × lines. A block scalar's value (`title: |` or
/// `>` and the indented lines under it) spans its lines, from the first character of the
/// first to the last of the last: the copy is in the file there, indentation and all.
fn yaml_key_spans(
    source: &str,
    body_start: usize,
    body: &str,
) -> HashMap<String, (Range<usize>, Range<usize>)> {
    let mut spans = HashMap::new();
    // The block scalar being read: its key, and its value's span so far.
    let mut block: Option<(String, Range<usize>, Option<Range<usize>>)> = None;
    let mut offset = body_start;
    for line in body.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let bare = line.trim_end_matches(['\n', '\r']);
        if let Some((_, _, content)) = &mut block {
            let text = bare.trim();
            if bare.starts_with([' ', '\t']) || text.is_empty() {
                if !text.is_empty() {
                    let first = line_start + (bare.len() - bare.trim_start().len());
                    let last = line_start + bare.trim_end().len();
                    let start = content.as_ref().map_or(first, |c| c.start);
                    *content = Some(start..last);
                }
                continue;
            }
            let (key, header_end, content) = block.take().expect("a block is open");
            let value = content.unwrap_or(header_end.end..header_end.end);
            spans.entry(key).and_modify(|(_, v)| *v = value.clone());
        }
        let Some((key, written_len)) = top_level_key(bare) else {
            continue;
        };
        let Some(after_colon) = bare[written_len..].trim_start().strip_prefix(':') else {
            continue;
        };
        let key_span = line_start..line_start + written_len;
        let value_start = bare.len() - after_colon.len();
        let raw = after_colon.trim();
        let lead = after_colon.len() - after_colon.trim_start().len();
        let mut value_span =
            line_start + value_start + lead..line_start + value_start + lead + raw.len();
        let raw_value = &source[value_span.clone()];
        if raw_value.len() >= 2
            && ((raw_value.starts_with('"') && raw_value.ends_with('"'))
                || (raw_value.starts_with('\'') && raw_value.ends_with('\'')))
        {
            value_span = value_span.start + 1..value_span.end - 1;
        }
        if is_block_scalar_header(raw_value) && !spans.contains_key(key) {
            block = Some((key.to_string(), value_span.clone(), None));
        }
        spans
            .entry(key.to_string())
            .or_insert((key_span, value_span));
    }
    if let Some((key, header, content)) = block {
        let value = content.unwrap_or(header.end..header.end);
        spans.entry(key).and_modify(|(_, v)| *v = value);
    }
    spans
}

/// Whether a value as written opens a block scalar: `|` or `>`, then at most a chomping
/// indicator and an indentation digit in either order, then nothing or a comment.
fn is_block_scalar_header(raw: &str) -> bool {
    let Some(rest) = raw.strip_prefix(['|', '>']) else {
        return false;
    };
    let indicators = rest
        .bytes()
        .take_while(|b| matches!(b, b'-' | b'+' | b'1'..=b'9'))
        .count();
    let after = &rest[indicators..];
    indicators <= 2
        && (after.is_empty()
            || after.trim_start().starts_with('#') && after.starts_with([' ', '\t']))
}

/// The key a top-level mapping line starts with, unquoted, and how many bytes it takes as
/// written: `"a: b": x` → (`a: b`, 6); `title: x` → (`title`, 5).
fn top_level_key(line: &str) -> Option<(&str, usize)> {
    for quote in ['"', '\''] {
        if let Some(rest) = line.strip_prefix(quote) {
            let end = rest.find(quote)?;
            return Some((&rest[..end], end + 2));
        }
    }
    if line.starts_with([' ', '\t', '#', '-']) {
        return None;
    }
    // A plain key ends at the first colon followed by a space or the end of the line.
    let bytes = line.as_bytes();
    let colon = (0..bytes.len()).find(|&i| {
        bytes[i] == b':' && bytes.get(i + 1).is_none_or(|b| matches!(b, b' ' | b'\t'))
    })?;
    let key = line[..colon].trim_end();
    Some((key, key.len()))
}

fn toml_entries(body_start: usize, body: &str) -> Result<Vec<MetaEntry>, ParseError> {
    use std::collections::BTreeMap;
    use toml::Spanned;
    let table: BTreeMap<Spanned<String>, Spanned<toml::Value>> =
        toml::from_str(body).map_err(|err| {
            let span = err.span().unwrap_or(0..0);
            ParseError {
                span: body_start + span.start..body_start + span.end,
                message: format!("front matter is not valid TOML: {}", err.message()),
                position: (0, 0),
            }
        })?;
    let mut entries: Vec<MetaEntry> = table
        .into_iter()
        .map(|(key, value)| {
            let key_span = key.span();
            let mut value_span = value.span();
            let text = match value.get_ref() {
                toml::Value::String(s) => {
                    if value_span.len() >= 2 {
                        value_span = value_span.start + 1..value_span.end - 1;
                    }
                    s.clone()
                }
                toml::Value::Array(items) => items
                    .iter()
                    .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(", "),
                other => other.to_string(),
            };
            MetaEntry {
                key: key.into_inner(),
                key_span: body_start + key_span.start..body_start + key_span.end,
                value: text,
                value_span: body_start + value_span.start..body_start + value_span.end,
            }
        })
        .collect();
    entries.sort_by_key(|e| e.key_span.start);
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_keys_with_spans() {
        let src = "---\ntitle: \"Floods\"\ndate: 2025-01-02\ntags: [a, b]\n---\nBody";
        let fm = parse(src, 0).unwrap().unwrap();
        let title = fm.get("title").unwrap();
        assert_eq!(title.value, "Floods");
        assert_eq!(&src[title.value_span.clone()], "Floods");
        assert_eq!(&src[title.key_span.clone()], "title");
        assert_eq!(fm.get("date").unwrap().value, "2025-01-02");
        assert_eq!(fm.get("tags").unwrap().value, "a, b");
        assert_eq!(&src[fm.span.end..], "Body");
    }

    #[test]
    fn toml_keys_with_spans() {
        let src = "+++\ntitle = \"Floods\"\nphoto_credit = \"Desk/Ann\"\n+++\nBody";
        let fm = parse(src, 0).unwrap().unwrap();
        let credit = fm.get("photo_credit").unwrap();
        assert_eq!(&src[credit.value_span.clone()], "Desk/Ann");
    }

    #[test]
    fn unclosed_and_invalid_front_matter_are_errors() {
        let err = parse("---\ntitle: x\nBody\n", 0).unwrap_err();
        assert!(err.message.contains("never closed"));
        let err = parse("---\ntitle: [unclosed\n---\n", 0).unwrap_err();
        assert!(err.message.contains("not valid YAML"), "{}", err.message);
        let err = parse("+++\ntitle = \n+++\n", 0).unwrap_err();
        assert!(err.message.contains("not valid TOML"), "{}", err.message);
    }

    #[test]
    fn top_level_keys_as_written() {
        assert_eq!(top_level_key("title: x"), Some(("title", 5)));
        assert_eq!(top_level_key("title : x"), Some(("title", 5)));
        assert_eq!(top_level_key("\"a: b\": x"), Some(("a: b", 6)));
        assert_eq!(top_level_key("'dek': x"), Some(("dek", 5)));
        assert_eq!(top_level_key("url:"), Some(("url", 3)));
        assert_eq!(top_level_key("a:b: c"), Some(("a:b", 3)));
        assert_eq!(top_level_key("  nested: x"), None);
        assert_eq!(top_level_key("- item"), None);
        let src = "---\ntitle: 'Floods'\ndek : \"Rain\"\ntitle: again\n---\n";
        let spans = yaml_key_spans(src, 4, &src[4..src.len() - 4]);
        let (key, value) = spans["title"].clone();
        assert_eq!((&src[key], &src[value]), ("title", "Floods"));
        let (key, value) = spans["dek"].clone();
        assert_eq!((&src[key], &src[value]), ("dek", "Rain"));
    }

    #[test]
    fn a_block_scalar_value_spans_its_lines() {
        for (header, value) in [
            ("|", "Storm floods\n\nthe harbour\n"),
            (">-", "Storm floods\nthe harbour"),
            ("|2 # literal", "Storm floods\n\nthe harbour\n"),
        ] {
            let src = format!(
                "---\ntitle: {header}\n  Storm floods\n\n  the harbour\n  \nslug: storm\n---\nBody"
            );
            let fm = parse(&src, 0).unwrap().unwrap();
            let title = fm.get("title").unwrap();
            let shown = &src[title.value_span.clone()];
            assert_eq!(shown, "Storm floods\n\n  the harbour", "{header}");
            assert_eq!(title.value, value, "{header}");
            assert_eq!(&src[fm.get("slug").unwrap().value_span.clone()], "storm");
        }
        // At the end of the block, and empty.
        let src = "---\nslug: storm\ndek: >\n  Rain all night\n---\n";
        let dek = parse(src, 0).unwrap().unwrap().get("dek").cloned().unwrap();
        assert_eq!(&src[dek.value_span], "Rain all night");
        let src = "---\ntitle: |\nslug: storm\n---\n";
        let title = parse(src, 0)
            .unwrap()
            .unwrap()
            .get("title")
            .cloned()
            .unwrap();
        assert!(title.value_span.is_empty() && title.value.is_empty());
        assert!(is_block_scalar_header("|+"));
        assert!(is_block_scalar_header(">2-"));
        assert!(!is_block_scalar_header("|x"));
        assert!(!is_block_scalar_header("> not a block"));
    }
}
