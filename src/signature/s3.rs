//! The S3-style schemes OBS accepts and S3-compatible servers report.
//!
//! - V2 (`Authorization: OBS AK:sig` or `AWS AK:sig`; public doc api-obs
//!   obs_04_0010, huaweicloud-sdk-go-obs `obs/auth.go`, `authV2.go`):
//!   Signature = Base64(HMAC-SHA1(SK, StringToSign)), StringToSign =
//!   `VERB\nContent-MD5\nContent-Type\nDate\n` + the `x-obs-*` (or
//!   `x-amz-*`) headers, lower-cased and sorted, one `name:value\n` each,
//!   then the canonicalized resource (`/bucket/key` and the
//!   sub-resources, sorted). With `x-obs-date` (`x-amz-date`) the Date line is empty; a
//!   presigned URL puts `Expires` there.
//! - V4 (`AWS4-HMAC-SHA256`): Signature = hex(HMAC-SHA256(kSigning,
//!   StringToSign)), kSigning = HMAC chain over the scope's date, region,
//!   service and `aws4_request` from `"AWS4" + SK`; StringToSign =
//!   `AWS4-HMAC-SHA256\ndatetime\nscope\nhex(SHA256(CanonicalRequest))`.

use super::cos::{key_or_finish, undetermined_summary};
use super::request::{Request, decode};
use super::search::{self, Change};
use super::{
    Auth, Difference, Keys, Material, PASTE_REQUEST, Report, Scheme, Strings, Verdict, base64,
    encode, hex, hmac_sha1, hmac_sha256, sha256_hex, shown,
};
use crate::decode::Vendor;

/// Query parameters that are sub-resources of the V2 canonicalized
/// resource (huaweicloud-sdk-go-obs `allowedResourceParameterNames`, which
/// holds the S3 ones too).
const SUB_RESOURCES: &[&str] = &[
    "acl",
    "backtosource",
    "metadata",
    "policy",
    "torrent",
    "logging",
    "location",
    "storageinfo",
    "quota",
    "storageclass",
    "storagepolicy",
    "requestpayment",
    "versions",
    "versioning",
    "versionid",
    "uploads",
    "uploadid",
    "partnumber",
    "website",
    "notification",
    "lifecycle",
    "deletebucket",
    "delete",
    "cors",
    "restore",
    "encryption",
    "tagging",
    "append",
    "modify",
    "position",
    "replication",
    "response-content-type",
    "response-content-language",
    "response-expires",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "x-image-process",
    "x-oss-process",
    "x-image-save-bucket",
    "x-image-save-object",
    "ignore-sign-in-query",
    "name",
    "rename",
    "customdomain",
    "mirrorbacktosource",
    "x-obs-accesslabel",
    "object-lock",
    "retention",
    "x-obs-security-token",
    "truncate",
    "length",
    "inventory",
    "directcoldaccess",
    "attname",
    "cdnnotifyconfiguration",
    "publicaccessblock",
    "bucketstatus",
    "policystatus",
    "x-amz-security-token",
];

/// A V2 StringToSign in its parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct V2String {
    pub method: String,
    pub content_md5: String,
    pub content_type: String,
    /// `Date`, empty, or a presigned URL's `Expires`.
    pub date: String,
    /// Lower-case names, sorted when rendered.
    pub headers: Vec<(String, String)>,
    pub resource: String,
}

impl V2String {
    pub fn render(&self) -> String {
        let mut headers: Vec<&(String, String)> = self.headers.iter().collect();
        headers.sort();
        let mut s = format!(
            "{}\n{}\n{}\n{}\n",
            self.method, self.content_md5, self.content_type, self.date
        );
        for (k, v) in headers {
            s.push_str(&format!("{k}:{v}\n"));
        }
        s.push_str(&self.resource);
        s
    }

    pub fn parse(s: &str) -> Option<V2String> {
        let lines: Vec<&str> = s.trim_end_matches('\n').split('\n').collect();
        if lines.len() < 5 {
            return None;
        }
        let n = lines.len();
        let headers = lines[4..n - 1]
            .iter()
            .map(|l| l.split_once(':').map(|(k, v)| (k.to_owned(), v.to_owned())))
            .collect::<Option<Vec<_>>>()?;
        Some(V2String {
            method: lines[0].to_owned(),
            content_md5: lines[1].to_owned(),
            content_type: lines[2].to_owned(),
            date: lines[3].to_owned(),
            headers,
            resource: lines[n - 1].to_owned(),
        })
    }
}

pub fn sign_v2(key: &[u8], sts: &str) -> String {
    base64(&hmac_sha1(key, sts.as_bytes()))
}

fn prefix(scheme: Scheme) -> &'static str {
    if scheme == Scheme::ObsV2 {
        "x-obs-"
    } else {
        "x-amz-"
    }
}

/// The bucket part of the resource, from `Host`: a virtual-hosted name
/// (`bucket.obs.region.myhuaweicloud.com`) gives `/bucket`, a service
/// endpoint or an address gives nothing (the path holds the bucket).
fn bucket_prefix(host: &str) -> Result<String, String> {
    let host = host.trim().to_ascii_lowercase();
    let name = match host.rsplit_once(':') {
        Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) => h.to_owned(),
        _ => host.clone(),
    };
    let ip = name.bytes().all(|b| b.is_ascii_digit() || b == b'.') || name.starts_with('[');
    let service_first = ["obs.", "s3.", "s3-", "oss-", "cos."]
        .iter()
        .any(|p| name.starts_with(p));
    if ip || service_first || name == "localhost" {
        return Ok(String::new());
    }
    let virtual_hosted = [".obs.", ".s3.", ".s3-", ".oss-", ".cos.", ".obs-"]
        .iter()
        .any(|p| name.contains(p));
    match name.split_once('.') {
        Some((bucket, _)) if virtual_hosted => Ok(format!("/{bucket}")),
        _ => Err(format!(
            "which bucket Host {name} serves (a custom domain: the resource starts with the bucket's name)"
        )),
    }
}

fn sub_resources(req: &Request) -> String {
    let mut subs: Vec<(String, Option<String>)> = req
        .query
        .iter()
        .map(|(k, v)| (decode(k), v.as_deref().map(decode)))
        .filter(|(k, _)| SUB_RESOURCES.iter().any(|s| s.eq_ignore_ascii_case(k)))
        .collect();
    subs.sort();
    let parts: Vec<String> = subs
        .into_iter()
        .map(|(k, v)| match v {
            Some(v) if !v.is_empty() => format!("{k}={v}"),
            _ => k,
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Rebuilds the V2 StringToSign of the request as sent.
pub fn rebuild_v2(
    scheme: Scheme,
    req: &Request,
    expires: Option<&str>,
) -> Result<V2String, Vec<String>> {
    let mut missing = Vec::new();
    if req.url_only {
        missing.push(
            "the headers sent with the signed URL (Content-Type, Content-MD5, x-obs-*): paste \
             the `curl -v` output of the request"
                .to_owned(),
        );
    } else if !req.complete {
        missing.push("the request's whole header block: the trace ends inside it".to_owned());
    }
    let Some(method) = req.method.clone() else {
        missing.push("the request's method".to_owned());
        return Err(missing);
    };
    let pre = prefix(scheme);
    let mut headers: Vec<(String, String)> = Vec::new();
    for (k, v) in &req.headers {
        let k = k.to_ascii_lowercase();
        if k.starts_with(pre) {
            match headers.iter_mut().find(|(n, _)| *n == k) {
                Some((_, old)) => {
                    old.push(',');
                    old.push_str(v.trim());
                }
                None => headers.push((k, v.trim().to_owned())),
            }
        }
    }
    let date = match expires {
        Some(e) => e.to_owned(),
        None if req.header(&format!("{pre}date")).is_some() => String::new(),
        None => req.header("Date").unwrap_or_default().to_owned(),
    };
    let bucket = match req.header("Host").map(bucket_prefix) {
        Some(Ok(b)) => b,
        Some(Err(why)) => {
            missing.push(why);
            String::new()
        }
        None => {
            missing.push("the request's Host header".to_owned());
            String::new()
        }
    };
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok(V2String {
        method,
        content_md5: req.header("Content-MD5").unwrap_or_default().to_owned(),
        content_type: req.header("Content-Type").unwrap_or_default().to_owned(),
        date,
        headers,
        resource: format!("{bucket}{}{}", req.path, sub_resources(req)),
    })
}

fn v2_difference(a: &V2String, b: &V2String) -> Option<Difference> {
    let d = |part: &'static str, name: &str, x: &str, y: &str| Difference {
        part,
        name: name.to_owned(),
        sent: shown(name, x),
        other: shown(name, y),
    };
    if a.method != b.method {
        return Some(d("method", "method", &a.method, &b.method));
    }
    for (name, x, y) in [
        ("content-md5", &a.content_md5, &b.content_md5),
        ("content-type", &a.content_type, &b.content_type),
        ("date", &a.date, &b.date),
    ] {
        if x != y {
            return Some(d("header", name, x, y));
        }
    }
    let mut names: Vec<&str> = a
        .headers
        .iter()
        .chain(&b.headers)
        .map(|(k, _)| k.as_str())
        .collect();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let get = |l: &[(String, String)]| {
            l.iter()
                .find(|(k, _)| k == name)
                .map_or_else(|| "(not signed)".to_owned(), |(_, v)| v.clone())
        };
        let (x, y) = (get(&a.headers), get(&b.headers));
        if x != y {
            return Some(d("header", name, &x, &y));
        }
    }
    // The same key, encoded otherwise, is not a change on the way: the
    // variant search tells which encoding was signed.
    if decode(&a.resource) != decode(&b.resource) {
        return Some(d("resource", "resource", &a.resource, &b.resource));
    }
    None
}

fn shown_v2(s: &V2String) -> String {
    let mut s = s.clone();
    for (k, v) in &mut s.headers {
        *v = shown(k, v);
    }
    // A security token in the resource's query.
    if let Some((path, query)) = s.resource.split_once('?') {
        let q: Vec<String> = query
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, v)) => format!("{k}={}", shown(k, v)),
                None => p.to_owned(),
            })
            .collect();
        s.resource = format!("{path}?{}", q.join("&"));
    }
    s.render()
}

pub fn check_v2(
    scheme: Scheme,
    vendor: Option<Vendor>,
    m: &Material,
    auth: Option<&Auth>,
    keys: &Keys,
) -> Report {
    let mut r = Report::new(Some(scheme));
    let (sig, expires) = match auth {
        Some(Auth::V2 {
            signature, expires, ..
        }) => (Some(signature.trim().to_owned()), expires.clone()),
        _ => (m.signature_provided.clone(), None),
    };
    let server = match m.string_to_sign.as_deref() {
        Some(s) if !m.cut.contains(&"StringToSign") => match V2String::parse(s) {
            Some(v) => Some(v),
            None => {
                r.missing.push(
                    "the server's whole StringToSign (the one in the input is cut or not V2's)"
                        .to_owned(),
                );
                None
            }
        },
        Some(_) => {
            r.missing
                .push("the server's whole StringToSign (the one in the input is cut)".to_owned());
            None
        }
        None => None,
    };
    let rebuilt = match &m.request {
        Some(req) if auth.is_some() => match rebuild_v2(scheme, req, expires.as_deref()) {
            Ok(v) => {
                r.checked.push("the request as sent (method, Content-MD5, Content-Type, Date, headers, resource)".to_owned());
                Some(v)
            }
            Err(missing) => {
                r.missing.extend(missing);
                None
            }
        },
        _ => {
            r.missing.push(PASTE_REQUEST.to_owned());
            None
        }
    };
    if server.is_none() && m.string_to_sign.is_none() {
        r.missing.push(
            "the server's StringToSign (the error body, if the server returned one)".to_owned(),
        );
    }
    let mut agree = false;
    if let (Some(a), Some(b)) = (&rebuilt, &server) {
        r.strings = Some(Strings {
            left: ("sent", shown_v2(a)),
            right: ("server", shown_v2(b)),
        });
        match v2_difference(a, b) {
            Some(d) => {
                r.verdict = Verdict::RequestDiffers;
                r.summary = format!(
                    "The server checked another request than the one in the input: the {} was \
                     \"{}\" as sent and \"{}\" at the server. Something between them changed \
                     it (a proxy or CDN), or the paste mixes two requests.",
                    d.name, d.sent, d.other
                );
                r.first_difference = Some(d);
            }
            None => {
                r.checked
                    .push("the request as sent against the server's StringToSign".to_owned());
                agree = true;
            }
        }
    }
    let Some(key) = key_or_finish(keys, scheme, vendor, agree, &mut r) else {
        return r;
    };
    let Some(sig) = sig else {
        r.missing.push(
            "the signature sent (the Authorization header or the URL's Signature)".to_owned(),
        );
        r.summary = undetermined_summary(&r);
        return r;
    };
    let (base, base_is_server) = match (&server, &rebuilt) {
        (Some(s), _) => (s.clone(), true),
        (None, Some(s)) => (s.clone(), false),
        (None, None) => {
            if r.verdict == Verdict::Undetermined {
                r.summary = undetermined_summary(&r);
            }
            return r;
        }
    };
    let matches = |v: &V2String| sign_v2(key.bytes(), &v.render()) == sig;
    if r.verdict == Verdict::RequestDiffers {
        // Which side the key signs to the signature sent tells who changed
        // what.
        if rebuilt.as_ref().is_some_and(&matches) {
            r.checked.push(format!(
                "the signature sent against the key in {}",
                key.source
            ));
            r.summary.push_str(
                " The key signs the request as the input shows it to the signature sent: the \
                 client signed what it sent, and the request changed after it left.",
            );
        } else if matches(&base) {
            r.checked.push(format!(
                "the signature sent against the key in {}",
                key.source
            ));
            r.summary.push_str(
                " Yet the key signs the server's string to the signature sent: the request in \
                 the input is not the one the server got (the paste mixes two), and the service \
                 holds another key for this access key ID.",
            );
        } else {
            r.summary.push_str(
                " The key signs neither the request as shown nor the server's string to the \
                 signature sent.",
            );
        }
        return r;
    }
    if matches(&base) {
        r.checked.push(format!(
            "the signature sent against the key in {}",
            key.source
        ));
        if base_is_server {
            r.verdict = Verdict::KeyNotForAccessKey;
            r.summary = format!(
                "The key in {} signs what the server checked to the very signature that was \
                 sent: the client signed correctly with this key, so the service holds another \
                 secret key for this access key ID (an AK/SK pair mixed up, or a key deleted or \
                 rotated).",
                key.source
            );
        } else {
            r.summary = "The key signs the request as sent to the signature sent. Without the \
                server's StringToSign, coserr cannot tell whether the server saw the same \
                request."
                .to_owned();
        }
        return r;
    }
    let changes = v2_changes(&base, scheme, m.request.as_ref());
    let mut tries = 0;
    let found = search::search(&base, &changes, &matches, &mut tries);
    r.checked.push(format!(
        "{tries} variants of the request (one change, then pairs) against the signature sent"
    ));
    search::settle(
        &mut r,
        (&base, &changes),
        (found, tries),
        |signed| Strings {
            left: ("server", shown_v2(&base)),
            right: ("signed", shown_v2(signed)),
        },
        |r| other_key(r, key),
    );
    r
}

/// No variant explains the signature: another secret key signed it.
fn other_key(r: &mut Report, key: &super::Key) {
    r.verdict = Verdict::DifferentKey;
    r.summary = format!(
        "The key in {} does not sign this request, nor any variant of it tried, to the \
         signature that was sent: the client signed with another secret key.",
        key.source
    );
}

fn v2_changes(base: &V2String, scheme: Scheme, req: Option<&Request>) -> Vec<Change<V2String>> {
    let mut out: Vec<Change<V2String>> = Vec::new();
    let mut add = |part: &'static str,
                   name: &str,
                   sent: &str,
                   signed: String,
                   apply: Box<dyn Fn(&mut V2String)>| {
        out.extend(Change::of(part, name, sent, &signed, apply));
    };
    let lower = base.method.to_ascii_lowercase();
    add(
        "method",
        "method",
        &base.method,
        lower.clone(),
        Box::new(move |v| v.method = lower.clone()),
    );
    // Content-Type as libraries change it.
    let ct = base.content_type.clone();
    let mut cts = vec![String::new()];
    match ct.split_once(';') {
        Some((before, _)) => cts.push(before.trim_end().to_owned()),
        None if !ct.is_empty() => {
            for cs in ["; charset=utf-8", "; charset=UTF-8", ";charset=utf-8"] {
                cts.push(format!("{ct}{cs}"));
            }
        }
        None => {
            cts.push("application/octet-stream".to_owned());
            cts.push("application/x-www-form-urlencoded".to_owned());
            cts.push("text/plain;charset=UTF-8".to_owned());
        }
    }
    cts.push(ct.to_ascii_lowercase());
    for c in cts {
        let w = c.clone();
        add(
            "header",
            "content-type",
            &ct,
            c,
            Box::new(move |v| v.content_type = w.clone()),
        );
    }
    let md5 = base.content_md5.clone();
    add(
        "header",
        "content-md5",
        &md5,
        String::new(),
        Box::new(|v| v.content_md5.clear()),
    );
    // The Date line: empty, or the Date / x-*-date header's value.
    let date = base.date.clone();
    let mut dates = vec![String::new()];
    if let Some(req) = req {
        dates.extend(req.header("Date").map(str::to_owned));
        dates.extend(
            req.header(&format!("{}date", prefix(scheme)))
                .map(str::to_owned),
        );
    }
    for d in dates {
        let w = d.clone();
        add(
            "header",
            "date",
            &date,
            d,
            Box::new(move |v| v.date = w.clone()),
        );
    }
    for (k, val) in &base.headers {
        let name = k.clone();
        add(
            "header",
            k,
            val,
            "(not signed)".to_owned(),
            Box::new(move |v| v.headers.retain(|(n, _)| *n != name)),
        );
    }
    // The resource: with or without the bucket, trailing slash, encoding.
    let res = base.resource.clone();
    let (path, query) = match res.split_once('?') {
        Some((p, q)) => (p.to_owned(), format!("?{q}")),
        None => (res.clone(), String::new()),
    };
    let mut paths = vec![
        decode(&path),
        path.split('/')
            .map(|s| encode(&decode(s)))
            .collect::<Vec<_>>()
            .join("/"),
        path.strip_suffix('/')
            .map_or_else(|| format!("{path}/"), str::to_owned),
    ];
    if let Some(rest) = path
        .strip_prefix('/')
        .and_then(|p| p.find('/').map(|i| &p[i..]))
    {
        paths.push(rest.to_owned());
    }
    if let Some(host) = req.and_then(|r| r.header("Host")) {
        let bucket = host.split('.').next().unwrap_or_default();
        paths.push(format!("/{bucket}{path}"));
    }
    for p in paths {
        let full = format!("{p}{query}");
        let w = full.clone();
        add(
            "resource",
            "resource",
            &res,
            full,
            Box::new(move |v| v.resource = w.clone()),
        );
    }
    if !query.is_empty() {
        add(
            "resource",
            "resource",
            &res,
            path.clone(),
            Box::new(move |v| v.resource = path.clone()),
        );
    }
    out
}

/// `20240507T150221Z` as Unix seconds.
pub fn amz_date(s: &str) -> Option<i64> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let iso = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &s[0..4],
        &s[4..6],
        &s[6..8],
        &s[9..11],
        &s[11..13],
        &s[13..15]
    );
    crate::decode::reqid::parse_date(&iso).map(|ms| ms / 1000)
}

/// The V4 StringToSign, its lines joined by newlines again (a paste may
/// have turned them into spaces: no line holds one).
fn v4_string(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    (parts.len() == 4
        && parts[0] == "AWS4-HMAC-SHA256"
        && parts[3].len() == 64
        && parts[2].split('/').count() == 4)
        .then(|| parts.join("\n"))
}

pub fn sign_v4(key: &[u8], sts: &str) -> Option<String> {
    let scope = sts.split('\n').nth(2)?;
    let mut it = scope.split('/');
    let (date, region, service, term) = (it.next()?, it.next()?, it.next()?, it.next()?);
    let mut k = b"AWS4".to_vec();
    k.extend_from_slice(key);
    let k = hmac_sha256(&k, date.as_bytes());
    let k = hmac_sha256(&k, region.as_bytes());
    let k = hmac_sha256(&k, service.as_bytes());
    let k = hmac_sha256(&k, term.as_bytes());
    Some(hex(&hmac_sha256(&k, sts.as_bytes())))
}

/// Rebuilds the V4 canonical request of the request as sent.
pub fn rebuild_v4(
    req: &Request,
    signed_headers: Option<&str>,
    presigned: bool,
) -> Result<String, Vec<String>> {
    let mut missing = Vec::new();
    let Some(method) = req.method.clone() else {
        return Err(vec!["the request's method".to_owned()]);
    };
    let Some(signed) = signed_headers else {
        return Err(vec!["the SignedHeaders of the Authorization".to_owned()]);
    };
    let path: String = req
        .path
        .split('/')
        .map(|s| encode(&decode(s)))
        .collect::<Vec<_>>()
        .join("/");
    let mut query: Vec<(String, String)> = req
        .query
        .iter()
        .filter(|(k, _)| !decode(k).eq_ignore_ascii_case("X-Amz-Signature"))
        .map(|(k, v)| {
            (
                encode(&decode(k)),
                encode(&v.as_deref().map(decode).unwrap_or_default()),
            )
        })
        .collect();
    query.sort();
    let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let mut headers = String::new();
    for name in signed.split(';').filter(|n| !n.is_empty()) {
        let values: Vec<String> = req
            .headers_named(name)
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        if values.is_empty() {
            if req.complete || (req.url_only && name == "host") {
                missing.push(format!(
                    "the {name} header (signed, but the request as shown has none)"
                ));
            } else {
                missing.push(format!(
                    "the {name} header: the trace ends before the request's headers do"
                ));
            }
            continue;
        }
        headers.push_str(&format!("{name}:{}\n", values.join(",")));
    }
    let payload = match req.header("x-amz-content-sha256") {
        Some(p) => p.to_owned(),
        None if presigned => "UNSIGNED-PAYLOAD".to_owned(),
        None => {
            missing.push("the x-amz-content-sha256 header (the payload's hash)".to_owned());
            String::new()
        }
    };
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok(format!(
        "{method}\n{path}\n{}\n{headers}\n{signed}\n{payload}",
        query.join("&")
    ))
}

/// The first differing line of two canonical requests, named.
fn v4_difference(a: &str, b: &str) -> Option<Difference> {
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.split('\n').collect(), b.split('\n').collect());
    for i in 0..la.len().max(lb.len()) {
        let (x, y) = (
            la.get(i).copied().unwrap_or(""),
            lb.get(i).copied().unwrap_or(""),
        );
        // The path and query encoded otherwise: not a change on the way.
        if x == y || (i == 1 || i == 2) && decode(x) == decode(y) {
            continue;
        }
        let (part, name) = match i {
            0 => ("method", "method".to_owned()),
            1 => ("path", "path".to_owned()),
            2 => ("param", "query".to_owned()),
            _ => match (x.split_once(':'), y.split_once(':')) {
                (Some((n, _)), _) | (None, Some((n, _))) => ("header", n.to_owned()),
                _ => ("header", "signed headers".to_owned()),
            },
        };
        let strip = |s: &str| match s.split_once(':') {
            Some((n, v)) if part == "header" && n == name => v.to_owned(),
            _ => s.to_owned(),
        };
        return Some(Difference {
            part,
            sent: shown(&name, &strip(x)),
            other: shown(&name, &strip(y)),
            name,
        });
    }
    None
}

pub fn check_v4(vendor: Option<Vendor>, m: &Material, auth: Option<&Auth>, keys: &Keys) -> Report {
    let mut r = Report::new(Some(Scheme::V4));
    let (sig, credential, signed_headers, presigned) = match auth {
        Some(Auth::V4 {
            signature,
            credential,
            signed_headers,
            presigned,
        }) => (
            Some(signature.trim().to_owned()),
            Some(credential.clone()),
            signed_headers.clone(),
            presigned.clone(),
        ),
        _ => (m.signature_provided.clone(), None, None, None),
    };
    let server_sts = match m.string_to_sign.as_deref() {
        Some(s) => {
            match v4_string(s) {
                Some(v) => Some(v),
                None => {
                    r.missing.push("the server's whole StringToSign (four fields: the one in the input is cut)".to_owned());
                    None
                }
            }
        }
        None => None,
    };
    let server_creq = match (m.canonical_request.as_deref(), &server_sts) {
        (Some(c), Some(sts)) => {
            let hash = sts.rsplit('\n').next().unwrap_or_default();
            if sha256_hex(c.as_bytes()) == hash {
                r.checked
                    .push("the server's CanonicalRequest hashes to its StringToSign".to_owned());
                Some(c.to_owned())
            } else {
                r.missing.push(
                    "the server's CanonicalRequest exactly as returned: the one in the input does \
                     not hash to its StringToSign (cut, or its line ends changed)"
                        .to_owned(),
                );
                None
            }
        }
        (Some(_), None) => {
            r.missing.push(
                "the server's StringToSign, to check its CanonicalRequest against".to_owned(),
            );
            None
        }
        _ => None,
    };
    let rebuilt = match (&m.request, auth) {
        (Some(req), Some(_)) => {
            match rebuild_v4(req, signed_headers.as_deref(), presigned.is_some()) {
                Ok(c) => {
                    r.checked.push(
                        "the request as sent (method, path, query, signed headers, payload hash)"
                            .to_owned(),
                    );
                    Some(c)
                }
                Err(missing) => {
                    r.missing.extend(missing);
                    None
                }
            }
        }
        _ => {
            r.missing.push(PASTE_REQUEST.to_owned());
            None
        }
    };
    if m.string_to_sign.is_none() {
        r.missing.push(
            "the server's StringToSign and CanonicalRequest (this server's error body has none)"
                .to_owned(),
        );
    }
    let mut agree = false;
    if let (Some(a), Some(b)) = (&rebuilt, &server_creq) {
        r.strings = Some(Strings {
            left: ("sent", a.clone()),
            right: ("server", b.clone()),
        });
        match v4_difference(a, b) {
            Some(d) => {
                r.verdict = Verdict::RequestDiffers;
                r.summary = format!(
                    "The server checked another request than the one in the input: the {} was \
                     \"{}\" as sent and \"{}\" at the server. Something between them changed \
                     it, or the paste mixes two requests.",
                    d.name, d.sent, d.other
                );
                r.first_difference = Some(d);
            }
            None => {
                r.checked
                    .push("the request as sent against the server's CanonicalRequest".to_owned());
                agree = true;
            }
        }
    }
    // The string the key is tried on.
    let rebuilt_sts = match (&rebuilt, &credential, m.request.as_ref()) {
        (Some(c), Some(cred), Some(req)) => {
            let scope = cred.split_once('/').map(|(_, s)| s.to_owned());
            let date = req
                .header("x-amz-date")
                .map(str::to_owned)
                .or_else(|| presigned.as_ref().map(|(d, _)| d.clone()));
            scope.zip(date).map(|(scope, date)| {
                format!(
                    "AWS4-HMAC-SHA256\n{date}\n{scope}\n{}",
                    sha256_hex(c.as_bytes())
                )
            })
        }
        _ => None,
    };
    if let (Some(a), Some(b)) = (&rebuilt_sts, &server_sts)
        && r.verdict == Verdict::Undetermined
        && server_creq.is_none()
    {
        if a == b {
            r.checked
                .push("the request as sent against the server's StringToSign".to_owned());
            agree = true;
        } else {
            // Another request, or the same one canonicalised otherwise:
            // only the CanonicalRequest tells, so no verdict on it.
            r.missing.push(
                "the server's CanonicalRequest: the request as sent does not hash to its \
                 StringToSign, and only the CanonicalRequest names what differs"
                    .to_owned(),
            );
        }
    }
    let Some(key) = key_or_finish(keys, Scheme::V4, vendor, agree, &mut r) else {
        return r;
    };
    let Some(sig) = sig.map(|s| s.to_ascii_lowercase()) else {
        r.missing.push("the signature sent (Signature= of the Authorization header, X-Amz-Signature, or SignatureProvided)".to_owned());
        r.summary = undetermined_summary(&r);
        return r;
    };
    let (sts, is_server) = match (&server_sts, &rebuilt_sts) {
        (Some(s), _) => (s.clone(), true),
        (None, Some(s)) => (s.clone(), false),
        (None, None) => {
            if r.verdict == Verdict::Undetermined {
                r.summary = undetermined_summary(&r);
            }
            return r;
        }
    };
    if sign_v4(key.bytes(), &sts).as_deref() == Some(sig.as_str()) {
        r.checked.push(format!(
            "the signature sent against the key in {}",
            key.source
        ));
        if r.verdict == Verdict::RequestDiffers {
            r.summary
                .push_str(" The key signs the server's string to the signature sent.");
        } else if is_server {
            r.verdict = Verdict::KeyNotForAccessKey;
            r.summary = format!(
                "The key in {} signs what the server checked to the very signature that was \
                 sent: the client signed correctly with this key, so the service holds another \
                 secret key for this access key ID (an AK/SK pair mixed up, or a key deleted or \
                 rotated).",
                key.source
            );
        } else {
            r.summary = "The key signs the request as sent to the signature sent; without the \
                server's StringToSign, coserr cannot tell whether the server saw the same \
                request."
                .to_owned();
        }
        return r;
    }
    if r.verdict == Verdict::RequestDiffers {
        return r;
    }
    // A variant search needs the canonical request the signature covers.
    let Some(creq) = server_creq
        .clone()
        .or_else(|| rebuilt.clone().filter(|_| agree || server_sts.is_none()))
    else {
        r.missing.push(
            "the canonical request (the server's CanonicalRequest, or the request as sent), to \
             tell another key from another request"
                .to_owned(),
        );
        r.summary = "The key does not sign the server's StringToSign to the signature sent: \
            either the client signed another request, or with another key. The input lacks what \
            tells which."
            .to_owned();
        return r;
    };
    let head = {
        let mut it = sts.splitn(4, '\n');
        format!(
            "{}\n{}\n{}\n",
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default(),
            it.next().unwrap_or_default()
        )
    };
    let test = |c: &String| {
        sign_v4(key.bytes(), &format!("{head}{}", sha256_hex(c.as_bytes()))).as_deref()
            == Some(sig.as_str())
    };
    let changes = v4_changes(&creq);
    let mut tries = 0;
    let found = search::search(&creq, &changes, &test, &mut tries);
    r.checked.push(format!(
        "{tries} variants of the canonical request (one change, then pairs) against the signature sent"
    ));
    search::settle(
        &mut r,
        (&creq, &changes),
        (found, tries),
        |signed| Strings {
            left: ("server", creq.clone()),
            right: ("signed", signed.clone()),
        },
        |r| other_key(r, key),
    );
    r
}

/// Changes to a V4 canonical request's lines: each header's value as
/// libraries change it, the path's encoding, the payload hash.
fn v4_changes(creq: &str) -> Vec<Change<String>> {
    let lines: Vec<String> = creq.split('\n').map(str::to_owned).collect();
    let mut out: Vec<Change<String>> = Vec::new();
    let mut add =
        |part: &'static str, name: &str, i: usize, sent: &str, signed: String, whole: String| {
            if sent == signed {
                return;
            }
            let w = whole.clone();
            out.push(Change {
                diff: Difference {
                    part,
                    name: name.to_owned(),
                    sent: shown(name, sent),
                    other: shown(name, &signed),
                },
                apply: Box::new(move |c: &mut String| {
                    let mut ls: Vec<&str> = c.split('\n').collect();
                    if i < ls.len() {
                        ls[i] = &w;
                    }
                    *c = ls.join("\n");
                }),
            });
        };
    if let Some(path) = lines.get(1) {
        let dec = decode(path);
        let double = path.split('/').map(encode).collect::<Vec<_>>().join("/");
        for p in [
            dec.clone(),
            double,
            path.strip_suffix('/')
                .map_or_else(|| format!("{path}/"), str::to_owned),
        ] {
            add("path", "path", 1, path, p.clone(), p);
        }
    }
    let n = lines.len();
    for (i, line) in lines.iter().enumerate().take(n.saturating_sub(3)).skip(3) {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let mut values = Vec::new();
        match value.split_once(';') {
            Some((before, _)) => values.push(before.trim_end().to_owned()),
            None if name == "content-type" => {
                for cs in ["; charset=utf-8", "; charset=UTF-8", ";charset=utf-8"] {
                    values.push(format!("{value}{cs}"));
                }
            }
            None => {}
        }
        if name == "host" {
            match value.rsplit_once(':') {
                Some((h, p)) if p.bytes().all(|b| b.is_ascii_digit()) => values.push(h.to_owned()),
                _ => {
                    values.push(format!("{value}:443"));
                    values.push(format!("{value}:80"));
                }
            }
        }
        for v in values {
            add("header", name, i, value, v.clone(), format!("{name}:{v}"));
        }
    }
    if let Some(payload) = lines.last() {
        for p in [
            "UNSIGNED-PAYLOAD",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ] {
            add(
                "header",
                "x-amz-content-sha256",
                n - 1,
                payload,
                p.to_owned(),
                p.to_owned(),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v4_signing_matches_the_aws_documentation_example() {
        // The GET Object example of the AWS S3 "Signature Calculations for
        // the Authorization Header" page (its published key and result).
        let sts = "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972";
        assert_eq!(
            sign_v4(b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sts).as_deref(),
            Some("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        );
    }

    #[test]
    fn v2_signing_matches_the_aws_documentation_example() {
        // The S3 V2 "Object GET" example (RESTAuthentication).
        let sts = "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg";
        assert_eq!(
            sign_v2(b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sts),
            "bWq2s1WEIj+Ydj0vQ697zp+IXMU="
        );
    }

    #[test]
    fn v4_rebuild_matches_the_aws_documentation_example() {
        // The same example's request and its canonical request's hash.
        let req = Request {
            method: Some("GET".into()),
            path: "/test.txt".into(),
            headers: vec![
                ("Host".into(), "examplebucket.s3.amazonaws.com".into()),
                ("Range".into(), "bytes=0-9".into()),
                (
                    "x-amz-content-sha256".into(),
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".into(),
                ),
                ("x-amz-date".into(), "20130524T000000Z".into()),
            ],
            complete: true,
            ..Request::default()
        };
        let c = rebuild_v4(
            &req,
            Some("host;range;x-amz-content-sha256;x-amz-date"),
            false,
        )
        .unwrap();
        assert_eq!(
            sha256_hex(c.as_bytes()),
            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"
        );
    }

    #[test]
    fn v2_rebuild_matches_the_obs_documentation_example() {
        // OBS "Authentication of Signature in a Header" (obs_04_0010),
        // its first StringToSign example.
        let req = super::super::request::find(
            "GET /object.txt HTTP/1.1\nHost: bucket.obs.cn-north-4.myhuaweicloud.com\nDate: Sat, 12 Oct 2015 08:12:38 GMT\n\n",
        )
        .unwrap();
        let v = rebuild_v2(Scheme::ObsV2, &req, None).unwrap();
        assert_eq!(
            v.render(),
            "GET\n\n\nSat, 12 Oct 2015 08:12:38 GMT\n/bucket/object.txt"
        );
        // With x-obs-date the Date line is empty; x-obs-* headers sorted,
        // names lower-cased, and a sub-resource kept.
        let req = super::super::request::find(
            "PUT /object.txt?acl&foo=1 HTTP/1.1\nHost: bucket.obs.cn-north-4.myhuaweicloud.com\nX-Obs-Date: Sat, 12 Oct 2015 08:12:38 GMT\nx-obs-acl: private\nContent-Type: text/plain\n\n",
        )
        .unwrap();
        let v = rebuild_v2(Scheme::ObsV2, &req, None).unwrap();
        assert_eq!(
            v.render(),
            "PUT\n\ntext/plain\n\nx-obs-acl:private\nx-obs-date:Sat, 12 Oct 2015 08:12:38 GMT\n/bucket/object.txt?acl"
        );
    }

    #[test]
    fn the_bucket_comes_from_a_virtual_host_only() {
        assert_eq!(
            bucket_prefix("b.obs.cn-north-4.myhuaweicloud.com").unwrap(),
            "/b"
        );
        assert_eq!(
            bucket_prefix("obs.cn-north-4.myhuaweicloud.com").unwrap(),
            ""
        );
        assert_eq!(bucket_prefix("10.0.0.1:9000").unwrap(), "");
        assert!(bucket_prefix("files.example.com").is_err());
    }

    #[test]
    fn a_v4_string_with_spaces_for_line_ends_is_read() {
        let s = "AWS4-HMAC-SHA256 20240507T150221Z 20240507/obs/s3/aws4_request d2ff14daa49d16754bb5ee0ac0d342c99a82a2a8115c9701bf506997411d4ad2";
        assert_eq!(v4_string(s).unwrap().lines().count(), 4);
        assert_eq!(v4_string("AWS4-HMAC-SHA256 20240507T150221Z"), None);
        assert_eq!(amz_date("20240507T150221Z"), Some(1_715_094_141));
    }
}
