//! The `ap` pack on quoted speech and as a file to learn from: no `ap` fix ever lands inside
//! a quotation, every finding of a built-in rule carries a help line, and the packs stay
//! readable (no line over 100 characters).

use newslint::fix::{fix_text, lint_with_rules};
use newslint::rules::{Expectation, builtin_rules};
use newslint::text::quotes;
use newslint::{Document, Format};

/// Every bad example of the `ap` pack, said by someone: once as a body quotation and once
/// in a quoted headline. Inner double marks become single ones so the quotation holds.
fn quoted_bad_examples() -> Vec<String> {
    let rules = builtin_rules(&["ap"]).unwrap();
    let mut articles = vec![
        "# Walk\n\n“We walked towards the sea amongst friends, and it was okay,” she said.\n"
            .to_string(),
    ];
    for rule in rules.iter() {
        for example in rule
            .examples
            .iter()
            .filter(|e| e.expect == Expectation::Bad)
        {
            let said = example
                .text
                .replace("\n\n", " ")
                .replace(['"', '“', '”'], "'");
            articles.push(format!(
                "# Mayor: “{said}”\n\nThe mayor spoke at the harbour.\n\n“{said}” the mayor said.\n"
            ));
        }
    }
    articles
}

#[test]
fn no_ap_fix_lands_inside_a_quotation() {
    let ap = builtin_rules(&["ap"]).unwrap();
    for article in quoted_bad_examples() {
        let doc = Document::parse(article.clone(), Format::Markdown).unwrap();
        let diagnostics = newslint::lint(&ap, &doc);
        assert!(
            diagnostics.is_empty(),
            "ap findings inside quotations of {article:?}: {diagnostics:#?}"
        );
        // Unsafe fixes included: the text must come back as it went in.
        let fixed = fix_text(
            article.clone(),
            Format::Markdown,
            true,
            &lint_with_rules(&ap),
        );
        assert_eq!(fixed.unwrap().text, article);
    }
}

#[test]
fn ap_still_fixes_the_words_around_a_quotation() {
    let ap = builtin_rules(&["ap"]).unwrap();
    let article = "# Walk\n\nThey walked towards the sea. “We walked towards the sea,” she said \
                   afterwards.\n";
    let fixed = fix_text(
        article.to_string(),
        Format::Markdown,
        true,
        &lint_with_rules(&ap),
    )
    .unwrap()
    .text;
    assert_eq!(
        fixed,
        "# Walk\n\nThey walked toward the sea. “We walked towards the sea,” she said \
         afterward.\n"
    );
    // The quotation finder agrees on what is quoted.
    let doc = Document::parse(fixed.clone(), Format::Markdown).unwrap();
    let body: Vec<quotes::Paragraph> = doc
        .blocks()
        .iter()
        .filter(|b| b.role == newslint::article::Role::Body)
        .map(|b| quotes::Paragraph {
            offset: b.span.start,
            text: doc.prose_at(b.span.clone()),
        })
        .collect();
    let spans = quotes::default_checker().quotation_spans(&body);
    assert_eq!(spans.len(), 1);
    assert!(fixed[spans[0].clone()].contains("towards"));
}

#[test]
fn every_builtin_finding_has_a_help_line() {
    let rules = builtin_rules(&[]).unwrap();
    for rule in rules.iter() {
        for example in rule
            .examples
            .iter()
            .filter(|e| e.expect == Expectation::Bad)
        {
            let doc = Document::parse(example.text.clone(), Format::Markdown).unwrap();
            for d in newslint::lint::lint_with([rule], &doc, &Default::default(), rules.prefilter())
            {
                let help = d.help.as_deref().unwrap_or_default();
                assert!(
                    !help.is_empty(),
                    "{} has no help on {:?}",
                    rule.id,
                    example.text
                );
                assert!(!help.contains("\"\""), "{}: garbled help {help:?}", rule.id);
            }
        }
    }
}

#[test]
fn pack_files_have_no_line_over_100_characters() {
    for (name, text) in newslint::rules::BUILTIN_PACKS {
        for (n, line) in text.lines().enumerate() {
            assert!(
                line.chars().count() <= 100,
                "rules/{name}.toml:{}: {} characters",
                n + 1,
                line.chars().count()
            );
        }
    }
}
