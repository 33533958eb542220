/**
 * Every Embedder passes the contract (test/search/embedder.contract.ts). The model-backed ones
 * need bge-small-zh: without it they skip with the reason, and under CI=true they fail.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { loadConfig } from '../../core/config';
import { CachedEmbedder } from '../../search/cached-embedder';
import { createEmbedder, resolveModelSource } from '../../search/embedder-factory';
import { EmbeddingCache } from '../../search/embedding-cache';
import { SupervisedEmbedder } from '../../search/supervised-embedder';
import { TransformersEmbedder } from '../../search/transformers-embedder';
import { runEmbedderContract } from './embedder.contract';
import { describeIf, model } from '../prerequisites';
import { HashEmbedder } from './hash-embedder';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-embedder-contract-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const cacheFor = (e: { model: string; dimensions: number }) => new EmbeddingCache(path.join(dir, `cache-${n++}.json`), e.model, e.dimensions);

runEmbedderContract('HashEmbedder (tests)', async () => new HashEmbedder(64));
runEmbedderContract('CachedEmbedder over HashEmbedder', async () => {
  const inner = new HashEmbedder(64);
  return new CachedEmbedder(inner, cacheFor(inner), 100);
});

const config = loadConfig({ ...process.env, KG_EMBEDDER: '' });
const source = resolveModelSource(config);

describeIf('model-backed Embedder contracts', model())('with the model', () => {
  // a batch moves the int8 model's vectors a little (quantisation range, padding): cosine ≥ 0.99
  const TOL = 0.01;
  const start = () => {
    if ('reason' in source) throw new Error(`no model: ${source.reason}`);
    return TransformersEmbedder.start(source);
  };
  runEmbedderContract('TransformersEmbedder (bge-small-zh, micro-batched queries)', start, TOL);
  runEmbedderContract('SupervisedEmbedder over TransformersEmbedder', async () => {
    const chosen = await createEmbedder(config);
    if (!(chosen.embedder instanceof SupervisedEmbedder)) throw new Error(`no supervised model: ${chosen.status.reason}`);
    return chosen.embedder;
  }, TOL);
  runEmbedderContract('CachedEmbedder over SupervisedEmbedder (as the pipeline builds it)', async () => {
    const chosen = await createEmbedder(config);
    if (!chosen.embedder) throw new Error(`no model: ${chosen.status.reason}`);
    return new CachedEmbedder(chosen.embedder, cacheFor(chosen.embedder), 100);
  }, TOL);
});
