//! The character boundary nearest a byte offset, for cutting a window out of a text
//! (`str::floor_char_boundary` is newer than the crate's minimum Rust version).

/// The nearest character boundary at or before `at` (the end, past it).
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary at or after `at` (the end, past it).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_around_a_wide_character() {
        let text = "aé b";
        assert_eq!(floor_char_boundary(text, 2), 1);
        assert_eq!(ceil_char_boundary(text, 2), 3);
        assert_eq!(floor_char_boundary(text, 1), 1);
        assert_eq!(ceil_char_boundary(text, 99), text.len());
        assert_eq!(floor_char_boundary(text, 99), text.len());
    }
}
