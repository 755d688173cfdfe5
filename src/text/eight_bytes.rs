//! Eight bytes at a time: which ASCII bytes of a word-sized chunk lie in a range, so that
//! the scanners over every byte of an article (words, capitalised words, dates) skip the
//! bytes they do not want in one step instead of eight.

/// One in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte: set in the bytes that are not ASCII.
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes at `at` as one number (the first byte lowest), if there are eight.
#[inline]
pub fn chunk(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at + 8)?;
    Some(u64::from_le_bytes(chunk.try_into().expect("eight bytes")))
}

/// The high bit of each ASCII byte of `x` that lies in `lo..=hi` (both ASCII).
#[inline]
pub fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    // For 7-bit bytes `y`, `y + (0x80 - lo)` has its high bit set when `y >= lo`, and
    // `y + (0x7F - hi)` when `y > hi`; neither sum carries into the next byte.
    let y = x & !HIGH;
    y.wrapping_add(u64::from(0x80 - lo) * ONES)
        & !y.wrapping_add(u64::from(0x7F - hi) * ONES)
        & !x
        & HIGH
}

/// The place in its chunk of the first byte a mask of high bits marks.
#[inline]
pub fn first_marked(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// The first byte at or after `at` in `lo..=hi` (an ASCII range), or the end.
pub fn next_in_range(bytes: &[u8], mut at: usize, lo: u8, hi: u8) -> usize {
    while let Some(x) = chunk(bytes, at) {
        let found = in_range(x, lo, hi);
        if found != 0 {
            return at + first_marked(found);
        }
        at += 8;
    }
    bytes[at..]
        .iter()
        .position(|b| (lo..=hi).contains(b))
        .map_or(bytes.len(), |i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_in_range_finds_the_first_such_byte() {
        for byte in 0..=255u8 {
            for place in 0..12 {
                let mut bytes = vec![b'q'; 12];
                bytes[place] = byte;
                let expected = if byte.is_ascii_uppercase() { place } else { 12 };
                assert_eq!(next_in_range(&bytes, 0, b'A', b'Z'), expected, "{byte:#x}");
            }
        }
    }

    #[test]
    fn in_range_marks_the_capitals_and_no_byte_beyond_ascii() {
        for byte in 0..=255u8 {
            for place in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[place] = byte;
                bytes[(place + 3) % 8] = byte.wrapping_add(0x80);
                let found = in_range(u64::from_le_bytes(bytes), b'A', b'Z');
                let expected = bytes.iter().enumerate().fold(0u64, |mask, (i, b)| {
                    mask | (u64::from(b.is_ascii_uppercase()) << (8 * i + 7))
                });
                assert_eq!(found, expected, "{byte:#x} at {place}");
            }
        }
    }
}
