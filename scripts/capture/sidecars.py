#!/usr/bin/env python3
"""Writes the .json sidecars of the captures that run.sh just made.

    sidecars.py --ids IDS.jsonl --versions VERSIONS.json --dir DIR NAME...

For each NAME, DIR/NAME.json gets the values of EXPECTED below (what the
client prints in that scenario: provider, code, status, origin, notes, read
off the captures by hand, as tests/corpus/real/README.md asks), the
client's name and version as installed for this run ("source"), and the
request IDs: those that server.py issued with an error status (its --ids
file) and that the text of DIR/NAME.txt shows, in order of first
appearance. The IDs are new at every run (they carry the time, as the
services' IDs do), hence this step.

A sanity check warns when a code or status that EXPECTED names is no longer
in the text (a new client version prints something else): read the capture
again and fix EXPECTED.
"""
import argparse
import json
import os
import sys

# client key -> (package name, how it was installed); the version comes
# from --versions
CLIENTS = {
    "cospy": ("cos-python-sdk-v5", "PyPI"),
    "coscmd": ("coscmd", "PyPI"),
    "cosnode": ("cos-nodejs-sdk-v5", "npm"),
    "obspy": ("esdk-obs-python", "PyPI"),
    "obsnode": ("esdk-obs-nodejs", "npm"),
    "boto3": ("boto3", "PyPI"),
    "awscli": ("awscli", "PyPI"),
    "awscli2": ("awscli", "Debian"),
    "awsjs": ("@aws-sdk/client-s3", "npm"),
    "miniopy": ("minio", "PyPI"),
    "miniojs": ("minio", "npm"),
    "s3cmd": ("s3cmd", "Debian"),
    "rclone": ("rclone", "Debian"),
    "curl": ("curl", "Debian"),
}

HOW = ("Captured by scripts/capture/run.sh against scripts/capture/server.py on loopback "
       "in a network namespace; host names resolve through the namespace's hosts file.")


def E(src, provider, code, status, origin, notes, is_error=True):
    return dict(src=src, provider=provider, code=code, status=status, origin=origin,
                notes=notes, is_error=is_error)


EXPECTED = {
# ---------------- cos-python-sdk-v5
'cos-python-sdk-nosuchkey': E('cospy','cos','NoSuchKey',None,'service',
  "Uncaught CosServiceError traceback of get_object on a missing key: the SDK's digest dict (code, message, resource, requestid, traceid). The HTTP status (404) is not printed."),
'cos-python-sdk-head404': E('cospy','cos','NoSuchResource',None,'service',
  "Uncaught CosServiceError of head_object on a missing key. The 404 HEAD response has no body; the SDK makes up code NoSuchResource and message 'The Resource You Head Not Exist' and takes the request ID from x-cos-request-id. The status is not printed."),
'cos-python-sdk-slowdown': E('cospy','cos','SlowDown',None,'service',
  "Uncaught CosServiceError of get_object answered 503 SlowDown (the SDK retried once, silently). The 503 status is not printed."),
'cos-python-sdk-ci-image-errno': E('cospy','ci','-46618',None,'service',
  "Uncaught CosServiceError of ci_get_object (imageMogr2 rule) answered 403 with an empty body and X-ErrNo: -46618: with no body the SDK prints the response headers as a dict, so the CI code is only in X-ErrNo. The 403 status is not printed."),
'cos-python-sdk-proxy502': E('cospy','cos',None,None,'service',
  "Uncaught CosServiceError of get_object that an nginx 502 Bad Gateway HTML page answered: the SDK cannot digest the body and prints only 'Response Error Msg Is INVALID' - no status, no page, no hint of the proxy. origin is what the text shows (the SDK calls it a service error); the real answer came from a proxy."),
'cos-python-sdk-timeout': E('cospy','cos',None,None,'client',
  "Uncaught CosClientError chain (urllib3 ReadTimeoutError -> requests ReadTimeout -> CosClientError) of get_object with Timeout=3 against a server that accepts and never answers."),
'cos-python-sdk-sample-accessdenied': E('cospy','cos','AccessDenied',403,'service',
  "get_object on a denied key, printed by the except block of the SDK demo: get_origin_msg() (the raw XML), get_digest_msg(), get_status_code(), get_error_code(), get_error_msg(), get_resource_location(), get_trace_id(), get_request_id(), one per line."),
'cos-python-sdk-sample-ci-jobs-invalidargument': E('cospy','ci','InvalidArgument',400,'service',
  "ci_create_media_jobs answered 400 with a <Response> root (Code, Message, RequestId, TraceId), printed by the SDK demo's except block: the raw XML, then 'Response Error Msg Is INVALID' (the SDK's digest needs a <Resource> element) and Unknown for every digested field; only the status line '400' is right. Provider ci from the <Response> error root alone (no host is printed)."),
# ---------------- coscmd
'cos-coscmd-upload-accessdenied': E('coscmd','cos','AccessDenied',None,'service',
  "coscmd upload answered 403 AccessDenied: coscmd prints its 'Upload' line, the raw XML body the SDK logged, 'Upload file failed' and the digest dict. No status."),
'cos-coscmd-download-nosuchkey': E('coscmd','cos','NoSuchResource',None,'service',
  "coscmd download of a missing key: coscmd HEADs first, so all it prints is the SDK's made-up HEAD digest (code NoSuchResource, 'The Resource You Head Not Exist') with the request ID from x-cos-request-id. No status."),
'cos-coscmd-dns': E('coscmd','cos',None,None,'client',
  "coscmd download with a region whose host does not resolve: the SDK's retry log (a Python list of three attempts; the last retry switched to the tencentcos.cn domain), the urllib3/requests traceback chain and coscmd's last line, all 'Name or service not known'."),
# ---------------- cos-nodejs-sdk-v5
'cos-nodejs-sdk-nosuchkey': E('cosnode','cos','NoSuchKey',404,'service',
  "console.log(err) of getObject on a missing key: an Error 'NoSuchKey: The specified key does not exist.' with stack, the parsed error body, statusCode, the response headers, url, method and RequestId."),
'cos-nodejs-sdk-head404': E('cosnode','cos',None,404,'service',
  "console.log(err) of headObject on a missing key: no body, so the SDK's code and name are the status ('404') and message 'Not Found'; statusCode, headers (x-cos-request-id) and RequestId are printed."),
'cos-nodejs-sdk-ci-queue-slowdown': E('cosnode','ci','SlowDown',429,'service',
  "console.log(err) of cos.request() GET /queue on the CI host answered 429 SlowDown (<Error> body, Server: tencent-ci, x-ci-request-id)."),
'cos-nodejs-sdk-proxy502': E('cosnode','cos',None,502,'proxy',
  "console.log(err) of getObject answered by an nginx 502 page: code/name '502', message 'Bad Gateway', headers with server: nginx and content-type text/html; no request ID. The url shows the SDK retried on the tencentcos.cn domain (AutoSwitchHost)."),
'cos-nodejs-sdk-dns': E('cosnode','cos',None,None,'client',
  "console.log(err) of getObject with an unresolvable region: ENOTFOUND for the tencentcos.cn host the SDK switched to on retry."),
'cos-nodejs-sdk-timeout': E('cosnode','cos',None,None,'client',
  "console.log(err) of getObject with Timeout: 3000 against a server that never answers: ESOCKETTIMEDOUT (after a retry on the tencentcos.cn domain)."),
# ---------------- esdk-obs-python
'obs-python-sdk-nosuchkey': E('obspy','obs','NoSuchKey',404,'service',
  "esdk-obs-python does not raise on an error response; getObject's result printed the way the SDK guide does (status, requestId, errorCode, errorMessage). Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
'obs-python-sdk-signature': E('obspy','obs','SignatureDoesNotMatch',403,'service',
  "putContent answered 403 SignatureDoesNotMatch, printed guide-style (status, requestId, errorCode, errorMessage). Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
'obs-python-sdk-head404': E('obspy','obs',None,404,'service',
  "getObjectMetadata (HEAD) of a missing key, printed guide-style: the bodiless 404 leaves errorCode and errorMessage None; status and requestId (from x-obs-request-id) are printed. Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
'obs-python-sdk-print-resp': E('obspy','obs','NoSuchKey',404,'service',
  "print(resp) of getObject's GetResult on a missing key: a dict with status, reason, errorCode, errorMessage, the raw XML body, requestId, hostId and the headers with the x-obs- prefix stripped ('request-id', 'id-2'). Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
'obs-python-sdk-refused': E('obspy','obs',None,None,'client',
  "traceback.format_exc() of getObject against a closed port: the connection is refused already in the SDK's signature negotiation (HEAD ?apiversion); the host is not printed, the only evidence is the SDK's module path (site-packages/obs/client.py)."),
# ---------------- esdk-obs-nodejs
'obs-nodejs-sdk-unavailable': E('obsnode','obs','ServiceUnavailable',503,'service',
  "getObject answered 503 ServiceUnavailable, result.CommonMsg printed the way the SDK docs do (Status-->, Code-->, Message-->, HostId-->, RequestId-->). Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
'obs-nodejs-sdk-head404': E('obsnode','obs',None,404,'service',
  "getObjectMetadata (HEAD) of a missing key printed docs-style: Code, Message and HostId are empty, Status 404 and the RequestId (from x-obs-request-id) are printed. Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
'obs-nodejs-sdk-log-result': E('obsnode','obs','AccessDenied',403,'service',
  "console.log(result) of getObject on a denied key: the CommonMsg object (Status, Code, Message, HostId, RequestId, InterfaceResult, QosDelayTime, Id2, Indicator). Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
'obs-nodejs-sdk-dns': E('obsnode','obs',None,None,'client',
  "getObject with an unresolvable endpoint, err printed docs-style: 'Error-->Error: getaddrinfo ENOTFOUND' with the myhuaweicloud.com host."),
# ---------------- boto3
's3-boto3-cos-nosuchkey': E('boto3',None,'NoSuchKey',None,'service',
  "Uncaught botocore NoSuchKey of get_object against the COS endpoint: no host, status or request ID in the text, so provider is null."),
's3-boto3-cos-head404': E('boto3',None,None,404,'service',
  "Uncaught ClientError of head_object on a missing key: 'An error occurred (404) when calling the HeadObject operation: Not Found' - a bodiless 404, no code, no request ID (COS sends x-cos-request-id, which botocore does not read)."),
's3-boto3-cos-slowdown': E('boto3',None,'SlowDown',None,'service',
  "Uncaught ClientError of get_object answered 503 SlowDown, 'reached max retries: 2' (standard retry mode, max_attempts 2). The status is not printed."),
's3-boto3-obs-signature': E('boto3',None,'SignatureDoesNotMatch',None,'service',
  "Uncaught ClientError of get_object against the OBS endpoint answered 403 SignatureDoesNotMatch. No status, host or request ID in the text."),
's3-boto3-proxy502': E('boto3',None,None,502,'proxy',
  "Uncaught ClientError of get_object answered by an nginx 502 HTML page: 'An error occurred (502) ... (reached max retries: 1): Bad Gateway'. Only the status and its reason say a gateway answered; the page is not shown."),
's3-boto3-timeout': E('boto3','cos',None,None,'client',
  "Uncaught ReadTimeoutError chain (TimeoutError -> urllib3 -> botocore) of get_object with read_timeout=3 against a server that never answers; the endpoint URL (myqcloud.com) is in the last line."),
# ---------------- awscli
's3-awscli-cos-getobject-nosuchkey': E('awscli',None,'NoSuchKey',None,'service',
  "aws s3api get-object of a missing key against the COS endpoint: awscli's stderr, a blank line and one line with the code and message; no status, host or request ID."),
's3-awscli-cos-cp-head404': E('awscli',None,None,404,'service',
  "aws s3 cp of a missing key: awscli HEADs first and prints 'fatal error: An error occurred (404) when calling the HeadObject operation: Key \"missing.txt\" does not exist' (awscli's own message for a bodiless 404)."),
's3-awscli-cos-cp-upload-accessdenied': E('awscli',None,'AccessDenied',None,'service',
  "aws s3 cp upload answered 403 AccessDenied: the progress line ends with a carriage return and is overwritten by 'upload failed: ... An error occurred (AccessDenied) ...'. The transfer rate in the progress line varies between runs."),
's3-awscli-obs-getobject-signature': E('awscli',None,'SignatureDoesNotMatch',None,'service',
  "aws s3api get-object against the OBS endpoint answered 403 SignatureDoesNotMatch; no status, host or request ID."),
's3-awscli-proxy-504': E('awscli',None,None,504,'proxy',
  "aws s3api get-object answered by an openresty 504 Gateway Time-out page: '(504) ... (reached max retries: 4): Gateway Timeout'. Only the status says a gateway answered."),
's3-awscli-dns': E('awscli','cos',None,None,'client',
  "aws s3 ls with an unresolvable endpoint: 'Could not connect to the endpoint URL: \"http://cos.ap-nowhere.myqcloud.com/...\"' (awscli prints the same line for a refused connection)."),
's3-awscli-cos-debug-head403': E('awscli','cos',None,403,'service',
  "aws --debug s3api head-object on a denied key: the whole debug log (signing, the request, 'HEAD ... 403 0', the response headers dict with Server: tencent-cos and x-cos-request-id, the empty body b'', the ClientError traceback) and the final 'An error occurred (403) when calling the HeadObject operation: Forbidden'. The fake credentials' signature is in the log."),
# ---------------- AWS CLI v2 (Debian)
's3-awscli2-cos-getobject-nosuchkey': E('awscli2',None,'NoSuchKey',None,'service',
  "AWS CLI v2 aws s3api get-object of a missing key against the COS endpoint: a blank line and the code and message; no status, host or request ID."),
's3-awscli2-obs-ls-nosuchbucket': E('awscli2',None,'NoSuchBucket',None,'service',
  "AWS CLI v2 aws s3 ls of a missing bucket against the OBS endpoint: a blank line and 'An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: ...'; nothing names OBS."),
's3-awscli2-proxy-502': E('awscli2',None,None,502,'proxy',
  "AWS CLI v2 aws s3 cp of a key answered by an nginx 502 page: awscli HEADs first, 'fatal error: An error occurred (502) when calling the HeadObject operation (reached max retries: 2): Bad Gateway'. Only the status says a gateway answered."),
's3-awscli2-refused': E('awscli2','cos',None,None,'client',
  "AWS CLI v2 aws s3 ls against a closed port: 'Could not connect to the endpoint URL: \"http://cos.ap-beijing.myqcloud.com/...\"'."),
# ---------------- @aws-sdk/client-s3
's3-aws-sdk-js-cos-nosuchkey': E('awsjs','cos','NoSuchKey',404,'service',
  "console.log(err) of GetObjectCommand on a missing key: the NoSuchKey error with stack, $metadata (httpStatusCode, requestId) and the body's fields (Code, Resource with the myqcloud.com host, RequestId, TraceId). The SDK's warning about Node.js < 22 comes first (its pid varies)."),
's3-aws-sdk-js-cos-head404': E('awsjs',None,None,404,'service',
  "console.log(err) of HeadObjectCommand on a missing key: 'NotFound: UnknownError' (the SDK's names for a bodiless 404) with httpStatusCode 404 and requestId undefined - COS's x-cos-request-id is not read. Preceded by the SDK's Node.js version warning."),
's3-aws-sdk-js-obs-nosuchbucket': E('awsjs','obs','NoSuchBucket',404,'service',
  "console.log(err) of ListObjectsV2Command on a missing bucket against the OBS endpoint: $metadata with requestId and extendedRequestId (x-amz-request-id / x-amz-id-2, which OBS sends to an AWS-signed request) and the body's Code, RequestId, HostId, BucketName. Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
's3-aws-sdk-js-proxy502': E('awsjs',None,None,502,'proxy',
  "console.log(err) of GetObjectCommand answered by an nginx 502 HTML page: '@aws-sdk XML parse error: mismatched tags <hr> and </body>' with httpStatusCode 502; the page itself is hidden in $response."),
's3-aws-sdk-js-refused': E('awsjs',None,None,None,'client',
  "console.log(err) of GetObjectCommand against a closed port: 'Error: connect ECONNREFUSED 127.0.0.3:80' (no host name). Preceded by the SDK's Node.js version warning."),
# ---------------- minio
's3-minio-py-cos-nosuchkey': E('miniopy','cos','NoSuchKey',None,'service',
  "Uncaught minio S3Error of get_object on a missing key: code, message, resource (with the myqcloud.com host), request_id, host_id None. No status."),
's3-minio-py-cos-head404': E('miniopy',None,'NoSuchKey',None,'service',
  "Uncaught minio S3Error of stat_object (HEAD) on a missing key: minio makes up code NoSuchKey and 'Object does not exist' for the bodiless 404; request_id None (COS's x-cos-request-id is not read). No status, no host."),
's3-minio-py-proxy502': E('miniopy',None,None,502,'proxy',
  "Uncaught minio InvalidResponseError: 'non-XML response from server; Response code: 502, Content-Type: text/html, Body:' and the nginx page."),
's3-minio-js-obs-accessdenied': E('miniojs','obs','AccessDenied',None,'service',
  "console.log(err) of statObject (HEAD) on a denied key against the OBS endpoint: S3Error 'Valid and authorized credentials required' (minio's words for a bodiless 403) with code AccessDenied, amzRequestid and amzId2 (OBS sends x-amz-* to an AWS-signed request). No status. Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
's3-minio-js-proxy502': E('miniojs',None,None,502,'proxy',
  "console.log(err) of getObject answered by an nginx 502 page: a timestamped retry line and 'Error: Request failed after 1 retries: Error: Retryable HTTP status: 502'. Only the status says a gateway answered."),
# ---------------- s3cmd
's3-s3cmd-cos-get-nosuchkey': E('s3cmd',None,None,None,'service',
  "s3cmd get of a missing key: s3cmd HEADs first and prints only \"ERROR: Parameter problem: Source object '...' does not exist.\" - no status, code or request ID."),
's3-s3cmd-cos-put-accessdenied': E('s3cmd',None,'AccessDenied',403,'service',
  "s3cmd put answered 403 AccessDenied: 'ERROR: S3 error: 403 (AccessDenied): Access Denied.'"),
's3-s3cmd-cos-ls-nosuchbucket': E('s3cmd',None,'NoSuchBucket',404,'service',
  "s3cmd ls of a missing bucket: two ERROR lines for the one failed request (s3cmd's own 'Bucket ... does not exist' and 'S3 error: 404 (NoSuchBucket): ...')."),
's3-s3cmd-cos-get-slowdown': E('s3cmd',None,None,503,'service',
  "s3cmd get answered 503 (to its HEAD, so no body): five 'WARNING: Retrying failed request ... (503 (Service Unavailable))' / 'Waiting N sec...' pairs and 'ERROR: S3 error: 503 (Service Unavailable)' - the same request retried, one error. No code (the HEAD has no body)."),
's3-s3cmd-obs-get-signature': E('s3cmd',None,None,403,'service',
  "s3cmd get against the OBS endpoint answered 403 SignatureDoesNotMatch, but s3cmd HEADs first and the bodiless 403 leaves only 'ERROR: S3 error: 403 (Forbidden)'."),
's3-s3cmd-dns': E('s3cmd',None,None,None,'client',
  "s3cmd ls with an unresolvable host_base: '[Errno -2] Name or service not known' and s3cmd's 'Connection Error: Error resolving a server hostname.' hint; the host is not printed."),
# ---------------- rclone
's3-rclone-cos-copyto-accessdenied': E('rclone',None,'AccessDenied',403,'service',
  "rclone copyto --no-check-dest (no HEAD, the PUT's XML body is read) answered 403 AccessDenied: three lines for the one attempt, each with 'status code: 403, request id: , host id: ' - the request ID is empty because COS sends x-cos-request-id, not x-amz-request-id."),
's3-rclone-cos-copyto-head403': E('rclone',None,None,403,'service',
  "rclone copyto (HEAD of the destination first) answered a bodiless 403: 'Forbidden: Forbidden' with 'status code: 403, request id: , host id: ' for each of 3 attempts and the final 'Failed to copyto' - the same error repeated; no code, no request ID."),
's3-rclone-obs-copyto-signature': E('rclone','obs','SignatureDoesNotMatch',403,'service',
  "rclone copyto --no-check-dest to the HuaweiOBS remote answered 403 SignatureDoesNotMatch; the request ID and host ID come from the x-amz-* headers OBS sends to an AWS-signed request. One attempt, reported three times. Provider obs from the request ID's shape alone (32 hex digits, milliseconds first; weak evidence)."),
's3-rclone-cos-ls-nosuchbucket': E('rclone',None,None,None,'service',
  "rclone ls of a missing bucket (404 NoSuchBucket): rclone prints only 'Failed to ls: directory not found' (exit 3) - no code, status or request ID."),
's3-rclone-proxy-502': E('rclone',None,None,None,'proxy',
  "rclone copyto --no-check-dest answered by an nginx 502 page: 'expected element type <Error> but have <html>' three times; neither the status nor the page is shown, only that HTML came back."),
's3-rclone-timeout': E('rclone','cos',None,None,'client',
  "rclone ls with --timeout 3s against a server that never answers: 'RequestError: send request failed caused by: Get \"http://...cos.ap-shanghai.myqcloud.com/...\": net/http: timeout awaiting response headers'."),
's3-rclone-cos-vv-accessdenied': E('rclone','cos','AccessDenied',403,'service',
  "rclone -vv --dump headers,bodies copyto --no-check-dest answered 403 AccessDenied: the dumped PUT request and the response (Server: tencent-cos, X-Cos-Request-Id, the XML body), then rclone's error lines whose 'request id: ' is empty. Paths, dates and the mtime header vary between runs."),
# ---------------- curl
'cos-curl-i-nosuchkey': E('curl','cos','NoSuchKey',404,'service',
  "curl -i of a missing key: status line, COS headers and the XML error body."),
'cos-curl-i-timeskewed': E('curl','cos','RequestTimeTooSkewed',403,'service',
  "curl -i answered 403 RequestTimeTooSkewed: status line, headers, XML body."),
'cos-curl-i-empty500': E('curl','cos',None,500,'service',
  "curl -i answered 500 Internal Server Error with an empty body: only the status line and the headers (Server: tencent-cos, x-cos-request-id)."),
'cos-curl-v-head404': E('curl','cos',None,404,'service',
  "curl -v -I of a missing key: the verbose trace (> request, < response headers) and then the same headers again on stdout; no body."),
'ci-curl-i-slowdown': E('curl','ci','SlowDown',429,'service',
  "curl -i GET /queue on the CI host answered 429 SlowDown: Server: tencent-ci, x-ci-request-id and the <Error> body."),
'ci-curl-v-invalidargument': E('curl','ci','InvalidArgument',400,'service',
  "curl -v POST /jobs on the CI host answered 400 with a <Response> root holding Code InvalidArgument, Message, RequestId, TraceId; the verbose trace shows the ci.ap-guangzhou.myqcloud.com host."),
'ci-curl-i-image-errno': E('curl','ci','-46618',403,'service',
  "curl -i of an image with an imageMogr2 rule answered 403 with an empty body and X-ErrNo: -46618 (Server: tencent-cos, x-cos-request-id)."),
'obs-curl-i-accessdenied': E('curl','obs','AccessDenied',403,'service',
  "curl -i of a denied key on the OBS host: Server: OBS, x-obs-request-id, x-obs-id-2 and the one-line XML body."),
'obs-curl-v-head404': E('curl','obs',None,404,'service',
  "curl -v -I of a missing key on the OBS host: verbose trace and the headers again on stdout (x-obs-request-id, x-obs-id-2), no body."),
'proxy-curl-i-nginx-502': E('curl',None,None,502,'proxy',
  "curl -i answered by an nginx 502 Bad Gateway page (Server: nginx, text/html); curl -i does not print the host, so provider is null."),
'proxy-curl-v-openresty-504': E('curl','cos',None,504,'proxy',
  "curl -v to the COS host answered by an openresty 504 Gateway Time-out page: the verbose trace names the myqcloud.com host, the response is Server: openresty and HTML."),
'proxy-curl-i-nginx-413': E('curl',None,None,413,'proxy',
  "curl -i -T of a 64 KiB file answered by an nginx 413 Request Entity Too Large page (Connection: close, no 100 Continue)."),
'client-curl-dns': E('curl','cos',None,None,'client',
  "curl -sS -i with a host that does not resolve: 'curl: (6) Could not resolve host: ...myqcloud.com' (exit 6)."),
'client-curl-refused': E('curl','cos',None,None,'client',
  "curl -sS -i against a closed port: 'curl: (7) Failed to connect to ...myqcloud.com port 80 after 0 ms: Couldn't connect to server' (exit 7)."),
'client-curl-timeout': E('curl',None,None,None,'client',
  "curl -sS -i -m 3 against a server that accepts and never answers: 'curl: (28) Operation timed out after 3001 milliseconds with 0 bytes received' (exit 28); the host is not printed and the milliseconds vary."),
}


def source(key, v):
    name, where = CLIENTS[key]
    if where == "PyPI":
        s = "%s %s (PyPI)" % (name, v["pypi"][name])
        if name == "coscmd":
            s += ", with cos-python-sdk-v5 %s" % v["pypi"]["cos-python-sdk-v5"]
        if name == "boto3":
            s += ", botocore %s" % v["pypi"]["botocore"]
        if name == "awscli":
            s += ", its bundled botocore %s" % v["awscli_botocore"]
        return s + ", Python " + v["python"]
    if where == "npm":
        return "%s %s (npm), Node.js %s" % (name, v["npm"][name], v["node"].lstrip("v"))
    return "%s %s (%s)" % (name, v["debian"][name], v["debian_release"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ids", required=True)
    ap.add_argument("--versions", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    versions = json.load(open(args.versions))
    error_ids = []
    with open(args.ids) as f:
        for line in f:
            rec = json.loads(line)
            if rec["status"] >= 400:
                error_ids.append(rec["request_id"])
    error_ids = list(dict.fromkeys(error_ids))

    bad = 0
    for name in args.names:
        if name not in EXPECTED:
            print("sidecars.py: %s: not in EXPECTED, no sidecar written" % name, file=sys.stderr)
            bad += 1
            continue
        c = EXPECTED[name]
        text = open(os.path.join(args.dir, name + ".txt"), encoding="utf-8", errors="replace").read()
        shown = sorted((text.find(i), i) for i in error_ids if i in text)
        for what in ("code", "status"):
            if c[what] is not None and str(c[what]) not in text:
                print("sidecars.py: %s: %s %r is not in the text any more" % (name, what, c[what]),
                      file=sys.stderr)
                bad += 1
        if "request ID's shape" in c["notes"] and not shown:
            print("sidecars.py: %s: provider rests on a request ID the text no longer shows" % name,
                  file=sys.stderr)
            bad += 1
        if not text.strip():
            print("sidecars.py: %s: the capture is empty" % name, file=sys.stderr)
            bad += 1
        sidecar = {
            "source": source(c["src"], versions),
            "provider": c["provider"],
            "code": c["code"],
            "status": c["status"],
            "request_ids": [i for _, i in shown],
            "origin": c["origin"],
            "is_error": c["is_error"],
            "notes": c["notes"] + " " + HOW,
            "known_miss": None,
        }
        with open(os.path.join(args.dir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(sidecar, f, indent=2, ensure_ascii=False)
            f.write("\n")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
