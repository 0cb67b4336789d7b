//! Error bodies printed inside string literals: a JSON log field, a
//! JavaScript or Python `repr`, a Ruby `inspect`, a Java `"..." +` line.
//! [`unescape_view`] undoes the backslash escapes (`\n`, `\"`, `\t`,
//! `\u003c`, `\x3c`, ...) so the XML and label readers see the text as it
//! was sent, twice over for a string escaped inside another string.

use std::borrow::Cow;

/// Whether `s` holds escapes worth undoing: an escaped quote, or a `\n`,
/// `\t`, `\r` or `\u003c`-style escape.
pub fn has_escapes(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'\\', b).any(|i| {
        matches!(
            b.get(i + 1),
            Some(b'n' | b't' | b'r' | b'"' | b'\'' | b'u' | b'x' | b'/')
        )
    })
}

/// The text with backslash escapes undone, up to three levels deep;
/// borrowed when there were none.
pub fn unescape_view(s: &str) -> Cow<'_, str> {
    if !has_escapes(s) {
        return Cow::Borrowed(s);
    }
    let mut cur = unescape_once(s);
    for _ in 0..2 {
        if !has_escapes(&cur) {
            break;
        }
        let next = unescape_once(&cur);
        cur = next;
    }
    Cow::Owned(cur)
}

fn hex_val(s: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in s {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

/// One level of C-family string escapes. Unknown escapes are kept as
/// written: `C:\dir` should survive.
fn unescape_once(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'\\', &b[i..]) {
        let at = i + p;
        out.push_str(&s[last..at]);
        let next = b.get(at + 1).copied();
        let (text, len): (Option<char>, usize) = match next {
            Some(b'n') => (Some('\n'), 2),
            Some(b't') => (Some('\t'), 2),
            Some(b'r') => (Some('\r'), 2),
            Some(b'"') => (Some('"'), 2),
            Some(b'\'') => (Some('\''), 2),
            Some(b'\\') => (Some('\\'), 2),
            Some(b'/') => (Some('/'), 2),
            Some(b'u') => match b.get(at + 2..at + 6).and_then(hex_val) {
                Some(hi @ 0xD800..=0xDBFF) => {
                    // A surrogate pair: `\ud83d\ude00`.
                    let lo = (b.get(at + 6) == Some(&b'\\') && b.get(at + 7) == Some(&b'u'))
                        .then(|| b.get(at + 8..at + 12).and_then(hex_val))
                        .flatten()
                        .filter(|lo| (0xDC00..=0xDFFF).contains(lo));
                    match lo {
                        Some(lo) => {
                            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            (char::from_u32(c), 12)
                        }
                        None => (Some(char::REPLACEMENT_CHARACTER), 6),
                    }
                }
                Some(v) => (
                    Some(char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER)),
                    6,
                ),
                None => (None, 1),
            },
            Some(b'x') => match b.get(at + 2..at + 4).and_then(hex_val) {
                Some(v) if v < 0x80 => (char::from_u32(v), 4),
                _ => (None, 1),
            },
            _ => (None, 1),
        };
        match text {
            Some(c) => out.push(c),
            None => out.push('\\'),
        }
        i = at + len;
        last = i;
    }
    out.push_str(&s[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_string() {
        let s = r#"{"msg":"<?xml version=\"1.0\"?>\n<Error>\n\t<Code>NoSuchKey</Code>\n</Error>"}"#;
        assert_eq!(
            unescape_view(s),
            "{\"msg\":\"<?xml version=\"1.0\"?>\n<Error>\n\t<Code>NoSuchKey</Code>\n</Error>\"}"
        );
    }

    #[test]
    fn go_json_escapes_angle_brackets() {
        assert_eq!(unescape_view(r"\u003cError\u003e\u0026"), "<Error>&");
        assert_eq!(unescape_view(r"\ud83d\ude00"), "😀");
    }

    #[test]
    fn python_bytes_repr() {
        assert_eq!(
            unescape_view(r"b'<?xml version=\'1.0\'?>\n<Error>'"),
            "b'<?xml version='1.0'?>\n<Error>'"
        );
        assert_eq!(unescape_view(r"\x3cError\x3e"), "<Error>");
    }

    #[test]
    fn double_escaped() {
        assert_eq!(unescape_view(r#"\\\"a\\\"\\n<Error>"#), "\"a\"\n<Error>");
    }

    #[test]
    fn nothing_to_do_borrows() {
        assert!(matches!(
            unescape_view("<Error><Code>X</Code></Error>"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(unescape_view(r"C:\dir\file"), Cow::Borrowed(_)));
        // A lone or unknown escape is kept.
        assert_eq!(unescape_view(r"C:\dir\n"), "C:\\dir\n");
        assert_eq!(unescape_view(r#"\uZZZZ \"x"#), "\\uZZZZ \"x");
    }
}
