//! Java exceptions that carry a service error (the AWS SDK for Java v1
//! and v2, cos-java-sdk-v5, their Android and Hadoop kin):
//! `<Class>Exception: <message> (Service: Amazon S3; Status Code: 404;
//! Error Code: NoSuchBucket; Request ID: ...; S3 Extended Request ID: ...)`,
//! `(Service: S3, Status Code: 404, Request ID: ...)`, `(Status Code: 403;
//! Error Code: AccessDenied; Request ID: ...)`.
//!
//! The labelled fields in the parentheses are read by [`super::kv`]; this
//! shape reads the message before them and the code a modelled exception
//! class names (`NoSuchKeyException`).

use super::super::draft::{Draft, Field, Shape as Kind, after_char};
use super::super::facts::Facts;
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "sdk-java",
    keywords: &[
        "(Service:",
        "(Status Code:",
        "(Error Code:",
        "(Http Status Code",
    ],
    dynamic: None,
    always: false,
    find,
};

/// Exception classes that say nothing about the error.
const GENERIC: [&str; 12] = [
    "S3",
    "AmazonS3",
    "AmazonService",
    "Sdk",
    "SdkClient",
    "SdkService",
    "AwsService",
    "CosService",
    "CosClient",
    "Obs",
    "Service",
    "",
];

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    for marker in [
        "(Service:",
        "(Status Code:",
        "(Error Code:",
        "(Http Status Code",
    ] {
        for (paren, _) in text.match_indices(marker) {
            // `(Service: ...` after `(Status Code:` of the same string is
            // read once: from the first parenthesis of it.
            let end = text[paren..]
                .find(')')
                .map_or(text.len(), |j| paren + j + 1);
            let line_start = text[..paren].rfind('\n').map_or(0, |i| i + 1);
            let head = &text[line_start..paren];
            let mut d = Draft::new(Kind::Labels);
            d.sdk = true;
            let (class, message) = split_head(head);
            if let Some(m) = message {
                d.set(Field::Message, "Message", m, 0, rec.max_field);
            }
            let start = match class {
                Some((at, class)) => {
                    // A modelled exception (`NoSuchKeyException`) names
                    // a code; `RuntimeException` names nothing.
                    if !GENERIC.contains(&class) && super::named::is_name(class) {
                        d.push_extra("exception", &format!("{class}Exception"), 0, 256);
                        d.set(Field::Code, "Code", class, 0, 256);
                    }
                    line_start + at
                }
                None => paren,
            };
            d.found.line = rec.line_at(start);
            out.error(start..end, d);
        }
    }
}

/// A Java exception's head before the parenthesis: the class (where it
/// starts in `head`, its name without `Exception`) and the message.
fn split_head(head: &str) -> (Option<(usize, &str)>, Option<&str>) {
    let (class, msg_start) = match head.rfind("Exception: ") {
        Some(i) => {
            let class_start = head[..i]
                .rfind(|c: char| !c.is_ascii_alphanumeric())
                .map_or(0, |j| after_char(head, j));
            let full_start = head[..i]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |j| after_char(head, j));
            (
                Some((full_start, &head[class_start..i])),
                i + "Exception: ".len(),
            )
        }
        None => match head.rfind(": ") {
            Some(i) => (None, i + 2),
            None => (None, 0),
        },
    };
    let msg = head[msg_start..].trim();
    let msg = (!msg.is_empty() && msg != "null").then_some(msg);
    (class, msg)
}

#[cfg(test)]
mod tests {
    use super::super::tests::one;

    #[test]
    fn java_aws_v1() {
        let f = one(
            "com.amazonaws.services.s3.model.AmazonS3Exception: The specified bucket does not exist (Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket; Request ID: 0000018D0238B1A3E2A4C4D5E6F70812; S3 Extended Request ID: YWJjL2RlZg/abc=; Proxy: null), S3 Extended Request ID: YWJjL2RlZg/abc=",
        );
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
        assert_eq!(f.host_id.as_deref(), Some("YWJjL2RlZg/abc="));
    }

    #[test]
    fn java_aws_v2_class_names_code() {
        let f = one(
            "software.amazon.awssdk.services.s3.model.NoSuchKeyException: The specified key does not exist. (Service: S3, Status Code: 404, Request ID: 0000018D0238B1A3E2A4C4D5E6F70812, Extended Request ID: ZXh0ZW5kZWQtaWQ=)",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.message.as_deref(),
            Some("The specified key does not exist.")
        );
        assert_eq!(f.host_id.as_deref(), Some("ZXh0ZW5kZWQtaWQ="));
    }

    #[test]
    fn cos_java_sdk() {
        let f = one(
            "com.qcloud.cos.exception.CosServiceException: Access Denied. (Status Code: 403; Error Code: AccessDenied; Request ID: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx; Trace ID: OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx)",
        );
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.status, Some(403));
        assert_eq!(
            f.trace_id.as_deref(),
            Some("OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx")
        );
        assert_eq!(f.provider, Some(crate::catalog::Provider::Cos));
    }
}
