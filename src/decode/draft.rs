//! One error being assembled from whatever shape carried it: the field
//! names every shape maps to, redaction and cutting of values, merging two
//! sightings of the same error, and the provider decision.

use std::borrow::Cow;

use super::redact::{redact, redact_pair};
use super::{Found, Vendor};
use crate::catalog::Provider;

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
        | b"xerrorcode" => Field::Code,
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
        b"status" | b"statuscode" | b"httpstatus" | b"httpstatuscode" | b"httpcode"
        | b"responsecode" | b"httpresponsecode" => Field::Status,
        b"service" | b"errortype" | b"coserrortype" | b"responsestatus" | b"indicator" | b"key"
        | b"bucket" | b"bucketname" | b"jobid" | b"state" | b"versionid" => Field::Extra,
        b"xmlerrormessage" | b"proxy" | b"useragent" => Field::Ignore,
        _ => return None,
    })
}

pub fn classify(name: &str) -> Option<Field> {
    let mut buf = [0u8; 40];
    let n = normalize(name, &mut buf)?;
    classify_norm(&buf[..n])
}

/// Evidence about who sent an error, gathered while parsing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hints(u8);

impl Hints {
    pub const COS: Hints = Hints(1);
    pub const CI: Hints = Hints(2);
    pub const OBS: Hints = Hints(4);
    pub const TENCENT: Hints = Hints(8);
    pub const HUAWEI: Hints = Hints(16);

    pub fn add(&mut self, h: Hints) {
        self.0 |= h.0;
    }
    pub fn has(self, h: Hints) -> bool {
        self.0 & h.0 != 0
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
    pub hints: Hints,
    pub shape: Shape,
    /// The text carried an SDK's error signature (`CosServiceError`,
    /// `ObsException`, `(Service: Amazon S3; ...`).
    pub sdk: bool,
    /// A code of `0`/`Success` was seen: a success body, not an error.
    pub success: bool,
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

fn is_empty_value(v: &str) -> bool {
    let v = trim_value(v);
    v.is_empty() || v == "null" || v == "None" || v == "nil" || v == "undefined" || v == "-"
}

impl Draft {
    pub fn new(shape: Shape) -> Draft {
        Draft {
            found: Box::default(),
            hints: Hints::default(),
            shape,
            sdk: false,
            success: false,
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
        if super::any_byte(v.as_bytes(), |b| b.is_ascii_whitespace()) {
            let joined: String = v.split_ascii_whitespace().collect();
            self.clean_as(name, &joined, 0, max, true)
        } else {
            self.clean_as(name, v, 0, max, true)
        }
    }

    /// Sets a field by meaning. The first value wins; a different second
    /// value of a field that is not an identity goes to `extra`.
    pub fn set(&mut self, field: Field, name: &str, value: &str, total: usize, max: usize) {
        if is_empty_value(value) && field != Field::Extra {
            return;
        }
        match field {
            Field::Code => {
                let v = trim_value(value);
                if is_success_code(v) {
                    self.success = true;
                } else if let Some(n) = parse_number(v) {
                    if self.found.number.is_none() {
                        self.found.number = Some(n);
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
            Field::Status => match parse_status(value) {
                Some(s) => {
                    self.found.status.get_or_insert(s);
                }
                None => self.push_extra(name, value, total, max),
            },
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
        header_hints(&lname, value, &mut self.hints);
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

    /// Whether the draft has no identity of its own (only context: a
    /// status, a message, headers).
    pub fn is_context_only(&self) -> bool {
        let f = &self.found;
        f.code.is_none() && f.number.is_none() && f.request_id.is_none()
    }

    /// Fills what `self` lacks from `other`.
    pub fn absorb(&mut self, other: Draft) {
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
        if f.line == 0 || (o.line != 0 && o.line < f.line) {
            f.line = o.line;
        }
        self.hints.add(other.hints);
        self.sdk |= other.sdk;
    }

    /// Whether a draft from the looser shapes (labels, JSON) says enough
    /// to be reported on its own.
    pub fn is_substantial(&self) -> bool {
        let f = &self.found;
        let has_code = f.code.is_some() || f.number.is_some();
        let ids = f.request_id.is_some() || f.trace_id.is_some() || f.host_id.is_some();
        let bad_status = f.status.is_some_and(|s| s >= 300);
        (has_code && (f.message.is_some() || ids || bad_status || f.resource.is_some() || self.sdk))
            || (bad_status && (ids || self.sdk))
    }

    /// The finished error: provider decided, `--provider` applied.
    pub fn finish(mut self, forced: Option<Provider>) -> Found {
        let (provider, vendor) = self.decide_provider();
        let f = &mut self.found;
        f.provider = forced.or(provider);
        f.vendor = match f.provider {
            Some(Provider::Obs) => Some(Vendor::Huawei),
            Some(_) => Some(Vendor::Tencent),
            None => vendor,
        };
        if let Some(r) = f.request.take() {
            f.request = Some(redact(&r).into_owned());
        }
        *self.found
    }

    fn decide_provider(&mut self) -> (Option<Provider>, Option<Vendor>) {
        let f = &self.found;
        let mut h = self.hints;
        if f.trace_id.is_some() {
            h.add(Hints::TENCENT);
        }
        if f.host_id.is_some() {
            h.add(Hints::HUAWEI);
        }
        for s in [&f.resource, &f.request].into_iter().flatten() {
            host_hints(s, &mut h);
        }
        for (n, v) in &f.extra {
            if n.eq_ignore_ascii_case("url") || n.eq_ignore_ascii_case("host") {
                host_hints(v, &mut h);
            }
        }
        // The request ID's shape is the weakest evidence: decoded only
        // when nothing else spoke.
        if h == Hints::default()
            && let Some(id) = f.request_id.as_deref()
            && let Some(t) = super::reqid::request_time(id)
        {
            h.add(if t.provider() == Provider::Obs {
                Hints::HUAWEI
            } else {
                Hints::TENCENT
            });
        }
        let tencent = h.has(Hints::COS) || h.has(Hints::CI) || h.has(Hints::TENCENT);
        let huawei = h.has(Hints::OBS) || h.has(Hints::HUAWEI);
        // Explicit service evidence first; CI outranks COS because CI
        // requests travel through COS domains and carry COS headers.
        if h.has(Hints::CI) && !h.has(Hints::OBS) {
            return (Some(Provider::Ci), Some(Vendor::Tencent));
        }
        if h.has(Hints::OBS) && !h.has(Hints::COS) {
            return (Some(Provider::Obs), Some(Vendor::Huawei));
        }
        if h.has(Hints::COS) && !h.has(Hints::OBS) {
            return (Some(Provider::Cos), Some(Vendor::Tencent));
        }
        match (tencent, huawei) {
            (false, true) => (Some(Provider::Obs), Some(Vendor::Huawei)),
            (true, false) => (None, Some(Vendor::Tencent)),
            _ => (None, None),
        }
    }
}

fn fill(slot: &mut Option<String>, v: Option<String>) {
    if slot.is_none() {
        *slot = v;
    }
}

/// What a response header says about the provider.
pub fn header_hints(lname: &str, value: &str, h: &mut Hints) {
    if lname == "server" {
        let v = value.trim();
        if v.eq_ignore_ascii_case("tencent-cos")
            || v.to_ascii_lowercase().starts_with("tencent-cos")
        {
            h.add(Hints::COS);
        } else if v.eq_ignore_ascii_case("tencent-ci") {
            h.add(Hints::CI);
        } else if v.eq_ignore_ascii_case("obs") || v.to_ascii_lowercase().starts_with("obs") {
            h.add(Hints::OBS);
        }
    } else if lname == "x-errno" || lname.starts_with("x-ci-") {
        h.add(Hints::CI);
    } else if lname.starts_with("x-cos-") {
        h.add(Hints::COS);
    } else if lname.starts_with("x-obs-") {
        h.add(Hints::OBS);
    } else if lname == "host" || lname == "location" {
        host_hints(value, h);
    }
}

static HOST_FINDERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 7]> =
    std::sync::LazyLock::new(|| {
        use memchr::memmem::Finder;
        [
            Finder::new("myqcloud.com"),
            Finder::new("tencentcos."),
            Finder::new(".ci."),
            Finder::new(".cos."),
            Finder::new("ci-process="),
            Finder::new("huaweicloud.com"),
            Finder::new("myhwclouds.com"),
        ]
    });

/// What a host name or URL says about the provider.
pub fn host_hints(s: &str, h: &mut Hints) {
    if s.len() > 4096 || memchr::memchr(b'.', s.as_bytes()).is_none() {
        return;
    }
    // Host names are printed in lower case; lower-case a copy only when
    // there is something to lower.
    let l: Cow<'_, str> = if super::any_byte(s.as_bytes(), |b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    };
    let b = l.as_bytes();
    let [qcloud, tcos, ci, cos, ci_process, huawei, hwclouds] = &*HOST_FINDERS;
    let tencent = qcloud.find(b).is_some() || tcos.find(b).is_some();
    if tencent && ci.find(b).is_some() || ci_process.find(b).is_some() {
        h.add(Hints::CI);
    } else if tencent && cos.find(b).is_some() {
        h.add(Hints::COS);
    } else if tencent {
        h.add(Hints::TENCENT);
    }
    if huawei.find(b).is_some() || hwclouds.find(b).is_some() {
        h.add(Hints::OBS);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_in_any_case_name_the_service() {
        let hints = |s: &str| {
            let mut h = Hints::default();
            host_hints(s, &mut h);
            h
        };
        for s in [
            "b-1250000000.cos.ap-beijing.myqcloud.com/a.txt",
            "B-1250000000.COS.AP-Beijing.MyQcloud.com/A.txt",
        ] {
            assert_eq!(hints(s), Hints::COS, "{s}");
        }
        assert_eq!(
            hints("b-125.PicSH.myqcloud.com/a.jpg?CI-Process=x"),
            Hints::CI
        );
        assert_eq!(hints("Bucket.OBS.cn-north-4.MyHuaweiCloud.com"), Hints::OBS);
        assert_eq!(hints("example.com/cos"), Hints::default());
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
    fn provider_from_evidence() {
        let mut d = Draft::new(Shape::Xml);
        d.found.trace_id = Some("x".into());
        let f = d.clone().finish(None);
        assert_eq!((f.provider, f.vendor), (None, Some(Vendor::Tencent)));
        let f = d.clone().finish(Some(Provider::Obs));
        assert_eq!(
            (f.provider, f.vendor),
            (Some(Provider::Obs), Some(Vendor::Huawei))
        );
        d.add_header("Server", "tencent-cos", 100);
        assert_eq!(d.clone().finish(None).provider, Some(Provider::Cos));
        d.add_header("X-ErrNo", "-1102", 100);
        let f = d.finish(None);
        assert_eq!((f.provider, f.number), (Some(Provider::Ci), Some(-1102)));
        let mut o = Draft::new(Shape::Xml);
        o.found.host_id = Some("x".into());
        assert_eq!(o.finish(None).provider, Some(Provider::Obs));
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
