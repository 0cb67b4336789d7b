//! JSON error bodies and log records: `{"Error": {"Code": ...}}`,
//! `{"code": ..., "message": ..., "requestId": ...}`, the Node.js SDK's
//! error object (`{"error": {"Code": ...}, "statusCode": 403, "headers":
//! {...}}`), and structured log lines whose string values carry an XML
//! body or an SDK's error string (read again as text of their own).
//!
//! serde_json does the parsing; its recursion limit (128) bounds nesting,
//! and the walk stops at the same depth. `serde_json::Value` keeps object
//! keys sorted, so `extra` lists JSON fields alphabetically.

use serde_json::{Map, Value};

use super::super::draft::{Draft, Field, Shape as Kind, classify};
use super::super::facts::{Facts, Kind as FactKind};
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "json",
    keywords: &[
        "\"code",
        "\"error",
        "\"message",
        "\"status",
        "\"request",
        "\"msg",
    ],
    dynamic: None,
    always: false,
    find,
};

/// Objects tried per record, and string values read again.
const MAX_OBJECTS: usize = 64;

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    for (a, z, v) in objects(rec.text) {
        let mut w = Walk::default();
        walk(&v, rec.max_field, &mut w, 0);
        let line = rec.line_at(a);
        for mut d in w.drafts {
            d.found.line = line;
            out.error(a..z, d);
        }
        if w.success {
            out.push(a..z, FactKind::Success("a success body"));
        }
        for s in w.strings {
            super::read_nested(rec, a..z, &s, out);
        }
    }
}

/// Finds `{...}` spans in `text` that parse as JSON objects.
pub fn objects(text: &str) -> Vec<(usize, usize, Value)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    let mut tries = 0;
    while let Some(p) = memchr::memchr(b'{', &b[from..]) {
        let at = from + p;
        tries += 1;
        if tries > MAX_OBJECTS {
            break;
        }
        match balanced_end(b, at) {
            Some(end) => match serde_json::from_str::<Value>(&text[at..end]) {
                Ok(v @ Value::Object(_)) => {
                    out.push((at, end, v));
                    from = end;
                }
                _ => from = at + 1,
            },
            None => from = at + 1,
        }
    }
    out
}

/// The end (exclusive) of the `{...}` starting at `at`, honouring JSON
/// strings; `None` when it does not close in `b`.
pub fn balanced_end(b: &[u8], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn get_ci<'a>(m: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    m.iter()
        .find(|(k, _)| keys.iter().any(|w| k.eq_ignore_ascii_case(w)))
        .map(|(_, v)| v)
}

fn has_code(m: &Map<String, Value>) -> bool {
    m.iter().any(|(k, v)| {
        matches!(classify(k), Some(Field::Code | Field::Number))
            && matches!(v, Value::String(_) | Value::Number(_))
    })
}

/// What the walk found: error drafts, strings worth reading as text, and
/// whether a success object was seen.
#[derive(Default)]
struct Walk {
    drafts: Vec<Draft>,
    strings: Vec<String>,
    success: bool,
}

fn walk(v: &Value, max: usize, out: &mut Walk, depth: usize) {
    if depth > 128 || out.drafts.len() >= MAX_OBJECTS {
        return;
    }
    match v {
        Value::Object(m) => {
            let inner = get_ci(m, &["Error", "error", "err"])
                .and_then(Value::as_object)
                .filter(|o| has_code(o));
            if inner.is_some() || has_code(m) {
                match error_object(m, inner, max) {
                    Some(d) => out.drafts.push(d),
                    None => out.success = true,
                }
                for (k, child) in m {
                    if let Value::String(s) = child
                        && classify(k).is_none()
                        && out.strings.len() < MAX_OBJECTS
                        && s.contains('<')
                        && looks_interesting(s)
                    {
                        out.strings.push(s.clone());
                    }
                }
                return;
            }
            for (_, child) in m {
                walk(child, max, out, depth + 1);
            }
        }
        Value::Array(a) => {
            for child in a.iter().take(1000) {
                walk(child, max, out, depth + 1);
            }
        }
        Value::String(s) if out.strings.len() < MAX_OBJECTS && looks_interesting(s) => {
            out.strings.push(s.clone());
        }
        _ => {}
    }
}

fn looks_interesting(s: &str) -> bool {
    let b = s.as_bytes();
    [
        "rror", "ode", "equest", "esponse", "esult", "xception", "tatus",
    ]
    .iter()
    .any(|m| memchr::memmem::find(b, m.as_bytes()).is_some())
}

/// Builds a draft from an error object (`outer`), whose error may sit in
/// a nested `inner` object (the Node.js SDK's `error`). `None` for a
/// success object.
fn error_object(
    outer: &Map<String, Value>,
    inner: Option<&Map<String, Value>>,
    max: usize,
) -> Option<Draft> {
    let mut d = Draft::new(Kind::Json);
    // The inner object's fields first: they are the server's own words,
    // and the first value of a field wins.
    if let Some(inner) = inner {
        for (k, v) in inner {
            match (classify(k), scalar(v)) {
                (Some(f), Some(s)) => d.set(f, k, &s, 0, max),
                (None, Some(s)) => d.push_extra(k, &s, 0, max),
                _ => {}
            }
        }
    }
    for (k, v) in outer {
        if k.eq_ignore_ascii_case("headers") {
            if let Value::Object(h) = v {
                for (hn, hv) in h {
                    if let Some(s) = scalar(hv) {
                        d.add_header(hn, &s, max);
                    }
                }
            }
            continue;
        }
        match (classify(k), scalar(v)) {
            (Some(f), Some(s)) => d.set(f, k, &s, 0, max),
            // The wrapper's other keys (`name`, `stack`) are the SDK's,
            // not the server's; a flat error object's are the server's.
            (None, Some(s)) if inner.is_none() => d.push_extra(k, &s, 0, max),
            _ => {}
        }
    }
    if d.success && d.found.code.is_none() && d.found.number.is_none() {
        return None;
    }
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};
    use super::*;

    #[test]
    fn error_wrapper() {
        let f = one(
            r#"{"Error": {"Code": "NoSuchKey", "Message": "m", "RequestId": "NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx", "TraceId": "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx"}}"#,
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.trace_id.as_deref(),
            Some("OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx")
        );
    }

    #[test]
    fn node_sdk() {
        let f = one(
            r#"{"statusCode":403,"headers":{"content-type":"application/xml","x-cos-request-id":"NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx","server":"tencent-cos","authorization":"secret"},"error":{"Code":"AccessDenied","Message":"Access Denied.","RequestId":"NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx","TraceId":"OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx"},"code":"AccessDenied","message":"Access Denied.","RequestId":"NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx"}"#,
        );
        assert_eq!(f.status, Some(403));
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert!(
            f.headers
                .iter()
                .any(|(n, v)| n == "authorization" && v == "[REDACTED]")
        );
    }

    #[test]
    fn success_is_not_an_error() {
        assert!(errors(r#"{"code":0,"message":"success","data":{}}"#).is_empty());
    }

    #[test]
    fn a_body_inside_a_log_record() {
        let f = one(
            r#"{"level":"error","msg":"<Error><Code>NoSuchKey</Code><RequestId>r</RequestId></Error>"}"#,
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
    }

    #[test]
    fn braces_in_strings() {
        let b = br#"{"a":"}{","b":{"c":1}} tail"#;
        assert_eq!(balanced_end(b, 0), Some(b.len() - 5));
    }

    #[test]
    fn deep_json_is_refused_not_overflowed() {
        let deep = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
        assert!(errors(&deep).is_empty());
    }
}
