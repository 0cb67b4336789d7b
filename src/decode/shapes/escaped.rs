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
    let runs = concatenations(text);
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if runs.iter().any(|(span, _)| span.contains(&start)) {
            continue;
        }
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
    for (span, joined) in runs {
        super::read_nested(rec, span, &joined, out);
    }
}

/// One string that Node's `util.inspect` (and so `console.log` of an
/// error) prints over several lines as a concatenation, a literal a line:
///
/// ```text
/// body: "<?xml version='1.0' encoding='utf-8' ?>\n" +
///   '<Error>\n' +
///   '\t<Code>SignatureDoesNotMatch</Code>\n' +
///   '</Error>'
/// ```
///
/// Each run: where it is, and its literals joined and unescaped.
fn concatenations(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut runs = Vec::new();
    if !text.contains("' +") && !text.contains("\" +") {
        return runs;
    }
    // The run under way: where it starts, its literals' text.
    let mut open: Option<(usize, String)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let body = line.trim_end_matches(['\n', '\r']).trim_end();
        let (body, more) = match body.strip_suffix(" +") {
            Some(b) => (b, true),
            // The last literal, maybe closing the object it is in
            // (`'</Error>' }`).
            None => (body.trim_end_matches([',', '}', ')', ']', ' ']), false),
        };
        let literal = match &open {
            // The first line may have a label before its literal.
            None if more => last_literal(body),
            None => None,
            Some(_) => whole_literal(body.trim_start()),
        };
        match (literal, open.take()) {
            (Some(lit), None) => open = Some((start, lit.to_owned())),
            (Some(lit), Some((a, mut joined))) => {
                joined.push_str(lit);
                if more {
                    open = Some((a, joined));
                } else {
                    runs.push((a..at, joined));
                }
            }
            // A line that continues no literal ends the run where it was.
            (None, Some((a, joined))) => runs.push((a..start, joined)),
            (None, None) => {}
        }
    }
    if let Some((a, joined)) = open {
        runs.push((a..at, joined));
    }
    runs.retain(|(_, joined)| joined.contains('<') || joined.contains('{'));
    for (_, joined) in &mut runs {
        if let std::borrow::Cow::Owned(u) = escape::unescape_view(joined) {
            *joined = u;
        }
    }
    runs
}

/// A line that is one quoted literal: its inside.
fn whole_literal(s: &str) -> Option<&str> {
    let q = *s.as_bytes().first()?;
    if !matches!(q, b'\'' | b'"') || s.len() < 2 || s.as_bytes()[s.len() - 1] != q {
        return None;
    }
    let inside = &s[1..s.len() - 1];
    closes_at_end(inside, q).then_some(inside)
}

/// The quoted literal that ends a line (`body: '<Error>\n'`): its inside.
fn last_literal(s: &str) -> Option<&str> {
    let q = *s.as_bytes().last()?;
    if !matches!(q, b'\'' | b'"') || s.len() < 2 {
        return None;
    }
    let b = s.as_bytes();
    // The opening quote: the last unescaped one before the closing.
    let mut i = s.len() - 1;
    while i > 0 {
        i -= 1;
        if b[i] == q && (i == 0 || b[i - 1] != b'\\') {
            let inside = &s[i + 1..s.len() - 1];
            return closes_at_end(inside, q).then_some(inside);
        }
    }
    None
}

/// Whether no unescaped `q` is inside a literal's text.
fn closes_at_end(inside: &str, q: u8) -> bool {
    let b = inside.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c == q => return false,
            _ => i += 1,
        }
    }
    true
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
    fn a_body_that_node_prints_as_a_concatenation() {
        // tests/corpus/real/cos-nodejs-sdk-accelerate-signature-inspect-concat.txt
        let text = concat!(
            "\"<?xml version='1.0' encoding='utf-8' ?>\\n\" +\n",
            "  '<Error>\\n' +\n",
            "  '\\t<Code>SignatureDoesNotMatch</Code>\\n' +\n",
            "  '\\t<Message>The Signature you specified is invalid.</Message>\\n' +\n",
            "  '\\t<RequestId>NjIwMjA0MDlfMzIyYjYyNjRfMWIzNV82Mjk2OTk1</RequestId>\\n' +\n",
            "  '</Error>'\n",
        );
        let f = one(text);
        assert_eq!(f.code.as_deref(), Some("SignatureDoesNotMatch"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjIwMjA0MDlfMzIyYjYyNjRfMWIzNV82Mjk2OTk1")
        );
        // A label before the first literal (`body: '...' +`).
        let f = one("  body: '<Error>\\n' +\n    '<Code>NoSuchKey</Code>\\n' +\n    '</Error>',\n");
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        let runs = super::concatenations(
            "{ body: '<Error>\\n' +\n    '<Code>NoSuchKey</Code>\\n' +\n    '</Error>' }\n",
        );
        assert_eq!(runs.len(), 1);
        assert!(runs[0].1.ends_with("</Error>"), "{:?}", runs[0].1);
    }

    #[test]
    fn concatenation_runs() {
        use super::concatenations;
        let runs = concatenations("x: 'a<b\\n' +\n  'c\\n' +\n  'd'\nnext line\n");
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].1, "a<b\nc\nd");
        assert_eq!(
            &"x: 'a<b\\n' +\n  'c\\n' +\n  'd'\nnext line\n"[runs[0].0.clone()],
            "x: 'a<b\\n' +\n  'c\\n' +\n  'd'\n"
        );
        // Arithmetic, literals without markup: no run.
        assert!(concatenations("a = 'x' + 1\n").is_empty());
        assert!(concatenations("s = 'x\\n' +\n  'y'\n").is_empty());
        // A line that continues no literal ends the run before it.
        let runs = concatenations("'<a>' +\n  name\n");
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].0, 0..8);
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
