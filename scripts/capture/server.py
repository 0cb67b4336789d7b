#!/usr/bin/env python3
"""Loopback imitation of COS, CI and OBS error responses, for scripts/capture/run.sh.

Standard library only. It answers every request with the documented error
response of one scenario, chosen from the request itself:

* the provider comes from the Host header:
    *.ci.<region>.myqcloud.com          -> CI
    *.myqcloud.com, *.tencentcos.cn     -> COS
    *.myhuaweicloud.com                 -> OBS
* the scenario comes from a word in the bucket name or the object key
  (see SCENARIOS below), e.g. GET /missing.txt on a COS host is NoSuchKey,
  a request to bucket nosuchbucket-1250000000 is NoSuchBucket, GET
  /bad-gateway.txt is an nginx 502 page whatever the host.
  On a CI host, GET /queue is a 429 SlowDown (<Error> body, as the CI
  error page documents) and POST /jobs a 400 InvalidArgument whose body has
  a <Response> root (the paths cos-python-sdk-v5 and cos-nodejs-sdk-v5 use).
* anything else is a bland success (an empty listing, an empty object), so
  that a client's preliminary requests go through.

Request IDs have the real shapes and carry the time they were issued, as
the services' IDs do (COS/CI: base64 of "<hex Unix seconds>_<hex>_<hex>_<hex>";
OBS: 32 hex digits, the first 16 the Unix milliseconds); each response gets
a new one, retries included. With --ids FILE every issued request ID is
appended to FILE with its status, which run.sh uses to fill the request_ids
of the .json sidecars.

A second, optional listener (--hang HOST:PORT) accepts connections and never
answers: the timeout scenarios point there.

A third, optional one (--dns HOST:PORT) is a UDP resolver that answers
NXDOMAIN to every query, so that a host missing from the namespace's hosts
file fails as an unknown name does on a real network.

Usage: server.py [--bind 127.0.0.1] [--port 80] [--hang 127.0.0.2:80]
                 [--dns 127.0.0.1:53] [--log FILE] [--ids FILE]
"""

import argparse
import base64
import json
import secrets
import socket
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# word in bucket or key -> scenario
SCENARIOS = [
    ("nosuchbucket", "nosuchbucket"),
    ("bad-gateway", "proxy502"),
    ("gateway-timeout", "proxy504"),
    ("too-large", "proxy413"),
    ("imageerr", "errno"),
    ("denied", "denied"),
    ("badsig", "badsig"),
    ("missing", "missing"),
    ("throttled", "throttled"),
    ("unavailable", "throttled"),
    ("badarg", "badarg"),
    ("skewed", "skewed"),
    ("empty500", "empty500"),
]

NGINX_PAGE = (
    "<html>\r\n<head><title>{status}</title></head>\r\n<body>\r\n"
    "<center><h1>{status}</h1></center>\r\n<hr><center>{server}</center>\r\n"
    "</body>\r\n</html>\r\n"
)

# (status, code, message) of each XML scenario, per provider
COS_ERRORS = {
    "denied": (403, "AccessDenied", "Access Denied."),
    "badsig": (403, "SignatureDoesNotMatch", "The Signature you specified is invalid."),
    "missing": (404, "NoSuchKey", "The specified key does not exist."),
    "nosuchbucket": (404, "NoSuchBucket", "The specified bucket does not exist."),
    "throttled": (503, "SlowDown", "Please reduce your request rate."),
    "badarg": (400, "InvalidArgument", "Invalid argument."),
    "skewed": (403, "RequestTimeTooSkewed",
               "The difference between the request time and the server's time is too large."),
}
CI_ERRORS = {
    "throttled": (429, "SlowDown", "Please reduce your request rate."),
    "badarg": (400, "InvalidArgument", "Tag is invalid."),
    "denied": (403, "AccessDenied", "Access Denied."),
    "missing": (404, "NoSuchKey", "The specified key does not exist."),
}
OBS_ERRORS = {
    "denied": (403, "AccessDenied", "Access Denied"),
    "badsig": (403, "SignatureDoesNotMatch",
               "The request signature we calculated does not match the signature you provided. "
               "Check your key and signing method."),
    "missing": (404, "NoSuchKey", "The specified key does not exist."),
    "nosuchbucket": (404, "NoSuchBucket", "The specified bucket does not exist"),
    "throttled": (503, "ServiceUnavailable", "Please reduce your request rate."),
    "badarg": (400, "InvalidArgument", "Invalid Argument"),
    "skewed": (403, "RequestTimeTooSkewed",
               "The difference between the request time and the current time is too large."),
}

# CI image download processing code for "imageerr": signature verification failed
CI_ERRNO = "-46618"


def cos_request_id():
    """base64 of <8 hex: Unix seconds>_<8 hex>_<4 hex>_<7 hex>, the shape of
    a COS / CI request ID (its first part is when the request arrived)."""
    raw = "%08x_%s_%s_%s" % (int(time.time()), secrets.token_hex(4), secrets.token_hex(2),
                             secrets.token_hex(4)[:7])
    return base64.b64encode(raw.encode()).decode()


def cos_trace_id():
    return base64.b64encode(secrets.token_hex(56).encode()).decode()


def obs_request_id():
    """32 upper-case hex digits, the first 16 the arrival in Unix ms."""
    return "%016X%s" % (int(time.time() * 1000), secrets.token_hex(8).upper())


def obs_id2():
    return "32AAAQAAEAABAAAQAAEAABAAAQAAEAABCS" + base64.b64encode(secrets.token_bytes(21)).decode()


def provider_of(host):
    host = host.split(":")[0].lower()
    if host.endswith(".myhuaweicloud.com"):
        return "obs"
    if ".ci." in "." + host and (host.endswith(".myqcloud.com") or host.endswith(".tencentcos.cn")):
        return "ci"
    if host.endswith(".myqcloud.com") or host.endswith(".tencentcos.cn"):
        return "cos"
    return "cos"


def scenario_of(host, path, method, provider):
    low = (host.split(":")[0] + path).lower()
    for word, name in SCENARIOS:
        if word in low:
            return name
    if provider == "ci":
        if path.startswith("/queue"):
            return "throttled"
        if path.startswith("/jobs") and method == "POST":
            return "badarg"
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "tencent-cos"
    sys_version = ""

    def log_message(self, fmt, *args):
        log = self.server.logfile
        if log:
            log.write("%s %s\n" % (self.address_string(), fmt % args))
            log.flush()

    def handle_expect_100(self):
        # like nginx with client_max_body_size: no "100 Continue" for a body
        # that is going to be refused
        if "too-large" in self.path.lower():
            return True
        return super().handle_expect_100()

    def version_string(self):
        return self.server_version

    # -- body handling -------------------------------------------------

    def drain_body(self):
        te = self.headers.get("Transfer-Encoding", "")
        if "chunked" in te.lower():
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                size = int(line.split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    # trailers until blank line
                    while True:
                        t = self.rfile.readline()
                        if not t or t in (b"\r\n", b"\n"):
                            return
                self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        while n > 0:
            chunk = self.rfile.read(min(n, 65536))
            if not chunk:
                return
            n -= len(chunk)

    def reply(self, status, headers, body=b"", reason=None):
        if isinstance(body, str):
            body = body.encode()
        self.record_ids(status, headers)
        self.send_response_only(status, reason)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)
        self.wfile.flush()

    def record_ids(self, status, headers):
        """Append the request ID of this response to the --ids file (JSON
        lines), so that run.sh can tell which IDs in a capture are the IDs
        of errors."""
        log = self.server.idlog
        if not log:
            return
        for k, v in headers:
            if k.lower() in ("x-cos-request-id", "x-ci-request-id", "x-obs-request-id", "x-amz-request-id"):
                line = json.dumps({"request_id": v, "status": status, "method": self.command,
                                   "host": self.headers.get("Host", ""), "path": self.path})
                with self.server.idlock:
                    log.write(line + "\n")
                    log.flush()

    def date(self):
        return formatdate(time.time(), usegmt=True)

    # -- dispatch ------------------------------------------------------

    def do_GET(self):
        self.handle_any()

    do_HEAD = do_PUT = do_POST = do_DELETE = do_OPTIONS = do_GET

    def handle_any(self):
        host = self.headers.get("Host", "")
        split = urlsplit(self.path)
        path, query = split.path, split.query
        provider = provider_of(host)
        scenario = scenario_of(host, path, self.command, provider)

        if scenario == "proxy413":
            # nginx answers at once, then reads what the client still sends
            # (lingering close) and closes
            self.close_connection = True
            self.proxy_page(413, "Request Entity Too Large", "nginx",
                            extra=[("Connection", "close")])
            self.connection.settimeout(2)
            try:
                self.drain_body()
            except OSError:
                pass
            return
        self.drain_body()

        if scenario == "proxy502":
            return self.proxy_page(502, "Bad Gateway", "nginx")
        if scenario == "proxy504":
            return self.proxy_page(504, "Gateway Time-out", "openresty")

        if provider == "obs" and "apiversion" in query:
            # esdk-obs signature negotiation: say this is an OBS 3.0 endpoint
            return self.reply(200, [("Server", "OBS"), ("x-obs-api", "3.0")] +
                              self.obs_ids() + [("Date", self.date())])

        if scenario is None:
            return self.success(provider, host, path, query)
        if provider == "obs":
            return self.obs_error(scenario, host, path)
        if provider == "ci" and scenario in CI_ERRORS:
            return self.ci_error(scenario)
        return self.cos_error(scenario, host, path)

    # -- responses -----------------------------------------------------

    def proxy_page(self, status, reason, server, extra=()):
        title = "%d %s" % (status, reason)
        body = NGINX_PAGE.format(status=title, server=server)
        headers = [("Server", server), ("Date", self.date()), ("Content-Type", "text/html")]
        if not extra:
            headers.append(("Connection", "keep-alive"))
        headers.extend(extra)
        # nginx sends Content-Length before Connection; keep that order
        self.send_response_only(status, reason)
        for k, v in headers[:3]:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers[3:]:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body.encode())
        self.wfile.flush()

    def success(self, provider, host, path, query):
        server = {"obs": "OBS", "ci": "tencent-ci"}.get(provider, "tencent-cos")
        ids = self.obs_ids() if provider == "obs" else [
            ("x-cos-request-id", cos_request_id())]
        body = b""
        ctype = "application/octet-stream"
        if self.command == "GET" and (path in ("", "/") or "list-type" in query or "prefix" in query):
            body = (b'<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult>'
                    b"<Name>examplebucket</Name><Prefix></Prefix><Marker></Marker>"
                    b"<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>")
            ctype = "application/xml"
        self.reply(200, [("Content-Type", ctype), ("Connection", "keep-alive"),
                         ("Date", self.date()), ("Server", server)] + ids, body)

    def obs_ids(self):
        auth = self.headers.get("Authorization", "")
        # OBS answers an AWS-signed request with x-amz-* headers, an
        # OBS-signed (or anonymous) one with x-obs-* (esdk-obs picks the
        # header prefix from the signature it used)
        prefix = "x-amz-" if auth.startswith(("AWS4-HMAC-SHA256", "AWS ")) else "x-obs-"
        return [(prefix + "request-id", obs_request_id()), (prefix + "id-2", obs_id2())]

    def cos_error(self, scenario, host, path):
        rid, tid = cos_request_id(), cos_trace_id()
        base = [("Connection", "keep-alive"), ("Date", self.date()), ("Server", "tencent-cos")]
        if scenario == "empty500":
            return self.reply(500, [("Content-Type", "application/xml")] + base +
                              [("x-cos-request-id", rid)])
        if scenario == "errno":
            return self.reply(403, [("Content-Type", "application/xml")] + base +
                              [("X-ErrNo", CI_ERRNO), ("x-cos-request-id", rid)])
        status, code, message = COS_ERRORS[scenario]
        if self.command == "HEAD":
            # no body; only the request id (x-cos-error-code is documented
            # for vector buckets only)
            return self.reply(status, [("Content-Type", "application/xml")] + base +
                              [("x-cos-request-id", rid), ("x-cos-trace-id", tid)])
        resource = host.split(":")[0] + path
        body = ("<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n"
                "\t<Code>%s</Code>\n\t<Message>%s</Message>\n\t<Resource>%s</Resource>\n"
                "\t<RequestId>%s</RequestId>\n\t<TraceId>%s</TraceId>\n</Error>"
                % (code, xml_escape(message), xml_escape(resource), rid, tid))
        self.reply(status, [("Content-Type", "application/xml")] + base +
                   [("x-cos-request-id", rid), ("x-cos-trace-id", tid)], body)

    def ci_error(self, scenario):
        """A CI API error. The CI API error page documents an <Error> body
        (Code, Message, RequestId, TraceId), which is what the SDKs parse;
        the 400 of POST /jobs answers a <Response> root instead, the shape
        some CI job APIs wrap their answers in."""
        rid, tid = cos_request_id(), cos_trace_id()
        status, code, message = CI_ERRORS[scenario]
        headers = [("Content-Type", "application/xml"), ("Connection", "keep-alive"),
                   ("Date", self.date()), ("Server", "tencent-ci"), ("x-ci-request-id", rid)]
        if self.command == "HEAD":
            return self.reply(status, headers)
        if scenario == "badarg":
            body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n"
                    "    <Code>%s</Code>\n    <Message>%s</Message>\n"
                    "    <RequestId>%s</RequestId>\n    <TraceId>%s</TraceId>\n</Response>\n"
                    % (code, xml_escape(message), rid, tid))
        else:
            body = ("<?xml version='1.0' encoding='utf-8' ?>\n<Error>\n"
                    "\t<Code>%s</Code>\n\t<Message>%s</Message>\n"
                    "\t<RequestId>%s</RequestId>\n\t<TraceId>%s</TraceId>\n</Error>"
                    % (code, xml_escape(message), rid, tid))
        self.reply(status, headers, body)

    def obs_error(self, scenario, host, path):
        ids = self.obs_ids()
        base = [("Server", "OBS"), ("Content-Type", "application/xml"), ("Date", self.date())]
        if scenario == "empty500":
            return self.reply(500, base + ids)
        status, code, message = OBS_ERRORS.get(scenario, OBS_ERRORS["denied"])
        if self.command == "HEAD":
            return self.reply(status, base + ids)
        rid, id2 = ids[0][1], ids[1][1]
        extra = ""
        if scenario == "missing":
            extra = "<Key>%s</Key>" % xml_escape(object_key(host, path))
        elif scenario == "nosuchbucket":
            extra = "<BucketName>%s</BucketName>" % xml_escape(bucket_name(host, path))
        body = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                "<Error><Code>%s</Code><Message>%s</Message><RequestId>%s</RequestId>"
                "<HostId>%s</HostId>%s</Error>" % (code, xml_escape(message), rid, id2, extra))
        self.reply(status, base + ids, body)


def bucket_name(host, path):
    h = host.split(":")[0]
    if h.startswith("obs.") or h.startswith("cos."):
        return path.lstrip("/").split("/")[0]
    return h.split(".")[0]


def object_key(host, path):
    h = host.split(":")[0]
    p = path.lstrip("/")
    if h.startswith("obs.") or h.startswith("cos."):
        p = p.split("/", 1)[1] if "/" in p else ""
    return p


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")


def hang_forever(addr, port):
    """Accept connections and never answer (for client timeouts)."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((addr, port))
    srv.listen(64)
    held = []
    while True:
        conn, _ = srv.accept()
        held.append(conn)  # keep it open, read nothing, say nothing


def nxdomain_forever(addr, port):
    """Answer every DNS query with NXDOMAIN, as a resolver does for a name
    that does not exist (so clients print their 'not known' error, not a
    'temporary failure')."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((addr, port))
    while True:
        data, peer = sock.recvfrom(4096)
        if len(data) < 12:
            continue
        qid, flags, qdcount = data[0:2], data[2:4], int.from_bytes(data[4:6], "big")
        # end of the first question: labels, then QTYPE and QCLASS
        i = 12
        while i < len(data) and data[i] != 0:
            i += data[i] + 1
        question = data[12:i + 5] if qdcount else b""
        rd = flags[0] & 0x01
        resp = (qid + bytes([0x80 | rd, 0x80 | 0x03]) +
                (1 if question else 0).to_bytes(2, "big") + b"\x00\x00" * 3 + question)
        sock.sendto(resp, peer)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=80)
    ap.add_argument("--hang", help="HOST:PORT of a listener that accepts and never answers")
    ap.add_argument("--dns", help="HOST:PORT of a UDP resolver that answers NXDOMAIN to everything")
    ap.add_argument("--log", help="file for the request log")
    ap.add_argument("--ids", help="file to append the request ID of every response to (JSON lines)")
    args = ap.parse_args()

    if args.hang:
        h, p = args.hang.rsplit(":", 1)
        threading.Thread(target=hang_forever, args=(h, int(p)), daemon=True).start()

    if args.dns:
        h, p = args.dns.rsplit(":", 1)
        threading.Thread(target=nxdomain_forever, args=(h, int(p)), daemon=True).start()

    httpd = ThreadingHTTPServer((args.bind, args.port), Handler)
    httpd.daemon_threads = True
    httpd.logfile = open(args.log, "a") if args.log else None
    httpd.idlog = open(args.ids, "a") if args.ids else None
    httpd.idlock = threading.Lock()
    print("serving on %s:%d" % (args.bind, args.port), file=sys.stderr, flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
