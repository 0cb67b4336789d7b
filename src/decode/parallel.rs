//! Decoding on several threads. The calling thread reads and cuts the
//! input into records (cheap: a look at the start of each line) and hands
//! the records that hold a keyword to the other threads in batches; they
//! run [`pipeline::process`] on each, and the calling thread takes their
//! errors back in input order, coalesces them and gives them to the sink.
//!
//! Records are cut by the one reader, so the threads see exactly the
//! records a single-threaded decode sees; each record decodes on its own;
//! and coalescing runs here, in order, as in [`super::decode`]. The output
//! cannot depend on the threads.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use super::input::Source;
use super::pipeline::{self, Coalesce, Event, Reader, Seen, gate};
use super::{Found, Options, Summary};

/// Bytes of records per batch.
const BATCH_BYTES: usize = 64 * 1024;
/// Records per batch.
const BATCH_RECORDS: usize = 1024;

struct Batch {
    seq: u64,
    text: Vec<u8>,
    /// Each record: where it is in `text`, its first line, and whether it
    /// is a log's (gated).
    records: Vec<(usize, usize, u64, bool)>,
}

struct Done {
    seq: u64,
    /// Each record's errors, what it saw, and whether it was read.
    records: Vec<(Vec<Found>, Vec<&'static str>, bool)>,
}

pub fn run<R: Read>(
    input: R,
    options: &Options,
    threads: usize,
    sink: &mut dyn FnMut(Found) -> io::Result<()>,
) -> io::Result<Summary> {
    let max_in_flight = 2 * threads as u64;
    let (job_tx, job_rx) = mpsc::channel::<Batch>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    std::thread::scope(|scope| {
        let mut workers = Vec::new();
        for _ in 0..threads {
            let job_rx = Arc::clone(&job_rx);
            let done_tx = done_tx.clone();
            let spawned = std::thread::Builder::new().spawn_scoped(scope, move || {
                loop {
                    let batch = {
                        let rx = job_rx.lock().unwrap_or_else(|p| p.into_inner());
                        rx.recv()
                    };
                    let Ok(batch) = batch else { break };
                    // The gate over the whole batch in one pass, then
                    // the records it lets through.
                    let logs: Vec<_> = batch
                        .records
                        .iter()
                        .filter(|r| r.3 && !options.every_shape)
                        .map(|&(a, z, _, _)| a..z)
                        .collect();
                    let mut verdicts = gate::check_all(&batch.text, &logs).into_iter();
                    let records = batch
                        .records
                        .iter()
                        .map(|&(a, z, line, log)| {
                            let verdict = match (log, options.every_shape) {
                                (true, false) => verdicts.next().unwrap_or(gate::Verdict::Read),
                                (true, true) => gate::check_plain(&batch.text[a..z]),
                                (false, _) => gate::Verdict::Read,
                            };
                            let r = match verdict {
                                gate::Verdict::Read => {
                                    pipeline::read(&batch.text[a..z], line, options)
                                }
                                gate::Verdict::Skip(seen) => pipeline::skipped(seen),
                            };
                            (r.errors, r.seen, r.read)
                        })
                        .collect();
                    if done_tx
                        .send(Done {
                            seq: batch.seq,
                            records,
                        })
                        .is_err()
                    {
                        break;
                    }
                }
            });
            // Where no thread can be made, the others do the work.
            if let Ok(w) = spawned {
                workers.push(w);
            }
        }
        drop(done_tx);
        if workers.is_empty() {
            // No thread could be started: decode here.
            drop(job_tx);
            return super::decode(input, options, sink);
        }
        let mut order = Order {
            next: 0,
            waiting: BTreeMap::new(),
            found: 0,
            seen: Seen::default(),
            coalesce: Coalesce::default(),
        };
        let result = read(input, &job_tx, &done_rx, max_in_flight, sink, &mut order);
        // The threads stop when no more batches can come.
        drop(job_tx);
        for w in workers {
            if let Err(panic) = w.join() {
                std::panic::resume_unwind(panic);
            }
        }
        result
    })
}

/// Results put back in input order, and coalesced.
struct Order {
    next: u64,
    waiting: BTreeMap<u64, Done>,
    found: u64,
    seen: Seen,
    coalesce: Coalesce,
}

impl Order {
    fn take(
        &mut self,
        done: Done,
        sink: &mut dyn FnMut(Found) -> io::Result<()>,
    ) -> io::Result<()> {
        self.waiting.insert(done.seq, done);
        while let Some(d) = self.waiting.remove(&self.next) {
            self.next += 1;
            for (errors, seen, read) in d.records {
                self.seen.add(&seen);
                if read {
                    self.coalesce.next_record();
                }
                for f in errors {
                    let found = &mut self.found;
                    self.coalesce.push(f, &mut |f| {
                        *found += 1;
                        sink(f)
                    })?;
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, sink: &mut dyn FnMut(Found) -> io::Result<()>) -> io::Result<()> {
        let found = &mut self.found;
        self.coalesce.flush(&mut |f| {
            *found += 1;
            sink(f)
        })
    }
}

fn read<R: Read>(
    input: R,
    job_tx: &mpsc::Sender<Batch>,
    done_rx: &mpsc::Receiver<Done>,
    max_in_flight: u64,
    sink: &mut dyn FnMut(Found) -> io::Result<()>,
    order: &mut Order,
) -> io::Result<Summary> {
    let closed = || io::Error::other("a decoding thread stopped");
    let mut source = Source::new(input);
    let mut reader = Reader::new();
    let mut sent = 0u64;
    let mut batch = Batch {
        seq: 0,
        text: Vec::new(),
        records: Vec::new(),
    };
    let mut send = |batch: &mut Batch,
                    order: &mut Order,
                    sink: &mut dyn FnMut(Found) -> io::Result<()>|
     -> io::Result<()> {
        let full = std::mem::replace(
            batch,
            Batch {
                seq: sent + 1,
                text: Vec::with_capacity(BATCH_BYTES),
                records: Vec::new(),
            },
        );
        job_tx.send(full).map_err(|_| closed())?;
        sent += 1;
        // Results that are ready go out; past the limit, wait for them.
        while let Ok(done) = done_rx.try_recv() {
            order.take(done, sink)?;
        }
        while sent - order.next > max_in_flight {
            let done = done_rx.recv().map_err(|_| closed())?;
            order.take(done, sink)?;
        }
        Ok(())
    };
    reader.run(&mut source, &mut |event| {
        let Event::Record(rec) = event else {
            // A file does not pause; a stream that does is decoded on
            // one thread.
            return Ok(());
        };
        // A record that would outgrow the batch's buffer goes in the next
        // one: growing it would copy it all again.
        if !batch.records.is_empty() && batch.text.len() + rec.bytes.len() + 1 > BATCH_BYTES {
            send(&mut batch, order, sink)?;
        }
        let a = batch.text.len();
        batch.text.extend_from_slice(rec.bytes);
        batch
            .records
            .push((a, batch.text.len(), rec.first_line, rec.log));
        // Records apart by a line end, as the gate wants them.
        if !rec.bytes.ends_with(b"\n") {
            batch.text.push(b'\n');
        }
        if batch.text.len() >= BATCH_BYTES || batch.records.len() >= BATCH_RECORDS {
            send(&mut batch, order, sink)?;
        }
        Ok(())
    })?;
    if !batch.records.is_empty() {
        send(&mut batch, order, sink)?;
    }
    while order.next < sent {
        let done = done_rx.recv().map_err(|_| closed())?;
        order.take(done, sink)?;
    }
    order.finish(sink)?;
    let seen = std::mem::take(&mut order.seen).into_vec();
    Ok(reader.summary(&source, order.found, seen))
}
