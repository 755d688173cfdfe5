//! Loading rule packs: the built-in packs embedded in the binary, pack texts (the front end
//! reads the files a config names), and the per-rule overrides of `newslint.toml`. Every
//! mistake becomes a [`ConfigError`] pointing into the TOML; loading never runs code and
//! reads no file.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::spanned::Spanned;

use super::builtin::{BUILTIN_PACKS, CORE_PACK};
use super::kinds::{self, SpecError};
use super::spec::{PackFile, RuleSpec};
use super::{Example, Expectation, Rule, RuleSet};
use crate::diagnostic::{FixSafety, Severity};
use crate::error::{ConfigError, SourceFile};

/// What to load.
#[derive(Debug, Default)]
pub struct LoadOptions {
    /// Built-in packs to enable, with their span in `config` when named there.
    pub packs: Vec<Spanned<String>>,
    /// Pack files as text (the engine reads no file: the front end reads the `rule-files`
    /// a config names, a CMS or an editor passes its own). Loaded after the built-in packs.
    pub pack_texts: Vec<SourceFile>,
    /// Facts files as text.
    pub fact_texts: Vec<SourceFile>,
    /// House word lists as text.
    pub word_list_texts: Vec<SourceFile>,
    /// `[rules.<id>]` overrides, keyed by id.
    pub overrides: BTreeMap<Spanned<String>, Spanned<RuleSpec>>,
    /// The config file the spans above point into.
    pub config: Option<SourceFile>,
}

/// Read one pack file's rules (without overrides): used by `newslint test`.
pub fn load_pack_file(file: &SourceFile) -> Result<Vec<Rule>, Vec<ConfigError>> {
    let pack = parse_pack(file).map_err(|e| vec![*e])?;
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for spec in &pack.rules {
        match compile_rule(file, &pack, spec, None, false) {
            Ok(Some(rule)) => rules.push(rule),
            Ok(None) => {}
            Err(mut errs) => errors.append(&mut errs),
        }
    }
    check_duplicates(&rules, &mut errors);
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// Load the packs and files `options` names, apply the overrides and compile every rule.
pub fn load_rules(options: &LoadOptions) -> Result<RuleSet, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let mut files = vec![SourceFile::new(
        format!("builtin:{}", CORE_PACK.0),
        CORE_PACK.1,
    )];
    let mut named: Vec<&str> = vec![CORE_PACK.0];
    for pack in &options.packs {
        // A pack named twice is loaded once.
        if named.contains(&pack.get_ref().as_str()) {
            continue;
        }
        named.push(pack.get_ref());
        match BUILTIN_PACKS
            .iter()
            .find(|(name, _)| *name == pack.get_ref())
        {
            Some((name, text)) => files.push(SourceFile::new(format!("builtin:{name}"), *text)),
            None => errors.push(config_error(
                options.config.as_ref(),
                Some(pack.span()),
                format!("there is no built-in pack named `{}`", pack.get_ref()),
                format!(
                    "built-in packs: {}",
                    BUILTIN_PACKS
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }
    // The built-in packs' regexes are compiled on first use (see `lazy_regex`).
    let builtin_files = files.len();
    files.extend(options.pack_texts.iter().cloned());
    let fact_files = &options.fact_texts;
    let word_lists = &options.word_list_texts;
    let facts = match crate::facts::Facts::load(fact_files, word_lists) {
        Ok(facts) => Arc::new(facts),
        Err(mut errs) => {
            errors.append(&mut errs);
            Arc::default()
        }
    };

    let overrides: HashMap<&str, &Spanned<RuleSpec>> = options
        .overrides
        .iter()
        .map(|(id, spec)| (id.get_ref().as_str(), spec))
        .collect();
    let mut rules = Vec::new();
    let mut seen_ids: Vec<String> = Vec::new();
    let mut credit_labels: Vec<String> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let pack = match parse_pack(file) {
            Ok(parsed) => parsed,
            Err(err) => {
                errors.push(*err);
                continue;
            }
        };
        credit_labels.extend(pack.credit_labels.iter().cloned());
        for spec in &pack.rules {
            let id = spec.get_ref().id.as_ref().map(|id| id.get_ref().clone());
            // A library caller may pass overrides without the config text they came
            // from; their mistakes are then reported without a position.
            let over = id
                .as_deref()
                .and_then(|id| overrides.get(id))
                .map(|o| (o.get_ref(), options.config.as_ref()));
            seen_ids.extend(id);
            let lazy = index < builtin_files && over.is_none();
            match compile_rule(file, &pack, spec, over, lazy) {
                Ok(Some(rule)) => rules.push(rule),
                Ok(None) => {}
                Err(mut errs) => errors.append(&mut errs),
            }
        }
    }
    for (id, spec) in &options.overrides {
        if !seen_ids.iter().any(|seen| seen == id.get_ref()) {
            errors.push(config_error(
                options.config.as_ref(),
                Some(id.span()),
                format!(
                    "`[rules.{}]` configures a rule that no enabled pack defines",
                    id.get_ref()
                ),
                "check the id with `newslint rules`".to_string(),
            ));
        }
        let spec = spec.get_ref();
        for (field, span) in [
            ("id", spec.id.as_ref().map(|s| s.span())),
            ("kind", spec.kind.as_ref().map(|s| s.span())),
            ("examples", spec.examples.as_ref().map(|_| id.span())),
        ] {
            if let Some(span) = span {
                errors.push(config_error(
                    options.config.as_ref(),
                    Some(span),
                    format!("`{field}` cannot be changed in `[rules.{}]`", id.get_ref()),
                    String::new(),
                ));
            }
        }
    }
    check_duplicates(&rules, &mut errors);
    if errors.is_empty() {
        Ok(RuleSet::new(rules)
            .with_facts(facts)
            .with_credit_labels(crate::article::CreditLabels::new(credit_labels)))
    } else {
        Err(errors)
    }
}

fn config_error(
    config: Option<&SourceFile>,
    span: Option<Range<usize>>,
    message: String,
    note: String,
) -> ConfigError {
    let mut error = match (config, span) {
        (Some(file), Some(span)) => ConfigError::at(file, span, message),
        (file, _) => ConfigError::plain(file, message),
    };
    if !note.is_empty() {
        error = error.with_note(note);
    }
    error
}

fn check_duplicates(rules: &[Rule], errors: &mut Vec<ConfigError>) {
    let mut first: HashMap<&str, &Rule> = HashMap::new();
    for rule in rules {
        if let Some(earlier) = first.get(&*rule.id) {
            let id_span = rule.id_span.clone();
            let (line, _) = line_of(&earlier.file.text, earlier.id_span.start);
            errors.push(
                ConfigError::at(
                    &rule.file,
                    id_span,
                    format!("rule id `{}` is defined twice", rule.id),
                )
                .with_label("second definition")
                .with_note(format!(
                    "first defined in {} at line {line}",
                    earlier.file.name
                )),
            );
        } else {
            first.insert(&rule.id, rule);
        }
    }
}

fn line_of(text: &str, offset: usize) -> (usize, usize) {
    crate::line_index::LineIndex::new(text).line_col(text, offset)
}

/// A pack file as read: its name, the regex fragments its rules share, the credit labels
/// it declares, its rule tables.
struct ParsedPack {
    name: String,
    fragments: kinds::Fragments,
    credit_labels: Vec<String>,
    rules: Vec<Spanned<RuleSpec>>,
}

fn parse_pack(file: &SourceFile) -> Result<ParsedPack, Box<ConfigError>> {
    let parsed: PackFile =
        toml::from_str(&file.text).map_err(|err| Box::new(toml_error(file, &err)))?;
    let (name, fragments, credit_labels) = match parsed.pack {
        Some(meta) => (
            Some(meta.name.into_inner()),
            meta.fragments,
            meta.credit_labels,
        ),
        None => (None, Default::default(), Vec::new()),
    };
    let name = name.unwrap_or_else(|| {
        Path::new(&file.name)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("rules")
            .trim_start_matches("builtin:")
            .to_string()
    });
    let fragments = kinds::Fragments::new(fragments)
        .map_err(|(span, message)| Box::new(ConfigError::at(file, span, message)))?;
    Ok(ParsedPack {
        name,
        fragments,
        credit_labels,
        rules: parsed.rule,
    })
}

/// A TOML error (syntax, unknown field, wrong type) as a diagnostic in its file.
pub(crate) fn toml_error(file: &SourceFile, err: &toml::de::Error) -> ConfigError {
    let message = err.message().trim().to_string();
    // A file that is not TOML at all may be anything a config pointed at (a key file, an
    // environment dump): say where, but show none of its lines. A `.toml` file with a
    // typo is what it claims to be, and its line is the help the author needs.
    let claims_toml = file.name.ends_with(".toml") || file.name.starts_with("builtin:");
    if !claims_toml && file.text.parse::<toml::Table>().is_err() {
        let at = err.span().map_or(0, |s| s.start);
        let (line, col) = line_of(&file.text, at);
        return ConfigError::plain(
            None,
            format!(
                "{}:{line}:{col}: not valid TOML: {message} (the file's text is not shown)",
                file.name
            ),
        );
    }
    match err.span() {
        Some(span) => ConfigError::at(file, span, message),
        None => ConfigError::plain(Some(file), message),
    }
}

/// Compile one rule table, with the config override merged in. `Ok(None)`: disabled.
fn compile_rule(
    file: &SourceFile,
    pack: &ParsedPack,
    spanned: &Spanned<RuleSpec>,
    over: Option<(&RuleSpec, Option<&SourceFile>)>,
    lazy: bool,
) -> Result<Option<Rule>, Vec<ConfigError>> {
    let table_span = spanned.span();
    let mut spec = spanned.get_ref().clone();
    if let Some((over, _)) = over {
        spec.merge_from(over);
    }
    // A mistake in a field the override set is the config's, not the pack's.
    let file_of = |field: Option<&str>| -> Option<&SourceFile> {
        match (over, field) {
            (Some((over, config)), Some(field)) if over.fields_set().contains(&field) => config,
            _ => Some(file),
        }
    };
    let to_config_error = |err: SpecError| {
        let span = err.span.unwrap_or_else(|| table_span.clone());
        let mut e = match file_of(err.field) {
            Some(target) => ConfigError::at(target, span, err.message),
            None => ConfigError::plain(None, err.message),
        };
        if let Some(label) = err.label {
            e = e.with_label(label);
        }
        for note in err.notes {
            e = e.with_note(note);
        }
        e
    };

    let Some(id) = spec.id.clone() else {
        return Err(vec![to_config_error(SpecError::new(
            None,
            "this rule has no `id`",
        ))]);
    };
    if spec.enabled.as_ref().is_some_and(|e| !*e.get_ref()) {
        return Ok(None);
    }
    let mut errors = Vec::new();
    if !is_kebab_case(id.get_ref()) {
        errors.push(to_config_error(SpecError::field(
            "id",
            id.span(),
            format!(
                "rule id `{}` must be kebab-case (lower-case words joined by `-`)",
                id.get_ref()
            ),
        )));
    }
    let Some(kind) = spec.kind.clone() else {
        errors.push(to_config_error(SpecError::new(
            Some(id.span()),
            format!("rule `{}` has no `kind`", id.get_ref()),
        )));
        return Err(errors);
    };
    let message = match &spec.message {
        Some(m) => m.get_ref().clone(),
        None => kinds::default_message(*kind.get_ref()).to_string(),
    };
    let compiled = kinds::compile(*kind.get_ref(), &spec, &file.text, &pack.fragments, lazy);
    let kind = match compiled {
        Ok(kind) => kind,
        Err(errs) => {
            errors.extend(errs.into_iter().map(to_config_error));
            return Err(errors);
        }
    };
    let examples = match compile_examples(&spec) {
        Ok(examples) => examples,
        Err(errs) => {
            errors.extend(errs.into_iter().map(to_config_error));
            return Err(errors);
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Some(Rule {
        id: Arc::from(id.get_ref().as_str()),
        pack: pack.name.clone(),
        kind_name: *spec.kind.as_ref().expect("checked above").get_ref(),
        severity: spec
            .severity
            .as_ref()
            .map_or(Severity::Warning, |s| *s.get_ref()),
        message,
        help: spec.help.as_ref().map(|h| h.get_ref().clone()),
        description: spec
            .description
            .as_ref()
            .map(|d| d.get_ref().trim().to_string())
            .unwrap_or_default(),
        link: spec.link.as_ref().map(|l| l.get_ref().clone()),
        examples,
        fix_safety: spec.fix.as_ref().map_or(FixSafety::Safe, |f| *f.get_ref()),
        file: file.clone(),
        span: table_span,
        id_span: id.span(),
        kind,
    }))
}

fn compile_examples(spec: &RuleSpec) -> Result<Vec<Example>, Vec<SpecError>> {
    let mut examples = Vec::new();
    let mut errors = Vec::new();
    for example in spec.examples.iter().flatten() {
        let span = example.span();
        let e = example.get_ref();
        // Parsed when the example runs (`newslint test`), not on every load.
        let facts = e.facts.as_ref().map(|text| text.get_ref().clone());
        let format = match e.format.as_ref().map(|f| (f.get_ref().as_str(), f.span())) {
            None => crate::article::Format::Markdown,
            Some(("md" | "markdown", _)) => crate::article::Format::Markdown,
            Some(("txt" | "text", _)) => crate::article::Format::Plain,
            Some(("html", _)) => crate::article::Format::Html,
            Some(("xml", _)) => crate::article::Format::Xml,
            Some((other, span)) => {
                errors.push(SpecError::field(
                    "examples",
                    span,
                    format!("unknown example format `{other}`: write `md`, `txt`, `html` or `xml`"),
                ));
                continue;
            }
        };
        match (&e.bad, &e.good) {
            (Some(bad), None) => examples.push(Example {
                expect: Expectation::Bad,
                text: bad.get_ref().clone(),
                format,
                fixed: e.fixed.clone(),
                line: e.line,
                span: bad.span(),
                facts,
            }),
            (None, Some(good)) => {
                if e.fixed.is_some() || e.line.is_some() {
                    errors.push(SpecError::field(
                        "examples",
                        span.clone(),
                        "`fixed` and `line` belong to a `bad` example",
                    ));
                }
                examples.push(Example {
                    expect: Expectation::Good,
                    text: good.get_ref().clone(),
                    format,
                    fixed: None,
                    line: None,
                    span: good.span(),
                    facts,
                })
            }
            _ => errors.push(SpecError::field(
                "examples",
                span,
                "an example needs exactly one of `bad` or `good`",
            )),
        }
    }
    if errors.is_empty() {
        Ok(examples)
    } else {
        Err(errors)
    }
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn override_of(id: &str, toml: &str) -> BTreeMap<Spanned<String>, Spanned<RuleSpec>> {
        let spec: RuleSpec = toml::from_str(toml).expect("override parses");
        BTreeMap::from([(Spanned::new(0..0, id.to_string()), Spanned::new(0..0, spec))])
    }

    #[test]
    fn overrides_without_a_config_file_do_not_panic() {
        let options = LoadOptions {
            packs: vec![Spanned::new(0..0, "news".to_string())],
            overrides: override_of("repeated-word", "severity = \"error\"\nmax = 3"),
            config: None,
            ..LoadOptions::default()
        };
        let errors = load_rules(&options).unwrap_err();
        assert!(errors[0].message.contains("`max`"), "{errors:?}");
        assert!(errors[0].file.is_none());
    }

    #[test]
    fn overrides_of_description_and_link_take_effect() {
        let options = LoadOptions {
            packs: vec![Spanned::new(0..0, "news".to_string())],
            overrides: override_of(
                "repeated-word",
                "description = \"Our desk's reason.\"\nlink = \"https://desk.example/style\"",
            ),
            config: Some(SourceFile::new("newslint.toml", "")),
            ..LoadOptions::default()
        };
        let rules = load_rules(&options).unwrap();
        let rule = rules.get("repeated-word").unwrap();
        assert_eq!(rule.description, "Our desk's reason.");
        assert_eq!(rule.link.as_deref(), Some("https://desk.example/style"));
    }
}
