//! The `coserr` binary, run for real: query forms, filters, misses,
//! `--json`, `--lang`, colour, exit statuses and pipes.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command as StdCommand, Stdio};

use assert_cmd::Command;
use serde_json::Value;

/// The binary with a clean environment: nothing from the developer's
/// shell (NO_COLOR, LANG, CLICOLOR_FORCE) may change what a test sees.
fn coserr() -> Command {
    let mut cmd = Command::cargo_bin("coserr").unwrap();
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = coserr().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json_lines(args: &[&str]) -> Vec<Value> {
    stdout_of(args)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

const ENTRY_FIELDS: [&str; 13] = [
    "provider",
    "section",
    "code",
    "number",
    "status",
    "status_text",
    "description",
    "description_zh",
    "messages",
    "advice",
    "retryable",
    "aliases",
    "docs",
];

fn assert_entry_shape(e: &Value) {
    let obj = e.as_object().expect("an entry is an object");
    let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    let mut expected = ENTRY_FIELDS.to_vec();
    expected.sort_unstable();
    let mut sorted = keys.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, expected, "fields of {e}");
}

#[test]
fn lookup_by_name_any_case_explains_one_entry() {
    let out = stdout_of(&["lookup", "nosuchbucket", "--provider", "cos"]);
    assert!(
        out.starts_with("NoSuchBucket  Tencent Cloud COS · API error\n"),
        "{out}"
    );
    assert!(out.contains("HTTP status: 404 Not Found"), "{out}");
    assert!(
        out.contains("The specified bucket does not exist."),
        "{out}"
    );
    assert!(out.contains("What to do:"), "{out}");
    assert!(out.contains("Retryable: no"), "{out}");
    assert!(
        out.contains("指定的存储桶不存在"),
        "English output shows the Chinese text dimmed: {out}"
    );
}

#[test]
fn the_shortest_form_is_a_lookup() {
    assert_eq!(stdout_of(&["SlowDown"]), stdout_of(&["lookup", "SlowDown"]));
    assert_eq!(stdout_of(&["-46618"]), stdout_of(&["lookup", "-46618"]));
    assert_eq!(stdout_of(&["404"]), stdout_of(&["lookup", "404"]));
    assert_eq!(
        stdout_of(&["--color", "never", "-46618", "--lang", "zh"]),
        stdout_of(&["lookup", "-46618", "--lang", "zh"])
    );
}

#[test]
fn a_name_in_several_providers_shows_all_grouped() {
    let lines = json_lines(&["lookup", "--json", "SlowDown"]);
    assert_eq!(lines.len(), 1);
    let matches = lines[0]["matches"].as_array().unwrap();
    let got: Vec<(String, Value, Value)> = matches
        .iter()
        .map(|m| {
            (
                m["provider"].as_str().unwrap().to_owned(),
                m["status"].clone(),
                m["number"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("cos".to_owned(), Value::from(503), Value::Null),
            ("ci".to_owned(), Value::from(429), Value::Null),
            ("ci".to_owned(), Value::Null, Value::from(-65006)),
            ("ci".to_owned(), Value::Null, Value::from(1020)),
            ("obs".to_owned(), Value::from(503), Value::Null),
        ]
    );
    // As text: a table, rows in the same order.
    let table = stdout_of(&["lookup", "SlowDown"]);
    let providers: Vec<&str> = table
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(providers, ["cos", "ci", "ci", "ci", "obs"], "{table}");
}

#[test]
fn numbers_statuses_classes_and_prefixes() {
    let by_number = json_lines(&["lookup", "--json", "-46618", "1020"]);
    assert_eq!(by_number[0]["matches"][0]["number"], -46618);
    assert_eq!(by_number[0]["matches"][0]["section"], "image-download");
    assert_eq!(by_number[1]["matches"][0]["code"], "SlowDown");
    let by_status = json_lines(&["lookup", "--json", "404"]);
    let matches = by_status[0]["matches"].as_array().unwrap();
    assert!(matches.len() > 20);
    assert!(matches.iter().all(|m| m["status"] == 404));
    let class = json_lines(&["lookup", "--json", "5XX"]);
    assert!(
        class[0]["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["status"].as_u64().unwrap() / 100 == 5)
    );
    let prefix = json_lines(&["lookup", "--json", "NoSuch*"]);
    let codes: Vec<&str> = prefix[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["code"].as_str().unwrap())
        .collect();
    assert!(
        codes.contains(&"NoSuchBucket") && codes.contains(&"NoSuchKey"),
        "{codes:?}"
    );
    assert!(codes.iter().all(|c| c.starts_with("NoSuch")));
    let flag = json_lines(&["lookup", "--json", "--prefix", "nosuch"]);
    assert_eq!(flag[0]["matches"], prefix[0]["matches"]);
    let spaced = json_lines(&["lookup", "--json", "request has expired", "BadRquest"]);
    assert_eq!(spaced[0]["matches"][0]["code"], "Request has expired");
    assert_eq!(spaced[1]["matches"][0]["code"], "BadRequest");
}

#[test]
fn filters_narrow_every_listing() {
    let obs = json_lines(&["lookup", "--json", "slowdown", "--provider", "obs"]);
    assert_eq!(obs[0]["matches"].as_array().unwrap().len(), 1);
    assert_eq!(obs[0]["matches"][0]["provider"], "obs");
    let two = json_lines(&[
        "lookup",
        "--json",
        "slowdown",
        "--provider",
        "obs",
        "--provider",
        "cos",
    ]);
    assert_eq!(two[0]["matches"].as_array().unwrap().len(), 2);
    let moderation = json_lines(&[
        "list",
        "--json",
        "--provider",
        "ci",
        "--section",
        "content-moderation",
    ]);
    assert!(moderation.len() >= 20);
    assert!(
        moderation
            .iter()
            .all(|e| e["section"] == "content-moderation")
    );
    let conflict = json_lines(&["list", "--json", "--status", "409"]);
    assert!(conflict.iter().all(|e| e["status"] == 409));
    let retry = json_lines(&["list", "--json", "--retryable"]);
    assert!(!retry.is_empty() && retry.iter().all(|e| e["retryable"] == true));
    let search = json_lines(&["search", "--json", "bucket", "--provider", "obs"]);
    assert!(!search.is_empty() && search.iter().all(|e| e["provider"] == "obs"));
}

#[test]
fn a_miss_suggests_and_exits_1() {
    coserr()
        .args(["lookup", "SlowDwn"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("coserr: no entry matches \"SlowDwn\"; did you mean SlowDown?\n");
    let out = coserr()
        .args(["lookup", "--json", "SignatureDoesntMatch"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["query"], "SignatureDoesntMatch");
    assert_eq!(line["matches"], Value::Array(vec![]));
    assert_eq!(line["suggestions"][0], "SignatureDoesNotMatch");
    // One miss among hits still exits 1, and the hit is still shown.
    coserr()
        .args(["lookup", "NoSuchKey", "NoSuchKye"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("NoSuchKey"))
        .stderr(predicates::str::contains("did you mean"));
    coserr()
        .args(["lookup", "-4661"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("-46614, -46617, -46618, -46619"));
    coserr()
        .args(["lookup", "1020", "--provider", "obs"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "with these filters (some entries match without them)",
        ));
}

#[test]
fn lookup_json_has_exactly_the_documented_fields() {
    let lines = json_lines(&["lookup", "--json", "InvalidObjectState", "BadRquest"]);
    assert_eq!(lines.len(), 2);
    for line in &lines {
        let keys: Vec<&str> = line
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), 3);
        for k in ["query", "matches", "suggestions"] {
            assert!(keys.contains(&k));
        }
        for m in line["matches"].as_array().unwrap() {
            assert_entry_shape(m);
        }
    }
    let states: Vec<u64> = lines[0]["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["status"].as_u64().unwrap())
        .collect();
    assert_eq!(states, [403, 409]);
    let bad = &lines[1]["matches"][0];
    assert_eq!(bad["provider"], "cos");
    assert_eq!(bad["section"], "api");
    assert_eq!(bad["code"], "BadRequest");
    assert_eq!(bad["number"], Value::Null);
    assert_eq!(bad["status"], 400);
    assert_eq!(bad["status_text"], "Bad Request");
    assert_eq!(bad["description"], "Invalid parameter.");
    assert_eq!(bad["description_zh"], "参数错误");
    assert_eq!(bad["aliases"], serde_json::json!(["BadRquest"]));
    assert_eq!(bad["retryable"], false);
    assert!(bad["advice"].as_str().unwrap().len() > 10);
    let slow = &json_lines(&["lookup", "--json", "SlowDown", "--provider", "cos"])[0]["matches"][0];
    assert_eq!(slow["messages"][1]["message"], "Reduce your request rate.");
    assert_eq!(slow["retryable"], true);
}

#[test]
fn list_and_search_json_print_one_entry_per_line() {
    let all = json_lines(&["list", "--json"]);
    assert_eq!(all.len(), coserr::catalog::entries().len());
    for e in &all {
        assert_entry_shape(e);
    }
    let hits = json_lines(&["search", "--json", "signature", "expired"]);
    assert!(!hits.is_empty());
    for e in &hits {
        assert_entry_shape(e);
        let text = e.to_string().to_lowercase();
        assert!(
            text.contains("signature") && text.contains("expired"),
            "{e}"
        );
    }
    let zh = json_lines(&["search", "--json", "签名"]);
    assert!(zh.iter().any(|e| e["code"] == "SignatureDoesNotMatch"));
}

#[test]
fn search_misses_exit_1() {
    coserr()
        .args(["search", "zebra", "unicorn"])
        .assert()
        .code(1)
        .stderr("coserr: nothing contains all of: zebra unicorn\n");
}

#[test]
fn lang_zh_shows_chinese_and_marks_fallbacks() {
    let zh = stdout_of(&["lookup", "NoSuchKey", "--provider", "cos", "--lang", "zh"]);
    assert!(zh.contains("指定的对象键不存在"), "{zh}");
    assert!(
        !zh.contains("The specified object key does not exist"),
        "{zh}"
    );
    let fallback = stdout_of(&["lookup", "MirrorFailed", "--lang", "zh"]);
    assert!(
        fallback.contains("The mirror source site returns 403."),
        "{fallback}"
    );
    assert!(
        fallback.contains("[en: the documents give no Chinese text]"),
        "{fallback}"
    );
    // auto follows the locale.
    let auto = coserr()
        .args(["lookup", "NoSuchKey", "--provider", "cos"])
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(
        String::from_utf8(auto.stdout)
            .unwrap()
            .contains("指定的对象键不存在")
    );
    let table = stdout_of(&[
        "list",
        "--provider",
        "cos",
        "--status",
        "404",
        "--lang",
        "zh",
    ]);
    assert!(table.contains("指定的存储桶不存在"), "{table}");
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    const ESC: char = '\u{1b}';
    // A pipe gets no escape codes by default.
    for args in [
        &["lookup", "SlowDown", "--provider", "cos"][..],
        &["list"][..],
        &["SlowDown"][..],
    ] {
        assert!(!stdout_of(args).contains(ESC), "{args:?}");
    }
    let always = stdout_of(&[
        "--color",
        "always",
        "lookup",
        "SlowDown",
        "--provider",
        "cos",
    ]);
    assert!(always.contains(ESC), "{always}");
    let table = stdout_of(&["--color", "always", "list", "--status", "404"]);
    assert!(table.contains(ESC));
    let forced = coserr()
        .args(["lookup", "NoSuchKey"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(String::from_utf8(forced.stdout).unwrap().contains(ESC));
    let no_color = coserr()
        .args(["lookup", "NoSuchKey"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8(no_color.stdout).unwrap().contains(ESC));
    let never = stdout_of(&["--color", "never", "lookup", "NoSuchKey"]);
    assert!(!never.contains(ESC));
}

#[test]
fn usage_and_input_errors_exit_2_with_one_line() {
    let cases: &[(&[&str], &str)] = &[
        (&["lookup", ""], "coserr: invalid query \"\": empty query"),
        (
            &["lookup", "   "],
            "coserr: invalid query \"   \": empty query",
        ),
        (
            &["lookup", "a\u{7}b"],
            "coserr: invalid query \"a\\u{7}b\": query contains a control character",
        ),
        (&["search", "\u{1b}[31m"], "coserr: invalid query"),
    ];
    for (args, start) in cases {
        let out = coserr().args(*args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with(start), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let long = "x".repeat(10_000);
    let out = coserr().args(["lookup", &long]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.starts_with("coserr: invalid query \"xxxxxxxx"), "{err}");
    assert!(err.contains("10000 characters") && err.len() < 200, "{err}");
    // clap's own usage errors exit 2 as well.
    coserr()
        .args(["lookup", "--provider", "aws", "x"])
        .assert()
        .code(2);
    coserr().args(["frobnicate", "--bogus"]).assert().code(2);
    coserr().assert().code(2);
}

#[test]
fn broken_pipe_ends_quietly() {
    for args in [
        &["list", "--json"][..],
        &["list"][..],
        &["lookup", "404", "5xx", "4xx", "--long"][..],
    ] {
        let mut child = StdCommand::new(env!("CARGO_BIN_EXE_coserr"))
            .args(args)
            .env_remove("NO_COLOR")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.is_empty());
        // The reader is gone: what is still to be written meets EPIPE.
        let status = child.wait().unwrap();
        let mut err = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut err)
            .unwrap();
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(err.is_empty(), "{args:?} wrote to stderr: {err}");
    }
}

#[test]
fn help_has_examples_and_man_page_renders() {
    for sub in [
        "lookup",
        "search",
        "list",
        "decode",
        "id",
        "completions",
        "man",
    ] {
        let help = stdout_of(&[sub, "--help"]);
        let examples = help
            .split("Examples:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{sub} --help lacks examples:\n{help}"));
        assert!(
            examples.contains(&format!("coserr {sub}")),
            "{sub} examples do not use it:\n{help}"
        );
    }
    let top = stdout_of(&["--help"]);
    assert!(top.contains("Exit status: 0 found, 1 nothing found, 2 usage or input error."));
    let man = stdout_of(&["man"]);
    assert!(man.starts_with(".ie"), "{}", &man[..80.min(man.len())]);
    assert!(man.contains(".TH coserr 1"), "man page has no title");
    for sub in ["lookup", "search", "list", "decode", "completions"] {
        assert!(man.contains(sub), "man page lacks {sub}");
    }
}
