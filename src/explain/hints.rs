//! What to say about an error the catalogue has no entry for: a client
//! that got no response, something in front of the service that
//! answered, a status without a code, a failure inside a 200 response, a
//! numeric code the catalogue lacks.
//!
//! The texts here are general knowledge about HTTP, proxies and the
//! storage services' documented behaviour (a HEAD response has no body;
//! CI jobs report failures in a 200 result; a multi-object delete lists
//! failures per key), not error codes: those are the catalogue's.

use crate::catalog::{self, Provider, Section};
use crate::decode::{FailureKind, Found};

/// What happened, in one line, and what to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hint {
    pub what: String,
    pub check: String,
}

/// A client-side failure: what it means, and what to check.
pub fn failure(kind: FailureKind) -> Hint {
    let (what, check): (&str, &str) = match kind {
        FailureKind::Dns => (
            "The endpoint's host name did not resolve: no request was sent.",
            "Check the endpoint's spelling: the region code, and the bucket name with its \
             APPID on COS (examplebucket-1250000000). Check that this machine's DNS resolves \
             it (nslookup or dig), and that a private endpoint is resolvable from the network \
             the client runs in.",
        ),
        FailureKind::Refused => (
            "The connection was refused: nothing listens at that address and port.",
            "Check the endpoint and port, that the scheme (http or https) fits the port, and \
             the HTTP_PROXY/HTTPS_PROXY settings: a refused connection to 127.0.0.1 is usually \
             a proxy or local gateway that is not running.",
        ),
        FailureKind::Reset => (
            "The connection was closed before a response came.",
            "Something on the way closed it: a proxy, a firewall or NAT gateway, an idle \
             connection the client reused after the server dropped it. Retry (the SDKs do); if \
             it keeps happening, check proxies and firewalls, and use multipart upload for \
             large objects.",
        ),
        FailureKind::Timeout => (
            "The request timed out before a response came.",
            "Check that the endpoint is reachable from here (firewall, proxy, security group) \
             and in the right region, and that the client's connect and read timeouts suit the \
             object's size; retry with backoff. For large transfers use multipart upload.",
        ),
        FailureKind::Tls => (
            "The TLS handshake or the certificate check failed.",
            "Check the machine's CA certificates and its clock (a wrong date fails valid \
             certificates), any proxy that intercepts TLS, and that the host name is the \
             service's own endpoint: a custom domain needs its own certificate.",
        ),
        FailureKind::Cors => (
            "The browser blocked the response, or reported a network error.",
            "A browser hides the real response from a page the bucket's CORS rules do not \
             allow. Check the bucket's CORS rules (the page's origin, the method, the request \
             headers; expose ETag and the request ID headers), then the status in the \
             browser's network panel. An https page calling an http endpoint, or a blocker \
             extension, fails the same way.",
        ),
        FailureKind::Network => (
            "The network failed before a response came.",
            "Check connectivity to the endpoint, proxies and firewalls, then retry.",
        ),
        FailureKind::Endpoint => (
            "The endpoint is malformed: the request was never sent.",
            "Check the endpoint or region setting: a full URL where a region is expected, a \
             missing scheme, stray spaces or quotes.",
        ),
        FailureKind::Local => (
            "A local file, directory or disk error: the service was not involved.",
            "Check the local path, its permissions and the free disk space.",
        ),
        FailureKind::Integrity => (
            "The SDK's check of the data failed: the MD5 or CRC64 it computed does not match \
             the one the service returned (or it could not compute it).",
            "Do not change the file while it is uploaded (a log still being written, a file \
             being synced), make sure it can be read, and upload it again; delete an object \
             the service may have stored with the wrong content, as the SDK's message says. \
             With an S3 SDK against COS or OBS, turn off its chunked (streaming) payload \
             signing if the store does not support it. If it keeps happening, check proxies \
             that alter the body.",
        ),
        FailureKind::Credentials => (
            "The client found no credentials to sign the request with, so it was not sent.",
            "Give the tool its key pair where it reads it: for COS a SecretId and SecretKey \
             (or a temporary key with its token), for OBS an AK and SK, for an S3 tool an \
             access key ID and secret access key (its config file, profile or environment \
             variables). Check that the variables reach the process (a container, a service \
             manager, a CI job), and that a config file is at the path the tool reads, with \
             permissions it accepts.",
        ),
        FailureKind::Sdk => (
            "The SDK failed on its own, before a response came.",
            "Check the call's arguments (bucket, key, region, credentials) and the SDK's \
             version; upgrade if it is a known bug. A class that is not found, or Hadoop's \
             `No FileSystem for scheme`, means the connector (hadoop-cos for cosn://, \
             hadoop-obs for obs://) or the SDK is not on the job's classpath.",
        ),
    };
    Hint {
        what: what.to_owned(),
        check: check.to_owned(),
    }
}

/// A response from something in front of the service: a reverse proxy,
/// a CDN, a load balancer, a gateway.
pub fn proxy(status: Option<u16>, server: Option<&str>, provider: Option<Provider>) -> Hint {
    let who = match server {
        Some(s) => format!("a server in front of the storage service ({s})"),
        None => "something in front of the storage service (a reverse proxy, CDN, load \
                 balancer or gateway)"
            .to_owned(),
    };
    let service = provider.map_or("the service", |p| p.title());
    let what = format!(
        "This response came from {who}, not from {service}: the error catalogue does not apply."
    );
    let check = match status {
        Some(502) => {
            "It got no valid answer from its upstream: check the upstream address it forwards \
             to, that it reaches the storage endpoint (DNS, firewall), and, for an https \
             upstream, its TLS and SNI settings (nginx: proxy_ssl_server_name on)."
        }
        Some(504) => {
            "Its upstream did not answer in time: raise its read and send timeouts for large \
             objects, or check that the upstream is reachable."
        }
        Some(503) => {
            "It is overloaded, in maintenance, or has no healthy upstream: retry later and \
             check its health checks."
        }
        Some(413) => {
            "The body was larger than it accepts (nginx: client_max_body_size): raise the \
             limit, or upload in parts."
        }
        Some(403) => {
            "It, a WAF or a CDN rule refused the request: check its access rules, referer and \
             IP lists, and the CDN's authentication."
        }
        Some(404) => {
            "It does not route this path: check its location rules and the path it forwards."
        }
        Some(401) | Some(407) => "It asks for its own credentials (407: a proxy's login).",
        Some(301 | 302 | 303 | 307 | 308) => {
            "It redirected the request and the client did not follow: usually http where it \
             wants https, or a host name it does not serve. Use the address it redirects to \
             (the Location header) as the endpoint."
        }
        Some(400) => {
            "It rejected the request before forwarding it: check headers it limits (size, \
             underscores) and the Host header it sends upstream."
        }
        _ => {
            "Check its logs and configuration, and send the request to the storage endpoint \
             directly to see the service's own answer."
        }
    };
    Hint {
        what,
        check: check.to_owned(),
    }
}

/// What a status means when the response named no code: by status, for
/// this provider, and for a HEAD request (whose response has no body).
pub fn status(status: u16, provider: Option<Provider>, head: bool) -> Option<Hint> {
    let header = match provider {
        Some(Provider::Obs) => "x-obs-error-code",
        Some(Provider::Cos) | Some(Provider::Ci) => "x-cos-error-code",
        _ => "x-cos-error-code or x-obs-error-code",
    };
    let no_body = if head {
        format!(
            "A HEAD response has no body to name the code: repeat the request as GET, or look \
             for an {header} header, to see it."
        )
    } else {
        format!("The response named no code: its body (or an {header} header) would say which.")
    };
    let bucket = match provider {
        Some(Provider::Cos) | Some(Provider::Ci) => {
            " On COS the bucket name includes the APPID (examplebucket-1250000000)."
        }
        _ => "",
    };
    let (what, check) = match status {
        301 | 307 | 308 => (
            "The bucket is reached through another endpoint, usually another region's.".to_owned(),
            "Send the request to the address in the Location header, or set the bucket's \
             region."
                .to_owned(),
        ),
        400 => (
            "The request was malformed, or a parameter is invalid.".to_owned(),
            no_body,
        ),
        401 => (
            "The request carried no valid credentials.".to_owned(),
            "Check that the request is signed and that the key exists.".to_owned(),
        ),
        403 => (
            "Usually the signature or the permissions: SignatureDoesNotMatch, AccessDenied, \
             RequestTimeTooSkewed, an expired request."
                .to_owned(),
            format!(
                "{no_body} Check the key pair, the clock, and the bucket's and the key's \
                 policies."
            ),
        ),
        404 if head => (
            "The object (HEAD Object) or the bucket (HEAD Bucket) does not exist: the normal \
             answer for a missing key."
                .to_owned(),
            format!(
                "Check the key's spelling and URL-encoding, the bucket and the region.{bucket}"
            ),
        ),
        404 => (
            "The bucket or the object does not exist (NoSuchBucket, NoSuchKey), or the path is \
             wrong."
                .to_owned(),
            format!(
                "Check the key's spelling and URL-encoding, the bucket and the region.{bucket}"
            ),
        ),
        405 => (
            "The resource does not allow this HTTP method.".to_owned(),
            "Check the method and the URL (a bucket URL where an object's was meant).".to_owned(),
        ),
        409 => (
            "The request conflicts with the bucket's or the object's state.".to_owned(),
            "Read the state, then repeat or change the request.".to_owned(),
        ),
        412 => (
            "A condition header (If-Match, If-Unmodified-Since...) did not hold.".to_owned(),
            "The object changed, or the condition is wrong.".to_owned(),
        ),
        416 => (
            "The Range header asks for bytes past the object's end.".to_owned(),
            "Check the object's size before asking for a range.".to_owned(),
        ),
        429 | 503 => (
            "The service is throttling or overloaded (SlowDown, ServiceUnavailable).".to_owned(),
            "Back off exponentially and retry; spread requests over more key prefixes.".to_owned(),
        ),
        500 | 502 | 504 => (
            "A failure on the server's side.".to_owned(),
            "Retry with exponential backoff; quote the request ID to support if it persists."
                .to_owned(),
        ),
        _ => return None,
    };
    Some(Hint { what, check })
}

/// A failure reported inside a 200 response: what the 200 meant.
pub fn in_200(found: &Found) -> Option<&'static str> {
    if found.status != Some(200) {
        return None;
    }
    let failed_job = found
        .extra
        .iter()
        .any(|(k, v)| k == "State" && v.eq_ignore_ascii_case("failed"));
    Some(if found.partial {
        "A multi-object delete answers 200 and lists each key's failure: this key was not \
         deleted; the keys under <Deleted> were."
    } else if failed_job {
        "The request succeeded (200) and the job it reports failed: the job's code says why."
    } else {
        "The response's status was 200 and its body reports a failure: a copy (PUT Object - \
         Copy, Upload Part - Copy) can fail after its 200 was sent. Check the body, not only \
         the status."
    })
}

/// For a numeric code the catalogue lacks: the sections whose documented
/// codes are in its range (the same hundreds, else the same thousands).
pub fn sections_near(number: i64) -> Vec<Section> {
    for width in [100, 1000] {
        let mut near: Vec<Section> = Vec::new();
        for e in catalog::server_entries() {
            if let Some(n) = e.number.map(i64::from)
                && n.signum() == number.signum()
                && n / width == number / width
                && !near.contains(&e.section)
            {
                near.push(e.section);
            }
        }
        if !near.is_empty() {
            return near;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_s_range_names_its_section() {
        // Documented: -46618 (image download), -60936 (persistence),
        // -65014 (moderation), 1020 (media processing).
        assert_eq!(sections_near(-46699), vec![Section::ImageDownload]);
        assert_eq!(sections_near(-60999), vec![Section::ImagePersistence]);
        assert_eq!(sections_near(-65099), vec![Section::ContentModeration]);
        assert_eq!(sections_near(1199), vec![Section::MediaProcessing]);
        assert_eq!(sections_near(987_654), Vec::<Section>::new());
    }

    #[test]
    fn statuses_are_explained_per_provider_and_method() {
        let head = status(404, Some(Provider::Cos), true).unwrap();
        assert!(head.what.contains("HEAD Object"), "{head:?}");
        assert!(head.check.contains("APPID"), "{head:?}");
        let obs = status(403, Some(Provider::Obs), true).unwrap();
        assert!(obs.check.contains("x-obs-error-code"), "{obs:?}");
        assert!(!obs.check.contains("x-cos-error-code"), "{obs:?}");
        assert!(status(404, None, false).unwrap().what.contains("NoSuchKey"));
        assert_eq!(status(200, None, false), None);
    }

    #[test]
    fn proxies_and_clients_say_what_to_check() {
        let p = proxy(Some(413), Some("nginx/1.18.0"), Some(Provider::Cos));
        assert!(p.what.contains("nginx/1.18.0") && p.what.contains("Tencent Cloud COS"));
        assert!(p.check.contains("client_max_body_size"));
        let c = failure(FailureKind::Dns);
        assert!(c.what.contains("did not resolve"));
        assert!(c.check.contains("region"));
    }
}
