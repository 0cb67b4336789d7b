//! The gate: whether a log's record can hold an error at all, decided
//! in two SIMD passes (Teddy) over short literal anchors, on the record
//! folded to lower case.
//!
//! A log is mostly not errors, and reading a record with every shape
//! costs a hundred times more than this look. A record whose first line
//! is a log line (a timestamp or a level first, or a JSON log line) goes
//! on to the shapes only when it holds an *error signal*:
//!
//! - a word errors are written with (`error`, `exception`, `fail`,
//!   `denied`, `invalid`, `forbidden`, `not found`), a field that names a
//!   code or a message (`code`, `message`, `X-ErrNo`), a client failure's
//!   words (`refused`, `timed out`, `timeout`, `deadline`, `ECONNRESET`,
//!   `connection reset`, `resolve`, `getaddrinfo`, `no such host`,
//!   `certificate`, `CORS`, `unreachable`, `no route`, `hang up`,
//!   `broken pipe`, `EOF`, `curl`, `endpoint URL`, `panic:`), or an HTML
//!   page or a piece of one (`<html`, `<h1>`, `<center`); or
//! - a status label (`status`, `HTTP/1.1`, `状态码`, `<title>`, okhttp's
//!   `<--`, `: `) followed by a status of 400 to 599, or by `0` or `-1`
//!   (no response); Chinese prose that reports one (`返回`, `出现`,
//!   `发现`) too, and the Chinese words errors are reported with
//!   (`错误`, `失败`, `异常`, `报`).
//!
//! A status below 400 after a label is remembered as what was seen
//! (`a success response`), for the message when an input holds no
//! error.
//!
//! Other records (what people paste: a message alone, an exception, a
//! body, a trace) are always read: a documented message or a code name
//! with nothing else around it is still an error there. In a log, a line
//! that is only a message, with no error word, level or status, is not
//! read. A test checks that every keyword a shape starts an error from
//! holds an anchor (the few exceptions are listed there with the reason),
//! and `tests/real_corpus.rs` checks on every corpus that reading every
//! record with every shape, with [`check_plain`] (every occurrence of every
//! anchor, by a plain search) deciding about a log's records, finds the
//! same errors.

use std::cell::RefCell;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::packed::{Config, MatchKind, Searcher};
use aho_corasick::{AhoCorasick, AhoCorasickKind};

/// What an anchor means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// An error signal on its own.
    Signal,
    /// A status label: the number that follows decides.
    Label,
    /// The status itself starts at the anchor's last byte (`: 4`, `(5`).
    Digit,
}

use Anchor::{Digit, Label, Signal};

/// The anchors, in lower case: the search runs over the record folded to
/// ASCII lower case. Two passes of about 20 anchors each: Teddy is
/// several times faster on 20 patterns than on 40.
const ANCHORS: [&[(&str, Anchor)]; 2] = [
    &[
        // Words errors are written with, and fields that name a code or a
        // message (`x-errno`: CI's numeric code).
        ("rror", Signal),
        ("xcept", Signal),
        ("fail", Signal),
        ("enied", Signal),
        ("nvalid", Signal),
        ("orbidden", Signal),
        ("found", Signal),
        ("code", Signal),
        ("ssage", Signal),
        ("rrno", Signal),
        // Status labels, and statuses after `: `.
        // `status` and `http/`, by their rarer ends: Teddy is fastest when
        // an anchor's first bytes are rare in ordinary text.
        ("atus", Label),
        ("tp/", Label),
        ("状态码", Label),
        (": 4", Digit),
        (": 5", Digit),
        // openstacksdk's debug log: `RESP: [403] Content-Length: ...`.
        (": [4", Digit),
        (": [5", Digit),
        ("（4", Digit),
        ("<-- ", Label),
        ("deadline", Signal),
        ("endpoint url", Signal),
        // A page's parts, also when log lines cut it into pieces.
        ("<center", Signal),
        // Chinese: `错误` (error) and `失败` (failed); `返回` (returned)
        // before a status.
        ("错误", Signal),
        ("失败", Signal),
        ("返回", Label),
    ],
    &[
        // A client that got no response; a proxy's page.
        ("efused", Signal),
        ("imed", Signal),
        ("meout", Signal),
        ("econn", Signal),
        ("tion reset", Signal),
        ("resolv", Signal),
        ("such host", Signal),
        ("certificate", Signal),
        ("cors", Signal),
        ("unreach", Signal),
        ("no route", Signal),
        ("hang up", Signal),
        ("eof", Signal),
        ("curl", Signal),
        ("<html", Signal),
        ("<h1>", Signal),
        ("<title>", Label),
        ("getaddrinfo", Signal),
        ("panic:", Signal),
        ("broken pipe", Signal),
        // Chinese: `报` (reported: `报错`, `报403`, `报 NoSuchKey`),
        // `异常` (exception), and prose before a status (`出现 404`,
        // `发现403`).
        ("报", Signal),
        // The OBS C SDK's statuses, whatever words are around them.
        ("obs_status_", Signal),
        ("出现", Label),
        ("发现", Label),
        ("异常", Signal),
    ],
];

/// Teddy where the machine has it, an automaton where not.
enum Finder {
    Packed(Searcher),
    Automaton(AhoCorasick),
}

impl Finder {
    fn new(anchors: &[(&str, Anchor)]) -> Finder {
        let words = anchors.iter().map(|(w, _)| *w);
        // Fat Teddy (16 buckets) measured faster than slim on 16 to 20
        // anchors.
        let packed = Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .only_teddy_fat(Some(true))
            .builder()
            .extend(words.clone())
            .build();
        match packed {
            Some(s) => Finder::Packed(s),
            None => Finder::Automaton(
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(words)
                    .expect("the gate's anchors build an automaton"),
            ),
        }
    }

    /// Whether `hit` says yes to a match, trying each in turn.
    fn any(&self, text: &[u8], mut hit: impl FnMut(usize, usize, usize) -> bool) -> bool {
        match self {
            Finder::Packed(s) => s
                .find_iter(text)
                .any(|m| hit(m.start(), m.end(), m.pattern().as_usize())),
            Finder::Automaton(ac) => ac
                .find_iter(text)
                .any(|m| hit(m.start(), m.end(), m.pattern().as_usize())),
        }
    }
}

static FINDERS: LazyLock<[Finder; 2]> =
    LazyLock::new(|| [Finder::new(ANCHORS[0]), Finder::new(ANCHORS[1])]);

/// What the gate made of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It may hold an error: read it with the shapes.
    Read,
    /// It holds none; what it showed, if anything.
    Skip(Option<&'static str>),
}

/// Whether `text` can hold an error (see the module's documentation).
pub fn check(text: &[u8]) -> Verdict {
    check_all(text, std::slice::from_ref(&(0..text.len())))[0]
}

/// [`check`] for each of `records`, ranges of `text` in order: one pass
/// over a batch of records rather than one per record. A record that does
/// not end with a line end must be followed by one (or by the end of
/// `text`): no anchor and no status reaches over a line end, so each
/// record's verdict is the one [`check`] gives it alone.
pub fn check_all(text: &[u8], records: &[Range<usize>]) -> Vec<Verdict> {
    if records.is_empty() {
        return Vec::new();
    }
    thread_local! {
        static LOWER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    let mut verdicts = LOWER.with_borrow_mut(|lower| {
        lower.clear();
        lower.extend(text.iter().map(u8::to_ascii_lowercase));
        check_lower(lower, records)
    });
    // The shapes read a record with its NUL bytes taken out, which can
    // join an anchor's letters (`err\0or`): such a record is read.
    if memchr::memchr(0, text).is_some() {
        for (v, r) in verdicts.iter_mut().zip(records) {
            if memchr::memchr(0, &text[r.clone()]).is_some() {
                *v = Verdict::Read;
            }
        }
    }
    verdicts
}

/// [`check_all`] on a text folded to ASCII lower case.
fn check_lower(text: &[u8], records: &[Range<usize>]) -> Vec<Verdict> {
    let mut verdicts = vec![Verdict::Skip(None); records.len()];
    let mut open = records.len();
    for (finder, anchors) in FINDERS.iter().zip(ANCHORS) {
        if open == 0 {
            break;
        }
        // Matches come in order: the record they are in moves forward.
        let mut r = 0;
        finder.any(text, |start, end, pattern| {
            while r < records.len() && records[r].end <= start {
                r += 1;
            }
            let Some(range) = records.get(r) else {
                return true;
            };
            if start < range.start || verdicts[r] == Verdict::Read {
                return false;
            }
            let (word, anchor) = anchors[pattern];
            match anchor_status(text, start, end, word, anchor) {
                Status::Error => {
                    verdicts[r] = Verdict::Read;
                    open -= 1;
                }
                Status::Below400(what) => {
                    if verdicts[r] == Verdict::Skip(None) {
                        verdicts[r] = Verdict::Skip(Some(what));
                    }
                }
                Status::None => {}
            }
            // Past the last record, or all decided: stop.
            open == 0
        });
    }
    verdicts
}

/// What an anchor found at `start..end` of the lowered text says.
fn anchor_status(text: &[u8], start: usize, end: usize, word: &str, anchor: Anchor) -> Status {
    match anchor {
        Signal => Status::Error,
        Label if word == "tp/" => http_status(text, start.saturating_sub(2), end),
        // Python's `No status line received`: nothing came back.
        Label if word == "atus" && text[end..].starts_with(b" line received") => Status::Error,
        // Chinese prose counts, not only statuses (`返回200条记录`): only
        // an error status there is one.
        Label if !word.is_ascii() && word != "状态码" => match status_after(&text[end..]) {
            Status::Below400(_) => Status::None,
            status => status,
        },
        Label => status_after(&text[end..]),
        Digit => status_after(&text[end - 1..]),
    }
}

/// [`check`] by its definition, for the tests that hold the gate to it:
/// every occurrence of every anchor, found by a plain search rather than
/// Teddy's leftmost matches. Which success status is remembered as seen
/// may differ; whether the record is read may not.
pub fn check_plain(text: &[u8]) -> Verdict {
    if memchr::memchr(0, text).is_some() {
        return Verdict::Read;
    }
    let lower: Vec<u8> = text.iter().map(u8::to_ascii_lowercase).collect();
    let mut seen = None;
    for &(word, anchor) in ANCHORS.iter().flat_map(|a| a.iter()) {
        for start in memchr::memmem::find_iter(&lower, word.as_bytes()) {
            match anchor_status(&lower, start, start + word.len(), word, anchor) {
                Status::Error => return Verdict::Read,
                Status::Below400(what) => seen = seen.or(Some(what)),
                Status::None => {}
            }
        }
    }
    Verdict::Skip(seen)
}

enum Status {
    /// 400 to 599, or `0`/`-1` (no response came).
    Error,
    /// A status below 400, and what it was a status of.
    Below400(&'static str),
    None,
}

/// How far after a label its status may be.
const REACH: usize = 40;

/// The first number after a label (`status=403`, `statusCode: 0`,
/// `status code 404`), on the label's line and within [`REACH`] bytes.
fn status_after(rest: &[u8]) -> Status {
    let window = &rest[..rest.len().min(REACH)];
    let Some(at) = window
        .iter()
        .position(|&b| b.is_ascii_digit() || b == b'\n')
    else {
        return Status::None;
    };
    let digits = window[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let number = &window[at..at + digits];
    let negative = at > 0 && window[at - 1] == b'-';
    match (negative, number) {
        (true, b"1") | (false, b"0") => Status::Error,
        (false, [b'4' | b'5', _, _]) => Status::Error,
        (false, [b'1'..=b'3', _, _]) => Status::Below400("a status below 400"),
        _ => Status::None,
    }
}

/// The status after `HTTP/1.1` (a status line, curl's `< HTTP/2 404`, an
/// access log's `"GET /k HTTP/1.1" 200`).
fn http_status(text: &[u8], start: usize, end: usize) -> Status {
    let rest = &text[end..];
    let version = rest
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .count();
    let after = &rest[version..];
    let quoted = after.first() == Some(&b'"');
    let after = &after[usize::from(quoted)..];
    let spaces = after.iter().take_while(|&&b| b == b' ').count();
    let code = &after[spaces..];
    if version == 0 || spaces == 0 || code.len() < 3 {
        return Status::None;
    }
    if code.get(3).is_some_and(u8::is_ascii_digit) || !code[..3].iter().all(u8::is_ascii_digit) {
        return Status::None;
    }
    match code[0] {
        b'4' | b'5' => Status::Error,
        b'1'..=b'3' => {
            let line_start = text[..start]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let lead = text[line_start..start].trim_ascii();
            Status::Below400(if quoted {
                "an access-log line with a success status"
            } else if lead.is_empty() || lead == b"<" {
                "a success response"
            } else {
                "a status below 400"
            })
        }
        _ => Status::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> bool {
        check(text.as_bytes()) == Verdict::Read
    }

    #[test]
    fn error_signals_open_the_gate() {
        for text in [
            "2024-01-01 ERROR upload failed",
            "WARNING: Wa: / (No status line received - the server has closed the connection)",
            "HEAD https://b-125.cos.ap-beijing.myqcloud.com/k: 403",
            "[code 403] The request signature we calculated does not match",
            "HTTP/1.1 404 Not Found",
            "< HTTP/2 503",
            "status=403 request_id=abc",
            "\"statusCode\":0,",
            "ResponseCode: -1",
            "okhttp: <-- 403 https://b.cos.ap-beijing.myqcloud.com/k (12ms)",
            "Response status code does not indicate success: 404 (Not Found).",
            "getaddrinfo ENOTFOUND b.cos.ap-beijing.myqcloud.com",
            "<html><head><title>502 Bad Gateway</title></head></html>",
            "状态码: 403",
            // Chinese prose, which the status shape reads a status from.
            "WARNING: 访问obs桶，结果报403错误",
            "2024-01-01 12:00:00 INFO 上传后一直返回 404",
            "[WARN] 日志发现500",
            "2024-01-01 INFO 上传失败",
            "2024-01-01 INFO 上传 403 报错",
            "2024-01-01 INFO 上传报 NoSuchKey",
            "2024-05-06 12:39:56 RESP: [403] Content-Length: 263 Server: OBS",
            "2024-05-06 12:39:56 INFO get object: OBS_STATUS_NoSuchKey",
            "Get \"https://b.cos.ap-beijing.myqcloud.com/k\": context deadline exceeded",
            "Could not connect to the endpoint URL: \"https://b.cos.ap-beijing.myqcloud.com/\"",
        ] {
            assert!(read(text), "{text}");
        }
    }

    #[test]
    fn success_lines_stay_out_and_say_what_they_were() {
        for (text, seen) in [
            ("HTTP/1.1 200 OK", Some("a success response")),
            ("< HTTP/2 204", Some("a success response")),
            (
                "10.0.0.1 - - \"GET /k HTTP/1.1\" 200 512",
                Some("an access-log line with a success status"),
            ),
            (
                "INFO GET /k status=304 bytes=1 elapsed_ms=464 request_id=x",
                Some("a status below 400"),
            ),
            ("INFO uploaded 404 files in 500 ms", None),
            ("DEBUG > PUT https://b/k HTTP/1.1 user-agent=x", None),
            ("INFO 查询返回200条记录", None),
        ] {
            assert_eq!(check(text.as_bytes()), Verdict::Skip(seen), "{text}");
        }
    }

    /// The Teddy search and the plain definition agree on every sample
    /// of these tests.
    #[test]
    fn the_search_and_the_definition_agree() {
        for text in [
            "2024-01-01 ERROR upload failed",
            "HTTP/1.1 200 OK",
            "INFO GET /k status=304 bytes=1",
            "WARNING: 访问obs桶，结果报403错误",
            "INFO 查询返回200条记录",
            "2024-05-06 12:39:56 RESP: [403] Content-Length: 263",
            "DEBUG : x BadDigest: The Content-MD5 you specified did not match.",
            "x\0err\0or",
        ] {
            let read = |v| v == Verdict::Read;
            assert_eq!(
                read(check(text.as_bytes())),
                read(check_plain(text.as_bytes())),
                "{text}"
            );
        }
    }

    /// Every keyword a shape starts an error from holds an anchor, in
    /// lower case (the search folds case).
    #[test]
    fn every_originating_keyword_holds_an_anchor() {
        use super::super::shapes::SHAPES;
        // Keywords that only add context or label a status (the status
        // check stands for them), and signatures that never come alone:
        // each with what carries the error instead.
        let exempt: &[(&str, &str)] = &[
            ("request", "context"),
            ("reqid", "context"),
            ("trace", "context"),
            ("host id", "context"),
            ("hostid", "context"),
            ("resource", "context"),
            ("msg", "context: an error's msg comes with its code"),
            ("\"msg", "context: an error's msg comes with its code"),
            ("\"request", "context"),
            ("header: ", "context"),
            (
                "<Response",
                "a result is an error only with a code or a failed state",
            ),
            ("<DeleteResult", "its failures are <Error> elements"),
            ("(Service:", "followed by Status Code and Error Code"),
            ("on this server", "Apache's page, with its <title>"),
            ("permission to", "Apache's page, with its <title>"),
            ("URL was rejected", "F5's page, with its <title>"),
            ("non-XML response", "said with the status"),
            ("Msg Is INVALID", "has invalid"),
            ("x509: ", "the client shape reads it only with certificate"),
            ("EAI_AGAIN", "printed after getaddrinfo's Error"),
            ("Name or service not known", "printed in a gaierror"),
            ("nodename nor servname", "printed in a gaierror"),
            ("Code=-1003", "has code"),
            (
                "httpClient execute occur",
                "the COS Java SDK logs it at ERROR or WARN, with the exception",
            ),
            (
                "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
                "Node prints it as an error's code, after Error:",
            ),
            (
                "CERT_HAS_EXPIRED",
                "Node prints it as an error's code, after Error:",
            ),
            (
                "SELF_SIGNED_CERT_IN_CHAIN",
                "Node prints it as an error's code, after Error:",
            ),
            (
                "DEPTH_ZERO_SELF_SIGNED_CERT",
                "Node prints it as an error's code, after Error:",
            ),
            ("未能解析此远程名称", "printed in a WebException"),
            (
                "The underlying connection was closed",
                "printed in a WebException",
            ),
            ("基础连接已经关闭", "printed in a WebException"),
            (
                "Could not create SSL/TLS secure channel",
                "printed in a WebException",
            ),
            (
                "Could not establish trust relationship",
                "printed in a WebException",
            ),
            ("未能创建 SSL/TLS 安全通道", "printed in a WebException"),
            (
                "未能为 SSL/TLS 安全通道建立信任关系",
                "printed in a WebException",
            ),
            (
                "use of closed network connection",
                "Go prints it in a read or write error, after `error` words",
            ),
            ("Access-Control-Allow-Origin", "printed with CORS policy"),
            ("Empty reply from server", "printed after curl: (52)"),
            ("Connection aborted", "printed in a ConnectionError"),
            ("RemoteDisconnected", "printed in a ConnectionError"),
            ("EPIPE", "printed after Error: write"),
            ("URL using bad/illegal format", "printed after curl: (3)"),
            ("Malformed URL", "printed in a MalformedURLException"),
            ("must be compatible", "printed with Error"),
            ("ENETUNREACH", "has unreach"),
            ("RESP: [", "the status follows: `: [4`, `: [5`"),
            ("<!DOCTYPE html", "a page has <html> or <title>"),
            ("Unknown host", "printed in an UnknownHostException"),
            (
                "Unable to connect to endpoint",
                "aws-sdk-cpp's, printed after an InternalError",
            ),
            (
                "No address associated with hostname",
                "printed after Unable to resolve host",
            ),
            ("ERR_CERT_", "Chrome's certificate errors end in INVALID"),
            ("ERR_NETWORK", "printed with Network Error"),
            ("returned ", "a status printed alone after it is context"),
            (
                "connect: bad file descriptor",
                "Go prints it in a dial error, after `error` words",
            ),
            (
                "could not determine how to establish security credentials",
                "s3fs and cosfs print it alone, not in a log record",
            ),
            // Node's fs errors: an Error's message, or its object's code.
            ("ENOENT", "printed after Error: or as an object's code"),
            ("EACCES", "printed after Error: or as an object's code"),
            ("EISDIR", "printed after Error: or as an object's code"),
            ("ENOSPC", "printed after Error: or as an object's code"),
            ("EROFS", "printed after Error: or as an object's code"),
            (
                "No FileSystem for scheme",
                "printed in an UnsupportedFileSystemException or an IOException",
            ),
            // No credentials: each client prints it as an error's or an
            // exception's text.
            (
                "missing credentials for",
                "Terraform prints it after Error:",
            ),
            (
                "Unable to locate credentials",
                "printed in a NoCredentialsError",
            ),
            (
                "NoCredentialProviders",
                "the AWS SDK for Go's error code, printed as an error's text",
            ),
            (
                "Unable to load AWS credentials from any provider",
                "printed in an SdkClientException",
            ),
            (
                "Unable to load credentials from any of the providers",
                "printed in an SdkClientException",
            ),
            (
                "Missing credentials in config",
                "printed in a CredentialsError",
            ),
            (
                "Could not load credentials from any providers",
                "printed in a CredentialsProviderError",
            ),
            (
                "SecretId and SecretKey is Required",
                "printed in a CosClientError",
            ),
            (
                "Unable to verify integrity of data upload",
                "the message of an SdkClientException or CosClientException",
            ),
            (
                "crc64 not match",
                "the message of the .NET SDK's CosClientException",
            ),
            (
                "Call to undefined ",
                "PHP prints it after `Fatal error`, `Uncaught Error` or a log's `ERROR`",
            ),
            (
                "Server returned nothing",
                "libcurl's message for error 52; the SDKs on libcurl print it after their `fail` or `error`",
            ),
            (
                "network connection was lost",
                "the description of an NSError (NSURLErrorDomain Code=-1005)",
            ),
            (
                "Network connection lost",
                "Cloudflare Workers throw it as an Error (`Error: Network connection lost.`)",
            ),
            (
                "MD5校验与本地不一致",
                "the iOS SDK prints it after DataIntegrityError, in an NSError",
            ),
        ];
        let labels = ["status", "\"status", "HTTP/"];
        let mut missing = Vec::new();
        for shape in SHAPES {
            if matches!(shape.name, "escaped" | "message" | "named") {
                // Escapes wrap text whose own words count; messages and
                // names alone are not errors (see the module's
                // documentation).
                continue;
            }
            let dynamic = shape.dynamic.map(|f| f()).unwrap_or_default();
            for k in shape.keywords.iter().chain(&dynamic) {
                if exempt.iter().any(|(e, _)| e == k) || labels.contains(k) {
                    continue;
                }
                let lower = k.to_lowercase();
                let anchored = ANCHORS
                    .iter()
                    .flat_map(|a| a.iter())
                    .any(|(a, _)| lower.contains(a));
                // A status shape keyword is a label or a reason phrase:
                // the status number after it, or the reason phrase's own
                // word, is what the gate reads.
                if !anchored && shape.name != "status" {
                    missing.push(format!("{}: {k:?}", shape.name));
                }
            }
        }
        assert!(missing.is_empty(), "no anchor in:\n{}", missing.join("\n"));
    }
}
