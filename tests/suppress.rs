//! Suppressions silence exactly their rule on exactly their lines; an unused one is
//! reported; `[[per-file]]` ignores work for plain text; `newslint init` writes working
//! starter files and refuses to overwrite.

use assert_cmd::Command;

fn check_concise(dir: &std::path::Path, file: &str) -> String {
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir)
        .args(["check", "--format", "concise", "--fail-on", "never", file])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn comments_silence_their_rule_on_their_lines_only() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# Pier to reopen\n\n\
<!-- newslint-disable-next-line repeated-word -->\n\
The the pier opens in June.\n\n\
The the ferry follows.\n\n\
<!-- newslint-disable placeholder-text -->\n\
Fares are TK.\n\n\
Times are TK too.\n\n\
<!-- newslint-enable -->\n\
Parking is TK.\n\n\
<!-- newslint-disable-next-line stray-text -->\n\
Nothing to see here.\n\n\
Photo: Pier Post/Jo Marr\n";
    std::fs::write(dir.path().join("pier.md"), text).unwrap();
    let out = check_concise(dir.path(), "pier.md");
    let found: Vec<&str> = out.lines().map(|l| l.split_once(": ").unwrap().1).collect();
    assert_eq!(
        found,
        vec![
            "warning[repeated-word] \"The the\": the word is repeated",
            "error[placeholder-text] placeholder \"TK\" left in the copy",
            "info[unused-suppression] this suppression silences nothing: no finding of stray-text here",
        ],
        "{out}"
    );
    assert!(out.starts_with("pier.md:6:5:"), "{out}");
    assert!(out.contains("pier.md:14:12:"), "{out}");
    assert!(out.contains("pier.md:16:1:"), "{out}");
}

#[test]
fn inline_marker_and_per_file_ignores_for_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("newslint.toml"),
        "[[per-file]]\npath = \"wire/*.txt\"\nignore = [\"photo-credit-missing\"]\n",
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("wire")).unwrap();
    let story = "Pier to reopen\n\nThe the pier opens in June. [newslint: ignore repeated-word]\n\nThe the ferry follows.\n";
    std::fs::write(dir.path().join("wire/pier.txt"), story).unwrap();
    std::fs::write(dir.path().join("pier.txt"), story).unwrap();
    let wire = check_concise(dir.path(), "wire/pier.txt");
    assert_eq!(wire.lines().count(), 1, "{wire}");
    assert!(
        wire.starts_with("wire/pier.txt:5:5: warning[repeated-word]"),
        "{wire}"
    );
    let local = check_concise(dir.path(), "pier.txt");
    assert!(local.contains("photo-credit-missing"), "{local}");
    assert!(
        !local.contains(":3:5:"),
        "the marker silences line 3: {local}"
    );
}

#[test]
fn init_writes_working_files_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let first = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(
        first.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(dir.path().join("newslint.toml").is_file());
    let test = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir.path())
        .args(["test", "rules/house.toml"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(test.stdout).unwrap();
    assert_eq!(
        test.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&test.stderr)
    );
    assert!(
        stdout.contains("2 rules, 4 examples passed, 0 failed"),
        "{stdout}"
    );
    // The starter config loads and its rules run.
    std::fs::write(
        dir.path().join("s.md"),
        "The crowd moved towards the pier.\n\nPhoto: A/B\n",
    )
    .unwrap();
    let out = check_concise(dir.path(), "s.md");
    assert!(out.contains("house-towards"), "{out}");

    let again = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir.path())
        .arg("init")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn test_command_fails_pointing_at_a_broken_example() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("house.toml"),
        "[[rule]]\nid = \"no-towards\"\nkind = \"pattern\"\npattern = 'towardz'\n\n[[rule.examples]]\nbad = \"We walked towards the sea.\"\n",
    )
    .unwrap();
    let out = Command::cargo_bin("newslint")
        .unwrap()
        .current_dir(dir.path())
        .args(["test", "house.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("house.toml:7:7"), "{stderr}");
    assert!(
        stderr.contains("bad example does not draw `no-towards`"),
        "{stderr}"
    );
}

/// Issue 10 item 10 and issue 13 §3: typos, code and markers.
mod directives {
    use super::check_concise;

    fn concise(name: &str, text: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), text).unwrap();
        check_concise(dir.path(), name)
            .lines()
            .map(|l| l.split_once(": ").unwrap().1.to_string())
            .collect()
    }

    const TAIL: &str = "The the ferry follows.\n\nPhoto: Pier Post/Jo Marr\n";

    #[test]
    fn a_misspelt_directive_is_reported_and_silences_nothing() {
        let found = concise(
            "pier.md",
            &format!(
                "# Pier\n\n<!-- newslint-disable-nextline repeated-word -->\nThe the pier.\n\n{TAIL}"
            ),
        );
        assert_eq!(
            found,
            vec![
                "warning[unused-suppression] `newslint-disable-nextline` is not a directive (did you mean `newslint-disable-next-line`?); it silences nothing",
                "warning[repeated-word] \"The the\": the word is repeated",
                "warning[repeated-word] \"The the\": the word is repeated",
            ]
        );
    }

    #[test]
    fn disable_line_silences_its_own_line_only() {
        let found = concise(
            "pier.md",
            &format!(
                "# Pier\n\nThe the pier. <!-- newslint-disable-line repeated-word -->\n\n{TAIL}"
            ),
        );
        assert_eq!(
            found,
            vec!["warning[repeated-word] \"The the\": the word is repeated"],
            "only the second paragraph's finding is left"
        );
    }

    #[test]
    fn a_directive_inside_code_is_not_a_directive() {
        let found = concise(
            "pier.md",
            &format!(
                "# Pier\n\nHow to silence newslint:\n\n```\n<!-- newslint-disable -->\n```\n\n{TAIL}"
            ),
        );
        assert_eq!(
            found,
            vec!["warning[repeated-word] \"The the\": the word is repeated"]
        );
    }

    #[test]
    fn unknown_rule_ids_are_reported_with_a_suggestion() {
        let found = concise(
            "pier.md",
            &format!("# Pier\n\n<!-- newslint-disable-next-line repeated-wrod -->\n{TAIL}"),
        );
        assert_eq!(
            found,
            vec![
                "warning[unused-suppression] `repeated-wrod` is not a rule (did you mean `repeated-word`?); the suppression silences nothing for it",
                "warning[repeated-word] \"The the\": the word is repeated",
            ]
        );
    }

    #[test]
    fn the_plain_text_marker_is_not_prose() {
        // The marker's own "quote" must not attribute the quotation it silences.
        let story = "Pier to reopen\n\nRepairs on the old pier are nearly done.\n\n\"The pier will open again in June.\" [newslint: ignore quote-unattributed]\n\nPhoto: Pier Post/Jo Marr\n";
        assert_eq!(concise("pier.txt", story), Vec::<String>::new());
        let without = story.replace(" [newslint: ignore quote-unattributed]", "");
        let found = concise("pier.txt", &without);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("warning[quote-unattributed]"),
            "{found:?}"
        );
    }
}

/// `unused-suppression` is a rule like any other: listed, explained, overridden in
/// `newslint.toml`, selected and ignored by id.
#[test]
fn unused_suppression_is_a_rule_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("newslint")
            .unwrap()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (_, listed) = run(&["rules"]);
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("unused-suppression ") && l.ends_with("core")),
        "{listed}"
    );
    let (code, explained) = run(&["explain", "unused-suppression"]);
    assert_eq!(code, Some(0));
    assert!(explained.contains("silences no finding"), "{explained}");

    let text = "# Pier to reopen\n\nThe pier opens in June. [newslint: ignore repeated-word]\n\nPhoto: Pier Post/Jo Marr\n";
    std::fs::write(dir.path().join("pier.txt"), text).unwrap();
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "concise"];
        args.extend_from_slice(extra);
        args.push("pier.txt");
        run(&args)
    };
    let (code, out) = check(&[]);
    assert_eq!(code, Some(0), "an info finding does not fail: {out}");
    assert!(out.contains("info[unused-suppression]"), "{out}");
    let (code, out) = check(&["--ignore", "unused-suppression"]);
    assert_eq!((code, out.as_str()), (Some(0), ""));
    let (_, out) = check(&["--select", "unused-suppression"]);
    assert_eq!(out.lines().count(), 1, "{out}");

    std::fs::write(
        dir.path().join("newslint.toml"),
        "[rules.unused-suppression]\nseverity = \"warning\"\n",
    )
    .unwrap();
    let (code, out) = check(&[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("warning[unused-suppression]"), "{out}");
    std::fs::write(
        dir.path().join("newslint.toml"),
        "[rules.unused-suppression]\nenabled = false\n",
    )
    .unwrap();
    assert_eq!(check(&[]).1, "");
}
