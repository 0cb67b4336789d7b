//! Turns one record's facts into errors. The one place that decides:
//!
//! - **Which response a fact belongs to.** A status line starts a
//!   response; the facts after it, up to the next one, are its headers,
//!   its body's errors, its page. A request line belongs to the response
//!   that follows it. Facts before any response form the record's
//!   preamble: an SDK's string, a log line.
//! - **What repeats.** Sightings of one error (a body printed twice, an
//!   SDK's string that wraps the XML it parsed, a label reader's and an
//!   SDK reader's view of one string) are merged: their spans overlap, or
//!   they share a code or request ID and nothing conflicts, or they sit on
//!   one line and nothing conflicts. Two different errors stay two.
//! - **Which status wins.** A status line beats everything; an error's
//!   own status (`Status Code: 403` in its string) beats one printed
//!   beside it; a status printed beside an error is taken only when the
//!   catalogue does not document the error's code with another status.
//! - **Who answered.** The service (an error document, a service's
//!   headers), something in front of it (an HTML page, `Server: nginx`
//!   and no error document), or nobody (a client failure, and no
//!   response). Proxies and clients are reported as such.
//! - **Which provider.** From evidence only: what the error carries, its
//!   response's headers, then the record's words. Conflicting evidence,
//!   or none, gives no provider.
//! - **What is inferred.** An error without a code whose record quotes a
//!   documented server message gets that message (and explain infers the
//!   code from it, saying so).

use std::ops::Range;

use super::draft::{Draft, Evidence, Field, Shape, header_hints, host_evidence, is_success_code};
use super::facts::{Fact, IdField, Kind};
use super::record::{RecordText, timestamp_near_start};
use super::{Failure, FailureKind, Found, Origin, Vendor, reqid};
use crate::catalog::{self, Provider, fold};

/// What a record resolved to.
#[derive(Debug, Default)]
pub struct Resolved {
    pub errors: Vec<Found>,
    /// What was seen that is not an error (a success response), for the
    /// message when an input holds no error.
    pub seen: Vec<&'static str>,
    /// The record was read with the shapes: it counts as a record for
    /// [`super::pipeline::Coalesce`]; the others are not there for it.
    pub read: bool,
}

/// An HTML page (or a client's word that the answer was one): where,
/// its title, the status it shows, the server that signed it.
type Page = (Range<usize>, Option<String>, Option<u16>, Option<String>);

/// Error groups of one response (or preamble) that are merged and
/// reported; more are dropped.
const MAX_GROUPS: usize = 256;

/// One response in a record (or the record's preamble, without one).
#[derive(Default)]
struct Unit {
    /// The status line: status, reason, where.
    status: Option<(u16, String, usize)>,
    headers: Vec<(String, String)>,
    request: Option<(String, String)>,
    req_host: Option<String>,
    req_date: Option<String>,
    groups: Vec<(Range<usize>, Draft)>,
    /// Statuses printed beside errors: where, the status, its reason, and
    /// whether it stood alone on its line (then it is only ever context).
    statuses: Vec<(Range<usize>, u16, Option<String>, bool)>,
    ids: Vec<(Range<usize>, IdField, String)>,
    pages: Vec<Page>,
    /// Client failures: where, what kind, the line, the host it names.
    clients: Vec<(Range<usize>, FailureKind, String, Option<String>)>,
    endpoints: Vec<String>,
    operations: Vec<String>,
    evidence: Evidence,
    success: Vec<&'static str>,
}

/// Resolves a record's facts.
pub fn resolve(rec: &RecordText<'_>, mut facts: Vec<Fact>, forced: Option<Provider>) -> Resolved {
    facts.sort_by_key(|f| f.span.start);
    let mut units: Vec<Unit> = vec![Unit::default()];
    let mut record_evidence = Evidence::NONE;
    let mut pending_request: Option<(String, String)> = None;
    let mut pending_req_headers: Vec<(String, String)> = Vec::new();
    for f in facts {
        let u = units.len() - 1;
        match f.kind {
            Kind::Response { status, reason } => {
                let mut unit = Unit {
                    status: Some((status, reason, f.span.start)),
                    ..Unit::default()
                };
                unit.request = pending_request.take();
                for (n, v) in pending_req_headers.drain(..) {
                    set_req_header(&mut unit, &n, &v);
                }
                units.push(unit);
            }
            Kind::Request { method, target } => {
                if let Some(r) = pending_request.take() {
                    // A request that got no response printed: the unit's.
                    units[u].request.get_or_insert(r);
                }
                pending_request = Some((method, target));
            }
            Kind::RequestHeader { name, value } => {
                if pending_request.is_some() {
                    pending_req_headers.push((name, value));
                } else {
                    set_req_header(&mut units[u], &name, &value);
                }
            }
            Kind::Header { name, value } => {
                let lname = name.to_ascii_lowercase();
                header_hints(&lname, &value, &mut units[u].evidence);
                if units[u].headers.len() < 128 {
                    units[u].headers.push((name, value));
                }
            }
            Kind::Error(d) => units[u].groups.push((f.span, *d)),
            Kind::Status {
                status,
                reason,
                alone,
            } => units[u].statuses.push((f.span, status, reason, alone)),
            Kind::Id { field, value } => units[u].ids.push((f.span, field, value)),
            Kind::Evidence(ev) => record_evidence.add(ev),
            Kind::Endpoint(e) => {
                if units[u].endpoints.len() < 8 && !units[u].endpoints.contains(&e) {
                    units[u].endpoints.push(e);
                }
            }
            Kind::Client {
                kind,
                text,
                endpoint,
            } => units[u].clients.push((f.span, kind, text, endpoint)),
            Kind::Page {
                title,
                status,
                server,
            } => units[u].pages.push((f.span, title, status, server)),
            Kind::Success(what) => units[u].success.push(what),
            Kind::Operation(op) => {
                if !units[u].operations.contains(&op) {
                    units[u].operations.push(op);
                }
            }
        }
    }
    if let Some(r) = pending_request {
        let last = units.len() - 1;
        units[last].request.get_or_insert(r);
        for (n, v) in pending_req_headers {
            set_req_header(&mut units[last], &n, &v);
        }
    }
    let client_date = rec
        .text
        .lines()
        .next()
        .and_then(timestamp_near_start)
        .map(str::to_owned);
    // A `100 Continue` answers nothing yet: its request is the next
    // response's.
    for k in 1..units.len().saturating_sub(1) {
        if units[k].status.as_ref().is_some_and(|(s, _, _)| *s < 200) {
            let request = units[k].request.take();
            let (host, date) = (units[k].req_host.take(), units[k].req_date.take());
            let next = &mut units[k + 1];
            if next.request.is_none() {
                next.request = request;
                next.req_host = next.req_host.take().or(host);
                next.req_date = next.req_date.take().or(date);
            }
        }
    }
    let mut out = Resolved::default();
    let n_units = units.len();
    for (k, unit) in units.into_iter().enumerate() {
        let followed = k + 1 < n_units;
        resolve_unit(rec, unit, followed, record_evidence, &mut out);
    }
    for f in &mut out.errors {
        if f.client_date.is_none() {
            f.client_date.clone_from(&client_date);
        }
        if let Some(p) = forced {
            f.provider = Some(p);
            f.vendor = Some(vendor_of(p));
            f.foreign = false;
        }
    }
    out
}

fn set_req_header(unit: &mut Unit, name: &str, value: &str) {
    if name.eq_ignore_ascii_case("host") {
        unit.req_host.get_or_insert_with(|| value.to_owned());
    } else if name.eq_ignore_ascii_case("date") {
        unit.req_date.get_or_insert_with(|| value.to_owned());
    }
}

fn vendor_of(p: Provider) -> Vendor {
    match p {
        Provider::Obs => Vendor::Huawei,
        _ => Vendor::Tencent,
    }
}

/// Servers that answer in front of a service.
const PROXIES: [&str; 14] = [
    "nginx",
    "openresty",
    "tengine",
    "apache",
    "cloudflare",
    "varnish",
    "squid",
    "caddy",
    "envoy",
    "awselb",
    "akamaighost",
    "cloudfront",
    "microsoft-azure-application-gateway",
    "nws",
];

fn is_proxy_server(v: &str) -> bool {
    let l = v.trim().to_ascii_lowercase();
    PROXIES.iter().any(|p| l.starts_with(p))
}

fn resolve_unit(
    rec: &RecordText<'_>,
    mut unit: Unit,
    followed: bool,
    record_evidence: Evidence,
    out: &mut Resolved,
) {
    let max = rec.max_field;
    let mut groups = std::mem::take(&mut unit.groups);
    // An `<Error>` with nothing in it counts only as the one document of
    // its record: cut off before its first field. Among others it is
    // junk (`<Error>` after `<Error>`, never closed).
    let fields = |d: &Draft| {
        let f = &d.found;
        f.code.is_some()
            || f.number.is_some()
            || f.message.is_some()
            || f.resource.is_some()
            || f.request_id.is_some()
            || f.trace_id.is_some()
            || f.host_id.is_some()
            || f.partial
            || !f.extra.is_empty()
    };
    if groups.len() > 1 {
        groups.retain(|(_, d)| d.shape != Shape::Xml || fields(d));
    }
    // Merging compares groups in pairs: a hostile record's thousands are
    // read up to a bound.
    groups.sort_by_key(|(s, _)| s.start);
    groups.truncate(MAX_GROUPS);
    let groups = merge_groups(groups);
    // The groups that are errors on their own.
    let mut errors: Vec<(Range<usize>, Draft)> = Vec::new();
    let mut context: Vec<(Range<usize>, Draft)> = Vec::new();
    for (span, d) in groups {
        if d.success && d.found.code.is_none() && d.found.number.is_none() {
            out.seen.push("a success body");
            continue;
        }
        if is_error_group(&d, unit.status.as_ref().map(|s| s.0)) {
            errors.push((span, d));
        } else {
            context.push((span, d));
        }
    }
    // A documented message is an error of its own where no error it could
    // be part of is near: the only one, or one of another code.
    if unit.status.is_none() {
        let mut k = 0;
        while k < context.len() {
            let c = &context[k].1;
            let taken = c.documented
                && !errors.iter().any(|(_, d)| {
                    d.compatible(c)
                        && (c.implies.is_empty()
                            || d.found.code.as_deref().is_none_or(|code| {
                                c.implies.iter().any(|i| i.eq_ignore_ascii_case(code))
                            }))
                });
            if taken {
                let (span, d) = context.remove(k);
                errors.push((span, d));
            } else {
                k += 1;
            }
        }
        errors.sort_by_key(|(s, _)| s.start);
    }
    // Context groups (an ID, a status, a message alone) join the error
    // nearest them, or stand for the unit's context.
    for (span, c) in context {
        // A documented message joins only an error whose code it is.
        let fits = |d: &Draft| {
            d.compatible(&c)
                && (c.implies.is_empty()
                    || d.found
                        .code
                        .as_deref()
                        .is_none_or(|code| c.implies.iter().any(|i| i.eq_ignore_ascii_case(code))))
        };
        if let Some(i) = nearest(&errors, &span, fits) {
            errors[i].1.absorb(c);
        } else {
            let f = &c.found;
            if let Some(s) = f.status {
                unit.statuses.push((span.clone(), s, None, false));
            }
            for (field, v) in [
                (IdField::Request, &f.request_id),
                (IdField::Trace, &f.trace_id),
                (IdField::Host, &f.host_id),
            ] {
                if let Some(v) = v {
                    unit.ids.push((span.clone(), field, v.clone()));
                }
            }
            unit.evidence.add(c.evidence);
        }
    }
    let has_service_error = !errors.is_empty();
    // The storage service's own headers; OpenStack Swift's transaction ID
    // (OBS's Swift API, any Swift cluster) too: its small HTML pages are
    // the service's answer, not a proxy's.
    let service_headers = unit.headers.iter().any(|(n, _)| {
        let l = n.to_ascii_lowercase();
        l.starts_with("x-cos-")
            || l.starts_with("x-obs-")
            || l.starts_with("x-ci-")
            || l == "x-errno"
            || l == "x-trans-id"
    });
    let proxy_server = unit
        .headers
        .iter()
        .find(|(n, v)| n.eq_ignore_ascii_case("server") && is_proxy_server(v))
        .map(|(_, v)| v.clone());
    // Statuses printed beside errors.
    let mut loose_statuses: Vec<(Range<usize>, u16, Option<String>)> = Vec::new();
    for (span, s, reason, alone) in std::mem::take(&mut unit.statuses) {
        let fits = |d: &Draft| d.found.status.is_none() && status_fits(d, s);
        match nearest(&errors, &span, fits) {
            Some(i) => errors[i].1.found.status = Some(s),
            None => {
                if !alone
                    && !errors.iter().any(|(_, d)| d.found.status == Some(s))
                    && !loose_statuses.iter().any(|(_, t, _)| *t == s)
                {
                    loose_statuses.push((span, s, reason));
                }
            }
        }
    }
    // IDs printed beside errors.
    let mut loose_ids: Vec<(Range<usize>, IdField, String)> = Vec::new();
    for (span, field, v) in std::mem::take(&mut unit.ids) {
        let lacks = |d: &Draft| match field {
            IdField::Request => d.found.request_id.is_none(),
            IdField::Trace => d.found.trace_id.is_none(),
            IdField::Host => d.found.host_id.is_none(),
        };
        let same = |d: &Draft| match field {
            IdField::Request => d.found.request_id.as_deref() == Some(v.as_str()),
            IdField::Trace => d.found.trace_id.as_deref() == Some(v.as_str()),
            IdField::Host => d.found.host_id.as_deref() == Some(v.as_str()),
        };
        if errors.iter().any(|(_, d)| same(d)) {
            continue;
        }
        match nearest(&errors, &span, lacks) {
            Some(i) => set_id(&mut errors[i].1, field, &v, max),
            // One response whose header and body give two request IDs
            // (a paste that mixes two responses, a document's example):
            // both are kept, neither is lost.
            None if field == IdField::Request && errors.len() == 1 => {
                let d = &mut errors[0].1;
                d.push_extra("other_request_id", &v, 0, max);
                d.found.notes.push(
                    "two request IDs for one response: the header's and the body's differ (two \
                     responses pasted as one?)"
                        .to_owned(),
                );
            }
            None => loose_ids.push((span, field, v)),
        }
    }
    // The client failure the record reports. A connection that failed
    // before a response printed after it (curl trying `::1` first, then
    // `127.0.0.1`) was retried and answered: that is not the record's.
    let failed = unit.clients.first().filter(|_| !followed);
    // A response: its status and headers go to the errors of its body;
    // without any, it is the error itself when its status says so.
    if let Some((status, reason, at)) = unit.status.clone() {
        let header_error = headers_say_error(&unit.headers);
        if errors.is_empty() {
            let page = unit.pages.first().cloned();
            let is_redirect = (300..400).contains(&status)
                && unit
                    .headers
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case("location"));
            if status < 200 || (is_redirect && followed) {
                return;
            }
            // 304 Not Modified answers a conditional request: the copy
            // the client holds is current.
            if (status < 300 || status == 304) && !header_error {
                out.seen.push("a success response");
                return;
            }
            let mut d = Draft::new(Shape::Headers);
            d.found.status = Some(status);
            d.found.line = rec.line_at(at);
            if !reason.is_empty() {
                d.found.extra.push(("reason".to_owned(), reason.clone()));
            }
            let bodiless = unit.groups.is_empty()
                && page.is_none()
                && unit
                    .headers
                    .iter()
                    .any(|(n, v)| n.eq_ignore_ascii_case("content-length") && v.trim() == "0");
            let head = unit.request.as_ref().is_some_and(|(m, _)| m == "HEAD");
            let note = if head {
                "a HEAD response has no body: explained from the status line and headers"
            } else if bodiless {
                "the response had no body: explained from the status line and headers"
            } else {
                "the response held no error document: explained from the status line and headers"
            };
            d.found.notes.push(note.to_owned());
            errors.push((at..at, d));
        }
        // Without an error document, the status line and headers are what
        // explain the error: say so, with the reason phrase.
        let document = errors
            .iter()
            .any(|(_, d)| matches!(d.shape, Shape::Xml | Shape::Json));
        for (_, d) in &mut errors {
            if !document && d.shape != Shape::Headers {
                if !reason.is_empty() && !d.found.extra.iter().any(|(k, _)| k == "reason") {
                    d.found.extra.push(("reason".to_owned(), reason.clone()));
                }
                let head = unit.request.as_ref().is_some_and(|(m, _)| m == "HEAD");
                let bodiless = unit
                    .headers
                    .iter()
                    .any(|(n, v)| n.eq_ignore_ascii_case("content-length") && v.trim() == "0");
                if head || bodiless {
                    d.found.notes.push(
                        if head {
                            "a HEAD response has no body: explained from the status line and headers"
                        } else {
                            "the response had no body: explained from the status line and headers"
                        }
                        .to_owned(),
                    );
                }
            }
            if d.found.status.is_none() {
                d.found.status = Some(status);
            }
            // An error that came in a response is found at its status
            // line; a per-key error of a multi-delete at its own.
            if !d.found.partial {
                d.found.line = rec.line_at(at);
            }
            for (n, v) in &unit.headers {
                d.add_header(n, v, max);
            }
        }
    } else if errors.is_empty() {
        // No response and no error document: a status printed alone, a
        // proxy's page, or a client that got nothing.
        let page = unit.pages.first().cloned();
        let client = failed.cloned();
        if let Some((span, s, reason)) = loose_statuses.iter().find(|(_, s, _)| *s >= 400).cloned()
        {
            let mut d = Draft::new(Shape::Labels);
            d.found.status = Some(s);
            d.found.line = rec.line_at(span.start);
            if let Some(r) = reason {
                d.found.extra.push(("reason".to_owned(), r));
            }
            errors.push((span, d));
            // Other statuses printed alone are other errors.
            for (span, s, reason) in loose_statuses.iter().filter(|(_, t, _)| *t >= 400).skip(1) {
                if errors.iter().any(|(_, d)| d.found.status == Some(*s)) {
                    continue;
                }
                let mut d = Draft::new(Shape::Labels);
                d.found.status = Some(*s);
                d.found.line = rec.line_at(span.start);
                if let Some(r) = reason {
                    d.found.extra.push(("reason".to_owned(), r.clone()));
                }
                errors.push((span.clone(), d));
            }
        } else if let Some((span, title, status, server)) = page.clone()
            // A redirect's page (`301 Moved Permanently` from openresty)
            // where a response was wanted: the request went no further.
            && status.is_none_or(|s| s >= 300 && s != 304)
        {
            let mut d = Draft::new(Shape::Labels);
            d.found.status = status;
            d.found.line = rec.line_at(span.start);
            let _ = (title, server);
            errors.push((span, d));
        } else if client.is_some() {
            // One error for each host the failure names (see the client
            // shape): no host or one host, one error. The same failure
            // read again (a message unescaped from the record) is the
            // first one.
            let mut hosts: Vec<&str> = Vec::new();
            for (i, (span, kind, text, host)) in unit.clients.iter().enumerate().take(16) {
                if i > 0
                    && host
                        .as_deref()
                        .is_none_or(|h| hosts.is_empty() || hosts.contains(&h))
                {
                    continue;
                }
                hosts.extend(host.as_deref());
                let mut d = Draft::new(Shape::Labels);
                d.found.line = rec.line_at(span.start);
                d.found.origin = Origin::Client;
                // A browser that blocked a response by CORS may say what
                // it was (Firefox: `Status code: 200.`).
                if *kind == FailureKind::Cors {
                    d.found.status = loose_statuses.first().map(|(_, s, _)| *s);
                }
                d.found.failure = Some(failure_of(&unit, *kind, text, host.as_deref()));
                errors.push((span.clone(), d));
            }
        } else {
            out.seen.extend(unit.success.iter().copied());
            if !loose_statuses.is_empty() && unit.success.is_empty() {
                out.seen.push("a status below 400");
            }
            return;
        }
        // IDs and statuses printed alone belong to it.
        if let Some((_, d)) = errors.first_mut() {
            for (_, field, v) in &loose_ids {
                let lacks = match field {
                    IdField::Request => d.found.request_id.is_none(),
                    IdField::Trace => d.found.trace_id.is_none(),
                    IdField::Host => d.found.host_id.is_none(),
                };
                if lacks {
                    set_id(d, *field, v, max);
                }
            }
        }
    }
    // A status printed alone that fits none of the errors beside it (a
    // `HEAD url: 403` above a `NoSuchKey` body) is an error of its own.
    if has_service_error && unit.status.is_none() {
        for (span, s, reason) in loose_statuses.iter().filter(|(_, s, _)| *s >= 400) {
            let line = rec.line_at(span.start);
            if errors
                .iter()
                .any(|(_, d)| d.found.line == line || d.found.status == Some(*s))
            {
                continue;
            }
            let mut d = Draft::new(Shape::Labels);
            d.found.status = Some(*s);
            d.found.line = line;
            if let Some(r) = reason {
                d.found.extra.push(("reason".to_owned(), r.clone()));
            }
            errors.push((span.clone(), d));
        }
        errors.sort_by_key(|(s, _)| s.start);
    }
    // What the unit says of every error in it.
    let mut unit_evidence = unit.evidence;
    for e in &unit.endpoints {
        unit_evidence.add(host_evidence(e));
    }
    if let Some(h) = &unit.req_host {
        unit_evidence.add(host_evidence(h));
    }
    let request = unit
        .request
        .as_ref()
        .map(|(m, t)| describe(m, t, unit.req_host.as_deref()));
    // An SDK's own account of a request that got no answer: a client
    // failure's words beside it, and nothing a server sends.
    for (span, mut d) in errors {
        if let Some((at, kind, text, host)) = failed
            && d.found.failure.is_none()
            && (is_client_made(&d) || sdk_numbered(&d, &span, at))
        {
            d.found.failure = Some(failure_of(&unit, *kind, text, host.as_deref()));
        }
        if d.found.request.is_none() {
            d.found.request.clone_from(&request);
        }
        if d.found.client_date.is_none() {
            d.found.client_date.clone_from(&unit.req_date);
        }
        if d.found.operation.is_none() {
            d.found.operation = unit.operations.first().cloned();
        }
        if d.found.line == 0 {
            d.found.line = rec.first_line;
        }
        let mut ev = d.evidence;
        ev.add(unit_evidence);
        ev.add(record_evidence);
        let mut f = finish(d, ev);
        decide_origin(
            &mut f,
            unit.pages.first(),
            proxy_server.as_deref(),
            service_headers,
        );
        out.errors.push(f);
    }
}

/// Who answered: a client failure stays the client's; an error without a
/// code or request ID that came with a proxy's page or `Server` header,
/// or a bare 502 or 504, is a proxy's (a gateway answered in the
/// service's place); the rest, the service's.
fn decide_origin(
    f: &mut Found,
    page: Option<&Page>,
    proxy_server: Option<&str>,
    service_headers: bool,
) {
    if f.failure.is_some() {
        f.origin = Origin::Client;
        return;
    }
    // A code no provider documents (an SDK's own: `PhpInternalXmlParseError`)
    // says nothing of who answered.
    let service_code = || {
        f.code
            .as_deref()
            .is_some_and(|c| catalog::server_named(&fold(c)).next().is_some())
    };
    let anonymous = f.number.is_none()
        && f.request_id.is_none()
        && f.trace_id.is_none()
        && !service_headers
        && !service_code();
    if !anonymous {
        return;
    }
    // No service documents a 502 or a 504: those are gateways'. A bare
    // 500 that nothing ties to a service is likely an application's in
    // front of it; a 503 is the service throttling.
    let unattributed = f.provider.is_none() && f.vendor.is_none();
    let gateway_status = match f.status {
        Some(502 | 504) => true,
        Some(500) => unattributed,
        _ => false,
    };
    if page.is_some() || proxy_server.is_some() || gateway_status {
        f.origin = Origin::Proxy;
        let server = proxy_server
            .map(str::to_owned)
            .or_else(|| page.and_then(|p| p.3.clone()));
        if let Some(s) = server
            && !f.extra.iter().any(|(k, _)| k == "server")
        {
            f.extra.push(("server".to_owned(), s));
        }
        if let Some(t) = page.and_then(|p| p.1.clone())
            && !f.extra.iter().any(|(k, _)| k == "page")
        {
            f.extra.push(("page".to_owned(), t));
        }
        if f.status.is_none() {
            f.status = page.and_then(|p| p.2);
        }
    }
}

/// Whether a group is an error on its own, or context for one.
fn is_error_group(d: &Draft, response: Option<u16>) -> bool {
    let in_response = response.is_some();
    let f = &d.found;
    let has_code = f.code.is_some() || f.number.is_some();
    // A code labelled in a failed response (`X-ErrNo: -3004` below
    // `HTTP/1.1 404`) is that response's code.
    if has_code && response.is_some_and(|s| s >= 400) {
        return true;
    }
    if d.shape == Shape::Xml {
        // An error document is an error, even cut off before its code.
        return true;
    }
    if d.shape == Shape::Json {
        return has_code || f.message.is_some() || in_response || f.partial;
    }
    let ids = f.request_id.is_some() || f.trace_id.is_some() || f.host_id.is_some();
    let bad_status = f.status.is_some_and(|s| s >= 400);
    (has_code && (f.message.is_some() || ids || bad_status || f.resource.is_some() || d.sdk))
        || (bad_status && (ids || d.sdk || f.message.is_some()))
}

/// A client failure, with the endpoint the request was going to: the
/// host its own line names, else the unit's.
fn failure_of(unit: &Unit, kind: FailureKind, text: &str, host: Option<&str>) -> Failure {
    let endpoint = host
        .map(str::to_owned)
        .or_else(|| unit.endpoints.first().cloned())
        .or_else(|| unit.req_host.clone())
        .or_else(|| unit.request.as_ref().map(|(_, t)| t.clone()));
    Failure {
        kind,
        text: super::redact::redact(text).into_owned(),
        endpoint: endpoint.map(|e| super::redact::redact(&e).into_owned()),
    }
}

/// Whether an error is an SDK's report of its own failure under a number
/// of its own: `{"code":-2,"message":"network error"}` (the old COS C++
/// SDK). The failure's words are in the error itself, and nothing else
/// of it is a server's: no code, no ID, no status, and a number that no
/// service documents.
fn sdk_numbered(d: &Draft, span: &Range<usize>, failure: &Range<usize>) -> bool {
    let f = &d.found;
    let undocumented = |n: i64| !catalog::server_numbered(n);
    span.start <= failure.start
        && failure.end <= span.end
        && !d.documented
        && f.code.is_none()
        && f.number.is_some_and(undocumented)
        && f.status.is_none()
        && f.request_id.is_none()
        && f.trace_id.is_none()
        && f.host_id.is_none()
}

/// Whether an error holds nothing a server sends: no documented message,
/// no ID, no status but
/// the 408 an SDK makes up for its own timeout (the OBS Java SDK's
/// `HTTP Code: 408`), and no code or number but a code an SDK names its
/// own failures with (aws-sdk-js's `NetworkingError`, the OBS Java SDK's
/// `RequestTimeOut` under that 408, the COS C SDK's `HttpIoError` beside
/// its negative `status->code`).
fn is_client_made(d: &Draft) -> bool {
    const SDK_CODES: [&str; 10] = [
        "NetworkingError",
        // The Tencent Cloud API SDKs' codes for a request that got no
        // answer: Python's, Java's and Node's; Go's; C++'s.
        "ClientNetworkError",
        "ClientError.NetworkError",
        "NetworkError",
        "TimeoutError",
        "UnknownEndpoint",
        "RequestAbortedError",
        "RequestError",
        "RequestTimeOut",
        "HttpIoError",
    ];
    let f = &d.found;
    let sdk_code = f.code.as_deref().is_some_and(|c| {
        SDK_CODES.contains(&c) && (c != "RequestTimeOut" || f.status == Some(408))
    });
    // A server's documented message (`Request has expired`) is its own.
    !d.documented
        && !f.partial
        && f.request_id.is_none()
        && f.trace_id.is_none()
        && f.host_id.is_none()
        && f.status.is_none_or(|s| s == 408)
        && (sdk_code || (f.code.is_none() && f.number.is_none()))
}

/// Whether the catalogue lets `status` go with the draft's code: an
/// unknown code, or a code documented with that status (or none).
fn status_fits(d: &Draft, status: u16) -> bool {
    let Some(code) = d.found.code.as_deref() else {
        return true;
    };
    let folded = fold(code);
    let mut entries = catalog::server_named(&folded).peekable();
    entries.peek().is_none() || entries.any(|e| e.status.is_none_or(|s| s == status))
}

/// The index of the error nearest `span` that `ok` accepts: one whose
/// span overlaps it first, then the closest before it, then after.
fn nearest(
    errors: &[(Range<usize>, Draft)],
    span: &Range<usize>,
    ok: impl Fn(&Draft) -> bool,
) -> Option<usize> {
    errors
        .iter()
        .enumerate()
        .filter(|(_, (_, d))| ok(d))
        .min_by_key(|(_, (s, _))| {
            if s.start < span.end && span.start < s.end {
                (0, 0)
            } else if s.end <= span.start {
                (1, span.start - s.end)
            } else {
                (2, s.start - span.end)
            }
        })
        .map(|(i, _)| i)
}

fn set_id(d: &mut Draft, field: IdField, v: &str, max: usize) {
    let (f, name) = match field {
        IdField::Request => (Field::RequestId, "RequestId"),
        IdField::Trace => (Field::TraceId, "TraceId"),
        IdField::Host => (Field::HostId, "HostId"),
    };
    d.set(f, name, v, 0, max);
}

/// Merges the sightings of one error (see the module's documentation).
fn merge_groups(mut groups: Vec<(Range<usize>, Draft)>) -> Vec<(Range<usize>, Draft)> {
    // Sightings that name their request first, so that each request's
    // error is there before the sightings without one look for theirs;
    // then in input order, stronger shapes first at equal positions:
    // they give the fields.
    groups.sort_by_key(|(s, d)| (d.found.request_id.is_none(), s.start, d.shape));
    let mut out: Vec<(Range<usize>, Draft)> = Vec::new();
    for (span, d) in groups {
        let fits = |(s, o): &(Range<usize>, Draft)| {
            let overlap = s.start < span.end && span.start < s.end;
            // Each per-key error of a multi-delete is its own, however
            // alike: only sightings of one of them merge.
            if (o.found.partial || d.found.partial) && !overlap {
                return false;
            }
            let same = o.same_identity(&d);
            let one_line = o.found.line == d.found.line && o.found.line != 0 && o.compatible(&d);
            (overlap && o.compatible(&d) && !different_resources(o, &d)) || same || one_line
        };
        // Of the errors it may be a sighting of, the one on its own line,
        // else the first.
        let mut target = None;
        for (i, g) in out.iter().enumerate() {
            if fits(g) {
                if d.found.line != 0 && g.1.found.line == d.found.line {
                    target = Some(i);
                    break;
                }
                target.get_or_insert(i);
            }
        }
        match target {
            Some(i) => {
                let (s, o) = &mut out[i];
                if d.shape < o.shape {
                    let mut d = d;
                    d.absorb(std::mem::replace(o, Draft::new(Shape::Xml)));
                    *o = d;
                } else {
                    o.absorb(d);
                }
                *s = s.start.min(span.start)..s.end.max(span.end);
            }
            None => out.push((span, d)),
        }
    }
    // In input order again.
    out.sort_by_key(|(s, _)| s.start);
    out
}

fn different_resources(a: &Draft, b: &Draft) -> bool {
    matches!((&a.found.resource, &b.found.resource), (Some(x), Some(y)) if x != y)
}

/// Whether response headers alone report an error.
fn headers_say_error(headers: &[(String, String)]) -> bool {
    headers.iter().any(|(n, v)| {
        let l = n.to_ascii_lowercase();
        (l == "x-errno" && super::draft::parse_number(v).is_some_and(|n| n != 0))
            || (l.starts_with("x-") && l.ends_with("-error-code") && !is_success_code(v))
    })
}

/// `GET b.cos.ap-beijing.myqcloud.com/key`.
fn describe(method: &str, target: &str, host: Option<&str>) -> String {
    match host {
        Some(h) if target.starts_with('/') && !h.is_empty() => format!("{method} {h}{target}"),
        _ => format!("{method} {target}"),
    }
}

/// A tracing system's trace ID: hex digits (W3C, Jaeger, Zipkin), or
/// Jaeger's `trace:span:parent:flags`.
fn is_hex_trace(t: &str) -> bool {
    t.len() >= 16
        && t.bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'-')
}

/// The finished error: provider decided from the evidence.
fn finish(mut d: Draft, mut ev: Evidence) -> Found {
    if d.found.code.is_none() && d.found.number.is_none() && d.implies.len() == 1 {
        d.found.implied = Some(d.implies[0].to_owned());
    }
    let f = &d.found;
    // COS and CI trace IDs are base64; a hex one (`traceID=6b6a54ed502c9e24`
    // in Loki's and other tracing logs) is OpenTelemetry's or Jaeger's.
    if f.trace_id.as_deref().is_some_and(|t| !is_hex_trace(t)) {
        ev.add(Evidence::TENCENT);
    }
    for s in [&f.resource, &f.request].into_iter().flatten() {
        ev.add(host_evidence(s));
    }
    for (n, v) in f.extra.iter().chain(&f.headers) {
        if n.eq_ignore_ascii_case("url") || n.eq_ignore_ascii_case("host") {
            ev.add(host_evidence(v));
        }
    }
    if let Some(e) = f.failure.as_ref().and_then(|x| x.endpoint.as_deref()) {
        ev.add(host_evidence(e));
    }
    // The request ID's shape is the weakest evidence: read only when
    // nothing else spoke.
    if ev.is_empty()
        && let Some(id) = f.request_id.as_deref()
        && let Some(t) = reqid::request_time(id)
    {
        ev.add(if t.provider() == Provider::Obs {
            Evidence::HUAWEI
        } else {
            Evidence::TENCENT
        });
    }
    let (provider, vendor, foreign) = if another_services_code(f.code.as_deref()) {
        (None, None, false)
    } else {
        decide(ev)
    };
    let f = &mut d.found;
    f.document = matches!(d.shape, Shape::Xml | Shape::Json) && !d.sdk;
    f.provider = provider;
    f.vendor = vendor;
    f.foreign = foreign;
    if let Some(r) = f.request.take() {
        f.request = Some(super::redact::redact(&r).into_owned());
    }
    *d.found
}

/// Whether `code` is another cloud service's, in Huawei Cloud's form for
/// its services' API errors: the service, a dot, a number
/// (`ModelArts.3551`, `DLI.0001`, `APIGW.0301`). That service answered:
/// the OBS its message names is what it worked on, not who answered.
fn another_services_code(code: Option<&str>) -> bool {
    let Some((service, number)) = code.and_then(|c| c.split_once('.')) else {
        return false;
    };
    let mut letters = service.bytes();
    letters.next().is_some_and(|b| b.is_ascii_alphabetic())
        && letters.all(|b| b.is_ascii_alphanumeric())
        && (3..=5).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
        && !service.eq_ignore_ascii_case("OBS")
}

/// The provider the evidence names, the vendor when only that is known,
/// and whether it names another store instead.
pub fn decide(ev: Evidence) -> (Option<Provider>, Option<Vendor>, bool) {
    let cos = ev.has(Evidence::COS);
    let ci = ev.has(Evidence::CI);
    let obs = ev.has(Evidence::OBS);
    let tencent = cos || ci || ev.has(Evidence::TENCENT);
    let huawei = obs || ev.has(Evidence::HUAWEI);
    let foreign = ev.has(Evidence::AWS) || ev.has(Evidence::OTHER);
    match (tencent, huawei) {
        (true, true) => (None, None, false),
        // CI travels through COS domains and carries COS headers: its own
        // evidence outranks COS's.
        (true, false) if ci => (Some(Provider::Ci), Some(Vendor::Tencent), false),
        (true, false) if cos => (Some(Provider::Cos), Some(Vendor::Tencent), false),
        (true, false) => (None, Some(Vendor::Tencent), false),
        (false, true) => (Some(Provider::Obs), Some(Vendor::Huawei), false),
        (false, false) => (None, None, foreign),
    }
}

#[cfg(test)]
mod tests {
    use super::super::shapes::tests::{errors, one};
    use super::*;

    #[test]
    fn two_errors_on_neighbouring_lines_stay_two() {
        let e = errors(
            "qcloud_cos.cos_exception.CosServiceError: {'code': 'NoSuchKey', 'message': 'm', 'requestid': 'NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmY1'}\nqcloud_cos.cos_exception.CosServiceError: {'code': 'AccessDenied', 'message': 'n', 'requestid': 'NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmY2'}\n",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[1].found.code.as_deref(), Some("AccessDenied"));
        assert_eq!(
            e[1].found.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmY2")
        );
    }

    #[test]
    fn a_tracing_systems_trace_id_says_no_provider() {
        // github.com/opstrace/opstrace issues 1231: Loki's `traceID=` beside
        // an aws-sdk-go error from S3.
        let f = one(
            "level=warn ts=2021-08-09T21:36:34.679647955Z caller=logging.go:71 traceID=6b6a54ed502c9e24 orgID=system msg=\"GET /loki/api/v1/query_range (500) 8.074799ms Response: \\\"NoSuchBucket: The specified bucket does not exist\\\\n\\\\tstatus code: 404, request id: 0XMB8ZVCJ0XA9N9M, host id: dkNVgY0m4ZP0//+bRboVLFkvUa\\\\n\\\" ws: false; \"",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchBucket"));
        assert_eq!(f.provider, None);
        // A COS trace ID (base64) still says Tencent.
        assert!(!is_hex_trace("OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx"));
        assert!(is_hex_trace(
            "6b6a54ed502c9e24:314a3cf149bccc69:3a27b8ce10fa71b5:0"
        ));
    }

    #[test]
    fn a_body_printed_twice_is_one_error() {
        let body = "<Error><Code>NoSuchKey</Code><RequestId>r1</RequestId></Error>";
        assert_eq!(errors(&format!("response: {body}\nraw: {body}\n")).len(), 1);
    }

    #[test]
    fn a_status_line_wins_and_headers_join() {
        let f = one(
            "HTTP/1.1 403 Forbidden\nServer: tencent-cos\nx-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\n\n<Error><Code>AccessDenied</Code></Error>\n",
        );
        assert_eq!(f.status, Some(403));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
        assert_eq!(f.provider, Some(Provider::Cos));
    }

    #[test]
    fn a_status_that_does_not_fit_the_code_is_another_error() {
        let e = errors(
            "HEAD https://b.example.com/k: 403\n<Error><Code>NoSuchKey</Code><Message>x</Message></Error>\n",
        );
        assert_eq!(e.len(), 2, "{e:#?}");
    }

    #[test]
    fn no_evidence_no_provider() {
        let f = one("<Error><Code>NoSuchKey</Code><Message>m</Message></Error>");
        assert_eq!((f.provider, f.vendor), (None, None));
        let (p, v, foreign) = decide(Evidence::AWS);
        assert_eq!((p, v, foreign), (None, None, true));
        let mut both = Evidence::COS;
        both.add(Evidence::OBS);
        assert_eq!(decide(both).0, None);
    }

    /// opentelekomcloud-docs/modelarts: ModelArts's errors about the OBS
    /// paths it was given are ModelArts's, whatever OBS their message
    /// names.
    #[test]
    fn another_services_error_about_obs_is_not_obs_s() {
        let e = errors(
            "\"error_code\": \"ModelArts.3551\",\n\"error_msg\": \"OBS path xxxx does not exist.\"",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].found.code.as_deref(), Some("ModelArts.3551"));
        assert_eq!((e[0].found.provider, e[0].found.vendor), (None, None));
        // OBS's own and a service's code names are not such codes.
        for code in [
            "OBS.0001",
            "InvalidArgument",
            "Ecs.x",
            "1.2345",
            "FailedOperation.Other",
        ] {
            assert!(!another_services_code(Some(code)), "{code}");
        }
        assert!(another_services_code(Some("DLI.0001")));
    }

    /// opentelekomcloud-docs object-storage-service, the Swift API's
    /// DELETE Container example: Swift's own page for a 409.
    #[test]
    fn a_swift_page_with_its_transaction_id_is_the_service_s() {
        let f = one(
            "HTTP/1.1 409 Conflict\nX-Trans-Id: tx920280c22ff4ec5f733a5-74a61c1cb9\nContent-Type: text/html;charset=UTF-8\n\n<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>",
        );
        assert_eq!((f.status, f.origin), (Some(409), Origin::Service));
        // The same page without the header: nothing says who answered.
        let f = one(
            "HTTP/1.1 409 Conflict\nContent-Type: text/html\n\n<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>",
        );
        assert_eq!(f.origin, Origin::Proxy);
    }

    #[test]
    fn redirects_that_were_followed_are_not_errors() {
        let e = errors(
            "HTTP/1.1 301 Moved Permanently\nLocation: https://b.cos.ap-beijing.myqcloud.com/k\n\nHTTP/1.1 404 Not Found\nx-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\nContent-Length: 0\n\n",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].found.status, Some(404));
    }

    #[test]
    fn proxies_are_named() {
        let f = one(
            "HTTP/1.1 502 Bad Gateway\nServer: nginx/1.20.1\nContent-Type: text/html\n\n<html><head><title>502 Bad Gateway</title></head><body><center>nginx/1.20.1</center></body></html>\n",
        );
        assert_eq!(f.origin, Origin::Proxy);
        assert_eq!(f.status, Some(502));
    }
}
