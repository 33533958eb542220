/**
 * The neural embedder: bge-small-zh-v1.5 (int8 ONNX, CLS pooling, L2-normalised) through
 * @xenova/transformers, run in a child process (see embed-worker.mjs for why).
 *
 * Queries are micro-batched: while one batch of queries is in the model, the queries that
 * arrive wait and go together as the next batch (at most `queryBatch`). An idle embedder sends
 * a lone query at once, so batching adds no latency. With one onnxruntime thread a batch saves
 * little per query (≈ 1.7 vs 2.0 ms for a short question); what matters is that batches stay
 * small (default 4): the model then computes one batch while the server's event loop finishes
 * the last one, instead of the two taking turns (docs/PERFORMANCE.md: batch 16 → 247 req/s,
 * batch 4 → 305 at 8 connections).
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createError } from '../core/errors';
import type { Embedder, EmbedderStatus } from './embedder';

/**
 * bge's instruction for short retrieval queries (passages are embedded without it). Off by
 * default (KG_QUERY_INSTRUCTION=on puts it back): it more than doubles a short question's tokens,
 * so the model's CPU per query (1.7 → 2.3 ms under load) and throughput (380 → 280 req/s at 8
 * connections), for dev nDCG@10 0.932 vs 0.933 (docs/PERFORMANCE.md); bge v1.5 is trained to work without it.
 */
export const BGE_QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';

export interface TransformersOptions {
  source: NonNullable<EmbedderStatus['source']>;
  modelId: string; // id as transformers.js resolves it under localModelPath (or on the hub)
  displayModel: string; // what status() reports
  localModelPath?: string;
  remoteHost?: string;
  cacheDir?: string;
  quantized?: boolean;
  batchSize?: number; // passages per model call
  queryBatch?: number; // most queries in one model call (config.model.queryBatch)
  threads?: number; // onnxruntime intra-op threads; 0 = its default (config.model.threads)
  queueTimeoutMs?: number; // a query waiting longer than this for its batch is dropped (config.model.timeoutMs)
  queryInstruction?: string; // put before each query (config.model.queryInstruction); default none
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface QueuedQuery {
  text: string;
  at: number; // when it was queued
  resolve: (v: Float32Array) => void;
  reject: (e: Error) => void;
}

export class TransformersEmbedder implements Embedder {
  readonly name = 'transformers';
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly queue: QueuedQuery[] = [];
  private queryBatchInFlight = false;

  private dims = 0;
  private exited: Error | null = null;
  /** Called once when the model process ends for any reason other than close(). */
  onExit: ((reason: Error) => void) | undefined;
  /** When the process last answered, or last went from idle to busy (the supervisor's stall test). */
  private progressAt = Date.now();

  private constructor(
    private readonly worker: ChildProcess,
    readonly model: string,
    private readonly batchSize: number,
    private readonly queryBatch: number,
    private readonly instruction: string,
    private readonly queueTimeoutMs: number,
  ) {
    this.listen();
  }

  get dimensions(): number {
    return this.dims;
  }

  /**
   * True when the process has work and has answered nothing for `ms`: stopped or hung, not just
   * busy (a long queue under overload is answered batch by batch, so it keeps making progress).
   */
  stalledFor(ms: number): boolean {
    return this.pending.size > 0 && Date.now() - this.progressAt > ms;
  }

  /** The model process's id (tests stop and kill it). */
  get pid(): number | undefined {
    return this.worker.pid;
  }

  /** Starts the model process and loads the model. Throws MODEL_UNAVAILABLE when it cannot. */
  static async start(options: TransformersOptions): Promise<TransformersEmbedder> {
    // advanced serialization: Float32Arrays cross the IPC channel as typed arrays
    const worker = fork(path.join(__dirname, 'embed-worker.mjs'), [], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const e = new TransformersEmbedder(worker, options.displayModel, options.batchSize ?? 8, Math.max(1, options.queryBatch ?? 4), options.queryInstruction ?? '', options.queueTimeoutMs ?? Infinity);
    try {
      const { dimensions } = (await e.call('init', {
        source: options.source,
        localModelPath: options.localModelPath,
        modelId: options.modelId,
        remoteHost: options.remoteHost,
        cacheDir: options.cacheDir,
        quantized: options.quantized ?? true,
        threads: options.threads ?? 0,
      })) as { dimensions: number };
      e.dims = dimensions;
      return e;
    } catch (err) {
      await e.close('SIGKILL');
      throw createError('MODEL_UNAVAILABLE', `嵌入模型加载失败 / could not load ${options.displayModel}: ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
  }

  private listen(): void {
    this.idle(); // an idle embedder never keeps the process alive
    this.worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      this.progressAt = Date.now();
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) this.idle();
      if (msg.error !== undefined) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
    const fail = (err: Error) => {
      const unexpected = !this.exited;
      this.exited ??= err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
      for (const q of this.queue.splice(0)) q.reject(err);
      if (unexpected) this.onExit?.(err);
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
    if (this.pending.size === 0) this.progressAt = Date.now();
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

  embedQuery(text: string): Promise<Float32Array> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.queue.push({ text: this.instruction + text, at: Date.now(), resolve, reject });
      this.pump();
    });
  }

  /** Sends the waiting queries as one batch when none is in the model. */
  private pump(): void {
    if (this.queryBatchInFlight) return;
    // under overload, queries whose caller has given up (the supervisor's deadline) are not computed
    const now = Date.now();
    while (this.queue.length && now - this.queue[0].at > this.queueTimeoutMs) {
      this.queue.shift()!.reject(createError('MODEL_UNAVAILABLE', `嵌入模型繁忙 / model busy: waited over ${this.queueTimeoutMs} ms`));
    }
    if (!this.queue.length) return;
    const batch = this.queue.splice(0, this.queryBatch);
    this.queryBatchInFlight = true;
    this.call('embed', batch.map((q) => q.text)).then(
      (vectors) => batch.forEach((q, i) => q.resolve((vectors as Float32Array[])[i])),
      (err: Error) => batch.forEach((q) => q.reject(err)),
    ).finally(() => {
      this.queryBatchInFlight = false;
      this.pump();
    });
  }

  /** Stops the model process (SIGKILL for one that no longer answers: a stopped process ignores SIGTERM). */
  async close(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.exited) this.exited = createError('MODEL_UNAVAILABLE', '嵌入模型已关闭 / embedder closed');
    if (this.worker.exitCode === null && this.worker.signalCode === null) this.worker.kill(signal);
  }
}
