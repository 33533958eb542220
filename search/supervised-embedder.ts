/**
 * `SupervisedEmbedder`: keeps a model process answering. It wraps a `start()` that launches one
 * (TransformersEmbedder.start) and:
 * - restarts it when it exits, with exponential backoff (`backoffMs` doubling up to `maxBackoffMs`;
 *   back to the first step once a process has answered for `stableMs`);
 * - gives every call a deadline (`timeoutMs` for a query, more for a passage batch); a call past it
 *   rejects with MODEL_UNAVAILABLE, and when the process has answered nothing for half that
 *   while it had work (stopped or hung, not merely busy with a queue) it is killed (SIGKILL) and
 *   replaced;
 * - while no process is up, rejects queries at once with MODEL_UNAVAILABLE (the search engine then
 *   answers keyword + graph and says so), and reports `restarting` with the reason in health().
 * Passage batches (a re-ingest) wait for the restart instead of failing.
 */
import { createError } from '../core/errors';
import type { Embedder, EmbedderHealth } from './embedder';

/** What the supervisor needs of a model process. */
export interface SupervisedChild extends Embedder {
  onExit: ((reason: Error) => void) | undefined;
  close(signal?: NodeJS.Signals): Promise<void>;
  /** Has work and answered nothing for `ms` (stopped or hung, not merely busy). */
  stalledFor(ms: number): boolean;
}

export interface SupervisorOptions {
  timeoutMs: number; // one query's deadline (config.model.timeoutMs)
  backoffMs?: number; // first restart delay
  maxBackoffMs?: number;
  stableMs?: number; // up this long → the backoff starts over
  log?: (msg: string) => void;
}

export class SupervisedEmbedder implements Embedder {
  readonly name: string;
  readonly model: string;
  readonly dimensions: number;
  private child: SupervisedChild | null;
  private starting: Promise<SupervisedChild | null> | null = null;
  private reason: string | undefined;
  private closed = false;
  private restarts = 0;
  private delay: number;
  private upSince = Date.now();
  private timer: NodeJS.Timeout | null = null;
  private stallCheck: NodeJS.Immediate | null = null;

  constructor(
    first: SupervisedChild,
    private readonly start: () => Promise<SupervisedChild>,
    private readonly options: SupervisorOptions,
  ) {
    this.name = first.name;
    this.model = first.model;
    this.dimensions = first.dimensions;
    this.delay = options.backoffMs ?? 200;
    this.child = null;
    this.adopt(first);
  }

  /** The process now answering (tests kill and stop it); null while restarting. */
  get current(): SupervisedChild | null {
    return this.child;
  }

  health(): EmbedderHealth {
    if (this.closed) return { state: 'closed', reason: '嵌入模型已关闭 / embedder closed', restarts: this.restarts };
    return this.child ? { state: 'up', restarts: this.restarts } : { state: 'restarting', reason: this.reason, restarts: this.restarts };
  }

  private adopt(child: SupervisedChild): void {
    this.child = child;
    this.reason = undefined;
    this.upSince = Date.now();
    child.onExit = (err) => this.down(child, err.message);
  }

  /** The process ended or stalled: drop it and schedule the next start. */
  private down(child: SupervisedChild, reason: string): void {
    if (this.child !== child) return;
    this.child = null;
    this.reason = reason;
    void child.close('SIGKILL').catch(() => {});
    if (this.closed) return;
    if (Date.now() - this.upSince > (this.options.stableMs ?? 60_000)) this.delay = this.options.backoffMs ?? 200;
    this.options.log?.(`嵌入模型进程不可用，${this.delay} ms 后重启 / model process down (${reason}); restarting in ${this.delay} ms`);
    this.scheduleStart(this.delay);
    this.delay = Math.min(this.delay * 2, this.options.maxBackoffMs ?? 30_000);
  }

  private scheduleStart(ms: number): void {
    let release!: (c: SupervisedChild | null) => void;
    this.starting = new Promise((r) => (release = r));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.start().then(
        (c) => {
          this.restarts++;
          if (this.closed) {
            void c.close();
            return release(null);
          }
          this.starting = null;
          this.adopt(c);
          this.options.log?.(`嵌入模型进程已重启 / model process restarted (${this.restarts})`);
          release(c);
        },
        (e: Error) => {
          this.reason = `重启失败 / restart failed: ${e.message}`;
          release(null);
          if (!this.closed) {
            this.scheduleStart(this.delay);
            this.delay = Math.min(this.delay * 2, this.options.maxBackoffMs ?? 30_000);
          }
        },
      );
    }, ms);
    this.timer.unref(); // a restart pending never keeps the process alive
  }

  private unavailable(): Error {
    return createError('MODEL_UNAVAILABLE', `嵌入模型重启中 / model process restarting: ${this.reason ?? 'unknown'}`);
  }

  /** Runs `op` on the current process within `ms` (past it: MODEL_UNAVAILABLE, and a stall check). */
  private async within<T>(child: SupervisedChild, ms: number, op: (c: SupervisedChild) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const reason = `无响应 ${ms} ms / no answer within ${ms} ms`;
        reject(createError('MODEL_UNAVAILABLE', `嵌入模型${reason}`));
        this.checkStall(child, reason);
      }, ms);
    });
    try {
      return await Promise.race([op(child), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Replaces `child` when it has answered nothing for half the deadline while it had work (a
   * batch takes milliseconds: that is a stopped or hung process, not a long queue). Checked
   * after the event loop's I/O phase, so an answer already waiting in the pipe counts.
   */
  private checkStall(child: SupervisedChild, reason: string): void {
    if (this.stallCheck) return;
    this.stallCheck = setImmediate(() => {
      this.stallCheck = null;
      if (child.stalledFor(this.options.timeoutMs / 2)) this.down(child, reason);
    });
  }

  async embedQuery(text: string): Promise<Float32Array> {
    if (this.closed) throw createError('MODEL_UNAVAILABLE', '嵌入模型已关闭 / embedder closed');
    if (!this.child) throw this.unavailable();
    return this.within(this.child, this.options.timeoutMs, (c) => c.embedQuery(text));
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (this.closed) throw createError('MODEL_UNAVAILABLE', '嵌入模型已关闭 / embedder closed');
    let child = this.child;
    // a passage batch (ingest) waits for one restart rather than fail the whole build
    if (!child) {
      this.timer?.ref(); // someone waits for the restart: keep the process alive until it happens
      child = (await this.starting) ?? null;
    }
    if (!child) throw this.unavailable();
    const ms = this.options.timeoutMs * Math.max(4, Math.ceil(texts.length / 2));
    return this.within(child, ms, (c) => c.embed(texts));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    const child = this.child;
    this.child = null;
    await child?.close();
  }
}
