//! Joins what `decode` found with the catalogue: which entry it is, whether
//! the code had to be inferred from the message, and what is near when the
//! code is not in the catalogue.

pub mod client;
pub mod hints;

use crate::catalog::{self, Entry, Filter, Provider, Query, Section, fold};
use crate::decode::{FailureKind, Found, Origin, Vendor};

pub use hints::Hint;

/// A found error, explained.
#[derive(Clone, Debug)]
pub struct Explained {
    pub found: Found,
    /// The provider, from evidence only: what the input says; else, when
    /// the input says which company (a COS-style request ID), the entry of
    /// that company's; else, when only one provider documents the code,
    /// that provider. `None`: not identified.
    pub provider: Option<Provider>,
    /// The catalogue entry, when one fits: of the provider when it is
    /// known, else the one whose status matches first.
    pub entry: Option<&'static Entry>,
    /// When the provider is not identified: every provider's meaning of
    /// the code, `entry` first. Empty otherwise.
    pub alternatives: Vec<&'static Entry>,
    /// The code was not in the input; it was inferred from the message.
    pub inferred: bool,
    /// Near names, when the input's code is not in the catalogue.
    pub suggestions: Vec<String>,
    /// What happened and what to check, where the catalogue has no entry
    /// to say it: no response came, a proxy answered, a status came
    /// without a code.
    pub hint: Option<Hint>,
    /// For a failure reported in a 200 response: what the 200 meant.
    pub in_200: Option<&'static str>,
    /// For a numeric code the catalogue lacks: the sections whose
    /// documented codes are in its range.
    pub sections: Vec<Section>,
    /// For a client failure: the client-side code its text states
    /// (`curl: (28)`, `NSURLErrorDomain Code=-1003`), when the catalogue
    /// has it.
    pub client_code: Option<&'static Entry>,
    /// For a signature or signing-time error: its signature checked. Set
    /// by the caller, which holds the keys ([`crate::signature::check`]).
    pub signature: Option<crate::signature::Report>,
}

impl Explained {
    /// The code as shown: the input's, or the inferred one.
    pub fn code(&self) -> Option<&str> {
        self.found.code.as_deref().or_else(|| {
            if !self.inferred {
                return None;
            }
            self.found
                .implied
                .as_deref()
                .or_else(|| self.entry.and_then(|e| e.code()))
        })
    }
}

/// Finds the catalogue entry for `found`.
pub fn explain(found: Found) -> Explained {
    // What a proxy or a failing client says is not the service's: no
    // catalogue entry applies.
    if found.origin != Origin::Service {
        let provider = found.provider.or(match found.vendor {
            Some(Vendor::Huawei) => Some(Provider::Obs),
            Some(Vendor::Tencent) => Some(Provider::Cos),
            None => None,
        });
        let client_code = found
            .failure
            .as_ref()
            .and_then(|f| client::client_code(&f.text));
        return Explained {
            hint: hint(&found, provider, None),
            provider,
            entry: None,
            alternatives: Vec::new(),
            inferred: false,
            suggestions: Vec::new(),
            in_200: None,
            sections: Vec::new(),
            client_code,
            signature: None,
            found,
        };
    }
    let mut inferred = false;
    let mut entry = by_code_cached(&found);
    if entry.is_none() && found.code.is_none() && found.number.is_none() {
        // The code the documented message names (decode found it), else
        // the entry whose message or description the message is.
        if let Some(code) = found.implied.as_deref() {
            let named = Found {
                code: Some(code.to_owned()),
                ..found.clone()
            };
            // Not when the status says otherwise: a message is only as
            // good as the code it names fits what else is known.
            let fits = found.status.is_none_or(|s| {
                let entries = lookup_server(&Query::Name(fold(code)));
                entries.is_empty() || entries.iter().any(|e| e.status.is_none_or(|t| t == s))
            });
            if fits {
                entry = by_code(&named);
                inferred = true;
            }
        } else {
            entry = by_message(&found);
            inferred = entry.is_some();
        }
    }
    let suggestions = match (
        &entry,
        found.code.as_deref().filter(|_| entry.is_none()).map(fold),
    ) {
        (None, Some(folded)) if !folded.is_empty() => {
            let mut filter = Filter::servers();
            if let Some(p) = found.provider {
                filter.providers = vec![p];
            }
            let mut near = catalog::suggest::suggest(&Query::Name(folded), &filter);
            // The legacy JSON API's long `ERROR_*` names are near names
            // only of a name written that way.
            if !found
                .code
                .as_deref()
                .is_some_and(|c| c.starts_with("ERROR_"))
            {
                near.retain(|n| !n.starts_with("ERROR_"));
            }
            near
        }
        _ => Vec::new(),
    };
    let provider = found.provider.or_else(|| match found.vendor {
        // COS and CI share a request ID's shape: the entry tells which
        // when there is one, and COS, which CI travels through, when not.
        Some(Vendor::Tencent) => Some(
            entry
                .filter(|e| e.provider.is_service())
                .map_or(Provider::Cos, |e| e.provider),
        ),
        Some(Vendor::Huawei) => Some(Provider::Obs),
        None if found.foreign => None,
        // The code's namespace: a code only one provider documents (for an
        // inferred code, the code the message names: a message one
        // provider documents may be every S3 service's).
        // S3's meaning says nothing of which service sent it.
        None => entry
            .filter(|e| e.provider.is_service())
            .filter(|e| {
                let named = match (inferred, e.code()) {
                    (true, Some(code)) => lookup_server(&Query::Name(fold(code))),
                    (true, None) => Vec::new(),
                    (false, _) => candidates(&found),
                };
                !named.is_empty()
                    && named.iter().all(|c| c.provider == e.provider)
                    // A code S3 documents too (`AllAccessDisabled`) is
                    // every S3 service's: it names none of them.
                    && e.code().is_none_or(|code| !s3_documents(code))
            })
            .map(|e| e.provider)
            // An inferred code whose message only one service words so.
            .or_else(|| {
                inferred
                    .then(|| {
                        found
                            .message
                            .as_deref()
                            .and_then(catalog::messages::provider_of)
                    })
                    .flatten()
            }),
    });
    let alternatives = match (provider, entry) {
        (None, Some(first)) => {
            let first: &'static Entry = first;
            let mut all = candidates(&found);
            all.sort_by_key(|e| (!std::ptr::eq(*e, first), e.provider != first.provider));
            // One meaning per provider and section.
            let mut seen: Vec<(Provider, catalog::Section)> = Vec::new();
            all.retain(|e| {
                let key = (e.provider, e.section);
                let new = !seen.contains(&key);
                seen.push(key);
                new
            });
            if all.len() > 1 { all } else { Vec::new() }
        }
        _ => Vec::new(),
    };
    // With the provider known, its own entry.
    let entry = match (provider, entry) {
        (Some(p), Some(e)) if e.provider != p => best(
            &found,
            candidates(&found)
                .into_iter()
                .filter(|c| c.provider == p)
                .collect(),
        )
        .or(Some(e)),
        _ => entry,
    };
    let hint = hint(&found, provider, entry);
    let in_200 = hints::in_200(&found);
    let sections = match (entry, numeric_code(&found)) {
        (None, Some(n)) => {
            let mut near = hints::sections_near(n);
            // Only the ranges of the provider the input names, and COS's
            // legacy JSON API's only where the input looks like it.
            near.retain(|s| match s {
                Section::JsonApi => json_api_fits(&found),
                s if s.is_ci_processing() => provider.is_none_or(|p| p == Provider::Ci),
                _ => true,
            });
            near
        }
        _ => Vec::new(),
    };
    Explained {
        found,
        provider,
        entry,
        alternatives,
        inferred,
        suggestions,
        hint,
        in_200,
        sections,
        client_code: None,
        signature: None,
    }
}

/// The error's numeric code: `X-ErrNo`, or a numeric `<Code>`.
fn numeric_code(found: &Found) -> Option<i64> {
    found
        .number
        .or_else(|| found.code.as_deref().and_then(|c| c.trim().parse().ok()))
}

/// What [`Explained::hint`] says, if anything.
fn hint(found: &Found, provider: Option<Provider>, entry: Option<&Entry>) -> Option<Hint> {
    match found.origin {
        Origin::Client => {
            let failure = found.failure.as_ref()?;
            Some(hints::failure(failure.kind))
        }
        Origin::Proxy => Some(hints::proxy(found.status, server(found), provider)),
        Origin::Service if entry.is_none() && found.code.is_none() && found.number.is_none() => {
            hints::status(found.status?, provider, is_head(found))
        }
        Origin::Service => None,
    }
}

/// The `Server` that answered, from the headers or the page.
fn server(found: &Found) -> Option<&str> {
    found
        .headers
        .iter()
        .chain(&found.extra)
        .find(|(k, _)| k.eq_ignore_ascii_case("server"))
        .map(|(_, v)| v.as_str())
}

/// Whether the failed request was a HEAD.
fn is_head(found: &Found) -> bool {
    found
        .request
        .as_deref()
        .is_some_and(|r| r.starts_with("HEAD "))
        || found
            .operation
            .as_deref()
            .is_some_and(|o| o.starts_with("Head") || o.starts_with("head"))
}

/// Ranks candidates: the input's provider first, then its HTTP status, then
/// catalogue order. A numeric code from `X-ErrNo` is an image-download code.
fn best(found: &Found, candidates: Vec<&'static Entry>) -> Option<&'static Entry> {
    candidates.into_iter().min_by_key(|e| {
        let provider_miss = found.provider.is_some_and(|p| p != e.provider);
        let status_miss = match (found.status, e.status) {
            (Some(s), Some(t)) => s != t,
            (Some(_), None) => found.number.is_none(),
            _ => false,
        };
        (provider_miss, status_miss)
    })
}

/// What [`by_code`] reads of an error.
#[derive(PartialEq)]
struct CodeKey {
    code: Option<String>,
    number: Option<i64>,
    provider: Option<Provider>,
    vendor: Option<Vendor>,
    status: Option<u16>,
    /// [`json_api_fits`], which also reads the message.
    json_api: bool,
}

impl CodeKey {
    fn is(&self, f: &Found, json_api: bool) -> bool {
        self.code == f.code
            && self.number == f.number
            && self.provider == f.provider
            && self.vendor == f.vendor
            && self.status == f.status
            && self.json_api == json_api
    }
}

/// How many answers of [`by_code`] each thread remembers.
const CODE_CACHE: usize = 16;

/// [`by_code`], remembering its last answers per thread: a log repeats a
/// handful of codes, and the fold and name search per error were a
/// twentieth of `decode --json`.
fn by_code_cached(found: &Found) -> Option<&'static Entry> {
    thread_local! {
        static RECENT: std::cell::RefCell<Vec<(CodeKey, Option<&'static Entry>)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    RECENT.with_borrow_mut(|recent| {
        let json_api = json_api_fits(found);
        if let Some(i) = recent.iter().position(|(k, _)| k.is(found, json_api)) {
            // Most recent first.
            recent[..=i].rotate_right(1);
            return recent[0].1;
        }
        let entry = by_code(found);
        if recent.len() == CODE_CACHE {
            recent.pop();
        }
        let key = CodeKey {
            code: found.code.clone(),
            number: found.number,
            provider: found.provider,
            vendor: found.vendor,
            status: found.status,
            json_api,
        };
        recent.insert(0, (key, entry));
        entry
    })
}

/// The server entries `query` names: the storage services' (COS, CI,
/// OBS), else, for a name none of them documents, S3's meaning of it
/// (`ExpiredToken` from an S3 gateway). Client-side lists are not a
/// server's answer and are never matched here.
/// Whether S3's own table documents `code`.
fn s3_documents(code: &str) -> bool {
    let filter = Filter {
        providers: vec![Provider::S3],
        ..Filter::default()
    };
    !catalog::lookup(&Query::Name(fold(code)), &filter).is_empty()
}

fn lookup_server(query: &Query) -> Vec<&'static Entry> {
    match query {
        // S3's entries of a name that a service documents are not server
        // entries (they are shadowed), so these are the services' entries
        // when there are any, else S3's.
        Query::Name(folded) => catalog::server_named(folded).collect(),
        _ => catalog::lookup(query, &Filter::services()),
    }
}

/// Whether COS's legacy JSON API's entries may be this error's. Its small
/// negative numbers (-48, -71, -9999) are what many an application's JSON
/// says too: only an input that is COS's, or Tencent's, or that names the
/// code the way that API does (`"message": "ERROR_PROXY_AUTH_FAILED"`),
/// gets them.
fn json_api_fits(found: &Found) -> bool {
    let v4_name = |s: Option<&str>| s.is_some_and(|s| s.trim().starts_with("ERROR_"));
    match found.provider {
        Some(p) => p == Provider::Cos,
        None => {
            found.vendor == Some(Vendor::Tencent)
                || v4_name(found.message.as_deref())
                || v4_name(found.code.as_deref())
        }
    }
}

/// Every entry the error's code or number names.
fn candidates(found: &Found) -> Vec<&'static Entry> {
    named(found, found.code.as_deref().or(found.implied.as_deref()))
}

/// The server entries `code` names, else the error's number; COS's legacy
/// JSON API's only where [`json_api_fits`].
fn named(found: &Found, code: Option<&str>) -> Vec<&'static Entry> {
    let mut out = Vec::new();
    if let Some(code) = code {
        let trimmed = code.trim();
        // A numeric <Code> (CI jobs) is a number, not a name.
        let query = match trimmed.parse::<i64>() {
            Ok(n) => Query::Number(n),
            Err(_) => Query::Name(fold(trimmed)),
        };
        out = lookup_server(&query);
    }
    if out.is_empty()
        && let Some(n) = found.number
    {
        out = lookup_server(&Query::Number(n));
    }
    if !json_api_fits(found) {
        out.retain(|e| e.section != Section::JsonApi);
    }
    out
}

fn by_code(found: &Found) -> Option<&'static Entry> {
    let mut candidates = named(found, found.code.as_deref());
    // A code the input's provider does not document is not that
    // provider's entry, even if another provider has the name; when only
    // the vendor is known (a TraceId is Tencent's), keep its providers.
    let keep = |p: Provider| match (found.provider, found.vendor) {
        (Some(q), _) => p == q,
        (None, Some(Vendor::Tencent)) => p != Provider::Obs,
        (None, Some(Vendor::Huawei)) => p == Provider::Obs,
        (None, None) => true,
    };
    if candidates.iter().any(|e| keep(e.provider)) {
        candidates.retain(|e| keep(e.provider));
    }
    best(found, candidates)
}

/// Infers the entry from the server's message: an exact documented message
/// first, then a description equal to the message.
fn by_message(found: &Found) -> Option<&'static Entry> {
    let message = found.message.as_deref()?.trim().trim_end_matches('.');
    if message.is_empty() {
        return None;
    }
    // The message, or its start (a log cut it, a user re-typed it).
    let same = |s: &str| catalog::messages::quotes(message, s.trim().trim_end_matches('.'));
    let entries: Vec<&'static Entry> = catalog::server_entries().collect();
    // A message whose documented status is not the error's is not its.
    let status_fits = |e: &&'static Entry| match (found.status, e.status) {
        (Some(s), Some(t)) => s == t,
        _ => true,
    };
    let by_messages: Vec<&'static Entry> = entries
        .iter()
        .copied()
        .filter(|e| e.messages().any(|m| same(m.message)))
        .filter(status_fits)
        .collect();
    if !by_messages.is_empty() {
        return best(found, by_messages);
    }
    best(
        found,
        entries
            .into_iter()
            .filter(|e| same(e.description()))
            .filter(status_fits)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_s3_documents_too_names_no_provider() {
        // github.com/EBWiki/EBWiki issues 531: AllAccessDisabled from
        // Amazon S3. OBS documents the code, and so does S3.
        let ex = explain(found(Some("AllAccessDisabled"), Some(403), None));
        assert_eq!(ex.provider, None);
        assert_eq!(
            explain(found(Some("KeyTooLongError"), None, None)).provider,
            None
        );
        // A code only one service documents, and S3 does not, names it.
        let ex = explain(found(Some("InArrearOrInsufficientBalance"), None, None));
        assert_eq!(ex.provider, Some(Provider::Obs));
        let ex = explain(found(Some("AppendPositionErr"), None, None));
        assert_eq!(ex.provider, Some(Provider::Cos));
    }

    fn found(code: Option<&str>, status: Option<u16>, provider: Option<Provider>) -> Found {
        Found {
            code: code.map(str::to_owned),
            status,
            provider,
            ..Found::default()
        }
    }

    /// COS's legacy JSON API's numbers name an entry only where the input
    /// looks like that API's answer; another application's `{"code":
    /// -48}`, or another provider's error, is not read as COS's.
    #[test]
    fn legacy_json_api_numbers_want_their_context() {
        let numbered = |n: i64, message: Option<&str>, provider: Option<Provider>| Found {
            number: Some(n),
            message: message.map(str::to_owned),
            provider,
            ..Found::default()
        };
        // tests/corpus/real/cos-rikka-json-api-proxy-auth-failed.txt
        let v4 = explain(numbered(-97, Some("ERROR_PROXY_AUTH_FAILED"), None));
        assert_eq!(v4.provider, Some(Provider::Cos));
        assert_eq!(v4.entry.map(|e| e.section), Some(Section::JsonApi));
        let cos = explain(numbered(-133, None, Some(Provider::Cos)));
        assert_eq!(cos.entry.map(|e| e.section), Some(Section::JsonApi));
        for (n, message, provider) in [
            (-48, Some("rate limited"), None),
            (-9999, Some("unknown error"), None),
            (-97, None, Some(Provider::Obs)),
            (-48, None, Some(Provider::Ci)),
        ] {
            let ex = explain(numbered(n, message, provider));
            assert_eq!(ex.entry, None, "{n} {message:?} {provider:?}");
            assert_eq!(ex.provider, provider, "{n} {message:?}");
            assert!(
                !ex.sections.contains(&Section::JsonApi),
                "{n}: {:?}",
                ex.sections
            );
        }
    }

    /// The cache gives what the search gives, for every code the
    /// catalogue has under every provider, vendor and status mix, asked
    /// again and again in an order that overflows it.
    #[test]
    fn cached_code_lookups_are_the_lookups() {
        let codes: Vec<String> = catalog::entries()
            .iter()
            .filter_map(|e| e.code().map(str::to_owned))
            .take(40)
            .collect();
        let providers = [
            None,
            Some(Provider::Cos),
            Some(Provider::Ci),
            Some(Provider::Obs),
        ];
        let vendors = [None, Some(Vendor::Tencent), Some(Vendor::Huawei)];
        for round in 0..3 {
            for (i, code) in codes.iter().enumerate() {
                let mut f = found(
                    Some(code),
                    [None, Some(403), Some(429)][(i + round) % 3],
                    None,
                );
                f.provider = providers[(i + round) % 4];
                f.vendor = vendors[i % 3];
                f.number = (i % 5 == 0).then_some(-46_618);
                assert_eq!(
                    by_code_cached(&f).map(|e| e as *const Entry),
                    by_code(&f).map(|e| e as *const Entry),
                    "{f:?}"
                );
            }
        }
    }

    #[test]
    fn picks_the_entry_of_the_inputs_provider_and_status() {
        let e = explain(found(Some("SlowDown"), Some(429), None));
        assert_eq!(
            e.entry.map(|e| (e.provider, e.status)),
            Some((Provider::Ci, Some(429)))
        );
        let e = explain(found(Some("SlowDown"), Some(503), Some(Provider::Obs)));
        assert_eq!(e.entry.map(|e| e.provider), Some(Provider::Obs));
        let e = explain(found(Some("InvalidObjectState"), Some(409), None));
        assert_eq!(e.entry.and_then(|e| e.status), Some(409));
        // COS and OBS both document it: not identified, both meanings.
        assert_eq!(e.provider, None);
        assert!(e.alternatives.iter().any(|a| a.provider == Provider::Obs));
        assert!(!e.inferred);
        // A code only one provider documents names it.
        let e = explain(found(Some("MirrorFailed"), None, None));
        assert_eq!(e.provider, Some(Provider::Cos));
        assert!(e.alternatives.is_empty());
    }

    /// A message one service's documents give names the provider only
    /// for a code inferred from it: OBS's documents copy AWS's classic
    /// messages, which any S3 service sends (github.com/aws/aws-cli issues
    /// 987: NoSuchUpload from Amazon S3 itself).
    #[test]
    fn a_message_names_a_service_only_for_an_inferred_code() {
        let mut f = found(Some("NoSuchUpload"), None, None);
        f.message = Some(
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."
                .to_owned(),
        );
        assert_eq!(explain(f).provider, None);
        let mut f = found(None, None, None);
        f.message = Some("The Signature you specified is invalid.".to_owned());
        f.implied = Some("SignatureDoesNotMatch".to_owned());
        assert_eq!(explain(f).provider, Some(Provider::Cos));
    }

    #[test]
    fn the_vendor_narrows_the_providers() {
        let mut f = found(Some("SlowDown"), Some(503), None);
        f.vendor = Some(Vendor::Huawei);
        assert_eq!(
            explain(f.clone()).entry.map(|e| e.provider),
            Some(Provider::Obs)
        );
        f.vendor = Some(Vendor::Tencent);
        assert_eq!(explain(f).entry.map(|e| e.provider), Some(Provider::Cos));
    }

    #[test]
    fn numbers_come_from_x_errno() {
        let mut f = found(None, Some(403), None);
        f.number = Some(-46618);
        let e = explain(f);
        assert_eq!(e.entry.and_then(|e| e.number), Some(-46618));
        assert_eq!(e.provider, Some(Provider::Ci));
    }

    #[test]
    fn infers_the_code_from_a_documented_message() {
        let mut f = found(None, Some(503), None);
        f.message = Some("Reduce your request rate.".to_owned());
        let e = explain(f);
        assert!(e.inferred);
        assert_eq!(e.entry.and_then(|e| e.code()), Some("SlowDown"));
        assert_eq!(e.entry.map(|e| e.provider), Some(Provider::Cos));
        let mut f = found(None, None, None);
        f.message = Some("No permission for CI_QCSRole".to_owned());
        assert_eq!(explain(f).entry.and_then(|e| e.number), Some(-65014));
    }

    #[test]
    fn reason_phrases_name_their_status_in_any_spelling() {
        assert_eq!(status_of_reason("Forbidden"), Some(403));
        assert_eq!(status_of_reason("NotFound"), Some(404));
        assert_eq!(status_of_reason("not found"), Some(404));
        assert_eq!(status_of_reason("SERVICE UNAVAILABLE"), Some(503));
        assert_eq!(status_of_reason("AccessDenied"), None);
        assert_eq!(status_of_reason("   "), None);
        assert_eq!(reason_phrase(429), Some("Too Many Requests"));
        assert_eq!(reason_phrase(499), None);
    }

    #[test]
    fn unknown_codes_get_suggestions() {
        let e = explain(found(Some("NoSuchBuckett"), Some(404), Some(Provider::Cos)));
        assert!(e.entry.is_none());
        assert_eq!(
            e.suggestions.first().map(String::as_str),
            Some("NoSuchBucket")
        );
    }
}

/// Describes how far the client's clock was from the server's, for
/// RequestTimeTooSkewed: "31 min behind", "2 h 5 min ahead", "in step".
pub fn describe_skew(client_millis: i64, server_millis: i64) -> String {
    let diff = client_millis - server_millis;
    let Some(amount) = skew_amount(diff) else {
        return "in step".to_owned();
    };
    if zone_hours(diff).is_some() {
        // A log written in local time and read as UTC, or a clock set to
        // the wrong zone, is off by whole hours (give or take a little).
        return format!(
            "{amount}: a whole number of hours is usually a time zone, not a wrong clock"
        );
    }
    amount
}

/// The clock skew in whole seconds, client minus server (negative: the
/// client is behind), as `describe_skew` counts it.
pub fn skew_seconds(client_millis: i64, server_millis: i64) -> i64 {
    (client_millis - server_millis) / 1000
}

/// "31 min 0 s behind", "8 h 0 min ahead"; `None` when in step (under
/// two seconds apart).
fn skew_amount(diff_millis: i64) -> Option<String> {
    let secs = diff_millis.unsigned_abs() / 1000;
    if secs < 2 {
        return None;
    }
    let amount = if secs < 60 {
        format!("{secs} s")
    } else if secs < 3600 {
        format!("{} min {} s", secs / 60, secs % 60)
    } else {
        format!("{} h {} min", secs / 3600, secs % 3600 / 60)
    };
    let way = if diff_millis < 0 { "behind" } else { "ahead" };
    Some(format!("{amount} {way}"))
}

/// The whole number of hours a skew is (within two minutes), signed:
/// what a time zone does.
fn zone_hours(diff_millis: i64) -> Option<i64> {
    let secs = diff_millis.unsigned_abs() / 1000;
    let hours = (secs + 120) / 3600;
    (hours >= 1 && (secs + 120) % 3600 <= 240).then(|| hours as i64 * diff_millis.signum())
}

/// The clock skews an input's errors showed, so each is explained once
/// and the errors after refer to it: a log written in China's local time
/// is 8 h "ahead" on every line, and one sentence about time zones is
/// enough.
#[derive(Debug, Default)]
pub struct SkewNotes {
    /// Each skew explained, and the error that explained it.
    noted: Vec<(i64, u64)>,
}

impl SkewNotes {
    /// Describes a skew seen at error `index`: in full the first time,
    /// else as the same time zone (same whole hours) or the same clock
    /// (within two minutes) as an earlier error, by its number.
    pub fn describe(&mut self, client_millis: i64, server_millis: i64, index: u64) -> String {
        let diff = client_millis - server_millis;
        let Some(amount) = skew_amount(diff) else {
            return "in step".to_owned();
        };
        let zone = zone_hours(diff);
        let same = |&(noted, _): &(i64, u64)| match zone {
            Some(hours) => zone_hours(noted) == Some(hours),
            None => {
                zone_hours(noted).is_none()
                    && noted.signum() == diff.signum()
                    && (noted - diff).abs() <= 120_000
            }
        };
        match self.noted.iter().find(|n| same(n)) {
            Some(&(_, at)) if zone.is_some() => {
                format!("{amount}: the time zone noted at error {at}")
            }
            Some(&(_, at)) => format!("{amount}, as noted at error {at}"),
            None => {
                self.noted.push((diff, index));
                describe_skew(client_millis, server_millis)
            }
        }
    }
}

#[cfg(test)]
mod time_tests {
    use super::*;

    #[test]
    fn each_skew_is_explained_once_then_referred_to() {
        let hour = 3_600_000;
        let mut notes = SkewNotes::default();
        let zone = notes.describe(8 * hour + 1_000, 0, 1);
        assert!(
            zone.ends_with("is usually a time zone, not a wrong clock"),
            "{zone}"
        );
        assert_eq!(
            notes.describe(8 * hour + 3_000, 0, 2),
            "8 h 0 min ahead: the time zone noted at error 1"
        );
        // Another skew is explained in full, once.
        assert_eq!(notes.describe(0, 1_860_000, 3), "31 min 0 s behind");
        assert_eq!(
            notes.describe(0, 1_900_000, 4),
            "31 min 40 s behind, as noted at error 3"
        );
        assert_eq!(notes.describe(1_860_000, 0, 5), "31 min 0 s ahead");
        assert_eq!(notes.describe(0, 0, 6), "in step");
        assert!(notes.describe(-hour, 0, 7).ends_with("not a wrong clock"));
        assert_eq!(skew_seconds(8 * hour + 1_999, 0), 8 * 3600 + 1);
        assert_eq!(skew_seconds(0, 1_860_999), -1860);
    }

    #[test]
    fn describes_skew() {
        assert_eq!(describe_skew(0, 1_860_000), "31 min 0 s behind");
        assert_eq!(describe_skew(7_500_000, 0), "2 h 5 min ahead");
        assert_eq!(describe_skew(1000, 0), "in step");
        assert_eq!(describe_skew(30_000, 0), "30 s ahead");
        assert_eq!(
            describe_skew(0, 8 * 3_600_000 + 30_000),
            "8 h 0 min behind: a whole number of hours is usually a time zone, not a wrong clock"
        );
    }
}

/// One line of `decode --summary`: every error with the same provider,
/// code, status and origin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TallyRow {
    pub provider: Option<Provider>,
    pub code: Option<String>,
    pub number: Option<i64>,
    pub status: Option<u16>,
    /// Who answered, and for a client's failure, which.
    pub origin: Origin,
    pub failure: Option<FailureKind>,
    pub count: u64,
    /// From the catalogue entry; `None` when the code is not in it.
    pub retryable: Option<bool>,
    pub first_request_id: Option<String>,
    pub first_line: u64,
    pub last_request_id: Option<String>,
    pub last_line: u64,
}

/// Counts explained errors by (provider, code, status, origin), in order
/// of first appearance. The number of distinct groups is capped, so a log
/// of endlessly different codes cannot grow it without bound; the rest is
/// counted in one overflow row with no code.
#[derive(Debug, Default)]
pub struct Tally {
    rows: Vec<TallyRow>,
    index: std::collections::HashMap<TallyKey, usize>,
}

/// What errors are grouped by: provider, code, number, status, origin,
/// client failure.
type TallyKey = (
    Option<Provider>,
    Option<String>,
    Option<i64>,
    Option<u16>,
    Origin,
    Option<FailureKind>,
);

/// How many distinct groups a tally keeps.
pub const MAX_TALLY_ROWS: usize = 10_000;

impl Tally {
    /// Counts an error.
    pub fn add(&mut self, ex: &Explained) {
        let f = &ex.found;
        let key: TallyKey = (
            ex.provider,
            ex.code().map(str::to_owned),
            f.number,
            f.status,
            f.origin,
            f.failure.as_ref().map(|x| x.kind),
        );
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                let (key, retryable) = if self.rows.len() >= MAX_TALLY_ROWS {
                    ((None, None, None, None, Origin::Service, None), None)
                } else {
                    (key, ex.entry.map(|e| e.retryable))
                };
                *self.index.entry(key.clone()).or_insert_with(|| {
                    self.rows.push(TallyRow {
                        provider: key.0,
                        code: key.1.clone(),
                        number: key.2,
                        status: key.3,
                        origin: key.4,
                        failure: key.5,
                        count: 0,
                        retryable,
                        first_request_id: f.request_id.clone(),
                        first_line: f.line,
                        last_request_id: None,
                        last_line: 0,
                    });
                    self.rows.len() - 1
                })
            }
        };
        let row = &mut self.rows[i];
        row.count += 1;
        row.last_line = f.line;
        row.last_request_id.clone_from(&f.request_id);
    }

    /// The groups, in order of first appearance.
    pub fn rows(&self) -> &[TallyRow] {
        &self.rows
    }
}

/// The standard reason phrases, by status.
const REASONS: &[(u16, &str)] = &[
    (100, "Continue"),
    (200, "OK"),
    (204, "No Content"),
    (206, "Partial Content"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (304, "Not Modified"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Payload Too Large"),
    (416, "Range Not Satisfiable"),
    (424, "Failed Dependency"),
    (429, "Too Many Requests"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
];

/// The standard reason phrase of an HTTP status.
pub fn reason_phrase(status: u16) -> Option<&'static str> {
    REASONS
        .iter()
        .find(|(s, _)| *s == status)
        .map(|(_, phrase)| *phrase)
}

/// The status whose standard reason phrase `phrase` is (`Forbidden`,
/// `not found`, `NotFound`): spaces and case do not matter.
pub fn status_of_reason(phrase: &str) -> Option<u16> {
    // Compared without allocating: decode asks this of every code.
    let letters = |s: &'static str| s.bytes().filter(|b| !b.is_ascii_whitespace());
    let want = || phrase.bytes().filter(|b| !b.is_ascii_whitespace());
    want().next()?;
    REASONS
        .iter()
        .find(|(_, r)| {
            letters(r)
                .map(|b| b.to_ascii_lowercase())
                .eq(want().map(|b| b.to_ascii_lowercase()))
        })
        .map(|(s, _)| *s)
}

#[cfg(test)]
mod tally_tests {
    use super::*;

    fn explained(
        code: Option<&str>,
        number: Option<i64>,
        status: Option<u16>,
        request_id: Option<&str>,
        line: u64,
    ) -> Explained {
        explain(Found {
            code: code.map(str::to_owned),
            number,
            status,
            request_id: request_id.map(str::to_owned),
            line,
            ..Found::default()
        })
    }

    /// Errors of every shape a record must carry: known and unknown codes,
    /// numbers at the ends of their range, text that JSON must escape.
    fn errors() -> Vec<Explained> {
        vec![
            explained(Some("NoSuchKey"), None, Some(404), Some("r1"), 2),
            explained(Some("SlowDown"), None, None, None, 7),
            explained(None, Some(-46618), None, Some("id \"quoted\"\n\\"), 9),
            explained(
                Some("键不存在\u{2028}\r\n\u{1}"),
                None,
                Some(u16::MAX),
                None,
                u64::MAX,
            ),
            explained(Some("NoSuchKey"), Some(i64::MIN), Some(404), Some("r2"), 11),
            explained(None, Some(i64::MAX), Some(503), Some(""), 0),
            explained(Some("NoSuchKey"), None, Some(404), Some("r3"), 12),
            explained(None, None, Some(304), None, 13),
        ]
    }

    #[test]
    fn who_answered_keeps_errors_apart() {
        let mut tally = Tally::default();
        let client = |kind| {
            explain(Found {
                origin: Origin::Client,
                failure: Some(crate::decode::Failure {
                    kind,
                    text: String::new(),
                    endpoint: None,
                }),
                ..Found::default()
            })
        };
        let (dns, timeout) = (client(FailureKind::Dns), client(FailureKind::Timeout));
        tally.add(&dns);
        tally.add(&timeout);
        tally.add(&dns);
        let proxy = explain(Found {
            origin: Origin::Proxy,
            status: Some(502),
            ..Found::default()
        });
        tally.add(&proxy);
        tally.add(&explain(Found {
            status: Some(502),
            ..Found::default()
        }));
        let rows = tally.rows();
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(
            (rows[0].failure, rows[0].count),
            (Some(FailureKind::Dns), 2)
        );
        assert_eq!(rows[2].origin, Origin::Proxy);
        assert_eq!(rows[3].origin, Origin::Service);
    }

    #[test]
    fn counting_groups_errors_in_order() {
        let mut direct = Tally::default();
        for ex in errors() {
            direct.add(&ex);
        }
        assert_eq!(direct.rows().len(), 7, "{:?}", direct.rows());
        let no_such_key = &direct.rows()[0];
        assert_eq!(no_such_key.code.as_deref(), Some("NoSuchKey"));
        assert_eq!(no_such_key.count, 2);
        assert_eq!(no_such_key.retryable, Some(false));
        assert_eq!(no_such_key.first_request_id.as_deref(), Some("r1"));
        assert_eq!(no_such_key.last_request_id.as_deref(), Some("r3"));
        assert_eq!((no_such_key.first_line, no_such_key.last_line), (2, 12));
    }
}
