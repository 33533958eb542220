/**
 * SupervisedEmbedder's rules without the model (a child over the hashed embedder whose
 * failures the test controls): a stalled call times out and the child is killed and replaced;
 * an exit means MODEL_UNAVAILABLE for queries at once, a passage batch waits for the restart;
 * failed restarts back off (doubling); close() stops restarting. The real worker, killed and
 * stopped under HTTP load, is test/reliability/model-worker.test.ts.
 */
import { SupervisedEmbedder, type SupervisedChild } from '../../search/supervised-embedder';
import { HashEmbedder } from './hash-embedder';

class FakeChild extends HashEmbedder implements SupervisedChild {
  onExit: ((reason: Error) => void) | undefined;
  stalled = false;
  busy = false; // answers, slowly: never replaced
  killedWith: string | undefined;
  stalledFor(): boolean {
    return this.stalled;
  }
  override async embedQuery(text: string): Promise<Float32Array> {
    if (this.stalled) return new Promise(() => {}); // never answers
    if (this.busy) return new Promise((r) => setTimeout(() => r(super.embedQuery(text)), 150)); // slower than the deadline
    return super.embedQuery(text);
  }
  override async close(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.killedWith = signal;
    await super.close();
  }
  exit(): void {
    this.onExit?.(new Error('model process exited (SIGKILL)'));
  }
}

function supervised(opts: { fail?: number } = {}) {
  const children: FakeChild[] = [new FakeChild(16)];
  const starts: number[] = [];
  let fail = opts.fail ?? 0;
  const start = async () => {
    starts.push(Date.now());
    if (fail-- > 0) throw new Error('cannot load');
    const c = new FakeChild(16);
    children.push(c);
    return c;
  };
  const e = new SupervisedEmbedder(children[0], start, { timeoutMs: 100, backoffMs: 50, maxBackoffMs: 1000 });
  return { e, children, starts };
}

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

test('a stalled call rejects after the deadline; the child is killed (SIGKILL) and replaced', async () => {
  const { e, children } = supervised();
  children[0].stalled = true;
  const t = Date.now();
  await expect(e.embedQuery('数据安全')).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  expect(Date.now() - t).toBeGreaterThanOrEqual(95);
  await new Promise((r) => setImmediate(r)); // the stall is judged after the I/O phase
  expect(children[0].killedWith).toBe('SIGKILL');
  expect(e.health()).toMatchObject({ state: 'restarting', reason: expect.stringMatching(/100 ms/) });
  await waitFor(() => e.health().state === 'up');
  expect(e.current).toBe(children[1]);
  expect((await e.embedQuery('数据安全')).length).toBe(16);
  expect(e.health().restarts).toBe(1);
  await e.close();
});

test('a call past its deadline on a busy (not stalled) child fails alone; the child stays', async () => {
  const { e, children } = supervised();
  children[0].busy = true;
  await expect(e.embedQuery('数据安全')).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
  expect(e.health().state).toBe('up');
  expect(children[0].killedWith).toBeUndefined();
  expect(e.current).toBe(children[0]);
  await e.close();
});

test('after an exit queries fail at once; a passage batch waits for the restart', async () => {
  const { e, children } = supervised();
  children[0].exit();
  const t = Date.now();
  await expect(e.embedQuery('一网通办')).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE', message: expect.stringMatching(/restarting.*exited/) });
  expect(Date.now() - t).toBeLessThan(40);
  const vs = await e.embed(['城市大脑', '数据底座']);
  expect(vs).toHaveLength(2);
  expect(e.current).toBe(children[1]);
  await e.close();
});

test('failed restarts back off, doubling', async () => {
  const { e, children, starts } = supervised({ fail: 3 });
  const down = Date.now();
  children[0].exit();
  await waitFor(() => e.health().state === 'up', 5000);
  expect(starts).toHaveLength(4);
  const gaps = [starts[0] - down, ...starts.slice(1).map((s, i) => s - starts[i])];
  // 50, 100, 200, 400 ms (timers may fire late on a busy machine, never early)
  [50, 100, 200, 400].forEach((ms, i) => expect(gaps[i]).toBeGreaterThanOrEqual(ms - 5));
  expect(e.health().reason).toBeUndefined();
  await e.close();
});

test('close stops the child and any restart', async () => {
  const { e, children, starts } = supervised();
  children[0].exit();
  await e.close();
  await new Promise((r) => setTimeout(r, 150));
  expect(starts).toHaveLength(0);
  expect(e.health().state).toBe('closed');
  await expect(e.embedQuery('x')).rejects.toMatchObject({ code: 'MODEL_UNAVAILABLE' });
});
