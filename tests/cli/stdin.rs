//! Standard input (`-`): reported under `--stdin-filename`, or as `<stdin>` without one.

use crate::common::{CLEAN, Desk, FERRY, ONLY_WARNING};

#[test]
fn stdin_is_reported_under_the_stdin_filename() {
    let desk = Desk::new();
    let as_story = |format: &str| {
        desk.run_with_stdin(
            &[
                "check",
                "-",
                "--stdin-filename",
                "story.md",
                "--format",
                format,
            ],
            FERRY,
        )
    };
    let run = as_story("concise");
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "story.md:3:31: warning[repeated-word] \"the the\": the word is repeated\n\
         story.md:5:32: error[placeholder-text] placeholder \"TK\" left in the copy\n"
    );

    let run = as_story("json");
    let doc = run.json();
    for d in doc["diagnostics"].as_array().unwrap() {
        assert_eq!(d["path"], "story.md");
    }
    assert_eq!(doc["diagnostics"].as_array().unwrap().len(), 2);
}

#[test]
fn stdin_without_a_name_is_reported_as_stdin() {
    let desk = Desk::new();
    let run = desk.run_with_stdin(&["-", "--format", "concise"], ONLY_WARNING);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "<stdin>:3:61: warning[repeated-word] \"the the\": the word is repeated\n"
    );
    let run = desk.run_with_stdin(&["check", "-"], CLEAN);
    run.expect_code(0);
    assert_eq!(run.stdout, "no findings in 1 file\n");
}
