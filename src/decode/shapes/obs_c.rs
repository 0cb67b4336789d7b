//! The OBS C SDK's status names (`obs_status`), wherever a text quotes
//! them: `put_object返回OBS_STATUS_XmlParseFailure错误`, `head bucket
//! failed: OBS_STATUS_NameLookupError`. The SDK names three kinds of
//! outcome alike:
//!
//! - a server's error code behind the prefix (`OBS_STATUS_AccessDenied`,
//!   `OBS_STATUS_NoSuchKey`): the service's error, with that code;
//! - an HTTP status it has a name for (`OBS_STATUS_HttpErrorForbidden`):
//!   the service's error, with that status;
//! - its own failures (`OBS_STATUS_NameLookupError`,
//!   `OBS_STATUS_XmlParseFailure`): read by [`super::client`] through
//!   [`failure`], as a client failure whose code the catalogue explains.
//!
//! `OBS_STATUS_HttpErrorUnknown` and `OBS_STATUS_ErrorUnknown` say only
//! that the server answered with an error the SDK has no name for: not
//! enough to report.

use super::super::draft::{Draft, Field, Shape as Kind};
use super::super::facts::Facts;
use super::super::record::RecordText;
use super::Shape;
use crate::decode::FailureKind;

const PREFIX: &str = "OBS_STATUS_";

pub const SHAPE: Shape = Shape {
    name: "obs-c",
    keywords: &[PREFIX],
    dynamic: None,
    always: false,
    find,
};

/// The statuses the SDK names after an HTTP status.
const HTTP: [(&str, u16); 4] = [
    ("HttpErrorBadRequest", 400),
    ("HttpErrorForbidden", 403),
    ("HttpErrorNotFound", 404),
    ("HttpErrorConflict", 409),
];

/// Names that say the server answered, with nothing more.
const UNKNOWN: [&str; 3] = [
    "HttpErrorUnknown",
    "ErrorUnknown",
    "HttpErrorMovedTemporarily",
];

/// What one quoted status is.
enum Status<'a> {
    Service(&'a str),
    Http(u16),
    Client(FailureKind),
    Unknown,
}

fn classify(name: &str) -> Status<'_> {
    if UNKNOWN.contains(&name) {
        return Status::Unknown;
    }
    if let Some(&(_, status)) = HTTP.iter().find(|(n, _)| *n == name) {
        return Status::Http(status);
    }
    if super::named::is_name(name) {
        return Status::Service(name);
    }
    Status::Client(match name {
        "NameLookupError" => FailureKind::Dns,
        "FailedToConnect" => FailureKind::Refused,
        "ServerFailedVerification" => FailureKind::Tls,
        "ConnectionFailed" => FailureKind::Network,
        "OpenFileFailed" | "EmptyFile" => FailureKind::Local,
        _ => FailureKind::Sdk,
    })
}

/// Each status name in `text`: where it starts and ends, and the name
/// after the prefix.
fn names(text: &str) -> impl Iterator<Item = (usize, usize, &str)> {
    text.match_indices(PREFIX).filter_map(|(at, _)| {
        // The SDK's names: letters, digits and `_` (`GET_UPLOAD_ID_FAILED`).
        let rest = &text[at + PREFIX.len()..];
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        let before = at.checked_sub(1).map(|i| text.as_bytes()[i]);
        let word_start = before.is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_'));
        (len > 0 && word_start).then(|| (at, at + PREFIX.len() + len, &rest[..len]))
    })
}

/// The SDK's own failures that its demos and logs print by name alone
/// (`obs_get_status_name`, as libs3's `S3_get_status_name`: `put object
/// failed(NameLookupError).`), where the prefix's other names (`NoSuchKey`,
/// `ErrorUnknown`) would be anyone's words.
pub const BARE: [&str; 5] = [
    "NameLookupError",
    "FailedToConnect",
    "ServerFailedVerification",
    "ConnectionFailed",
    "XmlParseFailure",
];

/// The first of the SDK's own failures that `text` names, with the
/// prefix or as one of [`BARE`] standing as a word: where, and what kind.
pub fn failure(text: &str) -> Option<(usize, usize, FailureKind)> {
    let prefixed = names(text).find_map(|(a, z, name)| match classify(name) {
        Status::Client(kind) => Some((a, z, kind)),
        _ => None,
    });
    prefixed.or_else(|| {
        let b = text.as_bytes();
        let word = |i: Option<&u8>| i.is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == b'_'));
        BARE.iter()
            .flat_map(|name| text.match_indices(name))
            .filter(|&(at, name)| {
                word(at.checked_sub(1).and_then(|i| b.get(i))) && word(b.get(at + name.len()))
            })
            .min_by_key(|&(at, _)| at)
            .and_then(|(at, name)| match classify(name) {
                Status::Client(kind) => Some((at, at + name.len(), kind)),
                _ => None,
            })
    })
}

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    for (a, z, name) in names(rec.text).take(16) {
        let mut d = Draft::new(Kind::Labels);
        d.sdk = true;
        match classify(name) {
            Status::Service(code) => d.set(Field::Code, "Code", code, 0, 256),
            Status::Http(status) => d.found.status = Some(status),
            Status::Client(_) | Status::Unknown => continue,
        }
        d.push_extra("sdk_status", &rec.text[a..z], 0, 256);
        d.found.line = rec.line_at(a);
        out.error(a..z, d);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};
    use crate::catalog::Provider;
    use crate::decode::{FailureKind, Origin};

    /// github.com/huaweicloud/huaweicloud-sdk-c-obs issues 45: the SDK's
    /// own failure, quoted in prose.
    #[test]
    fn the_sdks_own_failure() {
        let f = one(
            "文件3.2G,  最终put_object的时候返回OBS_STATUS_XmlParseFailure错误,  其他小于1G的都是可以的",
        );
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Sdk));
        assert_eq!(f.provider, Some(Provider::Obs));
        let f = one("head bucket failed: OBS_STATUS_NameLookupError");
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Dns));
    }

    /// github.com/huaweicloud/huaweicloud-sdk-c-obs issues 53: the demo
    /// prints the status's name without its prefix. It is the OBS C
    /// SDK's or libs3's, so it names no provider; a name inside another
    /// word is not one.
    #[test]
    fn the_sdks_own_failure_by_its_name_alone() {
        let f = one("c代码SDK使用文件上传demo返回错误NameLookupError，该如何排查？");
        assert_eq!(f.origin, Origin::Client);
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Dns));
        assert_eq!(f.provider, None);
        let f = one("put object failed(FailedToConnect).");
        assert_eq!(f.failure.map(|x| x.kind), Some(FailureKind::Refused));
        assert!(errors("S3StatusNameLookupError = 47,").is_empty());
        assert!(errors("let ConnectionFailedCount = 3;").is_empty());
    }

    #[test]
    fn a_servers_code_or_status_behind_the_prefix() {
        let f = one("get_object failed: OBS_STATUS_NoSuchKey");
        assert_eq!(f.origin, Origin::Service);
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(f.provider, Some(Provider::Obs));
        let f = one("upload failed, status OBS_STATUS_HttpErrorForbidden");
        assert_eq!((f.status, f.code), (Some(403), None));
        // Nothing but "an error": nothing to report; nor a name inside
        // another word.
        assert!(errors("就报错: `OBS_STATUS_HttpErrorUnknown`").is_empty());
        assert!(errors("MY_OBS_STATUS_NoSuchKey").is_empty());
    }
}
