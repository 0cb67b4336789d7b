//! The catalogue's client-side code that a client failure names: curl's
//! `curl: (28)` or PHP's `cURL error 28:`, Apple's `NSURLErrorDomain
//! Code=-1003`, the OBS C SDK's `OBS_STATUS_NameLookupError`, libcurl's
//! `CURLE_OPERATION_TIMEDOUT`. Only a code the text states is read; a
//! failure described in words gets none.

use crate::catalog::{self, Entry, Provider, Query, Section, fold};

/// The client code entry `text` names, if it names one the catalogue has.
pub fn client_code(text: &str) -> Option<&'static Entry> {
    curl_number(text)
        .and_then(|n| by_number(Provider::Curl, n))
        .or_else(|| nsurl_number(text).and_then(|n| by_number(Provider::Apple, n)))
        .or_else(|| named(text, "OBS_STATUS_", Provider::Obs))
        .or_else(|| cos_android_number(text).and_then(|n| by_number(Provider::Cos, n)))
        .or_else(|| named(text, "CURLE_", Provider::Curl))
}

/// `curl: (28)`, `cURL error 28:`, `curl error 28:`: curl's own words for
/// its exit code (not `curl error code=403`, a status).
fn curl_number(text: &str) -> Option<i64> {
    let lower = text.to_ascii_lowercase();
    if let Some(at) = lower.find("curl: (") {
        let rest = &lower[at + "curl: (".len()..];
        let digits = rest.split(')').next()?;
        return small_number(digits);
    }
    let at = lower.find("curl error ")?;
    let rest = &lower[at + "curl error ".len()..];
    let (digits, _) = rest.split_once(':')?;
    small_number(digits)
}

/// A curl code: one to three digits.
fn small_number(digits: &str) -> Option<i64> {
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `Domain=NSURLErrorDomain Code=-1003`.
fn nsurl_number(text: &str) -> Option<i64> {
    let at = text.find("NSURLErrorDomain Code=")?;
    let rest = &text[at + "NSURLErrorDomain Code=".len()..];
    let end = rest
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c == '-')))
        .map_or(rest.len(), |(i, _)| i);
    rest[..end].parse().ok()
}

/// The COS Android SDK's `CosXmlClientException{errorCode=20002message=...}`
/// (its `toString` puts no separator before `message`).
fn cos_android_number(text: &str) -> Option<i64> {
    let marker = "CosXmlClientException{errorCode=";
    let at = text.find(marker)?;
    let rest = &text[at + marker.len()..];
    // `-10000` (UNKNOWN) is negative.
    let sign = usize::from(rest.starts_with('-'));
    let end = rest[sign..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(rest.len(), |i| sign + i);
    (sign + 1..=sign + 6)
        .contains(&end)
        .then(|| rest[..end].parse().ok())?
}

/// A name with `prefix` (`OBS_STATUS_`, `CURLE_`) that the provider's
/// client section has.
fn named(text: &str, prefix: &str, provider: Provider) -> Option<&'static Entry> {
    let at = text.find(prefix)?;
    let end = text[at..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(text.len(), |i| at + i);
    let query = Query::Name(fold(&text[at..end]));
    catalog::lookup(&query, &catalog::Filter::default())
        .into_iter()
        .find(|e| e.provider == provider && e.section == Section::Client)
}

fn by_number(provider: Provider, n: i64) -> Option<&'static Entry> {
    catalog::entries().iter().find(|e| {
        e.provider == provider && e.section == Section::Client && e.number.map(i64::from) == Some(n)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<(Provider, String)> {
        client_code(text).map(|e| (e.provider, e.name()))
    }

    #[test]
    fn codes_the_text_states() {
        // tests/corpus/live/client-curl-dns.txt
        let dns =
            "curl: (6) Could not resolve host: nosuchbucket-1250000000.cos.ap-nowhere.myqcloud.com";
        assert_eq!(
            code(dns),
            Some((Provider::Curl, "CURLE_COULDNT_RESOLVE_HOST".into()))
        );
        // tests/corpus/real/cos-php-flysystem-curl-28-timeout.txt
        let php = "production.ERROR: cURL error 28: Operation timed out after 60000 milliseconds";
        assert_eq!(
            code(php),
            Some((Provider::Curl, "CURLE_OPERATION_TIMEDOUT".into()))
        );
        // tests/corpus/real/cos-ios-sdk-nsurlerror-dns-null-region.txt
        let ios =
            "请求失败Error Domain=NSURLErrorDomain Code=-1003 \"未能找到使用指定主机名的服务器。\"";
        assert_eq!(
            code(ios),
            Some((Provider::Apple, "NSURLErrorCannotFindHost".into()))
        );
        // qcloud-sdk-android issue 15 (a TLS-intercepting proxy).
        let android = "Failed: CosXmlClientException{errorCode=20002message=com.tencent.qcloud.core.common.QCloudClientException: javax.net.ssl.SSLHandshakeException: Unacceptable certificate";
        assert_eq!(code(android), Some((Provider::Cos, "IOError".into())));
        let unknown = "CosXmlClientException{errorCode=-10000message=unknown}";
        assert_eq!(code(unknown), Some((Provider::Cos, "UNKNOWN".into())));
        let obs = "put object failed: OBS_STATUS_NameLookupError.";
        assert_eq!(
            code(obs),
            Some((Provider::Obs, "OBS_STATUS_NameLookupError".into()))
        );
    }

    #[test]
    fn no_code_without_one_stated() {
        assert_eq!(code("curl error code=403"), None);
        assert_eq!(code("Could not resolve host: example.com"), None);
        assert_eq!(code("curl: (99999) nothing"), None);
        assert_eq!(code("NSURLErrorDomain Code=abc"), None);
        assert_eq!(code("OBS_STATUS_NoSuchThing"), None);
        assert_eq!(code("CosXmlClientException{errorCode=message=x}"), None);
        assert_eq!(
            code("CosXmlClientException{errorCode=99999message=x}"),
            None
        );
    }
}
