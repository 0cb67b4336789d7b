//! What recognisers report: facts found in a record, each with the span of
//! the record's text it was read from. Facts are plain data; turning them
//! into errors is [`super::resolve`]'s job alone.

use std::ops::Range;

use super::FailureKind;
use super::draft::{Draft, Evidence};

/// One thing a recogniser found, and where.
#[derive(Clone, Debug)]
pub struct Fact {
    /// Byte range in the record's text.
    pub span: Range<usize>,
    pub kind: Kind,
}

/// What was found.
#[derive(Clone, Debug)]
pub enum Kind {
    /// An error as one shape carries it: fields that belong together (an
    /// XML or JSON body, an SDK's error string, labelled fields).
    Error(Box<Draft>),
    /// An HTTP status line: a response starts here.
    Response { status: u16, reason: String },
    /// A response header (`Name: value` in a response's head, or in a
    /// header dump an SDK logged).
    Header { name: String, value: String },
    /// The request: `GET https://host/key`, `> PUT /key HTTP/1.1`.
    Request { method: String, target: String },
    /// A request header that matters: its `Host` or `Date`.
    RequestHeader { name: String, value: String },
    /// An HTTP status printed in some other context (`statusCode: 403`,
    /// `[code 403]`, `HEAD url: 403`).
    Status {
        status: u16,
        reason: Option<String>,
        /// Printed alone on its line: a status beside an error (an SDK
        /// sample prints the status, then the code), never one alone.
        alone: bool,
    },
    /// An ID printed on its own (`RequestId: X`, `x-cos-request-id: X`).
    Id { field: IdField, value: String },
    /// Who sent it: a host name, a header, an SDK's words.
    Evidence(Evidence),
    /// An endpoint: the host (or URL) a request went to.
    Endpoint(String),
    /// No response came back: the client failed; the host its line
    /// names, if it names one.
    Client {
        kind: FailureKind,
        text: String,
        endpoint: Option<String>,
    },
    /// An HTML page (a proxy's, a CDN's, a gateway's).
    Page {
        title: Option<String>,
        status: Option<u16>,
        server: Option<String>,
    },
    /// A success was seen (for the message when no error is found).
    Success(&'static str),
    /// An operation's name (`HeadObject`, `PutObject`).
    Operation(String),
}

/// Which ID an [`Kind::Id`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdField {
    Request,
    Trace,
    Host,
}

/// The facts of one record.
#[derive(Debug, Default)]
pub struct Facts {
    pub list: Vec<Fact>,
}

impl Facts {
    pub fn new() -> Facts {
        Facts::default()
    }

    pub fn push(&mut self, span: Range<usize>, kind: Kind) {
        // A hostile record cannot grow the list without bound.
        if self.list.len() < MAX_FACTS {
            self.list.push(Fact { span, kind });
        }
    }

    pub fn error(&mut self, span: Range<usize>, d: Draft) {
        self.push(span, Kind::Error(Box::new(d)));
    }
}

/// Facts kept per record.
pub const MAX_FACTS: usize = 4096;
