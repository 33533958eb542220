// Runs @xenova/transformers in a child process. Why a separate process: the library is ESM-only
// ("type": "module"), and jest's CommonJS module system (ts-jest) cannot import ESM without
// --experimental-vm-modules; a child is plain Node with Node's own loader, so the same code runs
// under jest, tsx and node alike. Why not a worker thread: onnxruntime-node's addon is not
// context-aware and loads once per process ("Module did not self-register" in a second thread),
// so a process that starts the model twice (a re-ingest, two jest suites) would lose it.
// It also keeps model inference off the server's event loop.

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

process.on('message', async ({ id, op, payload }) => {
  try {
    if (op === 'init') process.send({ id, result: await init(payload) });
    else if (op === 'embed') process.send({ id, result: await embed(payload) });
    else throw new Error(`unknown op ${op}`);
  } catch (err) {
    process.send({ id, error: String(err && err.stack ? err.stack : err) });
  }
});
process.on('disconnect', () => process.exit(0)); // the parent went away: never linger
