//! Output of a signature check: the verdict, what it means, the two
//! canonical strings aligned with the difference marked, and what was and
//! was not checked; or its JSON object.

use std::io::{self, Write};

use owo_colors::OwoColorize;

use coserr::signature::{Report, Strings, Verdict};

use super::{Look, json, width, wrap};

fn verdict_title(v: Verdict) -> &'static str {
    match v {
        Verdict::RequestDiffers => "the server checked another request than the one shown",
        Verdict::SignedOtherRequest => "the client signed another request than it sent",
        Verdict::KeyNotForAccessKey => {
            "signed correctly, with a key the service does not hold for this access key"
        }
        Verdict::DifferentKey => "signed with another key",
        Verdict::Expired => "the signature had expired",
        Verdict::NotYetValid => "the signature was not yet valid",
        Verdict::StringsAgree => "the request as sent is what the server checked",
        Verdict::Undetermined => "could not be checked",
    }
}

/// Writes the check, indented under an error.
pub fn text(out: &mut impl Write, r: &Report, look: &Look) -> io::Result<()> {
    let p = &look.palette;
    let w = look.width.map(|w| w.min(100));
    let style = match r.verdict {
        Verdict::StringsAgree => p.good,
        Verdict::Undetermined => p.warn,
        _ => p.bad,
    };
    writeln!(
        out,
        "  {:<11} {}",
        "Signature".style(p.label),
        verdict_title(r.verdict).style(style)
    )?;
    let scheme = r
        .scheme
        .map_or(String::new(), |s| format!("{}. ", s.title()));
    writeln!(
        out,
        "{}",
        wrap(&format!("{scheme}{}", r.summary), "    ", w)
    )?;
    if let Some(s) = &r.strings {
        aligned(out, s, look)?;
    }
    if let Some(k) = &r.key_source {
        writeln!(out, "    {} {k}", "Key from:".style(p.label))?;
    }
    for (label, items) in [("Checked:", &r.checked), ("Missing:", &r.missing)] {
        if items.is_empty() {
            continue;
        }
        writeln!(out, "    {}", label.style(p.label))?;
        for item in items {
            writeln!(out, "{}", bullet(item, w))?;
        }
    }
    Ok(())
}

/// `- item`, its continuation lines under its first word.
fn bullet(item: &str, w: Option<usize>) -> String {
    let text = wrap(item, "        ", w);
    format!("      - {}", text.get(8..).unwrap_or(item))
}

/// The two strings line by line: a line both share once, a line that
/// differs from each, with a caret under the first differing character.
fn aligned(out: &mut impl Write, s: &Strings, look: &Look) -> io::Result<()> {
    let p = &look.palette;
    let (la, a) = (&s.left.0, &s.left.1);
    let (lb, b) = (&s.right.0, &s.right.1);
    let label_w = la.len().max(lb.len());
    let indent = 4 + label_w + 3;
    // A pipe gets whole lines; a terminal, lines fitted to it.
    let room = look.width.map(|w| w.saturating_sub(indent).max(20));
    let (va, vb): (Vec<&str>, Vec<&str>) = (lines(a), lines(b));
    writeln!(out, "    {}", "Compared:".style(p.label))?;
    for i in 0..va.len().max(vb.len()) {
        let x = va.get(i).copied();
        let y = vb.get(i).copied();
        if x == y {
            let line = x.unwrap_or_default();
            let shown = fit(line, 0, room).0;
            writeln!(out, "    {:>label_w$} │ {}", "", shown.style(p.dim))?;
            continue;
        }
        let (x, y) = (x.unwrap_or("(no line)"), y.unwrap_or("(no line)"));
        let at = x
            .char_indices()
            .zip(y.chars())
            .find(|((_, c1), c2)| c1 != c2)
            .map_or(x.len().min(y.len()), |((i, _), _)| i);
        let at_y = y
            .char_indices()
            .nth(x[..at].chars().count())
            .map_or(y.len(), |(i, _)| i);
        let (fx, cx) = fit(x, at, room);
        let (fy, _) = fit(y, at_y, room);
        writeln!(out, "    {la:>label_w$} │ {}", fx.style(p.bad))?;
        writeln!(out, "    {lb:>label_w$} │ {}", fy.style(p.good))?;
        writeln!(
            out,
            "    {:>label_w$} │ {}{}",
            "",
            " ".repeat(cx),
            "^".style(p.warn)
        )?;
    }
    Ok(())
}

/// The lines of a canonical string; a final line end makes no line.
fn lines(s: &str) -> Vec<&str> {
    let s = s.strip_suffix('\n').unwrap_or(s);
    s.split('\n').collect()
}

/// `line` fitted into `room` columns around byte `at`, with `…` where it
/// was cut; and the column `at` lands on.
fn fit(line: &str, at: usize, room: Option<usize>) -> (String, usize) {
    let col = width(&line[..at]);
    let Some(room) = room else {
        return (line.to_owned(), col);
    };
    if width(line) <= room {
        return (line.to_owned(), col);
    }
    // Start so that the difference sits a third of the way in.
    let lead = room / 3;
    let mut start = 0;
    if col > lead {
        let skip = col - lead;
        let mut seen = 0;
        for (i, c) in line.char_indices() {
            if seen >= skip {
                start = i;
                break;
            }
            seen += width(c.encode_utf8(&mut [0; 4]));
        }
    }
    let mut out = String::new();
    let mut used = 0;
    if start > 0 {
        out.push('…');
        used += 1;
    }
    let caret = used + width(&line[start..at.max(start)]);
    for c in line[start..].chars() {
        let cw = width(c.encode_utf8(&mut [0; 4]));
        if used + cw + 1 > room {
            out.push('…');
            break;
        }
        out.push(c);
        used += cw;
    }
    (out, caret)
}

/// The `signature` object of `decode --json`, or `null`.
pub fn json(out: &mut impl Write, r: Option<&Report>) -> io::Result<()> {
    let Some(r) = r else {
        return out.write_all(b"null");
    };
    out.write_all(b"{\"verdict\":")?;
    json::string(out, r.verdict.as_str())?;
    out.write_all(b",\"first_difference\":")?;
    match &r.first_difference {
        Some(d) => {
            out.write_all(b"{\"part\":")?;
            json::string(out, d.part)?;
            out.write_all(b",\"name\":")?;
            json::string(out, &d.name)?;
            out.write_all(b",\"sent\":")?;
            json::string(out, &d.sent)?;
            if r.verdict == Verdict::SignedOtherRequest {
                out.write_all(b",\"signed\":")?;
            } else {
                out.write_all(b",\"expected\":")?;
            }
            json::string(out, &d.other)?;
            out.write_all(b"}")?;
        }
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"checked\":")?;
    json::strings(out, r.checked.iter().map(String::as_str))?;
    out.write_all(b",\"missing\":")?;
    json::strings(out, r.missing.iter().map(String::as_str))?;
    out.write_all(b",\"key_source\":")?;
    json::opt_string(out, r.key_source.as_deref())?;
    out.write_all(b"}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_cut_around_the_difference() {
        let line = format!("{}X{}", "a".repeat(100), "b".repeat(100));
        let (s, col) = fit(&line, 100, Some(40));
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(s.chars().nth(col), Some('X'));
        assert!(width(&s) <= 40);
        let (whole, col) = fit(&line, 100, None);
        assert_eq!((whole.len(), col), (201, 100));
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let (s, col) = fit("/页面_1.png", 7, Some(40));
        assert_eq!((s.as_str(), col), ("/页面_1.png", 5));
    }
}
