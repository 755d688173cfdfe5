//! The embedded word list is Debian's `wamerican`, folded: this test rebuilds it from
//! `/usr/share/dict/american-english` when that file is present and fails when the embedded
//! copy is stale (`UPDATE_DICTIONARY=1` writes it), as the schema test does for schemas.

use std::path::Path;

use newslint::facts::dictionary::{WORDS_FST, build_set};

const LIST: &str = "/usr/share/dict/american-english";
const EMBEDDED: &str = "rules/dictionary/american-english.fst";

#[test]
fn embedded_word_list_matches_wamerican() {
    let Ok(list) = std::fs::read_to_string(LIST) else {
        // The list ships with `apt-get install wamerican`; .ci/run installs it.
        assert!(
            std::env::var_os("CI").is_none(),
            "{LIST} is missing on CI: install wamerican"
        );
        return;
    };
    let built = build_set(&list);
    if std::env::var_os("UPDATE_DICTIONARY").is_some() {
        std::fs::write(Path::new(env!("CARGO_MANIFEST_DIR")).join(EMBEDDED), &built).unwrap();
        return;
    }
    assert!(
        built == WORDS_FST,
        "{EMBEDDED} is stale: run UPDATE_DICTIONARY=1 cargo test --test dictionary"
    );
}
