//! `newslint --format sarif` checked against the official SARIF 2.1.0 JSON schema (the copy
//! shipped in the `serde-sarif` crate, found through `cargo metadata`) with a draft-07
//! validator, and deserialized into `serde_sarif::sarif::Sarif`; with findings, with a fix,
//! with none, and with a file that could not be read.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use common::{CLEAN, Desk, FERRY, Run, nth_offset};
use serde_json::{Value, json};

/// `src/schema.json` of the `serde-sarif` package this workspace resolved, located through
/// `cargo metadata` so it works wherever cargo keeps its sources (registry, vendor folder).
fn schema_path() -> PathBuf {
    let cargo = std::env::var_os("CARGO")
        .or_else(|| option_env!("CARGO").map(Into::into))
        .unwrap_or_else(|| "cargo".into());
    let manifest = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let metadata = |offline: bool| {
        let mut cmd = std::process::Command::new(&cargo);
        cmd.args([
            "metadata",
            "--format-version",
            "1",
            "--manifest-path",
            manifest,
        ]);
        if offline {
            // The dev-dependencies are already fetched: the test was compiled with them.
            cmd.arg("--offline");
        }
        cmd.output().ok().filter(|o| o.status.success())
    };
    let output = metadata(true)
        .or_else(|| metadata(false))
        .expect("`cargo metadata` runs");
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("metadata is JSON");
    let package = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .find(|p| p["name"] == "serde-sarif")
        .expect("serde-sarif is a dev-dependency");
    let manifest_path = PathBuf::from(package["manifest_path"].as_str().expect("manifest_path"));
    manifest_path
        .parent()
        .expect("the package folder")
        .join("src/schema.json")
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path = schema_path();
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|err| panic!("read {}: {err}", path.display()));
        // One erratum of the published schema: `run.language`'s pattern ends in a lone `]`,
        // a literal in ECMA-262 regexes but rejected by the validator's `regex` format check
        // when it checks the schema itself. Escaping it keeps the same meaning.
        let text = text.replace(
            r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
            r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#,
        );
        let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "the SARIF 2.1.0 schema is a draft-07 schema"
        );
        jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    })
}

/// Parse a SARIF run's stdout, validate it against the schema, deserialize it with
/// serde-sarif, and return it as JSON.
#[track_caller]
fn valid_sarif(run: &Run) -> Value {
    let doc = run.json();
    let errors: Vec<String> = validator()
        .iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF output is not valid against the 2.1.0 schema:\n{}\n\n{doc:#}",
        errors.join("\n")
    );
    let typed: serde_sarif::sarif::Sarif = serde_json::from_value(doc.clone())
        .unwrap_or_else(|err| panic!("serde-sarif cannot read the output: {err}\n{doc:#}"));
    assert_eq!(typed.runs.len(), 1);
    assert_eq!(typed.runs[0].tool.driver.name, "newslint");
    doc
}

#[test]
fn the_validator_rejects_broken_sarif() {
    // Guard against a validator that accepts anything.
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let mut doc = desk.run(&["--format", "sarif", "ferry.md"]).json();
    assert!(validator().is_valid(&doc));
    doc["runs"][0]["results"][0]["level"] = json!("fatal");
    assert!(!validator().is_valid(&doc));
    doc["runs"][0]["results"][0]["level"] = json!("error");
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        json!(0);
    assert!(!validator().is_valid(&doc));
}

#[test]
fn sarif_with_findings_and_a_fix_is_valid() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    let run = desk.run(&["--format", "sarif", "ferry.md"]);
    run.expect_code(1);
    assert_eq!(run.stderr, "");
    let doc = valid_sarif(&run);
    assert_eq!(doc["version"], "2.1.0");
    let sarif_run = &doc["runs"][0];
    let rules = sarif_run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"repeated-word") && ids.contains(&"photo-credit-missing"));

    let results = sarif_run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{doc:#}");

    let second_the = nth_offset(FERRY, "the the", 0) + 4;
    let repeated = &results[0];
    assert_eq!(repeated["ruleId"], "repeated-word");
    assert_eq!(repeated["level"], "warning");
    assert_eq!(
        repeated["message"]["text"],
        "\"the the\": the word is repeated"
    );
    let location = &repeated["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "ferry.md");
    assert_eq!(
        location["region"],
        json!({
            "startLine": 3, "startColumn": 31, "endLine": 3, "endColumn": 34,
            "byteOffset": second_the, "byteLength": 3,
        })
    );
    let fix = &repeated["fixes"][0];
    assert_eq!(fix["description"]["text"], "delete the second \"the\"");
    let change = &fix["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "ferry.md");
    assert_eq!(
        change["replacements"][0],
        json!({
            "deletedRegion": {"byteOffset": second_the - 1, "byteLength": 4},
            "insertedContent": {"text": ""},
        })
    );

    let placeholder = &results[1];
    assert_eq!(placeholder["ruleId"], "placeholder-text");
    assert_eq!(placeholder["level"], "error");
    assert_eq!(
        placeholder["locations"][0]["physicalLocation"]["region"]["startColumn"],
        32
    );
    assert!(placeholder.get("fixes").is_none(), "{placeholder:#}");

    assert_eq!(sarif_run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_rule_index_points_at_the_rule_of_the_result() {
    let desk = Desk::new();
    desk.write("ferry.md", FERRY);
    for args in [
        &["--format", "sarif", "ferry.md"][..],
        &[
            "--format",
            "sarif",
            "--ignore",
            "photo-credit-missing,placeholder-text",
            "ferry.md",
        ],
        &[
            "--format",
            "sarif",
            "--select",
            "placeholder-text",
            "ferry.md",
        ],
    ] {
        let doc = valid_sarif(&desk.run(args));
        let sarif_run = &doc["runs"][0];
        let rules = sarif_run["tool"]["driver"]["rules"].as_array().unwrap();
        let results = sarif_run["results"].as_array().unwrap();
        assert!(!results.is_empty(), "{args:?}");
        for result in results {
            let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(rules[index]["id"], result["ruleId"], "{args:?}");
        }
    }
}

#[test]
fn sarif_lists_the_rules_of_every_config_the_run_used() {
    // The wire folder's config runs a house pack the desk's own config lacks; its
    // finding must point at a rule in the list, as code scanning reads it.
    let desk = Desk::new();
    desk.write("newslint.toml", "# the desk: the defaults\n");
    desk.write("ferry.md", FERRY);
    desk.write("wire/newslint.toml", "rule-files = [\"house.toml\"]\n");
    desk.write(
        "wire/house.toml",
        "[pack]\nname = \"wire\"\n\n[[rule]]\nid = \"wire-easton\"\nkind = \"pattern\"\n\
         description = \"The wire spells the town Eastone.\"\npattern = \"Easton\"\n",
    );
    desk.write("wire/toll.md", common::ONLY_ERROR);
    let run = desk.run(&["--format", "sarif", "."]);
    let doc = valid_sarif(&run);
    let sarif_run = &doc["runs"][0];
    let rules = sarif_run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"wire-easton"), "{ids:?}");
    assert!(ids.contains(&"repeated-word"), "{ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "each rule once: {ids:?}");
    let results = sarif_run["results"].as_array().unwrap();
    assert!(
        results.iter().any(|r| r["ruleId"] == "wire-easton"),
        "{results:#?}"
    );
    for result in results {
        let index = result["ruleIndex"]
            .as_u64()
            .expect("every result has its rule") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

#[test]
fn sarif_without_findings_is_valid() {
    let desk = Desk::new();
    desk.write("pier.md", CLEAN);
    let run = desk.run(&["--format", "sarif", "pier.md"]);
    run.expect_code(0);
    let doc = valid_sarif(&run);
    let sarif_run = &doc["runs"][0];
    assert_eq!(sarif_run["results"], json!([]));
    assert!(
        !sarif_run["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(sarif_run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_with_an_unreadable_file_is_valid_and_says_so() {
    let desk = Desk::new();
    desk.write("prices.txt", b"# Bread\n\nA loaf costs \xa34.\n");
    desk.write("pier.md", CLEAN);
    let run = desk.run(&["--format", "sarif", "prices.txt", "pier.md", "missing.md"]);
    run.expect_code(2);
    let doc = valid_sarif(&run);
    let invocation = &doc["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notifications = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notifications.len(), 2, "{doc:#}");
    let latin = notifications
        .iter()
        .find(|n| n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "prices.txt")
        .expect("a notification for prices.txt");
    assert_eq!(latin["level"], "error");
    assert_eq!(
        latin["locations"][0]["physicalLocation"]["region"],
        json!({"startLine": 3, "startColumn": 14})
    );
}

#[test]
fn sarif_columns_are_code_points() {
    // Two emoji before the finding: 2 code points, 4 UTF-16 code units. newslint counts
    // code points; SARIF readers must be told so unless that is the default they assume.
    let text = "# Letters page\n\nReaders sent 🎉🎉 and the the usual notes.\n\nPhoto: Tidewater Gazette/Omar Lind\n";
    let desk = Desk::new();
    desk.write("letters.md", text);
    let doc = valid_sarif(&desk.run(&["--format", "sarif", "letters.md"]));
    let sarif_run = &doc["runs"][0];
    let region = &sarif_run["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (&region["startColumn"], &region["endColumn"]),
        (&json!(25), &json!(28))
    );
    if let Some(kind) = sarif_run.get("columnKind") {
        assert_eq!(kind, "unicodeCodePoints");
    }
}

#[test]
fn sarif_uri_of_a_path_with_a_space_is_a_valid_uri_reference() {
    // `artifactLocation.uri` has format `uri-reference`: a space must be written `%20`.
    let desk = Desk::new();
    desk.write("late desk/ferry story.md", FERRY);
    let run = desk.run(&["--format", "sarif", "late desk/ferry story.md"]);
    let doc = valid_sarif(&run);
    assert_eq!(
        doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "late%20desk/ferry%20story.md"
    );
}

#[test]
fn sarif_uri_of_a_non_ascii_path_is_a_valid_uri_reference() {
    // Non-ASCII characters in a URI are percent-encoded UTF-8 bytes.
    let desk = Desk::new();
    desk.write("café.md", FERRY);
    let run = desk.run(&["--format", "sarif", "café.md"]);
    let doc = valid_sarif(&run);
    assert_eq!(
        doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "caf%C3%A9.md"
    );
}

#[test]
fn sarif_describes_the_rule_of_every_result() {
    // `unused-suppression` comes from the pipeline, not its kind's check: its results should
    // still have a reportingDescriptor (and a ruleIndex), so code scanning can show what it
    // means.
    let desk = Desk::new();
    desk.write("market.md", common::ONLY_INFO);
    let doc = valid_sarif(&desk.run(&["--format", "sarif", "market.md"]));
    let sarif_run = &doc["runs"][0];
    let results = sarif_run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{doc:#}");
    assert_eq!(results[0]["ruleId"], "unused-suppression");
    assert_eq!(results[0]["level"], "note");
    let rules = sarif_run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules.iter().any(|r| r["id"] == "unused-suppression"),
        "no rule descriptor for unused-suppression among {:?}",
        rules.iter().map(|r| &r["id"]).collect::<Vec<_>>()
    );
}

#[test]
fn sarif_rule_titles_are_whole_sentences() {
    // A description wraps where its TOML does: the title is its first sentence, whole.
    let desk = Desk::new();
    desk.write("market.md", common::ONLY_INFO);
    let doc = valid_sarif(&desk.run(&["--format", "sarif", "market.md"]));
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    for rule in rules {
        let title = rule["shortDescription"]["text"].as_str().unwrap();
        let full = rule["fullDescription"]["text"].as_str().unwrap();
        assert!(
            title.ends_with(['.', '"', ')', '?', '!']) || title == full.trim(),
            "{}: the title stops mid-sentence: {title:?}",
            rule["id"]
        );
        assert!(!title.contains('\n'), "{title:?}");
    }
    let weekday = rules.iter().find(|r| r["id"] == "date-weekday").unwrap();
    assert!(
        weekday["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .starts_with("A weekday named with a date that falls on another day"),
        "{weekday:#}"
    );
}
