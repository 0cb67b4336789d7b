//! Writes arbitrary bytes to a file and decodes it with
//! `decode::parallel::decode_file` cut into chunks of a few bytes, checking
//! that the output and summary are the one-thread decoder's: a chunk may
//! start anywhere, and whatever runs across a cut must come out as if the
//! file had been read in one go.

#![no_main]

use std::io::Write;

use coserr::decode::{self, Options};
use libfuzzer_sys::fuzz_target;

fn render(f: decode::Found, out: &mut Vec<u8>) -> std::io::Result<()> {
    writeln!(out, "{f:?}")
}

fuzz_target!(|data: &[u8]| {
    let Some((&knobs, input)) = data.split_first() else {
        return;
    };
    let opts = Options::default();
    let mut want = Vec::new();
    let summary = decode::decode(input, &opts, &mut |f| render(f, &mut want))
        .expect("reading a slice cannot fail");

    // One file per fuzzing process, in memory where there is a tmpfs.
    let dir = if std::path::Path::new("/dev/shm").is_dir() {
        std::path::PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    };
    let path = dir.join(format!("coserr-fuzz-parallel-{}", std::process::id()));
    std::fs::write(&path, input).expect("the temporary file is writable");
    let plan = decode::parallel::Plan {
        threads: 2 + usize::from(knobs & 1),
        chunk: 1 + u64::from(knobs >> 1),
    };
    let mut got = Vec::new();
    let got_summary = decode::parallel::decode_file(&path, &opts, plan, &render, &mut |p| {
        got.extend_from_slice(p);
        Ok(())
    })
    .expect("reading the file cannot fail");
    assert!(
        got == want,
        "chunks of {} changed the output:\n{}\n-- one thread:\n{}",
        plan.chunk,
        String::from_utf8_lossy(&got),
        String::from_utf8_lossy(&want)
    );
    assert_eq!(got_summary, summary, "chunks of {} changed the summary", plan.chunk);
});
