//! Sixty-four bytes at a time: which are ASCII word bytes (letters, digits, `_`), which are
//! joiners (`'` and `-`, part of a word between two word bytes), which are spaces or
//! control bytes and which are not ASCII, one bit per byte; which are capitals or not
//! ASCII (where a capitalised word starts); and [`AsciiRuns`], the runs of word bytes of
//! ASCII text. The word scanners read every byte of every article; classifying them
//! sixteen at a time with SSE2 (part of every x86-64 processor) and then walking the words
//! with bit operations costs a fraction of looking at them one by one.

/// The classes of the bytes of a block: bit `i` is byte `i`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Classes {
    /// ASCII letters, digits and `_`.
    pub word: u64,
    /// `'` and `-`.
    pub joiner: u64,
    /// ASCII bytes up to the space (0x00..=0x20): every ASCII white space is one.
    pub space: u64,
    /// Bytes that are not ASCII.
    pub high: u64,
}

/// The bytes a block holds.
pub const BLOCK: usize = 64;

/// The classes of the 64 bytes of `block`.
#[inline]
pub fn classify(block: &[u8; BLOCK]) -> Classes {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: the function only needs SSE2, which this build's target has enabled
        // (every x86-64 processor has it): the `cfg` above compiles this call only then.
        unsafe { sse2::classify(block) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        classify_bytewise(block)
    }
}

/// The classes of the 64 bytes of `bytes` from `base`, or of the last bytes padded with
/// spaces (in no class but `space`, whose bits stop at the end).
#[inline(always)]
pub fn classify_at(bytes: &[u8], base: usize) -> Classes {
    match bytes.get(base..base + BLOCK) {
        Some(block) => classify(block.try_into().expect("a block")),
        None => {
            let rest = &bytes[base..];
            let mut block = [b' '; BLOCK];
            block[..rest.len()].copy_from_slice(rest);
            let mut classes = classify(&block);
            classes.space &= (1 << rest.len()) - 1;
            classes
        }
    }
}

/// ASCII capitals and bytes that are not ASCII: where a capitalised word can start.
#[inline]
pub fn capitals_or_high(block: &[u8; BLOCK]) -> u64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: as in `classify`.
        unsafe { sse2::capitals_or_high(block) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        capitals_or_high_bytewise(block)
    }
}

/// The bytes of `block` equal to one of `targets`: where a scanner looks for a few
/// punctuation marks too common for `memchr`, whose every find costs a return and a new
/// search.
#[inline]
pub fn equal_to_any(block: &[u8; BLOCK], targets: [u8; 3]) -> u64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: as in `classify`.
        unsafe { sse2::equal_to_any(block, targets) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        equal_to_any_bytewise(block, targets)
    }
}

/// [`equal_to_any`] one byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
pub fn equal_to_any_bytewise(block: &[u8; BLOCK], targets: [u8; 3]) -> u64 {
    block
        .iter()
        .enumerate()
        .filter(|(_, b)| targets.contains(b))
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// The first byte at or after `at` in `lo..=hi` (ASCII bounds), or the end: sixteen bytes
/// tested at a time, the place read off a bit mask (with SSE2; eight at a time without,
/// as [`crate::text::eight_bytes::next_in_range`]).
#[inline]
pub fn first_in_range(bytes: &[u8], at: usize, lo: u8, hi: u8) -> usize {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: as in `classify`.
        unsafe { sse2::first_in_range(bytes, at, lo, hi) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        crate::text::eight_bytes::next_in_range(bytes, at.min(bytes.len()), lo, hi)
    }
}

/// ASCII capitals alone.
#[inline]
pub fn capitals(block: &[u8; BLOCK]) -> u64 {
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        // SAFETY: as in `classify`.
        unsafe { sse2::capitals(block) }
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    {
        capitals_bytewise(block)
    }
}

/// [`capitals`] one byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
pub fn capitals_bytewise(block: &[u8; BLOCK]) -> u64 {
    block
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_uppercase())
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// [`capitals_or_high`] one byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
pub fn capitals_or_high_bytewise(block: &[u8; BLOCK]) -> u64 {
    block
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_ascii_uppercase() || !b.is_ascii())
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

/// The classes, one byte at a time: the definition the SSE2 path must agree with, and
/// the path on other processors.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
pub fn classify_bytewise(block: &[u8; BLOCK]) -> Classes {
    let mut classes = Classes {
        word: 0,
        joiner: 0,
        space: 0,
        high: 0,
    };
    for (i, &byte) in block.iter().enumerate() {
        let bit = 1u64 << i;
        if byte.is_ascii_alphanumeric() || byte == b'_' {
            classes.word |= bit;
        } else if byte == b'\'' || byte == b'-' {
            classes.joiner |= bit;
        } else if byte <= b' ' {
            classes.space |= bit;
        } else if !byte.is_ascii() {
            classes.high |= bit;
        }
    }
    classes
}

/// One bit per byte of `bytes[..end]` from a block classifier, read a block at a time: the
/// next byte at or after a place whose bit is (or is not) set is a bit scan of the block's
/// mask, not a test of every byte. The mask of the block last read is kept, as the next
/// place asked for is most often in it. Bytes at or past `end` have no bit.
pub struct MaskBlocks<'a, C> {
    bytes: &'a [u8],
    end: usize,
    classify: C,
    /// Where the loaded block starts.
    base: usize,
    /// The bits of the block, bit `i` for byte `base + i`.
    mask: u64,
}

impl<'a, C: Fn(&[u8; BLOCK]) -> u64> MaskBlocks<'a, C> {
    pub fn new(bytes: &'a [u8], end: usize, classify: C) -> Self {
        Self {
            bytes,
            end,
            classify,
            base: usize::MAX,
            mask: 0,
        }
    }

    /// The first place at or after `from` whose bit is `set`, or `end`.
    #[inline]
    pub fn first(&mut self, mut from: usize, set: bool) -> usize {
        loop {
            if from >= self.end {
                return self.end;
            }
            if !(self.base..self.base.saturating_add(BLOCK)).contains(&from) {
                self.load(from);
            }
            let mask = if set { self.mask } else { !self.mask };
            let ahead = mask & (!0 << (from - self.base));
            if ahead != 0 {
                return (self.base + ahead.trailing_zeros() as usize).min(self.end);
            }
            from = self.base + BLOCK;
        }
    }

    fn load(&mut self, base: usize) {
        self.base = base;
        self.mask = match self.bytes[..self.end].get(base..base + BLOCK) {
            Some(block) => (self.classify)(block.try_into().expect("a block")),
            None => {
                // The last bytes, padded with spaces (in no class a caller asks for).
                let mut block = [b' '; BLOCK];
                block[..self.end - base].copy_from_slice(&self.bytes[base..self.end]);
                (self.classify)(&block) & ((1 << (self.end - base)) - 1)
            }
        };
    }
}

/// The runs of ASCII word bytes (letters, digits, `_`) of `bytes[..end]`, where that
/// stretch is all ASCII, a block at a time ([`MaskBlocks`]): a run is two bit scans.
pub struct AsciiRuns<'a>(MaskBlocks<'a, fn(&[u8; BLOCK]) -> u64>);

impl<'a> AsciiRuns<'a> {
    pub fn new(bytes: &'a [u8], end: usize) -> Self {
        Self(MaskBlocks::new(bytes, end, |block| classify(block).word))
    }

    /// The first run of word bytes that starts at or after `from` (the rest of a run
    /// `from` is inside of), as `start..end`.
    #[inline]
    pub fn next_from(&mut self, from: usize) -> Option<std::ops::Range<usize>> {
        let start = self.0.first(from, true);
        if start == self.0.end {
            return None;
        }
        Some(start..self.0.first(start, false))
    }
}

#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128,
        _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };

    use super::{BLOCK, Classes};

    /// Sixteen bytes as one vector.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn load(bytes: &[u8]) -> __m128i {
        let sixteen: &[u8; 16] = bytes.try_into().expect("sixteen bytes");
        // SAFETY: the pointer is to 16 readable bytes; the load needs no alignment.
        unsafe { _mm_loadu_si128(sixteen.as_ptr().cast()) }
    }

    /// `lo <= x <= hi` for ASCII bounds, byte by byte. The comparisons are signed, so
    /// bytes that are not ASCII (negative) are never in range.
    #[inline]
    #[target_feature(enable = "sse2")]
    fn in_range(x: __m128i, lo: u8, hi: u8) -> __m128i {
        _mm_and_si128(
            _mm_cmpgt_epi8(x, _mm_set1_epi8(lo as i8 - 1)),
            _mm_cmplt_epi8(x, _mm_set1_epi8(hi as i8 + 1)),
        )
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn classify(block: &[u8; BLOCK]) -> Classes {
        let (mut word, mut joiner, mut space, mut high) = (0u64, 0u64, 0u64, 0u64);
        for (k, part) in block.chunks_exact(16).enumerate() {
            let x = load(part);
            // `| 0x20` folds capitals onto small letters and nothing else onto them.
            let letter = in_range(_mm_or_si128(x, _mm_set1_epi8(0x20)), b'a', b'z');
            let digit = in_range(x, b'0', b'9');
            let underscore = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'_' as i8));
            let words = _mm_or_si128(_mm_or_si128(letter, digit), underscore);
            let joiners = _mm_or_si128(
                _mm_cmpeq_epi8(x, _mm_set1_epi8(b'\'' as i8)),
                _mm_cmpeq_epi8(x, _mm_set1_epi8(b'-' as i8)),
            );
            let spaces = in_range(x, 0, b' ');
            let shift = 16 * k;
            word |= u64::from(_mm_movemask_epi8(words) as u16) << shift;
            joiner |= u64::from(_mm_movemask_epi8(joiners) as u16) << shift;
            space |= u64::from(_mm_movemask_epi8(spaces) as u16) << shift;
            high |= u64::from(_mm_movemask_epi8(x) as u16) << shift;
        }
        Classes {
            word,
            joiner,
            space,
            high,
        }
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn equal_to_any(block: &[u8; BLOCK], targets: [u8; 3]) -> u64 {
        let [a, b, c] = targets.map(|t| _mm_set1_epi8(t as i8));
        let mut found = 0u64;
        for (k, part) in block.chunks_exact(16).enumerate() {
            let x = load(part);
            let hits = _mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(x, a), _mm_cmpeq_epi8(x, b)),
                _mm_cmpeq_epi8(x, c),
            );
            found |= u64::from(_mm_movemask_epi8(hits) as u16) << (16 * k);
        }
        found
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn first_in_range(bytes: &[u8], mut at: usize, lo: u8, hi: u8) -> usize {
        while let Some(part) = bytes.get(at..at + 16) {
            let marks = _mm_movemask_epi8(in_range(load(part), lo, hi)) as u32;
            if marks != 0 {
                return at + marks.trailing_zeros() as usize;
            }
            at += 16;
        }
        let at = at.min(bytes.len());
        bytes[at..]
            .iter()
            .position(|b| (lo..=hi).contains(b))
            .map_or(bytes.len(), |i| at + i)
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn capitals(block: &[u8; BLOCK]) -> u64 {
        let mut found = 0u64;
        for (k, part) in block.chunks_exact(16).enumerate() {
            let marks = _mm_movemask_epi8(in_range(load(part), b'A', b'Z')) as u16;
            found |= u64::from(marks) << (16 * k);
        }
        found
    }

    #[inline]
    #[target_feature(enable = "sse2")]
    pub fn capitals_or_high(block: &[u8; BLOCK]) -> u64 {
        let mut found = 0u64;
        for (k, part) in block.chunks_exact(16).enumerate() {
            let x = load(part);
            let capital = in_range(x, b'A', b'Z');
            let marks = _mm_movemask_epi8(_mm_or_si128(capital, x)) as u16;
            found |= u64::from(marks) << (16 * k);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_runs_are_the_runs_of_word_bytes() {
        let text = "He said: a_1 x  ".repeat(9) + "end-of the line";
        let bytes = text.as_bytes();
        for end in [0, 1, 5, 63, 64, 65, 100, bytes.len()] {
            let mut expected = Vec::new();
            let mut at = 0;
            while at < end {
                if bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_' {
                    let start = at;
                    while at < end && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
                        at += 1;
                    }
                    expected.push(start..at);
                } else {
                    at += 1;
                }
            }
            let mut runs = AsciiRuns::new(bytes, end);
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(run) = runs.next_from(from) {
                from = run.end;
                found.push(run);
            }
            assert_eq!(found, expected, "to {end}");
        }
        // From inside a run: the rest of it; and jumping ahead past loaded blocks.
        let mut runs = AsciiRuns::new(bytes, bytes.len());
        assert_eq!(runs.next_from(4), Some(4..7));
        let far = bytes.len() - "line".len();
        assert_eq!(runs.next_from(far - 1), Some(far..bytes.len()));
        assert_eq!(runs.next_from(2), Some(3..7));
    }

    #[test]
    fn first_in_range_finds_the_first_such_byte_from_anywhere() {
        for byte in 0..=255u8 {
            for len in [0, 1, 15, 16, 17, 40] {
                for place in 0..len {
                    let mut bytes = vec![b'q'; len];
                    bytes[place] = byte;
                    for from in [0, place, place + 1, len] {
                        let expected = bytes[from.min(len)..]
                            .iter()
                            .position(u8::is_ascii_uppercase)
                            .map_or(len, |i| from + i);
                        let found = first_in_range(&bytes, from, b'A', b'Z');
                        assert_eq!(
                            found, expected,
                            "{byte:#x} at {place} of {len}, from {from}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_byte_in_every_place_is_classed_as_the_definition_says() {
        for byte in 0..=255u8 {
            for place in [0, 7, 8, 15, 16, 31, 32, 47, 48, 63] {
                let mut block = [b' '; BLOCK];
                block[place] = byte;
                block[(place + 5) % BLOCK] = byte.wrapping_mul(7);
                assert_eq!(
                    classify(&block),
                    classify_bytewise(&block),
                    "{byte:#x} at {place}"
                );
                assert_eq!(
                    capitals_or_high(&block),
                    capitals_or_high_bytewise(&block),
                    "{byte:#x} at {place}"
                );
                assert_eq!(
                    capitals(&block),
                    capitals_bytewise(&block),
                    "{byte:#x} at {place}"
                );
                let targets = [b',', byte, 0xE2];
                assert_eq!(
                    equal_to_any(&block, targets),
                    equal_to_any_bytewise(&block, targets),
                    "{byte:#x} at {place}"
                );
            }
        }
    }
}
