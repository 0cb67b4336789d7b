//! The error strings of AWS SDKs and tools that are pointed at COS or OBS
//! (their S3-compatible APIs) and are not labelled fields:
//! - boto3 / botocore / AWS CLI: `An error occurred (NoSuchKey) when
//!   calling the GetObject operation: The specified key does not exist.`,
//!   and `An error occurred (403) when calling the HeadObject operation:
//!   Forbidden` (a status, no code: HEAD responses have no body);
//! - Ruby: `Aws::S3::Errors::NoSuchKey: message`;
//! - .NET: `Error making request with Error Code Forbidden and Http Status
//!   Code Forbidden.`

use super::super::draft::{Draft, Field, Shape as Kind, after_char};
use super::super::facts::{Facts, Kind as FactKind};
use super::super::record::RecordText;
use super::Shape;
use crate::explain::status_of_reason;

pub const SHAPE: Shape = Shape {
    name: "sdk-aws",
    keywords: &["An error occurred (", "::Errors::", "Http Status Code "],
    dynamic: None,
    always: false,
    find,
};

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    boto(rec, out);
    ruby(rec, out);
    dotnet(rec, out);
}

fn boto(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    const HEAD: &str = "An error occurred (";
    for (i, _) in text.match_indices(HEAD) {
        let rest = &text[i + HEAD.len()..];
        let Some(close) = rest.find(") when calling the ") else {
            continue;
        };
        let code = &rest[..close];
        if code.is_empty() || code.len() > 128 || code.contains('\n') {
            continue;
        }
        let mut d = Draft::new(Kind::Labels);
        d.sdk = true;
        d.set(Field::Code, "Code", code, 0, 256);
        let after = &rest[close + ") when calling the ".len()..];
        let mut end = i + HEAD.len() + close + 1;
        if let Some(op_end) = after.find(" operation") {
            let op = &after[..op_end];
            if !op.is_empty() && op.bytes().all(|b| b.is_ascii_alphanumeric()) {
                out.push(i..end, FactKind::Operation(op.to_owned()));
            }
            let tail = &after[op_end + " operation".len()..];
            // `(reached max retries: 4)` may sit before the message.
            let tail = match tail.trim_start().strip_prefix('(') {
                Some(t) => t.find(')').map_or(t, |j| &t[j + 1..]),
                None => tail,
            };
            if let Some(msg) = tail.trim_start().strip_prefix(':') {
                let msg = msg.lines().next().unwrap_or("").trim();
                if !msg.is_empty() {
                    d.set(Field::Message, "Message", msg, 0, rec.max_field);
                }
                let msg_end = msg.as_ptr() as usize - text.as_ptr() as usize + msg.len();
                end = msg_end.min(text.len());
            }
        }
        d.found.line = rec.line_at(i);
        out.error(i..end, d);
    }
}

/// Ruby aws-sdk: `Aws::S3::Errors::NoSuchKey: message`.
fn ruby(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    for (i, _) in text.match_indices("::Errors::") {
        let rest = &text[i + "::Errors::".len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            continue;
        }
        let mut d = Draft::new(Kind::Labels);
        d.sdk = true;
        d.set(Field::Code, "Code", &rest[..end], 0, 256);
        if let Some(msg) = rest[end..]
            .strip_prefix(": ")
            .or_else(|| rest[end..].strip_prefix(':'))
        {
            let msg = msg.lines().next().unwrap_or("").trim();
            if !msg.is_empty() && !msg.starts_with('{') {
                d.set(Field::Message, "Message", msg, 0, rec.max_field);
            }
        }
        let start = text[..i]
            .rfind(char::is_whitespace)
            .map_or(0, |j| after_char(text, j));
        d.found.line = rec.line_at(start);
        let line_end = text[i..].find('\n').map_or(text.len(), |j| i + j);
        out.error(start..line_end, d);
    }
}

/// The AWS SDK for .NET: `Error making request with Error Code X and Http
/// Status Code Y.`, where both may be reason phrases.
fn dotnet(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    for (i, _) in text.match_indices("Http Status Code ") {
        let rest = &text[i + "Http Status Code ".len()..];
        let word_end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        let Some(status) = word.parse::<u16>().ok().or_else(|| status_of_reason(word)) else {
            continue;
        };
        out.push(
            i..i + "Http Status Code ".len() + word_end,
            FactKind::Status {
                status,
                reason: Some(word.to_owned()),
                alone: false,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};

    /// A character of several bytes (an ideographic space) right before
    /// the class or the host: the span starts after it, no panic.
    #[test]
    fn wide_spaces_before_the_error() {
        let e =
            errors("上传失败\u{3000}Aws::S3::Errors::NoSuchKey: The specified key does not exist.");
        assert_eq!(e[0].found.code.as_deref(), Some("NoSuchKey"));
        let e = errors(
            "访问\u{3000}b-125.cos.ap-beijing.myqcloud.com 失败: <Error><Code>AccessDenied</Code></Error>",
        );
        assert_eq!(e[0].found.code.as_deref(), Some("AccessDenied"));
    }

    #[test]
    fn boto() {
        let f = one(
            "botocore.exceptions.ClientError: An error occurred (NoSuchKey) when calling the GetObject operation: The specified key does not exist.",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.message.as_deref(),
            Some("The specified key does not exist.")
        );
        assert_eq!(f.operation.as_deref(), Some("GetObject"));
    }

    #[test]
    fn boto_head_is_a_status() {
        let f = one(
            "botocore.exceptions.ClientError: An error occurred (403) when calling the HeadObject operation: Forbidden",
        );
        assert_eq!(f.status, Some(403));
        assert_eq!(f.code, None);
    }

    #[test]
    fn ruby() {
        let f = one("Aws::S3::Errors::AccessDenied: Access Denied");
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.message.as_deref(), Some("Access Denied"));
    }

    #[test]
    fn dotnet() {
        let f = one(
            "Amazon.S3.AmazonS3Exception: Error making request with Error Code Forbidden and Http Status Code Forbidden. No further error information was returned by the service.",
        );
        assert_eq!(f.status, Some(403));
    }
}
