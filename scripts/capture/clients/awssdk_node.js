// @aws-sdk/client-s3 scenarios for run.sh: node awssdk_node.js SCENARIO
// The rejected promise is caught and printed with console.log(err).
const { S3Client, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command } = require('@aws-sdk/client-s3');

const COS = 'http://cos.ap-guangzhou.myqcloud.com';
const OBS = 'http://obs.cn-north-4.myhuaweicloud.com';
const s3 = (endpoint, region, extra) => new S3Client(Object.assign({
  endpoint: endpoint || COS,
  region: region || 'ap-guangzhou',
  credentials: { accessKeyId: 'AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00', secretAccessKey: 'example' },
}, extra || {}));

const run = async (client, command) => {
  try {
    const out = await client.send(command);
    console.log(out);
  } catch (err) {
    console.log(err);
  }
};

const scenarios = {
  'cos-nosuchkey': () => run(s3(), new GetObjectCommand({ Bucket: 'examplebucket-1250000000', Key: 'missing.txt' })),
  'cos-head404': () => run(s3(), new HeadObjectCommand({ Bucket: 'examplebucket-1250000000', Key: 'missing.txt' })),
  'obs-nosuchbucket': () => run(s3(OBS, 'cn-north-4'), new ListObjectsV2Command({ Bucket: 'nosuchbucket' })),
  proxy502: () => run(s3(undefined, undefined, { maxAttempts: 1 }), new GetObjectCommand({ Bucket: 'examplebucket-1250000000', Key: 'bad-gateway.txt' })),
  refused: () => run(s3('http://cos.ap-beijing.myqcloud.com', 'ap-beijing', { maxAttempts: 1 }), new GetObjectCommand({ Bucket: 'examplebucket-1250000000', Key: 'exampleobject.txt' })),
};

scenarios[process.argv[2]]();
