//! The error strings SDKs and CLIs print, read as labelled fields: a known
//! label (`Code`, `Error Code`, `RequestId`, `request id`, `Status Code`,
//! `S3 Extended Request ID`, ...), a separator (`:`, `=`, `=>`, ` [`), and
//! a value (quoted, bracketed, or running to the next label). One reader
//! covers them all:
//!
//! - Go cos-go-sdk-v5 / coscli: `PUT <url>: 403 AccessDenied(Message: ...,
//!   RequestId: ..., TraceId: ...)` (status and code before the `(`);
//! - Python cos-python-sdk-v5: `CosServiceError: {'code': ..., 'message':
//!   ..., 'resource': ..., 'requestid': ..., 'traceid': ...}` or a part;
//! - PHP: `Cos Error Code: X, Status Code: 403, Cos Request ID: ..., Cos
//!   Error Type: ..., Cos Error Message: ...`;
//! - Java COS and AWS SDKs: `<message> (Service: Amazon S3; Status Code:
//!   404; Error Code: NoSuchBucket; Request ID: ...; S3 Extended Request
//!   ID: ...)`, and the AWS SDK v2 form with commas;
//! - Huawei OBS Go SDK: `obs: service returned error: Status=403
//!   Forbidden, Code=..., Message=..., RequestId=...`;
//! - obsutil: `Status [403], Error code [...], Error message [...],
//!   Request id [...]`;
//! - OBS Java `ObsException`: `Error message:... -- ResponseCode: 403,
//!   ResponseStatus: Forbidden, RequestId: ..., HostId: ...`;
//! - boto3 / AWS CLI: `An error occurred (NoSuchKey) when calling the
//!   GetObject operation: ...`; Ruby `Aws::S3::Errors::NoSuchKey: ...`;
//! - Ruby hashes (`"Code"=>"..."`), JavaScript objects, `key=value` logs.
//!
//! Whether what was read is an error is decided by the caller
//! ([`Draft::is_substantial`]): labels alone are weak evidence.

use aho_corasick::AhoCorasick;

use super::draft::{
    Draft, Field, Hints, Shape, after_char, classify_norm, normalize, parse_status,
};

#[derive(Clone, Debug)]
struct Hit {
    field: Field,
    /// The label as written (`Error Code`).
    label: (usize, usize),
    /// Where the value starts, and where it ends when it was delimited
    /// (quoted or bracketed); open values end at the next label.
    value: usize,
    closed: Option<(usize, usize)>,
    /// The label was preceded by `(`: the Go and Java SDK shapes.
    after_paren: bool,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Finds the labelled fields of `text`.
fn hits(text: &str) -> Vec<Hit> {
    let b = text.as_bytes();
    let mut out: Vec<Hit> = Vec::new();
    let mut skip_to = 0;
    for p in memchr::memchr3_iter(b':', b'=', b'[', b) {
        if p < skip_to || p == 0 || out.len() >= 256 {
            continue;
        }
        let next = b.get(p + 1).copied();
        let mut vstart = p + 1;
        let mut end = p;
        match b[p] {
            b'[' => {
                if b[p - 1] != b' ' {
                    continue;
                }
                end = p - 1;
            }
            b'=' => {
                if next == Some(b'>') {
                    vstart += 1; // Ruby `=>`
                } else if next == Some(b'=') || matches!(b[p - 1], b'=' | b'!' | b'<' | b'>') {
                    continue;
                }
            }
            _ => {
                if next == Some(b'/') || next == Some(b':') || b[p - 1] == b':' {
                    continue; // a URL or `Aws::S3`
                }
                if b[p - 1].is_ascii_digit() && next.is_some_and(|c| c.is_ascii_digit()) {
                    continue; // a time
                }
            }
        }
        // Optional spaces and a closing quote before the separator.
        while end > 0 && b[end - 1] == b' ' && p - end < 2 {
            end -= 1;
        }
        let mut quote = None;
        if end > 0 && (b[end - 1] == b'"' || b[end - 1] == b'\'') {
            quote = Some(b[end - 1]);
            end -= 1;
        }
        // Up to five words, separated by single spaces.
        let mut words: Vec<(usize, usize)> = Vec::with_capacity(5);
        let mut w_end = end;
        while words.len() < 5 {
            let mut w_start = w_end;
            while w_start > 0 && is_word(b[w_start - 1]) {
                w_start -= 1;
            }
            if w_start == w_end {
                break;
            }
            words.push((w_start, w_end));
            if w_start >= 2 && b[w_start - 1] == b' ' && is_word(b[w_start - 2]) && quote.is_none()
            {
                w_end = w_start - 1;
            } else {
                break;
            }
        }
        let mut found = None;
        for k in (1..=words.len()).rev() {
            let start = words[k - 1].0;
            if let Some(q) = quote
                && (start == 0 || b[start - 1] != q)
            {
                continue;
            }
            let mut buf = [0u8; 40];
            let Some(n) = normalize(&text[start..end], &mut buf) else {
                continue;
            };
            if let Some(f) = classify_norm(&buf[..n]) {
                found = Some((f, start));
                break;
            }
        }
        let Some((field, lstart)) = found else {
            continue;
        };
        let after_paren = lstart > 0 && b[lstart - 1] == b'(';
        // The value.
        while vstart < b.len() && (b[vstart] == b' ' || b[vstart] == b'\t') {
            vstart += 1;
        }
        let mut closed = None;
        if b[p] == b'[' {
            let z = memchr::memchr(b']', &b[vstart..]).map_or(b.len(), |i| vstart + i);
            closed = Some((vstart, z));
        } else {
            let mut q_at = vstart;
            if matches!(b.get(q_at), Some(b'u' | b'b' | b'r'))
                && matches!(b.get(q_at + 1), Some(b'\'' | b'"'))
            {
                q_at += 1; // Python u'...' / b'...'
            }
            if let Some(&q) = b.get(q_at).filter(|&&q| q == b'\'' || q == b'"') {
                let mut j = q_at + 1;
                while j < b.len() && b[j] != q && b[j] != b'\n' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                closed = Some((q_at + 1, j.min(b.len())));
            } else if matches!(b.get(vstart), Some(b'{' | b'[' | b'<')) || vstart >= b.len() {
                // A nested object, an XML body, nothing: not a value.
                if field != Field::Ignore {
                    continue;
                }
            }
        }
        if let Some((_, z)) = closed {
            skip_to = z;
        }
        out.push(Hit {
            field,
            label: (lstart, end),
            value: vstart,
            closed,
            after_paren,
        });
    }
    out
}

fn unquote(s: &str) -> String {
    if !s.contains('\\') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(c2) => out.push(c2),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn token_end(s: &str) -> usize {
    s.bytes()
        .position(|c| {
            c.is_ascii_whitespace()
                || matches!(
                    c,
                    b',' | b';' | b')' | b']' | b'}' | b'\'' | b'"' | b'<' | b'>'
                )
        })
        .unwrap_or(s.len())
}

/// An open value's text, trimmed to what its field can hold.
fn open_value(field: Field, raw: &str) -> &str {
    let v = raw.trim();
    match field {
        Field::Code => {
            if v.starts_with("Request has expired") {
                return "Request has expired";
            }
            &v[..token_end(v)]
        }
        Field::RequestId | Field::TraceId | Field::HostId | Field::Resource | Field::Number => {
            &v[..token_end(v)]
        }
        Field::Status => v,
        _ => {
            // Free text: drop the separators before the next label, and a
            // `)` that closes a parenthesis opened before the value.
            let mut depth = 0i32;
            let mut cut = v.len();
            for (i, c) in v.char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' if depth == 0 => {
                        cut = i;
                        break;
                    }
                    ')' => depth -= 1,
                    '\n' => {
                        cut = i;
                        break;
                    }
                    _ => {}
                }
            }
            let mut v = v[..cut].trim_end();
            // PHP appends ` in /path/File.php:35` to exception messages.
            if let Some(i) = v.rfind(" in ")
                && let Some((file, line)) = v[i + 4..].rsplit_once(':')
                && file.ends_with(".php")
                && !line.is_empty()
                && line.bytes().all(|b| b.is_ascii_digit())
            {
                v = v[..i].trim_end();
            }
            loop {
                let t = v.trim_end_matches([',', ';', ' ', '\t']);
                let t = t.strip_suffix("--").unwrap_or(t).trim_end();
                if t.len() == v.len() {
                    break;
                }
                v = t;
            }
            v
        }
    }
}

/// Reads the labelled fields of `text` into drafts, one per error: a
/// second, different code or request ID starts the next error.
pub fn scan(text: &str, max: usize) -> Vec<Draft> {
    // Every SDK and CLI error string names a code, an error, a message or
    // an exception; an ordinary log line that only has `request_id=` and
    // `status=200` does not, and leaves here after a few byte scans
    // instead of a full label scan (which was 45% of `decode --summary`
    // on a log with a request ID on every line).
    // A line that is one labelled field (`Request ID: r1`, a field-per-line
    // printout) still goes on: it may belong to the error above it.
    if !starts_with_label(text) && !LIKELY_ERROR.is_match(text) {
        return Vec::new();
    }
    let hits = hits(text);
    let mut out: Vec<(usize, Draft)> = Vec::new();
    if !hits.is_empty() {
        let mut cur = Draft::new(Shape::Labels);
        let mut cur_start = hits[0].label.0;
        let mut any = false;
        for (i, h) in hits.iter().enumerate() {
            if h.field == Field::Ignore {
                continue;
            }
            let value: String = match h.closed {
                Some((a, z)) => unquote(&text[a..z]),
                None => {
                    let stop = hits
                        .get(i + 1)
                        .map_or(text.len(), |n| n.label.0)
                        .max(h.value);
                    open_value(h.field, &text[h.value..stop]).to_owned()
                }
            };
            let name = &text[h.label.0..h.label.1];
            if conflicts(&cur, h.field, &value) {
                out.push((
                    cur_start,
                    std::mem::replace(&mut cur, Draft::new(Shape::Labels)),
                ));
                cur_start = h.label.0;
            }
            if h.after_paren && h.field == Field::Message {
                go_sdk_head(text, h.label.0 - 1, &mut cur);
            }
            if h.after_paren && matches!(h.field, Field::Extra | Field::Status) {
                java_head(text, h.label.0 - 1, &mut cur);
            }
            cur.set(h.field, name, &value, 0, max);
            any = true;
        }
        if any {
            out.push((cur_start, cur));
        }
        // Drafts of nothing but unknown-purpose fields (`Key=...`) are
        // not errors and would only litter a real one they merged into.
        out.retain(|(_, d)| {
            let f = &d.found;
            f.code.is_some()
                || f.number.is_some()
                || f.message.is_some()
                || f.request_id.is_some()
                || f.trace_id.is_some()
                || f.host_id.is_some()
                || f.status.is_some()
                || f.resource.is_some()
        });
    }
    sdk_shapes(text, max, &mut out);
    out.into_iter().map(|(_, d)| d).collect()
}

/// Whether setting `field` to `value` would contradict `d`: a new error.
fn conflicts(d: &Draft, field: Field, value: &str) -> bool {
    let f = &d.found;
    let v = value.trim();
    if v.is_empty() {
        return false;
    }
    match field {
        Field::Code => match super::draft::parse_number(v) {
            Some(n) => f.number.is_some_and(|m| m != n),
            None => f.code.as_deref().is_some_and(|c| c != v) && !super::draft::is_success_code(v),
        },
        Field::RequestId => f.request_id.as_deref().is_some_and(|r| r != v),
        Field::Status => matches!((f.status, parse_status(v)), (Some(a), Some(b)) if a != b),
        _ => false,
    }
}

const METHODS: [&str; 7] = [
    "GET ", "PUT ", "POST ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ",
];

/// Go SDK: `PUT https://...: 403 AccessDenied(Message: ...`: the status,
/// code and request before the `(` at `paren`.
fn go_sdk_head(text: &str, paren: usize, d: &mut Draft) {
    let head = &text[..paren];
    let code_start = head
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |i| after_char(head, i));
    let code = &head[code_start..];
    let before = head[..code_start].trim_end();
    let status_start = before
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| after_char(before, i));
    let (status, code) = match parse_status(&before[status_start..]) {
        Some(s) => (Some(s), code),
        // `HEAD <url>: 404 (Message: ...`: no code between.
        None => (parse_status(code), ""),
    };
    let Some(status) = status else { return };
    d.found.status.get_or_insert(status);
    if !code.is_empty() {
        d.set(Field::Code, "Code", code, 0, 256);
    }
    d.sdk = true;
    // The request: `METHOD URL: ` before the status.
    let lead = &before[..status_start];
    if let Some(url_end) = lead.trim_end().strip_suffix(':').map(str::len)
        && let Some((m_at, m)) = METHODS
            .iter()
            .filter_map(|m| lead[..url_end].rfind(m).map(|i| (i, m)))
            .max()
    {
        let url = lead[m_at + m.len()..url_end].trim();
        if !url.is_empty() && !url.contains(' ') {
            d.found
                .request
                .get_or_insert_with(|| format!("{}{}", m, super::draft::cut_str(url, 4096)));
            super::draft::host_hints(url, &mut d.hints);
        }
    }
}

/// Java SDKs: `<Class>Exception: <message> (Service: ...` or `(Status
/// Code: ...`: the message before the `(` at `paren`, and the code a
/// modelled exception class names (`NoSuchBucketException`).
fn java_head(text: &str, paren: usize, d: &mut Draft) {
    d.sdk = true;
    let head = &text[..paren];
    let (class_end, msg_start) = match head.rfind("Exception: ") {
        Some(i) => (i, i + "Exception: ".len()),
        None => match head.rfind(": ") {
            Some(i) => (0, i + 2),
            None => (0, 0),
        },
    };
    let msg = head[msg_start..].trim();
    if !msg.is_empty() && d.found.message.is_none() {
        d.set(Field::Message, "Message", msg, 0, 64 * 1024);
    }
    if class_end > 0 {
        let class_start = head[..class_end]
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |i| after_char(head, i));
        let class = &head[class_start..class_end];
        const GENERIC: [&str; 9] = [
            "S3",
            "AmazonS3",
            "AmazonService",
            "Sdk",
            "AwsService",
            "CosService",
            "CosClient",
            "Obs",
            "Service",
        ];
        if !class.is_empty()
            && !GENERIC.contains(&class)
            && class.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
        {
            d.found
                .extra
                .push(("exception".to_owned(), format!("{class}Exception")));
            if d.found.code.is_none() {
                d.set(Field::Code, "Code", class, 0, 256);
            }
        }
    }
}

/// Whether the line starts with a label: words (letters, `_`, `-`,
/// quotes, spaces) and then `:` or `=`.
fn starts_with_label(text: &str) -> bool {
    let t = text.trim_start().as_bytes();
    let head = &t[..t.len().min(40)];
    memchr::memchr2(b':', b'=', head).is_some_and(|i| {
        i > 0
            && head[..i]
                .iter()
                .all(|&c| c.is_ascii_alphabetic() || matches!(c, b' ' | b'_' | b'-' | b'"' | b'\''))
    })
}

/// Words without which a line holds no SDK error string: `Error`,
/// `Code`, `Message`, `Exception`, in either case where SDKs shout. The
/// scanner's markers start with them.
pub const ERROR_WORDS: [&str; 7] = ["rror", "RROR", "ode", "ODE", "essage", "ESSAGE", "xception"];

/// [`ERROR_WORDS`], found in one pass.
static LIKELY_ERROR: std::sync::LazyLock<AhoCorasick> =
    std::sync::LazyLock::new(|| AhoCorasick::new(ERROR_WORDS).expect("seven short literals build"));

/// Shapes without labels, and the signatures that say who printed a line.
fn sdk_shapes(text: &str, max: usize, out: &mut Vec<(usize, Draft)>) {
    let mut hints = Hints::default();
    let mut sdk = false;
    // str::find: building a memmem searcher for each of these short needles
    // on every line cost more than the search.
    let has = |n: &str| text.find(n);
    for sig in [
        "CosServiceError",
        "CosServiceException",
        "CosClientError",
        "qcloud_cos",
        "com.qcloud.cos",
        "Cos Error Code",
        "Cos Request ID",
        "Qcloud\\Cos",
    ] {
        if has(sig).is_some() {
            hints.add(Hints::TENCENT);
            sdk = true;
        }
    }
    for sig in [
        "ObsException",
        "obs: service returned error",
        "com.obs.services",
        "obsutil",
    ] {
        if has(sig).is_some() {
            hints.add(Hints::OBS);
            sdk = true;
        }
    }
    if has("(Service: Amazon S3").is_some()
        || has("(Service: S3").is_some()
        || has("AmazonS3Exception").is_some()
    {
        sdk = true;
    }
    // obsutil brackets: `Status [403], Error code [X]`.
    if has("rror code [").is_some() || has("rror Code [").is_some() {
        hints.add(Hints::OBS);
        sdk = true;
    }
    // boto3 / AWS CLI.
    if let Some(i) = has("An error occurred (") {
        let rest = &text[i + "An error occurred (".len()..];
        if let Some(close) = rest.find(") when calling the ") {
            let mut d = Draft::new(Shape::Labels);
            d.sdk = true;
            d.set(Field::Code, "Code", &rest[..close], 0, 256);
            let after = &rest[close + ") when calling the ".len()..];
            if let Some(op_end) = after.find(" operation") {
                d.push_extra("operation", &after[..op_end], 0, 256);
                let tail = &after[op_end + " operation".len()..];
                // `(reached max retries: 4)` may sit before the message.
                let tail = match tail.trim_start().strip_prefix('(') {
                    Some(t) => t.find(')').map_or(t, |j| &t[j + 1..]),
                    None => tail,
                };
                if let Some(msg) = tail.trim_start().strip_prefix(':') {
                    let msg = msg.trim();
                    if !msg.is_empty() {
                        d.set(Field::Message, "Message", msg, 0, max);
                    }
                }
            }
            out.push((i, d));
        }
    }
    // Ruby aws-sdk: `Aws::S3::Errors::NoSuchKey: message`.
    if let Some(i) = has("::Errors::") {
        let rest = &text[i + "::Errors::".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end > 0 {
            let mut d = Draft::new(Shape::Labels);
            d.sdk = true;
            d.set(Field::Code, "Code", &rest[..end], 0, 256);
            if let Some(msg) = rest[end..]
                .strip_prefix(": ")
                .or_else(|| rest[end..].strip_prefix(":"))
            {
                let msg = msg.lines().next().unwrap_or("").trim();
                if !msg.is_empty() && !msg.starts_with('{') {
                    d.set(Field::Message, "Message", msg, 0, max);
                }
            }
            out.push((i, d));
        }
    }
    if hints == Hints::default() && !sdk {
        return;
    }
    for (_, d) in out.iter_mut() {
        d.hints.add(hints);
        d.sdk |= sdk;
    }
}

/// Go aws-sdk v1 prints `NoSuchKey: The specified key does not exist.` and
/// on the next line `\tstatus code: 404, request id: ..., host id: ...`:
/// the code and message of the first line, when `next` is such a line.
pub fn go_aws_head(prev: &str, next: &str) -> Option<(String, String)> {
    let n = next.trim_start();
    if !(n.starts_with("status code:") && next.len() > n.len()) {
        return None;
    }
    let p = prev.trim();
    // The code may follow a log prefix: take the last `Word: ` with a
    // capitalised, space-free word.
    let bytes = p.as_bytes();
    for colon in memchr::memchr_iter(b':', bytes) {
        let start = p[..colon]
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |i| after_char(p, i));
        let word = &p[start..colon];
        if word.len() >= 3
            && word.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
            && p[colon + 1..].starts_with(' ')
        {
            return Some((word.to_owned(), p[colon + 1..].trim().to_owned()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_log_lines_leave_early() {
        // Labels but no error words: not scanned at all.
        let line =
            "2026-11-25T00:00:00.021Z INFO [w-1] GET /a status=200 request_id=NjVh elapsed_ms=4";
        assert!(!starts_with_label(line));
        assert!(scan(line, 1024).is_empty());
        // A field-per-line printout still is, and so is an error string.
        assert!(starts_with_label("  Request ID: r1"));
        assert_eq!(scan("Request ID: r1", 1024).len(), 1);
        let sdk = "ERROR obsutil: Status [403], error code [AccessDenied], request id [r2]";
        assert_eq!(
            scan(sdk, 1024)[0].found.code.as_deref(),
            Some("AccessDenied")
        );
    }

    fn one(text: &str) -> Draft {
        let mut v = scan(text, 64 * 1024);
        assert_eq!(v.len(), 1, "{text}: {v:#?}");
        v.remove(0)
    }

    #[test]
    fn go_cos_sdk() {
        let d = one(
            "2024/01/12 16:36:51 PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject: 403 AccessDenied(Message: Access Denied., RequestId: NjVhMWIy, TraceId: OGVmYzZi)",
        );
        let f = &d.found;
        assert_eq!(f.status, Some(403));
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.message.as_deref(), Some("Access Denied."));
        assert_eq!(f.request_id.as_deref(), Some("NjVhMWIy"));
        assert_eq!(f.trace_id.as_deref(), Some("OGVmYzZi"));
        assert_eq!(
            f.request.as_deref(),
            Some(
                "PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject"
            )
        );
        assert!(d.hints.has(Hints::COS));
    }

    #[test]
    fn go_cos_sdk_head_without_code() {
        let d = one(
            "HEAD https://b.cos.ap-beijing.myqcloud.com/k: 404 (Message: , RequestId: NjVh, TraceId: )",
        );
        assert_eq!(d.found.status, Some(404));
        assert_eq!(d.found.code, None);
        assert_eq!(d.found.message, None);
        assert_eq!(d.found.request_id.as_deref(), Some("NjVh"));
    }

    #[test]
    fn python_dict() {
        let d = one(
            "qcloud_cos.cos_exception.CosServiceError: {'code': 'NoSuchKey', 'message': \"The bucket's key does not exist.\", 'resource': 'b.cos.ap-beijing.myqcloud.com/k', 'requestid': 'NjVh', 'traceid': 'OGVm'}",
        );
        let f = &d.found;
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.message.as_deref(),
            Some("The bucket's key does not exist.")
        );
        assert_eq!(
            f.resource.as_deref(),
            Some("b.cos.ap-beijing.myqcloud.com/k")
        );
        assert_eq!(f.request_id.as_deref(), Some("NjVh"));
        assert!(d.sdk);
    }

    #[test]
    fn php() {
        let d = one(
            "Qcloud\\Cos\\Exception\\ServiceResponseException: Cos Error Code: NoSuchKey, Status Code: 404, Cos Request ID: NjVh, Cos Error Type: Client, Cos Error Message: The specified key does not exist.",
        );
        let f = &d.found;
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(f.status, Some(404));
        assert_eq!(f.request_id.as_deref(), Some("NjVh"));
        assert_eq!(
            f.message.as_deref(),
            Some("The specified key does not exist.")
        );
        assert_eq!(
            f.extra,
            vec![("Cos Error Type".to_owned(), "Client".to_owned())]
        );
    }

    #[test]
    fn java_aws_v1() {
        let d = one(
            "com.amazonaws.services.s3.model.AmazonS3Exception: The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket; Request ID: 0000018D0238B1A3E2A4C4D5E6F70812; S3 Extended Request ID: abc/def=; Proxy: null), S3 Extended Request ID: abc/def=",
        );
        let f = &d.found;
        assert_eq!(
            f.message.as_deref(),
            Some("The specified bucket does not exist")
        );
        assert_eq!(f.status, Some(404));
        assert_eq!(f.code.as_deref(), Some("NoSuchBucket"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("0000018D0238B1A3E2A4C4D5E6F70812")
        );
        assert_eq!(f.host_id.as_deref(), Some("abc/def="));
        assert_eq!(
            f.extra,
            vec![("Service".to_owned(), "Amazon S3".to_owned())]
        );
    }

    #[test]
    fn java_aws_v2_class_names_code() {
        let d = one(
            "software.amazon.awssdk.services.s3.model.NoSuchKeyException: The specified key does not exist. (Service: S3, Status Code: 404, Request ID: 0000018D0238B1A3E2A4C4D5E6F70812, Extended Request ID: xyz)",
        );
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            d.found.message.as_deref(),
            Some("The specified key does not exist.")
        );
        assert_eq!(d.found.host_id.as_deref(), Some("xyz"));
    }

    #[test]
    fn obs_go_sdk() {
        let d = one(
            "obs: service returned error: Status=403 Forbidden, Code=AccessDenied, Message=Access Denied, check the bucket policy, RequestId=0000018D0238B1A3E2A4C4D5E6F70812",
        );
        let f = &d.found;
        assert_eq!(f.status, Some(403));
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(
            f.message.as_deref(),
            Some("Access Denied, check the bucket policy")
        );
        assert_eq!(
            f.request_id.as_deref(),
            Some("0000018D0238B1A3E2A4C4D5E6F70812")
        );
        assert!(d.hints.has(Hints::OBS));
    }

    #[test]
    fn obsutil() {
        let d = one(
            "Error: Status [403], Error code [AccessDenied], Error message [Access Denied], Request id [0000018D0238B1A3E2A4C4D5E6F70812]",
        );
        let f = &d.found;
        assert_eq!(
            (f.status, f.code.as_deref()),
            (Some(403), Some("AccessDenied"))
        );
        assert_eq!(f.message.as_deref(), Some("Access Denied"));
        assert!(d.hints.has(Hints::OBS));
    }

    #[test]
    fn obs_java() {
        let d = one(
            "com.obs.services.exception.ObsException: Error message:Request Error.OBS servcie Error Message. -- ResponseCode: 404, ResponseStatus: Not Found, RequestId: 0000018D0238B1A3E2A4C4D5E6F70812, HostId: aG9zdA==",
        );
        let f = &d.found;
        assert_eq!(f.status, Some(404));
        assert_eq!(
            f.message.as_deref(),
            Some("Request Error.OBS servcie Error Message.")
        );
        assert_eq!(f.host_id.as_deref(), Some("aG9zdA=="));
        assert_eq!(
            f.extra,
            vec![("ResponseStatus".to_owned(), "Not Found".to_owned())]
        );
    }

    #[test]
    fn boto_and_ruby() {
        let d = one(
            "botocore.exceptions.ClientError: An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.",
        );
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            d.found.message.as_deref(),
            Some("The specified key does not exist.")
        );
        let d = one("Aws::S3::Errors::AccessDenied: Access Denied");
        assert_eq!(d.found.code.as_deref(), Some("AccessDenied"));
        assert_eq!(d.found.message.as_deref(), Some("Access Denied"));
    }

    #[test]
    fn ruby_hash_and_js_object() {
        let d = one(r#"{"Code"=>"NoSuchKey", "RequestID"=>"NjVh"}"#);
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(d.found.request_id.as_deref(), Some("NjVh"));
        let d =
            one("  error: { Code: 'AccessDenied', Message: 'Access Denied.', RequestId: 'NjVh' },");
        assert_eq!(d.found.code.as_deref(), Some("AccessDenied"));
        assert_eq!(d.found.message.as_deref(), Some("Access Denied."));
    }

    #[test]
    fn two_errors_split_on_new_identity() {
        let v = scan(
            "code=NoSuchKey request_id=a; code=AccessDenied request_id=b",
            1000,
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].found.code.as_deref(), Some("AccessDenied"));
        // Repeating the same error is one.
        let v = scan(
            "code=NoSuchKey request_id=a code=NoSuchKey request_id=a",
            1000,
        );
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn not_labels() {
        for s in [
            "https://example.com:443/path",
            "at 16:36:51 the code ran",
            "Aws::S3::Client",
            "a == b",
        ] {
            assert!(scan(s, 1000).iter().all(|d| !d.is_substantial()), "{s}");
        }
    }

    #[test]
    fn go_aws_v1() {
        let (code, msg) = go_aws_head(
            "2024/01/12 16:36:51 upload failed: NoSuchBucket: The specified bucket does not exist",
            "\tstatus code: 404, request id: abc, host id: def",
        )
        .unwrap();
        assert_eq!(
            (code.as_str(), msg.as_str()),
            ("NoSuchBucket", "The specified bucket does not exist")
        );
        assert_eq!(go_aws_head("x", "status code: 404"), None);
    }
}
