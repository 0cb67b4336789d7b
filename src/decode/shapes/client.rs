//! Client-side failures: the request never got a response. DNS failures,
//! refused, reset and timed-out connections, TLS and certificate errors,
//! a browser's CORS block or "Network Error", curl's exit codes, and the
//! SDKs' own words for these (`CosClientException`, an `ObsException`
//! with status -1, `EndpointConnectionError`, `statusCode: 0`).
//!
//! Each signal is a phrase that only a failure prints (`ENOTFOUND`,
//! `connection refused`, `Read timed out`), never a bare word such as
//! "timeout", which configuration lines print too. The endpoint the
//! request was going to is read from the failure text where it says, else
//! left to resolution (any host in the record).

use super::super::draft::cut_str;
use super::super::facts::{Facts, Kind};
use super::super::record::RecordText;
use super::Shape;
use crate::decode::FailureKind::{
    self, Cors, Credentials, Dns, Endpoint, Integrity, Local, Network, Refused, Reset, Sdk,
    Timeout, Tls,
};

/// Phrases of [`SIGNALS`] read as written, not in any case: their case
/// tells them apart.
const CASED: [&str; 1] = ["Network Error"];

/// Phrases (with a space: in any case, but for [`CASED`]) and identifiers
/// (as written), and what they mean. Earlier kinds in [`RANK`] win when a
/// text has several.
const SIGNALS: &[(&str, FailureKind)] = &[
    // DNS.
    ("ENOTFOUND", Dns),
    ("EAI_AGAIN", Dns),
    ("getaddrinfo", Dns),
    ("no such host", Dns),
    ("Name or service not known", Dns),
    ("nodename nor servname", Dns),
    ("UnknownHostException", Dns),
    ("Could not resolve host", Dns),
    ("Temporary failure in name resolution", Dns),
    ("NameResolutionError", Dns),
    ("Failed to resolve", Dns),
    ("ERR_NAME_NOT_RESOLVED", Dns),
    ("hostname could not be found", Dns),
    ("Code=-1003", Dns),
    ("Code=-1006", Dns),
    ("Unknown host", Dns),
    ("No address associated with hostname", Dns),
    // .NET's WebException: its status's name (as Mono and .NET tools
    // print it) and its message, in English and in Chinese.
    ("NameResolutionFailure", Dns),
    ("The remote name could not be resolved", Dns),
    ("未能解析此远程名称", Dns),
    // TLS.
    ("x509: ", Tls),
    ("CERTIFICATE_VERIFY_FAILED", Tls),
    ("certificate verify failed", Tls),
    ("SSLHandshakeException", Tls),
    ("SSL certificate problem", Tls),
    ("PKIX path building failed", Tls),
    // Android's, when no trusted root signs the server's chain.
    ("Trust anchor for certification path not found", Tls),
    ("CertPathValidatorException", Tls),
    ("certificate has expired", Tls),
    ("self signed certificate", Tls),
    ("self-signed certificate", Tls),
    ("unable to get local issuer certificate", Tls),
    ("ERR_CERT_", Tls),
    ("SSL_ERROR_", Tls),
    ("tls: handshake failure", Tls),
    ("TLS handshake timeout", Tls),
    ("Code=-1200", Tls),
    ("SSLError", Tls),
    ("SSLException", Tls),
    // Node's names and words for a certificate it would not take.
    ("ERR_TLS_CERT_ALTNAME_INVALID", Tls),
    ("does not match certificate's altnames", Tls),
    ("UNABLE_TO_VERIFY_LEAF_SIGNATURE", Tls),
    ("unable to verify the first certificate", Tls),
    ("CERT_HAS_EXPIRED", Tls),
    ("SELF_SIGNED_CERT_IN_CHAIN", Tls),
    ("DEPTH_ZERO_SELF_SIGNED_CERT", Tls),
    ("SecureChannelFailure", Tls),
    ("TrustFailure", Tls),
    ("Could not create SSL/TLS secure channel", Tls),
    ("Could not establish trust relationship", Tls),
    // Python's `ssl.CertificateError` (`hostname 'a.b.s3.amazonaws.com'
    // doesn't match either of '*.s3.amazonaws.com', ...`: a bucket name
    // with dots under a wildcard certificate) and Java's peer check.
    ("CertificateError", Tls),
    ("SSLPeerUnverifiedException", Tls),
    ("未能创建 SSL/TLS 安全通道", Tls),
    ("未能为 SSL/TLS 安全通道建立信任关系", Tls),
    // Refused.
    ("ECONNREFUSED", Refused),
    ("Connection refused", Refused),
    ("connection refused", Refused),
    ("actively refused", Refused),
    ("Failed to connect to", Refused),
    ("Code=-1004", Refused),
    ("ConnectException", Refused),
    // aws-sdk-cpp (TensorFlow's and ModelArts' S3 file systems).
    ("Unable to connect to endpoint", Network),
    // Timeouts.
    ("ETIMEDOUT", Timeout),
    ("ESOCKETTIMEDOUT", Timeout),
    ("timed out", Timeout),
    ("deadline exceeded", Timeout),
    ("i/o timeout", Timeout),
    ("SocketTimeoutException", Timeout),
    ("ConnectTimeoutException", Timeout),
    ("ConnectTimeoutError", Timeout),
    ("ReadTimeoutError", Timeout),
    ("ReadTimeout", Timeout),
    ("ConnectTimeout", Timeout),
    ("TimeoutException", Timeout),
    ("TimeoutError", Timeout),
    ("Timeout awaiting", Timeout),
    ("Code=-1001", Timeout),
    // Reset, closed early.
    ("ECONNRESET", Reset),
    ("Connection reset", Reset),
    ("connection reset", Reset),
    ("socket hang up", Reset),
    ("Empty reply from server", Reset),
    // libcurl's words for the same (CURLE_GOT_NOTHING), as the SDKs built
    // on it print them: `Server returned nothing (no headers, no data)`.
    ("Server returned nothing", Reset),
    ("Recv failure", Reset),
    ("Connection aborted", Reset),
    ("RemoteDisconnected", Reset),
    ("EPIPE", Reset),
    ("Broken pipe", Reset),
    ("NoHttpResponseException", Reset),
    ("No status line received", Reset),
    ("unexpected EOF", Reset),
    // OkHttp, when the connection closed before a status line came.
    ("IOException: unexpected end of stream", Reset),
    ("Code=-1005", Reset),
    // The same loss in words: Apple's `The network connection was lost.`,
    // Cloudflare Workers' `Network connection lost.` for a subrequest.
    ("network connection was lost", Reset),
    ("Network connection lost", Reset),
    // .NET's WebException when the connection closed under the request
    // (`: An unexpected error occurred on a send.`), in English and in
    // Chinese; a TLS reason after it ranks first.
    ("The underlying connection was closed", Reset),
    ("基础连接已经关闭", Reset),
    // Go, writing to or reading from a connection already closed (a
    // kept-alive one the server or a middlebox dropped).
    ("use of closed network connection", Reset),
    // Browsers.
    ("CORS policy", Cors),
    ("blocked by CORS", Cors),
    ("Access-Control-Allow-Origin", Cors),
    ("CORS request did not succeed", Cors),
    // axios and the browsers say `Network Error` when a response was
    // blocked or the browser is offline; an SDK's own `network error`
    // (the old COS C++ SDK's `{"code":-2,"message":"network error"}`)
    // is any failure of the network. The first is read as written (see
    // [`CASED`]), and outranks the second where both are.
    ("Network Error", Cors),
    ("network error", Network),
    ("CORS blocked or network error", Cors),
    ("net::ERR_FAILED", Cors),
    ("ERR_NETWORK", Cors),
    // cos-js-sdk-v5, when the browser hid a part's ETag: the CORS rule
    // does not expose it.
    ("CORS ExposeHeader setting", Cors),
    // The endpoint itself.
    ("InvalidEndpointURL", Endpoint),
    ("invalid endpoint", Endpoint),
    ("URL using bad/illegal format", Endpoint),
    ("Malformed URL", Endpoint),
    ("MalformedURLException", Endpoint),
    // Node's http client on a proxy or endpoint without a scheme.
    ("Invalid protocol:", Endpoint),
    // cos-go-sdk-v5 (and coscli over it), when the bucket's URL is not
    // `<bucket>-<appid>.cos.<region>.myqcloud.com`.
    (
        "invalid bucket format, please check your cos.BaseURL",
        Endpoint,
    ),
    // Local files.
    ("[Errno 21] Is a directory", Local),
    ("[Errno 2] No such file or directory", Local),
    ("[Errno 13] Permission denied", Local),
    ("[Errno 28] No space left on device", Local),
    // Android's file API (`open failed: EACCES (Permission denied)`), as
    // the SDKs pass it on when a file or their checkpoint cannot be opened.
    ("open failed: EACCES", Local),
    ("open failed: EPERM", Local),
    ("open failed: ENOENT", Local),
    ("open failed: EROFS", Local),
    // cosfs, obsfs and s3fs without the FUSE device (a container run
    // without it, a missing kernel module).
    ("failed to open /dev/fuse", Local),
    ("fuse: device not found", Local),
    ("FileNotFoundException", Local),
    ("NoSuchFileException", Local),
    // The SDK's check of the data's MD5 or CRC64: the AWS and COS Java
    // SDKs, cos-go-sdk-v5, the COS .NET, iOS and Android SDKs.
    ("Unable to verify integrity of data upload", Integrity),
    ("verification failed, want:", Integrity),
    ("crc64 not match", Integrity),
    ("DataIntegrityError", Integrity),
    ("MD5校验与本地不一致", Integrity),
    ("calculate md5 error", Integrity),
    // Otherwise unspecified.
    ("ClientProtocolException", Network),
    // tencentcloud-sdk-go, when the request got no response (`Code=
    // ClientError.NetworkError, Message=Fail to get response because ...`).
    ("Fail to get response because", Network),
    ("EndpointConnectionError", Network),
    ("Could not connect to the endpoint URL", Network),
    ("ENETUNREACH", Network),
    ("EHOSTUNREACH", Network),
    ("No route to host", Network),
    ("Network is unreachable", Network),
    ("CosClientException", Network),
    ("CosClientError", Network),
    ("CosXmlClientException", Network),
    // The COS Java SDK's log of a CosClientException, before and after
    // the comma went (`failed to execute http request, due to client
    // exception, httpRequest: endpoint: ...`).
    ("due to client exception", Network),
    // The same SDK's log of any other exception before a response
    // (`httpClient execute occur a unknow exception`, `... a IOexcepiton`,
    // as its versions spell them).
    ("httpClient execute occur", Network),
    ("Code=-1009", Network),
    ("statusCode: 0", Network),
    ("\"statusCode\":0", Network),
    ("status: 0,", Network),
    ("ResponseCode: -1", Network),
    ("Response code: -1", Network),
    ("HttpStatus: -1", Network),
    ("HttpStatus -1", Network),
    ("HTTP Code: -1", Network),
    ("HttpCode: -1", Network),
    ("\"status\":0,", Cors),
    ("ConnectionError", Network),
    // Go's dialer when the socket was closed under it (a local firewall or
    // network filter).
    ("connect: bad file descriptor", Network),
    // Hadoop has no file system for the path's scheme: the connector
    // (hadoop-cos for `cosn`, hadoop-obs for `obs`) is not on the
    // classpath, and nothing was sent.
    ("No FileSystem for scheme", Sdk),
    // No credentials to sign with, as each client says it: s3fs and
    // cosfs, Open Telekom Cloud's Terraform provider, botocore and the AWS
    // CLI, the AWS SDKs for Go (v1, v2), Java (v1, v2) and JavaScript (v2,
    // v3), and cos-python-sdk-v5.
    (
        "could not determine how to establish security credentials",
        Credentials,
    ),
    ("missing credentials for", Credentials),
    ("Unable to locate credentials", Credentials),
    ("NoCredentialProviders", Credentials),
    (
        "Unable to load AWS credentials from any provider",
        Credentials,
    ),
    (
        "Unable to load credentials from any of the providers",
        Credentials,
    ),
    ("Missing credentials in config", Credentials),
    ("Could not load credentials from any providers", Credentials),
    ("SecretId and SecretKey is Required", Credentials),
];

/// Where `kind` is in [`RANK`] (lower wins).
fn rank(kind: FailureKind) -> usize {
    RANK.iter().position(|k| *k == kind).unwrap_or(RANK.len())
}

/// Which kind wins when a text has signals of several: the most specific.
const RANK: [FailureKind; 12] = [
    Endpoint,
    Dns,
    Tls,
    Refused,
    Timeout,
    Reset,
    Cors,
    // After the network's kinds: a credentials chain that failed because
    // its endpoint did not resolve failed in the network.
    Credentials,
    Integrity,
    Network,
    Local,
    Sdk,
];

pub const SHAPE: Shape = Shape {
    name: "client",
    keywords: &[],
    // Every phrase [`find`] looks for, so that the keywords cannot miss
    // one it would find.
    dynamic: Some(keywords),
    always: false,
    find,
};

/// The phrases this shape reads: its signals, curl's exit-code leads, the
/// marks of an SDK's own failure, and OBS's exception without a response.
fn keywords() -> Vec<&'static str> {
    let mut k: Vec<&'static str> = SIGNALS.iter().map(|(n, _)| *n).collect();
    k.extend(CURL_LEADS);
    k.extend(FAILURE_MARKS);
    k.extend(["Exception", "ObsException: Error message:Request"]);
    k.extend(JS_NETWORK_LEADS);
    k.extend(NODE_FILE_ERRORS);
    k.extend(super::obs_c::SHAPE.keywords);
    k.extend(super::obs_c::BARE);
    k
}

/// Node's fs errors, as an uploader passes them on (`fail to upload files
/// to cos: Error: ENOENT: no such file or directory, open
/// 'build/vicon.ico'`), or as their object (`{ errno: -21, code: 'EISDIR',
/// syscall: 'read' }`). Read only as Node writes them: `ENOENT: ` or an
/// object's `code`, never a name alone (`skipped 2 (ENOENT)`,
/// `err.code === "ENOENT"` in code).
const NODE_FILE_ERRORS: [&str; 5] = ["ENOENT", "EACCES", "EISDIR", "ENOSPC", "EROFS"];

/// Where the first of [`NODE_FILE_ERRORS`] is, written as Node writes it.
fn node_file_error(text: &str) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    NODE_FILE_ERRORS
        .iter()
        .filter_map(|name| {
            text.match_indices(name).find_map(|(at, _)| {
                let end = at + name.len();
                let word_start =
                    at == 0 || !(b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_');
                let message = text[end..].starts_with(": ");
                let before = &text[..at];
                let object = ["code: '", "code: \"", "\"code\":\"", "\"code\": \""]
                    .iter()
                    .any(|lead| before.ends_with(lead))
                    && matches!(b.get(end), Some(b'\'' | b'"'));
                (word_start && (message || object)).then_some((at, end))
            })
        })
        .min()
}

/// How cos-js-sdk-v5's failure object starts when the browser gave it no
/// response (a CORS block or a network error it cannot tell apart): as
/// Node or a console prints it, and as `JSON.stringify` writes it.
const JS_NETWORK_LEADS: [&str; 3] = ["error: 'error'", "error: \"error\"", "\"error\":\"error\""];

/// cos-js-sdk-v5's `{ error: 'error', headers: {} }`, as Node prints it or
/// as the browser's console shows it (`{error: "error" headers: Object}`):
/// where it is.
fn js_network_object(text: &str) -> Option<(usize, usize)> {
    JS_NETWORK_LEADS.iter().find_map(|lead| {
        let at = text.find(lead)?;
        let rest = text[at + lead.len()..].trim_start();
        let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
        (rest.starts_with("headers:") || rest.starts_with("\"headers\":"))
            .then_some((at, at + lead.len()))
    })
}

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    let mut best: Option<(usize, FailureKind, usize, usize)> = None;
    // A failure at `a..z`, kept when its kind ranks before the one so far.
    let offer = |best: &mut Option<(usize, FailureKind, usize, usize)>, kind, a, z| {
        let rank = rank(kind);
        if best.is_none_or(|(r, _, _, _)| rank < r) {
            *best = Some((rank, kind, a, z));
        }
    };
    for &(needle, kind) in SIGNALS {
        // Phrases in any case; identifiers and codes as written.
        let at = if needle.contains(' ') && !CASED.contains(&needle) {
            find_ignore_case(text, needle)
        } else {
            text.find(needle)
        };
        let Some(at) = at else { continue };
        if needle.starts_with("status") && !zero_status(text, at, needle) {
            continue;
        }
        // Go's certificate errors (`x509: certificate signed by unknown
        // authority`): with the word the gate lets them through by.
        if needle == "x509: " && find_ignore_case(text, "certificate").is_none() {
            continue;
        }
        offer(&mut best, kind, at, at + needle.len());
    }
    if let Some((a, z)) = node_file_error(text) {
        offer(&mut best, Local, a, z);
    }
    // The OBS C SDK's own failures (`OBS_STATUS_NameLookupError`, or
    // `NameLookupError` alone as its demos print it).
    if let Some((a, z, kind)) = super::obs_c::failure(text) {
        offer(&mut best, kind, a, z);
    }
    // curl's exit codes, as curl, libcurl and its wrappers print them.
    if let Some((at, len, kind)) = curl_code(text) {
        offer(&mut best, kind, at, at + len);
    }
    // An OBS SDK exception without a response code: the request never
    // got an answer (the SDK says `ResponseCode: 403` when it did).
    if best.is_none()
        && let Some(at) = text.find("ObsException: Error message:Request")
        && !text.contains("ResponseCode")
        && !text.contains("ResponseStatus")
    {
        best = Some((RANK.len(), Network, at, at + "ObsException".len()));
    }
    if best.is_none()
        && let Some((a, z)) = js_network_object(text)
    {
        best = Some((rank(Cors), Cors, a, z));
    }
    // An exception raised inside a COS or OBS SDK, with nothing of a
    // response around it: the SDK failed on its own.
    if best.is_none()
        && let Some((a, z)) = sdk_failure(text)
    {
        best = Some((RANK.len(), Sdk, a, z));
    }
    let Some((_, kind, a, z)) = best else {
        return;
    };
    // The same failure on later lines, for other hosts (a plugin that
    // could resolve neither of its two endpoints), is another failure;
    // for the same host or none, the same one retried or explained.
    let said = &text[a..z];
    let mut hosts: Vec<&str> = Vec::new();
    let mut from = a;
    while hosts.len() < 8 {
        let Some(i) = text[from..].find(said) else {
            break;
        };
        let at = from + i;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        from = line_end;
        let host = endpoint(text, line_start, line_end);
        if at != a && host.is_none_or(|(_, h)| hosts.contains(&h) || hosts.is_empty()) {
            continue;
        }
        // The line that says so, as the failure's text.
        let line = text[line_start..line_end].trim();
        out.push(
            at..at + said.len(),
            Kind::Client {
                kind,
                text: cut_str(line, 1024).to_owned(),
                endpoint: host.map(|(_, h)| h.to_owned()),
            },
        );
        if let Some((h_at, host)) = host {
            out.push(h_at..h_at + host.len(), Kind::Endpoint(host.to_owned()));
            hosts.push(host);
        } else {
            // Without a host, later lines cannot tell another failure.
            break;
        }
    }
}

/// What comes before curl's exit code.
const CURL_LEADS: [&str; 8] = [
    "curl: (",
    // The C SDKs of COS (and of OSS and TOS, the same code): `transport
    // failure curl code:1 error:Unsupported protocol`.
    "transport failure curl code:",
    "cURL error ",
    "curl error ",
    "libcurl error ",
    "CURLcode = ",
    "CURLcode: ",
    "CURLcode ",
];

/// What marks an SDK's own failure, besides an exception's class.
const FAILURE_MARKS: [&str; 9] = [
    "panic:",
    "Fatal error",
    // PHP's own errors (`Call to undefined method`), thrown inside the SDK
    // (a Guzzle of another version, loaded first), uncaught or logged.
    "Uncaught Error: ",
    "Call to undefined ",
    // JavaScript's, for an argument the SDK could not use, or its own bug.
    "TypeError",
    "ReferenceError",
    "ERROR:",
    "must be compatible",
    "error: exit status",
];

/// curl's exit code in `curl: (6)`, `cURL error 28`, `libcurl error 52`,
/// `CURLcode = 3`, `CURLcode: 7`, `curl code:1`: where, how long, and what
/// it means.
fn curl_code(text: &str) -> Option<(usize, usize, FailureKind)> {
    for lead in CURL_LEADS {
        let Some(i) = text.find(lead) else { continue };
        let rest = &text[i + lead.len()..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(n) = rest[..digits].parse::<u16>() else {
            continue;
        };
        let kind = match n {
            3 => Endpoint,
            5 | 6 => Dns,
            7 => Refused,
            28 => Timeout,
            35 | 51 | 53 | 54 | 58 | 59 | 60 | 66 | 77 | 80 | 82 | 83 | 90 | 91 => Tls,
            18 | 52 | 55 | 56 => Reset,
            _ => Network,
        };
        return Some((i, lead.len() + digits, kind));
    }
    None
}

/// Where the SDKs' own code shows in a stack trace or a message.
const SDK_MARKS: [&str; 21] = [
    "cos.BaseURL",
    // The PHP SDK's package, and the folder plugins bundle it in.
    "cos-sdk-v5/",
    "com.qcloud.cos",
    "qcloud_cos",
    "COSXML.",
    "CosNativeFileSystemStore",
    "cos-nodejs-sdk",
    "cos-go-sdk",
    "Qcloud\\Cos",
    "com.obs.services",
    // hadoop-obs (OBSA), the Hadoop file system of OBS.
    "org.apache.hadoop.fs.obs.",
    "OBS.ObsException",
    "OBS.Internal",
    "Obs\\Internal",
    "esdk-obs",
    "obsfs:",
    "huaweicloud-sdk-go-obs",
    // esdk-obs-python's module and its documented client object.
    "/obs/client.py",
    "obsClient.",
    // The OBS Java SDK's ObsException, as its toString() starts (with
    // the SDK's spelling, and with it fixed).
    "OBS servcie Error Message",
    "OBS service Error Message",
];

/// Exceptions that report a response (when read right, they are the
/// service's errors, not the SDK's own).
const SERVICE_EXCEPTIONS: [&str; 5] = [
    "CosServiceException",
    "CosServiceError",
    "CosXmlServiceException",
    // The COS PHP SDK's, for a response with an error.
    "ServiceResponseException",
    "ResponseCode",
];

/// An exception, panic or fatal error in a record that shows a COS or
/// OBS SDK's code and no service exception: the line that says so.
fn sdk_failure(text: &str) -> Option<(usize, usize)> {
    if !SDK_MARKS.iter().any(|m| text.contains(m))
        || SERVICE_EXCEPTIONS.iter().any(|m| text.contains(m))
    {
        return None;
    }
    // An exception's class (`...Exception:`, at the end of a word), not a
    // method whose name holds the word (`changeFromServiceException(`).
    let exception = text.match_indices("Exception").find_map(|(i, m)| {
        let after = text[i + m.len()..].chars().next();
        after
            .is_none_or(|c| c == ':' || c.is_whitespace())
            .then_some(i)
    });
    // A Python traceback's last line (`ValueError: read of closed file`),
    // a JavaScript error (`Error: "start" option must be <= "end"
    // option`), also behind a log's prefix: an error's class as a word
    // of its own.
    let error_class = text.match_indices("Error: ").find_map(|(i, _)| {
        let start = text[..i].rfind('\n').map_or(0, |j| j + 1);
        let word = text[start..i]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(start, |(j, c)| start + j + c.len_utf8());
        let name = &text[word..i];
        ((name.is_empty() || name.starts_with(|c: char| c.is_ascii_uppercase()))
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_'))
        .then_some(start)
    });
    let at = FAILURE_MARKS
        .iter()
        .filter_map(|m| text.find(m))
        .chain(exception)
        .chain(error_class)
        .min()?;
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    Some((start, end))
}

/// `statusCode: 0` must be followed by a non-digit.
fn zero_status(text: &str, at: usize, needle: &str) -> bool {
    !text[at + needle.len()..]
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit())
        || needle.ends_with(',')
}

fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    let upper = n[0].to_ascii_uppercase();
    let mut i = 0;
    while i + n.len() <= h.len() {
        let p = memchr::memchr2(first, upper, &h[i..=h.len() - n.len()])?;
        let at = i + p;
        if h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// The host the failing line names: after `ENOTFOUND `, `lookup `,
/// `resolve host: `, `UnknownHostException: `, in a URL, or any word
/// with a dot that looks like a host name.
fn endpoint(text: &str, a: usize, z: usize) -> Option<(usize, &str)> {
    let line = &text[a..z];
    for lead in [
        "ENOTFOUND ",
        "EAI_AGAIN ",
        "lookup ",
        "resolve host: ",
        "resolve host ",
        // curl from 8.x: `Could not resolve: HOST (Domain name not found)`.
        "Could not resolve: ",
        "UnknownHostException: ",
        "endpoint URL: \"",
        "endpoint URL: ",
        "Failed to connect to ",
        "host='",
        "host=\"",
        "Host: ",
    ] {
        if let Some(i) = line.find(lead) {
            let rest = &line[i + lead.len()..];
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ',' | ')' | ';'))
                .unwrap_or(rest.len());
            let host = rest[..end].trim_end_matches(['.', ':']);
            if host.contains('.') && host.len() <= 512 {
                return Some((a + i + lead.len(), host));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};
    use crate::decode::{FailureKind, Origin};

    /// github.com/tencentyun/cos_ftp_v4 issues 1: the old COS C++ SDK
    /// reports its own failure under a number of its own, which is no
    /// service's code; and `network error` is not a browser's CORS block.
    #[test]
    fn an_sdks_network_error_under_its_own_number() {
        let f = one(
            r#"E0316 02:34:30.085721 30905 /a/dep/cos-cpp-sdk/src/op/BaseOp.cpp:41] FolderList, op_result: {"code":-2,"message":"network error"}"#,
        );
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Network));
        assert_eq!(f.number, Some(-2));
        // A number the service documents is the service's answer, even
        // with those words (COS's legacy JSON API: -97).
        let f = one(r#"{"code":-97,"message":"network error"}"#);
        assert_eq!(f.origin, Origin::Service);
        // As axios and browsers write it, a CORS block; in capitals, the
        // network's.
        let kind = |t: &str| one(t).failure.map(|x| x.kind);
        assert_eq!(kind("Error: Network Error"), Some(FailureKind::Cors));
        assert_eq!(
            kind("上传图片报错：CORS blocked or network error"),
            Some(FailureKind::Cors)
        );
        assert_eq!(
            kind("upload failed: NETWORK ERROR"),
            Some(FailureKind::Network)
        );
    }

    /// Asserts that `text` gives no client failure.
    fn no_client_failure(text: &str) {
        let e = errors(text);
        assert!(
            e.iter().all(|x| x.found.origin != Origin::Client),
            "{text}: {e:?}"
        );
    }

    fn failure(text: &str) -> (FailureKind, Option<String>) {
        let f = one(text);
        assert_eq!(f.origin, Origin::Client, "{text}");
        let fl = f.failure.expect("a failure");
        (fl.kind, fl.endpoint)
    }

    #[test]
    fn pythons_certificate_error_and_a_lost_connection() {
        // github.com/scrapinghub/shub-workflow issues 6
        let f = one(
            "CertificateError: hostname 'my.bucketname.s3.amazonaws.com' doesn't match either of '*.s3.amazonaws.com', 's3.amazonaws.com'",
        );
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Tls));
        let f = one("Error: Failed to upload to S3 - Network connection lost.");
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Reset));
        // aliyun/aliyun-oss-cpp-sdk issues 70: libcurl's words for curl 52.
        let f = one(
            "\"PutObject fail, code ClientError:200052, message Server returned nothing (no headers, no data), requestId:\"",
        );
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Reset));
    }

    #[test]
    fn tencentcloud_sdk_go_without_a_response() {
        // github.com/TencentCloud/kubernetes-csi-tencentcloud issues 122
        let f = one(
            "[TencentCloudSDKError] Code=ClientError.NetworkError, Message=Fail to get response because Post \"https://cfs.internal.tencentcloudapi.com/\": net/http: invalid header field value \"TC3-HMAC-SHA256 Credential=****\" for key Authorization, RequestId=",
        );
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Network));
    }

    #[test]
    fn the_tencent_cloud_api_sdks_network_code() {
        // github.com/zfb132/qcloud-ssl-cdn issues 17: the SDK's own code
        // for a request that got no answer, beside the failure's words.
        let f = one(
            "[TencentCloudSDKException] code:ClientNetworkError message:HTTPSConnectionPool(host='ssl.tencentcloudapi.com', port=443): Max retries exceeded with url: / (Caused by NameResolutionError(\"<urllib3.connection.HTTPSConnection object at 0x7f789475f080>: Failed to resolve 'ssl.tencentcloudapi.com' ([Errno -3] Try again)\")) requestId:None",
        );
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Dns));
    }

    /// .NET's WebException (duplicati/duplicati issue 4809,
    /// huaweicloud-sdk-dotnet-obs issues 18 and 25), Go's closed
    /// connection (cos-go-sdk-v5 issue 163), Node's certificate names
    /// (TencentCloud/cosbrowser issue 85), the COS Java SDK's logs
    /// (tencentyun/cos-java-sdk-v5 issue 82).
    #[test]
    fn dotnet_go_node_and_the_cos_java_sdk() {
        for (text, kind) in [
            (
                "it shows \"Error: NameResolutionFailure\" when i run test",
                FailureKind::Dns,
            ),
            (
                "C# OBS net45 SDK 上传文件或者下载文件 报错 基础连接已经关闭: 发送时发生错误",
                FailureKind::Reset,
            ),
            (
                "The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel.",
                FailureKind::Tls,
            ),
            (
                "put object, 偶而会出现, write tcp 172.18.x.x -> 121.4.234.x:443 use of closed network connection ",
                FailureKind::Reset,
            ),
            (
                "点击bucket list查看文件的时候，报错 ERR_TLS_CERT_ALTNAME_INVALID",
                FailureKind::Tls,
            ),
            (
                "ERROR com.qcloud.cos.http.DefaultCosHttpClient.exeute:498 - httpClient execute occur a unknow exception, httpRequest: endpoint: b-1250000000.cos.ap-beijing.myqcloud.com, httpMethod: HEAD",
                FailureKind::Network,
            ),
        ] {
            assert_eq!(failure(text).0, kind, "{text}");
        }
    }

    /// An error's class as a word of its own, behind any blank (a
    /// full-width one too: found by fuzzing, it once cut a character).
    #[test]
    fn an_sdks_own_error_behind_a_prefix() {
        let text = "2018-04-09 10:38:12.723 58f05b19  Error: \"start\" option must be <= \"end\" option\n    at COS.uploadSliceItem (/var/www/node_modules/cos-nodejs-sdk-v5/sdk/advance.js:486:19)\n";
        assert_eq!(failure(text).0, FailureKind::Sdk);
        assert_eq!(
            failure("com.qcloud.cos x\n\u{3000}Error: boom\n").0,
            FailureKind::Sdk
        );
        no_client_failure("com.qcloud.cos x\nnoError: boom\n");
    }

    /// Real cases of the corpus that the new signals read:
    /// github.com/tencentyun/cos-js-sdk-v5 issues 70 (and the corpus case
    /// cos-js-sdk-cors-network-error-object), Molunerfinn/PicGo issues 958,
    /// huaweicloud/terraform-provider-huaweicloud issues 3272,
    /// tencentyun/cosfs issues 8, huaweicloud-sdk-python-obs issues 15.
    #[test]
    fn more_failures_people_paste() {
        assert_eq!(
            failure("上传失败只返回只返回一个{error: \"error\" headers: Object}的对象").0,
            FailureKind::Cors
        );
        assert_eq!(
            failure("`{ error: 'error', headers: {} }`").0,
            FailureKind::Cors
        );
        // OkHttp (github.com/tencentyun/qcloud-sdk-android issues 18).
        assert_eq!(
            failure("java.io.IOException: unexpected end of stream on Connection{uat-upload-cos.example.cn:443, proxy=DIRECT hostAddress=uat-upload-cos.example.cn/119.147.127.251:443 cipherSuite=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 protocol=http/1.1}\nCaused by: java.io.EOFException: \\n not found: limit=0 content=…").0,
            FailureKind::Reset
        );
        // cos-js-sdk-v5's own words, quoted by COS's FAQ
        // (tencentyun/intlcloud-documents, 跨域访问).
        let f = one(
            "上传提示错误“get ETag error, please add \"ETag\" to CORS ExposeHeader setting.”该如何处理？",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Cors));
        assert_eq!(f.provider, Some(crate::catalog::Provider::Cos));
        assert!(errors("{ error: 'error' }").is_empty());
        // PHP's own error inside the COS PHP SDK (sync-qcloud-cos issue
        // 17: a Guzzle from another plugin; the paste lost its first
        // letter).
        let f = one(
            "atal error: Uncaught Error: Call to undefined method GuzzleHttp\\Psr7\\Uri::resolve() in /data/wwwroot/jikexingkong/wp-content/plugins/sync-qcloud-cos/cos-sdk-v5/vendor/guzzlehttp/guzzle-services/src/Serializer.php:161 Stack trace: #0 /data/wwwroot/jikexingkong/wp-content/plugins/sync-qcloud-cos/cos-sdk-v5/vendor/qcloud/cos-sdk-v5/src/Qcloud/Cos/Client.php(193): GuzzleHttp\\Command\\Guzzle\\Serializer->__invoke()",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Sdk));
        assert_eq!(f.provider, Some(crate::catalog::Provider::Cos));
        // As Laravel logs it (freyo/flysystem-qcloud-cos-v5 issue 46).
        assert_eq!(
            failure("[2021-08-17 19:17:31] local.ERROR: Call to undefined function GuzzleHttp\\Psr7\\stream_for() {\"userId\":1,\"exception\":\"[object] (Error(code: 0): Call to undefined function GuzzleHttp\\\\Psr7\\\\stream_for() at /var/www/admin/vendor/qcloud/cos-sdk-v5/src/Qcloud/Cos/Client.php:215)").0,
            FailureKind::Sdk
        );
        // A class of hadoop-obs missing from the job's JARs (Open Telekom
        // Cloud's DLI FAQ): the connector failed before any request.
        let f = one(
            "   Caused by: java.lang.RuntimeException: java.lang.ClassNotFoundException: Class org.apache.hadoop.fs.obs.metrics.OBSAMetricsProvider not found\n    at org.apache.hadoop.conf.Configuration.getClass(Configuration.java:2664)\n",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Sdk));
        assert_eq!(f.provider, Some(crate::catalog::Provider::Obs));
        // The COS PHP SDK's exception for a service's error is not the
        // SDK's own failure (freyo/flysystem-qcloud-cos-v5 issue 45).
        let f = one(
            "Qcloud\\Cos\\Exception\\ServiceResponseException: Access Denied. in file /app/vendor/qcloud/cos-sdk-v5/src/Qcloud/Cos/ExceptionMiddleware.php on line 61\n\n#0 /app/vendor/qcloud/cos-sdk-v5/src/Qcloud/Cos/ExceptionMiddleware.php(57): Qcloud\\Cos\\ExceptionMiddleware->createException()\n",
        );
        assert_eq!(f.failure, None);
        assert_eq!(f.origin, crate::decode::Origin::Service);
        // A JavaScript error inside cos-nodejs-sdk-v5: its own bug
        // (tencentyun/cos-nodejs-sdk-v5 issue 223, the issue's title).
        let f = one(
            "上传运行中的jupyter文件失败，直接导致cos崩溃，控制台报错【ReferenceError: _err is not defined at Array. <anonymous> (/root/. local/share/code-server/extensions/cloudstudio.file-load-0.0.5/node modules/cos-nodejs-sdk-v5/sdk/a",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Sdk));
        assert_eq!(f.provider, Some(crate::catalog::Provider::Cos));
        // COS's COSFS FAQ (tencentyun/intlcloud-documents): no FUSE device
        // in a container.
        assert_eq!(
            failure("使用 docker 挂载 COSFS 时，报错显示：fuse: failed to open /dev/fuse: Operation not permitted，该如何处理？").0,
            FailureKind::Local
        );
        // The SDKs' checks of the data after an upload: an S3-compatible
        // store's FAQ (the AWS Java SDK), COS's Android and iOS SDK FAQs
        // (tencentyun/intlcloud-documents).
        for text in [
            "Error when uploading file using java SDK ：Unable to verify integrity of data upload.  Client calculated content hash (contentMD5: E+6KS0B2pNPJ272XbG92fw== in base 64) didn't match hash (etag: 359740e5918c395b6e35a2c612582e42 in hex) calculated by Amazon S3",
            "上传时报错 calculate md5 error，该如何处理？",
            "集成 SDK 后使用高级接口上传报错`上传过程中MD5校验与本地不一致，请检查本地文件在上传过程中是否发生了变化`",
        ] {
            assert_eq!(failure(text).0, FailureKind::Integrity, "{text}");
        }
        // The same object as JSON.stringify writes it (cos-js-sdk-v5
        // issues 60).
        assert_eq!(
            failure("移动端部分机型报错，返回的错误信息如下\n{\"error\":\"error\",\"headers\":{}}")
                .0,
            FailureKind::Cors
        );
        // cos-go-sdk-v5's check of the bucket's URL (Tencent/WeKnora
        // issues 297), before any request.
        let f = one(
            "3.页面知识库上传文档提示报错failed to upload file to COS: invalid bucket format, please check your cos.BaseURL。",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Endpoint));
        assert_eq!(f.provider, Some(crate::catalog::Provider::Cos));
        assert_eq!(
            failure("RequestError: Error: Invalid protocol: 127.0.0.1:").0,
            FailureKind::Endpoint
        );
        assert_eq!(
            failure("Last error was: dial tcp 49.4.121.52:443: connect: bad file descriptor").0,
            FailureKind::Network
        );
    }

    /// Node's fs errors passed on by an uploader (TencentCloud/cos-action
    /// issue 22).
    #[test]
    fn node_file_errors_are_local() {
        let f = one(
            "Error: fail to upload files to cos: Error: ENOENT: no such file or directory, open 'build/vicon.ico'",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Local));
        assert_eq!(
            failure("Error: EACCES: permission denied, open '/data/a.jpg'").0,
            FailureKind::Local
        );
        // TencentCloud/cosbrowser issue 13: the error object itself.
        assert_eq!(
            failure("出现这个错误, 文件停止上传 { errno: -21, code: 'EISDIR', syscall: 'read' }").0,
            FailureKind::Local
        );
        assert_eq!(
            failure("Error: getaddrinfo ENOENT b.cos.ap-beijing.myqcloud.com").0,
            FailureKind::Dns
        );
        // A name alone is no failure: a summary, code that tests for it,
        // a longer word.
        for text in [
            "Uploaded 12 files to cos://bucket, skipped 2 (ENOENT)",
            "if (err.code === \"ENOENT\") return defaults;",
            "fs.readFile: EACCESSIBLE flag set",
            "ZEROFS_ENABLED=true, mount failed",
        ] {
            no_client_failure(text);
        }
    }

    /// Hadoop without the connector for the path's scheme (StarRocks
    /// issue 8721; hudi's `No FileSystem for scheme "s3"`).
    #[test]
    fn no_file_system_for_the_scheme() {
        let f = one(
            "[42000][1064] com.starrocks.common.DdlException: get partition detail failed: com.starrocks.common.DdlException: get hive partition meta data failed: No FileSystem for scheme “obs”",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Sdk));
        assert_eq!(f.provider, Some(crate::catalog::Provider::Obs));
        let f = one(
            "Caused by: org.apache.hadoop.fs.UnsupportedFileSystemException: No FileSystem for scheme \"s3\"",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Sdk));
        assert_eq!(f.provider, None);
    }

    /// No credentials to sign with: the request was never sent.
    #[test]
    fn no_credentials() {
        // tests/corpus/real/client-cosfs-no-credentials-config.txt and
        // opentelekomcloud/terraform-provider-opentelekomcloud issue 713.
        for text in [
            "cosfs: could not determine how to establish security credentials.",
            "Error: Error creating OpenTelekomCloud OBS client: missing credentials for OBS, need access_key and secret_key or security_token values for provider",
            "botocore.exceptions.NoCredentialsError: Unable to locate credentials",
            "NoCredentialProviders: no valid providers in chain. Deprecated.",
            "com.amazonaws.SdkClientException: Unable to load AWS credentials from any provider in the chain",
            "CredentialsError: Missing credentials in config",
            "qcloud_cos.cos_exception.CosClientError: SecretId and SecretKey is Required!",
        ] {
            assert_eq!(failure(text).0, FailureKind::Credentials, "{text}");
        }
        // A chain that failed in the network: the network's kind.
        assert_eq!(
            failure("NoCredentialProviders: no valid providers in chain\ncaused by: EC2RoleRequestError: no EC2 instance role found\ncaused by: RequestError: send request failed\ncaused by: Get http://169.254.169.254/latest/meta-data/iam/security-credentials/: dial tcp 169.254.169.254:80: i/o timeout").0,
            FailureKind::Timeout
        );
        // Words about credentials that are no failure to find them.
        for text in [
            "loaded credentials from the environment",
            "2024-05-01T10:00:00Z INFO credentials: failed to retrieve credentials from IMDS, falling back to static keys; upload ok",
        ] {
            no_client_failure(text);
        }
        // huaweicloud-sdk-java-obs issue 159 (Android): the SDK could not
        // open its resumable upload's record file.
        let f = one(
            "ObsException: /storage/emulated/0/DCIM/Screenshots/Screenshot_2024-07-24-16-12-11-069_com.eostre.app.stg.jpg.uploadFile_record: open failed: EPERM (Operation not permitted)",
        );
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Local));
        assert_eq!(f.provider, Some(crate::decode::Provider::Obs));
        assert_eq!(
            failure("  File \"/root/airflow/dags/obs/client.py\", line 704, in _send_request\n    entity(util.conn_delegate(conn))\nValueError: read of closed file").0,
            FailureKind::Sdk
        );
    }

    /// The COS C SDK's log when the request was never sent (its FAQ,
    /// tencentyun/intlcloud-documents, 使用 C SDK 出现 HttpIOError 错误):
    /// `HttpIoError` and a negative `status->code` are the SDK's own, and
    /// curl's code is not the service's.
    #[test]
    fn the_c_sdk_says_no_response_came() {
        let f = one(
            "transport failure curl code:1 error:Unsupported protocol\nstatus->code: -996\nstatus->error_code: HttpIoError\nstatus->error_msg: Unsupported protocol\nstatus->req_id:\n",
        );
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Network));
        assert_eq!(f.code.as_deref(), Some("HttpIoError"));
        assert_eq!(f.number, Some(-996));
        assert_eq!(f.request_id, None);
    }

    #[test]
    fn kinds_of_failure() {
        assert_eq!(
            failure("Error: getaddrinfo ENOTFOUND b-125.cos.ap-nowhere.myqcloud.com"),
            (
                FailureKind::Dns,
                Some("b-125.cos.ap-nowhere.myqcloud.com".to_owned())
            )
        );
        assert_eq!(
            failure("dial tcp: lookup b.cos.ap-x.myqcloud.com on 127.0.0.53:53: no such host").0,
            FailureKind::Dns
        );
        assert_eq!(
            failure("curl: (7) Failed to connect to localhost port 80").0,
            FailureKind::Refused
        );
        assert_eq!(
            failure("java.net.SocketTimeoutException: Read timed out").0,
            FailureKind::Timeout
        );
        assert_eq!(
            failure("x509: certificate signed by unknown authority").0,
            FailureKind::Tls
        );
        assert_eq!(failure("Error: socket hang up").0, FailureKind::Reset);
        // qcloud-documents, the COS Android SDK's FAQ.
        assert_eq!(
            failure(
                "java.security.cert.CertPathValidatorException: Trust anchor for certification path not found"
            )
            .0,
            FailureKind::Tls
        );
    }

    #[test]
    fn configuration_is_not_a_failure() {
        for text in [
            "connect timeout set to 30s",
            "using SSL for b.cos.ap-beijing.myqcloud.com",
            "readTimeout=30000",
        ] {
            no_client_failure(text);
        }
    }
}
