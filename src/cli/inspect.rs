//! `newslint inspect FILE`: how newslint reads an article — its format, headline, date,
//! byline, dek, every block with its role and span, credits and metadata — so a user can
//! see why a finding is where it is, and a scorer can take the extracted body.

use std::io::{Read, Write};
use std::path::Path;

use newslint::Document;
use newslint::article::Role;
use newslint::line_index::LineIndex;
use serde_json::json;

use super::args::{ConfigArgs, InspectFormat};
use super::{EXIT_CLEAN, EXIT_TROUBLE, load_rules, read_document};

fn role_name(role: Role) -> &'static str {
    match role {
        Role::SectionTag => "section-tag",
        Role::Headline => "headline",
        Role::DateLine => "date-line",
        Role::Dek => "dek",
        Role::Body => "body",
        Role::Heading => "subhead",
        Role::Table => "table",
        Role::Credit => "credit",
    }
}

/// Run `inspect`.
pub fn run(
    file: &Path,
    stdin_name: Option<&Path>,
    format: InspectFormat,
    config: &ConfigArgs,
) -> u8 {
    // Read as `check` reads: with the credit labels of the packs the config loads.
    let engine = match load_rules(config) {
        Ok((config, rules)) => newslint::Engine::new(config, rules),
        Err(code) => return code,
    };
    let (path, bytes) = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        if let Err(err) = std::io::stdin().read_to_end(&mut bytes) {
            eprintln!("error: cannot read standard input: {err}");
            return EXIT_TROUBLE;
        }
        (
            stdin_name.unwrap_or(Path::new("<stdin>")).to_path_buf(),
            bytes,
        )
    } else {
        match super::read_file::read_capped(file) {
            Ok(bytes) => (file.to_path_buf(), bytes),
            Err(err) => {
                eprintln!(
                    "error: {}: {}",
                    file.display(),
                    super::walk::io_message(&err)
                );
                return EXIT_TROUBLE;
            }
        }
    };
    let doc = match read_document(&path, bytes, engine.read_options()) {
        Ok(doc) => doc,
        Err((message, position)) => {
            let (line, col) = position.unwrap_or((1, 1));
            eprintln!("error: {}:{line}:{col}: {message}", path.display());
            return EXIT_TROUBLE;
        }
    };
    let report = describe(&doc);
    let mut out = std::io::stdout().lock();
    let written = match format {
        InspectFormat::Json => {
            crate::cli::json_text::to_writer_pretty(&mut out, &report).and_then(|()| writeln!(out))
        }
        InspectFormat::Human => {
            let mut text = Vec::new();
            write_human(&mut text, &path, &report).and_then(|()| {
                // Copy is shown: its control characters escaped, never obeyed.
                let text = String::from_utf8_lossy(&text);
                out.write_all(super::terminal::escape_controls(&text).as_bytes())
            })
        }
    };
    match written {
        Ok(()) => EXIT_CLEAN,
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => EXIT_CLEAN,
        Err(err) => {
            eprintln!("error: cannot write: {err}");
            EXIT_TROUBLE
        }
    }
}

/// Where a span of the article text lies in the file: byte range, line and column.
fn place(doc: &Document, lines: &LineIndex, span: std::ops::Range<usize>) -> serde_json::Value {
    let file_span = match doc.source_map() {
        Some(map) => map.file_span(span),
        None => span,
    };
    let (line, column) = lines.line_col(doc.file_text(), file_span.start);
    if doc.format() == newslint::Format::Docx {
        // A Word file has no lines: line N of its text is paragraph N.
        return json!({"start": file_span.start, "end": file_span.end, "line": line, "column": column,
            "paragraph": line, "character": column});
    }
    json!({"start": file_span.start, "end": file_span.end, "line": line, "column": column})
}

/// The article as a JSON value.
fn describe(doc: &Document) -> serde_json::Value {
    let lines = LineIndex::new(doc.file_text());
    let text = |span: std::ops::Range<usize>| doc.source()[span].to_string();
    let meta = |key: &str| {
        doc.front_matter()
            .and_then(|fm| fm.get(key))
            .map(|e| json!({"text": e.value, "span": place(doc, &lines, e.value_span.clone())}))
    };
    let headline = doc
        .headline()
        .map(|span| json!({"text": text(span.clone()), "span": place(doc, &lines, span)}));
    let blocks: Vec<serde_json::Value> = doc
        .blocks()
        .iter()
        .map(|b| {
            json!({
                "role": role_name(b.role),
                "text": text(b.span.clone()),
                "span": place(doc, &lines, b.span.clone()),
            })
        })
        .collect();
    let with_role = |roles: &[Role]| -> Vec<String> {
        doc.blocks()
            .iter()
            .filter(|b| roles.contains(&b.role))
            .map(|b| text(b.span.clone()))
            .collect()
    };
    let metadata: serde_json::Map<String, serde_json::Value> = doc
        .front_matter()
        .map(|fm| {
            fm.entries
                .iter()
                .map(|e| (e.key.clone(), json!(e.value)))
                .collect()
        })
        .unwrap_or_default();
    json!({
        "format": doc.format().name(),
        "headline": headline,
        "date": doc.article_date().map(|d| d.to_string()),
        "date_text": meta("date"),
        "byline": meta("byline"),
        "dek": with_role(&[Role::Dek]).first(),
        "blocks": blocks,
        "credits": with_role(&[Role::Credit]),
        "metadata": metadata,
        "articleBody": with_role(&[Role::Body, Role::Heading]).join("\n"),
    })
}

fn write_human(
    out: &mut impl Write,
    path: &Path,
    report: &serde_json::Value,
) -> std::io::Result<()> {
    let field = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
    writeln!(out, "{}: {}", path.display(), field(&report["format"]))?;
    if let Some(h) = report["headline"].as_object() {
        let at = if h["span"]["paragraph"].is_null() {
            "line"
        } else {
            "paragraph"
        };
        writeln!(
            out,
            "headline: {}  ({at} {})",
            field(&h["text"]),
            h["span"]["line"]
        )?;
    }
    if let Some(date) = report["date"].as_str() {
        writeln!(out, "date: {date}")?;
    }
    if let Some(b) = report["byline"].as_object() {
        writeln!(out, "byline: {}", field(&b["text"]))?;
    }
    if let Some(dek) = report["dek"].as_str() {
        writeln!(out, "dek: {dek}")?;
    }
    if let Some(meta) = report["metadata"].as_object()
        && !meta.is_empty()
    {
        writeln!(out, "metadata:")?;
        for (key, value) in meta {
            writeln!(out, "  {key}: {}", field(value))?;
        }
    }
    writeln!(out, "blocks:")?;
    for block in report["blocks"].as_array().into_iter().flatten() {
        let span = &block["span"];
        writeln!(
            out,
            "  {:>4}:{:<3} {:<11} {}",
            span["line"],
            span["column"],
            field(&block["role"]),
            field(&block["text"])
        )?;
    }
    Ok(())
}
