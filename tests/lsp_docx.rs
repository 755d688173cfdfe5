//! Word documents over the protocol, on the real `newslint lsp` binary: a `.docx` written
//! to a temporary folder is read from disk when it opens (the editor's buffer, its zip
//! archive, is ignored) and read again when it is saved; findings are placed on line =
//! paragraph index, character = UTF-16 units within the paragraph; no code action is
//! offered; a file that does not read gets one error naming the fault.

mod common;
mod lsp_support;

use common::docx::{docx, paragraphs};
use lsp_support::{Client, finding, rules, uri};
use serde_json::json;

/// An invented story. Paragraph 1 has a doubled word after curly quotes, an em dash and
/// an emoji: the second "the" starts at character 62 in UTF-16 units (the emoji takes
/// two). Paragraph 3 has a placeholder split over two runs ("T" + "K" at character 22).
fn ferry_story(doubled: bool) -> Vec<u8> {
    let vote = if doubled {
        "Councillor Ottilie Varga said the vote “was overdue” — 🎉 the the harbour committee agreed on Tuesday."
    } else {
        "Councillor Ottilie Varga said the vote “was overdue” — 🎉 the harbour committee agreed on Tuesday."
    };
    docx(&paragraphs(&[
        ("Title", &["Bramwick council backs the new ferry"]),
        ("", &[vote]),
        (
            "",
            &["“We will sail by spring,” said Varga, who chairs the committee."],
        ),
        ("", &["A return ticket costs T", "K, the committee said."]),
        ("", &["Photo: Jonas Petrakis"]),
    ]))
}

fn range(line: u32, start: u32, end: u32) -> serde_json::Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

#[test]
fn a_docx_is_read_from_disk_and_placed_by_paragraph_and_utf16_character() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.docx");
    std::fs::write(&path, ferry_story(true)).unwrap();
    let mut client = Client::in_folder(dir.path(), &[]);
    let ferry = uri(&path);
    // What an editor sends for a Word file: its archive read as text; a doubled word in
    // it must not be flagged.
    let found = client.open(&ferry, "plaintext", "PK\u{3}\u{4} the the TK");
    assert_eq!(rules(&found), vec!["repeated-word", "placeholder-text"]);
    assert_eq!(finding(&found, "repeated-word")["range"], range(1, 62, 65));
    assert_eq!(
        finding(&found, "placeholder-text")["range"],
        range(3, 22, 24)
    );
    assert_eq!(finding(&found, "placeholder-text")["severity"], 1);

    // Neither fixes nor suppressions: newslint never writes a .docx.
    let actions = client.code_actions(&ferry, &range(1, 62, 65), None);
    assert_eq!(actions, Vec::<serde_json::Value>::new());

    // Saved (by Word, say) without the doubled word: read again.
    std::fs::write(&path, ferry_story(false)).unwrap();
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": ferry}}),
    );
    let found = client.diagnostics(&ferry, 1);
    assert_eq!(rules(&found), vec!["placeholder-text"]);
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_docx_that_does_not_read_gets_one_error_naming_the_fault() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.docx");
    std::fs::write(&broken, "plain words, not a zip archive").unwrap();
    let missing = dir.path().join("missing.docx");
    let mut client = Client::in_folder(dir.path(), &[]);

    let found = client.open(&uri(&broken), "plaintext", "");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["severity"], 1);
    assert_eq!(found[0]["range"], range(0, 0, 0));
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!(
            "newslint cannot read this article: {}: ",
            broken.display()
        )),
        "{message}"
    );

    let found = client.open(&uri(&missing), "plaintext", "");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0]["message"],
        format!(
            "newslint cannot read this article: cannot read {}: no such file or folder",
            missing.display()
        )
    );
    assert_eq!(client.shutdown(), Some(0));
}
