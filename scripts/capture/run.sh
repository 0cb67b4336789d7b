#!/usr/bin/env bash
# Capture what real COS / CI / OBS clients print when they meet an error.
#
#   sudo bash scripts/capture/run.sh [REGEX]
#
# Runs server.py and every client inside a network namespace of its own
# (coserr-capture) that has only a loopback interface: the real-looking host
# names resolve to 127.0.0.x through the namespace's hosts file, nothing can
# leave the machine. Writes tests/corpus/live/NAME.txt for every capture
# (or only those whose NAME matches REGEX) and its NAME.json sidecar (by
# sidecars.py: the expected values read off the captures by hand, the
# installed versions, the request IDs of this run). See README.md beside
# this file.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
OUT=$ROOT/tests/corpus/live
NS=coserr-capture
ONLY=${1:-}
VENV=${VENV:-$HERE/.venv}
NODE_DIR=$HERE
PY=$VENV/bin/python

if [[ $EUID -ne 0 ]]; then
    echo "run.sh: needs root (ip netns); run it as: sudo bash scripts/capture/run.sh" >&2
    exit 1
fi
if ip netns list | grep -qw "$NS"; then
    echo "run.sh: namespace $NS exists already (another run, or a crashed one: ip netns del $NS)" >&2
    exit 1
fi

# --- clients ---------------------------------------------------------------

missing_debs=()
for pkg in curl s3cmd rclone awscli iproute2; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing_debs+=("$pkg")
done
if ((${#missing_debs[@]})); then
    echo "== apt-get install ${missing_debs[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_debs[@]}" >/dev/null || exit 1
fi
if [[ ! -x $PY ]] || ! "$PY" -m pip show -q cos-python-sdk-v5 >/dev/null 2>&1; then
    echo "== python venv $VENV"
    python3 -m venv "$VENV" && "$VENV/bin/pip" install -q -r "$HERE/requirements.txt" || exit 1
fi
if [[ ! -d $NODE_DIR/node_modules/cos-nodejs-sdk-v5 ]]; then
    echo "== npm ci"
    (cd "$NODE_DIR" && npm ci --no-audit --no-fund --loglevel=error) || exit 1
fi

# --- the namespace -----------------------------------------------------------

WORK=$(mktemp -d /tmp/coserr-capture.XXXXXX)
SERVER_PID=
cleanup() {
    [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
    ip netns del "$NS" 2>/dev/null
    rm -rf "/etc/netns/$NS" "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== versions"
# what the sidecars' "source" names: the versions installed for this run
{
    echo "debian_release Debian $(. /etc/os-release && echo "$VERSION_ID")"
    for pkg in curl s3cmd rclone awscli; do
        echo "debian $pkg $(dpkg-query -W -f='${Version}' "$pkg")"
    done
    echo "python $("$PY" -c 'import platform; print(platform.python_version())')"
    "$PY" -c 'import importlib.metadata as m
for d in ["cos-python-sdk-v5", "esdk-obs-python", "boto3", "botocore", "awscli", "coscmd", "minio"]:
    print("pypi", d, m.version(d))'
    echo "awscli_botocore $("$PY" -c 'import awscli.botocore as b; print(b.__version__)' 2>/dev/null || echo none)"
    echo "node $(node --version)"
    (cd "$NODE_DIR" && node -e '
        for (const p of ["cos-nodejs-sdk-v5", "esdk-obs-nodejs", "@aws-sdk/client-s3", "minio"])
            console.log("npm " + p + " " + require(p + "/package.json").version)')
} | tee "$WORK/versions.txt"
"$PY" - "$WORK/versions.txt" "$WORK/versions.json" <<'PYEOF'
import json, sys
v = {"pypi": {}, "npm": {}, "debian": {}}
for line in open(sys.argv[1]):
    kind, rest = line.rstrip("\n").split(" ", 1)
    if kind in ("pypi", "npm", "debian"):
        name, version = rest.rsplit(" ", 1)
        v[kind][name.lower() if kind == "pypi" else name] = version
    else:
        v[kind] = rest
json.dump(v, open(sys.argv[2], "w"), indent=1)
PYEOF

ip netns add "$NS" || exit 1
ip netns exec "$NS" ip link set lo up || exit 1
mkdir -p "/etc/netns/$NS"
# ip netns exec bind-mounts these two over /etc/hosts and /etc/resolv.conf.
# 127.0.0.1: server.py; 127.0.0.2: a listener that never answers (timeouts);
# 127.0.0.3: nothing listens (connection refused). Any other name goes to
# the resolver on 127.0.0.1:53, which answers NXDOMAIN.
cat > "/etc/netns/$NS/hosts" <<'EOF'
127.0.0.1 localhost
127.0.0.1 examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com
127.0.0.1 examplebucket-1250000000.cos.ap-guangzhou.tencentcos.cn
127.0.0.1 nosuchbucket-1250000000.cos.ap-guangzhou.myqcloud.com
127.0.0.1 nosuchbucket-1250000000.cos.ap-guangzhou.tencentcos.cn
127.0.0.1 cos.ap-guangzhou.myqcloud.com
127.0.0.1 service.cos.myqcloud.com
127.0.0.1 examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com
127.0.0.1 examplebucket-1250000000.ci.ap-guangzhou.tencentci.cn
127.0.0.1 obs.cn-north-4.myhuaweicloud.com
127.0.0.1 examplebucket.obs.cn-north-4.myhuaweicloud.com
127.0.0.1 nosuchbucket.obs.cn-north-4.myhuaweicloud.com
127.0.0.2 cos.ap-shanghai.myqcloud.com
127.0.0.2 examplebucket-1250000000.cos.ap-shanghai.myqcloud.com
127.0.0.2 examplebucket-1250000000.cos.ap-shanghai.tencentcos.cn
127.0.0.2 obs.cn-east-3.myhuaweicloud.com
127.0.0.2 examplebucket.obs.cn-east-3.myhuaweicloud.com
127.0.0.3 cos.ap-beijing.myqcloud.com
127.0.0.3 examplebucket-1250000000.cos.ap-beijing.myqcloud.com
127.0.0.3 examplebucket-1250000000.cos.ap-beijing.tencentcos.cn
127.0.0.3 obs.cn-south-1.myhuaweicloud.com
127.0.0.3 examplebucket.obs.cn-south-1.myhuaweicloud.com
EOF
echo "nameserver 127.0.0.1" > "/etc/netns/$NS/resolv.conf"

ip netns exec "$NS" "$PY" "$HERE/server.py" --port 80 --hang 127.0.0.2:80 --dns 127.0.0.1:53 \
    --log "$WORK/server.log" --ids "$WORK/ids.jsonl" 2>>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 50); do
    ip netns exec "$NS" bash -c 'exec 3<>/dev/tcp/127.0.0.1/80' 2>/dev/null && break
    sleep 0.1
done

# --- client configuration (fake credentials only) ----------------------------

H=$WORK/home
mkdir -p "$H/.aws" "$H/.config/rclone" "$WORK/cwd"
cat > "$H/.aws/credentials" <<'EOF'
[default]
aws_access_key_id = AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00
aws_secret_access_key = example
EOF
cat > "$H/.aws/config" <<'EOF'
[default]
region = ap-guangzhou
EOF
s3cfg() { # s3cfg FILE HOST_BASE HOST_BUCKET
    cat > "$1" <<EOF
[default]
access_key = AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00
secret_key = example
host_base = $2
host_bucket = $3
use_https = False
signature_v2 = False
bucket_location = ap-guangzhou
EOF
}
s3cfg "$H/.s3cfg" cos.ap-guangzhou.myqcloud.com '%(bucket)s.cos.ap-guangzhou.myqcloud.com'
s3cfg "$WORK/s3cfg-obs" obs.cn-north-4.myhuaweicloud.com '%(bucket)s.obs.cn-north-4.myhuaweicloud.com'
s3cfg "$WORK/s3cfg-dns" cos.ap-nowhere.myqcloud.com '%(bucket)s.cos.ap-nowhere.myqcloud.com'
cat > "$H/.config/rclone/rclone.conf" <<'EOF'
[cos]
type = s3
provider = TencentCOS
access_key_id = AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00
secret_access_key = example
endpoint = http://cos.ap-guangzhou.myqcloud.com

[obs]
type = s3
provider = HuaweiOBS
access_key_id = AKIDEXAMPLEOBSEXAMPLE
secret_access_key = example
region = cn-north-4
endpoint = http://obs.cn-north-4.myhuaweicloud.com

[costimeout]
type = s3
provider = TencentCOS
access_key_id = AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00
secret_access_key = example
endpoint = http://cos.ap-shanghai.myqcloud.com
EOF
coscfg() { # coscfg FILE REGION
    cat > "$1" <<EOF
[common]
secret_id = AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00
secret_key = example
bucket = examplebucket-1250000000
region = $2
max_thread = 5
part_size = 1
retry = 2
timeout = 3
schema = http
verify = md5
anonymous = False
EOF
}
coscfg "$H/.cos.conf" ap-guangzhou
coscfg "$WORK/cos-dns.conf" ap-nowhere
echo hello > "$WORK/cwd/hello.txt"
head -c 65536 /dev/zero > "$WORK/cwd/too-large.bin"

# --- capturing ---------------------------------------------------------------

mkdir -p "$OUT"
CAPTURED=()
# capture NAME COMMAND...: stdout and stderr of COMMAND run in the namespace,
# merged as a terminal shows them, become tests/corpus/live/NAME.txt
capture() {
    local name=$1
    shift
    [[ -n $ONLY && ! $name =~ $ONLY ]] && return 0
    (cd "$WORK/cwd" && timeout 120 ip netns exec "$NS" env -i \
        PATH="/usr/local/bin:/usr/bin:/bin" HOME="$H" LANG=C.UTF-8 TERM=dumb \
        PYTHONDONTWRITEBYTECODE=1 AWS_EC2_METADATA_DISABLED=true AWS_PAGER= \
        NODE_PATH="$NODE_DIR/node_modules" "$@") > "$OUT/$name.txt" 2>&1
    printf '%-44s exit %s\n' "$name" "$?"
    CAPTURED+=("$name")
}

CL=$HERE/clients
COS_HOST=examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com
CI_HOST=examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com
OBS_HOST=examplebucket.obs.cn-north-4.myhuaweicloud.com

echo "== captures"

# cos-python-sdk-v5: uncaught exceptions (the traceback is what users
# paste), and the except block of the SDK's demo
for s in nosuchkey head404 slowdown ci-image-errno proxy502 timeout \
         sample-accessdenied sample-ci-jobs-invalidargument; do
    capture "cos-python-sdk-$s" "$PY" "$CL/cos_python.py" "$s"
done

# coscmd (its own output, stdout and stderr)
capture cos-coscmd-upload-accessdenied "$VENV/bin/coscmd" upload hello.txt denied.txt
capture cos-coscmd-download-nosuchkey "$VENV/bin/coscmd" download missing.txt out.txt
capture cos-coscmd-dns "$VENV/bin/coscmd" -c "$WORK/cos-dns.conf" download exampleobject.txt out.txt

# cos-nodejs-sdk-v5: console.log(err) in the callback
for s in nosuchkey head404 ci-queue-slowdown proxy502 dns timeout; do
    capture "cos-nodejs-sdk-$s" node "$CL/cos_node.js" "$s"
done

# esdk-obs-python: the documentation's way of printing an error result
for s in nosuchkey signature head404 print-resp refused; do
    capture "obs-python-sdk-$s" "$PY" "$CL/obs_python.py" "$s"
done

# esdk-obs-nodejs: likewise
for s in unavailable head404 log-result dns; do
    capture "obs-nodejs-sdk-$s" node "$CL/obs_node.js" "$s"
done

# boto3: uncaught ClientError / botocore exceptions
capture s3-boto3-cos-nosuchkey "$PY" "$CL/boto3_client.py" cos-nosuchkey
capture s3-boto3-cos-head404 "$PY" "$CL/boto3_client.py" cos-head404
capture s3-boto3-cos-slowdown "$PY" "$CL/boto3_client.py" cos-slowdown
capture s3-boto3-obs-signature "$PY" "$CL/boto3_client.py" obs-signature
capture s3-boto3-proxy502 "$PY" "$CL/boto3_client.py" proxy502
capture s3-boto3-timeout "$PY" "$CL/boto3_client.py" timeout

# awscli (v1, from PyPI): its stderr
AWS=$VENV/bin/aws
capture s3-awscli-cos-getobject-nosuchkey "$AWS" --endpoint-url http://cos.ap-guangzhou.myqcloud.com \
    s3api get-object --bucket examplebucket-1250000000 --key missing.txt out.txt
capture s3-awscli-cos-cp-head404 "$AWS" --endpoint-url http://cos.ap-guangzhou.myqcloud.com \
    s3 cp s3://examplebucket-1250000000/missing.txt .
capture s3-awscli-cos-cp-upload-accessdenied "$AWS" --endpoint-url http://cos.ap-guangzhou.myqcloud.com \
    s3 cp hello.txt s3://examplebucket-1250000000/denied.txt
capture s3-awscli-obs-getobject-signature "$AWS" --endpoint-url http://obs.cn-north-4.myhuaweicloud.com \
    --region cn-north-4 s3api get-object --bucket examplebucket --key badsig.txt out.txt
capture s3-awscli-proxy-504 "$AWS" --endpoint-url http://cos.ap-guangzhou.myqcloud.com \
    s3api get-object --bucket examplebucket-1250000000 --key gateway-timeout.txt out.txt
capture s3-awscli-dns "$AWS" --endpoint-url http://cos.ap-nowhere.myqcloud.com \
    s3 ls s3://nosuchbucket-1250000000/
capture s3-awscli-cos-debug-head403 "$AWS" --debug --endpoint-url http://cos.ap-guangzhou.myqcloud.com \
    s3api head-object --bucket examplebucket-1250000000 --key denied.txt

# AWS CLI v2 (Debian's awscli package): its stderr
AWS2=/usr/bin/aws
capture s3-awscli2-cos-getobject-nosuchkey "$AWS2" --endpoint-url http://cos.ap-guangzhou.myqcloud.com \
    s3api get-object --bucket examplebucket-1250000000 --key missing.txt out.txt
capture s3-awscli2-obs-ls-nosuchbucket "$AWS2" --endpoint-url http://obs.cn-north-4.myhuaweicloud.com \
    --region cn-north-4 s3 ls s3://nosuchbucket/
capture s3-awscli2-proxy-502 "$AWS2" --endpoint-url http://cos.ap-guangzhou.myqcloud.com \
    s3 cp s3://examplebucket-1250000000/bad-gateway.txt .
capture s3-awscli2-refused "$AWS2" --endpoint-url http://cos.ap-beijing.myqcloud.com \
    s3 ls s3://examplebucket-1250000000/

# @aws-sdk/client-s3 (JavaScript v3): console.log(err)
capture s3-aws-sdk-js-cos-nosuchkey node "$CL/awssdk_node.js" cos-nosuchkey
capture s3-aws-sdk-js-cos-head404 node "$CL/awssdk_node.js" cos-head404
capture s3-aws-sdk-js-obs-nosuchbucket node "$CL/awssdk_node.js" obs-nosuchbucket
capture s3-aws-sdk-js-proxy502 node "$CL/awssdk_node.js" proxy502
capture s3-aws-sdk-js-refused node "$CL/awssdk_node.js" refused

# minio: Python (uncaught S3Error) and JavaScript (console.log(err))
capture s3-minio-py-cos-nosuchkey "$PY" "$CL/minio_python.py" cos-nosuchkey
capture s3-minio-py-cos-head404 "$PY" "$CL/minio_python.py" cos-head404
capture s3-minio-py-proxy502 "$PY" "$CL/minio_python.py" proxy502
capture s3-minio-js-obs-accessdenied node "$CL/minio_node.js" obs-accessdenied
capture s3-minio-js-proxy502 node "$CL/minio_node.js" proxy502

# s3cmd (its stderr)
capture s3-s3cmd-cos-get-nosuchkey s3cmd get s3://examplebucket-1250000000/missing.txt out.txt
capture s3-s3cmd-cos-put-accessdenied s3cmd put hello.txt s3://examplebucket-1250000000/denied.txt
capture s3-s3cmd-cos-ls-nosuchbucket s3cmd ls s3://nosuchbucket-1250000000/
capture s3-s3cmd-cos-get-slowdown s3cmd get s3://examplebucket-1250000000/throttled.txt out.txt
capture s3-s3cmd-obs-get-signature s3cmd -c "$WORK/s3cfg-obs" get s3://examplebucket/badsig.txt out.txt
capture s3-s3cmd-dns s3cmd -c "$WORK/s3cfg-dns" ls s3://nosuchbucket-1250000000/

# rclone (its stderr). A HEAD that fails makes rclone take a path for a
# directory (a missing file is an empty directory: no error at all), so the
# captures are uploads (--no-check-dest: no HEAD first, the PUT's error body
# is read), listings, and uploads with the HEAD (whose empty body hides the
# code).
capture s3-rclone-cos-copyto-accessdenied rclone copyto --retries 1 --no-check-dest hello.txt cos:examplebucket-1250000000/denied.txt
capture s3-rclone-cos-copyto-head403 rclone copyto hello.txt cos:examplebucket-1250000000/denied.txt
capture s3-rclone-obs-copyto-signature rclone copyto --retries 1 --no-check-dest hello.txt obs:examplebucket/badsig.txt
capture s3-rclone-cos-ls-nosuchbucket rclone ls cos:nosuchbucket-1250000000
capture s3-rclone-proxy-502 rclone copyto --retries 1 --low-level-retries 1 --no-check-dest hello.txt cos:examplebucket-1250000000/bad-gateway.txt
capture s3-rclone-timeout rclone ls --low-level-retries 1 --contimeout 3s --timeout 3s costimeout:examplebucket-1250000000
capture s3-rclone-cos-vv-accessdenied rclone -vv --dump headers,bodies --retries 1 --s3-no-check-bucket \
    copyto --no-check-dest hello.txt cos:examplebucket-1250000000/denied.txt

# curl -i / -v (stdout and stderr)
capture cos-curl-i-nosuchkey curl -sS -i "http://$COS_HOST/missing.txt"
capture cos-curl-i-timeskewed curl -sS -i "http://$COS_HOST/skewed.txt"
capture cos-curl-i-empty500 curl -sS -i "http://$COS_HOST/empty500.txt"
capture cos-curl-v-head404 curl -sS -v -I "http://$COS_HOST/missing.txt"
capture ci-curl-i-slowdown curl -sS -i "http://$CI_HOST/queue"
capture ci-curl-v-invalidargument curl -sS -v -X POST -H 'Content-Type: application/xml' \
    --data '<Request><Tag>Transcode</Tag></Request>' "http://$CI_HOST/jobs"
capture ci-curl-i-image-errno curl -sS -i "http://$COS_HOST/photos/imageerr.jpg?imageMogr2/thumbnail/!50p"
capture obs-curl-i-accessdenied curl -sS -i "http://$OBS_HOST/denied.txt"
capture obs-curl-v-head404 curl -sS -v -I "http://$OBS_HOST/missing.txt"
capture proxy-curl-i-nginx-502 curl -sS -i "http://$COS_HOST/bad-gateway.txt"
capture proxy-curl-v-openresty-504 curl -sS -v "http://$COS_HOST/gateway-timeout.txt"
capture proxy-curl-i-nginx-413 curl -sS -i -T too-large.bin "http://$COS_HOST/too-large.bin"
capture client-curl-dns curl -sS -i "http://nosuchbucket-1250000000.cos.ap-nowhere.myqcloud.com/exampleobject.txt"
capture client-curl-refused curl -sS -i "http://examplebucket-1250000000.cos.ap-beijing.myqcloud.com/exampleobject.txt"
capture client-curl-timeout curl -sS -i -m 3 "http://examplebucket-1250000000.cos.ap-shanghai.myqcloud.com/exampleobject.txt"

echo "== sidecars"
touch "$WORK/ids.jsonl"
"$PY" "$HERE/sidecars.py" --ids "$WORK/ids.jsonl" --versions "$WORK/versions.json" --dir "$OUT" \
    "${CAPTURED[@]}" || echo "run.sh: sidecars.py warned: read those captures again" >&2
echo "== done: ${#CAPTURED[@]} captures in $OUT"
