//! The subcommands other than `check`: `rules`, `explain`, `test` and `init`.

use std::io::Write;
use std::path::{Path, PathBuf};

use newslint::RuleSet;
use newslint::error::{ConfigError, SourceFile};
use newslint::rules::{Expectation, Rule, load_pack_file};
use newslint::selftest::run_examples;

use super::args::ConfigArgs;
use super::{EXIT_CLEAN, EXIT_FINDINGS, EXIT_TROUBLE, errors, load_rules};

/// `newslint config PATH`: the settings that apply to `path`, each with the config line
/// that set it or "default".
pub fn config(path: &Path, args: &ConfigArgs) -> u8 {
    let mut engines = super::engines::Engines::new(args, &[], &[]);
    let Some(engine) = engines.for_file(path) else {
        return errors::print(&engines.errors);
    };
    let config = engine.config();
    let cwd = super::walk::rooted(Path::new("."));
    let shown = |name: &str| -> String {
        Path::new(name)
            .strip_prefix(&cwd)
            .map_or_else(|_| name.to_string(), |p| p.display().to_string())
    };
    let file = super::walk::rooted(path);
    let mut out = String::new();
    let from = match &config.file {
        None => "no newslint.toml: the defaults".to_string(),
        Some(f) if args.config.is_some() => format!("{} (--config)", shown(&f.name)),
        Some(f) if file.starts_with(&config.root) => {
            format!("{} (the nearest above the file)", shown(&f.name))
        }
        Some(f) => format!("{} (the folder newslint runs from)", shown(&f.name)),
    };
    out.push_str(&format!(
        "# settings for {}\n# config: {from}\n",
        path.display()
    ));
    for setting in config.settings_for(&file) {
        let origin = match &setting.origin {
            Some((name, line)) => format!("{}:{line}", shown(name)),
            None => "default".to_string(),
        };
        out.push_str(&format!(
            "{} = {}  # {origin}\n",
            setting.key, setting.value
        ));
    }
    super::output::print_stdout(&out).unwrap_or(EXIT_CLEAN)
}

/// `newslint rules`: every loaded rule.
pub fn rules(config: &ConfigArgs) -> u8 {
    let (_, rules) = match load_rules(config) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(4).max(4);
    let mut out = Vec::new();
    let _ = writeln!(
        out,
        "{:width$}  {:18}  {:8}  {:6}  pack",
        "rule", "kind", "severity", "fix"
    );
    for rule in rules.iter() {
        let fix = if has_fixed_example(rule) { "yes" } else { "" };
        let _ = writeln!(
            out,
            "{:width$}  {:18}  {:8}  {:6}  {}",
            rule.id,
            rule.kind_name.as_str(),
            rule.severity.as_str(),
            fix,
            rule.pack
        );
    }
    super::output::print_stdout(&String::from_utf8_lossy(&out)).unwrap_or(EXIT_CLEAN)
}

fn has_fixed_example(rule: &Rule) -> bool {
    rule.examples.iter().any(|e| e.fixed.is_some())
}

/// `newslint explain RULE`.
pub fn explain(id: &str, config: &ConfigArgs) -> u8 {
    let (_, rules) = match load_rules(config) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if let Some(text) = explanation(&rules, id) {
        return super::output::print_stdout(&text).unwrap_or(EXIT_CLEAN);
    }
    // A rule of a built-in pack these settings do not run is still explained, with how to
    // run it.
    let disabled = newslint::rules::builtin_pack_of(id).and_then(|pack| {
        let rules = newslint::rules::builtin_rules(&[pack]).ok()?;
        let text = explanation(&rules, id)?;
        let (title, rest) = text.split_once("\n\n").unwrap_or((&text, ""));
        Some(format!(
            "{title}\n\nNot run by these settings: {}.\n\n{rest}",
            newslint::suggest::pack_not_enabled(pack)
        ))
    });
    match disabled {
        Some(text) => super::output::print_stdout(&text).unwrap_or(EXIT_CLEAN),
        None => {
            let hint = newslint::suggest::unknown_rule_hint(id, rules.iter().map(|r| &*r.id));
            eprintln!("error: there is no rule `{id}`{hint} (see `newslint rules`)");
            EXIT_TROUBLE
        }
    }
}

/// What `newslint explain` prints for a rule (and the language server's hover shows):
/// its pack, kind and severity, description, examples and link. `None` for an unknown id.
pub(crate) fn explanation(rules: &RuleSet, id: &str) -> Option<String> {
    let rule = rules.get(id)?;
    let mut out = String::new();
    out.push_str(&format!(
        "{} ({} pack, kind {}, {})\n\n",
        rule.id,
        rule.pack,
        rule.kind_name.as_str(),
        rule.severity
    ));
    if !rule.description.is_empty() {
        out.push_str(&rule.description);
        out.push_str("\n\n");
    }
    for example in &rule.examples {
        let label = match example.expect {
            Expectation::Bad => "Bad",
            Expectation::Good => "Good",
        };
        out.push_str(&format!("{label}:\n{}\n", indent(&example.text)));
        if let Some(fixed) = &example.fixed {
            out.push_str(&format!("Fixed:\n{}\n", indent(fixed)));
        }
        out.push('\n');
    }
    if let Some(link) = &rule.link {
        out.push_str(&format!("See: {link}\n"));
    }
    Some(out)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `newslint test [PACKS]`: run every example.
pub fn test(paths: &[PathBuf], config: &ConfigArgs) -> u8 {
    let mut load_errors = Vec::new();
    let rule_sets = if paths.is_empty() {
        match packs_of_config(config, &mut load_errors) {
            Ok(sets) => sets,
            Err(code) => return code,
        }
    } else {
        packs_at(paths, &mut load_errors)
    };
    if !load_errors.is_empty() {
        errors::print(&load_errors);
    }
    let mut failed = false;
    for (name, rules) in &rule_sets {
        let (passed, line) = test_pack(name, rules);
        failed |= !passed;
        if let Some(code) = super::output::print_stdout(&format!("{line}\n")) {
            return code;
        }
    }
    if !load_errors.is_empty() {
        EXIT_TROUBLE
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// Each pack the config loads, by name, read again on its own.
fn packs_of_config(
    config: &ConfigArgs,
    load_errors: &mut Vec<ConfigError>,
) -> Result<Vec<(String, Vec<Rule>)>, u8> {
    let (_, rules) = load_rules(config)?;
    let mut by_pack: Vec<(String, Vec<Rule>)> = Vec::new();
    let names: Vec<String> = rules.iter().map(|r| r.file.name.clone()).collect();
    let mut unique = names.clone();
    unique.dedup();
    for name in unique {
        let file = rules
            .iter()
            .find(|r| r.file.name == name)
            .map(|r| r.file.clone());
        if let Some(file) = file {
            match load_pack_file(&file) {
                Ok(loaded) => by_pack.push((name, loaded)),
                Err(mut errs) => load_errors.append(&mut errs),
            }
        }
    }
    Ok(by_pack)
}

/// The packs in the files and folders named on the command line.
fn packs_at(paths: &[PathBuf], load_errors: &mut Vec<ConfigError>) -> Vec<(String, Vec<Rule>)> {
    let mut rule_sets = Vec::new();
    for path in paths {
        let files = match pack_files(path) {
            Ok(files) => files,
            Err(err) => {
                load_errors.push(ConfigError::plain(
                    None,
                    format!("{}: {err}", path.display()),
                ));
                continue;
            }
        };
        for file in files {
            match super::settings_file::read_settings_file(&file, "rule file") {
                Ok(text) => {
                    let source = SourceFile::new(file.display().to_string(), text);
                    match load_pack_file(&source) {
                        Ok(rules) => rule_sets.push((source.name.clone(), rules)),
                        Err(mut errs) => load_errors.append(&mut errs),
                    }
                }
                Err(message) => load_errors.push(ConfigError::plain(None, message)),
            }
        }
    }
    rule_sets
}

/// Run one pack's examples, printing each failure; whether all passed, and the pack's
/// summary line.
fn test_pack(name: &str, rules: &[Rule]) -> (bool, String) {
    let report = run_examples(rules);
    let failures: Vec<ConfigError> = report
        .failures
        .iter()
        .map(|f| {
            ConfigError::at(
                &f.file,
                f.span.clone(),
                format!("example of `{}` fails", f.rule),
            )
            .with_label(f.message.clone())
        })
        .collect();
    if !failures.is_empty() {
        errors::print(&failures);
    }
    let mut line = format!(
        "{name}: {} rules, {} examples passed, {} failed",
        rules.len(),
        report.passed,
        report.failures.len()
    );
    if !report.untested.is_empty() {
        line.push_str(&format!(
            "; without both a bad and a good example: {}",
            report
                .untested
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    (failures.is_empty(), line)
}

fn pack_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        Ok(files)
    } else {
        std::fs::metadata(path)?;
        Ok(vec![path.to_path_buf()])
    }
}

const INIT_CONFIG: &str = include_str!("init/newslint.toml");
const INIT_HOUSE: &str = include_str!("init/house.toml");

/// `newslint init`: a commented config and a starter house pack; never overwrites.
pub fn init(dir: &Path) -> u8 {
    let config = dir.join("newslint.toml");
    let house = dir.join("rules").join("house.toml");
    for path in [&config, &house] {
        if path.exists() {
            eprintln!(
                "error: {} already exists; newslint init does not overwrite files",
                path.display()
            );
            return EXIT_TROUBLE;
        }
    }
    let written = std::fs::create_dir_all(dir.join("rules"))
        .and_then(|_| write_new(&config, INIT_CONFIG))
        .and_then(|_| write_new(&house, INIT_HOUSE));
    match written {
        Ok(()) => {
            println!("wrote {} and {}", config.display(), house.display());
            println!(
                "try: newslint test {}  and  newslint check",
                house.display()
            );
            EXIT_CLEAN
        }
        Err(err) => {
            eprintln!("error: cannot write the starter files: {err}");
            EXIT_TROUBLE
        }
    }
}

fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}
