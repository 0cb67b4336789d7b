//! The recognisers: one file per shape of error text, each reporting
//! facts with where it found them. A shape knows nothing about input,
//! records or output; it reads one record's text.
//!
//! Each shape lists its keywords: ASCII substrings, matched without regard
//! to case, at least one of which occurs in any text the shape can find
//! something in. One multi-pattern search over the input finds them all,
//! and a record is shown only to the shapes whose keywords it holds
//! ([`super::prefilter`]); `tests/real_corpus.rs` checks on every corpus
//! that running every shape on every record finds the same errors.
//!
//! To add a shape: write `NAME.rs` with a `pub const SHAPE: Shape` and its
//! tests (real examples from `tests/corpus/real/`), and add it to
//! [`SHAPES`].

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
pub mod sdk_aws;
pub mod sdk_go;
pub mod sdk_java;
pub mod status;
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
    run(&inner, ALL, &mut facts);
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
        if SHAPES[i].keywords.is_empty() && SHAPES[i].dynamic.is_none() {
            m |= 1 << i;
        }
        i += 1;
    }
    m
};

/// Runs the shapes in `mask` over a record, with the context shapes when
/// any other runs.
pub fn run(rec: &RecordText<'_>, mask: u64, facts: &mut Facts) {
    let mask = if mask & !CONTEXT != 0 {
        mask | CONTEXT
    } else {
        0
    };
    for (i, shape) in SHAPES.iter().enumerate() {
        if mask & (1 << i) != 0 {
            (shape.find)(rec, facts);
        }
    }
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
