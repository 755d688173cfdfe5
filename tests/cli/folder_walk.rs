//! Folder walking: .gitignore and .newslintignore, which extensions are articles, output
//! sorted by path whatever the job count, each file linted once, and symlink loops.

use std::path::Path;

use crate::common::{Desk, FERRY, ONLY_WARNING};

fn paths_reported(concise: &str) -> Vec<String> {
    let mut paths: Vec<String> = Vec::new();
    for line in concise.lines() {
        let path = line
            .split_once(':')
            .expect("path:line:col: …")
            .0
            .to_string();
        if paths.last() != Some(&path) {
            paths.push(path);
        }
    }
    paths
}

#[test]
fn folder_walk_honours_gitignore_and_newslintignore() {
    let desk = Desk::new();
    for path in [
        "desk/kept.md",
        "desk/ignored-by-git.md",
        "desk/drafts/skipped.md",
        "desk/wire/kept.txt",
        "desk/wire/embargoed.txt",
        "desk/old/archive.md",
    ] {
        desk.write(path, ONLY_WARNING);
    }
    // No `.git` folder: newslint reads .gitignore without a repository.
    desk.write("desk/.gitignore", "ignored-by-git.md\nold/\n");
    desk.write("desk/.newslintignore", "drafts/\n");
    desk.write("desk/wire/.newslintignore", "embargoed.txt\n");
    let run = desk.run(&["--format", "concise", "desk"]);
    run.expect_code(1);
    assert_eq!(
        paths_reported(&run.stdout),
        ["desk/kept.md", "desk/wire/kept.txt"]
    );
}

#[test]
fn folder_walk_lints_only_article_extensions() {
    let desk = Desk::new();
    for path in [
        "desk/a.md",
        "desk/b.markdown",
        "desk/c.txt",
        "desk/d.html",
        "desk/e.json",
        "desk/f.toml",
        "desk/g.md.bak",
        "desk/h",
    ] {
        desk.write(path, ONLY_WARNING);
    }
    // An HTML file is read as HTML: the same article in its markup.
    desk.write(
        "desk/d.html",
        "<h1>Lifeboat crew honoured</h1>\n<p>The crew of the Saltmarsh lifeboat received a medal for the the rescue.</p>\n<p>Photo: Tidewater Gazette/Omar Lind</p>\n",
    );
    let run = desk.run(&["--format", "concise", "desk"]);
    run.expect_code(1);
    assert_eq!(
        paths_reported(&run.stdout),
        ["desk/a.md", "desk/b.markdown", "desk/c.txt", "desk/d.html"]
    );
    let summary = desk.run(&["desk"]);
    assert!(
        summary
            .stdout
            .ends_with("4 warnings in 4 files (4 checked)\n"),
        "{}",
        summary.stdout
    );
}

#[test]
fn explicit_file_is_linted_whatever_its_extension() {
    let desk = Desk::new();
    desk.write("copy.html", ONLY_WARNING);
    let run = desk.run(&["--format", "concise", "copy.html"]);
    run.expect_code(1);
    assert_eq!(paths_reported(&run.stdout), ["copy.html"]);
}

#[test]
fn output_is_sorted_by_path_and_identical_for_any_job_count() {
    let desk = Desk::new();
    let mut expected = Vec::new();
    for folder in ["zeta", "alpha", "mid/deep", "mid"] {
        for name in ["b", "a-b", "a", "A", "c_1", "c10", "c2"] {
            let rel = format!("desk/{folder}/{name}.md");
            desk.write(&rel, FERRY);
            expected.push(rel);
        }
    }
    desk.write("desk/top.md", ONLY_WARNING);
    expected.push("desk/top.md".to_string());
    // Sorted as paths, component by component.
    expected.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));

    let one = desk.run(&["--format", "concise", "--jobs", "1", "desk"]);
    let four = desk.run(&["--format", "concise", "--jobs", "4", "desk"]);
    one.expect_code(1);
    four.expect_code(1);
    assert_eq!(paths_reported(&one.stdout), expected);
    assert_eq!(one.stdout, four.stdout, "--jobs 1 and --jobs 4 differ");

    for format in ["human", "json", "github"] {
        let one = desk.run(&["--format", format, "-j", "1", "desk"]);
        let four = desk.run(&["--format", format, "-j", "4", "desk"]);
        assert_eq!(
            one.stdout, four.stdout,
            "--format {format}: -j 1 and -j 4 differ"
        );
    }
}

#[test]
fn a_file_named_twice_is_linted_once() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    // `.` walks to `./ferry.md`, which is the same file as `ferry.md`.
    let run = desk.run(&["--format", "json", ".", "ferry.md"]);
    run.expect_code(1);
    let doc = run.json();
    assert_eq!(
        doc["diagnostics"].as_array().unwrap().len(),
        2,
        "each finding once:\n{doc:#}"
    );
    assert_eq!(doc["files"], 1);
}

#[cfg(unix)]
#[test]
fn symlink_loop_does_not_hang() {
    let desk = Desk::new();
    desk.write("desk/story.md", ONLY_WARNING);
    desk.write("desk/sub/other.md", ONLY_WARNING);
    std::os::unix::fs::symlink(".", desk.path().join("desk/loop")).unwrap();
    std::os::unix::fs::symlink("..", desk.path().join("desk/sub/up")).unwrap();
    let start = std::time::Instant::now();
    // The command has a 60 s timeout; a hang shows as no exit code.
    let run = desk.run(&["--format", "concise", "desk"]);
    assert!(
        run.code.is_some(),
        "newslint did not finish: {:?}",
        start.elapsed()
    );
    let findings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("warning[repeated-word]"))
        .collect();
    assert_eq!(
        findings,
        [
            "desk/story.md:3:61: warning[repeated-word] \"the the\": the word is repeated",
            "desk/sub/other.md:3:61: warning[repeated-word] \"the the\": the word is repeated",
        ],
        "each real article once:\n{}",
        run.stdout
    );
}
