/**
 * The neural embedder: bge-small-zh-v1.5 (int8 ONNX, CLS pooling, L2-normalised) through
 * @xenova/transformers, run in a worker thread (see embed-worker.mjs for why).
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createError } from '../core/errors';
import type { Embedder, EmbedderStatus } from './embedder';

/** bge's instruction for short retrieval queries (passages are embedded without it). */
export const BGE_QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';

export interface TransformersOptions {
  source: NonNullable<EmbedderStatus['source']>;
  modelId: string; // id as transformers.js resolves it under localModelPath (or on the hub)
  displayModel: string; // what status() reports
  localModelPath?: string;
  remoteHost?: string;
  cacheDir?: string;
  quantized?: boolean;
  batchSize?: number;
  queryInstruction?: string;
}

const running = new Map<string, Promise<TransformersEmbedder>>();

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class TransformersEmbedder implements Embedder {
  readonly name = 'transformers';
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private dims = 0;

  private constructor(
    private readonly worker: Worker,
    readonly model: string,
    private readonly batchSize: number,
    private readonly instruction: string,
  ) {
    this.listen();
  }

  get dimensions(): number {
    return this.dims;
  }

  /**
   * Starts the worker and loads the model, or returns the process's running one for the same
   * source: onnxruntime's native addon loads once per process ("Module did not self-register"
   * in a second worker), so one worker serves every search built in the process.
   * Throws MODEL_UNAVAILABLE when the model cannot be loaded.
   */
  static start(options: TransformersOptions): Promise<TransformersEmbedder> {
    const key = JSON.stringify([options.source, options.localModelPath, options.modelId, options.remoteHost, options.quantized ?? true]);
    let started = running.get(key);
    if (!started) {
      started = TransformersEmbedder.launch(options);
      running.set(key, started);
      started.catch(() => running.delete(key)); // a failed start may be retried
    }
    return started;
  }

  private static async launch(options: TransformersOptions): Promise<TransformersEmbedder> {
    const worker = new Worker(path.join(__dirname, 'embed-worker.mjs'));
    const e = new TransformersEmbedder(worker, options.displayModel, options.batchSize ?? 8, options.queryInstruction ?? BGE_QUERY_INSTRUCTION);
    try {
      const { dimensions } = (await e.call('init', {
        source: options.source,
        localModelPath: options.localModelPath,
        modelId: options.modelId,
        remoteHost: options.remoteHost,
        cacheDir: options.cacheDir,
        quantized: options.quantized ?? true,
      })) as { dimensions: number };
      e.dims = dimensions;
      return e;
    } catch (err) {
      await worker.terminate();
      throw createError('MODEL_UNAVAILABLE', `嵌入模型加载失败 / could not load ${options.displayModel}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
  }

  private listen(): void {
    this.worker.unref(); // an idle embedder never keeps the process alive
    this.worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) this.worker.unref();
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
    this.worker.on('error', (err: Error) => {
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  private call(op: string, payload: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.worker.ref(); // keep the process alive while a request is in flight
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, payload });
    });
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      out.push(...((await this.call('embed', texts.slice(i, i + this.batchSize))) as Float32Array[]));
    }
    return out;
  }

  async embedQuery(text: string): Promise<Float32Array> {
    const [v] = (await this.call('embed', [this.instruction + text])) as Float32Array[];
    return v;
  }

  /**
   * Releases this user's hold. The shared worker stays (it cannot be restarted in-process, see
   * start()); it is unref'd while idle, so it never keeps the process alive.
   */
  async close(): Promise<void> {
    // nothing to free per user; kept so callers can treat every embedder alike
  }
}
