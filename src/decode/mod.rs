//! Finds and parses COS, CI and OBS errors in arbitrary text: XML bodies,
//! HTTP exchanges, JSON bodies, SDK and tool error strings, log lines,
//! proxies' pages, and client-side failures where no response came.
//!
//! This module only extracts what the input says; joining a found error
//! with the catalogue (entry, inferred code, suggestions) is
//! [`crate::explain`]'s job.
//!
//! # How it reads
//!
//! The data flows one way, each step a plain type that can be tested on
//! its own:
//!
//! 1. `input`: bytes to UTF-8 (byte order marks, UTF-16), in a bounded
//!    buffer;
//! 2. `record`: lines cut into records (a log record with its
//!    continuation lines, an HTTP exchange, a paragraph). An error's
//!    fields come from its own record only;
//! 3. `pipeline`: one multi-pattern search finds the shapes' keywords in
//!    a record, and only those shapes read it;
//! 4. `shapes`: one file per shape of error text, each reporting facts
//!    (`facts`) with where it found them;
//! 5. `resolve`: the one place that turns a record's facts into errors:
//!    which response they belong to, what repeats, which status wins, who
//!    answered (service, proxy, client), which provider.
//!
//! Memory stays bounded: a record holds at most 2,000 lines and 1 MiB, a
//! longer line is read in pieces, and the buffer never holds more than a
//! record and one read. From a pipe, each error is handed over as soon as
//! the line after its record arrives, or the input pauses.
//!
//! # Choices
//! - The same error seen twice in one record (an SDK's string wrapping
//!   the body it parsed, a body printed twice) is one error; in two
//!   records (two log lines), two: a log records occurrences.
//! - A per-key `<Error>` of `<DeleteResult>` puts its `Key` in `resource`
//!   and is marked `partial`.
//! - Values that are empty (`<TraceId/>`, `'traceid': ''`, `null`) are
//!   absent. ID fields lose inner whitespace (mail wraps long IDs); masked
//!   IDs (`NjA2****`) are kept verbatim, placeholders are not IDs.
//! - `provider` is set only from evidence: a host name, a header, a
//!   `Server`, the SDK's words, a request ID's shape when nothing else
//!   speaks. `vendor` says Tencent or Huawei when only that much is known.
//!   Amazon S3's or another store's evidence sets `foreign`.
//! - `client_date` is the request's `Date` header, else the log timestamp
//!   of the record's first line.

use std::io::{self, Read};

use crate::catalog::Provider;

mod draft;
mod escape;
pub(crate) mod facts;
mod gate;
mod input;
pub(crate) mod pipeline;
pub mod record;
pub mod redact;
pub mod reqid;
pub(crate) mod resolve;
mod shapes;

pub use redact::redact;
pub use reqid::{RequestTime, request_time};

/// Whether any byte of `bytes` satisfies `pred`. A fold without an early
/// exit, which is vectorised: `any` goes a byte at a time, and `memchr`'s
/// set-up costs more than the short texts of an error (codes, IDs,
/// layout) take to scan. For checks made on every field or error.
#[inline]
pub fn any_byte(bytes: &[u8], pred: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |found, &b| found | pred(b))
}

/// One error found in the input, with the fields as the input gave them.
/// Every string that echoes input has had secrets redacted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Provider as detected from headers (`Server`, `x-cos-*`, `x-obs-*`)
    /// or fields (`TraceId` vs `HostId`); `None` when the input does not say.
    pub provider: Option<Provider>,
    /// The company behind the error, when the input says that much but not
    /// which of its services answered (a `TraceId` is COS's or CI's).
    pub vendor: Option<Vendor>,
    pub status: Option<u16>,
    pub code: Option<String>,
    /// A numeric code: `X-ErrNo` header, or a numeric `<Code>`.
    pub number: Option<i64>,
    pub message: Option<String>,
    pub resource: Option<String>,
    pub request_id: Option<String>,
    pub trace_id: Option<String>,
    pub host_id: Option<String>,
    /// Other fields of the error, in input order (JSON objects: key order).
    pub extra: Vec<(String, String)>,
    /// Response headers that were seen with it, redacted.
    pub headers: Vec<(String, String)>,
    /// The request that failed, as `METHOD URL` (from `curl -v` `> ` lines
    /// or an SDK message), redacted.
    pub request: Option<String>,
    /// The response's `Date` header.
    pub server_date: Option<String>,
    /// The client's time: the request's `Date` header or a log timestamp.
    pub client_date: Option<String>,
    /// A per-key `<Error>` inside `<DeleteResult>`.
    pub partial: bool,
    /// 1-based line of the input where the error starts (for a whole HTTP
    /// response, its status line).
    pub line: u64,
    /// What was wrong with it: truncated XML, a field cut at 64 KiB, ...
    pub notes: Vec<String>,
    /// Who answered: the storage service, something in front of it, or
    /// nobody (the client failed before a response came).
    pub origin: Origin,
    /// For [`Origin::Client`]: what failed.
    pub failure: Option<Failure>,
    /// The evidence points at another S3-compatible store (Amazon S3,
    /// MinIO, Ceph, a gateway): not COS, CI or OBS.
    pub foreign: bool,
    /// The operation that failed (`HeadObject`, `PutObject`), when the
    /// input names it.
    pub operation: Option<String>,
    /// When the input has no code: the code its documented message names
    /// (one code only; a message several codes share names none).
    pub implied: Option<String>,
    /// It was read from a response body of its own (an XML or JSON error
    /// document, not an SDK's report of one): two such are two responses,
    /// never one failure reported twice.
    pub document: bool,
    /// For a signature or signing-time error: what a check of its
    /// signature rests on (the request as sent, the server's strings),
    /// unredacted; see [`crate::signature`]. No output shows it as is.
    pub signing: Option<Box<crate::signature::Material>>,
}

/// Who produced an error.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Origin {
    /// The storage or processing service answered with an error.
    #[default]
    Service,
    /// Something in front of the service answered: a reverse proxy, a CDN,
    /// a load balancer, a gateway (an HTML page, `Server: nginx`, a 502
    /// without an error document).
    Proxy,
    /// No response came back: DNS, connection, timeout, TLS, CORS.
    Client,
}

impl Origin {
    /// The identifier used in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Service => "service",
            Origin::Proxy => "proxy",
            Origin::Client => "client",
        }
    }
}

/// A failure on the client's side: no response was received.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub kind: FailureKind,
    /// The text that says so, as the input has it (cut and redacted).
    pub text: String,
    /// The host or URL the request was going to, when the input says.
    pub endpoint: Option<String>,
}

/// What kind of client-side failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FailureKind {
    /// The host name did not resolve.
    Dns,
    /// The connection was refused.
    Refused,
    /// The connection was reset or closed early.
    Reset,
    /// A connect or read timed out.
    Timeout,
    /// TLS handshake or certificate verification failed.
    Tls,
    /// A browser blocked the response (CORS), or a "Network Error".
    Cors,
    /// The network failed in some other way (no details).
    Network,
    /// The endpoint is malformed: the request was never sent.
    Endpoint,
    /// A local error (a file, a directory, a disk), not the request's.
    Local,
    /// The SDK's check of the data failed: the MD5 or CRC64 it computed
    /// does not match the one the service returned, or could not be
    /// computed.
    Integrity,
    /// The client had no credentials to sign with (no key pair configured
    /// or found): the request was not sent.
    Credentials,
    /// The SDK failed before a response came: an exception from inside
    /// the client library (a bug, a missing dependency, an argument it
    /// refused).
    Sdk,
}

impl FailureKind {
    /// Whether the client failed on what a response brought (its check of
    /// the data), rather than before any response came.
    pub fn after_response(self) -> bool {
        self == FailureKind::Integrity
    }

    /// The identifier used in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            FailureKind::Dns => "dns",
            FailureKind::Refused => "connection-refused",
            FailureKind::Reset => "connection-reset",
            FailureKind::Timeout => "timeout",
            FailureKind::Tls => "tls",
            FailureKind::Cors => "cors",
            FailureKind::Network => "network",
            FailureKind::Endpoint => "endpoint",
            FailureKind::Local => "local",
            FailureKind::Integrity => "integrity",
            FailureKind::Credentials => "credentials",
            FailureKind::Sdk => "sdk",
        }
    }
}

impl Found {
    /// The fields that tell which error this is, in a fixed order: code,
    /// message, resource, request ID, trace ID, host ID.
    pub fn identity(&self) -> [&Option<String>; 6] {
        [
            &self.code,
            &self.message,
            &self.resource,
            &self.request_id,
            &self.trace_id,
            &self.host_id,
        ]
    }
}

/// The company whose service sent an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vendor {
    /// Tencent Cloud: COS or CI.
    Tencent,
    /// Huawei Cloud: OBS.
    Huawei,
}

impl Vendor {
    /// The identifier used in `--json` output.
    pub fn as_str(self) -> &'static str {
        match self {
            Vendor::Tencent => "tencent",
            Vendor::Huawei => "huawei",
        }
    }
}

/// What `decode` read, for the final message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Bytes read from the input, before any transcoding.
    pub bytes: u64,
    pub lines: u64,
    /// Errors handed to the sink.
    pub found: u64,
    /// Warnings about the input as a whole (invalid UTF-8 decoded lossily, ...).
    pub warnings: Vec<String>,
    /// What was seen that is not an error (`a success response`), with
    /// how often: what to say when an input holds no error.
    pub seen: Vec<(String, u64)>,
}

/// How to decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// `--provider`: every error is attributed to this provider.
    pub provider: Option<Provider>,
    /// Longest field kept, in bytes; longer ones are cut and a note says so.
    pub max_field: usize,
    /// Show every record to every shape, without the keyword prefilter,
    /// and decide about a log's records by the gate's plain definition
    /// rather than its Teddy search: slower, and the same errors. For the
    /// tests that hold the prefilter and the gate to that.
    pub every_shape: bool,
}

impl Options {
    /// The default `max_field`: 64 KiB.
    pub const DEFAULT_MAX_FIELD: usize = 64 * 1024;
}

impl Default for Options {
    fn default() -> Self {
        Options {
            provider: None,
            max_field: Options::DEFAULT_MAX_FIELD,
            every_shape: false,
        }
    }
}

/// Reads `input` to its end and hands every error found to `sink`, in input
/// order, as soon as the record that holds it is complete.
///
/// An error returned by `sink` (a broken pipe) stops decoding and is
/// returned as is; so is a read error. A read that fails with
/// [`io::ErrorKind::TimedOut`] is a pause in the input: what is complete is
/// handed over, and reading goes on. Nothing in the input can make this
/// panic, loop forever, or hold more than a few MiB.
pub fn decode<R: Read>(
    input: R,
    options: &Options,
    sink: &mut dyn FnMut(Found) -> io::Result<()>,
) -> io::Result<Summary> {
    let mut source = input::Source::new(input);
    let mut reader = pipeline::Reader::new();
    let mut found = 0u64;
    let mut seen = pipeline::Seen::default();
    let mut coalesce = pipeline::Coalesce::default();
    let mut out = |f: Found| {
        found += 1;
        sink(f)
    };
    reader.run(&mut source, &mut |event| match event {
        pipeline::Event::Record(rec) => {
            let resolved = pipeline::process(rec.bytes, rec.first_line, rec.log, options);
            seen.add(&resolved.seen);
            if resolved.read {
                coalesce.next_record();
            }
            for f in resolved.errors {
                coalesce.push(f, &mut out)?;
            }
            Ok(())
        }
        pipeline::Event::Pause => coalesce.flush(&mut out),
    })?;
    coalesce.flush(&mut out)?;
    Ok(reader.summary(&source, found, seen.into_vec()))
}

/// Like [`decode`], but shows the records to `threads` threads, which
/// find their errors; `sink` gets them on the calling thread, in input
/// order. For files and other inputs where nobody waits for the first
/// error: records are handed over in batches.
///
/// The errors and the summary are those of [`decode`]: the same records
/// go through the same [`pipeline::process`], wherever it runs, and the
/// errors through the same coalescing, here. Memory stays bounded: a few
/// batches of at most 64 KiB are in flight.
pub fn decode_parallel<R: Read>(
    input: R,
    options: &Options,
    threads: usize,
    sink: &mut dyn FnMut(Found) -> io::Result<()>,
) -> io::Result<Summary> {
    if threads < 2 {
        return decode(input, options, sink);
    }
    parallel::run(input, options, threads, sink)
}

mod parallel;

/// Decodes a whole in-memory input and collects what it found: for tests
/// and for callers that already hold the text.
pub fn decode_all(input: &[u8], options: &Options) -> (Vec<Found>, Summary) {
    let mut found = Vec::new();
    let summary = decode(input, options, &mut |f| {
        found.push(f);
        Ok(())
    })
    // Reading a slice cannot fail and the sink above never fails.
    .unwrap_or_default();
    (found, summary)
}

/// Every sequence of up to `max_len` items of `alphabet`, shortest first:
/// the inputs of the exhaustive tests that hold a fast path to the plain
/// definition it replaces.
#[cfg(test)]
fn every_sequence<T: Copy>(alphabet: &[T], max_len: u32) -> impl Iterator<Item = Vec<T>> + '_ {
    (0..=max_len).flat_map(move |len| {
        (0..alphabet.len().pow(len)).map(move |mut k| {
            (0..len)
                .map(|_| {
                    let item = alphabet[k % alphabet.len()];
                    k /= alphabet.len();
                    item
                })
                .collect()
        })
    })
}
