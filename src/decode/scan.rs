//! The scanner: walks the input line by line, routes each line to the
//! reader that owns it (an open XML body, an open JSON block, an HTTP
//! exchange, or the general readers), merges what one line yields, adds
//! context (response headers, the request, the log's clock) and hands each
//! finished error to the sink.
//!
//! Speed comes from not looking: while nothing is open, whole buffers are
//! searched for a handful of marker substrings with SIMD `memmem`, each
//! byte once per marker, and only lines holding one are decoded and
//! parsed. An XML body whose end tag is already in the buffer is parsed in
//! one quick-xml pass rather than line by line.
//!
//! Those two ways of reading a body must agree: `tail -f` delivers a line
//! at a time, a file a buffer at a time, and the same input must give the
//! same errors either way. Where the line path would act per line (give up
//! on markup after 64 lines, take a log timestamp, merge what one line
//! holds) the one-pass path does the same or declines; the fuzz target
//! checks this on every input, and `tests/decode_corpus.rs` keeps what it
//! found.

use std::borrow::Cow;
use std::io::{self, Read};

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

use super::draft::{Draft, Shape};
use super::escape;
use super::http::{self, Line, Request, Response};
use super::input::{SEGMENT, Source};
use super::json;
use super::labels;
use super::xml::{self, Fed, XmlBlock};
use super::{Found, Options, Summary};

/// Every error shape holds one of these words (case-sensitively): the
/// words without which `labels::scan` finds nothing
/// ([`labels::ERROR_WORDS`]), then the roots `<Response>` and
/// `<DeleteResult>`; an HTTP exchange starts with `HTTP/` (last: it counts
/// only at the start of a line).
const MARKERS: [&str; 10] = {
    let w = labels::ERROR_WORDS;
    [
        w[0], w[1], w[2], w[3], w[4], w[5], w[6], "esponse", "esult", "HTTP/",
    ]
};
/// The index of `HTTP/`.
const HTTP_MARKER: usize = MARKERS.len() - 1;
/// The longest marker's length.
const MARKER_MAX: u64 = {
    let (mut i, mut max) = (0, 0);
    while i < MARKERS.len() {
        if MARKERS[i].len() > max {
            max = MARKERS[i].len();
        }
        i += 1;
    }
    max as u64
};

/// A response body longer than this many lines is not searched further
/// for its error: it is a download, not an error document.
const MAX_BODY_LINES: u64 = 1000;
/// A JSON block (pretty-printed object) longer than this is abandoned.
const MAX_JSON_LINES: u32 = 2000;
/// A request (`> ` lines) without a response for this many lines is
/// forgotten.
const MAX_REQUEST_AGE: u64 = 200;
/// A log timestamp this many lines before an error is still its time.
const TIMESTAMP_REACH: u64 = 8;
/// Replays (text an XML body carried but did not use) nested deeper than
/// this are dropped.
const MAX_REPLAY_DEPTH: u32 = 16;

/// The position of the next marker in the stream, cached so that each
/// byte is searched once however often the scanner stops.
#[derive(Default)]
struct Markers {
    /// The marker found last, and which one it is.
    next: Option<(u64, usize)>,
    /// Where the next search starts: no marker starts before it.
    searched_to: u64,
}

impl Markers {
    fn new() -> Markers {
        Markers::default()
    }

    /// Offset in `data` (which starts at absolute `base`) of the first
    /// marker at or after absolute offset `from`, and which marker it is.
    fn first(&mut self, data: &[u8], base: u64, from: u64) -> Option<(usize, usize)> {
        let end = base + data.len() as u64;
        if let Some((n, i)) = self.next
            && n >= from
            && n < end
        {
            return Some(((n - base) as usize, i));
        }
        let start = self.searched_to.max(from).max(base);
        if start >= end {
            return None;
        }
        match ALL_MARKERS.find(&data[(start - base) as usize..]) {
            Some(m) => {
                let abs = start + m.start() as u64;
                self.next = Some((abs, m.pattern().as_usize()));
                self.searched_to = abs + 1;
                Some(((abs - base) as usize, m.pattern().as_usize()))
            }
            None => {
                self.next = None;
                // A marker may straddle the end of the data.
                self.searched_to = end.saturating_sub(MARKER_MAX - 1).max(start);
                None
            }
        }
    }
}

/// One SIMD pass (Teddy) finds all the markers: a `memmem` pass per
/// marker made ten passes over every byte.
static ALL_MARKERS: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(MARKERS)
        .expect("ten short literals build")
});
/// The markers but `HTTP/`.
static WORD_MARKERS: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&MARKERS[..HTTP_MARKER])
        .expect("nine short literals build")
});

/// Whether a line (without its line end) can hold an error, or start
/// an HTTP exchange: it holds a marker word, or it starts like curl's
/// status or request lines. `HTTP/` elsewhere (`"GET / HTTP/1.1" 200` in
/// an access log) does not count.
fn has_marker(line: &[u8]) -> bool {
    WORD_MARKERS.is_match(line) || http_start(line)
}

/// A line that the HTTP reader may take: `HTTP/1.1 403`, `< HTTP/2 404`,
/// `> GET /key HTTP/1.1` (after a byte order mark).
fn http_start(line: &[u8]) -> bool {
    let t = line.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(line);
    t.starts_with(b"HTTP/")
        || t.starts_with(b"< HTTP/")
        || (t.starts_with(b"> ") && memchr::memmem::find(t, b"HTTP/").is_some())
}

/// The spaces and tabs a line starts with, within its first 256 bytes.
fn indentation(line: &[u8]) -> usize {
    line.iter()
        .take(256)
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(0)
}

/// The longest declaration or body line kept to skip its checks when it
/// comes again (real ones are under a hundred bytes; a line can be as
/// long as the read buffer).
const KEPT_LINE_MAX: usize = 512;

/// A line that starts a body (with its line end), without a log
/// timestamp: its root, and where its name ends after the `<` (counted
/// from its indentation).
#[derive(Default)]
struct RootLine {
    text: Vec<u8>,
    root: xml::Root,
    qname_end: usize,
}

/// An XML body open across lines.
struct OpenXml {
    block: XmlBlock,
    /// The body is quoted line by line (`> `, a log prefix, `"...\n" +`):
    /// the prefix before the first `<` of each line, digits and spaces
    /// removed, must match this and is stripped.
    quote_key: Option<String>,
    /// Lines carry backslash escapes to undo.
    escaped: bool,
    /// `</Error>` as written, to find the end of the body ahead.
    end_tag: Finder<'static>,
}

struct JsonBlock {
    text: String,
    depth: i64,
    start_line: u64,
    lines: u32,
}

pub struct Scanner<'a> {
    opts: &'a Options,
    sink: &'a mut dyn FnMut(Found) -> io::Result<()>,
    markers: Markers,
    /// Number of the line being read (1-based).
    line: u64,
    /// Whether the next piece starts a line (not a segment of a long one).
    at_line_start: bool,
    xml: Option<OpenXml>,
    /// A finished body's block, kept for its buffers.
    spare: Option<XmlBlock>,
    /// The last XML declaration line found fit for
    /// [`Scanner::try_declared_root`]: the bodies in one input repeat it.
    plain_decl: Vec<u8>,
    /// The last line found to start a body for [`Scanner::try_fast_root`],
    /// and what was read from it: the bodies in one input repeat it too.
    root_line: RootLine,
    last_end_tag: Option<Finder<'static>>,
    /// End tags, and the stream offset up to which each is known absent.
    end_searched: Vec<(Vec<u8>, u64)>,
    json: Option<JsonBlock>,
    http: Option<Response>,
    req: Option<(Request, u64)>,
    group: Option<Draft>,
    last_ts: Option<(u64, String)>,
    prev_body: String,
    found: u64,
    lines: u64,
    invalid_utf8: u64,
    first_invalid: u64,
    nuls: u64,
    long_lines: u64,
    /// Notes about the input as a whole (at most [`MAX_NOTES`]).
    notes: Notes,
    /// How deep replays are nested right now.
    replaying: u32,
    /// The last errors reported, to drop a repeat printed on their line.
    recent: Vec<RepeatKey>,
    /// The slot of `recent` that the next error takes.
    recent_next: usize,
}

const MAX_NOTES: usize = 32;

/// Summary notes, deduplicated and capped (a broken input must not grow
/// them without bound), in the order of the lines they name. Read line by
/// line or a body at a time, an input gives its notes in different orders
/// (a body's own notes when it closes, those of what it held when they are
/// emitted); kept sorted, the notes kept and their order do not depend on
/// it, nor on where a parallel decode cut the input.
#[derive(Default)]
struct Notes(Vec<(u64, String)>);

impl Notes {
    fn push(&mut self, n: String) {
        let key = (named_line(&n), n);
        if let Err(i) = self.0.binary_search(&key)
            && i < MAX_NOTES
        {
            self.0.insert(i, key);
            self.0.truncate(MAX_NOTES);
        }
    }

    fn into_texts(self) -> impl Iterator<Item = String> {
        self.0.into_iter().map(|(_, n)| n)
    }
}

/// The number after the first `line ` in a note (0 when there is none).
fn named_line(note: &str) -> u64 {
    note.match_indices("line ")
        .find_map(|(i, m)| {
            let digits = &note[i + m.len()..];
            let end = digits.bytes().take_while(u8::is_ascii_digit).count();
            digits[..end].parse().ok()
        })
        .unwrap_or(0)
}

impl Extend<String> for Notes {
    fn extend<T: IntoIterator<Item = String>>(&mut self, iter: T) {
        for n in iter {
            self.push(n);
        }
    }
}

fn trim_eol(s: &str) -> &str {
    s.strip_suffix('\n')
        .map_or(s, |s| s.strip_suffix('\r').unwrap_or(s))
}

/// A log timestamp near the start of a line: `2024-01-12 16:36:51,123`,
/// `2024-01-12T16:36:51.123+08:00`, `[2024/01/12 16:36:51]`.
pub fn log_timestamp(body: &str) -> Option<&str> {
    let b = body.as_bytes();
    let lim = b.len().min(64);
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'2', &b[i..lim]) {
        let at = i + p;
        if at > 0 && b[at - 1].is_ascii_digit() {
            i = at + 1;
            continue;
        }
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
        if ok {
            let mut end = at + 19;
            if matches!(b.get(end), Some(b'.' | b','))
                && b.get(end + 1).is_some_and(u8::is_ascii_digit)
            {
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
            return Some(&body[at..end]);
        }
        i = at + 1;
    }
    None
}

/// A line's text as the readers see it: invalid UTF-8 replaced, NUL
/// bytes dropped.
fn clean_text(bytes: &[u8]) -> Cow<'_, str> {
    without_nuls(utf8_or_lossy(bytes).0)
}

/// `bytes` as text, and whether they were valid UTF-8. Valid text (nearly
/// every line) is checked by `from_utf8`, which takes ASCII a word at a
/// time; only the rest goes through `from_utf8_lossy`, a byte at a time.
fn utf8_or_lossy(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), true),
        Err(_) => (String::from_utf8_lossy(bytes), false),
    }
}

fn without_nuls(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(0, text.as_bytes()).is_some() {
        Cow::Owned(text.replace('\0', ""))
    } else {
        text
    }
}

/// A line that cannot continue an XML body: a new log record, an HTTP
/// status line, curl's own lines.
fn starts_new_record(body: &str) -> bool {
    let t = body.trim_start();
    t.starts_with("HTTP/")
        || t.starts_with("< ")
        || t.starts_with("> ")
        || t.starts_with("* ")
        || log_timestamp(t).is_some_and(|ts| t.strip_prefix('[').unwrap_or(t).starts_with(ts))
}

/// What identifies a line-quoting prefix: its text without digits and
/// whitespace (timestamps change, indentation drifts).
fn quote_key(prefix: &str) -> String {
    prefix
        .chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .take(128)
        .collect()
}

impl<'a> Scanner<'a> {
    pub fn new(opts: &'a Options, sink: &'a mut dyn FnMut(Found) -> io::Result<()>) -> Scanner<'a> {
        Scanner {
            opts,
            sink,
            markers: Markers::new(),
            line: 1,
            at_line_start: true,
            xml: None,
            spare: None,
            plain_decl: Vec::new(),
            root_line: RootLine::default(),
            last_end_tag: None,
            end_searched: Vec::new(),
            json: None,
            http: None,
            req: None,
            group: None,
            last_ts: None,
            prev_body: String::new(),
            found: 0,
            lines: 0,
            invalid_utf8: 0,
            first_invalid: 0,
            nuls: 0,
            long_lines: 0,
            notes: Notes::default(),
            replaying: 0,
            recent: Vec::new(),
            recent_next: 0,
        }
    }

    /// A scanner that starts at a line start in the middle of an input,
    /// knowing what [`Resume::at`] read of the lines before it.
    pub fn at(
        opts: &'a Options,
        sink: &'a mut dyn FnMut(Found) -> io::Result<()>,
        at: Resume,
    ) -> Scanner<'a> {
        let mut s = Scanner::new(opts, sink);
        s.line = at.line;
        s.prev_body = at.prev_body;
        s.last_ts = at.last_ts;
        s
    }

    fn new_block(&mut self, root: xml::Root, line: u64) -> XmlBlock {
        match self.spare.take() {
            Some(mut b) => {
                b.reset(root, line);
                b
            }
            None => XmlBlock::new(root, line, self.max()),
        }
    }

    /// A searcher for `</name>`; the last one is kept, since bodies in one
    /// input tend to share their root.
    fn end_tag(&mut self, qname: &str) -> Finder<'static> {
        self.cache_end_tag(qname);
        self.last_end_tag.clone().expect("just cached")
    }

    fn cache_end_tag(&mut self, qname: &str) {
        if let Some(f) = &self.last_end_tag {
            let n = f.needle();
            if n.len() == qname.len() + 3 && &n[2..n.len() - 1] == qname.as_bytes() {
                return;
            }
        }
        self.last_end_tag = Some(Finder::new(format!("</{qname}>").as_bytes()).into_owned());
    }

    /// The open body is finished: keep its block for the next one.
    fn drop_xml(&mut self) {
        if let Some(open) = self.xml.take() {
            self.spare = Some(open.block);
        }
    }

    fn max(&self) -> usize {
        self.opts.max_field.max(1)
    }

    fn idle(&self) -> bool {
        self.at_line_start
            && self.xml.is_none()
            && self.json.is_none()
            && self.http.is_none()
            && self.req.is_none()
            && self.group.is_none()
    }

    pub fn run<R: Read>(&mut self, src: &mut Source<R>) -> io::Result<()> {
        self.read_to(src, |_| false)?;
        self.finish()
    }

    /// Reads until the input ends (`true`) or, at a line start with
    /// nothing buffered, `paused` says the reader holds the rest back
    /// (`false`): the scan can then be checked with [`Scanner::is_at`] and
    /// resumed. Open bodies are not closed: see [`Scanner::run`].
    pub fn read_to<R: Read>(
        &mut self,
        src: &mut Source<R>,
        paused: impl Fn(&R) -> bool,
    ) -> io::Result<bool> {
        loop {
            let data = src.data();
            if data.is_empty() && paused(src.inner()) {
                return Ok(false);
            }
            let window = &data[..data.len().min(SEGMENT)];
            let nl = memchr::memchr(b'\n', window);
            if nl.is_none() && data.len() < SEGMENT && !src.at_eof() {
                src.fill()?;
                continue;
            }
            if data.is_empty() {
                return Ok(true);
            }
            if self.idle() {
                if let Some(n) = self.try_declared_root(data, src.offset(), src.at_eof())? {
                    src.consume(n);
                    continue;
                }
                let skipped = self.skip_idle(data, src.offset(), src.at_eof());
                if skipped > 0 {
                    src.consume(skipped);
                    continue;
                }
            }
            if let Some(n) = self.try_batch(data, src.offset(), src.at_eof())? {
                src.consume(n);
                continue;
            }
            if let Some(n) = self.try_fast_root(data, src.offset(), src.at_eof(), 0)? {
                src.consume(n);
                continue;
            }
            let (len, ends_line) = piece(data, src.at_eof());
            self.piece(&data[..len], ends_line)?;
            src.consume(len);
        }
    }

    /// The number of the line being read.
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Whether this scan, paused at a line start, would go on exactly as
    /// a scan started there from `at` would: nothing open, and the same
    /// line number, previous line and log clock within reach.
    pub fn is_at(&self, at: &Resume) -> bool {
        let line = self.line;
        let clock = self
            .last_ts
            .as_ref()
            .filter(|(ts_line, _)| *ts_line < line && line - ts_line <= TIMESTAMP_REACH);
        self.idle()
            && self.replaying == 0
            && line == at.line
            && self.prev_body == at.prev_body
            && clock == at.last_ts.as_ref()
            && self.recent.iter().all(|k| k.line < line)
    }

    /// Skips the lines before the first marker; returns the bytes skipped
    /// (0 when the first line holds a marker and must be read).
    fn skip_idle(&mut self, data: &[u8], base: u64, eof: bool) -> usize {
        let to_last_line = || match memchr::memrchr(b'\n', data) {
            Some(i) => i + 1,
            // One line without a newline: all of it, at the end of input.
            None if eof => data.len(),
            None => 0,
        };
        let mut from = 0;
        let upto = loop {
            let Some((p, which)) = self.markers.first(data, base, base + from as u64) else {
                break to_last_line();
            };
            let start = memchr::memrchr(b'\n', &data[..p]).map_or(0, |i| i + 1);
            if which != HTTP_MARKER {
                break start;
            }
            // `HTTP/` counts only where the line reader would take it.
            match memchr::memchr(b'\n', &data[p..]) {
                Some(i) => {
                    let end = p + i;
                    let body = &data[start..end];
                    if has_marker(body.strip_suffix(b"\r").unwrap_or(body)) {
                        break start;
                    }
                    from = end + 1;
                }
                // The line is not complete: it is read when it is.
                None if !eof => break start,
                None => {
                    if has_marker(&data[start..]) {
                        break start;
                    }
                    break data.len();
                }
            }
        };
        // A pretty-printed object's members may be the first marker
        // lines: its opening `{` line must not be skipped.
        let upto = first_opener(&data[..upto]).unwrap_or(upto);
        if upto == 0 {
            return 0;
        }
        let skipped = &data[..upto];
        // The last skipped line is the previous line of the next one read
        // (Go's aws-sdk prints the code on the line before the IDs).
        let (_, last) = last_line(skipped);
        self.remember(&clean_text(last), true);
        let n = memchr::memchr_iter(b'\n', skipped).count() as u64;
        // The log's clock: the nearest timestamp in the last few lines.
        self.look_back_timestamp(skipped, n);
        self.line += n;
        self.lines += n;
        if upto == data.len() && data.last() != Some(&b'\n') {
            self.lines += 1; // a last line without a newline
            self.line += 1;
        }
        upto
    }

    fn look_back_timestamp(&mut self, skipped: &[u8], n: u64) {
        // The last skipped line is line `self.line + n - 1`.
        // Lines before `skipped` were seen already: keep their clock.
        if let Some(Some(ts)) = nearest_timestamp(skipped, self.line + n - 1, true) {
            self.last_ts = Some(ts);
        }
    }

    /// The bytes from the start of `data` through the line holding the
    /// end tag, when all of it is here, valid UTF-8 without NULs, nothing
    /// but whitespace follows the end tag, and every line can continue an
    /// XML body; with the number of line ends in them.
    fn batch_region<'d>(
        end_searched: &mut Vec<(Vec<u8>, u64)>,
        data: &'d [u8],
        base: u64,
        eof: bool,
        end_tag: &Finder<'_>,
    ) -> Option<(&'d str, u64)> {
        let window = &data[..data.len().min(SEGMENT)];
        // Where this tag is already known to be absent: a body that never
        // ends must not be searched again on every line.
        let needle = end_tag.needle();
        let from = match end_searched.iter().find(|(n, _)| n.as_slice() == needle) {
            Some((_, to)) if *to > base => ((*to - base) as usize)
                .saturating_sub(needle.len() - 1)
                .min(window.len()),
            _ => 0,
        };
        let Some(e) = end_tag.find(&window[from..]).map(|e| from + e) else {
            let to = base + window.len() as u64;
            match end_searched
                .iter_mut()
                .find(|(n, _)| n.as_slice() == needle)
            {
                Some(entry) => entry.1 = to,
                None => {
                    if end_searched.len() == 4 {
                        end_searched.remove(0);
                    }
                    end_searched.push((needle.to_vec(), to));
                }
            }
            return None;
        };
        let after = e + end_tag.needle().len();
        let region_end = match memchr::memchr(b'\n', &window[after..]) {
            Some(i) => after + i + 1,
            None if eof && window.len() == data.len() => data.len(),
            None => return None,
        };
        let region = &data[..region_end];
        if !region[after..].iter().all(u8::is_ascii_whitespace)
            || memchr::memchr(0, region).is_some()
        {
            return None;
        }
        let text = std::str::from_utf8(region).ok()?;
        let (mut start, mut ends) = (0, 0);
        while start < text.len() {
            let end = match memchr::memchr(b'\n', &region[start..]) {
                Some(i) => {
                    ends += 1;
                    start + i + 1
                }
                None => text.len(),
            };
            let line = &text[start..end];
            let first = line.bytes().find(|b| !b.is_ascii_whitespace());
            if first.is_some_and(|b| b != b'<') && starts_new_record(line) {
                return None;
            }
            start = end;
        }
        Some((text, ends))
    }

    /// Counts the lines of a region consumed in one go, which has `n`
    /// line ends.
    fn count_region(&mut self, n: u64, region: &str, data: &[u8]) {
        self.line += n;
        self.lines += n;
        if region.len() == data.len() && data.last() != Some(&b'\n') {
            self.line += 1;
            self.lines += 1;
        }
    }

    /// While an XML body is open and its end tag is already in the buffer,
    /// parses up to it in one pass. Returns the bytes consumed.
    fn try_batch(&mut self, data: &[u8], base: u64, eof: bool) -> io::Result<Option<usize>> {
        let Some(open) = self.xml.as_ref() else {
            return Ok(None);
        };
        if !self.at_line_start || open.quote_key.is_some() || open.escaped {
            return Ok(None);
        }
        let Some((text, ends)) =
            Self::batch_region(&mut self.end_searched, data, base, eof, &open.end_tag)
        else {
            return Ok(None);
        };
        let line = self.line;
        let open = self.xml.as_mut().expect("checked above");
        let fed = open.block.feed(text, line);
        let drafts: Vec<Draft> = open.block.out.drain(..).collect();
        let replay = open.block.take_replay();
        if matches!(fed, Fed::Done(_)) {
            self.close_xml_notes();
            self.drop_xml();
        }
        if replay.is_some() {
            // The body ended in text carried from before this region:
            // read that again, then the region line by line.
            self.emit_line(drafts, line, false)?;
            self.replay(replay)?;
            return Ok(Some(0));
        }
        self.finish_region((text, ends), data, fed, line, drafts)
            .map(Some)
    }

    /// Accounts for a region fed in one pass. A body that ended before the
    /// region did (a stray `</>` closed it early) gives back the rest: the
    /// remainder of its last line is scanned like any text, and the lines
    /// after it are read again. Returns the bytes consumed.
    fn finish_region(
        &mut self,
        (text, ends): (&str, u64),
        data: &[u8],
        fed: Fed,
        line: u64,
        drafts: Vec<Draft>,
    ) -> io::Result<usize> {
        let rest = match fed {
            Fed::Done(n) if !text[n..].trim().is_empty() => Some(n),
            _ => None,
        };
        let end = match rest {
            Some(n) => {
                memchr::memchr(b'\n', &text.as_bytes()[n..]).map_or(text.len(), |i| n + i + 1)
            }
            None => text.len(),
        };
        // As if each line had been read alone: the last one is the
        // previous line for the next.
        let body = trim_eol(&text[..end]);
        let last_start = memchr::memrchr(b'\n', body.as_bytes()).map_or(0, |i| i + 1);
        self.remember(&body[last_start..], true);
        let ends = if end == text.len() {
            ends
        } else {
            memchr::memchr_iter(b'\n', &text.as_bytes()[..end]).count() as u64
        };
        self.count_region(ends, &text[..end], data);
        self.emit_line(drafts, line, false)?;
        if let Some(n) = rest {
            let rest_line = line + memchr::memchr_iter(b'\n', &text.as_bytes()[..n]).count() as u64;
            self.handle(&text[n..end], rest_line, false)?;
        }
        Ok(end)
    }

    /// An XML declaration line (`<?xml version="1.0"?>`, the first line of
    /// every body a server sends) followed by a root line whose body is
    /// all here: taken in one pass, as [`Scanner::skip_idle`] would skip
    /// the declaration and [`Scanner::try_fast_root`] then read the body.
    /// Only where that is exactly what they would do: the declaration
    /// holds no marker (skip_idle skips it, and it alone: the root line
    /// holds one) and no log timestamp (skipping it sets nothing that the
    /// body's last line does not set again). Returns the bytes consumed.
    fn try_declared_root(
        &mut self,
        data: &[u8],
        base: u64,
        eof: bool,
    ) -> io::Result<Option<usize>> {
        if !data[indentation(data)..].starts_with(b"<?xml") {
            return Ok(None);
        }
        let Some(nl) = memchr::memchr(b'\n', &data[..data.len().min(SEGMENT)]) else {
            return Ok(None);
        };
        let decl = &data[..nl];
        if decl != self.plain_decl.as_slice() {
            // What skip_idle looks for in the lines it skips.
            if has_marker(decl) || matches!(nearest_timestamp(&data[..=nl], 0, true), Some(Some(_)))
            {
                return Ok(None);
            }
            if decl.len() <= KEPT_LINE_MAX {
                self.plain_decl.clear();
                self.plain_decl.extend_from_slice(decl);
            }
        }
        self.try_fast_root(data, base, eof, nl + 1)
    }

    /// A line that starts with a root tag (`<Error>`, after indentation)
    /// whose end tag is already in the buffer: the whole body is parsed in
    /// one pass, without the general readers (nothing else can be on
    /// those lines). The line is `data[skip..]`: `skip` is a declaration
    /// line before it (0 for none), consumed with the body. Returns the
    /// bytes consumed.
    fn try_fast_root(
        &mut self,
        data: &[u8],
        base: u64,
        eof: bool,
        skip: usize,
    ) -> io::Result<Option<usize>> {
        let (data, base) = (&data[skip..], base + skip as u64);
        if !self.at_line_start
            || self.xml.is_some()
            || self.json.is_some()
            || self.group.is_some()
            || self.req.is_some()
        {
            return Ok(None);
        }
        if self
            .http
            .as_ref()
            .is_some_and(|r| !r.in_body || r.body_ended || r.body_lines >= MAX_BODY_LINES)
        {
            return Ok(None);
        }
        let bom = if data.starts_with("\u{FEFF}".as_bytes()) {
            3
        } else {
            0
        };
        let indent = bom + indentation(&data[bom..]);
        if data.get(indent) != Some(&b'<') {
            return Ok(None);
        }
        let first_end =
            memchr::memchr(b'\n', &data[..data.len().min(SEGMENT)]).unwrap_or(data.len());
        // With its line end, as the line path sees it: `<Error/` at the
        // end of a line is not a root, at the end of the input it is.
        let first_line = &data[..(first_end + 1).min(data.len())];
        let known = first_line == self.root_line.text.as_slice();
        // The root, where its name ends, and the log clock on its line
        // (a known line has none).
        let (root, qname_end, ts) = if known {
            (self.root_line.root, self.root_line.qname_end, None)
        } else {
            let Ok(line_text) = std::str::from_utf8(first_line) else {
                return Ok(None);
            };
            let first = &line_text[indent..];
            let Some((0, root)) = xml::find_root(first, 0) else {
                return Ok(None);
            };
            // The line path would undo escapes in it first (a body inside
            // a string literal): leave such lines to it.
            if escape::has_escapes(first) {
                return Ok(None);
            }
            let qname_end = first[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')))
                .map_or(first.len(), |i| i + 1);
            let ts = log_timestamp(trim_eol(line_text));
            if first_line.len() <= KEPT_LINE_MAX && ts.is_none() {
                self.root_line.text.clear();
                self.root_line.text.extend_from_slice(first_line);
                self.root_line.root = root;
                self.root_line.qname_end = qname_end;
            }
            (root, qname_end, ts)
        };
        let Ok(qname) = std::str::from_utf8(&first_line[indent + 1..indent + qname_end]) else {
            return Ok(None);
        };
        self.cache_end_tag(qname);
        let end_tag = self.last_end_tag.as_ref().expect("just cached");
        let Some((text, ends)) =
            Self::batch_region(&mut self.end_searched, data, base, eof, end_tag)
        else {
            return Ok(None);
        };
        // The root's line: after the declaration's, when there is one.
        let line = self.line + u64::from(skip > 0);
        // What the line path does with any first line: the log's clock.
        if let Some(ts) = ts {
            self.last_ts = Some((line, ts.to_owned()));
        }
        let mut block = self.new_block(root, line);
        let fed = match block.feed(&text[indent..], line) {
            Fed::Done(n) => Fed::Done(indent + n),
            Fed::More => Fed::More,
        };
        // A body that ends on its first line with more text after it: that
        // line is the line path's, which reads the text around a body
        // together with it.
        if let Fed::Done(n) = fed
            && n <= first_end
            && !text[n..first_end.min(text.len())].trim().is_empty()
        {
            block.reset(root, line);
            self.spare = Some(block);
            return Ok(None);
        }
        if skip > 0 {
            // The declaration's line, skipped.
            self.line += 1;
            self.lines += 1;
        }
        let drafts: Vec<Draft> = block.out.drain(..).collect();
        match fed {
            Fed::Done(_) => {
                self.notes.extend(block.take_notes());
                self.spare = Some(block);
            }
            // The end tag closed something else (a nested element of the
            // same name): the body goes on, line by line.
            Fed::More => {
                self.xml = Some(OpenXml {
                    block,
                    quote_key: None,
                    escaped: false,
                    end_tag: self.last_end_tag.clone().expect("cached above"),
                })
            }
        }
        if let Some(r) = self.http.as_mut() {
            r.body_lines += 1;
        }
        self.finish_region((text, ends), data, fed, line, drafts)
            .map(|n| Some(skip + n))
    }

    /// Reads again text an XML body carried but did not use: the rest of
    /// its first line as the middle of a line, then whole lines.
    fn replay(&mut self, replay: Option<(String, u64)>) -> io::Result<()> {
        let Some((text, first)) = replay else {
            return Ok(());
        };
        if self.replaying >= MAX_REPLAY_DEPTH {
            // Each replay is shorter than the last, so this cannot loop;
            // the cap is a second guard for the stack.
            self.notes.push(format!(
                "text from line {first} could not be read again and was skipped"
            ));
            return Ok(());
        }
        // The lines read again follow the line the body ended on, not the
        // last line the body had read, which lies further on (how far
        // depends on how the input was split): what is left of that line
        // is their previous line.
        let rest_of_first = text.split_inclusive('\n').next().unwrap_or_default();
        self.remember(trim_eol(rest_of_first), true);
        self.replaying += 1;
        let mut result = Ok(());
        for (i, piece) in text.split_inclusive('\n').enumerate() {
            result = self.handle(piece, first + i as u64, i > 0);
            if result.is_err() {
                break;
            }
        }
        self.replaying -= 1;
        result
    }

    /// Reads `text` afresh after a replay, unless replays are nested too
    /// deep already.
    fn rehandle(&mut self, text: &str, line: u64, at_start: bool) -> io::Result<Cont> {
        if self.replaying >= MAX_REPLAY_DEPTH {
            return Ok(Cont::Refused);
        }
        self.replaying += 1;
        let r = self.handle(text, line, at_start);
        self.replaying -= 1;
        r.map(|()| Cont::Handled)
    }

    /// Decodes one line or segment and handles it.
    fn piece(&mut self, bytes: &[u8], ends_line: bool) -> io::Result<()> {
        let (text, valid) = utf8_or_lossy(bytes);
        if !valid {
            self.invalid_utf8 += 1;
            if self.first_invalid == 0 {
                self.first_invalid = self.line;
            }
        }
        self.nuls += memchr::memchr_iter(0, bytes).count() as u64;
        let text = without_nuls(text);
        let at_start = self.at_line_start;
        if !ends_line && at_start {
            self.long_lines += 1;
        }
        let line = self.line;
        self.handle(&text, line, at_start)?;
        if ends_line {
            self.line += 1;
            self.lines += 1;
            self.at_line_start = true;
        } else {
            self.at_line_start = false;
        }
        Ok(())
    }

    fn handle(&mut self, text: &str, line: u64, at_start: bool) -> io::Result<()> {
        let body = trim_eol(text);
        // Requests and responses that were never finished expire.
        if let Some((_, since)) = &self.req
            && line.saturating_sub(*since) > MAX_REQUEST_AGE
        {
            self.req = None;
        }
        let mut rest: &str = text;
        let mut mid = !at_start;
        // A line an XML body reads from is not a log record of its own:
        // its timestamp-like text is not the log's clock.
        let mut in_body = false;
        if self.xml.is_some() {
            in_body = true;
            match self.continue_xml(text, line, at_start)? {
                Cont::Consumed => {
                    self.remember(body, at_start);
                    return Ok(());
                }
                Cont::Rest(off) => {
                    rest = &text[off..];
                    mid = true;
                    if rest.trim().is_empty() {
                        self.remember(body, at_start);
                        return Ok(());
                    }
                }
                Cont::Refused => in_body = false,
                Cont::Handled => return Ok(()),
            }
        }
        if self.json.is_some() && self.continue_json(text)? {
            self.remember(body, at_start);
            return Ok(());
        }
        let rest_line = trim_eol(rest);
        // A byte order mark left at a line start by concatenated files.
        let rest_body = rest_line.trim_start_matches('\u{FEFF}');
        // The line end, for text after a status line that is read as more
        // than a status line.
        let eol = &rest[rest_line.len()..];
        if (!mid || rest_body.starts_with("HTTP/")) && self.http_line(rest_body, eol, line)? {
            self.remember(body, at_start);
            return Ok(());
        }
        if at_start && !in_body && self.http.as_ref().is_none_or(|r| r.in_body) {
            if let Some(ts) = log_timestamp(body) {
                self.last_ts = Some((line, ts.to_owned()));
            }
        }
        let mut drafts = Vec::new();
        let mut labelled = false;
        if self.group.is_some()
            || has_marker(rest_body.as_bytes())
            || rest_body.trim_start().starts_with('{')
        {
            labelled = self.scan_line(rest, line, &mut drafts)?;
        }
        self.emit_line(drafts, line, labelled)?;
        self.remember(body, at_start);
        Ok(())
    }

    fn remember(&mut self, body: &str, at_start: bool) {
        if at_start {
            self.prev_body.clear();
            self.prev_body.push_str(remembered(body));
        }
    }

    /// Feeds a line to the open XML body.
    fn continue_xml(&mut self, text: &str, line: u64, at_start: bool) -> io::Result<Cont> {
        let open = self.xml.as_mut().expect("caller checked");
        let view: Cow<'_, str> = if open.escaped {
            escape::unescape_view(text)
        } else {
            Cow::Borrowed(text)
        };
        let mut feed_from = 0;
        if at_start {
            match &open.quote_key {
                Some(key) => {
                    let lt = view.find('<');
                    let ok = lt.is_some_and(|lt| quote_key(&view[..lt]) == *key);
                    if !ok {
                        return self.refuse_xml(text, line, at_start);
                    }
                    feed_from = lt.unwrap_or(0);
                }
                None => {
                    let first = view.bytes().find(|b| !b.is_ascii_whitespace());
                    if first.is_some_and(|b| b != b'<') && starts_new_record(&view) {
                        return self.refuse_xml(text, line, at_start);
                    }
                }
            }
        }
        let fed = open.block.feed(&view[feed_from..], line);
        let drafts: Vec<Draft> = open.block.out.drain(..).collect();
        let escaped = open.escaped;
        let replay = open.block.take_replay();
        let result = match fed {
            Fed::More => Cont::Consumed,
            Fed::Done(_) if replay.is_some() => {
                self.close_xml_notes();
                self.drop_xml();
                self.emit_line(drafts, line, false)?;
                self.replay(replay)?;
                // This line is read afresh, as the lines after the replayed
                // text would be (by a body the replay may have opened).
                return self.rehandle(text, line, at_start);
            }
            Fed::Done(n) => {
                self.close_xml_notes();
                self.drop_xml();
                if escaped {
                    // Offsets in the unescaped view do not map back; the
                    // rest of an escaped line is scanned no further.
                    Cont::Rest(text.len())
                } else {
                    Cont::Rest(feed_from + n)
                }
            }
        };
        self.emit_line(drafts, line, false)?;
        Ok(result)
    }

    /// The open body cannot continue on this line: it was cut off.
    fn refuse_xml(&mut self, text: &str, line: u64, at_start: bool) -> io::Result<Cont> {
        let mut open = self.xml.take().expect("caller checked");
        open.block
            .truncate(&format!("line {line} starts something else"));
        let drafts: Vec<Draft> = open.block.out.drain(..).collect();
        self.notes.extend(open.block.take_notes());
        let replay = open.block.take_replay();
        self.spare = Some(open.block);
        self.emit_line(drafts, line, false)?;
        if replay.is_some() {
            self.replay(replay)?;
            if self.xml.is_some() {
                // The replayed text opened a body: this line may continue it.
                return self.rehandle(text, line, at_start);
            }
        }
        Ok(Cont::Refused)
    }

    fn close_xml_notes(&mut self) {
        if let Some(open) = self.xml.as_mut() {
            let n = open.block.take_notes();
            self.notes.extend(n);
        }
    }

    /// Appends a line to the open JSON block; returns whether it took it.
    fn continue_json(&mut self, text: &str) -> io::Result<bool> {
        let body = trim_eol(text);
        let jb = self.json.as_mut().expect("caller checked");
        if starts_new_record(body)
            || xml::find_root(body, 0).is_some_and(|(at, _)| body[..at].trim().is_empty())
        {
            let jb = self.json.take().expect("checked");
            self.close_json(jb)?;
            return Ok(false);
        }
        let mut q = None;
        jb.depth += json::brace_delta(body, &mut q);
        if jb.text.len() + text.len() <= SEGMENT {
            jb.text.push_str(text);
        }
        jb.lines += 1;
        if jb.depth <= 0 || jb.lines >= MAX_JSON_LINES || jb.text.len() + text.len() > SEGMENT {
            let jb = self.json.take().expect("checked");
            self.close_json(jb)?;
        }
        Ok(true)
    }

    fn close_json(&mut self, jb: JsonBlock) -> io::Result<()> {
        let mut drafts = Vec::new();
        let text = jb.text.trim();
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(v) => {
                let mut w = json::Walk::default();
                json::walk(&v, self.max(), &mut w);
                drafts.extend(w.drafts);
                for s in w.strings {
                    self.scan_complete(&s, jb.start_line, 1, &mut drafts);
                }
            }
            // JavaScript's `util.inspect`, Python's `pprint`: not JSON, but
            // labelled fields over several lines.
            Err(_) => drafts.extend(labels::scan(text, self.max())),
        }
        for d in &mut drafts {
            if d.found.line == 0 {
                d.found.line = jb.start_line;
            }
            // A whole multi-line object is one sighting: no grouping.
            if d.shape == Shape::Labels {
                d.shape = Shape::Json;
            }
        }
        self.emit_line(drafts, jb.start_line, false)
    }

    /// HTTP output (`body`: the line without its line end, `eol`); returns
    /// whether the line was consumed as such.
    fn http_line(&mut self, body: &str, eol: &str, line: u64) -> io::Result<bool> {
        let in_headers = self.http.as_ref().is_some_and(|r| !r.in_body);
        let in_request = self.req.as_ref().is_some_and(|(r, _)| !r.done);
        let active = self.http.is_some() || self.req.is_some();
        match http::classify(body, in_headers, in_request) {
            Line::Status {
                status,
                reason,
                rest,
            } => {
                self.finish_response(true)?;
                let req = self.req.take().map(|(r, _)| r);
                let mut resp = Response::new(line, status, reason, req);
                if !rest.is_empty() {
                    let (hs, body_rest) = http::flattened_headers(rest);
                    let flat = !hs.is_empty();
                    for (n, v) in hs {
                        resp.add_header(n, v);
                    }
                    if flat {
                        resp.in_body = true;
                    }
                    self.http = Some(resp);
                    if !body_rest.trim().is_empty() {
                        if let Some(r) = self.http.as_mut() {
                            r.in_body = true;
                            r.body_lines += 1;
                        }
                        let mut drafts = Vec::new();
                        // With its line end, as every line is scanned: a
                        // body that starts here goes on on the next line
                        // (`<Response` then `e` is not `<Responsee`).
                        let text = [body_rest, eol].concat();
                        let labelled = self.scan_line(&text, line, &mut drafts)?;
                        self.emit_line(drafts, line, labelled)?;
                    } else if flat {
                        self.end_of_headers()?;
                    }
                } else {
                    self.http = Some(resp);
                }
                Ok(true)
            }
            Line::Request { method, target } => {
                self.finish_response(true)?;
                let r = Request {
                    method: method.to_owned(),
                    target: super::draft::cut_str(target, 8192).to_owned(),
                    ..Request::default()
                };
                self.req = Some((r, line));
                Ok(true)
            }
            Line::RequestHeader { name, value } => {
                if let Some((r, _)) = self.req.as_mut() {
                    if name.eq_ignore_ascii_case("host") {
                        r.host = Some(super::draft::cut_str(value, 1024).to_owned());
                    } else if name.eq_ignore_ascii_case("date") {
                        r.date = Some(super::draft::cut_str(value, 256).to_owned());
                    }
                }
                Ok(true)
            }
            Line::RequestEnd => {
                if let Some((r, _)) = self.req.as_mut() {
                    r.done = true;
                }
                Ok(true)
            }
            Line::Header { name, value } => {
                if let Some(r) = self.http.as_mut() {
                    r.add_header(name, value);
                }
                Ok(true)
            }
            Line::Blank => {
                let Some(r) = self.http.as_mut() else {
                    return Ok(false);
                };
                if !r.in_body {
                    self.end_of_headers()?;
                } else if r.body_lines > 0 {
                    r.body_ended = true;
                }
                Ok(true)
            }
            Line::CurlInfo => Ok(active || body.starts_with("{ [") || body.starts_with("} [")),
            Line::Other => {
                if let Some(r) = self.http.as_mut() {
                    if !r.in_body {
                        // Headers that ended without a blank line.
                        r.in_body = true;
                    }
                    if r.body_ended || r.body_lines >= MAX_BODY_LINES {
                        self.finish_response(false)?;
                        return Ok(false);
                    }
                    r.body_lines += 1;
                }
                Ok(false)
            }
        }
    }

    fn end_of_headers(&mut self) -> io::Result<()> {
        let Some(r) = self.http.as_mut() else {
            return Ok(());
        };
        r.in_body = true;
        if r.bodiless() {
            if r.is_redirect() {
                // A following response (curl -L) would supersede it.
                r.body_ended = true;
                r.body_lines = r.body_lines.max(1);
            } else {
                self.finish_response(false)?;
            }
        }
        Ok(())
    }

    /// The response is over: report it from its headers when its body did
    /// not hold an error. `followed`: another response comes next.
    fn finish_response(&mut self, followed: bool) -> io::Result<()> {
        let Some(r) = self.http.take() else {
            return Ok(());
        };
        if r.status < 200 {
            // `100 Continue`: the request is still waiting for its answer.
            if self.req.is_none()
                && let Some(req) = r.request
            {
                self.req = Some((req, r.line));
            }
            return Ok(());
        }
        if r.reported || (followed && r.is_redirect()) {
            return Ok(());
        }
        if let Some(d) = r.header_error(self.max()) {
            self.emit(d)?;
        }
        Ok(())
    }

    /// Runs the general readers over a line (or what an XML body left of
    /// it). Returns whether labelled fields were seen (for grouping).
    fn scan_line(&mut self, text: &str, line: u64, out: &mut Vec<Draft>) -> io::Result<bool> {
        let body = trim_eol(text);
        // A pretty-printed JSON object (or JavaScript/Python structure)
        // starts here: it is read whole when it closes.
        if body.trim_start().starts_with('{') {
            let mut q = None;
            let depth = json::brace_delta(body, &mut q);
            if depth > 0 {
                self.close_group()?;
                self.json = Some(JsonBlock {
                    text: text.to_owned(),
                    depth,
                    start_line: line,
                    lines: 1,
                });
                return Ok(false);
            }
        }
        // JSON objects.
        let mut residual: Cow<'_, str> = Cow::Borrowed(text);
        // A line that starts with an XML body is XML: braces in its text
        // are the server's message, not JSON to take out. After a byte
        // order mark too, as the one-pass reader takes it.
        let t = body.trim_start_matches(super::draft::is_blank);
        let xml_first = t.starts_with('<') && xml::find_root(t, 0).is_some_and(|(at, _)| at == 0);
        if !xml_first
            && memchr::memchr(b'{', body.as_bytes()).is_some()
            && let Some((mut w, mut rest)) = json::take_objects(body, self.max())
        {
            rest.push('\n');
            residual = Cow::Owned(rest);
            for d in &mut w.drafts {
                d.found.line = line;
            }
            out.extend(w.drafts);
            for s in w.strings {
                self.scan_complete(&s, line, 1, out);
            }
        }
        // Backslash escapes (a body inside a string literal).
        let view = escape::unescape_view(&residual);
        let escaped = matches!(view, Cow::Owned(_));
        let mut label_text = String::new();
        let mut pos = 0;
        while let Some((at, root)) = xml::find_root(&view, pos) {
            label_text.push_str(&view[pos..at]);
            let mut block = self.new_block(root, line);
            if escaped {
                block.count_lines(false);
            }
            match block.feed(&view[at..], line) {
                Fed::Done(n) => {
                    out.append(&mut block.out);
                    self.notes.extend(block.take_notes());
                    self.spare = Some(block);
                    pos = at + n.max(1);
                }
                Fed::More => {
                    out.append(&mut block.out);
                    let prefix = &view[..at];
                    let qname_end = view[at + 1..]
                        .find(|c: char| {
                            !(c.is_ascii_alphanumeric() || matches!(c, ':' | '_' | '-' | '.'))
                        })
                        .map_or(view.len(), |i| at + 1 + i);
                    let end_tag = self.end_tag(&view[at + 1..qname_end]);
                    let quoted = !super::draft::trim_value(prefix).is_empty();
                    self.xml = Some(OpenXml {
                        block,
                        quote_key: quoted.then(|| quote_key(prefix)),
                        escaped,
                        end_tag,
                    });
                    pos = view.len();
                    break;
                }
            }
        }
        if pos < view.len() {
            label_text.push_str(&view[pos..]);
        }
        // Labelled fields in what is left.
        let lb = trim_eol(&label_text);
        let mut labelled = false;
        if memchr::memchr3(b':', b'=', b'[', lb.as_bytes()).is_some() || lb.contains("::Errors::") {
            let mut ls = labels::scan(lb, self.max());
            if !ls.is_empty() {
                labelled = true;
                if let Some((code, msg)) = labels::go_aws_head(&self.prev_body, body)
                    && let Some(first) = ls.first_mut()
                {
                    first.set(super::draft::Field::Code, "Code", &code, 0, 256);
                    first.set(super::draft::Field::Message, "Message", &msg, 0, self.max());
                    first.sdk = true;
                }
                for d in &mut ls {
                    d.found.line = line;
                }
                out.extend(ls);
            }
        }
        Ok(labelled)
    }

    /// The general readers over a complete text (a JSON string value):
    /// an XML body that does not end in it is truncated there.
    fn scan_complete(&mut self, text: &str, line: u64, depth: u8, out: &mut Vec<Draft>) {
        if depth > 3 || text.len() > SEGMENT {
            return;
        }
        let mut residual: Cow<'_, str> = Cow::Borrowed(text);
        if text.contains('{')
            && let Some((w, rest)) = json::take_objects(text, self.max())
        {
            residual = Cow::Owned(rest);
            out.extend(w.drafts);
            for s in w.strings {
                self.scan_complete(&s, line, depth + 1, out);
            }
        }
        let view = escape::unescape_view(&residual);
        let mut label_text = String::new();
        let mut pos = 0;
        while let Some((at, root)) = xml::find_root(&view, pos) {
            label_text.push_str(&view[pos..at]);
            let mut block = self.new_block(root, line);
            block.count_lines(false);
            match block.feed(&view[at..], line) {
                Fed::Done(n) => pos = at + n.max(1),
                Fed::More => {
                    block.truncate("the string ended");
                    pos = view.len();
                }
            }
            out.append(&mut block.out);
            self.spare = Some(block);
        }
        if pos < view.len() {
            label_text.push_str(&view[pos..]);
        }
        out.extend(labels::scan(&label_text, self.max()));
        for d in out.iter_mut() {
            if d.found.line == 0 {
                d.found.line = line;
            }
        }
    }

    /// Merges what one line yielded and reports it.
    fn emit_line(&mut self, drafts: Vec<Draft>, line: u64, labelled_line: bool) -> io::Result<()> {
        if drafts.is_empty() || (drafts.len() == 1 && drafts[0].shape == Shape::Xml) {
            if !labelled_line {
                self.close_group()?;
            }
            for mut d in drafts {
                if d.found.line == 0 {
                    d.found.line = line;
                }
                if d.found.code.is_some()
                    || d.found.number.is_some()
                    || d.found.message.is_some()
                    || d.found.request_id.is_some()
                {
                    self.emit(d)?;
                } else {
                    // Nothing to report, but what went wrong reading it.
                    self.notes.extend(d.found.notes);
                }
            }
            return Ok(());
        }
        let mut structured: Vec<Draft> = Vec::new();
        let mut loose: Vec<Draft> = Vec::new();
        for mut d in drafts {
            if d.found.line == 0 {
                d.found.line = line;
            }
            if d.shape == Shape::Labels {
                loose.push(d);
            } else {
                structured.push(d);
            }
        }
        let mut any_loose = false;
        for l in loose {
            if let Some(t) = structured
                .iter_mut()
                .find(|t| t.found.line == l.found.line && t.same_identity(&l))
            {
                t.absorb(l);
            } else if l.is_context_only()
                && structured.len() == 1
                && structured[0].found.line == l.found.line
                && structured[0].compatible(&l)
            {
                structured[0].absorb(l);
            } else {
                any_loose = true;
                self.labelled(l)?;
            }
        }
        if !any_loose && !labelled_line {
            self.close_group()?;
        }
        let in_body = self.http.as_ref().is_some_and(|r| r.in_body);
        for d in structured.drain(..) {
            let f = &d.found;
            let empty = f.code.is_none()
                && f.number.is_none()
                && f.message.is_none()
                && f.request_id.is_none();
            match d.shape {
                // An empty `<Error/>` says nothing the status line does not.
                Shape::Xml if empty => {
                    self.notes.extend(d.found.notes);
                    continue;
                }
                Shape::Json if !(d.is_substantial() || in_body || d.sdk) => continue,
                _ => {}
            }
            self.emit(d)?;
        }
        Ok(())
    }

    /// Labelled fields that matched nothing structured: an SDK string on
    /// one line, or one line of several (`Error Code: X` / `Request ID:
    /// Y` printed on lines of their own).
    fn labelled(&mut self, d: Draft) -> io::Result<()> {
        let complete = |d: &Draft| {
            let f = &d.found;
            (f.code.is_some() || f.number.is_some())
                && (f.request_id.is_some()
                    || f.message.is_some()
                    || f.status.is_some_and(|s| s >= 300))
                || (f.status.is_some_and(|s| s >= 300) && f.request_id.is_some() && d.sdk)
        };
        if let Some(g) = self.group.as_mut() {
            if g.compatible(&d) && !(complete(g) && complete(&d)) {
                g.absorb(d);
                return Ok(());
            }
            self.close_group()?;
        }
        if complete(&d) && d.is_substantial() {
            self.emit(d)
        } else {
            self.group = Some(d);
            Ok(())
        }
    }

    fn close_group(&mut self) -> io::Result<()> {
        if let Some(g) = self.group.take()
            && g.is_substantial()
        {
            self.emit(g)?;
        }
        Ok(())
    }

    /// Adds context and hands the error to the sink.
    fn emit(&mut self, mut d: Draft) -> io::Result<()> {
        // The same error printed twice on one line (a logger repeating
        // the exception) is one error; on two lines, two occurrences.
        if self.recent.iter().any(|k| k.matches(&d.found)) {
            return Ok(());
        }
        if self.recent.len() < RECENT {
            self.recent.push(RepeatKey::default());
        }
        // The oldest key's buffers take the new one: no allocation once
        // they are large enough (a clone per error was 6% of decode).
        let slot = self.recent_next;
        self.recent[slot].set(&d.found);
        self.recent_next = (slot + 1) % RECENT;
        if let Some(resp) = self.http.as_mut().filter(|r| r.in_body) {
            let ctx = resp.context(self.opts.max_field.max(1));
            resp.reported = true;
            let own = d.found.line;
            d.absorb(ctx);
            if d.found.partial && own != 0 {
                d.found.line = own;
            }
        }
        if d.found.client_date.is_none()
            && let Some((ts_line, ts)) = &self.last_ts
            && *ts_line <= d.found.line
            && d.found.line - ts_line <= TIMESTAMP_REACH
        {
            d.found.client_date = Some(ts.clone());
        }
        let f = d.finish(self.opts.provider);
        self.found += 1;
        (self.sink)(f)
    }

    /// End of input: close whatever is open.
    pub fn finish(&mut self) -> io::Result<()> {
        let line = self.line;
        if let Some(mut open) = self.xml.take() {
            open.block.truncate("the input ended");
            let drafts: Vec<Draft> = open.block.out.drain(..).collect();
            self.notes.extend(open.block.take_notes());
            let replay = open.block.take_replay();
            self.emit_line(drafts, line, true)?;
            self.replay(replay)?;
            if self.xml.is_some() {
                // The replayed text opened another body: it ends here too.
                return self.finish();
            }
        }
        if let Some(jb) = self.json.take() {
            self.close_json(jb)?;
        }
        self.close_group()?;
        self.finish_response(false)?;
        self.req = None;
        Ok(())
    }

    /// What this scan counted, with what its source counted.
    pub fn into_counts<R: Read>(self, src: &Source<R>) -> Counts {
        Counts {
            bytes: src.bytes_read,
            lines: self.lines,
            found: self.found,
            invalid_utf8: self.invalid_utf8,
            first_invalid: self.first_invalid,
            nuls: self.nuls,
            long_lines: self.long_lines,
            notes: self.notes,
            encoding_note: src.encoding_note.clone(),
            bad_utf16: src.bad_utf16,
        }
    }

    pub fn into_summary<R: Read>(self, src: &Source<R>) -> Summary {
        self.into_counts(src).summary()
    }
}

/// What a scan counted, for the summary. The counts of consecutive parts
/// of one input, added in order, are the counts of the whole.
#[derive(Default)]
pub struct Counts {
    bytes: u64,
    lines: u64,
    found: u64,
    invalid_utf8: u64,
    /// The first line with invalid UTF-8 (0: none).
    first_invalid: u64,
    nuls: u64,
    long_lines: u64,
    notes: Notes,
    encoding_note: Option<String>,
    bad_utf16: u64,
}

impl Counts {
    /// Adds the counts of the part that follows.
    pub fn add(&mut self, later: Counts) {
        self.bytes += later.bytes;
        self.lines += later.lines;
        self.found += later.found;
        self.invalid_utf8 += later.invalid_utf8;
        if self.first_invalid == 0 {
            self.first_invalid = later.first_invalid;
        }
        self.nuls += later.nuls;
        self.long_lines += later.long_lines;
        // First come, first kept, as when one scan pushes them all.
        self.notes.extend(later.notes.into_texts());
        if self.encoding_note.is_none() {
            self.encoding_note = later.encoding_note;
        }
        self.bad_utf16 += later.bad_utf16;
    }

    pub fn summary(self) -> Summary {
        let mut warnings = Vec::new();
        if let Some(n) = self.encoding_note {
            warnings.push(n);
        }
        if self.bad_utf16 > 0 {
            warnings.push(format!(
                "{} invalid UTF-16 sequences were replaced with U+FFFD",
                self.bad_utf16
            ));
        }
        if self.invalid_utf8 > 0 {
            warnings.push(format!(
                "invalid UTF-8 on {} line{} (first: line {}); decoded lossily, bad bytes shown as U+FFFD",
                self.invalid_utf8,
                if self.invalid_utf8 == 1 { "" } else { "s" },
                self.first_invalid
            ));
        }
        if self.nuls > 0 {
            warnings.push(format!("{} NUL bytes were ignored", self.nuls));
        }
        if self.long_lines > 0 {
            warnings.push(format!(
                "{} line{} longer than {} KiB {} read in pieces",
                self.long_lines,
                if self.long_lines == 1 { "" } else { "s" },
                SEGMENT / 1024,
                if self.long_lines == 1 { "was" } else { "were" }
            ));
        }
        warnings.extend(self.notes.into_texts());
        Summary {
            bytes: self.bytes,
            lines: self.lines,
            found: self.found,
            warnings,
        }
    }
}

/// What a scan carries from the lines before a line start into it,
/// besides what is open there: the line's number, the line before it (an
/// SDK may print an error over two lines) and the log's clock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resume {
    /// The number of the line that starts there.
    pub line: u64,
    prev_body: String,
    /// The nearest log timestamp within reach, and its line.
    last_ts: Option<(u64, String)>,
}

impl Resume {
    /// What a scan has learnt from `before`, the bytes before line `line`,
    /// when it gets there: `before` ends with the line end of the line
    /// before, and either starts the input (`from_start`) or is a window
    /// of it. `None` when the window does not hold enough whole lines to
    /// tell.
    pub fn at(before: &[u8], from_start: bool, line: u64) -> Option<Resume> {
        if before.is_empty() {
            return (from_start && line == 1).then(|| Resume {
                line,
                prev_body: String::new(),
                last_ts: None,
            });
        }
        if before.last() != Some(&b'\n') || line < 2 {
            return None;
        }
        let (start, last) = last_line(before);
        if start == 0 && !from_start {
            return None;
        }
        let last_ts = nearest_timestamp(before, line - 1, from_start)?;
        Some(Resume {
            line,
            prev_body: remembered(&clean_text(last)).to_owned(),
            last_ts,
        })
    }
}

/// The start and text (without its line end) of the last line of `text`,
/// which ends with a line end.
fn last_line(text: &[u8]) -> (usize, &[u8]) {
    let body = text.strip_suffix(b"\n").unwrap_or(text);
    let body = body.strip_suffix(b"\r").unwrap_or(body);
    let start = memchr::memrchr(b'\n', body).map_or(0, |i| i + 1);
    (start, &body[start..])
}

/// What is kept of a line as the line before the next.
fn remembered(body: &str) -> &str {
    super::draft::cut_str(body, 1024)
}

/// The log timestamp of the nearest of the last [`TIMESTAMP_REACH`] lines
/// of `text` (whose last line is line `last`), with its line. `None` when
/// a line that might hold it does not start in `text` and `whole` does
/// not say that `text` starts the input; `Some(None)` when there is none.
fn nearest_timestamp(text: &[u8], last: u64, whole: bool) -> Option<Option<(u64, String)>> {
    let mut end = text.len();
    let mut back = 0u64;
    while back < TIMESTAMP_REACH && end > 0 {
        let body_end = if text[end - 1] == b'\n' { end - 1 } else { end };
        let start = memchr::memrchr(b'\n', &text[..body_end]).map_or(0, |i| i + 1);
        if start == 0 && !whole {
            return None;
        }
        let line = &text[start..body_end];
        if let Ok(s) = std::str::from_utf8(&line[..line.len().min(64)])
            && let Some(ts) = log_timestamp(s)
        {
            return Some(Some((last.saturating_sub(back), ts.to_owned())));
        }
        back += 1;
        end = start;
    }
    Some(None)
}

/// What makes two sightings the same error: where it starts and every
/// field that identifies it, exactly.
#[derive(Default)]
struct RepeatKey {
    line: u64,
    number: Option<i64>,
    status: Option<u16>,
    fields: [Option<String>; 6],
}

/// Errors remembered to drop a repeat.
const RECENT: usize = 16;

impl RepeatKey {
    fn matches(&self, f: &Found) -> bool {
        self.line == f.line
            && self.number == f.number
            && self.status == f.status
            && self.fields.iter().zip(f.identity()).all(|(a, b)| a == b)
    }

    fn set(&mut self, f: &Found) {
        self.line = f.line;
        self.number = f.number;
        self.status = f.status;
        for (mine, theirs) in self.fields.iter_mut().zip(f.identity()) {
            mine.clone_from(theirs);
        }
    }
}

enum Cont {
    /// The whole line went into the body, which is still open.
    Consumed,
    /// The body ended at this offset of the line.
    Rest(usize),
    /// The body was cut off before this line, which is read afresh.
    Refused,
    /// The line was read in full already.
    Handled,
}

/// The start of the first line in `region` that opens a multi-line
/// object: it starts with `{` (after indentation) and does not end with
/// `}`. Decided line by line, so it does not depend on how the input was
/// chunked.
fn first_opener(region: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'{', &region[i..]) {
        let at = i + p;
        let mut j = at;
        while j > 0 && matches!(region[j - 1], b' ' | b'\t') {
            j -= 1;
        }
        let end = memchr::memchr(b'\n', &region[at..]).map_or(region.len(), |e| at + e);
        if (j == 0 || region[j - 1] == b'\n') && !region[at..end].trim_ascii_end().ends_with(b"}") {
            return Some(j);
        }
        if end >= region.len() {
            break;
        }
        i = end;
    }
    None
}

/// The next piece to handle: a line, a segment of a long line, or the
/// last bytes of the input.
fn piece(data: &[u8], eof: bool) -> (usize, bool) {
    let window = &data[..data.len().min(SEGMENT)];
    if let Some(i) = memchr::memchr(b'\n', window) {
        return (i + 1, true);
    }
    if data.len() < SEGMENT {
        debug_assert!(eof);
        return (data.len(), true);
    }
    // A long line: cut before a `<` in the last quarter so that tags stay
    // whole, else at a character boundary.
    let lo = SEGMENT * 3 / 4;
    if let Some(i) = memchr::memrchr(b'<', &window[lo..]) {
        let at = lo + i;
        if at > 0 {
            return (at, false);
        }
    }
    // Not inside a UTF-8 sequence: back off continuation bytes.
    let mut at = SEGMENT;
    while at > SEGMENT - 4 && data.get(at).is_some_and(|&b| b & 0xC0 == 0x80) {
        at -= 1;
    }
    (at.max(1), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::decode::{Found, Options, decode_all};

    fn run(input: &str) -> Vec<Found> {
        decode_all(input.as_bytes(), &Options::default()).0
    }

    /// Found by fuzzing the parallel decoder: a body read in one pass gave
    /// its notes in another order than line by line.
    #[test]
    fn notes_are_kept_in_line_order_whatever_their_order() {
        let mut a = Notes::default();
        let mut b = Notes::default();
        let notes: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "truncated XML: another <Response> starts at line {} before",
                    100 - i * 2
                )
            })
            .chain([
                "no line here".to_owned(),
                "text from line 7 was skipped".to_owned(),
            ])
            .collect();
        a.extend(notes.iter().cloned());
        b.extend(notes.iter().rev().cloned());
        b.extend(notes.iter().cloned());
        let a: Vec<String> = a.into_texts().collect();
        assert_eq!(a, b.into_texts().collect::<Vec<_>>());
        assert_eq!(a.len(), MAX_NOTES);
        assert_eq!(a[0], "no line here");
        assert_eq!(a[1], "text from line 7 was skipped");
        assert!(a[2].contains("line 22 "), "{}", a[2]);
    }

    #[test]
    fn curl_i_response_feeds_its_error() {
        let f = run(
            "HTTP/1.1 404 Not Found\r\nServer: tencent-cos\r\nDate: Fri, 12 Jan 2024 16:36:51 GMT\r\nx-cos-request-id: NjVh\r\n\r\n<Error><Code>NoSuchKey</Code><TraceId>t</TraceId></Error>",
        );
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].status, f[0].line), (Some(404), 1));
        assert_eq!(f[0].request_id.as_deref(), Some("NjVh"));
        assert_eq!(
            f[0].server_date.as_deref(),
            Some("Fri, 12 Jan 2024 16:36:51 GMT")
        );
        assert_eq!(f[0].provider, Some(crate::catalog::Provider::Cos));
    }

    #[test]
    fn continue_and_redirect_are_not_errors() {
        let f = run(
            "HTTP/1.1 100 Continue\n\nHTTP/1.1 302 Found\nLocation: https://x/\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nok\n",
        );
        assert!(f.is_empty(), "{f:?}");
        // A redirect that was not followed is reported.
        let f =
            run("HTTP/1.1 301 Moved Permanently\nLocation: https://x/\nx-cos-request-id: r\n\n");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].status, Some(301));
    }

    #[test]
    fn head_without_body() {
        let f = run(
            "> HEAD /k HTTP/1.1\n> Host: b.cos.ap-beijing.myqcloud.com\n>\n< HTTP/1.1 403 Forbidden\n< x-cos-request-id: r\n<\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            f[0].request.as_deref(),
            Some("HEAD b.cos.ap-beijing.myqcloud.com/k")
        );
        assert!(f[0].notes[0].contains("HEAD"));
    }

    #[test]
    fn pretty_json_is_one_error() {
        let f = run(
            "{\n  \"Error\": {\n    \"Code\": \"NoSuchKey\",\n    \"RequestId\": \"r\"\n  }\n}\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].code.as_deref(), f[0].line), (Some("NoSuchKey"), 1));
    }

    #[test]
    fn javascript_inspect_output() {
        let f = run(
            "{\n  statusCode: 403,\n  error: {\n    Code: 'AccessDenied',\n    RequestId: 'r1'\n  },\n  headers: { server: 'tencent-cos' }\n}\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].status, f[0].code.as_deref()),
            (Some(403), Some("AccessDenied"))
        );
    }

    #[test]
    fn labelled_lines_group() {
        let f = run(
            "HTTP Code: 403\nError Code: AccessDenied\nRequest ID: r1\nunrelated\nError Code: NoSuchKey\nRequest ID: r2\n",
        );
        assert_eq!(f.len(), 2);
        assert_eq!(
            (f[0].status, f[0].request_id.as_deref(), f[0].line),
            (Some(403), Some("r1"), 1)
        );
        assert_eq!((f[1].code.as_deref(), f[1].line), (Some("NoSuchKey"), 5));
    }

    #[test]
    fn printed_twice_on_a_line_is_once() {
        let e = "<Error><Code>SlowDown</Code><RequestId>r</RequestId></Error>";
        assert_eq!(run(&format!("{e} again: {e}\n")).len(), 1);
        assert_eq!(run(&format!("{e}\n{e}\n")).len(), 2);
    }

    #[test]
    fn per_key_errors_on_one_line_are_not_repeats() {
        let f = run(
            "<DeleteResult><Error><Key>a</Key><Code>AccessDenied</Code></Error><Error><Key>b</Key><Code>AccessDenied</Code></Error></DeleteResult>\n",
        );
        assert_eq!(f.len(), 2);
        assert_eq!(f[1].resource.as_deref(), Some("b"));
        assert!(f.iter().all(|f| f.partial));
    }

    #[test]
    fn log_clock_is_the_client_date() {
        let f = run(
            "2024-01-12 16:36:51,123 ERROR upload failed:\n<Error>\n<Code>X</Code>\n</Error>\n",
        );
        assert_eq!(f[0].client_date.as_deref(), Some("2024-01-12 16:36:51,123"));
        assert_eq!(f[0].line, 2);
    }

    #[test]
    fn go_aws_sdk_v1_two_lines() {
        let f = run(
            "NoSuchBucket: The specified bucket does not exist\n\tstatus code: 404, request id: r, host id: h\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].code.as_deref(), Some("NoSuchBucket"));
        assert_eq!(f[0].host_id.as_deref(), Some("h"));
    }

    #[test]
    fn timestamps() {
        assert_eq!(
            log_timestamp("2024-01-12 16:36:51,123 ERROR x"),
            Some("2024-01-12 16:36:51,123")
        );
        assert_eq!(
            log_timestamp("[2024-01-12T16:36:51.5+08:00] x"),
            Some("2024-01-12T16:36:51.5+08:00")
        );
        assert_eq!(
            log_timestamp("2024/01/12 16:36:51 PUT"),
            Some("2024/01/12 16:36:51")
        );
        assert_eq!(log_timestamp("I20240112 16:36:51"), None);
        assert_eq!(log_timestamp("<Code>2024</Code>"), None);
    }

    /// Lines kept to skip their checks next time are short: a body line
    /// or declaration can be as long as the read buffer.
    #[test]
    fn long_lines_are_read_but_not_kept() {
        // The errors found, and the lengths of the lines kept.
        let scan = |pad: usize| {
            let decl = format!("<?xml version=\"1.0\" a=\"{}\"?>\n", "y".repeat(pad));
            let body = format!(
                "<Error a=\"{}\">\n<Code>C</Code>\n</Error>\n",
                "x".repeat(pad)
            );
            let input = format!("{decl}{body}{decl}{body}");
            let mut codes = Vec::new();
            let mut sink = |f: Found| {
                codes.push(f.code.unwrap_or_default());
                Ok(())
            };
            let opts = Options::default();
            let mut src = Source::new(input.as_bytes());
            let mut scanner = Scanner::new(&opts, &mut sink);
            scanner.run(&mut src).unwrap();
            let kept = (scanner.plain_decl.len(), scanner.root_line.text.len());
            drop(scanner);
            (codes, kept)
        };
        assert_eq!(scan(10), (vec!["C".to_owned(), "C".to_owned()], (36, 23)));
        assert_eq!(scan(4000), (vec!["C".to_owned(), "C".to_owned()], (0, 0)));
    }

    #[test]
    fn markers_are_found_once_each() {
        let mut m = Markers::new();
        let data = b"aaa\nbbb Code\nccc\nError\n";
        assert_eq!(m.first(data, 0, 0), Some((9, 2)));
        // Asked again from further on: the cached hit is not reported.
        assert_eq!(m.first(data, 0, 10), Some((18, 0)));
        assert_eq!(m.first(&data[13..], 13, 13), Some((18 - 13, 0)));
        assert_eq!(m.first(&data[23..], 23, 23), None);
        // The longest marker, cut by the end of the data, is found once
        // the rest arrives.
        let mut m = Markers::new();
        let cut = b"aaaaaaaa\nObsExceptio";
        assert_eq!(m.first(cut, 0, 0), None);
        assert_eq!(m.first(b"aaaaaaaa\nObsException\n", 0, 0), Some((13, 6)));
        assert!(has_marker(b"HTTP/1.1 403 Forbidden"));
        assert!(has_marker(b"> GET /k HTTP/1.1"));
        assert!(!has_marker(b"10.0.0.1 - - \"GET /k HTTP/1.1\" 200 512"));
        assert!(has_marker(b"ERROR x"));
    }

    #[test]
    fn http_in_the_middle_of_a_line_is_not_a_marker() {
        // Access-log lines are skipped; the error after `HTTP/` on the
        // same line is still found, and so is a status line.
        let input = "10.0.0.1 \"GET /a HTTP/1.1\" 200 5\n\
                     10.0.0.1 \"GET /k HTTP/1.1\" 403 <Error><Code>AccessDenied</Code></Error>\n\
                     10.0.0.1 \"GET /b HTTP/1.1\" 200 5\n\
                     HTTP/1.1 404 Not Found\n\
                     \n";
        let found = run(input);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].code.as_deref(), Some("AccessDenied"));
        assert_eq!(found[0].line, 2);
        assert_eq!(found[1].status, Some(404));
        assert_eq!(found[1].line, 4);
    }

    #[test]
    fn long_lines_split_before_tags() {
        let mut v = vec![b'a'; SEGMENT + 10];
        v[SEGMENT - 100] = b'<';
        assert_eq!(piece(&v, false), (SEGMENT - 100, false));
        let mut w = "é".repeat(SEGMENT).into_bytes();
        w.truncate(SEGMENT + 3);
        let (n, _) = piece(&w, false);
        assert!(std::str::from_utf8(&w[..n]).is_ok());
    }
}
