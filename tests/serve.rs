//! HTTP tests of `newslint serve` on the real binary: every route, every kind of bad input
//! (each a 4xx with a JSON body), and the README's examples. Limits, token, CORS, the log
//! and reloading are in `serve_limits.rs`.

mod common;
mod serve_support;

use assert_cmd::Command;
use common::rules_reported;
use serde_json::{Value, json};
use serve_support::{ARTICLE, Server, check};

#[test]
fn check_answers_the_cli_json_report_with_utf16_offsets() {
    let server = Server::start(&["--isolated"]);
    // Curly quotes, an accent and a character outside the BMP before the findings, so
    // bytes, characters and UTF-16 units all differ.
    let text = ARTICLE.replace("the mayor", "the “mayor” 𝄞 café");
    let served = check(&server, &text, "story.txt");
    let cli = Command::cargo_bin("newslint")
        .unwrap()
        .args([
            "check",
            "--isolated",
            "--format",
            "json",
            "--stdin-filename",
            "story.txt",
            "-",
        ])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    assert_eq!(served["summary"], cli["summary"]);
    assert_eq!(served["version"], cli["version"]);
    let served_list = served["diagnostics"].as_array().unwrap();
    let cli_list = cli["diagnostics"].as_array().unwrap();
    assert_eq!(served_list.len(), cli_list.len());
    assert!(served_list.len() >= 2);
    for (s, c) in served_list.iter().zip(cli_list) {
        let mut trimmed = s.clone();
        let object = trimmed.as_object_mut().unwrap();
        let start = object.remove("utf16_start").unwrap().as_u64().unwrap() as usize;
        let end = object.remove("utf16_end").unwrap().as_u64().unwrap() as usize;
        if let Some(fix) = object.get_mut("fix").and_then(Value::as_object_mut) {
            let fix_start = fix.remove("utf16_start").unwrap().as_u64().unwrap() as usize;
            let byte_start = fix["byte_start"].as_u64().unwrap() as usize;
            assert_eq!(fix_start, text[..byte_start].encode_utf16().count());
            assert!(fix.remove("utf16_end").is_some());
            assert_eq!(fix.remove("safe"), Some(Value::Bool(true)));
        }
        // The same keys in the same order, the same values.
        assert_eq!(
            serde_json::to_string(&trimmed).unwrap(),
            serde_json::to_string(c).unwrap()
        );
        let byte_start = s["byte_start"].as_u64().unwrap() as usize;
        let byte_end = s["byte_end"].as_u64().unwrap() as usize;
        assert_eq!(start, text[..byte_start].encode_utf16().count());
        assert_eq!(end, text[..byte_end].encode_utf16().count());
    }
    let stray = served_list
        .iter()
        .find(|d| d["rule"] == "stray-text")
        .unwrap();
    assert_eq!(stray["line"], 15);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let (a, b) = (
        stray["utf16_start"].as_u64().unwrap() as usize,
        stray["utf16_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(String::from_utf16(&utf16[a..b]).unwrap(), "a");
}

#[test]
fn the_name_or_the_format_field_picks_markdown() {
    let server = Server::start(&["--isolated"]);
    let markdown =
        "---\ntitle: Pier to reopen\n---\n\nThe the pier reopens.\n\n```\nthe the\n```\n";
    let report = check(&server, markdown, "story.md");
    assert_eq!(
        rules_reported(&report)
            .iter()
            .filter(|r| *r == "repeated-word")
            .count(),
        1
    );
    let response = server.post_json(
        "/api/v1/check",
        &json!({"text": markdown, "filename": "story", "format": "md"}),
    );
    assert_eq!(response.status, 200);
    let by_field = response.json();
    assert_eq!(rules_reported(&by_field), rules_reported(&report));
    assert_eq!(by_field["diagnostics"][0]["path"], "story");
    assert_eq!(
        by_field["diagnostics"][0]["byte_start"],
        report["diagnostics"][0]["byte_start"]
    );
    // Without a name, the article is plain text called article.txt.
    let response = server.post_json("/api/v1/check", &json!({"text": ARTICLE}));
    assert_eq!(response.json()["diagnostics"][0]["path"], "article.txt");
}

#[test]
fn fix_returns_the_fixed_text_the_diff_and_what_is_left() {
    let server = Server::start(&["--isolated"]);
    let response = server.post_json(
        "/api/v1/fix",
        &json!({"text": ARTICLE, "filename": "story.txt"}),
    );
    assert_eq!(response.status, 200);
    let body = response.json();
    let fixed = body["text"].as_str().unwrap();
    assert!(fixed.contains("\n2025-05-09\n"), "{fixed}");
    assert!(!fixed.trim_end().ends_with("\na"), "{fixed}");
    assert_eq!(body["changed"], true);
    assert_eq!(body["applied"], 2);
    let diff = body["diff"].as_str().unwrap();
    assert!(diff.contains("-2025.05.09\n+2025-05-09"), "{diff}");
    let left = rules_reported(&body["report"]);
    assert!(
        !left.contains(&"stray-text".to_string()) && !left.contains(&"date-format".to_string())
    );
    // Bytes outside the edits are untouched.
    assert_eq!(&fixed[..60], &ARTICLE[..60]);
    // Nothing to fix: unchanged, nothing applied.
    let again = server.post_json(
        "/api/v1/fix",
        &json!({"text": fixed, "filename": "story.txt", "unsafe_fixes": true}),
    );
    let again = again.json();
    assert_eq!(again["changed"], false);
    assert_eq!(again["text"], fixed);
    assert_eq!(again["diff"], "");
}

#[test]
fn rules_are_listed_and_explained() {
    let server = Server::start(&["--isolated"]);
    let response = server.get("/api/v1/rules");
    assert_eq!(response.status, 200);
    let list = response.json();
    let ids: Vec<&str> = list["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"stray-text") && ids.contains(&"date-format"),
        "{ids:?}"
    );
    let date_format = list["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "date-format")
        .unwrap();
    assert_eq!(date_format["fix"], "safe");
    assert_eq!(date_format["pack"], "news");

    let detail = server.get("/api/v1/rules/stray-text").json();
    assert_eq!(detail["id"], "stray-text");
    assert!(!detail["description"].as_str().unwrap().is_empty());
    let examples = detail["examples"].as_array().unwrap();
    assert!(
        examples.iter().any(|e| e["kind"] == "bad") && examples.iter().any(|e| e["kind"] == "good")
    );

    let built_in = server.get("/api/v1/rules/unused-suppression");
    assert_eq!(built_in.status, 200);
    let missing = server.get("/api/v1/rules/no-such-rule");
    assert_eq!(
        (missing.status, missing.error_code().as_str()),
        (404, "unknown-rule")
    );
}

#[test]
fn health_and_the_page() {
    let server = Server::start(&["--isolated"]);
    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
    assert_eq!(health.json()["status"], "ok");
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        page.header("content-security-policy")
            .unwrap()
            .contains("default-src 'self'")
    );
    let html = String::from_utf8(page.body).unwrap();
    assert!(html.contains("/page.js") && html.contains("/page.css"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from elsewhere"
    );
    for (path, kind) in [("/page.js", "text/javascript"), ("/page.css", "text/css")] {
        let asset = server.get(path);
        assert_eq!(asset.status, 200);
        assert!(asset.header("content-type").unwrap().starts_with(kind));
        assert!(!asset.body.is_empty());
    }
}

#[test]
fn bad_input_gets_a_json_4xx() {
    let server = Server::start(&["--isolated", "--max-body", "100000"]);
    let post = |body: &[u8]| {
        server.request(
            "POST",
            "/api/v1/check",
            &[("Content-Type", "application/json")],
            body,
        )
    };
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        (
            "malformed JSON",
            b"{\"text\": \"x".to_vec(),
            400,
            "malformed-json",
        ),
        ("not an object", b"[1, 2]".to_vec(), 422, "invalid-request"),
        ("empty body", b"".to_vec(), 400, "malformed-json"),
        (
            "bytes that are not UTF-8",
            b"{\"text\": \"caf\xe9\"}".to_vec(),
            400,
            "not-utf8",
        ),
        (
            "a lone surrogate",
            br#"{"text": "a\ud800b"}"#.to_vec(),
            400,
            "not-utf8",
        ),
        (
            "no text",
            br#"{"filename": "a.txt"}"#.to_vec(),
            422,
            "invalid-request",
        ),
        (
            "text not a string",
            br#"{"text": 5}"#.to_vec(),
            422,
            "invalid-request",
        ),
        (
            "a misspelt field",
            br#"{"text": "x", "filname": "a.md"}"#.to_vec(),
            422,
            "invalid-request",
        ),
        (
            "unknown extension",
            br#"{"text": "x", "filename": "a.docx"}"#.to_vec(),
            422,
            "unknown-format",
        ),
        (
            "unknown format",
            br#"{"text": "x", "format": "html"}"#.to_vec(),
            422,
            "unknown-format",
        ),
        (
            "broken front matter",
            br#"{"text": "---\ntitle: [unclosed\n", "filename": "a.md"}"#.to_vec(),
            422,
            "unreadable-article",
        ),
    ];
    for (what, body, status, code) in cases {
        let response = post(&body);
        assert_eq!(
            (response.status, response.error_code().as_str()),
            (status, code),
            "{what}: {}",
            String::from_utf8_lossy(&response.body)
        );
        assert_eq!(
            response.header("content-type"),
            Some("application/json"),
            "{what}"
        );
    }
    let not_found = server.get("/api/v2/check");
    assert_eq!(
        (not_found.status, not_found.error_code().as_str()),
        (404, "not-found")
    );
    let wrong_method = server.get("/api/v1/check");
    assert_eq!(
        (wrong_method.status, wrong_method.error_code().as_str()),
        (405, "method-not-allowed")
    );
    // Still serving.
    assert_eq!(check(&server, ARTICLE, "a.txt")["summary"]["errors"], 1);
}

#[test]
fn the_readme_examples_answer_what_they_show() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let prefix = "$ curl -s localhost:7878/api/v1/check -d '";
    let start = readme
        .find(prefix)
        .expect("the README shows a check request")
        + prefix.len();
    let request = &readme[start..start + readme[start..].find("'\n").unwrap()];
    let server = Server::start(&["--isolated"]);
    let response = server.request("POST", "/api/v1/check", &[], request.as_bytes());
    assert_eq!(response.status, 200);
    let body = String::from_utf8(response.body).unwrap();
    let summary = body[body.find("\"summary\"").unwrap()..].to_string();
    assert!(
        readme.contains(&format!(" {summary}\n```")),
        "README should show {summary}"
    );
    let first = &body[body.find("{\"path\"").unwrap()..body.find("\"fix\"").unwrap()];
    let shown: String = readme[start..]
        .lines()
        .skip(1)
        .take(3)
        .map(str::trim_start)
        .collect();
    assert!(shown.contains(first), "README should show {first}");
    // The [serve] table shown is a valid config.
    let toml_start = readme
        .find("```toml\n[serve]\n")
        .expect("the README shows [serve]")
        + 8;
    let table = &readme[toml_start..toml_start + readme[toml_start..].find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newslint.toml");
    std::fs::write(&config, table).unwrap();
    let _server = Server::start(&["--config", config.to_str().unwrap()]);
}
