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
pub const SEGMENT: usize = 256 * 1024;
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

    /// A source that goes on with a UTF-8 stream from its middle: what
    /// the stream's first bytes decided (no UTF-16, a BOM skipped) stands,
    /// and a BOM-like sequence here is text. The first `filled` bytes of
    /// `buf` are the stream's from `offset` on, read already (a chunk is
    /// scanned where it was read, not copied); `inner` gives what follows.
    pub fn resume(inner: R, offset: u64, buf: Vec<u8>, filled: usize) -> Self {
        let mut s = Source::with_buffer(inner, buf);
        s.started = true;
        s.offset = offset;
        s.end = filled.min(s.buf.len());
        s.bytes_read = s.end as u64;
        s
    }

    /// The buffer, for another source.
    pub fn into_buffer(self) -> Vec<u8> {
        self.buf
    }

    /// The unconsumed bytes.
    pub fn data(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// Absolute offset of `data()[0]`.
    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The reader underneath.
    pub fn inner(&self) -> &R {
        &self.inner
    }

    /// The reader underneath.
    pub fn inner_mut(&mut self) -> &mut R {
        &mut self.inner
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

/// How many bytes are read for [`sniff`] where the whole start of the
/// input is at hand (it looks at the first [`SNIFF_MIN`] of them).
pub const SNIFFED: usize = 1024;
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

/// The bytes of a UTF-8 input that are not text, counted exactly over all
/// of it: what decoding it replaces or drops. The scanner only looks at
/// the lines it reads, and counts invalid UTF-8 by line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Damage {
    /// Whether the input was counted: UTF-16 is transcoded, not counted.
    pub counted: bool,
    /// Invalid UTF-8 sequences, each of which lossy decoding replaces with
    /// one U+FFFD (`String::from_utf8_lossy` does the same).
    pub invalid_utf8: u64,
    /// The line of the first of them (1-based; 0 when there is none).
    pub first_invalid_line: u64,
    pub nuls: u64,
    /// The line of the first NUL (1-based; 0 when there is none).
    pub first_nul_line: u64,
}

/// Counts [`Damage`] as an input's bytes go by, however they are split.
#[derive(Clone, Debug, Default)]
pub struct DamageCounter {
    damage: Damage,
    /// Line ends before the bytes being counted; kept only until the
    /// first of each kind of damage has its line.
    newlines: u64,
    /// The start of a UTF-8 sequence the end of the last bytes cut.
    carry: Vec<u8>,
    /// The first bytes, until there are enough to tell UTF-16 (as
    /// [`Source`] tells it); `None` once told.
    head: Option<Vec<u8>>,
}

impl DamageCounter {
    pub fn new() -> DamageCounter {
        DamageCounter {
            head: Some(Vec::new()),
            ..DamageCounter::default()
        }
    }

    /// Counts the next bytes of the input.
    pub fn feed(&mut self, bytes: &[u8]) {
        if let Some(head) = &mut self.head {
            head.extend_from_slice(bytes);
            if head.len() >= SNIFF_MIN {
                self.decide();
            }
            return;
        }
        if self.damage.counted {
            self.count(bytes);
        }
    }

    /// Tells UTF-8 from UTF-16 on the bytes held, and counts them.
    fn decide(&mut self) {
        let Some(head) = self.head.take() else {
            return;
        };
        self.damage.counted = sniff(&head).0 == Encoding::Utf8;
        if self.damage.counted {
            self.count(&head);
        }
    }

    /// The damage of everything fed, as at the end of the input (where a
    /// cut sequence is one more invalid one).
    pub fn damage(&self) -> Damage {
        let mut end = self.clone();
        end.decide();
        if end.damage.counted && !end.carry.is_empty() {
            let line = end.newlines + 1;
            end.invalid_at(line);
        }
        end.damage
    }

    fn invalid_at(&mut self, line: u64) {
        self.damage.invalid_utf8 += 1;
        if self.damage.first_invalid_line == 0 {
            self.damage.first_invalid_line = line;
        }
    }

    /// The line of `data[at]`.
    fn line_of(&self, data: &[u8], at: usize) -> u64 {
        self.newlines + memchr::memchr_iter(b'\n', &data[..at]).count() as u64 + 1
    }

    fn count(&mut self, data: &[u8]) {
        if let Some(at) = memchr::memchr(0, data) {
            if self.damage.first_nul_line == 0 {
                self.damage.first_nul_line = self.line_of(data, at);
            }
            self.damage.nuls += memchr::memchr_iter(0, &data[at..]).count() as u64;
        }
        let mut from = 0;
        // A sequence the last bytes cut: complete it with up to three of
        // these (no sequence is longer than four), then go on from there.
        while !self.carry.is_empty() && from < data.len() {
            let take = (4 - self.carry.len()).min(data.len() - from);
            let mut joined = std::mem::take(&mut self.carry);
            let carried = joined.len();
            joined.extend_from_slice(&data[from..from + take]);
            match std::str::from_utf8(&joined) {
                Ok(_) => from += take,
                Err(e) if e.valid_up_to() > 0 => from += e.valid_up_to() - carried,
                Err(e) => match e.error_len() {
                    // Still cut: these bytes are all there is.
                    None => {
                        self.carry = joined;
                        from += take;
                    }
                    Some(n) => {
                        let line = self.newlines + 1;
                        self.invalid_at(line);
                        if n < carried {
                            self.carry = joined[n..carried].to_vec();
                        } else {
                            from += n - carried;
                        }
                    }
                },
            }
        }
        let mut at = from;
        while at < data.len() {
            match std::str::from_utf8(&data[at..]) {
                Ok(_) => break,
                Err(e) => {
                    let bad = at + e.valid_up_to();
                    match e.error_len() {
                        Some(n) => {
                            // The line only matters for the first.
                            let line = if self.damage.first_invalid_line == 0 {
                                self.line_of(data, bad)
                            } else {
                                0
                            };
                            self.invalid_at(line);
                            at = bad + n;
                        }
                        None => {
                            self.carry = data[bad..].to_vec();
                            break;
                        }
                    }
                }
            }
        }
        if self.damage.first_invalid_line == 0 || self.damage.first_nul_line == 0 {
            self.newlines += memchr::memchr_iter(b'\n', data).count() as u64;
        }
    }
}

/// A reader that counts the [`Damage`] of what is read through it.
pub struct Counted<R> {
    inner: R,
    counter: DamageCounter,
}

impl<R> Counted<R> {
    pub fn new(inner: R) -> Counted<R> {
        Counted {
            inner,
            counter: DamageCounter::new(),
        }
    }

    /// The damage of what was read, as at the end of the input.
    pub fn damage(&self) -> Damage {
        self.counter.damage()
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.feed(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the whole input holds, counted the plain way.
    fn damage_of(bytes: &[u8]) -> Damage {
        if sniff(bytes).0 != Encoding::Utf8 {
            return Damage::default();
        }
        let line = |at: usize| bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let mut at = 0;
        let mut invalid = Vec::new();
        for chunk in bytes.utf8_chunks() {
            at += chunk.valid().len();
            if !chunk.invalid().is_empty() {
                invalid.push(at);
            }
            at += chunk.invalid().len();
        }
        let nul = bytes.iter().position(|&b| b == 0);
        Damage {
            counted: true,
            invalid_utf8: invalid.len() as u64,
            first_invalid_line: invalid.first().map_or(0, |&a| line(a)),
            nuls: bytes.iter().filter(|&&b| b == 0).count() as u64,
            first_nul_line: nul.map_or(0, line),
        }
    }

    fn counted_in(pieces: &[&[u8]]) -> Damage {
        let mut counter = DamageCounter::new();
        for p in pieces {
            counter.feed(p);
        }
        counter.damage()
    }

    /// Every way of cutting an input in two, and in pieces of one to
    /// seven bytes, counts what the whole input holds.
    #[test]
    fn damage_is_counted_exactly_however_the_input_is_cut() {
        let mut inputs: Vec<Vec<u8>> = vec![
            b"clean text, nothing to count\n".to_vec(),
            b"caf\xe9 \xff\xfe\nline two \xc3\x28\n\0\0x\n".to_vec(),
            "中文 ünïcödé 😀 and text long enough to be sniffed\n"
                .as_bytes()
                .to_vec(),
            b"cut at the end \xe4\xb8".to_vec(),
            b"\xf0\x9f\x98 three of four, then \xf0\x9f\x98\x80 all four\n".to_vec(),
            b"\xed\xa0\x80 a surrogate; \xf4\x90\x80\x80 past U+10FFFF; \xc0\xaf overlong\n"
                .to_vec(),
            b"\xef\xbb\xbfBOM then \x80\x80\x80 lone continuations".to_vec(),
            b"\xff".to_vec(),
            Vec::new(),
        ];
        // Pseudo-random bytes, mostly text.
        let mut x = 0x2545_f491_4f6c_dd1du64;
        inputs.push(
            (0..600)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    match x % 8 {
                        0 => (x >> 8) as u8,
                        1 => [0xe4, 0xb8, 0xad, b'\n', 0][(x >> 8) as usize % 5],
                        _ => b'a' + (x >> 8) as u8 % 26,
                    }
                })
                .collect(),
        );
        for input in &inputs {
            let want = damage_of(input);
            assert_eq!(counted_in(&[input]), want, "{input:?}");
            for cut in 0..=input.len() {
                let (a, b) = input.split_at(cut);
                assert_eq!(counted_in(&[a, b]), want, "cut at {cut}: {input:?}");
            }
            for size in 1..=7 {
                let pieces: Vec<&[u8]> = input.chunks(size).collect();
                assert_eq!(counted_in(&pieces), want, "pieces of {size}: {input:?}");
            }
        }
        let mixed = damage_of(b"caf\xe9 \xff\xfe\nline two \xc3\x28\n\0\0x\n");
        assert_eq!(
            (
                mixed.invalid_utf8,
                mixed.first_invalid_line,
                mixed.nuls,
                mixed.first_nul_line
            ),
            (4, 1, 2, 3)
        );
    }

    #[test]
    fn utf16_is_not_counted() {
        let text = "<Error><Code>NoSuchKey</Code></Error>\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(counted_in(&[&le]), Damage::default());
        let mut bom = vec![0xff, 0xfe];
        bom.extend_from_slice(&le);
        assert_eq!(counted_in(&[&bom[..3], &bom[3..]]), Damage::default());
    }

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
    fn a_used_buffer_reads_as_a_new_one() {
        let text = "<Error><Code>NoSuchKey</Code><Message>键不存在 😀</Message></Error>\r\n";
        let plain: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
        let inputs = [
            b"\xEF\xBB\xBF<Error/>\n".to_vec(),
            utf16(text, false, true),
            utf16(text, true, true),
            utf16(text, false, false),
            utf16(&text.repeat(5_000), true, false),
            plain.clone(),
        ];
        // Buffers left full of other bytes: by another input, or made so
        // (longer than a source's, and all 0xFF).
        let mut used = drain(&plain).1.into_buffer();
        let odd = vec![0xFF; CAPACITY + 100];
        for input in &inputs {
            let (want, fresh) = drain(input);
            for buf in [used.clone(), odd.clone()] {
                let (got, s) = drain_from(Source::with_buffer(input.as_slice(), buf));
                assert_eq!(got, want);
                assert_eq!(s.bytes_read, fresh.bytes_read);
                assert_eq!(s.bad_utf16, fresh.bad_utf16);
                assert_eq!(s.encoding_note, fresh.encoding_note);
            }
            used = fresh.into_buffer();
        }
        let (got, _) = drain_from(Source::resume(&b"\xEF\xBB\xBFab"[..], 7, odd, 0));
        assert_eq!(
            got, b"\xEF\xBB\xBFab",
            "a resumed source keeps a BOM-like start"
        );
    }

    /// A resumed source serves the bytes its buffer was handed first, then
    /// its reader's, and counts both as read; the buffer may be longer
    /// than a source's and filled past [`CAPACITY`].
    #[test]
    fn a_resumed_source_starts_with_the_bytes_handed_over() {
        let rest = b"\xEF\xBB\xBFtail\n".as_slice();
        for filled in [0, 5, CAPACITY + 100] {
            let mut buf: Vec<u8> = (0..filled).map(|i| b'a' + (i % 26) as u8).collect();
            let held = buf.clone();
            buf.extend_from_slice(&[0xFF; 64]);
            let s = Source::resume(rest, 1000, buf, filled);
            assert_eq!(s.offset(), 1000);
            assert_eq!(s.data(), held);
            let (got, s) = drain_from(s);
            assert_eq!(got, [held.as_slice(), rest].concat(), "filled {filled}");
            assert_eq!(s.bytes_read, (filled + rest.len()) as u64);
        }
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
