//! Per-file config discovery on the real binary, as ruff does it: the nearest
//! `newslint.toml` above each file applies to it, paths in a config are relative to that
//! config, `--config` overrides them all, a broken nested config stops only the files under
//! it, and `newslint config PATH` says which settings apply and where each came from.

mod common;

use common::{Desk, ONLY_ERROR};

/// A desk whose wire folder has its own config: `placeholder-text` off, a house pack of its
/// own (named relative to the wire config) and its drafts excluded.
fn desk() -> Desk {
    let desk = Desk::new();
    desk.write("newslint.toml", "# the desk's settings: the defaults\n");
    desk.write(
        "wire/newslint.toml",
        "rule-files = [\"rules\"]\nexclude = [\"drafts\"]\n\n[rules.placeholder-text]\nenabled = false\n",
    );
    desk.write(
        "wire/rules/wire.toml",
        "[pack]\nname = \"wire\"\n\n[[rule]]\nid = \"wire-easton\"\nkind = \"pattern\"\n\
         description = \"The wire spells the town Eastone.\"\npattern = \"Easton\"\nmessage = \"the wire writes Eastone\"\n",
    );
    desk.write("local/toll.md", ONLY_ERROR);
    desk.write("wire/toll.md", ONLY_ERROR);
    desk.write("wire/drafts/toll.md", ONLY_ERROR);
    desk
}

fn concise(desk: &Desk, folder: &str, args: &[&str]) -> common::Run {
    let mut all = vec!["check", "--format", "concise"];
    all.extend_from_slice(args);
    common::Run::from(
        desk.cmd(&all)
            .current_dir(desk.path().join(folder))
            .output()
            .unwrap(),
    )
}

fn rules_by_file(stdout: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = stdout
        .lines()
        .filter_map(|line| {
            let (path, rest) = line.split_once(':')?;
            let rule = rest.split_once('[')?.1.split_once(']')?.0;
            Some((path.trim_start_matches("./").to_string(), rule.to_string()))
        })
        .collect();
    found.sort();
    found
}

/// `(file, rule)` pairs, as `expect` writes them.
fn pairs(expect: &[(&str, &str)]) -> Vec<(String, String)> {
    expect
        .iter()
        .map(|(path, rule)| (path.to_string(), rule.to_string()))
        .collect()
}

#[test]
fn the_nearest_config_above_each_file_applies() {
    let desk = desk();
    assert!(ONLY_ERROR.contains("Easton"), "the fixture names the town");
    // The wire config turns placeholder-text off, runs its own pack (found relative to
    // it) and excludes its drafts.
    let run = concise(&desk, ".", &["."]);
    run.expect_code(1);
    assert_eq!(
        rules_by_file(&run.stdout),
        pairs(&[
            ("local/toll.md", "placeholder-text"),
            ("wire/toll.md", "wire-easton")
        ]),
        "{}",
        run.stdout
    );
    // The same from inside another folder, naming the files.
    let run = concise(&desk, "local", &["toll.md", "../wire/toll.md"]);
    assert_eq!(
        rules_by_file(&run.stdout),
        pairs(&[
            ("../wire/toll.md", "wire-easton"),
            ("toll.md", "placeholder-text")
        ]),
        "{}",
        run.stdout
    );
}

#[test]
fn a_folder_a_nested_config_excludes_is_never_entered() {
    let desk = desk();
    // A walker that went into wire/drafts would meet this link back to the folder and
    // report a symbolic link loop (exit 2); one that prunes never sees it, as ruff
    // never enters what a nested config excludes.
    std::os::unix::fs::symlink(
        desk.path().join("wire/drafts"),
        desk.path().join("wire/drafts/again"),
    )
    .unwrap();
    desk.write("wire/drafts/deep/toll.md", ONLY_ERROR);
    for folder in [".", "wire"] {
        let run = concise(&desk, folder, &["."]);
        run.expect_code(1);
        assert!(
            !run.stdout.contains("drafts"),
            "from {folder}: {}",
            run.stdout
        );
    }
    // The desk's own config excludes nothing: under `--config` the drafts are walked,
    // and the loop is met and reported.
    let run = concise(&desk, ".", &["--config", "newslint.toml", "."]);
    run.expect_code(2);
    assert!(run.stdout.contains("symbolic link loop"), "{}", run.stdout);
    assert!(
        run.stdout.contains("wire/drafts/deep/toll.md"),
        "{}",
        run.stdout
    );
}

#[test]
fn config_overrides_every_nested_config_and_select_spans_them() {
    let desk = desk();
    let run = concise(&desk, ".", &["--config", "newslint.toml", "."]);
    assert_eq!(
        rules_by_file(&run.stdout),
        pairs(&[
            ("local/toll.md", "placeholder-text"),
            ("wire/drafts/toll.md", "placeholder-text"),
            ("wire/toll.md", "placeholder-text")
        ]),
        "{}",
        run.stdout
    );

    // A rule of the wire pack is a known id although the desk's config lacks it.
    let run = concise(&desk, ".", &["--select", "wire-easton", "."]);
    run.expect_code(1);
    assert_eq!(
        rules_by_file(&run.stdout),
        pairs(&[("wire/toll.md", "wire-easton")])
    );
    concise(&desk, ".", &["--select", "no-such-rule", "."]).expect_code(2);
}

#[test]
fn a_broken_nested_config_stops_only_its_files() {
    let desk = desk();
    desk.write(
        "wire/newslint.toml",
        "rule-files = [\"rules\"]\nfail_on = \"error\"\n",
    );
    let run = concise(&desk, ".", &["."]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("wire/newslint.toml:2:1") && run.stderr.contains("unknown field"),
        "{}",
        run.stderr
    );
    let found = rules_by_file(&run.stdout);
    assert!(
        found.contains(&("local/toll.md".into(), "placeholder-text".into())),
        "{}",
        run.stdout
    );
    assert!(
        found.iter().all(|(path, _)| !path.starts_with("wire")),
        "{}",
        run.stdout
    );
}

#[test]
fn config_command_names_where_each_setting_comes_from() {
    let desk = desk();
    let run = common::Run::from(desk.cmd(&["config", "wire/toll.md"]).output().unwrap());
    run.expect_code(0);
    let line = |key: &str| {
        run.stdout
            .lines()
            .find(|l| l.starts_with(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("no {key} in {}", run.stdout))
            .to_string()
    };
    assert!(
        run.stdout
            .contains("# config: wire/newslint.toml (the nearest above the file)"),
        "{}",
        run.stdout
    );
    assert_eq!(
        line("rule-files"),
        "rule-files = [\"rules\"]  # wire/newslint.toml:1"
    );
    assert_eq!(
        line("exclude"),
        "exclude = [\"drafts\"]  # wire/newslint.toml:2"
    );
    assert_eq!(
        line("rules.placeholder-text"),
        "rules.placeholder-text = { enabled = false }  # wire/newslint.toml:4"
    );
    assert_eq!(line("packs"), "packs = [\"news\"]  # default");

    let local = common::Run::from(
        desk.cmd(&["config", "local/new-story.md"])
            .output()
            .unwrap(),
    );
    assert!(
        local
            .stdout
            .contains("# config: newslint.toml (the nearest above the file)"),
        "{}",
        local.stdout
    );
    assert!(
        !local.stdout.contains("rules.placeholder-text"),
        "{}",
        local.stdout
    );
}
