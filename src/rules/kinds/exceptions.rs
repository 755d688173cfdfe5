//! A rule's `exceptions`: the contexts in which one of its matches is no fault, searched
//! only where the rule matched.

use std::ops::Range;

use crate::rules::lazy_regex::LazyRegex;

/// Drop the matches `(unit index, absolute span)` that overlap a match of one of the
/// `exceptions`, searched in the match's own unit. Exceptions run only on units that hold
/// a match, which few do, and in order only until every match of the unit is excused: a
/// later exception is then neither searched nor compiled.
pub(crate) fn drop_exceptions(
    exceptions: &[LazyRegex],
    units: &[crate::lint::Unit],
    found: &mut Vec<(usize, Range<usize>)>,
) {
    if exceptions.is_empty() || found.is_empty() {
        return;
    }
    let mut keep = vec![true; found.len()];
    let mut start = 0;
    while start < found.len() {
        // The matches of one unit are next to each other: they are found unit by unit.
        let index = found[start].0;
        let end = start + found[start..].iter().take_while(|f| f.0 == index).count();
        let unit = &units[index];
        let mut left = end - start;
        'exceptions: for exception in exceptions {
            for m in exception.find_iter(unit.text) {
                let excused = unit.absolute(m.range());
                for (kept, (_, span)) in keep[start..end].iter_mut().zip(&found[start..end]) {
                    if *kept && excused.start < span.end && span.start < excused.end {
                        *kept = false;
                        left -= 1;
                    }
                }
                if left == 0 {
                    break 'exceptions;
                }
            }
        }
        start = end;
    }
    let mut kept = keep.into_iter();
    found.retain(|_| kept.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exceptions_run_in_order_until_every_match_is_excused() {
        use crate::lint::Unit;
        let text = "the stated aim; it stated facts";
        let units = [
            Unit {
                offset: 100,
                text: &text[..15],
            },
            Unit {
                offset: 116,
                text: &text[16..],
            },
        ];
        let exceptions = [
            LazyRegex::deferred(r"\bthe\s+stated".to_string(), false),
            LazyRegex::deferred(r"\bstated\s+facts".to_string(), false),
            LazyRegex::deferred(r"never".to_string(), false),
        ];
        // "stated" in the first unit is excused by the first exception; the second unit's
        // "it" by none, its "stated" by the second.
        let mut found = vec![(0, 104..110), (1, 116..118), (1, 119..125)];
        drop_exceptions(&exceptions, &units, &mut found);
        assert_eq!(found, [(1, 116..118)]);
        assert!(exceptions[2].is_built(), "the second unit kept a match");
        let mut found = vec![(0, 104..110)];
        let fresh = [
            LazyRegex::deferred(r"\bthe\s+stated".to_string(), false),
            LazyRegex::deferred(r"never".to_string(), false),
        ];
        drop_exceptions(&fresh, &units, &mut found);
        assert!(found.is_empty());
        assert!(!fresh[1].is_built(), "nothing left to excuse");
    }
}
