//! Word documents through the real binary: `.docx` files built in the test with the `zip`
//! crate from invented copy. Human output is pinned with an insta snapshot (positions are
//! paragraph and character, with the paragraph shown); `inspect` reads the same model; a
//! `.docx` is never written, even with `--fix`; and the bad-input matrix (not a zip, a
//! truncated archive, no document.xml, zip bombs, an entity bomb, nesting 5,000 deep, too
//! many entries) each draws a clear error naming the file, exit 2, while the other files
//! of the run are still checked.

mod common;

use common::docx::{W, archive, document_xml, docx_parts, paragraphs};
use common::{Desk, Run};

/// A `.docx` with the given `word/document.xml` and a comment that is not copy.
fn docx_with(document_xml: &str) -> Vec<u8> {
    let comments = format!(
        "<w:comments {W}><w:comment><w:p><w:r><w:t>the the TK</w:t></w:r></w:p></w:comment></w:comments>"
    );
    docx_parts(document_xml, &[("word/comments.xml", comments.as_bytes())])
}

/// A `.docx` of paragraphs, each `(style, [runs])`.
fn docx(list: &[(&str, &[&str])]) -> Vec<u8> {
    docx_with(&document_xml(&paragraphs(list)))
}

/// An invented story: a doubled word split across runs (paragraph 4), a placeholder
/// after smart quotes (paragraph 5), a comment that is not copy.
fn harbour_story() -> Vec<u8> {
    docx(&[
        ("Title", &["Harbour wall repairs to start in May"]),
        ("Subtitle", &["Penhallow council approves the contract."]),
        ("", &[]),
        (
            "",
            &[
                "PENHALLOW — Work on the ",
                "the harbour wall will start in May, the council said.",
            ],
        ),
        (
            "",
            &[
                "“We have waited long enough,” said harbourmaster Ines Corrow. The work costs £",
                "TK.",
            ],
        ),
        ("", &["Photo: Penhallow Post/Ada Lum"]),
    ])
}

/// The good article every bad-input case checks alongside, and its one finding.
const GOOD: &str = "# Lifeboat crew honoured\n\nThe crew received a medal for the the rescue.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
const GOOD_CONCISE: &str = "good.md:3:35: warning[repeated-word]";

#[test]
fn docx_findings_are_shown_by_paragraph_and_character() {
    let desk = Desk::new();
    desk.write("harbour.docx", harbour_story());
    let run = desk.run(&["--isolated", "--color", "never", "harbour.docx"]);
    run.expect_code(1);
    insta::assert_snapshot!("docx_harbour", run.stdout);

    let json = desk
        .run(&["--isolated", "--format", "json", "harbour.docx"])
        .json();
    let found: Vec<(String, u64, u64)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    // "the the" across two runs: paragraph 4, character 25 ("PENHALLOW — " is 12).
    assert!(
        found.contains(&("repeated-word".into(), 4, 25)),
        "{found:?}"
    );
    // TK after the smart quotes and the pound sign: character 79 of paragraph 5.
    assert!(
        found.contains(&("placeholder-text".into(), 5, 79)),
        "{found:?}"
    );
    // The comment's "the the TK" is not copy.
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn docx_is_never_written_even_with_fix() {
    let desk = Desk::new();
    let bytes = harbour_story();
    desk.write("harbour.docx", &bytes);
    for args in [
        &["--isolated", "--fix", "harbour.docx"][..],
        &["--isolated", "--diff", "harbour.docx"],
    ] {
        let run = desk.run(args);
        run.expect_code(1);
        assert!(run.stderr.contains("never written"), "{}", run.stderr);
        assert!(!run.stdout.contains("fix ("), "{}", run.stdout);
        assert_eq!(
            std::fs::read(desk.path().join("harbour.docx")).unwrap(),
            bytes
        );
    }
    let json = desk
        .run(&["--isolated", "--format", "json", "harbour.docx"])
        .json();
    for d in json["diagnostics"].as_array().unwrap() {
        assert!(d["fix"].is_null(), "{d}");
    }
}

#[test]
fn docx_in_a_folder_is_checked_and_inspected() {
    let desk = Desk::new();
    desk.write("desk/harbour.docx", harbour_story());
    let run = desk.run(&["--isolated", "--format", "concise", "desk"]);
    run.expect_code(1);
    assert!(
        run.stdout
            .contains("harbour.docx:4:25: warning[repeated-word]"),
        "{}",
        run.stdout
    );

    let inspect = desk.run(&[
        "inspect",
        "--isolated",
        "--format",
        "json",
        "desk/harbour.docx",
    ]);
    inspect.expect_code(0);
    let report = inspect.json();
    assert_eq!(report["format"], "docx");
    assert_eq!(
        report["headline"]["text"],
        "Harbour wall repairs to start in May"
    );
    assert_eq!(report["headline"]["span"]["paragraph"], 1);
    assert_eq!(report["dek"], "Penhallow council approves the contract.");
    assert_eq!(report["credits"][0], "Photo: Penhallow Post/Ada Lum");
    let body = report["articleBody"].as_str().unwrap();
    assert!(
        body.starts_with("PENHALLOW — Work on the the harbour"),
        "{body}"
    );
    let human = desk.run(&["inspect", "--isolated", "desk/harbour.docx"]);
    human.expect_code(0);
    assert!(human.stdout.contains("(paragraph 1)"), "{}", human.stdout);
}

/// Check `bad.docx` beside the good article; the bad file is named with `needle`, exit 2,
/// and the good file's finding is still reported.
#[track_caller]
fn assert_refused(bytes: &[u8], needle: &str) -> Run {
    let desk = Desk::new();
    desk.write("bad.docx", bytes);
    desk.write("good.md", GOOD);
    let run = desk.run(&["--isolated", "--format", "concise", "bad.docx", "good.md"]);
    run.expect_code(2);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    // The concise format reports a file it cannot read in the run's output.
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("bad.docx"))
        .unwrap_or_else(|| panic!("bad.docx is not named:\n{}", run.stdout));
    assert!(line.starts_with("bad.docx:1:1: error[io] "), "{line}");
    assert!(line.contains(needle), "{needle:?} not in {line}");
    assert!(run.stdout.contains(GOOD_CONCISE), "{}", run.stdout);
    run
}

#[test]
fn bad_docx_matrix() {
    // Not what its extension says: plain text, an old binary .doc, an empty file.
    assert_refused(b"Harbour wall\n\nJust text.\n", "not a zip archive");
    assert_refused(
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        "old binary .doc",
    );
    assert_refused(b"", "not a zip archive");
    // Truncated.
    let whole = harbour_story();
    assert_refused(&whole[..whole.len() * 2 / 3], "not a .docx");
    // A zip without the body part.
    assert_refused(
        &archive(&[("word/styles.xml", b"<w:styles/>")]),
        "no word/document.xml",
    );
    // Broken XML.
    assert_refused(
        &docx_with(&format!("<w:document {W}><w:body><w:p>")),
        "word/document.xml",
    );
    // A billion-laughs entity bomb.
    let mut laughs = String::from("<!DOCTYPE w:document [<!ENTITY l0 \"ha\">");
    for i in 1..10 {
        laughs.push_str(&format!(
            "<!ENTITY l{i} \"{}\">",
            format!("&l{};", i - 1).repeat(10)
        ));
    }
    laughs.push_str(&format!(
        "]><w:document {W}><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    ));
    assert_refused(&docx_with(&laughs), "DOCTYPE");
    // Nested 5,000 deep.
    let deep = format!(
        "<w:document {W}><w:body>{}{}</w:body></w:document>",
        "<w:sdt><w:sdtContent>".repeat(2500),
        "</w:sdtContent></w:sdt>".repeat(2500)
    );
    assert_refused(&docx_with(&deep), "deeper than 256");
    // A zip bomb: 16 MiB of white space packs about a thousand times.
    let mut bomb = format!("<w:document {W}><w:body>").into_bytes();
    bomb.resize(16 * 1024 * 1024, b' ');
    bomb.extend_from_slice(b"</w:body></w:document>");
    assert_refused(&archive(&[("word/document.xml", &bomb)]), "zip bomb");
    // Over the size cap whatever the ratio.
    let mut huge = vec![b' '; 65 * 1024 * 1024];
    huge[..7].copy_from_slice(b"<w:doc ");
    assert_refused(
        &archive(&[("word/document.xml", &huge)]),
        "more than 64 MiB",
    );
    // Too many entries.
    let names: Vec<String> = (0..10_001).map(|i| format!("p/{i}")).collect();
    let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    assert_refused(&archive(&parts), "entries");
}
