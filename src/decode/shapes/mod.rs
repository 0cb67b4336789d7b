//! The recognisers: one file per shape of error text, each reporting
//! facts with where it found them. A shape knows nothing about input,
//! records or output; it reads one record's text.
//!
//! Each shape lists its keywords: ASCII substrings, matched without regard
//! to case, at least one of which occurs in any text the shape can find
//! something in. One multi-pattern search over a record finds them all,
//! and the record is shown only to the shapes whose keywords it holds
//! ([`super::pipeline::mask`]), and to the shapes that run `always`
//! (the catalogue's names and messages, too many to search for first).
//! Before that, a log's record passes [`super::gate`]. A record that is
//! one XML error document and nothing else is read by the XML shape alone
//! ([`read_document`]). `tests/real_corpus.rs` checks on every corpus
//! that running every shape on every record finds the same errors.
//!
//! To add a shape: write `NAME.rs` with a `pub const SHAPE: Shape` and its
//! tests (real examples from `tests/corpus/real/`), add it to [`SHAPES`],
//! and make sure that what it starts an error from holds one of the
//! gate's anchors (a test in `gate.rs` checks its keywords).

use super::facts::{Facts, Kind};
use super::record::RecordText;

pub mod client;
pub mod escaped;
pub mod evidence;
pub mod html;
pub mod http;
pub mod ids;
pub mod json;
pub mod kv;
pub mod message;
pub mod named;
pub mod obs_c;
pub mod sdk_aws;
pub mod sdk_go;
pub mod sdk_java;
pub mod status;
pub mod tunnel;
pub mod xml;

/// A recogniser.
pub struct Shape {
    /// What the shape reads, for people: tests name it.
    #[allow(dead_code)] // read by the tests only
    pub name: &'static str,
    /// Substrings (ASCII letters in any case) one of which must occur for
    /// the shape to find anything; empty: the shape only adds context
    /// (evidence, IDs) and runs on every record another shape reads.
    pub keywords: &'static [&'static str],
    /// More keywords, made from the catalogue (its code names, its
    /// messages).
    pub dynamic: Option<fn() -> Vec<&'static str>>,
    /// Runs on every record that reaches the shapes, keywords or not.
    pub always: bool,
    pub find: fn(&RecordText<'_>, &mut Facts),
}

/// Every shape, in the order they run. Order matters only for which
/// facts come first in a record's list; resolution sorts by position.
pub const SHAPES: &[Shape] = &[
    xml::SHAPE,
    http::SHAPE,
    json::SHAPE,
    kv::SHAPE,
    sdk_go::SHAPE,
    sdk_java::SHAPE,
    sdk_aws::SHAPE,
    named::SHAPE,
    message::SHAPE,
    status::SHAPE,
    html::SHAPE,
    tunnel::SHAPE,
    obs_c::SHAPE,
    client::SHAPE,
    ids::SHAPE,
    evidence::SHAPE,
    escaped::SHAPE,
];

/// A mask with every shape.
pub const ALL: u64 = if SHAPES.len() >= 64 {
    u64::MAX
} else {
    (1u64 << SHAPES.len()) - 1
};

/// How deeply strings are read inside strings.
const MAX_DEPTH: u8 = 3;

/// Reads `text`, a string found (and unescaped) in `span` of `rec`, as
/// text of its own with every shape; what they find is placed at `span`.
/// A log record's field that holds an XML body, an SDK message escaped
/// inside another error's message.
pub fn read_nested(
    rec: &RecordText<'_>,
    span: std::ops::Range<usize>,
    text: &str,
    out: &mut Facts,
) {
    if rec.depth >= MAX_DEPTH || text.len() > super::record::MAX_BYTES {
        return;
    }
    let inner = RecordText {
        text,
        first_line: rec.line_at(span.start),
        counts_lines: false,
        max_field: rec.max_field,
        depth: rec.depth + 1,
    };
    let mut facts = Facts::new();
    run(&inner, ALL, 0, &mut facts);
    for f in facts.list {
        // A status line or header inside a string is not a response of
        // this record's: the string is a message that quotes it.
        if matches!(f.kind, Kind::Response { .. } | Kind::Header { .. }) {
            continue;
        }
        out.push(span.clone(), f.kind);
    }
}

/// The shapes without keywords of any kind, which add context to what
/// others find.
pub const CONTEXT: u64 = {
    let mut m = 0;
    let mut i = 0;
    while i < SHAPES.len() {
        if SHAPES[i].keywords.is_empty() && SHAPES[i].dynamic.is_none() && !SHAPES[i].always {
            m |= 1 << i;
        }
        i += 1;
    }
    m
};

/// The shapes that run on every record that reaches the shapes.
pub const ALWAYS: u64 = {
    let mut m = 0;
    let mut i = 0;
    while i < SHAPES.len() {
        if SHAPES[i].always {
            m |= 1 << i;
        }
        i += 1;
    }
    m
};

/// Runs the shapes in `mask` and [`ALWAYS`] but those in `skip` over a
/// record, with the context shapes when any of them runs.
pub fn run(rec: &RecordText<'_>, mask: u64, skip: u64, facts: &mut Facts) {
    let mask = mask | ALWAYS;
    let mask = if mask & !CONTEXT != 0 {
        mask | CONTEXT
    } else {
        0
    };
    // What the XML shape found: here already (`skip` holds it), or found
    // first, as it is the first shape.
    let mut xml_end = facts.list.len();
    for (i, shape) in SHAPES.iter().enumerate() {
        if mask & !skip & (1 << i) != 0 {
            (shape.find)(rec, facts);
        }
        if i == 0 {
            xml_end = facts.list.len();
        }
    }
    drop_quoted(facts, xml_end);
}

/// A whole XML error document is the XML shape's alone: what another
/// shape reads inside it (an exception's words, a status, a host in its
/// `<Message>`) is the document's text, quoted, not a second error or a
/// fact of the record's. A record that is one document and nothing else
/// is never shown to the other shapes ([`read_document`]); this keeps a
/// document inside a longer record, and every shape on every record,
/// alike. `facts.list[..xml_end]` are the XML shape's.
fn drop_quoted(facts: &mut Facts, xml_end: usize) {
    let documents: Vec<std::ops::Range<usize>> = facts.list[..xml_end]
        .iter()
        .filter_map(|f| match &f.kind {
            Kind::Error(d) if d.shape == super::draft::Shape::Xml && !d.cut => Some(f.span.clone()),
            _ => None,
        })
        .collect();
    if documents.is_empty() || facts.list.len() == xml_end {
        return;
    }
    let mut i = 0;
    facts.list.retain(|f| {
        let keep = i < xml_end || !documents.iter().any(|d| d.contains(&f.span.start));
        i += 1;
        keep
    });
}

/// The XML shape's bit: it is the first shape.
pub const XML: u64 = 1;

/// Runs the XML shape alone over a record that starts with markup, and
/// says whether the record is one XML error document and nothing else:
/// then the other shapes could only find its fields again
/// (`tests/real_corpus.rs` checks that skipping them changes nothing).
pub fn read_document(rec: &RecordText<'_>, facts: &mut Facts) -> bool {
    (xml::SHAPE.find)(rec, facts);
    is_one_document(rec.text, &facts.list)
}

/// Whether `text` is one error document, with at most an XML declaration
/// and white space around it, and `facts` that document's error alone.
fn is_one_document(text: &str, facts: &[super::facts::Fact]) -> bool {
    let [fact] = facts else {
        return false;
    };
    // A document cut off before its end may hold text its fields do not
    // (a host after a broken tag): the other shapes read the rest.
    match &fact.kind {
        Kind::Error(d) if !d.cut => {}
        _ => return false,
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    let body = match body.strip_prefix("<?xml") {
        Some(rest) => match rest.find("?>") {
            Some(end) => rest[end + 2..].trim_start(),
            None => return false,
        },
        None => body,
    };
    let start = text.len() - body.len();
    fact.span.start == start && text[fact.span.end.min(text.len())..].trim().is_empty()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{Found, Options, decode_all};

    /// Decodes `text` whole, as the decoder would: for the shapes' own
    /// tests, which check what a shape contributes to the errors found.
    pub fn errors(text: &str) -> Vec<Explained> {
        decode_all(text.as_bytes(), &Options::default())
            .0
            .into_iter()
            .map(|found| Explained { found })
            .collect()
    }

    /// One error found.
    #[derive(Debug)]
    pub struct Explained {
        pub found: Found,
    }

    /// Decodes `text` and expects exactly one error.
    pub fn one(text: &str) -> Found {
        let mut e = errors(text);
        assert_eq!(e.len(), 1, "{text}\n{e:#?}");
        e.remove(0).found
    }

    #[test]
    fn the_xml_shape_is_first() {
        assert_eq!(super::SHAPES[0].name, "xml");
    }

    #[test]
    fn every_shape_has_a_name_and_the_mask_covers_them() {
        assert!(super::SHAPES.len() < 64);
        assert_eq!(super::ALL.count_ones() as usize, super::SHAPES.len());
        for s in super::SHAPES {
            assert!(!s.name.is_empty());
            for k in s.keywords {
                assert!(!k.is_empty(), "{}: {k:?}", s.name);
            }
        }
    }
}
