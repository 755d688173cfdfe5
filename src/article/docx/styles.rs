//! `word/styles.xml`: what each paragraph style is for. A style is known by its name
//! (`Title`, `heading 1`, `Subtitle`), which Word keeps in English whatever the user's
//! language, while the id a paragraph names may be localised (`berschrift1`); a house
//! style based on one of them (`basedOn`) is one of them too.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::body::{attribute, for_each_event};

/// What a paragraph style makes of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum StyleKind {
    /// `Title`: the headline.
    Title,
    /// `Subtitle`: the dek.
    Subtitle,
    /// `heading N`.
    Heading(u8),
}

/// Style ids → kinds.
#[derive(Debug, Default)]
pub(super) struct Styles {
    kinds: HashMap<String, StyleKind>,
}

/// A style's name (or, without a styles part, its id) as a kind.
fn kind_of_name(name: &str) -> Option<StyleKind> {
    let folded: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    match folded.as_str() {
        "title" => Some(StyleKind::Title),
        "subtitle" => Some(StyleKind::Subtitle),
        _ => folded
            .strip_prefix("heading")
            .and_then(|level| level.parse::<u8>().ok())
            .filter(|level| (1..=9).contains(level))
            .map(StyleKind::Heading),
    }
}

impl Styles {
    /// Read `word/styles.xml`.
    pub(super) fn read(xml: &str) -> Result<Self, String> {
        // id → (name, based on)
        let mut declared: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
        let mut current: Option<String> = None;
        for_each_event("word/styles.xml", xml, |event, _| {
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" => {
                        current = attribute(e, "styleId");
                        if let Some(id) = &current {
                            declared.entry(id.clone()).or_default();
                        }
                    }
                    "name" | "basedOn" => {
                        if let Some(entry) = current.as_ref().and_then(|id| declared.get_mut(id)) {
                            let value = attribute(e, "val");
                            if e.local_name().as_ref() == "name" {
                                entry.0 = value;
                            } else {
                                entry.1 = value;
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "style" => current = None,
                _ => {}
            }
            Ok(())
        })?;
        let mut kinds = HashMap::new();
        for id in declared.keys() {
            // Follow `basedOn` a few steps (and never round a loop).
            let mut at = id.as_str();
            for _ in 0..8 {
                let Some((name, based_on)) = declared.get(at) else {
                    break;
                };
                if let Some(kind) = name.as_deref().and_then(kind_of_name) {
                    kinds.insert(id.clone(), kind);
                    break;
                }
                match based_on {
                    Some(parent) => at = parent,
                    None => break,
                }
            }
        }
        Ok(Self { kinds })
    }

    /// The kind of the style with id `id`: from styles.xml, or the id read as a name.
    pub(super) fn kind(&self, id: &str) -> Option<StyleKind> {
        self.kinds.get(id).copied().or_else(|| kind_of_name(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_ids_and_based_on() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>
  <w:style w:type="paragraph" w:styleId="DeskHead"><w:name w:val="Desk Head"/><w:basedOn w:val="Titel"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="Loop A"/><w:basedOn w:val="LoopB"/></w:style>
  <w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="Loop B"/><w:basedOn w:val="LoopA"/></w:style>
</w:styles>"#;
        let styles = Styles::read(xml).unwrap();
        assert_eq!(styles.kind("berschrift1"), Some(StyleKind::Heading(1)));
        assert_eq!(styles.kind("Titel"), Some(StyleKind::Title));
        assert_eq!(styles.kind("DeskHead"), Some(StyleKind::Title));
        assert_eq!(styles.kind("LoopA"), None);
        // No styles part entry: the id read as a name.
        assert_eq!(styles.kind("Heading2"), Some(StyleKind::Heading(2)));
        assert_eq!(styles.kind("Subtitle"), Some(StyleKind::Subtitle));
        assert_eq!(styles.kind("Normal"), None);
        assert_eq!(styles.kind("Heading10"), None);
    }
}
