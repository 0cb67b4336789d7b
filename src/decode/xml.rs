//! XML error bodies: `<Error>` (COS, CI, OBS), `<Response>` (CI jobs) and
//! `<DeleteResult>` (per-key errors), parsed with quick-xml as they stream
//! in, a line or a segment at a time.
//!
//! Memory stays bounded whatever the body: only the markup that a feed
//! left unfinished is carried over (and dropped past [`PENDING_MAX`]); the
//! element stack is a counter beyond [`MAX_FRAMES`] levels, so 100,000
//! nested elements cost nothing; text is kept up to `max_field` per field
//! while its full length is counted for the note. Recursion never follows
//! the input's depth.
//!
//! Entities are never expanded: `&lt;`-style predefined entities and
//! character references are decoded, anything else (including every entity
//! a DTD declares) is kept as the text `&name;`. A `<!DOCTYPE>` is ignored,
//! so neither billion laughs nor `SYSTEM "file:///etc/passwd"` does
//! anything.

use std::borrow::Cow;

use quick_xml::errors::{Error as XmlError, SyntaxError};
use quick_xml::events::{BytesText, Event};
use quick_xml::reader::Reader;

use super::draft::{Draft, Field, Shape, classify};

/// Open elements tracked by name; deeper ones are only counted.
const MAX_FRAMES: usize = 8;
/// Unfinished markup carried to the next feed, at most.
const PENDING_MAX: usize = 64 * 1024;
/// Fields kept per element.
const MAX_FIELDS: usize = 64;
/// Failed jobs held until their `<Response>` closes; more go out at once,
/// without the response's IDs, so that memory stays bounded.
const MAX_HELD: usize = 256;

/// The root elements that start a body worth parsing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Root {
    #[default]
    Error,
    Response,
    DeleteResult,
}

impl Root {
    pub fn from_local(name: &str) -> Option<Root> {
        match name {
            "Error" => Some(Root::Error),
            "Response" => Some(Root::Response),
            "DeleteResult" => Some(Root::DeleteResult),
            _ => None,
        }
    }
}

/// The local part of a qualified name: `s3:Error` -> `Error`.
fn local(qname: &str) -> &str {
    // A plain loop: names are short, and `rsplit_once` set up a string
    // searcher for each (1.8% of `decode --json`'s instructions).
    match qname.bytes().rposition(|b| b == b':') {
        Some(i) => &qname[i + 1..],
        None => qname,
    }
}

/// Finds the next root start tag (`<Error`, `<s3:Error`, `<Response`,
/// `<DeleteResult`) at or after `from`: its byte offset and root kind.
pub fn find_root(text: &str, from: usize) -> Option<(usize, Root)> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(p) = memchr::memchr(b'<', &b[i.min(b.len())..]) {
        let at = i + p;
        let rest = &b[at + 1..];
        let name_len = rest
            .iter()
            .position(|&c| {
                !(c.is_ascii_alphanumeric() || c == b':' || c == b'_' || c == b'-' || c == b'.')
            })
            .unwrap_or(rest.len());
        // What ends a name for quick-xml too: XML whitespace is only
        // space, tab, CR and LF (a form feed is part of the name).
        let terminated = match rest.get(name_len) {
            None => true,
            // `<Error/>`; a `/` not followed by `>` is part of the name.
            Some(b'/') => rest.get(name_len + 1).is_none_or(|&c| c == b'>'),
            Some(&c) => matches!(c, b'>' | b' ' | b'\t' | b'\r' | b'\n'),
        };
        if terminated && name_len > 0 {
            let name = &text[at + 1..at + 1 + name_len];
            if let Some(root) = Root::from_local(local(name)) {
                return Some((at, root));
            }
        }
        i = at + 1;
    }
    None
}

#[derive(Default)]
struct Frame {
    /// Local name; the buffer is reused from body to body.
    name: String,
    /// Text of this element so far, cut at `max_field`.
    text: String,
    /// Full length of the text, for the note when it was cut.
    text_len: usize,
    has_children: bool,
    line: u64,
    /// This element's leaf children, read as they close.
    draft: Option<Draft>,
    /// Its `<State>` child (CI jobs), and whether it had a `<Code>`.
    state: Option<String>,
    has_code: bool,
    fields: usize,
    dropped_fields: usize,
}

/// What a feed did.
#[derive(Debug, PartialEq, Eq)]
pub enum Fed {
    /// Needs more input.
    More,
    /// The body ended; this many bytes of the fed text belong to it.
    Done(usize),
}

pub struct XmlBlock {
    /// Line of the root start tag.
    pub start_line: u64,
    pub root: Root,
    max_field: usize,
    pending: String,
    /// The line the pending markup starts on.
    pending_line: u64,
    /// Markup was given up on and its `>` has not come yet.
    skipping: bool,
    /// Text carried from earlier lines that the body turned out not to
    /// need, with its first line: to be read again.
    replay: Option<(String, u64)>,
    depth: usize,
    /// Open elements' frames: the first `active` are live, the rest are
    /// kept for their buffers.
    frames: Vec<Frame>,
    active: usize,
    /// Block-level notes (malformed markup skipped, ...).
    notes: Vec<String>,
    /// Errors completed so far, in order.
    pub out: Vec<Draft>,
    /// Failed jobs of a `<Response>`, held until it closes: the response's
    /// own `RequestId` follows them.
    held: Vec<Draft>,
    /// Line of the text being fed, and how far into it lines were counted.
    feed_line: u64,
    counted_to: usize,
    /// A root was closed or re-opened inside this feed: the next root must
    /// start here or the body has ended.
    awaiting_root: bool,
    /// Whether newlines in the fed text are input lines (not when the
    /// text is an unescaped string from one line).
    count: bool,
}

impl XmlBlock {
    pub fn new(root: Root, start_line: u64, max_field: usize) -> XmlBlock {
        XmlBlock {
            start_line,
            root,
            max_field,
            pending: String::new(),
            pending_line: 0,
            skipping: false,
            replay: None,
            depth: 0,
            frames: Vec::new(),
            active: 0,
            notes: Vec::new(),
            out: Vec::new(),
            held: Vec::new(),
            feed_line: start_line,
            counted_to: 0,
            awaiting_root: true,
            count: true,
        }
    }

    /// Makes a used block new again, keeping its buffers.
    pub fn reset(&mut self, root: Root, start_line: u64) {
        self.start_line = start_line;
        self.root = root;
        self.pending.clear();
        self.skipping = false;
        self.replay = None;
        self.depth = 0;
        self.active = 0;
        self.notes.clear();
        self.out.clear();
        self.held.clear();
        self.feed_line = start_line;
        self.counted_to = 0;
        self.awaiting_root = true;
        self.count = true;
    }

    /// Newlines in the fed text are not input lines: it was unescaped
    /// from a single line.
    pub fn count_lines(&mut self, count: bool) {
        self.count = count;
    }

    /// Feeds the next piece of text, which starts on line `line`; the
    /// first feed must start at the root's `<`.
    pub fn feed(&mut self, text: &str, line: u64) -> Fed {
        self.feed_inner(text, line, false)
    }

    /// `last`: no more text will come, so markup left unfinished is
    /// malformed (skipped) rather than carried.
    fn feed_inner(&mut self, text: &str, line: u64, last: bool) -> Fed {
        let carried = self.pending.len();
        let joined;
        let buf: &str = if carried == 0 {
            text
        } else {
            let mut p = std::mem::take(&mut self.pending);
            p.push_str(text);
            joined = p;
            &joined
        };
        // Lines are counted from the start of `buf`, which is where the
        // carried markup began when there is some.
        self.feed_line = if carried > 0 { self.pending_line } else { line };
        self.counted_to = 0;
        let mut pos = 0;
        if self.skipping {
            // Still inside markup that was given up on: it ends at a `>`.
            match memchr::memchr(b'>', buf.as_bytes()) {
                Some(i) => {
                    pos = i + 1;
                    self.skipping = false;
                }
                None => return Fed::More,
            }
        }
        'restart: loop {
            // quick-xml drops a byte order mark at the start of its input,
            // and its offsets then disagree with ours: step over every one
            // here (two in a row left quick-xml the second to drop).
            while buf[pos..].starts_with('\u{FEFF}') {
                pos += '\u{FEFF}'.len_utf8();
            }
            let mut reader = Reader::from_str(&buf[pos..]);
            let cfg = reader.config_mut();
            cfg.check_end_names = false;
            cfg.allow_unmatched_ends = true;
            cfg.allow_dangling_amp = true;
            loop {
                let before = boundary(buf, pos + reader.buffer_position() as usize);
                match reader.read_event() {
                    Ok(Event::Eof) => return Fed::More,
                    Ok(ev) => {
                        let after = boundary(buf, pos + reader.buffer_position() as usize);
                        // Markup that the line-by-line path would have
                        // given up on (over 64 lines, or 64 KiB by the end
                        // of a line) is given up on here too, and reading
                        // resumes where that path resumes: after the first
                        // `>` following its `<`. Chunking must not matter.
                        if !matches!(ev, Event::Text(_) | Event::GeneralRef(_))
                            && after - before > 64
                            && too_long(&buf.as_bytes()[before..after])
                        {
                            let line = self.line_at(buf, before);
                            self.note(format!(
                                "unterminated XML markup near line {line} was skipped"
                            ));
                            let gt = memchr::memchr(b'>', &buf.as_bytes()[before + 1..])
                                .map_or(buf.len(), |i| before + 1 + i + 1);
                            pos = gt;
                            continue 'restart;
                        }
                        let end = match self.on_event(&ev, buf, before) {
                            Step::Go => continue,
                            Step::Done => after,
                            // Whole blank lines before the text that ends
                            // the body are the body's, as they are when it
                            // is read a line at a time (where they come in
                            // feeds of their own): the rest is given back
                            // from the line that holds the text.
                            Step::StopBefore => before + blank_lines(&buf[before..after]),
                        };
                        if end < carried {
                            // The body ended inside text carried from
                            // earlier lines (after markup was given up on):
                            // the rest of that text is the scanner's again.
                            // Never text that starts with the root this
                            // body began with (quick-xml read it otherwise):
                            // the scanner would open it again, for ever.
                            let again = &buf[end..carried];
                            let line = if self.count {
                                self.line_at(buf, end)
                            } else {
                                // Line ends in unescaped text are not
                                // counted as it is read, so the carried
                                // text's first line is found from its end:
                                // the line before this feed's. Escaped
                                // `\n`s are line ends in it too: never
                                // before the line the carried text began.
                                let ends = memchr::memchr_iter(b'\n', again.as_bytes()).count();
                                line.saturating_sub(ends as u64)
                                    .max(self.pending_line)
                                    .max(1)
                            };
                            if end > 0 || !matches!(find_root(again, 0), Some((0, _))) {
                                self.replay = Some((again.to_owned(), line));
                            } else {
                                self.note(format!(
                                    "XML at line {line} could not be read as a body and was skipped"
                                ));
                            }
                        }
                        return Fed::Done(end.saturating_sub(carried));
                    }
                    Err(e) => {
                        let at = boundary(buf, pos + reader.error_position() as usize);
                        if is_unclosed(&e) {
                            // Markup not finished in this piece: carry it,
                            // unless it already runs over 64 lines or
                            // 64 KiB (counted in the text, not in feeds,
                            // so that chunking does not matter).
                            let rest = &buf[at..];
                            let lines = memchr::memchr_iter(b'\n', rest.as_bytes()).count();
                            if !last && rest.len() <= PENDING_MAX && lines <= 64 {
                                self.pending_line = self.line_at(buf, at);
                                self.pending = rest.to_owned();
                                return Fed::More;
                            }
                            let line = self.line_at(buf, at);
                            self.note(format!(
                                "unterminated XML markup near line {line} was skipped"
                            ));
                        } else {
                            let line = self.line_at(buf, at);
                            self.note(format!("malformed XML near line {line} was skipped ({e})"));
                        }
                        // Resume after the offending markup's next '>',
                        // however far ahead it is.
                        match memchr::memchr(b'>', &buf.as_bytes()[(at + 1).min(buf.len())..]) {
                            Some(i) => {
                                pos = at + 1 + i + 1;
                                continue 'restart;
                            }
                            None => {
                                self.skipping = !last;
                                return Fed::More;
                            }
                        }
                    }
                }
            }
        }
    }

    /// The body was cut off (end of input, or the lines that followed
    /// belong to something else): recover what was read.
    pub fn truncate(&mut self, why: &str) {
        if !self.pending.is_empty() {
            // Markup that never finished: read past it, leniently.
            if let Fed::Done(_) = self.feed_inner("", self.pending_line, true) {
                self.pending.clear();
                return;
            }
            self.pending.clear();
        }
        if self.depth == 0 {
            return;
        }
        let live = &self.frames[..self.active];
        let missing_end = format!("</{}>", live.first().map_or("Error", |f| f.name.as_str()));
        let inside = live
            .last()
            .filter(|f| !f.has_children && live.len() > 1)
            .map(|f| f.name.clone());
        let mut note = format!("truncated XML: {why} before {missing_end}");
        if let Some(leaf) = &inside {
            note.push_str(&format!("; <{leaf}> was cut off"));
        }
        // The fields every error body has, that this one never got to.
        if let Some(d) = live
            .iter()
            .rev()
            .find(|f| f.name == "Error" || f.name == "JobsDetail")
            .and_then(|f| f.draft.as_ref())
        {
            let f = &d.found;
            let missing: Vec<&str> = [
                ("Code", f.code.is_none() && f.number.is_none()),
                ("Message", f.message.is_none()),
                ("RequestId", f.request_id.is_none()),
            ]
            .iter()
            .filter(|(n, m)| *m && inside.as_deref() != Some(*n))
            .map(|(n, _)| *n)
            .collect();
            if !missing.is_empty() {
                note.push_str(&format!("; missing: {}", missing.join(", ")));
            }
        }
        let before = self.out.len();
        // Close every open element, innermost first, as if its end tag came.
        while self.depth > 0 {
            self.close_element(true);
        }
        self.out.append(&mut self.held);
        for d in &mut self.out[before..] {
            d.found.notes.push(note.clone());
        }
        if self.out.len() == before {
            self.notes.push(note);
        }
        self.awaiting_root = true;
    }

    /// Carried text the body did not use (see [`XmlBlock::feed`]).
    pub fn take_replay(&mut self) -> Option<(String, u64)> {
        self.replay.take()
    }

    /// Block-level notes for the summary when nothing could be recovered.
    pub fn take_notes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notes)
    }

    fn note(&mut self, n: String) {
        if self.notes.len() < 8 {
            self.notes.push(n);
        }
    }

    fn line_at(&mut self, buf: &str, at: usize) -> u64 {
        let at = at.min(buf.len());
        if self.count && at > self.counted_to {
            let n = memchr::memchr_iter(b'\n', &buf.as_bytes()[self.counted_to..at]).count();
            self.feed_line += n as u64;
            self.counted_to = at;
        }
        self.feed_line
    }

    fn on_event(&mut self, ev: &Event<'_>, buf: &str, at: usize) -> Step {
        match ev {
            Event::Start(e) | Event::Empty(e) if !is_name(within(buf, e.name().as_ref())) => {
                // `a < b` in text: quick-xml reads a bogus tag. It is text.
                let _ = e;
                Step::Go
            }
            Event::Start(e) => {
                let q = e.name();
                self.start(local(within(buf, q.as_ref())), buf, at)
            }
            Event::Empty(e) => {
                let q = e.name();
                let name = local(within(buf, q.as_ref())).to_owned();
                let step = self.start(&name, buf, at);
                if step == Step::Go {
                    return self.end();
                }
                step
            }
            Event::End(_) => {
                if self.depth == 0 {
                    return Step::Go; // a stray end tag before any root
                }
                self.end()
            }
            Event::Text(t) => {
                let text = within(buf, t);
                if self.depth == 0 {
                    // Between bodies: whitespace is fine, text ends the body.
                    return if super::draft::trim_value(text).is_empty() {
                        Step::Go
                    } else {
                        Step::StopBefore
                    };
                }
                if self.wants_text() {
                    // Normalising line ends changes only text with a `\r`
                    // in it; most texts have none, and skip the call.
                    if super::any_byte(text.as_bytes(), |b| b == b'\r') {
                        self.text(&normalize_eols(text));
                    } else {
                        self.text(text);
                    }
                }
                Step::Go
            }
            Event::CData(t) => {
                if self.depth > 0 {
                    self.text(within(buf, t));
                }
                Step::Go
            }
            Event::GeneralRef(r) => {
                if self.depth == 0 {
                    return Step::StopBefore;
                }
                let name = within(buf, r);
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match name {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                match resolved {
                    Some(c) => self.text(c.encode_utf8(&mut [0u8; 4])),
                    // Never expanded: the reference is reported as written,
                    // its line ends normalised like those of text (`&\r\n;`
                    // read line by line is text on two lines).
                    None => {
                        let raw = format!("&{name};");
                        self.text(&normalize_eols(&raw));
                    }
                }
                Step::Go
            }
            Event::Decl(_) => {
                if self.depth > 0 {
                    // A new document began: the open one was cut off.
                    let line = self.line_at(buf, at);
                    self.truncate(&format!("a new XML document starts at line {line}"));
                    return Step::Go;
                }
                Step::Go
            }
            Event::DocType(_) | Event::Comment(_) | Event::PI(_) | Event::Eof => Step::Go,
        }
    }

    fn start(&mut self, name: &str, buf: &str, at: usize) -> Step {
        let root = Root::from_local(name);
        if self.depth == 0 {
            let Some(root) = root else {
                // Something other than a body follows the last one.
                return Step::StopBefore;
            };
            self.root = root;
            self.awaiting_root = false;
            let line = self.line_at(buf, at);
            self.start_line = line;
            self.active = 0;
            self.push_frame(name, line);
            self.depth = 1;
            return Step::Go;
        }
        // A root-level element inside a body means the body was cut off
        // and another began (`<Error>` inside `<Error>`; `<Response>` or
        // `<DeleteResult>` anywhere). `<Error>` in `<DeleteResult>` is fine.
        let restart = match root {
            Some(Root::Error) => self.root == Root::Error && !self.in_delete_result(),
            Some(Root::Response | Root::DeleteResult) => true,
            None => false,
        };
        if restart {
            let line = self.line_at(buf, at);
            self.truncate(&format!("another <{name}> starts at line {line}"));
            return self.start(name, buf, at);
        }
        let tracked = self.active == self.depth;
        if tracked && let Some(top) = self.frames[..self.active].last_mut() {
            top.has_children = true;
            top.text.clear();
            top.text_len = 0;
        }
        if self.depth < MAX_FRAMES && tracked {
            let line = if matches!(root, Some(Root::Error)) || name == "JobsDetail" {
                self.line_at(buf, at)
            } else {
                0
            };
            self.push_frame(name, line);
        }
        self.depth += 1;
        Step::Go
    }

    fn push_frame(&mut self, name: &str, line: u64) {
        if self.frames.len() == self.active {
            self.frames.push(Frame::default());
        }
        let f = &mut self.frames[self.active];
        f.name.clear();
        f.name.push_str(super::draft::cut_str(name, 128));
        f.text.clear();
        f.text_len = 0;
        f.has_children = false;
        f.line = line;
        f.draft = None;
        f.state = None;
        f.has_code = false;
        f.fields = 0;
        f.dropped_fields = 0;
        self.active += 1;
    }

    fn in_delete_result(&self) -> bool {
        self.frames[..self.active]
            .iter()
            .any(|f| f.name == "DeleteResult")
    }

    /// Whether text here is a field's (not layout between elements).
    fn wants_text(&self) -> bool {
        self.active == self.depth && self.active > 0 && !self.frames[self.active - 1].has_children
    }

    fn text(&mut self, t: &str) {
        if self.active != self.depth || self.active == 0 {
            return; // inside elements deeper than we track
        }
        let top = &mut self.frames[self.active - 1];
        if top.has_children {
            return; // text between child elements: layout, or noise
        }
        // Leading layout is not text: it must not use up `max_field`.
        // A byte order mark (concatenated files) is never part of a value.
        let owned;
        // Its first byte, 0xEF, is rare in text: one memchr rules it out
        // (`str::contains` ran a substring search on every text).
        let t = if memchr::memchr(0xEF, t.as_bytes()).is_some() && t.contains('\u{FEFF}') {
            owned = t.replace('\u{FEFF}', "");
            owned.as_str()
        } else {
            t
        };
        // Leading layout: before any text was counted, not only before any
        // was kept (a value cut to nothing counts the rest whole).
        let t = if top.text_len == 0 { t.trim_start() } else { t };
        // Once cut, a value stays cut: text that comes later (the next
        // line, after a reference) must not fill the room that a wide
        // character which did not fit left, or the value would depend on
        // where the text was split.
        let cut = top.text_len > top.text.len();
        top.text_len += t.len();
        let room = self.max_field.saturating_sub(top.text.len());
        if room > 0 && !cut {
            top.text.push_str(super::draft::cut_str(t, room));
        }
    }

    fn end(&mut self) -> Step {
        self.close_element(false);
        if self.depth == 0 {
            self.awaiting_root = true;
            Step::Done
        } else {
            Step::Go
        }
    }

    fn close_element(&mut self, truncated: bool) {
        if self.depth == 0 {
            return;
        }
        let tracked = self.active == self.depth;
        self.depth -= 1;
        if !tracked || self.active == 0 {
            return;
        }
        self.active -= 1;
        let i = self.active;
        if self.frames[i].has_children {
            self.unit(i, truncated);
        } else if i > 0 {
            self.leaf(i);
        } else {
            // A root without children: `<Error/>`, or `<Error>text</Error>`.
            let f = &mut self.frames[0];
            if !f.text.trim().is_empty() {
                let mut d = Draft::new(Shape::Xml);
                let total = if f.text_len > f.text.len() {
                    f.text_len
                } else {
                    0
                };
                d.set(Field::Message, "Message", &f.text, total, self.max_field);
                f.draft = Some(d);
            }
            self.unit(0, truncated);
        }
    }

    /// A leaf element closed: it is a field of its parent.
    fn leaf(&mut self, i: usize) {
        let key_is_resource = self.root == Root::Response
            || (self.frames[i - 1].name == "Error"
                && self.frames[..i - 1]
                    .iter()
                    .any(|f| f.name == "DeleteResult"));
        let max = self.max_field;
        let (head, tail) = self.frames.split_at_mut(i);
        let (parent, leaf) = (&mut head[i - 1], &tail[0]);
        if parent.fields >= MAX_FIELDS {
            parent.dropped_fields += 1;
            return;
        }
        parent.fields += 1;
        let d = parent.draft.get_or_insert_with(|| Draft::new(Shape::Xml));
        // The full length matters only when the text was cut.
        let total = if leaf.text_len > leaf.text.len() {
            leaf.text_len
        } else {
            0
        };
        let (name, text) = (leaf.name.as_str(), leaf.text.as_str());
        match classify(name) {
            Some(Field::Code | Field::Number) => {
                parent.has_code = true;
                d.set(Field::Code, name, text, total, max);
            }
            Some(
                f @ (Field::Message
                | Field::Resource
                | Field::RequestId
                | Field::TraceId
                | Field::HostId),
            ) => {
                d.set(f, name, text, total, max);
            }
            _ if name == "Key" && key_is_resource && d.found.resource.is_none() => {
                d.set(Field::Resource, name, text, total, max);
            }
            _ => {
                if name == "State" {
                    parent.state = Some(super::draft::cut_str(text.trim(), 64).to_owned());
                }
                d.push_extra(name, text, total, max);
            }
        }
    }

    /// An element with children closed: is it an error?
    fn unit(&mut self, i: usize, truncated: bool) {
        if i == 0 && !self.held.is_empty() {
            // The response closes: its IDs complete its jobs.
            let (rid, tid) = self.frames[0]
                .draft
                .as_ref()
                .map(|d| (d.found.request_id.clone(), d.found.trace_id.clone()))
                .unwrap_or_default();
            for mut d in std::mem::take(&mut self.held) {
                if d.found.request_id.is_none() {
                    d.found.request_id.clone_from(&rid);
                }
                if d.found.trace_id.is_none() {
                    d.found.trace_id.clone_from(&tid);
                }
                self.out.push(d);
            }
        }
        let partial = self.frames[i].name == "Error"
            && self.frames[..i].iter().any(|f| f.name == "DeleteResult");
        let f = &mut self.frames[i];
        let is_error = f.name == "Error";
        let in_response = self.root == Root::Response && (f.name == "Response" || i <= 3);
        if !is_error && !in_response {
            return;
        }
        let empty = f.draft.is_none();
        let mut d = f.draft.take().unwrap_or_else(|| Draft::new(Shape::Xml));
        let state = f.state.take();
        d.found.partial = partial;
        d.found.line = if f.line > 0 { f.line } else { self.start_line };
        if f.dropped_fields > 0 {
            d.found.notes.push(format!(
                "{} more fields of <{}> were dropped",
                f.dropped_fields, f.name
            ));
        }
        if !is_error {
            // CI jobs: failed, or an error code without any state.
            let failed = state
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("failed"));
            let error_code = f.has_code && !d.success;
            if !(failed || (state.is_none() && error_code)) {
                return;
            }
            if state.is_some() {
                d.hints.add(super::draft::Hints::CI);
            }
        } else if d.success && d.found.code.is_none() && d.found.number.is_none() {
            return; // `<Error><Code>0</Code></Error>`: nothing went wrong
        }
        if empty && !truncated {
            d.found.notes.push(format!("<{}> was empty", f.name));
        }
        // Markup skipped while reading this body is reported with it.
        d.found.notes.append(&mut self.notes);
        if i > 0 && self.root == Root::Response && self.held.len() < MAX_HELD {
            self.held.push(d);
        } else {
            self.out.push(d);
        }
    }
}

/// Whether markup spanning `span` would have been given up on while it
/// was pending: more than 64 line ends in it, or over [`PENDING_MAX`]
/// bytes up to its last line end.
fn too_long(span: &[u8]) -> bool {
    match memchr::memrchr(b'\n', span) {
        Some(i) => i + 1 > PENDING_MAX || memchr::memchr_iter(b'\n', span).count() > 64,
        None => false,
    }
}

/// `at`, moved back to a character boundary of `s` (and into it): every
/// offset quick-xml reports is used to slice, and a slice must never panic.
fn boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The length of the whole blank lines that `s` starts with: its leading
/// whitespace up to and including the last line end in it.
fn blank_lines(s: &str) -> usize {
    let lead = s.len() - s.trim_start().len();
    memchr::memrchr(b'\n', &s.as_bytes()[..lead]).map_or(0, |i| i + 1)
}

/// The text of `part`, bytes of an event that a reader over `buf` read:
/// cut from `buf`, which is a `str` already, rather than checked again.
/// (A `Cow` that could hold anything else cost 1.3% of `decode --json`.)
fn within<'a>(buf: &'a str, part: &'a [u8]) -> &'a str {
    let start = (part.as_ptr() as usize).wrapping_sub(buf.as_ptr() as usize);
    start
        .checked_add(part.len())
        .and_then(|end| buf.get(start..end))
        // Not taken: every event of such a reader borrows `buf`, at
        // character boundaries (quick-xml splits at ASCII bytes).
        .unwrap_or_else(|| std::str::from_utf8(part).unwrap_or_default())
}

/// Line ends normalised as XML 1.0 does (`\r\n` and a lone `\r` to `\n`).
fn normalize_eols(text: &str) -> Cow<'_, str> {
    match BytesText::from_escaped(text).xml10_content() {
        Ok(Cow::Owned(s)) => Cow::Owned(s),
        Ok(Cow::Borrowed(_)) | Err(_) => Cow::Borrowed(text),
    }
}

fn is_name(n: &str) -> bool {
    n.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b >= 0x80)
}

fn is_unclosed(e: &XmlError) -> bool {
    matches!(
        e,
        XmlError::Syntax(
            SyntaxError::UnclosedTag
                | SyntaxError::UnclosedComment
                | SyntaxError::UnclosedCData
                | SyntaxError::UnclosedDoctype
                | SyntaxError::UnclosedPI
                | SyntaxError::UnclosedXmlDecl
                | SyntaxError::UnclosedSingleQuotedAttributeValue
                | SyntaxError::UnclosedDoubleQuotedAttributeValue
        )
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Go,
    Done,
    StopBefore,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What quick-xml hands back is cut from the text it reads, at the
    /// same bytes; anything else is read as itself.
    #[test]
    fn event_bytes_are_cut_from_the_text_read() {
        let buf = "<Error><Message>caf\u{e9} &amp; \u{1F600}</Message></Error>";
        let mut reader = Reader::from_str(buf);
        let mut texts = Vec::new();
        let mut cut = |part: &[u8]| {
            let text = within(buf, part);
            // The same bytes of `buf`, not a copy.
            assert!(std::ptr::eq(text.as_ptr(), part.as_ptr()));
            texts.push(text.to_owned());
        };
        loop {
            match reader.read_event().unwrap() {
                Event::Eof => break,
                Event::Start(e) => cut(e.name().as_ref()),
                Event::Text(t) => cut(&t),
                Event::GeneralRef(r) => cut(&r),
                _ => {}
            }
        }
        assert_eq!(
            texts,
            ["Error", "Message", "caf\u{e9} ", "amp", " \u{1F600}"]
        );
        let elsewhere = String::from("Code");
        assert_eq!(within(buf, elsewhere.as_bytes()), "Code");
        assert_eq!(within(buf, b""), "");
    }

    /// Feeds `text` line by line, as the scanner does; returns the drafts
    /// and whether the block ended, truncating at the end.
    fn parse(text: &str) -> Vec<Draft> {
        let (at, root) = find_root(text, 0).expect("a root");
        let mut b = XmlBlock::new(root, 1, 64 * 1024);
        let mut done = false;
        for (line, piece) in (1..).zip(text[at..].split_inclusive('\n')) {
            if let Fed::Done(_) = b.feed(piece, line) {
                done = true;
                break;
            }
        }
        if !done {
            b.truncate("input ended");
        }
        b.out
    }

    fn one(text: &str) -> Draft {
        let mut v = parse(text);
        assert_eq!(v.len(), 1, "{v:?}");
        v.remove(0)
    }

    #[test]
    fn finds_roots() {
        assert_eq!(find_root("x <Error>", 0), Some((2, Root::Error)));
        assert_eq!(
            find_root("<ErrorX><s3:Error xmlns:s3='u'>", 0),
            Some((8, Root::Error))
        );
        assert_eq!(find_root("<Response", 0), Some((0, Root::Response)));
        assert_eq!(find_root("<Errors> <Err>", 0), None);
    }

    #[test]
    fn cos_body_pretty() {
        let d = one(
            "<Error>\n\t<Code>NoSuchKey</Code>\n\t<Message>The specified key does not exist.</Message>\n\t<Resource>b-1250000000.cos.ap-beijing.myqcloud.com/k</Resource>\n\t<RequestId>NjA=</RequestId>\n\t<TraceId>OGVm</TraceId>\n</Error>\n",
        );
        let f = &d.found;
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.message.as_deref(),
            Some("The specified key does not exist.")
        );
        assert_eq!(
            f.resource.as_deref(),
            Some("b-1250000000.cos.ap-beijing.myqcloud.com/k")
        );
        assert_eq!(f.request_id.as_deref(), Some("NjA="));
        assert_eq!(f.trace_id.as_deref(), Some("OGVm"));
        assert!(f.notes.is_empty());
    }

    #[test]
    fn byte_order_marks_are_not_text() {
        // Files concatenated with their marks: a mark inside a value is
        // dropped, and one before a value is not what makes it non-empty.
        let d = one(
            "<Error><Code>\u{FEFF}NoSuchKey</Code><Message>a\u{FEFF}b</Message><Resource>\u{FEFF}</Resource><RequestId>\u{FEFF} NjA=</RequestId></Error>",
        );
        let f = &d.found;
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(f.message.as_deref(), Some("ab"));
        assert_eq!(f.resource, None);
        assert_eq!(f.request_id.as_deref(), Some("NjA="));
        // Other text with the mark's first byte (0xEF) is kept whole.
        let d = one("<Error><Code>X</Code><Message>\u{FFFD}\u{F900}</Message></Error>");
        assert_eq!(d.found.message.as_deref(), Some("\u{FFFD}\u{F900}"));
    }

    #[test]
    fn unknown_elements_kept_in_order() {
        let d =
            one("<Error><Zeta>1</Zeta><Code>X</Code><Alpha/><BucketName>b</BucketName></Error>");
        assert_eq!(
            d.found.extra,
            vec![
                ("Zeta".into(), "1".into()),
                ("Alpha".into(), "".into()),
                ("BucketName".into(), "b".into())
            ]
        );
    }

    #[test]
    fn entities_never_expanded() {
        let d =
            one("<Error><Code>&lol9;</Code><Message>a &amp; b &#60;&#x3e; &xxe;</Message></Error>");
        assert_eq!(d.found.code.as_deref(), Some("&lol9;"));
        assert_eq!(d.found.message.as_deref(), Some("a & b <> &xxe;"));
    }

    /// Elements start on their own lines whether a body comes a line at a
    /// time or in one piece, and a value keeps the whitespace that goes on
    /// from a reference, CDATA, a comment, `a < b` or its previous line.
    #[test]
    fn whitespace_inside_values_and_lines_of_elements() {
        let text = "<DeleteResult>\n  <Error>\n    <Key>a</Key>\n    <Code>AccessDenied</Code>\n  </Error>\n\n  \t<Error>\n    <Key>b</Key><Code>InternalError</Code>\n  </Error>\n</DeleteResult>\n";
        let lines = |v: &[Draft]| v.iter().map(|d| d.found.line).collect::<Vec<_>>();
        assert_eq!(lines(&parse(text)), [2, 7]);
        // In one piece, as a region is fed: whitespace with line ends
        // before a tag.
        let mut b = XmlBlock::new(Root::DeleteResult, 1, 64 * 1024);
        assert_eq!(b.feed(text, 1), Fed::Done(text.len() - 1));
        assert_eq!(lines(&b.out), [2, 7]);
        let d = one(
            "<Error><Code>X</Code><Message>a &amp; <![CDATA[b]]> c<!-- d --> e<?pi?> f</Message><StringToSign>GET\n\n  x</StringToSign></Error>",
        );
        assert_eq!(d.found.message.as_deref(), Some("a & b c e f"));
        assert_eq!(
            d.found.extra,
            [("StringToSign".into(), "GET\n\n  x".into())]
        );
        // `a < b` is not a tag (nor text): the whitespace after it stays.
        let d = one("<Error><Code>X</Code><Message>a <\u{1} b> \n c</Message></Error>");
        assert_eq!(d.found.message.as_deref(), Some("a  \n c"));
    }

    /// Line ends in text are XML's: `\r\n` and a lone `\r` read as `\n`,
    /// whole or line by line, and a byte order mark inside a value goes.
    #[test]
    fn carriage_returns_and_byte_order_marks_in_text() {
        let text = "<Error>\r\n<Code>X</Code>\r\n<StringToSign>GET\r\n\r\n/a\rb\t\u{FEFF}c</StringToSign>\r\n</Error>\r\n";
        let d = one(text);
        assert_eq!(
            d.found.extra,
            [("StringToSign".into(), "GET\n\n/a\nb\tc".into())]
        );
        let mut b = XmlBlock::new(Root::Error, 1, 64 * 1024);
        assert!(matches!(b.feed(text, 1), Fed::Done(_)));
        assert_eq!(b.out[0].found.extra, d.found.extra);
    }

    /// A value is cut where it is cut read whole: a piece that comes
    /// after a cut adds nothing, even where a wide character left room.
    #[test]
    fn a_cut_value_stays_cut_whatever_follows() {
        for (text, want) in [
            ("<Error><Code>\u{F6FF}\nt</Code></Error>", None),
            ("<Error><Code>\u{F6FF}&amp;t</Code></Error>", None),
            ("<Error><Code> a\u{F6FF}\nt</Code></Error>", Some("a")),
            ("<Error><Code>\u{F6FF}\n  t</Code></Error>", None),
            // Kept empty, with a note of the length it had: all of it.
            (
                "<Error><Code>X</Code><Extra>\u{F6FF}\n  t</Extra></Error>",
                Some("X"),
            ),
        ] {
            let whole = {
                let mut b = XmlBlock::new(Root::Error, 1, 2);
                assert!(matches!(b.feed(text, 1), Fed::Done(_)));
                b.out.remove(0).found
            };
            let mut b = XmlBlock::new(Root::Error, 1, 2);
            for (line, piece) in (1..).zip(text.split_inclusive('\n')) {
                b.feed(piece, line);
            }
            let by_line = b.out.remove(0).found;
            assert_eq!(whole.code.as_deref(), want, "{text:?}");
            assert_eq!(by_line.code, whole.code, "{text:?}");
            assert_eq!(by_line.notes, whole.notes, "{text:?}");
            assert_eq!(by_line.extra, whole.extra, "{text:?}");
        }
    }

    #[test]
    fn delete_result_partial() {
        let v = parse(
            "<DeleteResult><Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error><Error><Key>c</Key><Code>InternalError</Code></Error></DeleteResult>",
        );
        assert_eq!(v.len(), 2);
        assert!(v.iter().all(|d| d.found.partial));
        assert_eq!(v[0].found.resource.as_deref(), Some("b"));
        assert_eq!(v[1].found.code.as_deref(), Some("InternalError"));
    }

    #[test]
    fn ci_jobs() {
        let failed = parse(
            "<Response><JobsDetail><Code>InvalidParameter</Code><Message>bad</Message><JobId>j1</JobId><State>Failed</State></JobsDetail></Response>",
        );
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].found.code.as_deref(), Some("InvalidParameter"));
        assert!(failed[0].hints.has(super::super::draft::Hints::CI));
        let ok = parse(
            "<Response><JobsDetail><Code>Success</Code><Message/><JobId>j1</JobId><State>Success</State></JobsDetail></Response>",
        );
        assert!(ok.is_empty());
        assert!(parse("<Response><Code>0</Code><Message>ok</Message></Response>").is_empty());
        let bare = parse(
            "<Response><Code>InvalidArgument</Code><Message>m</Message><RequestId>r</RequestId></Response>",
        );
        assert_eq!(bare.len(), 1);
    }

    #[test]
    fn ci_jobs_get_the_response_request_id_within_bounds() {
        let job = "<JobsDetail><Code>InvalidInput</Code><State>Failed</State></JobsDetail>";
        let v = parse(&format!(
            "<Response>{}<RequestId>r</RequestId></Response>",
            job.repeat(300)
        ));
        assert_eq!(v.len(), 300);
        let with_id = v
            .iter()
            .filter(|d| d.found.request_id.as_deref() == Some("r"))
            .count();
        assert_eq!(with_id, MAX_HELD);
    }

    #[test]
    fn truncated_keeps_what_was_read() {
        let d = one("<Error>\n<Code>NoSuchKey</Code>\n<Message>The specified ke");
        assert_eq!(d.found.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(d.found.message.as_deref(), Some("The specified ke"));
        assert!(d.found.notes[0].contains("</Error>"), "{:?}", d.found.notes);
        assert!(d.found.notes[0].contains("<Message> was cut off"));
    }

    #[test]
    fn tag_split_across_lines() {
        let d = one("<Error\n  xmlns=\"http://obs\">\n<Code\n>AccessDenied</Code\n></Error\n>");
        assert_eq!(d.found.code.as_deref(), Some("AccessDenied"));
    }

    #[test]
    fn deep_nesting_is_counted_not_stored() {
        let mut s = String::from("<Error><Code>X</Code>");
        s.push_str(&"<a>".repeat(100_000));
        s.push_str(&"</a>".repeat(100_000));
        s.push_str("</Error>");
        let d = one(&s);
        assert_eq!(d.found.code.as_deref(), Some("X"));
    }

    #[test]
    fn long_field_is_cut() {
        let s = format!(
            "<Error><Code>X</Code><Message>{}</Message><RequestId>R</RequestId></Error>",
            "a".repeat(100_000)
        );
        let (at, root) = find_root(&s, 0).unwrap();
        let mut b = XmlBlock::new(root, 1, 1000);
        assert!(matches!(b.feed(&s[at..], 1), Fed::Done(_)));
        let f = &b.out[0].found;
        assert_eq!(f.message.as_ref().map(String::len), Some(1000));
        assert_eq!(f.request_id.as_deref(), Some("R"));
        assert_eq!(
            f.notes,
            vec!["Message cut to 1000 of 100000 bytes".to_owned()]
        );
    }

    #[test]
    fn malformed_markup_is_skipped() {
        let d = one("<Error><Code>X</Code><Bad a='1\" b><Message>m</Message></Error>");
        assert_eq!(d.found.code.as_deref(), Some("X"));
        assert_eq!(d.found.message.as_deref(), Some("m"));
    }

    #[test]
    fn new_document_inside_truncates() {
        let v = parse(
            "<Error><Code>A</Code><Message>cut\n<?xml version='1.0'?><Error><Code>B</Code></Error>",
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].found.code.as_deref(), Some("A"));
        assert!(
            v[0].found.notes[0].contains("truncated"),
            "{:?}",
            v[0].found.notes
        );
        assert_eq!(v[1].found.code.as_deref(), Some("B"));
        assert!(v[1].found.notes.is_empty());
    }

    #[test]
    fn done_reports_consumed_bytes() {
        let (at, root) = find_root("<Error><Code>X</Code></Error> tail", 0).unwrap();
        let mut b = XmlBlock::new(root, 1, 100);
        assert_eq!(
            b.feed(&"<Error><Code>X</Code></Error> tail"[at..], 1),
            Fed::Done(29)
        );
    }
}
