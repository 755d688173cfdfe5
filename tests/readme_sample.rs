//! The README's sample output is what `newslint check articles/` prints on the current tree:
//! the block after `cargo run --release -- check articles/` is the exact end of its output.

use std::process::Command;

#[test]
fn the_readme_sample_is_the_end_of_checking_the_sample_articles() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let intro = readme
        .find("The first prints")
        .expect("the README introduces its sample output");
    let block = &readme[intro..];
    let start = block.find("```\n").expect("a sample block") + "```\n".len();
    let sample = &block[start..start + block[start..].find("```").unwrap()];
    assert!(
        sample.lines().last().unwrap_or("").contains(" checked)"),
        "the sample ends with the summary line: {sample}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_newslint"))
        .current_dir(root)
        .args(["check", "articles/"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the samples have errors");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let end = lines[lines.len().saturating_sub(sample.lines().count())..].join("\n");
    assert!(
        stdout.ends_with(sample),
        "README.md's sample is stale; `newslint check articles/` now ends with:\n{end}"
    );
}
