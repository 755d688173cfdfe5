//! The bad-input matrix: files, folders, front matter, dates and rule files that are broken
//! or extreme. Each case checks that newslint does not panic (exit 0, 1 or 2, never 101),
//! exits with the right code, names the file (and line and column where there is one) in
//! its message, and still lints a good file given in the same run.

mod common;

use std::time::{Duration, Instant};

use common::{Desk, ONLY_WARNING, Run, locations};

/// The good article every case lints alongside the bad input.
const GOOD: &str = "good.md";

/// Its one finding, as `--format concise` prints it.
const GOOD_CONCISE: &str =
    "good.md:3:61: warning[repeated-word] \"the the\": the word is repeated\n";

/// Its one finding's location, as the human format draws it.
const GOOD_HUMAN: &str = "┌─ good.md:3:61\n";

/// A photo credit line: articles that carry one draw no `photo-credit-missing`.
const CREDIT: &str = "Photo: Tidewater Gazette/Omar Lind";

/// No panic: a panic exits 101 and prints "panicked"; a hang is killed by the timeout of
/// [`Desk::cmd`] and has no exit code.
#[track_caller]
fn assert_no_panic(run: &Run) {
    assert!(
        !run.stderr.contains("panicked"),
        "newslint panicked:\n{}",
        clip(&run.stderr)
    );
    assert!(
        matches!(run.code, Some(0..=2)),
        "exit code {:?} (101 is a panic, none a timeout or a signal)\n--- stdout ---\n{}\n--- stderr ---\n{}",
        run.code,
        clip(&run.stdout),
        clip(&run.stderr)
    );
}

/// Assert the exit code, showing at most the start of both streams when it differs (some
/// failures print thousands of findings).
#[track_caller]
fn assert_code(run: &Run, code: i32) {
    assert_eq!(
        run.code,
        Some(code),
        "unexpected exit code\n--- stdout ---\n{}\n--- stderr ---\n{}",
        clip(&run.stdout),
        clip(&run.stderr)
    );
}

/// At most the first 4,000 bytes of `text`, for assertion messages.
fn clip(text: &str) -> &str {
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Assert that `haystack` contains `needle`, naming both.
#[track_caller]
fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "expected {needle:?} in:\n{}",
        clip(haystack)
    );
}

/// Write the good article into `desk`.
fn write_good(desk: &Desk) {
    desk.write(GOOD, ONLY_WARNING);
}

/// Lint `paths` and the good article, in the concise and the human format. Both runs must
/// not panic, must agree on the exit code, and must report the good article's finding.
#[track_caller]
fn run_both(desk: &Desk, paths: &[&str]) -> (Run, Run) {
    let mut concise_args = vec!["check", "--format", "concise"];
    concise_args.extend_from_slice(paths);
    concise_args.push(GOOD);
    let mut human_args = vec!["check", "--format", "human"];
    human_args.extend_from_slice(paths);
    human_args.push(GOOD);
    let concise = desk.run(&concise_args);
    let human = desk.run(&human_args);
    assert_no_panic(&concise);
    assert_no_panic(&human);
    assert_eq!(
        concise.code, human.code,
        "the formats disagree on the exit code\n--- concise ---\n{}{}\n--- human ---\n{}{}",
        concise.stdout, concise.stderr, human.stdout, human.stderr
    );
    assert_contains(&concise.stdout, GOOD_CONCISE);
    assert_contains(&human.stdout, GOOD_HUMAN);
    (concise, human)
}

/// Lint the good article with `house.toml` loaded through `newslint.toml`.
fn with_house_rules(house: &str) -> Run {
    let desk = Desk::new();
    desk.write("newslint.toml", "rule-files = [\"house.toml\"]\n");
    desk.write("house.toml", house);
    write_good(&desk);
    let run = desk.run(&["check", GOOD]);
    assert_no_panic(&run);
    run
}

/// A configuration error: exit 2, nothing linted, exactly the `expected` locations, and
/// every needle in standard error.
#[track_caller]
fn assert_config_error(run: &Run, expected: &[&str], needles: &[&str]) {
    run.expect_code(2);
    assert_eq!(run.stdout, "", "nothing is linted after a config error");
    assert_eq!(locations(&run.stderr), expected, "{}", clip(&run.stderr));
    for needle in needles {
        assert_contains(&run.stderr, needle);
    }
}

/// Deterministic bytes (xorshift), so that a failure can be reproduced.
fn noise(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Files that are empty, blank, binary or not UTF-8
// ---------------------------------------------------------------------------------------

/// Lint `text` as `.md` and `.txt` beside the good article: only the good article's
/// finding may come out, on standard output alone.
fn assert_nothing_to_check(text: &str) {
    let desk = Desk::new();
    write_good(&desk);
    desk.write("nothing.md", text);
    desk.write("nothing.txt", text);
    let (concise, human) = run_both(&desk, &["nothing.md", "nothing.txt"]);
    concise.expect_code(1);
    assert_eq!(concise.stdout, GOOD_CONCISE);
    assert_eq!(concise.stderr, "");
    assert!(
        human
            .stdout
            .ends_with("\n1 warning in 1 file (3 checked)\n"),
        "{}",
        human.stdout
    );
    assert_eq!(human.stderr, "");
}

#[test]
fn empty_file_draws_nothing() {
    // An empty file has nothing to check (README).
    assert_nothing_to_check("");
}

#[test]
fn whitespace_only_file_draws_nothing() {
    // Spaces, tabs, CRLF, a no-break space, and a line of four spaces (not a code block:
    // it is blank).
    assert_nothing_to_check(" \t \n\n\r\n\t\t\r\n\u{a0}\n    \n  ");
}

#[test]
fn binary_files_are_reported_not_linted() {
    let desk = Desk::new();
    write_good(&desk);
    // A scanned image saved as .txt: text, then a PNG signature whose first NUL byte is
    // on line 3, after "IMG", the 0x89 byte (one character when shown) and "PNG".
    let mut scan = b"Wire photo\n\nIMG\x89PNG\x00\x00\x00\rIHDR".to_vec();
    scan.extend(noise(4096, 0x5eed));
    desk.write("scan.txt", &scan);
    // Random bytes with no NUL: not UTF-8 from the first byte (0x80 cannot start a
    // character).
    let mut random: Vec<u8> = noise(4096, 42).into_iter().map(|b| b | 0x80).collect();
    random[0] = 0x80;
    desk.write("random.txt", &random);

    let (concise, human) = run_both(&desk, &["scan.txt", "random.txt"]);
    concise.expect_code(2);
    assert_eq!(
        concise.stdout,
        format!(
            "{GOOD_CONCISE}\
             random.txt:1:1: error[io] the file is not valid UTF-8 (byte 0x80 at byte offset 0); newslint reads UTF-8: convert it, e.g. from Latin-1 with `iconv -f LATIN1 -t UTF-8`\n\
             scan.txt:3:8: error[io] the file looks binary (a NUL byte at byte offset 19); it is not an article\n"
        )
    );
    assert_contains(
        &human.stderr,
        "error: scan.txt:3:8: the file looks binary (a NUL byte at byte offset 19); it is not an article\n",
    );
    assert_contains(
        &human.stderr,
        "error: random.txt:1:1: the file is not valid UTF-8 (byte 0x80 at byte offset 0)",
    );
    assert!(
        human
            .stdout
            .ends_with("\n1 warning in 1 file (1 checked); 2 files could not be checked\n"),
        "{}",
        human.stdout
    );
}

/// Latin-1 copy: "£" is the byte 0xA3, in the middle of line 3, after 19 characters (21
/// bytes: "ë" and "é" are two bytes each in UTF-8).
const LATIN1: &[u8] =
    b"# Caf\xc3\xa9 prices rise\n\nZo\xc3\xab's caf\xc3\xa9 charges \xa35 a cup.\n";
/// Byte offset of the 0xA3 byte in [`LATIN1`].
const LATIN1_OFFSET: usize = 21 + 21;

#[test]
fn latin1_file_is_reported_at_the_bad_byte() {
    assert_eq!(LATIN1[LATIN1_OFFSET], 0xA3);
    let desk = Desk::new();
    write_good(&desk);
    desk.write("latin1.md", LATIN1);
    let (concise, human) = run_both(&desk, &["latin1.md"]);
    concise.expect_code(2);
    let message = format!(
        "the file is not valid UTF-8 (byte 0xA3 at byte offset {LATIN1_OFFSET}); newslint reads UTF-8: convert it, e.g. from Latin-1 with `iconv -f LATIN1 -t UTF-8`"
    );
    assert_eq!(
        concise.stdout,
        format!("{GOOD_CONCISE}latin1.md:3:20: error[io] {message}\n")
    );
    assert_eq!(human.stderr, format!("error: latin1.md:3:20: {message}\n"));
}

#[test]
fn problems_told_on_stderr_by_json_and_sarif_name_line_and_column() {
    let desk = Desk::new();
    write_good(&desk);
    desk.write("latin1.md", LATIN1);
    let run = desk.run(&["check", "--format", "json", "latin1.md", GOOD]);
    assert_no_panic(&run);
    run.expect_code(2);
    let doc = run.json();
    assert_eq!(doc["diagnostics"][0]["path"], GOOD, "{doc:#}");
    let error = &doc["errors"][0];
    assert_eq!(error["path"], "latin1.md");
    assert_eq!((&error["line"], &error["column"]), (&3.into(), &20.into()));
    // The JSON document has the position; the line on standard error should too, as the
    // human and concise formats give it.
    assert_contains(
        &run.stderr,
        "error: latin1.md:3:20: the file is not valid UTF-8",
    );

    let run = desk.run(&["check", "--format", "sarif", "latin1.md", GOOD]);
    assert_no_panic(&run);
    run.expect_code(2);
    assert_contains(
        &run.stderr,
        "error: latin1.md:3:20: the file is not valid UTF-8",
    );
}

/// `text` as UTF-16 with a byte-order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf16_with_a_byte_order_mark_is_reported() {
    let desk = Desk::new();
    write_good(&desk);
    desk.write("utf16le.md", utf16(ONLY_WARNING, false));
    desk.write("utf16be.txt", utf16(ONLY_WARNING, true));
    let (concise, human) = run_both(&desk, &["utf16le.md", "utf16be.txt"]);
    concise.expect_code(2);
    let message = "the file is UTF-16 (it starts with a UTF-16 byte-order mark); newslint reads UTF-8: convert it, e.g. with `iconv -f UTF-16 -t UTF-8`";
    assert_eq!(
        concise.stdout,
        format!(
            "{GOOD_CONCISE}utf16be.txt:1:1: error[io] {message}\nutf16le.md:1:1: error[io] {message}\n"
        )
    );
    assert_eq!(
        human.stderr,
        format!("error: utf16be.txt:1:1: {message}\nerror: utf16le.md:1:1: {message}\n")
    );
}

#[test]
fn utf8_byte_order_mark_does_not_shift_columns_of_line_1() {
    // Editors do not show or count a UTF-8 BOM: "The the" on line 1 has its second "the"
    // at column 5, and front matter opened on line 1 opens at 1:1.
    let desk = Desk::new();
    write_good(&desk);
    desk.write(
        "bom.md",
        format!("\u{feff}The the ferry sailed.\n\n{CREDIT}\n"),
    );
    desk.write("bom-unclosed.md", "\u{feff}---\ntitle: Ferry\n\nBody.\n");
    let (concise, _) = run_both(&desk, &["bom.md", "bom-unclosed.md"]);
    concise.expect_code(2);
    assert_contains(
        &concise.stdout,
        "bom.md:1:5: warning[repeated-word] \"The the\": the word is repeated\n",
    );
    assert_contains(
        &concise.stdout,
        "bom-unclosed.md:1:1: error[io] front matter opened with `---` is never closed\n",
    );
}

// ---------------------------------------------------------------------------------------
// Size and depth
// ---------------------------------------------------------------------------------------

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
    let run = common::Run::from(
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
    let run = common::Run::from(
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
    assert!(
        run.stdout
            .ends_with("\n1 warning in 1 file (100001 checked)\n"),
        "{}",
        clip(&run.stdout)
    );
    assert_eq!(run.stderr, "");
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

// ---------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------

#[test]
fn unclosed_front_matter_is_reported_at_1_1() {
    let desk = Desk::new();
    write_good(&desk);
    desk.write(
        "yaml.md",
        "---\ntitle: Ferry timetable\ndate: 2025-01-02\n\n# Ferry timetable\n\nBody text.\n",
    );
    desk.write("toml.md", "+++\ntitle = \"Ferry\"\n\nBody text.\n");
    desk.write("crlf.md", "---\r\ntitle: Ferry\r\n\r\nBody text.\r\n");
    let (concise, human) = run_both(&desk, &["yaml.md", "toml.md", "crlf.md"]);
    concise.expect_code(2);
    assert_eq!(
        concise.stdout,
        format!(
            "crlf.md:1:1: error[io] front matter opened with `---` is never closed\n\
             {GOOD_CONCISE}\
             toml.md:1:1: error[io] front matter opened with `+++` is never closed\n\
             yaml.md:1:1: error[io] front matter opened with `---` is never closed\n"
        )
    );
    assert_eq!(
        human.stderr,
        "error: crlf.md:1:1: front matter opened with `---` is never closed\n\
         error: toml.md:1:1: front matter opened with `+++` is never closed\n\
         error: yaml.md:1:1: front matter opened with `---` is never closed\n"
    );
}

#[test]
fn front_matter_that_is_not_valid_yaml() {
    let desk = Desk::new();
    write_good(&desk);
    // A second `:` on a line: 11 characters ("title: Café") before it, 12 bytes.
    desk.write("colon.md", "---\ntitle: Café: Zoë\n---\n\nBody text.\n");
    // A flow sequence never closed: the parser stops at the `:` of the next key.
    desk.write(
        "flow.md",
        "---\ntitle: Ferry\ntags: [Ærø, ferry\ndate: 2025-01-02\n---\n\nBody text.\n",
    );
    // The same with a BOM and CRLF line ends.
    desk.write(
        "flow-crlf.md",
        "\u{feff}---\r\ntitle: Ferry\r\ntags: [Ærø, ferry\r\ndate: 2025-01-02\r\n---\r\n\r\nBody text.\r\n",
    );
    // A quoted value never closed: reported where the quote opens.
    desk.write("quote.md", "---\ntitle: \"Zoë\n---\n\nBody text.\n");
    // A list, not a mapping.
    desk.write("list.md", "---\n- ferry\n- timetable\n---\n\nBody text.\n");
    let (concise, human) = run_both(
        &desk,
        &["colon.md", "flow.md", "flow-crlf.md", "quote.md", "list.md"],
    );
    concise.expect_code(2);
    assert_eq!(
        concise.stdout,
        format!(
            "colon.md:2:12: error[io] front matter is not valid YAML: mapping values are not allowed in this context\n\
             flow-crlf.md:4:5: error[io] front matter is not valid YAML: illegal placement of ':' indicator\n\
             flow.md:4:5: error[io] front matter is not valid YAML: illegal placement of ':' indicator\n\
             {GOOD_CONCISE}\
             list.md:2:1: error[io] front matter must be a mapping of keys to values\n\
             quote.md:2:8: error[io] front matter is not valid YAML: while scanning a quoted scalar, found unexpected end of stream\n"
        )
    );
    assert_contains(
        &human.stderr,
        "error: colon.md:2:12: front matter is not valid YAML: mapping values are not allowed in this context\n",
    );
    assert_contains(
        &human.stderr,
        "error: flow.md:4:5: front matter is not valid YAML: illegal placement of ':' indicator\n",
    );
}

#[test]
fn front_matter_that_is_not_valid_toml() {
    let desk = Desk::new();
    write_good(&desk);
    // Something after a value: 19 characters before the `x` ("Café Zoë" is 8).
    desk.write(
        "trailing.md",
        "+++\ntitle = \"Café Zoë\" x\n+++\n\nBody text.\n",
    );
    // A key with no value, on line 4.
    desk.write(
        "novalue.md",
        "+++\ntitle = \"Ferry\"\ndate = 2025-01-02\nauthor = \n+++\n\nBody text.\n",
    );
    // A key given twice.
    desk.write(
        "twice.md",
        "+++\ntitle = \"Ferry\"\ntitle = \"Again\"\n+++\n\nBody text.\n",
    );
    // A bare word as a value, after a BOM and with CRLF line ends.
    desk.write(
        "bare-crlf.md",
        "\u{feff}+++\r\ntitle = \"Ferry\"\r\nauthor = Zoë\r\n+++\r\n\r\nBody text.\r\n",
    );
    let (concise, human) = run_both(
        &desk,
        &["trailing.md", "novalue.md", "twice.md", "bare-crlf.md"],
    );
    concise.expect_code(2);
    assert_eq!(
        concise.stdout,
        format!(
            "bare-crlf.md:3:10: error[io] front matter is not valid TOML: string values must be quoted, expected literal string\n\
             {GOOD_CONCISE}\
             novalue.md:4:10: error[io] front matter is not valid TOML: string values must be quoted, expected literal string\n\
             trailing.md:2:20: error[io] front matter is not valid TOML: unexpected key or value, expected newline, `#`\n\
             twice.md:3:1: error[io] front matter is not valid TOML: duplicate key\n"
        )
    );
    assert_contains(
        &human.stderr,
        "error: trailing.md:2:20: front matter is not valid TOML: unexpected key or value",
    );
    assert_contains(
        &human.stderr,
        "error: twice.md:3:1: front matter is not valid TOML: duplicate key\n",
    );
}

// ---------------------------------------------------------------------------------------
// Dates of year 0 and 99999
// ---------------------------------------------------------------------------------------

/// A body paragraph holding each extreme date, and yearless dates that take the year of
/// the article's date.
const EXTREME_DATES_BODY: &str = "The ferry first sailed on 0000-01-01, again on 99999-01-01 and last on Feb. 29, 0. It sails again on Monday, Jan. 1, and on Monday, Dec. 31.";

/// Articles carrying `date` in front matter, as a date line, and only in the body.
fn write_extreme_date_articles(desk: &Desk, date: &str, name: &str) {
    desk.write(
        &format!("front-{name}.md"),
        format!(
            "---\ntitle: Ferry\ndate: \"{date}\"\nphoto_credit: Tidewater Gazette/Omar Lind\n---\n\n{EXTREME_DATES_BODY}\n"
        ),
    );
    desk.write(
        &format!("line-{name}.txt"),
        format!("Ferry sails\n\n{date}\n\n{EXTREME_DATES_BODY}\n\n{CREDIT}\n"),
    );
}

#[test]
fn dates_of_year_0_and_99999_do_not_panic() {
    let desk = Desk::new();
    write_good(&desk);
    let names = [
        ("0000-01-01", "y0"),
        ("99999-01-01", "y99999"),
        ("Feb. 29, 0", "feb29"),
    ];
    let mut paths = Vec::new();
    for (date, name) in names {
        write_extreme_date_articles(&desk, date, name);
        paths.push(format!("front-{name}.md"));
        paths.push(format!("line-{name}.txt"));
    }
    desk.write(
        "body.md",
        format!("# Ferry\n\n{EXTREME_DATES_BODY}\n\n{CREDIT}\n"),
    );
    paths.push("body.md".to_string());
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();

    let (concise, human) = run_both(&desk, &paths);
    // Only findings, no file that could not be checked.
    concise.expect_code(1);
    assert_eq!(human.stderr, "");
    // Every finding is well-formed, and on the body paragraph of its file.
    for line in concise.stdout.lines() {
        let (path, rest) = line.split_once(':').expect("path:line:col: …");
        let (line_no, rest) = rest.split_once(':').expect("line:col: …");
        let (col, rest) = rest.split_once(": ").expect("col: …");
        let line_no: usize = line_no.parse().expect("a line number");
        let col: usize = col.parse().expect("a column number");
        let text = std::fs::read_to_string(desk.path().join(path)).expect("read the article");
        let source_line = text.lines().nth(line_no - 1).expect("the line exists");
        assert!(
            (1..=source_line.chars().count() + 1).contains(&col),
            "column out of the line: {line}"
        );
        if path != GOOD {
            assert_eq!(
                source_line, EXTREME_DATES_BODY,
                "finding off the body: {line}"
            );
            assert!(
                rest.starts_with("error[date-") || rest.starts_with("warning[date-"),
                "only date rules should fire here: {line}"
            );
        }
    }
}

#[test]
fn article_dated_year_0_does_not_date_other_dates_before_year_1() {
    // An article dated 0000-01-01 is a placeholder, not a date: in the body newslint does
    // not read 0000-01-01 as a date at all (numeric years run 1000–2999). Judging "Monday,
    // Jan. 1" and "Monday, Dec. 31" against it gives "January 1, 0" and "December 31, -1".
    let desk = Desk::new();
    write_good(&desk);
    write_extreme_date_articles(&desk, "0000-01-01", "y0");
    let (concise, _) = run_both(&desk, &["front-y0.md", "line-y0.txt"]);
    for line in concise.stdout.lines() {
        assert!(
            !line.contains(", 0 ") && !line.contains(", -"),
            "a date placed in year 0 or before:\n{}",
            concise.stdout
        );
    }
}

// ---------------------------------------------------------------------------------------
// Paths: missing, unreadable, looping
// ---------------------------------------------------------------------------------------

#[test]
fn path_that_does_not_exist() {
    let desk = Desk::new();
    write_good(&desk);
    let (concise, human) = run_both(&desk, &["nothere.md", "no/such/folder"]);
    concise.expect_code(2);
    assert_eq!(
        concise.stdout,
        format!(
            "nothere.md:1:1: error[io] no such file or folder\n\
             no/such/folder:1:1: error[io] no such file or folder\n\
             {GOOD_CONCISE}"
        )
    );
    assert_eq!(
        human.stderr,
        "error: nothere.md: no such file or folder\nerror: no/such/folder: no such file or folder\n"
    );
    assert!(
        human
            .stdout
            .ends_with("\n1 warning in 1 file (1 checked); 2 files could not be checked\n"),
        "{}",
        human.stdout
    );
}

#[cfg(unix)]
#[test]
fn folder_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;

    /// Gives the folder its permissions back, so that the temporary folder can be removed
    /// even when an assertion fails.
    struct Unlock(std::path::PathBuf);
    impl Drop for Unlock {
        fn drop(&mut self) {
            let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
        }
    }

    let desk = Desk::new();
    write_good(&desk);
    desk.write("desk/open/story.md", ONLY_WARNING);
    desk.write("desk/locked/story.md", ONLY_WARNING);
    let locked = desk.path().join("desk/locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let _unlock = Unlock(locked.clone());
    // Root reads any folder: then there is nothing to report, only no panic to check.
    let enforced = std::fs::read_dir(&locked).is_err();

    let (concise, human) = run_both(&desk, &["desk"]);

    assert_contains(
        &concise.stdout,
        "desk/open/story.md:3:61: warning[repeated-word] \"the the\": the word is repeated\n",
    );
    if enforced {
        concise.expect_code(2);
        assert_contains(
            &concise.stdout,
            "desk/locked:1:1: error[io] permission denied\n",
        );
        assert_eq!(human.stderr, "error: desk/locked: permission denied\n");
    } else {
        eprintln!("running as root: chmod 000 is not enforced, the message is not checked");
        concise.expect_code(1);
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_named_and_do_not_hang() {
    use std::os::unix::fs::symlink;

    let desk = Desk::new();
    write_good(&desk);
    desk.write("desk/story.md", ONLY_WARNING);
    let dir = desk.path().join("desk");
    // A folder that contains itself, a link to itself, and two links to each other.
    symlink(".", dir.join("again")).unwrap();
    symlink("self.md", dir.join("self.md")).unwrap();
    symlink("pong.md", dir.join("ping.md")).unwrap();
    symlink("ping.md", dir.join("pong.md")).unwrap();

    let started = Instant::now();
    let (concise, human) = run_both(&desk, &["desk", "desk/self.md"]);
    assert!(started.elapsed() < Duration::from_secs(30));
    concise.expect_code(2);
    assert_contains(
        &concise.stdout,
        "desk/story.md:3:61: warning[repeated-word] \"the the\": the word is repeated\n",
    );
    assert_contains(
        &human.stderr,
        "error: desk/again: symbolic link loop: it leads back to desk\n",
    );
    for name in ["desk/self.md", "desk/ping.md", "desk/pong.md"] {
        let line = human
            .stderr
            .lines()
            .find(|l| l.starts_with(&format!("error: {name}: ")))
            .unwrap_or_else(|| panic!("no error for {name}:\n{}", human.stderr));
        assert!(line.contains("symbolic link"), "{line}");
    }
}

// ---------------------------------------------------------------------------------------
// Rule files (cases not in tests/cli.rs)
// ---------------------------------------------------------------------------------------

#[test]
fn rule_file_toml_syntax_error_in_the_middle() {
    let rule = |id: &str, kind: &str, pattern: &str| {
        format!("[[rule]]\nid = \"{id}\"\nkind = {kind}\npattern = '{pattern}'\n\n")
    };
    // The second of three rules has an unquoted kind on line 11.
    let house = format!(
        "[pack]\nname = \"house\"\n\n{}{}{}",
        rule("no-gangway", "\"pattern\"", "gangway"),
        rule("no-jetty", "pattern", "jetty"),
        rule("no-quay", "\"pattern\"", "quay"),
    );
    let run = with_house_rules(&house);
    assert_config_error(
        &run,
        &["house.toml:11:8"],
        &["error: string values must be quoted", "kind = pattern"],
    );

    // A table header never closed, between two rules.
    let house = format!(
        "{}[[rule]\nid = \"no-jetty\"\nkind = \"pattern\"\npattern = 'jetty'\n",
        rule("no-gangway", "\"pattern\"", "gangway"),
    );
    let run = with_house_rules(&house);
    assert_config_error(&run, &["house.toml:6:8"], &["error: unclosed array table"]);
}

#[test]
fn rule_file_empty_swap() {
    let run = with_house_rules("[[rule]]\nid = \"ramp\"\nkind = \"substitution\"\nswap = {}\n");
    assert_config_error(&run, &["house.toml:4:8"], &["error: `swap` is empty"]);

    let run = with_house_rules(
        "[[rule]]\nid = \"ramp\"\nkind = \"substitution\"\nswap = { \"\" = \"ramp\" }\n",
    );
    assert_config_error(
        &run,
        &["house.toml:4:8"],
        &["error: `swap` has an empty key"],
    );
}

#[test]
fn rule_file_max_of_zero_or_less() {
    let rule = |max: &str| {
        format!(
            "[[rule]]\nid = \"long-headline\"\nkind = \"max-length\"\nscope = \"headline\"\nmax = {max}\n"
        )
    };
    let run = with_house_rules(&rule("0"));
    assert_config_error(
        &run,
        &["house.toml:5:7"],
        &["error: `max` must be at least 1"],
    );
    let run = with_house_rules(&rule("-1"));
    assert_config_error(&run, &["house.toml:5:7"], &["`-1`"]);
}

#[test]
fn rule_file_example_with_both_bad_and_good_or_neither() {
    let head = "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway'\n";
    let message = "error: an example needs exactly one of `bad` or `good`";
    let run = with_house_rules(&format!(
        "{head}\n[[rule.examples]]\nbad = \"Use the gangway.\"\ngood = \"Use the ramp.\"\n"
    ));
    assert_config_error(&run, &["house.toml:6:1"], &[message]);

    let run = with_house_rules(&format!(
        "{head}examples = [{{ bad = \"Use the gangway.\", good = \"Use the ramp.\" }}]\n"
    ));
    assert_config_error(&run, &["house.toml:5:13"], &[message]);

    let run = with_house_rules(&format!(
        "{head}\n[[rule.examples]]\nfixed = \"Use the ramp.\"\n"
    ));
    assert_config_error(&run, &["house.toml:6:1"], &[message]);
}

#[test]
fn rule_file_regex_over_the_size_limit_fails_fast() {
    for pattern in [r"\w{1000}{1000}", "(?:a{100}){100}{100}"] {
        let started = Instant::now();
        let run = with_house_rules(&format!(
            "[[rule]]\nid = \"huge\"\nkind = \"pattern\"\npattern = '{pattern}'\n"
        ));
        let took = started.elapsed();
        eprintln!("regex {pattern}: rejected in {took:.1?}");
        assert!(took < Duration::from_secs(20), "{pattern} took {took:?}");
        assert_config_error(
            &run,
            &["house.toml:4:11"],
            &[
                "error: `pattern` would compile to a regex over the size limit",
                "exceeds size limit",
            ],
        );
    }

    // In a substitution's `swap` keys, and in an override in newslint.toml.
    let run = with_house_rules(
        "[[rule]]\nid = \"huge\"\nkind = \"substitution\"\nregex = true\nswap = { '\\w{1000}{1000}' = \"x\" }\n",
    );
    assert_config_error(&run, &["house.toml:5:8"], &["exceeds size limit"]);

    let desk = Desk::new();
    write_good(&desk);
    desk.write(
        "newslint.toml",
        "[rules.placeholder-text]\npattern = '(?:a{100}){100}{100}'\n",
    );
    let run = desk.run(&["check", GOOD]);
    assert_no_panic(&run);
    assert_config_error(&run, &["newslint.toml:2:11"], &["exceeds size limit"]);
}

#[test]
fn rule_file_regex_that_matches_empty_text_is_an_error() {
    // An empty pattern, or one that can match nothing at all, matches between every two
    // characters: thousands of zero-width findings, and with `--fix` a substitution inserts
    // its replacement everywhere. It should be refused where it is written.
    let run = with_house_rules("[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = ''\n");
    assert_code(&run, 2);
    assert_eq!(
        locations(&run.stderr),
        ["house.toml:4:11"],
        "{}",
        clip(&run.stderr)
    );
    assert_contains(&run.stderr, "`pattern`");

    let run = with_house_rules(
        "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway|x*'\n",
    );
    assert_code(&run, 2);
    assert_eq!(
        locations(&run.stderr),
        ["house.toml:4:11"],
        "{}",
        clip(&run.stderr)
    );

    let run = with_house_rules(
        "[[rule]]\nid = \"ramp\"\nkind = \"substitution\"\nregex = true\nswap = { 'x*' = \"ramp\" }\n",
    );
    assert_code(&run, 2);
    assert_eq!(
        locations(&run.stderr),
        ["house.toml:5:8"],
        "{}",
        clip(&run.stderr)
    );
    assert_contains(&run.stderr, "`swap`");
}

#[test]
fn rule_file_empty_words_list_is_an_error() {
    // `swap = {}` and `words = [""]` are errors; `words = []` makes a rule that can never
    // fire, silently.
    let run = with_house_rules("[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\nwords = []\n");
    run.expect_code(2);
    assert_eq!(
        locations(&run.stderr),
        ["house.toml:4:9"],
        "{}",
        clip(&run.stderr)
    );
    assert_contains(&run.stderr, "`words`");
}

#[test]
fn same_rule_id_in_two_house_files_and_a_house_pack_redefining_a_builtin_rule() {
    let desk = Desk::new();
    write_good(&desk);
    desk.write("newslint.toml", "rule-files = [\"house\"]\n");
    let pack = "[pack]\nname = \"house\"\n";
    desk.write(
        "house/a.toml",
        format!("{pack}\n[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway'\n"),
    );
    desk.write(
        "house/b.toml",
        format!(
            "{pack}\n[[rule]]\nid = \"no-jetty\"\nkind = \"pattern\"\npattern = 'jetty'\n\n\
             [[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangplank'\n"
        ),
    );
    desk.write(
        "house/c.toml",
        format!("{pack}\n[[rule]]\nid = \"repeated-word\"\nkind = \"repetition\"\n"),
    );
    let run = desk.run(&["check", GOOD]);
    assert_no_panic(&run);
    assert_config_error(
        &run,
        &["b.toml:10:6", "c.toml:5:6"],
        &[
            "error: rule id `no-gangway` is defined twice",
            "a.toml at line 5",
            "error: rule id `repeated-word` is defined twice",
            "first defined in builtin:news",
        ],
    );
}

#[test]
fn the_same_pack_or_rule_file_named_twice() {
    // Naming a pack or a rule file twice in newslint.toml defines no rule twice. Today every
    // rule of it is reported as "defined twice", each pointing at itself as the first
    // definition. Either load it once, or say so at the second name in newslint.toml.
    for config in [
        "packs = [\"news\", \"news\"]\n",
        "rule-files = [\"house.toml\", \"house.toml\"]\n",
    ] {
        let desk = Desk::new();
        write_good(&desk);
        desk.write("newslint.toml", config);
        desk.write(
            "house.toml",
            "[[rule]]\nid = \"no-gangway\"\nkind = \"pattern\"\npattern = 'gangway'\n",
        );
        let run = desk.run(&["check", "--format", "concise", GOOD]);
        assert_no_panic(&run);
        assert!(
            !run.stderr.contains("is defined twice"),
            "{config}: a rule is not defined twice:\n{}",
            clip(&run.stderr)
        );
        if run.code == Some(2) {
            for location in locations(&run.stderr) {
                assert!(
                    location.starts_with("newslint.toml:1:"),
                    "{config}: the mistake is in newslint.toml, not at {location}"
                );
            }
        } else {
            run.expect_code(1);
            assert_eq!(run.stdout, GOOD_CONCISE);
        }
    }
}
