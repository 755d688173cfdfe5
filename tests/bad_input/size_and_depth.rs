//! Size and depth: a 50 MiB single line, a file over the 256 MiB cap, 100,000 tiny files
//! in nested folders, and lists and block quotes nested 5,000 deep.

use std::time::{Duration, Instant};

use crate::common::{Desk, Run};
use crate::{
    CREDIT, GOOD, GOOD_CONCISE, GOOD_HUMAN, assert_contains, assert_ends_with, assert_no_panic,
    run_both, write_good,
};

#[test]
fn fifty_megabyte_single_line_file() {
    // 50 MiB on one line, in a debug build: about 10 s alone on two cores with the fact
    // checks, and several times that on a machine shared with other builds. The timeout only
    // tells a hang from a slow run, so this one run gets five minutes, not `Desk::cmd`'s 60 s.
    const SIZE: usize = 50 << 20;
    let sentence = "The harbour board met on Monday to discuss the new ferry timetable. ";
    let tail = "Then the the board rose.";
    let desk = Desk::new();
    write_good(&desk);
    let started = Instant::now();
    let mut text = sentence.repeat(SIZE / sentence.len() + 1);
    text.push_str(tail);
    let column = text.len() - tail.len() + "Then the ".len() + 1;
    desk.write("big.md", &text);
    drop(text);
    let written = started.elapsed();

    let started = Instant::now();
    let run = Run::from(
        desk.cmd(&["check", "--format", "concise", "big.md", GOOD])
            .timeout(std::time::Duration::from_secs(300))
            .output()
            .expect("run newslint"),
    );
    let took = started.elapsed();
    eprintln!("50 MiB single line: written in {written:.1?}, linted in {took:.1?}");
    assert_no_panic(&run);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        format!(
            "big.md:1:1: warning[photo-credit-missing] the article carries no photo credit\n\
             big.md:1:{column}: warning[repeated-word] \"the the\": the word is repeated\n\
             {GOOD_CONCISE}"
        )
    );
}

#[test]
fn hundred_thousand_tiny_files_in_nested_folders() {
    // 100 folders × 10 subfolders × 100 files. Each folder's files are hard links to its
    // first one: to newslint they are 100,000 paths to walk, open and read, but they are
    // written in about 1 s instead of 10–60 s for as many separate files on this machine's
    // disk (deleting them costs as much again). Linting takes 2–9 s in a debug build; no
    // need to scale it down to 20,000.
    let desk = Desk::new();
    write_good(&desk);
    let started = Instant::now();
    let tiny = format!("{CREDIT}\n");
    for a in 0..100 {
        let first = desk.path().join(format!("wire/d{a:02}/e0/f00.md"));
        desk.write(&format!("wire/d{a:02}/e0/f00.md"), &tiny);
        for b in 0..10 {
            let dir = desk.path().join(format!("wire/d{a:02}/e{b}"));
            std::fs::create_dir_all(&dir).expect("create folders");
            for c in 0..100 {
                if (b, c) != (0, 0) {
                    std::fs::hard_link(&first, dir.join(format!("f{c:02}.md")))
                        .expect("link a file");
                }
            }
        }
    }
    let written = started.elapsed();

    let started = Instant::now();
    // Like the 50 MiB line above: the timeout only tells a hang from a slow run, and a debug
    // build reading 100,000 files took over `Desk::cmd`'s 60 s on a machine shared with
    // other builds (30-45 s alone).
    let run = Run::from(
        desk.cmd(&["check", "wire", GOOD])
            .timeout(Duration::from_secs(300))
            .output()
            .expect("run newslint"),
    );
    let took = started.elapsed();
    eprintln!("100,000 files: written in {written:.1?}, linted in {took:.1?}");
    assert_no_panic(&run);
    run.expect_code(1);
    assert_contains(&run.stdout, GOOD_HUMAN);
    assert_ends_with(&run.stdout, "\n1 warning in 1 file (100001 checked)\n");
    assert_eq!(run.stderr, "");
}

#[test]
fn a_file_over_the_size_cap_is_refused_unread_and_the_others_checked() {
    // A sparse file of 257 MiB: its size says it all, and none of it is written or read.
    let desk = Desk::new();
    write_good(&desk);
    let big = desk.write("dump.txt", "");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .and_then(|file| file.set_len(257 << 20))
        .expect("grow a sparse file");
    let run = desk.run(&["check", "--format", "concise", "dump.txt", GOOD]);
    assert_no_panic(&run);
    run.expect_code(2);
    assert_eq!(
        run.stdout,
        format!(
            "dump.txt:1:1: error[io] the file is larger than 256 MB, newslint's limit for an \
             article: not read\n{GOOD_CONCISE}"
        )
    );
}

#[test]
fn lists_nested_5000_deep() {
    const DEPTH: usize = 5000;
    let desk = Desk::new();
    write_good(&desk);
    // One item per line, each indented under the one before; the deepest holds "the the".
    let mut indented = String::from("# Deep lists\n\n");
    for i in 0..DEPTH - 1 {
        indented.push_str(&format!("{}- item {i}\n", "  ".repeat(i)));
    }
    indented.push_str(&format!(
        "{}- the the end\n\n{CREDIT}\n",
        "  ".repeat(DEPTH - 1)
    ));
    desk.write("indented.md", &indented);
    // Every list opened on one line: `- - - … the the end`.
    desk.write(
        "one-line.md",
        format!(
            "# Deep lists\n\n{}the the end\n\n{CREDIT}\n",
            "- ".repeat(DEPTH)
        ),
    );
    // Ordered lists: `1. 1. 1. … the the end`.
    desk.write(
        "ordered.md",
        format!(
            "# Deep lists\n\n{}the the end\n\n{CREDIT}\n",
            "1. ".repeat(DEPTH)
        ),
    );

    let started = Instant::now();
    let (concise, _) = run_both(&desk, &["indented.md", "one-line.md", "ordered.md"]);
    eprintln!("lists 5,000 deep: {:.1?}", started.elapsed());
    concise.expect_code(1);
    let second_the = |prefix: usize| prefix + "the ".len() + 1;
    for line in [
        format!(
            "indented.md:{}:{}: warning[repeated-word] \"the the\": the word is repeated\n",
            2 + DEPTH,
            second_the(2 * (DEPTH - 1) + 2)
        ),
        format!(
            "one-line.md:3:{}: warning[repeated-word] \"the the\": the word is repeated\n",
            second_the(2 * DEPTH)
        ),
        format!(
            "ordered.md:3:{}: warning[repeated-word] \"the the\": the word is repeated\n",
            second_the(3 * DEPTH)
        ),
    ] {
        assert_contains(&concise.stdout, &line);
    }
}

#[test]
fn block_quotes_nested_5000_deep() {
    const DEPTH: usize = 5000;
    let desk = Desk::new();
    write_good(&desk);
    // `>>>>…> the the quoted text` on one line.
    desk.write(
        "one-line.md",
        format!(
            "# Deep quotes\n\n{} the the quoted text\n\n{CREDIT}\n",
            ">".repeat(DEPTH)
        ),
    );
    // One more `>` on each line; the deepest line holds "the the".
    let mut stairs = String::from("# Deep quotes\n\n");
    for i in 1..DEPTH {
        stairs.push_str(&format!("{} line {i}\n", ">".repeat(i)));
    }
    stairs.push_str(&format!("{} the the end\n\n{CREDIT}\n", ">".repeat(DEPTH)));
    desk.write("stairs.md", &stairs);
    // Quotes and lists interleaved: `> - > - … item`.
    desk.write(
        "mixed.md",
        format!(
            "# Deep quotes\n\n{}the the item\n\n{CREDIT}\n",
            "> - ".repeat(DEPTH)
        ),
    );

    let started = Instant::now();
    let (concise, _) = run_both(&desk, &["one-line.md", "stairs.md", "mixed.md"]);
    eprintln!("block quotes 5,000 deep: {:.1?}", started.elapsed());
    concise.expect_code(1);
    for line in [
        format!(
            "one-line.md:3:{}: warning[repeated-word] \"the the\": the word is repeated\n",
            DEPTH + " the ".len() + 1
        ),
        format!(
            "stairs.md:{}:{}: warning[repeated-word] \"the the\": the word is repeated\n",
            2 + DEPTH,
            DEPTH + " the ".len() + 1
        ),
        format!(
            "mixed.md:3:{}: warning[repeated-word] \"the the\": the word is repeated\n",
            4 * DEPTH + "the ".len() + 1
        ),
    ] {
        assert_contains(&concise.stdout, &line);
    }
}
