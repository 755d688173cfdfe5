//! Protocol tests of `newslint lsp`'s settings on the real binary: each file takes the
//! nearest `newslint.toml` (each folder of a multi-root workspace its own), configs and
//! packs reload when they change, a broken config keeps the last good settings and says
//! so, a plain-text file is silenced for good in its config, and the exit codes.

mod lsp_support;

use std::path::Path;

use lsp_support::{Client, apply_edits, finding, rules, uri};
use serde_json::{Value, json};

/// An invented article with a doubled word; the headline is plain text.
const STORY: &str = "\
Lowmere library reopens

Librarian Keziah Ondaatje said the the reading room would open on Saturday.

Photo: Wren Halloway
";

const NO_DOUBLES: &str = "[rules.repeated-word]\nenabled = false\n";

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn watched_change(client: &mut Client, path: &Path) {
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(path), "type": 2}]}),
    );
}

/// The next findings published for `uri`, whatever the version (a reload checks the
/// same version again).
fn next_findings(client: &mut Client, uri: &str) -> Vec<Value> {
    let (params, _) = client.wait_for("textDocument/publishDiagnostics", |p| p["uri"] == uri);
    params["diagnostics"].as_array().cloned().unwrap()
}

#[test]
fn each_file_takes_the_nearest_config_and_each_root_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let metro = dir.path().join("metro");
    let sport = dir.path().join("sport");
    write(&metro.join("newslint.toml"), NO_DOUBLES);
    write(&sport.join("newslint.toml"), "");
    // A desk under the sport root with its own config.
    write(&sport.join("wire/newslint.toml"), NO_DOUBLES);
    let mut client = Client::start(dir.path(), &[], json!({}), &[&metro, &sport]);
    let in_metro = uri(&metro.join("a.txt"));
    let in_sport = uri(&sport.join("a.txt"));
    let on_wire = uri(&sport.join("wire/deep/a.txt"));
    assert_eq!(
        rules(&client.open(&in_metro, "plaintext", STORY)),
        Vec::<String>::new()
    );
    assert_eq!(
        rules(&client.open(&in_sport, "plaintext", STORY)),
        vec!["repeated-word"]
    );
    assert_eq!(
        rules(&client.open(&on_wire, "plaintext", STORY)),
        Vec::<String>::new()
    );
    assert_eq!(client.shutdown(), Some(0));
}

#[test]
fn a_config_created_or_deleted_above_a_file_takes_over_or_hands_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::in_folder(dir.path(), &[]);
    let story = uri(&dir.path().join("desk/story.txt"));
    assert_eq!(
        rules(&client.open(&story, "plaintext", STORY)),
        vec!["repeated-word"]
    );
    let config = dir.path().join("desk/newslint.toml");
    write(&config, NO_DOUBLES);
    watched_change(&mut client, &config);
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        Vec::<String>::new()
    );
    std::fs::remove_file(&config).unwrap();
    watched_change(&mut client, &config);
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        vec!["repeated-word"]
    );
}

#[test]
fn configs_packs_and_facts_reload_and_a_broken_config_keeps_the_last_good_settings() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newslint.toml");
    write(&config, "");
    let capabilities =
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}});
    let mut client = Client::start(dir.path(), &[], capabilities, &[dir.path()]);
    let story = uri(&dir.path().join("story.txt"));
    assert_eq!(
        rules(&client.open(&story, "plaintext", STORY)),
        vec!["repeated-word"]
    );

    write(&config, NO_DOUBLES);
    watched_change(&mut client, &config);
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        Vec::<String>::new()
    );

    // A typo: the last good settings stay, and the user is told where the error is.
    write(&config, "[rules.repeated-word]\nenabeld = false\n");
    watched_change(&mut client, &config);
    let (message, _) = client.wait_for("window/showMessage", |_| true);
    assert_eq!(message["type"], 1);
    let text = message["message"].as_str().unwrap();
    assert!(text.contains("newslint.toml:2:1"), "{text}");
    assert!(
        text.contains("the last good settings stay in force"),
        "{text}"
    );
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        Vec::<String>::new()
    );

    // Saving a house pack the config names loads its rule.
    write(
        &config,
        "rule-files = [\"rules\"]\n[rules.repeated-word]\nenabled = false\n",
    );
    let pack = dir.path().join("rules/house.toml");
    write(&pack, &house_pack("librarian"));
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&config)}}),
    );
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        vec!["house-title-case"]
    );
    write(&pack, &house_pack("tuesday"));
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": uri(&pack)}}),
    );
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        Vec::<String>::new()
    );

    // A facts file the config names, changed on disk.
    write(
        &config,
        "facts = [\"facts.toml\"]\n[rules.repeated-word]\nenabled = false\n",
    );
    let facts = dir.path().join("facts.toml");
    write(&facts, "");
    watched_change(&mut client, &config);
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        Vec::<String>::new()
    );
    write(
        &facts,
        "[[name]]\nname = \"Keziah Ondaatji\"\nwrong = [\"Keziah Ondaatje\"]\n",
    );
    watched_change(&mut client, &facts);
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        vec!["fact-name"]
    );
    assert_eq!(client.shutdown(), Some(0));
}

fn house_pack(word: &str) -> String {
    format!(
        "[pack]\nname = \"house\"\n\n[[rule]]\nid = \"house-title-case\"\nkind = \"pattern\"\n\
         description = \"Titles before names are lower case.\"\npattern = \"{}\"\n\
         message = \"lower case\"\n",
        word[..1].to_uppercase() + &word[1..]
    )
}

#[test]
fn a_broken_config_at_start_is_reported_and_checked_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newslint.toml");
    write(&config, "packs = [\"news\"\n");
    let mut client = Client::in_folder(dir.path(), &[]);
    let story = uri(&dir.path().join("story.txt"));
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": story, "languageId": "plaintext", "version": 1, "text": STORY}}),
    );
    let (message, _) = client.wait_for("window/showMessage", |_| true);
    assert!(
        message["message"]
            .as_str()
            .unwrap()
            .contains("newslint.toml")
    );
    assert_eq!(client.diagnostics(&story, 1), Vec::<Value>::new());
    write(&config, "packs = [\"news\"]\n");
    watched_change(&mut client, &config);
    assert_eq!(
        rules(&next_findings(&mut client, &story)),
        vec!["repeated-word"]
    );
}

#[test]
fn a_plain_text_file_is_silenced_in_its_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("newslint.toml");
    write(&config, "fail-on = \"error\"\n");
    let mut client = Client::in_folder(dir.path(), &[]);
    let path = dir.path().join("desk/[draft] story.txt");
    let story = uri(&path)
        .replace(' ', "%20")
        .replace('[', "%5B")
        .replace(']', "%5D");
    let found = client.open(&story, "plaintext", STORY);
    let range = finding(&found, "repeated-word")["range"].clone();
    let actions = client.code_actions(&story, &range, None);
    let action = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("for this file"))
        .unwrap_or_else(|| panic!("{actions:#?}"));
    let config_uri = uri(&config);
    let edits = action["edit"]["changes"][&config_uri].as_array().unwrap();
    let text = std::fs::read_to_string(&config).unwrap();
    let edited = apply_edits(&text, edits, false);
    assert_eq!(
        edited,
        "fail-on = \"error\"\n\n[[per-file]]\npath = \"desk/[[]draft[]] story.txt\"\nignore = [\"repeated-word\"]\n"
    );
    write(&config, &edited);
    watched_change(&mut client, &config);
    assert_eq!(next_findings(&mut client, &story), Vec::<Value>::new());
}

#[test]
fn exit_without_shutdown_is_not_a_clean_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut client = Client::in_folder(dir.path(), &[]);
    client.notify("exit", Value::Null);
    // The protocol's code for an exit without shutdown.
    assert_eq!(client.wait(), Some(1));
}
