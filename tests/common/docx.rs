//! Word documents built in memory with the `zip` crate: one builder for the `.docx`
//! fixtures of the unit tests (`src/article/docx/tests.rs` includes this file) and of the
//! integration tests, so that both write the parts the same way Word does.

// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use std::io::Write;

use zip::write::SimpleFileOptions;

/// The namespaces of `word/document.xml`: WordprocessingML and markup compatibility.
pub const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

/// A zip archive of `(name, contents)` parts, deflated.
pub fn archive(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `word/document.xml` whose body is `body` (the children of `<w:body>`).
pub fn document_xml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}</w:body></w:document>"#
    )
}

/// A `.docx` of `word/document.xml` and the other parts given.
pub fn docx_parts(document_xml: &str, others: &[(&str, &[u8])]) -> Vec<u8> {
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document_xml.as_bytes()),
    ];
    parts.extend_from_slice(others);
    archive(&parts)
}

/// A `.docx` whose body is `body` (the children of `<w:body>`).
pub fn docx(body: &str) -> Vec<u8> {
    docx_parts(&document_xml(body), &[])
}

/// A paragraph of `style` (none when empty) holding `runs` (already XML).
pub fn para(style: &str, runs: &str) -> String {
    let props = if style.is_empty() {
        String::new()
    } else {
        format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#)
    };
    format!("<w:p>{props}{runs}</w:p>")
}

/// A run of `text` (already XML-escaped), its spaces kept.
pub fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// Paragraphs, each `(style, [runs])`, as the children of `<w:body>`.
pub fn paragraphs(list: &[(&str, &[&str])]) -> String {
    list.iter()
        .map(|(style, runs)| para(style, &runs.iter().map(|r| run(r)).collect::<String>()))
        .collect()
}
