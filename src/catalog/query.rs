//! `Query::parse`: the one place that turns what a user typed into a query.
//!
//! Accepted forms: a code name (`SlowDown`, `slowdown`, `"Request has
//! expired"`, an alias such as `BadRquest`), a numeric code (`-46618`,
//! `1020`: negative, or four digits and more), an HTTP status (`404`) or
//! class (`4xx`), and a prefix (`NoSuch*`).

use std::fmt;

/// The longest query accepted. The longest code in the catalogue is under
/// 40 characters; anything far longer is a paste gone wrong.
pub const MAX_QUERY_LEN: usize = 256;

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// A code name or alias, compared by [`fold`].
    Name(String),
    /// A numeric code.
    Number(i64),
    /// An HTTP status.
    Status(u16),
    /// An HTTP status class: 3, 4 or 5 for `3xx`, `4xx`, `5xx`.
    StatusClass(u16),
    /// A name prefix, compared by [`fold`].
    Prefix(String),
}

/// Why a query was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvalidQuery {
    Empty,
    TooLong(usize),
    ControlCharacter,
}

impl fmt::Display for InvalidQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvalidQuery::Empty => {
                f.write_str("empty query: give a code name, number or HTTP status")
            }
            InvalidQuery::TooLong(n) => write!(
                f,
                "query is {n} characters long; the limit is {MAX_QUERY_LEN}"
            ),
            InvalidQuery::ControlCharacter => f.write_str("query contains a control character"),
        }
    }
}

impl std::error::Error for InvalidQuery {}

impl Query {
    /// Parses a query. With `prefix`, a name is taken as a prefix even
    /// without a trailing `*`.
    pub fn parse(input: &str, prefix: bool) -> Result<Query, InvalidQuery> {
        let chars = input.chars().count();
        if chars > MAX_QUERY_LEN {
            return Err(InvalidQuery::TooLong(chars));
        }
        if input.chars().any(char::is_control) {
            return Err(InvalidQuery::ControlCharacter);
        }
        let s = input.trim();
        if s.is_empty() {
            return Err(InvalidQuery::Empty);
        }
        if let Some(stem) = s.strip_suffix('*') {
            return Ok(Query::Prefix(fold(stem)));
        }
        if prefix {
            return Ok(Query::Prefix(fold(s)));
        }
        let bytes = s.as_bytes();
        if bytes.len() == 3
            && (b'3'..=b'5').contains(&bytes[0])
            && bytes[1..].iter().all(|b| b.eq_ignore_ascii_case(&b'x'))
        {
            return Ok(Query::StatusClass(u16::from(bytes[0] - b'0')));
        }
        let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            if digits.len() == 3
                && !s.starts_with(['-', '+'])
                && let Ok(status) = digits.parse()
            {
                return Ok(Query::Status(status));
            }
            // Too many digits for an i64 is still a number, just one that
            // matches nothing; saturate rather than refuse it.
            let n = s.parse::<i64>().unwrap_or(if s.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            });
            return Ok(Query::Number(n));
        }
        Ok(Query::Name(fold(s)))
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Query::Name(n) => f.write_str(n),
            Query::Number(n) => write!(f, "{n}"),
            Query::Status(s) => write!(f, "HTTP {s}"),
            Query::StatusClass(c) => write!(f, "HTTP {c}xx"),
            Query::Prefix(p) => write!(f, "{p}*"),
        }
    }
}

/// The form names are compared in: lower case, letters and digits only, so
/// that `slowdown`, `SLOW_DOWN` and `Request-has-expired` find their codes.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Every code `decode` meets is folded: bytes, not chars.
        let mut out = String::with_capacity(s.len());
        out.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return out;
    }
    folded(s).collect()
}

/// Whether `name` folds to `folded_query`, without allocating: a lookup
/// compares every name of the catalogue, and allocating a folded copy of
/// each cost a third of a whole `coserr lookup` run.
pub fn fold_eq(name: &str, folded_query: &str) -> bool {
    folded(name).eq(folded_query.chars())
}

/// Whether `name`, folded, starts with `folded_stem`.
pub fn fold_starts_with(name: &str, folded_stem: &str) -> bool {
    let mut chars = folded(name);
    folded_stem.chars().all(|c| chars.next() == Some(c))
}

/// The characters of `s` in folded form. Codes are ASCII, so that case
/// skips the Unicode tables.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(|c| {
        let (ascii, other) = if c.is_ascii() {
            (
                c.is_ascii_alphanumeric().then(|| c.to_ascii_lowercase()),
                None,
            )
        } else {
            (None, c.is_alphanumeric().then(|| c.to_lowercase()))
        };
        ascii.into_iter().chain(other.into_iter().flatten())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        let cases = [
            ("SlowDown", Query::Name("slowdown".into())),
            ("  slowdown ", Query::Name("slowdown".into())),
            (
                "Request has expired",
                Query::Name("requesthasexpired".into()),
            ),
            ("-46618", Query::Number(-46618)),
            ("1020", Query::Number(1020)),
            ("+1020", Query::Number(1020)),
            ("404", Query::Status(404)),
            ("-404", Query::Number(-404)),
            ("4xx", Query::StatusClass(4)),
            ("5XX", Query::StatusClass(5)),
            ("6xx", Query::Name("6xx".into())),
            ("NoSuch*", Query::Prefix("nosuch".into())),
            ("42", Query::Number(42)),
            ("99999999999999999999999", Query::Number(i64::MAX)),
            ("-99999999999999999999999", Query::Number(i64::MIN)),
        ];
        for (input, expected) in cases {
            assert_eq!(Query::parse(input, false), Ok(expected), "{input:?}");
        }
        assert_eq!(
            Query::parse("NoSuch", true),
            Ok(Query::Prefix("nosuch".into()))
        );
    }

    #[test]
    fn folds_case_and_punctuation_away() {
        assert_eq!(fold("Request has expired"), "requesthasexpired");
        assert_eq!(fold("SLOW_DOWN"), "slowdown");
        assert_eq!(fold("ÄÖ-x"), "äöx");
        assert!(fold_eq(
            "IncorrectNumberOfFilesInPost Request",
            "incorrectnumberoffilesinpostrequest"
        ));
        assert!(!fold_eq("NoSuchKey", "nosuchke"));
        assert!(!fold_eq("NoSuchKe", "nosuchkey"));
        assert!(fold_starts_with("NoSuchKey", "nosuch"));
        assert!(fold_starts_with("NoSuchKey", ""));
        assert!(!fold_starts_with("NoSu", "nosuch"));
    }

    #[test]
    fn refuses_bad_input() {
        assert_eq!(Query::parse("", false), Err(InvalidQuery::Empty));
        assert_eq!(
            Query::parse(" \t ", false),
            Err(InvalidQuery::ControlCharacter)
        );
        assert_eq!(Query::parse("   ", false), Err(InvalidQuery::Empty));
        assert_eq!(
            Query::parse("a\u{7}b", false),
            Err(InvalidQuery::ControlCharacter)
        );
        let long = "x".repeat(10_000);
        assert_eq!(
            Query::parse(&long, false),
            Err(InvalidQuery::TooLong(10_000))
        );
    }
}
