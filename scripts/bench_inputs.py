#!/usr/bin/env python3
"""Generate the deterministic benchmark inputs used by scripts/bench.sh.

Usage:  python3 scripts/bench_inputs.py KIND SIZE OUT [--seed N]

KIND
  bodies  concatenated, pretty-printed COS XML error bodies, each with its
          own <?xml ...?> declaration (about 9 lines per body).  Used for
          `coserr decode --json` (input a) and for the peak-RSS run (input c).
  log     an application log in which exactly one line in every 100 holds a
          one-line COS XML error body in the middle of the line; the other
          99 are ordinary log text of similar length that holds no error.
          Used for `coserr decode --summary` (input b).
SIZE      target size in bytes (suffixes K, M, G = 10^3, 10^6, 10^9 and
          KiB, MiB, GiB = 2^10, 2^20, 2^30).  Output stops at the last whole
          body or line that fits, so the file is at most SIZE bytes.
OUT       output path.  A sidecar OUT.stamp records the parameters, this
          script's SHA-256 and the size written; if it matches and OUT has
          that size, nothing is regenerated.

Same arguments, same bytes: everything comes from random.Random(seed).
Python 3.11+, standard library only.  Throughput is roughly 40-60 MB/s.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import random
import sys

DEFAULT_SEED = 20261125
# 2026-11-25T00:00:00Z; request IDs and log timestamps start here.
T0 = 1795564800

# (code, HTTP status, message, weight). Messages follow what COS returns.
COS_ERRORS = [
    ("NoSuchKey", 404, "The specified key does not exist.", 30),
    ("AccessDenied", 403, "Access Denied.", 16),
    ("SlowDown", 503, "Please reduce your request rate.", 10),
    ("SignatureDoesNotMatch", 403,
     "The Signature you specified is invalid.", 8),
    ("NoSuchBucket", 404, "The specified bucket does not exist.", 6),
    ("RequestTimeTooSkewed", 403,
     "The difference between the request time and the server's time is too large.", 5),
    ("InvalidAccessKeyId", 403,
     "The access key Id format you provided is invalid, please check.", 4),
    ("InternalError", 500,
     "We encountered an internal error. Please try again.", 4),
    ("ServiceUnavailable", 503, "Service is unavailable now, please try again later.", 3),
    ("NoSuchUpload", 404,
     "The specified multipart upload does not exist. The upload ID might be invalid, "
     "or the multipart upload might have been aborted or completed.", 3),
    ("EntityTooLarge", 400,
     "Your proposed upload exceeds the maximum allowed object size.", 2),
    ("PreconditionFailed", 412,
     "At least one of the preconditions you specified did not hold.", 2),
    ("InvalidArgument", 400, "Invalid argument: x-cos-storage-class.", 2),
    ("KeyTooLong", 400, "Your key is too long.", 1),
    ("MethodNotAllowed", 405,
     "The specified method is not allowed against this resource.", 1),
    ("NoSuchVersion", 404,
     "The specified version does not exist.", 1),
    ("RequestTimeout", 400,
     "Your socket connection to the server was not read from or written to "
     "within the timeout period.", 2),
]

BUCKETS = [
    "examplebucket-1250000000", "media-prod-1301234567", "logs-archive-1255555555",
    "user-uploads-1309876543", "backup-1251111111", "static-assets-1300000001",
]
REGIONS = ["ap-guangzhou", "ap-beijing", "ap-shanghai", "ap-chengdu",
           "ap-singapore", "ap-hongkong", "na-siliconvalley"]
DIRS = ["images", "video/raw", "video/hls", "docs", "avatars", "exports/2026",
        "tmp", "thumbnails/320x240", "backups/db", "logs/app"]
EXTS = ["jpg", "png", "mp4", "ts", "m3u8", "pdf", "json", "gz", "tar.zst", "webp"]
WORDS = ["retry", "budget", "ok", "queue", "drained", "flushed", "batch", "rotated",
         "checkpoint", "saved", "synced", "manifest", "lease", "renewed", "shard",
         "compacted", "ready", "idle", "warm", "cold", "window", "throttle", "reset"]
XML_DECLS = ["<?xml version='1.0' encoding='utf-8' ?>",  # what COS sends
             '<?xml version="1.0" encoding="UTF-8"?>']
ERROR_PREFIXES = [
    "ERROR [uploader] upload failed: status={status} body=",
    "ERROR [cos] request failed, response body: ",
    "ERROR [downloader] GetObject failed ({status}): ",
    "ERROR [sync] PutObject {bucket}/{key} -> ",
    "ERROR [worker-{n}] cos error response ",
]
ERROR_SUFFIXES = [
    " (attempt {a}/3, key={key})",
    " elapsed_ms={ms} retry={a}",
    "; giving up after {a} attempts",
    " [trace {hex16}]",
]


def parse_size(text: str) -> int:
    units = {"KIB": 1 << 10, "MIB": 1 << 20, "GIB": 1 << 30,
             "K": 10**3, "M": 10**6, "G": 10**9, "KB": 10**3, "MB": 10**6, "GB": 10**9}
    t = text.strip().upper()
    for suffix in sorted(units, key=len, reverse=True):
        if t.endswith(suffix):
            return int(float(t[: -len(suffix)]) * units[suffix])
    return int(t)


class Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.codes = [e for e in COS_ERRORS]
        self.weights = [e[3] for e in COS_ERRORS]
        self.t = T0  # seconds
        self.ms = 0

    def hexn(self, n: int) -> str:
        return format(self.r.getrandbits(4 * n), "0%dx" % n)

    def key(self) -> str:
        r = self.r
        return "%s/%s/%s.%s" % (r.choice(DIRS), self.hexn(2), self.hexn(12), r.choice(EXTS))

    def request_id(self) -> str:
        # base64 of "<8 hex unix seconds>_<hex>_<hex>_<hex>"
        raw = "%08x_%s_%s_%s" % (self.t, self.hexn(8), self.hexn(5), self.hexn(6))
        return base64.b64encode(raw.encode()).decode()

    def trace_id(self) -> str:
        return base64.b64encode(self.hexn(128).encode()).decode()

    def error_fields(self):
        r = self.r
        code, status, message, _ = r.choices(self.codes, self.weights)[0]
        bucket = r.choice(BUCKETS)
        key = self.key()
        resource = "%s.cos.%s.myqcloud.com/%s" % (bucket, r.choice(REGIONS), key)
        if code in ("NoSuchUpload", "EntityTooLarge") or r.random() < 0.05:
            resource += "?uploadId=%s&amp;partNumber=%d" % (self.hexn(32), r.randint(1, 999))
        return code, status, message, bucket, key, resource

    def tick(self) -> None:
        self.ms += self.r.randint(1, 40)
        if self.ms >= 1000:
            self.t += self.ms // 1000
            self.ms %= 1000

    def stamp(self) -> str:
        # ISO 8601 UTC without going through datetime for every line.
        s = self.t - T0
        d, s = divmod(s, 86400)
        h, s = divmod(s, 3600)
        m, s = divmod(s, 60)
        # The files span far less than a month; days roll over within November
        # and on into December only for absurd sizes, which is harmless here.
        day = 25 + d
        month = 11
        if day > 30:
            day, month = day - 30, 12
        return "2026-%02d-%02dT%02d:%02d:%02d.%03dZ" % (month, day, h, m, s, self.ms)

    # ---- kind: bodies ------------------------------------------------------
    def body(self) -> str:
        self.tick()
        r = self.r
        code, _status, message, _b, _k, resource = self.error_fields()
        decl = XML_DECLS[0] if r.random() < 0.85 else XML_DECLS[1]
        indent = "\t" if r.random() < 0.8 else "    "
        nl = "\n" if r.random() < 0.95 else "\r\n"
        lines = [
            decl,
            "<Error>",
            "%s<Code>%s</Code>" % (indent, code),
            "%s<Message>%s</Message>" % (indent, message),
            "%s<Resource>%s</Resource>" % (indent, resource),
            "%s<RequestId>%s</RequestId>" % (indent, self.request_id()),
            "%s<TraceId>%s</TraceId>" % (indent, self.trace_id()),
            "</Error>",
        ]
        return nl.join(lines) + nl

    # ---- kind: log ---------------------------------------------------------
    def error_line(self) -> str:
        self.tick()
        r = self.r
        code, status, message, bucket, key, resource = self.error_fields()
        xml = ("%s<Error><Code>%s</Code><Message>%s</Message><Resource>%s</Resource>"
               "<RequestId>%s</RequestId><TraceId>%s</TraceId></Error>") % (
            XML_DECLS[0], code, message, resource, self.request_id(), self.trace_id())
        fmt = dict(status=status, bucket=bucket, key=key, n=r.randint(0, 15),
                   a=r.randint(1, 3), ms=r.randint(5, 30000), hex16=self.hexn(16))
        prefix = r.choice(ERROR_PREFIXES).format(**fmt)
        suffix = r.choice(ERROR_SUFFIXES).format(**fmt)
        return "%s %s%s%s\n" % (self.stamp(), prefix, xml, suffix)

    def ordinary_line(self) -> str:
        """A successful-operation log line, padded to an error line's length."""
        self.tick()
        r = self.r
        bucket, region, key = r.choice(BUCKETS), r.choice(REGIONS), self.key()
        host = "%s.cos.%s.myqcloud.com" % (bucket, region)
        k = r.random()
        if k < 0.40:
            line = ("INFO  [worker-%d] %s /%s status=%d bytes=%d elapsed_ms=%d request_id=%s"
                    % (r.randint(0, 15), r.choice(["GET", "PUT", "HEAD"]), key,
                       r.choice([200, 200, 200, 206, 204, 304]), r.randint(0, 50_000_000),
                       r.randint(1, 900), self.request_id()))
        elif k < 0.60:
            line = ("DEBUG [http] > %s https://%s/%s HTTP/1.1 user-agent=cos-python-sdk-v5.1.9.33 "
                    "range=bytes=%d-%d" % (r.choice(["GET", "PUT"]), host, key,
                                           0, r.randint(1, 1 << 24)))
        elif k < 0.75:
            n = r.randint(1, 64)
            line = ('INFO  [sync] uploaded %s (%d bytes, etag "%s") in %d ms; part %d/%d'
                    % (key, r.randint(1, 1 << 30), self.hexn(32), r.randint(3, 5000),
                       r.randint(1, n), n))
        elif k < 0.85:
            line = ("INFO  [scheduler] job %s finished: %d objects scanned, %d copied, "
                    "%d skipped, throughput %.1f MB/s" % (self.hexn(12), r.randint(0, 99999),
                                                         r.randint(0, 999), r.randint(0, 999),
                                                         r.random() * 200))
        elif k < 0.95:
            line = ("DEBUG [cache] hit %s ttl=%ds size=%d hits=%d misses=%d evictions=%d"
                    % (key, r.randint(1, 86400), r.randint(1, 1 << 20), r.randint(0, 1 << 20),
                       r.randint(0, 9999), r.randint(0, 999)))
        else:
            line = ("WARN  [pool] connection pool is full, discarding connection: %s "
                    "pool_size=%d waiters=%d" % (host, r.choice([10, 20, 50]), r.randint(1, 9)))
        # Pad with context fields to the length of a typical error line.
        target = r.randint(480, 720)
        parts = [self.stamp(), " ", line]
        length = len(parts[0]) + 1 + len(line)
        fields = [
            " trace_id=%s" % self.hexn(32),
            " span=%s parent=%s" % (self.hexn(16), self.hexn(16)),
            " host=%s" % host,
            " client_ip=10.%d.%d.%d" % (r.randint(0, 255), r.randint(0, 255), r.randint(1, 254)),
            " x-cos-meta-owner=team-%s" % self.hexn(4),
            " content-type=%s" % r.choice(
                ["image/jpeg", "video/mp4", "application/json", "application/octet-stream"]),
            " storage_class=%s" % r.choice(["STANDARD", "STANDARD_IA", "ARCHIVE", "MAZ_STANDARD"]),
            " crc64ecma=%d" % r.getrandbits(63),
            " tenant=%s" % r.choice(["acme", "globex", "initech", "umbrella", "hooli"]),
            " sdk=cos-go-sdk-v5/0.7.%d go1.2%d linux/amd64" % (r.randint(40, 60), r.randint(1, 5)),
            " session=%s" % self.hexn(40),
            " cache_key=%s" % self.key(),
            " note=\"%s\"" % " ".join(r.choice(WORDS) for _ in range(r.randint(6, 16))),
        ]
        r.shuffle(fields)
        for field in fields:
            if length >= target:
                break
            parts.append(field)
            length += len(field)
        parts.append("\n")
        return "".join(parts)

    def log_block(self) -> str:
        """100 lines, exactly one of which holds an error body."""
        at = self.r.randrange(100)
        return "".join(self.error_line() if i == at else self.ordinary_line()
                       for i in range(100))


def generate(kind: str, size: int, out: str, seed: int) -> int:
    g = Gen(seed)
    produce = g.body if kind == "bodies" else g.log_block
    tmp = out + ".tmp"
    written = 0
    buf: list[bytes] = []
    buffered = 0
    with open(tmp, "wb") as f:
        while True:
            piece = produce().encode()
            if written + buffered + len(piece) > size:
                if kind == "log":
                    # Fill the rest with whole lines of this block.
                    for line in piece.splitlines(keepends=True):
                        if written + buffered + len(line) > size:
                            break
                        buf.append(line)
                        buffered += len(line)
                break
            buf.append(piece)
            buffered += len(piece)
            if buffered >= 1 << 22:
                f.write(b"".join(buf))
                written += buffered
                buf, buffered = [], 0
        f.write(b"".join(buf))
        written += buffered
    os.replace(tmp, out)
    return written


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kind", choices=["bodies", "log"])
    ap.add_argument("size")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    a = ap.parse_args()
    size = parse_size(a.size)
    with open(__file__, "rb") as f:
        me = hashlib.sha256(f.read()).hexdigest()
    want = "kind=%s size=%d seed=%d generator=%s" % (a.kind, size, a.seed, me)
    stamp = a.out + ".stamp"
    try:
        with open(stamp) as f:
            have, got_size = f.read().split("\n")[:2]
        if have == want and os.path.getsize(a.out) == int(got_size):
            print("bench_inputs: %s is up to date (%d bytes)" % (a.out, int(got_size)),
                  file=sys.stderr)
            return 0
    except (OSError, ValueError):
        pass
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    print("bench_inputs: writing %s (%s, %d bytes, seed %d) ..." % (a.out, a.kind, size, a.seed),
          file=sys.stderr)
    n = generate(a.kind, size, a.out, a.seed)
    with open(stamp, "w") as f:
        f.write("%s\n%d\n" % (want, n))
    print("bench_inputs: wrote %d bytes" % n, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
