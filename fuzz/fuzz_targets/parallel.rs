//! Decodes arbitrary bytes on several threads with
//! `decode::decode_parallel` and checks that the errors and the summary
//! are the one-thread decoder's, with the same input also plain (every
//! shape on every record, no keyword prefilter).

#![no_main]

use coserr::decode::{self, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, input)) = data.split_first() else {
        return;
    };
    let opts = Options::default();
    let (want, summary) = decode::decode_all(input, &opts);
    let threads = 2 + usize::from(knobs & 3);
    let mut got = Vec::new();
    let got_summary = decode::decode_parallel(input, &opts, threads, &mut |f| {
        got.push(f);
        Ok(())
    })
    .expect("reading a slice cannot fail");
    assert!(got == want, "{threads} threads changed the errors");
    assert_eq!(got_summary, summary, "{threads} threads changed the summary");
    let plain = Options {
        every_shape: true,
        ..Options::default()
    };
    let (slow, _) = decode::decode_all(input, &plain);
    assert!(slow == want, "the prefilter changed the errors");
});
