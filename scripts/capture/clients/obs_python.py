"""esdk-obs-python scenarios for run.sh: python obs_python.py SCENARIO.

The SDK does not raise on an error response: it returns a GetResult whose
status is >= 300. The scenarios print it the way the SDK's documentation
samples do (requestId, errorCode, errorMessage), or print(resp), or
print the exception of the documentation's except block.
"""
import sys
import traceback

from obs import ObsClient

BUCKET = "examplebucket"


def client(server="http://obs.cn-north-4.myhuaweicloud.com", **kw):
    return ObsClient(access_key_id="AKIDEXAMPLEOBSEXAMPLE", secret_access_key="example",
                     server=server, **kw)


def doc_style(resp):
    # "Handling an error response" in the OBS Python SDK guide
    if resp.status < 300:
        print('requestId:', resp.requestId)
    else:
        print('status:', resp.status)
        print('requestId:', resp.requestId)
        print('errorCode:', resp.errorCode)
        print('errorMessage:', resp.errorMessage)


def run(call):
    try:
        doc_style(call())
    except Exception:
        print(traceback.format_exc())


def nosuchkey():
    run(lambda: client().getObject(BUCKET, "missing.txt", loadStreamInMemory=True))


def signature():
    run(lambda: client().putContent(BUCKET, "badsig.txt", "hello"))


def head404():
    run(lambda: client().getObjectMetadata(BUCKET, "missing.txt"))


def print_resp():
    # print(resp) of the whole GetResult
    print(client().getObject(BUCKET, "missing.txt", loadStreamInMemory=True))


def refused():
    run(lambda: client("http://obs.cn-south-1.myhuaweicloud.com", max_retry_count=1)
        .getObject(BUCKET, "exampleobject.txt", loadStreamInMemory=True))


if __name__ == "__main__":
    globals()[sys.argv[1].replace("-", "_")]()
