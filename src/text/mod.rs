//! Text analyses shared by the rule kinds: words, sentences, quotations and dates. Each
//! works on the prose view of a document and returns byte spans of the source.

pub mod dates;
#[path = "interim_quotes.rs"]
pub mod quotes;
#[path = "interim_sentences.rs"]
pub mod sentences;
pub mod words;
