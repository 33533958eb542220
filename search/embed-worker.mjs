// Runs @xenova/transformers in a worker thread. Why a worker: the library is ESM-only
// ("type": "module"), and jest's CommonJS module system (ts-jest) cannot import ESM without
// --experimental-vm-modules; a worker is a plain Node thread with Node's own loader, so the same
// code runs under jest, tsx and node alike. It also keeps model inference off the main thread.
import { parentPort, workerData } from 'node:worker_threads';

let extractor = null;

async function init({ source, localModelPath, modelId, remoteHost, cacheDir, quantized }) {
  const { pipeline, env } = await import('@xenova/transformers');
  env.allowLocalModels = source !== 'hub';
  env.localModelPath = localModelPath ?? env.localModelPath;
  env.allowRemoteModels = source === 'hub';
  if (source === 'hub') {
    env.remoteHost = remoteHost.endsWith('/') ? remoteHost : `${remoteHost}/`;
    env.cacheDir = cacheDir;
  }
  extractor = await pipeline('feature-extraction', modelId, { quantized });
  const probe = await extractor('测试', { pooling: 'cls', normalize: true });
  return { dimensions: probe.dims[probe.dims.length - 1] };
}

async function embed(texts) {
  const out = await extractor(texts, { pooling: 'cls', normalize: true });
  const dims = out.dims[out.dims.length - 1];
  const data = out.data;
  const vectors = [];
  for (let i = 0; i < texts.length; i++) vectors.push(Float32Array.from(data.subarray(i * dims, (i + 1) * dims)));
  return vectors;
}

parentPort.on('message', async ({ id, op, payload }) => {
  try {
    if (op === 'init') parentPort.postMessage({ id, result: await init(payload ?? workerData) });
    else if (op === 'embed') {
      const vectors = await embed(payload);
      parentPort.postMessage({ id, result: vectors }, vectors.map((v) => v.buffer));
    } else throw new Error(`unknown op ${op}`);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.stack ? err.stack : err) });
  }
});
