// Runs @xenova/transformers in a child process. Why a separate process: the library is ESM-only
// ("type": "module"), and jest's CommonJS module system (ts-jest) cannot import ESM without
// --experimental-vm-modules; a child is plain Node with Node's own loader, so the same code runs
// under jest, tsx and node alike. Why not a worker thread: onnxruntime-node's addon is not
// context-aware and loads once per process ("Module did not self-register" in a second thread),
// so a process that starts the model twice (a re-ingest, two jest suites) would lose it.
// It also keeps model inference off the server's event loop. The parent batches concurrent
// queries into one `embed` message (search/transformers-embedder.ts); messages run one at a time
// here, in order, so a batch never competes with another for the cores.

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

let extractor = null;

async function init({ source, localModelPath, modelId, remoteHost, cacheDir, quantized, threads }) {
  const { pipeline, env } = await import('@xenova/transformers');
  env.allowLocalModels = source !== 'hub';
  env.localModelPath = localModelPath ?? env.localModelPath;
  env.allowRemoteModels = source === 'hub';
  if (source === 'hub') {
    env.remoteHost = remoteHost.endsWith('/') ? remoteHost : `${remoteHost}/`;
    env.cacheDir = cacheDir;
  }
  if (threads > 0) {
    // transformers.js v2 passes no session options: add onnxruntime's intra-op thread count
    // (the same onnxruntime-node module object transformers.js imports). onnxruntime-node 1.14
    // ignores the options of a session made from a buffer (what transformers.js passes: its
    // 'wasm' provider is not even rejected), so every session ran one spinning thread per core
    // whatever was asked; a session made from a file path honours them. The model bytes go to
    // a private temporary file for the load (any source: the npm tarball, a local dir, the hub).
    const ort = await import('onnxruntime-node');
    const session = (ort.default ?? ort).InferenceSession;
    const create = session.create.bind(session);
    session.create = async (model, options = {}) => {
      const wanted = { ...options, executionProviders: ['cpu'], intraOpNumThreads: threads, interOpNumThreads: 1 };
      if (!(model instanceof Uint8Array)) return create(model, wanted);
      let dir;
      try {
        dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-onnx-model-'));
        const file = path.join(dir, 'model.onnx');
        await fs.writeFile(file, model, { mode: 0o600 });
        return await create(file, wanted);
      } catch (err) {
        // no writable temp folder (or the file failed): the model still loads, with onnxruntime's own threads
        if (dir === undefined || err?.code === 'ENOSPC' || err?.code === 'EACCES' || err?.code === 'EROFS') {
          process.stderr.write(`[embed-worker] onnxruntime thread setting not applied (${err?.code ?? err}): model loaded from memory\n`);
          return create(model, options);
        }
        throw err;
      } finally {
        if (dir !== undefined) await fs.rm(dir, { recursive: true, force: true });
      }
    };
  }
  extractor = await pipeline('feature-extraction', modelId, { quantized });
  const probe = await extractor('测试', { pooling: 'cls', normalize: true });
  return { dimensions: probe.dims[probe.dims.length - 1] };
}

/**
 * Each text is run through the model alone. The int8 model quantizes its activations with one
 * scale per tensor, so a text run in a batch gets a vector that depends on the other texts and on
 * the padding (cosine 0.994 with its own vector alone): a passage's vector would depend on its
 * batch, a question's on the questions in flight with it. Alone, the same text always gives the
 * same vector, and it is faster too (no padding: 150 task texts in 1.7 s instead of 3.0 s).
 */
async function embed(texts) {
  const vectors = [];
  for (const text of texts) {
    const out = await extractor(text, { pooling: 'cls', normalize: true });
    vectors.push(Float32Array.from(out.data));
  }
  return vectors;
}

async function handle({ id, op, payload }) {
  try {
    if (op === 'init') process.send({ id, result: await init(payload) });
    else if (op === 'embed') process.send({ id, result: await embed(payload) });
    else throw new Error(`unknown op ${op}`);
  } catch (err) {
    process.send({ id, error: String(err && err.stack ? err.stack : err) });
  }
}

let chain = Promise.resolve();
process.on('message', (msg) => {
  chain = chain.then(() => handle(msg));
});
process.on('disconnect', () => process.exit(0)); // the parent went away: never linger
