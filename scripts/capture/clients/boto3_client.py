"""boto3 scenarios for run.sh: python boto3_client.py SCENARIO.

Errors are left uncaught: the traceback is what users paste.
"""
import sys

import boto3
from botocore.config import Config

COS = "http://cos.ap-guangzhou.myqcloud.com"
OBS = "http://obs.cn-north-4.myhuaweicloud.com"


def s3(endpoint=COS, region="ap-guangzhou", **cfg):
    return boto3.client("s3", endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00",
                        aws_secret_access_key="example",
                        config=Config(s3={"addressing_style": "virtual"}, **cfg))


def cos_nosuchkey():
    s3().get_object(Bucket="examplebucket-1250000000", Key="missing.txt")


def cos_head404():
    s3().head_object(Bucket="examplebucket-1250000000", Key="missing.txt")


def cos_slowdown():
    s3(retries={"max_attempts": 2, "mode": "standard"}).get_object(
        Bucket="examplebucket-1250000000", Key="throttled.txt")


def obs_signature():
    s3(OBS, "cn-north-4").get_object(Bucket="examplebucket", Key="badsig.txt")


def proxy502():
    s3(retries={"max_attempts": 1}).get_object(Bucket="examplebucket-1250000000", Key="bad-gateway.txt")


def timeout():
    s3("http://cos.ap-shanghai.myqcloud.com", "ap-shanghai", retries={"max_attempts": 1},
       read_timeout=3, connect_timeout=3).get_object(
        Bucket="examplebucket-1250000000", Key="exampleobject.txt")


if __name__ == "__main__":
    globals()[sys.argv[1].replace("-", "_")]()
