//! The fact checks on the real binary: a facts file named in newslint.toml, its mistakes as
//! diagnostics pointing into the TOML, the safe age fix, and a house word list.

mod common;

use common::{Desk, locations};

const ARTICLE: &str = "\
---
title: Ferry chair opens the new slipway
date: 2026-05-12
photo_credit: Harbour Gazette/Ines Marsh
---

Deputy Chair Orla Penwarden, 47, opened the slipway at Brennick on Monday.

Penwarden said the ferry company would add a winter sailing. Penwarton thanked the crews.
";

const FACTS: &str = "\
[[person]]
name = \"Orla Penwarden\"
titles = [\"Chair\"]
born = \"1980-02-01\"
";

fn desk() -> Desk {
    let desk = Desk::new();
    desk.write("newslint.toml", "facts = [\"desk/facts.toml\"]\n");
    desk.write("desk/facts.toml", FACTS);
    desk.write("story.md", ARTICLE);
    desk
}

#[test]
fn a_facts_file_draws_title_age_and_name_findings() {
    let desk = desk();
    let run = desk.run(&["check", "--format", "concise", "story.md"]);
    run.expect_code(1);
    assert_eq!(
        run.stdout,
        "story.md:7:1: warning[fact-title] Orla Penwarden is not \"Deputy Chair\" in the facts file\n\
         story.md:7:30: warning[fact-age] Orla Penwarden is 46 on the article's date (2026-05-12), not 47\n\
         story.md:9:62: warning[fact-name] \"Penwarton\" is close to \"Penwarden\" (Orla Penwarden) in the facts file\n\
         story.md:9:62: warning[name-variant] \"Penwarton\" is spelled \"Penwarden\" elsewhere in the article\n"
    );
    let json = desk.run(&["check", "--format", "json", "story.md"]).json();
    let age = &json["diagnostics"][1];
    let help = age["help"].as_str().unwrap();
    assert!(
        help.ends_with("desk/facts.toml:2 gives Orla Penwarden's date of birth as 1980-02-01"),
        "{help}"
    );
}

#[test]
fn fact_age_is_a_safe_fix_and_names_are_unsafe() {
    let desk = desk();
    desk.run(&["check", "--fix", "story.md"]);
    let fixed = std::fs::read_to_string(desk.path().join("story.md")).unwrap();
    assert!(fixed.contains("Orla Penwarden, 46, opened"), "{fixed}");
    assert!(
        fixed.contains("Penwarton thanked"),
        "an unsafe fix was applied: {fixed}"
    );
    desk.run(&["check", "--fix", "--unsafe-fixes", "story.md"]);
    let fixed = std::fs::read_to_string(desk.path().join("story.md")).unwrap();
    assert!(fixed.contains("Penwarden thanked"), "{fixed}");
}

#[test]
fn without_a_facts_file_the_fact_sheet_rules_are_silent() {
    let desk = Desk::new();
    desk.write("story.md", ARTICLE);
    let run = desk.run(&["check", "--format", "concise", "story.md"]);
    assert!(!run.stdout.contains("fact-"), "{}", run.stdout);
    assert!(run.stdout.contains("name-variant"), "{}", run.stdout);
}

#[test]
fn a_house_word_list_silences_its_names() {
    let desk = desk();
    desk.write(
        "newslint.toml",
        "facts = [\"desk/facts.toml\"]\ndictionary = [\"desk/words.txt\"]\n",
    );
    desk.write("desk/words.txt", "# names we write often\nPenwarton\n");
    let run = desk.run(&["check", "--format", "concise", "story.md"]);
    assert!(!run.stdout.contains("Penwarton"), "{}", run.stdout);
}

#[test]
fn mistakes_in_a_facts_file_point_into_it() {
    for (facts, at, message) in [
        (
            "[[person]]\nname = \"A Bee\"\nborne = \"1980-01-01\"\n",
            "facts.toml:3:1",
            "unknown field `borne`",
        ),
        (
            "[[person]]\nname = \"A Bee\"\nborn = \"1980-02-30\"\n",
            "facts.toml:3:8",
            "`born` is not a date",
        ),
        (
            "[[name]]\nname = \"Kyiv\"\n\n[[name]]\nname = \"Kyiv\"\n",
            "facts.toml:5:8",
            "is in the facts twice",
        ),
        (
            "[[person]]\nname = [\"A\"]\n",
            "facts.toml:2:8",
            "invalid type",
        ),
    ] {
        let desk = Desk::new();
        desk.write("newslint.toml", "facts = [\"facts.toml\"]\n");
        desk.write("facts.toml", facts);
        desk.write("story.md", ARTICLE);
        let run = desk.run(&["check", "story.md"]);
        run.expect_code(2);
        assert!(run.stderr.contains(message), "{message}: {}", run.stderr);
        assert_eq!(locations(&run.stderr), [at], "{}", run.stderr);
    }
}

#[test]
fn a_missing_facts_file_is_a_config_error() {
    let desk = Desk::new();
    desk.write("newslint.toml", "facts = [\"nowhere.toml\"]\n");
    desk.write("story.md", ARTICLE);
    let run = desk.run(&["check", "story.md"]);
    run.expect_code(2);
    assert!(run.stderr.contains("nowhere.toml"), "{}", run.stderr);
    assert_eq!(
        locations(&run.stderr),
        ["newslint.toml:1:10"],
        "{}",
        run.stderr
    );
}

#[test]
fn headline_and_dek_quotations_of_plain_text_are_held_to_the_body() {
    let desk = Desk::new();
    desk.write(
        "story.txt",
        "#Local\n\nMayor vows to \"scrap the charges\"\n\n2026-01-02\n\n\
         Council says the \"fines were fair\" after a review\n\n\
         BRACKENHOLM — \"We will review the charges,\" Mayor Ann Holt said. The fines were fair, she said.\n\n\
         Photo: Harbour Gazette/Ines Marsh\n",
    );
    let run = desk.run(&["check", "--format", "concise", "story.txt"]);
    assert_eq!(
        run.stdout,
        "story.txt:3:15: warning[headline-quote-unsupported] nobody in the body says \"scrap the charges\"\n\
         story.txt:7:18: warning[headline-quote-unsupported] the body has \"fines were fair\", but not inside one quotation\n"
    );
}
