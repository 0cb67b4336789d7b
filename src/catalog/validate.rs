//! Validation of `data/*.json`, shared by `build.rs` (which refuses to build
//! bad data) and the unit tests below (which feed it bad data on purpose).
//!
//! This file is compiled twice: as `crate::catalog::validate` in test builds
//! of the library, and via `#[path]` inside `build.rs`. It therefore uses
//! only `std`, `serde_json` and its sibling `super::query` (which build.rs
//! includes the same way), and no `crate::` paths.

use serde_json::{Map, Value};

// Names collide the way lookups compare them: folded.
use super::query::fold;
use std::collections::HashMap;

/// The provider identifiers, in catalogue order: the three services of the
/// seed documents, then the lists their users meet beyond them (S3 error
/// names, Tencent Cloud API 3.0 and STS, libcurl, Apple's URL loading).
pub const PROVIDERS: [&str; 7] = ["cos", "ci", "obs", "s3", "tencentcloud", "curl", "apple"];

/// The section identifiers, in catalogue order.
pub const SECTIONS: [&str; 10] = [
    "api",
    "image-download",
    "image-persistence",
    "document-preview",
    "content-moderation",
    "media-processing",
    "json-api",
    "client",
    "cloud-api",
    "sts",
];

/// Which sections each provider (same index as [`PROVIDERS`]) may use.
pub const PROVIDER_SECTIONS: [&[&str]; 7] = [
    // COS's: the XML API, its legacy JSON API, its SDKs' client codes.
    &["api", "json-api", "client"],
    // CI's: the API, then its five processing sections.
    SECTIONS.split_at(6).0,
    &["api", "client"],
    &["api"],
    &["cloud-api", "sts"],
    &["client"],
    &["client"],
];

/// How the `source` of an entry from the seed documents starts; every
/// other entry's `source` is an `https://` URL or a `github:` path.
pub const SEED_SOURCE: &str = "seed documents ";

/// The fields of an entry, in the order `data/` and `--json` use.
pub const FIELDS: [&str; 15] = [
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

/// A server message of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMessage {
    pub message: String,
    pub description: Option<String>,
    /// Why the server sends this message, where a troubleshooting page
    /// says (OBS's per-code pages); empty where none does.
    pub causes: Vec<String>,
    /// What to do when this message is seen, where a page says.
    pub advice: Option<String>,
    /// The page the causes and advice come from.
    pub source: Option<String>,
}

/// A troubleshooting page's word on a code: why, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTrouble {
    pub causes: Vec<String>,
    pub advice: Option<String>,
    pub source: String,
}

/// An entry as read from `data/`, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    pub provider: usize,
    pub section: usize,
    pub code: Option<String>,
    pub number: Option<i32>,
    pub status: Option<u16>,
    pub status_text: Option<String>,
    pub description: String,
    pub description_zh: Option<String>,
    pub messages: Vec<RawMessage>,
    pub advice: String,
    pub retryable: bool,
    pub aliases: Vec<String>,
    pub docs: Vec<String>,
    /// Causes and advice that a troubleshooting page gives for the code
    /// whatever its message (OBS's per-code pages).
    pub troubleshooting: Option<RawTrouble>,
    /// Where the entry's facts come from: `seed documents 000, 001` for
    /// the seed documents, else a URL or `github:owner/repo/path`.
    pub source: String,
}

impl RawEntry {
    fn label(&self) -> String {
        let name = match (&self.code, self.number) {
            (Some(c), Some(n)) => format!("{c} / {n}"),
            (Some(c), None) => c.clone(),
            (None, Some(n)) => n.to_string(),
            (None, None) => "?".to_owned(),
        };
        match self.status {
            Some(s) => format!("{name} ({s})"),
            None => name,
        }
    }
}

/// Checks every file and returns its entries in file order, files in the
/// order given. `files` holds (file name such as `cos.json`, contents).
/// The error names the file and the entry.
pub fn validate(files: &[(&str, &str)]) -> Result<Vec<RawEntry>, String> {
    let mut all: Vec<(String, usize, RawEntry)> = Vec::new();
    for (name, text) in files {
        let expected_provider = name.strip_suffix(".json").unwrap_or(name);
        if !PROVIDERS.contains(&expected_provider) {
            let files: Vec<String> = PROVIDERS.iter().map(|p| format!("{p}.json")).collect();
            return Err(format!(
                "data/{name}: unknown provider file (expected one of {})",
                files.join(", ")
            ));
        }
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("data/{name}: invalid JSON: {e}"))?;
        let Value::Array(items) = value else {
            return Err(format!(
                "data/{name}: the top level must be an array of entries"
            ));
        };
        let mut last_section = 0;
        for (i, item) in items.iter().enumerate() {
            let at = |msg: String| format!("data/{name}: entry {} {msg}", i + 1);
            let Value::Object(obj) = item else {
                return Err(at("is not an object".to_owned()));
            };
            let entry = parse_entry(obj).map_err(|e| {
                let hint = obj
                    .get("code")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
                    .or_else(|| obj.get("number").map(|n| n.to_string()))
                    .unwrap_or_default();
                at(format!("({hint}): {e}"))
            })?;
            let at =
                |msg: String| format!("data/{name}: entry {} ({}): {msg}", i + 1, entry.label());
            if PROVIDERS[entry.provider] != expected_provider {
                return Err(at(format!(
                    "provider \"{}\" does not belong in {name}",
                    PROVIDERS[entry.provider]
                )));
            }
            if entry.section < last_section {
                return Err(at(format!(
                    "section \"{}\" comes after \"{}\"; keep entries grouped in the order {}",
                    SECTIONS[entry.section],
                    SECTIONS[last_section],
                    SECTIONS.join(", ")
                )));
            }
            last_section = entry.section;
            all.push((name.to_string(), i + 1, entry));
        }
    }
    check_unique(&all)?;
    Ok(all.into_iter().map(|(_, _, e)| e).collect())
}

fn check_unique(all: &[(String, usize, RawEntry)]) -> Result<(), String> {
    type Key<'a> = (
        usize,
        usize,
        Option<String>,
        Option<i32>,
        Option<u16>,
        &'a str,
    );
    let mut seen: HashMap<Key, (&str, usize)> = HashMap::new();
    let mut codes: HashMap<String, (&str, usize, String)> = HashMap::new();
    for (file, index, e) in all {
        let key = (
            e.provider,
            e.section,
            e.code.as_deref().map(fold),
            e.number,
            e.status,
            // Two lists may give the same name different meanings (the
            // Chinese and English COS SDK pages on 10004): both are kept.
            e.source.as_str(),
        );
        if let Some((f, i)) = seen.insert(key, (file, *index)) {
            return Err(format!(
                "data/{file}: entry {index} ({}): duplicate of data/{f} entry {i}",
                e.label()
            ));
        }
        if let Some(code) = &e.code {
            codes.entry(fold(code)).or_insert((file, *index, e.label()));
        }
    }
    let mut aliases: HashMap<String, (&str, usize)> = HashMap::new();
    for (file, index, e) in all {
        for alias in &e.aliases {
            let folded = fold(alias);
            // A spelling that folds to the entry's own code (OBS's
            // `IncorrectNumberOfFilesInPost Request`) finds nothing the
            // code does not: keep it for the record, check nothing.
            if e.code.as_deref().map(fold).as_ref() == Some(&folded) {
                continue;
            }
            if let Some((f, i, label)) = codes.get(&folded) {
                return Err(format!(
                    "data/{file}: entry {index} ({}): alias \"{alias}\" collides with the code of data/{f} entry {i} ({label})",
                    e.label()
                ));
            }
            if let Some((f, i)) = aliases.insert(folded, (file, *index)) {
                return Err(format!(
                    "data/{file}: entry {index} ({}): alias \"{alias}\" is also an alias of data/{f} entry {i}",
                    e.label()
                ));
            }
        }
    }
    Ok(())
}

fn parse_entry(obj: &Map<String, Value>) -> Result<RawEntry, String> {
    for key in obj.keys() {
        if !FIELDS.contains(&key.as_str()) {
            return Err(format!(
                "unknown field \"{key}\" (fields are: {})",
                FIELDS.join(", ")
            ));
        }
    }
    for field in FIELDS {
        if !obj.contains_key(field) {
            return Err(format!("missing field \"{field}\""));
        }
    }
    let provider = one_of(obj, "provider", &PROVIDERS)?;
    let section = one_of(obj, "section", &SECTIONS)?;
    if !PROVIDER_SECTIONS[provider].contains(&SECTIONS[section]) {
        return Err(format!(
            "section \"{}\" is not one of provider \"{}\"'s ({})",
            SECTIONS[section],
            PROVIDERS[provider],
            PROVIDER_SECTIONS[provider].join(", ")
        ));
    }
    let code = opt_text(obj, "code")?;
    let number = match &obj["number"] {
        Value::Null => None,
        Value::Number(n) => Some(
            n.as_i64()
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| format!("number {n} is not a 32-bit integer"))?,
        ),
        other => return Err(format!("number must be an integer or null, not {other}")),
    };
    if code.is_none() && number.is_none() {
        return Err("an entry needs a code, a number or both".to_owned());
    }
    if let Some(c) = &code
        && c.trim() != c
    {
        return Err(format!("code \"{c}\" has leading or trailing white space"));
    }
    let status = match &obj["status"] {
        Value::Null => None,
        Value::Number(n) => match n.as_u64() {
            Some(s @ 300..=599) => Some(s as u16),
            _ => return Err(format!("status {n} is outside 300..=599")),
        },
        other => return Err(format!("status must be an integer or null, not {other}")),
    };
    let status_text = opt_text(obj, "status_text")?;
    if status.is_some() != status_text.is_some() {
        return Err("status and status_text must be both set or both null".to_owned());
    }
    let description = text(obj, "description")?;
    let description_zh = opt_text(obj, "description_zh")?;
    let advice = text(obj, "advice")?;
    if advice.trim() == "TODO" {
        return Err(
            "advice is still \"TODO\" (scripts/sync_data.py's placeholder): write it".to_owned(),
        );
    }
    let retryable = obj["retryable"]
        .as_bool()
        .ok_or("retryable must be true or false")?;
    let Value::Array(items) = &obj["messages"] else {
        return Err("messages must be an array".to_owned());
    };
    let mut messages = Vec::new();
    for item in items {
        let Value::Object(m) = item else {
            return Err("each message must be an object".to_owned());
        };
        const KEYS: [&str; 5] = ["message", "description", "causes", "advice", "source"];
        if !m.contains_key("message")
            || !m.contains_key("description")
            || m.keys().any(|k| !KEYS.contains(&k.as_str()))
        {
            return Err(format!(
                "each message must have \"message\" and \"description\", and may have \"causes\", \"advice\" and \"source\" (fields are: {})",
                KEYS.join(", ")
            ));
        }
        let at = |e: String| format!("messages: {e}");
        let causes = if m.contains_key("causes") {
            texts(m, "causes").map_err(at)?
        } else {
            Vec::new()
        };
        let advice = if m.contains_key("advice") {
            opt_text(m, "advice").map_err(at)?
        } else {
            None
        };
        let source = if m.contains_key("source") {
            opt_text(m, "source").map_err(at)?
        } else {
            None
        };
        if (!causes.is_empty() || advice.is_some()) && source.is_none() {
            return Err(at(
                "a message with causes or advice needs their \"source\"".to_owned()
            ));
        }
        if let Some(src) = &source {
            check_source(src).map_err(at)?;
        }
        messages.push(RawMessage {
            message: text(m, "message").map_err(at)?,
            description: opt_text(m, "description").map_err(at)?,
            causes,
            advice,
            source,
        });
    }
    let aliases = texts(obj, "aliases")?;
    let docs = texts(obj, "docs")?;
    for url in &docs {
        if !url.starts_with("https://") {
            return Err(format!("docs URL \"{url}\" is not https"));
        }
    }
    let troubleshooting = match &obj["troubleshooting"] {
        Value::Null => None,
        Value::Object(t) => {
            let at = |e: String| format!("troubleshooting: {e}");
            if let Some(k) = t
                .keys()
                .find(|k| !["causes", "advice", "source"].contains(&k.as_str()))
            {
                return Err(at(format!(
                    "unknown field \"{k}\" (fields are: causes, advice, source)"
                )));
            }
            for k in ["causes", "advice", "source"] {
                if !t.contains_key(k) {
                    return Err(at(format!("missing field \"{k}\"")));
                }
            }
            let causes = texts(t, "causes").map_err(at)?;
            if causes.is_empty() {
                return Err(at("causes must not be empty".to_owned()));
            }
            let source = text(t, "source").map_err(at)?;
            check_source(&source).map_err(at)?;
            Some(RawTrouble {
                causes,
                advice: opt_text(t, "advice").map_err(at)?,
                source,
            })
        }
        other => {
            return Err(format!(
                "troubleshooting must be null or an object, not {other}"
            ));
        }
    };
    let source = text(obj, "source")?;
    match source.strip_prefix(SEED_SOURCE) {
        Some(docs) => {
            if !docs
                .split(", ")
                .all(|d| matches!(d, "000" | "001" | "002" | "003" | "004"))
            {
                return Err(format!(
                    "source \"{source}\": the seed documents are 000 to 004, written \"{SEED_SOURCE}000, 001\""
                ));
            }
        }
        None => check_source(&source)?,
    }
    Ok(RawEntry {
        provider,
        section,
        code,
        number,
        status,
        status_text,
        description,
        description_zh,
        messages,
        advice,
        retryable,
        aliases,
        docs,
        troubleshooting,
        source,
    })
}

/// A source beyond the seed documents: a web page or a repository file.
fn check_source(source: &str) -> Result<(), String> {
    let ok = source.starts_with("https://")
        || source
            .strip_prefix("github:")
            .is_some_and(|p| p.split('/').filter(|s| !s.is_empty()).count() >= 3);
    if ok && !source.contains(char::is_whitespace) {
        Ok(())
    } else {
        Err(format!(
            "source \"{source}\" is neither an https URL nor github:owner/repo/path"
        ))
    }
}

fn one_of(obj: &Map<String, Value>, field: &str, allowed: &[&str]) -> Result<usize, String> {
    let value = obj[field]
        .as_str()
        .ok_or_else(|| format!("{field} must be a string"))?;
    allowed.iter().position(|a| *a == value).ok_or_else(|| {
        format!(
            "unknown {field} \"{value}\" (expected one of {})",
            allowed.join(", ")
        )
    })
}

fn text(obj: &Map<String, Value>, field: &str) -> Result<String, String> {
    opt_text(obj, field)?.ok_or_else(|| format!("{field} must not be null"))
}

fn opt_text(obj: &Map<String, Value>, field: &str) -> Result<Option<String>, String> {
    match &obj[field] {
        Value::Null => Ok(None),
        Value::String(s) if s.trim().is_empty() => Err(format!("{field} is empty")),
        Value::String(s) => Ok(Some(s.clone())),
        other => Err(format!("{field} must be a string or null, not {other}")),
    }
}

fn texts(obj: &Map<String, Value>, field: &str) -> Result<Vec<String>, String> {
    let Value::Array(items) = &obj[field] else {
        return Err(format!("{field} must be an array of strings"));
    };
    items
        .iter()
        .map(|v| match v {
            Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
            _ => Err(format!("{field} must hold non-empty strings only")),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A valid entry as JSON, with `patch` applied to its fields.
    fn entry(patch: &[(&str, Value)]) -> Value {
        let mut e = serde_json::json!({
            "provider": "cos",
            "section": "api",
            "code": "SlowDown",
            "number": null,
            "status": 503,
            "status_text": "Service Unavailable",
            "description": "Please reduce your request rate.",
            "description_zh": null,
            "messages": [],
            "advice": "Back off and retry.",
            "retryable": true,
            "aliases": [],
            "docs": [],
            "troubleshooting": null,
            "source": "seed documents 000, 001"
        });
        for (k, v) in patch {
            e[*k] = v.clone();
        }
        e
    }

    fn check(file: &str, entries: &[Value]) -> Result<Vec<RawEntry>, String> {
        let text = Value::Array(entries.to_vec()).to_string();
        validate(&[(file, &text)])
    }

    fn rejects(file: &str, entries: &[Value], expected: &str) {
        let err = check(file, entries).expect_err("bad data must be rejected");
        assert!(err.contains(expected), "error {err:?} lacks {expected:?}");
        assert!(
            err.starts_with(&format!("data/{file}: ")),
            "{err:?} must name the file"
        );
    }

    #[test]
    fn accepts_a_valid_entry() {
        let entries = check("cos.json", &[entry(&[])]).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].code.as_deref(), Some("SlowDown"));
        assert_eq!(entries[0].status, Some(503));
    }

    #[test]
    fn rejects_a_duplicate_entry() {
        let twin = entry(&[("code", "slowdown".into())]);
        rejects(
            "cos.json",
            &[entry(&[]), twin],
            "entry 2 (slowdown (503)): duplicate of data/cos.json entry 1",
        );
        // Same code, other status: distinct entries (InvalidObjectState 403 and 409).
        let other = entry(&[
            ("status", 429.into()),
            ("status_text", "Too Many Requests".into()),
        ]);
        assert!(check("cos.json", &[entry(&[]), other]).is_ok());
    }

    #[test]
    fn rejects_empty_description_or_advice() {
        rejects(
            "cos.json",
            &[entry(&[("description", "".into())])],
            "entry 1 (SlowDown): description is empty",
        );
        rejects(
            "cos.json",
            &[entry(&[("advice", " ".into())])],
            "advice is empty",
        );
        rejects(
            "cos.json",
            &[entry(&[("advice", Value::Null)])],
            "advice must not be null",
        );
    }

    #[test]
    fn rejects_a_status_outside_300_to_599() {
        for bad in [200, 299, 600, 1020] {
            rejects(
                "cos.json",
                &[entry(&[("status", bad.into())])],
                &format!("status {bad} is outside 300..=599"),
            );
        }
        for good in [300, 599] {
            assert!(check("cos.json", &[entry(&[("status", good.into())])]).is_ok());
        }
    }

    #[test]
    fn rejects_unknown_provider_or_section() {
        rejects(
            "cos.json",
            &[entry(&[("provider", "aws".into())])],
            "unknown provider \"aws\"",
        );
        rejects(
            "cos.json",
            &[entry(&[("provider", "s3".into())])],
            "provider \"s3\" does not belong in cos.json",
        );
        rejects(
            "cos.json",
            &[entry(&[("section", "video".into())])],
            "unknown section \"video\"",
        );
        rejects(
            "obs.json",
            &[entry(&[])],
            "provider \"cos\" does not belong in obs.json",
        );
        rejects(
            "cos.json",
            &[entry(&[("section", "image-download".into())])],
            "section \"image-download\" is not one of provider \"cos\"'s (api, json-api, client)",
        );
        rejects(
            "tencentcloud.json",
            &[entry(&[
                ("provider", "tencentcloud".into()),
                ("section", "api".into()),
            ])],
            "is not one of provider \"tencentcloud\"'s (cloud-api, sts)",
        );
        assert!(validate(&[("s3.json", "[]")]).is_ok());
        let err = validate(&[("aws.json", "[]")]).unwrap_err();
        assert!(
            err.contains("data/aws.json: unknown provider file"),
            "{err}"
        );
    }

    #[test]
    fn every_entry_names_its_source() {
        let client = |source: Value| {
            entry(&[
                ("section", "client".into()),
                ("code", "UnknownHost".into()),
                ("status", Value::Null),
                ("status_text", Value::Null),
                ("source", source),
            ])
        };
        let url = "https://cloud.tencent.com/document/product/436/30443";
        assert!(check("cos.json", &[client(url.into())]).is_ok());
        let repo = "github:tencentyun/cos-java-sdk-v5/src/main/java/X.java";
        assert!(check("cos.json", &[client(repo.into())]).is_ok());
        rejects(
            "cos.json",
            &[client(Value::Null)],
            "source must not be null",
        );
        for bad in [
            "http://example.com/x",
            "github:owner/repo",
            "the SDK",
            "seed documents 005",
        ] {
            rejects("cos.json", &[client(bad.into())], "source \"");
        }
        let mut no_source = entry(&[]);
        no_source.as_object_mut().unwrap().remove("source");
        rejects("cos.json", &[no_source], "missing field \"source\"");
        // The same name from two lists with different meanings: both kept.
        let other = "https://www.tencentcloud.com/document/product/436/30610";
        assert_eq!(
            check("cos.json", &[client(url.into()), client(other.into())])
                .unwrap()
                .len(),
            2
        );
        rejects(
            "cos.json",
            &[client(url.into()), client(url.into())],
            "duplicate of data/cos.json entry 1",
        );
    }

    #[test]
    fn troubleshooting_is_checked() {
        let page = "https://support.huaweicloud.com/api-obs/obs_errorcode_0003.html";
        let t = |v: Value| entry(&[("troubleshooting", v)]);
        let ok = check(
            "cos.json",
            &[t(
                serde_json::json!({"causes": ["No grant."], "advice": null, "source": page}),
            )],
        )
        .unwrap();
        let trouble = ok[0].troubleshooting.as_ref().unwrap();
        assert_eq!((trouble.causes.len(), trouble.source.as_str()), (1, page));
        rejects(
            "cos.json",
            &[t(
                serde_json::json!({"causes": [], "advice": null, "source": page}),
            )],
            "troubleshooting: causes must not be empty",
        );
        rejects(
            "cos.json",
            &[t(serde_json::json!({"causes": ["x"], "advice": null}))],
            "troubleshooting: missing field \"source\"",
        );
        rejects(
            "cos.json",
            &[t("see the page".into())],
            "must be null or an object",
        );
    }

    #[test]
    fn message_causes_need_their_source() {
        let with = |m: Value| entry(&[("messages", Value::Array(vec![m]))]);
        let page = "https://support.huaweicloud.com/api-obs/obs_04_0115.html";
        let ok = check(
            "cos.json",
            &[with(serde_json::json!({
                "message": "Access Denied", "description": null,
                "causes": ["The key has no permission."], "advice": "Grant it.",
                "source": page
            }))],
        )
        .unwrap();
        assert_eq!(ok[0].messages[0].causes, ["The key has no permission."]);
        assert_eq!(ok[0].messages[0].source.as_deref(), Some(page));
        rejects(
            "cos.json",
            &[with(serde_json::json!({
                "message": "Access Denied", "description": null,
                "causes": ["The key has no permission."]
            }))],
            "needs their \"source\"",
        );
        rejects(
            "cos.json",
            &[with(serde_json::json!({
                "message": "Access Denied", "description": null, "why": []
            }))],
            "may have \"causes\"",
        );
    }

    #[test]
    fn rejects_an_alias_that_collides_with_a_code() {
        let slow = entry(&[("aliases", serde_json::json!(["BadRquest"]))]);
        let bad = entry(&[
            ("code", "BadRquest".into()),
            ("status", 400.into()),
            ("status_text", "Bad Request".into()),
        ]);
        rejects(
            "cos.json",
            &[slow, bad],
            "entry 1 (SlowDown (503)): alias \"BadRquest\" collides with the code of data/cos.json entry 2",
        );
    }

    #[test]
    fn names_collide_as_lookups_compare_them() {
        let slow = entry(&[("aliases", serde_json::json!(["Bad-Request"]))]);
        let bad = entry(&[
            ("code", "BadRequest".into()),
            ("status", 400.into()),
            ("status_text", "Bad Request".into()),
        ]);
        rejects(
            "cos.json",
            &[slow, bad],
            "alias \"Bad-Request\" collides with the code",
        );
        // A spelling of the entry's own code is no collision.
        let own = entry(&[("aliases", serde_json::json!(["Slow Down"]))]);
        assert!(check("cos.json", &[own]).is_ok());
    }

    #[test]
    fn rejects_malformed_fields() {
        rejects(
            "cos.json",
            &[entry(&[("retryable", "yes".into())])],
            "retryable must be true or false",
        );
        rejects(
            "cos.json",
            &[entry(&[("docs", serde_json::json!(["http://x"]))])],
            "is not https",
        );
        rejects(
            "cos.json",
            &[entry(&[("code", Value::Null)])],
            "needs a code, a number or both",
        );
        rejects(
            "cos.json",
            &[entry(&[("status_text", Value::Null)])],
            "both set or both null",
        );
        let mut extra = entry(&[]);
        extra["deprecatd"] = true.into();
        rejects("cos.json", &[extra], "unknown field \"deprecatd\"");
        let mut missing = entry(&[]);
        missing.as_object_mut().unwrap().remove("docs");
        rejects("cos.json", &[missing], "missing field \"docs\"");
        let err = validate(&[("cos.json", "{")]).unwrap_err();
        assert!(err.starts_with("data/cos.json: invalid JSON"), "{err}");
    }

    #[test]
    fn rejects_sections_out_of_order() {
        let ci = |section: &str, n: i64| {
            entry(&[
                ("provider", "ci".into()),
                ("section", section.into()),
                ("code", Value::Null),
                ("number", n.into()),
                ("status", Value::Null),
                ("status_text", Value::Null),
            ])
        };
        rejects(
            "ci.json",
            &[ci("media-processing", 1), ci("image-download", 2)],
            "comes after",
        );
    }
}
