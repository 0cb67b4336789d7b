//! HTTP exchanges as clients print them: status lines, response headers
//! and request lines, in `curl -i` and `curl -v` output, raw dumps, and
//! the wire logs of SDKs (Apache HttpClient `<< "HTTP/1.1 403[\r][\n]"`,
//! Ruby `-> "HTTP/1.1 403\r\n"`, Python `reply: 'HTTP/1.1 403'` and
//! `header: x-cos-request-id: ...`, OkHttp `<-- 403 Forbidden URL`).
//!
//! A status line starts a response; `Name: value` lines are its headers
//! while its head is open (or wherever a wire prefix marks them as
//! received). The body is left to the other shapes: resolution joins
//! what they find with the response whose span holds it.

use super::super::facts::{Facts, Kind};
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "http",
    keywords: &["HTTP/", "<-- ", "header: "],
    dynamic: None,
    always: false,
    find,
};

const METHODS: [&str; 9] = [
    "GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH", "CONNECT", "TRACE",
];

/// Standard headers that may be printed flattened on a status line.
const PLAIN_HEADERS: [&str; 14] = [
    "server",
    "date",
    "connection",
    "location",
    "vary",
    "etag",
    "expires",
    "pragma",
    "via",
    "age",
    "allow",
    "accept-ranges",
    "content-type",
    "content-length",
];

/// Which way a wire-log line went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    /// Received: a response line.
    In,
    /// Sent: a request line.
    Out,
    /// Not marked.
    Unknown,
}

/// A line's HTTP content, without curl's or a wire log's markers: which
/// way it went, and where the content starts and ends in the line.
fn content(line: &str) -> (Dir, usize, usize) {
    let trimmed_end = line.trim_end_matches(['\r', '\n']).len();
    let l = &line[..trimmed_end];
    // curl -v.
    if let Some(r) = l.strip_prefix("< ") {
        return (Dir::In, l.len() - r.len(), trimmed_end);
    }
    if l == "<" || l == ">" {
        return (if l == "<" { Dir::In } else { Dir::Out }, 1, 1);
    }
    if let Some(r) = l.strip_prefix("> ") {
        return (Dir::Out, l.len() - r.len(), trimmed_end);
    }
    // Wire logs: the marker may follow a log prefix.
    for (marker, dir) in [
        ("<< \"", Dir::In),
        (">> \"", Dir::Out),
        ("-> \"", Dir::In),
        ("<- \"", Dir::Out),
        ("reply: '", Dir::In),
        ("reply: \"", Dir::In),
    ] {
        if let Some(i) = l.find(marker) {
            let start = i + marker.len();
            let mut end = l.len();
            for suffix in [
                "[\\r][\\n]\"",
                "[\\n]\"",
                "\\r\\n\"",
                "\\r\\n'",
                "\\n\"",
                "\"",
                "'",
            ] {
                if l[start..].ends_with(suffix) {
                    end = l.len() - suffix.len();
                    break;
                }
            }
            return (dir, start, end.max(start));
        }
    }
    if let Some(i) = l.find("header: ")
        && l[..i].trim().is_empty()
    {
        return (Dir::In, i + "header: ".len(), trimmed_end);
    }
    // Indented as a document or a Markdown post quotes it.
    let lead = l.len() - l.trim_start_matches(['\u{FEFF}', ' ', '\t']).len();
    (Dir::Unknown, lead, trimmed_end)
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+.^_`|~-".contains(&b))
}

/// `HTTP/1.1 403 Forbidden`, `HTTP/2 403`: status, reason and the rest
/// (headers flattened onto the line).
pub fn status_line(s: &str) -> Option<(u16, &str, &str)> {
    let rest = s.strip_prefix("HTTP/")?;
    let sp = rest.find(' ')?;
    let version = &rest[..sp];
    if version.is_empty()
        || version.len() > 3
        || !version.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    let rest = &rest[sp + 1..];
    let code = rest.get(..3)?;
    if !code.bytes().all(|b| b.is_ascii_digit())
        || rest
            .as_bytes()
            .get(3)
            .is_some_and(|b| !b.is_ascii_whitespace())
    {
        return None;
    }
    let status: u16 = code.parse().ok()?;
    if !(100..600).contains(&status) {
        return None;
    }
    let tail = rest[3..].trim();
    let mut split = tail.find(" [").map_or(tail.len(), |i| i + 1);
    for (i, _) in tail.match_indices(": ") {
        let name_start = tail[..i].rfind(' ').map_or(0, |j| j + 1);
        let name = &tail[name_start..i];
        let lname = name.to_ascii_lowercase();
        if is_token(name) && (lname.starts_with("x-") || PLAIN_HEADERS.contains(&lname.as_str())) {
            split = name_start;
            break;
        }
    }
    Some((status, tail[..split].trim(), tail[split..].trim()))
}

/// Headers flattened onto one line: `Server: tencent-cos Date: Fri, 12
/// Jan 2024 16:36:51 GMT x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx`.
fn flattened_headers(s: &str) -> Vec<(&str, &str)> {
    // Apache HttpClient's `toString`: `[Server: x, Date: y, ...]`.
    if let Some(inner) = s.strip_prefix('[') {
        let inner = &inner[..inner.find(']').unwrap_or(inner.len())];
        return inner
            .split(", ")
            .filter_map(|h| h.split_once(": "))
            .filter(|(n, _)| is_token(n))
            .map(|(n, v)| (n, v.trim()))
            .collect();
    }
    let body_at = s.find(['<', '{']).unwrap_or(s.len());
    let h = &s[..body_at];
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (i, _) in h.match_indices(": ") {
        let name_start = h[..i].rfind(' ').map_or(0, |j| j + 1);
        let name = &h[name_start..i];
        let lname = name.to_ascii_lowercase();
        if is_token(name)
            && (lname.starts_with("x-")
                || PLAIN_HEADERS.contains(&lname.as_str())
                || name.contains('-'))
        {
            starts.push((name_start, i));
        }
    }
    let mut out = Vec::new();
    for (k, &(ns, colon)) in starts.iter().enumerate() {
        let vend = starts.get(k + 1).map_or(h.len(), |n| n.0);
        out.push((&h[ns..colon], h[colon + 2..vend].trim()));
    }
    out
}

/// `GET /key HTTP/1.1`: method and target.
fn request_line(s: &str) -> Option<(&str, &str)> {
    let mut parts = s.split(' ');
    let (m, target, v) = (parts.next()?, parts.next()?, parts.next()?);
    (METHODS.contains(&m) && v.starts_with("HTTP/") && !target.is_empty()).then_some((m, target))
}

/// `Name: value` as a header.
fn header(s: &str) -> Option<(&str, &str)> {
    let (n, v) = s.split_once(':')?;
    is_token(n).then(|| (n, v.trim()))
}

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    // Nothing without a keyword, as the prefilter (any case) would have
    // it: `> Date:` lines cut off from their request line are no request
    // (a fuzz finding: read with every shape on, not through the
    // prefilter).
    let b = text.as_bytes();
    if !SHAPE.keywords.iter().any(|k| {
        b.windows(k.len())
            .any(|w| w.eq_ignore_ascii_case(k.as_bytes()))
    }) {
        return;
    }
    // Whether a response head is open (plain dumps: headers follow a
    // status line until a blank line), and whether a request's is.
    let mut in_head = false;
    let mut in_request = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let (dir, a, z) = content(line);
        let c = &line[a..z];
        let span = start + a..start + z;
        if let Some((status, reason, rest)) = status_line(c) {
            if dir != Dir::Out {
                out.push(
                    span.clone(),
                    Kind::Response {
                        status,
                        reason: reason.chars().take(256).collect(),
                    },
                );
                for (n, v) in flattened_headers(rest) {
                    push_header(out, span.clone(), n, v);
                }
                in_head = true;
                in_request = false;
            }
            continue;
        }
        if let Some((m, target)) = request_line(c) {
            out.push(
                span,
                Kind::Request {
                    method: m.to_owned(),
                    target: super::super::draft::cut_str(target, 8192).to_owned(),
                },
            );
            in_request = true;
            in_head = false;
            continue;
        }
        if let Some((status, rest)) = okhttp_response(c) {
            out.push(
                span.clone(),
                Kind::Response {
                    status,
                    reason: String::new(),
                },
            );
            if let Some(url) = rest.split_whitespace().find(|w| w.contains("://")) {
                out.push(span, Kind::Endpoint(url.to_owned()));
            }
            continue;
        }
        if c.trim().is_empty() {
            if dir == Dir::Out || dir == Dir::Unknown {
                in_request = false;
            }
            if dir != Dir::Out {
                in_head = false;
            }
            continue;
        }
        let marked = dir != Dir::Unknown;
        match header(c) {
            Some((n, v)) if dir == Dir::Out || (in_request && !marked) => {
                if n.eq_ignore_ascii_case("host") || n.eq_ignore_ascii_case("date") {
                    out.push(
                        span,
                        Kind::RequestHeader {
                            name: n.to_owned(),
                            value: super::super::draft::cut_str(v, 1024).to_owned(),
                        },
                    );
                }
            }
            Some((n, v)) if in_head || (marked && dir == Dir::In) => {
                push_header(out, span, n, v);
            }
            _ => {
                if !marked {
                    in_head = false;
                    in_request = false;
                }
            }
        }
    }
}

fn push_header(out: &mut Facts, span: std::ops::Range<usize>, n: &str, v: &str) {
    out.push(
        span,
        Kind::Header {
            name: n.to_owned(),
            value: v.chars().take(8192).collect(),
        },
    );
}

/// OkHttp's logging interceptor: `<-- 403 Forbidden https://... (12ms)`.
fn okhttp_response(c: &str) -> Option<(u16, &str)> {
    let i = c.find("<-- ")?;
    let rest = &c[i + 4..];
    let code = rest.get(..3)?;
    if !code.bytes().all(|b| b.is_ascii_digit()) || rest.as_bytes().get(3) != Some(&b' ') {
        return None;
    }
    let status: u16 = code.parse().ok()?;
    (100..600).contains(&status).then_some((status, &rest[4..]))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};
    use super::*;

    #[test]
    fn status_lines() {
        assert_eq!(
            status_line("HTTP/1.1 403 Forbidden"),
            Some((403, "Forbidden", ""))
        );
        assert_eq!(status_line("HTTP/2 404 "), Some((404, "", "")));
        assert_eq!(status_line("HTTP/1.1 4033 x"), None);
        assert_eq!(status_line("GET / HTTP/1.1"), None);
    }

    #[test]
    fn curl_i_head_response() {
        let f = one(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nServer: tencent-cos\r\nx-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\r\n\r\n",
        );
        assert_eq!(f.status, Some(404));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
    }

    #[test]
    fn curl_verbose_request_and_response() {
        let f = one(
            "> HEAD /missing HTTP/1.1\n> Host: b-125.cos.ap-beijing.myqcloud.com\n>\n< HTTP/1.1 403 Forbidden\n< x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\n<\n",
        );
        assert_eq!(f.status, Some(403));
        assert_eq!(
            f.request.as_deref(),
            Some("HEAD b-125.cos.ap-beijing.myqcloud.com/missing")
        );
    }

    #[test]
    fn wire_logs() {
        // Apache HttpClient, as the Java SDKs log it.
        let f = one(
            "DEBUG wire - http-outgoing-0 << \"HTTP/1.1 403 Forbidden[\\r][\\n]\"\nDEBUG wire - http-outgoing-0 << \"x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx[\\r][\\n]\"\n",
        );
        assert_eq!(f.status, Some(403));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
        // OkHttp.
        let e = errors("<-- 404 Not Found https://b-125.cos.ap-beijing.myqcloud.com/k (31ms)\n");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].found.status, Some(404));
    }

    #[test]
    fn success_is_not_an_error() {
        assert!(errors("HTTP/1.1 200 OK\r\nServer: tencent-cos\r\n\r\n").is_empty());
    }
}
