//! Writing a suppression for a finding, with the marker its format takes (see
//! `src/suppress.rs` and the README): in Markdown and the markup formats an HTML comment
//! (`<!-- newslint-disable-line rule -->` at the end of the line, else
//! `<!-- newslint-disable-next-line rule -->` above it; `<!-- newslint-disable rule -->`
//! after the front matter for the whole file); in plain text the in-line marker
//! `[newslint: ignore rule]`, and for the whole file a `[[per-file]]` entry in
//! `newslint.toml`, since a comment would be printed.

use lsp_types::{
    CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Position, ResourceOp, TextDocumentEdit, TextEdit,
    WorkspaceEdit,
};
use newslint::config::CONFIG_FILE_NAME;
use newslint::suppress::UNUSED_SUPPRESSION;
use newslint::{Diagnostic, Format};

use super::actions::edit_of;
use super::position::{Encoding, PositionMap};
use super::uri::file_uri;
use super::worker::Snapshot;

/// Where a suppression is written.
pub enum Insertion {
    /// Text inserted at a byte offset of the document.
    InDocument(usize, String),
    /// An edit of another file (the config).
    Elsewhere(WorkspaceEdit),
}

/// The suppressions that silence `d` and change no other finding: on its line, and for
/// the whole file. Each comes with its title.
pub fn candidates(
    snapshot: &Snapshot,
    map: &PositionMap,
    d: &Diagnostic,
    found: &[Diagnostic],
    encoding: Encoding,
) -> Vec<(String, Insertion)> {
    let rule = &*d.rule;
    if rule == UNUSED_SUPPRESSION {
        return Vec::new();
    }
    let text = snapshot.text.as_str();
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let comments = snapshot.format != Format::Plain;
    let mut out = Vec::new();
    let line = map.line_of(d.span.start);
    if let Some((start, end)) = map.line_bounds(line) {
        let tries = if comments {
            vec![
                (end, format!(" <!-- newslint-disable-line {rule} -->")),
                (
                    start,
                    format!("<!-- newslint-disable-next-line {rule} -->{newline}"),
                ),
            ]
        } else {
            vec![(end, format!(" [newslint: ignore {rule}]"))]
        };
        if let Some((at, inserted)) = tries
            .into_iter()
            .find(|(at, inserted)| silences(snapshot, found, rule, *at, inserted))
        {
            out.push((
                format!("newslint: suppress {rule} on this line"),
                Insertion::InDocument(at, inserted),
            ));
        }
    }
    if comments {
        let at = file_start(snapshot);
        let inserted = format!("<!-- newslint-disable {rule} -->{newline}");
        if silences(snapshot, found, rule, at, &inserted) {
            out.push((
                format!("newslint: suppress {rule} in this file"),
                Insertion::InDocument(at, inserted),
            ));
        }
    } else if let Some(edit) = per_file_entry(snapshot, rule, encoding) {
        out.push((
            format!("newslint: suppress {rule} for this file (in {CONFIG_FILE_NAME})"),
            Insertion::Elsewhere(edit),
        ));
    }
    out
}

/// Where a whole-file comment goes: after the byte-order mark and the front matter.
fn file_start(snapshot: &Snapshot) -> usize {
    let text = snapshot.text.as_str().to_owned();
    let start = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
    match newslint::Document::parse_with(text, snapshot.format, snapshot.engine.read_options()) {
        Ok(doc) => doc.front_matter().map_or(start, |f| f.span.end.max(start)),
        Err(_) => start,
    }
}

/// Whether inserting `inserted` at `at` silences `rule` where it was found and leaves
/// every finding of other rules as it was.
fn silences(
    snapshot: &Snapshot,
    found: &[Diagnostic],
    rule: &str,
    at: usize,
    inserted: &str,
) -> bool {
    let mut text = snapshot.text.as_str().to_owned();
    text.insert_str(at, inserted);
    let Ok((_, after)) = snapshot
        .engine
        .check_text(&snapshot.path, text, snapshot.format)
    else {
        return false;
    };
    let others = |list: &[Diagnostic]| {
        let mut v: Vec<(String, String)> = list
            .iter()
            .filter(|d| &*d.rule != rule)
            .map(|d| (d.rule.to_string(), d.message.clone()))
            .collect();
        v.sort();
        v
    };
    let count = |list: &[Diagnostic]| list.iter().filter(|d| &*d.rule == rule).count();
    count(&after) < count(found) && others(&after) == others(found)
}

/// A `[[per-file]]` entry ignoring `rule` for the snapshot's file, appended to the config
/// that applies to it (or to a new `newslint.toml` in the settings' folder).
fn per_file_entry(snapshot: &Snapshot, rule: &str, encoding: Encoding) -> Option<WorkspaceEdit> {
    let config = snapshot.engine.config();
    let relative = snapshot.path.strip_prefix(&config.root).ok()?;
    let glob = globset::escape(relative.to_str()?);
    let entry = format!(
        "[[per-file]]\npath = {}\nignore = [{}]\n",
        toml::Value::String(glob),
        toml::Value::String(rule.to_string())
    );
    match &config.file {
        Some(file) => {
            let map = PositionMap::new(&file.text, encoding);
            let end = map.position(file.text.len());
            let gap = if file.text.is_empty() || file.text.ends_with("\n\n") {
                ""
            } else if file.text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let uri = file_uri(std::path::Path::new(&file.name))?;
            Some(edit_of(
                &uri,
                vec![TextEdit::new(
                    lsp_types::Range::new(end, end),
                    format!("{gap}{entry}"),
                )],
            ))
        }
        None => {
            let uri = file_uri(&config.root.join(CONFIG_FILE_NAME))?;
            let create = DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: uri.clone(),
                options: Some(CreateFileOptions {
                    overwrite: Some(false),
                    ignore_if_exists: Some(true),
                }),
                annotation_id: None,
            }));
            let start = Position::new(0, 0);
            let write = DocumentChangeOperation::Edit(TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                edits: vec![OneOf::Left(TextEdit::new(
                    lsp_types::Range::new(start, start),
                    entry,
                ))],
            });
            Some(WorkspaceEdit {
                document_changes: Some(DocumentChanges::Operations(vec![create, write])),
                ..Default::default()
            })
        }
    }
}
