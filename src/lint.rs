//! The linter: runs a compiled [`RuleSet`] over a [`Document`] and returns diagnostics in
//! source order. Analyses several rules share (quotations, dates) are computed once per
//! document, on first use, in a [`Context`].

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use crate::article::{Document, Role};
use crate::diagnostic::Diagnostic;
use crate::facts::Facts;
use crate::facts::ages::{self, AgeMention};
use crate::facts::names::{self, CapWord};
use crate::line_index::LineIndex;
use crate::rules::prefilter::{self, Focus, Hits, Prefilter, Seen};
use crate::rules::{Finding, Rule, RuleSet, Scope};
use crate::text::dates::{self, DateMention};
use crate::text::quotes::{self, BodyMarks, Paragraph};

/// A piece of text a rule looks at: its absolute byte offset and its text (from the prose
/// view, or from the source for `text` and `metadata.*` scopes).
#[derive(Clone, Copy, Debug)]
pub struct Unit<'a> {
    /// Absolute byte offset of `text` in the source.
    pub offset: usize,
    /// The text.
    pub text: &'a str,
}

impl Unit<'_> {
    /// Absolute span of a range relative to this unit.
    pub fn absolute(&self, range: Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }

    /// Absolute end offset.
    pub fn end(&self) -> usize {
        self.offset + self.text.len()
    }
}

/// One document under lint, with its lazily computed shared analyses.
pub struct Context<'a> {
    doc: &'a Document,
    facts: &'a Facts,
    quotations: OnceLock<Vec<Range<usize>>>,
    body_marks: OnceLock<BodyMarks<'a>>,
    cap_words: OnceLock<Vec<CapWord<'a>>>,
    ages: OnceLock<Vec<AgeMention<'a>>>,
    lines: OnceLock<LineIndex>,
    dates: OnceLock<Vec<DateMention>>,
    units: RefCell<Vec<(Scope, Rc<Vec<Unit<'a>>>)>>,
    /// Where the prefilter's literals occur (see [`crate::rules::prefilter`]).
    seen: Option<Seen>,
    /// The literals the running rule needs one of: its matching units are those that
    /// hold one.
    focus: Cell<Option<&'a [u32]>>,
    /// Which gated rules match in which prose units, once the gate is built (see
    /// [`crate::rules::prefilter::Gating`]).
    gate: Option<Hits>,
    /// The running rule's number in the gate, when it is gated: its units are those the
    /// gate shows it matching in.
    gated: Cell<Option<u32>>,
    /// Units the running rule searched with [`Context::find_in_units`], and in how many
    /// it matched, for [`crate::rules::prefilter::Gating::observe`].
    searches: Cell<(u32, u32)>,
}

impl<'a> Context<'a> {
    /// Start linting `doc` against what the newsroom knows.
    pub fn new(doc: &'a Document, facts: &'a Facts) -> Self {
        Self {
            doc,
            facts,
            quotations: OnceLock::new(),
            body_marks: OnceLock::new(),
            cap_words: OnceLock::new(),
            ages: OnceLock::new(),
            lines: OnceLock::new(),
            dates: OnceLock::new(),
            units: RefCell::new(Vec::new()),
            seen: None,
            focus: Cell::new(None),
            gate: None,
            gated: Cell::new(None),
            searches: Cell::new((0, 0)),
        }
    }

    /// The document.
    pub fn doc(&self) -> &'a Document {
        self.doc
    }

    /// The facts and word list of the run.
    pub fn facts(&self) -> &'a Facts {
        self.facts
    }

    /// The 1-based line of a byte offset of the source.
    pub fn line_of(&self, offset: usize) -> usize {
        let source = self.doc.source();
        self.lines
            .get_or_init(|| LineIndex::new(source))
            .line_col(source, offset)
            .0
    }

    /// The capitalised words of the prose (headline, dek, subheads, body), in source order.
    pub fn cap_words(&self) -> &[CapWord<'a>] {
        self.cap_words.get_or_init(|| {
            let units = self.units(&Scope::Prose);
            // About one capitalised word in 40 bytes of English copy.
            let mut out =
                Vec::with_capacity(units.iter().map(|u| u.text.len()).sum::<usize>() / 40);
            for (index, unit) in units.iter().enumerate() {
                names::cap_words(unit.text, unit.offset, index, &mut out);
            }
            out
        })
    }

    /// Ages written next to names in the prose, in source order. `list_items` `Name (NN)`
    /// in one paragraph make a list (the first rule to ask decides; the pack sets one value).
    pub fn ages(&self, list_items: usize) -> &[AgeMention<'a>] {
        self.ages.get_or_init(|| {
            let mut out = Vec::new();
            for unit in self.units(&Scope::Prose).iter() {
                ages::find_ages(unit.text, unit.offset, list_items, &mut out);
            }
            out
        })
    }

    /// Body paragraphs as the quotation finder wants them.
    pub fn body_paragraphs(&self) -> Vec<Paragraph<'a>> {
        self.doc
            .blocks_with(Role::Body)
            .map(|b| Paragraph {
                offset: b.span.start,
                text: self.doc.prose_at(b.span.clone()),
            })
            .collect()
    }

    /// The body paragraphs with their double marks, found once for all quotation checks.
    pub fn body_marks(&self) -> &BodyMarks<'a> {
        self.body_marks
            .get_or_init(|| BodyMarks::new(self.body_paragraphs()))
    }

    /// Spans of the direct quotations of the prose (headline, dek and subheads as well as
    /// the body: a usage rule must not rewrite a quoted headline either), marks included.
    pub fn quotations(&self) -> &[Range<usize>] {
        self.quotations.get_or_init(|| {
            let paragraphs: Vec<Paragraph> = self
                .units(&Scope::Prose)
                .iter()
                .map(|u| Paragraph {
                    offset: u.offset,
                    text: u.text,
                })
                .collect();
            quotes::default_checker().quotation_spans(&paragraphs)
        })
    }

    /// Every date written in the headline, date line, dek and body.
    pub fn dates(&self) -> &[DateMention] {
        self.dates.get_or_init(|| {
            let mut found = Vec::new();
            for block in self.doc.blocks().iter().filter(|b| {
                matches!(
                    b.role,
                    Role::Headline
                        | Role::DateLine
                        | Role::Dek
                        | Role::Body
                        | Role::Heading
                        | Role::Table
                )
            }) {
                found.extend(dates::find_dates(
                    self.doc.prose_at(block.span.clone()),
                    block.span.start,
                ));
            }
            found
        })
    }

    /// Run a matcher over the units of a scope and collect `(unit index, absolute span)` of
    /// each match that lies inside one unit. Where the units are all pieces of the prose
    /// view, the matcher runs once over the stretch from the first unit to the last instead
    /// of once per unit: on a pack of forty rules the per-call cost of a regex search, not
    /// the scanning, was what a profile showed. `anchored` matchers (`^`, `$`) must see each
    /// unit on its own, so they keep the per-unit path.
    pub fn find_in_units(
        &self,
        units: &[Unit<'a>],
        anchored: bool,
        find: impl FnMut(&'a str, &mut dyn FnMut(Range<usize>)),
    ) -> Vec<(usize, Range<usize>)> {
        let found = self.find_in_each(units, anchored, find);
        let matched = found
            .iter()
            .enumerate()
            .filter(|(i, (unit, _))| *i == 0 || found[i - 1].0 != *unit);
        let (searched, hits) = self.searches.get();
        self.searches
            .set((searched + units.len() as u32, hits + matched.count() as u32));
        found
    }

    fn find_in_each(
        &self,
        units: &[Unit<'a>],
        anchored: bool,
        mut find: impl FnMut(&'a str, &mut dyn FnMut(Range<usize>)),
    ) -> Vec<(usize, Range<usize>)> {
        let mut found = Vec::new();
        let prose = self.doc.prose();
        let in_prose = |u: &Unit| {
            let start = u.text.as_ptr() as usize;
            let base = prose.as_ptr() as usize;
            start >= base && start + u.text.len() <= base + prose.len()
        };
        let sorted = units.windows(2).all(|w| w[0].end() <= w[1].offset);
        // Units picked by the prefilter are few and far apart: searched one by one, the
        // text between them is not read.
        let focused = self.focus.get().is_some() || self.gated.get().is_some();
        if anchored || focused || units.len() < 2 || !sorted || !units.iter().all(in_prose) {
            for (index, unit) in units.iter().enumerate() {
                find(unit.text, &mut |range| {
                    found.push((index, unit.absolute(range)))
                });
            }
            return found;
        }
        let low = units[0].offset;
        let high = units[units.len() - 1].end();
        let mut index = 0;
        find(&prose[low..high], &mut |range| {
            let span = range.start + low..range.end + low;
            while index < units.len() && units[index].end() < span.end {
                index += 1;
            }
            if let Some(unit) = units.get(index)
                && unit.offset <= span.start
                && span.end <= unit.end()
            {
                found.push((index, span));
            }
        });
        found
    }

    /// The units a matching rule searches for a scope, and whether its matches that
    /// overlap a quotation must be dropped ([`Context::drop_quoted`]). The quotation
    /// scopes search whole paragraphs, so that `^`, `\A` and word boundaries mean what
    /// they mean elsewhere (the text after a closing mark does not start a sentence).
    ///
    /// Only the units that hold one of the running rule's literals are given, when the
    /// prefilter knows them: a match contains a literal, so it lies in such a unit.
    pub fn match_units(&self, scope: &Scope) -> (Rc<Vec<Unit<'a>>>, bool) {
        let (units, outside_quotes) = match scope {
            Scope::OutsideQuote => (self.units(&Scope::Prose), true),
            Scope::BodyOutsideQuote => (self.units(&Scope::Body), true),
            other => (self.units(other), false),
        };
        // The gate knows where the rule matches, which is among the units that hold one
        // of its literals.
        if let (Some(rule), Some(hits)) = (self.gated.get(), self.gate.as_ref()) {
            let holding = units.iter().filter(|u| hits.holds(rule, u.offset));
            return (Rc::new(holding.copied().collect()), outside_quotes);
        }
        let (Some(literals), Some(seen)) = (self.focus.get(), self.seen.as_ref()) else {
            return (units, outside_quotes);
        };
        let ranges: Vec<Range<usize>> = units.iter().map(|u| u.offset..u.end()).collect();
        let holding: Vec<Unit<'a>> = units
            .iter()
            .zip(seen.holders(literals, &ranges))
            .filter_map(|(unit, holds)| holds.then_some(*unit))
            .collect();
        (Rc::new(holding), outside_quotes)
    }

    /// Drop the matches `(unit index, absolute span)` that overlap a quotation.
    pub fn drop_quoted(&self, found: &mut Vec<(usize, Range<usize>)>) {
        if found.is_empty() {
            return;
        }
        let quotations = self.quotations();
        found.retain(|(_, span)| {
            let i = quotations.partition_point(|q| q.end <= span.start);
            quotations.get(i).is_none_or(|q| q.start >= span.end)
        });
    }

    /// The units of a scope, in source order.
    pub fn units(&self, scope: &Scope) -> Rc<Vec<Unit<'a>>> {
        // Forty rules of a pack share a handful of scopes: each scope's units are worked
        // out once per document.
        if let Some((_, units)) = self.units.borrow().iter().find(|(s, _)| s == scope) {
            return Rc::clone(units);
        }
        let units = Rc::new(self.compute_units(scope));
        self.units
            .borrow_mut()
            .push((scope.clone(), Rc::clone(&units)));
        units
    }

    fn compute_units(&self, scope: &Scope) -> Vec<Unit<'a>> {
        let doc = self.doc;
        let prose_unit = |span: Range<usize>| Unit {
            offset: span.start,
            text: doc.prose_at(span),
        };
        let blocks = |roles: &[Role]| -> Vec<Unit<'a>> {
            doc.blocks()
                .iter()
                .filter(|b| roles.contains(&b.role))
                .map(|b| prose_unit(b.span.clone()))
                .collect()
        };
        match scope {
            Scope::Text => {
                let start = doc.content_start();
                vec![Unit {
                    offset: start,
                    text: &doc.source()[start..],
                }]
            }
            Scope::Prose => self.prose_units(),
            Scope::Headline => self.headline_unit().into_iter().collect(),
            Scope::Dek => blocks(&[Role::Dek]),
            Scope::Body | Scope::Paragraph => blocks(&[Role::Body]),
            Scope::Lead => blocks(&[Role::Body]).into_iter().take(1).collect(),
            Scope::Sentence => doc.sentences().iter().cloned().map(prose_unit).collect(),
            Scope::Quote => self.quotations().iter().cloned().map(prose_unit).collect(),
            Scope::OutsideQuote | Scope::BodyOutsideQuote => {
                let quotations = self.quotations();
                let mut out = Vec::new();
                let within = if *scope == Scope::OutsideQuote {
                    self.prose_units()
                } else {
                    blocks(&[Role::Body])
                };
                for unit in within {
                    let end = unit.offset + unit.text.len();
                    let mut cursor = unit.offset;
                    for q in quotations
                        .iter()
                        .filter(|q| q.start < end && q.end > unit.offset)
                    {
                        if q.start > cursor {
                            out.push(prose_unit(cursor..q.start));
                        }
                        cursor = cursor.max(q.end);
                    }
                    if cursor < end {
                        out.push(prose_unit(cursor..end));
                    }
                }
                out
            }
            Scope::Credit => blocks(&[Role::Credit]),
            Scope::DateLine => blocks(&[Role::DateLine]),
            Scope::Metadata(key) => doc
                .front_matter()
                .and_then(|fm| fm.get(key))
                .map(|entry| Unit {
                    offset: entry.value_span.start,
                    text: &doc.source()[entry.value_span.clone()],
                })
                .into_iter()
                .collect(),
        }
    }

    fn headline_unit(&self) -> Option<Unit<'a>> {
        let doc = self.doc;
        let span = doc.headline()?;
        let from_front_matter = doc
            .front_matter()
            .is_some_and(|fm| fm.span.contains(&span.start));
        let text = if from_front_matter {
            &doc.source()[span.clone()]
        } else {
            doc.prose_at(span.clone())
        };
        Some(Unit {
            offset: span.start,
            text,
        })
    }

    fn prose_units(&self) -> Vec<Unit<'a>> {
        let doc = self.doc;
        let mut units: Vec<Unit<'a>> = Vec::with_capacity(doc.blocks().len() + 1);
        units.extend(self.headline_unit());
        units.extend(
            doc.blocks()
                .iter()
                .filter(|b| matches!(b.role, Role::Dek | Role::Body | Role::Heading | Role::Table))
                .map(|b| Unit {
                    offset: b.span.start,
                    text: doc.prose_at(b.span.clone()),
                }),
        );
        units.sort_by_key(|u| u.offset);
        units
    }
}

/// Lint one document with every rule of the set; diagnostics come back sorted by position.
/// Front ends call [`crate::engine`] instead, which adds suppressions and per-file settings.
pub fn lint(rules: &RuleSet, doc: &Document) -> Vec<Diagnostic> {
    lint_with(rules.iter(), doc, rules.facts(), rules.prefilter())
}

/// Lint one document with the given rules, against `facts`, skipping the rules `prefilter`
/// shows cannot match; diagnostics come back sorted by position.
pub fn lint_with<'r>(
    rules: impl IntoIterator<Item = &'r Rule>,
    doc: &Document,
    facts: &Facts,
    prefilter: &Prefilter,
) -> Vec<Diagnostic> {
    // An empty file is not an article yet: nothing to check, so nothing to report.
    if doc.source()[doc.content_start()..].trim().is_empty() {
        return Vec::new();
    }
    let mut context = Context::new(doc, facts);
    context.seen = Some(prefilter.scan(doc));
    let gating = prefilter.gating();
    context.gate = gating.scan(&context.units(&Scope::Prose), doc.source().len());
    let seen = context.seen.as_ref().expect("just set");
    let mut diagnostics = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    // Where the next rule stands among the prefilter's, when the rules come in its order.
    let mut next = 0;
    for rule in rules {
        let slot = prefilter.slot(rule, &mut next);
        let focus = match prefilter::focus(slot, seen) {
            Focus::Nowhere => continue,
            Focus::Everywhere => None,
            Focus::Around(literals) => Some(literals),
        };
        let gated = context.gate.as_ref().and_then(|hits| {
            let number = gating.number(&slot)?;
            Some((number, hits.anywhere(number)))
        });
        if let Some((_, false)) = gated {
            continue;
        }
        context.gated.set(gated.map(|(number, _)| number));
        context.focus.set(focus);
        findings.clear();
        context.searches.set((0, 0));
        rule.kind.check(&context, &mut findings);
        let (searched, matched) = context.searches.get();
        gating.observe(&slot, searched, matched);
        diagnostics.extend(findings.drain(..).map(|f| rule.diagnostic(doc.source(), f)));
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // Spans are of the file, whatever the format.
    doc.to_file_diagnostics(&mut diagnostics);
    diagnostics
}
