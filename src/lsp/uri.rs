//! `file:` URIs ↔ paths. The client names documents by URI; the engine's per-file settings
//! and the config discovery need the path.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The path a `file:` URI names (percent-decoded); `None` for other schemes (`untitled:`).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let scheme = uri.scheme()?;
    if !scheme.as_str().eq_ignore_ascii_case("file") {
        return None;
    }
    let decoded = uri.path().as_estr().decode().into_string().ok()?;
    Some(PathBuf::from(decoded.into_owned()))
}

/// The `file:` URI of an absolute path.
pub fn file_uri(path: &Path) -> Option<Uri> {
    let mut text = String::from("file://");
    for byte in path.to_str()?.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            text.push(char::from(byte));
        } else {
            text.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_go_there_and_back() {
        let path = Path::new("/desk/Léa’s copy/story #2.md");
        let uri = file_uri(path).unwrap();
        assert_eq!(
            uri.as_str(),
            "file:///desk/L%C3%A9a%E2%80%99s%20copy/story%20%232.md"
        );
        assert_eq!(path_of(&uri).as_deref(), Some(path));
        assert_eq!(
            path_of(&Uri::from_str("untitled:Untitled-1").unwrap()),
            None
        );
    }
}
