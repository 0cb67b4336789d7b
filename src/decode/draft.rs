//! One error being assembled from whatever shape carried it: the field
//! names every shape maps to, redaction and cutting of values, merging two
//! sightings of the same error, and the provider decision.

use std::borrow::Cow;

use super::Found;
use super::redact::{redact, redact_pair};

/// What a field name (XML element, JSON key, SDK label, header) means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Code,
    Number,
    Message,
    Resource,
    RequestId,
    TraceId,
    HostId,
    Status,
    /// Known, kept in `extra`.
    Extra,
    /// Known and meaningless here (`XML Error Message:` introduces a body,
    /// `Proxy: null`); it only ends the previous value.
    Ignore,
}

/// Lower-cases and drops everything but letters and digits, so that
/// `Request ID`, `request_id`, `x-cos-request-id` and `RequestID` compare
/// equal. Returns `None` for names too long to be a field name.
pub fn normalize(name: &str, out: &mut [u8; 40]) -> Option<usize> {
    let mut n = 0;
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() {
            if n == out.len() {
                return None;
            }
            out[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    Some(n)
}

/// The meaning of a normalized field name, shared by every shape.
pub fn classify_norm(norm: &[u8]) -> Option<Field> {
    Some(match norm {
        b"code" | b"errorcode" | b"errcode" | b"coserrorcode" | b"obserrorcode"
        | b"xcoserrorcode" | b"xobserrorcode" | b"xamzerrorcode" | b"xcierrorcode"
        | b"xerrorcode"
        // Tencent Cloud API 2.0: `{code: 4300, message: ..., codeDesc:
        // 'RequestForbidden'}`.
        | b"codedesc"
        // aws-sdk-cpp's log of a failed request (TiFlash, ClickHouse,
        // Doris): `Exception name: NoSuchKey`.
        | b"exceptionname" => Field::Code,
        b"errno" | b"xerrno" => Field::Number,
        b"message" | b"errormessage" | b"errmsg" | b"errormsg" | b"coserrormessage"
        | b"xcoserrormessage" | b"xobserrormessage" | b"xamzerrormessage" | b"xerrmsg" => {
            Field::Message
        }
        b"resource" => Field::Resource,
        b"requestid" | b"reqid" | b"cosrequestid" | b"obsrequestid" | b"xcosrequestid"
        | b"xobsrequestid" | b"xamzrequestid" | b"xcirequestid" | b"xreqid" | b"xrequestid" => {
            Field::RequestId
        }
        b"traceid" | b"xcostraceid" | b"xcitraceid" => Field::TraceId,
        b"hostid" | b"xobsid2" | b"xamzid2" | b"s3extendedrequestid" | b"extendedrequestid" => {
            Field::HostId
        }
        b"status" | b"stat" | b"statuscode" | b"httpstatus" | b"httpstatuscode" | b"httpcode"
        | b"responsecode" | b"httpresponsecode" => Field::Status,
        b"service" | b"errortype" | b"coserrortype" | b"responsestatus" | b"indicator" | b"key"
        | b"bucket" | b"bucketname" | b"jobid" | b"state" | b"versionid" => Field::Extra,
        // curl's own code (`transport failure curl code:7`) is the
        // client's, read by the client shape: never the service's.
        b"xmlerrormessage" | b"proxy" | b"useragent" | b"curlcode" | b"curlerror" => Field::Ignore,
        _ => return None,
    })
}

/// The meaning of a one-word name that ends like a known one:
/// `SdkResponseCode`, `HttpStatusCode`, `GetErrorCode`, `SdkErrorMessage`.
pub fn classify_suffix(norm: &[u8]) -> Option<Field> {
    Some(match norm {
        n if n.ends_with(b"statuscode")
            || n.ends_with(b"responsecode")
            || n.ends_with(b"httpstatus") =>
        {
            Field::Status
        }
        n if n.ends_with(b"requestid") && !n.ends_with(b"extendedrequestid") => Field::RequestId,
        n if n.ends_with(b"errorcode") => Field::Code,
        n if n.ends_with(b"errormessage") || n.ends_with(b"errormsg") => Field::Message,
        _ => return None,
    })
}

pub fn classify(name: &str) -> Option<Field> {
    let mut buf = [0u8; 40];
    let n = normalize(name, &mut buf)?;
    classify_norm(&buf[..n])
}

/// Evidence about who sent an error: a host name, a header, an SDK's
/// words. A set: one error may carry several kinds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Evidence(u8);

impl Evidence {
    pub const NONE: Evidence = Evidence(0);
    pub const COS: Evidence = Evidence(1);
    pub const CI: Evidence = Evidence(2);
    pub const OBS: Evidence = Evidence(4);
    /// Tencent Cloud, but COS or CI: a `TraceId`, a `myqcloud.com` host.
    pub const TENCENT: Evidence = Evidence(8);
    /// Huawei Cloud.
    pub const HUAWEI: Evidence = Evidence(16);
    /// Amazon S3 itself: an `amazonaws.com` host, `Server: AmazonS3`.
    pub const AWS: Evidence = Evidence(32);
    /// Another S3-compatible store: MinIO, Ceph RGW, a gateway.
    pub const OTHER: Evidence = Evidence(64);

    pub fn add(&mut self, h: Evidence) {
        self.0 |= h.0;
    }
    pub fn has(self, h: Evidence) -> bool {
        self.0 & h.0 != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Which shape produced a draft; earlier shapes win when two sightings of
/// the same error disagree on a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Shape {
    Xml,
    Json,
    Labels,
    Headers,
}

#[derive(Clone, Debug)]
pub struct Draft {
    /// Boxed: a draft moves through several vectors before it is sent.
    pub found: Box<Found>,
    pub evidence: Evidence,
    pub shape: Shape,
    /// The text carried an SDK's error signature (`CosServiceError`,
    /// `ObsException`, `(Service: Amazon S3; ...`).
    pub sdk: bool,
    /// A code of `0`/`Success` was seen: a success body, not an error.
    pub success: bool,
    /// The message is one the catalogue documents, found on its own.
    pub documented: bool,
    /// The codes whose documented message it is.
    pub implies: Vec<&'static str>,
    /// The document was cut off before its end (truncated XML).
    pub cut: bool,
}

/// Codes that mean "no error".
pub fn is_success_code(v: &str) -> bool {
    let v = trim_value(v);
    v.is_empty()
        || v == "0"
        || v == "200"
        || v.eq_ignore_ascii_case("success")
        || v.eq_ignore_ascii_case("ok")
        || v.eq_ignore_ascii_case("succeeded")
}

/// `-1102`, `1020`, `+5`: a numeric code.
pub fn parse_number(v: &str) -> Option<i64> {
    let v = trim_value(v);
    let digits = v.strip_prefix(['-', '+']).unwrap_or(v);
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

/// `403`, `403 Forbidden`, `[403]`: an HTTP status.
pub fn parse_status(v: &str) -> Option<u16> {
    let v = v.trim().trim_start_matches(['[', '(', '"', '\'']);
    let end = v
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(v.len());
    if end != 3 {
        return None;
    }
    let n: u16 = v[..3].parse().ok()?;
    (100..600).contains(&n).then_some(n)
}

/// Cuts `s` to at most `max` bytes at a character boundary.
pub fn cut_str(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = max;
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// Whitespace, or a byte order mark (concatenated files leave U+FEFF at
/// the start of lines): what may stand around text without being text.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// A value without surrounding whitespace, nor a stray byte order mark
/// ([`is_blank`]).
pub fn trim_value(v: &str) -> &str {
    // Most values start and end with a visible ASCII character: nothing
    // to trim (it runs several times per field of every error).
    if let (Some(first), Some(last)) = (v.as_bytes().first(), v.as_bytes().last())
        && first.is_ascii_graphic()
        && last.is_ascii_graphic()
    {
        return v;
    }
    let t = v.trim();
    if t.starts_with('\u{FEFF}') || t.ends_with('\u{FEFF}') {
        t.trim_matches(is_blank)
    } else {
        t
    }
}

/// The index just past the character that starts at `i` in `s` (`s.len()`
/// at the end): `rfind` gives where a character starts, not its length.
pub fn after_char(s: &str, i: usize) -> usize {
    i + s[i..].chars().next().map_or(0, char::len_utf8)
}

/// What a field's name says about who sent it: `X-ErrNo` is CI's,
/// `x-cos-*` COS's, `x-obs-*` OBS's.
fn label_evidence(name: &str) -> Evidence {
    let l = name.trim().trim_matches(['\'', '"']);
    if l.len() < 6 {
        return Evidence::NONE;
    }
    let p = l.as_bytes();
    let prefix = |s: &str| p.len() >= s.len() && p[..s.len()].eq_ignore_ascii_case(s.as_bytes());
    if l.eq_ignore_ascii_case("x-errno") || prefix("x-ci-") {
        Evidence::CI
    } else if prefix("x-cos-") {
        Evidence::COS
    } else if prefix("x-obs-") {
        Evidence::OBS
    } else {
        Evidence::NONE
    }
}

/// A status's reason phrase written as a code (`Forbidden`, `NotFound`,
/// `MethodNotAllowed`) that no provider documents as one.
fn is_reason_code(v: &str) -> bool {
    crate::explain::status_of_reason(v).is_some()
        && crate::catalog::server_named(&crate::catalog::fold(v))
            .next()
            .is_none()
}

/// `INTERNAL_SERVER_ERROR`, `BAD_REQUEST`: upper case words joined by
/// underscores, as applications and RPC frameworks name their codes.
/// Storage services' codes are `CamelCase`; the only server codes of this
/// form are COS's legacy JSON API's (`ERROR_PROXY_AUTH_FAILED`), which are
/// not app codes when spelled exactly so (`INVALID_ARGUMENT` is gRPC's,
/// not `InvalidArgument`). A test holds the catalogue to that.
pub fn is_app_code(v: &str) -> bool {
    looks_like_app_code(v)
        && !crate::catalog::server_named(&crate::catalog::fold(v)).any(|e| e.code() == Some(v))
}

/// [`is_app_code`]'s form alone.
fn looks_like_app_code(v: &str) -> bool {
    v.contains('_')
        && v.starts_with(|c: char| c.is_ascii_uppercase())
        && !v.starts_with('_')
        && !v.ends_with('_')
        && v.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// `ENOTFOUND`, `ECONNRESET`, `EAI_AGAIN`: an errno name.
pub fn is_errno_name(v: &str) -> bool {
    v.len() >= 4
        && v.len() <= 20
        && v.starts_with('E')
        && v.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
        && !matches!(v, "ERROR" | "EXCEPTION")
        // `ERROR_CGI_REQ_PARAM`: COS's legacy JSON API's names, not errno's.
        && !v.starts_with("ERROR_")
}

/// A value that stands for an ID without being one: `...`, `xxx`,
/// `<REQUEST_ID>`, `{requestId}`, `******`. A partly masked ID
/// (`NjA2****`) is an ID.
pub fn is_placeholder(v: &str) -> bool {
    let v = trim_value(v);
    // Real request IDs are 16 characters and up (Amazon's 16 hex digits,
    // OBS's 32, COS's 40 or so); a shorter one was cut or made up. A
    // masked one is kept, and so is anything with a mask in it.
    if v.chars().count() < 8 && !v.contains('*') {
        return true;
    }
    let wrapped =
        (v.starts_with('<') && v.ends_with('>')) || (v.starts_with('{') && v.ends_with('}'));
    wrapped
        || v.chars()
            .all(|c| matches!(c, '.' | '*' | '-' | '_' | '?' | '…' | 'x' | 'X'))
        || v.eq_ignore_ascii_case("null")
        || v.eq_ignore_ascii_case("none")
        || v.eq_ignore_ascii_case("n/a")
        || v.eq_ignore_ascii_case("requestid")
        || v.eq_ignore_ascii_case("your-request-id")
        || is_redaction(v)
}

/// A poster's word for what they took out (`**CENSORED**`, `[REDACTED]`),
/// with any marks around it.
fn is_redaction(v: &str) -> bool {
    const WORDS: [&str; 6] = [
        "censored", "redacted", "removed", "hidden", "masked", "omitted",
    ];
    let core = v.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    WORDS.iter().any(|w| core.eq_ignore_ascii_case(w))
}

fn is_empty_value(v: &str) -> bool {
    let v = trim_value(v);
    v.is_empty() || v == "null" || v == "None" || v == "nil" || v == "undefined" || v == "-"
}

impl Draft {
    pub fn new(shape: Shape) -> Draft {
        Draft {
            found: Box::default(),
            evidence: Evidence::default(),
            shape,
            sdk: false,
            success: false,
            documented: false,
            implies: Vec::new(),
            cut: false,
        }
    }

    /// Redacts and cuts a value; `total`, when not 0, is its length before
    /// an earlier cut (the XML reader cuts while streaming).
    fn clean(&mut self, name: &str, value: &str, total: usize, max: usize) -> String {
        self.clean_as(name, value, total, max, false)
    }

    /// `known`: the name is an error field's (`Code`, `RequestId`), never
    /// a secret's, so only the text needs looking at.
    fn clean_as(
        &mut self,
        name: &str,
        value: &str,
        total: usize,
        max: usize,
        known: bool,
    ) -> String {
        let value = trim_value(value);
        let red: Cow<'_, str> = if known {
            redact(value)
        } else {
            redact_pair(name, value)
        };
        let total = total.max(value.len());
        let kept = cut_str(&red, max);
        if kept.len() < red.len() || total > value.len() {
            self.found
                .notes
                .push(format!("{name} cut to {} of {total} bytes", kept.len()));
        }
        kept.to_owned()
    }

    /// IDs: whitespace from line wrapping removed; masks kept as they are.
    fn clean_id(&mut self, name: &str, value: &str, max: usize) -> String {
        let v = trim_value(value);
        let joined: String;
        let v = if super::any_byte(v.as_bytes(), |b| b.is_ascii_whitespace()) {
            joined = v.split_ascii_whitespace().collect();
            &joined
        } else {
            v
        };
        // The ID ends where the ID alphabet does (`NjVh，请` has CJK text
        // glued to it); what follows is not part of it.
        let t = super::shapes::ids::id_token(v);
        let v = if t.is_empty() { v } else { t };
        self.clean_as(name, v, 0, max, true)
    }

    /// Sets a field by meaning. The first value wins; a different second
    /// value of a field that is not an identity goes to `extra`.
    pub fn set(&mut self, field: Field, name: &str, value: &str, total: usize, max: usize) {
        if is_empty_value(value) && field != Field::Extra {
            return;
        }
        self.evidence.add(label_evidence(name));
        // A POSIX errno name (`ENOTFOUND`, `ECONNRESET`) is the client's
        // failure, not a service's code.
        if matches!(field, Field::Code) && is_errno_name(trim_value(value)) {
            self.push_extra("errno", value, total, max);
            return;
        }
        match field {
            Field::Code => {
                let v = trim_value(value);
                // A line's full stop is not the code's (`Error Code:
                // PartAlreadyExist.`, as Aliyun's Go SDK v2 prints it).
                let v = match v.strip_suffix('.') {
                    Some(c) if !c.is_empty() && !c.contains(' ') && !c.ends_with('.') => c,
                    _ => v,
                };
                if is_success_code(v) {
                    self.success = true;
                } else if let Some(n) = parse_number(v)
                    && (100..600).contains(&n)
                    && !v.starts_with('+')
                {
                    // No CI numeric code is in 100..=599 (they are
                    // negative, or 1000 and up): an NSError's `Code=403`,
                    // a `"code": 404`, boto's `(403)` are HTTP statuses.
                    self.found.status.get_or_insert(n as u16);
                } else if is_app_code(v) {
                    // `INTERNAL_SERVER_ERROR` (tRPC), `NOT_FOUND`: an
                    // application's own code. No storage service names its
                    // errors so: kept, not read as the service's code.
                    self.push_extra(name, value, total, max);
                } else if parse_number(v) == Some(-1) {
                    // An application's generic failure flag (`"code": -1`),
                    // never a service's code: kept, not read as one.
                    self.push_extra(name, value, total, max);
                } else if let Some(n) = parse_number(v) {
                    if self.found.number.is_none() {
                        self.found.number = Some(n);
                    }
                } else if is_reason_code(v) {
                    // aws-sdk-go names a bodiless error by its status text
                    // (`Forbidden`, `NotFound`): a status, not a code.
                    if let Some(s) = crate::explain::status_of_reason(v) {
                        self.found.status.get_or_insert(s);
                    }
                } else if self.found.code.is_none() {
                    self.found.code = Some(self.clean_as(name, v, total, max.min(256), true));
                } else if self.found.code.as_deref() != Some(v) {
                    self.push_extra(name, value, total, max);
                }
            }
            Field::Number => {
                if let Some(n) = parse_number(value) {
                    self.found.number.get_or_insert(n);
                } else {
                    self.set(Field::Code, name, value, total, max);
                }
            }
            Field::Status => {
                // `403`, `403 Forbidden`, or the reason phrase alone (.NET's
                // `StatusCode: Forbidden`).
                let v = trim_value(value);
                match parse_status(v).or_else(|| crate::explain::status_of_reason(v)) {
                    Some(s) => {
                        self.found.status.get_or_insert(s);
                    }
                    None => self.push_extra(name, value, total, max),
                }
            }
            Field::Message => {
                if self.found.message.is_none() {
                    self.found.message = Some(self.clean_as(name, value, total, max, true));
                } else if self.found.message.as_deref().map(trim_value) != Some(trim_value(value)) {
                    self.push_extra(name, value, total, max);
                }
            }
            Field::Resource => {
                if self.found.resource.is_none() {
                    self.found.resource = Some(self.clean_as(name, value, total, max, true));
                }
            }
            Field::RequestId | Field::TraceId | Field::HostId if is_placeholder(value) => {}
            Field::RequestId => {
                if self.found.request_id.is_none() {
                    self.found.request_id = Some(self.clean_id(name, value, max));
                }
            }
            Field::TraceId => {
                if self.found.trace_id.is_none() {
                    self.found.trace_id = Some(self.clean_id(name, value, max));
                }
            }
            Field::HostId => {
                if self.found.host_id.is_none() {
                    self.found.host_id = Some(self.clean_id(name, value, max));
                }
            }
            Field::Extra => self.push_extra(name, value, total, max),
            Field::Ignore => {}
        }
    }

    /// Keeps an unknown or surplus field in `extra` (64 at most).
    pub fn push_extra(&mut self, name: &str, value: &str, total: usize, max: usize) {
        if self
            .found
            .extra
            .iter()
            .any(|(n, v)| n == name && v == trim_value(value))
        {
            return;
        }
        if self.found.extra.len() >= 64 {
            if !self
                .found
                .notes
                .iter()
                .any(|n| n.starts_with("more than 64"))
            {
                self.found
                    .notes
                    .push("more than 64 other fields; the rest were dropped".to_owned());
            }
            return;
        }
        let name = cut_str(name, 256).to_owned();
        let v = self.clean(&name, value, total, max);
        self.found.extra.push((name, v));
    }

    /// Records a response header and what it says about the error.
    pub fn add_header(&mut self, name: &str, value: &str, max: usize) {
        let lname = name.trim().to_ascii_lowercase();
        let value = value.trim();
        if self.found.headers.len() < 128 {
            let v = redact_pair(&lname, value);
            let v = cut_str(&v, max).to_owned();
            self.found.headers.push((name.trim().to_owned(), v));
        }
        header_hints(&lname, value, &mut self.evidence);
        match lname.as_str() {
            "date" if self.found.server_date.is_none() && !value.is_empty() => {
                self.found.server_date = Some(cut_str(value, 256).to_owned());
            }
            "x-cos-request-id" | "x-obs-request-id" | "x-amz-request-id" | "x-ci-request-id"
            | "x-request-id" => self.set(Field::RequestId, name, value, 0, max),
            "x-cos-trace-id" | "x-ci-trace-id" => self.set(Field::TraceId, name, value, 0, max),
            "x-obs-id-2" | "x-amz-id-2" => self.set(Field::HostId, name, value, 0, max),
            "x-errno" => self.set(Field::Number, name, value, 0, max),
            "x-errmsg"
            | "x-cos-error-message"
            | "x-obs-error-message"
            | "x-amz-error-message"
            | "x-ci-error-message" => self.set(Field::Message, name, value, 0, max),
            _ if lname.ends_with("-error-code") && lname.starts_with("x-") => {
                self.set(Field::Code, name, value, 0, max)
            }
            _ => {}
        }
    }

    /// Whether two drafts can describe the same error: no identity field
    /// (code, number, request ID, trace ID) disagrees.
    pub fn compatible(&self, other: &Draft) -> bool {
        fn same<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        let (a, b) = (&self.found, &other.found);
        same(&a.code, &b.code)
            && same(&a.number, &b.number)
            && same(&a.request_id, &b.request_id)
            && same(&a.trace_id, &b.trace_id)
            && same(&a.status, &b.status)
    }

    /// Whether two sightings on one line (an XML body and the SDK text
    /// around it) are one error: an identity field in common, none in
    /// conflict, and not two different resources (per-key errors).
    pub fn same_identity(&self, other: &Draft) -> bool {
        let (a, b) = (&self.found, &other.found);
        let eq = |x: &Option<String>, y: &Option<String>| x.is_some() && x == y;
        let resources_differ = matches!((&a.resource, &b.resource), (Some(x), Some(y)) if x != y);
        self.compatible(other)
            && !resources_differ
            && (eq(&a.request_id, &b.request_id)
                || eq(&a.code, &b.code)
                || (a.number.is_some() && a.number == b.number))
    }

    /// Fills what `self` lacks from `other`.
    pub fn absorb(&mut self, mut other: Draft) {
        // A documented server message says more than an SDK's or a log's
        // own words: it names the error.
        if other.documented && !self.documented {
            if let Some(m) = other.found.message.take() {
                let quoted = self.found.message.as_deref().is_some_and(|old| {
                    old.to_ascii_lowercase()
                        .contains(&m.trim_end_matches('.').to_ascii_lowercase())
                });
                if !quoted && let Some(old) = self.found.message.replace(m) {
                    self.push_extra("message", &old, 0, usize::MAX);
                }
            }
            self.documented = true;
            self.implies = std::mem::take(&mut other.implies);
        }
        let o = *other.found;
        let f = &mut self.found;
        f.status = f.status.or(o.status);
        f.number = f.number.or(o.number);
        fill(&mut f.code, o.code);
        fill(&mut f.message, o.message);
        fill(&mut f.resource, o.resource);
        fill(&mut f.request_id, o.request_id);
        fill(&mut f.trace_id, o.trace_id);
        fill(&mut f.host_id, o.host_id);
        fill(&mut f.request, o.request);
        fill(&mut f.server_date, o.server_date);
        fill(&mut f.client_date, o.client_date);
        for (n, v) in o.extra {
            if f.extra.len() < 64 && !f.extra.iter().any(|(a, _)| *a == n) {
                f.extra.push((n, v));
            }
        }
        if f.headers.is_empty() {
            f.headers = o.headers;
        }
        for n in o.notes {
            if !f.notes.contains(&n) {
                f.notes.push(n);
            }
        }
        f.partial |= o.partial;
        fill(&mut f.operation, o.operation);
        if f.failure.is_none() {
            f.failure = o.failure;
        }
        // The error is where the sighting that gives its fields is.
        if f.line == 0 {
            f.line = o.line;
        }
        self.evidence.add(other.evidence);
        self.sdk |= other.sdk;
    }
}

fn fill(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        *slot = v;
    }
}

/// What a response header says about the provider.
pub fn header_hints(lname: &str, value: &str, h: &mut Evidence) {
    if lname == "server" {
        let v = value.trim();
        if v.eq_ignore_ascii_case("tencent-cos")
            || v.to_ascii_lowercase().starts_with("tencent-cos")
        {
            h.add(Evidence::COS);
        } else if v.eq_ignore_ascii_case("tencent-ci") {
            h.add(Evidence::CI);
        } else if v.eq_ignore_ascii_case("obs") || v.to_ascii_lowercase().starts_with("obs") {
            h.add(Evidence::OBS);
        }
    } else if lname == "x-errno" || lname.starts_with("x-ci-") {
        h.add(Evidence::CI);
    } else if lname.starts_with("x-cos-") {
        h.add(Evidence::COS);
    } else if lname.starts_with("x-obs-") {
        h.add(Evidence::OBS);
    } else if lname == "host" || lname == "location" {
        host_hints(value, h);
    }
}

/// What a host name or URL says about the provider.
pub fn host_hints(s: &str, h: &mut Evidence) {
    h.add(host_evidence(s));
}

/// What a host name or URL says about the provider: `*.cos.*.myqcloud.com`
/// is COS, `*.ci.*` and `*.pic*.myqcloud.com` CI, another `myqcloud.com`
/// host Tencent; `obs.*.myhuaweicloud.com` is OBS (other Huawei Cloud
/// hosts are other services); `amazonaws.com` is Amazon, `aliyuncs.com`
/// another store.
pub fn host_evidence(s: &str) -> Evidence {
    if s.len() > 4096 || memchr::memchr(b'.', s.as_bytes()).is_none() {
        return Evidence::NONE;
    }
    // The host part of a URL, a `METHOD host/path` or a bare host: its
    // labels, compared without regard to case (no searching: this runs
    // for every resource and request).
    let rest = s.split_once("://").map_or(s, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit(char::is_whitespace).next().unwrap_or(host);
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = match host.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => host,
    };
    let host = host.trim_end_matches('.');
    let labels = || host.split('.');
    let mut tail = host.rsplit('.');
    let (top, second, third) = (tail.next(), tail.next(), tail.next());
    let is = |label: Option<&str>, name: &str| label.is_some_and(|l| l.eq_ignore_ascii_case(name));
    let domain = |name: &str| is(second, name) && is(top, "com");
    let mut h = Evidence::NONE;
    let tencent =
        domain("myqcloud") || (is(second, "tencentcos") && top.is_some_and(|t| t.len() <= 3));
    let ci_process = memchr::memchr(b'=', s.as_bytes()).is_some()
        && s.as_bytes()
            .windows(11)
            .any(|w| w.eq_ignore_ascii_case(b"ci-process="));
    let label_starts = |l: &str, p: &str| {
        l.len() >= p.len() && l.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    // The first label is the bucket's, whatever it is called; the
    // endpoint's own start with `cos.` and `obs.`.
    if (tencent
        && labels()
            .skip(1)
            .any(|l| l.eq_ignore_ascii_case("ci") || label_starts(l, "pic")))
        || ci_process
    {
        h.add(Evidence::CI);
    } else if tencent && labels().any(|l| l.eq_ignore_ascii_case("cos")) {
        h.add(Evidence::COS);
    } else if tencent {
        h.add(Evidence::TENCENT);
    }
    // Open Telekom Cloud runs Huawei's OBS.
    let huawei = domain("myhuaweicloud")
        || domain("myhwclouds")
        || (is(top, "com") && is(second, "t-systems") && is(third, "otc"));
    if huawei
        && (labels().any(|l| l.eq_ignore_ascii_case("obs"))
            || labels().skip(1).any(|l| label_starts(l, "obs-")))
    {
        h.add(Evidence::OBS);
    }
    if domain("amazonaws") || (is(top, "cn") && is(second, "com") && is(third, "amazonaws")) {
        h.add(Evidence::AWS);
    }
    if domain("aliyuncs") {
        h.add(Evidence::OTHER);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_stop_after_a_code_is_the_lines() {
        // github.com/wiserain/rclone issues 32
        let mut d = Draft::new(Shape::Labels);
        d.set(Field::Code, "Error Code", "PartAlreadyExist.", 0, 256);
        assert_eq!(d.found.code.as_deref(), Some("PartAlreadyExist"));
        let mut d = Draft::new(Shape::Labels);
        d.set(
            Field::Code,
            "Code",
            "InvalidParameter.GrantOtherResource",
            0,
            256,
        );
        assert_eq!(
            d.found.code.as_deref(),
            Some("InvalidParameter.GrantOtherResource")
        );
    }

    #[test]
    fn redacted_ids_are_placeholders() {
        // github.com/wimleers/fileconveyor issues 98
        for v in ["**CENSORED**", "[REDACTED]", "<removed>", "REDACTED"] {
            assert!(is_placeholder(v), "{v}");
        }
        for v in [
            "NjVhMTZhYTNfMWQyZjBh****",
            "4B5850D76A21EDF2",
            "hidden-bucket-request-1",
        ] {
            assert!(!is_placeholder(v), "{v}");
        }
    }

    /// No server code of the catalogue looks like an application's code,
    /// so reading those as extras never hides a service's code.
    #[test]
    fn app_codes_are_no_service_codes() {
        assert!(is_app_code("INTERNAL_SERVER_ERROR"));
        assert!(is_app_code("NOT_FOUND"));
        for code in [
            "NoSuchKey",
            "ENOTFOUND",
            "SLOW",
            "_A",
            "A_",
            "Request has expired",
            "ERROR_PROXY_AUTH_FAILED",
        ] {
            assert!(!is_app_code(code), "{code}");
        }
        assert!(!is_errno_name("ERROR_CGI_REQ_PARAM"));
        assert!(is_errno_name("EAI_AGAIN"));
        // gRPC's names of S3's codes stay app codes.
        for code in ["INVALID_ARGUMENT", "INTERNAL_ERROR", "ACCESS_DENIED"] {
            assert!(is_app_code(code), "{code}");
        }
        // The only server codes of that form are the legacy JSON API's.
        let servers: Vec<&str> = crate::catalog::server_entries()
            .filter(|e| e.section != crate::catalog::Section::JsonApi)
            .filter_map(|e| e.code())
            .filter(|c| looks_like_app_code(c))
            .collect();
        assert!(servers.is_empty(), "{servers:?}");
    }

    #[test]
    fn host_names_in_any_case_name_the_service() {
        let evidence = |s: &str| {
            let mut h = Evidence::default();
            host_hints(s, &mut h);
            h
        };
        for s in [
            "b-1250000000.cos.ap-beijing.myqcloud.com/a.txt",
            "B-1250000000.COS.AP-Beijing.MyQcloud.com/A.txt",
        ] {
            assert_eq!(evidence(s), Evidence::COS, "{s}");
        }
        assert_eq!(
            evidence("b-125.PicSH.myqcloud.com/a.jpg?CI-Process=x"),
            Evidence::CI
        );
        assert_eq!(
            evidence("Bucket.OBS.cn-north-4.MyHuaweiCloud.com"),
            Evidence::OBS
        );
        assert_eq!(evidence("example.com/cos"), Evidence::default());
        // The bucket's name says nothing.
        assert_eq!(
            evidence("http://picgo-1305151344.cos.ap-nanjing.myqcloud.com/img%2F1.png"),
            Evidence::COS
        );
        assert_eq!(
            evidence("PUT b-125.cos.ap-beijing.myqcloud.com:443/k"),
            Evidence::COS
        );
        assert_eq!(evidence("cos.ap-beijing.myqcloud.com"), Evidence::COS);
        assert_eq!(evidence("s3.amazonaws.com"), Evidence::AWS);
        assert_eq!(evidence("myqcloud.com.example.net"), Evidence::default());
        // A label cut inside a character is no panic.
        assert_eq!(evidence("b.pi€.myqcloud.com"), Evidence::TENCENT);
        assert_eq!(evidence("b.ob€.myhuaweicloud.com"), Evidence::default());
    }

    #[test]
    fn names_normalize() {
        for n in [
            "RequestId",
            "RequestID",
            "request_id",
            "Request ID",
            "x-cos-request-id",
            "requestId",
        ] {
            assert_eq!(classify(n), Some(Field::RequestId), "{n}");
        }
        assert_eq!(classify("S3 Extended Request ID"), Some(Field::HostId));
        assert_eq!(classify("Cos Error Code"), Some(Field::Code));
        assert_eq!(classify("Status Code"), Some(Field::Status));
        assert_eq!(classify("Whatever"), None);
        assert_eq!(classify(&"a".repeat(100)), None);
    }

    #[test]
    fn code_values() {
        let mut d = Draft::new(Shape::Xml);
        d.set(Field::Code, "Code", " -1102 ", 0, 100);
        assert_eq!(d.found.number, Some(-1102));
        assert_eq!(d.found.code, None);
        d.set(Field::Code, "Code", "NoSuchKey", 0, 100);
        d.set(Field::Code, "ErrorCode", "Other", 0, 100);
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            d.found.extra,
            vec![("ErrorCode".to_owned(), "Other".to_owned())]
        );
        let mut s = Draft::new(Shape::Xml);
        s.set(Field::Code, "Code", "0", 0, 100);
        assert!(s.success);
    }

    #[test]
    fn cut_with_note() {
        let mut d = Draft::new(Shape::Xml);
        d.set(Field::Message, "Message", &"é".repeat(10), 0, 5);
        assert_eq!(d.found.message.as_deref(), Some("éé"));
        assert_eq!(
            d.found.notes,
            vec!["Message cut to 4 of 20 bytes".to_owned()]
        );
    }

    #[test]
    fn trim_value_shortcut_trims_as_the_long_way() {
        let long_way = |v: &str| {
            v.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
                .to_owned()
        };
        // Every string of up to 4 characters over visible ASCII, ASCII and
        // Unicode spaces, a mark and a non-ASCII letter.
        let alphabet = ['a', '~', ' ', '\t', '\n', '\u{3000}', '\u{FEFF}', '\u{e9}'];
        for chars in super::super::every_sequence(&alphabet, 4) {
            let v: String = chars.into_iter().collect();
            assert_eq!(trim_value(&v), long_way(&v), "{v:?}");
        }
    }

    #[test]
    fn ids_lose_wrapping_whitespace_not_masks() {
        let mut d = Draft::new(Shape::Xml);
        d.set(Field::HostId, "HostId", "RkRC \n   QUFB", 0, 100);
        d.set(Field::RequestId, "RequestId", "NjA2****", 0, 100);
        assert_eq!(d.found.host_id.as_deref(), Some("RkRCQUFB"));
        assert_eq!(d.found.request_id.as_deref(), Some("NjA2****"));
    }

    #[test]
    fn status_values() {
        assert_eq!(parse_status("403 Forbidden"), Some(403));
        assert_eq!(parse_status("[404]"), Some(404));
        assert_eq!(parse_status("4031"), None);
        assert_eq!(parse_status("700"), None);
        assert_eq!(parse_number("-65013"), Some(-65013));
        assert_eq!(parse_number("12a"), None);
    }
}
