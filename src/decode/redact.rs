//! Keeps secrets out of everything decode echoes: `Authorization` values,
//! signatures (`q-signature=`, `Signature=`, `X-Amz-Signature=`, `sign=`),
//! session tokens (`x-cos-security-token`, `x-amz-security-token`,
//! `x-obs-security-token`, ...), `X-Amz-Credential`, cookies.
//!
//! IDs are not secrets and stay: `q-ak=`, `AWSAccessKeyId=`, `q-sign-time=`,
//! `q-key-time=`, the string to sign of a `SignatureDoesNotMatch` error.
//!
//! A secret is found by its *name*, as a whole token, followed by `=`, `:`
//! or `=>` (optionally quoted, as in `'Authorization': '...'` or
//! `"x-cos-security-token":"..."`). Its value is replaced by [`REDACTED`]:
//! - a quoted value up to its closing quote;
//! - an unquoted `Authorization: ...` (or cookie) header value up to the
//!   end of the line, since it contains spaces (`AWS4-HMAC-SHA256
//!   Credential=..., Signature=...`);
//! - any other unquoted value up to the next `&`, space, quote, `,`, `;`,
//!   `<`, `>`, `)`, `]`, `}` or `\`.

use std::borrow::Cow;

/// What a secret value is replaced with.
pub const REDACTED: &str = "[REDACTED]";

/// Names whose values are secrets, lower case. Matched as whole tokens.
const SECRET_NAMES: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "q-signature",
    "signature",
    "x-amz-signature",
    "x-obs-signature",
    "x-oss-signature",
    "signatureprovided",
    "sign",
    "x-cos-security-token",
    "x-amz-security-token",
    "x-obs-security-token",
    "x-ci-security-token",
    "x-oss-security-token",
    "security-token",
    "securitytoken",
    "security_token",
    "sessiontoken",
    "session_token",
    "x-amz-credential",
    "access_token",
    "token",
    "cookie",
    "set-cookie",
];

/// The length of the longest of [`SECRET_NAMES`].
const LONGEST_NAME: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < SECRET_NAMES.len() {
        if SECRET_NAMES[i].len() > longest {
            longest = SECRET_NAMES[i].len();
        }
        i += 1;
    }
    longest
};

/// Names whose unquoted `name: value` runs to the end of the line.
const LINE_VALUED: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
];

/// Whether a header or field with this name carries a secret.
pub fn is_secret_name(name: &str) -> bool {
    let name = name.trim();
    SECRET_NAMES.iter().any(|s| s.eq_ignore_ascii_case(name))
}

/// The value of a header or field, redacted whole when its name is a
/// secret's, else with any secret inside it redacted.
pub fn redact_pair<'a>(name: &str, value: &'a str) -> Cow<'a, str> {
    if is_secret_name(name) && !value.trim().is_empty() {
        Cow::Borrowed(REDACTED)
    } else {
        redact(value)
    }
}

fn is_name_byte(b: u8) -> bool {
    NAME_BYTES[usize::from(b)]
}

/// The bytes of a name: ASCII letters and digits, `-`, `_` and `.`.
static NAME_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.');
        b += 1;
    }
    t
};

fn ends_unquoted(b: u8) -> bool {
    b.is_ascii_whitespace()
        || matches!(
            b,
            b'&' | b'"' | b'\'' | b',' | b';' | b'<' | b'>' | b')' | b']' | b'}' | b'\\'
        )
}

/// Redacts every secret value in `s`; borrows `s` when there is none.
pub fn redact(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    // Every secret has a separator; most fields (codes, IDs, messages)
    // have none, or only base64 padding, and leave after this scan.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut skip_to = 0;
    for sep in memchr::memchr2_iter(b'=', b':', b) {
        if sep < skip_to {
            continue;
        }
        // Walk back over `"` or `'` closing a quoted name, then the name.
        let mut end = sep;
        let mut quoted_name = false;
        if end > 0 && (b[end - 1] == b'"' || b[end - 1] == b'\'') {
            end -= 1;
            quoted_name = true;
        }
        // The walk stops one byte past the longest secret name: base64
        // padding at the end of a long ID would walk back over all of it.
        let mut start = end;
        while start > 0 && end - start <= LONGEST_NAME && is_name_byte(b[start - 1]) {
            start -= 1;
        }
        if start == end || end - start > LONGEST_NAME {
            continue;
        }
        if quoted_name && (start == 0 || b[start - 1] != b[end]) {
            continue;
        }
        let name = &s[start..end];
        let Some(secret) = SECRET_NAMES.iter().find(|n| n.eq_ignore_ascii_case(name)) else {
            continue;
        };
        // The value: after `=`, `=>` or `:`, spaces, an optional quote.
        let mut v = sep + 1;
        if b[sep] == b'=' && b.get(v) == Some(&b'>') {
            v += 1;
        }
        if b[sep] == b':' && b.get(v) == Some(&b'/') {
            continue; // `token://...` is a URL scheme, not a value
        }
        while v < b.len() && (b[v] == b' ' || b[v] == b'\t') {
            v += 1;
        }
        let (vstart, vend) = match b.get(v) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let mut j = v + 1;
                while j < b.len() && b[j] != q && b[j] != b'\n' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                (v + 1, j.min(b.len()))
            }
            Some(_) if b[sep] == b':' && LINE_VALUED.contains(secret) => {
                let j = memchr::memchr2(b'\n', b'\r', &b[v..]).map_or(b.len(), |j| v + j);
                (v, j)
            }
            Some(_) => {
                let j = b[v..]
                    .iter()
                    .position(|&c| ends_unquoted(c))
                    .map_or(b.len(), |j| v + j);
                (v, j)
            }
            None => continue,
        };
        if vend > vstart {
            ranges.push((vstart, vend));
            skip_to = vend;
        }
    }
    if ranges.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (a, z) in ranges {
        out.push_str(&s[last..a]);
        out.push_str(REDACTED);
        last = z;
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "s3cr3tV4lue+/=";

    fn assert_clean(input: &str, kept: &[&str]) {
        let out = redact(input);
        assert!(!out.contains(SECRET), "secret left in {out:?}");
        assert!(out.contains(REDACTED), "nothing redacted in {out:?}");
        for k in kept {
            assert!(out.contains(k), "{k:?} lost from {out:?}");
        }
    }

    #[test]
    fn authorization_header_to_end_of_line() {
        assert_clean(
            &format!(
                "> Authorization: q-sign-algorithm=sha1&q-ak=AKIDx&q-signature={SECRET}\n> Host: b"
            ),
            &["> Authorization: ", "> Host: b"],
        );
        assert_clean(
            &format!(
                "Authorization: AWS4-HMAC-SHA256 Credential=AK/2024/s3, SignedHeaders=host, Signature={SECRET}"
            ),
            &["Authorization: "],
        );
        assert_clean(&format!("authorization: OBS AKID:{SECRET}"), &[]);
    }

    #[test]
    fn query_signatures() {
        let url = format!(
            "https://b-1250000000.cos.ap-guangzhou.myqcloud.com/k?q-sign-algorithm=sha1&q-ak=AKIDabc&q-sign-time=1;2&q-key-time=1;2&q-header-list=host&q-url-param-list=&q-signature={SECRET}&x-cos-security-token={SECRET}"
        );
        assert_clean(
            &url,
            &[
                "q-ak=AKIDabc",
                "q-sign-time=1;2",
                "q-key-time=1;2",
                "q-signature=[REDACTED]",
            ],
        );
        assert_clean(
            &format!("/k?AWSAccessKeyId=AK&Expires=1&Signature={SECRET}"),
            &["AWSAccessKeyId=AK", "Expires=1"],
        );
        assert_clean(
            &format!(
                "?X-Amz-Algorithm=AWS4&X-Amz-Credential={SECRET}&X-Amz-Signature={SECRET}&X-Amz-Security-Token={SECRET}"
            ),
            &["X-Amz-Algorithm=AWS4"],
        );
        assert_clean(
            &format!("/pic.jpg?sign={SECRET}&imageMogr2"),
            &["&imageMogr2"],
        );
        assert_clean(&format!("?x-obs-security-token={SECRET}"), &[]);
    }

    #[test]
    fn quoted_names_and_values() {
        assert_clean(
            &format!(
                "{{'Authorization': 'q-sign-algorithm=sha1&q-signature={SECRET}', 'Host': 'x'}}"
            ),
            &["'Host': 'x'"],
        );
        assert_clean(
            &format!(r#"{{"x-cos-security-token":"{SECRET}","server":"tencent-cos"}}"#),
            &[r#""server":"tencent-cos""#],
        );
        assert_clean(&format!(r#"{{"x-amz-security-token"=>"{SECRET}"}}"#), &[]);
    }

    #[test]
    fn only_whole_names() {
        // `q-sign-time` is not `sign`, `design` is not `sign`.
        for s in [
            "q-sign-time=1;2",
            "design=flat",
            "RequestId: NjA2ZTFhOTI=",
            "https://host/token",
        ] {
            assert_eq!(redact(s), s);
            assert!(matches!(redact(s), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn every_name_whole_and_only_whole() {
        // The walk back over a name stops past the longest one: each name
        // is still found whole at any place, and never inside a longer one.
        for name in SECRET_NAMES {
            for lead in ["", "a ", "x&", "Header: "] {
                assert_clean(&format!("{lead}{name}={SECRET}"), &[lead]);
                let upper = name.to_ascii_uppercase();
                assert_clean(&format!("{lead}{upper}: \"{SECRET}\""), &[lead]);
            }
            for prefix in ["a", "x-", &"n".repeat(40)] {
                let s = format!("{prefix}{name}={SECRET}");
                assert_eq!(redact(&s), s, "{prefix}{name} is not {name}");
            }
        }
    }

    #[test]
    fn pairs_by_name() {
        assert_eq!(redact_pair("Authorization", "Bearer x"), REDACTED);
        assert_eq!(redact_pair("x-cos-security-token", "abc"), REDACTED);
        assert_eq!(redact_pair("SignatureProvided", "abc="), REDACTED);
        assert_eq!(redact_pair("Cookie", "sid=1"), REDACTED);
        assert_eq!(
            redact_pair("Location", format!("https://x/?sign={SECRET}").as_str()),
            "https://x/?sign=[REDACTED]"
        );
        assert_eq!(redact_pair("x-cos-request-id", "NjA="), "NjA=");
        assert_eq!(redact_pair("StringToSign", "GET\n/k"), "GET\n/k");
    }
}
