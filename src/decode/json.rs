//! JSON error bodies and log records: `{"Error": {"Code": ...}}`,
//! `{"code": ..., "message": ..., "requestId": ...}`, the Node.js SDK's
//! error object (`{"error": {"Code": ...}, "statusCode": 403, "headers":
//! {...}}`), and structured log lines that carry any of those, or an XML
//! body or SDK string inside a string value.
//!
//! serde_json does the parsing; its recursion limit (128) bounds nesting,
//! and [`walk`] stops at the same depth. `serde_json::Value` keeps object
//! keys sorted, so `extra` lists JSON fields alphabetically, not in input
//! order.

use serde_json::{Map, Value};

use super::draft::{Draft, Field, Shape, classify};

/// Objects searched per text, and string values rescanned.
const MAX_OBJECTS: usize = 32;

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

/// Brace depth change of a line of a JSON-like (JSON, JavaScript, Python)
/// block, skipping quoted strings; a `'` only opens a string at the start
/// of a token, so `bucket's` does not.
pub fn brace_delta(line: &str, in_string: &mut Option<u8>) -> i64 {
    let b = line.as_bytes();
    let mut d = 0i64;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if let Some(q) = *in_string {
            if c == b'\\' {
                i += 1;
            } else if c == q {
                *in_string = None;
            }
        } else {
            match c {
                b'"' => *in_string = Some(b'"'),
                b'\'' if i == 0 || !b[i - 1].is_ascii_alphanumeric() => *in_string = Some(b'\''),
                b'{' | b'[' => d += 1,
                b'}' | b']' => d -= 1,
                _ => {}
            }
        }
        i += 1;
    }
    // A string never spans lines in these formats; a stray quote must not
    // swallow the rest of the block.
    *in_string = None;
    d
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

/// What the walk found: error drafts, and string values worth scanning
/// as text (an XML body or an SDK message inside a log record).
#[derive(Default)]
pub struct Walk {
    pub drafts: Vec<Draft>,
    pub strings: Vec<String>,
}

/// Takes the JSON objects out of `text`: what their walk found, and the
/// text with each object replaced by a space (for the other readers).
/// `None` when `text` holds no object.
pub fn take_objects(text: &str, max: usize) -> Option<(Walk, String)> {
    let objs = objects(text);
    if objs.is_empty() {
        return None;
    }
    let mut w = Walk::default();
    let mut rest = String::with_capacity(text.len());
    let mut last = 0;
    for (a, z, v) in &objs {
        walk(v, max, &mut w);
        rest.push_str(&text[last..*a]);
        rest.push(' ');
        last = *z;
    }
    rest.push_str(&text[last..]);
    Some((w, rest))
}

/// Looks for error objects in `v`.
pub fn walk(v: &Value, max: usize, out: &mut Walk) {
    walk_at(v, max, out, 0);
}

fn walk_at(v: &Value, max: usize, out: &mut Walk, depth: usize) {
    if depth > 128 || out.drafts.len() >= MAX_OBJECTS {
        return;
    }
    match v {
        Value::Object(m) => {
            let inner = get_ci(m, &["Error", "error", "err"])
                .and_then(Value::as_object)
                .filter(|o| has_code(o));
            if inner.is_some() || has_code(m) {
                if let Some(d) = error_object(m, inner, max) {
                    out.drafts.push(d);
                }
                // A log record's other strings may still hold a body.
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
                walk_at(child, max, out, depth + 1);
            }
        }
        Value::Array(a) => {
            for child in a.iter().take(1000) {
                walk_at(child, max, out, depth + 1);
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
    ["rror", "ode", "equest", "esponse", "esult"]
        .iter()
        .any(|m| memchr::memmem::find(b, m.as_bytes()).is_some())
}

/// Builds a draft from an error object (`outer`), whose error may sit in
/// a nested `inner` object (the Node.js SDK's `error`).
fn error_object(
    outer: &Map<String, Value>,
    inner: Option<&Map<String, Value>>,
    max: usize,
) -> Option<Draft> {
    let mut d = Draft::new(Shape::Json);
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
    use super::*;

    fn drafts(text: &str) -> Vec<Draft> {
        let mut w = Walk::default();
        for (_, _, v) in objects(text) {
            walk(&v, 64 * 1024, &mut w);
        }
        w.drafts
    }

    #[test]
    fn error_wrapper() {
        let d = &drafts(
            r#"{"Error": {"Code": "NoSuchKey", "Message": "m", "RequestId": "r", "TraceId": "t"}}"#,
        )[0];
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(d.found.trace_id.as_deref(), Some("t"));
    }

    #[test]
    fn flat_lower_case() {
        let d = &drafts(
            r#"log: {"code":"InvalidParameter","message":"bad","requestId":"r1","extraThing":1}"#,
        )[0];
        assert_eq!(d.found.code.as_deref(), Some("InvalidParameter"));
        assert_eq!(d.found.request_id.as_deref(), Some("r1"));
        assert_eq!(
            d.found.extra,
            vec![("extraThing".to_owned(), "1".to_owned())]
        );
    }

    #[test]
    fn node_sdk() {
        let text = r#"{"statusCode":403,"headers":{"content-type":"application/xml","x-cos-request-id":"NjVh","server":"tencent-cos","authorization":"secret"},"error":{"Code":"AccessDenied","Message":"Access Denied.","RequestId":"NjVh","TraceId":"OGVm"},"code":"AccessDenied","message":"Access Denied.","RequestId":"NjVh"}"#;
        let v = drafts(text);
        assert_eq!(v.len(), 1);
        let f = &v[0].found;
        assert_eq!(f.status, Some(403));
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.trace_id.as_deref(), Some("OGVm"));
        assert!(
            f.headers
                .iter()
                .any(|(n, v)| n == "authorization" && v == "[REDACTED]")
        );
        assert!(f.extra.is_empty(), "{:?}", f.extra);
    }

    #[test]
    fn success_is_not_an_error() {
        assert!(drafts(r#"{"code":0,"message":"success","data":{}}"#).is_empty());
        assert!(drafts(r#"{"code":"Success"}"#).is_empty());
    }

    #[test]
    fn nested_in_log_record_and_strings() {
        let mut w = Walk::default();
        let text = r#"{"level":"error","err":{"code":"NoSuchBucket","status":404},"msg":"<Error><Code>X</Code></Error>"}"#;
        for (_, _, v) in objects(text) {
            walk(&v, 1000, &mut w);
        }
        assert_eq!(w.drafts.len(), 1);
        assert_eq!(w.drafts[0].found.status, Some(404));
        assert_eq!(w.strings, vec!["<Error><Code>X</Code></Error>".to_owned()]);
    }

    #[test]
    fn braces_in_strings() {
        let b = br#"{"a":"}{","b":{"c":1}} tail"#;
        assert_eq!(balanced_end(b, 0), Some(b.len() - 5));
        let mut s = None;
        assert_eq!(brace_delta("{ msg: 'bucket}s', name: \"x{\" ,", &mut s), 1);
        assert_eq!(brace_delta("  key: the bucket's policy {", &mut s), 1);
    }

    #[test]
    fn deep_json_is_refused_not_overflowed() {
        let deep = format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
        assert!(drafts(&deep).is_empty());
    }
}
