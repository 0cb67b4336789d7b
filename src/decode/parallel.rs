//! Decoding one file on several threads, with the output of one.
//!
//! The file is cut into chunks of about [`CHUNK`] bytes, each starting at
//! a line start, preferably one that starts a record (`<?xml`, `<Error`, a
//! log timestamp). A thread takes the next chunk, counts its line ends (so
//! that every chunk knows the number of its first line once those before
//! it are counted), reads what a scan would know of the lines before it
//! (`Resume::at`: the previous line and the log's clock) and decodes the
//! chunk with a scan started there.
//!
//! At the chunk's end the scan pauses and checks whether it is exactly
//! where a scan started at the next chunk begins (`Scanner::is_at`:
//! nothing open, the same line, previous line and clock). If so, the next
//! chunk's output is what this scan would have printed, and it stops.
//! Otherwise (a body or an HTTP exchange runs across the boundary) it
//! reads on through the next chunk, whose own output is thrown away, and
//! checks again at the end of that one. The output is therefore the
//! one-thread output byte for byte, however the file is cut; a test
//! decodes the corpus cut every few bytes, and the `parallel` fuzz target
//! any input, to hold it to that. While the
//! scan being written reads on like that, the other threads wait rather
//! than decode chunks that are likely to be thrown away.
//!
//! Errors are rendered on the thread that found them, into parts of about
//! `PART` bytes that reach the calling thread in input order. The chunk
//! being written queues at most `QUEUED` bytes, and the chunks after it
//! as much again together, before their threads wait: memory stays
//! bounded whatever the file holds.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use super::input::{self, Encoding, Source};
use super::scan::{Counts, Resume, Scanner, log_timestamp};
use super::{Found, Options, Summary};

/// The size chunks are cut at (then moved to a line start).
pub const CHUNK: u64 = 256 * 1024;
/// Output handed over at a time.
const PART: usize = 64 * 1024;
/// A part's allocation: room for the error that takes it past [`PART`].
const PART_CAPACITY: usize = PART + 4096;
/// Output queued by the chunk being written, and by those after it.
const QUEUED: usize = 1024 * 1024;
/// Output of the chunk being written that wakes the writer when it waits.
/// Handing over each part woke it (and the thread that waited for it to
/// drain) once per part: 15,700 context switches on 200 MB.
const WAKE_WRITER: usize = 256 * 1024;
/// Written parts kept for the workers to fill again (as many as may be
/// queued at once, and only those of [`PART_CAPACITY`]: one grown by a
/// huge error is let go): a new part each time had its pages faulted in
/// (and zeroed by the kernel) again.
const SPARE_PARTS: usize = 2 * QUEUED / PART;
/// How far back from a chunk's start its scan looks for the lines before.
const LOOK_BACK: u64 = 16 * 1024;
/// How far into a chunk a record start is looked for.
const RECORD_REACH: u64 = 16 * 1024;
/// A chunk read at once to count its lines, and decoded from memory.
const HELD: usize = 2 * CHUNK as usize;
/// Read size where a chunk is not held.
const READ: usize = 64 * 1024;

/// How to cut the file: on how many threads, in chunks of what size.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Decoding threads (the calling thread only writes); fewer than 2
    /// decodes on the calling thread.
    pub threads: usize,
    /// Bytes per chunk, before its start moves to a line start.
    pub chunk: u64,
}

type Render<'a> = &'a (dyn Fn(Found, &mut Vec<u8>) -> io::Result<()> + Sync);

/// Decodes the regular file at `path` on `plan.threads` threads. `render`
/// turns an error into output (it runs on the decoding threads); `emit`
/// gets that output on the calling thread, in input order, in parts.
///
/// What `emit` is given and the summary are those of a one-thread
/// [`super::decode`] that renders each error in turn. An input in UTF-16
/// is decoded on one thread. An error of `emit` stops decoding and is
/// returned as is; so is a read error.
pub fn decode_file(
    path: &Path,
    options: &Options,
    plan: Plan,
    render: Render<'_>,
    emit: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<Summary> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let mut head = Vec::with_capacity(input::SNIFFED);
    (&mut file)
        .take(input::SNIFFED as u64)
        .read_to_end(&mut head)?;
    file.seek(SeekFrom::Start(0))?;
    let chunk = plan.chunk.max(1);
    if plan.threads < 2 || len <= chunk || input::sniff(&head).0 != Encoding::Utf8 {
        return one_thread(file, options, render, emit);
    }
    let chunks = usize::try_from(len.div_ceil(chunk)).unwrap_or(usize::MAX);
    let shared = Shared {
        state: Mutex::new(State {
            chunks,
            next: 0,
            head: 0,
            passed: 0,
            reading_on: false,
            counted: BTreeMap::new(),
            known: 0,
            known_lines: 0,
            first_lines: HashMap::new(),
            queues: HashMap::new(),
            ahead: 0,
            spare: Vec::new(),
            writer_waits: false,
            workers_waiting: 0,
            head_drains: false,
            stop: false,
            died: false,
            failed: None,
        }),
        writer: Condvar::new(),
        workers: Condvar::new(),
    };
    // Each thread reads through handles of its own. Where no more can be
    // opened (out of descriptors; the path gone since), fewer threads do
    // the work, and with none the file is decoded on this one.
    let mut files = Vec::with_capacity(plan.threads);
    for _ in 0..plan.threads {
        match (File::open(path), File::open(path)) {
            (Ok(data), Ok(probe)) => files.push((data, probe)),
            _ => break,
        }
    }
    let decoded = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .into_iter()
            .filter_map(|(data, probe)| {
                let w = Worker {
                    shared: &shared,
                    options,
                    render,
                    data,
                    probe: Probe { file: probe, chunk },
                    held: Vec::new(),
                    held_len: 0,
                    buffer: Vec::new(),
                };
                // Where no thread can be made, the others do the work.
                std::thread::Builder::new()
                    .spawn_scoped(scope, move || w.run())
                    .ok()
            })
            .collect();
        if workers.is_empty() {
            return None;
        }
        let written = write_in_order(&shared, emit);
        shared.lock().stop = true;
        shared.workers.notify_all();
        for w in workers {
            if let Err(panic) = w.join() {
                std::panic::resume_unwind(panic);
            }
        }
        Some(written.map(Counts::summary))
    });
    match decoded {
        Some(decoded) => decoded,
        None => one_thread(file, options, render, emit),
    }
}

/// The one-thread decode, rendering as the threads would.
fn one_thread(
    file: File,
    options: &Options,
    render: Render<'_>,
    emit: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<Summary> {
    let mut part = Vec::new();
    let summary = super::decode(file, options, &mut |f| {
        render(f, &mut part)?;
        if part.len() >= PART {
            emit(&part)?;
            part.clear();
        }
        Ok(())
    })?;
    if !part.is_empty() {
        emit(&part)?;
    }
    Ok(summary)
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the writer: output or an end for the chunk being written.
    writer: Condvar,
    /// Wakes the workers: the writer moved on or drained, lines were
    /// counted, or everything stops.
    workers: Condvar,
}

impl Shared {
    /// The state. A thread that panicked holding it left it consistent
    /// (every change is a few assignments), and `died` says it is gone.
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for output or an end of the chunk being written.
    fn wait_writer<'g>(&self, mut guard: MutexGuard<'g, State>) -> MutexGuard<'g, State> {
        guard.writer_waits = true;
        let mut guard = self
            .writer
            .wait(guard)
            .unwrap_or_else(PoisonError::into_inner);
        guard.writer_waits = false;
        guard
    }

    /// Waits for the state to change; `draining`: for the chunk being
    /// written to drain below half of [`QUEUED`].
    fn wait_worker<'g>(
        &self,
        mut guard: MutexGuard<'g, State>,
        draining: bool,
    ) -> MutexGuard<'g, State> {
        guard.workers_waiting += 1;
        guard.head_drains |= draining;
        let mut guard = self
            .workers
            .wait(guard)
            .unwrap_or_else(PoisonError::into_inner);
        guard.workers_waiting -= 1;
        if draining {
            guard.head_drains = false;
        }
        guard
    }
}

struct State {
    chunks: usize,
    /// The next chunk to take.
    next: usize,
    /// The chunk being written; chunks before it are done or skipped.
    head: usize,
    /// The scan of `head` has read past the start of the chunks up to
    /// this one: they are skipped.
    passed: usize,
    /// The scan of `head` found the last chunk start it reached not where
    /// a fresh scan would be: chunks after it wait.
    reading_on: bool,
    /// Line ends per chunk, counted but not yet added to `known_lines`.
    counted: BTreeMap<usize, u64>,
    /// Chunks `0..known` are counted: they hold `known_lines` line ends.
    known: usize,
    known_lines: u64,
    /// The number of each counted chunk's first line, until taken.
    first_lines: HashMap<usize, u64>,
    /// Output of the chunks from `head` on.
    queues: HashMap<usize, Queue>,
    /// Bytes queued by chunks after `head`.
    ahead: usize,
    /// Written parts, emptied, for the workers to fill again.
    spare: Vec<Vec<u8>>,
    /// Who waits, so that nobody is woken (a system call each time) for
    /// nothing: the writer; workers; the worker of `head` for its queue to
    /// drain.
    writer_waits: bool,
    workers_waiting: usize,
    head_drains: bool,
    /// Writing stopped (done, failed, or a thread died): threads leave.
    stop: bool,
    died: bool,
    /// A read failed: decoding stops with this error. (Failing where a
    /// chunk's lines are counted, it leaves later chunks without a line
    /// number, so no read error is left to the chunk that met it.)
    failed: Option<io::Error>,
}

impl State {
    /// Whether chunk `k`'s output will not be written.
    fn unwanted(&self, k: usize) -> bool {
        self.stop || self.head > k || (k > self.head && k <= self.passed)
    }
}

#[derive(Default)]
struct Queue {
    parts: VecDeque<Vec<u8>>,
    bytes: usize,
    /// The chunk after the last one this chunk's scan read, and the counts.
    end: Option<(usize, Counts)>,
}

/// Writes the chunks' output in order; returns the counts of the chunks
/// written.
fn write_in_order(
    shared: &Shared,
    emit: &mut dyn FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<Counts> {
    let mut counts = Counts::default();
    let mut state = shared.lock();
    loop {
        if let Some(e) = state.failed.take() {
            return Err(e);
        }
        // A dead thread's panic is resumed when it is joined.
        if state.died || state.head >= state.chunks {
            return Ok(counts);
        }
        let head = state.head;
        let queue = state.queues.entry(head).or_default();
        if let Some(part) = queue.parts.pop_front() {
            queue.bytes -= part.len();
            let drained = queue.bytes <= QUEUED / 2;
            let wake = drained && state.head_drains;
            drop(state);
            if wake {
                shared.workers.notify_all();
            }
            emit(&part)?;
            state = shared.lock();
            keep_spare(&mut state.spare, part);
            continue;
        }
        match queue.end.take() {
            Some((next, c)) => {
                counts.add(c);
                state.queues.retain(|&k, _| k >= next);
                state.head = next;
                state.reading_on = false;
                state.ahead = state
                    .queues
                    .iter()
                    .filter(|&(&k, _)| k != next)
                    .map(|(_, q)| q.bytes)
                    .sum();
                if state.workers_waiting > 0 {
                    shared.workers.notify_all();
                }
            }
            None => state = shared.wait_writer(state),
        }
    }
}

/// Marks the state when a worker unwinds, so that nobody waits for it.
struct Alive<'a>(&'a Shared);

impl Drop for Alive<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let mut state = self.0.lock();
            state.died = true;
            state.stop = true;
            drop(state);
            self.0.writer.notify_all();
            self.0.workers.notify_all();
        }
    }
}

struct Worker<'a> {
    shared: &'a Shared,
    options: &'a Options,
    render: Render<'a>,
    /// The file, read by the scan.
    data: File,
    probe: Probe,
    /// The chunk being decoded, or its first [`HELD`] bytes; for a chunk
    /// after the first, also the buffer its scan reads on in.
    held: Vec<u8>,
    /// The bytes of `held` read for this chunk: the rest is left from
    /// earlier ones (a buffer cut to the chunk was zeroed again each time).
    held_len: usize,
    /// The first chunk's scan buffer. Buffers are kept from chunk to
    /// chunk: a new one each time was zeroed (320 KiB per chunk) and its
    /// pages faulted in again.
    buffer: Vec<u8>,
}

/// The file again, for chunk boundaries and the lines before them.
struct Probe {
    file: File,
    chunk: u64,
}

/// Why a chunk's scan gave nothing to write.
enum Stopped {
    /// An earlier chunk's scan reads through this one.
    Skipped,
    Failed(io::Error),
}

impl From<io::Error> for Stopped {
    fn from(e: io::Error) -> Stopped {
        Stopped::Failed(e)
    }
}

impl Worker<'_> {
    fn run(mut self) {
        let shared = self.shared;
        let _alive = Alive(shared);
        loop {
            let k = {
                let mut state = shared.lock();
                if state.stop || state.next >= state.chunks {
                    return;
                }
                state.next += 1;
                state.next - 1
            };
            let end = match self.chunk(k) {
                Ok(end) => end,
                Err(Stopped::Skipped) => continue,
                Err(Stopped::Failed(e)) => {
                    let mut state = shared.lock();
                    state.failed.get_or_insert(e);
                    state.stop = true;
                    drop(state);
                    shared.writer.notify_all();
                    shared.workers.notify_all();
                    return;
                }
            };
            let mut state = shared.lock();
            if !state.unwanted(k) {
                state.queues.entry(k).or_default().end = Some(end);
                if k == state.head && state.writer_waits {
                    shared.writer.notify_one();
                }
            }
        }
    }

    /// Decodes chunk `k` and whatever follows it up to a chunk start where
    /// the scan stands as a fresh one would; returns that chunk and the
    /// counts.
    fn chunk(&mut self, k: usize) -> Result<(usize, Counts), Stopped> {
        let shared = self.shared;
        let chunks = shared.lock().chunks;
        let start = self.probe.boundary(k, chunks)?;
        let end = self.probe.boundary(k + 1, chunks)?;
        let newlines = match start {
            Some(start) => self.hold(start, end)?,
            None => 0,
        };
        let line = {
            let mut state = shared.lock();
            state.counted.insert(k, newlines);
            let mut advanced = false;
            loop {
                let known = state.known;
                let Some(n) = state.counted.remove(&known) else {
                    break;
                };
                let first = state.known_lines + 1;
                state.first_lines.insert(known, first);
                state.known += 1;
                state.known_lines += n;
                advanced = true;
            }
            if advanced && state.workers_waiting > 0 {
                shared.workers.notify_all();
            }
            let line = loop {
                if state.stop {
                    return Err(Stopped::Skipped);
                }
                if let Some(line) = state.first_lines.remove(&k) {
                    break line;
                }
                state = shared.wait_worker(state, false);
            };
            // While the scan being written reads on across chunk starts,
            // this one would likely be thrown away: wait and see.
            while state.reading_on && k > state.head && !state.unwanted(k) {
                state = shared.wait_worker(state, false);
            }
            if state.unwanted(k) {
                return Err(Stopped::Skipped);
            }
            line
        };
        // No line starts in this chunk: the scan before it reads to the end.
        let Some(start) = start else {
            return Err(Stopped::Skipped);
        };
        if end == Some(start) {
            // An empty chunk (inside one long line): the next starts here.
            return Ok((k + 1, Counts::default()));
        }
        let resume = match k {
            0 => None,
            _ => match self.probe.resume_at(start, line)? {
                Some(r) => Some(r),
                // The lines before are too long to read back: the scan
                // before this chunk reads on through it.
                None => return Err(Stopped::Skipped),
            },
        };
        // A chunk after the first is scanned in `held`, where it was read
        // (copying it into the scan's buffer moved every byte once more);
        // the first one's source sniffs the input's first bytes as they
        // come, so it reads them from `held` through `Ranged`.
        let (held, at, buffer, filled): (&[u8], _, _, _) = if resume.is_some() {
            let at = start + self.held_len as u64;
            if self.held_len == HELD {
                // `hold` read on past the held bytes to count lines.
                self.data.seek(SeekFrom::Start(at))?;
            }
            (&[], at, &mut self.held, self.held_len)
        } else {
            (&self.held[..self.held_len], start, &mut self.buffer, 0)
        };
        let reader = Ranged {
            held,
            file: &mut self.data,
            at,
            limit: end,
        };
        scan(
            shared,
            self.options,
            self.render,
            &mut self.probe,
            k,
            chunks,
            reader,
            resume,
            buffer,
            filled,
        )
    }

    /// Reads the chunk `start..end` (or its first [`HELD`] bytes) into
    /// `held` and counts its line ends.
    fn hold(&mut self, start: u64, end: Option<u64>) -> io::Result<u64> {
        let want = end.map_or(u64::MAX, |e| e.saturating_sub(start));
        let n = usize::try_from(want).map_or(HELD, |w| w.min(HELD));
        if self.held.len() < n {
            self.held.resize(n, 0);
        }
        self.data.seek(SeekFrom::Start(start))?;
        self.held_len = read_full(&mut self.data, &mut self.held[..n])?;
        let held = &self.held[..self.held_len];
        let mut newlines = memchr::memchr_iter(b'\n', held).count() as u64;
        if held.len() == HELD {
            // A long chunk (a line of many MiB): count the rest as it
            // streams by; the scan reads it again.
            let mut left = want - HELD as u64;
            let mut buf = vec![0u8; READ];
            while left > 0 {
                let n = input::read_retry(&mut self.data, &mut buf[..READ.min(left as usize)])?;
                if n == 0 {
                    break;
                }
                newlines += memchr::memchr_iter(b'\n', &buf[..n]).count() as u64;
                left -= n as u64;
            }
        }
        Ok(newlines)
    }
}

/// Scans chunk `k` on from `reader` until a chunk start where the scan
/// stands as a fresh one would, or the end; returns that chunk and the
/// counts.
#[allow(clippy::too_many_arguments)]
fn scan(
    shared: &Shared,
    options: &Options,
    render: Render<'_>,
    probe: &mut Probe,
    k: usize,
    chunks: usize,
    reader: Ranged<'_>,
    resume: Option<Resume>,
    buffer: &mut Vec<u8>,
    filled: usize,
) -> Result<(usize, Counts), Stopped> {
    let mut part = Vec::with_capacity(PART_CAPACITY);
    let mut skipped = false;
    let mut sink = |f: Found| -> io::Result<()> {
        render(f, &mut part)?;
        if part.len() >= PART {
            let full = std::mem::replace(&mut part, spare_part(shared));
            if !queue(shared, k, full) {
                skipped = true;
                return Err(io::ErrorKind::Interrupted.into());
            }
        }
        Ok(())
    };
    let (mut src, mut scanner) = match resume {
        None => (
            Source::with_buffer(reader, std::mem::take(buffer)),
            Scanner::new(options, &mut sink),
        ),
        Some(r) => {
            let at = reader.at - filled as u64;
            (
                Source::resume(reader, at, std::mem::take(buffer), filled),
                Scanner::at(options, &mut sink, r),
            )
        }
    };
    let mut next = k + 1;
    let ended = 'scan: loop {
        match scanner.read_to(&mut src, Ranged::at_limit) {
            Ok(true) => break scanner.finish().map(|()| chunks),
            Ok(false) => {}
            Err(e) => break Err(e),
        }
        let here = src.inner().at;
        match probe.resume_at(here, scanner.line()) {
            Ok(Some(r)) if scanner.is_at(&r) => break Ok(next),
            Ok(_) => {}
            Err(e) => break Err(e),
        }
        // Read on through the next chunk (several, where they start at
        // the same line).
        let limit = loop {
            next += 1;
            match probe.boundary(next, chunks) {
                Ok(Some(b)) if b == here => {}
                Ok(limit) => break limit,
                Err(e) => break 'scan Err(e),
            }
        };
        let mut state = shared.lock();
        if state.head == k {
            state.passed = next - 1;
            state.reading_on = true;
            let wake = state.workers_waiting > 0;
            drop(state);
            if wake {
                shared.workers.notify_all();
            }
        } else {
            drop(state);
        }
        src.inner_mut().limit = limit;
    };
    let counts = scanner.into_counts(&src);
    *buffer = src.into_buffer();
    if skipped {
        return Err(Stopped::Skipped);
    }
    let next = ended?;
    if !part.is_empty() && !queue(shared, k, part) {
        return Err(Stopped::Skipped);
    }
    Ok((next, counts))
}

/// Keeps a written part, emptied, for a worker to fill again: up to
/// [`SPARE_PARTS`] of them, and none that a huge error made larger than
/// [`PART_CAPACITY`], so that what is kept stays bounded.
fn keep_spare(spare: &mut Vec<Vec<u8>>, mut part: Vec<u8>) {
    if spare.len() < SPARE_PARTS && part.capacity() <= PART_CAPACITY {
        part.clear();
        spare.push(part);
    }
}

/// An empty part to render into: a written one if there is one.
fn spare_part(shared: &Shared) -> Vec<u8> {
    let spare = shared.lock().spare.pop();
    spare.unwrap_or_else(|| Vec::with_capacity(PART_CAPACITY))
}

/// Queues output of chunk `k`, waiting while too much is queued. `false`
/// when the chunk's output is not wanted after all.
fn queue(shared: &Shared, k: usize, part: Vec<u8>) -> bool {
    let mut state = shared.lock();
    if state.unwanted(k) {
        return false;
    }
    let len = part.len();
    let q = state.queues.entry(k).or_default();
    q.bytes += len;
    q.parts.push_back(part);
    let queued = q.bytes;
    if k == state.head {
        if state.writer_waits && queued >= WAKE_WRITER {
            shared.writer.notify_one();
        }
    } else {
        state.ahead += len;
    }
    loop {
        if state.unwanted(k) {
            return false;
        }
        let head = k == state.head;
        let full = if head {
            state.queues.get(&k).is_some_and(|q| q.bytes > QUEUED)
        } else {
            state.ahead > QUEUED
        };
        if !full {
            return true;
        }
        if head && state.writer_waits {
            // Not woken above (less than WAKE_WRITER when this chunk
            // became the head): the writer must drain it.
            shared.writer.notify_one();
        }
        state = shared.wait_worker(state, head);
    }
}

impl Probe {
    /// The start of chunk `k`: the first line start at or after `k`
    /// chunks (and at least [`input::SNIFF_MIN`] bytes in) that starts a
    /// record, if one does within [`RECORD_REACH`] bytes (or a chunk, if
    /// less); else the first line start. `None` when no line starts there
    /// before the end. Chunk starts never decrease with `k`: a record start
    /// found for `k` is also the first for `k + 1` if it lies past that
    /// chunk's first byte.
    fn boundary(&mut self, k: usize, chunks: usize) -> io::Result<Option<u64>> {
        if k == 0 {
            return Ok(Some(0));
        }
        if k >= chunks {
            return Ok(None);
        }
        // The first chunk's source reads a few bytes before it looks at
        // them, whatever the limit.
        let from = (k as u64 * self.chunk).max(input::SNIFF_MIN as u64);
        let reach = RECORD_REACH.min(self.chunk);
        // From the byte before `from`: a line end there makes `from` a
        // line start.
        let mut at = from - 1;
        let mut buf = Vec::new();
        read_at(&mut self.file, at, (reach + 64 + 1) as usize, &mut buf)?;
        let mut first = None;
        for i in memchr::memchr_iter(b'\n', &buf) {
            let start = at + i as u64 + 1;
            first.get_or_insert(start);
            if start >= from + reach {
                break;
            }
            if starts_record(&buf[i + 1..]) {
                return Ok(Some(start));
            }
        }
        if first.is_some() {
            return Ok(first);
        }
        // A long line: its end is the first line start.
        at += buf.len() as u64;
        buf.resize(READ, 0);
        loop {
            let n = input::read_retry(&mut self.file, &mut buf)?;
            if n == 0 {
                return Ok(None);
            }
            if let Some(i) = memchr::memchr(b'\n', &buf[..n]) {
                return Ok(Some(at + i as u64 + 1));
            }
            at += n as u64;
        }
    }

    /// What a scan knows at the line start `at`, line number `line`.
    fn resume_at(&mut self, at: u64, line: u64) -> io::Result<Option<Resume>> {
        let from = at.saturating_sub(LOOK_BACK);
        let mut before = Vec::new();
        read_at(&mut self.file, from, (at - from) as usize, &mut before)?;
        if before.len() as u64 != at - from {
            return Ok(None);
        }
        Ok(Resume::at(&before, from == 0, line))
    }
}

/// Reads up to `len` bytes (a few KiB: it makes room for all of them) of
/// `file` from `at` onto the end of `buf` (fewer at the end of the file),
/// leaving the file just after them.
fn read_at(file: &mut File, at: u64, len: usize, buf: &mut Vec<u8>) -> io::Result<()> {
    file.seek(SeekFrom::Start(at))?;
    let from = buf.len();
    buf.resize(from + len, 0);
    let got = read_full(file, &mut buf[from..]);
    buf.truncate(from + got.as_ref().map_or(0, |&n| n));
    got.map(drop)
}

/// Reads into `buf` until it is full or the file ends; returns the bytes
/// read. In place, not by `read_to_end`, which starts with small reads
/// and grows them: about 30 reads per chunk, where 4 do.
fn read_full(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match input::read_retry(file, &mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

/// Whether a line (with what follows it) likely starts a record that
/// leaves nothing open behind it: an XML declaration or error root, or a
/// log timestamp. Only where chunks start depends on it, not the output.
fn starts_record(line: &[u8]) -> bool {
    let head = &line[..line.len().min(64)];
    head.starts_with(b"<?xml")
        || head.starts_with(b"<Error")
        || std::str::from_utf8(head)
            .ok()
            .and_then(log_timestamp)
            .is_some_and(|ts| head.starts_with(ts.as_bytes()))
}

/// The file from `at` on, served from `held` first, that gives nothing
/// past `limit` (the next chunk's start) until the limit moves.
struct Ranged<'a> {
    /// The bytes from the chunk's start.
    held: &'a [u8],
    file: &'a mut File,
    /// Absolute offset of the next byte read.
    at: u64,
    limit: Option<u64>,
}

impl Ranged<'_> {
    fn at_limit(&self) -> bool {
        self.limit == Some(self.at)
    }
}

impl Read for Ranged<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let room = match self.limit {
            // The scan pauses at a limit before it reads there.
            Some(limit) if limit <= self.at => {
                return Err(io::Error::other(
                    "internal error: read past a chunk boundary",
                ));
            }
            Some(limit) => usize::try_from(limit - self.at).unwrap_or(usize::MAX),
            None => usize::MAX,
        };
        let want = buf.len().min(room);
        let n = if !self.held.is_empty() {
            let n = want.min(self.held.len());
            buf[..n].copy_from_slice(&self.held[..n]);
            self.held = &self.held[n..];
            if self.held.is_empty() {
                self.file.seek(SeekFrom::Start(self.at + n as u64))?;
            }
            n
        } else {
            input::read_retry(self.file, &mut buf[..want])?
        };
        self.at += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spare_parts_are_empty_bounded_and_of_the_usual_size() {
        let mut spare = Vec::new();
        for i in 0..SPARE_PARTS + 5 {
            let mut part = Vec::with_capacity(PART_CAPACITY);
            part.resize(PART + i, b'x');
            keep_spare(&mut spare, part);
        }
        assert_eq!(spare.len(), SPARE_PARTS);
        assert!(spare.iter().all(|p| p.is_empty() && p.capacity() >= PART));
        let mut spare = Vec::new();
        let mut grown = Vec::with_capacity(PART_CAPACITY);
        grown.resize(PART_CAPACITY + 1, b'x');
        keep_spare(&mut spare, grown);
        assert!(
            spare.is_empty(),
            "a part grown past PART_CAPACITY is let go"
        );
    }
}
