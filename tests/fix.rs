//! Fixes: `--fix` equals each rule's `fixed` example (see tests/examples.rs), is idempotent,
//! keeps CRLF endings, a BOM and permissions, never changes a byte outside its edits
//! (property test over generated articles), and `--diff` changes nothing.

use std::os::unix::fs::PermissionsExt;

use assert_cmd::Command;
use newslint::fix::{apply_edits, fix_text, lint_with_rules, select_fixes};
use newslint::{Document, Format, lint};
use proptest::prelude::*;

fn news_rules() -> newslint::RuleSet {
    newslint::rules::builtin_rules(&["news"]).unwrap()
}

fn newslint() -> Command {
    let mut cmd = Command::cargo_bin("newslint").unwrap();
    cmd.arg("check").arg("--isolated");
    cmd
}

const STORY: &str = "\u{feff}#Local\r\n\r\nFerry returns to Calloway Sound\r\n\r\n2025.05.09\r\n\r\nCALLOWAY — The the ferry will run again from June, said harbour master Ines Arden.\r\n\r\nx\r\n\r\nTickets are on sale at the pier.\r\n\r\nPhoto: Sound Gazette/Pia Holm\r\n\r\na\r\n";
const FIXED: &str = "\u{feff}#Local\r\n\r\nFerry returns to Calloway Sound\r\n\r\n2025-05-09\r\n\r\nCALLOWAY — The ferry will run again from June, said harbour master Ines Arden.\r\n\r\nTickets are on sale at the pier.\r\n\r\nPhoto: Sound Gazette/Pia Holm\r\n";

#[test]
fn fix_keeps_bom_crlf_and_permissions_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.txt");
    std::fs::write(&path, STORY).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();

    let first = newslint().arg("--fix").arg(&path).output().unwrap();
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stdout)
    );
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, FIXED);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );

    let second = newslint().arg("--fix").arg(&path).output().unwrap();
    assert_eq!(second.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FIXED);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn diff_shows_the_fix_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.txt");
    std::fs::write(&path, STORY).unwrap();
    let out = newslint()
        .args(["--diff", "--format", "concise"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("-2025.05.09\r\n") && stdout.contains("+2025-05-09\r\n"),
        "{stdout}"
    );
    assert!(stdout.contains("-x\r\n"), "{stdout}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), STORY);
}

#[test]
fn fix_on_standard_input_writes_the_fixed_text() {
    let out = newslint()
        .args(["--fix", "--stdin-filename", "ferry.txt", "-"])
        .write_stdin(STORY)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("newslint.toml"),
        "rule-files = [\"house.toml\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("house.toml"),
        "[[rule]]\nid = \"whilst\"\nkind = \"substitution\"\nswap = { whilst = \"while\" }\nfix = \"unsafe\"\n",
    )
    .unwrap();
    let story = dir.path().join("s.md");
    std::fs::write(&story, "Whilst we wait.\n\nPhoto: A/B\n").unwrap();
    let run = |extra: &[&str]| {
        Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(dir.path())
            .arg("check")
            .arg("--fix")
            .args(extra)
            .arg("s.md")
            .output()
            .unwrap()
    };
    run(&[]);
    assert_eq!(
        std::fs::read_to_string(&story).unwrap(),
        "Whilst we wait.\n\nPhoto: A/B\n"
    );
    run(&["--unsafe-fixes"]);
    assert_eq!(
        std::fs::read_to_string(&story).unwrap(),
        "While we wait.\n\nPhoto: A/B\n"
    );
}

fn paragraph() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The council met.",
        "the the vote",
        "It was set for 2025.05.09 at noon.",
        "He said it was fine, fine.",
        "Bridge works begin on May 9th.",
        "Café owners in Ærø said “we will open”.",
        "x",
        "--",
        "TK",
        "Photo: Desk/Ann Lowe",
        "a",
        "Numbers 3-1 and 9.30 a.m. are not dates.",
    ]);
    prop::collection::vec(pieces, 1..4).prop_map(|p| p.join(" "))
}

fn article() -> impl Strategy<Value = (String, bool, bool)> {
    (
        prop::collection::vec(paragraph(), 1..8),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(paragraphs, crlf, bom)| {
            let newline = if crlf { "\r\n" } else { "\n" };
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            text.push_str(&format!("Headline here{newline}{newline}"));
            text.push_str(&paragraphs.join(&format!("{newline}{newline}")));
            (text, crlf, bom)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fixes_touch_only_their_edits((text, crlf, bom) in article()) {
        let rules = news_rules();
        let doc = Document::parse(text.clone(), Format::Plain).unwrap();
        let diagnostics = lint(&rules, &doc);
        let edits = select_fixes(&diagnostics, true);
        let out = apply_edits(&text, &edits);
        // Walk the untouched stretches in order: each must stand unchanged in the output.
        let mut cursor_in = 0;
        let mut cursor_out = 0;
        for edit in &edits {
            let kept = &text[cursor_in..edit.range.start];
            prop_assert_eq!(&out[cursor_out..cursor_out + kept.len()], kept);
            cursor_out += kept.len() + edit.replacement.len();
            cursor_in = edit.range.end;
        }
        prop_assert_eq!(&out[cursor_out..], &text[cursor_in..]);

        let once = fix_text(text.clone(), Format::Plain, true, &lint_with_rules(&rules)).unwrap().text;
        let twice = fix_text(once.clone(), Format::Plain, true, &lint_with_rules(&rules)).unwrap().text;
        prop_assert_eq!(&once, &twice);
        prop_assert_eq!(once.starts_with('\u{feff}'), bom);
        if crlf {
            prop_assert!(!once.replace("\r\n", "").contains('\n'), "a bare LF crept into a CRLF file");
        }
    }
}
