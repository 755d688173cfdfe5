//! The checked-in JSON Schemas match the Rust types that read rule packs and configs.
//! Run with `UPDATE_SCHEMA=1 cargo test --test schema` to rewrite them after a change.

use std::path::Path;

fn check(file: &str, generated: String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(file);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "schema/{file} is out of date: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

#[test]
fn rule_pack_schema_is_current() {
    let schema = newslint::schema::rule_pack();
    assert!(
        schema.contains("\"deny_unknown_fields\"")
            || schema.contains("\"additionalProperties\": false")
    );
    check("rule-pack.schema.json", schema);
}

#[test]
fn config_schema_is_current() {
    let schema = newslint::schema::config();
    assert!(schema.contains("per-file") && schema.contains("fail-on"));
    check("newslint.schema.json", schema);
}

#[test]
fn facts_schema_is_current() {
    let schema = newslint::schema::facts();
    assert!(schema.contains("former_titles") && schema.contains("wrong"));
    check("facts.schema.json", schema);
}
