//! Front matter that is never closed, or is not valid YAML or TOML: reported at the line
//! and column of the mistake (BOM and CRLF line ends included).

use crate::common::Desk;
use crate::{GOOD_CONCISE, assert_contains, run_both, write_good};

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
