//! HTTP statuses printed outside a status line and without a label that
//! [`super::kv`] reads: `[code 403]` (coscmd), `HEAD https://...: 404`
//! (coscli), `403 - Forbidden` and `404 Not Found` next to their reason
//! phrase, `status code 403`, `Response status code does not indicate
//! success: 403 (Forbidden)` (.NET), `"GET /k HTTP/1.1" 403` (urllib3's
//! debug log and access logs), `server exception: 403`, and in Chinese
//! prose `返回403`, `出现 404`, `403错误`.
//!
//! A number alone is never a status: it needs a label, a reason phrase,
//! or a request before it.

use super::super::facts::{Facts, Kind};
use super::super::record::RecordText;
use super::Shape;
use crate::explain::reason_phrase;

pub const SHAPE: Shape = Shape {
    name: "status",
    keywords: &[
        "HTTP/", ": 1", ": 2", ": 3", ": 4", ": 5", "(4", "(5", "（4", "（5", "\n4", "\n5",
    ],
    // The labels and the reason phrases [`find`] reads a status by.
    dynamic: Some(keywords),
    always: false,
    find,
};

fn keywords() -> Vec<&'static str> {
    let mut k: Vec<&'static str> = LABELS.to_vec();
    k.extend(PROSE_BEFORE);
    k.extend(PROSE_AFTER);
    k.extend(OPENSTACK);
    k.extend([" Client Error: ", " Server Error: ", "error 4", "error 5"]);
    k.extend((400..600).filter_map(reason_phrase));
    k
}

/// Words that, right before a status, label it.
const LABELS: [&str; 19] = [
    "RESP: [",
    // s3fs's debug log (`HTTP response code 403 was returned`), Java's
    // HttpURLConnection (`Server returned HTTP response code: 403 for
    // URL: ...`).
    "response code ",
    "response code: ",
    // `失败: HTTP 403`, `got HTTP 404`: the protocol's name before its
    // status, without a version.
    "HTTP ",
    "status code is ",
    "status is ",
    "response code is ",
    "[code ",
    "status code ",
    "status code: ",
    "status: ",
    "status ",
    "exception: ",
    "error: ",
    "error code ",
    "returned ",
    "failed with ",
    "状态码: ",
    "状态码：",
];

/// Words of Chinese prose that report an error status right before it
/// (`一直返回403`, `出现 404`, `报500`, `返回状态码  403`, `日志发现403`),
/// white space between or not.
const PROSE_BEFORE: [&str; 9] = [
    "返回",
    "返回了",
    "出现",
    "出现了",
    "报错",
    "报",
    "报了",
    "状态码",
    "发现",
];

/// Words of Chinese prose that report an error status right after it
/// (`403错误`, `403 报错`).
const PROSE_AFTER: [&str; 3] = ["错误", "报错", "异常"];

/// What openstacksdk (and the OBS commands of Open Telekom Cloud's
/// `openstack` client) prints after the status of a failed request:
/// `Method Not Allowed: Client Error for url: https://obs..., Method Not
/// Allowed`, `404: Client Error for url: ...`.
const OPENSTACK: [&str; 2] = [": Client Error for url: ", ": Server Error for url: "];

/// The status before each of [`OPENSTACK`]'s markers: three digits or a
/// reason phrase.
fn openstack(text: &str, out: &mut Facts) {
    for marker in OPENSTACK {
        // The line's start, found by looking back only as far as the last
        // match: a long line of markers costs one pass.
        let (mut line_start, mut seen) = (0, 0);
        for (at, _) in text.match_indices(marker) {
            if let Some(i) = text[seen..at].rfind('\n') {
                line_start = seen + i + 1;
            }
            seen = at;
            let before = &text[line_start..at];
            let digits = before.len() >= 3
                && before.is_char_boundary(before.len() - 3)
                // Three digits that end a longer number are no status.
                && (before.len() == 3 || !before.as_bytes()[before.len() - 4].is_ascii_alphanumeric());
            let n = digits
                .then(|| &before[before.len() - 3..])
                .filter(|d| d.bytes().all(|c| c.is_ascii_digit()))
                .and_then(|d| d.parse::<u16>().ok());
            let (status, len) = match n {
                Some(n) => (Some(n), 3),
                None => {
                    // The longest reason phrase the line ends with.
                    let word_start =
                        |i: usize| i == 0 || !before.as_bytes()[i - 1].is_ascii_alphabetic();
                    (400..600u16)
                        .filter_map(|s| reason_phrase(s).map(|r| (s, r)))
                        .filter(|(_, r)| {
                            before.len() >= r.len()
                                && before.is_char_boundary(before.len() - r.len())
                                && before[before.len() - r.len()..].eq_ignore_ascii_case(r)
                                && word_start(before.len() - r.len())
                        })
                        .max_by_key(|(_, r)| r.len())
                        .map_or((None, 0), |(s, r)| (Some(s), r.len()))
                }
            };
            if let Some(status) = status.filter(|s| (400..600).contains(s)) {
                out.push(
                    at - len..at,
                    Kind::Status {
                        status,
                        reason: None,
                        alone: false,
                    },
                );
            }
        }
    }
}

const METHODS: [&str; 7] = [
    "GET ", "PUT ", "POST ", "DELETE ", "HEAD ", "OPTIONS ", "PATCH ",
];

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    // A status alone on its line, as an SDK's sample prints it above or
    // below the code: context for an error beside it, never one alone.
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if t.len() == 3
            && let Ok(n) = t.parse::<u16>()
            && (400..600).contains(&n)
        {
            let a = at + (line.len() - line.trim_start().len());
            out.push(
                a..a + 3,
                Kind::Status {
                    status: n,
                    reason: None,
                    alone: true,
                },
            );
        }
        at += line.len();
    }
    openstack(text, out);
    let b = text.as_bytes();
    let mut i = 0;
    while i + 3 <= b.len() {
        // A three-digit number standing alone.
        if !(b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
            && (i == 0 || !is_word_byte(b[i - 1]))
            && b.get(i + 3).is_none_or(|&c| !is_word_byte(c) && c != b'.'))
        {
            i += 1;
            continue;
        }
        let n: u16 = text[i..i + 3].parse().unwrap_or(0);
        let at = i;
        i += 3;
        if !(100..600).contains(&n) {
            continue;
        }
        let before = &text[..at];
        let after = &text[at + 3..];
        // A reason phrase alone reads an error status only: the keywords
        // hold the phrases of 400 to 599, and a shape reads nothing its
        // keywords cannot call it for (a fuzz finding: `TTP/1.1 200 OK`
        // gave a status with every shape on and none through the
        // keyword prefilter).
        let reason = reason_after(n, after).filter(|_| n >= 400);
        // A colon right after it, full-width or not.
        let colon_after = after.starts_with([':', '：']);
        // `(403: message`, `（400：message` (a status quoted with its text).
        let quoted = before.ends_with(['(', '（']) && colon_after;
        // .NET's WebException: `The remote server returned an error:
        // (403) Forbidden.`, `远程服务器返回错误: (403) 已禁止。`: the
        // status in parentheses after a label's colon.
        let dotnet = after.starts_with([')', '）'])
            && before
                .strip_suffix(['(', '（'])
                .is_some_and(|b| b.trim_end().ends_with([':', '：']));
        // Python requests' `raise_for_status()`: `403 Client Error:
        // Forbidden for url: ...`, `503 Server Error: ...`.
        let requests = after.starts_with(" Client Error: ") || after.starts_with(" Server Error: ");
        // `Error 403: Access Denied`: the word, the status, a colon.
        let error_colon = ends_with_ignore_case(before, "error ") && colon_after;
        let labelled = quoted
            || dotnet
            || requests
            || error_colon
            || LABELS.iter().any(|l| ends_with_ignore_case(before, l));
        let prose_after = after.trim_start_matches(' ');
        let reported_after = PROSE_AFTER.iter().any(|w| prose_after.starts_with(w));
        // `出现 404 个文件` counts files: a status is followed by what
        // reports it, a particle, punctuation or other text, not by
        // another word of Chinese.
        let then_word = prose_after
            .chars()
            .next()
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !matches!(c, '了' | '的'));
        let prose = n >= 400
            && (reported_after
                || (!then_word
                    && PROSE_BEFORE
                        .iter()
                        .any(|w| before.trim_end_matches(' ').ends_with(w))));
        let labelled = labelled || prose;
        let after_request = after_request(before);
        let access_log = before.ends_with("HTTP/1.1\" ")
            || before.ends_with("HTTP/1.0\" ")
            || before.ends_with("HTTP/2\" ")
            || before.ends_with("HTTP/2.0\" ");
        if reason.is_some() || labelled || after_request || access_log {
            let end = at + 3 + reason.map_or(0, |(len, _)| len);
            out.push(
                at..end,
                Kind::Status {
                    status: n,
                    reason: reason.map(|(_, r)| r.to_owned()),
                    alone: false,
                },
            );
            if access_log && n < 300 {
                out.push(
                    at..end,
                    Kind::Success("an access-log line with a success status"),
                );
            }
        }
    }
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'/' || c == b'='
}

fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The standard reason phrase right after a status: ` Forbidden`, ` -
/// Forbidden`, ` (Forbidden)`: its length and the phrase.
fn reason_after(n: u16, after: &str) -> Option<(usize, &'static str)> {
    let phrase = reason_phrase(n)?;
    for lead in [" ", " - ", " (", ": ", " "] {
        if let Some(rest) = after.strip_prefix(lead)
            && rest.len() >= phrase.len()
            && rest.is_char_boundary(phrase.len())
            && rest[..phrase.len()].eq_ignore_ascii_case(phrase)
            && rest[phrase.len()..]
                .bytes()
                .next()
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            let close = usize::from(lead == " (" && rest[phrase.len()..].starts_with(')'));
            return Some((lead.len() + phrase.len() + close, phrase));
        }
    }
    None
}

/// `HEAD https://host/key: ` right before a status (coscli, Go SDKs).
fn after_request(before: &str) -> bool {
    let Some(head) = before.strip_suffix(": ") else {
        return false;
    };
    let word_start = head.rfind(' ').map_or(0, |i| i + 1);
    let url = &head[word_start..];
    if !(url.contains("://") || url.starts_with('/')) {
        return false;
    }
    let lead = &head[..word_start];
    METHODS.iter().any(|m| lead.ends_with(m))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};

    #[test]
    fn statuses_in_context() {
        for (text, status) in [
            ("HEAD https://b-125.cos.ap-beijing.myqcloud.com/k: 403", 403),
            (
                "[code 403] The request signature we calculated does not match",
                403,
            ),
            (
                "COSXML.CosException.CosServerException: CosServerException: 403 - Forbidden at COSXML",
                403,
            ),
            (
                "Response status code does not indicate success: 404 (Not Found).",
                404,
            ),
            // .NET Framework's WebException, in English and Chinese; a
            // full-width parenthesis too.
            (
                "System.Net.WebException: The remote server returned an error: (403) Forbidden.",
                403,
            ),
            ("远程服务器返回错误: (404) 未找到。", 404),
            ("远程服务器返回错误：（503）服务器不可用。", 503),
            (
                "urllib3.connectionpool: https://b.cos.ap-beijing.myqcloud.com:443 \"GET /k HTTP/1.1\" 503 None",
                503,
            ),
            // opentelekomcloud/python-otcextensions issue 114: openstacksdk
            // names the status by its reason phrase, or its number.
            (
                "Method Not Allowed: Client Error for url: https://obs.eu-de.otc.t-systems.com/, Method Not Allowed",
                405,
            ),
            (
                "ResourceNotFound: 404: Client Error for url: https://obs.eu-de.otc.t-systems.com/b, Not Found",
                404,
            ),
            (
                "HttpException: Service Unavailable: Server Error for url: https://obs.eu-de.otc.t-systems.com/",
                503,
            ),
            // github.com/tencentyun/cos-wx-sdk-v5 issues 19, and
            // cos-js-sdk-v5 issues 43.
            (
                "同样有问题，但是是上传成功，deleteObject的时候出现403错误，\"SignatureDoesNotMatch\"",
                403,
            ),
            (
                "使用上传时一直返回403，<Code>SignatureDoesNotMatch</Code>",
                403,
            ),
            ("一直报 404 NoSuchKey", 404),
            // github.com/huaweicloud/huaweicloud-sdk-python-obs issues 7,
            // kalcaddle/kodbox issues 306.
            (
                "python 版本 3.7.4   上传文件返回状态码  403 ，python版本3.7.0 ，3.52 正常返回状态200",
                403,
            ),
            ("尝试连接华为obs报错，进入容器检查日志发现403", 403),
            // github.com/Tim0x0/halo-plugin-storage-toolkit issues 7.
            (
                "2026-01-25T16:12:11.358+08:00 ERROR 7 --- [loomBoundedElastic-2296122] c.t.s.s.impl.BatchProcessingServiceImpl  : 下载或处理附件 2026/01/halo_54tkyba.png 失败: HTTP 403",
                403,
            ),
            // Python requests' raise_for_status(), without its class.
            (
                "403 Client Error: Forbidden for url: https://b-125.cos.ap-beijing.myqcloud.com/k",
                403,
            ),
            ("Error 403: Access Denied", 403),
        ] {
            let f = one(text);
            assert_eq!(f.status, Some(status), "{text}");
        }
        // Three digits that end a longer number are no status.
        let e = errors("job 71404: Client Error for url: https://x/");
        assert!(e.iter().all(|x| x.found.status != Some(404)), "{e:?}");
    }

    #[test]
    fn response_code_labels() {
        // github.com/s3fs-fuse/s3fs-fuse issues 121; pingcap/tiflash issues 10598
        for text in [
            "RequestPerform(1588): HTTP response code 403",
            "message=HTTP response code: 403\nRequest ID: f9on4020kcmobvmsdlib5msilkoghb9s",
        ] {
            assert_eq!(one(text).status, Some(403), "{text}");
        }
    }

    #[test]
    fn numbers_alone_are_not_statuses() {
        for text in [
            "uploaded 404 files in 500 ms",
            "port 443 open",
            "took 403ms",
            "\"GET /k HTTP/1.1\" 200 512",
            "返回200条记录",
            "出现 404 个文件",
            "日志里发现 500 条记录",
            "状态码 200",
            "error 404 times in the log",
        ] {
            assert!(errors(text).is_empty(), "{text}");
        }
    }
}
