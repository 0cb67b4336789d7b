//! HTML error pages: what a reverse proxy, CDN, load balancer or gateway
//! answers in place of the storage service (`<title>502 Bad
//! Gateway</title>`, `<center>nginx</center>`, `<hr><center>openresty`),
//! also when an SDK or a JSON parser quotes the page it could not read.

use super::super::draft::cut_str;
use super::super::facts::{Facts, Kind};
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "html",
    keywords: &[
        "<title>",
        "<html",
        "<h1>",
        "<center>",
        "<!DOCTYPE html",
        "on this server",
        "permission to",
        "URL was rejected",
        "but have <html>",
        "non-XML response",
        "unmarshal error message",
        "XMLParserError",
    ],
    dynamic: None,
    always: false,
    find,
};

/// Servers known to sit in front of a service, as their pages sign.
const SERVERS: [&str; 10] = [
    "nginx",
    "openresty",
    "Tengine",
    "Apache",
    "cloudflare",
    "Varnish",
    "Microsoft-Azure-Application-Gateway",
    "awselb",
    "squid",
    "Caddy",
];

/// What web servers write on their plain-text error pages: Apache's
/// and its kin's, which CDNs and front servers answer with.
/// What web servers write on their plain-text error pages (Apache's and
/// its kin's, which CDNs and front servers answer with), and what clients
/// say when the answer was a page where an error document should be. The
/// status is not read from them: the text does not say it.
const PLAIN_PAGES: [&str; 8] = [
    "was not found on this server",
    "you do not have permission to get url",
    "you don't have permission to access",
    "the requested url was rejected",
    // Go's encoding/xml (rclone, aws-sdk-go).
    "but have <html>",
    // cos-php-sdk-v5.
    "a non-xml response was received",
    // aws-sdk-go v1's SerializationError.
    "failed to unmarshal error message",
    // aws-sdk-js v2, whose XML parser met a page.
    "xmlparsererror",
];

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    let lower = text.to_ascii_lowercase();
    for phrase in PLAIN_PAGES {
        if let Some(at) = lower.find(phrase) {
            out.push(
                at..at + phrase.len(),
                Kind::Page {
                    title: Some(text[at..at + phrase.len()].to_owned()),
                    status: None,
                    server: None,
                },
            );
            return;
        }
    }
    let start = ["<!doctype html", "<html", "<title>", "<h1>", "<center>"]
        .iter()
        .filter_map(|m| lower.find(m))
        .min();
    let Some(start) = start else {
        return;
    };
    let end = lower[start..]
        .find("</html>")
        .map_or(text.len(), |i| start + i + "</html>".len());
    let page = &text[start..end];
    let lpage = &lower[start..end];
    let title = element(page, lpage, "title").or_else(|| element(page, lpage, "h1"));
    let status = title.and_then(|t| {
        let digits: String = t.trim().chars().take(3).collect();
        digits
            .parse::<u16>()
            .ok()
            .filter(|s| (100..600).contains(s) && t.trim().len() >= 3)
    });
    let server = element(page, lpage, "center")
        .filter(|s| {
            SERVERS
                .iter()
                .any(|k| s.to_ascii_lowercase().starts_with(&k.to_ascii_lowercase()))
        })
        .or_else(|| {
            SERVERS
                .iter()
                .find(|k| lpage.contains(&k.to_ascii_lowercase()))
                .copied()
        });
    if title.is_none() && server.is_none() {
        return;
    }
    out.push(
        start..end,
        Kind::Page {
            title: title.map(|t| cut_str(t.trim(), 256).to_owned()),
            status,
            server: server.map(|s| cut_str(s.trim(), 128).to_owned()),
        },
    );
}

/// The text of the first `<name>...</name>` of a page.
fn element<'a>(page: &'a str, lpage: &str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    let a = lpage.find(&open)? + open.len();
    let z = a + lpage[a..].find(&close)?;
    let t = page[a..z].trim();
    (!t.is_empty() && t.len() < 512).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::super::tests::one;
    use crate::decode::Origin;

    #[test]
    fn nginx_502_page() {
        let f = one(
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n",
        );
        assert_eq!(f.status, Some(502));
        assert_eq!(f.origin, Origin::Proxy);
    }

    #[test]
    fn a_redirects_page_where_a_response_was_wanted() {
        // github.com/pingcap/br issues 484: openresty's 301 page as the
        // body of a failed PUT.
        let page = "<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n";
        let f = one(page);
        assert_eq!(f.status, Some(301));
        assert_eq!(f.origin, Origin::Proxy);
        // 304 answers a conditional request: no error.
        let not_modified = page.replace("301 Moved Permanently", "304 Not Modified");
        assert!(super::super::tests::errors(&not_modified).is_empty());
    }
}
