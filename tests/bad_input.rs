//! Bad input through the real binary: each case asserts the exit status and
//! the message, and runs under a time limit and a 64 MiB address-space
//! limit, so a hang or an input held whole in memory fails the test.

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Address space allowed to coserr: far less than any of the large inputs
/// below, far more than a streaming decoder needs.
const MEMORY_LIMIT_KIB: u32 = 64 * 1024;
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Runs coserr with `args`, feeding `stdin` from a thread, under the
/// memory limit (`ulimit -v`) and the time limit.
fn run(args: &[&str], stdin: Vec<u8>) -> Output {
    let script = format!("ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\"");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_coserr"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        // coserr may stop reading early (a usage error): that is its right.
        let _ = input.write_all(&stdin);
    });
    let started = Instant::now();
    let pid = child.id();
    let watchdog = std::thread::spawn(move || {
        while started.elapsed() < TIME_LIMIT {
            std::thread::sleep(Duration::from_millis(100));
            if !std::path::Path::new(&format!("/proc/{pid}")).exists() {
                return false;
            }
        }
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
        true
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert!(
        !watchdog.join().unwrap(),
        "coserr {args:?} ran past {TIME_LIMIT:?}"
    );
    assert!(
        out.status.code().is_some(),
        "coserr {args:?} was killed by a signal: {out:?}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked"),
        "coserr {args:?} panicked: {stderr}"
    );
    assert!(
        !stderr.contains("memory allocation"),
        "coserr {args:?} ran out of memory: {stderr}"
    );
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn decode_json(input: Vec<u8>) -> (Output, Vec<serde_json::Value>) {
    let out = run(&["decode", "--json"], input);
    let values = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect();
    (out, values)
}

const NOT_FOUND: &str = "coserr: no error found in ";

#[test]
fn billion_laughs_is_not_expanded() {
    let mut doc =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        doc.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    doc.push_str("]>\n<Error><Code>&lol9;</Code><Message>laughs</Message><RequestId>r1</RequestId></Error>\n");
    let (out, errors) = decode_json(doc.into_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(errors.len(), 1);
    // The entity reference is reported as written, never expanded.
    assert_eq!(errors[0]["code"], "&lol9;");
    assert!(!stdout(&out).contains("lollol"));
}

#[test]
fn external_entities_are_never_read() {
    let dir = std::env::temp_dir().join(format!("coserr-xxe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "TOP-SECRET-CONTENT-7f3a").unwrap();
    let doc = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE e [<!ENTITY xxe SYSTEM \"file://{}\">]>\n\
         <Error><Code>AccessDenied</Code><Message>&xxe;</Message><RequestId>r1</RequestId></Error>\n",
        secret.display()
    );
    for args in [&["decode"][..], &["decode", "--json"][..]] {
        let out = run(args, doc.clone().into_bytes());
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(stdout(&out).contains("AccessDenied"));
        assert!(
            !stdout(&out).contains("TOP-SECRET"),
            "the file leaked: {}",
            stdout(&out)
        );
        assert!(!stderr(&out).contains("TOP-SECRET"));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Error fields without a root, again and again on one long line: each
/// is read once, and a record reads at most as many bodies as it may.
#[test]
fn endless_fragments_stay_bounded() {
    let line = "<Code>SlowDown</Code> and then ".repeat(50_000);
    let (out, errors) = decode_json(line.into_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!errors.is_empty() && errors.len() <= 50_000);
    assert!(errors.iter().all(|e| e["code"] == "SlowDown"));
    // An opening tag with no end anywhere after it opens nothing.
    let out = run(&["decode"], "<Code>x ".repeat(200_000).into_bytes());
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 100_000;
    let mut doc = String::from("<Error><Code>SlowDown</Code><Message>deep</Message>");
    doc.push_str(&"<a>".repeat(depth));
    doc.push_str(&"</a>".repeat(depth));
    doc.push_str("<RequestId>r1</RequestId></Error>\n");
    let (out, errors) = decode_json(doc.into_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["code"], "SlowDown");
    // An unclosed tower of elements is just as harmless.
    let out = run(&["decode"], "<a>".repeat(depth).into_bytes());
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
}

#[test]
fn a_64_mb_line_streams_in_bounded_memory() {
    let mut line = vec![b'x'; 64 << 20];
    let body =
        b"<Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>r1</RequestId></Error>";
    line.extend_from_slice(body);
    line.push(b'\n');
    let (out, errors) = decode_json(line);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        errors.len(),
        1,
        "the error at the end of a 64 MB line is still found"
    );
    assert_eq!(errors[0]["code"], "NoSuchKey");
}

#[test]
fn a_10_mb_field_is_cut_and_says_so() {
    let mut doc = b"<Error><Code>InvalidArgument</Code><Message>".to_vec();
    doc.extend(std::iter::repeat_n(b'm', 10 << 20));
    doc.extend_from_slice(b"</Message><RequestId>r1</RequestId></Error>\n");
    let (out, errors) = decode_json(doc);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(errors.len(), 1);
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        message.len() <= 64 * 1024 + 16,
        "field not cut: {} bytes",
        message.len()
    );
    let notes = errors[0]["source"]["notes"].to_string();
    assert!(
        notes.contains("Message") && notes.contains("cut"),
        "no note: {notes}"
    );
    // A line is read in pieces of 1 MiB: the body is cut where its first
    // piece ends, and says so; what comes 10 MB later is another piece.
    assert!(notes.contains("truncated XML"), "no note: {notes}");
    assert!(stderr(&out).contains("read in pieces"), "{}", stderr(&out));
}

/// `n` bytes of a fixed xorshift sequence: deterministic, and no crate
/// needed.
fn random_bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_binary_is_no_error() {
    let out = run(&["decode"], random_bytes(0x9e37_79b9_7f4a_7c15, 4 << 20));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(NOT_FOUND), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let mut doc = b"<Error><Code>AccessDenied</Code><Message>caf\xe9 \xff</Message><RequestId>r1</RequestId></Error>\n".to_vec();
    doc.extend_from_slice(b"\xc3\x28\n");
    let (out, errors) = decode_json(doc);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(errors[0]["code"], "AccessDenied");
    assert!(errors[0]["message"].as_str().unwrap().contains('\u{fffd}'));
    // \xe9, \xff, and \xc3 before "(": three, on lines 1 and 2.
    assert_eq!(
        stderr(&out),
        "coserr: warning: standard input: 3 invalid UTF-8 sequences were replaced with U+FFFD (the first on line 1)\n"
    );
}

#[test]
fn nul_bytes_are_survived() {
    let doc = b"\0\0<Error><Code>SlowDown</Code>\0<Message>m\0m</Message><RequestId>r1</RequestId></Error>\n\0".to_vec();
    let (out, errors) = decode_json(doc);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["code"], "SlowDown");
    assert!(!stdout(&out).contains('\0'));
    assert_eq!(
        stderr(&out),
        "coserr: warning: standard input: 5 NUL bytes were dropped (the first on line 1)\n"
    );
}

/// The counts are the whole input's, exactly, per input: bad bytes on
/// lines the decoder skips count too, and a file decoded in chunks on
/// every core says what the same bytes say through a pipe.
#[test]
fn damage_warnings_count_exactly_per_input() {
    let dir = std::env::temp_dir().join(format!("coserr-damage-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body = b"<Error><Code>NoSuchKey</Code><Message>bad \xff here</Message><RequestId>r1</RequestId></Error>\n";
    let mut big = Vec::new();
    let mut want = 0;
    while big.len() < 3 << 20 {
        big.extend_from_slice(b"skipped log line with \xe4\xb8 a cut character and \0 a NUL\n");
        big.extend_from_slice(body);
        want += 2;
    }
    let small = b"\xfe\n<Error><Code>SlowDown</Code><Message>\xc0\xaf</Message></Error>\n".to_vec();
    let (big_path, small_path) = (dir.join("big.log"), dir.join("small.log"));
    std::fs::write(&big_path, &big).unwrap();
    std::fs::write(&small_path, &small).unwrap();
    let nuls = want / 2;
    let (big_name, small_name) = (
        big_path.display().to_string(),
        small_path.display().to_string(),
    );
    let files = run(&["decode", "--json", &big_name, &small_name], Vec::new());
    assert_eq!(
        stderr(&files),
        format!(
            "coserr: warning: {big_name}: {want} invalid UTF-8 sequences were replaced with U+FFFD (the first on line 1)\n\
             coserr: warning: {big_name}: {nuls} NUL bytes were dropped (the first on line 1)\n\
             coserr: warning: {small_name}: 3 invalid UTF-8 sequences were replaced with U+FFFD (the first on line 1)\n"
        )
    );
    let piped = run(&["decode", "--json"], big);
    assert_eq!(
        stderr(&piped),
        stderr(&files)
            .lines()
            .take(2)
            .map(|l| format!("{}\n", l.replace(&big_name, "standard input")))
            .collect::<String>()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf16_with_and_without_bom() {
    let text =
        "<Error><Code>NoSuchBucket</Code><Message>m</Message><RequestId>r1</RequestId></Error>\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bom, body) in [("LE", [0xff, 0xfe], &le), ("BE", [0xfe, 0xff], &be)] {
        let mut input = bom.to_vec();
        input.extend_from_slice(body);
        let (out, errors) = decode_json(input);
        assert_eq!(
            out.status.code(),
            Some(0),
            "UTF-16 {name}: {}",
            stderr(&out)
        );
        assert_eq!(errors[0]["code"], "NoSuchBucket", "UTF-16 {name}");
    }
    // Without a BOM nothing says it is UTF-16: whatever is decided, it ends
    // with a clear status and no crash.
    let out = run(&["decode"], le.clone());
    match out.status.code() {
        Some(0) => assert!(stdout(&out).contains("NoSuchBucket")),
        Some(1) => assert!(stderr(&out).contains(NOT_FOUND)),
        other => panic!("UTF-16 without BOM: {other:?} {}", stderr(&out)),
    }
}

#[test]
fn empty_input() {
    let out = run(&["decode"], Vec::new());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("coserr: no error found in 0 lines (0 bytes) of standard input")
    );
}

#[test]
fn unreadable_inputs_exit_2() {
    let out = run(&["decode", "/proc/self/mem"], Vec::new());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("coserr: /proc/self/mem: "),
        "{}",
        stderr(&out)
    );
    let out = run(&["decode", "/"], Vec::new());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "coserr: /: Is a directory\n");
}

#[test]
fn bad_queries_exit_2_with_one_line() {
    let long = "Q".repeat(10_000);
    let cases: [(&str, &str); 5] = [
        ("", "coserr: invalid query \"\": empty query"),
        ("   ", "coserr: invalid query \"   \": empty query"),
        (&long, "coserr: invalid query \"QQQQ"),
        (
            "Slow\u{1b}[2JDown",
            "coserr: invalid query \"Slow\\u{1b}[2JDown\": query contains a control character",
        ),
        (
            "a\nb",
            "coserr: invalid query \"a\\nb\": query contains a control character",
        ),
    ];
    for (query, expected) in cases {
        for command in ["lookup", "search"] {
            let out = run(&[command, query], Vec::new());
            assert_eq!(out.status.code(), Some(2), "{command} {query:?}");
            let err = stderr(&out);
            assert!(err.starts_with(expected), "{command} {query:?}: {err}");
            assert_eq!(err.lines().count(), 1, "{err}");
            assert!(
                err.len() < 300,
                "the message echoes too much: {} bytes",
                err.len()
            );
        }
    }
}

/// A file of 1 MiB or more given by name is decoded in chunks on every
/// core with `--json`: the same bounds hold there, and it gives what the
/// same bytes give through a pipe (decoded on one thread).
#[test]
fn large_bad_files_decode_in_chunks_within_the_bounds() {
    let dir = std::env::temp_dir().join(format!("coserr-bad-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let body =
        b"<Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>r1</RequestId></Error>\n";
    let mut long_line = vec![b'x'; 16 << 20];
    long_line.extend_from_slice(body);
    let mut long_field = b"<Error><Code>InvalidArgument</Code><Message>".to_vec();
    long_field.extend(std::iter::repeat_n(b'm', 10 << 20));
    long_field.extend_from_slice(b"</Message><RequestId>r1</RequestId></Error>\n");
    let mut junk = random_bytes(0x2545_f491_4f6c_dd1d, 3 << 20);
    // Bodies and broken bytes mixed: chunks start inside both.
    for i in (0..junk.len()).step_by(40_000) {
        let end = (i + body.len()).min(junk.len());
        junk[i..end].copy_from_slice(&body[..end - i]);
    }
    for (name, bytes) in [
        ("long-line", long_line),
        ("long-field", long_field),
        ("junk", junk),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, &bytes).unwrap();
        let shown = path.display().to_string();
        let from_file = run(&["decode", "--json", &shown], Vec::new());
        let from_pipe = run(&["decode", "--json"], bytes);
        assert_eq!(from_file.status.code(), from_pipe.status.code(), "{name}");
        assert_eq!(
            stdout(&from_file).replace(&format!("\"file\":\"{shown}\""), "\"file\":null"),
            stdout(&from_pipe),
            "{name}"
        );
        assert_eq!(
            stderr(&from_file).replace(&shown, "standard input"),
            stderr(&from_pipe),
            "{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
