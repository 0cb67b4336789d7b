// cos-nodejs-sdk-v5 scenarios for run.sh: node cos_node.js SCENARIO
// Each prints the callback's err with console.log(err), as the SDK's
// demos do (console.log(err || data)).
const COS = require('cos-nodejs-sdk-v5');

const Bucket = 'examplebucket-1250000000';
const client = (extra) => new COS(Object.assign({
  SecretId: 'AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00',
  SecretKey: 'example',
  Protocol: 'http:',
}, extra || {}));
const log = (err, data) => console.log(err || data);

const scenarios = {
  nosuchkey: () => client().getObject({ Bucket, Region: 'ap-guangzhou', Key: 'missing.txt' }, log),
  head404: () => client().headObject({ Bucket, Region: 'ap-guangzhou', Key: 'missing.txt' }, log),
  'ci-queue-slowdown': () => client().request({
    Bucket, Region: 'ap-guangzhou', Method: 'GET', Key: 'queue',
    Url: 'http://examplebucket-1250000000.ci.ap-guangzhou.myqcloud.com/queue',
  }, log),
  proxy502: () => client().getObject({ Bucket, Region: 'ap-guangzhou', Key: 'bad-gateway.txt' }, log),
  dns: () => client().getObject({ Bucket: 'nosuchbucket-1250000000', Region: 'ap-nowhere', Key: 'exampleobject.txt' }, log),
  timeout: () => client({ Timeout: 3000 }).getObject({ Bucket, Region: 'ap-shanghai', Key: 'exampleobject.txt' }, log),
};

scenarios[process.argv[2]]();
