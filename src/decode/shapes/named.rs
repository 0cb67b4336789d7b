//! A documented code written as a name: `NoSuchKey: The specified key
//! does not exist.` (the AWS SDKs for JavaScript, aws-sdk-go, minio, many
//! tools), `Qcloud\Cos\Exception\NoSuchBucketException` (PHP),
//! `NoSuchKeyException:` (Java, .NET). Only names the catalogue documents
//! count: any `Word: text` would be anything.

use std::sync::LazyLock;

use super::super::draft::{Draft, Field, Shape as Kind, after_char};
use super::super::facts::Facts;
use super::super::record::RecordText;
use super::Shape;
use crate::catalog;

pub const SHAPE: Shape = Shape {
    name: "named",
    // On every record the gate lets through (see `decode::gate`): the
    // catalogue's names and messages are too many to look for first.
    keywords: &[],
    dynamic: None,
    always: true,
    find,
};

/// Codes S3-compatible services send that the catalogue does not list
/// under a provider, but that name an error all the same.
const S3_CODES: [&str; 3] = [
    "PathStyleDomainForbidden",
    "XAmzContentSHA256Mismatch",
    // cos-python-sdk-v5's own, for a bodiless 404.
    "NoSuchResource",
];

/// The code names the catalogue documents (six characters or more: a
/// shorter one is a common word), and the S3 codes above.
static NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&'static str> = catalog::server_entries()
        .flat_map(|e| e.code().into_iter().chain(e.aliases()))
        .filter(|c| {
            c.len() >= 6
                && !c.contains(' ')
                && c.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.')
        })
        .chain(S3_CODES)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
});

/// Whether `word` is a code the catalogue (or S3) documents.
pub fn is_name(word: &str) -> bool {
    NAMES.binary_search(&word).is_ok()
}

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    let b = text.as_bytes();
    let mut i = 0;
    let mut found = 0;
    while i < b.len() && found < 64 {
        if !b[i].is_ascii_uppercase()
            || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        {
            i += 1;
            continue;
        }
        let end = i + b[i..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let word = &text[i..end];
        let (name, after) = match word.strip_suffix("Exception") {
            Some(n) if is_name(n) => (n, end),
            _ if is_name(word) => (word, end),
            _ => {
                i = end.max(i + 1);
                continue;
            }
        };
        let rest = &text[after..];
        let exception = word.ends_with("Exception") && word != name;
        // The JDK's and Hadoop's file-system exceptions
        // (`java.nio.file.AccessDeniedException`, which hadoop-obs throws
        // for any 403; `org.apache.hadoop.fs.FileAlreadyExistsException`)
        // name no service's code.
        if exception && platform_class(&text[..i]) {
            i = end;
            continue;
        }
        // `Name: message`, `NameException`, or the name alone on its line
        // (after a label or a list's number: `Error code: Name`, `2. Name`).
        let message = rest
            .strip_prefix(": ")
            .map(|m| m.lines().next().unwrap_or("").trim());
        // An exception whose message is the response's error document
        // (`BadRequestException: <?xml ...><Error><Code>EntityTooLarge`)
        // is a class for the status: the document says which error.
        if exception && message.is_some_and(|m| m.starts_with('<')) {
            i = end;
            continue;
        }
        // `404 NoSuchBucket`: an error status right before it reports it.
        let status = status_before(&text[..i]);
        if message.is_none()
            && !exception
            && status.is_none()
            && !alone(text, i, after)
            && !reported(&text[..i])
        {
            i = end;
            continue;
        }
        found += 1;
        let mut d = Draft::new(Kind::Labels);
        d.sdk = true;
        d.set(Field::Code, "Code", name, 0, 256);
        // `400 IllegalLocationConstraintException: ...`: the status the
        // tool printed before the name.
        if let Some(status) = status {
            d.found.status = Some(status);
        }
        if exception {
            d.push_extra("exception", word, 0, 256);
        }
        let mut span_end = after;
        if let Some(m) = message.filter(|m| !m.is_empty() && !m.starts_with(['{', '[', '('])) {
            // PHP appends ` in /path/File.php:35`, .NET its stack.
            let m = m.split(" in /").next().unwrap_or(m);
            let m = m.split(" at ").next().unwrap_or(m).trim();
            if !m.is_empty() && m != "null" && m != "undefined" {
                d.set(Field::Message, "Message", m, 0, rec.max_field);
            }
            span_end = after + 2 + message.map_or(0, str::len);
        }
        // The class's package, for the span.
        let start = text[..i]
            .rfind(|c: char| c.is_whitespace() || c == '"' || c == '\'')
            .map_or(0, |j| after_char(text, j));
        d.found.line = rec.line_at(start);
        out.error(start..span_end.min(text.len()), d);
        i = end;
    }
    numbers_reported(rec, out);
}

/// A code number after the Chinese words that report one: `错误码：-46618`,
/// `文档服务报错误码6101`, `图片处理报错 -447` (the Cloud Infinite FAQ's
/// headings). After `错误码` or `错误代码` (error code) any number but an
/// HTTP status; after `报错` (reported an error) only a number the
/// catalogue documents: `报错 3 次` is a count.
fn numbers_reported(rec: &RecordText<'_>, out: &mut Facts) {
    const WORDS: [(&str, bool); 3] = [("错误码", false), ("错误代码", false), ("报错", true)];
    let text = rec.text;
    let mut found = 0;
    for (word, documented_only) in WORDS {
        for (at, _) in text.match_indices(word) {
            if found == 16 {
                return;
            }
            let after = at + word.len();
            let rest = text[after..].trim_start_matches([' ', '\t', ':', '：']);
            let start = text.len() - rest.len();
            let sign = usize::from(rest.starts_with('-'));
            let digits = rest[sign..].bytes().take_while(u8::is_ascii_digit).count();
            let end = start + sign + digits;
            // A number of its own, not the start of a word or a version.
            if digits == 0
                || digits > 7
                || text[end..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
            {
                continue;
            }
            let Ok(n) = text[start..end].parse::<i64>() else {
                continue;
            };
            if (100..600).contains(&n) && sign == 0 {
                continue;
            }
            if documented_only && !catalog::server_numbered(n) {
                continue;
            }
            found += 1;
            let mut d = Draft::new(Kind::Labels);
            // The words report it as the error that came back, as an
            // SDK's error string names its code: it stands alone.
            d.sdk = true;
            d.set(Field::Code, "Code", &text[start..end], 0, 64);
            d.found.line = rec.line_at(at);
            out.error(at..end, d);
        }
    }
}

/// Whether the name is a class of the JDK's or of Hadoop's file-system
/// API, or one of openstacksdk's: its package, right before it, starts
/// with `java.` or `javax.`, or is `org.apache.hadoop.fs.` itself (not a
/// connector's package inside it) or `openstack.exceptions.`.
fn platform_class(before: &str) -> bool {
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .map_or(0, |j| after_char(before, j));
    let package = &before[start..];
    package.starts_with("java.")
        || package.starts_with("javax.")
        || package == "org.apache.hadoop.fs."
        // openstacksdk's classes for an HTTP status
        // (`BadRequestException`), which otcextensions raises for OBS.
        || package == "openstack.exceptions."
}

/// An HTTP error status (400 to 599) right before a name, apart by
/// blanks (`403 SignatureDoesNotMatch`; `Code: 403  SignatureDoesNotMatch`
/// in the COS Java SDK's FAQ), as a word of its own.
fn status_before(before: &str) -> Option<u16> {
    let digits = before.trim_end_matches([' ', '\t']);
    if digits.len() == before.len() || before.len() - digits.len() > 4 {
        return None;
    }
    let lead = digits.len().checked_sub(3)?;
    // Three ASCII digits at the end: `lead` is then a character boundary.
    if !digits.as_bytes()[lead..].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let (head, number) = (&digits[..lead], &digits[lead..]);
    // Chinese text may touch it (`出现404 NoSuchBucket`).
    if head
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    number
        .parse::<u16>()
        .ok()
        .filter(|s| (400..600).contains(s) && number.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether the text before a name says it is the error that came back:
/// `报错SignatureDoesNotMatch`, `错误码：`-less Chinese prose, `got error
/// NoSuchKey`. A name in other prose is talk about a code, not an error.
fn reported(before: &str) -> bool {
    // `上传报 \`SignatureDoesNotMatch\``: a quote or code span may open
    // around the name.
    let before = before
        .trim_end()
        .trim_end_matches(['`', '"', '\'', '“', '「'])
        .trim_end()
        // `错误码：NoSuchBucket`: a label's colon, full-width or not.
        .trim_end_matches([':', '：'])
        .trim_end();
    [
        "报错",
        "报",
        "错误",
        "错误码",
        "返回错误",
        "error",
        "Error",
        "ERROR",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

/// Whether the name at `a..z` ends its line and nothing but a label, a
/// list's number or a bullet stands before it on the line.
fn alone(text: &str, a: usize, z: usize) -> bool {
    let line_end = text[z..].find('\n').map_or(text.len(), |i| z + i);
    let after = &text[z..line_end];
    // Delimited inside a list: `(..., SignatureDoesNotMatch)`, `'code':
    // 'NoSuchResource',`.
    let before = text[..a].chars().next_back();
    if matches!(before, Some('(' | '[' | '\'' | '"' | ' '))
        && text[..a]
            .trim_end()
            .ends_with([',', '(', '[', ':', '\'', '"'])
        && after.starts_with([')', ']', ',', '\'', '"'])
    {
        return true;
    }
    if !after
        .trim_end_matches(['.', ',', '\r', ' ', '`', '"', '\''])
        .is_empty()
    {
        return false;
    }
    let line_start = text[..a].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..a]
        .trim()
        .trim_end_matches(['`', '"', '\''])
        .trim_end();
    lead.is_empty()
        || lead.ends_with(':')
        || lead.ends_with('：')
        || lead.ends_with('=')
        || lead
            .trim_end_matches('.')
            .bytes()
            .all(|b| b.is_ascii_digit())
        || matches!(lead, "-" | "*" | "•")
}

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};

    #[test]
    fn names_and_messages() {
        let f = one(
            "Upload error: SignatureDoesNotMatch: The request signature we calculated does not match",
        );
        assert_eq!(f.code.as_deref(), Some("SignatureDoesNotMatch"));
        assert_eq!(
            f.message.as_deref(),
            Some("The request signature we calculated does not match")
        );
        let f = one(
            "Qcloud\\Cos\\Exception\\NoSuchBucketException: Failed to query the state of source object in file C:\\x\\ExceptionListener.php on line 57",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchBucket"));
    }

    /// github.com/opentelekomcloud/python-otcextensions issues 609:
    /// openstacksdk's class for a 400 wraps OBS's error document, whose
    /// code is the error's; its class names no code with another message.
    #[test]
    fn a_class_for_the_status_is_no_code() {
        let e = errors(
            "openstack.exceptions.BadRequestException: <?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed object size.</Message>",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].found.code.as_deref(), Some("EntityTooLarge"));
        assert!(errors("openstack.exceptions.BadRequestException: bad input").is_empty());
        // Another SDK's class named for the code is still read.
        let f = one("NoSuchKeyException: The specified key does not exist.");
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
    }

    #[test]
    fn a_status_apart_by_blanks() {
        // tencentyun/intlcloud-documents, the COS Java SDK's FAQ.
        let f = one("上传文件请求路径中带有“+”，报错 Code: 403  SignatureDoesNotMatch，如何处理？");
        assert_eq!(f.code.as_deref(), Some("SignatureDoesNotMatch"));
        assert_eq!(f.status, Some(403));
    }

    #[test]
    fn a_number_reported_in_chinese() {
        // The Cloud Infinite FAQ (tencentyun/qcloud-documents, 数据处理问题/
        // 图片处理.md): `图片处理报错 -447`, `文档服务报错误码6101`.
        assert_eq!(one("图片处理报错 -447").number, Some(-447));
        assert_eq!(one("文档服务报错误码6101").number, Some(6101));
        assert_eq!(one("返回错误码：-46618").number, Some(-46618));
        // A count, a status, a version: no code.
        assert!(errors("上传报错 3 次").is_empty());
        assert!(errors("错误码 1.2.3").is_empty());
        // Success, and an application's generic failure flag.
        assert!(errors("返回错误码：0").is_empty());
        assert!(errors("错误码 -1").is_empty());
    }

    #[test]
    fn a_name_alone_on_its_line() {
        let e = errors("1. Your upload failed\n2. NoSuchUpload\n");
        assert!(
            e.iter()
                .any(|x| x.found.code.as_deref() == Some("NoSuchUpload")),
            "{e:?}"
        );
        assert!(errors("we saw NoSuchUpload often in the logs").is_empty());
        // After a label's colon, with more text after it on its line.
        let f = one("错误码：NoSuchBucket，RequestId：NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg");
        assert_eq!(f.code.as_deref(), Some("NoSuchBucket"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg")
        );
    }

    /// github.com/huaweicloud/huaweicloud-devkit issues 642: the status
    /// before the name; huaweicloudDocs/mrs: a JDK exception is no code.
    #[test]
    fn a_status_before_the_name_and_platform_classes() {
        let f = one(
            "建桶失败 `400 IllegalLocationConstraintException: The location constraint is incompatible for the region specific endpoint this request was sent to.`。",
        );
        assert_eq!(
            f.code.as_deref(),
            Some("IllegalLocationConstraintException")
        );
        assert_eq!(f.status, Some(400));
        assert!(errors("at java.nio.file.AccessDeniedException: /tmp/x").is_empty());
        let f = one("error 404 NoSuchKey: The specified key does not exist.");
        assert_eq!(f.status, Some(404));
        assert_eq!(errors("v1404 NoSuchKey: gone")[0].found.status, None);
        // A fuzz finding: a character of two or more bytes before the name.
        assert_eq!(
            errors("Error: Error creati\u{fffd}ng NoSuchKey: gone")[0]
                .found
                .status,
            None
        );
        assert_eq!(errors("错 NoSuchKey: gone")[0].found.status, None);
        // A fuzz finding: a character of two bytes right before a JDK
        // package, and an ideographic space before a name.
        assert!(errors("џjava.nio.file.AccessDeniedException: /x").is_empty());
        // apache/hudi issue 3999: Hadoop's own exception, thrown by the OBS
        // connector's existence check, is not COS's FileAlreadyExists.
        assert!(
            errors("Caused by: org.apache.hadoop.fs.FileAlreadyExistsException: obs://xxx.parquet already exists")
                .is_empty()
        );
        assert_eq!(
            one("报错\u{3000}NoSuchKey: gone").code.as_deref(),
            Some("NoSuchKey")
        );
        // github.com/tencentyun/cos-python-sdk-v5 issues 71: the status
        // before the name reports it, Chinese text touching the status or
        // not.
        for text in [
            "[FOR CSP]client.copy_object(...) raise CosServiceError: 404 NoSuchBucket",
            "cos-python-sdk-v5 在TCE-COS(CSP)上进行copy_object操作时，出现404 NoSuchBucket的错误。",
        ] {
            let f = one(text);
            assert_eq!(f.code.as_deref(), Some("NoSuchBucket"), "{text}");
            assert_eq!(f.status, Some(404), "{text}");
        }
        // A name in prose with no status or report before it is talk.
        assert!(errors("the NoSuchBucket code means the bucket is gone").is_empty());
    }

    /// github.com/Moonlark-Dev/Moonlark pull 1416: the code after 报
    /// ("reported"), in a code span.
    #[test]
    fn a_name_the_prose_says_came_back_in_quotes() {
        let e = errors(
            "1. 上传报 `SignatureDoesNotMatch`：客户端默认使用 AWS SigV4 签名\n2. 批量清理（`delete_objects`）报 `InvalidRequest: Missing required header for this request: Content-MD5`：COS 的 S3 兼容 API",
        );
        let codes: Vec<_> = e.iter().map(|x| x.found.code.as_deref()).collect();
        assert_eq!(
            codes,
            [Some("SignatureDoesNotMatch"), Some("InvalidRequest")]
        );
    }

    /// github.com/AlistGo/alist issues 5434: the code after 报错
    /// ("reported the error") in Chinese prose.
    #[test]
    fn a_name_the_prose_says_came_back() {
        let f = one(
            "腾讯云COS，无法直接预览文本文件，报错SignatureDoesNotMatch，但可以正常下载，且同一个存储桶下的图片预览正常。",
        );
        assert_eq!(f.code.as_deref(), Some("SignatureDoesNotMatch"));
        assert_eq!(
            errors("upload failed with error NoSuchBucket after retry")[0]
                .found
                .code
                .as_deref(),
            Some("NoSuchBucket")
        );
        assert!(errors("the docs list NoSuchBucket among the errors").is_empty());
    }

    #[test]
    fn words_that_are_not_codes() {
        assert!(errors("Note: the bucket was created").is_empty());
        assert!(errors("InternalErrorHandler: started").is_empty());
    }
}
