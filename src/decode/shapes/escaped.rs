//! Error text written inside another text: an XML body in a JSON string
//! (`"<Error>\n<Code>...`, Go's `\u003cError\u003e`), a Python `repr`
//! (`b'<?xml ...\n<Error>'`), a body HTML-escaped into a page or a
//! message (`&lt;Code&gt;`). The escapes are undone and the result is read
//! again with every shape, as text of its own.

use super::super::escape;
use super::super::facts::Facts;
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "escaped",
    // Every escape `escape::has_escapes` undoes, and HTML's `&lt;`.
    keywords: &[
        "\\n", "\\t", "\\r", "\\\"", "\\'", "\\u", "\\x", "\\/", "&lt;",
    ],
    dynamic: None,
    always: false,
    find,
};

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        if body.len() < 8 {
            continue;
        }
        let span = start..start + body.len();
        // A wire log's `[\r][\n]` marks line ends; they escape nothing.
        let body: std::borrow::Cow<'_, str> = if body.contains("[\\r]") || body.contains("[\\n]") {
            std::borrow::Cow::Owned(body.replace("[\\r]", "").replace("[\\n]", ""))
        } else {
            std::borrow::Cow::Borrowed(body)
        };
        if let std::borrow::Cow::Owned(view) = escape::unescape_view(&body) {
            super::read_nested(rec, span.clone(), &view, out);
        }
        if let Some(view) = html_unescaped(&body) {
            super::read_nested(rec, span, &view, out);
        }
    }
}

/// The text with HTML's `&lt;`, `&gt;`, `&quot;`, `&amp;` undone, when it
/// holds an escaped element.
fn html_unescaped(s: &str) -> Option<String> {
    if !(s.contains("&lt;Error") || s.contains("&lt;Code") || s.contains("&lt;?xml")) {
        return None;
    }
    Some(
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::super::tests::one;

    #[test]
    fn a_body_in_a_json_string() {
        let f = one(
            r#"{"level":"error","msg":"request failed","body":"<?xml version=\"1.0\"?>\n<Error>\n\t<Code>NoSuchKey</Code>\n\t<RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId>\n</Error>"}"#,
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
    }

    #[test]
    fn go_escapes_and_html_entities() {
        let f = one(
            r"err=\u003cError\u003e\u003cCode\u003eSlowDown\u003c/Code\u003e\u003c/Error\u003e",
        );
        assert_eq!(f.code.as_deref(), Some("SlowDown"));
        let f = one("message: &lt;Error&gt;&lt;Code&gt;AccessDenied&lt;/Code&gt;&lt;/Error&gt;");
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
    }
}
