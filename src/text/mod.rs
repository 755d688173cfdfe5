//! Text analyses shared by the rule kinds: words, sentences, quotations and dates. Each
//! works on the prose view of a document and returns byte spans of the source.

pub mod boundaries;
pub mod dates;
pub mod eight_bytes;
pub mod quotes;
pub mod repeats;
pub mod sentences;
pub mod words;
pub(crate) mod words_block;
