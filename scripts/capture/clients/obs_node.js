// esdk-obs-nodejs scenarios for run.sh: node obs_node.js SCENARIO
// The SDK calls back with err only for a client-side failure; an error
// response comes back as result.CommonMsg with Status >= 300. Printed the
// way the SDK's documentation samples do.
const ObsClient = require('esdk-obs-nodejs');

// esdk-obs-nodejs 3.26.x finishes its constructor asynchronously (an async
// initFactory): a call made in the same tick as `new ObsClient` fails with
// "TypeError: Cannot read properties of null (reading 'signature')". Real
// programs create the client once and use it later; so does this one.
const client = async (server, extra) => {
  const c = new ObsClient(Object.assign({
    access_key_id: 'AKIDEXAMPLEOBSEXAMPLE',
    secret_access_key: 'example',
    server: server || 'http://obs.cn-north-4.myhuaweicloud.com',
  }, extra || {}));
  await new Promise((resolve) => setTimeout(resolve, 50));
  return c;
};

const docStyle = (err, result) => {
  if (err) {
    console.error('Error-->' + err);
  } else if (result.CommonMsg.Status < 300) {
    console.log('RequestId-->' + result.CommonMsg.RequestId);
  } else {
    console.log('Status-->' + result.CommonMsg.Status);
    console.log('Code-->' + result.CommonMsg.Code);
    console.log('Message-->' + result.CommonMsg.Message);
    console.log('HostId-->' + result.CommonMsg.HostId);
    console.log('RequestId-->' + result.CommonMsg.RequestId);
  }
};

const scenarios = {
  head404: async () => (await client()).getObjectMetadata({ Bucket: 'examplebucket', Key: 'missing.txt' }, docStyle),
  unavailable: async () => (await client()).getObject({ Bucket: 'examplebucket', Key: 'unavailable.txt' }, docStyle),
  // console.log of the whole result object
  'log-result': async () => (await client()).getObject({ Bucket: 'examplebucket', Key: 'denied.txt' },
    (err, result) => console.log(err || result)),
  dns: async () => (await client('http://obs.cn-nowhere-9.myhuaweicloud.com', { max_retry_count: 1 }))
    .getObject({ Bucket: 'examplebucket', Key: 'exampleobject.txt' }, docStyle),
};

scenarios[process.argv[2]]();
