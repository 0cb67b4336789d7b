//! Cuts input into records: the unit an error's fields may come from.
//!
//! A record is a log record with its continuation lines (indented lines,
//! stack frames, the rest of a message that a logger printed over several
//! lines), a whole `curl -v` exchange, an HTTP response with its head and
//! body, or a paragraph of pasted text. The recognisers only ever see one
//! record, so an error never takes a field from the record before or after
//! it, and two log lines stay two records however alike they are.
//!
//! The cutter decides from the start of each line alone, with a little
//! state (is an HTTP head open? is this a `curl -v` exchange? has the record
//! held a whole XML document yet?), so it costs a few byte comparisons per
//! line, and it never needs to look back: a record ends where the next one
//! starts.
//!
//! What starts a record:
//! - a line that starts with a log timestamp (`2024-01-12 16:36:51`,
//!   `[2024/01/12 ...`, `I1204 12:00:00.123`) or a log level (`ERROR `,
//!   `[WARN]`, `level=error`);
//! - a status line at the start of a line (`HTTP/1.1 403 Forbidden`),
//!   except where it follows a finished head without a body (`curl -iL`
//!   and `100 Continue` print several responses in a row: one record);
//! - the start of a `curl -v` exchange (`* Trying`, `> GET / HTTP/1.1`,
//!   `< HTTP/1.1 403`) outside one;
//! - an XML declaration or a root element (`<Error>`) at the start of a
//!   line, once the record has held a whole document (bodies written one
//!   after the other);
//! - a whole JSON object on one line (JSON Lines logs);
//! - a shell prompt (`$ `, and a root shell's `# ` before a command);
//! - a blank line ends a record, except inside an HTTP head (the blank
//!   line between head and body) and right after it.
//!
//! Records are bounded: [`MAX_LINES`] lines and [`MAX_BYTES`] bytes; a
//! longer one is cut there and the rest starts a new record.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// A record's text as the recognisers see it.
#[derive(Clone, Copy, Debug)]
pub struct RecordText<'a> {
    /// The record's lines with their line ends; invalid UTF-8 replaced,
    /// NUL bytes dropped.
    pub text: &'a str,
    /// The input line the record starts on (1-based).
    pub first_line: u64,
    /// Whether line ends in `text` are the input's (not when the text was
    /// unescaped from a string on one line).
    pub counts_lines: bool,
    /// Longest field kept, in bytes.
    pub max_field: usize,
    /// How deeply the text is nested in escaped strings (0: the input).
    pub depth: u8,
}

impl<'a> RecordText<'a> {
    pub fn new(text: &'a str, first_line: u64, max_field: usize) -> RecordText<'a> {
        RecordText {
            text,
            first_line,
            counts_lines: true,
            max_field: max_field.max(1),
            depth: 0,
        }
    }

    /// The input line of byte `offset`.
    pub fn line_at(&self, offset: usize) -> u64 {
        if !self.counts_lines {
            return self.first_line;
        }
        let end = offset.min(self.text.len());
        self.first_line + memchr::memchr_iter(b'\n', &self.text.as_bytes()[..end]).count() as u64
    }

    /// The text unescaped from `span` of this record, to be read again.
    pub fn nested(&self, text: &'a str) -> RecordText<'a> {
        RecordText {
            text,
            first_line: self.first_line,
            counts_lines: false,
            max_field: self.max_field,
            depth: self.depth + 1,
        }
    }
}

/// Lines a record holds at most.
pub const MAX_LINES: u32 = 2000;
/// Bytes a record holds at most; a longer line is read in pieces of this
/// size.
pub const MAX_BYTES: usize = 1024 * 1024;

/// Bytes of a log envelope compared: a timestamp and the level, thread
/// or logger after it.
const ENVELOPE: usize = 32;

/// What the cutter says about a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cut {
    /// The line continues the current record (or starts the first one).
    Continue,
    /// The line starts a new record: the current one ends before it.
    Start,
    /// A blank line: part of the current record if one is open, else of
    /// none.
    Blank,
}

/// Where an HTTP response stands in the current record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Http {
    #[default]
    None,
    /// After a status line: headers.
    Head,
    /// The head ended; no body line yet.
    AfterHead,
    /// Reading the body.
    Body,
}

/// The cutter's state between lines.
#[derive(Debug, Default)]
pub struct Cutter {
    /// A record is open.
    open: bool,
    lines: u32,
    bytes: usize,
    http: Http,
    /// The record is a `curl -v` exchange.
    exchange: bool,
    /// The record has held a whole XML document (a root's end tag).
    doc_ended: bool,
    /// The record is a wire log (`<< "HTTP/1.1 403[\r][\n]"`): its lines
    /// each carry a log envelope, and go on while they carry the marks.
    wire: bool,
    /// The start of the record's first line when it is a log envelope
    /// (its timestamp and what follows, up to [`ENVELOPE`] bytes): a line
    /// that starts the same way is the same log event, printed over
    /// several lines.
    envelope: [u8; ENVELOPE],
    envelope_len: usize,
    /// The record's first line is a log line (a timestamp or level first,
    /// or a JSON log line): one of a log's many records, which
    /// [`super::gate`] looks at before the shapes do.
    log: bool,
    /// The record's first line is a raw HTTP request line (`GET /k
    /// HTTP/1.1`): the response that follows is the same exchange.
    raw_request: bool,
}

/// The class of a line, from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Blank,
    /// A log envelope: timestamp or level first.
    Log,
    /// `HTTP/1.1 403 ...` at the start.
    Status,
    /// `<?xml` at the start.
    XmlDecl,
    /// `<Error`, `<Response`, `<DeleteResult` (any prefix) at the start.
    XmlRoot,
    /// curl -v: `* `, `> `, `< `, `{ [`, `} [`.
    Curl(CurlLine),
    /// `{...}` whole on the line.
    JsonLine,
    /// `$ cmd`.
    Prompt,
    /// Indented.
    Indented,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CurlLine {
    /// `* Trying ...`, `{ [5 bytes data]`.
    Info,
    /// `> GET /k HTTP/1.1`.
    Request,
    /// `> Host: x`, `>`.
    RequestMore,
    /// `< HTTP/1.1 403`.
    Status,
    /// `< Server: x`.
    Header,
    /// `<` alone: end of the response head.
    HeadEnd,
}

impl Cutter {
    pub fn new() -> Cutter {
        Cutter::default()
    }

    /// Whether a record is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether the open record may be closed while input pauses: not
    /// while an HTTP head is open (its status line printed, its headers
    /// still coming).
    pub fn may_close_on_pause(&self) -> bool {
        self.http != Http::Head
    }

    /// The open record was closed from outside (input paused, a piece of a
    /// long line): the next line starts afresh.
    pub fn close(&mut self) {
        *self = Cutter::default();
    }

    /// Whether the open record is a log's: its first line is a log line.
    pub fn is_log(&self) -> bool {
        self.log
    }

    /// Decides about `line` (without its line end; `len` is its length
    /// with it) and updates the state as if it was placed accordingly.
    pub fn line(&mut self, line: &[u8], len: usize) -> Cut {
        let class = classify(line);
        let cut = self.decide(class, line, len);
        match cut {
            Cut::Blank => {
                if self.open {
                    self.lines += 1;
                    self.bytes += len;
                    self.http = match self.http {
                        Http::Head => Http::AfterHead,
                        other => other,
                    };
                }
            }
            Cut::Start | Cut::Continue => {
                if cut == Cut::Start || !self.open {
                    *self = Cutter {
                        open: true,
                        log: matches!(class, Class::Log | Class::JsonLine),
                        raw_request: class == Class::Other && is_request_line(line),
                        ..Cutter::default()
                    };
                    if class == Class::Log {
                        self.envelope_len = envelope_len(line);
                        self.envelope[..self.envelope_len]
                            .copy_from_slice(&line[..self.envelope_len]);
                    }
                }
                self.lines += 1;
                self.bytes += len;
                self.advance(class, line);
            }
        }
        cut
    }

    fn decide(&self, class: Class, line: &[u8], len: usize) -> Cut {
        if class == Class::Blank {
            // A paste's paragraphs are one record: a status printed above
            // a blank line and a body below it belong together, and the
            // blank line between an HTTP head and its body is the
            // response's. Records end where the next one starts.
            return Cut::Blank;
        }
        if !self.open {
            return Cut::Start;
        }
        if self.lines >= MAX_LINES || self.bytes + len > MAX_BYTES {
            return Cut::Start;
        }
        match class {
            Class::Blank => unreachable!("handled above"),
            Class::Log if self.wire && is_wire(line) => Cut::Continue,
            // The same event over several log lines: the same timestamp,
            // to the fraction, and the same level and thread after it.
            Class::Log
                if self.envelope_len >= 24
                    && line.len() >= self.envelope_len
                    && line[..self.envelope_len] == self.envelope[..self.envelope_len] =>
            {
                Cut::Continue
            }
            // A stack frame printed as a log line of its own (Android's
            // logcat, some appenders): the exception's.
            Class::Log if is_stack_frame(line) => Cut::Continue,
            Class::Log | Class::Prompt => Cut::Start,
            Class::Status => {
                // Responses in a row (`100 Continue`, a redirect curl -L
                // followed) are one record; a response after a body is
                // another.
                if self.http == Http::AfterHead || (self.raw_request && self.http == Http::None) {
                    Cut::Continue
                } else {
                    Cut::Start
                }
            }
            Class::XmlDecl | Class::XmlRoot => {
                if self.http == Http::AfterHead || (self.exchange && self.http != Http::Body) {
                    Cut::Continue
                } else if self.doc_ended {
                    Cut::Start
                } else {
                    Cut::Continue
                }
            }
            Class::Curl(c) => {
                if self.exchange {
                    Cut::Continue
                } else if starts_exchange(c, line) {
                    Cut::Start
                } else {
                    Cut::Continue
                }
            }
            Class::JsonLine => {
                if matches!(self.http, Http::AfterHead | Http::Body) {
                    Cut::Continue
                } else {
                    Cut::Start
                }
            }
            Class::Indented | Class::Other => Cut::Continue,
        }
    }

    /// Updates the state for a line placed in the record.
    fn advance(&mut self, class: Class, line: &[u8]) {
        match class {
            Class::Status => self.http = Http::Head,
            Class::Curl(c) => {
                if !self.exchange && starts_exchange(c, line) {
                    self.exchange = true;
                }
                match c {
                    CurlLine::Status => self.http = Http::Head,
                    CurlLine::HeadEnd if self.http == Http::Head => self.http = Http::AfterHead,
                    _ => {}
                }
            }
            _ => match self.http {
                Http::AfterHead => self.http = Http::Body,
                Http::Head if !self.exchange && !looks_like_header(line) => {
                    // Headers that ended without a blank line.
                    self.http = Http::Body;
                }
                _ => {}
            },
        }
        if !self.doc_ended && memchr::memchr(b'<', line).is_some() && ends_a_document(line) {
            self.doc_ended = true;
        }
        if !self.wire && memchr::memchr(b'"', line).is_some() && is_wire(line) {
            self.wire = true;
        }
    }
}

/// `GET /k HTTP/1.1`: a request line as a raw HTTP exchange prints it.
fn is_request_line(line: &[u8]) -> bool {
    let Some(sp) = memchr::memchr(b' ', line) else {
        return false;
    };
    matches!(
        &line[..sp],
        b"GET" | b"PUT" | b"POST" | b"DELETE" | b"HEAD" | b"OPTIONS" | b"PATCH"
    ) && {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        line.len() > sp + 10 && line[line.len() - 9..].starts_with(b" HTTP/")
    }
}

/// A `Name: value` header line.
fn looks_like_header(line: &[u8]) -> bool {
    let Some(colon) = memchr::memchr(b':', line) else {
        return false;
    };
    colon > 0
        && colon <= 64
        && line[..colon]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// How much of a log line's start is its envelope for comparing: from
/// its timestamp (which must be there) up to [`ENVELOPE`] bytes, cut
/// before the first letter of the message after a separator.
fn envelope_len(line: &[u8]) -> usize {
    let at = usize::from(line.first() == Some(&b'['));
    let Some(ts) = timestamp_at(line, at) else {
        return 0;
    };
    if ts < 19 {
        return 0;
    }
    (at + ts + 16).min(ENVELOPE).min(line.len())
}

/// How far into a log line a stack frame's `at` or a wire log's `<< "`
/// may start: after a timestamp, a level, a thread and a logger's name.
const FRAME_REACH: usize = 256;

/// `\tat com.obs.services.X.y(X.java:1)` after a log line's envelope.
fn is_stack_frame(line: &[u8]) -> bool {
    // Searchers built once: building one per line cost more than the
    // search. The frame follows the log line's envelope, near its start.
    static AT: LazyLock<[Finder<'static>; 2]> =
        LazyLock::new(|| [Finder::new(b" at "), Finder::new(b"\tat ")]);
    let head = &line[..line.len().min(FRAME_REACH)];
    // A frame names its source in parentheses (Java, V8), or ends with
    // its line and column (V8): most log lines do neither.
    let js = js_frame_end(line.trim_ascii_end());
    if !js && memchr::memchr(b'(', head).is_none() {
        return false;
    }
    let Some(i) = AT[0].find(head).or_else(|| AT[1].find(head)) else {
        return false;
    };
    let rest = &line[i + 4..];
    let name = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'$' | b'<' | b'>'))
        .count();
    js || (name > 3 && rest[..name].contains(&b'.') && rest.get(name) == Some(&b'('))
}

/// Whether a frame's text ends as V8 ends one: its source's line and
/// column after its file's name, `(fs.js:1962:13)` after the function
/// or `/app/x.js:420:25` alone (a time, `at 12:30:45`, is not one).
fn js_frame_end(frame: &[u8]) -> bool {
    let frame = frame.strip_suffix(b")").unwrap_or(frame);
    let mut colons = 0;
    let mut digits = 0;
    for (i, &b) in frame.iter().enumerate().rev() {
        match b {
            b'0'..=b'9' => digits += 1,
            b':' if digits > 0 => {
                colons += 1;
                digits = 0;
                if colons == 2 {
                    return i > 0
                        && !frame[i - 1].is_ascii_digit()
                        && !frame[i - 1].is_ascii_whitespace();
                }
            }
            _ => return false,
        }
    }
    false
}

/// A line of a wire log: Apache HttpClient's `<< "` and `>> "`, Ruby's
/// `-> "` and `<- "`.
fn is_wire(line: &[u8]) -> bool {
    let head = &line[..line.len().min(FRAME_REACH)];
    memchr::memchr_iter(b'"', head)
        .any(|q| q >= 3 && matches!(&line[q - 3..q], b"<< " | b">> " | b"-> " | b"<- "))
}

/// Whether the line holds the end of a root: a whole document was read.
fn ends_a_document(line: &[u8]) -> bool {
    // Each `<` once: `</Error>`, `</s3:Error>`, `<Error/>`,
    // `</Response>`, `</DeleteResult>`.
    memchr::memchr_iter(b'<', line).any(|i| {
        let rest = &line[i + 1..];
        if let Some(tag) = rest.strip_prefix(b"/") {
            // A name is short: a `<` without its `>` costs no more.
            let tag = &tag[..tag.len().min(64)];
            let Some(end) = tag.iter().position(|&b| b == b'>') else {
                return false;
            };
            let name = &tag[..end];
            let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
            local == b"Error" || (name == local && matches!(name, b"Response" | b"DeleteResult"))
        } else {
            rest.starts_with(b"Error/>")
        }
    })
}

/// Whether a curl line can start an exchange: a request line, a response
/// status line, or one of curl's own notes. `> quoted text` and `<tag>`
/// cannot.
fn starts_exchange(c: CurlLine, line: &[u8]) -> bool {
    match c {
        CurlLine::Request | CurlLine::Status => true,
        CurlLine::Info => line.starts_with(b"* ") || line.starts_with(b"*  "),
        _ => false,
    }
}

const METHODS: [&[u8]; 9] = [
    b"GET ",
    b"PUT ",
    b"POST ",
    b"DELETE ",
    b"HEAD ",
    b"OPTIONS ",
    b"PATCH ",
    b"CONNECT ",
    b"TRACE ",
];

fn classify(line: &[u8]) -> Class {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let Some(&first) = line.first() else {
        return Class::Blank;
    };
    match first {
        b' ' | b'\t' => {
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                Class::Blank
            } else {
                Class::Indented
            }
        }
        b'0'..=b'9' => {
            if timestamp_at(line, 0).is_some() {
                Class::Log
            } else {
                Class::Other
            }
        }
        b'[' => {
            if timestamp_at(line, 1).is_some() || level_at(&line[1..]).is_some() {
                Class::Log
            } else {
                Class::Other
            }
        }
        b'<' => {
            if line.starts_with(b"<?xml") {
                Class::XmlDecl
            } else if line == b"<" || line == b"< " {
                Class::Curl(CurlLine::HeadEnd)
            } else if let Some(rest) = line.strip_prefix(b"< ") {
                if rest.starts_with(b"HTTP/") {
                    Class::Curl(CurlLine::Status)
                } else {
                    Class::Curl(CurlLine::Header)
                }
            } else if is_root_start(line) {
                Class::XmlRoot
            } else {
                Class::Other
            }
        }
        b'>' => {
            if line == b">" || line == b"> " {
                Class::Curl(CurlLine::RequestMore)
            } else if let Some(rest) = line.strip_prefix(b"> ") {
                static HTTP: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b" HTTP/"));
                if METHODS.iter().any(|m| rest.starts_with(m)) && HTTP.find(rest).is_some() {
                    Class::Curl(CurlLine::Request)
                } else {
                    Class::Curl(CurlLine::RequestMore)
                }
            } else {
                Class::Other
            }
        }
        b'*' => {
            if line == b"*" || line.starts_with(b"* ") {
                Class::Curl(CurlLine::Info)
            } else {
                Class::Other
            }
        }
        b'{' | b'}' => {
            if line.starts_with(b"{ [") || line.starts_with(b"} [") {
                Class::Curl(CurlLine::Info)
            } else if line.starts_with(b"{\"") && line.trim_ascii_end().ends_with(b"}") {
                // JSON (double quotes): a JSON Lines log's record. A
                // Python or Ruby dict printed whole is not.
                Class::JsonLine
            } else {
                Class::Other
            }
        }
        b'H' => {
            if is_status_line(line) {
                Class::Status
            } else {
                Class::Other
            }
        }
        b'$' => {
            if line.starts_with(b"$ ") {
                Class::Prompt
            } else {
                Class::Other
            }
        }
        // A root shell's prompt before a command (`# curl -k ...`).
        b'#' => {
            if line.starts_with(b"# ") && line.get(2).is_some_and(u8::is_ascii_lowercase) {
                Class::Prompt
            } else {
                Class::Other
            }
        }
        b'A'..=b'Z' | b'a'..=b'z' => {
            if level_at(line).is_some() || glog_at(line) {
                Class::Log
            } else {
                Class::Other
            }
        }
        0xEF if line.starts_with("\u{FEFF}".as_bytes()) => classify(&line[3..]),
        _ => Class::Other,
    }
}

/// `HTTP/1.1 403`, `HTTP/2 404`.
pub fn is_status_line(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"HTTP/") else {
        return false;
    };
    let v = rest
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .count();
    v > 0
        && v <= 3
        && rest.get(v) == Some(&b' ')
        && rest.len() >= v + 4
        && rest[v + 1..v + 4].iter().all(u8::is_ascii_digit)
        && rest.get(v + 4).is_none_or(|b| b.is_ascii_whitespace())
}

/// `<Error>`, `<s3:Error `, `<Response>`, `<DeleteResult>` at the start.
fn is_root_start(line: &[u8]) -> bool {
    let rest = &line[1..];
    let name_len = rest
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b':' | b'_' | b'-' | b'.')))
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    let local = match memchr::memrchr(b':', name) {
        Some(i) => &name[i + 1..],
        None => name,
    };
    matches!(local, b"Error" | b"Response" | b"DeleteResult")
        && rest
            .get(name_len)
            .is_none_or(|&c| matches!(c, b'>' | b' ' | b'\t' | b'/' | b'\r'))
}

/// Log levels a record may start with: upper case, or in brackets.
const LEVELS: [&[u8]; 10] = [
    b"ERROR",
    b"WARN",
    b"WARNING",
    b"INFO",
    b"DEBUG",
    b"TRACE",
    b"FATAL",
    b"CRITICAL",
    b"SEVERE",
    b"NOTICE",
];

/// A log level at the start of `s`, followed by a separator: `ERROR `,
/// `WARN:`, `INFO]`, `level=error`. Lower case only in brackets or as
/// `level=`.
fn level_at(s: &[u8]) -> Option<usize> {
    if let Some(rest) = s.strip_prefix(b"level=") {
        let n = rest
            .iter()
            .take_while(|b| b.is_ascii_alphabetic() || **b == b'"')
            .count();
        return (n > 0).then_some(6 + n);
    }
    for l in LEVELS {
        if s.len() > l.len() && s[..l.len()].eq_ignore_ascii_case(l) {
            let upper = s[..l.len()] == *l;
            let sep = s[l.len()];
            let ok = match sep {
                b']' => true,
                b' ' | b':' | b'\t' | b'|' => upper,
                _ => false,
            };
            if ok {
                return Some(l.len());
            }
        }
    }
    None
}

/// glog / klog: `E1204 12:00:00.123456 ...`.
fn glog_at(s: &[u8]) -> bool {
    s.len() > 15
        && matches!(s[0], b'I' | b'W' | b'E' | b'F')
        && s[1..5].iter().all(u8::is_ascii_digit)
        && s[5] == b' '
        && s[6..8].iter().all(u8::is_ascii_digit)
        && s[8] == b':'
}

/// A log timestamp starting at `at`: `2024-01-12 16:36:51`,
/// `2024/01/12T16:36:51`, `2024-01-12 16:36:51,123+08:00`; the length.
pub fn timestamp_at(b: &[u8], at: usize) -> Option<usize> {
    let d = |k: usize| b.get(at + k).is_some_and(u8::is_ascii_digit);
    let ok = b.len() >= at + 19
        && (0..4).all(d)
        && matches!(b[at + 4], b'-' | b'/')
        && b[at + 7] == b[at + 4]
        && d(5)
        && d(6)
        && d(8)
        && d(9)
        && matches!(b[at + 10], b'T' | b' ')
        && d(11)
        && d(12)
        && b[at + 13] == b':'
        && d(14)
        && d(15)
        && b[at + 16] == b':'
        && d(17)
        && d(18);
    if !ok {
        return None;
    }
    let mut end = at + 19;
    if matches!(b.get(end), Some(b'.' | b',')) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end += 1;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    if b.get(end) == Some(&b'Z') {
        end += 1;
    } else if matches!(b.get(end), Some(b'+' | b'-'))
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
        && b.get(end + 2).is_some_and(u8::is_ascii_digit)
    {
        end += 3;
        if b.get(end) == Some(&b':') {
            end += 1;
        }
        while end < b.len() && b[end].is_ascii_digit() && end < at + 30 {
            end += 1;
        }
    }
    Some(end - at)
}

/// The log timestamp a record's first line starts with, if any: the
/// client's clock when the error was logged.
pub fn leading_timestamp(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let at = usize::from(b.first() == Some(&b'['));
    timestamp_at(b, at).map(|n| &line[at..at + n])
}

/// A timestamp anywhere in the first 64 bytes of a line (after a level or
/// a logger name): `INFO 2024-01-12 16:36:51 ...`, `[main] 2024/...`.
pub fn timestamp_near_start(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let lim = b.len().min(64);
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'2', &b[i..lim]) {
        let at = i + p;
        if (at == 0 || !b[at - 1].is_ascii_digit())
            && let Some(n) = timestamp_at(b, at)
        {
            return Some(&line[at..at + n]);
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn documents_end_at_their_root_s_end_tag() {
        for line in [
            &b"</Error>"[..],
            b"  <Code>X</Code></s3:Error>",
            b"<Error/>",
            b"</Response>",
            b"x</DeleteResult> y",
        ] {
            assert!(
                super::ends_a_document(line),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        for line in [
            &b"<s3:Error>"[..],
            b"<Error>",
            b"</Code>",
            b"</x:Response>",
            b"</Errors>",
            b"<</</</",
        ] {
            assert!(
                !super::ends_a_document(line),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
    }

    use super::*;

    /// Cuts `text` into records as the decoder does: the records' lines.
    pub(crate) fn records(text: &str) -> Vec<Vec<&str>> {
        let mut c = Cutter::new();
        let mut out: Vec<Vec<&str>> = Vec::new();
        for line in text.split_inclusive('\n') {
            let body = line.strip_suffix('\n').unwrap_or(line);
            match c.line(body.as_bytes(), line.len()) {
                Cut::Start => out.push(vec![body]),
                Cut::Continue => match out.last_mut() {
                    Some(r) if c.lines > 1 => r.push(body),
                    _ => out.push(vec![body]),
                },
                Cut::Blank => {
                    if c.is_open()
                        && let Some(r) = out.last_mut()
                    {
                        r.push(body);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn log_lines_are_records_with_their_continuations() {
        let text = "2024-01-12 16:36:51 ERROR failed\ncom.x.Exception: boom\n\tat a.b(C.java:1)\nCaused by: y\n2024-01-12 16:36:52 INFO next\n";
        assert_eq!(
            records(text),
            vec![
                vec![
                    "2024-01-12 16:36:51 ERROR failed",
                    "com.x.Exception: boom",
                    "\tat a.b(C.java:1)",
                    "Caused by: y"
                ],
                vec!["2024-01-12 16:36:52 INFO next"],
            ]
        );
    }

    /// tencentyun/cos-nodejs-sdk-v5 issue 34: a Node stack, each frame
    /// behind the app's log prefix, is its error's.
    #[test]
    fn node_frames_printed_as_log_lines_continue_their_error() {
        let text = "2018-04-09 10:38:12.723 58f05b19  Error: \"start\" option must be <= \"end\" option\n2018-04-09 10:38:12.723 58f05b19      at new ReadStream (fs.js:1962:13)\n2018-04-09 10:38:12.724 58f05b19      at /var/www/node_modules/cos-nodejs-sdk-v5/sdk/advance.js:420:25\n2018-04-09 10:38:12.725 58f05b19  next event (at 10:38)\n";
        let r = records(text);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].len(), 3);
        assert!(js_frame_end(b"(fs.js:1962:13)"));
        assert!(!js_frame_end(b"at 10:38"));
        assert!(!js_frame_end(b"started at 12:30:45"));
        assert!(!js_frame_end(b"x:1:"));
    }

    #[test]
    fn levels_and_glog_start_records() {
        let text = "[ERROR] a\n[INFO] b\nERROR: c\nE1204 12:00:00.123 d\nlevel=error e\nerror: lower case continues\n";
        let r = records(text);
        assert_eq!(r.len(), 5, "{r:?}");
        assert_eq!(r[4], vec!["level=error e", "error: lower case continues"]);
    }

    #[test]
    fn paragraphs_of_a_paste_are_one_record() {
        let text = "statusCode: 403\n\n<Error><Code>AccessDenied</Code></Error>\n\n2024-01-12 16:36:51 next\n";
        assert_eq!(
            records(text),
            vec![
                vec![
                    "statusCode: 403",
                    "",
                    "<Error><Code>AccessDenied</Code></Error>",
                    ""
                ],
                vec!["2024-01-12 16:36:51 next"]
            ]
        );
    }

    #[test]
    fn an_http_response_keeps_its_body() {
        let text = "HTTP/1.1 403 Forbidden\r\nServer: tencent-cos\r\n\r\n<?xml version='1.0'?>\r\n<Error><Code>AccessDenied</Code></Error>\r\n\r\nHTTP/1.1 200 OK\r\n";
        let r = records(text);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].len(), 6);
    }

    #[test]
    fn responses_in_a_row_are_one_record() {
        let text = "HTTP/1.1 100 Continue\n\nHTTP/1.1 404 Not Found\nContent-Length: 0\n\nHTTP/1.1 200 OK\n";
        let r = records(text);
        assert_eq!(r.len(), 1, "{r:?}");
    }

    #[test]
    fn a_raw_request_and_its_response_are_one_record() {
        let text = "GET /k HTTP/1.1\nHost: h\nAuthorization: AWS a:b\n\nHTTP/1.1 403 Forbidden\nDate: d\n\n<Error><Code>X</Code></Error>\nHTTP/1.1 200 OK\n";
        let r = records(text);
        assert_eq!(r.len(), 2, "{r:?}");
        let first = r[0].join("\n");
        assert!(first.contains("GET /k") && first.contains("403"), "{r:?}");
        // Only a request line does that: a line that names a request
        // in prose starts nothing.
        let prose = "GET /k failed\n\nHTTP/1.1 403 Forbidden\n";
        assert_eq!(records(prose).len(), 2);
    }

    #[test]
    fn bodies_one_after_another_are_records() {
        let body = "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>A</Code>\n</Error>\n";
        let three = body.repeat(3);
        let r = records(&three);
        assert_eq!(r.len(), 3, "{r:?}");
        let bare = "<Error><Code>A</Code></Error>\n<Error><Code>B</Code></Error>\n";
        assert_eq!(records(bare).len(), 2);
        // A declaration after a line that introduces it stays with it.
        let intro =
            "PUT https://b.cos.ap-beijing.myqcloud.com/k 403\n<?xml version='1.0'?>\n<Error/>\n";
        assert_eq!(records(intro).len(), 1);
    }

    #[test]
    fn curl_verbose_is_one_record() {
        let text = "*   Trying 1.2.3.4:443...\n* Connected\n> HEAD /k HTTP/1.1\n> Host: b.cos.ap-beijing.myqcloud.com\n>\n< HTTP/1.1 404 Not Found\n< x-cos-request-id: r\n<\n* Connection #0 left intact\n$ next\n";
        let r = records(text);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].len(), 9);
        // Quoted mail is not curl.
        assert_eq!(records("> quoted\n> more\n").len(), 1);
    }

    #[test]
    fn json_lines_are_records() {
        let text = "{\"level\":\"error\",\"msg\":\"a\"}\n{\"level\":\"info\"}\n";
        assert_eq!(records(text).len(), 2);
        // A pretty-printed object continues its paragraph.
        assert_eq!(records("failed:\n{\n  \"code\": \"X\"\n}\n").len(), 1);
    }

    #[test]
    fn records_are_bounded() {
        let text = "x\n".repeat(MAX_LINES as usize + 5);
        let r = records(&text);
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].len(), MAX_LINES as usize);
    }

    #[test]
    fn timestamps() {
        assert_eq!(
            leading_timestamp("2024-01-12 16:36:51,123 ERROR"),
            Some("2024-01-12 16:36:51,123")
        );
        assert_eq!(
            leading_timestamp("[2024/01/12T16:36:51.5+08:00] x"),
            Some("2024/01/12T16:36:51.5+08:00")
        );
        assert_eq!(leading_timestamp("2024-01-12"), None);
        assert_eq!(
            timestamp_near_start("INFO [main] 2024-01-12T16:36:51Z x"),
            Some("2024-01-12T16:36:51Z")
        );
    }

    #[test]
    fn status_lines() {
        assert!(is_status_line(b"HTTP/1.1 403 Forbidden"));
        assert!(is_status_line(b"HTTP/2 404"));
        assert!(!is_status_line(b"HTTP/1.1 4033"));
        assert!(!is_status_line(b"HTTP/x 403"));
    }
}
