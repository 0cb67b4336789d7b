//! Who sent an error, wherever a record says it: an endpoint's host name
//! (`*.cos.*.myqcloud.com`, `*.ci.*`, `obs.*.myhuaweicloud.com`), a header
//! name (`x-cos-*`, `x-obs-*`), a server's name (`tencent-cos`, `Server:
//! OBS`, `AmazonS3`, `MinIO`), an SDK's or tool's own words
//! (`qcloud_cos`, `com.qcloud.cos`, `ObsException`, `obsutil`).
//!
//! Also Amazon S3's and other S3-compatible stores' signatures: those say
//! the error is not COS's, CI's or OBS's, even when an S3 tool printed it.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::super::draft::{Evidence, after_char, host_evidence};
use super::super::facts::{Facts, Kind};
use super::super::record::RecordText;
use super::Shape;

pub const SHAPE: Shape = Shape {
    name: "evidence",
    // Context: who sent an error, once another shape found one.
    keywords: &[],
    dynamic: None,
    always: false,
    find,
};

/// Words that name a service, matched as written.
const WORDS: &[(&str, Evidence)] = &[
    ("qcloud_cos", Evidence::COS),
    ("com.qcloud.cos", Evidence::COS),
    ("CosServiceException", Evidence::COS),
    ("CosServiceError", Evidence::COS),
    ("CosClientException", Evidence::COS),
    ("CosClientError", Evidence::COS),
    ("CosServerException", Evidence::COS),
    ("CosXmlServiceException", Evidence::COS),
    ("CosXmlClientException", Evidence::COS),
    ("Qcloud\\Cos", Evidence::COS),
    // The COS PHP SDK's exception as a string (CosException::__toString):
    // `Cos Error Code: AccessDenied, Status Code: 403, Cos Request ID: ...`.
    ("Cos Error Code: ", Evidence::COS),
    ("Cos Request ID: ", Evidence::COS),
    ("COSXML.", Evidence::COS),
    ("QCloudCOSXML", Evidence::COS),
    ("cos-go-sdk-v5", Evidence::COS),
    ("cos-nodejs-sdk-v5", Evidence::COS),
    ("cos-js-sdk-v5", Evidence::COS),
    ("cos-wx-sdk-v5", Evidence::COS),
    // cos-js-sdk-v5's error when the browser hid an ETag.
    ("to CORS ExposeHeader setting", Evidence::COS),
    // cos-js-sdk-v5's own Error when the browser gave it no response.
    ("CORS blocked or network error", Evidence::COS),
    ("cos-python-sdk", Evidence::COS),
    ("cos-java-sdk", Evidence::COS),
    // The other official SDKs' repository and package names (`cos-sdk-v5`
    // is the PHP SDK's Composer package, and the folder plugins bundle
    // it in).
    ("cos-sdk-v5", Evidence::COS),
    ("cos-php-sdk", Evidence::COS),
    ("cos-dotnet-sdk", Evidence::COS),
    ("cos-cpp-sdk", Evidence::COS),
    ("cos-c-sdk", Evidence::COS),
    ("coscli", Evidence::COS),
    ("coscmd", Evidence::COS),
    // COS's own desktop client.
    ("cosbrowser", Evidence::COS),
    ("COSBrowser", Evidence::COS),
    ("cosfs", Evidence::COS),
    // As COS's documents write the tool's name.
    ("COSFS", Evidence::COS),
    ("tencent-cos", Evidence::COS),
    ("tencent-ci", Evidence::CI),
    ("ci-process=", Evidence::CI),
    ("x-cos-", Evidence::COS),
    ("XCosRequestId", Evidence::COS),
    ("XCosTraceId", Evidence::COS),
    ("X-Cos-", Evidence::COS),
    ("x-ci-", Evidence::CI),
    ("ObsException", Evidence::OBS),
    ("com.obs.services", Evidence::OBS),
    // The OBS Java SDK's shaded okhttp and okio, in its stack frames.
    ("obs.shaded.", Evidence::OBS),
    ("obs: service returned error", Evidence::OBS),
    ("esdk-obs", Evidence::OBS),
    ("esdk_obs", Evidence::OBS),
    ("obsutil", Evidence::OBS),
    ("obsfs", Evidence::OBS),
    ("ObsClient", Evidence::OBS),
    ("OBSFileSystem", Evidence::OBS),
    ("org.apache.hadoop.fs.obs.", Evidence::OBS),
    ("OBSIOException", Evidence::OBS),
    ("huaweicloud-sdk-go-obs", Evidence::OBS),
    ("huaweicloud-sdk-python-obs", Evidence::OBS),
    ("huaweicloud-sdk-java-obs", Evidence::OBS),
    ("huaweicloud-sdk-nodejs-obs", Evidence::OBS),
    ("huaweicloud-sdk-browserjs-obs", Evidence::OBS),
    ("huaweicloud-sdk-dotnet-obs", Evidence::OBS),
    ("huaweicloud-sdk-php-obs", Evidence::OBS),
    ("huaweicloud-sdk-c-obs", Evidence::OBS),
    ("x-obs-", Evidence::OBS),
    ("X-Obs-", Evidence::OBS),
    ("Server: OBS", Evidence::OBS),
    ("server: OBS", Evidence::OBS),
    ("'Server': 'OBS'", Evidence::OBS),
    ("Server: AmazonS3", Evidence::AWS),
    ("server: AmazonS3", Evidence::AWS),
    ("Server: MinIO", Evidence::OTHER),
    ("server: MinIO", Evidence::OTHER),
    ("minio-go", Evidence::OTHER),
    ("Ceph Object Gateway", Evidence::OTHER),
    ("radosgw", Evidence::OTHER),
    ("CosNativeFileSystemStore", Evidence::COS),
    ("cosn://", Evidence::COS),
    // Hadoop's `No FileSystem for scheme "obs"`: the scheme's connector.
    ("scheme \"cosn\"", Evidence::COS),
    ("scheme “cosn”", Evidence::COS),
    ("scheme \"obs\"", Evidence::OBS),
    ("scheme “obs”", Evidence::OBS),
    ("com.tencent.cos", Evidence::COS),
    ("OBS.ObsException", Evidence::OBS),
    // The OBS C SDK's status names.
    ("OBS_STATUS_", Evidence::OBS),
    ("OBS.Internal", Evidence::OBS),
    ("Obs\\Internal", Evidence::OBS),
    ("OBS SDK", Evidence::OBS),
    ("OBS servcie Error Message", Evidence::OBS),
    ("OBS service Error Message", Evidence::OBS),
    ("obs://", Evidence::OBS),
    ("site-packages/obs/", Evidence::OBS),
    // The Open Telekom Cloud extension of openstacksdk: its OBS proxy.
    ("otcextensions/sdk/obs/", Evidence::OBS),
    ("otcextensions.sdk.obs.", Evidence::OBS),
    ("/obs/client.py", Evidence::OBS),
    ("obsClient.", Evidence::OBS),
    ("RestStorageService", Evidence::OBS),
    ("<bucketname>-<appid>", Evidence::COS),
    ("cos.BaseURL", Evidence::COS),
    // cos-python-sdk-v5's own name for a bodiless 404 of a HEAD.
    ("NoSuchResource", Evidence::COS),
    ("site-packages/qcloud_cos/", Evidence::COS),
    ("huaweicloud_obs_", Evidence::OBS),
    ("opentelekomcloud_obs_", Evidence::OBS),
    // COS's legacy JSON API names its codes so: `ERROR_CGI_PARAM_NO_SUCH_OP`,
    // `ERROR_CMD_BUCKET_NOTEXIST` (not `ERROR_PROXY_`: Tencent's speech
    // API uses those names too).
    ("ERROR_CGI_", Evidence::COS),
    ("ERROR_CMD_", Evidence::COS),
];

/// The service as a person names it, matched in any case.
const PHRASES: &[(&str, Evidence)] = &[
    ("腾讯云COS", Evidence::COS),
    ("腾讯云 COS", Evidence::COS),
    ("腾讯 COS", Evidence::COS),
    ("腾讯COS", Evidence::COS),
    ("腾讯云对象存储", Evidence::COS),
    ("Tencent Cloud COS", Evidence::COS),
    ("Tencent COS", Evidence::COS),
    ("a COS bucket", Evidence::COS),
    ("华为云OBS", Evidence::OBS),
    ("华为云 OBS", Evidence::OBS),
    ("华为OBS", Evidence::OBS),
    ("华为 OBS", Evidence::OBS),
    ("华为云对象存储", Evidence::OBS),
    ("Huawei Cloud OBS", Evidence::OBS),
    ("an OBS bucket", Evidence::OBS),
    ("OBS桶", Evidence::OBS),
    ("an OBS path", Evidence::OBS),
    ("OBS connection", Evidence::OBS),
];

/// The service's name alone, as people write it (`访问 COS 时`,
/// `上传到OBS失败`): in capitals, and only as a word of prose: white space
/// or CJK text before, and after it the same or punctuation (not `(OBS,`
/// in a line of code, not `COS_SECRET_ID`).
const NAMES: &[(&str, Evidence)] = &[("COS", Evidence::COS), ("OBS", Evidence::OBS)];

/// Domains whose host names say who answered, in any case.
const DOMAINS: &[&str] = &[
    "myqcloud.com",
    "tencentcos.",
    "myhuaweicloud.com",
    "myhwclouds.com",
    "amazonaws.com",
    "aliyuncs.com",
    "otc.t-systems.com",
];

/// How a word of [`WORDS`], [`PHRASES`] or [`NAMES`] is matched.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Read {
    AsWritten,
    AnyCase,
    Prose,
}

/// Every word, with how it is matched: [`WORDS`], [`PHRASES`], [`NAMES`].
static ALL_WORDS: LazyLock<Vec<(&'static str, Evidence, Read)>> = LazyLock::new(|| {
    let with = |list: &'static [(&'static str, Evidence)], read| {
        list.iter().map(move |&(w, ev)| (w, ev, read))
    };
    with(WORDS, Read::AsWritten)
        .chain(with(PHRASES, Read::AnyCase))
        .chain(with(NAMES, Read::Prose))
        .collect()
});

/// One pass finds the words and the domains: [`ALL_WORDS`] first, then
/// [`DOMAINS`].
static SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(
            ALL_WORDS
                .iter()
                .map(|(w, _, _)| *w)
                .chain(DOMAINS.iter().copied()),
        )
        .expect("the evidence words build an automaton")
});

fn find(rec: &RecordText<'_>, out: &mut Facts) {
    let text = rec.text;
    // Each word once, where it first occurs; each domain up to 16 times.
    let words = &*ALL_WORDS;
    let mut words_seen = vec![false; words.len()];
    let mut domains_seen = [0u8; DOMAINS.len()];
    for m in SEARCH.find_overlapping_iter(text) {
        let i = m.pattern().as_usize();
        if let Some(&(word, ev, read)) = words.get(i) {
            let seen = &text[m.range()];
            let same = match read {
                Read::AsWritten => seen == word,
                Read::AnyCase => seen.eq_ignore_ascii_case(word),
                Read::Prose => {
                    let b = text.as_bytes();
                    let before = m.start().checked_sub(1).map(|i| b[i]);
                    let after = b.get(m.end()).copied();
                    seen == word
                        && before.is_none_or(|c| c.is_ascii_whitespace() || c >= 0x80 || c == b'"')
                        && after.is_none_or(|c| {
                            c.is_ascii_whitespace() || c >= 0x80 || b".,:;!?)\"".contains(&c)
                        })
                }
            };
            if !words_seen[i] && same {
                words_seen[i] = true;
                out.push(m.range(), Kind::Evidence(ev));
            }
            continue;
        }
        let d = i - words.len();
        if domains_seen[d] == 16 {
            continue;
        }
        domains_seen[d] += 1;
        let (a, z) = word_around(text, m.start(), m.end());
        let host = &text[a..z];
        let ev = host_evidence(host);
        if !ev.is_empty() {
            out.push(a..z, Kind::Evidence(ev));
            out.push(a..z, Kind::Endpoint(host.to_owned()));
        }
    }
}

/// The host name or URL around `a..z`: up to whitespace, quotes or
/// brackets on either side.
fn word_around(text: &str, a: usize, z: usize) -> (usize, usize) {
    let stop = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '"' | '\'' | '<' | '>' | '(' | ')' | '[' | ']' | ',' | '`'
            )
    };
    let start = text[..a].rfind(stop).map_or(0, |i| after_char(text, i));
    let end = text[z..].find(stop).map_or(text.len(), |i| z + i);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::super::tests::one;
    use crate::catalog::Provider;

    #[test]
    fn hosts_name_the_provider() {
        let f = one(
            "PUT https://b-125.cos.ap-beijing.myqcloud.com/k: 403 (Message: , RequestId: NjVhMTZhYTNfMWQyZjBhMDlfMmE0MV80ZDZiMmYx)",
        );
        assert_eq!(f.provider, Some(Provider::Cos));
        let f = one(
            "getObject failed: status [403] - request id [0000018D0238B1A3E2A4C4D5E6F70812] - error code [AccessDenied] on obs.cn-north-4.myhuaweicloud.com",
        );
        assert_eq!(f.provider, Some(Provider::Obs));
    }

    /// The COS PHP SDK's words for its exception's fields, quoted alone in
    /// a plugin's FAQ (sync-qcloud-cos: `使用子账户报错：Cos Error Code:
    /// AccessDenied, Status Code: 403`).
    #[test]
    fn the_php_sdk_s_field_names_are_cos() {
        let f = one("使用子账户报错`Cos Error Code: AccessDenied, Status Code: 403`");
        assert_eq!(f.provider, Some(Provider::Cos));
        assert_eq!(f.code.as_deref(), Some("AccessDenied"));
        assert_eq!(f.status, Some(403));
    }

    /// The OBS proxy of openstacksdk's Open Telekom Cloud extension, in a
    /// traceback (python-otcextensions issue 609).
    #[test]
    fn the_otc_extension_s_obs_proxy_is_obs() {
        let f = one(
            "  File \"/x/otcextensions/sdk/obs/v1/obj.py\", line 173, in _translate_response\nopenstack.exceptions.BadRequestException: <Error><Code>EntityTooLarge</Code></Error>",
        );
        assert_eq!(f.provider, Some(Provider::Obs));
        assert_eq!(f.code.as_deref(), Some("EntityTooLarge"));
    }

    /// COS's legacy JSON API's code names (cos-wx-sdk-v4 issue 4).
    #[test]
    fn legacy_json_api_names_are_cos() {
        let f = one("Got code: -5964, message: \"ERROR_CGI_PARAM_NO_SUCH_OP\"");
        assert_eq!(f.provider, Some(Provider::Cos));
        assert_eq!(f.number, Some(-5964));
    }

    /// The service named in the words around the error: `腾讯云COS`
    /// (github.com/AlistGo/alist issues 5434), "an OBS Bucket" (Open
    /// Telekom Cloud's DLI FAQ dli_03_0164).
    #[test]
    fn a_person_names_the_service() {
        let f = one("腾讯云COS，无法直接预览文本文件，报错SignatureDoesNotMatch，但可以正常下载");
        assert_eq!(f.provider, Some(Provider::Cos));
        let f = one(
            "Why Do I Encounter the Error \"verifyBucketExists on XXXX: status [403]\" When Using a Spark Job to Access an OBS Bucket?",
        );
        assert_eq!(f.provider, Some(Provider::Obs));
        let f = one(
            "Upload error: SignatureDoesNotMatch: The request signature we calculated does not match",
        );
        assert_eq!(f.provider, None);
        // The service's name alone, as a word of prose.
        let f = one("上传到 COS 时报错 NoSuchBucket");
        assert_eq!(f.provider, Some(Provider::Cos));
        let f = one("访问OBS失败：NoSuchBucket");
        assert_eq!(f.provider, Some(Provider::Obs));
        // In lower case after the company's name (kalcaddle/kodbox
        // issues 306).
        let f = one("尝试连接华为obs报错，进入容器检查日志发现403");
        assert_eq!(f.provider, Some(Provider::Obs));
        // huaweicloud-sdk-java-obs issue 124: `obs桶`, an OBS bucket.
        let f = one(
            "用ak sk调用obs client 跨租户访问一个设为公共读的obs桶，结果报403错误，access Deny",
        );
        assert_eq!(f.provider, Some(Provider::Obs));
        // Not as a name in code.
        let f = one(
            "    s3(OBS, \"cn-north-4\").get_object(Bucket=\"b\", Key=\"k\")\nbotocore.exceptions.ClientError: An error occurred (NoSuchBucket) when calling the GetObject operation: The specified bucket does not exist",
        );
        assert_eq!(f.provider, None);
        let f = one("COS_SECRET_ID is set; upload failed: NoSuchBucket");
        assert_eq!(f.provider, None);
    }

    #[test]
    fn an_official_sdks_name_says_whose_it_is() {
        // huaweicloud-sdk-python-obs issue 7: the SDK named in prose.
        let f = one(
            "huaweicloud-sdk-python-obs  版本  Version 3.20.11     python 版本 3.7.4   上传文件返回状态码  403 ，python版本3.7.0 ，3.52 正常返回状态200",
        );
        assert_eq!(f.provider, Some(Provider::Obs));
        // sync-qcloud-cos issue 14: the PHP SDK's folder in a path.
        let f = one(
            "Fatal error: Uncaught GuzzleHttp\\Exception\\RequestException: cURL error 77: error setting certificate verify locations: CAfile: /etc/pki/tls/certs/ca-bundle.crt CApath: /etc/ssl/certs in /www/wp-content/plugins/wordpress-qcloud-cos/cos-sdk-v5/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:201",
        );
        assert_eq!(f.provider, Some(Provider::Cos));
        // COS's COSFS FAQ (tencentyun/intlcloud-documents).
        let f = one(
            "使用 docker 挂载 COSFS 时，报错显示：fuse: failed to open /dev/fuse: Operation not permitted，该如何处理？",
        );
        assert_eq!(f.provider, Some(Provider::Cos));
    }

    #[test]
    fn amazon_is_not_obs() {
        let f = one(
            "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>7BMJM8PWV1J1FNEH</RequestId><HostId>TW2qeJptLnLL7+0pKGRgdR+t5T/GKN362KnA1JuYa83s+Y0YsVEeIxGoiUK+pCQIRwhNsDNC1ws=</HostId></Error>",
        );
        assert_eq!(f.provider, None);
    }
}
