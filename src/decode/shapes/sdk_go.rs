//! Error strings of Go SDKs:
//! - cos-go-sdk-v5 and coscli: `PUT https://...: 403 AccessDenied(Message:
//!   ..., RequestId: ..., TraceId: ...)`, and `HEAD https://...: 404
//!   (Message: ...` with no code;
//! - aws-sdk-go v1: `NoSuchKey: The specified key does not exist.` with
//!   `status code: 404, request id: ..., host id: ...` on the next line;
//! - aws-sdk-go-v2: `operation error S3: GetObject, https response error
//!   StatusCode: 403, RequestID: X, HostID: Y, api error AccessDenied:
//!   Access Denied`, or the SDK's own error type after the host ID
//!   (`HostID: Y, NoSuchKey: `).
//!
//! The labelled fields inside are read by [`super::kv`]; this shape reads
//! what comes around them, and resolution merges the two.

use super::super::draft::{
    Draft, Evidence, Field, Shape as Kind, after_char, cut_str, parse_status,
};
use super::super::facts::{Facts, Kind as FactKind};
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "sdk-go",
    keywords: &[
        "(Message:",
        "status code:",
        "api error ",
        "operation error ",
    ],
    dynamic: None,
    always: false,
    find,
};

const METHODS: [&str; 7] = [
    "GET ", "PUT ", "POST ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ",
];

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    for (i, _) in text.match_indices("(Message:") {
        if let Some((start, d)) = cos_head(text, i, rec.max_field) {
            // The whole string: head and the fields in the parentheses.
            let end = text[i..].find(')').map_or(text.len(), |j| i + j + 1);
            let mut d = d;
            // `(Message: ..., RequestId: ..., TraceId: ...)` is the COS
            // SDK's own form, with or without values: its words say COS
            // (a Cloud Infinite host, when there is one, says more).
            if text[i..end].contains(", RequestId:") && text[i..end].contains(", TraceId:") {
                d.evidence.add(Evidence::COS);
            }
            d.found.line = rec.line_at(start);
            out.error(start..end, d);
        }
    }
    aws_v1(rec, out);
    aws_v2(rec, out);
    aws_v2_typed(rec, out);
}

/// cos-go-sdk-v5: `METHOD URL: STATUS CODE(`, the `(` at `paren`: the
/// start of the string and what its head says.
fn cos_head(text: &str, paren: usize, max: usize) -> Option<(usize, Draft)> {
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
        Some(s) => (s, code),
        // `HEAD <url>: 404 (Message: ...`: no code between.
        None => (parse_status(code)?, ""),
    };
    let mut d = Draft::new(Kind::Labels);
    d.sdk = true;
    d.found.status = Some(status);
    if !code.is_empty() {
        d.set(Field::Code, "Code", code, 0, 256);
    }
    // The request: `METHOD URL: ` before the status.
    let lead = &before[..status_start];
    let mut start = status_start.min(code_start);
    if let Some(url_end) = lead.trim_end().strip_suffix(':').map(str::len)
        && let Some((m_at, m)) = METHODS
            .iter()
            .filter_map(|m| lead[..url_end].rfind(m).map(|i| (i, m)))
            .max()
    {
        let url = lead[m_at + m.len()..url_end].trim();
        if !url.is_empty() && !url.contains(' ') {
            d.found.request = Some(format!("{}{}", m, cut_str(url, 4096)));
            start = m_at;
        }
    }
    let _ = max;
    Some((start, d))
}

/// aws-sdk-go v1: the code and message on the line before `status code:`.
fn aws_v1(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    let mut prev: Option<(usize, &str)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let t = line.trim_start();
        if t.starts_with("status code:")
            && line.len() > t.len()
            && let Some((p_at, p)) = prev
            && let Some((code_at, code, msg)) = code_and_message(p)
        {
            let mut d = coded(code, msg, rec.max_field);
            d.found.line = rec.line_at(p_at + code_at);
            let end = start + line.trim_end().len();
            out.error(p_at + code_at..end, d);
        }
        prev = Some((start, line.trim_end()));
    }
}

/// An SDK's error with its code and, when it has one, its message.
fn coded(code: &str, msg: &str, max: usize) -> Draft {
    let mut d = Draft::new(Kind::Labels);
    d.sdk = true;
    d.set(Field::Code, "Code", code, 0, 256);
    if !msg.is_empty() {
        d.set(Field::Message, "Message", msg, 0, max);
    }
    d
}

/// The last `Code: message` in a line, with a capitalised, space-free
/// code: `... upload failed: NoSuchBucket: The specified bucket ...`.
fn code_and_message(p: &str) -> Option<(usize, &str, &str)> {
    let bytes = p.as_bytes();
    let mut found = None;
    for colon in memchr::memchr_iter(b':', bytes) {
        let start = p[..colon]
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |i| after_char(p, i));
        let word = &p[start..colon];
        if word.len() >= 3
            && word.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
            // `InvalidArgument: ` with an empty message ends the line
            // (trimmed) at the colon.
            && (p[colon + 1..].starts_with(' ') || colon + 1 == p.len())
            && word != "RequestError"
        {
            found = Some((start, word, p[colon + 1..].trim()));
        }
    }
    found
}

/// aws-sdk-go-v2: `api error CODE: MESSAGE` and the operation.
fn aws_v2(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    for (i, _) in text.match_indices("api error ") {
        let rest = &text[i + "api error ".len()..];
        let Some(colon) = rest.find(':') else {
            continue;
        };
        let code = &rest[..colon];
        if code.is_empty()
            || code.len() > 128
            || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        {
            continue;
        }
        let msg_end = rest[colon + 1..]
            .find(['\n', '"'])
            .map_or(rest.len(), |j| colon + 1 + j);
        let msg = rest[colon + 1..msg_end].trim();
        let mut d = coded(code, msg, rec.max_field);
        // `operation error S3: GetObject, https response error ...`
        let start = text[..i].rfind("operation error ").unwrap_or(i);
        if let Some(op) = text[start..i]
            .strip_prefix("operation error ")
            .and_then(|s| s.split_once(": "))
            .and_then(|(_, s)| s.split([',', ' ']).next())
            .filter(|op| !op.is_empty() && op.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            out.push(start..i, FactKind::Operation(op.to_owned()));
        }
        d.found.line = rec.line_at(start);
        out.error(start..i + "api error ".len() + msg_end, d);
    }
}

/// aws-sdk-go-v2 with an error type of its own (`NoSuchKey`, `NotFound`
/// for a HEAD): no `api error`, the type's name after the host ID,
/// `https response error StatusCode: 404, RequestID: X, HostID: Y,
/// NoSuchKey: `. Taken when it is a code the catalogue or S3 documents.
fn aws_v2_typed(rec: &RecordText<'_>, out: &mut Facts) {
    const LEAD: &str = "https response error StatusCode:";
    let text = rec.text;
    for (i, _) in text.match_indices(LEAD) {
        // Up to the end of this error string: the next one's lead, or a
        // blank line.
        let rest = &text[i..];
        let end = rest[LEAD.len()..]
            .find(LEAD)
            .map_or(rest.len(), |j| LEAD.len() + j);
        let end = rest[..end].find("\n\n").unwrap_or(end);
        let rest = &rest[..end];
        let Some(h) = rest.find("HostID:") else {
            continue;
        };
        if rest.contains("api error ") {
            continue;
        }
        let after = rest[h + "HostID:".len()..].trim_start();
        let id_len = after.find([',', '\n']).unwrap_or(after.len());
        let Some(tail) = after[id_len..].strip_prefix(',') else {
            continue;
        };
        let tail = tail.trim_start();
        let name_len = tail.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = &tail[..name_len];
        if !tail[name_len..].starts_with(':') || !super::named::is_name(name) {
            continue;
        }
        let msg = tail[name_len + 1..].lines().next().unwrap_or("").trim();
        let mut d = coded(name, msg, rec.max_field);
        // `tail` lies inside `text` (`rest` was cut short of its end).
        let name_at = tail.as_ptr() as usize - text.as_ptr() as usize;
        let start = text[..i].rfind("operation error ").unwrap_or(i);
        d.found.line = rec.line_at(start);
        out.error(start..name_at + name_len + 1, d);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::one;

    #[test]
    fn cos_go_sdk() {
        let f = one(
            "2024/01/12 16:36:51 PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject: 403 AccessDenied(Message: Access Denied., RequestId: NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg, TraceId: OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx)",
        );
        assert_eq!(f.status, Some(403));
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.message.as_deref(), Some("Access Denied."));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg")
        );
        assert_eq!(
            f.trace_id.as_deref(),
            Some("OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx")
        );
        assert_eq!(
            f.request.as_deref(),
            Some(
                "PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/exampleobject"
            )
        );
    }

    #[test]
    fn cos_go_sdks_form_says_cos() {
        // tencentyun/intlcloud-documents, the COS Go SDK's FAQ: the form
        // alone, with placeholders for the IDs.
        let f = one("403 AccessDenied(Message: Request has expired, RequestId: xxx, TraceId: xxx)");
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.status, Some(403));
        assert_eq!(f.provider, Some(crate::catalog::Provider::Cos));
    }

    #[test]
    fn cos_go_sdk_head_without_code() {
        let f = one(
            "HEAD https://b.cos.ap-beijing.myqcloud.com/k: 404 (Message: , RequestId: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx, TraceId: )",
        );
        assert_eq!(f.status, Some(404));
        assert_eq!(f.code, None);
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
    }

    #[test]
    fn aws_go_v1_two_lines() {
        let f = one(
            "2024/01/12 16:36:51 upload failed: NoSuchBucket: The specified bucket does not exist\n\tstatus code: 404, request id: 4B2D1C8F7E6A5D3C, host id: aG9zdElkLWV4YW1wbGU=\n",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchBucket"));
        assert_eq!(f.status, Some(404));
        assert_eq!(f.request_id.as_deref(), Some("4B2D1C8F7E6A5D3C"));
    }

    /// juicefs against an S3-compatible store (github.com/juicedata/juicefs
    /// issues 2277): the code with an empty message ends its line.
    #[test]
    fn aws_go_v1_empty_message() {
        let f = one(
            " <FATAL>: Storage oos://cyn/myjfs/ is not configured correctly: Failed to create bucket oos://cyn/myjfs/: please create bucket cyn manually, previous error: InvalidArgument: \n\tstatus code: 400, request id: b250b13d30184014, host id:  [format.go:415]\n",
        );
        assert_eq!(f.code.as_deref(), Some("InvalidArgument"));
        assert_eq!(f.status, Some(400));
        assert_eq!(f.request_id.as_deref(), Some("b250b13d30184014"));
    }

    #[test]
    fn aws_go_v2() {
        let f = one(
            "operation error S3: GetObject, https response error StatusCode: 403, RequestID: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx, HostID: , api error AccessDenied: Access Denied",
        );
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.status, Some(403));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
        assert_eq!(f.operation.as_deref(), Some("GetObject"));
    }

    /// sbercloud-terraform/terraform-provider-sbercloud issue 375, its
    /// request ID wrapped onto the next line: the SDK's error type after
    /// the host ID is the code.
    #[test]
    fn aws_go_v2_typed_error() {
        let f = one(
            "unable to retrieve file: operation error S3: GetObject, https response error StatusCode: 404, RequestID:\n000001979C6FE4AEA0E715E2A0ED8CDB, HostID: 32AAAQAAEAABAAAQAAEAABAAAQAAEAABCSAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, NoSuchKey: \n",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(f.status, Some(404));
        assert_eq!(
            f.request_id.as_deref(),
            Some("000001979C6FE4AEA0E715E2A0ED8CDB")
        );
        // A second error string after it: the first's name is where it is.
        let two = "operation error S3: GetObject, https response error StatusCode: 404, RequestID: A1B2C3D4E5F6A7B8, HostID: h, NoSuchKey: \noperation error S3: GetObject, https response error StatusCode: 404, RequestID: B1B2C3D4E5F6A7B8, HostID: h, NoSuchKey: \n";
        let e = super::super::tests::errors(two);
        assert_eq!(e.len(), 2, "{e:#?}");
        assert!(
            e.iter()
                .all(|x| x.found.code.as_deref() == Some("NoSuchKey"))
        );
        // A HEAD's `NotFound` is the SDK's name, no service's code.
        let f = one(
            "operation error S3: HeadObject, https response error StatusCode: 404, RequestID: 000001979C6FE4AEA0E715E2A0ED8CDB, HostID: 32AAAQ, NotFound: Not Found",
        );
        assert_eq!(f.code, None);
        assert_eq!(f.status, Some(404));
    }
}
