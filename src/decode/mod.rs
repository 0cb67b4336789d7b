//! Finds and parses COS, CI and OBS error responses in arbitrary text:
//! XML bodies, HTTP responses, JSON bodies, SDK error strings and log lines.
//!
//! This module only extracts what the input says; joining a found error with
//! the catalogue (entry, inferred code, suggestions) is the caller's job.
//!
//! # How it reads
//!
//! [`decode`] streams: it never holds more than one bounded segment of a
//! line (256 KiB) plus the markup of one open XML element, so a 1 GiB log
//! decodes in a few MiB and `tail -f log | coserr decode` prints each error
//! as soon as the line that completes it arrives. Lines with none of a few
//! marker words (`rror`, `ode`, `essage`, `xception`, `esponse`, `esult`,
//! and the upper-case forms of the first three) that do not start like
//! curl's `HTTP/` lines are skipped by one SIMD multi-substring search over
//! whole buffers and never parsed.
//!
//! A file can also be decoded on every core, with the same output:
//! `parallel` cuts it into chunks and checks at each cut that the scan
//! before it stands where a fresh one would.
//!
//! The pieces, in the order a line meets them:
//! - `input`: byte order marks, UTF-16, lossy UTF-8, NUL bytes, long lines;
//! - `http`: `curl -i`/`curl -v` status lines, headers and bodies;
//! - `json`: JSON objects (one line, or pretty-printed over several);
//! - `xml`: `<Error>`, `<Response>` and `<DeleteResult>` bodies, parsed
//!   with quick-xml as they stream in;
//! - `labels`: the `Key: value` / `key=value` / `'key': 'value'` shapes
//!   that SDKs and CLIs print;
//! - `draft`: one error being assembled, merged, redacted and cut.
//!
//! # Choices the issue leaves open
//! - The same error printed twice on one line (a logger that repeats the
//!   exception text) is reported once; printed on two lines, twice: a log
//!   records occurrences.
//! - A per-key `<Error>` of `<DeleteResult>` puts its `Key` in `resource`
//!   (it is what the error concerns) and is marked `partial`.
//! - Values that are empty (`<TraceId/>`, `'traceid': ''`, `null`) are
//!   treated as absent.
//! - ID fields (request, trace, host) lose inner whitespace: documentation
//!   and mail wrap long IDs, and an ID never contains a space. Masked IDs
//!   (`NjA2****`) are kept verbatim.
//! - `provider` is set only when the evidence names the service (`Server:
//!   tencent-cos`, `x-cos-*`, `X-ErrNo`, a `.ci.` host, `HostId`, ...);
//!   `vendor` says Tencent or Huawei when only that much is known (a
//!   `TraceId` is Tencent's, but COS and CI both send one).
//! - `line` of an error that came in an HTTP response is its status line;
//!   a per-key `<Error>` keeps its own line.
//! - `client_date` is the request's `Date` header, else the latest log
//!   timestamp at most 8 lines before the error (as written, zone and
//!   all; [`reqid::parse_date`] reads it). A timestamp is looked for in
//!   the first 64 bytes of a line.
//! - A response without an error document is reported from its status and
//!   headers when the status is 300 or more or a header carries an error
//!   code (`x-*-error-code`, `X-ErrNo`), with its reason phrase in `extra`
//!   as `reason`. `1xx` responses and redirects that a later response
//!   followed are not errors.
//! - SDK strings are labelled fields; a line of them counts as an error
//!   when it has a code and something to go with it (message, an ID, a
//!   status of 300+), or an SDK's signature. `Error Code: X` / `Request
//!   ID: Y` printed on consecutive lines make one error.
//! - JSON objects keep their keys sorted (serde_json's map), so `extra`
//!   from JSON is alphabetical.
//! - Lines longer than 256 KiB are read in pieces: XML bodies stream across
//!   pieces, but an SDK string or JSON object cut by a piece boundary is
//!   read as two halves.
//! - Input without a byte order mark that is clearly UTF-16 (a NUL in
//!   every other byte of the first 16+) is decoded as such, with a warning.

use std::io::{self, Read};

use crate::catalog::Provider;

mod draft;
mod escape;
mod http;
mod input;
mod json;
mod labels;
pub mod parallel;
pub mod redact;
pub mod reqid;
mod scan;
mod xml;

pub use input::{Counted, Damage};
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
}

/// How the scanner words its warnings about invalid UTF-8 and NUL bytes:
/// what [`Summary::set_damage`] replaces.
const SCANNED_INVALID_UTF8: &str = "invalid UTF-8 on ";
const SCANNED_NULS: &str = " NUL bytes were ignored";

impl Summary {
    /// Whether the scan met invalid UTF-8 or NUL bytes in the lines it
    /// read.
    pub fn saw_damage(&self) -> bool {
        self.warnings
            .iter()
            .any(|w| w.starts_with(SCANNED_INVALID_UTF8) || w.ends_with(SCANNED_NULS))
    }

    /// Puts the exact counts of `damage`, the whole input's, where the
    /// scan's warnings about invalid UTF-8 and NUL bytes are: those count
    /// only the lines the scan read (it skips lines with nothing that
    /// starts an error), and invalid UTF-8 by line, not by replacement.
    /// A kind the scan did not meet, on lines it skipped, is added after.
    /// Nothing changes for an input that was not counted (UTF-16).
    pub fn set_damage(&mut self, damage: &Damage) {
        if !damage.counted {
            return;
        }
        let mut said = (false, false);
        let plural = |n: u64, one: &str, many: &str| if n == 1 { one } else { many }.to_owned();
        let first = |n: u64, line: u64| {
            if n == 1 {
                format!("on line {line}")
            } else {
                format!("the first on line {line}")
            }
        };
        let invalid = |n: u64| {
            format!(
                "{n} invalid UTF-8 {} replaced with U+FFFD ({})",
                plural(n, "sequence was", "sequences were"),
                first(n, damage.first_invalid_line)
            )
        };
        let nuls = |n: u64| {
            format!(
                "{n} NUL {} dropped ({})",
                plural(n, "byte was", "bytes were"),
                first(n, damage.first_nul_line)
            )
        };
        for w in &mut self.warnings {
            if w.starts_with(SCANNED_INVALID_UTF8) {
                *w = invalid(damage.invalid_utf8);
                said.0 = true;
            } else if w.ends_with(SCANNED_NULS) {
                *w = nuls(damage.nuls);
                said.1 = true;
            }
        }
        if !said.0 && damage.invalid_utf8 > 0 {
            self.warnings.push(invalid(damage.invalid_utf8));
        }
        if !said.1 && damage.nuls > 0 {
            self.warnings.push(nuls(damage.nuls));
        }
    }
}

/// Counts the [`Damage`] of a whole input.
pub fn count_damage(input: impl Read) -> io::Result<Damage> {
    let mut counted = Counted::new(input);
    io::copy(&mut counted, &mut io::sink())?;
    Ok(counted.damage())
}

/// How to decode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// `--provider`: every error is attributed to this provider.
    pub provider: Option<Provider>,
    /// Longest field kept, in bytes; longer ones are cut and a note says so.
    pub max_field: usize,
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
        }
    }
}

/// Reads `input` to its end and hands every error found to `sink`, in input
/// order, as soon as the line that completes it has been read.
///
/// An error returned by `sink` (a broken pipe) stops decoding and is
/// returned as is; so is a read error. Nothing in the input can make this
/// panic, loop forever, or hold more than a few MiB.
pub fn decode<R: Read>(
    input: R,
    options: &Options,
    sink: &mut dyn FnMut(Found) -> io::Result<()>,
) -> io::Result<Summary> {
    let mut source = input::Source::new(input);
    let mut scanner = scan::Scanner::new(options, sink);
    scanner.run(&mut source)?;
    Ok(scanner.into_summary(&source))
}

/// Like [`decode`], but reads and parses on a second thread while `sink`
/// runs on the calling one; the sink sees the same errors in the same
/// order. For files, where nobody waits for the first error: on a pipe, a
/// batch would hold errors back until it fills.
///
/// Errors are handed over in batches of at most 256 errors or about
/// 512 KiB of text, two in flight, so memory stays bounded. The sink
/// gives each error back when it is done with it, and the batch returns
/// to the parsing thread to be freed there: freed on the other thread,
/// every string took the allocator's lock of the thread that made it, and
/// the two threads spent their time waiting for each other.
pub fn decode_threaded<R: Read + Send>(
    input: R,
    options: &Options,
    sink: &mut dyn FnMut(Found) -> io::Result<Found>,
) -> io::Result<Summary> {
    const BATCH: usize = 256;
    const BATCH_BYTES: usize = 512 * 1024;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Found>>(2);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<Vec<Found>>();
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            let closed = || io::Error::from(io::ErrorKind::BrokenPipe);
            let mut batch = Vec::with_capacity(BATCH);
            let mut bytes = 0;
            let summary = decode(input, options, &mut |f| {
                bytes += weight(&f);
                batch.push(f);
                if batch.len() == BATCH || bytes >= BATCH_BYTES {
                    bytes = 0;
                    // Free what the sink is done with, here.
                    let next = match done_rx.try_iter().last() {
                        Some(mut old) => {
                            old.clear();
                            old
                        }
                        None => Vec::with_capacity(BATCH),
                    };
                    tx.send(std::mem::replace(&mut batch, next))
                        .map_err(|_| closed())?;
                }
                Ok(())
            })?;
            if !batch.is_empty() {
                tx.send(batch).map_err(|_| closed())?;
            }
            Ok(summary)
        });
        let mut failed = None;
        'batches: while let Ok(batch) = rx.recv() {
            let mut used = Vec::with_capacity(batch.len());
            for f in batch {
                match sink(f) {
                    Ok(f) => used.push(f),
                    Err(e) => {
                        failed = Some(e);
                        break 'batches;
                    }
                }
            }
            // Once the worker has finished, what is left is freed here.
            let _ = done_tx.send(used);
        }
        // The worker's next send fails and it stops.
        drop(rx);
        let decoded = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        match failed {
            Some(e) => Err(e),
            None => decoded,
        }
    })
}

/// About how much memory a found error holds.
fn weight(f: &Found) -> usize {
    let strings = f
        .identity()
        .into_iter()
        .chain([&f.request, &f.server_date, &f.client_date]);
    let pairs = f.extra.iter().chain(&f.headers);
    std::mem::size_of::<Found>()
        + strings.flatten().map(String::len).sum::<usize>()
        + pairs.map(|(k, v)| k.len() + v.len()).sum::<usize>()
        + f.notes.iter().map(String::len).sum::<usize>()
}

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

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan's warnings about invalid UTF-8 and NUL bytes are found
    /// and replaced with the whole input's exact counts: this fails if the
    /// scan words them otherwise.
    #[test]
    fn the_scans_damage_warnings_give_way_to_exact_counts() {
        let input: &[u8] = b"junk \xff\xfe, a line the scan skips\n\
<Error><Code>AccessDenied</Code><Message>caf\xe9</Message></Error>\n\
\0\0\n\
<Error><Code>SlowDown</Code>\0<Message>m</Message></Error>\n";
        let (found, mut summary) = decode_all(input, &Options::default());
        assert_eq!(found.len(), 2);
        assert!(summary.saw_damage(), "{:?}", summary.warnings);
        summary.set_damage(&count_damage(input).unwrap());
        assert_eq!(
            summary.warnings,
            [
                "3 invalid UTF-8 sequences were replaced with U+FFFD (the first on line 1)",
                "3 NUL bytes were dropped (the first on line 3)",
            ]
        );
        let (_, clean) = decode_all(
            b"<Error><Code>SlowDown</Code></Error>\n",
            &Options::default(),
        );
        assert!(!clean.saw_damage());
        let mut one = Summary {
            warnings: vec!["invalid UTF-8 on 1 line (first: line 2); decoded lossily".to_owned()],
            ..Summary::default()
        };
        one.set_damage(&Damage {
            counted: true,
            invalid_utf8: 1,
            first_invalid_line: 2,
            ..Damage::default()
        });
        assert_eq!(
            one.warnings,
            ["1 invalid UTF-8 sequence was replaced with U+FFFD (on line 2)"]
        );
    }
}
