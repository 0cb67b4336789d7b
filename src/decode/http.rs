//! Whole HTTP exchanges as `curl -i` and `curl -v` print them: status
//! lines (`HTTP/1.1 403 Forbidden`, `HTTP/2 403`, `< HTTP/2 404`), headers
//! (also several on one line), the request's `> ` lines, and which
//! response a body belongs to. `100 Continue` and followed redirects are
//! skipped; the final response is the one explained.

use super::draft::{Draft, Shape};

/// A line, as HTTP output.
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    /// `HTTP/1.1 403 Forbidden`; `rest` holds headers printed on the same
    /// line, if any.
    Status {
        status: u16,
        reason: &'a str,
        rest: &'a str,
    },
    /// `> GET /key HTTP/1.1`
    Request {
        method: &'a str,
        target: &'a str,
    },
    /// `> Host: ...`
    RequestHeader {
        name: &'a str,
        value: &'a str,
    },
    /// `>` alone: end of the request headers.
    RequestEnd,
    /// `Server: tencent-cos`, `< Server: tencent-cos`.
    Header {
        name: &'a str,
        value: &'a str,
    },
    /// `<` alone (curl -v), or an empty line: end of the headers.
    Blank,
    /// `* Connected to ...`, `{ [5 bytes data]`: curl's own chatter.
    CurlInfo,
    Other,
}

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

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+.^_`|~-".contains(&b))
}

/// `HTTP/1.1 403 Forbidden`, `HTTP/2 403`: status, reason and the rest.
pub fn status_line(s: &str) -> Option<(u16, &str, &str)> {
    let s = s.strip_prefix("< ").unwrap_or(s);
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
    // Headers flattened onto the status line start at the first
    // `Name: ` that is a header's.
    let mut split = tail.len();
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
/// Jan 2024 16:36:51 GMT x-cos-request-id: NjVh`. A body glued after them
/// (from the first `<` or `{`) is not part of any value.
pub fn flattened_headers(s: &str) -> (Vec<(&str, &str)>, &str) {
    let body_at = s.find(['<', '{']).unwrap_or(s.len());
    let (h, body) = s.split_at(body_at);
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
    (out, body)
}

/// Reads one line as HTTP output. `in_headers` says whether a response's
/// header block is open (then `Name: value` is a header).
pub fn classify(s: &str, in_headers: bool, in_request: bool) -> Line<'_> {
    if let Some((status, reason, rest)) = status_line(s) {
        return Line::Status {
            status,
            reason,
            rest,
        };
    }
    let t = s.trim_end();
    if t.is_empty() || (t == "<" && in_headers) {
        return Line::Blank;
    }
    if let Some(r) = t.strip_prefix("> ").or_else(|| (t == ">").then_some("")) {
        if r.is_empty() {
            return if in_request {
                Line::RequestEnd
            } else {
                Line::Other
            };
        }
        let mut parts = r.split(' ');
        if let (Some(m), Some(target), Some(v)) = (parts.next(), parts.next(), parts.next())
            && METHODS.contains(&m)
            && v.starts_with("HTTP/")
        {
            return Line::Request { method: m, target };
        }
        if in_request
            && let Some((n, v)) = r.split_once(':')
            && is_token(n)
        {
            return Line::RequestHeader {
                name: n,
                value: v.trim(),
            };
        }
        return Line::Other;
    }
    if (t.starts_with("* ") || t == "*") && (in_headers || in_request) {
        return Line::CurlInfo;
    }
    if (t.starts_with("{ [") || t.starts_with("} [")) && t.ends_with("data]") {
        return Line::CurlInfo;
    }
    if in_headers {
        let h = t.strip_prefix("< ").unwrap_or(t);
        if let Some((n, v)) = h.split_once(':')
            && is_token(n)
        {
            return Line::Header {
                name: n,
                value: v.trim(),
            };
        }
    }
    Line::Other
}

/// The request a response answers, from `curl -v`'s `> ` lines.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub host: Option<String>,
    pub date: Option<String>,
    pub done: bool,
}

impl Request {
    /// `GET bucket.cos.ap-guangzhou.myqcloud.com/key`.
    pub fn describe(&self) -> String {
        let host = self.host.as_deref().unwrap_or("");
        if self.target.starts_with('/') && !host.is_empty() {
            format!("{} {host}{}", self.method, self.target)
        } else {
            format!("{} {}", self.method, self.target)
        }
    }
}

/// A response being read.
#[derive(Debug)]
pub struct Response {
    pub line: u64,
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub in_body: bool,
    /// Lines of body seen, and whether a blank line ended it.
    pub body_lines: u64,
    pub body_ended: bool,
    /// An error from the body was already reported with this response.
    pub reported: bool,
    pub request: Option<Request>,
}

impl Response {
    pub fn new(line: u64, status: u16, reason: &str, request: Option<Request>) -> Response {
        Response {
            line,
            status,
            reason: reason.chars().take(256).collect(),
            headers: Vec::new(),
            in_body: false,
            body_lines: 0,
            body_ended: false,
            reported: false,
            request,
        }
    }

    pub fn add_header(&mut self, name: &str, value: &str) {
        if self.headers.len() < 128 {
            self.headers
                .push((name.to_owned(), value.chars().take(8192).collect()));
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// No body will follow the headers: HEAD, `Content-Length: 0`, 204,
    /// 304, 1xx.
    pub fn bodiless(&self) -> bool {
        self.status < 200
            || self.status == 204
            || self.status == 304
            || self
                .header("content-length")
                .is_some_and(|v| v.trim() == "0")
            || self.request.as_ref().is_some_and(|r| r.method == "HEAD")
    }

    /// A redirect that a following response (curl -L) supersedes.
    pub fn is_redirect(&self) -> bool {
        (300..400).contains(&self.status) && self.header("location").is_some()
    }

    /// The response as context for an error in its body, or as the error
    /// itself when it has no error body.
    pub fn context(&self, max: usize) -> Draft {
        let mut d = Draft::new(Shape::Headers);
        d.found.status = Some(self.status);
        for (n, v) in &self.headers {
            d.add_header(n, v, max);
        }
        if let Some(r) = &self.request {
            if !r.method.is_empty() {
                d.found.request = Some(r.describe());
            }
            if let Some(h) = &r.host {
                super::draft::host_hints(h, &mut d.hints);
            }
            d.found.client_date.clone_from(&r.date);
        }
        d.found.line = self.line;
        d
    }

    /// Whether the headers alone report an error.
    pub fn headers_say_error(&self) -> bool {
        self.headers.iter().any(|(n, v)| {
            let l = n.to_ascii_lowercase();
            (l == "x-errno" && super::draft::parse_number(v).is_some_and(|n| n != 0))
                || (l.starts_with("x-") && l.ends_with("-error-code") && !v.trim().is_empty())
        })
    }

    /// The error a response without an error body is, if any.
    pub fn header_error(&self, max: usize) -> Option<Draft> {
        if self.status < 200 || !(self.status >= 300 || self.headers_say_error()) {
            return None;
        }
        let mut d = self.context(max);
        if self.body_lines == 0 {
            let how = match &self.request {
                Some(r) if r.method == "HEAD" => "a HEAD response has no body",
                _ => "the response had no body",
            };
            d.found
                .notes
                .push(format!("{how}: explained from the status line and headers"));
        } else {
            d.found.notes.push(
                "the body held no error document: explained from the status line and headers"
                    .to_owned(),
            );
        }
        if !self.reason.is_empty() {
            d.found
                .extra
                .push(("reason".to_owned(), self.reason.clone()));
        }
        Some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines() {
        assert_eq!(
            status_line("HTTP/1.1 403 Forbidden"),
            Some((403, "Forbidden", ""))
        );
        assert_eq!(status_line("HTTP/2 404 "), Some((404, "", "")));
        assert_eq!(status_line("< HTTP/2 200"), Some((200, "", "")));
        assert_eq!(
            status_line("HTTP/1.1 100 Continue\r"),
            Some((100, "Continue", ""))
        );
        assert_eq!(status_line("HTTP/1.1 4033 x"), None);
        assert_eq!(status_line("HTTP/x 403"), None);
        assert_eq!(status_line("GET / HTTP/1.1"), None);
    }

    #[test]
    fn headers_on_the_status_line() {
        let (s, reason, rest) = status_line(
            "HTTP/1.1 404 Not Found Content-Type: application/xml Date: Fri, 12 Jan 2024 16:36:51 GMT Server: tencent-cos x-cos-request-id: NjVh",
        )
        .unwrap();
        assert_eq!((s, reason), (404, "Not Found"));
        let (h, body) = flattened_headers(rest);
        assert_eq!(
            h,
            vec![
                ("Content-Type", "application/xml"),
                ("Date", "Fri, 12 Jan 2024 16:36:51 GMT"),
                ("Server", "tencent-cos"),
                ("x-cos-request-id", "NjVh")
            ]
        );
        assert_eq!(body, "");
    }

    #[test]
    fn curl_verbose_lines() {
        assert_eq!(
            classify("> GET /k?x=1 HTTP/1.1", false, false),
            Line::Request {
                method: "GET",
                target: "/k?x=1"
            }
        );
        assert_eq!(
            classify("> Host: b.cos", false, true),
            Line::RequestHeader {
                name: "Host",
                value: "b.cos"
            }
        );
        assert_eq!(classify(">", false, true), Line::RequestEnd);
        assert_eq!(
            classify("< Server: tencent-cos", true, false),
            Line::Header {
                name: "Server",
                value: "tencent-cos"
            }
        );
        assert_eq!(classify("<", true, false), Line::Blank);
        assert_eq!(classify("* Connected to x", true, false), Line::CurlInfo);
        assert_eq!(classify("{ [5 bytes data]", false, false), Line::CurlInfo);
        // Quoted mail is not a request.
        assert_eq!(classify("> <Error>", false, false), Line::Other);
        assert_eq!(classify("Server: x", false, false), Line::Other);
    }

    #[test]
    fn header_only_error() {
        let mut r = Response::new(
            3,
            404,
            "Not Found",
            Some(Request {
                method: "HEAD".into(),
                target: "/k".into(),
                host: Some("b.cos.ap-beijing.myqcloud.com".into()),
                ..Request::default()
            }),
        );
        r.add_header("x-cos-request-id", "NjVh");
        r.add_header("Server", "tencent-cos");
        assert!(r.bodiless());
        let d = r.header_error(1000).unwrap();
        assert_eq!(d.found.status, Some(404));
        assert_eq!(d.found.request_id.as_deref(), Some("NjVh"));
        assert_eq!(
            d.found.request.as_deref(),
            Some("HEAD b.cos.ap-beijing.myqcloud.com/k")
        );
        let ok = Response::new(1, 200, "OK", None);
        assert!(ok.header_error(1000).is_none());
        let mut ci = Response::new(1, 200, "OK", None);
        ci.add_header("X-ErrNo", "-1102");
        assert_eq!(ci.header_error(1000).unwrap().found.number, Some(-1102));
    }
}
