// minio (JavaScript) scenarios for run.sh: node minio_node.js SCENARIO
// The rejected promise is caught and printed with console.log(err).
const Minio = require('minio');

const mc = (endPoint, region) => new Minio.Client({
  endPoint: endPoint || 'cos.ap-guangzhou.myqcloud.com',
  port: 80,
  useSSL: false,
  region: region || 'ap-guangzhou',
  accessKey: 'AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE00',
  secretKey: 'example',
});

const run = async (p) => {
  try {
    console.log(await p());
  } catch (err) {
    console.log(err);
  }
  process.exit(0); // minio keeps a keep-alive socket open after a retried request
};

const scenarios = {
  'obs-accessdenied': () => run(() => mc('obs.cn-north-4.myhuaweicloud.com', 'cn-north-4').statObject('examplebucket', 'denied.txt')),
  proxy502: () => run(() => mc().getObject('examplebucket-1250000000', 'bad-gateway.txt')),
};

scenarios[process.argv[2]]();
