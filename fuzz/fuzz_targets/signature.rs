//! Decodes arbitrary bytes and runs the signature check on every signing
//! error, with a key set: no panic, no hang, and the key never in what the
//! check reports.

#![no_main]

use coserr::decode::{self, Options};
use coserr::signature::{self, Keys};
use libfuzzer_sys::fuzz_target;

const KEY: &str = "fuzzSecretKey0123456789abcdefXYZ";

fuzz_target!(|data: &[u8]| {
    let keys = Keys::read(None, |name| {
        matches!(name, "COS_SECRETKEY" | "OBS_SECRET_ACCESS_KEY").then(|| KEY.to_owned())
    });
    let (found, _) = decode::decode_all(data, &Options::default());
    for f in &found {
        if let Some(m) = f.signing.as_deref() {
            let report = signature::check(f, m, &keys);
            assert!(
                !format!("{report:?}").contains(KEY),
                "the key reached the report"
            );
        }
    }
});
