//! A forward proxy that would not open the tunnel: the client asked an
//! HTTP proxy to `CONNECT` to the endpoint, and the proxy answered with a
//! status of its own (407 for its login, 403 for its allow-list, 500 or
//! 502 when it could not reach the endpoint). The storage service never
//! saw the request; the status is the proxy's.
//!
//! Each client words it its own way; the status follows a fixed lead.

use super::super::facts::{Facts, Kind};
use super::super::record::RecordText;
use super::Shape;

/// How clients report the proxy's answer (lower case): the lead, and
/// what must follow the status, if anything.
const LEADS: [(&str, &str); 6] = [
    // OkHttp (the OBS and COS Java and Android SDKs).
    ("unexpected response code for connect: ", ""),
    // Python's http.client, inside urllib3's ProxyError.
    ("tunnel connection failed: ", ""),
    // curl, up to 7.86, and git over it.
    ("received http code ", " from proxy after connect"),
    // curl from 7.87.
    ("connect tunnel failed, response ", ""),
    // Java's HttpURLConnection.
    (
        "unable to tunnel through proxy. proxy returns \"http/1.1 ",
        "",
    ),
    (
        "unable to tunnel through proxy. proxy returns \"http/1.0 ",
        "",
    ),
];

pub const SHAPE: Shape = Shape {
    name: "tunnel",
    keywords: &[
        "response code for CONNECT",
        "Tunnel connection failed",
        "Received HTTP code",
        "CONNECT tunnel failed",
        "Proxy returns \"HTTP/",
    ],
    dynamic: None,
    always: false,
    find,
};

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    let lower = text.to_ascii_lowercase();
    for (lead, then) in LEADS {
        let Some(at) = lower.find(lead) else {
            continue;
        };
        let digits_at = at + lead.len();
        let status = text
            .get(digits_at..digits_at + 3)
            .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|d| d.parse::<u16>().ok())
            .filter(|s| (100..600).contains(s));
        let mut end = digits_at + status.map_or(0, |_| 3);
        if !then.is_empty() {
            // Only with its tail: `Received HTTP code 403` alone is not
            // a proxy's.
            if status.is_none() || !lower[end..].starts_with(then) {
                continue;
            }
            end += then.len();
        }
        out.push(
            at..end,
            Kind::Page {
                title: Some(text[at..end].to_owned()),
                status,
                server: None,
            },
        );
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::one;
    use crate::decode::Origin;

    #[test]
    fn a_proxy_that_would_not_connect_answered_in_the_services_place() {
        // python-otcextensions issue 312 (OBS on Open Telekom Cloud,
        // behind a corporate proxy).
        let f = one(
            "Unable to establish connection to https://hallo.obs.eu-ch2.otc.t-systems.com/: HTTPSConnectionPool(host='hallo.obs.eu-ch2.otc.t-systems.com', port=443): Max retries exceeded with url: / (Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed: 500 Unable to connect')))",
        );
        assert_eq!(f.origin, Origin::Proxy);
        assert_eq!(f.status, Some(500));
        assert!(f.failure.is_none());
    }

    #[test]
    fn each_clients_words_give_the_proxys_status() {
        for (text, status) in [
            (
                "curl: (56) Received HTTP code 407 from proxy after CONNECT",
                407,
            ),
            ("curl: (56) CONNECT tunnel failed, response 403", 403),
            (
                "java.io.IOException: Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407 Proxy Authentication Required\"",
                407,
            ),
            (
                "java.io.IOException: Unexpected response code for CONNECT: 400",
                400,
            ),
        ] {
            let f = one(text);
            assert_eq!(f.origin, Origin::Proxy, "{text}");
            assert_eq!(f.status, Some(status), "{text}");
        }
    }

    #[test]
    fn in_a_log_the_gate_lets_each_through() {
        use crate::decode::gate::{Verdict, check};
        for line in [
            "2024-01-01 10:00:00 WARN fatal: unable to access 'https://b-125.cos.ap-beijing.myqcloud.com/': Received HTTP code 407 from proxy after CONNECT",
            "2024-01-01 10:00:00 WARN java.io.IOException: Unable to tunnel through proxy. Proxy returns \"HTTP/1.0 407 Proxy Authentication Required\"",
            "2024-01-01 10:00:00 WARN OSError('Tunnel connection failed: 500 Unable to connect')",
            "2024-01-01 10:00:00 WARN curl: (56) CONNECT tunnel failed, response 403",
        ] {
            assert_eq!(check(line.as_bytes()), Verdict::Read, "{line}");
        }
    }

    #[test]
    fn a_status_without_the_proxys_words_is_not_a_proxys() {
        let mut facts = crate::decode::facts::Facts::new();
        let rec = crate::decode::record::RecordText::new("Received HTTP code 403", 1, 4096);
        super::find(&rec, &mut facts);
        assert!(facts.list.is_empty());
    }
}
