//! [`Spanned<T>`]: a value read from TOML with the byte range it was written at, so that a
//! mistake is reported where it stands in the file. A newtype over [`toml::Spanned`] that
//! also describes itself to JSON Schema as the bare `T` (the span is not part of what a
//! user writes), so the config, pack and facts types derive their schemas without a
//! `#[schemars(with = …)]` on every field.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};

/// A value with the byte range it was written at. Compares, orders and hashes by the
/// value alone, as [`toml::Spanned`] does, and serialises as the value (so that schemas
/// show the defaults).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Spanned<T>(toml::Spanned<T>);

impl<T> Spanned<T> {
    /// `value`, written at `span`.
    pub fn new(span: Range<usize>, value: T) -> Self {
        Self(toml::Spanned::new(span, value))
    }

    /// The byte range the value was written at.
    pub fn span(&self) -> Range<usize> {
        self.0.span()
    }

    /// The value.
    pub fn get_ref(&self) -> &T {
        self.0.get_ref()
    }

    /// The value, to change it in place.
    pub fn get_mut(&mut self) -> &mut T {
        self.0.get_mut()
    }

    /// The value, without its span.
    pub fn into_inner(self) -> T {
        self.0.into_inner()
    }
}

/// Lets a map keyed by spanned names be looked up by a plain `&str`.
impl std::borrow::Borrow<str> for Spanned<String> {
    fn borrow(&self) -> &str {
        self.get_ref()
    }
}

/// The schema of `T`: a span is where a value was written, not part of the value.
impl<T: schemars::JsonSchema> schemars::JsonSchema for Spanned<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Table {
        name: Spanned<String>,
    }

    #[test]
    fn keeps_the_span_and_compares_by_value() {
        let text = "name = \"Brennick\"\n";
        let table: Table = toml::from_str(text).unwrap();
        assert_eq!(&text[table.name.span()], "\"Brennick\"");
        assert_eq!(table.name.get_ref(), "Brennick");
        assert_eq!(table.name, Spanned::new(0..0, "Brennick".to_string()));
    }

    #[test]
    fn describes_itself_as_the_bare_value() {
        let spanned = schemars::schema_for!(Option<Spanned<Vec<String>>>);
        let bare = schemars::schema_for!(Option<Vec<String>>);
        assert_eq!(spanned, bare);
    }
}
