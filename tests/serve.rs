//! HTTP tests of `newslint serve` on the real binary: every route, every kind of bad input
//! (each a 4xx with a JSON body), the limits, the token, CORS, the log and reloading.

mod serve_support;

use assert_cmd::Command;
use serde_json::{Value, json};
use serve_support::{ARTICLE, Server};

fn check(server: &Server, text: &str, filename: &str) -> Value {
    let response = server.post_json(
        "/api/v1/check",
        &json!({"text": text, "filename": filename}),
    );
    assert_eq!(
        response.status,
        200,
        "{}",
        String::from_utf8_lossy(&response.body)
    );
    response.json()
}

fn rules_found(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

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
        rules_found(&report)
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
    assert_eq!(rules_found(&by_field), rules_found(&report));
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
    let left = rules_found(&body["report"]);
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
fn bodies_over_the_limit_get_413() {
    let server = Server::start(&["--isolated", "--max-body", "1000"]);
    let big = json!({"text": "word ".repeat(400)}).to_string();
    let response = server.request("POST", "/api/v1/check", &[], big.as_bytes());
    assert_eq!(
        (response.status, response.error_code().as_str()),
        (413, "too-large")
    );
    // Without a Content-Length (chunked), the limit still holds while reading.
    let chunk = format!("{:x}\r\n{big}\r\n0\r\n\r\n", big.len());
    let raw = format!(
        "POST /api/v1/check HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n{chunk}"
    );
    let response = server.raw(raw.as_bytes());
    assert_eq!(
        (response.status, response.error_code().as_str()),
        (413, "too-large")
    );
    // A client that sends all of a large body before it reads gets the 413, not a reset.
    let huge = vec![b'a'; 8 * 1024 * 1024];
    let response = server.request("POST", "/api/v1/check", &[], &huge);
    assert_eq!(
        (response.status, response.error_code().as_str()),
        (413, "too-large")
    );
    assert_eq!(
        check(&server, "Headline\n\nBody text.\n", "a.txt")["version"],
        1
    );
}

/// An article long enough that checking it takes longer than a few milliseconds even in
/// an optimised build (the unoptimised test build is slower still).
fn long_article() -> String {
    let paragraph = "The council said the pier would reopen in November, and residents said they would wait to see the cost of the work before they believed it.\n\n";
    format!("Headline\n\n{}", paragraph.repeat(8_000))
}

#[test]
fn a_check_over_the_time_limit_gets_503_and_the_server_goes_on() {
    let server = Server::start(&[
        "--isolated",
        "--time-limit-ms",
        "50",
        "--max-body",
        "4000000",
    ]);
    let response = server.post_json("/api/v1/check", &json!({"text": long_article()}));
    // 503 when the check overran; 408 if, on a loaded machine, even the upload did.
    assert_eq!(response.error_code(), "time-limit");
    assert!(matches!(response.status, 503 | 408), "{}", response.status);
    let health = server.get("/healthz");
    assert_eq!(health.status, 200);
}

#[test]
fn checks_beyond_the_in_flight_cap_get_503_with_retry_after() {
    let server = Server::start(&[
        "--isolated",
        "--max-in-flight",
        "1",
        "--workers",
        "1",
        "--max-body",
        "4000000",
    ]);
    let slow = json!({"text": long_article()}).to_string();
    let small = json!({"text": "Headline\n\nBody.\n"});
    // While a long check runs, another is refused. Which of two requests takes the one
    // place is a race: when the long one lost it (refused itself), try again.
    let mut seen_refusal = false;
    for _ in 0..20 {
        let (refused, first) = std::thread::scope(|scope| {
            let first =
                scope.spawn(|| server.request("POST", "/api/v1/check", &[], slow.as_bytes()));
            let mut refused = None;
            while !first.is_finished() {
                let response = server.post_json("/api/v1/check", &small);
                if response.status == 503 {
                    refused = Some(response);
                    break;
                }
            }
            (refused, first.join().unwrap())
        });
        match refused {
            Some(refused) => {
                assert_eq!(refused.error_code(), "busy");
                assert_eq!(refused.header("retry-after"), Some("1"));
                assert_eq!(first.status, 200);
                seen_refusal = true;
                break;
            }
            None => {
                assert_eq!((first.status, first.error_code().as_str()), (503, "busy"));
                assert_eq!(first.header("retry-after"), Some("1"));
            }
        }
    }
    assert!(
        seen_refusal,
        "a check beyond the cap was refused while the long one ran"
    );
    // The place is free again.
    assert_eq!(check(&server, ARTICLE, "a.txt")["summary"]["errors"], 1);
}

#[test]
fn a_token_guards_the_api_but_not_the_page_or_health() {
    let server = Server::start_with(
        &["--isolated"],
        &[("NEWSLINT_SERVE_TOKEN", "s3cret-token")],
        None,
    );
    let body = json!({"text": ARTICLE}).to_string();
    let without = server.request("POST", "/api/v1/check", &[], body.as_bytes());
    assert_eq!(
        (without.status, without.error_code().as_str()),
        (401, "unauthorized")
    );
    assert!(
        without
            .header("www-authenticate")
            .unwrap()
            .starts_with("Bearer")
    );
    let wrong = server.request(
        "POST",
        "/api/v1/check",
        &[("Authorization", "Bearer s3cret-tokeX")],
        body.as_bytes(),
    );
    assert_eq!(wrong.status, 401);
    let rules = server.get("/api/v1/rules");
    assert_eq!(rules.status, 401);
    let right = server.request(
        "POST",
        "/api/v1/check",
        &[("Authorization", "Bearer s3cret-token")],
        body.as_bytes(),
    );
    assert_eq!(right.status, 200);
    assert_eq!(server.get("/healthz").status, 200);
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn binding_beyond_loopback_needs_a_token() {
    let refused = Command::cargo_bin("newslint")
        .unwrap()
        .args(["serve", "--isolated", "--bind", "0.0.0.0:0"])
        .env_remove("NEWSLINT_SERVE_TOKEN")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("token"));

    let dir = tempfile::tempdir().unwrap();
    let token_file = dir.path().join("token");
    std::fs::write(&token_file, "from-a-file\n").unwrap();
    let server = Server::start(&[
        "--isolated",
        "--bind",
        "0.0.0.0:0",
        "--token-file",
        token_file.to_str().unwrap(),
    ]);
    let body = json!({"text": ARTICLE}).to_string();
    assert_eq!(
        server
            .request("POST", "/api/v1/check", &[], body.as_bytes())
            .status,
        401
    );
    let ok = server.request(
        "POST",
        "/api/v1/check",
        &[("Authorization", "Bearer from-a-file")],
        body.as_bytes(),
    );
    assert_eq!(ok.status, 200);

    std::fs::write(&token_file, "  \n").unwrap();
    let empty = Command::cargo_bin("newslint")
        .unwrap()
        .args([
            "serve",
            "--isolated",
            "--token-file",
            token_file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(empty.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&empty.stderr).contains("empty"));
}

#[test]
fn cors_answers_only_the_origins_the_config_lists() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newslint.toml");
    std::fs::write(
        &config,
        "[serve]\ncors-origins = [\"https://cms.example.org\"]\n",
    )
    .unwrap();
    let server = Server::start(&["--config", config.to_str().unwrap()]);
    let preflight = |origin: &str| {
        server.request(
            "OPTIONS",
            "/api/v1/check",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "POST"),
                (
                    "Access-Control-Request-Headers",
                    "authorization,content-type",
                ),
            ],
            b"",
        )
    };
    let allowed = preflight("https://cms.example.org");
    assert_eq!(allowed.status, 200);
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://cms.example.org")
    );
    assert!(
        allowed
            .header("access-control-allow-headers")
            .unwrap()
            .contains("authorization")
    );
    let other = preflight("https://elsewhere.example.com");
    assert_eq!(other.header("access-control-allow-origin"), None);
    let body = json!({"text": ARTICLE}).to_string();
    let simple = server.request(
        "POST",
        "/api/v1/check",
        &[("Origin", "https://cms.example.org")],
        body.as_bytes(),
    );
    assert_eq!(
        simple.header("access-control-allow-origin"),
        Some("https://cms.example.org")
    );

    let no_config = Server::start(&["--isolated"]);
    let response = no_config.request(
        "POST",
        "/api/v1/check",
        &[("Origin", "https://cms.example.org")],
        body.as_bytes(),
    );
    assert_eq!(response.status, 200);
    assert_eq!(response.header("access-control-allow-origin"), None);
}

#[test]
fn every_request_is_one_log_line() {
    let server = Server::start(&["--isolated"]);
    let response = server.post_json("/api/v1/check", &json!({"text": ARTICLE}));
    let id = response.header("x-request-id").unwrap().to_string();
    let line = server.wait_for_log(&[&format!("\"id\":{id},"), "/api/v1/check"]);
    let entry: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(entry["status"], 200);
    assert_eq!(entry["method"], "POST");
    assert_eq!(
        entry["bytes_out"].as_u64().unwrap() as usize,
        response.body.len()
    );
    assert!(entry["bytes_in"].as_u64().unwrap() > 0);
    assert!(entry["ms"].is_number() && entry["time"].is_string());
    let bad = server.request("POST", "/api/v1/check", &[], b"nope");
    let id = bad.header("x-request-id").unwrap().to_string();
    server.wait_for_log(&[&format!("\"id\":{id},"), "\"status\":400"]);
}

#[test]
fn settings_reload_on_change_and_on_sighup_and_a_broken_reload_keeps_the_last_good() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("rules")).unwrap();
    std::fs::write(
        dir.path().join("newslint.toml"),
        "rule-files = [\"rules\"]\n",
    )
    .unwrap();
    let pack = |word: &str| {
        format!(
            "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"house-word\"\nkind = \"pattern\"\nseverity = \"warning\"\nwords = [\"{word}\"]\nmessage = \"house style: avoid {{match}}\"\n\n[[rule.examples]]\nbad = \"The {word} grew.\"\n[[rule.examples]]\ngood = \"The town grew.\"\n"
        )
    };
    let pack_path = dir.path().join("rules").join("house.toml");
    std::fs::write(&pack_path, pack("pier")).unwrap();
    let config = dir.path().join("newslint.toml");
    let server = Server::start(&[
        "--config",
        config.to_str().unwrap(),
        "--watch-interval-ms",
        "100",
    ]);
    let text = "Headline\n\nThe pier and the harbour reopen.\n\nPhoto: A. Person\n";
    let house = |server: &Server| -> Vec<String> {
        check(server, text, "a.txt")["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "house-word")
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(house(&server), vec!["house style: avoid pier"]);

    // A changed pack is picked up.
    std::fs::write(&pack_path, pack("harbour")).unwrap();
    server.wait_for_log(&["\"event\":\"reload\"", "\"ok\":true", "file change"]);
    assert_eq!(house(&server), vec!["house style: avoid harbour"]);

    // A broken one is refused, said in the log with its place, and the last good stays.
    std::fs::write(&pack_path, "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"house-word\"\nkind = \"pattern\"\npattern = 'ab(c'\nmessage = \"x\"\n").unwrap();
    let line = server.wait_for_log(&["\"event\":\"reload\"", "\"ok\":false"]);
    assert!(line.contains("house.toml:7:"), "{line}");
    assert!(line.contains("last good settings"), "{line}");
    assert_eq!(house(&server), vec!["house style: avoid harbour"]);

    // SIGHUP reloads too (here: once the file is fixed again).
    std::fs::write(&pack_path, pack("reopen")).unwrap();
    let status = std::process::Command::new("kill")
        .args(["-HUP", &server.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    server.wait_for_log(&["\"event\":\"reload\"", "\"ok\":true", "SIGHUP"]);
    assert_eq!(house(&server), vec!["house style: avoid reopen"]);
}

#[test]
fn clients_that_misbehave_do_not_stop_the_server() {
    use std::io::Write;
    let server = Server::start(&["--isolated"]);
    // Gone halfway through the body.
    let mut stream = std::net::TcpStream::connect(&server.addr).unwrap();
    stream
        .write_all(b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\nContent-Length: 10000\r\n\r\n{\"text\": \"half")
        .unwrap();
    drop(stream);
    // Not HTTP at all: an answer, not a dropped connection.
    let garbage = server.raw(b"HELLO THERE\r\n\r\n");
    assert_eq!(garbage.status, 400);
    server.wait_for_log(&["\"status\":400", "/api/v1/check"]);
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
