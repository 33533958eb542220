/**
 * The neural embedder: bge-small-zh-v1.5 (int8 ONNX, CLS pooling, L2-normalised) through
 * @xenova/transformers, run in a child process (see embed-worker.mjs for why).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
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

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

export class TransformersEmbedder implements Embedder {
  readonly name = 'transformers';
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  private dims = 0;
  private exited: Error | null = null;

  private constructor(
    private readonly worker: ChildProcess,
    readonly model: string,
    private readonly batchSize: number,
    private readonly instruction: string,
  ) {
    this.listen();
  }

  get dimensions(): number {
    return this.dims;
  }

  /** Starts the model process and loads the model. Throws MODEL_UNAVAILABLE when it cannot. */
  static start(options: TransformersOptions): Promise<TransformersEmbedder> {
    return TransformersEmbedder.launch(options);
  }

  private static async launch(options: TransformersOptions): Promise<TransformersEmbedder> {
    // advanced serialization: Float32Arrays cross the IPC channel as typed arrays
    const worker = fork(path.join(__dirname, 'embed-worker.mjs'), [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
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
      worker.kill();
      throw createError('MODEL_UNAVAILABLE', `嵌入模型加载失败 / could not load ${options.displayModel}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
  }

  private listen(): void {
    this.idle(); // an idle embedder never keeps the process alive
    this.worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) this.idle();
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
    const fail = (err: Error) => {
      this.exited = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code, signal) => fail(createError('MODEL_UNAVAILABLE', `嵌入模型进程已退出 / model process exited (${signal ?? code})`)));
  }

  private idle(): void {
    this.worker.unref();
    (this.worker.channel as { unref?: () => void } | undefined)?.unref?.();
  }

  private call(op: string, payload: unknown): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    this.worker.ref(); // keep the process alive while a request is in flight
    (this.worker.channel as { ref?: () => void } | undefined)?.ref?.();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.send({ id, op, payload });
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

  /** Stops the model process. */
  async close(): Promise<void> {
    if (this.exited) return;
    this.exited = createError('MODEL_UNAVAILABLE', '嵌入模型已关闭 / embedder closed');
    this.worker.kill();
  }
}
