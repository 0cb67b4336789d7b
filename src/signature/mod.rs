//! Diagnoses signature and signing-time errors (`SignatureDoesNotMatch`,
//! `RequestTimeTooSkewed`, "Request has expired"): rebuilds what the
//! request as sent should have been signed over, compares it with what the
//! server says it computed, and, with the user's secret key, finds what the
//! client actually signed.
//!
//! Three schemes: COS's `q-sign-algorithm=sha1` ([`cos`]), the
//! `OBS AK:sig` / `AWS AK:sig` V2 scheme and AWS V4 as S3-compatible
//! servers (OBS among them) report it ([`s3`]).
//!
//! # Choices
//! - Decode keeps what a check rests on ([`Material`]) only on the errors
//!   that are signature or signing-time errors: every other error pays a
//!   comparison of its code, nothing more.
//! - A verdict rests only on inputs that were all present; whatever is
//!   absent is named in `missing`, with what to paste or set.
//! - The key is read from an environment variable named by the user or by
//!   convention, never from the command line; it is never printed,
//!   logged or put in JSON (only the variable's name is), and [`Key`]'s
//!   `Debug` hides it. The signature sent and security tokens are secrets
//!   too (a presigned URL is a credential until it expires): no output
//!   shows them.

use std::fmt;

use base64::Engine;
use hmac::{Hmac, Mac};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use sha1::{Digest, Sha1};
use sha2::Sha256;

use crate::catalog::Provider;
use crate::decode::{Found, Vendor, reqid};

pub mod cos;
pub mod request;
pub mod s3;
mod search;

pub use request::Request;

/// The conventional variables of a COS secret key, in the order read.
pub const COS_KEY_VARS: [&str; 3] = ["COS_SECRETKEY", "COS_SECRET_KEY", "TENCENTCLOUD_SECRET_KEY"];
/// The conventional variables of an OBS secret access key.
pub const OBS_KEY_VARS: [&str; 2] = ["OBS_SECRET_ACCESS_KEY", "HUAWEI_CLOUD_SECRET_ACCESS_KEY"];

/// What a signature check rests on, kept by decode from the error's record.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Material {
    /// The request the error answers, as the input shows it.
    pub request: Option<Request>,
    /// The server's `FormatString` (COS), XML-unescaped.
    pub format_string: Option<String>,
    /// The server's `StringToSign`.
    pub string_to_sign: Option<String>,
    /// The server's `CanonicalRequest` (S3-compatible V4).
    pub canonical_request: Option<String>,
    /// The server's `SignatureProvided`: the signature it received.
    pub signature_provided: Option<String>,
    /// A field above was cut (at decode's field limit, or by the paste).
    pub cut: Vec<&'static str>,
}

impl fmt::Debug for Material {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Material")
            .field("request", &self.request)
            .field("format_string", &self.format_string.is_some())
            .field("string_to_sign", &self.string_to_sign.is_some())
            .field("canonical_request", &self.canonical_request.is_some())
            .finish_non_exhaustive()
    }
}

/// Whether an error is one a signature check speaks to: by its code, or
/// an access denial whose message is about the signing time.
pub fn is_signing_error(code: Option<&str>, message: Option<&str>) -> bool {
    let Some(code) = code else {
        return false;
    };
    let eq = |c: &str| code.eq_ignore_ascii_case(c);
    if eq("SignatureDoesNotMatch")
        || eq("RequestTimeTooSkewed")
        || eq("InvalidAccessKeyId")
        || eq("RequestExpired")
    {
        return true;
    }
    eq("AccessDenied")
        && message.is_some_and(|m| {
            let m = m.to_ascii_lowercase();
            m.contains("expired") || m.contains("not yet valid")
        })
}

/// Keeps what a check needs: the request from `before` (the error's
/// record up to the error), the server's strings from `body` (the record
/// from the error on). `found` gives the body's fields decode read.
pub fn capture(before: &str, body: &str, found: &Found) -> Material {
    let text = body;
    // Each field is looked for only where its name occurs: most signing
    // errors (an SDK's one-line report, a bare body) hold none.
    let field = |name: &str| -> Option<String> {
        if !text.contains(name) {
            return None;
        }
        found
            .extra
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
            .filter(|v| !v.contains(crate::decode::redact::REDACTED))
            .or_else(|| request::xml_field(text, name))
            .or_else(|| request::kv_field(text, name))
            .filter(|v| !v.trim().is_empty())
    };
    let mut m = Material {
        request: may_hold_request(before)
            .then(|| request::find(before))
            .flatten(),
        format_string: field("FormatString"),
        string_to_sign: field("StringToSign"),
        canonical_request: field("CanonicalRequest"),
        signature_provided: field("SignatureProvided")
            .and_then(|_| request::xml_field(text, "SignatureProvided"))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()),
        cut: Vec::new(),
    };
    for (name, v) in [
        ("FormatString", &m.format_string),
        ("StringToSign", &m.string_to_sign),
        ("CanonicalRequest", &m.canonical_request),
    ] {
        if v.is_none() {
            continue;
        }
        let cut_note = found
            .notes
            .iter()
            .any(|n| n.contains(&format!("<{name}>")) || n.contains(&format!("{name} was cut")));
        if cut_note {
            m.cut.push(name);
        }
    }
    m
}

/// Whether `text` may hold a signed request: an Authorization header
/// (`authorization:` in HTTP/2 traces) or a signature in a URL. A request
/// without either is of no use to a check.
pub fn may_hold_request(text: &str) -> bool {
    text.contains("uthorization") || text.contains("ignature=")
}

/// A secret key read from the environment. Its `Debug` and `Display` never
/// show the value.
#[derive(Clone)]
pub struct Key {
    value: String,
    /// The variable it came from.
    pub source: String,
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key {{ source: {:?}, value: <hidden> }}", self.source)
    }
}

impl Key {
    /// A key with a value, for tests and embedders; `source` names where it
    /// came from.
    pub fn new(value: impl Into<String>, source: impl Into<String>) -> Key {
        Key {
            value: value.into(),
            source: source.into(),
        }
    }

    /// What is wrong with the key for signing, if anything: every scheme
    /// here takes a key of printable ASCII without spaces (COS keys are 32
    /// letters and digits, OBS's 40).
    pub fn problem(&self) -> Option<String> {
        let v = &self.value;
        if v.is_empty() {
            return Some(format!("{} is set but empty", self.source));
        }
        if v.trim() != v {
            return Some(format!(
                "the key in {} starts or ends with white space (a copied newline?)",
                self.source
            ));
        }
        if !v.bytes().all(|b| b.is_ascii_graphic()) {
            return Some(format!(
                "the key in {} holds characters no secret key has (spaces, control or non-ASCII characters)",
                self.source
            ));
        }
        None
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        self.value.as_bytes()
    }
}

/// The keys a check may use, by provider family.
#[derive(Clone, Debug, Default)]
pub struct Keys {
    /// `--secret-key-env NAME`: the variable's name and its key when set.
    pub named: Option<(String, Option<Key>)>,
    pub cos: Option<Key>,
    pub obs: Option<Key>,
}

impl Keys {
    /// Reads the keys from the environment through `var`: the named
    /// variable, else the conventional ones.
    pub fn read(named: Option<&str>, var: impl Fn(&str) -> Option<String>) -> Keys {
        let first = |names: &[&str]| names.iter().find_map(|n| var(n).map(|v| Key::new(v, *n)));
        Keys {
            named: named.map(|n| (n.to_owned(), var(n).map(|v| Key::new(v, n)))),
            cos: first(&COS_KEY_VARS),
            obs: first(&OBS_KEY_VARS),
        }
    }

    /// The key for a scheme, or what to say about its absence. A COS
    /// signature takes a COS key; an S3-style one the key of the vendor
    /// that answered, else whichever is set (OBS's first).
    pub(crate) fn for_scheme(
        &self,
        scheme: Scheme,
        vendor: Option<Vendor>,
    ) -> Result<&Key, String> {
        if let Some((name, key)) = &self.named {
            return key.as_ref().ok_or_else(|| {
                format!("the secret key: {name} (given with --secret-key-env) is not set")
            });
        }
        let vendor = if scheme == Scheme::Cos {
            Some(Vendor::Tencent)
        } else {
            vendor
        };
        let (key, vars) = match vendor {
            Some(Vendor::Tencent) => (self.cos.as_ref(), COS_KEY_VARS.join(" or ")),
            Some(Vendor::Huawei) => (self.obs.as_ref(), OBS_KEY_VARS.join(" or ")),
            None => (
                self.obs.as_ref().or(self.cos.as_ref()),
                format!(
                    "{} (OBS) or {} (COS)",
                    OBS_KEY_VARS.join(" or "),
                    COS_KEY_VARS.join(" or ")
                ),
            ),
        };
        key.ok_or_else(|| {
            format!("the secret key: set {vars} (or name another variable with --secret-key-env)")
        })
    }
}

/// The signing scheme of a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// COS `q-sign-algorithm=sha1`.
    Cos,
    /// `Authorization: OBS AK:sig`, or `AccessKeyId`/`Signature` in a URL.
    ObsV2,
    /// `Authorization: AWS AK:sig`, or `AWSAccessKeyId`/`Signature`.
    AwsV2,
    /// `AWS4-HMAC-SHA256`.
    V4,
}

impl Scheme {
    pub fn title(self) -> &'static str {
        match self {
            Scheme::Cos => "COS signature (q-sign-algorithm=sha1)",
            Scheme::ObsV2 => "OBS signature V2 (OBS AK:signature)",
            Scheme::AwsV2 => "S3 signature V2 (AWS AK:signature)",
            Scheme::V4 => "S3 signature V4 (AWS4-HMAC-SHA256)",
        }
    }

    /// The identifier used in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Scheme::Cos => "cos-sha1",
            Scheme::ObsV2 => "obs-v2",
            Scheme::AwsV2 => "aws-v2",
            Scheme::V4 => "aws-v4",
        }
    }
}

/// What the check concluded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The request as sent and the server's string differ: something
    /// between them changed the request, or the paste mixes two.
    RequestDiffers,
    /// A variant of the request explains the signature sent.
    SignedOtherRequest,
    /// The key signs the server's string to the signature sent: the
    /// service holds another key for this access key ID.
    KeyNotForAccessKey,
    /// No variant explains the signature: another key signed it.
    DifferentKey,
    Expired,
    NotYetValid,
    /// No key: the request as sent and the server's string agree.
    StringsAgree,
    Undetermined,
}

impl Verdict {
    /// The identifier used in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::RequestDiffers => "request_differs",
            Verdict::SignedOtherRequest => "signed_other_request",
            Verdict::KeyNotForAccessKey => "key_not_for_access_key",
            Verdict::DifferentKey => "different_key",
            Verdict::Expired => "expired",
            Verdict::NotYetValid => "not_yet_valid",
            Verdict::StringsAgree => "strings_agree",
            Verdict::Undetermined => "undetermined",
        }
    }
}

/// One difference between two versions of a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// `method`, `path`, `param`, `header`, `key_time`, `time`,
    /// `resource`, `content_type`, `content_md5`, `date`.
    pub part: &'static str,
    /// Lower case: the header's or parameter's name; the part's for the
    /// others.
    pub name: String,
    /// The value in the request as sent.
    pub sent: String,
    /// The server's value (`expected`), or what the client signed
    /// (`signed`, for [`Verdict::SignedOtherRequest`]).
    pub other: String,
}

/// The two strings shown aligned: labels and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strings {
    pub left: (&'static str, String),
    pub right: (&'static str, String),
}

/// The outcome of a check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub scheme: Option<Scheme>,
    pub verdict: Verdict,
    pub first_difference: Option<Difference>,
    /// For a pair of changes: the second.
    pub second_difference: Option<Difference>,
    pub checked: Vec<String>,
    pub missing: Vec<String>,
    /// The variable the key came from (never its value).
    pub key_source: Option<String>,
    /// What the verdict means for this request, in a sentence or two.
    pub summary: String,
    pub strings: Option<Strings>,
}

impl Report {
    fn new(scheme: Option<Scheme>) -> Report {
        Report {
            scheme,
            verdict: Verdict::Undetermined,
            first_difference: None,
            second_difference: None,
            checked: Vec::new(),
            missing: Vec::new(),
            key_source: None,
            summary: String::new(),
            strings: None,
        }
    }
}

/// How to get a request into the input, for `missing`.
pub const PASTE_REQUEST: &str = "the request as sent, with its Authorization header or signed URL: \
    paste `curl -v` output, or the SDK's debug log of the request's headers (Go: cos-go-sdk-v5's \
    debug.DebugRequestTransport with RequestHeader, or obs.InitLog; Python: logging at DEBUG; \
    Java: the SDK's logger at DEBUG)";

/// Checks the signature of an error's request.
pub fn check(found: &Found, m: &Material, keys: &Keys) -> Report {
    let vendor = match found.provider {
        Some(Provider::Obs) => Some(Vendor::Huawei),
        Some(_) => Some(Vendor::Tencent),
        None => found.vendor,
    };
    let auth = m.request.as_ref().and_then(Auth::of);
    let scheme = auth
        .as_ref()
        .map(Auth::scheme)
        .or_else(|| scheme_of_body(m, found));
    let mut report = match scheme {
        Some(Scheme::Cos) => cos::check(m, auth.as_ref(), keys),
        Some(s @ (Scheme::ObsV2 | Scheme::AwsV2)) => {
            s3::check_v2(s, vendor, m, auth.as_ref(), keys)
        }
        Some(Scheme::V4) => s3::check_v4(vendor, m, auth.as_ref(), keys),
        None => {
            let mut r = Report::new(None);
            r.missing.push(PASTE_REQUEST.to_owned());
            r.missing.push(
                "the server's StringToSign or FormatString (the whole error body)".to_owned(),
            );
            r.summary = "The input holds neither the request's signature nor the server's \
                string to sign: nothing to check the signature against."
                .to_owned();
            r
        }
    };
    time_check(found, m, auth.as_ref(), &mut report);
    report
}

fn scheme_of_body(m: &Material, found: &Found) -> Option<Scheme> {
    if m.format_string.is_some() {
        return Some(Scheme::Cos);
    }
    let sts = m.string_to_sign.as_deref()?.trim_start();
    if sts.starts_with("sha1") {
        Some(Scheme::Cos)
    } else if sts.starts_with("AWS4-HMAC-SHA256") {
        Some(Scheme::V4)
    } else if found.provider == Some(Provider::Obs) {
        Some(Scheme::ObsV2)
    } else {
        Some(Scheme::AwsV2)
    }
}

/// The signature parameters of a request: from its Authorization header,
/// else from its query (a presigned URL).
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    Cos(cos::Params),
    V2 {
        scheme: Scheme,
        access_key: String,
        signature: String,
        /// A presigned URL's `Expires` (Unix seconds).
        expires: Option<String>,
    },
    V4 {
        credential: String,
        signed_headers: Option<String>,
        signature: String,
        /// A presigned URL's `X-Amz-Date` and `X-Amz-Expires`.
        presigned: Option<(String, String)>,
    },
}

impl Auth {
    pub fn of(r: &Request) -> Option<Auth> {
        if let Some(a) = r.header("Authorization") {
            let a = a.trim();
            if a.contains("q-sign-algorithm=") {
                return cos::Params::parse(a).map(Auth::Cos);
            }
            if let Some(rest) = a.strip_prefix("AWS4-HMAC-SHA256") {
                let field = |name: &str| {
                    rest.split(',')
                        .map(str::trim)
                        .find_map(|p| p.strip_prefix(name))
                        .map(str::to_owned)
                };
                return Some(Auth::V4 {
                    credential: field("Credential=")?,
                    signed_headers: field("SignedHeaders="),
                    signature: field("Signature=")?,
                    presigned: None,
                });
            }
            for (prefix, scheme) in [("OBS ", Scheme::ObsV2), ("AWS ", Scheme::AwsV2)] {
                if let Some(rest) = a.strip_prefix(prefix) {
                    let (ak, sig) = rest.trim().split_once(':')?;
                    return Some(Auth::V2 {
                        scheme,
                        access_key: ak.to_owned(),
                        signature: sig.to_owned(),
                        expires: None,
                    });
                }
            }
            return None;
        }
        let query: String = r
            .query
            .iter()
            .map(|(k, v)| match v {
                Some(v) => format!("{}={}&", request::decode(k), request::decode(v)),
                None => format!("{}&", request::decode(k)),
            })
            .collect();
        if r.param("q-sign-algorithm").is_some() {
            return cos::Params::parse(&query).map(Auth::Cos);
        }
        if let Some(sig) = r.param("X-Amz-Signature") {
            return Some(Auth::V4 {
                credential: r.param("X-Amz-Credential")?,
                signed_headers: r.param("X-Amz-SignedHeaders"),
                signature: sig,
                presigned: Some((r.param("X-Amz-Date")?, r.param("X-Amz-Expires")?)),
            });
        }
        let sig = r.param("Signature")?;
        let (scheme, ak) = match (r.param("AccessKeyId"), r.param("AWSAccessKeyId")) {
            (Some(ak), _) => (Scheme::ObsV2, ak),
            (None, Some(ak)) => (Scheme::AwsV2, ak),
            (None, None) => return None,
        };
        Some(Auth::V2 {
            scheme,
            access_key: ak,
            signature: sig,
            expires: r.param("Expires"),
        })
    }

    pub fn scheme(&self) -> Scheme {
        match self {
            Auth::Cos(_) => Scheme::Cos,
            Auth::V2 { scheme, .. } => *scheme,
            Auth::V4 { .. } => Scheme::V4,
        }
    }
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Auth({:?})", self.scheme())
    }
}

/// The server's time: the response's `Date`, else the request ID's.
fn server_time(found: &Found) -> Option<(i64, &'static str)> {
    if let Some(t) = found.server_date.as_deref().and_then(reqid::parse_date) {
        return Some((t / 1000, "the response's Date"));
    }
    let t = found.request_id.as_deref().and_then(reqid::request_time)?;
    Some((t.unix_millis() / 1000, "the request ID's time"))
}

/// `1700000000` as `2023-11-14T22:13:20Z`.
pub fn rfc3339(secs: i64) -> String {
    reqid::Rfc3339::new(secs.saturating_mul(1000))
        .as_str()
        .to_owned()
}

/// How far a header-signed request's date may be from the server's time
/// (OBS and S3: 15 minutes).
const SKEW_ALLOWED: i64 = 15 * 60;

/// Checks the time window the request was signed for against the server's
/// time. A window the server's time lies outside overrides the verdict:
/// that is what the server refused.
fn time_check(found: &Found, m: &Material, auth: Option<&Auth>, r: &mut Report) {
    let Some(auth) = auth else { return };
    // (what, start, end, how to say the window) in Unix seconds.
    let mut windows: Vec<(String, Option<i64>, i64, String)> = Vec::new();
    let span = |s: i64, e: i64| format!("{} to {}", rfc3339(s), rfc3339(e));
    // A header-signed request: its date, give or take 15 minutes.
    let dated = |names: &[&str]| -> Option<(String, Option<i64>, i64, String)> {
        let req = m.request.as_ref()?;
        let (name, value) = names.iter().find_map(|n| req.header(n).map(|v| (*n, v)))?;
        let t = s3::amz_date(value).or_else(|| reqid::parse_date(value).map(|ms| ms / 1000))?;
        Some((
            name.to_ascii_lowercase(),
            Some(t - SKEW_ALLOWED),
            t + SKEW_ALLOWED,
            format!("{value} (valid within 15 minutes of it)"),
        ))
    };
    match auth {
        Auth::Cos(p) => {
            if let Some((s, e)) = p.sign_window() {
                windows.push(("q-sign-time".to_owned(), Some(s), e, span(s, e)));
            }
            if let Some((s, e)) = window_of(&p.key_time)
                && p.key_time.trim() != p.sign_time.trim()
            {
                windows.push(("q-key-time".to_owned(), Some(s), e, span(s, e)));
            }
        }
        Auth::V2 {
            expires: Some(e), ..
        } => {
            if let Ok(e) = e.trim().parse::<i64>() {
                windows.push((
                    "expires".to_owned(),
                    None,
                    e,
                    format!("until {}", rfc3339(e)),
                ));
            }
        }
        Auth::V2 { scheme, .. } => {
            let x = if *scheme == Scheme::ObsV2 {
                "x-obs-date"
            } else {
                "x-amz-date"
            };
            windows.extend(dated(&[x, "Date"]));
        }
        Auth::V4 {
            presigned: Some((date, expires)),
            ..
        } => {
            if let Some((d, e)) = s3::amz_date(date).zip(expires.trim().parse::<i64>().ok()) {
                windows.push(("x-amz-expires".to_owned(), Some(d), d + e, span(d, d + e)));
            }
        }
        Auth::V4 { .. } => windows.extend(dated(&["x-amz-date", "Date"])),
    }
    if windows.is_empty() {
        return;
    }
    let Some((now, whose)) = server_time(found) else {
        r.missing.push(
            "the server's time (the response's Date header or request ID), to check the signing time"
                .to_owned(),
        );
        return;
    };
    for (name, start, end, window_text) in windows {
        r.checked
            .push(format!("the signing time ({name}) against {whose}"));
        let verdict = if now > end {
            Verdict::Expired
        } else if start.is_some_and(|s| now < s) {
            Verdict::NotYetValid
        } else {
            continue;
        };
        r.verdict = verdict;
        r.first_difference = Some(Difference {
            part: "time",
            name: name.clone(),
            sent: window_text.clone(),
            other: rfc3339(now),
        });
        r.second_difference = None;
        r.summary = match verdict {
            Verdict::Expired => format!(
                "The request was signed for {window_text} ({name}), and the server's time ({whose}) \
                 was {}: the signature had expired. Sign requests just before sending them, with \
                 a longer validity for slow uploads, and keep the client's clock in sync (NTP).",
                rfc3339(now)
            ),
            _ => format!(
                "The request was signed for {window_text} ({name}), and the server's time ({whose}) \
                 was {}, before it: the client's clock is ahead. Sync the clock (NTP).",
                rfc3339(now)
            ),
        };
        return;
    }
}

fn window_of(s: &str) -> Option<(i64, i64)> {
    let (a, b) = s.trim().split_once(';')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

// The primitives, all from the RustCrypto crates.

pub(crate) fn hmac_sha1(key: &[u8], msg: &[u8]) -> [u8; 20] {
    let mut mac = Hmac::<Sha1>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

pub(crate) fn hmac_sha256(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

pub(crate) fn sha1_hex(data: &[u8]) -> String {
    hex(&Sha1::digest(data))
}

pub(crate) fn sha256_hex(data: &[u8]) -> String {
    hex(&Sha256::digest(data))
}

pub(crate) fn base64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// RFC 3986's unreserved characters stay; everything else is encoded.
pub(crate) const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `s` percent-encoded but for the unreserved characters (upper-case hex).
pub(crate) fn encode(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// A value as shown in output: tokens redacted.
pub(crate) fn shown(name: &str, value: &str) -> String {
    if crate::decode::redact::is_secret_name(name) {
        crate::decode::redact::REDACTED.to_owned()
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_never_shows_in_debug() {
        let k = Key::new("s3cr3tvalue", "COS_SECRETKEY");
        let keys = Keys {
            cos: Some(k.clone()),
            ..Keys::default()
        };
        assert!(!format!("{k:?}{keys:?}").contains("s3cr3tvalue"));
    }

    #[test]
    fn a_key_with_a_newline_is_refused() {
        assert!(Key::new("abc\n", "X").problem().is_some());
        assert!(Key::new("", "X").problem().is_some());
        assert!(Key::new("a b", "X").problem().is_some());
        assert_eq!(Key::new("AKIDabc123", "X").problem(), None);
    }

    #[test]
    fn keys_come_from_the_named_variable_first() {
        let env = |n: &str| match n {
            "MINE" => Some("k1".to_owned()),
            "COS_SECRET_KEY" => Some("k2".to_owned()),
            _ => None,
        };
        let keys = Keys::read(Some("MINE"), env);
        assert_eq!(keys.for_scheme(Scheme::Cos, None).unwrap().source, "MINE");
        let keys = Keys::read(None, env);
        assert_eq!(
            keys.for_scheme(Scheme::Cos, None).unwrap().source,
            "COS_SECRET_KEY"
        );
        assert!(
            keys.for_scheme(Scheme::ObsV2, Some(Vendor::Huawei))
                .is_err()
        );
        // An S3-style signature to an unknown store: whichever key is set.
        assert_eq!(
            keys.for_scheme(Scheme::V4, None).unwrap().source,
            "COS_SECRET_KEY"
        );
        let keys = Keys::read(Some("UNSET"), env);
        assert!(
            keys.for_scheme(Scheme::Cos, None)
                .unwrap_err()
                .contains("UNSET")
        );
    }

    #[test]
    fn signing_errors_are_told_by_code_and_message() {
        assert!(is_signing_error(Some("SignatureDoesNotMatch"), None));
        assert!(is_signing_error(
            Some("AccessDenied"),
            Some("Request has expired")
        ));
        assert!(!is_signing_error(
            Some("AccessDenied"),
            Some("Access Denied.")
        ));
        assert!(!is_signing_error(Some("NoSuchKey"), None));
        assert!(!is_signing_error(None, Some("Request has expired")));
    }

    #[test]
    fn primitives_match_known_vectors() {
        // RFC 2202 test case 2 and RFC 4231 test case 2.
        assert_eq!(
            hex(&hmac_sha1(b"Jefe", b"what do ya want for nothing?")),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(encode("a b/c~"), "a%20b%2Fc~");
    }
}
