//! HTML, Word and wire XML articles through the real binary: human output pinned with insta
//! snapshots (line and column point into the original file), `inspect`, `--fix` on HTML,
//! and the bad-input matrix of each format.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::Desk;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/formats")
        .join(name)
}

fn newslint(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn check_human(name: &str) -> String {
    let path = format!("tests/fixtures/formats/{name}");
    let (code, stdout, stderr) = newslint(&["--isolated", "--color", "never", &path]);
    assert!(code == 0 || code == 1, "{name}: exit {code}: {stderr}");
    stdout
}

/// Every finding's span, as JSON reports it, covers the text the message quotes.
fn json_spans(name: &str) -> Vec<(String, String)> {
    let path = format!("tests/fixtures/formats/{name}");
    let (_, stdout, _) = newslint(&["--isolated", "--format", "json", &path]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let bytes = std::fs::read(fixture(name)).unwrap();
    let mut out = Vec::new();
    for d in report["diagnostics"].as_array().unwrap() {
        let start = d["byte_start"].as_u64().unwrap() as usize;
        let end = d["byte_end"].as_u64().unwrap() as usize;
        let text = String::from_utf8_lossy(&bytes[start..end]).to_string();
        out.push((d["rule"].as_str().unwrap().to_string(), text));
    }
    out
}

#[test]
fn html_fragment_findings_point_into_the_markup() {
    insta::assert_snapshot!("html_fragment", check_human("fragment.html"));
    let spans = json_spans("fragment.html");
    assert!(
        spans.contains(&("repeated-word".into(), "the".into())),
        "{spans:?}"
    );
    assert!(
        spans.contains(&("placeholder-text".into(), "TK".into())),
        "{spans:?}"
    );
    // The comment, the script and the alt text are not prose.
    assert_eq!(
        spans
            .iter()
            .filter(|(r, _)| r == "placeholder-text")
            .count(),
        1
    );
}

#[test]
fn html_page_body_is_found_among_the_furniture() {
    insta::assert_snapshot!("html_page", check_human("page.html"));
    let (code, stdout, _) = newslint(&[
        "inspect",
        "--isolated",
        "--format",
        "json",
        "tests/fixtures/formats/page.html",
    ]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["format"], "html");
    assert_eq!(report["headline"]["text"], "Ferry fares rise by a fifth");
    assert_eq!(report["date"], "2025-03-14");
    assert_eq!(report["byline"]["text"], "Omar Lind");
    let body = report["articleBody"].as_str().unwrap();
    assert!(body.starts_with("TIDEWATER — Fares"), "{body}");
    assert!(body.contains("café by the pier"), "{body}");
    for furniture in [
        "Home",
        "Related",
        "Lifeboat crew",
        "All rights reserved",
        "Omar Lind",
    ] {
        assert!(!body.contains(furniture), "{furniture} in {body}");
    }
}

#[test]
fn html_fix_edits_one_text_node_and_nothing_else() {
    let desk = Desk::new();
    let before = "<h1>Vote &amp; count</h1>\n<p>The council met on the the\n   quay.</p>\n<p class=x>Photo: Post/Ana</p>\n";
    desk.write("story.html", before);
    let run = desk.run(&["--fix", "story.html"]);
    run.expect_code(0);
    let after = std::fs::read_to_string(desk.path().join("story.html")).unwrap();
    assert_eq!(
        after,
        "<h1>Vote &amp; count</h1>\n<p>The council met on the\n   quay.</p>\n<p class=x>Photo: Post/Ana</p>\n"
    );
}

#[test]
fn html_fix_across_elements_is_not_offered() {
    let desk = Desk::new();
    let before =
        "<h1>Vote</h1>\n<p>The council met on the <b>the</b> quay.</p>\n<p>Photo: Post/Ana</p>\n";
    desk.write("story.html", before);
    let run = desk.run(&["--fix", "story.html"]);
    run.expect_code(1);
    assert_eq!(
        std::fs::read_to_string(desk.path().join("story.html")).unwrap(),
        before
    );
}

#[test]
fn html_house_selectors_name_the_body() {
    let desk = Desk::new();
    desk.write(
        "newslint.toml",
        "[html]\nbody = [\"div.copy\"]\nexclude = [\".promo\"]\n",
    );
    desk.write(
        "page.html",
        "<html><body><h1>Vote</h1><div class=\"teaser\"><p>Other story TK, with words enough to look like a body paragraph of some length.</p></div><div class=\"copy\"><p>The council met on Friday.</p><p class=\"promo\">Subscribe TK now.</p><p>Photo: Post/Ana</p></div></body></html>",
    );
    let run = desk.run(&["inspect", "--format", "json", "page.html"]);
    run.expect_code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["articleBody"], "The council met on Friday.");
    desk.write("newslint.toml", "[html]\nbody = [\"div[[\"]\n");
    let run = desk.run(&["page.html"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("invalid CSS selector"),
        "{}",
        run.stderr
    );
}

#[test]
fn wire_xml_findings_point_into_the_xml() {
    insta::assert_snapshot!("wire_nitf", check_human("wire-nitf.xml"));
    insta::assert_snapshot!("wire_newsml", check_human("wire-newsml.xml"));
    let spans = json_spans("wire-nitf.xml");
    assert!(
        spans.contains(&("repeated-word".into(), "the".into())),
        "{spans:?}"
    );
    assert!(
        spans.contains(&("date-weekday".into(), "Thursday".into())),
        "{spans:?}"
    );
    let spans = json_spans("wire-newsml.xml");
    assert_eq!(spans, vec![("placeholder-text".into(), "XX".into())]);
}

#[test]
fn wire_xml_inspect_reads_the_header() {
    let (code, stdout, _) = newslint(&[
        "inspect",
        "--isolated",
        "--format",
        "json",
        "tests/fixtures/formats/wire-nitf.xml",
    ]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["format"], "xml");
    assert_eq!(report["headline"]["text"], "Harbour fees rise by a fifth");
    assert_eq!(report["dek"], "Fishing boats pay more from April");
    assert_eq!(report["date"], "2025-03-14");
    assert_eq!(report["byline"]["text"], "By Omar Lind , Tidewater Gazette");
}

/// Each hostile or broken file: a clear error naming it, exit 2, and the good file beside
/// it still checked.
#[test]
fn bad_input_matrix_for_html_and_xml() {
    let lol = {
        let mut dtd = String::from("<!ENTITY l0 \"lol\">");
        for i in 1..10 {
            dtd.push_str(&format!(
                "<!ENTITY l{i} \"{}\">",
                format!("&l{};", i - 1).repeat(10)
            ));
        }
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE nitf [{dtd}]><nitf><body><body.content><p>&l9;</p></body.content></body></nitf>"
        )
    };
    let deep_xml = format!(
        "<nitf><body><body.content>{}<p>Deep.</p>{}</body.content></body></nitf>",
        "<block>".repeat(1000),
        "</block>".repeat(1000)
    );
    let deep_html = format!(
        "{}<p>Deep text.</p>{}",
        "<div>".repeat(1000),
        "</div>".repeat(1000)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.xml",
            b"<nitf><body><body.content><p>Cut".to_vec(),
            "not well-formed XML",
        ),
        ("laughs.xml", lol.into_bytes(), "not well-formed XML"),
        (
            "feed.xml",
            b"<rss><channel/></rss>".to_vec(),
            "neither NITF",
        ),
        (
            "picture.html",
            vec![0x89, b'P', b'N', b'G', 0, 0, 0, 1],
            "binary",
        ),
        ("latin1.html", b"<p>caf\xe9</p>".to_vec(), "not valid UTF-8"),
    ];
    for (name, bytes, message) in cases {
        let desk = Desk::new();
        desk.write(name, bytes);
        desk.write(
            "good.html",
            "<h1>Vote</h1><p>The the council met.</p><p>Photo: Post/Ana</p>",
        );
        let run = desk.run(&["--format", "concise", name, "good.html"]);
        run.expect_code(2);
        assert!(
            run.stdout.contains(name) || run.stderr.contains(name),
            "{name}: {}{}",
            run.stdout,
            run.stderr
        );
        assert!(
            run.stdout.contains(message) || run.stderr.contains(message),
            "{name}: {}{}",
            run.stdout,
            run.stderr
        );
        assert!(
            run.stdout.contains("good.html:1:"),
            "{name}: good file not checked: {}",
            run.stdout
        );
    }
    // Nested a thousand deep: read, not refused.
    let desk = Desk::new();
    desk.write("deep.xml", deep_xml);
    desk.write("deep.html", deep_html);
    let run = desk.run(&["--format", "concise", "deep.xml", "deep.html"]);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
}
