//! `word/document.xml` (and `word/styles.xml`) read with quick-xml as a stream of events:
//! the paragraphs of the body, each with its text (runs joined, tabs and breaks kept as
//! white space, tracked deletions, field codes, drawings and text boxes left out) and its
//! style. The reader keeps no tree, refuses a DOCTYPE (so no entity can expand) and stops
//! at a nesting depth no Word file reaches.

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

/// Deeper than any Word file nests (tables in tables stay in the tens).
pub(super) const MAX_DEPTH: usize = 256;

/// One `<w:p>` of the body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Paragraph {
    /// Its text, on one line: breaks read as spaces.
    pub text: String,
    /// The id of its paragraph style (`w:pStyle`), if it has one.
    pub style: Option<String>,
    /// Whether it stands in a table cell.
    pub in_table: bool,
}

/// Elements whose whole content is not the copy: tracked deletions, field instructions,
/// drawings and text boxes (and their fallback copies), embedded objects.
const NOT_COPY: &[&str] = &[
    "del",
    "moveFrom",
    "instrText",
    "delInstrText",
    "drawing",
    "pict",
    "object",
    "txbxContent",
    "Fallback",
];

/// The value of the attribute whose local name is `name` (`w:val` → `val`).
pub(super) fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::default())
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Every XML event of `xml` with its depth, or why the part cannot be read: the checks
/// every part goes through (DOCTYPE, depth, well-formedness).
pub(super) fn for_each_event<'x>(
    part: &str,
    xml: &'x str,
    mut visit: impl FnMut(Event<'x>, usize) -> Result<(), String>,
) -> Result<(), String> {
    let mut reader = Reader::from_str(xml.strip_prefix('\u{feff}').unwrap_or(xml));
    let mut depth = 0usize;
    loop {
        let event = reader.read_event().map_err(|err| {
            format!(
                "{part} is not well-formed XML (at byte {}): {err}",
                reader.error_position()
            )
        })?;
        match &event {
            Event::Eof => {
                if depth > 0 {
                    return Err(format!("{part} ends before its elements are closed"));
                }
                return Ok(());
            }
            Event::DocType(_) => {
                return Err(format!(
                    "{part} declares a DOCTYPE; Word never writes one, and entity definitions are refused"
                ));
            }
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!(
                        "{part} nests elements deeper than {MAX_DEPTH}; refused"
                    ));
                }
            }
            _ => {}
        }
        let at = depth;
        if matches!(event, Event::End(_)) {
            depth -= 1;
        }
        visit(event, at)?;
    }
}

/// The character an entity reference stands for: XML's five and character references.
fn entity(part: &str, reference: &BytesRef) -> Result<char, String> {
    let unknown = || format!("{part} uses the undefined entity `&{};`", &**reference);
    if let Some(c) = reference.resolve_char_ref().map_err(|_| unknown())? {
        return Ok(c);
    }
    match &**reference {
        "amp" => Ok('&'),
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "quot" => Ok('"'),
        "apos" => Ok('\''),
        _ => Err(unknown()),
    }
}

/// Text as one line of the article: line breaks and other control characters (which
/// XML can carry as character references) become spaces, tabs stay.
fn push_copy(out: &mut String, text: &str) {
    out.extend(
        text.chars()
            .map(|c| if c.is_control() && c != '\t' { ' ' } else { c }),
    );
}

/// The paragraphs of `word/document.xml`, in document order (table cells included).
pub(super) fn paragraphs(xml: &str) -> Result<Vec<Paragraph>, String> {
    const PART: &str = "word/document.xml";
    let mut out = Vec::new();
    // The open paragraph and its depth.
    let mut open: Option<(Paragraph, usize)> = None;
    // The depth of the element whose content is skipped, while inside it.
    let mut skipping: Option<usize> = None;
    let mut runs = 0usize;
    let mut tables = 0usize;
    let mut in_text = false;
    for_each_event(PART, xml, |event, depth| {
        if let Some(skip) = skipping {
            if matches!(event, Event::End(_)) && depth == skip {
                skipping = None;
            }
            return Ok(());
        }
        let (element, is_start) = match &event {
            Event::Start(e) => (Some(e), true),
            Event::Empty(e) => (Some(e), false),
            _ => (None, false),
        };
        if let Some(e) = element {
            let name = e.local_name();
            let name = name.as_ref();
            if is_start && NOT_COPY.contains(&name) {
                skipping = Some(depth);
                return Ok(());
            }
            let in_run = runs > 0;
            match (name, open.as_mut()) {
                ("p", None) if is_start => {
                    let paragraph = Paragraph {
                        in_table: tables > 0,
                        ..Paragraph::default()
                    };
                    open = Some((paragraph, depth));
                }
                ("p", None) => out.push(Paragraph {
                    in_table: tables > 0,
                    ..Paragraph::default()
                }),
                ("pStyle", Some((paragraph, _))) => paragraph.style = attribute(e, "val"),
                ("tab" | "ptab", Some((paragraph, _))) if in_run => paragraph.text.push('\t'),
                ("br" | "cr", Some((paragraph, _))) if in_run => paragraph.text.push(' '),
                ("noBreakHyphen", Some((paragraph, _))) if in_run => {
                    paragraph.text.push('\u{2011}')
                }
                ("tbl", _) if is_start => tables += 1,
                ("r", _) if is_start => runs += 1,
                ("t", _) if is_start => in_text = in_run,
                _ => {}
            }
            return Ok(());
        }
        let text = open.as_mut().map(|(p, _)| &mut p.text);
        match event {
            Event::End(e) => match e.local_name().as_ref() {
                "p" if open.as_ref().is_some_and(|(_, d)| *d == depth) => {
                    out.extend(open.take().map(|(p, _)| p));
                }
                "tbl" => tables = tables.saturating_sub(1),
                "r" => runs = runs.saturating_sub(1),
                "t" => in_text = false,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some(text) = text {
                    push_copy(text, &t);
                }
            }
            Event::CData(t) if in_text => {
                if let Some(text) = text {
                    push_copy(text, &t);
                }
            }
            Event::GeneralRef(r) => {
                // Checked wherever it stands: an undefined entity is a broken file.
                let c = entity(PART, &r)?;
                if in_text && let Some(text) = text {
                    push_copy(text, c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    Ok(out)
}
