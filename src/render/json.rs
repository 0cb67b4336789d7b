//! JSON Lines output. Objects are written field by field so that the field
//! order is the documented one (serde_json's map would sort the keys).

use std::io::{self, Write};

use coserr::catalog::Entry;

/// Writes a JSON string literal.
pub fn string(out: &mut impl Write, s: &str) -> io::Result<()> {
    serde_json::to_writer(&mut *out, s).map_err(io::Error::from)
}

/// Writes a string, or `null`.
pub fn opt_string(out: &mut impl Write, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => string(out, s),
        None => out.write_all(b"null"),
    }
}

/// Writes a number, or `null`.
pub fn opt_number(out: &mut impl Write, n: Option<impl std::fmt::Display>) -> io::Result<()> {
    match n {
        Some(n) => write!(out, "{n}"),
        None => out.write_all(b"null"),
    }
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
