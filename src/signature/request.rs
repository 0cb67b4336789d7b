//! Reads, from one record's raw text, what a signature check rests on: the
//! request as it was sent (a `curl -v` request, a raw HTTP request, or a
//! presigned URL) and the fields the server's error body gives
//! (`StringToSign`, `FormatString`, `CanonicalRequest`,
//! `SignatureProvided`).
//!
//! Only records that hold a signature or signing-time error are read here,
//! and only once each: the cost stays off the decode of other errors.

use std::borrow::Cow;
use std::fmt;

use percent_encoding::percent_decode_str;

/// Headers kept of one request; a longer list is cut and marked.
const MAX_HEADERS: usize = 200;

/// A request as the input shows it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// As sent (`PUT`); `None` for a presigned URL without one beside it.
    pub method: Option<String>,
    /// The path as sent, percent-encoded as it was on the wire.
    pub path: String,
    /// The query's pairs as sent, not decoded; `None`: a name without `=`.
    pub query: Vec<(String, Option<String>)>,
    /// The headers, names as sent, values trimmed.
    pub headers: Vec<(String, String)>,
    /// The header block ended (a blank line, or curl's `>` alone): no
    /// header is missing from it.
    pub complete: bool,
    /// It came from a URL, not a request line: its headers are unknown
    /// but for `Host`.
    pub url_only: bool,
}

// The request holds the signature sent and perhaps a security token: no
// value of it goes to a debug print.
impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("headers", &self.headers.len())
            .field("complete", &self.complete)
            .finish_non_exhaustive()
    }
}

impl Request {
    /// The first header of this name (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of the headers of this name, in order.
    pub fn headers_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The first query parameter of this (decoded) name, decoded.
    pub fn param(&self, name: &str) -> Option<String> {
        self.query
            .iter()
            .find(|(k, _)| decode(k).eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_deref().map(decode).unwrap_or_default())
    }
}

/// Percent-decodes `s` (a `+` stays a `+`), as UTF-8, lossily.
pub fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

const METHODS: [&str; 7] = ["GET", "PUT", "POST", "DELETE", "HEAD", "OPTIONS", "PATCH"];

/// `METHOD target HTTP/x`: the method and the target.
fn request_line(line: &str) -> Option<(&str, &str)> {
    let mut it = line.split(' ');
    let method = it.next()?;
    let target = it.next()?;
    let version = it.next()?;
    (METHODS.iter().any(|m| m.eq_ignore_ascii_case(method))
        && version.starts_with("HTTP/")
        && it.next().is_none()
        && !target.is_empty())
    .then_some((method, target))
}

/// Splits a target (`/p?q`, or an absolute URL) into host, path, query.
fn split_target(target: &str) -> (Option<&str>, &str, &str) {
    let (host, rest) = match target.split_once("://") {
        Some((_, after)) => {
            let end = after.find(['/', '?']).unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, target),
    };
    let rest = rest.split('#').next().unwrap_or_default();
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let path = if path.is_empty() { "/" } else { path };
    (host, path, query)
}

fn parse_query(q: &str) -> Vec<(String, Option<String>)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .take(200)
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
            None => (p.to_owned(), None),
        })
        .collect()
}

fn new_request(method: Option<&str>, target: &str) -> Request {
    let (host, path, query) = split_target(target);
    let mut r = Request {
        method: method.map(str::to_owned),
        path: path.to_owned(),
        query: parse_query(query),
        ..Request::default()
    };
    if let Some(h) = host {
        r.headers.push(("Host".to_owned(), h.to_owned()));
    }
    r
}

/// The lines of debug logs that print a request inside other text, as
/// plain lines: Python's http.client (`send: b'PUT /k HTTP/1.1\r\nHost:
/// ...'`) and Apache HttpClient's wire log (`>> "Host: h[\r][\n]"`, the
/// Java SDKs'). Other text is returned as it is.
fn unwrapped(text: &str) -> Cow<'_, str> {
    if !text.contains("send: b") && !text.contains(">> \"") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let py = ["send: b'", "send: b\""].iter().find_map(|m| {
            line.find(m)
                .map(|i| (i + m.len(), m.as_bytes()[m.len() - 1]))
        });
        if let Some((start, quote)) = py {
            let body = &line[start..];
            let end = body.rfind(char::from(quote)).unwrap_or(body.len());
            out.push_str(&unescape_py(&body[..end]));
            out.push('\n');
        } else if let Some(i) = line.find(">> \"") {
            let body = &line[i + 4..];
            let body = body.strip_suffix('"').unwrap_or(body);
            out.push_str(&body.replace("[\\r]", "").replace("[\\n]", ""));
            out.push('\n');
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    Cow::Owned(out)
}

/// A Python bytes literal's escapes: `\r` dropped, `\n` a line end,
/// `\t`, `\\`, quotes and `\xNN` (as Latin-1; header values are ASCII).
fn unescape_py(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => {}
            Some('t') => out.push('\t'),
            Some('x') => {
                let hex: String = it.by_ref().take(2).collect();
                if let Ok(b) = u8::from_str_radix(&hex, 16) {
                    out.push(char::from(b));
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The last request in `text` (before the error, which the caller cut
/// off): a request line with its headers, else a signed URL.
pub fn find(text: &str) -> Option<Request> {
    let text = &*unwrapped(text);
    let mut last: Option<Request> = None;
    // In a request's header block: whether its lines are curl's `> `.
    let mut open: Option<bool> = None;
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        let (curl, body) = match line.strip_prefix('>') {
            Some(rest) => (true, rest.strip_prefix(' ').unwrap_or(rest)),
            None => (false, line),
        };
        if let Some((m, t)) = request_line(body.trim_start()) {
            last = Some(new_request(Some(m), t));
            open = Some(curl);
            continue;
        }
        let Some(in_curl) = open else { continue };
        let Some(r) = last.as_mut() else { continue };
        if in_curl && !curl {
            // curl's own lines (`* `, `{ `) sit between; `<` is the answer.
            if line.starts_with('<') {
                open = None;
            }
            continue;
        }
        if body.trim().is_empty() {
            r.complete = true;
            open = None;
            continue;
        }
        match body.split_once(':') {
            Some((name, value))
                if !name.is_empty()
                    && !name.contains(' ')
                    && name.bytes().all(|b| b.is_ascii_graphic()) =>
            {
                if name.eq_ignore_ascii_case("host") {
                    // An absolute target's host yields to the header.
                    r.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("host"));
                }
                if r.headers.len() < MAX_HEADERS {
                    r.headers.push((name.to_owned(), value.trim().to_owned()));
                }
            }
            _ => open = None,
        }
    }
    if last.is_some() {
        return last;
    }
    signed_url(text)
}

/// A URL that carries a signature in its query, with the method before it
/// (`PUT https://...`) when the input gives one.
fn signed_url(text: &str) -> Option<Request> {
    let mut found = None;
    let mut from = 0;
    while let Some(i) = text[from..].find("http").map(|i| from + i) {
        from = i + 4;
        let rest = &text[i..];
        if !(rest.starts_with("http://") || rest.starts_with("https://")) {
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | '`'))
            .unwrap_or(rest.len());
        let url = &rest[..end];
        let signed = ["q-signature=", "Signature=", "X-Amz-Signature="]
            .iter()
            .any(|s| url.contains(s));
        if !signed {
            continue;
        }
        let before = text[..i].trim_end();
        let word = before
            .rsplit(|c: char| c.is_whitespace() || c == '"' || c == '\'')
            .next()
            .unwrap_or_default();
        let method = METHODS
            .iter()
            .find(|m| m.eq_ignore_ascii_case(word))
            .copied();
        let mut r = new_request(method, url);
        r.url_only = true;
        found = Some(r);
    }
    found
}

/// The value of `<name>...</name>` in raw text, XML-unescaped; the last
/// one before `limit`.
pub fn xml_field(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let start = text.rfind(&open)? + open.len();
    let end = text[start..].find(&close)? + start;
    Some(unescape_xml(&text[start..end]))
}

/// A `name=value` field of an SDK's printed map (`StringToSign=sha1\n...,
/// Code=...`): the value runs to the next `, Word=` or `}`.
pub fn kv_field(text: &str, name: &str) -> Option<String> {
    let key = format!("{name}=");
    let mut at = 0;
    let start = loop {
        let i = text[at..].find(&key)? + at;
        let before = text[..i].chars().next_back();
        if before.is_none_or(|c| !c.is_ascii_alphanumeric()) {
            break i + key.len();
        }
        at = i + key.len();
    };
    let rest = &text[start..];
    let mut end = rest.find('}').unwrap_or(rest.len());
    let mut search = 0;
    while let Some(c) = rest[search..end].find(", ").map(|c| search + c) {
        let word: String = rest[c + 2..]
            .chars()
            .take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '_')
            .collect();
        if !word.is_empty() && rest[c + 2 + word.len()..].starts_with('=') {
            end = c;
            break;
        }
        search = c + 2;
    }
    Some(rest[..end].to_owned())
}

/// The five entities and numeric references.
pub fn unescape_xml(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(semi) = tail.find(';').filter(|&j| j <= 10) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let ent = &tail[1..semi];
        let ch = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &tail[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_curl_trace_gives_its_request_and_headers() {
        let text = "*   Trying 1.2.3.4:443...\n> PUT /a%20b.txt?acl&x=1 HTTP/1.1\n> Host: b-1250000000.cos.ap-guangzhou.myqcloud.com\n> Content-Type: text/plain\n>\n* upload completely sent off\n< HTTP/1.1 403 Forbidden\n";
        let r = find(text).unwrap();
        assert_eq!(r.method.as_deref(), Some("PUT"));
        assert_eq!(r.path, "/a%20b.txt");
        assert_eq!(
            r.query,
            vec![
                ("acl".to_owned(), None),
                ("x".to_owned(), Some("1".to_owned()))
            ]
        );
        assert_eq!(r.header("content-type"), Some("text/plain"));
        assert!(r.complete);
    }

    #[test]
    fn debug_logs_that_wrap_the_request_are_read() {
        let py = "send: b'PUT /k.txt HTTP/1.1\\r\\nHost: b.cos.ap-beijing.myqcloud.com\\r\\nContent-Type: text/plain\\r\\nAuthorization: q-sign-algorithm=sha1&q-ak=A\\r\\n\\r\\n'\nreply: 'HTTP/1.1 403 Forbidden\\r\\n'\n";
        let r = find(py).unwrap();
        assert_eq!(r.method.as_deref(), Some("PUT"));
        assert_eq!(r.header("content-type"), Some("text/plain"));
        assert!(r.complete);
        let wire = "DEBUG http-outgoing-0 >> \"PUT /k.txt HTTP/1.1[\\r][\\n]\"\nDEBUG http-outgoing-0 >> \"Host: b.cos.ap-beijing.myqcloud.com[\\r][\\n]\"\nDEBUG http-outgoing-0 >> \"[\\r][\\n]\"\nDEBUG http-outgoing-0 << \"HTTP/1.1 403 Forbidden[\\r][\\n]\"\n";
        let r = find(wire).unwrap();
        assert_eq!(r.header("host"), Some("b.cos.ap-beijing.myqcloud.com"));
        assert!(r.complete);
    }

    #[test]
    fn a_cut_trace_is_not_complete() {
        let r = find("> GET / HTTP/1.1\n> Host: h\n").unwrap();
        assert!(!r.complete);
        assert_eq!(r.header("Host"), Some("h"));
    }

    #[test]
    fn a_presigned_url_gives_host_path_and_query() {
        let r = find("PUT https://b.obs.cn-north-4.myhuaweicloud.com/k?AccessKeyId=AK&Expires=1&Signature=a%2Bb done").unwrap();
        assert_eq!(r.method.as_deref(), Some("PUT"));
        assert!(r.url_only);
        assert_eq!(r.param("Signature").as_deref(), Some("a+b"));
        assert_eq!(r.header("host"), Some("b.obs.cn-north-4.myhuaweicloud.com"));
    }

    #[test]
    fn fields_of_an_sdk_map_end_at_the_next_field() {
        let t = "UserInfo={RequestId=x, StringToSign=sha1\n1;2\nab, Code=SignatureDoesNotMatch, FormatString=put\n/k, Resource=r}";
        assert_eq!(
            kv_field(t, "StringToSign").as_deref(),
            Some("sha1\n1;2\nab")
        );
        assert_eq!(kv_field(t, "FormatString").as_deref(), Some("put\n/k"));
        assert_eq!(kv_field(t, "Missing"), None);
    }

    #[test]
    fn xml_fields_are_unescaped() {
        let t = "<FormatString>a=1&amp;b=2&#x41;</FormatString>";
        assert_eq!(xml_field(t, "FormatString").as_deref(), Some("a=1&b=2A"));
        assert_eq!(xml_field("<FormatString>cut", "FormatString"), None);
    }
}
