//! Checking a regex replacement template (`$1`, `${name}`, `$$`) against the groups of its
//! pattern before any article is read. The regex crate reads `$1or` as the group *named*
//! `1or` and expands a group that does not exist to nothing, so an unchecked template
//! deletes copy instead of correcting it.

use regex_automata::PatternID;
use regex_automata::meta::Regex;

/// Why a template cannot be used with its pattern.
#[derive(Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// What is wrong.
    pub message: String,
    /// How to write it instead, when that is clear.
    pub help: Option<String>,
}

/// Every group reference of `template` must name a group `regex` has.
pub fn check_template(regex: &Regex, template: &str) -> Result<(), TemplateError> {
    let info = regex.group_info();
    let groups = info.group_len(PatternID::ZERO);
    let names: Vec<&str> = info.pattern_names(PatternID::ZERO).flatten().collect();
    let bytes = template.as_bytes();
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'$', &bytes[at..]) {
        let dollar = at + offset;
        let rest = &template[dollar + 1..];
        if rest.starts_with('$') {
            at = dollar + 2;
            continue;
        }
        let (name, braced, len) = if let Some(inner) = rest.strip_prefix('{') {
            match inner.find('}') {
                Some(close) => (&inner[..close], true, close + 2),
                // The regex crate writes an unclosed `${` as it stands.
                None => {
                    at = dollar + 1;
                    continue;
                }
            }
        } else {
            let len = rest
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            (&rest[..len], false, len)
        };
        at = dollar + 1 + len;
        if name.is_empty() && !braced {
            continue;
        }
        if let Ok(index) = name.parse::<usize>() {
            if index < groups {
                continue;
            }
            return Err(TemplateError {
                message: format!(
                    "`{}` refers to group {index}, but the pattern has {}",
                    &template[dollar..at],
                    match groups - 1 {
                        0 => "no groups".to_string(),
                        1 => "only group 1".to_string(),
                        n => format!("groups 1 to {n}"),
                    }
                ),
                help: None,
            });
        }
        if names.contains(&name) {
            continue;
        }
        let digits = name.bytes().take_while(u8::is_ascii_digit).count();
        let help = (!braced && digits > 0)
            .then(|| name[..digits].parse::<usize>().ok())
            .flatten()
            .filter(|index| *index < groups)
            .map(|index| {
                format!(
                    "write `${{{index}}}{}` for group {index} followed by \"{}\"",
                    &name[digits..],
                    &name[digits..]
                )
            });
        return Err(TemplateError {
            message: format!(
                "`{}` refers to a group named `{name}`, which the pattern does not have",
                &template[dollar..at]
            ),
            help: help.or_else(|| {
                (!names.is_empty()).then(|| format!("named groups: {}", names.join(", ")))
            }),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pattern: &str, template: &str) -> Result<(), TemplateError> {
        check_template(&Regex::new(pattern).unwrap(), template)
    }

    #[test]
    fn a_digit_run_followed_by_letters_is_a_name() {
        let err = check(r"\b(\w+)our\b", "$1or").unwrap_err();
        assert!(err.message.contains("group named `1or`"), "{err:?}");
        assert_eq!(
            err.help.as_deref(),
            Some("write `${1}or` for group 1 followed by \"or\"")
        );
        assert_eq!(check(r"\b(\w+)our\b", "${1}or"), Ok(()));
    }

    #[test]
    fn missing_groups_are_refused() {
        assert!(
            check(r"(a)(b)", "$9")
                .unwrap_err()
                .message
                .contains("groups 1 to 2")
        );
        assert!(
            check(r"ab", "$1")
                .unwrap_err()
                .message
                .contains("no groups")
        );
        let err = check(r"(?P<word>a)", "${nope}").unwrap_err();
        assert!(err.message.contains("`nope`"), "{err:?}");
        assert_eq!(err.help.as_deref(), Some("named groups: word"));
        assert_eq!(check(r"(?P<word>a)", "$word and ${word}s"), Ok(()));
    }

    #[test]
    fn dollars_that_are_not_references_pass() {
        assert_eq!(check(r"\d+ dollars", "$$5"), Ok(()));
        assert_eq!(check(r"x", "costs $ 5"), Ok(()));
        assert_eq!(check(r"x", "${unclosed"), Ok(()));
        assert_eq!(check(r"x", "$0!"), Ok(()));
    }
}
