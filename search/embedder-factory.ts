/**
 * Picks the embedding model source, in order: KG_MODEL_DIR (a local copy), models/ (extracted
 * from the npm tarball at install), the hub only when HF_ENDPOINT is set. Without any, returns
 * `embedder: null` with a status that says what is missing: search then runs keyword + graph.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config';
import type { Embedder, EmbedderStatus } from './embedder';
import { SupervisedEmbedder } from './supervised-embedder';
import { BGE_QUERY_INSTRUCTION, TransformersEmbedder, type TransformersOptions } from './transformers-embedder';

const ONNX = path.join('onnx', 'model_quantized.onnx');

export interface EmbedderChoice {
  embedder: Embedder | null;
  status: EmbedderStatus;
}

const FIX = '运行 node scripts/fetch-model.mjs，或设置 KG_MODEL_DIR / HF_ENDPOINT / run `node scripts/fetch-model.mjs`, or set KG_MODEL_DIR or HF_ENDPOINT';

/** Where the model would be loaded from, without loading it. */
export function resolveModelSource(config: Config): TransformersOptions | { reason: string } {
  const m = config.model;
  const tuning = { queryBatch: m.queryBatch, threads: m.threads, queueTimeoutMs: m.timeoutMs, queryInstruction: m.queryInstruction ? BGE_QUERY_INSTRUCTION : '' };
  if (m.disabled) return { reason: 'KG_EMBEDDER=none: 已关闭神经检索 / neural search disabled' };
  if (m.localDir) {
    if (!fs.existsSync(path.join(m.localDir, ONNX))) return { reason: `KG_MODEL_DIR=${m.localDir} 中没有 / has no ${ONNX}` };
    return { source: 'local-dir', modelId: path.basename(m.localDir), localModelPath: path.dirname(m.localDir) + path.sep, displayModel: m.id, ...tuning };
  }
  if (fs.existsSync(path.join(m.cacheDir, m.id, ONNX))) {
    return { source: 'npm-tarball', modelId: m.id, localModelPath: m.cacheDir + path.sep, displayModel: m.id, ...tuning };
  }
  if (m.hfEndpoint) {
    return { source: 'hub', modelId: m.id, remoteHost: m.hfEndpoint, cacheDir: path.join(m.cacheDir, '.hub-cache'), displayModel: m.id, ...tuning };
  }
  return { reason: `未找到嵌入模型 / embedding model not found in ${path.join(m.cacheDir, m.id)}: ${FIX}` };
}

/**
 * Loads the neural embedder when a model is available; never throws. The model process is
 * supervised (search/supervised-embedder.ts): restarted when it exits or stalls.
 */
export async function createEmbedder(config: Config, log?: (msg: string) => void): Promise<EmbedderChoice> {
  const src = resolveModelSource(config);
  if ('reason' in src) {
    return { embedder: null, status: { active: false, name: 'none', model: null, source: null, reason: src.reason } };
  }
  try {
    const start = () => TransformersEmbedder.start(src);
    const embedder = new SupervisedEmbedder(await start(), start, { timeoutMs: config.model.timeoutMs, log });
    return { embedder, status: { active: true, name: embedder.name, model: embedder.model, source: src.source } };
  } catch (e) {
    return {
      embedder: null,
      status: { active: false, name: 'none', model: src.displayModel, source: src.source, reason: `${(e as Error).message}; ${FIX}` },
    };
  }
}
