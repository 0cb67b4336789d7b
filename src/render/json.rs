//! JSON Lines output. Objects are written field by field so that the field
//! order is the documented one (serde_json's map would sort the keys).

use std::io::{self, Write};

use coserr::catalog::Entry;

/// Writes a JSON string literal.
pub fn string(out: &mut impl Write, s: &str) -> io::Result<()> {
    // Most strings need no escape: copied whole, they skip serde_json's
    // per-chunk writes (a twentieth of `decode --json`).
    let needs_escape =
        coserr::decode::any_byte(s.as_bytes(), |b| (b < 0x20) | (b == b'"') | (b == b'\\'));
    if !needs_escape {
        out.write_all(b"\"")?;
        out.write_all(s.as_bytes())?;
        return out.write_all(b"\"");
    }
    serde_json::to_writer(&mut *out, s).map_err(io::Error::from)
}

/// Writes a string, or `null`.
pub fn opt_string(out: &mut impl Write, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => string(out, s),
        None => out.write_all(b"null"),
    }
}

/// Writes an integer, digit by digit (`write!` goes through the
/// formatting machinery: a few per error add up in `decode --json`).
pub fn int(out: &mut impl Write, n: impl Into<i64>) -> io::Result<()> {
    let n: i64 = n.into();
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    let mut v = n.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    if n < 0 {
        out.write_all(b"-")?;
    }
    out.write_all(&buf[at..])
}

/// Writes an integer, or `null`.
pub fn opt_int(out: &mut impl Write, n: Option<impl Into<i64>>) -> io::Result<()> {
    match n {
        Some(n) => int(out, n),
        None => out.write_all(b"null"),
    }
}

/// Writes `true` or `false`.
pub fn boolean(out: &mut impl Write, b: bool) -> io::Result<()> {
    out.write_all(if b { b"true" } else { b"false" })
}

/// Writes an array of strings.
pub fn strings<'a>(
    out: &mut impl Write,
    items: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        string(out, s)?;
    }
    out.write_all(b"]")
}

/// Writes one catalogue entry as an object with exactly the fields of
/// data/README.md, in that order (rendered at build time).
pub fn entry(out: &mut impl Write, e: &Entry) -> io::Result<()> {
    out.write_all(e.json().as_bytes())
}

/// Writes an array of entries.
pub fn entries(out: &mut impl Write, items: &[&Entry]) -> io::Result<()> {
    out.write_all(b"[")?;
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        entry(out, e)?;
    }
    out.write_all(b"]")
}

/// One line of `lookup --json`: `{"query", "matches", "suggestions"}`.
pub fn lookup_line(
    out: &mut impl Write,
    query: &str,
    matches: &[&Entry],
    suggestions: &[String],
) -> io::Result<()> {
    out.write_all(b"{\"query\":")?;
    string(out, query)?;
    out.write_all(b",\"matches\":")?;
    entries(out, matches)?;
    out.write_all(b",\"suggestions\":")?;
    strings(out, suggestions.iter().map(String::as_str))?;
    out.write_all(b"}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_as_display_writes_them() {
        for n in [
            0,
            7,
            -7,
            10,
            99,
            100,
            403,
            65_535,
            -46_618,
            i64::MIN,
            i64::MAX,
        ] {
            let mut out = Vec::new();
            int(&mut out, n).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
        let mut out = Vec::new();
        opt_int(&mut out, None::<u16>).unwrap();
        opt_int(&mut out, Some(404u16)).unwrap();
        boolean(&mut out, true).unwrap();
        boolean(&mut out, false).unwrap();
        assert_eq!(out, b"null404truefalse");
    }

    #[test]
    fn strings_round_trip() {
        for s in [
            "",
            "plain NoSuchKey",
            "quote \" and backslash \\",
            "line\nbreak\ttab\u{1}\u{1f}",
            "中文 ünïcödé \u{2028}",
        ] {
            let mut out = Vec::new();
            string(&mut out, s).unwrap();
            let back: String = serde_json::from_slice(&out).unwrap();
            assert_eq!(back, s);
        }
    }
}
