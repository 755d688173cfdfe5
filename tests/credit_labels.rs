//! Credit labels come from the packs, not the parser: a house pack's `credit_labels`
//! (`Foto`) makes its credit lines credits for every check and for `inspect`, on the real
//! binary.

mod common;

use common::Desk;

const FOTO: &str = "Hafen öffnet wieder\n\nDer Hafen von Nordstrand öffnet im Juni wieder.\n\nFoto: Nordstrand Bote/Ana Paz\n";

fn house_desk() -> Desk {
    let desk = Desk::new();
    desk.write("hafen.txt", FOTO);
    desk.write(
        "rules/house.toml",
        "[pack]\nname = \"house\"\ncredit_labels = [\"Foto\", \"Bildnachweis\"]\n",
    );
    desk
}

#[test]
fn a_house_label_is_a_credit_line() {
    let desk = house_desk();
    // Without the house pack, `Foto:` is not a credit label.
    let bare = desk.run(&["check", "--isolated", "--format", "concise", "hafen.txt"]);
    assert!(
        bare.stdout.contains("[photo-credit-missing]"),
        "{}",
        bare.stdout
    );
    desk.write("newslint.toml", "rule-files = [\"rules\"]\n");
    let run = desk.run(&["check", "--format", "concise", "hafen.txt"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "");
    // A house label left blank is a credit left blank.
    desk.write("hafen.txt", FOTO.replace(": Nordstrand Bote/Ana Paz", ":"));
    let blank = desk.run(&["check", "--format", "concise", "hafen.txt"]);
    assert!(
        blank.stdout.contains("[photo-credit-missing]"),
        "{}",
        blank.stdout
    );
}

#[test]
fn stray_text_after_a_house_credit_and_inspect_know_the_label() {
    let desk = house_desk();
    desk.write("newslint.toml", "rule-files = [\"rules\"]\n");
    desk.write("hafen.txt", format!("{FOTO}\na\n"));
    let run = desk.run(&["check", "--format", "concise", "hafen.txt"]);
    assert!(
        run.stdout
            .contains("[stray-text] stray text \"a\" after the photo credit"),
        "{}",
        run.stdout
    );
    let inspect = desk.run(&["inspect", "--format", "json", "hafen.txt"]);
    inspect.expect_code(0);
    let credits = inspect.json()["credits"].to_string();
    assert!(
        credits.contains("Foto: Nordstrand Bote/Ana Paz"),
        "{credits}"
    );
}
