//! The servers' own messages, found without their code: a log that kept
//! `The specified key does not exist.` and nothing else still says which
//! error it was. The messages are the catalogue's (the server messages the
//! documents give, and the descriptions of named codes that double as
//! messages), matched without regard to case.

use super::super::draft::{Draft, Field, Shape as Kind};
use super::super::facts::Facts;
use super::super::record::RecordText;
use super::Shape;
use crate::catalog;

pub const SHAPE: Shape = Shape {
    name: "message",
    // On every record the gate lets through (see `decode::gate`): the
    // catalogue's names and messages are too many to look for first.
    keywords: &[],
    dynamic: None,
    always: true,
    find,
};

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    for q in catalog::messages::find_all(rec.text).into_iter().take(16) {
        let mut d = Draft::new(Kind::Labels);
        d.documented = true;
        d.implies = catalog::messages::codes_of(q.message);
        d.set(
            Field::Message,
            "Message",
            &rec.text[q.start..q.end],
            0,
            rec.max_field,
        );
        d.found.line = rec.line_at(q.start);
        out.error(q.start..q.end, d);
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::one;

    #[test]
    fn a_message_alone_is_an_error() {
        let f = one(
            "ts=2024-03-01 level=error msg=\"upload failed\" err=\"The specified bucket does not exist.\"",
        );
        assert!(f.message.is_some());
    }
}
