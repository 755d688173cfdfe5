//! Copy that used to slip past or through newslint (issue 10, item 11): a YAML block-scalar
//! headline is linted where it stands in the file; UTF-32 is named as UTF-32; a NUL byte
//! anywhere marks a binary file; terminal escape codes in copy are shown escaped, never
//! sent to the terminal; SARIF keeps a backslash that is part of a file name; JSON and SARIF
//! escape C1 controls, which serde_json alone passes through raw.

mod common;

use common::Desk;

const CREDIT: &str = "Photo: Tidewater Gazette/Omar Lind\n";

#[test]
fn a_block_scalar_headline_is_linted_and_fixed_where_it_stands() {
    for header in ["|", ">", ">-", "|+"] {
        let desk = Desk::new();
        let text = format!(
            "---\ntitle: {header}\n  Storm closes\n  the the harbour road\nslug: storm\n---\n\nThe road reopened on Monday, the council said.\n\n{CREDIT}"
        );
        desk.write("storm.md", &text);
        let run = desk.run(&["check", "--isolated", "--format", "concise", "storm.md"]);
        run.expect_code(1);
        // The second "the" of line 4, column 7: a span into the file, not into the value.
        assert!(
            run.stdout
                .contains("storm.md:4:7: warning[repeated-word] \"the the\""),
            "{header}: {}",
            run.stdout
        );
        desk.run(&["check", "--isolated", "--fix", "storm.md"]);
        assert_eq!(
            std::fs::read_to_string(desk.path().join("storm.md")).unwrap(),
            text.replace("the the harbour", "the harbour"),
            "{header}"
        );
    }
}

fn utf32(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0, 0, 0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE, 0, 0]
    };
    for c in text.chars() {
        let c = c as u32;
        bytes.extend(if big_endian {
            c.to_be_bytes()
        } else {
            c.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf32_is_reported_as_utf32_and_a_late_nul_as_binary() {
    let desk = Desk::new();
    desk.write("le.md", utf32(common::ONLY_WARNING, false));
    desk.write("be.txt", utf32(common::ONLY_WARNING, true));
    // Ten pages of copy, then one NUL: a damaged or binary file, not an article.
    let mut late = common::CLEAN.repeat(60).into_bytes();
    let nul_at = late.len() - 10;
    assert!(nul_at > 8192);
    late[nul_at] = 0;
    desk.write("late.txt", &late);
    let run = desk.run(&[
        "check",
        "--isolated",
        "--format",
        "concise",
        "le.md",
        "be.txt",
        "late.txt",
    ]);
    run.expect_code(2);
    let utf32 = "error[io] the file is UTF-32 (it starts with a UTF-32 byte-order mark); newslint reads UTF-8: convert it, e.g. with `iconv -f UTF-32 -t UTF-8`";
    assert!(
        run.stdout.contains(&format!("be.txt:1:1: {utf32}\n")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!("le.md:1:1: {utf32}\n")),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("UTF-16"), "{}", run.stdout);
    let column = nul_at - late[..nul_at].iter().rposition(|&b| b == b'\n').unwrap();
    let line = 1 + late[..nul_at].iter().filter(|&&b| b == b'\n').count();
    assert!(
        run.stdout.contains(&format!(
            "late.txt:{line}:{column}: error[io] the file looks binary (a NUL byte at byte offset {nul_at}); it is not an article"
        )),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("warning["), "{}", run.stdout);
}

/// An article whose finding sits between escape sequences: a clear-screen, a colour, and
/// an OSC sequence that sets the terminal's title; its name holds an escape too.
const ESCAPES: &str = "# Tide \u{1b}]0;owned\u{7}tables\n\nThe \u{1b}[2Jferry met the the\u{1b}[31m tide \u{9b}1mearly.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
const NAME: &str = "tide\u{1b}[8m.txt";

#[test]
fn escape_codes_in_copy_are_shown_escaped_in_every_text_format() {
    let desk = Desk::new();
    desk.write(NAME, ESCAPES);
    for format in ["human", "concise", "github"] {
        let run = desk.run(&[
            "check",
            "--isolated",
            "--color",
            "always",
            "--format",
            format,
            ".",
        ]);
        run.expect_code(1);
        // Colour codes of newslint's own are allowed in human output; nothing of the copy's.
        for hazard in [
            "\u{1b}]0;",
            "\u{1b}[2J",
            "\u{1b}[31m tide",
            "\u{9b}",
            "\u{7}",
            "\u{1b}[8m",
        ] {
            assert!(
                !run.stdout.contains(hazard) && !run.stderr.contains(hazard),
                "{format} sent {hazard:?} raw: {}",
                run.stdout
            );
        }
        assert!(
            run.stdout.contains("tide\\u{1b}[8m.txt"),
            "{format}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains("repeated-word"),
            "{format}: {}",
            run.stdout
        );
    }
    // The human excerpt shows the escapes and underlines the finding under them.
    let human = desk.run(&["check", "--isolated", "--color", "never", "."]);
    let shown = "The \\u{1b}[2Jferry met the the\\u{1b}[31m tide \\u{9b}1mearly.";
    assert!(human.stdout.contains(shown), "{}", human.stdout);
    let line = human.stdout.lines().find(|l| l.ends_with(shown)).unwrap();
    let under = human
        .stdout
        .lines()
        .skip_while(|l| *l != line)
        .nth(1)
        .unwrap();
    let column = |text: &str, at: usize| text[..at].chars().count();
    assert_eq!(
        column(under, under.find('^').unwrap()),
        column(line, line.find("the the").unwrap() + 4),
        "the underline starts under the second \"the\"\n{line}\n{under}"
    );
    // JSON keeps the text exact, escaped by JSON's own rules.
    let json = desk.run(&["check", "--isolated", "--format", "json", "."]);
    assert!(!json.stdout.contains('\u{1b}'));
    assert_eq!(json.json()["diagnostics"][0]["path"], format!("./{NAME}"));
}

/// Run newslint on a pseudo-terminal (`script` from util-linux) and return what it printed.
fn on_a_terminal(desk: &Desk, args: &str) -> Vec<u8> {
    let command = format!("{} {args}", env!("CARGO_BIN_EXE_newslint"));
    let out = std::process::Command::new("script")
        .current_dir(desk.path())
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script (util-linux) runs");
    out.stdout
}

#[test]
fn a_diff_is_escaped_on_a_terminal_and_exact_into_a_pipe() {
    let desk = Desk::new();
    desk.write("tide.txt", ESCAPES);
    let terminal = on_a_terminal(&desk, "check --isolated --diff --color never tide.txt");
    let shown = String::from_utf8_lossy(&terminal);
    assert!(
        shown.contains("+The \\u{1b}[2Jferry met the\\u{1b}[31m tide"),
        "{shown}"
    );
    for hazard in ["\u{1b}[2J", "\u{1b}]0;", "\u{1b}[31m tide", "\u{9b}"] {
        assert!(!shown.contains(hazard), "{hazard:?} sent raw: {shown}");
    }
    // Into a pipe the patch is exact, so it still applies.
    let piped = desk.run(&["check", "--isolated", "--diff", "tide.txt"]);
    assert!(
        piped
            .stdout
            .contains("+The \u{1b}[2Jferry met the\u{1b}[31m tide"),
        "{}",
        piped.stdout
    );
}

#[test]
fn sarif_keeps_a_backslash_that_is_part_of_a_name() {
    let desk = Desk::new();
    desk.write("back\\slash.md", common::ONLY_WARNING);
    let run = desk.run(&["check", "--isolated", "--format", "sarif", "."]);
    run.expect_code(1);
    let uri = &run.json()["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "back%5Cslash.md");
}

/// C1 controls (NEL and CSI here), as mis-decoded Windows-1252 copy carries them, in
/// files' names and on the line a fix changes.
const C1_COPY: &str = "# Tide tables\n\nThe ferry met \u{85}the the\u{9b} tide early.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
const C1_NAME: &str = "tide\u{85}\u{9b}.txt";
const C1_BINARY: &str = "bin\u{85}\u{9b}.txt";

#[test]
fn c1_controls_are_escaped_in_json_and_sarif_and_read_back_exact() {
    let desk = Desk::new();
    desk.write(C1_NAME, C1_COPY);
    // A file that cannot be checked, so its name lands in SARIF's notifications' text.
    desk.write(C1_BINARY, b"Tide\0tables\n");
    let is_c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    for format in ["json", "sarif"] {
        let run = desk.run(&["check", "--isolated", "--format", format, "--diff", "."]);
        run.expect_code(2);
        assert!(
            !run.stdout.contains(is_c1),
            "{format} wrote a raw C1 control: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains("bin\\u0085\\u009b.txt"),
            "{format}: {}",
            run.stdout
        );
        let document = run.json();
        if format == "json" {
            assert_eq!(document["diagnostics"][0]["path"], format!("./{C1_NAME}"));
            assert_eq!(document["errors"][0]["path"], format!("./{C1_BINARY}"));
            let diff = document["diffs"][0]["diff"].as_str().unwrap();
            assert!(
                diff.contains("+The ferry met \u{85}the\u{9b} tide early."),
                "{diff}"
            );
        } else {
            let run = &document["runs"][0];
            assert_eq!(run["results"][0]["ruleId"], "repeated-word");
            let notice = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
                .as_str()
                .unwrap();
            assert!(notice.starts_with(&format!("./{C1_BINARY}: ")), "{notice}");
        }
    }
    let inspect = desk.run(&["inspect", "--format", "json", C1_NAME]);
    assert!(!inspect.stdout.contains(is_c1), "{}", inspect.stdout);
    assert!(
        inspect.stdout.contains("\\u0085the the\\u009b"),
        "{}",
        inspect.stdout
    );
}
