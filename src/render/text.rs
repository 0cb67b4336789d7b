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

/// Whether `entries` are several meanings of one code (AccessDenied in
/// COS, CI and OBS; -3006 in two CI sections), not several codes.
pub fn one_code(entries: &[&Entry]) -> bool {
    let Some(first) = entries.first() else {
        return false;
    };
    entries.iter().all(|e| match (e.code(), first.code()) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        (None, None) => e.number == first.number,
        _ => false,
    })
}

/// The order in which one code's meanings are shown: COS, then OBS, then
/// CI, and within CI its XML API before its processing sections. The
/// names that several providers share are S3-style object-storage API
/// codes: COS's meaning is the one coserr is first of all for, and OBS's
/// is the same API's in Huawei's object store, which any OBS request can
/// get. CI's meanings are narrower, met only in its image, moderation and
/// media features, so they come last rather than between the two stores.
fn meaning_rank(e: &Entry) -> (u8, coserr::catalog::Section) {
    let provider = match e.provider {
        coserr::catalog::Provider::Cos => 0,
        coserr::catalog::Provider::Obs => 1,
        coserr::catalog::Provider::Ci => 2,
    };
    (provider, e.section)
}

/// Several meanings of one code, each with what to do, most common first:
/// a heading line and two short paragraphs a meaning.
pub fn meanings(out: &mut impl Write, entries: &[&Entry], look: &Look) -> io::Result<()> {
    let p = &look.palette;
    let w = look.width.map(|w| w.min(100));
    let mut sorted = entries.to_vec();
    sorted.sort_by_key(|e| meaning_rank(e));
    let name = entries
        .first()
        .map(|e| e.code().map_or_else(|| title(e), str::to_owned));
    writeln!(
        out,
        "{}: {} meanings",
        name.unwrap_or_default().style(p.code),
        entries.len()
    )?;
    for e in sorted {
        writeln!(out)?;
        let mut head = vec![
            e.provider.as_str().to_ascii_uppercase(),
            e.section.title().to_owned(),
        ];
        head.extend(status(e).map(|s| format!("HTTP {s}")));
        head.extend(e.number.map(|n| format!("code {n}")));
        let retry = if e.retryable {
            "retry: yes".style(p.good)
        } else {
            "retry: no".style(p.bad)
        };
        writeln!(out, "{} · {retry}", head.join(" · ").style(p.heading))?;
        let (text, fell_back) = description(e, look.lang);
        let marker = if fell_back { "[en] " } else { "" };
        writeln!(out, "{}", wrap(&format!("{marker}{text}"), "    ", w))?;
        let marker = if look.lang == Lang::Zh { " [en]" } else { "" };
        let advice = format!("What to do{marker}: {}", e.advice());
        writeln!(out, "{}", wrap(&advice, "    ", w))?;
    }
    Ok(())
}
