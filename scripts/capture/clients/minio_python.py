"""minio (Python) scenarios for run.sh: python minio_python.py SCENARIO.

Errors are left uncaught: the traceback is what users paste.
"""
import sys

import urllib3
from minio import Minio


def mc(endpoint="cos.ap-guangzhou.myqcloud.com", region="ap-guangzhou"):
    http = urllib3.PoolManager(retries=urllib3.Retry(total=0), timeout=urllib3.Timeout(5))
    return Minio(endpoint, access_key="AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00",
                 secret_key="example", secure=False, region=region, http_client=http)


def cos_nosuchkey():
    mc().get_object("examplebucket-1250000000", "missing.txt")


def cos_head404():
    mc().stat_object("examplebucket-1250000000", "missing.txt")


def proxy502():
    mc().get_object("examplebucket-1250000000", "bad-gateway.txt")


if __name__ == "__main__":
    globals()[sys.argv[1].replace("-", "_")]()
