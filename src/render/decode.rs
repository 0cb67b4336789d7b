//! Output of `decode`: one block per error, a summary table, or JSON.

use std::io::{self, Write};

use owo_colors::OwoColorize;

use coserr::catalog::{self, Provider};
use coserr::decode::{FailureKind, Origin, Vendor, reqid};
use coserr::explain::{self, Explained, SkewNotes, TallyRow};

use super::text::{description, retry};
use super::{Look, json, wrap};

/// The status with its reason phrase: the entry's, else the standard one.
fn status_line(ex: &Explained) -> Option<String> {
    let status = ex.found.status?;
    let text = ex
        .entry
        .filter(|e| e.status == Some(status))
        .and_then(|e| e.status_text())
        .or_else(|| explain::reason_phrase(status));
    Some(match text {
        Some(t) => format!("{status} {t}"),
        None => status.to_string(),
    })
}

/// "reached the server at T (the client's clock said C: 31 min behind)";
/// a skew the input's errors showed before is referred to, not explained
/// again.
fn request_time_note(ex: &Explained, skews: &mut SkewNotes, index: u64) -> Option<String> {
    let id = ex.found.request_id.as_deref()?;
    let t = reqid::request_time(id)?;
    let mut note = format!("reached the server at {t}");
    if let Some(client) = ex.found.client_date.as_deref() {
        match reqid::parse_date(client) {
            Some(c) => note.push_str(&format!(
                "; the client's clock said {client} ({})",
                skews.describe(c, t.unix_millis(), index)
            )),
            None => note.push_str(&format!("; the client's time: {client}")),
        }
    }
    Some(note)
}

/// Writes one error in full; `skews` are the clock skews this input's
/// errors showed so far.
pub fn error(
    out: &mut impl Write,
    ex: &Explained,
    (index, skews): (u64, &mut SkewNotes),
    file: Option<&str>,
    look: &Look,
) -> io::Result<()> {
    let p = &look.palette;
    let w = look.width.map(|w| w.min(100));
    let f = &ex.found;
    let provider = match (ex.provider, f.vendor) {
        (Some(p), _) => p.title(),
        (None, Some(Vendor::Tencent)) => "Tencent Cloud (COS or CI)",
        (None, Some(Vendor::Huawei)) => "Huawei Cloud",
        (None, None) if f.foreign => "not COS, CI or OBS",
        (None, None) => "provider not identified",
    };
    let origin = match f.origin {
        Origin::Service => "",
        Origin::Proxy => " · answered by a proxy",
        // The SDK's check of the data came after a response.
        Origin::Client if f.failure.as_ref().is_some_and(|x| x.kind.after_response()) => {
            " · failed in the client"
        }
        Origin::Client => " · no response",
    };
    let place = match file {
        Some(file) => format!("{file}:{}", f.line),
        None => format!("line {}", f.line),
    };
    let kind = if f.partial {
        "partial failure"
    } else {
        "error"
    };
    writeln!(
        out,
        "{}",
        format!("── {kind} {index} · {place} · {provider}{origin} ──").style(p.heading)
    )?;
    let mut head = Vec::new();
    if let Some(failure) = &f.failure {
        head.push(failure_title(failure.kind).style(p.code).to_string());
    }
    let shown_status = status_line(ex);
    if let Some(status) = &shown_status {
        head.push(format!("HTTP {status}"));
    }
    if let Some(code) = ex.code() {
        head.push(code.style(p.code).to_string());
    }
    if let Some(n) = f.number {
        head.push(
            format!("{} {n}", number_label(ex))
                .style(p.code)
                .to_string(),
        );
    }
    if head.is_empty() {
        head.push("no status or code".to_owned());
    }
    writeln!(out, "{}", head.join(" · "))?;
    if ex.inferred {
        writeln!(
            out,
            "  {}",
            "(the input has no code: inferred from the server's message)".style(p.warn)
        )?;
    }
    let field = |out: &mut dyn Write, name: &str, value: &str| -> io::Result<()> {
        writeln!(out, "  {:<11} {value}", name.style(p.label))
    };
    if let Some(failure) = &f.failure {
        field(out, "Failure", &failure.text)?;
        if let Some(e) = &failure.endpoint {
            field(out, "Endpoint", e)?;
        }
    }
    if let Some(r) = &f.request {
        field(out, "Request", r)?;
    }
    if let Some(m) = &f.message {
        field(out, "Message", m)?;
    }
    if let Some(r) = &f.resource {
        field(out, "Resource", r)?;
    }
    if let Some(id) = &f.request_id {
        field(out, "RequestId", id)?;
        if let Some(note) = request_time_note(ex, skews, index) {
            writeln!(out, "  {:<11} {}", "", note.style(p.dim))?;
        }
    }
    if let Some(t) = &f.trace_id {
        field(out, "TraceId", t)?;
    }
    if let Some(h) = &f.host_id {
        field(out, "HostId", h)?;
    }
    // The server's canonical strings, when the signature check shows them
    // line by line, would only repeat them.
    let compared = ex.signature.as_ref().is_some_and(|r| r.strings.is_some());
    for (k, v) in &f.extra {
        if compared
            && matches!(
                k.as_str(),
                "StringToSign" | "FormatString" | "CanonicalRequest"
            )
        {
            continue;
        }
        // The status line's reason phrase, when it is the one shown above
        // already, is noise.
        let repeated = k == "reason"
            && shown_status
                .as_deref()
                .is_some_and(|s| s.split_once(' ').is_some_and(|(_, phrase)| phrase == v));
        if !repeated {
            field(out, k, v)?;
        }
    }
    for note in &f.notes {
        writeln!(out, "  {} {note}", "note:".style(p.warn))?;
    }
    if let Some(report) = &ex.signature {
        writeln!(out)?;
        super::signature::text(out, report, look)?;
    }
    writeln!(out)?;
    if let Some(why) = ex.in_200 {
        writeln!(out, "{}", wrap(why, "  ", w))?;
    }
    match (ex.entry, ex.alternatives.as_slice()) {
        (Some(_), [_, _, ..]) => {
            writeln!(
                out,
                "{}",
                wrap(
                    "The input does not say which service sent it. What the code means for each \
                     (the one whose status fits first):",
                    "  ",
                    w
                )
            )?;
            for e in &ex.alternatives {
                let status = e.status.map_or(String::new(), |s| format!(" · HTTP {s}"));
                writeln!(
                    out,
                    "  {}",
                    format!("{}{status}", e.provider.title()).style(p.label)
                )?;
                meaning(out, e, "    ", look)?;
            }
        }
        (Some(e), _) => {
            meaning(out, e, "  ", look)?;
            if let Some(t) = e.trouble_for(f.message.as_deref()) {
                let what = match (e.troubleshooting() == Some(t), &f.message) {
                    (false, _) => "Causes (the provider's troubleshooting page for this message):",
                    (true, None) => {
                        "Common causes (the provider's troubleshooting page for this code):"
                    }
                    (true, Some(_)) => {
                        "Common causes of this code (the provider's troubleshooting page; it does \
                         not name this message, which may point elsewhere):"
                    }
                };
                writeln!(out, "{}", wrap(what, "  ", w).style(p.label))?;
                super::text::trouble(out, &t, "    ", look)?;
            }
        }
        (None, _) => {
            match &f.code {
                Some(code) => {
                    let near = if ex.suggestions.is_empty() {
                        String::new()
                    } else {
                        format!("; near names: {}", ex.suggestions.join(", "))
                    };
                    writeln!(out, "  \"{code}\" is not in the catalogue{near}")?;
                }
                None if f.number.is_some() => {
                    writeln!(out, "  This numeric code is not in the catalogue.")?
                }
                None => {}
            }
            if !ex.sections.is_empty() {
                let names: Vec<String> = ex.sections.iter().map(|s| s.owned_title()).collect();
                writeln!(
                    out,
                    "{}",
                    wrap(
                        &format!("Its range is that of {} codes.", names.join(" or ")),
                        "  ",
                        w
                    )
                )?;
            }
        }
    }
    if let Some(e) = ex.client_code {
        let number = e.number.map_or(String::new(), |n| format!(" ({n})"));
        let head = format!(
            "{}{number}, {}: {}",
            e.code().unwrap_or_default(),
            super::text::short_provider(e),
            e.description()
        );
        writeln!(out, "{}", wrap(&head, "  ", w))?;
    }
    if let Some(hint) = &ex.hint {
        writeln!(out, "{}", wrap(&hint.what, "  ", w))?;
        writeln!(out, "  {}", "What to check:".style(p.label))?;
        writeln!(out, "{}", wrap(&hint.check, "    ", w))?;
    }
    support_block(out, ex, look)
}

/// What a numeric code is called: the SDK's own code (the COS C SDK's
/// `status->code: -996`) when no response came; CI's `X-ErrNo` when the
/// error is CI's, or nothing says whose it is and the number is in a range
/// CI documents; else an error number of some other API's (Tencent Cloud
/// API 2.0's `code: 4300`, COS's legacy JSON API's `-97`).
fn number_label(ex: &Explained) -> &'static str {
    let ci = |p: Option<Provider>| p == Some(Provider::Ci);
    if ex.found.origin == Origin::Client {
        "SDK code"
    } else if ci(ex.provider)
        || (ex.provider.is_none()
            && (ex.entry.is_some_and(|e| ci(Some(e.provider)))
                || ex.sections.iter().any(|s| s.is_ci_processing())))
    {
        "X-ErrNo"
    } else {
        "Error number"
    }
}

/// A client failure's name, for the error's first line.
fn failure_title(kind: FailureKind) -> &'static str {
    match kind {
        FailureKind::Dns => "DNS lookup failed",
        FailureKind::Refused => "connection refused",
        FailureKind::Reset => "connection reset",
        FailureKind::Timeout => "timed out",
        FailureKind::Tls => "TLS failure",
        FailureKind::Cors => "blocked by the browser (CORS) or network error",
        FailureKind::Network => "network failure",
        FailureKind::Endpoint => "malformed endpoint",
        FailureKind::Local => "local error",
        FailureKind::Integrity => "integrity check failed",
        FailureKind::Credentials => "no credentials",
        FailureKind::Sdk => "SDK failure",
    }
}

/// An entry's description, what to do and whether to retry, indented.
fn meaning(out: &mut impl Write, e: &catalog::Entry, indent: &str, look: &Look) -> io::Result<()> {
    let p = &look.palette;
    let w = look.width.map(|w| w.min(100));
    let (text, _) = description(e, look.lang);
    writeln!(out, "{}", wrap(text, indent, w))?;
    writeln!(out, "{indent}{}", "What to do:".style(p.label))?;
    writeln!(out, "{}", wrap(e.advice(), &format!("{indent}  "), w))?;
    writeln!(out, "{indent}{} {}", "Retry:".style(p.label), retry(e, p))
}

/// The ready-to-paste block for a support ticket.
fn support_block(out: &mut impl Write, ex: &Explained, look: &Look) -> io::Result<()> {
    let f = &ex.found;
    let mut lines: Vec<(&str, String)> = Vec::new();
    if let Some(id) = &f.request_id {
        lines.push(("RequestId", id.clone()));
    }
    if let Some(id) = &f.trace_id {
        lines.push(("TraceId", id.clone()));
    }
    if let Some(id) = &f.host_id {
        lines.push(("HostId", id.clone()));
    }
    if let Some(r) = &f.resource {
        lines.push(("Resource", r.clone()));
    }
    if let Some(s) = f.status {
        lines.push(("Status", s.to_string()));
    }
    if let Some(c) = ex.code() {
        lines.push(("Code", c.to_owned()));
    }
    if let Some(n) = f.number {
        lines.push((number_label(ex), n.to_string()));
    }
    if let Some(d) = &f.server_date {
        lines.push(("Server time", d.clone()));
    }
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "  {}", "For support:".style(look.palette.label))?;
    for (k, v) in lines {
        writeln!(out, "    {k}: {v}")?;
    }
    Ok(())
}

/// One line of `decode --json`.
pub fn error_json(out: &mut impl Write, ex: &Explained, file: Option<&str>) -> io::Result<()> {
    let f = &ex.found;
    out.write_all(b"{\"provider\":")?;
    json::opt_string(out, ex.provider.map(|p| p.as_str()))?;
    out.write_all(b",\"status\":")?;
    json::opt_int(out, f.status)?;
    out.write_all(b",\"code\":")?;
    json::opt_string(out, ex.code())?;
    out.write_all(b",\"number\":")?;
    json::opt_int(out, f.number)?;
    out.write_all(b",\"message\":")?;
    json::opt_string(out, f.message.as_deref())?;
    out.write_all(b",\"resource\":")?;
    json::opt_string(out, f.resource.as_deref())?;
    out.write_all(b",\"request\":")?;
    json::opt_string(out, f.request.as_deref())?;
    out.write_all(b",\"request_id\":")?;
    json::opt_string(out, f.request_id.as_deref())?;
    out.write_all(b",\"request_time\":")?;
    let reached = f.request_id.as_deref().and_then(reqid::request_time);
    let time = reached.as_ref().map(|t| t.rfc3339());
    json::opt_string(out, time.as_ref().map(reqid::Rfc3339::as_str))?;
    out.write_all(b",\"skew_seconds\":")?;
    // Only when there is a client's time to compare: as the text says it.
    let skew = match (&reached, f.client_date.as_deref()) {
        (Some(t), Some(client)) => {
            reqid::parse_date(client).map(|c| explain::skew_seconds(c, t.unix_millis()))
        }
        _ => None,
    };
    json::opt_int(out, skew)?;
    out.write_all(b",\"trace_id\":")?;
    json::opt_string(out, f.trace_id.as_deref())?;
    out.write_all(b",\"host_id\":")?;
    json::opt_string(out, f.host_id.as_deref())?;
    out.write_all(b",\"extra\":{")?;
    for (i, (k, v)) in f.extra.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        json::string(out, k)?;
        out.write_all(b":")?;
        json::string(out, v)?;
    }
    out.write_all(b"},\"inferred\":")?;
    json::boolean(out, ex.inferred)?;
    out.write_all(b",\"partial\":")?;
    json::boolean(out, f.partial)?;
    out.write_all(b",\"origin\":")?;
    json::string(out, f.origin.as_str())?;
    out.write_all(b",\"failure\":")?;
    match &f.failure {
        Some(x) => {
            out.write_all(b"{\"kind\":")?;
            json::string(out, x.kind.as_str())?;
            out.write_all(b",\"text\":")?;
            json::string(out, &x.text)?;
            out.write_all(b",\"endpoint\":")?;
            json::opt_string(out, x.endpoint.as_deref())?;
            out.write_all(b"}")?;
        }
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"client_code\":")?;
    match ex.client_code {
        Some(e) => json::entry(out, e)?,
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"operation\":")?;
    json::opt_string(out, f.operation.as_deref())?;
    out.write_all(b",\"entry\":")?;
    match ex.entry {
        Some(e) => json::entry(out, e)?,
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"alternatives\":[")?;
    for (i, e) in ex.alternatives.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        json::entry(out, e)?;
    }
    out.write_all(b"],\"hint\":")?;
    match &ex.hint {
        Some(h) => {
            out.write_all(b"{\"what\":")?;
            json::string(out, &h.what)?;
            out.write_all(b",\"check\":")?;
            json::string(out, &h.check)?;
            out.write_all(b"}")?;
        }
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"troubleshooting\":")?;
    match ex.entry.and_then(|e| e.trouble_for(f.message.as_deref())) {
        Some(t) => {
            out.write_all(b"{\"causes\":")?;
            json::strings(out, t.causes())?;
            out.write_all(b",\"advice\":")?;
            json::opt_string(out, t.advice)?;
            out.write_all(b",\"source\":")?;
            json::string(out, t.source)?;
            out.write_all(b",\"for_message\":")?;
            json::boolean(out, ex.entry.and_then(|e| e.troubleshooting()) != Some(t))?;
            out.write_all(b"}")?;
        }
        None => out.write_all(b"null")?,
    }
    out.write_all(b",\"in_200\":")?;
    json::opt_string(out, ex.in_200)?;
    out.write_all(b",\"sections\":")?;
    json::strings(out, ex.sections.iter().map(|s| s.as_str()))?;
    out.write_all(b",\"suggestions\":")?;
    json::strings(out, ex.suggestions.iter().map(String::as_str))?;
    out.write_all(b",\"signature\":")?;
    super::signature::json(out, ex.signature.as_ref())?;
    out.write_all(b",\"source\":{\"line\":")?;
    json::int(out, i64::try_from(f.line).unwrap_or(i64::MAX))?;
    out.write_all(b",\"file\":")?;
    json::opt_string(out, file)?;
    out.write_all(b",\"notes\":")?;
    json::strings(out, f.notes.iter().map(String::as_str))?;
    out.write_all(b"}}\n")
}

/// `decode --summary` as a table.
pub fn summary(out: &mut impl Write, rows: &[TallyRow], look: &Look) -> io::Result<()> {
    super::table::summary(out, rows, look)
}

/// `decode --json --summary`: one object per group, one per line.
pub fn summary_json(out: &mut impl Write, rows: &[TallyRow]) -> io::Result<()> {
    for r in rows {
        out.write_all(b"{\"provider\":")?;
        json::opt_string(out, r.provider.map(|p| p.as_str()))?;
        out.write_all(b",\"code\":")?;
        json::opt_string(out, r.code.as_deref())?;
        out.write_all(b",\"number\":")?;
        json::opt_int(out, r.number)?;
        out.write_all(b",\"status\":")?;
        json::opt_int(out, r.status)?;
        out.write_all(b",\"origin\":")?;
        json::string(out, r.origin.as_str())?;
        out.write_all(b",\"failure\":")?;
        json::opt_string(out, r.failure.map(|k| k.as_str()))?;
        write!(out, ",\"count\":{},\"retryable\":", r.count)?;
        match r.retryable {
            Some(b) => json::boolean(out, b)?,
            None => out.write_all(b"null")?,
        }
        out.write_all(b",\"first_request_id\":")?;
        json::opt_string(out, r.first_request_id.as_deref())?;
        write!(out, ",\"first_line\":{},\"last_request_id\":", r.first_line)?;
        json::opt_string(out, r.last_request_id.as_deref())?;
        writeln!(out, ",\"last_line\":{}}}", r.last_line)?;
    }
    Ok(())
}
