//! The real corpus: error text people pasted (`tests/corpus/real/`) and
//! what real clients printed (`tests/corpus/live/`), each case with a
//! sidecar that says what decode must report (see the README there).
//!
//! `corpus_cases` decodes every case and compares provider, code, status,
//! request IDs and origin of every error. A case whose sidecar names a
//! known miss must still miss: when it starts passing, the test fails
//! until the sidecar says so. `COSERR_CORPUS_REPORT=1` prints every case's
//! result instead of only the failures.
//!
//! `shortcuts_change_nothing` holds the speed-ups to the plain path: the
//! keyword prefilter (against every shape on every record) and the
//! parallel path (against one thread), over the real, live, synthetic and
//! fuzz corpora.

use std::fs;
use std::path::{Path, PathBuf};

use coserr::decode::{self, Found, Options};
use coserr::explain;
use serde_json::Value;

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

/// The cases of a corpus directory: (name, text, sidecar).
fn cases(name: &str) -> Vec<(String, Vec<u8>, Value)> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir(name)) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let sidecar = p.with_extension("json");
        let text =
            fs::read(&sidecar).unwrap_or_else(|e| panic!("{}: no sidecar: {e}", sidecar.display()));
        let v: Value =
            serde_json::from_slice(&text).unwrap_or_else(|e| panic!("{}: {e}", sidecar.display()));
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        out.push((stem, fs::read(&p).unwrap(), v));
    }
    out
}

/// What a sidecar expects of one error.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    provider: Option<String>,
    code: Option<String>,
    status: Option<u64>,
    request_ids: Vec<String>,
    origin: Option<String>,
}

fn expected_one(v: &Value) -> Expected {
    let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    Expected {
        provider: s("provider"),
        code: s("code"),
        status: v.get("status").and_then(Value::as_u64),
        request_ids: v
            .get("request_ids")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        origin: s("origin"),
    }
}

fn expected(v: &Value) -> Vec<Expected> {
    if v.get("is_error") == Some(&Value::Bool(false)) {
        return Vec::new();
    }
    match v.get("errors").and_then(Value::as_array) {
        Some(list) => list.iter().map(expected_one).collect(),
        None => vec![expected_one(v)],
    }
}

fn actual(f: Found, text: &[u8]) -> Expected {
    let ex = explain::explain(f);
    // Every request ID decode kept for the error (a second one of the
    // same response goes in `extra`), in the order the text has them.
    let mut request_ids: Vec<String> = ex
        .found
        .request_id
        .iter()
        .chain(
            ex.found
                .extra
                .iter()
                .filter(|(k, _)| k == "other_request_id")
                .map(|(_, v)| v),
        )
        .cloned()
        .collect();
    let text = String::from_utf8_lossy(text);
    request_ids.sort_by_key(|id| text.find(id.as_str()).unwrap_or(usize::MAX));
    let code = ex
        .code()
        .map(str::to_owned)
        .or_else(|| ex.found.number.map(|n| n.to_string()));
    Expected {
        provider: ex.provider.map(|p| p.as_str().to_owned()),
        code,
        status: ex.found.status.map(u64::from),
        request_ids,
        origin: Some(ex.found.origin.as_str().to_owned()),
    }
}

/// What is wrong with decode's reading of a case; empty when it is right.
fn differences(text: &[u8], v: &Value) -> Vec<String> {
    let (found, _) = decode::decode_all(text, &Options::default());
    let got: Vec<Expected> = found.into_iter().map(|f| actual(f, text)).collect();
    let want = expected(v);
    let mut diffs = Vec::new();
    if got.len() != want.len() {
        diffs.push(format!("{} errors, expected {}", got.len(), want.len()));
    }
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        let mut field = |name: &str, g: String, w: String| {
            if g != w {
                diffs.push(format!("error {}: {name} {g}, expected {w}", i + 1));
            }
        };
        field(
            "provider",
            format!("{:?}", g.provider),
            format!("{:?}", w.provider),
        );
        field("code", format!("{:?}", g.code), format!("{:?}", w.code));
        field(
            "status",
            format!("{:?}", g.status),
            format!("{:?}", w.status),
        );
        field(
            "request_ids",
            format!("{:?}", g.request_ids),
            format!("{:?}", w.request_ids),
        );
        field(
            "origin",
            format!("{:?}", g.origin),
            format!("{:?}", w.origin),
        );
    }
    diffs
}

#[test]
#[allow(clippy::print_stdout)] // the report asked for with COSERR_CORPUS_REPORT
fn corpus_cases() {
    let report = std::env::var_os("COSERR_CORPUS_REPORT").is_some();
    let mut failures = Vec::new();
    let mut total = 0;
    let mut misses = 0;
    for corpus in ["real", "live"] {
        for (name, text, v) in cases(corpus) {
            total += 1;
            let diffs = differences(&text, &v);
            let known = v.get("known_miss").and_then(Value::as_str);
            if known.is_some() {
                misses += 1;
            }
            let line = match (diffs.is_empty(), known) {
                (true, None) => None,
                (true, Some(why)) => Some(format!(
                    "{corpus}/{name}: passes now, but its sidecar says it misses ({why}): set known_miss to null"
                )),
                (false, None) => Some(format!("{corpus}/{name}: {}", diffs.join("; "))),
                (false, Some(_)) => None,
            };
            if report {
                println!(
                    "{} {corpus}/{name}: {}",
                    if diffs.is_empty() { "ok  " } else { "MISS" },
                    diffs.join("; ")
                );
            }
            failures.extend(line);
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {total} corpus cases fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        misses * 20 <= total,
        "{misses} known misses of {total} cases: more than 5%"
    );
}

#[test]
fn the_real_corpus_is_big_and_varied_enough() {
    let real = cases("real");
    assert!(real.len() >= 150, "{} real cases", real.len());
    let mut sources: Vec<&str> = real
        .iter()
        .filter_map(|(_, _, v)| v.get("source").and_then(Value::as_str))
        .collect();
    sources.sort_unstable();
    sources.dedup();
    assert!(sources.len() >= 70, "{} distinct sources", sources.len());
    for (name, _, v) in &real {
        let source = v.get("source").and_then(Value::as_str).unwrap_or("");
        assert!(source.starts_with("https://"), "{name}: source {source:?}");
        for key in [
            "provider",
            "code",
            "status",
            "request_ids",
            "origin",
            "is_error",
            "notes",
            "known_miss",
        ] {
            assert!(v.get(key).is_some(), "{name}: no {key:?}");
        }
    }
}

/// Every input the decoder is tested on: the real, live and synthetic
/// corpora.
fn every_input() -> Vec<(String, Vec<u8>)> {
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    for corpus in ["real", "live"] {
        for (name, text, _) in cases(corpus) {
            inputs.push((format!("{corpus}/{name}"), text));
        }
    }
    let mut synthetic: Vec<PathBuf> = fs::read_dir(dir("decode"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .collect();
    synthetic.sort();
    for p in synthetic {
        let name = format!("decode/{}", p.file_name().unwrap().to_string_lossy());
        inputs.push((name, fs::read(&p).unwrap()));
    }
    inputs
}

#[test]
fn shortcuts_change_nothing() {
    let plain = Options {
        every_shape: true,
        ..Options::default()
    };
    let mut whole = Vec::new();
    for (name, text) in every_input() {
        let (fast, fast_summary) = decode::decode_all(&text, &Options::default());
        let (slow, slow_summary) = decode::decode_all(&text, &plain);
        assert_eq!(fast, slow, "{name}: the prefilter changed the errors");
        assert_eq!(fast_summary.found, slow_summary.found, "{name}");
        whole.extend_from_slice(&text);
        whole.extend_from_slice(b"\n\n");
    }
    // All of it at once, on one thread and on several: the same errors.
    let (one, one_summary) = decode::decode_all(&whole, &Options::default());
    let mut many = Vec::new();
    let many_summary = decode::decode_parallel(&whole[..], &Options::default(), 3, &mut |f| {
        many.push(f);
        Ok(())
    })
    .unwrap();
    assert!(one.len() > 100, "{} errors", one.len());
    assert_eq!(one, many, "the parallel path changed the errors");
    assert_eq!(one_summary, many_summary);
}
