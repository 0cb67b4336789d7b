//! The `rustc --explain`-like view of one entry.

use std::io::{self, Write};

use owo_colors::OwoColorize;

use coserr::catalog::Entry;

use super::{Lang, Look, Palette, wrap};

/// The description in the chosen language, and whether it fell back to
/// English because the documents give no Chinese text.
pub fn description(e: &Entry, lang: Lang) -> (&'static str, bool) {
    match (lang, e.description_zh()) {
        (Lang::Zh, Some(zh)) => (zh, false),
        (Lang::Zh, None) => (e.description(), true),
        (Lang::En, _) => (e.description(), false),
    }
}

/// The heading line: code, number, provider and section.
pub fn title(e: &Entry) -> String {
    match (e.code(), e.number) {
        (Some(code), Some(n)) => format!("{code} ({n})"),
        (Some(code), None) => code.to_owned(),
        (None, Some(n)) => n.to_string(),
        (None, None) => String::new(),
    }
}

/// The HTTP status with its reason phrase.
pub fn status(e: &Entry) -> Option<String> {
    e.status.map(|s| match e.status_text() {
        Some(t) => format!("{s} {t}"),
        None => s.to_string(),
    })
}

/// Whether retrying can help, in words.
pub fn retry(e: &Entry, p: &Palette) -> String {
    if e.retryable {
        "yes, the same request may succeed later"
            .style(p.good)
            .to_string()
    } else {
        "no, change the request or the setup first"
            .style(p.bad)
            .to_string()
    }
}

/// Writes one entry in full.
pub fn explain(out: &mut impl Write, e: &Entry, look: &Look) -> io::Result<()> {
    let p = &look.palette;
    let w = look.width.map(|w| w.min(100));
    writeln!(
        out,
        "{}  {}",
        title(e).style(p.code),
        format!("{} · {}", e.provider.title(), e.section.title()).style(p.heading)
    )?;
    if let Some(status) = status(e) {
        writeln!(out, "{} {}", "HTTP status:".style(p.label), status)?;
    }
    writeln!(out, "{} {}", "Retryable:".style(p.label), retry(e, p))?;
    writeln!(out)?;
    let (text, fell_back) = description(e, look.lang);
    writeln!(out, "{}", wrap(text, "    ", w))?;
    if fell_back {
        writeln!(
            out,
            "    {}",
            "[en: the documents give no Chinese text]".style(p.dim)
        )?;
    }
    if e.messages().len() > 0 {
        writeln!(out)?;
        writeln!(out, "{}", "Server messages:".style(p.label))?;
        for m in e.messages() {
            match m.description {
                Some(d) => writeln!(out, "    \"{}\": {d}", m.message)?,
                None => writeln!(out, "    \"{}\"", m.message)?,
            }
        }
    }
    writeln!(out)?;
    let marker = if look.lang == Lang::Zh { " [en]" } else { "" };
    writeln!(out, "{}{marker}", "What to do:".style(p.label))?;
    writeln!(out, "{}", wrap(e.advice(), "    ", w))?;
    if e.aliases().len() > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            "Also spelled:".style(p.label),
            e.aliases().collect::<Vec<_>>().join(", ")
        )?;
    }
    if e.docs().len() > 0 {
        writeln!(out)?;
        writeln!(out, "{}", "Documentation:".style(p.label))?;
        for url in e.docs() {
            writeln!(out, "    {}", url.style(p.link))?;
        }
    }
    Ok(())
}
