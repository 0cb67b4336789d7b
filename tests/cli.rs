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
    parse_json_lines(stdout_of(args).as_bytes())
}

/// Output that must be JSON Lines, parsed.
fn parse_json_lines(out: &[u8]) -> Vec<Value> {
    std::str::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

const ENTRY_FIELDS: [&str; 15] = [
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
    "troubleshooting",
    "source",
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
}

fn has_chinese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}'))
}

/// `--lang en` prints no Chinese (the catalogue has English text for every
/// entry); `--lang zh` prints the catalogue's Chinese text where it has one.
#[test]
fn lang_en_prints_no_chinese_and_zh_the_catalogues() {
    let args = ["lookup", "NoSuchKey", "--provider", "cos", "--long"];
    let en = stdout_of(&[&args[..], &["--lang", "en"]].concat());
    assert!(
        en.contains("The specified object key does not exist"),
        "{en}"
    );
    assert!(!has_chinese(&en), "{en}");
    let zh = stdout_of(&[&args[..], &["--lang", "zh"]].concat());
    assert!(zh.contains("指定的对象键不存在"), "{zh}");
    // Every COS entry (by its number where it has no name), in full and as
    // a table.
    let codes: Vec<String> = json_lines(&["list", "--json", "--provider", "cos"])
        .iter()
        .map(|e| match e["code"].as_str() {
            Some(code) => code.to_owned(),
            None => e["number"]
                .as_i64()
                .expect("a code or a number")
                .to_string(),
        })
        .collect();
    let mut all = vec!["--lang", "en", "lookup", "--long", "--provider", "cos"];
    all.extend(codes.iter().map(String::as_str));
    for out in [stdout_of(&all), stdout_of(&["--lang", "en", "list"])] {
        let line = out.lines().find(|l| has_chinese(l));
        assert_eq!(line, None, "Chinese in --lang en output");
    }
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
}

/// A code several providers or sections share: every meaning with what
/// to do about it, COS first, then OBS, then CI (its API, then its
/// processing sections), into a pipe and fitted to a width alike.
#[test]
fn a_shared_code_shows_each_meanings_advice_cos_then_obs_then_ci() {
    for code in ["AccessDenied", "NoSuchKey", "SlowDown"] {
        let entries = json_lines(&["lookup", "--json", code]);
        let entries = entries[0]["matches"].as_array().unwrap();
        assert!(entries.len() > 1, "{code}");
        for columns in [None, Some("80")] {
            let mut cmd = coserr();
            cmd.args(["lookup", code]);
            if let Some(c) = columns {
                cmd.env("COLUMNS", c);
            }
            let out = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
            assert!(
                out.starts_with(&format!("{code}: {} meanings\n", entries.len())),
                "{out}"
            );
            let flat = out.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut at = Vec::new();
            for e in entries {
                let advice = e["advice"].as_str().unwrap();
                let advice = advice.split_whitespace().collect::<Vec<_>>().join(" ");
                let found = flat.find(&format!("What to do: {advice}"));
                at.push((e["provider"].as_str().unwrap().to_owned(), found));
            }
            assert!(
                at.iter().all(|(_, f)| f.is_some()),
                "{code}: advice missing:\n{out}"
            );
            let mut order = at.clone();
            order.sort_by_key(|(_, f)| *f);
            let providers: Vec<&str> = order.iter().map(|(p, _)| p.as_str()).collect();
            let rank = |p: &str| ["cos", "obs", "ci"].iter().position(|q| *q == p).unwrap();
            assert!(
                providers.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
                "{code}: {providers:?}"
            );
        }
    }
    let slow = stdout_of(&["lookup", "SlowDown"]);
    let heads: Vec<&str> = slow.lines().filter(|l| l.contains(" · retry: ")).collect();
    assert_eq!(
        heads,
        [
            "COS · API error · HTTP 503 Service Unavailable · retry: yes",
            "OBS · API error · HTTP 503 Service Unavailable · retry: yes",
            "CI · API error · HTTP 429 Too Many Requests · retry: yes",
            "CI · content moderation · code -65006 · retry: yes",
            "CI · media processing · code 1020 · retry: yes",
        ]
    );
    // Several codes are still a table.
    assert!(stdout_of(&["lookup", "404"]).starts_with(" Provider  Section"));
    // On a terminal the same, with a hint under it.
    let bin = env!("CARGO_BIN_EXE_coserr");
    let command = format!("{bin} --color never lookup SlowDown");
    if let Some(screen) = on_a_terminal(60, &command, &[]) {
        let advice = "What to do: Reduce the request rate and retry with";
        assert!(screen.starts_with("SlowDown: 5 meanings\n"), "{screen}");
        assert_eq!(screen.matches(advice).count(), 3, "{screen}");
        assert!(
            screen
                .ends_with("\n5 meanings; `--long` explains each in full, `--provider` narrows.\n"),
            "{screen}"
        );
    }
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
    // COS documents it with 403 and 409, OBS with 403.
    assert_eq!(states, [403, 409, 403]);
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
    let shown = coserr::catalog::Filter::default();
    let listed = coserr::catalog::entries()
        .iter()
        .filter(|e| shown.accepts(e));
    assert_eq!(all.len(), listed.count());
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

/// A lookup of words rather than a code points to `coserr search` and
/// shows its first hits, with the miss, on stderr; a code's miss does not.
#[test]
fn a_prose_lookup_points_to_search_and_shows_its_hits() {
    for (query, hit) in [
        ("签名", "SignatureDoesNotMatch"),
        ("request expired", "Request has expired"),
        ("time zone", "RequestTimeTooSkewed"),
    ] {
        let out = coserr()
            .args(["lookup", query])
            .env("COLUMNS", "60")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{query}");
        assert!(out.stdout.is_empty(), "{query}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!("`coserr search {query}` finds")),
            "{query}: {err}"
        );
        let hits: Vec<&str> = err.lines().filter(|l| l.starts_with("  ")).collect();
        assert!(
            (1..=5).contains(&hits.len()) && hits.iter().any(|l| l.contains(hit)),
            "{query}: {err}"
        );
        assert!(hits.iter().all(|l| columns(l) <= 60), "{query}: {err}");
        assert!(
            err.lines()
                .all(|l| l.starts_with("coserr: ") || l.starts_with("  "))
        );
    }
    let code_miss = coserr().args(["lookup", "SlowDwn"]).output().unwrap();
    let err = String::from_utf8(code_miss.stderr).unwrap();
    assert_eq!(
        err,
        "coserr: no entry matches \"SlowDwn\"; did you mean SlowDown?\n"
    );
}

#[test]
fn a_mistyped_subcommand_exits_2_and_names_it() {
    for (args, message) in [
        (
            &["lokup", "SlowDown"][..],
            "coserr: 'lokup' is not a command; did you mean 'lookup'?\n",
        ),
        (
            &["serch", "签名"][..],
            "coserr: 'serch' is not a command; did you mean 'search'?\n",
        ),
        (
            &["--json", "decod", "x.log"][..],
            "coserr: 'decod' is not a command; did you mean 'decode'?\n",
        ),
    ] {
        coserr()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(message);
    }
    // A code is looked up, however near a command's name.
    assert!(stdout_of(&["SlowDown"]).contains("SlowDown"));
}

/// Reads one line of the child's stdout and closes it, as `| head -1`
/// does; the child must then end with status 0 and nothing on stderr.
fn read_first_line_then_close(child: &mut std::process::Child) -> String {
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is gone: what is still to be written meets EPIPE.
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "wrote to stderr: {err}");
    first
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
        let first = read_first_line_then_close(&mut child);
        assert!(!first.is_empty(), "{args:?}");
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

/// The `name(1)` pages a man page refers to.
fn man_references(roff: &str) -> Vec<String> {
    let text = roff.replace("\\-", "-");
    text.match_indices("(1)")
        .map(|(at, _)| {
            let start = text[..at]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .map_or(0, |i| i + 1);
            text[start..at].to_owned()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// `coserr man --dir` writes every page that any page refers to (coserr(1)
/// lists coserr-lookup(1) and the rest), and `coserr man [SUBCOMMAND]`
/// prints the same pages one at a time.
#[test]
fn man_pages_ship_every_page_they_refer_to() {
    let dir = std::env::temp_dir().join(format!("coserr-man-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    coserr()
        .args(["man", "--dir"])
        .arg(&dir)
        .assert()
        .code(0)
        .stdout("");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let top = std::fs::read_to_string(dir.join("coserr.1")).unwrap();
    let listed = man_references(&top);
    for sub in [
        "lookup",
        "search",
        "list",
        "decode",
        "id",
        "completions",
        "man",
    ] {
        assert!(
            listed.contains(&format!("coserr-{sub}")),
            "coserr(1) does not list coserr-{sub}(1): {listed:?}"
        );
    }
    for file in &files {
        let roff = std::fs::read_to_string(dir.join(file)).unwrap();
        for name in man_references(&roff) {
            assert!(
                files.contains(&format!("{name}.1")),
                "{file} refers to {name}(1), which is not shipped ({files:?})"
            );
        }
    }
    assert_eq!(stdout_of(&["man"]), top);
    assert_eq!(
        stdout_of(&["man", "lookup"]),
        std::fs::read_to_string(dir.join("coserr-lookup.1")).unwrap()
    );
    let lookup = stdout_of(&["man", "lookup"]);
    assert!(lookup.contains(".SH EXAMPLES\n.nf\n"), "{lookup}");
    assert!(lookup.contains("coserr lookup \\-46618"), "{lookup}");
    let _ = std::fs::remove_dir_all(&dir);
    let blocked = coserr()
        .args(["man", "--dir", "/proc/coserr-cannot-be-here"])
        .output()
        .unwrap();
    assert_eq!(blocked.status.code(), Some(2));
    assert!(
        String::from_utf8(blocked.stderr)
            .unwrap()
            .starts_with("coserr: cannot write /proc/coserr-cannot-be-here: "),
    );
}

// ---- decode and id ----

const DECODE_FIELDS: [&str; 28] = [
    "provider",
    "status",
    "code",
    "number",
    "message",
    "resource",
    "request",
    "request_id",
    "request_time",
    "skew_seconds",
    "trace_id",
    "host_id",
    "extra",
    "inferred",
    "partial",
    "origin",
    "failure",
    "client_code",
    "operation",
    "entry",
    "alternatives",
    "hint",
    "troubleshooting",
    "in_200",
    "sections",
    "suggestions",
    "signature",
    "source",
];

const CURL_I_403: &str = "HTTP/1.1 403 Forbidden\r\n\
Content-Type: application/xml\r\n\
Date: Fri, 12 Jan 2024 16:36:51 GMT\r\n\
Server: tencent-cos\r\n\
x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\r\n\
\r\n\
<?xml version='1.0' encoding='utf-8' ?>\n\
<Error>\n\
<Code>SignatureDoesNotMatch</Code>\n\
<Message>The Signature you specified is invalid.</Message>\n\
<Resource>examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt</Resource>\n\
<RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId>\n\
<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBj</TraceId>\n\
</Error>\n";

fn decode_with(args: &[&str], stdin: &str) -> std::process::Output {
    coserr()
        .arg("decode")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

fn decode_json(stdin: &str) -> Vec<Value> {
    let out = decode_with(&["--json"], stdin);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    parse_json_lines(&out.stdout)
}

#[test]
fn decode_explains_a_curl_response() {
    let out = decode_with(&[], CURL_I_403);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "HTTP 403 Forbidden · SignatureDoesNotMatch",
        "Message     The Signature you specified is invalid.",
        "Resource    examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt",
        "RequestId   NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx",
        "reached the server at 2024-01-12T16:36:51Z",
        "The signature calculated by the client does not match",
        "What to do:",
        "Retry: no",
        "For support:",
        "    TraceId: OGVmYzZiMmQz",
        "    Server time: Fri, 12 Jan 2024 16:36:51 GMT",
        "Tencent Cloud COS",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains('\u{1b}'), "no colour into a pipe");
}

/// A number is CI's `X-ErrNo` only when CI sent it: the COS C SDK's own
/// `status->code` when no response came is the SDK's code, and Tencent
/// Cloud API 2.0's `code` is another API's error number.
#[test]
fn a_number_is_named_by_who_gave_it() {
    let out = decode_with(
        &[],
        "transport failure curl code:7 error:Couldn't connect to server\nstatus->code: -996\nstatus->error_code: HttpIoError\nstatus->error_msg: Couldn't connect to server\nstatus->req_id:\n",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("SDK code -996"), "{text}");
    assert!(!text.contains("X-ErrNo"), "{text}");
    let out = decode_with(&[], "HTTP/1.1 400 Bad Request\nX-ErrNo: -46618\n");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("X-ErrNo -46618"), "{text}");
    // lxl80/hexo-deployer-cos-cdn issue 16 (Tencent Cloud API 2.0).
    let out = decode_with(
        &[],
        "{\n  code: 4300,\n  message: '请求被拒绝，该接口只允许特定账户调用。',\n  codeDesc: 'RequestForbidden'\n}\n",
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Error number 4300"), "{text}");
    assert!(!text.contains("X-ErrNo"), "{text}");
}

/// Who answered, what failed, what to check: in JSON as in text.
#[test]
fn decode_says_who_answered_and_what_to_check() {
    // Node's `getaddrinfo ENOTFOUND` (cos-nodejs-sdk-v5, a region typo).
    let client = decode_json(
        "Error: getaddrinfo ENOTFOUND examplebucket-1250000000.cos.ap-beijng.myqcloud.com\n    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)\n",
    );
    assert_eq!(client.len(), 1);
    assert_eq!(client[0]["origin"], "client");
    assert_eq!(client[0]["failure"]["kind"], "dns");
    assert_eq!(
        client[0]["failure"]["endpoint"],
        "examplebucket-1250000000.cos.ap-beijng.myqcloud.com"
    );
    assert_eq!(client[0]["entry"], Value::Null);
    assert!(
        client[0]["hint"]["check"]
            .as_str()
            .unwrap()
            .contains("region"),
        "{}",
        client[0]
    );
    let summary = String::from_utf8(
        decode_with(
            &["--summary"],
            "Error: getaddrinfo ENOTFOUND examplebucket-1250000000.cos.ap-beijng.myqcloud.com\n",
        )
        .stdout,
    )
    .unwrap();
    assert!(summary.contains("(no response: dns)"), "{summary}");
    // The SDK's check of the data failed after a response came: said so,
    // not "no response" (COS's Android SDK FAQ).
    let integrity = "上传时报错 calculate md5 error，该如何处理？\n";
    let text = String::from_utf8(decode_with(&[], integrity).stdout).unwrap();
    assert!(text.contains("· failed in the client"), "{text}");
    assert!(text.contains("integrity check failed"), "{text}");
    let summary = String::from_utf8(decode_with(&["--summary"], integrity).stdout).unwrap();
    assert!(
        summary.contains("(failed in the client: integrity)"),
        "{summary}"
    );
    // nginx's own page in front of the service.
    let page = "HTTP/1.1 413 Request Entity Too Large\r\nServer: nginx/1.18.0\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n";
    let proxy = decode_json(page);
    assert_eq!(proxy[0]["origin"], "proxy");
    assert_eq!(proxy[0]["status"], 413);
    assert!(
        proxy[0]["hint"]["check"]
            .as_str()
            .unwrap()
            .contains("client_max_body_size")
    );
    let text = String::from_utf8(decode_with(&[], page).stdout).unwrap();
    assert!(text.contains("answered by a proxy"), "{text}");
    assert!(text.contains("What to check:"), "{text}");
    // A code two providers document, and nothing to say which.
    let both = decode_json(
        "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided\n",
    );
    assert_eq!(both[0]["provider"], Value::Null);
    let providers: Vec<&str> = both[0]["alternatives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["provider"].as_str().unwrap())
        .collect();
    assert!(
        providers.contains(&"cos") && providers.contains(&"obs"),
        "{providers:?}"
    );
    let text = String::from_utf8(
        decode_with(
            &[],
            "SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided\n",
        )
        .stdout,
    )
    .unwrap();
    assert!(text.contains("provider not identified"), "{text}");
    assert!(text.contains("Huawei Cloud OBS · HTTP 403"), "{text}");
    // A HEAD 404 without a body: the status, for a HEAD, on COS.
    let head = decode_json(
        "> HEAD /a.txt HTTP/1.1\r\n> Host: examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com\r\n>\r\n< HTTP/1.1 404 Not Found\r\n< Content-Length: 0\r\n< x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\r\n<\r\n",
    );
    assert_eq!(head[0]["origin"], "service");
    assert!(
        head[0]["hint"]["what"]
            .as_str()
            .unwrap()
            .contains("HEAD Object"),
        "{}",
        head[0]
    );
    // A CI media job's numeric code the catalogue lacks: its section.
    let job = decode_json(
        "<Response><JobsDetail><Code>1199</Code><Message>x</Message><State>Failed</State></JobsDetail><RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId></Response>",
    );
    assert_eq!(job[0]["sections"], serde_json::json!(["media-processing"]));
}

#[test]
fn decode_json_has_exactly_the_documented_fields() {
    let lines = decode_json(CURL_I_403);
    assert_eq!(lines.len(), 1);
    let e = &lines[0];
    let mut keys: Vec<&str> = e.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    let mut expected = DECODE_FIELDS.to_vec();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    // In the documented order (serde_json's map sorts them).
    let raw = String::from_utf8(decode_with(&["--json"], CURL_I_403).stdout).unwrap();
    // The entries' own fields (`source`, `troubleshooting`) are not the
    // error's: look at the error's fields only.
    let (before, rest) = raw.split_once("\"entry\":").unwrap();
    let (_, after) = rest.split_once("],\"hint\":").unwrap();
    let raw = format!("{before}\"entry\":null,\"alternatives\":[],\"hint\":{after}");
    let at: Vec<usize> = DECODE_FIELDS
        .iter()
        .map(|k| raw.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{raw}");
    assert_eq!(e["provider"], "cos");
    assert_eq!(e["status"], 403);
    assert_eq!(e["code"], "SignatureDoesNotMatch");
    assert_eq!(e["number"], Value::Null);
    assert_eq!(e["message"], "The Signature you specified is invalid.");
    assert_eq!(
        e["resource"],
        "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt"
    );
    assert_eq!(e["request_id"], "NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx");
    assert_eq!(e["request_time"], "2024-01-12T16:36:51Z");
    assert_eq!(e["request"], Value::Null, "curl -i shows no request");
    assert_eq!(e["skew_seconds"], Value::Null, "nor the client's time");
    assert!(e["trace_id"].as_str().unwrap().starts_with("OGVmYzZi"));
    assert_eq!(e["host_id"], Value::Null);
    assert_eq!(e["inferred"], false);
    assert_eq!(e["partial"], false);
    assert_entry_shape(&e["entry"]);
    assert_eq!(e["entry"]["provider"], "cos");
    assert_eq!(e["entry"]["code"], "SignatureDoesNotMatch");
    assert_eq!(e["suggestions"], serde_json::json!([]));
    assert_eq!(e["source"]["line"], 1);
}

/// `request` and `skew_seconds` give in JSON what the text shows: the
/// request line, and how far the client's clock was from the time the
/// request ID says (client minus server, whole seconds).
#[test]
fn decode_json_has_the_request_and_the_clock_skew() {
    let curl_v = "> GET /a.txt?q-signature=SECRET HTTP/1.1\n\
> Host: examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com\n\
> Date: Fri, 12 Jan 2024 16:06:51 GMT\n\
>\n\
< HTTP/1.1 403 Forbidden\n\
< Server: tencent-cos\n\
< x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\n\
<\n\
<Error><Code>RequestTimeTooSkewed</Code><Message>m</Message></Error>\n";
    let e = &decode_json(curl_v)[0];
    assert_eq!(
        e["request"],
        "GET examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt?q-signature=[REDACTED]"
    );
    assert_eq!(e["skew_seconds"], -1800);
    let text = String::from_utf8(decode_with(&[], curl_v).stdout).unwrap();
    assert!(text.contains("(30 min 0 s behind)"), "{text}");
    let skews: Vec<Value> = decode_json(CHINA_TIME_LOG)
        .iter()
        .map(|e| e["skew_seconds"].clone())
        .collect();
    assert_eq!(skews, [28_800, 28_801, 28_802]);
}

#[test]
fn decode_infers_suggests_and_reports_partial_failures() {
    // Only the message survived: the code is inferred, and says so.
    let inferred = decode_json(
        "2024-01-12T16:36:51Z WARN obs: service returned error: Status=503 Service Unavailable, Message=Reduce your request rate., RequestId=0000018CFE888D33A1B2C3D4E5F60718\n",
    );
    assert_eq!(inferred.len(), 1, "{inferred:?}");
    assert_eq!(inferred[0]["inferred"], true);
    assert_eq!(inferred[0]["code"], "SlowDown");
    // A code the catalogue lacks keeps its raw fields and gets near names.
    let unknown = decode_json(
        "<Error><Code>NoSuchBuckett</Code><Message>x</Message><RequestId>r1</RequestId></Error>\n",
    );
    assert_eq!(unknown[0]["entry"], Value::Null);
    assert_eq!(unknown[0]["code"], "NoSuchBuckett");
    assert_eq!(unknown[0]["suggestions"][0], "NoSuchBucket");
    let human = String::from_utf8(
        decode_with(
            &[],
            "<Error><Code>NoSuchBuckett</Code><Message>x</Message></Error>\n",
        )
        .stdout,
    )
    .unwrap();
    assert!(
        human.contains("\"NoSuchBuckett\" is not in the catalogue; near names: NoSuchBucket"),
        "{human}"
    );
    let deleted = decode_json(
        "<?xml version=\"1.0\"?><DeleteResult><Deleted><Key>a</Key></Deleted>\
         <Error><Key>b.txt</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error></DeleteResult>\n",
    );
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0]["partial"], true);
    assert_eq!(deleted[0]["code"], "AccessDenied");
}

#[test]
fn decode_summary_counts_codes() {
    let log = format!(
        "{}\n{}\n{}\n",
        "ts ERROR <Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message><RequestId>NjVhMTZhYTNfYTE</RequestId><TraceId>t</TraceId></Error>",
        "ts ERROR <Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message><RequestId>NjVhMTZhYTNfYTI</RequestId><TraceId>t</TraceId></Error>",
        "ts ERROR <Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>NjVhMTZhYTNfYjE</RequestId><TraceId>t</TraceId></Error>",
    );
    let out = decode_with(&["--json", "--summary"], &log);
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<Value> = parse_json_lines(&out.stdout);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["code"], "SlowDown");
    assert_eq!(rows[0]["count"], 2);
    assert_eq!(rows[0]["retryable"], true);
    assert_eq!(rows[0]["first_request_id"], "NjVhMTZhYTNfYTE");
    assert_eq!(rows[0]["first_line"], 1);
    assert_eq!(rows[0]["last_request_id"], "NjVhMTZhYTNfYTI");
    assert_eq!(rows[0]["last_line"], 2);
    assert_eq!(rows[1]["code"], "NoSuchKey");
    assert_eq!(rows[1]["count"], 1);
    let table = String::from_utf8(decode_with(&["--summary"], &log).stdout).unwrap();
    let first = table.lines().nth(1).unwrap();
    assert!(
        first.contains("SlowDown")
            && first.contains(" 2 ")
            && first.contains("line 1 NjVhMTZhYTNfYTE")
            && first.contains("line 2 NjVhMTZhYTNfYTI"),
        "{table}"
    );
}

#[test]
fn decode_exit_statuses_and_messages() {
    let none = decode_with(&[], "just a log line\nanother one\n");
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(none.stderr).unwrap(),
        "coserr: no error found in 2 lines (28 bytes) of standard input: no status, error code or error message in it\n"
    );
    // What was there instead (counted per record: these two lines are
    // one paragraph).
    for (input, said) in [
        (
            "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
            "it holds a success response\n",
        ),
        (
            "10.0.0.1 - - [06/Dec/2026:10:00:00 +0800] \"GET /k HTTP/1.1\" 200 512\n\
             10.0.0.1 - - [06/Dec/2026:10:00:01 +0800] \"GET /j HTTP/1.1\" 304 0\n",
            "it holds an access-log line with a success status\n",
        ),
        (
            "{\"code\":0,\"message\":\"success\"}\n",
            "it holds a success body\n",
        ),
    ] {
        let out = decode_with(&[], input);
        assert_eq!(out.status.code(), Some(1), "{input}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.ends_with(said), "{input}: {err}");
    }
    let empty = decode_with(&[], "");
    assert_eq!(empty.status.code(), Some(1));
    assert!(
        String::from_utf8(empty.stderr)
            .unwrap()
            .starts_with("coserr: no error found in 0 lines (0 bytes)")
    );
    let missing = coserr()
        .args(["decode", "/nonexistent/coserr.log"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(missing.stderr).unwrap(),
        "coserr: /nonexistent/coserr.log: No such file or directory\n"
    );
    let dir = coserr()
        .args(["decode", env!("CARGO_MANIFEST_DIR")])
        .output()
        .unwrap();
    assert_eq!(dir.status.code(), Some(2));
    assert!(
        String::from_utf8(dir.stderr)
            .unwrap()
            .ends_with(": Is a directory\n")
    );
    // A file that opens but cannot be read (EIO): input error, exit 2.
    let unreadable = coserr()
        .args(["decode", "/proc/self/mem"])
        .output()
        .unwrap();
    assert_eq!(unreadable.status.code(), Some(2));
    let err = String::from_utf8(unreadable.stderr).unwrap();
    assert!(
        err.starts_with("coserr: /proc/self/mem: ") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn decode_reads_files_and_stdin_in_order() {
    let dir = std::env::temp_dir().join(format!("coserr-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let a = dir.join("a.log");
    std::fs::write(
        &a,
        "x\n<Error><Code>NoSuchKey</Code><Message>m</Message></Error>\n",
    )
    .unwrap();
    let out = coserr()
        .args(["decode", "--json"])
        .arg(&a)
        .arg("-")
        .write_stdin("<Error><Code>SlowDown</Code><Message>m</Message><HostId>h</HostId></Error>\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<Value> = parse_json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["code"], "NoSuchKey");
    assert_eq!(lines[0]["source"]["line"], 2);
    assert_eq!(lines[0]["source"]["file"], a.display().to_string());
    assert_eq!(lines[1]["code"], "SlowDown");
    assert_eq!(lines[1]["source"]["file"], Value::Null);
    // A HostId alone says nothing: Amazon S3 sends one too.
    assert_eq!(lines[1]["provider"], Value::Null, "HostId is no evidence");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Of several inputs, one that is missing or cannot be read is reported
/// where it comes and the next is decoded, as ripgrep does; the run ends
/// with status 2 even when the others held errors.
#[test]
fn decode_goes_on_past_an_input_it_cannot_read() {
    let dir = std::env::temp_dir().join(format!("coserr-skip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.log"), dir.join("b.log"));
    std::fs::write(
        &a,
        "<Error><Code>NoSuchKey</Code><Message>m</Message></Error>\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "<Error><Code>SlowDown</Code><Message>m</Message></Error>\n",
    )
    .unwrap();
    let missing = dir.join("missing.log");
    let out = coserr()
        .args(["decode", "--json"])
        .arg(&a)
        .arg(&missing)
        .arg("/proc/self/mem")
        .arg(&dir)
        .arg(&b)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let codes: Vec<Value> = parse_json_lines(&out.stdout)
        .iter()
        .map(|e| e["code"].clone())
        .collect();
    assert_eq!(
        codes,
        ["NoSuchKey", "SlowDown"],
        "both readable files decoded"
    );
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert_eq!(
        lines[0],
        format!("coserr: {}: No such file or directory", missing.display())
    );
    assert!(lines[1].starts_with("coserr: /proc/self/mem: "), "{err}");
    assert_eq!(
        lines[2],
        format!("coserr: {}: Is a directory", dir.display())
    );
    // With nothing found in what was read, the miss is said too.
    let empty = dir.join("empty.log");
    std::fs::write(&empty, "nothing here\n").unwrap();
    let out = coserr()
        .arg("decode")
        .arg(&missing)
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.lines()
            .nth(1)
            .unwrap()
            .starts_with("coserr: no error found in 1 line")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A log of 12,000 errors (three codes, in turn) over 1 MiB, written to
/// a file of its own: a file that large is decoded on every core, a pipe
/// on one thread.
fn large_log(name: &str) -> (std::path::PathBuf, std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("coserr-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.log");
    let mut text = String::new();
    for i in 0..12_000 {
        text.push_str(&format!(
            "2024-01-12T16:36:{:02}Z INFO ok request_id=NjVhMTZhYTNf{i:08}\n\
             <Error><Code>{}</Code><Message>m{i}</Message><RequestId>NjVhMTZhYTNf{i:08}</RequestId></Error>\n",
            i % 60,
            ["NoSuchKey", "SlowDown", "AccessDenied"][i % 3],
        ));
    }
    assert!(text.len() > 1 << 20);
    std::fs::write(&big, &text).unwrap();
    (dir, big, text)
}

/// `decode --json` of the file `big` (decoded in chunks on every core)
/// and of its `text` piped (on one thread): the same errors, field for
/// field, in the same order. Returns the file's.
fn decodes_as_from_a_pipe(big: &std::path::Path, text: &str) -> Vec<Value> {
    let from_file = coserr()
        .args(["decode", "--json"])
        .arg(big)
        .output()
        .unwrap();
    assert_eq!(from_file.status.code(), Some(0));
    let file_lines = parse_json_lines(&from_file.stdout);
    let pipe_lines = parse_json_lines(&decode_with(&["--json"], text).stdout);
    assert_eq!(file_lines.len(), pipe_lines.len());
    for (f, p) in file_lines.iter().zip(&pipe_lines) {
        let mut f = f.clone();
        assert_eq!(f["source"]["file"], big.display().to_string());
        f["source"]["file"] = Value::Null;
        assert_eq!(&f, p);
    }
    file_lines
}

#[test]
fn decode_of_a_large_file_matches_a_pipe_and_stops_at_head() {
    let (dir, big, text) = large_log("large");
    let file_lines = decodes_as_from_a_pipe(&big, &text);
    assert_eq!(file_lines.len(), 12_000);
    assert_eq!(file_lines[11_999]["message"], "m11999");
    assert_eq!(file_lines[11_999]["source"]["line"], 24_000);
    // `coserr decode big.log | head -1` ends quietly.
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_coserr"))
        .args(["decode", "--json"])
        .arg(&big)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let first = read_first_line_then_close(&mut child);
    assert!(first.contains("\"m0\""), "{first}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A chunk longer than a decoding thread holds (512 KiB; here a line of
/// 1 MiB) is read on from the file where the held bytes end: the same
/// errors as from a pipe, those after the line included.
#[test]
fn a_chunk_longer_than_is_held_decodes_as_from_a_pipe() {
    let dir = std::env::temp_dir().join(format!("coserr-long-chunk-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.log");
    let body = |i: usize| {
        format!(
            "<Error><Code>SlowDown</Code><Message>m{i}</Message><RequestId>NjVhMTZhYTNf{i:08}</RequestId></Error>\n"
        )
    };
    let mut text: String = (0..8_000).map(body).collect();
    text.push_str(&format!(
        "2024-01-12T16:36:00Z INFO {} <Error><Code>NoSuchKey</Code><RequestId>NjVhMTZhYTNfbG9uZw</RequestId></Error>\n",
        "x".repeat(1 << 20)
    ));
    text.extend((8_000..16_000).map(body));
    std::fs::write(&big, &text).unwrap();
    let file_lines = decodes_as_from_a_pipe(&big, &text);
    assert_eq!(file_lines.last().unwrap()["message"], "m15999");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A large file on standard input (`coserr decode < big.log`) is decoded
/// like the file given by name, but without its name; one whose offset was
/// moved on before coserr started (`{ head -n 4000 >/dev/null; coserr
/// decode; } < big.log`) is decoded from there, as a pipe of the rest is.
#[test]
fn a_large_file_on_standard_input_decodes_from_where_it_stands() {
    use std::io::{Seek, SeekFrom};
    let (dir, big, text) = large_log("large-stdin");
    // Also where the child left standard input's offset, which it shares
    // with the handle kept here: at the end, as a stream leaves it, also
    // where the file was decoded by path, in chunks on every core. (With
    // one core there is no decoding by path; that it is chosen at all is
    // `stdin_input`'s unit test.)
    let decode_stdin = |args: &[&str], skip: u64| {
        let mut file = std::fs::File::open(&big).unwrap();
        file.seek(SeekFrom::Start(skip)).unwrap();
        let mut kept = file.try_clone().unwrap();
        let out = StdCommand::new(env!("CARGO_BIN_EXE_coserr"))
            .arg("decode")
            .args(args)
            .stdin(Stdio::from(file))
            .output()
            .unwrap();
        (out, kept.stream_position().unwrap())
    };
    for args in [&["--json"][..], &["--summary"], &["--summary", "--json"]] {
        let by_name = coserr()
            .arg("decode")
            .args(args)
            .arg(&big)
            .output()
            .unwrap();
        let (on_stdin, offset) = decode_stdin(args, 0);
        assert_eq!(on_stdin.status.code(), Some(0), "{args:?}");
        assert_eq!(offset, text.len() as u64, "{args:?}: read to the end");
        let shown = format!("\"file\":{}", Value::from(big.display().to_string()));
        assert_eq!(
            String::from_utf8(on_stdin.stdout).unwrap(),
            String::from_utf8(by_name.stdout)
                .unwrap()
                .replace(&shown, "\"file\":null"),
            "{args:?}"
        );
        assert_eq!(on_stdin.stderr, by_name.stderr, "{args:?}");
    }
    // Past the first 2,000 records (4,000 lines), then one byte into the
    // next line: no line of it is read twice or skipped.
    let skip = text
        .split_inclusive('\n')
        .take(4_000)
        .map(str::len)
        .sum::<usize>();
    for from in [skip, skip + 1] {
        let (on_stdin, offset) = decode_stdin(&["--json"], from as u64);
        assert_eq!(on_stdin.status.code(), Some(0));
        assert_eq!(offset, text.len() as u64, "read to the end");
        let lines = parse_json_lines(&on_stdin.stdout);
        assert_eq!(
            lines,
            parse_json_lines(&decode_with(&["--json"], &text[from..]).stdout)
        );
        assert_eq!(lines.len(), 10_000);
        assert_eq!(lines[0]["message"], "m2000");
        assert_eq!(lines[0]["source"]["line"], 2);
    }
    // Open for writing only (`coserr decode 0>>big.log`), standard input
    // reads as empty, as it always did: the file is not opened again to
    // read it.
    let write_only = std::fs::OpenOptions::new().append(true).open(&big).unwrap();
    let out = StdCommand::new(env!("CARGO_BIN_EXE_coserr"))
        .args(["decode", "--json"])
        .stdin(Stdio::from(write_only))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("in 0 lines (0 bytes) of standard input"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Out of file descriptors for a handle per thread (`ulimit -n 5` leaves
/// none beyond the file itself, 6 one thread's), the file is decoded on
/// fewer threads, or on one, not refused.
#[cfg(unix)]
#[test]
fn a_large_file_decodes_when_no_more_descriptors_can_be_opened() {
    let (dir, big, _) = large_log("few-fds");
    let full = coserr()
        .args(["decode", "--summary"])
        .arg(&big)
        .output()
        .unwrap();
    assert_eq!(full.status.code(), Some(0));
    for limit in ["5", "6"] {
        let out = StdCommand::new("sh")
            .args([
                "-c",
                "ulimit -n \"$1\" && exec \"$0\" decode --summary \"$2\"",
            ])
            .arg(env!("CARGO_BIN_EXE_coserr"))
            .arg(limit)
            .arg(&big)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "ulimit -n {limit}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, full.stdout, "ulimit -n {limit}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn summary_of_a_large_file_matches_a_pipe() {
    // The file's errors are counted from records the decoding threads
    // hand over; the pipe's as they are found: the same table.
    let (dir, big, text) = large_log("large-summary");
    for args in [&["--summary"][..], &["--summary", "--json"]] {
        let from_file = coserr()
            .arg("decode")
            .args(args)
            .arg(&big)
            .output()
            .unwrap();
        let from_pipe = decode_with(args, &text);
        assert_eq!(from_file.status.code(), Some(0));
        assert_eq!(from_pipe.status.code(), Some(0));
        assert_eq!(
            String::from_utf8(from_file.stdout).unwrap(),
            String::from_utf8(from_pipe.stdout).unwrap(),
            "{args:?}"
        );
        assert_eq!(from_file.stderr, from_pipe.stderr, "{args:?}");
    }
    let out = coserr()
        .args(["decode", "--summary", "--json"])
        .arg(&big)
        .output()
        .unwrap();
    let rows: Vec<Value> = parse_json_lines(&out.stdout);
    let codes: Vec<&str> = rows.iter().map(|r| r["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["NoSuchKey", "SlowDown", "AccessDenied"]);
    assert!(rows.iter().all(|r| r["count"] == 4_000), "{rows:?}");
    assert_eq!(rows[2]["first_request_id"], "NjVhMTZhYTNf00000002");
    assert_eq!(rows[2]["last_request_id"], "NjVhMTZhYTNf00011999");
    assert_eq!(rows[2]["last_line"], 24_000);
    let _ = std::fs::remove_dir_all(&dir);
}

/// Three errors logged in China's local time (8 h ahead of the UTC the
/// request IDs carry), one input after another.
const CHINA_TIME_LOG: &str = "\
2024-01-13 00:36:51 ERROR <Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId></Error>
2024-01-13 00:36:52 ERROR <Error><Code>SlowDown</Code><Message>m</Message><RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYy</RequestId></Error>
2024-01-13 00:36:53 ERROR <Error><Code>AccessDenied</Code><Message>m</Message><RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYz</RequestId></Error>
";

/// A time-zone skew is explained at the first error of each input, and
/// the errors after it refer to that one.
#[test]
fn a_clock_skew_is_explained_once_per_input() {
    const EXPLAINED: &str = "a whole number of hours is usually a time zone";
    let dir = std::env::temp_dir().join(format!("coserr-skew-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("a.log"), dir.join("b.log"));
    std::fs::write(&a, CHINA_TIME_LOG).unwrap();
    std::fs::write(&b, CHINA_TIME_LOG).unwrap();
    let one = String::from_utf8(decode_with(&[], CHINA_TIME_LOG).stdout).unwrap();
    assert_eq!(one.matches(EXPLAINED).count(), 1, "{one}");
    assert_eq!(
        one.matches("(8 h 0 min ahead: the time zone noted at error 1)")
            .count(),
        2,
        "{one}"
    );
    let out = coserr().arg("decode").arg(&a).arg(&b).output().unwrap();
    let two = String::from_utf8(out.stdout).unwrap();
    assert_eq!(two.matches(EXPLAINED).count(), 2, "once per file:\n{two}");
    assert_eq!(
        two.matches("the time zone noted at error 4").count(),
        2,
        "{two}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn decode_provider_flag_overrides_detection() {
    let out = decode_with(
        &["--json", "--provider", "obs"],
        "<Error><Code>SlowDown</Code><Message>m</Message><TraceId>t</TraceId></Error>\n",
    );
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["provider"], "obs");
    assert_eq!(e["entry"]["provider"], "obs");
}

#[test]
fn decode_never_echoes_secrets() {
    let input = "> GET /a.txt?q-sign-algorithm=sha1&q-ak=AKIDexample&q-signature=SECRETSIG0123456789 HTTP/1.1\n\
> Host: examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com\n\
> Authorization: q-sign-algorithm=sha1&q-ak=AKIDexample&q-signature=SECRETAUTH987654321\n\
> x-cos-security-token: SECRETTOKENabcdef\n\
> x-amz-security-token: SECRETAMZTOKEN\n\
>\n\
< HTTP/1.1 403 Forbidden\n\
< Server: tencent-cos\n\
< x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\n\
<\n\
<Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/a.txt?Signature=SECRETS3SIG&x-cos-security-token=SECRETURLTOKEN</Resource></Error>\n";
    for args in [&[][..], &["--json"][..]] {
        let out = decode_with(args, input);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("AccessDenied"), "{text}");
        assert!(
            !text.contains("SECRET"),
            "a secret leaked with {args:?}:\n{text}"
        );
    }
}

#[test]
fn decode_lang_zh_shows_the_chinese_description() {
    let out = decode_with(
        &["--lang", "zh"],
        "<Error><Code>NoSuchBucket</Code><Message>m</Message><TraceId>t</TraceId></Error>\n",
    );
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("指定的存储桶不存在")
    );
}

#[test]
fn decode_streams_before_input_ends() {
    use std::io::Write as _;
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_coserr"))
        .args(["decode", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(
            b"<Error><Code>SlowDown</Code><Message>m</Message><RequestId>r</RequestId></Error>\n",
        )
        .unwrap();
    stdin.flush().unwrap();
    // Read the first error while stdin is still open, on a thread, so a
    // decoder that waited for EOF fails the test instead of hanging it.
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let line = rx
        .recv_timeout(std::time::Duration::from_secs(10))
        .expect("decode printed nothing before its input ended");
    assert!(line.contains("\"code\":\"SlowDown\""), "{line}");
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn decode_of_an_endless_stream_into_head_ends_quietly() {
    use std::io::Write as _;
    let mut child = StdCommand::new(env!("CARGO_BIN_EXE_coserr"))
        .arg("decode")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        // Endless until coserr goes away and the pipe breaks; each error
        // with a request ID of its own, as a busy log's are.
        let mut i = 0u64;
        loop {
            let body = format!(
                "<Error><Code>SlowDown</Code><Message>m</Message><RequestId>NjVhMTZhYTNf{i:012}</RequestId></Error>\n"
            );
            if stdin.write_all(body.as_bytes()).is_err() {
                break;
            }
            i += 1;
        }
    });
    let first = read_first_line_then_close(&mut child);
    assert!(first.contains("error 1"), "{first}");
    writer.join().unwrap();
}

#[test]
fn id_decodes_request_ids() {
    let out = stdout_of(&[
        "id",
        "NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg=",
        "0000018C0A5B2C00D0F4C3A1B2E6F123",
    ]);
    assert_eq!(
        out,
        "NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg=  reached the server at 2024-01-12T21:44:35Z\n\
         0000018C0A5B2C00D0F4C3A1B2E6F123  reached the server at 2023-11-26T06:39:56.416Z\n"
    );
    let json = json_lines(&["id", "--json", "NjVhMWIyYzNfOGYxZV8xMjM0XzU2Nzg"]);
    assert_eq!(
        json[0]["request_time"], "2024-01-12T21:44:35Z",
        "padding may be dropped"
    );
    let bad = coserr()
        .args([
            "id",
            "OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRl",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .starts_with("coserr: \"OGVmYzZi")
    );
}

#[test]
fn decode_head_response_without_body() {
    let head = "HTTP/1.1 403 Forbidden\r\nServer: tencent-cos\r\nx-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\r\nContent-Length: 0\r\n\r\n";
    let out = decode_with(&[], head);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("HTTP 403 Forbidden"), "{text}");
    assert!(
        text.contains("Usually the signature or the permissions"),
        "{text}"
    );
    assert!(
        !text.contains("reason"),
        "the standard phrase is not repeated: {text}"
    );
    let odd = decode_with(&[], &head.replace("403 Forbidden", "403 Go Away"));
    assert!(
        String::from_utf8(odd.stdout).unwrap().contains("Go Away"),
        "a non-standard phrase is kept"
    );
}

/// build.rs links the binary position-dependent on Linux with glibc, for
/// start-up time (see link_position_dependent there), unless COSERR_PIE
/// was set: the ELF header's type says which it got.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_is_position_dependent_unless_asked() {
    let mut header = [0u8; 18];
    std::fs::File::open(env!("CARGO_BIN_EXE_coserr"))
        .and_then(|mut f| f.read_exact(&mut header))
        .expect("read the binary's ELF header");
    assert_eq!(&header[..4], b"\x7fELF");
    let e_type = u16::from_le_bytes([header[16], header[17]]);
    let (exec, dyn_) = (2, 3);
    let want = if option_env!("COSERR_PIE").is_some() || std::env::var_os("COSERR_PIE").is_some() {
        dyn_
    } else {
        exec
    };
    assert_eq!(
        e_type, want,
        "ELF type (2 executable, 3 position-independent)"
    );
}

// ---- output that fits ----

/// Display width, two columns for CJK.
fn columns(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if (c as u32) >= 0x1100 && has_chinese(&c.to_string()) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// Runs coserr with `COLUMNS` set, into a pipe.
fn at_width(width: usize, args: &[&str]) -> String {
    let out = coserr()
        .args(args)
        .env("COLUMNS", width.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// At each width every line fits, or is one word too long to (indented);
/// every word is one the unfitted output has (none was cut in two); and
/// every long word of it (codes, request IDs, URLs) is there whole.
fn assert_fits(args: &[&str]) {
    let unfitted = stdout_of(args);
    let words: std::collections::HashSet<&str> = unfitted.split_whitespace().collect();
    let layout = ["·", "retry:", "first:", "last:", "at:", "error", "errors"];
    for width in [60, 80, 120, 200] {
        let out = at_width(width, args);
        for line in out.lines() {
            assert!(
                columns(line) <= width || !line.trim().contains(' '),
                "{args:?} at {width}: a line of {} columns:\n{line}\n{out}",
                columns(line)
            );
        }
        let shown: std::collections::HashSet<&str> = out.split_whitespace().collect();
        for word in &shown {
            assert!(
                words.contains(word) || layout.contains(word),
                "{args:?} at {width}: \"{word}\" is a piece of a word:\n{out}"
            );
        }
        for word in words.iter().filter(|w| w.len() >= 12) {
            assert!(
                shown.contains(word),
                "{args:?} at {width}: \"{word}\" is not whole:\n{out}"
            );
        }
    }
}

#[test]
fn tables_fit_60_80_120_and_200_columns_without_cutting_words() {
    for args in [
        &["lookup", "AccessDenied"][..],
        &["lookup", "404"],
        &["lookup", "5xx", "--provider", "ci"],
        &["list", "--provider", "cos"],
        &["list", "--section", "content-moderation"],
        &["search", "signature"],
    ] {
        assert_fits(args);
    }
    // Chinese wraps between characters, within the width.
    for width in [60, 80, 120] {
        let out = at_width(width, &["--lang", "zh", "list", "--provider", "cos"]);
        let over: Vec<&str> = out.lines().filter(|l| columns(l) > width).collect();
        assert!(over.is_empty(), "at {width}: {over:#?}");
        assert!(out.contains("指定的存储桶不存在"), "{out}");
    }
}

#[test]
fn decode_summary_fits_and_keeps_request_ids_whole() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/decode");
    let mut files: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["decode", "--summary"];
    args.extend(files.iter().map(String::as_str));
    assert_fits(&args);
    // Wide enough, it is a table whose rows wrap between "line N" and the
    // request ID.
    let wide = at_width(200, &args);
    assert!(wide.starts_with(" Code "), "{wide}");
    let narrow = at_width(60, &args);
    assert!(!narrow.contains(" Code "), "stacked at 60:\n{narrow}");
}

// ---- the pager ----

/// Runs `command` (a shell command line) on a terminal `rows` high and 80
/// wide, through `script`, with `env`; gives what the terminal showed.
/// `None` when `script` (util-linux) is not installed, outside CI.
#[allow(clippy::print_stderr)] // say why the test was skipped
fn on_a_terminal(rows: u16, command: &str, env: &[(&str, &str)]) -> Option<String> {
    let have = StdCommand::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(std::env::var_os("CI").is_none(), "script is required in CI");
        eprintln!("skipping: script(1) is not installed");
        return None;
    }
    let line = format!("stty rows {rows} cols 80; {command}");
    let out = StdCommand::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{command}: {out:?}");
    Some(String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

/// On a terminal, output longer than the screen goes to the pager
/// ($COSERR_PAGER, else $PAGER), and shorter output straight to the
/// screen; never with --no-pager, into a pipe, or for a decode of a pipe.
#[test]
fn long_output_on_a_terminal_goes_through_the_pager() {
    let dir = std::env::temp_dir().join(format!("coserr-pager-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pager = dir.join("pager");
    std::fs::write(
        &pager,
        "#!/bin/sh\necho \"paged $*\" > \"$MARKER\"\ncat >> \"$MARKER\"\n",
    )
    .unwrap();
    let marker = dir.join("marker");
    let bin = env!("CARGO_BIN_EXE_coserr");
    let pager_cmd = format!("sh {} -x", pager.display());
    let (pager_cmd, marker_path) = (pager_cmd.as_str(), marker.to_str().unwrap());
    let paged = |rows: u16, command: &str, env: &[(&str, &str)]| {
        let _ = std::fs::remove_file(&marker);
        let mut all = vec![("MARKER", marker_path)];
        all.extend_from_slice(env);
        let screen = on_a_terminal(rows, command, &all)?;
        Some((std::fs::read_to_string(&marker).ok(), screen))
    };
    let Some((got, screen)) = paged(10, &format!("{bin} list"), &[("COSERR_PAGER", pager_cmd)])
    else {
        return;
    };
    let got = got.expect("a long list goes to the pager");
    assert!(
        got.starts_with("paged -x\n") && got.contains("SlowDown"),
        "{got}"
    );
    assert!(
        !screen.contains("SlowDown"),
        "and not to the screen: {screen}"
    );
    // $PAGER when COSERR_PAGER is unset; COSERR_PAGER=cat turns it off.
    let (got, _) = paged(10, &format!("{bin} list"), &[("PAGER", pager_cmd)]).unwrap();
    assert!(got.is_some(), "$PAGER");
    let off = [("PAGER", pager_cmd), ("COSERR_PAGER", "cat")];
    let (got, screen) = paged(10, &format!("{bin} list"), &off).unwrap();
    assert!(
        got.is_none() && screen.contains("SlowDown"),
        "COSERR_PAGER=cat"
    );
    let pager_env = [("COSERR_PAGER", pager_cmd)];
    let log = dir.join("errors.log");
    let body =
        "<Error><Code>NoSuchKey</Code><Message>m</Message><RequestId>r</RequestId></Error>\n";
    std::fs::write(&log, body.repeat(20)).unwrap();
    let log = log.display();
    // A decode of a file is paged when it is long; of a pipe, never: its
    // errors must show as they arrive.
    let (got, _) = paged(10, &format!("{bin} decode {log}"), &pager_env).unwrap();
    assert!(
        got.is_some_and(|g| g.contains("error 20")),
        "a long decode of a file"
    );
    for (rows, command, why) in [
        (
            60,
            format!("{bin} lookup NoSuchKey --provider cos"),
            "it fits the screen",
        ),
        (10, format!("{bin} --no-pager list"), "--no-pager"),
        (10, format!("{bin} list | cat"), "a pipe"),
        (
            10,
            format!("cat {log} | {bin} decode"),
            "a decode of a pipe",
        ),
    ] {
        let (got, screen) = paged(rows, &command, &pager_env).unwrap();
        assert_eq!(got, None, "not paged: {why}");
        assert!(screen.contains("NoSuchKey"), "{why}: {screen}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// decode shows what Huawei's troubleshooting page says: for the message
/// the input shows where the page covers it, else for the code, saying
/// the page does not name the message (real cases from the corpus).
#[test]
fn decode_shows_the_troubleshooting_page_for_the_message_read() {
    let read = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/tests/corpus/real/{name}.txt",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let upload = read("obs-java-sdk-xml-error-nosuchupload-404");
    let e = &decode_json(&upload)[0];
    assert_eq!(e["code"], "NoSuchUpload");
    let t = &e["troubleshooting"];
    assert_eq!(t["for_message"], true, "{e}");
    assert!(
        t["source"]
            .as_str()
            .unwrap()
            .ends_with("obs_errorcode_0026.html")
    );
    assert!(!t["causes"].as_array().unwrap().is_empty());
    let text = String::from_utf8(decode_with(&[], &upload).stdout).unwrap();
    assert!(text.contains("Causes (the provider's troubleshooting page for this message):"));
    assert!(text.contains("    1. "), "{text}");

    let date = read("obs-c-sdk-localized-date-accessdenied");
    let e = &decode_json(&date)[0];
    assert_eq!(e["code"], "AccessDenied");
    assert_eq!(e["troubleshooting"]["for_message"], false);
    assert!(
        e["troubleshooting"]["source"]
            .as_str()
            .unwrap()
            .ends_with("obs_errorcode_0003.html")
    );
    let text = String::from_utf8(decode_with(&[], &date).stdout).unwrap();
    assert!(text.contains("it does not name this message"), "{text}");
    // COS has no such pages: no causes, and the field is null.
    assert_eq!(decode_json(CURL_I_403)[0]["troubleshooting"], Value::Null);
}

/// A code no storage service documents, only S3 (an S3 gateway's), gets
/// S3's meaning without making the provider S3; a server's numeric code
/// is never read as a client library's (CI's -3006 is not Apple's).
#[test]
fn decode_falls_back_to_s3_and_never_to_client_codes() {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AuthorizationHeaderMalformed</Code>\
                <Message>The authorization header is malformed.</Message></Error>\n";
    let e = &decode_json(body)[0];
    assert_eq!(e["entry"]["provider"], "s3");
    assert_eq!(e["provider"], Value::Null);
    let text = String::from_utf8(decode_with(&[], body).stdout).unwrap();
    assert!(!text.contains("is not in the catalogue"), "{text}");

    let errno = "HTTP/1.1 404 Not Found\r\nX-ErrNo: -3006\r\n\
                 x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\r\n\r\n";
    let e = &decode_json(errno)[0];
    assert_eq!(e["entry"]["provider"], "ci", "{e}");
    assert!(
        e["alternatives"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["provider"] == "ci")
    );
}

/// `lookup` shows where an entry beyond the documents comes from, and S3's
/// meaning says it is S3's.
#[test]
fn lookup_names_the_source() {
    let out = stdout_of(&["lookup", "CURLE_OPERATION_TIMEDOUT"]);
    assert!(
        out.contains("Source: github:curl/curl/docs/libcurl/libcurl-errors.md"),
        "{out}"
    );
    let out = stdout_of(&["lookup", "SlowDown", "--provider", "cos"]);
    assert!(
        out.contains("Source: the provider's error code documentation (seed documents 000"),
        "{out}"
    );
    let out = stdout_of(&["lookup", "AuthorizationHeaderMalformed"]);
    assert!(out.contains("Amazon S3 (the S3 meaning)"), "{out}");
    let out = stdout_of(&["lookup", "--json", "InvalidCredentials"]);
    let v: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(
        v["matches"][0]["source"],
        "https://cloud.tencent.com/document/product/436/30443"
    );
    // A client code numbered like a status is found by its number.
    let out = stdout_of(&["lookup", "--json", "+33"]);
    assert!(out.contains("OBS_STATUS_NameLookupError"), "{out}");
}

/// A client failure whose text states a client-side code shows that
/// catalogue entry (real and live captures from the corpus).
#[test]
fn decode_names_the_client_code_a_failure_states() {
    let root = env!("CARGO_MANIFEST_DIR");
    for (case, code) in [
        ("live/client-curl-dns", "CURLE_COULDNT_RESOLVE_HOST"),
        ("live/client-curl-refused", "CURLE_COULDNT_CONNECT"),
        ("live/client-curl-timeout", "CURLE_OPERATION_TIMEDOUT"),
        (
            "real/cos-php-flysystem-curl-28-timeout",
            "CURLE_OPERATION_TIMEDOUT",
        ),
        (
            "real/cos-ios-sdk-nsurlerror-dns-null-region",
            "NSURLErrorCannotFindHost",
        ),
    ] {
        let text = std::fs::read_to_string(format!("{root}/tests/corpus/{case}.txt")).unwrap();
        let e = &decode_json(&text)[0];
        assert_eq!(e["origin"], "client", "{case}");
        assert_eq!(e["client_code"]["code"], code, "{case}");
        assert_eq!(e["entry"], Value::Null, "{case}");
        let out = String::from_utf8(decode_with(&[], &text).stdout).unwrap();
        assert!(out.contains(&format!("  {code} (")), "{case}: {out}");
    }
    // Words alone name no code.
    let e = &decode_json(
        "java.net.UnknownHostException: examplebucket-1250000000.cos.ap-nowhere.myqcloud.com\n",
    )[0];
    assert_eq!(e["client_code"], Value::Null);
}

/// `--section client` lists every client-side list, and `--provider s3`
/// shows S3's meaning of a name COS documents.
#[test]
fn client_section_and_s3_provider_filter() {
    let client = json_lines(&["list", "--json", "--section", "client"]);
    assert!(client.iter().all(|e| e["section"] == "client"));
    let providers: std::collections::BTreeSet<&str> = client
        .iter()
        .map(|e| e["provider"].as_str().unwrap())
        .collect();
    assert_eq!(
        providers,
        ["apple", "cos", "curl", "obs"].into_iter().collect()
    );
    let s3 = json_lines(&["lookup", "--json", "NoSuchKey", "--provider", "s3"]);
    let matches = s3[0]["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 1);
    assert_eq!(matches[0]["provider"], "s3");
    let all = json_lines(&["lookup", "--json", "NoSuchKey"]);
    assert!(
        all[0]["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["provider"] != "s3")
    );
}
