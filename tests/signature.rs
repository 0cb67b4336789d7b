//! `decode`'s signature check, driven through the binary: requests signed
//! here with known keys, by the documented algorithms written out again in
//! this file (not coserr's code), then changed one part at a time.

use std::process::Command;

use hmac::{Hmac, Mac};
use serde_json::Value;
use sha1::{Digest, Sha1};
use sha2::Sha256;

const KEY: &str = "testSecretKey0123456789abcdefABCD";
const OTHER_KEY: &str = "otherSecretKey9876543210zyxwvuTS";
/// Every variable `main` or the check reads: cleared for each run.
const KEY_VARS: [&str; 6] = [
    "COS_SECRETKEY",
    "COS_SECRET_KEY",
    "TENCENTCLOUD_SECRET_KEY",
    "OBS_SECRET_ACCESS_KEY",
    "HUAWEI_CLOUD_SECRET_ACCESS_KEY",
    "MY_KEY",
];

fn run(args: &[&str], env: &[(&str, &str)], stdin: &str) -> (String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_coserr"));
    cmd.arg("decode").args(args);
    for v in KEY_VARS
        .iter()
        .chain(&["NO_COLOR", "COLUMNS", "PAGER", "CLICOLOR_FORCE"])
    {
        cmd.env_remove(v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = assert_cmd::Command::from_std(cmd)
        .write_stdin(stdin.to_owned())
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The `signature` object of the first error.
fn signature(env: &[(&str, &str)], stdin: &str) -> Value {
    let (out, err) = run(&["--json"], env, stdin);
    let first: Value =
        serde_json::from_str(out.lines().next().unwrap_or_else(|| panic!("{err}"))).unwrap();
    first["signature"].clone()
}

fn with_key(key: &str) -> Vec<(&'static str, String)> {
    vec![("COS_SECRETKEY", key.to_owned())]
}

fn env<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'a str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

// The documented algorithms, written out for the tests.

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn hmac_sha1(key: &[u8], msg: &str) -> Vec<u8> {
    let mut m = Hmac::<Sha1>::new_from_slice(key).unwrap();
    m.update(msg.as_bytes());
    m.finalize().into_bytes().to_vec()
}

fn hmac_sha256(key: &[u8], msg: &str) -> Vec<u8> {
    let mut m = Hmac::<Sha256>::new_from_slice(key).unwrap();
    m.update(msg.as_bytes());
    m.finalize().into_bytes().to_vec()
}

/// RFC 3986: all but the unreserved characters, upper-case hex.
fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A COS request: what goes into an HttpString.
#[derive(Clone)]
struct Cos {
    method: String,
    /// Decoded.
    path: String,
    /// Decoded names and values.
    params: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    key_time: String,
}

impl Cos {
    fn put() -> Cos {
        Cos {
            method: "put".into(),
            path: "/photos/a b.txt".into(),
            params: vec![("versionId".into(), "MTg0NDUxNTc1NjIzMTQ1MDAwODg/".into())],
            headers: vec![
                ("content-length".into(), "11".into()),
                ("content-type".into(), "text/plain".into()),
                ("date".into(), "Thu, 12 Jan 2024 16:36:51 GMT".into()),
                (
                    "host".into(),
                    "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com".into(),
                ),
            ],
            key_time: "1705077400;1705081000".into(),
        }
    }

    fn http_string(&self) -> String {
        let pairs = |l: &[(String, String)]| {
            let mut v: Vec<(String, String)> = l
                .iter()
                .map(|(k, v)| (enc(k).to_lowercase(), enc(v)))
                .collect();
            v.sort();
            v.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        };
        format!(
            "{}\n{}\n{}\n{}\n",
            self.method,
            self.path,
            pairs(&self.params),
            pairs(&self.headers)
        )
    }

    fn signature(&self, key: &str) -> String {
        let sign_key = hex(&hmac_sha1(key.as_bytes(), &self.key_time));
        let sts = self.string_to_sign();
        hex(&hmac_sha1(sign_key.as_bytes(), &sts))
    }

    fn string_to_sign(&self) -> String {
        format!(
            "sha1\n{}\n{}\n",
            self.key_time,
            hex(&Sha1::digest(self.http_string().as_bytes()))
        )
    }

    fn authorization(&self, key: &str) -> String {
        let names = |l: &[(String, String)]| {
            let mut n: Vec<String> = l.iter().map(|(k, _)| enc(k).to_lowercase()).collect();
            n.sort();
            n.join(";")
        };
        format!(
            "q-sign-algorithm=sha1&q-ak=AKIDexampleSecretId&q-sign-time={kt}&q-key-time={kt}&q-header-list={}&q-url-param-list={}&q-signature={}",
            names(&self.headers),
            names(&self.params),
            self.signature(key),
            kt = self.key_time
        )
    }

    fn header(&self, name: &str) -> &str {
        &self.headers.iter().find(|(k, _)| k == name).unwrap().1
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;")
}

/// A `curl -v` trace: `sent` on the wire, signed over `signed` with
/// `key`; the server's body computed over `server` (what it received).
fn cos_trace(sent: &Cos, signed: &Cos, server: &Cos, key: &str, server_date: &str) -> String {
    let path: String = sent.path.split('/').map(enc).collect::<Vec<_>>().join("/");
    let query: Vec<String> = sent
        .params
        .iter()
        .map(|(k, v)| format!("{k}={}", enc(v)))
        .collect();
    let mut t = String::from("*   Trying 1.2.3.4:443...\n* Connected\n");
    t.push_str(&format!(
        "> {} {path}?{} HTTP/1.1\n",
        sent.method.to_uppercase(),
        query.join("&")
    ));
    let title = |k: &str| -> String {
        k.split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join("-")
    };
    for (k, v) in &sent.headers {
        t.push_str(&format!("> {}: {v}\n", title(k)));
    }
    t.push_str(&format!(
        "> Authorization: {}\n>\n",
        signed.authorization(key)
    ));
    t.push_str(&format!(
        "< HTTP/1.1 403 Forbidden\n< Content-Type: application/xml\n< Date: {server_date}\n< Server: tencent-cos\n< x-cos-request-id: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx\n<\n"
    ));
    t.push_str(&format!(
        "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>SignatureDoesNotMatch</Code>\n\t<Message>The Signature you specified is invalid.</Message>\n\t<StringToSign>{}</StringToSign>\n\t<FormatString>{}</FormatString>\n\t<Resource>{}</Resource>\n\t<RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId>\n</Error>\n",
        server.string_to_sign(),
        xml_escape(&server.http_string()),
        sent.path
    ));
    t
}

const IN_WINDOW: &str = "Fri, 12 Jan 2024 16:36:52 GMT";

fn expect(sig: &Value, verdict: &str, part: Option<&str>, name: Option<&str>) {
    assert_eq!(sig["verdict"], verdict, "{sig:#}");
    match part {
        Some(p) => {
            assert_eq!(sig["first_difference"]["part"], p, "{sig:#}");
            assert_eq!(sig["first_difference"]["name"], name.unwrap(), "{sig:#}");
        }
        None => assert!(sig["first_difference"].is_null(), "{sig:#}"),
    }
}

#[test]
fn cos_right_signature_with_a_key_the_service_lacks() {
    let r = Cos::put();
    let trace = cos_trace(&r, &r, &r, KEY, IN_WINDOW);
    let sig = signature(&env(&with_key(KEY)), &trace);
    expect(&sig, "key_not_for_access_key", None, None);
    assert_eq!(sig["key_source"], "COS_SECRETKEY");
    // Without a key: the strings agree, and the key is what is missing.
    let sig = signature(&[], &trace);
    expect(&sig, "strings_agree", None, None);
    assert!(
        sig["missing"][0]
            .as_str()
            .unwrap()
            .contains("COS_SECRETKEY"),
        "{sig:#}"
    );
    assert!(sig["key_source"].is_null());
}

#[test]
fn cos_signed_with_another_key() {
    let r = Cos::put();
    let trace = cos_trace(&r, &r, &r, OTHER_KEY, IN_WINDOW);
    expect(
        &signature(&env(&with_key(KEY)), &trace),
        "different_key",
        None,
        None,
    );
}

/// One part changed between signing and sending: the check names it,
/// with what was sent and what was signed.
#[test]
fn cos_each_part_changed_after_signing_is_named() {
    type Edit = fn(&mut Cos);
    // (part, name, the edit, whether it is made to the request as sent
    // (a library's change after signing) or to what was signed).
    let cases: [(&str, &str, Edit, bool); 6] = [
        (
            "header",
            "content-type",
            |c| c.headers[1].1.push_str("; charset=utf-8"),
            true,
        ),
        ("header", "host", |c| c.headers[3].1.push_str(":443"), true),
        (
            "header",
            "date",
            |c| c.headers[2].1 = c.headers[2].1.to_lowercase(),
            false,
        ),
        ("method", "method", |c| c.method = "PUT".into(), false),
        ("path", "path", |c| c.path = "/photos/a+b.txt".into(), false),
        (
            "param",
            "versionid",
            |c| c.params[0].1 = enc(&c.params[0].1),
            false,
        ),
    ];
    for (part, name, edit, on_sent) in cases {
        let mut sent = Cos::put();
        let mut signed = Cos::put();
        if on_sent {
            edit(&mut sent);
        } else {
            edit(&mut signed);
        }
        let trace = cos_trace(&sent, &signed, &sent, KEY, IN_WINDOW);
        let sig = signature(&env(&with_key(KEY)), &trace);
        expect(&sig, "signed_other_request", Some(part), Some(name));
        assert_ne!(
            sig["first_difference"]["sent"],
            sig["first_difference"]["signed"]
        );
    }
    // A change no library makes: no variant explains it, so the verdict
    // is that the key does not sign this request.
    let sent = Cos::put();
    let mut signed = Cos::put();
    signed.headers[0].1 = "12".into();
    let trace = cos_trace(&sent, &signed, &sent, KEY, IN_WINDOW);
    expect(
        &signature(&env(&with_key(KEY)), &trace),
        "different_key",
        None,
        None,
    );
}

#[test]
fn cos_content_type_charset_names_both_values() {
    let mut sent = Cos::put();
    sent.headers[1].1 = "text/plain; charset=utf-8".into();
    let trace = cos_trace(&sent, &Cos::put(), &sent, KEY, IN_WINDOW);
    let sig = signature(&env(&with_key(KEY)), &trace);
    assert_eq!(sig["first_difference"]["sent"], "text/plain; charset=utf-8");
    assert_eq!(sig["first_difference"]["signed"], "text/plain");
}

#[test]
fn cos_key_time_off_by_a_second_is_found() {
    // The SDK signed with one key time and wrote another (a second
    // later) into the Authorization, which the server uses.
    let sent = Cos::put();
    let mut signed = sent.clone();
    signed.key_time = "1705077401;1705081000".into();
    let trace = cos_trace(&sent, &signed, &sent, KEY, IN_WINDOW)
        .replace("q-sign-time=1705077401", "q-sign-time=1705077400")
        .replace("q-key-time=1705077401", "q-key-time=1705077400");
    let sig = signature(&env(&with_key(KEY)), &trace);
    expect(
        &sig,
        "signed_other_request",
        Some("key_time"),
        Some("q-key-time"),
    );
    assert_eq!(sig["first_difference"]["sent"], "1705077400;1705081000");
    assert_eq!(sig["first_difference"]["signed"], "1705077401;1705081000");
}

#[test]
fn cos_a_proxy_that_rewrote_host_is_seen_without_a_key() {
    let sent = Cos::put();
    let mut server = sent.clone();
    server.headers[3].1 = "origin.internal:8080".into();
    let trace = cos_trace(&sent, &sent, &server, KEY, IN_WINDOW);
    for e in [vec![], with_key(KEY)] {
        let sig = signature(&env(&e), &trace);
        expect(&sig, "request_differs", Some("header"), Some("host"));
        assert_eq!(sig["first_difference"]["expected"], "origin.internal:8080");
        assert_eq!(
            sig["first_difference"]["sent"],
            "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com"
        );
    }
    // With the key: the client signed what it sent; the proxy changed it.
    let (text, _) = run(&[], &env(&with_key(KEY)), &trace);
    assert!(text.contains("client signed what it sent"), "{text}");
    let other = cos_trace(&sent, &sent, &server, OTHER_KEY, IN_WINDOW);
    let (text, _) = run(&[], &env(&with_key(KEY)), &other);
    assert!(text.contains("signs neither"), "{text}");
}

#[test]
fn cos_time_window() {
    let r = Cos::put();
    // After q-sign-time's end: expired; before its start: not yet valid.
    let late = cos_trace(&r, &r, &r, KEY, "Fri, 12 Jan 2024 18:00:00 GMT");
    let sig = signature(&[], &late);
    expect(&sig, "expired", Some("time"), Some("q-sign-time"));
    assert_eq!(sig["first_difference"]["expected"], "2024-01-12T18:00:00Z");
    let early = cos_trace(&r, &r, &r, KEY, "Fri, 12 Jan 2024 16:00:00 GMT");
    expect(
        &signature(&[], &early),
        "not_yet_valid",
        Some("time"),
        Some("q-sign-time"),
    );
}

/// Bad input: a verdict only on what is there, and never a panic.
#[test]
fn cos_bad_input_says_what_is_missing() {
    let r = Cos::put();
    let trace = cos_trace(&r, &r, &r, KEY, IN_WINDOW);
    let missing = |sig: &Value| -> String {
        sig["missing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // The body cut in the middle of the FormatString: the StringToSign
    // before it is whole, and its hash stands for the server's string.
    let cut = &trace[..trace.find("&amp;date=").unwrap()];
    let sig = signature(&env(&with_key(KEY)), cut);
    assert_eq!(sig["verdict"], "key_not_for_access_key", "{sig:#}");
    assert!(
        sig["checked"]
            .to_string()
            .contains("hash in the server's StringToSign"),
        "{sig:#}"
    );
    // Cut inside the StringToSign: nothing of the server's is whole.
    let cut = &trace[..trace.find("<StringToSign>").unwrap() + 20];
    let sig = signature(&env(&with_key(KEY)), cut);
    assert_eq!(sig["verdict"], "undetermined", "{sig:#}");
    assert!(missing(&sig).contains("StringToSign"), "{sig:#}");
    // A trace cut inside the request's headers, then a bare body.
    let auth = trace
        .lines()
        .find(|l| l.starts_with("> Authorization"))
        .unwrap();
    let head_cut = &trace[..trace.find("> Date:").unwrap()];
    let head_cut = format!("{head_cut}{auth}\n<Error><Code>SignatureDoesNotMatch</Code></Error>\n");
    let sig = signature(&env(&with_key(KEY)), &head_cut);
    assert_eq!(sig["verdict"], "undetermined", "{sig:#}");
    assert!(missing(&sig).contains("the date header"), "{sig:#}");
    // No Authorization.
    let no_auth: String = trace
        .lines()
        .filter(|l| !l.starts_with("> Authorization"))
        .map(|l| format!("{l}\n"))
        .collect();
    let sig = signature(&env(&with_key(KEY)), &no_auth);
    assert_eq!(sig["verdict"], "undetermined", "{sig:#}");
    assert!(missing(&sig).contains("curl -v"), "{sig:#}");
    // A key with a newline pasted into it: the key-free checks stand.
    let sig = signature(&[("COS_SECRETKEY", "abc\n")], &trace);
    assert_eq!(sig["verdict"], "undetermined", "{sig:#}");
    assert!(missing(&sig).contains("white space"), "{sig:#}");
    assert!(
        sig["checked"].to_string().contains("FormatString"),
        "{sig:#}"
    );
    // --secret-key-env naming a variable that is not set.
    let (out, _) = run(
        &["--json", "--secret-key-env", "MY_KEY"],
        &[("COS_SECRETKEY", KEY)],
        &trace,
    );
    let sig: Value =
        serde_json::from_str::<Value>(out.lines().next().unwrap()).unwrap()["signature"].clone();
    assert!(missing(&sig).contains("MY_KEY"), "{sig:#}");
    // ... and set.
    let (out, _) = run(
        &["--json", "--secret-key-env", "MY_KEY"],
        &[("MY_KEY", KEY)],
        &trace,
    );
    let sig: Value =
        serde_json::from_str::<Value>(out.lines().next().unwrap()).unwrap()["signature"].clone();
    assert_eq!(sig["key_source"], "MY_KEY");
    assert_eq!(sig["verdict"], "key_not_for_access_key");
}

#[test]
fn the_key_never_reaches_the_output() {
    let r = Cos::put();
    let mut signed = r.clone();
    signed.headers[1].1 = "text/plain; charset=utf-8".into();
    let trace = cos_trace(&r, &signed, &r, KEY, IN_WINDOW);
    for args in [&["--json"][..], &[][..], &["--summary"][..]] {
        for (var, extra) in [
            ("COS_SECRETKEY", &[][..]),
            ("MY_KEY", &["--secret-key-env", "MY_KEY"][..]),
        ] {
            let mut a = args.to_vec();
            a.extend_from_slice(extra);
            let (out, err) = run(&a, &[(var, KEY)], &trace);
            assert!(!out.is_empty());
            for text in [&out, &err] {
                assert!(!text.contains(KEY), "{a:?}: {text}");
                // Nor the signing key derived from it.
                let sign_key = hex(&hmac_sha1(KEY.as_bytes(), &r.key_time));
                assert!(!text.contains(&sign_key), "{a:?}");
                // Nor the signature sent (a credential for the request).
                assert!(!text.contains(&signed.signature(KEY)), "{a:?}");
            }
        }
    }
}

/// The blog post "实现Dart版本对象存储(COS)插件" (GitHub
/// TryImpossible/blog, src/flutter/) quotes this COS error: the Dart http
/// package appended `; charset=utf-8` to the Content-Type the plugin had
/// signed, which the author found by reading the FormatString.
const BLOG_BODY: &str = "<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n\t<Code>SignatureDoesNotMatch</Code>\n\t<Message>The Signature you specified is invalid.</Message>\n\t<StringToSign>sha1\n1666158568;1666218568\n488ab174d5f7a6ec0966aeeb82600e185114d7d1\n</StringToSign>\n\t<FormatString>put\n/\ncors=\ncontent-length=454&amp;content-md5=DfuiC7IOBwIeiVanWPG%2FKg%3D%3D&amp;content-type=application%2Fxml%3B%20charset%3Dutf-8&amp;date=Wed%2C%2019%20Oct%202022%2005%3A49%3A28%20GMT&amp;host=test-app-1251021022.cos.ap-guangzhou.myqcloud.com\n</FormatString>\n\t<Resource>/</Resource>\n\t<RequestId>NjM0ZjhmZThfNDgzNjQwMGJfMTMwZWFfNDhmODEyZg==</RequestId>\n\t<TraceId>OGVmYzZiMmQzYjA2OWNhODk0NTRkMTBiOWVmMDAxODc0OWRkZjk0ZDM1NmI1M2E2MTRlY2MzZDhmNmI5MWI1OTBjYzE2MjAxN2M1MzJiOTdkZjMxMDVlYTZjN2FiMmI0MjFmNzE4ZjVmM2M0ZTcxNjYwMmQ3N2QzYjA3NzYyNmM=</TraceId>\n</Error>\n";

#[test]
fn the_blog_posts_charset_story() {
    // The body alone: it is intact, and the request and key are missing.
    let sig = signature(&[], BLOG_BODY);
    assert_eq!(sig["verdict"], "undetermined", "{sig:#}");
    assert!(
        sig["checked"]
            .to_string()
            .contains("hashes to its StringToSign"),
        "{sig:#}"
    );
    assert!(
        sig["missing"][0].as_str().unwrap().contains("curl -v"),
        "{sig:#}"
    );
    // With the request the plugin sent (signed here over the Content-Type
    // it set, as the post tells) and its key: the charset is named.
    let signed = Cos {
        method: "put".into(),
        path: "/".into(),
        params: vec![("cors".into(), String::new())],
        headers: vec![
            ("content-length".into(), "454".into()),
            ("content-md5".into(), "DfuiC7IOBwIeiVanWPG/Kg==".into()),
            ("content-type".into(), "application/xml".into()),
            ("date".into(), "Wed, 19 Oct 2022 05:49:28 GMT".into()),
            (
                "host".into(),
                "test-app-1251021022.cos.ap-guangzhou.myqcloud.com".into(),
            ),
        ],
        key_time: "1666158568;1666218568".into(),
    };
    let mut sent = signed.clone();
    sent.headers[2].1 = "application/xml; charset=utf-8".into();
    // The post's FormatString is what this request gives.
    assert!(BLOG_BODY.contains(&xml_escape(&sent.http_string())));
    let mut trace = format!(
        "> PUT /?cors HTTP/1.1\n> Authorization: {}\n",
        signed.authorization(KEY)
    );
    for (k, v) in &sent.headers {
        trace.push_str(&format!("> {k}: {v}\n"));
    }
    trace.push_str(&format!(
        ">\n< HTTP/1.1 403 Forbidden\n< Date: {}\n< Server: tencent-cos\n<\n{BLOG_BODY}",
        sent.header("date")
    ));
    let sig = signature(&env(&with_key(KEY)), &trace);
    expect(
        &sig,
        "signed_other_request",
        Some("header"),
        Some("content-type"),
    );
    assert_eq!(
        sig["first_difference"]["sent"],
        "application/xml; charset=utf-8"
    );
    assert_eq!(sig["first_difference"]["signed"], "application/xml");
    // The text shows the two header lines, the difference marked.
    let (text, _) = run(&[], &env(&with_key(KEY)), &trace);
    assert!(
        text.contains("server │ content-type=application%2Fxml%3B%20charset%3Dutf-8"),
        "{text}"
    );
    assert!(
        text.contains("signed │ content-type=application%2Fxml"),
        "{text}"
    );
    assert!(text.contains('^'), "{text}");
}

/// An OBS V2 request: what goes into its StringToSign.
fn obs_v2(ct: &str, resource: &str) -> String {
    format!("PUT\n\n{ct}\nFri, 12 Jan 2024 16:36:51 GMT\nx-obs-acl:private\n{resource}")
}

fn obs_trace(sent_ct: &str, signed_sts: &str, server_sts: &str, key: &str) -> String {
    let sig = base64_of(&hmac_sha1(key.as_bytes(), signed_sts));
    format!(
        "> PUT /dir/a.txt HTTP/1.1\n> Host: examplebucket.obs.cn-north-4.myhuaweicloud.com\n> Content-Type: {sent_ct}\n> Date: Fri, 12 Jan 2024 16:36:51 GMT\n> x-obs-acl: private\n> Authorization: OBS AKEXAMPLEOBS:{sig}\n> Content-Length: 3\n>\n< HTTP/1.1 403 Forbidden\n< Server: OBS\n< Date: Fri, 12 Jan 2024 16:36:52 GMT\n< x-obs-request-id: 000001A24965FBBE4DA17E23EB6C3EAD\n<\n<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><RequestId>000001A24965FBBE4DA17E23EB6C3EAD</RequestId><HostId>h</HostId><AWSAccessKeyId>AKEXAMPLEOBS</AWSAccessKeyId><SignatureProvided>{sig}</SignatureProvided><StringToSign>{}</StringToSign></Error>\n",
        xml_escape(server_sts)
    )
}

fn base64_of(b: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(b)
}

#[test]
fn obs_v2_verdicts() {
    let obs_key = [("OBS_SECRET_ACCESS_KEY", KEY.to_owned())];
    let res = "/examplebucket/dir/a.txt";
    let right = obs_v2("text/plain", res);
    // Signed right, with a key the service lacks.
    let t = obs_trace("text/plain", &right, &right, KEY);
    expect(
        &signature(&env(&obs_key), &t),
        "key_not_for_access_key",
        None,
        None,
    );
    expect(&signature(&[], &t), "strings_agree", None, None);
    // Another key.
    let t = obs_trace("text/plain", &right, &right, OTHER_KEY);
    expect(&signature(&env(&obs_key), &t), "different_key", None, None);
    // The charset appended after signing.
    let sent = obs_v2("text/plain;charset=UTF-8", res);
    let t = obs_trace("text/plain;charset=UTF-8", &right, &sent, KEY);
    let sig = signature(&env(&obs_key), &t);
    expect(
        &sig,
        "signed_other_request",
        Some("header"),
        Some("content-type"),
    );
    assert_eq!(sig["first_difference"]["signed"], "text/plain");
    // Signed path-style while sent virtual-hosted: the resource.
    let path_style = obs_v2("text/plain", "/dir/a.txt");
    let t = obs_trace("text/plain", &path_style, &right, KEY);
    expect(
        &signature(&env(&obs_key), &t),
        "signed_other_request",
        Some("resource"),
        Some("resource"),
    );
    // The server saw another Content-Type than the trace shows.
    let t = obs_trace("text/plain", &right, &obs_v2("application/json", res), KEY);
    expect(
        &signature(&[], &t),
        "request_differs",
        Some("header"),
        Some("content-type"),
    );
}

#[test]
fn v4_with_the_servers_canonical_request() {
    let creq = |ct: &str| {
        format!(
            "PUT\n/dir/a.txt\n\ncontent-type:{ct}\nhost:examplebucket.obs.cn-north-4.myhuaweicloud.com\nx-amz-content-sha256:UNSIGNED-PAYLOAD\nx-amz-date:20240112T163651Z\n\ncontent-type;host;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"
        )
    };
    let scope = "20240112/cn-north-4/s3/aws4_request";
    let sts = |c: &str| {
        format!(
            "AWS4-HMAC-SHA256\n20240112T163651Z\n{scope}\n{}",
            hex(&Sha256::digest(c.as_bytes()))
        )
    };
    let sign = |key: &str, s: &str| {
        let mut k = hmac_sha256(format!("AWS4{key}").as_bytes(), "20240112");
        for part in ["cn-north-4", "s3", "aws4_request"] {
            k = hmac_sha256(&k, part);
        }
        hex(&hmac_sha256(&k, s))
    };
    let trace = |sent_ct: &str, signed_ct: &str, key: &str| {
        let sig = sign(key, &sts(&creq(signed_ct)));
        format!(
            "> PUT /dir/a.txt HTTP/1.1\n> Host: examplebucket.obs.cn-north-4.myhuaweicloud.com\n> Content-Type: {sent_ct}\n> x-amz-content-sha256: UNSIGNED-PAYLOAD\n> x-amz-date: 20240112T163651Z\n> Authorization: AWS4-HMAC-SHA256 Credential=AKEXAMPLE/{scope}, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature={sig}\n>\n< HTTP/1.1 403 Forbidden\n< Date: Fri, 12 Jan 2024 16:36:52 GMT\n< Server: OBS\n<\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>{}</StringToSign><CanonicalRequest>{}</CanonicalRequest><RequestId>000001A24965FBBE4DA17E23EB6C3EAD</RequestId></Error>\n",
            sts(&creq(sent_ct)),
            creq(sent_ct)
        )
    };
    let obs_key = [("OBS_SECRET_ACCESS_KEY", KEY.to_owned())];
    let t = trace("text/plain", "text/plain", KEY);
    expect(&signature(&[], &t), "strings_agree", None, None);
    expect(
        &signature(&env(&obs_key), &t),
        "key_not_for_access_key",
        None,
        None,
    );
    let t = trace("text/plain", "text/plain", OTHER_KEY);
    expect(&signature(&env(&obs_key), &t), "different_key", None, None);
    let t = trace("text/plain; charset=utf-8", "text/plain", KEY);
    let sig = signature(&env(&obs_key), &t);
    expect(
        &sig,
        "signed_other_request",
        Some("header"),
        Some("content-type"),
    );
    assert_eq!(sig["first_difference"]["signed"], "text/plain");
}

/// Every real SignatureDoesNotMatch in the corpus gets a verdict or says
/// exactly what is missing; none gets a key's verdict without a key.
#[test]
fn corpus_signature_errors_get_a_verdict_or_what_is_missing() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut seen = 0;
    for dir in ["real", "live"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            if !text.contains("SignatureDoesNotMatch") {
                continue;
            }
            let (out, _) = run(&["--json"], &[], &text);
            for line in out.lines() {
                let e: Value = serde_json::from_str(line).unwrap();
                if e["code"] != "SignatureDoesNotMatch" {
                    continue;
                }
                seen += 1;
                let sig = &e["signature"];
                let verdict = sig["verdict"]
                    .as_str()
                    .unwrap_or_else(|| panic!("{path:?}: {e:#}"));
                assert!(
                    !matches!(
                        verdict,
                        "key_not_for_access_key" | "different_key" | "signed_other_request"
                    ),
                    "{path:?}: {sig:#}"
                );
                if verdict == "undetermined" {
                    let missing = sig["missing"].as_array().unwrap();
                    assert!(!missing.is_empty(), "{path:?}: {sig:#}");
                }
            }
        }
    }
    assert!(seen >= 10, "{seen}");
}

/// Every prefix of a signed exchange, checked with and without a key: no
/// panic, and no key's verdict where the key's inputs are cut.
#[test]
fn every_cut_of_a_trace_is_checked_without_a_panic() {
    use coserr::decode::{Options, decode_all};
    use coserr::signature::{Key, Keys, check};
    let r = Cos::put();
    let mut sent = r.clone();
    sent.headers[1].1 = "text/plain; charset=utf-8".into();
    let obs = obs_v2("text/plain", "/examplebucket/dir/a.txt");
    // Each trace, and the verdicts that would be wrong for it: the truth
    // is "signed another request" for the first, "a key the service
    // lacks" for the second.
    let traces = [
        (
            cos_trace(&sent, &r, &sent, KEY, IN_WINDOW),
            ["different_key", "key_not_for_access_key", "request_differs"],
        ),
        (
            obs_trace("text/plain", &obs, &obs, KEY),
            ["different_key", "signed_other_request", "request_differs"],
        ),
    ];
    let keys = [
        Keys::default(),
        Keys {
            cos: Some(Key::new(KEY, "COS_SECRETKEY")),
            obs: Some(Key::new(KEY, "OBS_SECRET_ACCESS_KEY")),
            ..Keys::default()
        },
    ];
    let mut checked = 0;
    for (t, wrong) in &traces {
        for end in (0..t.len()).step_by(5).chain([t.len()]) {
            let (found, _) = decode_all(&t.as_bytes()[..end], &Options::default());
            for f in &found {
                if let Some(m) = f.signing.as_deref() {
                    for k in &keys {
                        let report = check(f, m, k);
                        checked += 1;
                        if k.cos.is_none() {
                            assert!(report.key_source.is_none());
                        }
                        let v = report.verdict.as_str();
                        assert!(!wrong.contains(&v), "{v} at {end}: {report:?}");
                        if end == t.len() && k.cos.is_some() {
                            assert!(
                                ["signed_other_request", "key_not_for_access_key"].contains(&v)
                                    && !wrong.contains(&v),
                                "{v}"
                            );
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

/// The README's worked example is the binary's output on its input.
#[test]
fn the_readme_example_is_what_the_binary_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let fixture = std::fs::read_to_string(root.join("tests/fixtures/signature-put.txt")).unwrap();
    assert!(readme.contains(&format!("```text\n{fixture}```")));
    let shown = readme
        .split("$ coserr decode signature-put.txt\n")
        .nth(1)
        .unwrap()
        .split("\n\n  The signature calculated")
        .next()
        .unwrap();
    let out = assert_cmd::Command::new(env!("CARGO_BIN_EXE_coserr"))
        .current_dir(root.join("tests/fixtures"))
        .args(["decode", "signature-put.txt", "--color", "never"])
        .env_clear()
        .env("COLUMNS", "80")
        .env("COS_SECRETKEY", "YourSecretKeyExample0123456789ab")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    let head: Vec<&str> = out.split("\n\n").take(2).collect();
    assert_eq!(shown, head.join("\n\n"));
}

#[test]
fn header_dates_out_of_15_minutes_and_expired_urls() {
    let obs_key = [("OBS_SECRET_ACCESS_KEY", KEY.to_owned())];
    let res = "/examplebucket/dir/a.txt";
    let right = obs_v2("text/plain", res);
    // The server's clock 30 minutes after the request's Date.
    let t = obs_trace("text/plain", &right, &right, KEY)
        .replace(
            "< Date: Fri, 12 Jan 2024 16:36:52 GMT",
            "< Date: Fri, 12 Jan 2024 17:06:52 GMT",
        )
        .replace("SignatureDoesNotMatch", "RequestTimeTooSkewed");
    let sig = signature(&env(&obs_key), &t);
    expect(&sig, "expired", Some("time"), Some("date"));
    assert_eq!(sig["first_difference"]["expected"], "2024-01-12T17:06:52Z");
    // 20 minutes before it: the client's clock is ahead.
    let t = t.replace("17:06:52", "16:16:52");
    expect(
        &signature(&[], &t),
        "not_yet_valid",
        Some("time"),
        Some("date"),
    );
    // A COS presigned URL used after its q-sign-time.
    let r = Cos {
        headers: vec![(
            "host".into(),
            "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com".into(),
        )],
        params: Vec::new(),
        ..Cos::put()
    };
    let query = r.authorization(KEY).replace(';', "%3B");
    let body = "<Error><Code>AccessDenied</Code><Message>Request has expired</Message><RequestId>NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx</RequestId></Error>\n";
    // As curl -v shows it, and as a URL printed above the body.
    let curl = format!(
        "> PUT /photos/a%20b.txt?{query} HTTP/1.1\n> Host: examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com\n>\n< HTTP/1.1 403 Forbidden\n< Date: Sat, 13 Jan 2024 09:00:00 GMT\n< Server: tencent-cos\n<\n{body}"
    );
    let sig = signature(&env(&with_key(KEY)), &curl);
    expect(&sig, "expired", Some("time"), Some("q-sign-time"));
    let t = format!(
        "PUT https://examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com/photos/a%20b.txt?{query} 403\n{body}"
    );
    // No server time here but the request ID's, which is inside the
    // window: not expired. The URL is read (the key signs it as sent), and
    // the server's strings are asked for.
    let sig = signature(&env(&with_key(KEY)), &t);
    expect(&sig, "undetermined", None, None);
    let checked = sig["checked"].to_string();
    assert!(checked.contains("against the request ID's time"), "{sig:#}");
    assert!(
        checked.contains("the signature sent against the key"),
        "{sig:#}"
    );
}

/// The COS document's worked PUT example ("Request Signature", product
/// 436 page 7778, with its sample key), as a raw exchange whose server
/// refused it and returned the document's StringToSign.
#[test]
fn the_cos_documents_worked_example() {
    let doc_key = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
    let exchange = "PUT /exampleobject(%E8%85%BE%E8%AE%AF%E4%BA%91) HTTP/1.1\nDate: Thu, 16 May 2019 06:45:51 GMT\nHost: examplebucket-1250000000.cos.ap-beijing.myqcloud.com\nContent-Type: text/plain\nContent-Length: 13\nContent-MD5: mQ/fVh815F3k6TAUm8m0eg==\nx-cos-acl: private\nx-cos-grant-read: uin=\"100000000011\"\nAuthorization: q-sign-algorithm=sha1&q-ak=AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q&q-sign-time=1557989151;1557996351&q-key-time=1557989151;1557996351&q-header-list=content-length;content-md5;content-type;date;host;x-cos-acl;x-cos-grant-read&q-url-param-list=&q-signature=3b8851a11a569213c17ba8fa7dcf2abec6935172\n\nHTTP/1.1 403 Forbidden\nDate: Thu, 16 May 2019 06:45:52 GMT\nServer: tencent-cos\n\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>sha1\n1557989151;1557996351\n8b2751e77f43a0995d6e9eb9477f4b685cca4172\n</StringToSign></Error>\n";
    let key = [("TENCENTCLOUD_SECRET_KEY", doc_key.to_owned())];
    let sig = signature(&env(&key), exchange);
    expect(&sig, "key_not_for_access_key", None, None);
    assert_eq!(sig["key_source"], "TENCENTCLOUD_SECRET_KEY");
    expect(&signature(&[], exchange), "strings_agree", None, None);
    expect(
        &signature(&env(&with_key(KEY)), exchange),
        "different_key",
        None,
        None,
    );
}

/// An OBS signed URL (V2 in the query): its headers are not in the input,
/// so the check rests on the server's StringToSign; and on Expires.
#[test]
fn an_obs_signed_url() {
    let sts = "GET\n\n\n1705081000\n/examplebucket/a.txt";
    let sig = base64_of(&hmac_sha1(KEY.as_bytes(), sts));
    let sig_q: String = sig
        .bytes()
        .map(|b| match b {
            b'+' => "%2B".to_owned(),
            b'/' => "%2F".to_owned(),
            b'=' => "%3D".to_owned(),
            _ => (b as char).to_string(),
        })
        .collect();
    let trace = |date: &str| {
        format!(
            "> GET /a.txt?AccessKeyId=AKEXAMPLEOBS&Expires=1705081000&Signature={sig_q} HTTP/1.1\n> Host: examplebucket.obs.cn-north-4.myhuaweicloud.com\n>\n< HTTP/1.1 403 Forbidden\n< Server: OBS\n< Date: {date}\n<\n<Error><Code>SignatureDoesNotMatch</Code><StringToSign>{sts}</StringToSign><RequestId>000001A24965FBBE4DA17E23EB6C3EAD</RequestId></Error>\n"
        )
    };
    let obs_key = [("OBS_SECRET_ACCESS_KEY", KEY.to_owned())];
    let t = trace("Fri, 12 Jan 2024 16:36:52 GMT");
    expect(
        &signature(&env(&obs_key), &t),
        "key_not_for_access_key",
        None,
        None,
    );
    let other = [("OBS_SECRET_ACCESS_KEY", OTHER_KEY.to_owned())];
    expect(&signature(&env(&other), &t), "different_key", None, None);
    let sig = signature(&env(&obs_key), &trace("Fri, 12 Jan 2024 18:00:00 GMT"));
    expect(&sig, "expired", Some("time"), Some("expires"));
}

/// A '+' in a path, which COS reads as a space (the PicGo case in the
/// corpus: `zh+en` sent, `zh en` in the FormatString): not a request
/// changed on the way, and with the key, the '+' is named.
#[test]
fn cos_a_plus_in_the_path() {
    let mut sent = Cos::put();
    sent.path = "/photos/a+b.txt".into();
    let mut server = sent.clone();
    server.path = "/photos/a b.txt".into();
    let trace = cos_trace(&sent, &sent, &server, KEY, IN_WINDOW)
        .replace("/photos/a%2Bb.txt?", "/photos/a+b.txt?");
    assert!(trace.contains("> PUT /photos/a+b.txt?"), "{trace}");
    let sig = signature(&[], &trace);
    assert_ne!(sig["verdict"], "request_differs", "{sig:#}");
    let sig = signature(&env(&with_key(KEY)), &trace);
    expect(&sig, "signed_other_request", Some("path"), Some("path"));
    assert_eq!(sig["first_difference"]["signed"], "/photos/a+b.txt");
    let (text, _) = run(&[], &env(&with_key(KEY)), &trace);
    assert!(text.contains("Encode '+' as %2B"), "{text}");
}
