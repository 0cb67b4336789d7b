"""cos-python-sdk-v5 scenarios for run.sh: python cos_python.py SCENARIO.

Most scenarios let the CosServiceError / CosClientError go uncaught: the
traceback is what users paste. "sample-*" scenarios print the error the way
the except block of the SDK's demo (demo/demo.py) does.
"""
import sys

from qcloud_cos import CosConfig, CosS3Client
from qcloud_cos.cos_exception import CosServiceError

BUCKET = "examplebucket-1250000000"


def client(region="ap-guangzhou", timeout=None, retry=1):
    config = CosConfig(Region=region, SecretId="AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00",
                       SecretKey="example", Scheme="http", Timeout=timeout)
    return CosS3Client(config, retry=retry)


def demo_except(call):
    try:
        call()
    except CosServiceError as e:
        print(e.get_origin_msg())
        print(e.get_digest_msg())
        print(e.get_status_code())
        print(e.get_error_code())
        print(e.get_error_msg())
        print(e.get_resource_location())
        print(e.get_trace_id())
        print(e.get_request_id())


def nosuchkey():
    client().get_object(Bucket=BUCKET, Key="missing.txt")


def head404():
    client().head_object(Bucket=BUCKET, Key="missing.txt")


def slowdown():
    client().get_object(Bucket=BUCKET, Key="throttled.txt")


def ci_image_errno():
    client().ci_get_object(Bucket=BUCKET, Key="photos/imageerr.jpg",
                           DestImagePath="/tmp/coserr-capture-out.jpg",
                           Rule="imageMogr2/thumbnail/!50p")


def proxy502():
    client().get_object(Bucket=BUCKET, Key="bad-gateway.txt")


def timeout():
    client(region="ap-shanghai", timeout=3).get_object(Bucket=BUCKET, Key="exampleobject.txt")


def sample_accessdenied():
    demo_except(lambda: client().get_object(Bucket=BUCKET, Key="denied.txt"))


def sample_ci_jobs_invalidargument():
    demo_except(lambda: client().ci_create_media_jobs(
        Bucket=BUCKET, Jobs={"Tag": "Transcode", "Input": {"Object": "video.mp4"}}, Lst={}))


if __name__ == "__main__":
    globals()[sys.argv[1].replace("-", "_")]()
