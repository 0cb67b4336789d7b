//! XML error documents: `<Error>` (COS, CI, OBS, any S3), `<Response>` (CI
//! API errors and job results) and `<DeleteResult>` (per-key errors),
//! parsed with quick-xml from a record's text.
//!
//! Memory stays bounded whatever the body: the element stack is a counter
//! beyond [`MAX_FRAMES`] levels, text is kept up to `max_field` per field
//! while its full length is counted for the note, and recursion never
//! follows the input's depth.
//!
//! Entities are never expanded: predefined entities and character
//! references are decoded, anything else (every entity a DTD declares) is
//! kept as the text `&name;`. A `<!DOCTYPE>` is ignored, so neither billion
//! laughs nor `SYSTEM "file:///etc/passwd"` does anything.
//!
//! A body inside a string literal (`<Code>X<\/Code>\n<Message>`) is left
//! to [`super::escaped`], which reads it unescaped.
//!
//! A fragment (`<Code>AccessDenied</Code><Message>...</Message>` with no
//! root around it, as documents and posts quote an error) is read as if
//! it were in an `<Error>`: from its `<Code>` (and the leaf elements just
//! before it) to where text that is not markup follows.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use quick_xml::events::{BytesText, Event};
use quick_xml::reader::Reader;

use super::super::draft::{Draft, Evidence, Field, Shape as Kind, classify, cut_str, trim_value};
use super::super::escape;
use super::super::facts::Facts;
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "xml",
    keywords: &[
        "<Error",
        ":Error",
        "<Response",
        "<DeleteResult",
        "but have <Error>",
        "Msg Is INVALID",
        "</Code>",
    ],
    dynamic: None,
    always: false,
    find,
};

/// Open elements tracked by name; deeper ones are only counted.
const MAX_FRAMES: usize = 8;
/// Fields kept per element.
const MAX_FIELDS: usize = 64;
/// Bodies read per record.
const MAX_BODIES: usize = 4096;

/// The root elements that start a body worth parsing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    Error,
    Response,
    DeleteResult,
}

impl Root {
    fn from_local(name: &str) -> Option<Root> {
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
        let terminated = match rest.get(name_len) {
            None => true,
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

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    // Go's encoding/xml, told to read a result where the body was an
    // error (COS answers a failed PUT Object - Copy with status 200).
    static BUT_HAVE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("but have <Error>"));
    static INVALID: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new("Response Error Msg Is INVALID"));
    if let Some(at) = BUT_HAVE.find(text.as_bytes()) {
        let start = text[..at].rfind("expected element type").unwrap_or(at);
        let mut d = Draft::new(Kind::Labels);
        d.found.line = rec.line_at(start);
        d.found.notes.push(
            "the response's body was an <Error> document where a result was expected; the SDK did not show its code"
                .to_owned(),
        );
        d.sdk = true;
        d.documented = true;
        out.error(start..at + "but have <Error>".len(), d);
    }
    // cos-python-sdk-v5 could not read the error body: no `<Resource>` in
    // it (a proxy's page, a Cloud Infinite error document).
    if let Some(at) = INVALID.find(text.as_bytes()) {
        let mut d = Draft::new(Kind::Labels);
        d.found.line = rec.line_at(at);
        d.found.notes.push(
            "cos-python-sdk-v5 could not read the error body (a proxy's page, or a Cloud Infinite error document, has no <Resource>)"
                .to_owned(),
        );
        d.sdk = true;
        d.documented = true;
        out.error(at..at + "Response Error Msg Is INVALID".len(), d);
    }
    let mut pos = 0;
    let mut bodies = 0;
    let mut read: Vec<std::ops::Range<usize>> = Vec::new();
    while let Some((at, root)) = find_root(text, pos) {
        bodies += 1;
        if bodies > MAX_BODIES {
            break;
        }
        // A body inside a string literal is read unescaped elsewhere; Go's
        // `expected element type <Error> but have <html>` names the element
        // and holds no body.
        if (rec.depth == 0 && escaped_here(text, at))
            || text[..at].ends_with("expected element type ")
        {
            pos = at + 1;
            continue;
        }
        let mut p = Parser::new(rec, root, at);
        let end = p.run();
        for (span, d) in p.out {
            out.error(span, d);
        }
        read.push(at..end);
        pos = end.max(at + 1);
    }
    fragments(rec, &read, bodies, out);
}

/// Error fields quoted without their root element, outside the bodies
/// read (`read`, in order).
fn fragments(
    rec: &RecordText<'_>,
    read: &[std::ops::Range<usize>],
    mut bodies: usize,
    out: &mut Facts,
) {
    static CODE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("<Code>"));
    let text = rec.text;
    // A `<Code>` with no `</Code>` after it opens nothing: looked up once,
    // not for each `<Code>`.
    let Some(last_close) = text.rfind("</Code>") else {
        return;
    };
    let mut read = read.iter().peekable();
    // Where the text that earlier bodies and fragments read ends.
    let mut floor = 0;
    let mut pos = 0;
    while let Some(i) = CODE.find(&text.as_bytes()[pos..]) {
        let code = pos + i;
        pos = code + 1;
        if code > last_close {
            break;
        }
        while read.next_if(|r| r.end <= code).is_some() {}
        if let Some(r) = read.peek()
            && r.start <= code
        {
            continue;
        }
        if rec.depth == 0 && escaped_here(text, code) {
            continue;
        }
        bodies += 1;
        if bodies > MAX_BODIES {
            break;
        }
        let start = leaves_before(text, code, floor);
        let mut p = Parser::fragment(rec, start);
        let end = p.run();
        for (span, d) in p.out {
            out.error(span, d);
        }
        floor = end;
        pos = end.max(pos);
    }
}

/// Where the leaf elements (`<Name>text</Name>`, no attributes) that
/// come right before `at`, with only white space between, start; not
/// before `floor`.
fn leaves_before(text: &str, mut at: usize, floor: usize) -> usize {
    loop {
        let before = text[..at].trim_end();
        let Some(open) = before.strip_suffix('>') else {
            return at;
        };
        let Some(lt) = open.rfind("</") else {
            return at;
        };
        let name = &open[lt + 2..];
        if name.is_empty() || !is_name(name) {
            return at;
        }
        let tag = format!("<{name}>");
        let Some(start) = before[..lt].rfind(&tag) else {
            return at;
        };
        if start < floor || before[start + tag.len()..lt].contains('<') {
            return at;
        }
        at = start;
    }
}

/// Whether the body starting at `at` is written inside a string literal:
/// backslash escapes before its first line end, or in its first 256
/// bytes.
fn escaped_here(text: &str, at: usize) -> bool {
    let rest = &text[at..];
    let end = cut_str(rest, 256).len();
    let line_end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
    escape::has_escapes(&rest[..end.min(line_end.max(1))])
        || (at > 0 && text.as_bytes()[at - 1] == b'"' && escape::has_escapes(&rest[..end]))
}

#[derive(Default)]
struct Frame {
    name: String,
    text: String,
    /// Full length of the text, for the note when it was cut.
    text_len: usize,
    has_children: bool,
    /// Where the element's start tag begins in the record.
    start: usize,
    draft: Option<Draft>,
    /// Its `<State>` child (CI jobs), and whether it had a `<Code>`.
    state: Option<String>,
    has_code: bool,
    fields: usize,
    dropped_fields: usize,
}

struct Parser<'r, 'a> {
    rec: &'r RecordText<'a>,
    root: Root,
    /// Where the body starts in the record.
    start: usize,
    depth: usize,
    frames: Vec<Frame>,
    active: usize,
    notes: Vec<String>,
    out: Vec<(std::ops::Range<usize>, Draft)>,
    /// Failed jobs of a `<Response>`, held until it closes: the
    /// response's own `RequestId` follows them.
    held: Vec<(std::ops::Range<usize>, Draft)>,
    /// Fields without a root: the `<Error>` around them is implied, and
    /// ends after the last element closed at its level.
    fragment: bool,
    last_end: usize,
}

impl<'r, 'a> Parser<'r, 'a> {
    fn new(rec: &'r RecordText<'a>, root: Root, start: usize) -> Self {
        Parser {
            rec,
            root,
            start,
            depth: 0,
            frames: Vec::new(),
            active: 0,
            notes: Vec::new(),
            out: Vec::new(),
            held: Vec::new(),
            fragment: false,
            last_end: start,
        }
    }

    /// A parser of the fields from `start` on, in an implied `<Error>`.
    fn fragment(rec: &'r RecordText<'a>, start: usize) -> Self {
        let mut p = Parser::new(rec, Root::Error, start);
        p.push_frame("Error", start);
        p.depth = 1;
        p.fragment = true;
        p
    }

    /// Whether the implied root is what is open.
    fn in_fragment_root(&self) -> bool {
        self.fragment && self.depth == 1
    }

    /// Closes the implied root after the last element read in it.
    fn close_fragment(&mut self) -> usize {
        let end = self.last_end;
        self.close_element(false, end);
        self.finish_notes();
        end
    }

    fn max(&self) -> usize {
        self.rec.max_field
    }

    /// Parses the body; returns where it ended in the record.
    fn run(&mut self) -> usize {
        let text = self.rec.text;
        let mut pos = self.start;
        'restart: loop {
            while text[pos..].starts_with('\u{FEFF}') {
                pos += '\u{FEFF}'.len_utf8();
            }
            let mut reader = Reader::from_str(&text[pos..]);
            let cfg = reader.config_mut();
            cfg.check_end_names = false;
            cfg.allow_unmatched_ends = true;
            cfg.allow_dangling_amp = true;
            loop {
                let before = boundary(text, pos + reader.buffer_position() as usize);
                match reader.read_event() {
                    Ok(Event::Eof) => {
                        if self.in_fragment_root() {
                            return self.close_fragment();
                        }
                        self.truncate("the text ends");
                        return text.len();
                    }
                    Ok(ev) => {
                        let after = boundary(text, pos + reader.buffer_position() as usize);
                        match self.on_event(&ev, before, after) {
                            Step::Go => {}
                            Step::Done => {
                                self.finish_notes();
                                return after;
                            }
                            Step::StopBefore if self.in_fragment_root() => {
                                return self.close_fragment();
                            }
                            Step::StopBefore => {
                                self.truncate("other text follows");
                                return before;
                            }
                        }
                    }
                    Err(e) => {
                        let at = boundary(text, pos + reader.error_position() as usize);
                        let line = self.rec.line_at(at);
                        self.note(format!("malformed XML near line {line} was skipped ({e})"));
                        match memchr::memchr(b'>', &text.as_bytes()[(at + 1).min(text.len())..]) {
                            Some(i) => {
                                pos = at + 1 + i + 1;
                                continue 'restart;
                            }
                            None if self.in_fragment_root() => {
                                return self.close_fragment();
                            }
                            None => {
                                self.truncate("the text ends");
                                return text.len();
                            }
                        }
                    }
                }
            }
        }
    }

    fn note(&mut self, n: String) {
        if self.notes.len() < 8 {
            self.notes.push(n);
        }
    }

    /// Notes about markup skipped, when no error took them.
    fn finish_notes(&mut self) {
        if let Some((_, d)) = self.out.last_mut() {
            d.found.notes.append(&mut self.notes);
        }
    }

    fn on_event(&mut self, ev: &Event<'_>, before: usize, after: usize) -> Step {
        let text = self.rec.text;
        match ev {
            Event::Start(e) | Event::Empty(e) if !is_name(within(text, e.name().as_ref())) => {
                // `a < b` in text: quick-xml reads a bogus tag. It is text.
                if self.depth > 0 {
                    self.text(&text[before..after]);
                }
                Step::Go
            }
            // A poster's placeholder inside a field (`<AWSAccessKeyId><Access
            // Key Removed></AWSAccessKeyId>`): words, not attributes, after
            // the name. It is the field's text, and the fields after it
            // stay the error's.
            Event::Start(e) | Event::Empty(e)
                if self.depth > 0 && e.attributes().any(|a| a.is_err()) =>
            {
                self.text(&text[before..after]);
                Step::Go
            }
            Event::Start(e) => {
                let q = e.name();
                self.start(local(within(text, q.as_ref())), before)
            }
            Event::Empty(e) => {
                let q = e.name();
                let name = local(within(text, q.as_ref())).to_owned();
                let step = self.start(&name, before);
                if step == Step::Go {
                    return self.end(after);
                }
                step
            }
            Event::End(_) => {
                if self.depth == 0 {
                    return Step::Go;
                }
                self.end(after)
            }
            Event::Text(t) => {
                let t = within(text, t);
                if self.depth == 0 || self.in_fragment_root() {
                    return if trim_value(t).is_empty() {
                        Step::Go
                    } else {
                        Step::StopBefore
                    };
                }
                if self.wants_text() {
                    if t.contains('\r') {
                        self.text(&normalize_eols(t));
                    } else {
                        self.text(t);
                    }
                }
                Step::Go
            }
            Event::CData(t) => {
                if self.depth > 0 {
                    self.text(within(text, t));
                }
                Step::Go
            }
            Event::GeneralRef(r) => {
                if self.depth == 0 || self.in_fragment_root() {
                    return Step::StopBefore;
                }
                let name = within(text, r);
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
                    None => {
                        let raw = format!("&{name};");
                        self.text(&normalize_eols(&raw));
                    }
                }
                Step::Go
            }
            Event::Decl(_) => {
                if self.in_fragment_root() {
                    return Step::StopBefore;
                }
                if self.depth > 0 {
                    let line = self.rec.line_at(before);
                    self.truncate(&format!("a new XML document starts at line {line}"));
                    return Step::Done;
                }
                Step::Go
            }
            Event::DocType(_) | Event::Comment(_) | Event::PI(_) | Event::Eof => Step::Go,
        }
    }

    fn start(&mut self, name: &str, at: usize) -> Step {
        let root = Root::from_local(name);
        if self.depth == 0 {
            let Some(root) = root else {
                return Step::StopBefore;
            };
            if at != self.start && !self.out.is_empty() {
                // The next body: read on its own.
                return Step::StopBefore;
            }
            self.root = root;
            self.active = 0;
            self.push_frame(name, at);
            self.depth = 1;
            return Step::Go;
        }
        // A root-level element inside a body means the body was cut off
        // and another began. `<Error>` in `<DeleteResult>` is fine.
        let restart = match root {
            Some(Root::Error) => self.root == Root::Error && !self.in_delete_result(),
            Some(Root::Response | Root::DeleteResult) => true,
            None => false,
        };
        if self.in_fragment_root() && root.is_some() {
            return Step::StopBefore;
        }
        if restart {
            let line = self.rec.line_at(at);
            self.truncate(&format!("another <{name}> starts at line {line}"));
            return Step::StopBefore;
        }
        let tracked = self.active == self.depth;
        if tracked && let Some(top) = self.frames[..self.active].last_mut() {
            top.has_children = true;
            top.text.clear();
            top.text_len = 0;
        }
        if self.depth < MAX_FRAMES && tracked {
            self.push_frame(name, at);
        }
        self.depth += 1;
        Step::Go
    }

    fn push_frame(&mut self, name: &str, at: usize) {
        if self.frames.len() == self.active {
            self.frames.push(Frame::default());
        }
        let f = &mut self.frames[self.active];
        f.name.clear();
        f.name.push_str(cut_str(name, 128));
        f.text.clear();
        f.text_len = 0;
        f.has_children = false;
        f.start = at;
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

    fn wants_text(&self) -> bool {
        self.active == self.depth && self.active > 0 && !self.frames[self.active - 1].has_children
    }

    fn text(&mut self, t: &str) {
        if self.active != self.depth || self.active == 0 {
            return;
        }
        let max = self.max();
        let top = &mut self.frames[self.active - 1];
        if top.has_children {
            return;
        }
        let owned;
        let t = if t.contains('\u{FEFF}') {
            owned = t.replace('\u{FEFF}', "");
            owned.as_str()
        } else {
            t
        };
        let t = if top.text_len == 0 { t.trim_start() } else { t };
        let cut = top.text_len > top.text.len();
        top.text_len += t.len();
        let room = max.saturating_sub(top.text.len());
        if room > 0 && !cut {
            top.text.push_str(cut_str(t, room));
        }
    }

    fn end(&mut self, after: usize) -> Step {
        self.close_element(false, after);
        if self.in_fragment_root() {
            self.last_end = after;
        }
        if self.depth == 0 {
            Step::Done
        } else {
            Step::Go
        }
    }

    /// The body was cut off: recover what was read.
    fn truncate(&mut self, why: &str) {
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
        let end = self.rec.text.len();
        while self.depth > 0 {
            self.close_element(true, end);
        }
        self.out.append(&mut self.held);
        for (_, d) in &mut self.out[before..] {
            d.cut = true;
            d.found.notes.push(note.clone());
            d.found.notes.append(&mut self.notes.clone());
        }
        self.notes.clear();
    }

    fn close_element(&mut self, truncated: bool, after: usize) {
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
            self.unit(i, truncated, after);
        } else if i > 0 {
            self.leaf(i);
        } else {
            // A root without children: `<Error/>`, `<Error>text</Error>`.
            let max = self.max();
            let f = &mut self.frames[0];
            if !f.text.trim().is_empty() {
                let mut d = Draft::new(Kind::Xml);
                let total = if f.text_len > f.text.len() {
                    f.text_len
                } else {
                    0
                };
                d.set(Field::Message, "Message", &f.text, total, max);
                f.draft = Some(d);
            }
            self.unit(0, truncated, after);
        }
    }

    /// A leaf element closed: it is a field of its parent.
    fn leaf(&mut self, i: usize) {
        let key_is_resource = self.root == Root::Response
            || (self.frames[i - 1].name == "Error"
                && self.frames[..i - 1]
                    .iter()
                    .any(|f| f.name == "DeleteResult"));
        let max = self.max();
        let (head, tail) = self.frames.split_at_mut(i);
        let (parent, leaf) = (&mut head[i - 1], &tail[0]);
        if parent.fields >= MAX_FIELDS {
            parent.dropped_fields += 1;
            return;
        }
        parent.fields += 1;
        let d = parent.draft.get_or_insert_with(|| Draft::new(Kind::Xml));
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
            ) => d.set(f, name, text, total, max),
            _ if name == "Key" && key_is_resource && d.found.resource.is_none() => {
                d.set(Field::Resource, name, text, total, max);
            }
            _ => {
                if name == "State" {
                    parent.state = Some(cut_str(text.trim(), 64).to_owned());
                }
                d.push_extra(name, text, total, max);
            }
        }
    }

    /// An element with children closed: is it an error?
    fn unit(&mut self, i: usize, truncated: bool, after: usize) {
        if i == 0 && !self.held.is_empty() {
            // The response closes: its IDs complete its jobs.
            let (rid, tid) = self.frames[0]
                .draft
                .as_ref()
                .map(|d| (d.found.request_id.clone(), d.found.trace_id.clone()))
                .unwrap_or_default();
            for (span, mut d) in std::mem::take(&mut self.held) {
                if d.found.request_id.is_none() {
                    d.found.request_id.clone_from(&rid);
                }
                if d.found.trace_id.is_none() {
                    d.found.trace_id.clone_from(&tid);
                }
                self.out.push((span, d));
            }
        }
        let partial = self.frames[i].name == "Error"
            && self.frames[..i].iter().any(|f| f.name == "DeleteResult");
        let root = self.root;
        let line = self.rec.line_at(self.frames[i].start);
        let f = &mut self.frames[i];
        let is_error = f.name == "Error";
        let in_response = root == Root::Response && (f.name == "Response" || i <= 3);
        if !is_error && !in_response {
            return;
        }
        let empty = f.draft.is_none();
        let mut d = f.draft.take().unwrap_or_else(|| Draft::new(Kind::Xml));
        let state = f.state.take();
        d.found.partial = partial;
        d.found.line = line;
        if f.dropped_fields > 0 {
            d.found.notes.push(format!(
                "{} more fields of <{}> were dropped",
                f.dropped_fields, f.name
            ));
        }
        let span = f.start..after;
        if !is_error {
            // CI jobs: failed, or an error code without any state.
            let failed = state
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case("failed"));
            let error_code = f.has_code && !d.success;
            if !(failed || (state.is_none() && error_code)) {
                return;
            }
            // Jobs are Cloud Infinite's.
            if state.is_some() || f.name == "JobsDetail" {
                d.evidence.add(Evidence::CI);
            }
        } else if d.success && d.found.code.is_none() && d.found.number.is_none() {
            return; // `<Error><Code>0</Code></Error>`: nothing went wrong
        }
        // A `<Response>` error document is Cloud Infinite's API's (COS
        // answers with `<Error>`).
        if root == Root::Response && i == 0 {
            d.evidence.add(Evidence::CI);
        }
        if empty && !truncated {
            d.found.notes.push(format!("<{}> was empty", f.name));
        }
        if i > 0 && root == Root::Response && self.held.len() < 256 {
            self.held.push((span, d));
        } else {
            self.out.push((span, d));
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Go,
    Done,
    StopBefore,
}

/// `at`, moved back to a character boundary of `s`.
fn boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The text of `part`, bytes of an event that a reader over `buf` read:
/// cut from `buf`, which is a `str` already, rather than checked again.
fn within<'a>(buf: &'a str, part: &'a [u8]) -> &'a str {
    let start = (part.as_ptr() as usize).wrapping_sub(buf.as_ptr() as usize);
    start
        .checked_add(part.len())
        .and_then(|end| buf.get(start..end))
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

#[cfg(test)]
mod tests {
    use super::super::tests::{errors, one};
    use crate::catalog::Provider;

    /// Documents and posts quote an error's fields without their root:
    /// COS's 403 troubleshooting page (tencentyun/intlcloud-documents,
    /// 访问 COS 时返回403错误码) in a block of its own, and
    /// github.com/tencentyun/cos-js-sdk-v5 issues 43 inside a sentence.
    #[test]
    fn fields_without_their_root() {
        let f = one(
            "当您访问 COS 出现如下信息时：\n```\n<Code>AccessDenied</Code>\n<Message>RequestTimeTooSkewed</Message>\n```\n",
        );
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.message.as_deref(), Some("RequestTimeTooSkewed"));
        assert_eq!(f.provider, Some(Provider::Cos));
        assert_eq!(f.line, 3);
        let f = one(
            "也同样返回403，<Code>SignatureDoesNotMatch</Code><Message>The Signature you specified is invalid.</Message>，把谷歌浏览器升级到最新的版本，又能正常使用",
        );
        assert_eq!(f.code.as_deref(), Some("SignatureDoesNotMatch"));
        assert_eq!(
            f.message.as_deref(),
            Some("The Signature you specified is invalid.")
        );
        // The fields just before the code are the fragment's too.
        let f = one(
            "<RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId>\n<Code>NoSuchKey</Code>",
        );
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
        // A code inside a whole body is that body's, read once.
        assert_eq!(
            errors("<Error><Code>NoSuchKey</Code></Error> <Code>NoSuchBucket</Code>").len(),
            2
        );
        assert_eq!(errors("<Error><Code>NoSuchKey</Code></Error>").len(), 1);
    }

    #[test]
    fn a_placeholder_tag_in_a_field_is_its_text() {
        // github.com/s3fs-fuse/s3fs-fuse issues 121
        let f = one(
            "<Error><Code>InvalidAccessKeyId</Code><AWSAccessKeyId><Access Key Removed></AWSAccessKeyId><RequestId>4B5850D76A21EDF2</RequestId></Error>",
        );
        assert_eq!(f.code.as_deref(), Some("InvalidAccessKeyId"));
        assert_eq!(f.request_id.as_deref(), Some("4B5850D76A21EDF2"));
        assert!(
            f.notes.iter().all(|n| !n.contains("truncated")),
            "{:?}",
            f.notes
        );
    }

    #[test]
    fn cos_body() {
        let e = errors(
            "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>NoSuchKey</Code>\n\t<Message>The specified key does not exist.</Message>\n\t<Resource>b-125.cos.ap-beijing.myqcloud.com/k</Resource>\n\t<RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId>\n\t<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAx</TraceId>\n</Error>\n",
        );
        assert_eq!(e.len(), 1);
        let f = &e[0].found;
        assert_eq!(f.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(
            f.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx")
        );
        assert_eq!(f.line, 2);
    }

    #[test]
    fn delete_result_per_key_errors() {
        let e = errors(
            "<DeleteResult><Deleted><Key>a</Key></Deleted><Error><Key>b</Key><Code>AccessDenied</Code><Message>m</Message></Error><Error><Key>c</Key><Code>NoSuchKey</Code></Error></DeleteResult>",
        );
        assert_eq!(e.len(), 2);
        assert!(e[0].found.partial);
        assert_eq!(e[1].found.resource.as_deref(), Some("c"));
    }

    #[test]
    fn ci_failed_job() {
        let e = errors(
            "<Response><JobsDetail><Code>InvalidParam</Code><Message>bad</Message><State>Failed</State></JobsDetail><RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYy</RequestId></Response>",
        );
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].found.request_id.as_deref(),
            Some("NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYy")
        );
        let ok = errors(
            "<Response><JobsDetail><Code>Success</Code><State>Success</State></JobsDetail></Response>",
        );
        assert!(ok.is_empty());
    }

    #[test]
    fn a_go_message_naming_the_element_is_no_body() {
        // rclone against a proxy's page: the root is named, not sent.
        let e = errors("Failed to copy: expected element type <Error> but have <html>");
        assert!(e.iter().all(|d| d.found.code.is_none()), "{e:?}");
        assert!(
            e.iter()
                .all(|d| !d.found.notes.iter().any(|n| n.contains("truncated"))),
            "{e:?}"
        );
    }

    #[test]
    fn truncated_body_keeps_what_was_read() {
        let e = errors("<Error><Code>SlowDown</Code><Message>Please");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].found.code.as_deref(), Some("SlowDown"));
        assert!(
            e[0].found.notes[0].starts_with("truncated XML"),
            "{:?}",
            e[0].found.notes
        );
    }
}
