//! Labelled fields, the shape most SDK and CLI error strings share: a
//! known label (`Code`, `Error Code`, `RequestId`, `request id`, `Status
//! Code`, `S3 Extended Request ID`, ...), a separator (`:`, `=`, `=>`,
//! ` [`), and a value (quoted, bracketed, or running to the next label).
//! Python dicts (`{'code': ...}`), JavaScript objects (`{ Code: '...' }`),
//! Ruby hashes (`"Code"=>"..."`), `key=value` logs, obsutil's `Error code
//! [X]`, PHP's `Cos Error Code: X, Status Code: 403` and field-per-line
//! printouts are all read by this one reader.
//!
//! The SDK shapes (`sdk_*.rs`) read what comes before or around such
//! fields (a Go SDK's `PUT url: 403 Code(`, a Java exception's message);
//! resolution merges what they and this shape found of one error.

use super::super::draft::{
    Draft, Field, Shape as Kind, classify_norm, classify_suffix, normalize, parse_status,
};
use super::super::facts::Facts;
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "kv",
    keywords: &[
        "code",
        "error",
        // `X-ErrNo`, CI's numeric code.
        "errno",
        "message",
        "msg",
        "request",
        "reqid",
        "trace",
        "host id",
        "hostid",
        "status",
        "resource",
        "exception",
    ],
    dynamic: None,
    // Labels are normalised (`x-obs-id-2`, `X_OBS_ID_2` and `XObsId2` are
    // one label), which no list of substrings covers: this shape reads
    // every record that reaches the shapes. Its keywords stay, for the
    // gate's anchors.
    always: true,
    find,
};

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    for (span, mut d) in scan(rec.text, rec.max_field) {
        d.found.line = rec.line_at(span.start);
        out.error(span, d);
    }
}

#[derive(Clone, Debug)]
struct Hit {
    field: Field,
    /// The label as written (`Error Code`).
    label: (usize, usize),
    /// Where the value starts, and where it ends when it was delimited
    /// (quoted or bracketed); open values end at the next label.
    value: usize,
    closed: Option<(usize, usize)>,
    /// The separator is `=` (`key=value`, as logfmt writes).
    eq: bool,
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Finds the labelled fields of `text`.
fn hits(text: &str) -> Vec<Hit> {
    let b = text.as_bytes();
    let mut out: Vec<Hit> = Vec::new();
    let mut skip_to = 0;
    // `:`, `=`, `[`, and the `>` of `-->` (the OBS SDKs' samples print
    // `Code-->X`).
    let arrows = memchr::memmem::find_iter(b, b"-->").map(|i| i + 2);
    // A full-width colon (`：`, three bytes): its last byte stands for it.
    let wide = memchr::memmem::find_iter(b, "：".as_bytes()).map(|i| i + 2);
    let mut seps: Vec<usize> = memchr::memchr3_iter(b':', b'=', b'[', b)
        .chain(arrows)
        .chain(wide)
        .collect();
    seps.sort_unstable();
    for p in seps {
        if p < skip_to || p == 0 || out.len() >= 256 {
            continue;
        }
        let next = b.get(p + 1).copied();
        let mut vstart = p + 1;
        let mut end = p;
        match b[p] {
            b'>' => {
                // `Label-->value`.
                end = p - 2;
                if end == 0 {
                    continue;
                }
            }
            0x9A if p >= 2 && &b[p - 2..=p] == "：".as_bytes() => {
                end = p - 2;
                if end == 0 {
                    continue;
                }
            }
            b'[' => {
                // `Error code [X]` (obsutil), `ResponseCode[403]` (hadoop-obs);
                // whether the word before is a label is checked below.
                if b[p - 1] == b' ' {
                    end = p - 1;
                } else if !b[p - 1].is_ascii_alphabetic() {
                    continue;
                }
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
        // PHP's var_dump and print_r: `["code"]=> int(-97)`, `[code] => -97`.
        let php = b[p] == b'=' && next == Some(b'>') && end > 1 && b[end - 1] == b']';
        if php {
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
            // A word right after `=` is another pair's value (`level=error
            // msg=...`), not the start of this label.
            if !words.is_empty() && w_start > 0 && b[w_start - 1] == b'=' {
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
        // One word with a known ending: `SdkResponseCode`, `GetErrorCode`.
        if found.is_none()
            && let Some(&(start, _)) = words.first()
            && (quote.is_none() || (start > 0 && Some(b[start - 1]) == quote))
        {
            let mut buf = [0u8; 40];
            if let Some(n) = normalize(&text[start..end], &mut buf)
                && let Some(f) = classify_suffix(&buf[..n])
            {
                found = Some((f, start));
            }
        }
        let Some((field, lstart)) = found else {
            continue;
        };
        // gRPC's `rpc error: code = Unknown desc = ...` is the RPC's
        // status, not the service's code.
        if field == Field::Code && text[..lstart].trim_end().ends_with("rpc error:") {
            continue;
        }
        // The value.
        while vstart < b.len() && (b[vstart] == b' ' || b[vstart] == b'\t') {
            vstart += 1;
        }
        if matches!(field, Field::RequestId | Field::TraceId | Field::HostId)
            && let Some(next) = wrapped_id(text, vstart)
        {
            vstart = next;
        }
        let mut closed = None;
        if php {
            // var_dump's types: `int(400)`, `string(23) "..."`.
            let rest = &text[vstart..];
            if let Some(n) = ["int(", "float("].iter().find_map(|t| rest.strip_prefix(t)) {
                let a = vstart + rest.len() - n.len();
                let z = n.find(')').map_or(b.len(), |i| a + i);
                closed = Some((a, z));
            } else if let Some(s) = rest.strip_prefix("string(")
                && let Some(i) = s.find(") ")
                && s[..i].bytes().all(|c| c.is_ascii_digit())
            {
                vstart += "string(".len() + i + 2;
            }
        }
        if closed.is_none() && b[p] == b'[' {
            let z = memchr::memchr(b']', &b[vstart..]).map_or(b.len(), |i| vstart + i);
            closed = Some((vstart, z));
        } else if closed.is_none()
            && matches!(field, Field::RequestId | Field::TraceId | Field::HostId)
            && let Some(z) = bracketed_id(text, vstart)
        {
            // An ID in brackets (`request id: [f4kg...]`, as Kingsoft's fork
            // of aws-sdk-go prints it): the brackets are not the ID's.
            closed = Some((vstart + 1, z));
        } else if closed.is_none() {
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
            } else if (matches!(b.get(vstart), Some(b'{' | b'[' | b'<'))
                && !tagged_text(text, vstart))
                || vstart >= b.len()
            {
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
            eq: b[p] == b'=' && next != Some(b'>'),
        });
    }
    out
}

/// An ID's label that ends its line, its value at the start of the next:
/// a terminal, Terraform's box or a mail wrapped the line there
/// (`StatusCode: 404, RequestID:` / `000001979C6FE4AEA0E715E2A0ED8CDB,
/// HostID: ...`). Where the value starts, when the next line starts with
/// a token of the ID alphabet, at least 16 long, that ends there.
fn wrapped_id(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let rest = rest.strip_prefix('\r').unwrap_or(rest);
    let next = rest.strip_prefix('\n')?;
    let trimmed = next.trim_start_matches([' ', '\t']);
    // `id_token` skips any other blank (a full-width one) first: then
    // the next line does not start with an ID.
    let id = super::ids::id_token(trimmed);
    if id.len() < 16 || id.as_ptr() != trimmed.as_ptr() {
        return None;
    }
    let after = trimmed[id.len()..].bytes().next();
    after
        .is_none_or(|c| matches!(c, b',' | b';' | b' ' | b'\r' | b'\n'))
        .then(|| text.len() - trimmed.len())
}

/// Whether the value at `at` is text behind a tag in brackets, as the
/// Tencent Cloud API writes its messages (`message:[QC_STS] cant grant
/// other resource`): a short bracketed word, then a space and a word.
/// A list (`["a", "b"]`, `[Object]`) is not.
fn tagged_text(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    if b.get(at) != Some(&b'[') {
        return false;
    }
    let inner = b[at + 1..]
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        .count();
    let close = at + 1 + inner;
    inner > 0
        && b.get(close) == Some(&b']')
        && b.get(close + 1) == Some(&b' ')
        && b.get(close + 2).is_some_and(u8::is_ascii_alphanumeric)
}

/// Where an ID written in brackets at `at` (`[f4kgut80...]`) ends: the
/// brackets hold one token of the ID alphabet and nothing else.
fn bracketed_id(text: &str, at: usize) -> Option<usize> {
    let inner = text[at..].strip_prefix('[')?;
    let id = super::ids::id_token(inner);
    (!id.is_empty() && id.as_ptr() == inner.as_ptr() && inner[id.len()..].starts_with(']'))
        .then(|| at + 1 + id.len())
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

/// Where the next ` key=` pair starts in `s`, or its end.
fn next_pair(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(j) = memchr::memchr2(b' ', b'\t', &b[i..]) {
        let at = i + j;
        let key = b[at + 1..]
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
            .count();
        let after = at + 1 + key;
        if key > 0 && b.get(after) == Some(&b'=') && b.get(after + 1) != Some(&b'=') {
            return at;
        }
        i = at + 1;
    }
    s.len()
}

/// Where a one-word value ends: at white space or punctuation, full-width
/// punctuation too (`错误码：NoSuchBucket，RequestId：...`). Codes and IDs
/// are ASCII and end at any other character as well; a resource may hold
/// an object key in any script.
fn token_end(s: &str, field: Field) -> usize {
    s.char_indices()
        .find(|&(_, c)| {
            c.is_whitespace()
                || matches!(c, ',' | ';' | ')' | ']' | '}' | '\'' | '"' | '<' | '>')
                || matches!(
                    c,
                    '，' | '。' | '；' | '：' | '、' | '（' | '）' | '“' | '”' | '「' | '」'
                )
                || (!c.is_ascii() && field != Field::Resource)
        })
        .map_or(s.len(), |(i, _)| i)
}

/// An open value's text, trimmed to what its field can hold.
fn open_value(field: Field, raw: &str) -> &str {
    let v = raw.trim();
    match field {
        Field::Code => {
            if v.starts_with("Request has expired") {
                return "Request has expired";
            }
            &v[..token_end(v, field)]
        }
        Field::RequestId | Field::TraceId | Field::HostId | Field::Resource | Field::Number => {
            &v[..token_end(v, field)]
        }
        Field::Status => v,
        _ => {
            // Free text: drop the separators before the next label, and a
            // `)` that closes a parenthesis opened before the value.
            let mut depth = 0i32;
            let mut cut = v.len();
            // A closing quote the value did not open ends it: the error was
            // quoted in prose (`出现“error code:-97, error message:X”等错误`).
            let mut quotes = 0i32;
            for (i, c) in v.char_indices() {
                match c {
                    '“' | '「' | '『' => quotes += 1,
                    '”' | '」' | '』' if quotes == 0 => {
                        cut = i;
                        break;
                    }
                    '”' | '」' | '』' => quotes -= 1,
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
            // PHP appends where the exception was thrown to its message.
            if let Some(i) = crate::catalog::messages::php_location(v) {
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

/// Reads the labelled fields of `text` into drafts with their spans, one
/// per error: a second, different code or request ID starts the next.
pub fn scan(text: &str, max: usize) -> Vec<(std::ops::Range<usize>, Draft)> {
    let hits = hits(text);
    let mut out: Vec<(std::ops::Range<usize>, Draft)> = Vec::new();
    if hits.is_empty() {
        return out;
    }
    let mut cur = Draft::new(Kind::Labels);
    let mut cur_span = hits[0].label.0..hits[0].label.1;
    let mut any = false;
    for (i, h) in hits.iter().enumerate() {
        if h.field == Field::Ignore {
            continue;
        }
        let (value, end): (String, usize) = match h.closed {
            Some((a, z)) => (unquote(&text[a..z]), (z + 1).min(text.len())),
            None => {
                // An open value runs to the next label, on its line.
                let line_end = text[h.value..]
                    .find('\n')
                    .map_or(text.len(), |j| h.value + j);
                let mut stop = hits
                    .get(i + 1)
                    .map_or(text.len(), |n| n.label.0)
                    .max(h.value)
                    .min(line_end);
                if h.eq {
                    // `key=value` pairs: an unquoted value ends before the
                    // next pair, whatever its key (`bucket=b error="..."`).
                    stop = h.value + next_pair(&text[h.value..stop]);
                }
                let v = open_value(h.field, &text[h.value..stop]);
                let end = h.value + (text[h.value..stop].find(v).unwrap_or(0) + v.len());
                (v.to_owned(), end.min(text.len()))
            }
        };
        let name = &text[h.label.0..h.label.1];
        // Fields of no known purpose (`Bucket=`, `Key=` of a call) on
        // lines before an error's own do not start it.
        if any && !has_core(&cur) && text[cur_span.start..h.label.0].contains('\n') {
            cur = Draft::new(Kind::Labels);
            cur_span = h.label.0..h.label.1;
        }
        let later_line = text[cur_span.start..h.label.0].contains('\n');
        if conflicts(&cur, h.field, &value, later_line) {
            out.push((
                cur_span.clone(),
                std::mem::replace(&mut cur, Draft::new(Kind::Labels)),
            ));
            cur_span = h.label.0..h.label.1;
        }
        cur.set(h.field, name, &value, 0, max);
        cur_span.end = cur_span.end.max(end);
        any = true;
    }
    if any {
        out.push((cur_span, cur));
    }
    // Drafts of nothing but unknown-purpose fields (`Key=...`) are not
    // errors and would only litter a real one they merged into.
    out.retain(|(_, d)| has_core(d));
    out
}

/// Whether a draft has a field that says something of an error.
fn has_core(d: &Draft) -> bool {
    let f = &d.found;
    f.code.is_some()
        || f.number.is_some()
        || f.message.is_some()
        || f.request_id.is_some()
        || f.trace_id.is_some()
        || f.host_id.is_some()
        || f.status.is_some()
        || f.resource.is_some()
}

/// Whether setting `field` to `value` would contradict `d`: a new error.
/// Whether the draft has this value for this field already.
fn same_value(f: &super::super::Found, field: Field, v: &str) -> bool {
    let v = super::super::draft::trim_value(v);
    match field {
        Field::Message => f.message.as_deref().is_some_and(|m| m.trim() == v),
        Field::Status => f.status == parse_status(v),
        Field::Code => f.code.as_deref() == Some(v) || f.number.is_some_and(|n| n.to_string() == v),
        Field::RequestId => f.request_id.as_deref() == Some(v),
        _ => false,
    }
}

/// `later_line`: the field is on a later line than the draft's start; a
/// field the draft has already, said again there, starts the next error
/// (an exception printed twice, the second time about another request).
fn conflicts(d: &Draft, field: Field, value: &str, later_line: bool) -> bool {
    let f = &d.found;
    let v = value.trim();
    if v.is_empty() || v == "null" {
        return false;
    }
    let again = match field {
        Field::Message => f.message.is_some(),
        Field::Status => f.status.is_some(),
        Field::Code => f.code.is_some() || f.number.is_some(),
        Field::RequestId => f.request_id.is_some(),
        _ => false,
    };
    if later_line && again && !same_value(f, field, v) {
        return true;
    }
    // A whole error (a status and a request ID) followed, on a later
    // line, by its status again: the next error's, which may well have
    // the same status (two failed requests' SDK strings, one per line).
    if later_line && field == Field::Status && f.status.is_some() && f.request_id.is_some() {
        return true;
    }
    match field {
        Field::Code => match super::super::draft::parse_number(v) {
            Some(n) => f.number.is_some_and(|m| m != n),
            None => {
                f.code.as_deref().is_some_and(|c| c != v)
                    && !super::super::draft::is_success_code(v)
            }
        },
        Field::RequestId => f.request_id.as_deref().is_some_and(|r| r != v),
        Field::Status => matches!((f.status, parse_status(v)), (Some(a), Some(b)) if a != b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Draft {
        let mut v = scan(text, 64 * 1024);
        assert_eq!(v.len(), 1, "{text}: {v:#?}");
        v.remove(0).1
    }

    /// velero-io/velero issue 8408: a logfmt line. `level=error msg=` is a
    /// pair and a label, not the label `error msg`; `bucket=` ends before
    /// the next pair.
    #[test]
    fn logfmt_pairs() {
        let line = r#"time="2024-11-14T19:55:55+08:00" level=error msg="Error uploading log file" backup=b bucket=devops-obs error="rpc error: code = Unknown desc = error putting object k.gz: operation error S3: PutObject, https response error StatusCode: 400, RequestID: 000001932A87AF1D45CD338B0639FF24, HostID: MOCKQjIx, api error InvalidArgument: The x-amz-content-sha256 you specified did not match what we received." error.file="/go/src/object_store.go:280""#;
        let drafts = scan(line, 64 * 1024);
        assert!(
            drafts
                .iter()
                .all(|(_, d)| d.found.message.as_deref() != Some("Error uploading log file")),
            "{drafts:#?}"
        );
        let bucket = drafts
            .iter()
            .flat_map(|(_, d)| &d.found.extra)
            .find(|(k, _)| k == "bucket");
        assert_eq!(bucket.map(|(_, v)| v.as_str()), Some("devops-obs"));
        // A closing quote of the prose around the error ends a value
        // (COS's v4 FAQ, tencentyun/intlcloud-documents), one the value
        // opened does not.
        let d = one(
            "上传文件时，出现“error code:-97, error message:ERROR_PROXY_AUTH_FAILED”等错误怎么办？",
        );
        assert_eq!(d.found.message.as_deref(), Some("ERROR_PROXY_AUTH_FAILED"));
        let d = one("Code: InvalidArgument, Message: 参数“x-cos-acl”不合法");
        assert_eq!(d.found.message.as_deref(), Some("参数“x-cos-acl”不合法"));
        // A value with spaces still runs to the next label.
        let d = one("Code=NoSuchKey Message=The specified key does not exist. RequestId=abc");
        assert_eq!(
            d.found.message.as_deref(),
            Some("The specified key does not exist.")
        );
    }

    #[test]
    fn a_message_behind_a_tag_in_brackets() {
        // github.com/tencentyun/qcloud-cos-sts-sdk issues 36
        let d = one(
            "TencentCloud.Common.TencentCloudSDKException:\u{201c}code:InvalidParameter.GrantOtherResource message:[QC_STS] cant grant other resource \u{201d}",
        );
        assert_eq!(
            d.found.code.as_deref(),
            Some("InvalidParameter.GrantOtherResource")
        );
        assert!(
            d.found
                .message
                .as_deref()
                .is_some_and(|m| m.starts_with("[QC_STS] cant grant")),
            "{d:#?}"
        );
        // A list is no message.
        assert!(!tagged_text("[\"a\", \"b\"]", 0));
        assert!(!tagged_text("[Object]", 0));
    }

    #[test]
    fn aws_sdk_cpps_exception_name() {
        // github.com/pingcap/tiflash issues 10598: aws-sdk-cpp's message
        // (escaped in one log field there, which the escaped shape reads).
        let d = one(
            "HTTP response code: 403\nRequest ID: f9on4020kcmobvmsdlib5msilkoghb9s\nException name: SecondLevelDomainForbidden\nError message: Unable to parse",
        );
        assert_eq!(d.found.code.as_deref(), Some("SecondLevelDomainForbidden"));
    }

    #[test]
    fn an_id_in_brackets() {
        // github.com/juicedata/juicefs issues 2348 (Kingsoft KS3)
        let d =
            one("status code: 403, request id: [f4kgut80n5pobs6l858qrnmvlkipdfs3] [format.go:440]");
        assert_eq!(
            d.found.request_id.as_deref(),
            Some("f4kgut80n5pobs6l858qrnmvlkipdfs3")
        );
        // Brackets around more than one token are no ID's.
        assert_eq!(bracketed_id("[a b]", 0), None);
        assert_eq!(bracketed_id("[]", 0), None);
    }

    /// sbercloud-terraform/terraform-provider-sbercloud issue 375:
    /// Terraform wrapped aws-sdk-go-v2's error after `RequestID:`.
    #[test]
    fn an_id_wrapped_onto_the_next_line() {
        let text = "GetObject, https response error StatusCode: 404, RequestID:\n   000001979C6FE4AEA0E715E2A0ED8CDB, HostID: 32AAAQ, NoSuchKey: \n";
        let d = one(text);
        assert_eq!(
            d.found.request_id.as_deref(),
            Some("000001979C6FE4AEA0E715E2A0ED8CDB")
        );
        // The next line's text is no ID: the label has no value.
        for text in [
            "RequestId:\nCode: NoSuchKey\n",
            "RequestId:\n\nNjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg=\n",
            "RequestId:\nshort, x\n",
            // Found by reading: a full-width blank first once cut a
            // character.
            "RequestId:\n\u{3000}ab\n",
            "RequestId:\n\u{3000}NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg=\n",
        ] {
            assert!(
                scan(text, 1024)
                    .iter()
                    .all(|(_, d)| d.found.request_id.is_none()),
                "{text}"
            );
        }
    }

    /// PHP's note of where an exception was thrown is not the message's.
    /// Full-width punctuation ends a one-word value, as Chinese text puts
    /// it right after one; a resource keeps a key's own characters.
    #[test]
    fn full_width_punctuation_ends_a_value() {
        use super::super::tests::one as decoded;
        let f = decoded("Code: NoSuchKey，RequestId: NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg，请帮忙");
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg")
        );
        let f = decoded(
            "Code: NoSuchKey, Resource: b-125.cos.ap-beijing.myqcloud.com/文件/报告.pdf，请看",
        );
        assert_eq!(
            f.resource.as_deref(),
            Some("b-125.cos.ap-beijing.myqcloud.com/文件/报告.pdf")
        );
    }

    #[test]
    fn php_locations_end_messages() {
        for text in [
            "Cos Error Code: AccessDenied, Cos Error Message: Access Denied. in /app/src/Qcloud/Cos/ExceptionMiddleware.php:61",
            "Cos Error Code: AccessDenied, Cos Error Message: Access Denied. in file /app/src/Qcloud/Cos/ExceptionMiddleware.php on line 61",
        ] {
            assert_eq!(
                one(text).found.message.as_deref(),
                Some("Access Denied."),
                "{text}"
            );
        }
    }

    /// PHP's var_dump (tencentyun/image-php-sdk issue 12) and print_r.
    #[test]
    fn php_arrays() {
        let d = one(
            r#"array(4) { ["httpcode"]=> int(400) ["code"]=> int(-97) ["message"]=> string(23) "ERROR_PROXY_AUTH_FAILED" ["data"]=> array(0) { } }"#,
        );
        assert_eq!(d.found.status, Some(400));
        assert_eq!(d.found.number, Some(-97));
        assert_eq!(d.found.message.as_deref(), Some("ERROR_PROXY_AUTH_FAILED"));
        let d = one(
            "Array\n(\n    [code] => NoSuchKey\n    [message] => The specified key does not exist.\n)\n",
        );
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            d.found.message.as_deref(),
            Some("The specified key does not exist.")
        );
        // Not var_dump's type: the value stays where it is.
        let d = one(r#"["message"]=> string(x) y) Tail"#);
        assert_eq!(d.found.message.as_deref(), Some("string(x) y"));
    }

    #[test]
    fn python_dict() {
        let d = one(
            "qcloud_cos.cos_exception.CosServiceError: {'code': 'NoSuchKey', 'message': \"The bucket's key does not exist.\", 'resource': 'b.cos.ap-beijing.myqcloud.com/k', 'requestid': 'NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx', 'traceid': 'OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx'}",
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
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
    }

    #[test]
    fn php() {
        let d = one(
            "Cos Error Code: NoSuchKey, Status Code: 404, Cos Request ID: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx, Cos Error Type: Client, Cos Error Message: The specified key does not exist.",
        );
        let f = &d.found;
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(f.status, Some(404));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
        assert_eq!(
            f.message.as_deref(),
            Some("The specified key does not exist.")
        );
    }

    #[test]
    fn obsutil_brackets() {
        let d = one(
            "Error: Status [403], Error code [AccessDenied], Error message [Access Denied], Request id [0000018D0238B1A3E2A4C4D5E6F70812]",
        );
        assert_eq!(
            (d.found.status, d.found.code.as_deref()),
            (Some(403), Some("AccessDenied"))
        );
        assert_eq!(d.found.message.as_deref(), Some("Access Denied"));
    }

    #[test]
    fn ruby_hash_and_js_object() {
        let d = one(
            r#"{"Code"=>"NoSuchKey", "RequestID"=>"NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx"}"#,
        );
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        let d = one(
            "  error: { Code: 'AccessDenied', Message: 'Access Denied.', RequestId: 'NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx' },",
        );
        assert_eq!(d.found.message.as_deref(), Some("Access Denied."));
        // Tencent Cloud API 2.0's error object, as Node prints it
        // (github.com/lxl80/hexo-deployer-cos-cdn issues 16).
        let f = super::super::tests::one(
            "{\n  code: 4300,\n  message: '请求被拒绝，该接口只允许特定账户调用。',\n  codeDesc: 'RequestForbidden'\n}",
        );
        assert_eq!(f.code.as_deref(), Some("RequestForbidden"));
        assert_eq!(f.number, Some(4300));
    }

    #[test]
    fn two_errors_split_on_new_identity() {
        let v = scan(
            "code=NoSuchKey request_id=NjVhMTZhYTNfMWQyZjBh; code=AccessDenied request_id=NjVhMTZhYTNfMWQyZjBi",
            1000,
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].1.found.code.as_deref(), Some("AccessDenied"));
        assert!(v[0].0.end <= v[1].0.start);
        let v = scan(
            "code=NoSuchKey request_id=NjVhMTZhYTNfMWQyZjBh code=NoSuchKey request_id=NjVhMTZhYTNfMWQyZjBh",
            1000,
        );
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn not_labels() {
        for s in [
            "https://example.com:443/path",
            "at 16:36:51 the code ran",
            "a == b",
        ] {
            assert!(
                scan(s, 1000).iter().all(|(_, d)| d.found.code.is_none()),
                "{s}"
            );
        }
    }
}
