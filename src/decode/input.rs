//! The byte source under the scanner: reads the input in chunks into one
//! bounded buffer, strips a UTF-8 byte order mark, and transcodes UTF-16
//! (with a BOM, or recognised by its NUL pattern) to UTF-8 on the fly.
//!
//! The buffer never grows past [`CAPACITY`]: the scanner consumes a line,
//! or a [`SEGMENT`]-sized piece of a longer one, before asking for more.
//! UTF-8 validity is not checked here but per line by the scanner, and only
//! for the lines it parses: skipped lines cost no validation.

use std::io::{self, Read};

/// The longest piece of a line the scanner handles at once. Longer lines
/// are cut into segments of at most this size.
pub const SEGMENT: usize = super::record::MAX_BYTES;
/// Read size.
const CHUNK: usize = 64 * 1024;
/// Buffer size: a full segment plus room for one more read.
pub const CAPACITY: usize = SEGMENT + CHUNK;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
}

pub struct Source<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// Absolute offset (in the UTF-8 stream) of `buf[start]`.
    offset: u64,
    eof: bool,
    started: bool,
    encoding: Encoding,
    /// How the encoding was chosen, for the summary.
    pub encoding_note: Option<String>,
    /// Raw bytes read, before transcoding.
    pub bytes_read: u64,
    /// UTF-16 state: a byte left over from the previous read, and a high
    /// surrogate waiting for its pair.
    odd_byte: Option<u8>,
    high_surrogate: Option<u16>,
    pub bad_utf16: u64,
    raw: Vec<u8>,
}

impl<R: Read> Source<R> {
    pub fn new(inner: R) -> Self {
        Source::with_buffer(inner, Vec::new())
    }

    /// A source that reads into `buf` (whatever it holds), grown to
    /// [`CAPACITY`] if need be: a thread that decodes one chunk after
    /// another reuses one buffer rather than zeroing a new one each time.
    /// A longer buffer is kept whole; reads use its first `CAPACITY` bytes.
    pub fn with_buffer(inner: R, mut buf: Vec<u8>) -> Self {
        if buf.len() < CAPACITY {
            buf.resize(CAPACITY, 0);
        }
        Source {
            inner,
            buf,
            start: 0,
            end: 0,
            offset: 0,
            eof: false,
            started: false,
            encoding: Encoding::Utf8,
            encoding_note: None,
            bytes_read: 0,
            odd_byte: None,
            high_surrogate: None,
            bad_utf16: 0,
            raw: Vec::new(),
        }
    }

    /// The unconsumed bytes.
    pub fn data(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    pub fn at_eof(&self) -> bool {
        self.eof
    }

    pub fn consume(&mut self, n: usize) {
        let n = n.min(self.end - self.start);
        self.start += n;
        self.offset += n as u64;
    }

    /// Reads more input. Returns `Ok(false)` when nothing more will come
    /// (end of input) or the buffer is full; retries on `Interrupted`.
    pub fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end + 4 > CAPACITY {
            return Ok(false);
        }
        let before = self.end;
        loop {
            let got = match self.encoding {
                Encoding::Utf8 if self.started => {
                    let room = (CAPACITY - self.end).min(CHUNK);
                    let n = read_retry(&mut self.inner, &mut self.buf[self.end..self.end + room])?;
                    self.end += n;
                    n
                }
                _ => self.read_raw()?,
            };
            if got == 0 {
                self.eof = true;
                if !self.started {
                    self.started = true;
                    self.sniff();
                }
                return Ok(self.flush_utf16() || self.end > before);
            }
            self.bytes_read += got as u64;
            if !self.started {
                // A byte order mark needs 4 bytes and the UTF-16 guess 16,
                // however the input trickles in (no error fits in fewer).
                if self.end - self.start < SNIFF_MIN {
                    continue;
                }
                self.started = true;
                self.sniff();
            }
            if self.end > before {
                return Ok(true);
            }
        }
    }

    /// Reads raw bytes: for UTF-16, and for the first read of all (which is
    /// sniffed for a BOM before it is decided how to store it).
    fn read_raw(&mut self) -> io::Result<usize> {
        // A UTF-16 read expands up to 1.5x in UTF-8 (3 bytes per 2).
        let room = (CAPACITY - self.end) / 3 * 2;
        let want = room.clamp(2, CHUNK);
        self.raw.resize(want, 0);
        let n = read_retry(&mut self.inner, &mut self.raw[..want])?;
        if n == 0 {
            return Ok(0);
        }
        if !self.started {
            // Stash as-is; `sniff` decides.
            self.buf[self.end..self.end + n].copy_from_slice(&self.raw[..n]);
            self.end += n;
            return Ok(n);
        }
        let raw = std::mem::take(&mut self.raw);
        self.push_utf16(&raw[..n]);
        self.raw = raw;
        Ok(n)
    }

    /// Looks at the first bytes read: a BOM, or the NUL pattern of
    /// BOM-less UTF-16 text.
    fn sniff(&mut self) {
        let (enc, skip, note) = sniff(&self.buf[self.start..self.end]);
        self.encoding = enc;
        self.encoding_note = note.map(str::to_owned);
        if enc == Encoding::Utf8 {
            self.start += skip;
            return;
        }
        let raw: Vec<u8> = self.buf[self.start + skip..self.end].to_vec();
        self.end = self.start;
        self.push_utf16(&raw);
    }

    fn push_utf16(&mut self, mut raw: &[u8]) {
        if let Some(b) = self.odd_byte.take() {
            if raw.is_empty() {
                self.odd_byte = Some(b);
                return;
            }
            let first = [b, raw[0]];
            raw = &raw[1..];
            self.push_unit(first);
        }
        let mut chunks = raw.chunks_exact(2);
        for c in &mut chunks {
            self.push_unit([c[0], c[1]]);
        }
        if let [b] = chunks.remainder() {
            self.odd_byte = Some(*b);
        }
    }

    fn push_unit(&mut self, pair: [u8; 2]) {
        let u = match self.encoding {
            Encoding::Utf16Be => u16::from_be_bytes(pair),
            _ => u16::from_le_bytes(pair),
        };
        let c = match (self.high_surrogate.take(), u) {
            (None, 0xD800..=0xDBFF) => {
                self.high_surrogate = Some(u);
                return;
            }
            (Some(h), 0xDC00..=0xDFFF) => {
                let v = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(u) - 0xDC00);
                char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            (Some(_), _) => {
                // A lone high surrogate, then this unit on its own.
                self.bad_utf16 += 1;
                self.put_char(char::REPLACEMENT_CHARACTER);
                return self.push_unit(pair);
            }
            (None, 0xDC00..=0xDFFF) => {
                self.bad_utf16 += 1;
                char::REPLACEMENT_CHARACTER
            }
            (None, _) => char::from_u32(u32::from(u)).unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        self.put_char(c);
    }

    fn put_char(&mut self, c: char) {
        let mut tmp = [0u8; 4];
        let s = c.encode_utf8(&mut tmp);
        // `read_raw` sized the read so that this always fits.
        if self.end + s.len() <= self.buf.len() {
            self.buf[self.end..self.end + s.len()].copy_from_slice(s.as_bytes());
            self.end += s.len();
        }
    }

    /// At end of input: a dangling UTF-16 byte or surrogate becomes U+FFFD.
    fn flush_utf16(&mut self) -> bool {
        let mut any = false;
        if self.odd_byte.take().is_some() || self.high_surrogate.take().is_some() {
            self.bad_utf16 += 1;
            self.put_char(char::REPLACEMENT_CHARACTER);
            any = true;
        }
        any
    }
}

/// What the first bytes of an input say of its encoding: the encoding,
/// the length of its byte order mark, and a note when it is UTF-16.
pub fn sniff(head: &[u8]) -> (Encoding, usize, Option<&'static str>) {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        (Encoding::Utf8, 3, None)
    } else if head.starts_with(&[0xFF, 0xFE]) {
        (
            Encoding::Utf16Le,
            2,
            Some("input is UTF-16LE (byte order mark); decoded"),
        )
    } else if head.starts_with(&[0xFE, 0xFF]) {
        (
            Encoding::Utf16Be,
            2,
            Some("input is UTF-16BE (byte order mark); decoded"),
        )
    } else {
        match guess_utf16(head) {
            Some(Encoding::Utf16Le) => (
                Encoding::Utf16Le,
                0,
                Some("input looks like UTF-16LE without a byte order mark; decoded as such"),
            ),
            Some(Encoding::Utf16Be) => (
                Encoding::Utf16Be,
                0,
                Some("input looks like UTF-16BE without a byte order mark; decoded as such"),
            ),
            _ => (Encoding::Utf8, 0, None),
        }
    }
}

/// How many bytes a source reads before it sniffs (unless the input is
/// shorter), and all that [`sniff`] looks at: the decision must not
/// depend on how much the first read happened to bring.
pub const SNIFF_MIN: usize = 16;

/// One read, retried while it is interrupted.
pub fn read_retry<R: Read>(r: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// UTF-16 without a BOM: ASCII text has a NUL in every other byte. Guess
/// only on a clear pattern over the first [`SNIFF_MIN`] bytes: over what
/// the first read brought, the guess for one input changed with the size
/// of that read (found by fuzzing).
fn guess_utf16(head: &[u8]) -> Option<Encoding> {
    if head.len() < SNIFF_MIN {
        return None;
    }
    let n = SNIFF_MIN;
    let (mut even0, mut odd0) = (0usize, 0usize);
    for (i, &b) in head[..n].iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even0 += 1;
            } else {
                odd0 += 1;
            }
        }
    }
    let half = n / 2;
    if odd0 * 10 >= half * 7 && even0 * 10 <= half {
        Some(Encoding::Utf16Le)
    } else if even0 * 10 >= half * 7 && odd0 * 10 <= half {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(input: &[u8]) -> (Vec<u8>, Source<&[u8]>) {
        drain_from(Source::new(input))
    }

    fn drain_from<R: Read>(mut s: Source<R>) -> (Vec<u8>, Source<R>) {
        let mut out = Vec::new();
        while s.fill().unwrap() || !s.data().is_empty() {
            out.extend_from_slice(s.data());
            let n = s.data().len();
            s.consume(n);
            if s.at_eof() && s.data().is_empty() {
                break;
            }
        }
        (out, s)
    }

    fn utf16(s: &str, be: bool, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        if bom {
            v.extend_from_slice(if be { &[0xFE, 0xFF] } else { &[0xFF, 0xFE] });
        }
        for u in s.encode_utf16() {
            v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        v
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let (out, s) = drain(b"\xEF\xBB\xBF<Error/>\n");
        assert_eq!(out, b"<Error/>\n");
        assert_eq!(s.bytes_read, 12);
        assert_eq!(s.encoding_note, None);
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let text = "<Error><Code>NoSuchKey</Code><Message>键不存在 😀</Message></Error>\r\n";
        for be in [false, true] {
            let bytes = utf16(text, be, true);
            let (out, s) = drain(&bytes);
            assert_eq!(String::from_utf8(out).unwrap(), text);
            assert!(s.encoding_note.unwrap().contains("UTF-16"));
        }
    }

    #[test]
    fn utf16_without_bom_is_guessed() {
        let text = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>";
        let (out, _) = drain(&utf16(text, false, false));
        assert_eq!(String::from_utf8(out).unwrap(), text);
        let (out, _) = drain(&utf16(text, true, false));
        assert_eq!(String::from_utf8(out).unwrap(), text);
    }

    #[test]
    fn utf16_large_input_crosses_reads() {
        // Odd byte and surrogate pairs split across 64 KiB reads.
        let text = format!("x{}", "😀a".repeat(100_000));
        let bytes = utf16(&text, false, true);
        let (out, s) = drain(&bytes);
        assert_eq!(String::from_utf8(out).unwrap(), text);
        assert_eq!(s.bad_utf16, 0);
    }

    #[test]
    fn broken_utf16_is_replaced() {
        let mut v = utf16("ab", false, true);
        v.extend_from_slice(&0xD800u16.to_le_bytes()); // lone high surrogate
        v.extend_from_slice(&utf16("c", false, false));
        v.push(b'x'); // odd trailing byte
        let (out, s) = drain(&v);
        assert_eq!(String::from_utf8(out).unwrap(), "ab\u{FFFD}c\u{FFFD}");
        assert_eq!(s.bad_utf16, 2);
    }

    /// A reader that returns one byte per read.
    struct Drip<'a>(&'a [u8]);

    impl Read for Drip<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.split_first() {
                Some((b, rest)) if !buf.is_empty() => {
                    buf[0] = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn bom_found_when_input_trickles() {
        let bytes = utf16("<Error/>", false, true);
        let mut s = Source::new(Drip(&bytes));
        let mut out = Vec::new();
        while s.fill().unwrap() {
            out.extend_from_slice(s.data());
            let n = s.data().len();
            s.consume(n);
        }
        out.extend_from_slice(s.data());
        assert_eq!(out, b"<Error/>");
        let mut s = Source::new(Drip(b"\xEF\xBB\xBFabcdefghijklmnopq"));
        assert!(s.fill().unwrap());
        assert_eq!(s.data(), b"abcdefghijklm");
        let mut s = Source::new(Drip(b"ab"));
        assert!(s.fill().unwrap());
        assert_eq!(s.data(), b"ab");
    }

    #[test]
    fn the_utf16_guess_looks_at_the_first_sniffed_bytes_only() {
        // NULs at odd offsets in the first 16 bytes: UTF-16LE, whatever
        // follows; fewer there: not, whatever follows.
        let le = b"<\x00E\x00r\x00r\x00o\x00r\x00>\x00<\x00";
        let mixed = b"6\x009\x8d\x85\xff\xff\x00\n\x00A\x02\x00\x00x\x00>\x00 \x00 \x00";
        for tail in [
            &b""[..],
            b"abcdefghijklmnop",
            &[0u8; 64],
            &b"x\x00".repeat(500),
        ] {
            let with = |head: &[u8]| [head, tail].concat();
            assert_eq!(sniff(&with(le)).0, Encoding::Utf16Le);
            assert_eq!(sniff(&with(mixed)).0, Encoding::Utf8);
            assert_eq!(sniff(&with(&le[..SNIFF_MIN])).0, Encoding::Utf16Le);
        }
        assert_eq!(
            sniff(&le[..SNIFF_MIN - 2]).0,
            Encoding::Utf8,
            "too short to tell"
        );
        // However the bytes come in, the source decides the same.
        let mut input = mixed.to_vec();
        input.extend_from_slice(b"<Error/>\n");
        let (whole, s) = drain(&input);
        let (trickled, t) = drain_from(Source::new(Drip(&input)));
        assert_eq!(trickled, whole);
        assert_eq!(t.encoding_note, s.encoding_note);
    }

    #[test]
    fn plain_bytes_pass_through() {
        let data: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
        let (out, _) = drain(&data);
        assert_eq!(out, data);
    }
}
