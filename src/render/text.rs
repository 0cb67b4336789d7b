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
            message_causes(out, &m, look)?;
        }
    }
    writeln!(out)?;
    let marker = if look.lang == Lang::Zh { " [en]" } else { "" };
    writeln!(out, "{}{marker}", "What to do:".style(p.label))?;
    writeln!(out, "{}", wrap(e.advice(), "    ", w))?;
    if let Some(t) = e.troubleshooting() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            "Causes (the provider's troubleshooting page):".style(p.label)
        )?;
        trouble(out, &t, "    ", look)?;
    }
    if e.aliases().len() > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            "Also spelled:".style(p.label),
            e.aliases().collect::<Vec<_>>().join(", ")
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} {}",
        "Source:".style(p.label),
        source(e).style(p.link)
    )?;
    if e.docs().len() > 0 {
        writeln!(out)?;
        writeln!(out, "{}", "Documentation:".style(p.label))?;
        for url in e.docs() {
            writeln!(out, "    {}", url.style(p.link))?;
        }
    }
    Ok(())
}

/// The causes and advice a troubleshooting page gives for one server
/// message, indented under it; nothing when it gives none.
pub fn message_causes(
    out: &mut impl Write,
    m: &coserr::catalog::Message,
    look: &Look,
) -> io::Result<()> {
    match (m.causes.is_empty() && m.advice.is_none(), m.source) {
        (false, Some(source)) => {
            let t = coserr::catalog::Trouble::new(m.causes, m.advice, source);
            trouble(out, &t, "        ", look)
        }
        _ => Ok(()),
    }
}

/// A troubleshooting page's causes, numbered, what it says to do, and the
/// page, each line starting with `indent`.
pub fn trouble(
    out: &mut impl Write,
    t: &coserr::catalog::Trouble,
    indent: &str,
    look: &Look,
) -> io::Result<()> {
    let p = &look.palette;
    let w = look.width.map(|w| w.min(100));
    for (i, cause) in t.causes().enumerate() {
        writeln!(out, "{}", wrap(&format!("{}. {cause}", i + 1), indent, w))?;
    }
    if let Some(advice) = t.advice {
        writeln!(out, "{}", wrap(&format!("What to do: {advice}"), indent, w))?;
    }
    writeln!(
        out,
        "{indent}{} {}",
        "from".style(p.dim),
        t.source.style(p.link)
    )
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

/// The order in which one code's meanings are shown: the seed documents'
/// meanings first, then the lists beyond them; within each, COS, then OBS,
/// then CI (its XML API before its processing sections), then Tencent
/// Cloud API, S3, libcurl and Apple. The names that several providers
/// share are S3-style object-storage API codes: COS's meaning is the one
/// coserr is first of all for, and OBS's is the same API's in Huawei's
/// object store, which any OBS request can get. CI's meanings are
/// narrower, met only in its image, moderation and media features, so they
/// come after the two stores.
pub fn meaning_rank(e: &Entry) -> (bool, u8, coserr::catalog::Section) {
    use coserr::catalog::Provider;
    let provider = match e.provider {
        Provider::Cos => 0,
        Provider::Obs => 1,
        Provider::Ci => 2,
        Provider::TencentCloud => 3,
        Provider::S3 => 4,
        Provider::Curl => 5,
        Provider::Apple => 6,
    };
    (!e.is_seed(), provider, e.section)
}

/// Where an entry comes from, for people: the seed documents are named
/// by what they are, the rest by their URL or repository path.
pub fn source(e: &Entry) -> String {
    match e.source().strip_prefix("seed documents ") {
        Some(docs) => format!("the provider's error code documentation (seed documents {docs})"),
        None => e.source().to_owned(),
    }
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
        let mut head = vec![short_provider(e).to_owned(), e.section.title().to_owned()];
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
        if !e.is_seed() {
            writeln!(
                out,
                "    {} {}",
                "Source:".style(p.dim),
                e.source().style(p.link)
            )?;
        }
    }
    Ok(())
}

/// A provider's name in one short word or two, for headings and tables;
/// S3's entries say they are the S3 meaning.
pub fn short_provider(e: &Entry) -> &'static str {
    use coserr::catalog::Provider;
    match e.provider {
        Provider::Cos => "COS",
        Provider::Ci => "CI",
        Provider::Obs => "OBS",
        Provider::S3 => "S3 meaning",
        Provider::TencentCloud => "Tencent Cloud API",
        Provider::Curl => "libcurl",
        Provider::Apple => "Apple",
    }
}
