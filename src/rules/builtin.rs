//! The packs compiled into the binary (`news`, `ap`, and `core`, loaded whatever `packs`
//! says), and what can be asked of them without a config: their rules, which pack defines
//! a rule id, and the credit labels a pack declares.

use std::collections::HashMap;

use crate::spanned::Spanned;

use super::RuleSet;
use super::load::{LoadOptions, load_rules};
use crate::error::ConfigError;

/// The packs compiled into the binary: name and TOML text.
pub const BUILTIN_PACKS: &[(&str, &str)] = &[
    ("news", include_str!("../../rules/news.toml")),
    ("ap", include_str!("../../rules/ap.toml")),
];

/// The pack loaded whatever `packs` says: newslint's own rules (`unused-suppression`).
pub const CORE_PACK: (&str, &str) = ("core", include_str!("../../rules/core.toml"));

/// The built-in packs named (every one when `packs` is empty), with no config: what tests,
/// fuzz targets and programs embedding the engine usually want.
pub fn builtin_rules(packs: &[&str]) -> Result<RuleSet, Vec<ConfigError>> {
    let names: Vec<&str> = if packs.is_empty() {
        BUILTIN_PACKS.iter().map(|(n, _)| *n).collect()
    } else {
        packs.to_vec()
    };
    let options = LoadOptions {
        packs: names
            .into_iter()
            .map(|name| Spanned::new(0..0, name.to_string()))
            .collect(),
        ..LoadOptions::default()
    };
    load_rules(&options)
}

/// The built-in pack that defines rule `id` (`core` included), whether or not it is enabled:
/// for messages about an id that names a rule of a pack the config does not run. Only the
/// ids are read, once per process, and nothing is compiled.
pub fn builtin_pack_of(id: &str) -> Option<&'static str> {
    #[derive(serde::Deserialize)]
    struct Ids {
        #[serde(default)]
        rule: Vec<IdOnly>,
    }
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: Option<String>,
    }
    static OWNERS: std::sync::OnceLock<HashMap<String, &'static str>> = std::sync::OnceLock::new();
    let owners = OWNERS.get_or_init(|| {
        let mut owners = HashMap::new();
        for (name, text) in std::iter::once(&CORE_PACK).chain(BUILTIN_PACKS) {
            let ids = toml::from_str::<Ids>(text).map_or_else(|_| Vec::new(), |ids| ids.rule);
            for rule_id in ids.into_iter().filter_map(|r| r.id) {
                owners.entry(rule_id).or_insert(*name);
            }
        }
        owners
    });
    owners.get(id).copied()
}

/// The credit labels built-in pack `pack` declares (the default reading of an article
/// parsed without settings is the `news` pack's).
pub fn builtin_credit_labels(pack: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Labels {
        pack: Option<PackLabels>,
    }
    #[derive(serde::Deserialize)]
    struct PackLabels {
        #[serde(default)]
        credit_labels: Vec<String>,
    }
    BUILTIN_PACKS
        .iter()
        .find(|(name, _)| *name == pack)
        .and_then(|(_, text)| toml::from_str::<Labels>(text).ok())
        .and_then(|labels| labels.pack)
        .map(|p| p.credit_labels)
        .unwrap_or_default()
}
