//! HTTP tests of `newslint serve` on the real binary: the body and time limits, the cap on
//! checks in flight, the token, CORS, the log, reloading, and clients that misbehave.

mod serve_support;

use assert_cmd::Command;
use serde_json::{Value, json};
use serve_support::{ARTICLE, Server, check};

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
    // Replaced whole, as an editor saves: written in place, the watcher could read the
    // file half written and the test see that reload instead of the finished one.
    let next = dir.path().join("house.next");
    let replace = |text: &str| {
        std::fs::write(&next, text).unwrap();
        std::fs::rename(&next, &pack_path).unwrap();
    };
    replace(&pack("pier"));
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
    replace(&pack("harbour"));
    server.wait_for_log(&["\"event\":\"reload\"", "\"ok\":true", "file change"]);
    assert_eq!(house(&server), vec!["house style: avoid harbour"]);

    // A broken one is refused, said in the log with its place, and the last good stays.
    replace(
        "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"house-word\"\nkind = \"pattern\"\npattern = 'ab(c'\nmessage = \"x\"\n",
    );
    let line = server.wait_for_log(&["\"event\":\"reload\"", "\"ok\":false"]);
    assert!(line.contains("house.toml:7:"), "{line}");
    assert!(line.contains("last good settings"), "{line}");
    assert_eq!(house(&server), vec!["house style: avoid harbour"]);

    // SIGHUP reloads too (here: once the file is fixed again).
    replace(&pack("reopen"));
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
fn slow_and_idle_connections_are_closed_after_the_header_timeout() {
    use std::io::{Read, Write};
    let server = Server::start(&["--isolated", "--header-timeout-ms", "300"]);
    let closed_by_server = |mut stream: std::net::TcpStream| {
        // Generous, so a loaded machine cannot fail the test: what matters is that the
        // server closes the connection at all, where before it waited for ever.
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(30)))
            .unwrap();
        let mut answer = Vec::new();
        stream
            .read_to_end(&mut answer)
            .map(|_| String::from_utf8_lossy(&answer).into_owned())
    };
    // Slow loris: a request head that never ends.
    let mut slow = std::net::TcpStream::connect(&server.addr).unwrap();
    slow.write_all(b"POST /api/v1/check HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let answer = closed_by_server(slow).expect("the server closes a head that never ends");
    assert!(!answer.contains("200 OK"), "{answer}");
    // A kept-alive connection that goes quiet after its answer.
    let mut idle = std::net::TcpStream::connect(&server.addr).unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let answer = closed_by_server(idle).expect("the server closes an idle connection");
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    // And it goes on serving.
    assert_eq!(check(&server, ARTICLE, "a.txt")["summary"]["errors"], 1);
}
