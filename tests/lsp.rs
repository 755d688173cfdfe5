//! Protocol tests of `newslint lsp` on the real binary over standard input and output:
//! the handshake, diagnostics on open and change (positions in UTF-16 units, or bytes
//! when UTF-8 is negotiated), debouncing, closing, hover, code actions applied to the
//! text, and shutdown. Settings and reloading are in `lsp_settings.rs`.

mod lsp_support;

use lsp_server::Message;
use lsp_support::{Client, finding, rules, uri};
use serde_json::{Value, json};

/// An invented article: one doubled word, after curly quotes, an em dash and an emoji
/// on its line. The second "the" starts at character 62 in UTF-16 units (the emoji takes
/// two; 61 characters precede it) and at byte 70 of the line.
const STORY: &str = "\
# Bramwick council backs the new ferry

Councillor Ottilie Varga said the vote “was overdue” — 🎉 the the harbour committee agreed on Tuesday.

“We will sail by spring,” said Varga, who chairs the committee.

Photo: Jonas Petrakis
";

fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

#[test]
fn diagnostics_on_open_count_utf16_units() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    assert_eq!(
        client.initialized["capabilities"]["positionEncoding"],
        "utf-16"
    );
    assert_eq!(client.initialized["serverInfo"]["name"], "newslint");
    let story = uri(&dir.path().join("story.md"));
    let found = client.open(&story, "markdown", STORY);
    assert_eq!(rules(&found), vec!["repeated-word"]);
    let d = finding(&found, "repeated-word");
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": 62}));
    assert_eq!(d["range"]["end"], json!({"line": 2, "character": 65}));
    assert_eq!(d["severity"], 2);
    assert_eq!(d["source"], "newslint");
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let dir = folder();
    let capabilities = json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}});
    let mut client = Client::start(dir.path(), &[], capabilities, &[dir.path()]);
    assert_eq!(
        client.initialized["capabilities"]["positionEncoding"],
        "utf-8"
    );
    let story = uri(&dir.path().join("story.md"));
    let found = client.open(&story, "markdown", STORY);
    let d = finding(&found, "repeated-word");
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": 70}));
    assert_eq!(d["range"]["end"], json!({"line": 2, "character": 73}));
    // Hover and code actions read positions in the same encoding.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": story}, "position": {"line": 2, "character": 71}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("repeated-word")
    );
    let actions = client.code_actions(&story, &d["range"], Some(&["quickfix"]));
    let fix = actions
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred fix");
    let fixed = client.apply(STORY, &story, fix);
    assert_eq!(fixed, STORY.replace("🎉 the the", "🎉 the"));
}

#[test]
fn changes_are_checked_once_on_the_latest_text() {
    let dir = folder();
    // A pause long enough that the changes below arrive within it.
    let mut client = Client::in_folder(dir.path(), &["--debounce-ms", "1500"]);
    let story = uri(&dir.path().join("story.md"));
    client.open(&story, "markdown", STORY);
    for version in 2..=5 {
        let text = STORY.replace("harbour", &"harbour ".repeat(version));
        client.change(&story, version as i64, &text);
    }
    let fixed = STORY.replace("the the", "the");
    client.change(&story, 6, &fixed);
    let (params, before) = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == story.as_str() && p["version"] == 6
    });
    assert_eq!(params["diagnostics"], json!([]));
    let published: Vec<Value> = before
        .iter()
        .filter_map(|m| match m {
            Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                Some(n.params["version"].clone())
            }
            _ => None,
        })
        .collect();
    assert!(
        published.is_empty(),
        "stale versions were published: {published:?}"
    );
}

#[test]
fn a_long_article_holds_up_neither_the_message_loop_nor_requests() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let long = format!(
        "# Long read\n\n{}",
        "The harbour committee met on Tuesday and agreed the the timetable.\n\n".repeat(20_000)
    );
    let long_uri = uri(&dir.path().join("long.txt"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": long_uri, "languageId": "plaintext", "version": 1, "text": long}}),
    );
    // The loop answers a request it handles itself while the worker lints the article,
    let response = client.request_raw("newslint/unknown", json!({}));
    assert_eq!(response.response_result.map_err(|e| e.code), Err(-32601));
    // and a hover in a short article is answered meanwhile, not after the long one.
    let story = uri(&dir.path().join("story.md"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": story, "languageId": "markdown", "version": 1, "text": STORY}}),
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": story}, "position": {"line": 2, "character": 63}}),
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .starts_with("repeated-word")
    );
    let long_done =
        |m: &Message| matches!(m, Message::Notification(n) if n.params["uri"] == long_uri.as_str());
    assert!(
        !client.unread().any(long_done),
        "the long article's findings came before the answers"
    );
    let (params, _) = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == long_uri.as_str()
    });
    let found = params["diagnostics"].as_array().unwrap();
    assert_eq!(
        found
            .iter()
            .filter(|d| d["code"] == "repeated-word")
            .count(),
        20_000
    );
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let story = uri(&dir.path().join("story.md"));
    assert_eq!(client.open(&story, "markdown", STORY).len(), 1);
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": story}}),
    );
    let (params, _) = client.wait_for("textDocument/publishDiagnostics", |p| {
        p["uri"] == story.as_str()
    });
    assert_eq!(params["diagnostics"], json!([]));
}

#[test]
fn hover_shows_the_rules_explanation() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let story = uri(&dir.path().join("story.md"));
    client.open(&story, "markdown", STORY);
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": story}, "position": {"line": 2, "character": 63}}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    let explain = assert_cmd::Command::new(env!("CARGO_BIN_EXE_newslint"))
        .args(["explain", "repeated-word", "--isolated"])
        .output()
        .unwrap();
    assert_eq!(text, String::from_utf8(explain.stdout).unwrap());
    assert_eq!(hover["range"]["start"], json!({"line": 2, "character": 62}));
    // Nothing under the cursor: no hover.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": story}, "position": {"line": 0, "character": 2}}),
    );
    assert_eq!(nothing, Value::Null);
}

#[test]
fn the_fix_is_a_preferred_quickfix_and_applying_it_clears_the_finding() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let story = uri(&dir.path().join("story.md"));
    let found = client.open(&story, "markdown", STORY);
    let range = finding(&found, "repeated-word")["range"].clone();
    let actions = client.code_actions(&story, &range, None);
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    let fix = &actions[0];
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "repeated-word");
    assert!(titles[0].contains("delete “ the”"), "{titles:?}");
    let fixed = client.apply(STORY, &story, fix);
    assert_eq!(fixed, STORY.replace("🎉 the the", "🎉 the"));
    client.change(&story, 2, &fixed);
    assert_eq!(client.diagnostics(&story, 2), Vec::<Value>::new());
}

#[test]
fn fix_all_applies_every_safe_fix_in_the_file() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let story = uri(&dir.path().join("story.md"));
    let text = STORY.replace("the committee.", "the the committee.");
    assert_eq!(client.open(&story, "markdown", &text).len(), 2);
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    let actions = client.code_actions(&story, &whole, Some(&["source.fixAll"]));
    assert_eq!(actions.len(), 1, "{actions:#?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.newslint");
    let fixed = client.apply(&text, &story, &actions[0]);
    assert_eq!(fixed, STORY.replace("🎉 the the", "🎉 the"));
    // Asked only for quickfixes, the fix-all action is left out.
    assert!(
        client
            .code_actions(&story, &whole, Some(&["quickfix"]))
            .is_empty()
    );
}

/// Apply the action titled with `title` and return the findings of the new text.
fn suppress(client: &mut Client, uri: &str, text: &str, rule: &str, title: &str) -> String {
    let found = client.diagnostics_now(uri, text);
    let range = finding(&found, rule)["range"].clone();
    let actions = client.code_actions(uri, &range, None);
    let action = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains(title))
        .unwrap_or_else(|| panic!("no “{title}” in {actions:#?}"));
    assert_eq!(action["kind"], "quickfix");
    client.apply(text, uri, action)
}

#[test]
fn suppressions_are_written_with_the_formats_marker() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let md = uri(&dir.path().join("story.md"));
    client.open(&md, "markdown", STORY);
    let on_line = suppress(&mut client, &md, STORY, "repeated-word", "on this line");
    assert_eq!(
        on_line,
        STORY.replace(
            "agreed on Tuesday.",
            "agreed on Tuesday. <!-- newslint-disable-line repeated-word -->"
        )
    );
    assert_eq!(client.diagnostics_now(&md, &on_line), Vec::<Value>::new());
    let in_file = suppress(&mut client, &md, STORY, "repeated-word", "in this file");
    assert_eq!(
        in_file,
        format!("<!-- newslint-disable repeated-word -->\n{STORY}")
    );
    assert_eq!(client.diagnostics_now(&md, &in_file), Vec::<Value>::new());

    let plain = STORY.replace("# ", "");
    let txt = uri(&dir.path().join("story.txt"));
    client.open(&txt, "plaintext", &plain);
    let marked = suppress(&mut client, &txt, &plain, "repeated-word", "on this line");
    assert_eq!(
        marked,
        plain.replace(
            "agreed on Tuesday.",
            "agreed on Tuesday. [newslint: ignore repeated-word]"
        )
    );
    assert_eq!(client.diagnostics_now(&txt, &marked), Vec::<Value>::new());
}

#[test]
fn html_takes_comments_and_positions_map_back_to_the_markup() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let page = uri(&dir.path().join("story.html"));
    let html = "<!doctype html>\n<html><body><article>\n<h1>Quarry road to close</h1>\n\
                <p>Engineer Bo Lindqvist said the the road would close — briefly.</p>\n\
                <p>Photo: Mira Tallis</p>\n</article></body></html>\n";
    let found = client.open(&page, "html", html);
    let d = finding(&found, "repeated-word");
    let column = "<p>Engineer Bo Lindqvist said the ".len();
    assert_eq!(d["range"]["start"], json!({"line": 3, "character": column}));
    let on_line = suppress(&mut client, &page, html, "repeated-word", "on this line");
    assert_eq!(
        on_line,
        html.replace(
            "briefly.</p>",
            "briefly.</p> <!-- newslint-disable-line repeated-word -->"
        )
    );
    assert_eq!(client.diagnostics_now(&page, &on_line), Vec::<Value>::new());
}

#[test]
fn an_article_that_does_not_read_gets_one_error_where_it_breaks() {
    let dir = folder();
    let mut client = Client::in_folder(dir.path(), &[]);
    let story = uri(&dir.path().join("broken.md"));
    let found = client.open(
        &story,
        "markdown",
        "---\ntitle: [“Ferry” delayed\n---\n\n# Ferry\n",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["severity"], 1);
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("front matter is not valid YAML"),
        "{message}"
    );
    assert_eq!(found[0]["range"]["start"]["line"], 2);
    // Fixed, it is checked as usual.
    let fixed =
        "---\ntitle: Ferry delayed\n---\n\n# Ferry\n\nThe the ferry waits.\n\nPhoto: Ida Renn\n";
    assert_eq!(
        rules(&client.diagnostics_now(&story, fixed)),
        vec!["repeated-word"]
    );
}

/// Send one `didChange` with these incremental changes (each `(range, text)`, each range
/// in the text the changes before it made).
fn change_ranges(client: &mut Client, uri: &str, version: i64, changes: &[(Value, &str)]) {
    let changes: Vec<Value> = changes
        .iter()
        .map(|(range, text)| json!({"range": range, "text": text}))
        .collect();
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
    );
}

fn range(line: u32, start: u32, end: u32) -> Value {
    json!({"start": {"line": line, "character": start}, "end": {"line": line, "character": end}})
}

#[test]
fn incremental_changes_apply_in_the_negotiated_encoding_around_curly_quotes_and_emoji() {
    for utf8 in [false, true] {
        let dir = folder();
        let capabilities = if utf8 {
            json!({"general": {"positionEncodings": ["utf-8"]}})
        } else {
            json!({})
        };
        let mut client = Client::start(dir.path(), &[], capabilities, &[dir.path()]);
        assert_eq!(
            client.initialized["capabilities"]["textDocumentSync"]["change"], 2,
            "incremental sync"
        );
        let story = uri(&dir.path().join("story.md"));
        client.open(&story, "markdown", STORY);
        // Line 2: the second "the " after the curly quotes, the em dash and the emoji
        // (UTF-16 62..66, bytes 70..74) goes. Line 4: just after the closing curly quote
        // (25 units, 29 bytes in), an emoji and a doubled word go in.
        let (the, after_quote) = if utf8 { ((70, 74), 29) } else { ((62, 66), 25) };
        change_ranges(
            &mut client,
            &story,
            2,
            &[
                (range(2, the.0, the.1), ""),
                (range(4, after_quote, after_quote), " 🎉 the the"),
            ],
        );
        let found = client.diagnostics(&story, 2);
        assert_eq!(
            rules(&found),
            vec!["repeated-word"],
            "utf8 {utf8}: {found:#?}"
        );
        // The second "the" comes after a space, the emoji (two units, four bytes), a
        // space and "the ".
        let start = after_quote + if utf8 { 10 } else { 8 };
        assert_eq!(
            finding(&found, "repeated-word")["range"],
            range(4, start, start + 3),
            "utf8 {utf8}"
        );
        let expected = STORY
            .replace("🎉 the the", "🎉 the")
            .replace("spring,” said", "spring,” 🎉 the the said");
        // The server's text is the one worked out here: its fix applies to it.
        let d = finding(&found, "repeated-word").clone();
        let actions = client.code_actions(&story, &d["range"], Some(&["quickfix"]));
        let fix = actions.iter().find(|a| a["isPreferred"] == true).unwrap();
        assert_eq!(
            client.apply(&expected, &story, fix),
            expected.replace("🎉 the the said", "🎉 the said")
        );
        // A lone `\r` ends a line, as the protocol says: a kicker line ended by one moves
        // the finding down a line and leaves its character where it was.
        change_ranges(&mut client, &story, 3, &[(range(0, 0, 0), "Kicker\r")]);
        let found = client.diagnostics(&story, 3);
        assert_eq!(
            finding(&found, "repeated-word")["range"],
            range(5, start, start + 3),
            "utf8 {utf8}"
        );
        assert_eq!(client.shutdown(), Some(0));
    }
}
