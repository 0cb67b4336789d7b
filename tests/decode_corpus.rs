//! The decode corpus: every input in `tests/corpus/decode/` is decoded and
//! each error found is checked field by field against the sibling
//! `.expected` file. Then the bad inputs that are generated rather than
//! stored: billion laughs, external entities, deep nesting, huge fields,
//! broken encodings, streaming and sink errors.
//!
//! `.expected` holds `@key=value` lines about the whole input (`@found`,
//! `@warning`), then one block of `field=value` lines per error, blocks
//! separated by a blank line. Every field decode reports must be listed,
//! and nothing else: an unexpected field fails as surely as a wrong one.
//! In values, a newline is written `\n` and a backslash `\\`.
//!
//! After an intended change, regenerate and read the diff:
//! `COSERR_BLESS=1 cargo test --test decode_corpus`.

use std::cell::Cell;
use std::fmt::Write as _;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use coserr::catalog::Provider;
use coserr::decode::{self, Found, Options, Summary};

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/decode")
}

fn esc(v: &str) -> String {
    v.replace('\\', "\\\\")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

/// One error as `field=value` lines, in a fixed order.
fn fields(f: &Found) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = Vec::new();
    let mut kv = |k: &str, s: String| v.push((k.to_owned(), esc(&s)));
    kv("line", f.line.to_string());
    if let Some(p) = f.provider {
        kv("provider", p.as_str().to_owned());
    }
    if let Some(x) = f.vendor {
        kv("vendor", x.as_str().to_owned());
    }
    if let Some(s) = f.status {
        kv("status", s.to_string());
    }
    for (k, val) in [
        ("code", &f.code),
        ("message", &f.message),
        ("resource", &f.resource),
        ("request_id", &f.request_id),
        ("trace_id", &f.trace_id),
        ("host_id", &f.host_id),
        ("request", &f.request),
        ("server_date", &f.server_date),
        ("client_date", &f.client_date),
    ] {
        if k == "message"
            && let Some(n) = f.number
        {
            kv("number", n.to_string());
        }
        if let Some(s) = val {
            kv(k, s.clone());
        }
    }
    if f.partial {
        kv("partial", "true".to_owned());
    }
    if let Some(op) = &f.operation {
        kv("operation", op.clone());
    }
    if f.origin != decode::Origin::Service {
        kv("origin", f.origin.as_str().to_owned());
    }
    if let Some(x) = &f.failure {
        kv("failure", x.kind.as_str().to_owned());
        if let Some(e) = &x.endpoint {
            kv("endpoint", e.clone());
        }
    }
    if f.foreign {
        kv("foreign", "true".to_owned());
    }
    for (n, s) in &f.extra {
        kv(&format!("extra.{n}"), s.clone());
    }
    for (n, s) in &f.headers {
        kv(&format!("header.{n}"), s.clone());
    }
    for n in &f.notes {
        kv("note", n.clone());
    }
    v
}

fn render(found: &[Found], summary: &Summary) -> String {
    let mut out = String::new();
    writeln!(out, "@found={}", summary.found).unwrap();
    for w in &summary.warnings {
        writeln!(out, "@warning={}", esc(w)).unwrap();
    }
    for f in found {
        out.push('\n');
        for (k, v) in fields(f) {
            writeln!(out, "{k}={v}").unwrap();
        }
    }
    out
}

/// Splits an `.expected` file into its `@` lines and one block per error.
fn parse_expected(text: &str) -> (Vec<String>, Vec<Vec<(String, String)>>) {
    let mut head = Vec::new();
    let mut blocks: Vec<Vec<(String, String)>> = Vec::new();
    let mut cur: Option<Vec<(String, String)>> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            continue;
        }
        if line.trim().is_empty() {
            if let Some(b) = cur.take() {
                blocks.push(b);
            }
            continue;
        }
        if line.starts_with('@') {
            head.push(line.to_owned());
            continue;
        }
        let (k, v) = line.split_once('=').unwrap_or((line, ""));
        cur.get_or_insert_with(Vec::new)
            .push((k.to_owned(), v.to_owned()));
    }
    if let Some(b) = cur.take() {
        blocks.push(b);
    }
    (head, blocks)
}

fn decode_bytes(input: &[u8], opts: &Options) -> (Vec<Found>, Summary) {
    decode::decode_all(input, opts)
}

#[test]
fn corpus() {
    let dir = corpus_dir();
    let bless = std::env::var_os("COSERR_BLESS").is_some();
    let mut inputs: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("corpus directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 40,
        "the corpus shrank to {} inputs",
        inputs.len()
    );
    let mut failures = Vec::new();
    for input in &inputs {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = fs::read(input).unwrap();
        let (found, summary) = decode_bytes(&bytes, &Options::default());
        let expected_path = input.with_extension("expected");
        if bless {
            fs::write(&expected_path, render(&found, &summary)).unwrap();
            continue;
        }
        let Ok(text) = fs::read_to_string(&expected_path) else {
            failures.push(format!(
                "{name}: no .expected file (COSERR_BLESS=1 writes one)"
            ));
            continue;
        };
        let (head, blocks) = parse_expected(&text);
        let mut actual_head = vec![format!("@found={}", summary.found)];
        actual_head.extend(
            summary
                .warnings
                .iter()
                .map(|w| format!("@warning={}", esc(w))),
        );
        if head != actual_head {
            failures.push(format!(
                "{name}: summary\n  expected {head:?}\n  actual   {actual_head:?}"
            ));
        }
        if blocks.len() != found.len() {
            failures.push(format!(
                "{name}: expected {} errors, found {}",
                blocks.len(),
                found.len()
            ));
        }
        for (i, (want, got)) in blocks.iter().zip(&found).enumerate() {
            let got = fields(got);
            for (k, v) in want {
                match got.iter().find(|(gk, _)| gk == k) {
                    None => failures.push(format!(
                        "{name} error {}: {k} missing (expected {v:?})",
                        i + 1
                    )),
                    Some((_, gv)) if gv != v => failures.push(format!(
                        "{name} error {}: {k} = {gv:?}, expected {v:?}",
                        i + 1
                    )),
                    _ => {}
                }
            }
            for (k, v) in &got {
                if !want.iter().any(|(wk, _)| wk == k) {
                    failures.push(format!("{name} error {}: unexpected {k} = {v:?}", i + 1));
                }
            }
            // Repeated keys (notes, headers) must match in number and order.
            let w: Vec<_> = want.iter().collect();
            let g: Vec<_> = got.iter().collect();
            if w.len() == g.len() && w != g {
                failures.push(format!(
                    "{name} error {}: fields differ in order or repetition",
                    i + 1
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// ---- Secrets -------------------------------------------------------------

/// Every corpus input that carries a secret: none of them may leave.
#[test]
fn corpus_never_leaks_secrets() {
    let secrets = [
        "d3b07384d113edec49eaa6238ad5ff00", // q-signature / sign values
        "tok3nS3cr3tValue",                 // x-cos-security-token in a URL
        "Zm9vYmFyc2VjcmV0c2lnbmF0dXJl",     // OBS SignatureProvided
    ];
    let mut checked = 0;
    for entry in fs::read_dir(corpus_dir()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "expected") {
            continue;
        }
        let bytes = fs::read(&p).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let carried: Vec<&&str> = secrets.iter().filter(|s| text.contains(**s)).collect();
        if carried.is_empty() {
            continue;
        }
        checked += 1;
        let (found, summary) = decode_bytes(&bytes, &Options::default());
        let all = format!("{found:?}{summary:?}");
        for s in carried {
            assert!(!all.contains(*s), "{} leaks {s}", p.display());
        }
    }
    assert!(checked >= 5, "only {checked} corpus inputs carry secrets");
}

#[test]
fn each_kind_of_secret_is_redacted() {
    let secret = "S3CR3T-x9Qz";
    let cases = [
        format!(
            "> GET /k HTTP/1.1\n> Host: b.cos.ap-beijing.myqcloud.com\n> Authorization: q-sign-algorithm=sha1&q-ak=AKID&q-signature={secret}\n>\n< HTTP/1.1 403 Forbidden\n< Authorization: {secret}\n<\n"
        ),
        format!(
            "HTTP/1.1 403 Forbidden\nLocation: https://b/k?q-signature={secret}&x-cos-security-token={secret}\n\n<Error><Code>AccessDenied</Code><Resource>/k?Signature={secret}</Resource></Error>\n"
        ),
        format!(
            "PUT https://b.cos.ap-beijing.myqcloud.com/k?X-Amz-Signature={secret}&X-Amz-Credential={secret}&X-Amz-Security-Token={secret}: 403 AccessDenied(Message: Access Denied., RequestId: NjVh, TraceId: OGVm)\n"
        ),
        format!(
            "{{\"statusCode\":403,\"headers\":{{\"x-obs-security-token\":\"{secret}\",\"authorization\":\"OBS AK:{secret}\"}},\"error\":{{\"Code\":\"AccessDenied\",\"RequestId\":\"r\"}}}}\n"
        ),
        format!(
            "{{'code': 'AccessDenied', 'message': 'Access Denied.', 'requestid': 'NjVh', 'resource': 'b/k?sign={secret}'}}\n"
        ),
        format!(
            "<Error><Code>SignatureDoesNotMatch</Code><RequestId>r</RequestId><SignatureProvided>{secret}</SignatureProvided><Message>x-amz-security-token: {secret}</Message></Error>\n"
        ),
    ];
    for (i, c) in cases.iter().enumerate() {
        let (found, _) = decode_bytes(c.as_bytes(), &Options::default());
        assert!(!found.is_empty(), "case {i} found nothing");
        let all = format!("{found:?}");
        assert!(!all.contains(secret), "case {i} leaks: {all}");
        assert!(
            all.contains("[REDACTED]"),
            "case {i} redacted nothing: {all}"
        );
    }
}

// ---- Bad input -----------------------------------------------------------

#[test]
fn empty_input() {
    let (found, summary) = decode_bytes(b"", &Options::default());
    assert!(found.is_empty());
    assert_eq!(summary, Summary::default());
}

#[test]
fn billion_laughs_is_not_expanded() {
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE Error [\n <!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        writeln!(
            doc,
            " <!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        )
        .unwrap();
    }
    doc.push_str("]>\n<Error><Code>&lol9;</Code><Message>&lol9;&lol9;</Message><RequestId>NjVhMTZhYTNfMWQyZjBh</RequestId></Error>\n");
    let (found, _) = decode_bytes(doc.as_bytes(), &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.as_deref(), Some("&lol9;"));
    assert_eq!(found[0].message.as_deref(), Some("&lol9;&lol9;"));
    assert!(!format!("{found:?}").contains("lollol"));
    // Without an error element it is just not an error.
    let (found, _) = decode_bytes(
        b"<!DOCTYPE l [<!ENTITY a \"aaaa\">]><l>&a;&a;</l>",
        &Options::default(),
    );
    assert!(found.is_empty());
}

#[test]
fn external_entities_are_never_read() {
    let canary = format!(
        "CANARY-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );
    let path = std::env::temp_dir().join(format!("coserr-xxe-{}.txt", std::process::id()));
    fs::write(&path, &canary).unwrap();
    let url = format!("file://{}", path.display());
    let doc = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE Error [\n  <!ENTITY xxe SYSTEM \"{url}\">\n  <!ENTITY % p SYSTEM \"{url}\"> %p;\n]>\n<Error><Code>&xxe;</Code><Message>see &xxe;</Message><RequestId>NjVhMTZhYTNfMWQyZjBh</RequestId></Error>\n"
    );
    let (found, summary) = decode_bytes(doc.as_bytes(), &Options::default());
    let _ = fs::remove_file(&path);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.as_deref(), Some("&xxe;"));
    assert_eq!(found[0].message.as_deref(), Some("see &xxe;"));
    let all = format!("{found:?}{summary:?}");
    assert!(!all.contains(&canary), "the entity's file was read");
}

#[test]
fn deep_nesting_does_not_overflow() {
    let n = 100_000;
    // On one line, inside an error body.
    let mut doc = String::from("<Error><Code>DeepCode</Code>");
    doc.push_str(&"<a>".repeat(n));
    doc.push_str(&"</a>".repeat(n));
    doc.push_str("<RequestId>NjVhMTZhYTNfMWQyZjBh</RequestId></Error>\n");
    let (found, _) = decode_bytes(doc.as_bytes(), &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.as_deref(), Some("DeepCode"));
    assert_eq!(found[0].request_id.as_deref(), Some("NjVhMTZhYTNfMWQyZjBh"));
    // One element per line, never closed.
    let mut doc = String::from("<Error>\n<Code>Open</Code>\n");
    for _ in 0..n {
        doc.push_str("<Error>\n");
    }
    let (found, _) = decode_bytes(doc.as_bytes(), &Options::default());
    assert!(found.iter().any(|f| f.code.as_deref() == Some("Open")));
    // Deep JSON and deep brackets of no kind.
    let deep_json = format!("{}{}", "{\"code\":".repeat(n), "}".repeat(n));
    let (found, _) = decode_bytes(deep_json.as_bytes(), &Options::default());
    assert!(found.is_empty());
    let (found, _) = decode_bytes("<a>".repeat(n).as_bytes(), &Options::default());
    assert!(found.is_empty());
}

#[test]
fn huge_field_is_cut_and_noted() {
    // A field longer than a record may be: the body is read up to where
    // the record is cut, the field kept to `max_field`, and both noted.
    let big = "a".repeat(10 * 1024 * 1024);
    let doc = format!(
        "<Error><Code>EntityTooLarge</Code><RequestId>NjVhMTZhYTNfMWQyZjBh</RequestId><Message>{big}</Message></Error>\nnext line\n"
    );
    let (found, summary) = decode_bytes(doc.as_bytes(), &Options::default());
    assert_eq!(found.len(), 1);
    let f = &found[0];
    assert_eq!(f.code.as_deref(), Some("EntityTooLarge"));
    assert_eq!(f.message.as_ref().map(String::len), Some(64 * 1024));
    assert_eq!(f.request_id.as_deref(), Some("NjVhMTZhYTNfMWQyZjBh"));
    assert!(
        f.notes
            .iter()
            .any(|n| n.starts_with("Message cut to 65536 of")),
        "{:?}",
        f.notes
    );
    assert!(
        f.notes.iter().any(|n| n.starts_with("truncated XML")),
        "{:?}",
        f.notes
    );
    assert_eq!(summary.lines, 2);
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains("read in pieces"))
    );
    // Pretty-printed, within a record: the field is cut to `max_field`.
    let mid = "a".repeat(100_000);
    let doc = format!(
        "<Error>\n<Code>X</Code>\n<Message>\n{mid}\n</Message>\n<RequestId>NjVhMTZhYTNfMWQyZjBh</RequestId>\n</Error>\n"
    );
    let (found, _) = decode_bytes(
        doc.as_bytes(),
        &Options {
            max_field: 1000,
            ..Options::default()
        },
    );
    assert_eq!(found[0].message.as_ref().map(String::len), Some(1000));
    assert_eq!(found[0].request_id.as_deref(), Some("NjVhMTZhYTNfMWQyZjBh"));
    assert!(
        found[0].notes[0].starts_with("Message cut to 1000 of"),
        "{:?}",
        found[0].notes
    );
}

#[test]
fn long_line_with_errors_in_it() {
    // 20 MB without a newline, errors at the start, middle and end.
    let body = |i| {
        format!("<Error><Code>SlowDown</Code><RequestId>NjVhMTZhYTNfMWQyZjB{i}</RequestId></Error>")
    };
    let filler = "x".repeat(10 * 1024 * 1024);
    let doc = format!("{}{filler}{}{filler}{}", body(1), body(2), body(3));
    let (found, summary) = decode_bytes(doc.as_bytes(), &Options::default());
    assert_eq!(found.len(), 3);
    for (i, f) in found.iter().enumerate() {
        assert_eq!((f.line, f.code.as_deref()), (1, Some("SlowDown")));
        assert_eq!(f.request_id, Some(format!("NjVhMTZhYTNfMWQyZjB{}", i + 1)));
    }
    assert!(
        summary.warnings.iter().any(|w| w.contains("longer than")),
        "{:?}",
        summary.warnings
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut doc = b"ok line\n<Error><Code>InvalidArgument</Code><Message>bad \xff\xfe bytes</Message><RequestId>NjVhMTZhYTNfMWQyZjBh</RequestId></Error>\n".to_vec();
    doc.extend_from_slice(b"\xc3\x28 more junk\n");
    let (found, summary) = decode_bytes(&doc, &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message.as_deref(),
        Some("bad \u{FFFD}\u{FFFD} bytes")
    );
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains("3 invalid UTF-8 sequences") && w.contains("line 2")),
        "{:?}",
        summary.warnings
    );
}

#[test]
fn nul_bytes_are_ignored_with_a_warning() {
    let doc = b"\0\0<Error>\0<Code>No\0SuchKey</Code><RequestId>NjVhMTZhYTNfMWQyZjBh\0</RequestId></Error>\n";
    let (found, summary) = decode_bytes(doc, &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.as_deref(), Some("NoSuchKey"));
    assert_eq!(found[0].request_id.as_deref(), Some("NjVhMTZhYTNfMWQyZjBh"));
    assert!(
        summary
            .warnings
            .iter()
            .any(|w| w.contains("5 NUL bytes were dropped") && w.contains("line 1")),
        "{:?}",
        summary.warnings
    );
}

fn utf16(s: &str, be: bool) -> Vec<u8> {
    let mut v: Vec<u8> = if be {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for u in s.encode_utf16() {
        v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    v
}

#[test]
fn utf16_with_bom_decodes_like_utf8() {
    // What PowerShell's `>` writes: UTF-16LE with a BOM, CRLF.
    let text = fs::read_to_string(corpus_dir().join("cos_curl_i_403.txt"))
        .unwrap()
        .replace('\n', "\r\n");
    let (want, _) = decode_bytes(text.as_bytes(), &Options::default());
    assert_eq!(want.len(), 1);
    for be in [false, true] {
        let (got, summary) = decode_bytes(&utf16(&text, be), &Options::default());
        assert_eq!(got, want, "big endian: {be}");
        assert!(summary.warnings[0].contains(if be { "UTF-16BE" } else { "UTF-16LE" }));
    }
}

#[test]
fn truncated_xml_keeps_what_was_read() {
    let (found, _) = decode_bytes(
        b"<?xml version='1.0'?>\n<Error>\n<Code>NoSuchKey</Code>\n<Mess",
        &Options::default(),
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].code.as_deref(), Some("NoSuchKey"));
    assert!(
        found[0]
            .notes
            .iter()
            .any(|n| n.contains("truncated XML") && n.contains("missing: Message, RequestId"))
    );
    // Cut before any field: still an error document, reported as cut.
    let (found, _) = decode_bytes(b"<Error>\n<Cod", &Options::default());
    assert_eq!(found.len(), 1);
    assert!(found[0].notes.iter().any(|n| n.contains("truncated XML")));
}

#[test]
fn binary_junk_never_panics() {
    // A deterministic xorshift stream, with markers sprinkled in.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut junk = Vec::with_capacity(2 << 20);
    while junk.len() < 2 << 20 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        junk.extend_from_slice(&x.to_le_bytes());
        if x.is_multiple_of(97) {
            junk.extend_from_slice(b"<Error><Code>");
        }
        if x.is_multiple_of(89) {
            junk.extend_from_slice(b"HTTP/1.1 403 \n{\"code\":");
        }
    }
    let (_, summary) = decode_bytes(&junk, &Options::default());
    assert_eq!(summary.bytes, junk.len() as u64);
}

// ---- Streaming, errors, options ---------------------------------------------

/// A reader that hands out its chunks one per read and records how many
/// errors the sink had seen when each read happened.
struct Chunks {
    chunks: Vec<Vec<u8>>,
    next: usize,
    seen: Rc<Cell<u64>>,
    seen_at_read: Vec<u64>,
    /// Report a pause (`TimedOut`) before each chunk after the first.
    pause: bool,
    paused: bool,
}

impl Read for Chunks {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // The input pauses before each chunk after the first, as a log
        // that is being written does.
        if self.pause && self.next > 0 && !std::mem::replace(&mut self.paused, true) {
            return Err(io::ErrorKind::TimedOut.into());
        }
        self.paused = false;
        self.seen_at_read.push(self.seen.get());
        let Some(c) = self.chunks.get(self.next) else {
            return Ok(0);
        };
        self.next += 1;
        buf[..c.len()].copy_from_slice(c);
        Ok(c.len())
    }
}

#[test]
fn errors_are_emitted_before_the_input_ends() {
    let seen = Rc::new(Cell::new(0));
    let mut r = Chunks {
        chunks: vec![
            b"2024-01-12 16:36:51 PUT https://b.cos.ap-beijing.myqcloud.com/k: 403 AccessDenied(Message: Access Denied., RequestId: NjVh, TraceId: OGVm)\n".to_vec(),
            b"<Error><Code>NoSuchKey</Code><RequestId>NjVhMTZhYTNfMWQyZjB2</RequestId></Error>\n".to_vec(),
            b"HTTP/1.1 404 Not Found\nContent-Length: 0\nx-cos-request-id: NjVhMTZhYTNfMWQyZjB3\n\n".to_vec(),
            b"unrelated\n".to_vec(),
        ],
        next: 0,
        seen: seen.clone(),
        seen_at_read: Vec::new(),
        pause: true,
        paused: false,
    };
    let s2 = seen.clone();
    let summary = decode::decode(&mut r, &Options::default(), &mut |_| {
        s2.set(s2.get() + 1);
        Ok(())
    })
    .unwrap();
    assert_eq!(summary.found, 3);
    // Each error was out when the input paused, before the next chunk.
    assert_eq!(&r.seen_at_read[..4], &[0, 1, 2, 3]);
}

#[test]
fn sink_errors_stop_decoding() {
    let seen = Rc::new(Cell::new(0));
    let mut r = Chunks {
        chunks: (0..50)
            .map(|i| {
                format!(
                    "<Error><Code>A</Code><RequestId>NjVhMTZhYTNfMWQy{i:08}</RequestId></Error>\n"
                )
                .into_bytes()
            })
            .collect(),
        next: 0,
        seen,
        seen_at_read: Vec::new(),
        pause: false,
        paused: false,
    };
    let err = decode::decode(&mut r, &Options::default(), &mut |_| {
        Err(io::ErrorKind::BrokenPipe.into())
    })
    .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    // An error is held back until the next record shows it complete:
    // the sink fails on the first with the second record read.
    assert!(
        r.next <= 3,
        "kept reading after the sink failed: {} reads",
        r.next
    );
}

struct Failing(bool);

impl Read for Failing {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if std::mem::replace(&mut self.0, true) {
            return Err(io::Error::other("disk on fire"));
        }
        let s = b"<Error><Code>A</Code>";
        buf[..s.len()].copy_from_slice(s);
        Ok(s.len())
    }
}

#[test]
fn read_errors_are_returned() {
    let err = decode::decode(Failing(false), &Options::default(), &mut |_| Ok(())).unwrap_err();
    assert_eq!(err.to_string(), "disk on fire");
}

/// Inputs the fuzzer found (minimized) to panic an earlier decoder, or to
/// make it decode differently when chunked differently: hostile input of
/// every kind, checked with every chunk size in
/// `chunking_does_not_change_results` and on every thread count.
fn fuzz_findings() -> Vec<Vec<u8>> {
    let long_markup = [
        b"<Error>\n<Code>A</Code><?pi\n".as_slice(),
        &b"x\n".repeat(70),
        b"</Error>\n<Error><Code>B</Code><x\n",
        &b"y\n".repeat(70),
        b"></Error>\n",
    ]
    .concat();
    vec![
        // Markup carried over to the next line was counted from the wrong line.
        b"\n<Error>s<?\n</Error>\n".to_vec(),
        // A stray `</>` closed the body before the end tag that was looked
        // up ahead; what followed it was dropped.
        b"<Error></>\n<Error>></Error>\n".to_vec(),
        // A byte order mark at a line start was dropped on one path only.
        b"<Error>\n\xef\xbb\xbf></Error>\n".to_vec(),
        b"\xef\xbb\xbf<Error>\n<Code>X</Code>\n</Error>\n".to_vec(),
        // Two cut-off bodies were merged when read in one pass (as if
        // printed twice on one line), not when read line by line.
        b"<Error>\n<Code>A</Code>\n<Error>\n<Code>A</Code><RequestId>r\n<?xml version='1.0'?>\n</Error>\n".to_vec(),
        // A timestamp inside a body's last line set the log's clock when
        // read line by line, not in one pass.
        b"<Error>\n<Code>A</Code>\n<Error>x 2024-06-20 09:00:01,007 <RequestId>r</RequestId></Error>\n<Error><Code>B</Code><RequestId>s</RequestId></Error>\n".to_vec(),
        // Markup left open for more than 64 lines was given up on after 64
        // feeds, not 64 lines; and its `>` could be in a later feed.
        long_markup,
        // A body ended inside lines it had carried over (after giving up on
        // a tag): the line-by-line path lost the rest of those lines.
        [b"<Error\n\"\n>\n>\n\n<Error\n".as_slice(), &b"\n".repeat(37), b">\n", &b"\n".repeat(16), b"+\n</Error>\n"].concat(),
        // Overflowed the stack: the root finder ended a name at a form feed,
        // quick-xml did not, and the same text was replayed forever.
        b"x\n<Error\x0c~<Coded\\Cos\\Exception\n***</Tralce\xb7E</>or>\n".to_vec(),
        // The line path undid escapes in a body's first line, the one-pass
        // path did not; likewise for JSON objects in an XML line.
        b"<Error>\\u003c\n</Error>\n".to_vec(),
        b"<Error><Message>{\"code\":\"X\",\"message\":\"m\"}\n</Message></Error>\n".to_vec(),
        // A body closed early (`</>`) on its first line, text after it: one
        // path read the text with the body, the other apart from it.
        b"<Error></>o Message: 5\n</Error>\n".to_vec(),
        // A repeat on one line was merged only when both sightings were
        // emitted together.
        b"<Error\n><T><Error><Code>NoSuchBucket</><e><Error><Code>NoSuchBucket</><e></>\n</Error>\n".to_vec(),
        // Looped for ever: the root finder took `<Response/` for a root,
        // quick-xml read a tag named `Response/`, and the body was replayed
        // from its first byte again and again.
        b"<Response/\n  <JobsDetail>\n    <Code>-65013</Code>\n</Response>\n".to_vec(),
        // A timestamp on a body's first line set the log's clock only when
        // read line by line.
        b"<Response>2024/01/12 16:36:51<e\n</Response>\n<Code>t".to_vec(),
        // A body ended at the very start of the text it carried; that text
        // was dropped instead of read again.
        b"<Error>\n<?xml \n?><d\"\n<Error>\n\">\n\n</Error>\n".to_vec(),
        // quick-xml drops a leading byte order mark and miscounts after it.
        b"<Error\n>e\x90\n\xef\xbb\xbf\n<Error\n</Error>\n".to_vec(),
        // quick-xml reports an offset inside a leading byte order mark.
        b"<Error>\n\xef\xbb\xbf><".to_vec(),
        // Panicked: a byte index one past a multi-byte character (U+FFFD).
        b"<Response\n\xff2024-06-20 17:00:00]".to_vec(),
        // The same mistake, in the SDK string readers (found by reading them).
        "PUT https://b/k:\u{3000}403\u{3000}AccessDenied(Message: m, RequestId: r)\n".into(),
        "é403 X(Message: m, RequestId: r)\n".into(),
        "ÿException: m (Service: S3, Status Code: 403)\nxé: y\n\tstatus code: 404, request id: r\n".into(),
        // `<Error/` ending a line: a root to the one-pass reader (which
        // looked at the line without its line end), text to the line path.
        b"P/n\n<Error/\n\"\x06j\t</Error>\n<o::Errors::de ".to_vec(),
        // An unresolved reference with a line end in it (`&\r\n;`): one
        // reference in one pass, text over two lines line by line, and
        // only the text had its `\r\n` made `\n`.
        b"H\n<Error>&\r\n;</Error>\n".to_vec(),
        // Blank lines after a body cut off by `<?xml`, then text: read in
        // one pass the body gave them back and the blank line ended the
        // HTTP body; read line by line the body kept them and the next
        // error was the response's.
        b"HTTP/1 200\n\n<Error><?xml ?>\n\n\x02<Error>N</Error>\n".to_vec(),
        // Two byte order marks starting a line, then an unclosed tag:
        // quick-xml dropped the second mark, so the offset of the tag was
        // three bytes early, and line by line the space before it was
        // read twice (fuzzing, this session's code and the last's).
        b"<Error>a\n\xef\xbb\xbf\xef\xbb\xbf <'>b</Error>\n".to_vec(),
        b"HTsion='0.0' enh\x00\x00\x00coding='utf-8' ?>\n<Error>d>NjVhMTZhYTNfMWQyZjBh              de [     sponse>\n\xef\xbb\xbf\xef\xbb\xbf <Jo'  <Cod\x18e>           OueS3Excep MjBk</TraceId>\n</Error>\n".to_vec(),
        // A body starting on an HTTP status line was fed without that
        // line's end, so `<Response` and the next line `e` made a tag
        // `<Responsee`; the summary then differed by where a read ended.
        b"HTTP/1 503 Date: <Response\ne\n</Response>\n".to_vec(),
        b"<Respmn2022024/0ponse:e below\nHTTP/1.1 503 Seon: k\x8deelow\nHTTP/1.1 503 Seon: k\x8deep-alive Date: Tue, 02 M  obje<Response\nJ< <p-alive Date: Tue, 02 M  obje<Response\nJ< </Response>\nm3cRequeture we  cc".to_vec(),
        // Bodies cut off by the next `<Response>`: read in one pass, the
        // summary notes came in another order than line by line (found by
        // the parallel target, whose chunks read the lines another way).
        // A body after a byte order mark with braces in its text: read in
        // one pass the braces were the body's message; line by line they
        // were taken out as a JSON object first, because the mark hid that
        // the line starts with XML.
        b"\n\xef\xbb\xbf<Error>{}\n</Error>\n".to_vec(),
        // Looked like UTF-16LE over its 22 bytes read at once, not over
        // the 16 a trickle had brought when the guess was made.
        b"6\x009\x8d\x85\xff\xff\x00\n\x00A\x02\x00\x00x\x00>\x00 \x00 \x00".to_vec(),
        b"Response>\n    <JobsDetail>\n        <Code>Success</Code>\n        <Message/>\n        <JobId>j7f2c1e0a5b7etail>\n       cess</State>\n        <Tag>TranscodgT>e/\n<a    >\n</Response>\n<Response><JobsDetail><Code></Code><StaJobId>j7f2c1e0a5b7etail>\n       cess</State>\n        <Tag>TranscodgT>e/\n<a    >\n</Response>\n<Response><JobsDetail><Code></Code><State>Running</State><JobIdd11eeb1e452ba0014te>Running</State><JobIdd11eeb1e452ba001452c4</JobId>\n   ponse>\n<Response><JobsDetail><Code></Code><State>Running</State><JobId>j2</JobId></JobsDe> tail></Response>\n".to_vec(),
        // A value cut where a wide character did not fit (max_field 1):
        // read line by line, the next line's text filled the room it left
        // (fuzzing, this session).
        b"\x00<Response>\n<Code>\xef\x9b\xbf\nt</Response>\n".to_vec(),
        // Lines a body had carried, read again after it closed early
        // (`</>`), took as their previous line the last line the body had
        // read: line 5 read in one pass, line 64 line by line. Go's SDK
        // reader paired line 4 with line 5 only in one pass (fuzzing,
        // this session).
        [b"<Error><?>\n\n</>\n status code:Code: t\n\0Sie: A\n".as_slice(), &b"\n".repeat(58), b">\n</Error>\n"].concat(),
        // A body opened on a line with backslash escapes (its line ends
        // are not counted) closed early inside lines it had carried: the
        // lines read again were numbered from the line the carried text
        // began on, and a body they opened got wrong line numbers, which
        // surfaced only where a region was fed together with markup it
        // carried (fuzzing, this session).
        b"<Response>\x00}\x00\x5cu<R=' ?>\x0a}\x0a\xff\x0aos\x0a\x02\x0a\x0a</\x0as>\x0a\x00t\x0aE\x0ao\x0a\x0a}r\x0a\x0a\x0a\xef\xbb\x0a\x00r\x0a \x0a>\x0a\x0a>\x0a\x0a\x00r\x0ar\x0an\x0ar\x0ar\x0a\x0a\x0a>\xbb\xbf\x0a\x0a>\x0a\x0a\x0ar\x0ase>\x0a\xff\x09R\x0a\xbf\x0aEr\x0a\x0aA\x0a\x0ae\x0a\xef\x0a\x00\x0aE\x0ar\x0ar\x0aoe>\x0a>\x0a\xef/\x0a\xef\x0aE\x0aE\x00\x0a\x0a\x0a<Response>\x0a <\x0a\x0a\x0aE\x0ar\x0a\x0a  \x0a\x0aA>\x0a  \x0a<Response></Response>\x0a\xef\xbb".to_vec(),
        // The fix for the one above numbered lines read again back from
        // their end, counting escaped `\n`s too: line 0 (fuzzing, this
        // session, a minute into the next run).
        b"\\u003cError\n\"e>::Errors::00\n".to_vec(),
    ]
}

/// Hands out `step` bytes per read, as a slow pipe does.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// Found by the fuzzer (a pretty-printed JSON object whose `{` line had
/// been consumed before its members were read): how the input is chunked
/// must not change what is found.
#[test]
fn chunking_does_not_change_results() {
    let mut inputs: Vec<Vec<u8>> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .map(|p| fs::read(p).unwrap())
        .collect();
    inputs.push(utf16(
        "<Error><Code>AccessDenied</Code><RequestId>r</RequestId></Error>\r\n",
        false,
    ));
    inputs.extend(fuzz_findings());
    for input in &inputs {
        // Also with the fuzz target's field limit (1 + 8 x the first
        // byte), which cuts values at every length.
        let fuzzed = Options {
            max_field: 1 + input.first().map_or(0, |&b| usize::from(b) * 8),
            ..Options::default()
        };
        for opts in [&Options::default(), &fuzzed] {
            let (whole, summary) = decode_bytes(input, opts);
            assert!(
                whole.iter().all(|f| f.line >= 1),
                "line numbers are 1-based: {}",
                String::from_utf8_lossy(input)
            );
            for step in [1, 7, 4096] {
                let mut got = Vec::new();
                let got_summary = decode::decode(Trickle(input, step), opts, &mut |f| {
                    got.push(f);
                    Ok(())
                })
                .unwrap();
                let max = opts.max_field;
                assert_eq!(
                    got_summary, summary,
                    "{step} bytes per read, max_field {max}"
                );
                assert_eq!(
                    got,
                    whole,
                    "{step} bytes per read, max_field {max}:\n{}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }
}

/// Every input of this file's tests, for the parallel path to match.
fn all_inputs() -> Vec<(String, Vec<u8>)> {
    let mut inputs: Vec<(String, Vec<u8>)> = fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .map(|p| (p.display().to_string(), fs::read(p).unwrap()))
        .collect();
    inputs.sort();
    inputs.extend(
        fuzz_findings()
            .into_iter()
            .enumerate()
            .map(|(i, f)| (format!("fuzz finding {i}"), f)),
    );
    inputs.push((
        "UTF-16".into(),
        utf16(
            &"<Error><Code>AccessDenied</Code><RequestId>NjVhMTZhYTNfMWQyZjBh</RequestId></Error>\r\n".repeat(40),
            false,
        ),
    ));
    inputs
}

fn parallel(input: &[u8], threads: usize) -> io::Result<(Vec<Found>, Summary)> {
    let mut got = Vec::new();
    let summary = decode::decode_parallel(input, &Options::default(), threads, &mut |f| {
        got.push(f);
        Ok(())
    })?;
    Ok((got, summary))
}

/// On any number of threads, the errors and the summary are one thread's:
/// for each input alone, and for all of them together many times over
/// (many batches, more than may be in flight).
#[test]
fn parallel_decoding_gives_the_one_thread_errors() {
    let inputs = all_inputs();
    for (name, input) in &inputs {
        let (want, summary) = decode_bytes(input, &Options::default());
        for threads in [2, 3] {
            let (got, got_summary) = parallel(input, threads).unwrap();
            assert!(got == want, "{name}, {threads} threads");
            assert_eq!(got_summary, summary, "{name}, {threads} threads");
        }
    }
    let mut all = Vec::new();
    for (_, input) in inputs.iter().filter(|(n, _)| n != "UTF-16") {
        all.extend_from_slice(input);
        all.extend_from_slice(b"\n\n");
    }
    let all = all.repeat(30);
    let (want, summary) = decode_bytes(&all, &Options::default());
    assert!(want.len() > 1000, "only {} errors", want.len());
    for threads in [2, 4] {
        let (got, got_summary) = parallel(&all, threads).unwrap();
        assert!(got == want, "all, {threads} threads");
        assert_eq!(got_summary, summary, "all, {threads} threads");
    }
}

/// A sink slower than the threads: they must wait for it, and it for
/// them; nobody may wait for ever.
#[test]
fn parallel_decoding_keeps_pace_with_a_slow_sink() {
    let input: Vec<u8> = (0..20_000)
        .flat_map(|i| {
            format!("<Error><Code>SlowDown</Code><RequestId>NjVhMTZhYTNfMWQy{i:08}</RequestId></Error>\n")
                .into_bytes()
        })
        .collect();
    let (want, _) = decode_bytes(&input, &Options::default());
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut got = Vec::new();
        let r = decode::decode_parallel(&input[..], &Options::default(), 3, &mut |f| {
            if got.len() % 1000 == 0 {
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            got.push(f);
            Ok(())
        });
        let _ = done.send(r.map(|_| got));
    });
    let got = finished
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the parallel decode did not finish: a thread waits for ever")
        .unwrap();
    assert!(got == want, "a slow sink changed the errors");
}

#[test]
fn parallel_decoding_stops_when_the_sink_fails() {
    let body: Vec<u8> = (0..100_000)
        .flat_map(|i| {
            format!("<Error><Code>A</Code><RequestId>NjVhMTZhYTNfMWQy{i:08}</RequestId></Error>\n")
                .into_bytes()
        })
        .collect();
    let mut calls = 0;
    let err = decode::decode_parallel(&body[..], &Options::default(), 2, &mut |_| {
        calls += 1;
        if calls == 300 {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        Ok(())
    })
    .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    assert_eq!(calls, 300, "the sink was called after it failed");
    // A read error comes back as it was.
    let err = decode::decode_parallel(Failing(false), &Options::default(), 2, &mut |_| Ok(()))
        .unwrap_err();
    assert_eq!(err.to_string(), "disk on fire");
}

#[test]
fn provider_option_overrides() {
    let doc = fs::read(corpus_dir().join("obs_curl_i_403.txt")).unwrap();
    let (found, _) = decode_bytes(
        &doc,
        &Options {
            provider: Some(Provider::Cos),
            ..Options::default()
        },
    );
    assert_eq!(found[0].provider, Some(Provider::Cos));
    let (found, _) = decode_bytes(&doc, &Options::default());
    assert_eq!(found[0].provider, Some(Provider::Obs));
}

/// The errors of `text`, after checking that the keyword prefilter and
/// the parallel path find exactly what every shape on every record, on
/// one thread, finds: what the fuzzer's parallel target checks.
fn same_either_way(text: &[u8]) -> Vec<Found> {
    let (fast, _) = decode::decode_all(text, &Options::default());
    let plain = Options {
        every_shape: true,
        ..Options::default()
    };
    let (slow, _) = decode::decode_all(text, &plain);
    assert_eq!(fast, slow, "{}", String::from_utf8_lossy(text));
    let mut threads = Vec::new();
    decode::decode_parallel(text, &Options::default(), 2, &mut |f| {
        threads.push(f);
        Ok(())
    })
    .unwrap();
    assert_eq!(threads, fast, "{}", String::from_utf8_lossy(text));
    fast
}

/// Found by the fuzzer (the parallel target): a log line that reports a
/// status in Chinese prose (`结果报403错误`) gave a 403 with every shape
/// on, and nothing through the gate, which had no Chinese anchors. The
/// gate now opens on `错误`, `失败`, `报` and `异常`, and on `返回`,
/// `出现` or `发现` before an error status.
#[test]
fn a_chinese_status_in_a_log_line_passes_the_gate() {
    for text in [
        "WARNING: Waiting 3 sec...\nWARNING: 访问一个设为公共读的obs桶，结果报403错误，access Deny\n",
        "2024-01-01 12:00:00 INFO 上传后一直返回 404\n",
        "2024-01-01 12:00:00 INFO 上传 403 报错\n",
        "2024-01-01 12:00:00 INFO 上传报 NoSuchKey\n",
    ] {
        let found = same_either_way(text.as_bytes());
        assert!(
            found
                .iter()
                .any(|f| matches!(f.status, Some(403 | 404)) || f.code.is_some()),
            "{text}: {found:?}"
        );
    }
}

/// Found by the fuzzer (the parallel target): a log's line with a code
/// name and a message but no error word gave an error with every shape
/// on, and none through the gate, which keeps such lines out of a log by
/// design. Every shape on every record now follows the gate's rule too,
/// by its plain definition: the gate's search is what is checked.
#[test]
fn a_log_line_without_an_error_signal_is_no_error_either_way() {
    for text in [
        "2025/04/01 18:35:48 DEBUG : 1.txt: vfs cache: x BadDigest: The Content-MD5 you specified did not match.\n",
        "2025/04/01 18:35:48 DEBUG : The specified key does not exist.\n",
    ] {
        assert!(same_either_way(text.as_bytes()).is_empty(), "{text}");
    }
}

/// Found by the fuzzer (the parallel target): behind a log's timestamp,
/// openstacksdk's `RESP: [403]` and an OBS C SDK status with no error
/// word around it gave an error with every shape on, and nothing through
/// the gate: its `: 4` wants no bracket between, and it had no anchor for
/// `OBS_STATUS_`.
#[test]
fn sdk_statuses_in_log_lines_pass_the_gate() {
    let text = "2024-05-06 12:39:56 RESP: [403] Content-Length: 263 Content-Type: application/xml Server: OBS x-obs-request-id: 000001953DFD5CDA4C23A05E185E44A0\n";
    let found = same_either_way(text.as_bytes());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].status, Some(403));
    let found = same_either_way(b"2024-05-06 12:39:56 INFO get object: OBS_STATUS_NoSuchKey\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code.as_deref(), Some("NoSuchKey"));
}

/// Found by the fuzzer (the parallel target): `TTP/1.1 200 OK` above a CI
/// job that failed gave a status of 200 with every shape on, and none
/// through the keyword prefilter, which does not call the status shape
/// for a success's reason phrase. A reason phrase alone now reads only an
/// error status, as the keywords say.
#[test]
fn a_success_reason_phrase_reads_the_same_with_and_without_the_prefilter() {
    let input =
        fs::read(corpus_dir().join("../real/status-ci-workflowexecution-task-failed-200.txt"))
            .unwrap();
    let mutated = [
        &b"TTP/1.1 200 OK\n"[..],
        &input[input.iter().position(|&b| b == b'\n').unwrap() + 1..],
    ]
    .concat();
    for text in [&input, &mutated] {
        let found = same_either_way(text);
        assert!(!found.is_empty());
    }
}

/// Found by the fuzzer (the parallel target): a `> Date:` line cut off
/// from its request line (no `HTTP/` in the record) was read as the
/// client's date with every shape on, and not through the prefilter; and
/// a cut-off XML document was taken by the one-document shortcut, which
/// left a host after its broken tag unread.
#[test]
fn request_header_lines_alone_read_the_same_with_and_without_the_prefilter() {
    let text = b"<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>Request has expired</Code>\n\t<Message>Request has expired</Message>\n\t<Resource>examplebucket-1250000000.cos.ap-beijing.myqcloud.com/exampleobject<ost: examplebucket-1250000000.cos.ap-beijing.myqcloud.com\n> Date: Fri, 12 Jan 2024 11:36:51 GMT\n>\n";
    let alone = b"upload failed: AccessDenied: Request has expired\n> Date: Fri, 12 Jan 2024 11:36:51 GMT\n>\n";
    // The first also holds a cut document, which the one-document
    // shortcut must not take for a whole one.
    for text in [&text[..], &alone[..]] {
        let found = same_either_way(text);
        assert!(!found.is_empty());
    }
}

/// Found by the fuzzer (the parallel target): an exception's words inside
/// a whole XML error document (`<Message>NoSuchBucketException: ...`)
/// were a second error with every shape on, while the one-document
/// shortcut read the document alone. What the other shapes read inside a
/// whole document is its text, quoted: one error, in a document alone
/// and in a longer record, with its message kept as it was written.
#[test]
fn an_exception_quoted_in_an_error_document_is_the_document_s_text() {
    let doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>InvalidObjectState</Code>\n  <Message>NoSuchBucketException: Failed to query the state (Status Code: 404)</Message>\n  <BucketName>x\\NoSuchKeyException: gone</BucketName>\n  <RequestId>NjU0NDM3ZmVfNGUxYTliMGNfOWRfMmIxZTNjNA</RequestId>\n</Error>\n";
    let logged = format!("2024-01-12 11:36:51 ERROR restore failed, the body was:\n{doc}");
    for text in [doc, &logged] {
        let found = same_either_way(text.as_bytes());
        assert_eq!(found.len(), 1, "{text}\n{found:#?}");
        assert_eq!(found[0].code.as_deref(), Some("InvalidObjectState"));
        assert_eq!(
            found[0].message.as_deref(),
            Some("NoSuchBucketException: Failed to query the state (Status Code: 404)")
        );
        assert_eq!(
            found[0].request_id.as_deref(),
            Some("NjU0NDM3ZmVfNGUxYTliMGNfOWRfMmIxZTNjNA")
        );
    }
}

/// Found by the fuzzer (the parallel target): the shapes read a record
/// with its NUL bytes taken out, but the keyword prefilter and a log's
/// gate looked at the bytes with them, so `"s\0tatus":0` and a log's
/// `sta\0tus=403` were read only with every shape on. Both now read the
/// same either way.
#[test]
fn a_nul_inside_a_keyword_reads_the_same_with_and_without_the_prefilter() {
    let xhr = b"{\"readyState\"Access-Control-Allo\",\"s\0\0\0tatus\":0,\"statusText\":\"error\"}";
    let log = b"2024-01-12 11:36:51 INFO GET /k sta\0tus=403 request_id=NjU0NDM3ZmVfNGUxYTliMGNfOWRfMmIxZTNjNA\n2024-01-12 11:36:52 INFO GET /k status=200\n";
    for text in [&xhr[..], &log[..]] {
        let found = same_either_way(text);
        assert!(!found.is_empty(), "{}", String::from_utf8_lossy(text));
    }
}

/// Found by the fuzzer (the parallel target): the label shape reads
/// `X-ErrNo: -3004` as CI's numeric code, but `errno` was not among its
/// keywords, so the line was read only with every shape on (here after a
/// header the HTTP shape cannot read, which ends its header block). And a
/// code labelled below a failed response's status line is that
/// response's code: it was dropped when nothing else stood beside it.
#[test]
fn an_errno_line_reads_the_same_with_and_without_the_prefilter() {
    let headers = b"HTTP/1.1 404 OK\nConnection: close\nContent-Len\xb9th: 455\nContent-Type: application/xml\nDate: Thu, 09 Apr 2020 13:44:52 GMT\nX-ErrNo: -3004\n";
    let alone = b"HTTP/1.1 404 Not Found\nX-ErrNo: -3004\n";
    for text in [&headers[..], &alone[..]] {
        let found = same_either_way(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].number, Some(-3004));
    }
}

/// Found by the fuzzer (the parallel target): the label shape reads
/// `x-obs-id-2: ...` as the host ID, but no keyword of its named it, so a
/// host ID on a flattened header line (`RESP: [403] ... x-obs-id-2: X`)
/// was kept only with every shape on. Labels are compared normalised, so
/// no keyword list covers their spellings: the label shape now reads
/// every record the shapes read.
#[test]
fn a_host_id_label_reads_the_same_with_and_without_the_prefilter() {
    for label in ["x-obs-id-2", "X_OBS_ID_2"] {
        let text = format!(
            "RESP: [403] Content-Length: 263 Content-Type: application/xml Date: Wed, 05 Feb 2025 13:24:12 GMT Server: OBS {label}: 32AAAQAAEAABAAAQAAEAAB\n"
        );
        let found = same_either_way(text.as_bytes());
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].status, Some(403));
        assert_eq!(found[0].host_id.as_deref(), Some("32AAAQAAEAABAAAQAAEAAB"));
    }
}

/// Found by the fuzzer (the parallel target): s3cmd's `WARNING: Retrying
/// failed request: / (No status line received - ...)` with its `failed`
/// mutated away was kept out by a log's gate, and read with every shape
/// on. The gate now reads `status line received` as a client failure.
#[test]
fn a_lone_no_status_line_reads_the_same_with_and_without_the_prefilter() {
    let text = b"WARNING: Retrying failed requestclosed the connection)\nWARNING: Wa: / (No status line received - the server has closed the connection)\nWARNING: Waiting 3 sec...\nWARNING: Retrying failed request: / (No status line received - the server has closed the connection)\n";
    let found = same_either_way(text);
    assert!(!found.is_empty());
    assert_eq!(found[0].line, 2, "{found:#?}");
}

/// Found by the fuzzer (the parallel target): an nginx page cut into
/// pieces by the log lines printed between its lines. The piece with
/// `<center>nginx` and `<h1>` sat in a log record with neither `<html` nor
/// `<title>`: the gate kept it out, while every shape on read it as a
/// proxy's page. A page's pieces are now the gate's anchors too.
#[test]
fn a_page_cut_by_log_lines_reads_the_same_with_and_without_the_prefilter() {
    let text = b"2024-05-06 12:39:56 233|com.obs.services.internal.RestStorageService WARNING: Retrying failed request\nERROR: <html>\n<head><title>504 Gateway Ti\n2024-05-06 12:39:56.235  INFO 8 --- [XNIO-1 task-5] com.obs.log.AccessLogger : me-out</title></head>\n<body bgcolor=\"white\">\n<center><h1>504 Gateway Time-out</h1></center>\n<hr><center>nginx/1.12.2</center>\n</body>\n</html>\n";
    let found = same_either_way(text);
    assert!(
        found
            .iter()
            .any(|f| f.origin == coserr::decode::Origin::Proxy),
        "{found:#?}"
    );
}

/// Found by the fuzzer (the parallel target): a client failure's signal
/// with the word that the gate lets it through by cut away, in a log
/// record. The client shape read the rest as a failure, which the gate,
/// for want of an anchor, kept out. Each pair: the cut text, which is
/// nothing either way now, and the whole one, which is one error.
/// - jQuery's failed request object cut before its `"status":0`:
///   `"readyState":0` alone no longer says no response came.
/// - Go's `x509: certificate signed by unknown authority` with
///   `certificate` mangled: the shape now wants the word too.
#[test]
fn a_client_signal_cut_from_its_anchor_reads_the_same_either_way() {
    let pairs: [(&[u8], &[u8]); 2] = [
        (
            b"[2024/07/05 10:50:16 GMT+0800] [DEBUG] \n[2024/07/05 10:50:16 GMT+0800] {\"readyState\":0,\"responseText\":\"\"\n",
            b"{\"readyState\":0,\"responseText\":\"\",\"status\":0,\"statusText\":\"error\"}\n",
        ),
        (
            b"2016/06/10 16:39:03.259353 s3.INFO Unable to detect bucket region\net-test: x509: certific\xdb\xdbate signed by unknown authority\n",
            b"2016/06/10 16:39:03.575021 main.ERROR Unable to access 'bucket-test': RequestError: send request failed\ncaused by: Head https://s3.amazonaws.com/bucket-test: x509: certificate signed by unknown authority\n",
        ),
    ];
    for (cut, whole) in pairs {
        assert!(same_either_way(cut).is_empty());
        assert_eq!(same_either_way(whole).len(), 1);
    }
}

/// A 304 Not Modified answers a conditional request (the copy the client
/// holds is current): a success, not an error, while another 3xx with no
/// Location to follow still is one.
#[test]
fn not_modified_is_not_an_error() {
    let head = "HTTP/1.1 304 Not Modified\nContent-Length: 0\nServer: tencent-cos\nx-cos-request-id: NWYyMTFjODVfOGZiNzJhMDlfNDcxZjZfZDY2****\n";
    let (found, summary) = decode_bytes(head.as_bytes(), &Options::default());
    assert!(found.is_empty(), "{found:#?}");
    assert!(
        summary.seen.iter().any(|(s, _)| s.contains("success")),
        "{summary:?}"
    );
    let moved = head.replace("304 Not Modified", "301 Moved Permanently");
    let (found, _) = decode_bytes(moved.as_bytes(), &Options::default());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].status, Some(301));
}

/// An error that holds nothing a server sends, beside a client failure, is
/// that failure (aws-sdk-js's `NetworkingError`, the OBS Java SDK's own
/// 408); but a server's documented message is the server's, even with a
/// retry's timeout printed next to it.
#[test]
fn a_documented_message_beside_a_timeout_stays_the_service_s() {
    let text = "upload failed: The specified key does not exist.\nretry 2: read timed out\n";
    let (found, _) = decode_bytes(text.as_bytes(), &Options::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].failure.is_none(), "{found:#?}");
    let sdk = "{\"message\":\"connect ETIMEDOUT\",\"code\":\"NetworkingError\",\"errno\":\"ETIMEDOUT\",\"syscall\":\"connect\"}\n";
    let (found, _) = decode_bytes(sdk.as_bytes(), &Options::default());
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].failure.is_some(), "{found:#?}");
}
