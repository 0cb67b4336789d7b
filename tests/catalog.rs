//! The catalogue against its source documents, and its queries.
//!
//! `tests/fixtures/seed_rows.json` is extracted from the documents in
//! `../shared/seeds/` by `scripts/extract_seeds.py`, never from `data/`, so
//! these tests catch a row that data/ lost, moved or reworded.

use std::collections::HashSet;

use coserr::catalog::{self, Entry, Filter, Query, Section, suggest::suggest};
use serde_json::Value;

fn fixture() -> Vec<Value> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed_rows.json");
    let text = std::fs::read_to_string(path).expect("fixture");
    match serde_json::from_str(&text).expect("fixture is JSON") {
        Value::Array(rows) => rows,
        _ => panic!("fixture must be an array"),
    }
}

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str()
}

/// A JSON array of strings.
fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

fn find<'a>(row: &Value) -> Vec<&'a Entry> {
    catalog::entries()
        .iter()
        .filter(|e| {
            e.provider.as_str() == row["provider"]
                && e.section.as_str() == row["section"]
                && e.code() == opt_str(&row["code"])
                && e.number.map(i64::from) == row["number"].as_i64()
                && e.status.map(u64::from) == row["status"].as_u64()
        })
        .collect()
}

fn label(row: &Value) -> String {
    format!(
        "{}/{}/{}/{}/{}",
        row["provider"], row["section"], row["code"], row["number"], row["status"]
    )
}

#[test]
fn every_document_row_is_in_the_catalogue() {
    let rows = fixture();
    assert!(rows.len() > 350, "the fixture lost rows: {}", rows.len());
    let mut missing = Vec::new();
    for row in &rows {
        match find(row).as_slice() {
            [_] => {}
            [] => missing.push(label(row)),
            many => panic!("{} is in the catalogue {} times", label(row), many.len()),
        }
    }
    assert!(missing.is_empty(), "missing from data/: {missing:#?}");
    // Never delete, but nothing may appear from nowhere either: an entry
    // the documents do not list needs a reason here, and its `docs` must
    // name the source (data/README.md, "Sources beyond the seed documents").
    let extra: Vec<String> = catalog::entries()
        .iter()
        // The client lists and COS's legacy JSON API are lists no seed
        // document covers: each entry names its page in `source`, which
        // every_entry_names_its_source checks.
        .filter(|e| {
            e.provider.is_service() && !matches!(e.section, Section::Client | Section::JsonApi)
        })
        .filter(|e| {
            !rows
                .iter()
                .any(|row| find(row).iter().any(|f| std::ptr::eq(*f, *e)))
        })
        .map(extra_label)
        .collect();
    let known: Vec<String> = KNOWN_EXTRA
        .iter()
        .map(|(label, _)| (*label).to_owned())
        .collect();
    assert_eq!(extra, known, "data/ has entries that no document lists");
    for e in catalog::entries() {
        let label = extra_label(e);
        if let Some((_, source)) = KNOWN_EXTRA.iter().find(|(l, _)| *l == label) {
            assert!(
                e.docs().any(|d| d == *source),
                "{label}: docs must name its source {source}"
            );
        }
    }
}

/// Every entry from the seed documents says so in `source`, naming the
/// documents its row comes from; every other entry names a source that
/// data/README.md lists, and none of them repeats a seed entry's
/// provider, section, name and status (so no list beyond the documents
/// can change what a document says).
#[test]
fn every_entry_names_its_source() {
    let rows = fixture();
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/README.md"))
        .expect("data/README.md");
    let mut seeds: Vec<&Entry> = Vec::new();
    for row in &rows {
        let e = find(row)[0];
        let docs = strings(&row["sources"]).join(", ");
        assert_eq!(
            e.source(),
            format!("seed documents {docs}"),
            "{}",
            label(row)
        );
        assert!(e.is_seed());
        seeds.push(e);
    }
    let mut beyond = 0;
    for e in catalog::entries() {
        if seeds.iter().any(|s| std::ptr::eq(*s, e)) {
            continue;
        }
        beyond += 1;
        let at = extra_label(e);
        assert!(
            !e.is_seed(),
            "{at}: only the documents' rows are seed entries"
        );
        assert!(
            e.source().starts_with("https://") || e.source().starts_with("github:"),
            "{at}: source {:?}",
            e.source()
        );
        assert!(
            readme.contains(e.source()),
            "{at}: its source {} is not listed in data/README.md",
            e.source()
        );
        let same = |s: &&Entry| {
            s.provider == e.provider
                && s.section == e.section
                && s.name() == e.name()
                && s.status == e.status
        };
        assert!(
            !seeds.iter().any(same),
            "{at}: repeats a seed entry; add to the seed entry instead"
        );
        for m in e.messages().chain(seeds.iter().flat_map(|s| s.messages())) {
            if let Some(src) = m.source {
                assert!(
                    readme.contains(src),
                    "{at}: message source {src} not in data/README.md"
                );
            }
        }
    }
    assert!(beyond >= 13, "the entries beyond the documents: {beyond}");
}

/// Entries from official sources beyond the seed documents (data/README.md,
/// "Sources beyond the seed documents"), in catalogue order: the label
/// `provider/code/status`, and the source its `docs` must name.
const KNOWN_EXTRA: &[(&str, &str)] = &[
    (
        "cos/PathStyleDomainForbidden/403",
        "https://cloud.tencent.com/document/product/436/102489",
    ),
    ("obs/InvalidContentLength/400", HUAWEI_ERROR_CODES),
    ("obs/InvalidDefaultStorageClass/400", HUAWEI_ERROR_CODES),
    ("obs/KMS.DisabledException/400", HUAWEI_ERROR_CODES),
    ("obs/KMS.NotFoundException/400", HUAWEI_ERROR_CODES),
    ("obs/MultipleContentLengths/400", HUAWEI_ERROR_CODES),
    ("obs/DeregisterUserId/403", HUAWEI_ERROR_CODES),
    ("obs/InArrearOrInsufficientBalance/403", HUAWEI_ERROR_CODES),
    ("obs/InvalidObjectState/403", HUAWEI_ERROR_CODES),
    ("obs/NotSignedUp/403", HUAWEI_ERROR_CODES),
    ("obs/FsNotSupport/405", HUAWEI_ERROR_CODES),
    ("obs/ObjectNotAppendable/409", HUAWEI_ERROR_CODES),
    ("obs/Request-URI Too Large/414", HUAWEI_ERROR_CODES),
];

/// An entry as `KNOWN_EXTRA` names it.
fn extra_label(e: &Entry) -> String {
    let status = e.status.map_or(0, u16::from);
    format!("{}/{}/{status}", e.provider, e.name())
}

/// Huawei's OBS error code table (the Chinese API reference), the source
/// of the OBS rows that 002 lacks.
const HUAWEI_ERROR_CODES: &str = "https://github.com/huaweicloudDocs/obs/blob/master/cn.zh-cn/API%E5%8F%82%E8%80%83/%E9%94%99%E8%AF%AF%E7%A0%81.md";

#[test]
fn texts_are_verbatim() {
    for row in fixture() {
        let e = find(&row)[0];
        let at = label(&row);
        assert_eq!(
            e.description(),
            row["description"].as_str().unwrap(),
            "{at} description"
        );
        assert_eq!(
            e.description_zh(),
            opt_str(&row["description_zh"]),
            "{at} description_zh"
        );
        assert_eq!(
            e.status_text(),
            opt_str(&row["status_text"]),
            "{at} status_text"
        );
        if let Some(handling) = row["handling"].as_str() {
            assert!(
                e.advice().starts_with(handling),
                "{at}: advice must start with the documented handling text {handling:?}, is {:?}",
                e.advice()
            );
        }
        // The documents' messages and links come first, verbatim and in
        // order; messages and links from the sources beyond the seed
        // documents may follow them (data/README.md).
        let messages: Vec<(&str, Option<&str>)> =
            e.messages().map(|m| (m.message, m.description)).collect();
        let expected: Vec<(&str, Option<&str>)> = row["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["message"].as_str().unwrap(), opt_str(&m["description"])))
            .collect();
        assert!(
            messages.starts_with(&expected),
            "{at} messages: the documents' {expected:?} must come first, are {messages:?}"
        );
        assert_eq!(
            e.aliases().collect::<Vec<_>>(),
            strings(&row["aliases"]),
            "{at} aliases"
        );
        let docs: Vec<&str> = e.docs().collect();
        let expected_docs = strings(&row["docs"]);
        assert!(
            docs.starts_with(&expected_docs.iter().map(String::as_str).collect::<Vec<_>>()),
            "{at} docs: the documents' {expected_docs:?} must come first, are {docs:?}"
        );
        // A message beyond the documents names its source in `docs`.
        if messages.len() > expected.len() {
            assert!(
                docs.len() > expected_docs.len(),
                "{at}: messages beyond the documents need their source in docs"
            );
        }
    }
}

/// No entry lists the same server message twice.
#[test]
fn messages_are_not_repeated() {
    for e in catalog::entries() {
        let all: Vec<&str> = e.messages().map(|m| m.message).collect();
        let mut seen = HashSet::new();
        for m in &all {
            assert!(
                seen.insert(*m),
                "{} {}: message {m:?} twice",
                e.provider,
                e.name()
            );
        }
    }
}

#[test]
fn every_entry_has_written_advice() {
    for e in catalog::entries() {
        assert!(
            !e.advice().contains("TODO"),
            "{} {} has no advice yet",
            e.provider,
            e.name()
        );
        assert!(
            e.advice().len() >= 10,
            "{} {}: advice too short: {:?}",
            e.provider,
            e.name(),
            e.advice()
        );
    }
}

#[test]
fn retryable_follows_http_semantics() {
    for e in catalog::entries() {
        let name = e.name();
        if let Some(s) = e.status {
            if s >= 500 && s != 501 {
                assert!(
                    e.retryable,
                    "{} {name} ({s}) should be retryable",
                    e.provider
                );
            }
            if (300..400).contains(&s) || s == 501 {
                assert!(
                    !e.retryable,
                    "{} {name} ({s}) should not be retryable",
                    e.provider
                );
            }
        }
        if matches!(e.code(), Some("SlowDown")) {
            assert!(
                e.retryable,
                "{} {name}: throttling is retryable",
                e.provider
            );
        }
        if matches!(
            e.code(),
            Some(
                "AccessDenied"
                    | "SignatureDoesNotMatch"
                    | "NoSuchBucket"
                    | "NoSuchKey"
                    | "InvalidArgument"
            )
        ) {
            assert!(!e.retryable, "{} {name} needs a change first", e.provider);
        }
    }
}

/// Every entry is found by its code, its lower-case code, its aliases and
/// its number (http's `status_code::roundtrip`, over the whole catalogue).
#[test]
fn every_entry_round_trips_through_lookup() {
    for e in catalog::entries() {
        // S3's meaning of a name COS or OBS documents shows when S3 is
        // asked for (`shadowed_s3_names_show_when_asked_for`).
        let all = Filter {
            providers: if e.shadowed() {
                vec![e.provider]
            } else {
                Vec::new()
            },
            ..Filter::default()
        };
        let mut queries: Vec<String> = e.names().map(str::to_owned).collect();
        queries.extend(e.code().map(str::to_lowercase));
        queries.extend(e.code().map(str::to_uppercase));
        queries.extend(e.number.map(|n| n.to_string()));
        if let Some(s) = e.status {
            queries.push(s.to_string());
            queries.push(format!("{}xx", s / 100));
        }
        for q in queries {
            let query = Query::parse(&q, false).unwrap();
            let found = catalog::lookup(&query, &all);
            assert!(
                found.iter().any(|f| std::ptr::eq(*f, e)),
                "lookup {q:?} does not find {} {}",
                e.provider,
                e.name()
            );
        }
    }
}

#[test]
fn one_name_in_several_providers_is_grouped_by_provider() {
    let found = catalog::lookup(
        &Query::parse("slowdown", false).unwrap(),
        &Filter::default(),
    );
    let got: Vec<(&str, &str, Option<i32>, Option<u16>)> = found
        .iter()
        .map(|e| (e.provider.as_str(), e.section.as_str(), e.number, e.status))
        .collect();
    assert_eq!(
        got,
        [
            ("cos", "api", None, Some(503)),
            ("ci", "api", None, Some(429)),
            ("ci", "content-moderation", Some(-65006), None),
            ("ci", "media-processing", Some(1020), None),
            ("obs", "api", None, Some(503)),
        ]
    );
}

/// S3's meaning of a name that COS or OBS documents is hidden unless S3
/// is asked for; a name only S3 has shows, marked as S3's.
#[test]
fn shadowed_s3_names_show_when_asked_for() {
    let providers = |q: &str, f: &Filter| -> Vec<&str> {
        catalog::lookup(&Query::parse(q, false).unwrap(), f)
            .iter()
            .map(|e| e.provider.as_str())
            .collect()
    };
    let all = Filter::default();
    assert_eq!(providers("NoSuchKey", &all), ["cos", "obs"]);
    let s3 = Filter {
        providers: vec![catalog::Provider::S3],
        ..Filter::default()
    };
    assert_eq!(providers("NoSuchKey", &s3), ["s3"]);
    // COS documents ExpiredToken: S3's meaning shows when asked for.
    assert_eq!(providers("ExpiredToken", &all), ["cos"]);
    assert_eq!(providers("ExpiredToken", &s3), ["s3"]);
    assert_eq!(providers("AuthorizationHeaderMalformed", &all), ["s3"]);
    // `list` follows the same rule.
    assert!(
        !catalog::list(&all)
            .any(|e| e.provider == catalog::Provider::S3 && e.code() == Some("NoSuchKey"))
    );
    assert!(catalog::list(&s3).any(|e| e.code() == Some("NoSuchKey")));
}

/// The codes the issue names are found, each with its source.
#[test]
fn codes_beyond_the_documents_are_found() {
    let all = Filter::default();
    for (q, provider, section) in [
        ("InvalidCredentials", "cos", "client"),
        ("10001", "cos", "client"),
        ("UnknownHost", "cos", "client"),
        ("AuthFailure.SignatureExpire", "tencentcloud", "cloud-api"),
        ("InvalidParameter.GrantOtherResource", "tencentcloud", "sts"),
        ("OBS_STATUS_NameLookupError", "obs", "client"),
        ("AuthorizationHeaderMalformed", "s3", "api"),
        ("NSURLErrorTimedOut", "apple", "client"),
        ("-1001", "apple", "client"),
        ("CURLE_OPERATION_TIMEDOUT", "curl", "client"),
        ("28", "curl", "client"),
    ] {
        let found = catalog::lookup(&Query::parse(q, false).unwrap(), &all);
        let e = found
            .iter()
            .find(|e| e.provider.as_str() == provider && e.section.as_str() == section)
            .unwrap_or_else(|| panic!("{q}: no {provider}/{section} entry"));
        assert!(!e.is_seed() && !e.source().is_empty(), "{q}");
    }
    let s3 = Filter {
        providers: vec![catalog::Provider::S3],
        ..Filter::default()
    };
    let expired = catalog::lookup(&Query::parse("ExpiredToken", false).unwrap(), &s3);
    assert!(matches!(expired.as_slice(), [e] if e.status == Some(400) && !e.is_seed()));
    let beyond = catalog::entries().iter().filter(|e| !e.is_seed()).count();
    assert!(beyond >= 300, "{beyond} entries beyond the seeds");
}

#[test]
fn numbers_in_two_sections_show_both() {
    for n in ["-3006", "-3008", "-3011", "-3015", "-3075"] {
        let ci = Filter {
            providers: vec![catalog::Provider::Ci],
            ..Filter::default()
        };
        let found = catalog::lookup(&Query::parse(n, false).unwrap(), &ci);
        let sections: HashSet<&str> = found.iter().map(|e| e.section.as_str()).collect();
        assert_eq!(
            sections,
            HashSet::from(["image-download", "document-preview"]),
            "{n}"
        );
    }
}

#[test]
fn codes_with_two_statuses_are_two_entries() {
    for (provider, code, statuses) in [
        ("cos", "InvalidObjectState", [403, 409]),
        ("ci", "AccessDenied", [401, 403]),
        ("ci", "InvalidContent", [400, 413]),
    ] {
        let filter = Filter {
            providers: vec![provider.parse().unwrap()],
            sections: vec![catalog::Section::Api],
            ..Filter::default()
        };
        let found = catalog::lookup(&Query::parse(code, false).unwrap(), &filter);
        let got: Vec<u16> = found.iter().filter_map(|e| e.status).collect();
        assert_eq!(got, statuses, "{provider} {code}");
    }
}

#[test]
fn misspellings_resolve_as_aliases() {
    for (alias, code) in [
        ("BadRquest", "BadRequest"),
        ("QuotaOperationConfilct", "QuotaOperationConflict"),
        ("ObjectNotAppendale", "ObjectNotAppendable"),
        (
            "IncorrectNumberOfFilesInPost Request",
            "IncorrectNumberOfFilesInPostRequest",
        ),
        ("CustomDomainAlreadyExist", "CustomDomainAreadyExist"),
    ] {
        let found = catalog::lookup(&Query::parse(alias, false).unwrap(), &Filter::default());
        assert!(!found.is_empty(), "{alias}");
        assert!(
            found.iter().all(|e| e.code() == Some(code)),
            "{alias} -> {code}"
        );
    }
}

#[test]
fn prefixes_and_status_classes() {
    let all = Filter::default();
    let nosuch = catalog::lookup(&Query::parse("NoSuch*", false).unwrap(), &all);
    assert!(nosuch.len() >= 20, "{}", nosuch.len());
    assert!(
        nosuch
            .iter()
            .all(|e| e.code().unwrap().starts_with("NoSuch"))
    );
    assert!(nosuch.iter().any(|e| e.code() == Some("NoSuchKey")));
    let redirects = catalog::lookup(&Query::parse("3xx", false).unwrap(), &all);
    assert!(!redirects.is_empty());
    assert!(
        redirects
            .iter()
            .all(|e| (300..400).contains(&e.status.unwrap()))
    );
    let not_found = catalog::lookup(&Query::parse("404", false).unwrap(), &all);
    assert!(not_found.iter().all(|e| e.status == Some(404)));
    assert!(not_found.iter().any(|e| e.provider.as_str() == "obs"));
}

/// A typo of one or two characters, or a missing or extra word part, puts
/// the intended code first.
#[test]
fn suggestions_put_the_intended_code_first() {
    let cases: &[(&str, &str)] = &[
        ("SlowDwn", "SlowDown"),
        ("SignatureDoesntMatch", "SignatureDoesNotMatch"),
        ("SignatureNotMatch", "SignatureDoesNotMatch"),
        ("AccessDenyed", "AccessDenied"),
        ("AcessDenied", "AccessDenied"),
        ("BucketAlreadyExist", "BucketAlreadyExists"),
        ("NoSuchBuckett", "NoSuchBucket"),
        ("NoSuchKye", "NoSuchKey"),
        ("nosuchkeys", "NoSuchKey"),
        ("InvalidAccesKeyId", "InvalidAccessKeyId"),
        ("RequestTimeTooSkew", "RequestTimeTooSkewed"),
        ("RequestTimeTooSkwed", "RequestTimeTooSkewed"),
        ("InternalErorr", "InternalError"),
        ("ServiceUnavailible", "ServiceUnavailable"),
        ("EntityTooLarg", "EntityTooLarge"),
        ("MalformedXm", "MalformedXML"),
        ("InvalidArgumet", "InvalidArgument"),
        ("PreconditionFail", "PreconditionFailed"),
        ("MissingContentLenght", "MissingContentLength"),
        ("BucketNotEmtpy", "BucketNotEmpty"),
        ("NoSuchUplod", "NoSuchUpload"),
        ("InvalidBucketNme", "InvalidBucketName"),
        ("KeyTooLongg", "KeyTooLong"),
        ("ExpiredTokn", "ExpiredToken"),
        ("TooManyBucket", "TooManyBuckets"),
        ("ObjectNotAppendible", "ObjectNotAppendable"),
        ("PermanentRedirct", "PermanentRedirect"),
        ("TemporaryRedirection", "TemporaryRedirect"),
        ("InvalidRnage", "InvalidRange"),
        ("MethodNotAlowed", "MethodNotAllowed"),
        ("QuotaOperationConflit", "QuotaOperationConflict"),
        ("NoSuchLifecycleConfig", "NoSuchLifecycleConfiguration"),
        ("CIRoleNotExists", "CIRoleNotExist"),
        ("SecretidNotExists", "SecretidNotExist"),
        ("AuditingJobNotFind", "AuditingJobNotFound"),
        ("QueueSaturate", "QueueSaturated"),
        ("MediaBucketUnbind", "MediaBucketUnBinded"),
        ("TemplateNotFund", "TemplateNotFound"),
        ("InvalidAuthorisation", "InvalidAuthorization"),
        ("MissingAuthorisation", "MissingAuthorization"),
        ("WorkFlowNumLimits", "WorkFlowNumLimit"),
        ("TooManyWrongSignatures", "TooManyWrongSignature"),
        ("CustomDomainAlreadyExists", "CustomDomainAlreadyExist"),
        ("InsufficientStorage", "InsufficientStorageSpace"),
        ("VirtualHostDomainRequire", "VirtualHostDomainRequired"),
        ("Request has expire", "Request has expired"),
        ("RequestHasExpird", "Request has expired"),
        ("BadReqest", "BadRequest"),
        ("-4661", "-46614"),
        ("-4618", "-46618"),
        ("-65021", "-65020"),
        ("1201", "1021"),
    ];
    assert!(cases.len() >= 40);
    let mut wrong = Vec::new();
    for (query, expected) in cases {
        let q = Query::parse(query, false).unwrap();
        assert!(
            catalog::lookup(&q, &Filter::default()).is_empty(),
            "{query} is not a miss"
        );
        let got = suggest(&q, &Filter::default());
        if got.first().map(String::as_str) != Some(*expected) {
            wrong.push(format!("{query}: expected {expected} first, got {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn suggestions_for_a_status_are_nearby_statuses() {
    let got = suggest(&Query::parse("418", false).unwrap(), &Filter::default());
    assert_eq!(got.first().map(String::as_str), Some("416"), "{got:?}");
    assert!(
        suggest(
            &Query::parse("zzzzzzzzzzzzzzzz", false).unwrap(),
            &Filter::default()
        )
        .is_empty()
    );
}

/// The JSON that build.rs renders for each entry says what the entry says.
#[test]
fn prerendered_json_matches_the_entry() {
    for e in catalog::entries() {
        let v: Value = serde_json::from_str(e.json()).expect("valid JSON");
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 15);
        match e.troubleshooting() {
            None => assert!(v["troubleshooting"].is_null()),
            Some(t) => {
                let causes: Vec<&str> = t.causes().collect();
                assert_eq!(strings(&v["troubleshooting"]["causes"]), causes);
                assert_eq!(v["troubleshooting"]["advice"].as_str(), t.advice);
                assert_eq!(v["troubleshooting"]["source"], t.source);
            }
        }
        assert_eq!(v["source"], e.source());
        assert_eq!(v["provider"], e.provider.as_str());
        assert_eq!(v["section"], e.section.as_str());
        assert_eq!(v["code"].as_str(), e.code());
        assert_eq!(v["number"].as_i64(), e.number.map(i64::from));
        assert_eq!(v["status"].as_u64(), e.status.map(u64::from));
        assert_eq!(v["status_text"].as_str(), e.status_text());
        assert_eq!(v["description"], e.description());
        assert_eq!(v["description_zh"].as_str(), e.description_zh());
        assert_eq!(v["advice"], e.advice());
        assert_eq!(v["retryable"], e.retryable);
        type M<'a> = (
            &'a str,
            Option<&'a str>,
            Vec<String>,
            Option<&'a str>,
            Option<&'a str>,
        );
        let messages: Vec<M> = v["messages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["message"].as_str().unwrap(),
                    m["description"].as_str(),
                    strings(&m["causes"]),
                    m["advice"].as_str(),
                    m["source"].as_str(),
                )
            })
            .collect();
        let expected: Vec<M> = e
            .messages()
            .map(|m| {
                let causes = m.causes().map(str::to_owned).collect();
                (m.message, m.description, causes, m.advice, m.source)
            })
            .collect();
        assert_eq!(messages, expected);
        assert_eq!(strings(&v["aliases"]), e.aliases().collect::<Vec<_>>());
        assert_eq!(strings(&v["docs"]), e.docs().collect::<Vec<_>>());
    }
}

/// The name index finds exactly what a scan of every entry finds.
#[test]
fn the_name_index_agrees_with_a_scan() {
    let mut queries: Vec<String> = catalog::entries()
        .iter()
        .flat_map(|e| e.names())
        .map(str::to_owned)
        .collect();
    queries.extend(["nosuch", "slowdow", "", "zzz", "requesthasexpire"].map(str::to_owned));
    for q in queries {
        let query = Query::Name(catalog::fold(&q));
        let indexed = catalog::lookup(&query, &Filter::default());
        let scanned: Vec<&Entry> = catalog::entries()
            .iter()
            .filter(|e| e.matches(&query) && Filter::default().accepts(e))
            .collect();
        assert_eq!(indexed, scanned, "{q:?}");
    }
}
