//! The one-way flow: bytes → lines → records → (prefilter) → shapes →
//! facts → resolution → errors. [`Reader`] reads and cuts; [`process`]
//! turns one record into errors and is all a decoding thread runs, so a
//! record decodes the same on any thread.

use std::borrow::Cow;
use std::io::{self, Read};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::facts::Facts;
pub(super) use super::gate;
use super::input::Source;
use super::record::{self, Cut, Cutter, RecordText};
use super::resolve::{Resolved, resolve};
use super::shapes::{self, SHAPES};
use super::{Options, Summary};

/// One multi-pattern automaton over every shape's keywords, and which
/// shapes each keyword belongs to.
struct Prefilter {
    ac: AhoCorasick,
    owners: Vec<u64>,
    /// The shapes with a keyword that starts with a line end.
    line_start: u64,
}

static PREFILTER: LazyLock<Prefilter> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = Vec::new();
    let mut owners: Vec<u64> = Vec::new();
    for (i, shape) in SHAPES.iter().enumerate() {
        let dynamic = shape.dynamic.map(|f| f()).unwrap_or_default();
        for k in shape.keywords.iter().chain(&dynamic) {
            match words.iter().position(|w| w.eq_ignore_ascii_case(k)) {
                Some(j) => owners[j] |= 1 << i,
                None => {
                    words.push(k);
                    owners.push(1 << i);
                }
            }
        }
    }
    let line_start = words
        .iter()
        .zip(&owners)
        .filter(|(w, _)| w.starts_with('\n'))
        .fold(0, |m, (_, o)| m | o);
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(&words)
        .expect("the shapes' keywords build an automaton");
    Prefilter {
        ac,
        owners,
        line_start,
    }
});

/// The shapes whose keywords occur in `text`.
pub fn mask(text: &[u8]) -> u64 {
    let p = &*PREFILTER;
    // A keyword that starts a line (`\n4` for a status alone on its
    // line) counts at the start of the text too: a first line that is a
    // status alone.
    let first = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let first = first.trim_ascii();
    let mut m = if first.len() == 3
        && matches!(first[0], b'4' | b'5')
        && first.iter().all(u8::is_ascii_digit)
    {
        p.line_start
    } else {
        0
    };
    for hit in p.ac.find_overlapping_iter(text) {
        m |= p.owners[hit.pattern().as_usize()];
        if m == shapes::ALL {
            break;
        }
    }
    m
}

/// What the reader hands over: a record, or word that the input paused.
pub enum Event<'a> {
    Record(RawRecord<'a>),
    /// Nothing came for a while: what is held back may go out.
    Pause,
}

/// A record as the reader cut it: its bytes, its first line, and
/// whether it is a log's record, for [`gate`].
pub struct RawRecord<'a> {
    pub bytes: &'a [u8],
    pub first_line: u64,
    pub log: bool,
}

/// Turns one record into errors: the gate for a log's record, then
/// [`read`].
pub fn process(bytes: &[u8], first_line: u64, log: bool, options: &Options) -> Resolved {
    if !log {
        return read(bytes, first_line, options);
    }
    // The gate is a rule (a log's line with no error signal is not an
    // error), not only a shortcut: every shape on every record still
    // follows it, by its plain definition.
    let verdict = if options.every_shape {
        gate::check_plain(bytes)
    } else {
        gate::check(bytes)
    };
    match verdict {
        gate::Verdict::Read => read(bytes, first_line, options),
        gate::Verdict::Skip(seen) => skipped(seen),
    }
}

/// What a record the gate kept out gives: what it showed.
pub fn skipped(seen: Option<&'static str>) -> Resolved {
    Resolved {
        seen: seen.into_iter().collect(),
        ..Resolved::default()
    }
}

/// Reads a record past the gate with the shapes its keywords call for
/// (every shape with [`Options::every_shape`]).
pub fn read(bytes: &[u8], first_line: u64, options: &Options) -> Resolved {
    let text = clean_text(bytes);
    let rec = RecordText::new(&text, first_line, options.max_field);
    let mut facts = Facts::new();
    // A record that is one error document is the XML shape's alone.
    let mut skip = 0;
    if !options.every_shape
        && text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<')
    {
        if shapes::read_document(&rec, &mut facts) {
            return resolved(&rec, facts, options);
        }
        skip = shapes::XML;
    }
    // Keywords are looked for in what the shapes read: NUL bytes taken
    // out can join a keyword's letters.
    let mask = if options.every_shape {
        shapes::ALL
    } else {
        mask(text.as_bytes())
    };
    shapes::run(&rec, mask, skip, &mut facts);
    resolved(&rec, facts, options)
}

fn resolved(rec: &RecordText<'_>, facts: Facts, options: &Options) -> Resolved {
    if facts.list.is_empty() {
        return Resolved::default();
    }
    let mut resolved = resolve(rec, facts.list, options.provider);
    resolved.read = true;
    // Only a signature or signing-time error keeps its record's request
    // and strings: every other error pays a comparison of its code.
    for f in &mut resolved.errors {
        let code = f.code.as_deref().or(f.implied.as_deref());
        if crate::signature::is_signing_error(code, f.message.as_deref()) {
            f.signing = Some(Box::new(signing_material(rec, f)));
        }
    }
    // What a record showed, once each.
    resolved.seen.sort_unstable();
    resolved.seen.dedup();
    resolved
}

/// What a signature check needs from the error's record: the request
/// before the error's first line ends (else anywhere in the record), the
/// server's strings from its first line on.
fn signing_material(rec: &RecordText<'_>, f: &super::Found) -> crate::signature::Material {
    let text = rec.text;
    let skip = usize::try_from(f.line.saturating_sub(rec.first_line)).unwrap_or(usize::MAX);
    let start = text
        .match_indices('\n')
        .nth(skip.wrapping_sub(1))
        .map_or(0, |(i, _)| i + 1)
        .min(text.len());
    let start = if skip == 0 { 0 } else { start };
    let line_end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    let mut m = crate::signature::capture(&text[..line_end], &text[start..], f);
    if m.request.is_none() && crate::signature::may_hold_request(text) {
        m.request = crate::signature::request::find(text);
    }
    m
}

/// A record's text: invalid UTF-8 replaced, NUL bytes dropped, a drawn
/// box's margin blanked (see [`unbox`]).
fn clean_text(bytes: &[u8]) -> Cow<'_, str> {
    // Checking is faster than the lossy conversion's walk, and text is
    // nearly always valid.
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => Cow::Borrowed(t),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let text = if memchr::memchr(0, text.as_bytes()).is_some() {
        Cow::Owned(text.replace('\0', ""))
    } else {
        text
    };
    unbox(text)
}

/// The left margin of a box drawn around a message, as Terraform draws
/// its diagnostics (`│ Error: ...`, every line of the message behind
/// `│ `, the SDK's error wrapped inside): each `│` that starts a line
/// (after blanks) becomes three spaces, its length in bytes. The lines
/// inside then read as they would without the box (an aws-sdk-go
/// error's indented `status code:` line), and every offset stays put.
fn unbox(text: Cow<'_, str>) -> Cow<'_, str> {
    const BAR: &str = "│";
    if memchr::memmem::find(text.as_bytes(), BAR.as_bytes()).is_none() {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        match line[indent..].strip_prefix(BAR) {
            Some(rest) => {
                out.push_str(&line[..indent]);
                out.push_str("   ");
                out.push_str(rest);
                changed = true;
            }
            None => out.push_str(line),
        }
    }
    if changed { Cow::Owned(out) } else { text }
}

/// Reads an input into records, counting what the summary reports.
pub struct Reader {
    cutter: Cutter,
    /// The number of the next line (1-based).
    line: u64,
    lines: u64,
    invalid_utf8: u64,
    first_invalid: u64,
    nuls: u64,
    first_nul: u64,
    long_lines: u64,
}

impl Reader {
    pub fn new() -> Reader {
        Reader {
            cutter: Cutter::new(),
            line: 1,
            lines: 0,
            invalid_utf8: 0,
            first_invalid: 0,
            nuls: 0,
            first_nul: 0,
            long_lines: 0,
        }
    }

    /// Reads `src` to its end, handing each record to `emit` as soon as
    /// the line after it (or a pause in the input, see
    /// [`Cutter::may_close_on_pause`]) shows that it is complete.
    pub fn run<R: Read>(
        &mut self,
        src: &mut Source<R>,
        emit: &mut dyn FnMut(Event<'_>) -> io::Result<()>,
    ) -> io::Result<()> {
        // Offsets in `src.data()`: the open record's start, the next line.
        let mut rec_start = 0usize;
        let mut pos = 0usize;
        let mut rec_line = 1u64;
        let mut rec_log = false;
        // Inside a line longer than a record may be.
        let mut in_long_line = false;
        loop {
            let data = src.data();
            let nl = memchr::memchr(b'\n', &data[pos..]).map(|i| pos + i + 1);
            let line_end = match nl {
                Some(end) => Some(end),
                None if src.at_eof() && pos < data.len() => Some(data.len()),
                None => None,
            };
            if let Some(end) = line_end {
                let raw = &data[pos..end];
                let body = raw.strip_suffix(b"\n").unwrap_or(raw);
                self.count(body);
                let was_open = self.cutter.is_open();
                match self.cutter.line(body, raw.len()) {
                    Cut::Start => {
                        if was_open && rec_start < pos {
                            self.emit(&data[rec_start..pos], rec_line, rec_log, emit)?;
                        }
                        rec_start = pos;
                        rec_line = self.line;
                        rec_log = self.cutter.is_log();
                    }
                    Cut::Continue => {
                        if !was_open {
                            rec_start = pos;
                            rec_line = self.line;
                            rec_log = self.cutter.is_log();
                        }
                    }
                    Cut::Blank => {
                        if !was_open {
                            rec_start = end;
                        }
                    }
                }
                pos = end;
                self.line += 1;
                self.lines += 1;
                in_long_line = false;
                continue;
            }
            if src.at_eof() {
                if self.cutter.is_open() && rec_start < pos {
                    self.emit(&data[rec_start..pos], rec_line, rec_log, emit)?;
                }
                self.cutter.close();
                return Ok(());
            }
            if data.len() - rec_start >= record::MAX_BYTES {
                // The open record and the line being read are too long to
                // hold: the record ends here, and the line is read in
                // pieces.
                if self.cutter.is_open() && rec_start < pos {
                    self.emit(&data[rec_start..pos], rec_line, rec_log, emit)?;
                    self.cutter.close();
                    rec_start = pos;
                    rec_line = self.line;
                    continue;
                }
                if !in_long_line {
                    in_long_line = true;
                    self.long_lines += 1;
                }
                let piece = piece_end(&data[pos..]);
                self.count(&data[pos..pos + piece]);
                // A piece of a long line is read whatever it starts with.
                self.emit(&data[pos..pos + piece], self.line, false, emit)?;
                self.cutter.close();
                pos += piece;
                rec_start = pos;
                continue;
            }
            // Room for more: drop what is done, then read.
            src.consume(rec_start);
            pos -= rec_start;
            rec_start = 0;
            match src.fill() {
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::TimedOut => {
                    // The input paused: a record that nothing more may
                    // belong to goes out now.
                    if self.cutter.is_open()
                        && pos == src.data().len()
                        && self.cutter.may_close_on_pause()
                    {
                        let data = src.data();
                        self.emit(&data[..pos], rec_line, rec_log, emit)?;
                        self.cutter.close();
                        rec_start = pos;
                    }
                    emit(Event::Pause)?;
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn emit(
        &self,
        bytes: &[u8],
        first_line: u64,
        log: bool,
        emit: &mut dyn FnMut(Event<'_>) -> io::Result<()>,
    ) -> io::Result<()> {
        emit(Event::Record(RawRecord {
            bytes,
            first_line,
            log,
        }))
    }

    /// Counts invalid UTF-8 and NUL bytes in a line.
    fn count(&mut self, body: &[u8]) {
        // One pass finds both: a byte past ASCII, or a NUL.
        if !super::any_byte(body, |b| b == 0 || b >= 0x80) {
            return;
        }
        if !body.is_ascii() && std::str::from_utf8(body).is_err() {
            let bad = body
                .utf8_chunks()
                .filter(|c| !c.invalid().is_empty())
                .count() as u64;
            if bad > 0 && self.first_invalid == 0 {
                self.first_invalid = self.line;
            }
            self.invalid_utf8 += bad;
        }
        if memchr::memchr(0, body).is_some() {
            if self.first_nul == 0 {
                self.first_nul = self.line;
            }
            self.nuls += memchr::memchr_iter(0, body).count() as u64;
        }
    }

    /// The summary of what was read.
    pub fn summary<R: Read>(
        &self,
        src: &Source<R>,
        found: u64,
        seen: Vec<(String, u64)>,
    ) -> Summary {
        let mut warnings = Vec::new();
        if let Some(n) = &src.encoding_note {
            warnings.push(n.clone());
        }
        if src.bad_utf16 > 0 {
            warnings.push(format!(
                "{} invalid UTF-16 sequence{} replaced with U+FFFD",
                src.bad_utf16,
                if src.bad_utf16 == 1 { " was" } else { "s were" }
            ));
        }
        // How many, exactly, and where the first is.
        let first = |n: u64, line: u64| {
            if n == 1 {
                format!("on line {line}")
            } else {
                format!("the first on line {line}")
            }
        };
        if self.invalid_utf8 > 0 {
            let n = self.invalid_utf8;
            warnings.push(format!(
                "{n} invalid UTF-8 {} replaced with U+FFFD ({})",
                if n == 1 {
                    "sequence was"
                } else {
                    "sequences were"
                },
                first(n, self.first_invalid)
            ));
        }
        if self.nuls > 0 {
            let n = self.nuls;
            warnings.push(format!(
                "{n} NUL {} dropped ({})",
                if n == 1 { "byte was" } else { "bytes were" },
                first(n, self.first_nul)
            ));
        }
        if self.long_lines > 0 {
            warnings.push(format!(
                "{} line{} longer than {} KiB {} read in pieces",
                self.long_lines,
                if self.long_lines == 1 { "" } else { "s" },
                record::MAX_BYTES / 1024,
                if self.long_lines == 1 { "was" } else { "were" }
            ));
        }
        Summary {
            bytes: src.bytes_read,
            lines: self.lines,
            found,
            warnings,
            seen,
        }
    }
}

/// Where to cut a piece of a line too long to hold: at [`record::MAX_BYTES`]
/// or before, at a character boundary, and before a `<` in the last 4 KiB
/// when there is one (so that a tag is not cut in two).
fn piece_end(data: &[u8]) -> usize {
    let mut end = record::MAX_BYTES.min(data.len());
    let window = &data[end.saturating_sub(4096)..end];
    if let Some(i) = memchr::memrchr(b'<', window)
        && i > 0
    {
        end = end - window.len() + i;
    }
    while end > 0 && end < data.len() && (data[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    end.max(1)
}

/// Puts together the reports of one failure that consecutive records
/// give: an SDK's log line and its exception, `curl -v`'s headers and
/// `-i`'s, a retry's line, the same exception printed by two loggers.
///
/// Each record's errors are resolved on their own (a record never takes
/// fields from another); this only decides, afterwards, that two errors
/// are one: nothing tells them apart (no code, status, message, resource
/// or request ID that differs, the same origin), they come from records
/// at most [`Coalesce::NEAR`] apart, and one has a request ID the other
/// has, or neither has one. The first report is kept, with what the later
/// ones add. An error is held back until the next one, or a pause in the
/// input, shows whether more reports of it follow.
///
/// A request ID names one request: a report of a request ID seen among
/// the last [`Coalesce::KEPT`] errors, whatever came between, is dropped.
#[derive(Default)]
pub struct Coalesce {
    held: Option<(super::Found, u64)>,
    reported: std::collections::VecDeque<(String, Option<String>)>,
    /// The number of the record being read.
    record: u64,
}

impl Coalesce {
    /// How many records apart two reports of one failure may be.
    const NEAR: u64 = 8;
    /// How many request IDs are remembered.
    const KEPT: usize = 16;

    /// The next record's errors follow.
    pub fn next_record(&mut self) {
        self.record += 1;
    }

    /// Takes the next error, and hands on the one it shows complete.
    pub fn push(
        &mut self,
        f: super::Found,
        out: &mut dyn FnMut(super::Found) -> io::Result<()>,
    ) -> io::Result<()> {
        // The same request reported again after others.
        if let Some(id) = f.request_id.as_deref()
            && self
                .reported
                .iter()
                .any(|(i, c)| i == id && agree(c, &f.code))
            && self
                .held
                .as_ref()
                .is_none_or(|(h, _)| h.request_id.as_deref() != Some(id))
        {
            return Ok(());
        }
        // Within a record only what names the same request: resolution
        // has told the record's errors apart already.
        if let Some((h, at)) = &mut self.held
            && (*at < self.record || (h.request_id.is_some() && h.request_id == f.request_id))
            && self.record - *at <= Self::NEAR
            && same_failure(h, &f)
        {
            merge(h, f);
            *at = self.record;
            return Ok(());
        }
        self.flush(out)?;
        self.held = Some((f, self.record));
        Ok(())
    }

    /// Hands on the error held back.
    pub fn flush(&mut self, out: &mut dyn FnMut(super::Found) -> io::Result<()>) -> io::Result<()> {
        if let Some((f, _)) = self.held.take() {
            if let Some(id) = &f.request_id {
                if self.reported.len() == Self::KEPT {
                    self.reported.pop_front();
                }
                self.reported.push_back((id.clone(), f.code.clone()));
            }
            out(f)?;
        }
        Ok(())
    }
}

fn agree<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    a.is_none() || b.is_none() || a == b
}

/// Whether two errors are reports of one failure (see [`Coalesce`]).
fn same_failure(a: &super::Found, b: &super::Found) -> bool {
    let endpoint = |f: &super::Found| f.failure.as_ref().and_then(|x| x.endpoint.clone());
    a.origin == b.origin
        && a.failure.as_ref().map(|x| x.kind) == b.failure.as_ref().map(|x| x.kind)
        // Failures to reach two hosts are two failures.
        && agree(&endpoint(a), &endpoint(b))
        && !a.partial
        && !b.partial
        // Two bodies are two responses, unless they name one request.
        && (!(a.document && b.document) || a.request_id.is_some() && a.request_id == b.request_id)
        && agree(&a.code, &b.code)
        && agree(&a.number, &b.number)
        && agree(&a.status, &b.status)
        && agree(&a.request_id, &b.request_id)
        && agree(&a.provider, &b.provider)
        && agree(&a.resource, &b.resource)
        // Two messages for one code are the service's and an SDK's words
        // (`Request error`); without a code, they tell errors apart.
        && (a.code.is_some() && a.code == b.code
            || agree(
                &a.message.as_deref().map(str::trim),
                &b.message.as_deref().map(str::trim),
            ))
}

/// Fills what `a` lacks from a later report `b` of the same failure.
fn merge(a: &mut super::Found, b: super::Found) {
    fn fill<T>(slot: &mut Option<T>, v: Option<T>) {
        if slot.is_none() {
            *slot = v;
        }
    }
    fill(&mut a.code, b.code);
    fill(&mut a.number, b.number);
    fill(&mut a.status, b.status);
    fill(&mut a.message, b.message);
    fill(&mut a.resource, b.resource);
    fill(&mut a.request_id, b.request_id);
    fill(&mut a.trace_id, b.trace_id);
    fill(&mut a.host_id, b.host_id);
    fill(&mut a.request, b.request);
    fill(&mut a.server_date, b.server_date);
    fill(&mut a.client_date, b.client_date);
    fill(&mut a.operation, b.operation);
    fill(&mut a.failure, b.failure);
    fill(&mut a.signing, b.signing);
    if a.code.is_some() {
        a.implied = None;
    } else {
        fill(&mut a.implied, b.implied);
    }
    if a.provider.is_none() {
        a.provider = b.provider;
    }
    fill(&mut a.vendor, b.vendor);
    a.foreign |= b.foreign && a.provider.is_none();
    for (k, v) in b.extra {
        if a.extra.len() < 64 && !a.extra.iter().any(|(n, _)| *n == k) {
            a.extra.push((k, v));
        }
    }
    if a.headers.is_empty() {
        a.headers = b.headers;
    }
    for n in b.notes {
        if !a.notes.contains(&n) {
            a.notes.push(n);
        }
    }
}

/// What was seen that is not an error, counted.
#[derive(Default)]
pub struct Seen(Vec<(String, u64)>);

impl Seen {
    pub fn add(&mut self, what: &[&'static str]) {
        for w in what {
            match self.0.iter_mut().find(|(s, _)| s == w) {
                Some((_, n)) => *n += 1,
                None => {
                    if self.0.len() < 16 {
                        self.0.push(((*w).to_owned(), 1));
                    }
                }
            }
        }
    }

    pub fn into_vec(self) -> Vec<(String, u64)> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_before_tags_and_on_boundaries() {
        let mut line = vec![b'a'; record::MAX_BYTES - 10];
        line.extend_from_slice("<Error>é".as_bytes());
        line.extend_from_slice(&[b'b'; 100]);
        assert_eq!(piece_end(&line), record::MAX_BYTES - 10);
        let wide = "é".repeat(record::MAX_BYTES);
        let end = piece_end(wide.as_bytes());
        assert!(wide.is_char_boundary(end));
    }

    #[test]
    fn two_bodies_are_two_responses_but_a_body_and_its_report_are_one() {
        let body = "<Error><Code>NoSuchKey</Code><Message>m</Message></Error>\n";
        let run = |text: &str| {
            super::super::decode_all(text.as_bytes(), &super::super::Options::default())
                .0
                .len()
        };
        assert_eq!(run(&body.repeat(3)), 3);
        let reported = format!(
            "{body}2024-01-01 12:00:00 ERROR CosServiceError: ErrorCode: NoSuchKey, Message: m\n"
        );
        assert_eq!(run(&reported), 1);
    }

    /// sy-records/sync-qcloud-cos issue 52: the same failure for two
    /// hosts, on two lines of one record and in two log records, is two
    /// failures; for one host, one.
    #[test]
    fn failures_to_reach_two_hosts_are_two() {
        let run = |text: &str| {
            super::super::decode_all(text.as_bytes(), &super::super::Options::default()).0
        };
        let two = "Fatal error: Uncaught GuzzleHttp\\Exception\\ConnectException: cURL error 6: Could not resolve: xxx-xxxxxxxxx.pic.accelerate.myqcloud.com (Domain name not found) \nFatal error: Uncaught GuzzleHttp\\Exception\\ConnectException: cURL error 6: Could not resolve: ci.accelerate.myqcloud.com (Domain name not found) \n";
        let found = run(two);
        let hosts: Vec<_> = found
            .iter()
            .map(|f| f.failure.as_ref().and_then(|x| x.endpoint.as_deref()))
            .collect();
        assert_eq!(
            hosts,
            [
                Some("xxx-xxxxxxxxx.pic.accelerate.myqcloud.com"),
                Some("ci.accelerate.myqcloud.com")
            ],
            "{found:#?}"
        );
        let logs = "2024-01-01 10:00:00 ERROR dial tcp: lookup a.cos.ap-beijing.myqcloud.com: no such host\n2024-01-01 10:00:01 ERROR dial tcp: lookup b.cos.ap-beijing.myqcloud.com: no such host\n";
        assert_eq!(run(logs).len(), 2);
        let retried = "2024-01-01 10:00:00 ERROR dial tcp: lookup a.cos.ap-beijing.myqcloud.com: no such host\n2024-01-01 10:00:01 ERROR dial tcp: lookup a.cos.ap-beijing.myqcloud.com: no such host\n";
        assert_eq!(run(retried).len(), 1);
        let one_record = "Fatal error: cURL error 6: Could not resolve: a.cos.ap-beijing.myqcloud.com\nFatal error: cURL error 6: Could not resolve: a.cos.ap-beijing.myqcloud.com\n";
        assert_eq!(run(one_record).len(), 1);
    }

    /// Two requests' SDK strings on two lines of one record, with the
    /// same code and status: two errors, each with its own request ID,
    /// in input order (an error without an ID first stays first).
    #[test]
    fn same_code_on_two_lines_is_two_errors() {
        let run = |text: &str| {
            super::super::decode_all(text.as_bytes(), &super::super::Options::default()).0
        };
        let line = |id: &str| {
            format!(
                "operation error S3: GetObject, https response error StatusCode: 404, RequestID: {id}, HostID: h, api error NoSuchKey: x\n"
            )
        };
        let found = run(&(line("A1B2C3D4E5F6A7B8") + &line("B1B2C3D4E5F6A7B8")));
        let ids: Vec<_> = found
            .iter()
            .map(|f| (f.code.as_deref(), f.request_id.as_deref()))
            .collect();
        assert_eq!(
            ids,
            [
                (Some("NoSuchKey"), Some("A1B2C3D4E5F6A7B8")),
                (Some("NoSuchKey"), Some("B1B2C3D4E5F6A7B8"))
            ]
        );
        let found = run(&format!(
            "upload failed: AccessDenied: Access Denied\n{}",
            line("B1B2C3D4E5F6A7B8")
        ));
        let codes: Vec<_> = found.iter().map(|f| f.code.as_deref()).collect();
        assert_eq!(
            codes,
            [Some("AccessDenied"), Some("NoSuchKey")],
            "{found:#?}"
        );
    }

    #[test]
    fn a_boxed_message_reads_as_it_would_unboxed() {
        // Terraform's diagnostic around aws-sdk-go's two-line error
        // (opentelekomcloud/terraform-provider-opentelekomcloud#2269).
        let boxed = "╷\n│ Error: Error loading state:\n│     InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.\n│       status code: 403, request id: 0000018A1D66B3DB8144C08198EE66FC, host id: 32AAAQ\n│ \n╵\n";
        let cleaned = clean_text(boxed.as_bytes());
        assert_eq!(cleaned.len(), boxed.len());
        assert!(cleaned.contains(&format!("\n{}status code: 403", " ".repeat(3 + 7))));
        assert!(!cleaned.contains('│'));
        let (found, _) =
            super::super::decode_all(boxed.as_bytes(), &super::super::Options::default());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].code.as_deref(), Some("InvalidAccessKeyId"));
        assert_eq!(found[0].status, Some(403));
        assert_eq!(
            found[0].request_id.as_deref(),
            Some("0000018A1D66B3DB8144C08198EE66FC")
        );
        // A bar inside a line (a table's) stays.
        assert_eq!(clean_text("a │ b\n".as_bytes()), "a │ b\n");
    }

    #[test]
    fn the_prefilter_finds_keywords_in_any_case() {
        assert_ne!(mask(b"<error><code>x</code></error>"), 0);
        assert_eq!(mask(b"2024-01-01 INFO all good"), 0);
    }
}
