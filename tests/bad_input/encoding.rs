//! Files that are empty, blank, binary or not UTF-8 (Latin-1, UTF-16), and the UTF-8
//! byte-order mark: what is reported where, and in which stream.

use crate::common::{Desk, ONLY_WARNING};
use crate::{
    CREDIT, GOOD, GOOD_CONCISE, assert_contains, assert_ends_with, assert_no_panic, run_both,
    write_good,
};

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
    assert_ends_with(&human.stdout, "\n1 warning in 1 file (3 checked)\n");
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
    assert_ends_with(
        &human.stdout,
        "\n1 warning in 1 file (1 checked); 2 files could not be checked\n",
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
