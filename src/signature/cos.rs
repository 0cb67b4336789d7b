//! COS's XML API signature, `q-sign-algorithm=sha1` (the public document
//! "Request Signature", product 436 page 7778; checked against
//! cos-go-sdk-v5 `auth.go` and cos-python-sdk-v5 `cos_auth.py`):
//!
//! - `KeyTime` = `q-key-time`; `SignKey` = hex(HMAC-SHA1(SecretKey,
//!   KeyTime));
//! - `HttpString` = `method\npath\nHttpParameters\nHttpHeaders\n`: the
//!   method in lower case, the path decoded, then `key=value` pairs joined
//!   by `&` with keys lower-cased and both sides percent-encoded (all but
//!   RFC 3986's unreserved characters), sorted; only the names in
//!   `q-url-param-list` and `q-header-list` are signed;
//! - `StringToSign` = `sha1\nKeyTime\nSHA1(HttpString)\n`;
//! - `Signature` = hex(HMAC-SHA1(SignKey, StringToSign)).
//!
//! The server's `FormatString` is its `HttpString`.

use super::request::{Request, decode};
use super::search::{self, Change};
use super::{
    Auth, Difference, Keys, Material, PASTE_REQUEST, Report, Scheme, Strings, Verdict, encode, hex,
    hmac_sha1, sha1_hex, shown,
};

/// The `q-*` parameters of a COS Authorization (header or query).
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Params {
    pub algorithm: String,
    pub ak: String,
    pub sign_time: String,
    pub key_time: String,
    pub header_list: Vec<String>,
    pub param_list: Vec<String>,
    pub signature: String,
}

impl Params {
    /// Parses `q-sign-algorithm=sha1&q-ak=...&...&q-signature=...`.
    pub fn parse(s: &str) -> Option<Params> {
        let mut p = Params::default();
        for pair in s.split('&') {
            let Some((k, v)) = pair.trim().split_once('=') else {
                continue;
            };
            let v = v.trim().to_owned();
            let list = |v: &str| -> Vec<String> {
                v.split(';')
                    .filter(|n| !n.is_empty())
                    .map(|n| n.to_ascii_lowercase())
                    .collect()
            };
            match k.trim() {
                "q-sign-algorithm" => p.algorithm = v,
                "q-ak" => p.ak = v,
                "q-sign-time" => p.sign_time = v,
                "q-key-time" => p.key_time = v,
                "q-header-list" => p.header_list = list(&v),
                "q-url-param-list" => p.param_list = list(&v),
                "q-signature" => p.signature = v,
                _ => {}
            }
        }
        (!p.algorithm.is_empty()).then_some(p)
    }

    /// `q-sign-time` as Unix seconds.
    pub fn sign_window(&self) -> Option<(i64, i64)> {
        window(&self.sign_time)
    }
}

fn window(s: &str) -> Option<(i64, i64)> {
    let (a, b) = s.trim().split_once(';')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// An `HttpString` in its parts; pairs hold the encoded forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpString {
    pub method: String,
    pub path: String,
    pub params: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
}

impl HttpString {
    pub fn render(&self) -> String {
        let join = |pairs: &[(String, String)]| {
            let mut sorted: Vec<&(String, String)> = pairs.iter().collect();
            sorted.sort();
            sorted
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        };
        format!(
            "{}\n{}\n{}\n{}\n",
            self.method,
            self.path,
            join(&self.params),
            join(&self.headers)
        )
    }

    /// Parses a server's `FormatString`. Decode trims a field's ends, so
    /// the lines it lost at the end are put back: whether that gives the
    /// server's string is for the caller to check against `StringToSign`.
    pub fn parse(s: &str) -> Option<HttpString> {
        let s = s.strip_suffix('\n').unwrap_or(s);
        let lines: Vec<&str> = s.split('\n').collect();
        if lines.len() > 4 || lines.len() < 2 {
            return None;
        }
        let line = |i: usize| lines.get(i).copied().unwrap_or_default();
        let pairs = |l: &str| -> Vec<(String, String)> {
            l.split('&')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').unwrap_or((p, ""));
                    (k.to_owned(), v.to_owned())
                })
                .collect()
        };
        Some(HttpString {
            method: line(0).to_owned(),
            path: line(1).to_owned(),
            params: pairs(line(2)),
            headers: pairs(line(3)),
        })
    }
}

/// Signs `http` as the COS documents say.
pub fn sign(key: &[u8], key_time: &str, http: &str) -> String {
    let sign_key = hex(&hmac_sha1(key, key_time.as_bytes()));
    hex(&hmac_sha1(
        sign_key.as_bytes(),
        string_to_sign(key_time, http).as_bytes(),
    ))
}

pub fn string_to_sign(key_time: &str, http: &str) -> String {
    format!("sha1\n{key_time}\n{}\n", sha1_hex(http.as_bytes()))
}

/// Rebuilds the `HttpString` of the request as sent, over the names the
/// Authorization lists. `Err`: what the input lacks to do so.
pub fn rebuild(req: &Request, p: &Params) -> Result<HttpString, Vec<String>> {
    let mut missing = Vec::new();
    let method = match &req.method {
        Some(m) => m.to_ascii_lowercase(),
        None => {
            missing.push("the request's method (the URL is printed without it)".to_owned());
            String::new()
        }
    };
    let mut params = Vec::new();
    for name in &p.param_list {
        let mut any = false;
        for (k, v) in &req.query {
            if encode(&decode(k)).to_ascii_lowercase() == *name {
                params.push((
                    name.clone(),
                    encode(&v.as_deref().map(decode).unwrap_or_default()),
                ));
                any = true;
            }
        }
        if !any {
            params.push((name.clone(), NOT_SENT.to_owned()));
        }
    }
    let mut headers = Vec::new();
    for name in &p.header_list {
        let mut any = false;
        for (k, v) in &req.headers {
            if encode(k).to_ascii_lowercase() == *name {
                headers.push((name.clone(), encode(v)));
                any = true;
            }
        }
        if !any {
            if req.complete {
                headers.push((name.clone(), NOT_SENT.to_owned()));
            } else {
                missing.push(format!(
                    "the {name} header: the trace ends before the request's headers do"
                ));
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok(HttpString {
        method,
        path: decode(&req.path),
        params,
        headers,
    })
}

/// Stands for a listed name the request did not carry.
const NOT_SENT: &str = "\u{0}(not sent)";

fn readable(v: &str) -> String {
    if v == NOT_SENT {
        "(not sent)".to_owned()
    } else {
        decode(v)
    }
}

/// The first difference between `a` (sent) and `b` (the server's, or
/// what was signed): method, path, parameters, headers, each by name.
pub fn first_difference(a: &HttpString, b: &HttpString) -> Option<Difference> {
    let d = |part: &'static str, name: &str, x: &str, y: &str| Difference {
        part,
        name: name.to_owned(),
        sent: shown(name, x),
        other: shown(name, y),
    };
    if a.method != b.method {
        return Some(d("method", "method", &a.method, &b.method));
    }
    // A `+` the server reads as a space is not a change on the way (the
    // PicGo case in the corpus: `zh+en` sent, `zh en` in FormatString):
    // the variant search tells what was signed.
    let plus = |s: &str| s.replace('+', " ");
    if plus(&a.path) != plus(&b.path) {
        return Some(d("path", "path", &a.path, &b.path));
    }
    for (part, x, y) in [
        ("param", &a.params, &b.params),
        ("header", &a.headers, &b.headers),
    ] {
        let mut names: Vec<&str> = x.iter().chain(y).map(|(k, _)| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            let vals = |l: &[(String, String)]| -> Vec<String> {
                let mut v: Vec<String> = l
                    .iter()
                    .filter(|(k, _)| k == name)
                    .map(|(_, v)| readable(v))
                    .collect();
                v.sort();
                v
            };
            let (vx, vy) = (vals(x), vals(y));
            let same = |p: &[String], q: &[String]| {
                p.len() == q.len() && p.iter().zip(q).all(|(m, n)| plus(m) == plus(n))
            };
            if !same(&vx, &vy) {
                let show = |v: &[String]| {
                    if v.is_empty() {
                        "(not signed)".to_owned()
                    } else {
                        v.join(", ")
                    }
                };
                return Some(d(part, &decode(name), &show(&vx), &show(&vy)));
            }
        }
    }
    None
}

/// The server's strings, checked against each other.
struct Server {
    http: Option<HttpString>,
    /// `StringToSign`'s key time and hash.
    key_time: Option<String>,
    hash: Option<String>,
}

fn server(m: &Material, r: &mut Report) -> Server {
    let mut s = Server {
        http: None,
        key_time: None,
        hash: None,
    };
    if let Some(sts) = m.string_to_sign.as_deref() {
        let lines: Vec<&str> = sts.trim().lines().map(str::trim).collect();
        if lines.len() == 3 && lines[0] == "sha1" && lines[2].len() == 40 {
            s.key_time = Some(lines[1].to_owned());
            s.hash = Some(lines[2].to_ascii_lowercase());
        } else {
            r.missing.push(
                "the server's whole StringToSign (three lines: sha1, the key time, a SHA-1): \
                 the one in the input is cut or altered"
                    .to_owned(),
            );
        }
    }
    if let Some(fs) = m.format_string.as_deref() {
        match (HttpString::parse(fs), s.hash.as_deref()) {
            (Some(h), Some(hash)) if sha1_hex(h.render().as_bytes()) == hash => {
                r.checked
                    .push("the server's FormatString hashes to its StringToSign".to_owned());
                s.http = Some(h);
            }
            (Some(_), Some(_)) => r.missing.push(
                "the server's whole FormatString: the one in the input does not hash to its \
                 StringToSign (cut or altered on the way: paste the error body itself)"
                    .to_owned(),
            ),
            (Some(h), None) if !m.cut.contains(&"FormatString") && fs.lines().count() >= 3 => {
                s.http = Some(h);
            }
            _ => r
                .missing
                .push("the server's whole FormatString (the one in the input is cut)".to_owned()),
        }
    }
    s
}

pub fn check(m: &Material, auth: Option<&Auth>, keys: &Keys) -> Report {
    let mut r = Report::new(Some(Scheme::Cos));
    let srv = server(m, &mut r);
    let params = match auth {
        Some(Auth::Cos(p)) => Some(p),
        _ => None,
    };
    if let Some(p) = params
        && !p.algorithm.eq_ignore_ascii_case("sha1")
    {
        r.missing.push(format!(
            "a check of q-sign-algorithm={}: COS documents sha1 only",
            p.algorithm
        ));
        r.summary = "The request names a signing algorithm COS does not document.".to_owned();
        return r;
    }
    let req = m.request.as_ref();
    let rebuilt = match (req, params) {
        (Some(req), Some(p)) => match rebuild(req, p) {
            Ok(h) => {
                r.checked.push(
                    "the request as sent (method, path, signed parameters and headers)".to_owned(),
                );
                Some(h)
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
    // Step 1, with no key: the request as sent against the server's.
    let mut agree = false;
    let mut unexplained = false;
    if let (Some(sent), Some(theirs)) = (&rebuilt, &srv.http) {
        r.strings = Some(side_by_side(("sent", sent), ("server", theirs)));
        match first_difference(sent, theirs) {
            Some(d) => {
                r.verdict = Verdict::RequestDiffers;
                r.summary = differs_summary(&d);
                r.first_difference = Some(d);
            }
            None => {
                r.checked
                    .push("the request as sent against the server's FormatString".to_owned());
                agree = true;
            }
        }
    } else if let (Some(sent), Some(hash)) = (&rebuilt, &srv.hash) {
        if sha1_hex(sent.render().as_bytes()) == *hash {
            r.checked.push(
                "the request as sent against the hash in the server's StringToSign".to_owned(),
            );
            agree = true;
        } else {
            // Another request, or the same one read otherwise (an encoding
            // coserr cannot see without the FormatString): no verdict on it.
            unexplained = true;
            r.missing.push(
                "the server's FormatString: the request as sent does not hash to its \
                 StringToSign, and only the FormatString names what differs"
                    .to_owned(),
            );
        }
    }
    if let (Some(p), Some(kt)) = (params, &srv.key_time)
        && r.verdict == Verdict::Undetermined
    {
        if p.key_time.trim() != kt {
            let d = Difference {
                part: "key_time",
                name: "q-key-time".to_owned(),
                sent: p.key_time.clone(),
                other: kt.clone(),
            };
            r.verdict = Verdict::RequestDiffers;
            r.summary = differs_summary(&d);
            r.first_difference = Some(d);
            agree = false;
        } else {
            r.checked
                .push("q-key-time against the server's StringToSign".to_owned());
        }
    }
    // Step 2, with the key.
    let Some(key) = key_or_finish(keys, Scheme::Cos, None, agree, &mut r) else {
        return r;
    };
    let Some(sent_sig) = params.map(|p| p.signature.trim().to_ascii_lowercase()) else {
        r.missing
            .push("the signature sent (q-signature)".to_owned());
        r.summary = undetermined_summary(&r);
        return r;
    };
    // What the server checked, when known; else the request as sent.
    let (base, base_is_server) = match (&srv.http, &rebuilt) {
        (Some(h), _) => (h.clone(), true),
        (None, Some(h)) if agree => (h.clone(), true),
        (None, Some(h)) => (h.clone(), false),
        (None, None) => {
            if r.verdict == Verdict::Undetermined {
                r.summary = undetermined_summary(&r);
            }
            return r;
        }
    };
    let key_time = srv
        .key_time
        .clone()
        .or_else(|| params.map(|p| p.key_time.trim().to_owned()))
        .unwrap_or_default();
    let matches = |h: &HttpString, kt: &str| sign(key.bytes(), kt, &h.render()) == sent_sig;
    if r.verdict == Verdict::RequestDiffers {
        // Which side the key signs to the signature sent tells who changed
        // what.
        let sent_kt = params
            .map(|p| p.key_time.trim().to_owned())
            .unwrap_or_default();
        if rebuilt.as_ref().is_some_and(|h| matches(h, &sent_kt)) {
            r.checked.push(format!(
                "the signature sent against the key in {}",
                key.source
            ));
            r.summary.push_str(
                " The key signs the request as the input shows it to the signature sent: the \
                 client signed what it sent, and the request changed after it left.",
            );
        } else if matches(&base, &key_time) {
            r.checked.push(format!(
                "the signature sent against the key in {}",
                key.source
            ));
            r.summary.push_str(
                " Yet the key signs the server's string to the signature sent: the request in \
                 the input is not the one the server got (the paste mixes two), and the service \
                 holds another key for this SecretId.",
            );
        } else {
            r.summary.push_str(
                " The key signs neither the request as shown nor the server's string to the \
                 signature sent.",
            );
        }
        return r;
    }
    if matches(&base, &key_time) {
        r.checked.push(format!(
            "the signature sent against the key in {}",
            key.source
        ));
        if base_is_server {
            r.verdict = Verdict::KeyNotForAccessKey;
            r.summary = format!(
                "The key in {} signs what the server checked to the very signature that was \
                 sent: the client signed correctly with this key, so the service holds another \
                 key for SecretId {}. The SecretId and SecretKey do not belong together (a key \
                 pair mixed up, or a key deleted or rotated).",
                key.source,
                params.map_or("?", |p| p.ak.as_str())
            );
        } else {
            r.summary = "The key signs the request as sent to the signature sent. Without the \
                server's FormatString or StringToSign, coserr cannot tell whether the server \
                saw the same request."
                .to_owned();
            r.missing.push(
                "the server's StringToSign and FormatString (the whole error body)".to_owned(),
            );
        }
        return r;
    }
    // The variant search.
    let changes = changes(&base, params, &key_time);
    let mut tries = 0;
    let test = |v: &(HttpString, String)| matches(&v.0, &v.1);
    let found = search::search(
        &(base.clone(), key_time.clone()),
        &changes,
        &test,
        &mut tries,
    );
    r.checked.push(format!(
        "{tries} variants of the request (one change, then pairs) against the signature sent"
    ));
    search::settle(
        &mut r,
        (&(base.clone(), key_time.clone()), &changes),
        (found, tries),
        |signed| side_by_side(("server", &base), ("signed", &signed.0)),
        |r| {
            if unexplained {
                r.summary = "The key does not sign the request as sent, nor a variant of it, to \
                    the signature sent; and the server hashed another request than the one \
                    shown. Without its FormatString, coserr cannot tell another key from \
                    another request."
                    .to_owned();
            } else {
                r.verdict = Verdict::DifferentKey;
                r.summary = format!(
                    "The key in {} does not sign this request, nor any variant of it tried, to \
                     the signature that was sent: the client signed with another key. Check \
                     which SecretKey the client uses (an old one in a config file or \
                     environment variable, or a temporary key whose token was not sent).",
                    key.source
                );
            }
        },
    );
    r
}

/// Two `HttpString`s for display, one line per parameter and header,
/// lined up by name (`(none)` where one side lacks it); tokens hidden.
fn side_by_side(left: (&'static str, &HttpString), right: (&'static str, &HttpString)) -> Strings {
    let (a, b) = (left.1, right.1);
    let mut la = vec![a.method.clone(), a.path.clone()];
    let mut lb = vec![b.method.clone(), b.path.clone()];
    for (mark, x, y) in [("?", &a.params, &b.params), ("", &a.headers, &b.headers)] {
        let mut names: Vec<&str> = x.iter().chain(y.iter()).map(|(k, _)| k.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            let vals = |l: &[(String, String)]| -> Vec<String> {
                let mut v: Vec<String> = l
                    .iter()
                    .filter(|(k, _)| k == name)
                    .map(|(k, v)| {
                        let v = if v == NOT_SENT {
                            "(not sent)".to_owned()
                        } else {
                            shown(&decode(k), v)
                        };
                        format!("{mark}{k}={v}")
                    })
                    .collect();
                v.sort();
                v
            };
            let (mut va, mut vb) = (vals(x), vals(y));
            let n = va.len().max(vb.len());
            va.resize(n, format!("{mark}{name} (none)"));
            vb.resize(n, format!("{mark}{name} (none)"));
            la.extend(va);
            lb.extend(vb);
        }
    }
    Strings {
        left: (left.0, la.join("\n")),
        right: (right.0, lb.join("\n")),
    }
}

fn differs_summary(d: &Difference) -> String {
    let what = match d.part {
        "method" => "the method".to_owned(),
        "path" => "the path".to_owned(),
        "key_time" => "the key time".to_owned(),
        "param" => format!("the {} parameter", d.name),
        _ => format!("the {} header", d.name),
    };
    format!(
        "The server checked another request than the one in the input: {what} was \"{}\" as \
         sent, and \"{}\" at the server. Something between them changed it (a proxy or CDN \
         rewriting Host or the path, a gateway adding a header), or the paste mixes two \
         requests.",
        d.sent, d.other
    )
}

pub(crate) fn signed_other_summary(first: &Difference, second: Option<&Difference>) -> String {
    // A `+` signed where the server reads a space: nothing changed the
    // request, the two sides read one character differently.
    let plus_only = |d: &Difference| {
        d.part == "path" && d.other.contains('+') && d.other.replace('+', " ") == d.sent
    };
    if second.is_none() && plus_only(first) {
        return format!(
            "The client signed the path as \"{}\", with a '+' the server reads as a space \
             (\"{}\"): an unencoded '+' in an object key means a space to the server. Encode \
             '+' as %2B in the path, both when signing and when sending.",
            first.other, first.sent
        );
    }
    let one = |d: &Difference| {
        let what = match d.part {
            "method" | "path" | "key_time" | "resource" | "date" => format!("the {}", d.name),
            "param" => format!("the {} parameter", d.name),
            _ => format!("the {} header", d.name),
        };
        format!(
            "{what} was signed as \"{}\" but sent as \"{}\"",
            d.other, d.sent
        )
    };
    let mut s = format!(
        "The client signed another request than it sent: {}",
        one(first)
    );
    if let Some(d) = second {
        s.push_str(", and ");
        s.push_str(&one(d));
    }
    s.push_str(
        ". The HTTP library changed the request after it was signed (a charset appended to \
         Content-Type, the path re-encoded, a port added to Host): sign what is sent, or set \
         the value explicitly so that the library leaves it.",
    );
    s
}

/// The key for `scheme`, or `None` with the report finished without it:
/// what is missing said, and `strings_agree` when the key-free check found
/// the request as sent to be what the server checked.
pub(crate) fn key_or_finish<'k>(
    keys: &'k Keys,
    scheme: Scheme,
    vendor: Option<crate::decode::Vendor>,
    agree: bool,
    r: &mut Report,
) -> Option<&'k super::Key> {
    let key = match keys.for_scheme(scheme, vendor) {
        Ok(k) => k,
        Err(why) => {
            r.missing.push(why);
            if agree && r.verdict == Verdict::Undetermined {
                r.verdict = Verdict::StringsAgree;
                r.summary = "The request as sent is what the server says it checked: nothing \
                    changed it on the way. With the secret key, coserr can tell whether the key \
                    or what the client signed is wrong."
                    .to_owned();
            } else if r.verdict == Verdict::Undetermined {
                r.summary = undetermined_summary(r);
            }
            return None;
        }
    };
    r.key_source = Some(key.source.clone());
    if let Some(why) = key.problem() {
        r.missing.push(why);
        if r.verdict == Verdict::Undetermined {
            r.summary = undetermined_summary(r);
        }
        return None;
    }
    Some(key)
}

pub(crate) fn undetermined_summary(r: &Report) -> String {
    if r.missing.is_empty() {
        "The signature could not be checked.".to_owned()
    } else {
        "The signature could not be checked: the input lacks what is listed under Missing."
            .to_owned()
    }
}

fn pairs_of<'a>(t: &'a mut (HttpString, String), part: &str) -> &'a mut Vec<(String, String)> {
    if part == "param" {
        &mut t.0.params
    } else {
        &mut t.0.headers
    }
}

/// The plausible changes between what a client signed and what it sent.
fn changes(
    base: &HttpString,
    params: Option<&Params>,
    key_time: &str,
) -> Vec<Change<(HttpString, String)>> {
    type T = (HttpString, String);
    let mut out: Vec<Change<T>> = Vec::new();
    let mut add = |part: &'static str,
                   name: &str,
                   sent: String,
                   signed: String,
                   apply: Box<dyn Fn(&mut T)>| {
        out.extend(Change::of(part, name, &sent, &signed, apply));
    };
    // The method's case.
    let up = base.method.to_ascii_uppercase();
    add(
        "method",
        "method",
        base.method.clone(),
        up.clone(),
        Box::new(move |t: &mut T| t.0.method = up.clone()),
    );
    // The path: encoded, decoded, without or with its leading and
    // trailing slash, `+` for a space and back.
    let p = base.path.clone();
    let encoded: String = p.split('/').map(encode).collect::<Vec<_>>().join("/");
    let mut paths = vec![
        encoded,
        decode(&p),
        p.replace(' ', "+"),
        p.replace('+', " "),
    ];
    paths.push(
        p.strip_prefix('/')
            .map_or_else(|| format!("/{p}"), str::to_owned),
    );
    paths.push(
        p.strip_suffix('/')
            .map_or_else(|| format!("{p}/"), str::to_owned),
    );
    paths.sort();
    paths.dedup();
    for v in paths {
        let w = v.clone();
        add(
            "path",
            "path",
            p.clone(),
            v,
            Box::new(move |t: &mut T| t.0.path = w.clone()),
        );
    }
    // Each parameter and header: dropped, or with its value changed as
    // libraries change them.
    for (part, pairs) in [("param", &base.params), ("header", &base.headers)] {
        for (k, v) in pairs {
            // Changes find their pair by name and value: a pair of changes
            // may have dropped another pair before.
            let at = {
                let (k, v) = (k.clone(), v.clone());
                move |t: &mut T| pairs_of(t, part).iter().position(|p| p.0 == k && p.1 == v)
            };
            let name = decode(k);
            let value = decode(v);
            add(
                part,
                &name,
                value.clone(),
                "(not signed)".to_owned(),
                Box::new({
                    let at = at.clone();
                    move |t: &mut T| {
                        if let Some(i) = at(t) {
                            pairs_of(t, part).remove(i);
                        }
                    }
                }),
            );
            let mut values: Vec<String> = Vec::new();
            if let Some((before, _)) = value.split_once(';') {
                values.push(before.trim_end().to_owned());
            } else if name == "content-type" {
                for cs in ["; charset=utf-8", "; charset=UTF-8", ";charset=utf-8"] {
                    values.push(format!("{value}{cs}"));
                }
            }
            if name == "host" {
                match value.rsplit_once(':') {
                    Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => {
                        values.push(h.to_owned())
                    }
                    _ => {
                        values.push(format!("{value}:443"));
                        values.push(format!("{value}:80"));
                    }
                }
            }
            // Encoded once more, or not at all.
            values.push(encode(&value));
            values.push(decode(&value));
            values.push(value.to_ascii_lowercase());
            for w in values {
                let enc = encode(&w);
                add(
                    part,
                    &name,
                    value.clone(),
                    w,
                    Box::new({
                        let at = at.clone();
                        move |t: &mut T| {
                            if let Some(i) = at(t) {
                                pairs_of(t, part)[i].1 = enc.clone();
                            }
                        }
                    }),
                );
            }
        }
    }
    // The key time: q-sign-time's, or a second or two off.
    let mut times: Vec<String> = Vec::new();
    if let Some(p) = params {
        times.push(p.sign_time.trim().to_owned());
    }
    if let Some((s, e)) = window(key_time) {
        for ds in -2i64..=2 {
            for de in -2i64..=2 {
                times.push(format!("{};{}", s + ds, e + de));
            }
        }
    }
    for t in times {
        let w = t.clone();
        add(
            "key_time",
            "q-key-time",
            key_time.to_owned(),
            t,
            Box::new(move |x: &mut T| x.1 = w.clone()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error body in the blog post "实现Dart版本对象存储(COS)插件"
    /// (GitHub TryImpossible/blog, src/flutter/): the Dart http package
    /// added `; charset=utf-8` to the Content-Type the plugin had signed.
    pub(crate) const BLOG_BODY: &str = "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>SignatureDoesNotMatch</Code>\n\t<Message>The Signature you specified is invalid.</Message>\n\t<StringToSign>sha1\n1666158568;1666218568\n488ab174d5f7a6ec0966aeeb82600e185114d7d1\n</StringToSign>\n\t<FormatString>put\n/\ncors=\ncontent-length=454&amp;content-md5=DfuiC7IOBwIeiVanWPG%2FKg%3D%3D&amp;content-type=application%2Fxml%3B%20charset%3Dutf-8&amp;date=Wed%2C%2019%20Oct%202022%2005%3A49%3A28%20GMT&amp;host=test-app-1251021022.cos.ap-guangzhou.myqcloud.com\n</FormatString>\n\t<Resource>/</Resource>\n\t<RequestId>NjM0ZjhmZThfNDgzNjQwMGJfMTMwZWFfNDhmODEyZg==</RequestId>\n\t<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0MjFmNzE4ZjVmM2M0ZTcxNjYwMmQ3N2QzYjA3NzYyNmM=</TraceId>\n</Error>\n";

    #[test]
    fn the_blog_format_string_hashes_to_its_string_to_sign() {
        let fs = super::super::request::xml_field(BLOG_BODY, "FormatString").unwrap();
        let h = HttpString::parse(&fs).unwrap();
        assert_eq!(h.render(), fs);
        assert_eq!(
            sha1_hex(fs.as_bytes()),
            "488ab174d5f7a6ec0966aeeb82600e185114d7d1"
        );
        assert_eq!(h.headers.len(), 5);
        assert_eq!(decode(&h.headers[2].1), "application/xml; charset=utf-8");
    }

    /// The worked examples of the COS document "Request Signature"
    /// (product 436, page 7778), with its sample key: the signed request
    /// rebuilt from the wire gives the document's StringToSign hash and
    /// signature.
    #[test]
    fn the_documents_worked_examples() {
        let key = b"BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
        let put = "PUT /exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91) HTTP/1.1\nDate: Thu, 16 May 2019 06:45:51 GMT\nHost: examplebucket-1250000000.cos.ap-beijing.myqcloud.com\nContent-Type: text/plain\nContent-Length: 13\nContent-MD5: mQ/fVh815F3k6TAUm8m0eg==\nx-cos-acl: private\nx-cos-grant-read: uin=\"100000000011\"\nAuthorization: q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1557989151;1557996351&q-key-time=1557989151;1557996351&q-header-list=content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read&q-url-param-list=&q-signature=3b8851a11a569213c17ba8fa7dcf2abec6935172\n\n";
        let get = "GET /exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91)?response-content-type=application%2Foctet-stream&response-cache-control=max-age%3D600 HTTP/1.1\nDate: Thu, 16 May 2019 06:55:53 GMT\nHost: examplebucket-1250000000.cos.ap-beijing.myqcloud.com\nAuthorization: q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1557989753;1557996953&q-key-time=1557989753;1557996953&q-header-list=date;host&q-url-param-list=response-cache-control;response-content-type&q-signature=01681b8c9d798a678e43b685a9f1bba0f6c0e012\n\n";
        for (text, sign_key, hash, signature) in [
            (
                put,
                "eb2519b498b02ac213cb1f3d1a3d27a3b3c9bc5f",
                "8b2751e77f43a0995d6e9eb9477f4b685cca4172",
                "3b8851a11a569213c17ba8fa7dcf2abec6935172",
            ),
            (
                get,
                "937914bf490e9e8c189836aad2052e4feeb35eaf",
                "54ecfe22f59d3514fdc764b87a32d8133ea611e6",
                "01681b8c9d798a678e43b685a9f1bba0f6c0e012",
            ),
        ] {
            let req = super::super::request::find(text).unwrap();
            let Some(Auth::Cos(p)) = Auth::of(&req) else {
                panic!("no COS Authorization")
            };
            let h = rebuild(&req, &p).unwrap().render();
            assert_eq!(hex(&hmac_sha1(key, p.key_time.as_bytes())), sign_key);
            assert_eq!(sha1_hex(h.as_bytes()), hash, "{h}");
            assert_eq!(sign(key, &p.key_time, &h), signature);
            assert_eq!(p.signature, signature);
        }
    }

    #[test]
    fn params_parse_and_lists_are_lower_case() {
        let p = Params::parse("q-sign-algorithm=sha1&q-ak=AKID&q-sign-time=1;2&q-key-time=1;2&q-header-list=Host;content-type&q-url-param-list=&q-signature=ab").unwrap();
        assert_eq!(p.header_list, ["host", "content-type"]);
        assert!(p.param_list.is_empty());
        assert_eq!(p.sign_window(), Some((1, 2)));
    }

    #[test]
    fn a_rebuild_signs_only_the_listed_names() {
        let req = Request {
            method: Some("PUT".into()),
            path: "/a%20b.txt".into(),
            query: vec![("acl".into(), None), ("x".into(), Some("1".into()))],
            headers: vec![
                ("Host".into(), "b.cos.ap-guangzhou.myqcloud.com".into()),
                ("User-Agent".into(), "curl".into()),
            ],
            complete: true,
            url_only: false,
        };
        let p =
            Params::parse("q-sign-algorithm=sha1&q-header-list=host&q-url-param-list=acl").unwrap();
        let h = rebuild(&req, &p).unwrap();
        assert_eq!(
            h.render(),
            "put\n/a b.txt\nacl=\nhost=b.cos.ap-guangzhou.myqcloud.com\n"
        );
    }
}
