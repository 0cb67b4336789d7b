//! Feeds arbitrary bytes to `decode::decode` and checks that it returns
//! (no panic, no hang), that what it reports is consistent, and that it
//! reads the same input the same way (errors and summary) whether it
//! arrives at once or in small pieces.

#![no_main]

use std::io::Read;

use coserr::decode::{self, Options};
use libfuzzer_sys::fuzz_target;

/// Hands the input out a few bytes at a time, as a pipe might.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fuzz_target!(|data: &[u8]| {
    // A small max_field exercises the cutting paths too.
    let opts = Options {
        max_field: 1 + data.first().map_or(0, |b| *b as usize) * 8,
        ..Options::default()
    };
    let mut whole = Vec::new();
    let summary = decode::decode(data, &opts, &mut |f| {
        assert!(f.line >= 1, "line numbers are 1-based");
        for v in f.identity().into_iter().flatten() {
            assert!(
                v.len() <= opts.max_field.max(256) + 4096,
                "field longer than max_field"
            );
        }
        whole.push(f);
        Ok(())
    })
    .expect("reading a slice cannot fail");
    assert_eq!(summary.found as usize, whole.len());
    assert_eq!(summary.bytes, data.len() as u64);

    // Same input, trickled: the same errors.
    let step = 1 + data.len() % 7;
    let mut pieces = Vec::new();
    let trickled = decode::decode(Trickle(data, step), &opts, &mut |f| {
        pieces.push(f);
        Ok(())
    })
    .expect("reading a slice cannot fail");
    assert_eq!(whole, pieces, "chunking changed the result");
    assert_eq!(summary, trickled, "chunking changed the summary");
});
